/* test-extract-quotes.c: direct quotes and their speakers.
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "chronicle-article-text-private.h"
#include "chronicle-quote-finder-private.h"
#include "chronicle-timex-private.h"

/* Lists the quotes in @text as "words|speaker|role" separated by "; ". */
static char *
find (const char *text)
{
  g_autoptr(ChronicleArticleText) article = chronicle_article_text_new (text, -1);
  g_autoptr(GPtrArray) quotes = chronicle_quote_finder_find (article);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      ChronicleFoundQuote *q = g_ptr_array_index (quotes, i);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_len (out, text + q->start, q->end - q->start);
      g_string_append_printf (out, "|%s|%s", q->speaker != NULL ? q->speaker : "-",
                              q->role != NULL ? q->role : "-");
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static void
check_cases (const Case *cases,
             gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *got = find (cases[i].text);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_marks (void)
{
  static const Case cases[] = {
    { "Senator Jane Doe said \"we will not back down now\".", "we will not back down now|Jane Doe|Senator" },
    { "Senator Jane Doe said “we will not back down now”.", "we will not back down now|Jane Doe|Senator" },
    { "Jane Doe said ‘we will not back down now’.", "we will not back down now|Jane Doe|-" },
    /* an apostrophe is no mark */
    { "They've said it's Airbus' plane and the '82 model.", "" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_split_and_paragraphs (void)
{
  static const Case cases[] = {
    { "\"We have done our part,\" said Ana Lopez, \"and now they must act.\"",
      "We have done our part,|Ana Lopez|-; and now they must act.|Ana Lopez|-" },
    /* a quote over two paragraphs: the first has no closing mark */
    { "Ana Lopez said: \"We tried everything.\n\n\"Nothing worked in the end.\"",
      "We tried everything.\n\n\"Nothing worked in the end.|Ana Lopez|-" },
    /* never closed: the quote runs to the end of the text and no further
     * (ASan, as chronicle-dev test-asan runs it, saw a step past the
     * token array at these lengths) */
    { "Ana Lopez said: \"nothing", "nothing|Ana Lopez|-" },
    { "Ana Lopez said: \"one two three four five six seven", "one two three four five six seven|Ana Lopez|-" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_speakers (void)
{
  static const Case cases[] = {
    /* a pronoun, from the sentence before; the full name from earlier */
    { "US Secretary of State Marco Rubio arrived on Thursday. Rubio told reporters that a deal was unlikely.\n\n"
      "\"I hope I'm wrong. I hope I'm 100 per cent wrong,\" he said.\n\n"
      "\"But I'm just giving you my assessment, honestly.\"",
      "I hope I'm wrong. I hope I'm 100 per cent wrong,|Marco Rubio|US Secretary of State; "
      "But I'm just giving you my assessment, honestly.|Marco Rubio|US Secretary of State" },
    /* "the minister" is the person whose role says minister */
    { "Turkish Foreign Minister Hakan Fidan opened the talks with Keith Kellogg. "
      "\"This is a historic day for both peoples,\" the minister said.",
      "This is a historic day for both peoples,|Hakan Fidan|Turkish Foreign Minister" },
    /* "the company" is the last organisation */
    { "Airbus delayed the A380 again. \"The root cause has been identified,\" the company said.",
      "The root cause has been identified,|Airbus|-" },
    /* the subject of a sentence whose clauses part it from the verb */
    { "Trump, winding up a tour and heading back to Washington, said he would meet him "
      "\"as soon as we can set it up\".",
      "as soon as we can set it up|Trump|-" },
    /* an apposition's head speaks */
    { "Todd Tiahrt, a Kansas representative, said \"We should have an American tanker.\"",
      "We should have an American tanker.|Todd Tiahrt|-" },
    /* the speaker after the verb */
    { "\"We need technology breakthroughs,\" said Boeing spokesman Sandy Angers.",
      "We need technology breakthroughs,|Sandy Angers|Boeing spokesman" },
    /* ... and after lower-case words that end in a role noun: the role */
    { "\"We will not stop,\" said opposition leader Nika Melia on Saturday.",
      "We will not stop,|Nika Melia|opposition leader" },
    { "\"The count was rigged,\" said party spokesman Tomas Berg.",
      "The count was rigged,|Tomas Berg|party spokesman" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_not_quotes (void)
{
  static const Case cases[] = {
    /* scare quotes: no speech verb */
    { "Russia's \"special military operation\" entered its fourth year.", "" },
    /* names, whatever their length */
    { "Apple held its \"Back to the Mac\" event.", "" },
    { "The so-called \"death grip\" drops calls.", "" },
    /* a short quote the verb introduces is a quote */
    { "Norm Dicks said he too was \"shocked\".", "shocked|Norm Dicks|-" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A text written to be slow: thousands of quotes, names, pronouns and
 * anaphora. Every look-up is bounded, so this finishes (a quadratic one
 * would hang the test); the counts show all of it was read. */
static void
test_hostile_text (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(ChronicleArticleText) article = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  GDate published;
  guint n = 4000;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Minister Ann Vale%u met Bo Rask on Friday, the month after. "
                            "\"Tomorrow we talk again,\" she said, and the company said \"today\". ", i);
  article = chronicle_article_text_new (text->str, text->len);
  quotes = chronicle_quote_finder_find (article);
  spans = chronicle_quote_finder_spans (quotes);
  g_date_clear (&published, 1);
  g_date_set_dmy (&published, 16, 5, 2025);
  timexes = chronicle_timex_tag (article, &published, spans);

  g_assert_cmpuint (quotes->len, >=, n);
  g_assert_cmpuint (timexes->len, >=, 3 * n);
  g_assert_cmpstr (((ChronicleFoundQuote *) g_ptr_array_index (quotes, quotes->len - 1))->speaker, !=, NULL);
  g_string_free (text, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/quotes/marks", test_marks);
  g_test_add_func ("/extract/quotes/split-and-paragraphs", test_split_and_paragraphs);
  g_test_add_func ("/extract/quotes/speakers", test_speakers);
  g_test_add_func ("/extract/quotes/not-quotes", test_not_quotes);
  g_test_add_func ("/extract/quotes/hostile-text", test_hostile_text);

  return g_test_run ();
}
