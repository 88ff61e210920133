"""The public catalogue: search ignoring diacritics, browse by field/agency/level, one procedure."""

import pytest
from django.test import Client

from motcua.catalog.models import Field
from tests.factories import make_procedure


@pytest.fixture
def catalogue(procedure, department):
    land = Field.objects.create(code="DD", name="Đất đai")
    other = make_procedure("2.000001", "Cấp phiếu lý lịch tư pháp", agencies=[department])
    other.field = land
    other.online_level = "info"
    other.save()
    return procedure, other


def names(page) -> list[str]:
    return [p.name for p in page.context["page"]]


def test_search_ignores_diacritics_and_case(catalogue):
    assert names(Client().get("/", {"q": "dang ky KHAI sinh"})) == ["Đăng ký khai sinh"]
    assert names(Client().get("/", {"q": "1.001193"})) == ["Đăng ký khai sinh"]
    assert names(Client().get("/", {"q": "không có"})) == []


def test_browse_by_field_agency_and_level(catalogue, commune):
    assert names(Client().get("/", {"field": "DD"})) == ["Cấp phiếu lý lịch tư pháp"]
    assert names(Client().get("/", {"agency": commune.code})) == ["Đăng ký khai sinh"]
    assert names(Client().get("/", {"level": "province"})) == ["Cấp phiếu lý lịch tư pháp"]
    assert names(Client().get("/", {"level": "commune"})) == ["Đăng ký khai sinh"]
    assert len(names(Client().get("/"))) == 2


def test_as_you_type_gets_only_the_results(catalogue):
    page = Client().get("/", {"q": "khai sinh", "fragment": "1"})
    html = page.content.decode()
    assert "Đăng ký khai sinh" in html and "<html" not in html


def test_the_procedure_page_shows_documents_fees_time_and_the_online_filing(catalogue):
    page = Client().get("/thu-tuc/1.001193/")
    html = page.content.decode()
    for text in ("Tờ khai đăng ký khai sinh", "Lệ phí: 8.000 đồng", "3 ngày làm việc",
                 "UBND xã Hy Cương", "Nộp hồ sơ trực tuyến", "/nop-ho-so/1.001193/"):  # fmt: skip
        assert text in html


def test_an_information_only_procedure_offers_no_online_filing(catalogue):
    html = Client().get("/thu-tuc/2.000001/").content.decode()
    assert "/nop-ho-so/" not in html and "chưa cung cấp dịch vụ công trực tuyến" in html
    assert Client().get("/nop-ho-so/2.000001/").status_code == 302  # to the sign-in first


def test_an_unknown_procedure_is_404(db):
    assert Client().get("/thu-tuc/9.999999/").status_code == 404
