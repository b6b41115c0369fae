#!/bin/bash
# check-potfiles.sh SOURCE_ROOT
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in must list every file under src/ with translatable strings
# (_(), N_(), C_(), NC_() or translatable="yes"), list only files that exist,
# stay sorted, and every language in po/LINGUAS needs a catalogue that
# msgfmt --check accepts.
set -u
cd "$1" || exit 1
status=0
listed=$(grep -v -e '^#' -e '^[[:space:]]*$' po/POTFILES.in)

while IFS= read -r f; do
  [ -e "$f" ] || { echo "FAIL: po/POTFILES.in lists $f, which does not exist"; status=1; }
done <<< "$listed"

if [ "$listed" != "$(LC_ALL=C sort <<< "$listed")" ]; then
  echo "FAIL: po/POTFILES.in is not sorted (LC_ALL=C sort)"
  status=1
fi
dups=$(sort <<< "$listed" | uniq -d)
[ -z "$dups" ] || { echo "FAIL: po/POTFILES.in lists twice: $dups"; status=1; }

# A call is the macro name not preceded by an identifier character.
while IFS= read -r f; do
  if ! grep -qxF "$f" <<< "$listed"; then
    echo "FAIL: $f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done < <(grep -rlE --include='*.c' --include='*.h' --include='*.ui' \
           '(^|[^A-Za-z0-9_])(N?C?_|NC_)\(|translatable="yes"' src | LC_ALL=C sort)

# xgettext ends a message at a macro: _("at offset %" G_GSIZE_FORMAT ")")
# gives translators "at offset %". Format such numbers into a string first.
while IFS= read -r hit; do
  echo "FAIL: $hit: a format macro inside a translatable string (xgettext cuts the message there)"
  status=1
done < <(grep -rnE --include='*.c' \
           '(^|[^A-Za-z0-9_])(N?C?_|NC_)\("[^"]*"[[:space:]]*(G_G[A-Z0-9]*_FORMAT|G_G[A-Z0-9]*_MODIFIER|PRI[diouxX])' src)

if command -v msgfmt >/dev/null; then
  for lang in $(grep -v '^#' po/LINGUAS); do
    if [ ! -f "po/$lang.po" ]; then
      echo "FAIL: po/LINGUAS lists $lang but po/$lang.po is missing"
      status=1
    elif ! msgfmt --check --output-file=/dev/null "po/$lang.po"; then
      echo "FAIL: po/$lang.po does not pass msgfmt --check"
      status=1
    fi
  done
fi

[ $status -ne 0 ] || echo "ok: po/POTFILES.in lists $(wc -l <<< "$listed") files; every translatable source is listed"
exit $status
