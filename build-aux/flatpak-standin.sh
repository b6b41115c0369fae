#!/bin/bash
# flatpak-standin.sh: build, bundle, install and run Chronicle as a real
# Flatpak, offline, on a stand-in runtime made from Debian 12's packages.
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run through `bash build-aux/chronicle-dev flatpak`, which installs the host
# packages first. What this proves and what it does not (README, "Flatpak"):
# the GNOME 50 runtime the manifests name cannot be downloaded here, so a
# Platform and an Sdk are assembled from Debian 12 packages (GTK 4.8,
# libadwaita 1.2: the versions Chronicle pins). The app is built with
# flatpak-builder from flatpak/io.github.chronicle_app.Chronicle.json with
# only runtime, sdk and runtime-version rewritten, bundled (app and .Locale),
# installed, and run in the bubblewrap sandbox under Xvfb. It is not a GNOME
# 50 build; the GNOME 50 manifests keep their offline checks (meson test).
#
# Everything lives in _build-flatpak/. The Debian roots and the exported
# runtimes are kept between runs, keyed by the apt sources and the package
# lists below (change either and they are rebuilt); the app, its bundles and
# the Flatpak installation (a private FLATPAK_USER_DIR) are made afresh on
# every run. `rm -rf _build-flatpak` starts from nothing.
set -euo pipefail

cd "$(dirname "$0")/.."
src=$PWD
work=$src/_build-flatpak
app_id=io.github.chronicle_app.Chronicle
manifest=$src/flatpak/$app_id.json

# The stand-in runtimes: honest names, so no one takes them for GNOME's.
platform_id=io.github.chronicle_app.StandIn.Platform
sdk_id=io.github.chronicle_app.StandIn.Sdk
branch=debian12
suite=bookworm

# What the app needs at run time: GTK 4.8 and libadwaita 1.2 with what they
# load (EGL and GL, or GTK falls back to Cairo with "libEGL not available in
# this sandbox"; the SVG loader for icons), fonts, and the C library's locale
# data for the languages po/ translates to.
platform_packages=(
  libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 libglib2.0-0 libcairo2 libpango-1.0-0
  libegl1 libgl1 librsvg2-common shared-mime-info hicolor-icon-theme adwaita-icon-theme
  gsettings-desktop-schemas fonts-cantarell fonts-dejavu-core locales
)
# What building it and running its tests needs, on top of the Platform: the
# build packages chronicle-dev installs on a Debian 12 host (passed in
# CHRONICLE_BUILD_PACKAGES), the validators the install tests use, and
# appstream-compose (appstream-util), which flatpak-builder runs in the Sdk.
sdk_extra_packages=(appstream libxml2-utils librsvg2-bin appstream-util)
# Locales generated in the Platform (what tests/test-i18n.c and po/ use).
runtime_locales=(de_DE uk_UA)

log() { echo "flatpak: $*"; }
die() {
  echo "flatpak: FAIL: $*" >&2
  exit 1
}

nice_run() { nice -n 10 "$@"; }

# The Debian sources this machine's apt uses (mirror, suites, components), as
# apt itself reports them, kept to the bookworm suites: the stand-in is
# assembled from exactly the archive the host installs from.
apt_sources() {
  apt-cache policy 2>/dev/null | awk -v suite="$suite" '
    $2 ~ /^(https?|file):/ && $3 ~ ("^" suite "(-updates|-security)?/") && $4 == "amd64" && $5 == "Packages" {
      split($3, part, "/"); print "deb " $2 " " part[1] " " part[2]
    }' | sort -u
}

key_of() { printf '%s\n' "$@" | sha256sum | cut -c1-16; }

# debootstrap wants one mirror: the first non-security one.
primary_mirror() {
  awk '$3 !~ /-security$/ { print $2; exit }' <<< "$1"
}

mounted=()
unmount_all() {
  local m
  for m in "${mounted[@]}"; do
    umount -l "$m" 2>/dev/null || true
  done
  mounted=()
}
trap unmount_all EXIT

# chroot_apt ROOT PACKAGE...: install packages into a Debian root with its own
# apt, the downloaded .debs shared through one archive directory.
chroot_apt() {
  local root=$1
  shift
  mkdir -p "$work/cache/archives/partial" "$root/var/cache/apt/archives"
  mount -t proc proc "$root/proc"
  mounted+=("$root/proc")
  mount --bind "$work/cache/archives" "$root/var/cache/apt/archives"
  mounted+=("$root/var/cache/apt/archives")
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  local in_root=(chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
                 DEBIAN_FRONTEND=noninteractive)
  nice_run "${in_root[@]}" apt-get update -q >> "$work/logs/apt.log" 2>&1 \
    || die "apt-get update in $root failed (log: $work/logs/apt.log)"
  nice_run "${in_root[@]}" apt-get install -y -q --no-install-recommends "$@" >> "$work/logs/apt.log" 2>&1 \
    || die "apt-get install in $root failed (log: $work/logs/apt.log)"
  rm -f "$root/usr/sbin/policy-rc.d"
  unmount_all
}

