/* chronicle-import-timelinejs.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "chronicle-date.h"
#include "chronicle-html-text-private.h"
#include "chronicle-import-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"

/*
 * TimelineJS 3 (https://timeline.knightlab.com/docs/json-format.html):
 * a "title" slide, "events" with start_date/end_date objects of year ...
 * millisecond, HTML in text.headline/text.text, "group", "media",
 * "unique_id", and "eras". Built as a chronicle-timeline document.
 */

static const char * const known_event_members[] = {
  "start_date", "end_date", "display_date", "text", "group", "media", "unique_id", NULL
};

gboolean
chronicle_import_is_timelinejs (ChronicleJsonNode *root)
{
  ChronicleJsonNode *events, *title, *first;

  /* A file with our "format" or "version" is one of ours gone wrong: the
   * loader's refusal is the better message. */
  if (chronicle_json_node_get_node_type (root) != CHRONICLE_JSON_NODE_OBJECT ||
      chronicle_json_object_get_member (root, "format") != NULL ||
      chronicle_json_object_get_member (root, "version") != NULL)
    return FALSE;

  title = chronicle_json_object_get_member (root, "title");
  if (title != NULL && chronicle_json_node_get_node_type (title) == CHRONICLE_JSON_NODE_OBJECT &&
      chronicle_json_object_get_member (title, "text") != NULL)
    return TRUE;

  /* Without a title slide, the first event must look like one of TimelineJS's. */
  events = chronicle_json_object_get_member (root, "events");
  if (events == NULL || chronicle_json_node_get_node_type (events) != CHRONICLE_JSON_NODE_ARRAY ||
      chronicle_json_array_get_length (events) == 0)
    return FALSE;
  first = chronicle_json_array_get_element (events, 0);
  return chronicle_json_node_get_node_type (first) == CHRONICLE_JSON_NODE_OBJECT &&
         chronicle_json_object_get_member (first, "start_date") != NULL;
}

static ChronicleJsonNode *
get_object (ChronicleJsonNode *object,
            const char        *name)
{
  ChronicleJsonNode *node = chronicle_json_object_get_member (object, name);

  if (node == NULL || chronicle_json_node_get_node_type (node) != CHRONICLE_JSON_NODE_OBJECT)
    return NULL;
  return node;
}

static const char *
get_string (ChronicleJsonNode *object,
            const char        *name)
{
  ChronicleJsonNode *node;

  if (object == NULL || (node = chronicle_json_object_get_member (object, name)) == NULL ||
      chronicle_json_node_get_node_type (node) != CHRONICLE_JSON_NODE_STRING)
    return NULL;
  return chronicle_json_node_get_string (node);
}

/* Plain text of an HTML member, or NULL when absent or empty. */
static char *
get_text (ChronicleJsonNode *object,
          const char        *name,
          GPtrArray         *links)
{
  const char *html = get_string (object, name);
  char *text;

  if (html == NULL)
    return NULL;
  text = chronicle_html_to_text (html, links);
  if (chronicle_text_is_blank (text))
    g_clear_pointer (&text, g_free);
  return text;
}

typedef enum
{
  PART_ABSENT,
  PART_OK,
  PART_BAD,
} PartResult;

/* A date part: TimelineJS writes numbers, or numbers as strings ("2012"). */
static PartResult
get_part (ChronicleJsonNode *date,
          const char        *name,
          gint64            *value)
{
  ChronicleJsonNode *node = chronicle_json_object_get_member (date, name);
  const char *text;
  char *end;
  double number;

  if (node == NULL || chronicle_json_node_get_node_type (node) == CHRONICLE_JSON_NODE_NULL)
    return PART_ABSENT;

  switch (chronicle_json_node_get_node_type (node))
    {
    case CHRONICLE_JSON_NODE_INT:
      *value = chronicle_json_node_get_int (node);
      return PART_OK;
    case CHRONICLE_JSON_NODE_DOUBLE:
      number = chronicle_json_node_get_double (node);
      /* Converting a double beyond 64 bits is undefined; such a year is out
       * of range anyway, and said so as that. */
      if (number != floor (number))
        return PART_BAD;
      *value = number >= 9e18 ? G_MAXINT64 / 2 : number <= -9e18 ? G_MININT64 / 2 : (gint64) number;
      return PART_OK;
    case CHRONICLE_JSON_NODE_STRING:
      text = chronicle_json_node_get_string (node);
      while (g_ascii_isspace (*text))
        text++;
      if (*text == '\0')
        return PART_ABSENT;
      *value = g_ascii_strtoll (text, &end, 10);
      while (g_ascii_isspace (*end))
        end++;
      return end != text && *end == '\0' ? PART_OK : PART_BAD;
    default:
      return PART_BAD;
    }
}

/* Converts a TimelineJS date object to ISO text for our format; NULL with
 * @problem set (a translated reason) when it cannot be. */
