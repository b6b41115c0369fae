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
 * is skipped, so every input is read as a table. The mapping dialog's
 * preview reads each input too, as recognised and with a mapping.
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

static void
check_preview (ChronicleImportPreview *preview,
               GError                 *error)
{
  if ((preview == NULL) == (error == NULL))
    abort ();
  if (preview == NULL)
    {
      fuzz_check_line (error->message);
      return;
    }
  for (guint i = 0; i < preview->rows->len; i++)
    {
      ChronicleImportPreviewRow *row = g_ptr_array_index (preview->rows, i);

      if (row->note != NULL)
        fuzz_check_line (row->note);
    }
}

/* The mapping dialog's preview: first as recognised, then with the
 * fields moved one column on, as a user choosing columns would. */
static void
fuzz_preview (const char *data,
              size_t      size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleImportPreview) guess = chronicle_import_csv_preview (data, size, NULL, 10, &error);
  g_autoptr(ChronicleImportPreview) preview = NULL;
  g_autoptr(GHashTable) mapping = NULL;
  int columns[CHRONICLE_IMPORT_N_FIELDS];
  guint n_columns;

  check_preview (guess, error);
  if (guess == NULL)
    return;
  n_columns = g_strv_length (guess->header);
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    columns[f] = n_columns > 0 ? (int) ((f + 1) % (n_columns + 1)) - 1 : -1;
  mapping = chronicle_import_preview_make_mapping (guess, columns);
  preview = chronicle_import_csv_preview (data, size, mapping, 10, &error);
  check_preview (preview, error);
}

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
  fuzz_preview ((const char *) data, size);

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
