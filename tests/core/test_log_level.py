"""`MOTCUA_LOG_LEVEL` holds back Django's own warnings too (a refused request is a warning of
`django.request`, passed up to the root logger's handler)."""

import os
import subprocess
import sys

REFUSED_REQUEST = (
    "import django; django.setup(); from django.test import Client; "
    "Client(SERVER_NAME='127.0.0.1').get('/api/v1/dossiers/KHONG-CO/')"
)


def logged(level: str, tmp_path) -> str:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "motcua.settings",
                   "MOTCUA_DATA_DIR": str(tmp_path), "MOTCUA_LOG_LEVEL": level}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", REFUSED_REQUEST], env=environment,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return done.stderr


def test_warnings_are_logged_at_the_default_level(tmp_path):
    assert "Unauthorized: /api/v1/dossiers/KHONG-CO/" in logged("WARNING", tmp_path)


def test_a_higher_level_holds_them_back(tmp_path):
    assert "Unauthorized" not in logged("ERROR", tmp_path)
