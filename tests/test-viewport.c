/* test-viewport.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "chronicle-test-util.h"
#include "chronicle-viewport.h"

#define WIDTH 1200.0
#define DAY   86400.0

static double
parse_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  ChronicleDate date;

  g_assert_true (chronicle_date_parse (text, &date, &error));
  g_assert_no_error (error);
  return chronicle_date_get_start (&date);
}

static double
parse_end (const char *text)
{
  ChronicleDate date;

  g_assert_true (chronicle_date_parse (text, &date, NULL));
  return chronicle_date_get_end (&date);
}

static void
add_event (ChronicleTimeline *timeline,
           const char        *id,
           const char        *date_text)
{
  g_autoptr(ChronicleEvent) event = NULL;
  ChronicleDate date;

  g_assert_true (chronicle_date_parse (date_text, &date, NULL));
  event = chronicle_event_new (id, &date, id);
  chronicle_timeline_add_event (timeline, event);
}

/* Shaped like the bundled example: two events in early 2022, then a burst
 * of news over two days in May 2025, three years later. */
static ChronicleTimeline *
create_example_like (void)
{
  ChronicleTimeline *timeline = chronicle_timeline_new ("Example-like");

  add_event (timeline, "invasion", "2022-02-24");
  add_event (timeline, "talks-2022", "2022-03");
  add_event (timeline, "trump", "2025-05-15");
  add_event (timeline, "rubio", "2025-05-15T21:00");
  add_event (timeline, "meetings", "2025-05-16T08:30");
  add_event (timeline, "alert", "2025-05-16T10:05");
  add_event (timeline, "talks", "2025-05-16T10:30");
  add_event (timeline, "fidan", "2025-05-16T10:35");
  add_event (timeline, "conditions", "2025-05-16T13:00");
  add_event (timeline, "village", "2025-05-16");
  add_event (timeline, "soon", "2025-05-16T18:00");

  return timeline;
}

static ChronicleViewport *
create_viewport (ChronicleTimeline *timeline,
                 gboolean           collapse)
{
  ChronicleViewport *vp = chronicle_viewport_new ();

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, collapse);
  return vp;
}

static void
assert_inverse (ChronicleViewport *vp)
{
  double start, end;

  chronicle_viewport_get_visible_range (vp, &start, &end);

  for (int i = 0; i < 200; i++)
    {
      double x = g_test_rand_double_range (-WIDTH, 2 * WIDTH);
      double t = g_test_rand_double_range (start - (end - start), end + (end - start));
      double tol_t = MAX (1e-3, fabs (t) * 1e-12);

      g_assert_cmpfloat_with_epsilon (chronicle_viewport_to_px (vp, chronicle_viewport_from_px (vp, x)), x, 1e-4);
      g_assert_cmpfloat_with_epsilon (chronicle_viewport_from_px (vp, chronicle_viewport_to_px (vp, t)), t, tol_t);
    }
}

static void
test_inverse (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();
  g_autoptr(ChronicleViewport) linear = create_viewport (timeline, FALSE);
  g_autoptr(ChronicleViewport) broken = create_viewport (timeline, TRUE);

  assert_inverse (linear);
  assert_inverse (broken);

  for (int i = 0; i < 5; i++)
    {
      chronicle_viewport_zoom (linear, g_test_rand_double_range (1.5, 40), g_test_rand_double_range (0, WIDTH));
      chronicle_viewport_zoom (broken, g_test_rand_double_range (1.5, 40), g_test_rand_double_range (0, WIDTH));
      assert_inverse (linear);
      assert_inverse (broken);
    }
}

static void
test_monotonic (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();
  g_autoptr(ChronicleViewport) vp = create_viewport (timeline, TRUE);
  double start, end, last = -G_MAXDOUBLE;

  chronicle_viewport_get_visible_range (vp, &start, &end);
  for (double t = start; t <= end; t += (end - start) / 5000)
    {
      double x = chronicle_viewport_to_px (vp, t);

      g_assert_cmpfloat (x, >=, last);
      last = x;
    }
}

static void
assert_zoom_keeps_anchor (ChronicleViewport *vp,
                          double             factor,
                          double             anchor)
{
  double before = chronicle_viewport_from_px (vp, anchor);

  chronicle_viewport_zoom (vp, factor, anchor);
  g_assert_cmpfloat_with_epsilon (chronicle_viewport_to_px (vp, before), anchor, 1e-3);
  g_assert_cmpfloat_with_epsilon (chronicle_viewport_from_px (vp, anchor), before, 1e-2);
}

