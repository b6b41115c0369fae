/* chronicle-arena-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A bump allocator for what a timeline keeps per event (strings, the
 * rarely used fields): a million events cost a few hundred large blocks
 * instead of millions of mallocs, and go away with as many frees. Nothing
 * is freed on its own: an edited event's old strings stay until the whole
 * arena goes (see docs/model.md).
 */
typedef struct _ChronicleArena ChronicleArena;

ChronicleArena *chronicle_arena_new      (void);
void            chronicle_arena_free     (ChronicleArena *arena);
gpointer        chronicle_arena_alloc    (ChronicleArena *arena,
                                          gsize           size);
char           *chronicle_arena_strdup   (ChronicleArena *arena,
                                          const char     *text);
char          **chronicle_arena_strdupv  (ChronicleArena *arena,
                                          const char * const *strv);
gsize           chronicle_arena_get_size (ChronicleArena *arena);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleArena, chronicle_arena_free)

G_END_DECLS
