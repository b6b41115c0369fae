/* chronicle-viewport.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-viewport"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chronicle-viewport.h"

/*
 * Coordinate spaces:
 *  - time: Unix seconds (double);
 *  - axis units: the piecewise-linear axis, [0, 1) over all segments;
 *  - px: logical pixels, the visible window [view_u0, view_u1) of axis
 *    units mapped linearly onto [0, width).
 */

/* Fit leaves this fraction of the axis empty on each side. */
#define FIT_MARGIN          0.03
/* Narrowest visible window, in seconds at the anchor's segment. */
#define MIN_WINDOW_SECONDS  60.0
#define MIN_WINDOW_SHARE    0x1p-40   /* of a time or of the axis: 2^12 times a double's precision */
/* A pan keeps at least this fraction of the window over the axis: with
 * one half, the middle of the view never leaves the axis. */
#define PAN_KEEP            0.5

/* Breaks: an empty stretch collapses when it is longer than both. */
#define BREAK_MIN_SECONDS   (30.0 * 86400.0)
#define BREAK_MIN_SHARE     0.15
/* Axis units given to one break (shrinks when there are many). */
#define BREAK_UNITS         0.04
#define BREAK_UNITS_TOTAL   0.2
/* Narrowest stretch between breaks: room for its year, "1990", under a
 * tick, in px at the width the axis is built for, and at least this
 * share of the axis for wider charts. */
#define STRETCH_MIN_PX      56.0
#define STRETCH_MIN_UNITS   0.05

struct _ChronicleViewport
{
  ChronicleAxisSegment *segments;
  guint                 n_segments;

  /* visible window in axis units */
  double                view_u0;
  double                view_u1;

  double                width;   /* px */

  /* seconds east of UTC: dates with an offset are drawn at UTC + zone */
  int                   zone;
  /* or, when set (the computer's zone), at UTC + the offset @tz has at
   * each date, so summer and winter times are each right; zone is then
   * its offset now, for callers that need one figure */
  GTimeZone            *tz;
};

G_DEFINE_BOXED_TYPE (ChronicleViewport, chronicle_viewport,
                     chronicle_viewport_copy, chronicle_viewport_free)

static void
set_segments (ChronicleViewport          *self,
              const ChronicleAxisSegment *segments,
              guint                       n_segments)
{
  g_assert (n_segments > 0);

  g_free (self->segments);
  self->segments = g_memdup2 (segments, sizeof *segments * n_segments);
  self->n_segments = n_segments;
}

static double
get_axis_end (const ChronicleViewport *self)
{
  return self->segments[self->n_segments - 1].u1;
}

/* Index of the segment holding @time; times outside the axis map to the
 * first or last segment, whose slope extends the axis. */
static guint
find_segment_by_time (const ChronicleViewport *self,
                      double                   time)
{
  guint lo = 0, hi = self->n_segments;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->segments[mid].t0 <= time)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static guint
find_segment_by_units (const ChronicleViewport *self,
                       double                   units)
{
  guint lo = 0, hi = self->n_segments;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->segments[mid].u0 <= units)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static double
time_to_units (const ChronicleViewport *self,
               double                   time)
{
  const ChronicleAxisSegment *seg = &self->segments[find_segment_by_time (self, time)];

  return seg->u0 + (time - seg->t0) * (seg->u1 - seg->u0) / (seg->t1 - seg->t0);
}

static double
units_to_time (const ChronicleViewport *self,
               double                   units)
{
  const ChronicleAxisSegment *seg = &self->segments[find_segment_by_units (self, units)];

  return seg->t0 + (units - seg->u0) * (seg->t1 - seg->t0) / (seg->u1 - seg->u0);
}

/* Seconds per axis unit at @units. */
static double
get_seconds_per_unit (const ChronicleViewport *self,
                      double                   units)
{
  const ChronicleAxisSegment *seg = &self->segments[find_segment_by_units (self, units)];

  return (seg->t1 - seg->t0) / (seg->u1 - seg->u0);
}

static double
get_max_window (const ChronicleViewport *self)
{
  return get_axis_end (self) * (1.0 + 2.0 * FIT_MARGIN);
}

