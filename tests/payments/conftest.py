"""Fixtures of the payment tests (tests/payments/fixtures.py)."""

from tests.payments.fixtures import awaiting, connected, payment_platform, reachable  # noqa: F401
