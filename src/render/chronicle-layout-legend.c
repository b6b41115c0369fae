/* chronicle-layout-legend.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-layout"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-layout-private.h"

/* The legend under the chart: categories, kinds of mark, "time skipped". */

#define LEGEND_ROW_GAP    6.0

/* The legend row: categories, the kinds of mark in view, "time skipped".
 * Its height is reserved here, before the events are laid out; the kinds
 * of mark are known only after, see chronicle_layout_place_legend(). */
void
chronicle_layout_reserve_legend (ChronicleLayout      *self,
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
          entry.label = chronicle_layout_display_text (self, entry.label);
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

static double
get_swatch_width (const ChronicleLayoutLegendEntry *entry)
{
  if (entry->is_break)
    return 16.0;
  if (entry->is_mark)
    return entry->form == CHRONICLE_ITEM_BAR ? 22.0 : 2 * CHRONICLE_MARKER_RADIUS + 2;
  return 10.0;
}

/* How many rows the entries take, wrapped as placed below. */
static guint
count_rows (const ChronicleLayout *self)
{
  double x = CHRONICLE_OUTER_PAD;
  guint rows = 1;

  for (guint i = 0; i < self->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (self->legend, ChronicleLayoutLegendEntry, i);
      double w = get_swatch_width (entry) + 6 + entry->text.width;

      if (x > CHRONICLE_OUTER_PAD && x + w > self->width - CHRONICLE_OUTER_PAD)
        {
          rows++;
          x = CHRONICLE_OUTER_PAD;
        }
      x += w + 20.0;
    }

  return rows;
}

/* Adds a legend entry for each kind of mark drawn in the view, and only
 * those: a reader of Apollo 11's chart, whose only time range is folded
 * into a "+3", was told what a time range looks like and saw none. The
 * rows are reserved for every kind the timeline uses, though, so that the
 * axis above stays put while the user zooms and pans (a key may come and
 * go in its row), except in a one-off picture. Then places the entries in the rows reserved, wrapping.
 * Returns how many rows they need: when more than reserved, what does not
 * fit is dropped here and chronicle_layout_compute() lays the view out
 * again with more rows. */
guint
chronicle_layout_place_legend (ChronicleLayout      *self,
                               ChronicleMeasureFunc  measure,
                               gpointer              data)
{
  ChronicleDateKinds kinds = chronicle_timeline_get_date_kinds (self->timeline);
  ChronicleMarkKind approximate_base = CHRONICLE_MARK_TIMED_POINT;
  gboolean used[CHRONICLE_N_MARKS] = { FALSE, };
  gboolean drawn[CHRONICLE_N_MARKS] = { FALSE, };
  guint n_categories = 0, needed_all;
  double x = CHRONICLE_OUTER_PAD;
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

  /* Rows for every kind, keys for those drawn. */
  needed_all = self->options.one_off ? 1 : count_rows (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      const ChronicleLayoutItem *item = &g_array_index (self->items, ChronicleLayoutItem, i);

      if (item->kind == CHRONICLE_ITEM_CLUSTER)
        continue;
      drawn[item->mark] = TRUE;
      drawn[CHRONICLE_MARK_APPROXIMATE] |= item->approximate;
    }
  for (guint i = self->legend->len; i-- > 0;)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (self->legend, ChronicleLayoutLegendEntry, i);

      if (entry->is_mark && !drawn[entry->mark])
        g_array_remove_index (self->legend, i);
    }

  for (guint i = 0; i < self->legend->len; i++)
    {
      ChronicleLayoutLegendEntry *entry = &g_array_index (self->legend, ChronicleLayoutLegendEntry, i);
      double swatch = get_swatch_width (entry), y;

      /* The next row; an entry too wide for any row is cut by the painter. */
      if (x > CHRONICLE_OUTER_PAD && x + swatch + 6 + entry->text.width > self->width - CHRONICLE_OUTER_PAD)
        {
          row++;
          x = CHRONICLE_OUTER_PAD;
        }
      if (row >= self->legend_rows)
        {
          guint needed = row + 1;

          /* Count the rows the rest would take, then drop it. */
          for (guint j = i + 1; j < self->legend->len; j++)
            {
              const ChronicleLayoutLegendEntry *next = &g_array_index (self->legend, ChronicleLayoutLegendEntry, j);

              x += 22.0 + 6 + next->text.width + 20.0;
              if (x > self->width - CHRONICLE_OUTER_PAD)
                {
                  needed++;
                  x = CHRONICLE_OUTER_PAD + 22.0 + 6 + next->text.width + 20.0;
                }
            }
          g_array_set_size (self->legend, i);
          return MAX (needed, needed_all);
        }

      y = self->legend_top + row * (self->legend_row_height + LEGEND_ROW_GAP);
      entry->swatch.x = x;
      entry->swatch.y = y + (self->legend_row_height - 10.0) / 2;
      entry->swatch.width = swatch;
      entry->swatch.height = 10.0;
      entry->text.x = x + swatch + 6;
      entry->text.y = y;
      entry->text.width = MIN (entry->text.width, MAX (self->width - CHRONICLE_OUTER_PAD - entry->text.x, 0));
      x = entry->text.x + entry->text.width + 20.0;
    }

  return MAX (row + 1, needed_all);
}
