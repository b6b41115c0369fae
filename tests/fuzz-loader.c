/* fuzz-loader.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A libFuzzer target for the timeline loader: whatever the bytes, it
 * returns a timeline or an error whose message and summary are text,
 * never a crash; what it loads is valid UTF-8 all the way down. Built
 * with -Dfuzzing=true by clang (README, Fuzzing):
 *
 *   _build-fuzz/tests/fuzz-loader -dict=tests/fuzz-loader.dict corpus tests/data data/examples
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "chronicle-timeline-loader.h"

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
      if (error == NULL || error->message[0] == '\0')
        abort ();
      check_text (error->message);
      check_text (chronicle_load_error_get_summary (error));
      return 0;
    }

  if (error != NULL)
    abort ();
  check_text (chronicle_timeline_get_title (timeline));
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    check_text (warnings[i]);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);

      check_text (chronicle_event_get_id (event));
      check_text (chronicle_event_get_title (event));
      check_text (chronicle_event_get_summary (event));
    }

  return 0;
}
