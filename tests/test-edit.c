/* test-edit.c: editing a document (issue #13), its store and its undo
 * history, without a display
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "chronicle-document.h"
#include "chronicle-document-private.h"
#include "chronicle-history.h"
#include "chronicle-kept-private.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-writer.h"
#include "chronicle-timeline-private.h"

/* --- What a timeline holds, read from the store ----------------------- */

/* The event at @position as the store holds it, read through the
 * accessors (not the event's object); the sequence comes from the
 * object, which the accessors do not give. */
static ChronicleEvent *
read_event (ChronicleTimeline *timeline,
            guint              position)
{
  ChronicleEvent *event = chronicle_event_new (chronicle_timeline_get_event_id (timeline, position),
                                               chronicle_timeline_get_event_date (timeline, position),
                                               chronicle_timeline_get_event_title (timeline, position));

  chronicle_event_set_end (event, chronicle_timeline_get_event_end (timeline, position));
  chronicle_event_set_summary (event, chronicle_timeline_get_event_summary (timeline, position));
  chronicle_event_set_category_id (event, chronicle_timeline_get_event_category_id (timeline, position));
  chronicle_event_set_location (event, chronicle_timeline_get_event_location (timeline, position));
  chronicle_event_set_approximate (event, chronicle_timeline_get_event_approximate (timeline, position));
  chronicle_event_set_actors (event, chronicle_timeline_get_event_actors (timeline, position));
  chronicle_event_set_source_ids (event, chronicle_timeline_get_event_source_ids (timeline, position));
  for (guint q = 0; q < chronicle_timeline_get_event_n_quotes (timeline, position); q++)
    chronicle_event_add_quote (event, chronicle_timeline_get_event_quote (timeline, position, q));
  chronicle_event_set_sequence (event,
                                chronicle_event_get_sequence (chronicle_timeline_get_event (timeline, position)));
  return event;
}

/* A timeline's whole content, for comparing before and after. */
typedef struct
{
  char      *title;
  char      *description;
  GPtrArray *events;      /* of ChronicleEvent, detached, in order */
  GPtrArray *categories;  /* of ChronicleCategory (immutable) */
  GPtrArray *eras;
  GPtrArray *sources;
} Snapshot;

static GPtrArray *
list_items (GListModel *list)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  return items;
}

static Snapshot *
snapshot_take (ChronicleTimeline *timeline)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->title = g_strdup (chronicle_timeline_get_title (timeline));
  snapshot->description = g_strdup (chronicle_timeline_get_description (timeline));
  snapshot->events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    g_ptr_array_add (snapshot->events, read_event (timeline, i));
  snapshot->categories = list_items (chronicle_timeline_get_categories (timeline));
  snapshot->eras = list_items (chronicle_timeline_get_eras (timeline));
  snapshot->sources = list_items (chronicle_timeline_get_sources (timeline));
  return snapshot;
}

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->title);
  g_free (snapshot->description);
  g_ptr_array_unref (snapshot->events);
  g_ptr_array_unref (snapshot->categories);
  g_ptr_array_unref (snapshot->eras);
  g_ptr_array_unref (snapshot->sources);
  g_free (snapshot);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Snapshot, snapshot_free)

static void
assert_dates_equal (const ChronicleDate *a,
                    const ChronicleDate *b)
{
  g_assert_true ((a == NULL) == (b == NULL));
  if (a != NULL)
    g_assert_true (chronicle_date_equal (a, b));
}

/* Field by field, so that a failure names the field. */
static void
assert_events_equal (ChronicleEvent *a,
                     ChronicleEvent *b)
{
  g_assert_cmpstr (chronicle_event_get_id (a), ==, chronicle_event_get_id (b));
  g_assert_cmpstr (chronicle_event_get_title (a), ==, chronicle_event_get_title (b));
  assert_dates_equal (chronicle_event_get_date (a), chronicle_event_get_date (b));
  assert_dates_equal (chronicle_event_get_end (a), chronicle_event_get_end (b));
  g_assert_cmpstr (chronicle_event_get_summary (a), ==, chronicle_event_get_summary (b));
  g_assert_cmpstr (chronicle_event_get_category_id (a), ==, chronicle_event_get_category_id (b));
  g_assert_cmpstr (chronicle_event_get_location (a), ==, chronicle_event_get_location (b));
  g_assert_cmpint (chronicle_event_get_approximate (a), ==, chronicle_event_get_approximate (b));
  g_assert_cmpuint (chronicle_event_get_sequence (a), ==, chronicle_event_get_sequence (b));
  g_assert_true (g_strv_equal (chronicle_event_get_actors (a), chronicle_event_get_actors (b)));
  g_assert_true (g_strv_equal (chronicle_event_get_source_ids (a), chronicle_event_get_source_ids (b)));
  g_assert_cmpuint (chronicle_event_get_n_quotes (a), ==, chronicle_event_get_n_quotes (b));
  for (guint q = 0; q < chronicle_event_get_n_quotes (a); q++)
    {
      ChronicleQuote *qa = chronicle_event_get_quote (a, q);
      ChronicleQuote *qb = chronicle_event_get_quote (b, q);

      g_assert_cmpstr (chronicle_quote_get_text (qa), ==, chronicle_quote_get_text (qb));
      g_assert_cmpstr (chronicle_quote_get_speaker (qa), ==, chronicle_quote_get_speaker (qb));
      g_assert_cmpstr (chronicle_quote_get_role (qa), ==, chronicle_quote_get_role (qb));
      g_assert_cmpstr (chronicle_quote_get_source_id (qa), ==, chronicle_quote_get_source_id (qb));
      assert_dates_equal (chronicle_quote_get_date (qa), chronicle_quote_get_date (qb));
    }
}

static void
assert_snapshots_equal (Snapshot *a,
                        Snapshot *b)
{
  g_assert_cmpstr (a->title, ==, b->title);
  g_assert_cmpstr (a->description, ==, b->description);

  g_assert_cmpuint (a->events->len, ==, b->events->len);
  for (guint i = 0; i < a->events->len; i++)
    assert_events_equal (g_ptr_array_index (a->events, i), g_ptr_array_index (b->events, i));

  g_assert_cmpuint (a->categories->len, ==, b->categories->len);
  for (guint i = 0; i < a->categories->len; i++)
    {
      ChronicleCategory *ca = g_ptr_array_index (a->categories, i);
      ChronicleCategory *cb = g_ptr_array_index (b->categories, i);

      g_assert_cmpstr (chronicle_category_get_id (ca), ==, chronicle_category_get_id (cb));
      g_assert_cmpstr (chronicle_category_get_label (ca), ==, chronicle_category_get_label (cb));
      g_assert_cmpstr (chronicle_category_get_color (ca), ==, chronicle_category_get_color (cb));
    }

  g_assert_cmpuint (a->eras->len, ==, b->eras->len);
  for (guint i = 0; i < a->eras->len; i++)
    {
      ChronicleEra *ea = g_ptr_array_index (a->eras, i);
      ChronicleEra *eb = g_ptr_array_index (b->eras, i);

      g_assert_cmpstr (chronicle_era_get_id (ea), ==, chronicle_era_get_id (eb));
      g_assert_cmpstr (chronicle_era_get_label (ea), ==, chronicle_era_get_label (eb));
      assert_dates_equal (chronicle_era_get_start (ea), chronicle_era_get_start (eb));
      assert_dates_equal (chronicle_era_get_end (ea), chronicle_era_get_end (eb));
    }

  g_assert_cmpuint (a->sources->len, ==, b->sources->len);
  for (guint i = 0; i < a->sources->len; i++)
    {
      ChronicleSource *sa = g_ptr_array_index (a->sources, i);
      ChronicleSource *sb = g_ptr_array_index (b->sources, i);

      g_assert_cmpstr (chronicle_source_get_id (sa), ==, chronicle_source_get_id (sb));
      g_assert_cmpstr (chronicle_source_get_publisher (sa), ==, chronicle_source_get_publisher (sb));
      g_assert_cmpstr (chronicle_source_get_title (sa), ==, chronicle_source_get_title (sb));
      g_assert_cmpstr (chronicle_source_get_url (sa), ==, chronicle_source_get_url (sb));
      assert_dates_equal (chronicle_source_get_published (sa), chronicle_source_get_published (sb));
    }
}

/* --- The store's indexes against a scan ------------------------------- */

static gboolean
count_cb (ChronicleTimeline *timeline,
          guint              position,
          ChronicleEvent    *event,
          gpointer           user_data)
{
  GArray *visited = user_data;

  g_array_append_val (visited, position);
  return TRUE;
}

static ChronicleDateKinds
scan_date_kinds (ChronicleTimeline *timeline,
                 guint              i)
{
  const ChronicleDate *end = chronicle_timeline_get_event_end (timeline, i);
  guint precision = chronicle_timeline_get_event_date (timeline, i)->precision;
  ChronicleDateKinds kinds = chronicle_timeline_get_event_approximate (timeline, i) ? CHRONICLE_DATE_KIND_APPROXIMATE : 0;

  if (end != NULL)
    precision = MIN (precision, end->precision);
  if (precision == CHRONICLE_DATE_PRECISION_YEAR)
    return kinds | CHRONICLE_DATE_KIND_YEAR;
  if (precision == CHRONICLE_DATE_PRECISION_MONTH)
    return kinds | CHRONICLE_DATE_KIND_MONTH;
  if (precision == CHRONICLE_DATE_PRECISION_DAY)
    return kinds | CHRONICLE_DATE_KIND_DAY;
  return kinds | (end != NULL ? CHRONICLE_DATE_KIND_TIMED_RANGE : CHRONICLE_DATE_KIND_TIMED_POINT);
}

