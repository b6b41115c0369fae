/* chronicle-paint.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chronicle-paint.h"
#include "chronicle-layout-private.h"

/*
 * Paints a ChronicleLayout in logical px. Nothing here decides where
 * things go: positions come from the layout, looks from the style, so the
 * screen, PNG, SVG and PDF output are the same picture.
 */

#define PX_PER_PT (96.0 / 72.0)

/*
 * Text caches. Shaping a title with Pango costs far more than drawing
 * its glyphs, and a zoom or pan shows mostly the same titles frame after
 * frame; so measured sizes and shaped PangoLayouts are kept, per thread
 * (no locks; export threads get their own), keyed by everything the
 * shaping depends on: font map and its serial, font options, the linear
 * part of the matrix, the font and the text (and the ellipsizing width).
 *
 * Each table has two generations: lookups move hits into the current one,
 * and when it is full the previous one is dropped, so memory stays bounded
 * and what recent frames used survives.
 */
#define MAX_CACHED_LAYOUTS   2048   /* per generation and signature */
#define MAX_CACHED_SIZES     8192   /* per generation */
#define MAX_SIGNATURES       4

typedef struct
{
  GHashTable *current;   /* char * -> value */
  GHashTable *previous;
  guint       limit;
  GDestroyNotify free_value;
} Generations;

/* What shaping depends on apart from font and text; compared bytewise,
 * so it is zeroed before being filled. */
typedef struct
{
  PangoFontMap  *font_map;
  guint          font_map_serial;
  unsigned long  options_hash[2];   /* surface's and context's */
  double         matrix[4];         /* linear part */
  PangoLanguage *language;
  gboolean       round_positions;
} Signature;

typedef struct
{
  Signature     signature;
  PangoContext *context;  /* the layouts' context; NULL in size caches */
  Generations   table;    /* key -> PangoLayout, or key -> double[2] */
} SignatureCache;

typedef struct
{
  GPtrArray  *layout_caches;  /* SignatureCache, most recent last */
  GPtrArray  *size_caches;
  GHashTable *sprites;        /* look (char *) -> cairo_surface_t, see get_sprite() */
  gsize       label_bytes;    /* held by label sprites, see draw_label_sprite() */
  /* measuring: key prefixes for the last style seen, per role */
  char       *measure_family;
  double      measure_size;
  char       *measure_prefixes[CHRONICLE_TEXT_TITLE + 1];
} TextCaches;

static void
generations_init (Generations    *gen,
                  guint           limit,
                  GDestroyNotify  free_value)
{
  gen->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value);
  gen->previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_value);
  gen->limit = limit;
  gen->free_value = free_value;
}

static void
generations_clear (Generations *gen)
{
  g_clear_pointer (&gen->current, g_hash_table_unref);
  g_clear_pointer (&gen->previous, g_hash_table_unref);
}

/* Returns: (transfer none) (nullable): the value for @key */
static gpointer
generations_lookup (Generations *gen,
                    const char  *key)
{
  gpointer value = g_hash_table_lookup (gen->current, key);
  gpointer stolen_key;

  if (value != NULL)
    return value;

  if (!g_hash_table_steal_extended (gen->previous, key, &stolen_key, &value))
    return NULL;

  g_hash_table_insert (gen->current, stolen_key, value);
  return value;
}

/* Takes @key and @value. */
static void
generations_insert (Generations *gen,
                    char        *key,
                    gpointer     value)
{
  if (g_hash_table_size (gen->current) >= gen->limit)
    {
      g_hash_table_unref (gen->previous);
      gen->previous = gen->current;
      gen->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, gen->free_value);
    }
  g_hash_table_insert (gen->current, key, value);
}

static void
signature_cache_free (SignatureCache *cache)
{
  g_clear_object (&cache->context);
  generations_clear (&cache->table);
  g_free (cache);
}

static void
text_caches_free (gpointer data)
{
  TextCaches *caches = data;

  g_ptr_array_unref (caches->layout_caches);
  g_ptr_array_unref (caches->size_caches);
  g_hash_table_unref (caches->sprites);
  g_free (caches->measure_family);
  for (guint i = 0; i < G_N_ELEMENTS (caches->measure_prefixes); i++)
    g_free (caches->measure_prefixes[i]);
  g_free (caches);
}

static GPrivate text_caches_key = G_PRIVATE_INIT (text_caches_free);

static TextCaches *
get_text_caches (void)
{
  TextCaches *caches = g_private_get (&text_caches_key);

  if (caches == NULL)
    {
      caches = g_new0 (TextCaches, 1);
      caches->layout_caches = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_cache_free);
      caches->size_caches = g_ptr_array_new_with_free_func ((GDestroyNotify) signature_cache_free);
      caches->sprites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) cairo_surface_destroy);
      g_private_set (&text_caches_key, caches);
    }

  return caches;
}

/**
 * chronicle_paint_clear_caches:
 *
 * Drops the shaped text and measured sizes that the painter and
 * chronicle_pango_measure() keep for the calling thread. Nothing needs
 * this for correctness (the caches are keyed by everything shaping
 * depends on); it frees memory, and lets benchmarks time a first frame.
 */
