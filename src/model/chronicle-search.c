/* chronicle-search.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-search"

#include "config.h"

#include "chronicle-search.h"

#include <string.h>

/*
 * The index is one string holding every event of the timeline folded, in
 * timeline order. Each field starts with a marker byte (MARK_BASE + its
 * ChronicleSearchField), so a word never matches across two fields and the
 * marker before a match tells which field it is in. Folded text has no
 * control characters (they fold to spaces), and no NUL, so strstr() runs
 * over the whole index in one pass.
 *
 * Per event: title, summary, location, each actor, then for each quote its
 * text and its speaker (an empty speaker field when there is none, so that
 * the n-th speaker marker belongs to the n-th quote).
 */

#define MARK_BASE 0x01
#define IS_MARK(c) ((guchar) (c) < 0x20)

/* Snippets of long fields keep this many characters before the match. */
#define SNIPPET_LEAD_SHARE 4

struct _ChronicleSearchQuery
{
  GPtrArray *terms;  /* folded words (char *), query order */
};

typedef struct
{
  GString *text;
  gsize   *offsets;   /* n_events + 1: event i is text[offsets[i], offsets[i + 1]) */
  guint    n_events;
} SearchIndex;

static GQuark
get_index_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chronicle-search-index");
  return quark;
}

static GQuark
get_watch_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chronicle-search-watch");
  return quark;
}

static void
search_index_free (SearchIndex *index)
{
  if (index == NULL)
    return;

  g_string_free (index->text, TRUE);
  g_free (index->offsets);
  g_free (index);
}

/* Letters without a decomposition that readers take for accented ASCII,
 * and typographic punctuation typed as ASCII. Returns NULL for others. */
static const char *
lookup_look_alike (gunichar ch)
{
  switch (ch)
    {
    case 0x0131: /* ı */
    case 0x0130: /* İ: NFKD gives I + dot, kept here for clarity */
      return "i";
    case 0x0141: case 0x0142: /* Ł ł */
      return "l";
    case 0x00D8: case 0x00F8: /* Ø ø */
      return "o";
    case 0x0110: case 0x0111: case 0x00D0: case 0x00F0: /* Đ đ Ð ð */
      return "d";
    case 0x0126: case 0x0127: /* Ħ ħ */
      return "h";
    case 0x00C6: case 0x00E6: /* Æ æ */
      return "ae";
    case 0x0152: case 0x0153: /* Œ œ */
      return "oe";
    case 0x00DE: case 0x00FE: /* Þ þ */
      return "th";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x02BC: case 0x2032:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return "-";
    default:
      return NULL;
    }
}

static void
append_folded_ascii (GString *out,
                     char     c)
{
  if ((guchar) c < 0x20 || c == 0x7f)
    g_string_append_c (out, ' ');
  else
    g_string_append_c (out, g_ascii_tolower (c));
}

/* Appends the folded form of the non-ASCII character @ch to @out. */
static void
append_folded_unichar (GString  *out,
                       gunichar  ch)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  const char *look_alike;
  gsize n;

  look_alike = lookup_look_alike (ch);
  if (look_alike != NULL)
    {
      g_string_append (out, look_alike);
      return;
    }

  if (g_unichar_isspace (ch) || g_unichar_iscntrl (ch))
    {
      g_string_append_c (out, ' ');
      return;
    }

  /* NFKD, then drop the combining marks: "ç" is "c" + U+0327. */
  n = g_unichar_fully_decompose (ch, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      char utf8[6];
      int length;
      g_autofree char *folded = NULL;

      if (g_unichar_ismark (decomposed[i]))
        continue;

      if (decomposed[i] < 0x80)
        {
          append_folded_ascii (out, (char) decomposed[i]);
          continue;
        }

      look_alike = lookup_look_alike (decomposed[i]);
      if (look_alike != NULL)
        {
          g_string_append (out, look_alike);
          continue;
        }

      length = g_unichar_to_utf8 (decomposed[i], utf8);
      folded = g_utf8_casefold (utf8, length);
      g_string_append (out, folded);
    }
}

/* Appends @text folded to @out. When @map is not NULL, appends for each
 * byte written the byte offset in @text of the character it comes from. */
