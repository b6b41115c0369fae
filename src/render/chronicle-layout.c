/* chronicle-layout.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-layout-private.h"
#include "chronicle-paint.h"
#include "chronicle-text-private.h"

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
 */

#define OUTER_PAD         16.0
#define LANE_GAP          6.0     /* between lanes */
#define LABEL_GAP         8.0     /* between labels in a lane */
#define LABEL_MAX_TEXT    340.0   /* longer titles wrap onto a second line */
#define LABEL_MARK_INSET  1.0     /* px a marker's label box reaches past the marker's x */
#define LABEL_EDGE        3.0     /* px kept free at the right: the selection ring lies outside the box */
#define LABEL_MIN_WIDTH   (2 * CHRONICLE_LABEL_PAD_X + CHRONICLE_LABEL_STRIP + 24.0)
#define BAR_GAP           2.0     /* between a label box and its bar */
#define AXIS_CLEAR        (CHRONICLE_PILL_HEIGHT + 8.0)
#define TICK_MARK         6.0
#define DAY_BAR_MIN       30.0    /* px: narrower days are drawn as markers */
#define CLUSTER_SPAN      36.0    /* px of axis one cluster gathers */
#define PILL_GAP          3.0
#define PILL_PAD_X        7.0
#define LEGEND_ROW_GAP    6.0
#define LEGEND_MAX_ROWS   3       /* a legend taller than this leaves the chart too little */

#define CLUSTER_TAG       0x80000000u
#define ONGOING_TAG       0x7fffffffu

typedef struct
{
  guint  first_event;
  guint  n_events;
  double x_first;
  double x_last;
  guint  merged_into;  /* G_MAXUINT, or the cluster that absorbed it */
} PendingCluster;

static void
append_item (ChronicleLayout           *self,
             const ChronicleLayoutItem *item)
{
  g_array_append_val (self->items, *item);
}

static void
rect_union_x (const ChronicleRect *r,
              double              *left,
              double              *right)
{
  if (r->width <= 0)
    return;
  *left = MIN (*left, r->x);
  *right = MAX (*right, r->x + r->width);
}

static gboolean
rect_contains (const ChronicleRect *r,
               double               x,
               double               y)
{
  return r->width > 0 &&
         x >= r->x && x < r->x + r->width &&
         y >= r->y && y < r->y + r->height;
}

static guint
get_event_category (ChronicleTimeline *timeline,
                    guint              position)
{
  const char *id = chronicle_timeline_get_event_category_id (timeline, position);

  if (id == NULL)
    return G_MAXUINT;

  return chronicle_timeline_get_category_index (timeline, id);
}

/* Lane geometry: @lane > 0 above the axis, < 0 below. */
static void
get_lane_geometry (const ChronicleLayout *self,
                   double                 lane_h,
                   double                 box_h,
                   double                 tick_area,
                   int                    lane,
                   double                *box_y,
                   double                *bar_y)
{
  if (lane > 0)
    {
      double slot_top = self->axis_y - AXIS_CLEAR - lane * lane_h;

      *box_y = slot_top + LANE_GAP / 2;
      *bar_y = *box_y + box_h + BAR_GAP + CHRONICLE_BAR_HEIGHT / 2;
    }
  else
    {
      double slot_top = self->axis_y + tick_area + (-lane - 1) * lane_h;

      *bar_y = slot_top + LANE_GAP / 2 + CHRONICLE_BAR_HEIGHT / 2;
      *box_y = slot_top + LANE_GAP / 2 + CHRONICLE_BAR_HEIGHT + BAR_GAP;
    }
}

/* Whether chronicle_text_for_display() shows @text as it is: at most
 * CHRONICLE_TEXT_MAX_TITLE characters of valid UTF-8 without controls,
 * line breaks or bidi embeddings, overrides and isolates. Almost every
 * title is, and is borrowed; reads at most that many characters. */
static gboolean
is_shown_as_is (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2 || ++n > CHRONICLE_TEXT_MAX_TITLE ||
          c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 ||
          (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return FALSE;
    }

  return TRUE;
}

/* File text as it is drawn: measured, shaped and painted only as far as
 * it can be seen. A 1 MB title took a minute and 2.9 GB to shape, and a
 * "live" title wrapped in a right-to-left override showed as "evil". The
 * data keeps the whole text. */
