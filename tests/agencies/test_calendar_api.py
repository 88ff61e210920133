"""The calendar API: `GET /api/v1/calendar/due/` and the overrides at `/api/v1/calendar/days/`."""

from datetime import datetime

import pytest

from motcua.core.audit import audit_verify
from motcua.core.calendar import LOCAL_TZ
from motcua.core.models import AuditEvent, CalendarDay

DUE_URL = "/api/v1/calendar/due/"
DAYS_URL = "/api/v1/calendar/days/"

pytestmark = pytest.mark.django_db


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LOCAL_TZ)


def due(client, start: str, working_days, agency: str | None = None) -> datetime:
    params = {"start": start, "working_days": str(working_days)}
    if agency:
        params["agency"] = agency
    response = client.get(DUE_URL, params)
    assert response.status_code == 200, response.json()
    return datetime.fromisoformat(response.json()["due"])


def assert_error(response, status: int, code: str | None = None, field: str | None = None):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"code", "detail", "fields"}
    assert isinstance(body["detail"], str)
    assert body["detail"]
    if code:
        assert body["code"] == code
    if field:
        assert field in body["fields"]
    return body


class TestDue:
    def test_anonymous_gets_the_due_time_by_the_default_hours(self, api):
        # Monday 16/11/2026 08:00 + 1 day = Tuesday 08:00.
        assert due(api(), "2026-11-16T08:00:00+07:00", 1) == at(2026, 11, 17, 8)
        # Friday 16:00 + 1 day: 1 h on Friday, 6.5 h on Monday → 16:00.
        assert due(api(), "2026-11-20T16:00:00+07:00", 1) == at(2026, 11, 23, 16)
        # 0.5 day from Monday 08:00: 3.5 h to 11:30, 15 min after lunch.
        assert due(api(), "2026-11-16T08:00:00+07:00", "0.5") == at(2026, 11, 16, 13, 45)

    def test_the_answer_is_in_local_time_with_its_offset(self, api):
        response = api().get(DUE_URL, {"start": "2026-11-16T01:00:00Z", "working_days": "1"})
        assert response.status_code == 200
        assert response.json() == {"due": "2026-11-17T08:00:00+07:00"}

    def test_a_start_without_offset_is_read_in_hanoi_time(self, api):
        assert due(api(), "2026-11-16T08:00:00", 1) == at(2026, 11, 17, 8)

    def test_holidays_are_skipped(self, api):
        # Friday 13/2/2026 10:00 + 2 days across Tết: 5 h Friday, 7.5 h Monday 23/2, 2.5 h
        # on Tuesday 24/2 → 10:00.
        assert due(api(), "2026-02-13T10:00:00+07:00", 2) == at(2026, 2, 24, 10)

    def test_the_agency_hours_and_saturday_morning_apply(self, api, commune):
        commune.work_periods = [["08:00", "12:00"], ["13:00", "17:00"]]
        commune.works_saturday_morning = True
        commune.save()
        # An 8 h day: 1 h on Friday, 4 h on Saturday morning, 3 h on Monday from 08:00 → 11:00.
        start = "2026-11-20T16:00:00+07:00"
        assert due(api(), start, 1, agency=commune.code) == at(2026, 11, 23, 11)
        assert due(api(), start, 1) == at(2026, 11, 23, 16)

    @pytest.mark.parametrize(
        ("params", "field"),
        [
            ({"start": "16/11/2026 08:00", "working_days": "1"}, "start"),
            ({"start": "2026-13-01T08:00:00+07:00", "working_days": "1"}, "start"),
            ({"start": "", "working_days": "1"}, "start"),
            ({"working_days": "1"}, "start"),
            ({"start": "2026-11-16T08:00:00+07:00", "working_days": "-1"}, "working_days"),
            ({"start": "2026-11-16T08:00:00+07:00", "working_days": "một"}, "working_days"),
            ({"start": "2026-11-16T08:00:00+07:00"}, "working_days"),
            (
                {"start": "2026-11-16T08:00:00+07:00", "working_days": "1", "agency": "H99"},
                "agency",
            ),
        ],
    )
    def test_bad_input_is_400_with_the_error_body(self, api, params, field):
        assert_error(api().get(DUE_URL, params), 400, code="invalid", field=field)

    @pytest.mark.parametrize(
        "params",
        [
            {"start": "2026-11-16T08:00:00+07:00", "working_days": "9999"},
            {"start": "9999-12-31T08:00:00+07:00", "working_days": "1"},
        ],
    )
    def test_a_due_time_beyond_the_calendar_is_refused_not_a_crash(self, api, params):
        assert_error(api().get(DUE_URL, params), 422, code="calendar_out_of_range")


