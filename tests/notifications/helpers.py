"""Reading what reached the applicant: the simulator's inbox of a phone, an e-mail's text."""

from email.message import EmailMessage

from tests.simulators.processes import call

PHONE = "84912345678"  # the applicant of tests.dossiers.helpers.submit, 0912345678


def phone_inbox(messaging, phone: str = PHONE) -> list[dict]:
    """What the simulator sent to `phone`, oldest first."""
    reply = call("GET", f"{messaging.url}/messages?phone={phone}", key=messaging.key)
    assert reply.status == 200, reply.body
    return reply.json()["messages"]


def text_of(message: EmailMessage) -> str:
    """The plain-text body of an e-mail (the only part there is)."""
    assert message.get_content_type() == "text/plain"
    return message.get_content().replace("\r\n", "\n")


def subject_of(message: EmailMessage) -> str:
    """The decoded subject (the stdlib folds a long encoded subject onto a new line)."""
    return str(message["Subject"]).strip()