static void
append_folded (GString    *out,
               const char *text,
               GArray     *map)
{
  const char *p = text;

  while (*p != '\0')
    {
      gsize before = out->len;
      const char *next;

      /* Fast path for runs of ASCII without a map, the bulk of the index:
       * lower-cased in place, control characters as spaces. */
      if (map == NULL && (guchar) *p < 0x80)
        {
          const char *run = p;
          char *dest;

          while ((guchar) *p < 0x80 && *p != '\0')
            p++;
          g_string_set_size (out, before + (p - run));
          dest = out->str + before;
          for (; run < p; run++, dest++)
            {
              char c = *run;

              if (c >= 'A' && c <= 'Z')
                *dest = c + ('a' - 'A');
              else if ((guchar) c < 0x20 || c == 0x7f)
                *dest = ' ';
              else
                *dest = c;
            }
          continue;
        }

      if ((guchar) *p < 0x80)
        {
          append_folded_ascii (out, *p);
          next = p + 1;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated (p, -1);

          if (ch == (gunichar) -1 || ch == (gunichar) -2)
            {
              /* Not UTF-8 (the loader refuses such files): skip the byte. */
              g_string_append_c (out, ' ');
              next = p + 1;
            }
          else
            {
              append_folded_unichar (out, ch);
              next = g_utf8_next_char (p);
            }
        }

      if (map != NULL)
        {
          gsize offset = p - text;

          for (gsize i = before; i < out->len; i++)
            g_array_append_val (map, offset);
        }

      p = next;
    }
}

/**
 * chronicle_search_fold:
 * @text: UTF-8 text
 *
 * Returns: (transfer full): @text as the search compares it: case folded,
 *   accents dropped, white space and control characters as spaces
 */
char *
chronicle_search_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  append_folded (out, text, NULL);
  return g_string_free (out, FALSE);
}

/**
 * chronicle_search_query_new:
 * @text: what the user typed
 *
 * Splits @text into words at white space. A part in double quotes is one
 * word, spaces included ("per cent").
 *
 * Returns: (transfer full): the query; empty when @text has no words
 */
ChronicleSearchQuery *
chronicle_search_query_new (const char *text)
{
  ChronicleSearchQuery *query;
  g_autofree char *folded = NULL;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  query = g_new0 (ChronicleSearchQuery, 1);
  query->terms = g_ptr_array_new_with_free_func (g_free);

  folded = chronicle_search_fold (text);
  p = folded;
  while (*p != '\0')
    {
      const char *end;

      if (*p == ' ')
        {
          p++;
          continue;
        }

      if (*p == '"')
        {
          p++;
          end = strchr (p, '"');
          if (end == NULL)
            end = p + strlen (p);
        }
      else
        {
          end = strchr (p, ' ');
          if (end == NULL)
            end = p + strlen (p);
        }

      {
        g_autofree char *term = g_strndup (p, end - p);

        g_strstrip (term);
        if (term[0] != '\0')
          g_ptr_array_add (query->terms, g_steal_pointer (&term));
      }

      p = *end == '\0' ? end : end + 1;
    }

  return query;
}

void
chronicle_search_query_free (ChronicleSearchQuery *query)
{
  if (query == NULL)
    return;

  g_ptr_array_unref (query->terms);
  g_free (query);
}

gboolean
chronicle_search_query_is_empty (const ChronicleSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, TRUE);

  return query->terms->len == 0;
}

guint
chronicle_search_query_get_n_terms (const ChronicleSearchQuery *query)
{
  g_return_val_if_fail (query != NULL, 0);

  return query->terms->len;
}

const char *
chronicle_search_query_get_term (const ChronicleSearchQuery *query,
                                 guint                       index)
{
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (index < query->terms->len, NULL);

  return g_ptr_array_index (query->terms, index);
}

/**
 * chronicle_search_query_matches:
 * @text: UTF-8 text
 *
 * Returns: whether every word of @query occurs in @text (%FALSE for an
 *   empty query)
 */
gboolean
chronicle_search_query_matches (const ChronicleSearchQuery *query,
                                const char                 *text)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (query->terms->len == 0)
    return FALSE;

  folded = chronicle_search_fold (text);
  for (guint i = 0; i < query->terms->len; i++)
    if (strstr (folded, g_ptr_array_index (query->terms, i)) == NULL)
      return FALSE;

  return TRUE;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const ChronicleSearchRange *ra = a;
  const ChronicleSearchRange *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  if (ra->end != rb->end)
    return ra->end < rb->end ? -1 : 1;
  return 0;
}

