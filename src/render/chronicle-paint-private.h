/* chronicle-paint-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>
#include <pixman.h>

#include "chronicle-paint.h"
#include "chronicle-layout-private.h"
#include "chronicle-shaped-text-private.h"

G_BEGIN_DECLS

/* Shared by the painter (chronicle-paint.c), its text caches and sprites
 * (chronicle-paint-cache.c) and the Pango measurer
 * (chronicle-text-measure.c); not for the rest of the library. */

/*
 * Text caches. Shaping a title with Pango costs far more than drawing
 * its glyphs, and a zoom or pan shows mostly the same titles frame after
 * frame; so shaped text (ChronicleShapedText) is kept, per thread (no
 * locks; export threads get their own), keyed by everything the shaping
 * depends on: font map and its serial, font options, the linear part of
 * the matrix, the font and the text. The measurer shapes a label and the
 * painter draws the same glyphs when both use the layout's context.
 *
 * Each table has two generations: lookups move hits into the current one,
 * and when it is full the previous one is dropped, so memory stays bounded
 * and what recent frames used survives.
 */
#define MAX_CACHED_TEXTS     4096   /* per generation and signature */
#define MAX_SIGNATURES       4

/* Slots of a Generations' front cache, a power of two. */
#define GENERATIONS_FRONT    1024

/* A slot of the front cache: a key of the tables (owned by them) and its
 * value, found again by the address of the text it was looked up for. */
typedef struct
{
  const char *text;      /* the caller's text, compared by address first */
  const char *key;       /* the tables' key: font key + text */
  gpointer    value;
} GenerationsSlot;

typedef struct
{
  GHashTable *current;   /* char * -> value */
  GHashTable *previous;
  /* The generation before previous, freed a batch at a time as new
   * values come in (see _chronicle_paint_generations_insert()); NULL
   * when empty. */
  GHashTable *dying;
  guint       inserts_since_drain;
  guint       limit;
  GDestroyNotify free_value;
  /* Before the tables: labels drawn again pass the same title pointers
   * frame after frame (the events' own strings), so a slot chosen by the
   * pointer and checked by comparing the text finds them without
   * building a key and hashing it with the keyed SipHash the tables need
   * (their keys are file text). Emptied whenever a value may be freed. */
  GenerationsSlot *front;
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
  PangoContext *context;  /* what the texts are shaped with */
  GHashTable   *shapers;  /* font key -> ChronicleShaper */
  Generations   table;    /* font key + text -> ChronicleShapedText */
} SignatureCache;

/* A label box of one width, stamped whole (see draw_label_box()). */
typedef struct
{
  cairo_surface_t *base;      /* the category's box sprite it was cut from (a reference) */
  int              width;     /* device px */
  int              height;    /* device px */
  double           scale;
  cairo_surface_t *sprite;    /* NULL until asked for a second time */
} WideBox;

#define N_WIDE_BOXES 128

typedef struct
{
  GPtrArray  *text_caches;    /* SignatureCache, most recent last */
  GHashTable *sprites;        /* look (char *) -> cairo_surface_t, see get_sprite() */
  WideBox     wide_boxes[N_WIDE_BOXES];
  gsize       label_bytes;    /* held by label sprites, see draw_label_sprite() */
  /* measuring: fonts and their keys for the last style seen, per role */
  char                 *measure_family;
  double                measure_size;
  PangoFontDescription *measure_fonts[CHRONICLE_TEXT_TITLE + 1];
  char                 *measure_keys[CHRONICLE_TEXT_TITLE + 1];
} TextCaches;

typedef struct
{
  cairo_t              *cr;
  const ChronicleLayout *layout;
  const ChronicleStyle *style;
  SignatureCache       *texts;      /* shaped text for this paint */
  PangoFontDescription *fonts[CHRONICLE_TEXT_TITLE + 1];
  PangoFontDescription *pill_font;
  char                 *font_keys[CHRONICLE_TEXT_TITLE + 1];
  char                 *pill_font_key;
  ChronicleColor       *category_colors;
  guint                 n_categories;
  cairo_font_options_t *font_options;       /* of cr, see _chronicle_paint_init_font_options() */
  unsigned long         font_options_hash;
  ChronicleTextSink     sink;       /* NULL: draw glyphs */
  gpointer              sink_data;

  /* Raster targets: boxes, markers and pills are stamped from sprites
   * rendered once per paint (see init_sprites()). */
  double                device_scale;   /* device px per logical px; 0: draw paths */
  double                sprite_scale;   /* resolution of the sprites */
  double                box_height;     /* of the label box sprites */
  cairo_surface_t     **box_sprites;    /* per category, n_categories + 1 (none) */
  cairo_surface_t     **marker_sprites;
  cairo_surface_t     **dot_sprites;    /* per category × the four dot looks, see _chronicle_paint_draw_dot() */
  cairo_surface_t      *pill_sprite;

  /* Image targets: sprites composited onto the target's pixels with
   * pixman (see chronicle-paint-blit.c); NULL: through cairo. */
  pixman_image_t       *blit_target;
  cairo_surface_t      *blit_surface;   /* not a reference: p->cr's target */
  int                   blit_x;         /* device px of user (0, 0) */
  int                   blit_y;
  pixman_box32_t        blit_clip;      /* device px */
} Painter;

/* Draws a dot mark (a date without a time, or an estimate) centred on
 * (x, y) into @cr: the painter's own drawing, for paths and sprites. */
typedef void (*ChronicleDotPathFunc) (Painter              *p,
                                      cairo_t              *cr,
                                      double                x,
                                      double                y,
                                      const ChronicleColor *color,
                                      const ChronicleColor *fill,
                                      gboolean              dashed);

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

