/* test-search.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "chronicle-filter.h"
#include "chronicle-layout-private.h"
#include "chronicle-paint.h"
#include "chronicle-search.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-private.h"
#include "chronicle-timeline-writer.h"

static GPtrArray *
search (ChronicleTimeline *timeline,
        const char        *text,
        ChronicleFilter   *filter,
        guint             *n_matches)
{
  g_autoptr(ChronicleSearchQuery) query = chronicle_search_query_new (text);

  return chronicle_search_timeline (timeline, query, filter, 0, n_matches);
}

/* The ids of the events found, comma-separated, in result order. */
static char *
dup_result_ids (GPtrArray *matches)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      ChronicleSearchMatch *match = g_ptr_array_index (matches, i);

      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, chronicle_event_get_id (chronicle_search_match_get_event (match)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static ChronicleSearchMatch *
find_result (GPtrArray  *matches,
             const char *id)
{
  for (guint i = 0; i < matches->len; i++)
    {
      ChronicleSearchMatch *match = g_ptr_array_index (matches, i);

      if (g_strcmp0 (chronicle_event_get_id (chronicle_search_match_get_event (match)), id) == 0)
        return match;
    }

  return NULL;
}

/* The text of @match's snippet inside its highlights, joined by "|". */
static char *
dup_highlighted (ChronicleSearchMatch *match)
{
  const GArray *ranges = chronicle_search_match_get_highlights (match);
  const char *snippet = chronicle_search_match_get_snippet (match);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ranges->len; i++)
    {
      const ChronicleSearchRange *range = &g_array_index (ranges, ChronicleSearchRange, i);

      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, snippet + range->start, range->end - range->start);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ChronicleEvent *
add_event (GPtrArray  *events,
           const char *id,
           const char *date_text,
           const char *title)
{
  g_autoptr(GError) error = NULL;
  ChronicleEvent *event;
  ChronicleDate date;

  g_assert_true (chronicle_date_parse (date_text, &date, &error));
  g_assert_no_error (error);
  event = chronicle_event_new (id, &date, title);
  g_ptr_array_add (events, event);
  return event;
}

/* A small timeline with one event per interesting case:
 *  a: category "talks", actors Alpha + Beta, source s1
 *  b: category "war", actor Beta, a quote by "Zoë Ünal" from source s2
 *  c: no category, actor Gamma, no source
 *  d: category "ghost" (not defined: drawn and filtered as no category) */
static ChronicleTimeline *
create_small_timeline (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Small");
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ChronicleCategory) talks = chronicle_category_new ("talks", "Talks", "#3584e4");
  g_autoptr(ChronicleCategory) war = chronicle_category_new ("war", "War", NULL);
  g_autoptr(ChronicleSource) s1 = chronicle_source_new ("s1", "Agency One", "First report", NULL, NULL);
  g_autoptr(ChronicleSource) s2 = chronicle_source_new ("s2", NULL, "Second report", NULL, NULL);
  g_autoptr(ChronicleQuote) quote = NULL;
  ChronicleEvent *event;

  chronicle_timeline_add_category (timeline, talks);
  chronicle_timeline_add_category (timeline, war);
  chronicle_timeline_add_source (timeline, s1);
  chronicle_timeline_add_source (timeline, s2);

  event = add_event (events, "a", "2024-01-01", "Talks resume in Geneva");
  chronicle_event_set_category_id (event, "talks");
  chronicle_event_set_actors (event, (const char *[]) { "Alpha", "Beta", NULL });
  chronicle_event_set_source_ids (event, (const char *[]) { "s1", NULL });
  chronicle_event_set_location (event, "Genève");

  event = add_event (events, "b", "2024-02-01", "Shelling near the port");
  chronicle_event_set_category_id (event, "war");
  chronicle_event_set_actors (event, (const char *[]) { "Beta", NULL });
  chronicle_event_set_summary (event, "The harbour came under fire overnight.");
  quote = chronicle_quote_new ("We will rebuild the harbour.", "Zoë Ünal", "Mayor", "s2", NULL);
  chronicle_event_add_quote (event, quote);

  event = add_event (events, "c", "2024-03-01", "Quiet day");
  chronicle_event_set_actors (event, (const char *[]) { "Gamma", NULL });

  event = add_event (events, "d", "2024-04-01", "Unfiled report");
  chronicle_event_set_category_id (event, "ghost");

  chronicle_timeline_set_events (timeline, events);
  return g_steal_pointer (&timeline);
}

/* An independent fold for the brute-force check: GLib's case folding and
 * NFKD, with combining marks dropped. */
static char *
fold_reference (const char *text)
{
  g_autofree char *casefolded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (casefolded, -1, G_NORMALIZE_NFKD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (!g_unichar_ismark (ch))
        g_string_append_unichar (out, ch);
    }

  return g_string_free (out, FALSE);
}

/* @event's searchable fields folded by fold_reference(), joined by "\n"
 * so that no word spans two fields. */
