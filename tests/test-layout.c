/* test-layout.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chronicle-layout.h"
#include "chronicle-date-private.h"
#include "chronicle-density-private.h"
#include "chronicle-layout-private.h"
#include "chronicle-filter.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"

#define WIDTH  1200.0
#define HEIGHT 675.0

static ChronicleLayout *
compute (ChronicleTimeline       *timeline,
         const ChronicleViewport *vp,
         double                   height)
{
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };

  return chronicle_layout_compute (timeline, vp, WIDTH, height, &options,
                                   chronicle_test_measure_fixed, NULL);
}

static ChronicleLayout *
compute_size (ChronicleTimeline       *timeline,
              const ChronicleViewport *vp,
              double                   width,
              double                   height)
{
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };

  return chronicle_layout_compute (timeline, vp, width, height, &options,
                                   chronicle_test_measure_fixed, NULL);
}

static gboolean
rects_overlap (const ChronicleRect *a,
               const ChronicleRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_labels_disjoint (const ChronicleLayoutItem *items,
                        guint                      n_items,
                        double                     height)
{
  for (guint i = 0; i < n_items; i++)
    {
      const ChronicleRect *a = &items[i].label;

      if (a->width <= 0)
        continue;

      /* inside the chart, with room at the right for the selection ring */
      g_assert_cmpfloat (a->x, >=, 0);
      g_assert_cmpfloat (a->x + a->width, <=, WIDTH - 2.5 + 1e-6);
      g_assert_cmpfloat (a->y, >=, 0);
      g_assert_cmpfloat (a->y + a->height, <=, height);

      for (guint j = i + 1; j < n_items; j++)
        {
          if (items[j].label.width <= 0)
            continue;
          if (rects_overlap (a, &items[j].label))
            g_error ("labels of items %u (event %u) and %u (event %u) overlap", i, items[i].first_event,
                     j, items[j].first_event);
        }
    }
}

static void
assert_ticks (const ChronicleLayout *layout)
{
  const ChronicleTick *ticks;
  guint n_ticks, n_labels = 0;
  double last_right = -G_MAXDOUBLE, last_x = -G_MAXDOUBLE;

  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      g_assert_cmpfloat (ticks[i].x, >=, last_x);
      last_x = ticks[i].x;

      if (ticks[i].text == NULL)
        continue;

      n_labels++;
      /* the label the painter draws is this wide, centred on x or moved
       * beside a break's mark */
      {
        double w = 0, h = 0;

        chronicle_test_measure_fixed (ticks[i].text, CHRONICLE_TEXT_TICK, &w, &h, NULL);
        g_assert_cmpfloat_with_epsilon (ticks[i].label_width, w, 1e-9);
      }
      g_assert_cmpfloat (ticks[i].label_x, >, last_right);
      g_assert_cmpfloat (ticks[i].label_x, >=, 0);
      g_assert_cmpfloat (ticks[i].label_x + ticks[i].label_width, <=, WIDTH);
      last_right = ticks[i].label_x + ticks[i].label_width;

      /* never over the double slash in the middle of a break */
      for (guint b = 0; b < layout->breaks->len; b++)
        {
          const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, b);
          double mid = (brk->x0 + brk->x1) / 2;

          if (ticks[i].label_x < mid + 10 && ticks[i].label_x + ticks[i].label_width > mid - 10)
            g_error ("tick label \"%s\" covers the break at %g", ticks[i].text, mid);
        }
    }

  /* An axis without any date on it is useless, even zoomed into a
   * break. (One is enough: a view on the edge of a break shows little
   * else; a stretch heading, "18 Mar 1990", is one, and stands for the
   * year tick under it.) */
  g_assert_cmpuint (n_labels + layout->stretches->len, >=, 1);
}

static double
get_month_start (gint64 year,
                 int    month)
{
  /* GDateTime stops at 9999; the timelines here do not. */
  return (double) chronicle_date_days_from_civil (year, month, 1) * 86400.0;
}

/* Each "+N" pill stands for the events on the stretch of axis under it:
 * its first and last event are those it folds, they lie in [x, x2], and
 * the pill overlaps that stretch (pills pushed along by their neighbours
 * left the last one at the edge standing for half the axis). */
static void
check_clusters_over_events (ChronicleTimeline     *timeline,
                            const ChronicleLayout *layout)
{
  const ChronicleViewport *lvp = chronicle_layout_get_viewport (layout);
  const ChronicleLayoutItem *items;
  guint n_items, n_events = chronicle_timeline_get_n_events (timeline);
  g_autofree guint *first = NULL;
  g_autofree guint *last = NULL;
  double t0, t1, slack;

  /* Clusters gather by UTC time; times with an offset are drawn in the
   * display zone, up to its reach away. */
  chronicle_viewport_get_visible_range (lvp, &t0, &t1);
  slack = chronicle_viewport_get_zone_reach (lvp) * layout->width / (t1 - t0) + 1e-3;
  items = chronicle_layout_get_items (layout, &n_items);
  first = g_new (guint, MAX (n_items, 1));
  last = g_new (guint, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    {
      first[i] = G_MAXUINT;
      last[i] = 0;
    }

  for (guint e = 0; e < n_events; e++)
    {
      const ChronicleLayoutItem *item = chronicle_layout_find_event (layout, e);
      guint i;

      if (item == NULL || item->kind != CHRONICLE_ITEM_CLUSTER)
        continue;
      i = item - items;
      first[i] = MIN (first[i], e);
      last[i] = MAX (last[i], e);
      /* it is drawn under the stretch: its start, or the middle of its
       * day (or before the window: going on) */
      {
        double x = chronicle_viewport_to_px (lvp, chronicle_viewport_position_start (lvp, timeline, e));
        double x2 = chronicle_viewport_to_px (lvp, chronicle_viewport_position_end (lvp, timeline, e));

        if (x >= 0)
          {
            g_assert_cmpfloat (x2, >=, item->x - slack);
            g_assert_cmpfloat (MIN (x, layout->width), <=, item->x2 + slack);
          }
      }
    }

  for (guint i = 0; i < n_items; i++)
    {
      const ChronicleLayoutItem *item = &items[i];

      if (item->kind != CHRONICLE_ITEM_CLUSTER)
        {
          g_assert_cmpuint (item->last_event, ==, item->first_event);
          continue;
        }

      g_assert_cmpuint (item->first_event, ==, first[i]);
      g_assert_cmpuint (item->last_event, ==, last[i]);
      g_assert_cmpfloat (item->label.x, <=, item->x2 + 1e-6);
      g_assert_cmpfloat (item->label.x + item->label.width, >=, MIN (item->x, layout->width - CHRONICLE_LABEL_EDGE) - 1e-6);
      /* How much axis a pill may stand for is not bounded here: where
       * merges cascade (a pill pushed off its events merges into the one
       * before, which grows and is placed again) a generated 10 000-event
       * view had a "+63" over 189 px and others over 450-800 px of a
       * 1 200 px axis. /layout/generated/uniform-clusters checks that the
       * pills of uniform data stand for like numbers of events. */
    }
}

static void
check_layout_with_options (ChronicleTimeline            *timeline,
                           const ChronicleViewport      *vp,
                           double                        height,
                           const ChronicleLayoutOptions *options)
{
  g_autoptr(ChronicleLayout) layout = chronicle_layout_compute (timeline, vp, WIDTH, height, options,
                                                                chronicle_test_measure_fixed, NULL);
  const ChronicleViewport *lvp = chronicle_layout_get_viewport (layout);
  const ChronicleLayoutItem *items;
  guint n_items, n_events, n_visible = 0, n_counted = 0;
  g_autofree guint *members = NULL;
  double start, end;

  items = chronicle_layout_get_items (layout, &n_items);
  chronicle_viewport_get_visible_range (lvp, &start, &end);
  n_events = chronicle_timeline_get_n_events (timeline);
  members = g_new0 (guint, MAX (n_items, 1));

  assert_labels_disjoint (items, n_items, height);
  assert_ticks (layout);

  for (guint i = 0; i < n_items; i++)
    {
      const ChronicleLayoutItem *item = &items[i];

      /* sorted by x, for bsearch */
      if (i > 0)
        g_assert_cmpfloat (items[i - 1].x, <=, item->x);

      g_assert_cmpuint (item->n_events, >=, 1);
      n_counted += item->n_events;

      if (item->kind == CHRONICLE_ITEM_CLUSTER)
        {
          g_assert_cmpuint (item->n_events, >=, 1);
          g_assert_cmpfloat (item->label.width, >, 0);
          g_assert_true (chronicle_layout_find_event (layout, item->first_event) == item);
        }
      else
        {
          ChronicleEvent *event = chronicle_timeline_get_event (timeline, item->first_event);
          const ChronicleDate *date = chronicle_event_get_date (event);
          double x0 = chronicle_viewport_to_px (lvp, chronicle_event_get_start_time (event));
          double x1 = chronicle_viewport_to_px (lvp, chronicle_event_get_end_time (event));

          g_assert_cmpuint (item->n_events, ==, 1);
          g_assert_cmpint (item->lane, !=, 0);
          /* the title as drawn: whole, or in two lines; an estimate's
           * label starts "c. " (see test_label_text()) */
          {
            const char *shown = item->approximate ? item->text + strlen ("c. ") : item->text;

            if (item->approximate)
              g_assert_true (g_str_has_prefix (item->text, "c. "));
            g_assert_true (g_str_has_prefix (chronicle_event_get_title (event), shown));
            if (item->text2 != NULL)
              g_assert_true (g_str_has_suffix (chronicle_event_get_title (event), item->text2));
            else
              g_assert_cmpstr (shown, ==, chronicle_event_get_title (event));
          }
          g_assert_true (chronicle_layout_find_event (layout, item->first_event) == item);

          if (item->kind == CHRONICLE_ITEM_BAR)
            {
              g_assert_cmpfloat_with_epsilon (item->x, x0, 1e-6);
              g_assert_cmpfloat_with_epsilon (item->x2, x1, 1e-6);
            }
          else
            {
              g_assert_cmpfloat (item->x, >=, x0 - 1e-6);
              g_assert_cmpfloat (item->x, <=, x1 + 1e-6);
              /* a month or a year is never a point at its first day */
              g_assert_cmpint (date->precision, >=, CHRONICLE_DATE_PRECISION_DAY);
              g_assert_false (chronicle_event_is_span (event));
            }

          /* An event dated "2022-03" covers March 2022 exactly. */
          if (date->precision == CHRONICLE_DATE_PRECISION_MONTH && chronicle_event_get_end (event) == NULL)
            {
              gint64 next_year = date->month == 12 ? date->year + 1 : date->year;
              int next_month = date->month == 12 ? 1 : date->month + 1;

              g_assert_cmpint (item->kind, ==, CHRONICLE_ITEM_BAR);
              g_assert_cmpfloat_with_epsilon (item->x, chronicle_viewport_to_px (lvp, get_month_start (date->year, date->month)), 1e-6);
              g_assert_cmpfloat_with_epsilon (item->x2, chronicle_viewport_to_px (lvp, get_month_start (next_year, next_month)), 1e-6);
            }

          /* the label can be clicked */
          g_assert_true (chronicle_layout_hit_test (layout, item->label.x + item->label.width / 2,
                                                    item->label.y + item->label.height / 2) == item);
        }
    }

  /* Every event overlapping the window is its own item or counted in
   * exactly one cluster; none outside is. */
  for (guint e = 0; e < n_events; e++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, e);
      gboolean visible = chronicle_event_get_end_time (event) > start && chronicle_event_get_start_time (event) < end;
      const ChronicleLayoutItem *item = chronicle_layout_find_event (layout, e);

      if (!visible)
        {
          g_assert_null (item);
          continue;
        }

      n_visible++;
      g_assert_nonnull (item);
      if (item->kind != CHRONICLE_ITEM_CLUSTER)
        g_assert_cmpuint (item->first_event, ==, e);
      else
        g_assert_cmpuint (item->first_event, <=, e);
      members[item - items]++;
    }

  for (guint i = 0; i < n_items; i++)
    g_assert_cmpuint (members[i], ==, items[i].n_events);

  check_clusters_over_events (timeline, layout);

  g_assert_cmpuint (n_counted, ==, n_visible);
  g_assert_cmpuint (chronicle_layout_get_n_visible_events (layout), ==, n_visible);
}

