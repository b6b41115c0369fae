/* chronicle-quote-finder-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-article-text-private.h"

G_BEGIN_DECLS

/* A direct quotation found in an article. Offsets are bytes; the span is the
 * words inside the marks (a quote running over paragraphs is one quote). */
typedef struct
{
  guint  start;
  guint  end;
  guint  first_token;
  guint  last_token;     /* inclusive; the tokens inside the marks */
  char  *speaker;        /* full name, or NULL when the text never names one */
  char  *role;           /* "US Secretary of State", or NULL */
  guint  cue_start;      /* the speech verb, or 0 = 0 when none */
  guint  cue_end;
} ChronicleFoundQuote;

/* A person or organisation the article names outside quotes, with the
 * longest form of the name it gives. */
typedef struct
{
  guint     first_token;  /* the words of the name (no role), inclusive */
  guint     last_token;
  char     *name;
  gboolean  person;
} ChronicleNameMention;

void       chronicle_found_quote_free   (ChronicleFoundQuote  *quote);
void       chronicle_name_mention_free  (ChronicleNameMention *mention);

GPtrArray *chronicle_quote_finder_find  (ChronicleArticleText *text);
GPtrArray *chronicle_quote_finder_find_with_names (ChronicleArticleText  *text,
                                                   GPtrArray            **names);
GArray    *chronicle_quote_finder_spans (GPtrArray            *quotes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleFoundQuote, chronicle_found_quote_free)

G_END_DECLS
