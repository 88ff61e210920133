"""`Actor.may_see` (one dossier, checked on the row read) and `dossiers_visible_to` (the scope
nested in list queries) are two statements of one rule: they must agree for every kind of user."""

from django.contrib.auth import get_user_model

from motcua.dossiers.actors import Actor
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossiers_visible_to
from tests.dossiers.helpers import submit
from tests.factories import make_staff


def test_may_see_agrees_with_the_scoped_queryset(
    api, procedure, commune, other_commune, department, province, receiver, other_receiver,
    citizen, other_citizen,
):  # fmt: skip
    at_commune = submit(api(receiver), procedure, commune)["code"]
    handed_over = submit(api(receiver), procedure, commune)["code"]
    Dossier.objects.filter(code=handed_over).update(current_agency=department)
    users = [
        receiver, other_receiver, citizen, other_citizen,
        make_staff("sotuphap", department, "specialist"),
        make_staff("tinh", province, "approver"),
        get_user_model().objects.create_superuser("quantri", password="x"),
    ]  # fmt: skip
    seen = {}
    for user in users:
        for dossier in Dossier.objects.select_related("agency", "current_agency"):
            expected = dossiers_visible_to(user).filter(pk=dossier.pk).exists()
            assert Actor.of(user).may_see(dossier) == expected, (user.username, dossier.code)
            seen[user.username, dossier.code] = expected
    # The cases that matter, so the comparison above is not between two empty answers.
    assert seen["tiepnhan", at_commune] and not seen["tiepnhan2", at_commune]
    assert seen["sotuphap", handed_over] and not seen["sotuphap", at_commune]
    assert seen["tinh", at_commune] and seen[citizen.username, at_commune]
    assert not seen[other_citizen.username, at_commune]
