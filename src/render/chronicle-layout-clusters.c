/* chronicle-layout-clusters.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-layout"

#include "config.h"

#include <math.h>

#include "chronicle-layout-private.h"

/* The "+N" pills: events without room for a label fold into the
 * nearest cluster. */

#define PILL_GAP          3.0
#define PILL_PAD_X        7.0

/* Folded event at @x: joins the open cluster when close enough. */
guint
chronicle_layout_fold_event (GArray *clusters,
                             guint   position,
                             double  x)
{
  ChronicleLayoutCluster *last = clusters->len > 0 ? &g_array_index (clusters, ChronicleLayoutCluster, clusters->len - 1) : NULL;
  ChronicleLayoutCluster c = { 0, };

  if (last != NULL && x <= last->x_first + CHRONICLE_CLUSTER_SPAN)
    {
      last->n_events++;
      last->last_event = MAX (last->last_event, position);
      /* (Times in the display zone: a little before the one before it.) */
      last->x_first = MIN (last->x_first, x);
      last->x_last = MAX (last->x_last, x);
      return clusters->len - 1;
    }

  c.first_event = position;
  c.last_event = position;
  c.n_events = 1;
  c.x_first = x;
  c.x_last = x;
  c.merged_into = G_MAXUINT;
  g_array_append_val (clusters, c);
  return clusters->len - 1;
}

guint
chronicle_layout_resolve_cluster (GArray *clusters,
                                  guint   index)
{
  while (g_array_index (clusters, ChronicleLayoutCluster, index).merged_into != G_MAXUINT)
    index = g_array_index (clusters, ChronicleLayoutCluster, index).merged_into;
  return index;
}

/* Merges cluster @c into @into, which comes before it. */
static void
merge_cluster (GArray *clusters,
               guint   c,
               guint   into)
{
  ChronicleLayoutCluster *from = &g_array_index (clusters, ChronicleLayoutCluster, c);
  ChronicleLayoutCluster *to = &g_array_index (clusters, ChronicleLayoutCluster, into);

  to->n_events += from->n_events;
  to->first_event = MIN (to->first_event, from->first_event);
  to->last_event = MAX (to->last_event, from->last_event);
  to->x_last = MAX (to->x_last, from->x_last);
  from->merged_into = into;
}

/* Pills sit in the cluster row in time order without overlapping, each
 * over the stretch of axis its events are on. A pill the one before it
 * would push off its events (a "+4150" is wider than the 36 px a cluster
 * gathers), or past the right edge, merges into that one, which is placed
 * again over both: pushing them along instead left every pill of a dense
 * 100 000-event view right of its events, and the last, at the edge,
 * gathered half the axis ("+41590" at 2025 for events from 2021 on). */
