/* chronicle-quote.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-date.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_QUOTE (chronicle_quote_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleQuote, chronicle_quote, CHRONICLE, QUOTE, GObject)

/* Only @text is required; every other argument may be NULL. */
ChronicleQuote      *chronicle_quote_new           (const char          *text,
                                                    const char          *speaker,
                                                    const char          *role,
                                                    const char          *source_id,
                                                    const ChronicleDate *date);
const char          *chronicle_quote_get_text      (ChronicleQuote      *self);
const char          *chronicle_quote_get_speaker   (ChronicleQuote      *self);
const char          *chronicle_quote_get_role      (ChronicleQuote      *self);
const char          *chronicle_quote_get_source_id (ChronicleQuote      *self);
const ChronicleDate *chronicle_quote_get_date      (ChronicleQuote      *self);
ChronicleQuote      *chronicle_quote_copy          (ChronicleQuote      *self);
gboolean             chronicle_quote_equal         (ChronicleQuote      *a,
                                                    ChronicleQuote      *b);

G_END_DECLS
