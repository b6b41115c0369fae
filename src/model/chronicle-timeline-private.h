/* chronicle-timeline-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline.h"
#include "chronicle-kept-private.h"

G_BEGIN_DECLS

/*
 * What an event is made of, all borrowed: the loader fills one per event
 * and the timeline copies it into its store, without a ChronicleEvent.
 */
typedef struct
{
  const char          *id;
  const char          *title;
  const ChronicleDate *date;
  const ChronicleDate *end;          /* nullable */
  const char          *summary;      /* nullable */
  const char          *category_id;  /* nullable */
  const char          *location;     /* nullable */
  const char          *display_date; /* nullable */
  const char * const  *actors;       /* nullable */
  const char * const  *source_ids;   /* nullable */
  GPtrArray           *quotes;       /* nullable, of ChronicleQuote: references are taken */
  GPtrArray           *media;        /* nullable, of ChronicleMedia: references are taken */
  ChronicleKept       *kept;         /* nullable, what the file had beyond these: a reference is taken */
  gboolean             approximate;
  guint                sequence;
  gboolean             id_hashed;     /* id_hash is chronicle_str_hash (id) */
  guint                id_hash;
} ChronicleEventFields;

/* Bulk load: append in any order, then finish once (one sort, one
 * items-changed). The events are not visible before the finish. */
const char *chronicle_timeline_append_fields (ChronicleTimeline          *self,
                                              const ChronicleEventFields *fields);
void     chronicle_timeline_finish_appending (ChronicleTimeline         *self);
gboolean chronicle_timeline_find_appended    (ChronicleTimeline         *self,
                                              const char                *id,
                                              guint                     *hash,
                                              guint                     *sequence);
ChronicleTimeline *chronicle_timeline_copy_appended (ChronicleTimeline *self);

/* Set by the loader on a converted file; @untitled when the file had no
 * title of its own (the file loader then names it after the file). */
void     chronicle_timeline_set_import       (ChronicleTimeline         *self,
                                              const char                *summary,
                                              gboolean                   untitled);
gboolean chronicle_timeline_get_import_untitled (ChronicleTimeline      *self);
/* The event at @position as the writer needs it beyond the public
 * accessors: what its file had beyond the model (NULL for nothing), and
 * its place in the file (events added later come after). */
ChronicleKept *chronicle_timeline_get_event_kept     (ChronicleTimeline *self,
                                                      guint              position);
guint          chronicle_timeline_get_event_sequence (ChronicleTimeline *self,
                                                      guint              position);

/* Editing (issue #13, docs/model.md): what ChronicleDocument changes.
 * The event arguments are read, never kept. Each emits items-changed
 * exactly for what changed. */
void     chronicle_timeline_remove_event_at     (ChronicleTimeline *self,
                                                 guint              position);
guint    chronicle_timeline_insert_event_copy   (ChronicleTimeline *self,
                                                 ChronicleEvent    *event);
guint    chronicle_timeline_replace_event_at    (ChronicleTimeline *self,
                                                 guint              position,
                                                 ChronicleEvent    *event);
/* The same, keeping @event as the object (a filtered timeline's). */
guint    chronicle_timeline_put_event_at        (ChronicleTimeline *self,
                                                 guint              position,
                                                 ChronicleEvent    *event);
guint    chronicle_timeline_get_next_sequence   (ChronicleTimeline *self);
guint    chronicle_timeline_count_category_uses (ChronicleTimeline *self,
                                                 const char        *id);
guint    chronicle_timeline_count_source_uses   (ChronicleTimeline *self,
                                                 const char        *id);
/* Removes (@n_removals 1), replaces (1 and @added) or inserts (0 and
 * @added) one item of the categories, sources or eras at @position. */
void     chronicle_timeline_splice_category     (ChronicleTimeline *self,
                                                 guint              position,
                                                 guint              n_removals,
                                                 ChronicleCategory *added);
void     chronicle_timeline_splice_source       (ChronicleTimeline *self,
                                                 guint              position,
                                                 guint              n_removals,
                                                 ChronicleSource   *added);
void     chronicle_timeline_splice_era          (ChronicleTimeline *self,
                                                 guint              position,
                                                 guint              n_removals,
                                                 ChronicleEra      *added);

/* A copy for a reader in another thread, which the main thread's edits
 * of @self do not touch (see the function). */
ChronicleTimeline *chronicle_timeline_snapshot          (ChronicleTimeline *self);

/* For tests: how many ChronicleEvent objects the timeline has made, and
 * its memory for events in bytes (records, indexes and strings). */
guint    chronicle_timeline_get_n_event_objects (ChronicleTimeline *self);
gsize    chronicle_timeline_get_event_memory    (ChronicleTimeline *self);

G_END_DECLS