/**
 * chronicle_search_query_find_ranges:
 * @text: UTF-8 text
 *
 * Returns: (transfer full) (element-type ChronicleSearchRange): where the
 *   words of @query occur in @text, as sorted, merged byte ranges on
 *   character boundaries
 */
GArray *
chronicle_search_query_find_ranges (const ChronicleSearchQuery *query,
                                    const char                 *text)
{
  g_autoptr(GString) folded = NULL;
  g_autoptr(GArray) map = NULL;
  g_autoptr(GArray) found = NULL;
  GArray *merged;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  merged = g_array_new (FALSE, FALSE, sizeof (ChronicleSearchRange));
  if (query->terms->len == 0 || text[0] == '\0')
    return merged;

  folded = g_string_sized_new (strlen (text));
  map = g_array_sized_new (FALSE, FALSE, sizeof (gsize), strlen (text));
  append_folded (folded, text, map);

  found = g_array_new (FALSE, FALSE, sizeof (ChronicleSearchRange));
  for (guint i = 0; i < query->terms->len; i++)
    {
      const char *term = g_ptr_array_index (query->terms, i);
      gsize term_length = strlen (term);
      const char *hit = folded->str;

      while ((hit = strstr (hit, term)) != NULL)
        {
          gsize first = hit - folded->str;
          gsize last = first + term_length - 1;
          ChronicleSearchRange range;

          /* Whole source characters: the one the first folded byte comes
           * from, to the end of the one the last comes from. */
          range.start = g_array_index (map, gsize, first);
          range.end = g_utf8_next_char (text + g_array_index (map, gsize, last)) - text;
          g_array_append_val (found, range);
          hit += 1;
        }
    }

  g_array_sort (found, compare_ranges);
  for (guint i = 0; i < found->len; i++)
    {
      ChronicleSearchRange *range = &g_array_index (found, ChronicleSearchRange, i);

      if (merged->len > 0)
        {
          ChronicleSearchRange *last = &g_array_index (merged, ChronicleSearchRange, merged->len - 1);

          if (range->start <= last->end)
            {
              last->end = MAX (last->end, range->end);
              continue;
            }
        }
      g_array_append_val (merged, *range);
    }

  return merged;
}

/**
 * chronicle_search_query_make_snippet:
 * @text: the text of the field that matched
 * @max_chars: about how many characters to keep
 *
 * Returns: (transfer full): @text, or a part of it around the first word
 *   of @query found, cut at spaces where possible, with "…" at the cuts
 */
char *
chronicle_search_query_make_snippet (const ChronicleSearchQuery *query,
                                     const char                 *text,
                                     guint                       max_chars)
{
  g_autoptr(GArray) ranges = NULL;
  glong n_chars, first_char = 0, start, end;
  const char *start_p, *end_p;
  GString *snippet;

  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (max_chars > 0, NULL);

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars <= (glong) max_chars)
    return g_strdup (text);

  ranges = chronicle_search_query_find_ranges (query, text);
  if (ranges->len > 0)
    first_char = g_utf8_pointer_to_offset (text, text + g_array_index (ranges, ChronicleSearchRange, 0).start);

  start = MAX (0, first_char - (glong) max_chars / SNIPPET_LEAD_SHARE);
  end = MIN (n_chars, start + (glong) max_chars);
  start = MAX (0, end - (glong) max_chars);

  start_p = g_utf8_offset_to_pointer (text, start);
  end_p = g_utf8_offset_to_pointer (text, end);

  /* Cut at a space when one is near, rather than in a word. */
  if (start > 0)
    {
      const char *space = start_p;
      glong limit = MIN ((glong) max_chars / SNIPPET_LEAD_SHARE, first_char - start);

      for (glong i = 0; i < limit && *space != ' '; i++)
        space = g_utf8_next_char (space);
      if (*space == ' ')
        start_p = space + 1;
    }
  if (end < n_chars)
    {
      const char *space = end_p;

      for (glong i = 0; i < (glong) max_chars / SNIPPET_LEAD_SHARE && space > start_p && *space != ' '; i++)
        space = g_utf8_prev_char (space);
      if (*space == ' ' && space > start_p)
        end_p = space;
    }

  snippet = g_string_new (NULL);
  if (start_p > text)
    g_string_append (snippet, "…");
  g_string_append_len (snippet, start_p, end_p - start_p);
  if (*end_p != '\0')
    g_string_append (snippet, "…");

  return g_string_free (snippet, FALSE);
}