/* Every index of the store against a brute-force scan: sorted order,
 * times, ids, lower bound, ranges, precisions, kinds, bounds. @rand picks
 * the times probed. */
static void
check_indexes (ChronicleTimeline *timeline,
               GRand             *rand)
{
  guint n = chronicle_timeline_get_n_events (timeline);
  ChronicleDateKinds kinds = 0;
  gint64 max_duration = 0;
  gint64 lo_time = G_MAXINT64, hi_time = G_MININT64;
  int n_offsets = 0, shared = 0, kept = 0;   /* 2 for offsets that differ */

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, n);

  for (guint i = 0; i < n; i++)
    {
      const ChronicleDate *date = chronicle_timeline_get_event_date (timeline, i);
      const ChronicleDate *end = chronicle_timeline_get_event_end (timeline, i);
      gint64 start_time = chronicle_date_get_start (date);
      gint64 end_time = chronicle_date_get_end (date);
      guint position = G_MAXUINT;

      if (end != NULL)
        end_time = MAX (end_time, chronicle_date_get_end (end));
      g_assert_cmpint (chronicle_timeline_get_event_start_time (timeline, i), ==, start_time);
      g_assert_cmpint (chronicle_timeline_get_event_end_time (timeline, i), ==, end_time);

      g_assert_true (chronicle_timeline_lookup_position (timeline, chronicle_timeline_get_event_id (timeline, i),
                                                         &position));
      g_assert_cmpuint (position, ==, i);

      if (i > 0)
        {
          ChronicleEvent *a = chronicle_timeline_get_event (timeline, i - 1);
          ChronicleEvent *b = chronicle_timeline_get_event (timeline, i);

          g_assert_cmpint (chronicle_event_compare (a, b), <, 0);
        }

      for (const ChronicleDate *d = date; d != NULL; d = d == date ? end : NULL)
        if (d->has_offset && d->precision >= CHRONICLE_DATE_PRECISION_MINUTE &&
            (n_offsets == 0 || d->utc_offset != shared))
          {
            n_offsets++;
            shared = d->utc_offset;
          }

      kinds |= scan_date_kinds (timeline, i);
      max_duration = MAX (max_duration, end_time - start_time);
      lo_time = MIN (lo_time, start_time);
      hi_time = MAX (hi_time, end_time);
    }

  g_assert_cmpuint (chronicle_timeline_get_date_kinds (timeline), ==, kinds);
  g_assert_cmpint (chronicle_timeline_get_max_duration (timeline), ==, max_duration);
  /* The zone the timed dates share, kept through every edit. */
  g_assert_cmpint (chronicle_timeline_get_shared_offset (timeline, &kept), ==, n_offsets == 1);
  if (n_offsets == 1)
    g_assert_cmpint (kept, ==, shared);
  if (n == 0)
    return;

  {
    gint64 start, end;

    g_assert_true (chronicle_timeline_get_bounds (timeline, &start, &end));
    g_assert_cmpint (start, ==, lo_time);
    g_assert_cmpint (end, ==, hi_time);
  }

  /* Probes around the data: lower bound, exact ranges, finest precision. */
  for (guint k = 0; k < 12; k++)
    {
      gint64 span = hi_time - lo_time;
      gint64 from = lo_time - span / 10 + (gint64) (g_rand_double (rand) * span * 1.2);
      gint64 to = from + (gint64) (g_rand_double (rand) * span / 4) + 1;
      g_autoptr(GArray) visited = g_array_new (FALSE, FALSE, sizeof (guint));
      guint bound = 0, first, last, expected_count = 0, next = 0;
      guint finest = CHRONICLE_DATE_PRECISION_YEAR;
      gboolean any = FALSE;

      while (bound < n && chronicle_timeline_get_event_start_time (timeline, bound) < from)
        bound++;
      g_assert_cmpuint (chronicle_timeline_lower_bound (timeline, from), ==, bound);

      chronicle_timeline_foreach_in_range (timeline, from, to, count_cb, visited);
      chronicle_timeline_get_range (timeline, from, to, &first, &last);
      for (guint i = 0; i < n; i++)
        {
          gboolean overlaps = chronicle_timeline_get_event_start_time (timeline, i) < to &&
                              chronicle_timeline_get_event_end_time (timeline, i) > from;

          if (!overlaps)
            continue;
          g_assert_cmpuint (i, >=, first);
          g_assert_cmpuint (i, <, last);
          g_assert_cmpuint (next, <, visited->len);
          g_assert_cmpuint (g_array_index (visited, guint, next), ==, i);
          next++;
          expected_count++;
        }
      g_assert_cmpuint (visited->len, ==, expected_count);

      for (guint i = first; i < last; i++)
        {
          const ChronicleDate *end = chronicle_timeline_get_event_end (timeline, i);
          guint p = chronicle_timeline_get_event_date (timeline, i)->precision;

          if (end != NULL)
            p = MAX (p, end->precision);
          finest = MAX (finest, p);
          any = TRUE;
        }
      g_assert_cmpuint (chronicle_timeline_get_finest_precision (timeline, first, last), ==,
                        (any ? finest : CHRONICLE_DATE_PRECISION_YEAR));
    }
}

/* --- A mirror of items-changed --------------------------------------- */

/* The ids a list follower would hold, kept only from items-changed: when
 * it equals the timeline, the signals said exactly what changed. */
static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i,
                        g_strdup (chronicle_timeline_get_event_id (CHRONICLE_TIMELINE (list), position + i)));
}

static GPtrArray *
mirror_new (ChronicleTimeline *timeline)
{
  GPtrArray *mirror = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    g_ptr_array_add (mirror, g_strdup (chronicle_timeline_get_event_id (timeline, i)));
  g_signal_connect (timeline, "items-changed", G_CALLBACK (on_items_changed_cb), mirror);
  return mirror;
}

static void
assert_mirror (ChronicleTimeline *timeline,
               GPtrArray         *mirror)
{
  g_assert_cmpuint (mirror->len, ==, chronicle_timeline_get_n_events (timeline));
  for (guint i = 0; i < mirror->len; i++)
    g_assert_cmpstr (g_ptr_array_index (mirror, i), ==, chronicle_timeline_get_event_id (timeline, i));
}

/* --- Helpers ---------------------------------------------------------- */

static ChronicleDocument *
document_for (ChronicleTimeline *timeline)
{
  ChronicleDocument *document = chronicle_document_new ();

  chronicle_document_set_timeline (document, timeline);
  return document;
}

static ChronicleDate
make_day (int year,
          int month,
          int day)
{
  ChronicleDate date;
  g_autoptr(GError) error = NULL;

  g_assert_true (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_DAY, year, month, day, 0, 0, 0, &error));
  g_assert_no_error (error);
  return date;
}

/* Three events in March 2022 (a, b, c a day apart), categories "war"
 * (used by a) and "talks" (unused), a source "s1" quoted by c, an era. */
static ChronicleTimeline *
make_small_timeline (void)
{
  ChronicleTimeline *timeline = chronicle_timeline_new ("Small");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleCategory) war = chronicle_category_new ("war", "War", "#cc0000");
  g_autoptr(ChronicleCategory) talks = chronicle_category_new ("talks", "Talks", NULL);
  g_autoptr(ChronicleSource) s1 = chronicle_source_new ("s1", "Agency", "Report", "https://example.org/1", NULL);
  ChronicleDate start = make_day (2022, 1, 1), end = make_day (2022, 12, 31);
  g_autoptr(ChronicleEra) era = chronicle_era_new ("y2022", "The year", &start, &end);
  const char *ids[] = { "a", "b", "c" };

  chronicle_timeline_add_category (timeline, war);
  chronicle_timeline_add_category (timeline, talks);
  chronicle_timeline_add_source (timeline, s1);
  chronicle_timeline_add_era (timeline, era);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ChronicleDate date = make_day (2022, 3, 1 + i);
      g_autofree char *title = g_strdup_printf ("Event %s", ids[i]);
      ChronicleEvent *event = chronicle_event_new (ids[i], &date, title);

      chronicle_event_set_sequence (event, i);
      g_ptr_array_add (events, event);
    }
  chronicle_event_set_category_id (g_ptr_array_index (events, 0), "war");
  {
    g_autoptr(ChronicleQuote) quote = chronicle_quote_new ("We talk.", "Someone", NULL, "s1", NULL);

    chronicle_event_add_quote (g_ptr_array_index (events, 2), quote);
  }
  chronicle_timeline_set_events (timeline, events);
  return timeline;
}

static ChronicleEvent *
copy_event (ChronicleDocument *document,
            const char        *id)
{
  ChronicleEvent *event = chronicle_timeline_lookup_event (chronicle_document_get_timeline (document), id);

  g_assert_nonnull (event);
  return chronicle_event_copy (event);
}

/* --- Tests ------------------------------------------------------------ */

