/* chronicle-import.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "chronicle-color-private.h"
#include "chronicle-date.h"
#include "chronicle-html-text-private.h"
#include "chronicle-import-private.h"
#include "chronicle-text-private.h"

/* The document the readers build (see chronicle-import-private.h). */

#define QUOTE_MAX 60

/* Colours for the groups, from the GNOME palette's darker shades; each is
 * still checked against the background and darkened where it falls short. */
static const char * const palette[] = {
  "#1c71d8", "#c01c28", "#26a269", "#c64600", "#813d9c", "#865e3c",
  "#0b7a75", "#a51d2d", "#1a5fb4", "#5e5c64", "#986a44", "#613583",
};

ChronicleJsonNode *
chronicle_import_get_object (ChronicleJsonNode *object,
                             const char        *name)
{
  ChronicleJsonNode *node;

  if (object == NULL || (node = chronicle_json_object_get_member (object, name)) == NULL ||
      chronicle_json_node_get_node_type (node) != CHRONICLE_JSON_NODE_OBJECT)
    return NULL;
  return node;
}

const char *
chronicle_import_get_string (ChronicleJsonNode *object,
                             const char        *name)
{
  ChronicleJsonNode *node;

  if (object == NULL || (node = chronicle_json_object_get_member (object, name)) == NULL ||
      chronicle_json_node_get_node_type (node) != CHRONICLE_JSON_NODE_STRING)
    return NULL;
  return chronicle_json_node_get_string (node);
}

/* Plain text of an HTML member, or NULL when absent or empty. */
char *
chronicle_import_get_text (ChronicleJsonNode *object,
                           const char        *name,
                           GPtrArray         *links)
{
  const char *html = chronicle_import_get_string (object, name);
  char *text;

  if (html == NULL)
    return NULL;
  text = chronicle_html_to_text (html, links);
  if (chronicle_text_is_blank (text))
    g_clear_pointer (&text, g_free);
  return text;
}

char *
chronicle_import_get_event_text (ChronicleJsonNode    *object,
                                 const char           *name,
                                 GPtrArray            *links,
                                 ChronicleHtmlDetails *details)
{
  const char *html = chronicle_import_get_string (object, name);
  char *text;

  if (html == NULL)
    return NULL;
  text = chronicle_html_event_text_to_text (html, links, details);
  if (chronicle_text_is_blank (text))
    g_clear_pointer (&text, g_free);
  return text;
}

gint64
chronicle_import_year_from_timelinejs (gint64 year)
{
  return year < 0 && year > -CHRONICLE_DATE_DEEP_YEAR ? year + 1 : year;
}

void
chronicle_import_report_init (ChronicleImportReport *report)
{
  memset (report, 0, sizeof *report);
  report->notes = g_ptr_array_new_with_free_func (g_free);
}

void
chronicle_import_report_clear (ChronicleImportReport *report)
{
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_clear_pointer (&report->summary, g_free);
}

void
chronicle_import_init (ChronicleImport       *import,
                       ChronicleImportReport *report)
{
  memset (import, 0, sizeof *import);
  import->report = report;
  import->notes = report != NULL ? report->notes : NULL;
  import->sources = json_array_new ();
  import->categories = json_array_new ();
  import->eras = json_array_new ();
  import->events = json_array_new ();
  import->source_urls = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, g_free);
  import->groups = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, g_free);
  import->event_ids = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, NULL);
  import->ignored = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, NULL);
}

void
chronicle_import_clear (ChronicleImport *import)
{
  g_clear_pointer (&import->sources, json_array_unref);
  g_clear_pointer (&import->categories, json_array_unref);
  g_clear_pointer (&import->eras, json_array_unref);
  g_clear_pointer (&import->events, json_array_unref);
  g_clear_pointer (&import->source_urls, g_hash_table_unref);
  g_clear_pointer (&import->groups, g_hash_table_unref);
  g_clear_pointer (&import->event_ids, g_hash_table_unref);
  g_clear_pointer (&import->ignored, g_hash_table_unref);
}

