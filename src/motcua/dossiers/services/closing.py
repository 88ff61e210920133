"""After the decision: the result returned and the applicant's rating."""

from django.utils.translation import gettext as _

from motcua.core.errors import RuleBroken
from motcua.dossiers.ratings import checked_rating
from motcua.dossiers.services.recording import Outcome


def return_result(dossier, actor, now, params, note, calendar) -> Outcome:
    method = params.get("method") or "desk"
    if method not in {"desk", "post", "online"}:
        raise RuleBroken(_("Hình thức trả kết quả không hợp lệ."), fields={"method": [method]})
    dossier.returned_at = now
    dossier.current_agency = dossier.agency
    return Outcome({"method": method})


def rate(dossier, actor, now, params, note, calendar) -> Outcome:
    rating = checked_rating(params.get("rating"))
    dossier.rating = rating
    return Outcome({"rating": rating})