static void
test_event_copy (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (200, 7);
  guint checked_quotes = 0;

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      g_autoptr(ChronicleEvent) copy = chronicle_event_copy (event);
      g_autoptr(ChronicleQuote) quote = chronicle_quote_new ("New", NULL, NULL, NULL, NULL);
      g_autofree char *title = g_strdup (chronicle_event_get_title (event));
      guint n_quotes = chronicle_event_get_n_quotes (event);

      g_assert_true (copy != event);
      assert_events_equal (copy, event);
      g_assert_true (chronicle_event_equal (copy, event));
      for (guint q = 0; q < n_quotes; q++, checked_quotes++)
        g_assert_true (chronicle_event_get_quote (copy, q) != chronicle_event_get_quote (event, q));

      /* Detached: changing the copy leaves the event. */
      chronicle_event_set_title (copy, "Changed");
      chronicle_event_add_quote (copy, quote);
      g_assert_cmpstr (chronicle_event_get_title (event), ==, title);
      g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, n_quotes);
      g_assert_false (chronicle_event_equal (copy, event));
    }
  g_assert_cmpuint (checked_quotes, >, 0);
}

static void
test_event_setters (void)
{
  ChronicleDate date = make_day (2022, 3, 1);
  ChronicleDate later = make_day (2023, 1, 1);
  g_autoptr(ChronicleEvent) event = chronicle_event_new ("a", &date, "A");
  g_autoptr(ChronicleQuote) q1 = chronicle_quote_new ("one", NULL, NULL, NULL, NULL);
  g_autoptr(ChronicleQuote) q2 = chronicle_quote_new ("two", NULL, NULL, NULL, NULL);
  gint64 start = chronicle_event_get_start_time (event);

  chronicle_event_set_id (event, "b");
  chronicle_event_set_title (event, "B");
  chronicle_event_set_date (event, &later);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, "b");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "B");
  g_assert_cmpint (chronicle_event_get_start_time (event), >, start);
  g_assert_cmpint (chronicle_event_get_start_time (event), ==, chronicle_date_get_start (&later));

  chronicle_event_insert_quote (event, 0, q2);
  chronicle_event_insert_quote (event, 0, q1);
  g_assert_true (chronicle_event_get_quote (event, 0) == q1);
  g_assert_true (chronicle_event_get_quote (event, 1) == q2);
  chronicle_event_remove_quote (event, 0);
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
  g_assert_true (chronicle_event_get_quote (event, 0) == q2);
}

static guint n_notified;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  n_notified++;
}

static void
test_replace_in_place (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(GPtrArray) mirror = mirror_new (timeline);
  g_autoptr(ChronicleEvent) changed = copy_event (document, "b");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  ChronicleEvent *old_object = chronicle_timeline_lookup_event (timeline, "b");
  ChronicleEvent *new_object;

  g_signal_connect (document, "notify::modified", G_CALLBACK (on_notify_cb), NULL);
  n_notified = 0;

  chronicle_event_set_title (changed, "Event b, corrected");
  chronicle_event_set_summary (changed, "A summary");
  chronicle_event_set_category_id (changed, "talks");
  g_assert_true (chronicle_document_replace_event (document, "b", changed, "Edit Event", &error));
  g_assert_no_error (error);
  assert_mirror (timeline, mirror);

  new_object = chronicle_timeline_lookup_event (timeline, "b");
  g_assert_true (new_object != old_object);
  g_assert_true (new_object != changed);
  g_assert_cmpstr (chronicle_event_get_title (new_object), ==, "Event b, corrected");
  g_assert_cmpstr (chronicle_event_get_summary (new_object), ==, "A summary");
  g_assert_cmpstr (chronicle_timeline_get_event_category_id (timeline, 1), ==, "talks");
  /* The edited event is selected, the object the filtered timeline has. */
  g_assert_true (chronicle_document_get_selected_event (document) == new_object);

  g_assert_true (chronicle_document_get_modified (document));
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_true (chronicle_document_get_can_undo (document));
  g_assert_false (chronicle_document_get_can_redo (document));
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Edit Event");
  g_assert_null (chronicle_document_get_redo_label (document));

  /* The caller's copy stays the caller's. */
  chronicle_event_set_title (changed, "Changed later");
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 1), ==, "Event b, corrected");

  chronicle_document_undo (document);
  assert_mirror (timeline, mirror);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 1), ==, "Event b");
  g_assert_null (chronicle_timeline_get_event_summary (timeline, 1));
  g_assert_null (chronicle_timeline_get_event_category_id (timeline, 1));
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_cmpuint (n_notified, ==, 2);
  g_assert_cmpstr (chronicle_document_get_redo_label (document), ==, "Redo Edit Event");
  g_assert_null (chronicle_document_get_undo_label (document));

  chronicle_document_redo (document);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 1), ==, "Event b, corrected");
  check_indexes (timeline, rand);
  g_signal_handlers_disconnect_by_data (timeline, mirror);
}

static guint last_position, last_removed, last_added, n_changes;

static void
on_record_changes_cb (GListModel *list,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  last_position = position;
  last_removed = removed;
  last_added = added;
  n_changes++;
}

static void
test_replace_items_changed (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(ChronicleEvent) changed = copy_event (document, "b");
  g_autoptr(GError) error = NULL;

  g_signal_connect (timeline, "items-changed", G_CALLBACK (on_record_changes_cb), NULL);

  /* A change that keeps the sort keys: one (1, 1, 1). */
  n_changes = 0;
  chronicle_event_set_location (changed, "Istanbul");
  g_assert_true (chronicle_document_replace_event (document, "b", changed, NULL, &error));
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (last_position, ==, 1);
  g_assert_cmpuint (last_removed, ==, 1);
  g_assert_cmpuint (last_added, ==, 1);

  /* An edit that changes nothing records nothing. */
  n_changes = 0;
  g_assert_true (chronicle_document_replace_event (document, "b", changed, NULL, &error));
  g_assert_cmpuint (n_changes, ==, 0);
  chronicle_document_undo (document);
  g_assert_false (chronicle_document_get_can_undo (document));
  chronicle_document_redo (document);

  g_signal_handlers_disconnect_by_func (timeline, on_record_changes_cb, NULL);
}

static void
test_move (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(GPtrArray) mirror = mirror_new (timeline);
  g_autoptr(ChronicleEvent) changed = copy_event (document, "a");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  ChronicleDate later = make_day (2022, 3, 10);
  guint position;

  chronicle_event_set_date (changed, &later);
  g_assert_true (chronicle_document_replace_event (document, "a", changed, "Move Event", &error));
  g_assert_no_error (error);
  assert_mirror (timeline, mirror);
  check_indexes (timeline, rand);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "a", &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_cmpstr (chronicle_timeline_get_event_id (timeline, 0), ==, "b");
  /* Its place in the file stays. */
  g_assert_cmpuint (chronicle_event_get_sequence (chronicle_timeline_get_event (timeline, 2)), ==, 0);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_document_get_selected_event (document)), ==, "a");
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Move Event");

  chronicle_document_undo (document);
  assert_mirror (timeline, mirror);
  check_indexes (timeline, rand);
  g_assert_cmpstr (chronicle_timeline_get_event_id (timeline, 0), ==, "a");
  g_assert_cmpstr (chronicle_document_get_redo_label (document), ==, "Redo Move Event");

  /* A new id is a move in the id table. */
  g_clear_object (&changed);
  changed = copy_event (document, "a");
  chronicle_event_set_id (changed, "renamed");
  g_assert_true (chronicle_document_replace_event (document, "a", changed, NULL, &error));
  g_assert_false (chronicle_timeline_lookup_position (timeline, "a", NULL));
  g_assert_true (chronicle_timeline_lookup_position (timeline, "renamed", &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (chronicle_document_get_can_redo (document));
  assert_mirror (timeline, mirror);
  check_indexes (timeline, rand);
  chronicle_document_undo (document);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "a", NULL));
  g_assert_false (chronicle_timeline_lookup_position (timeline, "renamed", NULL));
  g_signal_handlers_disconnect_by_data (timeline, mirror);
}

static void
test_add_remove (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(GPtrArray) mirror = mirror_new (timeline);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(Snapshot) original = snapshot_take (timeline);
  ChronicleDate date = make_day (2022, 3, 2);
  g_autoptr(ChronicleEvent) event = chronicle_event_new ("", &date, "Added");
  g_autoptr(ChronicleEvent) duplicate = copy_event (document, "b");
  g_autofree char *id = NULL;
  g_autofree char *dup_id = NULL;
  guint position;

  id = chronicle_document_add_event (document, event, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpstr (id, !=, "");
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Add Event");
  g_assert_true (chronicle_timeline_lookup_position (timeline, id, &position));
  /* After "b" of the same day: it goes at the end of the file. */
  g_assert_cmpuint (position, ==, 2);
  g_assert_cmpuint (chronicle_event_get_sequence (chronicle_timeline_get_event (timeline, position)), ==, 3);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_document_get_selected_event (document)), ==, id);
  assert_mirror (timeline, mirror);
  check_indexes (timeline, rand);

  /* A duplicate keeps its fields, with a fresh id. */
  dup_id = chronicle_document_add_event (document, duplicate, "Duplicate Event", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dup_id, !=, "b");
  g_assert_cmpstr (dup_id, !=, id);
  g_assert_cmpstr (chronicle_timeline_lookup_event (timeline, dup_id) == NULL ? NULL : "found", ==, "found");
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Duplicate Event");
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 5);

  g_assert_true (chronicle_document_remove_event (document, "a", &error));
  g_assert_no_error (error);
  g_assert_false (chronicle_timeline_lookup_position (timeline, "a", NULL));
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Delete Event");
  assert_mirror (timeline, mirror);
  check_indexes (timeline, rand);

  /* Removing the selected event leaves nothing selected. */
  g_assert_true (chronicle_document_select_id (document, "c"));
  g_assert_true (chronicle_document_remove_event (document, "c", &error));
  g_assert_null (chronicle_document_get_selected_event (document));

  for (guint i = 0; i < 4; i++)
    chronicle_document_undo (document);
  g_assert_false (chronicle_document_get_can_undo (document));
  g_assert_false (chronicle_document_get_modified (document));
  assert_mirror (timeline, mirror);
  check_indexes (timeline, rand);
  {
    g_autoptr(Snapshot) now = snapshot_take (timeline);

    assert_snapshots_equal (original, now);
  }
  g_signal_handlers_disconnect_by_data (timeline, mirror);
}

