#!/bin/sh
# Liberation Serif is metric-compatible with Times New Roman (Nghị định 30/2020 asks for Times New
# Roman) and covers Vietnamese. It comes from Debian's fonts-liberation2 package, unpacked into
# .venv/fonts so no system change is needed; where apt is not available, Typst's built-in serif
# font is used instead (see docs/decisions/0002-pdf-with-typst.md).
set -eu
dest=.venv/fonts
[ -f "$dest/LiberationSerif-Regular.ttf" ] && exit 0
mkdir -p "$dest"
for dir in /usr/share/fonts/truetype/liberation2 /usr/share/fonts/truetype/liberation; do
  if [ -f "$dir/LiberationSerif-Regular.ttf" ]; then cp "$dir"/LiberationSerif-*.ttf "$dest"/; exit 0; fi
done
command -v apt-get >/dev/null 2>&1 || { echo "apt-get không có: dùng phông chữ có sẵn của Typst" >&2; exit 0; }
tmp=$(mktemp -d)
( cd "$tmp" && { apt-get download fonts-liberation2 >/dev/null 2>&1 \
  || { apt-get update >/dev/null 2>&1 && apt-get download fonts-liberation2 >/dev/null 2>&1; }; } ) \
  || { echo "Không tải được fonts-liberation2: dùng phông chữ có sẵn của Typst" >&2; rm -rf "$tmp"; exit 0; }
dpkg-deb -x "$tmp"/fonts-liberation2_*.deb "$tmp/x"
cp "$tmp"/x/usr/share/fonts/truetype/liberation2/LiberationSerif-*.ttf "$dest"/
rm -rf "$tmp"
