/* chronicle-json-dom.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-loader"

#include "config.h"

#include "chronicle-json-dom-private.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "chronicle-timeline-loader.h"

#define MAX_DEPTH        512
#define BLOCK_NODES      (64 * 1024)

static void
node_arena_init (ChronicleJsonArena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->free_at = NULL;
  arena->n_free = 0;
}

static void
node_arena_clear (ChronicleJsonArena *arena)
{
  g_clear_pointer (&arena->blocks, g_ptr_array_unref);
  arena->free_at = NULL;
  arena->n_free = 0;
}

static ChronicleJsonNode *
node_arena_alloc (ChronicleJsonArena *arena,
                  gsize               n)
{
  ChronicleJsonNode *nodes;

  if (n == 0)
    return NULL;

  if (n > arena->n_free)
    {
      gsize size = MAX (n, BLOCK_NODES);

      /* Not g_new: a block's spare tail is not worth initialising. */
      nodes = g_malloc_n (size, sizeof (ChronicleJsonNode));
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
  ChronicleJsonArena  *arena;
  GArray     *stack;   /* ChronicleJsonNode: children of the open containers */
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
parse_number (DomParser         *parser,
              ChronicleJsonNode *node)
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
      node->type = CHRONICLE_JSON_NODE_INT;
      node->v.integer = g_ascii_strtoll (text, &parsed_end, 10);
    }
  /* An integer beyond 64 bits is kept as the number it is, not wrapped
   * (JsonParser would wrap it, and a message would quote a wrong value). */
  if (!integer || errno == ERANGE)
    {
      errno = 0;
      node->type = CHRONICLE_JSON_NODE_DOUBLE;
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
                             ChronicleJsonNode      *node);

/* Moves the last @n nodes of the stack into the arena as @node's children. */
static void
close_container (DomParser         *parser,
                 ChronicleJsonNode *node,
                 guint              first)
{
  guint n = parser->stack->len - first;

  node->n_children = n;
  node->v.children = node_arena_alloc (parser->arena, n);
  if (n > 0)
    memcpy (node->v.children, &g_array_index (parser->stack, ChronicleJsonNode, first),
            n * sizeof (ChronicleJsonNode));
  g_array_set_size (parser->stack, first);
}

