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
 * fonts-dejavu-core must be installed, as in CI) over the whole image, and
 * then looks region by region where the layout says things are: the chart
 * title and every label must carry about as much ink as in the reference,
 * every mark and label chip must have the reference's colour. A whole-image
 * tolerance alone admitted a chart with every title removed (those are
 * about 1 % of the pixels); /render/example/reference-catches paints such
 * broken charts and checks that the comparison refuses each of them.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chronicle-category-color.h"
#include "chronicle-color-private.h"
#include "chronicle-density-private.h"
#include "chronicle-export.h"
#include "chronicle-layout-private.h"
#include "chronicle-paint.h"
#include "chronicle-paint-private.h"
#include "chronicle-test-util.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"

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

/* Dark enough to be text on the light theme's background and chips. */
#define INK_LUMINANCE 0.5

static double
luminance (cairo_surface_t *surface,
           int              x,
           int              y)
{
  double rgb[3];

  get_pixel (surface, x, y, rgb);
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

/* Pixels of text ink inside @rect (clipped to the image). */
static guint
count_ink (cairo_surface_t     *surface,
           const ChronicleRect *rect)
{
  int x0 = MAX ((int) ceil (rect->x), 0), x1 = MIN ((int) floor (rect->x + rect->width), WIDTH);
  int y0 = MAX ((int) ceil (rect->y), 0), y1 = MIN ((int) floor (rect->y + rect->height), HEIGHT);
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += luminance (surface, x, y) < INK_LUMINANCE;

  return n;
}

/* Same ink, give or take font rasterization: a quarter, and 8 px for
 * antialiasing at the edges. A missing text has none. */
static gboolean
ink_matches (guint actual,
             guint expected)
{
  return expected > 0 && fabs ((double) actual - expected) <= 0.25 * expected + 8;
}

static gboolean
color_matches (cairo_surface_t *actual,
               cairo_surface_t *reference,
               int              x,
               int              y)
{
  double a[3], b[3];

  if (x < 0 || x >= WIDTH || y < 0 || y >= HEIGHT)
    return TRUE;

  get_pixel (actual, x, y, a);
  get_pixel (reference, x, y, b);
  return fabs (a[0] - b[0]) < 0.1 && fabs (a[1] - b[1]) < 0.1 && fabs (a[2] - b[2]) < 0.1;
}

/*
 * Compares @actual with @reference where @layout (the layout of @actual's
 * chart, unmutated) places things. Returns NULL when they match, else what
 * differs, for the test's message.
 */
static char *
compare_regions (const ChronicleLayout *layout,
                 cairo_surface_t       *actual,
                 cairo_surface_t       *reference)
{
  const ChronicleLayoutItem *items;
  guint n_items;

  if (layout->title != NULL && !ink_matches (count_ink (actual, &layout->title_rect),
                                             count_ink (reference, &layout->title_rect)))
    return g_strdup_printf ("chart title: %u ink px, reference %u",
                            count_ink (actual, &layout->title_rect), count_ink (reference, &layout->title_rect));

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const ChronicleLayoutItem *item = &items[i];
      const ChronicleRect *box = &item->label;
      double mark_x;
      int mark_y = (int) floor (item->axis_y);

      if (item->kind == CHRONICLE_ITEM_CLUSTER)
        {
          /* the pill: its wash, and its "+N" */
          if (!color_matches (actual, reference, (int) (box->x + 3), (int) (box->y + box->height / 2)))
            return g_strdup_printf ("cluster pill %u: colour differs", i);
          if (!ink_matches (count_ink (actual, box), count_ink (reference, box)))
            return g_strdup_printf ("cluster pill %u: count missing", i);
          continue;
        }

      /* the mark: a marker's centre, a bar's middle (of its visible part) */
      if (item->kind == CHRONICLE_ITEM_BAR)
        mark_x = (MAX (item->x, 0) + MIN (MAX (item->x2, item->x + 3), WIDTH)) / 2;
      else
        mark_x = item->x;
      if (!color_matches (actual, reference, (int) floor (mark_x), mark_y))
        return g_strdup_printf ("mark of item %u (%s) at %.0f,%d: colour differs",
                                i, item->text != NULL ? item->text : "", mark_x, mark_y);

      if (box->width <= 0)
        continue;

      /* the label chip: its category strip and its tinted fill, left of the text */
      if (!color_matches (actual, reference, (int) (box->x + 1), (int) (box->y + box->height / 2)) ||
          !color_matches (actual, reference, (int) (box->x + CHRONICLE_LABEL_STRIP + 2), (int) (box->y + box->height / 2)))
        return g_strdup_printf ("label chip of “%s”: colour differs", item->text);

      if (item->text != NULL)
        {
          ChronicleRect text = {
            box->x + CHRONICLE_LABEL_STRIP + CHRONICLE_LABEL_PAD_X, box->y + 1,
            box->width - CHRONICLE_LABEL_STRIP - 2 * CHRONICLE_LABEL_PAD_X, box->height - 2,
          };
          guint ink = count_ink (actual, &text), expected = count_ink (reference, &text);

          if (!ink_matches (ink, expected))
            return g_strdup_printf ("label “%s”: %u ink px, reference %u", item->text, ink, expected);
        }
    }

  return NULL;
}

typedef struct
{
  double mean;    /* mean absolute channel difference, 0..255 */
  double n_far;   /* share of pixels with a channel more than 64 off */
} ImageDifference;

static ImageDifference
compare_images (cairo_surface_t *actual,
                cairo_surface_t *reference)
{
  const guint8 *a = cairo_image_surface_get_data (actual);
  const guint8 *b = cairo_image_surface_get_data (reference);
  int stride_a = cairo_image_surface_get_stride (actual);
  int stride_b = cairo_image_surface_get_stride (reference);
  double sum = 0;
  guint64 n_far = 0;

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

  return (ImageDifference) { sum / (WIDTH * HEIGHT * 4.0), (double) n_far / (WIDTH * HEIGHT) };
}

/* NULL when @actual passes for @reference, else why not. The whole-image
 * bounds absorb font rasterization (mean < 2 %, < 3 % of pixels far
 * off); the regions catch what is small but matters. */
static char *
compare_with_reference (const ChronicleLayout *layout,
                        cairo_surface_t       *actual,
                        cairo_surface_t       *reference)
{
  ImageDifference diff = compare_images (actual, reference);

  g_test_message ("mean difference %.3f/255, %.3f %% of pixels far off", diff.mean, 100 * diff.n_far);
  if (diff.mean >= 0.02 * 255 || diff.n_far >= 0.03)
    return g_strdup_printf ("whole image: mean difference %.2f/255, %.2f %% of pixels far off",
                            diff.mean, 100 * diff.n_far);

  return compare_regions (layout, actual, reference);
}

static cairo_surface_t *
load_reference (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "example-1200x675.png", NULL);
  cairo_surface_t *reference = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (reference), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (reference), ==, WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (reference), ==, HEIGHT);

  return reference;
}

