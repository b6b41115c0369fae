/* chronicle-search.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-filter.h"
#include "chronicle-search-match.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

/*
 * Full-text search over a timeline's events: titles, summaries, locations,
 * actors, quote texts and speakers.
 *
 * Matching is case- and accent-insensitive: text and query are both
 * "folded" (Unicode case folding, compatibility decomposition, combining
 * marks dropped, a few letters that do not decompose mapped to their ASCII
 * look-alike: ı ł ø đ æ œ), so "dolmabahce" finds "Dolmabahçe". The query
 * is split into words at white space; an event matches when every word
 * occurs somewhere in it (AND), as a substring of any of its fields.
 *
 * The first search on a timeline folds every event once into an index kept
 * with the timeline (dropped when its events change); a search is then one
 * memmem() pass over that index.
 */

typedef struct _ChronicleSearchQuery ChronicleSearchQuery;

typedef struct
{
  gsize start;   /* byte offsets into the text searched, [start, end) */
  gsize end;
} ChronicleSearchRange;

char                 *chronicle_search_fold              (const char                 *text);

ChronicleSearchQuery *chronicle_search_query_new         (const char                 *text);
void                  chronicle_search_query_free        (ChronicleSearchQuery       *query);
gboolean              chronicle_search_query_is_empty    (const ChronicleSearchQuery *query);
guint                 chronicle_search_query_get_n_terms (const ChronicleSearchQuery *query);
/* The folded words, in query order. */
const char           *chronicle_search_query_get_term    (const ChronicleSearchQuery *query,
                                                          guint                       index);
/* Whether every word occurs in @text. */
gboolean              chronicle_search_query_matches     (const ChronicleSearchQuery *query,
                                                          const char                 *text);
/* Where any word occurs in @text: sorted, non-overlapping byte ranges of
 * @text (an array of ChronicleSearchRange). */
GArray               *chronicle_search_query_find_ranges (const ChronicleSearchQuery *query,
                                                          const char                 *text);
/* @text shortened to about @max_chars characters around the first word
 * found, with "…" where it was cut. */
char                 *chronicle_search_query_make_snippet (const ChronicleSearchQuery *query,
                                                           const char                 *text,
                                                           guint                       max_chars);

/* Searches @timeline for @query. Matches come in timeline (time) order;
 * with @filter, only events the filter shows. At most @max_results
 * ChronicleSearchMatch are built (0: no limit); @n_matches receives how
 * many events match in all. */
GPtrArray            *chronicle_search_timeline          (ChronicleTimeline          *timeline,
                                                          const ChronicleSearchQuery *query,
                                                          ChronicleFilter            *filter,
                                                          guint                       max_results,
                                                          guint                      *n_matches);
/* Builds the index now (it is otherwise built by the first search). */
void                  chronicle_search_prepare           (ChronicleTimeline          *timeline);
/* Builds it from idle callbacks, a slice of events at a time; a search
 * that comes first finishes it. */
void                  chronicle_search_prepare_in_background (ChronicleTimeline      *timeline);
gboolean              chronicle_search_is_prepared       (ChronicleTimeline          *timeline);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleSearchQuery, chronicle_search_query_free)

G_END_DECLS
