/* chronicle-json-dom.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-loader"

#include "config.h"

#include "chronicle-json-dom-private.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "chronicle-timeline-loader.h"

#if defined(G_OS_UNIX)
#include <sys/mman.h>
#include <unistd.h>
#endif

#define MAX_DEPTH        512
#define BLOCK_NODES      (64 * 1024)

static void
node_arena_init (ChronicleJsonArena *arena)
{
  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->free_at = NULL;
  arena->n_free = 0;
  arena->spare = NULL;
}

static void
node_arena_clear (ChronicleJsonArena *arena)
{
  g_clear_pointer (&arena->blocks, g_ptr_array_unref);
  g_clear_pointer (&arena->spare, g_free);
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
      if (size == BLOCK_NODES && arena->spare != NULL)
        nodes = g_steal_pointer (&arena->spare);
      else
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
  guint              n_blocks;
  ChronicleJsonNode *free_at;
  gsize              n_free;
} ArenaMark;

static void
node_arena_mark (ChronicleJsonArena *arena,
                 ArenaMark          *mark)
{
  mark->n_blocks = arena->blocks->len;
  mark->free_at = arena->free_at;
  mark->n_free = arena->n_free;
}

/* Frees everything allocated since @mark, but keeps one block for the
 * next allocation: a streamed event that overflows the current block
 * would otherwise allocate and free a 2.5 MB block per event (under
 * AddressSanitizer, which maps and fills each, 100 000 events took 20 s
 * instead of 1 s). */
static void
node_arena_restore (ChronicleJsonArena *arena,
                    const ArenaMark    *mark)
{
  if (arena->spare == NULL && arena->blocks->len > mark->n_blocks &&
      arena->free_at != NULL && mark->n_blocks + 1 == arena->blocks->len &&
      arena->free_at + arena->n_free == (ChronicleJsonNode *) g_ptr_array_index (arena->blocks, mark->n_blocks) + BLOCK_NODES)
    arena->spare = g_ptr_array_steal_index (arena->blocks, mark->n_blocks);
  g_ptr_array_set_size (arena->blocks, mark->n_blocks);
  arena->free_at = mark->free_at;
  arena->n_free = mark->n_free;
}

/* The parser's state. A refusal is kept as where (in the copy, which has
 * the same offsets as the original text) and why; only the first counts. */
typedef struct
{
  char       *p;       /* next unread byte */
  char       *end;
  char       *text;    /* the copy being parsed */
  ChronicleJsonArena  *arena;
  GArray     *stack;   /* ChronicleJsonNode: children of the open containers */
  guint       depth;
  const char *error_at;  /* in text, or NULL */
  char       *reason;
  /* progress: called every PROGRESS_STEP bytes */
  const char *next_report;
  void      (*report) (gpointer data, double fraction);
  gpointer    report_data;
  /* streaming (see ChronicleJsonElementFunc) */
  ChronicleJsonElementFunc stream_func;
  gpointer    stream_data;
  char       *released_to;  /* text before this is given back to the system */
} DomParser;

#define PROGRESS_STEP (512 * 1024)

/* Gives the pages of the text between the last release and @upto back to
 * the system: the streamed events' strings are copied into the timeline,
 * and nothing reads that text again (messages locate places in the
 * caller's data, not in this copy). Their contents become zeroes. */
static void
release_text (DomParser *parser,
              char      *upto)
{
#if defined(G_OS_UNIX) && defined(MADV_DONTNEED)
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr from = ((guintptr) parser->released_to + page - 1) & ~(guintptr) (page - 1);
  guintptr to = (guintptr) upto & ~(guintptr) (page - 1);

  /* In steps of a few megabytes: each call costs a system call. */
  if (to <= from || to - from < 4 * 1024 * 1024)
    return;
  madvise ((void *) from, to - from, MADV_DONTNEED);
  parser->released_to = (char *) to;
#endif
}

/* Always returns FALSE; takes @reason. */
static gboolean
fail (DomParser  *parser,
      const char *where,
      char       *reason)
{
  if (parser->error_at == NULL)
    {
      parser->error_at = where;
      parser->reason = reason;
    }
  else
    g_free (reason);

  return FALSE;
}

/* Finds line and column (1-based, in characters) of @where in @data. A
 * byte-order mark at the start is not a column: editors do not show it. */
