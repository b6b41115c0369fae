/* chronicle-color-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Contrast of colours (sRGB, channels 0..1) as WCAG 2 measures it; used
 * by the loader to warn and by the painter to adjust a file's category
 * colour. */

#define CHRONICLE_CONTRAST_MARKS 3.0   /* WCAG 1.4.11, graphical objects */
#define CHRONICLE_CONTRAST_TEXT  4.5   /* WCAG 1.4.3, normal text */

/* The background the loader checks against: the light theme's. */
#define CHRONICLE_LIGHT_BACKGROUND 1.0, 1.0, 1.0

double   chronicle_color_luminance       (double  red,
                                          double  green,
                                          double  blue);
double   chronicle_color_contrast        (double  red,
                                          double  green,
                                          double  blue,
                                          double  bg_red,
                                          double  bg_green,
                                          double  bg_blue);
gboolean chronicle_color_ensure_contrast (double *red,
                                          double *green,
                                          double *blue,
                                          double  bg_red,
                                          double  bg_green,
                                          double  bg_blue,
                                          double  ratio);

G_END_DECLS
