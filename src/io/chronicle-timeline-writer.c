/* chronicle-timeline-writer.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-writer"

#include "config.h"

#include "chronicle-timeline-writer.h"
#include "chronicle-timeline-writer-private.h"

#include <json-glib/json-glib.h>

/*
 * The writer emits every field that is set and leaves out the ones that are
 * not (absent and null mean the same to the loader), plus "approximate"
 * only when it is true. Dates go through chronicle_date_to_iso(), which
 * keeps their precision and UTC offset, so "2022-03" stays a month.
 */

#define FORMAT_NAME    "chronicle-timeline"
#define FORMAT_VERSION 1

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static void
add_date (JsonBuilder         *builder,
          const char          *member,
          const ChronicleDate *date)
{
  g_autofree char *iso = NULL;

  if (date == NULL)
    return;

  iso = chronicle_date_to_iso (date);
  add_string (builder, member, iso);
}

static void
add_string_list (JsonBuilder        *builder,
                 const char         *member,
                 const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

typedef void (*AddItemFunc) (JsonBuilder *builder,
                             gpointer     item);

/* Writes @model as the array @member, one object per item; an empty list
 * is left out, as optional members are. */
static void
add_list (JsonBuilder *builder,
          const char  *member,
          GListModel  *model,
          AddItemFunc  add_item)
{
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_builder_begin_object (builder);
      add_item (builder, item);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

static void
add_source (JsonBuilder *builder,
            gpointer     item)
{
  ChronicleSource *source = item;

  add_string (builder, "id", chronicle_source_get_id (source));
  add_string (builder, "publisher", chronicle_source_get_publisher (source));
  add_string (builder, "title", chronicle_source_get_title (source));
  add_string (builder, "url", chronicle_source_get_url (source));
  add_date (builder, "published", chronicle_source_get_published (source));
}

static void
add_category (JsonBuilder *builder,
              gpointer     item)
{
  ChronicleCategory *category = item;

  add_string (builder, "id", chronicle_category_get_id (category));
  add_string (builder, "label", chronicle_category_get_label (category));
  add_string (builder, "color", chronicle_category_get_color (category));
}

static void
add_era (JsonBuilder *builder,
         gpointer     item)
{
  ChronicleEra *era = item;

  add_string (builder, "id", chronicle_era_get_id (era));
  add_string (builder, "label", chronicle_era_get_label (era));
  add_date (builder, "start", chronicle_era_get_start (era));
  /* An ongoing era has no end: the member is left out. */
  add_date (builder, "end", chronicle_era_get_end (era));
}

static void
add_quote (JsonBuilder    *builder,
           ChronicleQuote *quote)
{
  json_builder_begin_object (builder);
  add_string (builder, "text", chronicle_quote_get_text (quote));
  add_string (builder, "speaker", chronicle_quote_get_speaker (quote));
  add_string (builder, "role", chronicle_quote_get_role (quote));
  add_string (builder, "source", chronicle_quote_get_source_id (quote));
  add_date (builder, "date", chronicle_quote_get_date (quote));
  json_builder_end_object (builder);
}

static void
add_event (JsonBuilder    *builder,
           ChronicleEvent *event)
{
  guint n_quotes = chronicle_event_get_n_quotes (event);

  json_builder_begin_object (builder);
  add_string (builder, "id", chronicle_event_get_id (event));
  add_date (builder, "date", chronicle_event_get_date (event));
  add_date (builder, "end", chronicle_event_get_end (event));
  add_string (builder, "display_date", chronicle_event_get_display_date (event));
  add_string (builder, "title", chronicle_event_get_title (event));
  add_string (builder, "summary", chronicle_event_get_summary (event));
  add_string (builder, "category", chronicle_event_get_category_id (event));
  add_string_list (builder, "actors", chronicle_event_get_actors (event));
  add_string (builder, "location", chronicle_event_get_location (event));

  if (chronicle_event_get_approximate (event))
    {
      json_builder_set_member_name (builder, "approximate");
      json_builder_add_boolean_value (builder, TRUE);
    }

  add_string_list (builder, "sources", chronicle_event_get_source_ids (event));

  if (n_quotes > 0)
    {
      json_builder_set_member_name (builder, "quotes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_quotes; i++)
        add_quote (builder, chronicle_event_get_quote (event, i));
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

/**
 * chronicle_timeline_to_data:
 * @timeline: a timeline
 * @length: (out) (optional): return location for the length in bytes
 *
 * Serialises @timeline as a pretty-printed version 1 chronicle-timeline
 * document, events in timeline order.
 *
 * Returns: (transfer full): the NUL-terminated UTF-8 document
 */
char *
chronicle_timeline_to_data (ChronicleTimeline *timeline,
                            gsize             *length)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint n_events;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, FORMAT_VERSION);

  /* A timeline always has a title in a file, even if empty. */
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, chronicle_timeline_get_title (timeline) != NULL
                                          ? chronicle_timeline_get_title (timeline) : "");
  add_string (builder, "description", chronicle_timeline_get_description (timeline));

  add_list (builder, "sources", chronicle_timeline_get_sources (timeline), add_source);
  add_list (builder, "categories", chronicle_timeline_get_categories (timeline), add_category);
  add_list (builder, "eras", chronicle_timeline_get_eras (timeline), add_era);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  n_events = chronicle_timeline_get_n_events (timeline);
  for (guint i = 0; i < n_events; i++)
    add_event (builder, chronicle_timeline_get_event (timeline, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, length);
}

/**
 * chronicle_timeline_save_to_file:
 * @timeline: a timeline
 * @file: where to write; must be local
 * @cancellable: (nullable): a `GCancellable`
 * @error: return location for an error
 *
 * Writes @timeline to @file atomically: the old contents stay in place
 * until the new ones are completely written and synced, so a full disk
 * leaves the old file as it was. A symlink is followed (it stays a link),
 * a folder, FIFO, device or socket is refused, and a replaced file keeps
 * its mode. Errors are `G_IO_ERROR`s whose messages name @file.
 *
 * Returns: %TRUE on success
 */
gboolean
chronicle_timeline_save_to_file (ChronicleTimeline  *timeline,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  return chronicle_timeline_save_to_file_full (timeline, file, NULL, NULL, cancellable, error);
}

/* chronicle_timeline_save_to_file() with the saver's hook for tests. */
gboolean
chronicle_timeline_save_to_file_full (ChronicleTimeline        *timeline,
                                      GFile                    *file,
                                      ChronicleStreamWrapFunc   wrap,
                                      gpointer                  wrap_data,
                                      GCancellable             *cancellable,
                                      GError                  **error)
{
  g_autoptr(ChronicleFileSaver) saver = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  saver = chronicle_file_saver_new (file, wrap, wrap_data, error);
  if (saver == NULL)
    return FALSE;

  data = chronicle_timeline_to_data (timeline, &length);

  return chronicle_file_saver_write (saver, data, length, cancellable, error) &&
         chronicle_file_saver_commit (saver, cancellable, error);
}
