"""Simulator of an RFC 3161 timestamp authority (dịch vụ cấp dấu thời gian).

`POST /` (or `/tsa`) with `Content-Type: application/timestamp-query` and a DER TimeStampReq
answers `application/timestamp-reply`: a TimeStampResp whose token is a CMS SignedData over a
TSTInfo (our own policy OID, a fresh serial number, genTime, the request's imprint and nonce),
with the TSA certificate included when the request asks (`certReq`). A request that cannot be
honoured gets a TimeStampResp with status `rejection` and a failInfo. `GET /certificate` gives the
certificate (PEM) for verifiers. Key and certificate are made at start, or read from
`MOTCUA_SIM_TSA_KEY_FILE` / `MOTCUA_SIM_TSA_CERT_FILE`.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import sys
import uuid

from asn1crypto import algos, cms, core, tsp, x509
from cryptography import x509 as cx509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from motcua.core.rfc3161 import TimeStampResp
from motcua.simulators.base import App, Request, Response, error_response
from motcua.simulators.keys import signing_key

NAME = "tsa"
DEFAULT_PORT = 8107
PORT_ENV = "MOTCUA_SIM_TSA_PORT"
KEY_FILE_ENV = "MOTCUA_SIM_TSA_KEY_FILE"
CERT_FILE_ENV = "MOTCUA_SIM_TSA_CERT_FILE"
QUERY_TYPE = "application/timestamp-query"
REPLY_TYPE = "application/timestamp-reply"
# A UUID-based OID (ITU-T X.667, arc 2.25) needs no registration: the policy of this simulator.
POLICY = "2.25.147092853462316338786113416216858374181"
# Imprint hash algorithms accepted, with their digest length in bytes.
DIGEST_SIZES = {"sha256": 32, "sha384": 48, "sha512": 64}
CERT_VALIDITY = datetime.timedelta(days=5 * 365)


class Rejected(Exception):
    """A request refused with a PKIFailureInfo bit (RFC 3161 §2.4.2)."""

    def __init__(self, fail_info: str, text: str) -> None:
        super().__init__(text)
        self.fail_info = fail_info
        self.text = text


def make_certificate(key: rsa.RSAPrivateKey) -> cx509.Certificate:
    """A self-signed TSA certificate for `key`: extended key usage timeStamping, critical."""
    name = cx509.Name(
        [
            cx509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            cx509.NameAttribute(NameOID.ORGANIZATION_NAME, "Một Cửa (giả lập)"),
            cx509.NameAttribute(NameOID.COMMON_NAME, "Dịch vụ cấp dấu thời gian giả lập"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    public = key.public_key()
    return (
        cx509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(cx509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + CERT_VALIDITY)
        .add_extension(cx509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            cx509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(cx509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(cx509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )


def load_certificate(key: rsa.RSAPrivateKey) -> cx509.Certificate:
    """The certificate in `MOTCUA_SIM_TSA_CERT_FILE` (it must certify `key`), or a new one."""
    path = os.environ.get(CERT_FILE_ENV, "").strip()
    if not path:
        return make_certificate(key)
    try:
        with open(path, "rb") as file:
            certificate = cx509.load_pem_x509_certificate(file.read())
    except (OSError, ValueError) as error:
        sys.exit(f"{CERT_FILE_ENV}: cannot read a PEM certificate from {path}: {error}")
    if certificate.public_key() != key.public_key():
        sys.exit(f"{CERT_FILE_ENV}: {path} does not certify the TSA key")
    return certificate


def parse_request(der: bytes) -> tsp.TimeStampReq:
    """The checked TimeStampReq; Rejected when it is malformed or asks what we do not offer."""
    try:
        request = tsp.TimeStampReq.load(der, strict=True)
        native = request.native
    except (ValueError, TypeError) as error:
        raise Rejected("bad_data_format", "Yêu cầu không phải là TimeStampReq dạng DER.") from error
    if native["version"] != "v1":
        raise Rejected("bad_request", "Chỉ hỗ trợ yêu cầu phiên bản 1.")
    imprint = native["message_imprint"]
    algorithm = imprint["hash_algorithm"]["algorithm"]
    if algorithm not in DIGEST_SIZES:
        raise Rejected("bad_alg", f"Không hỗ trợ thuật toán băm {algorithm}.")
    if len(imprint["hashed_message"]) != DIGEST_SIZES[algorithm]:
        raise Rejected("bad_data_format", "Độ dài giá trị băm không khớp thuật toán băm.")
    if native["req_policy"] not in (None, POLICY):
        raise Rejected("unaccepted_policy", "Chỉ cấp dấu thời gian theo chính sách của đơn vị này.")
    if native["extensions"]:
        raise Rejected("unaccepted_extensions", "Không hỗ trợ phần mở rộng trong yêu cầu.")
    return request


def rejection(error: Rejected) -> TimeStampResp:
    status = {"status": "rejection", "status_string": [error.text], "fail_info": {error.fail_info}}
    return TimeStampResp({"status": status})


class Authority:
    """Signs timestamp tokens with its key and certificate."""

    def __init__(self, key: rsa.RSAPrivateKey, certificate: cx509.Certificate) -> None:
        self.key = key
        self.certificate = certificate
        self.cert_der = certificate.public_bytes(serialization.Encoding.DER)
        self.asn1_cert = x509.Certificate.load(self.cert_der)

    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    def answer(self, der: bytes) -> TimeStampResp:
        """The reply to a DER TimeStampReq: granted with a token, or rejected."""
        try:
            request = parse_request(der)
        except Rejected as error:
            return rejection(error)
        token = self.token(request, datetime.datetime.now(datetime.UTC))
        return TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token})

    def token(self, request: tsp.TimeStampReq, now: datetime.datetime) -> cms.ContentInfo:
        info = {
            "version": "v1",
            "policy": POLICY,
            "message_imprint": request["message_imprint"],
            "serial_number": uuid.uuid4().int,
            "gen_time": now.replace(microsecond=0),
            "accuracy": {"seconds": 1},
        }
        if request["nonce"].native is not None:
            info["nonce"] = request["nonce"]
        tst_info = tsp.TSTInfo(info)
        signed_attrs = cms.CMSAttributes(
            [
                {"type": "content_type", "values": ["tst_info"]},
                {"type": "message_digest", "values": [hashlib.sha256(tst_info.dump()).digest()]},
                {
                    "type": "signing_certificate_v2",
                    "values": [{"certs": [{"cert_hash": hashlib.sha256(self.cert_der).digest()}]}],
                },
            ]
        )
        signature = self.key.sign(signed_attrs.dump(), padding.PKCS1v15(), hashes.SHA256())
        issuer_serial = {
            "issuer": self.asn1_cert.issuer,
            "serial_number": self.asn1_cert.serial_number,
        }
        signer = cms.SignerInfo(
            {
                "version": "v1",
                "sid": cms.SignerIdentifier({"issuer_and_serial_number": issuer_serial}),
                "digest_algorithm": algos.DigestAlgorithm({"algorithm": "sha256"}),
                "signed_attrs": signed_attrs,
                "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": "sha256_rsa"}),
                "signature": signature,
            }
        )
        signed_data = {
            "version": "v3",
            "digest_algorithms": [algos.DigestAlgorithm({"algorithm": "sha256"})],
            "encap_content_info": {
                "content_type": "tst_info",
                "content": core.ParsableOctetString(tst_info.dump()),
            },
            "signer_infos": [signer],
        }
        if request["cert_req"].native:
            signed_data["certificates"] = [self.asn1_cert]
        return cms.ContentInfo({"content_type": "signed_data", "content": signed_data})


def create_app() -> App:
    """The timestamp-authority WSGI app."""
    app = App(NAME, api_key="")
    key = signing_key(KEY_FILE_ENV)
    authority = Authority(key, load_certificate(key))

    def stamp(request: Request) -> Response:
        content_type = (request.header("Content-Type") or "").split(";")[0].strip().lower()
        if content_type != QUERY_TYPE:
            return error_response(
                415, "unsupported_media_type", f"Nội dung phải có kiểu {QUERY_TYPE}."
            )
        return Response(200, authority.answer(request.body).dump(), REPLY_TYPE)

    app.route("POST", r"/", auth=False)(stamp)
    app.route("POST", r"/tsa", auth=False)(stamp)

    @app.route("GET", r"/certificate", auth=False)
    def certificate(request: Request) -> Response:
        return Response(200, authority.pem(), "application/x-pem-file")

    return app
