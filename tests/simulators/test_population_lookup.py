"""The population-database simulator answers identity lookups like the national system."""

import re
from datetime import date

from motcua.simulators.citizens import CITIZENS
from tests.simulators.processes import call

NHUNG = "025190001234"


def test_known_citizen_is_found(population):
    reply = call("GET", f"{population.url}/api/v1/citizens/{NHUNG}", key=population.key)
    assert reply.status == 200
    assert reply.json() == {
        "id_number": NHUNG,
        "full_name": "Phạm Thị Hồng Nhung",
        "date_of_birth": "1990-03-14",
        "sex": "Nữ",
        "permanent_address": "Khu 3, xã Hy Cương, tỉnh Phú Thọ",
    }


def test_unknown_citizen_is_404(population):
    reply = call("GET", f"{population.url}/api/v1/citizens/025190999999", key=population.key)
    assert reply.status == 404
    assert reply.json()["error"] == "not_found"
    assert reply.json()["detail"]


def test_missing_or_wrong_key_is_401(population):
    url = f"{population.url}/api/v1/citizens/{NHUNG}"
    assert call("GET", url).status == 401
    assert call("GET", url, key="wrong").status == 401
    assert call("GET", url, headers={"Authorization": "Basic " + population.key}).status == 401


def test_malformed_id_is_400(population):
    for bad in ("12345", "02519000123x", "0251900012345"):
        reply = call("GET", f"{population.url}/api/v1/citizens/{bad}", key=population.key)
        assert reply.status == 400, bad
        assert reply.json()["error"] == "invalid_id_number"


def test_demo_citizens_follow_the_id_number_rule():
    """025 = Phú Thọ; 4th digit: sex and century; then the last two digits of the birth year."""
    assert len(CITIZENS) >= 20
    assert len({c["id_number"] for c in CITIZENS}) == len(CITIZENS)
    for citizen in CITIZENS:
        number = citizen["id_number"]
        assert re.fullmatch(r"025\d{9}", number), number
        born = date.fromisoformat(citizen["date_of_birth"])
        century = 0 if born.year < 2000 else 2
        female = citizen["sex"] == "Nữ"
        assert citizen["sex"] in ("Nam", "Nữ")
        assert int(number[3]) == century + female, number
        assert number[4:6] == f"{born.year % 100:02d}", number
        assert citizen["permanent_address"].endswith(", tỉnh Phú Thọ")
