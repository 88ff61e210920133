"""The IT centre's administration site: in Vietnamese, in the brand colour, every model usable."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from motcua.agencies.models import StaffRole
from motcua.core.models import CalendarDay


@pytest.fixture
def it_centre(db):
    user = get_user_model().objects.create_superuser("quantri-tt", "qt@example.vn", "x")
    client = Client()
    client.force_login(user)
    return client


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
