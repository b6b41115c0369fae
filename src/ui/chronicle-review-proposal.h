/* chronicle-review-proposal.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-event.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_REVIEW_PROPOSAL (chronicle_review_proposal_get_type ())

/*
 * One event the extractor proposed, as the review page shows it: whether
 * the user accepts it, the event as edited (in the event editor), where its evidence
 * stands in the article, and whether it looks like an event the timeline
 * in front already has.
 */
G_DECLARE_FINAL_TYPE (ChronicleReviewProposal, chronicle_review_proposal, CHRONICLE, REVIEW_PROPOSAL, GObject)

ChronicleReviewProposal *chronicle_review_proposal_new              (ChronicleEvent          *event);
ChronicleEvent          *chronicle_review_proposal_get_event        (ChronicleReviewProposal *self);
/* The proposal as edited in the event editor: every field, evidence kept. */
void                     chronicle_review_proposal_set_event        (ChronicleReviewProposal *self,
                                                                     ChronicleEvent          *event);
ChronicleEvent          *chronicle_review_proposal_dup_edited_event (ChronicleReviewProposal *self);
gboolean                 chronicle_review_proposal_get_accepted     (ChronicleReviewProposal *self);
void                     chronicle_review_proposal_set_accepted     (ChronicleReviewProposal *self,
                                                                     gboolean                 accepted);
const char              *chronicle_review_proposal_get_headline     (ChronicleReviewProposal *self);
void                     chronicle_review_proposal_set_headline     (ChronicleReviewProposal *self,
                                                                     const char              *headline);
const ChronicleDate     *chronicle_review_proposal_get_date         (ChronicleReviewProposal *self);
void                     chronicle_review_proposal_get_evidence     (ChronicleReviewProposal *self,
                                                                     guint                   *start,
                                                                     guint                   *end);
/* Instead of a new event, its quotes and sources go into the event it
 * looks like (only while it looks like one; turns "accepted" off). */
gboolean                 chronicle_review_proposal_get_merge        (ChronicleReviewProposal *self);
void                     chronicle_review_proposal_set_merge        (ChronicleReviewProposal *self,
                                                                     gboolean                 merge);
/* The title and id of the event of @timeline it looks like, or NULL. */
const char              *chronicle_review_proposal_get_duplicate_of (ChronicleReviewProposal *self);
const char              *chronicle_review_proposal_get_duplicate_id (ChronicleReviewProposal *self);
gboolean                 chronicle_review_proposal_check_duplicate  (ChronicleReviewProposal *self,
                                                                     ChronicleTimeline       *timeline);
ChronicleEvent          *chronicle_review_proposal_build_event      (ChronicleReviewProposal *self,
                                                                     const char              *source_id);
/* Adds @from's sources and quotes that @into lacks. */
gboolean                 chronicle_review_merge_event               (ChronicleEvent          *into,
                                                                     ChronicleEvent          *from);

/* Whether two titles share most of their words (for the duplicate flag). */
gboolean                 chronicle_review_titles_similar            (const char              *a,
                                                                     const char              *b);

G_END_DECLS
