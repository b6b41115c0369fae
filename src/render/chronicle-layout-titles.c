/* chronicle-layout-titles.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-layout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "chronicle-layout-private.h"
#include "chronicle-text-private.h"

/* Text in the chart: file text as it is drawn, the title and subtitle,
 * and each event's label, measured and wrapped onto a second line. */

#define LABEL_MARK_INSET  1.0     /* px a marker's label box reaches past the marker's x */

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
const char *
chronicle_layout_display_text (ChronicleLayout *self,
                               const char      *text)
{
  char *shown;

  if (text == NULL || is_shown_as_is (text))
    return text;

  shown = chronicle_text_for_display (text, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_ptr_array_add (self->shown_texts, shown);

  return shown;
}

void
chronicle_layout_place_title (ChronicleLayout      *self,
                              ChronicleMeasureFunc  measure,
                              gpointer              data,
                              double               *y)
{
  const char *title = chronicle_layout_display_text (self, chronicle_timeline_get_title (self->timeline));
  const char *subtitle = self->options.subtitle;
  double w = 0, h = 0;

  *y = 8.0;
  /* Borrowed from the caller for this call only. */
  self->options.subtitle = NULL;

  if (self->options.show_title && title != NULL && *title != '\0')
    {
      measure (title, CHRONICLE_TEXT_TITLE, &w, &h, data);
      self->title = title;
      self->title_rect.x = CHRONICLE_OUTER_PAD;
      self->title_rect.y = 14.0;
      self->title_rect.width = MIN (w, self->width - 2 * CHRONICLE_OUTER_PAD);
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
      self->subtitle_rect.x = CHRONICLE_OUTER_PAD;
      self->subtitle_rect.y = self->title != NULL ? *y - 6.0 : 14.0;
      self->subtitle_rect.width = MIN (w, self->width - 2 * CHRONICLE_OUTER_PAD);
      self->subtitle_rect.height = h;
      *y = self->subtitle_rect.y + h + 10.0;
    }
}

/* The label's text: the title as it is drawn, "(untitled)" for a blank
 * one (the loader warned), "c. " before an approximate date's. */
void
chronicle_layout_set_item_text (ChronicleLayout     *self,
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
    title = chronicle_layout_display_text (self, title);

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
 * lane the item needs (label and bar). A title wider than @max_line px
 * wraps onto two lines; 0 when it must not (no two lanes free): it is
 * cut to one line then. */
gboolean
chronicle_layout_measure_label (ChronicleLayout      *self,
                                ChronicleLayoutItem  *item,
                                ChronicleMeasureFunc  measure,
                                gpointer              data,
                                double               *left,
                                double               *right,
                                gboolean             *cut_title,
                                double                max_line)
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
      if (start > self->width - CHRONICLE_LABEL_EDGE)
        return FALSE;
      end = start;
    }
  else if (item->x < 0 || item->x + LABEL_MARK_INSET > self->width - CHRONICLE_LABEL_EDGE)
    /* The point of a day that is partly in view lies outside it: a
     * label at the edge would mark another date. */
    return FALSE;
  else
    {
      start = MAX (item->x - LABEL_MARK_INSET, 0);
      end = MIN (item->x + LABEL_MARK_INSET, self->width);
    }
  room_after = self->width - CHRONICLE_LABEL_EDGE - start - chrome;
  room_before = end - chrome;
  room = MAX (room_after, room_before);

  w = measure_width (text, measure, data);
  item->text2 = NULL;
  if (w <= MIN (max_line > 0 ? max_line : CHRONICLE_LABEL_MAX_TEXT, room) || room <= 0)
    {
      line_w = w;
      cut = w > room;
    }
  else if (max_line <= 0)
    {
      /* No two lanes free here: one line, cut, rather than no label. */
      line_w = MIN (CHRONICLE_LABEL_MAX_TEXT, room);
      cut = TRUE;
    }
  else
    {
      /* A second line before any cut: two lines of about half the
       * title each, as wide as the room allows when that is not enough. */
      double limit = MIN (room, MAX (ceil (w * 0.55), CHRONICLE_LABEL_MAX_TEXT / 2));
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
  if (room + chrome < CHRONICLE_LABEL_MIN_WIDTH ||
      (start + MAX (MIN (line_w, room) + chrome, CHRONICLE_LABEL_MIN_WIDTH) > self->width - CHRONICLE_LABEL_EDGE && end < start))
    return FALSE;

  box_w = MAX (MIN (line_w, room) + chrome, CHRONICLE_LABEL_MIN_WIDTH);
  item->label.width = box_w;
  item->label.height = (item->text2 != NULL ? 2 : 1) * self->label_height + 2 * CHRONICLE_LABEL_PAD_Y;

  if (start + box_w <= self->width - CHRONICLE_LABEL_EDGE || room_after >= room_before || end < start)
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