static gboolean
parse_container (DomParser         *parser,
                 ChronicleJsonNode *node,
                 gboolean           object)
{
  guint first = parser->stack->len;
  char close = object ? '}' : ']';

  if (++parser->depth > MAX_DEPTH)
    {
      parser->too_deep = parser->p;
      return FALSE;
    }

  node->type = object ? CHRONICLE_JSON_NODE_OBJECT : CHRONICLE_JSON_NODE_ARRAY;
  parser->p++;
  skip_space (parser);

  if (parser->p < parser->end && *parser->p == close)
    parser->p++;
  else
    for (;;)
      {
        ChronicleJsonNode child = { CHRONICLE_JSON_NODE_NULL, 0, NULL, { 0 } };

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
parse_value (DomParser         *parser,
             ChronicleJsonNode *node)
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
      node->type = CHRONICLE_JSON_NODE_STRING;
      return parse_string (parser, &node->v.string);
    case 't':
      node->type = CHRONICLE_JSON_NODE_BOOLEAN;
      node->v.boolean = TRUE;
      return parse_literal (parser, "true", 4);
    case 'f':
      node->type = CHRONICLE_JSON_NODE_BOOLEAN;
      node->v.boolean = FALSE;
      return parse_literal (parser, "false", 5);
    case 'n':
      node->type = CHRONICLE_JSON_NODE_NULL;
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
           ChronicleJsonArena  *arena,
           ChronicleJsonNode       *root,
           void      (*report) (gpointer data, double fraction),
           gpointer    report_data,
           gssize     *too_deep)
{
  DomParser parser = { text, text + length, arena, NULL, 0, NULL, text, text + PROGRESS_STEP, report, report_data };
  gboolean ok;

  parser.stack = g_array_sized_new (FALSE, FALSE, sizeof (ChronicleJsonNode), 256);
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

/* A tree of ours for JsonParser's (whose strings it borrows). FALSE when
 * a string or key is not valid UTF-8: json-glib turns octal escapes and
 * halves of surrogate pairs into raw bytes, which the rest of the code
 * (and GLib's g_utf8 functions) must never see. */
static gboolean
convert_json_node (JsonNode           *json,
                   ChronicleJsonArena *arena,
                   ChronicleJsonNode  *node)
{
  gboolean ok = TRUE;

  node->n_children = 0;
  node->key = NULL;

  switch (JSON_NODE_TYPE (json))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (json);
        g_autoptr(GList) members = json_object_get_members (object);
        guint i = 0;

        node->type = CHRONICLE_JSON_NODE_OBJECT;
        node->n_children = g_list_length (members);
        node->v.children = node_arena_alloc (arena, node->n_children);
        for (GList *l = members; l != NULL; l = l->next, i++)
          {
            ok = convert_json_node (json_object_get_member (object, l->data), arena, &node->v.children[i]) && ok;
            ok = g_utf8_validate (l->data, -1, NULL) && ok;
            node->v.children[i].key = l->data;
          }
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (json);

        node->type = CHRONICLE_JSON_NODE_ARRAY;
        node->n_children = json_array_get_length (array);
        node->v.children = node_arena_alloc (arena, node->n_children);
        for (guint i = 0; i < node->n_children; i++)
          ok = convert_json_node (json_array_get_element (array, i), arena, &node->v.children[i]) && ok;
      }
      break;

    case JSON_NODE_NULL:
      node->type = CHRONICLE_JSON_NODE_NULL;
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (json))
        {
        case G_TYPE_STRING:
          node->type = CHRONICLE_JSON_NODE_STRING;
          node->v.string = json_node_get_string (json);
          ok = g_utf8_validate (node->v.string, -1, NULL);
          break;
        case G_TYPE_BOOLEAN:
          node->type = CHRONICLE_JSON_NODE_BOOLEAN;
          node->v.boolean = json_node_get_boolean (json);
          break;
        case G_TYPE_INT64:
          node->type = CHRONICLE_JSON_NODE_INT;
          node->v.integer = json_node_get_int (json);
          break;
        default:
          node->type = CHRONICLE_JSON_NODE_DOUBLE;
          node->v.number = json_node_get_double (json);
          break;
        }
      break;
    }

  return ok;
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

/* A syntax error at @where in @data: "line 4, column 7: @reason". */
static void
set_error_at (GError     **error,
              const char  *data,
              const char  *where,
              const char  *reason)
{
  guint line, column;

  locate_offset (data, where, &line, &column);
  /* Translators: a JSON syntax error; the last %s is the reason,
   * e.g. "line 4, column 7: unexpected character `,'". */
  g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, _("line %u, column %u: %s"),
               line, column, reason);
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
  {
    /* json-glib quotes the token it stopped at, cut at a byte count (half
     * a character) or with the raw bytes of an escape: shown as text. */
    g_autofree char *reason = g_utf8_make_valid (p, -1);

    g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, _("line %u, column %u: %s"),
                 (guint) line, (guint) column, reason);
  }
  return;

verbatim:
  {
    g_autofree char *text = g_utf8_make_valid (message, -1);

    g_set_error_literal (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, text);
  }
}

/*
 * Before JsonParser reads what we refused: JsonParser recurses once per
 * level of nesting and has no limit (a few hundred thousand "[" overflow
 * the stack), and it reads escapes JSON does not have (octal "\101") or
 * cuts a string at "\u0000", giving text that is not what the file says.
 * This follows strings (both quotes, as json-glib's scanner does) and
 * comments, counts nesting, and sets an error with the place of the first
 * such thing. Opening brackets count everywhere, so that being fooled
 * errs towards refusing.
 */
