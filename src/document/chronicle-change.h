/* chronicle-change.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline.h"

G_BEGIN_DECLS

/*
 * One change of a timeline, as values: an event (a detached
 * ChronicleEvent copy), the title or description (strings), or a
 * category, era or source (their objects, which never change). @before
 * NULL: the thing was added; @after NULL: it was removed. A change never
 * points into a timeline, so it stays right however the store moves its
 * records, and applies both ways: undo is the same code as the edit.
 */
typedef enum
{
  CHRONICLE_CHANGE_EVENT,
  CHRONICLE_CHANGE_TITLE,
  CHRONICLE_CHANGE_DESCRIPTION,
  CHRONICLE_CHANGE_CATEGORY,
  CHRONICLE_CHANGE_ERA,
  CHRONICLE_CHANGE_SOURCE,
} ChronicleChangeKind;

typedef struct
{
  ChronicleChangeKind kind;
  gpointer            before;    /* owned: a GObject, or a char * for title and description */
  gpointer            after;
  guint               position;  /* categories, eras, sources: the item's index in its list */
} ChronicleChange;

/* Takes @before and @after. */
ChronicleChange *chronicle_change_new   (ChronicleChangeKind kind,
                                         gpointer            before,
                                         gpointer            after,
                                         guint               position);
void             chronicle_change_free  (ChronicleChange    *change);

/* Turns @timeline from @change's before into its after (@forward) or
 * back. The timeline must be in the state the change starts from (the
 * history applies steps in order). Returns the id of the event the change
 * left behind (to select), or NULL. */
const char      *chronicle_change_apply (ChronicleChange    *change,
                                         ChronicleTimeline  *timeline,
                                         gboolean            forward);

G_END_DECLS
