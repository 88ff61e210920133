"""Reads of the citizen portal."""

from django.db.models import QuerySet

from motcua.portal.models import Application


def drafts_of(user) -> QuerySet[Application]:
    """The citizen's drafts (hồ sơ nháp) not submitted yet, the latest saved first."""
    return (
        Application.objects.filter(applicant=user, dossier__isnull=True)
        .select_related("procedure", "agency")
        .order_by("-updated_at", "-id")
    )