static void
test_reference (void)
{
  g_auto(ChronicleStyle) style = { 0, };
  g_auto(Rendering) r = { 0, };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference", "example-1200x675.png", NULL);
  g_autofree char *difference = NULL;
  cairo_surface_t *reference;

  chronicle_style_init_light (&style);
  render_example (&style, &r);

  if (g_strcmp0 (g_getenv ("CHRONICLE_UPDATE_REFERENCE"), "1") == 0)
    {
      g_assert_cmpint (cairo_surface_write_to_png (r.surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      return;
    }

  reference = load_reference ();
  difference = compare_with_reference (r.layout, r.surface, reference);
  cairo_surface_destroy (reference);

  if (difference != NULL)
    {
      g_autofree char *actual = g_test_build_filename (G_TEST_BUILT, "example-1200x675-actual.png", NULL);

      cairo_surface_write_to_png (r.surface, actual);
      g_test_message ("rendering differs from %s, see %s", path, actual);
    }

  g_assert_null (difference);
}

typedef enum
{
  BREAK_EVENT_TITLES,   /* every label drawn without its text */
  BREAK_CHART_TITLE,    /* no chart title */
  BREAK_MARKER,         /* one point event's marker not drawn */
  BREAK_BAR,            /* one range's bar not drawn */
  BREAK_CHIP,           /* one label drawn without its chip (and text) */
  BREAK_COLOUR,         /* one event drawn in another category's colour */
  N_BREAKS
} Breakage;

static const char * const breakage_names[] = {
  "every event title removed", "chart title removed", "a marker missing", "a bar missing",
  "a label chip missing", "an event in the wrong colour",
};

/* Index of the first item of @kind with a label, or G_MAXUINT. */
static guint
find_item (const ChronicleLayout *layout,
           ChronicleItemKind      kind)
{
  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &g_array_index (layout->items, ChronicleLayoutItem, i);

      if (item->kind == kind && item->label.width > 0 && item->x > 0 && item->x < WIDTH)
        return i;
    }

  return G_MAXUINT;
}

/* Paints the example's layout broken as @breakage says, as a painter
 * with that bug would. */
static cairo_surface_t *
paint_broken (ChronicleLayout      *layout,
              const ChronicleStyle *style,
              Breakage              breakage)
{
  g_autoptr(GArray) saved = g_array_copy (layout->items);
  const char *title = layout->title;
  guint n_categories = g_list_model_get_n_items (chronicle_timeline_get_categories (layout->timeline));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  ChronicleLayoutItem *items = (ChronicleLayoutItem *) (gpointer) layout->items->data;
  guint i;
  cairo_t *cr;

  switch (breakage)
    {
    case BREAK_EVENT_TITLES:
      for (i = 0; i < layout->items->len; i++)
        if (items[i].kind != CHRONICLE_ITEM_CLUSTER)
          items[i].text = "";
      break;
    case BREAK_CHART_TITLE:
      layout->title = NULL;
      break;
    case BREAK_MARKER:
    case BREAK_BAR:
      i = find_item (layout, breakage == BREAK_MARKER ? CHRONICLE_ITEM_MARKER : CHRONICLE_ITEM_BAR);
      g_assert_cmpuint (i, !=, G_MAXUINT);
      /* drawn far off the chart; the label stays */
      items[i].x = items[i].x2 = -1000;
      break;
    case BREAK_CHIP:
      i = find_item (layout, CHRONICLE_ITEM_BAR);
      g_assert_cmpuint (i, !=, G_MAXUINT);
      items[i].label.width = 0;
      break;
    case BREAK_COLOUR:
      i = find_item (layout, CHRONICLE_ITEM_BAR);
      g_assert_cmpuint (i, !=, G_MAXUINT);
      g_assert_cmpuint (n_categories, >, 1);
      items[i].category = (items[i].category + 1) % n_categories;
      break;
    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  chronicle_paint (cr, layout, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Back as it was, for the next breakage. */
  g_array_remove_range (layout->items, 0, layout->items->len);
  g_array_append_vals (layout->items, saved->data, saved->len);
  layout->title = title;

  return surface;
}

/* The reference comparison refuses a chart with a missing title, marker
 * or chip or a wrong colour: a test that cannot fail protects nothing. */
static void
test_reference_catches (void)
{
  g_auto(ChronicleStyle) style = { 0, };
  g_auto(Rendering) r = { 0, };
  cairo_surface_t *reference;

  chronicle_style_init_light (&style);
  render_example (&style, &r);
  reference = load_reference ();

  for (Breakage b = 0; b < N_BREAKS; b++)
    {
      cairo_surface_t *broken = paint_broken (r.layout, &style, b);
      g_autofree char *difference = compare_with_reference (r.layout, broken, reference);
      ImageDifference diff = compare_images (broken, reference);

      g_test_message ("%s: whole image %.3f/255, %.3f %% far off; regions: %s",
                      breakage_names[b], diff.mean, 100 * diff.n_far,
                      difference != NULL ? difference : "(passed)");
      g_assert_nonnull (difference);
      cairo_surface_destroy (broken);
    }

  cairo_surface_destroy (reference);
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

/* One frame of @timeline at @zoom into a new surface at @scale, as the
 * widget paints it: layout, then paint. */
static cairo_surface_t *
paint_frame (ChronicleTimeline    *timeline,
             const ChronicleStyle *style,
             double                zoom,
             double                scale,
             ChronicleLayout     **layout_out)
{
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  ChronicleLayoutOptions options = { TRUE, FALSE, TRUE, TRUE };
  ChroniclePangoMeasurer measurer = { context, style };
  ChronicleLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  chronicle_viewport_fit (vp);
  chronicle_viewport_zoom (vp, zoom, WIDTH / 2.0);
  layout = chronicle_layout_compute (timeline, vp, WIDTH, HEIGHT, &options,
                                     chronicle_pango_measure, &measurer);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (WIDTH * scale), (int) (HEIGHT * scale));
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  chronicle_paint (cr, layout, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_object_unref (context);

  if (layout_out != NULL)
    *layout_out = layout;
  else
    chronicle_layout_free (layout);

  return surface;
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_height (b) == height &&
         cairo_image_surface_get_stride (b) == stride &&
         memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize) height * stride) == 0;
}

/* Each label's category strip shows its own category's colour. */
static void
assert_strips_match_categories (ChronicleTimeline *timeline,
                                cairo_surface_t   *surface,
                                double             zoom,
                                double             scale)
{
  GListModel *categories = chronicle_timeline_get_categories (timeline);
  ChronicleLayout *layout = NULL;
  const ChronicleLayoutItem *items;
  guint n_items, n_checked = 0;
  g_auto(ChronicleStyle) style = { 0, };
  cairo_surface_t *again;

  chronicle_style_init_light (&style);
  again = paint_frame (timeline, &style, zoom, scale, &layout);
  cairo_surface_destroy (again);

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ChronicleCategory) category = NULL;
      const ChronicleLayoutItem *item = &items[i];
      double expected[3], rgb[3];
      int x = (int) (floor (item->label.x) * scale + scale);
      int y = (int) ((item->label.y + item->label.height / 2) * scale);

      if (item->label.width <= 0 || item->category == G_MAXUINT)
        continue;

      category = g_list_model_get_item (categories, item->category);
      g_assert_true (chronicle_category_get_rgb (category, &expected[0], &expected[1], &expected[2]));
      {
        const guint8 *data = cairo_image_surface_get_data (surface);
        int stride = cairo_image_surface_get_stride (surface);
        guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);

        rgb[0] = ((pixel >> 16) & 0xff) / 255.0;
        rgb[1] = ((pixel >> 8) & 0xff) / 255.0;
        rgb[2] = (pixel & 0xff) / 255.0;
      }
      for (guint c = 0; c < 3; c++)
        g_assert_cmpfloat_with_epsilon (rgb[c], expected[c], 0.08);
      n_checked++;
    }

  /* fitted, all twelve have room; zoomed in, fewer are in view */
  g_assert_cmpuint (n_checked, >=, zoom == 1 ? 12 : 1);
  chronicle_layout_free (layout);
}

