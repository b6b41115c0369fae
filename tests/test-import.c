/* test-import.c: the readers of other programs' formats (issue #14)
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chronicle-category.h"
#include "chronicle-color-private.h"
#include "chronicle-date.h"
#include "chronicle-era.h"
#include "chronicle-event.h"
#include "chronicle-import-private.h"
#include "chronicle-media.h"
#include "chronicle-quote.h"
#include "chronicle-source.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-loader-private.h"
#include "chronicle-timeline-writer.h"
#include "chronicle-timeline-private.h"

static ChronicleTimeline *
load_fixture (const char  *name,
              GStrv       *warnings,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return chronicle_timeline_load_from_file (file, NULL, warnings, error);
}

static gboolean
has_warning (GStrv       warnings,
             const char *part)
{
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    if (strstr (warnings[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_warning (GStrv       warnings,
                const char *part)
{
  if (!has_warning (warnings, part))
    {
      g_autofree char *all = warnings != NULL ? g_strjoinv ("\n", warnings) : g_strdup ("(none)");

      g_test_message ("no warning holds \"%s\"; the warnings:\n%s", part, all);
      g_test_fail ();
    }
}

static ChronicleSource *
find_source (ChronicleTimeline *timeline,
             const char        *id)
{
  GListModel *sources = chronicle_timeline_get_sources (timeline);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);

      if (g_strcmp0 (chronicle_source_get_id (source), id) == 0)
        return source;
    }
  return NULL;
}

static void
test_timelinejs_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("timelinejs-full.json", &warnings, &error);
  ChronicleEvent *event;
  ChronicleQuote *quote;
  ChronicleSource *source;
  GListModel *categories, *eras;
  g_autofree char *date = NULL;
  const char * const *source_ids;

  g_assert_no_error (error);
  g_assert_nonnull (timeline);

  /* The title slide. */
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "The Road to Istanbul");
  g_assert_cmpstr (chronicle_timeline_get_description (timeline), ==, "Built from a Reuters report.");

  /* Seven events, two left out with their place. */
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 5);
  g_assert_cmpstr (chronicle_timeline_get_import_summary (timeline), ==,
                   "Converted from TimelineJS: 5 of 7 events, 2 groups as categories, 1 era, 2 quotes, "
                   "1 media item, 1 link as a source");
  g_assert_false (has_warning (warnings, "Converted from"));
  assert_warning (warnings, "events[5] \"Impossible day\": start_date:");
  assert_warning (warnings, "events[6]: not an object; left out");
  assert_warning (warnings, "events[4] \"istanbul\": end 2024 is before start 2025-05-17; the end is left out");
  assert_warning (warnings, "eras[1] \"Broken era\": start_date: \"year\" is not a whole number");
  g_assert_false (has_warning (warnings, "display date"));
  assert_warning (warnings, "1 date lost its milliseconds");
  assert_warning (warnings, "background (1)");
  assert_warning (warnings, "title.media (1)");

  /* Deep time, at year precision: the cosmological scale. */
  event = chronicle_timeline_get_event (timeline, 0);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, "big-bang");
  date = chronicle_date_to_iso (chronicle_event_get_date (event));
  g_assert_cmpstr (date, ==, "-13800000000");
  g_clear_pointer (&date, g_free);

  /* HTML as text, the link in it a source, the blockquote a quote with the credit as speaker. */
  event = chronicle_timeline_get_event (timeline, 1);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, "invasion");
  date = chronicle_date_to_iso (chronicle_event_get_date (event));
  g_assert_cmpstr (date, ==, "2022-02-24");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Russia invades Ukraine");
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, "Troops cross the border.\nSee the report.");
  g_assert_cmpstr (chronicle_event_get_category_id (event), ==, "group-1");
  source_ids = (const char * const *) chronicle_event_get_source_ids (event);
  g_assert_nonnull (source_ids);
  g_assert_cmpstr (source_ids[0], ==, "link-1");
  source = find_source (timeline, "link-1");
  g_assert_nonnull (source);
  g_assert_cmpstr (chronicle_source_get_url (source), ==, "https://example.org/report");
  g_assert_cmpstr (chronicle_source_get_title (source), ==, "the report");
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
  quote = chronicle_event_get_quote (event, 0);
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "We are ready for any format.");
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Volodymyr Zelenskiy");

  /* No unique_id: an id made from the place; month precision; other media a medium. */
  event = chronicle_timeline_get_event (timeline, 2);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, "event-2");
  /* The display date is kept and shown instead of the one made from the date. */
  g_assert_cmpstr (chronicle_event_get_display_date (event), ==, "Spring 2022");
  {
    g_autofree char *shown = chronicle_event_format_date (event);

    g_assert_cmpstr (shown, ==, "Spring 2022");
  }
  g_clear_pointer (&date, g_free);
  date = chronicle_date_to_iso (chronicle_event_get_date (event));
  g_assert_cmpstr (date, ==, "2022-03");
  g_clear_pointer (&date, g_free);
  date = chronicle_date_to_iso (chronicle_event_get_end (event));
  g_assert_cmpstr (date, ==, "2022-04");
  g_assert_cmpstr (chronicle_event_get_category_id (event), ==, "group-2");
  /* The medium with its caption (HTML as text) and credit, not a source;
   * "//host" as https; TimelineJS's link kept in it, unread. */
  g_assert_null (find_source (timeline, "link-2"));
  g_assert_cmpuint (g_strv_length ((GStrv) chronicle_event_get_source_ids (event)), ==, 0);
  g_assert_cmpuint (chronicle_event_get_n_media (event), ==, 1);
  {
    ChronicleMedia *media = chronicle_event_get_media (event, 0);
    g_autofree char *written = chronicle_timeline_to_data (timeline, NULL);

    g_assert_cmpstr (chronicle_media_get_url (media), ==, "https://example.org/photo.jpg");
    g_assert_cmpstr (chronicle_media_get_caption (media), ==, "Delegates");
    g_assert_cmpstr (chronicle_media_get_credit (media), ==, "AP");
    g_assert_cmpstr (chronicle_media_get_thumbnail (media), ==, "https://example.org/photo-small.jpg");
    g_assert_cmpstr (chronicle_media_get_alt (media), ==, "Two rows at a table");
    g_assert_nonnull (strstr (written, "\"link\": \"https://example.org/gallery\""));
    g_assert_nonnull (strstr (written, "\"link_target\": \"_blank\""));
  }

  /* Minutes and seconds; an entity decoded; a quote without a speaker. */
  event = chronicle_timeline_get_event (timeline, 3);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, "istanbul");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Direct talks & a handshake");
  g_clear_pointer (&date, g_free);
  date = chronicle_date_to_iso (chronicle_event_get_date (event));
  g_assert_cmpstr (date, ==, "2025-05-16T10:30");
  g_clear_pointer (&date, g_free);
  date = chronicle_date_to_iso (chronicle_event_get_end (event));
  g_assert_cmpstr (date, ==, "2025-05-16T12:15:05");
  quote = chronicle_event_get_quote (event, 0);
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "Progress.");
  g_assert_null (chronicle_quote_get_speaker (quote));

  /* A repeated unique_id gets a new one; an empty headline a placeholder. */
  event = chronicle_timeline_get_event (timeline, 4);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, "event-5");
  g_assert_null (chronicle_event_get_end (event));

  /* Groups as categories, in colours that stand out from the background. */
  categories = chronicle_timeline_get_categories (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, i);
      guint32 rgb = (guint32) g_ascii_strtoull (chronicle_category_get_color (category) + 1, NULL, 16);

      g_assert_cmpfloat (chronicle_color_contrast (((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                                                   (rgb & 0xff) / 255.0, CHRONICLE_LIGHT_BACKGROUND),
                         >=, CHRONICLE_CONTRAST_MARKS);
    }
  g_assert_false (has_warning (warnings, "stands out too little"));

  eras = chronicle_timeline_get_eras (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (eras), ==, 1);
  {
    g_autoptr(ChronicleEra) era = g_list_model_get_item (eras, 0);

    g_assert_cmpstr (chronicle_era_get_label (era), ==, "Full-scale war");
  }
}

