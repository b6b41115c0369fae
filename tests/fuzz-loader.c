/* fuzz-loader.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A libFuzzer target for the timeline loader: whatever the bytes, it
 * returns a timeline or an error, never a crash. The error message, its
 * summary and every warning are one line of valid UTF-8 without control
 * characters (ids and values from the file are quoted escaped); what it
 * loads is valid UTF-8 all the way down, and what the writer makes of it
 * loads again with the same title and events. Built with -Dfuzzing=true
 * (docs/fuzzing.md), whose -max_len lets inputs nest past the 512-level
 * limit:
 *
 *   _build-fuzz/tests/fuzz-loader -dict=tests/fuzz-loader.dict -max_len=262144 \
 *     corpus-loader tests/fuzz-corpus/loader
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "fuzz-common.h"

#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer.h"

static void
check_text (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;

  timeline = chronicle_timeline_load_from_data ((const char *) data, size, &warnings, &error);
  if (timeline == NULL)
    {
      /* The GError contract: NULL if and only if the error is set. */
      if (error == NULL)
        abort ();
      fuzz_check_line (error->message);
      fuzz_check_line (chronicle_load_error_get_summary (error));
      return 0;
    }

  if (error != NULL)
    abort ();
  check_text (chronicle_timeline_get_title (timeline));
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    fuzz_check_line (warnings[i]);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);

      check_text (chronicle_event_get_id (event));
      check_text (chronicle_event_get_title (event));
      check_text (chronicle_event_get_summary (event));
    }

  /* What loads, saves; and what was saved loads again, the same. */
  {
    g_autoptr(ChronicleTimeline) again = NULL;
    g_autoptr(GError) again_error = NULL;
    g_autofree char *saved = NULL;
    gsize saved_length = 0;

    saved = chronicle_timeline_to_data (timeline, &saved_length);
    if (saved == NULL)
      abort ();
    again = chronicle_timeline_load_from_data (saved, saved_length, NULL, &again_error);
    if (again == NULL)
      abort ();
    if (chronicle_timeline_get_n_events (again) != chronicle_timeline_get_n_events (timeline) ||
        g_strcmp0 (chronicle_timeline_get_title (again), chronicle_timeline_get_title (timeline)) != 0)
      abort ();
  }

  return 0;
}