void
chronicle_import_note (ChronicleImport *import,
                       const char      *format,
                       ...)
{
  va_list args;
  g_autofree char *message = NULL;

  if (import->notes->len >= CHRONICLE_IMPORT_MAX_NOTES)
    {
      import->n_dropped++;
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (import->notes, chronicle_text_escape_line (message, 0));
}

void
chronicle_import_list_count (GString    *counts,
                             const char *format,
                             ...)
{
  va_list args;

  if (counts->len > 0)
    /* Translators: between the counts of an import's summary: "5 of 7 events, 1 era" */
    g_string_append (counts, C_("list separator", ", "));
  va_start (args, format);
  g_string_append_vprintf (counts, format, args);
  va_end (args);
}

guint
chronicle_import_convert_array (ChronicleImport            *import,
                                ChronicleJsonNode          *object,
                                const char                 *name,
                                ChronicleImportConvertFunc  convert)
{
  ChronicleJsonNode *array = object != NULL ? chronicle_json_object_get_member (object, name) : NULL;
  guint n;

  if (array == NULL || chronicle_json_node_get_node_type (array) != CHRONICLE_JSON_NODE_ARRAY)
    return 0;

  n = chronicle_json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      ChronicleJsonNode *element = chronicle_json_array_get_element (array, i);

      if (chronicle_json_node_get_node_type (element) == CHRONICLE_JSON_NODE_OBJECT)
        convert (import, element, i);
      else
        /* Translators: "events", "date" or "era" (a member name), and an index */
        chronicle_import_note (import, _("%s[%u]: not an object; left out"), name, i);
    }
  return n;
}

void
chronicle_import_count_ignored (ChronicleImport *import,
                                const char      *what)
{
  /* A file with a million different member names must not make a
   * million-entry note. */
  if (g_hash_table_size (import->ignored) >= 32 && !g_hash_table_contains (import->ignored, what))
    return;
  g_hash_table_insert (import->ignored, g_strdup (what),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (import->ignored, what)) + 1));
}

const char *
chronicle_import_add_source (ChronicleImport *import,
                             const char      *url,
                             const char      *title,
                             const char      *publisher)
{
  g_autofree char *name_key = url == NULL ? g_strconcat ("name:", publisher, NULL) : NULL;
  const char *key = url != NULL ? url : name_key;
  const char *id = g_hash_table_lookup (import->source_urls, key);
  JsonObject *source;
  char *new_id;

  g_return_val_if_fail (url != NULL || publisher != NULL, NULL);

  if (id != NULL)
    return id;

  new_id = g_strdup_printf ("link-%u", g_hash_table_size (import->source_urls) + 1);
  source = json_object_new ();
  json_object_set_string_member (source, "id", new_id);
  if (url != NULL)
    json_object_set_string_member (source, "url", url);
  if (title != NULL && *title != '\0')
    json_object_set_string_member (source, "title", title);
  if (publisher != NULL && *publisher != '\0')
    json_object_set_string_member (source, "publisher", publisher);
  json_array_add_object_element (import->sources, source);
  g_hash_table_insert (import->source_urls, g_strdup (key), new_id);
  return new_id;
}

const char *
chronicle_import_add_group (ChronicleImport *import,
                            const char      *label)
{
  const char *id = g_hash_table_lookup (import->groups, label);
  guint n = g_hash_table_size (import->groups);
  const char *color = palette[n % G_N_ELEMENTS (palette)];
  guint32 rgb = (guint32) g_ascii_strtoull (color + 1, NULL, 16);
  double r = ((rgb >> 16) & 0xff) / 255.0, g = ((rgb >> 8) & 0xff) / 255.0, b = (rgb & 0xff) / 255.0;
  g_autofree char *checked = NULL;
  JsonObject *category;
  char *new_id;

  if (id != NULL)
    return id;

  chronicle_color_ensure_contrast (&r, &g, &b, CHRONICLE_LIGHT_BACKGROUND, CHRONICLE_CONTRAST_MARKS);
  checked = g_strdup_printf ("#%02x%02x%02x", (guint) (r * 255 + 0.5), (guint) (g * 255 + 0.5),
                             (guint) (b * 255 + 0.5));

  new_id = g_strdup_printf ("group-%u", n + 1);
  category = json_object_new ();
  json_object_set_string_member (category, "id", new_id);
  json_object_set_string_member (category, "label", label);
  json_object_set_string_member (category, "color", checked);
  json_array_add_object_element (import->categories, category);
  g_hash_table_insert (import->groups, g_strdup (label), new_id);
  return new_id;
}

