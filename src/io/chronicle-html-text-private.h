/* chronicle-html-text-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A link found in an HTML fragment: its target and its text. */
typedef struct
{
  char *url;
  char *text;
} ChronicleHtmlLink;

void  chronicle_html_link_free (ChronicleHtmlLink *link);

/* The plain text of the HTML fragment @html (UTF-8), read with libxml2's
 * forgiving HTML parser (nothing fetched): runs of white space become one
 * space, paragraphs and line breaks a newline, scripts and styles are
 * dropped. With @links, each <a href> whose target is a web link is
 * appended as a ChronicleHtmlLink. Returns "" for a fragment without text. */
char *chronicle_html_to_text  (const char *html,
                               GPtrArray  *links);
/* The same for a quotation: the text of its <cite> (the one quoted, as
 * TimelineJS's examples name them) goes to *@cite, NULL when none,
 * instead of the text. */
char *chronicle_html_quote_to_text (const char  *html,
                                    char       **cite);

G_END_DECLS
