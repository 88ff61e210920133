"""Drive dossiers through the HTTP API as officers would."""

from rest_framework.test import APIClient


def submit(client: APIClient, procedure, agency, channel="online", **extra) -> dict:
    body = {
        "procedure": procedure.code,
        "agency": agency.code,
        "channel": channel,
        "applicant": {
            "id_number": "025190001234",
            "full_name": "Phạm Thị Hồng Nhung",
            "phone": "0912345678",
            "email": "nhung@example.vn",
            "address": "Khu 3, xã Hy Cương, tỉnh Phú Thọ",
        },
        "form_data": {},
        "documents": [{"name": "Tờ khai đăng ký khai sinh", "kind": "original", "count": 1}],
        **extra,
    }
    response = client.post("/api/v1/dossiers/", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def act(client: APIClient, dossier: dict, action: str, expect: int = 200, **body) -> dict:
    payload = {"version": dossier["version"], **body}
    response = client.post(
        f"/api/v1/dossiers/{dossier['code']}/actions/{action}/", payload, format="json"
    )
    assert response.status_code == expect, response.content
    return response.json()