/* The painter keeps shaped text, sprites of boxes and markers, and whole
 * labels across frames. Whatever it keeps, a frame drawn again (the
 * widget does that for every hover and zoom step) must be the frame drawn
 * with nothing kept: also when two events share a title but not a
 * category, which a cache keyed by the text alone would paint in one
 * colour. */
/* chronicle_pango_measure() shapes without a PangoLayout where it can;
 * the sizes must be the layout's, or labels would be cut or padded. */
static void
test_measure_matches_layout (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (500, 4);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_auto(ChronicleStyle) style = { 0, };
  ChroniclePangoMeasurer measurer = { context, &style };
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const char *samples[] = {
    "Talks, day 27", "A", " ", "Київ, 東京 and 😀", "مرحبا بالعالم", "שלום and English",
    "ﬁ office ligatures", "Zürich ↔ İstanbul — “quoted”", "tab\there", "two\nlines", "",
  };

  chronicle_style_init_light (&style);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    g_ptr_array_add (texts, (gpointer) chronicle_event_get_title (chronicle_timeline_get_event (timeline, i)));
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_ptr_array_add (texts, (gpointer) samples[i]);

  for (ChronicleTextRole role = CHRONICLE_TEXT_LABEL; role <= CHRONICLE_TEXT_TITLE; role++)
    {
      chronicle_paint_clear_caches ();
      for (guint i = 0; i < texts->len; i++)
        {
          const char *text = g_ptr_array_index (texts, i);
          g_autoptr(PangoLayout) layout = pango_layout_new (context);
          PangoFontDescription *font = pango_font_description_new ();
          double w, h, size = style.font_size * 96.0 / 72.0;
          int lw, lh;

          /* the painter's fonts: chronicle-paint.c create_font() */
          pango_font_description_set_family (font, style.font_family);
          if (role == CHRONICLE_TEXT_TICK || role == CHRONICLE_TEXT_ERA)
            size *= 0.9;
          else if (role == CHRONICLE_TEXT_TITLE)
            size *= 1.6;
          if (role == CHRONICLE_TEXT_ERA || role == CHRONICLE_TEXT_TITLE)
            pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
          pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
          pango_layout_set_font_description (layout, font);
          pango_layout_set_text (layout, text, -1);
          pango_layout_get_size (layout, &lw, &lh);
          pango_font_description_free (font);

          chronicle_pango_measure (text, role, &w, &h, &measurer);
          g_assert_cmpfloat (w, ==, (double) lw / PANGO_SCALE);
          g_assert_cmpfloat (h, ==, (double) lh / PANGO_SCALE);
        }
    }

  g_object_unref (context);
}

/* What @layout shows: its text, or when ellipsized its runs, "…" for
 * the ellipsis. */
static char *
get_layout_shown_text (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);
  GString *shown;

  if (!pango_layout_is_ellipsized (layout))
    return g_strdup (text);

  shown = g_string_new (NULL);
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

/* Labels are shaped once and ellipsized by cutting clusters, not by a
 * PangoLayout; they must read as a layout would show them, fit the
 * width they are given, and come from cached words only where that gives
 * the same glyphs. */
static void
test_shaped_text_like_layout (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (300, 5);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_auto(ChronicleStyle) style = { 0, };
  g_autoptr(PangoFontDescription) font = NULL;
  g_autoptr(ChronicleShaper) shaper = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  const double widths[] = { 12, 40, 90, 150, 260 };
  const struct { const char *text; gboolean from_words; } samples[] = {
    { "Talks, day 27", TRUE },
    { "Zürich ↔ İstanbul — “quoted”", FALSE },   /* ↔ is not shaped by word */
    { "Erdoğan’s envoy meets Zelenskiy’s team in Ankara", TRUE },
    { "Переговори у Стамбулі відновилися 16 травня 2025 року", TRUE },
    { "Київ and Kyiv in one title", FALSE },       /* two scripts */
    { "مرحبا بالعالم، محادثات السلام", FALSE },
    { "שלום and English", FALSE },
    { "東京で会談が再開された", FALSE },
    { "ﬁ office ligatures and ﬂags", FALSE },      /* presentation forms */
    { "office flags, affirmed", TRUE },           /* ligatures inside words */
    { "  spaced   out  ", TRUE },
    { "item 734027", TRUE },                      /* digits built glyph by glyph */
    { "Round 12 of 2025, 3 of 4096 0", TRUE },
  };

  chronicle_style_init_light (&style);
  font = _chronicle_paint_create_font (&style, CHRONICLE_TEXT_LABEL);
  shaper = chronicle_shaper_new (context, font);

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    g_ptr_array_add (texts, (gpointer) chronicle_event_get_title (chronicle_timeline_get_event (timeline, i)));
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_ptr_array_add (texts, (gpointer) samples[i].text);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autoptr(ChronicleShapedText) shaped = chronicle_shaped_text_new (shaper, text);
      guint sample = i - (texts->len - G_N_ELEMENTS (samples));
      int width;

      chronicle_shaped_text_get_size (shaped, &width, NULL);

      if (i >= texts->len - G_N_ELEMENTS (samples))
        g_assert_cmpint (chronicle_shaped_text_is_from_words (shaped), ==, samples[sample].from_words);

      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          g_autoptr(PangoLayout) layout = pango_layout_new (context);
          int max_width = (int) (widths[w] * PANGO_SCALE);
          PangoRectangle ink, layout_ink;
          g_autofree char *expected = NULL;
          g_autofree char *shown = NULL;
          PangoRectangle logical;

          pango_layout_set_font_description (layout, font);
          pango_layout_set_text (layout, text, -1);
          /* a layout with a width also aligns: only where it cuts */
          if (width > max_width)
            {
              pango_layout_set_width (layout, max_width);
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
            }
          pango_layout_get_extents (layout, &layout_ink, NULL);
          expected = get_layout_shown_text (layout);

          shown = chronicle_shaped_text_get_shown_text (shaped, max_width);
          chronicle_shaped_text_get_extents (shaped, max_width, &ink, &logical);
          g_assert_cmpstr (shown, ==, expected);
          g_assert_cmpint (logical.width, <=, MAX (max_width, width));
          /* the same glyphs in the same places (a layout's line may
           * report more logical width: it pads the ellipsis to the gap) */
          g_assert_cmpint (ink.x, ==, layout_ink.x);
          g_assert_cmpint (ink.y, ==, layout_ink.y);
          g_assert_cmpint (ink.width, ==, layout_ink.width);
          g_assert_cmpint (ink.height, ==, layout_ink.height);
        }
    }

  g_object_unref (context);
}

/* Events a day apart, all titled the same, two by two in three
 * categories: the same title with one look, then with another. */
static ChronicleTimeline *
create_shared_titles (void)
{
  ChronicleTimeline *timeline = chronicle_timeline_new ("Shared titles");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  const char *categories[] = { "red", "green", "blue" };
  const char *colors[] = { "#c01c28", "#26a269", "#1c71d8" };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_autoptr(ChronicleCategory) category = chronicle_category_new (categories[i], categories[i], colors[i]);

      chronicle_timeline_add_category (timeline, category);
    }

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *text = g_strdup_printf ("2024-03-%02u", i + 1);
      g_autoptr(GError) error = NULL;
      ChronicleEvent *event;
      ChronicleDate date;

      g_assert_true (chronicle_date_parse (text, &date, &error));
      event = chronicle_event_new (id, &date, "Talks resume");
      chronicle_event_set_category_id (event, categories[(i / 2) % G_N_ELEMENTS (categories)]);
      g_ptr_array_add (events, event);
    }
  chronicle_timeline_set_events (timeline, events);

  return timeline;
}