/* Clamps the window to [min, max] width around @anchor_u (kept at the same
 * fraction of the window), then keeps it from leaving the axis. */
static void
set_window (ChronicleViewport *self,
            double             u0,
            double             u1,
            double             anchor_u)
{
  double w = u1 - u0;
  double frac, min_w, max_w, total, keep;

  if (!(w > 0) || !isfinite (w))
    {
      u0 = -FIT_MARGIN * get_axis_end (self);
      u1 = get_axis_end (self) * (1.0 + FIT_MARGIN);
      w = u1 - u0;
    }

  frac = CLAMP ((anchor_u - u0) / w, 0.0, 1.0);
  /* A minute, unless the doubles cannot tell a minute apart there: deep
   * time, 4e17 s from 1970, or an axis of billions of years without a
   * break, whose units a minute would be 1e-16 of. */
  min_w = MAX (MIN_WINDOW_SECONDS, fabs (units_to_time (self, anchor_u)) * MIN_WINDOW_SHARE) /
          get_seconds_per_unit (self, anchor_u);
  min_w = MAX (min_w, get_axis_end (self) * MIN_WINDOW_SHARE);
  max_w = get_max_window (self);

  if (w < min_w || w > max_w)
    {
      w = CLAMP (w, min_w, max_w);
      u0 = anchor_u - frac * w;
      u1 = u0 + w;
    }

  /* Keep part of the axis in view: the window may not slide off it. */
  total = get_axis_end (self);
  keep = MIN (PAN_KEEP * w, total);
  if (u1 < keep)
    {
      u0 += keep - u1;
      u1 = keep;
    }
  if (u0 > total - keep)
    {
      u1 -= u0 - (total - keep);
      u0 = total - keep;
    }

  self->view_u0 = u0;
  self->view_u1 = u1;
}

/**
 * chronicle_viewport_new:
 *
 * Creates a viewport over today (UTC), 1000 px wide. Call
 * chronicle_viewport_set_timeline() and chronicle_viewport_set_width().
 *
 * Returns: (transfer full): a new viewport
 */
ChronicleViewport *
chronicle_viewport_new (void)
{
  ChronicleViewport *self = g_new0 (ChronicleViewport, 1);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  double day = floor (now / 86400.0) * 86400.0;

  self->width = 1000.0;
  chronicle_viewport_set_linear (self, day, day + 86400.0);

  return self;
}

ChronicleViewport *
chronicle_viewport_copy (const ChronicleViewport *self)
{
  ChronicleViewport *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->segments = g_memdup2 (self->segments, sizeof *self->segments * self->n_segments);
  if (copy->tz != NULL)
    g_time_zone_ref (copy->tz);

  return copy;
}

void
chronicle_viewport_free (ChronicleViewport *self)
{
  if (self == NULL)
    return;

  g_free (self->segments);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self);
}

/**
 * chronicle_viewport_set_linear:
 * @start: first second of the axis
 * @end: end of the axis
 *
 * Makes the axis linear over [@start, @end) (at least one hour) and fits
 * the window to it.
 */
void
chronicle_viewport_set_linear (ChronicleViewport *self,
                               double             start,
                               double             end)
{
  ChronicleAxisSegment seg = { 0, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (start) && isfinite (end));

  if (end < start)
    {
      double tmp = start;
      start = end;
      end = tmp;
    }
  if (end - start < 3600.0)
    {
      double mid = (start + end) / 2.0;
      start = mid - 1800.0;
      end = mid + 1800.0;
    }

  seg.t0 = start;
  seg.t1 = end;
  seg.u0 = 0.0;
  seg.u1 = 1.0;
  seg.is_break = FALSE;
  seg.data_t0 = start;
  seg.data_t1 = end;
  set_segments (self, &seg, 1);
  chronicle_viewport_fit (self);
}

typedef struct
{
  double t0;       /* union of event spans, seconds */
  double t1;
  guint  n_events;
} Cluster;

/* Shares @total axis units among @n stretches by @weight, none less than
 * @min (a stretch of one day beside a year of news would be a few px,
 * too narrow for its year): the narrow ones get @min, the others share
 * the rest by weight, until none is left under it. */
