/* chronicle-timeline-loader.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-loader"

#include "config.h"

#include "chronicle-timeline-loader.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

/*
 * The loader reads the whole document with JsonParser and then walks it
 * once. Every refusal names its place as a JSON path ("events[3]") plus the
 * item's id once it is known, so that a user can find the offending line in
 * a 100 000-event file. Places are only formatted into text when a message
 * is actually produced, so a clean load allocates nothing for them.
 *
 * Id lookups (duplicates, unknown categories and sources) use hash tables
 * keyed by strings that live in the parsed JsonNode tree; the tree outlives
 * the walk, so nothing is copied.
 */

#define FORMAT_NAME    "chronicle-timeline"
#define FORMAT_VERSION 1

G_DEFINE_QUARK (chronicle-load-error-quark, chronicle_load_error)

/*
 * The document tree. JsonParser builds a GObject-backed tree at about
 * 20 MB/s and takes a third as long again to free it, which is seconds for
 * a 100 000-event file; the loader only needs to look members up. So it
 * parses strict JSON (RFC 8259) itself into a compact tree: nodes are
 * allocated in large blocks, and strings are unescaped in place in a
 * private copy of the text, so the whole tree goes away with a few frees.
 *
 * Anything this parser refuses is handed to JsonParser: its verdict and
 * its messages ("line 4, column 7: ...") stay the reference, and a
 * document it accepts that we did not (it is more lenient in places) is
 * converted from its tree.
 */

typedef enum
{
  NODE_NULL,
  NODE_BOOLEAN,
  NODE_INT,
  NODE_DOUBLE,
  NODE_STRING,
  NODE_ARRAY,
  NODE_OBJECT,
} NodeType;

typedef struct _Node Node;

struct _Node
{
  NodeType    type;
  guint       n_children;  /* arrays and objects */
  const char *key;         /* member name, for the members of an object */
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
    Node       *children;
  } v;
};

#define MAX_DEPTH        512
#define BLOCK_NODES      (64 * 1024)

typedef struct
{
  GPtrArray *blocks;   /* of Node[], freed together */
  Node      *free_at;  /* next free node in the last block */
  gsize      n_free;
} NodeArena;

static void
node_arena_init (NodeArena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->free_at = NULL;
  arena->n_free = 0;
}

static void
node_arena_clear (NodeArena *arena)
{
  g_clear_pointer (&arena->blocks, g_ptr_array_unref);
  arena->free_at = NULL;
  arena->n_free = 0;
}

static Node *
node_arena_alloc (NodeArena *arena,
                  gsize      n)
{
  Node *nodes;

  if (n == 0)
    return NULL;

  if (n > arena->n_free)
    {
      gsize size = MAX (n, BLOCK_NODES);

      /* Not g_new: a block's spare tail is not worth initialising. */
      nodes = g_malloc_n (size, sizeof (Node));
      g_ptr_array_add (arena->blocks, nodes);
      if (size > n)
        {
          arena->free_at = nodes + n;
          arena->n_free = size - n;
        }
      return nodes;
    }

  nodes = arena->free_at;
  arena->free_at += n;
  arena->n_free -= n;
  return nodes;
}

typedef struct
{
  char       *p;       /* next unread byte */
  char       *end;
  NodeArena  *arena;
  GArray     *stack;   /* Node: children of the open containers */
  guint       depth;
  const char *too_deep;  /* where MAX_DEPTH was passed, or NULL */
  /* progress: called every PROGRESS_STEP bytes */
  const char *start;
  const char *next_report;
  void      (*report) (gpointer data, double fraction);
  gpointer    report_data;
} DomParser;

#define PROGRESS_STEP (512 * 1024)

static inline void
skip_space (DomParser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\r' || *parser->p == '\t'))
    parser->p++;
}

