/* chronicle-html-text-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A link found in an HTML fragment: its target and its text. A source
 * named in Chronicle's paragraph of sources without a link has no url. */
typedef struct
{
  char *url;    /* nullable: see chronicle_html_event_text_to_text() */
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

/* Who and where, which TimelineJS has no field for: Chronicle's export
 * writes them into an event's text as a paragraph of class
 * "chronicle-details" (spans "chronicle-actor", one an actor, and
 * "chronicle-location"), which TimelineJS shows and this reads back. */
typedef struct
{
  GPtrArray *actors;     /* of char * */
  char      *location;   /* nullable */
} ChronicleHtmlDetails;

void  chronicle_html_details_init  (ChronicleHtmlDetails *details);
void  chronicle_html_details_clear (ChronicleHtmlDetails *details);
/* chronicle_html_to_text() of an event's text, its details paragraph
 * read into @details rather than the text, and its paragraph of sources
 * ("chronicle-sources": links, and spans "chronicle-source" for sources
 * without a web address, which become links without a url) into @links
 * rather than the text. */
char *chronicle_html_event_text_to_text (const char           *html,
                                         GPtrArray            *links,
                                         ChronicleHtmlDetails *details);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChronicleHtmlDetails, chronicle_html_details_clear)

G_END_DECLS
