/* chronicle-import-timelinejs.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-import"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <errno.h>
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

const char * const chronicle_import_date_part_names[CHRONICLE_IMPORT_N_DATE_PARTS] = {
  "year", "month", "day", "hour", "minute", "second", "millisecond"
};

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

typedef enum
{
  PART_ABSENT,
  PART_OK,
  PART_BAD,
  PART_HUGE,
} PartResult;

/* A date part: TimelineJS writes numbers, or numbers as strings ("2012").
 * PART_HUGE, with *@written set (the text as in the file, or the number
 * in full): beyond what a gint64 holds. */
static PartResult
get_part (ChronicleJsonNode *date,
          const char        *name,
          gint64            *value,
          char             **written)
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
      if (number != floor (number))
        return PART_BAD;
      /* Converting a double beyond 64 bits is undefined; the parser read
       * an integer beyond 64 bits as a double, so it is said in full
       * ("%.0f" has no decimal point to localize). */
      if (number >= 9e18 || number <= -9e18)
        {
          *written = g_strdup_printf ("%.0f", number);
          return PART_HUGE;
        }
      *value = (gint64) number;
      return PART_OK;
    case CHRONICLE_JSON_NODE_STRING:
      text = chronicle_json_node_get_string (node);
      while (g_ascii_isspace (*text))
        text++;
      if (*text == '\0')
        return PART_ABSENT;
      errno = 0;
      *value = g_ascii_strtoll (text, &end, 10);
      if (errno == ERANGE)
        {
          /* g_ascii_strtoll() saturates: the year as written, not G_MININT64. */
          *written = g_strstrip (g_strdup (text));
          return PART_HUGE;
        }
      while (g_ascii_isspace (*end))
        end++;
      return end != text && *end == '\0' ? PART_OK : PART_BAD;
    default:
      return PART_BAD;
    }
}

char *
chronicle_import_date_parts_to_iso (ChronicleImport *import,
                                    const gint64     parts[CHRONICLE_IMPORT_N_DATE_PARTS],
                                    const gboolean   present[CHRONICLE_IMPORT_N_DATE_PARTS],
                                    char           **problem)
{
  gint64 value[CHRONICLE_IMPORT_N_DATE_PARTS] = { 0, 1, 1, 0, 0, 0, 0 };
  ChronicleDatePrecision precision;
  ChronicleDate parsed;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < CHRONICLE_IMPORT_N_DATE_PARTS; i++)
    if (present[i])
      value[i] = parts[i];
  value[0] = chronicle_import_year_from_timelinejs (value[0]);

  if (!present[0])
    {
      *problem = g_strdup (_("the date has no \"year\""));
      return NULL;
    }
  /* Deep time has years only, as in TimelineJS's cosmological scale,
   * which reads nothing finer. */
  if (value[0] <= -CHRONICLE_DATE_DEEP_YEAR || value[0] >= CHRONICLE_DATE_DEEP_YEAR)
    precision = CHRONICLE_DATE_PRECISION_YEAR;
  else if (present[5] || present[6])
    precision = CHRONICLE_DATE_PRECISION_SECOND;
  else if (present[3] || present[4])
    precision = CHRONICLE_DATE_PRECISION_MINUTE;
  else if (present[2])
    precision = CHRONICLE_DATE_PRECISION_DAY;
  else if (present[1])
    precision = CHRONICLE_DATE_PRECISION_MONTH;
  else
    precision = CHRONICLE_DATE_PRECISION_YEAR;
  if (present[6] && value[6] != 0 && precision == CHRONICLE_DATE_PRECISION_SECOND)
    import->n_milliseconds++;

  for (guint i = 1; i < 6; i++)
    if (value[i] < 0 || value[i] > 99)
      {
        *problem = g_strdup_printf (_("\"%s\" is out of range"), chronicle_import_date_part_names[i]);
        return NULL;
      }

  if (!chronicle_date_init (&parsed, precision, value[0], (int) value[1], (int) value[2],
                            (int) value[3], (int) value[4], (int) value[5], &error))
    {
      *problem = g_strdup (error->message);
      return NULL;
    }

  return chronicle_date_to_iso (&parsed);
}

