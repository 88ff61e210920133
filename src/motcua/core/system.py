"""System actors: the outside systems that change our data, named in timelines and the audit."""

from django.contrib.auth import get_user_model


def system_user(key: str, label: str):
    """The inactive account `system.<key>` standing for an outside system (full name = label).

    It can never log in (inactive, no usable password); it exists so that a change made on a
    system's word shows who made it.
    """
    user, created = get_user_model().objects.get_or_create(
        username=f"system.{key}", defaults={"first_name": label, "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user