void
chronicle_paint_clear_caches (void)
{
  g_private_replace (&text_caches_key, NULL);
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

/* See pango_cairo_update_context(): a context made for @cr shapes with the
 * target's font options, @cr's, and @cr's matrix. */
static void
get_cr_signature (cairo_t   *cr,
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

static void
get_context_signature (PangoContext *context,
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

/* The cache in @caches for @signature; a new one when there is none, for
 * which @cr (if given) makes the layouts' context. */
static SignatureCache *
get_signature_cache (GPtrArray       *caches,
                     const Signature *signature,
                     cairo_t         *cr,
                     guint            limit,
                     GDestroyNotify   free_value)
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
  if (cr != NULL)
    cache->context = pango_cairo_create_context (cr);
  generations_init (&cache->table, limit, free_value);
  g_ptr_array_add (caches, cache);

  return cache;
}

typedef struct
{
  cairo_t              *cr;
  const ChronicleLayout *layout;
  const ChronicleStyle *style;
  SignatureCache       *layouts;    /* shaped text for this cr */
  PangoFontDescription *fonts[CHRONICLE_TEXT_TITLE + 1];
  PangoFontDescription *pill_font;
  char                 *font_keys[CHRONICLE_TEXT_TITLE + 1];
  char                 *pill_font_key;
  ChronicleColor       *category_colors;
  guint                 n_categories;
  ChronicleTextSink     sink;       /* NULL: draw glyphs */
  gpointer              sink_data;

  /* Raster targets: boxes, markers and pills are stamped from sprites
   * rendered once per paint (see init_sprites()). */
  double                device_scale;   /* device px per logical px; 0: draw paths */
  double                sprite_scale;   /* resolution of the sprites */
  double                box_height;     /* of the label box sprites */
  cairo_surface_t     **box_sprites;    /* per category, n_categories + 1 (none) */
  cairo_surface_t     **marker_sprites;
  cairo_surface_t      *pill_sprite;
} Painter;

/* Font for @role. Sizes are absolute px so that measuring (on whatever
 * PangoContext the caller has) and painting agree at any resolution. */
static PangoFontDescription *
create_font (const ChronicleStyle *style,
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

  caches = get_text_caches ();
  get_context_signature (measurer->context, &signature);
  cache = get_signature_cache (caches->size_caches, &signature, NULL, MAX_CACHED_SIZES, g_free);

  /* create_font() depends on the role, the family and the size only; the
   * key's prefix for them is made once per style, not per text (this is
   * called for every label of every frame). */
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
  size = generations_lookup (&cache->table, key);

  if (size == NULL)
    {
      PangoFontDescription *font = create_font (style, role);
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
      generations_insert (&cache->table, key, size);
    }
  else
    g_free (key);

  if (width != NULL)
    *width = size[0];
  if (height != NULL)
    *height = size[1];
}

static void
set_color (cairo_t              *cr,
           const ChronicleColor *color,
           double                alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* @base with @over laid on top at @amount, as one opaque colour. */
static void
mix_color (const ChronicleColor *base,
           const ChronicleColor *over,
           double                amount,
           ChronicleColor       *out)
{
  out->red = base->red + (over->red - base->red) * amount;
  out->green = base->green + (over->green - base->green) * amount;
  out->blue = base->blue + (over->blue - base->blue) * amount;
  out->alpha = base->alpha;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static const ChronicleColor *
get_category_color (Painter *p,
                    guint    category,
                    ChronicleColor *fallback)
{
  if (category < p->n_categories)
    return &p->category_colors[category];

  chronicle_style_palette_color (p->style, G_MAXUINT, fallback);
  return fallback;
}

static void
init_painter (Painter               *p,
              cairo_t               *cr,
              const ChronicleLayout *layout,
              const ChronicleStyle  *style)
{
  GListModel *categories = chronicle_timeline_get_categories (layout->timeline);
  Signature signature;

  p->cr = cr;
  p->layout = layout;
  p->style = style;
  get_cr_signature (cr, &signature);
  p->layouts = get_signature_cache (get_text_caches ()->layout_caches, &signature, cr,
                                    MAX_CACHED_LAYOUTS, g_object_unref);
  for (ChronicleTextRole role = CHRONICLE_TEXT_LABEL; role <= CHRONICLE_TEXT_TITLE; role++)
    {
      p->fonts[role] = create_font (style, role);
      p->font_keys[role] = pango_font_description_to_string (p->fonts[role]);
    }
  p->pill_font = pango_font_description_copy (p->fonts[CHRONICLE_TEXT_TICK]);
  pango_font_description_set_weight (p->pill_font, PANGO_WEIGHT_BOLD);
  p->pill_font_key = pango_font_description_to_string (p->pill_font);

  p->n_categories = g_list_model_get_n_items (categories);
  p->category_colors = g_new0 (ChronicleColor, MAX (p->n_categories, 1));
  for (guint i = 0; i < p->n_categories; i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, i);
      ChronicleColor *c = &p->category_colors[i];

      if (chronicle_category_get_rgb (category, &c->red, &c->green, &c->blue))
        c->alpha = 1.0;
      else
        chronicle_style_palette_color (style, i, c);
    }
}

static void
clear_painter (Painter *p)
{
  p->layouts = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (p->fonts); i++)
    {
      g_clear_pointer (&p->fonts[i], pango_font_description_free);
      g_clear_pointer (&p->font_keys[i], g_free);
    }
  g_clear_pointer (&p->pill_font, pango_font_description_free);
  g_clear_pointer (&p->pill_font_key, g_free);
  g_clear_pointer (&p->category_colors, g_free);
}

/* The text @layout shows on its first line: the ellipsis run stands for
 * the part it hides. */
static char *
get_shown_text (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutLine *line;
  GString *shown;

  if (!pango_layout_is_ellipsized (layout))
    return g_strdup (text);

  shown = g_string_new (NULL);
  line = pango_layout_get_line_readonly (layout, 0);
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (shown, "…");
      else
        g_string_append_len (shown, text + run->item->offset, run->item->length);
    }

  return g_string_free (shown, FALSE);
}

/* The glyphs of a cached layout rendered once as an alpha mask, kept on
 * the layout (so it goes when the layout leaves the cache): drawing a
 * label is then one composite instead of a glyph run, on raster targets
 * when the text sits on whole device pixels. The mask is rendered with
 * the target's font options at the target's scale, so the pixels are
 * those the glyphs would give. */
typedef struct
{
  double           scale;
  unsigned long    options_hash;
  cairo_surface_t *mask;    /* NULL until the text is drawn a second time */
  int              x;       /* of the mask's origin from the layout's, logical px */
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
get_text_mask (Painter     *p,
               PangoLayout *text)
{
  static GQuark quark;
  TextMask *mask;
  cairo_font_options_t *options;
  unsigned long options_hash;
  PangoRectangle ink, logical;
  cairo_t *cr;
  int x0, y0, x1, y1;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chronicle-text-mask");

  options = cairo_font_options_create ();
  cairo_get_font_options (p->cr, options);
  options_hash = hash_font_options (options);

  mask = g_object_get_qdata (G_OBJECT (text), quark);
  if (mask != NULL && mask->scale == p->sprite_scale && mask->options_hash == options_hash &&
      mask->mask != NULL)
    {
      cairo_font_options_destroy (options);
      return mask;
    }

  /* Text drawn once (a view passing by) is not worth a mask: remember
   * it, and make the mask when it comes back. */
  if (mask == NULL || mask->scale != p->sprite_scale || mask->options_hash != options_hash)
    {
      mask = g_new0 (TextMask, 1);
      mask->scale = p->sprite_scale;
      mask->options_hash = options_hash;
      g_object_set_qdata_full (G_OBJECT (text), quark, mask, text_mask_free);
      cairo_font_options_destroy (options);
      return NULL;
    }

  pango_layout_get_pixel_extents (text, &ink, &logical);
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
  cairo_set_font_options (cr, options);
  cairo_move_to (cr, -x0, -y0);
  pango_cairo_show_layout (cr, text);
  cairo_destroy (cr);
  cairo_font_options_destroy (options);

  return mask;
}

static gboolean
is_on_device_pixel (Painter *p,
                    double   pos)
{
  double device = pos * p->device_scale;

  return fabs (device - round (device)) < 1e-6;
}

/* Shows @text with its top-left at (x, y), as glyphs or through the sink. */
static void
show_text (Painter              *p,
           PangoLayout          *text,
           double                x,
           double                y,
           const ChronicleColor *color)
{
  g_autofree char *shown = NULL;

  if (p->sink == NULL && p->device_scale > 0 && p->sprite_scale == p->device_scale &&
      is_on_device_pixel (p, x) && is_on_device_pixel (p, y))
    {
      TextMask *mask = get_text_mask (p, text);

      if (mask != NULL)
        {
          set_color (p->cr, color, 1.0);
          cairo_mask_surface (p->cr, mask->mask, x + mask->x, y + mask->y);
          return;
        }
    }

  if (p->sink == NULL)
    {
      set_color (p->cr, color, 1.0);
      cairo_move_to (p->cr, x, y);
      pango_cairo_show_layout (p->cr, text);
      return;
    }

  shown = get_shown_text (text);
  p->sink (shown, x, y + (double) pango_layout_get_baseline (text) / PANGO_SCALE,
           pango_layout_get_font_description (text), color, p->sink_data);
}

/* @text shaped in @font, ellipsized past @max_width px (no limit when
 * <= 0): from the cache, or shaped now and kept. */
static PangoLayout *
get_text_layout (Painter                    *p,
                 const PangoFontDescription *font,
                 const char                 *font_key,
                 const char                 *text,
                 double                      max_width)
{
  int width = max_width > 0 ? (int) (max_width * PANGO_SCALE) : -1;
  char digits[16], *d = digits + sizeof digits;
  char *key;
  PangoLayout *layout;

  /* The key without printf: this runs for every text of every frame. */
  *--d = '\0';
  if (width <= 0)
    *--d = '-';
  for (unsigned int w = width > 0 ? (unsigned int) width : 0; w > 0; w /= 10)
    *--d = (char) ('0' + w % 10);
  key = g_strconcat (font_key, "\x1f", d, "\x1f", text, NULL);
  layout = generations_lookup (&p->layouts->table, key);

  if (layout != NULL)
    {
      g_free (key);
      return layout;
    }

  layout = pango_layout_new (p->layouts->context);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width);
  pango_layout_set_ellipsize (layout, width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
  generations_insert (&p->layouts->table, key, layout);

  return layout;
}

/* Draws @text in the font for @role with its top-left at (x, y),
 * ellipsized past @max_width (no limit when <= 0). */
static void
draw_text (Painter              *p,
           ChronicleTextRole     role,
           const char           *text,
           double                x,
           double                y,
           double                max_width,
           const ChronicleColor *color)
{
  show_text (p, get_text_layout (p, p->fonts[role], p->font_keys[role], text, max_width), x, y, color);
}

/* @pos (logical px) moved down to a whole device pixel, plus @subpixel
 * device px; only when p->device_scale is set (see init_sprites()). */
static double
snap (Painter *p,
      double   pos,
      double   subpixel)
{
  return (floor (pos * p->device_scale) + subpixel) / p->device_scale;
}

static void
paint_eras (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  const ChronicleStyle *style = p->style;
  cairo_t *cr = p->cr;
  gboolean opaque = FALSE;
  ChronicleColor band = { 0, };

  /* Over our own opaque background, bands that do not overlap are their
   * blend with it, written outright: a fill instead of a blend of a
   * third of the frame. */
  if (style->draw_background && style->background.alpha >= 1.0 && p->device_scale > 0)
    {
      opaque = TRUE;
      for (guint i = 1; i < layout->eras->len; i++)
        for (guint j = 0; j < i; j++)
          {
            const ChronicleLayoutEra *a = &g_array_index (layout->eras, ChronicleLayoutEra, i);
            const ChronicleLayoutEra *b = &g_array_index (layout->eras, ChronicleLayoutEra, j);

            if (a->x0 < b->x1 + 1 && b->x0 < a->x1 + 1)
              opaque = FALSE;
          }
      mix_color (&style->background, &style->era_fill, style->era_fill.alpha, &band);
    }

  for (guint i = 0; i < layout->eras->len; i++)
    {
      const ChronicleLayoutEra *era = &g_array_index (layout->eras, ChronicleLayoutEra, i);

      if (opaque)
        {
          cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
          set_color (cr, &band, 1.0);
        }
      else
        set_color (cr, &p->style->era_fill, 1.0);
      if (p->device_scale > 0)
        {
          /* On whole pixels the band is a plain blend of boxes, several
           * times cheaper than a rasterised polygon of its size. The
           * start line is at floor (x0) + 0.5 anyway. */
          double x0 = snap (p, era->x0, 0), x1 = snap (p, era->x1 + 0.5 / p->device_scale, 0);
          double y0 = snap (p, layout->plot_top + 0.5 / p->device_scale, 0);
          double y1 = snap (p, layout->plot_bottom + 0.5 / p->device_scale, 0);

          cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
        }
      else
        cairo_rectangle (cr, era->x0, layout->plot_top, era->x1 - era->x0, layout->plot_bottom - layout->plot_top);
      cairo_fill (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

      /* A firm line where the era starts, if that is in view. */
      if (era->x0 > 0)
        {
          set_color (cr, &p->style->accent, 0.45);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, floor (era->x0) + 0.5, layout->plot_top);
          cairo_line_to (cr, floor (era->x0) + 0.5, layout->plot_bottom);
          cairo_stroke (cr);
        }

      if (era->label != NULL && era->label_rect.width > 0)
        {
          ChronicleColor color = p->style->dim_foreground;

          draw_text (p, CHRONICLE_TEXT_ERA, era->label,
                     era->label_rect.x, era->label_rect.y, era->label_rect.width + 2, &color);
        }
    }
}

/* An 8 px tile with one diagonal stroke, repeated over break bands. A
 * pattern rather than long lines: cheap on images, and vector output
 * gets a pattern too (the tile is similar to the target surface). */
static cairo_pattern_t *
create_hatch_pattern (Painter *p)
{
  /* An image tile on every target: cairo 1.16 leaks the similar surfaces
   * its SVG backend creates. */
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_pattern_t *pattern;
  cairo_t *cr = cairo_create (tile);

  set_color (cr, &p->style->break_fill, 1.0);
  cairo_paint (cr);
  set_color (cr, &p->style->grid, 1.0);
  cairo_set_line_width (cr, 1.0);
  /* the stroke continues across tile edges */
  cairo_move_to (cr, -1, 9);
  cairo_line_to (cr, 9, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, 7, 9);
  cairo_line_to (cr, 9, 7);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);

  return pattern;
}

static void
paint_breaks (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  double top = layout->plot_top, bottom = layout->plot_bottom;
  cairo_pattern_t *hatch;

  if (layout->breaks->len == 0)
    return;

  hatch = create_hatch_pattern (p);
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double x0 = MAX (brk->x0, -1), x1 = MIN (brk->x1, layout->width + 1);

      cairo_set_source (cr, hatch);
      cairo_rectangle (cr, x0, top, x1 - x0, bottom - top);
      cairo_fill (cr);
    }
  cairo_pattern_destroy (hatch);
}

