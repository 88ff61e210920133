"""Codes of DOMAIN.md: agency identifiers (mã định danh điện tử) and dossier codes (mã hồ sơ)."""

import itertools
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

# The patterns are applied with `fullmatch`: `$` alone would also accept a trailing newline.
# Quyết định 20/2020/QĐ-TTg: groups developed left to right, the first a letter and two digits.
CURRENT_AGENCY_CODE = re.compile(r"[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})*")
# The legacy 13-character form read right to left: 000.00.22.H62.
LEGACY_AGENCY_CODE = re.compile(r"([0-9]{3})\.([0-9]{2})\.([0-9]{2})\.([A-Z][0-9]{2})")
AGENCY_CODE_MAX_LENGTH = 35
DOSSIER_CODE = re.compile(r"(?P<agency>[A-Z0-9.]+)-(?P<day>[0-9]{6})-(?P<sequence>[0-9]{4,})")


def agency_code_error(code: str) -> str | None:
    """Why `code` is not a valid agency code in either form, or None when it is valid."""
    if not code or len(code) > AGENCY_CODE_MAX_LENGTH:
        return _("Mã định danh có từ 1 đến 35 ký tự.")
    legacy = LEGACY_AGENCY_CODE.fullmatch(code)
    if legacy:
        levels = [legacy.group(3), legacy.group(2), legacy.group(1)]  # level 2, 3, 4
        for outer, inner in itertools.pairwise(levels):
            if int(outer) == 0 and int(inner) != 0:
                return _("Mã định danh dạng cũ: cấp dưới không thể có mã khi cấp trên là 0.")
        return None
    if CURRENT_AGENCY_CODE.fullmatch(code):
        return None
    return _(
        "Mã định danh không hợp lệ: dùng dạng H44.189 (Quyết định 20/2020/QĐ-TTg) "
        "hoặc dạng cũ 000.00.22.H62."
    )


def is_legacy_agency_code(code: str) -> bool:
    """True for the 13-character right-to-left form (000.00.22.H62)."""
    return bool(LEGACY_AGENCY_CODE.fullmatch(code))


@dataclass(frozen=True)
class DossierCode:
    """A parsed dossier code: `<agency code>-<yymmdd>-<sequence>` (Thông tư 03/2025 Điều 13)."""

    agency_code: str
    day: date
    sequence: str

    def __str__(self) -> str:
        return f"{self.agency_code}-{self.day:%y%m%d}-{self.sequence}"


def format_dossier_code(agency_code: str, day: date, sequence: int) -> str:
    """The code of the `sequence`-th dossier of an agency on `day`, sequence padded to 4 digits."""
    return f"{agency_code}-{day:%y%m%d}-{sequence:04d}"


def parse_dossier_code(code: str) -> DossierCode | None:
    """Parse a dossier code, accepting longer sequences (central systems' owner prefix)."""
    match = DOSSIER_CODE.fullmatch(code)
    if not match or agency_code_error(match["agency"]):
        return None
    digits = match["day"]
    try:
        day = date(2000 + int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return DossierCode(match["agency"], day, match["sequence"])
