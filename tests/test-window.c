/* test-window.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-sidebar.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-page-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-view.h"
#include "chronicle-timeline-view-private.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

static ChronicleApplication *app;

typedef struct
{
  ChronicleWindow *window;
  GFile           *example;
  char            *tmpdir;
} Fixture;

static gboolean
is_idle (gpointer data)
{
  ChronicleWindow *window = data;

  return !chronicle_window_is_loading (window);
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static void
open_and_wait (ChronicleWindow *window,
               GFile           *file)
{
  chronicle_window_open (window, file);
  g_assert_true (chronicle_window_is_loading (window));
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
}

static ChronicleTimeline *
load_expected (GFile *file)
{
  g_autoptr(GError) error = NULL;
  ChronicleTimeline *timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (timeline);

  return timeline;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = chronicle_test_example_path ();
  g_autoptr(GError) error = NULL;

  fixture->example = g_file_new_for_path (path);
  fixture->tmpdir = g_dir_make_tmp ("test-window-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = chronicle_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Destroying the window must release it, with no load or dialog holding on. */
  g_assert_nonnull (fixture->window);
  chronicle_test_destroy_window (&fixture->window);

  chronicle_test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_object_unref (fixture->example);
}

static void
assert_sidebar_shows_event (ChronicleSidebar *sidebar,
                            ChronicleEvent   *event)
{
  g_auto(GStrv) quotes = chronicle_sidebar_dup_quote_texts (sidebar);
  guint n_quotes = chronicle_event_get_n_quotes (event);

  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==, chronicle_event_get_title (event));
  g_assert_cmpuint (g_strv_length (quotes), ==, n_quotes);
  for (guint i = 0; i < n_quotes; i++)
    {
      const char *text = chronicle_quote_get_text (chronicle_event_get_quote (event, i));

      g_assert_nonnull (strstr (quotes[i], text));
    }
}

static void
assert_event_on_screen (ChronicleTimelineView *view,
                        ChronicleEvent        *event)
{
  const ChronicleViewport *viewport = chronicle_timeline_view_get_viewport (view);
  double x = chronicle_viewport_to_px (viewport, chronicle_event_get_start_time (event));
  double x2 = chronicle_viewport_to_px (viewport, chronicle_event_get_end_time (event));

  g_assert_cmpfloat (x2, >=, 0.0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (view)));
}

