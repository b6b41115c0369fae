/* test-writer.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "chronicle-kept-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer.h"

static ChronicleTimeline *
load_data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  ChronicleTimeline *timeline;

  timeline = chronicle_timeline_load_from_file (file, NULL, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);

  return timeline;
}

/* Field by field, not through chronicle_date_equal(), so that a failure
 * says which part was lost. */
static void
assert_date_equal (const ChronicleDate *a,
                   const ChronicleDate *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true (a == b);
      return;
    }

  g_assert_cmpint (a->precision, ==, b->precision);
  g_assert_cmpint (a->year, ==, b->year);
  g_assert_cmpint (a->month, ==, b->month);
  g_assert_cmpint (a->day, ==, b->day);
  g_assert_cmpint (a->hour, ==, b->hour);
  g_assert_cmpint (a->minute, ==, b->minute);
  g_assert_cmpint (a->second, ==, b->second);
  g_assert_cmpint (a->has_offset, ==, b->has_offset);
  g_assert_cmpint (a->utc_offset, ==, b->utc_offset);
  g_assert_true (chronicle_date_equal (a, b));
}

/* NULL and empty lists mean the same: the writer leaves empty ones out. */
static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  static const char * const empty[] = { NULL };

  g_assert_true (g_strv_equal (a != NULL ? a : empty, b != NULL ? b : empty));
}

static void
assert_quote_equal (ChronicleQuote *a,
                    ChronicleQuote *b)
{
  g_assert_cmpstr (chronicle_quote_get_text (a), ==, chronicle_quote_get_text (b));
  g_assert_cmpstr (chronicle_quote_get_speaker (a), ==, chronicle_quote_get_speaker (b));
  g_assert_cmpstr (chronicle_quote_get_role (a), ==, chronicle_quote_get_role (b));
  g_assert_cmpstr (chronicle_quote_get_source_id (a), ==, chronicle_quote_get_source_id (b));
  assert_date_equal (chronicle_quote_get_date (a), chronicle_quote_get_date (b));
}

static void
assert_event_equal (ChronicleEvent *a,
                    ChronicleEvent *b)
{
  g_assert_cmpstr (chronicle_event_get_id (a), ==, chronicle_event_get_id (b));
  assert_date_equal (chronicle_event_get_date (a), chronicle_event_get_date (b));
  assert_date_equal (chronicle_event_get_end (a), chronicle_event_get_end (b));
  g_assert_cmpstr (chronicle_event_get_title (a), ==, chronicle_event_get_title (b));
  g_assert_cmpstr (chronicle_event_get_summary (a), ==, chronicle_event_get_summary (b));
  g_assert_cmpstr (chronicle_event_get_category_id (a), ==, chronicle_event_get_category_id (b));
  g_assert_cmpstr (chronicle_event_get_location (a), ==, chronicle_event_get_location (b));
  g_assert_cmpstr (chronicle_event_get_display_date (a), ==, chronicle_event_get_display_date (b));
  g_assert_cmpint (chronicle_event_get_approximate (a), ==, chronicle_event_get_approximate (b));
  assert_strv_equal (chronicle_event_get_actors (a), chronicle_event_get_actors (b));
  assert_strv_equal (chronicle_event_get_source_ids (a), chronicle_event_get_source_ids (b));
  g_assert_cmpuint (chronicle_event_get_n_quotes (a), ==, chronicle_event_get_n_quotes (b));
  for (guint i = 0; i < chronicle_event_get_n_quotes (a); i++)
    assert_quote_equal (chronicle_event_get_quote (a, i), chronicle_event_get_quote (b, i));
  g_assert_cmpuint (chronicle_event_get_n_media (a), ==, chronicle_event_get_n_media (b));
  for (guint i = 0; i < chronicle_event_get_n_media (a); i++)
    g_assert_true (chronicle_media_equal (chronicle_event_get_media (a, i), chronicle_event_get_media (b, i)));
  g_assert_cmpint (chronicle_event_get_start_time (a), ==, chronicle_event_get_start_time (b));
  g_assert_cmpint (chronicle_event_get_end_time (a), ==, chronicle_event_get_end_time (b));
}

