/* chronicle-event.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-event"

#include "config.h"

#include "chronicle-event.h"
#include "chronicle-kept-private.h"
#include "chronicle-media.h"
#include "chronicle-quote.h"
#include "chronicle-text-private.h"
#include "chronicle-util-private.h"

#include <string.h>

struct _ChronicleEvent
{
  GObject        parent_instance;

  char          *id;
  char          *title;
  char          *summary;      /* NULL when none */
  char          *category_id;  /* NULL when none */
  char          *location;     /* NULL when none */
  char          *display_date; /* free text shown for the date ("c. 1600"), NULL when none */
  GStrv          actors;       /* NULL-terminated, never NULL */
  GStrv          source_ids;   /* NULL-terminated, never NULL */
  GPtrArray     *quotes;       /* of ChronicleQuote */
  GPtrArray     *media;        /* of ChronicleMedia, NULL when none (most events) */

  ChronicleDate  date;
  ChronicleDate  end;
  gboolean       has_end;
  gboolean       approximate;

  /* Where an event proposed from an article stands in it: characters of
   * the article's text, [evidence_start, evidence_end). Only the draft's
   * own objects carry it; the timeline's store does not. */
  gboolean       has_evidence;
  guint          evidence_start;
  guint          evidence_end;

  /* Position in the source file: events at the same time keep the order
   * the extraction pipeline wrote them in, which is usually narrative order. */
  guint          sequence;

  /* Cached axis position in Unix seconds, [start_time, end_time): the
   * timeline sorts and searches on these. */
  gint64         start_time;
  gint64         end_time;
};