static char *
event_date (ChronicleEvent *event,
            gboolean        end)
{
  const ChronicleDate *date = end ? chronicle_event_get_end (event) : chronicle_event_get_date (event);

  return date != NULL ? chronicle_date_to_iso (date) : NULL;
}

/* TimelineJS 2: "year,month,day" dates cut to their precision, tags as
 * categories, assets as quotes or sources, and each refusal with its place. */
static void
test_timelinejs2_fields (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("timelinejs2-full.json", &warnings, &error);
  static const char * const dates[][2] = {
    { "1899", NULL }, { "2011-12-10", "2011-12-11" }, { "2012-01", NULL }, { "2012-01-18", NULL },
    { "2012-01-26T10:30", NULL },
  };
  ChronicleEvent *event;
  ChronicleQuote *quote;
  ChronicleSource *source;
  const char * const *source_ids;

  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "Sh*t People Say");
  g_assert_cmpstr (chronicle_timeline_get_description (timeline), ==, "People say stuff");
  g_assert_cmpstr (chronicle_timeline_get_import_summary (timeline), ==,
                   "Converted from TimelineJS 2: 5 of 8 dates as events, 2 tags as categories, 1 era, "
                   "1 quote, 1 media item, 1 link as a source");

  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, G_N_ELEMENTS (dates));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *start = event_date (chronicle_timeline_get_event (timeline, i), FALSE);
      g_autofree char *end = event_date (chronicle_timeline_get_event (timeline, i), TRUE);

      g_assert_cmpstr (start, ==, dates[i][0]);
      g_assert_cmpstr (end, ==, dates[i][1]);
    }

  assert_warning (warnings, "date[4] \"End before start\": end 2011 is before start 2012-01; the end is left out");
  assert_warning (warnings, "date[5] \"Typo\": startDate: \"20l1,1,1\" is not a TimelineJS date");
  assert_warning (warnings, "date[6] \"No date\": startDate: missing; the event is left out");
  assert_warning (warnings, "date[7]: not an object; left out");
  assert_warning (warnings, "era[1] \"Broken era\": startDate: \"soon\" is not a TimelineJS date");
  assert_warning (warnings, "Not represented, left out: classname (1), era.tag (1), timeline.asset (1)");

  /* The blockquote a quote, its credit the speaker. */
  event = chronicle_timeline_get_event (timeline, 0);
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Le portrait mystérieux");
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
  quote = chronicle_event_get_quote (event, 0);
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "Cinema is an invention without a future.");
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Louis Lumière");

  /* HTML as text, its link a source, the video a medium, the tag a category. */
  event = chronicle_timeline_get_event (timeline, 1);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, "event-1");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Headline goes here");
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, "Body text, see the report.");
  g_assert_cmpstr (chronicle_event_get_category_id (event), ==, "group-1");
  g_assert_cmpstr (chronicle_event_get_category_id (chronicle_timeline_get_event (timeline, 4)), ==, "group-1");
  source_ids = (const char * const *) chronicle_event_get_source_ids (event);
  g_assert_cmpuint (g_strv_length ((GStrv) source_ids), ==, 1);
  source = find_source (timeline, source_ids[0]);
  g_assert_nonnull (source);
  g_assert_cmpstr (chronicle_source_get_url (source), ==, "https://example.org/report");
  g_assert_cmpuint (chronicle_event_get_n_media (event), ==, 1);
  g_assert_cmpstr (chronicle_media_get_url (chronicle_event_get_media (event, 0)), ==, "http://youtu.be/u4XpeU9erbg");
  g_assert_cmpstr (chronicle_media_get_caption (chronicle_event_get_media (event, 0)), ==, "Caption text");
  g_assert_cmpstr (chronicle_media_get_credit (chronicle_event_get_media (event, 0)), ==, "Credit Name");

  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_eras (timeline)), ==, 1);
}

/* A TimelineJS 2 file none of whose dates can be read is refused, saying why. */
static void
test_timelinejs2_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("timelinejs2-nothing.json", NULL, &error);

  g_assert_null (timeline);
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "TimelineJS 2 file: none of its dates could be converted "
                                            "(date[0] \"A\": startDate: \"yesterday\" is not a TimelineJS date"));
}

/* Found by fuzz-import-timelinejs: a "timeline" that is not an object
 * (the shape check says no, but the reader must not trust it) was read as
 * one. */