static inline int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;

  for (int i = 0; i < 4; i++)
    {
      int digit = hex_value (p[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (gunichar) digit;
    }

  *out = value;
  return TRUE;
}

/* At the opening quote; unescapes in place and NUL-terminates. The text
 * is valid UTF-8 already (checked before parsing). */
static gboolean
parse_string (DomParser   *parser,
              const char **out)
{
  char *read = parser->p + 1, *write, *end = parser->end;

  /* The common case: no escapes before the closing quote. */
  while (read < end && *read != '"' && *read != '\\' && (guchar) *read >= 0x20)
    read++;

  write = read;
  while (read < end && *read != '"')
    {
      guchar c = (guchar) *read;

      if (c < 0x20)
        return FALSE;

      if (c != '\\')
        {
          *write++ = *read++;
          continue;
        }

      if (read + 1 >= end)
        return FALSE;

      switch (read[1])
        {
        case '"':  *write++ = '"';  read += 2; break;
        case '\\': *write++ = '\\'; read += 2; break;
        case '/':  *write++ = '/';  read += 2; break;
        case 'b':  *write++ = '\b'; read += 2; break;
        case 'f':  *write++ = '\f'; read += 2; break;
        case 'n':  *write++ = '\n'; read += 2; break;
        case 'r':  *write++ = '\r'; read += 2; break;
        case 't':  *write++ = '\t'; read += 2; break;
        case 'u':
          {
            gunichar unit, low;

            if (!read_hex4 (read + 2, end, &unit))
              return FALSE;
            read += 6;

            /* A surrogate pair makes one character; half of one is not
             * text (JsonParser would let it through as invalid UTF-8),
             * so it becomes U+FFFD, the replacement character. */
            if (unit >= 0xd800 && unit < 0xdc00 && end - read >= 6 && read[0] == '\\' &&
                read[1] == 'u' && read_hex4 (read + 2, end, &low) && low >= 0xdc00 && low < 0xe000)
              {
                read += 6;
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (unit >= 0xd800 && unit < 0xe000)
              unit = 0xfffd;
            else if (unit == 0)
              return FALSE;  /* C strings cannot hold it: JsonParser decides */

            /* UTF-8 is never longer than the escape it replaces */
            write += g_unichar_to_utf8 (unit, write);
          }
          break;
        default:
          return FALSE;
        }
    }

  if (read >= end)
    return FALSE;

  *write = '\0';
  *out = parser->p + 1;
  parser->p = read + 1;
  return TRUE;
}

static gboolean
parse_number (DomParser *parser,
              Node      *node)
{
  char *p = parser->p, *start = p, *end = parser->end;
  gboolean integer = TRUE;
  char buffer[64];
  g_autofree char *long_text = NULL;
  const char *text;
  char *parsed_end;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return FALSE;
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;

  if (p < end && *p == '.')
    {
      integer = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integer = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  /* strtoll and strtod want a terminator; copy the number. */
  if (p - start < (gssize) sizeof buffer)
    {
      memcpy (buffer, start, p - start);
      buffer[p - start] = '\0';
      text = buffer;
    }
  else
    text = long_text = g_strndup (start, p - start);

  errno = 0;
  if (integer)
    {
      node->type = NODE_INT;
      node->v.integer = g_ascii_strtoll (text, &parsed_end, 10);
    }
  /* An integer beyond 64 bits is kept as the number it is, not wrapped
   * (JsonParser would wrap it, and a message would quote a wrong value). */
  if (!integer || errno == ERANGE)
    {
      errno = 0;
      node->type = NODE_DOUBLE;
      node->v.number = g_ascii_strtod (text, &parsed_end);
    }
  if (errno != 0 || *parsed_end != '\0')
    return FALSE;  /* beyond a double: JsonParser decides */

  parser->p = p;
  return TRUE;
}

static gboolean
parse_literal (DomParser  *parser,
               const char *word,
               gsize       length)
{
  if ((gsize) (parser->end - parser->p) < length || memcmp (parser->p, word, length) != 0)
    return FALSE;
  parser->p += length;
  return TRUE;
}

static gboolean parse_value (DomParser *parser,
                             Node      *node);

/* Moves the last @n nodes of the stack into the arena as @node's children. */
static void
close_container (DomParser *parser,
                 Node      *node,
                 guint      first)
{
  guint n = parser->stack->len - first;

  node->n_children = n;
  node->v.children = node_arena_alloc (parser->arena, n);
  if (n > 0)
    memcpy (node->v.children, &g_array_index (parser->stack, Node, first), n * sizeof (Node));
  g_array_set_size (parser->stack, first);
}

static gboolean
parse_container (DomParser *parser,
                 Node      *node,
                 gboolean   object)
{
  guint first = parser->stack->len;
  char close = object ? '}' : ']';

  if (++parser->depth > MAX_DEPTH)
    {
      parser->too_deep = parser->p;
      return FALSE;
    }

  node->type = object ? NODE_OBJECT : NODE_ARRAY;
  parser->p++;
  skip_space (parser);

  if (parser->p < parser->end && *parser->p == close)
    parser->p++;
  else
    for (;;)
      {
        Node child = { NODE_NULL, 0, NULL, { 0 } };

        if (object)
          {
            if (parser->p >= parser->end || *parser->p != '"' || !parse_string (parser, &child.key))
              return FALSE;
            skip_space (parser);
            if (parser->p >= parser->end || *parser->p != ':')
              return FALSE;
            parser->p++;
            skip_space (parser);
          }

        if (!parse_value (parser, &child))
          return FALSE;
        g_array_append_val (parser->stack, child);

        skip_space (parser);
        if (parser->p >= parser->end)
          return FALSE;
        if (*parser->p == close)
          {
            parser->p++;
            break;
          }
        if (*parser->p != ',')
          return FALSE;
        parser->p++;
        skip_space (parser);
      }

  close_container (parser, node, first);
  parser->depth--;

  if (parser->report != NULL && parser->p >= parser->next_report)
    {
      parser->report (parser->report_data, (double) (parser->p - parser->start) / (parser->end - parser->start));
      parser->next_report = parser->p + PROGRESS_STEP;
    }

  return TRUE;
}

static gboolean
parse_value (DomParser *parser,
             Node      *node)
{
  if (parser->p >= parser->end)
    return FALSE;

  switch (*parser->p)
    {
    case '{':
      return parse_container (parser, node, TRUE);
    case '[':
      return parse_container (parser, node, FALSE);
    case '"':
      node->type = NODE_STRING;
      return parse_string (parser, &node->v.string);
    case 't':
      node->type = NODE_BOOLEAN;
      node->v.boolean = TRUE;
      return parse_literal (parser, "true", 4);
    case 'f':
      node->type = NODE_BOOLEAN;
      node->v.boolean = FALSE;
      return parse_literal (parser, "false", 5);
    case 'n':
      node->type = NODE_NULL;
      return parse_literal (parser, "null", 4);
    default:
      return parse_number (parser, node);
    }
}

/* Parses @text (modified in place) into @root; FALSE for anything but
 * one strict JSON value surrounded by blanks. *@too_deep is the offset
 * where nesting passed MAX_DEPTH, or -1. */
static gboolean
parse_dom (char       *text,
           gsize       length,
           NodeArena  *arena,
           Node       *root,
           void      (*report) (gpointer data, double fraction),
           gpointer    report_data,
           gssize     *too_deep)
{
  DomParser parser = { text, text + length, arena, NULL, 0, NULL, text, text + PROGRESS_STEP, report, report_data };
  gboolean ok;

  parser.stack = g_array_sized_new (FALSE, FALSE, sizeof (Node), 256);
  skip_space (&parser);
  ok = parse_value (&parser, root);
  if (ok)
    {
      skip_space (&parser);
      ok = parser.p == parser.end;
    }
  g_array_unref (parser.stack);

  *too_deep = parser.too_deep != NULL ? parser.too_deep - text : -1;
  return ok;
}

/* A tree of ours for JsonParser's (whose strings it borrows). */
static void
convert_json_node (JsonNode  *json,
                   NodeArena *arena,
                   Node      *node)
{
  node->n_children = 0;
  node->key = NULL;

  switch (JSON_NODE_TYPE (json))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (json);
        g_autoptr(GList) members = json_object_get_members (object);
        guint i = 0;

        node->type = NODE_OBJECT;
        node->n_children = g_list_length (members);
        node->v.children = node_arena_alloc (arena, node->n_children);
        for (GList *l = members; l != NULL; l = l->next, i++)
          {
            convert_json_node (json_object_get_member (object, l->data), arena, &node->v.children[i]);
            node->v.children[i].key = l->data;
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (json);

        node->type = NODE_ARRAY;
        node->n_children = json_array_get_length (array);
        node->v.children = node_arena_alloc (arena, node->n_children);
        for (guint i = 0; i < node->n_children; i++)
          convert_json_node (json_array_get_element (array, i), arena, &node->v.children[i]);
      }
      break;

    case JSON_NODE_NULL:
      node->type = NODE_NULL;
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (json))
        {
        case G_TYPE_STRING:
          node->type = NODE_STRING;
          node->v.string = json_node_get_string (json);
          break;
        case G_TYPE_BOOLEAN:
          node->type = NODE_BOOLEAN;
          node->v.boolean = json_node_get_boolean (json);
          break;
        case G_TYPE_INT64:
          node->type = NODE_INT;
          node->v.integer = json_node_get_int (json);
          break;
        default:
          node->type = NODE_DOUBLE;
          node->v.number = json_node_get_double (json);
          break;
        }
      break;
    }
}

/* The member @name of @object (the last, if it repeats), or NULL. */
static Node *
object_get_member (Node       *object,
                   const char *name)
{
  g_assert (object->type == NODE_OBJECT);

  for (guint i = object->n_children; i > 0; i--)
    if (strcmp (object->v.children[i - 1].key, name) == 0)
      return &object->v.children[i - 1];

  return NULL;
}

static guint
array_get_length (Node *array)
{
  g_assert (array->type == NODE_ARRAY);
  return array->n_children;
}

static Node *
array_get_element (Node  *array,
                   guint  index)
{
  g_assert (array->type == NODE_ARRAY && index < array->n_children);
  return &array->v.children[index];
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
  GHashTable *event_ids;
} Loader;

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->warnings, g_ptr_array_unref);
  g_clear_pointer (&loader->source_ids, g_hash_table_unref);
  g_clear_pointer (&loader->category_ids, g_hash_table_unref);
  g_clear_pointer (&loader->era_ids, g_hash_table_unref);
  g_clear_pointer (&loader->event_ids, g_hash_table_unref);
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
    g_string_append_printf (string, " \"%s\"", place->id);
}