/* @text, or NULL when it shows nothing. */
static const char *
unless_blank (const char *text)
{
  return text != NULL && !chronicle_text_is_blank (text) ? text : NULL;
}

/* A url as TimelineJS has it, trimmed; "//host/path" (protocol-relative,
 * which a page loads over its own scheme) as https, which a desktop
 * file can open. NULL when blank. */
static char *
normalize_url (const char *url)
{
  g_autofree char *trimmed = NULL;

  if (url == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (url));
  if (*trimmed == '\0')
    return NULL;
  if (trimmed[0] == '/' && trimmed[1] == '/' && g_ascii_isalnum (trimmed[2]))
    return g_strconcat ("https:", trimmed, NULL);
  return g_steal_pointer (&trimmed);
}

static void
set_string_unless_blank (JsonObject *object,
                         const char *member,
                         const char *value)
{
  if (unless_blank (value) != NULL)
    json_object_set_string_member (object, member, value);
}

void
chronicle_import_add_media (ChronicleImport            *import,
                            const ChronicleImportMedia *media,
                            JsonObject                 *event)
{
  const char *caption = unless_blank (media->caption);
  const char *credit = unless_blank (media->credit);
  g_autofree char *url = normalize_url (media->url);
  g_autofree char *thumbnail = normalize_url (media->thumbnail);
  const char *p = url;

  if (url == NULL)
    return;

  if (g_ascii_strncasecmp (p, "<blockquote", 11) == 0)
    {
      g_autofree char *cite = NULL;
      g_autofree char *text = chronicle_html_quote_to_text (p, &cite);
      const char *speaker = credit != NULL ? credit : unless_blank (cite) != NULL ? cite : caption;
      JsonObject *quote;
      JsonArray *quotes;

      if (chronicle_text_is_blank (text))
        return;
      quote = json_object_new ();
      json_object_set_string_member (quote, "text", text);
      /* Said by its credit, else the <cite> in it, else its caption. */
      if (speaker != NULL)
        json_object_set_string_member (quote, "speaker", speaker);
      quotes = json_array_new ();
      json_array_add_object_element (quotes, quote);
      json_object_set_array_member (event, "quotes", quotes);
      import->n_quotes++;
    }
  else
    {
      /* Kept as written when it is no web link (a path on the
       * timeline's own site, embed code): the sidebar shows it as text,
       * and an export gives it back to TimelineJS. */
      JsonObject *object = json_object_new ();
      JsonArray *array = json_array_new ();

      json_object_set_string_member (object, "url", url);
      set_string_unless_blank (object, "caption", caption);
      set_string_unless_blank (object, "credit", credit);
      set_string_unless_blank (object, "thumbnail", thumbnail);
      set_string_unless_blank (object, "alt", media->alt);
      set_string_unless_blank (object, "title", media->title);
      set_string_unless_blank (object, "link", media->link);
      set_string_unless_blank (object, "link_target", media->link_target);
      json_array_add_object_element (array, object);
      json_object_set_array_member (event, "media", array);
      import->n_media++;
    }
}

char *
chronicle_import_describe_huge_year (const char *written)
{
  g_autofree char *quoted = chronicle_text_escape_line (written, QUOTE_MAX);

  /* Translators: %s is a year as written in the file; the same message as for a date */
  return g_strdup_printf (_("%s is not supported: years reach 100 billion before and after year 0"), quoted);
}

