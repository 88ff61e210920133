"""HTTP API of the reports (API.md: /api/v1/reports/index-766/ and /tthc-statistics/)."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.decorators import api_view, content_negotiation_class
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.response import Response

from motcua.reports.exports import statistics_pdf, statistics_xlsx
from motcua.reports.indicators import index_766
from motcua.reports.selectors import report_subject
from motcua.reports.statistics import tthc_statistics

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPORTS = {"xlsx": (statistics_xlsx, XLSX), "pdf": (statistics_pdf, "application/pdf")}


class ExportNegotiation(BaseContentNegotiation):
    """JSON always: `?format=xlsx|pdf` chooses a file the view writes itself, and errors stay
    JSON (DRF would otherwise look for a renderer named after `format`)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


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
    responses={
        200: OpenApiTypes.OBJECT,
        (200, XLSX): OpenApiTypes.BINARY,
        (200, "application/pdf"): OpenApiTypes.BINARY,
    },
)
@api_view(["GET"])
@content_negotiation_class(ExportNegotiation)
def tthc_statistics_report(request):
    """Biểu số 06: dossiers received, resolved and pending per field and level; .xlsx or PDF."""
    stats = tthc_statistics(*report_subject(request.user, request.query_params))
    export = EXPORTS.get(request.query_params.get("format", ""))
    if export is None:
        return Response(stats.as_json())
    build, content_type = export
    response = HttpResponse(build(stats), content_type=content_type)
    name = f"bieu-06-{stats.agency.code}-{stats.first:%Y%m%d}-{stats.last:%Y%m%d}"
    response["Content-Disposition"] = (
        f'attachment; filename="{name}.{request.query_params["format"]}"'
    )
    return response