static void
share_stretches (double       *units,
                 const double *weight,
                 guint         n,
                 double        total,
                 double        min)
{
  g_autofree gboolean *pinned = g_new0 (gboolean, n);
  gboolean changed = TRUE;

  min = MIN (min, total / n);
  while (changed)
    {
      double free_units = total, free_weight = 0;

      changed = FALSE;
      for (guint i = 0; i < n; i++)
        if (pinned[i])
          free_units -= min;
        else
          free_weight += weight[i];
      for (guint i = 0; i < n; i++)
        {
          if (pinned[i])
            {
              units[i] = min;
              continue;
            }
          units[i] = free_weight > 0 ? free_units * weight[i] / free_weight : free_units;
          if (units[i] < min)
            {
              pinned[i] = TRUE;
              changed = TRUE;
            }
        }
    }
}

/* Builds the axis from the clusters: breaks between them get a fixed
 * share of the axis, and each cluster a share weighted by both its
 * duration and its number of events, so a two-day burst of news next to
 * a month-long one is not squeezed into a few pixels. */
static void
build_axis (ChronicleViewport *self,
            const Cluster     *clusters,
            guint              n_clusters)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (ChronicleAxisSegment));
  g_autofree double *pad = g_new0 (double, n_clusters);
  g_autofree double *weight = g_new0 (double, n_clusters);
  g_autofree double *units = g_new0 (double, n_clusters);
  double total_duration = 0, total_events = 0, total_weight = 0;
  double break_units, cluster_units, u = 0;

  for (guint i = 0; i < n_clusters; i++)
    {
      total_duration += clusters[i].t1 - clusters[i].t0;
      total_events += clusters[i].n_events;
    }

  for (guint i = 0; i < n_clusters; i++)
    {
      double duration = clusters[i].t1 - clusters[i].t0;

      weight[i] = MAX (duration / total_duration,
                       clusters[i].n_events / MAX (total_events, 1.0));
      total_weight += weight[i];

      /* Breathing room between a cluster and the break next to it: the
       * gaps are at least BREAK_MIN_SECONDS, so a quarter of that never
       * eats a neighbour. */
      pad[i] = MIN (MAX (0.05 * duration, 3600.0), BREAK_MIN_SECONDS / 4.0);
    }

  break_units = MIN (BREAK_UNITS, BREAK_UNITS_TOTAL / MAX (n_clusters - 1, 1));
  cluster_units = 1.0 - break_units * (n_clusters - 1);
  share_stretches (units, weight, n_clusters, cluster_units,
                   MAX (STRETCH_MIN_UNITS, STRETCH_MIN_PX * (1.0 + 2 * FIT_MARGIN) / MAX (self->width, 1.0)));

  for (guint i = 0; i < n_clusters; i++)
    {
      ChronicleAxisSegment seg = { 0, };

      seg.t0 = clusters[i].t0 - pad[i];
      seg.t1 = clusters[i].t1 + pad[i];
      seg.u0 = u;
      seg.u1 = u + units[i];
      seg.is_break = FALSE;
      seg.data_t0 = clusters[i].t0;
      seg.data_t1 = clusters[i].t1;
      g_array_append_val (segments, seg);
      u = seg.u1;

      if (i + 1 < n_clusters)
        {
          ChronicleAxisSegment gap = { 0, };

          gap.t0 = seg.t1;
          gap.t1 = clusters[i + 1].t0 - pad[i + 1];
          gap.u0 = u;
          gap.u1 = u + break_units;
          gap.is_break = TRUE;
          gap.data_t0 = gap.t0;
          gap.data_t1 = gap.t1;
          g_array_append_val (segments, gap);
          u = gap.u1;
        }
    }

  set_segments (self, (ChronicleAxisSegment *) (gpointer) segments->data, segments->len);
}

/**
 * chronicle_viewport_set_timeline:
 * @timeline: the timeline the axis covers
 * @collapse_gaps: whether long empty stretches collapse into breaks
 *
 * Builds the axis for @timeline and fits the window to it. With
 * @collapse_gaps, stretches without any event that are longer than 30 days
 * and than 15% of the whole timeline become short break segments, and each
 * remaining cluster of events gets axis room by the larger of its share of
 * the time and its share of the events. Costs one pass over the events.
 */