static char *
format_message_valist (const Place *place,
                       const char  *format,
                       va_list      args)
{
  GString *string = g_string_new (NULL);

  if (place != NULL)
    {
      append_place (string, place);
      g_string_append (string, ": ");
    }

  g_string_append_vprintf (string, format, args);

  return g_string_free (string, FALSE);
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

static const char *
describe_node_type (Node *node)
{
  switch (node->type)
    {
    case NODE_OBJECT:
      /* Translators: a JSON type, used in "X must be a string, not an object" */
      return C_("JSON type", "an object");

    case NODE_ARRAY:
      /* Translators: a JSON type, used in "X must be a string, not an array" */
      return C_("JSON type", "an array");

    case NODE_NULL:
      /* Translators: the JSON value null, used in "X must be a string, not null" */
      return C_("JSON type", "null");

    case NODE_STRING:
      /* Translators: a JSON type, used in "X must be a number, not a string" */
      return C_("JSON type", "a string");

    case NODE_BOOLEAN:
      /* Translators: a JSON type (true or false), used in "X must be a string, not a boolean" */
      return C_("JSON type", "a boolean");

    case NODE_INT:
    case NODE_DOUBLE:
    default:
      /* Translators: a JSON type, used in "X must be a string, not a number" */
      return C_("JSON type", "a number");
    }
}

/* @subject is already quoted or indexed: `"id"` or `actors[2]`. */
static gboolean
set_type_error (GError      **error,
                const Place  *place,
                const char   *subject,
                const char   *expected,
                Node     *node)
{
  return set_error (error, CHRONICLE_LOAD_ERROR_TYPE, place,
                    /* Translators: the first %s is a JSON member such as "id" or actors[2], the
                     * second the expected JSON type ("a string"), the third the type found ("a
                     * number"). */
                    _("%s must be %s, not %s"),
                    subject, expected, describe_node_type (node));
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
node_holds_string (Node *node)
{
  return node->type == NODE_STRING;
}

/* Reads an optional (or, with @required, a required) string member. A null
 * member counts as absent: extraction pipelines often write "end": null. */
static gboolean
read_string (Node   *object,
             const char   *member,
             gboolean      required,
             const Place  *place,
             const char  **out,
             GError      **error)
{
  Node *node = object_get_member (object, member);

  *out = NULL;

  if (node == NULL || (!required && node->type == NODE_NULL))
    {
      if (required)
        return set_missing_error (error, place, member);
      return TRUE;
    }

  if (!node_holds_string (node))
    {
      g_autofree char *subject = g_strdup_printf ("\"%s\"", member);
      return set_type_error (error, place, subject, C_("JSON type", "a string"), node);
    }

  *out = node->v.string;
  return TRUE;
}

/* Reads a required, non-empty id. */
static gboolean
read_id (Node   *object,
         const Place  *place,
         const char  **out,
         GError      **error)
{
  if (!read_string (object, "id", TRUE, place, out, error))
    return FALSE;

  if (**out == '\0')
    {
      *out = NULL;
      return set_error (error, CHRONICLE_LOAD_ERROR_VALUE, place,
                        /* Translators: "id" is a JSON member name; keep it as is */
                        _("\"id\" must not be empty"));
    }

  return TRUE;
}

/* Remembers @id at @place->index, or refuses it if the list already has it. */
static gboolean
claim_id (GHashTable   *ids,
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

  g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (place->index + 1));
  return TRUE;
}

/* Reads a date member; @text_out (optional) receives the text as written,
 * for messages. Returns TRUE with *present = FALSE when the member is absent
 * and not @required. */
static gboolean
read_date (Node     *object,
           const char     *member,
           gboolean        required,
           const Place    *place,
           ChronicleDate  *date,
           gboolean       *present,
           const char    **text_out,
           GError        **error)
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
read_boolean (Node  *object,
              const char  *member,
              const Place *place,
              gboolean    *out,
              GError     **error)
{
  Node *node = object_get_member (object, member);

  *out = FALSE;

  if (node == NULL || node->type == NODE_NULL)
    return TRUE;

  if (node->type != NODE_BOOLEAN)
    {
      g_autofree char *subject = g_strdup_printf ("\"%s\"", member);
      return set_type_error (error, place, subject, C_("JSON type", "a boolean"), node);
    }

  *out = node->v.boolean;
  return TRUE;
}

/* Reads an optional array member; *out is NULL when absent or null. */
static gboolean
read_array (Node  *object,
            const char  *member,
            gboolean     required,
            const Place *place,
            Node  **out,
            GError     **error)
{
  Node *node = object_get_member (object, member);

  *out = NULL;

  if (node == NULL || (!required && node->type == NODE_NULL))
    {
      if (required)
        return set_missing_error (error, place, member);
      return TRUE;
    }

  if (node->type != NODE_ARRAY)
    {
      g_autofree char *subject = g_strdup_printf ("\"%s\"", member);
      return set_type_error (error, place, subject, C_("JSON type", "an array"), node);
    }

  *out = node;
  return TRUE;
}

/* Reads an optional array of strings into a NULL-terminated vector of
 * borrowed strings (the container is owned by the caller, the strings by
 * the JSON tree). */
static gboolean
read_string_list (Node    *object,
                  const char    *member,
                  const Place   *place,
                  const char  ***out,
                  GError       **error)
{
  Node *array;
  const char **strv;
  guint n;

  *out = NULL;

  if (!read_array (object, member, FALSE, place, &array, error))
    return FALSE;

  if (array == NULL)
    return TRUE;

  n = array_get_length (array);
  strv = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      Node *node = array_get_element (array, i);

      if (!node_holds_string (node))
        {
          g_autofree char *subject = g_strdup_printf ("%s[%u]", member, i);

          g_free (strv);
          return set_type_error (error, place, subject, C_("JSON type", "a string"), node);
        }

      strv[i] = node->v.string;
    }

  *out = strv;
  return TRUE;
}

