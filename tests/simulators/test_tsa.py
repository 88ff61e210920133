"""The timestamp authority answers RFC 3161 requests with tokens a verifier can check."""

import hashlib
import secrets
import shutil
import subprocess
import urllib.error
import urllib.request

import pytest
from asn1crypto import cms, tsp
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.oid import ExtendedKeyUsageOID

from motcua.core.rfc3161 import TimeStampResp
from motcua.simulators.tsa import POLICY
from tests.simulators.processes import call

DOCUMENT = "Quyết định cấp giấy phép xây dựng số 123/QĐ-UBND".encode()


@pytest.fixture
def tsa(start_simulator):
    return start_simulator("tsa")


def timestamp_request(digest=None, algorithm="sha256", nonce=None, cert_req=True, **fields):
    request = {
        "version": "v1",
        "message_imprint": {
            "hash_algorithm": {"algorithm": algorithm},
            "hashed_message": hashlib.sha256(DOCUMENT).digest() if digest is None else digest,
        },
        "nonce": secrets.randbits(63) if nonce is None else nonce,
        "cert_req": cert_req,
        **fields,
    }
    return tsp.TimeStampReq(request)


def post(url, der, content_type="application/timestamp-query"):
    """POST a DER body; (status, content type, body)."""
    request = urllib.request.Request(url, data=der, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def ask(tsa, der, path="/"):
    status, content_type, body = post(tsa.url + path, der)
    assert (status, content_type) == (200, "application/timestamp-reply"), body
    return TimeStampResp.load(body)


def signed_data(response):
    assert response["status"]["status"].native == "granted"
    token = response["time_stamp_token"]
    assert token["content_type"].native == "signed_data"
    return token["content"]


def tst_info(response):
    return signed_data(response)["encap_content_info"]["content"].parsed


def verify_signature(data, certificate):
    """Check the token as a verifier would: content digest, signed attributes, signature."""
    encap = data["encap_content_info"]
    assert encap["content_type"].native == "tst_info"
    signer = data["signer_infos"][0]
    attrs = {attr["type"].native: attr["values"][0] for attr in signer["signed_attrs"]}
    assert attrs["content_type"].native == "tst_info"
    assert attrs["message_digest"].native == hashlib.sha256(encap["content"].contents).digest()
    cert_hash = attrs["signing_certificate_v2"]["certs"][0]["cert_hash"].native
    assert cert_hash == hashlib.sha256(certificate.public_bytes(Encoding.DER)).digest()
    sid = signer["sid"].chosen
    assert sid["serial_number"].native == certificate.serial_number
    certificate.public_key().verify(
        signer["signature"].native,
        signer["signed_attrs"].untag().dump(),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )


def test_a_granted_token_verifies_against_the_tsa_certificate(tsa):
    request = timestamp_request()
    response = ask(tsa, request.dump())
    certificate = x509.load_pem_x509_certificate(call("GET", f"{tsa.url}/certificate").body)
    data = signed_data(response)
    verify_signature(data, certificate)

    info = tst_info(response)
    assert info["message_imprint"].native == request["message_imprint"].native
    assert info["nonce"].native == request["nonce"].native
    assert info["policy"].native == POLICY
    assert info["gen_time"].native is not None
    included = data["certificates"][0].chosen
    assert included.dump() == certificate.public_bytes(Encoding.DER)


def test_the_tsa_certificate_is_for_timestamping_only(tsa):
    certificate = x509.load_pem_x509_certificate(call("GET", f"{tsa.url}/certificate").body)
    usage = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage)
    assert usage.critical
    assert list(usage.value) == [ExtendedKeyUsageOID.TIME_STAMPING]


def test_a_forged_token_fails_verification(tsa):
    response = ask(tsa, timestamp_request().dump())
    certificate = x509.load_pem_x509_certificate(call("GET", f"{tsa.url}/certificate").body)
    data = signed_data(response)
    signature = bytearray(data["signer_infos"][0]["signature"].native)
    signature[-1] ^= 1
    data["signer_infos"][0]["signature"] = bytes(signature)
    with pytest.raises(InvalidSignature):
        verify_signature(data, certificate)


def test_every_token_has_its_own_serial_number_and_the_cert_only_on_request(tsa):
    first = ask(tsa, timestamp_request(cert_req=False).dump())
    second = ask(tsa, timestamp_request(cert_req=False).dump(), path="/tsa")
    assert tst_info(first)["serial_number"].native != tst_info(second)["serial_number"].native
    assert signed_data(first)["certificates"].native is None


def test_a_request_without_nonce_gets_a_token_without_nonce(tsa):
    request = tsp.TimeStampReq(
        {k: v for k, v in timestamp_request().native.items() if k != "nonce"}
    )
    assert tst_info(ask(tsa, request.dump()))["nonce"].native is None


@pytest.mark.parametrize(
    ("der", "fail_info"),
    [
        (b"not a timestamp request", "bad_data_format"),
        (timestamp_request().dump()[:-3], "bad_data_format"),
        (timestamp_request(algorithm="md5", digest=b"\0" * 16).dump(), "bad_alg"),
        (timestamp_request(algorithm="sha1", digest=b"\0" * 20).dump(), "bad_alg"),
        (timestamp_request(digest=b"\0" * 20).dump(), "bad_data_format"),
        (timestamp_request(req_policy="1.2.3.4").dump(), "unaccepted_policy"),
    ],
    ids=["garbage", "truncated", "md5", "sha1", "short-imprint", "foreign-policy"],
)
def test_a_request_that_cannot_be_honoured_is_rejected(tsa, der, fail_info):
    response = ask(tsa, der)
    status = response["status"]
    assert status["status"].native == "rejection"
    assert status["fail_info"].native == {fail_info}
    assert status["status_string"].native
    assert response["time_stamp_token"].native is None


def test_a_request_needs_the_timestamp_query_content_type(tsa):
    status, _, _ = post(tsa.url + "/", timestamp_request().dump(), "application/octet-stream")
    assert status == 415


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
def test_openssl_verifies_the_token(tsa, tmp_path):
    (tmp_path / "reply.tsr").write_bytes(ask(tsa, timestamp_request().dump()).dump())
    (tmp_path / "tsa.pem").write_bytes(call("GET", f"{tsa.url}/certificate").body)
    result = subprocess.run(
        [
            "openssl",
            "ts",
            "-verify",
            "-digest",
            hashlib.sha256(DOCUMENT).hexdigest(),
            "-in",
            str(tmp_path / "reply.tsr"),
            "-CAfile",
            str(tmp_path / "tsa.pem"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Verification: OK" in result.stdout, result.stdout + result.stderr


def test_cms_content_info_of_the_token_is_standard(tsa):
    """The token parses with asn1crypto's own ContentInfo: nothing of ours needed to read it."""
    response = ask(tsa, timestamp_request().dump())
    token = cms.ContentInfo.load(response["time_stamp_token"].dump())
    assert token["content"]["encap_content_info"]["content"].parsed["version"].native == "v1"
