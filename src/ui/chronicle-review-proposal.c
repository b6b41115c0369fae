/* chronicle-review-proposal.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-review-proposal"

#include "config.h"

#include <string.h>

#include "chronicle-extractor.h"
#include "chronicle-quote.h"
#include "chronicle-review-proposal.h"
#include "chronicle-util-private.h"

/* Two titles are alike when this share of the shorter one's words (three
 * letters or more, small words left out) is in the other. */
#define SIMILAR_SHARE 0.5
/* Words read from a title, at most: titles are short, files are strangers. */
#define MAX_TITLE_WORDS 64

struct _ChronicleReviewProposal
{
  GObject         parent_instance;

  ChronicleEvent *event;          /* as proposed, then as edited */
  char           *article_id;     /* the draft's id of the article, which the extractor cites */
  char           *headline;
  ChronicleDate   date;
  gboolean        date_valid;
  gboolean        accepted;
  gboolean        merge;
  char           *duplicate_of;   /* the title of the event it looks like */
  char           *duplicate_id;   /* and its id */
};

G_DEFINE_FINAL_TYPE (ChronicleReviewProposal, chronicle_review_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCEPTED,
  PROP_HEADLINE,
  PROP_MERGE,
  PROP_DUPLICATE_OF,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_small_word (const char *word)
{
  static const char * const small[] = {
    "the", "and", "for", "with", "from", "that", "this", "has", "have", "had", "was", "were", "are",
    "its", "his", "her", "their", "into", "over", "after", "before", "says", "said", NULL
  };

  for (guint i = 0; small[i] != NULL; i++)
    if (strcmp (word, small[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The words of @title, lower case, as a set. */
static GHashTable *
title_words (const char *title)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (title, MIN (strlen (title), 4096));
  const char *p = lower;

  while (*p != '\0' && g_hash_table_size (words) < MAX_TITLE_WORDS)
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (g_utf8_strlen (start, p - start) >= 3)
        {
          char *word = g_strndup (start, p - start);

          if (is_small_word (word))
            g_free (word);
          else
            g_hash_table_add (words, word);
        }
    }
  return words;
}

/**
 * chronicle_review_titles_similar:
 *
 * Returns: whether most words of the shorter title are in the other
 */
gboolean
chronicle_review_titles_similar (const char *a,
                                 const char *b)
{
  g_autoptr(GHashTable) words_a = title_words (a);
  g_autoptr(GHashTable) words_b = title_words (b);
  GHashTable *fewer = g_hash_table_size (words_a) <= g_hash_table_size (words_b) ? words_a : words_b;
  GHashTable *more = fewer == words_a ? words_b : words_a;
  GHashTableIter iter;
  gpointer word;
  guint shared = 0;

  if (g_hash_table_size (fewer) == 0)
    return FALSE;
  g_hash_table_iter_init (&iter, fewer);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (more, word))
      shared++;
  return shared >= 2 && shared >= SIMILAR_SHARE * g_hash_table_size (fewer);
}

static void
chronicle_review_proposal_finalize (GObject *object)
{
  ChronicleReviewProposal *self = CHRONICLE_REVIEW_PROPOSAL (object);

  g_clear_object (&self->event);
  g_clear_pointer (&self->article_id, g_free);
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->duplicate_of, g_free);
  g_clear_pointer (&self->duplicate_id, g_free);

  G_OBJECT_CLASS (chronicle_review_proposal_parent_class)->finalize (object);
}

static void
chronicle_review_proposal_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  ChronicleReviewProposal *self = CHRONICLE_REVIEW_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED:
      g_value_set_boolean (value, chronicle_review_proposal_get_accepted (self));
      break;

    case PROP_HEADLINE:
      g_value_set_string (value, chronicle_review_proposal_get_headline (self));
      break;

    case PROP_MERGE:
      g_value_set_boolean (value, chronicle_review_proposal_get_merge (self));
      break;

    case PROP_DUPLICATE_OF:
      g_value_set_string (value, chronicle_review_proposal_get_duplicate_of (self));
      break;

    case PROP_EVENT:
      g_value_set_object (value, chronicle_review_proposal_get_event (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_review_proposal_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  ChronicleReviewProposal *self = CHRONICLE_REVIEW_PROPOSAL (object);

  switch (prop_id)
    {
    case PROP_ACCEPTED:
      chronicle_review_proposal_set_accepted (self, g_value_get_boolean (value));
      break;

    case PROP_HEADLINE:
      chronicle_review_proposal_set_headline (self, g_value_get_string (value));
      break;

    case PROP_MERGE:
      chronicle_review_proposal_set_merge (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_review_proposal_class_init (ChronicleReviewProposalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_review_proposal_finalize;
  object_class->get_property = chronicle_review_proposal_get_property;
  object_class->set_property = chronicle_review_proposal_set_property;

  /**
   * ChronicleReviewProposal:accepted:
   *
   * Whether the event goes into the timeline.
   */
  properties[PROP_ACCEPTED] =
    g_param_spec_boolean ("accepted", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleReviewProposal:headline:
   *
   * The event's title, as the user edited it.
   */
  properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleReviewProposal:merge:
   *
   * Whether the proposal's quotes and sources go into the event it looks
   * like, instead of a new event: only while it looks like one, and never
   * together with "accepted".
   */
  properties[PROP_MERGE] =
    g_param_spec_boolean ("merge", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleReviewProposal:duplicate-of:
   *
   * The title of the timeline's event the proposal looks like, or %NULL;
   * it changes with the proposal's date and headline
   * (chronicle_review_proposal_check_duplicate()).
   */
  properties[PROP_DUPLICATE_OF] =
    g_param_spec_string ("duplicate-of", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleReviewProposal:event:
   *
   * The event as proposed, or as the user last edited it in the event
   * editor (chronicle_review_proposal_set_event()).
   */
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, CHRONICLE_TYPE_EVENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_review_proposal_init (ChronicleReviewProposal *self)
{
  self->accepted = TRUE;
}

/**
 * chronicle_review_proposal_new:
 * @event: the proposed event, with its evidence
 *
 * Returns: (transfer full): a proposal, accepted
 */
ChronicleReviewProposal *
chronicle_review_proposal_new (ChronicleEvent *event)
{
  ChronicleReviewProposal *self;
  const char * const *sources;

  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), NULL);

  self = g_object_new (CHRONICLE_TYPE_REVIEW_PROPOSAL, NULL);
  self->event = g_object_ref (event);
  sources = chronicle_event_get_source_ids (event);
  self->article_id = g_strdup (sources != NULL ? sources[0] : NULL);
  self->headline = g_strdup (chronicle_event_get_title (event));
  self->date = *chronicle_event_get_date (event);
  self->date_valid = TRUE;
  return self;
}

ChronicleEvent *
chronicle_review_proposal_get_event (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  return self->event;
}

/**
 * chronicle_review_proposal_set_event:
 * @event: the proposal as edited (a detached event, from the event editor)
 *
 * Replaces every field of the proposal: date, headline and the rest come
 * from @event from now on (the proposal keeps @event, and gives it the
 * proposal's evidence). Notifies
 * "event" and, when it changed, "headline"; the caller checks the
 * duplicate flag again, the date having maybe moved.
 */
void
chronicle_review_proposal_set_event (ChronicleReviewProposal *self,
                                     ChronicleEvent          *event)
{
  guint start, end;

  g_return_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self));
  g_return_if_fail (CHRONICLE_IS_EVENT (event));

  if (chronicle_event_get_evidence (self->event, &start, &end))
    chronicle_event_set_evidence (event, start, end);
  g_set_object (&self->event, event);
  self->date = *chronicle_event_get_date (event);
  self->date_valid = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
  chronicle_review_proposal_set_headline (self, chronicle_event_get_title (event));
}

/**
 * chronicle_review_proposal_dup_edited_event:
 *
 * Returns: (transfer full) (nullable): a detached copy of the event with
 *   the proposal's headline and date, to edit; %NULL while the date is
 *   not valid
 */
ChronicleEvent *
chronicle_review_proposal_dup_edited_event (ChronicleReviewProposal *self)
{
  ChronicleEvent *event;

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  if (!self->date_valid)
    return NULL;
  event = chronicle_event_copy (self->event);
  chronicle_event_set_date (event, &self->date);
  if (self->headline != NULL && self->headline[0] != '\0')
    chronicle_event_set_title (event, self->headline);
  return event;
}

gboolean
chronicle_review_proposal_get_accepted (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), FALSE);

  return self->accepted;
}

void
chronicle_review_proposal_set_accepted (ChronicleReviewProposal *self,
                                        gboolean                 accepted)
{
  g_return_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self));

  accepted = !!accepted;
  if (self->accepted == accepted)
    return;
  self->accepted = accepted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTED]);
  /* A new event, or more for the one there: not both. */
  if (accepted)
    chronicle_review_proposal_set_merge (self, FALSE);
}

