/* chronicle-import-timelinejs.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "chronicle-color-private.h"
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

#define QUOTE_MAX 60

/* Colours for the groups, dark enough for 3:1 on a light background (each
 * is checked against it: a darker one is made where it is not). */
static const char * const palette[] = {
  "#1c71d8", "#c01c28", "#26a269", "#c64600", "#813d9c", "#865e3c",
  "#0b7a75", "#a51d2d", "#1a5fb4", "#5e5c64", "#986a44", "#613583",
};

typedef struct
{
  GPtrArray  *notes;
  guint       n_dropped;
  JsonArray  *sources;
  JsonArray  *categories;
  GHashTable *source_urls;    /* url -> id, both owned */
  GHashTable *groups;         /* label -> id, both owned */
  GHashTable *event_ids;      /* owned ids */
  guint       n_quotes;
  guint       n_links;
  guint       n_display_dates;
  guint       n_milliseconds;
  GHashTable *ignored;        /* member name -> count, for the summary */
} Import;

static const char * const known_event_members[] = {
  "start_date", "end_date", "display_date", "text", "group", "media", "unique_id", NULL
};

void
chronicle_import_note (GPtrArray  *notes,
                       guint      *n_dropped,
                       const char *format,
                       ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (notes->len >= CHRONICLE_IMPORT_MAX_NOTES)
    {
      (*n_dropped)++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (notes, chronicle_text_escape_line (message, 0));
}

void
chronicle_import_finish_notes (GPtrArray *notes,
                               guint      n_dropped)
{
  if (n_dropped > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more note",
                                                          "and %u more notes", n_dropped),
                                             n_dropped));
}

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
  if (*text == '\0')
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

  if (node == NULL || chronicle_json_node_get_node_type (node) == CHRONICLE_JSON_NODE_NULL)
    return PART_ABSENT;

  switch (chronicle_json_node_get_node_type (node))
    {
    case CHRONICLE_JSON_NODE_INT:
      *value = chronicle_json_node_get_int (node);
      return PART_OK;
    case CHRONICLE_JSON_NODE_DOUBLE:
      if (chronicle_json_node_get_double (node) != (double) (gint64) chronicle_json_node_get_double (node))
        return PART_BAD;
      *value = (gint64) chronicle_json_node_get_double (node);
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
convert_date (Import            *import,
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

/* The id of the source for @url, made on first use. */
static const char *
add_source (Import     *import,
            const char *url,
            const char *title,
            const char *publisher)
{
  const char *id = g_hash_table_lookup (import->source_urls, url);
  JsonObject *source;

  if (id != NULL)
    return id;

  source = json_object_new ();
  id = g_strdup_printf ("link-%u", g_hash_table_size (import->source_urls) + 1);
  json_object_set_string_member (source, "id", id);
  json_object_set_string_member (source, "url", url);
  if (title != NULL && *title != '\0')
    json_object_set_string_member (source, "title", title);
  if (publisher != NULL && *publisher != '\0')
    json_object_set_string_member (source, "publisher", publisher);
  json_array_add_object_element (import->sources, source);
  g_hash_table_insert (import->source_urls, g_strdup (url), (char *) id);
  return id;
}

static const char *
add_group (Import     *import,
           const char *label)
{
  const char *id = g_hash_table_lookup (import->groups, label);
  guint n = g_hash_table_size (import->groups);
  JsonObject *category;
  const char *color = palette[n % G_N_ELEMENTS (palette)];
  guint32 rgb = (guint32) g_ascii_strtoull (color + 1, NULL, 16);
  double r = ((rgb >> 16) & 0xff) / 255.0, g = ((rgb >> 8) & 0xff) / 255.0, b = (rgb & 0xff) / 255.0;
  g_autofree char *checked = NULL;

  if (id != NULL)
    return id;

  chronicle_color_ensure_contrast (&r, &g, &b, CHRONICLE_LIGHT_BACKGROUND, CHRONICLE_CONTRAST_MARKS);
  checked = g_strdup_printf ("#%02x%02x%02x", (guint) (r * 255 + 0.5), (guint) (g * 255 + 0.5),
                             (guint) (b * 255 + 0.5));

  category = json_object_new ();
  id = g_strdup_printf ("group-%u", n + 1);
  json_object_set_string_member (category, "id", id);
  json_object_set_string_member (category, "label", label);
  json_object_set_string_member (category, "color", checked);
  json_array_add_object_element (import->categories, category);
  g_hash_table_insert (import->groups, g_strdup (label), (char *) id);
  return id;
}

/* "<blockquote>" media become quotes; other media a source with the
 * caption as its title and the credit as its publisher. */
static void
convert_media (Import            *import,
               ChronicleJsonNode *media,
               JsonObject        *event,
               JsonArray         *source_ids)
{
  const char *url = get_string (media, "url");
  g_autofree char *caption = get_text (media, "caption", NULL);
  g_autofree char *credit = get_text (media, "credit", NULL);
  const char *p = url;

  if (url == NULL)
    return;
  while (g_ascii_isspace (*p))
    p++;

  if (g_ascii_strncasecmp (p, "<blockquote", 11) == 0)
    {
      g_autofree char *text = chronicle_html_to_text (url, NULL);
      JsonObject *quote;
      JsonArray *quotes;

      if (*text == '\0')
        return;
      quote = json_object_new ();
      json_object_set_string_member (quote, "text", text);
      if (credit != NULL || caption != NULL)
        json_object_set_string_member (quote, "speaker", credit != NULL ? credit : caption);
      quotes = json_array_new ();
      json_array_add_object_element (quotes, quote);
      json_object_set_array_member (event, "quotes", quotes);
      import->n_quotes++;
    }
  else if (chronicle_uri_is_web_link (url))
    {
      json_array_add_string_element (source_ids, add_source (import, url, caption, credit));
      import->n_links++;
    }
  else
    g_hash_table_insert (import->ignored, (char *) "media (not a web link)",
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (import->ignored,
                                                                                  "media (not a web link)")) + 1));
}

