/* test-document.c: the per-tab document, without a display
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "chronicle-document.h"
#include "chronicle-import-private.h"
#include "chronicle-timeline-loader-private.h"
#include "chronicle-test-util.h"

/* Long enough for a loaded machine, short enough to fail a hung test. */
#define WAIT_MS 20000

typedef struct
{
  char  *tmpdir;
  char  *path;
  GFile *file;
} Fixture;

/* @n_events events in March 2022, ids e1, e2, …, each a day later than the
 * one before, the odd ones in category "odd", the even ones in "even". */
static char *
make_timeline (const char *title,
               guint       n_events)
{
  GString *json = g_string_new (NULL);

  g_string_append_printf (json,
                          "{\n"
                          "  \"format\": \"chronicle-timeline\",\n"
                          "  \"version\": 1,\n"
                          "  \"title\": \"%s\",\n"
                          "  \"categories\": [\n"
                          "    { \"id\": \"odd\", \"label\": \"Odd\" },\n"
                          "    { \"id\": \"even\", \"label\": \"Even\" }\n"
                          "  ],\n"
                          "  \"events\": [\n", title);
  for (guint i = 1; i <= n_events; i++)
    g_string_append_printf (json,
                            "    { \"id\": \"e%u\", \"date\": \"2022-03-%02u\", \"title\": \"Event %u\", "
                            "\"category\": \"%s\" }%s\n",
                            i, i, i, i % 2 != 0 ? "odd" : "even", i < n_events ? "," : "");
  g_string_append (json, "  ]\n}\n");

  return g_string_free (json, FALSE);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  /* Atomically, as an editor saves: the monitor sees a rename. */
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("test-document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->tmpdir, "timeline.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  chronicle_test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
  g_object_unref (fixture->file);
}

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (ChronicleDocument *document,
                               gconstpointer      data);

/* Runs the main loop until @condition holds; fails the test after WAIT_MS. */
static void
wait_until (ChronicleDocument *document,
            Condition          condition,
            gconstpointer      data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, on_timeout_cb, &timed_out);

  while (!condition (document, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static gboolean
is_idle (ChronicleDocument *document,
         gconstpointer      data)
{
  return !chronicle_document_get_loading (document);
}

static gboolean
has_n_events (ChronicleDocument *document,
              gconstpointer      data)
{
  ChronicleTimeline *timeline = chronicle_document_get_timeline (document);

  return !chronicle_document_get_loading (document) && timeline != NULL &&
         chronicle_timeline_get_n_events (timeline) == GPOINTER_TO_UINT (data);
}

static gboolean
has_error (ChronicleDocument *document,
           gconstpointer      data)
{
  return !chronicle_document_get_loading (document) &&
         chronicle_document_get_last_error (document) != NULL;
}

static ChronicleDocument *
load_document (Fixture    *fixture,
               const char *contents)
{
  ChronicleDocument *document = chronicle_document_new ();

  write_file (fixture->path, contents);
  chronicle_document_load_file (document, fixture->file);
  g_assert_true (chronicle_document_get_loading (document));
  wait_until (document, is_idle, NULL);

  return document;
}

static void
on_loaded_cb (ChronicleDocument *document,
              gpointer           user_data)
{
  guint *n_loaded = user_data;

  (*n_loaded)++;
}

static void
on_load_failed_cb (ChronicleDocument *document,
                   const GError      *error,
                   gpointer           user_data)
{
  guint *n_failed = user_data;

  g_assert_nonnull (error);
  (*n_failed)++;
}

static const char *
selected_id (ChronicleDocument *document)
{
  ChronicleEvent *selected = chronicle_document_get_selected_event (document);

  return selected != NULL ? chronicle_event_get_id (selected) : NULL;
}

/* The selected event is the one of the timeline held, not a leftover of
 * an earlier one. */
static void
assert_selected (ChronicleDocument *document,
                 const char        *id)
{
  ChronicleTimeline *filtered = chronicle_document_get_filtered_timeline (document);

  g_assert_cmpstr (selected_id (document), ==, id);
  g_assert_true (chronicle_timeline_lookup_event (filtered, id) ==
                 chronicle_document_get_selected_event (document));
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *contents = make_timeline ("Loaded", 5);
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  guint n_loaded = 0;

  g_assert_null (chronicle_document_get_timeline (document));
  g_assert_null (chronicle_document_get_title (document));

  write_file (fixture->path, contents);
  g_signal_connect (document, "loaded", G_CALLBACK (on_loaded_cb), &n_loaded);
  chronicle_document_load_file (document, fixture->file);
  /* Off the main thread: nothing is there before the loop runs. */
  g_assert_true (chronicle_document_get_loading (document));
  g_assert_null (chronicle_document_get_timeline (document));
  /* The file's name stands in for the title while it loads. */
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "timeline.json");

  wait_until (document, is_idle, NULL);
  g_assert_cmpuint (n_loaded, ==, 1);
  g_assert_true (g_file_equal (chronicle_document_get_file (document), fixture->file));
  g_assert_nonnull (chronicle_document_get_timeline (document));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, 5);
  /* No filter: the filtered timeline is the whole one. */
  g_assert_true (chronicle_document_get_filtered_timeline (document) ==
                 chronicle_document_get_timeline (document));
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Loaded");
  g_assert_null (chronicle_document_get_last_error (document));
  g_assert_cmpfloat (chronicle_document_get_progress (document), ==, 1.0);
}

static void
test_load_failed (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  g_autoptr(GFile) missing = g_file_get_child (fixture->file, "missing.json");
  guint n_failed = 0;

  g_signal_connect (document, "load-failed", G_CALLBACK (on_load_failed_cb), &n_failed);
  chronicle_document_load_file (document, missing);
  wait_until (document, is_idle, NULL);

  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_null (chronicle_document_get_timeline (document));
  g_assert_nonnull (chronicle_document_get_last_error (document));
  g_assert_nonnull (chronicle_document_get_last_error_summary (document));
}

/* The monitor reloads the file when it changes on disk; the selection
 * follows to the new timeline's event with the same id. */
static void
test_reload_on_change (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *before = make_timeline ("Before", 3);
  g_autofree char *after = make_timeline ("After", 6);
  g_autoptr(ChronicleDocument) document = load_document (fixture, before);
  ChronicleTimeline *old = chronicle_document_get_timeline (document);
  guint n_loaded = 0;

  g_signal_connect (document, "loaded", G_CALLBACK (on_loaded_cb), &n_loaded);
  g_assert_true (chronicle_document_select_id (document, "e2"));
  assert_selected (document, "e2");

  write_file (fixture->path, after);
  wait_until (document, has_n_events, GUINT_TO_POINTER (6));

  g_assert_true (chronicle_document_get_timeline (document) != old);
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "After");
  assert_selected (document, "e2");
  /* "loaded" is the first load's only. */
  g_assert_cmpuint (n_loaded, ==, 0);
}

