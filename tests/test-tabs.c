/* test-tabs.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-tabs"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-sidebar.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-view.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

static ChronicleApplication *app;

typedef struct
{
  ChronicleWindow *window;
  GFile           *example;
  GFile           *rich;
  char            *tmpdir;
} Fixture;

static gboolean
is_idle (gpointer data)
{
  return !chronicle_window_is_loading (CHRONICLE_WINDOW (data));
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
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *rich = g_test_build_filename (G_TEST_DIST, "data", "ok-rich.json", NULL);
  g_autoptr(GError) error = NULL;

  fixture->example = g_file_new_for_path (example);
  fixture->rich = g_file_new_for_path (rich);
  fixture->tmpdir = g_dir_make_tmp ("test-tabs-XXXXXX", &error);
  g_assert_no_error (error);

  chronicle_test_present_window (app, &fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Destroying the window must release it and its pages. */
  chronicle_test_destroy_window (&fixture->window);

  chronicle_test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_object_unref (fixture->example);
  g_object_unref (fixture->rich);
}

static ChronicleEvent *
get_selected (ChronicleTimelinePage *page)
{
  return chronicle_timeline_view_get_selected_event (chronicle_timeline_page_get_timeline_view (page));
}

static void
test_tabs_independent_selection (Fixture       *fixture,
                                 gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  ChronicleTimelinePage *first;
  ChronicleTimelinePage *second;
  ChronicleTimelineView *first_view;
  ChronicleTimelineView *second_view;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  double start, end, zoomed_start, zoomed_end, second_start, second_end;

  open_and_wait (window, fixture->example);
  first = chronicle_window_get_current_page (window);
  first_view = chronicle_timeline_page_get_timeline_view (first);
  chronicle_test_wait_for (is_allocated, first_view, CHRONICLE_TEST_WAIT_MS);

  /* Select the second event of the first file, and zoom in. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first_view), "timeline.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first_view), "timeline.next", NULL));
  first_id = g_strdup (chronicle_event_get_id (get_selected (first)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (first_view),
                                        &zoomed_start, &zoomed_end);

  /* The second file opens in a tab of its own, in front, with nothing selected. */
  open_and_wait (window, fixture->rich);
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 2);
  second = chronicle_window_get_current_page (window);
  g_assert_true (second != first);
  g_assert_true (g_file_equal (chronicle_timeline_page_get_file (second), fixture->rich));
  g_assert_true (chronicle_window_get_timeline (window) == chronicle_timeline_page_get_timeline (second));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   chronicle_timeline_get_title (chronicle_timeline_page_get_timeline (second)));
  second_view = chronicle_timeline_page_get_timeline_view (second);
  chronicle_test_wait_for (is_allocated, second_view, CHRONICLE_TEST_WAIT_MS);
  g_assert_null (get_selected (second));
  g_assert_null (chronicle_sidebar_get_event (chronicle_window_get_sidebar (window)));

  /* The window's actions act on the tab in front. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
  g_assert_nonnull (get_selected (second));
  second_id = g_strdup (chronicle_event_get_id (get_selected (second)));
  g_assert_true (get_selected (second) ==
                 chronicle_timeline_get_event (chronicle_timeline_page_get_timeline (second), 2));
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (second_view),
                                        &second_start, &second_end);

  /* Back to the first tab: its selection and its view are as they were. */
  chronicle_window_select_page (window, first);
  g_assert_true (chronicle_window_get_current_page (window) == first);
  g_assert_nonnull (get_selected (first));
  g_assert_cmpstr (chronicle_event_get_id (get_selected (first)), ==, first_id);
  g_assert_true (chronicle_sidebar_get_event (chronicle_window_get_sidebar (window)) == get_selected (first));
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (chronicle_window_get_sidebar (window)), ==,
                   chronicle_event_get_title (get_selected (first)));
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (first_view), &start, &end);
  g_assert_cmpfloat_with_epsilon (start, zoomed_start, 1.0);
  g_assert_cmpfloat_with_epsilon (end, zoomed_end, 1.0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   chronicle_timeline_get_title (chronicle_timeline_page_get_timeline (first)));

  /* Walking in the first tab leaves the second one's selection alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-event", NULL));
  g_assert_cmpstr (chronicle_event_get_id (get_selected (first)), !=, first_id);
  g_assert_cmpstr (chronicle_event_get_id (get_selected (second)), ==, second_id);
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (second_view), &start, &end);
  g_assert_cmpfloat_with_epsilon (start, second_start, 1.0);
  g_assert_cmpfloat_with_epsilon (end, second_end, 1.0);
}

static const char *
get_window_subtitle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *subtitle;

      if (ADW_IS_WINDOW_TITLE (child))
        return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child));
      subtitle = get_window_subtitle (child);
      if (subtitle != NULL)
        return subtitle;
    }

  return NULL;
}

/* Hides the first category of @page's timeline; returns "N of M events". */
static char *
hide_first_category (ChronicleTimelinePage *page)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (page);
  ChronicleTimeline *whole = chronicle_document_get_timeline (document);
  g_autoptr(ChronicleCategory) category = g_list_model_get_item (chronicle_timeline_get_categories (whole), 0);

  g_assert_nonnull (category);
  chronicle_filter_set_category_hidden (chronicle_document_get_filter (document),
                                        chronicle_category_get_id (category), TRUE);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_filtered_timeline (document)), <,
                    chronicle_timeline_get_n_events (whole));

  return chronicle_filter_format_count (chronicle_timeline_get_n_events (chronicle_document_get_filtered_timeline (document)),
                                        chronicle_timeline_get_n_events (whole));
}

