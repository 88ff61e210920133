"""Load the demo province (province.py) through the services, then simulate its dossiers.

Everything is written by the same services the application uses (`agency_create`,
`staff_create`, `procedure_save`, `process_set`, `dossier_submit`, `dossier_act`), so codes,
timelines, clocks and the audit chain are real. Three shortcuts, for demo data only:

- `django.utils.timezone.now` is patched with a simulated clock, so the catalogue is set up four
  months ago and dossiers move through working hours since then (simulation.py);
- the shared demo password is hashed once and the hash reused for every account (PBKDF2 costs
  about 0.3 s per account, half a minute for the whole province);
- the simulated months are history: no background task is queued for them (the worker would
  spend its first ten minutes on ~2,500 syncs and messages of the past); their report facts are
  counted, each sync recorded as acknowledged by the portal, and no message is sent.
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal
from unittest.mock import patch

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import models as auth_models
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.agencies.services import agency_create, staff_create
from motcua.catalog.models import Procedure
from motcua.catalog.services import field_get_or_create, procedure_save, process_set
from motcua.core.calendar import LOCAL_TZ
from motcua.demo import province
from motcua.demo.people import person_name
from motcua.demo.province import ProcedureSpec, Unit

DEMO_PASSWORD = "MotCua@2026"
ADMIN_USERNAME = "admin"
RANDOM_SEED = 20260701
HISTORY_DAYS = 120
LEVEL_OF_PERFORMER = {"commune": "commune"}
STEPS_TEXT = (
    "Bước 1: Tổ chức, cá nhân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia, trực tiếp "
    "tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính công ích.\n"
    "Bước 2: Cán bộ tiếp nhận kiểm tra hồ sơ; hồ sơ đầy đủ thì tiếp nhận và hẹn ngày trả "
    "kết quả, chưa đầy đủ thì hướng dẫn bổ sung một lần.\n"
    "Bước 3: Cơ quan có thẩm quyền giải quyết hồ sơ theo quy trình nội bộ.\n"
    "Bước 4: Nhận kết quả tại Bộ phận Một cửa, qua bưu chính công ích hoặc trực tuyến."
)

User = get_user_model()


class SimulatedClock:
    """The instant `timezone.now()` returns while installed: set by the seeder, demo only."""

    def __init__(self, now: datetime):
        self.now = now

    @contextmanager
    def installed(self) -> Iterator["SimulatedClock"]:
        with patch("django.utils.timezone.now", lambda: self.now):
            yield self


@contextmanager
def _one_hash_per_password() -> Iterator[None]:
    real = auth_models.make_password
    hashes: dict[str, str] = {}

    def make_password(password, salt=None, hasher="default"):
        if isinstance(password, str) and salt is None and hasher == "default":
            if password not in hashes:
                hashes[password] = real(password)
            return hashes[password]
        return real(password, salt, hasher)

    with patch("django.contrib.auth.models.make_password", make_password):
        yield


@contextmanager
def _no_background_tasks() -> Iterator[None]:
    """Tasks queued in the block go nowhere (django-tasks' dummy backend keeps them in memory)."""
    dummy = {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": settings.TASK_QUEUES}
    with override_settings(TASKS={"default": dummy}):
        yield


def _settle_history() -> None:
    """The effects the simulated changes recorded, settled as if the worker had long done them:
    the report facts counted, each national-portal sync acknowledged, no message to send."""
    from motcua.dossiers.models import PendingEffects
    from motcua.integrations.models import Exchange
    from motcua.reports.services import reports_rebuild

    acknowledged = {"system": Exchange.System.NATIONAL_PORTAL, "attempts": 1,
                    "state": Exchange.State.ACKNOWLEDGED, "response": {"seeded": True}}  # fmt: skip
    Exchange.objects.bulk_create(
        Exchange(
            dossier_id=pending.dossier_id,
            event=change["sync"]["event"],
            payload=change["sync"],
            **acknowledged,
        )
        for pending in PendingEffects.objects.order_by("pk")
        for change in pending.changes
    )
    PendingEffects.objects.all().delete()
    reports_rebuild()


@dataclass
class Offering:
    """A procedure as one agency receives it, with the internal process dossiers follow there."""

    spec: ProcedureSpec
    procedure: Procedure
    agency: Agency
    steps: list[dict]


@dataclass
class World:
    """What the seeder built: agencies by code, staff by (agency id, role), offerings."""

    admin: User
    agencies: dict[str, Agency] = field(default_factory=dict)
    staff: dict[tuple[int, str], User] = field(default_factory=dict)
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)
    offerings: list[Offering] = field(default_factory=list)


@dataclass
class SeedReport:
    """Counts of what was created, for the command's summary."""

    agencies: int
    accounts: int
    procedures: int
    processes: int
    dossiers: Counter

    def __str__(self) -> str:
        from motcua.dossiers.models import Status

        statuses = ", ".join(
            f"{Status(status).label} {count}" for status, count in sorted(self.dossiers.items())
        )
        return (
            f"Đã tạo dữ liệu trình diễn tỉnh Phú Thọ: {self.agencies} cơ quan, "
            f"{self.accounts} tài khoản, {self.procedures} thủ tục, {self.processes} quy trình "
            f"nội bộ, {sum(self.dossiers.values())} hồ sơ ({statuses or 'không có'}).\n"
            f"Đăng nhập: {ADMIN_USERNAME} (quản trị Django), quantri, tiepnhan.vietri, "
            f"chuyenvien.vietri, lanhdao.vietri... mật khẩu chung {DEMO_PASSWORD} "
            f"(docs/demo-accounts.md)."
        )


def seed_demo(*, dossiers: int = 300, seed: int = RANDOM_SEED) -> SeedReport:
    """Create the demo province and `dossiers` dossiers over the last four months, in one go."""
    from motcua.demo.simulation import simulate_dossiers

    now = timezone.now()
    start = now - timedelta(days=HISTORY_DAYS)
    setup_at = datetime.combine(start.astimezone(LOCAL_TZ).date(), time(7, 45), LOCAL_TZ)
    clock = SimulatedClock(setup_at - timedelta(days=3))
    with _no_background_tasks(), transaction.atomic():
        with _one_hash_per_password(), clock.installed():
            world = World(admin=_superuser())
            _build_agencies(world)
            _build_staff(world)
            _build_catalogue(world)
            statuses = simulate_dossiers(
                world, clock, count=dossiers, start=start, now=now, seed=seed
            )
        _settle_history()
    return SeedReport(
        agencies=len(world.agencies),
        accounts=len(world.accounts) + 1,
        procedures=len(province.PROCEDURES),
        processes=len(world.offerings),
        dossiers=statuses,
    )


def _superuser() -> User:
    user = User.objects.filter(username=ADMIN_USERNAME).first()
    if user is None:
        return User.objects.create_superuser(
            ADMIN_USERNAME, email="admin@motcua.example.vn", password=DEMO_PASSWORD
        )
    if not user.is_superuser:
        raise RuntimeError(f"Tài khoản {ADMIN_USERNAME} đã có nhưng không phải quản trị Django.")
    return user


def _build_agencies(world: World) -> None:
    world.agencies[province.PROVINCE_CODE] = agency_create(
        actor=world.admin,
        code=province.PROVINCE_CODE,
        name=province.PROVINCE_NAME,
        level="province",
        place=province.PROVINCE_PLACE,
    )
    # The province's administrator creates the rest, as the IT centre would.
    root = world.agencies[province.PROVINCE_CODE]
    world.admin = _account(world, province.ADMIN_ACCOUNT, "admin", root)
    for unit in province.UNITS:
        world.agencies[unit.code] = agency_create(
            actor=world.admin,
            code=unit.code,
            name=unit.name,
            level=unit.level,
            parent=world.agencies[unit.parent],
            is_one_stop=unit.is_one_stop,
            works_saturday_morning=unit.works_saturday_morning,
            place=unit.place,
            valid_to=unit.valid_to,
            merged_into=world.agencies[unit.merged_into] if unit.merged_into else None,
        )


def _account(world: World, username: str, role: str, agency: Agency) -> User:
    full_name = person_name(len(world.accounts))
    user = staff_create(
        actor=world.admin,
        username=username,
        password=DEMO_PASSWORD,
        full_name=full_name,
        agency=agency,
        roles=[role],
    )
    world.staff.setdefault((agency.pk, role), user)
    world.accounts.append((username, full_name, role, agency.code))
    return user


def _build_staff(world: World) -> None:
    for username, role, code in province.staff_accounts():
        _account(world, username, role, world.agencies[code])


def _performers(world: World, spec: ProcedureSpec) -> list[Unit]:
    if spec.performer == "commune":
        return list(province.COMMUNES)
    if spec.performer == "land-office":
        return [province.LAND_OFFICE, province.ONE_STOP]
    unit = province.DEPARTMENTS[spec.performer]
    return [unit, province.ONE_STOP]


def fee_lines(spec: ProcedureSpec) -> list[dict]:
    """The fee lines of a demo procedure as `procedure_save` takes them."""
    keys = ("name", "amount", "note", "condition", "included")
    return [{"note": "", **dict(zip(keys, fee, strict=False))} for fee in spec.fees]


def _build_catalogue(world: World) -> None:
    for spec in province.PROCEDURES:
        units = _performers(world, spec)
        level = LEVEL_OF_PERFORMER.get(spec.performer, "province")
        procedure = procedure_save(
            actor=world.admin,
            code=spec.code,
            field=field_get_or_create(code=spec.field, name=province.FIELDS[spec.field]),
            fees=fee_lines(spec),
            required_documents=[
                {
                    "name": d.name,
                    "kind": d.kind,
                    "count": d.count,
                    "template": d.template,
                    "from_national_data": d.national,
                }
                for d in spec.docs
            ],
            agencies=[world.agencies[u.code] for u in units],
            name=spec.name,
            levels=[level],
            online_level=spec.online,
            partial_reason=spec.reason,
            processing_days=Decimal(spec.days),
            online_processing_days=Decimal(spec.online_days) if spec.online_days else None,
            subjects=list(spec.subjects),
            steps=STEPS_TEXT,
            result_type=spec.result,
            result_on_paper=spec.paper,
            legal_basis=spec.legal,
            publication_decision=spec.decision,
            published_on=spec.published,
            effective_on=spec.effective,
            national_db_published_on=spec.on_national_db,
            supplement_clock=spec.supplement_clock,
            payment_pauses_clock=spec.payment_pauses,
            form_schema=spec.form,
        )
        for unit in units:
            agency = world.agencies[unit.code]
            # The service centre receives for a department and hands the dossier over to it;
            # every other unit processes what it receives.
            performer = world.agencies[units[0].code] if unit == province.ONE_STOP else agency
            steps = internal_process(procedure.processing_days, agency, performer)
            process_set(actor=world.admin, procedure=procedure, agency=agency, steps=steps)
            world.offerings.append(Offering(spec, procedure, agency, steps))


def _share(total: Decimal, fraction: str, cap: str) -> Decimal:
    part = (total * Decimal(fraction)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    return min(part, Decimal(cap))


def internal_process(days: Decimal, desk: Agency, performer: Agency) -> list[dict]:
    """Quy trình nội bộ: desk → specialist → (head of office) → leader → clerk, within `days`.

    `desk` receives; when it is not the performer (the service centre receiving for a
    department), the dossier is handed over to the performer after receipt (liên thông).
    """
    receive = _share(days, "0.1", "0.5")
    approve = _share(days, "0.15", "1")
    clerk = _share(days, "0.1", "0.5")
    head = _share(days, "0.1", "1") if days >= 5 else Decimal(0)
    margin = Decimal("0.5") if days >= 3 else Decimal(0)
    specialist = days - receive - approve - clerk - head - margin
    desk_name = (
        "Tiếp nhận, kiểm tra hồ sơ, chuyển cơ quan giải quyết"
        if desk != performer
        else "Tiếp nhận, kiểm tra hồ sơ, chuyển chuyên viên thụ lý"
    )
    steps = [
        {"name": desk_name, "role": "receiver", "unit": desk, "days": receive},
        {
            "name": "Thẩm định hồ sơ, dự thảo kết quả",
            "role": "specialist",
            "unit": performer,
            "days": specialist,
        },
    ]
    if head:
        steps.append(
            {
                "name": "Lãnh đạo phòng chuyên môn kiểm tra, trình ký",
                "role": "approver",
                "unit": performer,
                "days": head,
            }
        )
    steps += [
        {
            "name": "Lãnh đạo cơ quan xem xét, ký duyệt",
            "role": "approver",
            "unit": performer,
            "days": approve,
        },
        {
            "name": "Vào sổ, đóng dấu, phát hành kết quả",
            "role": "clerk",
            "unit": performer,
            "days": clerk,
        },
    ]
    return steps
