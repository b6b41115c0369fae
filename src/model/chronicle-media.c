/* chronicle-media.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-media"

#include "config.h"

#include "chronicle-media.h"
#include "chronicle-kept-private.h"

/* A picture, video or page shown with an event (TimelineJS's "media"):
 * a link with what is said under it. Immutable after construction. The
 * url is kept as written, web link or not: only web links are opened
 * (chronicle_uri_is_web_link()). */
struct _ChronicleMedia
{
  GObject  parent_instance;

  char    *url;
  char    *caption;    /* what it shows, or NULL */
  char    *credit;     /* who made it ("Reuters/Jane Doe"), or NULL */
  char    *thumbnail;  /* a small picture's url, or NULL */
  char    *alt;        /* a text for those who cannot see it, or NULL */
};

G_DEFINE_FINAL_TYPE (ChronicleMedia, chronicle_media, G_TYPE_OBJECT)

static void
chronicle_media_finalize (GObject *object)
{
  ChronicleMedia *self = (ChronicleMedia *) object;

  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->credit, g_free);
  g_clear_pointer (&self->thumbnail, g_free);
  g_clear_pointer (&self->alt, g_free);

  G_OBJECT_CLASS (chronicle_media_parent_class)->finalize (object);
}

static void
chronicle_media_class_init (ChronicleMediaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_media_finalize;
}

static void
chronicle_media_init (ChronicleMedia *self)
{
}

/**
 * chronicle_media_new:
 * @url: where the medium is
 * @caption: (nullable): what it shows
 * @credit: (nullable): who made it
 * @thumbnail: (nullable): a small picture's url
 * @alt: (nullable): a text in place of the picture
 *
 * Returns: (transfer full): a new medium
 */
ChronicleMedia *
chronicle_media_new (const char *url,
                     const char *caption,
                     const char *credit,
                     const char *thumbnail,
                     const char *alt)
{
  ChronicleMedia *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_MEDIA, NULL);
  self->url = g_strdup (url);
  self->caption = g_strdup (caption);
  self->credit = g_strdup (credit);
  self->thumbnail = g_strdup (thumbnail);
  self->alt = g_strdup (alt);

  return self;
}

const char *
chronicle_media_get_url (ChronicleMedia *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MEDIA (self), NULL);

  return self->url;
}

const char *
chronicle_media_get_caption (ChronicleMedia *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MEDIA (self), NULL);

  return self->caption;
}

const char *
chronicle_media_get_credit (ChronicleMedia *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MEDIA (self), NULL);

  return self->credit;
}

const char *
chronicle_media_get_thumbnail (ChronicleMedia *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MEDIA (self), NULL);

  return self->thumbnail;
}

const char *
chronicle_media_get_alt (ChronicleMedia *self)
{
  g_return_val_if_fail (CHRONICLE_IS_MEDIA (self), NULL);

  return self->alt;
}

/* Returns: (transfer full): a new medium with the same fields, and what
 * its file had beyond them (chronicle-kept-private.h) */
ChronicleMedia *
chronicle_media_copy (ChronicleMedia *self)
{
  ChronicleMedia *copy;

  g_return_val_if_fail (CHRONICLE_IS_MEDIA (self), NULL);

  copy = chronicle_media_new (self->url, self->caption, self->credit, self->thumbnail, self->alt);
  chronicle_kept_set (copy, chronicle_kept_get (self));
  return copy;
}

/* Returns: %TRUE when every field of @a and @b is the same */
gboolean
chronicle_media_equal (ChronicleMedia *a,
                       ChronicleMedia *b)
{
  g_return_val_if_fail (CHRONICLE_IS_MEDIA (a), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_MEDIA (b), FALSE);

  return g_strcmp0 (a->url, b->url) == 0 &&
         g_strcmp0 (a->caption, b->caption) == 0 &&
         g_strcmp0 (a->credit, b->credit) == 0 &&
         g_strcmp0 (a->thumbnail, b->thumbnail) == 0 &&
         g_strcmp0 (a->alt, b->alt) == 0;
}
