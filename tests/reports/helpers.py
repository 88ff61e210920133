"""Crafted dossier histories for report tests, driven through the HTTP API as officers would."""

from tests.dossiers.helpers import act, submit


def resolve(api, receiver, specialist, approver, dossier: dict, action: str = "approve") -> dict:
    """Take a received dossier through the internal process to a result (or a refusal)."""
    dossier = act(api(receiver), dossier, "forward")
    dossier = act(api(specialist), dossier, "forward")
    return act(api(approver), dossier, action, note="Không đủ điều kiện")


def desk(api, receiver, procedure, agency, **extra) -> dict:
    """A dossier handed in at the desk: received at once."""
    return submit(api(receiver), procedure, agency, channel="desk", **extra)


def online(api, receiver, procedure, agency) -> dict:
    """A dossier submitted online and received by the desk."""
    return act(api(receiver), submit(api(receiver), procedure, agency), "receive")