static void
test_window_keyboard_navigation (Fixture       *fixture,
                                 gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  ChronicleTimelineView *view;
  ChronicleSidebar *sidebar;
  g_autoptr(ChronicleTimeline) expected = load_expected (fixture->example);
  guint n = chronicle_timeline_get_n_events (expected);
  guint with_quotes = G_MAXUINT;
  ChronicleEvent *selected;

  /* No tab yet: the start page. */
  g_assert_null (chronicle_window_get_timeline_view (window));
  g_assert_true (chronicle_window_get_start_page_visible (window));

  open_and_wait (window, fixture->example);
  g_assert_false (chronicle_window_get_start_page_visible (window));
  view = chronicle_window_get_timeline_view (window);
  sidebar = chronicle_window_get_sidebar (window);
  g_assert_nonnull (view);
  g_assert_nonnull (sidebar);
  chronicle_test_wait_for (is_allocated, view, CHRONICLE_TEST_WAIT_MS);

  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (view), GDK_KEY_Right, 0, "timeline.next"));
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (view), GDK_KEY_Left, 0, "timeline.previous"));
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (view), GDK_KEY_Escape, 0, "timeline.clear-selection"));

  g_assert_null (chronicle_window_get_last_error (window));
  g_assert_nonnull (chronicle_window_get_timeline (window));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_window_get_timeline (window)), ==, n);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   chronicle_timeline_get_title (expected));
  /* The chart summarises itself for screen readers. */
  {
    g_autofree char *first = chronicle_event_format_date (chronicle_timeline_get_event (expected, 0));
    g_autofree char *last = chronicle_event_format_date (chronicle_timeline_get_event (expected, n - 1));
    /* File text inside a sentence sits in bidi isolates (FSI … PDI). */
    g_autofree char *label = g_strdup_printf ("Timeline: \u2068%s\u2069, %u events from %s to %s",
                                              chronicle_timeline_get_title (expected), n, first, last);

    gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  }

  /* Nothing selected: the sidebar gives the overview. */
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==,
                   chronicle_timeline_get_title (expected));

  for (guint i = 0; i < n && with_quotes == G_MAXUINT; i++)
    if (chronicle_event_get_n_quotes (chronicle_timeline_get_event (expected, i)) > 0)
      with_quotes = i;
  g_assert_cmpuint (with_quotes, <, n);

  /* From no selection, "next" walks the events in time order from the first. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  for (guint i = 0; i <= with_quotes; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.next", NULL));
      selected = chronicle_timeline_view_get_selected_event (view);
      g_assert_nonnull (selected);
      g_assert_cmpstr (chronicle_event_get_id (selected), ==,
                       chronicle_event_get_id (chronicle_timeline_get_event (expected, i)));
      assert_event_on_screen (view, selected);
      assert_sidebar_shows_event (sidebar, selected);
    }

  g_assert_cmpuint (chronicle_event_get_n_quotes (selected), >, 0);

  /* Screen readers hear what is selected in the name (test-navigation);
   * the description is the keys, the same at every step, so that it is
   * not read again after each name. */
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Left and Right go from event to event, Enter zooms to the event, "
                                       "plus and minus zoom, F5 tells the story, F6 goes to the quotes.");

  if (with_quotes > 0)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.previous", NULL));
      selected = chronicle_timeline_view_get_selected_event (view);
      g_assert_cmpstr (chronicle_event_get_id (selected), ==,
                       chronicle_event_get_id (chronicle_timeline_get_event (expected, with_quotes - 1)));
      assert_sidebar_shows_event (sidebar, selected);
    }

  /* The last event: "next" keeps it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.last", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.next", NULL));
  selected = chronicle_timeline_view_get_selected_event (view);
  g_assert_cmpstr (chronicle_event_get_id (selected), ==,
                   chronicle_event_get_id (chronicle_timeline_get_event (expected, n - 1)));
  assert_event_on_screen (view, selected);

  /* Escape's action clears the selection and the overview comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.clear-selection", NULL));
  g_assert_null (chronicle_timeline_view_get_selected_event (view));
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==,
                   chronicle_timeline_get_title (expected));
}

/* The first message dialog over @parent, and how many there are. */
static GtkWindow *
find_dialogs_for (GtkWindow *parent,
                  guint     *n_dialogs)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *first = NULL;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        {
          if (first == NULL)
            first = window;
          n++;
        }
    }

  if (n_dialogs != NULL)
    *n_dialogs = n;
  return first;
}

static GtkWindow *
find_dialog_for (GtkWindow *parent)
{
  return find_dialogs_for (parent, NULL);
}

/* Opens @files together, waits until they have loaded or failed, and
 * returns the one dialog that says which failed. */
static GtkWindow *
open_failing (ChronicleWindow *window,
              GFile          **files,
              guint            n_files)
{
  GtkWindow *dialog;
  guint n_dialogs;

  for (guint i = 0; i < n_files; i++)
    chronicle_window_open (window, files[i]);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  while (g_main_context_iteration (NULL, FALSE));

  dialog = find_dialogs_for (GTK_WINDOW (window), &n_dialogs);
  g_assert_cmpuint (n_dialogs, ==, 1);
  return dialog;
}

/* Files opened together that fail share one dialog, which names each
 * with what is wrong with it; closed, the next failure starts afresh. */