static char *
fold_event_reference (ChronicleEvent *event)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  const char * const *actors = chronicle_event_get_actors (event);

  g_ptr_array_add (fields, (gpointer) chronicle_event_get_title (event));
  g_ptr_array_add (fields, (gpointer) chronicle_event_get_summary (event));
  g_ptr_array_add (fields, (gpointer) chronicle_event_get_location (event));
  for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
    g_ptr_array_add (fields, (gpointer) actors[i]);
  for (guint i = 0; i < chronicle_event_get_n_quotes (event); i++)
    {
      ChronicleQuote *quote = chronicle_event_get_quote (event, i);

      g_ptr_array_add (fields, (gpointer) chronicle_quote_get_text (quote));
      g_ptr_array_add (fields, (gpointer) chronicle_quote_get_speaker (quote));
    }

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *folded = NULL;

      if (g_ptr_array_index (fields, i) == NULL)
        continue;
      folded = fold_reference (g_ptr_array_index (fields, i));
      g_string_append (out, folded);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_fold (void)
{
  static const struct {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Dolmabahçe", "dolmabahce" },
    { "ISTANBUL", "istanbul" },
    { "Zoë Ünal", "zoe unal" },
    { "Łódź", "lodz" },
    { "Straße", "strasse" },
    { "Mehmet Yılmaz", "mehmet yilmaz" },
    { "Genève", "geneve" },
    { "ﬁnal ½", "final 1⁄2" },
    { "Kyiv’s “talks”", "kyiv's \"talks\"" },
    { "line\nbreak\ttab", "line break tab" },
    { "Ελλάδα", "ελλαδα" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = chronicle_search_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
}

static void
test_query_terms (void)
{
  g_autoptr(ChronicleSearchQuery) words = chronicle_search_query_new ("  Marco   RUBIO\t");
  g_autoptr(ChronicleSearchQuery) phrase = chronicle_search_query_new ("“100 per cent” wrong");
  g_autoptr(ChronicleSearchQuery) empty = chronicle_search_query_new (" \t ");

  g_assert_cmpuint (chronicle_search_query_get_n_terms (words), ==, 2);
  g_assert_cmpstr (chronicle_search_query_get_term (words, 0), ==, "marco");
  g_assert_cmpstr (chronicle_search_query_get_term (words, 1), ==, "rubio");

  g_assert_cmpuint (chronicle_search_query_get_n_terms (phrase), ==, 2);
  g_assert_cmpstr (chronicle_search_query_get_term (phrase, 0), ==, "100 per cent");
  g_assert_cmpstr (chronicle_search_query_get_term (phrase, 1), ==, "wrong");

  g_assert_true (chronicle_search_query_is_empty (empty));
  g_assert_false (chronicle_search_query_matches (empty, "anything"));

  g_assert_true (chronicle_search_query_matches (words, "Rubio, Marco"));
  g_assert_false (chronicle_search_query_matches (words, "Marco Polo"));
}

static void
test_quote_word (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GPtrArray) phrase = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *highlighted = NULL;
  ChronicleSearchMatch *match;
  guint n_matches = 0;

  /* "assessment" is only in the second of Rubio's quotes. */
  matches = search (timeline, "assessment", NULL, &n_matches);
  ids = dup_result_ids (matches);
  g_assert_cmpstr (ids, ==, "rubio-assessment");
  g_assert_cmpuint (n_matches, ==, 1);

  match = g_ptr_array_index (matches, 0);
  g_assert_cmpint (chronicle_search_match_get_field (match), ==, CHRONICLE_SEARCH_FIELD_QUOTE);
  g_assert_cmpuint (chronicle_search_match_get_field_index (match), ==, 1);
  g_assert_true (chronicle_timeline_get_event (timeline, chronicle_search_match_get_position (match)) ==
                 chronicle_search_match_get_event (match));
  g_assert_nonnull (strstr (chronicle_search_match_get_snippet (match), "my assessment"));
  highlighted = dup_highlighted (match);
  g_assert_cmpstr (highlighted, ==, "assessment");

  /* Several words, all in the first quote. */
  phrase = search (timeline, "100 per cent", NULL, NULL);
  match = find_result (phrase, "rubio-assessment");
  g_assert_nonnull (match);
  g_assert_cmpint (chronicle_search_match_get_field (match), ==, CHRONICLE_SEARCH_FIELD_QUOTE);
  g_assert_cmpuint (chronicle_search_match_get_field_index (match), ==, 0);
}

static void
test_accents_and_case (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  const char *queries[] = { "Dolmabahce", "DOLMABAHÇE", "dolmabahçe palace" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) matches = search (timeline, queries[i], NULL, NULL);
      ChronicleSearchMatch *match = find_result (matches, "talks-open");

      g_assert_nonnull (match);
      g_assert_nonnull (find_result (matches, "fidan-opens"));
      for (guint k = 0; k < matches->len; k++)
        {
          ChronicleEvent *event = chronicle_search_match_get_event (g_ptr_array_index (matches, k));
          g_autofree char *location = chronicle_search_fold (chronicle_event_get_location (event) ?: "");
          g_autofree char *summary = chronicle_search_fold (chronicle_event_get_summary (event) ?: "");

          g_assert_true (strstr (location, "dolmabahce") != NULL || strstr (summary, "dolmabahce") != NULL);
        }
    }

  /* The snippet shows the original spelling, with the word in bold. */
  {
    g_autoptr(GPtrArray) matches = search (timeline, "dolmabahce", NULL, NULL);
    ChronicleSearchMatch *match = find_result (matches, "fidan-opens");
    g_autofree char *highlighted = dup_highlighted (match);
    g_autofree char *markup = chronicle_search_match_dup_markup (match);

    g_assert_cmpstr (highlighted, ==, "Dolmabahçe");
    g_assert_nonnull (strstr (markup, "<b>Dolmabahçe</b>"));
  }
}

