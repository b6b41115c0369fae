/* chronicle-test-hostile.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the loader must do with a hostile case. Whatever it does, every
 * message it gives is one line of valid UTF-8 text of bounded length. */
typedef enum
{
  CHRONICLE_HOSTILE_REFUSE,          /* an error */
  CHRONICLE_HOSTILE_LOAD,            /* a timeline */
  CHRONICLE_HOSTILE_LOAD_WARNED,     /* a timeline and at least one warning */
  CHRONICLE_HOSTILE_REFUSE_OR_WARN,  /* never silently: an error or a warning */
  CHRONICLE_HOSTILE_EITHER,          /* an error or a timeline (a size limit may refuse it) */
} ChronicleHostileExpect;

typedef struct
{
  char                   *name;          /* a test path below /hostile: "/nesting/array-601-member" */
  GBytes                 *data;          /* the file's bytes */
  ChronicleHostileExpect  expect;
  const char             *message_has;   /* a refusal's message contains this, when set */
  const char             *message_lacks; /* and never this, when set */
  guint                   n_events;      /* a load has exactly this many events, when not 0 */
} ChronicleHostileCase;

/* How large the big cases are: the test uses the small sizes (the
 * sanitizers slow every load down), the benchmark the issue's own. */
typedef enum
{
  CHRONICLE_HOSTILE_SIZE_TEST,
  CHRONICLE_HOSTILE_SIZE_FULL,
} ChronicleHostileSize;

GPtrArray  *chronicle_hostile_cases_generate (GBytes                     *example,
                                              guint32                     seed,
                                              ChronicleHostileSize        size);
void        chronicle_hostile_case_free      (ChronicleHostileCase       *hostile);
const char *chronicle_hostile_expect_to_string (ChronicleHostileExpect    expect);

G_END_DECLS
