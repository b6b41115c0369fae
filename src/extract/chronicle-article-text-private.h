/* chronicle-article-text-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An article's text cut into tokens, sentences and paragraphs: what the time
 * tagger and the quote finder walk. Offsets are bytes into the text. */

typedef enum
{
  CHRONICLE_TOKEN_WORD,    /* letters, maybe digits, inner apostrophes */
  CHRONICLE_TOKEN_NUMBER,  /* digits, maybe "1,500", "9.3", "08:30" */
  CHRONICLE_TOKEN_POSS,    /* the possessive 's after a word */
  CHRONICLE_TOKEN_QUOTE,   /* a quotation mark */
  CHRONICLE_TOKEN_PUNCT,   /* anything else */
} ChronicleTokenKind;

typedef struct
{
  guint              start;
  guint              end;
  ChronicleTokenKind kind;
  const char        *lower;          /* lower-cased text, owned by the text */
  guint              sentence;       /* index into sentences */
  guint              paragraph;
  guint              capitalised : 1;
  guint              space_before : 1;
  guint              sentence_start : 1;
  guint              in_quote : 1;   /* set by the quote finder */
} ChronicleToken;

typedef struct
{
  guint start;       /* bytes */
  guint end;
  guint first_token;
  guint n_tokens;
} ChronicleSpan;

typedef struct
{
  char         *text;
  gsize         length;
  GArray       *tokens;        /* ChronicleToken */
  GArray       *sentences;     /* ChronicleSpan */
  GStringChunk *strings;
} ChronicleArticleText;

/* The longest text the extractor reads: a long feature is ~100 kB. */
#define CHRONICLE_ARTICLE_MAX_BYTES (4 * 1024 * 1024)

ChronicleArticleText *chronicle_article_text_new       (const char            *text,
                                                        gssize                 length);
void                  chronicle_article_text_free      (ChronicleArticleText  *self);

static inline const ChronicleToken *
chronicle_article_text_token (const ChronicleArticleText *self,
                              guint                       i)
{
  return &g_array_index (self->tokens, ChronicleToken, i);
}

/* The token at @i, or NULL past the last one. */
static inline const ChronicleToken *
chronicle_article_text_token_at (const ChronicleArticleText *self,
                                 guint                       i)
{
  return i < self->tokens->len ? chronicle_article_text_token (self, i) : NULL;
}

gboolean              chronicle_word_in_list           (const char * const         *list,
                                                        const char                 *lower);
gboolean              chronicle_article_text_token_is  (const ChronicleArticleText *self,
                                                        guint                       i,
                                                        const char                 *lower);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleArticleText, chronicle_article_text_free)

G_END_DECLS