static void
assert_timeline_equal (ChronicleTimeline *a,
                       ChronicleTimeline *b)
{
  GListModel *list_a, *list_b;

  g_assert_cmpstr (chronicle_timeline_get_title (a), ==, chronicle_timeline_get_title (b));
  g_assert_cmpstr (chronicle_timeline_get_description (a), ==, chronicle_timeline_get_description (b));

  list_a = chronicle_timeline_get_sources (a);
  list_b = chronicle_timeline_get_sources (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ChronicleSource) sa = g_list_model_get_item (list_a, i);
      g_autoptr(ChronicleSource) sb = g_list_model_get_item (list_b, i);

      g_assert_cmpstr (chronicle_source_get_id (sa), ==, chronicle_source_get_id (sb));
      g_assert_cmpstr (chronicle_source_get_publisher (sa), ==, chronicle_source_get_publisher (sb));
      g_assert_cmpstr (chronicle_source_get_title (sa), ==, chronicle_source_get_title (sb));
      g_assert_cmpstr (chronicle_source_get_url (sa), ==, chronicle_source_get_url (sb));
      assert_date_equal (chronicle_source_get_published (sa), chronicle_source_get_published (sb));
    }

  list_a = chronicle_timeline_get_categories (a);
  list_b = chronicle_timeline_get_categories (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ChronicleCategory) ca = g_list_model_get_item (list_a, i);
      g_autoptr(ChronicleCategory) cb = g_list_model_get_item (list_b, i);

      g_assert_cmpstr (chronicle_category_get_id (ca), ==, chronicle_category_get_id (cb));
      g_assert_cmpstr (chronicle_category_get_label (ca), ==, chronicle_category_get_label (cb));
      g_assert_cmpstr (chronicle_category_get_color (ca), ==, chronicle_category_get_color (cb));
    }

  list_a = chronicle_timeline_get_eras (a);
  list_b = chronicle_timeline_get_eras (b);
  g_assert_cmpuint (g_list_model_get_n_items (list_a), ==, g_list_model_get_n_items (list_b));
  for (guint i = 0; i < g_list_model_get_n_items (list_a); i++)
    {
      g_autoptr(ChronicleEra) ea = g_list_model_get_item (list_a, i);
      g_autoptr(ChronicleEra) eb = g_list_model_get_item (list_b, i);

      g_assert_cmpstr (chronicle_era_get_id (ea), ==, chronicle_era_get_id (eb));
      g_assert_cmpstr (chronicle_era_get_label (ea), ==, chronicle_era_get_label (eb));
      assert_date_equal (chronicle_era_get_start (ea), chronicle_era_get_start (eb));
      assert_date_equal (chronicle_era_get_end (ea), chronicle_era_get_end (eb));
      g_assert_cmpint (chronicle_era_is_ongoing (ea), ==, chronicle_era_is_ongoing (eb));
    }

  g_assert_cmpuint (chronicle_timeline_get_n_events (a), ==, chronicle_timeline_get_n_events (b));
  for (guint i = 0; i < chronicle_timeline_get_n_events (a); i++)
    assert_event_equal (chronicle_timeline_get_event (a, i), chronicle_timeline_get_event (b, i));
}

static ChronicleTimeline *
reload (ChronicleTimeline *timeline)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  ChronicleTimeline *copy;
  gsize length;

  data = chronicle_timeline_to_data (timeline, &length);
  g_assert_nonnull (data);
  g_assert_cmpuint (length, ==, strlen (data));

  copy = chronicle_timeline_load_from_data (data, length, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);

  return copy;
}

static void
test_round_trip (gconstpointer user_data)
{
  const char *name = user_data;
  g_autoptr(ChronicleTimeline) original = load_data_file (name);
  g_autoptr(ChronicleTimeline) copy = reload (original);
  g_autoptr(ChronicleTimeline) copy2 = reload (copy);

  assert_timeline_equal (original, copy);
  assert_timeline_equal (copy, copy2);
}

/* The precisions and offsets of ok-rich.json survive as text, not just as
 * equal structs: "2022-03" must not come back as "2022-03-01". */
