"""Administration of notifications: templates (edited by the IT centre), messages (read only) and
opt-outs. Every write goes through the services."""

from django import forms
from django.contrib import admin
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from motcua.notifications.addresses import mask, normalise
from motcua.notifications.models import Channel, MessageTemplate, Notification, OptOut
from motcua.notifications.rendering import VARIABLES
from motcua.notifications.services import (
    message_template_save,
    optout_record,
    optout_remove,
    template_problems,
)


def _variables_help() -> str:
    names = ", ".join(f"{{{{ {name} }}}} ({meaning})" for name, meaning in VARIABLES.items())
    return gettext("Biến dùng được: %(variables)s") % {"variables": names}


VARIABLES_HELP = lazy(_variables_help, str)()


class MessageTemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["event", "variant", "channel", "subject", "body", "zns_template_id",
                  "zns_params", "is_active"]  # fmt: skip
        help_texts = {"body": VARIABLES_HELP, "zns_params": VARIABLES_HELP}

    def _post_clean(self) -> None:
        super()._post_clean()  # copies the cleaned values onto the instance first
        for field, problem in template_problems(self.instance).items():
            if field not in self.errors:
                self.add_error(field, problem)


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    form = MessageTemplateForm
    list_display = ["event", "variant", "channel", "subject", "zns_template_id", "is_active"]
    list_filter = ["event", "variant", "channel", "is_active"]

    def save_model(self, request, obj, form, change) -> None:
        message_template_save(actor=request.user, template=obj)


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Messages sent to applicants, read only; the recipient is masked in the list."""

    list_display = ["created_at", "dossier", "event", "channel", "masked_recipient", "state",
                    "delivery_status", "delivery_at"]  # fmt: skip
    list_filter = ["state", "channel", "event"]
    search_fields = ["dossier__code", "provider_message_id"]
    list_select_related = ["dossier"]
    readonly_fields = [f.name for f in Notification._meta.fields]

    @admin.display(description=_("người nhận"))
    def masked_recipient(self, obj: Notification) -> str:
        return mask(obj.recipient)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class OptOutForm(forms.ModelForm):
    channel = forms.ChoiceField(label=_("kênh"), choices=Channel.choices)

    class Meta:
        model = OptOut
        fields = ["address", "channel"]

    def clean(self) -> dict:
        cleaned = super().clean()
        address, channel = cleaned.get("address", ""), cleaned.get("channel", "")
        if channel and normalise(channel, address) is None:
            self.add_error("address", _("Số điện thoại di động hoặc thư điện tử không hợp lệ."))
        return cleaned


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):
    """Addresses that receive nothing on a channel; added at a citizen's request."""

    form = OptOutForm
    list_display = ["masked_address", "channel", "source", "at"]
    list_filter = ["channel", "source"]
    search_fields = ["address"]

    @admin.display(description=_("số điện thoại hoặc thư điện tử"))
    def masked_address(self, obj: OptOut) -> str:
        return mask(obj.address)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change) -> None:
        saved = optout_record(actor=request.user, address=obj.address, channel=obj.channel,
                              source="admin")  # fmt: skip
        obj.pk = saved.pk

    def delete_model(self, request, obj) -> None:
        optout_remove(actor=request.user, optout=obj)

    def delete_queryset(self, request, queryset) -> None:
        for optout in queryset:
            optout_remove(actor=request.user, optout=optout)
