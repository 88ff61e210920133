"""The PostgreSQL connection options: ours are added to those DATABASE_URL gives, never instead."""

import json
import os
import subprocess
import sys


def options_for(database_url: str, **env: str) -> dict:
    script = (
        "from django.conf import settings; import django, json; django.setup(); "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "motcua.settings",
                   "DATABASE_URL": database_url, **env}  # fmt: skip
    done = subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True,
                          text=True, check=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_url_options_are_kept_beside_the_parallel_workers_setting():
    url = (
        "postgres://u@db.example:5432/motcua?sslmode=require&options=-c%20statement_timeout%3D5000"
    )
    options = options_for(url, MOTCUA_DB_PARALLEL_WORKERS="2")
    assert options["sslmode"] == "require"
    assert options["options"] == "-c max_parallel_workers_per_gather=2 -c statement_timeout=5000"


def test_without_url_options_requests_get_no_parallel_workers():
    options = options_for("postgres://u@db.example:5432/motcua")
    assert options == {"options": "-c max_parallel_workers_per_gather=0"}
