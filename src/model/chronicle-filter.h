/* chronicle-filter.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_FILTER (chronicle_filter_get_type ())

/*
 * Which events of a timeline are shown. An event is shown when
 *  - its category is not hidden ("no category", passed as a NULL id, is a
 *    category too; it also covers ids the timeline does not define), and
 *  - no actor is required, or it has at least one of the required actors,
 *    and
 *  - no source is required, or it (or one of its quotes) cites at least one
 *    of the required sources.
 * So choices within one facet widen the selection, facets narrow it.
 *
 * Emits "changed" after every change that can change the result.
 */
G_DECLARE_FINAL_TYPE (ChronicleFilter, chronicle_filter, CHRONICLE, FILTER, GObject)

ChronicleFilter   *chronicle_filter_new                  (void);
gboolean           chronicle_filter_is_active            (ChronicleFilter   *self);
/* Shows everything again; one "changed" (none when already so). */
void               chronicle_filter_reset                (ChronicleFilter   *self);

gboolean           chronicle_filter_get_category_hidden  (ChronicleFilter   *self,
                                                          const char        *category_id);
void               chronicle_filter_set_category_hidden  (ChronicleFilter   *self,
                                                          const char        *category_id,
                                                          gboolean           hidden);
void               chronicle_filter_toggle_category      (ChronicleFilter   *self,
                                                          const char        *category_id);
/* The hidden category ids, sorted, without "no category"; NULL-terminated. */
char             **chronicle_filter_dup_hidden_categories (ChronicleFilter  *self);

gboolean           chronicle_filter_get_actor_required   (ChronicleFilter   *self,
                                                          const char        *actor);
void               chronicle_filter_set_actor_required   (ChronicleFilter   *self,
                                                          const char        *actor,
                                                          gboolean           required);
gboolean           chronicle_filter_get_source_required  (ChronicleFilter   *self,
                                                          const char        *source_id);
void               chronicle_filter_set_source_required  (ChronicleFilter   *self,
                                                          const char        *source_id,
                                                          gboolean           required);

gboolean           chronicle_filter_matches              (ChronicleFilter   *self,
                                                          ChronicleTimeline *timeline,
                                                          ChronicleEvent    *event);
/* A new timeline with the events of @timeline that @self shows, and the
 * same title, sources, categories and eras. Events, sources, categories
 * and eras are the very objects of @timeline, not copies, so category
 * indexes and colours stay the same. */
ChronicleTimeline *chronicle_filter_apply                (ChronicleFilter   *self,
                                                          ChronicleTimeline *timeline);
/* Refills @filtered (made by chronicle_filter_apply() from @timeline)
 * with the events @self shows now: one items-changed, so views showing
 * @filtered keep their selection when it stays. */
void               chronicle_filter_update               (ChronicleFilter   *self,
                                                          ChronicleTimeline *timeline,
                                                          ChronicleTimeline *filtered);
guint              chronicle_filter_count                (ChronicleFilter   *self,
                                                          ChronicleTimeline *timeline);

/* "12 events", or "3 of 12 events" when @n_shown < @n_total. */
char              *chronicle_filter_format_count         (guint              n_shown,
                                                          guint              n_total);

/* One choice of a facet, for filter menus. */
typedef struct
{
  char  *id;        /* category id (NULL: no category), actor, source id */
  char  *label;     /* for display */
  char  *detail;    /* nullable: a source's title */
  guint  n_events;  /* events of the whole timeline with it */
} ChronicleFacet;

void               chronicle_facet_free                  (ChronicleFacet    *facet);

/* Categories in file order, then "No category" when some events have
 * none; actors by number of events (most first), then name; sources in
 * file order. Arrays of ChronicleFacet, owning them. */
GPtrArray         *chronicle_facets_list_categories      (ChronicleTimeline *timeline);
GPtrArray         *chronicle_facets_list_actors          (ChronicleTimeline *timeline);
GPtrArray         *chronicle_facets_list_sources         (ChronicleTimeline *timeline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleFacet, chronicle_facet_free)

G_END_DECLS
