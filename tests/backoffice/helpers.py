"""Officers in the back office: logged-in test clients and dossiers made through the services."""

from django.test import Client

from motcua.dossiers.services import dossier_act, dossier_submit

APPLICANT = {
    "id_number": "025190001234",
    "full_name": "Phạm Thị Hồng Nhung",
    "phone": "0912345678",
    "email": "nhung@example.vn",
    "address": "Khu 3, xã Hy Cương, tỉnh Phú Thọ",
}


def office(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


def file_dossier(receiver, procedure, agency, channel="online", **applicant):
    return dossier_submit(
        actor=receiver,
        procedure=procedure,
        agency=agency,
        channel=channel,
        applicant={**APPLICANT, **applicant},
        documents=[{"name": "Tờ khai đăng ký khai sinh"}],
    )


def act(user, dossier, action: str, **params):
    """Perform an action with the dossier's current version; returns the updated dossier."""
    dossier.refresh_from_db()
    return dossier_act(actor=user, code=dossier.code, action=action, version=dossier.version,
                       **params)  # fmt: skip


def at_approval(procedure, commune, receiver, specialist, **applicant):
    """A desk dossier moved through its process to the leader's approval step."""
    dossier = file_dossier(receiver, procedure, commune, channel="desk", **applicant)
    act(receiver, dossier, "forward")
    act(specialist, dossier, "forward")
    dossier.refresh_from_db()
    return dossier