static void
test_errors (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(Snapshot) original = snapshot_take (timeline);
  g_autoptr(ChronicleEvent) changed = copy_event (document, "a");
  g_autoptr(ChronicleEvent) backwards = copy_event (document, "a");
  g_autoptr(ChronicleEvent) no_id = copy_event (document, "a");
  g_autoptr(GError) error = NULL;
  ChronicleDate before = make_day (2021, 1, 1);

  g_assert_false (chronicle_document_replace_event (document, "nope", changed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nope"));
  g_clear_error (&error);

  g_assert_false (chronicle_document_remove_event (document, "nope", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  chronicle_event_set_id (changed, "b");
  g_assert_false (chronicle_document_replace_event (document, "a", changed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  chronicle_event_set_end (backwards, &before);
  g_assert_false (chronicle_document_replace_event (document, "a", backwards, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (chronicle_document_add_event (document, backwards, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  chronicle_event_set_id (no_id, "");
  g_assert_false (chronicle_document_replace_event (document, "a", no_id, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (chronicle_document_remove_category (document, "war", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (chronicle_document_remove_source (document, "s1", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_error (&error);
  g_assert_false (chronicle_document_remove_category (document, "nope", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (chronicle_document_remove_era (document, "nope", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Nothing changed, nothing recorded. */
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_false (chronicle_document_get_can_undo (document));
  {
    g_autoptr(Snapshot) now = snapshot_take (timeline);

    assert_snapshots_equal (original, now);
  }

  /* A document without a timeline refuses, and says why. */
  {
    g_autoptr(ChronicleDocument) empty = chronicle_document_new ();

    g_assert_false (chronicle_document_remove_event (empty, "a", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);
  }
}

static void
test_timeline_fields (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);

  g_signal_connect (timeline, "notify::title", G_CALLBACK (on_notify_cb), NULL);
  n_notified = 0;

  chronicle_document_set_timeline_title (document, "Renamed");
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "Renamed");
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Renamed");
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Change Title");

  /* The same title again is no step. */
  chronicle_document_set_timeline_title (document, "Renamed");
  chronicle_document_set_timeline_description (document, "About it");
  g_assert_cmpstr (chronicle_timeline_get_description (timeline), ==, "About it");
  chronicle_document_set_timeline_description (document, NULL);
  g_assert_null (chronicle_timeline_get_description (timeline));

  chronicle_document_undo (document);
  g_assert_cmpstr (chronicle_timeline_get_description (timeline), ==, "About it");
  chronicle_document_undo (document);
  g_assert_null (chronicle_timeline_get_description (timeline));
  chronicle_document_undo (document);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "Small");
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Small");
  g_assert_false (chronicle_document_get_can_undo (document));
  g_signal_handlers_disconnect_by_func (timeline, on_notify_cb, NULL);
}

static void
test_categories_eras_sources (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(Snapshot) original = snapshot_take (timeline);
  g_autoptr(ChronicleCategory) recoloured = chronicle_category_new ("war", "War", "#0000cc");
  g_autoptr(ChronicleCategory) added = chronicle_category_new ("peace", "Peace", "#00cc00");
  g_autoptr(ChronicleSource) source = chronicle_source_new ("s2", NULL, "Another", NULL, NULL);
  ChronicleDate start = make_day (2022, 3, 1);
  g_autoptr(ChronicleEra) era = chronicle_era_new ("march", "March", &start, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *categories = chronicle_timeline_get_categories (timeline);

  g_signal_connect (categories, "items-changed", G_CALLBACK (on_record_changes_cb), NULL);

  n_changes = 0;
  g_assert_true (chronicle_document_put_category (document, recoloured, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (last_position, ==, 0);
  g_assert_cmpuint (last_removed, ==, 1);
  g_assert_cmpuint (last_added, ==, 1);
  g_assert_cmpstr (chronicle_category_get_color (chronicle_timeline_lookup_category (timeline, "war")), ==, "#0000cc");
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "talks"), ==, 1);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Edit Category");

  /* The same values again are no step. */
  {
    g_autoptr(ChronicleCategory) same = chronicle_category_new ("war", "War", "#0000cc");
    g_autoptr(ChronicleEra) same_era = chronicle_era_new ("y2022", "The year", &start, NULL);

    n_changes = 0;
    g_assert_true (chronicle_document_put_category (document, same, &error));
    g_assert_cmpuint (n_changes, ==, 0);
    g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Edit Category");
    /* ... but other dates are. */
    g_assert_true (chronicle_document_put_era (document, same_era, &error));
    g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Edit Era");
    chronicle_document_undo (document);
  }

  g_assert_true (chronicle_document_put_category (document, added, &error));
  g_assert_cmpuint (last_position, ==, 2);
  g_assert_cmpuint (last_added, ==, 1);
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "peace"), ==, 2);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Add Category");

  /* "talks" is unused: it goes, and the index of "peace" follows. */
  g_assert_true (chronicle_document_remove_category (document, "talks", &error));
  g_assert_no_error (error);
  g_assert_null (chronicle_timeline_lookup_category (timeline, "talks"));
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "peace"), ==, 1);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Delete Category");

  g_signal_connect (chronicle_timeline_get_eras (timeline), "items-changed", G_CALLBACK (on_record_changes_cb), NULL);
  g_signal_connect (chronicle_timeline_get_sources (timeline), "items-changed", G_CALLBACK (on_record_changes_cb), NULL);
  n_changes = 0;
  g_assert_true (chronicle_document_put_era (document, era, &error));
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_eras (timeline)), ==, 2);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpuint (last_position, ==, 1);
  g_assert_cmpuint (last_added, ==, 1);
  g_assert_true (chronicle_document_remove_era (document, "y2022", &error));
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_eras (timeline)), ==, 1);
  g_assert_cmpuint (n_changes, ==, 2);
  g_assert_cmpuint (last_position, ==, 0);
  g_assert_cmpuint (last_removed, ==, 1);
  g_assert_cmpuint (last_added, ==, 0);

  g_assert_true (chronicle_document_put_source (document, source, &error));
  g_assert_nonnull (chronicle_timeline_lookup_source (timeline, "s2"));
  g_assert_cmpuint (n_changes, ==, 3);
  g_assert_true (chronicle_document_remove_source (document, "s2", &error));
  g_assert_null (chronicle_timeline_lookup_source (timeline, "s2"));
  g_assert_nonnull (chronicle_timeline_lookup_source (timeline, "s1"));
  g_assert_cmpuint (n_changes, ==, 4);
  g_assert_cmpuint (last_position, ==, 1);
  g_assert_cmpuint (last_removed, ==, 1);

  while (chronicle_document_get_can_undo (document))
    chronicle_document_undo (document);
  {
    g_autoptr(Snapshot) now = snapshot_take (timeline);

    assert_snapshots_equal (original, now);
  }
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "war"), ==, 0);
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "talks"), ==, 1);
  g_assert_cmpuint (chronicle_timeline_get_category_index (timeline, "peace"), ==, G_MAXUINT);
  g_assert_null (chronicle_timeline_lookup_source (timeline, "s2"));
  g_signal_handlers_disconnect_by_func (categories, on_record_changes_cb, NULL);
  g_signal_handlers_disconnect_by_func (chronicle_timeline_get_eras (timeline), on_record_changes_cb, NULL);
  g_signal_handlers_disconnect_by_func (chronicle_timeline_get_sources (timeline), on_record_changes_cb, NULL);
}

static void
test_groups (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(Snapshot) original = snapshot_take (timeline);
  g_autoptr(GError) error = NULL;
  ChronicleDate date = make_day (2022, 4, 1);

  /* An empty group is no step. */
  chronicle_document_begin_group (document, "Nothing");
  chronicle_document_end_group (document);
  g_assert_false (chronicle_document_get_can_undo (document));

  chronicle_document_begin_group (document, "Add 3 Events");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ChronicleEvent) event = chronicle_event_new ("", &date, "From the article");
      g_autofree char *id = chronicle_document_add_event (document, event, NULL, &error);

      g_assert_no_error (error);
      /* Modified and undoable from the first edit of the group. */
      g_assert_true (chronicle_document_get_modified (document));
      g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Add 3 Events");
    }
  /* Nested: joins the outer group. */
  chronicle_document_begin_group (document, "Inner");
  {
    g_autoptr(ChronicleEvent) event = chronicle_event_new ("", &date, "Third");
    g_autofree char *id = chronicle_document_add_event (document, event, NULL, &error);

    g_assert_no_error (error);
  }
  chronicle_document_set_timeline_title (document, "Grouped");
  chronicle_document_end_group (document);
  chronicle_document_end_group (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 6);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Add 3 Events");

  chronicle_document_undo (document);
  g_assert_false (chronicle_document_get_can_undo (document));
  g_assert_false (chronicle_document_get_modified (document));
  {
    g_autoptr(Snapshot) now = snapshot_take (timeline);

    assert_snapshots_equal (original, now);
  }
  g_assert_cmpstr (chronicle_document_get_redo_label (document), ==, "Redo Add 3 Events");
  chronicle_document_redo (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 6);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "Grouped");
  chronicle_document_undo (document);

  /* One event changed by every edit of a group: undo must take them
   * back last first. */
  chronicle_document_begin_group (document, "Rework");
  {
    g_autoptr(ChronicleEvent) retitled = copy_event (document, "a");
    g_autoptr(ChronicleEvent) renamed = NULL;

    chronicle_event_set_title (retitled, "A1");
    g_assert_true (chronicle_document_replace_event (document, "a", retitled, NULL, &error));
    renamed = copy_event (document, "a");
    chronicle_event_set_id (renamed, "a2");
    chronicle_event_set_date (renamed, &date);
    g_assert_true (chronicle_document_replace_event (document, "a", renamed, NULL, &error));
    g_assert_true (chronicle_document_remove_event (document, "a2", &error));
    g_assert_no_error (error);
  }
  chronicle_document_end_group (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  chronicle_document_undo (document);
  {
    g_autoptr(Snapshot) now = snapshot_take (timeline);

    assert_snapshots_equal (original, now);
  }
  chronicle_document_redo (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  g_assert_false (chronicle_timeline_lookup_position (timeline, "a", NULL));
}

static void
on_edited_cb (guint *n_edited)
{
  (*n_edited)++;
}

static void
test_modified (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);

  g_assert_false (chronicle_document_get_modified (document));
  chronicle_document_set_timeline_title (document, "One");
  chronicle_document_set_timeline_title (document, "Two");
  g_assert_true (chronicle_document_get_modified (document));

  chronicle_document_mark_saved (document);
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_true (chronicle_document_get_can_undo (document));

  /* Undo after a save is a change; back at the saved point it is not. */
  chronicle_document_undo (document);
  g_assert_true (chronicle_document_get_modified (document));
  chronicle_document_redo (document);
  g_assert_false (chronicle_document_get_modified (document));
  chronicle_document_set_timeline_title (document, "Three");
  g_assert_true (chronicle_document_get_modified (document));
  chronicle_document_undo (document);
  g_assert_false (chronicle_document_get_modified (document));

  /* Every edit, undo and redo says so. */
  {
    guint n_edited = 0;
    gulong handler = g_signal_connect_swapped (document, "edited", G_CALLBACK (on_edited_cb), &n_edited);

    chronicle_document_set_timeline_title (document, "Four");
    chronicle_document_undo (document);
    chronicle_document_redo (document);
    chronicle_document_undo (document);
    chronicle_document_set_timeline_title (document, "Two");   /* no change */
    g_assert_cmpuint (n_edited, ==, 4);
    g_signal_handler_disconnect (document, handler);
  }

  /* Back before the save, then a new edit: the saved point is gone, no
   * undo or redo reaches it. */
  chronicle_document_undo (document);
  chronicle_document_set_timeline_title (document, "Other");
  g_assert_true (chronicle_document_get_modified (document));
  chronicle_document_undo (document);
  g_assert_true (chronicle_document_get_modified (document));
  chronicle_document_undo (document);
  g_assert_true (chronicle_document_get_modified (document));

  /* A recovered document: modified, with nothing to undo, until saved. */
  {
    g_autoptr(ChronicleTimeline) recovered = make_small_timeline ();
    g_autoptr(ChronicleDocument) other = document_for (recovered);

    chronicle_document_mark_unsaved (other);
    g_assert_true (chronicle_document_get_modified (other));
    g_assert_false (chronicle_document_get_can_undo (other));
    chronicle_document_mark_saved (other);
    g_assert_false (chronicle_document_get_modified (other));
  }
}

static void
test_new_untitled (void)
{
  g_autoptr(ChronicleDocument) document = chronicle_document_new_untitled ();
  g_autoptr(ChronicleDocument) opened = chronicle_document_new ();
  ChronicleDate date = make_day (2025, 5, 16);
  g_autoptr(ChronicleEvent) event = chronicle_event_new ("first", &date, "First");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_assert_true (chronicle_document_get_new (document));
  g_assert_false (chronicle_document_get_new (opened));
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_nonnull (chronicle_document_get_timeline (document));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, 0);
  g_assert_null (chronicle_document_get_file (document));
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Untitled Timeline");

  id = chronicle_document_add_event (document, event, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "first");
  g_assert_true (chronicle_document_get_modified (document));

  g_signal_connect (document, "notify::new", G_CALLBACK (on_notify_cb), NULL);
  n_notified = 0;
  chronicle_document_mark_saved (document);
  g_assert_false (chronicle_document_get_new (document));
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_cmpuint (n_notified, ==, 1);
}

static void
test_selection_with_filter (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_small_timeline ();
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(ChronicleEvent) changed = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleTimeline *filtered;
  ChronicleEvent *selected;

  /* Hide "war" (a): the filtered timeline holds b and c. */
  chronicle_filter_set_category_hidden (chronicle_document_get_filter (document), "war", TRUE);
  filtered = chronicle_document_get_filtered_timeline (document);
  g_assert_true (filtered != timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 2);
  g_assert_true (chronicle_document_select_id (document, "c"));

  /* Editing b keeps c selected (by id), in a new filtered timeline with
   * the new b. */
  changed = copy_event (document, "b");
  chronicle_event_set_title (changed, "B!");
  g_assert_true (chronicle_document_replace_event (document, "b", changed, NULL, &error));
  filtered = chronicle_document_get_filtered_timeline (document);
  g_assert_cmpstr (chronicle_timeline_get_event_title (filtered, 0), ==, "B!");
  selected = chronicle_document_get_selected_event (document);
  g_assert_cmpstr (chronicle_event_get_id (selected), ==, "b");
  g_assert_true (chronicle_timeline_find_event (filtered, selected, NULL));

  /* Moving b into a hidden category hides it: nothing selected. */
  g_clear_object (&changed);
  changed = copy_event (document, "b");
  chronicle_event_set_category_id (changed, "war");
  g_assert_true (chronicle_document_replace_event (document, "b", changed, NULL, &error));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_filtered_timeline (document)), ==, 1);
  g_assert_null (chronicle_document_get_selected_event (document));

  chronicle_document_select_id (document, "c");
  chronicle_document_undo (document);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_document_get_selected_event (document)), ==, "b");
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_filtered_timeline (document)), ==, 2);
}