static char *
convert_date (ChronicleImport   *import,
              ChronicleJsonNode *date,
              char             **problem)
{
  static const char * const names[] = { "year", "month", "day", "hour", "minute", "second", "millisecond" };
  gint64 parts[G_N_ELEMENTS (names)] = { 0, 1, 1, 0, 0, 0, 0 };
  gboolean present[G_N_ELEMENTS (names)] = { FALSE, };
  ChronicleDatePrecision precision;
  ChronicleDate parsed;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      switch (get_part (date, names[i], &parts[i]))
        {
        case PART_OK:
          present[i] = TRUE;
          break;
        case PART_BAD:
          /* Translators: %s is a TimelineJS date member: "year", "month" ... */
          *problem = g_strdup_printf (_("\"%s\" is not a whole number"), names[i]);
          return NULL;
        case PART_ABSENT:
        default:
          break;
        }
    }

  if (!present[0])
    {
      *problem = g_strdup (_("the date has no \"year\""));
      return NULL;
    }
  if (parts[0] < 1 || parts[0] > 9999)
    {
      /* Translators: %s is a year number such as -13800000000 */
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, parts[0]);

      *problem = g_strdup_printf (_("year %s cannot be shown yet (Chronicle reads years 1 to 9999)"), year);
      return NULL;
    }

  if (present[5] || present[6])
    precision = CHRONICLE_DATE_PRECISION_SECOND;
  else if (present[3] || present[4])
    precision = CHRONICLE_DATE_PRECISION_MINUTE;
  else if (present[2])
    precision = CHRONICLE_DATE_PRECISION_DAY;
  else if (present[1])
    precision = CHRONICLE_DATE_PRECISION_MONTH;
  else
    precision = CHRONICLE_DATE_PRECISION_YEAR;
  if (present[6] && parts[6] != 0)
    import->n_milliseconds++;

  for (guint i = 1; i < 6; i++)
    if (parts[i] < 0 || parts[i] > 99)
      {
        *problem = g_strdup_printf (_("\"%s\" is out of range"), names[i]);
        return NULL;
      }

  if (!chronicle_date_init (&parsed, precision, (int) parts[0], (int) parts[1], (int) parts[2],
                            (int) parts[3], (int) parts[4], (int) parts[5], &error))
    {
      *problem = g_strdup (error->message);
      return NULL;
    }

  return chronicle_date_to_iso (&parsed);
}

static void
count_ignored (ChronicleImport   *import,
               ChronicleJsonNode *object)
{
  for (guint i = 0; i < object->n_children; i++)
    if (!g_strv_contains (known_event_members, object->v.children[i].key))
      chronicle_import_count_ignored (import, object->v.children[i].key);
}

/* Converts @date_node into *@iso, or notes why not (naming @place and
 * @what, "start_date" or "end_date", and what is left out). */
static gboolean
convert_named_date (ChronicleImport   *import,
                    ChronicleJsonNode *date_node,
                    const char        *place,
                    const char        *what,
                    const char        *left_out,
                    char             **iso)
{
  g_autofree char *problem = NULL;

  if (date_node == NULL)
    problem = g_strdup (_("missing"));
  else
    *iso = convert_date (import, date_node, &problem);

  if (problem == NULL)
    return TRUE;

  chronicle_import_note (import,
                         /* Translators: a place in the file, a member name (start_date), why, and
                          * what is left out ("the event is left out") */
                         _("%s: %s: %s; %s"), place, what, problem, left_out);
  return FALSE;
}

static void
convert_event (ChronicleImport   *import,
               ChronicleJsonNode *object,
               guint              index)
{
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_html_link_free);
  g_autoptr(JsonArray) source_ids = json_array_new ();
  ChronicleJsonNode *text = get_object (object, "text");
  ChronicleJsonNode *end = get_object (object, "end_date");
  ChronicleJsonNode *media = get_object (object, "media");
  g_autofree char *headline = get_text (text, "headline", links);
  g_autofree char *body = get_text (text, "text", links);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *place = NULL, *id = NULL;
  const char *unique_id = get_string (object, "unique_id");
  const char *display_date = get_string (object, "display_date");
  const char *group = get_string (object, "group");

  place = chronicle_import_describe_place ("events", index,
                                           unique_id != NULL && *unique_id != '\0' ? unique_id : headline);
  count_ignored (import, object);

  if (!convert_named_date (import, get_object (object, "start_date"), place, "start_date",
                           _("the event is left out"), &start_iso))
    return;
  if (end != NULL && convert_named_date (import, end, place, "end_date", _("the end is left out"), &end_iso) &&
      !chronicle_import_check_end (import, place, start_iso, end_iso))
    g_clear_pointer (&end_iso, g_free);

  /* An id must be unique and not empty; TimelineJS's unique_id is optional. */
  id = chronicle_import_take_id (import, unique_id, index + 1);
  json_object_set_string_member (event, "id", id);
  json_object_set_string_member (event, "date", start_iso);
  if (end_iso != NULL)
    json_object_set_string_member (event, "end", end_iso);
  if (headline != NULL)
    json_object_set_string_member (event, "title", headline);
  else if (display_date != NULL && !chronicle_text_is_blank (display_date))
    json_object_set_string_member (event, "title", display_date);
  else
    json_object_set_string_member (event, "title", _("Untitled event"));
  if (body != NULL)
    json_object_set_string_member (event, "summary", body);
  chronicle_import_set_display_date (import, event, display_date);
  if (group != NULL && !chronicle_text_is_blank (group))
    json_object_set_string_member (event, "category", chronicle_import_add_group (import, group));

  for (guint i = 0; i < links->len; i++)
    {
      ChronicleHtmlLink *link = g_ptr_array_index (links, i);

      json_array_add_string_element (source_ids, chronicle_import_add_source (import, link->url, link->text, NULL));
      import->n_links++;
    }
  if (media != NULL)
    {
      g_autofree char *caption = get_text (media, "caption", NULL);
      g_autofree char *credit = get_text (media, "credit", NULL);

      chronicle_import_add_media (import, get_string (media, "url"), caption, credit, event, source_ids);
    }
  if (json_array_get_length (source_ids) > 0)
    json_object_set_array_member (event, "sources", g_steal_pointer (&source_ids));

  json_array_add_object_element (import->events, g_steal_pointer (&event));
}

