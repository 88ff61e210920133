"""Writes about agencies, staff and the calendar: the only place their state changes."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.agencies.models import Agency, StaffRole
from motcua.core.audit import audit_record
from motcua.core.calendar import WorkSchedule
from motcua.core.codes import agency_code_error
from motcua.core.errors import Conflict, Forbidden, RuleBroken
from motcua.core.models import CalendarDay

User = get_user_model()
AGENCY_FIELDS = {
    "name",
    "level",
    "parent",
    "is_one_stop",
    "place",
    "valid_from",
    "valid_to",
    "work_periods",
    "works_saturday_morning",
}


def require_admin(actor, agency: Agency | None = None) -> None:
    """Only superusers and admins (of `agency` or an agency above it) configure the system."""
    if actor.is_superuser:
        return
    admin_paths = StaffRole.objects.filter(user=actor, role="admin").values_list(
        "agency__path", flat=True
    )
    if agency is None and admin_paths:
        return
    if agency is not None and any(agency.path.startswith(p) for p in admin_paths):
        return
    raise Forbidden(_("Chỉ quản trị hệ thống mới được thay đổi cấu hình này."))


def require_admin_under(actor, parent: Agency | None) -> None:
    """May `actor` place an agency under `parent`? A new root needs a superuser or a root admin."""
    if parent is not None:
        require_admin(actor, parent)
        return
    if (
        actor.is_superuser
        or StaffRole.objects.filter(user=actor, role="admin", agency__parent__isnull=True).exists()
    ):
        return
    raise Forbidden(_("Chỉ quản trị cấp cao nhất mới được tạo cơ quan gốc."))


def _check_agency(agency: Agency) -> None:
    error = agency_code_error(agency.code)
    if error:
        raise RuleBroken(error, code="invalid_agency_code", fields={"code": [error]})
    try:
        WorkSchedule.from_strings(agency.work_periods, agency.works_saturday_morning)
    except (TypeError, ValueError) as exc:
        raise RuleBroken(str(exc), fields={"work_periods": [str(exc)]}) from exc


def _set_path(agency: Agency) -> None:
    parent_path = agency.parent.path if agency.parent_id else "/"
    agency.path = f"{parent_path}{agency.pk}/"


@transaction.atomic
def agency_create(*, actor, code: str, name: str, level: str, **fields) -> Agency:
    """Create an agency under its parent (the root needs a superuser or a root admin)."""
    require_admin_under(actor, fields.get("parent"))
    if Agency.objects.filter(code=code).exists():
        raise Conflict(
            _("Mã định danh %(code)s đã tồn tại.") % {"code": code}, code="duplicate_code"
        )
    agency = Agency(code=code, name=name, level=level, **fields)
    _check_agency(agency)
    agency.path = "/"
    agency.save()
    _set_path(agency)
    agency.save(update_fields=["path"])
    audit_record(actor=actor, action="agency_create", object_type="agency", object_id=code)
    return agency


@transaction.atomic
def agency_update(*, actor, agency: Agency, **changes) -> Agency:
    """Change an agency's fields; moving it re-roots the paths of its whole subtree."""
    require_admin(actor, agency)
    unknown = set(changes) - AGENCY_FIELDS
    if unknown:
        raise RuleBroken(f"Không thể sửa: {', '.join(sorted(unknown))}.")
    if "parent" in changes and changes["parent"] != agency.parent:
        # Moving needs the right over the destination too, not only over the agency moved.
        require_admin_under(actor, changes["parent"])
    old_path = agency.path
    for name, value in changes.items():
        setattr(agency, name, value)
    parent = agency.parent
    if parent is not None and parent.path.startswith(old_path):
        raise RuleBroken(_("Không thể đặt cơ quan dưới chính nó."), code="cycle")
    _check_agency(agency)
    _set_path(agency)
    agency.save()
    if agency.path != old_path:
        for child in Agency.objects.filter(path__startswith=old_path).exclude(pk=agency.pk):
            child.path = agency.path + child.path[len(old_path) :]
            child.save(update_fields=["path"])
    audit_record(
        actor=actor,
        action="agency_update",
        object_type="agency",
        object_id=agency.code,
        data={"fields": sorted(changes)},
    )
    return agency