static void
check_layout (ChronicleTimeline       *timeline,
              const ChronicleViewport *vp,
              double                   height)
{
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };

  check_layout_with_options (timeline, vp, height, &options);
}

/* Fit, then nine zoom steps in around random anchors over the data. */
static void
check_zoom_levels (ChronicleTimeline *timeline)
{
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  gint64 first, last;

  g_assert_true (chronicle_timeline_get_bounds (timeline, &first, &last));
  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);

  for (int level = 0; level < 10; level++)
    {
      if (level > 0)
        {
          ChronicleEvent *event = chronicle_timeline_get_event (timeline,
                                                                g_test_rand_int_range (0, chronicle_timeline_get_n_events (timeline)));
          double anchor = chronicle_viewport_to_px (vp, chronicle_event_get_start_time (event));

          if (anchor < 0 || anchor > WIDTH)
            anchor = g_test_rand_double_range (0, WIDTH);
          chronicle_viewport_zoom (vp, g_test_rand_double_range (1.5, 6), anchor);
        }

      check_layout (timeline, vp, HEIGHT);
    }
}

static gboolean
has_tick_label (const ChronicleLayout *layout,
                const char            *part)
{
  const ChronicleTick *ticks;
  guint n_ticks;

  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].text != NULL && strstr (ticks[i].text, part) != NULL)
      return TRUE;
  for (guint i = 0; i < n_ticks; i++)
    g_test_message ("no \"%s\" in tick %u at %g: %s", part, i, ticks[i].x, ticks[i].text);
  return FALSE;
}

static void
show_years (ChronicleViewport *vp,
            const char        *from,
            const char        *to)
{
  ChronicleDate a, b;

  g_assert_true (chronicle_date_parse (from, &a, NULL));
  g_assert_true (chronicle_date_parse (to, &b, NULL));
  chronicle_viewport_show_range (vp, chronicle_date_get_start (&a), chronicle_date_get_start (&b));
}

/* Years before 1 AD and deep time (issue #14): the axis names them as
 * people read them, from billions of years down to the Ides of March, and
 * zooms as far as the doubles can tell instants apart there. */
static void
test_deep_time (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("deep-time.json");
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) whole = NULL, cosmos = NULL, rome = NULL, ides = NULL, ice = NULL;
  double start, end;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  whole = compute (timeline, vp, HEIGHT);
  assert_ticks (whole);
  g_assert_true (has_tick_label (whole, "million years ago"));
  /* Deep time has no months, nor days in its stretches' headings. */
  g_assert_false (has_tick_label (whole, "Jul"));
  for (guint i = 0; i < whole->stretches->len; i++)
    {
      const char *text = g_array_index (whole->stretches, ChronicleLayoutStretch, i).text;

      g_test_message ("heading: %s", text);
      g_assert_null (strstr (text, "1 Jan"));
      g_assert_null (strstr (text, "13.8 billion years ago – 13.8"));
    }

  /* Ticks a billion years apart on an axis without breaks; a few years
   * apart, counted out. */
  {
    g_autoptr(ChronicleViewport) linear = chronicle_viewport_new ();
    ChronicleDate a, b;

    g_assert_true (chronicle_date_parse ("-14000000000", &a, NULL));
    g_assert_true (chronicle_date_parse ("+2000000000", &b, NULL));
    chronicle_viewport_set_width (linear, WIDTH);
    chronicle_viewport_set_linear (linear, chronicle_date_get_start (&a), chronicle_date_get_start (&b));
    chronicle_viewport_fit (linear);
    cosmos = compute (timeline, linear, HEIGHT);
    assert_ticks (cosmos);
    g_assert_true (has_tick_label (cosmos, "10 billion years ago"));
    g_assert_true (has_tick_label (cosmos, "5 billion years ago"));
  }

  show_years (vp, "-0600", "0101");
  rome = compute (timeline, vp, HEIGHT);
  assert_ticks (rome);
  g_assert_true (has_tick_label (rome, "500 BC"));
  g_assert_false (has_tick_label (rome, "501 BC"));
  g_assert_false (has_tick_label (rome, "-"));

  show_years (vp, "-0043-03-10", "-0043-03-20");
  ides = compute (timeline, vp, HEIGHT);
  assert_ticks (ides);
  g_assert_true (has_tick_label (ides, "44 BC"));
  g_assert_true (has_tick_label (ides, "15"));

  show_years (vp, "-14999", "-8999");
  ice = compute (timeline, vp, HEIGHT);
  assert_ticks (ice);
  g_assert_true (has_tick_label (ice, "12\u202F000 BC"));

  /* Zoomed all the way in, at the Big Bang and near us: a window the
   * doubles still tell apart, never an empty or inverted one. */
  for (guint e = 0; e < chronicle_timeline_get_n_events (timeline); e++)
    {
      double anchor;

      chronicle_viewport_fit (vp);
      for (int level = 0; level < 80; level++)
        {
          anchor = chronicle_viewport_to_px (vp, chronicle_timeline_get_event_start_time (timeline, e));
          chronicle_viewport_zoom (vp, 4.0, CLAMP (anchor, 0, WIDTH));
        }
      chronicle_viewport_get_visible_range (vp, &start, &end);
      g_test_message ("event %u zoomed in: %g s wide at %g", e, end - start, start);
      g_assert_cmpfloat (end - start, >=, 59.0);
      g_assert_cmpfloat (end - start, >=, fabs (start) * 1e-13);
      check_layout (timeline, vp, HEIGHT);
      if (e == 0)
        {
          g_autoptr(ChronicleLayout) big_bang = compute (timeline, vp, HEIGHT);

          g_assert_true (has_tick_label (big_bang, "13.8 billion years ago"));
        }
    }
  check_zoom_levels (timeline);
}

/* Zoomed in around each event of the example and of the corpus in fixed
 * steps: ticks come in order along the axis. A stretch's own year tick,
 * added last at its stretch's first instant, once came after ticks to
 * its right (test_example_zoom found it with some random seeds). */
static void
test_ticks_in_order (void)
{
  g_autoptr(GPtrArray) timelines = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (timelines, chronicle_test_load_example ());
  g_ptr_array_add (timelines, chronicle_test_load_data ("corpus/berlin-wall-1989.json"));
  g_ptr_array_add (timelines, chronicle_test_load_data ("corpus/apollo-11.json"));
  for (guint t = 0; t < timelines->len; t++)
    {
      ChronicleTimeline *timeline = timelines->pdata[t];

      for (guint e = 0; e < chronicle_timeline_get_n_events (timeline); e++)
        {
          g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
          ChronicleEvent *event = chronicle_timeline_get_event (timeline, e);

          chronicle_viewport_set_width (vp, WIDTH);
          chronicle_viewport_set_timeline (vp, timeline, TRUE);
          for (int level = 0; level < 8; level++)
            {
              g_autoptr(ChronicleLayout) layout = NULL;
              double anchor = chronicle_viewport_to_px (vp, chronicle_event_get_start_time (event));

              chronicle_viewport_zoom (vp, 3.0, CLAMP (anchor, 0, WIDTH));
              layout = compute (timeline, vp, HEIGHT);
              assert_ticks (layout);
            }
        }
    }
}

/* Zoomed into the middle of the example's three-year break, four hours
 * across: no day boundary is in view and the timeline has no hours, yet
 * the axis names a date (random zooms of /layout/example/zoom-levels
 * found an empty axis there). */
static void
test_date_inside_break (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleAxisSegment *segments;
  guint n_segments, brk = G_MAXUINT;
  double mid;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  segments = chronicle_viewport_get_segments (vp, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    if (segments[i].is_break)
      brk = i;
  g_assert_cmpuint (brk, !=, G_MAXUINT);
  mid = floor ((segments[brk].t0 + segments[brk].t1) / 2 / 86400) * 86400 + 10 * 3600;
  chronicle_viewport_show_range (vp, mid, mid + 4 * 3600);
  layout = compute (timeline, vp, HEIGHT);
  assert_ticks (layout);
}

static void
test_example_zoom (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();

  check_zoom_levels (timeline);
}

static void
test_generated_zoom (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, g_test_rand_int ());

  check_zoom_levels (timeline);
}

/* The fitted example: every event has its own label (no "+N"), both the
 * 2022 events and the 2025 burst. */
static void
test_example_fit_legible (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleLayoutItem *items;
  guint n_items;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, HEIGHT);
  items = chronicle_layout_get_items (layout, &n_items);

  g_assert_cmpuint (n_items, ==, chronicle_timeline_get_n_events (timeline));
  for (guint i = 0; i < n_items; i++)
    {
      g_assert_cmpint (items[i].kind, !=, CHRONICLE_ITEM_CLUSTER);
      g_assert_cmpfloat (items[i].label.width, >, 0);
    }
}

static ChronicleTimeline *
load_precision (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "precision.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChronicleTimeline *timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return timeline;
}

/* The legend has one key per kind of mark drawn in the view, each once,
 * and no other: what we chose is that a key tells the reader about a mark
 * they can see (Apollo 11's chart explained "Time range" while its only
 * range was folded into a "+3"). The axis stays put all the same: the
 * rows are reserved for every kind the timeline has, which are
 * @expected. */
static void
assert_legend_marks (ChronicleLayout *layout,
                     const gboolean   expected[CHRONICLE_N_MARKS])
{
  ChronicleTimeline *timeline = chronicle_layout_get_timeline (layout);
  gboolean in_timeline[CHRONICLE_N_MARKS] = { FALSE, };
  gboolean in_view[CHRONICLE_N_MARKS] = { FALSE, };
  guint in_legend[CHRONICLE_N_MARKS] = { 0, };
  const ChronicleLayoutItem *items;
  guint n_items;

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    if (items[i].kind != CHRONICLE_ITEM_CLUSTER)
      {
        in_view[items[i].mark] = TRUE;
        in_view[CHRONICLE_MARK_APPROXIMATE] |= items[i].approximate;
      }

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      const ChronicleDate *end = chronicle_event_get_end (event);
      ChronicleDatePrecision precision = chronicle_event_get_date (event)->precision;

      if (end != NULL)
        precision = MIN (precision, end->precision);
      if (precision == CHRONICLE_DATE_PRECISION_YEAR)
        in_timeline[CHRONICLE_MARK_YEAR] = TRUE;
      else if (precision == CHRONICLE_DATE_PRECISION_MONTH)
        in_timeline[CHRONICLE_MARK_MONTH] = TRUE;
      else if (precision == CHRONICLE_DATE_PRECISION_DAY)
        in_timeline[CHRONICLE_MARK_DAY] = TRUE;
      else
        in_timeline[end != NULL ? CHRONICLE_MARK_TIMED_RANGE : CHRONICLE_MARK_TIMED_POINT] = TRUE;
      if (chronicle_event_get_approximate (event))
        in_timeline[CHRONICLE_MARK_APPROXIMATE] = TRUE;
    }

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronicleLayoutLegendEntry, i);

      if (entry->is_mark)
        {
          in_legend[entry->mark]++;
          g_assert_cmpfloat (entry->swatch.width, >, 0);
          g_assert_cmpfloat (entry->text.x + entry->text.width, <=, WIDTH);
        }
    }

  for (guint k = 0; k < CHRONICLE_N_MARKS; k++)
    {
      g_test_message ("mark kind %u", k);
      g_assert_cmpint (in_timeline[k], ==, expected[k]);
      g_assert_cmpuint (in_legend[k], ==, in_view[k] ? 1 : 0);
    }
}