/* A reload without the selected event selects nothing (rather than an
 * event of a timeline no longer shown). */
static void
test_reload_drops_gone_selection (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *before = make_timeline ("Before", 5);
  g_autofree char *after = make_timeline ("After", 2);
  g_autoptr(ChronicleDocument) document = load_document (fixture, before);

  g_assert_true (chronicle_document_select_id (document, "e5"));
  write_file (fixture->path, after);
  chronicle_document_reload (document);
  wait_until (document, has_n_events, GUINT_TO_POINTER (2));

  g_assert_null (chronicle_document_get_selected_event (document));
}

/* A bad file on reload keeps the previous timeline, its selection and its
 * title, with the error; the next good file clears the error. */
static void
test_bad_reload_keeps_timeline (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *good = make_timeline ("Good", 4);
  g_autofree char *fixed = make_timeline ("Fixed", 7);
  g_autoptr(ChronicleDocument) document = load_document (fixture, good);
  ChronicleTimeline *timeline = chronicle_document_get_timeline (document);
  guint n_failed = 0;

  g_signal_connect (document, "load-failed", G_CALLBACK (on_load_failed_cb), &n_failed);
  g_assert_true (chronicle_document_select_id (document, "e3"));

  write_file (fixture->path, "{ \"format\": \"chronicle-timeline\", \"events\": [ { ");
  chronicle_document_reload (document);
  wait_until (document, has_error, NULL);

  g_assert_true (chronicle_document_get_timeline (document) == timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 4);
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Good");
  assert_selected (document, "e3");
  /* "load-failed" says there is nothing to show: not so here. */
  g_assert_cmpuint (n_failed, ==, 0);

  write_file (fixture->path, fixed);
  chronicle_document_reload (document);
  wait_until (document, has_n_events, GUINT_TO_POINTER (7));
  g_assert_null (chronicle_document_get_last_error (document));
}