static void
test_caches_keep_pixels (void)
{
  g_autoptr(ChronicleTimeline) generated = chronicle_test_generate_timeline (3000, 2);
  g_autoptr(ChronicleTimeline) shared = create_shared_titles ();
  ChronicleTimeline *timelines[] = { generated, shared };
  g_auto(ChronicleStyle) style = { 0, };
  const double zooms[] = { 1, 8, 64 };
  const double scales[] = { 1, 2 };
  gboolean shared_title = FALSE;

  chronicle_style_init_light (&style);

  for (guint t = 0; t < G_N_ELEMENTS (timelines); t++)
  for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
    for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
      {
        ChronicleTimeline *timeline = timelines[t];
        ChronicleLayout *layout = NULL;
        cairo_surface_t *fresh;
        const ChronicleLayoutItem *items;
        guint n_items;

        chronicle_paint_clear_caches ();
        fresh = paint_frame (timeline, &style, zooms[z], scales[s], &layout);

        /* Does this view test the shared-title case? */
        items = chronicle_layout_get_items (layout, &n_items);
        for (guint i = 0; i < n_items; i++)
          for (guint j = i + 1; j < n_items; j++)
            if (items[i].text != NULL && items[j].text != NULL && items[i].label.width > 0 &&
                items[j].label.width > 0 && items[i].category != items[j].category &&
                g_str_equal (items[i].text, items[j].text))
              shared_title = TRUE;
        chronicle_layout_free (layout);

        /* Three more times: the second frame makes sprites, the third
         * and fourth use them. */
        for (guint again = 0; again < 3; again++)
          {
            cairo_surface_t *kept = paint_frame (timeline, &style, zooms[z], scales[s], NULL);

            if (timeline == shared)
              assert_strips_match_categories (timeline, kept, zooms[z], scales[s]);

            if (!surfaces_equal (fresh, kept))
              {
                g_autofree char *name = g_strdup_printf ("caches-x%g-scale%g.png", zooms[z], scales[s]);
                g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

                cairo_surface_write_to_png (kept, path);
                g_error ("frame %u at zoom %g, scale %g differs from the first (written to %s)",
                         again + 2, zooms[z], scales[s], path);
              }
            cairo_surface_destroy (kept);
          }

        cairo_surface_destroy (fresh);
      }

  g_assert_true (shared_title);
}

/* One event, "2024-03-05" to @end (NULL for none), in a category of
 * colour @color. */
static ChronicleTimeline *
timeline_with_one_event (const char *date_text,
                         const char *end_text,
                         gboolean    approximate,
                         const char *color)
{
  ChronicleTimeline *timeline = chronicle_timeline_new ("One event");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleCategory) category = chronicle_category_new ("c", "Category", color);
  g_autoptr(GError) error = NULL;
  ChronicleEvent *event;
  ChronicleDate date, end;

  chronicle_timeline_add_category (timeline, category);
  g_assert_true (chronicle_date_parse (date_text, &date, &error));
  event = chronicle_event_new ("e", &date, "Talks in Istanbul");
  if (end_text != NULL)
    {
      g_assert_true (chronicle_date_parse (end_text, &end, &error));
      chronicle_event_set_end (event, &end);
    }
  chronicle_event_set_approximate (event, approximate);
  chronicle_event_set_category_id (event, "c");
  g_ptr_array_add (events, event);
  chronicle_timeline_set_events (timeline, events);

  return timeline;
}

static double
color_distance (const double          rgb[3],
                const ChronicleColor *color)
{
  return MAX (fabs (rgb[0] - color->red), MAX (fabs (rgb[1] - color->green), fabs (rgb[2] - color->blue)));
}

/* Share of the bar's middle row, ends left out, painted in @color. */
static double
get_bar_coverage (cairo_surface_t           *surface,
                  const ChronicleLayoutItem *item,
                  const ChronicleColor      *color)
{
  int y = (int) floor (item->axis_y);
  int x0 = (int) ceil (item->x) + 4, x1 = (int) floor (item->x2) - 4;
  int n = 0, n_in = 0;

  g_assert_cmpint (x1 - x0, >, 100);
  for (int x = x0; x < x1; x++)
    {
      double rgb[3];

      get_pixel (surface, x, y, rgb);
      n_in += color_distance (rgb, color) < 0.1;
      n++;
    }

  return (double) n_in / n;
}

static const ChronicleLayoutItem *
paint_one_event (ChronicleTimeline     *timeline,
                 const ChronicleStyle  *style,
                 cairo_surface_t      **surface,
                 ChronicleLayout      **layout)
{
  const ChronicleLayoutItem *items;
  guint n_items;

  *surface = paint_frame (timeline, style, 1, 1, layout);
  items = chronicle_layout_get_items (*layout, &n_items);
  g_assert_cmpuint (n_items, ==, 1);
  g_assert_cmpint (items[0].kind, ==, CHRONICLE_ITEM_BAR);
  return &items[0];
}

/* A day ("on Friday") is not drawn like a timed range from 00:00 to
 * 24:00: same place, same extent, a different look (a light bar with
 * bracket ends against a solid one); an estimate's ends fade. */
static void
test_day_unlike_timed_range (void)
{
  g_autoptr(ChronicleTimeline) day = timeline_with_one_event ("2024-03-05", NULL, FALSE, "#1c71d8");
  g_autoptr(ChronicleTimeline) timed = timeline_with_one_event ("2024-03-05T00:00", "2024-03-06T00:00", FALSE, "#1c71d8");
  g_autoptr(ChronicleTimeline) guess = timeline_with_one_event ("2024-03-05T00:00", "2024-03-06T00:00", TRUE, "#1c71d8");
  g_auto(ChronicleStyle) style = { 0, };
  cairo_surface_t *day_surface, *timed_surface, *guess_surface;
  ChronicleLayout *day_layout, *timed_layout, *guess_layout;
  const ChronicleLayoutItem *day_item, *timed_item, *guess_item;
  ChronicleColor color;
  double rgb_end[3], rgb_middle[3];

  chronicle_style_init_light (&style);
  chronicle_style_category_color (&style, day, 0, &color);

  day_item = paint_one_event (day, &style, &day_surface, &day_layout);
  timed_item = paint_one_event (timed, &style, &timed_surface, &timed_layout);
  guess_item = paint_one_event (guess, &style, &guess_surface, &guess_layout);

  g_assert_cmpint (day_item->mark, ==, CHRONICLE_MARK_DAY);
  g_assert_cmpint (timed_item->mark, ==, CHRONICLE_MARK_TIMED_RANGE);
  g_assert_cmpfloat_with_epsilon (day_item->x, timed_item->x, 1e-6);
  g_assert_cmpfloat_with_epsilon (day_item->x2, timed_item->x2, 1e-6);
  g_assert_cmpfloat_with_epsilon (day_item->axis_y, timed_item->axis_y, 1e-6);

  /* The timed range is solid colour, the day's inside is not. */
  g_assert_cmpfloat (get_bar_coverage (timed_surface, timed_item, &color), >, 0.95);
  g_assert_cmpfloat (get_bar_coverage (day_surface, day_item, &color), <, 0.05);

  /* The estimate fades towards its ends. */
  get_pixel (guess_surface, (int) ceil (guess_item->x) + 1, (int) floor (guess_item->axis_y), rgb_end);
  get_pixel (guess_surface, (int) ((guess_item->x + guess_item->x2) / 2), (int) floor (guess_item->axis_y), rgb_middle);
  g_assert_cmpfloat (color_distance (rgb_middle, &color), <, 0.1);
  g_assert_cmpfloat (color_distance (rgb_end, &color), >, 0.3);
  g_assert_true (g_str_has_prefix (guess_item->text, "c. "));

  cairo_surface_destroy (day_surface);
  cairo_surface_destroy (timed_surface);
  cairo_surface_destroy (guess_surface);
  chronicle_layout_free (day_layout);
  chronicle_layout_free (timed_layout);
  chronicle_layout_free (guess_layout);
}

