"""HTTP API of the reports (API.md: /api/v1/reports/index-766/, /tthc-statistics/ and
/register-07/)."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view, content_negotiation_class
from rest_framework.response import Response

from motcua.core.api import FileNegotiation
from motcua.core.errors import DomainError
from motcua.dossiers.forms import PDF, XLSX
from motcua.reports.exports import statistics_pdf, statistics_xlsx
from motcua.reports.indicators import index_766
from motcua.reports.register import FORMATS, register_file
from motcua.reports.selectors import report_subject
from motcua.reports.statistics import tthc_statistics

EXPORTS = {"xlsx": (statistics_xlsx, XLSX), "pdf": (statistics_pdf, PDF)}
FILE_RESPONSES = {(200, XLSX): OpenApiTypes.BINARY, (200, PDF): OpenApiTypes.BINARY}


PERIOD_PARAMETERS = [
    OpenApiParameter("agency", str, description="mã cơ quan; mặc định: đơn vị cao nhất được xem"),
    OpenApiParameter("from", OpenApiTypes.DATE, description="từ ngày (giờ Việt Nam), gồm cả ngày"),
    OpenApiParameter(
        "to", OpenApiTypes.DATE, description="đến ngày, gồm cả ngày; mặc định hôm nay"
    ),
]


@extend_schema(parameters=PERIOD_PARAMETERS, responses={200: OpenApiTypes.OBJECT})
@api_view(["GET"])
def index_766_report(request) -> Response:
    """Bộ chỉ số 766: total, the six groups and their indicators for a unit and a period.

    An indicator whose data the system does not hold has `measured: false`, `points: null` and
    `missing` (what is lacking); it adds nothing to `total`. `measured_max`, overall and per
    group, is the sum of the measured indicators' maxima: the total is read over 100 and over it.
    """
    return Response(index_766(*report_subject(request.user, request.query_params)))


@extend_schema(
    parameters=[
        *PERIOD_PARAMETERS,
        OpenApiParameter("format", str, enum=["json", "xlsx", "pdf"]),
    ],
    responses={200: OpenApiTypes.OBJECT, **FILE_RESPONSES},
)
@api_view(["GET"])
@content_negotiation_class(FileNegotiation)
def tthc_statistics_report(request):
    """Biểu số 06: dossiers received, resolved and pending per field and level; .xlsx or PDF."""
    stats = tthc_statistics(*report_subject(request.user, request.query_params))
    export = EXPORTS.get(request.query_params.get("format", ""))
    if export is None:
        return Response(stats.as_json())
    build, content_type = export
    name = f"bieu-06-{stats.agency.code}-{stats.first:%Y%m%d}-{stats.last:%Y%m%d}"
    return attachment(build(stats), content_type, f"{name}.{request.query_params['format']}")


class BadFormat(DomainError):
    status = 400
    code = "invalid_format"


@extend_schema(
    parameters=[*PERIOD_PARAMETERS, OpenApiParameter("format", str, enum=["pdf", "xlsx"])],
    responses=FILE_RESPONSES,
)
@api_view(["GET"])
@content_negotiation_class(FileNegotiation)
def register_07_report(request) -> HttpResponse:
    """Mẫu 07, the desk's tracking register (sổ theo dõi hồ sơ): one line per dossier the agency
    received in the period (at most a year); PDF (default) or .xlsx."""
    fmt = request.query_params.get("format") or "pdf"
    if fmt not in FORMATS:
        raise BadFormat(_("Định dạng phải là pdf hoặc xlsx."), fields={"format": [fmt]})
    agency, first, last = report_subject(request.user, request.query_params)
    return attachment(*register_file(agency, first, last, fmt))


def attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