char *
chronicle_import_take_id (ChronicleImport *import,
                          const char      *wanted,
                          guint            n)
{
  char *id = NULL;

  if (wanted != NULL && !chronicle_text_is_blank (wanted) && !g_hash_table_contains (import->event_ids, wanted))
    id = g_strdup (wanted);
  else
    for (; id == NULL || g_hash_table_contains (import->event_ids, id); n++)
      {
        g_free (id);
        id = g_strdup_printf ("event-%u", n);
      }

  g_hash_table_add (import->event_ids, g_strdup (id));
  return id;
}

gboolean
chronicle_import_check_end (ChronicleImport *import,
                            const char      *place,
                            const char      *start_iso,
                            const char      *end_iso)
{
  ChronicleDate start, end;

  if (!chronicle_date_parse (start_iso, &start, NULL) || !chronicle_date_parse (end_iso, &end, NULL) ||
      chronicle_date_get_start (&end) >= chronicle_date_get_start (&start))
    return TRUE;

  chronicle_import_note (import,
                         /* Translators: %s are a place in the file and two dates */
                         _("%s: end %s is before start %s; the end is left out"),
                         place, end_iso, start_iso);
  return FALSE;
}

void
chronicle_import_set_display_date (ChronicleImport *import,
                                   JsonObject      *event,
                                   const char      *display_date)
{
  if (display_date == NULL || chronicle_text_is_blank (display_date))
    return;

  json_object_set_string_member (event, "display_date", display_date);
}

void
chronicle_import_add_link_sources (ChronicleImport *import,
                                   GPtrArray       *links,
                                   JsonArray       *source_ids)
{
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      ChronicleHtmlLink *link = g_ptr_array_index (links, i);

      /* A source named without a link is its publisher's name. */
      if (link->url != NULL)
        json_array_add_string_element (source_ids, chronicle_import_add_source (import, link->url, link->text, NULL));
      else if (link->text != NULL && *link->text != '\0')
        json_array_add_string_element (source_ids, chronicle_import_add_source (import, NULL, NULL, link->text));
      else
        continue;
      import->n_links++;
    }
}

void
chronicle_import_set_details (JsonObject *event,
                              GPtrArray  *actors,
                              const char *location)
{
  if (actors != NULL && actors->len > 0 && !json_object_has_member (event, "actors"))
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < actors->len; i++)
        json_array_add_string_element (array, g_ptr_array_index (actors, i));
      json_object_set_array_member (event, "actors", array);
    }
  if (location != NULL && !json_object_has_member (event, "location"))
    json_object_set_string_member (event, "location", location);
}

void
chronicle_import_add_event (ChronicleImport            *import,
                            const ChronicleImportEvent *fields)
{
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(JsonArray) source_ids = json_array_new ();
  g_autofree char *id = NULL;

  /* An id must be unique and not empty; TimelineJS's unique_id is optional. */
  id = chronicle_import_take_id (import, fields->unique_id, fields->index + 1);
  json_object_set_string_member (event, "id", id);
  json_object_set_string_member (event, "date", fields->start_iso);
  if (fields->end_iso != NULL)
    json_object_set_string_member (event, "end", fields->end_iso);
  if (fields->headline != NULL)
    json_object_set_string_member (event, "title", fields->headline);
  else if (fields->display_date != NULL && !chronicle_text_is_blank (fields->display_date))
    json_object_set_string_member (event, "title", fields->display_date);
  else
    json_object_set_string_member (event, "title", _("Untitled event"));
  if (fields->body != NULL)
    json_object_set_string_member (event, "summary", fields->body);
  chronicle_import_set_display_date (import, event, fields->display_date);
  if (fields->group != NULL && !chronicle_text_is_blank (fields->group))
    json_object_set_string_member (event, "category", chronicle_import_add_group (import, fields->group));
  chronicle_import_set_details (event, fields->actors, fields->location);

  chronicle_import_add_link_sources (import, fields->links, source_ids);
  chronicle_import_add_media (import, &fields->media, event);
  if (json_array_get_length (source_ids) > 0)
    json_object_set_array_member (event, "sources", g_steal_pointer (&source_ids));

  json_array_add_object_element (import->events, g_steal_pointer (&event));
}