void
chronicle_viewport_set_timeline (ChronicleViewport *self,
                                 ChronicleTimeline *timeline,
                                 gboolean           collapse_gaps)
{
  g_autoptr(GArray) clusters = NULL;
  gint64 start, end;
  guint n_events;
  Cluster cur = { 0, };
  double min_gap;
  gboolean shifts;
  const gint64 *starts, *ends;

  g_return_if_fail (self != NULL);
  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));

  if (!chronicle_timeline_get_bounds (timeline, &start, &end))
    {
      /* Nothing to show: today, as chronicle_viewport_new() does. */
      double day = floor (g_get_real_time () / G_USEC_PER_SEC / 86400.0) * 86400.0;

      chronicle_viewport_set_linear (self, day, day + 86400.0);
      return;
    }

  n_events = chronicle_timeline_get_n_events (timeline);

  /* The bounds in the display zone: dates with an offset move by it,
   * floating ones do not, so the first and last may change. */
  if (self->zone != 0)
    {
      double s0 = G_MAXDOUBLE, e0 = -G_MAXDOUBLE;

      for (guint i = 0; i < n_events; i++)
        {
          s0 = MIN (s0, chronicle_viewport_position_start (self, timeline, i));
          e0 = MAX (e0, chronicle_viewport_position_end (self, timeline, i));
        }
      start = (gint64) s0;
      end = (gint64) e0;
    }

  if (!collapse_gaps || n_events < 2)
    {
      chronicle_viewport_set_linear (self, start, end);
      return;
    }

  min_gap = MAX (BREAK_MIN_SECONDS, BREAK_MIN_SHARE * (double) (end - start));
  clusters = g_array_new (FALSE, TRUE, sizeof (Cluster));
  /* In UTC no date moves: the sorted times are the positions, and the
   * pass reads two plain arrays instead of every event's dates (issue
   * #13: the view builds the axis again after each edit). */
  shifts = self->zone != 0 || self->tz != NULL;
  chronicle_timeline_peek_times (timeline, &starts, &ends);

  /* Events are sorted by start: merge their spans into a union and cut
   * wherever the union leaves a long enough hole. */
  for (guint i = 0; i < n_events; i++)
    {
      double s = shifts ? chronicle_viewport_position_start (self, timeline, i) : (double) starts[i];
      double e = shifts ? chronicle_viewport_position_end (self, timeline, i) : (double) ends[i];

      if (i == 0)
        {
          cur.t0 = s;
          cur.t1 = e;
          cur.n_events = 1;
          continue;
        }

      if (s - cur.t1 > min_gap)
        {
          g_array_append_val (clusters, cur);
          cur.t0 = s;
          cur.t1 = e;
          cur.n_events = 0;
        }

      /* Sorted by UTC: in another zone, floating and offset dates may
       * trade places by a few hours. */
      cur.t0 = MIN (cur.t0, s);
      cur.t1 = MAX (cur.t1, e);
      cur.n_events++;
    }
  g_array_append_val (clusters, cur);

  if (clusters->len == 1)
    {
      chronicle_viewport_set_linear (self, start, end);
      return;
    }

  build_axis (self, (Cluster *) (gpointer) clusters->data, clusters->len);
  chronicle_viewport_fit (self);
}

/**
 * chronicle_viewport_set_zone_offset:
 * @offset: seconds east of UTC (within ±18 h)
 *
 * Sets the zone the axis shows. The axis itself is built from event
 * times in this zone: call chronicle_viewport_set_timeline() afterwards.
 */
void
chronicle_viewport_set_zone_offset (ChronicleViewport *self,
                                    int                offset)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (ABS (offset) <= 18 * 3600);

  self->zone = offset;
  g_clear_pointer (&self->tz, g_time_zone_unref);
}

/**
 * chronicle_viewport_set_time_zone:
 * @tz: a zone with rules (g_time_zone_new_local())
 *
 * Like chronicle_viewport_set_zone_offset(), with the offset @tz has at
 * each event's date: an event in July is drawn in summer time, one in
 * January in winter time. Call chronicle_viewport_set_timeline() after.
 */
