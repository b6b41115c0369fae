/* chronicle-test-ui.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-application.h"

G_BEGIN_DECLS

/* How long chronicle_test_wait_for() waits, in milliseconds. Generous: a
 * loaded CI machine under Xvfb, and file monitors that may fall back to
 * polling. */
#define CHRONICLE_TEST_WAIT_MS 20000

typedef gboolean (*ChronicleTestCondition) (gpointer data);

gboolean              chronicle_test_ui_init         (int                      *argc,
                                                      char                   ***argv);
void                  chronicle_test_wait_for        (ChronicleTestCondition    condition,
                                                      gpointer                  data,
                                                      guint                     timeout_ms);
ChronicleApplication *chronicle_test_ui_start_app    (void);
void                  chronicle_test_ui_stop_app     (ChronicleApplication    **app);
void                  chronicle_test_present_window  (ChronicleApplication     *app,
                                                      gpointer                  window_pointer);
void                  chronicle_test_destroy_window  (gpointer                  window_pointer);
gboolean              chronicle_test_has_key_binding (GtkWidget                *widget,
                                                      guint                     keyval,
                                                      GdkModifierType           modifiers,
                                                      const char               *action);
gboolean              chronicle_test_resize_window   (GtkWindow                *window,
                                                      int                       width,
                                                      int                       height);

G_END_DECLS
