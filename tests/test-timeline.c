/* test-timeline.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "chronicle-test-util.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-private.h"

static ChronicleEvent *
create_event (const char *id,
              const char *date_text,
              const char *end_text)
{
  g_autoptr(GError) error = NULL;
  ChronicleEvent *event;
  ChronicleDate date;

  g_assert_true (chronicle_date_parse (date_text, &date, &error));
  g_assert_no_error (error);
  event = chronicle_event_new (id, &date, id);

  if (end_text != NULL)
    {
      ChronicleDate end;

      g_assert_true (chronicle_date_parse (end_text, &end, &error));
      g_assert_no_error (error);
      chronicle_event_set_end (event, &end);
    }

  return event;
}

static void
assert_sorted (ChronicleTimeline *timeline)
{
  guint n = chronicle_timeline_get_n_events (timeline);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, n);

  for (guint i = 1; i < n; i++)
    g_assert_cmpint (chronicle_event_compare (chronicle_timeline_get_event (timeline, i - 1),
                                              chronicle_timeline_get_event (timeline, i)), <=, 0);
}

static void
assert_order (ChronicleTimeline  *timeline,
              const char * const *ids)
{
  guint n = g_strv_length ((char **) ids);

  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleEvent) item = g_list_model_get_item (G_LIST_MODEL (timeline), i);

      g_assert_cmpstr (chronicle_event_get_id (item), ==, ids[i]);
      g_assert_true (item == chronicle_timeline_get_event (timeline, i));
    }
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  ItemsChanged *record = user_data;

  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_event_basics (void)
{
  g_autoptr(ChronicleEvent) point = create_event ("point", "2022-02-24T04:50+02:00", NULL);
  g_autoptr(ChronicleEvent) month = create_event ("month", "2022-03", NULL);
  g_autoptr(ChronicleEvent) range = create_event ("range", "2022-02-24", "2022-03-03");
  g_autoptr(ChronicleQuote) quote = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  const char *actors[] = { "Ukraine", "Russia", NULL };
  ChronicleDate quote_date;

  /* 04:50 at UTC+2 is 02:50 UTC; a minute-wide span. */
  g_assert_cmpint (chronicle_event_get_start_time (point), ==, 1645671000);
  g_assert_cmpint (chronicle_event_get_end_time (point), ==, 1645671000 + 60);
  g_assert_false (chronicle_event_is_span (point));
  g_assert_null (chronicle_event_get_end (point));

  /* A month is drawn as a span over the whole month. */
  g_assert_true (chronicle_event_is_span (month));
  g_assert_cmpint (chronicle_event_get_end_time (month) - chronicle_event_get_start_time (month),
                   ==, 31 * 86400);

  /* A range ends at the end of its end date: 24 Feb .. 3 Mar inclusive. */
  g_assert_true (chronicle_event_is_span (range));
  g_assert_nonnull (chronicle_event_get_end (range));
  g_assert_cmpint (chronicle_event_get_end_time (range) - chronicle_event_get_start_time (range),
                   ==, 8 * 86400);
  text = chronicle_event_format_date (range);
  g_assert_cmpstr (text, ==, "24 February – 3 March 2022");
  g_clear_pointer (&text, g_free);
  text = chronicle_event_format_date (month);
  g_assert_cmpstr (text, ==, "March 2022");

  /* Optional fields. */
  g_assert_null (chronicle_event_get_summary (point));
  g_assert_null (chronicle_event_get_category_id (point));
  g_assert_null (chronicle_event_get_location (point));
  g_assert_nonnull (chronicle_event_get_actors (point));
  g_assert_null (chronicle_event_get_actors (point)[0]);
  g_assert_null (chronicle_event_get_source_ids (point)[0]);
  g_assert_cmpuint (chronicle_event_get_n_quotes (point), ==, 0);

  chronicle_event_set_summary (point, "Invasion begins");
  chronicle_event_set_category_id (point, "military");
  chronicle_event_set_location (point, "Kyiv");
  chronicle_event_set_actors (point, actors);
  chronicle_event_set_approximate (point, TRUE);
  g_assert_cmpstr (chronicle_event_get_summary (point), ==, "Invasion begins");
  g_assert_cmpstr (chronicle_event_get_category_id (point), ==, "military");
  g_assert_cmpstr (chronicle_event_get_location (point), ==, "Kyiv");
  g_assert_cmpstrv (chronicle_event_get_actors (point), actors);
  g_assert_true (chronicle_event_get_approximate (point));

  g_assert_true (chronicle_date_parse ("2022-02-24", &quote_date, NULL));
  quote = chronicle_quote_new ("We will defend our country.", "Volodymyr Zelenskyy",
                               "President of Ukraine", "src-1", &quote_date);
  chronicle_event_add_quote (point, quote);
  g_assert_cmpuint (chronicle_event_get_n_quotes (point), ==, 1);
  g_assert_true (chronicle_event_get_quote (point, 0) == quote);
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Volodymyr Zelenskyy");
  g_assert_cmpstr (chronicle_quote_get_role (quote), ==, "President of Ukraine");
  g_assert_cmpstr (chronicle_quote_get_source_id (quote), ==, "src-1");
  g_assert_true (chronicle_date_equal (chronicle_quote_get_date (quote), &quote_date));

  /* Read-only properties for GtkExpression-based UI. */
  g_object_get (point, "id", &id, "title", &title, "summary", &summary, NULL);
  g_assert_cmpstr (id, ==, "point");
  g_assert_cmpstr (title, ==, "point");
  g_assert_cmpstr (summary, ==, "Invasion begins");
}

