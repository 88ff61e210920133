"""Fee lines carry their condition through the API, the workbook import and its template."""

import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from motcua.catalog.importer import FEES, template_headers
from motcua.catalog.models import Field, Procedure
from motcua.demo import province
from motcua.demo.seed import fee_lines
from motcua.dossiers.fees import procedure_fees
from tests.catalog.test_import import BIRTH, RECORD, import_file, workbook
from tests.catalog.test_procedures_api import URL, new_procedure

migration = importlib.import_module("motcua.catalog.migrations.0002_fee_conditions")
FEE_HEADERS = ["Mã thủ tục", "Tên khoản phí, lệ phí", "Số tiền (đồng)", "Điều kiện thu",
               "Số bản đã gồm", "Ghi chú"]  # fmt: skip


def with_fees(path, rows):
    """A workbook of BIRTH and RECORD whose PhiLePhi sheet has the condition columns."""
    workbook(path, [BIRTH, RECORD])
    book = load_workbook(path)
    book.remove(book["PhiLePhi"])
    sheet = book.create_sheet("PhiLePhi")
    for row in [FEE_HEADERS, *rows]:
        sheet.append(list(row))
    book.save(path)
    return path


@pytest.fixture
def agencies(commune, department, admin_user):
    return commune, department


def test_the_import_reads_the_condition_and_the_included_copies(agencies, tmp_path):
    path = with_fees(tmp_path / "phi.xlsx", [
        ("2.000488", "Phí cung cấp thông tin lý lịch tư pháp", "200.000", "", "", ""),
        ("2.000488", "Phí cấp từ Phiếu thứ 3 trở đi", 5000, "theo bản vượt", 2, "mỗi Phiếu"),
        ("2.000488", "Phí chuyển phát", 30000, "khi chọn", "", ""),
    ])  # fmt: skip

    import_file(path)

    record = Procedure.objects.get(code="2.000488")
    assert [(f.condition, f.included) for f in record.fees.all()] == [
        ("always", 0), ("per_extra_copy", 2), ("chosen", 0),
    ]  # fmt: skip
    assert procedure_fees(record).total == 200000


def test_a_wrong_condition_is_reported_on_its_line(agencies, tmp_path):
    path = with_fees(tmp_path / "phi.xlsx", [
        ("2.000488", "Phí cung cấp thông tin", 200000, "đôi khi", "", ""),
        ("2.000488", "Phí bản thêm", 5000, "luôn thu", 2, ""),
    ])  # fmt: skip

    with pytest.raises(Exception) as refused:
        import_file(path)

    message = str(refused.value)
    assert "PhiLePhi dòng 2: điều kiện thu «đôi khi» không hợp lệ" in message
    assert "PhiLePhi dòng 3: số bản đã gồm chỉ dùng cho khoản thu theo bản vượt" in message
    assert not Procedure.objects.filter(code="2.000488").exists()


def test_the_template_carries_the_condition_columns(tmp_path):
    path = tmp_path / "mau.xlsx"
    call_command("export-catalogue-template", str(path), stdout=StringIO())
    sheet = load_workbook(path)["PhiLePhi"]
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert headers == template_headers(FEES)
    assert "Điều kiện thu" in headers and "Số bản đã gồm" in headers


def test_the_api_carries_the_condition(api, commune, other_commune, admin_user):
    fees = [
        {"name": "Phí cung cấp thông tin", "amount": 200000},
        {"name": "Phí từ Phiếu thứ 3", "amount": 5000, "condition": "per_extra_copy",
         "included": 2},
    ]  # fmt: skip
    created = api(admin_user).post(URL, new_procedure(fees=fees), format="json")
    assert created.status_code == 201, created.content

    body = api().get(f"{URL}1.000894/").json()

    assert body["fees"] == [
        {"name": "Phí cung cấp thông tin", "amount": 200000, "note": "", "condition": "always",
         "included": 0},
        {"name": "Phí từ Phiếu thứ 3", "amount": 5000, "note": "", "condition": "per_extra_copy",
         "included": 2},
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("fee", "status"),
    [
        ({"name": "Phí", "amount": 5000, "condition": "sometimes"}, 400),
        ({"name": "Phí", "amount": 5000, "condition": "per_extra_copy", "included": -1}, 400),
        ({"name": "Phí", "amount": 5000, "included": 2}, 422),
    ],
)
def test_the_api_refuses_a_wrong_condition(api, commune, other_commune, admin_user, fee, status):
    response = api(admin_user).post(URL, new_procedure(fees=[fee]), format="json")
    assert response.status_code == status, response.content
    assert "fees" in str(response.json())


@pytest.mark.parametrize(
    ("name", "included"),
    [
        ("Phí cấp từ Phiếu thứ 3 trở đi", 2),
        ("Phí cấp thêm phiếu từ phiếu thứ 3", 2),
        ("Phí cấp bản sao từ bản thứ hai trở đi", 1),
        ("PHÍ CẤP TỪ PHIẾU THỨ BA", 2),
        ("Phí chứng thực bản sao từ bản chính", None),
        ("Phí cung cấp thông tin lý lịch tư pháp", None),
        ("Lệ phí đăng ký thứ tự ưu tiên", None),
    ],
)
def test_the_migration_reads_a_conditional_line_from_its_name(name, included):
    assert migration.copies_before(name) == included


def test_the_demo_criminal_record_costs_200000(commune):
    spec = next(p for p in province.PROCEDURES if p.code == "2.000488")
    field = Field.objects.create(code="LLTP", name="Lý lịch tư pháp")
    record = Procedure.objects.create(code="2.000488", name=spec.name, processing_days=10,
                                      field=field)  # fmt: skip
    for order, line in enumerate(fee_lines(spec)):
        record.fees.create(order=order, **line)

    assert procedure_fees(record).total == 200000
    assert [(f.condition, f.included) for f in record.fees.all()][1] == ("per_extra_copy", 2)
