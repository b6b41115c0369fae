/* chronicle-paint.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include <math.h>

#include "chronicle-paint.h"
#include "chronicle-category-color.h"
#include "chronicle-density-private.h"
#include "chronicle-paint-private.h"

/* px: the tallest bar of the density strip, see paint_density() */
#define DENSITY_HEIGHT 6.0

/*
 * Paints a ChronicleLayout in logical px. Nothing here decides where
 * things go: positions come from the layout, looks from the style, so the
 * screen, PNG, SVG and PDF output are the same picture.
 */

void
_chronicle_paint_set_color (cairo_t              *cr,
                            const ChronicleColor *color,
                            double                alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* @base with @over laid on top at @amount, as one opaque colour. */
void
_chronicle_paint_mix_color (const ChronicleColor *base,
                            const ChronicleColor *over,
                            double                amount,
                            ChronicleColor       *out)
{
  out->red = base->red + (over->red - base->red) * amount;
  out->green = base->green + (over->green - base->green) * amount;
  out->blue = base->blue + (over->blue - base->blue) * amount;
  out->alpha = base->alpha;
}

void
_chronicle_paint_rounded_rect (cairo_t *cr,
                               double   x,
                               double   y,
                               double   w,
                               double   h,
                               double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static const ChronicleColor *
get_category_color (Painter *p,
                    guint    category,
                    ChronicleColor *fallback)
{
  if (category < p->n_categories)
    return &p->category_colors[category];

  chronicle_style_palette_color (p->style, G_MAXUINT, fallback);
  return fallback;
}

static void
init_painter (Painter               *p,
              cairo_t               *cr,
              const ChronicleLayout *layout,
              const ChronicleStyle  *style)
{
  GListModel *categories = chronicle_timeline_get_categories (layout->timeline);
  PangoContext *context = layout->text_context != NULL ? PANGO_CONTEXT (layout->text_context) : NULL;
  Signature signature;

  p->cr = cr;
  p->layout = layout;
  p->style = style;
  _chronicle_paint_init_font_options (p);

  /* Text is shaped the way the layout measured it, so that the glyphs
   * measured are those drawn (and shaped once); a layout measured
   * otherwise gets text shaped for @cr. */
  if (context != NULL)
    _chronicle_paint_get_context_signature (context, &signature);
  else
    _chronicle_paint_get_cr_signature (cr, &signature);
  p->texts = _chronicle_paint_get_signature_cache (_chronicle_paint_get_text_caches ()->text_caches,
                                                   &signature, context, cr);
  for (ChronicleTextRole role = CHRONICLE_TEXT_LABEL; role <= CHRONICLE_TEXT_TITLE; role++)
    {
      p->fonts[role] = _chronicle_paint_create_font (style, role);
      p->font_keys[role] = _chronicle_paint_make_font_key (style, role);
    }
  p->pill_font = pango_font_description_copy (p->fonts[CHRONICLE_TEXT_TICK]);
  pango_font_description_set_weight (p->pill_font, PANGO_WEIGHT_BOLD);
  p->pill_font_key = _chronicle_paint_make_font_key (style, CHRONICLE_TEXT_TITLE + 1);

  p->n_categories = g_list_model_get_n_items (categories);
  p->category_colors = g_new0 (ChronicleColor, MAX (p->n_categories, 1));
  for (guint i = 0; i < p->n_categories; i++)
    chronicle_style_category_color (style, layout->timeline, i, &p->category_colors[i]);
}

static void
clear_painter (Painter *p)
{
  p->texts = NULL;
  g_clear_pointer (&p->font_options, cairo_font_options_destroy);
  for (guint i = 0; i < G_N_ELEMENTS (p->fonts); i++)
    {
      g_clear_pointer (&p->fonts[i], pango_font_description_free);
      g_clear_pointer (&p->font_keys[i], g_free);
    }
  g_clear_pointer (&p->pill_font, pango_font_description_free);
  g_clear_pointer (&p->pill_font_key, g_free);
  g_clear_pointer (&p->category_colors, g_free);
}

/* @pos (logical px) moved down to a whole device pixel, plus @subpixel
 * device px; only when p->device_scale is set (see
 * _chronicle_paint_init_sprites()). */
double
_chronicle_paint_snap (Painter *p,
                       double   pos,
                       double   subpixel)
{
  return (floor (pos * p->device_scale) + subpixel) / p->device_scale;
}

static void
paint_eras (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  const ChronicleStyle *style = p->style;
  cairo_t *cr = p->cr;
  gboolean opaque = FALSE;
  ChronicleColor band = { 0, };

  /* Over our own opaque background, bands that do not overlap are their
   * blend with it, written outright: a fill instead of a blend of a
   * third of the frame. */
  if (style->draw_background && style->background.alpha >= 1.0 && p->device_scale > 0)
    {
      opaque = TRUE;
      for (guint i = 1; i < layout->eras->len; i++)
        for (guint j = 0; j < i; j++)
          {
            const ChronicleLayoutEra *a = &g_array_index (layout->eras, ChronicleLayoutEra, i);
            const ChronicleLayoutEra *b = &g_array_index (layout->eras, ChronicleLayoutEra, j);

            if (a->x0 < b->x1 + 1 && b->x0 < a->x1 + 1)
              opaque = FALSE;
          }
      _chronicle_paint_mix_color (&style->background, &style->era_fill, style->era_fill.alpha,
                                  &band);
    }

  for (guint i = 0; i < layout->eras->len; i++)
    {
      const ChronicleLayoutEra *era = &g_array_index (layout->eras, ChronicleLayoutEra, i);

      if (opaque)
        {
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          _chronicle_paint_set_color (cr, &band, 1.0);
        }
      else
        _chronicle_paint_set_color (cr, &p->style->era_fill, 1.0);
      if (p->device_scale > 0)
        {
          /* On whole pixels the band is a plain blend of boxes, several
           * times cheaper than a rasterised polygon of its size. The
           * start line is at floor (x0) + 0.5 anyway. */
          double x0 = _chronicle_paint_snap (p, era->x0, 0);
          double x1 = _chronicle_paint_snap (p, era->x1 + 0.5 / p->device_scale, 0);
          double y0 = _chronicle_paint_snap (p, layout->plot_top + 0.5 / p->device_scale, 0);
          double y1 = _chronicle_paint_snap (p, layout->plot_bottom + 0.5 / p->device_scale, 0);

          cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
        }
      else
        cairo_rectangle (cr, era->x0, layout->plot_top, era->x1 - era->x0, layout->plot_bottom - layout->plot_top);
      cairo_fill (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

      /* A firm line where the era starts, if that is in view. */
      if (era->x0 > 0)
        {
          _chronicle_paint_set_color (cr, &p->style->accent, 0.6);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, floor (era->x0) + 0.5, layout->plot_top);
          cairo_line_to (cr, floor (era->x0) + 0.5, layout->plot_bottom);
          cairo_stroke (cr);
        }

      if (era->label != NULL && era->label_rect.width > 0)
        {
          ChronicleColor color = p->style->dim_foreground;

          _chronicle_paint_draw_text (p, CHRONICLE_TEXT_ERA, era->label,
                                      era->label_rect.x, era->label_rect.y, era->label_rect.width + 2, &color);
        }
    }
}

/* An 8 px tile with one diagonal stroke, repeated over break bands. A
 * pattern rather than long lines: cheap on images, and vector output
 * gets a pattern too (the tile is similar to the target surface). */
static cairo_pattern_t *
create_hatch_pattern (Painter *p)
{
  /* An image tile on every target: cairo 1.16 leaks the similar surfaces
   * its SVG backend creates. */
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_pattern_t *pattern;
  cairo_t *cr = cairo_create (tile);

  _chronicle_paint_set_color (cr, &p->style->break_fill, 1.0);
  cairo_paint (cr);
  _chronicle_paint_set_color (cr, &p->style->grid, 1.0);
  cairo_set_line_width (cr, 1.0);
  /* the stroke continues across tile edges */
  cairo_move_to (cr, -1, 9);
  cairo_line_to (cr, 9, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, 7, 9);
  cairo_line_to (cr, 9, 7);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

static void
paint_breaks (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  double top = layout->plot_top, bottom = layout->plot_bottom;
  cairo_pattern_t *hatch;

  if (layout->breaks->len == 0)
    return;

  hatch = create_hatch_pattern (p);
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double x0 = MAX (brk->x0, -1), x1 = MIN (brk->x1, layout->width + 1);

      cairo_set_source (cr, hatch);
      cairo_rectangle (cr, x0, top, x1 - x0, bottom - top);
      cairo_fill (cr);
    }
  cairo_pattern_destroy (hatch);
}

/* A one pixel wide vertical line centred on @x, from @y0 to @y1, added
 * to the path as the rectangle a butt-capped stroke would cover: cairo
 * fills rectangles without the stroker, and a frame has hundreds of
 * these lines (leaders, grid, tick marks). */
static void
add_vline (cairo_t *cr,
           double   x,
           double   y0,
           double   y1)
{
  cairo_rectangle (cr, x - 0.5, MIN (y0, y1), 1, fabs (y1 - y0));
}

static void
paint_grid (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;

  _chronicle_paint_set_color (cr, &p->style->grid, 1.0);
  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);

      if (tick->text == NULL)
        continue;
      add_vline (cr, floor (tick->x) + 0.5, layout->plot_top, layout->axis_y);
    }
  cairo_fill (cr);
}