/* The element @index of a list must be an object. */
static Node *
get_list_object (Node    *array,
                 const char   *list,
                 guint         index,
                 const Place  *parent,
                 GError      **error)
{
  Node *node = array_get_element (array, index);

  if (node->type != NODE_OBJECT)
    {
      g_autofree char *subject = g_strdup_printf ("%s[%u]", list, index);

      set_type_error (error, parent, subject, C_("JSON type", "an object"), node);
      return NULL;
    }

  return node;
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

static gboolean
load_sources (Loader             *loader,
              Node          *array,
              ChronicleTimeline  *timeline,
              GError            **error)
{
  guint n = array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleSource) source = NULL;
      Place place = { NULL, "sources", i, NULL };
      const char *publisher, *title, *url;
      ChronicleDate published;
      gboolean has_published;
      Node *object;

      if (!(object = get_list_object (array, "sources", i, NULL, error)))
        return FALSE;

      if (!read_id (object, &place, &place.id, error) ||
          !claim_id (loader->source_ids, place.id, &place, error) ||
          !read_string (object, "publisher", FALSE, &place, &publisher, error) ||
          !read_string (object, "title", FALSE, &place, &title, error) ||
          !read_string (object, "url", FALSE, &place, &url, error) ||
          !read_date (object, "published", FALSE, &place, &published, &has_published, NULL, error))
        return FALSE;

      source = chronicle_source_new (place.id, publisher, title, url,
                                     has_published ? &published : NULL);
      chronicle_timeline_add_source (timeline, source);
    }

  return TRUE;
}

static gboolean
load_categories (Loader             *loader,
                 Node          *array,
                 ChronicleTimeline  *timeline,
                 GError            **error)
{
  guint n = array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleCategory) category = NULL;
      Place place = { NULL, "categories", i, NULL };
      const char *label, *color;
      Node *object;

      if (!(object = get_list_object (array, "categories", i, NULL, error)))
        return FALSE;

      if (!read_id (object, &place, &place.id, error) ||
          !claim_id (loader->category_ids, place.id, &place, error) ||
          !read_string (object, "label", TRUE, &place, &label, error) ||
          !read_string (object, "color", FALSE, &place, &color, error))
        return FALSE;

      if (color != NULL && !is_hex_color (color))
        {
          return set_error (error, CHRONICLE_LOAD_ERROR_VALUE, &place,
                            /* Translators: %s is the colour as written in the file; #rrggbb is the
                             * required notation and must not be translated. */
                            _("color \"%s\" is not #rrggbb"), color);
        }

      category = chronicle_category_new (place.id, label, color);
      chronicle_timeline_add_category (timeline, category);
    }

  return TRUE;
}

static gboolean
load_eras (Loader             *loader,
           Node          *array,
           ChronicleTimeline  *timeline,
           GError            **error)
{
  guint n = array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleEra) era = NULL;
      Place place = { NULL, "eras", i, NULL };
      const char *label, *start_text = NULL, *end_text = NULL;
      ChronicleDate start, end;
      gboolean has_start, has_end;
      Node *object;

      if (!(object = get_list_object (array, "eras", i, NULL, error)))
        return FALSE;

      if (!read_id (object, &place, &place.id, error) ||
          !claim_id (loader->era_ids, place.id, &place, error) ||
          !read_string (object, "label", TRUE, &place, &label, error) ||
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

  /* Translators: %s is a source id; the event still loads. */
  add_warning (loader, place, _("unknown source \"%s\""), source_id);
  return FALSE;
}

