/* chronicle-timeline-page.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-document.h"
#include "chronicle-search-bar.h"
#include "chronicle-sidebar.h"
#include "chronicle-timeline.h"
#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_TIMELINE_PAGE (chronicle_timeline_page_get_type ())

/*
 * One open timeline file, as shown in a tab of the window: the chart (with
 * slots for bars above and below it), the sidebar, and a banner for load
 * warnings and reload errors. The page shows a ChronicleDocument, which
 * loads the file, watches it, reloads it, filters it and keeps the
 * selection; the page's widgets follow it.
 */
G_DECLARE_FINAL_TYPE (ChronicleTimelinePage, chronicle_timeline_page, CHRONICLE, TIMELINE_PAGE, GtkWidget)

GtkWidget             *chronicle_timeline_page_new               (void);
GtkWidget             *chronicle_timeline_page_new_for_document  (ChronicleDocument     *document);

/* Loads @file in the background and watches it; on failure the timeline
 * shown (if any) stays, with the error in the banner. */
void                   chronicle_timeline_page_load_file         (ChronicleTimelinePage *self,
                                                                  GFile                 *file);
/* Loads the page's file again, as a change on disk does. */
void                   chronicle_timeline_page_reload            (ChronicleTimelinePage *self);

ChronicleDocument     *chronicle_timeline_page_get_document      (ChronicleTimelinePage *self);
GFile                 *chronicle_timeline_page_get_file          (ChronicleTimelinePage *self);
ChronicleTimeline     *chronicle_timeline_page_get_timeline      (ChronicleTimelinePage *self);
ChronicleTimelineView *chronicle_timeline_page_get_timeline_view (ChronicleTimelinePage *self);
ChronicleSidebar      *chronicle_timeline_page_get_sidebar       (ChronicleTimelinePage *self);
/* Search (Ctrl+F) and filters; the page's timeline is the filtered one
 * while a filter is on, the bar's the whole one. */
ChronicleSearchBar    *chronicle_timeline_page_get_search_bar    (ChronicleTimelinePage *self);
/* The timeline's title, else the file's name. */
const char            *chronicle_timeline_page_get_title         (ChronicleTimelinePage *self);
gboolean               chronicle_timeline_page_get_loading       (ChronicleTimelinePage *self);
/* The loader's message of the last failed load or reload, NULL after a good one. */
const char            *chronicle_timeline_page_get_last_error    (ChronicleTimelinePage *self);
/* The loader's warnings for the timeline shown (NULL or empty for none). */
const char * const    *chronicle_timeline_page_get_warnings      (ChronicleTimelinePage *self);
/* Opens a dialog listing every warning ("Show All" in the banner). */
GtkWidget             *chronicle_timeline_page_show_all_warnings (ChronicleTimelinePage *self);

gboolean               chronicle_timeline_page_get_show_sidebar  (ChronicleTimelinePage *self);
void                   chronicle_timeline_page_set_show_sidebar  (ChronicleTimelinePage *self,
                                                                  gboolean               show_sidebar);
/* The sidebar's width in logical pixels: set before the page is first
 * allocated; read back 0 while hidden or not allocated. */
int                    chronicle_timeline_page_get_sidebar_width (ChronicleTimelinePage *self);
void                   chronicle_timeline_page_set_sidebar_width (ChronicleTimelinePage *self,
                                                                  int                    width);

/* Bars across the chart (not the sidebar), stacked in the order added:
 * a search bar or toolbar above it, an overview strip below it. */
void                   chronicle_timeline_page_add_top_bar       (ChronicleTimelinePage *self,
                                                                  GtkWidget             *widget);
void                   chronicle_timeline_page_add_bottom_bar    (ChronicleTimelinePage *self,
                                                                  GtkWidget             *widget);

G_END_DECLS
