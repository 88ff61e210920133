"""`{% load money %}`: amounts of money as people read them, "200.000 đồng"."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def money(amount, unit: bool = True) -> str:
    """An integer amount of đồng grouped by thousands in the page's language ("200.000 đồng";
    "200,000 VND" in English); `|money:False` leaves out the unit (a column headed "(đồng)").
    Anything that is not a number is shown as it is."""
    try:
        value = int(amount)
    except (TypeError, ValueError):
        return amount
    text = number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)
    if not unit:
        return text
    return _("%(amount)s đồng") % {"amount": text}