static void
test_legend_marks (void)
{
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleTimeline) precision = load_precision ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  /* the example: days and a month, nothing timed, nothing approximate */
  const gboolean example_marks[CHRONICLE_N_MARKS] = { FALSE, FALSE, TRUE, TRUE, FALSE, FALSE };
  const gboolean all_marks[CHRONICLE_N_MARKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  double axis_y;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, example, TRUE);
  layout = compute (example, vp, HEIGHT);
  assert_legend_marks (layout, example_marks);
  g_clear_pointer (&layout, chronicle_layout_free);

  chronicle_viewport_set_timeline (vp, precision, TRUE);
  layout = compute (precision, vp, HEIGHT);
  assert_legend_marks (layout, all_marks);
  g_clear_pointer (&layout, chronicle_layout_free);

  /* Narrow (an article column): the keys wrap onto more rows, all kept. */
  {
    ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
    g_autoptr(ChronicleLayout) narrow = NULL;
    guint n_marks = 0;
    double top = G_MAXDOUBLE, bottom = 0;

    chronicle_viewport_set_width (vp, 560);
    chronicle_viewport_set_timeline (vp, precision, TRUE);
    narrow = chronicle_layout_compute (precision, vp, 560, HEIGHT, &options, chronicle_test_measure_fixed, NULL);
    for (guint i = 0; i < narrow->legend->len; i++)
      {
        const ChronicleLayoutLegendEntry *entry = &g_array_index (narrow->legend, ChronicleLayoutLegendEntry, i);

        n_marks += entry->is_mark;
        g_assert_cmpfloat (entry->text.x + entry->text.width, <=, 560);
        top = MIN (top, entry->text.y);
        bottom = MAX (bottom, entry->text.y + entry->text.height);
      }
    g_assert_cmpuint (n_marks, ==, CHRONICLE_N_MARKS);
    g_assert_cmpfloat (bottom, <=, HEIGHT);
    g_assert_cmpfloat (top, >, chronicle_layout_get_axis_y (narrow));
    chronicle_viewport_set_width (vp, WIDTH);
  }

  /* Friday 16 May alone: the approximate events are out of view, and
   * so is their key; the axis stays where it was. */
  layout = compute (precision, vp, HEIGHT);
  axis_y = chronicle_layout_get_axis_y (layout);
  g_clear_pointer (&layout, chronicle_layout_free);
  chronicle_viewport_show_range (vp, 1747353600, 1747440000);
  layout = compute (precision, vp, HEIGHT);
  assert_legend_marks (layout, all_marks);
  g_assert_cmpfloat (chronicle_layout_get_axis_y (layout), ==, axis_y);
  for (guint i = 0; i < layout->legend->len; i++)
    g_assert_false (g_array_index (layout->legend, ChronicleLayoutLegendEntry, i).is_mark &&
                    g_array_index (layout->legend, ChronicleLayoutLegendEntry, i).mark == CHRONICLE_MARK_APPROXIMATE);
}

/* Apollo 11 fitted at sizes where its only time range is folded into a
 * cluster (with the real fonts, the article size is one): the legend does
 * not explain time ranges there, and does where the range is drawn. */
static void
test_legend_apollo (void)
{
  static const double sizes[][2] = { { 1200, 675 }, { 900, 500 }, { 640, 480 }, { 480, 360 } };
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("corpus/apollo-11.json");
  guint n_folded = 0;

  g_assert_true (chronicle_timeline_get_date_kinds (timeline) & CHRONICLE_DATE_KIND_TIMED_RANGE);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
      g_autoptr(ChronicleLayout) layout = NULL;
      const ChronicleLayoutItem *items;
      gboolean drawn = FALSE, keyed = FALSE;
      guint n_items;

      chronicle_viewport_set_width (vp, sizes[s][0]);
      chronicle_viewport_set_timeline (vp, timeline, TRUE);
      layout = compute_size (timeline, vp, sizes[s][0], sizes[s][1]);
      items = chronicle_layout_get_items (layout, &n_items);
      for (guint i = 0; i < n_items; i++)
        drawn |= items[i].kind != CHRONICLE_ITEM_CLUSTER && items[i].mark == CHRONICLE_MARK_TIMED_RANGE;
      for (guint i = 0; i < layout->legend->len; i++)
        keyed |= g_array_index (layout->legend, ChronicleLayoutLegendEntry, i).is_mark &&
                 g_array_index (layout->legend, ChronicleLayoutLegendEntry, i).mark == CHRONICLE_MARK_TIMED_RANGE;
      g_test_message ("%gx%g: range drawn %d, in the legend %d", sizes[s][0], sizes[s][1], drawn, keyed);
      g_assert_cmpint (keyed, ==, drawn);
      n_folded += !drawn;
    }
  g_assert_cmpuint (n_folded, >, 0);
}

/* In a one-off picture (an export) no legend row stays empty: rows are
 * kept for keys of marks not drawn only in a view that zooms (Berlin's
 * article export had an empty row above its credit line). */
static void
test_legend_one_off (void)
{
  static const char *const files[] = {
    "corpus/apollo-11.json", "corpus/berlin-wall-1989.json",
    "corpus/seventh-century.json", "corpus/women-in-computing.json",
  };
  guint n_fewer = 0;

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (guint s = 0; s < 4; s++)
      {
        static const double views[][2] = { { 1200, 675 }, { 900, 500 }, { 700, 450 }, { 560, 400 } };
        g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data (files[f]);
        g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
        ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
        g_autoptr(ChronicleLayout) view = NULL;
        g_autoptr(ChronicleLayout) picture = NULL;
        double last_y = 0;

        chronicle_viewport_set_width (vp, views[s][0]);
        chronicle_viewport_set_timeline (vp, timeline, TRUE);
        view = chronicle_layout_compute (timeline, vp, views[s][0], views[s][1], &options,
                                         chronicle_test_measure_fixed, NULL);
        options.one_off = TRUE;
        picture = chronicle_layout_compute (timeline, vp, views[s][0], views[s][1], &options,
                                            chronicle_test_measure_fixed, NULL);
        for (guint i = 0; i < picture->legend->len; i++)
          last_y = MAX (last_y, g_array_index (picture->legend, ChronicleLayoutLegendEntry, i).text.y);
        g_test_message ("%s at %gx%g: %u rows in a view, %u in a picture", files[f], views[s][0], views[s][1],
                        view->legend_rows, picture->legend_rows);
        g_assert_cmpfloat_with_epsilon (last_y, picture->legend_top + (picture->legend_rows - 1) *
                                        (picture->legend_row_height + 6.0), 1e-6);
        g_assert_cmpuint (picture->legend_rows, <=, view->legend_rows);
        n_fewer += picture->legend_rows < view->legend_rows;
      }
  g_assert_cmpuint (n_fewer, >, 0);
}

/* Labels say what the marks cannot: "c. " before an estimated date's
 * title, a muted "(untitled)" for a blank title. */
static void
test_label_text (void)
{
  g_autoptr(ChronicleTimeline) timeline = load_precision ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleLayoutItem *items;
  guint n_items, n_approximate = 0, n_untitled = 0;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, HEIGHT);
  items = chronicle_layout_get_items (layout, &n_items);

  for (guint i = 0; i < n_items; i++)
    {
      ChronicleEvent *event;

      g_assert_cmpint (items[i].kind, !=, CHRONICLE_ITEM_CLUSTER);
      event = chronicle_timeline_get_event (timeline, items[i].first_event);
      g_assert_cmpint (items[i].approximate, ==, chronicle_event_get_approximate (event));
      if (items[i].approximate)
        {
          g_autofree char *expected = g_strconcat ("c. ", chronicle_event_get_title (event), NULL);

          g_assert_cmpstr (items[i].text, ==, expected);
          n_approximate++;
        }
      else if (g_str_equal (chronicle_event_get_id (event), "blank"))
        {
          g_assert_true (items[i].untitled);
          g_assert_cmpstr (items[i].text, ==, "(untitled)");
          n_untitled++;
        }
      else
        {
          g_assert_false (items[i].untitled);
          g_assert_cmpstr (items[i].text, ==, chronicle_event_get_title (event));
        }
    }
  g_assert_cmpuint (n_approximate, ==, 2);
  g_assert_cmpuint (n_untitled, ==, 1);
}

/* Without room for lanes, everything folds into clusters, still counted. */
static void
test_no_room_clusters (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (2000, 7);
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleLayoutItem *items;
  guint n_items, total = 0;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  check_layout (timeline, vp, 120);

  layout = compute (timeline, vp, 120);
  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_assert_cmpint (items[i].kind, ==, CHRONICLE_ITEM_CLUSTER);
      total += items[i].n_events;
    }
  g_assert_cmpuint (total, ==, 2000);
}

/* @n_events points spread uniformly over 2016-01-01 .. 2025-12-31 to the
 * second, as tests/generate-uniform-timeline.py writes them. */
static ChronicleTimeline *
make_uniform_timeline (guint n_events)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Uniform");
  g_autoptr(GPtrArray) events = g_ptr_array_new_full (n_events, g_object_unref);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  const gint64 span_start = 1451606400; /* 2016-01-01T00:00:00Z */
  const gint64 span = (gint64) (3652.5 * 86400);

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (span_start + (gint64) (g_rand_double (rand) * span));
      g_autofree char *id = g_strdup_printf ("item-%u", i);
      g_autofree char *title = g_strdup_printf ("item %u", i);
      g_autoptr(GError) error = NULL;
      ChronicleDate date;

      chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_SECOND, g_date_time_get_year (dt),
                           g_date_time_get_month (dt), g_date_time_get_day_of_month (dt),
                           g_date_time_get_hour (dt), g_date_time_get_minute (dt),
                           g_date_time_get_second (dt), &error);
      g_assert_no_error (error);
      g_ptr_array_add (events, chronicle_event_new (id, &date, title));
    }
  chronicle_timeline_set_events (timeline, events);

  return g_steal_pointer (&timeline);
}

/* Tester S12, item 5: 100 000 uniform events, fitted: every pill said
 * about "+4150" but the last "+41590", at 2025, standing for the events
 * from 2021 on (the pills before had pushed each other right, and the
 * one past the edge merged). Each pill now stands for the events under
 * it (check_clusters_over_events()), so the last is like the others;
 * and zoomed on that pill, none stands over the empty time past the
 * data. */
