/* test-timelinejs-export.c: publishing to TimelineJS 3 (issue #14), and
 * reading the result back
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chronicle-category.h"
#include "chronicle-date.h"
#include "chronicle-era.h"
#include "chronicle-event.h"
#include "chronicle-media.h"
#include "chronicle-quote.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timelinejs-export-private.h"

static const char small_timeline[] =
  "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Talks <live> & more\","
  " \"description\": \"Two days\","
  " \"categories\": [{\"id\": \"diplomacy\", \"label\": \"Diplomacy\", \"color\": \"#1c71d8\"}],"
  " \"eras\": [{\"id\": \"round\", \"label\": \"Round one\", \"start\": \"2025-05\"}],"
  " \"events\": ["
  "  {\"id\": \"y\", \"date\": \"2024\", \"title\": \"A year\"},"
  "  {\"id\": \"m\", \"date\": \"2025-05\", \"title\": \"A month\"},"
  "  {\"id\": \"talks\", \"date\": \"2025-05-16T10:30\", \"end\": \"2025-05-16T12:00:30\","
  "   \"title\": \"Talks open <today>\", \"category\": \"diplomacy\","
  "   \"quotes\": [{\"text\": \"We came to talk & to listen\", \"speaker\": \"A. Minister\", \"role\": \"Foreign minister\"}]}"
  " ]}";

static JsonObject *
get_event_object (JsonNode   *root,
                  const char *id)
{
  JsonArray *events = json_object_get_array_member (json_node_get_object (root), "events");

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_strcmp0 (json_object_get_string_member (event, "unique_id"), id) == 0)
        return event;
    }
  return NULL;
}

/* The date objects hold only the fields the precision has, headlines
 * are escaped HTML, a quote is blockquote media credited to its speaker
 * and role, a category is a group, an ongoing era gets an end. */
