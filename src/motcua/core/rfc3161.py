"""RFC 3161 (time-stamp protocol) structures where asn1crypto's definitions fall short.

Plain ASN.1, no Django: the timestamp-authority simulator and the connector both use it.
"""

from asn1crypto import cms, tsp


class TimeStampResp(tsp.TimeStampResp):
    """TimeStampResp of RFC 3161 §2.4.2, whose token is OPTIONAL (absent when the request is
    rejected); asn1crypto requires it, so it could neither write nor read a rejection."""

    _fields = [
        ("status", tsp.PKIStatusInfo),
        ("time_stamp_token", cms.ContentInfo, {"optional": True}),
    ]
