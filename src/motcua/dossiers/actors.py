"""The user acting on dossiers, with the roles they hold, read once per request or service call.

Build it with `Actor.of(user)` where the request starts (the API view, a page) and pass it down:
the staff roles are read by one constant statement, and every check after reads the object.
"""

from dataclasses import dataclass
from functools import cache

from django.db import connection

from motcua.agencies.models import Agency, StaffRole
from motcua.core.models import Citizen


def citizen_id_number(user) -> str | None:
    """The personal ID number of a citizen account, None for staff."""
    if not user.is_authenticated or not user.username.startswith(Citizen.USERNAME_PREFIX):
        return None
    citizen = getattr(user, "citizen", None)
    return citizen.id_number if citizen else None


def staff_roles(user) -> list[tuple[str, str]]:
    """The (agency path, role) pairs a staff member holds; none for citizens and superusers
    (whose rights do not come from roles), without a query."""
    if user.is_superuser or user.username.startswith(Citizen.USERNAME_PREFIX):
        return []
    with connection.cursor() as cursor:
        cursor.execute(_staff_roles_sql(), [user.pk])
        return cursor.fetchall()


@cache
def _staff_roles_sql() -> str:
    """One constant statement: every API request asks, and building the ORM's join cost more
    than the database took to answer it (bench: detail)."""
    return (
        f"SELECT a.path, r.role FROM {StaffRole._meta.db_table} r "  # noqa: S608
        f"JOIN {Agency._meta.db_table} a ON a.id = r.agency_id WHERE r.user_id = %s"
    )


@dataclass(frozen=True)
class Actor:
    """A user and what every permission check needs about them: the (agency path, role) pairs
    they hold and, for a citizen, their personal ID number."""

    user: object
    held: tuple[tuple[str, str], ...]
    id_number: str | None

    @classmethod
    def of(cls, user) -> "Actor":
        """The actor of `user` (an `Actor` already built is returned as it is)."""
        if isinstance(user, Actor):
            return user
        return cls(user, tuple(staff_roles(user)), citizen_id_number(user))

    def roles_at(self, agency: Agency) -> set[str]:
        """Roles held in `agency` itself, the roles one may act with on its dossiers.

        A role held in an agency above does not count: it lets its holder read the dossiers
        below (`may_see`), not act on them; a province official acts on a commune's dossier only
        at a step the process gives the province (the dossier's current agency is then theirs)."""
        if self.user.is_superuser:
            return set(StaffRole.Role.values)
        return {role for path, role in self.held if path == agency.path}

    def is_applicant(self, dossier) -> bool:
        """Whether the dossier was filed in this citizen's own name."""
        return self.id_number is not None and self.id_number == dossier.applicant_id_number

    def may_see(self, dossier) -> bool:
        """Whether `selectors.dossiers_visible_to(user)` holds `dossier`, decided on the row
        already read."""
        if self.user.is_superuser:
            return True
        if self.id_number:
            return dossier.applicant_id_number == self.id_number
        paths = {path for path, _role in self.held}
        return any(
            agency.path.startswith(prefix)
            for agency in (dossier.agency, dossier.current_agency)
            for prefix in paths
        )
