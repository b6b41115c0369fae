/* chronicle-kept-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-date.h"

G_BEGIN_DECLS

/*
 * What a file said that the model does not hold, kept so that saving gives
 * it back (issue #13): members Chronicle does not know (a newer writer's
 * "confidence": 0.8), known members that read as absent (null, an empty
 * list, "approximate": false), and dates spelt otherwise than Chronicle
 * writes them ("2025-05-16t10:30z", "+0300"). The loader makes one for an
 * object that has any of these, and only then: an event without them
 * costs nothing (docs/model.md).
 *
 * A ChronicleKept is immutable and reference counted, one block of
 * memory. Events in the store hold it in their extra fields; objects
 * (events made from the store, quotes, sources, categories, eras, the
 * timeline) carry it as data set with chronicle_kept_set().
 */

typedef struct
{
  const char *after;  /* the known member it followed in the file, "" for none */
  const char *name;   /* the member's name, UTF-8 */
  const char *value;  /* its value as compact JSON */
} ChronicleKeptMember;

typedef struct
{
  const char *member; /* "date", "end", "start", "published" */
  const char *text;   /* the date as written */
} ChronicleKeptDate;

typedef struct _ChronicleKept ChronicleKept;

ChronicleKept             *chronicle_kept_new                  (const ChronicleKeptMember *members,
                                                                guint                      n_members,
                                                                const ChronicleKeptDate   *dates,
                                                                guint                      n_dates);
ChronicleKept             *chronicle_kept_ref                  (ChronicleKept             *kept);
void                       chronicle_kept_unref                (ChronicleKept             *kept);
const ChronicleKeptMember *chronicle_kept_get_members          (ChronicleKept             *kept,
                                                                guint                     *n_members);
/* The text @member was written with, while it still reads as @date (an
 * edit changed nothing), else NULL: the writer then writes @date its own
 * way. */
const char                *chronicle_kept_get_date_text        (ChronicleKept             *kept,
                                                                const char                *member,
                                                                const ChronicleDate       *date);
/* Bytes held, for the store's accounting. */
gsize                      chronicle_kept_get_size             (ChronicleKept             *kept);

/* Whether @text, a date that chronicle_date_parse() read, is spelt as
 * chronicle_date_to_iso() writes it (no allocation: the loader asks this
 * of every date). */
gboolean                   chronicle_kept_date_text_is_canonical (const char              *text);

/* The ChronicleKept of @object (NULL for none), and setting it (a
 * reference is taken; NULL removes it). */
ChronicleKept             *chronicle_kept_get                  (gpointer                   object);
void                       chronicle_kept_set                  (gpointer                   object,
                                                                ChronicleKept             *kept);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleKept, chronicle_kept_unref)

G_END_DECLS