static void
test_precision_text (void)
{
  g_autoptr(ChronicleTimeline) timeline = load_data_file ("ok-rich.json");
  g_autofree char *data = chronicle_timeline_to_data (timeline, NULL);
  static const char * const expected[] = {
    "\"date\": \"2022\"",
    "\"date\": \"2022-03\"",
    "\"date\": \"2022-03-29\"",
    "\"end\": \"2022-03-30\"",
    "\"date\": \"2025-05-16T10:30\"",
    "\"date\": \"2025-05-16T10:30:00+03:00\"",
    "\"date\": \"2025-05-15T22:00-04:30\"",
    "\"start\": \"2022-02\"",
    "\"format\": \"chronicle-timeline\"",
    "\"version\": 1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (strstr (data, expected[i]) == NULL)
        g_test_message ("missing %s in:\n%s", expected[i], data);
      g_assert_nonnull (strstr (data, expected[i]));
    }

  /* Optional members that were absent stay absent; null is never written
   * for them. The file's one "approximate": false comes back as it was,
   * once. */
  g_assert_null (strstr (data, "null"));
  g_assert_nonnull (strstr (data, "\"approximate\": false"));
  g_assert_null (strstr (strstr (data, "\"approximate\": false") + 1, "\"approximate\": false"));
}

/* A timeline built in code, not from a file, round-trips too. */
static void
test_built_timeline (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Built \"in code\"");
  g_autoptr(ChronicleTimeline) copy = NULL;
  g_autoptr(ChronicleEvent) event = NULL;
  g_autoptr(ChronicleQuote) quote = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleDate date, end;

  chronicle_date_parse ("1999-12-31T23:59:59-01:00", &date, &error);
  g_assert_no_error (error);
  chronicle_date_parse ("2000-02", &end, &error);
  g_assert_no_error (error);

  event = chronicle_event_new ("y2k", &date, "Line\nbreak and \\ backslash");
  chronicle_event_set_end (event, &end);
  quote = chronicle_quote_new ("\u201cQuoted\u201d", NULL, "Role only", NULL, &end);
  chronicle_event_add_quote (event, quote);
  chronicle_timeline_add_event (timeline, event);

  copy = reload (timeline);
  assert_timeline_equal (timeline, copy);
}

/* A timeline nobody named (a new document) is saved with a title, since
 * the loader refuses a blank one: what was saved opens again. */
static void
test_untitled_loads (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new (NULL);
  g_autoptr(ChronicleTimeline) copy = reload (timeline);

  g_assert_cmpstr (chronicle_timeline_get_title (copy), ==, "Untitled Timeline");
}