static void
test_fields (void)
{
  g_autoptr(ChronicleTimeline) small = create_small_timeline ();
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(GPtrArray) speaker = search (small, "zoe unal", NULL, NULL);
  g_autoptr(GPtrArray) actor = search (small, "gamma", NULL, NULL);
  g_autoptr(GPtrArray) location = search (small, "geneve", NULL, NULL);
  g_autoptr(GPtrArray) summary = search (small, "overnight", NULL, NULL);
  g_autoptr(GPtrArray) rubio = search (example, "Rubio", NULL, NULL);
  g_autoptr(GPtrArray) kellogg = search (example, "kellogg", NULL, NULL);
  g_autofree char *rubio_ids = dup_result_ids (rubio);
  ChronicleSearchMatch *match;

  g_assert_cmpuint (speaker->len, ==, 1);
  match = g_ptr_array_index (speaker, 0);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_search_match_get_event (match)), ==, "b");
  g_assert_cmpint (chronicle_search_match_get_field (match), ==, CHRONICLE_SEARCH_FIELD_SPEAKER);
  g_assert_cmpstr (chronicle_search_match_get_snippet (match), ==, "Zoë Ünal");

  g_assert_cmpuint (actor->len, ==, 1);
  match = g_ptr_array_index (actor, 0);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_search_match_get_event (match)), ==, "c");
  g_assert_cmpint (chronicle_search_match_get_field (match), ==, CHRONICLE_SEARCH_FIELD_ACTOR);

  /* "Geneva" in a's title does not match "geneve"; its location does. */
  g_assert_cmpuint (location->len, ==, 1);
  match = g_ptr_array_index (location, 0);
  g_assert_cmpint (chronicle_search_match_get_field (match), ==, CHRONICLE_SEARCH_FIELD_LOCATION);
  g_assert_cmpstr (chronicle_search_match_get_snippet (match), ==, "Genève");

  g_assert_cmpuint (summary->len, ==, 1);
  g_assert_cmpint (chronicle_search_match_get_field (g_ptr_array_index (summary, 0)), ==,
                   CHRONICLE_SEARCH_FIELD_SUMMARY);

  /* Speaker, actor, title and summary of the example: both Rubio events,
   * in time order. */
  g_assert_cmpstr (rubio_ids, ==, "rubio-assessment,side-meetings");
  g_assert_cmpuint (kellogg->len, ==, 1);
  match = g_ptr_array_index (kellogg, 0);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_search_match_get_event (match)), ==, "side-meetings");
}

static void
test_all_words (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(GPtrArray) rubio = search (timeline, "rubio", NULL, NULL);
  g_autoptr(GPtrArray) ceasefire = search (timeline, "ceasefire", NULL, NULL);
  g_autoptr(GPtrArray) both = search (timeline, "ceasefire rubio", NULL, NULL);
  g_autoptr(GPtrArray) across = search (timeline, "kellogg istanbul", NULL, NULL);
  g_autoptr(GPtrArray) none = search (timeline, "kellogg dnipro", NULL, NULL);
  g_autofree char *both_ids = dup_result_ids (both);
  g_autofree char *across_ids = dup_result_ids (across);

  /* The intersection, not the union. */
  g_assert_cmpuint (rubio->len, >, both->len);
  g_assert_cmpuint (ceasefire->len, >, both->len);
  g_assert_cmpstr (both_ids, ==, "rubio-assessment");
  /* Words may be in different fields of one event. */
  g_assert_cmpstr (across_ids, ==, "side-meetings");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_no_match (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  guint n_matches = 99;
  g_autoptr(GPtrArray) missing = search (timeline, "xylophone", NULL, &n_matches);
  g_autoptr(GPtrArray) empty = NULL;

  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_cmpuint (n_matches, ==, 0);

  n_matches = 99;
  empty = search (timeline, "   ", NULL, &n_matches);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (n_matches, ==, 0);
}

static void
test_limit_and_order (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (2000, 7);
  g_autoptr(ChronicleSearchQuery) query = chronicle_search_query_new ("talks");
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) first = NULL;
  guint n_all = 0, n_first = 0;

  all = chronicle_search_timeline (timeline, query, NULL, 0, &n_all);
  first = chronicle_search_timeline (timeline, query, NULL, 10, &n_first);

  g_assert_cmpuint (all->len, >, 10);
  g_assert_cmpuint (n_all, ==, all->len);
  g_assert_cmpuint (first->len, ==, 10);
  /* The count is of all matches, not of those built. */
  g_assert_cmpuint (n_first, ==, n_all);

  for (guint i = 0; i < all->len; i++)
    {
      ChronicleSearchMatch *match = g_ptr_array_index (all, i);

      if (i > 0)
        g_assert_cmpuint (chronicle_search_match_get_position (match), >,
                          chronicle_search_match_get_position (g_ptr_array_index (all, i - 1)));
      if (i < first->len)
        g_assert_true (chronicle_search_match_get_event (match) ==
                       chronicle_search_match_get_event (g_ptr_array_index (first, i)));
    }
}