static void
paint_grid (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;

  set_color (cr, &p->style->grid, 1.0);
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);
      double x = floor (tick->x) + 0.5;

      if (tick->text == NULL)
        continue;
      cairo_move_to (cr, x, layout->plot_top);
      cairo_line_to (cr, x, layout->axis_y);
    }
  cairo_stroke (cr);
}

/* Axis line with a gap and a double slash at each break. */
static void
paint_axis (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  double y = layout->axis_y, x = 0;

  set_color (cr, &p->style->axis, 1.0);
  cairo_set_line_width (cr, 2.0);
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double mid = (brk->x0 + brk->x1) / 2;

      cairo_move_to (cr, x, y);
      cairo_line_to (cr, mid - 5, y);
      cairo_stroke (cr);
      x = mid + 5;

      cairo_save (cr);
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      for (int s = -1; s <= 1; s += 2)
        {
          cairo_move_to (cr, mid + s * 5 - 4, y + 8);
          cairo_line_to (cr, mid + s * 5 + 4, y - 8);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, layout->width, y);
  cairo_stroke (cr);
}

static void
paint_ticks (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;

  /* The marks in two strokes, major and minor, then the labels. */
  cairo_set_line_width (cr, 1.0);
  for (int major = 0; major <= 1; major++)
    {
      for (guint i = 0; i < layout->ticks->len; i++)
        {
          const ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);
          double x = floor (tick->x) + 0.5;

          if (!tick->major != !major)
            continue;
          cairo_move_to (cr, x, layout->axis_y + 1);
          cairo_line_to (cr, x, layout->axis_y + (major ? 7 : 5));
        }
      set_color (cr, &p->style->axis, major ? 1.0 : 0.7);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);

      if (tick->text != NULL)
        draw_text (p, CHRONICLE_TEXT_TICK, tick->text,
                   tick->x - tick->label_width / 2, layout->tick_label_y, 0,
                   tick->major ? &p->style->foreground : &p->style->dim_foreground);
    }
}

