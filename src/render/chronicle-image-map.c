/* chronicle-image-map.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-image-map"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "chronicle-image-map-private.h"
#include "chronicle-layout-private.h"

/*
 * The image map is read off the layout the export painted, so it says
 * where things are drawn, not where they would be: for web image maps
 * and for tests that compare it with the pixels. Boxes use the geometry
 * of chronicle_paint() (marker radius, bar height, pill boxes).
 */

typedef struct
{
  JsonBuilder *builder;
  double       scale;
} MapWriter;

/* Boxes are whole output px (points for PDF), rounded outwards so that
 * they cover everything drawn, as HTML image maps want them. */
static void
add_box (MapWriter  *w,
         const char *name,
         double      x,
         double      y,
         double      width,
         double      height)
{
  double x0 = floor (x * w->scale), y0 = floor (y * w->scale);
  double x1 = ceil ((x + width) * w->scale), y1 = ceil ((y + height) * w->scale);

  json_builder_set_member_name (w->builder, name);
  json_builder_begin_object (w->builder);
  json_builder_set_member_name (w->builder, "x");
  json_builder_add_int_value (w->builder, (gint64) x0);
  json_builder_set_member_name (w->builder, "y");
  json_builder_add_int_value (w->builder, (gint64) y0);
  json_builder_set_member_name (w->builder, "width");
  json_builder_add_int_value (w->builder, (gint64) (x1 - x0));
  json_builder_set_member_name (w->builder, "height");
  json_builder_add_int_value (w->builder, (gint64) (y1 - y0));
  json_builder_end_object (w->builder);
}

/* A position along the axis, to the nearest output px. */
static void
add_x (MapWriter  *w,
       const char *name,
       double      x)
{
  json_builder_set_member_name (w->builder, name);
  json_builder_add_int_value (w->builder, (gint64) round (x * w->scale));
}

static void
add_null (MapWriter  *w,
          const char *name)
{
  json_builder_set_member_name (w->builder, name);
  json_builder_add_null_value (w->builder);
}

static void
add_string_or_null (MapWriter  *w,
                    const char *name,
                    const char *value)
{
  json_builder_set_member_name (w->builder, name);
  if (value != NULL)
    json_builder_add_string_value (w->builder, value);
  else
    json_builder_add_null_value (w->builder);
}

/* A time on the axis (Unix seconds) as ISO 8601 in UTC. */
static char *
format_time (double t)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc ((gint64) floor (t));

  if (dt == NULL)
    return NULL;
  return g_date_time_format_iso8601 (dt);
}

/* The mark chronicle_paint() draws for @item, in layout px. */
static void
get_mark_box (const ChronicleLayout     *layout,
              const ChronicleLayoutItem *item,
              ChronicleRect             *box)
{
  switch (item->kind)
    {
    case CHRONICLE_ITEM_BAR:
      box->x = MAX (item->x, 0);
      box->width = MIN (MAX (item->x2, item->x + 3), layout->width) - box->x;
      box->y = item->axis_y - CHRONICLE_BAR_HEIGHT / 2;
      box->height = CHRONICLE_BAR_HEIGHT;
      break;

    case CHRONICLE_ITEM_CLUSTER:
      *box = item->label;
      break;

    case CHRONICLE_ITEM_MARKER:
    default:
      box->x = item->x - CHRONICLE_MARKER_RADIUS;
      box->y = item->axis_y - CHRONICLE_MARKER_RADIUS;
      box->width = box->height = 2 * CHRONICLE_MARKER_RADIUS;
      break;
    }
}

/* The leader from @item's mark to its label as points, or NULL. */
static const ChroniclePoint *
get_leader (const ChronicleLayoutItem *item,
            guint                     *n_points)
{
  *n_points = item->n_leader;
  return item->n_leader > 0 ? item->leader : NULL;
}

static void
add_event (MapWriter                 *w,
           const ChronicleLayout     *layout,
           const ChronicleLayoutItem *item,
           guint                      position)
{
  const char *id = chronicle_timeline_get_event_id (layout->timeline, position);
  g_autofree char *date = NULL;
  const ChronicleDate *end;
  const ChroniclePoint *leader;
  ChronicleRect mark;
  guint n_points;

  if (id == NULL)
    return;

  json_builder_begin_object (w->builder);
  add_string_or_null (w, "id", id);
  date = chronicle_date_to_iso (chronicle_timeline_get_event_date (layout->timeline, position));
  add_string_or_null (w, "date", date);
  end = chronicle_timeline_get_event_end (layout->timeline, position);
  if (end != NULL)
    {
      g_autofree char *end_text = chronicle_date_to_iso (end);
      add_string_or_null (w, "end", end_text);
    }

  get_mark_box (layout, item, &mark);
  add_box (w, "mark", mark.x, mark.y, mark.width, mark.height);

  if (item->kind != CHRONICLE_ITEM_CLUSTER && item->label.width > 0)
    {
      /* A wrapped title: its two lines, as drawn. */
      g_autofree char *text = item->text2 != NULL ? g_strconcat (item->text, "\n", item->text2, NULL) : NULL;

      add_box (w, "label", item->label.x, item->label.y, item->label.width, item->label.height);
      add_string_or_null (w, "text", text != NULL ? text : item->text);
    }
  else
    {
      add_null (w, "label");
      add_null (w, "text");
    }

  leader = get_leader (item, &n_points);
  json_builder_set_member_name (w->builder, "leader");
  if (leader == NULL)
    json_builder_add_null_value (w->builder);
  else
    {
      json_builder_begin_array (w->builder);
      for (guint i = 0; i < n_points; i++)
        {
          json_builder_begin_array (w->builder);
          json_builder_add_int_value (w->builder, (gint64) round (leader[i].x * w->scale));
          json_builder_add_int_value (w->builder, (gint64) round (leader[i].y * w->scale));
          json_builder_end_array (w->builder);
        }
      json_builder_end_array (w->builder);
    }

  json_builder_end_object (w->builder);
}

