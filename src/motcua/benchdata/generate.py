"""`generate`: fill an empty database with a province, its catalogue and N dossiers.

Agencies and accounts go through the services; the catalogue, the dossiers and everything
recorded about them are bulk inserts (COPY on PostgreSQL). The report facts and counters are
computed with the reports app's own `fact_of` and `contributions`, so they equal what
`motcua rebuild-reports` would give. Synthetic history has no audit events, no outbox
exchanges and no notifications: those belong to live changes.
"""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_calendar, calendar_overrides
from motcua.agencies.services import staff_create
from motcua.benchdata import writer
from motcua.benchdata.clock import WorkingLine
from motcua.benchdata.lives import NOTES, SAMPLE_FILE, Life, plan_life, replay
from motcua.benchdata.province import (
    COMMUNES,
    PROCEDURES,
    Offering,
    Province,
    build_agencies,
    build_catalogue,
)
from motcua.benchdata.writer import Table, db_day, db_instant, db_json
from motcua.catalog.models import Procedure
from motcua.core.calendar import LOCAL_TZ
from motcua.core.codes import format_dossier_code
from motcua.demo.people import applicant, person_name
from motcua.dossiers.models import (
    DailySequence,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierFee,
    DossierResult,
    Payment,
    dossier_search_text,
)
from motcua.reports.facts import contributions, difference, fact_of
from motcua.reports.models import COUNTER_COLUMNS, DossierFact, ReportCounter
from motcua.reports.services import counters_add

HISTORY_DAYS = 730
BATCH = 50_000  # dossiers per transaction
ADMIN = "bench.quantri"
OFFICER = "bench.motcua"  # receiver and specialist at the service centre
LEADER = "bench.lanhdao"  # approver over the whole province
DOSSIER_COLUMNS = [
    "id", "code", "procedure_id", "agency_id", "current_agency_id", "current_step", "channel",
    "status", "status_before_hold", "applicant_id_number", "applicant_name", "applicant_phone",
    "applicant_email", "applicant_address", "form_data", "submitted_at", "received_at",
    "clock_started_at", "due_at", "original_due_at", "clock_stopped_at", "waiting_seconds",
    "completed_at", "returned_at", "supplement_count", "extended", "rating", "version",
    "created_by_id", "search_text",
]  # fmt: skip
EVENT_COLUMNS = ["dossier_id", "action", "actor_id", "actor_label", "at", "from_status",
                 "to_status", "from_agency_id", "to_agency_id", "step", "step_due_at", "note",
                 "data"]  # fmt: skip
DOCUMENT_COLUMNS = ["dossier_id", "required_document_id", "name", "kind", "count", "source",
                    "file", "added_at"]  # fmt: skip
FEE_COLUMNS = ["dossier_id", "name", "amount", "unit_amount", "condition", "included", "quantity"]
PAYMENT_COLUMNS = ["dossier_id", "amount", "method", "receipt_number", "reference", "paid_at"]
RESULT_COLUMNS = ["dossier_id", "kind", "number", "note", "electronic", "file", "signed_by_id",
                  "at"]  # fmt: skip
COUNTER_KEYS = ["grain", "bucket", "agency_id", "procedure_id", "field_id"]
FACT_FIELDS = [(f.column, f.attname, f.get_internal_type() == "DateField")
               for f in DossierFact._meta.concrete_fields]  # fmt: skip


@dataclass
class Summary:
    agencies: int
    procedures: int
    dossiers: int
    events: int
    counters: int

    def __str__(self) -> str:
        return (f"Đã tạo {self.agencies} cơ quan, {self.procedures} thủ tục, {self.dossiers} hồ sơ "
                f"({self.events} sự kiện), {self.counters} dòng số liệu báo cáo.")  # fmt: skip


