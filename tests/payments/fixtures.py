"""Payments reach the payment platform's simulator over HTTP; its callbacks reach a live server.

Shared fixtures: tests/payments and tests/e2e import them into their conftest.
"""

import pytest

from tests.dossiers.helpers import act, submit
from tests.simulators.processes import KEYS


@pytest.fixture
def payment_platform(start_simulator):
    return start_simulator("payment")


@pytest.fixture
def connected(settings, payment_platform):
    """The connector points at the simulator; our public address is not reachable (yet)."""
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "payment": {"base_url": payment_platform.url, "merchant": "MOTCUA-H44",
                    "secret": KEYS["payment"], "timeout": 2},
    }  # fmt: skip
    return payment_platform


@pytest.fixture
def reachable(settings, connected, live_server):
    """The platform can call us back: our public address is the live server's."""
    settings.MOTCUA = {**settings.MOTCUA, "PUBLIC_BASE_URL": live_server.url}
    return connected


@pytest.fixture
def awaiting(api, procedure, commune, receiver):
    """Factory: a desk dossier received and waiting for its 8,000 đồng fee."""

    def make() -> dict:
        desk = api(receiver)
        return act(desk, submit(desk, procedure, commune, channel="desk"), "request_payment")

    return make