/* The filter yields a new timeline of the events it lets through, and
 * hides the categories it names. */
static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *contents = make_timeline ("Filtered", 6);
  g_autoptr(ChronicleDocument) document = load_document (fixture, contents);
  ChronicleTimeline *whole = chronicle_document_get_timeline (document);
  ChronicleFilter *filter = chronicle_document_get_filter (document);
  ChronicleTimeline *filtered;
  g_auto(GStrv) hidden = NULL;
  g_auto(GStrv) none = NULL;

  none = chronicle_document_dup_hidden_categories (document);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  chronicle_filter_set_category_hidden (filter, "odd", TRUE);
  filtered = chronicle_document_get_filtered_timeline (document);
  g_assert_true (filtered != whole);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 3);
  for (guint i = 0; i < chronicle_timeline_get_n_events (filtered); i++)
    g_assert_cmpstr (chronicle_timeline_get_event_category_id (filtered, i), ==, "even");
  /* The whole timeline is untouched. */
  g_assert_true (chronicle_document_get_timeline (document) == whole);
  g_assert_cmpuint (chronicle_timeline_get_n_events (whole), ==, 6);

  hidden = chronicle_document_dup_hidden_categories (document);
  g_assert_cmpuint (g_strv_length (hidden), ==, 1);
  g_assert_cmpstr (hidden[0], ==, "odd");

  chronicle_filter_reset (filter);
  g_assert_true (chronicle_document_get_filtered_timeline (document) == whole);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *n_notified = user_data;

  (*n_notified)++;
}

/* The selection stays across a filter that keeps its event, goes with one
 * that hides it; a reload applies the filter on, and keeps the selection. */
static void
test_selection_across_filter (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *before = make_timeline ("Before", 6);
  g_autofree char *after = make_timeline ("After", 8);
  g_autoptr(ChronicleDocument) document = load_document (fixture, before);
  ChronicleFilter *filter = chronicle_document_get_filter (document);
  guint n_notified = 0;

  g_assert_true (chronicle_document_select_id (document, "e4"));
  g_signal_connect (document, "notify::hidden-categories", G_CALLBACK (on_notify_cb), &n_notified);

  chronicle_filter_set_category_hidden (filter, "odd", TRUE);
  g_assert_cmpuint (n_notified, ==, 1);
  assert_selected (document, "e4");

  /* Reloading keeps the filter, and so the selection. */
  write_file (fixture->path, after);
  chronicle_document_reload (document);
  wait_until (document, has_n_events, GUINT_TO_POINTER (8));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_filtered_timeline (document)), ==, 4);
  assert_selected (document, "e4");

  /* Selecting an event the filter hides is refused. */
  g_assert_false (chronicle_document_select_id (document, "e3"));
  assert_selected (document, "e4");
  chronicle_document_set_selected_event (document,
                                         chronicle_timeline_lookup_event (chronicle_document_get_timeline (document),
                                                                          "e3"));
  g_assert_null (chronicle_document_get_selected_event (document));
  g_assert_true (chronicle_document_select_id (document, "e4"));

  chronicle_filter_set_category_hidden (filter, "even", TRUE);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_filtered_timeline (document)), ==, 0);
  g_assert_null (chronicle_document_get_selected_event (document));
}

/* A load holds its document weakly: dropping the document during a load
 * frees it at once (its dispose cancels the load), and the load's end
 * touches nothing. */
static void
test_unref_during_load (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *contents = make_timeline ("Dropped", 3);
  ChronicleDocument *document = chronicle_document_new ();
  GMainContext *context = g_main_context_default ();

  write_file (fixture->path, contents);
  chronicle_document_load_file (document, fixture->file);
  g_assert_true (chronicle_document_get_loading (document));

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_unref (document);
  g_assert_null (document);

  /* Let the cancelled load end. */
  for (guint i = 0; i < 100 && g_main_context_pending (context); i++)
    g_main_context_iteration (context, FALSE);
}

