"""The IT centre records a procedure's publication in the admin (the 766 index reads it)."""

from django.contrib.auth import get_user_model
from django.urls import reverse


def test_the_publication_fields_are_editable_on_the_procedure_form(client, procedure):
    client.force_login(get_user_model().objects.create_superuser("quantri-tt", "", "x"))

    html = client.get(reverse("admin:catalog_procedure_change", args=[procedure.pk])).content

    for name in ("publication_decision", "published_on", "effective_on",
                 "national_db_published_on"):  # fmt: skip
        assert f'name="{name}"'.encode() in html
