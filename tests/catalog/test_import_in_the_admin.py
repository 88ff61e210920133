"""The IT centre imports the catalogue from the admin: same importer, same line-by-line report."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from motcua.agencies.models import Agency
from motcua.catalog.importer import (
    PROCEDURES,
    PROCESSES,
    catalogue_actor,
    catalogue_import,
    template_write,
)
from motcua.catalog.models import Procedure, ProcessStep
from tests.catalog.test_import import BIRTH, GOOD_FEES, RECORD, workbook
from tests.factories import make_staff

URL = "/admin/catalog/procedure/nhap-excel/"


def upload(client, name: str, content: bytes, **data):
    return client.post(URL, {"file": SimpleUploadedFile(name, content), **data})


def xlsx(tmp_path, procedures, **sheets) -> bytes:
    return workbook(tmp_path / "danh-muc.xlsx", procedures, **sheets).read_bytes()


def test_the_changelist_links_to_the_upload_and_the_template(it_centre):
    html = it_centre.get("/admin/catalog/procedure/").content.decode()

    assert URL in html and "Nhập từ tệp Excel" in html
    response = it_centre.get("/admin/catalog/procedure/tep-mau.xlsx")
    assert load_workbook(BytesIO(response.content)).sheetnames[0] == "ThuTuc"


def test_an_upload_imports_and_reports(it_centre, commune, department, tmp_path):
    content = xlsx(tmp_path, [BIRTH, RECORD], fees=[GOOD_FEES[0]])

    response = upload(it_centre, "danh-muc.xlsx", content)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã nhập: 2 thủ tục (2 mới, 0 cập nhật), 1 khoản phí" in html
    assert set(Procedure.objects.values_list("code", flat=True)) == {"1.001193", "2.000488"}


def test_a_dry_run_writes_nothing(it_centre, commune, department, tmp_path):
    response = upload(it_centre, "danh-muc.xlsx", xlsx(tmp_path, [BIRTH]), dry_run="on")

    assert "Kiểm tra xong, có thể nhập: 1 thủ tục" in response.content.decode()
    assert not Procedure.objects.exists()


def test_a_workbook_with_errors_is_reported_line_by_line_and_nothing_written(
    it_centre, commune, department, tmp_path
):
    unknown_agency = [*BIRTH[:-1], "H44.999"]
    no_days = [*RECORD[:7], "mười", *RECORD[8:]]

    response = upload(it_centre, "danh-muc.xlsx", xlsx(tmp_path, [unknown_agency, no_days]))

    html = response.content.decode()
    assert "Tệp có 2 lỗi, không nhập dữ liệu nào." in html
    assert html.count("ThuTuc dòng") == 2 and "H44.999" in html
    assert not Procedure.objects.exists()


@pytest.mark.parametrize(
    "name, content",
    [
        ("danh-muc.csv", b"Ma thu tuc;Ten thu tuc\n1.001193;Dang ky khai sinh\n"),
        ("danh-muc.xlsx", b"<html>not a workbook</html>"),
    ],
)
def test_a_file_that_is_not_xlsx_is_refused(it_centre, name, content):
    response = upload(it_centre, name, content)

    assert response.status_code == 200
    assert f"Tệp {name} không phải tệp Excel .xlsx." in response.content.decode()
    assert not Procedure.objects.exists()


def test_a_file_over_the_limit_is_refused(it_centre, settings, commune, department, tmp_path):
    settings.MOTCUA = {**settings.MOTCUA, "UPLOAD_MAX_BYTES": 1024}

    response = upload(it_centre, "danh-muc.xlsx", xlsx(tmp_path, [BIRTH]))

    assert "Tệp quá lớn" in response.content.decode()
    assert not Procedure.objects.exists()


def test_only_administrators_import(commune, tmp_path):
    officer = make_staff("tiepnhan-admin", commune, "receiver")
    officer.is_staff = True
    officer.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(officer)

    assert client.get(URL).status_code == 403
    assert client.get("/admin/catalog/procedure/tep-mau.xlsx").status_code == 403


def test_an_agency_administrator_imports(admin_user, commune, department, tmp_path):
    admin_user.is_staff = True
    admin_user.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(admin_user)

    response = upload(client, "danh-muc.xlsx", xlsx(tmp_path, [BIRTH]))

    assert "Đã nhập: 1 thủ tục" in response.content.decode()


def test_the_shipped_template_imports_as_it_is_into_the_demo(db):
    call_command("seed-demo", "--dossiers", "0")
    procedures = Procedure.objects.count()
    buffer = BytesIO()
    template_write(buffer)
    buffer.seek(0)

    summary = catalogue_import(actor=catalogue_actor(None), source=buffer)

    assert (summary.created, summary.processes) == (1, 1)
    assert Procedure.objects.count() == procedures + 1
    example = {c.key: c.example for c in PROCEDURES.columns}
    imported = Procedure.objects.get(code=example["code"])
    agency = Agency.objects.get(code=example["agencies"])
    assert list(imported.agencies.all()) == [agency] and agency.level == "commune"
    step = {c.key: c.example for c in PROCESSES.columns}
    assert ProcessStep.objects.filter(procedure=imported, agency__code=step["agency"]).exists()