static void
test_timelinejs_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (small_timeline, -1, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  JsonObject *root, *event, *date, *media;
  JsonArray *eras;
  gsize length;

  g_assert_no_error (error);
  data = chronicle_timelinejs_to_data (timeline, &length);
  g_assert_true (json_parser_load_from_data (parser, data, length, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_false (json_object_has_member (root, "format"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (
                     json_object_get_object_member (root, "title"), "text"), "headline"),
                   ==, "Talks &lt;live&gt; &amp; more");

  event = get_event_object (json_parser_get_root (parser), "y");
  g_assert_nonnull (event);
  date = json_object_get_object_member (event, "start_date");
  g_assert_cmpint (json_object_get_size (date), ==, 1);
  g_assert_cmpint (json_object_get_int_member (date, "year"), ==, 2024);
  g_assert_false (json_object_has_member (event, "end_date"));
  g_assert_false (json_object_has_member (event, "group"));

  event = get_event_object (json_parser_get_root (parser), "m");
  date = json_object_get_object_member (event, "start_date");
  g_assert_cmpint (json_object_get_size (date), ==, 2);
  g_assert_cmpint (json_object_get_int_member (date, "month"), ==, 5);

  event = get_event_object (json_parser_get_root (parser), "talks");
  date = json_object_get_object_member (event, "start_date");
  g_assert_cmpint (json_object_get_size (date), ==, 5);
  g_assert_cmpint (json_object_get_int_member (date, "hour"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (date, "minute"), ==, 30);
  g_assert_false (json_object_has_member (date, "second"));
  date = json_object_get_object_member (event, "end_date");
  g_assert_cmpint (json_object_get_size (date), ==, 6);
  g_assert_cmpint (json_object_get_int_member (date, "second"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (event, "text"), "headline"),
                   ==, "Talks open &lt;today&gt;");
  g_assert_cmpstr (json_object_get_string_member (event, "group"), ==, "Diplomacy");
  media = json_object_get_object_member (event, "media");
  g_assert_nonnull (media);
  g_assert_cmpstr (json_object_get_string_member (media, "url"), ==,
                   "<blockquote>We came to talk &amp; to listen</blockquote>");
  g_assert_cmpstr (json_object_get_string_member (media, "credit"), ==, "A. Minister, Foreign minister");

  eras = json_object_get_array_member (root, "eras");
  g_assert_cmpint (json_array_get_length (eras), ==, 1);
  date = json_object_get_object_member (json_array_get_object_element (eras, 0), "end_date");
  g_assert_nonnull (date);
  g_assert_cmpint (json_object_get_int_member (date, "second"), ==, 30);
}

/* The template's headers in its order, a title row, dates in the
 * precision's columns only, the quote as blockquote media, a cell a
 * spreadsheet would run as a formula kept as text, and Headline as the
 * HTML TimelineJS shows it, read back as the title it was. */
static void
test_timelinejs_csv_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *document = g_strdup (small_timeline);
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ChronicleTimeline) back = NULL;
  char *place;

  /* A title a spreadsheet would take for a formula. */
  place = strstr (document, "A month");
  memcpy (place, "=2+3+a", 6);
  timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
  g_assert_no_error (error);
  data = chronicle_timelinejs_csv_to_data (timeline, NULL);
  lines = g_strsplit (data, "\r\n", -1);

  g_assert_cmpstr (lines[0], ==,
                   "\"Year\",\"Month\",\"Day\",\"Time\",\"End Year\",\"End Month\",\"End Day\",\"End Time\","
                   "\"Display Date\",\"Headline\",\"Text\",\"Media\",\"Media Credit\",\"Media Caption\","
                   "\"Media Thumbnail\",\"Type\",\"Group\",\"Background\"");
  g_assert_cmpstr (lines[1], ==,
                   "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"Talks &lt;live&gt; &amp; more\",\"Two days\",\"\",\"\",\"\",\"\","
                   "\"title\",\"\",\"\"");
  g_assert_true (g_str_has_prefix (lines[2], "\"2024\",\"\",\"\",\"\","));
  g_assert_true (g_str_has_prefix (lines[3], "\"2025\",\"5\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"'=2+3+ah\","));
  g_assert_cmpstr (lines[4], ==,
                   "\"2025\",\"5\",\"16\",\"10:30\",\"2025\",\"5\",\"16\",\"12:00:30\",\"\",\"Talks open &lt;today&gt;\",\"\","
                   "\"<blockquote>We came to talk &amp; to listen</blockquote>\",\"A. Minister, Foreign minister\","
                   "\"\",\"\",\"\",\"Diplomacy\",\"\"");
  g_assert_true (g_str_has_prefix (lines[5], "\"2025\",\"5\",\"\",\"\",\"2025\",\"5\",\"16\",\"12:00:30\",\"\","
                                             "\"Round one\",\"\",\"\",\"\",\"\",\"\",\"era\","));
  g_assert_cmpstr (lines[6], ==, "");
  g_assert_null (lines[7]);

  dir = g_dir_make_tmp ("chronicle-tjs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "sheet.csv", NULL);
  g_assert_true (g_file_set_contents (path, data, -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  back = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  g_assert_cmpstr (chronicle_timeline_get_title (back), ==, "Talks <live> & more");
  g_assert_cmpstr (chronicle_timeline_get_event_title (back, 2), ==, "Talks open <today>");
}

static void
assert_same_date (const ChronicleDate *original,
                  const ChronicleDate *back,
                  const char          *where)
{
  g_test_message ("%s", where);
  g_assert_nonnull (back);
  g_assert_cmpint (back->precision, ==, original->precision);
  g_assert_cmpint (back->year, ==, original->year);
  g_assert_cmpint (back->month, ==, original->month);
  g_assert_cmpint (back->day, ==, original->day);
  g_assert_cmpint (back->hour, ==, original->hour);
  g_assert_cmpint (back->minute, ==, original->minute);
  g_assert_cmpint (back->second, ==, original->second);
}

static const char *
category_label (ChronicleTimeline *timeline,
                ChronicleEvent    *event)
{
  const char *id = chronicle_event_get_category_id (event);
  ChronicleCategory *category = id != NULL ? chronicle_timeline_lookup_category (timeline, id) : NULL;

  return category != NULL ? chronicle_category_get_label (category) : NULL;
}

static void
assert_same_quotes (ChronicleEvent *original,
                    ChronicleEvent *back)
{
  ChronicleQuote *quote, *quote_back;
  const char *speaker, *role;
  g_autofree char *credit = NULL;

  if (chronicle_event_get_n_quotes (original) == 0)
    {
      g_assert_cmpuint (chronicle_event_get_n_quotes (back), ==, 0);
      return;
    }

  /* TimelineJS has one media a slide: the first quote is the media, its
   * credit the speaker and role as one text. */
  g_assert_cmpuint (chronicle_event_get_n_quotes (back), ==, 1);
  quote = chronicle_event_get_quote (original, 0);
  quote_back = chronicle_event_get_quote (back, 0);
  g_assert_cmpstr (chronicle_quote_get_text (quote_back), ==, chronicle_quote_get_text (quote));
  speaker = chronicle_quote_get_speaker (quote);
  role = chronicle_quote_get_role (quote);
  credit = speaker != NULL && role != NULL ? g_strdup_printf ("%s, %s", speaker, role)
                                           : g_strdup (speaker != NULL ? speaker : role);
  g_assert_cmpstr (chronicle_quote_get_speaker (quote_back), ==, credit);

  /* The others stay readable in the slide's text. */
  for (guint i = 1; i < chronicle_event_get_n_quotes (original); i++)
    g_assert_nonnull (strstr (chronicle_event_get_summary (back),
                              chronicle_quote_get_text (chronicle_event_get_quote (original, i))));
}

/* TimelineJS has one media a slide, which a quote takes first: else the
 * first medium comes back whole (the sheet has no alt column); the
 * others are links in the slide's text. */
static void
assert_same_media (ChronicleEvent *original,
                   ChronicleEvent *back,
                   gboolean        csv)
{
  ChronicleMedia *media, *media_back;

  if (chronicle_event_get_n_quotes (original) > 0 || chronicle_event_get_n_media (original) == 0)
    {
      g_assert_cmpuint (chronicle_event_get_n_media (back), ==, 0);
      return;
    }

  g_assert_cmpuint (chronicle_event_get_n_media (back), ==, 1);
  media = chronicle_event_get_media (original, 0);
  media_back = chronicle_event_get_media (back, 0);
  g_assert_cmpstr (chronicle_media_get_url (media_back), ==, chronicle_media_get_url (media));
  g_assert_cmpstr (chronicle_media_get_caption (media_back), ==, chronicle_media_get_caption (media));
  g_assert_cmpstr (chronicle_media_get_credit (media_back), ==, chronicle_media_get_credit (media));
  g_assert_cmpstr (chronicle_media_get_thumbnail (media_back), ==, chronicle_media_get_thumbnail (media));
  if (!csv)
    g_assert_cmpstr (chronicle_media_get_alt (media_back), ==, chronicle_media_get_alt (media));
}

/* Who, where and the sources, which TimelineJS has no field for, come
 * back from the slide's text: each source by its web address, or by its
 * publisher's name when it has none. (Media the slide does not show
 * come back as sources too.) */
static void
assert_same_details (ChronicleTimeline *original,
                     ChronicleEvent    *event,
                     ChronicleTimeline *back,
                     ChronicleEvent    *event_back)
{
  const char * const *actors = chronicle_event_get_actors (event);
  const char * const *actors_back = chronicle_event_get_actors (event_back);
  const char * const *ids = chronicle_event_get_source_ids (event);
  const char * const *ids_back = chronicle_event_get_source_ids (event_back);

  g_assert_cmpuint (actors != NULL ? g_strv_length ((GStrv) actors) : 0, ==,
                    actors_back != NULL ? g_strv_length ((GStrv) actors_back) : 0);
  for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
    g_assert_cmpstr (actors_back[i], ==, actors[i]);
  g_assert_cmpstr (chronicle_event_get_location (event_back), ==, chronicle_event_get_location (event));

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      ChronicleSource *source = chronicle_timeline_lookup_source (original, ids[i]);
      const char *url = chronicle_source_get_url (source);
      const char *name = chronicle_source_get_publisher (source) != NULL ? chronicle_source_get_publisher (source)
                                                                         : chronicle_source_get_title (source);
      gboolean found = FALSE;

      for (guint j = 0; ids_back != NULL && ids_back[j] != NULL && !found; j++)
        {
          ChronicleSource *source_back = chronicle_timeline_lookup_source (back, ids_back[j]);

          found = url != NULL ? g_strcmp0 (chronicle_source_get_url (source_back), url) == 0
                              : g_strcmp0 (chronicle_source_get_publisher (source_back), name) == 0;
        }
      g_test_message ("source %s (%s)", url, name);
      g_assert_true (found);
    }
}

static void
round_trip (const char *path,
            gboolean    csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChronicleTimeline) original = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_autofree char *dir = NULL, *out_path = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(ChronicleTimeline) back = NULL;
  GListModel *eras, *eras_back;
  guint n_events;

  g_test_message ("round trip of %s", path);
  g_assert_no_error (error);

  dir = g_dir_make_tmp ("chronicle-tjs-XXXXXX", &error);
  g_assert_no_error (error);
  out_path = g_build_filename (dir, csv ? "out.csv" : "out.json", NULL);
  out = g_file_new_for_path (out_path);
  if (csv)
    g_assert_true (chronicle_timelinejs_csv_save_to_file (original, out, NULL, &error));
  else
    g_assert_true (chronicle_timelinejs_save_to_file (original, out, NULL, &error));
  g_assert_no_error (error);

  back = chronicle_timeline_load_from_file (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_unlink (out_path);
  g_rmdir (dir);

  g_assert_cmpstr (chronicle_timeline_get_title (back), ==, chronicle_timeline_get_title (original));
  n_events = chronicle_timeline_get_n_events (original);
  g_assert_cmpuint (chronicle_timeline_get_n_events (back), ==, n_events);
  for (guint i = 0; i < n_events; i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (original, i);
      /* The template has no id column: its rows keep the order. */
      ChronicleEvent *event_back = csv ? chronicle_timeline_get_event (back, i)
                                       : chronicle_timeline_lookup_event (back, chronicle_event_get_id (event));

      g_assert_nonnull (event_back);
      assert_same_date (chronicle_event_get_date (event), chronicle_event_get_date (event_back),
                        chronicle_event_get_id (event));
      if (chronicle_event_get_end (event) != NULL)
        assert_same_date (chronicle_event_get_end (event), chronicle_event_get_end (event_back),
                          chronicle_event_get_id (event));
      else
        g_assert_null (chronicle_event_get_end (event_back));
      g_assert_cmpstr (chronicle_event_get_title (event_back), ==, chronicle_event_get_title (event));
      g_assert_cmpstr (chronicle_event_get_display_date (event_back), ==, chronicle_event_get_display_date (event));
      g_assert_cmpstr (category_label (back, event_back), ==, category_label (original, event));
      assert_same_quotes (event, event_back);
      assert_same_media (event, event_back, csv);
      assert_same_details (original, event, back, event_back);
    }

  eras = chronicle_timeline_get_eras (original);
  eras_back = chronicle_timeline_get_eras (back);
  g_assert_cmpuint (g_list_model_get_n_items (eras_back), ==, g_list_model_get_n_items (eras));
  for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (eras, i);
      g_autoptr(ChronicleEra) era_back = g_list_model_get_item (eras_back, i);

      g_assert_cmpstr (chronicle_era_get_label (era_back), ==, chronicle_era_get_label (era));
      assert_same_date (chronicle_era_get_start (era), chronicle_era_get_start (era_back),
                        chronicle_era_get_label (era));
    }
}

static void
test_timelinejs_round_trip_example (gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "istanbul-talks-2025.json", NULL);

  round_trip (path, GPOINTER_TO_INT (data));
}

/* Years before 1 AD and deep time (issue #14): TimelineJS counts BC years
 * as people do and needs its cosmological scale; the dates come back. */
static void
test_timelinejs_round_trip_deep_time (gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "deep-time.json", NULL);

  round_trip (path, GPOINTER_TO_INT (data));
}

/* Ours -> TimelineJS -> ours keeps the media (issue #14). */
static void
test_timelinejs_round_trip_media (gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ok-media.json", NULL);
  g_autofree char *mixed = g_test_build_filename (G_TEST_DIST, "data", "media-and-quotes.json", NULL);

  round_trip (path, GPOINTER_TO_INT (data));
  round_trip (mixed, GPOINTER_TO_INT (data));
}

/* A medium is TimelineJS's media with its caption and credit as HTML, and
 * what TimelineJS had beyond our members (link_target) given back; a
 * second medium, or one behind a quote, is a link in the text; a url a
 * spreadsheet would run as a formula stays text. */
static void
test_timelinejs_media_shape (void)
{
  static const char document[] =
    "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"t\", \"events\": ["
    " {\"id\": \"a\", \"date\": \"2022\", \"title\": \"A\", \"media\": ["
    "  {\"url\": \"https://example.org/a.jpg\", \"caption\": \"Fish & chips\", \"credit\": \"J. <Doe>\","
    "   \"thumbnail\": \"https://example.org/a-small.jpg\", \"alt\": \"A plate\", \"link_target\": \"_blank\"},"
    "  {\"url\": \"https://example.org/b.jpg\", \"caption\": \"Second\"}]},"
    " {\"id\": \"q\", \"date\": \"2023\", \"title\": \"Q\", \"quotes\": [{\"text\": \"Hello\"}],"
    "  \"media\": [{\"url\": \"https://example.org/c.jpg\", \"caption\": \"Behind a quote\"}]},"
    " {\"id\": \"f\", \"date\": \"2024\", \"title\": \"F\", \"media\": [{\"url\": \"=HYPERLINK(1)\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (document, -1, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL, *csv = NULL;
  JsonObject *event, *media;
  const char *text;

  g_assert_no_error (error);
  data = chronicle_timelinejs_to_data (timeline, NULL);
  g_assert_true (json_parser_load_from_data (parser, data, -1, &error));
  g_assert_no_error (error);

  event = get_event_object (json_parser_get_root (parser), "a");
  media = json_object_get_object_member (event, "media");
  g_assert_cmpstr (json_object_get_string_member (media, "url"), ==, "https://example.org/a.jpg");
  g_assert_cmpstr (json_object_get_string_member (media, "caption"), ==, "Fish &amp; chips");
  g_assert_cmpstr (json_object_get_string_member (media, "credit"), ==, "J. &lt;Doe&gt;");
  g_assert_cmpstr (json_object_get_string_member (media, "thumbnail"), ==, "https://example.org/a-small.jpg");
  g_assert_cmpstr (json_object_get_string_member (media, "alt"), ==, "A plate");
  g_assert_cmpstr (json_object_get_string_member (media, "link_target"), ==, "_blank");
  text = json_object_get_string_member (json_object_get_object_member (event, "text"), "text");
  g_assert_nonnull (strstr (text, "<a href=\"https://example.org/b.jpg\">Second</a>"));

  event = get_event_object (json_parser_get_root (parser), "q");
  g_assert_nonnull (strstr (json_object_get_string_member (json_object_get_object_member (event, "media"), "url"),
                            "<blockquote>"));
  text = json_object_get_string_member (json_object_get_object_member (event, "text"), "text");
  g_assert_nonnull (strstr (text, "<a href=\"https://example.org/c.jpg\">Behind a quote</a>"));

  csv = chronicle_timelinejs_csv_to_data (timeline, NULL);
  g_assert_nonnull (strstr (csv, "\"https://example.org/a.jpg\",\"J. &lt;Doe&gt;\",\"Fish &amp; chips\","
                                 "\"https://example.org/a-small.jpg\""));
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(1)\""));
}

