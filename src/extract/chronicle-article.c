/* chronicle-article.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-article"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "chronicle-article-private.h"
#include "chronicle-article-text-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timex-private.h"

/* An article to extract from: its text and what is known about it. Plain
 * text gives its headline (the first line that reads like one) and maybe a
 * date line ("March 01, 2008"); an HTML page gives more (see
 * chronicle-article-html.c). The publication date may come from the user. */
struct _ChronicleArticle
{
  GObject        parent_instance;

  char          *text;
  char          *title;
  char          *byline;
  char          *publisher;
  char          *url;
  ChronicleDate *published;
};

G_DEFINE_FINAL_TYPE (ChronicleArticle, chronicle_article, G_TYPE_OBJECT)

G_DEFINE_QUARK (chronicle-article-error-quark, chronicle_article_error)

/* How many lines at the top of a text may hold its headline or date line. */
#define HEAD_LINES 8

static gboolean
looks_like_html (const char *data,
                 gsize       length,
                 const char *name)
{
  gsize i = 0;

  if (name != NULL && (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm") ||
                       g_str_has_suffix (name, ".HTML") || g_str_has_suffix (name, ".xhtml")))
    return TRUE;
  /* a byte-order mark, then white space, then "<" */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && data[i] == '<';
}

/* "2025-05-16T08:12:00Z" or "2025-05-16": the day. */
static ChronicleDate *
parse_day (const char *text)
{
  ChronicleDate date;
  g_autofree char *day = NULL;

  if (text == NULL)
    return NULL;
  while (g_ascii_isspace (*text))
    text++;
  day = g_strndup (text, 10);
  if (strlen (day) != 10 || !chronicle_date_parse (day, &date, NULL))
    return NULL;
  return chronicle_date_copy (&date);
}

/* A line that is a whole date with its year ("March 01, 2008"): the date
 * line of a wire or wiki article. */
static ChronicleDate *
parse_date_line (const char *line)
{
  g_autoptr(ChronicleArticleText) text = chronicle_article_text_new (line, -1);
  g_autoptr(GPtrArray) found = NULL;
  ChronicleTimex *x;
  ChronicleDate date;
  GDate any;

  if (strlen (line) > 40)
    return NULL;
  g_date_clear (&any, 1);
  g_date_set_dmy (&any, 1, 1, 2000);
  found = chronicle_timex_tag (text, &any, NULL);
  if (found->len != 1)
    return NULL;
  x = g_ptr_array_index (found, 0);
  /* the whole line, with a year written in it */
  if (x->grain != CHRONICLE_TIMEX_GRAIN_DAY || x->end - x->start + 2 < strlen (g_strstrip (text->text)) ||
      (x->year == 2000 && strstr (line, "2000") == NULL))
    return NULL;
  if (!chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_DAY, x->year, x->month, x->day, 0, 0, 0, NULL))
    return NULL;
  return chronicle_date_copy (&date);
}

/* The headline: the first of the top lines with three words or more that
 * does not end like a sentence; the date line, if one. */
static void
read_plain_head (ChronicleArticle *self)
{
  g_auto(GStrv) lines = g_strsplit (self->text, "\n", HEAD_LINES + 1);

  for (guint i = 0; lines[i] != NULL && i < HEAD_LINES; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize length = strlen (line);
      g_auto(GStrv) words = NULL;

      if (length == 0)
        continue;
      if (self->published == NULL && (self->published = parse_date_line (line)) != NULL)
        continue;
      words = g_strsplit (line, " ", 0);
      if (self->title == NULL && g_strv_length (words) >= 3 && length <= CHRONICLE_TEXT_MAX_TITLE &&
          strchr (".!?:", line[length - 1]) == NULL)
        self->title = g_strdup (line);
    }
}

static void
chronicle_article_finalize (GObject *object)
{
  ChronicleArticle *self = CHRONICLE_ARTICLE (object);

  g_free (self->text);
  g_free (self->title);
  g_free (self->byline);
  g_free (self->publisher);
  g_free (self->url);
  g_clear_pointer (&self->published, chronicle_date_free);

  G_OBJECT_CLASS (chronicle_article_parent_class)->finalize (object);
}

