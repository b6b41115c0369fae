/* chronicle-paint-cache.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chronicle-paint.h"
#include "chronicle-paint-private.h"
#include "chronicle-text-private.h"

/*
 * The painter's per-thread caches (see chronicle-paint-private.h): shaped
 * text and its masks, and the sprites of label boxes, markers and pills.
 */

void
_chronicle_paint_generations_init (Generations    *gen,
                  guint           limit,
                  GDestroyNotify  free_value)
{
  /* Keyed by text from the file: a keyed hash, so that crafted titles
   * cannot collide. */
  gen->current = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, free_value);
  gen->previous = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, free_value);
  gen->limit = limit;
  gen->free_value = free_value;
  gen->front = g_new0 (GenerationsSlot, GENERATIONS_FRONT);
}

void
_chronicle_paint_generations_clear (Generations *gen)
{
  g_clear_pointer (&gen->current, g_hash_table_unref);
  g_clear_pointer (&gen->previous, g_hash_table_unref);
  g_clear_pointer (&gen->dying, g_hash_table_unref);
  g_clear_pointer (&gen->front, g_free);
}

/* Before any value or key of the tables is freed. */
static void
generations_forget_front (Generations *gen)
{
  memset (gen->front, 0, GENERATIONS_FRONT * sizeof (GenerationsSlot));
}

static GenerationsSlot *
generations_front_slot (Generations *gen,
                        const char  *text)
{
  /* Fibonacci hashing of the address; strings are 8- or 16-byte aligned. */
  guint64 h = ((guint64) (guintptr) text >> 3) * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);

  return &gen->front[h >> (64 - 10)];
}

G_STATIC_ASSERT (GENERATIONS_FRONT == 1 << 10);

/* The value for @prefix followed by @text (@prefix_len bytes), from the
 * front cache, or NULL. */
static gpointer
generations_front_lookup (Generations *gen,
                          const char  *prefix,
                          gsize        prefix_len,
                          const char  *text)
{
  GenerationsSlot *slot = generations_front_slot (gen, text);

  /* The address may have been freed and reused for another string: the
   * key is compared whole. */
  if (slot->text != text || slot->key == NULL ||
      strncmp (slot->key, prefix, prefix_len) != 0 || strcmp (slot->key + prefix_len, text) != 0)
    return NULL;

  return slot->value;
}

static void
generations_front_store (Generations *gen,
                         const char  *text,
                         const char  *key,
                         gpointer     value)
{
  GenerationsSlot *slot = generations_front_slot (gen, text);

  slot->text = text;
  slot->key = key;
  slot->value = value;
}

/* Returns: (transfer none) (nullable): the value for @key */
gpointer
_chronicle_paint_generations_lookup (Generations *gen,
                                     const char  *key)
{
  gpointer value = g_hash_table_lookup (gen->current, key);
  gpointer stolen_key;

  if (value != NULL)
    return value;

  if (!g_hash_table_steal_extended (gen->previous, key, &stolen_key, &value))
    return NULL;

  /* The key string moves with its value: slots pointing at it stay good. */
  g_hash_table_insert (gen->current, stolen_key, value);
  return value;
}

/* Frees up to @n values of the dying generation. */
static void
generations_drain (Generations *gen,
                   guint        n)
{
  GHashTableIter iter;

  generations_forget_front (gen);
  g_hash_table_iter_init (&iter, gen->dying);
  for (guint i = 0; i < n && g_hash_table_iter_next (&iter, NULL, NULL); i++)
    g_hash_table_iter_remove (&iter);
  if (g_hash_table_size (gen->dying) == 0)
    g_clear_pointer (&gen->dying, g_hash_table_unref);
}

/* Takes @key and @value.
 *
 * A full generation is not freed when the next one fills: a zoom shows
 * hundreds of new titles a frame, and freeing a generation of shaped
 * texts (and their label sprites) at once took 8 ms of the frame that
 * happened to fill it (issue #12: the slowest frames of the zoom). It is
 * freed DRAIN_BATCH values every DRAIN_EVERY inserts instead, two per
 * insert, so it is gone after half a generation's inserts, long before
 * the next one is full. */
#define DRAIN_EVERY 64
#define DRAIN_BATCH 128

void
_chronicle_paint_generations_insert (Generations *gen,
                                     char        *key,
                                     gpointer     value)
{
  if (g_hash_table_size (gen->current) >= gen->limit)
    {
      generations_forget_front (gen);
      /* (Left over only with a limit below DRAIN_BATCH * 2.) */
      g_clear_pointer (&gen->dying, g_hash_table_unref);
      gen->dying = gen->previous;
      gen->previous = gen->current;
      gen->current = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, gen->free_value);
      gen->inserts_since_drain = 0;
    }
  g_hash_table_insert (gen->current, key, value);

  if (gen->dying != NULL && ++gen->inserts_since_drain >= DRAIN_EVERY)
    {
      gen->inserts_since_drain = 0;
      generations_drain (gen, DRAIN_BATCH);
    }
}

static void
signature_cache_free (SignatureCache *cache)
{
  _chronicle_paint_generations_clear (&cache->table);
  g_clear_pointer (&cache->shapers, g_hash_table_unref);
  g_clear_object (&cache->context);
  g_free (cache);
}

static void
clear_wide_box (WideBox *box)
{
  g_clear_pointer (&box->base, cairo_surface_destroy);
  g_clear_pointer (&box->sprite, cairo_surface_destroy);
}

static void
text_caches_free (gpointer data)
{
  TextCaches *caches = data;

  g_ptr_array_unref (caches->text_caches);
  g_hash_table_unref (caches->sprites);
  for (guint i = 0; i < N_WIDE_BOXES; i++)
    clear_wide_box (&caches->wide_boxes[i]);
  g_free (caches->measure_family);
  for (guint i = 0; i < G_N_ELEMENTS (caches->measure_keys); i++)
    {
      g_clear_pointer (&caches->measure_fonts[i], pango_font_description_free);
      g_free (caches->measure_keys[i]);
    }
  g_free (caches);
}