/* @n_events events out of date order (the loader sorts them), ids e1, e2,
 * …, each a different day; @bad_last: the last one's end is before its
 * date, which the loader refuses after building all the others. */
static char *
make_unsorted_timeline (guint    n_events,
                        gboolean bad_last)
{
  GString *json = g_string_new ("{ \"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Many\",\n"
                                "  \"events\": [\n");

  for (guint i = 1; i <= n_events; i++)
    {
      /* A permutation of the days from 2000-01-01 on. */
      g_autoptr(GDateTime) day = g_date_time_new_utc (2000, 1, 1, 0, 0, 0);
      g_autoptr(GDateTime) date = g_date_time_add_days (day, (gint) ((i * 7919u) % n_events));
      g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

      g_string_append_printf (json, "    { \"id\": \"e%u\", \"date\": \"%s\", \"title\": \"Event %u\"%s }%s\n",
                              i, text, i, bad_last && i == n_events ? ", \"end\": \"1999-01-01\"" : "",
                              i < n_events ? "," : "");
    }
  g_string_append (json, "  ]\n}\n");

  return g_string_free (json, FALSE);
}

typedef struct
{
  GPtrArray *partials;  /* of ChronicleTimeline: previews seen */
  guint      n_shown;   /* notify::timeline with a timeline */
} Shown;

static void
on_timeline_cb (ChronicleDocument *document,
                GParamSpec        *pspec,
                gpointer           user_data)
{
  Shown *shown = user_data;
  ChronicleTimeline *timeline = chronicle_document_get_timeline (document);

  if (timeline == NULL)
    return;
  shown->n_shown++;
  if (chronicle_document_get_partial (document))
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (chronicle_document_get_loading (document));
      g_ptr_array_add (shown->partials, g_object_ref (timeline));
      /* An edit of the preview would be lost with it: refused. */
      g_assert_false (chronicle_document_remove_event (document, "e1", &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
}

/* The preview is sorted and holds the file's first events, no others. */
static void
assert_sorted_prefix (ChronicleTimeline *partial,
                      guint              n_events)
{
  guint n = chronicle_timeline_get_n_events (partial);

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_events);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (chronicle_timeline_get_event_start_time (partial, i - 1), <=,
                     chronicle_timeline_get_event_start_time (partial, i));
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      g_assert_true (chronicle_timeline_lookup_position (partial, id, NULL));
    }
}

/* Issue #12: a large first load shows the events loaded so far while the
 * rest comes (here at once: the preview wait is 0), then the whole. */
static void
test_partial_preview (Fixture       *fixture,
                      gconstpointer  data)
{
  const guint n_events = 20000;
  g_autofree char *contents = make_unsorted_timeline (n_events, FALSE);
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  g_autoptr(GPtrArray) partials = g_ptr_array_new_with_free_func (g_object_unref);
  Shown shown = { partials, 0 };
  guint n_loaded = 0;

  chronicle_load_set_preview_after (0);
  write_file (fixture->path, contents);
  g_signal_connect (document, "loaded", G_CALLBACK (on_loaded_cb), &n_loaded);
  g_signal_connect (document, "notify::timeline", G_CALLBACK (on_timeline_cb), &shown);
  chronicle_document_load_file (document, fixture->file);
  wait_until (document, is_idle, NULL);
  chronicle_load_set_preview_after (300);

  g_assert_cmpuint (partials->len, ==, 1);
  assert_sorted_prefix (g_ptr_array_index (partials, 0), n_events);
  g_assert_cmpuint (shown.n_shown, ==, 2);
  g_assert_cmpuint (n_loaded, ==, 1);
  g_assert_false (chronicle_document_get_partial (document));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, n_events);
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Many");

  /* A reload keeps the whole timeline in view: no preview. */
  g_ptr_array_set_size (partials, 0);
  chronicle_load_set_preview_after (0);
  chronicle_document_reload (document);
  wait_until (document, is_idle, NULL);
  chronicle_load_set_preview_after (300);
  g_assert_cmpuint (partials->len, ==, 0);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, n_events);
}

