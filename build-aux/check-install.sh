#!/bin/bash
# check-install.sh BUILD_DIR SOURCE_ROOT APP_ID
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Stages `meson install` into a temporary DESTDIR and checks that the tree
# holds what a desktop and the app need: the binary, desktop entry, metainfo,
# icons, schema, MIME type, bundled example, JSON Schema and one catalogue per
# language in po/LINGUAS.
set -u
build=$1 src=$2 app_id=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! meson install -C "$build" --no-rebuild --quiet --destdir "$tmp" > "$tmp.log" 2>&1; then
  cat "$tmp.log"; rm -f "$tmp.log"
  echo "FAIL: meson install --destdir failed"
  exit 1
fi
rm -f "$tmp.log"

prefix=$(meson introspect "$build" --buildoptions | python3 -c '
import json, sys
opts = {o["name"]: o["value"] for o in json.load(sys.stdin)}
print(opts["prefix"], opts["bindir"], opts["datadir"], opts["localedir"])')
read -r prefix bindir datadir localedir <<< "$prefix"
abs() { case $1 in /*) echo "$1";; *) echo "$prefix/$1";; esac; }
bin="$tmp$(abs "$bindir")" share="$tmp$(abs "$datadir")" locale="$tmp$(abs "$localedir")"

status=0
expect() {
  if [ -f "$1" ] && [ -s "$1" ]; then
    echo "ok: ${1#"$tmp"}"
  else
    echo "FAIL: missing or empty: ${1#"$tmp"}"
    status=1
  fi
}

expect "$bin/chronicle"
[ -x "$bin/chronicle" ] || { echo "FAIL: $bindir/chronicle is not executable"; status=1; }
expect "$share/applications/$app_id.desktop"
expect "$share/metainfo/$app_id.metainfo.xml"
expect "$share/icons/hicolor/scalable/apps/$app_id.svg"
expect "$share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
expect "$share/glib-2.0/schemas/io.github.chronicle_app.Chronicle.gschema.xml"
expect "$share/mime/packages/$app_id.xml"
expect "$share/chronicle/examples/istanbul-talks-2025.json"
expect "$share/chronicle/chronicle-timeline.schema.json"
for lang in $(grep -v '^#' "$src/po/LINGUAS"); do
  expect "$locale/$lang/LC_MESSAGES/chronicle.mo"
done

# The desktop entry points at names that exist in the staged tree.
desktop="$share/applications/$app_id.desktop"
if [ -f "$desktop" ]; then
  grep -qx "Icon=$app_id" "$desktop" || { echo "FAIL: desktop entry Icon= is not $app_id"; status=1; }
  grep -qx "Exec=chronicle %F" "$desktop" || { echo "FAIL: desktop entry Exec= is not 'chronicle %F'"; status=1; }
fi
# Development builds install the striped icon under the .Devel id.
case $app_id in
  *.Devel) cmp -s "$share/icons/hicolor/scalable/apps/$app_id.svg" \
             "$src/data/icons/hicolor/scalable/apps/io.github.chronicle_app.Chronicle.Devel.svg" \
           || { echo "FAIL: the development icon is not installed"; status=1; } ;;
esac
# The installed schemas compile on their own.
if [ -d "$share/glib-2.0/schemas" ]; then
  glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas" || { echo "FAIL: installed schemas do not compile"; status=1; }
fi

[ $status -ne 0 ] || echo "ok: staged install is complete"
exit $status