static void
test_window_failures_share_dialog (Fixture       *fixture,
                                   gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *path_a = g_build_filename (fixture->tmpdir, "a.json", NULL);
  g_autofree char *path_b = g_build_filename (fixture->tmpdir, "b.json", NULL);
  g_autoptr(GFile) a = g_file_new_for_path (path_a);
  g_autoptr(GFile) b = g_file_new_for_path (path_b);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  const char *body;

  g_file_set_contents (path_a, "hello", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (path_b, "{ \"title\": \"Not a timeline\" }", -1, &error);
  g_assert_no_error (error);

  dialog = open_failing (window, (GFile *[]) { a, b }, 2);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Open 2 Files");
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  /* Names sit in bidi isolates (FSI … PDI) inside the sentences. */
  g_assert_nonnull (strstr (body, "“\u2068a.json\u2069”: The file is not valid JSON. "));
  g_assert_nonnull (strstr (body, "“\u2068b.json\u2069”: The file is not a Chronicle timeline. "));
  gtk_window_destroy (dialog);

  dialog = open_failing (window, &b, 1);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Could Not Open “\u2068b.json\u2069”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                                   "The file is not a Chronicle timeline.\n\n"));
  gtk_window_destroy (dialog);
}

static void
test_window_malformed_keeps_timeline (Fixture       *fixture,
                                      gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "broken.json", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(ChronicleTimeline) not_loaded = NULL;
  ChronicleTimeline *before;
  GtkWindow *dialog;
  /* A trailing comma on line 6: JSON syntax error. */
  const char *contents =
    "{\n"
    "  \"format\": \"chronicle-timeline\",\n"
    "  \"version\": 1,\n"
    "  \"title\": \"Broken\",\n"
    "  \"events\": [\n"
    "    { \"id\": \"a\", \"date\": \"2022-02-24\", \"title\": \"A\" },\n"
    "  ]\n"
    "}\n";

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  open_and_wait (window, fixture->example);
  before = chronicle_window_get_timeline (window);
  g_assert_nonnull (before);

  open_and_wait (window, broken);

  /* The example stays open and its file stays the current one; the tab
   * the broken file was loading in is gone. */
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 1);
  g_assert_true (chronicle_window_get_timeline (window) == before);
  g_assert_true (g_file_equal (chronicle_window_get_file (window), fixture->example));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, chronicle_timeline_get_title (before));

  /* The loader's own message (which names the place) is what the user reads. */
  not_loaded = chronicle_timeline_load_from_file (broken, NULL, NULL, &expected_error);
  g_assert_null (not_loaded);
  g_assert_nonnull (expected_error);
  g_assert_cmpstr (chronicle_window_get_last_error (window), ==, expected_error->message);

  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  /* what kind of trouble, then the loader's message as a sentence of its
   * own: "line 6, ..." starts with a capital */
  g_assert_true (g_str_has_prefix (expected_error->message, "line "));
  {
    g_autofree char *body = g_strdup_printf ("The file is not valid JSON.\n\nL%s", expected_error->message + 1);

    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  }
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "broken.json"));
  gtk_window_destroy (dialog);

  /* A good file afterwards clears the error (here the one already open:
   * its tab comes to the front). */
  chronicle_window_open (window, fixture->example);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  g_assert_null (chronicle_window_get_last_error (window));
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 1);
}

static void
test_window_load_warnings (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "warn-unknown-category.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  const char * const *warnings;

  timeline = chronicle_timeline_load_from_file (file, NULL, &expected, &error);
  g_assert_no_error (error);
  g_assert_nonnull (expected);
  g_assert_cmpuint (g_strv_length (expected), >, 0);

  open_and_wait (window, file);

  g_assert_nonnull (chronicle_window_get_timeline (window));
  warnings = chronicle_window_get_warnings (window);
  g_assert_nonnull (warnings);
  g_assert_true (g_strv_equal (warnings, (const char * const *) expected));

  /* A clean file clears them. */
  open_and_wait (window, fixture->example);
  warnings = chronicle_window_get_warnings (window);
  g_assert_true (warnings == NULL || warnings[0] == NULL);
}

/* A clean import is no warning: the banner says what was converted, and
 * the untitled file is named after itself. */