/* The header bar follows the document of the tab in front, and only it. */
static void
test_tabs_header_follows_current_document (Fixture       *fixture,
                                           gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  ChronicleTimelinePage *first;
  ChronicleTimelinePage *second;
  g_autofree char *second_all = NULL;
  g_autofree char *first_filtered = NULL;
  g_autofree char *second_filtered = NULL;

  open_and_wait (window, fixture->example);
  first = chronicle_window_get_current_page (window);
  open_and_wait (window, fixture->rich);
  second = chronicle_window_get_current_page (window);
  g_assert_true (second != first);
  second_all = chronicle_filter_format_count (chronicle_timeline_get_n_events (chronicle_timeline_page_get_timeline (second)),
                                              chronicle_timeline_get_n_events (chronicle_timeline_page_get_timeline (second)));
  g_assert_cmpstr (get_window_subtitle (GTK_WIDGET (window)), ==, second_all);

  /* A filter in the tab behind leaves the header alone. */
  first_filtered = hide_first_category (first);
  g_assert_cmpstr (get_window_subtitle (GTK_WIDGET (window)), ==, second_all);

  /* One in the tab in front shows at once. */
  second_filtered = hide_first_category (second);
  g_assert_cmpstr (get_window_subtitle (GTK_WIDGET (window)), ==, second_filtered);

  /* The header changes documents with the tab. */
  chronicle_window_select_page (window, first);
  g_assert_cmpstr (get_window_subtitle (GTK_WIDGET (window)), ==, first_filtered);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   chronicle_document_get_title (chronicle_timeline_page_get_document (first)));
  chronicle_filter_reset (chronicle_document_get_filter (chronicle_timeline_page_get_document (second)));
  g_assert_cmpstr (get_window_subtitle (GTK_WIDGET (window)), ==, first_filtered);
}

static void
test_tabs_same_file_twice (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *path = g_file_get_path (fixture->example);
  /* The same file by another path. */
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *roundabout = g_build_filename (dir, "..", "examples", base, NULL);
  g_autoptr(GFile) again = g_file_new_for_path (roundabout);
  ChronicleTimelinePage *example_page;

  open_and_wait (window, fixture->example);
  example_page = chronicle_window_get_current_page (window);
  open_and_wait (window, fixture->rich);
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 2);
  g_assert_true (chronicle_window_get_current_page (window) != example_page);

  /* Opening it again brings its tab to the front, without loading it again. */
  chronicle_window_open (window, again);
  g_assert_false (chronicle_window_is_loading (window));
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 2);
  g_assert_true (chronicle_window_get_current_page (window) == example_page);
}

static GtkWindow *
find_dialog_for (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return window;
    }

  return NULL;
}

