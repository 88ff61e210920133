"""Biểu số 06/VPCP/KSTT as .xlsx (openpyxl) and as PDF (Typst, landscape).

An official form: always in Vietnamese, whatever language the page that asks for it is in.
"""

import io
import json
from pathlib import Path

from django.conf import settings
from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from motcua.core.spreadsheets import text_row
from motcua.dossiers.forms import typst_pdf
from motcua.reports.statistics import COLUMN_GROUPS, MEASURE_LABELS, MEASURES, Statistics

FORM = "Biểu số 06/VPCP/KSTT"
TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH"
# Every measure is a column, withdrawals included, so that each line balances:
# received = resolved + withdrawn (rút, dừng) + pending.
FORM_MEASURES = MEASURES
FORM_GROUPS = [(name, len(measures)) for name, measures in COLUMN_GROUPS]
ROMAN = ("I", "II", "III", "IV")
TEMPLATE = Path(__file__).parent / "typst" / "statistics.typ"


def period_label(stats: Statistics) -> str:
    return f"Kỳ báo cáo: từ ngày {stats.first:%d/%m/%Y} đến ngày {stats.last:%d/%m/%Y}"


def form_rows(stats: Statistics) -> list[tuple[bool, list]]:
    """(bold, cells) per line: each level with its subtotal, its fields, then the total."""
    lines: list[tuple[bool, list]] = []
    for number, level in zip(ROMAN, stats.levels, strict=False):
        lines.append(
            (True, [number, str(level["name"]), *(level["totals"][m] for m in FORM_MEASURES)])
        )
        for i, row in enumerate(level["rows"], 1):
            lines.append((False, [str(i), row["field_name"], *(row[m] for m in FORM_MEASURES)]))
    lines.append((True, ["", "Tổng cộng", *(stats.totals[m] for m in FORM_MEASURES)]))
    return lines


@translation.override(settings.LANGUAGE_CODE)
def statistics_xlsx(stats: Statistics) -> bytes:
    """The form in a workbook: title, period, unit, two header rows, rows, total."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Bieu 06"
    width = 2 + len(FORM_MEASURES)
    for text in (FORM, TITLE, stats.agency.name, period_label(stats)):
        sheet.append(text_row([text]))
        sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row,
                          end_column=width)  # fmt: skip
    sheet.append([])
    sheet.append(
        ["STT", "Lĩnh vực"] + [str(name) for name, span in FORM_GROUPS for _ in range(span)]
    )
    top = sheet.max_row
    sheet.append(["", ""] + [str(MEASURE_LABELS[m]) for m in FORM_MEASURES])
    sheet.merge_cells(start_row=top, start_column=1, end_row=top + 1, end_column=1)
    sheet.merge_cells(start_row=top, start_column=2, end_row=top + 1, end_column=2)
    column = 3
    for _, span in FORM_GROUPS:
        sheet.merge_cells(
            start_row=top, start_column=column, end_row=top, end_column=column + span - 1
        )
        column += span
    for bold, cells in form_rows(stats):
        sheet.append(text_row(cells))
        if bold:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    sheet.cell(2, 1).font = Font(bold=True, size=14)
    for row in sheet.iter_rows(min_row=top, max_row=top + 1):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 40
    for index in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 12
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@translation.override(settings.LANGUAGE_CODE)
def statistics_pdf(stats: Statistics) -> bytes:
    """The form on A4 landscape."""
    data = {
        "form": FORM,
        "title": TITLE,
        "agency": stats.agency.name,
        "period": period_label(stats),
        "groups": [(str(name), span) for name, span in FORM_GROUPS],
        "labels": [str(MEASURE_LABELS[m]) for m in FORM_MEASURES],
        "rows": [
            {"bold": bold, "cells": [str(c) for c in cells]} for bold, cells in form_rows(stats)
        ],
    }
    return typst_pdf(TEMPLATE, {"data": json.dumps(data, ensure_ascii=False)})