static GPrivate text_caches_key = G_PRIVATE_INIT (text_caches_free);

TextCaches *
_chronicle_paint_get_text_caches (void)
{
  TextCaches *caches = g_private_get (&text_caches_key);

  if (caches == NULL)
    {
      caches = g_new0 (TextCaches, 1);
      caches->text_caches = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_cache_free);
      caches->sprites = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) cairo_surface_destroy);
      g_private_set (&text_caches_key, caches);
    }

  return caches;
}

/**
 * chronicle_paint_clear_caches:
 *
 * Drops the shaped text that the painter and chronicle_pango_measure()
 * keep for the calling thread. Nothing needs
 * this for correctness (the caches are keyed by everything shaping
 * depends on); it frees memory, and lets benchmarks time a first frame.
 */
void
chronicle_paint_clear_caches (void)
{
  g_private_replace (&text_caches_key, NULL);
}

/*
 * Forgets the shaped texts (and their masks) the calling thread keeps,
 * but not what outlives a view in a running app: the words each shaper
 * has shaped, and the sprites. For benchmarks: the first frame of a view
 * whose titles were never shown.
 */
void
_chronicle_paint_forget_shaped_text (void)
{
  TextCaches *caches = g_private_get (&text_caches_key);

  if (caches == NULL)
    return;

  for (guint i = 0; i < caches->text_caches->len; i++)
    {
      SignatureCache *cache = g_ptr_array_index (caches->text_caches, i);

      generations_forget_front (&cache->table);
      g_hash_table_remove_all (cache->table.current);
      g_hash_table_remove_all (cache->table.previous);
      g_clear_pointer (&cache->table.dying, g_hash_table_unref);
    }
}

static unsigned long
hash_font_options (const cairo_font_options_t *options)
{
  const char *variations;

  if (options == NULL)
    return 0;

  variations = cairo_font_options_get_variations ((cairo_font_options_t *) options);
  return cairo_font_options_hash (options) ^ (variations != NULL ? g_str_hash (variations) : 0);
}

/* The font options of the painter's cairo context, and their hash: what
 * text masks and label sprites are rendered with, fetched once per paint
 * rather than per label. */
void
_chronicle_paint_init_font_options (Painter *p)
{
  p->font_options = cairo_font_options_create ();
  cairo_get_font_options (p->cr, p->font_options);
  p->font_options_hash = hash_font_options (p->font_options);
}

/* See pango_cairo_update_context(): a context made for @cr shapes with the
 * target's font options, @cr's, and @cr's matrix. */
void
_chronicle_paint_get_cr_signature (cairo_t   *cr,
                                   Signature *signature)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_matrix_t matrix;

  memset (signature, 0, sizeof *signature);
  signature->font_map = pango_cairo_font_map_get_default ();
  signature->font_map_serial = pango_font_map_get_serial (signature->font_map);
  cairo_surface_get_font_options (cairo_get_target (cr), options);
  signature->options_hash[0] = hash_font_options (options);
  cairo_get_font_options (cr, options);
  signature->options_hash[1] = hash_font_options (options);
  cairo_font_options_destroy (options);
  cairo_get_matrix (cr, &matrix);
  signature->matrix[0] = matrix.xx;
  signature->matrix[1] = matrix.xy;
  signature->matrix[2] = matrix.yx;
  signature->matrix[3] = matrix.yy;
  signature->language = pango_language_get_default ();
  signature->round_positions = TRUE;
}

void
_chronicle_paint_get_context_signature (PangoContext *context,
                                        Signature    *signature)
{
  const PangoMatrix *matrix = pango_context_get_matrix (context);

  memset (signature, 0, sizeof *signature);
  signature->font_map = pango_context_get_font_map (context);
  if (signature->font_map != NULL)
    signature->font_map_serial = pango_font_map_get_serial (signature->font_map);
  signature->options_hash[1] = hash_font_options (pango_cairo_context_get_font_options (context));
  signature->matrix[0] = matrix != NULL ? matrix->xx : 1;
  signature->matrix[1] = matrix != NULL ? matrix->xy : 0;
  signature->matrix[2] = matrix != NULL ? matrix->yx : 0;
  signature->matrix[3] = matrix != NULL ? matrix->yy : 1;
  signature->language = pango_context_get_language (context);
  signature->round_positions = pango_context_get_round_glyph_positions (context);
}

/* The cache in @caches for @signature; a new one when there is none,
 * shaping with @context, or when that is NULL with a context made for
 * @cr. */
SignatureCache *
_chronicle_paint_get_signature_cache (GPtrArray       *caches,
                                      const Signature *signature,
                                      PangoContext    *context,
                                      cairo_t         *cr)
{
  SignatureCache *cache;

  for (guint i = caches->len; i > 0; i--)
    {
      cache = g_ptr_array_index (caches, i - 1);
      if (memcmp (&cache->signature, signature, sizeof *signature) == 0)
        return cache;
    }

  if (caches->len >= MAX_SIGNATURES)
    g_ptr_array_remove_index (caches, 0);

  cache = g_new0 (SignatureCache, 1);
  cache->signature = *signature;
  cache->context = context != NULL ? g_object_ref (context) : pango_cairo_create_context (cr);
  cache->shapers = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, (GDestroyNotify) chronicle_shaper_free);
  _chronicle_paint_generations_init (&cache->table, MAX_CACHED_TEXTS, g_object_unref);
  g_ptr_array_add (caches, cache);

  return cache;
}

/* The glyphs of a cached text rendered once as an alpha mask, kept on
 * the text (so it goes when the text leaves the cache): drawing a label
 * is then one composite instead of a glyph run, on raster targets when
 * the text sits on whole device pixels. The mask is rendered with the
 * target's font options at the target's scale, so the pixels are those
 * the glyphs would give. */
