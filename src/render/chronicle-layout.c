/* chronicle-layout.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-density-private.h"
#include "chronicle-layout-private.h"
#include "chronicle-paint.h"

#define LEGEND_MAX_ROWS   3       /* a legend taller than this leaves the chart too little */

/*
 * The layout is a pure function of (timeline, viewport, size, options,
 * text metrics). Everything is in logical px, y growing downwards:
 *
 *   title
 *   era labels                      (one row, when eras are visible)
 *   label lanes n_above .. 1        each: label box, then the bar
 *   cluster row                     "+N" pills just above the axis
 *   ------ axis ------  markers, span strokes
 *   tick labels
 *   label lanes -1 .. -n_below      each: the bar, then the label box
 *   legend
 *
 * Events are visited in time order, only those overlapping the window.
 * Each gets the first lane (above first, then below) where its label and
 * bar fit without overlapping; when no lane is free it folds into the
 * nearby "+N" cluster. Titles are measured only when a lane is free, so
 * the cost of dense views is bounded by the labels actually shown.
 *
 * This file computes the whole and answers queries (hit tests); the
 * parts are in chronicle-layout-titles.c (title, label text, wrapping),
 * -legend.c, -eras.c (eras and breaks), -events.c (lanes), -clusters.c
 * ("+N" pills) and chronicle-ticks.c (ticks, stretch headings).
 */

static gboolean
rect_contains (const ChronicleRect *r,
               double               x,
               double               y)
{
  return r->width > 0 &&
         x >= r->x && x < r->x + r->width &&
         y >= r->y && y < r->y + r->height;
}

static ChronicleLayout *compute_with_legend_rows (ChronicleTimeline            *timeline,
                                                  const ChronicleViewport      *viewport,
                                                  double                        width,
                                                  double                        height,
                                                  const ChronicleLayoutOptions *options,
                                                  ChronicleMeasureFunc          measure,
                                                  gpointer                      measure_data,
                                                  guint                         legend_rows,
                                                  guint                        *needed_rows);

/**
 * chronicle_layout_compute:
 * @timeline: the timeline to lay out
 * @viewport: the axis and visible window; its width is replaced by @width
 * @width: px
 * @height: px
 * @options: (nullable): what to show; %NULL for everything
 * @measure: text measurer (chronicle_pango_measure() on screen)
 * @measure_data: its data
 *
 * Lays out the visible part of @timeline. Pure: no drawing, no GTK.
 *
 * Returns: (transfer full): the layout
 */