static void
count_ignored (Import            *import,
               ChronicleJsonNode *object)
{
  for (guint i = 0; i < object->n_children; i++)
    {
      const char *key = object->v.children[i].key;

      if (!g_strv_contains (known_event_members, key))
        g_hash_table_insert (import->ignored, (char *) key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (import->ignored, key)) + 1));
    }
}

/* A place in the file for a note: events[3] "unique_id". */
static char *
describe_place (const char        *list,
                guint              index,
                const char        *name)
{
  g_autofree char *quoted = NULL;

  if (name == NULL)
    return g_strdup_printf ("%s[%u]", list, index);
  quoted = chronicle_text_escape_line (name, QUOTE_MAX);
  return g_strdup_printf ("%s[%u] \"%s\"", list, index, quoted);
}

static JsonObject *
convert_event (Import            *import,
               ChronicleJsonNode *object,
               guint              index)
{
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_html_link_free);
  g_autoptr(JsonArray) source_ids = json_array_new ();
  ChronicleJsonNode *text = get_object (object, "text");
  ChronicleJsonNode *start = get_object (object, "start_date");
  ChronicleJsonNode *end = get_object (object, "end_date");
  ChronicleJsonNode *media = get_object (object, "media");
  g_autofree char *headline = get_text (text, "headline", links);
  g_autofree char *body = get_text (text, "text", links);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *problem = NULL, *place = NULL, *id = NULL;
  const char *unique_id = get_string (object, "unique_id");
  const char *display_date = get_string (object, "display_date");
  const char *group = get_string (object, "group");

  place = describe_place ("events", index, unique_id != NULL ? unique_id : headline);
  count_ignored (import, object);

  if (start == NULL)
    {
      chronicle_import_note (import->notes, &import->n_dropped,
                             /* Translators: %s is a place in the file, events[3] "id" */
                             _("%s: no \"start_date\"; the event is left out"), place);
      return NULL;
    }
  if (!(start_iso = convert_date (import, start, &problem)))
    {
      chronicle_import_note (import->notes, &import->n_dropped,
                             /* Translators: the first %s is a place in the file, the second why */
                             _("%s: start_date: %s; the event is left out"), place, problem);
      return NULL;
    }
  if (end != NULL && !(end_iso = convert_date (import, end, &problem)))
    chronicle_import_note (import->notes, &import->n_dropped,
                           _("%s: end_date: %s; the end is left out"), place, problem);
  if (end_iso != NULL)
    {
      ChronicleDate a, b;

      if (chronicle_date_parse (start_iso, &a, NULL) && chronicle_date_parse (end_iso, &b, NULL) &&
          chronicle_date_get_start (&b) < chronicle_date_get_start (&a))
        {
          chronicle_import_note (import->notes, &import->n_dropped,
                                 /* Translators: %s are a place and two dates */
                                 _("%s: end %s is before start %s; the end is left out"),
                                 place, end_iso, start_iso);
          g_clear_pointer (&end_iso, g_free);
        }
    }

  /* An id must be unique and not empty; TimelineJS's unique_id is optional. */
  if (unique_id != NULL && *unique_id != '\0' && !g_hash_table_contains (import->event_ids, unique_id))
    id = g_strdup (unique_id);
  else
    for (guint n = index + 1; id == NULL || g_hash_table_contains (import->event_ids, id); n++)
      {
        g_free (id);
        id = g_strdup_printf ("event-%u", n);
      }
  g_hash_table_add (import->event_ids, g_strdup (id));

  json_object_set_string_member (event, "id", id);
  json_object_set_string_member (event, "date", start_iso);
  if (end_iso != NULL)
    json_object_set_string_member (event, "end", end_iso);
  if (headline != NULL)
    json_object_set_string_member (event, "title", headline);
  else if (display_date != NULL && *display_date != '\0')
    json_object_set_string_member (event, "title", display_date);
  else
    json_object_set_string_member (event, "title", _("Untitled event"));
  if (body != NULL)
    json_object_set_string_member (event, "summary", body);
  if (display_date != NULL && *display_date != '\0')
    {
      /* Not shown yet: the format has no member for it; kept so that a save keeps it. */
      json_object_set_string_member (event, "display_date", display_date);
      import->n_display_dates++;
    }
  if (group != NULL && !chronicle_text_is_blank (group))
    json_object_set_string_member (event, "category", add_group (import, group));

  for (guint i = 0; i < links->len; i++)
    {
      ChronicleHtmlLink *link = g_ptr_array_index (links, i);

      json_array_add_string_element (source_ids, add_source (import, link->url, link->text, NULL));
      import->n_links++;
    }
  if (media != NULL)
    convert_media (import, media, event, source_ids);
  if (json_array_get_length (source_ids) > 0)
    json_object_set_array_member (event, "sources", g_steal_pointer (&source_ids));

  return g_steal_pointer (&event);
}