static void
test_event_compare (void)
{
  /* By start, then the shorter first, then by id. */
  g_autoptr(ChronicleEvent) a = create_event ("a", "2022-02-24", NULL);
  g_autoptr(ChronicleEvent) b = create_event ("b", "2022-02-24", NULL);
  g_autoptr(ChronicleEvent) longer = create_event ("0-longer", "2022-02-24", "2022-02-25");
  g_autoptr(ChronicleEvent) month = create_event ("0-month", "2022-02", NULL);
  g_autoptr(ChronicleEvent) later = create_event ("0-later", "2022-02-24T00:01", NULL);

  g_assert_cmpint (chronicle_event_compare (a, b), <, 0);
  g_assert_cmpint (chronicle_event_compare (b, a), >, 0);
  g_assert_cmpint (chronicle_event_compare (a, a), ==, 0);
  g_assert_cmpint (chronicle_event_compare (a, longer), <, 0);
  g_assert_cmpint (chronicle_event_compare (month, a), <, 0);
  g_assert_cmpint (chronicle_event_compare (longer, later), <, 0);
}

/* The sort (a radix sort on start times, then ties, issue #12) gives
 * chronicle_event_compare()'s order for starts far apart (several passes),
 * before 1970 (negative times), and equal starts told apart by their end,
 * their sequence and their id; in bulk through append_fields too. */
static void
test_sorting_many (void)
{
  static const char * const dates[] = {
    "0500", "1200-06-01", "1969-12-31T23:59:59", "1970", "2022-03-29", "2022-03-29T00:00:01",
    "9999-12-31", "2022-03", "0001-01-01",
  };
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Many");
  g_autoptr(ChronicleTimeline) appended = chronicle_timeline_new ("Appended");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  GRand *rand = g_rand_new_with_seed (12);

  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", g_rand_int_range (rand, 0, 1000000));
      g_autofree char *unique = g_strdup_printf ("%s-%u", id, i);
      const char *date = dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))];
      const char *end = g_rand_boolean (rand) ? NULL : "9999-12-31";
      ChronicleEvent *event = create_event (unique, date, end);

      chronicle_event_set_sequence (event, g_rand_int_range (rand, 0, 4));
      g_ptr_array_add (events, event);
    }
  chronicle_timeline_set_events (timeline, events);
  assert_sorted (timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, events->len);

  for (guint i = 0; i < events->len; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (events, i);
      ChronicleEventFields fields = { 0, };

      fields.id = chronicle_event_get_id (event);
      fields.title = chronicle_event_get_title (event);
      fields.date = chronicle_event_get_date (event);
      fields.end = chronicle_event_get_end (event);
      fields.sequence = chronicle_event_get_sequence (event);
      chronicle_timeline_append_fields (appended, &fields);
    }
  chronicle_timeline_finish_appending (appended);
  assert_sorted (appended);
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpstr (chronicle_timeline_get_event_id (appended, i), ==, chronicle_timeline_get_event_id (timeline, i));

  g_rand_free (rand);
}

static void
test_sorting (void)
{
  static const struct {
    const char *id;
    const char *date;
    const char *end;
  } input[] = {
    { "e-2023", "2023", NULL },
    { "e-day-b", "2022-03-29", NULL },
    { "e-minute", "2022-03-29T10:30", NULL },
    { "e-range", "2022-03-29", "2022-04-02" },
    { "e-month", "2022-03", NULL },
    { "e-day-a", "2022-03-29", NULL },
    { "e-offset", "2022-03-29T12:30+03:00", NULL },
    { "e-2021", "2021-12-31T23:59:59", NULL },
  };
  static const char * const expected[] = {
    "e-2021", "e-month", "e-day-a", "e-day-b", "e-range", "e-offset", "e-minute", "e-2023", NULL,
  };
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Sorting");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  ItemsChanged record = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (input); i++)
    g_ptr_array_add (events, create_event (input[i].id, input[i].date, input[i].end));

  g_signal_connect (timeline, "items-changed", G_CALLBACK (on_items_changed_cb), &record);
  chronicle_timeline_set_events (timeline, events);

  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 0);
  g_assert_cmpuint (record.removed, ==, 0);
  g_assert_cmpuint (record.added, ==, G_N_ELEMENTS (input));
  assert_order (timeline, expected);
  /* The caller's array is left as it was. */
  g_assert_cmpstr (chronicle_event_get_id (g_ptr_array_index (events, 0)), ==, "e-2023");

  /* Replacing reports the old and new sizes in one signal. */
  g_ptr_array_set_size (events, 3);
  chronicle_timeline_set_events (timeline, events);
  g_assert_cmpuint (record.calls, ==, 2);
  g_assert_cmpuint (record.removed, ==, G_N_ELEMENTS (input));
  g_assert_cmpuint (record.added, ==, 3);
  assert_sorted (timeline);
  g_assert_null (chronicle_timeline_lookup_event (timeline, "e-2021"));
  g_assert_nonnull (chronicle_timeline_lookup_event (timeline, "e-minute"));
}

