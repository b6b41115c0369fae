/* chronicle-test-util.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "chronicle-test-util.h"

#include "chronicle-timeline-loader.h"

/* The generated events lie in [2015-01-01, 2026-01-01), Unix seconds. */
#define SPAN_START G_GINT64_CONSTANT (1420070400)
#define SPAN_END   G_GINT64_CONSTANT (1767225600)
#define HOUR       G_GINT64_CONSTANT (3600)
#define DAY        (24 * HOUR)

/* How many events a burst holds on average. */
#define EVENTS_PER_CLUSTER 25
#define N_HOT_PERIODS      6

static const struct {
  const char *id;
  const char *label;
  const char *color;
} categories[] = {
  { "politics", "Politics", "#3584e4" },
  { "diplomacy", "Diplomacy", "#2ec27e" },
  { "military", "Military", "#e01b24" },
  { "economy", "Economy", "#f6d32d" },
  { "humanitarian", "Humanitarian", "#9141ac" },
  { "culture", "Culture", "#ff7800" },
};

static const char * const subjects[] = {
  "Delegations", "Foreign ministers", "The parliament", "Negotiators", "The central bank",
  "Observers", "A court in Kyiv", "Aid agencies", "The prime minister", "Grain exporters",
  "A joint commission", "The UN Secretary-General",
};

static const char * const verbs[] = {
  "meet in", "agree on", "reject", "announce", "postpone", "sign", "debate",
  "call for", "resume talks on", "publish",
};

static const char * const objects[] = {
  "a ceasefire", "prisoner exchanges", "the grain corridor", "new sanctions",
  "a memorandum of understanding", "humanitarian access to the region",
  "a timetable for the next round", "the energy agreement", "Istanbul",
  "a joint statement on maritime safety in the Black Sea",
};

static const char * const actors[] = {
  "Ukraine", "Russia", "Türkiye", "United Nations", "European Union",
  "United States", "ICRC", "IAEA",
};

static const char * const locations[] = {
  "Istanbul", "Geneva", "Kyiv", "Moscow", "Brussels", "New York", "Odesa", "Antalya",
};

static const char * const speakers[][2] = {
  { "Anna Kovalenko", "Spokesperson" },
  { "Mehmet Yılmaz", "Foreign Minister" },
  { "Jean Dupont", "UN Envoy" },
  { "Olga Petrenko", NULL },
  { "Unnamed official", "Delegation member" },
};

static const char * const quote_texts[] = {
  "We came here to talk, not to sign.",
  "The next round will be decisive.",
  "There is no agreement until everything is agreed.",
  "The corridor must stay open for ships carrying food.",
  "We have seen progress, but not enough.",
};

/* Offsets of generated zoned dates, seconds east of UTC. */
static const int offsets[] = { 0, 3 * 3600, -5 * 3600, 3600, 5 * 3600 + 1800 };

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

/* A date of @precision for the instant @time (Unix seconds); zoned with
 * @utc_offset when @has_offset and the precision has a time of day. */
static ChronicleDate
make_date (gint64                 time,
           ChronicleDatePrecision precision,
           gboolean               has_offset,
           int                    utc_offset)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleDate date;

  if (precision < CHRONICLE_DATE_PRECISION_MINUTE)
    has_offset = FALSE;

  /* The wall clock at the offset, so that the date starts at @time. */
  dt = g_date_time_new_from_unix_utc (time + (has_offset ? utc_offset : 0));
  g_assert (dt != NULL);

  if (!chronicle_date_init (&date, precision,
                            g_date_time_get_year (dt),
                            g_date_time_get_month (dt),
                            g_date_time_get_day_of_month (dt),
                            g_date_time_get_hour (dt),
                            g_date_time_get_minute (dt),
                            g_date_time_get_second (dt),
                            &error))
    g_error ("Generated an invalid date: %s", error->message);

  date.has_offset = has_offset;
  date.utc_offset = has_offset ? utc_offset : 0;
  return date;
}

static ChronicleDatePrecision
pick_precision (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  if (roll < 3)
    return CHRONICLE_DATE_PRECISION_YEAR;
  if (roll < 10)
    return CHRONICLE_DATE_PRECISION_MONTH;
  if (roll < 50)
    return CHRONICLE_DATE_PRECISION_DAY;
  if (roll < 90)
    return CHRONICLE_DATE_PRECISION_MINUTE;
  return CHRONICLE_DATE_PRECISION_SECOND;
}