static ChronicleQuote *
load_quote (Loader       *loader,
            Node    *array,
            guint         index,
            const Place  *event_place,
            GError      **error)
{
  Place place = { event_place, "quotes", index, NULL };
  const char *text, *speaker, *role, *source_id;
  ChronicleDate date;
  gboolean has_date;
  Node *object;

  if (!(object = get_list_object (array, "quotes", index, event_place, error)))
    return NULL;

  if (!read_string (object, "text", TRUE, &place, &text, error) ||
      !read_string (object, "speaker", FALSE, &place, &speaker, error) ||
      !read_string (object, "role", FALSE, &place, &role, error) ||
      !read_string (object, "source", FALSE, &place, &source_id, error) ||
      !read_date (object, "date", FALSE, &place, &date, &has_date, NULL, error))
    return NULL;

  if (source_id != NULL)
    check_source_ref (loader, source_id, &place);

  return chronicle_quote_new (text, speaker, role, source_id, has_date ? &date : NULL);
}

static ChronicleEvent *
load_event (Loader       *loader,
            Node    *array,
            guint         index,
            GError      **error)
{
  g_autoptr(ChronicleEvent) event = NULL;
  g_autofree const char **actors = NULL;
  g_autofree const char **source_ids = NULL;
  Place place = { NULL, "events", index, NULL };
  const char *title, *date_text = NULL, *end_text = NULL, *summary, *category, *location;
  ChronicleDate date, end;
  gboolean has_date, has_end, approximate;
  Node *quotes;
  Node *object;

  if (!(object = get_list_object (array, "events", index, NULL, error)))
    return NULL;

  if (!read_id (object, &place, &place.id, error) ||
      !claim_id (loader->event_ids, place.id, &place, error) ||
      !read_date (object, "date", TRUE, &place, &date, &has_date, &date_text, error) ||
      !read_string (object, "title", TRUE, &place, &title, error) ||
      !read_date (object, "end", FALSE, &place, &end, &has_end, &end_text, error) ||
      !read_string (object, "summary", FALSE, &place, &summary, error) ||
      !read_string (object, "category", FALSE, &place, &category, error) ||
      !read_string_list (object, "actors", &place, &actors, error) ||
      !read_string (object, "location", FALSE, &place, &location, error) ||
      !read_boolean (object, "approximate", &place, &approximate, error) ||
      !read_string_list (object, "sources", &place, &source_ids, error) ||
      !read_array (object, "quotes", FALSE, &place, &quotes, error))
    return NULL;

  /* An end is refused only when it starts before the date starts: "date":
   * "2022-03", "end": "2022-03-15" is a fine (if odd) range. */
  if (has_end && chronicle_date_get_start (&end) < chronicle_date_get_start (&date))
    {
      set_error (error, CHRONICLE_LOAD_ERROR_RANGE, &place,
                 /* Translators: both %s are dates as written in the file, e.g. "end 2022-03-01 is
                  * before date 2022-03-29"; "end" and "date" are JSON member names. */
                 _("end %s is before date %s"), end_text, date_text);
      return NULL;
    }

  event = chronicle_event_new (place.id, &date, title);
  chronicle_event_set_sequence (event, place.index);

  if (has_end)
    chronicle_event_set_end (event, &end);
  if (summary != NULL)
    chronicle_event_set_summary (event, summary);
  if (location != NULL)
    chronicle_event_set_location (event, location);
  if (approximate)
    chronicle_event_set_approximate (event, TRUE);
  if (actors != NULL)
    chronicle_event_set_actors (event, actors);

  if (category != NULL)
    {
      if (!g_hash_table_contains (loader->category_ids, category))
        {
          /* Translators: %s is a category id; the event still loads. */
          add_warning (loader, &place, _("unknown category \"%s\""), category);
        }
      chronicle_event_set_category_id (event, category);
    }

  if (source_ids != NULL)
    {
      for (guint i = 0; source_ids[i] != NULL; i++)
        check_source_ref (loader, source_ids[i], &place);
      chronicle_event_set_source_ids (event, source_ids);
    }

  if (quotes != NULL)
    {
      guint n_quotes = array_get_length (quotes);

      for (guint i = 0; i < n_quotes; i++)
        {
          g_autoptr(ChronicleQuote) quote = load_quote (loader, quotes, i, &place, error);

          if (quote == NULL)
            return NULL;

          chronicle_event_add_quote (event, quote);
        }
    }

  return g_steal_pointer (&event);
}

/* Finds line and column (1-based, in characters) of the first byte that is
 * not valid UTF-8, so that the message points at it like a syntax error. */
static void
locate_offset (const char *data,
               const char *where,
               guint      *line,
               guint      *column)
{
  const char *line_start = data;

  *line = 1;
  for (const char *p = data; p < where; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  *column = g_utf8_strlen (line_start, where - line_start) + 1;
}

/* json-glib 1.6 reports "<data>:4:7: Parse error: unexpected ...". Turn that
 * into "line 4, column 7: unexpected ..."; anything else passes unchanged. */
static void
set_syntax_error (GError     **error,
                  const GError *json_error)
{
  const char *message = json_error->message;
  const char *p;
  guint64 line, column;
  char *end;

  if (!g_str_has_prefix (message, "<data>:"))
    goto verbatim;

  p = message + strlen ("<data>:");
  line = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != ':')
    goto verbatim;

  p = end + 1;
  column = g_ascii_strtoull (p, &end, 10);
  if (end == p || !g_str_has_prefix (end, ": "))
    goto verbatim;

  p = end + 2;

  /* json-glib translates its "Parse error" label; strip it in either form,
   * and the "scanner: " that GScanner puts before its own messages. */
  {
    const char *labels[] = { "Parse error", g_dgettext ("json-glib-1.0", "Parse error") };

    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      if (g_str_has_prefix (p, labels[i]) && g_str_has_prefix (p + strlen (labels[i]), ": "))
        {
          p += strlen (labels[i]) + 2;
          break;
        }

    if (g_str_has_prefix (p, "scanner: "))
      p += strlen ("scanner: ");
  }

  /* Translators: a JSON syntax error; the last %s is json-glib's reason,
   * e.g. "line 4, column 7: unexpected character `,'". */
  set_error (error, CHRONICLE_LOAD_ERROR_SYNTAX, NULL, _("line %u, column %u: %s"),
             (guint) line, (guint) column, p);
  return;

verbatim:
  g_set_error_literal (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, message);
}

