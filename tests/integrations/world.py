"""A Một Cửa installation of its own, for tests that run its processes (`motcua worker`) for real.

The test database of pytest-django lives in the test process (SQLite in memory), where no other
process can reach it; here the processes share a migrated SQLite file in a temporary directory,
which the test reads with the standard library's sqlite3.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.simulators.processes import Simulator

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 60.0  # seconds a test waits for something that should happen much sooner


def wait_until(condition: Callable[[], Any], what: str, timeout: float = DEADLINE) -> Any:
    """Poll `condition` until it is truthy (its value is returned) or fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


class World:
    """The data directory, environment and processes of one installation."""

    def __init__(self, root: Path, portal: Simulator, **env: str) -> None:
        self.root = root
        ours = ("MOTCUA_", "DATABASE_URL")
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
        self.env.update(
            DJANGO_SETTINGS_MODULE="motcua.settings",
            PYTHONPATH=str(ROOT),
            MOTCUA_DATA_DIR=str(root),
            MOTCUA_NATIONAL_PORTAL_URL=portal.url,
            MOTCUA_NATIONAL_PORTAL_KEY=portal.key,
            MOTCUA_CONNECTOR_TIMEOUT="30",
            MOTCUA_WORKER_LEASE_SECONDS="1.5",
        )
        self.env.update(env)
        self.processes: list[subprocess.Popen] = []

    def run(self, *args: str) -> str:
        """Run a `motcua` command to its end; its standard output."""
        done = subprocess.run(
            [sys.executable, "-m", "motcua.manage", *args],
            env=self.env, cwd=ROOT, capture_output=True, text=True, timeout=DEADLINE,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    def start(self, *args: str, log: str) -> subprocess.Popen:
        """Start a `motcua` command in the background (stopped at the end of the test)."""
        with (self.root / log).open("ab") as out:
            process = subprocess.Popen(
                [sys.executable, "-m", "motcua.manage", *args],
                env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            )  # fmt: skip
        self.processes.append(process)
        return process

    def query(self, sql: str, *params: Any) -> list[tuple]:
        with sqlite3.connect(self.root / "motcua.sqlite3", timeout=20) as db:
            return db.execute(sql, params).fetchall()

    def file_dossier(self, *, sms: bool = False) -> str:
        """A commune, its receiver and a procedure; one online dossier filed. Its code.

        `sms`: filed at the desk instead (received at once), and the applicant is sent the
        receipt's SMS (the other templates stay off)."""
        command = f"from tests.integrations.world import seed; seed(sms={sms})"
        return self.run("shell", "-c", command).split()[-1]

    def act(self, code: str, action: str) -> None:
        """The commune's receiver performs `action` on the dossier `code` (after `file_dossier`)."""
        command = f"from tests.integrations.world import act; act({code!r}, {action!r})"
        self.run("shell", "-c", command)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)


def seed(sms: bool = False) -> None:
    """Run inside the installation (`motcua shell`): file one dossier, print its code."""
    from motcua.dossiers.services import dossier_submit
    from motcua.notifications.models import Channel, MessageTemplate
    from tests.factories import make_agency, make_procedure, make_staff

    templates = MessageTemplate.objects.all()
    (templates.exclude(channel=Channel.SMS) if sms else templates).update(is_active=False)
    commune = make_agency("H44.189", "UBND xã Hy Cương", "commune", is_one_stop=True)
    receiver = make_staff("tiepnhan", commune, "receiver")
    applicant = {"id_number": "025190001234", "full_name": "Phạm Thị Nhung", "phone": "0912345678"}
    dossier = dossier_submit(
        actor=receiver, procedure=make_procedure(agencies=[commune]), agency=commune,
        channel="desk" if sms else "online", applicant=applicant,
    )  # fmt: skip
    print(dossier.code)


def act(code: str, action: str) -> None:
    """Run inside the installation: the receiver of `file_dossier` performs `action`."""
    from django.contrib.auth import get_user_model

    from motcua.dossiers.models import Dossier
    from motcua.dossiers.services import dossier_act

    receiver = get_user_model().objects.get(username="tiepnhan")
    version = Dossier.objects.get(code=code).version
    dossier_act(actor=receiver, code=code, action=action, version=version)


@contextmanager
def installed(root: Path, portal: Simulator, **env: str) -> Iterator[World]:
    """A migrated installation in `root` (extra environment `env`); its processes end after."""
    installation = World(root, portal, **env)
    root.mkdir()
    installation.run("migrate", "--noinput", "--verbosity", "0")
    try:
        yield installation
    finally:
        installation.stop_all()
