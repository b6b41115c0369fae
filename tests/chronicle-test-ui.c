/* chronicle-test-ui.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-test-ui"

#include "config.h"

#include <adwaita.h>
#ifdef HAVE_X11
#include <gdk/x11/gdkx.h>
#endif

#include "chronicle-test-ui.h"
#include "chronicle-window.h"

/* The private session bus of chronicle_test_ui_start_app(). */
static GTestDBus *bus;

/**
 * chronicle_test_ui_init:
 * @argc: the argument count of main()
 * @argv: the arguments of main()
 *
 * g_test_init(), then GTK and libadwaita. Without a display the suite is
 * skipped: this prints the TAP plan that says so, and main() returns 0.
 *
 * Returns: %FALSE when there is no display
 */
gboolean
chronicle_test_ui_init (int    *argc,
                        char ***argv)
{
  g_test_init (argc, argv, NULL);

  if ((g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL) || !gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  adw_init ();

  return TRUE;
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/**
 * chronicle_test_wait_for:
 * @condition: what to wait for
 * @data: passed to @condition
 * @timeout_ms: how long it may take, in milliseconds
 *
 * Runs the main loop until @condition holds; the test fails when it
 * still does not after @timeout_ms.
 */
void
chronicle_test_wait_for (ChronicleTestCondition condition,
                         gpointer               data,
                         guint                  timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

/**
 * chronicle_test_ui_start_app:
 *
 * Starts a private session bus, so that registering the application
 * neither needs nor touches the user's, and registers a new
 * `ChronicleApplication` on it. Once per process; end with
 * chronicle_test_ui_stop_app().
 *
 * Returns: (transfer full): the registered application
 */
ChronicleApplication *
chronicle_test_ui_start_app (void)
{
  g_autoptr(ChronicleApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (bus);
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);

  app = chronicle_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&app);
}

/**
 * chronicle_test_ui_stop_app:
 * @app: (inout) (transfer full): the application of
 *   chronicle_test_ui_start_app(), cleared
 *
 * Drops the application and stops the bus.
 */
void
chronicle_test_ui_stop_app (ChronicleApplication **app)
{
  g_clear_object (app);

  /* Not g_test_dbus_down(): GTK keeps its bus connection for the life of
   * the process, and down() would wait for that to be finalized. The
   * GTestDBus is left alive because its finalize calls down() too. */
  g_test_dbus_stop (bus);
}

/**
 * chronicle_test_has_key_binding:
 * @widget: a widget
 * @keyval: a key
 * @modifiers: the modifiers held with it
 * @action: the name of an action, such as "timeline.next"
 *
 * Returns: whether the widget's own shortcut controllers send @keyval
 *   with @modifiers to @action
 */
gboolean
chronicle_test_has_key_binding (GtkWidget       *widget,
                                guint            keyval,
                                GdkModifierType  modifiers,
                                const char      *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)), action) == 0 &&
              gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * chronicle_test_destroy_window:
 * @window_pointer: a `GtkWindow **` the caller made a weak pointer
 *
 * Destroys the window, if there is one, and asserts that it is released
 * within a few main loop iterations: no load, dialog or reference left
 * holding on to it.
 */
void
chronicle_test_destroy_window (gpointer window_pointer)
{
  GtkWindow **window = window_pointer;

  if (*window != NULL)
    gtk_window_destroy (*window);
  for (guint i = 0; i < 100 && *window != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (*window);
}

/**
 * chronicle_test_present_window:
 * @app: the suite's application
 * @window_pointer: (out): a `ChronicleWindow **`, cleared when the window
 *   goes (chronicle_test_destroy_window() checks that it did)
 *
 * Opens a new window of 1200×700, the size the widget suites assume.
 */
void
chronicle_test_present_window (ChronicleApplication *app,
                               gpointer              window_pointer)
{
  ChronicleWindow **window = window_pointer;

  *window = chronicle_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (*window), window_pointer);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1200, 700);
  gtk_window_present (GTK_WINDOW (*window));
}

/**
 * chronicle_test_resize_window:
 * @window: a mapped window
 * @width: the new width, px
 * @height: the new height, px
 *
 * Resizes @window the way a window manager or the user would (GTK 4 has
 * no call for that: a default size only applies when the window is first
 * shown). Only on X11, which the widget suites run under (Xvfb).
 *
 * Returns: %FALSE when this display cannot do it: skip the test
 */
gboolean
chronicle_test_resize_window (GtkWindow *window,
                              int        width,
                              int        height)
{
#ifdef HAVE_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (surface != NULL && GDK_IS_X11_SURFACE (surface))
    {
      Display *display = gdk_x11_display_get_xdisplay (gdk_surface_get_display (surface));

      XResizeWindow (display, gdk_x11_surface_get_xid (surface), width, height);
      XFlush (display);
      return TRUE;
    }
#endif

  return FALSE;
}