static void
locate_offset (const char *data,
               const char *where,
               guint      *line,
               guint      *column)
{
  const char *line_start = data;
  const char *p = data;

  *line = 1;
  if (where - data >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    line_start = p = data + 3;

  for (; p < where; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }

  /* g_utf8_strlen stops at a NUL byte: count lead bytes instead */
  *column = 1;
  for (p = line_start; p < where; p++)
    if (((guchar) *p & 0xc0) != 0x80)
      (*column)++;
}

/* The character at @p as a message shows it: “x” when it is visible, its
 * code point (U+0009) when it is a control, space or format character
 * that a terminal would not show as itself. The text is valid UTF-8. */
static char *
describe_char (const char *p,
               const char *end)
{
  gunichar c = g_utf8_get_char (p);
  GUnicodeType type = g_unichar_type (c);
  char utf8[8] = { 0 };

  if (c == 0 || !g_unichar_isgraph (c) || type == G_UNICODE_FORMAT)
    return g_strdup_printf ("U+%04X", c);

  g_unichar_to_utf8 (c, utf8);
  /* Translators: a character quoted in a message about a JSON syntax
   * error, as in: unexpected character “x” */
  return g_strdup_printf (C_("character", "“%s”"), utf8);
}

static gboolean
starts_value (char c)
{
  return c == '{' || c == '[' || c == '"' || c == '-' || g_ascii_isdigit (c) ||
         c == 't' || c == 'f' || c == 'n';
}

/* Refuses the byte at parser->p, where @expected (translated: "a value")
 * was due; names what JSON lacks (comments, single quotes, NaN) as such. */
static gboolean
fail_unexpected (DomParser  *parser,
                 const char *expected)
{
  const char *p = parser->p, *end = parser->end;
  g_autofree char *found = NULL;

  if (p >= end)
    /* Translators: %s is what a JSON document needed next, e.g. "a value" or "“,” or “]”" */
    return fail (parser, p, g_strdup_printf (_("unexpected end of the file, expected %s"), expected));

  if (*p == '/' && p + 1 < end && (p[1] == '/' || p[1] == '*'))
    return fail (parser, p, g_strdup (_("comments are not JSON")));

  if (*p == '\'')
    return fail (parser, p, g_strdup (_("single quotes are not JSON: strings and member names take double quotes")));

  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    return fail (parser, p, g_strdup (_("a byte-order mark (U+FEFF) may only start the file")));

  if (g_ascii_isalpha (*p))
    {
      const char *word_end = p;

      while (word_end < end && word_end - p < 32 && (g_ascii_isalnum (*word_end) || *word_end == '_'))
        word_end++;

      if ((word_end - p == 3 && memcmp (p, "NaN", 3) == 0) ||
          (word_end - p == 8 && memcmp (p, "Infinity", 8) == 0))
        return fail (parser, p, g_strdup (_("NaN and Infinity are not JSON numbers")));

      {
        g_autofree char *word = g_strndup (p, word_end - p);

        /* Translators: the first %s is a word found in the file (title), the
         * second what JSON needed there ("a value") */
        return fail (parser, p, g_strdup_printf (_("unexpected word “%s”, expected %s"), word, expected));
      }
    }

  found = describe_char (p, end);
  /* Translators: the first %s is a character (“,” or U+0001), the second
   * what JSON needed there ("a value") */
  return fail (parser, p, g_strdup_printf (_("unexpected character %s, expected %s"), found, expected));
}

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

/* Refuses the string that starts at parser->p, at @read: a raw control
 * character, an escape JSON does not have, or the end of the text. Out of
 * parse_string(), which runs for every string, so that its loop stays
 * free of the messages. */
static G_NO_INLINE gboolean
fail_string (DomParser  *parser,
             const char *read)
{
  const char *end = parser->end;
  guchar c;
  gunichar unit;

  if (read >= end || (*read == '\\' && read + 1 >= end))
    return fail (parser, parser->p, g_strdup (_("the string that starts here is not closed")));

  c = (guchar) *read;

  /* Most often the closing quote is missing; or the line break was meant
   * to be in the text. Either way the string's start is the place to
   * look at. */
  if (c == '\n' || c == '\r')
    /* Translators: \n is a JSON escape; keep it as it is */
    return fail (parser, parser->p, g_strdup (_("the string that starts here runs into a line break (in text, write it as \\n)")));

  if (c < 0x20)
    /* Translators: U+%04X is a character's code point (U+0009), \\u%04X the JSON
     * escape for it (\u0009); keep both as they are */
    return fail (parser, read, g_strdup_printf (_("control character U+%04X in a string: write it as \\u%04X"), c, c));

  g_assert (c == '\\');

  switch (read[1])
    {
    case 'u':
      if (!read_hex4 (read + 2, end, &unit))
        /* Translators: \u is a JSON escape; keep it as it is */
        return fail (parser, read, g_strdup (_("\\u must be followed by four hexadecimal digits")));

      /* C strings cannot hold it, and cutting the text there would hide
       * the rest from every reader. */
      g_assert (unit == 0);
      /* Translators: keep \u0000 as it is */
      return fail (parser, read, g_strdup (_("\\u0000 (a NUL character) is not allowed in text")));

    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      /* Translators: an escape like \101 in a string, which JSON does not have */
      return fail (parser, read, g_strdup (_("octal escapes are not JSON")));

    default:
      {
        g_autofree char *found = describe_char (read + 1, end);

        /* Translators: %s is a character (“a”, U+0001); a backslash starts a JSON escape */
        return fail (parser, read, g_strdup_printf (_("a backslash followed by %s is not a JSON escape"), found));
      }
    }
}

/* At the opening quote; unescapes in place and NUL-terminates. The text
 * is valid UTF-8 already (checked before parsing), and unescaping never
 * writes past the byte it reads, so the bytes not yet read are the
 * file's. */
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

      if (G_UNLIKELY (c < 0x20))
        return fail_string (parser, read);

      if (c != '\\')
        {
          *write++ = *read++;
          continue;
        }

      if (read + 1 >= end)
        break;

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

            if (G_UNLIKELY (!read_hex4 (read + 2, end, &unit) || unit == 0))
              return fail_string (parser, read);

            read += 6;

            /* A surrogate pair makes one character. Half of one is not
             * text; RFC 8259 leaves it to the reader, and we read it as
             * U+FFFD, the replacement character, rather than refuse a
             * whole file for half an emoji cut by a pipeline. */
            if (unit >= 0xd800 && unit < 0xdc00 && end - read >= 6 && read[0] == '\\' &&
                read[1] == 'u' && read_hex4 (read + 2, end, &low) && low >= 0xdc00 && low < 0xe000)
              {
                read += 6;
                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
              }
            else if (unit >= 0xd800 && unit < 0xe000)
              unit = 0xfffd;

            /* UTF-8 is never longer than the escape it replaces */
            write += g_unichar_to_utf8 (unit, write);
          }
          break;
        default:
          return fail_string (parser, read);
        }
    }

  if (G_UNLIKELY (read >= end || *read != '"'))
    return fail_string (parser, read);

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
    {
      p++;
      if (p < end && *p == 'I')
        {
          parser->p = p;
          return fail_unexpected (parser, _("a value"));
        }
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (parser, p, g_strdup (_("a digit must follow “-”")));
    }

  if (*p == '0')
    {
      p++;
      if (p < end && g_ascii_isdigit (*p))
        return fail (parser, start, g_strdup (_("numbers cannot start with a zero (leading zeros are not JSON)")));
      if (p < end && (*p == 'x' || *p == 'X'))
        return fail (parser, start, g_strdup (_("hexadecimal numbers are not JSON")));
    }
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;

  if (p < end && *p == '.')
    {
      integer = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return fail (parser, p, g_strdup (_("a digit must follow the decimal point")));
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
        return fail (parser, p, g_strdup (_("the exponent of a number needs digits")));
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
   * (a message would quote a wrong value). */
  if (!integer || errno == ERANGE)
    {
      node->type = CHRONICLE_JSON_NODE_DOUBLE;
      node->v.number = g_ascii_strtod (text, &parsed_end);
      /* Underflow reads as zero (or nearly): the same number to a
       * reader that counts in doubles. Overflow is no number at all. */
      if (isinf (node->v.number))
        return fail (parser, start, g_strdup (_("the number is too large (beyond ±1.8e308)")));
    }
  g_assert (*parsed_end == '\0');

  parser->p = p;
  return TRUE;
}