gboolean
chronicle_review_proposal_get_merge (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), FALSE);

  return self->merge;
}

/* Merging needs an event to merge into: without one it stays off. */
void
chronicle_review_proposal_set_merge (ChronicleReviewProposal *self,
                                     gboolean                 merge)
{
  g_return_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self));

  merge = merge && self->duplicate_id != NULL;
  if (self->merge == merge)
    return;
  self->merge = merge;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGE]);
  if (merge)
    chronicle_review_proposal_set_accepted (self, FALSE);
}

const char *
chronicle_review_proposal_get_headline (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  return self->headline;
}

void
chronicle_review_proposal_set_headline (ChronicleReviewProposal *self,
                                        const char              *headline)
{
  g_return_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self));

  if (chronicle_set_str (&self->headline, headline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADLINE]);
}

/**
 * chronicle_review_proposal_get_date:
 *
 * Returns: (nullable): the date as proposed or edited (%NULL only for a
 *   proposal without a valid date, which the editor does not make)
 */
const ChronicleDate *
chronicle_review_proposal_get_date (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  return self->date_valid ? &self->date : NULL;
}

void
chronicle_review_proposal_get_evidence (ChronicleReviewProposal *self,
                                        guint                   *start,
                                        guint                   *end)
{
  g_return_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self));

  /* Without evidence, an empty span at the start. */
  chronicle_event_get_evidence (self->event, start, end);
}

