/* chronicle-search-match.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-search-match"

#include "config.h"

#include "chronicle-search-match.h"
#include "chronicle-search.h"

#include <string.h>

struct _ChronicleSearchMatch
{
  GObject               parent_instance;

  ChronicleEvent       *event;
  guint                 position;
  ChronicleSearchField  field;
  guint                 field_index;
  char                 *snippet;
  GArray               *highlights;  /* ChronicleSearchRange in snippet */
};

G_DEFINE_FINAL_TYPE (ChronicleSearchMatch, chronicle_search_match, G_TYPE_OBJECT)

static void
chronicle_search_match_finalize (GObject *object)
{
  ChronicleSearchMatch *self = (ChronicleSearchMatch *) object;

  g_clear_object (&self->event);
  g_clear_pointer (&self->snippet, g_free);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (chronicle_search_match_parent_class)->finalize (object);
}

static void
chronicle_search_match_class_init (ChronicleSearchMatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_search_match_finalize;
}

static void
chronicle_search_match_init (ChronicleSearchMatch *self)
{
}

/**
 * chronicle_search_match_new:
 * @event: the event found
 * @position: its position in the timeline searched
 * @field: where the query's first word is
 * @field_index: which actor or quote, 0 otherwise
 * @snippet: excerpt of that field
 * @highlights: (nullable) (element-type ChronicleSearchRange): the words
 *   in @snippet (a new reference is taken)
 *
 * Returns: (transfer full): a new match
 */
ChronicleSearchMatch *
chronicle_search_match_new (ChronicleEvent       *event,
                            guint                 position,
                            ChronicleSearchField  field,
                            guint                 field_index,
                            const char           *snippet,
                            GArray               *highlights)
{
  ChronicleSearchMatch *self;

  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), NULL);
  g_return_val_if_fail (snippet != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_SEARCH_MATCH, NULL);
  self->event = g_object_ref (event);
  self->position = position;
  self->field = field;
  self->field_index = field_index;
  self->snippet = g_strdup (snippet);
  self->highlights = highlights != NULL
                     ? g_array_ref (highlights)
                     : g_array_new (FALSE, FALSE, sizeof (ChronicleSearchRange));

  return self;
}

/* Returns: (transfer none): the event found */
ChronicleEvent *
chronicle_search_match_get_event (ChronicleSearchMatch *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_MATCH (self), NULL);

  return self->event;
}

guint
chronicle_search_match_get_position (ChronicleSearchMatch *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_MATCH (self), 0);

  return self->position;
}

ChronicleSearchField
chronicle_search_match_get_field (ChronicleSearchMatch *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_MATCH (self), CHRONICLE_SEARCH_FIELD_TITLE);

  return self->field;
}

guint
chronicle_search_match_get_field_index (ChronicleSearchMatch *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_MATCH (self), 0);

  return self->field_index;
}

const char *
chronicle_search_match_get_snippet (ChronicleSearchMatch *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_MATCH (self), NULL);

  return self->snippet;
}

/* Returns: (transfer none) (element-type ChronicleSearchRange): the
 *   words' byte ranges in the snippet */
const GArray *
chronicle_search_match_get_highlights (ChronicleSearchMatch *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_MATCH (self), NULL);

  return self->highlights;
}

/* Returns: (transfer full): the snippet as Pango markup */
char *
chronicle_search_match_dup_markup (ChronicleSearchMatch *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_MATCH (self), NULL);

  return chronicle_search_markup_ranges (self->snippet, self->highlights);
}

/**
 * chronicle_search_markup_ranges:
 * @text: plain text
 * @ranges: (nullable) (element-type ChronicleSearchRange): sorted,
 *   disjoint byte ranges of @text, on character boundaries
 *
 * Returns: (transfer full): @text escaped for Pango markup, with @ranges
 *   in bold
 */
char *
chronicle_search_markup_ranges (const char   *text,
                                const GArray *ranges)
{
  GString *markup;
  gsize done = 0, length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  markup = g_string_sized_new (length + 16);
  for (guint i = 0; ranges != NULL && i < ranges->len; i++)
    {
      const ChronicleSearchRange *range = &g_array_index (ranges, ChronicleSearchRange, i);
      g_autofree char *before = NULL;
      g_autofree char *bold = NULL;

      if (range->start < done || range->end > length || range->start >= range->end)
        continue;

      before = g_markup_escape_text (text + done, range->start - done);
      bold = g_markup_escape_text (text + range->start, range->end - range->start);
      g_string_append (markup, before);
      g_string_append (markup, "<b>");
      g_string_append (markup, bold);
      g_string_append (markup, "</b>");
      done = range->end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (text + done, length - done);

    g_string_append (markup, rest);
  }

  return g_string_free (markup, FALSE);
}
