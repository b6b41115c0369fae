/* main.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "chronicle-application.h"
#include "chronicle-cli.h"
#include "chronicle-timing-private.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ChronicleApplication) app = NULL;
  const char *locale_dir = g_getenv ("CHRONICLE_LOCALEDIR");

  chronicle_timing_mark ("main");
  setlocale (LC_ALL, "");
  /* A build that is not installed finds its catalogues in the build tree
   * (build-aux/chronicle-dev run and `meson devenv` set the variable). */
  if (locale_dir == NULL || *locale_dir == '\0')
    locale_dir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --export, --validate and --help run without GTK, so that pipelines on
   * a server with no display can use them. */
  if (chronicle_cli_handles (argc, argv))
    return chronicle_cli_run (argc, argv);

  app = chronicle_application_new ();
  /* `chronicle FILE`: the file loads on its thread while GTK starts and
   * the window is built (issue #12). */
  if (chronicle_application_preload_arguments (app, argc, argv) > 0)
    chronicle_timing_mark ("load");

  return g_application_run (G_APPLICATION (app), argc, argv);
}
