#!/usr/bin/env bash
# Reference dumps for .xlsx files openpyxl cannot open (Strict OOXML, odd
# packages): LibreOffice reads the file and saves a plain .xlsx, which
# openpyxl then dumps. Neither tool shares code with plancon.
# usage: dump_via_libreoffice.sh OUT_DIR FILE...
set -euo pipefail
out=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for f in "$@"; do
  name=$(basename "$f")
  mkdir -p "$tmp/in" "$tmp/out"
  cp "$f" "$tmp/in/$name"
  soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to xlsx --outdir "$tmp/out" "$tmp/in/$name" >/dev/null 2>&1
  resaved="$tmp/out/${name%.*}.xlsx"
  [ -f "$resaved" ] || { echo "$name: LibreOffice could not read it"; continue; }
  mkdir -p "$tmp/dump"
  "$here/dump_openpyxl.py" "$tmp/dump" "$resaved"
  mv "$tmp/dump/$(basename "$resaved").tsv" "$out/$name.tsv"
  rm -rf "$tmp/in" "$tmp/out" "$tmp/dump"
done
