/* chronicle-layout-eras.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-layout"

#include "config.h"

#include "chronicle-layout-private.h"

/* What lies along the axis besides events: breaks and era bands. */

void
chronicle_layout_compute_breaks (ChronicleLayout *self)
{
  const ChronicleAxisSegment *segments;
  guint n_segments;

  segments = chronicle_viewport_get_segments (self->viewport, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      ChronicleLayoutBreak brk = { 0, };

      if (!segments[i].is_break)
        continue;

      brk.x0 = chronicle_viewport_to_px (self->viewport, segments[i].t0);
      brk.x1 = chronicle_viewport_to_px (self->viewport, segments[i].t1);
      if (brk.x1 < 0 || brk.x0 > self->width)
        continue;
      /* What the break leaves out is the time between the events on its
       * two sides, padding included. */
      brk.skipped = segments[i + 1 < n_segments ? i + 1 : i].data_t0 - segments[i > 0 ? i - 1 : i].data_t1;
      brk.text = chronicle_layout_format_skip (brk.skipped);
      g_array_append_val (self->breaks, brk);
    }
}

#define ERA_LABEL_GAP       12.0   /* px between two era labels in their row */
#define ERA_LABEL_MIN_WIDTH 40.0   /* narrower than this, a label is left out */

gboolean
chronicle_layout_compute_eras (ChronicleLayout      *self,
                               ChronicleMeasureFunc  measure,
                               gpointer              data)
{
  GListModel *eras = chronicle_timeline_get_eras (self->timeline);
  guint n = g_list_model_get_n_items (eras);

  if (!self->options.show_eras)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (eras, i);
      ChronicleLayoutEra band = { 0, };
      const ChronicleDate *end = chronicle_era_get_end (era);
      double x0, x1, w = 0, h = 0, room;

      band.ongoing = end == NULL;
      x0 = chronicle_viewport_to_px (self->viewport, chronicle_date_get_start (chronicle_era_get_start (era)));
      /* An era still going on reaches the right edge, whatever the data. */
      x1 = band.ongoing ? MAX (self->width, x0) : chronicle_viewport_to_px (self->viewport, chronicle_date_get_end (end));
      if (x1 < 0 || x0 > self->width || x1 <= x0)
        continue;

      band.x0 = MAX (x0, 0);
      band.x1 = MIN (x1, self->width);
      band.label = chronicle_layout_display_text (self, chronicle_era_get_label (era));

      if (band.label != NULL)
        {
          measure (band.label, CHRONICLE_TEXT_ERA, &w, &h, data);
          /* The label sticks to the visible part of the band. */
          room = band.x1 - band.x0 - 2 * 8.0;
          if (room >= ERA_LABEL_MIN_WIDTH)
            {
              band.label_rect.x = band.x0 + 8.0;
              band.label_rect.width = MIN (w, room);
              band.label_rect.height = h;
            }
        }

      g_array_append_val (self->eras, band);
    }

  return self->eras->len > 0;
}

static int
compare_era_labels (gconstpointer a,
                    gconstpointer b)
{
  const ChronicleLayoutEra *x = *(const ChronicleLayoutEra * const *) a;
  const ChronicleLayoutEra *y = *(const ChronicleLayoutEra * const *) b;

  return (x->label_rect.x > y->label_rect.x) - (x->label_rect.x < y->label_rect.x);
}

/* Era labels share one row, and overlapping eras (a round of talks
 * inside a war) would print their names on top of each other. From left
 * to right, a label that runs into the next one is cut short before it
 * (the painter ellipsizes it); when that leaves too little, the next one
 * moves right within its own band, or is left out. */
void
chronicle_layout_place_era_labels (ChronicleLayout *self,
                                   double           y)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  ChronicleLayoutEra *previous = NULL;

  for (guint i = 0; i < self->eras->len; i++)
    {
      ChronicleLayoutEra *era = &g_array_index (self->eras, ChronicleLayoutEra, i);

      era->label_rect.y = y;
      if (era->label_rect.width > 0)
        g_ptr_array_add (labels, era);
    }
  g_ptr_array_sort (labels, compare_era_labels);

  for (guint i = 0; i < labels->len; i++)
    {
      ChronicleLayoutEra *era = g_ptr_array_index (labels, i);
      ChronicleRect *rect = &era->label_rect;
      double end = previous != NULL ? previous->label_rect.x + previous->label_rect.width + ERA_LABEL_GAP : -G_MAXDOUBLE;

      if (rect->x < end)
        {
          ChronicleRect *before = &previous->label_rect;
          double room = era->x1 - 8.0 - end;

          if (rect->x - ERA_LABEL_GAP - before->x >= ERA_LABEL_MIN_WIDTH)
            before->width = rect->x - ERA_LABEL_GAP - before->x;
          else if (room >= ERA_LABEL_MIN_WIDTH)
            {
              rect->width = MIN (rect->width, room);
              rect->x = end;
            }
          else
            {
              rect->width = 0;
              continue;
            }
        }
      previous = era;
    }
}
