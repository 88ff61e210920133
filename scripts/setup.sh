#!/bin/sh
# Creates .venv with the pinned dependencies and the serif font the official forms use.
set -eu
PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Một Cửa cần Python 3.11 trở lên")'
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev,redis]'
sh scripts/install-fonts.sh
sh scripts/install-chromium.sh
