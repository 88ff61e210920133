"""Before asking for payment the officer sees the fee lines and the amount, sets the copies asked
for and ticks the chosen lines; the service records them (issue 14)."""

from motcua.dossiers.fees import dossier_fees
from tests.backoffice.helpers import file_dossier, office


def post(client, dossier, button: str = "thuc-hien", **data):
    body = {f"request_payment-{k}": v for k, v in {"version": dossier.version, **data}.items()}
    body[button] = "1"
    return client.post(f"/mot-cua/ho-so/{dossier.code}/thao-tac/request_payment/", body)


def test_the_form_offers_the_copies_and_the_chosen_line_with_the_amount(
    clock, record_procedure, commune, receiver
):
    dossier = file_dossier(receiver, record_procedure, commune, channel="desk")

    html = office(receiver).get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()

    assert 'name="request_payment-line_2"' in html and 'value="1"' in html
    assert 'name="request_payment-line_3"' in html and 'type="checkbox"' in html
    assert 'name="request_payment-line_1"' not in html  # always charged
    assert "Số tiền phải nộp: 200.000 đồng" in html


def test_the_preview_shows_the_amount_without_asking(clock, record_procedure, commune, receiver):
    dossier = file_dossier(receiver, record_procedure, commune, channel="desk")

    response = post(office(receiver), dossier, line_2=4, line_3="on", button="xem-truoc")

    assert response.status_code == 200
    assert "Số tiền phải nộp: 240.000 đồng" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "received" and dossier_fees(dossier).total == 200000


def test_asking_records_the_quantities(clock, record_procedure, commune, receiver):
    dossier = file_dossier(receiver, record_procedure, commune, channel="desk")

    response = post(office(receiver), dossier, line_2=4)

    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.status == "awaiting_payment"
    assert [line.amount for line in dossier_fees(dossier).lines] == [200000, 10000, 0]


def test_a_negative_quantity_is_refused_with_its_message(clock, record_procedure, commune,
                                                         receiver):  # fmt: skip
    dossier = file_dossier(receiver, record_procedure, commune, channel="desk")

    response = post(office(receiver), dossier, line_2=-1)

    assert response.status_code == 422
    assert "Số lượng của khoản «Phí cấp từ Phiếu thứ 3 trở đi»" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == "received"