static gboolean
is_idle (ChronicleDocument *document)
{
  return !chronicle_document_get_loading (document) && chronicle_document_get_timeline (document) != NULL;
}

static void
wait_idle (ChronicleDocument *document)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!is_idle (document) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (is_idle (document));
}

static void
test_reload_clears_history (void)
{
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  g_autofree char *path = chronicle_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChronicleTimeline *loaded;

  chronicle_document_load_file (document, file);
  wait_idle (document);
  loaded = chronicle_document_get_timeline (document);
  chronicle_document_set_timeline_title (document, "Edited");
  g_assert_true (chronicle_document_get_can_undo (document));
  g_assert_true (chronicle_document_get_modified (document));

  chronicle_document_reload (document);
  wait_idle (document);
  g_assert_true (chronicle_document_get_timeline (document) != loaded);
  g_assert_false (chronicle_document_get_can_undo (document));
  g_assert_false (chronicle_document_get_can_redo (document));
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_null (chronicle_document_get_undo_label (document));
}

/* The store alone: an id held twice (only another caller than the loader
 * can make one) is found again after the event that held it goes. */
static void
test_store_duplicate_ids (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new (NULL);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  guint position;

  for (guint i = 0; i < 3; i++)
    {
      ChronicleDate date = make_day (2022, 3, 1 + i);
      ChronicleEvent *event = chronicle_event_new (i == 1 ? "other" : "twice", &date, "Event");

      chronicle_event_set_sequence (event, i);
      g_ptr_array_add (events, event);
    }
  chronicle_timeline_set_events (timeline, events);

  g_assert_true (chronicle_timeline_lookup_position (timeline, "twice", &position));
  g_assert_cmpuint (position, ==, 0);
  chronicle_timeline_remove_event_at (timeline, 0);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "twice", &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "other", &position));
  g_assert_cmpuint (position, ==, 0);
  check_indexes (timeline, rand);
}

/* Editing an event, its quote and a category keeps what the file had
 * beyond the model: saving writes the unknown members back. */