static void
test_timelinejs2_not_object (void)
{
  static const char * const documents[] = {
    "{\"timeline\": [{\"stat\": {}}]}", "{\"timeline\": 3}", "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      ChronicleJsonDocument parsed = { 0, };
      ChronicleImportReport report;
      g_autoptr(GError) error = NULL;
      g_autofree char *document = NULL;

      g_assert_true (chronicle_json_document_parse (&parsed, documents[i], strlen (documents[i]), NULL, NULL, NULL));
      g_assert_false (chronicle_import_is_timelinejs2 (chronicle_json_document_get_root (&parsed)));
      chronicle_import_report_init (&report);
      document = chronicle_import_timelinejs2 (chronicle_json_document_get_root (&parsed), &report, &error);
      g_assert_no_error (error);
      g_assert_nonnull (document);
      chronicle_import_report_clear (&report);
      chronicle_json_document_clear (&parsed);
    }
}

/* A file none of whose events can be represented is refused, with the reason. */
static void
test_timelinejs_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("timelinejs-nothing.json", NULL, &error);

  g_assert_null (timeline);
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "-138000000000000 is not supported: years reach 100 billion"));
}

/* Found by fuzz-import-timelinejs: a year written as a double beyond 64
 * bits was converted with undefined behaviour. */
static void
test_timelinejs_huge_year (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (
    "{\"events\": [{\"start_date\": {\"year\": 5.5e26}, \"text\": {\"headline\": \"Far\"}},"
    " {\"start_date\": {\"year\": 2020.5}},"
    " {\"start_date\": {\"year\": 2020.0}, \"text\": {\"headline\": \"Near\"}}]}", -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 1);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "Near");
}

/* As TimelineJS's own examples write them (women_in_computing.json): an
 * end_date of empty parts is no end, and a title slide's media of an
 * empty url none, neither said as lost. */
static void
test_timelinejs_empty_parts (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (
    "{\"title\": {\"media\": {\"url\": \"\", \"caption\": \"\"}, \"text\": {\"headline\": \"W\"}},"
    " \"events\": [{\"start_date\": {\"year\": \"1948\", \"month\": \"3\", \"day\": \"14\"},"
    "  \"end_date\": {\"year\": \"\", \"month\": \"\", \"day\": \"\"}, \"text\": {\"headline\": \"E\"}},"
    " {\"start_date\": {\"year\": \"1950\"}, \"end_date\": {\"month\": \"4\"}, \"text\": {\"headline\": \"F\"}}]}",
    -1, &warnings, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  g_assert_null (chronicle_timeline_get_event_end (timeline, 0));
  g_assert_false (has_warning (warnings, "events[0]"));
  g_assert_false (has_warning (warnings, "title.media"));
  /* An end with parts but no year is still said. */
  assert_warning (warnings, "events[1] \"F\": end_date: the date has no \"year\"; the end is left out");
}

/* A blockquote's <cite> names its speaker when no credit does (as in
 * TimelineJS's women_in_computing.json), and leaves the quote's text; a
 * credit still comes first. */
static void
test_timelinejs_cite_speaker (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (
    "{\"events\": [{\"start_date\": {\"year\": 1948}, \"text\": {\"headline\": \"A\"}, \"media\": {\"url\":"
    " \"<blockquote>Any good piece of work. <cite>\u2014 Edith Clarke, professor</cite></blockquote>\", \"credit\": \"\"}},"
    " {\"start_date\": {\"year\": 1949}, \"text\": {\"headline\": \"B\"}, \"media\": {\"url\":"
    " \"<blockquote>Words. <cite>Someone</cite></blockquote>\", \"credit\": \"The credit\"}}]}", -1, NULL, &error);
  ChronicleQuote *quote;

  g_assert_no_error (error);
  quote = chronicle_timeline_get_event_quote (timeline, 0, 0);
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "Any good piece of work.");
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Edith Clarke, professor");
  quote = chronicle_timeline_get_event_quote (timeline, 1, 0);
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "Words.");
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "The credit");
}

/* A year beyond 64 bits is named in the note as the file wrote it (a
 * string), or in full (a number, which the parser read as a double), not
 * as the saturated -9223372036854775808; in TimelineJS 2 as well. */
static void
test_huge_year_named (void)
{
  static const struct { const char *json; const char *note; } cases[] = {
    { "{\"events\": [{\"start_date\": {\"year\": \" -138000008000000000001 \"}, \"text\": {\"headline\": \"Far\"}},"
      " {\"start_date\": {\"year\": 2020}}]}",
      "events[0] \"Far\": start_date: -138000008000000000001 is not supported: years reach 100 billion "
      "before and after year 0; the event is left out" },
    { "{\"events\": [{\"start_date\": {\"year\": -138000008000000000001}}, {\"start_date\": {\"year\": 2020}}]}",
      "events[0]: start_date: -138000008000000000000 is not supported: years reach 100 billion "
      "before and after year 0; the event is left out" },
    { "{\"events\": [{\"start_date\": {\"year\": 99999999999999999999}}, {\"start_date\": {\"year\": 2020}}]}",
      "events[0]: start_date: 100000000000000000000 is not supported: years reach 100 billion "
      "before and after year 0; the event is left out" },
    { "{\"events\": [{\"start_date\": {\"year\": 2020, \"month\": \"99999999999999999999\"}},"
      " {\"start_date\": {\"year\": 2020}}]}",
      "events[0]: start_date: \"month\" is out of range; the event is left out" },
    { "{\"timeline\": {\"headline\": \"t\", \"date\": [{\"startDate\": \"-138000008000000000001,1\", \"headline\": \"Far\"},"
      " {\"startDate\": \"2020\"}]}}",
      "date[0] \"Far\": startDate: -138000008000000000001 is not supported: years reach 100 billion "
      "before and after year 0; the event is left out" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) warnings = NULL;
      g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (cases[i].json, -1, &warnings,
                                                                                 &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 1);
      assert_warning (warnings, cases[i].note);
      g_assert_false (has_warning (warnings, "9223372036854775808"));
    }
}

/* TimelineJS's cosmological example: years as strings, the other parts
 * empty, and "Now" as the date's display_text. */