/* Leaders go up (or down) from the axis to their label. Stroked once per
 * colour rather than once per item: hundreds of strokes cost more in
 * cairo's setup than in pixels. */
static void
paint_leaders (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;
  double below_start = layout->tick_label_y + layout->tick_label_height + 2;
  guint n_groups = 2 * (p->n_categories + 1);  /* (category or none) x (marker, bar) */

  cairo_set_line_width (cr, 1.0);
  for (guint group = 0; group < n_groups; group++)
    {
      guint category = group / 2 < p->n_categories ? group / 2 : G_MAXUINT;
      gboolean markers = group % 2 == 0;
      gboolean any = FALSE;
      ChronicleColor fallback;

      for (guint i = 0; i < layout->items->len; i++)
        {
          const ChronicleLayoutItem *item = &items[i];
          guint item_category = item->category < p->n_categories ? item->category : G_MAXUINT;
          double x, y0, y1;

          if (item->kind == CHRONICLE_ITEM_CLUSTER || item_category != category ||
              (item->kind == CHRONICLE_ITEM_MARKER) != markers)
            continue;

          x = item->kind == CHRONICLE_ITEM_MARKER ? item->x : MAX (item->x, 0) + 0.5;
          x = floor (x) + 0.5;

          if (item->kind == CHRONICLE_ITEM_MARKER)
            {
              y0 = item->lane > 0 ? layout->axis_y : below_start;
              y1 = item->lane > 0 ? item->label.y + item->label.height : item->label.y;
            }
          else
            {
              /* From the bar's start down (or up) to the axis. */
              y0 = item->lane > 0 ? item->axis_y : MAX (below_start, layout->axis_y);
              y1 = item->lane > 0 ? layout->axis_y : item->axis_y;
            }

          if (item->kind == CHRONICLE_ITEM_MARKER && item->lane < 0)
            {
              /* Stub under the marker, then pass behind the tick labels. */
              cairo_move_to (cr, x, layout->axis_y);
              cairo_line_to (cr, x, layout->axis_y + CHRONICLE_MARKER_RADIUS + 3);
            }
          cairo_move_to (cr, x, y0);
          cairo_line_to (cr, x, y1);
          any = TRUE;
        }

      if (!any)
        continue;
      set_color (cr, get_category_color (p, category, &fallback), markers ? 0.7 : 0.45);
      cairo_stroke (cr);
    }
}