void
chronicle_import_add_era (ChronicleImport *import,
                          guint            index,
                          const char      *label,
                          const char      *start_iso,
                          const char      *end_iso)
{
  g_autoptr(JsonObject) era = json_object_new ();
  g_autofree char *id = g_strdup_printf ("era-%u", index + 1);

  json_object_set_string_member (era, "id", id);
  json_object_set_string_member (era, "label", label != NULL ? label : _("Untitled era"));
  json_object_set_string_member (era, "start", start_iso);
  if (end_iso != NULL)
    json_object_set_string_member (era, "end", end_iso);
  json_array_add_object_element (import->eras, g_steal_pointer (&era));
}

char *
chronicle_import_describe_place (const char *list,
                                 guint       index,
                                 const char *name)
{
  g_autofree char *quoted = NULL;

  if (name == NULL || *name == '\0')
    return g_strdup_printf ("%s[%u]", list, index);
  quoted = chronicle_text_escape_line (name, QUOTE_MAX);
  return g_strdup_printf ("%s[%u] \"%s\"", list, index, quoted);
}

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
chronicle_import_finish (ChronicleImport *import,
                         const char      *summary,
                         const char      *title,
                         const char      *description)
{
  g_autoptr(JsonObject) document = json_object_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GString) ignored = g_string_new (NULL);
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint at = 0;

  /* What was converted is information, told apart from the notes. */
  g_free (import->report->summary);
  import->report->summary = g_strdup (summary);
  import->report->untitled = title == NULL;
  if (import->n_milliseconds > 0)
    g_ptr_array_insert (import->notes, at++,
                        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "%u date lost its milliseconds: Chronicle keeps seconds",
                                                      "%u dates lost their milliseconds: Chronicle keeps seconds",
                                                      import->n_milliseconds),
                                         import->n_milliseconds));

  g_hash_table_iter_init (&iter, import->ignored);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *quoted = chronicle_text_escape_line (name, QUOTE_MAX);

      g_string_append_printf (ignored, "%s%s (%u)", i > 0 ? ", " : "", quoted,
                              GPOINTER_TO_UINT (g_hash_table_lookup (import->ignored, name)));
    }
  if (ignored->len > 0)
    g_ptr_array_insert (import->notes, at++,
                        /* Translators: %s is a list of member or column names with counts */
                        g_strdup_printf (_("Not represented, left out: %s"), ignored->str));

  if (import->n_dropped > 0)
    g_ptr_array_add (import->notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more note",
                                                                  "and %u more notes", import->n_dropped),
                                                     import->n_dropped));

  json_object_set_string_member (document, "format", "chronicle-timeline");
  json_object_set_int_member (document, "version", 1);
  json_object_set_string_member (document, "title", title != NULL ? title : _("Imported timeline"));
  if (description != NULL)
    json_object_set_string_member (document, "description", description);
  /* Sections before the events, so that the loader streams them. */
  json_object_set_array_member (document, "sources", json_array_ref (import->sources));
  json_object_set_array_member (document, "categories", json_array_ref (import->categories));
  json_object_set_array_member (document, "eras", json_array_ref (import->eras));
  json_object_set_array_member (document, "events", json_array_ref (import->events));

  node = json_node_init_object (json_node_alloc (), document);
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  /* json-glib 1.6 writes some control characters (U+001F) raw, which JSON
   * forbids and our parser refuses; unindented, it writes none outside
   * strings, so each one left is escaped here. */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      g_string_append_printf (escaped, "\\u%04X", (guint) (guchar) *p);
    else
      g_string_append_c (escaped, *p);
  return g_string_free (g_steal_pointer (&escaped), FALSE);
}