class Tables:
    """The tables a dossier writes to, each with its column list."""

    def __init__(self):
        self.dossiers = Table(Dossier, DOSSIER_COLUMNS)
        self.events = Table(DossierEvent, EVENT_COLUMNS)
        self.documents = Table(DossierDocument, DOCUMENT_COLUMNS)
        self.fees = Table(DossierFee, FEE_COLUMNS)
        self.payments = Table(Payment, PAYMENT_COLUMNS)
        self.results = Table(DossierResult, RESULT_COLUMNS)
        self.facts = Table(DossierFact, [c for c, _, _ in FACT_FIELDS])
        self.counters = Table(ReportCounter, [*COUNTER_KEYS, *COUNTER_COLUMNS])
        self.sequences = Table(DailySequence, ["agency_id", "day", "last"])

    def flush(self) -> None:
        for table in vars(self).values():
            table.flush()


def generate(
    *,
    dossiers: int,
    seed: int,
    password: str,
    communes: int = COMMUNES,
    procedures: int = PROCEDURES,
    progress=print,
) -> Summary:
    """Fill the (empty) database; `password` is set on the bench accounts."""
    rng = random.Random(seed)  # noqa: S311 (synthetic data, not secrets)
    now = timezone.now()
    admin = User.objects.create_superuser(ADMIN, email=None, password=None)
    root, centre, departments, units = build_agencies(admin, communes)
    province = build_catalogue(rng, root, centre, departments, units, procedures)
    bench_accounts(password)
    _sample_file()
    progress(f"Cơ quan, thủ tục, tài khoản: xong. Tạo {dossiers} hồ sơ…")
    tables, next_id, events = Tables(), writer.next_id(Dossier), 0
    overrides = calendar_overrides()
    first = (now - timedelta(days=HISTORY_DAYS)).astimezone(LOCAL_TZ)
    lines: dict[tuple, WorkingLine] = {}
    counters: dict = defaultdict(lambda: defaultdict(int))
    filings, fillers = [], []
    for agency, count in _shares(rng, province, dossiers):
        calendar = agency_calendar(agency, overrides)
        key = (tuple(map(tuple, agency.work_periods)), agency.works_saturday_morning)
        if key not in lines:
            lines[key] = WorkingLine(calendar, first.date(), (now + timedelta(days=400)).date())
        filler = AgencyFiller(rng, tables, counters, province, agency, lines[key], now, first)
        fillers.append(filler)
        filings.extend(filler.filings(count))
    # Keys follow the order of filing across the province, as they would in a live system.
    filings.sort(key=lambda f: f[0])
    for start in range(0, len(filings), BATCH):
        with transaction.atomic():
            for submitted, channel, offering, filler in filings[start : start + BATCH]:
                events += filler.add(next_id, submitted, channel, offering)
                next_id += 1
            tables.flush()
        progress(f"  {min(start + BATCH, len(filings))} hồ sơ")
    with transaction.atomic():
        for filler in fillers:
            filler.finish()
        for (grain, bucket, *ids), values in counters.items():
            tables.counters.add((grain, db_day(bucket), *ids,
                                 *(values.get(c, 0) for c in COUNTER_COLUMNS)))  # fmt: skip
        tables.flush()
    writer.reset_sequences(Dossier)
    writer.analyze()
    return Summary(len(province.agencies), Procedure.objects.count(), dossiers,
                   events, tables.counters.written)  # fmt: skip


def _shares(rng: random.Random, province: Province, total: int) -> list[tuple[Agency, int]]:
    """How many dossiers each agency receives: the centre a fifth, departments a fifth, communes
    the rest, unevenly."""
    weights = {province.centre: 20.0}
    for dept in province.departments:
        weights[dept] = 20.0 / len(province.departments)
    factors = [rng.uniform(0.3, 2.0) for _ in province.communes]
    for commune, factor in zip(province.communes, factors, strict=True):
        weights[commune] = 60.0 * factor / sum(factors)
    counts = {a: int(total * w / 100) for a, w in weights.items()}
    counts[province.centre] += total - sum(counts.values())
    return [(a, n) for a, n in counts.items() if n > 0 and province.offerings.get(a.pk)]


