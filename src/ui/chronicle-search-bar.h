/* chronicle-search-bar.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-document.h"
#include "chronicle-filter.h"
#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_SEARCH_BAR (chronicle_search_bar_get_type ())

/*
 * Search and filters for one ChronicleTimelineView, as a bar above it:
 *
 *  - a GtkSearchBar (hidden until opened, Escape closes it) whose entry
 *    searches the timeline as you type, with a list of results below it
 *    (date, title, the matching text with the words in bold). Down moves
 *    from the entry into the list, Enter opens a result: the view selects
 *    the event and shows it.
 *  - a filter row, shown while a filter is on (or after
 *    chronicle_search_bar_show_filters()), with "N of M events", the
 *    filter popover and "Show All".
 *
 * The bar searches a ChronicleDocument and edits its filter; it no longer
 * decides what the chart shows: the document applies the filter and the
 * view shows the document's filtered timeline (the page connects them).
 * Clicking a legend entry of the view toggles that category.
 */
G_DECLARE_FINAL_TYPE (ChronicleSearchBar, chronicle_search_bar, CHRONICLE, SEARCH_BAR, GtkWidget)

GtkWidget             *chronicle_search_bar_new               (void);
ChronicleTimelineView *chronicle_search_bar_get_timeline_view (ChronicleSearchBar    *self);
void                   chronicle_search_bar_set_timeline_view (ChronicleSearchBar    *self,
                                                               ChronicleTimelineView *view);
ChronicleDocument     *chronicle_search_bar_get_document      (ChronicleSearchBar    *self);
void                   chronicle_search_bar_set_document      (ChronicleSearchBar    *self,
                                                               ChronicleDocument     *document);
/* The document's filter and whole timeline. */
ChronicleFilter       *chronicle_search_bar_get_filter        (ChronicleSearchBar    *self);
ChronicleTimeline     *chronicle_search_bar_get_timeline      (ChronicleSearchBar    *self);
/* "12 events" or "3 of 12 events"; NULL without a timeline. */
const char            *chronicle_search_bar_get_count_text    (ChronicleSearchBar    *self);

gboolean               chronicle_search_bar_get_search_mode   (ChronicleSearchBar    *self);
/* Opens (focusing the entry, its text selected) or closes the search. */
void                   chronicle_search_bar_set_search_mode   (ChronicleSearchBar    *self,
                                                               gboolean               search_mode);
/* Shows the filter row and opens the filter popover. */
void                   chronicle_search_bar_show_filters      (ChronicleSearchBar    *self);

/* For tests. */
GtkEditable           *chronicle_search_bar_get_entry         (ChronicleSearchBar    *self);
GtkListBox            *chronicle_search_bar_get_results       (ChronicleSearchBar    *self);
guint                  chronicle_search_bar_get_n_results     (ChronicleSearchBar    *self);
/* "3 results", "0 results · 1 hidden by filters". */
const char            *chronicle_search_bar_get_results_text  (ChronicleSearchBar    *self);
GtkWidget             *chronicle_search_bar_get_filter_popover (ChronicleSearchBar   *self);
/* Runs the search for the entry's text now, not after the typing delay. */
void                   chronicle_search_bar_search_now        (ChronicleSearchBar    *self);

G_END_DECLS