/* The painter finds texts it has shaped by their address first (labels
 * drawn again pass the events' own strings): a string freed and another
 * made at the same address, or changed in place, is still measured for
 * what it says now. */
static void
test_text_cache_reused_address (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_auto(ChronicleStyle) style = { 0, };
  ChroniclePangoMeasurer measurer = { context, &style };
  char buffer[64];
  double wide, narrow, again, height;

  chronicle_style_init_light (&style);
  g_strlcpy (buffer, "A rather long title of many words", sizeof buffer);
  chronicle_pango_measure (buffer, CHRONICLE_TEXT_LABEL, &wide, &height, &measurer);
  chronicle_pango_measure (buffer, CHRONICLE_TEXT_LABEL, &again, &height, &measurer);
  g_assert_cmpfloat (again, ==, wide);

  g_strlcpy (buffer, "Short", sizeof buffer);
  chronicle_pango_measure (buffer, CHRONICLE_TEXT_LABEL, &narrow, &height, &measurer);
  g_assert_cmpfloat (narrow, <, wide / 3);

  /* Same text, same address, another role (font): measured in that font. */
  chronicle_pango_measure (buffer, CHRONICLE_TEXT_TITLE, &again, &height, &measurer);
  g_assert_cmpfloat (again, >, narrow);

  g_object_unref (context);
}

/* A zoom shows hundreds of titles never drawn a frame; the boxes under
 * them come in few widths, and after the first of a width and colour
 * each is stamped from one sprite of the whole box. (The pixels are the
 * pieces': /render/caches-keep-pixels.) */
static void
test_label_box_whole_sprite (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Items");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleLayout) layout = NULL;
  g_auto(ChronicleStyle) style = { 0, };
  cairo_surface_t *surface;

  /* Titles of one width (digits are as wide as each other), a day apart. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *title = g_strdup_printf ("item %u", 100000 + i);
      g_autoptr(GError) error = NULL;
      ChronicleDate date;

      g_assert_true (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_DAY, 2024, 1 + i / 28, 1 + i % 28,
                                          0, 0, 0, &error));
      g_assert_no_error (error);
      g_ptr_array_add (events, chronicle_event_new (id, &date, title));
    }
  chronicle_timeline_set_events (timeline, events);

  chronicle_style_init_light (&style);
  chronicle_paint_clear_caches ();
  surface = paint_frame (timeline, &style, 1, 1, &layout);
  g_assert_cmpuint (_chronicle_paint_count_wide_boxes (), >, 0);
  cairo_surface_destroy (surface);
}

/* A frame painted on a recording surface (where sprites are stamped
 * through cairo), replayed onto a clear image of @scale device px per
 * logical px. */
static cairo_surface_t *
paint_frame_recorded (ChronicleTimeline    *timeline,
                      const ChronicleStyle *style,
                      double                zoom,
                      double                scale)
{
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  ChronicleLayoutOptions options = { TRUE, FALSE, TRUE, TRUE };
  ChroniclePangoMeasurer measurer = { context, style };
  cairo_rectangle_t extents = { 0, 0, WIDTH * scale, HEIGHT * scale };
  g_autoptr(ChronicleLayout) layout = NULL;
  cairo_surface_t *recording, *surface;
  cairo_t *cr;

  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);
  chronicle_viewport_fit (vp);
  chronicle_viewport_zoom (vp, zoom, WIDTH / 2.0);
  layout = chronicle_layout_compute (timeline, vp, WIDTH, HEIGHT, &options,
                                     chronicle_pango_measure, &measurer);

  recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cr = cairo_create (recording);
  cairo_scale (cr, scale, scale);
  chronicle_paint (cr, layout, style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (WIDTH * scale), (int) (HEIGHT * scale));
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (recording);
  g_object_unref (context);

  return surface;
}

/* On an image surface the sprites (label boxes, whole labels, markers,
 * dots, pills) are composited onto its pixels with pixman, past cairo
 * (issue #12: cairo's way there was most of a dense frame); the pixels
 * must be those cairo gives, which a recording surface replayed onto an
 * image shows: frame by frame from empty caches (new labels, then their
 * sprites), at scales 1 and 2, with and without a background. */
static void
test_blit_like_cairo (void)
{
  g_autoptr(ChronicleTimeline) generated = chronicle_test_generate_timeline (3000, 2);
  g_autoptr(ChronicleTimeline) shared = create_shared_titles ();
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  ChronicleTimeline *timelines[3];
  g_auto(ChronicleStyle) style = { 0, };
  const double zooms[] = { 1, 8, 64 };
  const double scales[] = { 1, 2 };
  guint before = _chronicle_paint_count_blits ();

  timelines[0] = example;
  timelines[1] = generated;
  timelines[2] = shared;
  chronicle_style_init_light (&style);

  for (guint b = 0; b < 2; b++)
    for (guint t = 0; t < G_N_ELEMENTS (timelines); t++)
      for (guint s = 0; s < G_N_ELEMENTS (scales); s++)
        for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
          {
            cairo_surface_t *direct[3], *recorded[3];

            style.draw_background = b == 1;
            chronicle_paint_clear_caches ();
            for (guint f = 0; f < G_N_ELEMENTS (direct); f++)
              direct[f] = paint_frame (timelines[t], &style, zooms[z], scales[s], NULL);
            chronicle_paint_clear_caches ();
            for (guint f = 0; f < G_N_ELEMENTS (recorded); f++)
              recorded[f] = paint_frame_recorded (timelines[t], &style, zooms[z], scales[s]);

            for (guint f = 0; f < G_N_ELEMENTS (direct); f++)
              {
                if (!surfaces_equal (direct[f], recorded[f]))
                  {
                    g_autofree char *name = g_strdup_printf ("blit-%u-x%g-scale%g-frame%u.png", t, zooms[z], scales[s], f);
                    g_autofree char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

                    cairo_surface_write_to_png (direct[f], path);
                    g_error ("timeline %u, zoom %g, scale %g, background %u: frame %u differs from cairo's (written to %s)",
                             t, zooms[z], scales[s], b, f, path);
                  }
                cairo_surface_destroy (direct[f]);
                cairo_surface_destroy (recorded[f]);
              }
          }

  /* the direct way was taken */
  g_assert_cmpuint (_chronicle_paint_count_blits (), >, before);
}

static guint n_freed_values;

static void
count_freed_value (gpointer value)
{
  n_freed_values++;
}

/* The texts shaped for the generation before the previous one are freed
 * a batch at a time as new ones come in, not all in the frame that fills
 * a generation (8 ms of it at a million events, issue #12); and all of
 * them long before the next generation is full. */
