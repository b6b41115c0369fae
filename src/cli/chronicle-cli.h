/* chronicle-cli.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-date.h"
#include "chronicle-export.h"

G_BEGIN_DECLS

/* Exit codes of the command-line modes, documented in --help. */
typedef enum
{
  CHRONICLE_EXIT_OK       = 0,
  CHRONICLE_EXIT_WARNINGS = 1,  /* --validate: loaded, with warnings */
  CHRONICLE_EXIT_FAILED   = 2,  /* refused file, bad argument, failed write */
} ChronicleExitCode;

#define CHRONICLE_CLI_ERROR (chronicle_cli_error_quark ())

typedef enum
{
  CHRONICLE_CLI_ERROR_USAGE,    /* an unknown option, a bad value, a wrong combination */
  CHRONICLE_CLI_ERROR_SANDBOX,  /* an output path only the Flatpak sandbox sees */
} ChronicleCliError;

typedef enum
{
  CHRONICLE_CLI_MODE_HELP,
  CHRONICLE_CLI_MODE_VERSION,
  CHRONICLE_CLI_MODE_VALIDATE,
  CHRONICLE_CLI_MODE_EXPORT,
  CHRONICLE_CLI_MODE_EXTRACT,
} ChronicleCliMode;

/* An export of the timeline's data instead of a picture of it. */
typedef enum
{
  CHRONICLE_CLI_DATA_NONE,
  CHRONICLE_CLI_DATA_TIMELINEJS,
  CHRONICLE_CLI_DATA_TIMELINEJS_CSV,
  CHRONICLE_CLI_DATA_CHRONICLE,  /* our own format, through the writer Save uses */
} ChronicleCliData;

/*
 * The command line, parsed and checked: what chronicle_cli_run() acts on.
 * Nothing in it has touched a file yet.
 */
typedef struct
{
  ChronicleCliMode        mode;
  char                   *help;        /* MODE_HELP: the text to print */
  GStrv                   files;       /* the FILE arguments, never NULL */
  char                   *output;      /* MODE_EXPORT: OUT as given */
  ChronicleCliData        data_format; /* MODE_EXPORT: --format timelinejs(-csv) or chronicle, OUT is data */
  ChronicleExportOptions  export;      /* MODE_EXPORT */
  gboolean                has_from;
  gboolean                has_to;
  gint64                  from;        /* start of --from's date, Unix seconds */
  gint64                  to;          /* end of --to's date: it is shown whole */
  gboolean                from_zoned;  /* written with a UTC offset: an instant, */
  gboolean                to_zoned;    /* moved into the display zone */
  char                   *from_text;   /* as given, for messages */
  char                   *to_text;
  char                   *subtitle;    /* owned; export.subtitle borrows it */
  char                   *image_map;   /* MODE_EXPORT: --image-map as given, or NULL */
  char                   *article;     /* MODE_EXTRACT: ARTICLE as given */
  ChronicleDate          *published;   /* MODE_EXTRACT: --published, or NULL */
  GHashTable             *columns;     /* --columns: column name -> field, or NULL */
} ChronicleCliOptions;

GQuark               chronicle_cli_error_quark   (void);
ChronicleCliOptions *chronicle_cli_options_parse (int                   argc,
                                                  char                **argv,
                                                  GError              **error);
void                 chronicle_cli_options_free  (ChronicleCliOptions  *options);

gboolean             chronicle_cli_handles       (int                   argc,
                                                  char                **argv);
int                  chronicle_cli_run           (int                   argc,
                                                  char                **argv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleCliOptions, chronicle_cli_options_free)

G_END_DECLS
