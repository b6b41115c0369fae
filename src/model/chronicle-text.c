/* chronicle-text.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-text"

#include "config.h"

#include "chronicle-text-private.h"

#include <string.h>

/* ---- Hashing -------------------------------------------------------- */

/*
 * g_str_hash is djb's h * 33 + c with no key: anyone can write ids that
 * all land in one bucket ("Ez" and "FY" hash alike, so every string made
 * of those two blocks collides), and 100 000 of them turn a 0.2 s load
 * into minutes. SipHash with a key drawn once per process makes such a
 * file impossible to prepare in advance. GLib keeps no SipHash of its own
 * public, so this is the reference algorithm (Aumasson and Bernstein)
 * with 1 compression and 3 finalisation rounds, as Rust's and CPython's
 * hash tables use: 2-4 cost a loader of 100 000 events 4 % more
 * instructions than g_str_hash, and the extra rounds buy nothing against
 * flooding.
 */

#define ROTL64(x, b) (guint64) (((x) << (b)) | ((x) >> (64 - (b))))

#define SIPROUND                                                     \
  G_STMT_START                                                       \
  {                                                                  \
    v0 += v1; v1 = ROTL64 (v1, 13); v1 ^= v0; v0 = ROTL64 (v0, 32);  \
    v2 += v3; v3 = ROTL64 (v3, 16); v3 ^= v2;                        \
    v0 += v3; v3 = ROTL64 (v3, 21); v3 ^= v0;                        \
    v2 += v1; v1 = ROTL64 (v1, 17); v1 ^= v2; v2 = ROTL64 (v2, 32);  \
  }                                                                  \
  G_STMT_END

static inline guint64
read_le64 (const guchar *p)
{
  guint64 value;

  memcpy (&value, p, sizeof value);  /* compilers make this one load */
  return GUINT64_FROM_LE (value);
}

static guint64
siphash13 (const guint64  key[2],
           const guchar  *data,
           gsize          length)
{
  guint64 v0 = G_GUINT64_CONSTANT (0x736f6d6570736575) ^ key[0];
  guint64 v1 = G_GUINT64_CONSTANT (0x646f72616e646f6d) ^ key[1];
  guint64 v2 = G_GUINT64_CONSTANT (0x6c7967656e657261) ^ key[0];
  guint64 v3 = G_GUINT64_CONSTANT (0x7465646279746573) ^ key[1];
  const guchar *end = data + (length & ~(gsize) 7);
  guint64 last = (guint64) length << 56;

  for (; data < end; data += 8)
    {
      guint64 m = read_le64 (data);

      v3 ^= m;
      SIPROUND;
      v0 ^= m;
    }

  for (gsize i = 0; i < (length & 7); i++)
    last |= (guint64) data[i] << (8 * i);

  v3 ^= last;
  SIPROUND;
  v0 ^= last;

  v2 ^= 0xff;
  SIPROUND;
  SIPROUND;
  SIPROUND;

  return v0 ^ v1 ^ v2 ^ v3;
}

static const guint64 *
get_hash_key (void)
{
  static guint64 key[2];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      /* GRand seeds itself from /dev/urandom. */
      g_autoptr(GRand) rand = g_rand_new ();

      key[0] = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      key[1] = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      g_once_init_leave (&initialized, 1);
    }

  return key;
}

/**
 * chronicle_str_hash:
 * @key: (type utf8): a NUL-terminated string
 *
 * A drop-in for g_str_hash() for hash tables keyed by text from a file:
 * keyed with a random per-process key, so a file cannot be written to make
 * all its ids collide. Use with g_str_equal().
 *
 * Returns: the hash of @key
 */
guint
chronicle_str_hash (gconstpointer key)
{
  const char *string = key;

  return (guint) siphash13 (get_hash_key (), (const guchar *) string, strlen (string));
}

/* ---- Characters that must not reach a terminal or a label ------------ */