# The minimal bookworm both roots start from, as a tarball.
make_base() {
  local sources=$1 key=$2 tarball=$work/cache/base-$2.tar
  if [ -f "$tarball" ]; then
    log "Debian $suite base: cached ($key)" >&2
    echo "$tarball"
    return
  fi
  local mirror tmp
  mirror=$(primary_mirror "$sources")
  log "Debian $suite base: debootstrap --variant=minbase from $mirror" >&2
  tmp=$work/cache/base-tmp
  rm -rf "$tmp"
  nice_run debootstrap --variant=minbase "$suite" "$tmp" "$mirror" > "$work/logs/debootstrap.log" 2>&1 \
    || die "debootstrap failed (log: $work/logs/debootstrap.log)"
  printf '%s\n' "$sources" > "$tmp/etc/apt/sources.list"
  tar -C "$tmp" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
  rm -rf "$tmp"
  echo "$tarball"
}

# make_root NAME KEY FROM PACKAGE...: a root with the packages, unpacked from
# FROM (a tarball or a root to copy); cached under its key. Prints its path.
make_root() {
  local name=$1 key=$2 from=$3
  shift 3
  local root=$work/roots/$name-$key
  if [ -f "$root/.complete" ]; then
    log "$name root: cached ($key)" >&2
    echo "$root"
    return
  fi
  log "$name root: installing ${#@} packages and their dependencies" >&2
  rm -rf "$work/roots/$name-"*
  mkdir -p "$root.part"
  if [ -f "$from" ]; then
    tar -C "$root.part" -xf "$from"
  else
    cp -a "$from/." "$root.part/"
    rm -f "$root.part/.complete"
  fi
  chroot_apt "$root.part" "$@" >&2
  if [ "$name" = platform ]; then
    local loc
    for loc in "${runtime_locales[@]}"; do
      echo "$loc.UTF-8 UTF-8" >> "$root.part/etc/locale.gen"
    done
    chroot "$root.part" env -i PATH=/usr/sbin:/usr/bin locale-gen > "$work/logs/locale-gen.log" 2>&1 \
      || die "locale-gen in the platform root failed (log: $work/logs/locale-gen.log)"
  fi
  touch "$root.part/.complete"
  mv "$root.part" "$root"
  echo "$root"
}

# export_runtime ROOT ID KEY: the root's /usr, with its /etc copied in, as a
# runtime in the local repository (once per key).
export_runtime() {
  local root=$1 id=$2 key=$3 repo=$work/runtime-repo
  if [ "$(cat "$repo/.key-$id" 2>/dev/null)" = "$key" ] \
     && ostree --repo="$repo" rev-parse "runtime/$id/x86_64/$branch" >/dev/null 2>&1; then
    log "$id//$branch: already exported ($key)"
    return
  fi
  log "$id//$branch: exporting"
  rm -rf "$root/usr/etc"
  cp -a "$root/etc" "$root/usr/etc"
  rm -f "$root/usr/etc/resolv.conf"
  # Flatpak regenerates the library cache with /usr/bin/ldconfig.
  [ -e "$root/usr/bin/ldconfig" ] || ln -s ../sbin/ldconfig "$root/usr/bin/ldconfig"
  cat > "$root/metadata" <<EOF
[Runtime]
name=$id
runtime=$platform_id/x86_64/$branch
sdk=$sdk_id/x86_64/$branch
EOF
  # --files=usr: without it, "Build directory ... not initialized".
  nice_run flatpak build-export --runtime --files=usr \
    --subject="Debian 12 stand-in runtime for Chronicle (not GNOME)" \
    "$repo" "$root" "$branch" > "$work/logs/export-$id.log" 2>&1 \
    || die "flatpak build-export of $id failed (log: $work/logs/export-$id.log)"
  echo "$key" > "$repo/.key-$id"
}