static void
test_generations_freed_gradually (void)
{
  const guint limit = 1024;
  Generations gen = { NULL, };
  guint inserted = 0;

  _chronicle_paint_generations_init (&gen, limit, count_freed_value);
  n_freed_values = 0;
  /* Two generations full, and the first value of a third. */
  while (inserted < 2 * limit + 1)
    {
      _chronicle_paint_generations_insert (&gen, g_strdup_printf ("text %u", inserted), GUINT_TO_POINTER (inserted + 1));
      inserted++;
    }
  g_assert_cmpuint (n_freed_values, <, limit / 4);
  g_assert_nonnull (_chronicle_paint_generations_lookup (&gen, "text 1500"));
  g_assert_null (_chronicle_paint_generations_lookup (&gen, "text 5"));

  /* (The lookup moved "text 1500" into the current generation: one
   * insert fewer fills it.) */
  while (inserted < 3 * limit - 1)
    {
      guint before = n_freed_values;

      _chronicle_paint_generations_insert (&gen, g_strdup_printf ("text %u", inserted), GUINT_TO_POINTER (inserted + 1));
      inserted++;
      g_assert_cmpuint (n_freed_values - before, <=, limit / 4);
    }
  g_assert_cmpuint (n_freed_values, ==, limit);
  g_assert_null (gen.dying);

  _chronicle_paint_generations_clear (&gen);
  g_assert_cmpuint (n_freed_values, ==, inserted);
}

/* The shaper's words are bounded, and past the bound a few are dropped
 * at a time, not all of them in one frame (15 ms at a million events). */
static void
test_shaper_words_dropped_gradually (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_auto(ChronicleStyle) style = { 0, };
  PangoFontDescription *font;
  g_autoptr(ChronicleShaper) shaper = NULL;
  guint most = 0, fewest = G_MAXUINT;

  chronicle_style_init_light (&style);
  font = _chronicle_paint_create_font (&style, CHRONICLE_TEXT_LABEL);
  shaper = chronicle_shaper_new (context, font);

  for (guint i = 0; i < 20000; i++)
    {
      /* not digits alone: those are built, not kept */
      g_autofree char *text = g_strdup_printf ("item n%u", i);
      PangoItem *item = NULL;
      PangoGlyphString *glyphs = NULL;
      PangoRectangle logical;
      guint n;

      g_assert_true (chronicle_shaper_shape_words (shaper, text, &item, &glyphs, &logical));
      pango_glyph_string_free (glyphs);
      pango_item_free (item);
      n = chronicle_shaper_get_n_words (shaper);
      most = MAX (most, n);
      if (i > 17000)
        fewest = MIN (fewest, n);
    }
  g_assert_cmpuint (most, <=, 16384 + 2);
  g_assert_cmpuint (fewest, >=, 16384 - 512);

  pango_font_description_free (font);
  g_object_unref (context);
}

/* Numbers (every "item N" of a million events has a new one) are the
 * font's digit glyphs side by side, the glyphs pango_shape() gives, and
 * are not kept as words (issue #12). */
static void
test_shaper_digits_built (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_auto(ChronicleStyle) style = { 0, };
  PangoFontDescription *font;
  g_autoptr(ChronicleShaper) shaper = NULL;
  const char *numbers[] = { "734027", "0", "1111", "9876543210", "2025" };

  chronicle_style_init_light (&style);
  font = _chronicle_paint_create_font (&style, CHRONICLE_TEXT_LABEL);
  shaper = chronicle_shaper_new (context, font);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = g_strdup_printf ("item %s", numbers[i]);
      PangoItem *item = NULL;
      PangoGlyphString *glyphs = NULL, *shaped = pango_glyph_string_new ();
      PangoRectangle logical, shaped_logical;
      const char *digits = text + 5;
      int n = (int) strlen (digits);

      g_assert_true (chronicle_shaper_shape_words (shaper, text, &item, &glyphs, &logical));
      /* "item", " " and nothing for the number */
      g_assert_cmpuint (chronicle_shaper_get_n_words (shaper), ==, 2);

      pango_shape_with_flags (digits, n, digits, n, &item->analysis, shaped, chronicle_shaper_get_flags (shaper));
      g_assert_cmpint (glyphs->num_glyphs, ==, 5 + shaped->num_glyphs);
      for (int g = 0; g < shaped->num_glyphs; g++)
        {
          g_assert_cmpuint (glyphs->glyphs[5 + g].glyph, ==, shaped->glyphs[g].glyph);
          g_assert_cmpint (glyphs->glyphs[5 + g].geometry.width, ==, shaped->glyphs[g].geometry.width);
          g_assert_cmpint (glyphs->log_clusters[5 + g], ==, 5 + shaped->log_clusters[g]);
        }
      pango_glyph_string_extents (shaped, item->analysis.font, NULL, &shaped_logical);
      g_assert_cmpint (logical.y, ==, shaped_logical.y);
      g_assert_cmpint (logical.height, ==, shaped_logical.height);

      pango_glyph_string_free (shaped);
      pango_glyph_string_free (glyphs);
      pango_item_free (item);
    }

  pango_font_description_free (font);
  g_object_unref (context);
}

/* A fitted view of many events draws where they are: the columns of the
 * density strip that hold events are tinted just under the axis, and
 * those without stay background (a marker or tick may cover a few). */
static void
test_density_strip (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (10000, 3);
  g_auto(ChronicleStyle) style = { 0, };
  g_autoptr(ChronicleLayout) layout = NULL;
  cairo_surface_t *surface;
  guint full = 0, full_tinted = 0, empty = 0, empty_tinted = 0;
  int y;

  chronicle_style_init_light (&style);
  style.draw_background = TRUE;
  surface = paint_frame (timeline, &style, 1, 1, &layout);
  g_assert_nonnull (layout->density);
  y = (int) floor (layout->axis_y) + 2;

  for (guint c = 0; c < layout->n_density; c++)
    {
      double rgb[3];
      int x = (int) (c * CHRONICLE_DENSITY_COLUMN);
      gboolean tinted;

      if (x >= WIDTH)
        break;
      get_pixel (surface, x, y, rgb);
      tinted = color_distance (rgb, &style.background) > 0.05;
      if (layout->density[c] > 0)
        {
          full++;
          full_tinted += tinted;
        }
      else
        {
          empty++;
          empty_tinted += tinted;
        }
    }

  g_assert_cmpuint (full, >, 100);
  g_assert_cmpuint (empty, >, 10);
  g_assert_cmpfloat ((double) full_tinted / full, >, 0.9);
  g_assert_cmpfloat ((double) empty_tinted / empty, <, 0.3);

  cairo_surface_destroy (surface);
}

/* A file's "#80ffff" is nearly invisible on white: it is drawn (in the
 * chart, and so the legend, overview and filters, which share the rule)
 * darker on light and lighter on dark where needed, keeping its hue. */
static void
test_low_contrast_color_adjusted (void)
{
  g_autoptr(ChronicleTimeline) timeline = timeline_with_one_event ("2024-03-05T00:00", "2024-03-06T00:00", FALSE, "#80ffff");

  for (guint dark = 0; dark < 2; dark++)
    {
      g_auto(ChronicleStyle) style = { 0, };
      ChronicleColor color;
      cairo_surface_t *surface;
      ChronicleLayout *layout;
      const ChronicleLayoutItem *item;
      double rgb[3];

      if (dark)
        chronicle_style_init_dark (&style);
      else
        chronicle_style_init_light (&style);

      chronicle_style_category_color (&style, timeline, 0, &color);
      g_assert_cmpfloat (chronicle_color_contrast (color.red, color.green, color.blue, style.background.red,
                                                   style.background.green, style.background.blue), >=, 3.0);
      /* the hue: red half of green, green equal to blue */
      g_assert_cmpfloat_with_epsilon (color.green, color.blue, 1e-9);
      g_assert_cmpfloat_with_epsilon (color.red / color.green, 128.0 / 255.0, 1e-6);
      if (!dark)
        g_assert_cmpfloat (color.green, <, 0.7);  /* darker than the file's 1.0 */

      /* and the pixels drawn */
      item = paint_one_event (timeline, &style, &surface, &layout);
      get_pixel (surface, (int) ((item->x + item->x2) / 2), (int) floor (item->axis_y), rgb);
      g_assert_cmpfloat (chronicle_color_contrast (rgb[0], rgb[1], rgb[2], style.background.red,
                                                   style.background.green, style.background.blue), >=, 2.95);
      cairo_surface_destroy (surface);
      chronicle_layout_free (layout);
    }
}

