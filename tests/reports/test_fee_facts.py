"""The report facts count a dossier as fee-bearing by the amount `dossiers/fees.py` computes."""

from motcua.dossiers.fees import dossier_fees
from motcua.dossiers.models import Dossier
from motcua.reports.facts import fact_of, facts_queryset
from tests.dossiers.helpers import act, submit
from tests.factories import make_procedure


def fact(code: str):
    dossier = Dossier.objects.get(code=code)
    annotated = facts_queryset().get(pk=dossier.pk)
    assert annotated.fees_total == dossier_fees(dossier).total
    return fact_of(annotated)


def test_a_chosen_line_makes_a_dossier_fee_bearing_only_when_chosen(api, receiver, commune):
    express = make_procedure(
        "1.000001", "Trích lục", agencies=[commune], fees=[("Phí chuyển phát", 20000, "chosen")]
    )
    desk = api(receiver)
    dossier = submit(desk, express, commune, channel="desk")
    assert fact(dossier["code"]).fee_bearing is False

    act(desk, dossier, "request_payment", fees=[{"line": 1, "quantity": 1}])

    assert fact(dossier["code"]).fee_bearing is True


def test_the_facts_total_of_2_000488_is_that_of_the_one_function(
    api, receiver, record_procedure, commune
):
    desk = api(receiver)
    dossier = submit(desk, record_procedure, commune, channel="desk")
    fact(dossier["code"])  # 200 000 đồng
    act(desk, dossier, "request_payment", fees=[{"line": 2, "quantity": 4}])
    assert facts_queryset().get(code=dossier["code"]).fees_total == 210000
