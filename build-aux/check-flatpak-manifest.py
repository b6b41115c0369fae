#!/usr/bin/env python3
# check-flatpak-manifest.py MANIFEST.json APP_ID COMMAND
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The manifest is canonical JSON (what `python3 -m json.tool --indent 4`
# prints), names the app id and executable meson builds, keeps the sandbox to
# the minimal permissions and builds this checkout with its tests.

import json
import sys

FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']


def main():
    path, app_id, command = sys.argv[1:4]
    with open(path, encoding='utf-8') as f:
        text = f.read()
    problems = []
    try:
        manifest = json.loads(text)
    except ValueError as e:
        print(f'FAIL: {path} is not JSON: {e}')
        return 1
    canonical = json.dumps(manifest, indent=4) + '\n'
    if text != canonical:
        problems.append(f'not canonical; rewrite with: python3 -m json.tool --indent 4 {path}')

    def expect(key, value, where=manifest, label=''):
        if where.get(key) != value:
            problems.append(f'{label}{key} is {where.get(key)!r}, expected {value!r}')

    expect('id', app_id)
    expect('command', command)
    expect('runtime', 'org.gnome.Platform')
    expect('sdk', 'org.gnome.Sdk')
    expect('finish-args', FINISH_ARGS)
    modules = manifest.get('modules', [])
    main_module = modules[-1] if modules else {}
    expect('name', 'chronicle', main_module, 'last module ')
    expect('buildsystem', 'meson', main_module, 'chronicle module ')
    expect('run-tests', True, main_module, 'chronicle module ')
    sources = main_module.get('sources', [])
    if not any(s.get('type') == 'dir' and s.get('path') == '..' for s in sources):
        problems.append('chronicle module does not build this checkout (dir source "..")')
    profile = '-Dprofile=development'
    if app_id.endswith('.Devel') != (profile in main_module.get('config-opts', [])):
        problems.append(f'{profile} must be set exactly for the .Devel id')

    if problems:
        for p in problems:
            print(f'FAIL: {path}: {p}')
        return 1
    print(f'ok: {path}: {app_id} runs {command}, finish-args {" ".join(FINISH_ARGS)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
