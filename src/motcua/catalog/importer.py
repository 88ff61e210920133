"""Import the procedure catalogue from an .xlsx workbook, and write the empty template.

The workbook has four sheets (docs/catalogue-template.md): ThuTuc (procedures), PhiLePhi (fees),
ThanhPhanHoSo (required documents) and QuyTrinh (internal processes). Columns are found by their
header text (Vietnamese, diacritics and case ignored), never by position. Every row is checked
first; one error anywhere and nothing is written. Otherwise all rows are written in one
transaction through `procedure_save` and `process_set`, the only writers of the catalogue.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from motcua.agencies.models import Agency, StaffRole
from motcua.agencies.services import require_admin
from motcua.catalog.models import Procedure
from motcua.catalog.services import (
    fee_line_error,
    field_get_or_create,
    procedure_save,
    process_set,
)
from motcua.core.errors import DomainError
from motcua.core.text import fold

SYSTEM_USERNAME = "he-thong"
PROCEDURE_CODE = re.compile(r"[0-9A-Za-z.\-]{3,32}")
MAX_DAYS = Decimal("9999.99")
MAX_AMOUNT = 10**15
# Fields of a procedure the template does not carry: a re-import keeps their current values.
KEPT_FIELDS = ("steps", "proactive_level", "form_schema")
_DOCUMENT_FIELDS = ("name", "kind", "count", "template", "from_national_data")
_FEE_FIELDS = ("name", "amount", "note", "condition", "included")


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its key, its Vietnamese header, and what the template says of it."""

    key: str
    title: str
    required: bool = False
    example: Any = ""
    help: str = ""


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]


