"""Simulated months of a province's dossiers, driven through the real services.

Each dossier lives as a generator (`_life`): it performs one action, then yields the working-time
instant of its next one. The driver runs every dossier's actions in time order on one simulated
clock, so codes, due dates, hand-overs and the audit chain come out as they would in production.
Actions that fall after "now" are never performed: recent dossiers stay in progress.
"""

import heapq
import random
from collections import Counter
from collections.abc import Generator
from datetime import date, datetime, timedelta
from decimal import Decimal

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_calendar
from motcua.catalog.models import FeeItem
from motcua.core.calendar import LOCAL_TZ, WorkingCalendar
from motcua.demo import people
from motcua.demo.seed import Offering, SimulatedClock, World
from motcua.dossiers.fees import dossier_fees, outstanding_amount
from motcua.dossiers.models import Dossier, DossierDocument
from motcua.dossiers.ratings import Criterion, Level
from motcua.dossiers.services import dossier_act, dossier_submit

Life = Generator[datetime, None, None]
PER_EXTRA_COPY = FeeItem.Condition.PER_EXTRA_COPY

SUPPLEMENT_ITEMS = [
    "Bản sao giấy tờ chứng minh quan hệ nhân thân",
    "Tờ khai ghi thiếu thông tin nơi cư trú",
    "Bản vẽ thiết kế chưa có chữ ký của đơn vị tư vấn",
    "Giấy ủy quyền chưa được chứng thực",
]
LATE_REASONS = [
    "Cần xác minh thông tin tại nơi cư trú trước đây của người yêu cầu",
    "Phải lấy ý kiến của cơ quan chuyên môn liên quan",
    "Hệ thống cơ sở dữ liệu chuyên ngành gián đoạn, chưa tra cứu được",
]
REFUSAL_REASONS = [
    "Thủ tục không thuộc thẩm quyền giải quyết của cơ quan",
    "Người nộp không thuộc đối tượng thực hiện thủ tục",
]


class Province:
    """Who acts where, and each agency's calendar, for the simulated dossiers."""

    def __init__(self, world: World, clock: SimulatedClock):
        self.world, self.clock = world, clock
        self._calendars: dict[int, WorkingCalendar] = {}

    def staff(self, agency: Agency, role: str):
        return self.world.staff[(agency.pk, role)]

    def calendar(self, agency: Agency) -> WorkingCalendar:
        if agency.pk not in self._calendars:
            self._calendars[agency.pk] = agency_calendar(agency)
        return self._calendars[agency.pk]

    def later(self, agency: Agency, working_days: Decimal | float) -> datetime:
        """The instant `working_days` of the agency's working time after now (at least minutes)."""
        calendar = self.calendar(agency)
        seconds = max(600, calendar.days_to_seconds(working_days))
        return calendar.add_working_time(self.clock.now, seconds)


def sample_form(schema: dict, rng: random.Random, today: date) -> dict:
    """Plausible answers to a procedure's form: its enums and examples, dates in the past."""
    answers = {}
    for name, prop in schema.get("properties", {}).items():
        if "enum" in prop:
            answers[name] = rng.choice(prop["enum"])
        elif "examples" in prop:
            answers[name] = rng.choice(prop["examples"])
        elif prop.get("format") == "date":
            answers[name] = (today - timedelta(days=rng.randint(3, 40))).isoformat()
        elif prop.get("type") == "integer":
            answers[name] = prop.get("minimum", 1)
        else:
            answers[name] = prop.get("title", name)
    return answers


def _copies_asked(dossier: Dossier) -> list[dict]:
    """The copies the applicant asked for on the tờ khai (`so_luong`, Phiếu lý lịch tư pháp),
    as the specialist sets them on the per-extra-copy fee lines."""
    copies = dossier.form_data.get("so_luong")
    if not isinstance(copies, int):
        return []
    lines = dossier_fees(dossier).adjustable
    return [{"line": f.line, "quantity": copies} for f in lines if f.condition == PER_EXTRA_COPY]


def _documents(offering: Offering) -> list[dict]:
    return [
        {
            "name": doc.name,
            "kind": doc.kind,
            "count": doc.count,
            "source": DossierDocument.Source.NATIONAL_DATA if doc.national else "",
        }
        for doc in offering.spec.docs
    ]


def _life(place: Province, offering: Offering, rng: random.Random) -> Life:
    """One dossier from filing to rating, with the chances of each turn its procedure has."""
    agency, clock = offering.agency, place.clock
    desk = place.staff(agency, "receiver")
    online = offering.spec.online != "info" and rng.random() < 0.6
    channel = "online" if online else rng.choices(["desk", "post"], [0.9, 0.1])[0]
    organisation = "organisation" in offering.spec.subjects and (
        "individual" not in offering.spec.subjects or rng.random() < 0.3
    )
    locality = agency.name.removeprefix("Ủy ban nhân dân ")
    dossier = dossier_submit(
        actor=desk,
        procedure=offering.procedure,
        agency=agency,
        channel=channel,
        applicant=people.applicant(rng, locality, organisation).as_dict(),
        form_data=sample_form(offering.procedure.form_schema, rng, clock.now.date()),
        documents=_documents(offering),
    )

    def act(actor, action: str, **params) -> None:
        nonlocal dossier
        dossier = dossier_act(
            actor=actor, code=dossier.code, action=action, version=dossier.version, **params
        )

    if online:
        yield place.later(agency, rng.uniform(0.05, 0.5))
        if rng.random() < 0.05:
            act(desk, "refuse", note=rng.choice(REFUSAL_REASONS))
            return
        if rng.random() < 0.08:
            act(desk, "request_supplement", items=rng.sample(SUPPLEMENT_ITEMS, 2),
                note="Hồ sơ chưa đầy đủ, đề nghị bổ sung một lần")  # fmt: skip
            yield place.later(agency, rng.uniform(0.5, 3))
            act(desk, "submit_supplement", documents=[{"name": SUPPLEMENT_ITEMS[0]}])
            yield place.later(agency, 0.1)
        act(desk, "receive")
    yield from _processing(place, offering, rng, act, lambda: dossier)


