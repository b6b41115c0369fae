/* chronicle-article.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-date.h"

G_BEGIN_DECLS

#define CHRONICLE_ARTICLE_ERROR (chronicle_article_error_quark ())

typedef enum
{
  CHRONICLE_ARTICLE_ERROR_TOO_LARGE,
  CHRONICLE_ARTICLE_ERROR_NOT_TEXT,
  CHRONICLE_ARTICLE_ERROR_EMPTY,
  CHRONICLE_ARTICLE_ERROR_NO_DATE,
} ChronicleArticleError;

/* The largest article file read: a saved news page with its scripts is a
 * few megabytes. */
#define CHRONICLE_ARTICLE_MAX_FILE (16 * 1024 * 1024)

#define CHRONICLE_TYPE_ARTICLE (chronicle_article_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleArticle, chronicle_article, CHRONICLE, ARTICLE, GObject)

GQuark               chronicle_article_error_quark   (void);

ChronicleArticle    *chronicle_article_new_from_data (const char          *data,
                                                      gsize                length,
                                                      const char          *name,
                                                      GError             **error);
ChronicleArticle    *chronicle_article_new_from_file (GFile               *file,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

const char          *chronicle_article_get_text      (ChronicleArticle    *self);
const char          *chronicle_article_get_title     (ChronicleArticle    *self);
const char          *chronicle_article_get_byline    (ChronicleArticle    *self);
const char          *chronicle_article_get_publisher (ChronicleArticle    *self);
const char          *chronicle_article_get_url       (ChronicleArticle    *self);
const ChronicleDate *chronicle_article_get_published (ChronicleArticle    *self);
void                 chronicle_article_set_published (ChronicleArticle    *self,
                                                      const ChronicleDate *published);

G_END_DECLS
