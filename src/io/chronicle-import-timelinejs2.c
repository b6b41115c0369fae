/* chronicle-import-timelinejs2.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#include "chronicle-date.h"
#include "chronicle-html-text-private.h"
#include "chronicle-import-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"

/*
 * TimelineJS 2, the format of the timelines newsrooms made from 2012 to
 * 2015 and still publish: {"timeline": {"headline", "text", "asset",
 * "date": [{"startDate": "2011,12,10", "endDate", "headline", "text",
 * "tag", "asset": {"media", "credit", "caption"}}], "era": [...]}}.
 * Dates are "year,month,day,hour,minute,second" strings, cut short to
 * their precision ("1899", "2012,1"); TimelineJS 2 also took ISO dates.
 * Built as a TimelineJS 3 event would be (chronicle_import_add_event()).
 */

static const char * const known_date_members[] = {
  "startDate", "endDate", "headline", "text", "tag", "asset", NULL
};

/* Longer than any date TimelineJS 2 writes; bounds the parts' parsing. */
#define DATE_TEXT_MAX 64

gboolean
chronicle_import_is_timelinejs2 (ChronicleJsonNode *root)
{
  ChronicleJsonNode *timeline, *dates;

  if (chronicle_json_node_get_node_type (root) != CHRONICLE_JSON_NODE_OBJECT ||
      chronicle_json_object_get_member (root, "format") != NULL ||
      chronicle_json_object_get_member (root, "version") != NULL ||
      (timeline = chronicle_import_get_object (root, "timeline")) == NULL)
    return FALSE;

  dates = chronicle_json_object_get_member (timeline, "date");
  return (dates != NULL && chronicle_json_node_get_node_type (dates) == CHRONICLE_JSON_NODE_ARRAY) ||
         chronicle_import_get_string (timeline, "headline") != NULL;
}

/* One whole number, perhaps negative, with spaces around; *@huge when it
 * is one beyond what a gint64 holds (g_ascii_strtoll() saturates). */
static gboolean
parse_part (const char *text,
            gint64     *value,
            gboolean   *huge)
{
  char *end;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0' || !(g_ascii_isdigit (*text) || (*text == '-' && g_ascii_isdigit (text[1]))))
    return FALSE;
  errno = 0;
  *value = g_ascii_strtoll (text, &end, 10);
  *huge = errno == ERANGE;
  while (g_ascii_isspace (*end))
    end++;
  return *end == '\0';
}

/* "2011,12,10" (or "1899", or ISO "2011-12-10") as our ISO text; NULL
 * with *@problem set when it is none of these. */
static char *
convert_date (ChronicleImport *import,
              const char      *text,
              char           **problem)
{
  gint64 parts[CHRONICLE_IMPORT_N_DATE_PARTS] = { 0, };
  gboolean present[CHRONICLE_IMPORT_N_DATE_PARTS] = { FALSE, };
  g_auto(GStrv) pieces = NULL;
  g_autofree char *quoted = NULL;
  ChronicleDate date;
  guint n;

  if (chronicle_text_is_blank (text))
    {
      *problem = g_strdup (_("missing"));
      return NULL;
    }

  if (strlen (text) <= DATE_TEXT_MAX)
    {
      pieces = g_strsplit (text, ",", CHRONICLE_IMPORT_N_DATE_PARTS + 1);
      n = g_strv_length (pieces);
      if (n <= CHRONICLE_IMPORT_N_DATE_PARTS)
        {
          gboolean huge = FALSE;
          guint i;

          for (i = 0; i < n && !huge && parse_part (pieces[i], &parts[i], &huge); i++)
            present[i] = TRUE;
          if (huge && i == 1)
            {
              /* The year as written, not the saturated G_MININT64. */
              *problem = chronicle_import_describe_huge_year (g_strstrip (pieces[0]));
              return NULL;
            }
          if (i == n && !huge)
            return chronicle_import_date_parts_to_iso (import, parts, present, problem);
        }

      if (n == 1 && chronicle_date_parse (g_strstrip (pieces[0]), &date, NULL))
        return chronicle_date_to_iso (&date);
    }

  quoted = chronicle_text_escape_line (text, 40);
  /* Translators: %s is a date as written in the file; keep "year,month,day" as it is */
  *problem = g_strdup_printf (_("\"%s\" is not a TimelineJS date (year,month,day)"), quoted);
  return NULL;
}

/* Converts the date member @what of @object into *@iso, or notes why not,
 * naming @place and what is left out. */
static gboolean
convert_named_date (ChronicleImport   *import,
                    ChronicleJsonNode *object,
                    const char        *what,
                    const char        *place,
                    const char        *left_out,
                    char             **iso)
{
  ChronicleJsonNode *node = chronicle_json_object_get_member (object, what);
  g_autofree char *problem = NULL;
  g_autofree char *number = NULL;

  /* A year alone is sometimes written as a number. */
  if (node != NULL && chronicle_json_node_get_node_type (node) == CHRONICLE_JSON_NODE_INT)
    {
      number = g_strdup_printf ("%" G_GINT64_FORMAT, chronicle_json_node_get_int (node));
      *iso = convert_date (import, number, &problem);
    }
  else if (node != NULL && chronicle_json_node_get_node_type (node) != CHRONICLE_JSON_NODE_STRING)
    problem = g_strdup (_("not a string"));
  else
    *iso = convert_date (import, node != NULL ? chronicle_json_node_get_string (node) : NULL, &problem);

  if (problem == NULL)
    return TRUE;

  /* Translators: a place in the file, a member name (startDate), why, and
   * what is left out ("the event is left out") */
  chronicle_import_note (import, _("%s: %s: %s; %s"), place, what, problem, left_out);
  return FALSE;
}