static void
test_uniform_clusters (void)
{
  g_autoptr(ChronicleTimeline) timeline = make_uniform_timeline (100000);
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleLayoutItem *items;
  const ChronicleLayoutItem *last_pill = NULL;
  guint n_items, n_pills = 0, most = 0, least = G_MAXUINT;
  gint64 first_time, last_time;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  check_layout (timeline, vp, HEIGHT);

  layout = compute (timeline, vp, HEIGHT);
  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    if (items[i].kind == CHRONICLE_ITEM_CLUSTER)
      {
        n_pills++;
        last_pill = &items[i];
        /* the ones at the ends may gather less */
        if (items[i].x > 40 && items[i].x2 < WIDTH - 40)
          {
            most = MAX (most, items[i].n_events);
            least = MIN (least, items[i].n_events);
          }
      }
  g_test_message ("%u pills, %u to %u events", n_pills, least, most);
  g_assert_cmpuint (n_pills, >, 5);
  g_assert_nonnull (last_pill);
  /* uniform data: no pill gathers more than three times another */
  g_assert_cmpuint (most, <=, 3 * least);
  g_assert_cmpuint (last_pill->n_events, <=, 3 * least);

  /* Zoomed on the last pill's events, from its first to its last (what a
   * click shows): no pill there over time past the data. */
  g_assert_true (chronicle_timeline_get_bounds (timeline, &first_time, &last_time));
  chronicle_viewport_show_range (vp,
                                 chronicle_event_get_start_time (chronicle_timeline_get_event (timeline, last_pill->first_event)),
                                 chronicle_event_get_end_time (chronicle_timeline_get_event (timeline, last_pill->last_event)));
  check_layout (timeline, vp, HEIGHT);
  g_clear_pointer (&layout, chronicle_layout_free);
  layout = compute (timeline, vp, HEIGHT);
  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    if (items[i].kind == CHRONICLE_ITEM_CLUSTER)
      g_assert_cmpfloat (items[i].label.x, <=, chronicle_viewport_to_px (chronicle_layout_get_viewport (layout), last_time) + 1e-6);
}

/* Tester S12, item 13: TimelineJS's cosmological timeline dates "Today"
 * year 0 and shows it "Now"; its stretch of axis was headed "1 Jan – 31
 * Dec 1 BC" with a tick "1 BC". The heading of a stretch holding one event
 * with a display date is that date, and the calendar's ticks there go. */
static void
test_display_date_heading (void)
{
  const char *json =
    "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"cosmological\", \"events\": ["
    "{\"id\": \"bang\", \"date\": \"-13798000000\", \"title\": \"The Big Bang\"},"
    "{\"id\": \"reion\", \"date\": \"-13648000000\", \"end\": \"-12798000000\", \"title\": \"Reionization\"},"
    "{\"id\": \"solar\", \"date\": \"-4798000000\", \"title\": \"Formation of the Solar System\"},"
    "{\"id\": \"today\", \"date\": \"0000\", \"display_date\": \"Now\", \"title\": \"Today\"}]}";
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const ChronicleTick *ticks;
  guint n_ticks;
  gboolean now = FALSE;

  timeline = chronicle_timeline_load_from_data (json, -1, NULL, &error);
  g_assert_no_error (error);
  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, HEIGHT);

  for (guint i = 0; i < layout->stretches->len; i++)
    {
      const ChronicleLayoutStretch *stretch = &g_array_index (layout->stretches, ChronicleLayoutStretch, i);

      g_test_message ("heading %s", stretch->text);
      g_assert_null (strstr (stretch->text, "BC"));
      now |= g_strcmp0 (stretch->text, "Now") == 0;
    }
  g_assert_true (now);

  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].text != NULL)
      {
        g_test_message ("tick %s", ticks[i].text);
        g_assert_null (strstr (ticks[i].text, "BC"));
      }
}

/* Whitney Houston's TimelineJS timeline: a birth on 9 Aug 1963, then
 * years from 1978. The first stretch, one day, was headed "9 Aug 1963"
 * right under a tick saying "9 Aug 1963". A tick saying what its
 * stretch's heading says loses its text (its mark stays). */
static void
test_heading_not_repeated (void)
{
  const char *json =
    "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Whitney Houston\", \"events\": ["
    "{\"id\": \"born\", \"date\": \"1963-08-09\", \"title\": \"A Musical Heritage\"},"
    "{\"id\": \"first\", \"date\": \"1978\", \"title\": \"First Recording\"},"
    "{\"id\": \"signed\", \"date\": \"1983\", \"title\": \"Signed\"},"
    "{\"id\": \"debut\", \"date\": \"1985\", \"title\": \"Debut\"},"
    "{\"id\": \"bodyguard\", \"date\": \"1992\", \"title\": \"The Bodyguard\"}]}";
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  const ChronicleTick *ticks;
  guint n_ticks, n_headed_days = 0;

  timeline = chronicle_timeline_load_from_data (json, -1, NULL, &error);
  g_assert_no_error (error);
  chronicle_viewport_set_width (vp, 1200);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, 675);
  ticks = chronicle_layout_get_ticks (layout, &n_ticks);

  for (guint s = 0; s < layout->stretches->len; s++)
    {
      const ChronicleLayoutStretch *stretch = &g_array_index (layout->stretches, ChronicleLayoutStretch, s);

      g_test_message ("heading %s", stretch->text);
      n_headed_days += g_strcmp0 (stretch->text, "9 Aug 1963") == 0;
      for (guint i = 0; i < n_ticks; i++)
        g_assert_cmpstr (ticks[i].text, !=, stretch->text);
    }
  g_assert_cmpuint (n_headed_days, ==, 1);
}

/* A dense view folds most events, but keeps the label work bounded. */
static void
test_dense_clusters (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, 3);
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleLayoutItem *items;
  guint n_items, n_clusters = 0, n_labels = 0;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, HEIGHT);
  items = chronicle_layout_get_items (layout, &n_items);

  for (guint i = 0; i < n_items; i++)
    {
      if (items[i].kind == CHRONICLE_ITEM_CLUSTER)
        n_clusters++;
      else
        n_labels++;
    }

  g_assert_cmpuint (n_clusters, >, 0);
  g_assert_cmpuint (n_labels, >, 20);
  g_assert_cmpuint (n_items, <, 1000);
  g_assert_cmpuint (chronicle_layout_get_n_visible_events (layout), ==, 10000);
  /* Events map to items in runs, not one entry per event: a fitted view
   * of a million events must not cost megabytes per frame. */
  g_assert_cmpuint (layout->event_runs->len, <=, 2 * n_items);
}

/* Too dense to label: the layout counts where the events start, per
 * column of the density strip, and the counts are those a pass over the
 * events gives (up to an event on a column's edge, where the two round
 * differently). A view where every event has its label has no strip. */
static void
test_density (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, 3);
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleViewport) example_vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  g_autoptr(ChronicleLayout) example_layout = NULL;
  g_autofree guint *expected = NULL;
  guint n_columns, total = 0, counted = 0, misplaced = 0, max_count = 0;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, HEIGHT);

  n_columns = (guint) ceil (WIDTH / CHRONICLE_DENSITY_COLUMN);
  g_assert_nonnull (layout->density);
  g_assert_cmpuint (layout->n_density, ==, n_columns);

  expected = g_new0 (guint, n_columns);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      double x = chronicle_viewport_to_px (layout->viewport, chronicle_viewport_event_start (layout->viewport, event));
      int column = (int) floor (x / CHRONICLE_DENSITY_COLUMN);

      if (column >= 0 && column < (int) n_columns)
        {
          expected[column]++;
          total++;
        }
    }
  for (guint c = 0; c < n_columns; c++)
    {
      counted += layout->density[c];
      misplaced += layout->density[c] > expected[c] ? layout->density[c] - expected[c] : expected[c] - layout->density[c];
      max_count = MAX (max_count, layout->density[c]);
    }
  g_assert_cmpuint (total, ==, 10000);
  g_assert_cmpuint (counted, ==, total);
  g_assert_cmpuint (misplaced, <=, total / 500);
  g_assert_cmpuint (layout->density_max, ==, max_count);

  /* A small timeline: every event labelled, no strip. */
  chronicle_viewport_set_width (example_vp, WIDTH);
  chronicle_viewport_set_timeline (example_vp, example, TRUE);
  example_layout = compute (example, example_vp, HEIGHT);
  g_assert_null (example_layout->density);
}

static guint n_measured;

static void
count_measure (const char        *text,
               ChronicleTextRole  role,
               double            *width,
               double            *height,
               gpointer           user_data)
{
  n_measured++;
  chronicle_test_measure_fixed (text, role, width, height, user_data);
}

/* Zooming into a dense timeline: every frame measures about as many
 * titles as it shows. Near the right edge labels slide left, and no lane
 * takes them; each event there used to be measured before folding, which
 * cost thousands of measurements (tens of ms) per frame. */
static void
test_measures_bounded (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (50000, 1);
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };

  chronicle_viewport_set_width (vp, 1920);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  chronicle_viewport_fit (vp);

  for (guint step = 0; step < 40; step++)
    {
      g_autoptr(ChronicleLayout) layout = NULL;
      guint n_items;

      n_measured = 0;
      layout = chronicle_layout_compute (timeline, vp, 1920, 1080, &options, count_measure, NULL);
      chronicle_layout_get_items (layout, &n_items);
      /* a title wrapped onto two lines takes up to four: whole, two
       * guesses at the break, the second line */
      g_assert_cmpuint (n_measured, <=, 4 * n_items + 100);
      chronicle_viewport_zoom (vp, 1.035, 960);
    }
}

/* Hit-testing: markers and bars answer too, empty space does not. */
static void
test_hit_test (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleLayoutItem *items;
  guint n_items;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, HEIGHT);
  items = chronicle_layout_get_items (layout, &n_items);

  for (guint i = 0; i < n_items; i++)
    {
      const ChronicleLayoutItem *hit;

      if (items[i].kind == CHRONICLE_ITEM_MARKER)
        hit = chronicle_layout_hit_test (layout, items[i].x + 1, items[i].axis_y);
      else
        hit = chronicle_layout_hit_test (layout, (MAX (items[i].x, 0) + MIN (items[i].x2, WIDTH)) / 2, items[i].axis_y);

      /* bars of the same day may lie on top of each other; the one hit
       * must at least be there */
      g_assert_nonnull (hit);
      g_assert_cmpfloat (fabs (hit->axis_y - items[i].axis_y), <, 8);
    }

  g_assert_null (chronicle_layout_hit_test (layout, 5, 5));
  g_assert_null (chronicle_layout_find_event (layout, G_MAXUINT - 1));
}

/* Era labels share one row: overlapping eras (ok-rich.json has a round
 * of talks starting just before the war it belongs to) must not print
 * their names over each other, at any zoom, and each name stays on its
 * own band. */
static void
test_era_labels_apart (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ok-rich.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  guint n_checked = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_eras (timeline)), ==, 2);

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, FALSE);
  for (double zoom = 1; zoom <= 64; zoom *= 2)
    {
      g_autoptr(ChronicleLayout) layout = NULL;
      guint n_labels = 0;

      chronicle_viewport_fit (vp);
      chronicle_viewport_zoom (vp, zoom, WIDTH / 4);
      layout = compute (timeline, vp, HEIGHT);

      for (guint i = 0; i < layout->eras->len; i++)
        {
          const ChronicleLayoutEra *a = &g_array_index (layout->eras, ChronicleLayoutEra, i);

          if (a->label_rect.width <= 0)
            continue;
          n_labels++;
          g_assert_cmpfloat (a->label_rect.x, >=, a->x0);
          g_assert_cmpfloat (a->label_rect.x + a->label_rect.width, <=, a->x1);

          for (guint j = i + 1; j < layout->eras->len; j++)
            {
              const ChronicleLayoutEra *b = &g_array_index (layout->eras, ChronicleLayoutEra, j);

              if (b->label_rect.width > 0 && rects_overlap (&a->label_rect, &b->label_rect))
                g_error ("at zoom %g the labels of eras \"%s\" and \"%s\" overlap", zoom, a->label, b->label);
            }
        }
      /* the fitted view has room for both names */
      if (zoom == 1)
        g_assert_cmpuint (n_labels, ==, 2);
      n_checked += n_labels;
    }
  g_assert_cmpuint (n_checked, >, 2);
}

/* Degenerate input lays out without complaint: no events, a chart too
 * small for anything, one event. */
