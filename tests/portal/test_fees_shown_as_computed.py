"""The procedure page and the citizen's dossier page show the fees `dossiers/fees.py` computes."""

from django.test import Client

from motcua.dossiers.fees import dossier_fees, procedure_fees
from motcua.dossiers.models import Dossier
from tests.dossiers.helpers import act, submit


def test_the_procedure_page_says_200000_and_when_the_other_lines_apply(record_procedure):
    page = Client().get("/thu-tuc/2.000488/")

    html = page.content.decode()
    assert page.context["fees"].total == procedure_fees(record_procedure).total == 200000
    assert "Phí cung cấp thông tin lý lịch tư pháp: 200.000 đồng" in html
    assert "Phí cấp từ Phiếu thứ 3 trở đi: 5.000 đồng (mỗi bản, từ bản thứ 3)" in html
    assert "Phí dịch vụ chuyển phát kết quả: 30.000 đồng (khi được chọn)" in html
    assert "Tổng số tiền phải nộp: 200.000 đồng" in html


def test_the_citizen_sees_what_is_owed_for_four_phieu(api, citizen, receiver, record_procedure,
                                                      commune):  # fmt: skip
    filed = submit(api(citizen), record_procedure, commune)
    received = act(api(receiver), filed, "receive")
    act(api(receiver), received, "request_payment", fees=[{"line": 2, "quantity": 4}])
    browser = Client()
    browser.force_login(citizen)

    page = browser.get(f"/ca-nhan/ho-so/{filed['code']}/")

    html = page.content.decode()
    fees = dossier_fees(Dossier.objects.get(code=filed["code"]))
    assert page.context["owed"] == fees.owed == 210000
    assert "Phí cấp từ Phiếu thứ 3 trở đi (4 bản): 10.000 đồng" in html
    assert "Phí dịch vụ chuyển phát kết quả" not in html  # not chosen
    assert "Còn phải nộp: 210.000 đồng" in html
