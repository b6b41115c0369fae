/* test-load-progress.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer.h"

/*
 * The loader's own JSON parser must read valid documents exactly as
 * JsonParser does (strings with every kind of escape, repeated members,
 * numbers), refuse with a place, and the asynchronous load must report its
 * progress in the caller's main context.
 */

static char *
make_document (const char *title_json,
               const char *extra_members)
{
  return g_strdup_printf ("{ \"format\": \"chronicle-timeline\", \"version\": 1, \"title\": %s,%s"
                          "  \"events\": [ { \"id\": \"a\", \"date\": \"2024-01-02\", \"title\": \"A\" } ] }",
                          title_json, extra_members);
}

/* The title as JsonParser reads it, for comparison. */
static char *
get_json_glib_title (const char *document)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, document, -1, &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "title"));
}

static void
test_escapes (void)
{
  const char *titles[] = {
    "\"plain\"",
    "\"quote \\\" backslash \\\\ slash \\/ end\"",
    "\"controls \\b\\f\\n\\r\\t.\"",
    "\"Latin \\u00e9t\\u00C9, Cyrillic \\u041a\\u0438\\u0457\\u0432\"",
    "\"astral \\ud83d\\ude00 pair\"",
    "\"raw UTF-8: Київ, 東京, 😀\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *document = make_document (titles[i], "");
      g_autofree char *expected = get_json_glib_title (document);
      g_autoptr(ChronicleTimeline) timeline = NULL;
      g_autoptr(GError) error = NULL;

      timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, expected);
    }
}

static void
test_repeated_member (void)
{
  /* JsonParser keeps the last value of a repeated member; so must we. */
  g_autofree char *document = make_document ("\"first\"", " \"title\": \"second\",");
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "second");
}

static void
test_version_numbers (void)
{
  const char *versions[] = { "1.0", "1e0", "2", "-1", "99999999999999999999999" };
  const guint n_version_1 = 2;

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *document = g_strdup_printf ("{ \"format\": \"chronicle-timeline\", \"version\": %s,"
                                                   " \"title\": \"T\", \"events\": [] }", versions[i]);
      g_autoptr(ChronicleTimeline) timeline = NULL;
      g_autoptr(GError) error = NULL;

      /* 1.0 and 1e0 are the number 1 in JSON; anything else is refused
       * as a format error naming what it found, never crashes. */
      timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
      if (i < n_version_1)
        {
          g_assert_no_error (error);
          continue;
        }
      g_assert_null (timeline);
      g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT);
    }
}

/* Documents our parser refuses: "line L, column C: ...", as JsonParser's
 * messages were before the loader had its own parser. */
static void
test_refusals_have_places (void)
{
  const char *documents[] = {
    "{ \"format\": \"chronicle-timeline\", }",
    "{ \"format\": \"chronicle-timeline\"\n  \"version\": 1 }",
    "[1, 2",
    "{ \"a\": tru }",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(ChronicleTimeline) timeline = NULL;
      g_autoptr(GError) error = NULL;

      timeline = chronicle_timeline_load_from_data (documents[i], -1, NULL, &error);
      g_assert_null (timeline);
      g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX);
      g_test_message ("%s -> %s", documents[i], error->message);
      g_assert_true (g_str_has_prefix (error->message, "line "));
    }
}

static void
test_lone_surrogate (void)
{
  /* Half a surrogate pair is not text: it reads as U+FFFD, so the title
   * stays valid UTF-8 for Pango. */
  g_autofree char *document = make_document ("\"bad \\ud800 and \\udc00 halves\"", "");
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "bad \xef\xbf\xbd and \xef\xbf\xbd halves");
}

/* A generated timeline written and read back is the same. */
static void
test_round_trip (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (2000, 3);
  g_autoptr(ChronicleTimeline) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *again = NULL;
  gsize length, length_again;

  data = chronicle_timeline_to_data (timeline, &length);
  loaded = chronicle_timeline_load_from_data (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (loaded), ==, 2000);
  again = chronicle_timeline_to_data (loaded, &length_again);
  g_assert_cmpstr (again, ==, data);
}