void
chronicle_viewport_set_time_zone (ChronicleViewport *self,
                                  GTimeZone         *tz)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tz != NULL);

  g_time_zone_ref (tz);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  self->tz = tz;
  self->zone = g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL,
                                                                      g_get_real_time () / G_USEC_PER_SEC));
}

/**
 * chronicle_viewport_get_time_zone:
 *
 * Returns: (transfer none) (nullable): the zone set with
 *   chronicle_viewport_set_time_zone(), or %NULL for a fixed offset
 */
GTimeZone *
chronicle_viewport_get_time_zone (const ChronicleViewport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->tz;
}

/**
 * chronicle_viewport_get_zone_reach:
 *
 * Returns: how far (seconds, either way) a date with an offset may move
 *   into the display zone: to look up the events of a window in a
 *   timeline indexed by UTC time
 */
int
chronicle_viewport_get_zone_reach (const ChronicleViewport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->tz != NULL ? 18 * 3600 : ABS (self->zone);
}

/**
 * chronicle_viewport_format_zone:
 *
 * Names the display zone as the axis writes it: "UTC+3", or for the
 * computer's zone its name, "Europe/Berlin" (its abbreviation now,
 * "CET", when the system gives no name).
 *
 * Returns: (transfer full): the name
 */
char *
chronicle_viewport_format_zone (const ChronicleViewport *self)
{
  const char *id;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->tz == NULL)
    return chronicle_date_format_zone (self->zone);

  id = g_time_zone_get_identifier (self->tz);
  /* "Europe/Berlin"; not a path, ":/etc/localtime", nor "UTC+01:00" */
  if (id != NULL && g_ascii_isalpha (id[0]) && strchr (id, '/') != NULL && strchr (id, ':') == NULL)
    return g_strdup (id);
  return g_strdup (g_time_zone_get_abbreviation (self->tz,
                                                 g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL,
                                                                            g_get_real_time () / G_USEC_PER_SEC)));
}

/**
 * chronicle_viewport_set_zone:
 * @timeline: the timeline shown
 * @mode: the view option
 * @fixed_offset: seconds east of UTC, for %CHRONICLE_ZONE_FIXED
 *
 * Sets the display zone the view option asks for: the computer's zone
 * with its rules (see chronicle_viewport_set_time_zone()), the others as
 * chronicle_viewport_resolve_zone() finds them.
 */
void
chronicle_viewport_set_zone (ChronicleViewport *self,
                             ChronicleTimeline *timeline,
                             ChronicleZoneMode  mode,
                             int                fixed_offset)
{
  g_return_if_fail (self != NULL);

  if (mode == CHRONICLE_ZONE_LOCAL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

      chronicle_viewport_set_time_zone (self, tz);
      return;
    }

  chronicle_viewport_set_zone_offset (self, chronicle_viewport_resolve_zone (timeline, mode, fixed_offset));
}

int
chronicle_viewport_get_zone_offset (const ChronicleViewport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->zone;
}

/**
 * chronicle_viewport_resolve_zone:
 * @timeline: the timeline shown
 * @mode: the view option
 * @fixed_offset: seconds east of UTC, for %CHRONICLE_ZONE_FIXED
 *
 * The timeline's own zone is the offset that all its timed dates (with
 * a time of day and an offset) share; when they differ, or there are
 * none, it is UTC. The computer's zone is its offset now (see
 * chronicle_viewport_set_zone() for its offset at each date).
 *
 * Returns: the display offset, seconds east of UTC
 */
int
chronicle_viewport_resolve_zone (ChronicleTimeline *timeline,
                                 ChronicleZoneMode  mode,
                                 int                fixed_offset)
{
  int shared = 0;

  switch (mode)
    {
    case CHRONICLE_ZONE_UTC:
      return 0;

    case CHRONICLE_ZONE_FIXED:
      return CLAMP (fixed_offset, -18 * 3600, 18 * 3600);

    case CHRONICLE_ZONE_LOCAL:
      {
        g_autoptr(GDateTime) now = g_date_time_new_now_local ();

        return (int) (g_date_time_get_utc_offset (now) / G_USEC_PER_SEC);
      }

    case CHRONICLE_ZONE_TIMELINE:
    default:
      break;
    }

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), 0);

  /* (The timeline keeps it as events come and go: no scan here.) */
  if (!chronicle_timeline_get_shared_offset (timeline, &shared))
    return 0;
  return shared;
}