const char *
chronicle_review_proposal_get_duplicate_of (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  return self->duplicate_of;
}

const char *
chronicle_review_proposal_get_duplicate_id (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  return self->duplicate_id;
}

static void
set_duplicate (ChronicleReviewProposal *self,
               const char              *id,
               const char              *title)
{
  gboolean changed = g_strcmp0 (self->duplicate_id, id) != 0 || g_strcmp0 (self->duplicate_of, title) != 0;

  if (!changed)
    return;
  g_free (self->duplicate_id);
  g_free (self->duplicate_of);
  self->duplicate_id = g_strdup (id);
  self->duplicate_of = g_strdup (title);
  if (id == NULL)
    chronicle_review_proposal_set_merge (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUPLICATE_OF]);
}

/**
 * chronicle_review_proposal_check_duplicate:
 * @timeline: (nullable): the timeline the events could go into
 *
 * Looks for an event of @timeline on the same date (their days or months
 * overlap) whose title shares most words with the proposal's headline;
 * "duplicate-of" is notified when the answer changes (after the user
 * edits the date, say), and merging stops when there is none any more.
 *
 * Returns: whether one was found (its title is then
 *   chronicle_review_proposal_get_duplicate_of())
 */
gboolean
chronicle_review_proposal_check_duplicate (ChronicleReviewProposal *self,
                                           ChronicleTimeline       *timeline)
{
  gint64 start, end;

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), FALSE);

  if (timeline == NULL || !self->date_valid)
    {
      set_duplicate (self, NULL, NULL);
      return FALSE;
    }

  start = chronicle_date_get_start (&self->date);
  end = chronicle_date_get_end (&self->date);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      const char *title = chronicle_timeline_get_event_title (timeline, i);
      gint64 event_start = chronicle_timeline_get_event_start_time (timeline, i);
      gint64 event_end = chronicle_timeline_get_event_end_time (timeline, i);

      if (event_start >= end || event_end <= start || title == NULL)
        continue;
      if (chronicle_review_titles_similar (self->headline, title) ||
          chronicle_extractor_same_happening (self->headline, chronicle_event_get_summary (self->event), title,
                                              chronicle_timeline_get_event_summary (timeline, i)))
        {
          set_duplicate (self, chronicle_timeline_get_event_id (timeline, i), title);
          return TRUE;
        }
    }
  set_duplicate (self, NULL, NULL);
  return FALSE;
}

