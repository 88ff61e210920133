"""Every change that alters what the applicant must do reaches them by e-mail, SMS and Zalo, worded
for how they filed (online, at the desk, by post) and how they get their result (an electronic
result to download, a paper one at the desk with the receipt, or by post)."""

import pytest

from motcua.dossiers.models import Dossier
from motcua.notifications.models import Channel, Event, MessageTemplate, Notification
from motcua.notifications.services import template_problems
from tests.dossiers.helpers import act, submit
from tests.integrations.helpers import run_due_tasks
from tests.notifications.helpers import phone_inbox, subject_of, text_of

PAGE = "http://127.0.0.1:8000/ca-nhan/ho-so/{code}/"
RECEIPT = ("Giấy tiếp nhận", "giấy hẹn", "mang theo")


def told(smtp, messaging, code: str) -> list[tuple[str, str, str, dict]]:
    """(e-mail subject, e-mail text, SMS text, ZNS message) per event, in order, once delivered."""
    run_due_tasks()
    mails = [m for m in smtp.messages if code in subject_of(m)]
    phone = [m for m in phone_inbox(messaging) if m["channel"] == "sms"]
    zalo = [m for m in phone_inbox(messaging) if m["channel"] == "zns"]
    texts = [m["text"] for m in phone if code in m["text"]]
    zns = [m for m in zalo if m["params"].get("dossier_code") == code]
    assert len(mails) == len(texts) == len(zns), (len(mails), len(texts), len(zns))
    return [(subject_of(m), text_of(m), t, z) for m, t, z in zip(mails, texts, zns, strict=True)]


def test_a_refusal_says_why(api, procedure, commune, receiver, connected, smtp):
    desk = api(receiver)
    dossier = submit(desk, procedure, commune, channel="online")
    act(desk, dossier, "refuse", note="Hồ sơ thuộc thẩm quyền của UBND phường Vân Phú")
    [(subject, mail, sms, zns)] = told(smtp, connected, dossier["code"])
    code = dossier["code"]
    assert subject == f"Hồ sơ {code} không được tiếp nhận"
    assert "Lý do: Hồ sơ thuộc thẩm quyền của UBND phường Vân Phú" in mail
    assert sms == (
        f"UBND xã Hy Cương từ chối tiếp nhận hồ sơ {code}. "
        "Lý do: Hồ sơ thuộc thẩm quyền của UBND phường Vân Phú."
    )
    assert zns["template_id"] == "310007"
    assert zns["params"]["reason"] == "Hồ sơ thuộc thẩm quyền của UBND phường Vân Phú"


def test_a_desk_dossier_is_told_to_pay_what_it_owes_and_to_come_with_its_receipt(
    api, procedure, commune, receiver, specialist, approver, connected, smtp, clock
):
    desk, expert, boss = api(receiver), api(specialist), api(approver)
    dossier = submit(desk, procedure, commune, channel="desk")
    code, page = dossier["code"], PAGE.format(code=dossier["code"])
    dossier = act(desk, dossier, "request_payment")
    dossier = act(desk, dossier, "record_payment", amount=8000, receipt_number="BL-0042")
    dossier = act(desk, dossier, "forward")
    dossier = act(boss, dossier, "pause", note="Chờ kết quả giám định theo Điều 12")
    clock.advance(days=1)
    dossier = act(boss, dossier, "resume")
    dossier = act(expert, dossier, "forward")
    dossier = act(boss, dossier, "approve")
    act(desk, dossier, "return_result", method="desk")

    received, payment, paid, paused, resumed, result, returned = told(smtp, connected, code)
    assert received[0] == f"Hồ sơ {code} đã được tiếp nhận"

    assert payment[0] == f"Hồ sơ {code}: đề nghị nộp phí, lệ phí"
    assert "phí, lệ phí: 8.000 đồng" in payment[1]
    assert f"đăng nhập bằng tài khoản VNeID tại {page}" in payment[1]
    assert "“Thanh toán trực tuyến”" in payment[1]
    assert payment[2] == (
        f"Hồ sơ {code}: đề nghị nộp 8.000 đồng phí, lệ phí. Thanh toán trực tuyến tại {page} "
        "hoặc tại Bộ phận Một cửa UBND xã Hy Cương."
    )
    assert (payment[3]["template_id"], payment[3]["params"]["amount"]) == ("310008", "8.000 đồng")

    assert paid[0] == f"Hồ sơ {code}: đã nhận thanh toán 8.000 đồng"
    assert "biên lai số BL-0042" in paid[1]
    assert "đã hoàn thành nghĩa vụ tài chính" in paid[1]
    assert paid[2] == f"Đã nhận 8.000 đồng cho hồ sơ {code}, biên lai số BL-0042."

    assert paused[0] == f"Hồ sơ {code} tạm dừng giải quyết"
    assert "Căn cứ: Chờ kết quả giám định theo Điều 12" in paused[1]
    resumed_due = Dossier.objects.get(code=code).due_at
    assert resumed[0] == f"Hồ sơ {code} tiếp tục được giải quyết"
    assert resumed_due is not None and "Hẹn trả kết quả mới:" in resumed[1]

    assert result[0] == f"Hồ sơ {code} đã có kết quả"
    assert "mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in result[1]
    assert "mang giấy hẹn" in result[2]
    assert result[3]["template_id"] == "310003"

    assert returned[0] == f"Hồ sơ {code} đã được trả kết quả"
    assert "đánh giá mức độ hài lòng" in returned[1] and page in returned[1]
    assert returned[3]["template_id"] == "310014"