static void
test_timelinejs_cosmological (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (
    "{\"scale\": \"cosmological\", \"events\": ["
    " {\"start_date\": {\"year\": \"-13798000000\", \"month\": \"\", \"day\": \"\", \"format\": \"\"},"
    "  \"text\": {\"headline\": \"The Big Bang\"}},"
    " {\"start_date\": {\"year\": \"0\", \"month\": \"\", \"display_text\": \"Now\"},"
    "  \"text\": {\"headline\": \"Today\"}, \"unique_id\": \"\"}]}", -1, &warnings, &error);
  g_autofree char *big_bang = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  big_bang = chronicle_date_to_iso (chronicle_event_get_date (chronicle_timeline_get_event (timeline, 0)));
  g_assert_cmpstr (big_bang, ==, "-13798000000");
  g_assert_cmpstr (chronicle_event_get_display_date (chronicle_timeline_get_event (timeline, 1)), ==, "Now");
}

/* JSON that is neither ours nor TimelineJS keeps the loader's own refusal. */
static void
test_timelinejs_not (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline =
    chronicle_timeline_load_from_data ("{\"events\": 3, \"title\": \"x\"}", -1, NULL, &error);

  g_assert_null (timeline);
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT);
}


static ChronicleEvent *
find_event (ChronicleTimeline *timeline,
            const char        *id)
{
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    if (g_strcmp0 (chronicle_timeline_get_event_id (timeline, i), id) == 0)
      return chronicle_timeline_get_event (timeline, i);
  return NULL;
}

/* A spreadsheet with common column names: every one read, refusals with their row. */
static void
test_csv_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("csv-columns.csv", &warnings, &error);
  ChronicleEvent *event;
  ChronicleSource *source;
  const char * const *actors;
  const char * const *source_ids;
  g_autofree char *start = NULL, *end = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 4);
  g_assert_true (g_str_has_prefix (chronicle_timeline_get_import_summary (timeline),
                                   "Converted from a spreadsheet: 4 of 6 rows as events, 2 groups as categories"));
  g_assert_false (has_warning (warnings, "Converted from"));
  assert_warning (warnings, "Not represented, left out: Mood (2)");
  assert_warning (warnings, "row 6, column \"Date\": 2022-02-30 does not exist: February 2022 has 28 days; "
                           "the row is left out");
  assert_warning (warnings, "row 7: end 2023-04-01 is before start 2023-05-01; the end is left out");
  assert_warning (warnings, "row 8: no date; the row is left out");

  event = find_event (timeline, "invasion");
  g_assert_nonnull (event);
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Russia invades Ukraine");
  /* A quoted cell keeps its comma and its line break. */
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, "Troops cross the border, at dawn.\nMore in the report.");
  g_assert_cmpstr (chronicle_event_get_location (event), ==, "Ukraine");
  actors = (const char * const *) chronicle_event_get_actors (event);
  g_assert_nonnull (actors);
  g_assert_cmpstr (actors[0], ==, "Russia");
  g_assert_cmpstr (actors[1], ==, "Ukraine");
  g_assert_null (actors[2]);
  source_ids = (const char * const *) chronicle_event_get_source_ids (event);
  g_assert_nonnull (source_ids);
  source = find_source (timeline, source_ids[0]);
  g_assert_cmpstr (chronicle_source_get_url (source), ==, "https://example.org/report");
  source = find_source (timeline, source_ids[1]);
  g_assert_cmpstr (chronicle_source_get_publisher (source), ==, "Reuters");
  g_assert_null (chronicle_source_get_url (source));

  event = find_event (timeline, "talks");
  start = event_date (event, FALSE);
  end = event_date (event, TRUE);
  g_assert_cmpstr (start, ==, "2022-03");
  g_assert_cmpstr (end, ==, "2022-04");
  /* The same publisher is one source. */
  source_ids = (const char * const *) chronicle_event_get_source_ids (event);
  g_assert_cmpstr (source_ids[0], ==, (const char *) chronicle_event_get_source_ids (find_event (timeline, "invasion"))[1]);

  event = find_event (timeline, "istanbul");
  g_clear_pointer (&start, g_free);
  start = event_date (event, FALSE);
  g_assert_cmpstr (start, ==, "2025-05-16T10:30");
  g_assert_cmpstr (chronicle_event_get_category_id (event), ==, chronicle_event_get_category_id (find_event (timeline, "talks")));

  g_assert_null (chronicle_event_get_end (find_event (timeline, "late")));
}

static void
test_tsv (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("tsv-columns.tsv", &warnings, &error);
  ChronicleEvent *event;

  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  /* A clean import has no warning, and no title of its own: it is named
   * after its file, not "Imported timeline". */
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "tsv-columns");
  event = chronicle_timeline_get_event (timeline, 0);
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Tabbed");
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, "one, with a comma");
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_categories (timeline)), ==, 2);
}

