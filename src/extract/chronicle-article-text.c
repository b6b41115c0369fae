/* chronicle-article-text.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-article-text"

#include "config.h"

#include <pango/pango.h>
#include <string.h>

#include "chronicle-article-text-private.h"

/* Words that keep their full stop ("Mr.", "Inc."), so that the stop neither
 * ends a name nor looks like punctuation to the rules. */
static const char * const abbreviations[] = {
  "mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "corp", "co", "ltd", "gen",
  "sen", "rep", "gov", "lt", "col", "capt", "prof", "no", "asst", "vs", "jan",
  "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  NULL
};

static gboolean
is_quote_mark (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 ||
         c == 0x2019 || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_abbreviation (const char *lower)
{
  for (guint i = 0; abbreviations[i] != NULL; i++)
    if (strcmp (lower, abbreviations[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Ends the word that starts at @p: letters and digits, apostrophes between
 * letters ("they've", "O'Leary"), but not a possessive "'s". */
static const char *
scan_word (const char *p,
           const char *end)
{
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (g_unichar_isalnum (c) || g_unichar_ismark (c))
        {
          p = next;
          continue;
        }
      if (is_apostrophe (c) && next < end && g_unichar_isalpha (g_utf8_get_char (next)))
        {
          const char *after = g_utf8_next_char (next);
          gunichar s = g_utf8_get_char (next);
          gboolean possessive = (s == 's' || s == 'S') &&
                                (after >= end || !g_unichar_isalpha (g_utf8_get_char (after)));
          if (possessive)
            break;
          p = next;
          continue;
        }
      break;
    }
  return p;
}

static const char *
scan_number (const char *p,
             const char *end)
{
  while (p < end)
    {
      char c = *p;
      if (g_ascii_isdigit (c))
        p++;
      else if ((c == ',' || c == '.' || c == ':') && p + 1 < end && g_ascii_isdigit (p[1]))
        p++;
      else
        break;
    }
  /* Ordinal and plural endings stay on the number: "2nd", "16th", "1990s". */
  if (p + 2 <= end && (g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0 ||
                       g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0) &&
      (p + 2 == end || !g_ascii_isalnum (p[2])))
    p += 2;
  else if (p < end && *p == 's' && (p + 1 == end || !g_ascii_isalnum (p[1])))
    p++;
  return p;
}

static void
add_token (ChronicleArticleText *self,
           const char           *start,
           const char           *end,
           ChronicleTokenKind    kind,
           gboolean              space_before)
{
  ChronicleToken token = { 0, };
  g_autofree char *lower = g_utf8_strdown (start, end - start);

  token.start = start - self->text;
  token.end = end - self->text;
  token.kind = kind;
  token.lower = g_string_chunk_insert_const (self->strings, lower);
  token.capitalised = g_unichar_isupper (g_utf8_get_char (start));
  token.space_before = space_before;
  g_array_append_val (self->tokens, token);
}

static void
tokenize (ChronicleArticleText *self)
{
  const char *p = self->text;
  const char *end = self->text + self->length;
  gboolean space = TRUE;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          p = next;
          continue;
        }
      if ((g_ascii_strncasecmp (p, "a.m.", 4) == 0 || g_ascii_strncasecmp (p, "p.m.", 4) == 0) &&
          (p + 4 >= end || !g_ascii_isalnum (p[4])))
        next = p + 4;
      else if (g_ascii_isdigit (c))
        {
          next = scan_number (p, end);
          add_token (self, p, next, CHRONICLE_TOKEN_NUMBER, space);
          p = next;
          space = FALSE;
          continue;
        }
      else if (g_unichar_isalpha (c))
        {
          next = scan_word (p, end);
          if (next < end && *next == '.')
            {
              g_autofree char *lower = g_utf8_strdown (p, next - p);
              if (g_utf8_strlen (lower, -1) == 1 || is_abbreviation (lower))
                next++;
              /* "U.S.", "a.m." */
              while (g_utf8_strlen (lower, -1) == 1 && next + 1 < end && g_ascii_isalpha (next[0]) &&
                     next[1] == '.')
                next += 2;
            }
          /* "Detik.com", "thewest.com.au": a domain is one word */
          while (next + 1 < end && *next == '.' && g_ascii_islower (next[1]) && next - p >= 2)
            next = scan_word (next + 1, end);
        }
      else if (is_apostrophe (c) && !space && next + 1 <= end && (*next == 's' || *next == 'S') &&
               (next + 1 == end || !g_ascii_isalnum (next[1])))
        {
          add_token (self, p, next + 1, CHRONICLE_TOKEN_POSS, FALSE);
          p = next + 1;
          space = FALSE;
          continue;
        }
      else if (is_quote_mark (c))
        {
          add_token (self, p, next, CHRONICLE_TOKEN_QUOTE, space);
          p = next;
          space = FALSE;
          continue;
        }
      else
        {
          add_token (self, p, next, CHRONICLE_TOKEN_PUNCT, space);
          p = next;
          space = FALSE;
          continue;
        }

      add_token (self, p, next, CHRONICLE_TOKEN_WORD, space);
      p = next;
      space = FALSE;
    }
}

/* "Michael R. Golden", "Apple Inc. CEO": the breaker ends a sentence after
 * the stop of an initial or an abbreviation that tokenize() kept on its word;
 * those stops end no sentence here. */
static gboolean
after_abbreviation (ChronicleArticleText *self,
                    gsize                 offset)
{
  const char *p = self->text + offset;
  guint end;
  guint lo = 0;
  guint hi = self->tokens->len;
  const ChronicleToken *t;

  while (p > self->text && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  if (p == self->text || p[-1] != '.')
    return FALSE;

  /* The token that ends at @end, by bisection on the end offsets. */
  end = p - self->text;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->tokens, ChronicleToken, mid).end < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo >= self->tokens->len)
    return FALSE;
  t = &g_array_index (self->tokens, ChronicleToken, lo);
  return t->end == end && t->kind == CHRONICLE_TOKEN_WORD && t->capitalised;
}

/* Sentences from Pango's Unicode (UAX #29) breaker, plus a break at every
 * line end: a title, a byline or a dateline ends without a full stop. */
static void
split_sentences (ChronicleArticleText *self)
{
  glong n_chars = g_utf8_strlen (self->text, self->length);
  g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
  g_autofree guint *starts = NULL;
  const char *p = self->text;
  guint n_starts = 0;
  guint token = 0;
  guint paragraph = 0;
  guint last_line_end = 0;

  pango_get_log_attrs (self->text, self->length, -1, pango_language_from_string ("en"),
                       attrs, n_chars + 1);

  starts = g_new (guint, n_chars + 2);
  for (glong i = 0; i <= n_chars; i++)
    {
      gsize offset = p - self->text;
      if (i > 0 && p[-1] == '\n')
        starts[n_starts++] = offset;
      else if (attrs[i].is_sentence_start && !after_abbreviation (self, offset))
        starts[n_starts++] = offset;
      if (i < n_chars)
        p = g_utf8_next_char (p);
    }
  starts[n_starts++] = self->length;

  for (guint s = 0; s + 1 < n_starts; s++)
    {
      ChronicleSpan span = { starts[s], starts[s + 1], token, 0 };

      while (token < self->tokens->len &&
             g_array_index (self->tokens, ChronicleToken, token).start < span.end)
        {
          ChronicleToken *t = &g_array_index (self->tokens, ChronicleToken, token);
          const char *gap;

          /* A blank line starts a paragraph. */
          for (gap = self->text + last_line_end; gap < self->text + t->start; gap++)
            if (*gap == '\n' && memchr (gap + 1, '\n', self->text + t->start - gap - 1) != NULL)
              {
                paragraph++;
                break;
              }
          last_line_end = t->end;
          t->sentence = self->sentences->len;
          t->paragraph = paragraph;
          t->sentence_start = token == span.first_token;
          token++;
        }
      span.n_tokens = token - span.first_token;
      if (span.n_tokens > 0)
        g_array_append_val (self->sentences, span);
    }
}

ChronicleArticleText *
chronicle_article_text_new (const char *text,
                            gssize      length)
{
  ChronicleArticleText *self = g_new0 (ChronicleArticleText, 1);

  if (length < 0)
    length = strlen (text);
  length = MIN ((gsize) length, CHRONICLE_ARTICLE_MAX_BYTES);
  /* Cut at a character boundary; the caller validated the UTF-8. */
  while (length > 0 && (text[length] & 0xC0) == 0x80)
    length--;

  self->text = g_strndup (text, length);
  self->length = length;
  self->tokens = g_array_new (FALSE, FALSE, sizeof (ChronicleToken));
  self->sentences = g_array_new (FALSE, FALSE, sizeof (ChronicleSpan));
  self->strings = g_string_chunk_new (4096);
  tokenize (self);
  split_sentences (self);
  return self;
}

void
chronicle_article_text_free (ChronicleArticleText *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_array_unref (self->tokens);
  g_array_unref (self->sentences);
  g_string_chunk_free (self->strings);
  g_free (self);
}

gboolean
chronicle_article_text_token_is (const ChronicleArticleText *self,
                                 guint                       i,
                                 const char                 *lower)
{
  return i < self->tokens->len && strcmp (chronicle_article_text_token (self, i)->lower, lower) == 0;
}

/* Whether @lower is one of the words of the NULL-ended @list: the word
 * lists of the tagger, the quote finder and the extractor. */
gboolean
chronicle_word_in_list (const char * const *list,
                        const char         *lower)
{
  for (guint k = 0; list[k] != NULL; k++)
    if (strcmp (list[k], lower) == 0)
      return TRUE;
  return FALSE;
}
