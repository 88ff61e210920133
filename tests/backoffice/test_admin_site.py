"""The IT centre's administration site: in Vietnamese, in the brand colour, every model usable."""

import re

import pytest
from django.contrib.auth import get_user_model

from motcua.agencies.models import StaffRole
from motcua.catalog.models import ProcessStep
from motcua.core.models import AuditEvent, CalendarDay


def test_the_index_is_titled_in_vietnamese_in_the_brand_colour(it_centre):
    html = it_centre.get("/admin/").content.decode()
    assert "Quản trị hệ thống Một Cửa" in html
    assert "--primary: #a3161a" in html
    for section in ("Cơ quan, đơn vị", "Thủ tục hành chính", "Vai trò cán bộ", "Lịch điều chỉnh"):
        assert section in html, section


@pytest.mark.parametrize(
    "url",
    [
        "/admin/agencies/agency/",
        "/admin/agencies/agency/add/",
        "/admin/agencies/staffrole/",
        "/admin/agencies/staffrole/add/",
        "/admin/catalog/procedure/",
        "/admin/catalog/procedure/add/",
        "/admin/core/calendarday/add/",
        "/admin/auth/user/",
    ],
)
def test_each_page_opens(it_centre, procedure, receiver, url):
    assert it_centre.get(url).status_code == 200


def test_a_procedure_edits_its_fees_documents_and_steps_inline(it_centre, procedure):
    html = it_centre.get(f"/admin/catalog/procedure/{procedure.pk}/change/").content.decode()
    for heading in ("Phí, lệ phí", "Thành phần hồ sơ", "Quy trình nội bộ"):
        assert heading in html, heading


def test_a_staff_members_roles_are_edited_on_their_user_page(it_centre, receiver):
    html = it_centre.get(f"/admin/auth/user/{receiver.pk}/change/").content.decode()
    assert "Vai trò cán bộ" in html


def test_a_role_and_a_calendar_override_are_added(it_centre, commune, db):
    officer = get_user_model().objects.create_user("moi", password="x")
    response = it_centre.post(
        "/admin/agencies/staffrole/add/",
        {"user": officer.pk, "agency": commune.pk, "role": "receiver"},
    )
    assert response.status_code == 302, response.content
    assert StaffRole.objects.filter(user=officer, role="receiver").exists()
    response = it_centre.post(
        "/admin/core/calendarday/add/", {"date": "2026-12-31", "kind": "off", "reason": "Nghỉ bù"}
    )
    assert response.status_code == 302
    assert CalendarDay.objects.filter(reason="Nghỉ bù").exists()


def test_roles_changed_in_the_admin_go_through_the_staff_services(it_centre, commune, receiver):
    """Granting, editing on the user page and taking away a role are each audited."""
    officer = get_user_model().objects.create_user("moi", password="x")
    it_centre.post(
        "/admin/agencies/staffrole/add/",
        {"user": officer.pk, "agency": commune.pk, "role": "specialist"},
    )
    granted = AuditEvent.objects.get(action="staff_role_grant", object_id="moi")
    assert granted.data == {"agency": commune.code, "role": "specialist"}
    held = StaffRole.objects.get(user=officer)
    it_centre.post(f"/admin/agencies/staffrole/{held.pk}/delete/", {"post": "yes"})
    assert not StaffRole.objects.filter(user=officer).exists()
    assert AuditEvent.objects.filter(action="staff_role_revoke", object_id="moi").exists()


def test_a_role_is_not_edited_in_place(it_centre, receiver):
    held = StaffRole.objects.get(user=receiver)
    page = it_centre.get(f"/admin/agencies/staffrole/{held.pk}/change/")
    assert page.status_code == 200
    assert 'name="role"' not in page.content.decode()  # shown, not editable


def test_the_user_page_inline_grants_through_the_service(it_centre, commune, receiver):
    page = it_centre.get(f"/admin/auth/user/{receiver.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        {
            "username": receiver.username,
            "date_joined_0": "2026-11-16",
            "date_joined_1": "08:00:00",
            "staff_roles-TOTAL_FORMS": "2",
            "staff_roles-INITIAL_FORMS": "1",
            "staff_roles-0-id": StaffRole.objects.get(user=receiver).pk,
            "staff_roles-0-user": receiver.pk,
            "staff_roles-0-agency": commune.pk,
            "staff_roles-0-role": "receiver",
            "staff_roles-1-user": receiver.pk,
            "staff_roles-1-agency": commune.pk,
            "staff_roles-1-role": "clerk",
        }
    )
    response = it_centre.post(f"/admin/auth/user/{receiver.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert set(StaffRole.objects.filter(user=receiver).values_list("role", flat=True)) == {
        "receiver",
        "clerk",
    }
    assert AuditEvent.objects.filter(action="staff_role_grant", data__role="clerk").exists()


