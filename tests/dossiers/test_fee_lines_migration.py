"""Dossiers filed before fee conditions: open, unpaid ones take their procedure's conditions."""

import importlib

from django.apps import apps

from motcua.dossiers.fees import dossier_fees
from motcua.dossiers.models import Dossier, DossierFee
from tests.dossiers.helpers import act, submit

migration = importlib.import_module("motcua.dossiers.migrations.0004_fee_lines_with_quantity")


def as_filed_before(code: str) -> None:
    """The dossier's lines as the old filing copied them: every line charged, no unit amount."""
    for line in DossierFee.objects.filter(dossier__code=code):
        fee = line.dossier.procedure.fees.get(name=line.name)
        line.amount, line.unit_amount, line.condition, line.quantity = fee.amount, 0, "always", 1
        line.save()


def test_open_unpaid_dossiers_are_charged_200000_paid_ones_keep_their_lines(
    api, receiver, record_procedure, commune
):
    desk = api(receiver)
    open_one = submit(desk, record_procedure, commune, channel="desk")
    paid_one = submit(desk, record_procedure, commune, channel="desk")
    waiting = act(desk, paid_one, "request_payment")
    act(desk, waiting, "record_payment", amount=200000)
    for code in (open_one["code"], paid_one["code"]):
        as_filed_before(code)

    migration.lines_with_quantity(apps, None)

    assert dossier_fees(Dossier.objects.get(code=open_one["code"])).total == 200000
    kept = dossier_fees(Dossier.objects.get(code=paid_one["code"]))
    assert [line.amount for line in kept.lines] == [200000, 5000, 30000]
    assert [line.condition for line in kept.lines] == ["always"] * 3