/* The TimelineJS Google-Sheets template, header for header. */
static void
test_csv_template (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("csv-template.csv", &warnings, &error);
  ChronicleEvent *event;
  GListModel *eras;
  g_autofree char *start = NULL, *end = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "The Road to Istanbul");
  g_assert_cmpstr (chronicle_timeline_get_description (timeline), ==, "Built from a Reuters report.");
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 4);
  assert_warning (warnings, "row 7, column \"Year\": \"20O4\" is not a year; the row is left out");
  assert_warning (warnings, "row 8, column \"Month\": \"13\" is not a month");
  assert_warning (warnings, "row 9: 2022-02-30 does not exist");
  assert_warning (warnings, "row 10, column \"Time\": \"25:00\" is not a time");
  g_assert_false (has_warning (warnings, "display date"));
  {
    guint n_display = 0;

    for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
      if (g_strcmp0 (chronicle_event_get_display_date (chronicle_timeline_get_event (timeline, i)),
                     "Spring 2022") == 0)
        n_display++;
    g_assert_cmpuint (n_display, ==, 1);
  }
  assert_warning (warnings, "Not represented, left out: Background (1)");
  g_assert_false (has_warning (warnings, "Media Thumbnail"));

  /* The template's Year -500 is 500 BC: astronomical year -499. */
  event = chronicle_timeline_get_event (timeline, 0);
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Before Christ");
  start = event_date (event, FALSE);
  g_assert_cmpstr (start, ==, "-0499");
  g_clear_pointer (&start, g_free);

  eras = chronicle_timeline_get_eras (timeline);
  g_assert_cmpuint (g_list_model_get_n_items (eras), ==, 1);

  event = chronicle_timeline_get_event (timeline, 1);
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Russia invades Ukraine");
  /* Headline and Text are HTML to TimelineJS: read as its JSON is, the
   * link a source. */
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, "Troops cross the border.");
  g_assert_cmpuint (g_strv_length ((GStrv) chronicle_event_get_source_ids (event)), ==, 1);
  g_assert_cmpstr (chronicle_source_get_url (chronicle_timeline_lookup_source (timeline,
                                                                               chronicle_event_get_source_ids (event)[0])),
                   ==, "https://example.org/reuters");
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_event_get_quote (event, 0)), ==, "We are ready for any format.");
  g_assert_cmpstr (chronicle_quote_get_speaker (chronicle_event_get_quote (event, 0)), ==, "Volodymyr Zelenskiy");

  event = chronicle_timeline_get_event (timeline, 2);
  start = event_date (event, FALSE);
  end = event_date (event, TRUE);
  g_assert_cmpstr (start, ==, "2022-03");
  g_assert_cmpstr (end, ==, "2022-04");
  /* Media, Media Caption, Media Credit (its HTML as text) and Media Thumbnail. */
  g_assert_cmpuint (g_strv_length ((GStrv) chronicle_event_get_source_ids (event)), ==, 0);
  g_assert_cmpuint (chronicle_event_get_n_media (event), ==, 1);
  g_assert_cmpstr (chronicle_media_get_url (chronicle_event_get_media (event, 0)), ==, "https://example.org/photo.jpg");
  g_assert_cmpstr (chronicle_media_get_caption (chronicle_event_get_media (event, 0)), ==, "Delegates");
  g_assert_cmpstr (chronicle_media_get_credit (chronicle_event_get_media (event, 0)), ==, "AP");
  g_assert_cmpstr (chronicle_media_get_thumbnail (chronicle_event_get_media (event, 0)), ==,
                   "https://example.org/thumb.jpg");

  /* "2:15:05 PM" in End Time. */
  event = chronicle_timeline_get_event (timeline, 3);
  g_clear_pointer (&start, g_free);
  g_clear_pointer (&end, g_free);
  start = event_date (event, FALSE);
  end = event_date (event, TRUE);
  g_assert_cmpstr (start, ==, "2025-05-16T10:30");
  g_assert_cmpstr (end, ==, "2025-05-16T14:15:05");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Direct talks & a handshake");
}

static void
test_csv_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("csv-nothing.csv", NULL, &error);

  g_assert_null (timeline);
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "row 2, column \"Date\": “20O4” is not a date: "));
}

/* Text that is not what it claims: refused, never a crash or hang. */
#define NUL_INPUT "Date,Title\n\0\0\0,\0\n"

static void
test_csv_hostile (void)
{
  static const char * const inputs[] = {
    "Date,Title\n\"unterminated,quote\n2020,x\n",
    NUL_INPUT,
    "Date,Title\n2020,\xff\xfe bytes\n",
    "Date,Title,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,\n2020\n",
    "Date;Title\n2020-01-01;semicolons\n",
    "Date,Title",
    "\xef\xbb\xbfYear,Headline\n2020,BOM\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) warnings = NULL;
      /* the one with NUL bytes: its whole array but the final NUL */
      gsize length = i == 1 ? sizeof (NUL_INPUT) - 1 : strlen (inputs[i]);
      g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (inputs[i], length, &warnings, &error);

      g_test_message ("input %u: %s", i, timeline != NULL ? "loaded" : error->message);
      g_assert_true ((timeline != NULL) != (error != NULL));
    }
}

/* An ACLED export: precision, categories, actors, location, notes, sources, fatalities. */
static void
test_acled (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline = load_fixture ("acled.csv", &warnings, &error);
  ChronicleEvent *event;
  const char * const *actors;
  const char * const *source_ids;
  g_autofree char *date = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 3);
  assert_warning (warnings, "row 5, column \"time_precision\": \"7\" is not 1, 2 or 3; the row is left out");
  assert_warning (warnings, "row 4, column \"fatalities\": \"zero\" is not a number");
  g_assert_false (has_warning (warnings, "fatality"));
  assert_warning (warnings, "disorder_type (4)");

  event = find_event (timeline, "UKR1001");
  g_assert_nonnull (event);
  date = event_date (event, FALSE);
  g_assert_cmpstr (date, ==, "2023-01-15");
  g_assert_false (chronicle_event_get_approximate (event));
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Armed clash in Bakhmut");
  g_assert_cmpstr (chronicle_event_get_location (event), ==, "Bakhmut, Donetsk, Ukraine");
  /* The fatalities are said after the notes. */
  g_assert_cmpstr (chronicle_event_get_summary (event), ==,
                   "On 15 January 2023, Russian and Wagner forces clashed with Ukrainian forces near Bakhmut.\n"
                   "12 fatalities reported");
  actors = (const char * const *) chronicle_event_get_actors (event);
  g_assert_cmpstr (actors[0], ==, "Military Forces of Russia (2000-)");
  g_assert_cmpstr (actors[1], ==, "Wagner Group");
  g_assert_cmpstr (actors[2], ==, "Military Forces of Ukraine (2019-)");
  g_assert_null (actors[3]);
  source_ids = (const char * const *) chronicle_event_get_source_ids (event);
  g_assert_cmpstr (chronicle_source_get_publisher (find_source (timeline, source_ids[0])), ==, "Ukrainska Pravda");
  g_assert_cmpstr (chronicle_source_get_publisher (find_source (timeline, source_ids[1])), ==, "Kyiv Independent");
  {
    g_autoptr(ChronicleCategory) category =
      g_list_model_get_item (chronicle_timeline_get_categories (timeline), 0);

    g_assert_cmpstr (chronicle_category_get_label (category), ==, "Battles");
  }

  /* time_precision 2: the week; "16 January 2023" as older exports write it. */
  event = find_event (timeline, "UKR1002");
  g_clear_pointer (&date, g_free);
  date = event_date (event, FALSE);
  g_assert_cmpstr (date, ==, "2023-01-16");
  g_assert_true (chronicle_event_get_approximate (event));
  g_assert_cmpstr (chronicle_event_get_location (event), ==, "Kharkiv, Ukraine");

  /* time_precision 3: the month. */
  event = find_event (timeline, "UKR1003");
  g_clear_pointer (&date, g_free);
  date = event_date (event, FALSE);
  g_assert_cmpstr (date, ==, "2023-01");
}

