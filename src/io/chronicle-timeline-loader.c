/* chronicle-timeline-loader.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-loader"

#include "config.h"

#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-loader-private.h"

#include "chronicle-json-dom-private.h"
#include "chronicle-import-private.h"
#include "chronicle-timeline-private.h"
#include "chronicle-text-private.h"
#include "chronicle-color-private.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

/*
 * The loader parses the whole document into a compact tree with our own
 * strict JSON parser (chronicle-json-dom.c) and then walks it once. Every refusal names its place as a JSON path ("events[3]") plus the
 * item's id once it is known, so that a user can find the offending line in
 * a 100 000-event file. Places are only formatted into text when a message
 * is actually produced, so a clean load allocates nothing for them.
 *
 * Id lookups (duplicates, unknown categories and sources) use hash tables
 * keyed by strings that live in the parsed tree; the tree outlives
 * the walk, so nothing is copied. The tables hash with the keyed
 * chronicle_str_hash(): ids are chosen by whoever wrote the file, and with
 * g_str_hash they can be chosen to collide.
 *
 * Every message is one line that a terminal shows as text: ids and values
 * quoted from the file are escaped and cut (QUOTE_MAX characters), and the
 * whole message is escaped once more in case a part slipped through.
 */

#define QUOTE_MAX 60

#define FORMAT_NAME    "chronicle-timeline"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (chronicle-load-error-quark, chronicle_load_error)

/**
 * chronicle_load_error_get_summary:
 * @error: an error from loading a timeline
 *
 * What kind of trouble @error is, as one translated sentence for people
 * ("The file is not valid JSON."), to show above the error's message,
 * which says where and what.
 *
 * Returns: (transfer none): the sentence
 */
const char *
chronicle_load_error_get_summary (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  /* Errors of other domains come from reading the file (GIO). */
  if (error->domain != CHRONICLE_LOAD_ERROR || error->code == CHRONICLE_LOAD_ERROR_IO)
    return _("The file could not be read.");

  switch ((ChronicleLoadError) error->code)
    {
    case CHRONICLE_LOAD_ERROR_SYNTAX:
      return _("The file is not valid JSON.");
    case CHRONICLE_LOAD_ERROR_FORMAT:
      return _("The file is not a Chronicle timeline.");
    case CHRONICLE_LOAD_ERROR_COLUMNS:
      return _("The spreadsheet’s columns were not recognised.");
    case CHRONICLE_LOAD_ERROR_MISSING:
    case CHRONICLE_LOAD_ERROR_TYPE:
    case CHRONICLE_LOAD_ERROR_DATE:
    case CHRONICLE_LOAD_ERROR_RANGE:
    case CHRONICLE_LOAD_ERROR_DUPLICATE:
    case CHRONICLE_LOAD_ERROR_VALUE:
    default:
      return _("A part of the timeline is missing or wrong.");
    }
}

typedef struct _Place Place;

/* One step of a JSON path: `list[index] "id"`, nested for quotes. */
struct _Place
{
  const Place *parent;
  const char  *list;
  guint        index;
  const char  *id;
};

typedef struct
{
  /* owned */
  GPtrArray  *warnings;       /* char *, NULL when the caller wants none */
  GHashTable *source_ids;     /* borrowed id -> GUINT_TO_POINTER (index + 1) */
  GHashTable *category_ids;
  GHashTable *era_ids;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->warnings, g_ptr_array_unref);
  g_clear_pointer (&loader->source_ids, g_hash_table_unref);
  g_clear_pointer (&loader->category_ids, g_hash_table_unref);
  g_clear_pointer (&loader->era_ids, g_hash_table_unref);
}

static void
append_place (GString     *string,
              const Place *place)
{
  if (place->parent != NULL)
    {
      append_place (string, place->parent);
      g_string_append (string, ": ");
    }

  g_string_append_printf (string, "%s[%u]", place->list, place->index);

  if (place->id != NULL)
    {
      g_autofree char *id = chronicle_text_escape_line (place->id, QUOTE_MAX);

      g_string_append_printf (string, " \"%s\"", id);
    }
}

static char *format_message_valist (const Place *place,
                                    const char  *format,
                                    va_list      args) G_GNUC_PRINTF (2, 0);

static char *
format_message_valist (const Place *place,
                       const char  *format,
                       va_list      args)
{
  g_autoptr(GString) string = g_string_new (NULL);

  if (place != NULL)
    {
      append_place (string, place);
      g_string_append (string, ": ");
    }

  g_string_append_vprintf (string, format, args);

  /* Values are escaped by the callers (with a cut); this catches what a
   * message from elsewhere (the date parser) quotes. */
  return chronicle_text_escape_line (string->str, 0);
}

/* @text from the file, for quoting in a message: one line, cut. */
static char *
quote (const char *text)
{
  return chronicle_text_escape_line (text, QUOTE_MAX);
}

static gboolean set_error (GError          **error,
                           ChronicleLoadError code,
                           const Place      *place,
                           const char       *format,
                           ...) G_GNUC_PRINTF (4, 5);

/* Always returns FALSE, so that callers can `return set_error (...)`. */
static gboolean
set_error (GError            **error,
           ChronicleLoadError  code,
           const Place        *place,
           const char         *format,
           ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = format_message_valist (place, format, args);
  va_end (args);

  g_set_error_literal (error, CHRONICLE_LOAD_ERROR, code, message);
  g_free (message);

  return FALSE;
}

static void add_warning (Loader      *loader,
                         const Place *place,
                         const char  *format,
                         ...) G_GNUC_PRINTF (3, 4);

static void
add_warning (Loader      *loader,
             const Place *place,
             const char  *format,
             ...)
{
  va_list args;

  if (loader->warnings == NULL)
    return;

  va_start (args, format);
  g_ptr_array_add (loader->warnings, format_message_valist (place, format, args));
  va_end (args);
}

/* Translated only when a message needs it: looking translations up for
 * every member read would cost a loader of 100 000 events a tenth of its
 * time. */
static const char *
describe_type (ChronicleJsonNodeType type)
{
  switch (type)
    {
    case CHRONICLE_JSON_NODE_OBJECT:
      /* Translators: a JSON type, used in "X must be a string, not an object" */
      return C_("JSON type", "an object");

    case CHRONICLE_JSON_NODE_ARRAY:
      /* Translators: a JSON type, used in "X must be a string, not an array" */
      return C_("JSON type", "an array");

    case CHRONICLE_JSON_NODE_NULL:
      /* Translators: the JSON value null, used in "X must be a string, not null" */
      return C_("JSON type", "null");

    case CHRONICLE_JSON_NODE_STRING:
      /* Translators: a JSON type, used in "X must be a number, not a string" */
      return C_("JSON type", "a string");

    case CHRONICLE_JSON_NODE_BOOLEAN:
      /* Translators: a JSON type (true or false), used in "X must be a string, not a boolean" */
      return C_("JSON type", "a boolean");

    case CHRONICLE_JSON_NODE_INT:
    case CHRONICLE_JSON_NODE_DOUBLE:
    default:
      /* Translators: a JSON type, used in "X must be a string, not a number" */
      return C_("JSON type", "a number");
    }
}

