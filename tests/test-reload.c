/* test-reload.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-reload"

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-search-bar.h"
#include "chronicle-sidebar.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-loader-private.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-page-private.h"
#include "chronicle-timeline-view.h"
#include "chronicle-timeline-writer.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

static ChronicleApplication *app;

typedef struct
{
  ChronicleWindow *window;
  char            *tmpdir;
  char            *path;
  GFile           *file;
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

/* A timeline of @n_events in March 2022, ids e1, e2, …, each a day later
 * than the one before; a last one, if @late, in December. */
static char *
make_timeline (guint    n_events,
               gboolean late)
{
  GString *json = g_string_new ("{\n"
                                "  \"format\": \"chronicle-timeline\",\n"
                                "  \"version\": 1,\n"
                                "  \"title\": \"Reloaded\",\n"
                                "  \"events\": [\n");

  for (guint i = 1; i <= n_events; i++)
    {
      if (late && i == n_events)
        g_string_append_printf (json, "    { \"id\": \"e%u\", \"date\": \"2022-12-01\", \"title\": \"Event %u\" }",
                                i, i);
      else
        g_string_append_printf (json, "    { \"id\": \"e%u\", \"date\": \"2022-03-%02u\", \"title\": \"Event %u\" }",
                                i, i, i);
      g_string_append (json, i < n_events ? ",\n" : "\n");
    }
  g_string_append (json, "  ]\n}\n");

  return g_string_free (json, FALSE);
}