/* Found by fuzz-import-csv: a NUL in a cell made the cell's text invalid
 * UTF-8 and the converted document unloadable. */
static void
test_csv_nul (void)
{
  static const char data[] = "date\ttitle\n2020-01-01\tTab\0\0\x07" "bed \xc3\xa9\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (data, sizeof data - 1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 1);
  /* Still read as UTF-8: the NULs do not make it Windows-1252. */
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "Tab  \x07" "bed \xc3\xa9");
}

/* Found by fuzz-import-csv: json-glib writes U+001F raw, and the converted
 * document then did not load. */
static void
test_csv_control (void)
{
  static const char data[] = "date,title,actors\n2020-01-01,x\x1fy,Russia;\x1fUkraine\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (data, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "x\x1fy");
}

/* A table without a date column is refused as such, not as broken JSON. */
static void
test_csv_no_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline =
    chronicle_timeline_load_from_data ("Name,Age,Town\nAda,36,London\n", -1, NULL, &error);

  g_assert_null (timeline);
  /* Its own code: the window offers to name the columns for it. */
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_COLUMNS);
  /* Every name the recogniser takes: When was missing from the list. */
  g_assert_cmpstr (error->message, ==, "a spreadsheet needs a column for the date, named Date, Start, Start Date, "
                                       "Begin, When, Event Date or Datetime, or Year (with Month and Day) as in the "
                                       "TimelineJS template; its columns: \"Name\", \"Age\", \"Town\"");
}

/* The date of the event of @id, in ISO 8601 at its precision. */
static char *
date_of (ChronicleTimeline *timeline,
         const char        *id)
{
  ChronicleEvent *event = find_event (timeline, id);

  return event != NULL ? event_date (event, FALSE) : NULL;
}

/* Dates in words read as the event editor's date entry reads them, at
 * their precision. */
static void
test_csv_dates_in_words (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) timeline =
    chronicle_timeline_load_from_data ("Date,Title,Id\n"
                                       "May 2024,Month,a\n"
                                       "16 May 2025,Day,b\n"
                                       "\"May 16, 2025\",Day in US order,c\n"
                                       "2025-05-16 10:30,Minute,d\n"
                                       "15 January 2023,As ACLED writes it,e\n",
                                       -1, &warnings, &error);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 5);
  a = date_of (timeline, "a");
  b = date_of (timeline, "b");
  c = date_of (timeline, "c");
  d = date_of (timeline, "d");
  e = date_of (timeline, "e");
  g_assert_cmpstr (a, ==, "2024-05");
  g_assert_cmpstr (b, ==, "2025-05-16");
  g_assert_cmpstr (c, ==, "2025-05-16");
  g_assert_cmpstr (d, ==, "2025-05-16T10:30");
  g_assert_cmpstr (e, ==, "2023-01-15");
}

/* A refused date says why in one sentence: the value once, no nested
 * brackets. */
static void
test_csv_date_message (void)
{
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline =
    chronicle_timeline_load_from_data ("Date,Title\n2024-01-01,Kept\n20O4,Typo\n", -1, &warnings, &error);

  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  for (guint i = 0; warnings[i] != NULL; i++)
    if (strstr (warnings[i], "20O4") != NULL)
      {
        g_assert_cmpstr (warnings[i], ==, "row 3, column \"Date\": “20O4” is not a date: “O” is not a month; "
                                          "the row is left out");
        return;
      }
  g_assert_not_reached ();
}

/* "03/05/2024" is read in the order its column decides, and refused,
 * once for the column, when nothing decides it. */
static void
test_csv_slash_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(ChronicleTimeline) day_first =
    chronicle_timeline_load_from_data ("Date,Title,Id\n03/05/2024,Ambiguous alone,a\n13/05/2024,Decides,b\n",
                                       -1, NULL, &error);
  g_autoptr(ChronicleTimeline) month_first = NULL;
  g_autoptr(ChronicleTimeline) undecided = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  guint n_notes = 0;

  g_assert_no_error (error);
  a = date_of (day_first, "a");
  b = date_of (day_first, "b");
  g_assert_cmpstr (a, ==, "2024-05-03");
  g_assert_cmpstr (b, ==, "2024-05-13");

  month_first = chronicle_timeline_load_from_data ("Date,Title,Id\n03/05/2024,A,a\n05/13/2024,Decides,b\n",
                                                   -1, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&a, g_free);
  a = date_of (month_first, "a");
  g_assert_cmpstr (a, ==, "2024-03-05");

  undecided = chronicle_timeline_load_from_data ("Date,Title,Id\n2024-01-01,Kept,c\n03/05/2024,A,a\n"
                                                 "04/06/2024,B,b\n07/07/2024,Same either way,d\n",
                                                 -1, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (undecided), ==, 2);
  c = date_of (undecided, "d");
  g_assert_cmpstr (c, ==, "2024-07-07");
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    n_notes += strstr (warnings[i], "/2024") != NULL;
  g_assert_cmpuint (n_notes, ==, 1);
  assert_warning (warnings, "row 3, column \"Date\": \"03/05/2024\" could be 3 May or 5 March; "
                            "write 2024-05-03 or 2024-03-05; the column gives no cell that decides the order, "
                            "so 2 rows like it are left out");
}

/* ACLED: no "0 fatalities reported" under a summary; the figure is kept. */
static void
test_acled_no_fatalities (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline =
    chronicle_timeline_load_from_data ("event_id_cnty,event_date,event_type,notes,fatalities\n"
                                       "UKR1,2023-01-15,Protests,Peaceful protest.,0\n"
                                       "UKR2,2023-01-16,Battles,,0\n",
                                       -1, NULL, &error);
  ChronicleEvent *event;

  g_assert_no_error (error);
  event = find_event (timeline, "UKR1");
  g_assert_nonnull (event);
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, "Peaceful protest.");
  event = find_event (timeline, "UKR2");
  g_assert_nonnull (event);
  g_assert_null (chronicle_event_get_summary (event));
}

/* Found by fuzz-import-csv: a group of only a no-break space became a
 * category with a blank label, which the loader refuses. The same for a
 * TimelineJS group, blockquote and era. */