/* Where a view too dense to label has its events: a bar per column of
 * the layout's density counts, longer the more events start there (log
 * scale, so one event still shows next to a thousand), all in one fill.
 * The bars hang from the axis line into the band of the tick marks,
 * which are drawn over them: the cluster pills sit just above the axis
 * and the tick labels just below this band, so neither hides them. */
static void
paint_density (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  double scale = log1p (layout->density_max);
  double top = ceil (layout->axis_y + 1.0);   /* whole px: no antialiased edges */
  guint run_start = 0;
  int run_h = 0;

  if (layout->density == NULL || layout->density_max == 0)
    return;

  /* Heights in whole px, and one rectangle per run of columns of the
   * same height: a dense view has runs of hundreds, and a path of a
   * thousand rectangles cost more than the rest of the frame's fills. */
  _chronicle_paint_set_color (cr, &p->style->accent, 0.6);
  for (guint i = 0; i <= layout->n_density; i++)
    {
      int h = 0;

      if (i < layout->n_density && layout->density[i] > 0)
        h = (int) ceil (DENSITY_HEIGHT * (0.35 + 0.65 * log1p (layout->density[i]) / scale));
      if (i < layout->n_density && h == run_h)
        continue;
      if (run_h > 0)
        cairo_rectangle (cr, run_start * CHRONICLE_DENSITY_COLUMN, top,
                         (i - run_start) * CHRONICLE_DENSITY_COLUMN, run_h);
      run_start = i;
      run_h = h;
    }
  cairo_fill (cr);
}

