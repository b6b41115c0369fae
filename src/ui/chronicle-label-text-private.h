/* chronicle-label-text-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *chronicle_label_text_new        (const char *text,
                                       gsize       max_chars);
void  chronicle_accessible_name_text_buttons (GtkWidget *widget);
void  chronicle_accessible_name_icon_buttons (GtkWidget *widget);
void  chronicle_revealer_hide_when_closed    (GtkRevealer *revealer);
void  chronicle_accessible_unname_stack_pages (GtkWidget *widget);
void  chronicle_label_set_event_title (GtkLabel   *label,
                                       const char *title);

G_END_DECLS