static void
test_degenerate (void)
{
  g_autoptr(ChronicleTimeline) empty = chronicle_timeline_new ("Empty");
  g_autoptr(ChronicleTimeline) one = chronicle_timeline_new (NULL);
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleEvent) event = NULL;
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
  ChronicleDate date;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, empty, TRUE);
  {
    g_autoptr(ChronicleLayout) layout = compute (empty, vp, HEIGHT);
    guint n_items;

    chronicle_layout_get_items (layout, &n_items);
    g_assert_cmpuint (n_items, ==, 0);
    g_assert_null (chronicle_layout_hit_test (layout, WIDTH / 2, HEIGHT / 2));
  }

  g_assert_true (chronicle_date_parse ("2025-05-16T10:30", &date, NULL));
  event = chronicle_event_new ("talks", &date, "Direct talks open in Istanbul");
  chronicle_timeline_add_event (one, event);
  chronicle_viewport_set_timeline (vp, one, TRUE);
  check_layout (one, vp, HEIGHT);

  /* tiny: everything folds, still counted; no lane, no crash */
  chronicle_viewport_set_timeline (vp, example, TRUE);
  for (double h = 1; h < 200; h += 37)
    {
      g_autoptr(ChronicleLayout) layout = chronicle_layout_compute (example, vp, 50, h, &options,
                                                                    chronicle_test_measure_fixed, NULL);
      const ChronicleLayoutItem *items;
      guint n_items, total = 0;

      items = chronicle_layout_get_items (layout, &n_items);
      for (guint i = 0; i < n_items; i++)
        total += items[i].n_events;
      g_assert_cmpuint (total, ==, chronicle_layout_get_n_visible_events (layout));
    }
}

/* ---- axis: dates readable off the chart (issue #11) ---- */

/* Every stretch of axis between breaks that shows on screen has a tick
 * label naming the year of the date at its tick, or a heading naming its
 * span with the year ("18 Mar 1990"), which then stands for the year
 * tick (one "1990" under the other said the same twice). */
static void
assert_year_in_every_stretch (const ChronicleLayout *layout)
{
  const ChronicleViewport *vp = chronicle_layout_get_viewport (layout);
  const ChronicleAxisSegment *segments;
  const ChronicleTick *ticks;
  guint n_segments, n_ticks;

  segments = chronicle_viewport_get_segments (vp, &n_segments);
  ticks = chronicle_layout_get_ticks (layout, &n_ticks);

  for (guint i = 0; i < n_segments; i++)
    {
      double x0 = chronicle_viewport_to_px (vp, segments[i].t0);
      double x1 = chronicle_viewport_to_px (vp, segments[i].t1);
      gboolean found = FALSE;

      if (segments[i].is_break || x1 <= 0 || x0 >= layout->width)
        continue;
      /* The first and last stretches reach on past the axis. */
      if (i == 0)
        x0 = -G_MAXDOUBLE;
      if (i + 1 == n_segments)
        x1 = G_MAXDOUBLE;
      if (MIN (x1, layout->width) - MAX (x0, 0) < 1)
        continue;

      for (guint k = 0; k < layout->stretches->len && !found; k++)
        {
          const ChronicleLayoutStretch *stretch = &g_array_index (layout->stretches, ChronicleLayoutStretch, k);
          g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc ((gint64) segments[i].data_t1);
          g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (dt));

          found = stretch->x0 >= x0 && stretch->x1 <= x1 && strstr (stretch->text, year) != NULL;
        }

      for (guint k = 0; k < n_ticks && !found; k++)
        {
          g_autoptr(GDateTime) dt = NULL;
          g_autofree char *year = NULL;

          if (ticks[k].text == NULL || ticks[k].x < x0 || ticks[k].x > x1)
            continue;
          dt = g_date_time_new_from_unix_utc ((gint64) chronicle_viewport_from_px (vp, ticks[k].x));
          year = g_strdup_printf ("%d", g_date_time_get_year (dt));
          found = strstr (ticks[k].text, year) != NULL;
        }

      if (!found)
        {
          g_test_message ("stretch %u (%.0f..%.0f px) has no year; ticks:", i, MAX (x0, 0), MIN (x1, layout->width));
          for (guint k = 0; k < n_ticks; k++)
            g_test_message ("  x %.0f: \"%s\" at %.0f..%.0f", ticks[k].x, ticks[k].text ? ticks[k].text : "(none)",
                            ticks[k].label_x, ticks[k].label_x + ticks[k].label_width);
          for (guint k = 0; k < layout->breaks->len; k++)
            {
              const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, k);

              g_test_message ("  break %.0f..%.0f: \"%s\"%s", brk->x0, brk->x1, brk->text,
                              brk->text_below ? " (below)" : "");
            }
        }
      g_assert_true (found);
    }
}

/* Every break in view has its text, and no tick label covers it; one
 * that left the tick row shares the headings' row, and no heading covers
 * it there. */
static void
assert_break_texts_clear (const ChronicleLayout *layout)
{
  const ChronicleTick *ticks;
  guint n_ticks;

  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double left = (brk->x0 + brk->x1) / 2 - brk->text_width / 2;

      g_assert_nonnull (brk->text);
      if (brk->text_below)
        {
          g_assert_cmpfloat (layout->break_label_y, ==, layout->stretch_label_y);
          for (guint k = 0; k < layout->stretches->len; k++)
            {
              const ChronicleRect *heading = &g_array_index (layout->stretches, ChronicleLayoutStretch, k).rect;

              g_assert_true (heading->x + heading->width <= left || heading->x >= left + brk->text_width);
            }
          continue;
        }
      for (guint k = 0; k < n_ticks; k++)
        if (ticks[k].text != NULL)
          g_assert_true (ticks[k].label_x + ticks[k].label_width <= left ||
                         ticks[k].label_x >= left + brk->text_width);
    }
}

/* At window and export widths, fitted and zoomed in a few steps. */
static void
check_years (ChronicleTimeline *timeline)
{
  static const double widths[] = { 600, 800, 1200, 1920 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
      ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };

      chronicle_viewport_set_width (vp, widths[w]);
      chronicle_viewport_set_timeline (vp, timeline, TRUE);
      for (int step = 0; step < 6; step++)
        {
          g_autoptr(ChronicleLayout) layout =
            chronicle_layout_compute (timeline, vp, widths[w], HEIGHT, &options, chronicle_test_measure_fixed, NULL);

          g_test_message ("width %g, zoom step %d", widths[w], step);
          assert_year_in_every_stretch (layout);
          assert_break_texts_clear (layout);
          chronicle_viewport_zoom (vp, 1.7, widths[w] * 0.3);
        }
    }
}

static void
test_years_example (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();

  check_years (timeline);
}

/* 1963, then 1986–2000, then 2012: two breaks; the narrow 1963 stretch
 * left of the first used to have no date at all. */
static void
test_years_1963_2012 (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("breaks-1963-2012.json");
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  guint n_segments;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  chronicle_viewport_get_segments (vp, &n_segments);
  g_assert_cmpuint (n_segments, ==, 5);

  layout = compute (timeline, vp, HEIGHT);
  assert_year_in_every_stretch (layout);
  check_years (timeline);
}

static void
test_years_generated (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (2000, g_test_rand_int ());

  check_years (timeline);
}

/* Each break says how much time it leaves out. */
static void
test_break_texts (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("breaks-1963-2012.json");
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  g_autoptr(ChronicleLayout) example_layout = NULL;
  const ChronicleLayoutBreak *brk;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = compute (timeline, vp, HEIGHT);
  g_assert_cmpuint (layout->breaks->len, ==, 2);
  /* 16 Jun 1963 to 20 Feb 1986; 2 Nov 2000 to 25 May 2012 */
  g_assert_cmpstr (g_array_index (layout->breaks, ChronicleLayoutBreak, 0).text, ==, "23 years");
  g_assert_cmpstr (g_array_index (layout->breaks, ChronicleLayoutBreak, 1).text, ==, "12 years");

  chronicle_viewport_set_timeline (vp, example, TRUE);
  example_layout = compute (example, vp, HEIGHT);
  g_assert_cmpuint (example_layout->breaks->len, ==, 1);
  brk = &g_array_index (example_layout->breaks, ChronicleLayoutBreak, 0);
  g_assert_cmpstr (brk->text, ==, "3 years");
  g_assert_cmpfloat (brk->text_width, >, 0);

  {
    g_autofree char *days = chronicle_layout_format_skip (40 * 86400.0);
    g_autofree char *one = chronicle_layout_format_skip (3600.0);
    g_autofree char *months = chronicle_layout_format_skip (150 * 86400.0);

    g_assert_cmpstr (days, ==, "40 days");
    g_assert_cmpstr (one, ==, "1 day");
    g_assert_cmpstr (months, ==, "5 months");
  }
}

/* Where a break gives the two sides different scales, each is headed by
 * its span, on the chart, under the tick labels. */
static void
test_stretch_headings (void)
{
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  g_autoptr(ChronicleLayout) linear = NULL;
  const ChronicleLayoutStretch *a, *b;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, example, TRUE);
  layout = compute (example, vp, HEIGHT);
  g_assert_cmpuint (layout->stretches->len, ==, 2);
  a = &g_array_index (layout->stretches, ChronicleLayoutStretch, 0);
  b = &g_array_index (layout->stretches, ChronicleLayoutStretch, 1);
  g_assert_cmpstr (a->text, ==, "24 Feb – 31 Mar 2022");
  g_assert_cmpstr (b->text, ==, "15–16 May 2025");
  g_assert_cmpfloat (a->rect.x + a->rect.width, <=, b->rect.x);
  g_assert_cmpfloat (a->rect.y, >=, layout->tick_label_y + layout->tick_label_height);
  g_assert_cmpfloat (a->rect.y + a->rect.height, <=, layout->plot_bottom);

  /* One scale: nothing to say. */
  chronicle_viewport_set_timeline (vp, example, FALSE);
  linear = compute (example, vp, HEIGHT);
  g_assert_cmpuint (linear->stretches->len, ==, 0);
}

/* Bars within one stretch have lengths in proportion to their durations
 * (within 1 px). */
static void
test_bars_proportional (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (300, g_test_rand_int ());
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  ChronicleTimeline *timelines[] = { example, timeline };

  for (guint t = 0; t < G_N_ELEMENTS (timelines); t++)
    {
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
      g_autoptr(ChronicleLayout) layout = NULL;
      const ChronicleAxisSegment *segments;
      const ChronicleLayoutItem *items;
      guint n_segments, n_items, n_checked = 0;

      chronicle_viewport_set_width (vp, WIDTH);
      chronicle_viewport_set_timeline (vp, timelines[t], TRUE);
      layout = compute (timelines[t], vp, HEIGHT);
      segments = chronicle_viewport_get_segments (vp, &n_segments);
      items = chronicle_layout_get_items (layout, &n_items);

      for (guint s = 0; s < n_segments; s++)
        {
          double px_per_s = (chronicle_viewport_to_px (vp, segments[s].t1) -
                             chronicle_viewport_to_px (vp, segments[s].t0)) / (segments[s].t1 - segments[s].t0);

          for (guint i = 0; i < n_items; i++)
            {
              ChronicleEvent *event;
              double start, end;

              if (items[i].kind != CHRONICLE_ITEM_BAR)
                continue;
              event = chronicle_timeline_get_event (timelines[t], items[i].first_event);
              start = chronicle_viewport_event_start (vp, event);
              end = chronicle_viewport_event_end (vp, event);
              if (segments[s].is_break || start < segments[s].t0 || end > segments[s].t1)
                continue;
              g_assert_cmpfloat_with_epsilon (items[i].x2 - items[i].x, (end - start) * px_per_s, 1.0);
              n_checked++;
            }
        }
      g_assert_cmpuint (n_checked, >, 0);
    }
}