static void
paint_spans (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  /* Where each bar's span lies on the axis itself. */
  cairo_set_line_width (cr, 4.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      ChronicleColor fallback;
      double x0, x1;

      if (item->kind != CHRONICLE_ITEM_BAR)
        continue;

      x0 = MAX (item->x, -4);
      x1 = MIN (MAX (item->x2, item->x + 2), layout->width + 4);
      set_color (cr, get_category_color (p, item->category, &fallback), 0.5);
      cairo_move_to (cr, x0, layout->axis_y);
      cairo_line_to (cr, x1, layout->axis_y);
      cairo_stroke (cr);
    }
}

/* A label box: opaque box tinted with the category, outlined, with the
 * category strip at its left. */
static void
draw_label_box_path (Painter              *p,
                     cairo_t              *cr,
                     double                x,
                     double                y,
                     double                width,
                     double                height,
                     const ChronicleColor *color)
{
  const ChronicleStyle *style = p->style;
  ChronicleColor tint;

  rounded_rect (cr, x, y, width, height, 4);
  mix_color (&style->background, color, style->dark ? 0.2 : 0.1, &tint);
  set_color (cr, &tint, 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, color, 0.35);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);

  /* The strip follows the box's rounded left corners; a path, not a
   * clip, because clipping to rounded shapes is slow on images. */
  set_color (cr, color, 1.0);
  cairo_new_sub_path (cr);
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
  set_color (cr, &p->style->background, 1.0);
  cairo_fill (cr);
  cairo_arc (cr, x, y, CHRONICLE_MARKER_RADIUS, 0, 2 * G_PI);
  set_color (cr, color, 1.0);
  cairo_fill (cr);
}

