/* test-sandbox.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "chronicle-cli.h"
#include "chronicle-sandbox.h"
#include "chronicle-test-util.h"

/*
 * chronicle_sandbox_check_output() decides whether an --export path inside
 * a Flatpak sandbox reaches the host. These tests give it a fake
 * /.flatpak-info (a file in the fixture's folder) and a fake home, so they
 * run outside any sandbox. The real sandbox is checked by
 * `bash build-aux/chronicle-dev flatpak`.
 */

typedef ChronicleTestDirFixture Fixture;

#define HOME "/home/ada"
#define APP "io.github.chronicle_app.Chronicle"

/* Writes a sandbox description granting @filesystems (NULL: no
 * [Context] filesystems key), @build for `flatpak build`'s; returns its
 * path. */
static char *
write_info_full (Fixture    *fixture,
                 const char *filesystems,
                 gboolean    build)
{
  g_autofree char *path = g_build_filename (fixture->dir, "flatpak-info", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("[Application]\nname=" APP "\nruntime=runtime/x/x86_64/1\n\n[Context]\n");

  if (build)
    g_string_insert (text, strlen ("[Application]\nname=" APP "\nruntime=runtime/x/x86_64/1\n"),
                     "\n[Instance]\nbuild=true\n");
  g_string_append (text, "shared=ipc;\n");
  if (filesystems != NULL)
    g_string_append_printf (text, "filesystems=%s\n", filesystems);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static char *
write_info (Fixture    *fixture,
            const char *filesystems)
{
  return write_info_full (fixture, filesystems, FALSE);
}

/* Asserts that @path is refused, with a message that names it and says
 * how to share a folder. */
static void
assert_refused (const char *info,
                const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (chronicle_sandbox_check_output (info, HOME, "--export", path, &error));
  g_assert_error (error, CHRONICLE_CLI_ERROR, CHRONICLE_CLI_ERROR_SANDBOX);
  g_assert_nonnull (strstr (error->message, "--export: "));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "--filesystem="));
  g_assert_nonnull (strstr (error->message, HOME "/.var/app/" APP));
}

static void
assert_allowed (const char *info,
                const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (chronicle_sandbox_check_output (info, HOME, "--export", path, &error));
  g_assert_no_error (error);
}

/* No sandbox description: not in a sandbox, every path is the host's. */
static void
test_no_sandbox (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-flatpak-info", NULL);

  assert_allowed (missing, "/tmp/chart.png");
  assert_allowed (missing, "chart.png");
}

/* The manifest's own permissions share no folder: /tmp, the home folder
 * and the current folder are the sandbox's; the app's data folder is not. */
static void
test_no_grants (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *info = write_info (fixture, NULL);

  assert_refused (info, "/tmp/chart.png");
  assert_refused (info, HOME "/chart.png");
  assert_refused (info, HOME "/.var/app/" APP "/../../../tmp/chart.png");
  assert_refused (info, HOME "/.var/app/" APP "-other/chart.png");
  assert_allowed (info, HOME "/.var/app/" APP "/data/chart.png");

  /* A relative path is the current folder's (the build folder here), not
   * the home folder's. */
  g_assert_false (chronicle_sandbox_check_output (info, HOME, "--export", "chart.png", NULL));
}

/* Each form of --filesystem reaches exactly its folder. */
static void
test_grants (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *home = write_info (fixture, "home;");
  g_autofree char *tmp = NULL;
  g_autofree char *tilde = NULL;
  g_autofree char *xdg = NULL;
  g_autofree char *host = NULL;
  g_autofree char *revoked = NULL;

  assert_allowed (home, HOME "/Charts/chart.png");
  assert_refused (home, "/home/adam/chart.png");
  assert_refused (home, "/tmp/chart.png");

  tmp = write_info (fixture, "/tmp:create;");
  assert_allowed (tmp, "/tmp/chart.png");
  assert_refused (tmp, "/var/tmp/chart.png");

  tilde = write_info (fixture, "~/Charts:ro;/srv/data;");
  assert_allowed (tilde, HOME "/Charts/2025/chart.png");
  assert_allowed (tilde, "/srv/data/chart.png");
  assert_refused (tilde, HOME "/Chartsx/chart.png");
  assert_refused (tilde, "/srv/chart.png");

  xdg = write_info (fixture, "xdg-config/chronicle;");
  assert_allowed (xdg, HOME "/.config/chronicle/chart.png");
  assert_refused (xdg, HOME "/.config/chart.png");

  host = write_info (fixture, "host;");
  assert_allowed (host, "/tmp/chart.png");

  revoked = write_info (fixture, "!home;");
  assert_refused (revoked, HOME "/chart.png");
}

/* flatpak-builder runs the tests (test-cli exports to /tmp) in a build
 * sandbox: a developer's, not judged. */
static void
test_build_sandbox (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *build = write_info_full (fixture, NULL, TRUE);
  g_autofree char *run = NULL;

  assert_allowed (build, "/tmp/chart.png");
  run = write_info_full (fixture, NULL, FALSE);
  assert_refused (run, "/tmp/chart.png");
}

/* A grant this code does not know may share the folder: never refuse a
 * write that could work. */
static void
test_unknown_grant (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *info = write_info (fixture, "future-grant/x;");

  assert_allowed (info, "/tmp/chart.png");
}

/* --image-map is named in its own refusal. */
static void
test_option_named (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *info = write_info (fixture, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (chronicle_sandbox_check_output (info, HOME, "--image-map", "/tmp/map.html", &error));
  g_assert_error (error, CHRONICLE_CLI_ERROR, CHRONICLE_CLI_ERROR_SANDBOX);
  g_assert_true (g_str_has_prefix (error->message, "--image-map: “/tmp/map.html”"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  chronicle_test_add_with_dir ("/sandbox/no-sandbox", test_no_sandbox);
  chronicle_test_add_with_dir ("/sandbox/no-grants", test_no_grants);
  chronicle_test_add_with_dir ("/sandbox/grants", test_grants);
  chronicle_test_add_with_dir ("/sandbox/build-sandbox", test_build_sandbox);
  chronicle_test_add_with_dir ("/sandbox/unknown-grant", test_unknown_grant);
  chronicle_test_add_with_dir ("/sandbox/option-named", test_option_named);

  return g_test_run ();
}
