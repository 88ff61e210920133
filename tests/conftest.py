"""Shared fixtures: a province with two communes and a department, staff of each, a procedure."""

from datetime import datetime, timedelta
from unittest.mock import patch

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from motcua.core.calendar import LOCAL_TZ
from tests.factories import (
    BIRTH_FORM_SCHEMA,
    make_agency,
    make_citizen,
    make_procedure,
    make_process,
    make_staff,
)
from tests.simulators.processes import population, portal, start_simulator  # noqa: F401


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and generated files go to a directory of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Passwords hashed cheaply: the production hasher's cost is for attackers, not tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def province(db):
    return make_agency("H44", "UBND tỉnh Phú Thọ", "province")


@pytest.fixture
def commune(province):
    return make_agency("H44.189", "UBND xã Hy Cương", "commune", province, is_one_stop=True)


@pytest.fixture
def other_commune(province):
    return make_agency("H44.190", "UBND phường Vân Phú", "commune", province, is_one_stop=True)


@pytest.fixture
def department(province):
    return make_agency("H44.17", "Sở Tư pháp", "department", province)


@pytest.fixture
def receiver(commune):
    return make_staff("tiepnhan", commune, "receiver", full_name="Nguyễn Thị Tiếp")


@pytest.fixture
def specialist(commune):
    return make_staff("chuyenvien", commune, "specialist", full_name="Trần Văn Chuyên")


@pytest.fixture
def approver(commune):
    return make_staff("lanhdao", commune, "approver", full_name="Lê Văn Lãnh")


@pytest.fixture
def other_receiver(other_commune):
    return make_staff("tiepnhan2", other_commune, "receiver")


@pytest.fixture
def admin_user(province):
    return make_staff("quantri", province, "admin", full_name="Quản Trị")


@pytest.fixture
def procedure(commune, other_commune):
    proc = make_procedure(agencies=[commune, other_commune], fees=[("Lệ phí", 8000)])
    make_process(
        proc,
        commune,
        [
            ("Tiếp nhận hồ sơ", "receiver", commune, "0.5"),
            ("Thẩm định", "specialist", commune, "1.5"),
            ("Phê duyệt", "approver", commune, "0.5"),
        ],
    )
    return proc


@pytest.fixture
def online_procedure(procedure):
    """The procedure with its online form (tờ khai) as a JSON Schema."""
    procedure.form_schema = BIRTH_FORM_SCHEMA
    procedure.save(update_fields=["form_schema"])
    return procedure


@pytest.fixture
def it_centre(db) -> Client:
    """The provincial IT centre in the administration site: a superuser, pages in Vietnamese."""
    user = get_user_model().objects.create_superuser("quantri-tt", "qt@example.vn", "x")
    client = Client(HTTP_ACCEPT_LANGUAGE="vi")
    client.force_login(user)
    return client


@pytest.fixture
def api():
    def client_for(user=None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.force_authenticate(user)
        return client

    return client_for


class Clock:
    """The current time as the services see it, moved by the test."""

    def __init__(self, start):
        self.now = start

    def set(self, when) -> None:
        self.now = when

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    """Freeze django.utils.timezone.now at Monday 16 Nov 2026, 08:00 in Hà Nội time."""
    frozen = Clock(datetime(2026, 11, 16, 8, 0, tzinfo=LOCAL_TZ))
    with patch("django.utils.timezone.now", lambda: frozen.now):
        yield frozen


@pytest.fixture
def citizen(db):
    """The applicant of tests.dossiers.helpers.submit, signed in through VNeID."""
    return make_citizen()


@pytest.fixture
def other_citizen(db):
    return make_citizen("001085000777", "Đỗ Minh Quân")


@pytest.fixture
def no_messages(db):
    """Messages to applicants switched off, for tests about the other outside systems."""
    from motcua.notifications.models import MessageTemplate

    MessageTemplate.objects.update(is_active=False)


# The fee lines of Cấp Phiếu lý lịch tư pháp (2.000488), with an optional delivery service.
RECORD_FEES = [
    ("Phí cung cấp thông tin lý lịch tư pháp", 200000),
    ("Phí cấp từ Phiếu thứ 3 trở đi", 5000, "per_extra_copy", 2),
    ("Phí dịch vụ chuyển phát kết quả", 30000, "chosen"),
]


@pytest.fixture
def record_procedure(commune):
    """A procedure charged 200 000 đồng, 5 000 more per Phiếu from the 3rd, 30 000 if chosen."""
    return make_procedure(
        "2.000488", "Cấp Phiếu lý lịch tư pháp", agencies=[commune], fees=RECORD_FEES
    )
