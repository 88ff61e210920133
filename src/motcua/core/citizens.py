"""Citizen accounts: created and refreshed from the identity provider's claims at each login."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from motcua.core.audit import audit_record
from motcua.core.errors import RuleBroken
from motcua.core.models import Citizen

GENDERS = {"male": "nam", "female": "nữ"}


def _birth_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@transaction.atomic
def citizen_sign_in(*, claims: dict) -> Citizen:
    """The account of the person the identity provider vouches for, created at the first login.

    The name, birth date, address and contacts are refreshed from the claims every time: the
    national identity is the source of truth, the account only mirrors it.
    """
    subject, id_number = str(claims.get("sub") or ""), str(claims.get("id_number") or "")
    if not subject or not (id_number.isdigit() and len(id_number) == 12):
        raise RuleBroken(_("Tài khoản định danh điện tử không có số định danh cá nhân hợp lệ."))
    citizen = Citizen.objects.select_for_update().filter(subject=subject).first()
    if citizen is None:
        citizen = Citizen.objects.select_for_update().filter(id_number=id_number).first()
    if citizen is None:
        # No password: a citizen signs in only through the identity provider.
        user = get_user_model().objects.create_user(username=Citizen.USERNAME_PREFIX + id_number)
        citizen = Citizen(user=user)
    citizen.subject, citizen.id_number = subject, id_number
    citizen.full_name = str(claims.get("name") or "").strip()
    citizen.birth_date = _birth_date(claims.get("birthdate"))
    citizen.gender = GENDERS.get(str(claims.get("gender")), "")
    citizen.address = str(claims.get("address") or "")
    citizen.phone = str(claims.get("phone_number") or "")
    citizen.email = str(claims.get("email") or "")
    citizen.assurance = str(claims.get("acr") or "")
    citizen.save()
    user = citizen.user
    user.first_name, user.last_name = citizen.full_name[:150], ""
    user.save(update_fields=["first_name", "last_name"])
    audit_record(
        actor=user,
        action="citizen_sign_in",
        object_type="citizen",
        object_id=id_number,
        data={"acr": citizen.assurance},
    )
    return citizen
