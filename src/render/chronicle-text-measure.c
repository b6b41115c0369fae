/* chronicle-text-measure.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include <string.h>

#include "chronicle-paint.h"
#include "chronicle-paint-private.h"

/*
 * Measuring text with Pango in the style's fonts, for the layout; the
 * sizes are kept in the painter's per-thread caches.
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

/* The size of @text on one line, as pango_layout_get_size() gives it
 * (the logical extents of its runs, side by side), without a PangoLayout:
 * itemize and shape only, skipping the line-breaking analysis a layout
 * does first, which costs about a third of measuring a title. FALSE for
 * what only a layout handles the same way: nothing, line separators,
 * tabs and other control characters. */
static gboolean
measure_runs (PangoContext               *context,
              const PangoFontDescription *font,
              const char                 *text,
              int                        *width,
              int                        *height)
{
  int length = (int) strlen (text), top = G_MAXINT, bottom = G_MININT;
  PangoShapeFlags flags = pango_context_get_round_glyph_positions (context) ? PANGO_SHAPE_ROUND_POSITIONS
                                                                             : PANGO_SHAPE_NONE;
  PangoGlyphString *glyphs;
  PangoAttrList *attrs;
  gboolean shaped;
  GList *items;

  if (length == 0 || strstr (text, "\xe2\x80\xa8") != NULL || strstr (text, "\xe2\x80\xa9") != NULL)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      return FALSE;

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (font));
  items = pango_itemize (context, text, 0, length, attrs, NULL);
  glyphs = pango_glyph_string_new ();

  *width = 0;
  for (GList *l = items; l != NULL; l = l->next)
    {
      PangoItem *item = l->data;
      PangoRectangle logical;

      pango_shape_with_flags (text + item->offset, item->length, text, length, &item->analysis, glyphs, flags);
      pango_glyph_string_extents (glyphs, item->analysis.font, NULL, &logical);
      *width += logical.width;
      top = MIN (top, logical.y);
      bottom = MAX (bottom, logical.y + logical.height);
    }
  *height = bottom - top;
  shaped = items != NULL;

  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  pango_glyph_string_free (glyphs);
  pango_attr_list_unref (attrs);

  return shaped;
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
  double *size;
  char *key;

  g_return_if_fail (measurer != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (measurer->context));
  g_return_if_fail (measurer->style != NULL);

  style = measurer->style;
  if (text == NULL)
    text = "";

  caches = _chronicle_paint_get_text_caches ();
  _chronicle_paint_get_context_signature (measurer->context, &signature);
  cache = _chronicle_paint_get_signature_cache (caches->size_caches, &signature, NULL, MAX_CACHED_SIZES,
                                                g_free);

  /* _chronicle_paint_create_font() depends on the role, the family and
   * the size only; the key's prefix for them is made once per style, not
   * per text (this is called for every label of every frame). */
  if (g_strcmp0 (caches->measure_family, style->font_family) != 0 || caches->measure_size != style->font_size ||
      caches->measure_prefixes[0] == NULL)
    {
      g_free (caches->measure_family);
      caches->measure_family = g_strdup (style->font_family);
      caches->measure_size = style->font_size;
      for (guint i = 0; i < G_N_ELEMENTS (caches->measure_prefixes); i++)
        {
          g_free (caches->measure_prefixes[i]);
          caches->measure_prefixes[i] = g_strdup_printf ("%u\x1f%s\x1f%g\x1f", i,
                                                         style->font_family != NULL ? style->font_family : "",
                                                         style->font_size);
        }
    }
  key = g_strconcat (caches->measure_prefixes[MIN ((guint) role, (guint) CHRONICLE_TEXT_TITLE)], text, NULL);
  size = _chronicle_paint_generations_lookup (&cache->table, key);

  if (size == NULL)
    {
      PangoFontDescription *font = _chronicle_paint_create_font (style, role);
      int w, h;

      if (!measure_runs (measurer->context, font, text, &w, &h))
        {
          g_autoptr(PangoLayout) layout = pango_layout_new (measurer->context);

          pango_layout_set_font_description (layout, font);
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_size (layout, &w, &h);
        }
      pango_font_description_free (font);

      size = g_new (double, 2);
      size[0] = (double) w / PANGO_SCALE;
      size[1] = (double) h / PANGO_SCALE;
      _chronicle_paint_generations_insert (&cache->table, key, size);
    }
  else
    g_free (key);

  if (width != NULL)
    *width = size[0];
  if (height != NULL)
    *height = size[1];
}