G_DEFINE_FINAL_TYPE (ChronicleEvent, chronicle_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_times (ChronicleEvent *self)
{
  self->start_time = chronicle_date_get_start (&self->date);
  self->end_time = chronicle_date_get_end (&self->date);

  /* An end before the start is refused by the loader; should one slip
   * through, the event still covers at least its own date, so that
   * end_time > start_time always holds for the timeline's indexes. */
  if (self->has_end)
    self->end_time = MAX (self->end_time, chronicle_date_get_end (&self->end));
}

static void
chronicle_event_finalize (GObject *object)
{
  ChronicleEvent *self = (ChronicleEvent *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->category_id, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->display_date, g_free);
  g_clear_pointer (&self->actors, g_strfreev);
  g_clear_pointer (&self->source_ids, g_strfreev);
  g_clear_pointer (&self->quotes, g_ptr_array_unref);
  g_clear_pointer (&self->media, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_event_parent_class)->finalize (object);
}

static void
chronicle_event_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChronicleEvent *self = CHRONICLE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, chronicle_event_get_id (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, chronicle_event_get_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, chronicle_event_get_summary (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_event_class_init (ChronicleEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_event_finalize;
  object_class->get_property = chronicle_event_get_property;

  /* Read-only, for GtkExpression-based lists and search: G_PARAM_EXPLICIT_NOTIFY
   * would change nothing, as only g_object_set() notifies on its own. The
   * setters notify themselves, and only on a real change (they change only
   * an editor's copy: an event in a timeline never changes). */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_event_init (ChronicleEvent *self)
{
  self->actors = g_new0 (char *, 1);
  self->source_ids = g_new0 (char *, 1);
  self->quotes = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * chronicle_event_new:
 * @id: a unique id
 * @date: when it happened, at its precision
 * @title: a one-line headline
 *
 * Returns: (transfer full): a new event
 */
ChronicleEvent *
chronicle_event_new (const char          *id,
                     const ChronicleDate *date,
                     const char          *title)
{
  ChronicleEvent *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_EVENT, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->date = *date;
  update_times (self);

  return self;
}


/**
 * chronicle_event_copy:
 * @self: an event
 *
 * Copies every field, quotes as new objects, and what the file had
 * beyond them (chronicle-kept-private.h), so that nothing of the copy is
 * shared with @self: an editor changes the copy of an event in a
 * timeline, never the event.
 *
 * Returns: (transfer full): a new event equal to @self
 */
ChronicleEvent *
chronicle_event_copy (ChronicleEvent *self)
{
  ChronicleEvent *copy;

  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  copy = chronicle_event_new (self->id, &self->date, self->title);
  chronicle_event_set_end (copy, chronicle_event_get_end (self));
  copy->summary = g_strdup (self->summary);
  copy->category_id = g_strdup (self->category_id);
  copy->location = g_strdup (self->location);
  copy->display_date = g_strdup (self->display_date);
  chronicle_event_set_actors (copy, (const char * const *) self->actors);
  chronicle_event_set_source_ids (copy, (const char * const *) self->source_ids);
  for (guint i = 0; i < self->quotes->len; i++)
    g_ptr_array_add (copy->quotes, chronicle_quote_copy (g_ptr_array_index (self->quotes, i)));
  for (guint i = 0; i < chronicle_event_get_n_media (self); i++)
    {
      g_autoptr(ChronicleMedia) media = chronicle_media_copy (chronicle_event_get_media (self, i));

      chronicle_event_add_media (copy, media);
    }
  copy->approximate = self->approximate;
  copy->sequence = self->sequence;
  copy->has_evidence = self->has_evidence;
  copy->evidence_start = self->evidence_start;
  copy->evidence_end = self->evidence_end;
  /* What the file had beyond the model goes with the event, so that
   * saving an edited event keeps it. */
  chronicle_kept_set (copy, chronicle_kept_get (self));

  return copy;
}

/**
 * chronicle_event_equal:
 *
 * Returns: %TRUE when @a and @b have the same fields, quotes and media
 *   (in order) and sequence
 */
gboolean
chronicle_event_equal (ChronicleEvent *a,
                       ChronicleEvent *b)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (a), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (b), FALSE);

  if (strcmp (a->id, b->id) != 0 || strcmp (a->title, b->title) != 0 ||
      !chronicle_date_equal (&a->date, &b->date) ||
      !chronicle_date_equal (chronicle_event_get_end (a), chronicle_event_get_end (b)) ||
      g_strcmp0 (a->summary, b->summary) != 0 ||
      g_strcmp0 (a->category_id, b->category_id) != 0 ||
      g_strcmp0 (a->location, b->location) != 0 ||
      g_strcmp0 (a->display_date, b->display_date) != 0 ||
      a->approximate != b->approximate || a->sequence != b->sequence ||
      !g_strv_equal ((const char * const *) a->actors, (const char * const *) b->actors) ||
      !g_strv_equal ((const char * const *) a->source_ids, (const char * const *) b->source_ids) ||
      a->quotes->len != b->quotes->len ||
      chronicle_event_get_n_media (a) != chronicle_event_get_n_media (b))
    return FALSE;

  for (guint i = 0; i < a->quotes->len; i++)
    if (!chronicle_quote_equal (g_ptr_array_index (a->quotes, i), g_ptr_array_index (b->quotes, i)))
      return FALSE;
  for (guint i = 0; i < chronicle_event_get_n_media (a); i++)
    if (!chronicle_media_equal (chronicle_event_get_media (a, i), chronicle_event_get_media (b, i)))
      return FALSE;
  return TRUE;
}

const char *
chronicle_event_get_id (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->id;
}

/* Only for an event outside a timeline. */
void
chronicle_event_set_id (ChronicleEvent *self,
                        const char     *id)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (id != NULL);

  if (chronicle_set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const ChronicleDate *
chronicle_event_get_date (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return &self->date;
}

/* Only for an event outside a timeline. */
void
chronicle_event_set_date (ChronicleEvent      *self,
                          const ChronicleDate *date)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (date != NULL);

  self->date = *date;
  update_times (self);
}

/* Returns: (nullable): the last date of a range, or %NULL */
const ChronicleDate *
chronicle_event_get_end (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->has_end ? &self->end : NULL;
}

/**
 * chronicle_event_set_end:
 * @end: (nullable): the last date of the range (its whole span is
 *   included), or %NULL for an event at a single date
 *
 * Only before the event is added to a timeline.
 */
void
chronicle_event_set_end (ChronicleEvent      *self,
                         const ChronicleDate *end)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  self->has_end = end != NULL;
  if (end != NULL)
    self->end = *end;
  else
    memset (&self->end, 0, sizeof self->end);
  update_times (self);
}

const char *
chronicle_event_get_title (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->title;
}

/* Only for an event outside a timeline. */
void
chronicle_event_set_title (ChronicleEvent *self,
                           const char     *title)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (title != NULL);

  if (chronicle_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
chronicle_event_get_summary (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->summary;
}

void
chronicle_event_set_summary (ChronicleEvent *self,
                             const char     *summary)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  if (chronicle_set_str (&self->summary, summary))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

const char *
chronicle_event_get_category_id (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->category_id;
}

void
chronicle_event_set_category_id (ChronicleEvent *self,
                                 const char     *category_id)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  chronicle_set_str (&self->category_id, category_id);
}

const char *
chronicle_event_get_location (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->location;
}

void
chronicle_event_set_location (ChronicleEvent *self,
                              const char     *location)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  chronicle_set_str (&self->location, location);
}

/* The date as the source wrote it ("c. 1600", "Spring 1944"), shown
 * instead of the one Chronicle makes from the date; NULL when none. */
const char *
chronicle_event_get_display_date (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return self->display_date;
}

void
chronicle_event_set_display_date (ChronicleEvent *self,
                                  const char     *display_date)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  chronicle_set_str (&self->display_date, display_date);
}

