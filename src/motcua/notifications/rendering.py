"""Render message templates as plain text with Django's template engine.

The engine has autoescape off (the messages are plain text: SMS, Zalo parameters, a text/plain
e-mail, so HTML escaping would only garble "&" or quotes in names) and no template loaders, so a
template edited in the admin cannot include files. The context holds only strings with control
characters and line breaks removed: an applicant-provided name cannot add lines or headers.
"""

import re
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.template import Context, Engine, Template, TemplateDoesNotExist, TemplateSyntaxError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.calendar import LOCAL_TZ
from motcua.core.money import dong
from motcua.dossiers.fees import outstanding_amount
from motcua.dossiers.models import Dossier

ENGINE = Engine(autoescape=False, loaders=[], libraries={})
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
VARIABLES = {
    "applicant_name": _("họ tên người nộp"),
    "code": _("mã hồ sơ"),
    "procedure": _("tên thủ tục"),
    "agency": _("cơ quan tiếp nhận"),
    "due_at": _("hẹn trả kết quả (giờ, ngày)"),
    "note": _("ghi chú của cán bộ (lý do, nội dung cần bổ sung)"),
    "items": _("các giấy tờ, nội dung cần bổ sung"),
    "lookup_url": _("địa chỉ tra cứu hồ sơ"),
    "dossier_url": _(
        "trang hồ sơ của người nộp (đăng nhập VNeID): nộp bổ sung, thanh toán, tải kết quả, "
        "đánh giá"
    ),
    "amount": _("số tiền còn phải nộp, như “8.000 đồng” (trống khi đã nộp đủ)"),
    "paid": _("số tiền vừa nộp"),
    "receipt_number": _("số biên lai"),
}


class RenderError(Exception):
    """A template that does not compile, or includes another (there are none to include)."""


def local_datetime(instant: datetime | None) -> str:
    """`08:00 ngày 19/11/2026` in Hà Nội time, or an empty string."""
    if instant is None:
        return ""
    local = timezone.localtime(instant, LOCAL_TZ)
    return f"{local:%H:%M} ngày {local:%d/%m/%Y}"


def money(amount: int | None) -> str:
    """`8.000 đồng` (dots between thousands, as Vietnamese writes it); empty for nothing."""
    return dong(amount) if amount else ""


def _owed(dossier: Dossier, event: str, data: dict) -> int | None:
    """What the applicant owes, in đồng, by the one function that computes it: for a request,
    the amount it gave at the event (recorded then: the worker may come after a payment); after
    a payment, what is still owed when the message is made. None for other events."""
    if event == "request_payment":
        return data.get("amount")
    if event != "record_payment":
        return None
    return outstanding_amount(dossier)


def _clean(value: str) -> str:
    return CONTROL.sub(" ", value).strip()


def message_context(
    dossier: Dossier, event: str, note: str, data: dict, due_at: datetime | None
) -> dict[str, str]:
    """The variables a template may use, all plain single-line strings (`due_at`: the dossier's
    as it stood at the event)."""
    base_url = settings.MOTCUA["PUBLIC_BASE_URL"].rstrip("/")
    owed = _owed(dossier, event, data)
    values = {
        "applicant_name": dossier.applicant_name,
        "code": dossier.code,
        "procedure": dossier.procedure.name,
        "agency": dossier.agency.name,
        "due_at": local_datetime(due_at),
        "note": note,
        "items": "; ".join(str(item) for item in data.get("items") or []),
        "lookup_url": f"{base_url}{reverse('portal-lookup')}?ma={dossier.code}",
        "dossier_url": f"{base_url}{reverse('portal-my-dossier', args=[dossier.code])}",
        "amount": money(owed),
        "paid": money(data.get("amount")) if event == "record_payment" else "",
        "receipt_number": data.get("receipt_number") or "",
    }
    return {name: _clean(str(value)) for name, value in values.items()}


@lru_cache(maxsize=512)
def _compiled(source: str) -> Template:
    """A message template parsed once per process (every dossier action renders a few)."""
    return ENGINE.from_string(source)


def render(source: str, context: dict[str, str]) -> str:
    """`source` rendered with `context` as plain text; RenderError when it cannot be."""
    try:
        return _compiled(source).render(Context(context, autoescape=False)).strip()
    except (TemplateSyntaxError, TemplateDoesNotExist) as error:
        raise RenderError(str(error)) from error
