"""Timestamp authority (tổ chức cấp dấu thời gian, RFC 3161): a token over a SHA-256 digest."""

import secrets

from asn1crypto import tsp
from django.conf import settings

from motcua.core.rfc3161 import TimeStampResp
from motcua.integrations.connectors import ConnectorError, request_bytes

DIGEST_SIZE = 32
GRANTED = ("granted", "granted_with_mods")
INVALID_REPLY = "Phản hồi của dịch vụ dấu thời gian không hợp lệ."


def timestamp(digest: bytes) -> bytes:
    """The DER timestamp token (a CMS ContentInfo) the authority issues over SHA-256 `digest`.

    The token's imprint and nonce are checked against the request; its signature is left to the
    verifier that holds the authority's certificate.
    """
    if len(digest) != DIGEST_SIZE:
        raise ValueError("digest must be a SHA-256 digest (32 bytes)")
    config = settings.MOTCUA_CONNECTORS["timestamp"]
    nonce = secrets.randbits(64)
    imprint = {"hash_algorithm": {"algorithm": "sha256"}, "hashed_message": digest}
    request = tsp.TimeStampReq(
        {"version": "v1", "message_imprint": imprint, "nonce": nonce, "cert_req": True}
    )
    raw = request_bytes(
        "POST",
        config["base_url"],
        headers={"Content-Type": "application/timestamp-query"},
        timeout=config["timeout"],
        body=request.dump(),
    )
    try:
        response = TimeStampResp.load(raw, strict=True)
        status = response["status"].native
    except (ValueError, TypeError) as error:
        raise ConnectorError(INVALID_REPLY) from error
    if status["status"] not in GRANTED:
        reason = "; ".join(status["status_string"] or []) or status["status"]
        raise ConnectorError(f"Dịch vụ dấu thời gian từ chối: {reason}")
    try:
        token = response["time_stamp_token"]
        info = token["content"]["encap_content_info"]["content"].parsed.native
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise ConnectorError(INVALID_REPLY) from error
    if info["nonce"] != nonce or info["message_imprint"] != request["message_imprint"].native:
        raise ConnectorError("Dấu thời gian không khớp yêu cầu (giá trị băm hoặc nonce).")
    return token.dump()