/* Converts a TimelineJS date object to ISO text for our format; NULL with
 * @problem set (a translated reason) when it cannot be. */
static char *
convert_date (ChronicleImport   *import,
              ChronicleJsonNode *date,
              char             **problem)
{
  gint64 parts[CHRONICLE_IMPORT_N_DATE_PARTS] = { 0, };
  gboolean present[CHRONICLE_IMPORT_N_DATE_PARTS] = { FALSE, };

  for (guint i = 0; i < CHRONICLE_IMPORT_N_DATE_PARTS; i++)
    {
      g_autofree char *written = NULL;

      switch (get_part (date, chronicle_import_date_part_names[i], &parts[i], &written))
        {
        case PART_OK:
          present[i] = TRUE;
          break;
        case PART_HUGE:
          if (i == 0)
            *problem = chronicle_import_describe_huge_year (written);
          else
            /* Translators: %s is a TimelineJS date member: "month", "day" ... */
            *problem = g_strdup_printf (_("\"%s\" is out of range"), chronicle_import_date_part_names[i]);
          return NULL;
        case PART_BAD:
          /* Translators: %s is a TimelineJS date member: "year", "month" ... */
          *problem = g_strdup_printf (_("\"%s\" is not a whole number"), chronicle_import_date_part_names[i]);
          return NULL;
        case PART_ABSENT:
        default:
          break;
        }
    }

  return chronicle_import_date_parts_to_iso (import, parts, present, problem);
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

/* TRUE when @date has none of its parts (TimelineJS's own exports write
 * "end_date": {"year": "", "month": "", "day": ""} for no end). */
static gboolean
date_is_empty (ChronicleJsonNode *date)
{
  for (guint i = 0; i < CHRONICLE_IMPORT_N_DATE_PARTS; i++)
    {
      g_autofree char *written = NULL;
      gint64 value;

      if (get_part (date, chronicle_import_date_part_names[i], &value, &written) != PART_ABSENT)
        return FALSE;
    }
  return TRUE;
}

static void
convert_event (ChronicleImport   *import,
               ChronicleJsonNode *object,
               guint              index)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_html_link_free);
  g_auto(ChronicleHtmlDetails) details = { NULL, NULL };
  ChronicleJsonNode *text = chronicle_import_get_object (object, "text");
  ChronicleJsonNode *end = chronicle_import_get_object (object, "end_date");
  ChronicleJsonNode *media = chronicle_import_get_object (object, "media");
  g_autofree char *headline = chronicle_import_get_text (text, "headline", links);
  g_autofree char *body = NULL;
  g_autofree char *caption = chronicle_import_get_text (media, "caption", NULL);
  g_autofree char *credit = chronicle_import_get_text (media, "credit", NULL);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *place = NULL;
  const char *unique_id = chronicle_import_get_string (object, "unique_id");
  ChronicleImportEvent fields = { 0, };

  chronicle_html_details_init (&details);
  body = chronicle_import_get_event_text (text, "text", links, &details);
  place = chronicle_import_describe_place ("events", index,
                                           unique_id != NULL && *unique_id != '\0' ? unique_id : headline);
  count_ignored (import, object);

  if (!convert_named_date (import, chronicle_import_get_object (object, "start_date"), place, "start_date",
                           _("the event is left out"), &start_iso))
    return;
  if (end != NULL && !date_is_empty (end) &&
      convert_named_date (import, end, place, "end_date", _("the end is left out"), &end_iso) &&
      !chronicle_import_check_end (import, place, start_iso, end_iso))
    g_clear_pointer (&end_iso, g_free);

  fields.index = index;
  fields.start_iso = start_iso;
  fields.end_iso = end_iso;
  fields.unique_id = unique_id;
  fields.headline = headline;
  fields.body = body;
  fields.links = links;
  fields.actors = details.actors;
  fields.location = details.location;
  fields.display_date = chronicle_import_get_string (object, "display_date");
  /* TimelineJS also takes the date's own display_text ("Now", in its
   * cosmological example). */
  if (fields.display_date == NULL)
    fields.display_date = chronicle_import_get_string (chronicle_import_get_object (object, "start_date"),
                                                       "display_text");
  fields.group = chronicle_import_get_string (object, "group");
  fields.media.url = chronicle_import_get_string (media, "url");
  fields.media.caption = caption;
  fields.media.credit = credit;
  fields.media.thumbnail = chronicle_import_get_string (media, "thumbnail");
  fields.media.alt = chronicle_import_get_string (media, "alt");
  fields.media.title = chronicle_import_get_string (media, "title");
  fields.media.link = chronicle_import_get_string (media, "link");
  fields.media.link_target = chronicle_import_get_string (media, "link_target");
  chronicle_import_add_event (import, &fields);
}