/* A file refused after its preview was shown: the document holds nothing,
 * as for any failed first load. */
static void
test_partial_then_failed (Fixture       *fixture,
                          gconstpointer  data)
{
  const guint n_events = 20000;
  g_autofree char *contents = make_unsorted_timeline (n_events, TRUE);
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  g_autoptr(GPtrArray) partials = g_ptr_array_new_with_free_func (g_object_unref);
  Shown shown = { partials, 0 };
  guint n_loaded = 0, n_failed = 0;

  chronicle_load_set_preview_after (0);
  write_file (fixture->path, contents);
  g_signal_connect (document, "loaded", G_CALLBACK (on_loaded_cb), &n_loaded);
  g_signal_connect (document, "load-failed", G_CALLBACK (on_load_failed_cb), &n_failed);
  g_signal_connect (document, "notify::timeline", G_CALLBACK (on_timeline_cb), &shown);
  chronicle_document_load_file (document, fixture->file);
  wait_until (document, is_idle, NULL);
  chronicle_load_set_preview_after (300);

  g_assert_cmpuint (partials->len, ==, 1);
  assert_sorted_prefix (g_ptr_array_index (partials, 0), n_events);
  g_assert_cmpuint (n_loaded, ==, 0);
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_null (chronicle_document_get_timeline (document));
  g_assert_null (chronicle_document_get_filtered_timeline (document));
  g_assert_false (chronicle_document_get_partial (document));
  g_assert_nonnull (chronicle_document_get_last_error (document));
}

/* A spreadsheet whose columns the user named loads with them, and its
 * reloads (an edit on disk) read it so too. */
static void
test_load_with_columns (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  g_autoptr(GHashTable) columns = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleTimeline *timeline;

  columns = chronicle_import_parse_columns ("date=Meeting date,title=What happened", &error);
  g_assert_no_error (error);
  write_file (fixture->path, "Meeting date,What happened\n2022-03-29,Istanbul talks\n");
  chronicle_document_load_file_with_columns (document, fixture->file, columns);
  wait_until (document, is_idle, NULL);
  timeline = chronicle_document_get_timeline (document);
  g_assert_nonnull (timeline);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "Istanbul talks");

  write_file (fixture->path, "Meeting date,What happened\n2022-03-29,Istanbul talks\n2025-05-16,Direct talks\n");
  wait_until (document, has_n_events, GUINT_TO_POINTER (2));
  g_assert_cmpstr (chronicle_timeline_get_event_title (chronicle_document_get_timeline (document), 1), ==,
                   "Direct talks");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/document/load", Fixture, NULL, fixture_setup, test_load, fixture_teardown);
  g_test_add ("/document/load-with-columns", Fixture, NULL, fixture_setup, test_load_with_columns,
              fixture_teardown);
  g_test_add ("/document/load-failed", Fixture, NULL, fixture_setup, test_load_failed, fixture_teardown);
  g_test_add ("/document/reload-on-change", Fixture, NULL, fixture_setup, test_reload_on_change,
              fixture_teardown);
  g_test_add ("/document/reload-drops-gone-selection", Fixture, NULL, fixture_setup,
              test_reload_drops_gone_selection, fixture_teardown);
  g_test_add ("/document/bad-reload-keeps-timeline", Fixture, NULL, fixture_setup,
              test_bad_reload_keeps_timeline, fixture_teardown);
  g_test_add ("/document/filter", Fixture, NULL, fixture_setup, test_filter, fixture_teardown);
  g_test_add ("/document/selection-across-filter", Fixture, NULL, fixture_setup,
              test_selection_across_filter, fixture_teardown);

  g_test_add ("/document/partial-preview", Fixture, NULL, fixture_setup, test_partial_preview,
              fixture_teardown);
  g_test_add ("/document/partial-then-failed", Fixture, NULL, fixture_setup, test_partial_then_failed,
              fixture_teardown);
  g_test_add ("/document/unref-during-load", Fixture, NULL, fixture_setup, test_unref_during_load,
              fixture_teardown);

  return g_test_run ();
}
