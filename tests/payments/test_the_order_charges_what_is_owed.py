"""The payment order asks the platform for the amount owed as `dossiers/fees.py` computes it."""

from motcua.dossiers.fees import dossier_fees
from motcua.dossiers.models import Dossier
from motcua.payments.models import PaymentOrder
from tests.dossiers.helpers import act, submit


def test_the_order_is_for_four_phieu_not_for_every_line(
    api, receiver, record_procedure, commune, connected
):
    desk = api(receiver)
    dossier = submit(desk, record_procedure, commune, channel="desk")
    act(desk, dossier, "request_payment", fees=[{"line": 2, "quantity": 4}])

    response = desk.post(f"/api/v1/dossiers/{dossier['code']}/payments/")

    assert response.status_code == 201, response.content
    owed = dossier_fees(Dossier.objects.get(code=dossier["code"])).owed
    assert response.json()["amount"] == owed == 210000
    assert PaymentOrder.objects.get().amount == 210000
