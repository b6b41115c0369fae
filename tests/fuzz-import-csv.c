/* fuzz-import-csv.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A libFuzzer target for the spreadsheet reader (issue #14): whatever the
 * bytes, chronicle_import_csv() returns a document or an error, never a
 * crash or a hang; every note is one line of valid UTF-8 without control
 * characters; and the document it makes always loads: a conversion the
 * loader refuses would be the reader's bug, not the file's. The sniffing
 * is skipped, so every input is read as a table.
 *
 *   _build-fuzz/tests/fuzz-import-csv -dict=tests/fuzz-import-csv.dict -max_len=65536 \
 *     corpus-import-csv tests/fuzz-corpus/import-csv
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fuzz-common.h"

#include "chronicle-import-private.h"
#include "chronicle-timeline-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  ChronicleImportReport report;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) load_error = NULL;
  g_auto(GStrv) warnings = NULL;

  /* The sniffer must not crash either, whatever it answers. */
  (void) chronicle_import_is_csv ((const char *) data, size);

  chronicle_import_report_init (&report);
  document = chronicle_import_csv ((const char *) data, size, &report, &error);
  if ((document == NULL) == (error == NULL))
    abort ();
  for (guint i = 0; i < report.notes->len; i++)
    fuzz_check_line (g_ptr_array_index (report.notes, i));
  if (report.summary != NULL)
    fuzz_check_line (report.summary);
  chronicle_import_report_clear (&report);
  if (document == NULL)
    {
      fuzz_check_line (error->message);
      return 0;
    }

  timeline = chronicle_timeline_load_from_data (document, -1, &warnings, &load_error);
  if (timeline == NULL)
    abort ();
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    fuzz_check_line (warnings[i]);
  return 0;
}