/* As an editor saving atomically: a temporary file renamed over the old. */
static void
write_atomically (const char *path,
                  const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* As a pipeline writing in place: truncate, write, close. */
static void
write_in_place (const char *path,
                const char *contents)
{
  FILE *stream = fopen (path, "w");

  g_assert_nonnull (stream);
  g_assert_cmpuint (fwrite (contents, 1, strlen (contents), stream), ==, strlen (contents));
  g_assert_cmpint (fclose (stream), ==, 0);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("test-reload-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->tmpdir, "timeline.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);

  chronicle_test_present_window (app, &fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_nonnull (fixture->window);
  chronicle_test_destroy_window (&fixture->window);

  chronicle_test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
}

typedef struct
{
  ChronicleTimelinePage *page;
  guint                  n_events;
} EventsWanted;

static gboolean
has_n_events (gpointer data)
{
  EventsWanted *wanted = data;
  ChronicleTimeline *timeline = chronicle_timeline_page_get_timeline (wanted->page);

  return !chronicle_timeline_page_get_loading (wanted->page) &&
         timeline != NULL && chronicle_timeline_get_n_events (timeline) == wanted->n_events;
}

static gboolean
has_error (gpointer data)
{
  ChronicleTimelinePage *page = data;

  return !chronicle_timeline_page_get_loading (page) &&
         chronicle_timeline_page_get_last_error (page) != NULL;
}

static void
wait_for_n_events (ChronicleTimelinePage *page,
                   guint                  n_events)
{
  EventsWanted wanted = { page, n_events };

  chronicle_test_wait_for (has_n_events, &wanted, CHRONICLE_TEST_WAIT_MS);
}

static const char *
get_selected_id (ChronicleTimelineView *view)
{
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (view);

  return selected != NULL ? chronicle_event_get_id (selected) : NULL;
}

static void
assert_selected_in (ChronicleTimelineView *view,
                    const char            *id)
{
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (view);
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (view);

  g_assert_nonnull (selected);
  g_assert_cmpstr (chronicle_event_get_id (selected), ==, id);
  /* The event of the timeline shown, not a leftover of the old one. */
  g_assert_true (chronicle_timeline_lookup_event (timeline, id) == selected);
}

/* Nothing on the page's widgets animates: a spinner would redraw the
 * window at the frame rate while the loader needs the CPU. */
static void
assert_nothing_spins (GtkWidget *widget)
{
  if (GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget))
    g_assert_false (gtk_spinner_get_spinning (GTK_SPINNER (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_nothing_spins (child);
}

static gboolean
finds_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget) && gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (finds_progress_bar (child))
      return TRUE;

  return FALSE;
}

static gboolean
page_is_mapped (gpointer data)
{
  ChronicleWindow *window = data;
  ChronicleTimelinePage *page = chronicle_window_get_current_page (window);

  return page != NULL && gtk_widget_get_mapped (GTK_WIDGET (page));
}

/* While a file loads, its page shows the progress bar and nothing that
 * animates on its own. */
static void
test_loading_page_still (Fixture       *fixture,
                         gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *contents = make_timeline (20, FALSE);
  ChronicleTimelinePage *page;

  write_atomically (fixture->path, contents);
  chronicle_window_open (window, fixture->file);
  chronicle_test_wait_for (page_is_mapped, window, CHRONICLE_TEST_WAIT_MS);
  page = chronicle_window_get_current_page (window);
  if (!chronicle_timeline_page_get_loading (page))
    {
      g_test_skip ("loaded before the page was mapped");
      return;
    }

  g_assert_true (finds_progress_bar (GTK_WIDGET (page)));
  assert_nothing_spins (GTK_WIDGET (page));
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
}

static gboolean
any_spins (GtkWidget *widget)
{
  if (GTK_IS_SPINNER (widget) && gtk_widget_get_mapped (widget) && gtk_spinner_get_spinning (GTK_SPINNER (widget)))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (any_spins (child))
      return TRUE;

  return FALSE;
}

typedef struct
{
  ChronicleWindow *window;
  gboolean         seen;        /* the preview came */
  gboolean         spins;       /* something in the window spun then */
  gboolean         transition;  /* the page's stack animated to the chart */
} PreviewSeen;

static void
on_preview_timeline_cb (ChronicleDocument *document,
                        GParamSpec        *pspec,
                        PreviewSeen       *seen)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (seen->window);

  if (seen->seen || !chronicle_document_get_partial (document))
    return;

  seen->seen = TRUE;
  seen->spins = any_spins (GTK_WIDGET (seen->window));
  /* The page's first child is its stack: loading page, chart. */
  seen->transition = gtk_stack_get_transition_running (GTK_STACK (gtk_widget_get_first_child (GTK_WIDGET (page))));
}

/* Issue #12: while a large file's first load runs, nothing in the window
 * animates (the header's spinner is for reloads, which show no progress
 * of their own), and the chart of its preview replaces the loading page
 * at once, not in a crossfade: each would redraw the window at the frame
 * rate while the loader needs the CPU. */
static void
test_window_still_while_loading (Fixture       *fixture,
                                 gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (20000, 1);
  g_autoptr(GError) error = NULL;
  PreviewSeen seen = { window, FALSE, FALSE, FALSE };
  ChronicleTimelinePage *page;

  g_assert_true (chronicle_timeline_save_to_file (timeline, fixture->file, NULL, &error));
  g_assert_no_error (error);

  /* Animations on, as for users; the preview at once. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  chronicle_load_set_preview_after (0);
  chronicle_window_open (window, fixture->file);
  page = chronicle_window_get_current_page (window);
  g_signal_connect (chronicle_timeline_page_get_document (page), "notify::timeline",
                    G_CALLBACK (on_preview_timeline_cb), &seen);
  g_assert_true (chronicle_timeline_page_get_loading (page));
  g_assert_false (any_spins (GTK_WIDGET (window)));
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  chronicle_load_set_preview_after (300);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_signal_handlers_disconnect_by_data (chronicle_timeline_page_get_document (page), &seen);

  g_assert_true (seen.seen);
  g_assert_false (seen.spins);
  g_assert_false (seen.transition);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_page_get_timeline (page)), ==, 20000);
}

static void
test_reload_follows_file (Fixture       *fixture,
                          gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *three = make_timeline (3, FALSE);
  g_autofree char *four = make_timeline (4, FALSE);
  g_autofree char *five = make_timeline (5, TRUE);
  g_autofree char *broken = NULL;
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(ChronicleTimeline) not_loaded = NULL;
  ChronicleTimelinePage *page;
  ChronicleTimelineView *view;
  ChronicleTimeline *kept;
  const char *banner_title = NULL;
  const char *banner_details = NULL;
  double start, end, zoomed_start, zoomed_end;

  write_atomically (fixture->path, three);
  chronicle_window_open (window, fixture->file);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  page = chronicle_window_get_current_page (window);
  g_assert_nonnull (page);
  view = chronicle_timeline_page_get_timeline_view (page);
  chronicle_test_wait_for (is_allocated, view, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_page_get_timeline (page)), ==, 3);

  chronicle_timeline_view_set_selected_event (view,
                                              chronicle_timeline_lookup_event (chronicle_timeline_page_get_timeline (page), "e2"));
  chronicle_timeline_view_zoom (view, 2.0);
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (view), &zoomed_start, &zoomed_end);

  /* One more event, written in place: the chart follows, with the same
   * event selected and the same stretch of time in view. */
  write_in_place (fixture->path, four);
  wait_for_n_events (page, 4);
  assert_selected_in (view, "e2");
  g_assert_null (chronicle_timeline_page_get_last_error (page));
  g_assert_false (chronicle_timeline_page_get_banner (page, NULL, NULL));
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (view), &start, &end);
  g_test_message ("view before [%.0f, %.0f], after [%.0f, %.0f]", zoomed_start, zoomed_end, start, end);
  g_assert_cmpfloat_with_epsilon (start, zoomed_start, 60.0);
  g_assert_cmpfloat_with_epsilon (end, zoomed_end, 60.0);
  g_assert_true (chronicle_sidebar_get_event (chronicle_window_get_sidebar (window)) ==
                 chronicle_timeline_view_get_selected_event (view));

  /* Broken JSON, written atomically: the timeline stays, and the banner
   * gives the loader's message. */
  broken = g_strdup (four);
  *strrchr (broken, '}') = ',';
  write_atomically (fixture->path, broken);
  not_loaded = chronicle_timeline_load_from_file (fixture->file, NULL, NULL, &expected_error);
  g_assert_null (not_loaded);
  g_assert_nonnull (expected_error);
  kept = chronicle_timeline_page_get_timeline (page);
  chronicle_test_wait_for (has_error, page, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (chronicle_timeline_page_get_timeline (page) == kept);
  g_assert_cmpuint (chronicle_timeline_get_n_events (kept), ==, 4);
  assert_selected_in (view, "e2");
  g_assert_cmpstr (chronicle_timeline_page_get_last_error (page), ==, expected_error->message);
  g_assert_true (chronicle_timeline_page_get_banner (page, &banner_title, &banner_details));
  /* The name sits in bidi isolates (FSI … PDI) inside the sentence. */
  g_assert_cmpstr (banner_title, ==, "Could not reload “\u2068timeline.json\u2069”; the previous version is still shown");
  /* The loader's message as a sentence: "line 12, ..." starts with a capital. */
  g_assert_true (g_str_has_prefix (expected_error->message, "line "));
  {
    g_autofree char *details = g_strdup_printf ("The file is not valid JSON. L%s", expected_error->message + 1);

    g_assert_cmpstr (banner_details, ==, details);
  }
  /* A reload error is the page's: the window opened nothing that failed. */
  g_assert_null (chronicle_window_get_last_error (window));
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 1);

  /* Good again, with a new event far later, while the whole timeline is
   * in view: the banner goes, and the view grows to show the new event. */
  chronicle_timeline_view_fit (view);
  write_atomically (fixture->path, five);
  wait_for_n_events (page, 5);
  g_assert_null (chronicle_timeline_page_get_last_error (page));
  g_assert_false (chronicle_timeline_page_get_banner (page, NULL, NULL));
  assert_selected_in (view, "e2");
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (view), &start, &end);
  g_assert_cmpfloat (end, >=,
                     chronicle_event_get_start_time (chronicle_timeline_lookup_event (chronicle_timeline_page_get_timeline (page), "e5")));
}

