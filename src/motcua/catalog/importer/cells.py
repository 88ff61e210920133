"""One cell's value read as what its column holds (text, choice, yes/no, number, date, codes)."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from motcua.agencies.models import Agency
from motcua.catalog.importer.columns import _Choices
from motcua.core.text import fold

PROCEDURE_CODE = re.compile(r"[0-9A-Za-z.\-]{3,32}")


MAX_DAYS = Decimal("9999.99")


MAX_AMOUNT = 10**15
# Fields of a procedure the template does not carry: a re-import keeps their current values.


TRUE_WORDS = {fold(w) for w in ["có", "x", "yes", "true", "1", "đúng", "c"]}


FALSE_WORDS = {fold(w) for w in ["không", "no", "false", "0", "sai", "k"]}


LIST_SEPARATORS = re.compile(r"[,;\n]+")


CODE_SEPARATORS = re.compile(r"[,;\s]+")


AMOUNT_TEXT = re.compile(r"\d{1,3}(?:[.,\s]\d{3})+|\d+")


DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")


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


def _days(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")
