"""dossier_sync is measured from the exchanges with the national portal (its simulator, over
HTTP): a dossier received in the period counts as synced once the portal acknowledged a sync
that carries its receipt, even when the acknowledgement comes after the worker's facts step."""

from datetime import date

import pytest

from motcua.integrations.models import Exchange
from motcua.integrations.tasks import deliver_exchange
from motcua.reports.indicators import index_766
from motcua.reports.models import COUNTER_COLUMNS, DossierFact, ReportCounter
from motcua.reports.services import reports_rebuild
from tests.dossiers.helpers import act, submit
from tests.integrations.conftest import connected  # noqa: F401 (a fixture)
from tests.integrations.helpers import run_due_tasks, run_effects
from tests.reports.helpers import desk, online

NOV = (date(2026, 11, 1), date(2026, 11, 16))


def dossier_sync(agency) -> dict:
    found = index_766(agency, *NOV)
    return next(i for g in found["groups"] for i in g["indicators"] if i["key"] == "dossier_sync")


def counters() -> dict:
    rows = ReportCounter.objects.values("grain", "bucket", "agency", "procedure", *COUNTER_COLUMNS)
    return {
        (r["grain"], r["bucket"], r["agency"], r["procedure"]): {c: r[c] for c in COUNTER_COLUMNS}
        for r in rows
    }


def test_acknowledged_receipts_are_counted(api, receiver, procedure, commune, province, clock,
                                           connected):  # fmt: skip  # noqa: F811
    desk(api, receiver, procedure, commune)
    online(api, receiver, procedure, commune)
    submit(api(receiver), procedure, commune)  # submitted online, not received: not counted

    run_due_tasks()  # the effects, then the deliveries the portal acknowledges

    found = dossier_sync(province)
    assert found["measured"] is True
    assert (found["numerator"], found["denominator"], found["points"]) == (2, 2, 6.0)


def test_a_late_acknowledgement_brings_the_fact_in_step(
    api,
    receiver,
    procedure,
    commune,
    province,
    clock,
    connected,  # noqa: F811
):
    connected.stop()
    desk(api, receiver, procedure, commune)
    run_effects()
    for exchange in Exchange.objects.all():
        deliver_exchange.call(exchange.pk)  # the portal is down: nothing acknowledged

    waiting = dossier_sync(province)
    assert (waiting["numerator"], waiting["denominator"], waiting["points"]) == (0, 1, 0.0)

    connected.start()
    run_due_tasks()  # the retries, acknowledged now

    assert Exchange.objects.filter(state="acknowledged").count() == 2
    found = dossier_sync(province)
    assert (found["numerator"], found["denominator"], found["points"]) == (1, 1, 6.0)
    incremental = counters(), list(DossierFact.objects.values_list("pk", "synced"))
    reports_rebuild()
    assert (counters(), list(DossierFact.objects.values_list("pk", "synced"))) == incremental


def test_only_a_sync_of_the_receipt_counts(
    api,
    receiver,
    procedure,
    commune,
    province,
    clock,
    connected,  # noqa: F811
):
    dossier = submit(api(receiver), procedure, commune)  # the filing is synced, not a receipt
    run_due_tasks()
    act(api(receiver), dossier, "receive")
    run_effects()  # the receipt's sync is queued, not delivered yet

    assert Exchange.objects.filter(state="acknowledged").count() == 1
    found = dossier_sync(province)
    assert (found["numerator"], found["denominator"]) == (0, 1)


@pytest.mark.parametrize("state", ["pending", "dead"])
def test_a_sync_not_acknowledged_is_not_counted(
    api, receiver, procedure, commune, province, clock, state
):
    desk(api, receiver, procedure, commune)
    run_effects()
    Exchange.objects.update(state=state)

    reports_rebuild()

    assert DossierFact.objects.get().synced is False
    assert dossier_sync(province)["numerator"] == 0