static void
test_zoom_anchor (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();

  for (int collapse = 0; collapse <= 1; collapse++)
    {
      g_autoptr(ChronicleViewport) vp = create_viewport (timeline, collapse);

      double first = parse_time ("2022-02-24"), last = parse_end ("2025-05-16");

      /* In, then partly out again, with the pointer over the data: away
       * from the clamps, the time under the pointer stays put both ways. */
      for (int i = 0; i < 30; i++)
        {
          double factor = g_test_rand_double_range (1.1, 50);
          double anchor;

          chronicle_viewport_fit (vp);
          anchor = chronicle_viewport_to_px (vp, g_test_rand_double_range (first, last));
          assert_zoom_keeps_anchor (vp, factor, anchor);
          assert_zoom_keeps_anchor (vp, 1 / sqrt (factor), anchor);
        }
    }
}

static void
test_zoom_clamp_min (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();

  for (int collapse = 0; collapse <= 1; collapse++)
    {
      g_autoptr(ChronicleViewport) vp = create_viewport (timeline, collapse);
      double talks = parse_time ("2025-05-16T10:30");
      double start, end;

      chronicle_viewport_center_on (vp, talks);
      for (int i = 0; i < 20; i++)
        chronicle_viewport_zoom (vp, 1000.0, chronicle_viewport_to_px (vp, talks));

      chronicle_viewport_get_visible_range (vp, &start, &end);
      g_assert_cmpfloat (end - start, >=, 60.0 - 1e-6);
      g_assert_cmpfloat (end - start, <, 61.0);
      /* the anchor is still on screen */
      g_assert_cmpfloat (chronicle_viewport_to_px (vp, talks), >=, 0);
      g_assert_cmpfloat (chronicle_viewport_to_px (vp, talks), <=, WIDTH);
    }
}

static void
test_zoom_clamp_max (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();

  for (int collapse = 0; collapse <= 1; collapse++)
    {
      g_autoptr(ChronicleViewport) vp = create_viewport (timeline, collapse);
      double fit_start, fit_end, start, end;
      double first = parse_time ("2022-02-24"), last = parse_end ("2025-05-16");

      chronicle_viewport_get_visible_range (vp, &fit_start, &fit_end);
      for (int i = 0; i < 10; i++)
        chronicle_viewport_zoom (vp, 0.01, g_test_rand_double_range (0, WIDTH));

      /* Never wider than the fitted view (whole axis + margin), and the
       * whole timeline is in view. */
      chronicle_viewport_get_visible_range (vp, &start, &end);
      g_assert_cmpfloat (start, >=, fit_start - 1.0);
      g_assert_cmpfloat (end, <=, fit_end + 1.0);
      g_assert_cmpfloat (chronicle_viewport_to_px (vp, first), >=, 0);
      g_assert_cmpfloat (chronicle_viewport_to_px (vp, last), <=, WIDTH);
    }
}

static void
test_pan_clamp (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();
  g_autoptr(ChronicleViewport) vp = create_viewport (timeline, TRUE);
  double first = parse_time ("2022-02-24"), last = parse_end ("2025-05-16");
  double start, end, start2, end2;

  chronicle_viewport_zoom (vp, 20, WIDTH / 2);
  chronicle_viewport_get_visible_range (vp, &start, &end);

  /* A small pan moves the content with the pointer. */
  chronicle_viewport_pan (vp, 10);
  chronicle_viewport_get_visible_range (vp, &start2, &end2);
  g_assert_cmpfloat (start2, <, start);
  g_assert_cmpfloat_with_epsilon (chronicle_viewport_to_px (vp, start), 10, 1e-3);

  /* Flinging far right or left still leaves part of the axis on screen. */
  chronicle_viewport_pan (vp, 1e9);
  g_assert_cmpfloat (chronicle_viewport_to_px (vp, last), >, 0);
  g_assert_cmpfloat (chronicle_viewport_to_px (vp, first), <, WIDTH);
  g_assert_cmpfloat (chronicle_viewport_to_px (vp, first), >, 0);

  chronicle_viewport_pan (vp, -1e9);
  g_assert_cmpfloat (chronicle_viewport_to_px (vp, last), <, WIDTH);
  g_assert_cmpfloat (chronicle_viewport_to_px (vp, last), >, 0);
}