static void
test_keeps_what_file_had (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("ok-unknown-members.json");
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(ChronicleEvent) changed = copy_event (document, "a");
  g_autoptr(ChronicleCategory) relabelled = chronicle_category_new ("talks", "Negotiations", NULL);
  g_autoptr(ChronicleQuote) quote = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  const char * const members[] = { "\"confidence\"", "\"tags\"", "\"icon\"", "\"timestamp\"",
                                   "\"paywall\"", "\"shade\"" };

  g_assert_nonnull (chronicle_kept_get (chronicle_timeline_lookup_event (timeline, "a")));
  g_assert_true (chronicle_kept_get (changed) == chronicle_kept_get (chronicle_timeline_lookup_event (timeline, "a")));

  /* The quote moves to the front of a new one, as the editor reorders. */
  quote = chronicle_quote_copy (chronicle_event_get_quote (changed, 0));
  g_assert_nonnull (chronicle_kept_get (quote));
  chronicle_event_remove_quote (changed, 0);
  {
    g_autoptr(ChronicleQuote) added = chronicle_quote_new ("New words.", NULL, NULL, NULL, NULL);

    chronicle_event_add_quote (changed, added);
  }
  chronicle_event_insert_quote (changed, 0, quote);
  chronicle_event_set_title (changed, "Talks, corrected");
  g_assert_true (chronicle_document_replace_event (document, "a", changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (chronicle_document_put_category (document, relabelled, &error));
  g_assert_no_error (error);
  /* The caller's category is left as it was. */
  g_assert_null (chronicle_kept_get (relabelled));

  saved = chronicle_timeline_to_data (timeline, NULL);
  g_assert_nonnull (strstr (saved, "Talks, corrected"));
  g_assert_nonnull (strstr (saved, "Negotiations"));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_nonnull (strstr (saved, members[i]));
}

/* An event's media (issue #14) go with every copy and edit: an edit of
 * another field keeps them, undo and a snapshot give them back, and the
 * store forgets them with the event. */
static void
test_keeps_media (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("ok-media.json");
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(ChronicleEvent) changed = copy_event (document, "photo");
  g_autoptr(ChronicleEvent) copy = NULL;
  g_autoptr(ChronicleTimeline) snapshot = NULL;
  g_autoptr(ChronicleMedia) extra = chronicle_media_new ("https://example.org/c.jpg", "C", NULL, NULL, NULL);
  ChronicleEvent *original = chronicle_timeline_lookup_event (timeline, "photo");
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  gsize memory;
  guint position;

  /* A deep copy, equal; another medium makes it differ. */
  g_assert_cmpuint (chronicle_event_get_n_media (changed), ==, 2);
  g_assert_true (chronicle_event_get_media (changed, 0) != chronicle_event_get_media (original, 0));
  g_assert_true (chronicle_event_equal (changed, original));
  copy = chronicle_event_copy (changed);
  chronicle_event_add_media (copy, extra);
  g_assert_false (chronicle_event_equal (copy, original));
  chronicle_event_remove_media (copy, 2);
  g_assert_true (chronicle_event_equal (copy, original));
  chronicle_event_remove_media (copy, 0);
  g_assert_false (chronicle_event_equal (copy, original));

  /* An edit of the title keeps the media, in the store too. */
  chronicle_event_set_title (changed, "Talks, corrected");
  g_assert_true (chronicle_document_replace_event (document, "photo", changed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "photo", &position));
  g_assert_cmpuint (chronicle_timeline_get_event_n_media (timeline, position), ==, 2);
  g_assert_cmpstr (chronicle_media_get_caption (chronicle_timeline_get_event_media (timeline, position, 0)), ==,
                   "Delegations at the table");
  saved = chronicle_timeline_to_data (timeline, NULL);
  g_assert_nonnull (strstr (saved, "Talks, corrected"));
  g_assert_nonnull (strstr (saved, "\"credit\": \"Jane Doe/Example Agency\""));
  g_assert_nonnull (strstr (saved, "\"link_target\": \"_blank\""));

  /* A snapshot for another thread has them. */
  snapshot = chronicle_timeline_snapshot (timeline);
  g_assert_true (chronicle_event_equal (chronicle_timeline_lookup_event (snapshot, "photo"),
                                        chronicle_timeline_lookup_event (timeline, "photo")));

  /* Gone with their event: the memory the store counts falls. */
  memory = chronicle_timeline_get_event_memory (timeline);
  chronicle_timeline_remove_event_at (timeline, position);
  g_assert_cmpuint (chronicle_timeline_get_event_memory (timeline), <, memory);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "none", &position));
  g_assert_cmpuint (chronicle_timeline_get_event_n_media (timeline, position), ==, 0);
}

/* --- Random sequences ------------------------------------------------- */

typedef struct
{
  ChronicleDocument *document;
  ChronicleTimeline *timeline;
  guint              n_made;    /* for unique new ids and labels */
} Random;

static guint
random_index (guint n)
{
  return (guint) g_test_rand_int_range (0, (gint32) n);
}

static ChronicleEvent *
random_stored_copy (Random  *r,
                    char   **id)
{
  guint n = chronicle_timeline_get_n_events (r->timeline);
  guint position = random_index (n);

  *id = g_strdup (chronicle_timeline_get_event_id (r->timeline, position));
  return chronicle_event_copy (chronicle_timeline_get_event (r->timeline, position));
}

/* Moves @event by a random number of days (keeping its precision, as a
 * drag snaps to it), or changes its precision. */
static void
random_move (ChronicleEvent *event)
{
  const ChronicleDate *date = chronicle_event_get_date (event);
  const ChronicleDate *end = chronicle_event_get_end (event);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (chronicle_date_get_start (date));
  g_autoptr(GDateTime) moved = g_date_time_add_days (utc, g_test_rand_int_range (-400, 400));
  guint precision = g_test_rand_bit () ? date->precision : (guint) g_test_rand_int_range (0, 5);
  ChronicleDate new_date;

  g_assert_true (chronicle_date_init (&new_date, precision,
                                      g_date_time_get_year (moved), g_date_time_get_month (moved),
                                      g_date_time_get_day_of_month (moved), g_date_time_get_hour (moved),
                                      g_date_time_get_minute (moved), g_date_time_get_second (moved), NULL));
  chronicle_event_set_date (event, &new_date);
  /* An end that now comes first goes: the loader would refuse it. */
  if (end != NULL && chronicle_date_get_start (end) < chronicle_date_get_start (&new_date))
    chronicle_event_set_end (event, NULL);
}

static void
random_change_fields (Random         *r,
                      ChronicleEvent *event)
{
  g_autofree char *text = g_strdup_printf ("Changed %u", r->n_made++);
  GListModel *categories = chronicle_timeline_get_categories (r->timeline);

  switch (g_test_rand_int_range (0, 9))
    {
    case 0:
      chronicle_event_set_title (event, text);
      break;
    case 1:
      chronicle_event_set_summary (event, g_test_rand_bit () ? text : NULL);
      break;
    case 2:
      if (g_list_model_get_n_items (categories) > 0 && g_test_rand_bit ())
        {
          g_autoptr(ChronicleCategory) category =
            g_list_model_get_item (categories, random_index (g_list_model_get_n_items (categories)));

          chronicle_event_set_category_id (event, chronicle_category_get_id (category));
        }
      else
        chronicle_event_set_category_id (event, NULL);
      break;
    case 3:
      chronicle_event_set_approximate (event, !chronicle_event_get_approximate (event));
      break;
    case 4:
      {
        const char *actors[] = { text, "Someone", NULL };

        chronicle_event_set_actors (event, g_test_rand_bit () ? actors : NULL);
        chronicle_event_set_location (event, g_test_rand_bit () ? text : NULL);
      }
      break;
    case 5:
      if (chronicle_event_get_n_quotes (event) > 0 && g_test_rand_bit ())
        chronicle_event_remove_quote (event, random_index (chronicle_event_get_n_quotes (event)));
      else
        {
          g_autoptr(ChronicleQuote) quote = chronicle_quote_new (text, "Speaker", "Role", NULL, NULL);

          chronicle_event_insert_quote (event, random_index (chronicle_event_get_n_quotes (event) + 1), quote);
        }
      break;
    case 6:
      {
        ChronicleDate end;

        if (chronicle_event_get_end (event) != NULL)
          chronicle_event_set_end (event, NULL);
        else
          {
            g_autoptr(GDateTime) start = g_date_time_new_from_unix_utc (chronicle_event_get_start_time (event));
            g_autoptr(GDateTime) later = g_date_time_add_days (start, g_test_rand_int_range (1, 60));

            g_assert_true (chronicle_date_init (&end, CHRONICLE_DATE_PRECISION_DAY, g_date_time_get_year (later),
                                                g_date_time_get_month (later),
                                                g_date_time_get_day_of_month (later), 0, 0, 0, NULL));
            chronicle_event_set_end (event, &end);
          }
      }
      break;
    case 7:
      {
        g_autofree char *id = g_strdup_printf ("renamed-%u", r->n_made++);

        chronicle_event_set_id (event, id);
      }
      break;
    default:
      random_move (event);
      break;
    }
}