/* Progress of one load, in the loading thread. */
typedef struct
{
  void     (*func) (gpointer data, ChronicleLoadPhase phase, double fraction);
  gpointer   data;
} Reporter;

/* Share of the whole load per phase, from profiling a 100 000-event file:
 * reading is quick, parsing and building the events take about the same. */
#define READING_END  0.05
#define PARSING_END  0.50

static void
report (const Reporter     *reporter,
        ChronicleLoadPhase  phase,
        double              fraction)
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
  report (data, CHRONICLE_LOAD_PHASE_PARSING, fraction);
}

/* The parsed document: our tree, and JsonParser's when it had to step in
 * (our tree then borrows its strings). */
typedef struct
{
  NodeArena   arena;
  Node        root;
  char       *text;      /* our copy, which the tree's strings point into */
  JsonParser *fallback;
} Document;

static void
document_clear (Document *document)
{
  node_arena_clear (&document->arena);
  g_clear_pointer (&document->text, g_free);
  g_clear_object (&document->fallback);
}

static gboolean
parse_document (Document        *document,
                const char      *data,
                gsize            length,
                const Reporter  *reporter,
                GError         **error)
{
  g_autoptr(GError) json_error = NULL;
  const char *invalid;
  JsonNode *root;
  gssize too_deep;

  node_arena_init (&document->arena);

  if (!g_utf8_validate (data, length, &invalid))
    {
      guint line, column;

      locate_offset (data, invalid, &line, &column);
      return set_error (error, CHRONICLE_LOAD_ERROR_SYNTAX, NULL,
                        /* Translators: the file contains bytes that are not UTF-8 text */
                        _("line %u, column %u: the text is not valid UTF-8"), line, column);
    }

  report (reporter, CHRONICLE_LOAD_PHASE_PARSING, 0.0);

  /* Strings are unescaped in place: in a copy, so that JsonParser can
   * still read the original if we refuse it. */
  document->text = g_malloc (length + 1);
  memcpy (document->text, data, length);
  document->text[length] = '\0';
  if (parse_dom (document->text, length, &document->arena, &document->root,
                 reporter != NULL ? report_parsing : NULL, (gpointer) reporter, &too_deep))
    return TRUE;

  g_clear_pointer (&document->text, g_free);

  /* Never hand a deeply nested document to JsonParser: it recurses and
   * would overflow the stack. Unescaping in place never moves later bytes,
   * so the offset holds in the original text. */
  if (too_deep >= 0)
    {
      guint line, column;

      locate_offset (data, data + too_deep, &line, &column);
      return set_error (error, CHRONICLE_LOAD_ERROR_SYNTAX, NULL,
                        /* Translators: JSON arrays and objects inside each other */
                        _("line %u, column %u: nested more than %d levels deep"), line, column, MAX_DEPTH);
    }

  document->fallback = json_parser_new_immutable ();
  if (!json_parser_load_from_data (document->fallback, data, length, &json_error))
    {
      set_syntax_error (error, json_error);
      return FALSE;
    }

  /* json-glib accepts an empty or all-blank document with a NULL root. */
  root = json_parser_get_root (document->fallback);
  if (root == NULL)
    return set_error (error, CHRONICLE_LOAD_ERROR_SYNTAX, NULL, _("the file is empty"));

  convert_json_node (root, &document->arena, &document->root);
  return TRUE;
}

static gboolean
check_header (Node  *root,
              GError     **error)
{
  Node *format = object_get_member (root, "format");
  Node *version = object_get_member (root, "version");

  /* Without a "format" we cannot tell that this is ours at all, so this is
   * a FORMAT error rather than a MISSING one. */
  if (format == NULL)
    return set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                      _("missing required member \"%s\""), "format");

  if (!node_holds_string (format) || g_strcmp0 (format->v.string, FORMAT_NAME) != 0)
    {
      return set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                        /* Translators: "format" is a JSON member name and %s its required value
                         * "chronicle-timeline"; do not translate either. */
                        _("\"format\" must be \"%s\""), FORMAT_NAME);
    }

  if (version == NULL)
    return set_missing_error (error, NULL, "version");

  if (version->type != NODE_INT && version->type != NODE_DOUBLE)
    return set_type_error (error, NULL, "\"version\"", C_("JSON type", "a number"), version);

  if (version->type != NODE_INT || version->v.integer != FORMAT_VERSION)
    {
      g_autofree char *found = NULL;

      if (version->type == NODE_INT)
        found = g_strdup_printf ("%" G_GINT64_FORMAT, version->v.integer);
      else
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          found = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, version->v.number));
        }

      return set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                        /* Translators: the first %s is the version number found in the file, %d the
                         * one this program reads. "version" is a JSON member name. */
                        _("\"version\" %s is not supported (this Chronicle reads version %d)"),
                        found, FORMAT_VERSION);
    }

  return TRUE;
}