# The release manifest with only runtime, sdk and runtime-version rewritten;
# next to it in _build-flatpak, its dir source ".." is still this checkout.
write_manifest() {
  python3 - "$manifest" "$work/$app_id.json" "$platform_id" "$sdk_id" "$branch" <<'EOF'
import json, sys
source, target, platform, sdk, branch = sys.argv[1:6]
with open(source, encoding='utf-8') as f:
    manifest = json.load(f)
manifest['runtime'] = platform
manifest['sdk'] = sdk
manifest['runtime-version'] = branch
with open(target, 'w', encoding='utf-8') as f:
    json.dump(manifest, f, indent=4)
    f.write('\n')
EOF
}

build_everything() {
  mkdir -p "$work/cache" "$work/roots" "$work/logs"
  local build_packages sdk_packages
  read -r -a build_packages <<< "${CHRONICLE_BUILD_PACKAGES:?run this through bash build-aux/chronicle-dev flatpak}"
  sdk_packages=("${build_packages[@]}" "${sdk_extra_packages[@]}")
  local sources base_key platform_key sdk_key base platform_root sdk_root
  sources=$(apt_sources)
  [ -n "$sources" ] || die "apt-cache policy lists no Debian $suite sources on this machine"
  base_key=$(key_of "$sources" "minbase $suite")
  platform_key=$(key_of "$base_key" "${platform_packages[@]}" "${runtime_locales[@]}")
  sdk_key=$(key_of "$platform_key" "${sdk_packages[@]}")

  base=$(make_base "$sources" "$base_key")
  platform_root=$(make_root platform "$platform_key" "$base" "${platform_packages[@]}")
  sdk_root=$(make_root sdk "$sdk_key" "$platform_root" "${sdk_packages[@]}")
  export_runtime "$platform_root" "$platform_id" "$platform_key"
  export_runtime "$sdk_root" "$sdk_id" "$sdk_key"
  log "runtime repository: $(du -sh "$work/runtime-repo" | cut -f1)"

  # A private installation, made afresh: nothing of the user's is touched.
  export FLATPAK_USER_DIR=$work/installation
  rm -rf "$FLATPAK_USER_DIR"
  flatpak --user remote-add --if-not-exists --no-gpg-verify standin "file://$work/runtime-repo"
  nice_run flatpak --user install -y --noninteractive --reinstall standin \
    "$platform_id//$branch" "$sdk_id//$branch" > "$work/logs/install-runtime.log" 2>&1 \
    || die "installing the stand-in runtime failed (log: $work/logs/install-runtime.log)"
  log "installed $platform_id//$branch and $sdk_id//$branch"

  write_manifest
  log "building $app_id (tests run inside the Sdk; log: $work/logs/flatpak-builder.log)"
  rm -rf "$work/app-repo"
  # --disable-rofiles-fuse: the FUSE overlay is an optimisation, and not
  # every machine (or chroot) can mount it.
  if ! nice_run flatpak-builder --user --force-clean --disable-rofiles-fuse \
         --state-dir="$work/builder-state" --repo="$work/app-repo" \
         "$work/app-build" "$work/$app_id.json" > "$work/logs/flatpak-builder.log" 2>&1; then
    tail -n 40 "$work/logs/flatpak-builder.log" >&2
    die "flatpak-builder failed (log: $work/logs/flatpak-builder.log)"
  fi
  grep -E '^(Ok|Fail|Skipped|Expected Fail|Unexpected Pass|Timeout): ' "$work/logs/flatpak-builder.log" \
    | tr '\n' ' ' | sed 's/^/flatpak: tests in the Sdk: /; s/ *$/\n/' || true

  flatpak build-bundle "$work/app-repo" "$work/chronicle.flatpak" "$app_id" \
    || die "flatpak build-bundle of the app failed"
  flatpak build-bundle --runtime "$work/app-repo" "$work/chronicle-locale.flatpak" "$app_id.Locale" \
    || die "flatpak build-bundle of the translations failed"
  log "bundles: chronicle.flatpak $(du -h "$work/chronicle.flatpak" | cut -f1)," \
    "chronicle-locale.flatpak $(du -h "$work/chronicle-locale.flatpak" | cut -f1)"
  # Both, as the README tells users to: without .Locale the app is English
  # whatever the language.
  local bundle
  for bundle in chronicle.flatpak chronicle-locale.flatpak; do
    flatpak --user install -y --noninteractive --reinstall --bundle "$work/$bundle" \
      > "$work/logs/install-$bundle.log" 2>&1 \
      || die "installing $bundle failed (log: $work/logs/install-$bundle.log)"
  done
  log "installed both bundles"
}

# ---------------------------------------------------------------------------
# The checks, run inside a private session bus and X server (see main).

results=()
failures=0
check() {
  local name=$1 verdict=$2 detail=$3
  echo "flatpak: $verdict: $name: $detail"
  results+=("$name")
  [ "$verdict" = ok ] || failures=$((failures + 1))
}

