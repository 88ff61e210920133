"""Reading a workbook: every row of every sheet checked, every error listed with its line."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import load_workbook

from motcua.agencies.models import Agency
from motcua.catalog.importer.cells import (
    MAX_AMOUNT,
    _agency_codes,
    _bool,
    _choice,
    _choice_list,
    _date,
    _days,
    _decimal,
    _integer,
    _Invalid,
    _limited,
    _procedure_code,
    _text,
)
from motcua.catalog.importer.columns import (
    DOCUMENTS,
    FEE_CONDITIONS,
    FEES,
    KINDS,
    LEVELS,
    ONLINE_LEVELS,
    PROCEDURES,
    PROCESSES,
    ROLES,
    SHEETS,
    SUBJECTS,
    SUPPLEMENT_CLOCKS,
    Column,
    Sheet,
)
from motcua.catalog.models import Procedure
from motcua.catalog.services import (
    fee_line_error,
)
from motcua.core.text import fold

_DOCUMENT_FIELDS = ("name", "kind", "count", "template", "from_national_data")


_FEE_FIELDS = ("name", "amount", "note", "condition", "included")


class CatalogueImportError(Exception):
    """The workbook was refused: `errors` lists every problem, one line each."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class _ProcedureRow:
    line: int
    code: str
    field_code: str
    field_name: str
    agencies: list[str]
    data: dict
    fees: list[dict] | None = None
    documents: list[dict] | None = None


@dataclass
class _StepRow:
    line: int
    order: int
    name: str
    role: str
    unit: str
    days: Decimal