static JsonObject *
convert_era (Import            *import,
             ChronicleJsonNode *object,
             guint              index)
{
  g_autoptr(JsonObject) era = json_object_new ();
  ChronicleJsonNode *start = get_object (object, "start_date");
  ChronicleJsonNode *end = get_object (object, "end_date");
  g_autofree char *headline = get_text (get_object (object, "text"), "headline", NULL);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *problem = NULL, *place = NULL, *id = NULL;

  place = describe_place ("eras", index, headline);
  if (start == NULL || !(start_iso = convert_date (import, start, &problem)))
    {
      chronicle_import_note (import->notes, &import->n_dropped, _("%s: start_date: %s; the era is left out"),
                             place, problem != NULL ? problem : _("missing"));
      return NULL;
    }
  if (end != NULL && !(end_iso = convert_date (import, end, &problem)))
    chronicle_import_note (import->notes, &import->n_dropped,
                           _("%s: end_date: %s; the end is left out"), place, problem);
  if (end_iso != NULL)
    {
      ChronicleDate a, b;

      if (chronicle_date_parse (start_iso, &a, NULL) && chronicle_date_parse (end_iso, &b, NULL) &&
          chronicle_date_get_start (&b) < chronicle_date_get_start (&a))
        {
          chronicle_import_note (import->notes, &import->n_dropped,
                                 _("%s: end %s is before start %s; the end is left out"),
                                 place, end_iso, start_iso);
          g_clear_pointer (&end_iso, g_free);
        }
    }

  id = g_strdup_printf ("era-%u", index + 1);
  json_object_set_string_member (era, "id", id);
  json_object_set_string_member (era, "label", headline != NULL ? headline : _("Untitled era"));
  json_object_set_string_member (era, "start", start_iso);
  if (end_iso != NULL)
    json_object_set_string_member (era, "end", end_iso);
  return g_steal_pointer (&era);
}

static void
add_summary (Import *import,
             guint   n_events,
             guint   n_converted,
             guint   n_eras)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GString) ignored = g_string_new (NULL);

  /* The summary goes first: it is what the user reads. */
  g_ptr_array_insert (import->notes, 0,
                      g_strdup_printf (_("Converted from TimelineJS: %u of %u events, %u groups as categories, "
                                         "%u eras, %u quotes, %u links as sources"),
                                       n_converted, n_events, g_hash_table_size (import->groups), n_eras,
                                       import->n_quotes, import->n_links));
  if (import->n_display_dates > 0)
    g_ptr_array_insert (import->notes, 1,
                        g_strdup_printf (_("%u display dates are kept in the file but not shown: "
                                           "Chronicle shows the dates themselves"),
                                         import->n_display_dates));
  if (import->n_milliseconds > 0)
    g_ptr_array_insert (import->notes, 1,
                        g_strdup_printf (_("%u dates lost their milliseconds: Chronicle keeps seconds"),
                                         import->n_milliseconds));

  g_hash_table_iter_init (&iter, import->ignored);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *name = chronicle_text_escape_line (key, QUOTE_MAX);

      g_string_append_printf (ignored, "%s%s (%u)", ignored->len > 0 ? ", " : "", name,
                              GPOINTER_TO_UINT (value));
    }
  if (ignored->len > 0)
    g_ptr_array_insert (import->notes, 1,
                        /* Translators: %s is a list of TimelineJS member names with counts */
                        g_strdup_printf (_("Not represented, left out: %s"), ignored->str));
}

