"""The online application form: where to file, contact details, the tờ khai and the scans."""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure, RequiredDocument
from motcua.core.uploads import ScanField


def document_field_name(document: RequiredDocument) -> str:
    return f"doc_{document.pk}"


class ApplicationForm(forms.Form):
    """Everything but the tờ khai itself (a schema form beside it, prefix `tk`)."""

    agency = forms.ChoiceField(label=_("Nộp hồ sơ tại"))
    phone = forms.RegexField(
        label=_("Số điện thoại"), regex=r"^(\+84|0)\d{9,10}$", required=False, max_length=20
    )
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    address = forms.CharField(label=_("Địa chỉ liên hệ"), required=False, max_length=500)

    def __init__(self, *args, procedure: Procedure, agencies, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [(a.code, a.name) for a in agencies]
        for document in documents:
            self.fields[document_field_name(document)] = ScanField(
                label=document.name,
                required=False,
                help_text=_("PDF, JPEG hoặc PNG"),
            )

    def uploads(self, documents) -> dict[RequiredDocument, object]:
        """Required document → the checked scan, for the scans sent with this request."""
        return {
            d: self.cleaned_data[document_field_name(d)]
            for d in documents
            if self.cleaned_data.get(document_field_name(d))
        }
