/* chronicle-text-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Text from a timeline file is written by strangers. These helpers are the
 * one place that decides how such text may be hashed, quoted in a message,
 * shown in a widget or painted, and which of its links may be opened. The
 * model is the lowest layer, so io, render, ui and cli all use them.
 */

/* What a title-like string (event, window or tab title, label) may show,
 * and a longer text (summary, quote) before it is cut. The data keeps the
 * whole text; only what is drawn or laid out is bounded. */
#define CHRONICLE_TEXT_MAX_TITLE 200
#define CHRONICLE_TEXT_MAX_TEXT  4000

/* The longest link that may be opened (browsers stop far below this). */
#define CHRONICLE_URI_MAX_LENGTH (64 * 1024)

guint     chronicle_str_hash          (gconstpointer  key);

char     *chronicle_text_escape_line  (const char    *text,
                                       gsize          max_chars);
char     *chronicle_text_for_display  (const char    *text,
                                       gsize          max_chars,
                                       gboolean       keep_newlines);
gboolean  chronicle_text_is_blank     (const char    *text);
char     *chronicle_text_dup_sentence (const char    *text);
char     *chronicle_text_isolate      (const char    *text);

gboolean  chronicle_uri_is_web_link   (const char    *uri);

G_END_DECLS