/* The start and, when it is good and not before it, the end. */
static gboolean
convert_dates (ChronicleImport   *import,
               ChronicleJsonNode *object,
               const char        *place,
               const char        *left_out,
               char             **start_iso,
               char             **end_iso)
{
  ChronicleJsonNode *end = chronicle_json_object_get_member (object, "endDate");
  const char *end_text = chronicle_import_get_string (object, "endDate");

  if (!convert_named_date (import, object, "startDate", place, left_out, start_iso))
    return FALSE;
  /* TimelineJS 2 files often have an empty endDate: no end. */
  if (end != NULL && chronicle_json_node_get_node_type (end) != CHRONICLE_JSON_NODE_NULL &&
      (end_text == NULL || !chronicle_text_is_blank (end_text)) &&
      convert_named_date (import, object, "endDate", place, _("the end is left out"), end_iso) &&
      !chronicle_import_check_end (import, place, *start_iso, *end_iso))
    g_clear_pointer (end_iso, g_free);
  return TRUE;
}

static void
convert_event (ChronicleImport   *import,
               ChronicleJsonNode *object,
               guint              index)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_html_link_free);
  ChronicleJsonNode *asset = chronicle_import_get_object (object, "asset");
  g_autofree char *headline = chronicle_import_get_text (object, "headline", links);
  g_autofree char *body = chronicle_import_get_text (object, "text", links);
  g_autofree char *caption = chronicle_import_get_text (asset, "caption", NULL);
  g_autofree char *credit = chronicle_import_get_text (asset, "credit", NULL);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *place = NULL;
  ChronicleImportEvent fields = { 0, };

  place = chronicle_import_describe_place ("date", index, headline);
  for (guint i = 0; i < object->n_children; i++)
    if (!g_strv_contains (known_date_members, object->v.children[i].key))
      chronicle_import_count_ignored (import, object->v.children[i].key);

  if (!convert_dates (import, object, place, _("the event is left out"), &start_iso, &end_iso))
    return;

  fields.index = index;
  fields.start_iso = start_iso;
  fields.end_iso = end_iso;
  fields.headline = headline;
  fields.body = body;
  fields.links = links;
  fields.group = chronicle_import_get_string (object, "tag");
  fields.media.url = chronicle_import_get_string (asset, "media");
  fields.media.caption = caption;
  fields.media.credit = credit;
  fields.media.thumbnail = chronicle_import_get_string (asset, "thumbnail");
  chronicle_import_add_event (import, &fields);
}

static void
convert_era (ChronicleImport   *import,
             ChronicleJsonNode *object,
             guint              index)
{
  g_autofree char *headline = chronicle_import_get_text (object, "headline", NULL);
  g_autofree char *start_iso = NULL, *end_iso = NULL, *place = NULL;

  place = chronicle_import_describe_place ("era", index, headline);
  /* Our eras have no categories. */
  if (chronicle_import_get_string (object, "tag") != NULL)
    chronicle_import_count_ignored (import, "era.tag");
  if (convert_dates (import, object, place, _("the era is left out"), &start_iso, &end_iso))
    chronicle_import_add_era (import, index, headline, start_iso, end_iso);
}

char *
chronicle_import_timelinejs2 (ChronicleJsonNode      *root,
                              ChronicleImportReport  *report,
                              GError                **error)
{
  ChronicleImport import;
  ChronicleJsonNode *timeline = chronicle_import_get_object (root, "timeline");
  g_autofree char *headline = chronicle_import_get_text (timeline, "headline", NULL);
  g_autofree char *description = chronicle_import_get_text (timeline, "text", NULL);
  g_autofree char *summary = NULL;
  guint n_events, n_converted;
  char *document;

  chronicle_import_init (&import, report);

  n_events = chronicle_import_convert_array (&import, timeline, "date", convert_event);
  chronicle_import_convert_array (&import, timeline, "era", convert_era);
  /* The title slide's picture has no place in our format. */
  if (chronicle_import_get_string (chronicle_import_get_object (timeline, "asset"), "media") != NULL)
    chronicle_import_count_ignored (&import, "timeline.asset");

  n_converted = json_array_get_length (import.events);
  if (n_events > 0 && n_converted == 0)
    {
      g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE,
                   /* Translators: %s is the first reason, such as date[0]: startDate: ... */
                   _("TimelineJS 2 file: none of its dates could be converted (%s)"),
                   report->notes->len > 0 ? (const char *) g_ptr_array_index (report->notes, 0) : "");
      chronicle_import_clear (&import);
      return NULL;
    }

  {
    g_autoptr(GString) counts = g_string_new (NULL);
    guint n_categories = json_array_get_length (import.categories);
    guint n_eras = json_array_get_length (import.eras);

    /* Translators: in an import's summary; the form follows the number of dates in the file */
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u of %u date as an event",
                                                      "%u of %u dates as events", n_events),
                                 n_converted, n_events);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u tag as a category",
                                                      "%u tags as categories", n_categories), n_categories);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u era", "%u eras", n_eras), n_eras);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes", import.n_quotes),
                                 import.n_quotes);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u media item", "%u media items", import.n_media),
                                 import.n_media);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u link as a source", "%u links as sources",
                                                      import.n_links), import.n_links);
    /* Translators: %s is the list of counts: "5 of 8 dates as events, 2 tags as categories, 1 era, ..." */
    summary = g_strdup_printf (_("Converted from TimelineJS 2: %s"), counts->str);
  }
  document = chronicle_import_finish (&import, summary, headline, description);
  chronicle_import_clear (&import);
  return document;
}