static void
chronicle_article_class_init (ChronicleArticleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chronicle_article_finalize;
}

static void
chronicle_article_init (ChronicleArticle *self)
{
}

/**
 * chronicle_article_new_from_data:
 * @data: the file's bytes
 * @length: their length
 * @name: (nullable): the file name, for its extension
 * @error: a %CHRONICLE_ARTICLE_ERROR
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
ChronicleArticle *
chronicle_article_new_from_data (const char  *data,
                                 gsize        length,
                                 const char  *name,
                                 GError     **error)
{
  g_autoptr(ChronicleArticle) self = g_object_new (CHRONICLE_TYPE_ARTICLE, NULL);
  const char *invalid = NULL;

  if (length > CHRONICLE_ARTICLE_MAX_FILE)
    {
      g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_TOO_LARGE,
                   _("the article is larger than %d MB"), CHRONICLE_ARTICLE_MAX_FILE / (1024 * 1024));
      return NULL;
    }

  if (looks_like_html (data, length, name))
    {
      g_auto(ChronicleHtmlArticle) page = { 0, };

      if (!chronicle_html_article_parse (data, length, &page, error))
        return NULL;
      self->text = g_steal_pointer (&page.text);
      self->title = g_steal_pointer (&page.title);
      self->byline = g_steal_pointer (&page.byline);
      self->publisher = g_steal_pointer (&page.publisher);
      if (page.url != NULL && chronicle_uri_is_web_link (page.url))
        self->url = g_steal_pointer (&page.url);
      self->published = parse_day (page.published);
      if (self->published == NULL && self->text != NULL)
        read_plain_head (self);   /* a date line in the body */
    }
  else
    {
      if (!g_utf8_validate_len (data, length, &invalid))
        {
          /* Formatted first: xgettext ends a message at a macro such as
           * G_GSIZE_FORMAT, so translators would get half of it. */
          g_autofree char *offset = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) (invalid - data));

          g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_NOT_TEXT,
                       /* Translators: %s is a byte offset into the file, a number */
                       _("not UTF-8 text (invalid byte at offset %s)"), offset);
          return NULL;
        }
      if (memchr (data, '\0', length) != NULL)
        {
          g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_NOT_TEXT,
                       _("not text (it holds a NUL byte)"));
          return NULL;
        }
      self->text = g_strndup (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? data + 3 : data,
                              length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? length - 3 : length);
      read_plain_head (self);
    }

  if (self->text == NULL || chronicle_text_is_blank (self->text))
    {
      g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_EMPTY,
                   _("no article text found"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * chronicle_article_new_from_file:
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
ChronicleArticle *
chronicle_article_new_from_file (GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > CHRONICLE_ARTICLE_MAX_FILE)
    {
      g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_TOO_LARGE,
                   _("the article is larger than %d MB"), CHRONICLE_ARTICLE_MAX_FILE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  return chronicle_article_new_from_data (data, length, name, error);
}

const char *
chronicle_article_get_text (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);
  return self->text;
}

const char *
chronicle_article_get_title (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);
  return self->title;
}

const char *
chronicle_article_get_byline (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);
  return self->byline;
}

const char *
chronicle_article_get_publisher (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);
  return self->publisher;
}

const char *
chronicle_article_get_url (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);
  return self->url;
}

/**
 * chronicle_article_get_published:
 *
 * Returns: (nullable): the publication date, from the article or the user
 */
const ChronicleDate *
chronicle_article_get_published (ChronicleArticle *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (self), NULL);
  return self->published;
}

void
chronicle_article_set_published (ChronicleArticle    *self,
                                 const ChronicleDate *published)
{
  g_return_if_fail (CHRONICLE_IS_ARTICLE (self));
  g_clear_pointer (&self->published, chronicle_date_free);
  if (published != NULL)
    self->published = chronicle_date_copy (published);
}