static void
test_timelinejs_deep_time_shape (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "deep-time.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  JsonObject *root;
  JsonArray *events;
  gsize length;

  g_assert_no_error (error);
  data = chronicle_timelinejs_to_data (timeline, &length);
  g_assert_true (json_parser_load_from_data (parser, data, length, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "scale"), ==, "cosmological");
  events = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      JsonObject *start = json_object_get_object_member (event, "start_date");
      const char *id = json_object_get_string_member (event, "unique_id");

      if (g_strcmp0 (id, "ides") == 0)
        g_assert_cmpint (json_object_get_int_member (start, "year"), ==, -44);
      else if (g_strcmp0 (id, "one-bc") == 0)
        g_assert_cmpint (json_object_get_int_member (start, "year"), ==, -1);
      else if (g_strcmp0 (id, "big-bang") == 0)
        g_assert_cmpint (json_object_get_int_member (start, "year"), ==, G_GINT64_CONSTANT (-13800000000));
    }
}

static void
test_timelinejs_round_trip_corpus (gconstpointer data)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "corpus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      {
        g_autofree char *path = g_build_filename (dir_path, name, NULL);

        round_trip (path, GPOINTER_TO_INT (data));
        n_files++;
      }
  g_assert_cmpuint (n_files, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timelinejs-export/shape", test_timelinejs_shape);
  g_test_add_data_func ("/timelinejs-export/round-trip/example", GINT_TO_POINTER (FALSE),
                        test_timelinejs_round_trip_example);
  g_test_add_data_func ("/timelinejs-export/round-trip/corpus", GINT_TO_POINTER (FALSE),
                        test_timelinejs_round_trip_corpus);
  g_test_add_data_func ("/timelinejs-export/csv/round-trip/example", GINT_TO_POINTER (TRUE),
                        test_timelinejs_round_trip_example);
  g_test_add_data_func ("/timelinejs-export/csv/round-trip/corpus", GINT_TO_POINTER (TRUE),
                        test_timelinejs_round_trip_corpus);
  g_test_add_func ("/timelinejs-export/csv/shape", test_timelinejs_csv_shape);
  g_test_add_func ("/timelinejs-export/deep-time/shape", test_timelinejs_deep_time_shape);
  g_test_add_func ("/timelinejs-export/media/shape", test_timelinejs_media_shape);
  g_test_add_data_func ("/timelinejs-export/media/round-trip", GINT_TO_POINTER (FALSE),
                        test_timelinejs_round_trip_media);
  g_test_add_data_func ("/timelinejs-export/media/csv/round-trip", GINT_TO_POINTER (TRUE),
                        test_timelinejs_round_trip_media);
  g_test_add_data_func ("/timelinejs-export/deep-time/round-trip", GINT_TO_POINTER (FALSE),
                        test_timelinejs_round_trip_deep_time);
  g_test_add_data_func ("/timelinejs-export/deep-time/csv/round-trip", GINT_TO_POINTER (TRUE),
                        test_timelinejs_round_trip_deep_time);

  return g_test_run ();
}
