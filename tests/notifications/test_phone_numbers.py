"""Vietnamese mobile numbers in every usual spelling become one form; others are not used."""

import pytest

from motcua.notifications.addresses import mask, normalise_email, normalise_phone


@pytest.mark.parametrize(
    "raw",
    ["0912345678", "+84912345678", "84912345678", "0912 345 678", "+84 (91) 234-5678"],
)
def test_spellings_of_one_mobile_number_are_equal(raw):
    assert normalise_phone(raw) == "84912345678"


@pytest.mark.parametrize(
    "raw", ["", "0241234567", "091234567", "09123456789", "+1 202 555 0100", "không có"]
)
def test_landlines_foreign_and_malformed_numbers_are_not_used(raw):
    assert normalise_phone(raw) is None


def test_new_mobile_prefixes_are_mobile():
    assert normalise_phone("0387654321") == "84387654321"  # 03x since the 2018 renumbering


def test_addresses_are_masked_in_lists():
    assert mask("84912345678") == "84912***678"
    assert mask("nhung@example.vn") == "n***@example.vn"
    assert normalise_email(" Nhung@Example.VN ") == "nhung@example.vn"