static void
test_tabs_failing_file (Fixture       *fixture,
                        gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad-date-month13.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (path);
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(ChronicleTimeline) not_loaded = NULL;
  ChronicleTimelinePage *example_page;
  ChronicleTimelinePage *rich_page;
  ChronicleTimeline *example_timeline;
  ChronicleTimeline *rich_timeline;
  GtkWindow *dialog;

  open_and_wait (window, fixture->example);
  example_page = chronicle_window_get_current_page (window);
  example_timeline = chronicle_timeline_page_get_timeline (example_page);
  open_and_wait (window, fixture->rich);
  rich_page = chronicle_window_get_current_page (window);
  rich_timeline = chronicle_timeline_page_get_timeline (rich_page);
  chronicle_window_select_page (window, example_page);

  /* While it loads, the new file has a tab of its own, in front. */
  chronicle_window_open (window, bad);
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 3);
  g_assert_true (chronicle_timeline_page_get_loading (chronicle_window_get_current_page (window)));
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);

  /* Then that tab is gone, the others are untouched, and the tab it was
   * opened from is in front again. */
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 2);
  g_assert_true (chronicle_window_get_nth_page (window, 0) == example_page);
  g_assert_true (chronicle_window_get_nth_page (window, 1) == rich_page);
  g_assert_true (chronicle_timeline_page_get_timeline (example_page) == example_timeline);
  g_assert_true (chronicle_timeline_page_get_timeline (rich_page) == rich_timeline);
  g_assert_true (chronicle_window_get_current_page (window) == example_page);

  not_loaded = chronicle_timeline_load_from_file (bad, NULL, NULL, &expected_error);
  g_assert_null (not_loaded);
  g_assert_nonnull (expected_error);
  g_assert_cmpstr (chronicle_window_get_last_error (window), ==, expected_error->message);
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  {
    g_autofree char *body = g_strdup_printf ("A part of the timeline is missing or wrong.\n\n%s",
                                             expected_error->message);

    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  }
  gtk_window_destroy (dialog);
}

static void
test_tabs_close_to_start_page (Fixture       *fixture,
                               gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;

  g_assert_true (chronicle_window_get_start_page_visible (window));
  open_and_wait (window, fixture->example);
  open_and_wait (window, fixture->rich);
  g_assert_false (chronicle_window_get_start_page_visible (window));

  /* Ctrl+W's action closes the tab in front. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 1);
  g_assert_true (g_file_equal (chronicle_window_get_file (window), fixture->example));

  /* The last tab closed: the start page, and the window stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-tab", NULL));
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 0);
  g_assert_true (chronicle_window_get_start_page_visible (window));
  g_assert_nonnull (fixture->window);
  g_assert_null (chronicle_window_get_timeline (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chronicle");

  /* The example is one click away on the start page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-example", NULL));
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 1);
}

static gboolean
document_is_idle (gpointer data)
{
  return !chronicle_document_get_loading (CHRONICLE_DOCUMENT (data));
}

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_recent (GFile *file)
{
  g_auto(GStrv) recent = g_settings_get_strv (chronicle_application_get_settings (app), "recent-files");
  g_autofree char *uri = g_file_get_uri (file);

  return g_strv_contains ((const char * const *) recent, uri);
}

/* `chronicle FILE` (issue #12): the file loads while GTK starts and the
 * window is built; "open" gives that load its tab, loading and then
 * loaded as for any file, and starts no second one. */
static void
test_tabs_preloaded (Fixture       *fixture,
                     gconstpointer  data)
{
  GFile *files[] = { fixture->rich };
  ChronicleWindow *window = fixture->window;
  ChronicleDocument *document;
  ChronicleTimelinePage *page;

  g_settings_set_strv (chronicle_application_get_settings (app), "recent-files", NULL);
  chronicle_application_preload (app, files, 1);
  document = chronicle_application_get_preloaded (app, fixture->rich);
  g_assert_nonnull (document);
  g_assert_true (chronicle_document_get_loading (document));

  g_application_open (G_APPLICATION (app), files, 1, "");
  g_assert_null (chronicle_application_get_preloaded (app, fixture->rich));
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 1);
  page = chronicle_window_get_current_page (window);
  g_assert_true (chronicle_timeline_page_get_document (page) == document);
  g_assert_true (chronicle_timeline_page_get_loading (page));
  /* Its loading page, as for a file opened in the window. */
  g_assert_nonnull (strstr (adw_status_page_get_title (find_status_page (GTK_WIDGET (page))), "ok-rich.json"));
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);

  g_assert_nonnull (chronicle_timeline_page_get_timeline (page));
  g_assert_true (is_recent (fixture->rich));
}

