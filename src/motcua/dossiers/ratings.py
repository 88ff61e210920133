"""Đánh giá mức độ hài lòng: the applicant's rating of a dossier, one level per criterion.

The one enumeration of the criteria and levels: the service checks a rating against it, every
form (back office, portal), the demo and the bench generator offer it, and the 766 satisfaction
figure reads it (`is_dissatisfied`).
"""

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from motcua.core.errors import RuleBroken


class Criterion(models.TextChoices):
    """What the applicant rates (tiêu chí đánh giá)."""

    RECEIPT = "receipt", gettext_lazy("Tiếp nhận hồ sơ")
    PROCESSING = "processing", gettext_lazy("Giải quyết hồ sơ")
    ATTITUDE = "attitude", gettext_lazy("Thái độ phục vụ của cán bộ, công chức")
    RESULT = "result", gettext_lazy("Trả kết quả")


class Level(models.TextChoices):
    """How satisfied the applicant is with one criterion (mức độ hài lòng)."""

    SATISFIED = "satisfied", gettext_lazy("Hài lòng")
    NEUTRAL = "neutral", gettext_lazy("Bình thường")
    DISSATISFIED = "dissatisfied", gettext_lazy("Không hài lòng")


def checked_rating(rating: object) -> dict[str, str]:
    """The rating if it gives one known level for each criterion and nothing else; RuleBroken
    (422 `invalid_rating`) naming each wrong, unknown or missing criterion otherwise."""
    errors: dict[str, list[str]] = {}
    if not isinstance(rating, dict) or not rating:
        errors["rating"] = [_("Chưa có đánh giá.")]
        rating = {}
    for key, level in rating.items():
        if key not in Criterion.values:
            errors[f"rating.{key}"] = [_("Không có tiêu chí đánh giá này.")]
        elif level not in Level.values:
            errors[f"rating.{key}"] = [_("Mức đánh giá không hợp lệ.")]
    if rating:
        for key in Criterion.values:
            if key not in rating:
                errors[f"rating.{key}"] = [_("Chưa đánh giá tiêu chí này.")]
    if errors:
        raise RuleBroken(
            _(
                "Đánh giá từng tiêu chí (%(criteria)s), mỗi tiêu chí một mức: hài lòng, "
                "bình thường hoặc không hài lòng."
            )
            % {"criteria": ", ".join(str(label).lower() for label in Criterion.labels)},
            code="invalid_rating",
            fields=errors,
        )
    return rating


def is_dissatisfied(rating: dict | None) -> bool:
    """Whether the applicant is dissatisfied with any criterion (the 766 index counts it)."""
    return Level.DISSATISFIED in (rating or {}).values()
