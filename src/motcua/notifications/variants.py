"""Which wording of an event fits a dossier (decision 0017).

What the applicant must do next depends on how they filed and how the result reaches them: an
online applicant supplements or downloads online; one who filed at the desk brings papers and the
receipt (Giấy tiếp nhận hồ sơ và hẹn trả kết quả); a result by post needs no visit at all.
"""

from motcua.dossiers.models import Channel, Dossier, DossierResult
from motcua.notifications.models import MessageTemplate, Variant

RESULT_KINDS = {"approve": DossierResult.Kind.APPROVAL, "reject": DossierResult.Kind.REFUSAL}
RETURN_METHODS = {"online": Variant.RESULT_ONLINE, "post": Variant.RESULT_POST}


def variant_of(dossier: Dossier, event: str, data: dict) -> str:
    """The case of `event` for `dossier` (`data`: the event's, as recorded on the timeline).

    A result (approved, or the written refusal) is downloaded when it is electronic and the
    dossier was filed online, sent by post when the dossier came by post, and otherwise collected
    at the desk; a returned result says how it was returned. Any other event is worded for the
    channel the dossier was filed on.
    """
    if event == "return_result":
        return RETURN_METHODS.get(data.get("method"), Variant.RESULT_DESK)
    if event in RESULT_KINDS:
        if dossier.channel == Channel.POST:
            return Variant.RESULT_POST
        if dossier.channel == Channel.ONLINE and _result_is_electronic(dossier, event):
            return Variant.RESULT_ONLINE
        return Variant.RESULT_DESK
    return Variant.ONLINE if dossier.channel == Channel.ONLINE else Variant.OFFLINE


def _result_is_electronic(dossier: Dossier, event: str) -> bool:
    latest = dossier.results.filter(kind=RESULT_KINDS[event]).order_by("-id")
    return bool(latest.values_list("electronic", flat=True).first())


def templates_for(
    templates: list[MessageTemplate], dossier: Dossier, event: str, data: dict
) -> list[MessageTemplate]:
    """Of an event's active `templates`, one per channel: the dossier's case, else the general."""
    if all(template.variant == Variant.GENERAL for template in templates):
        return templates
    variant = variant_of(dossier, event, data)
    chosen: dict[str, MessageTemplate] = {}
    for template in templates:
        if template.variant == variant or (
            template.variant == Variant.GENERAL and template.channel not in chosen
        ):
            chosen[template.channel] = template
    return [t for t in templates if chosen.get(t.channel) is t]
