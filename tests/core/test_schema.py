"""The OpenAPI document: served, describing API.md, browsable offline, and committed in docs/."""

import json
import re
from pathlib import Path

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.test import Client

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
REGENERATE = "run `.venv/bin/motcua spectacular --file docs/openapi.yaml` and commit the result"

# API.md's resources as the schema names them (documents are not built yet).
API_MD = {
    "/api/v1/auth/token/": {"post"},
    "/api/v1/agencies/": {"get", "post"},
    "/api/v1/agencies/{code}/": {"get", "patch"},
    "/api/v1/agencies/{code}/merge/": {"post"},
    "/api/v1/staff/": {"get", "post"},
    "/api/v1/procedures/": {"get", "post"},
    "/api/v1/procedures/{code}/": {"get", "put"},
    "/api/v1/procedures/{code}/process/": {"get", "put"},
    "/api/v1/calendar/due/": {"get"},
    "/api/v1/calendar/days/": {"get", "post"},
    "/api/v1/dossiers/": {"get", "post"},
    "/api/v1/dossiers/{code}/": {"get"},
    "/api/v1/dossiers/{code}/actions/{action}/": {"post"},
    "/api/v1/dossiers/{code}/forms/{number}.{fmt}": {"get"},
    "/api/v1/public/dossiers/{code}/": {"get"},
    "/api/v1/reports/index-766/": {"get"},
    "/api/v1/reports/tthc-statistics/": {"get"},
}


@pytest.fixture(scope="module")
def served(django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        response = Client().get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_is_openapi_3_in_yaml_and_json(served, db):
    as_json = Client().get("/api/schema/", {"format": "json"})

    assert served["openapi"].startswith("3.")
    assert served["info"]["title"] == "Một Cửa API"
    assert as_json.status_code == 200
    assert json.loads(as_json.content) == served


@pytest.mark.parametrize(("path", "methods"), sorted(API_MD.items()))
def test_schema_describes_the_paths_of_api_md(served, path, methods):
    assert path in served["paths"], f"{path} is missing from /api/schema/"
    assert methods <= set(served["paths"][path]), f"{path}: {sorted(served['paths'][path])}"


def test_schema_documents_query_parameters(served):
    def query(path: str, method: str = "get") -> dict:
        parameters = served["paths"][path][method].get("parameters", [])
        return {p["name"]: p for p in parameters if p["in"] == "query"}

    assert "q" in query("/api/v1/procedures/")
    assert query("/api/v1/procedures/{code}/process/")["agency"]["required"] is True
    assert query("/api/v1/procedures/{code}/process/", "put")["agency"]["required"] is True
    assert {"start", "working_days", "agency"} <= set(query("/api/v1/calendar/due/"))


def test_schema_keeps_passwords_write_only(served):
    schemas = served["components"]["schemas"]
    staff_out = schemas["Staff"]["properties"]
    staff_in = schemas["StaffRequest"]["properties"]
    token_out = served["paths"]["/api/v1/auth/token/"]["post"]["responses"]["200"]

    assert "password" not in staff_out
    assert "password" in staff_in
    assert token_out["content"]["application/json"]["schema"]["$ref"].endswith("/TokenPair")
    assert set(schemas["TokenPair"]["properties"]) == {"access", "refresh"}


def test_docs_page_uses_only_local_assets(db):
    response = Client().get("/api/docs/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert not re.findall(r"(?:https?:)?//[\w.-]+\.\w+/", html), "external URL in /api/docs/"
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, "no script or stylesheet found"
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not installed"
    assert '"/api/schema/"' in html


def test_committed_schema_matches_the_served_one(served):
    assert COMMITTED.exists(), f"docs/openapi.yaml is missing: {REGENERATE}"
    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))

    assert committed == served, f"docs/openapi.yaml differs from /api/schema/: {REGENERATE}"