static void
convert_era (ChronicleImport   *import,
             ChronicleJsonNode *object,
             guint              index)
{
  g_autoptr(JsonObject) era = json_object_new ();
  ChronicleJsonNode *end = get_object (object, "end_date");
  g_autofree char *headline = get_text (get_object (object, "text"), "headline", NULL);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *place = NULL, *id = NULL;

  place = chronicle_import_describe_place ("eras", index, headline);
  if (!convert_named_date (import, get_object (object, "start_date"), place, "start_date",
                           _("the era is left out"), &start_iso))
    return;
  if (end != NULL && convert_named_date (import, end, place, "end_date", _("the end is left out"), &end_iso) &&
      !chronicle_import_check_end (import, place, start_iso, end_iso))
    g_clear_pointer (&end_iso, g_free);

  id = g_strdup_printf ("era-%u", index + 1);
  json_object_set_string_member (era, "id", id);
  json_object_set_string_member (era, "label", headline != NULL ? headline : _("Untitled era"));
  json_object_set_string_member (era, "start", start_iso);
  if (end_iso != NULL)
    json_object_set_string_member (era, "end", end_iso);
  json_array_add_object_element (import->eras, g_steal_pointer (&era));
}

char *
chronicle_import_timelinejs (ChronicleJsonNode  *root,
                             ChronicleImportReport *report,
                             GError            **error)
{
  ChronicleImport import;
  ChronicleJsonNode *title = get_object (root, "title");
  ChronicleJsonNode *title_text = title != NULL ? get_object (title, "text") : NULL;
  ChronicleJsonNode *array;
  g_autofree char *headline = get_text (title_text, "headline", NULL);
  g_autofree char *description = get_text (title_text, "text", NULL);
  g_autofree char *summary = NULL;
  guint n_events = 0, n_converted;
  char *document;

  chronicle_import_init (&import, report);

  array = chronicle_json_object_get_member (root, "events");
  if (array != NULL && chronicle_json_node_get_node_type (array) == CHRONICLE_JSON_NODE_ARRAY)
    {
      n_events = chronicle_json_array_get_length (array);
      for (guint i = 0; i < n_events; i++)
        {
          ChronicleJsonNode *element = chronicle_json_array_get_element (array, i);

          if (chronicle_json_node_get_node_type (element) == CHRONICLE_JSON_NODE_OBJECT)
            convert_event (&import, element, i);
          else
            chronicle_import_note (&import, _("events[%u]: not an object; left out"), i);
        }
    }

  array = chronicle_json_object_get_member (root, "eras");
  if (array != NULL && chronicle_json_node_get_node_type (array) == CHRONICLE_JSON_NODE_ARRAY)
    for (guint i = 0; i < chronicle_json_array_get_length (array); i++)
      {
        ChronicleJsonNode *element = chronicle_json_array_get_element (array, i);

        if (chronicle_json_node_get_node_type (element) == CHRONICLE_JSON_NODE_OBJECT)
          convert_era (&import, element, i);
        else
          chronicle_import_note (&import, _("eras[%u]: not an object; left out"), i);
      }

  if (g_strcmp0 (get_string (root, "scale"), "cosmological") == 0)
    chronicle_import_note (&import, _("the cosmological scale is not supported yet: "
                                      "years before 1 or after 9999 are left out"));

  n_converted = json_array_get_length (import.events);
  if (n_events > 0 && n_converted == 0)
    {
      g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE,
                   /* Translators: %s is the first reason, such as events[0]: start_date: ... */
                   _("TimelineJS file: none of its events could be converted (%s)"),
                   report->notes->len > 0 ? (const char *) g_ptr_array_index (report->notes, 0) : "");
      chronicle_import_clear (&import);
      return NULL;
    }

  summary = g_strdup_printf (_("Converted from TimelineJS: %u of %u events, %u groups as categories, "
                               "%u eras, %u quotes, %u links as sources"),
                             n_converted, n_events, json_array_get_length (import.categories),
                             json_array_get_length (import.eras), import.n_quotes, import.n_links);
  document = chronicle_import_finish (&import, summary, headline, description);
  chronicle_import_clear (&import);
  return document;
}