/* @subject is already quoted or indexed: `"id"` or `actors[2]`. */
static gboolean
set_type_error (GError                **error,
                const Place            *place,
                const char             *subject,
                ChronicleJsonNodeType   expected,
                ChronicleJsonNode      *node)
{
  return set_error (error, CHRONICLE_LOAD_ERROR_TYPE, place,
                    /* Translators: the first %s is a JSON member such as "id" or actors[2], the
                     * second the expected JSON type ("a string"), the third the type found ("a
                     * number"). */
                    _("%s must be %s, not %s"),
                    subject, describe_type (expected), describe_type (chronicle_json_node_get_node_type (node)));
}

static gboolean
set_missing_error (GError      **error,
                   const Place  *place,
                   const char   *member)
{
  return set_error (error, CHRONICLE_LOAD_ERROR_MISSING, place,
                    /* Translators: %s is the name of a JSON member such as "title"; keep the quotes
                     * around it. */
                    _("missing required member \"%s\""), member);
}

static gboolean
node_holds_string (ChronicleJsonNode *node)
{
  return chronicle_json_node_get_node_type (node) == CHRONICLE_JSON_NODE_STRING;
}

/* Looks up @member and checks its JSON type. *out is NULL when the member
 * is absent, or null and not @required: extraction pipelines often write
 * "end": null. */
static gboolean
get_member (ChronicleJsonNode      *object,
            const char             *member,
            gboolean                required,
            ChronicleJsonNodeType   type,
            const Place            *place,
            ChronicleJsonNode     **out,
            GError                **error)
{
  ChronicleJsonNode *node = chronicle_json_object_get_member (object, member);

  *out = NULL;

  if (node == NULL || (!required && chronicle_json_node_get_node_type (node) == CHRONICLE_JSON_NODE_NULL))
    {
      if (required)
        return set_missing_error (error, place, member);
      return TRUE;
    }

  if (chronicle_json_node_get_node_type (node) != type)
    {
      g_autofree char *subject = g_strdup_printf ("\"%s\"", member);
      return set_type_error (error, place, subject, type, node);
    }

  *out = node;
  return TRUE;
}

/* Reads an optional (or, with @required, a required) string member. */
static gboolean
read_string (ChronicleJsonNode  *object,
             const char         *member,
             gboolean            required,
             const Place        *place,
             const char        **out,
             GError            **error)
{
  ChronicleJsonNode *node;

  *out = NULL;

  if (!get_member (object, member, required, CHRONICLE_JSON_NODE_STRING, place, &node, error))
    return FALSE;

  if (node != NULL)
    *out = chronicle_json_node_get_string (node);
  return TRUE;
}

/* Reads a required string that must show something: an id, a title, a
 * label, a quote's text. Blank text (empty, white space, invisible
 * characters) is refused as an empty id always was: it would show as
 * nothing in a list, a legend or a chart, and point at nothing. */
static gboolean
read_text (ChronicleJsonNode  *object,
           const char         *member,
           const Place        *place,
           const char        **out,
           GError            **error)
{
  if (!read_string (object, member, TRUE, place, out, error))
    return FALSE;

  /* the first byte settles nearly every case */
  if (g_ascii_isalnum (**out) || !chronicle_text_is_blank (*out))
    return TRUE;

  if (**out == '\0')
    {
      *out = NULL;
      return set_error (error, CHRONICLE_LOAD_ERROR_VALUE, place,
                        /* Translators: %s is a JSON member name such as "id"; keep the quotes */
                        _("\"%s\" must not be empty"), member);
    }

  *out = NULL;
  return set_error (error, CHRONICLE_LOAD_ERROR_VALUE, place,
                    /* Translators: %s is a JSON member name such as "title"; keep the quotes */
                    _("\"%s\" must not be blank (only spaces or invisible characters)"), member);
}

/* Reads an event's required title. A blank one is a warning, not a
 * refusal: the event still has a date and an id to point at, and is drawn
 * as a muted "(untitled)"; the file's text is kept as it is. */
static gboolean
read_title (Loader             *loader,
            ChronicleJsonNode  *object,
            const Place        *place,
            const char        **out,
            GError            **error)
{
  if (!read_string (object, "title", TRUE, place, out, error))
    return FALSE;

  /* the first byte settles nearly every case */
  if (g_ascii_isalnum (**out) || !chronicle_text_is_blank (*out))
    return TRUE;

  add_warning (loader, place, "%s",
               **out == '\0'
               /* Translators: "title" is a JSON member name; keep the quotes. The event is
                * drawn as "(untitled)". */
               ? _("\"title\" is empty; shown as (untitled)")
               /* Translators: "title" is a JSON member name; keep the quotes */
               : _("\"title\" is blank (only spaces or invisible characters); shown as (untitled)"));
  return TRUE;
}

/* Reads a required, non-blank id. */
static gboolean
read_id (ChronicleJsonNode  *object,
         const Place        *place,
         const char        **out,
         GError            **error)
{
  return read_text (object, "id", place, out, error);
}

/* Refuses @id at @place if @ids has it already; the caller claims it once
 * the event is stored, with the store's copy of the id as the key. */
static gboolean
check_unclaimed (GHashTable   *ids,
                 const char   *id,
                 const Place  *place,
                 GError      **error)
{
  gpointer first;

  if (g_hash_table_lookup_extended (ids, id, NULL, &first))
    {
      return set_error (error, CHRONICLE_LOAD_ERROR_DUPLICATE, place,
                        /* Translators: the first %s is a list name such as "events", %u the
                         * position of the first item that used the same id: "(first used by
                         * events[1])". */
                        _("duplicate id (first used by %s[%u])"),
                        place->list, GPOINTER_TO_UINT (first) - 1);
    }

  return TRUE;
}

/* check_unclaimed() for an event: the store's table of the events
 * appended so far answers, and the hash it took goes with @fields to the
 * append (one keyed hash per event; issue #12). Events are appended in
 * file order, so the first event with the id is the one the message names. */
static gboolean
check_event_unclaimed (ChronicleTimeline     *timeline,
                       const char            *id,
                       const Place           *place,
                       ChronicleEventFields  *fields,
                       GError               **error)
{
  guint first;

  if (chronicle_timeline_find_appended (timeline, id, &fields->id_hash, &first))
    {
      return set_error (error, CHRONICLE_LOAD_ERROR_DUPLICATE, place,
                        _("duplicate id (first used by %s[%u])"),
                        place->list, first);
    }
  fields->id_hashed = TRUE;
  return TRUE;
}

/* Remembers @id at @place->index, or refuses it if the list already has it. */
static gboolean
claim_id (GHashTable   *ids,
          const char   *id,
          const Place  *place,
          GError      **error)
{
  if (!check_unclaimed (ids, id, place, error))
    return FALSE;
  g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (place->index + 1));
  return TRUE;
}

/* Reads a date member; @text_out (optional) receives the text as written,
 * for messages. Returns TRUE with *present = FALSE when the member is absent
 * and not @required. */
