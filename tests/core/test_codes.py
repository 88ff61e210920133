"""Agency identifier codes (Quyết định 20/2020/QĐ-TTg) and dossier codes (Thông tư 03/2025)."""

from datetime import date

import pytest

from motcua.core.codes import (
    DossierCode,
    agency_code_error,
    format_dossier_code,
    is_legacy_agency_code,
    parse_dossier_code,
)


@pytest.mark.parametrize(
    "code",
    [
        "H44",  # a province (Phú Thọ)
        "G18",  # a central body (Ministry of Health)
        "H21.17",  # a department under a province
        "H01.189",  # a commune or ward
        "H15.50.05.13",  # deeper units add groups
        "H44.189.01",
    ],
)
def test_current_form_is_valid(code):
    assert agency_code_error(code) is None
    assert not is_legacy_agency_code(code)


@pytest.mark.parametrize(
    "code",
    [
        "000.00.00.H62",  # the provincial people's committee
        "000.00.22.H62",  # a level-2 unit
        "000.23.22.H62",  # a level-3 unit under it
        "123.23.22.H62",  # a level-4 unit
    ],
)
def test_legacy_form_is_valid(code):
    assert agency_code_error(code) is None
    assert is_legacy_agency_code(code)


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("", id="empty"),
        pytest.param("h44", id="lower-case"),
        pytest.param("H44.189a", id="lower-case-group"),
        pytest.param("000.00.22.h62", id="lower-case-legacy"),
        pytest.param("H4", id="one-digit-level-1"),
        pytest.param("H444", id="three-digit-level-1"),
        pytest.param("X.1", id="letter-alone"),
        pytest.param("44.189", id="no-letter"),
        pytest.param("H44.", id="empty-trailing-group"),
        pytest.param("H44..189", id="empty-middle-group"),
        pytest.param("H44-189", id="hyphen"),
        pytest.param(" H44", id="leading-space"),
        pytest.param("H44\n", id="trailing-newline"),
        pytest.param("000.00.22.H62\n", id="legacy-trailing-newline"),
        pytest.param("000.23.00.H62", id="legacy-lower-level-under-a-zero"),
        pytest.param("001.00.22.H62", id="legacy-level-4-under-a-zero-level-3"),
        pytest.param("00.00.22.H62", id="legacy-short-group"),
        pytest.param("H44" + ".1234" * 6 + ".12", id="36-characters"),
    ],
)
def test_invalid_codes_are_refused_with_a_reason(code):
    error = agency_code_error(code)
    assert isinstance(error, str)
    assert error


def test_length_limit_is_35_characters():
    at_limit = "H44" + ".1234" * 6 + ".1"  # 3 + 6 * 5 + 2 = 35
    assert len(at_limit) == 35
    assert agency_code_error(at_limit) is None
    assert agency_code_error(at_limit + "3") is not None


class TestDossierCode:
    def test_format_pads_the_sequence_to_four_digits(self):
        assert format_dossier_code("H44.189", date(2026, 11, 22), 1) == "H44.189-261122-0001"
        assert format_dossier_code("H44.189", date(2026, 11, 22), 12345) == "H44.189-261122-12345"

    def test_format_with_a_legacy_agency_code(self):
        code = format_dossier_code("000.00.22.H62", date(2026, 11, 22), 1)
        assert code == "000.00.22.H62-261122-0001"

    @pytest.mark.parametrize(
        ("code", "agency", "day", "sequence"),
        [
            ("H44.189-261122-0001", "H44.189", date(2026, 11, 22), "0001"),
            ("000.00.22.H62-261122-0001", "000.00.22.H62", date(2026, 11, 22), "0001"),
            # a ministry's central system: a two-digit owner prefix before the sequence
            ("H44.189-261122-180042", "H44.189", date(2026, 11, 22), "180042"),
            ("G18-240229-0007", "G18", date(2024, 2, 29), "0007"),
        ],
    )
    def test_parse(self, code, agency, day, sequence):
        parsed = parse_dossier_code(code)
        assert parsed == DossierCode(agency, day, sequence)
        assert str(parsed) == code

    @pytest.mark.parametrize(
        "code",
        [
            pytest.param("H44.189-261322-0001", id="month-13"),
            pytest.param("H44.189-260230-0001", id="30-february"),
            pytest.param("H44.189-250229-0001", id="29-february-2025"),
            pytest.param("H44.189-261100-0001", id="day-0"),
            pytest.param("H44.189-26112-0001", id="five-digit-date"),
            pytest.param("H44.189-261122-001", id="short-sequence"),
            pytest.param("H44.189-261122-00a1", id="letter-in-sequence"),
            pytest.param("h44.189-261122-0001", id="lower-case-agency"),
            pytest.param("000.23.00.H62-261122-0001", id="invalid-legacy-agency"),
            pytest.param("H4-261122-0001", id="invalid-agency"),
            pytest.param("-261122-0001", id="no-agency"),
            pytest.param("H44.189-261122-0001\n", id="trailing-newline"),
            pytest.param("H44.189-261122-0001-2", id="extra-part"),
            pytest.param("", id="empty"),
        ],
    )
    def test_parse_refuses_malformed_codes(self, code):
        assert parse_dossier_code(code) is None

    def test_format_then_parse_round_trips(self):
        code = format_dossier_code("H15.50.05.13", date(2027, 1, 5), 42)
        assert parse_dossier_code(code) == DossierCode("H15.50.05.13", date(2027, 1, 5), "0042")