@transaction.atomic
def agency_merge(*, actor, source: Agency, target: Agency, on: date) -> Agency:
    """Sáp nhập: `source` stops on `on` and passes its work to `target`.

    The source keeps its code, so old dossiers and statistics stay readable under it; its open
    dossiers are moved by `dossiers.services.dossiers_move_to_successor`.
    """
    require_admin(actor, source)
    require_admin(actor, target)
    if source.merged_into_id:
        raise Conflict(f"{source.name} đã được sáp nhập trước đó.", code="already_merged")
    if target == source or target.merged_into_id or target.path.startswith(source.path):
        raise RuleBroken(
            "Cơ quan nhận sáp nhập phải là một cơ quan khác đang hoạt động, không trực thuộc "
            "cơ quan bị sáp nhập.",
            code="invalid_merge_target",
            fields={"into": [target.code]},
        )
    source.merged_into, source.valid_to, source.is_one_stop = target, on, False
    source.save(update_fields=["merged_into", "valid_to", "is_one_stop"])
    audit_record(
        actor=actor,
        action="agency_merge",
        object_type="agency",
        object_id=source.code,
        data={"into": target.code, "on": on.isoformat()},
    )
    return source


@transaction.atomic
def staff_create(
    *, actor, username: str, password: str, full_name: str, agency: Agency, roles: list[str]
) -> User:
    """Create a staff account holding `roles` in `agency`."""
    require_admin(actor, agency)
    if User.objects.filter(username=username).exists():
        raise Conflict(f"Tên đăng nhập {username} đã tồn tại.", code="duplicate_username")
    invalid = set(roles) - set(StaffRole.Role.values)
    if invalid or not roles:
        raise RuleBroken("Vai trò không hợp lệ.", fields={"roles": sorted(invalid) or ["trống"]})
    first, _space, last = full_name.rpartition(" ")
    user = User.objects.create_user(
        username=username, password=password, first_name=first, last_name=last
    )
    StaffRole.objects.bulk_create(StaffRole(user=user, agency=agency, role=r) for r in set(roles))
    audit_record(
        actor=actor,
        action="staff_create",
        object_type="user",
        object_id=username,
        data={"agency": agency.code, "roles": sorted(set(roles))},
    )
    return user


@transaction.atomic
def staff_role_grant(*, actor, user: User, agency: Agency, role: str) -> StaffRole:
    """Give `user` the `role` in `agency` (nothing changes if they hold it already)."""
    require_admin(actor, agency)
    if role not in StaffRole.Role.values:
        raise RuleBroken(_("Vai trò không hợp lệ."), fields={"role": [role]})
    held, created = StaffRole.objects.get_or_create(user=user, agency=agency, role=role)
    if created:
        _audit_role(actor, "staff_role_grant", held)
    return held


@transaction.atomic
def staff_role_revoke(*, actor, held: StaffRole) -> None:
    """Take a role away from a staff member."""
    require_admin(actor, held.agency)
    held.delete()
    _audit_role(actor, "staff_role_revoke", held)


def _audit_role(actor, action: str, held: StaffRole) -> None:
    audit_record(
        actor=actor,
        action=action,
        object_type="user",
        object_id=held.user.username,
        data={"agency": held.agency.code, "role": held.role},
    )


@transaction.atomic
def calendar_day_set(*, actor, date, kind: str, reason: str) -> CalendarDay:
    """Record a nghỉ bù / làm bù override for one date (replacing any earlier one)."""
    require_admin(actor)
    if kind not in CalendarDay.Kind.values:
        raise RuleBroken("Loại ngày phải là off hoặc work.", fields={"kind": [kind]})
    day, _created = CalendarDay.objects.update_or_create(
        date=date, defaults={"kind": kind, "reason": reason}
    )
    audit_record(
        actor=actor,
        action="calendar_day_set",
        object_type="calendar_day",
        object_id=str(date),
        data={"kind": kind, "reason": reason},
    )
    return day


@transaction.atomic
def calendar_day_delete(*, actor, day: CalendarDay) -> None:
    """Remove an override: the date follows the holidays data again."""
    require_admin(actor)
    day.delete()
    audit_record(
        actor=actor,
        action="calendar_day_delete",
        object_type="calendar_day",
        object_id=str(day.date),
        data={"kind": day.kind, "reason": day.reason},
    )
