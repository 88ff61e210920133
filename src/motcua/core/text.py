"""Text helpers: Vietnamese folding for search that ignores diacritics and case; byte sizes."""

import unicodedata

# đ/Đ have no Unicode decomposition, so they are mapped by hand; the look-alike eth (Ð U+00D0,
# ð U+00F0) appears in text converted from the old TCVN3/VNI encodings in place of Đ/đ.
_D_WITH_STROKE = str.maketrans({"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"})


def fold(text: str) -> str:
    """Lower-case ASCII form of Vietnamese text: "Đăng ký Khai sinh" → "dang ky khai sinh".

    Diacritics are dropped whether the text is composed (NFC) or decomposed (NFD), and runs of
    whitespace (non-breaking spaces included) become one space, trimmed at both ends.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_D_WITH_STROKE))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def human_size(size: int) -> str:
    """A byte count as people read it: 10485760 → "10 MB", 2048 → "2 KB", 200 → "200 byte"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} byte"
