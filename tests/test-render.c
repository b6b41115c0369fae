/* test-render.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Paints the bundled example and compares it with a reference image.
 *
 * To regenerate tests/reference/example-1200x675.png after an intended
 * change of the look, run
 *
 *   CHRONICLE_UPDATE_REFERENCE=1 meson test -C <builddir> test-render
 *
 * then LOOK at the new image before committing it. The comparison
 * tolerates small font rasterization differences (fonts-cantarell and
 * fonts-dejavu-core must be installed, as in CI).
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "chronicle-paint.h"
#include "chronicle-test-util.h"

#define WIDTH  1200
#define HEIGHT 675

typedef struct
{
  cairo_surface_t *surface;
  ChronicleLayout *layout;
} Rendering;

static void
rendering_clear (Rendering *r)
{
  g_clear_pointer (&r->surface, cairo_surface_destroy);
  g_clear_pointer (&r->layout, chronicle_layout_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Rendering, rendering_clear)

/* The example, fitted, with breaks, legend and title, as export does it. */
static void
render_example (const ChronicleStyle *style,
                Rendering            *out)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  PangoContext *context;
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
  ChroniclePangoMeasurer measurer;
  cairo_t *cr;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  measurer.context = context;
  measurer.style = style;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  out->layout = chronicle_layout_compute (timeline, vp, WIDTH, HEIGHT, &options,
                                          chronicle_pango_measure, &measurer);

  out->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (out->surface);
  chronicle_paint (cr, out->layout, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (out->surface);
  g_object_unref (context);
}

static void
get_pixel (cairo_surface_t *surface,
           int              x,
           int              y,
           double           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

  rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
  rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
  rgb[2] = (pixel & 0xff) / 255.0;
}

static double
get_mean_luminance (cairo_surface_t *surface)
{
  double sum = 0;
  int n = 0;

  for (int y = 0; y < HEIGHT; y += 3)
    for (int x = 0; x < WIDTH; x += 3)
      {
        double rgb[3];

        get_pixel (surface, x, y, rgb);
        sum += 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        n++;
      }

  return sum / n;
}

static void
test_reference (void)
{
  g_auto(ChronicleStyle) style = { 0, };
  g_auto(Rendering) r = { 0, };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "example-1200x675.png", NULL);
  cairo_surface_t *reference;
  const guint8 *a, *b;
  int stride_a, stride_b;
  double sum = 0;
  guint64 n_far = 0;

  chronicle_style_init_light (&style);
  render_example (&style, &r);

  if (g_strcmp0 (g_getenv ("CHRONICLE_UPDATE_REFERENCE"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (r.surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      return;
    }

  reference = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (reference), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (reference), ==, HEIGHT);

  a = cairo_image_surface_get_data (r.surface);
  b = cairo_image_surface_get_data (reference);
  stride_a = cairo_image_surface_get_stride (r.surface);
  stride_b = cairo_image_surface_get_stride (reference);

  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        const guint8 *pa = a + y * stride_a + x * 4;
        const guint8 *pb = b + y * stride_b + x * 4;
        int far = 0;

        for (int c = 0; c < 4; c++)
          {
            int d = abs ((int) pa[c] - (int) pb[c]);

            sum += d;
            far |= d > 64;
          }
        n_far += far;
      }

  cairo_surface_destroy (reference);

  if (sum / (WIDTH * HEIGHT * 4.0) >= 0.02 * 255 || n_far >= 0.03 * WIDTH * HEIGHT)
    {
      g_autofree char *actual = g_test_build_filename (G_TEST_BUILT, "example-1200x675-actual.png", NULL);

      cairo_surface_write_to_png (r.surface, actual);
      g_test_message ("rendering differs from %s, see %s", path, actual);
    }

  /* mean absolute channel difference < 2%, < 3% of pixels far off */
  g_assert_cmpfloat (sum / (WIDTH * HEIGHT * 4.0), <, 0.02 * 255);
  g_assert_cmpfloat ((double) n_far, <, 0.03 * WIDTH * HEIGHT);
}

static void
test_dark (void)
{
  g_auto(ChronicleStyle) light = { 0, };
  g_auto(ChronicleStyle) dark = { 0, };
  g_auto(Rendering) rl = { 0, };
  g_auto(Rendering) rd = { 0, };
  double corner[3];

  chronicle_style_init_light (&light);
  chronicle_style_init_dark (&dark);
  render_example (&light, &rl);
  render_example (&dark, &rd);

  g_assert_cmpfloat (get_mean_luminance (rl.surface), >, 0.8);
  g_assert_cmpfloat (get_mean_luminance (rd.surface), <, 0.25);

  get_pixel (rd.surface, 2, 2, corner);
  g_assert_cmpfloat (corner[0], <, 0.2);
  g_assert_cmpfloat (corner[1], <, 0.2);
  g_assert_cmpfloat (corner[2], <, 0.2);
}

/* Without a background the painter leaves the surface transparent
 * around what it draws, for the widget to show its own. */
static void
test_no_background (void)
{
  g_auto(ChronicleStyle) style = { 0, };
  g_auto(Rendering) r = { 0, };
  const guint8 *data;

  chronicle_style_init_light (&style);
  style.draw_background = FALSE;
  render_example (&style, &r);

  data = cairo_image_surface_get_data (r.surface);
  /* top-left corner: neither title nor plot there */
  g_assert_cmpint (((const guint32 *) (gconstpointer) data)[0] >> 24, ==, 0);
}

/* The selection ring shows in the accent colour around the item. */
static void
test_highlight (void)
{
  g_auto(ChronicleStyle) style = { 0, };
  g_auto(Rendering) r = { 0, };
  const ChronicleLayoutItem *item;
  gboolean found = FALSE;
  cairo_t *cr;

  chronicle_style_init_light (&style);
  render_example (&style, &r);

  /* event 0 is the invasion, 24 Feb 2022 */
  item = chronicle_layout_find_event (r.layout, 0);
  g_assert_nonnull (item);

  cr = cairo_create (r.surface);
  chronicle_paint_highlight (cr, r.layout, &style, 0, TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (r.surface);

  /* Look for accent-blue pixels just outside the label box. */
  for (int x = (int) item->label.x; x < (int) (item->label.x + item->label.width) && !found; x++)
    {
      double rgb[3];

      get_pixel (r.surface, x, (int) (item->label.y - 1), rgb);
      found = fabs (rgb[0] - style.accent.red) < 0.1 &&
              fabs (rgb[1] - style.accent.green) < 0.1 &&
              fabs (rgb[2] - style.accent.blue) < 0.1;
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/example/reference", test_reference);
  g_test_add_func ("/render/example/dark", test_dark);
  g_test_add_func ("/render/example/no-background", test_no_background);
  g_test_add_func ("/render/example/highlight", test_highlight);

  return g_test_run ();
}
