"""The demo's procedures carry their publication decisions, so its 766 dashboard measures
publish_on_time and update_on_time (two of the decisions are late, as happens)."""

from datetime import date

import pytest
from django.core.management import call_command

from motcua.agencies.models import Agency
from motcua.catalog.models import Procedure
from motcua.reports.indicators import index_766

pytestmark = pytest.mark.django_db(transaction=False)


def test_the_demo_index_measures_publication(db):
    call_command("seed-demo", "--dossiers", "0")

    assert not Procedure.objects.filter(effective_on=None).exists()
    assert not Procedure.objects.filter(national_db_published_on=None).exists()
    province = Agency.objects.get(parent=None)
    body = index_766(province, date(2026, 1, 1), date(2026, 12, 31))
    found = {i["key"]: i for i in body["groups"][0]["indicators"]}
    for key in ("publish_on_time", "update_on_time"):
        assert found[key]["measured"] is True
        assert 0 < found[key]["numerator"] < found[key]["denominator"], found[key]