static void
test_window_import_summary (Fixture       *fixture,
                            gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "tsv-columns.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *acled_path = g_test_build_filename (G_TEST_DIST, "data", "import", "acled.csv", NULL);
  g_autoptr(GFile) acled = g_file_new_for_path (acled_path);
  ChronicleTimelinePage *page;
  const char * const *warnings;
  const char *title = NULL, *details = NULL;
  gboolean information = FALSE, show_all = TRUE;

  open_and_wait (window, file);

  g_assert_nonnull (chronicle_window_get_timeline (window));
  g_assert_cmpstr (chronicle_timeline_get_title (chronicle_window_get_timeline (window)), ==, "tsv-columns");
  warnings = chronicle_window_get_warnings (window);
  g_assert_true (warnings == NULL || warnings[0] == NULL);
  page = chronicle_window_get_current_page (window);
  g_assert_true (chronicle_timeline_page_get_banner (page, &title, &details));
  g_assert_true (g_str_has_prefix (title, "Converted from a spreadsheet: 2 of 2 rows"));
  g_assert_cmpstr (details, ==, "");
  /* Information, with its icon, not a warning. */
  chronicle_timeline_page_get_banner_state (page, &information, &show_all);
  g_assert_true (information);
  g_assert_false (show_all);

  /* Three warnings, one too long for its line: "Show All" reads it whole. */
  open_and_wait (window, acled);
  page = chronicle_window_get_current_page (window);
  warnings = chronicle_window_get_warnings (window);
  g_assert_cmpuint (g_strv_length ((GStrv) warnings), ==, 3);
  g_assert_true (chronicle_timeline_page_get_banner (page, NULL, NULL));
  chronicle_timeline_page_get_banner_state (page, &information, &show_all);
  g_assert_false (information);
  g_assert_true (show_all);
}

static void
test_window_selection_follows_file (Fixture       *fixture,
                                    gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  ChronicleTimelineView *view;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "warn-unknown-category.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (path);

  open_and_wait (window, fixture->example);
  view = chronicle_window_get_timeline_view (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "timeline.first", NULL));
  g_assert_nonnull (chronicle_timeline_view_get_selected_event (view));

  /* Another file: the old selection must not show in its sidebar. */
  open_and_wait (window, other);
  g_assert_true (chronicle_window_get_timeline_view (window) != view);
  g_assert_null (chronicle_timeline_view_get_selected_event (chronicle_window_get_timeline_view (window)));
  g_assert_null (chronicle_sidebar_get_event (chronicle_window_get_sidebar (window)));

  /* Both are remembered, newest first, once each, also when opening
   * brings an open tab to the front. */
  chronicle_window_open (window, fixture->example);
  chronicle_window_open (window, other);
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 2);
  {
    g_auto(GStrv) recent = g_settings_get_strv (chronicle_application_get_settings (app), "recent-files");
    g_autofree char *other_uri = g_file_get_uri (other);
    g_autofree char *example_uri = g_file_get_uri (fixture->example);

    g_assert_cmpuint (g_strv_length (recent), >=, 2);
    g_assert_cmpstr (recent[0], ==, other_uri);
    g_assert_cmpstr (recent[1], ==, example_uri);
    for (guint i = 2; recent[i] != NULL; i++)
      {
        g_assert_cmpstr (recent[i], !=, other_uri);
        g_assert_cmpstr (recent[i], !=, example_uri);
      }
  }
}

/* The main menu's "Times of Day" switches every chart between the
 * timeline's zone, UTC and the computer's zone, through the setting. */
