/* chronicle-source.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-source"

#include "config.h"

#include "chronicle-source.h"
#include "chronicle-text-private.h"

/* Where a quote or event comes from: an article, a transcript, a post.
 * Immutable after construction. */
struct _ChronicleSource
{
  GObject        parent_instance;

  char          *id;
  char          *publisher;
  char          *title;
  char          *url;
  ChronicleDate *published;  /* NULL when unknown */

  /* what a reader sees the source called, see chronicle_source_get_name() */
  const char    *name;       /* borrowed from the fields above, or host */
  char          *host;       /* owned, when the name is the link's host */
  ChronicleSourceNameKind name_kind;
};

G_DEFINE_FINAL_TYPE (ChronicleSource, chronicle_source, G_TYPE_OBJECT)

/* The host of a link with one ("https://www.reuters.com/world/..." gives
 * "www.reuters.com"), or NULL. */
static char *
dup_link_host (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  host = g_uri_get_host (uri);
  if (host == NULL || chronicle_text_is_blank (host))
    return NULL;

  return g_strdup (host);
}

/* A source is named by its publisher; a file that gives none is better
 * read by the article's title or the site it is on than by "src-1", the
 * id that only links events to it. */
static void
choose_name (ChronicleSource *self)
{
  if (self->publisher != NULL && !chronicle_text_is_blank (self->publisher))
    {
      self->name = self->publisher;
      self->name_kind = CHRONICLE_SOURCE_NAME_PUBLISHER;
    }
  else if (self->title != NULL && !chronicle_text_is_blank (self->title))
    {
      self->name = self->title;
      self->name_kind = CHRONICLE_SOURCE_NAME_TITLE;
    }
  else if ((self->host = dup_link_host (self->url)) != NULL)
    {
      self->name = self->host;
      self->name_kind = CHRONICLE_SOURCE_NAME_HOST;
    }
  else
    {
      self->name = self->id;
      self->name_kind = CHRONICLE_SOURCE_NAME_ID;
    }
}

static void
chronicle_source_finalize (GObject *object)
{
  ChronicleSource *self = (ChronicleSource *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published, chronicle_date_free);
  g_clear_pointer (&self->host, g_free);

  G_OBJECT_CLASS (chronicle_source_parent_class)->finalize (object);
}

static void
chronicle_source_class_init (ChronicleSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_source_finalize;
}

static void
chronicle_source_init (ChronicleSource *self)
{
}

/**
 * chronicle_source_new:
 * @id: the id events and quotes refer to
 * @publisher: (nullable): "Reuters"
 * @title: (nullable): the article's headline
 * @url: (nullable): where to read it
 * @published: (nullable): when it was published
 *
 * Returns: (transfer full): a new source holding copies of the arguments
 */
ChronicleSource *
chronicle_source_new (const char          *id,
                      const char          *publisher,
                      const char          *title,
                      const char          *url,
                      const ChronicleDate *published)
{
  ChronicleSource *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_SOURCE, NULL);
  self->id = g_strdup (id);
  self->publisher = g_strdup (publisher);
  self->title = g_strdup (title);
  self->url = g_strdup (url);
  self->published = published ? chronicle_date_copy (published) : NULL;
  choose_name (self);

  return self;
}

const char *
chronicle_source_get_id (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->id;
}

const char *
chronicle_source_get_publisher (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->publisher;
}

const char *
chronicle_source_get_title (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->title;
}

const char *
chronicle_source_get_url (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->url;
}

const ChronicleDate *
chronicle_source_get_published (ChronicleSource *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  return self->published;
}

/**
 * chronicle_source_get_name:
 * @self: a source
 * @kind: (out) (optional): what the name is
 *
 * What to call the source where it is shown (the sidebar, a story card,
 * an export's credit line): its publisher, else its title, else its
 * link's host, else (as a last resort) its id. Never blank.
 *
 * Returns: (transfer none): the name, as written in the file (clean it
 *   for display)
 */
const char *
chronicle_source_get_name (ChronicleSource         *self,
                           ChronicleSourceNameKind *kind)
{
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (self), NULL);

  if (kind != NULL)
    *kind = self->name_kind;
  return self->name;
}
