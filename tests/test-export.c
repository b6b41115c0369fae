/* test-export.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Report-ready export (issue #11): presets, text sized for the output,
 * subtitle, a credit line that wraps, no selection by default, a safe
 * suggested file name, the image map and the count of cut titles.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "chronicle-export.h"
#include "chronicle-export-private.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-private.h"
#include "chronicle-timeline-writer.h"

/* Each test gets a temporary folder (ChronicleTestDirFixture). */
typedef ChronicleTestDirFixture Fixture;

static void
test_presets (void)
{
  const ChronicleExportPreset *presets;
  const ChronicleExportPreset *article;
  guint n;

  presets = chronicle_export_get_presets (&n);
  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      ChronicleExportOptions options;

      chronicle_export_options_init (&options);
      options.width = presets[i].width;
      options.height = presets[i].height;
      options.format = presets[i].format;
      g_assert_true (chronicle_export_options_validate (&options, NULL));
    }

  article = chronicle_export_find_preset ("Article");
  g_assert_nonnull (article);
  g_assert_cmpint (article->width, ==, 1200);
  g_assert_cmpint (article->height, ==, 675);
  g_assert_cmpint (chronicle_export_find_preset ("slide")->width, ==, 1920);
  g_assert_cmpint (chronicle_export_find_preset ("a4")->width, ==, 842);
  g_assert_cmpint (chronicle_export_find_preset ("letter")->height, ==, 612);
  g_assert_null (chronicle_export_find_preset ("poster"));
}

/* Defaults fit a report: nothing selected, text sized for the output. */
static void
test_defaults (void)
{
  ChronicleExportOptions options;

  chronicle_export_options_init (&options);
  g_assert_cmpuint (options.selected, ==, G_MAXUINT);
  g_assert_cmpfloat (options.text_scale, ==, 0);
  g_assert_null (options.subtitle);
}

static double
text_scale_for (int width,
                int height)
{
  ChronicleExportOptions options;

  chronicle_export_options_init (&options);
  options.width = width;
  options.height = height;
  return chronicle_export_get_text_scale (&options);
}