ChronicleLayout *
chronicle_layout_compute (ChronicleTimeline            *timeline,
                          const ChronicleViewport      *viewport,
                          double                        width,
                          double                        height,
                          const ChronicleLayoutOptions *options,
                          ChronicleMeasureFunc          measure,
                          gpointer                      measure_data)
{
  ChronicleLayout *self;
  guint needed;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (viewport != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  /* How many rows the legend needs is known only once it is measured;
   * when its keys need another row (a narrow export), the view is laid
   * out again with the rows reserved. */
  self = compute_with_legend_rows (timeline, viewport, width, height, options, measure, measure_data, 1, &needed);
  if (needed > 1)
    {
      chronicle_layout_free (self);
      self = compute_with_legend_rows (timeline, viewport, width, height, options, measure, measure_data,
                                       MIN (needed, LEGEND_MAX_ROWS), &needed);
    }
  chronicle_layout_compute_density (self);

  return self;
}

static gboolean
axis_has_breaks (const ChronicleViewport *viewport)
{
  const ChronicleAxisSegment *segments;
  guint n_segments;

  segments = chronicle_viewport_get_segments (viewport, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    if (segments[i].is_break)
      return TRUE;

  return FALSE;
}

static ChronicleLayout *
compute_with_legend_rows (ChronicleTimeline            *timeline,
                          const ChronicleViewport      *viewport,
                          double                        width,
                          double                        height,
                          const ChronicleLayoutOptions *options,
                          ChronicleMeasureFunc          measure,
                          gpointer                      measure_data,
                          guint                         legend_rows,
                          guint                        *needed_rows)
{
  static const ChronicleLayoutOptions default_options = { TRUE, TRUE, TRUE, TRUE };
  ChronicleLayout *self;
  double y, bottom, lanes_top, tick_area, w = 0, h = 0;

  self = g_new0 (ChronicleLayout, 1);
  self->legend_rows = legend_rows;
  self->fold_stop = G_MAXUINT;
  self->timeline = g_object_ref (timeline);
  self->viewport = chronicle_viewport_copy (viewport);
  chronicle_viewport_set_width (self->viewport, width);
  self->options = options != NULL ? *options : default_options;
  self->width = width;
  self->height = height;
  self->items = g_array_new (FALSE, TRUE, sizeof (ChronicleLayoutItem));
  self->ticks = g_array_new (FALSE, TRUE, sizeof (ChronicleTick));
  self->eras = g_array_new (FALSE, TRUE, sizeof (ChronicleLayoutEra));
  self->breaks = g_array_new (FALSE, TRUE, sizeof (ChronicleLayoutBreak));
  self->stretches = g_array_new (FALSE, TRUE, sizeof (ChronicleLayoutStretch));
  self->legend = g_array_new (FALSE, TRUE, sizeof (ChronicleLayoutLegendEntry));
  self->event_runs = g_array_new (FALSE, FALSE, sizeof (ChronicleLayoutRun));
  self->shown_texts = g_ptr_array_new_with_free_func (g_free);

  /* Measured with Pango: the painter draws the text shaped here, in the
   * same context, instead of shaping it again. */
  if (measure == chronicle_pango_measure)
    self->text_context = G_OBJECT (g_object_ref (((ChroniclePangoMeasurer *) measure_data)->context));

  measure ("Ag", CHRONICLE_TEXT_LABEL, &w, &self->label_height, measure_data);
  measure ("09:00", CHRONICLE_TEXT_TICK, &w, &self->tick_label_height, measure_data);

  chronicle_layout_compute_breaks (self);
  chronicle_layout_place_title (self, measure, measure_data, &y);
  chronicle_layout_reserve_legend (self, measure, measure_data, &bottom);
  /* Borrowed from the caller for this call only. */
  self->options.hidden_categories = NULL;
  self->plot_top = y;
  self->plot_bottom = MAX (bottom, y + 1);

  lanes_top = self->plot_top;
  /* The era row is kept whenever the timeline has eras, not only when
   * one is in view: panning past an era's end must not move the axis. */
  if (chronicle_layout_compute_eras (self, measure, measure_data) ||
      (self->options.show_eras && g_list_model_get_n_items (chronicle_timeline_get_eras (timeline)) > 0))
    {
      measure ("Ag", CHRONICLE_TEXT_ERA, &w, &h, measure_data);
      chronicle_layout_place_era_labels (self, self->plot_top + 4.0);
      lanes_top += h + 8.0;
    }

  chronicle_layout_compute_ticks (self, measure, measure_data);
  tick_area = CHRONICLE_TICK_MARK + 2.0 + self->tick_label_height + 6.0;
  /* The stretch headings take a row under the tick labels, which a
   * break's text that the tick row had no room for shares. The row is
   * kept whenever the axis has a break, in view or not, so that the axis
   * does not move as the user zooms and pans. */
  chronicle_layout_compute_stretches (self, measure, measure_data);
  if (axis_has_breaks (self->viewport))
    tick_area += self->tick_label_height + 2.0;

  chronicle_layout_place_events (self, measure, measure_data, lanes_top, tick_area);
  *needed_rows = chronicle_layout_place_legend (self, measure, measure_data);

  self->stretch_label_y = self->tick_label_y + self->tick_label_height + 2.0;
  self->break_label_y = self->stretch_label_y;
  for (guint i = 0; i < self->stretches->len; i++)
    g_array_index (self->stretches, ChronicleLayoutStretch, i).rect.y = self->stretch_label_y;
  self->options.placements = NULL;

  return self;
}

void
chronicle_layout_free (ChronicleLayout *layout)
{
  if (layout == NULL)
    return;

  for (guint i = 0; i < layout->ticks->len; i++)
    g_free (g_array_index (layout->ticks, ChronicleTick, i).text);
  for (guint i = 0; i < layout->breaks->len; i++)
    g_free (g_array_index (layout->breaks, ChronicleLayoutBreak, i).text);
  for (guint i = 0; i < layout->stretches->len; i++)
    g_free (g_array_index (layout->stretches, ChronicleLayoutStretch, i).text);
  g_clear_pointer (&layout->stretches, g_array_unref);

  g_clear_object (&layout->timeline);
  g_clear_pointer (&layout->viewport, chronicle_viewport_free);
  g_clear_pointer (&layout->items, g_array_unref);
  g_clear_pointer (&layout->ticks, g_array_unref);
  g_clear_pointer (&layout->eras, g_array_unref);
  g_clear_pointer (&layout->breaks, g_array_unref);
  g_clear_pointer (&layout->legend, g_array_unref);
  g_clear_pointer (&layout->event_runs, g_array_unref);
  g_clear_pointer (&layout->density, g_free);
  g_clear_object (&layout->text_context);
  g_clear_pointer (&layout->shown_texts, g_ptr_array_unref);
  g_free (layout);
}

/**
 * chronicle_layout_get_items:
 * @n_items: (out): number of items
 *
 * Returns: (transfer none): the items, sorted by x
 */
const ChronicleLayoutItem *
chronicle_layout_get_items (const ChronicleLayout *layout,
                            guint                 *n_items)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  *n_items = layout->items->len;
  return (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;
}

/**
 * chronicle_layout_get_ticks:
 * @n_ticks: (out): number of ticks
 *
 * Returns: (transfer none): the axis ticks, sorted by x
 */
const ChronicleTick *
chronicle_layout_get_ticks (const ChronicleLayout *layout,
                            guint                 *n_ticks)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (n_ticks != NULL, NULL);

  *n_ticks = layout->ticks->len;
  return (const ChronicleTick *) (gconstpointer) layout->ticks->data;
}

static double
hit_distance (const ChronicleLayoutItem *item,
              double                     x,
              double                     y)
{
  double dx, dy;

  if (rect_contains (&item->label, x, y))
    return 0;

  if (item->kind == CHRONICLE_ITEM_MARKER)
    {
      dx = x - item->x;
      dy = y - item->axis_y;
      return sqrt (dx * dx + dy * dy);
    }

  /* bars (and a cluster's stretch of axis) */
  dx = x < item->x ? item->x - x : (x > item->x2 ? x - item->x2 : 0);
  dy = fabs (y - item->axis_y);
  return MAX (dx, dy);
}

/**
 * chronicle_layout_hit_test:
 * @x: px
 * @y: px
 *
 * Returns: (transfer none) (nullable): the item whose label, marker or bar
 *   is at (@x, @y)
 */
const ChronicleLayoutItem *
chronicle_layout_hit_test (const ChronicleLayout *layout,
                           double                 x,
                           double                 y)
{
  const ChronicleLayoutItem *items;
  const ChronicleLayoutItem *best = NULL;
  double best_distance = CHRONICLE_MARKER_RADIUS + 3;
  guint lo = 0, hi;

  g_return_val_if_fail (layout != NULL, NULL);

  items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;
  hi = layout->items->len;

  /* First item whose x can reach @x from the left. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (items[mid].x < x - layout->reach_right)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < layout->items->len && items[i].x <= x + layout->reach_left; i++)
    {
      double d = hit_distance (&items[i], x, y);

      if (d < best_distance)
        {
          best_distance = d;
          best = &items[i];
        }
    }

  return best;
}

/**
 * chronicle_layout_hit_test_legend:
 * @x: px
 * @y: px
 *
 * Returns: the category index of the legend entry (swatch or label) at
 *   (@x, @y), G_MAXUINT for none
 */
guint
chronicle_layout_hit_test_legend (const ChronicleLayout *layout,
                                  double                 x,
                                  double                 y)
{
  /* Slack around an entry, px, so that a click between swatch and label
   * or just off the text still counts. */
  const double slack = 4.0;

  g_return_val_if_fail (layout != NULL, G_MAXUINT);

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronicleLayoutLegendEntry, i);
      double left = entry->swatch.x - slack;
      double right = entry->text.x + entry->text.width + slack;
      double top = MIN (entry->swatch.y, entry->text.y) - slack;
      double bottom = MAX (entry->swatch.y + entry->swatch.height, entry->text.y + entry->text.height) + slack;

      if (entry->is_break || entry->is_mark)
        continue;
      if (x >= left && x < right && y >= top && y < bottom)
        return entry->category;
    }

  return G_MAXUINT;
}