/* Axis line with a gap and a double slash at each break. */
static void
paint_axis (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  double y = layout->axis_y, x = 0;

  _chronicle_paint_set_color (cr, &p->style->axis, 1.0);
  cairo_set_line_width (cr, 2.0);
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double mid = (brk->x0 + brk->x1) / 2;

      cairo_move_to (cr, x, y);
      cairo_line_to (cr, mid - 5, y);
      cairo_stroke (cr);
      x = mid + 5;

      cairo_save (cr);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (int s = -1; s <= 1; s += 2)
        {
          cairo_move_to (cr, mid + s * 5 - 4, y + 8);
          cairo_line_to (cr, mid + s * 5 + 4, y - 8);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, layout->width, y);
  cairo_stroke (cr);
}

static void
paint_ticks (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;

  /* The marks in two fills, major and minor, then the labels. */
  for (int major = 0; major <= 1; major++)
    {
      for (guint i = 0; i < layout->ticks->len; i++)
        {
          const ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);

          if (!tick->major != !major)
            continue;
          add_vline (cr, floor (tick->x) + 0.5, layout->axis_y + 1, layout->axis_y + (major ? 7 : 5));
        }
      _chronicle_paint_set_color (cr, &p->style->axis, major ? 1.0 : 0.7);
      cairo_fill (cr);
    }

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);

      if (tick->text != NULL)
        _chronicle_paint_draw_text (p, CHRONICLE_TEXT_TICK, tick->text,
                                    tick->label_x, layout->tick_label_y, 0,
                                    tick->major ? &p->style->foreground : &p->style->dim_foreground);
    }

  /* Under each break's mark, how much time it leaves out. */
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);

      if (brk->text != NULL)
        _chronicle_paint_draw_text (p, CHRONICLE_TEXT_TICK, brk->text,
                                    (brk->x0 + brk->x1) / 2 - brk->text_width / 2,
                                    brk->text_below ? layout->break_label_y : layout->tick_label_y, 0,
                                    &p->style->dim_foreground);
    }

  /* Where stretches have different scales, each is headed by its span. */
  for (guint i = 0; i < layout->stretches->len; i++)
    {
      const ChronicleLayoutStretch *stretch = &g_array_index (layout->stretches, ChronicleLayoutStretch, i);
      double y = floor (stretch->rect.y + stretch->rect.height / 2) + 0.5;
      double gap = 6.0;

      /* A bracket over the span, |—— heading ——|, so the heading reads
       * as naming that span rather than as one more tick label. */
      if (stretch->x1 - stretch->x0 > stretch->rect.width + 4 * gap)
        {
          cairo_save (cr);
          _chronicle_paint_set_color (cr, &p->style->dim_foreground, 0.5);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, floor (stretch->x0) + 0.5, y - 3);
          cairo_line_to (cr, floor (stretch->x0) + 0.5, y);
          cairo_line_to (cr, stretch->rect.x - gap, y);
          cairo_move_to (cr, stretch->rect.x + stretch->rect.width + gap, y);
          cairo_line_to (cr, floor (stretch->x1) + 0.5, y);
          cairo_line_to (cr, floor (stretch->x1) + 0.5, y - 3);
          cairo_stroke (cr);
          cairo_restore (cr);
        }

      _chronicle_paint_draw_text (p, CHRONICLE_TEXT_TICK, stretch->text,
                                  stretch->rect.x, stretch->rect.y, 0,
                                  &p->style->dim_foreground);
    }
}

/**
 * _chronicle_paint_leader_top:
 * @x: a leader's x
 * @y: where it would start below the axis
 *
 * Where a leader going down from the axis at @x starts: past the tick
 * labels, and past a stretch heading or a break's text it would cross
 * ("15–16 May 2025" was struck through by the leaders of 16 May).
 */