typedef struct
{
  GThread           *main_thread;
  guint              n_calls;
  ChronicleLoadPhase last_phase;
  double             last_fraction;
  gboolean           saw_phase[3];
  gboolean           destroyed;
  gboolean           done;
  ChronicleTimeline *timeline;
  GError            *error;
} ProgressRecord;

static void
on_progress (ChronicleLoadPhase phase,
             double             fraction,
             gpointer           user_data)
{
  ProgressRecord *record = user_data;

  g_assert_true (g_thread_self () == record->main_thread);
  g_assert_false (record->destroyed);
  g_assert_cmpint (phase, >=, record->last_phase);
  g_assert_cmpfloat (fraction, >=, record->last_fraction);
  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);

  record->n_calls++;
  record->last_phase = phase;
  record->last_fraction = fraction;
  record->saw_phase[phase] = TRUE;
}

static void
on_progress_destroy (gpointer user_data)
{
  ProgressRecord *record = user_data;

  g_assert_true (g_thread_self () == record->main_thread);
  g_assert_false (record->destroyed);
  record->destroyed = TRUE;
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ProgressRecord *record = user_data;

  record->timeline = chronicle_timeline_load_finish (result, NULL, &record->error);
  record->done = TRUE;
}

static GFile *
write_generated (guint n_events)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (n_events, 7);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chronicle-progress-XXXXXX", &error);
  g_autofree char *path = NULL;
  GFile *file;

  g_assert_no_error (error);
  path = g_build_filename (dir, "generated.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (chronicle_timeline_save_to_file (timeline, file, NULL, &error));
  g_assert_no_error (error);
  return file;
}

static void
remove_generated (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static void
test_async_progress (void)
{
  g_autoptr(GFile) file = write_generated (20000);
  ProgressRecord record = { g_thread_self (), 0, CHRONICLE_LOAD_PHASE_READING, 0.0, { FALSE, }, FALSE, FALSE, NULL, NULL };

  chronicle_timeline_load_async_with_progress (file, NULL, on_progress, &record, on_progress_destroy,
                                               on_loaded, &record);
  while (!record.done || !record.destroyed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (record.error);
  g_assert_nonnull (record.timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (record.timeline), ==, 20000);

  /* Every phase was reported, and the whole load reached its end. */
  g_assert_true (record.saw_phase[CHRONICLE_LOAD_PHASE_READING]);
  g_assert_true (record.saw_phase[CHRONICLE_LOAD_PHASE_PARSING]);
  g_assert_true (record.saw_phase[CHRONICLE_LOAD_PHASE_BUILDING]);
  g_assert_cmpuint (record.n_calls, >=, 3);
  g_assert_cmpuint (record.n_calls, <=, 400);
  g_assert_cmpfloat (record.last_fraction, ==, 1.0);

  g_object_unref (record.timeline);
  remove_generated (file);
}

static void
test_async_cancelled (void)
{
  g_autoptr(GFile) file = write_generated (2000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ProgressRecord record = { g_thread_self (), 0, CHRONICLE_LOAD_PHASE_READING, 0.0, { FALSE, }, FALSE, FALSE, NULL, NULL };

  g_cancellable_cancel (cancellable);
  chronicle_timeline_load_async_with_progress (file, cancellable, on_progress, &record, on_progress_destroy,
                                               on_loaded, &record);
  while (!record.done || !record.destroyed)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (record.timeline);
  g_assert_error (record.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&record.error);
  remove_generated (file);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/load-progress/parser/escapes", test_escapes);
  g_test_add_func ("/load-progress/parser/repeated-member", test_repeated_member);
  g_test_add_func ("/load-progress/parser/version-numbers", test_version_numbers);
  g_test_add_func ("/load-progress/parser/refusals", test_refusals_have_places);
  g_test_add_func ("/load-progress/parser/lone-surrogate", test_lone_surrogate);
  g_test_add_func ("/load-progress/parser/round-trip", test_round_trip);
  g_test_add_func ("/load-progress/async/progress", test_async_progress);
  g_test_add_func ("/load-progress/async/cancelled", test_async_cancelled);

  return g_test_run ();
}
