/* chronicle-quote-list.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-event.h"
#include "chronicle-quote.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_QUOTE_LIST (chronicle_quote_list_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleQuoteList, chronicle_quote_list, CHRONICLE, QUOTE_LIST, GObject)

ChronicleQuoteList *chronicle_quote_list_new       (void);
ChronicleEvent     *chronicle_quote_list_get_event (ChronicleQuoteList *self);
void                chronicle_quote_list_set_event (ChronicleQuoteList *self,
                                                    ChronicleEvent     *event);

G_END_DECLS