/* How long a range lasts beyond its start, in seconds, so that the end
 * date lands after the start date at @precision. */
static gint64
pick_range_length (GRand                  *rand,
                   ChronicleDatePrecision  precision)
{
  switch (precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return g_rand_int_range (rand, 1, 3) * 366 * DAY;
    case CHRONICLE_DATE_PRECISION_MONTH:
      return g_rand_int_range (rand, 32, 400) * DAY;
    case CHRONICLE_DATE_PRECISION_DAY:
      return g_rand_int_range (rand, 1, 60) * DAY;
    case CHRONICLE_DATE_PRECISION_MINUTE:
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      return g_rand_int_range (rand, 1, 120) * HOUR;
    }
}

static char *
make_title (GRand *rand,
            guint  index)
{
  int shape = g_rand_int_range (rand, 0, 10);

  if (shape == 0)
    return g_strdup_printf ("Talks, day %u", index % 40 + 1);
  if (shape < 8)
    return g_strdup_printf ("%s %s %s", PICK (rand, subjects), PICK (rand, verbs),
                            PICK (rand, objects));
  return g_strdup_printf ("%s %s %s after %s %s", PICK (rand, subjects), PICK (rand, verbs),
                          PICK (rand, objects), PICK (rand, subjects), PICK (rand, verbs));
}

static void
add_details (ChronicleEvent *event,
             GRand          *rand)
{
  if (g_rand_int_range (rand, 0, 100) < 95)
    chronicle_event_set_category_id (event, PICK (rand, categories).id);

  if (g_rand_int_range (rand, 0, 100) < 70)
    {
      g_autofree char *summary = g_strdup_printf ("%s %s %s.", PICK (rand, subjects),
                                                  PICK (rand, verbs), PICK (rand, objects));
      chronicle_event_set_summary (event, summary);
    }

  if (g_rand_int_range (rand, 0, 100) < 40)
    chronicle_event_set_location (event, PICK (rand, locations));

  if (g_rand_int_range (rand, 0, 100) < 50)
    {
      const char *names[4] = { NULL, };
      int n = g_rand_int_range (rand, 1, 4);

      for (int i = 0; i < n; i++)
        names[i] = PICK (rand, actors);
      chronicle_event_set_actors (event, names);
    }

  if (g_rand_int_range (rand, 0, 100) < 60)
    {
      g_autofree char *source_id = g_strdup_printf ("src-%d", g_rand_int_range (rand, 0, 8));
      const char *ids[] = { source_id, NULL };

      chronicle_event_set_source_ids (event, ids);
    }

  if (g_rand_int_range (rand, 0, 100) < 20)
    {
      int n = g_rand_int_range (rand, 1, 3);

      for (int i = 0; i < n; i++)
        {
          g_autoptr(ChronicleQuote) quote = NULL;
          g_autofree char *source_id = g_strdup_printf ("src-%d", g_rand_int_range (rand, 0, 8));
          int speaker = g_rand_int_range (rand, 0, G_N_ELEMENTS (speakers));

          quote = chronicle_quote_new (PICK (rand, quote_texts), speakers[speaker][0],
                                       speakers[speaker][1], source_id,
                                       chronicle_event_get_date (event));
          chronicle_event_add_quote (event, quote);
        }
    }
}

static void
add_metadata (ChronicleTimeline *timeline)
{
  static const struct {
    const char *id;
    const char *label;
    const char *start;
    const char *end;
  } eras[] = {
    { "era-first-round", "First round of talks", "2016-03", "2017-06-15" },
    { "era-corridor", "Grain corridor", "2020-07-22", "2022-07" },
    { "era-current", "Current talks", "2025-05-16", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(ChronicleCategory) category = chronicle_category_new (categories[i].id,
                                                                      categories[i].label,
                                                                      categories[i].color);
      chronicle_timeline_add_category (timeline, category);
    }

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("src-%u", i);
      g_autofree char *title = g_strdup_printf ("Report number %u", i + 1);
      g_autofree char *url = g_strdup_printf ("https://news.example.org/report/%u", i + 1);
      g_autoptr(ChronicleSource) source = NULL;
      ChronicleDate published;

      g_assert_true (chronicle_date_init (&published, CHRONICLE_DATE_PRECISION_DAY,
                                          2016 + i, 1 + i, 10 + i, 0, 0, 0, NULL));
      source = chronicle_source_new (id, i % 2 ? "Reuters" : "Anadolu Agency", title, url,
                                     i % 3 ? &published : NULL);
      chronicle_timeline_add_source (timeline, source);
    }

  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      g_autoptr(ChronicleEra) era = NULL;
      ChronicleDate start, end;

      g_assert_true (chronicle_date_parse (eras[i].start, &start, NULL));
      if (eras[i].end != NULL)
        g_assert_true (chronicle_date_parse (eras[i].end, &end, NULL));
      era = chronicle_era_new (eras[i].id, eras[i].label, &start, eras[i].end ? &end : NULL);
      chronicle_timeline_add_era (timeline, era);
    }
}

