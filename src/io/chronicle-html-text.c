/* chronicle-html-text.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-html-text"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "chronicle-html-text-private.h"
#include "chronicle-text-private.h"

/* The extractor's reader (src/extract/chronicle-article-html.c) looks for
 * an article's body in a whole page; the importers have short fragments
 * (a TimelineJS event's text) whose every element counts, so this walk is
 * its own: it keeps the text of everything but scripts and styles, and
 * the links. */

/* A fragment nested deeper is hostile or broken; this bounds the recursion. */
#define MAX_DEPTH 256
/* TimelineJS texts are a few kB; a bigger one is cut here. */
#define MAX_HTML_BYTES (1024 * 1024)

static const char * const dropped[] = { "script", "style", "noscript", "template", "svg", "iframe", NULL };
static const char * const blocks[] = {
  "p", "br", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6",
  "tr", "table", "section", "article", "cite", "footer", "header", NULL
};

void
chronicle_html_link_free (ChronicleHtmlLink *link)
{
  g_free (link->url);
  g_free (link->text);
  g_free (link);
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
append_newline (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

static void
append_text (GString    *out,
             const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
}

/* Whether @node's class attribute names @name among its classes. */
static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) "class");
  gboolean found = FALSE;

  if (value != NULL)
    {
      g_auto(GStrv) classes = g_strsplit_set ((const char *) value, " \t\n", -1);

      found = g_strv_contains ((const char * const *) classes, name);
      xmlFree (value);
    }
  return found;
}

static void walk (xmlNode              *node,
                  GString              *out,
                  GPtrArray            *links,
                  GString              *cite,
                  ChronicleHtmlDetails *details,
                  guint                 depth);

/* The actors and the place in Chronicle's paragraph of details; what
 * else it says ("Who:", "Where:") is for TimelineJS's readers. */
static void
read_details (xmlNode              *node,
              ChronicleHtmlDetails *details,
              guint                 depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < MAX_DEPTH; child = child->next)
    {
      g_autoptr(GString) text = NULL;
      gboolean actor, location;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      actor = has_class (child, "chronicle-actor");
      location = has_class (child, "chronicle-location");
      if (!actor && !location)
        {
          read_details (child, details, depth + 1);
          continue;
        }

      text = g_string_new (NULL);
      walk (child, text, NULL, NULL, NULL, depth + 1);
      g_strstrip (text->str);
      if (chronicle_text_is_blank (text->str))
        continue;
      if (actor)
        g_ptr_array_add (details->actors, g_strdup (text->str));
      else if (details->location == NULL)
        details->location = g_strdup (text->str);
    }
}

/* Chronicle's paragraph of sources: each linked one to @links, each
 * named one (a span) to @links without a url; "Sources:" is for
 * TimelineJS's readers. */
static void
read_sources (xmlNode   *node,
              GPtrArray *links,
              guint      depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < MAX_DEPTH; child = child->next)
    {
      g_autoptr(GString) text = NULL;
      xmlChar *href;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!has_class (child, "chronicle-source"))
        {
          read_sources (child, links, depth + 1);
          continue;
        }

      text = g_string_new (NULL);
      walk (child, text, NULL, NULL, NULL, depth + 1);
      g_strstrip (text->str);
      href = xmlGetProp (child, (const xmlChar *) "href");
      if (href != NULL && chronicle_uri_is_web_link ((const char *) href))
        {
          ChronicleHtmlLink *link = g_new0 (ChronicleHtmlLink, 1);

          link->url = g_strdup ((const char *) href);
          link->text = g_strdup (text->str);
          g_ptr_array_add (links, link);
        }
      else if (!chronicle_text_is_blank (text->str))
        {
          ChronicleHtmlLink *link = g_new0 (ChronicleHtmlLink, 1);

          link->text = g_strdup (text->str);
          g_ptr_array_add (links, link);
        }
      xmlFree (href);
    }
}

/* With @cite, the text of <cite> elements goes there instead of @out;
 * with @details, a paragraph of class "chronicle-details" goes there,
 * and one of class "chronicle-sources" to @links (when not NULL). */