def bench_accounts(password: str) -> None:
    """The accounts the load scenarios use: a one-stop officer of the service centre and a
    leader of the province. Created once; the password is (re)set on every call."""
    admin = User.objects.get(username=ADMIN)
    for username, code, roles in ((OFFICER, "H44.30", ["receiver", "specialist"]),
                                  (LEADER, "H44", ["approver"])):  # fmt: skip
        user = User.objects.filter(username=username).first()
        if user is None:
            user = staff_create(actor=admin, username=username, password=password,
                                full_name=person_name(len(username) + len(roles)),
                                agency=Agency.objects.get(code=code), roles=roles)  # fmt: skip
        user.set_password(password)
        user.save(update_fields=["password"])


@transaction.atomic
def remove_filings() -> int:
    """Remove the dossiers the bench officer filed through the API (the create scenario), and
    what they added to the report counters, so that every run starts from the generated data:
    thousands of new dossiers at the top of the list pushed the list scenario's rows further
    down run after run. Their audit events stay (the chain is append-only). Returns how many."""
    filed = Dossier.objects.filter(created_by__username=OFFICER)
    for fact in DossierFact.objects.filter(dossier__in=filed).iterator():
        counters_add(difference(contributions(fact), {}))
    return filed.delete()[1].get(Dossier._meta.label, 0)


def _sample_file() -> None:
    path = settings.MEDIA_ROOT / SAMPLE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(b"%PDF-1.4\n% Ban quet mau (du lieu tong hop)\n%%EOF\n")


