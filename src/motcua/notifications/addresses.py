"""Recipients: Vietnamese mobile numbers and e-mail addresses, normalised and masked."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from motcua.notifications.models import Channel


def normalise_phone(raw: str) -> str | None:
    """A Vietnamese mobile number (0xxxxxxxxx, +84…, 84…) as `84xxxxxxxxx`, or None.

    The `84…` form without the plus is what SMS gateways and Zalo ZNS take.
    """
    try:
        number = phonenumbers.parse(raw or "", "VN")
    except phonenumbers.NumberParseException:
        return None
    mobile = phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
    if number.country_code != 84 or not mobile or not phonenumbers.is_valid_number(number):
        return None
    return f"84{number.national_number}"


def normalise_email(raw: str) -> str | None:
    """The e-mail address stripped and in lower case, or None when it is not one.

    Lower case throughout, so that an opt-out matches however the address was typed (providers
    treat the local part without regard to case).
    """
    address = (raw or "").strip().lower()
    try:
        validate_email(address)
    except ValidationError:
        return None
    return address


def normalise(channel: str, raw: str) -> str | None:
    """The address `raw` in the form the channel uses, or None when it cannot be used."""
    return normalise_email(raw) if channel == Channel.EMAIL else normalise_phone(raw)


def mask(address: str) -> str:
    """Hide most of an address for lists: `84912***678`, `n***@example.vn`."""
    local, at, domain = address.rpartition("@")
    if at:
        return f"{local[:1]}***@{domain}"
    return f"{address[:5]}***{address[-3:]}" if len(address) > 8 else "***"