static void
test_snippet (void)
{
  g_autoptr(ChronicleSearchQuery) query = chronicle_search_query_new ("needle");
  const char *text = "The first part of this sentence runs on for quite a while before we reach "
                     "the needle that was searched for, and then it goes on again for a long time "
                     "until it finally stops here.";
  g_autofree char *snippet = chronicle_search_query_make_snippet (query, text, 60);
  g_autofree char *whole = chronicle_search_query_make_snippet (query, "A short needle.", 60);
  g_autoptr(GArray) ranges = chronicle_search_query_find_ranges (query, snippet);
  g_autoptr(ChronicleSearchQuery) overlapping = chronicle_search_query_new ("nee eedl");
  g_autoptr(GArray) merged = chronicle_search_query_find_ranges (overlapping, "a <needle> & b");
  g_autofree char *markup = chronicle_search_markup_ranges ("a <needle> & b", merged);

  g_assert_true (g_str_has_prefix (snippet, "…"));
  g_assert_true (g_str_has_suffix (snippet, "…"));
  g_assert_nonnull (strstr (snippet, "needle"));
  /* About the length asked, plus the ellipses. */
  g_assert_cmpint (g_utf8_strlen (snippet, -1), <=, 62);
  g_assert_cmpint (g_utf8_strlen (snippet, -1), >=, 40);
  /* Cut at spaces, not in words. */
  g_assert_true (g_str_has_prefix (snippet + strlen ("…"), " ") == FALSE);
  g_assert_cmpuint (ranges->len, ==, 1);
  g_assert_cmpint (strncmp (snippet + g_array_index (ranges, ChronicleSearchRange, 0).start, "needle", 6), ==, 0);

  g_assert_cmpstr (whole, ==, "A short needle.");

  /* Overlapping words merge into one bold run. */
  g_assert_cmpuint (merged->len, ==, 1);
  g_assert_cmpuint (g_array_index (merged, ChronicleSearchRange, 0).start, ==, 3);
  g_assert_cmpuint (g_array_index (merged, ChronicleSearchRange, 0).end, ==, 8);
  g_assert_cmpstr (markup, ==, "a &lt;<b>needl</b>e&gt; &amp; b");
}