static void
test_save (void)
{
  g_autoptr(ChronicleTimeline) timeline = load_data_file ("ok-rich.json");
  g_autoptr(ChronicleTimeline) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chronicle-writer-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "saved.json", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (chronicle_timeline_save_to_file (timeline, file, NULL, &error));
  g_assert_no_error (error);

  /* Saving over an existing file replaces it. */
  g_assert_true (chronicle_timeline_save_to_file (timeline, file, NULL, &error));
  g_assert_no_error (error);

  copy = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_timeline_equal (timeline, copy);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_save_missing_directory (void)
{
  g_autoptr(ChronicleTimeline) timeline = load_data_file ("ok-minimal.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chronicle-writer-XXXXXX", &error);
  g_autofree char *missing = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDir) listing = NULL;

  g_assert_no_error (error);
  missing = g_build_filename (dir, "no-such-dir", NULL);
  path = g_build_filename (missing, "saved.json", NULL);
  file = g_file_new_for_path (path);

  g_assert_false (chronicle_timeline_save_to_file (timeline, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  /* Nothing was created: neither the directory nor a temporary file. */
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Two JSON values are equal as values: objects member by member whatever
 * their order, arrays element by element, numbers as numbers (1 and 1.0
 * are one number). @path says where a difference is. */
static gboolean
json_equal (JsonNode   *a,
            JsonNode   *b,
            const char *path)
{
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    {
      g_test_message ("%s: %s against %s", path, json_node_type_name (a), json_node_type_name (b));
      return FALSE;
    }

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a);
        JsonObject *ob = json_node_get_object (b);
        g_autoptr(GList) names = json_object_get_members (oa);

        if (json_object_get_size (oa) != json_object_get_size (ob))
          {
            g_test_message ("%s: %u members against %u", path,
                            json_object_get_size (oa), json_object_get_size (ob));
            return FALSE;
          }
        for (GList *l = names; l != NULL; l = l->next)
          {
            g_autofree char *inner = g_strdup_printf ("%s.%s", path, (const char *) l->data);

            if (!json_object_has_member (ob, l->data))
              {
                g_test_message ("%s: missing", inner);
                return FALSE;
              }
            if (!json_equal (json_object_get_member (oa, l->data), json_object_get_member (ob, l->data), inner))
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a);
        JsonArray *ab = json_node_get_array (b);

        if (json_array_get_length (aa) != json_array_get_length (ab))
          {
            g_test_message ("%s: %u elements against %u", path,
                            json_array_get_length (aa), json_array_get_length (ab));
            return FALSE;
          }
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            g_autofree char *inner = g_strdup_printf ("%s[%u]", path, i);

            if (!json_equal (json_array_get_element (aa, i), json_array_get_element (ab, i), inner))
              return FALSE;
          }
        return TRUE;
      }

    case JSON_NODE_VALUE:
      {
        GType ta = json_node_get_value_type (a);
        GType tb = json_node_get_value_type (b);
        gboolean numbers = (ta == G_TYPE_INT64 || ta == G_TYPE_DOUBLE) && (tb == G_TYPE_INT64 || tb == G_TYPE_DOUBLE);

        if (numbers ? json_node_get_double (a) == json_node_get_double (b) &&
                      (ta != G_TYPE_INT64 || tb != G_TYPE_INT64 || json_node_get_int (a) == json_node_get_int (b))
                    : ta == tb && (ta == G_TYPE_STRING ? g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0
                                                       : json_node_get_boolean (a) == json_node_get_boolean (b)))
          return TRUE;
        g_test_message ("%s: values differ", path);
        return FALSE;
      }

    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

/* Loads @path, saves it, and checks that the saved file has every member
 * of the original, unknown ones included, with the same value, events and
 * quotes in the same order; and that a second save writes the same bytes.
 * Returns FALSE when the loader refuses the file (or it is not JSON that
 * json-glib reads to compare with). */
static gboolean
check_file_round_trip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleTimeline) again = NULL;
  g_autoptr(JsonParser) original = json_parser_new ();
  g_autoptr(JsonParser) saved = json_parser_new ();
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  timeline = chronicle_timeline_load_from_file (file, NULL, NULL, NULL);
  if (timeline == NULL || !json_parser_load_from_file (original, path, NULL))
    return FALSE;
  root = json_parser_get_root (original);
  /* Other formats (a spreadsheet, TimelineJS) are converted, not kept. */
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (root), "format", ""),
                 "chronicle-timeline") != 0)
    return FALSE;

  data = chronicle_timeline_to_data (timeline, NULL);
  g_assert_true (json_parser_load_from_data (saved, data, -1, &error));
  g_assert_no_error (error);
  g_test_message ("%s", path);
  g_assert_true (json_equal (root, json_parser_get_root (saved), "$"));

  again = chronicle_timeline_load_from_data (data, -1, NULL, &error);
  g_assert_no_error (error);
  data_again = chronicle_timeline_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);

  return TRUE;
}

static guint
check_directory_round_trip (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        n_checked += check_directory_round_trip (path);
      else if (g_str_has_suffix (name, ".json") && check_file_round_trip (path))
        n_checked++;
    }

  return n_checked;
}

/* Every valid timeline under tests/data and data/examples, opened and
 * saved, is what was read, member by member (issue #13). */
static void
test_round_trip_all_files (void)
{
  g_autofree char *data_dir = g_test_build_filename (G_TEST_DIST, "data", NULL);
  g_autofree char *examples_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", NULL);
  guint n_checked;

  n_checked = check_directory_round_trip (data_dir);
  g_assert_cmpuint (n_checked, >=, 8);
  g_assert_cmpuint (check_directory_round_trip (examples_dir), >=, 1);
}