/* Checks a successful edit's effect on the event it made. */
static void
assert_stored (Random         *r,
               const char     *id,
               ChronicleEvent *expected)
{
  guint position;
  g_autoptr(ChronicleEvent) stored = NULL;

  g_assert_true (chronicle_timeline_lookup_position (r->timeline, id, &position));
  stored = read_event (r->timeline, position);
  chronicle_event_set_sequence (expected, chronicle_event_get_sequence (stored));
  chronicle_event_set_id (expected, id);
  assert_events_equal (stored, expected);
  /* The object the window would get agrees with the record. */
  assert_events_equal (chronicle_timeline_get_event (r->timeline, position), expected);
}

static void
random_edit (Random *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *text = g_strdup_printf ("Made %u", r->n_made++);
  guint n = chronicle_timeline_get_n_events (r->timeline);
  int kind = g_test_rand_int_range (0, 100);

  if (kind < 40 && n > 0)
    {
      g_autoptr(ChronicleEvent) changed = random_stored_copy (r, &id);

      random_change_fields (r, changed);
      if (g_test_rand_bit ())
        random_change_fields (r, changed);
      g_assert_true (chronicle_document_replace_event (r->document, id, changed, NULL, &error));
      g_assert_no_error (error);
      assert_stored (r, chronicle_event_get_id (changed), changed);
    }
  else if (kind < 60)
    {
      g_autoptr(ChronicleEvent) event = NULL;
      g_autofree char *new_id = NULL;

      if (n > 0 && g_test_rand_bit ())
        {
          /* Duplicate: same id, so a fresh one. */
          event = random_stored_copy (r, &id);
          random_move (event);
        }
      else
        {
          ChronicleDate date = make_day (g_test_rand_int_range (2010, 2030), g_test_rand_int_range (1, 13),
                                         g_test_rand_int_range (1, 29));

          event = chronicle_event_new ("", &date, text);
        }
      new_id = chronicle_document_add_event (r->document, event, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (chronicle_timeline_get_n_events (r->timeline), ==, n + 1);
      assert_stored (r, new_id, event);
    }
  else if (kind < 80 && n > 0)
    {
      g_autoptr(ChronicleEvent) gone = random_stored_copy (r, &id);

      g_assert_true (chronicle_document_remove_event (r->document, id, &error));
      g_assert_no_error (error);
      g_assert_false (chronicle_timeline_lookup_position (r->timeline, id, NULL));
      g_assert_cmpuint (chronicle_timeline_get_n_events (r->timeline), ==, n - 1);
    }
  else if (kind < 84)
    chronicle_document_set_timeline_title (r->document, g_test_rand_bit () ? text : NULL);
  else if (kind < 87)
    chronicle_document_set_timeline_description (r->document, g_test_rand_bit () ? text : NULL);
  else if (kind < 92)
    {
      GListModel *categories = chronicle_timeline_get_categories (r->timeline);
      guint n_categories = g_list_model_get_n_items (categories);

      if (n_categories > 0 && g_test_rand_bit ())
        {
          g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, random_index (n_categories));
          const char *category_id = chronicle_category_get_id (category);
          guint uses = chronicle_timeline_count_category_uses (r->timeline, category_id);
          gboolean removed = chronicle_document_remove_category (r->document, category_id, &error);

          g_assert_cmpint (removed, ==, uses == 0);
          if (!removed)
            g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
        }
      else
        {
          g_autofree char *category_id = NULL;
          g_autoptr(ChronicleCategory) category = NULL;

          if (n_categories > 0 && g_test_rand_bit ())
            {
              g_autoptr(ChronicleCategory) old = g_list_model_get_item (categories, random_index (n_categories));

              category_id = g_strdup (chronicle_category_get_id (old));
            }
          else
            category_id = g_strdup_printf ("cat-%u", r->n_made++);
          category = chronicle_category_new (category_id, text, "#123456");

          g_assert_true (chronicle_document_put_category (r->document, category, &error));
          g_assert_true (chronicle_timeline_lookup_category (r->timeline, category_id) == category);
        }
    }
  else if (kind < 95)
    {
      GListModel *eras = chronicle_timeline_get_eras (r->timeline);
      guint n_eras = g_list_model_get_n_items (eras);

      if (n_eras > 0 && g_test_rand_bit ())
        {
          g_autoptr(ChronicleEra) era = g_list_model_get_item (eras, random_index (n_eras));

          g_assert_true (chronicle_document_remove_era (r->document, chronicle_era_get_id (era), &error));
        }
      else
        {
          ChronicleDate start = make_day (g_test_rand_int_range (2010, 2030), 1, 1);
          g_autofree char *era_id = g_strdup_printf ("era-%u", r->n_made++);
          g_autoptr(ChronicleEra) era = chronicle_era_new (era_id, text, &start, NULL);

          g_assert_true (chronicle_document_put_era (r->document, era, &error));
        }
    }
  else
    {
      GListModel *sources = chronicle_timeline_get_sources (r->timeline);
      guint n_sources = g_list_model_get_n_items (sources);

      if (n_sources > 0 && g_test_rand_bit ())
        {
          g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, random_index (n_sources));
          const char *source_id = chronicle_source_get_id (source);
          guint uses = chronicle_timeline_count_source_uses (r->timeline, source_id);
          gboolean removed = chronicle_document_remove_source (r->document, source_id, &error);

          g_assert_cmpint (removed, ==, uses == 0);
          if (!removed)
            g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
        }
      else
        {
          g_autofree char *source_id = g_strdup_printf ("src-new-%u", r->n_made++);
          g_autoptr(ChronicleSource) source = chronicle_source_new (source_id, NULL, text, NULL, NULL);

          g_assert_true (chronicle_document_put_source (r->document, source, &error));
          g_assert_true (chronicle_timeline_lookup_source (r->timeline, source_id) == source);
        }
    }
}

/* With a category hidden: the filtered timeline holds exactly the other
 * events, in order, and the selection is one of its events. */
static void
check_filtered (ChronicleDocument *document,
                const char        *hidden)
{
  ChronicleTimeline *timeline = chronicle_document_get_timeline (document);
  ChronicleTimeline *filtered = chronicle_document_get_filtered_timeline (document);
  ChronicleEvent *selected = chronicle_document_get_selected_event (document);
  guint k = 0;

  if (hidden == NULL)
    {
      g_assert_true (filtered == timeline);
      return;
    }

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      if (g_strcmp0 (chronicle_timeline_get_event_category_id (timeline, i), hidden) == 0)
        continue;
      g_assert_cmpuint (k, <, chronicle_timeline_get_n_events (filtered));
      g_assert_cmpstr (chronicle_timeline_get_event_id (filtered, k), ==, chronicle_timeline_get_event_id (timeline, i));
      g_assert_cmpstr (chronicle_timeline_get_event_title (filtered, k), ==,
                       chronicle_timeline_get_event_title (timeline, i));
      k++;
    }
  g_assert_cmpuint (k, ==, chronicle_timeline_get_n_events (filtered));
  g_assert_cmpstr (chronicle_timeline_get_title (filtered), ==, chronicle_timeline_get_title (timeline));
  if (selected != NULL)
    g_assert_true (chronicle_timeline_find_event (filtered, selected, NULL));

  /* The two share their objects (a search of the whole timeline selects
   * in the filtered one), and the filtered one's indexes hold. */
  for (guint i = 0; i < chronicle_timeline_get_n_events (filtered); i++)
    g_assert_true (chronicle_timeline_get_event (filtered, i) ==
                   chronicle_timeline_lookup_event (timeline, chronicle_timeline_get_event_id (filtered, i)));
  {
    g_autoptr(GRand) rand = g_rand_new_with_seed (k);

    check_indexes (filtered, rand);
  }
}

/* The filtered timeline's followers: an edit patches it in place (its
 * items-changed must say exactly what changed) or makes a new one. */
typedef struct
{
  ChronicleTimeline *followed;
  GPtrArray         *mirror;
} FilteredMirror;

static void
follow_filtered (FilteredMirror    *follower,
                 ChronicleDocument *document)
{
  ChronicleTimeline *filtered = chronicle_document_get_filtered_timeline (document);

  if (filtered == follower->followed)
    {
      assert_mirror (filtered, follower->mirror);
      return;
    }
  if (follower->followed != NULL)
    {
      g_signal_handlers_disconnect_by_data (follower->followed, follower->mirror);
      g_clear_object (&follower->followed);
      g_clear_pointer (&follower->mirror, g_ptr_array_unref);
    }
  follower->followed = g_object_ref (filtered);
  follower->mirror = mirror_new (filtered);
}

static void
unfollow_filtered (FilteredMirror *follower)
{
  if (follower->followed != NULL)
    g_signal_handlers_disconnect_by_data (follower->followed, follower->mirror);
  g_clear_object (&follower->followed);
  g_clear_pointer (&follower->mirror, g_ptr_array_unref);
}

/* @n_steps random edits (some in groups, some undone and redone on the
 * way), the indexes and the items-changed mirror checked after each;
 * then undo all gives the original, redo all the edited timeline. With
 * @hidden, that category is hidden by the filter throughout. */