static void
test_add_event (void)
{
  static const struct {
    const char *id;
    const char *date;
    guint position;  /* where it lands when added in this order */
  } steps[] = {
    { "b", "2022-03-10", 0 },
    { "d", "2022-03-20", 1 },   /* in order: appended */
    { "a", "2022-03-01", 0 },   /* before everything */
    { "c", "2022-03-15", 2 },   /* in the middle */
    { "e", "2022-04", 4 },
    { "c2", "2022-03-15", 3 },  /* ties break on id */
  };
  static const char * const expected[] = { "a", "b", "c", "c2", "d", "e", NULL };
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new (NULL);
  ItemsChanged record = { 0 };

  g_signal_connect (timeline, "items-changed", G_CALLBACK (on_items_changed_cb), &record);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(ChronicleEvent) event = create_event (steps[i].id, steps[i].date, NULL);
      guint position;

      chronicle_timeline_add_event (timeline, event);

      g_assert_cmpuint (record.calls, ==, i + 1);
      g_assert_cmpuint (record.position, ==, steps[i].position);
      g_assert_cmpuint (record.removed, ==, 0);
      g_assert_cmpuint (record.added, ==, 1);
      g_assert_true (chronicle_timeline_find_event (timeline, event, &position));
      g_assert_cmpuint (position, ==, steps[i].position);
      g_assert_true (chronicle_timeline_lookup_event (timeline, steps[i].id) == event);
    }

  assert_order (timeline, expected);
}

/* Adding a generated timeline's events one by one, in random order, gives
 * the same order as sorting them once. */
static void
test_add_event_matches_set_events (void)
{
  g_autoptr(ChronicleTimeline) generated = chronicle_test_generate_timeline (2000, 7);
  g_autoptr(ChronicleTimeline) incremental = chronicle_timeline_new (NULL);
  guint n = chronicle_timeline_get_n_events (generated);
  g_autofree guint *order = g_new (guint, n);
  gint64 start, end, start2, end2;

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = g_test_rand_int_range (0, i + 1);
      guint tmp = order[i];

      order[i] = order[j];
      order[j] = tmp;
    }

  for (guint i = 0; i < n; i++)
    chronicle_timeline_add_event (incremental, chronicle_timeline_get_event (generated, order[i]));

  for (guint i = 0; i < n; i++)
    g_assert_true (chronicle_timeline_get_event (incremental, i) == chronicle_timeline_get_event (generated, i));

  g_assert_cmpint (chronicle_timeline_get_max_duration (incremental), ==,
                   chronicle_timeline_get_max_duration (generated));
  g_assert_true (chronicle_timeline_get_bounds (generated, &start, &end));
  g_assert_true (chronicle_timeline_get_bounds (incremental, &start2, &end2));
  g_assert_cmpint (start, ==, start2);
  g_assert_cmpint (end, ==, end2);
}

/* The finest precision of positions [first, last), by looking at each. */
static ChronicleDatePrecision
scan_finest_precision (ChronicleTimeline *timeline,
                       guint              first,
                       guint              last)
{
  ChronicleDatePrecision finest = CHRONICLE_DATE_PRECISION_YEAR;

  for (guint i = first; i < last; i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      const ChronicleDate *end = chronicle_event_get_end (event);

      finest = MAX (finest, chronicle_event_get_date (event)->precision);
      if (end != NULL)
        finest = MAX (finest, end->precision);
    }

  return finest;
}

static void
assert_finest_precision_matches_scan (ChronicleTimeline *timeline)
{
  guint n = chronicle_timeline_get_n_events (timeline);

  for (guint round = 0; round < 500; round++)
    {
      guint first = g_test_rand_int_range (0, n + 1);
      guint last = g_test_rand_int_range (first, MIN (n, first + 64) + 1);

      g_assert_cmpint (chronicle_timeline_get_finest_precision (timeline, first, last), ==,
                       scan_finest_precision (timeline, first, last));
    }
  g_assert_cmpint (chronicle_timeline_get_finest_precision (timeline, 0, n), ==,
                   scan_finest_precision (timeline, 0, n));
}

/* The axis asks which precision the events in view have (no hour ticks
 * over days): answered from an index kept with the events, which must
 * follow both bulk loads and insertions anywhere. */
static void
test_finest_precision (void)
{
  g_autoptr(ChronicleTimeline) generated = chronicle_test_generate_timeline (3000, 11);
  g_autoptr(ChronicleTimeline) incremental = chronicle_timeline_new (NULL);
  g_autoptr(ChronicleTimeline) days = chronicle_timeline_new (NULL);
  g_autoptr(ChronicleEvent) a = create_event ("a", "2022-03", "2022-03-29");
  g_autoptr(ChronicleEvent) b = create_event ("b", "2025-05-16", NULL);
  g_autoptr(ChronicleEvent) c = create_event ("c", "2025-05-15T21:00+03:00", NULL);
  guint n = chronicle_timeline_get_n_events (generated);

  assert_finest_precision_matches_scan (generated);

  /* In random order, so that most insertions land in the middle. */
  for (guint i = 0; i < n; i++)
    {
      guint k = (i * 7919) % n;

      chronicle_timeline_add_event (incremental, chronicle_timeline_get_event (generated, k));
      if (i % 500 == 0)
        assert_finest_precision_matches_scan (incremental);
    }
  assert_finest_precision_matches_scan (incremental);

  g_assert_cmpint (chronicle_timeline_get_finest_precision (days, 0, 0), ==, CHRONICLE_DATE_PRECISION_YEAR);
  chronicle_timeline_add_event (days, b);
  chronicle_timeline_add_event (days, a);
  g_assert_cmpint (chronicle_timeline_get_finest_precision (days, 0, 2), ==, CHRONICLE_DATE_PRECISION_DAY);
  /* Sorts between them: a month to a day, a time, a day. */
  chronicle_timeline_add_event (days, c);
  g_assert_cmpint (chronicle_timeline_get_finest_precision (days, 0, 1), ==, CHRONICLE_DATE_PRECISION_DAY);
  g_assert_cmpint (chronicle_timeline_get_finest_precision (days, 0, 2), ==, CHRONICLE_DATE_PRECISION_MINUTE);
  g_assert_cmpint (chronicle_timeline_get_finest_precision (days, 2, 3), ==, CHRONICLE_DATE_PRECISION_DAY);
}