static void
add_events (MapWriter             *w,
            const ChronicleLayout *layout)
{
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  json_builder_set_member_name (w->builder, "events");
  json_builder_begin_array (w->builder);
  for (guint i = 0; i < layout->items->len; i++)
    for (guint k = 0; k < items[i].n_events; k++)
      add_event (w, layout, &items[i], items[i].first_event + k);
  json_builder_end_array (w->builder);
}

static void
add_clusters (MapWriter             *w,
              const ChronicleLayout *layout)
{
  const ChronicleLayoutItem *items = (const ChronicleLayoutItem *) (gconstpointer) layout->items->data;

  json_builder_set_member_name (w->builder, "clusters");
  json_builder_begin_array (w->builder);
  for (guint i = 0; i < layout->items->len; i++)
    {
      const ChronicleLayoutItem *item = &items[i];

      if (item->kind != CHRONICLE_ITEM_CLUSTER)
        continue;

      json_builder_begin_object (w->builder);
      add_box (w, "box", item->label.x, item->label.y, item->label.width, item->label.height);
      json_builder_set_member_name (w->builder, "count");
      json_builder_add_int_value (w->builder, item->n_events);
      json_builder_set_member_name (w->builder, "events");
      json_builder_begin_array (w->builder);
      for (guint k = 0; k < item->n_events; k++)
        {
          const char *id = chronicle_timeline_get_event_id (layout->timeline, item->first_event + k);

          if (id != NULL)
            json_builder_add_string_value (w->builder, id);
        }
      json_builder_end_array (w->builder);
      json_builder_end_object (w->builder);
    }
  json_builder_end_array (w->builder);
}

static void
add_ticks (MapWriter             *w,
           const ChronicleLayout *layout)
{
  json_builder_set_member_name (w->builder, "ticks");
  json_builder_begin_array (w->builder);
  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);
      g_autofree char *date = format_time (chronicle_viewport_from_px (layout->viewport, tick->x));

      json_builder_begin_object (w->builder);
      add_x (w, "x", tick->x);
      add_string_or_null (w, "date", date);
      add_string_or_null (w, "text", tick->text);
      json_builder_end_object (w->builder);
    }
  json_builder_end_array (w->builder);
}

/* The words the painter draws for the break starting at @x0 ("3 years"),
 * or NULL: the layout's breaks are made from the same segments. */
static const char *
get_break_text (const ChronicleLayout *layout,
                double                 x0)
{
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);

      if (brk->x0 == x0)
        return brk->text;
    }

  return NULL;
}

/* Breaks come from the axis segments (as in the layout's own list), so
 * that the span they skip is the segment's, not a time read back off a
 * rounded pixel. */
static void
add_breaks (MapWriter             *w,
            const ChronicleLayout *layout)
{
  const ChronicleAxisSegment *segments;
  guint n_segments;

  segments = chronicle_viewport_get_segments (layout->viewport, &n_segments);

  json_builder_set_member_name (w->builder, "breaks");
  json_builder_begin_array (w->builder);
  for (guint i = 0; i < n_segments; i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      double x0, x1;

      if (!segments[i].is_break)
        continue;

      x0 = chronicle_viewport_to_px (layout->viewport, segments[i].t0);
      x1 = chronicle_viewport_to_px (layout->viewport, segments[i].t1);
      if (x1 < 0 || x0 > layout->width)
        continue;

      from = format_time (segments[i].t0);
      to = format_time (segments[i].t1);

      json_builder_begin_object (w->builder);
      add_x (w, "x", x0);
      add_x (w, "width", x1 - x0);
      add_string_or_null (w, "from", from);
      add_string_or_null (w, "to", to);
      add_string_or_null (w, "text", get_break_text (layout, x0));
      json_builder_end_object (w->builder);
    }
  json_builder_end_array (w->builder);
}

/**
 * chronicle_image_map_build:
 * @layout: the layout an export painted
 * @scale: output units per layout px
 * @width: output width
 * @height: output height
 * @points: %TRUE when the output is measured in points (PDF)
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the image map as JSON text
 */
char *
chronicle_image_map_build (const ChronicleLayout *layout,
                           double                 scale,
                           int                    width,
                           int                    height,
                           gboolean               points,
                           gsize                 *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  MapWriter w = { builder, scale };

  g_return_val_if_fail (layout != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, width);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, height);
  json_builder_set_member_name (builder, "unit");
  json_builder_add_string_value (builder, points ? "pt" : "px");
  /* where the axis line is: the ticks sit on it, leaders reach it */
  json_builder_set_member_name (builder, "axis_y");
  json_builder_add_int_value (builder, (gint64) round (chronicle_layout_get_axis_y (layout) * scale));
  add_events (&w, layout);
  add_clusters (&w, layout);
  add_ticks (&w, layout);
  add_breaks (&w, layout);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);

  return json_generator_to_data (generator, length);
}