def test_calendar_overrides_in_the_admin_are_audited(it_centre, db):
    it_centre.post(
        "/admin/core/calendarday/add/", {"date": "2026-12-31", "kind": "off", "reason": "Nghỉ bù"}
    )
    day = CalendarDay.objects.get(reason="Nghỉ bù")
    assert AuditEvent.objects.filter(action="calendar_day_set", object_id="2026-12-31").exists()
    it_centre.post(f"/admin/core/calendarday/{day.pk}/delete/", {"post": "yes"})
    assert not CalendarDay.objects.exists()
    assert AuditEvent.objects.filter(action="calendar_day_delete", object_id="2026-12-31").exists()


def _step_rows(procedure) -> dict:
    rows = list(ProcessStep.objects.filter(procedure=procedure).order_by("agency", "order"))
    data = {"steps_set-TOTAL_FORMS": str(len(rows)), "steps_set-INITIAL_FORMS": str(len(rows))}
    for i, step in enumerate(rows):
        data.update({f"steps_set-{i}-{k}": v for k, v in {
            "id": step.pk, "procedure": procedure.pk, "agency": step.agency_id,
            "order": step.order, "name": step.name, "role": step.role, "unit": step.unit_id,
            "days": step.days,
        }.items()})  # fmt: skip
    return data


def _procedure_form(it_centre, procedure) -> dict:
    """What the admin's change page of `procedure` posts back when nothing is edited."""
    page = it_centre.get(f"/admin/catalog/procedure/{procedure.pk}/change/")
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data = {}
    for form in forms:
        for name in form.fields:
            bound = form[name]
            value = bound.field.prepare_value(bound.value())
            if value is not None and value is not False:
                data[bound.html_name] = value
    return data


def test_process_steps_edited_in_the_admin_go_through_the_catalogue_service(
    it_centre, procedure, commune
):
    data = _procedure_form(it_centre, procedure)
    data.update(_step_rows(procedure))
    data["steps_set-1-days"] = "1"  # Thẩm định: 1.5 → 1 day
    response = it_centre.post(f"/admin/catalog/procedure/{procedure.pk}/change/", data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    days = list(ProcessStep.objects.filter(procedure=procedure).values_list("days", flat=True))
    assert [str(d) for d in days] == ["0.50", "1.00", "0.50"]
    event = AuditEvent.objects.get(action="process_set")
    assert event.data == {"agency": commune.code, "steps": 3}


def test_a_process_longer_than_the_procedure_is_refused_in_the_admin(it_centre, procedure):
    data = _procedure_form(it_centre, procedure)
    data.update(_step_rows(procedure))
    data["steps_set-1-days"] = "99"
    response = it_centre.post(f"/admin/catalog/procedure/{procedure.pk}/change/", data, follow=True)
    assert "chưa được lưu" in response.content.decode()
    days = list(ProcessStep.objects.filter(procedure=procedure).values_list("days", flat=True))
    assert "99" not in [str(int(d)) for d in days]
    assert not AuditEvent.objects.filter(action="process_set").exists()


def test_an_override_moved_to_another_date_replaces_the_old_one(it_centre, db):
    it_centre.post(
        "/admin/core/calendarday/add/", {"date": "31/12/2026", "kind": "off", "reason": "Nghỉ bù"}
    )
    day = CalendarDay.objects.get()
    it_centre.post(
        f"/admin/core/calendarday/{day.pk}/change/",
        {"date": "02/01/2027", "kind": "off", "reason": "Nghỉ bù"},
    )
    assert [str(d) for d in CalendarDay.objects.values_list("date", flat=True)] == ["2027-01-02"]
    assert AuditEvent.objects.filter(action="calendar_day_delete", object_id="2026-12-31").exists()


@pytest.mark.parametrize(
    "url, english",
    [
        ("/admin/agencies/staffrole/", ["User", "Agency"]),
        ("/admin/agencies/agency/", ["Parent"]),
        ("/admin/catalog/procedure/", ["Field"]),
        ("/admin/integrations/exchange/", ["Dossier", "Updated at"]),
        ("/admin/notifications/notification/", ["Dossier"]),
    ],
)
def test_column_headings_are_vietnamese(it_centre, receiver, procedure, url, english):
    html = it_centre.get(url).content.decode()
    headings = re.findall(r'<th scope="col"[^>]*>.*?<a [^>]*>([^<]+)</a>', html, re.S)
    assert headings, url
    for word in english:
        assert word not in headings, (url, headings)
