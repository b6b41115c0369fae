/* chronicle-style.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} ChronicleColor;

/*
 * Everything the painter needs to know about looks, resolved before
 * painting (from the widget's CSS on screen, from the theme on export), so
 * the painter never touches GTK.
 */
typedef struct
{
  ChronicleColor background;
  ChronicleColor foreground;      /* text */
  ChronicleColor dim_foreground;  /* secondary text, ticks */
  ChronicleColor axis;
  ChronicleColor grid;
  ChronicleColor accent;          /* selection */
  ChronicleColor era_fill;
  ChronicleColor break_fill;
  char          *font_family;     /* owned */
  double         font_size;       /* points at scale 1 */
  double         scale;           /* HiDPI factor; 1.0 or 2.0 */
  gboolean       dark;
  gboolean       draw_background;
} ChronicleStyle;

void chronicle_style_init_light   (ChronicleStyle       *style);
void chronicle_style_init_dark    (ChronicleStyle       *style);
void chronicle_style_copy         (ChronicleStyle       *dest,
                                   const ChronicleStyle *src);
void chronicle_style_clear        (ChronicleStyle       *style);

/* Colour used for category @index when the category names none (or for
 * events without a category, index G_MAXUINT). Tuned per light/dark. */
void chronicle_style_palette_color (const ChronicleStyle *style,
                                    guint                 index,
                                    ChronicleColor       *color);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChronicleStyle, chronicle_style_clear)

G_END_DECLS
