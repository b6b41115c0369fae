/* chronicle-paint-blit.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include <math.h>

#include "chronicle-paint-private.h"

/*
 * Stamping sprites straight onto an image surface's pixels. A sprite is
 * stamped on whole device pixels with the NEAREST filter and OVER, which
 * cairo's image backend hands to pixman_image_composite32() in the end;
 * but on its way there each cairo_fill() builds a path, a clip, a
 * pixman image for the source pattern and composite rectangles: about
 * 16 000 instructions a label and 7 000 a marker, most of a dense
 * frame's paint (issue #12). Here the same composite is made directly,
 * for image targets whose clip is one rectangle on whole pixels, and
 * only for stamps on whole pixels: anything else goes through cairo,
 * whose pixels these are (tests/test-render.c compares both).
 */

static const cairo_user_data_key_t pixman_key;
static guint n_blits;   /* for tests */

static gboolean
is_whole (double value)
{
  return fabs (value - round (value)) < 1e-6;
}

/* A sprite as pixman sees it. (Copying a sprite's opaque part with
 * PIXMAN_OP_SRC and blending only its edges was tried: the blending
 * saved was paid again in finding the part and in four more composites,
 * issue #12.) */
typedef struct
{
  pixman_image_t *image;
} SpriteImage;

static void
sprite_image_free (gpointer data)
{
  SpriteImage *sprite = data;

  pixman_image_unref (sprite->image);
  g_free (sprite);
}

/* @sprite as pixman sees it, kept with the sprite; NULL for a sprite
 * that is not a plain ARGB32 image. Sprites are finished when first
 * stamped and never drawn on again. */
static SpriteImage *
get_sprite_image (cairo_surface_t *surface)
{
  SpriteImage *sprite = cairo_surface_get_user_data (surface, &pixman_key);
  guint32 *data;
  int width, height, stride;

  if (sprite != NULL)
    return sprite;

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    return NULL;

  cairo_surface_flush (surface);
  data = (guint32 *) (gpointer) cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  if (data == NULL)
    return NULL;

  sprite = g_new0 (SpriteImage, 1);
  sprite->image = pixman_image_create_bits (PIXMAN_a8r8g8b8, width, height, data, stride);
  if (sprite->image == NULL)
    {
      g_free (sprite);
      return NULL;
    }
  if (cairo_surface_set_user_data (surface, &pixman_key, sprite, sprite_image_free) != CAIRO_STATUS_SUCCESS)
    {
      sprite_image_free (sprite);
      return NULL;
    }

  return sprite;
}

/**
 * _chronicle_paint_init_blit:
 *
 * Prepares stamping onto @p's target directly, after its clip is set:
 * only for an image surface of 32 bits a pixel drawn on without a group,
 * with sprites at its resolution (p->device_scale, see
 * _chronicle_paint_init_sprites()) and a clip of one rectangle on whole
 * device pixels. Otherwise stamps go through cairo.
 */
void
_chronicle_paint_init_blit (Painter *p)
{
  cairo_t *cr = p->cr;
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_rectangle_list_t *clip;
  pixman_format_code_t format;
  double ox = 0, oy = 0;
  double x0, y0, x1, y1;
  int width, height;

  p->blit_target = NULL;
  if (p->device_scale <= 0 || p->sprite_scale != p->device_scale || cairo_get_group_target (cr) != target ||
      cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE)
    return;

  switch (cairo_image_surface_get_format (target))
    {
    case CAIRO_FORMAT_ARGB32:
      format = PIXMAN_a8r8g8b8;
      break;
    case CAIRO_FORMAT_RGB24:
      format = PIXMAN_x8r8g8b8;
      break;
    default:
      return;
    }

  cairo_user_to_device (cr, &ox, &oy);
  if (!is_whole (ox) || !is_whole (oy))
    return;

  clip = cairo_copy_clip_rectangle_list (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return;
    }
  x0 = clip->rectangles[0].x * p->device_scale + ox;
  y0 = clip->rectangles[0].y * p->device_scale + oy;
  x1 = x0 + clip->rectangles[0].width * p->device_scale;
  y1 = y0 + clip->rectangles[0].height * p->device_scale;
  cairo_rectangle_list_destroy (clip);
  if (!is_whole (x0) || !is_whole (y0) || !is_whole (x1) || !is_whole (y1))
    return;

  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  p->blit_clip.x1 = (int32_t) CLAMP (round (x0), 0, width);
  p->blit_clip.y1 = (int32_t) CLAMP (round (y0), 0, height);
  p->blit_clip.x2 = (int32_t) CLAMP (round (x1), 0, width);
  p->blit_clip.y2 = (int32_t) CLAMP (round (y1), 0, height);
  p->blit_x = round (ox);
  p->blit_y = round (oy);

  cairo_surface_flush (target);
  p->blit_target = pixman_image_create_bits (format, width, height,
                                             (uint32_t *) (gpointer) cairo_image_surface_get_data (target),
                                             cairo_image_surface_get_stride (target));
  p->blit_surface = target;
}

