"""The worklist: tabs per role, filters and search, keyset pages, time left by working calendar."""

import re
from datetime import datetime

import pytest

from motcua.core.calendar import LOCAL_TZ
from tests.backoffice.helpers import act, at_approval, file_dossier, office

ROW = r'<th scope="row"><a href="/mot-cua/ho-so/([^/]+)/">'
NEXT, PREVIOUS = r'rel="next" href="[^"]*sau=(\d+)"', r'rel="prev" href="[^"]*truoc=(\d+)"'


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return re.findall(
        r'<th scope="row"><a href="/mot-cua/ho-so/([^/]+)/">', response.content.decode()
    )


def local(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, tzinfo=LOCAL_TZ)


@pytest.fixture
def dossiers(clock, procedure, commune, receiver, specialist):
    online = file_dossier(receiver, procedure, commune)
    desk = file_dossier(receiver, procedure, commune, channel="desk", full_name="Lê Văn Tâm",
                        id_number="025190009999")  # fmt: skip
    act(receiver, desk, "forward")  # at the specialist's step
    return {"online": online, "desk": desk}


def test_tabs_per_role(dossiers, receiver, specialist):
    online, desk = dossiers["online"].code, dossiers["desk"].code
    assert codes(office(receiver).get("/mot-cua/?tab=moi")) == [online]
    assert codes(office(specialist).get("/mot-cua/?tab=moi")) == []
    assert codes(office(specialist).get("/mot-cua/?tab=cua-toi")) == [desk]
    assert codes(office(receiver).get("/mot-cua/?tab=cua-toi")) == []
    assert codes(office(receiver).get("/mot-cua/")) == [desk, online]


def test_payment_and_result_tabs(clock, procedure, commune, receiver, specialist, approver):
    paying = at_approval(procedure, commune, receiver, specialist)
    act(specialist, paying, "request_payment")
    done = at_approval(procedure, commune, receiver, specialist)
    act(approver, done, "approve")
    assert codes(office(receiver).get("/mot-cua/?tab=cho-thanh-toan")) == [paying.code]
    assert codes(office(receiver).get("/mot-cua/?tab=tra-ket-qua")) == [done.code]


def test_another_agencys_dossiers_never_appear(dossiers, other_receiver):
    for tab in ("moi", "cua-toi", "tat-ca"):
        assert codes(office(other_receiver).get(f"/mot-cua/?tab={tab}")) == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [("Lê Văn", "desk"), ("025190009999", "desk"), ("status=submitted", "online")],
)
def test_search_and_filters(dossiers, receiver, query, expected):
    params = query if "=" in query else f"q={query}"
    assert codes(office(receiver).get(f"/mot-cua/?{params}")) == [dossiers[expected].code]


def test_search_by_code(dossiers, receiver):
    code = dossiers["online"].code
    assert codes(office(receiver).get("/mot-cua/", {"q": code})) == [code]


def test_unknown_filter_values_are_ignored(dossiers, receiver):
    assert len(codes(office(receiver).get("/mot-cua/?status=xyz&sau=abc&tab=zz"))) == 2


def test_time_left_in_colour_and_words_by_the_working_calendar(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune, channel="desk")  # due Thu 19 08:00
    client = office(receiver)
    assert "due-ok" in client.get("/mot-cua/").content.decode()
    clock.set(local(18, 9))  # less than one working day left
    html = client.get("/mot-cua/").content.decode()
    assert '<span class="due due-soon">Đến hạn trong 1 ngày</span>' in html
    assert codes(client.get("/mot-cua/?han=sap-den-han")) == [dossier.code]
    clock.set(local(19, 9))
    assert (
        '<span class="due due-overdue">Quá hạn</span>' in client.get("/mot-cua/").content.decode()
    )
    assert codes(client.get("/mot-cua/?han=qua-han")) == [dossier.code]
    assert codes(client.get("/mot-cua/?han=sap-den-han")) == []


def test_keyset_pages_forward_and_back(clock, procedure, commune, receiver):
    made = [file_dossier(receiver, procedure, commune).code for _ in range(45)][::-1]
    client = office(receiver)
    first = client.get("/mot-cua/?tab=moi")
    assert codes(first) == made[:20]
    html = first.content.decode()
    assert not re.search(PREVIOUS, html)
    after = re.search(NEXT, html).group(1)
    second = client.get(f"/mot-cua/?tab=moi&sau={after}")
    assert codes(second) == made[20:40]
    before = re.search(PREVIOUS, second.content.decode()).group(1)
    assert codes(client.get(f"/mot-cua/?tab=moi&truoc={before}")) == made[:20]
    last = re.search(NEXT, second.content.decode()).group(1)
    third = client.get(f"/mot-cua/?tab=moi&sau={last}")
    assert codes(third) == made[40:]
    assert not re.search(NEXT, third.content.decode())


@pytest.mark.parametrize("count", [2, 30])
def test_a_page_costs_a_fixed_number_of_queries_and_no_count(
    clock, procedure, commune, receiver, django_assert_max_num_queries, count
):
    for _ in range(count):
        file_dossier(receiver, procedure, commune)
    client = office(receiver)
    with django_assert_max_num_queries(12) as captured:
        client.get("/mot-cua/?tab=moi&han=qua-han")
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
