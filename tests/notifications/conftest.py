"""A real SMTP server (aiosmtpd) and the messaging simulator process, with the project pointed at
them; retries and delivery-report polls are immediate."""

import email
import email.policy
import socket
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller

from tests.simulators.processes import free_port


class Mailbox:
    """An SMTP server on a fixed port that collects what it accepts, parsed; it can be stopped
    and started again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.messages: list[EmailMessage] = []
        self.controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope) -> str:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def smtp():
    mailbox = Mailbox()
    mailbox.start()
    yield mailbox
    mailbox.stop()


@pytest.fixture
def messaging(start_simulator):
    return start_simulator("messaging")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def connected(settings, smtp, messaging):
    """E-mail to the SMTP server, SMS/ZNS to the simulator; the national portal unreachable."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp.port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2
    settings.MOTCUA_CONNECTORS = {
        **settings.MOTCUA_CONNECTORS,
        "national_portal": {
            "base_url": f"http://127.0.0.1:{closed_port()}",
            "key": "k",
            "timeout": 1,
        },
        "messaging": {
            "base_url": messaging.url,
            "key": messaging.key,
            "timeout": 1,
            "poll_seconds": 0,
            "polls": 3,
        },
        "retry": {"max_attempts": 3, "base_seconds": 0, "max_seconds": 0},
    }
    return messaging