static ChronicleTimeline *
load_document (Loader          *loader,
               Node            *root_node,
               const Reporter  *reporter,
               GCancellable    *cancellable,
               GError         **error)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const char *title, *description;
  Node *sources, *categories, *eras, *event_array;
  Node *root;
  guint n_events;

  if (root_node->type != NODE_OBJECT)
    {
      set_error (error, CHRONICLE_LOAD_ERROR_FORMAT, NULL,
                 /* Translators: %s is a JSON type such as "an array" */
                 _("the top level must be an object, not %s"),
                 describe_node_type (root_node));
      return NULL;
    }

  root = root_node;

  if (!check_header (root, error) ||
      !read_string (root, "title", TRUE, NULL, &title, error) ||
      !read_string (root, "description", FALSE, NULL, &description, error) ||
      !read_array (root, "events", TRUE, NULL, &event_array, error) ||
      !read_array (root, "sources", FALSE, NULL, &sources, error) ||
      !read_array (root, "categories", FALSE, NULL, &categories, error) ||
      !read_array (root, "eras", FALSE, NULL, &eras, error))
    return NULL;

  timeline = chronicle_timeline_new (title);
  if (description != NULL)
    chronicle_timeline_set_description (timeline, description);

  /* Sources and categories come first whatever their place in the file,
   * so that events can be checked against them in the same pass. */
  if ((sources != NULL && !load_sources (loader, sources, timeline, error)) ||
      (categories != NULL && !load_categories (loader, categories, timeline, error)) ||
      (eras != NULL && !load_eras (loader, eras, timeline, error)))
    return NULL;

  n_events = array_get_length (event_array);
  events = g_ptr_array_new_full (n_events, g_object_unref);

  report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 0.0);
  for (guint i = 0; i < n_events; i++)
    {
      ChronicleEvent *event = load_event (loader, event_array, i, error);

      if (event == NULL)
        return NULL;

      g_ptr_array_add (events, event);

      if (i % 2048 == 2047)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          /* sorting comes after, and costs about a tenth */
          report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 0.9 * i / n_events);
        }
    }

  chronicle_timeline_set_events (timeline, events);
  report (reporter, CHRONICLE_LOAD_PHASE_BUILDING, 1.0);

  return g_steal_pointer (&timeline);
}

static ChronicleTimeline *
load_from_data (const char      *data,
                gsize            length,
                const Reporter  *reporter,
                GCancellable    *cancellable,
                GStrv           *warnings,
                GError         **error)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  Document document = { 0, };
  Loader loader = { 0 };

  if (warnings != NULL)
    *warnings = NULL;

  if (!parse_document (&document, data, length, reporter, error))
    {
      document_clear (&document);
      return NULL;
    }

  if (warnings != NULL)
    loader.warnings = g_ptr_array_new_with_free_func (g_free);
  loader.source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  loader.category_ids = g_hash_table_new (g_str_hash, g_str_equal);
  loader.era_ids = g_hash_table_new (g_str_hash, g_str_equal);
  loader.event_ids = g_hash_table_new (g_str_hash, g_str_equal);

  timeline = load_document (&loader, &document.root, reporter, cancellable, error);

  if (timeline != NULL && warnings != NULL)
    {
      g_ptr_array_add (loader.warnings, NULL);
      *warnings = (GStrv) g_ptr_array_steal (loader.warnings, NULL);
    }

  loader_clear (&loader);
  document_clear (&document);

  return g_steal_pointer (&timeline);
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

  return load_from_data (data, length, NULL, NULL, warnings, error);
}

static char *
describe_io_error (const GError *io_error)
{
  if (io_error->domain == G_IO_ERROR)
    {
      switch (io_error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return g_strdup (_("the file does not exist"));

        case G_IO_ERROR_PERMISSION_DENIED:
          return g_strdup (_("permission denied"));

        case G_IO_ERROR_IS_DIRECTORY:
          return g_strdup (_("it is a folder, not a file"));

        default:
          break;
        }
    }

  return g_strdup (io_error->message);
}

/* Reads @file whole, reporting the share read. */
static gboolean
read_file (GFile           *file,
           GCancellable    *cancellable,
           const Reporter  *reporter,
           char           **contents,
           gsize           *length,
           GError         **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0, capacity, filled = 0;

  if (reporter == NULL)
    return g_file_load_contents (file, cancellable, contents, length, NULL, error);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = (gsize) MAX (g_file_info_get_size (info), 0);

  capacity = MAX (size, 4096) + 1;
  buffer = g_malloc (capacity);
  report (reporter, CHRONICLE_LOAD_PHASE_READING, 0.0);

  for (;;)
    {
      gssize n;

      if (capacity - filled < 2)
        {
          capacity *= 2;
          buffer = g_realloc (buffer, capacity);
        }

      /* 1 MiB at a time: progress, and a prompt cancel */
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + filled,
                               MIN (capacity - filled - 1, 1024 * 1024), cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;

      filled += n;
      if (size > 0)
        report (reporter, CHRONICLE_LOAD_PHASE_READING, (double) filled / size);
    }

  buffer[filled] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = filled;
  return TRUE;
}

static ChronicleTimeline *
load_from_file (GFile           *file,
                const Reporter  *reporter,
                GCancellable    *cancellable,
                GStrv           *warnings,
                GError         **error)
{
  g_autoptr(GError) io_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (warnings != NULL)
    *warnings = NULL;

  if (!read_file (file, cancellable, reporter, &contents, &length, &io_error))
    {
      g_autofree char *name = NULL;
      g_autofree char *reason = NULL;

      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&io_error));
          return NULL;
        }

      name = g_file_get_parse_name (file);
      reason = describe_io_error (io_error);
      /* Translators: the first %s is a file path, the second the reason */
      set_error (error, CHRONICLE_LOAD_ERROR_IO, NULL,
                 _("could not read \"%s\": %s"), name, reason);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  return load_from_data (contents, length, reporter, cancellable, warnings, error);
}

/**
 * chronicle_timeline_load_from_file:
 * @file: the file to read
 * @cancellable: (nullable): a `GCancellable`
 * @warnings: (out) (optional) (transfer full): see
 *   [func@Chronicle.timeline_load_from_data]
 * @error: return location for an error
 *
 * Reads and parses @file. A file that cannot be read gives
 * `CHRONICLE_LOAD_ERROR_IO`, naming the file; cancellation is passed through
 * as `G_IO_ERROR_CANCELLED` so that callers can stay silent about it.
 *
 * Returns: (transfer full) (nullable): the timeline, or %NULL with @error set
 */
