"""The report pages: dashboard, statistics form and the dossiers behind a number."""

import re

import pytest

from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, online, resolve

NOV = {"from": "2026-11-01", "to": "2026-11-30"}


@pytest.fixture
def history(api, receiver, specialist, approver, procedure, commune, clock):
    resolved = desk(api, receiver, procedure, commune)
    resolve(api, receiver, specialist, approver, resolved)
    pending = online(api, receiver, procedure, commune)
    run_effects()  # the worker brings the report facts in step
    return resolved["code"], pending["code"]


def test_dashboard_gives_the_total_over_100_and_over_the_measured_maximum(
    client, receiver, history, clock
):
    client.force_login(receiver)

    html = client.get("/bao-cao/", NOV).content.decode()

    total = re.search(r"([\d,]+) / 100 điểm \(trên ([\d,]+) điểm đo được\)", html)
    assert total, html
    assert float(total[1].replace(",", ".")) < float(total[2].replace(",", ".")) < 100
    assert "." not in total[1] + total[2]  # comma decimals
    petitions = re.search(r"Phản ánh, kiến nghị được xử lý đúng hạn <em>\((.*?)\)</em>", html)
    assert petitions and petitions[1].startswith("chưa đo được: Hệ thống chưa có phân hệ")
    assert "—/6" in html  # a not-measured indicator scores nothing


def test_pages_ask_for_login_first(client):
    response = client.get("/bao-cao/")

    assert response.status_code == 302
    assert "/bao-cao/" in response["Location"]


def test_dashboard_shows_the_index_charts_and_drilldown_links(client, receiver, history, clock):
    client.force_login(receiver)

    response = client.get("/bao-cao/", NOV)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bộ chỉ số 766" in html and "UBND xã Hy Cương" in html
    assert html.count('role="img"') == 2 and "<title>" in html
    assert "Tiến độ giải quyết" in html and "chưa có dữ liệu" not in html
    assert "/bao-cao/ho-so/?agency=H44.189" in html and "measure=received_online" in html


def test_dashboard_lists_overdue_dossiers(client, receiver, history, clock):
    clock.set(clock.now.replace(day=25))
    client.force_login(receiver)

    html = client.get("/bao-cao/").content.decode()

    assert f"/mot-cua/ho-so/{history[1]}/" in html
    assert f"/mot-cua/ho-so/{history[0]}/" not in html


def test_pages_say_when_changes_are_not_counted_yet(
    api, client, receiver, other_receiver, procedure, commune
):
    desk(api, receiver, procedure, commune)  # the worker has not come yet
    waiting = "còn 1 thay đổi hồ sơ chưa được tính"
    client.force_login(other_receiver)  # another commune's figures are not behind
    assert "chưa được tính" not in client.get("/bao-cao/").content.decode()
    client.force_login(receiver)
    assert waiting in client.get("/bao-cao/").content.decode()
    assert waiting in client.get("/bao-cao/thong-ke/").content.decode()
    run_effects()
    assert "chưa được tính" not in client.get("/bao-cao/").content.decode()


def test_dashboard_refuses_an_agency_out_of_scope(client, other_receiver, commune, history):
    client.force_login(other_receiver)

    response = client.get("/bao-cao/", {"agency": commune.code})

    assert response.status_code == 403
    assert "không được xem báo cáo" in response.content.decode()


def test_dashboard_says_what_is_wrong_with_a_date(client, receiver):
    client.force_login(receiver)

    response = client.get("/bao-cao/", {"from": "2026-02-30"})

    assert response.status_code == 400
    assert "Ngày của kỳ báo cáo không hợp lệ." in response.content.decode()


def test_statistics_page_has_the_table_and_file_links(client, receiver, history):
    client.force_login(receiver)

    response = client.get("/bao-cao/thong-ke/", NOV)
    xlsx = client.get("/bao-cao/thong-ke/", {**NOV, "format": "xlsx"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Hộ tịch" in html and "Tổng cộng" in html
    assert "format=xlsx" in html and "format=pdf" in html
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_drilldown_lists_the_dossiers_behind_a_cell(client, receiver, history):
    client.force_login(receiver)

    online_only = client.get("/bao-cao/ho-so/", {**NOV, "measure": "received_online"})
    resolved = client.get("/bao-cao/ho-so/", {**NOV, "measure": "resolved_early", "field": "HT"})

    codes = re.findall(r"/mot-cua/ho-so/([^/]+)/", online_only.content.decode())
    assert codes == [history[1]]
    assert re.findall(r"/mot-cua/ho-so/([^/]+)/", resolved.content.decode()) == [history[0]]


def test_drilldown_is_scoped_to_the_viewer(client, other_receiver, commune, history):
    client.force_login(other_receiver)

    refused = client.get("/bao-cao/ho-so/", {"measure": "received", "agency": commune.code})
    own = client.get("/bao-cao/ho-so/", {**NOV, "measure": "received"})

    assert refused.status_code == 403
    assert own.status_code == 200 and "/mot-cua/ho-so/" not in own.content.decode()


def test_drilldown_refuses_an_unknown_measure(client, receiver):
    client.force_login(receiver)

    assert client.get("/bao-cao/ho-so/", {"measure": "nothing"}).status_code == 404


def test_the_register_07_is_linked_and_served_from_the_report_pages(client, receiver, history):
    client.force_login(receiver)
    link = "/bao-cao/so-theo-doi-ho-so/?agency=H44.189"
    assert link in client.get("/bao-cao/", NOV).content.decode()
    assert link in client.get("/bao-cao/thong-ke/", NOV).content.decode()
    assert "/bao-cao/so-theo-doi-ho-so/" in client.get("/mot-cua/tiep-nhan/").content.decode()

    page = client.get("/bao-cao/so-theo-doi-ho-so/", NOV)
    assert page.status_code == 200
    assert "2 hồ sơ tiếp nhận trong kỳ" in page.content.decode()
    pdf = client.get("/bao-cao/so-theo-doi-ho-so/", {**NOV, "format": "pdf"})
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    xlsx = client.get("/bao-cao/so-theo-doi-ho-so/", {**NOV, "format": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_register_07_page_refuses_a_year_and_a_half(client, receiver, history):
    client.force_login(receiver)
    page = client.get("/bao-cao/so-theo-doi-ho-so/", {"from": "2025-06-01", "format": "pdf"})
    assert page.status_code == 422
    assert "tối đa 366 ngày" in page.content.decode()