static void
test_search_with_filter (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(GPtrArray) before = search (timeline, "rubio", filter, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *ids = NULL;

  g_assert_nonnull (find_result (before, "rubio-assessment"));

  chronicle_filter_set_category_hidden (filter, "statements", TRUE);
  after = search (timeline, "rubio", filter, NULL);
  ids = dup_result_ids (after);
  g_assert_cmpstr (ids, ==, "side-meetings");
}

static gboolean
on_wait_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The index built from idle callbacks gets installed and finds the same as
 * one built on the spot; one for events that changed meanwhile does not;
 * a search before it is done finishes it. */
static void
test_prepare_in_background (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (5000, 3);
  g_autoptr(ChronicleTimeline) reference = chronicle_test_generate_timeline (5000, 3);
  g_autoptr(ChronicleSearchQuery) query = chronicle_search_query_new ("grain corridor");
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(ChronicleTimeline) changing = create_small_timeline ();
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean timed_out = FALSE;
  guint timeout_id;
  guint n_found = 0, n_expected = 0;

  g_assert_false (chronicle_search_is_prepared (timeline));
  chronicle_search_prepare_in_background (timeline);
  timeout_id = g_timeout_add_seconds (20, on_wait_timeout_cb, &timed_out);
  while (!chronicle_search_is_prepared (timeline) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  found = chronicle_search_timeline (timeline, query, NULL, 0, &n_found);
  expected = chronicle_search_timeline (reference, query, NULL, 0, &n_expected);
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, ==, n_expected);

  /* A search while it is being built. */
  {
    g_autoptr(ChronicleTimeline) early = chronicle_test_generate_timeline (20000, 3);
    g_autoptr(GPtrArray) early_found = NULL;
    guint n_early = 0;

    chronicle_search_prepare_in_background (early);
    g_main_context_iteration (NULL, FALSE);
    g_assert_false (chronicle_search_is_prepared (early));
    early_found = chronicle_search_timeline (early, query, NULL, 0, &n_early);
    g_assert_true (chronicle_search_is_prepared (early));
    g_assert_cmpuint (n_early, >, 0);
    {
      g_autoptr(ChronicleTimeline) same = chronicle_test_generate_timeline (20000, 3);
      g_autoptr(GPtrArray) same_found = NULL;
      guint n_same = 0;

      same_found = chronicle_search_timeline (same, query, NULL, 0, &n_same);
      g_assert_cmpuint (n_early, ==, n_same);
      for (guint i = 0; i < n_same; i++)
        g_assert_cmpuint (chronicle_search_match_get_position (g_ptr_array_index (early_found, i)), ==,
                          chronicle_search_match_get_position (g_ptr_array_index (same_found, i)));
    }
  }

  /* The events change before it is done: it is dropped. */
  chronicle_search_prepare_in_background (changing);
  add_event (events, "new", "2025-01-01", "Harbour reopens");
  chronicle_timeline_set_events (changing, events);
  for (guint i = 0; i < 200; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_false (chronicle_search_is_prepared (changing));
  {
    g_autoptr(ChronicleSearchQuery) harbour = chronicle_search_query_new ("harbour");
    g_autoptr(GPtrArray) matches = chronicle_search_timeline (changing, harbour, NULL, 0, NULL);

    g_assert_cmpuint (matches->len, ==, 1);
    g_assert_cmpstr (chronicle_event_get_id (chronicle_search_match_get_event (g_ptr_array_index (matches, 0))),
                     ==, "new");
  }
}

static void
test_index_follows_changes (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_small_timeline ();
  g_autoptr(GPtrArray) before = search (timeline, "harbour", NULL, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpuint (before->len, ==, 1);

  add_event (events, "new", "2025-01-01", "Harbour reopens");
  chronicle_timeline_set_events (timeline, events);

  after = search (timeline, "harbour", NULL, NULL);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_search_match_get_event (g_ptr_array_index (after, 0))),
                   ==, "new");
}

/* Words taken from random events of a large generated timeline find the
 * same events as a brute-force scan with an independent fold. */
static void
test_large_matches_brute_force (void)
{
  /* 20 000 events by default so the sanitizer builds stay within their
   * time; `-m slow` checks the full 100 000. */
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (g_test_slow () ? 100000 : 20000, 1);
  guint n = chronicle_timeline_get_n_events (timeline);
  g_autoptr(GPtrArray) folded = g_ptr_array_new_full (n, g_free);
  gint64 start;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (folded, fold_event_reference (chronicle_timeline_get_event (timeline, i)));

  start = g_get_monotonic_time ();
  chronicle_search_prepare (timeline);
  g_test_message ("index of %u events built in %.1f ms", n,
                  (g_get_monotonic_time () - start) / 1000.0);

  for (guint round = 0; round < 6; round++)
    {
      ChronicleEvent *source = chronicle_timeline_get_event (timeline, g_test_rand_int_range (0, n));
      g_auto(GStrv) words = g_strsplit (chronicle_event_get_title (source), " ", -1);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(ChronicleSearchQuery) query = NULL;
      g_autoptr(GPtrArray) matches = NULL;
      guint n_words = round % 3 + 1;
      guint n_matches = 0, expected = 0, next = 0;
      gint64 elapsed;

      /* One to three words of one title, so that something matches. */
      for (guint k = 0; k < n_words; k++)
        {
          const char *word = words[g_test_rand_int_range (0, g_strv_length (words))];

          g_string_append_printf (text, "%s ", word);
        }
      query = chronicle_search_query_new (text->str);

      start = g_get_monotonic_time ();
      matches = chronicle_search_timeline (timeline, query, NULL, 200, &n_matches);
      elapsed = g_get_monotonic_time () - start;
      g_test_message ("\"%s\": %u matches in %.1f ms", text->str, n_matches, elapsed / 1000.0);

      for (guint i = 0; i < n; i++)
        {
          gboolean all = TRUE;

          for (guint k = 0; k < chronicle_search_query_get_n_terms (query) && all; k++)
            {
              g_autofree char *word = fold_reference (chronicle_search_query_get_term (query, k));

              all = strstr (g_ptr_array_index (folded, i), word) != NULL;
            }

          if (!all)
            continue;

          /* The first 200 are built, in order. */
          if (next < matches->len)
            {
              g_assert_cmpuint (chronicle_search_match_get_position (g_ptr_array_index (matches, next)), ==, i);
              next++;
            }
          expected++;
        }

      g_assert_cmpuint (expected, >, 0);
      g_assert_cmpuint (n_matches, ==, expected);
      g_assert_cmpuint (next, ==, matches->len);
      g_assert_cmpuint (matches->len, ==, MIN (expected, 200));
    }

  /* Filtering that many events, for the record (not asserted). */
  {
    g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
    g_autoptr(ChronicleTimeline) filtered = NULL;

    chronicle_filter_set_category_hidden (filter, "politics", TRUE);
    start = g_get_monotonic_time ();
    filtered = chronicle_filter_apply (filter, timeline);
    g_test_message ("filter applied to %u events in %.1f ms (%u shown)", n,
                    (g_get_monotonic_time () - start) / 1000.0, chronicle_timeline_get_n_events (filtered));
    g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), <, n);

    chronicle_filter_set_actor_required (filter, "Ukraine", TRUE);
    start = g_get_monotonic_time ();
    chronicle_filter_update (filter, timeline, filtered);
    g_test_message ("filter updated in place in %.1f ms (%u shown)",
                    (g_get_monotonic_time () - start) / 1000.0, chronicle_timeline_get_n_events (filtered));
  }
}

/* Filters */

static gboolean
timeline_has (ChronicleTimeline *timeline,
              const char        *id)
{
  return chronicle_timeline_lookup_event (timeline, id) != NULL;
}