ChronicleTimeline *
chronicle_timeline_load_from_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GStrv         *warnings,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_from_file (file, NULL, cancellable, warnings, error);
}

typedef struct
{
  ChronicleTimeline *timeline;
  GStrv              warnings;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->timeline);
  g_clear_pointer (&result->warnings, g_strfreev);
  g_free (result);
}

/*
 * Progress goes from the loading thread to the caller's main context as
 * idle sources (never called in place: g_main_context_invoke() could run
 * the callback in the loading thread when the main context is free).
 * Refcounted by the task and each pending update; the last unref happens
 * in the main context, where the caller's destroy notify then runs.
 */
typedef struct
{
  gint                       ref_count;
  GMainContext              *context;
  ChronicleLoadProgressFunc  func;
  gpointer                   data;
  GDestroyNotify             destroy;
  /* loading thread only */
  ChronicleLoadPhase         last_phase;
  double                     last_fraction;
} Progress;

typedef struct
{
  Progress           *progress;
  ChronicleLoadPhase  phase;
  double              fraction;
} ProgressUpdate;

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_int_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (!g_atomic_int_dec_and_test (&progress->ref_count))
    return;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
  g_free (progress);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress->func (update->phase, update->fraction, update->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  progress_unref (update->progress);
  g_free (update);
}

static gboolean
unref_progress_in_context (gpointer data)
{
  progress_unref (data);
  return G_SOURCE_REMOVE;
}

static void
post_to_context (GMainContext *context,
                 GSourceFunc   func,
                 gpointer      data,
                 GDestroyNotify destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[chronicle] load progress");
  g_source_attach (source, context);
  g_source_unref (source);
}

/* In the loading thread: posts an update when the phase changes or the
 * fraction moved by a percent, so a fast load does not flood the caller. */
static void
post_progress (gpointer            data,
               ChronicleLoadPhase  phase,
               double              fraction)
{
  Progress *progress = data;
  ProgressUpdate *update;

  if (phase == progress->last_phase && fraction < progress->last_fraction + 0.01 && fraction < 1.0)
    return;
  if (phase == progress->last_phase && fraction <= progress->last_fraction)
    return;

  progress->last_phase = phase;
  progress->last_fraction = fraction;

  update = g_new (ProgressUpdate, 1);
  update->progress = progress_ref (progress);
  update->phase = phase;
  update->fraction = fraction;
  post_to_context (progress->context, deliver_progress, update, progress_update_free);
}

typedef struct
{
  GFile    *file;
  Progress *progress;  /* nullable */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  /* the last unref belongs to the main context */
  if (job->progress != NULL)
    post_to_context (job->progress->context, unref_progress_in_context, job->progress, NULL);
  g_free (job);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  Reporter reporter = { post_progress, job->progress };
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->timeline = load_from_file (job->file, job->progress != NULL ? &reporter : NULL,
                                     cancellable, &result->warnings, &error);

  if (result->timeline == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * chronicle_timeline_load_async:
 * @file: the file to read
 * @cancellable: (nullable): a `GCancellable`
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads and parses @file in a worker thread; the worker gets a reference to
 * @file and nothing else. Finish with [func@Chronicle.timeline_load_finish].
 */
void
chronicle_timeline_load_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  chronicle_timeline_load_async_with_progress (file, cancellable, NULL, NULL, NULL, callback, user_data);
}

/**
 * chronicle_timeline_load_async_with_progress:
 * @file: the file to read
 * @cancellable: (nullable): a `GCancellable`; cancelling stops reading and
 *   building the events promptly
 * @progress: (nullable): called in the thread-default main context as the
 *   load advances
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data, in the
 *   thread-default main context, after the last call to @progress
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Like [func@Chronicle.timeline_load_async], and reports progress: the
 * phase (reading, parsing, building the events) and the fraction of the
 * whole load done, non-decreasing, at most about a hundred times. Calls
 * queued before the load finished may arrive just after @callback; a
 * caller that has moved on can ignore them.
 */
void
chronicle_timeline_load_async_with_progress (GFile                     *file,
                                             GCancellable              *cancellable,
                                             ChronicleLoadProgressFunc  progress,
                                             gpointer                   progress_data,
                                             GDestroyNotify             progress_data_destroy,
                                             GAsyncReadyCallback        callback,
                                             gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  if (progress != NULL)
    {
      job->progress = g_new0 (Progress, 1);
      job->progress->ref_count = 1;
      job->progress->context = g_main_context_ref_thread_default ();
      job->progress->func = progress;
      job->progress->data = progress_data;
      job->progress->destroy = progress_data_destroy;
      job->progress->last_phase = CHRONICLE_LOAD_PHASE_READING;
      job->progress->last_fraction = -1.0;
    }
  else if (progress_data_destroy != NULL)
    progress_data_destroy (progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_timeline_load_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * chronicle_timeline_load_finish:
 * @result: the result passed to the callback
 * @warnings: (out) (optional) (transfer full): see
 *   [func@Chronicle.timeline_load_from_data]
 * @error: return location for an error
 *
 * Finishes [func@Chronicle.timeline_load_async] and
 * [func@Chronicle.timeline_load_async_with_progress].
 *
 * Returns: (transfer full) (nullable): the timeline, or %NULL with @error set
 */
ChronicleTimeline *
chronicle_timeline_load_finish (GAsyncResult  *result,
                                GStrv         *warnings,
                                GError       **error)
{
  LoadResult *load_result;
  ChronicleTimeline *timeline;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chronicle_timeline_load_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  load_result = g_task_propagate_pointer (G_TASK (result), error);
  if (load_result == NULL)
    return NULL;

  timeline = g_steal_pointer (&load_result->timeline);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&load_result->warnings);
  load_result_free (load_result);

  return timeline;
}
