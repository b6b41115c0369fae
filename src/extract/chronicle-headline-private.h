/* chronicle-headline-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-article-text-private.h"

G_BEGIN_DECLS

/* What a headline should fit in, in characters ("about 60"), and what a
 * complete clause may stretch to rather than end in the middle of a
 * phrase ("showed Russian and Ukrainian negotiators"). */
#define CHRONICLE_HEADLINE_CHARS         60
#define CHRONICLE_HEADLINE_STRETCH_CHARS 75

/* A short headline for sentence @sentence of @text: its main clause with
 * the subject and the verb, without the date (the tokens @date_first to
 * @date_last, inclusive; G_MAXUINT for none), quotes, asides and opening
 * connectives ("But", "However,", "When …,"); a subject pronoun ("He")
 * becomes the person @names (of ChronicleNameMention, nullable) mentioned
 * last before it. Cut at a clause or phrase boundary, never after "and",
 * "the" or "would". Empty when the sentence has no words. */
char     *chronicle_headline_make    (ChronicleArticleText *text,
                                      guint                 sentence,
                                      guint                 date_first,
                                      guint                 date_last,
                                      GPtrArray            *names);

/* A headline for when a negated happening last took place: the clause
 * "SUBJECT had not PARTICIPLE … since X" (the tokens of its auxiliary
 * @aux, "had" or "hasn't", its @participle and its "since") becomes
 * "SUBJECT last VERBED …" ("Warring sides last met face-to-face"); a
 * relative pronoun (", who had not") takes the noun phrase before it.
 * Sets @clause_first to the clause's first token (its subject's). */
char     *chronicle_headline_make_last (ChronicleArticleText *text,
                                        guint                 aux,
                                        guint                 participle,
                                        guint                 since,
                                        guint                *clause_first);

/* Whether @headline reads cut off or leans on what came before: it ends in
 * a function word ("and", "the", "its", "would") or starts with a pronoun
 * or a conjunction ("It", "But"). What the tests and the benchmark count. */
gboolean  chronicle_headline_is_weak (const char           *headline);

G_END_DECLS
