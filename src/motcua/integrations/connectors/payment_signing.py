"""The payment platform's message signature: HMAC-SHA256 over the canonical parameters.

Canonical form: every parameter except `signature`, sorted by name, written `key=value` and
joined by `&`; the signature is the lowercase hex digest with the merchant's shared secret.
Standard library only: the platform's simulator signs and checks with the same rule.
"""

import hashlib
import hmac
from collections.abc import Mapping

SIGNATURE = "signature"


def canonical(params: Mapping[str, object]) -> str:
    """`a=1&b=2`: the parameters but the signature, sorted by name."""
    return "&".join(f"{key}={params[key]}" for key in sorted(params) if key != SIGNATURE)


def sign(params: Mapping[str, object], secret: str) -> str:
    """The signature of `params` with `secret`."""
    return hmac.new(secret.encode(), canonical(params).encode(), hashlib.sha256).hexdigest()


def signed(params: Mapping[str, object], secret: str) -> dict[str, str]:
    """`params` as strings with their signature added."""
    values = {key: str(value) for key, value in params.items() if key != SIGNATURE}
    return {**values, SIGNATURE: sign(values, secret)}


def signature_valid(params: Mapping[str, object], secret: str) -> bool:
    """Whether `params` carry the right signature (compared in constant time)."""
    given = params.get(SIGNATURE)
    if not isinstance(given, str) or not secret:
        return False
    return hmac.compare_digest(given.lower().encode(), sign(params, secret).encode())