double
_chronicle_paint_leader_top (const ChronicleLayout *layout,
                             double                 x,
                             double                 y)
{
  for (guint i = 0; i < layout->stretches->len; i++)
    {
      const ChronicleRect *r = &g_array_index (layout->stretches, ChronicleLayoutStretch, i).rect;

      if (x >= r->x - 3 && x <= r->x + r->width + 3 && y < r->y + r->height + 1)
        y = r->y + r->height + 1;
    }
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double left = (brk->x0 + brk->x1) / 2 - brk->text_width / 2;

      if (brk->text != NULL && brk->text_below && x >= left - 3 && x <= left + brk->text_width + 3 &&
          y < layout->break_label_y + layout->tick_label_height + 1)
        y = layout->break_label_y + layout->tick_label_height + 1;
    }

  return y;
}

/* Leaders go up (or down) from the axis to their label. Filled once per
 * colour rather than once per item: hundreds of fills cost more in
 * cairo's setup than in pixels. */
static void
paint_leaders (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;
  double below_start = layout->tick_label_y + layout->tick_label_height + 2;
  guint n_groups = 2 * (p->n_categories + 1);  /* (category or none) x (marker, bar) */

  for (guint group = 0; group < n_groups; group++)
    {
      guint category = group / 2 < p->n_categories ? group / 2 : G_MAXUINT;
      gboolean markers = group % 2 == 0;
      gboolean any = FALSE;
      ChronicleColor fallback;

      for (guint i = 0; i < layout->items->len; i++)
        {
          const ChronicleLayoutItem *item = &items[i];
          guint item_category = item->category < p->n_categories ? item->category : G_MAXUINT;
          double x, y0, y1;

          if (item->kind == CHRONICLE_ITEM_CLUSTER || item_category != category ||
              (item->kind == CHRONICLE_ITEM_MARKER) != markers)
            continue;

          if (item->n_leader < 2)
            continue;

          /* The layout's leader, which is vertical: from the mark on the
           * axis to the label box, or from the bar's start to the axis. */
          x = floor (item->leader[0].x + (item->kind == CHRONICLE_ITEM_MARKER ? 0 : 0.5)) + 0.5;
          y0 = MIN (item->leader[0].y, item->leader[1].y);
          y1 = MAX (item->leader[0].y, item->leader[1].y);

          if (item->lane < 0)
            {
              if (item->kind == CHRONICLE_ITEM_MARKER)
                /* Stub under the marker, then pass behind the tick labels. */
                add_vline (cr, x, layout->axis_y, layout->axis_y + CHRONICLE_MARKER_RADIUS + 3);
              y0 = _chronicle_paint_leader_top (layout, x, MAX (y0, below_start));
            }
          add_vline (cr, x, y0, y1);
          any = TRUE;
        }

      if (!any)
        continue;
      _chronicle_paint_set_color (cr, get_category_color (p, category, &fallback),
                                  markers ? 0.7 : 0.45);
      cairo_fill (cr);
    }
}

static void
paint_spans (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  /* Where each bar's span lies on the axis itself: four px high. */
  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      ChronicleColor fallback;
      double x0, x1;

      if (item->kind != CHRONICLE_ITEM_BAR)
        continue;

      x0 = MAX (item->x, -4);
      x1 = MIN (MAX (item->x2, item->x + 2), layout->width + 4);
      _chronicle_paint_set_color (cr, get_category_color (p, item->category, &fallback), 0.5);
      cairo_rectangle (cr, x0, layout->axis_y - 2, x1 - x0, 4);
      cairo_fill (cr);
    }
}

/*
 * Marks. How well a date is known shows in how its mark is drawn, in the
 * chart and in the legend alike (both call paint_mark()):
 *
 *   a time of day        solid dot                 (sprite)
 *   a time range         solid bar
 *   a day, month, year   light bar with bracket    [-----]
 *                        ends; a ringed dot with
 *                        a whisker across the day
 *                        when the day is too narrow
 *   approximate          the same, its ends fading out and its
 *                        outline dashed; the label starts "c. "
 */
#define BRACKET_HEIGHT 12.0   /* px: bracket ends stand out of the bar */
#define SPAN_FILL      0.3    /* share of the colour in a date span's fill */
#define FADE_MAX       16.0   /* px over which an approximate end fades */

static gboolean
is_date_span (ChronicleMarkKind mark)
{
  return mark == CHRONICLE_MARK_DAY || mark == CHRONICLE_MARK_MONTH || mark == CHRONICLE_MARK_YEAR;
}

/* @color at full strength in the middle, fading to nothing over @fade px
 * at both ends of [x0, x1]. */
static cairo_pattern_t *
create_fade (const ChronicleColor *color,
             double                x0,
             double                x1,
             double                fade)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (x0, 0, x1, 0);
  double w = MAX (x1 - x0, 1), f = MIN (fade / w, 0.5);

  cairo_pattern_add_color_stop_rgba (pattern, 0, color->red, color->green, color->blue, 0);
  cairo_pattern_add_color_stop_rgba (pattern, f, color->red, color->green, color->blue, color->alpha);
  cairo_pattern_add_color_stop_rgba (pattern, 1 - f, color->red, color->green, color->blue, color->alpha);
  cairo_pattern_add_color_stop_rgba (pattern, 1, color->red, color->green, color->blue, 0);
  return pattern;
}