/* Cluster pill: background, a grey wash, a grey outline. */
static void
draw_pill_path (Painter *p,
                cairo_t *cr,
                double   x,
                double   y,
                double   width,
                double   height)
{
  const ChronicleStyle *style = p->style;

  rounded_rect (cr, x, y, width, height, height / 2);
  set_color (cr, &style->background, 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, &style->dim_foreground, 0.16);
  cairo_fill_preserve (cr);
  set_color (cr, &style->dim_foreground, 0.6);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

/*
 * Sprites. Antialiased rounded paths cost cairo's rasteriser tens of
 * microseconds each, and a dense frame has hundreds; on image targets
 * (and GTK's recording surfaces, replayed to images) the painter renders
 * each look once per paint and stamps it: a box or pill is its sprite's
 * left part plus its right end, so one sprite serves every width. The
 * shapes are drawn with the same path code, at positions snapped to
 * device pixels; vector targets (SVG, PDF) always get the paths.
 */
#define SPRITE_MARGIN      1.0    /* logical px around the shape: strokes reach out */
#define SPRITE_BOX_WIDTH   320.0  /* wider boxes fall back to paths */
#define SPRITE_END         8.0    /* right end taken from the sprite's end */
#define SPRITE_MARKER      9.0    /* half the marker sprite's size */

/* The sprite for @key from the thread's cache (new reference), or NULL.
 * Sprites depend on colours, sizes and scale only, so they outlive a
 * paint; the few looks a chart has are kept, and all dropped past 256. */
static cairo_surface_t *
lookup_sprite (const char *key)
{
  cairo_surface_t *sprite = g_hash_table_lookup (get_text_caches ()->sprites, key);

  return sprite != NULL ? cairo_surface_reference (sprite) : NULL;
}

/* Takes @key; keeps a reference to @sprite. */
static void
store_sprite (char            *key,
              cairo_surface_t *sprite)
{
  GHashTable *sprites = get_text_caches ()->sprites;

  if (g_hash_table_size (sprites) >= 256)
    g_hash_table_remove_all (sprites);
  g_hash_table_insert (sprites, key, cairo_surface_reference (sprite));
}

static char *
describe_color (const ChronicleColor *color)
{
  return g_strdup_printf ("%.5f,%.5f,%.5f,%.5f", color->red, color->green, color->blue, color->alpha);
}

static cairo_surface_t *
create_sprite (Painter  *p,
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

static void
init_sprites (Painter *p)
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
  p->box_height = layout->label_height + 2 * CHRONICLE_LABEL_PAD_Y;
}

static void
clear_sprites (Painter *p)
{
  guint n = p->n_categories + 1;

  for (guint i = 0; p->box_sprites != NULL && i < n; i++)
    g_clear_pointer (&p->box_sprites[i], cairo_surface_destroy);
  for (guint i = 0; p->marker_sprites != NULL && i < n; i++)
    g_clear_pointer (&p->marker_sprites[i], cairo_surface_destroy);
  g_clear_pointer (&p->box_sprites, g_free);
  g_clear_pointer (&p->marker_sprites, g_free);
  g_clear_pointer (&p->pill_sprite, cairo_surface_destroy);
}

/* Paints columns [x0, x0 + width) of the area at (x, y) from @sprite
 * placed at (sx, y). */
static void
stamp (cairo_t         *cr,
       cairo_surface_t *sprite,
       double           sx,
       double           x,
       double           y,
       double           width,
       double           height)
{
  cairo_set_source_surface (cr, sprite, sx, y);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
}

/* Stamps a box or pill of @width at (x, y) (snapped) from @sprite, a
 * SPRITE_BOX_WIDTH wide rendering of it with SPRITE_MARGIN around. */
static void
stamp_box (Painter         *p,
           cairo_surface_t *sprite,
           double           x,
           double           y,
           double           width,
           double           height)
{
  cairo_t *cr = p->cr;
  double full = SPRITE_BOX_WIDTH + 2 * SPRITE_MARGIN, h = height + 2 * SPRITE_MARGIN;
  double w = width + 2 * SPRITE_MARGIN;
  double left = x - SPRITE_MARGIN;

  stamp (cr, sprite, left, left, y - SPRITE_MARGIN, w - SPRITE_END, h);
  stamp (cr, sprite, left + w - full, left + w - SPRITE_END, y - SPRITE_MARGIN, SPRITE_END, h);
}

static guint
sprite_index (Painter *p,
              guint    category)
{
  return category < p->n_categories ? category : p->n_categories;
}

/* Draws a label box at (x, y); returns where it went, which is (x, y)
 * except when snapped for a sprite. */
static void
draw_label_box (Painter              *p,
                guint                 category,
                const ChronicleColor *color,
                const ChronicleRect  *box,
                double               *x,
                double               *y)
{
  guint index = sprite_index (p, category);
  double width;

  *x = box->x;
  *y = box->y;
  if (p->device_scale == 0 || box->width > SPRITE_BOX_WIDTH || box->width < 2 * SPRITE_END ||
      fabs (box->height - p->box_height) > 1e-6)
    {
      draw_label_box_path (p, p->cr, box->x, box->y, box->width, box->height, color);
      return;
    }

  if (p->box_sprites[index] == NULL)
    {
      g_autofree char *c = describe_color (color);
      g_autofree char *b = describe_color (&p->style->background);
      char *key = g_strdup_printf ("box %g %g %s %s %d", p->sprite_scale, p->box_height, c, b, p->style->dark);

      p->box_sprites[index] = lookup_sprite (key);
      if (p->box_sprites[index] == NULL)
        {
          cairo_t *cr;

          p->box_sprites[index] = create_sprite (p, SPRITE_BOX_WIDTH + 2 * SPRITE_MARGIN,
                                                 p->box_height + 2 * SPRITE_MARGIN, &cr);
          draw_label_box_path (p, cr, SPRITE_MARGIN, SPRITE_MARGIN, SPRITE_BOX_WIDTH, p->box_height, color);
          cairo_destroy (cr);
          store_sprite (g_steal_pointer (&key), p->box_sprites[index]);
        }
      g_free (key);
    }

  *x = snap (p, box->x, 0);
  *y = snap (p, box->y, 0);
  width = round (box->width * p->device_scale) / p->device_scale;
  stamp_box (p, p->box_sprites[index], *x, *y, width, box->height);
}

static void
draw_marker (Painter              *p,
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
  cx = snap (p, x, 0.5);
  cy = y;
  if (p->marker_sprites[index] == NULL)
    {
      double fy = cy * p->device_scale - floor (cy * p->device_scale);
      g_autofree char *c = describe_color (color);
      g_autofree char *b = describe_color (&p->style->background);
      char *key = g_strdup_printf ("marker %g %g %g %s %s", p->sprite_scale, p->device_scale, fy, c, b);

      p->marker_sprites[index] = lookup_sprite (key);
      if (p->marker_sprites[index] == NULL)
        {
          cairo_t *cr;

          p->marker_sprites[index] = create_sprite (p, size, size + 1, &cr);
          draw_marker_path (p, cr, SPRITE_MARKER + 0.5 / p->device_scale,
                            SPRITE_MARKER + fy / p->device_scale, color);
          cairo_destroy (cr);
          store_sprite (g_steal_pointer (&key), p->marker_sprites[index]);
        }
      g_free (key);
    }

  stamp (p->cr, p->marker_sprites[index], cx - SPRITE_MARKER - 0.5 / p->device_scale,
         cx - SPRITE_MARKER - 0.5 / p->device_scale, snap (p, cy, 0) - SPRITE_MARKER, size, size + 1);
}

/*
 * A label drawn in several frames in a row (what zooming and panning
 * does) becomes one sprite, box and text together, kept with its shaped
 * layout: one composite per label instead of two box stamps and a text
 * mask. Only on raster targets at the target's resolution, only from the
 * second time a label is drawn the same way, and within a memory budget
 * per thread; everything else takes the path above.
 */
#define LABEL_SPRITE_BUDGET (32 * 1024 * 1024)  /* bytes per thread */

/* What a label sprite shows besides its text; compared bytewise, so
 * zeroed before being filled. */
typedef struct
{
  double         scale;
  double         width;
  double         height;
  unsigned long  options_hash;
  ChronicleColor color;
  ChronicleColor background;
  ChronicleColor foreground;
  gboolean       dark;
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
static gboolean
draw_label_sprite (Painter                   *p,
                   const ChronicleLayoutItem *item,
                   const ChronicleColor      *color)
{
  static GQuark quark;
  const ChronicleRect *box = &item->label;
  const ChronicleStyle *style = p->style;
  TextCaches *caches = get_text_caches ();
  double text_width = box->width - CHRONICLE_LABEL_STRIP - CHRONICLE_LABEL_PAD_X - 1;
  double width, x, y;
  cairo_font_options_t *options;
  LabelLook look;
  PangoLayout *text;
  LabelSprite *label;
  cairo_t *cr;

  if (p->device_scale == 0 || p->sprite_scale != p->device_scale || item->text == NULL ||
      box->width > SPRITE_BOX_WIDTH || box->width < 2 * SPRITE_END || fabs (box->height - p->box_height) > 1e-6)
    return FALSE;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chronicle-label-sprite");

  text = get_text_layout (p, p->fonts[CHRONICLE_TEXT_LABEL], p->font_keys[CHRONICLE_TEXT_LABEL],
                          item->text, text_width);
  width = round (box->width * p->device_scale) / p->device_scale;
  x = snap (p, box->x, 0);
  y = snap (p, box->y, 0);

  options = cairo_font_options_create ();
  cairo_get_font_options (p->cr, options);
  memset (&look, 0, sizeof look);
  look.scale = p->sprite_scale;
  look.width = width;
  look.height = box->height;
  look.options_hash = hash_font_options (options);
  look.color = *color;
  look.background = style->background;
  look.foreground = style->foreground;
  look.dark = style->dark;

  label = g_object_get_qdata (G_OBJECT (text), quark);
  if (label != NULL && label->sprite != NULL && memcmp (&label->look, &look, sizeof look) == 0)
    {
      cairo_font_options_destroy (options);
      stamp (p->cr, label->sprite, x - SPRITE_MARGIN, x - SPRITE_MARGIN, y - SPRITE_MARGIN,
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
      cairo_font_options_destroy (options);
      return FALSE;
    }

  g_assert (label->sprite == NULL && label->bytes == 0);

  label->bytes = (gsize) (ceil ((width + 2 * SPRITE_MARGIN) * p->sprite_scale) *
                          ceil ((box->height + 2 * SPRITE_MARGIN) * p->sprite_scale) * 4);
  if (caches->label_bytes + label->bytes > LABEL_SPRITE_BUDGET)
    {
      label->bytes = 0;
      cairo_font_options_destroy (options);
      return FALSE;
    }
  caches->label_bytes += label->bytes;

  label->sprite = create_sprite (p, width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN, &cr);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  draw_label_box_path (p, cr, SPRITE_MARGIN, SPRITE_MARGIN, width, box->height, color);
  set_color (cr, &style->foreground, 1.0);
  cairo_move_to (cr, SPRITE_MARGIN + CHRONICLE_LABEL_STRIP + CHRONICLE_LABEL_PAD_X,
                 SPRITE_MARGIN + CHRONICLE_LABEL_PAD_Y);
  pango_cairo_show_layout (cr, text);
  cairo_destroy (cr);

  stamp (p->cr, label->sprite, x - SPRITE_MARGIN, x - SPRITE_MARGIN, y - SPRITE_MARGIN,
         width + 2 * SPRITE_MARGIN, box->height + 2 * SPRITE_MARGIN);
  return TRUE;
}

static void
paint_items (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  const ChronicleStyle *style = p->style;
  cairo_t *cr = p->cr;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      ChronicleColor fallback;
      const ChronicleColor *color;
      const ChronicleRect *box = &item->label;
      double bx, by;

      if (item->kind == CHRONICLE_ITEM_CLUSTER)
        continue;

      color = get_category_color (p, item->category, &fallback);

      if (item->kind == CHRONICLE_ITEM_BAR)
        {
          double x0 = MAX (item->x, -4);
          double x1 = MIN (MAX (item->x2, item->x + 3), layout->width + 4);

          set_color (cr, color, 1.0);
          rounded_rect (cr, x0, item->axis_y - CHRONICLE_BAR_HEIGHT / 2, x1 - x0, CHRONICLE_BAR_HEIGHT, 3);
          cairo_fill (cr);
        }
      else
        draw_marker (p, item->category, color, item->x, item->axis_y);

      if (box->width <= 0 || draw_label_sprite (p, item, color))
        continue;

      draw_label_box (p, item->category, color, box, &bx, &by);

      if (item->text != NULL)
        /* The measured width already fits; the slack absorbs hinting
         * differences between the measuring and the painting context. */
        draw_text (p, CHRONICLE_TEXT_LABEL, item->text,
                   bx + CHRONICLE_LABEL_STRIP + CHRONICLE_LABEL_PAD_X,
                   by + CHRONICLE_LABEL_PAD_Y,
                   box->width - CHRONICLE_LABEL_STRIP - CHRONICLE_LABEL_PAD_X - 1,
                   &style->foreground);
    }
}

static void
paint_clusters (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  const ChronicleStyle *style = p->style;
  cairo_t *cr = p->cr;
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      const ChronicleRect *box = &item->label;
      g_autofree char *text = NULL;
      PangoLayout *pill;
      int tw, th;

      if (item->kind != CHRONICLE_ITEM_CLUSTER)
        continue;

      /* The stretch of axis the cluster gathers, then the pill. */
      set_color (cr, &style->dim_foreground, 0.6);
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, item->x, layout->axis_y - 3.5);
      cairo_line_to (cr, MAX (item->x2, item->x + 1), layout->axis_y - 3.5);
      cairo_stroke (cr);

      if (p->device_scale == 0 || box->width > SPRITE_BOX_WIDTH || box->width < 2 * SPRITE_END ||
          box->height != CHRONICLE_PILL_HEIGHT)
        draw_pill_path (p, cr, box->x, box->y, box->width, box->height);
      else
        {
          if (p->pill_sprite == NULL)
            {
              g_autofree char *d = describe_color (&style->dim_foreground);
              g_autofree char *b = describe_color (&style->background);
              char *key = g_strdup_printf ("pill %g %s %s", p->sprite_scale, d, b);

              p->pill_sprite = lookup_sprite (key);
              if (p->pill_sprite == NULL)
                {
                  cairo_t *sprite_cr;

                  p->pill_sprite = create_sprite (p, SPRITE_BOX_WIDTH + 2 * SPRITE_MARGIN,
                                                  CHRONICLE_PILL_HEIGHT + 2 * SPRITE_MARGIN, &sprite_cr);
                  draw_pill_path (p, sprite_cr, SPRITE_MARGIN, SPRITE_MARGIN, SPRITE_BOX_WIDTH,
                                  CHRONICLE_PILL_HEIGHT);
                  cairo_destroy (sprite_cr);
                  store_sprite (g_steal_pointer (&key), p->pill_sprite);
                }
              g_free (key);
            }
          stamp_box (p, p->pill_sprite, snap (p, box->x, 0), snap (p, box->y, 0),
                     round (box->width * p->device_scale) / p->device_scale, box->height);
        }

      text = g_strdup_printf ("+%u", item->n_events);
      pill = get_text_layout (p, p->pill_font, p->pill_font_key, text, 0);
      pango_layout_get_size (pill, &tw, &th);
      show_text (p, pill, box->x + (box->width - (double) tw / PANGO_SCALE) / 2,
                 box->y + (box->height - (double) th / PANGO_SCALE) / 2, &style->foreground);
    }
}