static void
test_breaks (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();
  g_autoptr(ChronicleViewport) vp = create_viewport (timeline, TRUE);
  const ChronicleAxisSegment *segments;
  guint n_segments, n_breaks = 0;
  double a0 = chronicle_viewport_to_px (vp, parse_time ("2022-02-24"));
  double a1 = chronicle_viewport_to_px (vp, parse_end ("2022-03"));
  double b0 = chronicle_viewport_to_px (vp, parse_time ("2025-05-15"));
  double b1 = chronicle_viewport_to_px (vp, parse_end ("2025-05-16"));

  segments = chronicle_viewport_get_segments (vp, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      if (segments[i].is_break)
        {
          n_breaks++;
          /* the three empty years are inside the break */
          g_assert_cmpfloat (segments[i].t0, <=, parse_time ("2022-06"));
          g_assert_cmpfloat (segments[i].t1, >=, parse_time ("2025-04"));
        }
      if (i > 0)
        {
          g_assert_cmpfloat (segments[i].t0, ==, segments[i - 1].t1);
          g_assert_cmpfloat (segments[i].u0, ==, segments[i - 1].u1);
        }
    }
  g_assert_cmpuint (n_breaks, ==, 1);

  /* Both clusters are on screen, in order, each with a real share of the
   * width although one lasts 36 days and the other two. */
  g_assert_cmpfloat (a0, >=, 0);
  g_assert_cmpfloat (a1, <, b0);
  g_assert_cmpfloat (b1, <=, WIDTH);
  g_assert_cmpfloat (a1 - a0, >, 0.25 * WIDTH);
  g_assert_cmpfloat (b1 - b0, >, 0.25 * WIDTH);
  /* The morning of 16 May is told apart: the air alert 25 minutes
   * before the talks is a few px away from them, not on top. */
  g_assert_cmpfloat (chronicle_viewport_to_px (vp, parse_time ("2025-05-16T10:30")) -
                     chronicle_viewport_to_px (vp, parse_time ("2025-05-16T10:05")), >, 3.0);
}

static void
test_linear (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();
  g_autoptr(ChronicleViewport) vp = create_viewport (timeline, FALSE);
  const ChronicleAxisSegment *segments;
  guint n_segments;
  double t0 = parse_time ("2022-02-24"), t1 = parse_end ("2025-05-16");
  double x0, x1, xm;

  segments = chronicle_viewport_get_segments (vp, &n_segments);
  g_assert_cmpuint (n_segments, ==, 1);
  g_assert_false (segments[0].is_break);

  x0 = chronicle_viewport_to_px (vp, t0);
  x1 = chronicle_viewport_to_px (vp, t1);
  xm = chronicle_viewport_to_px (vp, (t0 + t1) / 2);
  g_assert_cmpfloat_with_epsilon (xm, (x0 + x1) / 2, 1e-6);
  g_assert_cmpfloat (x0, >, 0);
  g_assert_cmpfloat (x0, <, 0.05 * WIDTH);
  g_assert_cmpfloat (x1, <, WIDTH);
  g_assert_cmpfloat (x1, >, 0.95 * WIDTH);
}

static void
test_show_range (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();
  g_autoptr(ChronicleViewport) vp = create_viewport (timeline, TRUE);
  double from = parse_time ("2025-05-16T08:00"), to = parse_time ("2025-05-16T14:00");
  double start, end;

  chronicle_viewport_show_range (vp, from, to);
  g_assert_cmpfloat_with_epsilon (chronicle_viewport_to_px (vp, from), 0, 1e-3);
  g_assert_cmpfloat_with_epsilon (chronicle_viewport_to_px (vp, to), WIDTH, 1e-3);

  /* a single second widens to the one-minute minimum around it */
  chronicle_viewport_show_range (vp, from, from + 1);
  chronicle_viewport_get_visible_range (vp, &start, &end);
  g_assert_cmpfloat (end - start, >=, 60.0 - 1e-6);
  g_assert_cmpfloat (start, <=, from);
  g_assert_cmpfloat (end, >=, from + 1);
}