/**
 * chronicle_test_generate_timeline:
 * @n_events: how many events
 * @seed: the same seed gives the same timeline, on every run and machine
 *
 * Events are spread over 2015..2025 in bursts: a few hot periods of weeks
 * hold most bursts, and a burst packs its events into hours or days, with
 * long quiet gaps in between. Burst sizes are skewed (a few large ones,
 * many small). About 10% of the events are ranges; precisions are mostly
 * day and minute, some second, month and year; some times carry a UTC
 * offset. Ids are "ev-0" .. "ev-<n-1>" in generation order, which is not
 * the sorted order.
 *
 * Returns: (transfer full): a new timeline
 */
ChronicleTimeline *
chronicle_test_generate_timeline (guint   n_events,
                                  guint32 seed)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree gint64 *centers = NULL;
  g_autofree gint64 *widths = NULL;
  gint64 hot_starts[N_HOT_PERIODS];
  guint n_clusters;

  timeline = chronicle_timeline_new ("Generated timeline");
  chronicle_timeline_set_description (timeline, "A synthetic timeline for tests and benchmarks.");
  add_metadata (timeline);

  for (guint i = 0; i < N_HOT_PERIODS; i++)
    hot_starts[i] = SPAN_START + (gint64) (g_rand_double (rand) * (SPAN_END - SPAN_START - 120 * DAY));

  n_clusters = MAX (1, n_events / EVENTS_PER_CLUSTER);
  centers = g_new (gint64, n_clusters);
  widths = g_new (gint64, n_clusters);
  for (guint i = 0; i < n_clusters; i++)
    {
      int kind = g_rand_int_range (rand, 0, 10);

      if (g_rand_int_range (rand, 0, 10) < 7)
        centers[i] = hot_starts[g_rand_int_range (rand, 0, N_HOT_PERIODS)]
                     + g_rand_int_range (rand, 0, 120) * DAY
                     + g_rand_int_range (rand, 0, 24) * HOUR;
      else
        centers[i] = SPAN_START + (gint64) (g_rand_double (rand) * (SPAN_END - SPAN_START));

      if (kind < 5)
        widths[i] = g_rand_int_range (rand, 1, 12) * HOUR;
      else if (kind < 9)
        widths[i] = g_rand_int_range (rand, 1, 8) * DAY;
      else
        widths[i] = g_rand_int_range (rand, 14, 40) * DAY;
    }

  events = g_ptr_array_new_full (n_events, g_object_unref);
  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(ChronicleEvent) event = NULL;
      g_autofree char *id = g_strdup_printf ("ev-%u", i);
      g_autofree char *title = NULL;
      ChronicleDatePrecision precision;
      ChronicleDate date;
      double skew = g_rand_double (rand);
      guint cluster = MIN ((guint) (skew * skew * n_clusters), n_clusters - 1);
      gint64 time;
      gboolean has_offset;
      int offset;

      time = centers[cluster] + (gint64) (g_rand_double (rand) * widths[cluster]);
      time = CLAMP (time, SPAN_START, SPAN_END - 1);
      precision = pick_precision (rand);
      has_offset = g_rand_int_range (rand, 0, 100) < 30;
      offset = PICK (rand, offsets);
      date = make_date (time, precision, has_offset, offset);

      title = make_title (rand, i);
      event = chronicle_event_new (id, &date, title);

      if (g_rand_int_range (rand, 0, 100) < 10)
        {
          ChronicleDate end = make_date (time + pick_range_length (rand, precision),
                                         precision, has_offset, offset);
          chronicle_event_set_end (event, &end);
        }

      if (precision < CHRONICLE_DATE_PRECISION_DAY && g_rand_int_range (rand, 0, 100) < 30)
        chronicle_event_set_approximate (event, TRUE);

      add_details (event, rand);
      g_ptr_array_add (events, g_steal_pointer (&event));
    }

  chronicle_timeline_set_events (timeline, events);

  return g_steal_pointer (&timeline);
}

