"""Scans are accepted by their content (PDF, JPEG, PNG) within the size limit, renamed at random."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.core.uploads import ScanField, validate_scan

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20
PDF = b"%PDF-1.4\n%..."


@pytest.mark.parametrize(("content", "extension"), [(PDF, "pdf"), (JPEG, "jpg"), (PNG, "png")])
def test_real_scans_pass_and_get_a_random_name_with_their_real_extension(content, extension):
    upload = validate_scan(SimpleUploadedFile("Giấy khai sinh.PDF", content))
    name, ext = upload.name.rsplit(".", 1)
    assert ext == extension
    assert len(name) == 32 and "khai" not in name
    assert upload.read() == content  # read from the start again


@pytest.mark.parametrize(
    "content",
    [b"MZ\x90\x00 program", b"<!doctype html><script>", b"PK\x03\x04 zip", b"", b"%PD"],
)
def test_anything_else_is_refused_whatever_its_name(content):
    with pytest.raises(ValidationError) as refused:
        validate_scan(SimpleUploadedFile("scan.pdf", content, "application/pdf"))
    assert refused.value.code == "wrong_type"
    assert "không phải PDF, JPEG hoặc PNG" in refused.value.messages[0]


def test_a_file_over_the_limit_is_refused(settings):
    settings.MOTCUA = {**settings.MOTCUA, "UPLOAD_MAX_BYTES": 10}
    with pytest.raises(ValidationError) as refused:
        validate_scan(SimpleUploadedFile("scan.pdf", PDF + b"x" * 10))
    assert refused.value.code == "too_large"
    assert "quá lớn" in refused.value.messages[0]


def test_the_field_is_optional_when_asked_and_checks_what_is_given():
    field = ScanField(required=False)
    assert not field.clean(None)
    with pytest.raises(ValidationError):
        field.clean(SimpleUploadedFile("a.png", b"GIF89a"))
    assert field.clean(SimpleUploadedFile("a.png", PNG)).name.endswith(".png")