static void
test_generated (void)
{
  g_autoptr(ChronicleTimeline) a = chronicle_test_generate_timeline (5000, 42);
  g_autoptr(ChronicleTimeline) b = chronicle_test_generate_timeline (5000, 42);
  g_autoptr(ChronicleTimeline) c = chronicle_test_generate_timeline (5000, 43);
  guint precisions[CHRONICLE_DATE_PRECISION_SECOND + 1] = { 0 };
  guint n_ranges = 0, n_offsets = 0, n_quotes = 0, n_differ = 0;
  gint64 start, end;

  g_assert_cmpuint (chronicle_timeline_get_n_events (a), ==, 5000);
  assert_sorted (a);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_categories (a)), ==, 6);

  for (guint i = 0; i < 5000; i++)
    {
      ChronicleEvent *ea = chronicle_timeline_get_event (a, i);
      ChronicleEvent *eb = chronicle_timeline_get_event (b, i);
      ChronicleEvent *ec = chronicle_timeline_get_event (c, i);
      const ChronicleDate *date = chronicle_event_get_date (ea);

      /* Same seed, same timeline. */
      g_assert_cmpstr (chronicle_event_get_id (ea), ==, chronicle_event_get_id (eb));
      g_assert_cmpstr (chronicle_event_get_title (ea), ==, chronicle_event_get_title (eb));
      g_assert_cmpint (chronicle_event_get_start_time (ea), ==, chronicle_event_get_start_time (eb));
      if (chronicle_event_get_start_time (ea) != chronicle_event_get_start_time (ec))
        n_differ++;

      precisions[date->precision]++;
      n_ranges += chronicle_event_get_end (ea) != NULL;
      n_offsets += date->has_offset;
      n_quotes += chronicle_event_get_n_quotes (ea);
      if (chronicle_event_get_category_id (ea) != NULL)
        g_assert_cmpuint (chronicle_timeline_get_category_index (a, chronicle_event_get_category_id (ea)), <, 6);
      for (const char * const *ids = chronicle_event_get_source_ids (ea); *ids; ids++)
        g_assert_nonnull (chronicle_timeline_lookup_source (a, *ids));
    }

  g_assert_cmpuint (n_differ, >, 0);
  for (guint p = 0; p < G_N_ELEMENTS (precisions); p++)
    g_assert_cmpuint (precisions[p], >, 0);
  g_assert_cmpuint (precisions[CHRONICLE_DATE_PRECISION_DAY] + precisions[CHRONICLE_DATE_PRECISION_MINUTE],
                    >, 5000 / 2);
  g_assert_cmpuint (n_ranges, >, 5000 / 20);
  g_assert_cmpuint (n_ranges, <, 5000 / 5);
  g_assert_cmpuint (n_offsets, >, 0);
  g_assert_cmpuint (n_quotes, >, 0);

  /* Spread over 2015..2025. */
  g_assert_true (chronicle_timeline_get_bounds (a, &start, &end));
  g_assert_cmpint (start, >=, 1420070400);
  g_assert_cmpint (end, <=, 1767225600 + 4 * 366 * 86400);
}

static void
test_lower_bound (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, 1);
  guint n = chronicle_timeline_get_n_events (timeline);
  gint64 start, end;

  g_assert_true (chronicle_timeline_get_bounds (timeline, &start, &end));
  g_assert_cmpuint (chronicle_timeline_lower_bound (timeline, G_MININT64), ==, 0);
  g_assert_cmpuint (chronicle_timeline_lower_bound (timeline, start), ==, 0);
  g_assert_cmpuint (chronicle_timeline_lower_bound (timeline, end), ==, n);
  g_assert_cmpuint (chronicle_timeline_lower_bound (timeline, G_MAXINT64), ==, n);

  for (guint q = 0; q < 500; q++)
    {
      gint64 t;
      guint expected = 0, got;

      /* Half the queries hit an event's start exactly (ties). */
      if (q % 2)
        t = chronicle_event_get_start_time (chronicle_timeline_get_event (timeline, g_test_rand_int_range (0, n)));
      else
        t = start - 86400 + (gint64) (g_test_rand_double () * (end - start + 2 * 86400));

      while (expected < n && chronicle_event_get_start_time (chronicle_timeline_get_event (timeline, expected)) < t)
        expected++;

      got = chronicle_timeline_lower_bound (timeline, t);
      g_assert_cmpuint (got, ==, expected);
    }
}

typedef struct
{
  GArray *positions;
  guint   stop_after;  /* 0: never stop */
} Collect;

static gboolean
collect_cb (ChronicleTimeline *timeline,
            guint              position,
            ChronicleEvent    *event,
            gpointer           user_data)
{
  Collect *collect = user_data;

  g_assert_true (chronicle_timeline_get_event (timeline, position) == event);
  g_array_append_val (collect->positions, position);
  return collect->stop_after == 0 || collect->positions->len < collect->stop_after;
}