/* Embeddings, overrides and isolates: they reorder the text around them
 * ("\u202Eevil" shows as "live"). The marks (LRM, RLM, ALM) only attach
 * a direction to neutral characters and are left alone. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* C0, DEL and C1: escapes, backspace, carriage return and the like. */
static gboolean
is_control (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

/* Characters that end a line for some terminals and text widgets. */
static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* The next character of @p (before @end), or (gunichar) -1 for a byte
 * that does not start valid UTF-8; *@next is after it (one byte then). */
static gunichar
next_char (const char  *p,
           const char  *end,
           const char **next)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = p + 1;
      return (gunichar) -1;
    }

  *next = g_utf8_next_char (p);
  return c;
}

/**
 * chronicle_text_escape_line:
 * @text: (nullable): text from a file, not necessarily valid UTF-8
 * @max_chars: the most characters of @text to show, or 0 for all
 *
 * @text as one line that a terminal shows as text, for quoting ids and
 * values inside messages: line breaks and tabs become `\n`, `\r`, `\t`;
 * other control characters and the bidi controls become `\u{202E}`;
 * bytes that are not UTF-8 become `\x{FF}`. Past @max_chars characters
 * the text is cut and ends with "…".
 *
 * Returns: (transfer full): the escaped text, valid UTF-8
 */
char *
chronicle_text_escape_line (const char *text,
                            gsize       max_chars)
{
  const char *p, *end;
  GString *out;
  gsize n = 0;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  end = text + strlen (text);

  for (p = text; p < end; n++)
    {
      const char *next;
      gunichar c;

      if (max_chars > 0 && n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      c = next_char (p, end, &next);
      if (c == (gunichar) -1)
        g_string_append_printf (out, "\\x{%02X}", (guchar) *p);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (is_control (c) || is_bidi_control (c) || is_line_break (c) || c == 0xfeff)
        g_string_append_printf (out, "\\u{%04X}", c);
      else
        g_string_append_len (out, p, next - p);

      p = next;
    }

  return g_string_free (out, FALSE);
}

/**
 * chronicle_text_for_display:
 * @text: (nullable): text from a file, not necessarily valid UTF-8
 * @max_chars: the most characters to keep, or 0 for all
 * @keep_newlines: whether line breaks stay (a summary) or become spaces
 *   (a title, a window name)
 *
 * What a label, a window title or painted text may show of @text: control
 * characters and bidi embeddings, overrides and isolates are removed, tabs
 * become spaces, bytes that are not UTF-8 become U+FFFD, and past
 * @max_chars characters the text is cut and ends with "…". The work is
 * bounded by @max_chars, not by the length of @text.
 *
 * Returns: (transfer full): the text to show, valid UTF-8
 */
char *
chronicle_text_for_display (const char *text,
                            gsize       max_chars,
                            gboolean    keep_newlines)
{
  const char *p, *end;
  GString *out;
  gsize n = 0;

  if (text == NULL)
    return g_strdup ("");

  /* strnlen: a 10 MB title is not walked past what can be shown. Four
   * bytes per character, plus room to see that more follows. */
  end = text + (max_chars > 0 ? strnlen (text, max_chars * 4 + 4) : strlen (text));
  /* A character split by that bound is not shown as U+FFFD. */
  while (*end != '\0' && end > text && ((guchar) *end & 0xc0) == 0x80)
    end--;
  out = g_string_sized_new (MIN ((gsize) (end - text), max_chars > 0 ? max_chars * 4 : G_MAXSIZE) + 4);

  for (p = text; p < end;)
    {
      const char *next;
      gunichar c;

      if (max_chars > 0 && n == max_chars)
        {
          /* Cut: no blank before the ellipsis. */
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append (out, "…");
          break;
        }

      c = next_char (p, end, &next);
      if (c == (gunichar) -1)
        g_string_append (out, "\xef\xbf\xbd");  /* U+FFFD */
      else if (c == '\r' && next < end && *next == '\n')
        {
          p = next;  /* CR LF is one break */
          continue;
        }
      else if (is_line_break (c))
        g_string_append_c (out, keep_newlines ? '\n' : ' ');
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (is_control (c) || is_bidi_control (c))
        {
          p = next;
          continue;  /* dropped: does not count as shown */
        }
      else
        g_string_append_len (out, p, next - p);

      n++;
      p = next;
    }

  /* Stopped by the byte bound (many dropped controls) rather than by
   * @max_chars: still cut. */
  if (p == end && *end != '\0')
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/**
 * chronicle_text_is_blank:
 * @text: (nullable): a string
 *
 * Whether @text is %NULL, empty, or only white space (Unicode's notion,
 * so a no-break space counts) — text that would show as nothing.
 *
 * Returns: %TRUE for blank text
 */
gboolean
chronicle_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (!g_unichar_isspace (c) && !is_control (c) && !is_bidi_control (c) &&
          c != 0x200b && c != 0xfeff)
        return FALSE;
    }

  return TRUE;
}