def test_an_online_dossier_with_an_electronic_result_is_never_asked_to_bring_the_receipt(
    api, procedure, commune, receiver, specialist, approver, connected, smtp
):
    desk, expert, boss = api(receiver), api(specialist), api(approver)
    dossier = submit(desk, procedure, commune, channel="online")
    code, page = dossier["code"], PAGE.format(code=dossier["code"])
    dossier = act(desk, dossier, "request_supplement", note="Thiếu bản sao giấy chứng sinh",
                  items=["Giấy chứng sinh"])  # fmt: skip
    dossier = act(desk, dossier, "submit_supplement")
    dossier = act(desk, dossier, "receive")
    dossier = act(desk, dossier, "forward")
    dossier = act(expert, dossier, "forward")
    dossier = act(boss, dossier, "approve", electronic=True)
    act(desk, dossier, "return_result", method="online")

    supplement, supplied, _received, result, returned = told(smtp, connected, code)
    assert f"Nộp bổ sung trực tuyến tại: {page}" in supplement[1]
    assert supplement[2] == (
        f"Hồ sơ {code} cần bổ sung, hoàn thiện: Thiếu bản sao giấy chứng sinh. "
        f"Nộp bổ sung trực tuyến tại {page}"
    )
    assert supplement[3]["template_id"] == "310005"
    assert supplied[0] == f"Hồ sơ {code} đã được bổ sung"
    assert supplied[2] == f"UBND xã Hy Cương đã nhận giấy tờ bổ sung cho hồ sơ {code}."

    assert result[0] == f"Hồ sơ {code} đã có kết quả"
    for text in (result[1], result[2], *result[3]["params"].values()):
        assert not any(word.lower() in text.lower() for word in RECEIPT), text
    assert f"tại {page} để tải kết quả" in result[1]
    assert result[2] == (
        f"Hồ sơ {code} đã có kết quả điện tử. Tải kết quả tại {page} (đăng nhập VNeID), "
        "không cần đến Bộ phận Một cửa."
    )
    assert (result[3]["template_id"], result[3]["params"]["url"]) == ("310010", page)
    assert not any(word.lower() in returned[1].lower() for word in RECEIPT)
    assert returned[3]["template_id"] == "310012"


def test_post_dossiers_hear_of_the_post_and_refusals_and_withdrawals_are_told(
    api, procedure, commune, receiver, specialist, approver, connected, smtp
):
    desk, expert, boss = api(receiver), api(specialist), api(approver)
    by_post = submit(desk, procedure, commune, channel="post")
    by_post = act(desk, by_post, "forward")
    by_post = act(expert, by_post, "forward")
    act(boss, by_post, "approve")
    [_received, result] = told(smtp, connected, by_post["code"])
    assert "dịch vụ bưu chính công ích" in result[1] and "dịch vụ bưu chính" in result[2]
    assert not any(word.lower() in result[1].lower() for word in RECEIPT)
    assert result[3]["template_id"] == "310011"

    at_desk = submit(desk, procedure, commune, channel="desk")
    at_desk = act(desk, at_desk, "forward")
    at_desk = act(expert, at_desk, "forward")
    act(boss, at_desk, "reject", note="Không đủ điều kiện đăng ký")
    [_received, rejected] = told(smtp, connected, at_desk["code"])
    assert rejected[0] == f"Hồ sơ {at_desk['code']} không được giải quyết"
    assert "Lý do: Không đủ điều kiện đăng ký" in rejected[1]
    assert "mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả" in rejected[1]

    stopped = submit(desk, procedure, commune, channel="desk")
    act(desk, stopped, "withdraw", note="Người nộp đề nghị dừng để bổ sung thông tin")
    [_received, withdrawn] = told(smtp, connected, stopped["code"])
    assert withdrawn[0] == f"Hồ sơ {stopped['code']} đã dừng giải quyết"
    assert "Người nộp đề nghị dừng để bổ sung thông tin" in withdrawn[2]


TOLD = {
    "receive", "request_supplement", "submit_supplement", "refuse", "request_payment",
    "record_payment", "approve", "reject", "return_result", "apologise", "pause", "resume",
    "withdraw",
}  # fmt: skip


@pytest.mark.django_db
def test_every_event_that_changes_what_the_applicant_must_do_has_a_wording_on_every_channel():
    assert set(Event.values) == TOLD  # submit, forward, rate and transfer change nothing for them
    templates = MessageTemplate.objects.all()
    for event in TOLD:
        for channel in Channel.values:
            assert templates.filter(event=event, channel=channel, is_active=True).exists()
    for template in templates:
        assert template_problems(template) == {}, (template.event, template.variant)
    assert not Notification.objects.exists()


def test_a_template_switched_off_for_a_case_falls_back_to_the_general_wording(
    api, procedure, commune, receiver, connected, smtp
):
    general = MessageTemplate.objects.get(event="request_supplement", variant="offline",
                                          channel="sms")  # fmt: skip
    general.pk, general.variant, general.body = None, "", "Hồ sơ {{ code }} cần bổ sung."
    general.save()
    MessageTemplate.objects.filter(event="request_supplement", variant="online",
                                   channel="sms").update(is_active=False)  # fmt: skip
    dossier = submit(api(receiver), procedure, commune, channel="online")
    act(api(receiver), dossier, "request_supplement", items=["Giấy chứng sinh"])
    run_due_tasks()
    sms = Notification.objects.get(event="request_supplement", channel="sms")
    assert sms.text == f"Hồ sơ {dossier['code']} cần bổ sung."
