#!/usr/bin/env python3
# check-metainfo.py METAINFO.xml APP_ID VERSION SOURCE_ROOT
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What software centres show and appstreamcli 0.16 does not enforce: the
# content rating, captioned screenshots, a developer id, branding colours for
# both schemes, a release for this version dated no later than today, and
# screenshots that are files of this repository (served from its main branch).

import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

problems = []

# Screenshots are served from the repository's main branch.
RAW_PREFIX = 'https://raw.githubusercontent.com/chronicle-app/chronicle/main/'


def check(condition, message):
    if not condition:
        problems.append(message)
    return condition


def main():
    path, app_id, version, source_root = sys.argv[1:5]
    root = ET.parse(path).getroot()

    check(root.tag == 'component' and root.get('type') == 'desktop-application',
          'root must be <component type="desktop-application">')
    check(root.findtext('id') == app_id, f'<id> is {root.findtext("id")!r}, meson says {app_id!r}')
    launchable = root.find("launchable[@type='desktop-id']")
    check(launchable is not None and launchable.text == app_id + '.desktop',
          f'<launchable type="desktop-id"> must be {app_id}.desktop')

    rating = root.find('content_rating')
    check(rating is not None and rating.get('type') == 'oars-1.1',
          '<content_rating type="oars-1.1"> is missing')

    developer = root.find('developer')
    if check(developer is not None, '<developer id="..."> is missing'):
        dev_id = developer.get('id') or ''
        check(re.fullmatch(r'[a-z0-9_-]+(\.[a-z0-9_-]+)+', dev_id) is not None,
              f'<developer> id {dev_id!r} is not a reverse-DNS id')
        check(app_id.startswith(dev_id + '.'), f'app id {app_id} is not below developer id {dev_id}')
        check(bool((developer.findtext('name') or '').strip()), '<developer> has no <name>')

    schemes = {}
    for colour in root.findall("branding/color[@type='primary']"):
        schemes[colour.get('scheme_preference')] = colour.text or ''
    for scheme in ('light', 'dark'):
        check(re.fullmatch(r'#[0-9a-fA-F]{6}', schemes.get(scheme, '')) is not None,
              f'branding colour for the {scheme} scheme is missing or not #rrggbb')

    shots = root.findall('screenshots/screenshot')
    check(len(shots) >= 1, 'no screenshots')
    check(sum(1 for s in shots if s.get('type') == 'default') == 1,
          'exactly one screenshot must be type="default"')
    for shot in shots:
        image = (shot.findtext('image') or '').strip()
        check(image.startswith('https://') and image.endswith('.png'),
              f'screenshot image {image!r} is not an https PNG URL')
        check(bool((shot.findtext('caption') or '').strip()), f'screenshot {image} has no caption')
        if check(image.startswith(RAW_PREFIX), f'screenshot {image} is not under {RAW_PREFIX}'):
            relative = image[len(RAW_PREFIX):]
            check(os.path.isfile(os.path.join(source_root, relative)),
                  f'screenshot {relative} is not in the repository')

    for url_type in ('homepage', 'bugtracker', 'vcs-browser'):
        url = root.findtext(f"url[@type='{url_type}']") or ''
        check(url.startswith('https://'), f'<url type="{url_type}"> is missing')

    releases = root.findall('releases/release')
    today = datetime.date.today()
    check(any(r.get('version') == version for r in releases),
          f'no <release> for version {version} (meson project version)')
    for release in releases:
        try:
            date = datetime.date.fromisoformat(release.get('date') or '')
        except ValueError:
            problems.append(f'release {release.get("version")} has no valid date')
            continue
        check(date <= today, f'release {release.get("version")} is dated {date}, in the future')
    dates = [r.get('date') for r in releases]
    check(dates == sorted(dates, reverse=True), 'releases must be listed newest first')

    translation = root.find('translation')
    check(translation is not None and translation.get('type') == 'gettext'
          and translation.text == 'chronicle', '<translation type="gettext">chronicle is missing')
    check(root.findtext('provides/binary') == 'chronicle', '<provides><binary>chronicle is missing')

    if problems:
        for p in problems:
            print(f'FAIL: {p}')
        return 1
    print(f'ok: {path}: {len(shots)} captioned screenshots, {len(releases)} releases, '
          f'developer {developer.get("id")}, branding {schemes}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