/* A file written the common way (two-space indents, "name": value, a
 * newline at the end: JSON.stringify (v, null, 2), Python's json.dump with
 * indent=2) is saved byte for byte as it was read, so that saving after an
 * edit changes only the lines of the edit in a diff. */
static void
test_same_bytes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "istanbul-talks-2025.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autofree char *original = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &original, NULL, &error));
  g_assert_no_error (error);
  timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  saved = chronicle_timeline_to_data (timeline, NULL);
  g_assert_cmpstr (saved, ==, original);
}

/* What the loader keeps, one kind at a time, each written back in its
 * object: a date in another spelling, members it does not know, null and
 * empty ones; and what an edit changes is written the writer's way. */
static void
test_kept_spelling (void)
{
  static const char *document =
    "{\"format\":\"chronicle-timeline\",\"version\":1.0,\"title\":\"T\",\"x-top\":[1,{\"a\":null}],"
    "\"events\":[{\"id\":\"b\",\"date\":\"2025-05-16t10:30z\",\"end\":\"2025-05-16T14:00+0300\",\"title\":\"B\",\"summary\":null},"
    "{\"id\":\"a\",\"date\":\"2022\",\"title\":\"A\",\"quotes\":[{\"text\":\"q2\",\"date\":\"2022-01-01T00:00-00:00\"},{\"text\":\"q1\",\"n\":-0.5}]}]}";
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
  g_assert_no_error (error);
  data = chronicle_timeline_to_data (timeline, NULL);
  g_test_message ("%s", data);

  g_assert_nonnull (strstr (data, "\"date\": \"2025-05-16t10:30z\""));
  g_assert_nonnull (strstr (data, "\"end\": \"2025-05-16T14:00+0300\""));
  g_assert_nonnull (strstr (data, "\"date\": \"2022-01-01T00:00-00:00\""));
  g_assert_nonnull (strstr (data, "\"summary\": null"));
  g_assert_nonnull (strstr (data, "\"n\": -0.5"));
  g_assert_nonnull (strstr (data, "\"x-top\": [\n    1,\n    {\n      \"a\": null\n    }\n  ]"));
  /* File order: "b" before "a" (the timeline has "a" first), quotes as read. */
  g_assert_cmpint (chronicle_timeline_get_event_id (timeline, 0)[0], ==, 'a');
  g_assert_true (strstr (data, "\"id\": \"b\"") < strstr (data, "\"id\": \"a\""));
  g_assert_true (strstr (data, "q2") < strstr (data, "q1"));
  /* Kept after the member it followed: "x-top" after "title". */
  g_assert_true (strstr (data, "\"title\": \"T\"") < strstr (data, "\"x-top\""));
  g_assert_true (strstr (data, "\"x-top\"") < strstr (data, "\"events\""));
}

/* A member nested as deep as the parser allows is kept, and written back
 * without laying it out. */
static void
test_kept_deep (void)
{
  g_autoptr(GString) document = g_string_new ("{\"format\":\"chronicle-timeline\",\"version\":1,"
                                               "\"title\":\"T\",\"events\":[{\"id\":\"a\",\"date\":\"2022\","
                                               "\"title\":\"A\",\"deep\":");
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleTimeline) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data_again = NULL;

  /* 512 levels in all: the root, "events", the event, and 509 here. */
  for (guint i = 0; i < 509; i++)
    g_string_append_c (document, '[');
  for (guint i = 0; i < 509; i++)
    g_string_append_c (document, ']');
  g_string_append (document, "}]}");

  timeline = chronicle_timeline_load_from_data (document->str, -1, NULL, &error);
  g_assert_no_error (error);
  data = chronicle_timeline_to_data (timeline, NULL);
  again = chronicle_timeline_load_from_data (data, -1, NULL, &error);
  g_assert_no_error (error);
  data_again = chronicle_timeline_to_data (again, NULL);
  g_assert_cmpstr (data, ==, data_again);
  g_assert_nonnull (strstr (data, "\"deep\": [[[["));
}