static void
test_get_range (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, 2);
  guint n = chronicle_timeline_get_n_events (timeline);
  gint64 start, end, max_duration;

  g_assert_true (chronicle_timeline_get_bounds (timeline, &start, &end));
  max_duration = chronicle_timeline_get_max_duration (timeline);

  for (guint q = 0; q < 300; q++)
    {
      /* Windows from a minute to a few years, some beyond the ends. */
      gint64 width = (gint64) g_test_rand_int_range (60, 86400) * g_test_rand_int_range (1, 1200);
      gint64 from = start - 86400 * 30 + (gint64) (g_test_rand_double () * (end - start + 86400 * 60));
      gint64 to = from + width;
      guint first = G_MAXUINT, last = G_MAXUINT;
      guint n_overlapping = 0;
      gboolean found;
      g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
      Collect collect = { positions, 0 };

      found = chronicle_timeline_get_range (timeline, from, to, &first, &last);
      g_assert_cmpuint (first, <=, last);
      g_assert_cmpuint (last, <=, n);
      g_assert_cmpint (found, ==, first < last);

      for (guint i = 0; i < n; i++)
        {
          ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
          gboolean overlaps = chronicle_event_get_start_time (event) < to &&
                              chronicle_event_get_end_time (event) > from;

          if (overlaps)
            {
              /* foreach_in_range visits exactly these, in order. */
              if (n_overlapping == 0)
                chronicle_timeline_foreach_in_range (timeline, from, to, collect_cb, &collect);
              g_assert_cmpuint (n_overlapping, <, positions->len);
              g_assert_cmpuint (g_array_index (positions, guint, n_overlapping), ==, i);
              n_overlapping++;
              /* Every overlapping event is inside the range. */
              g_assert_cmpuint (i, >=, first);
              g_assert_cmpuint (i, <, last);
            }
          if (i >= first && i < last)
            g_assert_cmpint (chronicle_event_get_start_time (event), <, to);
        }

      g_assert_cmpint (found, ==, n_overlapping > 0);
      if (n_overlapping == 0)
        chronicle_timeline_foreach_in_range (timeline, from, to, collect_cb, &collect);
      g_assert_cmpuint (positions->len, ==, n_overlapping);

      /* No looser than the documented bound, and the first event of a
       * non-empty range reaches into the window. */
      g_assert_cmpuint (first, >=, chronicle_timeline_lower_bound (timeline, from - max_duration));
      g_assert_cmpuint (last, ==, MAX (first, chronicle_timeline_lower_bound (timeline, to)));
      if (found)
        g_assert_cmpint (chronicle_event_get_end_time (chronicle_timeline_get_event (timeline, first)), >, from);
    }

  /* An empty window finds nothing. */
  {
    guint first, last;

    g_assert_false (chronicle_timeline_get_range (timeline, end, end + 86400, &first, &last));
    g_assert_false (chronicle_timeline_get_range (timeline, start - 86400, start, &first, &last));
    g_assert_true (chronicle_timeline_get_range (timeline, G_MININT64, G_MAXINT64, &first, &last));
    g_assert_cmpuint (first, ==, 0);
    g_assert_cmpuint (last, ==, n);
  }
}

/* A long range early on must be found from a window long after its start. */
static void
test_get_range_long_span (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new (NULL);
  g_autoptr(ChronicleEvent) war = create_event ("war", "2014-02-20", "2025-12-31");
  g_autoptr(ChronicleEvent) early = create_event ("early", "2014-03-01", NULL);
  g_autoptr(ChronicleEvent) talks = create_event ("talks", "2025-05-16T10:30+03:00", NULL);
  ChronicleDate from_date, to_date;
  guint first, last;

  chronicle_timeline_add_event (timeline, talks);
  chronicle_timeline_add_event (timeline, early);
  chronicle_timeline_add_event (timeline, war);

  g_assert_true (chronicle_date_parse ("2020-01-01", &from_date, NULL));
  g_assert_true (chronicle_date_parse ("2020-02-01", &to_date, NULL));
  g_assert_true (chronicle_timeline_get_range (timeline,
                                               chronicle_date_get_start (&from_date),
                                               chronicle_date_get_start (&to_date),
                                               &first, &last));
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (last, ==, 2);  /* war and early; early is skipped by callers */
  g_assert_true (chronicle_timeline_get_event (timeline, 0) == war);

  /* foreach_in_range skips early, and stops when asked. */
  {
    g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
    Collect collect = { positions, 0 };

    chronicle_timeline_foreach_in_range (timeline,
                                         chronicle_date_get_start (&from_date),
                                         chronicle_date_get_start (&to_date),
                                         collect_cb, &collect);
    g_assert_cmpuint (positions->len, ==, 1);
    g_assert_cmpuint (g_array_index (positions, guint, 0), ==, 0);

    g_array_set_size (positions, 0);
    collect.stop_after = 2;
    chronicle_timeline_foreach_in_range (timeline, G_MININT64, G_MAXINT64, collect_cb, &collect);
    g_assert_cmpuint (positions->len, ==, 2);
  }
}

