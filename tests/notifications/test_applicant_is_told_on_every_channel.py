"""Receipt, supplement request, result and apology reach the applicant by e-mail, SMS and Zalo,
in Vietnamese, and each message's delivery report ends up stored."""

from datetime import datetime

from motcua.core.calendar import LOCAL_TZ
from motcua.integrations.models import Exchange
from motcua.notifications.models import Notification
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_due_tasks, run_effects
from tests.notifications.helpers import PHONE, phone_inbox, subject_of, text_of


def test_a_received_dossier_is_announced_with_its_code_and_due_date(
    api, procedure, commune, receiver, connected, smtp, clock
):
    dossier = submit(api(receiver), procedure, commune, channel="desk")  # received at once
    assert not Notification.objects.exists()  # rendered by the worker, not while the desk waits
    run_effects()
    assert Notification.objects.filter(state="pending").count() == 3
    run_due_tasks()

    [mail] = smtp.messages
    assert mail["X-Envelope-To"] == "nhung@example.vn"
    assert subject_of(mail) == f"Hồ sơ {dossier['code']} đã được tiếp nhận"
    body = text_of(mail)
    assert "Kính gửi ông/bà Phạm Thị Hồng Nhung" in body
    assert "UBND xã Hy Cương đã tiếp nhận hồ sơ" in body
    due = datetime.fromisoformat(dossier["due_at"]).astimezone(LOCAL_TZ)
    assert f"Hẹn trả kết quả: {due:%H:%M ngày %d/%m/%Y}" in body
    assert "Ngừng nhận thư thông báo về hồ sơ: http://127.0.0.1:8000/ngung-nhan-tin/" in body
    assert (
        str(mail["List-Unsubscribe"]).strip().startswith("<http://127.0.0.1:8000/ngung-nhan-tin/")
    )

    sms, zns = phone_inbox(connected)
    assert sms["text"] == (
        f"UBND xã Hy Cương đã tiếp nhận hồ sơ {dossier['code']}. Hẹn trả kết quả: "
        f"{due:%H:%M ngày %d/%m/%Y}. Tra cứu: http://127.0.0.1:8000/tra-cuu/?ma={dossier['code']}"
    )
    assert (zns["template_id"], zns["params"]) == ("310001", {
        "customer_name": "Phạm Thị Hồng Nhung", "dossier_code": dossier["code"],
        "agency": "UBND xã Hy Cương", "due_date": f"{due:%H:%M ngày %d/%m/%Y}",
    })  # fmt: skip

    states = dict(Notification.objects.values_list("channel", "state"))
    assert states == {"email": "sent", "sms": "delivered", "zns": "delivered"}
    for notification in Notification.objects.exclude(channel="email"):
        assert notification.provider_message_id in {sms["message_id"], zns["message_id"]}
        assert notification.recipient == PHONE and notification.delivery_at is not None
    assert set(Exchange.objects.filter(system="notifications").values_list("state", flat=True)) == {
        "acknowledged"
    }


def test_supplement_result_and_apology_say_what_the_applicant_needs(
    api, procedure, commune, receiver, specialist, approver, connected, smtp, clock
):
    desk, expert, boss = api(receiver), api(specialist), api(approver)
    dossier = submit(desk, procedure, commune, channel="online")
    dossier = act(desk, dossier, "request_supplement", note="Thiếu bản sao giấy chứng sinh",
                  items=["Giấy chứng sinh"])  # fmt: skip
    dossier = act(desk, dossier, "submit_supplement")
    dossier = act(desk, dossier, "receive")
    dossier = act(desk, dossier, "forward")
    new_due = datetime(2026, 11, 25, 16, 30, tzinfo=LOCAL_TZ)
    dossier = act(expert, dossier, "apologise", note="Cần xác minh thông tin với xã khác",
                  new_due_at=new_due.isoformat())  # fmt: skip
    dossier = act(expert, dossier, "forward")
    act(boss, dossier, "approve")
    run_due_tasks()

    subjects = [subject_of(m) for m in smtp.messages]
    code = dossier["code"]
    assert subjects == [
        f"Hồ sơ {code} cần bổ sung, hoàn thiện",
        f"Hồ sơ {code} đã được bổ sung",
        f"Hồ sơ {code} đã được tiếp nhận",
        f"Thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {code}",
        f"Hồ sơ {code} đã có kết quả",
    ]  # submit and forward have no template: nothing for them
    supplement, _, _, apology, result = (text_of(m) for m in smtp.messages)
    assert "Nội dung cần bổ sung: Thiếu bản sao giấy chứng sinh" in supplement
    assert "Giấy tờ cần bổ sung: Giấy chứng sinh" in supplement
    assert "Lý do: Cần xác minh thông tin với xã khác" in apology
    assert "Thời hạn trả kết quả mới: 16:30 ngày 25/11/2026" in apology
    assert "Cách nhận kết quả: mang theo Giấy tiếp nhận hồ sơ" in result
    assert "Bộ phận Một cửa UBND xã Hy Cương" in result

    texts = [m["text"] for m in phone_inbox(connected) if m["channel"] == "sms"]
    assert texts[0] == (
        f"Hồ sơ {code} cần bổ sung, hoàn thiện: Thiếu bản sao giấy chứng sinh. "
        f"Nộp bổ sung trực tuyến tại http://127.0.0.1:8000/ca-nhan/ho-so/{code}/"
    )  # filed online: supplemented online (a desk dossier is asked to contact the desk)
    assert "chậm trả kết quả do Cần xác minh thông tin với xã khác" in texts[3]
    assert Notification.objects.count() == 15
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent", "delivered"}


def test_a_zalo_message_the_network_could_not_deliver_is_recorded_as_failed(
    api, procedure, commune, receiver, connected
):
    applicant = {"id_number": "025190001234", "full_name": "Đỗ Văn Bình", "phone": "0987650000"}
    submit(api(receiver), procedure, commune, channel="desk", applicant=applicant)
    run_due_tasks()
    states = dict(Notification.objects.values_list("channel", "state"))
    assert states == {"sms": "delivered", "zns": "failed"}  # no e-mail address: no e-mail
    zns = Notification.objects.get(channel="zns")
    assert zns.delivery_status == "Số điện thoại chưa có tài khoản Zalo."
    assert zns.recipient == "84987650000"
