"""The timestamp connector gets an RFC 3161 token from the authority (its simulator over HTTP)."""

import hashlib

import pytest
from asn1crypto import cms

from motcua.integrations.connectors import ConnectorError
from motcua.integrations.connectors.timestamp import timestamp

DIGEST = hashlib.sha256("Giấy phép kinh doanh số 01/GP".encode()).digest()


@pytest.fixture
def tsa(settings, start_simulator, db):
    simulator = start_simulator("tsa")
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "timestamp": {"base_url": simulator.url, "timeout": 1},
    }
    return simulator


def test_a_token_over_the_digest_comes_back(tsa):
    token = cms.ContentInfo.load(timestamp(DIGEST))
    signed = token["content"]
    info = signed["encap_content_info"]["content"].parsed
    assert info["message_imprint"]["hashed_message"].native == DIGEST
    assert info["message_imprint"]["hash_algorithm"]["algorithm"].native == "sha256"
    assert len(signed["certificates"]) == 1


def test_only_a_sha256_digest_is_accepted(tsa):
    with pytest.raises(ValueError, match="SHA-256"):
        timestamp(hashlib.sha1(b"x").digest())


@pytest.mark.parametrize("mode", ["error", "garbage"])
def test_a_failing_authority_is_a_connector_error(tsa, mode):
    tsa.faults(mode)
    with pytest.raises(ConnectorError):
        timestamp(DIGEST)


def test_an_unreachable_authority_is_a_connector_error(tsa):
    tsa.stop()
    with pytest.raises(ConnectorError, match="Không kết nối được"):
        timestamp(DIGEST)