/* Where a date written with an offset moves in the display zone: by
 * the zone's offset, at that instant when the zone has rules. */
static double
shift_of (const ChronicleViewport *self,
          const ChronicleDate     *date,
          gint64                   utc)
{
  if (date == NULL || !date->has_offset)
    return 0;
  if (self->tz != NULL)
    return g_time_zone_get_offset (self->tz, g_time_zone_find_interval (self->tz, G_TIME_TYPE_UNIVERSAL, utc));
  return self->zone;
}

/**
 * chronicle_viewport_event_start:
 *
 * Returns: where @event starts on the axis: its start time, moved into the
 *   display zone when its date carries an offset
 */
double
chronicle_viewport_event_start (const ChronicleViewport *self,
                                ChronicleEvent          *event)
{
  gint64 start;

  g_return_val_if_fail (self != NULL, 0.0);

  start = chronicle_event_get_start_time (event);
  return (double) start + shift_of (self, chronicle_event_get_date (event), start);
}

/**
 * chronicle_viewport_event_end:
 *
 * Returns: where @event ends on the axis (see
 *   chronicle_viewport_event_start()); an end date's own offset counts
 */
double
chronicle_viewport_event_end (const ChronicleViewport *self,
                              ChronicleEvent          *event)
{
  const ChronicleDate *end;

  g_return_val_if_fail (self != NULL, 0.0);

  end = chronicle_event_get_end (event);
  return (double) chronicle_event_get_end_time (event) +
         shift_of (self, end != NULL ? end : chronicle_event_get_date (event), chronicle_event_get_end_time (event));
}

/**
 * chronicle_viewport_position_start:
 * @timeline: the timeline of the event
 * @position: the event's position in @timeline
 *
 * chronicle_viewport_event_start() for the event at @position, without
 * making its object: what code visiting many events uses.
 */
double
chronicle_viewport_position_start (const ChronicleViewport *self,
                                   ChronicleTimeline       *timeline,
                                   guint                    position)
{
  gint64 start;

  g_return_val_if_fail (self != NULL, 0.0);

  start = chronicle_timeline_get_event_start_time (timeline, position);
  return (double) start + shift_of (self, chronicle_timeline_get_event_date (timeline, position), start);
}

/* chronicle_viewport_event_end() for the event at @position. */
double
chronicle_viewport_position_end (const ChronicleViewport *self,
                                 ChronicleTimeline       *timeline,
                                 guint                    position)
{
  const ChronicleDate *end;
  gint64 end_time;

  g_return_val_if_fail (self != NULL, 0.0);

  end = chronicle_timeline_get_event_end (timeline, position);
  end_time = chronicle_timeline_get_event_end_time (timeline, position);
  return (double) end_time +
         shift_of (self, end != NULL ? end : chronicle_timeline_get_event_date (timeline, position), end_time);
}

/**
 * chronicle_viewport_get_segments:
 * @n_segments: (out): number of segments
 *
 * Returns: (transfer none): the axis segments, in time order
 */
const ChronicleAxisSegment *
chronicle_viewport_get_segments (const ChronicleViewport *self,
                                 guint                   *n_segments)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_segments != NULL, NULL);

  *n_segments = self->n_segments;
  return self->segments;
}

void
chronicle_viewport_set_width (ChronicleViewport *self,
                              double             width)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (width > 0);

  self->width = width;
}

double
chronicle_viewport_get_width (const ChronicleViewport *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->width;
}

/**
 * chronicle_viewport_to_px:
 * @time: Unix seconds
 *
 * Returns: the x position of @time in logical px (may lie outside
 *   [0, width) when @time is not visible)
 */
double
chronicle_viewport_to_px (const ChronicleViewport *self,
                          double                   time)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return (time_to_units (self, time) - self->view_u0) * self->width / (self->view_u1 - self->view_u0);
}

/**
 * chronicle_viewport_from_px:
 * @x: logical px
 *
 * Returns: the time (Unix seconds) shown at @x
 */