static void
paint_bar_mark (Painter              *p,
                ChronicleMarkKind     mark,
                gboolean              approximate,
                const ChronicleColor *color,
                double                x0,
                double                x1,
                double                y)
{
  cairo_t *cr = p->cr;
  double top = y - CHRONICLE_BAR_HEIGHT / 2;
  ChronicleColor fill;

  if (!is_date_span (mark))
    fill = *color;
  else
    _chronicle_paint_mix_color (&p->style->background, color, SPAN_FILL, &fill);

  if (approximate)
    {
      cairo_pattern_t *fade = create_fade (&fill, x0, x1, MIN (FADE_MAX, (x1 - x0) / 3));

      cairo_rectangle (cr, x0, top, x1 - x0, CHRONICLE_BAR_HEIGHT);
      cairo_set_source (cr, fade);
      cairo_fill (cr);
      cairo_pattern_destroy (fade);

      /* A dashed edge along the bar, to its very ends: where the fill
       * has faded, the dashes still show how far the guess reaches. */
      cairo_save (cr);
      _chronicle_paint_set_color (cr, color, 1.0);
      cairo_set_line_width (cr, 1.0);
      cairo_set_dash (cr, (const double[]) { 3.0, 2.0 }, 2, 0);
      cairo_move_to (cr, x0, top + 0.5);
      cairo_line_to (cr, x1, top + 0.5);
      cairo_move_to (cr, x0, top + CHRONICLE_BAR_HEIGHT - 0.5);
      cairo_line_to (cr, x1, top + CHRONICLE_BAR_HEIGHT - 0.5);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }

  if (!is_date_span (mark))
    {
      _chronicle_paint_set_color (cr, &fill, 1.0);
      _chronicle_paint_rounded_rect (cr, x0, top, x1 - x0, CHRONICLE_BAR_HEIGHT, 3);
      cairo_fill (cr);
      return;
    }

  /* A light bar with its outline, and bracket ends standing out of it:
   * "all of this day", not "from this time to that". */
  _chronicle_paint_set_color (cr, &fill, 1.0);
  cairo_rectangle (cr, x0, top, x1 - x0, CHRONICLE_BAR_HEIGHT);
  cairo_fill (cr);

  _chronicle_paint_set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, x0 + 0.5, top + 0.5, MAX (x1 - x0 - 1, 0), CHRONICLE_BAR_HEIGHT - 1);
  cairo_stroke (cr);

  {
    double serif = MIN (3.0, (x1 - x0) / 3), b0 = y - BRACKET_HEIGHT / 2, b1 = y + BRACKET_HEIGHT / 2;

    cairo_set_line_width (cr, 2.0);
    cairo_move_to (cr, x0 + serif, b0 + 1);
    cairo_line_to (cr, x0 + 1, b0 + 1);
    cairo_line_to (cr, x0 + 1, b1 - 1);
    cairo_line_to (cr, x0 + serif, b1 - 1);
    cairo_move_to (cr, x1 - serif, b0 + 1);
    cairo_line_to (cr, x1 - 1, b0 + 1);
    cairo_line_to (cr, x1 - 1, b1 - 1);
    cairo_line_to (cr, x1 - serif, b1 - 1);
    cairo_stroke (cr);
  }
}

/* A dot in a ring on a disc of background (see paint_marker_mark()). */
static void
draw_dot_path (Painter              *p,
               cairo_t              *cr,
               double                x,
               double                y,
               const ChronicleColor *color,
               const ChronicleColor *fill,
               gboolean              dashed)
{
  /* cairo_arc() joins a current point left by drawn text to the circle. */
  cairo_new_path (cr);
  cairo_arc (cr, x, y, CHRONICLE_MARKER_RADIUS + 1.5, 0, 2 * G_PI);
  _chronicle_paint_set_color (cr, &p->style->background, 1.0);
  cairo_fill (cr);

  cairo_arc (cr, x, y, CHRONICLE_MARKER_RADIUS - 0.75, 0, 2 * G_PI);
  _chronicle_paint_set_color (cr, fill, 1.0);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  _chronicle_paint_set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 1.5);
  if (dashed)
    cairo_set_dash (cr, (const double[]) { 2.0, 1.6 }, 2, 0);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_marker_mark (Painter              *p,
                   ChronicleMarkKind     mark,
                   gboolean              approximate,
                   guint                 category,
                   const ChronicleColor *color,
                   double                x,
                   double                y,
                   double                whisker)
{
  cairo_t *cr = p->cr;
  ChronicleColor fill;

  if (mark == CHRONICLE_MARK_TIMED_POINT && !approximate)
    {
      _chronicle_paint_draw_marker (p, category, color, x, y);
      return;
    }

  /* cairo_arc() joins a current point left by drawn text to the circle. */
  cairo_new_path (cr);

  /* The day the dot stands for, as far as it reaches beyond the dot. */
  if (whisker > CHRONICLE_MARKER_RADIUS + 1)
    {
      _chronicle_paint_set_color (cr, color, approximate ? 0.5 : 1.0);
      cairo_rectangle (cr, x - whisker, y - 0.75, 2 * whisker, 1.5);
      cairo_rectangle (cr, x - whisker, y - 3, 1.5, 6);
      cairo_rectangle (cr, x + whisker - 1.5, y - 3, 1.5, 6);
      cairo_fill (cr);
    }

  /* A light dot in a ring: a date without a time; dashed: an estimate. */
  if (is_date_span (mark) || approximate)
    _chronicle_paint_mix_color (&p->style->background, color, SPAN_FILL, &fill);
  else
    fill = *color;
  _chronicle_paint_draw_dot (p, category, color, &fill, is_date_span (mark) || approximate, approximate,
                             x, y, draw_dot_path);
}

