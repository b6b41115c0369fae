/* chronicle-filter-popover.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-filter.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_FILTER_POPOVER (chronicle_filter_popover_get_type ())

/*
 * Check buttons for a ChronicleFilter: one per category (with its colour;
 * checked = shown), per actor and per source (checked = only events with
 * one of the checked ones), and "Show All". The buttons follow the filter
 * when something else (a legend click) changes it.
 */
G_DECLARE_FINAL_TYPE (ChronicleFilterPopover, chronicle_filter_popover, CHRONICLE, FILTER_POPOVER, GtkPopover)

GtkWidget         *chronicle_filter_popover_new          (void);
ChronicleFilter   *chronicle_filter_popover_get_filter   (ChronicleFilterPopover *self);
void               chronicle_filter_popover_set_filter   (ChronicleFilterPopover *self,
                                                          ChronicleFilter        *filter);
/* The whole (unfiltered) timeline whose categories, actors and sources
 * are offered. */
ChronicleTimeline *chronicle_filter_popover_get_timeline (ChronicleFilterPopover *self);
void               chronicle_filter_popover_set_timeline (ChronicleFilterPopover *self,
                                                          ChronicleTimeline      *timeline);

/* For tests: the check button of a choice. @kind is "category", "actor"
 * or "source"; @id NULL is "No category". */
GtkCheckButton    *chronicle_filter_popover_get_check    (ChronicleFilterPopover *self,
                                                          const char             *kind,
                                                          const char             *id);

G_END_DECLS
