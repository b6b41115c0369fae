/* chronicle-history.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-change.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_HISTORY (chronicle_history_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleHistory, chronicle_history, CHRONICLE, HISTORY, GObject)

ChronicleHistory *chronicle_history_new                (void);
void              chronicle_history_clear              (ChronicleHistory   *self);

/* Records @change (taken), already applied, as a step named @name (a
 * translated action name, "Move Event"), or as part of the open group.
 * Drops the steps that could be redone. */
void              chronicle_history_push               (ChronicleHistory   *self,
                                                        const char         *name,
                                                        ChronicleChange    *change);
void              chronicle_history_begin_group        (ChronicleHistory   *self,
                                                        const char         *name);
void              chronicle_history_end_group          (ChronicleHistory   *self);
gboolean          chronicle_history_in_group           (ChronicleHistory   *self);

gboolean          chronicle_history_get_can_undo       (ChronicleHistory   *self);
gboolean          chronicle_history_get_can_redo       (ChronicleHistory   *self);
/* The names of the steps undo and redo would take back or make again. */
const char       *chronicle_history_get_undo_name      (ChronicleHistory   *self);
const char       *chronicle_history_get_redo_name      (ChronicleHistory   *self);

/* Moves back (or forward) one step and returns its changes, in the order
 * they were made, for the caller to apply: undo in reverse order from
 * @after to @before, redo in order. NULL when there is none. */
GPtrArray        *chronicle_history_undo               (ChronicleHistory   *self);
GPtrArray        *chronicle_history_redo               (ChronicleHistory   *self);

/* The saved point: the state now is what the file holds. */
void              chronicle_history_mark_saved         (ChronicleHistory   *self);
/* No state of the history is what the file holds. */
void              chronicle_history_forget_saved       (ChronicleHistory   *self);
/* TRUE when the state differs from the saved point (or the saved point
 * can no longer be reached: it was in steps a new edit dropped). */
gboolean          chronicle_history_get_modified       (ChronicleHistory   *self);

/* The bound on the history (1000 steps by default): the oldest steps go
 * past it; the saved point goes with them if it was before them. */
void              chronicle_history_set_max_steps      (ChronicleHistory   *self,
                                                        guint               max_steps);
/* Steps held, done and undone. */
guint             chronicle_history_get_n_steps        (ChronicleHistory   *self);

G_END_DECLS
