/* chronicle-cli.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the command-line modes, documented in --help. */
typedef enum
{
  CHRONICLE_EXIT_OK       = 0,
  CHRONICLE_EXIT_WARNINGS = 1,  /* --validate: loaded, with warnings */
  CHRONICLE_EXIT_FAILED   = 2,  /* refused file, bad argument, failed write */
} ChronicleExitCode;

gboolean chronicle_cli_handles (int    argc,
                                char **argv);
int      chronicle_cli_run     (int    argc,
                                char **argv);

G_END_DECLS
