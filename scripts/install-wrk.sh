#!/bin/sh
# `make bench` loads the server with wrk (Debian package `wrk`). Installed when missing and we may
# (root with apt-get); otherwise bench/run.py says that it is missing.
set -eu
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "wrk không có và không cài được: cài gói wrk rồi chạy lại make bench" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends wrk >/dev/null 2>&1 \
  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends wrk >/dev/null 2>&1; } \
  || echo "Không cài được wrk" >&2