double
chronicle_viewport_from_px (const ChronicleViewport *self,
                            double                   x)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return units_to_time (self, self->view_u0 + x * (self->view_u1 - self->view_u0) / self->width);
}

/**
 * chronicle_viewport_fit:
 *
 * Shows the whole axis with a small margin on both sides.
 */
void
chronicle_viewport_fit (ChronicleViewport *self)
{
  double total;

  g_return_if_fail (self != NULL);

  total = get_axis_end (self);
  self->view_u0 = -FIT_MARGIN * total;
  self->view_u1 = total * (1.0 + FIT_MARGIN);
}

/**
 * chronicle_viewport_show_range:
 * @start: Unix seconds
 * @end: Unix seconds
 *
 * Shows exactly [@start, @end) across the width, within the zoom limits
 * (at least a minute, at most the whole axis). Callers that want room
 * around an event pad the range themselves.
 */
void
chronicle_viewport_show_range (ChronicleViewport *self,
                               double             start,
                               double             end)
{
  double u0, u1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (start) && isfinite (end));

  if (end < start)
    {
      double tmp = start;
      start = end;
      end = tmp;
    }

  u0 = time_to_units (self, start);
  u1 = time_to_units (self, end);
  if (u1 <= u0)
    u1 = u0 + 1e-12;
  set_window (self, u0, u1, (u0 + u1) / 2.0);
}

/**
 * chronicle_viewport_get_visible_range:
 * @start: (out) (optional): time at x = 0
 * @end: (out) (optional): time at x = width
 */
void
chronicle_viewport_get_visible_range (const ChronicleViewport *self,
                                      double                  *start,
                                      double                  *end)
{
  g_return_if_fail (self != NULL);

  if (start != NULL)
    *start = units_to_time (self, self->view_u0);
  if (end != NULL)
    *end = units_to_time (self, self->view_u1);
}

/**
 * chronicle_viewport_zoom:
 * @factor: > 1 zooms in (the window shrinks by @factor), < 1 zooms out
 * @anchor_x: px position whose time stays put, usually the pointer
 */
void
chronicle_viewport_zoom (ChronicleViewport *self,
                         double             factor,
                         double             anchor_x)
{
  double upp, anchor_u, w;

  g_return_if_fail (self != NULL);
  g_return_if_fail (factor > 0 && isfinite (factor));

  upp = (self->view_u1 - self->view_u0) / self->width;
  anchor_u = self->view_u0 + anchor_x * upp;
  w = (self->view_u1 - self->view_u0) / factor;
  set_window (self,
              anchor_u - anchor_x / self->width * w,
              anchor_u + (1.0 - anchor_x / self->width) * w,
              anchor_u);
}

/**
 * chronicle_viewport_pan:
 * @dx: drag distance in px; positive moves the content right, showing
 *   earlier times
 */
void
chronicle_viewport_pan (ChronicleViewport *self,
                        double             dx)
{
  double du;

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (dx));

  du = dx * (self->view_u1 - self->view_u0) / self->width;
  set_window (self, self->view_u0 - du, self->view_u1 - du,
              (self->view_u0 + self->view_u1) / 2.0 - du);
}

/**
 * chronicle_viewport_center_on:
 * @time: Unix seconds
 *
 * Scrolls so @time is in the middle, keeping the zoom.
 */
void
chronicle_viewport_center_on (ChronicleViewport *self,
                              double             time)
{
  double u, half;

  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (time));

  u = time_to_units (self, time);
  half = (self->view_u1 - self->view_u0) / 2.0;
  set_window (self, u - half, u + half, u);
}

gboolean
chronicle_viewport_equal (const ChronicleViewport *a,
                          const ChronicleViewport *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return a->view_u0 == b->view_u0 &&
         a->view_u1 == b->view_u1 &&
         a->width == b->width &&
         chronicle_viewport_same_axis (a, b);
}

/**
 * chronicle_viewport_same_axis:
 *
 * Returns: %TRUE when @a and @b map time onto the same axis units (the
 *   same segments and display zone), whatever window and width they show: a copy of a
 *   viewport, fitted to another width, stays valid only while this holds
 */
