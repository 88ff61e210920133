"""The publication of a procedure (decision, its date, the legal basis's effective date, the day
it appeared on the national procedure database) is imported from the catalogue workbook and
written by the template: the 766 index measures publication on time from it."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from motcua.catalog.models import Procedure
from tests.catalog import test_import
from tests.catalog.test_import import BIRTH, PROCEDURE_HEADERS, import_file, workbook

# the commune and department the catalogue names, and the administrator who imports
pytestmark = pytest.mark.usefixtures("commune", "department", "admin_user")
HEADERS = [*PROCEDURE_HEADERS, "Ngày văn bản quy định có hiệu lực",
           "Ngày công khai trên CSDL quốc gia"]  # fmt: skip


@pytest.fixture
def publication_columns(monkeypatch):
    """The test workbooks' ThuTuc sheet also has the two publication columns."""
    monkeypatch.setattr(test_import, "PROCEDURE_HEADERS", HEADERS)


def test_the_publication_dates_are_imported(publication_columns, tmp_path):
    path = workbook(tmp_path / "cong-bo.xlsx", [[*BIRTH, date(2025, 4, 1), "19/03/2025"]])

    import_file(path)

    birth = Procedure.objects.get(code="1.001193")
    assert birth.publication_decision == "Quyết định 1024/QĐ-UBND"
    assert (birth.published_on, birth.effective_on, birth.national_db_published_on) == (
        date(2025, 3, 15), date(2025, 4, 1), date(2025, 3, 19),
    )  # fmt: skip


def test_a_bad_publication_date_is_reported_with_its_line(
    publication_columns,
    tmp_path,
):
    path = workbook(tmp_path / "loi.xlsx", [[*BIRTH, "mùng một tháng tư", ""]])

    with pytest.raises(CommandError) as refused:
        import_file(path)

    assert (
        "ThuTuc dòng 3: ngày văn bản quy định có hiệu lực «mùng một tháng tư» không phải là ngày"
        in str(refused.value)
    )
    assert not Procedure.objects.exists()


def test_the_template_carries_the_publication_columns(tmp_path):
    path = tmp_path / "mau.xlsx"
    call_command("export-catalogue-template", str(path), stdout=StringIO())

    import_file(path)

    birth = Procedure.objects.get(code="1.004884")  # the template's example
    assert birth.effective_on == date(2025, 4, 1)
    assert birth.national_db_published_on == date(2025, 3, 19)
