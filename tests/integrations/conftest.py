"""Fixtures of the integration tests."""

import pytest

from tests.integrations.world import World, installed


@pytest.fixture
def connected(no_messages, settings, portal):
    """The national-portal connector points at the simulator process; retries are immediate.

    Messages to the applicant are switched off: these tests are about the portal alone.
    """
    settings.MOTCUA_CONNECTORS = {
        "national_portal": {"base_url": portal.url, "key": portal.key, "timeout": 1},
        "retry": {"max_attempts": 5, "base_seconds": 0, "max_seconds": 0},
    }
    return portal


@pytest.fixture
def world(tmp_path, portal) -> World:
    """An installation of its own, migrated, whose national portal is the simulator process."""
    with installed(tmp_path / "world", portal) as installation:
        yield installation
