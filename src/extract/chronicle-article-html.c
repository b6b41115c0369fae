/* chronicle-article-html.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-article-html"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "chronicle-article-private.h"

/* A saved news page read with libxml2's forgiving HTML parser: the article
 * body (the <article>, else the element holding most paragraph text), the
 * headline, the byline and the publication date from the page's own
 * metadata. Page furniture (scripts, navigation, asides, captions) is
 * dropped. Nothing is fetched: the parser runs with HTML_PARSE_NONET. */

/* How deep the reader walks: a page nested deeper is hostile or broken. */
#define MAX_DEPTH 256
/* The largest and deepest JSON-LD read; real ones are a few kB, depth < 10. */
#define MAX_JSON_LD_BYTES (512 * 1024)
#define MAX_JSON_LD_DEPTH 32

static const char * const furniture[] = {
  "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure",
  "figcaption", "button", "svg", "iframe", "template", NULL
};

static gboolean
is_furniture (xmlNode *node)
{
  for (guint k = 0; furniture[k] != NULL; k++)
    if (xmlStrcasecmp (node->name, BAD_CAST furniture[k]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrcasecmp (node->name, BAD_CAST name) == 0;
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The element's text with runs of white space made one space. */
static void
append_text (GString *out,
             xmlNode *node,
             guint    depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < MAX_DEPTH; child = child->next)
    {
      if (child->type == XML_TEXT_NODE && child->content != NULL)
        {
          for (const char *p = (const char *) child->content; *p != '\0'; p++)
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
      else if (child->type == XML_ELEMENT_NODE && !is_furniture (child))
        append_text (out, child, depth + 1);
    }
}

static char *
element_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  append_text (out, node, 0);
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static void
set_once (char       **field,
          const char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = g_strdup (value);
}

/* JSON-LD: the first "datePublished", "headline" and author name, in any
 * object of the document (a NewsArticle may sit inside "@graph"). */
static void
scan_json_ld (JsonNode             *node,
              ChronicleHtmlArticle *page,
              guint                 depth)
{
  if (node == NULL || depth > 16)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        scan_json_ld (json_array_get_element (array, i), page, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (json_object_has_member (object, "datePublished") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "datePublished")))
        set_once (&page->published, json_object_get_string_member_with_default (object, "datePublished", NULL));
      if (json_object_has_member (object, "headline") &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "headline")))
        set_once (&page->title, json_object_get_string_member_with_default (object, "headline", NULL));
      for (GList *l = members; l != NULL; l = l->next)
        scan_json_ld (json_object_get_member (object, l->data), page, depth + 1);
    }
}

/* json-glib's parser recurses per nesting level: a script nested deeper
 * than any real JSON-LD, or larger than any, is not parsed at all. */
static gboolean
json_ld_is_tame (const char *text)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  if (strlen (text) > MAX_JSON_LD_BYTES)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '{' || *p == '[')
        {
          if (++depth > MAX_JSON_LD_DEPTH)
            return FALSE;
        }
      else if ((*p == '}' || *p == ']') && depth > 0)
        depth--;
    }
  return TRUE;
}

static void
read_json_ld (xmlNode              *script,
              ChronicleHtmlArticle *page)
{
  g_autofree char *type = get_attr (script, "type");
  g_autoptr(JsonParser) parser = NULL;
  xmlChar *content;

  if (type == NULL || g_ascii_strcasecmp (type, "application/ld+json") != 0)
    return;
  content = xmlNodeGetContent (script);
  if (content == NULL)
    return;
  parser = json_parser_new ();
  if (json_ld_is_tame ((const char *) content) &&
      json_parser_load_from_data (parser, (const char *) content, -1, NULL))
    scan_json_ld (json_parser_get_root (parser), page, 0);
  xmlFree (content);
}

static void
read_meta (xmlNode              *meta,
           ChronicleHtmlArticle *page)
{
  g_autofree char *property = get_attr (meta, "property");
  g_autofree char *name = get_attr (meta, "name");
  g_autofree char *content = get_attr (meta, "content");
  const char *key = property != NULL ? property : name;

  if (key == NULL || content == NULL)
    return;
  if (g_ascii_strcasecmp (key, "article:published_time") == 0 || g_ascii_strcasecmp (key, "date") == 0 ||
      g_ascii_strcasecmp (key, "pubdate") == 0)
    set_once (&page->published, content);
  else if (g_ascii_strcasecmp (key, "og:title") == 0)
    set_once (&page->title, content);
  else if (g_ascii_strcasecmp (key, "og:site_name") == 0)
    set_once (&page->publisher, content);
  else if (g_ascii_strcasecmp (key, "og:url") == 0)
    set_once (&page->url, content);
  else if (g_ascii_strcasecmp (key, "author") == 0)
    set_once (&page->byline, content);
}

