/* fuzz-import-timelinejs.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A libFuzzer target for the TimelineJS 3 and 2 readers (issue #14): any
 * JSON object that parses is given to chronicle_import_timelinejs2() when
 * it has a "timeline" member of any type, else to
 * chronicle_import_timelinejs() (the shape checks are only asked, not
 * obeyed); each returns a document or an error, never
 * a crash; every note is one line of valid UTF-8 without control
 * characters; and the document it makes always loads. HTML in the texts
 * goes through libxml2 here too.
 *
 *   _build-fuzz/tests/fuzz-import-timelinejs -dict=tests/fuzz-import-timelinejs.dict \
 *     -max_len=262144 corpus-import-timelinejs tests/fuzz-corpus/import-timelinejs
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
  ChronicleJsonDocument parsed = { 0, };
  ChronicleImportReport report;
  g_autoptr(GError) error = NULL;
  g_autofree char *document = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) load_error = NULL;
  g_auto(GStrv) warnings = NULL;
  ChronicleJsonNode *root;

  if (!chronicle_json_document_parse (&parsed, (const char *) data, size, NULL, NULL, NULL))
    {
      chronicle_json_document_clear (&parsed);
      return 0;
    }
  root = chronicle_json_document_get_root (&parsed);
  (void) chronicle_import_is_timelinejs (root);
  (void) chronicle_import_is_timelinejs2 (root);
  if (chronicle_json_node_get_node_type (root) != CHRONICLE_JSON_NODE_OBJECT)
    {
      chronicle_json_document_clear (&parsed);
      return 0;
    }

  chronicle_import_report_init (&report);
  /* One corpus for both: TimelineJS 2 keeps everything in "timeline". */
  if (chronicle_json_object_get_member (root, "timeline") != NULL)
    document = chronicle_import_timelinejs2 (root, &report, &error);
  else
    document = chronicle_import_timelinejs (root, &report, &error);
  chronicle_json_document_clear (&parsed);
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