static void
test_window_display_zone (Fixture       *fixture,
                          gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  GSettings *settings = chronicle_application_get_settings (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "offset-istanbul.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *zone = NULL;
  ChronicleTimelineView *view;

  g_assert_cmpstr ((zone = g_settings_get_string (settings, "display-zone")), ==, "timeline");
  open_and_wait (window, file);
  view = chronicle_window_get_timeline_view (window);
  g_assert_cmpint (chronicle_viewport_get_zone_offset (chronicle_timeline_view_get_viewport (view)), ==, 3 * 3600);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.display-zone", "s", "utc"));
  g_clear_pointer (&zone, g_free);
  g_assert_cmpstr ((zone = g_settings_get_string (settings, "display-zone")), ==, "utc");
  g_assert_cmpstr (chronicle_timeline_view_get_display_zone (view), ==, "utc");
  g_assert_cmpint (chronicle_viewport_get_zone_offset (chronicle_timeline_view_get_viewport (view)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.display-zone", "s", "local"));
  g_assert_cmpint (chronicle_viewport_get_zone_offset (chronicle_timeline_view_get_viewport (view)), ==,
                   g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);

  /* Set from outside (another window, dconf): the chart follows too. */
  g_settings_set_string (settings, "display-zone", "timeline");
  g_assert_cmpstr (chronicle_timeline_view_get_display_zone (view), ==, "timeline");
  g_assert_cmpint (chronicle_viewport_get_zone_offset (chronicle_timeline_view_get_viewport (view)), ==, 3 * 3600);
}

static gboolean
sidebar_hidden (gpointer data)
{
  gboolean show;

  g_object_get (data, "show-sidebar", &show, NULL);
  return !show;
}

static gboolean
sidebar_shown (gpointer data)
{
  return !sidebar_hidden (data);
}

/* A window made narrow gives the chart all of it: the sidebar folds away
 * and comes back when the window is wide again; a sidebar the user opens
 * in the narrow window stays. */
static void
test_window_narrow_folds_sidebar (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWindow *window = GTK_WINDOW (fixture->window);

  open_and_wait (fixture->window, fixture->example);
  chronicle_test_wait_for (sidebar_shown, window, CHRONICLE_TEST_WAIT_MS);

  if (!chronicle_test_resize_window (window, 700, 700))
    {
      g_test_skip ("cannot resize windows on this display");
      return;
    }
  chronicle_test_wait_for (sidebar_hidden, window, CHRONICLE_TEST_WAIT_MS);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chronicle_window_get_sidebar (fixture->window))));

  chronicle_test_resize_window (window, 1200, 700);
  chronicle_test_wait_for (sidebar_shown, window, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chronicle_window_get_sidebar (fixture->window))));

  chronicle_test_resize_window (window, 700, 700);
  chronicle_test_wait_for (sidebar_hidden, window, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sidebar", NULL));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (sidebar_shown (window));
}

/* Walking the events of a dense timeline: every step shows the selected
 * event on its own, zooming into "+N" clusters and scrolling as needed. */
