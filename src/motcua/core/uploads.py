"""Scanned documents uploaded to a dossier: checked by their content, stored under a random name.

The type is read from the first bytes (magic numbers), never from the name or the browser's
content type: a ".pdf" that is really a program or a web page is refused. The size limit is
`settings.MOTCUA["UPLOAD_MAX_BYTES"]` (`MOTCUA_UPLOAD_MAX_BYTES`).
"""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from motcua.core.text import human_size

# Signatures of the accepted formats (ISO 32000 PDF, JFIF/Exif JPEG, PNG) → stored extension.
SIGNATURES = {
    b"%PDF-": "pdf",
    b"\xff\xd8\xff": "jpg",
    b"\x89PNG\r\n\x1a\n": "png",
}


def sniff(upload: UploadedFile) -> str | None:
    """The extension the content's signature says (pdf, jpg, png), or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    return next((ext for magic, ext in SIGNATURES.items() if head.startswith(magic)), None)


def validate_scan(upload: UploadedFile) -> UploadedFile:
    """Refuse a file over the size limit or whose content is not PDF, JPEG or PNG.

    Returns the upload renamed to a random name with the extension of its real type.
    """
    limit = settings.MOTCUA["UPLOAD_MAX_BYTES"]
    if upload.size > limit:
        raise ValidationError(
            _("Tệp %(name)s quá lớn (%(size)s); tối đa %(limit)s.")
            % {"name": upload.name, "size": human_size(upload.size), "limit": human_size(limit)},
            code="too_large",
        )
    extension = sniff(upload)
    if extension is None:
        raise ValidationError(
            _("Tệp %(name)s không phải PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp).")
            % {"name": upload.name},
            code="wrong_type",
        )
    upload.name = f"{uuid.uuid4().hex}.{extension}"
    return upload


class ScanField(forms.FileField):
    """A file field accepting one scanned PDF, JPEG or PNG (see `validate_scan`)."""

    widget = forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"})

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        return validate_scan(upload) if upload else upload