static void
test_blank_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) csv =
    chronicle_timeline_load_from_data ("date,title,group\n2020-01-01,x,\xc2\xa0\n", -1, NULL, &error);
  g_autoptr(ChronicleTimeline) tljs = NULL;

  g_assert_no_error (error);
  g_assert_null (chronicle_timeline_get_event_category_id (csv, 0));

  tljs = chronicle_timeline_load_from_data (
    "{\"events\": [{\"start_date\": {\"year\": 2020}, \"group\": \"\u200b\","
    " \"media\": {\"url\": \"<blockquote>\u00a0</blockquote>\"}}],"
    " \"eras\": [{\"start_date\": {\"year\": 2020}, \"text\": {\"headline\": \"&nbsp;\"}}]}",
    -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_event_n_quotes (tljs, 0), ==, 0);
}

/* The mapping dialog's preview: the header, what the recogniser guessed
 * (and a date column found by its cells), and the first rows as the
 * import reads them, refusals with their place. */
static const char unmapped_sheet[] =
  "Meeting date,What happened,Who,Where,Link,Kind\n"
  "2022-03-29,Talks in Istanbul,Russia; Ukraine,Istanbul,https://example.org/a,Talks\n"
  ",,,,,\n"
  "20O4,Bad year,,,,\n"
  "2025-05,Direct talks,Russia;Ukraine;Türkiye,Istanbul,Reuters,Talks\n"
  "2025-06-02,Second round,,,,\n";

static void
test_csv_preview_guess (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleImportPreview) preview =
    chronicle_import_csv_preview (unmapped_sheet, sizeof unmapped_sheet - 1, NULL, 10, &error);

  g_assert_no_error (error);
  g_assert_nonnull (preview);
  g_assert_cmpuint (g_strv_length (preview->header), ==, 6);
  g_assert_cmpstr (preview->header[1], ==, "What happened");
  /* No name is Date's, but most cells of "Meeting date" are dates; one
   * typo ("20O4") does not hide it. */
  g_assert_cmpint (preview->columns[CHRONICLE_IMPORT_FIELD_DATE], ==, 0);
  g_assert_cmpint (preview->columns[CHRONICLE_IMPORT_FIELD_TITLE], ==, -1);
  /* "Kind" is nothing by name; "Where" neither. */
  g_assert_cmpint (preview->columns[CHRONICLE_IMPORT_FIELD_CATEGORY], ==, -1);
  /* The blank row is not one. */
  g_assert_cmpuint (preview->rows->len, ==, 4);
  g_assert_cmpstr (chronicle_import_field_get_name (CHRONICLE_IMPORT_FIELD_CATEGORY), ==, "category");
}

static void
test_csv_preview_date_by_cells (void)
{
  /* "Year" would be the template's: "Number" has numbers, years to the
   * date parser, but fewer of them than "Day" has dates; "Half" has
   * dates in only half of its cells. */
  static const char data[] = "Note,Half,Number,Day\nx,2020,1,2022-03-29\n,,,\ny,z,2025,2025-05\nw,,2024,2025-06\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleImportPreview) preview =
    chronicle_import_csv_preview (data, sizeof data - 1, NULL, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpint (preview->columns[CHRONICLE_IMPORT_FIELD_DATE], ==, 3);
  /* Without a mapping the rows read as the import would: no date. */
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_null (((ChronicleImportPreviewRow *) g_ptr_array_index (preview->rows, 0))->date);
}

static void
test_csv_preview_mapped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleImportPreview) guess =
    chronicle_import_csv_preview (unmapped_sheet, sizeof unmapped_sheet - 1, NULL, 10, &error);
  int columns[CHRONICLE_IMPORT_N_FIELDS];
  g_autoptr(GHashTable) mapping = NULL;
  g_autoptr(ChronicleImportPreview) preview = NULL;
  ChronicleImportPreviewRow *row;

  g_assert_no_error (error);
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    columns[f] = -1;
  columns[CHRONICLE_IMPORT_FIELD_DATE] = 0;
  columns[CHRONICLE_IMPORT_FIELD_TITLE] = 1;
  columns[CHRONICLE_IMPORT_FIELD_ACTORS] = 2;
  columns[CHRONICLE_IMPORT_FIELD_LOCATION] = 3;
  columns[CHRONICLE_IMPORT_FIELD_SOURCE] = 4;
  columns[CHRONICLE_IMPORT_FIELD_CATEGORY] = 5;
  mapping = chronicle_import_preview_make_mapping (guess, columns);
  preview = chronicle_import_csv_preview (unmapped_sheet, sizeof unmapped_sheet - 1, mapping, 3, &error);

  g_assert_no_error (error);
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    g_assert_cmpint (preview->columns[f], ==, columns[f]);
  /* At most three rows, blank ones not counted. */
  g_assert_cmpuint (preview->rows->len, ==, 3);

  row = g_ptr_array_index (preview->rows, 0);
  g_assert_cmpuint (row->row_number, ==, 2);
  g_assert_cmpstr (row->date, ==, "2022-03-29");
  g_assert_cmpstr (row->title, ==, "Talks in Istanbul");
  g_assert_cmpstr (row->actors, ==, "Russia; Ukraine");
  g_assert_cmpstr (row->location, ==, "Istanbul");
  g_assert_cmpstr (row->sources, ==, "https://example.org/a");
  g_assert_cmpstr (row->category, ==, "Talks");
  g_assert_null (row->summary);
  g_assert_null (row->note);

  row = g_ptr_array_index (preview->rows, 1);
  g_assert_cmpuint (row->row_number, ==, 4);
  g_assert_null (row->date);
  g_assert_true (g_str_has_prefix (row->note, "row 4, column \"Meeting date\": “20O4” is not a date: "));
  g_assert_true (g_str_has_suffix (row->note, "; the row is left out"));

  row = g_ptr_array_index (preview->rows, 2);
  g_assert_cmpuint (row->row_number, ==, 5);
  g_assert_cmpstr (row->date, ==, "2025-05");
  g_assert_cmpstr (row->sources, ==, "Reuters");
  g_assert_cmpstr (row->actors, ==, "Russia; Ukraine; Türkiye");
}

/* "None" for a field whose column the usual names would give it: the
 * column is read as nothing, for the preview and the import alike. */
