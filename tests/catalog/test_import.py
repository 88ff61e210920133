"""Importing the catalogue from a workbook: all rows checked, all or nothing, re-import updates."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from motcua.catalog.importer import SHEETS, template_headers
from motcua.catalog.models import Field, Procedure, ProcessStep
from motcua.core.models import AuditEvent
from tests.factories import make_staff

PROCEDURE_HEADERS = [
    # Deliberately not in the template's order: columns are matched by their header.
    "Tên thủ tục",
    "Mã thủ tục",
    "Mã lĩnh vực",
    "Tên lĩnh vực",
    "Cấp thực hiện",
    "Mức độ trực tuyến",
    "Lý do trực tuyến một phần",
    "Thời hạn giải quyết (ngày làm việc)",
    "Thời hạn khi nộp trực tuyến",
    "Đối tượng thực hiện",
    "Kết quả thực hiện",
    "Kết quả bản giấy",
    "Căn cứ pháp lý",
    "Quyết định công bố",
    "Ngày công bố",
    "Thời hạn sau bổ sung",
    "Thời gian nộp phí không tính vào thời hạn",
    "Cơ quan thực hiện (mã định danh)",
]
BIRTH = [
    "Đăng ký khai sinh", "1.001193", "HT", "Hộ tịch", "xã", "toàn trình", "", 1, "",
    "cá nhân", "Giấy khai sinh", "có", "Luật Hộ tịch năm 2014", "Quyết định 1024/QĐ-UBND",
    date(2025, 3, 15), "tiếp tục", "không", "H44.189",
]  # fmt: skip
RECORD = [
    "Cấp Phiếu lý lịch tư pháp", "2.000488", "LLTP", "Lý lịch tư pháp", "tỉnh", "một phần",
    "Người yêu cầu phải xuất trình bản chính giấy tờ tùy thân khi nhận kết quả", "10", "8,5",
    "cá nhân, tổ chức", "Phiếu lý lịch tư pháp", "không", "Luật Lý lịch tư pháp năm 2009",
    "Quyết định 2210/QĐ-UBND", "01/07/2025", "tính lại", "có", "H44.17",
]  # fmt: skip
FEE_HEADERS = ["Mã thủ tục", "Tên khoản phí, lệ phí", "Số tiền (đồng)", "Ghi chú"]
DOCUMENT_HEADERS = [
    "Mã thủ tục", "Tên giấy tờ", "Loại bản", "Số lượng", "Mẫu đơn, tờ khai",
    "Khai thác từ CSDL quốc gia",
]  # fmt: skip
PROCESS_HEADERS = [
    "Mã thủ tục", "Mã cơ quan thực hiện", "Thứ tự bước", "Tên bước", "Vai trò thực hiện",
    "Mã đơn vị thực hiện bước", "Thời gian (ngày làm việc)",
]  # fmt: skip


def workbook(path, procedures, fees=(), documents=(), processes=(), title_row=True):
    """Write a catalogue workbook; the ThuTuc sheet gets a title line above its headers."""
    book = Workbook()
    book.remove(book.active)
    sheets = [
        ("ThuTuc", PROCEDURE_HEADERS, procedures),
        ("PhiLePhi", FEE_HEADERS, fees),
        ("ThanhPhanHoSo", DOCUMENT_HEADERS, documents),
        ("QuyTrinh", PROCESS_HEADERS, processes),
    ]
    for name, headers, rows in sheets:
        sheet = book.create_sheet(name)
        if title_row and name == "ThuTuc":
            sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH TỈNH PHÚ THỌ"])
        sheet.append(headers)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


GOOD_FEES = [
    ("1.001193", "Lệ phí đăng ký khai sinh đúng hạn", 0, "Miễn"),
    ("2.000488", "Phí cung cấp thông tin lý lịch tư pháp", "200.000", ""),
    ("2.000488", "Phí cấp thêm phiếu từ phiếu thứ 3", 5000, "mỗi phiếu"),
]
GOOD_DOCUMENTS = [
    ("1.001193", "Tờ khai đăng ký khai sinh", "bản chính", 1, "Mẫu tờ khai", "không"),
    ("1.001193", "Giấy chứng sinh", "bản chính", "", "", ""),
    ("2.000488", "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "original", 1, "Mẫu 03/LLTP", ""),
    ("2.000488", "Căn cước công dân", "bản sao", 1, "", "có"),
]
GOOD_PROCESSES = [
    ("1.001193", "H44.189", 1, "Tiếp nhận hồ sơ", "tiếp nhận", "", "0,25"),
    ("1.001193", "H44.189", 3, "Phê duyệt", "lãnh đạo", "H44.189", 0.25),
    ("1.001193", "H44.189", 2, "Thẩm định", "chuyên viên thụ lý", "", 0.5),
    ("2.000488", "H44.17", 1, "Tiếp nhận", "receiver", "H44.17", 0.5),
    ("2.000488", "H44.17", 2, "Xác minh, thẩm định", "specialist", "", 8),
]


def import_file(path, user: str | None = "quantri") -> str:
    out = StringIO()
    options = {"stdout": out}
    if user:
        options["user"] = user
    call_command("import-catalogue", str(path), **options)
    return out.getvalue()


@pytest.fixture
def agencies(commune, department, admin_user):
    return commune, department


def test_a_good_workbook_imports_procedures_fees_documents_and_processes(agencies, tmp_path):
    path = workbook(
        tmp_path / "danh-muc.xlsx", [BIRTH, RECORD], GOOD_FEES, GOOD_DOCUMENTS, GOOD_PROCESSES
    )

    output = import_file(path)

    assert "2 thủ tục (2 mới, 0 cập nhật)" in output
    assert "3 khoản phí" in output and "2 quy trình nội bộ (5 bước)" in output
    record = Procedure.objects.get(code="2.000488")
    assert record.name == "Cấp Phiếu lý lịch tư pháp"
    assert record.field.name == "Lý lịch tư pháp"
    assert record.levels == ["province"]
    assert record.online_level == "partial" and record.partial_reason
    assert record.processing_days == Decimal("10")
    assert record.online_processing_days == Decimal("8.5")
    assert record.subjects == ["individual", "organisation"]
    assert record.result_on_paper is False
    assert record.published_on == date(2025, 7, 1)
    assert record.supplement_clock == "restart" and record.payment_pauses_clock is True
    assert [a.code for a in record.agencies.all()] == ["H44.17"]
    assert [(f.name, f.amount) for f in record.fees.all()] == [
        ("Phí cung cấp thông tin lý lịch tư pháp", 200000),
        ("Phí cấp thêm phiếu từ phiếu thứ 3", 5000),
    ]
    documents = list(record.required_documents.all())
    assert [(d.kind, d.from_national_data) for d in documents] == [
        ("original", False),
        ("copy", True),
    ]
    birth = Procedure.objects.get(code="1.001193")
    assert birth.published_on == date(2025, 3, 15)
    assert birth.required_documents.get(name="Giấy chứng sinh").count == 1
    steps = ProcessStep.objects.filter(procedure=birth).order_by("order")
    assert [(s.name, s.role, s.unit.code, s.days) for s in steps] == [
        ("Tiếp nhận hồ sơ", "receiver", "H44.189", Decimal("0.25")),
        ("Thẩm định", "specialist", "H44.189", Decimal("0.5")),
        ("Phê duyệt", "approver", "H44.189", Decimal("0.25")),
    ]


def test_bad_rows_are_each_reported_with_sheet_and_line_and_nothing_is_imported(agencies, tmp_path):
    unknown_agency = [*RECORD[:-1], "H44.17, H44.999"]
    bad_level = list(BIRTH)
    bad_level[1], bad_level[5] = "1.000894", "nửa vời"
    no_name = list(BIRTH)
    no_name[0], no_name[1], no_name[7] = "", "1.000656", "ba ngày"
    partial_without_reason = list(BIRTH)
    partial_without_reason[1], partial_without_reason[5] = "1.004873", "một phần"
    path = workbook(
        tmp_path / "loi.xlsx",
        [BIRTH, unknown_agency, bad_level, no_name, partial_without_reason, BIRTH],
        [("1.001193", "Lệ phí", "12,5", ""), ("9.999999", "Phí", 1000, "")],
        [("1.001193", "Tờ khai", "bản nháp", 0, "", "")],
        [
            ("1.001193", "H44.189", 1, "Tiếp nhận", "bảo vệ", "", 0.5),
            ("1.001193", "H44.189", 2, "Thẩm định", "chuyên viên", "", 2),
            ("1.001193", "H44.17", 1, "Tiếp nhận", "tiếp nhận", "", 1),
            ("2.000488", "H44.17", 1, "Tiếp nhận", "tiếp nhận", "", 1),  # its ThuTuc row is wrong
        ],
    )

    with pytest.raises(CommandError) as refused:
        import_file(path)

    report = str(refused.value)
    # Row 1 is the title, row 2 the headers: the first procedure is on line 3.
    expected = [
        "ThuTuc dòng 4: mã cơ quan H44.999 không tồn tại",
        "ThuTuc dòng 5: mức độ trực tuyến «nửa vời» không hợp lệ; dùng: toàn trình, một phần, "
        "thông tin (hoặc full, partial, info)",
        "ThuTuc dòng 6: thiếu tên thủ tục",
        "ThuTuc dòng 6: thời hạn giải quyết «ba ngày» không phải là số",
        "ThuTuc dòng 7: thủ tục trực tuyến một phần phải nêu lý do",
        "ThuTuc dòng 8: mã thủ tục 1.001193 trùng với dòng 3",
        "PhiLePhi dòng 2: số tiền «12,5» phải là số nguyên",
        "PhiLePhi dòng 3: mã thủ tục 9.999999 không có trong trang ThuTuc",
        "ThanhPhanHoSo dòng 2: loại bản «bản nháp» không hợp lệ",
        "ThanhPhanHoSo dòng 2: số lượng phải từ 1 đến 100",
        "QuyTrinh dòng 2: vai trò «bảo vệ» không hợp lệ",
        "QuyTrinh dòng 3: tổng thời gian các bước của quy trình 1.001193 tại H44.189 (2 ngày) "
        "vượt thời hạn giải quyết (1 ngày)",
        "QuyTrinh dòng 4: cơ quan H44.17 không thực hiện thủ tục 1.001193",
    ]
    for line in expected:
        assert line in report, f"{line!r} missing from:\n{report}"
    assert report.startswith(f"Tệp có {len(expected)} lỗi")
    assert not Procedure.objects.exists()
    assert not Field.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="procedure").exists()


def test_a_missing_column_is_reported_once_for_the_sheet(agencies, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "ThuTuc"
    sheet.append(["Mã thủ tục", "Tên thủ tục"])
    sheet.append(["1.001193", "Đăng ký khai sinh"])
    book.save(tmp_path / "thieu-cot.xlsx")

    with pytest.raises(CommandError) as refused:
        import_file(tmp_path / "thieu-cot.xlsx")

    assert "ThuTuc: thiếu cột «Mã lĩnh vực», «Cấp thực hiện»" in str(refused.value)


def test_reimporting_updates_in_place(agencies, tmp_path):
    first = workbook(
        tmp_path / "v1.xlsx", [BIRTH, RECORD], GOOD_FEES, GOOD_DOCUMENTS, GOOD_PROCESSES
    )
    import_file(first)
    birth = Procedure.objects.get(code="1.001193")
    birth.form_schema = {"type": "object"}  # set elsewhere (API): a re-import keeps it
    birth.save(update_fields=["form_schema"])

    import_file(first)  # the same file again changes nothing
    assert Procedure.objects.count() == 2
    assert ProcessStep.objects.count() == 5

    renamed = [*BIRTH]
    renamed[0], renamed[7] = "Đăng ký khai sinh (cập nhật)", "0,5"
    second = workbook(
        tmp_path / "v2.xlsx",
        [renamed, RECORD],
        [("1.001193", "Lệ phí đăng ký khai sinh quá hạn", "8.000", "")],
        GOOD_DOCUMENTS[2:],
        [("1.001193", "H44.189", 1, "Tiếp nhận và giải quyết", "tiếp nhận", "", "0,5")],
    )
    output = import_file(second)

    assert "2 thủ tục (0 mới, 2 cập nhật)" in output
    birth.refresh_from_db()
    assert birth.name == "Đăng ký khai sinh (cập nhật)"
    assert birth.processing_days == Decimal("0.5")
    assert birth.form_schema == {"type": "object"}
    assert [(f.name, f.amount) for f in birth.fees.all()] == [
        ("Lệ phí đăng ký khai sinh quá hạn", 8000)
    ]
    assert not birth.required_documents.exists()
    assert list(ProcessStep.objects.filter(procedure=birth).values_list("name", flat=True)) == [
        "Tiếp nhận và giải quyết"
    ]
    # The process of the other procedure was not in the file's QuyTrinh rows: it is kept.
    assert ProcessStep.objects.filter(procedure__code="2.000488").count() == 2
    assert Procedure.objects.count() == 2


def test_the_exported_template_round_trips(agencies, province, tmp_path):
    path = tmp_path / "mau.xlsx"
    call_command("export-catalogue-template", str(path), stdout=StringIO())

    book = load_workbook(path)
    assert book.sheetnames[:4] == [s.name for s in SHEETS]
    for sheet in SHEETS:
        rows = list(book[sheet.name].iter_rows(values_only=True))
        assert list(rows[0]) == template_headers(sheet)
        assert len(rows) == 2  # the header and one example row

    output = import_file(path)

    assert "1 thủ tục (1 mới, 0 cập nhật)" in output
    birth = Procedure.objects.get(code="1.004884")
    assert birth.levels == ["commune"] and birth.online_level == "full"
    assert birth.published_on == date(2025, 3, 15)
    assert birth.fees.get().amount == 5000
    assert birth.required_documents.get().name == "Tờ khai đăng ký lại khai sinh"
    assert ProcessStep.objects.get(procedure=birth).role == "receiver"


def test_without_user_the_system_account_signs_the_import(agencies, tmp_path):
    path = workbook(tmp_path / "a.xlsx", [BIRTH])

    import_file(path, user=None)

    system = get_user_model().objects.get(username="he-thong")
    assert system.is_superuser and not system.has_usable_password()
    assert AuditEvent.objects.filter(action="procedure_create", actor=system).count() == 1


def test_only_an_administrator_may_import(agencies, commune, tmp_path):
    make_staff("canbo", commune, "receiver")
    path = workbook(tmp_path / "a.xlsx", [BIRTH])

    with pytest.raises(CommandError, match="không phải quản trị"):
        import_file(path, user="canbo")
    with pytest.raises(CommandError, match="Không có tài khoản"):
        import_file(path, user="khong-co")
    assert not Procedure.objects.exists()