/* @publishers: NULL-terminated; each names one source. */
static ChronicleTimeline *
timeline_with_publishers (const char * const *publishers)
{
  ChronicleTimeline *timeline = chronicle_timeline_new ("Credit");

  for (guint i = 0; publishers[i] != NULL; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autoptr(ChronicleSource) source = chronicle_source_new (id, publishers[i], NULL, NULL, NULL);

      chronicle_timeline_add_source (timeline, source);
    }

  return timeline;
}

static char *
credit_of (const char * const *publishers)
{
  g_autoptr(ChronicleTimeline) timeline = timeline_with_publishers (publishers);

  return chronicle_export_build_credit (timeline);
}

/* Issue #10, item 17: a credit line names a few publishers, each once, and
 * counts the rest; a line naming a thousand was laid out whole (and built
 * in quadratic time: 43 s for 100 000, see the benchmark's credit
 * section). */
static void
test_credit_bounded (void)
{
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *credit = NULL;
  g_autofree char *long_name = g_strnfill (100000, 'x');

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < 1000; i++)
      g_ptr_array_add (many, g_strdup_printf ("Publisher %u", i));
  g_ptr_array_add (many, NULL);

  credit = credit_of ((const char * const *) many->pdata);
  g_assert_cmpstr (credit, ==,
                   "Sources: Publisher 0; Publisher 1; Publisher 2; Publisher 3; Publisher 4; "
                   "Publisher 5; Publisher 6; Publisher 7; Publisher 8; Publisher 9 and 990 others");
  g_clear_pointer (&credit, g_free);

  credit = credit_of ((const char * const[]) { "A", "B", "A", "C", "B", NULL });
  g_assert_cmpstr (credit, ==, "Sources: A; B; C");
  g_clear_pointer (&credit, g_free);

  credit = credit_of ((const char * const[]) { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", NULL });
  g_assert_cmpstr (credit, ==, "Sources: 1; 2; 3; 4; 5; 6; 7; 8; 9; 10");
  g_clear_pointer (&credit, g_free);

  credit = credit_of ((const char * const[]) { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", NULL });
  g_assert_cmpstr (credit, ==, "Sources: 1; 2; 3; 4; 5; 6; 7; 8; 9; 10 and 1 other");
  g_clear_pointer (&credit, g_free);

  /* A 100 000-character publisher is cut as a title is. */
  credit = credit_of ((const char * const[]) { long_name, NULL });
  g_assert_true (g_str_has_prefix (credit, "Source: xxx"));
  g_assert_cmpuint (g_utf8_strlen (credit, -1), <=, strlen ("Source: ") + CHRONICLE_TEXT_MAX_TITLE + 1);
}

/* Tester S12, item 14: "Sources: Reuters, Russia, Ukraine in first direct
 * peace talks since 2022" read as three sources. A publisher and the
 * title of its one article read as one, an article known by its title
 * alone is quoted (and left out when a publisher's article of that title
 * is credited already), and sources are separated by ";". */
static void
test_credit_publisher_title (void)
{
  const char *title = "Russia, Ukraine in first direct peace talks since 2022";
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Credit");
  g_autoptr(ChronicleTimeline) both = chronicle_timeline_new ("Credit");
  g_autoptr(ChronicleTimeline) titled = chronicle_timeline_new ("Credit");
  g_autoptr(ChronicleSource) reuters = chronicle_source_new ("reuters", "Reuters", title, NULL, NULL);
  g_autoptr(ChronicleSource) article = chronicle_source_new ("article", NULL, title, NULL, NULL);
  g_autoptr(ChronicleSource) other = chronicle_source_new ("other", NULL, "Talks end, with no ceasefire", NULL, NULL);
  g_autoptr(ChronicleSource) ap1 = chronicle_source_new ("ap1", "AP", "One", NULL, NULL);
  g_autoptr(ChronicleSource) ap2 = chronicle_source_new ("ap2", "AP", "Two", NULL, NULL);
  g_autofree char *credit = NULL;

  chronicle_timeline_add_source (timeline, reuters);
  credit = chronicle_export_build_credit (timeline);
  g_assert_cmpstr (credit, ==, "Source: Reuters: “Russia, Ukraine in first direct peace talks since 2022”");
  g_clear_pointer (&credit, g_free);

  /* The tester's timeline: the example's source and the article's import. */
  chronicle_timeline_add_source (both, reuters);
  chronicle_timeline_add_source (both, article);
  chronicle_timeline_add_source (both, other);
  credit = chronicle_export_build_credit (both);
  g_assert_cmpstr (credit, ==,
                   "Sources: Reuters: “Russia, Ukraine in first direct peace talks since 2022”; "
                   "“Talks end, with no ceasefire”");
  g_clear_pointer (&credit, g_free);

  /* A publisher of several articles is named once, without titles. */
  chronicle_timeline_add_source (titled, ap1);
  chronicle_timeline_add_source (titled, article);
  chronicle_timeline_add_source (titled, ap2);
  credit = chronicle_export_build_credit (titled);
  g_assert_cmpstr (credit, ==, "Sources: AP; “Russia, Ukraine in first direct peace talks since 2022”");
}

/* ---- axis texts with real fonts ---- */

typedef struct
{
  const char *what;
  ChronicleRect rect;
  const char *text;
} AxisText;

static void
add_axis_text (GArray     *texts,
               const char *what,
               const char *text,
               double      x,
               double      y,
               double      width,
               double      height)
{
  AxisText t = { what, { x, y, width, height }, text };

  g_array_append_val (texts, t);
}

/* Every text under the axis (tick labels, break texts, stretch headings)
 * as the painter draws it, measured with Pango: inside the chart, none
 * over another, and no year-only tick label under a heading that names
 * the same year. */
static void
check_axis_texts (const ChronicleLayout *layout,
                  double                 width)
{
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (AxisText));
  const ChronicleTick *ticks;
  guint n_ticks;

  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].text != NULL)
      add_axis_text (texts, "tick", ticks[i].text, ticks[i].label_x, layout->tick_label_y,
                     ticks[i].label_width, layout->tick_label_height);
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);

      if (brk->text != NULL)
        add_axis_text (texts, "break", brk->text, (brk->x0 + brk->x1) / 2 - brk->text_width / 2,
                       brk->text_below ? layout->break_label_y : layout->tick_label_y,
                       brk->text_width, layout->tick_label_height);
    }
  for (guint i = 0; i < layout->stretches->len; i++)
    {
      const ChronicleLayoutStretch *stretch = &g_array_index (layout->stretches, ChronicleLayoutStretch, i);

      add_axis_text (texts, "heading", stretch->text, stretch->rect.x, stretch->rect.y,
                     stretch->rect.width, stretch->rect.height);
    }

  for (guint i = 0; i < texts->len; i++)
    {
      const AxisText *a = &g_array_index (texts, AxisText, i);

      g_test_message ("%s \"%s\" at %.1f..%.1f, y %.0f", a->what, a->text, a->rect.x, a->rect.x + a->rect.width, a->rect.y);
      g_assert_cmpfloat (a->rect.x, >=, 0);
      g_assert_cmpfloat (a->rect.x + a->rect.width, <=, width);
      for (guint j = i + 1; j < texts->len; j++)
        {
          const AxisText *b = &g_array_index (texts, AxisText, j);
          gboolean overlap = a->rect.x < b->rect.x + b->rect.width && b->rect.x < a->rect.x + a->rect.width &&
                             a->rect.y < b->rect.y + b->rect.height && b->rect.y < a->rect.y + a->rect.height;

          if (overlap)
            g_error ("%s \"%s\" overlaps %s \"%s\"", a->what, a->text, b->what, b->text);
        }
    }

  /* A year said twice, one text above the other. */
  for (guint i = 0; i < layout->stretches->len; i++)
    {
      const ChronicleLayoutStretch *stretch = &g_array_index (layout->stretches, ChronicleLayoutStretch, i);

      for (guint k = 0; k < n_ticks; k++)
        {
          const char *p = ticks[k].text;

          if (p == NULL || ticks[k].x < stretch->x0 - 1 || ticks[k].x > stretch->x1 + 1)
            continue;
          while (g_ascii_isdigit (*p))
            p++;
          if (p != ticks[k].text && *p == '\0' && strstr (stretch->text, ticks[k].text) != NULL)
            g_error ("tick \"%s\" repeats the year of the heading \"%s\" above it", ticks[k].text, stretch->text);
        }
    }
}