static void
test_text_scale (void)
{
  ChronicleExportOptions options;

  g_assert_cmpfloat_with_epsilon (text_scale_for (1200, 675), 1.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (text_scale_for (1920, 1080), 1.92, 1e-9);
  g_assert_cmpfloat_with_epsilon (text_scale_for (3840, 2160), 3.84, 1e-9);
  /* A4 landscape in points keeps 10 pt text; a small export does not shrink. */
  g_assert_cmpfloat (text_scale_for (842, 595), ==, 1.0);
  g_assert_cmpfloat (text_scale_for (400, 300), ==, 1.0);
  /* A very wide, short image is held by its height. */
  g_assert_cmpfloat_with_epsilon (text_scale_for (4000, 675), 1.2, 1e-9);

  chronicle_export_options_init (&options);
  options.text_scale = 1.5;
  g_assert_cmpfloat (chronicle_export_get_text_scale (&options), ==, 1.5);
  options.text_scale = -1;
  g_assert_false (chronicle_export_options_validate (&options, NULL));
}

static void
test_suggest_filename (void)
{
  static const struct {
    const char *title;
    const char *expected;
  } cases[] = {
    { "Istanbul talks 2025: Ukraine", "Istanbul talks 2025 — Ukraine.png" },
    { "Russia–Ukraine: the road to the Istanbul talks", "Russia–Ukraine — the road to the Istanbul talks.png" },
    { "a/b\\c?d*e\"f<g>h|i", "a b c d e f g h i.png" },
    { "AC/DC: \"Live?\"", "AC DC — Live.png" },
    { "tabs\tand\nnewlines\r", "tabs and newlines.png" },
    { "  ..hidden. . ", "hidden.png" },
    { "Ends in a dot.", "Ends in a dot.png" },
    { "CON", "CON chart.png" },
    { "com1.report", "com1.report chart.png" },
    { "LPT9", "LPT9 chart.png" },
    { "Console", "Console.png" },
    { "", "Timeline.png" },
    { ":::", "Timeline.png" },
    { NULL, "Timeline.png" },
    { "ok\u202eevil", "okevil.png" },
    { "Ĺ ĺ ž", "Ĺ ĺ ž.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = chronicle_export_suggest_filename (cases[i].title, CHRONICLE_EXPORT_PNG);

      g_assert_cmpstr (name, ==, cases[i].expected);
    }
}

/* A long title is cut at a character within the bound, never mid-UTF-8. */
static void
test_suggest_filename_bounded (void)
{
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *name = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append (title, "ü");
  name = chronicle_export_suggest_filename (title->str, CHRONICLE_EXPORT_PDF);

  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_cmpuint (strlen (name), <=, 120 + strlen (".pdf"));
  g_assert_true (g_str_has_suffix (name, "ü.pdf"));
}

static JsonObject *
load_map (const char *path,
          JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_node_get_object (json_parser_get_root (parser));
}

typedef struct
{
  int x, y, width, height;
} Box;

static gboolean
get_box (JsonObject *object,
         const char *member,
         Box        *box)
{
  JsonObject *b;

  if (json_object_get_null_member (object, member))
    return FALSE;

  b = json_object_get_object_member (object, member);
  box->x = json_object_get_int_member (b, "x");
  box->y = json_object_get_int_member (b, "y");
  box->width = json_object_get_int_member (b, "width");
  box->height = json_object_get_int_member (b, "height");
  return TRUE;
}

static void
assert_box_inside (const Box *box,
                   int        width,
                   int        height)
{
  g_assert_cmpint (box->width, >, 0);
  g_assert_cmpint (box->height, >, 0);
  g_assert_cmpint (box->x, >=, -1);
  g_assert_cmpint (box->y, >=, 0);
  g_assert_cmpint (box->x + box->width, <=, width + 1);
  g_assert_cmpint (box->y + box->height, <=, height);
}

static gboolean
is_ink (cairo_surface_t *surface,
        int              x,
        int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  double lum = 0.2126 * ((pixel >> 16) & 0xff) / 255.0 + 0.7152 * ((pixel >> 8) & 0xff) / 255.0 +
               0.0722 * (pixel & 0xff) / 255.0;

  return lum < 0.5;
}

/* A category colour, not the background, a grid line or text. */
static gboolean
is_coloured (cairo_surface_t *surface,
             int              x,
             int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 80;
}

/* Some of @box is in a category colour: a solid mark's middle, or the
 * outline and bracket ends of a day's or month's pale bar. */
static gboolean
box_is_coloured (cairo_surface_t *surface,
                 const Box       *box)
{
  for (int y = MAX (box->y, 0); y < MIN (box->y + box->height, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (box->x, 0); x < MIN (box->x + box->width, cairo_image_surface_get_width (surface)); x++)
      if (is_coloured (surface, x, y))
        return TRUE;

  return FALSE;
}

/* The ink of a label's text lies in its box, and spans most of it: a box
 * in the wrong place or at the wrong scale has none or too little. */
static void
assert_text_in_box (cairo_surface_t *surface,
                    const Box       *box,
                    const char      *text)
{
  int ink_x0 = G_MAXINT, ink_x1 = -1, n = 0;

  for (int y = MAX (box->y, 0); y < MIN (box->y + box->height, cairo_image_surface_get_height (surface)); y++)
    for (int x = MAX (box->x, 0); x < MIN (box->x + box->width, cairo_image_surface_get_width (surface)); x++)
      if (is_ink (surface, x, y))
        {
          ink_x0 = MIN (ink_x0, x);
          ink_x1 = MAX (ink_x1, x);
          n++;
        }

  if (n < 30 || ink_x1 - ink_x0 < 0.6 * box->width)
    g_test_message ("“%s”: %d ink px, spanning %d of %d px", text, n, ink_x1 - ink_x0, box->width);
  g_assert_cmpint (n, >=, 30);
  g_assert_cmpint (ink_x1 - ink_x0, >=, 0.6 * box->width);
  /* and no text runs on past the box: the columns just outside are clear */
  for (int y = box->y + 2; y < box->y + box->height - 2; y++)
    if (box->x + box->width + 2 < cairo_image_surface_get_width (surface))
      g_assert_false (is_ink (surface, box->x + box->width + 2, y));
}

static void
export_example (Fixture                *fixture,
                ChronicleExportOptions *options,
                const char             *name,
                char                  **out_image,
                char                  **out_map,
                ChronicleExportReport  *report)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(GError) error = NULL;
  char *image_path = g_build_filename (fixture->dir, name, NULL);
  char *map_path = g_strconcat (image_path, ".map.json", NULL);
  g_autoptr(GFile) image = g_file_new_for_path (image_path);
  g_autoptr(GFile) map = g_file_new_for_path (map_path);

  g_assert_true (chronicle_export_to_file_with_map (timeline, NULL, options, image, map, report, NULL, &error));
  g_assert_no_error (error);

  *out_image = image_path;
  *out_map = map_path;
}

/* A label's leader is a vertical line at its event's date: from the
 * marker to the label box, or from a bar's start to the axis. One end
 * touches the mark, the other the label box or the axis, give or take a
 * pixel. */
static void
assert_leader_joins (JsonArray *leader,
                     const Box *mark,
                     const Box *label,
                     int        axis_y)
{
  JsonArray *first, *last;
  gint64 x0, y0, x1, y1, top, bottom;

  g_assert_nonnull (leader);
  g_assert_cmpuint (json_array_get_length (leader), ==, 2);
  first = json_array_get_array_element (leader, 0);
  last = json_array_get_array_element (leader, 1);
  x0 = json_array_get_int_element (first, 0);
  y0 = json_array_get_int_element (first, 1);
  x1 = json_array_get_int_element (last, 0);
  y1 = json_array_get_int_element (last, 1);
  top = MIN (y0, y1);
  bottom = MAX (y0, y1);

  g_assert_cmpint (x0, ==, x1);
  g_assert_cmpint (x0, >=, mark->x - 1);
  g_assert_cmpint (x0, <=, mark->x + mark->width + 1);
  /* touches the mark ... */
  g_assert_true (top <= mark->y + mark->height + 1 && bottom >= mark->y - 1);
  /* ... and the label box or the axis */
  g_assert_true ((top <= label->y + label->height + 1 && bottom >= label->y - 1) ||
                 (top <= axis_y + 1 && bottom >= axis_y - 1));
}

/* The map of the example's article export: one entry per drawn event,
 * boxes inside the image, label boxes where the text's pixels are. */
static void
test_image_map (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *image_path = NULL;
  g_autofree char *map_path = NULL;
  ChronicleExportOptions options;
  ChronicleExportReport report;
  cairo_surface_t *surface;
  JsonObject *root;
  JsonArray *events, *ticks, *breaks;
  guint n_labels = 0;
  int axis_y;

  chronicle_export_options_init (&options);
  options.width = 1200;
  options.height = 675;
  export_example (fixture, &options, "article.png", &image_path, &map_path, &report);

  root = load_map (map_path, parser);
  g_assert_cmpint (json_object_get_int_member (root, "width"), ==, 1200);
  g_assert_cmpint (json_object_get_int_member (root, "height"), ==, 675);
  g_assert_cmpstr (json_object_get_string_member (root, "unit"), ==, "px");
  axis_y = json_object_get_int_member (root, "axis_y");
  g_assert_cmpint (axis_y, >, 0);
  g_assert_cmpint (axis_y, <, 675);

  surface = cairo_image_surface_create_from_png (image_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* The fitted example shows every event, each once. */
  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, chronicle_timeline_get_n_events (timeline));
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      const char *id = json_object_get_string_member (event, "id");
      Box mark = { 0, }, label = { 0, };

      g_assert_true (g_hash_table_add (ids, (gpointer) id));
      g_assert_nonnull (json_object_get_string_member (event, "date"));
      g_assert_true (get_box (event, "mark", &mark));
      assert_box_inside (&mark, 1200, 675);

      if (get_box (event, "label", &label))
        {
          /* the marker or bar is drawn in the category's colour there (a
           * folded event's mark is its cluster's grey pill) */
          if (!box_is_coloured (surface, &mark))
            g_test_message ("%s: mark box %d,%d %d×%d", id, mark.x, mark.y, mark.width, mark.height);
          g_assert_true (box_is_coloured (surface, &mark));
          assert_box_inside (&label, 1200, 675);
          /* the chip's category strip runs down its left edge, or its
           * right edge when the label ends at the event's date */
          g_assert_true (is_coloured (surface, label.x + 2, label.y + label.height / 2) ||
                         is_coloured (surface, label.x + label.width - 3, label.y + label.height / 2));
          assert_text_in_box (surface, &label, json_object_get_string_member (event, "text"));
          assert_leader_joins (json_object_get_array_member (event, "leader"), &mark, &label, axis_y);
          n_labels++;
        }
      else
        {
          g_assert_true (json_object_get_null_member (event, "text"));
          g_assert_true (json_object_get_null_member (event, "leader"));
        }
    }
  g_assert_cmpuint (n_labels, >, 0);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    g_assert_true (g_hash_table_contains (ids, chronicle_event_get_id (chronicle_timeline_get_event (timeline, i))));

  /* Ticks with their dates and texts; the example's one break. */
  ticks = json_object_get_array_member (root, "ticks");
  g_assert_cmpuint (json_array_get_length (ticks), >, 3);
  for (guint i = 0; i < json_array_get_length (ticks); i++)
    {
      JsonObject *tick = json_array_get_object_element (ticks, i);
      gint64 x = json_object_get_int_member (tick, "x");

      g_assert_cmpint (x, >=, 0);
      g_assert_cmpint (x, <=, 1200);
      g_assert_true (g_str_has_prefix (json_object_get_string_member (tick, "date"), "20"));
    }
  breaks = json_object_get_array_member (root, "breaks");
  g_assert_cmpuint (json_array_get_length (breaks), ==, 1);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (breaks, 0), "from"),
                                   "2022-"));
  g_assert_true (g_str_has_prefix (json_object_get_string_member (json_array_get_object_element (breaks, 0), "to"),
                                   "2025-"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "clusters")), ==, 0);

  cairo_surface_destroy (surface);
}

