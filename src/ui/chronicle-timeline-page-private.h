/* chronicle-timeline-page-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline-page.h"

G_BEGIN_DECLS

/* For tests: whether the banner is shown, and what it says (borrowed). */
gboolean chronicle_timeline_page_get_banner (ChronicleTimelinePage  *self,
                                             const char            **title,
                                             const char            **details);
void     chronicle_timeline_page_get_banner_state (ChronicleTimelinePage *self,
                                                   gboolean              *information,
                                                   gboolean              *show_all);

/* chronicle-timeline-page-edit.c: the event.* actions (issue #13) */
void     _chronicle_timeline_page_class_edit_init (GtkWidgetClass        *widget_class);
void     _chronicle_timeline_page_edit_init       (ChronicleTimelinePage *self);

G_END_DECLS