/* The example and the corpus, fitted, linear and with breaks, at the
 * article, slide and A4 sizes, in the fonts the app draws with. */
static void
test_axis_texts_inside (void)
{
  static const char *const files[] = {
    "corpus/apollo-11.json", "corpus/berlin-wall-1989.json",
    "corpus/seventh-century.json", "corpus/women-in-computing.json", NULL,
  };
  static const double sizes[][2] = { { 1200, 675 }, { 1920, 1080 }, { 842, 595 }, { 640, 480 } };
  g_auto(ChronicleStyle) style = { 0, };
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  ChroniclePangoMeasurer measurer = { context, &style };

  chronicle_style_init_light (&style);
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(ChronicleTimeline) timeline = NULL;

      if (files[f] != NULL)
        {
          g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", files[f], NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;

          timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
          g_assert_no_error (error);
        }
      else
        timeline = chronicle_test_load_example ();

      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int linear = 0; linear < 2; linear++)
          {
            g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
            ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
            ChronicleLayout *layout;
            gint64 first, last;

            chronicle_viewport_set_width (vp, sizes[s][0]);
            g_assert_true (chronicle_timeline_get_bounds (timeline, &first, &last));
            if (linear)
              chronicle_viewport_set_linear (vp, first, last);
            else
              chronicle_viewport_set_timeline (vp, timeline, TRUE);
            chronicle_viewport_fit (vp);
            layout = chronicle_layout_compute (timeline, vp, sizes[s][0], sizes[s][1], &options,
                                               chronicle_pango_measure, &measurer);
            g_test_message ("%s, %gx%g, %s", files[f] ? files[f] : "example", sizes[s][0], sizes[s][1],
                            linear ? "linear" : "breaks");
            check_axis_texts (layout, sizes[s][0]);
            chronicle_layout_free (layout);
          }
    }
  g_object_unref (context);
}

/* No leader going down from the axis strikes through a stretch heading
 * or a break's text in the row under the ticks (the example's "15–16 May
 * 2025" was crossed by the leaders of 16 May). */
static void
test_leaders_clear_headings (void)
{
  static const char *const files[] = { "corpus/berlin-wall-1989.json", "corpus/women-in-computing.json", NULL };
  g_auto(ChronicleStyle) style = { 0, };
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  ChroniclePangoMeasurer measurer = { context, &style };
  guint n_checked = 0;

  chronicle_style_init_light (&style);
  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(ChronicleTimeline) timeline = NULL;
      g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
      ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
      ChronicleLayout *layout;
      const ChronicleLayoutItem *items;
      guint n_items;

      if (files[f] != NULL)
        {
          g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", files[f], NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;

          timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
          g_assert_no_error (error);
        }
      else
        timeline = chronicle_test_load_example ();

      chronicle_viewport_set_width (vp, WIDTH);
      chronicle_viewport_set_timeline (vp, timeline, TRUE);
      layout = chronicle_layout_compute (timeline, vp, WIDTH, HEIGHT, &options, chronicle_pango_measure, &measurer);
      items = chronicle_layout_get_items (layout, &n_items);
      for (guint i = 0; i < n_items; i++)
        {
          double x, top, bottom;

          if (items[i].kind == CHRONICLE_ITEM_CLUSTER || items[i].lane > 0 || items[i].n_leader < 2)
            continue;
          x = floor (items[i].leader[0].x) + 0.5;
          bottom = MAX (items[i].leader[0].y, items[i].leader[1].y);
          top = _chronicle_paint_leader_top (layout, x, layout->tick_label_y + layout->tick_label_height + 2);
          for (guint k = 0; k < layout->stretches->len; k++)
            {
              const ChronicleLayoutStretch *s = &g_array_index (layout->stretches, ChronicleLayoutStretch, k);

              if (x >= s->rect.x && x <= s->rect.x + s->rect.width && top < s->rect.y + s->rect.height && bottom > s->rect.y)
                g_error ("the leader at %g strikes through \"%s\"", x, s->text);
              n_checked += x >= s->rect.x && x <= s->rect.x + s->rect.width;
            }
        }
      chronicle_layout_free (layout);
    }
  g_object_unref (context);
  /* the example's 16 May leaders pass under its heading */
  g_assert_cmpuint (n_checked, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/example/reference", test_reference);
  g_test_add_func ("/render/example/reference-catches", test_reference_catches);
  g_test_add_func ("/render/credit/bounded", test_credit_bounded);
  g_test_add_func ("/render/credit/publisher-title", test_credit_publisher_title);
  g_test_add_func ("/render/example/dark", test_dark);
  g_test_add_func ("/render/example/no-background", test_no_background);
  g_test_add_func ("/render/example/highlight", test_highlight);
  g_test_add_func ("/render/caches-keep-pixels", test_caches_keep_pixels);
  g_test_add_func ("/render/measure-matches-layout", test_measure_matches_layout);
  g_test_add_func ("/render/shaped-text-like-layout", test_shaped_text_like_layout);
  g_test_add_func ("/render/marks/day-unlike-timed-range", test_day_unlike_timed_range);
  g_test_add_func ("/render/marks/low-contrast-color", test_low_contrast_color_adjusted);
  g_test_add_func ("/render/density-strip", test_density_strip);
  g_test_add_func ("/render/text-cache-reused-address", test_text_cache_reused_address);
  g_test_add_func ("/render/label-box-whole-sprite", test_label_box_whole_sprite);
  g_test_add_func ("/render/blit-like-cairo", test_blit_like_cairo);
  g_test_add_func ("/render/generations-freed-gradually", test_generations_freed_gradually);
  g_test_add_func ("/render/shaper-words-dropped-gradually", test_shaper_words_dropped_gradually);
  g_test_add_func ("/render/shaper-digits-built", test_shaper_digits_built);
  g_test_add_func ("/render/axis/texts-inside", test_axis_texts_inside);
  g_test_add_func ("/render/axis/leaders-clear-headings", test_leaders_clear_headings);

  return g_test_run ();
}