/* The same, when the load ended before the window took it: the tab shows
 * the timeline, and the window does what a load ending does. */
static void
test_tabs_preloaded_before_window (Fixture       *fixture,
                                   gconstpointer  data)
{
  GFile *files[] = { fixture->rich };
  ChronicleWindow *window = fixture->window;
  ChronicleTimelinePage *page;

  g_settings_set_strv (chronicle_application_get_settings (app), "recent-files", NULL);
  chronicle_application_preload (app, files, 1);
  chronicle_test_wait_for (document_is_idle, chronicle_application_get_preloaded (app, fixture->rich),
                           CHRONICLE_TEST_WAIT_MS);

  g_application_open (G_APPLICATION (app), files, 1, "");
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 1);
  page = chronicle_window_get_current_page (window);
  g_assert_false (chronicle_timeline_page_get_loading (page));
  g_assert_nonnull (chronicle_timeline_page_get_timeline (page));
  g_assert_true (is_recent (fixture->rich));
}

/* A preloaded file that cannot be opened leaves no tab and says why in
 * the window, whether its load failed after the window took it
 * (@data NULL) or before. */
static void
test_tabs_preloaded_failing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad-date-month13.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (path);
  GFile *files[] = { bad };
  ChronicleWindow *window = fixture->window;
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(ChronicleTimeline) not_loaded = NULL;
  GtkWindow *dialog;

  chronicle_application_preload (app, files, 1);
  if (data != NULL)
    chronicle_test_wait_for (document_is_idle, chronicle_application_get_preloaded (app, bad),
                             CHRONICLE_TEST_WAIT_MS);

  g_application_open (G_APPLICATION (app), files, 1, "");
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);

  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 0);
  not_loaded = chronicle_timeline_load_from_file (bad, NULL, NULL, &expected_error);
  g_assert_null (not_loaded);
  g_assert_nonnull (expected_error);
  g_assert_cmpstr (chronicle_window_get_last_error (window), ==, expected_error->message);
  dialog = find_dialog_for (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  {
    g_autofree char *body = g_strdup_printf ("A part of the timeline is missing or wrong.\n\n%s",
                                             expected_error->message);

    g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, body);
  }
  gtk_window_destroy (dialog);
}

/* main() preloads the files of `chronicle FILE...` only: a command line
 * with an option is GApplication's to read, and an article opens the
 * review page. */
static void
test_tabs_preload_arguments (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (fixture->rich);
  g_autofree char *article = g_build_filename (fixture->tmpdir, "article.txt", NULL);
  char *with_option[] = { "chronicle", "--new-window", path, NULL };
  char *with_article[] = { "chronicle", article, NULL };
  char *plain[] = { "chronicle", path, NULL };
  GFile *files[] = { fixture->rich };

  g_assert_cmpuint (chronicle_application_preload_arguments (app, 3, with_option), ==, 0);
  g_assert_null (chronicle_application_get_preloaded (app, fixture->rich));
  g_assert_cmpuint (chronicle_application_preload_arguments (app, 2, with_article), ==, 0);

  g_assert_cmpuint (chronicle_application_preload_arguments (app, 2, plain), ==, 1);
  g_assert_nonnull (chronicle_application_get_preloaded (app, fixture->rich));
  g_application_open (G_APPLICATION (app), files, 1, "");
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_nonnull (chronicle_window_get_timeline (fixture->window));
}

static gboolean
has_two_loaded_pages (gpointer data)
{
  ChronicleWindow *window = data;

  return chronicle_window_get_n_pages (window) == 2 && !chronicle_window_is_loading (window);
}

