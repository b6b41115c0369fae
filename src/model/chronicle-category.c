/* chronicle-category.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-category"

#include "config.h"

#include "chronicle-category.h"

/* A kind of event ("Diplomacy") with an optional colour. Immutable after
 * construction. */
struct _ChronicleCategory
{
  GObject   parent_instance;

  char     *id;
  char     *label;
  char     *color;     /* "#rrggbb" as given, or NULL */
  guint32   rgb;       /* 0xRRGGBB, valid when has_rgb */
  gboolean  has_rgb;
};

G_DEFINE_FINAL_TYPE (ChronicleCategory, chronicle_category, G_TYPE_OBJECT)

static void
chronicle_category_finalize (GObject *object)
{
  ChronicleCategory *self = (ChronicleCategory *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (chronicle_category_parent_class)->finalize (object);
}

static void
chronicle_category_class_init (ChronicleCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_category_finalize;
}

static void
chronicle_category_init (ChronicleCategory *self)
{
}

/**
 * chronicle_color_parse:
 * @text: a colour
 * @rgb: (out) (optional): the colour as 0xRRGGBB
 *
 * Accepts exactly "#rrggbb" (hex digits in either case): the one form the
 * timeline format allows, so files stay simple to write by hand and by tools.
 *
 * Returns: %TRUE when @text is such a colour
 */
gboolean
chronicle_color_parse (const char *text,
                       guint32    *rgb)
{
  guint32 value = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (text[0] != '#')
    return FALSE;

  for (guint i = 1; i <= 6; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
      value = (value << 4) | (guint32) g_ascii_xdigit_value (text[i]);
    }

  if (text[7] != '\0')
    return FALSE;

  if (rgb != NULL)
    *rgb = value;
  return TRUE;
}

/**
 * chronicle_category_new:
 * @id: the id events refer to
 * @label: (nullable): the name shown in the legend; the id when %NULL
 * @color: (nullable): "#rrggbb", or %NULL to let the painter pick a
 *   palette colour. Callers validate with chronicle_color_parse() first;
 *   an invalid colour here is treated as none.
 *
 * Returns: (transfer full): a new category
 */
ChronicleCategory *
chronicle_category_new (const char *id,
                        const char *label,
                        const char *color)
{
  ChronicleCategory *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_CATEGORY, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label ? label : id);

  if (color != NULL && chronicle_color_parse (color, &self->rgb))
    {
      self->color = g_strdup (color);
      self->has_rgb = TRUE;
    }

  return self;
}

const char *
chronicle_category_get_id (ChronicleCategory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_CATEGORY (self), NULL);

  return self->id;
}

const char *
chronicle_category_get_label (ChronicleCategory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_CATEGORY (self), NULL);

  return self->label;
}

/* Returns: (nullable): "#rrggbb" as given, or %NULL when the category has
 * no colour of its own */
const char *
chronicle_category_get_color (ChronicleCategory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_CATEGORY (self), NULL);

  return self->color;
}

/**
 * chronicle_category_get_rgb:
 * @red: (out) (optional): 0.0 .. 1.0
 * @green: (out) (optional): 0.0 .. 1.0
 * @blue: (out) (optional): 0.0 .. 1.0
 *
 * Returns: %FALSE (and leaves the outputs alone) when the category has no
 *   colour of its own
 */
gboolean
chronicle_category_get_rgb (ChronicleCategory *self,
                            double            *red,
                            double            *green,
                            double            *blue)
{
  g_return_val_if_fail (CHRONICLE_IS_CATEGORY (self), FALSE);

  if (!self->has_rgb)
    return FALSE;

  if (red != NULL)
    *red = ((self->rgb >> 16) & 0xff) / 255.0;
  if (green != NULL)
    *green = ((self->rgb >> 8) & 0xff) / 255.0;
  if (blue != NULL)
    *blue = (self->rgb & 0xff) / 255.0;
  return TRUE;
}
