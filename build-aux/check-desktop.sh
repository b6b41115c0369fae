#!/bin/bash
# check-desktop.sh FILE.desktop
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# desktop-file-validate exits 0 on hints; we want none, so any output fails.
set -u
if ! command -v desktop-file-validate >/dev/null; then
  echo "desktop-file-validate not installed (desktop-file-utils); skipping"
  exit 77
fi
out=$(desktop-file-validate "$1" 2>&1)
rc=$?
if [ $rc -ne 0 ] || [ -n "$out" ]; then
  echo "desktop-file-validate $1 (exit $rc):"
  echo "$out"
  exit 1
fi
echo "ok: $1 validates without errors, warnings or hints"
grep -E '^(Name|Exec|Icon|MimeType)=' "$1"