typedef struct
{
  double           scale;
  unsigned long    options_hash;
  int              max_width;   /* pango units, as shown */
  cairo_surface_t *mask;        /* NULL until the text is drawn a second time */
  int              x;           /* of the mask's origin from the text's, logical px */
  int              y;
} TextMask;

static void
text_mask_free (gpointer data)
{
  TextMask *mask = data;

  g_clear_pointer (&mask->mask, cairo_surface_destroy);
  g_free (mask);
}

static TextMask *
get_text_mask (Painter             *p,
               ChronicleShapedText *text,
               int                  max_width)
{
  static GQuark quark;
  TextMask *mask;
  unsigned long options_hash = p->font_options_hash;
  PangoRectangle ink, logical;
  cairo_t *cr;
  int x0, y0, x1, y1;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chronicle-text-mask");

  mask = g_object_get_qdata (G_OBJECT (text), quark);
  if (mask != NULL && mask->scale == p->sprite_scale && mask->options_hash == options_hash &&
      mask->max_width == max_width && mask->mask != NULL)
    return mask;

  /* Text drawn once (a view passing by) is not worth a mask: remember
   * it, and make the mask when it comes back. */
  if (mask == NULL || mask->scale != p->sprite_scale || mask->options_hash != options_hash ||
      mask->max_width != max_width)
    {
      mask = g_new0 (TextMask, 1);
      mask->scale = p->sprite_scale;
      mask->options_hash = options_hash;
      mask->max_width = max_width;
      g_object_set_qdata_full (G_OBJECT (text), quark, mask, text_mask_free);
      return NULL;
    }

  chronicle_shaped_text_get_extents (text, max_width, &ink, &logical);
  pango_extents_to_pixels (&ink, NULL);
  pango_extents_to_pixels (&logical, NULL);
  /* a pixel of slack: antialiasing reaches past the ink */
  x0 = MIN (ink.x, logical.x) - 1;
  y0 = MIN (ink.y, logical.y) - 1;
  x1 = MAX (ink.x + ink.width, logical.x + logical.width) + 1;
  y1 = MAX (ink.y + ink.height, logical.y + logical.height) + 1;

  mask->x = x0;
  mask->y = y0;
  mask->mask = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) ((x1 - x0) * mask->scale),
                                           (int) ((y1 - y0) * mask->scale));
  cairo_surface_set_device_scale (mask->mask, mask->scale, mask->scale);
  cr = cairo_create (mask->mask);
  cairo_set_font_options (cr, p->font_options);
  cairo_move_to (cr, -x0, -y0);
  chronicle_shaped_text_show (text, cr, max_width);
  cairo_destroy (cr);

  return mask;
}

static gboolean
is_on_device_pixel (Painter *p,
                    double   pos)
{
  double device = pos * p->device_scale;

  return fabs (device - round (device)) < 1e-6;
}

static int
to_pango_width (double max_width)
{
  return max_width > 0 ? (int) (max_width * PANGO_SCALE) : 0;
}

/* Shows @text with its top-left at (x, y), ellipsized past @max_width
 * (no limit when <= 0), as glyphs or through the sink. */
void
_chronicle_paint_show_text (Painter              *p,
                            ChronicleShapedText  *text,
                            double                x,
                            double                y,
                            double                max_width,
                            const ChronicleColor *color)
{
  g_autofree char *shown = NULL;
  int width = to_pango_width (max_width);

  if (p->sink == NULL && p->device_scale > 0 && p->sprite_scale == p->device_scale &&
      is_on_device_pixel (p, x) && is_on_device_pixel (p, y))
    {
      TextMask *mask = get_text_mask (p, text, width);

      if (mask != NULL)
        {
          _chronicle_paint_set_color (p->cr, color, 1.0);
          cairo_mask_surface (p->cr, mask->mask, x + mask->x, y + mask->y);
          return;
        }
    }

  if (p->sink == NULL)
    {
      _chronicle_paint_set_color (p->cr, color, 1.0);
      cairo_move_to (p->cr, x, y);
      chronicle_shaped_text_show (text, p->cr, width);
      return;
    }

  shown = chronicle_shaped_text_get_shown_text (text, width);
  p->sink (shown, x, y + (double) chronicle_shaped_text_get_baseline (text) / PANGO_SCALE,
           chronicle_shaped_text_get_font (text), color, p->sink_data);
}

/* The key of a font made for @style: @role is a ChronicleTextRole, or
 * past them the pill's. Made once per paint or style, not per text. */
char *
_chronicle_paint_make_font_key (const ChronicleStyle *style,
                                guint                 role)
{
  return g_strdup_printf ("%u\x1f%s\x1f%g\x1f", role, style->font_family != NULL ? style->font_family : "",
                          style->font_size);
}

/* @text shaped in @font (whose key is @font_key), from @cache, or shaped
 * now and kept. */
ChronicleShapedText *
_chronicle_paint_lookup_text (SignatureCache             *cache,
                              const PangoFontDescription *font,
                              const char                 *font_key,
                              const char                 *text)
{
  gsize font_key_len = strlen (font_key);
  ChronicleShapedText *shaped = generations_front_lookup (&cache->table, font_key, font_key_len, text);
  ChronicleShaper *shaper;
  char *key;

  if (shaped != NULL)
    return shaped;

  key = g_strconcat (font_key, text, NULL);
  shaped = _chronicle_paint_generations_lookup (&cache->table, key);
  if (shaped != NULL)
    {
      /* The tables' own copy of the key, which lives as long as @shaped. */
      gpointer table_key = NULL;

      if (g_hash_table_lookup_extended (cache->table.current, key, &table_key, NULL))
        generations_front_store (&cache->table, text, table_key, shaped);
      g_free (key);
      return shaped;
    }

  shaper = g_hash_table_lookup (cache->shapers, font_key);
  if (shaper == NULL)
    {
      shaper = chronicle_shaper_new (cache->context, font);
      g_hash_table_insert (cache->shapers, g_strdup (font_key), shaper);
    }
  shaped = chronicle_shaped_text_new (shaper, text);
  _chronicle_paint_generations_insert (&cache->table, key, shaped);
  generations_front_store (&cache->table, text, key, shaped);

  return shaped;
}