static void
convert_era (ChronicleImport   *import,
             ChronicleJsonNode *object,
             guint              index)
{
  ChronicleJsonNode *end = chronicle_import_get_object (object, "end_date");
  g_autofree char *headline = chronicle_import_get_text (chronicle_import_get_object (object, "text"), "headline", NULL);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *place = NULL;

  place = chronicle_import_describe_place ("eras", index, headline);
  if (!convert_named_date (import, chronicle_import_get_object (object, "start_date"), place, "start_date",
                           _("the era is left out"), &start_iso))
    return;
  if (end != NULL && convert_named_date (import, end, place, "end_date", _("the end is left out"), &end_iso) &&
      !chronicle_import_check_end (import, place, start_iso, end_iso))
    g_clear_pointer (&end_iso, g_free);

  chronicle_import_add_era (import, index, headline, start_iso, end_iso);
}

char *
chronicle_import_timelinejs (ChronicleJsonNode  *root,
                             ChronicleImportReport *report,
                             GError            **error)
{
  ChronicleImport import;
  ChronicleJsonNode *title = chronicle_import_get_object (root, "title");
  ChronicleJsonNode *title_text = title != NULL ? chronicle_import_get_object (title, "text") : NULL;
  g_autofree char *headline = chronicle_import_get_text (title_text, "headline", NULL);
  g_autofree char *description = chronicle_import_get_text (title_text, "text", NULL);
  g_autofree char *summary = NULL;
  guint n_events, n_converted;
  char *document;

  chronicle_import_init (&import, report);

  n_events = chronicle_import_convert_array (&import, root, "events", convert_event);
  /* The title slide's picture has no place in our format; an empty one
   * (the Sheets' exports write "url": "") is none. */
  if (!chronicle_text_is_blank (chronicle_import_get_string (chronicle_import_get_object (title, "media"), "url")))
    chronicle_import_count_ignored (&import, "title.media");
  chronicle_import_convert_array (&import, root, "eras", convert_era);

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

  {
    g_autoptr(GString) counts = g_string_new (NULL);
    guint n_categories = json_array_get_length (import.categories);
    guint n_eras = json_array_get_length (import.eras);

    /* Translators: in an import's summary; the form follows the number of events in the file */
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u of %u event", "%u of %u events", n_events),
                                 n_converted, n_events);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u group as a category",
                                                      "%u groups as categories", n_categories), n_categories);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u era", "%u eras", n_eras), n_eras);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", import.n_quotes),
                                 import.n_quotes);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u media item", "%u media items", import.n_media),
                                 import.n_media);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u link as a source", "%u links as sources",
                                                      import.n_links), import.n_links);
    /* Translators: %s is the list of counts: "5 of 7 events, 2 groups as categories, 1 era, ..." */
    summary = g_strdup_printf (_("Converted from TimelineJS: %s"), counts->str);
  }
  document = chronicle_import_finish (&import, summary, headline, description);
  chronicle_import_clear (&import);
  return document;
}