/* An article export of a corpus timeline (tests/data/corpus): Apollo 11,
 * with eleven events on landing day at UTC-5. Every event is drawn once,
 * as a label or in a cluster; every label's text is inside its box,
 * joined to its coloured mark, and no two label boxes overlap. */
static void
test_image_map_corpus (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("corpus/apollo-11.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (Box));
  g_autofree char *image_path = g_build_filename (fixture->dir, "apollo.png", NULL);
  g_autofree char *map_path = g_build_filename (fixture->dir, "apollo.png.map.json", NULL);
  g_autoptr(GFile) image = g_file_new_for_path (image_path);
  g_autoptr(GFile) map = g_file_new_for_path (map_path);
  ChronicleExportOptions options;
  ChronicleExportReport report;
  cairo_surface_t *surface;
  JsonObject *root;
  JsonArray *events, *clusters;
  int axis_y;

  g_assert_no_error (error);
  chronicle_export_options_init (&options);
  options.width = 1200;
  options.height = 675;
  g_assert_true (chronicle_export_to_file_with_map (timeline, NULL, &options, image, map, &report, NULL, &error));
  g_assert_no_error (error);

  root = load_map (map_path, parser);
  axis_y = json_object_get_int_member (root, "axis_y");
  surface = cairo_image_surface_create_from_png (image_path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  events = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      Box mark = { 0, }, label = { 0, };

      g_assert_true (g_hash_table_add (ids, (gpointer) json_object_get_string_member (event, "id")));
      g_assert_true (get_box (event, "mark", &mark));
      assert_box_inside (&mark, 1200, 675);
      if (!get_box (event, "label", &label))
        continue;
      g_assert_true (box_is_coloured (surface, &mark));
      assert_box_inside (&label, 1200, 675);
      assert_text_in_box (surface, &label, json_object_get_string_member (event, "text"));
      assert_leader_joins (json_object_get_array_member (event, "leader"), &mark, &label, axis_y);
      for (guint k = 0; k < labels->len; k++)
        {
          const Box *other = &g_array_index (labels, Box, k);

          g_assert_true (label.x + label.width <= other->x || other->x + other->width <= label.x ||
                         label.y + label.height <= other->y || other->y + other->height <= label.y);
        }
      g_array_append_val (labels, label);
    }
  g_assert_cmpuint (labels->len, >, 0);

  clusters = json_object_get_array_member (root, "clusters");
  for (guint i = 0; i < json_array_get_length (clusters); i++)
    {
      JsonArray *folded = json_object_get_array_member (json_array_get_object_element (clusters, i), "events");

      for (guint k = 0; k < json_array_get_length (folded); k++)
        g_hash_table_add (ids, (gpointer) json_array_get_string_element (folded, k));
    }
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    g_assert_true (g_hash_table_contains (ids, chronicle_event_get_id (chronicle_timeline_get_event (timeline, i))));

  cairo_surface_destroy (surface);
}

/* A crowded export folds events into clusters: the map lists each
 * cluster's events, and each folded event has no label or text. */
static void
test_image_map_clusters (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *image_path = NULL;
  g_autofree char *map_path = NULL;
  ChronicleExportOptions options;
  JsonObject *root;
  JsonArray *clusters, *events;
  guint n_folded = 0, n_in_clusters = 0;

  chronicle_export_options_init (&options);
  options.width = 400;
  options.height = 160;
  options.format = CHRONICLE_EXPORT_SVG;
  options.show_legend = FALSE;
  options.show_credit = FALSE;
  export_example (fixture, &options, "small.svg", &image_path, &map_path, NULL);

  root = load_map (map_path, parser);
  clusters = json_object_get_array_member (root, "clusters");
  events = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (clusters); i++)
    {
      JsonObject *cluster = json_array_get_object_element (clusters, i);
      Box box = { 0, };

      g_assert_true (get_box (cluster, "box", &box));
      assert_box_inside (&box, 400, 160);
      g_assert_cmpint (json_object_get_int_member (cluster, "count"), ==,
                       json_array_get_length (json_object_get_array_member (cluster, "events")));
      n_in_clusters += json_object_get_int_member (cluster, "count");
    }
  for (guint i = 0; i < json_array_get_length (events); i++)
    if (json_object_get_null_member (json_array_get_object_element (events, i), "label"))
      n_folded++;

  g_assert_cmpuint (json_array_get_length (clusters), >, 0);
  g_assert_cmpuint (n_folded, ==, n_in_clusters);
}