char *
chronicle_import_timelinejs (ChronicleJsonNode  *root,
                             GPtrArray          *notes,
                             GError            **error)
{
  Import import = { notes, 0, };
  g_autoptr(JsonObject) document = json_object_new ();
  g_autoptr(JsonArray) events = json_array_new ();
  g_autoptr(JsonArray) eras = json_array_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  ChronicleJsonNode *title = get_object (root, "title");
  ChronicleJsonNode *title_text = title != NULL ? get_object (title, "text") : NULL;
  ChronicleJsonNode *array;
  g_autofree char *headline = get_text (title_text, "headline", NULL);
  g_autofree char *description = get_text (title_text, "text", NULL);
  guint n_events = 0;

  import.sources = json_array_new ();
  import.categories = json_array_new ();
  import.source_urls = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, g_free);
  import.groups = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, g_free);
  import.event_ids = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, NULL);
  import.ignored = g_hash_table_new (chronicle_str_hash, g_str_equal);

  array = chronicle_json_object_get_member (root, "events");
  if (array != NULL && chronicle_json_node_get_node_type (array) == CHRONICLE_JSON_NODE_ARRAY)
    {
      n_events = chronicle_json_array_get_length (array);
      for (guint i = 0; i < n_events; i++)
        {
          ChronicleJsonNode *element = chronicle_json_array_get_element (array, i);
          JsonObject *event;

          if (chronicle_json_node_get_node_type (element) != CHRONICLE_JSON_NODE_OBJECT)
            {
              chronicle_import_note (notes, &import.n_dropped,
                                     _("events[%u]: not an object; left out"), i);
              continue;
            }
          if ((event = convert_event (&import, element, i)) != NULL)
            json_array_add_object_element (events, event);
        }
    }

  array = chronicle_json_object_get_member (root, "eras");
  if (array != NULL && chronicle_json_node_get_node_type (array) == CHRONICLE_JSON_NODE_ARRAY)
    for (guint i = 0; i < chronicle_json_array_get_length (array); i++)
      {
        ChronicleJsonNode *element = chronicle_json_array_get_element (array, i);
        JsonObject *era;

        if (chronicle_json_node_get_node_type (element) == CHRONICLE_JSON_NODE_OBJECT &&
            (era = convert_era (&import, element, i)) != NULL)
          json_array_add_object_element (eras, era);
      }

  if (g_strcmp0 (get_string (root, "scale"), "cosmological") == 0)
    chronicle_import_note (notes, &import.n_dropped,
                           _("the cosmological scale is not supported yet: years before 1 or after 9999 are left out"));

  if (n_events > 0 && json_array_get_length (events) == 0)
    {
      g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE,
                   /* Translators: %s is the first reason, such as events[0]: start_date: ... */
                   _("TimelineJS file: none of its events could be converted (%s)"),
                   notes->len > 0 ? (const char *) g_ptr_array_index (notes, 0) : "");
      g_hash_table_unref (import.source_urls);
      g_hash_table_unref (import.groups);
      g_hash_table_unref (import.event_ids);
      g_hash_table_unref (import.ignored);
      json_array_unref (import.sources);
      json_array_unref (import.categories);
      return NULL;
    }

  add_summary (&import, n_events, json_array_get_length (events), json_array_get_length (eras));
  chronicle_import_finish_notes (notes, import.n_dropped);

  json_object_set_string_member (document, "format", "chronicle-timeline");
  json_object_set_int_member (document, "version", 1);
  json_object_set_string_member (document, "title", headline != NULL ? headline : _("Imported timeline"));
  if (description != NULL)
    json_object_set_string_member (document, "description", description);
  json_object_set_array_member (document, "sources", import.sources);
  json_object_set_array_member (document, "categories", import.categories);
  json_object_set_array_member (document, "eras", g_steal_pointer (&eras));
  json_object_set_array_member (document, "events", g_steal_pointer (&events));

  g_hash_table_unref (import.source_urls);
  g_hash_table_unref (import.groups);
  g_hash_table_unref (import.event_ids);
  g_hash_table_unref (import.ignored);

  node = json_node_init_object (json_node_alloc (), document);
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}