/**
 * chronicle_text_isolate:
 * @text: (nullable): text from a file, to be composed into a sentence
 *
 * @text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, so that
 * right-to-left text from a file cannot reorder the translated sentence
 * it is put in. Remove bidi controls from @text first
 * (chronicle_text_for_display() does): an unmatched one inside would still
 * reach past the isolate in some renderers.
 *
 * Returns: (transfer full): the isolated text
 */
char *
chronicle_text_isolate (const char *text)
{
  return g_strconcat ("\xe2\x81\xa8", text != NULL ? text : "", "\xe2\x81\xa9", NULL);
}

/**
 * chronicle_uri_is_web_link:
 * @uri: (nullable): a link from a file
 *
 * Whether @uri may be opened in a browser: an absolute `http` or `https`
 * URI that parses strictly, with a host, and with no white space or
 * control characters, of at most %CHRONICLE_URI_MAX_LENGTH bytes.
 * `http:/etc/passwd` (no host), `https:javascript:…` and a URI with an
 * embedded newline are not.
 *
 * Returns: %TRUE for a web link
 */
gboolean
chronicle_uri_is_web_link (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme, *host;

  if (uri == NULL)
    return FALSE;

  /* Browsers and servers give up on links far shorter than this (most
   * at 8 KB or 2 MB); a longer one is not a link a person meant, and
   * parsing it costs its whole length: a 10 MB one in a timeline held
   * the main thread for a quarter of a second per event shown. */
  for (gsize i = 0; uri[i] != '\0'; i++)
    if ((guchar) uri[i] <= 0x20 || uri[i] == 0x7f || i >= CHRONICLE_URI_MAX_LENGTH)
      return FALSE;

  if (!g_utf8_validate (uri, -1, NULL))
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

/**
 * chronicle_text_dup_sentence:
 * @text: valid UTF-8, such as an error message
 *
 * @text as a sentence of its own: its first letter upper case, when it
 * starts with a word (not with a member's name or path such as
 * "events[0]" or "title:", which stay as the format spells them). Error
 * messages start in lower case, as they follow "error: " or a place in a
 * command's output; a dialog shows them after a sentence.
 *
 * Returns: (transfer full): the text, first letter in title case
 */
char *
chronicle_text_dup_sentence (const char *text)
{
  gunichar first;
  char buffer[7];
  gint length;
  const char *word_end;

  g_return_val_if_fail (text != NULL, NULL);

  first = g_utf8_get_char_validated (text, -1);
  if (first == (gunichar) -1 || first == (gunichar) -2 || !g_unichar_islower (first))
    return g_strdup (text);
  /* A word, not a name from the file's format ("events[0]", "title:"). */
  for (word_end = text; *word_end != '\0' && g_unichar_isalpha (g_utf8_get_char (word_end));
       word_end = g_utf8_next_char (word_end))
    ;
  if (*word_end != ' ')
    return g_strdup (text);
  length = g_unichar_to_utf8 (g_unichar_totitle (first), buffer);
  buffer[length] = '\0';
  return g_strconcat (buffer, g_utf8_next_char (text), NULL);
}