C = Column
# fmt: off
PROCEDURES = Sheet("ThuTuc", (
    C("code", "Mã thủ tục", True, "1.004884", "Mã trên CSDL quốc gia về TTHC."),
    C("name", "Tên thủ tục", True, "Đăng ký lại khai sinh", "Tên như quyết định công bố."),
    C("field_code", "Mã lĩnh vực", True, "HT", "Tối đa 32 ký tự."),
    C("field_name", "Tên lĩnh vực", False, "Hộ tịch", "Dùng khi lĩnh vực chưa có."),
    C("levels", "Cấp thực hiện", True, "xã",
      "Một hoặc nhiều, cách nhau bởi dấu phẩy: tỉnh, huyện, xã."),
    C("online_level", "Mức độ trực tuyến", False, "toàn trình",
      "toàn trình (mặc định), một phần, thông tin."),
    C("partial_reason", "Lý do trực tuyến một phần", False, "",
      "Bắt buộc khi mức độ là một phần (Nghị định 224/2026)."),
    C("processing_days", "Thời hạn giải quyết (ngày làm việc)", True, 5,
      "Số ngày làm việc, có thể lẻ: 0,5 hoặc 0.5."),
    C("online_processing_days", "Thời hạn khi nộp trực tuyến (ngày làm việc)", False, "",
      "Để trống nếu như nộp trực tiếp; không dài hơn thời hạn giải quyết."),
    C("subjects", "Đối tượng thực hiện", False, "cá nhân", "cá nhân, tổ chức."),
    C("result_type", "Kết quả thực hiện", False, "Giấy khai sinh", "Ví dụ: Giấy phép."),
    C("result_on_paper", "Kết quả bản giấy", False, "có",
      "có (mặc định) hoặc không (chỉ trả kết quả điện tử)."),
    C("legal_basis", "Căn cứ pháp lý", False, "Luật Hộ tịch năm 2014; Nghị định 123/2015/NĐ-CP",
      "Các văn bản, mỗi văn bản một dòng."),
    C("publication_decision", "Quyết định công bố", False, "Quyết định 1024/QĐ-UBND",
      "Số, ký hiệu quyết định công bố thủ tục."),
    C("published_on", "Ngày công bố", False, date(2025, 3, 15),
      "Ngày ban hành quyết định công bố; ô ngày hoặc dd/mm/yyyy."),
    C("effective_on", "Ngày văn bản quy định có hiệu lực", False, date(2025, 4, 1),
      "Ngày văn bản quy phạm pháp luật quy định thủ tục có hiệu lực; ô ngày hoặc dd/mm/yyyy."),
    C("national_db_published_on", "Ngày công khai trên CSDL quốc gia", False, date(2025, 3, 19),
      "Ngày thủ tục được công khai trên CSDL quốc gia về TTHC; ô ngày hoặc dd/mm/yyyy."),
    C("supplement_clock", "Thời hạn sau bổ sung", False, "tiếp tục",
      "tiếp tục (mặc định: tính tiếp thời gian còn lại) hoặc tính lại (từ đầu)."),
    C("payment_pauses_clock", "Thời gian nộp phí không tính vào thời hạn", False, "không",
      "có hoặc không (mặc định)."),
    C("agencies", "Cơ quan thực hiện (mã định danh)", False, "H44.189",
      "Mã định danh các cơ quan thực hiện, cách nhau bởi dấu phẩy."),
))
FEES = Sheet("PhiLePhi", (
    C("procedure", "Mã thủ tục", True, "1.004884", "Thủ tục có trong trang ThuTuc."),
    C("name", "Tên khoản phí, lệ phí", True, "Lệ phí đăng ký lại khai sinh"),
    C("amount", "Số tiền (đồng)", True, 5000, "Số nguyên đồng, 0 khi miễn: 50000 hoặc 50.000."),
    C("note", "Ghi chú", False, "Mức thu theo nghị quyết của HĐND tỉnh"),
    C("condition", "Điều kiện thu", False, "luôn thu",
      "luôn thu (mặc định); theo bản vượt: số tiền cho mỗi bản sau số bản đã gồm (ví dụ «Phí "
      "cấp từ Phiếu thứ 3 trở đi»); khi chọn: chỉ thu khi cán bộ chọn (dịch vụ, khoản tùy chọn)."),
    C("included", "Số bản đã gồm", False, "",
      "Chỉ với điều kiện theo bản vượt: số bản không thu khoản này, ví dụ 2 khi thu từ Phiếu "
      "thứ 3; mặc định 0."),
))
DOCUMENTS = Sheet("ThanhPhanHoSo", (
    C("procedure", "Mã thủ tục", True, "1.004884", "Thủ tục có trong trang ThuTuc."),
    C("name", "Tên giấy tờ", True, "Tờ khai đăng ký lại khai sinh"),
    C("kind", "Loại bản", False, "bản chính", "bản chính (mặc định) hoặc bản sao."),
    C("count", "Số lượng", False, 1, "Từ 1 đến 100, mặc định 1."),
    C("template", "Mẫu đơn, tờ khai", False, "Mẫu tờ khai đăng ký lại khai sinh",
      "Tên hoặc số hiệu mẫu."),
    C("from_national_data", "Khai thác từ CSDL quốc gia", False, "không",
      "có: không yêu cầu người dân nộp lại; không (mặc định)."),
))
PROCESSES = Sheet("QuyTrinh", (
    C("procedure", "Mã thủ tục", True, "1.004884",
      "Thủ tục có trong trang ThuTuc hoặc đã có trong danh mục."),
    C("agency", "Mã cơ quan thực hiện", True, "H44.189",
      "Cơ quan có quy trình này; phải là cơ quan thực hiện thủ tục."),
    C("order", "Thứ tự bước", True, 1, "1, 2, 3... không trùng trong một quy trình."),
    C("name", "Tên bước", True, "Tiếp nhận, kiểm tra hồ sơ"),
    C("role", "Vai trò thực hiện", True, "tiếp nhận",
      "tiếp nhận, chuyên viên, lãnh đạo, văn thư."),
    C("unit", "Mã đơn vị thực hiện bước", False, "H44.189",
      "Đơn vị làm bước này; mặc định là cơ quan thực hiện."),
    C("days", "Thời gian (ngày làm việc)", True, 0.25,
      "Tổng các bước không vượt thời hạn giải quyết."),
))
# fmt: on
SHEETS = (PROCEDURES, FEES, DOCUMENTS, PROCESSES)
HELP_SHEET = "HuongDan"


class _Choices(dict):
    """Folded spelling → canonical value; `hint` names the accepted Vietnamese spellings."""

    def __init__(self, mapping: dict[str, list[str]]):
        super().__init__(
            (fold(spelling), value)
            for value, spellings in mapping.items()
            for spelling in (value, *spellings)
        )
        self.hint = ", ".join(spellings[0] for spellings in mapping.values())
        self.hint += f" (hoặc {', '.join(mapping)})"