static void
test_csv_mapping_none (void)
{
  static const char data[] = "date,title,Headline text\n2022-03-29,Old name,New title\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleImportPreview) guess = chronicle_import_csv_preview (data, sizeof data - 1, NULL, 10, &error);
  int columns[CHRONICLE_IMPORT_N_FIELDS];
  g_autoptr(GHashTable) mapping = NULL;
  g_autoptr(ChronicleImportPreview) preview = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_auto(GStrv) warnings = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (guess->columns[CHRONICLE_IMPORT_FIELD_DATE], ==, 0);
  g_assert_cmpint (guess->columns[CHRONICLE_IMPORT_FIELD_TITLE], ==, 1);
  memcpy (columns, guess->columns, sizeof columns);
  columns[CHRONICLE_IMPORT_FIELD_TITLE] = -1;
  mapping = chronicle_import_preview_make_mapping (guess, columns);

  preview = chronicle_import_csv_preview (data, sizeof data - 1, mapping, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->columns[CHRONICLE_IMPORT_FIELD_TITLE], ==, -1);
  g_assert_cmpstr (((ChronicleImportPreviewRow *) g_ptr_array_index (preview->rows, 0))->title, ==,
                   "Untitled event");

  timeline = chronicle_timeline_load_csv_with_columns (data, sizeof data - 1, mapping, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "Untitled event");
  /* Not silently dropped: said as not represented. */
  assert_warning (warnings, "Not represented, left out: Headline text (1), title (1)");

  /* And the other way: the third column as the title. */
  columns[CHRONICLE_IMPORT_FIELD_TITLE] = 2;
  g_clear_pointer (&mapping, g_hash_table_unref);
  g_clear_object (&timeline);
  mapping = chronicle_import_preview_make_mapping (guess, columns);
  timeline = chronicle_timeline_load_csv_with_columns (data, sizeof data - 1, mapping, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "New title");
}

/* Not a table, nothing but a BOM, or JSON with commas on its first
 * line: an error, not a preview. */
static void
test_csv_preview_not_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleImportPreview) preview = chronicle_import_csv_preview ("hello\nworld\n", 12, NULL, 10, &error);
  const char *json = "{\"events\": [], \"title\": \"x\"}";

  g_assert_null (preview);
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT);
  g_clear_error (&error);
  preview = chronicle_import_csv_preview ("\xef\xbb\xbf", 3, NULL, 10, &error);
  g_assert_null (preview);
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT);
  g_clear_error (&error);
  preview = chronicle_import_csv_preview (json, strlen (json), NULL, 10, &error);
  g_assert_null (preview);
  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT);
}

/* The reader takes the text in 64 KiB pieces (so that a preview stops
 * early): a quoted cell across a boundary reads as in one piece, and a
 * preview of a large file stops at its rows. */
static void
test_csv_pieces (void)
{
  g_autoptr(GString) data = g_string_new ("date,title,summary\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleImportPreview) preview = NULL;
  guint n = 0;

  while (data->len < 3 * 64 * 1024)
    {
      g_string_append_printf (data, "2020-01-%02u,Row %u,\"a summary, quoted,\nover two lines %u\"\n",
                              n % 28 + 1, n, n);
      n++;
    }
  timeline = chronicle_timeline_load_from_data (data->str, data->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, n);
  for (guint i = 0; i < n; i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      g_autofree char *summary = g_strdup_printf ("a summary, quoted,\nover two lines %s",
                                                  chronicle_event_get_title (event) + 4);

      g_assert_cmpstr (chronicle_event_get_summary (event), ==, summary);
    }

  preview = chronicle_import_csv_preview (data->str, data->len, NULL, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpuint (((ChronicleImportPreviewRow *) g_ptr_array_index (preview->rows, 2))->row_number, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/timelinejs/fields", test_timelinejs_fields);
  g_test_add_func ("/import/timelinejs/nothing", test_timelinejs_nothing);
  g_test_add_func ("/import/timelinejs/huge-year", test_timelinejs_huge_year);
  g_test_add_func ("/import/timelinejs/huge-year-named", test_huge_year_named);
  g_test_add_func ("/import/timelinejs/empty-parts", test_timelinejs_empty_parts);
  g_test_add_func ("/import/timelinejs/cite-speaker", test_timelinejs_cite_speaker);
  g_test_add_func ("/import/timelinejs/not-timelinejs", test_timelinejs_not);
  g_test_add_func ("/import/timelinejs/cosmological", test_timelinejs_cosmological);
  g_test_add_func ("/import/timelinejs2/fields", test_timelinejs2_fields);
  g_test_add_func ("/import/timelinejs2/nothing", test_timelinejs2_nothing);
  g_test_add_func ("/import/timelinejs2/not-object", test_timelinejs2_not_object);

  g_test_add_func ("/import/csv/columns", test_csv_columns);
  g_test_add_func ("/import/csv/tsv", test_tsv);
  g_test_add_func ("/import/csv/template", test_csv_template);
  g_test_add_func ("/import/csv/nothing", test_csv_nothing);
  g_test_add_func ("/import/csv/hostile", test_csv_hostile);
  g_test_add_func ("/import/csv/nul", test_csv_nul);
  g_test_add_func ("/import/csv/acled", test_acled);
  g_test_add_func ("/import/csv/control", test_csv_control);
  g_test_add_func ("/import/csv/no-date", test_csv_no_date);
  g_test_add_func ("/import/csv/dates-in-words", test_csv_dates_in_words);
  g_test_add_func ("/import/csv/date-message", test_csv_date_message);
  g_test_add_func ("/import/csv/slash-dates", test_csv_slash_dates);
  g_test_add_func ("/import/csv/acled-no-fatalities", test_acled_no_fatalities);
  g_test_add_func ("/import/csv/preview/guess", test_csv_preview_guess);
  g_test_add_func ("/import/csv/preview/date-by-cells", test_csv_preview_date_by_cells);
  g_test_add_func ("/import/csv/preview/mapped", test_csv_preview_mapped);
  g_test_add_func ("/import/csv/preview/not-table", test_csv_preview_not_table);
  g_test_add_func ("/import/csv/mapping-none", test_csv_mapping_none);
  g_test_add_func ("/import/csv/pieces", test_csv_pieces);
  g_test_add_func ("/import/blank-text", test_blank_text);

  return g_test_run ();
}
