"""The empty template workbook, with a help sheet and one example row per sheet."""

from datetime import date
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from motcua.catalog.importer.columns import HELP_SHEET, SHEETS, Column, Sheet

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


REQUIRED_FONT = Font(bold=True, color="C00000")


def _title(column: Column) -> str:
    return f"{column.title} *" if column.required else column.title


def template_write(target: str | Path | IO[bytes]) -> None:
    """Write the empty template: per sheet a header row and one example row, plus a guide."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in SHEETS:
        worksheet = workbook.create_sheet(sheet.name)
        for i, column in enumerate(sheet.columns, start=1):
            cell = worksheet.cell(row=1, column=i, value=_title(column))
            cell.font = REQUIRED_FONT if column.required else Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.help:
                cell.comment = Comment(column.help, "Một Cửa")
            example = worksheet.cell(row=2, column=i, value=column.example)
            if isinstance(column.example, date):
                example.number_format = "DD/MM/YYYY"
            worksheet.column_dimensions[get_column_letter(i)].width = max(
                14, min(40, len(column.title) + 4)
            )
        worksheet.freeze_panes = "A2"
    guide = workbook.create_sheet(HELP_SHEET)
    guide.append(["Trang", "Cột", "Bắt buộc", "Ý nghĩa, giá trị cho phép"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for sheet in SHEETS:
        for column in sheet.columns:
            guide.append([sheet.name, column.title, "có" if column.required else "", column.help])
    for letter, width in zip("ABCD", (16, 44, 10, 90), strict=True):
        guide.column_dimensions[letter].width = width
    workbook.active = 0
    workbook.save(target)


def template_headers(sheet: Sheet) -> list[str]:
    """The header titles the template writes for `sheet`."""
    return [_title(c) for c in sheet.columns]