static void
test_copy_equal (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();
  g_autoptr(ChronicleViewport) vp = create_viewport (timeline, TRUE);
  g_autoptr(ChronicleViewport) copy = chronicle_viewport_copy (vp);
  g_autoptr(ChronicleViewport) boxed = g_boxed_copy (CHRONICLE_TYPE_VIEWPORT, vp);

  g_assert_true (chronicle_viewport_equal (vp, copy));
  g_assert_true (chronicle_viewport_equal (vp, boxed));
  g_assert_true (chronicle_viewport_same_axis (vp, copy));
  chronicle_viewport_zoom (copy, 2, 100);
  g_assert_false (chronicle_viewport_equal (vp, copy));
  /* Another window and width on the same axis. */
  chronicle_viewport_set_width (copy, WIDTH / 3);
  g_assert_true (chronicle_viewport_same_axis (vp, copy));
  chronicle_viewport_set_timeline (boxed, timeline, FALSE);
  g_assert_false (chronicle_viewport_equal (vp, boxed));
  /* Without the breaks: another axis. */
  g_assert_false (chronicle_viewport_same_axis (vp, boxed));
}

static void
test_empty (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Empty");
  g_autoptr(ChronicleViewport) vp = create_viewport (timeline, TRUE);
  double start, end;

  chronicle_viewport_get_visible_range (vp, &start, &end);
  g_assert_cmpfloat (end, >, start);
  assert_inverse (vp);
}

