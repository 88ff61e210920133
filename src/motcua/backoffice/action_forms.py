"""One small form per lifecycle action, shaped into the keyword arguments of `dossier_act`.

Every form carries the dossier's version (hidden) so a stale page gets the 409 message.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.agencies.models import Agency
from motcua.core.uploads import ScanField
from motcua.dossiers.fees import Condition, dossier_fees
from motcua.dossiers.models import Payment
from motcua.dossiers.ratings import Criterion, Level

RETURN_METHODS = [("desk", _("Tại bộ phận một cửa")), ("post", _("Qua bưu chính công ích")),
                  ("online", _("Trực tuyến"))]  # fmt: skip
NOTE_LABELS = {
    "refuse": _("Lý do từ chối tiếp nhận (bắt buộc)"),
    "reject": _("Lý do không giải quyết (bắt buộc)"),
    "apologise": _("Lý do chậm trễ (bắt buộc)"),
    "pause": _("Căn cứ tạm dừng (bắt buộc)"),
    "withdraw": _("Nội dung đề nghị dừng của người nộp (bắt buộc)"),
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ActionForm(forms.Form):
    """The version read and a note: all that most actions need."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, max_length=4000, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, action: str, dossier=None, **kwargs):
        super().__init__(*args, prefix=action, **kwargs)
        self.dossier = dossier
        if action in NOTE_LABELS:
            self.fields["note"].label = NOTE_LABELS[action]

    def params(self) -> dict:
        """Keyword arguments for `dossier_act` (besides actor, code and action)."""
        values = dict(self.cleaned_data)
        return {name: value for name, value in values.items() if value not in (None, "")}


class SupplementRequestForm(ActionForm):
    items = forms.CharField(
        label=_("Giấy tờ, nội dung cần bổ sung (mỗi dòng một mục, liệt kê đủ một lần)"),
        max_length=8000,
        widget=forms.Textarea({"rows": 3}),
    )

    def params(self) -> dict:
        return {**super().params(), "items": _lines(self.cleaned_data["items"])}


class SupplementForm(ActionForm):
    documents = forms.CharField(
        label=_("Giấy tờ người nộp bổ sung (mỗi dòng một giấy tờ)"),
        required=False,
        max_length=8000,
        widget=forms.Textarea({"rows": 2}),
    )

    def params(self) -> dict:
        documents = [{"name": name} for name in _lines(self.cleaned_data["documents"])]
        return {**super().params(), "documents": documents}


class ForwardForm(ActionForm):
    to_agency = forms.ChoiceField(
        label=_("Chuyển cơ quan khác (liên thông; để trống: bước tiếp theo của quy trình)"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.filter(merged_into=None).order_by("code").only("code", "name")
        self.fields["to_agency"].choices = [("", "—")] + [(a.code, a.name) for a in agencies]


class ApproveForm(ActionForm):
    number = forms.CharField(label=_("Số, ký hiệu văn bản kết quả"), required=False, max_length=64)
    electronic = forms.BooleanField(label=_("Kết quả điện tử (đã ký số)"), required=False)
    file = ScanField(label=_("Tệp kết quả để người nộp tải về (PDF, JPEG, PNG)"), required=False)


class PaymentRequestForm(ActionForm):
    """The copies asked for of each per-extra-copy line and a tick per chosen line; the amount
    they make (`fees_due`) is shown beside them. Values are checked by the rule (fees.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fees_due = dossier_fees(self.dossier)
        for line in self.fees_due.adjustable:
            words = {"name": line.name, "unit": line.unit_amount, "n": line.included + 1}
            if line.condition == Condition.CHOSEN:
                label = _("%(name)s (%(unit)s đồng)") % words
                field = forms.BooleanField(label=label, required=False, initial=line.quantity > 0)
            else:
                label = _("Số bản yêu cầu — %(name)s (%(unit)s đồng mỗi bản từ bản thứ %(n)s)")
                field = forms.IntegerField(label=label % words, initial=line.quantity)
            self.fields[f"line_{line.line}"] = field

    def choices(self) -> list[dict]:
        """The `fees` of `dossier_act`: `[{"line", "quantity"}]`."""
        return [
            {"line": line.line, "quantity": int(self.cleaned_data[f"line_{line.line}"])}
            for line in self.fees_due.adjustable
        ]

    def params(self) -> dict:
        values = {k: v for k, v in super().params().items() if not k.startswith("line_")}
        return {**values, "fees": self.choices()}


class PaymentForm(ActionForm):
    amount = forms.IntegerField(label=_("Số tiền (đồng)"), min_value=1, max_value=10**15)
    method = forms.ChoiceField(label=_("Hình thức"), choices=Payment.Method.choices)
    receipt_number = forms.CharField(label=_("Số biên lai"), required=False, max_length=64)


class ReturnForm(ActionForm):
    method = forms.ChoiceField(label=_("Hình thức trả kết quả"), choices=RETURN_METHODS)


class ApologyForm(ActionForm):
    new_due_at = forms.DateTimeField(
        label=_("Ngày, giờ hẹn trả mới"),
        input_formats=["%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput({"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class RatingForm(ActionForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in Criterion.choices:
            self.fields[name] = forms.ChoiceField(label=label, choices=Level.choices)

    def params(self) -> dict:
        rating = {name: self.cleaned_data[name] for name in Criterion.values}
        values = {k: v for k, v in super().params().items() if k not in Criterion.values}
        return {**values, "rating": rating}


ACTION_FORMS: dict[str, type[ActionForm]] = {
    "request_supplement": SupplementRequestForm,
    "submit_supplement": SupplementForm,
    "forward": ForwardForm,
    "approve": ApproveForm,
    "request_payment": PaymentRequestForm,
    "record_payment": PaymentForm,
    "return_result": ReturnForm,
    "apologise": ApologyForm,
    "rate": RatingForm,
}


def action_form(action: str, dossier, data=None, files=None) -> ActionForm:
    """The form of `action`, bound to `data` (and `files`) or filled with the dossier's version."""
    form_class = ACTION_FORMS.get(action, ActionForm)
    return form_class(
        data, files, action=action, dossier=dossier, initial={"version": dossier.version}
    )
