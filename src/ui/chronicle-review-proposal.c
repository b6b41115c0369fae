/* chronicle-review-proposal.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-review-proposal"

#include "config.h"

#include <string.h>

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

  ChronicleEvent *event;
  char           *headline;
  ChronicleDate   date;
  gboolean        date_valid;
  gboolean        accepted;
  char           *duplicate_of;
};

G_DEFINE_FINAL_TYPE (ChronicleReviewProposal, chronicle_review_proposal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACCEPTED,
  PROP_HEADLINE,
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
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->duplicate_of, g_free);

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

  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), NULL);

  self = g_object_new (CHRONICLE_TYPE_REVIEW_PROPOSAL, NULL);
  self->event = g_object_ref (event);
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
 * Returns: (nullable): the date as edited, or %NULL while the text typed
 *   is not a date
 */
const ChronicleDate *
chronicle_review_proposal_get_date (ChronicleReviewProposal *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  return self->date_valid ? &self->date : NULL;
}

/**
 * chronicle_review_proposal_set_date_text:
 * @text: a date as the file format writes it ("2025-05-16", "2022-03")
 * @error: a %CHRONICLE_DATE_ERROR
 *
 * Parses @text with the model's parser. While it does not parse, the
 * proposal has no date and cannot be added.
 *
 * Returns: whether @text is a date
 */
gboolean
chronicle_review_proposal_set_date_text (ChronicleReviewProposal  *self,
                                         const char               *text,
                                         GError                  **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  self->date_valid = chronicle_date_parse (stripped, &self->date, error);
  return self->date_valid;
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

/**
 * chronicle_review_proposal_check_duplicate:
 * @timeline: (nullable): the timeline the events could go into
 *
 * Looks for an event of @timeline on the same date (their days or months
 * overlap) whose title shares most words with the proposal's headline.
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

  g_clear_pointer (&self->duplicate_of, g_free);
  if (timeline == NULL || !self->date_valid)
    return FALSE;

  start = chronicle_date_get_start (&self->date);
  end = chronicle_date_get_end (&self->date);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      const char *title = chronicle_timeline_get_event_title (timeline, i);
      gint64 event_start = chronicle_timeline_get_event_start_time (timeline, i);
      gint64 event_end = chronicle_timeline_get_event_end_time (timeline, i);

      if (event_start >= end || event_end <= start || title == NULL)
        continue;
      if (chronicle_review_titles_similar (self->headline, title))
        {
          self->duplicate_of = g_strdup (title);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * chronicle_review_proposal_build_event:
 *
 * The proposed event with the user's headline and date; its summary,
 * place, actors, sources and quotes are the extractor's.
 *
 * Returns: (transfer full) (nullable): the event, or %NULL while the date
 *   is not valid
 */
ChronicleEvent *
chronicle_review_proposal_build_event (ChronicleReviewProposal *self)
{
  ChronicleEvent *event;
  ChronicleEvent *proposed;
  const char *headline;

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PROPOSAL (self), NULL);

  if (!self->date_valid)
    return NULL;

  proposed = self->event;
  headline = self->headline != NULL && self->headline[0] != '\0' ? self->headline : chronicle_event_get_title (proposed);
  event = chronicle_event_new (chronicle_event_get_id (proposed), &self->date, headline);
  chronicle_event_set_summary (event, chronicle_event_get_summary (proposed));
  chronicle_event_set_location (event, chronicle_event_get_location (proposed));
  chronicle_event_set_approximate (event, chronicle_event_get_approximate (proposed));
  chronicle_event_set_actors (event, chronicle_event_get_actors (proposed));
  chronicle_event_set_source_ids (event, chronicle_event_get_source_ids (proposed));
  chronicle_event_set_category_id (event, chronicle_event_get_category_id (proposed));
  for (guint i = 0; i < chronicle_event_get_n_quotes (proposed); i++)
    chronicle_event_add_quote (event, chronicle_event_get_quote (proposed, i));
  return event;
}