static const char *
display_text (ChronicleLayout *self,
              const char      *text)
{
  char *shown;

  if (text == NULL || is_shown_as_is (text))
    return text;

  shown = chronicle_text_for_display (text, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_ptr_array_add (self->shown_texts, shown);

  return shown;
}

static void
layout_title (ChronicleLayout      *self,
              ChronicleMeasureFunc  measure,
              gpointer              data,
              double               *y)
{
  const char *title = display_text (self, chronicle_timeline_get_title (self->timeline));
  const char *subtitle = self->options.subtitle;
  double w = 0, h = 0;

  *y = 8.0;
  /* Borrowed from the caller for this call only. */
  self->options.subtitle = NULL;

  if (self->options.show_title && title != NULL && *title != '\0')
    {
      measure (title, CHRONICLE_TEXT_TITLE, &w, &h, data);
      self->title = title;
      self->title_rect.x = OUTER_PAD;
      self->title_rect.y = 14.0;
      self->title_rect.width = MIN (w, self->width - 2 * OUTER_PAD);
      self->title_rect.height = h;
      *y = self->title_rect.y + h + 10.0;
    }

  if (subtitle != NULL && *subtitle != '\0')
    {
      /* Always a copy: the caller's string does not outlive this call. */
      char *shown = chronicle_text_for_display (subtitle, CHRONICLE_TEXT_MAX_TITLE, FALSE);

      g_ptr_array_add (self->shown_texts, shown);
      measure (shown, CHRONICLE_TEXT_LABEL, &w, &h, data);
      self->subtitle = shown;
      self->subtitle_rect.x = OUTER_PAD;
      self->subtitle_rect.y = self->title != NULL ? *y - 6.0 : 14.0;
      self->subtitle_rect.width = MIN (w, self->width - 2 * OUTER_PAD);
      self->subtitle_rect.height = h;
      *y = self->subtitle_rect.y + h + 10.0;
    }
}

/* The legend row: categories, the kinds of mark in view, "time skipped".
 * Its height is reserved here, before the events are laid out; the kinds
 * of mark are known only after, see place_legend(). */
static void
layout_legend (ChronicleLayout      *self,
               ChronicleMeasureFunc  measure,
               gpointer              data,
               double               *bottom)
{
  GListModel *categories = chronicle_timeline_get_categories (self->timeline);
  guint n = g_list_model_get_n_items (categories);
  double row_h = self->label_height;
  gboolean have_breaks = self->breaks->len > 0;
  gboolean have_events = chronicle_timeline_get_n_events (self->timeline) > 0;

  *bottom = self->height - 8.0;
  if (!self->options.show_legend || (n == 0 && !have_breaks && !have_events))
    return;

  for (guint i = 0; i <= n; i++)
    {
      g_autoptr(ChronicleCategory) category = NULL;
      ChronicleLayoutLegendEntry entry = { 0, };
      double w = 0, h = 0;

      if (i == n)
        {
          if (!have_breaks)
            break;
          entry.is_break = TRUE;
          entry.category = G_MAXUINT;
          /* Translators: legend key for the zig-zag on the time axis */
          entry.label = _("Time skipped");
        }
      else
        {
          category = g_list_model_get_item (categories, i);
          entry.category = i;
          entry.label = chronicle_category_get_label (category);
          if (entry.label == NULL)
            entry.label = chronicle_category_get_id (category);
          entry.label = display_text (self, entry.label);
          entry.hidden = self->options.hidden_categories != NULL &&
                         g_strv_contains (self->options.hidden_categories,
                                          chronicle_category_get_id (category));
        }

      measure (entry.label, CHRONICLE_TEXT_LABEL, &w, &h, data);
      entry.text.width = w;
      entry.text.height = h;
      row_h = MAX (row_h, h);
      g_array_append_val (self->legend, entry);
    }

  self->legend_row_height = row_h;
  self->legend_top = self->height - 12.0 - self->legend_rows * row_h - (self->legend_rows - 1) * LEGEND_ROW_GAP;
  *bottom = self->legend_top - 10.0;
}

static const char *
get_mark_label (ChronicleMarkKind mark)
{
  switch (mark)
    {
    case CHRONICLE_MARK_TIMED_POINT:
      /* Translators: legend key: an event at a time of day */
      return _("At a time");
    case CHRONICLE_MARK_TIMED_RANGE:
      /* Translators: legend key: an event from one time of day to another */
      return _("Time range");
    case CHRONICLE_MARK_DAY:
      /* Translators: legend key: an event whose day is known, not its time */
      return _("Day (time unknown)");
    case CHRONICLE_MARK_MONTH:
      /* Translators: legend key: an event whose month is known, not its day */
      return _("Month (day unknown)");
    case CHRONICLE_MARK_YEAR:
      /* Translators: legend key: an event whose year is known, not its month */
      return _("Year (month unknown)");
    case CHRONICLE_MARK_APPROXIMATE:
      /* Translators: legend key: an event whose date is an estimate */
      return _("Approximate date");
    case CHRONICLE_N_MARKS:
    default:
      g_assert_not_reached ();
    }
}

/* Adds a legend entry for each kind of mark the timeline uses, and only
 * those (a chart of days does not explain times), then places the entries
 * in the rows reserved, wrapping. The kinds come from the whole timeline,
 * not the items in view, so the legend, and with it the axis above, stay
 * put while the user zooms and pans. Returns how many rows they need:
 * when more than reserved, what does not fit is dropped here and
 * chronicle_layout_compute() lays the view out again with more rows. */
static guint
place_legend (ChronicleLayout      *self,
              ChronicleMeasureFunc  measure,
              gpointer              data)
{
  ChronicleDateKinds kinds = chronicle_timeline_get_date_kinds (self->timeline);
  ChronicleMarkKind approximate_base = CHRONICLE_MARK_TIMED_POINT;
  gboolean used[CHRONICLE_N_MARKS] = { FALSE, };
  guint n_categories = 0;
  double x = OUTER_PAD;
  guint row = 0;

  /* ChronicleDateKinds has a bit per mark kind, in the same order. */
  G_STATIC_ASSERT (CHRONICLE_DATE_KIND_APPROXIMATE == 1 << CHRONICLE_MARK_APPROXIMATE);
  G_STATIC_ASSERT (CHRONICLE_DATE_KIND_DAY == 1 << CHRONICLE_MARK_DAY);

  if (self->legend_top == 0)
    return 1;

  for (ChronicleMarkKind mark = 0; mark < CHRONICLE_N_MARKS; mark++)
    used[mark] = (kinds & (1u << mark)) != 0;

  /* An estimate's key is drawn as the commonest of the coarse kinds. */
  for (ChronicleMarkKind mark = CHRONICLE_MARK_DAY; mark <= CHRONICLE_MARK_YEAR; mark++)
    if (used[mark])
      {
        approximate_base = mark;
        break;
      }

  while (n_categories < self->legend->len &&
         !g_array_index (self->legend, ChronicleLayoutLegendEntry, n_categories).is_break)
    n_categories++;

  /* After the categories, before "time skipped". */
  for (ChronicleMarkKind mark = 0, at = n_categories; mark < CHRONICLE_N_MARKS; mark++)
    {
      ChronicleLayoutLegendEntry entry = { 0, };
      double w = 0, h = 0;

      if (!used[mark])
        continue;

      entry.is_mark = TRUE;
      entry.mark = mark;
      /* A bar explains a span better than a marker; a time is a point. */
      entry.form = mark == CHRONICLE_MARK_TIMED_POINT ||
                   (mark == CHRONICLE_MARK_APPROXIMATE && approximate_base == CHRONICLE_MARK_TIMED_POINT)
                     ? CHRONICLE_ITEM_MARKER : CHRONICLE_ITEM_BAR;
      entry.base = mark == CHRONICLE_MARK_APPROXIMATE ? approximate_base : mark;
      entry.category = G_MAXUINT;
      entry.label = get_mark_label (mark);
      measure (entry.label, CHRONICLE_TEXT_LABEL, &w, &h, data);
      entry.text.width = w;
      entry.text.height = h;
      g_array_insert_val (self->legend, at++, entry);
    }

  for (guint i = 0; i < self->legend->len; i++)
    {
      ChronicleLayoutLegendEntry *entry = &g_array_index (self->legend, ChronicleLayoutLegendEntry, i);
      double swatch = 10.0, y;

      if (entry->is_break)
        swatch = 16.0;
      else if (entry->is_mark)
        swatch = entry->form == CHRONICLE_ITEM_BAR ? 22.0 : 2 * CHRONICLE_MARKER_RADIUS + 2;

      /* The next row; an entry too wide for any row is cut by the painter. */
      if (x > OUTER_PAD && x + swatch + 6 + entry->text.width > self->width - OUTER_PAD)
        {
          row++;
          x = OUTER_PAD;
        }
      if (row >= self->legend_rows)
        {
          guint needed = row + 1;

          /* Count the rows the rest would take, then drop it. */
          for (guint j = i + 1; j < self->legend->len; j++)
            {
              const ChronicleLayoutLegendEntry *next = &g_array_index (self->legend, ChronicleLayoutLegendEntry, j);

              x += 22.0 + 6 + next->text.width + 20.0;
              if (x > self->width - OUTER_PAD)
                {
                  needed++;
                  x = OUTER_PAD + 22.0 + 6 + next->text.width + 20.0;
                }
            }
          g_array_set_size (self->legend, i);
          return needed;
        }

      y = self->legend_top + row * (self->legend_row_height + LEGEND_ROW_GAP);
      entry->swatch.x = x;
      entry->swatch.y = y + (self->legend_row_height - 10.0) / 2;
      entry->swatch.width = swatch;
      entry->swatch.height = 10.0;
      entry->text.x = x + swatch + 6;
      entry->text.y = y;
      entry->text.width = MIN (entry->text.width, MAX (self->width - OUTER_PAD - entry->text.x, 0));
      x = entry->text.x + entry->text.width + 20.0;
    }

  return row + 1;
}

static void
layout_breaks (ChronicleLayout *self)
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

static gboolean
layout_eras (ChronicleLayout      *self,
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
      band.label = display_text (self, chronicle_era_get_label (era));

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
static void
place_era_labels (ChronicleLayout *self,
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

/* Folded event at @x: joins the open cluster when close enough. */
static guint
fold_event (GArray *clusters,
            guint   position,
            double  x)
{
  PendingCluster *last = clusters->len > 0 ? &g_array_index (clusters, PendingCluster, clusters->len - 1) : NULL;
  PendingCluster c = { 0, };

  if (last != NULL && x <= last->x_first + CLUSTER_SPAN)
    {
      last->n_events++;
      last->x_last = MAX (last->x_last, x);
      return clusters->len - 1;
    }

  c.first_event = position;
  c.n_events = 1;
  c.x_first = x;
  c.x_last = x;
  c.merged_into = G_MAXUINT;
  g_array_append_val (clusters, c);
  return clusters->len - 1;
}

static guint
resolve_cluster (GArray *clusters,
                 guint   index)
{
  while (g_array_index (clusters, PendingCluster, index).merged_into != G_MAXUINT)
    index = g_array_index (clusters, PendingCluster, index).merged_into;
  return index;
}

/* Pills sit in the cluster row in time order without overlapping; a pill
 * pushed past the right edge merges into the one before it. */
static void
place_clusters (ChronicleLayout      *self,
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
      PendingCluster *c = &g_array_index (clusters, PendingCluster, i);

      for (;;)
        {
          ChronicleLayoutItem *prev = placed->len > 0 ? &g_array_index (placed, ChronicleLayoutItem, placed->len - 1) : NULL;
          g_autofree char *text = g_strdup_printf ("+%u", c->n_events);
          double w = 0, h = 0, cx, prev_right;
          ChronicleLayoutItem item = { 0, };

          measure (text, CHRONICLE_TEXT_TICK, &w, &h, data);
          w += 2 * PILL_PAD_X;
          prev_right = prev != NULL ? prev->label.x + prev->label.width : -G_MAXDOUBLE;
          cx = MAX ((c->x_first + c->x_last) / 2, prev_right + PILL_GAP + w / 2);
          cx = MAX (cx, w / 2);

          if (cx + w / 2 > self->width - LABEL_EDGE && prev != NULL)
            {
              /* Merge into the previous pill and place that again. */
              guint prev_index = g_array_index (placed_cluster, guint, placed_cluster->len - 1);
              PendingCluster *pc = &g_array_index (clusters, PendingCluster, prev_index);

              pc->n_events += c->n_events;
              pc->x_last = MAX (pc->x_last, c->x_last);
              c->merged_into = prev_index;
              c = pc;
              g_array_set_size (placed, placed->len - 1);
              g_array_set_size (placed_cluster, placed_cluster->len - 1);
              continue;
            }

          item.kind = CHRONICLE_ITEM_CLUSTER;
          item.first_event = c->first_event;
          item.n_events = c->n_events;
          item.category = G_MAXUINT;
          item.x = c->x_first;
          item.x2 = c->x_last;
          item.axis_y = pill_y + CHRONICLE_PILL_HEIGHT / 2;
          item.lane = 0;
          item.label.x = MIN (cx, self->width - LABEL_EDGE - w / 2) - w / 2;
          item.label.y = pill_y;
          item.label.width = w;
          item.label.height = CHRONICLE_PILL_HEIGHT;
          item.text = NULL;
          g_array_append_val (placed, item);
          {
            guint index = c - &g_array_index (clusters, PendingCluster, 0);
            g_array_append_val (placed_cluster, index);
          }
          break;
        }
    }

  for (guint i = 0; i < placed->len; i++)
    {
      cluster_item[g_array_index (placed_cluster, guint, i)] = self->items->len;
      append_item (self, &g_array_index (placed, ChronicleLayoutItem, i));
    }
}

/* How precise the event's date is: the coarser of its two ends. */
static ChronicleMarkKind
get_mark_kind (ChronicleTimeline *timeline,
               guint              position)
{
  const ChronicleDate *date = chronicle_timeline_get_event_date (timeline, position);
  const ChronicleDate *end = chronicle_timeline_get_event_end (timeline, position);
  guint precision = date->precision;

  if (end != NULL)
    precision = MIN (precision, end->precision);

  switch (precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return CHRONICLE_MARK_YEAR;
    case CHRONICLE_DATE_PRECISION_MONTH:
      return CHRONICLE_MARK_MONTH;
    case CHRONICLE_DATE_PRECISION_DAY:
      return CHRONICLE_MARK_DAY;
    default:
      return end != NULL ? CHRONICLE_MARK_TIMED_RANGE : CHRONICLE_MARK_TIMED_POINT;
    }
}

/* The label's text: the title as it is drawn, "(untitled)" for a blank
 * one (the loader warned), "c. " before an approximate date's. */
static void
set_item_text (ChronicleLayout     *self,
               guint                position,
               ChronicleLayoutItem *item)
{
  const char *title = chronicle_timeline_get_event_title (self->timeline, position);
  char *shown;

  /* the first byte settles nearly every case */
  item->untitled = title == NULL || (!g_ascii_isalnum (*title) && chronicle_text_is_blank (title));
  if (item->untitled)
    /* Translators: drawn, muted, for an event whose title is empty */
    title = _("(untitled)");
  else
    title = display_text (self, title);

  item->approximate = chronicle_timeline_get_event_approximate (self->timeline, position);
  if (!item->approximate)
    {
      item->text = title;
      return;
    }

  /* Translators: a label whose date is an estimate, "c. Talks begin"; "c." is
   * circa. Use your language's usual abbreviation. */
  shown = g_strdup_printf (_("c. %s"), title);
  g_ptr_array_add (self->shown_texts, shown);
  item->text = shown;
}

/* Sets the item's kind and x range. */
static void
shape_item (ChronicleLayout     *self,
            guint                position,
            ChronicleLayoutItem *item)
{
  const ChronicleDate *date = chronicle_timeline_get_event_date (self->timeline, position);

  item->mark = get_mark_kind (self->timeline, position);
  set_item_text (self, position, item);

  /* Precision decides the shape: a month or a range is drawn across its
   * whole span; an instant, or a day narrower than DAY_BAR_MIN, is a
   * point at the middle of what it denotes. */
  /* (A range, or a date coarser than a day: chronicle_event_is_span().) */
  if (chronicle_timeline_get_event_end (self->timeline, position) != NULL ||
      date->precision <= CHRONICLE_DATE_PRECISION_MONTH ||
      (date->precision == CHRONICLE_DATE_PRECISION_DAY && item->x2 - item->x >= DAY_BAR_MIN))
    {
      item->kind = CHRONICLE_ITEM_BAR;
      return;
    }

  item->kind = CHRONICLE_ITEM_MARKER;
  /* A day too narrow for a bar: the marker's whisker shows the day. */
  if (item->mark != CHRONICLE_MARK_TIMED_POINT)
    item->whisker = (item->x2 - item->x) / 2;
  item->x = item->x2 = (item->x + item->x2) / 2;
}

static double
measure_width (const char           *text,
               ChronicleMeasureFunc  measure,
               gpointer              data)
{
  double w = 0, h = 0;

  measure (text, CHRONICLE_TEXT_LABEL, &w, &h, data);
  return w;
}

/* Splits @text (@width px wide) in two lines, the first as long as fits
 * in @limit px: before the last space that fits, or (one long word)
 * after the last character that fits, at least one. The first guess is
 * where the proportion of characters puts the break; it is then moved
 * by one word (or character) at a time: a few measurements per long
 * title, and few prefixes left in the text caches. */
static void
wrap_title (ChronicleLayout      *self,
            const char           *text,
            double                width,
            double                limit,
            ChronicleMeasureFunc  measure,
            gpointer              data,
            const char          **line1,
            const char          **line2,
            double               *w1,
            double               *w2)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize best = 0, rest, len = strlen (text);
  double best_w = 0;
  int i, last_fit = -1, first_miss = G_MAXINT;
  char *first;

  /* Candidate ends of the first line: before each space; when there is
   * none, after each character. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == ' ' && p != text)
      {
        gsize at = p - text;
        g_array_append_val (breaks, at);
      }
  if (breaks->len == 0)
    for (const char *p = g_utf8_next_char (text); *p != '\0'; p = g_utf8_next_char (p))
      {
        gsize at = p - text;
        g_array_append_val (breaks, at);
      }

  /* The last candidate at or before the proportional guess. */
  for (i = (int) breaks->len - 1; i > 0; i--)
    if (g_array_index (breaks, gsize, i) <= (gsize) (len * limit / MAX (width, 1)))
      break;

  while (i >= 0 && i < (int) breaks->len && i > last_fit && i < first_miss)
    {
      gsize at = g_array_index (breaks, gsize, i);
      g_autofree char *prefix = g_strndup (text, at);
      double w = measure_width (prefix, measure, data);

      if (w <= limit)
        {
          best = at;
          best_w = w;
          last_fit = i;
          i++;
        }
      else
        {
          first_miss = i;
          i--;
        }
    }

  if (best == 0)
    {
      /* Not even one word (or character) fits: one line, cut. */
      *line1 = text;
      *line2 = NULL;
      *w1 = width;
      *w2 = 0;
      return;
    }

  first = g_strndup (text, best);
  g_ptr_array_add (self->shown_texts, first);
  rest = best;
  while (text[rest] == ' ')
    rest++;
  *line1 = first;
  *w1 = best_w;
  if (text[rest] == '\0')
    {
      *line2 = NULL;
      *w2 = 0;
      return;
    }
  *line2 = text + rest;
  *w2 = measure_width (*line2, measure, data);
}

/* Measures the label, wraps its title when it is long, and sets the
 * label's x and size: starting at the event's date, or when there is no
 * room after it ending at it (near the right edge). Never anywhere else,
 * so the label's strip and edge mark the event's date, and its leader
 * is a straight line from the axis. @left and @right get the stretch of
 * lane the item needs (label and bar). */
static gboolean
measure_label (ChronicleLayout      *self,
               ChronicleLayoutItem  *item,
               ChronicleMeasureFunc  measure,
               gpointer              data,
               double               *left,
               double               *right,
               gboolean             *cut_title,
               gboolean              may_wrap)
{
  const double chrome = 2 * CHRONICLE_LABEL_PAD_X + CHRONICLE_LABEL_STRIP;
  const char *text = item->text != NULL ? item->text : "";
  double start, end, room_after, room_before, room, w, line_w, box_w;
  gboolean cut = FALSE;

  *cut_title = FALSE;

  if (item->kind == CHRONICLE_ITEM_BAR)
    {
      /* Over the bar from its start, or ending at its start, left of
       * the bar: never at its end, which a reader would take for the
       * date (a day's bar ends at the next midnight). */
      start = MAX (item->x, 0);
      if (start > self->width - LABEL_EDGE)
        return FALSE;
      end = start;
    }
  else if (item->x < 0 || item->x + LABEL_MARK_INSET > self->width - LABEL_EDGE)
    /* The point of a day that is partly in view lies outside it: a
     * label at the edge would mark another date. */
    return FALSE;
  else
    {
      start = MAX (item->x - LABEL_MARK_INSET, 0);
      end = MIN (item->x + LABEL_MARK_INSET, self->width);
    }
  room_after = self->width - LABEL_EDGE - start - chrome;
  room_before = end - chrome;
  room = MAX (room_after, room_before);

  w = measure_width (text, measure, data);
  item->text2 = NULL;
  if (w <= MIN (LABEL_MAX_TEXT, room) || room <= 0)
    {
      line_w = w;
      cut = w > room;
    }
  else if (!may_wrap)
    {
      /* No two lanes free here: one line, cut, rather than no label. */
      line_w = MIN (LABEL_MAX_TEXT, room);
      cut = TRUE;
    }
  else
    {
      /* A second line before any cut: two lines of about half the
       * title each, as wide as the room allows when that is not enough. */
      double limit = MIN (room, MAX (ceil (w * 0.55), LABEL_MAX_TEXT / 2));
      const char *line1, *line2;
      double w1, w2;

      wrap_title (self, text, w, limit, measure, data, &line1, &line2, &w1, &w2);
      if (line2 != NULL && w2 > limit && limit < room)
        {
          limit = room;
          wrap_title (self, text, w, limit, measure, data, &line1, &line2, &w1, &w2);
        }
      item->text = line1;
      item->text2 = line2;
      line_w = MIN (MAX (w1, w2), room);
      cut = w1 > room || w2 > room;
    }

  *cut_title = cut;
  if (room + chrome < LABEL_MIN_WIDTH ||
      (start + MAX (MIN (line_w, room) + chrome, LABEL_MIN_WIDTH) > self->width - LABEL_EDGE && end < start))
    return FALSE;

  box_w = MAX (MIN (line_w, room) + chrome, LABEL_MIN_WIDTH);
  item->label.width = box_w;
  item->label.height = (item->text2 != NULL ? 2 : 1) * self->label_height + 2 * CHRONICLE_LABEL_PAD_Y;

  if (start + box_w <= self->width - LABEL_EDGE || room_after >= room_before || end < start)
    {
      item->label.x = start;
      item->label_before = FALSE;
    }
  else
    {
      item->label.x = end - box_w;
      item->label_before = TRUE;
    }

  *left = item->label.x;
  *right = item->label.x + box_w;
  if (item->kind == CHRONICLE_ITEM_BAR)
    {
      *left = MIN (*left, MAX (item->x, 0));
      *right = MAX (*right, MIN (item->x2, self->width));
    }
  return TRUE;
}

/* Folds the events after range index @k into @cluster, as far as its
 * span reaches but not past @x_limit, by binary search rather than one
 * by one: a fitted view of 100 000 events then costs about one step per
 * label and per cluster. Returns the range index of the last one folded.
 * Later events start at or after @k's, so are visible. */
static guint
fold_following (ChronicleLayout *self,
                GArray          *clusters,
                guint            cluster,
                guint            k,
                double           x_limit,
                double           vis_t1)
{
  PendingCluster *c = &g_array_index (clusters, PendingCluster, cluster);
  guint pos = self->first_visible + k;
  double t_limit;
  guint end;

  x_limit = MIN (x_limit, c->x_first + CLUSTER_SPAN);
  t_limit = MIN (chronicle_viewport_from_px (self->viewport, x_limit), vis_t1);
  end = chronicle_timeline_lower_bound (self->timeline, (gint64) ceil (t_limit));
  end = MIN (end, self->first_visible + self->n_range);
  if (end <= pos + 1)
    return k;

  for (guint j = k + 1; j < end - self->first_visible; j++)
    self->item_of_event[j] = CLUSTER_TAG | cluster;
  c->n_events += end - pos - 1;
  self->n_visible += end - pos - 1;
  c->x_last = MAX (c->x_last,
                   CLAMP (chronicle_viewport_to_px (self->viewport,
                                                    chronicle_viewport_position_start (self->viewport, self->timeline, end - 1)),
                          0, self->width));

  return end - self->first_visible - 1;
}

static int
compare_item_index (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const ChronicleLayoutItem *items = user_data;
  const ChronicleLayoutItem *ia = &items[*(const guint *) a];
  const ChronicleLayoutItem *ib = &items[*(const guint *) b];

  if (ia->x < ib->x)
    return -1;
  if (ia->x > ib->x)
    return 1;
  if (ia->first_event != ib->first_event)
    return ia->first_event < ib->first_event ? -1 : 1;
  return 0;
}

static gboolean
collect_position (ChronicleTimeline *timeline,
                  guint              position,
                  ChronicleEvent    *event,
                  gpointer           user_data)
{
  g_array_append_val ((GArray *) user_data, position);
  return TRUE;
}

/* The side of the axis an event's label takes (0 above, 1 below): a
 * property of the event, so that it stays when the view zooms, pans,
 * searches or filters, and is the same in every export. From a hash of
 * the id (FNV-1a, stable across processes, unlike chronicle_str_hash()),
 * or the timeline position for an event without one. */
static guint
event_side (ChronicleTimeline *timeline,
            guint              position)
{
  const char *id = chronicle_timeline_get_event_id (timeline, position);
  guint32 h = 2166136261u;

  if (id == NULL)
    return position & 1;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    {
      h ^= *p;
      h *= 16777619u;
    }

  return (h >> 24) & 1;
}

/* The first lane of @side, nearest the axis first, free from @left on
 * (and the one beyond it too for a label of two lines); -1 when none. */
static gboolean
lane_free (const double *lane_end,
           guint         l,
           guint         lane1,
           double        left,
           gboolean      two_lines)
{
  return l < lane1 && lane_end[l] <= left && (!two_lines || (l + 1 < lane1 && lane_end[l + 1] <= left));
}

/* @preferred (a lane index, or G_MAXUINT) is tried first: the lane the
 * event had in the frame before. */
static int
find_lane (const double *lane_end,
           guint         lane0,
           guint         lane1,
           double        left,
           gboolean      two_lines,
           guint         preferred)
{
  if (preferred >= lane0 && lane_free (lane_end, preferred, lane1, left, two_lines))
    return (int) preferred;
  for (guint l = lane0; l < lane1; l++)
    if (lane_free (lane_end, l, lane1, left, two_lines))
      return (int) l;
  return -1;
}

/* Same for the ongoing events: a lane still free from the left edge up
 * to past @right. */
static int
find_lane_before (const double *lane_start,
                  guint         lane0,
                  guint         lane1,
                  double        right,
                  gboolean      two_lines,
                  guint         preferred)
{
  if (preferred >= lane0 && preferred < lane1 && right + LABEL_GAP <= lane_start[preferred] &&
      (!two_lines || (preferred + 1 < lane1 && right + LABEL_GAP <= lane_start[preferred + 1])))
    return (int) preferred;
  for (guint l = lane0; l < lane1; l++)
    if (right + LABEL_GAP <= lane_start[l] &&
        (!two_lines || (l + 1 < lane1 && right + LABEL_GAP <= lane_start[l + 1])))
      return (int) l;
  return -1;
}

/* The side and lane index @event had before: FALSE when it is new. */
static gboolean
recall_placement (ChronicleLayout *self,
                  guint            position,
                  guint            n_above,
                  guint           *side,
                  guint           *lane)
{
  const char *id = chronicle_timeline_get_event_id (self->timeline, position);
  int remembered;

  if (self->options.placements == NULL || id == NULL)
    return FALSE;
  remembered = GPOINTER_TO_INT (g_hash_table_lookup (self->options.placements, id));
  if (remembered == 0)
    return FALSE;

  *side = remembered > 0 ? 0 : 1;
  *lane = remembered > 0 ? (guint) remembered - 1 : n_above + (guint) -remembered - 1;
  return TRUE;
}

static void
remember_placement (ChronicleLayout *self,
                    guint            position,
                    int              lane)
{
  const char *id = chronicle_timeline_get_event_id (self->timeline, position);

  /* (An insert over a present key frees the key passed: dup only when
   * the lane changed.) */
  if (self->options.placements == NULL || id == NULL ||
      GPOINTER_TO_INT (g_hash_table_lookup (self->options.placements, id)) == lane)
    return;
  g_hash_table_insert (self->options.placements, g_strdup (id), GINT_TO_POINTER (lane));
}

static double
min_of (const double *values,
        guint         from,
        guint         to,
        double        none)
{
  double m = from < to ? G_MAXDOUBLE : none;

  for (guint i = from; i < to; i++)
    m = MIN (m, values[i]);
  return m;
}

static void
layout_events (ChronicleLayout      *self,
               ChronicleMeasureFunc  measure,
               gpointer              data,
               double                lanes_top,
               double                tick_area)
{
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (PendingCluster));
  g_autoptr(GArray) ongoing = NULL;
  g_autofree double *lane_end = NULL;
  g_autofree double *lane_start = NULL;
  g_autofree guint *cluster_item = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *new_index = NULL;
  GArray *sorted;
  double vis_t0, vis_t1, box_h, lane_h, room, extra, min_lane_end[2], max_lane_start;
  double ongoing_x_last = 0;
  guint first = 0, last = 0, n_lanes, n_above;
  guint side_lane0[2], side_lane1[2];
  guint n_ongoing = 0, n_ongoing_folded = 0, ongoing_first = 0;
  gint64 from, to;
  int zone;

  box_h = self->label_height + 2 * CHRONICLE_LABEL_PAD_Y;
  lane_h = box_h + BAR_GAP + CHRONICLE_BAR_HEIGHT + LANE_GAP;

  /* Lanes: as many as fit between the era row and the legend, half
   * above the axis and half below. The axis stays where this puts it,
   * whichever lanes are used, so that it does not move while the view
   * is dragged or filtered. */
  room = self->plot_bottom - lanes_top - AXIS_CLEAR - tick_area;
  n_lanes = room > 0 ? (guint) floor (room / lane_h) : 0;
  n_above = (n_lanes + 1) / 2;
  side_lane0[0] = 0;
  side_lane1[0] = n_above;
  side_lane0[1] = n_above;
  side_lane1[1] = n_lanes;

  /* Each lane is free left of lane_start and right of lane_end. */
  lane_end = g_new (double, MAX (n_lanes, 1));
  lane_start = g_new (double, MAX (n_lanes, 1));
  for (guint i = 0; i < n_lanes; i++)
    {
      lane_end[i] = -G_MAXDOUBLE;
      lane_start[i] = G_MAXDOUBLE;
    }
  for (guint side = 0; side < 2; side++)
    min_lane_end[side] = min_of (lane_end, side_lane0[side], side_lane1[side], G_MAXDOUBLE);

  chronicle_viewport_get_visible_range (self->viewport, &vis_t0, &vis_t1);
  /* The timeline indexes UTC times; the window is in the display zone,
   * where dates with an offset are moved by it and floating ones are not:
   * look at both. */
  zone = chronicle_viewport_get_zone_offset (self->viewport);
  from = (gint64) floor (vis_t0) - ABS (zone);
  to = (gint64) ceil (vis_t1) + ABS (zone);

  /* [first, last) is a superset of the visible events; the loop skips
   * those that end before the window. */
  if (chronicle_timeline_get_range (self->timeline, from, to, &first, &last))
    {
      self->first_visible = first;
      self->n_range = last - first;
    }
  self->item_of_event = g_new (guint, MAX (self->n_range, 1));
  memset (self->item_of_event, 0xff, MAX (self->n_range, 1) * sizeof (guint));  /* G_MAXUINT */

  /* Events already going on when the window starts come first in the
   * range. They are context: laid out after those that start in view, in
   * whatever lanes stay free, so a zoomed view shows its own events
   * rather than a stack of long spans from the past. */
  if (self->n_range > 0)
    {
      guint lb = chronicle_timeline_lower_bound (self->timeline, (gint64) ceil (vis_t0) - zone);

      n_ongoing = CLAMP (lb, self->first_visible, self->first_visible + self->n_range) - self->first_visible;
    }

  for (guint k = n_ongoing; k < self->n_range; k++)
    {
      guint pos = self->first_visible + k;
      double s = chronicle_viewport_position_start (self->viewport, self->timeline, pos);
      double e = chronicle_viewport_position_end (self->viewport, self->timeline, pos);
      ChronicleLayoutItem item = { 0, };
      double left0, left, right, any_lane_end;
      gboolean cut = FALSE, known;
      guint side, preferred;
      int l = -1;

      self->item_of_event[k] = G_MAXUINT;
      if (e <= vis_t0 || s >= vis_t1)
        continue;
      self->n_visible++;

      item.x = chronicle_viewport_to_px (self->viewport, s);
      item.x2 = chronicle_viewport_to_px (self->viewport, e);
      /* Cheap test before looking at the event further: can a lane of
       * either side take a label starting here? When not, this event and
       * all that follow up to where a lane frees (or the cluster is full)
       * fold into the same cluster: found by binary search, not one by
       * one, so a fitted view of 100 000 events costs about one step per
       * label and per cluster. Then the same for the event's side: the
       * one it had before, strictly; a new event takes its own side, or
       * the other when that is full here. */
      left0 = MIN (MAX (item.x, 0) - CHRONICLE_LABEL_STRIP / 2, self->width - LABEL_MIN_WIDTH);
      any_lane_end = MIN (min_lane_end[0], min_lane_end[1]);
      side = 0;
      preferred = G_MAXUINT;
      known = FALSE;
      if (left0 >= any_lane_end)
        {
          known = recall_placement (self, pos, n_above, &side, &preferred);
          if (!known)
            {
              side = event_side (self->timeline, pos);
              preferred = G_MAXUINT;
              if (side_lane0[side] == side_lane1[side] || left0 < min_lane_end[side])
                side = 1 - side;
            }
        }
      if (left0 < any_lane_end || left0 < min_lane_end[side])
        {
          guint cluster = fold_event (clusters, pos, CLAMP (item.x, 0, self->width));

          self->item_of_event[k] = CLUSTER_TAG | cluster;
          k = fold_following (self, clusters, cluster, k,
                              any_lane_end <= self->width - LABEL_MIN_WIDTH ? any_lane_end + CHRONICLE_LABEL_STRIP / 2
                                                                            : G_MAXDOUBLE,
                              vis_t1);
          continue;
        }

      shape_item (self, pos, &item);
      if (measure_label (self, &item, measure, data, &left, &right, &cut,
                         find_lane (lane_end, side_lane0[side], side_lane1[side], left0, TRUE, G_MAXUINT) >= 0))
        {
          l = find_lane (lane_end, side_lane0[side], side_lane1[side], left, item.text2 != NULL, preferred);
          if (l < 0 && !known)
            {
              side = 1 - side;
              l = find_lane (lane_end, side_lane0[side], side_lane1[side], left, item.text2 != NULL, G_MAXUINT);
            }
        }

      /* No lane takes this label: what follows within the cluster's span
       * folds into it unmeasured, or a dense right edge would measure
       * thousands of titles to place none. */
      if (l < 0)
        {
          guint cluster = fold_event (clusters, pos, CLAMP (item.x, 0, self->width));

          self->item_of_event[k] = CLUSTER_TAG | cluster;
          k = fold_following (self, clusters, cluster, k, G_MAXDOUBLE, vis_t1);
          continue;
        }

      for (guint taken = (guint) l; taken <= (guint) l + (item.text2 != NULL); taken++)
        {
          lane_end[taken] = right + LABEL_GAP;
          lane_start[taken] = MIN (lane_start[taken], left);
        }
      min_lane_end[side] = min_of (lane_end, side_lane0[side], side_lane1[side], G_MAXDOUBLE);

      if (cut)
        self->n_cut_titles++;
      item.first_event = pos;
      item.n_events = 1;
      item.category = get_event_category (self->timeline, pos);
      item.lane = side == 0 ? l + 1 : -(l - (int) n_above + 1);
      remember_placement (self, pos, item.lane);

      self->item_of_event[k] = self->items->len;
      append_item (self, &item);
    }

  /* The ongoing events: a lane takes one when the lane is still free
   * from the left edge up to past its label and bar. */
  max_lane_start = -G_MAXDOUBLE;
  for (guint l = 0; l < n_lanes; l++)
    max_lane_start = MAX (max_lane_start, lane_start[l]);

  /* Only those still going on at the window's start: the range before
   * it can hold thousands of events that ended long ago (pulled in by one
   * long range), and the model skips them in blocks without touching
   * each event. */
  ongoing = g_array_new (FALSE, FALSE, sizeof (guint));
  if (n_ongoing > 0)
    chronicle_timeline_foreach_in_range (self->timeline, from, (gint64) ceil (vis_t0) + ABS (zone), collect_position, ongoing);

  for (guint o = 0; o < ongoing->len; o++)
    {
      guint pos = g_array_index (ongoing, guint, o);
      guint k = pos - self->first_visible;
      double e = chronicle_viewport_position_end (self->viewport, self->timeline, pos);
      ChronicleLayoutItem item = { 0, };
      double left, right;
      gboolean cut = FALSE, known;
      guint side, preferred;
      int l = -1;

      if (e <= vis_t0 || k >= n_ongoing)
        continue;
      self->n_visible++;

      item.x = chronicle_viewport_to_px (self->viewport, chronicle_viewport_position_start (self->viewport, self->timeline, pos));
      item.x2 = chronicle_viewport_to_px (self->viewport, e);
      known = recall_placement (self, pos, n_above, &side, &preferred);
      if (!known)
        {
          side = event_side (self->timeline, pos);
          preferred = G_MAXUINT;
          if (side_lane0[side] == side_lane1[side])
            side = 1 - side;
        }

      if (MIN (item.x2, self->width) + LABEL_GAP <= max_lane_start)
        {
          shape_item (self, pos, &item);
          if (measure_label (self, &item, measure, data, &left, &right, &cut, TRUE))
            {
              l = find_lane_before (lane_start, side_lane0[side], side_lane1[side], right, item.text2 != NULL,
                                    preferred);
              if (l < 0 && !known)
                {
                  side = 1 - side;
                  l = find_lane_before (lane_start, side_lane0[side], side_lane1[side], right, item.text2 != NULL,
                                        G_MAXUINT);
                }
            }
        }

      if (l < 0)
        {
          self->item_of_event[k] = ONGOING_TAG;
          n_ongoing_folded++;
          ongoing_x_last = MAX (ongoing_x_last, CLAMP (MIN (item.x2, item.x + CLUSTER_SPAN), 0, CLUSTER_SPAN));
          if (n_ongoing_folded == 1)
            ongoing_first = pos;
          continue;
        }

      for (guint taken = (guint) l; taken <= (guint) l + (item.text2 != NULL); taken++)
        {
          lane_start[taken] = left;
          if (lane_end[taken] == -G_MAXDOUBLE)
            lane_end[taken] = right + LABEL_GAP;
        }
      max_lane_start = -G_MAXDOUBLE;
      for (guint j = 0; j < n_lanes; j++)
        max_lane_start = MAX (max_lane_start, lane_start[j]);

      if (cut)
        self->n_cut_titles++;
      item.first_event = pos;
      item.n_events = 1;
      item.category = get_event_category (self->timeline, pos);
      item.lane = side == 0 ? l + 1 : -(l - (int) n_above + 1);
      remember_placement (self, pos, item.lane);

      self->item_of_event[k] = self->items->len;
      append_item (self, &item);
    }

  /* Folded ongoing events join the cluster at the left edge, or make it:
   * clusters stay in x order for place_clusters(). */
  if (n_ongoing_folded > 0)
    {
      guint target = 0;

      if (clusters->len > 0 && g_array_index (clusters, PendingCluster, 0).x_first <= CLUSTER_SPAN)
        {
          PendingCluster *c = &g_array_index (clusters, PendingCluster, 0);

          c->n_events += n_ongoing_folded;
          c->first_event = MIN (c->first_event, ongoing_first);
          c->x_first = 0;
        }
      else
        {
          PendingCluster c = { ongoing_first, n_ongoing_folded, 0, ongoing_x_last, G_MAXUINT };

          g_array_prepend_val (clusters, c);
          for (guint k = n_ongoing; k < self->n_range; k++)
            if (self->item_of_event[k] != G_MAXUINT && (self->item_of_event[k] & CLUSTER_TAG))
              self->item_of_event[k]++;
        }

      for (guint k = 0; k < n_ongoing; k++)
        if (self->item_of_event[k] == ONGOING_TAG)
          self->item_of_event[k] = CLUSTER_TAG | target;
    }

  /* Now the vertical structure, the same for every frame of this size:
   * the lanes' spare height split evenly above and below. */
  extra = room > 0 ? room - n_lanes * lane_h : 0;
  self->axis_y = lanes_top + extra / 2 + n_above * lane_h + AXIS_CLEAR;
  self->tick_label_y = self->axis_y + TICK_MARK + 2.0;

  for (guint i = 0; i < self->items->len; i++)
    {
      ChronicleLayoutItem *item = &g_array_index (self->items, ChronicleLayoutItem, i);
      double box_y, bar_y, lx;

      get_lane_geometry (self, lane_h, box_h, tick_area, item->lane, &box_y, &bar_y);
      item->axis_y = item->kind == CHRONICLE_ITEM_BAR ? bar_y : self->axis_y;
      /* A label of two lines grows away from the axis, into the next lane. */
      item->label.y = item->lane > 0 ? box_y + box_h - item->label.height : box_y;

      /* The leader: from the mark on the axis to the label box, or from
       * the bar's start to the axis. */
      item->n_leader = 2;
      if (item->kind == CHRONICLE_ITEM_MARKER)
        {
          lx = item->x;
          item->leader[0] = (ChroniclePoint) { lx, self->axis_y };
          item->leader[1] = (ChroniclePoint) { lx, item->lane > 0 ? item->label.y + item->label.height : item->label.y };
        }
      else
        {
          lx = MAX (item->x, 0);
          item->leader[0] = (ChroniclePoint) { lx, bar_y };
          item->leader[1] = (ChroniclePoint) { lx, self->axis_y };
        }
    }

  cluster_item = g_new (guint, MAX (clusters->len, 1));
  place_clusters (self, clusters, cluster_item, measure, data);

  /* Sort by x for hit-testing and map events to their final item. */
  order = g_new (guint, MAX (self->items->len, 1));
  for (guint i = 0; i < self->items->len; i++)
    order[i] = i;
  g_qsort_with_data (order, self->items->len, sizeof (guint), compare_item_index, self->items->data);

  new_index = g_new (guint, MAX (self->items->len, 1));
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (ChronicleLayoutItem), self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      new_index[order[i]] = i;
      g_array_append_val (sorted, g_array_index (self->items, ChronicleLayoutItem, order[i]));
    }
  g_array_unref (self->items);
  self->items = sorted;

  for (guint k = 0; k < self->n_range; k++)
    {
      guint index = self->item_of_event[k];

      if (index == G_MAXUINT)
        continue;
      if (index & CLUSTER_TAG)
        index = cluster_item[resolve_cluster (clusters, index & ~CLUSTER_TAG)];
      self->item_of_event[k] = new_index[index];
    }

  /* How far hit boxes reach around x, for the bsearch in hit_test. */
  for (guint i = 0; i < self->items->len; i++)
    {
      const ChronicleLayoutItem *item = &g_array_index (self->items, ChronicleLayoutItem, i);
      double l = item->x - CHRONICLE_MARKER_RADIUS - 2, r = MAX (item->x, item->x2) + CHRONICLE_MARKER_RADIUS + 2;

      rect_union_x (&item->label, &l, &r);
      self->reach_left = MAX (self->reach_left, item->x - l);
      self->reach_right = MAX (self->reach_right, r - item->x);
    }
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
  self->shown_texts = g_ptr_array_new_with_free_func (g_free);

  /* Measured with Pango: the painter draws the text shaped here, in the
   * same context, instead of shaping it again. */
  if (measure == chronicle_pango_measure)
    self->text_context = G_OBJECT (g_object_ref (((ChroniclePangoMeasurer *) measure_data)->context));

  measure ("Ag", CHRONICLE_TEXT_LABEL, &w, &self->label_height, measure_data);
  measure ("09:00", CHRONICLE_TEXT_TICK, &w, &self->tick_label_height, measure_data);

  layout_breaks (self);
  layout_title (self, measure, measure_data, &y);
  layout_legend (self, measure, measure_data, &bottom);
  /* Borrowed from the caller for this call only. */
  self->options.hidden_categories = NULL;
  self->plot_top = y;
  self->plot_bottom = MAX (bottom, y + 1);

  lanes_top = self->plot_top;
  /* The era row is kept whenever the timeline has eras, not only when
   * one is in view: panning past an era's end must not move the axis. */
  if (layout_eras (self, measure, measure_data) ||
      (self->options.show_eras && g_list_model_get_n_items (chronicle_timeline_get_eras (timeline)) > 0))
    {
      measure ("Ag", CHRONICLE_TEXT_ERA, &w, &h, measure_data);
      place_era_labels (self, self->plot_top + 4.0);
      lanes_top += h + 8.0;
    }

  chronicle_layout_compute_ticks (self, measure, measure_data);
  tick_area = TICK_MARK + 2.0 + self->tick_label_height + 6.0;
  /* The stretch headings take a row under the tick labels, which a
   * break's text that the tick row had no room for shares. The row is
   * kept whenever the axis has a break, in view or not, so that the axis
   * does not move as the user zooms and pans. */
  chronicle_layout_compute_stretches (self, measure, measure_data);
  if (axis_has_breaks (self->viewport))
    tick_area += self->tick_label_height + 2.0;

  layout_events (self, measure, measure_data, lanes_top, tick_area);
  *needed_rows = place_legend (self, measure, measure_data);

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
  g_clear_pointer (&layout->item_of_event, g_free);
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
  guint index;

  g_return_val_if_fail (layout != NULL, NULL);

  if (event < layout->first_visible || event - layout->first_visible >= layout->n_range)
    return NULL;

  index = layout->item_of_event[event - layout->first_visible];
  if (index == G_MAXUINT)
    return NULL;

  return &g_array_index (layout->items, ChronicleLayoutItem, index);
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
