"""The dossier page shows each push to the national portal and how far it got, to the officers
of the dossier's agencies only."""

import re

from motcua.integrations.models import Exchange
from tests.backoffice.helpers import act, file_dossier, office
from tests.integrations.helpers import run_effects


def sync_section(client, dossier) -> str:
    response = client.get(f"/mot-cua/ho-so/{dossier.code}/")
    assert response.status_code == 200, response.content
    found = re.search(r'aria-labelledby="dong-bo">(.*?)</section>', response.content.decode(), re.S)
    assert found, "no sync section"
    return found.group(1)


def rows(section: str) -> list[list[str]]:
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr class=\"sync-[a-z]+\">(.*?)</tr>", section, re.S)
    ]


def test_each_push_is_listed_with_its_state_attempts_and_error(
    clock, procedure, commune, receiver, approver
):
    dossier = file_dossier(receiver, procedure, commune)
    act(receiver, dossier, "receive")
    act(receiver, dossier, "forward")
    run_effects()
    filed, received, forwarded = Exchange.objects.filter(system="national_portal")
    Exchange.objects.filter(pk=filed.pk).update(state="acknowledged", attempts=1)
    Exchange.objects.filter(pk=received.pk).update(attempts=2, last_error="HTTP 500 từ cổng")
    Exchange.objects.filter(pk=forwarded.pk).update(
        state="dead", attempts=10, last_error="Không kết nối được cổng"
    )
    Exchange.objects.create(dossier=dossier, system="national_portal", event="reconcile",
                            payload={})  # fmt: skip

    section = sync_section(office(approver), dossier)
    assert "Đồng bộ Cổng DVC quốc gia" in section
    table = [row[:4] for row in rows(section)]
    assert table == [
        ["Nộp hồ sơ", "đã xác nhận", "1", "—"],
        ["Tiếp nhận hồ sơ", "lỗi, sẽ gửi lại", "2", "HTTP 500 từ cổng"],
        ["Chuyển xử lý", "thư chết (chờ quản trị gửi lại)", "10", "Không kết nối được cổng"],
        ["Đối soát, gửi lại", "chờ gửi", "0", "—"],
    ]
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d \d\d/\d\d/\d{4}", row[4]) for row in rows(section))


def test_messages_to_the_applicant_are_not_mixed_into_the_sync(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    act(receiver, dossier, "receive")  # queues e-mail, SMS and Zalo messages too
    run_effects()
    assert Exchange.objects.filter(system="notifications").exists()
    assert [row[0] for row in rows(sync_section(office(receiver), dossier))] == [
        "Nộp hồ sơ", "Tiếp nhận hồ sơ",
    ]  # fmt: skip


def test_officers_of_another_agency_see_nothing(
    clock, procedure, commune, receiver, other_receiver
):
    dossier = file_dossier(receiver, procedure, commune)
    Exchange.objects.update(last_error="HTTP 500 từ cổng")
    response = office(other_receiver).get(f"/mot-cua/ho-so/{dossier.code}/")
    assert response.status_code == 404
    assert "HTTP 500" not in response.content.decode()
    assert "Đồng bộ" not in response.content.decode()