void
chronicle_test_measure_fixed (const char        *text,
                              ChronicleTextRole  role,
                              double            *width,
                              double            *height,
                              gpointer           user_data)
{
  *width = 7.0 * g_utf8_strlen (text, -1);
  *height = role == CHRONICLE_TEXT_TICK || role == CHRONICLE_TEXT_ERA ? 12.0 : 14.0;
}

/* Returns: (transfer full): the path of the bundled example file in the
 * source tree (G_TEST_DIST is tests/) */
char *
chronicle_test_example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                "istanbul-talks-2025.json", NULL);
}

/**
 * chronicle_test_load_example:
 *
 * Loads the bundled example; the test fails when it does not load.
 *
 * Returns: (transfer full): the example's timeline
 */
static ChronicleTimeline *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChronicleTimeline *timeline;

  timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (timeline);

  return timeline;
}

ChronicleTimeline *
chronicle_test_load_example (void)
{
  g_autofree char *path = chronicle_test_example_path ();

  return load_path (path);
}

/**
 * chronicle_test_load_data:
 * @name: a path under tests/data ("corpus/apollo-11.json")
 *
 * Loads a timeline of the tests' data; the test fails when it does not load.
 *
 * Returns: (transfer full): its timeline
 */
ChronicleTimeline *
chronicle_test_load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);

  return load_path (path);
}

void
chronicle_test_dir_setup (ChronicleTestDirFixture *fixture,
                          gconstpointer            data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("chronicle-test-XXXXXX", &error);
  g_assert_no_error (error);
}

void
chronicle_test_dir_teardown (ChronicleTestDirFixture *fixture,
                             gconstpointer            data)
{
  chronicle_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

void
chronicle_test_add_with_dir (const char           *path,
                             ChronicleTestDirFunc  test)
{
  g_test_add (path, ChronicleTestDirFixture, NULL, chronicle_test_dir_setup, test, chronicle_test_dir_teardown);
}

guint
chronicle_test_count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

void
chronicle_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Hostile files (issue #10): the window tests and the UI benchmark open
 * the same ones. */

static GString *
begin_timeline (const char *title)
{
  GString *json = g_string_new ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"");

  g_string_append (json, title);
  g_string_append (json, "\",\n");

  return json;
}

static void
append_repeated (GString    *json,
                 const char *text,
                 gsize       n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append (json, text);
}

/* A title of 16 MB: it became the X window name, which the X server
 * refused (BadLength), and that ended the app. */
char *
chronicle_test_make_huge_title (void)
{
  GString *json = g_string_new ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"");

  append_repeated (json, "T", 16 * 1024 * 1024);
  g_string_append (json, "\", \"events\": [{\"id\": \"e1\", \"date\": \"2022-03-01\", \"title\": \"Event\"}]}\n");

  return g_string_free (json, FALSE);
}

/* 100 000 events in a category that is not declared: 100 000 warnings
 * (a pipeline that leaves out "categories" writes exactly that). */
char *
chronicle_test_make_many_warnings (void)
{
  GString *json = begin_timeline ("Warnings");

  g_string_append (json, "\"events\": [\n");
  for (guint i = 0; i < CHRONICLE_TEST_N_MANY; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2022-03-01\", \"title\": \"E%u\", \"category\": \"nope\"}",
                            i > 0 ? ",\n" : "", i, i);
  g_string_append (json, "]}\n");

  return g_string_free (json, FALSE);
}

