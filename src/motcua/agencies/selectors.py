"""Reads about agencies and staff, and the agency scope every officer query is filtered by."""

from functools import cache

from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, QuerySet
from django.db.models.lookups import StartsWith

from motcua.agencies.models import Agency, StaffRole
from motcua.core.calendar import WorkingCalendar, WorkSchedule
from motcua.core.compiled import CompiledQuery
from motcua.core.models import CalendarDay


def agency_by_code(code: str) -> Agency | None:
    return Agency.objects.filter(code=code).first()


def user_roles(user) -> dict[int, set[str]]:
    """Agency id → roles the user holds there (directly, not through the tree)."""
    roles: dict[int, set[str]] = {}
    if not user or not user.is_authenticated:
        return roles
    for agency_id, role in StaffRole.objects.filter(user=user).values_list("agency_id", "role"):
        roles.setdefault(agency_id, set()).add(role)
    return roles


def scope_agencies(user, roles: set[str] | None = None) -> QuerySet[Agency]:
    """Agencies whose data the user may see: where they hold a role, and the units below them.

    One query, which other queries nest (`id__in=scope_agencies(user).values("id")`) so that an
    officer's request does not first read the agency tree.
    """
    memberships = StaffRole.objects.filter(
        StartsWith(OuterRef("path"), F("agency__path")), user=user
    )
    if roles is not None:
        memberships = memberships.filter(role__in=roles)
    return Agency.objects.filter(Exists(memberships))


def scope_agency_ids(user, roles: set[str] | None = None) -> set[int]:
    """The ids of `scope_agencies`, read at once."""
    return set(scope_agencies(user, roles).values_list("id", flat=True))


def agency_ids_under(paths: set[str]) -> set[int]:
    """The agencies at the given tree paths and every unit below them (one pass over paths)."""
    if not paths:
        return set()
    ids: set[int] = set()
    for agency_id, path in Agency.objects.values_list("id", "path"):
        if any(path.startswith(prefix) for prefix in paths):
            ids.add(agency_id)
    return ids


def role_scopes(user) -> dict[str, set[int]]:
    """Role → agencies where the user acts in that role: exactly where they hold it (the units
    below are read, `scope_agencies`, not acted on: `dossiers.actors.Actor.roles_at`).

    One query whatever the number of roles; a superuser holds every role everywhere.
    """
    if user.is_superuser:
        every = set(Agency.objects.values_list("id", flat=True))
        return {role: set(every) for role in StaffRole.Role.values}
    scopes: dict[str, set[int]] = {}
    for agency_id, role in StaffRole.objects.filter(user=user).values_list("agency_id", "role"):
        scopes.setdefault(role, set()).add(agency_id)
    return scopes


def agencies_visible_to(user):
    """Agencies in the user's scope; the whole tree for superusers."""
    if user.is_superuser:
        return Agency.objects.all()
    return scope_agencies(user)


@cache
def _overrides() -> CompiledQuery:
    return CompiledQuery(CalendarDay.objects.values_list("date", "kind"))


def calendar_overrides() -> dict:
    """date → True (làm bù) / False (nghỉ bù): a few rows, read fresh so every process agrees
    (the query compiled once per process: every receipt and every due date asks)."""
    return {day: kind == CalendarDay.Kind.WORK for day, kind in _overrides().rows()}


def agency_calendar(agency: Agency | None, overrides: dict | None = None) -> WorkingCalendar:
    """The working calendar of an agency (its hours, the national holidays, the overrides).

    Pass `overrides` (from `calendar_overrides()`) to build several calendars with one query.
    """
    schedule = (
        WorkSchedule.from_strings(agency.work_periods, agency.works_saturday_morning)
        if agency
        else WorkSchedule()
    )
    return WorkingCalendar(schedule, calendar_overrides() if overrides is None else overrides)


def agency_head_name(agency: Agency) -> str:
    """The name of the agency's head (thủ trưởng), who signs what the agency issues: its one
    leader (approver); empty when it has none or several, as nothing says which of them heads it."""
    leaders = (
        get_user_model()
        .objects.filter(staff_roles__agency=agency, staff_roles__role=StaffRole.Role.APPROVER)
        .distinct()[:2]
    )
    found = list(leaders)
    return found[0].get_full_name() or found[0].get_username() if len(found) == 1 else ""