static void
test_filter_category (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleTimeline) filtered = NULL;
  guint n = chronicle_timeline_get_n_events (timeline);
  guint n_statements = 0;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (chronicle_event_get_category_id (chronicle_timeline_get_event (timeline, i)), "statements") == 0)
      n_statements++;
  g_assert_cmpuint (n_statements, >, 0);

  g_assert_false (chronicle_filter_is_active (filter));
  chronicle_filter_set_category_hidden (filter, "statements", TRUE);
  g_assert_true (chronicle_filter_is_active (filter));
  g_assert_true (chronicle_filter_get_category_hidden (filter, "statements"));

  filtered = chronicle_filter_apply (filter, timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, n - n_statements);
  g_assert_cmpuint (chronicle_filter_count (filter, timeline), ==, n - n_statements);
  for (guint i = 0; i < chronicle_timeline_get_n_events (filtered); i++)
    g_assert_cmpstr (chronicle_event_get_category_id (chronicle_timeline_get_event (filtered, i)), !=, "statements");
  g_assert_false (timeline_has (filtered, "rubio-assessment"));
  g_assert_true (timeline_has (filtered, "talks-open"));

  /* Toggling back shows them again. */
  chronicle_filter_toggle_category (filter, "statements");
  chronicle_filter_update (filter, timeline, filtered);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, n);
  g_assert_false (chronicle_filter_is_active (filter));
}

static void
test_filter_no_category (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_small_timeline ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleTimeline) filtered = NULL;
  g_auto(GStrv) hidden = NULL;

  chronicle_filter_set_category_hidden (filter, NULL, TRUE);
  chronicle_filter_set_category_hidden (filter, "war", TRUE);
  filtered = chronicle_filter_apply (filter, timeline);

  /* c has no category, d one the file does not define: both go. */
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 1);
  g_assert_true (timeline_has (filtered, "a"));

  /* The legend only knows real categories. */
  hidden = chronicle_filter_dup_hidden_categories (filter);
  g_assert_cmpuint (g_strv_length (hidden), ==, 1);
  g_assert_cmpstr (hidden[0], ==, "war");
}

static void
test_filter_actor (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_small_timeline ();
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleTimeline) filtered = NULL;

  chronicle_filter_set_actor_required (filter, "Alpha", TRUE);
  filtered = chronicle_filter_apply (filter, timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 1);
  g_assert_true (timeline_has (filtered, "a"));

  /* A second actor widens: events with either. */
  chronicle_filter_set_actor_required (filter, "Gamma", TRUE);
  chronicle_filter_update (filter, timeline, filtered);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 2);
  g_assert_true (timeline_has (filtered, "a"));
  g_assert_true (timeline_has (filtered, "c"));

  /* Another facet narrows. */
  chronicle_filter_set_category_hidden (filter, NULL, TRUE);
  chronicle_filter_update (filter, timeline, filtered);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 1);
  g_assert_true (timeline_has (filtered, "a"));

  chronicle_filter_reset (filter);
  chronicle_filter_set_actor_required (filter, "Marco Rubio", TRUE);
  g_assert_cmpuint (chronicle_filter_count (filter, example), ==, 2);
}

static void
test_filter_source (void)
{
  g_autoptr(ChronicleTimeline) timeline = create_small_timeline ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleTimeline) filtered = NULL;

  chronicle_filter_set_source_required (filter, "s1", TRUE);
  g_assert_true (chronicle_filter_get_source_required (filter, "s1"));
  filtered = chronicle_filter_apply (filter, timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 1);
  g_assert_true (timeline_has (filtered, "a"));

  /* s2 is cited by a quote of b only. */
  chronicle_filter_set_source_required (filter, "s1", FALSE);
  chronicle_filter_set_source_required (filter, "s2", TRUE);
  chronicle_filter_update (filter, timeline, filtered);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, 1);
  g_assert_true (timeline_has (filtered, "b"));
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *calls)
{
  (*calls)++;
}

static void
test_filter_shares_objects (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleTimeline) filtered = NULL;
  GListModel *lists[3][2];
  guint calls = 0;

  chronicle_filter_set_category_hidden (filter, "military", TRUE);
  filtered = chronicle_filter_apply (filter, timeline);

  g_assert_cmpstr (chronicle_timeline_get_title (filtered), ==, chronicle_timeline_get_title (timeline));
  for (guint i = 0; i < chronicle_timeline_get_n_events (filtered); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (filtered, i);

      g_assert_true (chronicle_timeline_lookup_event (timeline, chronicle_event_get_id (event)) == event);
    }

  lists[0][0] = chronicle_timeline_get_sources (timeline);
  lists[0][1] = chronicle_timeline_get_sources (filtered);
  lists[1][0] = chronicle_timeline_get_categories (timeline);
  lists[1][1] = chronicle_timeline_get_categories (filtered);
  lists[2][0] = chronicle_timeline_get_eras (timeline);
  lists[2][1] = chronicle_timeline_get_eras (filtered);
  for (guint l = 0; l < 3; l++)
    {
      guint n = g_list_model_get_n_items (lists[l][0]);

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (lists[l][1]), ==, n);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) a = g_list_model_get_item (lists[l][0], i);
          g_autoptr(GObject) b = g_list_model_get_item (lists[l][1], i);

          g_assert_true (a == b);
        }
    }

  /* Hidden categories keep their index, so colours do not shift. */
  g_assert_cmpuint (chronicle_timeline_get_category_index (filtered, "statements"), ==,
                    chronicle_timeline_get_category_index (timeline, "statements"));

  /* An update refills the same timeline with one items-changed. */
  g_signal_connect (filtered, "items-changed", G_CALLBACK (on_items_changed_cb), &calls);
  chronicle_filter_reset (filter);
  chronicle_filter_update (filter, timeline, filtered);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, chronicle_timeline_get_n_events (timeline));
}