/* The one painter of event marks, for the chart and the legend. */
static void
paint_mark (Painter              *p,
            ChronicleItemKind     form,
            ChronicleMarkKind     mark,
            gboolean              approximate,
            guint                 category,
            const ChronicleColor *color,
            double                x,
            double                x2,
            double                y,
            double                whisker)
{
  if (form == CHRONICLE_ITEM_BAR)
    paint_bar_mark (p, mark, approximate, color, x, x2, y);
  else
    paint_marker_mark (p, mark, approximate, category, color, x, y, whisker);
}

/* Cluster pill: background, a grey wash, a grey outline. */
static void
draw_pill_path (Painter *p,
                cairo_t *cr,
                double   x,
                double   y,
                double   width,
                double   height)
{
  const ChronicleStyle *style = p->style;

  _chronicle_paint_rounded_rect (cr, x, y, width, height, height / 2);
  _chronicle_paint_set_color (cr, &style->background, 1.0);
  cairo_fill_preserve (cr);
  _chronicle_paint_set_color (cr, &style->dim_foreground, 0.16);
  cairo_fill_preserve (cr);
  _chronicle_paint_set_color (cr, &style->dim_foreground, 0.6);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

static void
paint_items (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  const ChronicleStyle *style = p->style;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      ChronicleColor fallback;
      const ChronicleColor *color;
      const ChronicleRect *box = &item->label;
      double bx, by;

      if (item->kind == CHRONICLE_ITEM_CLUSTER)
        continue;

      color = get_category_color (p, item->category, &fallback);

      if (item->kind == CHRONICLE_ITEM_BAR)
        paint_mark (p, item->kind, item->mark, item->approximate, item->category, color,
                    MAX (item->x, -4), MIN (MAX (item->x2, item->x + 3), layout->width + 4), item->axis_y, 0);
      else
        paint_mark (p, item->kind, item->mark, item->approximate, item->category, color,
                    item->x, item->x2, item->axis_y, item->whisker);

      /* "(untitled)" is muted: drawn piece by piece, never from a sprite. */
      if (box->width <= 0 || (!item->untitled && _chronicle_paint_draw_label_sprite (p, item, color)))
        continue;

      _chronicle_paint_draw_label_box (p, item->category, color, box, item->label_before, &bx, &by);

      if (item->text != NULL)
        {
          /* The measured width already fits; the slack absorbs hinting
           * differences between the measuring and the painting context. */
          double tx = bx + CHRONICLE_LABEL_PAD_X + (item->label_before ? 0 : CHRONICLE_LABEL_STRIP);
          double tw = box->width - CHRONICLE_LABEL_STRIP - CHRONICLE_LABEL_PAD_X - 1;

          const ChronicleColor *ink = item->untitled ? &style->dim_foreground : &style->foreground;

          _chronicle_paint_draw_text (p, CHRONICLE_TEXT_LABEL, item->text, tx, by + CHRONICLE_LABEL_PAD_Y, tw, ink);
          if (item->text2 != NULL)
            _chronicle_paint_draw_text (p, CHRONICLE_TEXT_LABEL, item->text2, tx,
                                        by + CHRONICLE_LABEL_PAD_Y + layout->label_height, tw, ink);
        }
    }
}

