/* test-extract-timex.c: the time tagger's rules, one pitfall per case.
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <stdio.h>

#include "chronicle-article-text-private.h"
#include "chronicle-quote-finder-private.h"
#include "chronicle-timex-private.h"

/* Tags @text as published on @published (YYYY-MM-DD) and lists what it
 * found as "words=VALUE" separated by "; ". */
static char *
tag (const char *text,
     const char *published)
{
  g_autoptr(ChronicleArticleText) article = chronicle_article_text_new (text, -1);
  g_autoptr(GPtrArray) quotes = chronicle_quote_finder_find (article);
  g_autoptr(GArray) spans = chronicle_quote_finder_spans (quotes);
  g_autoptr(GPtrArray) found = NULL;
  GString *out = g_string_new (NULL);
  GDate date;
  int y, m, d;

  g_assert_cmpint (sscanf (published, "%d-%d-%d", &y, &m, &d), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  found = chronicle_timex_tag (article, &date, spans);
  for (guint i = 0; i < found->len; i++)
    {
      ChronicleTimex *x = g_ptr_array_index (found, i);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append_len (out, text + x->start, x->end - x->start);
      g_string_append_printf (out, "=%s", x->value);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *published;
  const char *expected;
} Case;

static void
check_cases (const Case *cases,
             gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *got = tag (cases[i].text, cases[i].published);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_weekdays (void)
{
  static const Case cases[] = {
    /* Friday 16 May 2025 */
    { "Trump said on Thursday he would go.", "2025-05-16", "Thursday=2025-05-15" },
    { "Talks began on Friday.", "2025-05-16", "Friday=2025-05-16" },
    { "The vote will take place on Wednesday.", "2025-05-16", "Wednesday=2025-05-21" },
    { "Rubio told reporters on Thursday night that it was unlikely.", "2025-05-16",
      "Thursday night=2025-05-15TNI" },
    { "Friday's attack killed ten.", "2025-05-16", "Friday=2025-05-16" },
    { "He met her last Friday.", "2025-05-16", "last Friday=2025-05-09" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_relative (void)
{
  static const Case cases[] = {
    { "Prices rose last week.", "2004-11-24", "last week=2004-W47" },
    { "Sales fell earlier this year.", "2025-05-16", "earlier this year=2025" },
    { "The plant closed two years ago.", "2025-05-16", "two years ago=2023" },
    { "Shares fell yesterday and may recover tomorrow.", "2025-05-16",
      "yesterday=2025-05-15; tomorrow=2025-05-17" },
    { "Profits doubled in the last quarter.", "2007-01-18", "the last quarter=2006-Q4" },
    { "They met last month.", "2010-08-09", "last month=2010-07" },
    { "The deal closed in the first quarter of 2024.", "2025-05-16", "the first quarter of 2024=2024-Q1" },
    { "It opens in spring 2026.", "2025-05-16", "spring 2026=2026-SP" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_months (void)
{
  static const Case cases[] = {
    { "They had not met since March 2022, the month after the invasion.", "2025-05-16",
      "March 2022=2022-03; the month=2022-03" },
    { "The Shuffle was introduced in January.", "2005-09-07", "January=2005-01" },
    { "The ban was lifted on 11 December.", "2010-01-25", "11 December=2009-12-11" },
    { "It will arrive on November 11.", "2005-11-05", "November 11=2005-11-11" },
    { "Talks are set for May 12-14.", "2025-05-02", "May 12=2025-05-12; 14=2025-05-14" },
    { "The deal was signed on April 28, 2003.", "2008-01-09", "April 28, 2003=2003-04-28" },
    { "Born 7/8/07 in Ohio.", "2007-07-09", "7/8/07=2007-07-08" },
    { "Talks stalled in mid-May.", "2025-06-20", "mid-May=2025-05" },
    { "Prices have risen since the start of the year.", "2025-05-16", "the start of the year=2025" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Words that look like dates and are not. */
static void
test_pitfalls (void)
{
  static const Case cases[] = {
    { "Theresa May said the vote may be delayed.", "2019-01-10", "" },
    { "May I add that the protesters March to the square?", "2019-01-10", "" },
    { "Protesters will march to parliament.", "2019-01-10", "" },
    { "The Good Friday Agreement still holds.", "2025-05-16", "" },
    { "After 9/11 the rules changed.", "2025-05-16", "" },
    { "Ukraine wants more F-16 jets.", "2025-05-16", "" },
    { "The Boeing 737 is a narrowbody.", "2025-05-16", "" },
    { "COVID-19 closed the borders.", "2025-05-16", "" },
    { "Resolution 2231 and Resolution 1701 remain in force.", "2025-05-16", "" },
    { "About 1,500 troops arrived.", "2025-05-16", "" },
    { "The airline will use it as soon as it can.", "2025-05-16", "" },
    { "A second A380 is also travelling.", "2007-03-19", "" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_durations (void)
{
  static const Case cases[] = {
    { "The first direct talks in more than three years began.", "2025-05-16",
      "more than three years=P3Y" },
    { "Russia agreed to a 30-day ceasefire.", "2025-05-16", "30-day=P30D" },
    { "Minutes before the start, sirens sounded.", "2025-05-16", "Minutes=PTXM" },
    { "It has been losing money for several years.", "2025-05-16", "several years=PXY" },
    { "Delays of almost two and a half years followed.", "2009-12-16", "almost two and a half years=P2.5Y" },
    { "It will take the next four years.", "2007-02-28", "the next four years=P4Y" },
    { "They deliver 15 a year.", "2008-03-01", "a year=P1Y" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_vague_and_clock (void)
{
  static const Case cases[] = {
    { "The company is currently for sale.", "2006-06-20", "currently=PRESENT_REF" },
    { "The plane recently landed.", "2010-06-16", "recently=PAST_REF" },
    { "The now-cancelled deal was signed.", "2004-11-24", "" },
    { "It landed at 08:30 UTC.", "2005-04-27", "08:30 UTC=2005-04-27T08:30Z" },
    { "On Tuesday at 6:40 p.m. it landed.", "2009-12-16", "Tuesday=2009-12-15; 6:40 p.m.=2009-12-15T18:40" },
    { "Apple opens WWDC 2005 in June.", "2005-06-06", "2005=2005; June=2005-06" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* A quote's "tomorrow" counts from the day it was said. */
static void
test_speech_anchor (void)
{
  static const Case cases[] = {
    { "Rubio spoke on Thursday night.\n\n\"I hope tomorrow they agree,\" he said.", "2025-05-16",
      "Thursday night=2025-05-15TNI; tomorrow=2025-05-16" },
    { "\"I hope tomorrow they agree,\" he said.", "2025-05-16", "tomorrow=2025-05-17" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_dateline (void)
{
  static const Case cases[] = {
    { "ISTANBUL, May 16 (Reuters) - Russian and Ukrainian negotiators met.", "2025-05-16",
      "May 16=2025-05-16" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

/* Amounts and anchors at the calendar's ends resolve to no point, with no
 * GLib critical (the tests run with fatal criticals). */
static void
test_calendar_ends (void)
{
  static const Case cases[] = {
    { "It began 999999 years ago.", "2025-05-16", "999999 years ago=PAST_REF" },
    { "It began 900000 days ago.", "2025-05-16", "900000 days ago=PAST_REF" },
    { "They met on Friday, two years ago.", "0001-01-01", "" },
    { "They meet on Friday, next year.", "9999-12-31", "" },
  };
  check_cases (cases, G_N_ELEMENTS (cases));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/timex/weekdays", test_weekdays);
  g_test_add_func ("/extract/timex/relative", test_relative);
  g_test_add_func ("/extract/timex/months", test_months);
  g_test_add_func ("/extract/timex/pitfalls", test_pitfalls);
  g_test_add_func ("/extract/timex/durations", test_durations);
  g_test_add_func ("/extract/timex/vague-and-clock", test_vague_and_clock);
  g_test_add_func ("/extract/timex/speech-anchor", test_speech_anchor);
  g_test_add_func ("/extract/timex/dateline", test_dateline);
  g_test_add_func ("/extract/timex/calendar-ends", test_calendar_ends);

  return g_test_run ();
}
