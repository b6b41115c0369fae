/* chronicle-event.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-date.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EVENT (chronicle_event_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEvent, chronicle_event, CHRONICLE, EVENT, GObject)

/*
 * An event is built by the loader (new + setters) before it is handed to a
 * timeline; once in a timeline it is treated as immutable, because the
 * timeline's sort order and indexes depend on its dates.
 */
ChronicleEvent      *chronicle_event_new              (const char          *id,
                                                       const ChronicleDate *date,
                                                       const char          *title);
/* A detached copy of every field (quotes and media included, as new objects): what
 * an editor changes and hands to chronicle_document_replace_event(). */
ChronicleEvent      *chronicle_event_copy             (ChronicleEvent      *self);
/* TRUE when every field (quotes, media and sequence included) is the same. */
gboolean             chronicle_event_equal            (ChronicleEvent      *a,
                                                       ChronicleEvent      *b);
const char          *chronicle_event_get_id           (ChronicleEvent      *self);
/* The setters of id, date and title, like every setter, are for events
 * outside a timeline (a copy being edited): the timeline's order and
 * indexes depend on them. */
void                 chronicle_event_set_id           (ChronicleEvent      *self,
                                                       const char          *id);
const ChronicleDate *chronicle_event_get_date         (ChronicleEvent      *self);
void                 chronicle_event_set_date         (ChronicleEvent      *self,
                                                       const ChronicleDate *date);
const ChronicleDate *chronicle_event_get_end          (ChronicleEvent      *self);
void                 chronicle_event_set_end          (ChronicleEvent      *self,
                                                       const ChronicleDate *end);
const char          *chronicle_event_get_title        (ChronicleEvent      *self);
void                 chronicle_event_set_title        (ChronicleEvent      *self,
                                                       const char          *title);
const char          *chronicle_event_get_summary      (ChronicleEvent      *self);
void                 chronicle_event_set_summary      (ChronicleEvent      *self,
                                                       const char          *summary);
const char          *chronicle_event_get_category_id  (ChronicleEvent      *self);
void                 chronicle_event_set_category_id  (ChronicleEvent      *self,
                                                       const char          *category_id);
const char          *chronicle_event_get_location     (ChronicleEvent      *self);
void                 chronicle_event_set_location     (ChronicleEvent      *self,
                                                       const char          *location);
const char          *chronicle_event_get_display_date (ChronicleEvent      *self);
void                 chronicle_event_set_display_date (ChronicleEvent      *self,
                                                       const char          *display_date);
gboolean             chronicle_event_get_approximate  (ChronicleEvent      *self);
void                 chronicle_event_set_approximate  (ChronicleEvent      *self,
                                                       gboolean             approximate);
const char * const  *chronicle_event_get_actors       (ChronicleEvent      *self);
void                 chronicle_event_set_actors       (ChronicleEvent      *self,
                                                       const char * const  *actors);
const char * const  *chronicle_event_get_source_ids   (ChronicleEvent      *self);
void                 chronicle_event_set_source_ids   (ChronicleEvent      *self,
                                                       const char * const  *source_ids);
guint                chronicle_event_get_n_quotes     (ChronicleEvent      *self);
ChronicleQuote      *chronicle_event_get_quote        (ChronicleEvent      *self,
                                                       guint                position);
void                 chronicle_event_add_quote        (ChronicleEvent      *self,
                                                       ChronicleQuote      *quote);
/* Where an event proposed from an article was found in its text, in
 * characters; kept by the event object only (the draft's), not by the
 * timeline's store. */
gboolean             chronicle_event_get_evidence     (ChronicleEvent      *self,
                                                       guint               *start,
                                                       guint               *end);
void                 chronicle_event_set_evidence     (ChronicleEvent      *self,
                                                       guint                start,
                                                       guint                end);
/* @position up to the number of quotes (which appends). */
void                 chronicle_event_insert_quote     (ChronicleEvent      *self,
                                                       guint                position,
                                                       ChronicleQuote      *quote);
void                 chronicle_event_remove_quote     (ChronicleEvent      *self,
                                                       guint                position);
/* Links to pictures, videos or pages with a caption and a credit (the
 * format's "media"), in the order to show. */
guint                chronicle_event_get_n_media      (ChronicleEvent      *self);
ChronicleMedia      *chronicle_event_get_media        (ChronicleEvent      *self,
                                                       guint                position);
void                 chronicle_event_add_media        (ChronicleEvent      *self,
                                                       ChronicleMedia      *media);
/* @position up to the number of media (which appends). */
void                 chronicle_event_insert_media     (ChronicleEvent      *self,
                                                       guint                position,
                                                       ChronicleMedia      *media);
void                 chronicle_event_remove_media     (ChronicleEvent      *self,
                                                       guint                position);

/* Axis position in Unix seconds: [start, end) covers the whole span the
 * event's date (or date..end) denotes at its precision. */
gint64               chronicle_event_get_start_time   (ChronicleEvent      *self);
gint64               chronicle_event_get_end_time     (ChronicleEvent      *self);
guint                chronicle_event_get_sequence     (ChronicleEvent      *self);
void                 chronicle_event_set_sequence     (ChronicleEvent      *self,
                                                       guint                sequence);
gboolean             chronicle_event_is_span          (ChronicleEvent      *self);
char                *chronicle_event_format_date      (ChronicleEvent      *self);
int                  chronicle_event_compare          (ChronicleEvent      *a,
                                                       ChronicleEvent      *b);

G_END_DECLS