static gboolean
read_date (ChronicleJsonNode  *object,
           const char         *member,
           gboolean            required,
           const Place        *place,
           ChronicleDate      *date,
           gboolean           *present,
           const char        **text_out,
           GError            **error)
{
  g_autoptr(GError) date_error = NULL;
  const char *text;

  *present = FALSE;

  if (!read_string (object, member, required, place, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  if (!chronicle_date_parse (text, date, &date_error))
    {
      /* The model's message quotes the text whole; no date is longer than
       * 25 characters, so a long text is quoted cut here instead (the
       * message is the model's, and so is its translation). */
      if (strlen (text) > QUOTE_MAX)
        {
          g_autofree char *quoted = quote (text);
          g_autofree char *reason =
            g_strdup_printf (_("\"%s\" is not an ISO 8601 date (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss] with optional Z or ±hh:mm)"),
                             quoted);

          return set_error (error, CHRONICLE_LOAD_ERROR_DATE, place, "%s: %s", member, reason);
        }

      /* The model's message names the text and the reason; prefix it with
       * the member so that "date" and "end" can be told apart. */
      return set_error (error, CHRONICLE_LOAD_ERROR_DATE, place,
                        "%s: %s", member, date_error->message);
    }

  *present = TRUE;
  if (text_out != NULL)
    *text_out = text;

  return TRUE;
}

static gboolean
read_boolean (ChronicleJsonNode  *object,
              const char         *member,
              const Place        *place,
              gboolean           *out,
              GError            **error)
{
  ChronicleJsonNode *node;

  *out = FALSE;

  if (!get_member (object, member, FALSE, CHRONICLE_JSON_NODE_BOOLEAN, place, &node, error))
    return FALSE;

  if (node != NULL)
    *out = chronicle_json_node_get_boolean (node);
  return TRUE;
}

/* Reads an optional array member; *out is NULL when absent or null. */
static gboolean
read_array (ChronicleJsonNode  *object,
            const char         *member,
            gboolean            required,
            const Place        *place,
            ChronicleJsonNode **out,
            GError            **error)
{
  return get_member (object, member, required, CHRONICLE_JSON_NODE_ARRAY, place, out, error);
}

/* Reads an optional array of strings into a NULL-terminated vector of
 * borrowed strings (the container is owned by the caller, the strings by
 * the JSON tree). */
static gboolean
read_string_list (ChronicleJsonNode   *object,
                  const char          *member,
                  const Place         *place,
                  const char        ***out,
                  GError             **error)
{
  ChronicleJsonNode *array;
  const char **strv;
  guint n;

  *out = NULL;

  if (!read_array (object, member, FALSE, place, &array, error))
    return FALSE;

  if (array == NULL)
    return TRUE;

  n = chronicle_json_array_get_length (array);
  strv = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      ChronicleJsonNode *node = chronicle_json_array_get_element (array, i);

      if (!node_holds_string (node))
        {
          g_autofree char *subject = g_strdup_printf ("%s[%u]", member, i);

          g_free (strv);
          return set_type_error (error, place, subject, CHRONICLE_JSON_NODE_STRING, node);
        }

      strv[i] = chronicle_json_node_get_string (node);
    }

  *out = strv;
  return TRUE;
}

/* The element @index of a list must be an object. */
static ChronicleJsonNode *
check_list_object (ChronicleJsonNode  *node,
                   const char         *list,
                   guint               index,
                   const Place        *parent,
                   GError            **error)
{
  if (chronicle_json_node_get_node_type (node) != CHRONICLE_JSON_NODE_OBJECT)
    {
      g_autofree char *subject = g_strdup_printf ("%s[%u]", list, index);

      set_type_error (error, parent, subject, CHRONICLE_JSON_NODE_OBJECT, node);
      return NULL;
    }

  return node;
}

static ChronicleJsonNode *
get_list_object (ChronicleJsonNode  *array,
                 const char         *list,
                 guint               index,
                 const Place        *parent,
                 GError            **error)
{
  return check_list_object (chronicle_json_array_get_element (array, index), list, index, parent, error);
}

/* A colour that stands out from the light theme's white by less than the
 * 3:1 WCAG asks of marks is drawn darker (chronicle_style_category_color());
 * say so, since the chart will not show the file's colour. */
static void
warn_low_contrast (Loader      *loader,
                   const Place *place,
                   const char  *label,
                   const char  *color)
{
  guint32 rgb;
  double contrast;

  if (loader->warnings == NULL)
    return;

  rgb = (guint32) g_ascii_strtoull (color + 1, NULL, 16);
  contrast = chronicle_color_contrast (((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                                       (rgb & 0xff) / 255.0, CHRONICLE_LIGHT_BACKGROUND);
  if (contrast < CHRONICLE_CONTRAST_MARKS)
    {
      g_autofree char *quoted = quote (label);
      char ratio[G_ASCII_DTOSTR_BUF_SIZE];

      /* One decimal, rounded down, so that 2.96 does not read as "3.0 (needs 3)". */
      g_snprintf (ratio, sizeof ratio, "%.1f", floor (contrast * 10) / 10);
      add_warning (loader, place,
                   /* Translators: %s are the category's label, its colour as written
                    * ("#80ffff") and a contrast ratio such as "1.3"; 3:1 is what marks need */
                   _("category \"%s\": color %s stands out too little from a light background "
                     "(contrast %s:1, marks need 3:1); it is drawn darker"),
                   quoted, color, ratio);
    }
}

static gboolean
is_hex_color (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

/*
 * What the model does not hold is kept (issue #13), so that saving gives
 * the file back: members Chronicle does not know, known members that read
 * as absent (null, an empty list, "approximate": false), and dates spelt
 * otherwise than the writer spells them. The check is one pass over the
 * members' names and allocates nothing when there is nothing to keep,
 * which is every event of a file Chronicle wrote.
 */

static const char * const timeline_members[] = {
  "format", "version", "title", "description", "sources", "categories", "eras", "events", NULL
};
static const char * const source_members[] = { "id", "publisher", "title", "url", "published", NULL };
static const char * const category_members[] = { "id", "label", "color", NULL };
static const char * const era_members[] = { "id", "label", "start", "end", NULL };
static const char * const quote_members[] = { "text", "speaker", "role", "source", "date", NULL };
static const char * const media_members[] = { "url", "caption", "credit", "thumbnail", "alt", NULL };
static const char * const event_members[] = {
  "id", "date", "end", "display_date", "title", "summary", "category", "actors", "location", "approximate",
  "sources", "quotes", "media", NULL
};

#define MAX_KEPT_DATES 2

static gboolean
is_known_member (const char * const *known,
                 const char         *name)
{
  for (guint i = 0; known[i] != NULL; i++)
    if (known[i][0] == name[0] && strcmp (known[i], name) == 0)
      return TRUE;

  return FALSE;
}

/* A known member the model holds nothing for: its text must be kept. */
static gboolean
reads_as_absent (const ChronicleJsonNode *member)
{
  switch (member->type)
    {
    case CHRONICLE_JSON_NODE_NULL:
      return TRUE;
    case CHRONICLE_JSON_NODE_BOOLEAN:
      return !member->v.boolean;
    case CHRONICLE_JSON_NODE_ARRAY:
      /* "events" is always written, [] too. */
      return member->n_children == 0 && strcmp (member->key, "events") != 0;
    default:
      return FALSE;
    }
}

/* Adds @text to @dates unless the writer would write it so anyway. */
static guint
add_kept_date (ChronicleKeptDate *dates,
               guint              n_dates,
               const char        *member,
               const char        *text)
{
  g_assert (n_dates < MAX_KEPT_DATES);

  if (text == NULL || chronicle_kept_date_text_is_canonical (text))
    return n_dates;

  dates[n_dates].member = member;
  dates[n_dates].text = text;
  return n_dates + 1;
}

/* What @object has beyond the members in @known, and @dates; NULL for
 * nothing. Each kept member remembers the known member it followed, so
 * that the writer puts it back there. @n_read: how many members the
 * caller read a value from (or G_MAXUINT): when that is all of them, there
 * is nothing to look for, which spares a million events the scan. */
static ChronicleKept *
keep_unread (ChronicleJsonNode       *object,
             const char * const      *known,
             guint                    n_read,
             const ChronicleKeptDate *dates,
             guint                    n_dates)
{
  g_autoptr(GArray) members = NULL;
  g_autoptr(GPtrArray) values = NULL;
  const char *after = "";

  if (object->n_children == n_read && n_dates == 0)
    return NULL;

  for (guint i = 0; i < object->n_children; i++)
    {
      const ChronicleJsonNode *member = &object->v.children[i];
      ChronicleKeptMember kept;
      GString *value;

      if (is_known_member (known, member->key) && !reads_as_absent (member))
        {
          after = member->key;
          continue;
        }

      if (members == NULL)
        {
          members = g_array_new (FALSE, FALSE, sizeof (ChronicleKeptMember));
          values = g_ptr_array_new_with_free_func (g_free);
        }

      value = g_string_new (NULL);
      chronicle_json_node_append (value, member);
      kept.after = after;
      kept.name = member->key;
      kept.value = value->str;
      g_ptr_array_add (values, g_string_free (value, FALSE));
      g_array_append_val (members, kept);
    }

  if (members == NULL && n_dates == 0)
    return NULL;

  return chronicle_kept_new (members != NULL ? (ChronicleKeptMember *) (gpointer) members->data : NULL,
                             members != NULL ? members->len : 0,
                             dates, n_dates);
}

/* keep_unread() attached to @object. */
static void
keep_unread_on (gpointer                 object,
                ChronicleJsonNode       *json,
                const char * const      *known,
                const ChronicleKeptDate *dates,
                guint                    n_dates)
{
  g_autoptr(ChronicleKept) kept = keep_unread (json, known, G_MAXUINT, dates, n_dates);

  if (kept != NULL)
    chronicle_kept_set (object, kept);
}

static gboolean
load_sources (Loader             *loader,
              ChronicleJsonNode  *array,
              ChronicleTimeline  *timeline,
              GError            **error)
{
  guint n = chronicle_json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleSource) source = NULL;
      Place place = { NULL, "sources", i, NULL };
      const char *publisher, *title, *url, *published_text = NULL;
      ChronicleKeptDate dates[MAX_KEPT_DATES];
      ChronicleDate published;
      gboolean has_published;
      ChronicleJsonNode *object;

      if (!(object = get_list_object (array, "sources", i, NULL, error)))
        return FALSE;

      if (!read_id (object, &place, &place.id, error) ||
          !claim_id (loader->source_ids, place.id, &place, error) ||
          !read_string (object, "publisher", FALSE, &place, &publisher, error) ||
          !read_string (object, "title", FALSE, &place, &title, error) ||
          !read_string (object, "url", FALSE, &place, &url, error) ||
          !read_date (object, "published", FALSE, &place, &published, &has_published, &published_text, error))
        return FALSE;

      source = chronicle_source_new (place.id, publisher, title, url,
                                     has_published ? &published : NULL);
      keep_unread_on (source, object, source_members, dates,
                      add_kept_date (dates, 0, "published", published_text));
      chronicle_timeline_add_source (timeline, source);
    }

  return TRUE;
}

static gboolean
load_categories (Loader             *loader,
                 ChronicleJsonNode  *array,
                 ChronicleTimeline  *timeline,
                 GError            **error)
{
  guint n = chronicle_json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleCategory) category = NULL;
      Place place = { NULL, "categories", i, NULL };
      const char *label, *color;
      ChronicleJsonNode *object;

      if (!(object = get_list_object (array, "categories", i, NULL, error)))
        return FALSE;

      if (!read_id (object, &place, &place.id, error) ||
          !claim_id (loader->category_ids, place.id, &place, error) ||
          !read_text (object, "label", &place, &label, error) ||
          !read_string (object, "color", FALSE, &place, &color, error))
        return FALSE;

      if (color != NULL && !is_hex_color (color))
        {
          g_autofree char *quoted = quote (color);

          return set_error (error, CHRONICLE_LOAD_ERROR_VALUE, &place,
                            /* Translators: %s is the colour as written in the file; #rrggbb is the
                             * required notation and must not be translated. */
                            _("color \"%s\" is not #rrggbb"), quoted);
        }

      if (color != NULL)
        warn_low_contrast (loader, &place, label, color);

      category = chronicle_category_new (place.id, label, color);
      keep_unread_on (category, object, category_members, NULL, 0);
      chronicle_timeline_add_category (timeline, category);
    }

  return TRUE;
}