static gboolean
parse_literal (DomParser  *parser,
               const char *word,
               gsize       length)
{
  if ((gsize) (parser->end - parser->p) < length || memcmp (parser->p, word, length) != 0)
    return fail_unexpected (parser, _("a value"));
  parser->p += length;
  return TRUE;
}

static gboolean parse_value (DomParser         *parser,
                             ChronicleJsonNode *node);

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

/* Recurses once per level through parse_value(), at most MAX_DEPTH deep. */
static gboolean
parse_container (DomParser         *parser,
                 ChronicleJsonNode *node,
                 gboolean           object)
{
  guint first = parser->stack->len;
  char close = object ? '}' : ']';
  const char *comma = NULL;
  gboolean stream;
  guint n_streamed = 0;

  if (++parser->depth > MAX_DEPTH)
    {
      /* Translators: JSON arrays and objects inside each other */
      return fail (parser, parser->p, g_strdup_printf (_("nested more than %d levels deep"), MAX_DEPTH));
    }

  /* Only members have a key; at depth 2 they are the top level's. */
  stream = !object && parser->stream_func != NULL && parser->depth == 2 &&
           node->key != NULL && strcmp (node->key, "events") == 0;
  if (stream)
    parser->released_to = parser->p;

  node->type = object ? CHRONICLE_JSON_NODE_OBJECT : CHRONICLE_JSON_NODE_ARRAY;
  parser->p++;
  skip_space (parser);

  if (parser->p < parser->end && *parser->p == close)
    parser->p++;
  else
    for (;;)
      {
        ChronicleJsonNode child = { CHRONICLE_JSON_NODE_NULL, 0, NULL, { 0 } };

        if (comma != NULL && parser->p < parser->end && *parser->p == close)
          {
            return fail (parser, comma,
                         /* Translators: %c is ] or } */
                         g_strdup_printf (_("a comma before “%c” is not JSON (nothing follows it)"), close));
          }

        if (object)
          {
            if (parser->p >= parser->end || *parser->p != '"')
              return fail_unexpected (parser, comma == NULL ? _("a member name in double quotes or “}”")
                                                            : _("a member name in double quotes"));
            if (!parse_string (parser, &child.key))
              return FALSE;
            skip_space (parser);
            if (parser->p >= parser->end || *parser->p != ':')
              return fail_unexpected (parser, _("“:” after the member name"));
            parser->p++;
            skip_space (parser);
          }

        if (stream)
          {
            ArenaMark mark;
            ChronicleJsonNode root_so_far = { CHRONICLE_JSON_NODE_OBJECT, first, NULL, { 0 } };

            node_arena_mark (parser->arena, &mark);
            if (!parse_value (parser, &child))
              return FALSE;
            root_so_far.v.children = (ChronicleJsonNode *) (gpointer) parser->stack->data;
            parser->stream_func (parser->stream_data, &root_so_far, &child, n_streamed++);
            node_arena_restore (parser->arena, &mark);
            release_text (parser, parser->p);
          }
        else
          {
            if (!parse_value (parser, &child))
              return FALSE;
            g_array_append_val (parser->stack, child);
          }

        skip_space (parser);
        if (parser->p < parser->end && *parser->p == close)
          {
            parser->p++;
            break;
          }
        if (parser->p >= parser->end || *parser->p != ',')
          return fail_unexpected (parser, object ? _("“,” or “}”") : _("“,” or “]”"));
        comma = parser->p;
        parser->p++;
        skip_space (parser);
      }

  close_container (parser, node, first);
  if (stream)
    node->n_children = n_streamed;
  parser->depth--;

  if (parser->report != NULL && parser->p >= parser->next_report)
    {
      parser->report (parser->report_data, (double) (parser->p - parser->text) / (parser->end - parser->text));
      parser->next_report = parser->p + PROGRESS_STEP;
    }

  return TRUE;
}