/* 10:30+03:00 is drawn at 10:30 on an axis that says UTC+3 (the zone the
 * timeline's times share), at 07:30 on one that says UTC; the floating
 * day stays 16 May 00:00 to 24:00 in both. */
static void
check_zone (ChronicleTimeline *timeline,
            ChronicleZoneMode  mode,
            double             open_at,
            const char        *zone_name)
{
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 5, 16, 0, 0, 0);
  const ChronicleLayoutItem *item;
  const ChronicleTick *ticks;
  guint n_ticks;
  gboolean named = FALSE;
  double day_start = (double) g_date_time_to_unix (day);

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_zone_offset (vp, chronicle_viewport_resolve_zone (timeline, mode, 0));
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  chronicle_viewport_show_range (vp, day_start, day_start + 86400);
  layout = compute (timeline, vp, HEIGHT);

  for (guint pos = 0; pos < chronicle_timeline_get_n_events (timeline); pos++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, pos);
      double at;

      item = chronicle_layout_find_event (layout, pos);
      g_assert_nonnull (item);
      g_assert_cmpuint (item->n_events, ==, 1);
      /* Hours after midnight on the axis, read back from the mark (one
       * px is 72 s here). */
      at = (chronicle_viewport_from_px (vp, item->x) - day_start) / 3600.0;
      if (g_str_equal (chronicle_event_get_id (event), "open"))
        g_assert_cmpfloat_with_epsilon (at, open_at, 1.0 / 60);
      else if (g_str_equal (chronicle_event_get_id (event), "day"))
        {
          g_assert_cmpfloat_with_epsilon (at, 0.0, 1.0 / 60);
          g_assert_cmpfloat_with_epsilon (item->x2 - item->x, WIDTH, 1.0);
        }
    }

  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      const char *found;

      if (ticks[i].text == NULL || (found = strstr (ticks[i].text, zone_name)) == NULL)
        continue;
      /* "UTC" is not "UTC+3" */
      named = named || found[strlen (zone_name)] == '\0';
    }
  g_assert_true (named);
}

static void
test_zone (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("offset-istanbul.json");

  g_assert_cmpint (chronicle_viewport_resolve_zone (timeline, CHRONICLE_ZONE_TIMELINE, 0), ==, 3 * 3600);
  check_zone (timeline, CHRONICLE_ZONE_TIMELINE, 10.5, "UTC+3");
  check_zone (timeline, CHRONICLE_ZONE_UTC, 7.5, "UTC");
}

/* The computer's zone has rules: in Berlin a time in January is drawn an
 * hour after UTC, one in July two hours after (the offset in force now
 * was used for both), and the axis names the zone. */
static void
test_zone_local_dst (void)
{
  static const char json[] =
    "{ \"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Two noons\", \"events\": ["
    "  { \"id\": \"winter\", \"date\": \"2025-01-15T12:00Z\", \"title\": \"Winter noon\" },"
    "  { \"id\": \"summer\", \"date\": \"2025-07-15T12:00Z\", \"title\": \"Summer noon\" } ] }";
  static const struct { int month; double wall_hour; } expected[] = { { 1, 13.0 }, { 7, 14.0 } };
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));

  g_setenv ("TZ", "Europe/Berlin", TRUE);
  timeline = chronicle_timeline_load_from_data (json, -1, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
      g_autoptr(ChronicleLayout) layout = NULL;
      g_autoptr(GDateTime) day = g_date_time_new_utc (2025, expected[i].month, 15, 0, 0, 0);
      double day_start = (double) g_date_time_to_unix (day);
      const ChronicleLayoutItem *item;
      const ChronicleTick *ticks;
      guint n_ticks;
      gboolean named = FALSE;

      chronicle_viewport_set_width (vp, WIDTH);
      chronicle_viewport_set_zone (vp, timeline, CHRONICLE_ZONE_LOCAL, 0);
      chronicle_viewport_set_timeline (vp, timeline, FALSE);
      chronicle_viewport_show_range (vp, day_start, day_start + 86400);
      layout = compute (timeline, vp, HEIGHT);

      item = chronicle_layout_find_event (layout, i);
      g_assert_nonnull (item);
      g_assert_cmpuint (item->n_events, ==, 1);
      g_assert_cmpfloat_with_epsilon ((chronicle_viewport_from_px (vp, item->x) - day_start) / 3600.0,
                                      expected[i].wall_hour, 1.0 / 60);

      ticks = chronicle_layout_get_ticks (layout, &n_ticks);
      for (guint k = 0; k < n_ticks; k++)
        named |= ticks[k].text != NULL && strstr (ticks[k].text, "Europe/Berlin") != NULL;
      g_assert_true (named);
    }

  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
}

static gboolean
has_time_of_day (const ChronicleLayout *layout)
{
  const ChronicleTick *ticks;
  guint n_ticks;

  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].text != NULL && strchr (ticks[i].text, ':') != NULL)
      return TRUE;
  return FALSE;
}

/* Zoomed into one day, an axis over dates known only to the day shows no
 * hours; one over timed events does. */
static void
test_no_false_precision (void)
{
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleTimeline) timed = chronicle_test_load_data ("offset-istanbul.json");
  g_autoptr(GDateTime) day = g_date_time_new_utc (2025, 5, 16, 0, 0, 0);
  double t = (double) g_date_time_to_unix (day);
  ChronicleTimeline *timelines[] = { example, timed };

  for (guint k = 0; k < G_N_ELEMENTS (timelines); k++)
    {
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();

      chronicle_viewport_set_width (vp, WIDTH);
      chronicle_viewport_set_timeline (vp, timelines[k], TRUE);
      for (double span = 86400 * 2; span >= 3600; span /= 2)
        {
          g_autoptr(ChronicleLayout) layout = NULL;

          chronicle_viewport_show_range (vp, t + 10 * 3600 - span / 2, t + 10 * 3600 + span / 2);
          layout = compute (timelines[k], vp, HEIGHT);
          g_assert_cmpint (has_time_of_day (layout), ==, timelines[k] == timed);
        }
    }
}

/* Like compute(), with the view's memory of where events were. */
static ChronicleLayout *
compute_kept (ChronicleTimeline       *timeline,
              const ChronicleViewport *vp,
              GHashTable              *placements)
{
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE, NULL, placements };

  return chronicle_layout_compute (timeline, vp, WIDTH, HEIGHT, &options,
                                   chronicle_test_measure_fixed, NULL);
}

/* Every label starts at its event's date or ends at it, and a leader
 * joins its mark to the label box; no two label boxes overlap. */
static void
assert_anchored (const ChronicleLayout *layout,
                 double                 width,
                 double                 height)
{
  const ChronicleLayoutItem *items;
  guint n_items;

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      const ChronicleRect *box = &item->label;
      double start, end, lx, top, bottom;
      gboolean at_start, at_end;

      if (item->kind == CHRONICLE_ITEM_CLUSTER || box->width <= 0)
        continue;

      g_assert_cmpfloat (box->x, >=, 0);
      g_assert_cmpfloat (box->x + box->width, <=, width);
      g_assert_cmpfloat (box->y, >=, 0);
      g_assert_cmpfloat (box->y + box->height, <=, height);

      if (item->kind == CHRONICLE_ITEM_MARKER)
        start = end = item->x;
      else
        {
          /* a bar: from its visible start, or ending there (never at its
           * end, which reads as the date) */
          start = end = MAX (item->x, 0);
        }
      at_start = fabs (box->x - start) <= 1 + 1e-9;
      at_end = fabs (box->x + box->width - end) <= 1 + 1e-9;
      if (!at_start && !at_end)
        g_error ("label of event %u (\"%s\") spans [%g, %g], its date is at %g..%g", item->first_event,
                 item->text, box->x, box->x + box->width, start, end);
      g_assert_true (at_end == item->label_before || at_start);

      /* The leader: a vertical line from the mark (on the axis, or the
       * bar) that reaches the label box, or the bar under it. */
      g_assert_cmpuint (item->n_leader, ==, 2);
      lx = item->leader[0].x;
      g_assert_cmpfloat (fabs (item->leader[1].x - lx), <=, 1e-9);
      g_assert_cmpfloat (fabs (lx - start), <=, 1e-9);
      g_assert_cmpfloat (lx, >=, box->x - 1 - 1e-9);
      g_assert_cmpfloat (lx, <=, box->x + box->width + 1 + 1e-9);
      top = MIN (item->leader[0].y, item->leader[1].y);
      bottom = MAX (item->leader[0].y, item->leader[1].y);
      if (item->kind == CHRONICLE_ITEM_MARKER)
        {
          g_assert_cmpfloat (fabs ((item->lane > 0 ? bottom : top) - chronicle_layout_get_axis_y (layout)), <=, 1e-9);
          g_assert_cmpfloat (fabs ((item->lane > 0 ? top : bottom) - (item->lane > 0 ? box->y + box->height : box->y)),
                             <=, 1e-9);
        }
      else
        {
          /* the bar lies along the label, in the same lane */
          g_assert_cmpfloat (fabs ((item->lane > 0 ? top : bottom) - item->axis_y), <=, 1e-9);
          g_assert_cmpfloat (fabs (item->axis_y - (item->lane > 0 ? box->y + box->height : box->y)), <=,
                             CHRONICLE_BAR_HEIGHT + 4);
        }
    }

  for (guint i = 0; i < n_items; i++)
    for (guint j = i + 1; j < n_items; j++)
      if (items[i].label.width > 0 && items[j].label.width > 0 && rects_overlap (&items[i].label, &items[j].label))
        g_error ("labels of events %u and %u overlap", items[i].first_event, items[j].first_event);
}

static const double sizes[][2] = { { 1200, 675 }, { 1920, 1080 }, { 640, 480 } };

/* Fitted, zoomed in steps around events, and panned so that events come
 * near either edge; linear and with breaks; at several sizes. */
static void
check_anchored (ChronicleTimeline *timeline)
{
  gint64 first, last;

  g_assert_true (chronicle_timeline_get_bounds (timeline, &first, &last));
  for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
    for (int linear = 0; linear < 2; linear++)
      {
        g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
        double width = sizes[size][0], height = sizes[size][1];

        chronicle_viewport_set_width (vp, width);
        if (linear)
          chronicle_viewport_set_linear (vp, first, last);
        else
          chronicle_viewport_set_timeline (vp, timeline, TRUE);

        for (int step = 0; step < 12; step++)
          {
            g_autoptr(ChronicleLayout) layout = NULL;

            if (step > 0 && step % 3 == 0)
              chronicle_viewport_pan (vp, g_test_rand_double_range (-width / 2, width / 2));
            else if (step > 0)
              {
                ChronicleEvent *event = chronicle_timeline_get_event (timeline,
                                                                      g_test_rand_int_range (0, chronicle_timeline_get_n_events (timeline)));
                double anchor = chronicle_viewport_to_px (vp, chronicle_event_get_start_time (event));

                if (anchor < 0 || anchor > width)
                  anchor = g_test_rand_double_range (0, width);
                chronicle_viewport_zoom (vp, g_test_rand_double_range (1.5, 4), anchor);
              }

            layout = compute_size (timeline, vp, width, height);
            assert_anchored (layout, width, height);
          }
      }
}

static void
test_example_anchored (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();

  check_anchored (timeline);
}

static void
test_generated_anchored (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, g_test_rand_int ());

  check_anchored (timeline);
}

/* The example, linear: its May 2025 events lie at the right edge. The
 * accent of "Trump: no movement…" sat at about September 2024. */
