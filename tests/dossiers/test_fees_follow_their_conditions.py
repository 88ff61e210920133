"""Fee lines charge by their condition: always, per copy beyond the included ones, when chosen.

Procedure 2.000488 charged 205 000 đồng because "Phí cấp từ Phiếu thứ 3 trở đi" was added to
every dossier (issue 14): it costs 200 000 đồng unless 3 or more Phiếu are asked for.
"""

import pytest

from motcua.dossiers import fees
from motcua.dossiers.forms.content import receipt
from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import act, submit


@pytest.fixture
def received(api, receiver, record_procedure, commune) -> dict:
    return submit(api(receiver), record_procedure, commune, channel="desk")


def amounts(dossier: dict) -> list[int]:
    return [line["amount"] for line in dossier["fees"]]


def test_a_criminal_record_costs_200000_by_default(api, receiver, received):
    assert amounts(received) == [200000, 0, 0]
    assert received["amount_due"] == {"total": 200000, "paid": 0, "owed": 200000}
    assert received["fees"][1] == {
        "line": 2, "name": "Phí cấp từ Phiếu thứ 3 trở đi", "amount": 0, "unit_amount": 5000,
        "condition": "per_extra_copy", "included": 2, "quantity": 1,
    }  # fmt: skip

    waiting = act(api(receiver), received, "request_payment")

    assert waiting["status"] == "awaiting_payment"
    assert waiting["amount_due"]["owed"] == 200000
    assert fees.outstanding_amount(Dossier.objects.get(code=received["code"])) == 200000


def test_four_copies_add_two_extra_phieu(api, receiver, received):
    waiting = act(api(receiver), received, "request_payment", fees=[{"line": 2, "quantity": 4}])

    assert amounts(waiting) == [200000, 10000, 0]
    assert waiting["fees"][1]["quantity"] == 4
    assert waiting["amount_due"] == {"total": 210000, "paid": 0, "owed": 210000}
    paid = act(api(receiver), waiting, "record_payment", amount=210000)
    assert paid["status"] == "received"
    assert paid["amount_due"] == {"total": 210000, "paid": 210000, "owed": 0}


def test_two_copies_are_included(api, receiver, received):
    waiting = act(api(receiver), received, "request_payment", fees=[{"line": 2, "quantity": 2}])
    assert waiting["amount_due"]["owed"] == 200000


def test_a_chosen_line_is_charged_only_when_chosen(api, receiver, received):
    chosen = act(api(receiver), received, "request_payment", fees=[{"line": 3, "quantity": 1}])
    assert amounts(chosen) == [200000, 0, 30000]
    assert chosen["amount_due"]["owed"] == 230000


@pytest.mark.parametrize(
    ("choices", "code"),
    [
        ([{"line": 2, "quantity": -1}], "invalid_fee_quantity"),
        ([{"line": 9, "quantity": 1}], "unknown_fee_line"),
        ([{"line": 1, "quantity": 2}], "fee_line_fixed"),
        ([{"line": 3, "quantity": 2}], "invalid_fee_quantity"),
        ([{"line": 2, "quantity": 1001}], "invalid_fee_quantity"),
        ([{"line": 2, "quantity": 3}, {"line": 2, "quantity": 4}], "duplicate_fee_line"),
    ],
)
def test_wrong_choices_are_refused_and_change_nothing(api, receiver, received, choices, code):
    response = api(receiver).post(
        f"/api/v1/dossiers/{received['code']}/actions/request_payment/",
        {"version": received["version"], "fees": choices},
        format="json",
    )

    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == code and "khoản" in body["detail"].lower()
    dossier = Dossier.objects.get(code=received["code"])
    assert (dossier.status, dossier.version) == ("received", received["version"])
    assert [f.amount for f in dossier.fees.all()] == [200000, 0, 0]


def test_a_procedure_with_only_a_chosen_line_asks_payment_only_when_chosen(api, receiver, commune):
    from tests.factories import make_procedure

    express = make_procedure(
        "1.000001", "Trích lục", agencies=[commune], fees=[("Phí chuyển phát", 20000, "chosen")]
    )
    dossier = submit(api(receiver), express, commune, channel="desk")
    assert "request_payment" in dossier["allowed_actions"]
    refused = act(api(receiver), dossier, "request_payment", expect=422)
    assert refused["code"] == "nothing_to_pay"
    waiting = act(api(receiver), dossier, "request_payment", fees=[{"line": 1, "quantity": 1}])
    assert waiting["amount_due"]["owed"] == 20000


def test_once_paid_the_lines_no_longer_change(api, receiver, received):
    waiting = act(api(receiver), received, "request_payment")
    paid = act(api(receiver), waiting, "record_payment", amount=200000)
    assert "request_payment" not in paid["allowed_actions"]


def test_the_receipt_form_prints_the_amount_of_the_one_function(api, receiver, received):
    act(api(receiver), received, "request_payment", fees=[{"line": 2, "quantity": 4}])
    dossier = Dossier.objects.get(code=received["code"])

    form = receipt(dossier)

    printed = [b for b in form.blocks if b.get("label", "").endswith("Phí, lệ phí")]
    assert len(printed) == 1
    assert "210.000 đồng" in printed[0]["value"]
    assert fees.dossier_fees(dossier).total == 210000
    assert "Phí cấp từ Phiếu thứ 3 trở đi" in printed[0]["value"]
    assert "Phí dịch vụ chuyển phát" not in printed[0]["value"]  # not chosen


@pytest.mark.parametrize(
    ("condition", "unit", "included", "quantity", "charged"),
    [
        ("always", 8000, 0, 1, 8000),
        ("per_extra_copy", 5000, 2, 1, 0),
        ("per_extra_copy", 5000, 2, 2, 0),
        ("per_extra_copy", 5000, 2, 3, 5000),
        ("per_extra_copy", 8000, 0, 3, 24000),
        ("chosen", 30000, 0, 0, 0),
        ("chosen", 30000, 0, 1, 30000),
    ],
)
def test_line_amount(condition, unit, included, quantity, charged):
    assert fees.line_amount(condition, unit, included, quantity) == charged