/* TRUE when the file marks the date as uncertain ("circa"). */
gboolean
chronicle_event_get_approximate (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), FALSE);

  return self->approximate;
}

void
chronicle_event_set_approximate (ChronicleEvent *self,
                                 gboolean        approximate)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  self->approximate = !!approximate;
}

/* Returns: (transfer none): the actors, a NULL-terminated array (empty
 * when none, never %NULL) */
const char * const *
chronicle_event_get_actors (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return (const char * const *) self->actors;
}

/* @actors: (nullable): NULL-terminated; %NULL clears */
void
chronicle_event_set_actors (ChronicleEvent     *self,
                            const char * const *actors)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  g_strfreev (self->actors);
  self->actors = actors ? g_strdupv ((char **) actors) : g_new0 (char *, 1);
}

/* Returns: (transfer none): ids of ChronicleSource, NULL-terminated (empty
 * when none, never %NULL) */
const char * const *
chronicle_event_get_source_ids (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  return (const char * const *) self->source_ids;
}

/* @source_ids: (nullable): NULL-terminated; %NULL clears */
void
chronicle_event_set_source_ids (ChronicleEvent     *self,
                                const char * const *source_ids)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  g_strfreev (self->source_ids);
  self->source_ids = source_ids ? g_strdupv ((char **) source_ids) : g_new0 (char *, 1);
}

guint
chronicle_event_get_n_quotes (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->quotes->len;
}

/* Returns: (transfer none): the quote at @position, in file order */
ChronicleQuote *
chronicle_event_get_quote (ChronicleEvent *self,
                           guint           position)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);
  g_return_val_if_fail (position < self->quotes->len, NULL);

  return g_ptr_array_index (self->quotes, position);
}

/* Appends @quote, taking a new reference. */
void
chronicle_event_add_quote (ChronicleEvent *self,
                           ChronicleQuote *quote)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (CHRONICLE_IS_QUOTE (quote));

  g_ptr_array_add (self->quotes, g_object_ref (quote));
}

/**
 * chronicle_event_get_evidence:
 * @start: (out) (optional): the first character of the evidence in the
 *   article's text
 * @end: (out) (optional): one past its last
 *
 * Where in its article an event the extractor proposed was found.
 *
 * Returns: %TRUE if the event has evidence
 */
gboolean
chronicle_event_get_evidence (ChronicleEvent *self,
                              guint          *start,
                              guint          *end)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), FALSE);

  if (start != NULL)
    *start = self->evidence_start;
  if (end != NULL)
    *end = self->evidence_end;
  return self->has_evidence;
}

/* An end before @start is taken as @start: an empty span. */
void
chronicle_event_set_evidence (ChronicleEvent *self,
                              guint           start,
                              guint           end)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  self->has_evidence = TRUE;
  self->evidence_start = start;
  self->evidence_end = MAX (start, end);
}

guint
chronicle_event_get_n_media (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->media != NULL ? self->media->len : 0;
}

/* Returns: (transfer none): the medium at @position */
ChronicleMedia *
chronicle_event_get_media (ChronicleEvent *self,
                           guint           position)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);
  g_return_val_if_fail (position < chronicle_event_get_n_media (self), NULL);

  return g_ptr_array_index (self->media, position);
}