LEVELS = _Choices(
    {
        "province": ["tỉnh", "cấp tỉnh", "thành phố", "cấp thành phố"],
        "district": ["huyện", "cấp huyện"],
        "commune": ["xã", "cấp xã", "phường", "đặc khu"],
    }
)
ONLINE_LEVELS = _Choices(
    {
        "full": ["toàn trình", "trực tuyến toàn trình"],
        "partial": ["một phần", "trực tuyến một phần"],
        "info": ["thông tin", "cung cấp thông tin"],
    }
)
SUBJECTS = _Choices(
    {
        "individual": ["cá nhân", "công dân"],
        "organisation": ["tổ chức", "organization", "doanh nghiệp"],
    }
)
SUPPLEMENT_CLOCKS = _Choices(
    {
        "resume": ["tiếp tục", "tiếp tục tính thời gian còn lại"],
        "restart": ["tính lại", "tính lại từ đầu"],
    }
)
FEE_CONDITIONS = _Choices(
    {
        "always": ["luôn thu", "luôn", "bắt buộc"],
        "per_extra_copy": ["theo bản vượt", "mỗi bản vượt", "theo số bản"],
        "chosen": ["khi chọn", "khi được chọn", "tùy chọn"],
    }
)
KINDS = _Choices({"original": ["bản chính"], "copy": ["bản sao", "bản sao chứng thực"]})
ROLES = _Choices(
    {
        "receiver": ["tiếp nhận", "cán bộ tiếp nhận", "một cửa"],
        "specialist": ["chuyên viên", "chuyên viên thụ lý", "thụ lý"],
        "approver": ["lãnh đạo", "lãnh đạo phê duyệt", "phê duyệt"],
        "clerk": ["văn thư"],
        "admin": ["quản trị"],
        "auditor": ["thanh tra", "thanh tra, kiểm tra", "kiểm tra"],
    }
)
TRUE_WORDS = {fold(w) for w in ["có", "x", "yes", "true", "1", "đúng", "c"]}
FALSE_WORDS = {fold(w) for w in ["không", "no", "false", "0", "sai", "k"]}
LIST_SEPARATORS = re.compile(r"[,;\n]+")
CODE_SEPARATORS = re.compile(r"[,;\s]+")
AMOUNT_TEXT = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+|\d+")
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


class CatalogueImportError(Exception):
    """The workbook was refused: `errors` lists every problem, one line each."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ImportSummary:
    """What an import wrote (or, in a dry run, would write)."""

    created: int = 0
    updated: int = 0
    fees: int = 0
    documents: int = 0
    processes: int = 0
    steps: int = 0

    def __str__(self) -> str:
        return (
            f"{self.created + self.updated} thủ tục ({self.created} mới, {self.updated} cập "
            f"nhật), {self.fees} khoản phí, lệ phí, {self.documents} thành phần hồ sơ, "
            f"{self.processes} quy trình nội bộ ({self.steps} bước)"
        )


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


class _Invalid(ValueError):
    """A cell that cannot be read; the message is the Vietnamese reason."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def _choice(value: Any, mapping: _Choices, what: str, default: str | None = None) -> str:
    text = _text(value)
    if not text:
        if default is None:
            raise _Invalid(f"thiếu {what}")
        return default
    try:
        return mapping[fold(text)]
    except KeyError:
        raise _Invalid(f"{what} «{text}» không hợp lệ; dùng: {mapping.hint}") from None


def _choice_list(value: Any, mapping: _Choices, what: str) -> list[str]:
    result: list[str] = []
    for part in LIST_SEPARATORS.split(_text(value)):
        if part.strip():
            choice = _choice(part, mapping, what)
            if choice not in result:
                result.append(choice)
    return result


def _bool(value: Any, what: str, default: bool) -> bool:
    if isinstance(value, bool):
        return value
    text = fold(_text(value))
    if not text:
        return default
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise _Invalid(f"{what} «{_text(value)}» phải là có hoặc không")


def _decimal(value: Any, what: str) -> Decimal:
    if isinstance(value, bool):
        raise _Invalid(f"{what} phải là số")
    if isinstance(value, int | float):
        number = Decimal(str(value))
    else:
        text = _text(value).replace(" ", "")
        if not text:
            raise _Invalid(f"thiếu {what}")
        if not re.fullmatch(r"\d+([.,]\d+)?", text):
            raise _Invalid(f"{what} «{_text(value)}» không phải là số không âm")
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise _Invalid(f"{what} «{text}» không phải là số") from None
    if number < 0 or number > MAX_DAYS:
        raise _Invalid(f"{what} phải từ 0 đến {MAX_DAYS}")
    if number != number.quantize(Decimal("0.01")):
        raise _Invalid(f"{what} «{_text(value)}» có quá 2 chữ số thập phân")
    return number.quantize(Decimal("0.01"))


def _integer(value: Any, what: str, low: int, high: int) -> int:
    if isinstance(value, bool):
        raise _Invalid(f"{what} phải là số nguyên")
    if isinstance(value, float):
        if not value.is_integer():
            raise _Invalid(f"{what} «{value}» phải là số nguyên")
        value = int(value)
    if isinstance(value, int):
        number = value
    else:
        text = _text(value)
        if not text:
            raise _Invalid(f"thiếu {what}")
        for suffix in ("đồng", "đ", "vnđ", "vnd"):
            if text.lower().endswith(suffix):
                text = text[: -len(suffix)].strip()
                break
        if not AMOUNT_TEXT.fullmatch(text):
            raise _Invalid(f"{what} «{_text(value)}» phải là số nguyên")
        number = int(re.sub(r"[.,\s]", "", text))
    if not low <= number <= high:
        raise _Invalid(f"{what} phải từ {low} đến {high}")
    return number