static void
paint_legend (Painter *p)
{
  const ChronicleLayout *layout = p->layout;
  cairo_t *cr = p->cr;

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronicleLayoutLegendEntry, i);
      const ChronicleRect *s = &entry->swatch;

      if (entry->is_break)
        {
          double mid = s->x + s->width / 2, y = s->y + s->height / 2;

          set_color (cr, &p->style->axis, 1.0);
          cairo_set_line_width (cr, 2.0);
          cairo_move_to (cr, s->x, y);
          cairo_line_to (cr, mid - 3, y);
          cairo_move_to (cr, mid + 3, y);
          cairo_line_to (cr, s->x + s->width, y);
          cairo_stroke (cr);
          cairo_save (cr);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          for (int k = -1; k <= 1; k += 2)
            {
              cairo_move_to (cr, mid + k * 3 - 2.5, y + 5);
              cairo_line_to (cr, mid + k * 3 + 2.5, y - 5);
            }
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      else if (entry->hidden)
        {
          ChronicleColor fallback;

          /* A hollow swatch: the colour stays recognisable, the events
           * are not drawn. */
          rounded_rect (cr, s->x + 0.75, s->y + 0.75, s->width - 1.5, s->height - 1.5, 2.5);
          set_color (cr, get_category_color (p, entry->category, &fallback), 0.8);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        {
          ChronicleColor fallback;

          rounded_rect (cr, s->x, s->y, s->width, s->height, 3);
          set_color (cr, get_category_color (p, entry->category, &fallback), 1.0);
          cairo_fill (cr);
        }

      if (entry->hidden)
        {
          ChronicleColor faint = p->style->dim_foreground;
          double mid = floor (entry->text.y + entry->text.height / 2) + 0.5;

          faint.alpha *= 0.6;
          draw_text (p, CHRONICLE_TEXT_LABEL, entry->label,
                     entry->text.x, entry->text.y, 0, &faint);
          set_color (cr, &faint, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, entry->text.x - 1, mid);
          cairo_line_to (cr, entry->text.x + entry->text.width + 1, mid);
          cairo_stroke (cr);
        }
      else
        draw_text (p, CHRONICLE_TEXT_LABEL, entry->label,
                   entry->text.x, entry->text.y, 0, &p->style->dim_foreground);
    }
}