def _processing(place: Province, offering: Offering, rng: random.Random, act, current) -> Life:
    """From receipt through the internal process to the returned result."""
    agency, steps = offering.agency, offering.steps
    desk = place.staff(agency, "receiver")
    late = rng.random() < 0.12
    pace = rng.uniform(1.4, 2.2) if late else rng.uniform(0.25, 0.95)
    if rng.random() < 0.02:
        yield place.later(agency, 0.5)
        act(desk, "withdraw", note="Người nộp đề nghị dừng giải quyết để hoàn thiện lại hồ sơ")
        return
    for index, step in enumerate(steps[:-2]):  # forward up to the leader's signing step
        unit = step["unit"]
        yield place.later(unit, step["days"] * Decimal(str(pace)))
        if index == 1:
            yield from _specialist_turns(place, offering, rng, act, current, late)
        act(place.staff(unit, step["role"]), "forward")
    leader_step, clerk_step = steps[-2], steps[-1]
    unit = leader_step["unit"]
    yield place.later(unit, leader_step["days"] * Decimal(str(pace)))
    leader = place.staff(unit, "approver")
    if rng.random() < 0.05:
        act(leader, "reject", note="Hồ sơ không đáp ứng điều kiện theo quy định của pháp luật")
        return
    number = f"{rng.randint(10, 999)}/{offering.spec.symbol}"
    act(leader, "approve", number=number, electronic=not offering.spec.paper or rng.random() < 0.6)
    yield place.later(unit, clerk_step["days"] + Decimal(str(rng.uniform(0, 1))))
    act(desk, "return_result", method=rng.choices(["desk", "post", "online"], [6, 1, 3])[0])
    if rng.random() < 0.45:
        yield place.later(agency, rng.uniform(0, 2))
        levels = [Level.SATISFIED] * 8 + [Level.NEUTRAL, Level.DISSATISFIED]
        act(desk, "rate", rating={c: rng.choice(levels).value for c in Criterion.values})


def _specialist_turns(place, offering, rng, act, current, late: bool) -> Life:
    """What the specialist may do on the way: supplement, fees, a pause, an apology."""
    unit = offering.steps[1]["unit"]
    expert = place.staff(unit, "specialist")
    if rng.random() < 0.1:
        act(expert, "request_supplement", items=[rng.choice(SUPPLEMENT_ITEMS)],
            note="Cần bổ sung để đủ căn cứ giải quyết")  # fmt: skip
        yield place.later(unit, rng.uniform(1, 4))
        act(place.staff(offering.agency, "receiver"), "submit_supplement",
            documents=[{"name": "Giấy tờ bổ sung theo phiếu yêu cầu"}])  # fmt: skip
    if outstanding_amount(current()) > 0:
        act(expert, "request_payment", fees=_copies_asked(current()))
        yield place.later(unit, rng.uniform(0.1, 2))
        act(expert, "record_payment", amount=outstanding_amount(current()),
            method=rng.choice(["online", "desk"]))  # fmt: skip
    if rng.random() < 0.02:
        leader = place.staff(unit, "approver")
        act(leader, "pause", note="Tạm dừng chờ kết quả giám định theo quy định")
        yield place.later(unit, rng.uniform(1, 3))
        act(leader, "resume")
    if late:
        dossier = current()
        calendar = place.calendar(dossier.agency)
        new_due = calendar.add_working_time(dossier.due_at, calendar.days_to_seconds(3))
        act(expert, "apologise", note=rng.choice(LATE_REASONS), new_due_at=new_due)


def _working_instants(rng: random.Random, count: int, start: datetime, end: datetime):
    """`count` filing instants over the working hours between start and end, a third of them in
    the last two weeks so that every stage of the lifecycle has dossiers in it today."""
    days = [
        start.date() + timedelta(days=n)
        for n in range((end.date() - start.date()).days + 1)
        if (start.date() + timedelta(days=n)).weekday() < 5
    ]
    for _ in range(count):
        day = rng.choice(days[-10:] if rng.random() < 0.33 else days)
        minute = rng.randrange(7 * 60 + 30, 16 * 60 + 45)
        instant = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=LOCAL_TZ)
        yield min(instant, end - timedelta(minutes=5))


def simulate_dossiers(
    world: World, clock: SimulatedClock, *, count: int, start: datetime, now: datetime, seed: int
) -> Counter:
    """File `count` dossiers between start and now and move each as far as time allows."""
    rng = random.Random(seed)  # noqa: S311 (demo data, not secrets)
    place = Province(world, clock)
    weights = [offering.spec.weight for offering in world.offerings]
    queue: list[tuple[datetime, int, Life | Offering]] = [
        (instant, i, rng.choices(world.offerings, weights)[0])
        for i, instant in enumerate(_working_instants(rng, count, start.astimezone(LOCAL_TZ), now))
    ]
    heapq.heapify(queue)
    while queue:
        instant, i, life = heapq.heappop(queue)
        if instant > now:
            continue
        clock.now = instant
        if isinstance(life, Offering):
            life = _life(place, life, random.Random(f"{seed}-{i}"))  # noqa: S311
        upcoming = next(life, None)
        if upcoming is not None:
            heapq.heappush(queue, (upcoming, i, life))
    return Counter(Dossier.objects.values_list("status", flat=True))