static void
test_reload_deleted_and_back (Fixture       *fixture,
                              gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *three = make_timeline (3, FALSE);
  g_autofree char *four = make_timeline (4, FALSE);
  ChronicleTimelinePage *page;
  ChronicleTimeline *kept;

  write_atomically (fixture->path, three);
  chronicle_window_open (window, fixture->file);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  page = chronicle_window_get_current_page (window);
  kept = chronicle_timeline_page_get_timeline (page);
  g_assert_nonnull (kept);
  chronicle_timeline_view_set_selected_event (chronicle_timeline_page_get_timeline_view (page),
                                              chronicle_timeline_get_event (kept, 2));

  /* Gone: the timeline stays on screen, and the banner says why it is
   * not reloaded. */
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  chronicle_test_wait_for (has_error, page, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (chronicle_timeline_page_get_timeline (page) == kept);
  g_assert_true (chronicle_timeline_page_get_banner (page, NULL, NULL));

  /* Back, with one more event: shown, selection kept, banner gone. */
  write_atomically (fixture->path, four);
  wait_for_n_events (page, 4);
  g_assert_null (chronicle_timeline_page_get_last_error (page));
  g_assert_false (chronicle_timeline_page_get_banner (page, NULL, NULL));
  g_assert_cmpstr (get_selected_id (chronicle_timeline_page_get_timeline_view (page)), ==, "e3");
}

/* Events e1, e2, … alternating between categories "odd" and "even". */
static char *
make_categorized_timeline (guint n_events)
{
  GString *json = g_string_new ("{\n"
                                "  \"format\": \"chronicle-timeline\",\n"
                                "  \"version\": 1,\n"
                                "  \"title\": \"Filtered\",\n"
                                "  \"categories\": [\n"
                                "    { \"id\": \"odd\", \"label\": \"Odd\", \"color\": \"#3366CC\" },\n"
                                "    { \"id\": \"even\", \"label\": \"Even\", \"color\": \"#CC3333\" }\n"
                                "  ],\n"
                                "  \"events\": [\n");

  for (guint i = 1; i <= n_events; i++)
    g_string_append_printf (json,
                            "    { \"id\": \"e%u\", \"date\": \"2022-03-%02u\", \"title\": \"Event %u\", \"category\": \"%s\" }%s\n",
                            i, i, i, i % 2 == 1 ? "odd" : "even", i < n_events ? "," : "");
  g_string_append (json, "  ]\n}\n");

  return g_string_free (json, FALSE);
}

typedef struct
{
  ChronicleTimelinePage *page;
  guint                  n_whole;
} WholeWanted;

static gboolean
has_n_whole_events (gpointer data)
{
  WholeWanted *wanted = data;
  ChronicleTimeline *whole =
    chronicle_search_bar_get_timeline (chronicle_timeline_page_get_search_bar (wanted->page));

  return !chronicle_timeline_page_get_loading (wanted->page) &&
         whole != NULL && chronicle_timeline_get_n_events (whole) == wanted->n_whole;
}

/* A filter stays on across a reload and applies to the new events. */
static void
test_reload_keeps_filter (Fixture       *fixture,
                          gconstpointer  data)
{
  ChronicleWindow *window = fixture->window;
  g_autofree char *three = make_categorized_timeline (3);
  g_autofree char *five = make_categorized_timeline (5);
  ChronicleTimelinePage *page;
  ChronicleTimelineView *view;
  ChronicleSearchBar *search_bar;
  WholeWanted wanted;

  write_atomically (fixture->path, three);
  chronicle_window_open (window, fixture->file);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  page = chronicle_window_get_current_page (window);
  view = chronicle_timeline_page_get_timeline_view (page);
  search_bar = chronicle_timeline_page_get_search_bar (page);
  chronicle_test_wait_for (is_allocated, view, CHRONICLE_TEST_WAIT_MS);

  chronicle_filter_set_category_hidden (chronicle_search_bar_get_filter (search_bar), "even", TRUE);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_view_get_timeline (view)), ==, 2);
  chronicle_timeline_view_set_selected_event (view,
                                              chronicle_timeline_lookup_event (chronicle_timeline_view_get_timeline (view), "e3"));

  write_atomically (fixture->path, five);
  wanted.page = page;
  wanted.n_whole = 5;
  chronicle_test_wait_for (has_n_whole_events, &wanted, CHRONICLE_TEST_WAIT_MS);

  /* e1, e3 and e5 shown; e3 still selected. */
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_view_get_timeline (view)), ==, 3);
  g_assert_nonnull (chronicle_timeline_lookup_event (chronicle_timeline_view_get_timeline (view), "e5"));
  g_assert_null (chronicle_timeline_lookup_event (chronicle_timeline_view_get_timeline (view), "e4"));
  assert_selected_in (view, "e3");
  g_assert_cmpstr (chronicle_search_bar_get_count_text (search_bar), ==, "3 of 5 events");
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

  g_test_add ("/reload/loading-page-still", Fixture, NULL,
              fixture_setup, test_loading_page_still, fixture_teardown);
  g_test_add ("/reload/window-still-while-loading", Fixture, NULL,
              fixture_setup, test_window_still_while_loading, fixture_teardown);
  g_test_add ("/reload/follows-file", Fixture, NULL,
              fixture_setup, test_reload_follows_file, fixture_teardown);
  g_test_add ("/reload/deleted-and-back", Fixture, NULL,
              fixture_setup, test_reload_deleted_and_back, fixture_teardown);
  g_test_add ("/reload/keeps-filter", Fixture, NULL,
              fixture_setup, test_reload_keeps_filter, fixture_teardown);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);

  return status;
}