def _date(value: Any, what: str) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _Invalid(f"{what} «{text}» không phải là ngày (dd/mm/yyyy)")


def _limited(value: Any, what: str, limit: int, required: bool = False) -> str:
    text = _text(value)
    if required and not text:
        raise _Invalid(f"thiếu {what}")
    if len(text) > limit:
        raise _Invalid(f"{what} dài quá {limit} ký tự")
    return text


# ---- reading sheets ------------------------------------------------------------------------


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


def _agency_codes(value: Any, known: dict[str, Agency]) -> list[str]:
    codes = [c for c in CODE_SEPARATORS.split(_text(value).upper()) if c]
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise _Invalid("; ".join(f"mã cơ quan {c} không tồn tại" for c in unknown))
    return list(dict.fromkeys(codes))


def _procedure_code(value: Any) -> str:
    code = _text(value)
    if not code:
        raise _Invalid("thiếu mã thủ tục")
    if not PROCEDURE_CODE.fullmatch(code):
        raise _Invalid(f"mã thủ tục «{code}» không hợp lệ (3–32 ký tự chữ, số, dấu chấm, gạch)")
    return code


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


def _days(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


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


def _write(actor, parsed: _Parsed, summary: ImportSummary) -> None:
    agencies = {a.code: a for a in Agency.objects.all()}
    existing = {p.code: p for p in Procedure.objects.filter(code__in=parsed.procedures)}
    for row in parsed.procedures.values():
        where = f"{PROCEDURES.name} dòng {row.line}"
        current = existing.get(row.code)
        data = dict(row.data)
        if current is not None:
            data.update({name: getattr(current, name) for name in KEPT_FIELDS})
        fees = row.fees
        if fees is None:  # no PhiLePhi sheet: keep what the catalogue has
            fees = list(current.fees.values(*_FEE_FIELDS)) if current else []
        documents = row.documents
        if documents is None:
            documents = (
                list(current.required_documents.values(*_DOCUMENT_FIELDS)) if current else []
            )
        try:
            procedure_save(
                actor=actor,
                code=row.code,
                field=field_get_or_create(code=row.field_code, name=row.field_name),
                fees=fees,
                required_documents=documents,
                agencies=[agencies[c] for c in row.agencies],
                **data,
            )
        except DomainError as exc:
            raise CatalogueImportError([f"{where}: {exc.detail}"]) from exc
        if current is None:
            summary.created += 1
        else:
            summary.updated += 1
        summary.fees += len(fees)
        summary.documents += len(documents)
    codes = {code for code, _ in parsed.processes}
    procedures = {p.code: p for p in Procedure.objects.filter(code__in=codes)}
    for (code, agency_code), steps in parsed.processes.items():
        try:
            process_set(
                actor=actor,
                procedure=procedures[code],
                agency=agencies[agency_code],
                steps=[
                    {"name": s.name, "role": s.role, "unit": agencies[s.unit], "days": s.days}
                    for s in steps
                ],
            )
        except DomainError as exc:
            where = f"{PROCESSES.name} dòng {steps[0].line}"
            raise CatalogueImportError([f"{where}: {exc.detail}"]) from exc
        summary.processes += 1
        summary.steps += len(steps)


def catalogue_import(
    *, actor, source: str | Path | IO[bytes], dry_run: bool = False
) -> ImportSummary:
    """Import a workbook, all or nothing; raise CatalogueImportError listing every error."""
    require_admin(actor)
    parsed = catalogue_read(source)
    if parsed.errors:
        raise CatalogueImportError(parsed.errors)
    summary = ImportSummary()
    with transaction.atomic():
        _write(actor, parsed, summary)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def catalogue_actor(username: str | None):
    """The user an import acts as: `username` (an administrator), else the system account.

    Without a username the superuser "he-thong" is used, created on first use with an
    unusable password: nobody can log in as it, it only signs the audit trail of imports.
    """
    User = get_user_model()
    if username is None:
        user, created = User.objects.get_or_create(
            username=SYSTEM_USERNAME,
            defaults={"is_superuser": True, "is_staff": True, "first_name": "Hệ thống"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user
    user = User.objects.filter(username=username).first()
    if user is None:
        raise CatalogueImportError([f"Không có tài khoản {username}."])
    if not (user.is_superuser or StaffRole.objects.filter(user=user, role="admin").exists()):
        raise CatalogueImportError([f"Tài khoản {username} không phải quản trị hệ thống."])
    return user


# ---- the template --------------------------------------------------------------------------

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
