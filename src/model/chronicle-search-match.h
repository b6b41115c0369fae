/* chronicle-search-match.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-event.h"

G_BEGIN_DECLS

/**
 * ChronicleSearchField:
 * @CHRONICLE_SEARCH_FIELD_TITLE: the event's title
 * @CHRONICLE_SEARCH_FIELD_SUMMARY: its summary
 * @CHRONICLE_SEARCH_FIELD_LOCATION: its location
 * @CHRONICLE_SEARCH_FIELD_ACTOR: one of its actors (the field index says which)
 * @CHRONICLE_SEARCH_FIELD_QUOTE: the text of one of its quotes
 * @CHRONICLE_SEARCH_FIELD_SPEAKER: the speaker of one of its quotes
 *
 * Where a search found an event.
 */
typedef enum
{
  CHRONICLE_SEARCH_FIELD_TITLE,
  CHRONICLE_SEARCH_FIELD_SUMMARY,
  CHRONICLE_SEARCH_FIELD_LOCATION,
  CHRONICLE_SEARCH_FIELD_ACTOR,
  CHRONICLE_SEARCH_FIELD_QUOTE,
  CHRONICLE_SEARCH_FIELD_SPEAKER,
} ChronicleSearchField;

#define CHRONICLE_TYPE_SEARCH_MATCH (chronicle_search_match_get_type ())

/* One event found by chronicle_search_timeline(): immutable. A GObject so
 * that a GListStore of them can back a results list. */
G_DECLARE_FINAL_TYPE (ChronicleSearchMatch, chronicle_search_match, CHRONICLE, SEARCH_MATCH, GObject)

ChronicleSearchMatch *chronicle_search_match_new             (ChronicleEvent       *event,
                                                              guint                 position,
                                                              ChronicleSearchField  field,
                                                              guint                 field_index,
                                                              const char           *snippet,
                                                              GArray               *highlights);
ChronicleEvent       *chronicle_search_match_get_event       (ChronicleSearchMatch *self);
/* The event's position in the timeline searched. */
guint                 chronicle_search_match_get_position    (ChronicleSearchMatch *self);
/* Where the query's first word was found. */
ChronicleSearchField  chronicle_search_match_get_field       (ChronicleSearchMatch *self);
/* Which actor or quote (0-based); 0 for single fields. */
guint                 chronicle_search_match_get_field_index (ChronicleSearchMatch *self);
/* A short excerpt of that field around the match, plain text. */
const char           *chronicle_search_match_get_snippet     (ChronicleSearchMatch *self);
/* The query's words in the snippet: ChronicleSearchRange byte ranges. */
const GArray         *chronicle_search_match_get_highlights  (ChronicleSearchMatch *self);
/* The snippet as Pango markup, words in <b>. */
char                 *chronicle_search_match_dup_markup      (ChronicleSearchMatch *self);

/* @text as Pango markup (escaped) with @ranges (ChronicleSearchRange,
 * sorted, disjoint) in <b>. */
char                 *chronicle_search_markup_ranges         (const char           *text,
                                                              const GArray         *ranges);

G_END_DECLS
