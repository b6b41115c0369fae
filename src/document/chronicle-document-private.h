/* chronicle-document-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-document.h"

G_BEGIN_DECLS

/* For saving: the timeline as it is now is what the file holds. Records
 * the undo history's saved point ("modified" is FALSE there and again
 * whenever undo or redo comes back to it) and clears "new". */
void chronicle_document_mark_saved   (ChronicleDocument *self);

/* For a recovered document: the timeline differs from its file, with no
 * step to undo; "modified" stays TRUE until a save. */
void chronicle_document_mark_unsaved (ChronicleDocument *self);

/* Shows @timeline as if it had been loaded (tests, benchmarks, a
 * recovered file): the filter applies, the history starts empty. */
void chronicle_document_set_timeline (ChronicleDocument *self,
                                      ChronicleTimeline *timeline);

G_END_DECLS