static void
test_example_linear_right_edge (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleLayoutItem *items;
  guint n_items, n_before = 0;
  gint64 first, last;

  g_assert_true (chronicle_timeline_get_bounds (timeline, &first, &last));
  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_linear (vp, first, last);
  layout = compute (timeline, vp, HEIGHT);
  assert_anchored (layout, WIDTH, HEIGHT);

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    if (items[i].kind != CHRONICLE_ITEM_CLUSTER && items[i].label_before)
      n_before++;
  g_assert_cmpuint (n_before, >=, 3);
}

/* Joined lines of a label give back the title, each fits in the box. */
static void
assert_whole_titles (ChronicleTimeline     *timeline,
                     const ChronicleLayout *layout)
{
  const ChronicleLayoutItem *items;
  guint n_items, n_labels = 0;

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      const char *title;
      g_autofree char *joined = NULL;
      double room = item->label.width - 2 * CHRONICLE_LABEL_PAD_X - CHRONICLE_LABEL_STRIP, w = 0, h = 0;

      if (item->kind == CHRONICLE_ITEM_CLUSTER || item->label.width <= 0)
        continue;
      n_labels++;
      title = chronicle_event_get_title (chronicle_timeline_get_event (chronicle_layout_get_timeline (layout),
                                                                       item->first_event));
      joined = item->text2 != NULL ? g_strconcat (item->text, " ", item->text2, NULL) : g_strdup (item->text);
      /* an estimated date's label says so first */
      if (item->approximate)
        {
          g_assert_true (g_str_has_prefix (joined, "c. "));
          g_assert_cmpstr (joined + strlen ("c. "), ==, title);
        }
      else
        g_assert_cmpstr (joined, ==, title);

      chronicle_test_measure_fixed (item->text, CHRONICLE_TEXT_LABEL, &w, &h, NULL);
      g_assert_cmpfloat (w, <=, room + 1e-9);
      if (item->text2 != NULL)
        {
          chronicle_test_measure_fixed (item->text2, CHRONICLE_TEXT_LABEL, &w, &h, NULL);
          g_assert_cmpfloat (w, <=, room + 1e-9);
          g_assert_cmpfloat (item->label.height, >, 2 * h);
        }
    }

  g_assert_cmpuint (n_labels, >, 0);
  g_assert_cmpuint (chronicle_layout_get_n_cut_titles (layout), ==, 0);
  (void) timeline;
}

/* Titles of 40 to 90 characters (280 to 630 px here): whole, on one
 * line or two, in a chart with room; only a chart too narrow for two
 * lines cuts them, and counts them. */
static void
test_whole_titles (void)
{
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Long titles");
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  gint64 first, last;

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("Event %u: %.*s", i, 30 + 10 * i,
                                                "the talks open late and close early with no deal signed at all today");
      g_autoptr(GError) error = NULL;
      ChronicleDate date = { 0, };
      g_autoptr(ChronicleEvent) event = NULL;

      g_assert_true (chronicle_date_parse (i < 3 ? "2025-05-15" : "2025-05-16", &date, &error));
      g_assert_no_error (error);
      event = chronicle_event_new (id, &date, title);
      chronicle_timeline_add_event (timeline, event);
    }

  /* the example, linear and fitted */
  g_assert_true (chronicle_timeline_get_bounds (example, &first, &last));
  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_linear (vp, first, last);
  layout = compute (example, vp, HEIGHT);
  assert_whole_titles (example, layout);
  g_clear_pointer (&layout, chronicle_layout_free);
  chronicle_viewport_set_timeline (vp, example, TRUE);
  layout = compute (example, vp, HEIGHT);
  assert_whole_titles (example, layout);
  g_clear_pointer (&layout, chronicle_layout_free);

  for (guint size = 0; size < 2; size++)
    {
      chronicle_viewport_set_width (vp, sizes[size][0]);
      chronicle_viewport_set_timeline (vp, timeline, TRUE);
      layout = compute_size (timeline, vp, sizes[size][0], sizes[size][1]);
      assert_whole_titles (timeline, layout);
      g_clear_pointer (&layout, chronicle_layout_free);
    }

  /* 200 px: no room for 90 characters in two lines */
  chronicle_viewport_set_width (vp, 200);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  layout = chronicle_layout_compute (timeline, vp, 200, 675, NULL, chronicle_test_measure_fixed, NULL);
  g_assert_cmpuint (chronicle_layout_get_n_cut_titles (layout), >, 0);
}

/* Records each event's side of the axis by id; fails when one changes. */
static void
assert_sides_kept (const ChronicleLayout *layout,
                   GHashTable            *sides,
                   double                *axis_y)
{
  ChronicleTimeline *timeline = chronicle_layout_get_timeline (layout);
  const ChronicleLayoutItem *items;
  guint n_items;

  if (*axis_y < 0)
    *axis_y = chronicle_layout_get_axis_y (layout);
  g_assert_cmpfloat (chronicle_layout_get_axis_y (layout), ==, *axis_y);

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const char *id;
      gpointer side;

      if (items[i].kind == CHRONICLE_ITEM_CLUSTER)
        continue;
      id = chronicle_event_get_id (chronicle_timeline_get_event (timeline, items[i].first_event));
      side = GINT_TO_POINTER (items[i].lane > 0 ? 1 : 2);
      if (!g_hash_table_contains (sides, id))
        g_hash_table_insert (sides, g_strdup (id), side);
      else if (g_hash_table_lookup (sides, id) != side)
        g_error ("event %s (%u, lane %d, kind %d, x %g) moved to the other side of the axis", id,
                 items[i].first_event, items[i].lane, items[i].kind, items[i].x);
    }
}

/* The lanes an item's label takes: its own, and the next one out for a
 * label of two lines. */
static gboolean
item_takes_lane (const ChronicleLayoutItem *item,
                 int                        lane)
{
  int outer = item->text2 == NULL ? item->lane : item->lane + (item->lane > 0 ? 1 : -1);

  return lane == item->lane || lane == outer;
}

static void
item_span (const ChronicleLayoutItem *item,
           double                    *left,
           double                    *right)
{
  *left = item->label.x;
  *right = item->label.x + item->label.width;
  if (item->kind == CHRONICLE_ITEM_BAR)
    {
      *left = MIN (*left, MAX (item->x, 0));
      *right = MAX (*right, item->x2);
    }
}

/* Records each event's row (lane) by id; fails when one changed although
 * its row had room for it: nothing else in that row (or the next one out,
 * for two lines) within 8 px of its label and bar. */
static void
assert_rows_kept (const ChronicleLayout *layout,
                  GHashTable            *rows)
{
  ChronicleTimeline *timeline = chronicle_layout_get_timeline (layout);
  const ChronicleLayoutItem *items;
  guint n_items;

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const char *id;
      int before;
      double left, right;
      gboolean room = TRUE;

      if (items[i].kind == CHRONICLE_ITEM_CLUSTER)
        continue;
      id = chronicle_event_get_id (chronicle_timeline_get_event (timeline, items[i].first_event));
      before = GPOINTER_TO_INT (g_hash_table_lookup (rows, id));
      g_hash_table_insert (rows, g_strdup (id), GINT_TO_POINTER (items[i].lane));
      if (before == 0 || before == items[i].lane)
        continue;

      item_span (&items[i], &left, &right);
      /* two lines need the row beyond it */
      if (items[i].text2 != NULL &&
          (guint) ABS (before) + 1 > (before > 0 ? layout->n_lanes_above : layout->n_lanes_below))
        room = FALSE;
      for (guint j = 0; j < n_items && room; j++)
        {
          double l, r;

          if (j == i || items[j].kind == CHRONICLE_ITEM_CLUSTER)
            continue;
          item_span (&items[j], &l, &r);
          if (l < right + 8 && left < r + 8 &&
              (item_takes_lane (&items[j], before) ||
               (items[i].text2 != NULL && item_takes_lane (&items[j], before + (before > 0 ? 1 : -1)))))
            room = FALSE;
        }
      if (room)
        g_error ("event %s moved from row %d to row %d although row %d had room (%s, %g..%g)", id, before, items[i].lane,
                 before, items[i].text2 != NULL ? "two lines" : "one line", left, right);
    }
}

/* Zoom in and out around events, pan both ways, filter a category out
 * and back in: no event changes side, the axis stays where it is. */
static void
check_stable (ChronicleTimeline *timeline,
              gboolean           linear)
{
  g_autoptr(GHashTable) sides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) placements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleTimeline) filtered = NULL;
  GListModel *categories = chronicle_timeline_get_categories (timeline);
  double axis_y = -1;
  gint64 first, last;

  g_assert_true (chronicle_timeline_get_bounds (timeline, &first, &last));
  chronicle_viewport_set_width (vp, WIDTH);
  if (linear)
    chronicle_viewport_set_linear (vp, first, last);
  else
    chronicle_viewport_set_timeline (vp, timeline, TRUE);

  for (int step = 0; step < 24; step++)
    {
      g_autoptr(ChronicleLayout) layout = NULL;

      switch (step % 4)
        {
        case 0:
        case 1:
          chronicle_viewport_zoom (vp, 2.0, g_test_rand_double_range (0, WIDTH));
          break;
        case 2:
          chronicle_viewport_pan (vp, g_test_rand_double_range (-WIDTH / 3, WIDTH / 3));
          break;
        default:
          chronicle_viewport_zoom (vp, 0.5, g_test_rand_double_range (0, WIDTH));
          break;
        }
      if (step == 12)
        chronicle_viewport_fit (vp);

      layout = compute_kept (timeline, vp, placements);
      assert_sides_kept (layout, sides, &axis_y);
      assert_rows_kept (layout, rows);
    }

  /* Story mode: from event to event, each centred at a zoom of a few
   * of its neighbours. */
  chronicle_viewport_fit (vp);
  chronicle_viewport_zoom (vp, 4.0, WIDTH / 2);
  for (guint pos = 0; pos < MIN (chronicle_timeline_get_n_events (timeline), 40); pos++)
    {
      g_autoptr(ChronicleLayout) layout = NULL;
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, pos);

      chronicle_viewport_center_on (vp, (chronicle_viewport_event_start (vp, event) +
                                         chronicle_viewport_event_end (vp, event)) / 2);
      layout = compute_kept (timeline, vp, placements);
      assert_sides_kept (layout, sides, &axis_y);
      assert_rows_kept (layout, rows);
    }

  /* A filter shows another timeline, of fewer events, in the same view. */
  if (g_list_model_get_n_items (categories) > 0)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, 0);
      g_autoptr(ChronicleLayout) layout = NULL;

      chronicle_viewport_fit (vp);
      chronicle_filter_set_category_hidden (filter, chronicle_category_get_id (category), TRUE);
      filtered = chronicle_filter_apply (filter, timeline);
      layout = compute_kept (filtered, vp, placements);
      assert_sides_kept (layout, sides, &axis_y);
      assert_rows_kept (layout, rows);
      g_clear_pointer (&layout, chronicle_layout_free);
      layout = compute_kept (timeline, vp, placements);
      assert_sides_kept (layout, sides, &axis_y);
      assert_rows_kept (layout, rows);
      assert_rows_kept (layout, rows);
    }

  /* Story mode: from event to event, each centred at a zoom of a few
   * of its neighbours. */
  chronicle_viewport_fit (vp);
  chronicle_viewport_zoom (vp, 4.0, WIDTH / 2);
  for (guint pos = 0; pos < MIN (chronicle_timeline_get_n_events (timeline), 40); pos++)
    {
      g_autoptr(ChronicleLayout) layout = NULL;
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, pos);

      chronicle_viewport_center_on (vp, (chronicle_viewport_event_start (vp, event) +
                                         chronicle_viewport_event_end (vp, event)) / 2);
      layout = compute_kept (timeline, vp, placements);
      assert_sides_kept (layout, sides, &axis_y);
      assert_rows_kept (layout, rows);
    }
}

