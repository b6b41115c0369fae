/* chronicle-density.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-density"

#include "config.h"

#include <math.h>

#include "chronicle-density-private.h"

/* The first event starting at or after the time shown at @x. Times are
 * clamped before the cast: far outside the axis they grow without bound. */
static guint
bound_at (ChronicleTimeline       *timeline,
          const ChronicleViewport *viewport,
          double                   x,
          int                      zone)
{
  double t = CLAMP (chronicle_viewport_from_px (viewport, x), -1e15, 1e15);

  return chronicle_timeline_lower_bound (timeline, (gint64) ceil (t) - zone);
}

/**
 * chronicle_density_count_columns:
 * @timeline: the events
 * @viewport: where times fall on screen
 * @x0: left edge of the first column, px of @viewport
 * @column_width: px per column
 * @n_columns: how many columns
 * @counts: (out caller-allocates) (array length=n_columns): events
 *   starting in each column
 * @firsts: (out caller-allocates) (array length=n_columns) (nullable):
 *   timeline position of each column's first event (meaningful where its
 *   count is not 0)
 *
 * How many events start under each column of the strip [@x0, @x0 +
 * @n_columns × @column_width), at any zoom, without looking at the events
 * themselves. The timeline's sorted start times are the aggregate: the
 * events starting before a time t are chronicle_timeline_lower_bound(t)
 * of them, so a column holds the difference of the bounds at its two
 * edges. That is n_columns + 1 binary searches, O(n_columns × log n),
 * exact at every zoom level and never stale, where a pyramid of binned
 * counts would be approximate at its bins' edges and need rebuilding
 * whenever the events change. The edges are in time increasing with x,
 * so the bounds come out in order; a break of the axis maps to the times
 * it leaves out, where no event starts.
 *
 * Times are UTC shifted by the viewport's display zone, which places
 * dates with an offset exactly; floating dates (no offset) are counted up
 * to the zone's hours away from where the chart draws them, which a
 * column of the strip does not show unless the view spans a few days.
 *
 * Returns: the largest count
 */
guint
chronicle_density_count_columns (ChronicleTimeline       *timeline,
                                 const ChronicleViewport *viewport,
                                 double                   x0,
                                 double                   column_width,
                                 guint                    n_columns,
                                 guint                   *counts,
                                 guint                   *firsts)
{
  int zone;
  guint previous, max_count = 0;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), 0);
  g_return_val_if_fail (viewport != NULL, 0);
  g_return_val_if_fail (column_width > 0, 0);
  g_return_val_if_fail (n_columns == 0 || counts != NULL, 0);

  zone = chronicle_viewport_get_zone_offset (viewport);
  previous = bound_at (timeline, viewport, x0, zone);

  for (guint i = 0; i < n_columns; i++)
    {
      guint next = bound_at (timeline, viewport, x0 + (i + 1) * column_width, zone);

      /* Sorted by UTC start: never goes back, but guard the count. */
      next = MAX (next, previous);
      counts[i] = next - previous;
      if (firsts != NULL)
        firsts[i] = previous;
      max_count = MAX (max_count, counts[i]);
      previous = next;
    }

  return max_count;
}

static gboolean
has_clusters (const ChronicleLayout *layout)
{
  for (guint i = 0; i < layout->items->len; i++)
    if (g_array_index (layout->items, ChronicleLayoutItem, i).kind == CHRONICLE_ITEM_CLUSTER)
      return TRUE;

  return FALSE;
}

/**
 * chronicle_layout_compute_density:
 * @layout: a layout whose events are placed
 *
 * When the view holds more events than it can label (some are folded
 * into "+N" pills), counts the events starting under each column of
 * %CHRONICLE_DENSITY_COLUMN px, which the painter draws as a strip along
 * the axis: a fitted view of a million events then shows where they are,
 * not only how many each pill holds. Costs a binary search per column.
 */
void
chronicle_layout_compute_density (ChronicleLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->density, g_free);
  layout->n_density = 0;
  layout->density_max = 0;

  if (!has_clusters (layout))
    return;

  layout->n_density = (guint) ceil (layout->width / CHRONICLE_DENSITY_COLUMN);
  layout->density = g_new (guint, MAX (layout->n_density, 1));
  layout->density_max = chronicle_density_count_columns (layout->timeline, layout->viewport, 0,
                                                         CHRONICLE_DENSITY_COLUMN, layout->n_density,
                                                         layout->density, NULL);
}
