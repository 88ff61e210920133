"""What each official form says about a dossier (Thông tư 03/2025/TT-VPCP, Mẫu 01–07).

Each builder returns a `Form`: the issuer, title and blocks of text, tables and signatures that the
one Typst layout (`typst/form.typ`) and the .xlsx export lay out. A form that the dossier's history
does not call for (a refusal slip for a dossier never refused) raises `Conflict`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from motcua.agencies.models import Agency
from motcua.agencies.selectors import agency_head_name
from motcua.catalog.models import RequiredDocument
from motcua.core.calendar import LOCAL_TZ
from motcua.core.errors import Conflict
from motcua.core.money import dong
from motcua.dossiers.clock import EARLY, LABELS, LATE, ON_TIME, timeliness
from motcua.dossiers.fees import Condition, dossier_fees
from motcua.dossiers.models import Dossier, DossierEvent

DOCUMENT_KINDS = dict(RequiredDocument.Kind.choices)


SIGN = "(Ký và ghi rõ họ tên)"
SIGN_AND_SEAL = "(Ký, ghi rõ họ tên và đóng dấu)"


@dataclass
class Signature:
    title: str
    name: str = ""
    note: str = SIGN


@dataclass
class Form:
    """A filled official form, ready for layout."""

    number: str
    title: str
    issuer: str
    parent: str
    place_date: str
    blocks: list[dict]
    signatures: list[Signature]
    subtitle: str = ""
    landscape: bool = False
    qr_url: str = ""
    qr_caption: str = ""
    reference: str = ""


def vn_datetime(instant: datetime | None) -> str:
    """`08 giờ 30 phút, ngày 16 tháng 11 năm 2026` in Hà Nội time; empty when there is none."""
    if instant is None:
        return ""
    local = timezone.localtime(instant, LOCAL_TZ)
    return f"{local:%H} giờ {local:%M} phút, {vn_date(local)}"


def vn_date(instant: datetime | None) -> str:
    if instant is None:
        return ""
    local = timezone.localtime(instant, LOCAL_TZ)
    return f"ngày {local:%d} tháng {local:%m} năm {local:%Y}"


def short_datetime(instant: datetime | None) -> str:
    if instant is None:
        return ""
    return f"{timezone.localtime(instant, LOCAL_TZ):%H:%M\n%d/%m/%Y}"


def para(text: str) -> dict:
    return {"kind": "para", "text": text}


def line(label: str, value: object) -> dict:
    return {"kind": "field", "label": label, "value": str(value or "")}


def items(values: list[str]) -> dict:
    return {"kind": "list", "items": values}


def table(header: list[str], widths: list[float], rows: list[list[str]], size: int = 11) -> dict:
    return {"kind": "table", "header": header, "widths": widths, "rows": rows, "size": size}


def _last_event(dossier: Dossier, action: str, form_title: str) -> DossierEvent:
    event = dossier.events.filter(action=action).select_related("actor").order_by("-id").first()
    if event is None:
        raise Conflict(
            f"Hồ sơ {dossier.code} chưa có sự kiện để lập {form_title.lower()}.",
            code="form_not_applicable",
        )
    return event


def _require_received(dossier: Dossier, form_title: str) -> None:
    if dossier.received_at is None:
        raise Conflict(
            f"Hồ sơ {dossier.code} chưa được tiếp nhận nên chưa có {form_title.lower()}.",
            code="form_not_applicable",
        )


def issued_by(agency: Agency, number: str, title: str, **parts) -> Form:
    """The frame shared by every form: `agency` issues it today, printed under its parent and
    dated at its own place."""
    return Form(
        number=number,
        title=title,
        issuer=agency.name,
        parent=agency.parent.name if agency.parent_id else "",
        place_date=f"{agency.place_name}, {vn_date(timezone.now())}",
        **parts,
    )


def _form(dossier: Dossier, number: str, title: str, **parts) -> Form:
    """A form about the dossier, issued by the desk of the receiving agency unless `agency`."""
    parts.setdefault("reference", f"Mã hồ sơ: {dossier.code}")
    return issued_by(parts.pop("agency", dossier.agency), number, title, **parts)


def _applicant_lines(dossier: Dossier) -> list[dict]:
    return [
        line("Tiếp nhận hồ sơ của", dossier.applicant_name),
        line("Số định danh cá nhân / mã số doanh nghiệp", dossier.applicant_id_number),
        line("Địa chỉ", dossier.applicant_address),
        line("Số điện thoại", dossier.applicant_phone),
        line("Thư điện tử", dossier.applicant_email),
        line("Nội dung yêu cầu giải quyết", dossier.procedure.name),
    ]


def _documents_table(dossier: Dossier) -> dict:
    rows = [
        [str(i), doc.name, str(DOCUMENT_KINDS.get(doc.kind, doc.kind)).capitalize(), str(doc.count)]
        for i, doc in enumerate(dossier.documents.all(), start=1)
    ]
    return table(["STT", "Tên giấy tờ", "Bản chính / bản sao", "Số lượng"], [0.5, 5, 1.6, 1], rows)


def _fees_text(dossier: Dossier) -> str:
    """The lines that apply and their total, as `dossiers/fees.py` computes them."""
    fees = dossier_fees(dossier)
    if not fees.total:
        return "Không thu phí, lệ phí"
    lines = [
        f"{f.name}{f' ({f.quantity} bản)' if f.condition == Condition.PER_EXTRA_COPY else ''}: "
        f"{dong(f.amount)}"
        for f in fees.applying
    ]
    return f"{'; '.join(lines)}. Tổng cộng: {dong(fees.total)}"


def receipt(dossier: Dossier) -> Form:
    """Mẫu 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả."""
    title = "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ"
    _require_received(dossier, title)
    receiver = _last_event(dossier, "receive", title)
    days = dossier.procedure.processing_days.normalize()
    lookup = f"{settings.MOTCUA['PUBLIC_BASE_URL']}/tra-cuu/?ma={dossier.code}"
    return _form(
        dossier,
        "01",
        title,
        subtitle="Liên: giao người nộp hồ sơ",
        blocks=[
            para(f"Bộ phận tiếp nhận và trả kết quả của {dossier.agency.name}"),
            *_applicant_lines(dossier),
            para("1. Thành phần hồ sơ nộp gồm:"),
            _documents_table(dossier),
            line("2. Số lượng hồ sơ", "01 (bộ)"),
            line("3. Thời gian giải quyết hồ sơ theo quy định", f"{days:f} ngày làm việc"),
            line("4. Thời gian nhận hồ sơ", vn_datetime(dossier.received_at)),
            line(
                "5. Thời gian trả kết quả giải quyết hồ sơ",
                vn_datetime(dossier.original_due_at or dossier.due_at),
            ),
            line("6. Hình thức nộp hồ sơ", dossier.get_channel_display()),
            line("7. Phí, lệ phí", _fees_text(dossier)),
            para(
                "Khi đến nhận kết quả, người nộp mang theo Giấy tiếp nhận này. Tra cứu tình trạng "
                "hồ sơ bằng mã hồ sơ và số định danh tại Cổng dịch vụ công của tỉnh."
            ),
        ],
        qr_url=lookup,
        qr_caption=f"Quét mã để tra cứu hồ sơ {dossier.code}: {lookup}",
        signatures=[
            Signature("Người nộp hồ sơ", dossier.applicant_name),
            Signature("Người tiếp nhận hồ sơ", receiver.actor_label),
        ],
    )


def supplement_request(dossier: Dossier) -> Form:
    """Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (every missing item in one request)."""
    title = "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ"
    event = _last_event(dossier, "request_supplement", title)
    return _form(
        dossier,
        "02",
        title,
        blocks=[
            para(f"Bộ phận tiếp nhận và trả kết quả của {dossier.agency.name}"),
            *_applicant_lines(dossier),
            line("Ngày yêu cầu", f"{event.at.astimezone(LOCAL_TZ):%d/%m/%Y}"),
            para("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"),
            items(event.data.get("items", [])),
            line("Lý do", event.note),
            para(
                "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ "
                f"{event.actor_label} tại {dossier.current_agency.name} để được hướng dẫn."
            ),
        ],
        signatures=[Signature("Người hướng dẫn", event.actor_label)],
    )


def refusal(dossier: Dossier) -> Form:
    """Mẫu 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ."""
    title = "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ"
    event = _last_event(dossier, "refuse", title)
    return _form(
        dossier,
        "03",
        title,
        blocks=[
            para(f"Bộ phận tiếp nhận và trả kết quả của {dossier.agency.name}"),
            *_applicant_lines(dossier),
            para(
                "Qua xem xét, cơ quan có thẩm quyền thông báo không tiếp nhận, giải quyết hồ sơ "
                "này với lý do cụ thể như sau:"
            ),
            para(event.note),
            para("Xin thông báo cho Ông/Bà được biết và thực hiện./."),
        ],
        signatures=[Signature("Người tiếp nhận hồ sơ", event.actor_label)],
    )


def apology(dossier: Dossier) -> Form:
    """Mẫu 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (the date moves only once).

    The responsible agency (the one processing the dossier when the apology was made) issues it
    and its head signs it, whoever of its staff wrote it."""
    title = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
    event = _last_event(dossier, "apologise", title)
    responsible = event.to_agency or dossier.current_agency
    old_due = datetime.fromisoformat(event.data["old_due_at"])
    new_due = datetime.fromisoformat(event.data["new_due_at"])
    return _form(
        dossier,
        "04",
        title,
        agency=responsible,
        blocks=[
            para(
                f"{vn_date(dossier.received_at).capitalize()}, {dossier.agency.name} tiếp nhận "
                f"hồ sơ của Ông/Bà {dossier.applicant_name}, mã hồ sơ {dossier.code}, đề nghị "
                f"giải quyết thủ tục {dossier.procedure.name}."
            ),
            line("Thời hạn trả kết quả theo Giấy tiếp nhận", vn_datetime(old_due)),
            para(
                f"Tuy nhiên, đến nay {responsible.name} chưa trả kết quả giải quyết hồ sơ cho "
                "Ông/Bà đúng hạn."
            ),
            line("Lý do", event.note),
            para(
                "Sự chậm trễ này đã gây phiền hà, tốn kém chi phí, công sức của Ông/Bà. Cơ quan "
                "giải quyết hồ sơ xin lỗi Ông/Bà và hẹn trả kết quả vào:"
            ),
            line("Thời hạn trả kết quả mới", vn_datetime(new_due)),
            para("Xin trân trọng cảm ơn./."),
        ],
        signatures=[Signature("Thủ trưởng cơ quan", agency_head_name(responsible), SIGN_AND_SEAL)],
    )


def stop_notice(dossier: Dossier) -> Form:
    """Mẫu 05: Thông báo dừng giải quyết hồ sơ (at the applicant's request, Điều 21)."""
    title = "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ"
    event = _last_event(dossier, "withdraw", title)
    return _form(
        dossier,
        "05",
        title,
        blocks=[
            para(
                f"Căn cứ đề nghị của Ông/Bà {dossier.applicant_name} về việc dừng giải quyết hồ sơ "
                f"mã {dossier.code} (thủ tục {dossier.procedure.name}), {dossier.agency.name} "
                f"thông báo dừng giải quyết hồ sơ kể từ {vn_datetime(event.at)}."
            ),
            line("Nội dung đề nghị của người nộp", event.note),
            para(
                "Hồ sơ và các giấy tờ đã nộp được trả lại cho Ông/Bà tại Bộ phận Một cửa; lịch sử "
                "xử lý hồ sơ vẫn được lưu giữ theo quy định."
            ),
        ],
        signatures=[
            Signature("Người nộp hồ sơ", dossier.applicant_name),
            Signature("Người tiếp nhận hồ sơ", event.actor_label),
        ],
    )


def handover_rows(dossier: Dossier) -> list[list[str]]:
    """The hand-over lines of Mẫu 06: who gave the dossier to whom, when, and whether on time."""
    events = list(
        dossier.events.select_related("from_agency", "to_agency")
        .filter(action__in=("receive", "forward", "approve", "reject", "return_result"))
        .order_by("id")
    )
    rows = []
    for i, event in enumerate(events, start=1):
        giver = event.from_agency.name if event.from_agency else dossier.agency.name
        taker = event.to_agency.name if event.to_agency else dossier.agency.name
        judged = timeliness(dossier) if event.action in ("approve", "reject") else None
        outcome = LABELS.get(judged or event.data.get("handover") or "", "").capitalize()
        rows.append(
            [
                str(i),
                f"Giao: {giver} ({event.actor_label})\nNhận: {taker}",
                short_datetime(event.at),
                outcome,
                event.note,
            ]
        )
    return rows


HANDOVER_HEADER = [
    "STT",
    "Tên cơ quan, bộ phận giao, nhận hồ sơ",
    "Thời gian giao, nhận",
    "Kết quả (trước hạn / đúng hạn / quá hạn)",
    "Ghi chú",
]


def control_slip(dossier: Dossier) -> Form:
    """Mẫu 06: Phiếu kiểm soát quá trình giải quyết hồ sơ (follows the dossier)."""
    title = "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ"
    _require_received(dossier, title)
    return _form(
        dossier,
        "06",
        title,
        subtitle="(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)",
        blocks=[
            line("Tên thủ tục", dossier.procedure.name),
            line("Người nộp hồ sơ", dossier.applicant_name),
            line("Cơ quan giải quyết hồ sơ", dossier.current_agency.name),
            line("Thời gian tiếp nhận", vn_datetime(dossier.received_at)),
            line("Thời hạn trả kết quả", vn_datetime(dossier.due_at)),
            table(HANDOVER_HEADER, [0.5, 4, 1.6, 1.6, 2], handover_rows(dossier)),
        ],
        signatures=[],
    )


REGISTER_HEADER = [
    "STT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Số lượng hồ sơ (bộ)",
    "Tên người nộp, địa chỉ, số điện thoại",
    "Cơ quan chủ trì giải quyết",
    "Nhận hồ sơ ngày",
    "Hẹn trả kết quả ngày",
    "Chuyển hồ sơ đến cơ quan giải quyết ngày",
    "Trả kết quả trước hạn",
    "Trả kết quả đúng hạn",
    "Trả kết quả quá hạn",
    "Ghi chú",
]
REGISTER_WIDTHS = [0.5, 2.3, 2.4, 0.8, 2.2, 1.6, 1.1, 1.1, 1.2, 1.1, 1.1, 1.1, 1.3]
RESULT_CLASSES = (EARLY, ON_TIME, LATE)


def register_row(number: int, dossier: Dossier, forwards: list[DossierEvent]) -> list[str]:
    """A dossier's line in the Sổ theo dõi hồ sơ (Mẫu 07). `forwards` are its hand-overs in
    order: the first is when the desk passed it on, the first to another agency names the
    agency that leads its processing (else the receiving agency does)."""
    lead = next((e.to_agency for e in forwards if e.to_agency_id != dossier.agency_id), None)
    judged = timeliness(dossier) if dossier.returned_at else None
    notes = [] if dossier.returned_at else [str(dossier.get_status_display()).capitalize()]
    if dossier.extended:
        notes.append("Đã xin lỗi, hẹn lại ngày trả kết quả")
    applicant = (dossier.applicant_name, dossier.applicant_address, dossier.applicant_phone)
    return [
        str(number),
        dossier.code,
        dossier.procedure.name,
        "01",
        "\n".join(part for part in applicant if part),
        (lead or dossier.agency).name,
        short_datetime(dossier.received_at),
        short_datetime(dossier.due_at),
        short_datetime(forwards[0].at if forwards else None),
        *(short_datetime(dossier.returned_at) if judged == c else "" for c in RESULT_CLASSES),
        "; ".join(notes),
    ]


def register_table(rows: list[list[str]]) -> dict:
    return table(REGISTER_HEADER, REGISTER_WIDTHS, rows, size=8)


def register(dossier: Dossier) -> Form:
    """Mẫu 07: the dossier's line in the Sổ theo dõi hồ sơ (tracking register); the register
    of a desk for a period is `reports.register`."""
    title = "SỔ THEO DÕI HỒ SƠ"
    _require_received(dossier, title)
    forwards = list(
        dossier.events.filter(action="forward").select_related("to_agency").order_by("id")
    )
    return _form(
        dossier,
        "07",
        title,
        reference=f"Bộ phận Một cửa: {dossier.agency.code}",
        landscape=True,
        blocks=[register_table([register_row(1, dossier, forwards)])],
        signatures=[],
    )


BUILDERS: dict[str, Callable[[Dossier], Form]] = {
    "01": receipt,
    "02": supplement_request,
    "03": refusal,
    "04": apology,
    "05": stop_notice,
    "06": control_slip,
    "07": register,
}