static void
on_changed_cb (ChronicleFilter *filter,
               guint           *calls)
{
  (*calls)++;
}

static void
test_filter_changed_signal (void)
{
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  guint calls = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed_cb), &calls);

  chronicle_filter_set_category_hidden (filter, "a", TRUE);
  chronicle_filter_set_category_hidden (filter, "a", TRUE);
  g_assert_cmpuint (calls, ==, 1);
  chronicle_filter_set_actor_required (filter, "x", TRUE);
  chronicle_filter_set_source_required (filter, "s", TRUE);
  chronicle_filter_set_source_required (filter, "other", FALSE);
  g_assert_cmpuint (calls, ==, 3);

  chronicle_filter_reset (filter);
  g_assert_cmpuint (calls, ==, 4);
  g_assert_false (chronicle_filter_is_active (filter));
  chronicle_filter_reset (filter);
  g_assert_cmpuint (calls, ==, 4);
}

static void
test_filter_count_text (void)
{
  g_autofree char *all = chronicle_filter_format_count (12, 12);
  g_autofree char *some = chronicle_filter_format_count (3, 12);
  g_autofree char *one = chronicle_filter_format_count (1, 1);
  g_autofree char *none = chronicle_filter_format_count (0, 5);

  g_assert_cmpstr (all, ==, "12 events");
  g_assert_cmpstr (some, ==, "3 of 12 events");
  g_assert_cmpstr (one, ==, "1 event");
  g_assert_cmpstr (none, ==, "0 of 5 events");
}

static void
test_facets (void)
{
  g_autoptr(ChronicleTimeline) small = create_small_timeline ();
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(GPtrArray) categories = chronicle_facets_list_categories (small);
  g_autoptr(GPtrArray) example_categories = chronicle_facets_list_categories (example);
  g_autoptr(GPtrArray) actors = chronicle_facets_list_actors (small);
  g_autoptr(GPtrArray) sources = chronicle_facets_list_sources (small);
  ChronicleFacet *facet;
  guint total = 0;

  /* Talks, War, then "No category" for c and d. */
  g_assert_cmpuint (categories->len, ==, 3);
  facet = g_ptr_array_index (categories, 0);
  g_assert_cmpstr (facet->id, ==, "talks");
  g_assert_cmpstr (facet->label, ==, "Talks");
  g_assert_cmpuint (facet->n_events, ==, 1);
  facet = g_ptr_array_index (categories, 2);
  g_assert_null (facet->id);
  g_assert_cmpuint (facet->n_events, ==, 2);

  /* Every example event has a category: no "No category" choice. */
  for (guint i = 0; i < example_categories->len; i++)
    {
      facet = g_ptr_array_index (example_categories, i);
      g_assert_nonnull (facet->id);
      total += facet->n_events;
    }
  g_assert_cmpuint (total, ==, chronicle_timeline_get_n_events (example));

  /* Beta (2 events) before Alpha and Gamma (1 each, by name). */
  g_assert_cmpuint (actors->len, ==, 3);
  g_assert_cmpstr (((ChronicleFacet *) g_ptr_array_index (actors, 0))->id, ==, "Beta");
  g_assert_cmpuint (((ChronicleFacet *) g_ptr_array_index (actors, 0))->n_events, ==, 2);
  g_assert_cmpstr (((ChronicleFacet *) g_ptr_array_index (actors, 1))->id, ==, "Alpha");
  g_assert_cmpstr (((ChronicleFacet *) g_ptr_array_index (actors, 2))->id, ==, "Gamma");

  g_assert_cmpuint (sources->len, ==, 2);
  facet = g_ptr_array_index (sources, 0);
  g_assert_cmpstr (facet->label, ==, "Agency One");
  g_assert_cmpstr (facet->detail, ==, "First report");
  g_assert_cmpuint (facet->n_events, ==, 1);
  facet = g_ptr_array_index (sources, 1);
  g_assert_cmpstr (facet->label, ==, "Second report");
  g_assert_null (facet->detail);
  g_assert_cmpuint (facet->n_events, ==, 1);
}

/* Legend hit-testing and hidden entries, for clicking the legend to
 * toggle a category. */
