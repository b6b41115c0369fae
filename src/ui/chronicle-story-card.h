/* chronicle-story-card.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_STORY_CARD (chronicle_story_card_get_type ())

/*
 * The story mode's card: while the view is in story mode, it slides in
 * and shows the selected event large (date, title, summary and quotes),
 * with its place in the story ("3 of 11") and buttons to step and leave.
 */
G_DECLARE_FINAL_TYPE (ChronicleStoryCard, chronicle_story_card, CHRONICLE, STORY_CARD, GtkWidget)

GtkWidget             *chronicle_story_card_new               (ChronicleTimelineView *view);
ChronicleTimelineView *chronicle_story_card_get_view          (ChronicleStoryCard    *self);
void                   chronicle_story_card_set_view          (ChronicleStoryCard    *self,
                                                               ChronicleTimelineView *view);

/* For tests: what the card shows (the quotes: how many, at most 3). */
const char            *chronicle_story_card_get_position_text (ChronicleStoryCard    *self);
const char            *chronicle_story_card_get_title_text    (ChronicleStoryCard    *self);
guint                  chronicle_story_card_get_n_quotes      (ChronicleStoryCard    *self);
gboolean               chronicle_story_card_focus_first_quote (ChronicleStoryCard    *self);

G_END_DECLS