/* `chronicle a.json b.json` opens both in tabs of one window; closing it
 * remembers them, and the next start opens them again. */
static void
test_tabs_open_and_restore (Fixture       *fixture,
                            gconstpointer  data)
{
  GFile *files[] = { fixture->example, fixture->rich };
  GSettings *settings = chronicle_application_get_settings (app);
  g_autofree char *example_uri = g_file_get_uri (fixture->example);
  g_autofree char *rich_uri = g_file_get_uri (fixture->rich);
  g_auto(GStrv) saved = NULL;
  GtkWindow *restored;
  ChronicleWindow *window;

  /* The fixture's window is not needed here. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < 100 && fixture->window != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (fixture->window);

  g_application_open (G_APPLICATION (app), files, G_N_ELEMENTS (files), "");
  window = CHRONICLE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  chronicle_test_wait_for (has_two_loaded_pages, window, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (g_file_equal (chronicle_timeline_page_get_file (chronicle_window_get_nth_page (window, 0)),
                               fixture->example));
  g_assert_true (g_file_equal (chronicle_timeline_page_get_file (chronicle_window_get_nth_page (window, 1)),
                               fixture->rich));

  /* Closing saves the open files, in tab order. */
  g_settings_set_strv (settings, "open-files", NULL);
  gtk_window_close (GTK_WINDOW (window));
  for (guint i = 0; i < 100 && window != NULL; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (window);
  saved = g_settings_get_strv (settings, "open-files");
  g_assert_cmpuint (g_strv_length (saved), ==, 2);
  g_assert_cmpstr (saved[0], ==, example_uri);
  g_assert_cmpstr (saved[1], ==, rich_uri);

  /* Starting without files reopens them. */
  g_application_activate (G_APPLICATION (app));
  restored = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CHRONICLE_IS_WINDOW (restored));
  chronicle_test_wait_for (has_two_loaded_pages, restored, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (g_file_equal (chronicle_timeline_page_get_file (chronicle_window_get_nth_page (CHRONICLE_WINDOW (restored), 0)),
                               fixture->example));
  g_assert_true (g_file_equal (chronicle_timeline_page_get_file (chronicle_window_get_nth_page (CHRONICLE_WINDOW (restored), 1)),
                               fixture->rich));

  /* The teardown destroys it. */
  fixture->window = CHRONICLE_WINDOW (restored);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_settings_set_strv (settings, "open-files", NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  /* The chart animates its moves: these tests compare where they end. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = chronicle_test_ui_start_app ();

  g_test_add ("/tabs/independent-selection", Fixture, NULL,
              fixture_setup, test_tabs_independent_selection, fixture_teardown);
  g_test_add ("/tabs/header-follows-current-document", Fixture, NULL,
              fixture_setup, test_tabs_header_follows_current_document, fixture_teardown);
  g_test_add ("/tabs/same-file-twice", Fixture, NULL,
              fixture_setup, test_tabs_same_file_twice, fixture_teardown);
  g_test_add ("/tabs/failing-file", Fixture, NULL,
              fixture_setup, test_tabs_failing_file, fixture_teardown);
  g_test_add ("/tabs/close-to-start-page", Fixture, NULL,
              fixture_setup, test_tabs_close_to_start_page, fixture_teardown);
  g_test_add ("/tabs/open-and-restore", Fixture, NULL,
              fixture_setup, test_tabs_open_and_restore, fixture_teardown);
  g_test_add ("/tabs/preloaded", Fixture, NULL,
              fixture_setup, test_tabs_preloaded, fixture_teardown);
  g_test_add ("/tabs/preloaded-before-window", Fixture, NULL,
              fixture_setup, test_tabs_preloaded_before_window, fixture_teardown);
  g_test_add ("/tabs/preloaded-failing", Fixture, NULL,
              fixture_setup, test_tabs_preloaded_failing, fixture_teardown);
  g_test_add ("/tabs/preloaded-failed-before-window", Fixture, "before",
              fixture_setup, test_tabs_preloaded_failing, fixture_teardown);
  g_test_add ("/tabs/preload-arguments", Fixture, NULL,
              fixture_setup, test_tabs_preload_arguments, fixture_teardown);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);

  return status;
}
