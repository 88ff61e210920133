"""Spreadsheet cells written from user data are text, never formulas (OWASP CSV injection)."""

from collections.abc import Iterable

# A cell starting with one of these is read as a formula (or turned into one) by spreadsheet
# programs; OWASP's advice is to prefix such text with an apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: object) -> object:
    """The value as a spreadsheet shows it and never evaluates: numbers stay numbers, None stays
    empty, text starting like a formula gets a leading apostrophe."""
    if value is None or isinstance(value, int | float):
        return value
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def text_row(values: Iterable[object]) -> list[object]:
    """A row of cells for `Worksheet.append`, each through `text_cell`."""
    return [text_cell(value) for value in values]