static gboolean
check_for_json_glib (const char  *data,
                     gsize        length,
                     GError     **error)
{
  const char *end = data + length;
  char quote = 0;
  int depth = 0;

  for (const char *p = data; p < end; p++)
    {
      const char *problem = NULL;
      g_autofree char *reason = NULL;

      if (*p == '[' || *p == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              problem = p;
              /* Translators: JSON arrays and objects inside each other */
              reason = g_strdup_printf (_("nested more than %d levels deep"), MAX_DEPTH);
            }
        }
      else if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          else if (*p == '\\' && p + 1 < end)
            {
              if (p[1] >= '0' && p[1] <= '7')
                {
                  problem = p;
                  /* Translators: an escape like \101 in a string, which JSON does not have */
                  reason = g_strdup (_("octal escapes are not JSON"));
                }
              else if (p[1] == 'u' && end - p >= 6 && g_ascii_strncasecmp (p + 2, "0000", 4) == 0)
                {
                  problem = p;
                  /* Translators: keep \u0000 as it is */
                  reason = g_strdup (_("\\u0000 (a NUL character) is not allowed in text"));
                }
              p++;
            }
        }
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if ((*p == ']' || *p == '}') && depth > 0)
        depth--;
      else if (*p == '/' && p + 1 < end && p[1] == '*')
        {
          const char *close = g_strstr_len (p + 2, end - p - 2, "*/");

          p = close != NULL ? close + 1 : end - 1;
        }
      else if (*p == '/' && p + 1 < end && p[1] == '/')
        {
          const char *newline = memchr (p, '\n', end - p);

          p = newline != NULL ? newline : end - 1;
        }

      if (problem != NULL)
        {
          set_error_at (error, data, problem, reason);
          return FALSE;
        }
    }

  return TRUE;
}


/* Parses @data (@length bytes, not modified) into @document, which must be
 * zero-initialised: our tree, or JsonParser's converted when it accepts what
 * we refused. Otherwise a CHRONICLE_LOAD_ERROR_SYNTAX error with the place.
 * Clear @document with chronicle_json_document_clear() either way. */
gboolean
chronicle_json_document_parse (ChronicleJsonDocument      *document,
                               const char                 *data,
                               gsize                       length,
                               ChronicleJsonProgressFunc   progress,
                               gpointer                    progress_data,
                               GError                    **error)
{
  g_autoptr(GError) json_error = NULL;
  const char *invalid;
  JsonNode *root;
  gssize too_deep;

  node_arena_init (&document->arena);

  if (!g_utf8_validate (data, length, &invalid))
    {
      /* Translators: the file contains bytes that are not UTF-8 text */
      set_error_at (error, data, invalid, _("the text is not valid UTF-8"));
      return FALSE;
    }

  if (progress != NULL)
    progress (progress_data, 0.0);

  /* Strings are unescaped in place: in a copy, so that JsonParser can
   * still read the original if we refuse it. */
  document->text = g_malloc (length + 1);
  memcpy (document->text, data, length);
  document->text[length] = '\0';
  if (parse_dom (document->text, length, &document->arena, &document->root,
                 progress, progress_data, &too_deep))
    return TRUE;

  g_clear_pointer (&document->text, g_free);

  /* Never hand a deeply nested document to JsonParser: it recurses and
   * would overflow the stack. Unescaping in place never moves later bytes,
   * so the offset holds in the original text. */
  if (too_deep >= 0)
    {
      g_autofree char *reason = g_strdup_printf (_("nested more than %d levels deep"), MAX_DEPTH);

      set_error_at (error, data, data + too_deep, reason);
      return FALSE;
    }

  if (!check_for_json_glib (data, length, error))
    return FALSE;

  document->fallback = json_parser_new_immutable ();
  if (!json_parser_load_from_data (document->fallback, data, length, &json_error))
    {
      set_syntax_error (error, json_error);
      return FALSE;
    }

  /* json-glib accepts an empty or all-blank document with a NULL root. */
  root = json_parser_get_root (document->fallback);
  if (root == NULL)
    {
      g_set_error_literal (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, _("the file is empty"));
      return FALSE;
    }

  if (!convert_json_node (root, &document->arena, &document->root))
    {
      g_set_error_literal (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX,
                           /* Translators: escapes in a JSON string gave bytes that are not text */
                           _("a string's escapes do not make valid UTF-8 text"));
      return FALSE;
    }
  return TRUE;
}


void
chronicle_json_document_clear (ChronicleJsonDocument *document)
{
  node_arena_clear (&document->arena);
  g_clear_pointer (&document->text, g_free);
  g_clear_object (&document->fallback);
}
