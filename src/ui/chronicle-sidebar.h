/* chronicle-sidebar.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-document.h"
#include "chronicle-event-editor.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_SIDEBAR (chronicle_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleSidebar, chronicle_sidebar, CHRONICLE, SIDEBAR, GtkWidget)

GtkWidget         *chronicle_sidebar_new              (void);
ChronicleTimeline *chronicle_sidebar_get_timeline     (ChronicleSidebar  *self);
void               chronicle_sidebar_set_timeline     (ChronicleSidebar  *self,
                                                       ChronicleTimeline *timeline);
ChronicleEvent    *chronicle_sidebar_get_event        (ChronicleSidebar  *self);
void               chronicle_sidebar_set_event        (ChronicleSidebar  *self,
                                                       ChronicleEvent    *event);
/* Editing (issue #13): the editor applies to @document. */
void               chronicle_sidebar_set_document     (ChronicleSidebar  *self,
                                                       ChronicleDocument *document);
void               chronicle_sidebar_set_story_mode   (ChronicleSidebar  *self,
                                                       gboolean           story_mode);
gboolean           chronicle_sidebar_edit             (ChronicleSidebar  *self);
gboolean           chronicle_sidebar_get_editing      (ChronicleSidebar  *self);
ChronicleEventEditor *chronicle_sidebar_get_editor    (ChronicleSidebar  *self);

/* For tests: what the sidebar shows right now. */
const char        *chronicle_sidebar_get_heading_text (ChronicleSidebar  *self);
GStrv              chronicle_sidebar_dup_quote_texts  (ChronicleSidebar  *self);
GStrv              chronicle_sidebar_dup_media_texts  (ChronicleSidebar  *self);
GListModel        *chronicle_sidebar_get_quotes       (ChronicleSidebar  *self);
gboolean           chronicle_sidebar_focus_first_quote (ChronicleSidebar  *self);
guint              chronicle_sidebar_get_n_rows       (ChronicleSidebar  *self);

G_END_DECLS