# retitle SOURCE TARGET TITLE: a copy of a timeline with another title.
retitle() {
  python3 - "$@" <<'EOF'
import json, sys
with open(sys.argv[1], encoding='utf-8') as f:
    timeline = json.load(f)
timeline['title'] = sys.argv[3]
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    json.dump(timeline, f)
EOF
}

# wait_window NAME SECONDS: the id of a visible window whose name matches.
wait_window() {
  timeout "$2" xdotool search --sync --onlyvisible --name "$1" 2>/dev/null | head -n 1
}

run_checks() {
  local out=$work/checks
  rm -rf "$out"
  mkdir -p "$out/shared" "$out/private"

  export XDG_CURRENT_DESKTOP=GNOME
  # /run/user/UID, private to this mount namespace (see in_private_session):
  # the file chooser portal hands the app the document portal's path as the
  # host sees it, and the sandbox has the documents at /run/user/UID/doc, so
  # any other runtime folder gives the app a path that does not exist.
  export XDG_RUNTIME_DIR=/run/user/$(id -u)
  # The portal backend is started by D-Bus activation: it needs the display.
  dbus-update-activation-environment DISPLAY XAUTHORITY XDG_CURRENT_DESKTOP XDG_RUNTIME_DIR
  local app_pid=
  # shellcheck disable=SC2064
  trap "[ -z \"\${app_pid:-}\" ] || kill \$app_pid 2>/dev/null; fusermount3 -u -z '$XDG_RUNTIME_DIR/doc' 2>/dev/null" EXIT

  # 1. The window appears: a timeline with a title of its own, in a folder
  # granted read-only, names it.
  local token
  token=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
  retitle "$src/data/examples/istanbul-talks-2025.json" "$out/shared/window.json" "Window check $token"
  flatpak run --filesystem="$out/shared:ro" "$app_id" "$out/shared/window.json" > "$out/app.log" 2>&1 &
  app_pid=$!
  local window
  window=$(wait_window "^Window check $token\$" 90 || true)
  if [ -n "$window" ]; then
    check window ok "the sandboxed app shows its window, named after the timeline (X id $window)"
  else
    check window FAIL "no window named \"Window check $token\" within 90 s (log: $out/app.log)"
  fi

  # 2. --export writes where the host sees it, and a path only the sandbox
  # sees (its private /tmp) is refused rather than lost.
  cp "$src/data/examples/istanbul-talks-2025.json" "$out/shared/timeline.json"
  rm -f "$out/shared/chart.png"
  if flatpak run --command=chronicle --filesystem="$out/shared" "$app_id" \
       --export "$out/shared/chart.png" "$out/shared/timeline.json" > "$out/export.log" 2>&1 \
     && [ "$(head -c 8 "$out/shared/chart.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
    check export ok "--export wrote a PNG the host reads ($(stat -c %s "$out/shared/chart.png") bytes)"
  else
    check export FAIL "--export did not leave a PNG at $out/shared/chart.png (log: $out/export.log)"
  fi
  if flatpak run --command=chronicle --filesystem="$out/shared" "$app_id" \
       --export /tmp/chronicle-lost.png "$out/shared/timeline.json" > "$out/export-private.log" 2>&1; then
    check export-private FAIL "--export /tmp/… exited 0 but the PNG stays in the sandbox's private /tmp"
  elif grep -q -- '--filesystem' "$out/export-private.log"; then
    check export-private ok "--export /tmp/… is refused and says how to reach the host ($(head -n 1 "$out/export-private.log" | cut -c1-80)…)"
  else
    check export-private FAIL "--export /tmp/… failed without saying what to do (log: $out/export-private.log)"
  fi

  # 3. A host file the sandbox cannot see opens through the portal's file
  # chooser (xdg-desktop-portal-gtk) and the document portal.
  local title picked
  title="Portal check $token"
  picked=$out/private/portal-$token.json
  retitle "$src/data/examples/istanbul-talks-2025.json" "$picked" "$title"
  local chooser= opened= attempt
  # Up to three tries: on a loaded machine a key typed before the dialog
  # is ready is lost. Without a window manager the dialog may open under
  # the main window: raise it before typing.
  for attempt in 1 2 3; do
    [ -n "$window" ] || break
    if [ -z "$chooser" ] || ! xdotool getwindowname "$chooser" >/dev/null 2>&1; then
      xdotool windowfocus --sync "$window" 2>/dev/null || true
      xdotool key --clearmodifiers ctrl+o
      # (A Ctrl+O typed while the window is still busy is lost too:
      # the next try types it again.)
      chooser=$(wait_window '^Open Timelines$' 40 || true)
      [ -n "$chooser" ] || continue
    fi
    xdotool windowraise "$chooser" 2>/dev/null || true
    xdotool windowfocus --sync "$chooser" 2>/dev/null || true
    sleep $((attempt + 1))
    xdotool key --clearmodifiers ctrl+l
    sleep 1
    xdotool key --clearmodifiers ctrl+a
    xdotool type --delay 40 "$picked"
    sleep 1
    xdotool key --clearmodifiers Return
    opened=$(wait_window "^$title\$" 20 || true)
    [ -z "$opened" ] || break
  done
  if command -v import >/dev/null; then
    import -window root "$out/screen.png" 2>/dev/null || true
  fi
  if [ -n "$opened" ]; then
    check portal ok "a host file outside the sandbox opened through the portal file chooser (window \"$title\", try $attempt)"
  elif [ -z "$window" ]; then
    check portal FAIL "no app window to open from"
  elif [ -z "${chooser:-}" ]; then
    check portal FAIL "Ctrl+O, typed 3 times, showed no portal file chooser named \"Open Timelines\" in 40 s each (log: $out/app.log)"
  else
    check portal FAIL "the file chooser appeared but \"$title\" did not open in 3 tries (log: $out/app.log; screen: $out/screen.png)"
  fi

  # 4. The .Locale bundle reaches the app: --help in German is not the
  # English one.
  local en de de_line
  en=$(flatpak run --command=chronicle --env=LC_ALL=C.UTF-8 "$app_id" --help 2>&1 || true)
  de=$(flatpak run --command=chronicle --env=LC_ALL=de_DE.UTF-8 --env=LANGUAGE=de "$app_id" --help 2>&1 || true)
  de_line=$(diff <(echo "$en") <(echo "$de") | sed -n 's/^> //p' | grep -v '^ *$' | head -n 1 || true)
  if [ -n "$en" ] && [ -n "$de_line" ]; then
    check translations ok "with LC_ALL=de_DE.UTF-8, --help is German (“$(cut -c1-60 <<< "$de_line")”)"
  else
    check translations FAIL "--help is the same in German and English: is the .Locale extension installed?"
  fi

  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=

  if [ "$failures" -eq 0 ]; then
    echo "flatpak: PASS: ${#results[@]} of ${#results[@]} sandbox checks on the Debian 12 stand-in runtime (GTK 4.8, libadwaita 1.2; not GNOME 50)"
  else
    echo "flatpak: FAIL: $failures of ${#results[@]} sandbox checks failed on the Debian 12 stand-in runtime (GTK 4.8, libadwaita 1.2; not GNOME 50)"
    return 1
  fi
}

# in_private_session: run the checks with a private /run/user (a tmpfs in
# a mount namespace of their own), session bus and X server.
in_private_session() {
  mkdir -p /run/user
  unshare --mount --propagation private -- bash -c '
    mount -t tmpfs -o mode=0755 chronicle-flatpak-run-user /run/user \
      && mkdir -m 0700 "/run/user/$1" \
      && exec dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" bash "$2" --checks' \
    bash "$(id -u)" "$src/build-aux/flatpak-standin.sh"
}

case ${1:-} in
  checks)
    # Only the sandbox checks, on what the last full run installed.
    in_private_session
    ;;
  --checks)
    export FLATPAK_USER_DIR=$work/installation
    run_checks
    ;;
  "")
    [ "$(id -u)" -eq 0 ] || die "debootstrap and chroot need root: run it through bash build-aux/chronicle-dev flatpak"
    start=$(date +%s)
    log "Debian 12 stand-in runtime (GTK 4.8, libadwaita 1.2), not GNOME 50"
    # Flatpak builds and runs everything through bubblewrap: find out now,
    # not after ten minutes of building, whether it can make a sandbox here.
    # Inside a plain chroot (whose / is not a mount point) it cannot.
    if ! bwrap_error=$(bwrap --ro-bind / / --proc /proc --dev /dev true 2>&1); then
      die "bubblewrap cannot make a sandbox on this machine ($bwrap_error), so Flatpak can neither build nor run apps here; a chroot whose / is not a mount point is one such place. Run this on a machine or container that can (Debian 12 with user namespaces, or as root outside a chroot)."
    fi
    build_everything
    log "built and installed in $(( $(date +%s) - start )) s; running the sandboxed checks"
    rc=0
    in_private_session || rc=$?
    log "total $(( $(date +%s) - start )) s"
    exit $rc
    ;;
  *)
    die "unknown argument '$1'"
    ;;
esac
