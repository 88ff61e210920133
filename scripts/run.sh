#!/bin/sh
# Serves the demo: the background worker beside the web server; both stop together.
set -eu
BIN=.venv/bin
pids=""
trap 'kill $pids 2>/dev/null || true' EXIT INT TERM
"$BIN/motcua" worker &
pids="$pids $!"
"$BIN/motcua" runserver "127.0.0.1:${PORT:-8000}"