static void
test_view_next_opens_clusters (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (1500, 7);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = chronicle_timeline_view_new ();
  guint n_clustered = 0;
  guint n_simultaneous = 0;
  guint n = chronicle_timeline_get_n_events (timeline);
  const guint steps = MIN (n, 300);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 500);
  gtk_window_set_child (GTK_WINDOW (window), view);
  chronicle_timeline_view_set_timeline (CHRONICLE_TIMELINE_VIEW (view), timeline);
  gtk_window_present (GTK_WINDOW (window));
  chronicle_test_wait_for (is_allocated, view, CHRONICLE_TEST_WAIT_MS);

  /* Fitted, so many events start out folded: the test means something. */
  for (guint i = 0; i < steps; i++)
    {
      const ChronicleLayoutItem *item =
        chronicle_layout_find_event (chronicle_timeline_view_get_layout (CHRONICLE_TIMELINE_VIEW (view)), i);

      if (item == NULL || item->kind == CHRONICLE_ITEM_CLUSTER)
        n_clustered++;
    }
  g_test_message ("%u of the first %u events are folded or off-screen at fit", n_clustered, steps);
  g_assert_cmpuint (n_clustered, >, 0);

  for (guint i = 0; i < steps; i++)
    {
      const ChronicleLayout *layout;
      const ChronicleLayoutItem *item;

      g_assert_true (gtk_widget_activate_action (view, "timeline.next", NULL));
      g_assert_true (chronicle_timeline_view_get_selected_event (CHRONICLE_TIMELINE_VIEW (view)) ==
                     chronicle_timeline_get_event (timeline, i));

      layout = chronicle_timeline_view_get_layout (CHRONICLE_TIMELINE_VIEW (view));
      item = chronicle_layout_find_event (layout, i);
      g_assert_nonnull (item);
      g_assert_cmpfloat (item->x2, >=, 0.0);
      g_assert_cmpfloat (item->x, <=, gtk_widget_get_width (view));
      if (item->kind == CHRONICLE_ITEM_CLUSTER)
        {
          /* Only events at the very same instant may stay folded together. */
          gint64 start = chronicle_event_get_start_time (chronicle_timeline_get_event (timeline, i));

          for (guint j = 0; j < item->n_events; j++)
            g_assert_cmpint (chronicle_event_get_start_time (chronicle_timeline_get_event (timeline, item->first_event + j)),
                             ==, start);
          n_simultaneous++;
          continue;
        }
      g_assert_cmpuint (item->first_event, ==, i);
    }
  g_test_message ("%u steps ended on a cluster of simultaneous events", n_simultaneous);
  g_assert_cmpuint (n_simultaneous, <, steps / 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Every shortcut in the help overlay that names an action shows that
 * action's registered accelerators, so a renamed action or a dropped
 * accelerator would leave an empty row. */
static gboolean
filter_takes (GtkFileFilter *filter,
              const char    *name,
              const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

/* Open offers by default every kind of file the loader opens (#14). */
static void
test_window_open_filter (void)
{
  g_autoptr(GtkFileFilter) filter = _chronicle_window_new_timeline_filter ();

  g_test_bug ("14");
  g_assert_true (filter_takes (filter, "talks.json", "application/json"));
  g_assert_true (filter_takes (filter, "acled.csv", "text/csv"));
  g_assert_true (filter_takes (filter, "sheet.tsv", "text/tab-separated-values"));
  /* by name alone, where the system has no type for it */
  g_assert_true (filter_takes (filter, "export.CSV", "application/octet-stream"));
  g_assert_false (filter_takes (filter, "article.html", "text/html"));
  g_assert_false (filter_takes (filter, "photo.png", "image/png"));
}

static void
test_window_help_overlay_accels (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GObject *overlay;
  GPtrArray *stack;
  guint n_checked = 0;

  gtk_builder_add_from_resource (builder, RESOURCE_PATH "/gtk/help-overlay.ui", &error);
  g_assert_no_error (error);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, overlay);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);
      g_autofree char *action = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);

      if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
        continue;

      g_object_get (widget, "action-name", &action, NULL);
      if (action != NULL && g_strcmp0 (action, "win.show-help-overlay") != 0)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

          g_test_message ("%s: %u accelerators", action, g_strv_length (accels));
          g_assert_cmpuint (g_strv_length (accels), >, 0);
          n_checked++;
        }
    }
  g_ptr_array_unref (stack);

  g_assert_cmpuint (n_checked, >, 0);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  /* The chart animates its moves; these tests check where they end
   * (test-navigation covers the animations). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = chronicle_test_ui_start_app ();

  g_test_add ("/window/keyboard-navigation", Fixture, NULL,
              fixture_setup, test_window_keyboard_navigation, fixture_teardown);
  g_test_add ("/window/malformed-keeps-timeline", Fixture, NULL,
              fixture_setup, test_window_malformed_keeps_timeline, fixture_teardown);
  g_test_add ("/window/failures-share-dialog", Fixture, NULL,
              fixture_setup, test_window_failures_share_dialog, fixture_teardown);
  g_test_add ("/window/narrow-folds-sidebar", Fixture, NULL,
              fixture_setup, test_window_narrow_folds_sidebar, fixture_teardown);
  g_test_add ("/window/load-warnings", Fixture, NULL,
              fixture_setup, test_window_load_warnings, fixture_teardown);
  g_test_add ("/window/import-summary", Fixture, NULL,
              fixture_setup, test_window_import_summary, fixture_teardown);
  g_test_add ("/window/display-zone", Fixture, NULL,
              fixture_setup, test_window_display_zone, fixture_teardown);
  g_test_add ("/window/selection-follows-file", Fixture, NULL,
              fixture_setup, test_window_selection_follows_file, fixture_teardown);

  g_test_add_func ("/window/help-overlay-accels", test_window_help_overlay_accels);
  g_test_add_func ("/window/open-filter", test_window_open_filter);
  g_test_add_func ("/timeline-view/next-opens-clusters", test_view_next_opens_clusters);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);

  return status;
}
