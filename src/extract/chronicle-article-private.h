/* chronicle-article-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-article.h"

G_BEGIN_DECLS

/* What the HTML reader finds in a page; every field may be NULL. */
typedef struct
{
  char *text;       /* the body: paragraphs separated by blank lines */
  char *title;
  char *byline;
  char *publisher;
  char *url;
  char *published;  /* as the page wrote it: "2025-05-16T08:12:00Z" */
} ChronicleHtmlArticle;

void     chronicle_html_article_clear (ChronicleHtmlArticle *page);
gboolean chronicle_html_article_parse (const char           *data,
                                       gsize                 length,
                                       ChronicleHtmlArticle *page,
                                       GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChronicleHtmlArticle, chronicle_html_article_clear)

G_END_DECLS