static gboolean
load_eras (Loader             *loader,
           ChronicleJsonNode  *array,
           ChronicleTimeline  *timeline,
           GError            **error)
{
  guint n = chronicle_json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleEra) era = NULL;
      Place place = { NULL, "eras", i, NULL };
      const char *label, *start_text = NULL, *end_text = NULL;
      ChronicleKeptDate dates[MAX_KEPT_DATES];
      ChronicleDate start, end;
      gboolean has_start, has_end;
      ChronicleJsonNode *object;

      if (!(object = get_list_object (array, "eras", i, NULL, error)))
        return FALSE;

      if (!read_id (object, &place, &place.id, error) ||
          !claim_id (loader->era_ids, place.id, &place, error) ||
          !read_text (object, "label", &place, &label, error) ||
          !read_date (object, "start", TRUE, &place, &start, &has_start, &start_text, error) ||
          !read_date (object, "end", FALSE, &place, &end, &has_end, &end_text, error))
        return FALSE;

      if (has_end && chronicle_date_get_start (&end) < chronicle_date_get_start (&start))
        {
          return set_error (error, CHRONICLE_LOAD_ERROR_RANGE, &place,
                            /* Translators: both %s are dates as written in the file, e.g. "end 2020
                             * is before start 2021"; "end" and "start" are JSON member names. */
                            _("end %s is before start %s"), end_text, start_text);
        }

      era = chronicle_era_new (place.id, label, &start, has_end ? &end : NULL);
      keep_unread_on (era, object, era_members, dates,
                      add_kept_date (dates, add_kept_date (dates, 0, "start", start_text), "end", end_text));
      chronicle_timeline_add_era (timeline, era);
    }

  return TRUE;
}

static gboolean
check_source_ref (Loader      *loader,
                  const char  *source_id,
                  const Place *place)
{
  if (g_hash_table_contains (loader->source_ids, source_id))
    return TRUE;

  if (loader->warnings != NULL)
    {
      g_autofree char *quoted = quote (source_id);

      /* Translators: %s is a source id; the event still loads. */
      add_warning (loader, place, _("unknown source \"%s\""), quoted);
    }
  return FALSE;
}