typedef struct
{
  xmlNode *article;      /* the first <article> */
  xmlNode *best;         /* else the element with most <p> text */
  gsize    best_length;
  xmlNode *h1;
  xmlNode *title;
  char    *time;         /* the first <time datetime> */
} Walk;

/* The paragraph text directly under @node: how much of a body it is. */
static gsize
paragraph_length (xmlNode *node)
{
  gsize length = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (name_is (child, "p"))
      {
        g_autofree char *text = element_text (child);
        length += text != NULL ? strlen (text) : 0;
      }
  return length;
}

static void
walk (xmlNode              *node,
      Walk                 *w,
      ChronicleHtmlArticle *page,
      guint                 depth)
{
  for (xmlNode *child = node; child != NULL && depth < MAX_DEPTH; child = child->next)
    {
      gsize length;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (name_is (child, "meta"))
        read_meta (child, page);
      else if (name_is (child, "script"))
        read_json_ld (child, page);
      else if (name_is (child, "title") && w->title == NULL)
        w->title = child;
      else if (name_is (child, "h1") && w->h1 == NULL)
        w->h1 = child;
      else if (name_is (child, "article") && w->article == NULL)
        w->article = child;
      else if (name_is (child, "time") && w->time == NULL)
        w->time = get_attr (child, "datetime");
      if (name_is (child, "script") || name_is (child, "style"))
        continue;
      length = paragraph_length (child);
      if (length > w->best_length)
        {
          w->best = child;
          w->best_length = length;
        }
      walk (child->children, w, page, depth + 1);
    }
}

/* The body's blocks, one paragraph each. */
static void
collect_paragraphs (xmlNode *node,
                    GString *out,
                    guint    depth)
{
  for (xmlNode *child = node->children; child != NULL && depth < MAX_DEPTH; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_furniture (child))
        continue;
      if (name_is (child, "p") || name_is (child, "h2") || name_is (child, "h3") || name_is (child, "li") ||
          name_is (child, "blockquote"))
        {
          g_autofree char *text = element_text (child);
          if (text != NULL)
            {
              if (out->len > 0)
                g_string_append (out, "\n\n");
              g_string_append (out, text);
            }
        }
      else
        collect_paragraphs (child, out, depth + 1);
    }
}

void
chronicle_html_article_clear (ChronicleHtmlArticle *page)
{
  g_clear_pointer (&page->text, g_free);
  g_clear_pointer (&page->title, g_free);
  g_clear_pointer (&page->byline, g_free);
  g_clear_pointer (&page->publisher, g_free);
  g_clear_pointer (&page->url, g_free);
  g_clear_pointer (&page->published, g_free);
}

gboolean
chronicle_html_article_parse (const char           *data,
                              gsize                 length,
                              ChronicleHtmlArticle *page,
                              GError              **error)
{
  htmlDocPtr doc;
  Walk w = { 0, };
  GString *body;

  if (length > G_MAXINT)
    {
      g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_TOO_LARGE,
                   _("the page is too large"));
      return FALSE;
    }
  doc = htmlReadMemory (data, (int) length, NULL, NULL,
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                        HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_NOT_TEXT,
                   _("the page could not be read as HTML"));
      return FALSE;
    }

  walk (xmlDocGetRootElement (doc), &w, page, 0);
  body = g_string_new (NULL);
  collect_paragraphs (w.article != NULL ? w.article : w.best != NULL ? w.best : xmlDocGetRootElement (doc),
                      body, 0);
  page->text = g_string_free (body, FALSE);
  if (page->title == NULL)
    page->title = w.h1 != NULL ? element_text (w.h1) : w.title != NULL ? element_text (w.title) : NULL;
  if (page->published == NULL)
    page->published = g_steal_pointer (&w.time);
  g_free (w.time);
  xmlFreeDoc (doc);
  return TRUE;
}
