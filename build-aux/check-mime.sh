#!/bin/bash
# check-mime.sh MIME.xml EXAMPLE.json
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The shared-mime-info package is well-formed, compiles with
# update-mime-database, and the compiled database recognises a timeline both
# by its *.chronicle.json name and, without that name, by its content.
set -u
type=application/x-chronicle-timeline+json
for tool in xmllint update-mime-database gio; do
  if ! command -v $tool >/dev/null; then
    echo "$tool not installed; skipping"
    exit 77
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

xmllint --noout "$1" || fail "$1 is not well-formed XML"
mkdir -p "$tmp/mime/packages"
cp "$1" "$tmp/mime/packages/chronicle.xml"
# The parent type application/json comes from the system database.
[ -f /usr/share/mime/packages/freedesktop.org.xml ] && cp /usr/share/mime/packages/freedesktop.org.xml "$tmp/mime/packages/"
out=$(update-mime-database "$tmp/mime" 2>&1 | grep -v -e 'not in the search path' -e '^set by the XDG' \
        -e '^environment variables' -e '^be able to find it' -e '^directories currently' -e '^- /' -e '^$')
[ -z "$out" ] || fail "update-mime-database: $out"
[ -f "$tmp/mime/application/x-chronicle-timeline+json.xml" ] || fail "$type not in the compiled database"
grep -q "^[0-9]*:$type:\*\.chronicle\.json" "$tmp/mime/globs2" || fail "glob *.chronicle.json not registered"

cp "$2" "$tmp/story.chronicle.json"
cp "$2" "$tmp/story-without-extension"
printf '{"format": "something-else", "version": 1}\n' > "$tmp/other-without-extension"
sniff() { XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" gio info -a standard::content-type "$1" | sed -n 's/.*standard::content-type: //p'; }
got=$(sniff "$tmp/story.chronicle.json")
[ "$got" = "$type" ] || fail "story.chronicle.json detected as '$got', expected $type"
got=$(sniff "$tmp/story-without-extension")
[ "$got" = "$type" ] || fail "a timeline without extension detected as '$got', expected $type"
got=$(sniff "$tmp/other-without-extension")
[ "$got" != "$type" ] || fail "other JSON detected as $type"
echo "ok: $type by name (*.chronicle.json) and by content; other JSON is not claimed"