static void
test_interpolate (void)
{
  /* A zoom by 16 around the point 0.25 of the way across [0, 1). */
  double from0 = 0.0, from1 = 1.0;
  double to0 = 0.25 - 0.25 / 16.0, to1 = to0 + 1.0 / 16.0;
  double prev_w = from1 - from0;
  double u0, u1;

  chronicle_viewport_interpolate_units (from0, from1, to0, to1, 0.0, &u0, &u1);
  g_assert_cmpfloat_with_epsilon (u0, from0, 1e-12);
  g_assert_cmpfloat_with_epsilon (u1, from1, 1e-12);
  chronicle_viewport_interpolate_units (from0, from1, to0, to1, 1.0, &u0, &u1);
  g_assert_cmpfloat (u0, ==, to0);
  g_assert_cmpfloat (u1, ==, to1);

  for (int i = 1; i <= 8; i++)
    {
      double t = i / 8.0;
      double w;

      chronicle_viewport_interpolate_units (from0, from1, to0, to1, t, &u0, &u1);
      w = u1 - u0;
      /* Each eighth of the way halves the width (16 = 2^4 over 8 steps:
       * by sqrt 2), and the anchor stays at a quarter of the width. */
      g_assert_cmpfloat_with_epsilon (prev_w / w, sqrt (2.0), 1e-9);
      g_assert_cmpfloat_with_epsilon ((0.25 - u0) / w, 0.25, 1e-9);
      prev_w = w;
    }

  /* A pan: straight, half way at one half. */
  chronicle_viewport_interpolate_units (0.0, 0.1, 0.4, 0.5, 0.5, &u0, &u1);
  g_assert_cmpfloat_with_epsilon (u0, 0.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (u1, 0.3, 1e-12);
}

static void
test_visible_units (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_example_like ();

  for (int collapse = 0; collapse <= 1; collapse++)
    {
      g_autoptr(ChronicleViewport) vp = create_viewport (timeline, collapse);
      double total = chronicle_viewport_get_axis_units (vp);
      double talks = parse_time ("2025-05-16T10:30");
      double u0, u1, start, end;

      g_assert_cmpfloat (total, >, 0.0);
      g_assert_cmpfloat_with_epsilon (chronicle_viewport_units_to_time (vp, chronicle_viewport_time_to_units (vp, talks)),
                                      talks, 1e-3);

      /* A window inside the limits is kept as is. */
      chronicle_viewport_set_visible_units (vp, 0.2 * total, 0.4 * total);
      chronicle_viewport_get_visible_units (vp, &u0, &u1);
      g_assert_cmpfloat_with_epsilon (u0, 0.2 * total, 1e-12);
      g_assert_cmpfloat_with_epsilon (u1, 0.4 * total, 1e-12);
      g_assert_cmpfloat_with_epsilon (chronicle_viewport_to_px (vp, chronicle_viewport_units_to_time (vp, 0.3 * total)),
                                      WIDTH / 2.0, 1e-6);

      /* Too narrow: a minute at least. */
      u0 = chronicle_viewport_time_to_units (vp, talks);
      chronicle_viewport_set_visible_units (vp, u0, u0 + 1e-15);
      chronicle_viewport_get_visible_range (vp, &start, &end);
      g_assert_cmpfloat (end - start, >=, 60.0 - 1e-6);
      g_assert_cmpfloat (end - start, <, 61.0);

      /* Too wide: no more than the fitted window. */
      chronicle_viewport_set_visible_units (vp, -10.0 * total, 10.0 * total);
      chronicle_viewport_get_visible_units (vp, &u0, &u1);
      g_assert_cmpfloat (u1 - u0, <=, total * 1.07);
    }
}

static ChronicleEvent *
make_event (const char *id,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  ChronicleDate date;

  chronicle_date_parse (text, &date, &error);
  g_assert_no_error (error);
  return chronicle_event_new (id, &date, id);
}

/* The timeline's zone is the offset its timed dates share, else UTC; a
 * date with an offset moves into the display zone, a floating one stays
 * as written. */
static void
test_zone (void)
{
  g_autoptr(ChronicleTimeline) shared = chronicle_timeline_new ("shared");
  g_autoptr(ChronicleTimeline) mixed = chronicle_timeline_new ("mixed");
  g_autoptr(ChronicleTimeline) floating = chronicle_timeline_new ("floating");
  g_autoptr(ChronicleEvent) open = make_event ("open", "2025-05-16T10:30+03:00");
  g_autoptr(ChronicleEvent) day = make_event ("day", "2025-05-16");
  g_autoptr(ChronicleEvent) kyiv = make_event ("kyiv", "2025-05-16T09:00+02:00");
  g_autoptr(ChronicleEvent) walltime = make_event ("walltime", "2025-05-16T09:00");
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(GDateTime) midnight = g_date_time_new_utc (2025, 5, 16, 0, 0, 0);
  double t = (double) g_date_time_to_unix (midnight);

  chronicle_timeline_add_event (shared, open);
  chronicle_timeline_add_event (shared, day);
  chronicle_timeline_add_event (mixed, open);
  chronicle_timeline_add_event (mixed, kyiv);
  chronicle_timeline_add_event (floating, walltime);
  chronicle_timeline_add_event (floating, day);

  g_assert_cmpint (chronicle_viewport_resolve_zone (shared, CHRONICLE_ZONE_TIMELINE, 0), ==, 10800);
  g_assert_cmpint (chronicle_viewport_resolve_zone (mixed, CHRONICLE_ZONE_TIMELINE, 0), ==, 0);
  g_assert_cmpint (chronicle_viewport_resolve_zone (floating, CHRONICLE_ZONE_TIMELINE, 0), ==, 0);
  g_assert_cmpint (chronicle_viewport_resolve_zone (shared, CHRONICLE_ZONE_UTC, 0), ==, 0);
  g_assert_cmpint (chronicle_viewport_resolve_zone (shared, CHRONICLE_ZONE_FIXED, -5 * 3600), ==, -5 * 3600);

  g_assert_cmpfloat (chronicle_viewport_event_start (vp, open), ==, t + 7.5 * 3600);
  chronicle_viewport_set_zone_offset (vp, 10800);
  g_assert_cmpfloat (chronicle_viewport_event_start (vp, open), ==, t + 10.5 * 3600);
  g_assert_cmpfloat (chronicle_viewport_event_start (vp, kyiv), ==, t + 10 * 3600);
  g_assert_cmpfloat (chronicle_viewport_event_start (vp, walltime), ==, t + 9 * 3600);
  g_assert_cmpfloat (chronicle_viewport_event_start (vp, day), ==, t);
  g_assert_cmpfloat (chronicle_viewport_event_end (vp, day), ==, t + 86400);

  /* The axis is built in the zone: its first stretch starts at 10:30. */
  chronicle_viewport_set_timeline (vp, shared, FALSE);
  g_assert_cmpfloat (chronicle_viewport_get_segments (vp, &(guint) { 0 })[0].data_t0, ==, t);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/viewport/inverse", test_inverse);
  g_test_add_func ("/viewport/monotonic", test_monotonic);
  g_test_add_func ("/viewport/zoom-anchor", test_zoom_anchor);
  g_test_add_func ("/viewport/zoom-clamp-min", test_zoom_clamp_min);
  g_test_add_func ("/viewport/zoom-clamp-max", test_zoom_clamp_max);
  g_test_add_func ("/viewport/pan-clamp", test_pan_clamp);
  g_test_add_func ("/viewport/breaks", test_breaks);
  g_test_add_func ("/viewport/linear", test_linear);
  g_test_add_func ("/viewport/show-range", test_show_range);
  g_test_add_func ("/viewport/copy-equal", test_copy_equal);
  g_test_add_func ("/viewport/empty", test_empty);
  g_test_add_func ("/viewport/interpolate", test_interpolate);
  g_test_add_func ("/viewport/visible-units", test_visible_units);
  g_test_add_func ("/viewport/zone", test_zone);

  return g_test_run ();
}