static void
test_bounds_and_max_duration (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new (NULL);
  g_autoptr(ChronicleEvent) a = create_event ("a", "2022-03-01", NULL);
  g_autoptr(ChronicleEvent) range = create_event ("range", "2022-02-24", "2022-03-10");
  g_autoptr(ChronicleEvent) year = create_event ("year", "2021", NULL);
  g_autoptr(ChronicleEvent) late = create_event ("late", "2022-06-01T12:00", NULL);
  gint64 start = 1, end = 2;

  g_assert_false (chronicle_timeline_get_bounds (timeline, &start, &end));
  g_assert_cmpint (start, ==, 1);
  g_assert_cmpint (end, ==, 2);
  g_assert_cmpint (chronicle_timeline_get_max_duration (timeline), ==, 0);

  chronicle_timeline_add_event (timeline, a);
  g_assert_cmpint (chronicle_timeline_get_max_duration (timeline), ==, 86400);
  chronicle_timeline_add_event (timeline, range);
  /* 24 Feb .. 10 Mar 2022 inclusive: 15 days. */
  g_assert_cmpint (chronicle_timeline_get_max_duration (timeline), ==, 15 * 86400);
  g_assert_true (chronicle_timeline_get_bounds (timeline, &start, &end));
  g_assert_cmpint (start, ==, chronicle_event_get_start_time (range));
  g_assert_cmpint (end, ==, chronicle_event_get_end_time (range));

  chronicle_timeline_add_event (timeline, late);
  chronicle_timeline_add_event (timeline, year);
  g_assert_cmpint (chronicle_timeline_get_max_duration (timeline), ==, 365 * 86400);
  g_assert_true (chronicle_timeline_get_bounds (timeline, &start, &end));
  g_assert_cmpint (start, ==, chronicle_event_get_start_time (year));
  g_assert_cmpint (end, ==, chronicle_event_get_end_time (late));
}

static void
test_find_event (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (3000, 5);
  g_autoptr(ChronicleEvent) stranger = create_event ("ev-1", "2020-01-01", NULL);
  guint n = chronicle_timeline_get_n_events (timeline);

  for (guint i = 0; i < n; i++)
    {
      guint position = G_MAXUINT;

      g_assert_true (chronicle_timeline_find_event (timeline, chronicle_timeline_get_event (timeline, i), &position));
      g_assert_cmpuint (position, ==, i);
    }

  /* Not the same object, even with an existing id. */
  g_assert_false (chronicle_timeline_find_event (timeline, stranger, NULL));
}

/* The id index is built before the records are sorted (in the order
 * they came, for speed) and must still give sorted positions; of two
 * events with one id, the first in sorted order, as an index built in
 * sorted order keeps it. */
/* Appends @n events ev-0 .. ev-(n-1) with sequence i, dated 2500 - i
 * years (every record moves in the sort) or 1500 + i (none does). */
static void
append_events (ChronicleTimeline *timeline,
               guint              n,
               gboolean           ascending)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("ev-%u", i);
      g_autofree char *date_text = g_strdup_printf ("%04u-01-01", ascending ? 1500 + i : 2500 - i);
      g_autoptr(GError) error = NULL;
      ChronicleEventFields fields = { 0, };
      ChronicleDate date;

      g_assert_true (chronicle_date_parse (date_text, &date, &error));
      g_assert_no_error (error);
      fields.id = id;
      fields.title = id;
      fields.date = &date;
      fields.sequence = i;
      chronicle_timeline_append_fields (timeline, &fields);
    }
}

/* The loader's duplicate check asks the store's table of appended ids
 * (issue #12); the table becomes the id index after the sort. */
static void
test_appended_ids (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Appended");
  g_autoptr(ChronicleTimeline) in_order = chronicle_timeline_new ("In order");
  guint hash = 0, sequence = G_MAXUINT, position = G_MAXUINT;

  g_assert_false (chronicle_timeline_find_appended (timeline, "ev-0", &hash, &sequence));
  g_assert_cmpuint (hash, ==, chronicle_str_hash ("ev-0"));
  append_events (timeline, 300, FALSE);
  g_assert_true (chronicle_timeline_find_appended (timeline, "ev-123", &hash, &sequence));
  g_assert_cmpuint (sequence, ==, 123);
  g_assert_false (chronicle_timeline_find_appended (timeline, "ev-300", &hash, &sequence));
  chronicle_timeline_finish_appending (timeline);

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("ev-%u", i);

      g_assert_true (chronicle_timeline_lookup_position (timeline, id, &position));
      g_assert_cmpuint (position, ==, 299 - i);
    }
  g_assert_false (chronicle_timeline_lookup_position (timeline, "ev-300", &position));

  /* Already in order: the sort is skipped, the order and index the same. */
  append_events (in_order, 300, TRUE);
  chronicle_timeline_finish_appending (in_order);
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *id = g_strdup_printf ("ev-%u", i);

      g_assert_cmpstr (chronicle_timeline_get_event_id (in_order, i), ==, id);
      g_assert_true (chronicle_timeline_lookup_position (in_order, id, &position));
      g_assert_cmpuint (position, ==, i);
    }
}

