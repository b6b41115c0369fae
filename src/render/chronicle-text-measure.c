/* chronicle-text-measure.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include "chronicle-paint.h"
#include "chronicle-paint-private.h"

/*
 * Measuring text with Pango in the style's fonts, for the layout. The
 * shaped text is kept in the painter's per-thread caches, where the
 * painter finds it again to draw (see chronicle_layout_compute()).
 */

#define PX_PER_PT (96.0 / 72.0)

/* Font for @role. Sizes are absolute px so that measuring (on whatever
 * PangoContext the caller has) and painting agree at any resolution. */
PangoFontDescription *
_chronicle_paint_create_font (const ChronicleStyle *style,
                              ChronicleTextRole     role)
{
  PangoFontDescription *font = pango_font_description_new ();
  double size = (style->font_size > 0 ? style->font_size : 10.0) * PX_PER_PT;

  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family
                                                                     : "Cantarell, DejaVu Sans, sans-serif");
  switch (role)
    {
    case CHRONICLE_TEXT_TICK:
      size *= 0.9;
      break;
    case CHRONICLE_TEXT_ERA:
      size *= 0.9;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case CHRONICLE_TEXT_TITLE:
      size *= 1.6;
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      break;
    case CHRONICLE_TEXT_LABEL:
    default:
      break;
    }
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);

  return font;
}

/**
 * chronicle_pango_measure:
 * @user_data: a `ChroniclePangoMeasurer`
 *
 * A `ChronicleMeasureFunc` measuring with Pango in the style's fonts.
 */
void
chronicle_pango_measure (const char        *text,
                         ChronicleTextRole  role,
                         double            *width,
                         double            *height,
                         gpointer           user_data)
{
  ChroniclePangoMeasurer *measurer = user_data;
  const ChronicleStyle *style;
  TextCaches *caches;
  SignatureCache *cache;
  Signature signature;
  ChronicleShapedText *shaped;
  int w, h;

  g_return_if_fail (measurer != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (measurer->context));
  g_return_if_fail (measurer->style != NULL);

  style = measurer->style;
  role = MIN ((guint) role, (guint) CHRONICLE_TEXT_TITLE);
  if (text == NULL)
    text = "";

  caches = _chronicle_paint_get_text_caches ();
  _chronicle_paint_get_context_signature (measurer->context, &signature);
  cache = _chronicle_paint_get_signature_cache (caches->text_caches, &signature, measurer->context, NULL);

  /* The fonts and their keys are made once per style, not per text (this
   * is called for every label of every frame). */
  if (g_strcmp0 (caches->measure_family, style->font_family) != 0 || caches->measure_size != style->font_size ||
      caches->measure_keys[0] == NULL)
    {
      g_free (caches->measure_family);
      caches->measure_family = g_strdup (style->font_family);
      caches->measure_size = style->font_size;
      for (guint i = 0; i < G_N_ELEMENTS (caches->measure_keys); i++)
        {
          g_clear_pointer (&caches->measure_fonts[i], pango_font_description_free);
          g_free (caches->measure_keys[i]);
          caches->measure_fonts[i] = _chronicle_paint_create_font (style, i);
          caches->measure_keys[i] = _chronicle_paint_make_font_key (style, i);
        }
    }

  shaped = _chronicle_paint_lookup_text (cache, caches->measure_fonts[role], caches->measure_keys[role], text);
  chronicle_shaped_text_get_size (shaped, &w, &h);

  if (width != NULL)
    *width = (double) w / PANGO_SCALE;
  if (height != NULL)
    *height = (double) h / PANGO_SCALE;
}
