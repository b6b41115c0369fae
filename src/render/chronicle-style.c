/* chronicle-style.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-style"

#include "config.h"

#include "chronicle-style.h"

#define DEFAULT_FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define DEFAULT_FONT_SIZE   10.0

/* GNOME HIG palette: darker shades on light backgrounds, lighter shades on
 * dark ones, so markers and bars keep their contrast. */
static const guint32 palette_light[] = {
  0x1c71d8, /* blue 4 */
  0xc01c28, /* red 4 */
  0x26a269, /* green 5 */
  0xe66100, /* orange 5 */
  0x813d9c, /* purple 4 */
  0x986a44, /* brown 3 */
  0x1a9ba8, /* teal */
  0xc88800, /* yellow 5 */
};

static const guint32 palette_dark[] = {
  0x62a0ea, /* blue 2 */
  0xf66151, /* red 2 */
  0x57e389, /* green 2 */
  0xffa348, /* orange 2 */
  0xc061cb, /* purple 2 */
  0xcdab8f, /* brown 1 */
  0x5bc8d3, /* teal */
  0xf8e45c, /* yellow 2 */
};

static void
set_rgb (ChronicleColor *color,
         guint32         rgb,
         double          alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.0;
  color->green = ((rgb >> 8) & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = alpha;
}

static void
init_common (ChronicleStyle *style)
{
  style->font_family = g_strdup (DEFAULT_FONT_FAMILY);
  style->font_size = DEFAULT_FONT_SIZE;
  style->scale = 1.0;
  style->draw_background = TRUE;
}

/**
 * chronicle_style_init_light:
 * @style: an uninitialized style
 *
 * Fills @style with the light (Adwaita-like) look. Free the font with
 * chronicle_style_clear().
 */
void
chronicle_style_init_light (ChronicleStyle *style)
{
  g_return_if_fail (style != NULL);

  init_common (style);
  style->dark = FALSE;
  set_rgb (&style->background, 0xffffff, 1.0);
  set_rgb (&style->foreground, 0x1e1e1e, 1.0);
  set_rgb (&style->dim_foreground, 0x5e5c64, 1.0);
  set_rgb (&style->axis, 0x3d3846, 1.0);
  set_rgb (&style->grid, 0x000000, 0.07);
  set_rgb (&style->accent, 0x3584e4, 1.0);
  set_rgb (&style->era_fill, 0x3584e4, 0.06);
  set_rgb (&style->break_fill, 0x000000, 0.05);
}

/**
 * chronicle_style_init_dark:
 * @style: an uninitialized style
 *
 * Fills @style with the dark look.
 */
void
chronicle_style_init_dark (ChronicleStyle *style)
{
  g_return_if_fail (style != NULL);

  init_common (style);
  style->dark = TRUE;
  set_rgb (&style->background, 0x1e1e1e, 1.0);
  set_rgb (&style->foreground, 0xffffff, 0.92);
  set_rgb (&style->dim_foreground, 0xc0bfbc, 0.85);
  set_rgb (&style->axis, 0xdeddda, 1.0);
  set_rgb (&style->grid, 0xffffff, 0.08);
  set_rgb (&style->accent, 0x78aeed, 1.0);
  set_rgb (&style->era_fill, 0x78aeed, 0.08);
  set_rgb (&style->break_fill, 0xffffff, 0.06);
}

void
chronicle_style_copy (ChronicleStyle       *dest,
                      const ChronicleStyle *src)
{
  g_return_if_fail (dest != NULL);
  g_return_if_fail (src != NULL);

  if (dest == src)
    return;

  *dest = *src;
  dest->font_family = g_strdup (src->font_family);
}

void
chronicle_style_clear (ChronicleStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_family, g_free);
}

/**
 * chronicle_style_palette_color:
 * @index: category index, or %G_MAXUINT for events without a category
 * @color: (out caller-allocates): the colour
 */
void
chronicle_style_palette_color (const ChronicleStyle *style,
                               guint                 index,
                               ChronicleColor       *color)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (color != NULL);

  if (index == G_MAXUINT)
    {
      set_rgb (color, style->dark ? 0x9a9996 : 0x77767b, 1.0);
      return;
    }

  if (style->dark)
    set_rgb (color, palette_dark[index % G_N_ELEMENTS (palette_dark)], 1.0);
  else
    set_rgb (color, palette_light[index % G_N_ELEMENTS (palette_light)], 1.0);
}