/**
 * chronicle_layout_find_event:
 * @event: timeline position
 *
 * Returns: (transfer none) (nullable): the item showing @event: its own,
 *   or the cluster it is folded into; %NULL when it is not visible
 */
const ChronicleLayoutItem *
chronicle_layout_find_event (const ChronicleLayout *layout,
                             guint                  event)
{
  const ChronicleLayoutRun *runs;
  guint k, lo = 0, hi;

  g_return_val_if_fail (layout != NULL, NULL);

  if (event < layout->first_visible || event - layout->first_visible >= layout->n_range)
    return NULL;

  /* The last run starting at or before k. */
  k = event - layout->first_visible;
  runs = (const ChronicleLayoutRun *) (gconstpointer) layout->event_runs->data;
  hi = layout->event_runs->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (runs[mid].first <= k)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0 || runs[lo - 1].last < k)
    return NULL;

  return &g_array_index (layout->items, ChronicleLayoutItem, runs[lo - 1].index);
}

double
chronicle_layout_get_axis_y (const ChronicleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0.0);

  return layout->axis_y;
}

/**
 * chronicle_layout_get_timeline:
 *
 * Returns: (transfer none): the timeline laid out
 */
ChronicleTimeline *
chronicle_layout_get_timeline (const ChronicleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->timeline;
}