/* Text sized for the output: the slide's labels are 1.6 times the
 * article's, so both hold the same chart. */
static void
test_text_sized_for_output (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autofree char *i1 = NULL, *m1 = NULL, *i2 = NULL, *m2 = NULL;
  ChronicleExportOptions options;
  JsonObject *e1, *e2;
  Box b1 = { 0, }, b2 = { 0, };

  chronicle_export_options_init (&options);
  options.width = 1200;
  options.height = 675;
  export_example (fixture, &options, "article.png", &i1, &m1, NULL);
  options.width = 1920;
  options.height = 1080;
  export_example (fixture, &options, "slide.png", &i2, &m2, NULL);

  e1 = json_array_get_object_element (json_object_get_array_member (load_map (m1, p1), "events"), 0);
  e2 = json_array_get_object_element (json_object_get_array_member (load_map (m2, p2), "events"), 0);
  g_assert_cmpstr (json_object_get_string_member (e1, "id"), ==, json_object_get_string_member (e2, "id"));
  g_assert_true (get_box (e1, "label", &b1));
  g_assert_true (get_box (e2, "label", &b2));
  g_assert_cmpfloat (fabs ((double) b2.height / b1.height - 1.6), <, 0.1);
  g_assert_cmpfloat (fabs ((double) b2.width / b1.width - 1.6), <, 0.1);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

#define MANY_SOURCES \
  "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Sources\", \"sources\": [" \
  "{\"id\": \"s1\", \"publisher\": \"Reuters\"}, {\"id\": \"s2\", \"publisher\": \"Associated Press\"}," \
  "{\"id\": \"s3\", \"publisher\": \"Agence France-Presse\"}, {\"id\": \"s4\", \"publisher\": \"BBC News\"}," \
  "{\"id\": \"s5\", \"publisher\": \"Kyiv Independent\"}, {\"id\": \"s6\", \"publisher\": \"Deutsche Welle\"}]," \
  "\"events\": [{\"id\": \"e\", \"date\": \"2025-05-16\", \"title\": \"An event\"}]}"

/* Several sources wrap onto more lines, every name whole; the subtitle
 * is drawn under the title. */
static void
test_credit_wraps (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "credit.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *svg = NULL;
  ChronicleExportOptions options;
  const char *const publishers[] = { "Reuters", "Associated Press", "Agence France-Presse", "BBC News",
                                     "Kyiv Independent", "Deutsche Welle" };
  g_autoptr(GString) credit = g_string_new (NULL);
  guint n_lines = 0;

  timeline = chronicle_timeline_load_from_data (MANY_SOURCES, -1, NULL, &error);
  g_assert_no_error (error);

  chronicle_export_options_init (&options);
  options.format = CHRONICLE_EXPORT_SVG;
  options.width = 400;
  options.height = 300;
  options.subtitle = "What the wires said";
  g_assert_true (chronicle_export_to_file (timeline, NULL, &options, file, NULL, &error));
  g_assert_no_error (error);

  svg = read_text (path);
  g_assert_null (strstr (svg, "…"));
  g_assert_nonnull (strstr (svg, ">What the wires said</text>"));
  /* The runs of text from the credit's first line on, joined as read. */
  for (const char *p = strstr (svg, ">Sources: "); p != NULL; p = strstr (p, "\n<text "))
    {
      const char *start = strchr (p + 1, '>') != NULL && *p != '>' ? strchr (p + 1, '>') + 1 : p + 1;
      const char *end = strstr (start, "</text>");

      g_assert_nonnull (end);
      if (n_lines > 0)
        g_string_append_c (credit, ' ');
      g_string_append_len (credit, start, end - start);
      n_lines++;
      p = end;
    }
  g_test_message ("credit: %s", credit->str);
  /* Wrapped, not one line cut short: the first line ends before the last
   * publisher (an ellipsized line hands on its whole text). */
  g_assert_null (g_strstr_len (strstr (svg, ">Sources: "), strstr (strstr (svg, ">Sources: "), "</text>") - strstr (svg, ">Sources: "),
                               "Deutsche Welle"));
  for (guint i = 0; i < G_N_ELEMENTS (publishers); i++)
    g_assert_nonnull (strstr (credit->str, publishers[i]));
  /* the credit runs come first in the text, one per line */
  g_assert_true (g_str_has_prefix (credit->str, "Sources: Reuters; Associated Press"));
  g_assert_nonnull (strstr (credit->str, "Deutsche Welle"));
}

/* Titles the export had to cut are counted: as many as the map shows
 * with a text other than the title. */
static void
test_cut_titles_counted (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *json = chronicle_test_make_long_titles ();
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "long.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChronicleExportOptions options;
  ChronicleExportReport report = { 12345 };

  timeline = chronicle_timeline_load_from_data (json, -1, NULL, &error);
  g_assert_no_error (error);

  chronicle_export_options_init (&options);
  options.width = 600;
  options.height = 400;
  g_assert_true (chronicle_export_to_file_with_map (timeline, NULL, &options, file, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_cut_titles, >, 0);
  g_assert_cmpuint (report.n_cut_titles, <=, chronicle_timeline_get_n_events (timeline));
}

/* Tester S12, item 3: the example and an article's events on its day
 * (seven on 16 May 2025), exported as a 1920×1080 slide, drew a "+6"
 * and said nothing. The chart has no lanes for them all there; the
 * report counts the events folded and the pills, and says what shows
 * them (the export dialog's preview note and the command line print it);
 * a taller slide shows every one. */
static void
test_folded_events_reported (Fixture       *fixture,
                             gconstpointer  data)
{
  static const char *titles[] = {
    "Russian and Ukrainian negotiators have met in Istanbul",
    "Live Turkish television pictures showed Russian and Ukrainian negotiators",
    "Trump said he would meet the Russian leader",
    "Zelensky arrives in Ankara",
    "Erdogan meets Zelensky",
    "Talks end after less than two hours",
    "Prisoner exchange of 1,000 each agreed",
  };
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "slide.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *note = NULL;
  ChronicleExportOptions options;
  ChronicleExportReport report = { 0, };
  ChronicleDate date;

  g_assert_true (chronicle_date_parse ("2025-05-16", &date, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);
      g_autoptr(ChronicleEvent) event = chronicle_event_new (id, &date, titles[i]);

      chronicle_timeline_add_event (timeline, event);
    }

  chronicle_export_options_init (&options);
  options.width = 1920;
  options.height = 1080;
  g_assert_true (chronicle_export_to_file_with_map (timeline, NULL, &options, file, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%u events folded into %u pills", report.n_folded_events, report.n_clusters);
  g_assert_cmpuint (report.n_folded_events, >, 0);
  g_assert_cmpuint (report.n_clusters, >, 0);
  g_assert_cmpuint (report.n_clusters, <=, report.n_folded_events);

  /* the preview's count is the file's */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
    cairo_t *cr = cairo_create (surface);
    ChronicleExportReport painted = { 0, };

    chronicle_export_paint_reporting (cr, timeline, NULL, &options, &painted);
    g_assert_cmpuint (painted.n_folded_events, ==, report.n_folded_events);
    g_assert_cmpuint (painted.n_clusters, ==, report.n_clusters);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  note = chronicle_export_report_describe_folds (&report);
  g_assert_nonnull (note);
  g_test_message ("%s", note);
  {
    g_autofree char *count = g_strdup_printf ("%u event", report.n_folded_events);

    g_assert_true (g_str_has_prefix (note, count));
  }
  g_assert_nonnull (strstr (note, "a taller size or a narrower range can show"));
  if (report.n_clusters == 1)
    {
      g_autofree char *pill = g_strdup_printf ("“+%u”", report.n_folded_events);

      g_assert_nonnull (strstr (note, pill));
    }

  /* Twice as tall, every event has its label, and nothing is said. */
  options.height = 2160;
  g_assert_true (chronicle_export_to_file_with_map (timeline, NULL, &options, file, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_folded_events, ==, 0);
  g_assert_null (chronicle_export_report_describe_folds (&report));
}

/* The image map cannot replace the chart it describes. */
static void
test_image_map_not_over_chart (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "same.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChronicleExportOptions options;

  chronicle_export_options_init (&options);
  g_assert_false (chronicle_export_to_file_with_map (timeline, NULL, &options, file, file, NULL, NULL, &error));
  g_assert_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Apollo 11's splashdown, near the right edge of an article export: its
 * title on one line ending at its date had no lane and folded into a "+1",
 * though two lanes had room for it on two lines of half the width. */
static void
test_wraps_before_folding (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_data ("corpus/apollo-11.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *image_path = g_build_filename (fixture->dir, "apollo.png", NULL);
  g_autofree char *map_path = g_build_filename (fixture->dir, "apollo.png.map.json", NULL);
  g_autoptr(GFile) image = g_file_new_for_path (image_path);
  g_autoptr(GFile) map = g_file_new_for_path (map_path);
  ChronicleExportOptions options;
  ChronicleExportReport report;
  JsonArray *events;
  gboolean found = FALSE;

  g_assert_no_error (error);
  chronicle_export_options_init (&options);
  options.width = 1200;
  options.height = 675;
  g_assert_true (chronicle_export_to_file_with_map (timeline, NULL, &options, image, map, &report, NULL, &error));
  g_assert_no_error (error);

  events = json_object_get_array_member (load_map (map_path, parser), "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      Box label = { 0, };

      if (!g_str_equal (json_object_get_string_member (event, "id"), "splashdown"))
        continue;
      found = TRUE;
      g_assert_true (get_box (event, "label", &label));
    }
  g_assert_true (found);
}

/* No title cut in an export of the example or the corpus at the article,
 * slide and A4 sizes, fitted with breaks or linear: where two lanes are
 * not free a long title goes on one line, whole, when a lane has the
 * width (Berlin's Genscher title was cut at 340 px in a slide). */
static void
test_no_cut_titles (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char *const files[] = {
    "corpus/apollo-11.json", "corpus/berlin-wall-1989.json",
    "corpus/seventh-century.json", "corpus/women-in-computing.json", NULL,
  };
  static const char *const presets[] = { "article", "slide", "a4" };
  g_autofree char *image_path = g_build_filename (fixture->dir, "cut.png", NULL);
  g_autoptr(GFile) image = g_file_new_for_path (image_path);

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(ChronicleTimeline) timeline = NULL;
      g_autoptr(GError) error = NULL;

      if (files[f] != NULL)
        {
          g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", files[f], NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);

          timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
          g_assert_no_error (error);
        }
      else
        timeline = chronicle_test_load_example ();

      for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
        for (int linear = 0; linear < 2; linear++)
          {
            const ChronicleExportPreset *preset = chronicle_export_find_preset (presets[p]);
            ChronicleExportOptions options;
            ChronicleExportReport report = { 0, };

            chronicle_export_options_init (&options);
            options.width = preset->width;
            options.height = preset->height;
            options.collapse_gaps = !linear;
            g_assert_true (chronicle_export_to_file_with_map (timeline, NULL, &options, image, NULL, &report, NULL, &error));
            g_assert_no_error (error);
            g_test_message ("%s, %s%s: %u cut", files[f] ? files[f] : "example", presets[p], linear ? ", linear" : "",
                            report.n_cut_titles);
            g_assert_cmpuint (report.n_cut_titles, ==, 0);
          }
    }
}

/* Each labelled event of the map: id -> +1 above the axis, -1 below. */
static GHashTable *
read_sides (const char *map_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GHashTable *sides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonObject *root = load_map (map_path, parser);
  JsonArray *events = json_object_get_array_member (root, "events");
  gint64 axis_y = json_object_get_int_member (root, "axis_y");

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      Box label = { 0, };

      if (get_box (event, "label", &label))
        g_hash_table_insert (sides, g_strdup (json_object_get_string_member (event, "id")),
                             GINT_TO_POINTER (label.y < axis_y ? 1 : -1));
    }

  return sides;
}

/* An export from the window takes the window's placements: with every
 * event remembered on the other side of the axis than the export would
 * choose, each label drawn is on the remembered side. */
static void
test_keeps_placements (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) placements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) own = NULL;
  g_autoptr(GHashTable) kept = NULL;
  g_autofree char *image = NULL;
  g_autofree char *map = NULL;
  g_autofree char *image2 = NULL;
  g_autofree char *map2 = NULL;
  ChronicleExportOptions options;
  ChronicleExportReport report;
  GHashTableIter iter;
  gpointer key, value;
  guint n_checked = 0;

  chronicle_export_options_init (&options);
  options.width = 1200;
  options.height = 675;
  export_example (fixture, &options, "own.png", &image, &map, &report);
  own = read_sides (map);

  g_hash_table_iter_init (&iter, own);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (placements, g_strdup (key), GINT_TO_POINTER (-GPOINTER_TO_INT (value)));
  options.placements = placements;
  export_example (fixture, &options, "kept.png", &image2, &map2, &report);
  kept = read_sides (map2);

  g_hash_table_iter_init (&iter, kept);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_test_message ("%s: %d, remembered %d", (const char *) key, GPOINTER_TO_INT (value),
                      GPOINTER_TO_INT (g_hash_table_lookup (placements, key)));
      g_assert_cmpint (GPOINTER_TO_INT (value), ==, GPOINTER_TO_INT (g_hash_table_lookup (placements, key)));
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, g_hash_table_size (own) / 2);
  /* the caller's table is only read */
  g_assert_cmpuint (g_hash_table_size (placements), ==, g_hash_table_size (own));
}

/* Issue #12: drawing a loaded timeline reads the event store; it makes no
 * ChronicleEvent (one per event was most of the memory at a million). */
static void
test_no_event_objects (void)
{
  g_autoptr(ChronicleTimeline) generated = chronicle_test_generate_timeline (3000, 7);
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  const ChronicleZoneMode zones[] = { CHRONICLE_ZONE_TIMELINE, CHRONICLE_ZONE_FIXED };
  gsize length;

  data = chronicle_timeline_to_data (generated, &length);
  timeline = chronicle_timeline_load_from_data (data, length, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 3000);
  g_assert_cmpuint (chronicle_timeline_get_n_event_objects (timeline), ==, 0);

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    for (int collapse = 0; collapse <= 1; collapse++)
      {
        cairo_surface_t *surface;
        ChronicleExportOptions options;

        chronicle_export_options_init (&options);
        options.width = 800;
        options.height = 500;
        options.collapse_gaps = collapse;
        options.zone = zones[z];
        options.zone_offset = 3 * 3600;
        surface = chronicle_export_render_image (timeline, NULL, &options, &error);
        g_assert_no_error (error);
        g_assert_nonnull (surface);
        cairo_surface_destroy (surface);
        g_assert_cmpuint (chronicle_timeline_get_n_event_objects (timeline), ==, 0);
      }

  /* The UI still gets objects, made once per event and kept. */
  g_assert_true (chronicle_timeline_get_event (timeline, 5) == chronicle_timeline_get_event (timeline, 5));
  g_assert_cmpuint (chronicle_timeline_get_n_event_objects (timeline), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/presets", test_presets);
  g_test_add_func ("/export/no-event-objects", test_no_event_objects);
  g_test_add_func ("/export/defaults", test_defaults);
  g_test_add_func ("/export/text-scale", test_text_scale);
  g_test_add_func ("/export/suggest-filename", test_suggest_filename);
  g_test_add_func ("/export/suggest-filename-bounded", test_suggest_filename_bounded);
  chronicle_test_add_with_dir ("/export/image-map/example", test_image_map);
  chronicle_test_add_with_dir ("/export/image-map/corpus", test_image_map_corpus);
  chronicle_test_add_with_dir ("/export/image-map/clusters", test_image_map_clusters);
  chronicle_test_add_with_dir ("/export/image-map/not-over-chart", test_image_map_not_over_chart);
  chronicle_test_add_with_dir ("/export/text-sized-for-output", test_text_sized_for_output);
  chronicle_test_add_with_dir ("/export/credit-wraps", test_credit_wraps);
  chronicle_test_add_with_dir ("/export/folded-events-reported", test_folded_events_reported);
  chronicle_test_add_with_dir ("/export/cut-titles-counted", test_cut_titles_counted);
  chronicle_test_add_with_dir ("/export/keeps-placements", test_keeps_placements);
  chronicle_test_add_with_dir ("/export/wraps-before-folding", test_wraps_before_folding);
  chronicle_test_add_with_dir ("/export/no-cut-titles", test_no_cut_titles);

  return g_test_run ();
}
