"""Simulators as real separate processes, reached over HTTP with urllib (shared fixtures)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

KEYS = {"population": "test-population-key", "national-portal": "test-portal-key"}
KEYS["payment"] = "test-payment-secret"  # the merchant's shared secret (signatures, not bearer)
KEYS["messaging"] = "test-messaging-key"
STARTUP_TIMEOUT = 10.0


@dataclass
class Reply:
    status: int
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


def call(
    method: str,
    url: str,
    data: Any = None,
    *,
    key: str | None = None,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
    timeout: float = 5.0,
) -> Reply:
    """One HTTP request; HTTP errors come back as replies, network errors raise."""
    body = raw if raw is not None else (None if data is None else json.dumps(data).encode())
    request = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if key is not None:
        request.add_header("Authorization", f"Bearer {key}")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.read())
    except urllib.error.HTTPError as error:
        return Reply(error.code, error.read())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Simulator:
    """A simulator process; `start()` waits (bounded) until /healthz answers."""

    name: str
    port: int
    log: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def key(self) -> str:
        return KEYS[self.name]

    def start(self) -> Simulator:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MOTCUA_SIM_")}
        env["MOTCUA_SIM_POPULATION_KEY"] = KEYS["population"]
        env["MOTCUA_SIM_PORTAL_KEY"] = KEYS["national-portal"]
        env["MOTCUA_SIM_PAYMENT_SECRET"] = KEYS["payment"]
        env["MOTCUA_SIM_PAYMENT_RETRY_SECONDS"] = "0.2"
        env["MOTCUA_SIM_MESSAGING_KEY"] = KEYS["messaging"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "motcua.simulators", self.name, "--port", str(self.port)],
                stdout=log,
                stderr=log,
                env=env,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"{self.name} exited early:\n{self.log.read_text()}")
            try:
                if call("GET", f"{self.url}/healthz", timeout=1).status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        pytest.fail(
            f"{self.name} did not answer /healthz in {STARTUP_TIMEOUT} s:\n{self.log.read_text()}"
        )

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
        self.process = None

    def faults(self, mode: str, delay: float = 0) -> None:
        reply = call("POST", f"{self.url}/_faults", {"mode": mode, "delay": delay})
        assert reply.status == 200, reply.body


@pytest.fixture
def start_simulator(tmp_path):
    """Factory: start a named simulator on a free port; every one started is stopped afterwards."""
    started: list[Simulator] = []

    def start(name: str, port: int | None = None) -> Simulator:
        simulator = Simulator(name, port or free_port(), tmp_path / f"{name}.log")
        started.append(simulator)
        return simulator.start()

    yield start
    for simulator in started:
        simulator.stop()


@pytest.fixture
def population(start_simulator) -> Simulator:
    return start_simulator("population")


def connect_population(settings, population: Simulator, timeout: float = 1) -> Simulator:
    """Point the application's population connector at the simulator process."""
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "population": {"base_url": population.url, "key": population.key, "timeout": timeout},
    }
    return population


@pytest.fixture
def portal(start_simulator) -> Simulator:
    return start_simulator("national-portal")