static ChronicleQuote *
load_quote (Loader             *loader,
            ChronicleJsonNode  *array,
            guint               index,
            const Place        *event_place,
            GError            **error)
{
  Place place = { event_place, "quotes", index, NULL };
  const char *text, *speaker, *role, *source_id, *date_text = NULL;
  ChronicleKeptDate dates[MAX_KEPT_DATES];
  ChronicleQuote *quote;
  ChronicleDate date;
  gboolean has_date;
  ChronicleJsonNode *object;

  if (!(object = get_list_object (array, "quotes", index, event_place, error)))
    return NULL;

  if (!read_text (object, "text", &place, &text, error) ||
      !read_string (object, "speaker", FALSE, &place, &speaker, error) ||
      !read_string (object, "role", FALSE, &place, &role, error) ||
      !read_string (object, "source", FALSE, &place, &source_id, error) ||
      !read_date (object, "date", FALSE, &place, &date, &has_date, &date_text, error))
    return NULL;

  if (source_id != NULL)
    check_source_ref (loader, source_id, &place);

  quote = chronicle_quote_new (text, speaker, role, source_id, has_date ? &date : NULL);
  keep_unread_on (quote, object, quote_members, dates, add_kept_date (dates, 0, "date", date_text));
  return quote;
}

/* A medium's url is a link: none is longer than a browser opens
 * (CHRONICLE_URI_MAX_LENGTH), and a longer one is no link but a way to
 * make every view of the event carry megabytes. */
static gboolean
check_url_length (const char   *member,
                  const char   *url,
                  const Place  *place,
                  GError      **error)
{
  if (strnlen (url, CHRONICLE_URI_MAX_LENGTH + 1) <= CHRONICLE_URI_MAX_LENGTH)
    return TRUE;

  return set_error (error, CHRONICLE_LOAD_ERROR_VALUE, place,
                    /* Translators: %s is a JSON member name, "url" or "thumbnail"; keep the
                     * quotes. %u is the most bytes a link may have. */
                    _("\"%s\" is longer than a link may be (at most %u bytes)"),
                    member, (guint) CHRONICLE_URI_MAX_LENGTH);
}

static ChronicleMedia *
load_media (ChronicleJsonNode  *array,
            guint               index,
            const Place        *event_place,
            GError            **error)
{
  Place place = { event_place, "media", index, NULL };
  const char *url, *caption, *credit, *thumbnail, *alt;
  ChronicleMedia *media;
  ChronicleJsonNode *object;

  if (!(object = get_list_object (array, "media", index, event_place, error)))
    return NULL;

  if (!read_text (object, "url", &place, &url, error) ||
      !check_url_length ("url", url, &place, error) ||
      !read_string (object, "caption", FALSE, &place, &caption, error) ||
      !read_string (object, "credit", FALSE, &place, &credit, error) ||
      !read_string (object, "thumbnail", FALSE, &place, &thumbnail, error) ||
      (thumbnail != NULL && !check_url_length ("thumbnail", thumbnail, &place, error)) ||
      !read_string (object, "alt", FALSE, &place, &alt, error))
    return NULL;

  media = chronicle_media_new (url, caption, credit, thumbnail, alt);
  keep_unread_on (media, object, media_members, NULL, 0);
  return media;
}

/* Reads events[@index] and appends it to @timeline's store. */
static gboolean
load_event (Loader             *loader,
            ChronicleTimeline  *timeline,
            ChronicleJsonNode  *element,
            guint               index,
            GError            **error)
{
  g_autoptr(GPtrArray) loaded_quotes = NULL;
  g_autoptr(GPtrArray) loaded_media = NULL;
  g_autoptr(ChronicleKept) kept = NULL;
  ChronicleKeptDate dates[MAX_KEPT_DATES];
  guint n_read;
  ChronicleEventFields fields = { 0, };
  g_autofree const char **actors = NULL;
  g_autofree const char **source_ids = NULL;
  Place place = { NULL, "events", index, NULL };
  const char *title, *date_text = NULL, *end_text = NULL, *summary, *category, *location, *display_date;
  ChronicleDate date, end;
  gboolean has_date, has_end, approximate;
  ChronicleJsonNode *quotes, *media;
  ChronicleJsonNode *object;

  if (!(object = check_list_object (element, "events", index, NULL, error)))
    return FALSE;

  if (!read_id (object, &place, &place.id, error) ||
      !check_event_unclaimed (timeline, place.id, &place, &fields, error) ||
      !read_date (object, "date", TRUE, &place, &date, &has_date, &date_text, error) ||
      !read_title (loader, object, &place, &title, error) ||
      !read_date (object, "end", FALSE, &place, &end, &has_end, &end_text, error) ||
      !read_string (object, "summary", FALSE, &place, &summary, error) ||
      !read_string (object, "category", FALSE, &place, &category, error) ||
      !read_string_list (object, "actors", &place, &actors, error) ||
      !read_string (object, "location", FALSE, &place, &location, error) ||
      !read_string (object, "display_date", FALSE, &place, &display_date, error) ||
      !read_boolean (object, "approximate", &place, &approximate, error) ||
      !read_string_list (object, "sources", &place, &source_ids, error) ||
      !read_array (object, "quotes", FALSE, &place, &quotes, error) ||
      !read_array (object, "media", FALSE, &place, &media, error))
    return FALSE;

  /* An end is refused only when it starts before the date starts: "date":
   * "2022-03", "end": "2022-03-15" is a fine (if odd) range. */
  if (has_end && chronicle_date_get_start (&end) < chronicle_date_get_start (&date))
    {
      set_error (error, CHRONICLE_LOAD_ERROR_RANGE, &place,
                 /* Translators: both %s are dates as written in the file, e.g. "end 2022-03-01 is
                  * before date 2022-03-29"; "end" and "date" are JSON member names. */
                 _("end %s is before date %s"), end_text, date_text);
      return FALSE;
    }

  fields.id = place.id;
  fields.date = &date;
  fields.title = title;
  fields.sequence = place.index;
  fields.end = has_end ? &end : NULL;
  fields.summary = summary;
  fields.location = location;
  fields.display_date = display_date;
  fields.approximate = approximate;
  fields.actors = actors;

  if (category != NULL)
    {
      if (!g_hash_table_contains (loader->category_ids, category))
        {
          g_autofree char *quoted = loader->warnings != NULL ? quote (category) : NULL;

          /* Translators: %s is a category id; the event still loads. */
          add_warning (loader, &place, _("unknown category \"%s\""), quoted);
        }
      fields.category_id = category;
    }

  if (source_ids != NULL)
    {
      for (guint i = 0; source_ids[i] != NULL; i++)
        check_source_ref (loader, source_ids[i], &place);
      fields.source_ids = source_ids;
    }

  if (quotes != NULL)
    {
      guint n_quotes = chronicle_json_array_get_length (quotes);

      loaded_quotes = g_ptr_array_new_full (n_quotes, g_object_unref);

      for (guint i = 0; i < n_quotes; i++)
        {
          ChronicleQuote *quote = load_quote (loader, quotes, i, &place, error);

          if (quote == NULL)
            return FALSE;

          g_ptr_array_add (loaded_quotes, quote);
        }
    }

  if (media != NULL)
    {
      guint n_media = chronicle_json_array_get_length (media);

      loaded_media = g_ptr_array_new_full (n_media, g_object_unref);

      for (guint i = 0; i < n_media; i++)
        {
          ChronicleMedia *medium = load_media (media, i, &place, error);

          if (medium == NULL)
            return FALSE;

          g_ptr_array_add (loaded_media, medium);
        }
    }

  fields.quotes = loaded_quotes;
  fields.media = loaded_media;
  /* The members read with a value; one that reads as absent is not. */
  n_read = 3 + has_end + (summary != NULL) + (category != NULL) + (actors != NULL && actors[0] != NULL) +
           (location != NULL) + (display_date != NULL) + (approximate != FALSE) +
           (source_ids != NULL && source_ids[0] != NULL) +
           (quotes != NULL && chronicle_json_array_get_length (quotes) > 0) +
           (media != NULL && chronicle_json_array_get_length (media) > 0);
  if (object->n_children != n_read || !chronicle_kept_date_text_is_canonical (date_text) ||
      (end_text != NULL && !chronicle_kept_date_text_is_canonical (end_text)))
    kept = keep_unread (object, event_members, n_read, dates,
                        add_kept_date (dates, add_kept_date (dates, 0, "date", date_text), "end", end_text));
  fields.kept = kept;
  chronicle_timeline_append_fields (timeline, &fields);
  return TRUE;
}