static void
append_field (GString              *text,
              ChronicleSearchField  field,
              const char           *value)
{
  g_string_append_c (text, (char) (MARK_BASE + field));
  if (value != NULL)
    append_folded (text, value, NULL);
}

/* Folds events [@from, @to) of @timeline into @index. */
static void
index_events (SearchIndex       *index,
              ChronicleTimeline *timeline,
              guint              from,
              guint              to)
{
  for (guint i = from; i < to; i++)
    {
      const char * const *actors = chronicle_timeline_get_event_actors (timeline, i);
      guint n_quotes = chronicle_timeline_get_event_n_quotes (timeline, i);

      /* The store's accessors: indexing makes no ChronicleEvent. */
      index->offsets[i] = index->text->len;
      append_field (index->text, CHRONICLE_SEARCH_FIELD_TITLE, chronicle_timeline_get_event_title (timeline, i));
      append_field (index->text, CHRONICLE_SEARCH_FIELD_SUMMARY, chronicle_timeline_get_event_summary (timeline, i));
      append_field (index->text, CHRONICLE_SEARCH_FIELD_LOCATION, chronicle_timeline_get_event_location (timeline, i));
      for (guint k = 0; actors != NULL && actors[k] != NULL; k++)
        append_field (index->text, CHRONICLE_SEARCH_FIELD_ACTOR, actors[k]);
      for (guint k = 0; k < n_quotes; k++)
        {
          ChronicleQuote *quote = chronicle_timeline_get_event_quote (timeline, i, k);

          append_field (index->text, CHRONICLE_SEARCH_FIELD_QUOTE, chronicle_quote_get_text (quote));
          append_field (index->text, CHRONICLE_SEARCH_FIELD_SPEAKER, chronicle_quote_get_speaker (quote));
        }
    }
  index->offsets[to] = index->text->len;
}

static SearchIndex *
search_index_new (guint n_events)
{
  SearchIndex *index = g_new0 (SearchIndex, 1);

  index->n_events = n_events;
  index->offsets = g_new0 (gsize, n_events + 1);
  /* About 150 bytes per event in real and generated files. */
  index->text = g_string_sized_new ((gsize) n_events * 160 + 1);
  return index;
}

/* An index being built a slice at a time from idle callbacks (in the
 * timeline's qdata; dropped with it, or when the events change). */
typedef struct
{
  ChronicleTimeline *timeline;  /* borrowed: the builder lives in its qdata */
  SearchIndex       *index;
  guint              next;      /* first event not folded yet */
  guint              idle_id;
} IndexBuilder;

/* Events folded per idle callback: a few milliseconds, so the window stays
 * responsive while a large timeline is indexed. */
#define EVENTS_PER_SLICE 4000

static GQuark
get_builder_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("chronicle-search-builder");
  return quark;
}

static void
index_builder_free (IndexBuilder *builder)
{
  g_clear_handle_id (&builder->idle_id, g_source_remove);
  search_index_free (builder->index);
  g_free (builder);
}

static void
install_index (ChronicleTimeline *timeline,
               SearchIndex       *index)
{
  g_object_set_qdata_full (G_OBJECT (timeline), get_index_quark (), index,
                           (GDestroyNotify) search_index_free);
}

/* Folds what is left, installs the index and drops the builder. */
static SearchIndex *
finish_builder (IndexBuilder *builder)
{
  ChronicleTimeline *timeline = builder->timeline;
  SearchIndex *index = g_steal_pointer (&builder->index);

  index_events (index, timeline, builder->next, index->n_events);
  /* Frees the builder, and removes its idle source. */
  g_object_set_qdata (G_OBJECT (timeline), get_builder_quark (), NULL);
  install_index (timeline, index);
  return index;
}

