/* test-layout.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "chronicle-layout.h"
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
   * else.) */
  g_assert_cmpuint (n_labels, >=, 1);
}

static double
get_month_start (int year,
                 int month)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (year, month, 1, 0, 0, 0);

  return g_date_time_to_unix (dt);
}

/* Checks everything a reader relies on, for one view. */
static void
check_layout (ChronicleTimeline       *timeline,
              const ChronicleViewport *vp,
              double                   height)
{
  g_autoptr(ChronicleLayout) layout = compute (timeline, vp, height);
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
          /* the title as drawn: whole, or in two lines */
          g_assert_true (g_str_has_prefix (chronicle_event_get_title (event), item->text));
          if (item->text2 != NULL)
            g_assert_true (g_str_has_suffix (chronicle_event_get_title (event), item->text2));
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
              int next_year = date->month == 12 ? date->year + 1 : date->year;
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

  g_assert_cmpuint (n_counted, ==, n_visible);
  g_assert_cmpuint (chronicle_layout_get_n_visible_events (layout), ==, n_visible);
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

/* Zoom in and out around events, pan both ways, filter a category out
 * and back in: no event changes side, the axis stays where it is. */
static void
check_stable (ChronicleTimeline *timeline,
              gboolean           linear)
{
  g_autoptr(GHashTable) sides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
      g_clear_pointer (&layout, chronicle_layout_free);
      layout = compute_kept (timeline, vp, placements);
      assert_sides_kept (layout, sides, &axis_y);
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/example/zoom-levels", test_example_zoom);
  g_test_add_func ("/layout/example/fit-legible", test_example_fit_legible);
  g_test_add_func ("/layout/example/hit-test", test_hit_test);
  g_test_add_func ("/layout/degenerate", test_degenerate);
  g_test_add_func ("/layout/eras/labels-apart", test_era_labels_apart);
  g_test_add_func ("/layout/generated/zoom-levels", test_generated_zoom);
  g_test_add_func ("/layout/generated/dense-clusters", test_dense_clusters);
  g_test_add_func ("/layout/generated/no-room", test_no_room_clusters);
  g_test_add_func ("/layout/generated/measures-bounded", test_measures_bounded);
  g_test_add_func ("/layout/example/anchored", test_example_anchored);
  g_test_add_func ("/layout/example/linear-right-edge", test_example_linear_right_edge);
  g_test_add_func ("/layout/generated/anchored", test_generated_anchored);
  g_test_add_func ("/layout/whole-titles", test_whole_titles);
  g_test_add_func ("/layout/example/stable", test_example_stable);
  g_test_add_func ("/layout/generated/stable", test_generated_stable);

  return g_test_run ();
}
