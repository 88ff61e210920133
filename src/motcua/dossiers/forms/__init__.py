"""The official forms of Thông tư 03/2025/TT-VPCP (Mẫu 01–07)."""

FORM_NUMBERS = ("01", "02", "03", "04", "05", "06", "07")


def render(dossier, number: str, fmt: str) -> tuple[bytes, str]:
    raise NotImplementedError