static gboolean
on_builder_idle_cb (gpointer data)
{
  IndexBuilder *builder = data;
  guint to = MIN (builder->next + EVENTS_PER_SLICE, builder->index->n_events);

  if (to >= builder->index->n_events)
    {
      builder->idle_id = 0;
      finish_builder (builder);
      return G_SOURCE_REMOVE;
    }

  index_events (builder->index, builder->timeline, builder->next, to);
  builder->next = to;
  return G_SOURCE_CONTINUE;
}

static void
on_timeline_items_changed_cb (ChronicleTimeline *timeline)
{
  /* The positions in the index are stale: drop it (and one being built),
   * the next search builds a new one. */
  g_object_set_qdata (G_OBJECT (timeline), get_builder_quark (), NULL);
  g_object_set_qdata (G_OBJECT (timeline), get_index_quark (), NULL);
}

/* Watches @timeline's events, once. */
static void
ensure_watch (ChronicleTimeline *timeline)
{
  if (g_object_get_qdata (G_OBJECT (timeline), get_watch_quark ()) != NULL)
    return;

  g_signal_connect (timeline, "items-changed", G_CALLBACK (on_timeline_items_changed_cb), NULL);
  g_object_set_qdata (G_OBJECT (timeline), get_watch_quark (), GUINT_TO_POINTER (TRUE));
}

static SearchIndex *
ensure_index (ChronicleTimeline *timeline)
{
  SearchIndex *index = g_object_get_qdata (G_OBJECT (timeline), get_index_quark ());
  IndexBuilder *builder;

  if (index != NULL)
    return index;

  /* A search before the idle build is done completes it. */
  builder = g_object_get_qdata (G_OBJECT (timeline), get_builder_quark ());
  if (builder != NULL)
    return finish_builder (builder);

  ensure_watch (timeline);
  index = search_index_new (chronicle_timeline_get_n_events (timeline));
  index_events (index, timeline, 0, index->n_events);
  install_index (timeline, index);
  return index;
}

/**
 * chronicle_search_prepare:
 * @timeline: a timeline
 *
 * Folds @timeline's events into the search index now. Searching does it
 * otherwise.
 */
void
chronicle_search_prepare (ChronicleTimeline *timeline)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));

  ensure_index (timeline);
}

/* Returns: whether @timeline's search index is built */
gboolean
chronicle_search_is_prepared (ChronicleTimeline *timeline)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), FALSE);

  return g_object_get_qdata (G_OBJECT (timeline), get_index_quark ()) != NULL;
}

/**
 * chronicle_search_prepare_in_background:
 * @timeline: a timeline
 *
 * Builds the search index from idle callbacks of the default main context,
 * a slice of events at a time, so that the first search of a large
 * timeline does not wait for it and the window stays responsive. A search
 * that comes first finishes it. Does nothing when the index is there or
 * on its way.
 */
void
chronicle_search_prepare_in_background (ChronicleTimeline *timeline)
{
  IndexBuilder *builder;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));

  if (g_object_get_qdata (G_OBJECT (timeline), get_index_quark ()) != NULL ||
      g_object_get_qdata (G_OBJECT (timeline), get_builder_quark ()) != NULL)
    return;

  ensure_watch (timeline);
  builder = g_new0 (IndexBuilder, 1);
  builder->timeline = timeline;
  builder->index = search_index_new (chronicle_timeline_get_n_events (timeline));
  builder->idle_id = g_idle_add_full (G_PRIORITY_LOW, on_builder_idle_cb, builder, NULL);
  g_object_set_qdata_full (G_OBJECT (timeline), get_builder_quark (), builder,
                           (GDestroyNotify) index_builder_free);
}