static void
test_legend_hidden_and_hit_test (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleTimeline) filtered = NULL;
  g_autoptr(ChronicleViewport) viewport = chronicle_viewport_new ();
  g_autoptr(ChronicleLayout) layout = NULL;
  g_auto(GStrv) hidden = NULL;
  ChronicleLayoutOptions options = { FALSE, FALSE, TRUE, TRUE, NULL };
  guint statements = chronicle_timeline_get_category_index (timeline, "statements");
  guint n_categories = g_list_model_get_n_items (chronicle_timeline_get_categories (timeline));
  guint n_entries = 0;
  ChronicleStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;

  chronicle_filter_set_category_hidden (filter, "statements", TRUE);
  filtered = chronicle_filter_apply (filter, timeline);
  hidden = chronicle_filter_dup_hidden_categories (filter);
  options.hidden_categories = (const char * const *) hidden;

  chronicle_viewport_set_timeline (viewport, filtered, FALSE);
  layout = chronicle_layout_compute (filtered, viewport, 1400, 700, &options,
                                     chronicle_test_measure_fixed, NULL);
  g_assert_null (layout->options.hidden_categories);

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronicleLayoutLegendEntry, i);
      double swatch_x = entry->swatch.x + entry->swatch.width / 2;
      double swatch_y = entry->swatch.y + entry->swatch.height / 2;
      double text_x = entry->text.x + entry->text.width / 2;
      double text_y = entry->text.y + entry->text.height / 2;

      /* "time skipped" and the kinds of mark are keys, not filters */
      if (entry->is_break || entry->is_mark)
        {
          g_assert_cmpuint (chronicle_layout_hit_test_legend (layout, swatch_x, swatch_y), ==, G_MAXUINT);
          continue;
        }

      n_entries++;
      /* Every category keeps its entry, the hidden one marked. */
      g_assert_cmpint (entry->hidden, ==, entry->category == statements);
      g_assert_cmpuint (chronicle_layout_hit_test_legend (layout, swatch_x, swatch_y), ==, entry->category);
      g_assert_cmpuint (chronicle_layout_hit_test_legend (layout, text_x, text_y), ==, entry->category);
      /* Above the legend row: nothing. */
      g_assert_cmpuint (chronicle_layout_hit_test_legend (layout, text_x, entry->text.y - 30), ==, G_MAXUINT);
    }
  g_assert_cmpuint (n_entries, ==, n_categories);
  g_assert_cmpuint (chronicle_layout_hit_test_legend (layout, 700, 20), ==, G_MAXUINT);

  /* The hidden swatch is hollow: its centre shows the background. */
  chronicle_style_init_light (&style);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1400, 700);
  cr = cairo_create (surface);
  chronicle_paint (cr, layout, &style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronicleLayoutLegendEntry, i);
      const guint8 *data = cairo_image_surface_get_data (surface);
      int stride = cairo_image_surface_get_stride (surface);
      int x = (int) (entry->swatch.x + entry->swatch.width / 2);
      int y = (int) (entry->swatch.y + entry->swatch.height / 2);
      guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
      guint32 background = *(const guint32 *) (gconstpointer) (data + 2 * stride + 2 * 4);

      if (entry->is_break || entry->is_mark)
        continue;
      if (entry->hidden)
        g_assert_cmphex (pixel, ==, background);
      else
        g_assert_cmphex (pixel, !=, background);
    }
  cairo_surface_destroy (surface);
  chronicle_style_clear (&style);
}

/* Issue #12: counting what a filter shows reads the event store; only the
 * events a filtered view shows get objects (the window shares them with
 * the whole timeline). */
static void
test_filter_objects (void)
{
  g_autoptr(ChronicleTimeline) generated = chronicle_test_generate_timeline (2000, 3);
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleTimeline) filtered = NULL;
  g_autoptr(ChronicleFilter) filter = chronicle_filter_new ();
  g_autoptr(ChronicleCategory) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint shown;

  data = chronicle_timeline_to_data (generated, &length);
  timeline = chronicle_timeline_load_from_data (data, length, NULL, &error);
  g_assert_no_error (error);

  first = g_list_model_get_item (chronicle_timeline_get_categories (timeline), 0);
  chronicle_filter_set_category_hidden (filter, chronicle_category_get_id (first), TRUE);
  shown = chronicle_filter_count (filter, timeline);
  g_assert_cmpuint (shown, <, 2000);
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (chronicle_timeline_get_n_event_objects (timeline), ==, 0);

  filtered = chronicle_filter_apply (filter, timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (filtered), ==, shown);
  g_assert_cmpuint (chronicle_timeline_get_n_event_objects (timeline), ==, shown);
  for (guint i = 0; i < shown; i++)
    g_assert_true (chronicle_filter_matches (filter, timeline, chronicle_timeline_get_event (filtered, i)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/query-terms", test_query_terms);
  g_test_add_func ("/search/quote-word", test_quote_word);
  g_test_add_func ("/search/accents-and-case", test_accents_and_case);
  g_test_add_func ("/search/fields", test_fields);
  g_test_add_func ("/search/all-words", test_all_words);
  g_test_add_func ("/search/no-match", test_no_match);
  g_test_add_func ("/search/limit-and-order", test_limit_and_order);
  g_test_add_func ("/search/snippet", test_snippet);
  g_test_add_func ("/search/with-filter", test_search_with_filter);
  g_test_add_func ("/search/index-follows-changes", test_index_follows_changes);
  g_test_add_func ("/search/prepare-in-background", test_prepare_in_background);
  g_test_add_func ("/search/large-matches-brute-force", test_large_matches_brute_force);
  g_test_add_func ("/filter/category", test_filter_category);
  g_test_add_func ("/filter/objects", test_filter_objects);
  g_test_add_func ("/filter/no-category", test_filter_no_category);
  g_test_add_func ("/filter/actor", test_filter_actor);
  g_test_add_func ("/filter/source", test_filter_source);
  g_test_add_func ("/filter/shares-objects", test_filter_shares_objects);
  g_test_add_func ("/filter/changed-signal", test_filter_changed_signal);
  g_test_add_func ("/filter/count-text", test_filter_count_text);
  g_test_add_func ("/filter/facets", test_facets);
  g_test_add_func ("/filter/legend-hidden-and-hit-test", test_legend_hidden_and_hit_test);

  return g_test_run ();
}