class AgencyFiller:
    """Writes the dossiers of one agency, in the order they were filed, and adds up their facts."""

    def __init__(self, rng, tables: Tables, counters: dict, province: Province, agency: Agency,
                 line: WorkingLine, now: datetime, first: datetime):  # fmt: skip
        self.rng, self.tables, self.counters = rng, tables, counters
        self.agency, self.line, self.now, self.first = agency, line, now, first
        self.offerings: list[Offering] = province.offerings[agency.pk]
        self.staff = [person_name(agency.pk * 10 + i) for i in range(6)]
        self.locality = agency.name.removeprefix("Ủy ban nhân dân ")
        self.day, self.sequence = None, 0

    def filings(self, count: int) -> list[tuple]:
        """(instant, channel, offering, self) of `count` dossiers filed with the agency."""
        chosen = self.rng.choices(self.offerings, [o.weight for o in self.offerings], k=count)
        return [(*self._when(offering), offering, self) for offering in chosen]

    def add(self, pk: int, submitted: datetime, channel: str, offering: Offering) -> int:
        """Write one dossier (filed after the previous one); returns its number of events."""
        local_day = submitted.astimezone(LOCAL_TZ).date()
        if local_day != self.day:
            self.finish()
            self.day, self.sequence = local_day, 0
        self.sequence += 1
        code = format_dossier_code(self.agency.code, local_day, self.sequence)
        return self._dossier(pk, code, offering, submitted, channel)

    def finish(self) -> None:
        """Record the last sequence number given on the current day."""
        if self.day is not None:
            self.tables.sequences.add((self.agency.pk, db_day(self.day), self.sequence))

    def _when(self, offering: Offering) -> tuple[datetime, str]:
        """When and how a dossier is filed: more recent ones more often and more often online."""
        rng, line = self.rng, self.line
        recent = rng.random() ** 0.8
        online = offering.procedure.online_level != "info" and rng.random() < 0.35 + 0.35 * recent
        if online:
            instant = self.first + (self.now - self.first) * recent
            local = instant.astimezone(LOCAL_TZ)
            instant = local.replace(hour=rng.randint(6, 22), minute=rng.randint(0, 59))
            return min(instant, self.now - timedelta(minutes=1)), "online"
        low, high = line.offset(self.first), line.offset(self.now)
        channel = "post" if rng.random() < 0.08 else "desk"
        return line.instant(low + int((high - low) * recent)), channel

    def _dossier(self, pk: int, code: str, offering: Offering, submitted, channel) -> int:
        rng = self.rng
        person = applicant(rng, self.locality, organisation=rng.random() < 0.1)
        life = plan_life(rng, offering, self.line, submitted, channel, person.full_name,
                         self.staff)  # fmt: skip
        state, happened = replay(life.events, self.now, self.agency.pk)
        extras = self._records(pk, life, happened, code)
        procedure = offering.procedure
        self.tables.dossiers.add((
            pk, code, procedure.pk, self.agency.pk, state.current_agency_id, state.current_step,
            channel, state.status, state.status_before_hold, person.id_number, person.full_name,
            person.phone, person.email, person.address, "{}", db_instant(submitted),
            db_instant(state.received_at), db_instant(state.clock_started_at),
            db_instant(state.due_at), db_instant(state.original_due_at),
            db_instant(state.clock_stopped_at), state.waiting_seconds,
            db_instant(state.completed_at), db_instant(state.returned_at),
            state.supplement_count, state.extended, db_json(state.rating), len(happened), None,
            dossier_search_text(code, person.full_name),
        ))  # fmt: skip
        facts = SimpleNamespace(
            **vars(state), pk=pk, agency_id=self.agency.pk, procedure_id=procedure.pk,
            field_id=procedure.field_id, channel=channel, result_on_paper=procedure.result_on_paper,
            **extras,
        )  # fmt: skip
        self._count(fact_of(facts))
        return len(happened)

    def _records(self, pk: int, life: Life, happened: list, code: str) -> dict:
        """Timeline, documents, fees, payments and results; returns what `fact_of` reads of them."""
        tables = self.tables
        submitted = life.events[0].at
        for doc_id, name, kind, source, file in life.documents:
            tables.documents.add((pk, doc_id, name, kind, 1, source, file, db_instant(submitted)))
        for name, amount in life.fees:
            tables.fees.add((pk, name, amount, amount, "always", 0, 1))  # lines always charged
        paid = {"online": 0, "desk": 0}
        results = []
        for event, from_status, to_status, from_agency, to_agency, step in happened:
            tables.events.add((
                pk, event.action, None, event.actor, db_instant(event.at), from_status, to_status,
                from_agency if event.action != "submit" else None, to_agency,
                step, db_instant(event.step_due_at),
                NOTES.get(event.action, ""), db_json(event.data),
            ))  # fmt: skip
            if event.payment:
                amount, method = event.payment
                paid[method] += amount
                receipt = f"BL-{code}-1"
                tables.payments.add((pk, amount, method, receipt, "", db_instant(event.at)))
            if event.result:
                results.append(event.result)
                kind, electronic, file = event.result
                tables.results.add((pk, kind, "", NOTES.get(event.action, ""), electronic, file,
                                    None, db_instant(event.at)))  # fmt: skip
        return {
            "fees_total": sum(a for _, a in life.fees),
            "paid_online": paid["online"],
            "paid_desk": paid["desk"],
            "has_electronic_result": any(e or f for _, e, f in results),
            "has_result_file": any(f for _, _, f in results),
            "has_paper_only_document": any(not d[4] for d in life.documents),
            "has_reused_document": any(d[3] == "national_data" for d in life.documents),
            "receipt_synced": False,  # no outbox exchanges in synthetic history
        }

    def _count(self, fact: DossierFact) -> None:
        self.tables.facts.add(tuple(
            db_day(getattr(fact, attname)) if is_day else getattr(fact, attname)
            for _, attname, is_day in FACT_FIELDS
        ))  # fmt: skip
        for key, values in contributions(fact).items():
            cell = self.counters[key]
            for column, value in values.items():
                cell[column] += value