static void
run_random (ChronicleTimeline *timeline,
            guint              n_steps,
            const char        *hidden)
{
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(GPtrArray) mirror = mirror_new (timeline);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(Snapshot) original = snapshot_take (timeline);
  g_autoptr(Snapshot) edited = NULL;
  Random r = { document, timeline, 0 };
  FilteredMirror follower = { NULL, NULL };
  guint n_undone = 0;

  if (hidden != NULL)
    chronicle_filter_set_category_hidden (chronicle_document_get_filter (document), hidden, TRUE);
  follow_filtered (&follower, document);

  for (guint step = 0; step < n_steps; step++)
    {
      int what = g_test_rand_int_range (0, 20);

      if (what == 0 && chronicle_document_get_can_undo (document))
        {
          chronicle_document_undo (document);
          n_undone++;
        }
      else if (what == 1 && chronicle_document_get_can_redo (document))
        chronicle_document_redo (document);
      else if (what == 2)
        {
          guint n_edits = g_test_rand_int_range (2, 5);

          chronicle_document_begin_group (document, "Group");
          for (guint k = 0; k < n_edits; k++)
            random_edit (&r);
          chronicle_document_end_group (document);
        }
      else
        random_edit (&r);

      assert_mirror (timeline, mirror);
      check_indexes (timeline, rand);
      check_filtered (document, hidden);
      follow_filtered (&follower, document);
    }
  g_assert_cmpuint (n_undone, >, 0);

  /* The edited state is where redo ends: the last steps may be undone. */
  while (chronicle_document_get_can_redo (document))
    chronicle_document_redo (document);
  assert_mirror (timeline, mirror);
  edited = snapshot_take (timeline);
  while (chronicle_document_get_can_undo (document))
    {
      chronicle_document_undo (document);
      assert_mirror (timeline, mirror);
    }
  check_indexes (timeline, rand);
  check_filtered (document, hidden);
  {
    g_autoptr(Snapshot) now = snapshot_take (timeline);

    assert_snapshots_equal (original, now);
  }
  g_assert_false (chronicle_document_get_modified (document));

  while (chronicle_document_get_can_redo (document))
    {
      chronicle_document_redo (document);
      assert_mirror (timeline, mirror);
    }
  check_indexes (timeline, rand);
  {
    g_autoptr(Snapshot) now = snapshot_take (timeline);

    assert_snapshots_equal (edited, now);
  }
  g_assert_true (chronicle_document_get_modified (document));
  g_signal_handlers_disconnect_by_data (timeline, mirror);
  unfollow_filtered (&follower);
}

static void
test_random_example (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();

  run_random (timeline, 300, NULL);
}

static void
test_random_generated (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (3000, 11);

  run_random (timeline, 300, NULL);
}

/* The same with a filter on: each edit makes a new filtered timeline. */
static void
test_random_filtered (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (1000, 12);

  run_random (timeline, 200, "diplomacy");
}

/* A snapshot for an export thread holds everything the timeline held,
 * with working indexes, and the timeline's edits do not reach it. */
static void
test_timeline_snapshot (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (2000, 13);
  g_autoptr(ChronicleDocument) document = document_for (timeline);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(Snapshot) before = snapshot_take (timeline);
  g_autoptr(ChronicleTimeline) copy = chronicle_timeline_snapshot (timeline);
  g_autoptr(Snapshot) copied = snapshot_take (copy);
  g_autoptr(Snapshot) after = NULL;
  Random r = { document, timeline, 0 };

  assert_snapshots_equal (before, copied);
  check_indexes (copy, rand);
  g_assert_cmpuint (chronicle_timeline_get_next_sequence (copy), ==, chronicle_timeline_get_next_sequence (timeline));
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    g_assert_true (chronicle_timeline_get_event_kept (copy, i) == chronicle_timeline_get_event_kept (timeline, i));

  for (guint step = 0; step < 200; step++)
    random_edit (&r);
  chronicle_document_set_timeline_title (document, "Edited");
  while (chronicle_timeline_get_n_events (timeline) > 0)
    chronicle_timeline_remove_event_at (timeline, 0);

  after = snapshot_take (copy);
  assert_snapshots_equal (before, after);
  check_indexes (copy, rand);

  /* What a file had beyond the model goes along (shared). */
  {
    g_autoptr(ChronicleTimeline) unknown = chronicle_test_load_data ("ok-unknown-members.json");
    g_autoptr(ChronicleTimeline) unknown_copy = chronicle_timeline_snapshot (unknown);
    guint n_kept = 0;

    for (guint i = 0; i < chronicle_timeline_get_n_events (unknown); i++)
      {
        g_assert_true (chronicle_timeline_get_event_kept (unknown_copy, i) ==
                       chronicle_timeline_get_event_kept (unknown, i));
        n_kept += chronicle_timeline_get_event_kept (unknown, i) != NULL;
      }
    g_assert_cmpuint (n_kept, >, 0);
  }

  /* Every field, as chronicle_event_equal() knows them (display dates). */
  {
    g_autoptr(ChronicleTimeline) deep = chronicle_test_load_data ("deep-time.json");
    g_autoptr(ChronicleTimeline) deep_copy = chronicle_timeline_snapshot (deep);

    g_assert_cmpuint (chronicle_timeline_get_n_events (deep_copy), ==, chronicle_timeline_get_n_events (deep));
    for (guint i = 0; i < chronicle_timeline_get_n_events (deep); i++)
      g_assert_true (chronicle_event_equal (chronicle_timeline_get_event (deep_copy, i),
                                            chronicle_timeline_get_event (deep, i)));
  }
}

static void
push_title (ChronicleHistory *history,
            const char       *name)
{
  chronicle_history_push (history, name,
                          chronicle_change_new (CHRONICLE_CHANGE_TITLE, g_strdup ("a"), g_strdup ("b"), 0));
}

/* The history keeps at most its bound of steps: the oldest go, and the
 * saved point moves with the steps it sits between, or becomes
 * unreachable when it was before the steps dropped. */
static void
test_history_bound (void)
{
  g_autoptr(ChronicleHistory) history = chronicle_history_new ();
  g_autoptr(ChronicleHistory) dropped = chronicle_history_new ();
  guint n_undone = 0;

  chronicle_history_set_max_steps (history, 3);
  push_title (history, "one");
  push_title (history, "two");
  chronicle_history_mark_saved (history);
  push_title (history, "three");
  push_title (history, "four");
  push_title (history, "five");
  g_assert_cmpuint (chronicle_history_get_n_steps (history), ==, 3);
  g_assert_true (chronicle_history_get_modified (history));

  g_assert_cmpstr (chronicle_history_get_undo_name (history), ==, "five");
  g_assert_nonnull (chronicle_history_undo (history));
  g_assert_nonnull (chronicle_history_undo (history));
  g_assert_true (chronicle_history_get_modified (history));
  g_assert_cmpstr (chronicle_history_get_undo_name (history), ==, "three");
  g_assert_nonnull (chronicle_history_undo (history));
  /* Back at "two", where the file was saved. */
  g_assert_false (chronicle_history_get_modified (history));
  g_assert_false (chronicle_history_get_can_undo (history));
  g_assert_null (chronicle_history_undo (history));

  /* A saved point before the steps dropped can no longer be reached. */
  chronicle_history_set_max_steps (dropped, 2);
  chronicle_history_mark_saved (dropped);
  push_title (dropped, "one");
  push_title (dropped, "two");
  push_title (dropped, "three");
  g_assert_cmpuint (chronicle_history_get_n_steps (dropped), ==, 2);
  while (chronicle_history_undo (dropped) != NULL)
    n_undone++;
  g_assert_cmpuint (n_undone, ==, 2);
  g_assert_true (chronicle_history_get_modified (dropped));

  /* The default bound holds a long session. */
  {
    g_autoptr(ChronicleHistory) long_session = chronicle_history_new ();

    for (guint i = 0; i < 1500; i++)
      push_title (long_session, "step");
    g_assert_cmpuint (chronicle_history_get_n_steps (long_session), ==, 1000);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/edit/event-copy", test_event_copy);
  g_test_add_func ("/edit/event-setters", test_event_setters);
  g_test_add_func ("/edit/replace-in-place", test_replace_in_place);
  g_test_add_func ("/edit/replace-items-changed", test_replace_items_changed);
  g_test_add_func ("/edit/move", test_move);
  g_test_add_func ("/edit/add-remove", test_add_remove);
  g_test_add_func ("/edit/errors", test_errors);
  g_test_add_func ("/edit/timeline-fields", test_timeline_fields);
  g_test_add_func ("/edit/categories-eras-sources", test_categories_eras_sources);
  g_test_add_func ("/edit/groups", test_groups);
  g_test_add_func ("/edit/modified", test_modified);
  g_test_add_func ("/edit/new-untitled", test_new_untitled);
  g_test_add_func ("/edit/selection-with-filter", test_selection_with_filter);
  g_test_add_func ("/edit/reload-clears-history", test_reload_clears_history);
  g_test_add_func ("/edit/store-duplicate-ids", test_store_duplicate_ids);
  g_test_add_func ("/edit/keeps-what-file-had", test_keeps_what_file_had);
  g_test_add_func ("/edit/keeps-media", test_keeps_media);
  g_test_add_func ("/edit/timeline-snapshot", test_timeline_snapshot);
  g_test_add_func ("/edit/history-bound", test_history_bound);
  g_test_add_func ("/edit/random/example", test_random_example);
  g_test_add_func ("/edit/random/generated", test_random_generated);
  g_test_add_func ("/edit/random/filtered", test_random_filtered);

  return g_test_run ();
}
