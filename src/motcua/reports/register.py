"""Mẫu 07 (Thông tư 03/2025/TT-VPCP), the desk's tracking register (sổ theo dõi hồ sơ): one line
per dossier the agency received in a period, laid out as the dossier's own line (forms/07.pdf).

An official form: always in Vietnamese, whatever language the page that asks for it is in.
"""

from collections import defaultdict
from datetime import date, datetime, time

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency
from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import RuleBroken
from motcua.dossiers.forms import PDF, XLSX, form_pdf, form_xlsx
from motcua.dossiers.forms.content import Form, issued_by, register_row, register_table
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.reports.periods import ONE_DAY

MAX_DAYS = 366  # a year of a busy desk is a few thousand lines: longer periods are split
FORMATS = {"pdf": (form_pdf, PDF), "xlsx": (form_xlsx, XLSX)}


def received_in(agency: Agency, first: date, last: date):
    """The dossiers `agency` received from `first` to `last` (inclusive, Vietnam days), in the
    order received."""
    start = datetime.combine(first, time(), LOCAL_TZ)
    end = datetime.combine(last + ONE_DAY, time(), LOCAL_TZ)
    return (
        Dossier.objects.filter(agency=agency, received_at__gte=start, received_at__lt=end)
        .select_related("procedure", "agency")
        .order_by("received_at", "id")
    )


@translation.override(settings.LANGUAGE_CODE)
def register_07(agency: Agency, first: date, last: date) -> Form:
    """The register of the agency's desk for first..last; 422 for a period over MAX_DAYS."""
    if (last - first).days + 1 > MAX_DAYS:
        raise RuleBroken(
            _("Sổ theo dõi hồ sơ lập cho tối đa %(days)s ngày; hãy chia kỳ ngắn hơn.")
            % {"days": MAX_DAYS},
            code="period_too_long",
            fields={"from": [f"{first:%d/%m/%Y}"], "to": [f"{last:%d/%m/%Y}"]},
        )
    dossiers = received_in(agency, first, last)
    forwards: dict[int, list[DossierEvent]] = defaultdict(list)
    handovers = DossierEvent.objects.filter(dossier__in=dossiers.values("id"), action="forward")
    for event in handovers.select_related("to_agency").order_by("dossier_id", "id"):
        forwards[event.dossier_id].append(event)
    rows = [
        register_row(number, dossier, forwards[dossier.pk])
        for number, dossier in enumerate(dossiers, start=1)
    ]
    return issued_by(
        agency,
        "07",
        "SỔ THEO DÕI HỒ SƠ",
        subtitle=f"Từ ngày {first:%d/%m/%Y} đến ngày {last:%d/%m/%Y}",
        reference=f"Bộ phận Một cửa: {agency.code}",
        landscape=True,
        blocks=[register_table(rows)],
        signatures=[],
    )


def register_file(agency: Agency, first: date, last: date, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the register in `fmt` (a key of FORMATS)."""
    build, content_type = FORMATS[fmt]
    name = f"so-theo-doi-ho-so-{agency.code}-{first:%Y%m%d}-{last:%Y%m%d}.{fmt}"
    return build(register_07(agency, first, last)), content_type, name