static void
test_id_index_after_sort (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Ids");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  guint position = G_MAXUINT;

  /* Appended latest first: every record moves. */
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("ev-%u", i);
      g_autofree char *date = g_strdup_printf ("%04u-01-01", 2500 - i);

      g_ptr_array_add (events, create_event (id, date, NULL));
    }
  /* The same id again, later in the list and earlier in time. */
  g_ptr_array_add (events, create_event ("ev-7", "1900-01-01", NULL));
  chronicle_timeline_set_events (timeline, events);

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("ev-%u", i);

      g_assert_true (chronicle_timeline_lookup_position (timeline, id, &position));
      g_assert_cmpstr (chronicle_timeline_get_event_id (timeline, position), ==, id);
      if (i != 7)
        g_assert_cmpuint (position, ==, 500 - i);
    }
  g_assert_true (chronicle_timeline_lookup_position (timeline, "ev-7", &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (chronicle_timeline_lookup_position (timeline, "ev-500", &position));
}

static void
test_lookups (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Lookups");
  g_autoptr(ChronicleCategory) politics = chronicle_category_new ("politics", "Politics", "#3584E4");
  g_autoptr(ChronicleCategory) culture = chronicle_category_new ("culture", NULL, NULL);
  g_autoptr(ChronicleSource) source = NULL;
  g_autoptr(ChronicleEra) era = NULL;
  g_autoptr(ChronicleEvent) event = create_event ("ev", "2022-03-29", NULL);
  ChronicleDate published, era_start;
  double red = -1, green = -1, blue = -1;

  g_assert_true (chronicle_date_parse ("2025-05-16", &published, NULL));
  source = chronicle_source_new ("reuters-1", "Reuters", "Talks resume", "https://example.org/1", &published);
  g_assert_true (chronicle_date_parse ("2025-05", &era_start, NULL));
  era = chronicle_era_new ("talks", "Talks", &era_start, NULL);

  chronicle_timeline_add_category (timeline, politics);
  chronicle_timeline_add_category (timeline, culture);
  chronicle_timeline_add_source (timeline, source);
  chronicle_timeline_add_era (timeline, era);
  chronicle_timeline_add_event (timeline, event);

  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "Lookups");
  g_assert_true (chronicle_timeline_lookup_category (timeline, "politics") == politics);
  g_assert_true (chronicle_timeline_lookup_category (timeline, "culture") == culture);
  g_assert_null (chronicle_timeline_lookup_category (timeline, "sports"));
  g_assert_null (chronicle_timeline_lookup_category (timeline, NULL));
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "politics"), ==, 0);
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "culture"), ==, 1);
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "sports"), ==, G_MAXUINT);
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, NULL), ==, G_MAXUINT);

  g_assert_true (chronicle_timeline_lookup_source (timeline, "reuters-1") == source);
  g_assert_null (chronicle_timeline_lookup_source (timeline, "ap-1"));
  g_assert_true (chronicle_timeline_lookup_event (timeline, "ev") == event);
  g_assert_null (chronicle_timeline_lookup_event (timeline, "nope"));

  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_sources (timeline)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_categories (timeline)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_eras (timeline)), ==, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (timeline)) == CHRONICLE_TYPE_EVENT);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (timeline), 1));

  /* Labels default to the id; colours are optional. */
  g_assert_cmpstr (chronicle_category_get_label (culture), ==, "culture");
  g_assert_null (chronicle_category_get_color (culture));
  g_assert_false (chronicle_category_get_rgb (culture, &red, &green, &blue));
  g_assert_cmpfloat (red, ==, -1);
  g_assert_cmpstr (chronicle_category_get_color (politics), ==, "#3584E4");
  g_assert_true (chronicle_category_get_rgb (politics, &red, &green, &blue));
  g_assert_cmpfloat_with_epsilon (red, 0x35 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (green, 0x84 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (blue, 0xe4 / 255.0, 1e-9);

  g_assert_cmpstr (chronicle_source_get_publisher (source), ==, "Reuters");
  g_assert_cmpstr (chronicle_source_get_title (source), ==, "Talks resume");
  g_assert_cmpstr (chronicle_source_get_url (source), ==, "https://example.org/1");
  g_assert_true (chronicle_date_equal (chronicle_source_get_published (source), &published));

  g_assert_true (chronicle_era_is_ongoing (era));
  g_assert_null (chronicle_era_get_end (era));
  g_assert_true (chronicle_date_equal (chronicle_era_get_start (era), &era_start));
}

static void
test_color_parse (void)
{
  static const struct {
    const char *text;
    gboolean valid;
    guint32 rgb;
  } cases[] = {
    { "#3584e4", TRUE, 0x3584e4 },
    { "#3584E4", TRUE, 0x3584e4 },
    { "#000000", TRUE, 0x000000 },
    { "#ffffff", TRUE, 0xffffff },
    { "3584e4", FALSE, 0 },
    { "#3584e", FALSE, 0 },
    { "#3584e4ff", FALSE, 0 },
    { "#35g4e4", FALSE, 0 },
    { "#fff", FALSE, 0 },
    { "blue", FALSE, 0 },
    { "", FALSE, 0 },
    { " #3584e4", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint32 rgb = 0x123456;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (chronicle_color_parse (cases[i].text, &rgb), ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_cmphex (rgb, ==, cases[i].rgb);
      else
        g_assert_cmphex (rgb, ==, 0x123456);
    }
}

/* The zone the timed dates share, as events go and change: three at
 * +03:00 and one at +02:00 share none; without the +02:00 one they share
 * +03:00; one moved to +05:00 (in place) or a date without an offset
 * counts as it is now. */
static void
test_shared_offset (void)
{
  const char *json =
    "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Zones\", \"events\": ["
    "{\"id\": \"a\", \"date\": \"2025-05-16T10:30+03:00\", \"title\": \"A\"},"
    "{\"id\": \"b\", \"date\": \"2025-05-16T11:00+03:00\", \"end\": \"2025-05-16T12:00+03:00\", \"title\": \"B\"},"
    "{\"id\": \"c\", \"date\": \"2025-05-16T12:30+02:00\", \"title\": \"C\"},"
    "{\"id\": \"d\", \"date\": \"2025-05-17\", \"title\": \"D, a day\"}]}";
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleEvent) moved = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleDate date;
  guint position;
  int offset = 0;

  timeline = chronicle_timeline_load_from_data (json, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (chronicle_timeline_get_shared_offset (timeline, &offset));

  g_assert_true (chronicle_timeline_lookup_position (timeline, "c", &position));
  chronicle_timeline_remove_event_at (timeline, position);
  g_assert_true (chronicle_timeline_get_shared_offset (timeline, &offset));
  g_assert_cmpint (offset, ==, 3 * 3600);

  /* Same time, another offset: the record is rewritten in place. */
  g_assert_true (chronicle_timeline_lookup_position (timeline, "a", &position));
  moved = chronicle_event_copy (chronicle_timeline_get_event (timeline, position));
  g_assert_true (chronicle_date_parse ("2025-05-16T12:30+05:00", &date, &error));
  g_assert_no_error (error);
  chronicle_event_set_date (moved, &date);
  chronicle_timeline_replace_event_at (timeline, position, moved);
  g_assert_false (chronicle_timeline_get_shared_offset (timeline, &offset));

  g_assert_true (chronicle_timeline_lookup_position (timeline, "b", &position));
  chronicle_timeline_remove_event_at (timeline, position);
  g_assert_true (chronicle_timeline_get_shared_offset (timeline, &offset));
  g_assert_cmpint (offset, ==, 5 * 3600);

  g_assert_true (chronicle_timeline_lookup_position (timeline, "a", &position));
  chronicle_timeline_remove_event_at (timeline, position);
  g_assert_false (chronicle_timeline_get_shared_offset (timeline, &offset));
}

static void
test_finalize (void)
{
  ChronicleTimeline *timeline = chronicle_test_generate_timeline (200, 3);
  ChronicleEvent *event = g_object_ref (chronicle_timeline_get_event (timeline, 10));

  g_assert_finalize_object (timeline);
  /* The timeline dropped its reference: ours is the last. */
  g_assert_finalize_object (event);
}

/* Issue #12: the store's indexes stay right through insertions anywhere
 * (what editing, issue #13, builds on): every id is found at its
 * position, the accessors agree with the objects, and the objects are
 * the very ones added. */
static void
test_store_insertions (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("t");
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  const guint n = 300;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *date = g_strdup_printf ("%d-%02d-%02d", g_rand_int_range (rand, 1990, 2030),
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      ChronicleEvent *event = create_event (id, date, NULL);

      chronicle_event_set_summary (event, i % 3 == 0 ? "said" : NULL);
      chronicle_timeline_add_event (timeline, event);
      g_ptr_array_add (added, event);
    }

  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, n);
  for (guint i = 0; i < n; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (added, i);
      guint position = G_MAXUINT, found = G_MAXUINT;

      g_assert_true (chronicle_timeline_lookup_position (timeline, chronicle_event_get_id (event), &position));
      g_assert_true (chronicle_timeline_find_event (timeline, event, &found));
      g_assert_cmpuint (position, ==, found);
      g_assert_true (chronicle_timeline_get_event (timeline, position) == event);
      g_assert_true (chronicle_timeline_lookup_event (timeline, chronicle_event_get_id (event)) == event);
      g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, position), ==, chronicle_event_get_title (event));
      g_assert_cmpstr (chronicle_timeline_get_event_summary (timeline, position), ==, chronicle_event_get_summary (event));
      g_assert_cmpint (chronicle_timeline_get_event_start_time (timeline, position), ==,
                       chronicle_event_get_start_time (event));
      g_assert_true (chronicle_date_equal (chronicle_timeline_get_event_date (timeline, position),
                                           chronicle_event_get_date (event)));
      if (position > 0)
        g_assert_cmpint (chronicle_timeline_get_event_start_time (timeline, position - 1), <=,
                         chronicle_timeline_get_event_start_time (timeline, position));
    }
  g_assert_false (chronicle_timeline_lookup_position (timeline, "e300", NULL));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event/basics", test_event_basics);
  g_test_add_func ("/event/compare", test_event_compare);
  g_test_add_func ("/category/color-parse", test_color_parse);
  g_test_add_func ("/timeline/sorting", test_sorting);
  g_test_add_func ("/timeline/sorting-many", test_sorting_many);
  g_test_add_func ("/timeline/add-event", test_add_event);
  g_test_add_func ("/timeline/add-event-matches-set-events", test_add_event_matches_set_events);
  g_test_add_func ("/timeline/generated", test_generated);
  g_test_add_func ("/timeline/finest-precision", test_finest_precision);
  g_test_add_func ("/timeline/lower-bound", test_lower_bound);
  g_test_add_func ("/timeline/get-range", test_get_range);
  g_test_add_func ("/timeline/get-range-long-span", test_get_range_long_span);
  g_test_add_func ("/timeline/bounds-and-max-duration", test_bounds_and_max_duration);
  g_test_add_func ("/timeline/find-event", test_find_event);
  g_test_add_func ("/timeline/lookups", test_lookups);
  g_test_add_func ("/timeline/id-index-after-sort", test_id_index_after_sort);
  g_test_add_func ("/timeline/appended-ids", test_appended_ids);
  g_test_add_func ("/timeline/store-insertions", test_store_insertions);
  g_test_add_func ("/timeline/shared-offset", test_shared_offset);
  g_test_add_func ("/timeline/finalize", test_finalize);

  return g_test_run ();
}