/**
 * chronicle_paint:
 * @cr: where to paint, in logical px
 * @layout: what to paint
 * @style: how it looks
 *
 * Paints the whole chart: background (if the style asks for one), eras,
 * breaks, axis, events, clusters, legend and title.
 */
void
chronicle_paint (cairo_t               *cr,
                 const ChronicleLayout *layout,
                 const ChronicleStyle  *style)
{
  chronicle_paint_with_text_sink (cr, layout, style, NULL, NULL);
}

/**
 * chronicle_paint_with_text_sink:
 * @cr: where to paint, in logical px
 * @layout: what to paint
 * @style: how it looks
 * @sink: (nullable): receives the text instead of it being drawn
 * @sink_data: data for @sink
 *
 * Paints like chronicle_paint(), but hands every run of text to @sink.
 */
void
chronicle_paint_with_text_sink (cairo_t               *cr,
                                const ChronicleLayout *layout,
                                const ChronicleStyle  *style,
                                ChronicleTextSink      sink,
                                gpointer               sink_data)
{
  Painter p = { 0, };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  cairo_save (cr);
  init_painter (&p, cr, layout, style);
  p.sink = sink;
  p.sink_data = sink_data;
  init_sprites (&p);

  if (style->draw_background)
    {
      set_color (cr, &style->background, 1.0);
      cairo_rectangle (cr, 0, 0, layout->width, layout->height);
      cairo_fill (cr);
    }

  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_clip (cr);

  paint_eras (&p);
  paint_breaks (&p);
  paint_grid (&p);
  paint_leaders (&p);
  paint_axis (&p);
  paint_spans (&p);
  paint_ticks (&p);
  paint_items (&p);
  paint_clusters (&p);
  paint_legend (&p);

  if (layout->title != NULL)
    draw_text (&p, CHRONICLE_TEXT_TITLE, layout->title,
               layout->title_rect.x, layout->title_rect.y, layout->title_rect.width + 2, &style->foreground);

  clear_sprites (&p);
  clear_painter (&p);
  cairo_restore (cr);
}

/**
 * chronicle_paint_highlight:
 * @event: timeline position of the event
 * @selected: %TRUE for the selection, %FALSE for the lighter hover look
 *
 * Outlines the item showing @event (or its cluster) in the accent colour.
 * Does nothing when the event is not visible.
 */
void
chronicle_paint_highlight (cairo_t               *cr,
                           const ChronicleLayout *layout,
                           const ChronicleStyle  *style,
                           guint                  event,
                           gboolean               selected)
{
  const ChronicleLayoutItem *item;
  double alpha = selected ? 1.0 : 0.55;
  double line = selected ? 2.5 : 1.5;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (style != NULL);

  item = chronicle_layout_find_event (layout, event);
  if (item == NULL)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, line);

  if (selected)
    {
      /* A soft halo under the outline. */
      set_color (cr, &style->accent, 0.18);
      if (item->kind == CHRONICLE_ITEM_MARKER)
        cairo_arc (cr, item->x, item->axis_y, CHRONICLE_MARKER_RADIUS + 7, 0, 2 * G_PI);
      else
        rounded_rect (cr, item->label.x - 4, item->label.y - 4, item->label.width + 8, item->label.height + 8, 8);
      cairo_fill (cr);
    }

  set_color (cr, &style->accent, alpha);
  if (item->kind == CHRONICLE_ITEM_CLUSTER)
    {
      rounded_rect (cr, item->label.x - 2, item->label.y - 2, item->label.width + 4, item->label.height + 4,
                    item->label.height / 2 + 2);
      cairo_stroke (cr);
    }
  else
    {
      if (item->kind == CHRONICLE_ITEM_MARKER)
        cairo_arc (cr, item->x, item->axis_y, CHRONICLE_MARKER_RADIUS + 3.5, 0, 2 * G_PI);
      else
        {
          double x0 = MAX (item->x, -4);
          double x1 = MIN (MAX (item->x2, item->x + 3), layout->width + 4);

          rounded_rect (cr, x0 - 2, item->axis_y - CHRONICLE_BAR_HEIGHT / 2 - 2, x1 - x0 + 4,
                        CHRONICLE_BAR_HEIGHT + 4, 5);
        }
      cairo_stroke (cr);

      if (item->label.width > 0)
        {
          rounded_rect (cr, item->label.x - 1.5, item->label.y - 1.5,
                        item->label.width + 3, item->label.height + 3, 5);
          cairo_stroke (cr);
        }
    }

  cairo_restore (cr);
}
