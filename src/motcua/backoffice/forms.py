"""Forms of the back office pages: staff login, worklist filters, desk receipt, bulk approval."""

from html import escape  # the standard one: Django's wraps every call for lazy strings

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from motcua.backoffice import selectors
from motcua.catalog.models import RequiredDocument
from motcua.core.uploads import ScanField
from motcua.dossiers.models import Channel, Status


def is_staff_member(user) -> bool:
    """Officers hold at least one role in an agency; citizens' accounts hold none."""
    return user.is_active and (user.is_superuser or user.staff_roles.exists())


class StaffLoginForm(AuthenticationForm):
    """Django's login form for officers only (django-axes counts failures and locks out)."""

    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa."),
        "not_staff": _("Tài khoản này không phải tài khoản cán bộ; công dân đăng nhập tại Cổng "
                       "dịch vụ công."),
    }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")

    def confirm_login_allowed(self, user) -> None:
        super().confirm_login_allowed(user)
        if not is_staff_member(user):
            raise forms.ValidationError(self.error_messages["not_staff"], code="not_staff")


class LongSelect(forms.Select):
    """A select whose options are written in Python, not one template each: the worklist's
    procedure filter lists a province's catalogue (~2,000 options, ~0.4 s through templates).
    Its choices are plain (value, label) pairs, kept as given (see `LongChoiceField`)."""

    @property
    def choices(self) -> list[tuple[str, str]]:
        return self._choices

    @choices.setter
    def choices(self, value) -> None:
        self._choices = list(value)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(str(v))}"{" selected" if str(v) in chosen else ""}>'
            f"{escape(str(label))}</option>"
            for v, label in self.choices
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        safe_options = mark_safe(options)  # noqa: S308 - every value and label is escaped above
        return format_html('<select name="{}"{}>{}</select>', name, attrs, safe_options)


class LongChoiceField(forms.ChoiceField):
    """A choice of plain (value, label) pairs kept as given and checked against a set: Django's
    ChoiceField normalises every pair each time its choices are set (a few ms for 2,000)."""

    widget = LongSelect

    @property
    def choices(self) -> list[tuple[str, str]]:
        return self._choices

    @choices.setter
    def choices(self, value) -> None:
        self._choices = self.widget.choices = list(value)
        self._values = {str(v) for v, _label in self._choices}

    def valid_value(self, value) -> bool:
        return str(value) in self._values


class WorklistFilterForm(forms.Form):
    """Filters of the worklist (GET): every field optional, unknown values ignored."""

    tab = forms.ChoiceField(choices=list(selectors.TABS.items()), required=False)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    procedure = LongChoiceField(label=_("Thủ tục"), required=False)
    agency = LongChoiceField(label=_("Cơ quan"), required=False)
    q = forms.CharField(
        label=_("Mã hồ sơ, tên hoặc số định danh người nộp"), required=False, max_length=100
    )
    han = forms.ChoiceField(
        required=False,
        choices=[
            ("", "—"),
            (selectors.OVERDUE, _("Quá hạn")),
            (selectors.DUE_SOON, _("Đến hạn trong một ngày làm việc")),
            (selectors.RECEIVED_TODAY, _("Tiếp nhận hôm nay")),
        ],
        label=_("Thời hạn"),
    )

    def __init__(self, data, *, procedures, agencies):
        super().__init__(data)
        anything = [("", _("Tất cả"))]
        self.fields["status"].choices = anything + [(s.value, s.label) for s in Status]
        self.fields["procedure"].choices = anything + [
            (code, f"{code} {name}") for code, name in procedures
        ]
        self.fields["agency"].choices = anything + list(agencies)

    def filters(self) -> selectors.Filters:
        values = self.cleaned_data if self.is_valid() else {}
        return selectors.Filters(
            tab=values.get("tab") or selectors.ALL,
            status=values.get("status", ""),
            procedure=values.get("procedure", ""),
            agency=values.get("agency", ""),
            q=values.get("q", ""),
            when=values.get("han", ""),
        )


class ApplicantForm(forms.Form):
    """Người nộp hồ sơ at the desk, and where the dossier is filed."""

    agency = forms.ModelChoiceField(queryset=None, label=_("Nơi tiếp nhận"), empty_label=None)
    channel = forms.ChoiceField(
        label=_("Hình thức nộp"),
        choices=[(Channel.DESK, Channel.DESK.label), (Channel.POST, Channel.POST.label)],
    )
    id_number = forms.CharField(
        label=_("Số định danh cá nhân / mã số doanh nghiệp"),
        max_length=14,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=255)
    phone = forms.CharField(label=_("Số điện thoại"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=500, required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def applicant(self) -> dict:
        fields = ("id_number", "full_name", "phone", "email", "address")
        return {name: self.cleaned_data[name] for name in fields}


class DocumentsForm(forms.Form):
    """The checklist of required documents: received or not, and its scan (PDF, JPEG, PNG)."""

    def __init__(self, *args, required_documents: list[RequiredDocument], **kwargs):
        super().__init__(*args, **kwargs)
        self.required_documents = required_documents
        for doc in required_documents:
            kind = RequiredDocument.Kind(doc.kind).label
            self.fields[f"doc_{doc.pk}"] = forms.BooleanField(
                label=f"{doc.name} ({kind}, {doc.count})", required=False
            )
            self.fields[f"scan_{doc.pk}"] = ScanField(
                label=_("Bản quét: %(name)s") % {"name": doc.name}, required=False
            )

    def rows(self) -> list[tuple]:
        return [(self[f"doc_{d.pk}"], self[f"scan_{d.pk}"]) for d in self.required_documents]

    def documents(self) -> list[dict]:
        """What `dossier_submit` takes: each document received, with its scan if there is one."""
        chosen = []
        for doc in self.required_documents:
            scan = self.cleaned_data.get(f"scan_{doc.pk}")
            if self.cleaned_data.get(f"doc_{doc.pk}") or scan:
                source = "desk" if scan else "applicant"
                chosen.append({"name": doc.name, "kind": doc.kind, "count": doc.count,
                               "source": source, "file": scan})  # fmt: skip
        return chosen


class BulkDecisionForm(forms.Form):
    """The leader's decision on the dossiers ticked in the approval queue."""

    APPROVE, REJECT = "approve", "reject"

    codes = forms.MultipleChoiceField(label=_("Hồ sơ"), widget=forms.CheckboxSelectMultiple)
    decision = forms.ChoiceField(choices=[(APPROVE, _("Phê duyệt")), (REJECT, _("Không duyệt"))])
    note = forms.CharField(
        label=_("Ý kiến (bắt buộc khi không duyệt: nêu rõ lý do)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["codes"].choices = [(code, code) for code in codes]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REJECT and not cleaned.get("note", "").strip():
            self.add_error("note", _("Không duyệt hồ sơ phải nêu rõ lý do."))
        return cleaned
