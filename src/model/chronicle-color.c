/* chronicle-color.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-color"

#include "config.h"

#include <math.h>

#include "chronicle-color-private.h"

static double
linear_channel (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/**
 * chronicle_color_luminance:
 *
 * Returns: the WCAG relative luminance of an sRGB colour, 0 (black) to 1
 */
double
chronicle_color_luminance (double red,
                           double green,
                           double blue)
{
  return 0.2126 * linear_channel (red) + 0.7152 * linear_channel (green) + 0.0722 * linear_channel (blue);
}

/**
 * chronicle_color_contrast:
 *
 * Returns: the WCAG contrast ratio of two colours, 1 to 21
 */
double
chronicle_color_contrast (double red,
                          double green,
                          double blue,
                          double bg_red,
                          double bg_green,
                          double bg_blue)
{
  double a = chronicle_color_luminance (red, green, blue);
  double b = chronicle_color_luminance (bg_red, bg_green, bg_blue);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/**
 * chronicle_color_ensure_contrast:
 * @red: (inout): the colour
 * @green: (inout):
 * @blue: (inout):
 * @bg_red: the background it is drawn on
 * @bg_green:
 * @bg_blue:
 * @ratio: the contrast it needs, e.g. %CHRONICLE_CONTRAST_MARKS
 *
 * Moves a colour that stands out too little from the background towards
 * black on a light background and towards white on a dark one, no further
 * than needed. Mixing with black or white keeps the hue, so a category
 * still reads as its colour in the chart, the legend and the filters.
 *
 * Returns: %TRUE when the colour was changed
 */
gboolean
chronicle_color_ensure_contrast (double *red,
                                 double *green,
                                 double *blue,
                                 double  bg_red,
                                 double  bg_green,
                                 double  bg_blue,
                                 double  ratio)
{
  double target, lo = 0.0, hi = 1.0;
  double r = *red, g = *green, b = *blue;

  if (chronicle_color_contrast (r, g, b, bg_red, bg_green, bg_blue) >= ratio)
    return FALSE;

  /* Towards whichever end the background is further from. */
  target = chronicle_color_luminance (bg_red, bg_green, bg_blue) > 0.18 ? 0.0 : 1.0;

  /* Contrast grows monotonically with the amount mixed in; 24 halvings
   * are far below what 8-bit output can tell apart. */
  for (guint i = 0; i < 24; i++)
    {
      double t = (lo + hi) / 2;

      if (chronicle_color_contrast (r + (target - r) * t, g + (target - g) * t, b + (target - b) * t,
                                    bg_red, bg_green, bg_blue) >= ratio)
        hi = t;
      else
        lo = t;
    }

  *red = r + (target - r) * hi;
  *green = g + (target - g) * hi;
  *blue = b + (target - b) * hi;
  return TRUE;
}
