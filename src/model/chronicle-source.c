/* chronicle-source.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-source"

#include "config.h"

#include "chronicle-source.h"

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
};

G_DEFINE_FINAL_TYPE (ChronicleSource, chronicle_source, G_TYPE_OBJECT)

static void
chronicle_source_finalize (GObject *object)
{
  ChronicleSource *self = (ChronicleSource *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published, chronicle_date_free);

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
