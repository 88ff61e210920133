"""Reads of the back office: worklist tabs, the leader's queue, dashboard tiles, printable forms.

Everything starts from `dossiers.selectors.dossier_list`, so it is scoped to the officer's agencies
in SQL; pages use keyset pagination (`core.keyset`) and a fixed number of queries.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, time
from functools import cached_property
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.selectors import (
    agency_calendar,
    calendar_overrides,
    role_scopes,
    scope_agency_ids,
)
from motcua.catalog.models import Procedure, ProcessStep
from motcua.catalog.schema_forms import answer_value
from motcua.core.calendar import LOCAL_TZ, WorkingCalendar
from motcua.dossiers.clock import PENDING, overdue_q, urgency
from motcua.dossiers.models import Dossier, Status
from motcua.dossiers.selectors import dossier_list
from motcua.dossiers.workflow import CLOCK_RUNNING, HANDLERS

NEW, MINE, PAYMENT, RESULTS, ALL = "moi", "cua-toi", "cho-thanh-toan", "tra-ket-qua", "tat-ca"
TABS = {
    NEW: _("Hồ sơ trực tuyến chờ tiếp nhận"),
    MINE: _("Việc của tôi"),
    PAYMENT: _("Chờ thực hiện nghĩa vụ tài chính"),
    RESULTS: _("Kết quả chờ trả"),
    ALL: _("Tất cả hồ sơ"),
}
OVERDUE, DUE_SOON, RECEIVED_TODAY = "qua-han", "sap-den-han", "hom-nay"


def steps_q(scopes: dict[str, set[int]], roles: set[str]) -> Q:
    """Dossiers in process whose current step is one of `roles` in a unit where the user has it.

    A dossier without an internal process is anyone's (of those roles) at its current agency.
    """
    mine = Q(pk__in=[])
    for role in roles & set(scopes):
        step = ProcessStep.objects.filter(
            procedure=OuterRef("procedure_id"),
            agency=OuterRef("agency_id"),
            order=OuterRef("current_step"),
            role=role,
            unit=OuterRef("current_agency_id"),
        )
        units = scopes[role]
        mine |= Q(current_agency_id__in=units) & (Exists(step) | Q(current_step__isnull=True))
    return Q(status__in=CLOCK_RUNNING) & mine


def _tab_q(tab: str, scopes: dict[str, set[int]]) -> Q:
    desks = scopes.get(StaffRole.Role.RECEIVER, set())
    if tab == NEW:
        return Q(status=Status.SUBMITTED, agency_id__in=desks)
    if tab == MINE:
        return steps_q(scopes, HANDLERS)
    if tab == PAYMENT:
        return Q(status=Status.AWAITING_PAYMENT)
    if tab == RESULTS:
        return Q(status=Status.RESULT_READY, agency_id__in=desks)
    return Q()


class Officer:
    """The user of a page and what every read needs about them, each read once per request."""

    def __init__(self, user):
        self.user = user
        self._calendars: dict[int | None, WorkingCalendar] = {}

    @cached_property
    def scopes(self) -> dict[str, set[int]]:
        return role_scopes(self.user)

    @cached_property
    def overrides(self) -> dict:
        return calendar_overrides()

    def calendar_of(self, agency: Agency | None) -> WorkingCalendar:
        key = agency.pk if agency else None
        if key not in self._calendars:
            self._calendars[key] = agency_calendar(agency, self.overrides)
        return self._calendars[key]

    @cached_property
    def home_calendar(self) -> WorkingCalendar:
        """The calendar of the first agency the officer works in (the tiles' thresholds)."""
        role = StaffRole.objects.filter(user=self.user).select_related("agency").first()
        return self.calendar_of(role.agency if role else None)


def _today_start() -> datetime:
    return datetime.combine(timezone.localtime(timezone.now(), LOCAL_TZ).date(), time(), LOCAL_TZ)


def deadline_q(when: str, calendar: WorkingCalendar) -> Q:
    """Overdue, due within one working day, or received today."""
    now = timezone.now()
    if when == OVERDUE:
        return overdue_q(now)
    if when == DUE_SOON:
        soon = calendar.add_working_time(now, calendar.days_to_seconds(1))
        return PENDING & Q(due_at__gte=now, due_at__lte=soon, clock_stopped_at__isnull=True)
    if when == RECEIVED_TODAY:
        return Q(received_at__gte=_today_start())
    return Q()


@dataclass
class Filters:
    tab: str = ALL
    status: str = ""
    procedure: str = ""
    agency: str = ""
    q: str = ""
    when: str = ""


def worklist(officer: Officer, filters: Filters) -> QuerySet[Dossier]:
    """The officer's worklist for a tab and filters (unordered: the pager orders by id)."""
    dossiers = dossier_list(
        officer.user,
        status=filters.status or None,
        agency=filters.agency or None,
        procedure=filters.procedure or None,
        q=filters.q or None,
    )
    dossiers = dossiers.filter(_tab_q(filters.tab, officer.scopes))
    if filters.when:
        dossiers = dossiers.filter(deadline_q(filters.when, officer.home_calendar))
    return dossiers


def approval_queue(officer: Officer) -> QuerySet[Dossier]:
    """Dossiers at an approval step of a unit where the user is a leader who approves."""
    queue = steps_q(officer.scopes, {StaffRole.Role.APPROVER})
    return dossier_list(officer.user).filter(queue, status=Status.PROCESSING)


def dashboard_tiles(officer: Officer) -> list[dict]:
    """The agency dashboard: counts with the worklist filter each one opens."""
    calendar = officer.home_calendar
    visible = dossier_list(officer.user)
    tiles = [
        (_("Tiếp nhận hôm nay"), {"han": RECEIVED_TODAY}, deadline_q(RECEIVED_TODAY, calendar)),
        (_("Quá hạn"), {"han": OVERDUE}, deadline_q(OVERDUE, calendar)),
        (_("Đến hạn trong một ngày làm việc"), {"han": DUE_SOON}, deadline_q(DUE_SOON, calendar)),
        (_("Kết quả chờ trả"), {"tab": RESULTS}, Q(status=Status.RESULT_READY)),
    ]
    return [
        {"label": label, "query": urlencode(params), "count": visible.filter(where).count()}
        for label, params, where in tiles
    ]


def with_urgency(officer: Officer, dossiers: list[Dossier]) -> list[tuple[Dossier, str | None]]:
    """Each dossier with its time-left class by its receiving agency's working calendar."""
    now = timezone.now()
    return [(d, urgency(d, officer.calendar_of(d.agency), now)) for d in dossiers]


CHOICES_SECONDS = 60


def filter_choices(officer: Officer) -> dict:
    """(code, name) of the procedures and agencies to filter by: those of the agencies whose
    dossiers the officer reads (their own and the units below).

    Plain tuples, kept in the cache for a minute per scope: a service centre lists the whole
    catalogue (~2,000 procedures, ~10 ms to read on every page), and a filter list a minute old
    does no harm (the dossiers listed are always read fresh).
    """
    scope = None if officer.user.is_superuser else sorted(scope_agency_ids(officer.user))
    digest = hashlib.sha256(repr(scope).encode()).hexdigest()[:32]
    return cache.get_or_set(
        f"worklist-choices:{digest}", lambda: _read_choices(scope), CHOICES_SECONDS
    )


def _read_choices(scope: list[int] | None) -> dict:
    procedures = Procedure.objects.order_by("code").values_list("code", "name")
    agencies = Agency.objects.order_by("code").values_list("code", "name")
    if scope is not None:
        procedures = procedures.filter(agencies__in=scope).distinct()
        agencies = agencies.filter(id__in=scope)
    return {"procedures": list(procedures), "agencies": list(agencies)}


PRINTABLE = {
    "01": (_("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"), "receive"),
    "02": (_("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"), "request_supplement"),
    "03": (_("Phiếu từ chối tiếp nhận giải quyết hồ sơ"), "refuse"),
    "04": (_("Văn bản xin lỗi và hẹn lại ngày trả kết quả"), "apologise"),
    "05": (_("Thông báo dừng giải quyết hồ sơ"), "withdraw"),
    "06": (_("Phiếu kiểm soát quá trình giải quyết hồ sơ"), None),
    "07": (_("Sổ theo dõi hồ sơ"), None),
}


def printable_forms(dossier: Dossier) -> list[tuple[str, str]]:
    """(number, title) of the forms Mẫu 01–07 that the history calls for (prefetched events)."""
    actions = {event.action for event in dossier.events.all()}
    received = dossier.received_at is not None
    return [
        (number, title)
        for number, (title, action) in PRINTABLE.items()
        if (action in actions if action else received)
    ]


def form_answers(schema: dict, data: dict) -> list[tuple[str, object]]:
    """(title, value) of each answer of a dossier's form, in schema order, unknown keys last."""
    properties = schema.get("properties") or {}
    known = [(spec.get("title") or name, answer_value(spec, data[name]))
             for name, spec in properties.items() if name in data]  # fmt: skip
    return known + [(name, value) for name, value in data.items() if name not in properties]
