/* chronicle-paint.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "chronicle-layout.h"
#include "chronicle-style.h"

G_BEGIN_DECLS

/*
 * The one painter: the timeline widget, PNG/SVG/PDF export and the tests all
 * call chronicle_paint() on their own cairo_t. Coordinates are logical
 * pixels; the caller applies any device scale.
 */
void chronicle_paint            (cairo_t               *cr,
                                 const ChronicleLayout *layout,
                                 const ChronicleStyle  *style);

/**
 * ChronicleTextSink:
 * @text: the text as it shows, ellipsis included
 * @x: left end, logical px
 * @baseline: baseline, logical px
 * @font: the font (absolute size)
 * @color: the fill
 * @user_data: data passed to chronicle_paint_with_text_sink()
 *
 * Receives each run of text instead of the painter drawing it. Cairo's SVG
 * backend draws glyphs as outlines; the SVG export collects the text here
 * and writes it as `<text>` so that it stays selectable and searchable.
 */
typedef void (*ChronicleTextSink) (const char                 *text,
                                   double                      x,
                                   double                      baseline,
                                   const PangoFontDescription *font,
                                   const ChronicleColor       *color,
                                   gpointer                    user_data);

void chronicle_paint_with_text_sink (cairo_t               *cr,
                                     const ChronicleLayout *layout,
                                     const ChronicleStyle  *style,
                                     ChronicleTextSink      sink,
                                     gpointer               sink_data);

/* Highlight for the selected (or hovered) event, painted on top of
 * chronicle_paint() each frame so the static part can be cached. */
void chronicle_paint_highlight  (cairo_t               *cr,
                                 const ChronicleLayout *layout,
                                 const ChronicleStyle  *style,
                                 guint                  event,
                                 gboolean               selected);

/* A ChronicleMeasureFunc backed by Pango; @user_data is a PangoContext
 * (for instance from pango_cairo_font_map_create_context()). The style's
 * font applies. */
typedef struct
{
  PangoContext         *context;
  const ChronicleStyle *style;
} ChroniclePangoMeasurer;

void chronicle_pango_measure    (const char            *text,
                                 ChronicleTextRole      role,
                                 double                *width,
                                 double                *height,
                                 gpointer               user_data);

/* Drops the calling thread's cache of shaped text and measured sizes,
 * which the painter and chronicle_pango_measure() fill so that frames
 * showing the same titles do not shape them again. */
void chronicle_paint_clear_caches (void);

G_END_DECLS