@dataclass
class _Parsed:
    procedures: dict[str, _ProcedureRow] = field(default_factory=dict)
    processes: dict[tuple[str, str], list[_StepRow]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    # Codes of ThuTuc rows that had errors: rows of other sheets about them are not re-reported.
    refused: set[str] = field(default_factory=set)


# ---- reading cells -------------------------------------------------------------------------


def _header_key(text: Any) -> str:
    """A header as matched: folded, without the "(...)" remarks and the "*" of required ones."""
    return fold(re.sub(r"\(.*?\)|\*", " ", _text(text)))


HEADER_ROWS_SEARCHED = 5


@dataclass
class _Row:
    """One data row: its Excel line number and its cells by column key."""

    line: int
    cells: dict[str, Any]


def _sheet_rows(workbook, sheet: Sheet, errors: list[str]) -> list[_Row] | None:
    """The data rows of `sheet`, or None when the workbook has no such sheet."""
    names = [n for n in workbook.sheetnames if fold(n).replace(" ", "") == sheet.name.lower()]
    if not names:
        return None
    worksheet = workbook[names[0]]
    wanted: dict[str, Column] = {}
    for column in sheet.columns:
        wanted[_header_key(column.title)] = column
        wanted[column.key] = column
    rows = worksheet.iter_rows(values_only=True)
    positions: dict[str, int] = {}
    header_line = 0
    for line, values in enumerate(rows, start=1):
        found = {i: wanted.get(_header_key(v)) for i, v in enumerate(values or ())}
        if any(found.values()):
            header_line = line
            seen: dict[str, int] = {}
            for i, column in found.items():
                if column is None:
                    continue
                if column.key in seen:
                    errors.append(f"{sheet.name} dòng {line}: cột «{column.title}» bị lặp lại")
                seen[column.key] = i
            positions = seen
            break
        if line >= HEADER_ROWS_SEARCHED:
            break
    if not header_line:
        errors.append(f"{sheet.name}: không tìm thấy dòng tiêu đề cột")
        return []
    missing = [c.title for c in sheet.columns if c.required and c.key not in positions]
    if missing:
        errors.append(f"{sheet.name}: thiếu cột {', '.join(f'«{m}»' for m in missing)}")
        return []
    result = []
    for line, values in enumerate(rows, start=header_line + 1):
        values = values or ()
        cells = {key: values[i] if i < len(values) else None for key, i in positions.items()}
        if any(_text(v) for v in cells.values()):
            result.append(_Row(line, cells))
    return result


def _read_row(
    sheet: Sheet, row: _Row, errors: list[str], readers: dict[str, Callable[[Any], Any]]
) -> dict | None:
    """Apply each column's reader; every failure becomes one error line. None if any failed."""
    values, ok = {}, True
    for key, reader in readers.items():
        try:
            values[key] = reader(row.cells.get(key))
        except _Invalid as exc:
            errors.append(f"{sheet.name} dòng {row.line}: {exc}")
            ok = False
    return values if ok else None


def _read_procedures(rows: list[_Row], known: dict[str, Agency], parsed: _Parsed) -> None:
    sheet, errors = PROCEDURES, parsed.errors
    readers: dict[str, Callable[[Any], Any]] = {
        "code": _procedure_code,
        "name": lambda v: _limited(v, "tên thủ tục", 500, required=True),
        "field_code": lambda v: _limited(v, "mã lĩnh vực", 32, required=True),
        "field_name": lambda v: _limited(v, "tên lĩnh vực", 255),
        "levels": lambda v: _choice_list(v, LEVELS, "cấp thực hiện"),
        "online_level": lambda v: _choice(v, ONLINE_LEVELS, "mức độ trực tuyến", "full"),
        "partial_reason": _text,
        "processing_days": lambda v: _decimal(v, "thời hạn giải quyết"),
        "online_processing_days": lambda v: (
            _decimal(v, "thời hạn khi nộp trực tuyến") if _text(v) else None
        ),
        "subjects": lambda v: _choice_list(v, SUBJECTS, "đối tượng thực hiện"),
        "result_type": lambda v: _limited(v, "kết quả thực hiện", 255),
        "result_on_paper": lambda v: _bool(v, "kết quả bản giấy", True),
        "legal_basis": _text,
        "publication_decision": lambda v: _limited(v, "quyết định công bố", 255),
        "published_on": lambda v: _date(v, "ngày công bố"),
        "effective_on": lambda v: _date(v, "ngày văn bản quy định có hiệu lực"),
        "national_db_published_on": lambda v: _date(v, "ngày công khai trên CSDL quốc gia"),
        "supplement_clock": lambda v: _choice(
            v, SUPPLEMENT_CLOCKS, "thời hạn sau bổ sung", "resume"
        ),
        "payment_pauses_clock": lambda v: _bool(v, "thời gian nộp phí", False),
        "agencies": lambda v: _agency_codes(v, known),
    }
    first_line: dict[str, int] = {}
    for row in rows:
        before = len(errors)
        values = _read_row(sheet, row, errors, readers)
        if values is None:
            parsed.refused.add(_text(row.cells.get("code")))
            continue
        code, where = values["code"], f"{sheet.name} dòng {row.line}"
        if code in first_line:
            errors.append(f"{where}: mã thủ tục {code} trùng với dòng {first_line[code]}")
            continue
        first_line[code] = row.line
        if not values["levels"]:
            errors.append(f"{where}: thiếu cấp thực hiện")
        if values["online_level"] == "partial" and not values["partial_reason"]:
            errors.append(f"{where}: thủ tục trực tuyến một phần phải nêu lý do")
        online_days = values["online_processing_days"]
        if online_days is not None and online_days > values["processing_days"]:
            errors.append(f"{where}: thời hạn khi nộp trực tuyến dài hơn thời hạn giải quyết")
        if len(errors) > before:
            parsed.refused.add(code)
            continue
        data = {k: v for k, v in values.items() if k not in {"code", "field_code", "field_name"}}
        parsed.procedures[code] = _ProcedureRow(
            line=row.line,
            code=code,
            field_code=values["field_code"],
            field_name=values["field_name"],
            agencies=data.pop("agencies"),
            data=data,
        )


def _owner(sheet: Sheet, row: _Row, code: str, parsed: _Parsed) -> _ProcedureRow | None:
    owner = parsed.procedures.get(code)
    if owner is None and code not in parsed.refused:
        parsed.errors.append(
            f"{sheet.name} dòng {row.line}: mã thủ tục {code} không có trong trang ThuTuc"
        )
    return owner


def _read_fees(rows: list[_Row], parsed: _Parsed) -> None:
    readers: dict[str, Callable[[Any], Any]] = {
        "procedure": _procedure_code,
        "name": lambda v: _limited(v, "tên khoản phí", 255, required=True),
        "amount": lambda v: _integer(v, "số tiền", 0, MAX_AMOUNT),
        "note": lambda v: _limited(v, "ghi chú", 255),
        "condition": lambda v: _choice(v, FEE_CONDITIONS, "điều kiện thu", "always"),
        "included": lambda v: _integer(v, "số bản đã gồm", 0, 1000) if _text(v) else 0,
    }
    for procedure in parsed.procedures.values():
        procedure.fees = []
    for row in rows:
        values = _read_row(FEES, row, parsed.errors, readers)
        if values is None:
            continue
        error = fee_line_error(values["condition"], values["included"])
        if error:
            parsed.errors.append(f"{FEES.name} dòng {row.line}: {error}")
            continue
        owner = _owner(FEES, row, values.pop("procedure"), parsed)
        if owner is not None:
            owner.fees.append(values)


def _read_documents(rows: list[_Row], parsed: _Parsed) -> None:
    readers: dict[str, Callable[[Any], Any]] = {
        "procedure": _procedure_code,
        "name": lambda v: _limited(v, "tên giấy tờ", 500, required=True),
        "kind": lambda v: _choice(v, KINDS, "loại bản", "original"),
        "count": lambda v: _integer(v, "số lượng", 1, 100) if _text(v) else 1,
        "template": lambda v: _limited(v, "mẫu đơn, tờ khai", 255),
        "from_national_data": lambda v: _bool(v, "khai thác từ CSDL quốc gia", False),
    }
    for procedure in parsed.procedures.values():
        procedure.documents = []
    for row in rows:
        values = _read_row(DOCUMENTS, row, parsed.errors, readers)
        if values is None:
            continue
        owner = _owner(DOCUMENTS, row, values.pop("procedure"), parsed)
        if owner is not None:
            owner.documents.append(values)


def _read_processes(rows: list[_Row], known: dict[str, Agency], parsed: _Parsed) -> None:
    sheet, errors = PROCESSES, parsed.errors
    readers: dict[str, Callable[[Any], Any]] = {
        "procedure": _procedure_code,
        "agency": lambda v: _agency_codes(v, known),
        "order": lambda v: _integer(v, "thứ tự bước", 1, 999),
        "name": lambda v: _limited(v, "tên bước", 255, required=True),
        "role": lambda v: _choice(v, ROLES, "vai trò"),
        "unit": lambda v: _agency_codes(v, known),
        "days": lambda v: _decimal(v, "thời gian"),
    }
    codes = {_text(r.cells.get("procedure")) for r in rows}
    existing = {
        p.code: p for p in Procedure.objects.prefetch_related("agencies").filter(code__in=codes)
    }
    for row in rows:
        values = _read_row(sheet, row, errors, readers)
        if values is None:
            continue
        where, code = f"{sheet.name} dòng {row.line}", values["procedure"]
        if len(values["agency"]) != 1 or len(values["unit"]) > 1:
            errors.append(f"{where}: mỗi dòng ghi đúng một mã cơ quan và một mã đơn vị")
            continue
        agency = values["agency"][0]
        if code in parsed.refused:
            continue
        if code in parsed.procedures:
            performers = parsed.procedures[code].agencies
        elif code in existing:
            performers = [a.code for a in existing[code].agencies.all()]
        else:
            errors.append(f"{where}: mã thủ tục {code} không có trong trang ThuTuc và danh mục")
            continue
        if agency not in performers:
            errors.append(f"{where}: cơ quan {agency} không thực hiện thủ tục {code}")
            continue
        steps = parsed.processes.setdefault((code, agency), [])
        if any(s.order == values["order"] for s in steps):
            errors.append(
                f"{where}: bước {values['order']} của quy trình {code} tại {agency} bị lặp"
            )
            continue
        steps.append(
            _StepRow(
                row.line,
                values["order"],
                values["name"],
                values["role"],
                (values["unit"] or [agency])[0],
                values["days"],
            )
        )
    for (code, agency), steps in parsed.processes.items():
        steps.sort(key=lambda s: s.order)
        owner = parsed.procedures.get(code)
        limit = owner.data["processing_days"] if owner else existing[code].processing_days
        total = sum((s.days for s in steps), Decimal(0))
        if total > limit:
            errors.append(
                f"{sheet.name} dòng {min(s.line for s in steps)}: tổng thời gian các bước của "
                f"quy trình {code} tại {agency} ({_days(total)} ngày) vượt thời hạn giải quyết "
                f"({_days(limit)} ngày)"
            )


def catalogue_read(source: str | Path | IO[bytes]) -> _Parsed:
    """Read and check a workbook; the result lists every error found."""
    parsed = _Parsed()
    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except FileNotFoundError:
        parsed.errors.append(f"Không tìm thấy tệp {source}.")
        return parsed
    except Exception as exc:  # openpyxl raises many kinds for a file that is not .xlsx
        parsed.errors.append(f"Không đọc được tệp Excel (.xlsx): {exc}")
        return parsed
    try:
        known = {a.code: a for a in Agency.objects.all()}
        sheet_rows = {s.name: _sheet_rows(workbook, s, parsed.errors) for s in SHEETS}
    finally:
        workbook.close()
    if sheet_rows[PROCEDURES.name] is None:
        parsed.errors.append("Thiếu trang ThuTuc (danh sách thủ tục).")
        return parsed
    _read_procedures(sheet_rows[PROCEDURES.name], known, parsed)
    if sheet_rows[FEES.name] is not None:
        _read_fees(sheet_rows[FEES.name], parsed)
    if sheet_rows[DOCUMENTS.name] is not None:
        _read_documents(sheet_rows[DOCUMENTS.name], parsed)
    if sheet_rows[PROCESSES.name] is not None:
        _read_processes(sheet_rows[PROCESSES.name], known, parsed)
    return parsed


# ---- writing -------------------------------------------------------------------------------
