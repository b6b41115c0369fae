/* chronicle-quote.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-quote"

#include "config.h"

#include "chronicle-quote.h"
#include "chronicle-kept-private.h"

/* What someone said about an event. Immutable after construction. */
struct _ChronicleQuote
{
  GObject        parent_instance;

  char          *text;
  char          *speaker;    /* NULL when unattributed */
  char          *role;       /* "Foreign Minister of Ukraine", or NULL */
  char          *source_id;  /* a ChronicleSource id, or NULL */
  ChronicleDate *date;       /* NULL when said at the event's own date */
};

G_DEFINE_FINAL_TYPE (ChronicleQuote, chronicle_quote, G_TYPE_OBJECT)

static void
chronicle_quote_finalize (GObject *object)
{
  ChronicleQuote *self = (ChronicleQuote *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->speaker, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->date, chronicle_date_free);

  G_OBJECT_CLASS (chronicle_quote_parent_class)->finalize (object);
}

static void
chronicle_quote_class_init (ChronicleQuoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_quote_finalize;
}

static void
chronicle_quote_init (ChronicleQuote *self)
{
}

/**
 * chronicle_quote_new:
 * @text: what was said
 * @speaker: (nullable): who said it
 * @role: (nullable): the speaker's role at the time
 * @source_id: (nullable): the id of the ChronicleSource it was reported in
 * @date: (nullable): when it was said
 *
 * Returns: (transfer full): a new quote holding copies of the arguments
 */
ChronicleQuote *
chronicle_quote_new (const char          *text,
                     const char          *speaker,
                     const char          *role,
                     const char          *source_id,
                     const ChronicleDate *date)
{
  ChronicleQuote *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_QUOTE, NULL);
  self->text = g_strdup (text);
  self->speaker = g_strdup (speaker);
  self->role = g_strdup (role);
  self->source_id = g_strdup (source_id);
  self->date = date ? chronicle_date_copy (date) : NULL;

  return self;
}

const char *
chronicle_quote_get_text (ChronicleQuote *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUOTE (self), NULL);

  return self->text;
}

const char *
chronicle_quote_get_speaker (ChronicleQuote *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUOTE (self), NULL);

  return self->speaker;
}

const char *
chronicle_quote_get_role (ChronicleQuote *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUOTE (self), NULL);

  return self->role;
}

const char *
chronicle_quote_get_source_id (ChronicleQuote *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUOTE (self), NULL);

  return self->source_id;
}

const ChronicleDate *
chronicle_quote_get_date (ChronicleQuote *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUOTE (self), NULL);

  return self->date;
}

/* Returns: (transfer full): a new quote with the same fields, and what
 * its file had beyond them */
ChronicleQuote *
chronicle_quote_copy (ChronicleQuote *self)
{
  ChronicleQuote *copy;

  g_return_val_if_fail (CHRONICLE_IS_QUOTE (self), NULL);

  copy = chronicle_quote_new (self->text, self->speaker, self->role, self->source_id, self->date);
  chronicle_kept_set (copy, chronicle_kept_get (self));
  return copy;
}

/* Returns: %TRUE when every field of @a and @b is the same */
gboolean
chronicle_quote_equal (ChronicleQuote *a,
                       ChronicleQuote *b)
{
  g_return_val_if_fail (CHRONICLE_IS_QUOTE (a), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_QUOTE (b), FALSE);

  return g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->speaker, b->speaker) == 0 &&
         g_strcmp0 (a->role, b->role) == 0 &&
         g_strcmp0 (a->source_id, b->source_id) == 0 &&
         chronicle_date_equal (a->date, b->date);
}