static void
paint_clusters (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  const ChronicleStyle *style = p->style;
  cairo_t *cr = p->cr;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      const ChronicleRect *box = &item->label;
      g_autofree char *text = NULL;
      ChronicleShapedText *pill;
      int tw, th;

      if (item->kind != CHRONICLE_ITEM_CLUSTER)
        continue;

      /* The stretch of axis the cluster gathers, then the pill. */
      _chronicle_paint_set_color (cr, &style->dim_foreground, 0.6);
      cairo_rectangle (cr, item->x, layout->axis_y - 4, MAX (item->x2 - item->x, 1), 1);
      cairo_fill (cr);

      if (p->device_scale == 0 || box->width > SPRITE_BOX_WIDTH || box->width < 2 * SPRITE_END ||
          box->height != CHRONICLE_PILL_HEIGHT)
        draw_pill_path (p, cr, box->x, box->y, box->width, box->height);
      else
        {
          if (p->pill_sprite == NULL)
            {
              g_autofree char *d = _chronicle_paint_describe_color (&style->dim_foreground);
              g_autofree char *b = _chronicle_paint_describe_color (&style->background);
              char *key = g_strdup_printf ("pill %g %s %s", p->sprite_scale, d, b);

              p->pill_sprite = _chronicle_paint_lookup_sprite (key);
              if (p->pill_sprite == NULL)
                {
                  cairo_t *sprite_cr;

                  p->pill_sprite = _chronicle_paint_create_sprite (p, SPRITE_BOX_WIDTH + 2 * SPRITE_MARGIN,
                                                                   CHRONICLE_PILL_HEIGHT + 2 * SPRITE_MARGIN,
                                                                   &sprite_cr);
                  draw_pill_path (p, sprite_cr, SPRITE_MARGIN, SPRITE_MARGIN, SPRITE_BOX_WIDTH,
                                  CHRONICLE_PILL_HEIGHT);
                  cairo_destroy (sprite_cr);
                  _chronicle_paint_store_sprite (g_steal_pointer (&key), p->pill_sprite);
                }
              g_free (key);
            }
          _chronicle_paint_stamp_box (p, p->pill_sprite,
                                      _chronicle_paint_snap (p, box->x, 0), _chronicle_paint_snap (p, box->y, 0),
                                      round (box->width * p->device_scale) / p->device_scale, box->height);
        }

      text = g_strdup_printf ("+%u", item->n_events);
      pill = _chronicle_paint_get_text (p, p->pill_font, p->pill_font_key, text);
      chronicle_shaped_text_get_size (pill, &tw, &th);
      _chronicle_paint_show_text (p, pill, box->x + (box->width - (double) tw / PANGO_SCALE) / 2,
                                  box->y + (box->height - (double) th / PANGO_SCALE) / 2, 0, &style->foreground);
    }
}

static void
paint_legend (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronicleLayoutLegendEntry, i);
      const ChronicleRect *s = &entry->swatch;

      if (entry->is_mark)
        {
          ChronicleColor neutral;

          chronicle_style_palette_color (p->style, G_MAXUINT, &neutral);
          if (entry->form == CHRONICLE_ITEM_BAR)
            paint_mark (p, entry->form, entry->base, entry->mark == CHRONICLE_MARK_APPROXIMATE, G_MAXUINT,
                        &neutral, s->x + 1, s->x + s->width - 1, s->y + s->height / 2, 0);
          else
            paint_mark (p, entry->form, entry->base, entry->mark == CHRONICLE_MARK_APPROXIMATE, G_MAXUINT,
                        &neutral, s->x + s->width / 2, s->x + s->width / 2, s->y + s->height / 2, 0);
        }
      else if (entry->is_break)
        {
          double mid = s->x + s->width / 2, y = s->y + s->height / 2;

          _chronicle_paint_set_color (cr, &p->style->axis, 1.0);
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, s->x, y);
          cairo_line_to (cr, mid - 3, y);
          cairo_move_to (cr, mid + 3, y);
          cairo_line_to (cr, s->x + s->width, y);
          cairo_stroke (cr);
          cairo_save (cr);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          for (int k = -1; k <= 1; k += 2)
            {
              cairo_move_to (cr, mid + k * 3 - 2.5, y + 5);
              cairo_line_to (cr, mid + k * 3 + 2.5, y - 5);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else if (entry->hidden)
        {
          ChronicleColor fallback;

          /* A hollow swatch: the colour stays recognisable, the events
           * are not drawn. */
          _chronicle_paint_rounded_rect (cr, s->x + 0.75, s->y + 0.75, s->width - 1.5, s->height - 1.5,
                                         2.5);
          _chronicle_paint_set_color (cr, get_category_color (p, entry->category, &fallback), 0.8);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        {
          ChronicleColor fallback;

          _chronicle_paint_rounded_rect (cr, s->x, s->y, s->width, s->height, 3);
          _chronicle_paint_set_color (cr, get_category_color (p, entry->category, &fallback), 1.0);
          cairo_fill (cr);
        }

      if (entry->hidden)
        {
          ChronicleColor faint = p->style->dim_foreground;
          double mid = floor (entry->text.y + entry->text.height / 2) + 0.5;

          faint.alpha *= 0.6;
          _chronicle_paint_draw_text (p, CHRONICLE_TEXT_LABEL, entry->label,
                                      entry->text.x, entry->text.y, 0, &faint);
          _chronicle_paint_set_color (cr, &faint, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, entry->text.x - 1, mid);
          cairo_line_to (cr, entry->text.x + entry->text.width + 1, mid);
          cairo_stroke (cr);
        }
      else
        _chronicle_paint_draw_text (p, CHRONICLE_TEXT_LABEL, entry->label,
                                    entry->text.x, entry->text.y, 0, &p->style->dim_foreground);
    }
}