ChronicleShapedText *
_chronicle_paint_get_text (Painter                    *p,
                           const PangoFontDescription *font,
                           const char                 *font_key,
                           const char                 *text)
{
  return _chronicle_paint_lookup_text (p->texts, font, font_key, text);
}

/* Draws @text in the font for @role with its top-left at (x, y),
 * ellipsized past @max_width (no limit when <= 0). */
void
_chronicle_paint_draw_text (Painter              *p,
                            ChronicleTextRole     role,
                            const char           *text,
                            double                x,
                            double                y,
                            double                max_width,
                            const ChronicleColor *color)
{
  _chronicle_paint_show_text (p, _chronicle_paint_get_text (p, p->fonts[role], p->font_keys[role], text),
                              x, y, max_width, color);
}

/* A label box: opaque box tinted with the category, outlined, with the
 * category strip at its left, or at its right for a label that ends at
 * its event's date (left of its mark): the strip is on the date. */
static void
draw_label_box_path (Painter              *p,
                     cairo_t              *cr,
                     double                x,
                     double                y,
                     double                width,
                     double                height,
                     const ChronicleColor *color,
                     gboolean              strip_right)
{
  const ChronicleStyle *style = p->style;
  ChronicleColor tint;

  _chronicle_paint_rounded_rect (cr, x, y, width, height, 4);
  _chronicle_paint_mix_color (&style->background, color, style->dark ? 0.2 : 0.1, &tint);
  _chronicle_paint_set_color (cr, &tint, 1.0);
  cairo_fill_preserve (cr);
  _chronicle_paint_set_color (cr, color, 0.35);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  /* The strip follows the box's rounded left corners; a path, not a
   * clip, because clipping to rounded shapes is slow on images. */
  _chronicle_paint_set_color (cr, color, 1.0);
  cairo_new_sub_path (cr);
  if (strip_right)
    {
      double r = x + width;

      cairo_arc_negative (cr, r - 4, y + 4, 4, 0, 3 * G_PI / 2);
      cairo_line_to (cr, r - CHRONICLE_LABEL_STRIP, y);
      cairo_line_to (cr, r - CHRONICLE_LABEL_STRIP, y + height);
      cairo_line_to (cr, r - 4, y + height);
      cairo_arc_negative (cr, r - 4, y + height - 4, 4, G_PI / 2, 0);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }
  cairo_arc (cr, x + 4, y + 4, 4, G_PI, 3 * G_PI / 2);
  cairo_line_to (cr, x + CHRONICLE_LABEL_STRIP, y);
  cairo_line_to (cr, x + CHRONICLE_LABEL_STRIP, y + height);
  cairo_line_to (cr, x + 4, y + height);
  cairo_arc (cr, x + 4, y + height - 4, 4, G_PI / 2, G_PI);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_marker_path (Painter              *p,
                  cairo_t              *cr,
                  double                x,
                  double                y,
                  const ChronicleColor *color)
{
  cairo_arc (cr, x, y, CHRONICLE_MARKER_RADIUS + 1.5, 0, 2 * G_PI);
  _chronicle_paint_set_color (cr, &p->style->background, 1.0);
  cairo_fill (cr);
  cairo_arc (cr, x, y, CHRONICLE_MARKER_RADIUS, 0, 2 * G_PI);
  _chronicle_paint_set_color (cr, color, 1.0);
  cairo_fill (cr);
}

/* The sprite for @key from the thread's cache (new reference), or NULL.
 * Sprites depend on colours, sizes and scale only, so they outlive a
 * paint; the few looks a chart has are kept, and all dropped past 256. */
cairo_surface_t *
_chronicle_paint_lookup_sprite (const char *key)
{
  cairo_surface_t *sprite = g_hash_table_lookup (_chronicle_paint_get_text_caches ()->sprites, key);

  return sprite != NULL ? cairo_surface_reference (sprite) : NULL;
}

/* Takes @key; keeps a reference to @sprite. */
void
_chronicle_paint_store_sprite (char            *key,
                               cairo_surface_t *sprite)
{
  GHashTable *sprites = _chronicle_paint_get_text_caches ()->sprites;

  if (g_hash_table_size (sprites) >= 256)
    g_hash_table_remove_all (sprites);
  g_hash_table_insert (sprites, key, cairo_surface_reference (sprite));
}

char *
_chronicle_paint_describe_color (const ChronicleColor *color)
{
  return g_strdup_printf ("%.5f,%.5f,%.5f,%.5f", color->red, color->green, color->blue, color->alpha);
}

cairo_surface_t *
_chronicle_paint_create_sprite (Painter  *p,
                                double    width,
                                double    height,
                                cairo_t **cr)
{
  cairo_surface_t *sprite;
  int w = (int) ceil (width * p->sprite_scale), h = (int) ceil (height * p->sprite_scale);

  sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_set_device_scale (sprite, p->sprite_scale, p->sprite_scale);
  *cr = cairo_create (sprite);
  return sprite;
}

void
_chronicle_paint_init_sprites (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  cairo_matrix_t matrix;
  double ox = 0, oy = 0, s;
  guint n = p->n_categories + 1;

  p->device_scale = 0;
  if (p->sink != NULL || (type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_RECORDING))
    return;

  /* Only for whole-pixel scales and offsets: anything else would need
   * resampling. */
  cairo_get_matrix (cr, &matrix);
  cairo_user_to_device (cr, &ox, &oy);
  s = matrix.xx;
  {
    double sx = 1, sy = 1;

    cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
    if (sx != sy)
      return;
    s *= sx;
  }
  if (matrix.xy != 0 || matrix.yx != 0 || matrix.xx != matrix.yy || s < 1 || s > 4 ||
      fabs (s - round (s)) > 1e-6 || fabs (ox - round (ox)) > 1e-6 || fabs (oy - round (oy)) > 1e-6)
    return;

  p->device_scale = round (s);
  /* A recording surface is replayed at the widget's scale later. */
  p->sprite_scale = p->device_scale;
  if (type == CAIRO_SURFACE_TYPE_RECORDING && p->style->scale > 1)
    p->sprite_scale *= round (p->style->scale);

  p->box_sprites = g_new0 (cairo_surface_t *, n);
  p->marker_sprites = g_new0 (cairo_surface_t *, n);
  p->dot_sprites = g_new0 (cairo_surface_t *, 4 * n);
  p->box_height = layout->label_height + 2 * CHRONICLE_LABEL_PAD_Y;
}

void
_chronicle_paint_clear_sprites (Painter *p)
{
  guint n = p->n_categories + 1;

  for (guint i = 0; p->box_sprites != NULL && i < n; i++)
    g_clear_pointer (&p->box_sprites[i], cairo_surface_destroy);
  for (guint i = 0; p->marker_sprites != NULL && i < n; i++)
    g_clear_pointer (&p->marker_sprites[i], cairo_surface_destroy);
  for (guint i = 0; p->dot_sprites != NULL && i < 4 * n; i++)
    g_clear_pointer (&p->dot_sprites[i], cairo_surface_destroy);
  g_clear_pointer (&p->dot_sprites, g_free);
  g_clear_pointer (&p->box_sprites, g_free);
  g_clear_pointer (&p->marker_sprites, g_free);
  g_clear_pointer (&p->pill_sprite, cairo_surface_destroy);
}

/* Paints columns [x0, x0 + width) of the area at (x, y) from @sprite
 * placed at (sx, y). */
static void
stamp (Painter         *p,
       cairo_t         *cr,
       cairo_surface_t *sprite,
       double           sx,
       double           x,
       double           y,
       double           width,
       double           height)
{
  if (cr == p->cr && _chronicle_paint_blit (p, sprite, sx, y, x, y, width, height))
    return;

  cairo_set_source_surface (cr, sprite, sx, y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/* Stamps a box or pill of @width at (x, y) (snapped) from @sprite, a
 * SPRITE_BOX_WIDTH wide rendering of it with SPRITE_MARGIN around. */
static void
stamp_box_on (Painter         *p,
              cairo_t         *cr,
              cairo_surface_t *sprite,
              double           x,
              double           y,
              double           width,
              double           height)
{
  double full = SPRITE_BOX_WIDTH + 2 * SPRITE_MARGIN, h = height + 2 * SPRITE_MARGIN;
  double w = width + 2 * SPRITE_MARGIN;
  double left = x - SPRITE_MARGIN;

  stamp (p, cr, sprite, left, left, y - SPRITE_MARGIN, w - SPRITE_END, h);
  stamp (p, cr, sprite, left + w - full, left + w - SPRITE_END, y - SPRITE_MARGIN, SPRITE_END, h);
}

void
_chronicle_paint_stamp_box (Painter         *p,
                            cairo_surface_t *sprite,
                            double           x,
                            double           y,
                            double           width,
                            double           height)
{
  stamp_box_on (p, p->cr, sprite, x, y, width, height);
}


/* A label box is mostly its tint: the sprite's edges are stamped (left
 * end with the category strip, top and bottom outline, right end) and the
 * inside filled with the tint, which costs a fraction of compositing it
 * from the sprite (a dense frame has a hundred boxes). @x, @y and @width
 * are on device pixels. */
#define BOX_EDGE_LEFT   6.0   /* logical px: strip, corners and outline */
#define BOX_EDGE_ROW    1.0   /* logical px inside the top and bottom outline */

static void
stamp_label_box (Painter              *p,
                 cairo_t              *cr,
                 cairo_surface_t      *sprite,
                 const ChronicleColor *color,
                 double                x,
                 double                y,
                 double                width,
                 double                height)
{
  double full = SPRITE_BOX_WIDTH + 2 * SPRITE_MARGIN;
  double left = x - SPRITE_MARGIN, top = y - SPRITE_MARGIN;
  double inner = width - BOX_EDGE_LEFT - SPRITE_END + SPRITE_MARGIN;
  ChronicleColor tint;

  if (inner <= 0)
    {
      stamp_box_on (p, cr, sprite, x, y, width, height);
      return;
    }

  /* Everything the sprite shows at its left position, in one go (the
   * three parts do not overlap). */
  {
    const double parts[3][4] = {
      { left, top, SPRITE_MARGIN + BOX_EDGE_LEFT, height + 2 * SPRITE_MARGIN },
      { x + BOX_EDGE_LEFT, top, inner, SPRITE_MARGIN + BOX_EDGE_ROW },
      { x + BOX_EDGE_LEFT, y + height - BOX_EDGE_ROW, inner, SPRITE_MARGIN + BOX_EDGE_ROW },
    };
    gboolean any = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (cr != p->cr || !_chronicle_paint_blit (p, sprite, left, top, parts[i][0], parts[i][1], parts[i][2], parts[i][3]))
        {
          cairo_rectangle (cr, parts[i][0], parts[i][1], parts[i][2], parts[i][3]);
          any = TRUE;
        }
    if (any)
      {
        cairo_set_source_surface (cr, sprite, left, top);
        cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
        cairo_fill (cr);
      }
  }

  stamp (p, cr, sprite, left + width + 2 * SPRITE_MARGIN - full, x + width + SPRITE_MARGIN - SPRITE_END, top,
         SPRITE_END, height + 2 * SPRITE_MARGIN);

  _chronicle_paint_mix_color (&p->style->background, color, p->style->dark ? 0.2 : 0.1, &tint);
  _chronicle_paint_set_color (cr, &tint, 1.0);
  cairo_rectangle (cr, x + BOX_EDGE_LEFT, y + BOX_EDGE_ROW, inner, height - 2 * BOX_EDGE_ROW);
  cairo_fill (cr);
}

static guint
sprite_index (Painter *p,
              guint    category)
{
  return category < p->n_categories ? category : p->n_categories;
}

static gboolean
can_stamp_box (Painter             *p,
               const ChronicleRect *box)
{
  return p->device_scale > 0 && box->width <= SPRITE_BOX_WIDTH && box->width >= 2 * SPRITE_END &&
         fabs (box->height - p->box_height) <= 1e-6;
}

/* The box sprite for @category, from the thread's cache or made now. */
static cairo_surface_t *
ensure_box_sprite (Painter              *p,
                   guint                 category,
                   const ChronicleColor *color)
{
  guint index = sprite_index (p, category);

  if (p->box_sprites[index] == NULL)
    {
      g_autofree char *c = _chronicle_paint_describe_color (color);
      g_autofree char *b = _chronicle_paint_describe_color (&p->style->background);
      char *key = g_strdup_printf ("box %g %g %s %s %d", p->sprite_scale, p->box_height, c, b, p->style->dark);

      p->box_sprites[index] = _chronicle_paint_lookup_sprite (key);
      if (p->box_sprites[index] == NULL)
        {
          cairo_t *cr;

          p->box_sprites[index] = _chronicle_paint_create_sprite (p, SPRITE_BOX_WIDTH + 2 * SPRITE_MARGIN,
                                                                  p->box_height + 2 * SPRITE_MARGIN,
                                                                  &cr);
          draw_label_box_path (p, cr, SPRITE_MARGIN, SPRITE_MARGIN, SPRITE_BOX_WIDTH, p->box_height, color, FALSE);
          cairo_destroy (cr);
          _chronicle_paint_store_sprite (g_steal_pointer (&key), p->box_sprites[index]);
        }
      g_free (key);
    }

  return p->box_sprites[index];
}

/* The whole box of @width cut from @base (the category's box sprite),
 * from the thread's cache: NULL the first time a width is asked for, the
 * caller stamps the pieces then. A new view shows hundreds of labels
 * never drawn before (their titles are new), but their boxes come in a
 * few widths per category ("item 123456" is as wide as "item 654321"):
 * one composite per box where the pieces were three composites and a
 * fill (a quarter of such a frame at a million events, issue #12). The
 * sprite is the pieces stamped on a clear surface, as in a label's
 * sprite, so the pixels are the same. */
static cairo_surface_t *
get_wide_box (Painter              *p,
              cairo_surface_t      *base,
              const ChronicleColor *color,
              double                width,
              double                height)
{
  TextCaches *caches = _chronicle_paint_get_text_caches ();
  int w = (int) round (width * p->device_scale), h = (int) round (height * p->device_scale);
  guint index = (guint) ((((guintptr) base >> 4) * 31 + (guint) w * 131 + (guint) h) % N_WIDE_BOXES);
  WideBox *entry = &caches->wide_boxes[index];
  cairo_t *cr;

  if (p->sprite_scale != p->device_scale || width - BOX_EDGE_LEFT - SPRITE_END + SPRITE_MARGIN <= 0)
    return NULL;

  if (entry->base != base || entry->width != w || entry->height != h || entry->scale != p->device_scale)
    {
      clear_wide_box (entry);
      entry->base = cairo_surface_reference (base);
      entry->width = w;
      entry->height = h;
      entry->scale = p->device_scale;
      return NULL;
    }

  if (entry->sprite == NULL)
    {
      entry->sprite = _chronicle_paint_create_sprite (p, width + 2 * SPRITE_MARGIN, height + 2 * SPRITE_MARGIN, &cr);
      stamp_label_box (p, cr, base, color, SPRITE_MARGIN, SPRITE_MARGIN, width, height);
      cairo_destroy (cr);
    }

  return entry->sprite;
}

/* For tests: the whole-box sprites the thread keeps. */
guint
_chronicle_paint_count_wide_boxes (void)
{
  TextCaches *caches = _chronicle_paint_get_text_caches ();
  guint n = 0;

  for (guint i = 0; i < N_WIDE_BOXES; i++)
    n += caches->wide_boxes[i].sprite != NULL;
  return n;
}

/* Draws a label box at (x, y); returns where it went, which is (x, y)
 * except when snapped for a sprite. */
void
_chronicle_paint_draw_label_box (Painter              *p,
                                 guint                 category,
                                 const ChronicleColor *color,
                                 const ChronicleRect  *box,
                                 gboolean              strip_right,
                                 double               *x,
                                 double               *y)
{
  cairo_surface_t *base, *whole;
  double width;

  *x = box->x;
  *y = box->y;
  /* The sprite has its strip at the left; the few labels at the right
   * edge (and those of two lines) are drawn as paths. */
  if (strip_right || !can_stamp_box (p, box))
    {
      /* Where its sprite would go, so that the frame drawing a label as
       * a sprite matches the one before, which drew it in pieces. */
      if (p->device_scale > 0 && box->width <= SPRITE_BOX_WIDTH && box->width >= 2 * SPRITE_END)
        {
          cairo_surface_t *sprite;
          cairo_t *cr;

          *x = _chronicle_paint_snap (p, box->x, 0);
          *y = _chronicle_paint_snap (p, box->y, 0);
          width = round (box->width * p->device_scale) / p->device_scale;
          /* Through a sprite of its own, as in the label's sprite. */
          sprite = _chronicle_paint_create_sprite (p, width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN, &cr);
          draw_label_box_path (p, cr, SPRITE_MARGIN, SPRITE_MARGIN, width, box->height, color, strip_right);
          cairo_destroy (cr);
          stamp (p, p->cr, sprite, *x - SPRITE_MARGIN, *x - SPRITE_MARGIN, *y - SPRITE_MARGIN,
                 width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN);
          cairo_surface_destroy (sprite);
          return;
        }
      draw_label_box_path (p, p->cr, box->x, box->y, box->width, box->height, color, strip_right);
      return;
    }

  *x = _chronicle_paint_snap (p, box->x, 0);
  *y = _chronicle_paint_snap (p, box->y, 0);
  width = round (box->width * p->device_scale) / p->device_scale;
  base = ensure_box_sprite (p, category, color);
  whole = get_wide_box (p, base, color, width, box->height);
  if (whole != NULL)
    stamp (p, p->cr, whole, *x - SPRITE_MARGIN, *x - SPRITE_MARGIN, *y - SPRITE_MARGIN,
           width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN);
  else
    stamp_label_box (p, p->cr, base, color, *x, *y, width, box->height);
}


/* A dot mark (a day, or an estimate) stamped from a sprite made once per
 * category and look (@light: the fill is the colour mixed with the
 * background; @dashed: an estimate's dashed ring), where the painter
 * used to rasterise three antialiased paths per dot; on other targets
 * @path draws it. Placed like the markers of timed points. */
void
_chronicle_paint_draw_dot (Painter              *p,
                           guint                 category,
                           const ChronicleColor *color,
                           const ChronicleColor *fill,
                           gboolean              light,
                           gboolean              dashed,
                           double                x,
                           double                y,
                           ChronicleDotPathFunc  path)
{
  guint index = 4 * sprite_index (p, category) + (light ? 1 : 0) + (dashed ? 2 : 0);
  double size = 2 * SPRITE_MARKER, cx, cy;

  if (p->device_scale == 0)
    {
      path (p, p->cr, x, y, color, fill, dashed);
      return;
    }

  cx = _chronicle_paint_snap (p, x, 0.5);
  cy = y;
  if (p->dot_sprites[index] == NULL)
    {
      double fy = cy * p->device_scale - floor (cy * p->device_scale);
      g_autofree char *c = _chronicle_paint_describe_color (color);
      g_autofree char *f = _chronicle_paint_describe_color (fill);
      g_autofree char *b = _chronicle_paint_describe_color (&p->style->background);
      char *key = g_strdup_printf ("dot %g %g %g %s %s %s %d", p->sprite_scale, p->device_scale, fy, c, f, b, dashed);

      p->dot_sprites[index] = _chronicle_paint_lookup_sprite (key);
      if (p->dot_sprites[index] == NULL)
        {
          cairo_t *cr;

          p->dot_sprites[index] = _chronicle_paint_create_sprite (p, size, size + 1, &cr);
          path (p, cr, SPRITE_MARKER + 0.5 / p->device_scale, SPRITE_MARKER + fy / p->device_scale,
                color, fill, dashed);
          cairo_destroy (cr);
          _chronicle_paint_store_sprite (g_steal_pointer (&key), p->dot_sprites[index]);
        }
      g_free (key);
    }

  stamp (p, p->cr, p->dot_sprites[index], cx - SPRITE_MARKER - 0.5 / p->device_scale,
         cx - SPRITE_MARKER - 0.5 / p->device_scale, _chronicle_paint_snap (p, cy, 0) - SPRITE_MARKER, size, size + 1);
}

void
_chronicle_paint_draw_marker (Painter              *p,
                              guint                 category,
                              const ChronicleColor *color,
                              double                x,
                              double                y)
{
  guint index = sprite_index (p, category);
  double size = 2 * SPRITE_MARKER, cx, cy;

  if (p->device_scale == 0)
    {
      draw_marker_path (p, p->cr, x, y, color);
      return;
    }

  /* The centre on the middle of a pixel column, like the leader line;
   * vertically where the axis is, which all markers share. */
  cx = _chronicle_paint_snap (p, x, 0.5);
  cy = y;
  if (p->marker_sprites[index] == NULL)
    {
      double fy = cy * p->device_scale - floor (cy * p->device_scale);
      g_autofree char *c = _chronicle_paint_describe_color (color);
      g_autofree char *b = _chronicle_paint_describe_color (&p->style->background);
      char *key = g_strdup_printf ("marker %g %g %g %s %s", p->sprite_scale, p->device_scale, fy, c, b);

      p->marker_sprites[index] = _chronicle_paint_lookup_sprite (key);
      if (p->marker_sprites[index] == NULL)
        {
          cairo_t *cr;

          p->marker_sprites[index] = _chronicle_paint_create_sprite (p, size, size + 1, &cr);
          draw_marker_path (p, cr, SPRITE_MARKER + 0.5 / p->device_scale,
                            SPRITE_MARKER + fy / p->device_scale, color);
          cairo_destroy (cr);
          _chronicle_paint_store_sprite (g_steal_pointer (&key), p->marker_sprites[index]);
        }
      g_free (key);
    }

  stamp (p, p->cr, p->marker_sprites[index], cx - SPRITE_MARKER - 0.5 / p->device_scale,
         cx - SPRITE_MARKER - 0.5 / p->device_scale, _chronicle_paint_snap (p, cy, 0) - SPRITE_MARKER, size, size + 1);
}

/*
 * A label drawn in several frames in a row (what zooming and panning
 * does) becomes one sprite, box and text together, kept with its shaped
 * text: one composite per label instead of two box stamps and a text
 * mask. Made by stamping the box and drawing the glyphs, which costs
 * about what the pieces do; only on raster targets at the target's
 * resolution, only from the second time a label is drawn the same way,
 * and within a memory budget per thread; everything else takes the path
 * above.
 */
#define LABEL_SPRITE_BUDGET (32 * 1024 * 1024)  /* bytes per thread */

/* What a label sprite shows besides its text; compared bytewise, so
 * zeroed before being filled. */
typedef struct
{
  double         scale;
  double         width;
  double         height;
  int            text_width;   /* pango units the text may take */
  unsigned long  options_hash;
  ChronicleColor color;
  ChronicleColor background;
  ChronicleColor foreground;
  gboolean       dark;
  gboolean       strip_right;  /* the label ends at its date */
  guint          text2_hash;   /* second line, 0 for none */
} LabelLook;

typedef struct
{
  gboolean         seen;      /* drawn once without a sprite */
  LabelLook        look;
  cairo_surface_t *sprite;
  gsize            bytes;
} LabelSprite;

static void
label_sprite_free (gpointer data)
{
  LabelSprite *label = data;
  TextCaches *caches = g_private_get (&text_caches_key);

  /* The caches are being freed when this runs from text_caches_free(). */
  if (caches != NULL && label->bytes <= caches->label_bytes)
    caches->label_bytes -= label->bytes;
  g_clear_pointer (&label->sprite, cairo_surface_destroy);
  g_free (label);
}

/* Draws the label of @item from its sprite; FALSE when it has none (yet):
 * the caller draws it piece by piece. */
gboolean
_chronicle_paint_draw_label_sprite (Painter                   *p,
                                    const ChronicleLayoutItem *item,
                                    const ChronicleColor      *color)
{
  static GQuark quark;
  const ChronicleRect *box = &item->label;
  const ChronicleStyle *style = p->style;
  TextCaches *caches = _chronicle_paint_get_text_caches ();
  double text_width = box->width - CHRONICLE_LABEL_STRIP - CHRONICLE_LABEL_PAD_X - 1;
  double width, x, y, x_text;
  LabelLook look;
  ChronicleShapedText *text;
  LabelSprite *label;
  cairo_t *cr;

  /* Labels of two lines, and those with their strip at the right, are
   * sprites too (drawn as paths once, stamped after): near the right
   * edge and for long titles they are many. */
  if (p->sprite_scale != p->device_scale || item->text == NULL ||
      (item->text2 == NULL && !item->label_before && !can_stamp_box (p, box)) ||
      p->device_scale <= 0 || box->width > SPRITE_BOX_WIDTH || box->width < 2 * SPRITE_END)
    return FALSE;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chronicle-label-sprite");

  text = _chronicle_paint_get_text (p, p->fonts[CHRONICLE_TEXT_LABEL], p->font_keys[CHRONICLE_TEXT_LABEL],
                                    item->text);
  width = round (box->width * p->device_scale) / p->device_scale;
  x = _chronicle_paint_snap (p, box->x, 0);
  y = _chronicle_paint_snap (p, box->y, 0);

  memset (&look, 0, sizeof look);
  look.scale = p->sprite_scale;
  look.width = width;
  look.height = box->height;
  look.text_width = to_pango_width (text_width);
  look.options_hash = p->font_options_hash;
  look.color = *color;
  look.background = style->background;
  look.foreground = style->foreground;
  look.dark = style->dark;
  look.strip_right = item->label_before;
  look.text2_hash = item->text2 != NULL ? g_str_hash (item->text2) | 1 : 0;

  label = g_object_get_qdata (G_OBJECT (text), quark);
  if (label != NULL && label->sprite != NULL && memcmp (&label->look, &look, sizeof look) == 0)
    {
      stamp (p, p->cr, label->sprite, x - SPRITE_MARGIN, x - SPRITE_MARGIN, y - SPRITE_MARGIN,
             width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN);
      return TRUE;
    }

  if (label == NULL)
    {
      label = g_new0 (LabelSprite, 1);
      g_object_set_qdata_full (G_OBJECT (text), quark, label, label_sprite_free);
    }

  /* First time like this (two events can share a title, and not their
   * colour): remember the look, drop a sprite of another, draw the
   * pieces. */
  if (!label->seen || memcmp (&label->look, &look, sizeof look) != 0)
    {
      label->seen = TRUE;
      label->look = look;
      g_clear_pointer (&label->sprite, cairo_surface_destroy);
      caches->label_bytes -= MIN (label->bytes, caches->label_bytes);
      label->bytes = 0;
      return FALSE;
    }

  g_assert (label->sprite == NULL && label->bytes == 0);

  label->bytes = (gsize) (ceil ((width + 2 * SPRITE_MARGIN) * p->sprite_scale) *
                          ceil ((box->height + 2 * SPRITE_MARGIN) * p->sprite_scale) * 4);
  if (caches->label_bytes + label->bytes > LABEL_SPRITE_BUDGET)
    {
      label->bytes = 0;
      return FALSE;
    }
  caches->label_bytes += label->bytes;

  label->sprite = _chronicle_paint_create_sprite (p, width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN, &cr);
  cairo_set_font_options (cr, p->font_options);
  if (item->text2 == NULL && !item->label_before)
    stamp_label_box (p, cr, ensure_box_sprite (p, item->category, color), color, SPRITE_MARGIN, SPRITE_MARGIN,
                     width, box->height);
  else
    draw_label_box_path (p, cr, SPRITE_MARGIN, SPRITE_MARGIN, width, box->height, color, item->label_before);
  _chronicle_paint_set_color (cr, &style->foreground, 1.0);
  x_text = SPRITE_MARGIN + CHRONICLE_LABEL_PAD_X + (item->label_before ? 0 : CHRONICLE_LABEL_STRIP);
  cairo_move_to (cr, x_text, SPRITE_MARGIN + CHRONICLE_LABEL_PAD_Y);
  chronicle_shaped_text_show (text, cr, look.text_width);
  if (item->text2 != NULL)
    {
      ChronicleShapedText *text2 = _chronicle_paint_get_text (p, p->fonts[CHRONICLE_TEXT_LABEL],
                                                              p->font_keys[CHRONICLE_TEXT_LABEL], item->text2);

      cairo_move_to (cr, x_text, SPRITE_MARGIN + CHRONICLE_LABEL_PAD_Y + p->layout->label_height);
      chronicle_shaped_text_show (text2, cr, look.text_width);
    }
  cairo_destroy (cr);

  stamp (p, p->cr, label->sprite, x - SPRITE_MARGIN, x - SPRITE_MARGIN, y - SPRITE_MARGIN,
         width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN);
  return TRUE;
}