/* Share of the whole load per phase, from profiling a 100 000-event file:
 * reading is quick, parsing and building the events take about the same. */
#define READING_END  0.05
#define PARSING_END  0.50

void
chronicle_load_report (const ChronicleLoadReporter *reporter,
                       ChronicleLoadPhase           phase,
                       double                       fraction)
{
  static const double starts[] = { 0.0, READING_END, PARSING_END, 1.0 };

  if (reporter == NULL || reporter->func == NULL)
    return;

  fraction = CLAMP (fraction, 0.0, 1.0);
  reporter->func (reporter->data, phase, starts[phase] + (starts[phase + 1] - starts[phase]) * fraction);
}

static void
report_parsing (gpointer data,
                double   fraction)
{
  chronicle_load_report (data, CHRONICLE_LOAD_PHASE_PARSING, fraction);
}

static gboolean
check_header (ChronicleJsonNode  *root,
              GError            **error)
{
  ChronicleJsonNode *format = chronicle_json_object_get_member (root, "format");
  ChronicleJsonNode *version = chronicle_json_object_get_member (root, "version");

  /* Without a "format" we cannot tell that this is ours at all, so this is
   * a FORMAT error rather than a MISSING one. */
  if (format == NULL)
    return set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                      _("missing required member \"%s\""), "format");

  if (!node_holds_string (format) || g_strcmp0 (chronicle_json_node_get_string (format), FORMAT_NAME) != 0)
    {
      return set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                        /* Translators: "format" is a JSON member name and %s its required value
                         * "chronicle-timeline"; do not translate either. */
                        _("\"format\" must be \"%s\""), FORMAT_NAME);
    }

  if (version == NULL)
    return set_missing_error (error, NULL, "version");

  if (chronicle_json_node_get_node_type (version) != CHRONICLE_JSON_NODE_INT &&
      chronicle_json_node_get_node_type (version) != CHRONICLE_JSON_NODE_DOUBLE)
    return set_type_error (error, NULL, "\"version\"", CHRONICLE_JSON_NODE_DOUBLE, version);

  /* 1.0 is the number 1 in JSON, whatever a generator's habit. */
  if ((chronicle_json_node_get_node_type (version) == CHRONICLE_JSON_NODE_INT &&
       chronicle_json_node_get_int (version) != FORMAT_VERSION) ||
      (chronicle_json_node_get_node_type (version) == CHRONICLE_JSON_NODE_DOUBLE &&
       chronicle_json_node_get_double (version) != FORMAT_VERSION))
    {
      g_autofree char *found = NULL;

      if (chronicle_json_node_get_node_type (version) == CHRONICLE_JSON_NODE_INT)
        found = g_strdup_printf ("%" G_GINT64_FORMAT, chronicle_json_node_get_int (version));
      else
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          found = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, chronicle_json_node_get_double (version)));
        }

      return set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                        /* Translators: the first %s is the version number found in the file, %d the
                         * one this program reads. "version" is a JSON member name. */
                        _("\"version\" %s is not supported (this Chronicle reads version %d)"),
                        found, FORMAT_VERSION);
    }

  return TRUE;
}

/*
 * Streaming (issue #12): the events are built while the file is parsed,
 * so their tree never exists. That is a bet on the usual shape of a file:
 * sources, categories and eras before the one "events" member, so that
 * each event can be checked against them as it comes. The bet is checked
 * when the parse ends; when it was wrong (a section after the events, a
 * second "events", a section that fails) the file is parsed again the
 * plain way, so every message and warning is what it always was.
 */
typedef struct
{
  Loader                      *loader;
  ChronicleTimeline           *timeline;
  GCancellable                *cancellable;
  guint                        n_arrays;        /* "events" arrays streamed */
  guint                        n_members_before; /* top-level members before "events" */
  gboolean                     give_up;         /* parse again the plain way */
  GError                      *error;           /* the first event refused */
  const ChronicleLoadReporter *reporter;        /* nullable */
  gint64                       started;         /* monotonic µs, when the parse began */
  double                       parsed;          /* share of the text parsed */
  gboolean                     previewed;
} Stream;

/* A preview costs about what appending its events cost (a copy, a sort):
 * worth it only for a file that will take a while yet. */
#define PREVIEW_BEFORE_PARSED 0.6
static guint preview_after_ms = 300;

void
chronicle_load_set_preview_after (guint ms)
{
  g_atomic_int_set (&preview_after_ms, ms);
}

/* Hands the reporter a timeline of what has been loaded, once, when the
 * load has run for a while and a good part of the file remains: the
 * window draws the first events of a million before the last is in. */
static void
stream_maybe_preview (Stream            *stream,
                      ChronicleJsonNode *root_so_far)
{
  g_autoptr(GError) error = NULL;
  ChronicleTimeline *partial;
  guint after = (guint) g_atomic_int_get (&preview_after_ms);
  const char *title = NULL;

  if (stream->previewed || stream->reporter == NULL || stream->reporter->preview == NULL ||
      after == G_MAXUINT || stream->parsed >= PREVIEW_BEFORE_PARSED ||
      g_get_monotonic_time () - stream->started < (gint64) after * 1000)
    return;

  stream->previewed = TRUE;
  partial = chronicle_timeline_copy_appended (stream->timeline);
  if (read_text (root_so_far, "title", NULL, &title, &error))
    chronicle_timeline_set_title (partial, title);
  stream->reporter->preview (stream->reporter->data, partial);
}

static void
report_stream_parsing (gpointer data,
                       double   fraction)
{
  Stream *stream = data;

  stream->parsed = fraction;
  chronicle_load_report (stream->reporter, CHRONICLE_LOAD_PHASE_PARSING, fraction);
}

