"""Dates day first (dd/mm/yyyy) in and out, money grouped by thousands, the admin in Vietnamese."""

import re
from datetime import date

import pytest
from django.template import Context, Template
from django.utils import translation

from motcua.core.models import CalendarDay
from tests.backoffice.helpers import file_dossier, office
from tests.integrations.helpers import run_effects
from tests.reports.helpers import desk, online, resolve

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@pytest.mark.parametrize(
    "typed, stored", [("25/12/2026", date(2026, 12, 25)), ("07/12/2026", date(2026, 12, 7))]
)
def test_the_admin_reads_a_date_day_first(it_centre, typed, stored):
    response = it_centre.post(
        "/admin/core/calendarday/add/", {"date": typed, "kind": "off", "reason": "Nghỉ bù"}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert CalendarDay.objects.get().date == stored


def test_the_admin_shows_a_date_day_first(it_centre):
    day = CalendarDay.objects.create(date=date(2026, 12, 7), kind="off", reason="Nghỉ bù")

    html = it_centre.get(f"/admin/core/calendarday/{day.pk}/change/").content.decode()

    assert 'value="07/12/2026"' in html


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_form_reads_dates_day_first_in_both_languages(language):
    from django import forms

    with translation.override(language):
        assert forms.DateField().clean("07/12/2026") == date(2026, 12, 7)
        with pytest.raises(forms.ValidationError):
            forms.DateField().clean("12/25/2026")


@pytest.mark.parametrize(
    "language, amount, shown",
    [
        ("vi", 200000, "200.000 đồng"),
        ("vi", 1234567, "1.234.567 đồng"),
        ("vi", 0, "0 đồng"),
        ("en", 200000, "200,000 VND"),
    ],
)
def test_money_is_grouped_by_thousands(language, amount, shown):
    template = Template("{% load money %}{{ amount|money }}|{{ amount|money:False }}")
    with translation.override(language):
        text = template.render(Context({"amount": amount}))
    assert text == f"{shown}|{shown.rsplit(' ', 1)[0]}"


def test_decimals_are_written_with_a_comma():
    with translation.override("vi"):
        assert Template("{{ x }}").render(Context({"x": 0.5})) == "0,5"


def _visible_text(html: str) -> str:
    """The page without its tags (attributes such as datetime="…" are for machines)."""
    return re.sub(r"<[^>]+>", " ", html)


def test_the_dossier_page_shows_no_iso_date(clock, procedure, commune, receiver):
    dossier = file_dossier(receiver, procedure, commune)
    dossier.form_data = {"ngay_sinh": "2026-11-20"}
    dossier.save(update_fields=["form_data"])
    procedure.form_schema = {
        "type": "object",
        "properties": {"ngay_sinh": {"type": "string", "format": "date", "title": "Ngày sinh"}},
    }
    procedure.save(update_fields=["form_schema"])

    html = office(receiver).get(f"/mot-cua/ho-so/{dossier.code}/").content.decode()

    assert "20/11/2026" in html
    assert not ISO_DATE.findall(_visible_text(html))


def test_the_report_page_shows_no_iso_date(
    client, api, receiver, specialist, approver, procedure, commune, clock
):
    resolve(api, receiver, specialist, approver, desk(api, receiver, procedure, commune))
    online(api, receiver, procedure, commune)
    run_effects()
    client.force_login(receiver)

    for url in ("/bao-cao/", "/bao-cao/thong-ke/"):
        html = client.get(url, {"from": "2026-11-01", "to": "2026-11-30"}).content.decode()
        assert not ISO_DATE.findall(_visible_text(html)), url


@pytest.mark.parametrize(
    "url",
    [
        "/admin/core/calendarday/",
        "/admin/axes/accessattempt/",
        "/admin/django_tasks_database/dbtaskresult/",
    ],
)
def test_the_admin_changelists_are_in_vietnamese(it_centre, url):
    html = it_centre.get(url).content.decode()

    for english in ("Show counts", "Hide counts", "Attempt Time", "IP Address", "Task name",
                    "Enqueued at", "Queue name", "Tasks Database Backend"):  # fmt: skip
        assert english not in html, (url, english)


def test_the_admin_calendar_speaks_vietnamese_and_reads_day_first(it_centre):
    script = it_centre.get("/admin/jsi18n/").content.decode()

    assert '"Sunday": "Ch\\u1ee7 nh\\u1eadt"' in script  # Chủ nhật, JSON-escaped
    assert re.search(r'"DATE_INPUT_FORMATS": \[\s*"%d/%m/%Y"', script)
