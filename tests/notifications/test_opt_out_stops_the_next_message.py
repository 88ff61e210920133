"""An applicant stops a channel by the link in an e-mail or at the desk; the next message on it is
recorded as opted out and not sent, while the other channels go on."""

import re

import pytest
from django.core import signing
from django.test import Client

from motcua.core.errors import RuleBroken
from motcua.notifications.models import Notification, OptOut
from motcua.notifications.services import UNSUBSCRIBE_SALT, optout_record
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_due_tasks
from tests.notifications.helpers import phone_inbox, text_of

LINK = re.compile(r"http://127\.0\.0\.1:8000(/ngung-nhan-tin/[^/\s]+/)")


def states(event: str) -> dict[str, str]:
    return dict(Notification.objects.filter(event=event).values_list("channel", "state"))


def test_the_link_in_an_email_stops_emails_once_confirmed(
    api, procedure, commune, receiver, connected, smtp
):
    desk = api(receiver)
    dossier = submit(desk, procedure, commune, channel="desk")
    run_due_tasks()
    path = LINK.search(text_of(smtp.messages[0])).group(1)
    browser = Client()

    page = browser.get(path)  # a link scanner following the link changes nothing
    assert page.status_code == 200
    assert "Ngừng gửi thông báo qua thư điện tử đến địa chỉ n***@example.vn?" in page.text
    assert not OptOut.objects.exists()

    for _ in range(2):  # confirming twice records one opt-out
        done = browser.post(path)
        assert done.status_code == 200
        assert "Đã ghi nhận: địa chỉ n***@example.vn sẽ không nhận thông báo" in done.text
    optout = OptOut.objects.get()
    assert (optout.address, optout.channel, optout.source) == ("nhung@example.vn", "email", "link")

    act(desk, dossier, "request_supplement", items=["Giấy chứng sinh"])
    run_due_tasks()
    assert len(smtp.messages) == 1  # no second e-mail
    assert states("request_supplement") == {"email": "opted_out", "sms": "delivered",
                                            "zns": "delivered"}  # fmt: skip
    opted = Notification.objects.get(event="request_supplement", channel="email")
    assert opted.exchange is None


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_or_altered_link_is_refused(db, method):
    forged = signing.dumps(["nhung@example.vn", "email"], salt="another-purpose")
    genuine = signing.dumps(["nhung@example.vn", "email"], salt=UNSUBSCRIBE_SALT)
    altered = genuine[:-3] + ("AAA" if not genuine.endswith("AAA") else "BBB")
    for token in (forged, altered, "khong-phai-lien-ket"):
        page = getattr(Client(), method)(f"/ngung-nhan-tin/{token}/")
        assert page.status_code == 404
        assert "Liên kết ngừng nhận tin không hợp lệ" in page.text
    assert not OptOut.objects.exists()


def test_a_phone_number_stopped_at_the_desk_gets_no_more_sms(
    api, procedure, commune, receiver, admin_user, connected
):
    optout_record(actor=admin_user, address="+84 912 345 678", channel="sms", source="admin")
    assert OptOut.objects.get().address == "84912345678"  # the form every channel uses
    submit(api(receiver), procedure, commune, channel="desk")
    run_due_tasks()
    assert states("receive") == {"email": "sent", "sms": "opted_out", "zns": "delivered"}
    assert [m["channel"] for m in phone_inbox(connected)] == ["zns"]


def test_an_opt_out_after_queueing_still_stops_the_message(
    api, procedure, commune, receiver, admin_user, connected, smtp
):
    submit(api(receiver), procedure, commune, channel="desk")
    optout_record(actor=admin_user, address="Nhung@EXAMPLE.vn", channel="email", source="admin")
    run_due_tasks()
    assert smtp.messages == []
    assert states("receive")["email"] == "opted_out"


@pytest.mark.parametrize(
    ("address", "channel"),
    [("0241234567", "sms"), ("12345", "zns"), ("khong-phai-thu", "email"), ("0912345678", "fax")],
)
def test_an_address_that_cannot_be_reached_is_not_recorded(admin_user, address, channel):
    with pytest.raises(RuleBroken):
        optout_record(actor=admin_user, address=address, channel=channel, source="admin")
    assert not OptOut.objects.exists()