/* A kept spelling is written only while it means what the model holds. */
static void
test_kept_date_after_edit (void)
{
  static const char *document =
    "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":"
    "[{\"id\":\"a\",\"date\":\"2025-05-16t10:30z\",\"title\":\"A\",\"end\":null}]}";
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleTimeline) edited = chronicle_timeline_new ("T");
  g_autoptr(ChronicleEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  ChronicleDate date, end;

  timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (chronicle_date_parse ("2025-05-17T10:30Z", &date, NULL));
  g_assert_true (chronicle_date_parse ("2025-05-18", &end, NULL));

  /* An edited copy, as the document makes one: the kept data goes along. */
  event = chronicle_event_new ("a", &date, "A");
  chronicle_event_set_end (event, &end);
  chronicle_kept_set (event, chronicle_kept_get (chronicle_timeline_get_event (timeline, 0)));
  g_assert_nonnull (chronicle_kept_get (event));
  chronicle_timeline_add_event (edited, event);

  data = chronicle_timeline_to_data (edited, NULL);
  g_test_message ("%s", data);
  g_assert_nonnull (strstr (data, "\"date\": \"2025-05-17T10:30Z\""));
  g_assert_null (strstr (data, "t10:30z"));
  /* The event has an end now: the file's "end": null is not written too. */
  g_assert_nonnull (strstr (data, "\"end\": \"2025-05-18\""));
  g_assert_null (strstr (data, "null"));
}

/* chronicle_kept_date_text_is_canonical() tells without formatting what
 * chronicle_date_to_iso() would write differently. */
static void
test_canonical_date_text (void)
{
  static const char * const texts[] = {
    "2022", "2022-03", "2022-03-29", "2025-05-16T10:30", "2025-05-16t10:30", "2025-05-16T10:30:00",
    "2025-05-16T10:30Z", "2025-05-16T10:30z", "2025-05-16T10:30:00Z", "2025-05-16T10:30+03:00",
    "2025-05-16T10:30+0300", "2025-05-16T10:30+03", "2025-05-16T10:30:59-04:30", "2025-05-16T10:30+00:00",
    "2025-05-16T10:30-00:00", "2025-05-16T10:30:00+0000", "2025-05-16T10:30:00-12", "2025-05-16T10:30:00+18:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      ChronicleDate date;

      g_assert_true (chronicle_date_parse (texts[i], &date, &error));
      g_assert_no_error (error);
      iso = chronicle_date_to_iso (&date);
      g_test_message ("%s -> %s", texts[i], iso);
      g_assert_cmpint (chronicle_kept_date_text_is_canonical (texts[i]), ==, strcmp (iso, texts[i]) == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/writer/round-trip/ok-rich", "ok-rich.json", test_round_trip);
  g_test_add_data_func ("/writer/round-trip/ok-minimal", "ok-minimal.json", test_round_trip);
  g_test_add_data_func ("/writer/round-trip/ok-media", "ok-media.json", test_round_trip);
  g_test_add_data_func ("/writer/round-trip/ok-unknown-members", "ok-unknown-members.json", test_round_trip);
  /* Expanded years, deep time and display dates (issue #14). */
  g_test_add_data_func ("/writer/round-trip/deep-time", "deep-time.json", test_round_trip);
  g_test_add_func ("/writer/round-trip/all-files", test_round_trip_all_files);
  g_test_add_func ("/writer/round-trip/same-bytes", test_same_bytes);
  g_test_add_func ("/writer/kept/spelling", test_kept_spelling);
  g_test_add_func ("/writer/kept/date-after-edit", test_kept_date_after_edit);
  g_test_add_func ("/writer/kept/deep", test_kept_deep);
  g_test_add_func ("/writer/kept/canonical-date-text", test_canonical_date_text);
  g_test_add_func ("/writer/precision-text", test_precision_text);
  g_test_add_func ("/writer/built-timeline", test_built_timeline);
  g_test_add_func ("/writer/untitled-loads", test_untitled_loads);
  g_test_add_func ("/writer/save", test_save);
  g_test_add_func ("/writer/save-missing-directory", test_save_missing_directory);

  return g_test_run ();
}