static gboolean
parse_value (DomParser         *parser,
             ChronicleJsonNode *node)
{
  if (parser->p >= parser->end)
    return fail_unexpected (parser, _("a value"));

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
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return parse_number (parser, node);
    case '+':
    case '.':
      /* Translators: %c is + or . */
      return fail (parser, parser->p, g_strdup_printf (_("a number cannot start with “%c”"), *parser->p));
    default:
      return fail_unexpected (parser, _("a value"));
    }
}

/* Parses @text (a copy of @data, modified in place) into @root: one JSON
 * value surrounded by blanks, after an optional UTF-8 byte-order mark.
 * FALSE with @error set (the place computed in @data) otherwise. */
static gboolean
parse_dom (ChronicleJsonDocument *document,
           const char            *data,
           gsize                  length,
           void                 (*report) (gpointer data, double fraction),
           gpointer               report_data,
           GError               **error)
{
  char *text = document->text;
  DomParser parser = { text, text + length, text, &document->arena, NULL, 0, NULL, NULL,
                       text + PROGRESS_STEP, report, report_data,
                       document->stream_func, document->stream_data, text };
  ChronicleJsonNode *root = &document->root;
  gboolean ok;

  /* A UTF-8 byte-order mark, which Windows editors write, says only that
   * the text is UTF-8; anywhere else it is a stray character. */
  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    parser.p += 3;

  skip_space (&parser);
  if (parser.p == parser.end)
    {
      g_set_error_literal (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, _("the file is empty"));
      return FALSE;
    }

  parser.stack = g_array_sized_new (FALSE, FALSE, sizeof (ChronicleJsonNode), 256);
  ok = parse_value (&parser, root);
  g_array_unref (parser.stack);

  if (ok)
    {
      const char *value_end = parser.p;

      skip_space (&parser);
      if (parser.p < parser.end && starts_value (*parser.p))
        {
          guint line, column;

          /* {…}{…}, or one object per line as an appending pipeline
           * writes: only the first would be shown. */
          locate_offset (data, data + (value_end - 1 - text), &line, &column);
          ok = fail (&parser, parser.p,
                     /* Translators: %u are a line and a column of the file */
                     g_strdup_printf (_("more than one JSON value: the timeline ends at line %u, column %u"),
                                      line, column));
        }
      else if (parser.p < parser.end)
        ok = fail_unexpected (&parser, _("the end of the file"));
    }

  if (!ok)
    {
      guint line, column;

      g_assert (parser.error_at != NULL);
      locate_offset (data, data + (parser.error_at - text), &line, &column);
      /* Translators: a JSON syntax error; the last %s is the reason,
       * e.g. "line 4, column 7: unexpected character “,”, expected a value". */
      g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, _("line %u, column %u: %s"),
                   line, column, parser.reason);
      g_free (parser.reason);
    }

  return ok;
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
  g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX, _("line %u, column %u: %s"),
               line, column, reason);
}