void
_chronicle_paint_clear_blit (Painter *p)
{
  g_clear_pointer (&p->blit_target, pixman_image_unref);
  p->blit_surface = NULL;
}

/**
 * _chronicle_paint_blit:
 * @sprite: an ARGB32 image at p->device_scale
 * @sx: where the sprite's origin goes, logical px
 * @x: the area to paint from it, logical px
 *
 * Composites @sprite over the target in the area (x, y, width, height)
 * as cairo_set_source_surface() at (sx, sy) with the NEAREST filter and
 * a fill of that rectangle would, with the current operator OVER.
 *
 * Returns: %FALSE when it cannot (no direct target, or an area or
 *   position off whole pixels): the caller draws through cairo.
 */
gboolean
_chronicle_paint_blit (Painter         *p,
                       cairo_surface_t *sprite,
                       double           sx,
                       double           sy,
                       double           x,
                       double           y,
                       double           width,
                       double           height)
{
  double s = p->device_scale;
  double dx0 = x * s, dy0 = y * s, dx1 = (x + width) * s, dy1 = (y + height) * s;
  double ssx = sx * s, ssy = sy * s;
  SpriteImage *source;
  int32_t x0, y0, x1, y1;
  int src_x, src_y;

  if (p->blit_target == NULL || width <= 0 || height <= 0 ||
      !is_whole (dx0) || !is_whole (dy0) || !is_whole (dx1) || !is_whole (dy1) ||
      !is_whole (ssx) || !is_whole (ssy) || cairo_get_operator (p->cr) != CAIRO_OPERATOR_OVER)
    return FALSE;

  source = get_sprite_image (sprite);
  if (source == NULL)
    return FALSE;

  /* In the target's pixels, within the clip. */
  x0 = MAX ((int32_t) round (dx0) + p->blit_x, p->blit_clip.x1);
  y0 = MAX ((int32_t) round (dy0) + p->blit_y, p->blit_clip.y1);
  x1 = MIN ((int32_t) round (dx1) + p->blit_x, p->blit_clip.x2);
  y1 = MIN ((int32_t) round (dy1) + p->blit_y, p->blit_clip.y2);
  if (x0 >= x1 || y0 >= y1)
    return TRUE;

  src_x = x0 - ((int) round (ssx) + p->blit_x);
  src_y = y0 - ((int) round (ssy) + p->blit_y);

  /* Outside the sprite the pattern is transparent (EXTEND_NONE): OVER
   * leaves those pixels alone, so the area is cut to the sprite. */
  if (src_x < 0)
    {
      x0 -= src_x;
      src_x = 0;
    }
  if (src_y < 0)
    {
      y0 -= src_y;
      src_y = 0;
    }
  x1 = MIN (x1, x0 + pixman_image_get_width (source->image) - src_x);
  y1 = MIN (y1, y0 + pixman_image_get_height (source->image) - src_y);
  if (x0 >= x1 || y0 >= y1)
    return TRUE;

  cairo_surface_flush (p->blit_surface);
  pixman_image_composite32 (PIXMAN_OP_OVER, source->image, NULL, p->blit_target,
                            src_x, src_y, 0, 0, x0, y0, x1 - x0, y1 - y0);
  cairo_surface_mark_dirty (p->blit_surface);
  g_atomic_int_inc (&n_blits);

  return TRUE;
}

/* For tests: how many sprites were composited directly, ever. */
guint
_chronicle_paint_count_blits (void)
{
  return (guint) g_atomic_int_get (&n_blits);
}
