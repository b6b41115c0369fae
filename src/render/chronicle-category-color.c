/* chronicle-category-color.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-category-color"

#include "config.h"

#include "chronicle-category-color.h"
#include "chronicle-color-private.h"

/**
 * chronicle_style_category_color:
 * @style: the style, for its light or dark palette
 * @timeline: the timeline that lists the categories
 * @category_index: the category's position in the timeline's categories
 *   (chronicle_timeline_get_category_index()), or %G_MAXUINT for events
 *   without a category
 * @color: (out caller-allocates): the colour, opaque
 *
 * The one rule for a category's colour, so the chart, the overview strip,
 * the sidebar and the filters agree: the category's own "#rrggbb" when the
 * file gives one, else the palette colour for its index; made darker (on a
 * light background) or lighter (on a dark one), hue kept, where it would
 * stand out from @style's background by less than 3:1, the contrast WCAG
 * asks of marks. A file's "#80ffff" is otherwise nearly invisible on
 * white; the loader warns about it (see the format's documentation).
 */
void
chronicle_style_category_color (const ChronicleStyle *style,
                                ChronicleTimeline    *timeline,
                                guint                 category_index,
                                ChronicleColor       *color)
{
  GListModel *categories;
  g_autoptr(ChronicleCategory) category = NULL;

  g_return_if_fail (style != NULL);
  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));
  g_return_if_fail (color != NULL);

  categories = chronicle_timeline_get_categories (timeline);
  if (category_index < g_list_model_get_n_items (categories))
    category = g_list_model_get_item (categories, category_index);

  if (category != NULL && chronicle_category_get_rgb (category, &color->red, &color->green, &color->blue))
    color->alpha = 1.0;
  else
    chronicle_style_palette_color (style, category_index, color);

  chronicle_color_ensure_contrast (&color->red, &color->green, &color->blue,
                                   style->background.red, style->background.green, style->background.blue,
                                   CHRONICLE_CONTRAST_MARKS);
}
