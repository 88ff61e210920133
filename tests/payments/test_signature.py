"""The platform's signature: HMAC-SHA256 over the sorted `key=value` pairs but the signature."""

from motcua.integrations.connectors.payment_signing import canonical, sign, signature_valid, signed

PARAMS = {"status": "paid", "order_id": "TT01", "merchant": "MOTCUA-H44", "amount": 8000}
# printf 'amount=8000&merchant=MOTCUA-H44&order_id=TT01&status=paid' \
#   | openssl dgst -sha256 -hmac 'bí mật'
EXPECTED = "53e2ee5ff0d0a9af7b286cfb1084424529a25d885e2047fb2d2bc5710e7d7191"


def test_the_canonical_form_is_sorted_and_leaves_the_signature_out():
    assert canonical({**PARAMS, "signature": "x"}) == (
        "amount=8000&merchant=MOTCUA-H44&order_id=TT01&status=paid"
    )


def test_the_signature_matches_an_independent_computation():
    assert sign(PARAMS, "bí mật") == EXPECTED
    assert signed(PARAMS, "bí mật") == {**{k: str(v) for k, v in PARAMS.items()},
                                        "signature": EXPECTED}  # fmt: skip


def test_only_the_right_signature_with_the_right_secret_is_valid():
    good = signed(PARAMS, "bí mật")
    assert signature_valid(good, "bí mật")
    assert signature_valid({**good, "signature": EXPECTED.upper()}, "bí mật")
    assert not signature_valid(good, "another secret")
    assert not signature_valid({**good, "amount": "80000"}, "bí mật")
    assert not signature_valid({**good, "signature": EXPECTED[:-1] + "0"}, "bí mật")
    assert not signature_valid(PARAMS, "bí mật")  # unsigned
    assert not signature_valid(good, "")  # no secret configured: nothing is valid