/* Inserts @media (a new reference) before the medium at @position, or
 * appends it when @position is the number of media. */
void
chronicle_event_insert_media (ChronicleEvent *self,
                              guint           position,
                              ChronicleMedia *media)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (CHRONICLE_IS_MEDIA (media));
  g_return_if_fail (position <= chronicle_event_get_n_media (self));

  /* Made on first use: few events have media. */
  if (self->media == NULL)
    self->media = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_insert (self->media, position, g_object_ref (media));
}

/* Appends @media, taking a new reference. */
void
chronicle_event_add_media (ChronicleEvent *self,
                           ChronicleMedia *media)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  chronicle_event_insert_media (self, chronicle_event_get_n_media (self), media);
}

void
chronicle_event_remove_media (ChronicleEvent *self,
                              guint           position)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (position < chronicle_event_get_n_media (self));

  g_ptr_array_remove_index (self->media, position);
  if (self->media->len == 0)
    g_clear_pointer (&self->media, g_ptr_array_unref);
}

/* Inserts @quote (a new reference) before the quote at @position, or
 * appends it when @position is the number of quotes. */
void
chronicle_event_insert_quote (ChronicleEvent *self,
                              guint           position,
                              ChronicleQuote *quote)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (CHRONICLE_IS_QUOTE (quote));
  g_return_if_fail (position <= self->quotes->len);

  g_ptr_array_insert (self->quotes, position, g_object_ref (quote));
}

void
chronicle_event_remove_quote (ChronicleEvent *self,
                              guint           position)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));
  g_return_if_fail (position < self->quotes->len);

  g_ptr_array_remove_index (self->quotes, position);
}

/* Unix seconds: the start of the event's date span. */
gint64
chronicle_event_get_start_time (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->start_time;
}

/* Unix seconds, exclusive: the end of the end date's span (or of the
 * date's own span when there is no end). Always > the start time. */
gint64
chronicle_event_get_end_time (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->end_time;
}

/* TRUE for a range, or for a date coarser than a day ("2022-03"), which
 * is drawn as a bar rather than a point. */
gboolean
chronicle_event_is_span (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), FALSE);

  return self->has_end || self->date.precision < CHRONICLE_DATE_PRECISION_DAY;
}

/* Returns: (transfer full): the display date as the source wrote it
 * ("c. 1600"), as one line; else the date as localized text, or the range
 * "date – end" */
char *
chronicle_event_format_date (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), NULL);

  if (self->display_date != NULL && !chronicle_text_is_blank (self->display_date))
    return chronicle_text_for_display (self->display_date, CHRONICLE_TEXT_MAX_TITLE, FALSE);

  if (self->has_end)
    return chronicle_date_format_range (&self->date, &self->end);
  return chronicle_date_format (&self->date);
}

/**
 * chronicle_event_compare:
 *
 * The timeline's order: start time, then end time (shorter first), then
 * the order in the file (see chronicle_event_set_sequence()), then id, so
 * that the order is total and stable across loads.
 *
 * Returns: negative, zero or positive, like strcmp()
 */
int
chronicle_event_compare (ChronicleEvent *a,
                         ChronicleEvent *b)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (a), 0);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (b), 0);

  if (a->start_time != b->start_time)
    return a->start_time < b->start_time ? -1 : 1;
  if (a->end_time != b->end_time)
    return a->end_time < b->end_time ? -1 : 1;
  if (a->sequence != b->sequence)
    return a->sequence < b->sequence ? -1 : 1;
  return strcmp (a->id, b->id);
}

/**
 * chronicle_event_get_sequence:
 * @self: a #ChronicleEvent
 *
 * Returns: the event's position in the file it was loaded from
 */
guint
chronicle_event_get_sequence (ChronicleEvent *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT (self), 0);

  return self->sequence;
}

/**
 * chronicle_event_set_sequence:
 * @self: a #ChronicleEvent not yet in a timeline
 * @sequence: the event's position in its file
 *
 * Sets the tie-breaker for events that cover the same time, so that they
 * keep the order their file gives them.
 */
void
chronicle_event_set_sequence (ChronicleEvent *self,
                              guint           sequence)
{
  g_return_if_fail (CHRONICLE_IS_EVENT (self));

  self->sequence = sequence;
}