/* Labels on both sides of the axis in about equal numbers, where the
 * lanes allow: the example in the window had 9 of 11 below, the top half
 * of the chart empty. */
static void
check_sides_balanced (ChronicleTimeline *timeline,
                      const char        *name)
{
  static const double views[][2] = { { 1200, 675 }, { 910, 630 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (views); s++)
    {
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
      g_autoptr(ChronicleLayout) layout = NULL;
      const ChronicleLayoutItem *items;
      guint n_items, above = 0, below = 0;

      chronicle_viewport_set_width (vp, views[s][0]);
      chronicle_viewport_set_timeline (vp, timeline, TRUE);
      layout = compute_size (timeline, vp, views[s][0], views[s][1]);
      items = chronicle_layout_get_items (layout, &n_items);
      for (guint i = 0; i < n_items; i++)
        if (items[i].kind != CHRONICLE_ITEM_CLUSTER)
          {
            above += items[i].lane > 0;
            below += items[i].lane < 0;
          }
      g_test_message ("%s at %gx%g: %u labels above, %u below", name, views[s][0], views[s][1], above, below);
      g_assert_cmpuint (MAX (above, below) - MIN (above, below), <=, MAX (2, (above + below) / 4));
    }
}

static void
test_sides_balanced (void)
{
  static const char *const files[] = {
    "corpus/apollo-11.json", "corpus/berlin-wall-1989.json",
    "corpus/seventh-century.json", "corpus/women-in-computing.json",
  };
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();

  check_sides_balanced (example, "example");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data (files[i]);

      check_sides_balanced (timeline, files[i]);
    }
}

static void
test_example_stable (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();

  check_stable (timeline, FALSE);
  check_stable (timeline, TRUE);
}

static void
test_generated_stable (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, g_test_rand_int ());

  check_stable (timeline, FALSE);
  check_stable (timeline, TRUE);
}

/* ---- a corpus of real public timelines (tests/data/corpus) ---- */

static const char *const corpus_files[] = {
  "apollo-11.json",
  "berlin-wall-1989.json",
  "seventh-century.json",
  "women-in-computing.json",
};

/* Fitted, linear and with breaks, at 1200x675 and 1920x1080: every title
 * is drawn whole, on one line or two. Not at 640x480: there a dense chart
 * has no two free lanes for some labels and cuts them to one line (counted
 * in n_cut_titles), as test_whole_titles() allows. */
static void
check_corpus_whole_titles (ChronicleTimeline *timeline)
{
  gint64 first, last;

  g_assert_true (chronicle_timeline_get_bounds (timeline, &first, &last));
  for (guint size = 0; size < 2; size++)
    for (int linear = 0; linear < 2; linear++)
      {
        g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
        g_autoptr(ChronicleLayout) layout = NULL;

        chronicle_viewport_set_width (vp, sizes[size][0]);
        if (linear)
          chronicle_viewport_set_linear (vp, first, last);
        else
          chronicle_viewport_set_timeline (vp, timeline, TRUE);
        layout = compute_size (timeline, vp, sizes[size][0], sizes[size][1]);
        g_test_message ("%s, %gx%g", linear ? "linear" : "breaks", sizes[size][0], sizes[size][1]);
        assert_whole_titles (timeline, layout);
      }
}

static ChronicleTimeline *
load_corpus (const char *name)
{
  g_autofree char *path = g_build_filename ("corpus", name, NULL);
  ChronicleTimeline *timeline = chronicle_test_load_data (path);

  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), >=, 10);
  return timeline;
}

/* Anchored labels that never overlap: fitted, zoomed and panned, linear
 * and with breaks, at 1200x675, 1920x1080 and 640x480. */
static void
test_corpus_anchored (gconstpointer data)
{
  g_autoptr(ChronicleTimeline) timeline = load_corpus (data);

  check_anchored (timeline);
}

/* Fitted with breaks at the three sizes: each stretch's heading ("15–16
 * May 2025") lies inside the chart and clear of the others. */
static void
check_headings_inside (ChronicleTimeline *timeline)
{
  for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
    {
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
      g_autoptr(ChronicleLayout) layout = NULL;

      chronicle_viewport_set_width (vp, sizes[size][0]);
      chronicle_viewport_set_timeline (vp, timeline, TRUE);
      layout = compute_size (timeline, vp, sizes[size][0], sizes[size][1]);
      for (guint i = 0; i < layout->stretches->len; i++)
        {
          const ChronicleLayoutStretch *a = &g_array_index (layout->stretches, ChronicleLayoutStretch, i);

          g_test_message ("%gx%g: heading \"%s\" at %g..%g", sizes[size][0], sizes[size][1], a->text,
                          a->rect.x, a->rect.x + a->rect.width);
          g_assert_cmpfloat (a->rect.x, >=, 0);
          g_assert_cmpfloat (a->rect.x + a->rect.width, <=, sizes[size][0]);
          for (guint j = i + 1; j < layout->stretches->len; j++)
            g_assert_false (rects_overlap (&a->rect, &g_array_index (layout->stretches, ChronicleLayoutStretch, j).rect));
        }
    }
}

/* A year in every stretch between breaks, fitted and zoomed in, and the
 * stretches' headings inside the chart. */
static void
test_corpus_years (gconstpointer data)
{
  g_autoptr(ChronicleTimeline) timeline = load_corpus (data);

  check_headings_inside (timeline);
  check_years (timeline);
}

/* Sides and axis kept through zoom, pan and a filter; linear and with
 * breaks. */
static void
test_corpus_stable (gconstpointer data)
{
  g_autoptr(ChronicleTimeline) timeline = load_corpus (data);

  check_stable (timeline, FALSE);
  check_stable (timeline, TRUE);
}

static void
test_corpus_whole_titles (gconstpointer data)
{
  g_autoptr(ChronicleTimeline) timeline = load_corpus (data);

  check_corpus_whole_titles (timeline);
}


/* Ten events on 16 May 2025 (no time) in a chart with room for a few
 * labels: no zoom separates them, so the selected one, which the view
 * zooms to, takes its lane before the others and shows its label, and
 * the "+N" counts the rest. Without a selection it folds as before. */
static void
test_selected_unfolded (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Same day\", \"events\": [");
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(GError) error = NULL;
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
  const double height = 260.0;
  guint n_folded_before = 0, n_folded = 0, n_clusters = 0, n_selected = 0;

  for (guint i = 0; i < 10; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"2025-05-16\", \"title\": \"Event number %u\"}",
                            i > 0 ? "," : "", i, i);
  g_string_append (json, "]}");
  timeline = chronicle_timeline_load_from_data (json->str, -1, NULL, &error);
  g_assert_no_error (error);
  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);

  /* Without a selection: some are folded. */
  {
    g_autoptr(ChronicleLayout) layout = chronicle_layout_compute (timeline, vp, WIDTH, height, &options,
                                                                  chronicle_test_measure_fixed, NULL);

    n_folded_before = chronicle_layout_get_n_folded_events (layout, NULL);
    g_assert_cmpuint (n_folded_before, >=, 2);
  }

  for (guint selected = 0; selected < 10; selected++)
    {
      g_autoptr(ChronicleLayout) layout = NULL;
      const ChronicleLayoutItem *item;

      options.has_selected = TRUE;
      options.selected = selected;
      layout = chronicle_layout_compute (timeline, vp, WIDTH, height, &options, chronicle_test_measure_fixed, NULL);
      item = chronicle_layout_find_event (layout, selected);
      g_assert_nonnull (item);
      g_assert_cmpint (item->kind, !=, CHRONICLE_ITEM_CLUSTER);
      g_assert_cmpuint (item->first_event, ==, selected);
      g_assert_cmpfloat (item->label.width, >, 0);
      n_selected++;

      /* The selected takes one of the lanes the others had: as many are
       * folded, and the "+N" stands for exactly those (its members are
       * counted in check_layout_with_options()). */
      n_folded = chronicle_layout_get_n_folded_events (layout, &n_clusters);
      g_assert_cmpuint (n_clusters, ==, 1);
      g_assert_cmpuint (n_folded, ==, n_folded_before);
      check_layout_with_options (timeline, vp, height, &options);
    }
  g_assert_cmpuint (n_selected, ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/legend/marks-in-view", test_legend_marks);
  g_test_add_func ("/layout/legend/apollo-no-folded-range", test_legend_apollo);
  g_test_add_func ("/layout/legend/one-off", test_legend_one_off);
  g_test_add_func ("/layout/label-text", test_label_text);
  g_test_add_func ("/layout/example/zoom-levels", test_example_zoom);
  g_test_add_func ("/layout/axis/date-inside-break", test_date_inside_break);
  g_test_add_func ("/layout/example/fit-legible", test_example_fit_legible);
  g_test_add_func ("/layout/example/hit-test", test_hit_test);
  g_test_add_func ("/layout/degenerate", test_degenerate);
  g_test_add_func ("/layout/eras/labels-apart", test_era_labels_apart);
  g_test_add_func ("/layout/generated/zoom-levels", test_generated_zoom);
  g_test_add_func ("/layout/generated/dense-clusters", test_dense_clusters);
  g_test_add_func ("/layout/axis/display-date-heading", test_display_date_heading);
  g_test_add_func ("/layout/axis/heading-not-repeated", test_heading_not_repeated);
  g_test_add_func ("/layout/generated/uniform-clusters", test_uniform_clusters);
  g_test_add_func ("/layout/generated/no-room", test_no_room_clusters);
  g_test_add_func ("/layout/generated/density", test_density);
  g_test_add_func ("/layout/generated/measures-bounded", test_measures_bounded);
  g_test_add_func ("/layout/axis/years/example", test_years_example);
  g_test_add_func ("/layout/axis/years/1963-2012", test_years_1963_2012);
  g_test_add_func ("/layout/axis/years/generated", test_years_generated);
  g_test_add_func ("/layout/axis/break-texts", test_break_texts);
  g_test_add_func ("/layout/axis/stretch-headings", test_stretch_headings);
  g_test_add_func ("/layout/axis/bars-proportional", test_bars_proportional);
  g_test_add_func ("/layout/axis/zone", test_zone);
  g_test_add_func ("/layout/axis/zone-local-dst", test_zone_local_dst);
  g_test_add_func ("/layout/axis/ticks-in-order", test_ticks_in_order);
  g_test_add_func ("/layout/axis/deep-time", test_deep_time);
  g_test_add_func ("/layout/axis/no-false-precision", test_no_false_precision);
  g_test_add_func ("/layout/example/anchored", test_example_anchored);
  for (guint i = 0; i < G_N_ELEMENTS (corpus_files); i++)
    {
      static const struct { const char *name; GTestDataFunc func; } props[] = {
        { "anchored", test_corpus_anchored },
        { "years", test_corpus_years },
        { "stable", test_corpus_stable },
        { "whole-titles", test_corpus_whole_titles },
      };

      for (guint k = 0; k < G_N_ELEMENTS (props); k++)
        {
          g_autofree char *test_path = g_strdup_printf ("/layout/corpus/%s/%s", corpus_files[i], props[k].name);

          g_test_add_data_func (test_path, corpus_files[i], props[k].func);
        }
    }
  g_test_add_func ("/layout/example/linear-right-edge", test_example_linear_right_edge);
  g_test_add_func ("/layout/generated/anchored", test_generated_anchored);
  g_test_add_func ("/layout/whole-titles", test_whole_titles);
  g_test_add_func ("/layout/example/stable", test_example_stable);
  g_test_add_func ("/layout/sides-balanced", test_sides_balanced);
  g_test_add_func ("/layout/generated/stable", test_generated_stable);
  g_test_add_func ("/layout/selected-unfolded", test_selected_unfolded);

  return g_test_run ();
}
