"""The official forms of Thông tư 03/2025/TT-VPCP (Mẫu 01–07) as PDF, and Mẫu 06 also as .xlsx.

PDF is laid out by Typst (PyPI `typst`: a compiler in a wheel, no system packages, Unicode text and
fonts embedded) with Liberation Serif, metric-compatible with Times New Roman; the QR code of Mẫu 01
is drawn by segno as SVG. See docs/decisions/0002-pdf-with-typst.md.
"""

import io
import json
from dataclasses import asdict
from pathlib import Path

import segno
import typst
from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from motcua.core.errors import NotFound
from motcua.core.spreadsheets import text_row
from motcua.dossiers.forms.content import BUILDERS, Form
from motcua.dossiers.models import Dossier

FORM_NUMBERS = tuple(BUILDERS)
SPREADSHEET_FORMS = {"06"}
PDF, XLSX = "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE = Path(__file__).parent / "typst" / "form.typ"


def render(dossier: Dossier, number: str, fmt: str) -> tuple[bytes, str]:
    """The form `number` of the dossier as (content, content type); 404 for an unknown form."""
    if number not in BUILDERS or fmt not in ("pdf", "xlsx" if number in SPREADSHEET_FORMS else ""):
        raise NotFound(f"Không có mẫu {number} dạng {fmt}.", code="unknown_form")
    form = BUILDERS[number](dossier)
    if fmt == "xlsx":
        return form_xlsx(form), XLSX
    return form_pdf(form), PDF


def form_pdf(form: Form) -> bytes:
    """Lay the form out on A4 with the header and format of Nghị định 30/2020."""
    inputs = {"data": json.dumps(asdict(form), ensure_ascii=False)}
    if form.qr_url:
        svg = io.BytesIO()
        segno.make(form.qr_url, error="m").save(svg, kind="svg", border=1)
        inputs["qr"] = svg.getvalue().decode()
    return typst_pdf(TEMPLATE, inputs)


def typst_pdf(template: Path, inputs: dict[str, str]) -> bytes:
    """Compile a Typst template with the project's fonts (Liberation Serif) into PDF."""
    fonts = [str(settings.FONT_DIR)] if Path(settings.FONT_DIR).is_dir() else []
    return typst.compile(str(template), font_paths=fonts, sys_inputs=inputs)


def form_xlsx(form: Form) -> bytes:
    """The form as a spreadsheet (Mẫu 06's hand-over lines, Mẫu 07's register, for offices that
    keep them in Excel): title, reference, fields, then the table; every cell text."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"Mau {form.number}"
    sheet.append(text_row([form.title]))
    if form.subtitle:
        sheet.append(text_row([form.subtitle]))
    sheet.append(text_row([form.reference]))
    for block in form.blocks:
        if block["kind"] == "field":
            sheet.append(text_row([block["label"], block["value"]]))
    (lines,) = (block for block in form.blocks if block["kind"] == "table")
    sheet.append([])
    sheet.append(text_row(lines["header"]))
    header_row = sheet.max_row
    for row in lines["rows"]:
        sheet.append(text_row(row))
    sheet["A1"].font = Font(bold=True, size=14)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    for index, width in enumerate(lines["widths"], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(6, round(width * 10))
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