/* @id, or @source_id when @id is the article's draft id. */
static const char *
map_source (ChronicleReviewProposal *self,
            const char              *id,
            const char              *source_id)
{
  return source_id != NULL && id != NULL && g_strcmp0 (id, self->article_id) == 0 ? source_id : id;
}

/**
 * chronicle_review_proposal_build_event:
 * @source_id: (nullable): the id the article's source has in the timeline
 *   the event goes into, when that is not the draft's
 *
 * The proposed event as the user left it: the headline and date, and
 * whatever else was changed in the event editor; the article (wherever
 * the event or a quote cites it) cited as @source_id.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL while the date
 *   is not valid
 */
ChronicleEvent *
chronicle_review_proposal_build_event (ChronicleReviewProposal *self,
                                       const char              *source_id)
{
  g_autoptr(ChronicleEvent) event = NULL;
  const char * const *sources;
  g_autoptr(GPtrArray) mapped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) quotes = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  event = chronicle_review_proposal_dup_edited_event (self);
  if (event == NULL || source_id == NULL)
    return g_steal_pointer (&event);

  sources = chronicle_event_get_source_ids (event);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    g_ptr_array_add (mapped, g_strdup (map_source (self, sources[i], source_id)));
  g_ptr_array_add (mapped, NULL);
  chronicle_event_set_source_ids (event, (const char * const *) mapped->pdata);

  /* Quotes are the event's objects: each rebuilt citing the timeline's id. */
  while (chronicle_event_get_n_quotes (event) > 0)
    {
      ChronicleQuote *quote = chronicle_event_get_quote (event, 0);

      g_ptr_array_add (quotes, chronicle_quote_new (chronicle_quote_get_text (quote),
                                                    chronicle_quote_get_speaker (quote),
                                                    chronicle_quote_get_role (quote),
                                                    map_source (self, chronicle_quote_get_source_id (quote), source_id),
                                                    chronicle_quote_get_date (quote)));
      chronicle_event_remove_quote (event, 0);
    }
  for (guint i = 0; i < quotes->len; i++)
    chronicle_event_add_quote (event, g_ptr_array_index (quotes, i));
  return g_steal_pointer (&event);
}

static gboolean
has_quote (ChronicleEvent *event,
           ChronicleQuote *quote)
{
  for (guint i = 0; i < chronicle_event_get_n_quotes (event); i++)
    if (g_strcmp0 (chronicle_quote_get_text (chronicle_event_get_quote (event, i)),
                   chronicle_quote_get_text (quote)) == 0)
      return TRUE;
  return FALSE;
}

/**
 * chronicle_review_merge_event:
 * @into: a detached copy of the event a proposal looks like
 * @from: the proposal's event (chronicle_review_proposal_build_event())
 *
 * Adds to @into the sources and quotes of @from it does not have yet (the
 * same words are the same quote); its date, title and the rest stay.
 *
 * Returns: whether @into changed
 */
gboolean
chronicle_review_merge_event (ChronicleEvent *into,
                              ChronicleEvent *from)
{
  const char * const *sources;
  g_autoptr(GPtrArray) merged = NULL;
  gboolean changed = FALSE;

  g_return_val_if_fail (CHRONICLE_IS_EVENT (into), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (from), FALSE);

  sources = chronicle_event_get_source_ids (into);
  merged = g_ptr_array_new ();
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    g_ptr_array_add (merged, (gpointer) sources[i]);
  sources = chronicle_event_get_source_ids (from);
  for (guint i = 0; sources != NULL && sources[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (merged, sources[i], g_str_equal, NULL))
      {
        g_ptr_array_add (merged, (gpointer) sources[i]);
        changed = TRUE;
      }
  g_ptr_array_add (merged, NULL);
  if (changed)
    {
      /* the setter frees the old list first: these strings are borrowed */
      g_auto(GStrv) copy = g_strdupv ((char **) merged->pdata);

      chronicle_event_set_source_ids (into, (const char * const *) copy);
    }

  for (guint i = 0; i < chronicle_event_get_n_quotes (from); i++)
    {
      ChronicleQuote *quote = chronicle_event_get_quote (from, i);

      if (has_quote (into, quote))
        continue;
      chronicle_event_add_quote (into, quote);
      changed = TRUE;
    }
  return changed;
}