void
chronicle_layout_place_clusters (ChronicleLayout      *self,
                                 GArray               *clusters,
                                 guint                *cluster_item,
                                 ChronicleMeasureFunc  measure,
                                 gpointer              data)
{
  g_autoptr(GArray) placed = g_array_new (FALSE, TRUE, sizeof (ChronicleLayoutItem));
  g_autoptr(GArray) placed_cluster = g_array_new (FALSE, FALSE, sizeof (guint));
  double pill_y = self->axis_y - 4.0 - CHRONICLE_PILL_HEIGHT;

  for (guint i = 0; i < clusters->len; i++)
    {
      guint index = i;

      for (;;)
        {
          ChronicleLayoutCluster *c = &g_array_index (clusters, ChronicleLayoutCluster, index);
          ChronicleLayoutItem *prev = placed->len > 0 ? &g_array_index (placed, ChronicleLayoutItem, placed->len - 1) : NULL;
          g_autofree char *text = g_strdup_printf ("+%u", c->n_events);
          double w = 0, h = 0, cx, prev_right, right_edge = self->width - CHRONICLE_LABEL_EDGE;
          ChronicleLayoutItem item = { 0, };

          measure (text, CHRONICLE_TEXT_TICK, &w, &h, data);
          w += 2 * PILL_PAD_X;
          prev_right = prev != NULL ? prev->label.x + prev->label.width : -G_MAXDOUBLE;
          cx = MAX ((c->x_first + c->x_last) / 2, prev_right + PILL_GAP + w / 2);
          cx = MAX (cx, w / 2);

          if (prev != NULL && (cx + w / 2 > right_edge || cx - w / 2 > c->x_last))
            {
              /* Merge into the previous pill and place that again. */
              guint prev_index = g_array_index (placed_cluster, guint, placed_cluster->len - 1);

              merge_cluster (clusters, index, prev_index);
              index = prev_index;
              g_array_set_size (placed, placed->len - 1);
              g_array_set_size (placed_cluster, placed_cluster->len - 1);
              continue;
            }

          item.kind = CHRONICLE_ITEM_CLUSTER;
          item.first_event = c->first_event;
          item.last_event = c->last_event;
          item.n_events = c->n_events;
          item.category = G_MAXUINT;
          item.x = c->x_first;
          item.x2 = c->x_last;
          item.axis_y = pill_y + CHRONICLE_PILL_HEIGHT / 2;
          item.lane = 0;
          item.label.x = MIN (cx, right_edge - w / 2) - w / 2;
          item.label.y = pill_y;
          item.label.width = w;
          item.label.height = CHRONICLE_PILL_HEIGHT;
          item.text = NULL;
          g_array_append_val (placed, item);
          g_array_append_val (placed_cluster, index);
          break;
        }
    }

  for (guint i = 0; i < placed->len; i++)
    {
      cluster_item[g_array_index (placed_cluster, guint, i)] = self->items->len;
      g_array_append_val (self->items, g_array_index (placed, ChronicleLayoutItem, i));
    }
}

/* Records that range indexes [@first, @last] are shown by @index. Called
 * in increasing order of @first: a run that continues the last one with
 * the same index extends it, so a cluster of thousands is one run. */
void
chronicle_layout_mark_events (GArray *runs,
                              guint   first,
                              guint   last,
                              guint   index)
{
  ChronicleLayoutRun run = { first, last, index };

  if (runs->len > 0)
    {
      ChronicleLayoutRun *previous = &g_array_index (runs, ChronicleLayoutRun, runs->len - 1);

      g_assert (previous->last < first);
      if (previous->index == index && previous->last + 1 == first)
        {
          previous->last = last;
          return;
        }
    }

  g_array_append_val (runs, run);
}

/* Folds the events after range index @k into @cluster, as far as its
 * span reaches but not past @x_limit, by binary search rather than one
 * by one: a fitted view of 100 000 events then costs about one step per
 * label and per cluster. Returns the range index of the last one folded.
 * Later events start at or after @k's, so are visible. */
guint
chronicle_layout_fold_following (ChronicleLayout *self,
                                 GArray          *clusters,
                                 guint            cluster,
                                 guint            k,
                                 double           x_limit,
                                 double           vis_t1)
{
  ChronicleLayoutCluster *c = &g_array_index (clusters, ChronicleLayoutCluster, cluster);
  guint pos = self->first_visible + k;
  double t_limit;
  guint end;

  x_limit = MIN (x_limit, c->x_first + CHRONICLE_CLUSTER_SPAN);
  t_limit = MIN (chronicle_viewport_from_px (self->viewport, x_limit), vis_t1);
  end = chronicle_timeline_lower_bound (self->timeline, (gint64) ceil (t_limit));
  end = MIN (end, self->first_visible + self->n_range);
  if (self->fold_stop != G_MAXUINT && self->fold_stop > k)
    end = MIN (end, self->first_visible + self->fold_stop);
  if (end <= pos + 1)
    return k;

  chronicle_layout_mark_events (self->event_runs, k + 1, end - self->first_visible - 1, CHRONICLE_CLUSTER_TAG | cluster);
  c->n_events += end - pos - 1;
  c->last_event = MAX (c->last_event, end - 1);
  self->n_visible += end - pos - 1;
  c->x_last = MAX (c->x_last,
                   CLAMP (chronicle_viewport_to_px (self->viewport,
                                                    chronicle_viewport_position_start (self->viewport, self->timeline, end - 1)),
                          0, self->width));

  return end - self->first_visible - 1;
}
