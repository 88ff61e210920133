#!/bin/sh
# The browser tests (tests/e2e/, marked e2e) drive Debian's Chromium through Playwright; Playwright's
# own browser download is never used. Installed when missing and we may (root with apt-get);
# otherwise the e2e tests skip themselves.
set -eu
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium không có và không cài được: bỏ qua các kiểm thử trình duyệt (e2e)" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
  || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends chromium >/dev/null 2>&1; } \
  || echo "Không cài được chromium: bỏ qua các kiểm thử trình duyệt (e2e)" >&2