/* One event with 100 000 quotes. */
char *
chronicle_test_make_many_quotes (void)
{
  GString *json = begin_timeline ("Quotes");

  g_string_append (json, "\"sources\": [{\"id\": \"s\", \"publisher\": \"Pub\", \"url\": \"https://example.com/a\"}],\n"
                         "\"events\": [{\"id\": \"e1\", \"date\": \"2022-03-01\", \"title\": \"Many quotes\", \"quotes\": [\n");
  for (guint i = 0; i < CHRONICLE_TEST_N_MANY; i++)
    g_string_append_printf (json, "%s{\"text\": \"Quote %u\", \"speaker\": \"Speaker\", \"source\": \"s\"}",
                            i > 0 ? ",\n" : "", i);
  g_string_append (json, "]}]}\n");

  return g_string_free (json, FALSE);
}

/* A source whose URL is 10 MB, cited by the event and by a quote; and a
 * summary of 1 MB. */
char *
chronicle_test_make_huge_url (void)
{
  GString *json = begin_timeline ("URL");

  g_string_append (json, "\"sources\": [{\"id\": \"s\", \"publisher\": \"Pub\", \"url\": \"https://example.com/");
  append_repeated (json, "a", 10 * 1024 * 1024);
  g_string_append (json, "\"}],\n\"events\": [{\"id\": \"e1\", \"date\": \"2022-03-01\", \"title\": \"Long URL\", \"summary\": \"");
  append_repeated (json, "sum ", 256 * 1024);
  g_string_append (json, "\", \"sources\": [\"s\"], \"quotes\": [{\"text\": \"Q\", \"source\": \"s\"}]}]}\n");

  return g_string_free (json, FALSE);
}

/* Event titles of 1 MB: words, and one word without spaces (which took
 * 60 s and 2.9 GB to paint when selected). */
char *
chronicle_test_make_long_titles (void)
{
  GString *json = begin_timeline ("Long titles");

  g_string_append (json, "\"events\": [{\"id\": \"words\", \"date\": \"2022-03-01\", \"title\": \"");
  append_repeated (json, "word ", 200 * 1024);
  g_string_append (json, "\", \"actors\": [\"");
  append_repeated (json, "A", 1024 * 1024);
  g_string_append (json, "\"], \"location\": \"");
  append_repeated (json, "L", 1024 * 1024);
  g_string_append (json, "\"}, {\"id\": \"nospace\", \"date\": \"2022-03-05\", \"title\": \"");
  append_repeated (json, "Y", 1024 * 1024);
  g_string_append (json, "\", \"quotes\": [{\"text\": \"");
  append_repeated (json, "Q", 1024 * 1024);
  g_string_append (json, "\", \"speaker\": \"");
  append_repeated (json, "S", 1024 * 1024);
  g_string_append (json, "\"}]}]}\n");

  return g_string_free (json, FALSE);
}

/* Bidi overrides that would show "evil" as "live", and links that must
 * not open: a newline in the URL, no host, a script; one good link. */
char *
chronicle_test_make_bidi_and_links (void)
{
  GString *json = begin_timeline ("\\u202eevil\\u202c");

  g_string_append (json,
                   "\"sources\": ["
                   "{\"id\": \"newline\", \"publisher\": \"A\", \"url\": \"https://example.com/a\\nb\"},"
                   "{\"id\": \"nohost\", \"publisher\": \"B\", \"url\": \"http:/etc/passwd\"},"
                   "{\"id\": \"script\", \"publisher\": \"C\", \"url\": \"https:javascript:alert(1)\"},"
                   "{\"id\": \"good\", \"publisher\": \"D\", \"url\": \"https://example.com/good\"}],\n"
                   "\"events\": [{\"id\": \"e1\", \"date\": \"2022-03-01\", \"title\": \"\\u202eevil\\u202c\","
                   " \"sources\": [\"newline\", \"nohost\", \"script\", \"good\"], \"quotes\": ["
                   "{\"text\": \"\\u202eevil\\u202c\", \"speaker\": \"\\u202eevil\\u202c\", \"source\": \"newline\"},"
                   "{\"text\": \"b\", \"source\": \"nohost\"},"
                   "{\"text\": \"c\", \"source\": \"script\"},"
                   "{\"text\": \"d\", \"source\": \"good\"}]}]}\n");

  return g_string_free (json, FALSE);
}

char *
chronicle_test_make_markup_names (void)
{
  GString *json = begin_timeline ("Q&A <b> title");

  g_string_append (json, "\"events\": [{\"id\": \"e1\", \"date\": \"2022-03-01\", \"title\": \"<i>Event</i> & co\"}]}\n");

  return g_string_free (json, FALSE);
}