/* chronicle-paint-cache.c: text caches */
TextCaches     *_chronicle_paint_get_text_caches     (void);
void            _chronicle_paint_forget_shaped_text  (void);
double          _chronicle_paint_leader_top          (const ChronicleLayout      *layout,
                                                      double                      x,
                                                      double                      y);
void            _chronicle_paint_generations_init    (Generations                *gen,
                                                      guint                       limit,
                                                      GDestroyNotify              free_value);
void            _chronicle_paint_generations_clear   (Generations                *gen);
guint           _chronicle_paint_count_wide_boxes    (void);
gpointer        _chronicle_paint_generations_lookup  (Generations                *gen,
                                                      const char                 *key);
void            _chronicle_paint_generations_insert  (Generations                *gen,
                                                      char                       *key,
                                                      gpointer                    value);
void            _chronicle_paint_init_font_options   (Painter                    *p);
void            _chronicle_paint_get_cr_signature    (cairo_t                    *cr,
                                                      Signature                  *signature);
void            _chronicle_paint_get_context_signature (PangoContext             *context,
                                                        Signature                *signature);
SignatureCache *_chronicle_paint_get_signature_cache (GPtrArray                  *caches,
                                                      const Signature            *signature,
                                                      PangoContext               *context,
                                                      cairo_t                    *cr);
char           *_chronicle_paint_make_font_key       (const ChronicleStyle       *style,
                                                      guint                       role);
ChronicleShapedText *_chronicle_paint_lookup_text    (SignatureCache             *cache,
                                                      const PangoFontDescription *font,
                                                      const char                 *font_key,
                                                      const char                 *text);

/* chronicle-paint-cache.c: shaped text */
void            _chronicle_paint_show_text           (Painter                    *p,
                                                      ChronicleShapedText        *text,
                                                      double                      x,
                                                      double                      y,
                                                      double                      max_width,
                                                      const ChronicleColor       *color);
ChronicleShapedText *_chronicle_paint_get_text       (Painter                    *p,
                                                      const PangoFontDescription *font,
                                                      const char                 *font_key,
                                                      const char                 *text);
void            _chronicle_paint_draw_text           (Painter                    *p,
                                                      ChronicleTextRole           role,
                                                      const char                 *text,
                                                      double                      x,
                                                      double                      y,
                                                      double                      max_width,
                                                      const ChronicleColor       *color);

/* chronicle-paint-cache.c: sprites */
cairo_surface_t *_chronicle_paint_lookup_sprite      (const char                 *key);
void            _chronicle_paint_store_sprite        (char                       *key,
                                                      cairo_surface_t            *sprite);
char           *_chronicle_paint_describe_color      (const ChronicleColor       *color);
cairo_surface_t *_chronicle_paint_create_sprite      (Painter                    *p,
                                                      double                      width,
                                                      double                      height,
                                                      cairo_t                   **cr);
void            _chronicle_paint_init_sprites        (Painter                    *p);
void            _chronicle_paint_clear_sprites       (Painter                    *p);
void            _chronicle_paint_stamp_box           (Painter                    *p,
                                                      cairo_surface_t            *sprite,
                                                      double                      x,
                                                      double                      y,
                                                      double                      width,
                                                      double                      height);
void            _chronicle_paint_draw_label_box      (Painter                    *p,
                                                      guint                       category,
                                                      const ChronicleColor       *color,
                                                      const ChronicleRect        *box,
                                                      gboolean                    strip_right,
                                                      double                     *x,
                                                      double                     *y);
gboolean        _chronicle_paint_draw_label_sprite   (Painter                    *p,
                                                      const ChronicleLayoutItem  *item,
                                                      const ChronicleColor       *color);
void            _chronicle_paint_draw_dot            (Painter                    *p,
                                                      guint                       category,
                                                      const ChronicleColor       *color,
                                                      const ChronicleColor       *fill,
                                                      gboolean                    light,
                                                      gboolean                    dashed,
                                                      double                      x,
                                                      double                      y,
                                                      ChronicleDotPathFunc        path);
void            _chronicle_paint_draw_marker         (Painter                    *p,
                                                      guint                       category,
                                                      const ChronicleColor       *color,
                                                      double                      x,
                                                      double                      y);

/* chronicle-paint-blit.c */
void            _chronicle_paint_init_blit           (Painter                    *p);
void            _chronicle_paint_clear_blit          (Painter                    *p);
gboolean        _chronicle_paint_blit                (Painter                    *p,
                                                      cairo_surface_t            *sprite,
                                                      double                      sx,
                                                      double                      sy,
                                                      double                      x,
                                                      double                      y,
                                                      double                      width,
                                                      double                      height);
guint           _chronicle_paint_count_blits         (void);

/* chronicle-text-measure.c */
PangoFontDescription *_chronicle_paint_create_font   (const ChronicleStyle       *style,
                                                      ChronicleTextRole           role);

/* chronicle-paint.c: drawing primitives */
void            _chronicle_paint_set_color           (cairo_t                    *cr,
                                                      const ChronicleColor       *color,
                                                      double                      alpha);
void            _chronicle_paint_mix_color           (const ChronicleColor       *base,
                                                      const ChronicleColor       *over,
                                                      double                      amount,
                                                      ChronicleColor             *out);
void            _chronicle_paint_rounded_rect        (cairo_t                    *cr,
                                                      double                      x,
                                                      double                      y,
                                                      double                      w,
                                                      double                      h,
                                                      double                      r);
double          _chronicle_paint_snap                (Painter                    *p,
                                                      double                      pos,
                                                      double                      subpixel);

G_END_DECLS