/**
 * chronicle_layout_get_viewport:
 *
 * Returns: (transfer none): the viewport used, with the layout's width
 */
const ChronicleViewport *
chronicle_layout_get_viewport (const ChronicleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->viewport;
}

guint
chronicle_layout_get_n_visible_events (const ChronicleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_visible;
}

/**
 * chronicle_layout_get_n_cut_titles:
 *
 * Returns: how many labels show their title cut short ("…"), because
 *   even two lines as wide as the room there was could not hold it
 */
guint
chronicle_layout_get_n_cut_titles (const ChronicleLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_cut_titles;
}

/**
 * chronicle_layout_get_n_folded_events:
 * @layout: a layout
 * @n_clusters: (out) (optional): how many "+N" pills hold them
 *
 * Returns: how many events in view have no label of their own, folded
 *   into "+N" pills: an export says so, since a chart that leaves events
 *   out without a word is not one to publish.
 */
guint
chronicle_layout_get_n_folded_events (const ChronicleLayout *layout,
                                      guint                 *n_clusters)
{
  guint n = 0, clusters = 0;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &g_array_index (layout->items, ChronicleLayoutItem, i);

      if (item->kind != CHRONICLE_ITEM_CLUSTER)
        continue;
      clusters++;
      n += item->n_events;
    }

  if (n_clusters != NULL)
    *n_clusters = clusters;
  return n;
}