/* The event whose part of the index holds byte @offset. */
static guint
find_event_at (const SearchIndex *index,
               gsize              offset)
{
  guint lo = 0, hi = index->n_events;

  /* Last i with offsets[i] <= offset. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (index->offsets[mid] <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static const char *
get_field_text (ChronicleEvent       *event,
                ChronicleSearchField  field,
                guint                 field_index)
{
  switch (field)
    {
    case CHRONICLE_SEARCH_FIELD_TITLE:
      return chronicle_event_get_title (event);
    case CHRONICLE_SEARCH_FIELD_SUMMARY:
      return chronicle_event_get_summary (event);
    case CHRONICLE_SEARCH_FIELD_LOCATION:
      return chronicle_event_get_location (event);
    case CHRONICLE_SEARCH_FIELD_ACTOR:
      return chronicle_event_get_actors (event)[field_index];
    case CHRONICLE_SEARCH_FIELD_QUOTE:
      return chronicle_quote_get_text (chronicle_event_get_quote (event, field_index));
    case CHRONICLE_SEARCH_FIELD_SPEAKER:
      return chronicle_quote_get_speaker (chronicle_event_get_quote (event, field_index));
    default:
      g_assert_not_reached ();
    }
}

static ChronicleSearchMatch *
build_match (const SearchIndex          *index,
             const ChronicleSearchQuery *query,
             ChronicleEvent             *event,
             guint                       position)
{
  const char *text = index->text->str;
  gsize first = index->offsets[position];
  gsize last = index->offsets[position + 1];
  const char *term = g_ptr_array_index (query->terms, 0);
  const char *hit = g_strstr_len (text + first, last - first, term);
  const char *mark;
  ChronicleSearchField field;
  guint field_index = 0;
  const char *field_text;
  g_autofree char *snippet = NULL;
  g_autoptr(GArray) highlights = NULL;

  g_assert (hit != NULL);

  mark = hit;
  while (!IS_MARK (*mark))
    mark--;
  field = (ChronicleSearchField) (*mark - MARK_BASE);

  for (const char *p = text + first; p < mark; p++)
    if (*p == *mark)
      field_index++;

  field_text = get_field_text (event, field, field_index);
  g_assert (field_text != NULL);

  /* Room for about one line of the results list. */
  snippet = chronicle_search_query_make_snippet (query, field_text, 90);
  highlights = chronicle_search_query_find_ranges (query, snippet);

  return chronicle_search_match_new (event, position, field, field_index, snippet, highlights);
}

static gboolean
event_has_terms (const SearchIndex          *index,
                 const ChronicleSearchQuery *query,
                 guint                       position,
                 guint                       skip)
{
  const char *text = index->text->str;
  gsize first = index->offsets[position];
  gsize length = index->offsets[position + 1] - first;

  for (guint i = 0; i < query->terms->len; i++)
    {
      if (i != skip && g_strstr_len (text + first, length, g_ptr_array_index (query->terms, i)) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * chronicle_search_timeline:
 * @timeline: the timeline to search
 * @query: what to look for
 * @filter: (nullable): when set, only events it shows are found
 * @max_results: how many matches to build at most, 0 for all
 * @n_matches: (out) (optional): how many events match in all
 *
 * Returns: (transfer full) (element-type ChronicleSearchMatch): the first
 *   @max_results events that match, in timeline order
 */
GPtrArray *
chronicle_search_timeline (ChronicleTimeline          *timeline,
                           const ChronicleSearchQuery *query,
                           ChronicleFilter            *filter,
                           guint                       max_results,
                           guint                      *n_matches)
{
  g_autoptr(GPtrArray) matches = NULL;
  const SearchIndex *index;
  const char *text, *hit;
  const char *primary = NULL;
  guint primary_index = 0;
  guint count = 0;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (filter == NULL || CHRONICLE_IS_FILTER (filter), NULL);

  matches = g_ptr_array_new_with_free_func (g_object_unref);
  if (query->terms->len == 0)
    {
      if (n_matches != NULL)
        *n_matches = 0;
      return g_steal_pointer (&matches);
    }

  index = ensure_index (timeline);
  text = index->text->str;

  /* Scan for the longest word, the likeliest to be rare; check the
   * others only in the events it is found in. */
  for (guint i = 0; i < query->terms->len; i++)
    {
      const char *term = g_ptr_array_index (query->terms, i);

      if (primary == NULL || strlen (term) > strlen (primary))
        {
          primary = term;
          primary_index = i;
        }
    }

  hit = text;
  while ((hit = strstr (hit, primary)) != NULL)
    {
      guint position = find_event_at (index, hit - text);
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, position);

      if (event_has_terms (index, query, position, primary_index) &&
          (filter == NULL || chronicle_filter_matches (filter, timeline, event)))
        {
          count++;
          if (max_results == 0 || matches->len < max_results)
            g_ptr_array_add (matches, build_match (index, query, event, position));
        }

      /* On to the next event. */
      hit = text + index->offsets[position + 1];
    }

  if (n_matches != NULL)
    *n_matches = count;
  return g_steal_pointer (&matches);
}