static void
stream_clear (Stream *stream)
{
  g_clear_object (&stream->timeline);
  g_clear_error (&stream->error);
}

/* Loads the sections present before the events into the timeline. */
static gboolean
stream_load_sections (Stream            *stream,
                      ChronicleJsonNode *root_so_far)
{
  g_autoptr(GError) error = NULL;
  ChronicleJsonNode *sources, *categories, *eras;

  return read_array (root_so_far, "sources", FALSE, NULL, &sources, &error) &&
         read_array (root_so_far, "categories", FALSE, NULL, &categories, &error) &&
         read_array (root_so_far, "eras", FALSE, NULL, &eras, &error) &&
         (sources == NULL || load_sources (stream->loader, sources, stream->timeline, &error)) &&
         (categories == NULL || load_categories (stream->loader, categories, stream->timeline, &error)) &&
         (eras == NULL || load_eras (stream->loader, eras, stream->timeline, &error));
}

static void
stream_event_cb (gpointer           data,
                 ChronicleJsonNode *root_so_far,
                 ChronicleJsonNode *element,
                 guint              index)
{
  Stream *stream = data;

  if (index == 0)
    {
      if (++stream->n_arrays > 1)
        stream->give_up = TRUE;
      else
        {
          stream->n_members_before = root_so_far->n_children;
          if (!stream_load_sections (stream, root_so_far))
            stream->give_up = TRUE;
        }
    }

  if (stream->give_up || stream->error != NULL)
    return;

  if (index % 2048 == 2047 && g_cancellable_set_error_if_cancelled (stream->cancellable, &stream->error))
    return;

  if (load_event (stream->loader, stream->timeline, element, index, &stream->error) && index % 4096 == 4095)
    stream_maybe_preview (stream, root_so_far);
}

/* Whether the bet held: the streamed array is the "events" member that
 * counts (the last), and no section follows it. */
static gboolean
stream_held (Stream            *stream,
             ChronicleJsonNode *root)
{
  if (stream->give_up || chronicle_json_node_get_node_type (root) != CHRONICLE_JSON_NODE_OBJECT)
    return FALSE;

  for (guint i = stream->n_members_before; i < root->n_children; i++)
    {
      const char *key = root->v.children[i].key;

      if ((i > stream->n_members_before && strcmp (key, "events") == 0) ||
          strcmp (key, "sources") == 0 || strcmp (key, "categories") == 0 || strcmp (key, "eras") == 0)
        return FALSE;
    }

  return stream->n_members_before < root->n_children &&
         strcmp (root->v.children[stream->n_members_before].key, "events") == 0;
}

/* @stream: the events streamed while parsing, or %NULL when the
 * document has them as a tree. */
static ChronicleTimeline *
load_document (Loader                       *loader,
               ChronicleJsonNode            *root_node,
               Stream                       *stream,
               const ChronicleLoadReporter  *reporter,
               GCancellable                 *cancellable,
               GError                      **error)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  const char *title, *description;
  ChronicleJsonNode *sources, *categories, *eras, *event_array;
  ChronicleJsonNode *root;
  guint n_events;

  if (chronicle_json_node_get_node_type (root_node) != CHRONICLE_JSON_NODE_OBJECT)
    {
      set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                 /* Translators: %s is a JSON type such as "an array" */
                 _("the top level must be an object, not %s"),
                 describe_type (chronicle_json_node_get_node_type (root_node)));
      return NULL;
    }

  root = root_node;

  if (!check_header (root, error) ||
      !read_text (root, "title", NULL, &title, error) ||
      !read_string (root, "description", FALSE, NULL, &description, error) ||
      !read_array (root, "events", TRUE, NULL, &event_array, error) ||
      !read_array (root, "sources", FALSE, NULL, &sources, error) ||
      !read_array (root, "categories", FALSE, NULL, &categories, error) ||
      !read_array (root, "eras", FALSE, NULL, &eras, error))
    return NULL;

  if (stream != NULL)
    {
      /* Sections and events are in; what remains are the checks the
       * plain way makes before them, made above, and the first refusal. */
      timeline = g_steal_pointer (&stream->timeline);
      keep_unread_on (timeline, root, timeline_members, NULL, 0);
      chronicle_timeline_set_title (timeline, title);
      if (description != NULL)
        chronicle_timeline_set_description (timeline, description);
      if (stream->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&stream->error));
          return NULL;
        }
      chronicle_load_report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 0.0);
      chronicle_timeline_finish_appending (timeline);
      chronicle_load_report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 1.0);
      return g_steal_pointer (&timeline);
    }

  timeline = chronicle_timeline_new (title);
  keep_unread_on (timeline, root, timeline_members, NULL, 0);
  if (description != NULL)
    chronicle_timeline_set_description (timeline, description);

  /* Sources and categories come first whatever their place in the file,
   * so that events can be checked against them in the same pass. */
  if ((sources != NULL && !load_sources (loader, sources, timeline, error)) ||
      (categories != NULL && !load_categories (loader, categories, timeline, error)) ||
      (eras != NULL && !load_eras (loader, eras, timeline, error)))
    return NULL;

  n_events = chronicle_json_array_get_length (event_array);

  chronicle_load_report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 0.0);
  for (guint i = 0; i < n_events; i++)
    {
      if (!load_event (loader, timeline, chronicle_json_array_get_element (event_array, i), i, error))
        return NULL;

      if (i % 2048 == 2047)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          /* sorting comes after, and costs about a tenth */
          chronicle_load_report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 0.9 * i / n_events);
        }
    }

  chronicle_timeline_finish_appending (timeline);
  chronicle_load_report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 1.0);

  return g_steal_pointer (&timeline);
}

static void
loader_init (Loader *loader,
             GStrv  *warnings)
{
  if (warnings != NULL)
    loader->warnings = g_ptr_array_new_with_free_func (g_free);
  loader->source_ids = g_hash_table_new (chronicle_str_hash, g_str_equal);
  loader->category_ids = g_hash_table_new (chronicle_str_hash, g_str_equal);
  loader->era_ids = g_hash_table_new (chronicle_str_hash, g_str_equal);
}

/* One parse and load; with @streaming, the events are built as they are
 * parsed, and *@retry says when the plain way must be taken instead. */