/* UTF-16 starts with its byte-order mark, or, as JSON starts with two
 * ASCII characters (a bracket and a quote, or blanks), with a NUL byte
 * beside each of the first two. */
static gboolean
looks_like_utf16 (const char *data,
                  gsize       length)
{
  const guchar *b = (const guchar *) data;

  if (length >= 2 && ((b[0] == 0xfe && b[1] == 0xff) || (b[0] == 0xff && b[1] == 0xfe)))
    return TRUE;

  return length >= 4 &&
         ((b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) ||
          (b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0));
}

/* Parses @data (@length bytes, not modified) into @document, which must be
 * zero-initialised. RFC 8259 JSON, strictly, after an optional UTF-8
 * byte-order mark; otherwise a CHRONICLE_LOAD_ERROR_SYNTAX error with the
 * place. Clear @document with chronicle_json_document_clear() either way. */
/* What both ways check before parsing: the encoding. */
static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *invalid;

  if (looks_like_utf16 (data, length))
    {
      /* Translators: the file is text, but in an encoding we do not read */
      g_set_error_literal (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX,
                           _("the file is UTF-16 text; save it as UTF-8"));
      return FALSE;
    }

  if (!g_utf8_validate (data, length, &invalid))
    {
      if (invalid < data + length && *invalid == '\0')
        /* Translators: a byte of value zero, which no text contains */
        set_error_at (error, data, invalid, _("a NUL byte: the file is not text"));
      else
        /* Translators: the file contains bytes that are not UTF-8 text */
        set_error_at (error, data, invalid, _("the text is not valid UTF-8"));
      return FALSE;
    }

  return TRUE;
}