/**
 * chronicle_paint:
 * @cr: where to paint, in logical px
 * @layout: what to paint
 * @style: how it looks
 *
 * Paints the whole chart: background (if the style asks for one), eras,
 * breaks, axis, events, clusters, legend and title.
 */
void
chronicle_paint (cairo_t               *cr,
                 const ChronicleLayout *layout,
                 const ChronicleStyle  *style)
{
  chronicle_paint_with_text_sink (cr, layout, style, NULL, NULL);
}

/**
 * chronicle_paint_with_text_sink:
 * @cr: where to paint, in logical px
 * @layout: what to paint
 * @style: how it looks
 * @sink: (nullable): receives the text instead of it being drawn
 * @sink_data: data for @sink
 *
 * Paints like chronicle_paint(), but hands every run of text to @sink.
 */
void
chronicle_paint_with_text_sink (cairo_t               *cr,
                                const ChronicleLayout *layout,
                                const ChronicleStyle  *style,
                                ChronicleTextSink      sink,
                                gpointer               sink_data)
{
  Painter p = { 0, };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  init_painter (&p, cr, layout, style);
  p.sink = sink;
  p.sink_data = sink_data;
  _chronicle_paint_init_sprites (&p);

  if (style->draw_background)
    {
      _chronicle_paint_set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);
  _chronicle_paint_init_blit (&p);

  paint_eras (&p);
  paint_breaks (&p);
  paint_grid (&p);
  paint_density (&p);
  paint_leaders (&p);
  paint_axis (&p);
  paint_spans (&p);
  paint_ticks (&p);
  paint_items (&p);
  paint_clusters (&p);
  paint_legend (&p);

  if (layout->title != NULL)
    _chronicle_paint_draw_text (&p, CHRONICLE_TEXT_TITLE, layout->title,
                                layout->title_rect.x, layout->title_rect.y, layout->title_rect.width + 2, &style->foreground);
  if (layout->subtitle != NULL)
    _chronicle_paint_draw_text (&p, CHRONICLE_TEXT_LABEL, layout->subtitle,
                                layout->subtitle_rect.x, layout->subtitle_rect.y, layout->subtitle_rect.width + 2,
                                &style->dim_foreground);

  _chronicle_paint_clear_blit (&p);
  _chronicle_paint_clear_sprites (&p);
  clear_painter (&p);
  cairo_restore (cr);
}

/**
 * chronicle_paint_highlight:
 * @event: timeline position of the event
 * @selected: %TRUE for the selection, %FALSE for the lighter hover look
 *
 * Outlines the item showing @event (or its cluster) in the accent colour.
 * Does nothing when the event is not visible.
 */
void
chronicle_paint_highlight (cairo_t               *cr,
                           const ChronicleLayout *layout,
                           const ChronicleStyle  *style,
                           guint                  event,
                           gboolean               selected)
{
  const ChronicleLayoutItem *item;
  double alpha = selected ? 1.0 : 0.55;
  double line = selected ? 2.5 : 1.5;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  item = chronicle_layout_find_event (layout, event);
  if (item == NULL)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, line);

  if (selected)
    {
      /* A soft halo under the outline. */
      _chronicle_paint_set_color (cr, &style->accent, 0.18);
      if (item->kind == CHRONICLE_ITEM_MARKER)
        cairo_arc (cr, item->x, item->axis_y, CHRONICLE_MARKER_RADIUS + 7, 0, 2 * G_PI);
      else
        _chronicle_paint_rounded_rect (cr, item->label.x - 4, item->label.y - 4, item->label.width + 8, item->label.height + 8, 8);
      cairo_fill (cr);
    }

  _chronicle_paint_set_color (cr, &style->accent, alpha);
  if (item->kind == CHRONICLE_ITEM_CLUSTER)
    {
      _chronicle_paint_rounded_rect (cr, item->label.x - 2, item->label.y - 2, item->label.width + 4, item->label.height + 4,
                                     item->label.height / 2 + 2);
      cairo_stroke (cr);
    }
  else
    {
      if (item->kind == CHRONICLE_ITEM_MARKER)
        cairo_arc (cr, item->x, item->axis_y, CHRONICLE_MARKER_RADIUS + 3.5, 0, 2 * G_PI);
      else
        {
          double x0 = MAX (item->x, -4);
          double x1 = MIN (MAX (item->x2, item->x + 3), layout->width + 4);

          _chronicle_paint_rounded_rect (cr, x0 - 2, item->axis_y - CHRONICLE_BAR_HEIGHT / 2 - 2,
                                         x1 - x0 + 4, CHRONICLE_BAR_HEIGHT + 4, 5);
        }
      cairo_stroke (cr);

      if (item->label.width > 0)
        {
          _chronicle_paint_rounded_rect (cr, item->label.x - 1.5, item->label.y - 1.5,
                                         item->label.width + 3, item->label.height + 3, 5);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}
