"""A period ending today is read as a year less what lies after today, with the same sums."""

from datetime import timedelta

import pytest

from motcua.agencies.models import Agency
from motcua.benchdata.generate import generate
from motcua.reports.models import COUNTER_COLUMNS, ReportCounter
from motcua.reports.periods import today
from motcua.reports.selectors import counter_rows, counter_sums, period_sums, subtree_ids


@pytest.fixture
def province(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    generate(
        dossiers=800, seed=11, password="x", communes=3, procedures=30, progress=lambda _: None
    )
    return Agency.objects.get(code="H44")


@pytest.mark.parametrize("days_back", [0, 20, 200, 500])
@pytest.mark.parametrize("group_by", [(), ("agency__level", "field_id")])
def test_sums_to_today_equal_the_sums_of_every_bucket(province, days_back, group_by):
    ids, last = subtree_ids(province), today()
    first = last - timedelta(days=days_back)
    assert ReportCounter.objects.filter(bucket__gt=last, overdue_start__gt=0).exists()

    _, during = period_sums(ids, first, last, *group_by)

    plain = counter_sums(counter_rows(ids, first, last), *group_by)
    assert _rows(during, group_by) == _rows(plain, group_by)


def _rows(rows: list[dict], group_by) -> dict:
    """Rows by group, leaving out groups with nothing counted (as zero counter rows can be)."""
    return {
        tuple(r[g] for g in group_by): r
        for r in rows
        if not group_by or any(r[c] for c in COUNTER_COLUMNS)
    }