static void
walk (xmlNode              *node,
      GString              *out,
      GPtrArray            *links,
      GString              *cite,
      ChronicleHtmlDetails *details,
      guint                 depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < MAX_DEPTH; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        append_text (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE && cite != NULL &&
               g_ascii_strcasecmp ((const char *) child->name, "cite") == 0)
        {
          if (cite->len > 0)
            g_string_append_c (cite, ' ');
          walk (child, cite, NULL, NULL, NULL, depth + 1);
        }
      else if (child->type == XML_ELEMENT_NODE && details != NULL && has_class (child, "chronicle-details"))
        read_details (child, details, depth + 1);
      else if (child->type == XML_ELEMENT_NODE && details != NULL && has_class (child, "chronicle-sources"))
        {
          if (links != NULL)
            read_sources (child, links, depth + 1);
        }
      else if (child->type == XML_ELEMENT_NODE && !name_in (child, dropped))
        {
          gboolean block = name_in (child, blocks);
          gsize start = out->len;

          if (block)
            append_newline (out);
          walk (child, out, links, cite, details, depth + 1);
          if (block)
            append_newline (out);

          if (links != NULL && g_ascii_strcasecmp ((const char *) child->name, "a") == 0)
            {
              xmlChar *href = xmlGetProp (child, (const xmlChar *) "href");

              if (href != NULL && chronicle_uri_is_web_link ((const char *) href))
                {
                  ChronicleHtmlLink *link = g_new0 (ChronicleHtmlLink, 1);

                  link->url = g_strdup ((const char *) href);
                  link->text = g_strstrip (g_strndup (out->str + start, out->len - start));
                  g_ptr_array_add (links, link);
                }
              xmlFree (href);
            }
        }
    }
}

static char *
html_to_text (const char           *html,
              GPtrArray            *links,
              GString              *cite,
              ChronicleHtmlDetails *details)
{
  g_autofree char *wrapped = NULL;
  htmlDocPtr doc;
  GString *out;
  gsize length;

  g_assert (html != NULL);

  /* Plain text is the common case and needs no parser. */
  if (strchr (html, '<') == NULL && strchr (html, '&') == NULL)
    {
      out = g_string_new (NULL);
      append_text (out, html);
      return g_strstrip (g_string_free (out, FALSE));
    }

  length = strnlen (html, MAX_HTML_BYTES);
  /* A fragment is parsed as the body of a document, so that text before
   * the first element is not taken for the head. */
  wrapped = g_strdup_printf ("<html><body>%.*s</body></html>", (int) length, html);
  doc = htmlReadMemory (wrapped, (int) strlen (wrapped), NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  out = g_string_new (NULL);
  if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
    walk (xmlDocGetRootElement (doc), out, links, cite, details, 0);
  if (doc != NULL)
    xmlFreeDoc (doc);

  return g_strstrip (g_string_free (out, FALSE));
}

char *
chronicle_html_to_text (const char *html,
                        GPtrArray  *links)
{
  g_return_val_if_fail (html != NULL, NULL);

  return html_to_text (html, links, NULL, NULL);
}

char *
chronicle_html_event_text_to_text (const char           *html,
                                   GPtrArray            *links,
                                   ChronicleHtmlDetails *details)
{
  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (details != NULL, NULL);

  return html_to_text (html, links, NULL, details);
}

void
chronicle_html_details_init (ChronicleHtmlDetails *details)
{
  details->actors = g_ptr_array_new_with_free_func (g_free);
  details->location = NULL;
}

void
chronicle_html_details_clear (ChronicleHtmlDetails *details)
{
  g_clear_pointer (&details->actors, g_ptr_array_unref);
  g_clear_pointer (&details->location, g_free);
}

char *
chronicle_html_quote_to_text (const char *html,
                              char      **cite)
{
  g_autoptr(GString) cited = g_string_new (NULL);
  char *text;
  const char *name;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (cite != NULL, NULL);

  text = html_to_text (html, NULL, cited, NULL);
  /* "— Edith Clarke": the dash says who, it is not part of the name. */
  name = g_strstrip (cited->str);
  while (g_str_has_prefix (name, "\u2014") || g_str_has_prefix (name, "\u2013") || *name == '-' || *name == ' ')
    name = g_utf8_next_char (name);
  *cite = *name != '\0' ? g_strdup (name) : NULL;
  return text;
}
