/* chronicle-timeline.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-category.h"
#include "chronicle-era.h"
#include "chronicle-event.h"
#include "chronicle-media.h"
#include "chronicle-quote.h"
#include "chronicle-source.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_TIMELINE (chronicle_timeline_get_type ())

/*
 * ChronicleTimeline is a GListModel of ChronicleEvent kept sorted by
 * chronicle_event_compare() (start time, then end, then id). Range queries
 * are binary searches, so callers pay for what is visible, not for the
 * whole file.
 */
G_DECLARE_FINAL_TYPE (ChronicleTimeline, chronicle_timeline, CHRONICLE, TIMELINE, GObject)

ChronicleTimeline *chronicle_timeline_new                (const char        *title);
const char        *chronicle_timeline_get_title          (ChronicleTimeline *self);
void               chronicle_timeline_set_title          (ChronicleTimeline *self,
                                                          const char        *title);
const char        *chronicle_timeline_get_description    (ChronicleTimeline *self);
void               chronicle_timeline_set_description    (ChronicleTimeline *self,
                                                          const char        *description);
/* For a timeline converted from another program's format: what was
 * converted ("Converted from TimelineJS: 12 of 12 events, ..."), told to
 * the user as information, not as a warning; NULL for our own files. */
const char        *chronicle_timeline_get_import_summary (ChronicleTimeline *self);

/* Sources, categories and eras in file order (GListModel of the item type). */
GListModel        *chronicle_timeline_get_sources        (ChronicleTimeline *self);
GListModel        *chronicle_timeline_get_categories     (ChronicleTimeline *self);
GListModel        *chronicle_timeline_get_eras           (ChronicleTimeline *self);
void               chronicle_timeline_add_source         (ChronicleTimeline *self,
                                                          ChronicleSource   *source);
void               chronicle_timeline_add_category       (ChronicleTimeline *self,
                                                          ChronicleCategory *category);
void               chronicle_timeline_add_era            (ChronicleTimeline *self,
                                                          ChronicleEra      *era);
ChronicleSource   *chronicle_timeline_lookup_source      (ChronicleTimeline *self,
                                                          const char        *id);
ChronicleCategory *chronicle_timeline_lookup_category    (ChronicleTimeline *self,
                                                          const char        *id);
ChronicleEvent    *chronicle_timeline_lookup_event       (ChronicleTimeline *self,
                                                          const char        *id);
guint              chronicle_timeline_get_category_index (ChronicleTimeline *self,
                                                          const char        *id);

/* Events. add_event inserts in order (O(1) when appended in order);
 * set_events sorts once, for loaders. Both emit items-changed. */
void               chronicle_timeline_add_event          (ChronicleTimeline *self,
                                                          ChronicleEvent    *event);
void               chronicle_timeline_set_events         (ChronicleTimeline *self,
                                                          GPtrArray         *events);
guint              chronicle_timeline_get_n_events       (ChronicleTimeline *self);
ChronicleEvent    *chronicle_timeline_get_event          (ChronicleTimeline *self,
                                                          guint              position);
/* The fields of the event at @position, without making its object (see
 * chronicle_timeline_get_event()); pointers stay valid until the
 * timeline changes. */
const char        *chronicle_timeline_get_event_id       (ChronicleTimeline *self,
                                                          guint              position);
const char        *chronicle_timeline_get_event_title    (ChronicleTimeline *self,
                                                          guint              position);
const ChronicleDate *chronicle_timeline_get_event_date   (ChronicleTimeline *self,
                                                          guint              position);
const ChronicleDate *chronicle_timeline_get_event_end    (ChronicleTimeline *self,
                                                          guint              position);
gint64             chronicle_timeline_get_event_start_time (ChronicleTimeline *self,
                                                            guint              position);
gint64             chronicle_timeline_get_event_end_time (ChronicleTimeline *self,
                                                          guint              position);
const char        *chronicle_timeline_get_event_category_id (ChronicleTimeline *self,
                                                             guint              position);
gboolean           chronicle_timeline_get_event_approximate (ChronicleTimeline *self,
                                                             guint              position);
const char        *chronicle_timeline_get_event_summary  (ChronicleTimeline *self,
                                                          guint              position);
const char        *chronicle_timeline_get_event_location (ChronicleTimeline *self,
                                                          guint              position);
const char        *chronicle_timeline_get_event_display_date (ChronicleTimeline *self,
                                                              guint              position);
const char * const *chronicle_timeline_get_event_actors  (ChronicleTimeline *self,
                                                          guint              position);
const char * const *chronicle_timeline_get_event_source_ids (ChronicleTimeline *self,
                                                             guint              position);
guint              chronicle_timeline_get_event_n_quotes (ChronicleTimeline *self,
                                                          guint              position);
ChronicleQuote    *chronicle_timeline_get_event_quote    (ChronicleTimeline *self,
                                                          guint              position,
                                                          guint              index);
guint              chronicle_timeline_get_event_n_media  (ChronicleTimeline *self,
                                                          guint              position);
ChronicleMedia    *chronicle_timeline_get_event_media    (ChronicleTimeline *self,
                                                          guint              position,
                                                          guint              index);
/* Every event's start and end time (Unix seconds) in sorted order, for a
 * pass over all events; valid until the timeline changes. Returns the
 * number of events. */
guint              chronicle_timeline_peek_times         (ChronicleTimeline *self,
                                                          const gint64     **starts,
                                                          const gint64     **ends);
gboolean           chronicle_timeline_lookup_position    (ChronicleTimeline *self,
                                                          const char        *id,
                                                          guint             *position);
gboolean           chronicle_timeline_find_event         (ChronicleTimeline *self,
                                                          ChronicleEvent    *event,
                                                          guint             *position);
guint              chronicle_timeline_lower_bound        (ChronicleTimeline *self,
                                                          gint64             time);
gboolean           chronicle_timeline_get_range          (ChronicleTimeline *self,
                                                          gint64             from,
                                                          gint64             to,
                                                          guint             *first,
                                                          guint             *last);
ChronicleDateKinds chronicle_timeline_get_date_kinds      (ChronicleTimeline *self);
gboolean           chronicle_timeline_get_shared_offset   (ChronicleTimeline *self,
                                                           int               *offset);
ChronicleDatePrecision chronicle_timeline_get_finest_precision (ChronicleTimeline *self,
                                                                guint              first,
                                                                guint              last);
gint64             chronicle_timeline_get_max_duration   (ChronicleTimeline *self);

/* Return FALSE to stop the iteration. */
typedef gboolean (*ChronicleTimelineFunc)                 (ChronicleTimeline *timeline,
                                                          guint              position,
                                                          ChronicleEvent    *event,
                                                          gpointer           user_data);
/* Exactly the events overlapping [from, to), in order; skips blocks of
 * events that end before @from, so long ranges do not make it scan. */
void               chronicle_timeline_foreach_in_range   (ChronicleTimeline *self,
                                                          gint64             from,
                                                          gint64             to,
                                                          ChronicleTimelineFunc func,
                                                          gpointer           user_data);
gboolean           chronicle_timeline_get_bounds         (ChronicleTimeline *self,
                                                          gint64            *start,
                                                          gint64            *end);

G_END_DECLS