class TestOverrides:
    def test_anyone_lists_the_overrides_in_date_order(self, api):
        CalendarDay.objects.create(date="2026-11-23", kind="work", reason="Làm bù")
        CalendarDay.objects.create(date="2026-11-17", kind="off", reason="Nghỉ bù")
        response = api().get(DAYS_URL)
        assert response.status_code == 200
        assert response.json() == [
            {"date": "2026-11-17", "kind": "off", "reason": "Nghỉ bù"},
            {"date": "2026-11-23", "kind": "work", "reason": "Làm bù"},
        ]

    def test_a_day_off_changes_the_next_due_time_at_once(
        self, api, admin_user, django_capture_on_commit_callbacks
    ):
        start = "2026-11-16T08:00:00+07:00"
        assert due(api(), start, 1) == at(2026, 11, 17, 8)  # the overrides are now cached
        with django_capture_on_commit_callbacks(execute=True):
            response = api(admin_user).post(
                DAYS_URL, {"date": "2026-11-17", "kind": "off", "reason": "Nghỉ bù"}, format="json"
            )
        assert response.status_code == 201
        assert response.json() == {"date": "2026-11-17", "kind": "off", "reason": "Nghỉ bù"}
        # Tuesday is off now: 7 h on Monday, the last 0.5 h on Wednesday.
        assert due(api(), start, 1) == at(2026, 11, 18, 8)

    def test_a_working_sunday_changes_the_next_due_time_at_once(
        self, api, admin_user, django_capture_on_commit_callbacks
    ):
        start = "2026-11-20T16:00:00+07:00"
        assert due(api(), start, 1) == at(2026, 11, 23, 16)
        with django_capture_on_commit_callbacks(execute=True):
            response = api(admin_user).post(
                DAYS_URL, {"date": "2026-11-22", "kind": "work", "reason": "Làm bù"}, format="json"
            )
        assert response.status_code == 201
        # 1 h on Friday, 6.5 h on Sunday 22/11 → 16:00.
        assert due(api(), start, 1) == at(2026, 11, 22, 16)

    def test_setting_a_date_again_replaces_the_override(
        self, api, admin_user, django_capture_on_commit_callbacks
    ):
        client = api(admin_user)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(DAYS_URL, {"date": "2026-11-17", "kind": "off", "reason": "a"}, "json")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                DAYS_URL, {"date": "2026-11-17", "kind": "work", "reason": "b"}, "json"
            )
        assert response.status_code == 201
        assert api().get(DAYS_URL).json() == [{"date": "2026-11-17", "kind": "work", "reason": "b"}]
        assert due(api(), "2026-11-16T08:00:00+07:00", 1) == at(2026, 11, 17, 8)

    def test_the_change_is_audited(self, api, admin_user):
        api(admin_user).post(
            DAYS_URL, {"date": "2026-11-17", "kind": "off", "reason": "Nghỉ bù"}, format="json"
        )
        event = AuditEvent.objects.get(action="calendar_day_set")
        assert (event.actor_id, event.object_id) == (admin_user.pk, "2026-11-17")
        assert event.data == {"kind": "off", "reason": "Nghỉ bù"}
        assert audit_verify()[1] is None

    def test_staff_who_are_not_administrators_are_refused(self, api, receiver):
        response = api(receiver).post(
            DAYS_URL, {"date": "2026-11-17", "kind": "off", "reason": "Nghỉ bù"}, format="json"
        )
        assert_error(response, 403, code="forbidden")
        assert not CalendarDay.objects.exists()

    def test_anonymous_is_refused(self, api):
        response = api().post(
            DAYS_URL, {"date": "2026-11-17", "kind": "off", "reason": "Nghỉ bù"}, format="json"
        )
        assert_error(response, 401)
        assert not CalendarDay.objects.exists()

    @pytest.mark.parametrize(
        ("body", "field"),
        [
            ({"date": "2026-11-17", "kind": "holiday", "reason": "x"}, "kind"),
            ({"date": "17/11/2026", "kind": "off", "reason": "x"}, "date"),
            ({"date": "2026-11-17", "kind": "off"}, "reason"),
        ],
    )
    def test_invalid_overrides_are_400(self, api, admin_user, body, field):
        response = api(admin_user).post(DAYS_URL, body, format="json")
        assert_error(response, 400, code="invalid", field=field)
        assert not CalendarDay.objects.exists()
