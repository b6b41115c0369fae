/* fuzz-cli.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A libFuzzer target for the command line: chronicle_cli_options_parse(),
 * which parses and checks the options of --export and --validate without
 * reading or writing a file. The input is the arguments after the program
 * name, separated by NUL bytes. For whatever bytes:
 *
 *  - the GError contract holds (NULL if and only if the error is set, in
 *    CHRONICLE_CLI_ERROR), and the message is one line of valid UTF-8
 *    with no control character: values are quoted escaped;
 *  - options that parse are consistent: an export has one FILE, options
 *    within their documented limits, --from before --to; a validation
 *    has at least one FILE; help has its text.
 *
 * Built with -Dfuzzing=true (docs/fuzzing.md):
 *
 *   _build-fuzz/tests/fuzz-cli -dict=tests/fuzz-cli.dict corpus-cli tests/fuzz-corpus/cli
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

#include "chronicle-cli.h"

/* More arguments than any real command line; keeps one input cheap. */
#define MAX_ARGS 256

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(ChronicleCliOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  const char *p = (const char *) data;
  const char *end = p + size;

  g_ptr_array_add (argv, g_strdup ("chronicle"));
  while (p < end && argv->len < MAX_ARGS)
    {
      const char *nul = memchr (p, '\0', end - p);
      const char *stop = nul != NULL ? nul : end;

      g_ptr_array_add (argv, g_strndup (p, stop - p));
      p = stop + 1;
    }
  g_ptr_array_add (argv, NULL);

  options = chronicle_cli_options_parse (argv->len - 1, (char **) argv->pdata, &error);
  if (options == NULL)
    {
      if (error == NULL || error->domain != CHRONICLE_CLI_ERROR)
        abort ();
      fuzz_check_line (error->message);
      return 0;
    }
  if (error != NULL || options->files == NULL)
    abort ();

  switch (options->mode)
    {
    case CHRONICLE_CLI_MODE_HELP:
      if (options->help == NULL || !g_utf8_validate (options->help, -1, NULL))
        abort ();
      break;

    case CHRONICLE_CLI_MODE_VERSION:
      break;

    case CHRONICLE_CLI_MODE_VALIDATE:
      if (options->files[0] == NULL)
        abort ();
      break;

    case CHRONICLE_CLI_MODE_EXPORT:
      if (g_strv_length (options->files) != 1 || options->output == NULL)
        abort ();
      if (!chronicle_export_options_validate (&options->export, NULL))
        abort ();
      if (options->has_from && options->has_to && options->from >= options->to)
        abort ();
      if (options->has_from != (options->from_text != NULL) || options->has_to != (options->to_text != NULL))
        abort ();
      break;

    case CHRONICLE_CLI_MODE_EXTRACT:
      /* one article, no timeline files, a publication date only to the day */
      if (options->article == NULL || options->files[0] != NULL)
        abort ();
      if (options->published != NULL && options->published->precision != CHRONICLE_DATE_PRECISION_DAY)
        abort ();
      break;

    default:
      abort ();
    }

  return 0;
}