/* Parses @data (@length bytes, not modified) into @document, which must be
 * zero-initialised. RFC 8259 JSON, strictly, after an optional UTF-8
 * byte-order mark; otherwise a CHRONICLE_LOAD_ERROR_SYNTAX error with the
 * place. Clear @document with chronicle_json_document_clear() either way. */
gboolean
chronicle_json_document_parse (ChronicleJsonDocument      *document,
                               const char                 *data,
                               gsize                       length,
                               ChronicleJsonProgressFunc   progress,
                               gpointer                    progress_data,
                               GError                    **error)
{
  node_arena_init (&document->arena);

  if (!check_text (data, length, error))
    return FALSE;

  if (progress != NULL)
    progress (progress_data, 0.0);

  /* Strings are unescaped in place, in a copy: @data is the caller's. */
  document->text = g_malloc (length + 1);
  memcpy (document->text, data, length);
  document->text[length] = '\0';

  document->length = length;
  return parse_dom (document, data, length, progress, progress_data, error);
}

gboolean
chronicle_json_document_parse_in_place (ChronicleJsonDocument      *document,
                                        char                       *text,
                                        gsize                       length,
                                        ChronicleJsonProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GError                    **error)
{
  node_arena_init (&document->arena);
  document->text = text;
  document->length = length;
  g_assert (text[length] == '\0');

  if (!check_text (text, length, error))
    return FALSE;

  if (progress != NULL)
    progress (progress_data, 0.0);

  return parse_dom (document, text, length, progress, progress_data, error);
}

void
chronicle_json_document_clear (ChronicleJsonDocument *document)
{
  node_arena_clear (&document->arena);
  g_clear_pointer (&document->text, g_free);
}

/**
 * chronicle_json_append_string:
 * @out: where to write
 * @string: UTF-8 text
 *
 * Appends @string as a JSON string, escaped as json-glib escapes it: the
 * quote, the backslash and control characters; other characters as they
 * are (UTF-8).
 */
void
chronicle_json_append_string (GString    *out,
                              const char *string)
{
  const char *run = string;

  g_string_append_c (out, '"');
  for (const char *p = string; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      /* Runs of plain text go in one copy: a million events are 100 MB. */
      g_string_append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:    g_string_append_printf (out, "\\u%04x", c); break;
        }
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* The shortest of %.15g and %.17g that reads back as @number: 0.1 stays
 * "0.1", and every double survives. Always a JSON number: NaN and the
 * infinities are never parsed. */
static void
append_double (GString *out,
               double   number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);
  g_string_append (out, buffer);
}

/**
 * chronicle_json_node_append:
 * @out: where to write
 * @node: a parsed value, whole (not an array the parser streamed)
 *
 * Appends @node as compact JSON with the same value: what the loader
 * keeps of members it does not know. The text is about the size of what
 * the file had (escapes are written the shortest way, numbers in at most
 * 24 characters), and its nesting is the parser's, at most 512 levels.
 */
void
chronicle_json_node_append (GString                 *out,
                            const ChronicleJsonNode *node)
{
  switch (node->type)
    {
    case CHRONICLE_JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case CHRONICLE_JSON_NODE_BOOLEAN:
      g_string_append (out, node->v.boolean ? "true" : "false");
      break;

    case CHRONICLE_JSON_NODE_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, node->v.integer);
      break;

    case CHRONICLE_JSON_NODE_DOUBLE:
      append_double (out, node->v.number);
      break;

    case CHRONICLE_JSON_NODE_STRING:
      chronicle_json_append_string (out, node->v.string);
      break;

    case CHRONICLE_JSON_NODE_ARRAY:
      g_assert (node->n_children == 0 || node->v.children != NULL);
      g_string_append_c (out, '[');
      for (guint i = 0; i < node->n_children; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          chronicle_json_node_append (out, &node->v.children[i]);
        }
      g_string_append_c (out, ']');
      break;

    case CHRONICLE_JSON_NODE_OBJECT:
    default:
      g_string_append_c (out, '{');
      for (guint i = 0; i < node->n_children; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          chronicle_json_append_string (out, node->v.children[i].key);
          g_string_append_c (out, ':');
          chronicle_json_node_append (out, &node->v.children[i]);
        }
      g_string_append_c (out, '}');
      break;
    }
}