static ChronicleTimeline *
load_from_data (const char                   *data,
                char                         *owned,
                gsize                         length,
                gboolean                      streaming,
                const ChronicleLoadReporter  *reporter,
                GCancellable                 *cancellable,
                GStrv                        *warnings,
                gboolean                     *retry,
                GError                      **error)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  ChronicleJsonDocument document = { 0, };
  Loader loader = { 0 };
  Stream stream = { &loader, NULL, cancellable, 0, 0, FALSE, NULL, reporter, g_get_monotonic_time (), 0.0, FALSE };
  gboolean parsed;
  void (*report) (gpointer, double) = reporter != NULL ? report_parsing : NULL;
  gpointer report_data = (gpointer) reporter;

  *retry = FALSE;
  loader_init (&loader, warnings);
  if (streaming)
    {
      stream.timeline = chronicle_timeline_new (NULL);
      document.stream_func = stream_event_cb;
      document.stream_data = &stream;
      if (reporter != NULL)
        {
          report = report_stream_parsing;
          report_data = &stream;
        }
    }

  if (owned != NULL)
    parsed = chronicle_json_document_parse_in_place (&document, owned, length, report, report_data, error);
  else
    parsed = chronicle_json_document_parse (&document, data, length, report, report_data, error);

  if (parsed && stream.n_arrays > 0 && !stream_held (&stream, chronicle_json_document_get_root (&document)))
    *retry = TRUE;
  else if (parsed)
    timeline = load_document (&loader, chronicle_json_document_get_root (&document),
                              stream.n_arrays > 0 ? &stream : NULL,
                              reporter, cancellable, error);

  if (timeline != NULL && warnings != NULL)
    {
      g_ptr_array_add (loader.warnings, NULL);
      *warnings = (GStrv) g_ptr_array_steal (loader.warnings, NULL);
    }

  stream_clear (&stream);
  loader_clear (&loader);
  chronicle_json_document_clear (&document);

  return g_steal_pointer (&timeline);
}

/* A JSON document of another program, converted; NULL without @error
 * when it is none we know. */
static char *
import_json (ChronicleJsonNode      *root,
             ChronicleImportReport  *report,
             GError                **error)
{
  if (chronicle_import_is_timelinejs2 (root))
    return chronicle_import_timelinejs2 (root, report, error);
  if (chronicle_import_is_timelinejs (root))
    return chronicle_import_timelinejs (root, report, error);
  return NULL;
}

/* A foreign document (see chronicle-import-private.h) converted to ours
 * and loaded, its conversion notes before the loader's warnings. Leaves
 * *@error alone (the loader's own refusal) when @data is none of the
 * formats we import. */
static ChronicleTimeline *
load_foreign (const char                   *data,
              gsize                         length,
              GHashTable                   *mapping,
              const ChronicleLoadReporter  *reporter,
              GCancellable                 *cancellable,
              GStrv                        *warnings,
              GError                      **error)
{
  ChronicleImportReport report;
  g_autofree char *converted = NULL;
  g_auto(GStrv) loaded_warnings = NULL;
  g_autoptr(GError) import_error = NULL;
  ChronicleJsonDocument document = { 0, };
  ChronicleTimeline *timeline;
  gboolean retry;

  chronicle_import_report_init (&report);
  if (mapping != NULL)
    converted = chronicle_import_csv_with_columns (data, length, mapping, &report, &import_error);
  else if (chronicle_import_is_csv (data, length))
    converted = chronicle_import_csv (data, length, &report, &import_error);
  else if (chronicle_json_document_parse (&document, data, length, NULL, NULL, NULL))
    converted = import_json (chronicle_json_document_get_root (&document), &report, &import_error);
  chronicle_json_document_clear (&document);

  if (import_error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&import_error));
      chronicle_import_report_clear (&report);
      return NULL;
    }
  if (converted == NULL)
    {
      chronicle_import_report_clear (&report);
      return NULL;
    }

  g_clear_error (error);
  timeline = load_from_data (converted, NULL, strlen (converted), FALSE, reporter, cancellable,
                             warnings != NULL ? &loaded_warnings : NULL, &retry, error);
  if (timeline != NULL)
    chronicle_timeline_set_import (timeline, report.summary, report.untitled);
  if (timeline != NULL && warnings != NULL)
    {
      for (guint i = 0; loaded_warnings != NULL && loaded_warnings[i] != NULL; i++)
        g_ptr_array_add (report.notes, g_strdup (loaded_warnings[i]));
      g_ptr_array_add (report.notes, NULL);
      *warnings = (GStrv) g_ptr_array_steal (report.notes, NULL);
    }

  chronicle_import_report_clear (&report);
  return timeline;
}

ChronicleTimeline *
chronicle_timeline_load_from_data_with_reporter (const char                   *data,
                                                 gsize                         length,
                                                 const ChronicleLoadReporter  *reporter,
                                                 GCancellable                 *cancellable,
                                                 GStrv                        *warnings,
                                                 GError                      **error)
{
  ChronicleTimeline *timeline;
  gboolean retry;

  g_autoptr(GError) local_error = NULL;

  if (warnings != NULL)
    *warnings = NULL;

  /* A spreadsheet is told by its first line; JSON never looks like one. */
  if (chronicle_import_is_csv (data, length))
    return load_foreign (data, length, NULL, reporter, cancellable, warnings, error);

  timeline = load_from_data (data, NULL, length, TRUE, reporter, cancellable, warnings, &retry, &local_error);
  if (retry)
    {
      g_clear_error (&local_error);
      timeline = load_from_data (data, NULL, length, FALSE, reporter, cancellable, warnings, &retry, &local_error);
    }

  /* Not ours: perhaps another program's format. Our own files never pay
   * for the sniffing. */
  if (timeline == NULL && g_error_matches (local_error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT))
    timeline = load_foreign (data, length, NULL, reporter, cancellable, warnings, &local_error);
  else if (timeline == NULL && g_error_matches (local_error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX))
    {
      g_autoptr(GError) table_error = NULL;

      if (chronicle_import_refuse_table (data, length, &table_error))
        {
          g_clear_error (&local_error);
          local_error = g_steal_pointer (&table_error);
        }
    }

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return timeline;
}

ChronicleTimeline *
chronicle_timeline_load_csv_with_columns (const char  *data,
                                          gsize        length,
                                          GHashTable  *mapping,
                                          GStrv       *warnings,
                                          GError     **error)
{
  if (warnings != NULL)
    *warnings = NULL;
  return load_foreign (data, length, mapping, NULL, NULL, warnings, error);
}

ChronicleTimeline *
chronicle_timeline_load_from_owned_data (char                         *contents,
                                         gsize                         length,
                                         const ChronicleLoadReporter  *reporter,
                                         GCancellable                 *cancellable,
                                         GStrv                        *warnings,
                                         gboolean                     *retry,
                                         GError                      **error)
{
  g_autoptr(GError) local_error = NULL;
  ChronicleTimeline *timeline;

  if (warnings != NULL)
    *warnings = NULL;

  timeline = load_from_data (NULL, contents, length, TRUE, reporter, cancellable, warnings, retry, &local_error);
  if (timeline != NULL)
    return timeline;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      *retry = FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  *retry = TRUE;
  return NULL;
}

/**
 * chronicle_timeline_load_from_data:
 * @data: the document, UTF-8 JSON
 * @length: length of @data in bytes, or -1 if it is NUL-terminated
 * @warnings: (out) (optional) (transfer full): return location for a
 *   NULL-terminated array of messages about content that loaded but looks
 *   wrong; an empty array when there is none
 * @error: return location for a `CHRONICLE_LOAD_ERROR`
 *
 * Parses a version 1 chronicle-timeline document. Refusals carry a message
 * that names the place, see [enum@Chronicle.LoadError].
 *
 * Returns: (transfer full) (nullable): the timeline, or %NULL with @error set
 */
ChronicleTimeline *
chronicle_timeline_load_from_data (const char  *data,
                                   gssize       length,
                                   GStrv       *warnings,
                                   GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);

  return chronicle_timeline_load_from_data_with_reporter (data, length, NULL, NULL, warnings, error);
}