gboolean
chronicle_viewport_same_axis (const ChronicleViewport *a,
                              const ChronicleViewport *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  if (a == b)
    return TRUE;

  /* Events with an offset move with the zone. */
  if (a->n_segments != b->n_segments || a->zone != b->zone || a->tz != b->tz)
    return FALSE;

  /* Field by field: struct padding is not guaranteed to be zero. */
  for (guint i = 0; i < a->n_segments; i++)
    {
      const ChronicleAxisSegment *sa = &a->segments[i];
      const ChronicleAxisSegment *sb = &b->segments[i];

      if (sa->t0 != sb->t0 || sa->t1 != sb->t1 ||
          sa->u0 != sb->u0 || sa->u1 != sb->u1 ||
          !sa->is_break != !sb->is_break ||
          sa->data_t0 != sb->data_t0 || sa->data_t1 != sb->data_t1)
        return FALSE;
    }

  return TRUE;
}

/**
 * chronicle_viewport_get_visible_units:
 * @u0: (out) (optional): axis units at x = 0
 * @u1: (out) (optional): axis units at x = width
 */
void
chronicle_viewport_get_visible_units (const ChronicleViewport *self,
                                      double                  *u0,
                                      double                  *u1)
{
  g_return_if_fail (self != NULL);

  if (u0 != NULL)
    *u0 = self->view_u0;
  if (u1 != NULL)
    *u1 = self->view_u1;
}

/**
 * chronicle_viewport_set_visible_units:
 * @u0: axis units at x = 0
 * @u1: axis units at x = width
 *
 * Shows [@u0, @u1) of the axis, within the zoom limits (the clamp keeps
 * the middle of the window in place).
 */
void
chronicle_viewport_set_visible_units (ChronicleViewport *self,
                                      double             u0,
                                      double             u1)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (isfinite (u0) && isfinite (u1));

  if (u1 < u0)
    {
      double tmp = u0;
      u0 = u1;
      u1 = tmp;
    }
  if (u1 <= u0)
    u1 = u0 + 1e-12;
  set_window (self, u0, u1, (u0 + u1) / 2.0);
}

/**
 * chronicle_viewport_get_axis_units:
 *
 * Returns: the end of the axis in axis units (it starts at 0)
 */
double
chronicle_viewport_get_axis_units (const ChronicleViewport *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  return get_axis_end (self);
}

double
chronicle_viewport_time_to_units (const ChronicleViewport *self,
                                  double                   time)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return time_to_units (self, time);
}

double
chronicle_viewport_units_to_time (const ChronicleViewport *self,
                                  double                   units)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return units_to_time (self, units);
}

/**
 * chronicle_viewport_interpolate_units:
 * @from0: start of the first window (axis units)
 * @from1: end of the first window
 * @to0: start of the last window
 * @to1: end of the last window
 * @t: progress, 0 gives the first window and 1 the last
 * @u0: (out): start of the window at @t
 * @u1: (out): end of the window at @t
 *
 * Both ends move along the same straight path parameter, which keeps the
 * point the two windows show at the same fraction of the width in place;
 * that parameter follows the width's geometric progress, so each frame of
 * a zoom changes the scale by the same factor.
 */
void
chronicle_viewport_interpolate_units (double  from0,
                                      double  from1,
                                      double  to0,
                                      double  to1,
                                      double  t,
                                      double *u0,
                                      double *u1)
{
  double w0 = from1 - from0;
  double w1 = to1 - to0;
  double s;

  g_return_if_fail (u0 != NULL && u1 != NULL);

  t = CLAMP (t, 0.0, 1.0);

  /* Nearly the same width (a pan), or a window not valid: straight. */
  if (w0 <= 0.0 || w1 <= 0.0 || fabs (w1 - w0) <= 1e-9 * MAX (w0, w1))
    s = t;
  else
    s = (w0 * pow (w1 / w0, t) - w0) / (w1 - w0);

  *u0 = from0 + s * (to0 - from0);
  *u1 = from1 + s * (to1 - from1);

  /* Exact ends, whatever the rounding. */
  if (t >= 1.0)
    {
      *u0 = to0;
      *u1 = to1;
    }
}
