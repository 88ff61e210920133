#!/bin/sh
# Serves the demo: the simulators of the national systems and the background worker beside the
# web server; all stop together.
set -eu
BIN=.venv/bin
pids=""
trap 'kill $pids 2>/dev/null || true' EXIT INT TERM
for simulator in population national-portal idp payment messaging tsa; do
  "$BIN/python" -m motcua.simulators "$simulator" &
  pids="$pids $!"
done
"$BIN/motcua" worker &
pids="$pids $!"
"$BIN/motcua" runserver "127.0.0.1:${PORT:-8000}"
