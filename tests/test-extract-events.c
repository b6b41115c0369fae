/* test-extract-events.c: articles to proposed events; pages to articles.
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "chronicle-article.h"
#include "chronicle-event.h"
#include "chronicle-extractor.h"
#include "chronicle-quote.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer.h"

static const char article_text[] =
  "Dockers strike ends after talks\n\n"
  "Dock workers in Vardo have ended a strike that lasted more than three weeks, the union said.\n\n"
  "The walkout began in April 2023, when the port authority cut pay for night shifts.\n\n"
  "Harbour Minister Lena Aas met union leaders on Tuesday in Vardo and offered a 30-day review.\n\n"
  "\"We have what we came for,\" union chief Per Holm said.\n\n"
  "The strike had cost the port several million euros, according to the port authority.\n";

static ChronicleTimeline *
extract (const char         *text,
         const char         *published,
         ChronicleExtractor *extractor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) article = chronicle_article_new_from_data (text, strlen (text), "a.txt", &error);
  ChronicleTimeline *timeline;
  ChronicleDate date;

  g_assert_no_error (error);
  if (published != NULL)
    {
      g_assert_true (chronicle_date_parse (published, &date, NULL));
      chronicle_article_set_published (article, &date);
    }
  timeline = chronicle_extractor_extract (extractor, article, &error);
  g_assert_no_error (error);
  return timeline;
}

static ChronicleEvent *
event_on (ChronicleTimeline *timeline,
          const char        *iso)
{
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      g_autofree char *date = chronicle_date_to_iso (chronicle_event_get_date (event));
      if (strcmp (date, iso) == 0)
        return event;
    }
  return NULL;
}

static void
test_events (void)
{
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = extract (article_text, "2024-03-08", extractor);
  ChronicleEvent *event;
  const char * const *actors;
  guint start, end;
  ChronicleQuote *quote;

  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "Dockers strike ends after talks");
  /* the lede's present perfect, undated: the publication date; the
   * duration "more than three weeks" is no date */
  g_assert_nonnull (event = event_on (timeline, "2024-03-08"));
  g_assert_nonnull (strstr (chronicle_event_get_summary (event), "have ended a strike"));
  g_assert_cmpstr (chronicle_event_get_location (event), ==, "Vardo");
  /* "in April 2023": at month precision */
  g_assert_nonnull (event = event_on (timeline, "2023-04"));
  /* "on Tuesday" before Friday 8 March 2024, with actors, place, evidence */
  g_assert_nonnull (event = event_on (timeline, "2024-03-05"));
  g_assert_cmpuint (g_utf8_strlen (chronicle_event_get_title (event), -1), <=, 60);
  g_assert_cmpstr (chronicle_event_get_location (event), ==, "Vardo");
  actors = chronicle_event_get_actors (event);
  g_assert_nonnull (actors);
  g_assert_cmpstr (actors[0], ==, "Lena Aas");
  g_assert_true (chronicle_event_get_evidence (event, &start, &end));
  g_assert_true (g_str_has_prefix (g_utf8_offset_to_pointer (article_text, start), "Harbour Minister Lena Aas met"));
  g_assert_cmpuint (end - start, ==, g_utf8_strlen ("Harbour Minister Lena Aas met union leaders on Tuesday in Vardo "
                                                    "and offered a 30-day review.", -1));
  /* the quote after it joins it, dated like it */
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
  quote = chronicle_event_get_quote (event, 0);
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Per Holm");
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "We have what we came for");
  g_assert_true (chronicle_date_equal (chronicle_quote_get_date (quote), chronicle_event_get_date (event)));
  /* nothing else: the undated sentences propose nothing */
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 3);
  /* the timeline's store has the quote too (what search and filters
   * read, issue #12), not only the event's object */
  {
    guint position;

    g_assert_true (chronicle_timeline_find_event (timeline, event, &position));
    g_assert_cmpuint (chronicle_timeline_get_event_n_quotes (timeline, position), ==, 1);
    g_assert_cmpstr (chronicle_quote_get_speaker (chronicle_timeline_get_event_quote (timeline, position, 0)), ==,
                     "Per Holm");
  }
}

/* The draft's events carry their evidence, and the writer writes it (what
 * --extract prints): no list on the side that a caller must merge. */
static guint
count_on (ChronicleTimeline *timeline,
          const char        *iso)
{
  guint n = 0;

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      g_autofree char *date = chronicle_date_to_iso (chronicle_event_get_date (chronicle_timeline_get_event (timeline, i)));
      if (strcmp (date, iso) == 0)
        n++;
    }
  return n;
}

/* A negated perfect with "since X" ("has not been seen since 3 February",
 * "haven't spoken since 2019") says the happening last took place at X:
 * an event of its own, at X's precision, with a headline from the clause,
 * the sentence as summary and the clause as evidence. The sentence's own
 * date stays. "have risen since 2020", "the first since 2022" are no such
 * thing. */
static void
test_negated_since (void)
{
  static const char text[] =
    "Search for hiker goes on\n\n"
    "Rescuers in Vardo said on Thursday that the hiker, who has not been seen since 3 February, may have crossed the ridge.\n\n"
    "The two fishing ministers haven't spoken since 2019, officials in Oslo said on Wednesday.\n\n"
    "The old harbour ferry had not been properly repaired since 2017, the port authority said on Tuesday.\n\n"
    "Prices of fish in Vardo have risen since 2020, the statistics office said on Monday.\n\n"
    "The talks in Oslo last autumn were the first talks since 2022 between the two unions of the port.\n";
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = extract (text, "2024-03-08", extractor);
  ChronicleEvent *event;
  const char *summary;
  guint start, end;

  /* day precision, the passive's participle */
  g_assert_nonnull (event = event_on (timeline, "2024-02-03"));
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Hiker last seen");
  summary = chronicle_event_get_summary (event);
  g_assert_true (g_str_has_prefix (summary, "Rescuers in Vardo"));
  g_assert_true (chronicle_event_get_evidence (event, &start, &end));
  {
    g_autofree char *clause = g_utf8_substring (text, start, end);
    g_assert_cmpstr (clause, ==, "the hiker, who has not been seen since 3 February");
  }
  /* the sentence keeps its own date */
  g_assert_nonnull (event = event_on (timeline, "2024-03-07"));
  g_assert_nonnull (strstr (chronicle_event_get_summary (event), "Rescuers"));

  /* year precision, a contraction, an irregular participle */
  g_assert_nonnull (event = event_on (timeline, "2019"));
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Two fishing ministers last spoke");
  g_assert_nonnull (event = event_on (timeline, "2024-03-06"));
  g_assert_nonnull (strstr (chronicle_event_get_summary (event), "haven't spoken"));

  /* a passive with its adverb */
  g_assert_nonnull (event = event_on (timeline, "2017"));
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Old harbour ferry last properly repaired");

  /* not negated: no event at the anchor */
  g_assert_null (event_on (timeline, "2020"));
  g_assert_null (event_on (timeline, "2022"));
}

/* The seed article: "the warring sides, who had not met face-to-face since
 * March 2022, the month after Russia's invasion" gives the last
 * face-to-face meeting, at month precision (issue #15's done-when). */
static void
test_negated_since_seed (void)
{
  const char *tests = g_test_get_dir (G_TEST_DIST);
  g_autofree char *path = g_build_filename (tests, "../../shared/seed/istanbul-talks-2025-05-16.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = NULL;
  ChronicleEvent *event;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_clear_pointer (&path, g_free);
      path = g_build_filename (tests, "../../../shared/seed/istanbul-talks-2025-05-16.txt", NULL);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the seed article (../shared/seed/) is not next to this checkout");
      return;
    }
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  timeline = extract (text, "2025-05-16", extractor);
  g_assert_cmpuint (count_on (timeline, "2022-03"), ==, 1);
  event = event_on (timeline, "2022-03");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Warring sides last met face-to-face");
  g_assert_nonnull (strstr (chronicle_event_get_summary (event), "Dolmabahce"));
}

/* The draft's events carry their evidence, and the writer writes it (what
 * --extract prints): no list on the side that a caller must merge. */
/* "since March 2021" starts a period: it does not date the sentence's
 * happening, which here is today's vote; a later date in the sentence
 * still does. */
/* "since March 2021" starts a period: it does not date the sentence's
 * happening, which here is today's vote; a later date in the sentence
 * still does. */
static void
test_since_anchor (void)
{
  static const char text[] =
    "Council passes budget\n\n"
    "The town council of Vardo has passed its budget for the coming year after a long night of talks.\n\n"
    "The vote in the old town hall marks a rare sign of unity between the two parties, who had not "
    "agreed on a budget since March 2021, the month after the election.\n\n"
    "Fishermen protested outside the town hall for the first time since 2019 on the day of the vote.\n\n"
    "The two unions of the port, which have not spoken since June 2022, met again on Tuesday in Vardo.\n";
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = extract (text, "2024-03-08", extractor);
  ChronicleEvent *event;

  /* "had not agreed … since March 2021": when they last agreed, an event
   * of its own at month precision (test_negated_since); the sentence is
   * not dated by it */
  g_assert_cmpuint (count_on (timeline, "2021-03"), ==, 1);
  g_assert_cmpstr (chronicle_event_get_title (event_on (timeline, "2021-03")), ==, "Two parties last agreed on a budget");
  g_assert_null (event_on (timeline, "2019"));
  g_assert_cmpuint (count_on (timeline, "2022-06"), ==, 1);
  g_assert_cmpstr (chronicle_event_get_title (event_on (timeline, "2022-06")), ==, "Two unions of the port last spoke");
  g_assert_nonnull (event = event_on (timeline, "2024-03-05"));
  g_assert_nonnull (strstr (chronicle_event_get_summary (event), "met again"));
  g_assert_nonnull (event = event_on (timeline, "2024-03-08"));
  g_assert_nonnull (strstr (chronicle_event_get_summary (event), "has passed its budget"));
}

/* Two accounts of one happening share names and words; two happenings
 * of the same day in the same story share a few. */
static void
test_same_happening (void)
{
  /* a draft's proposal and the timeline's event, told differently */
  g_assert_true (chronicle_extractor_same_happening (
    "Aas said she would meet the union leaders",
    "Aas, ending a tour of the northern ports and heading back to Oslo, said on Friday she would meet "
    "the union leaders \"as soon as the ferries run\".",
    "Aas: will meet unions soon",
    "Ending a tour of the northern ports and heading back to Oslo, Aas says she will meet the union "
    "leaders as soon as it can be arranged."));
  /* the same story, other happenings of the day */
  g_assert_false (chronicle_extractor_same_happening (
    "Aas said she would meet the union leaders",
    "Aas, ending a tour of the northern ports, said on Friday she would meet the union leaders.",
    "Union votes to end the strike",
    "The dock workers' union of Vardo voted on Friday to end the strike and return to the ports."));
  g_assert_false (chronicle_extractor_same_happening (
    "Expectations for a deal were dented further",
    "Expectations for a deal, already low, were dented further when Aas said there would be no pay rise.",
    "Holm told reporters that a deal was unlikely",
    "Holm told reporters that, given the mood in the hall, a deal was unlikely."));
  g_assert_false (chronicle_extractor_same_happening (NULL, NULL, "Union votes", ""));
}

/* Tester item 6: the seed article (../shared/seed/, read where it is,
 * never copied) imported into the bundled example, which tells the same
 * story in its own words: each proposal finds its event there (the review
 * page flags it and leaves it unticked), and only its own. */
static void
test_seed_against_example (void)
{
  const char *tests = g_test_get_dir (G_TEST_DIST);
  g_autofree char *seed = g_build_filename (tests, "..", "..", "..", "shared", "seed",
                                            "istanbul-talks-2025-05-16.txt", NULL);
  g_autofree char *example = g_build_filename (tests, "..", "data", "examples", "istanbul-talks-2025.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) draft = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  static const struct { const char *headline_start; const char *example_title; } pairs[] = {
    { "Trump said he would meet", "Trump: will meet Putin soon" },
    { "Russian and Ukrainian negotiators have met", "Direct talks open in Istanbul" },
    { "Live Turkish television", "Direct talks open in Istanbul" },
    { "Expectations for a major breakthrough", "Trump: no movement without Putin meeting" },
  };

  if (!g_file_test (seed, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the seed article (../shared/seed/) is not next to this checkout");
      return;
    }
  g_file_get_contents (seed, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (example, &json, NULL, &error);
  g_assert_no_error (error);
  timeline = chronicle_timeline_load_from_data (json, -1, NULL, &error);
  g_assert_no_error (error);
  draft = extract (text, "2025-05-16", extractor);

  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    {
      ChronicleEvent *proposal = NULL;
      guint matches = 0;
      const char *matched = NULL;

      for (guint i = 0; i < chronicle_timeline_get_n_events (draft); i++)
        if (g_str_has_prefix (chronicle_timeline_get_event_title (draft, i), pairs[p].headline_start))
          proposal = chronicle_timeline_get_event (draft, i);
      g_assert_nonnull (proposal);
      for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
        if (chronicle_date_compare (chronicle_timeline_get_event_date (timeline, i), chronicle_event_get_date (proposal)) == 0 &&
            chronicle_extractor_same_happening (chronicle_event_get_title (proposal), chronicle_event_get_summary (proposal),
                                                chronicle_timeline_get_event_title (timeline, i),
                                                chronicle_timeline_get_event_summary (timeline, i)))
          {
            matches++;
            matched = chronicle_timeline_get_event_title (timeline, i);
          }
      g_test_message ("%s -> %s", pairs[p].headline_start, matched);
      g_assert_cmpuint (matches, ==, 1);
      g_assert_cmpstr (matched, ==, pairs[p].example_title);
    }
}

/* A later sentence that tells the lede's happening again proposes no
 * event of its own; its quote goes to the lede's event. */
static void
test_repeats_merged (void)
{
  static const char text[] =
    "Talks resume in Vardo\n\n"
    "Dock workers and port managers have met in Vardo for their first talks in more than three weeks, "
    "under pressure from the harbour minister.\n\n"
    "Live pictures from the town hall in Vardo on Friday showed dock workers and port managers talking "
    "with a mediator. \"We are listening to every offer they make,\" union chief Per Holm said.\n\n"
    "The union voted on Friday to end its ban on overtime at the grain terminal.\n";
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = extract (text, "2024-03-08", extractor);
  ChronicleEvent *event;
  guint on_the_day = 0;

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      g_autofree char *iso = chronicle_date_to_iso (chronicle_timeline_get_event_date (timeline, i));
      if (strcmp (iso, "2024-03-08") == 0)
        on_the_day++;
    }
  /* the meeting once, and the union's vote */
  g_assert_cmpuint (on_the_day, ==, 2);
  g_assert_nonnull (event = event_on (timeline, "2024-03-08"));
  g_assert_nonnull (strstr (chronicle_event_get_summary (event), "have met in Vardo"));
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
}

static void
test_evidence_written (void)
{
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = extract (article_text, "2024-03-08", extractor);
  g_autofree char *data = chronicle_timeline_to_data (timeline, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *events;

  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");
  g_assert_cmpuint (json_array_get_length (events), ==, chronicle_timeline_get_n_events (timeline));
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *written = json_array_get_object_element (events, i);
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      JsonObject *evidence;
      guint start, end;
      g_autofree char *sentence = NULL;

      g_assert_cmpstr (json_object_get_string_member (written, "id"), ==, chronicle_event_get_id (event));
      g_assert_true (chronicle_event_get_evidence (event, &start, &end));
      g_assert_true (json_object_has_member (written, "evidence"));
      evidence = json_object_get_object_member (written, "evidence");
      g_assert_cmpint (json_object_get_int_member (evidence, "start"), ==, start);
      g_assert_cmpint (json_object_get_int_member (evidence, "end"), ==, end);
      /* the offsets are characters of the text: the event's sentence */
      sentence = g_utf8_substring (article_text, start, end);
      g_assert_cmpstr (sentence, ==, chronicle_event_get_summary (event));
    }

  /* An event that was not extracted has none, and none is written. */
  {
    ChronicleDate date;
    g_autoptr(ChronicleEvent) plain = NULL;

    g_assert_true (chronicle_date_parse ("2024-03-01", &date, NULL));
    plain = chronicle_event_new ("plain", &date, "Plain");
    g_assert_false (chronicle_event_get_evidence (plain, NULL, NULL));
  }
}

/* Two happenings of one day stay in the article's order, whatever their
 * headlines (ids) say. */
static void
test_same_day_order (void)
{
  static const char text[] =
    "Port news\n\n"
    "Workers blocked the north gate of the port on Tuesday in a protest over night pay.\n\n"
    "A ferry from the islands ran aground near the south quay on Tuesday in thick fog.\n";
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = extract (text, "2024-03-08", extractor);

  g_autofree char *data = NULL;

  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  g_assert_true (g_str_has_prefix (chronicle_timeline_get_event_title (timeline, 0), "Workers"));
  g_assert_true (g_str_has_prefix (chronicle_timeline_get_event_title (timeline, 1), "A ferry"));
  /* and so in the draft's file, which follows the events' sequence */
  data = chronicle_timeline_to_data (timeline, NULL);
  g_assert_true (strstr (data, "\"Workers") < strstr (data, "\"A ferry"));
}

/* Who acts and where: a name after a locative preposition is the place,
 * a name that describes a noun ("a Baltic Coast tour", "Norland's longest
 * strike", "Norland's Prime Minister Ola Berg") or names a happening
 * ("World War II") is no actor, a country that does something is one. */
static void
test_actors_and_place (void)
{
  static const struct
  {
    const char *sentence;
    const char *actors;    /* joined with "|" */
    const char *location;  /* or NULL */
  } cases[] = {
    /* locative prepositions, over "the", "eastern", "the city of" */
    { "Kestonia said on Tuesday it had captured a village in eastern Norland.", "Kestonia", "Norland" },
    { "The talks at the Harlow Palace on the Marrow began on Tuesday, officials said.", "", "Harlow Palace" },
    { "Ola Berg met strikers on Tuesday near the city of Vardo.", "Ola Berg", "Vardo" },
    { "Ola Berg flew on Tuesday from Vardo to Kestonia.", "Ola Berg", "Vardo" },
    /* modifiers before a noun */
    { "Ola Berg, ending a Baltic Coast tour, met strikers on Tuesday.", "Ola Berg", NULL },
    { "Ola Berg said on Tuesday he would end Norland's longest strike.", "Ola Berg", NULL },
    /* the owner of a title before a name */
    { "Norland's Prime Minister Ola Berg met Kestonia's trade envoy Per Holm on Tuesday.",
      "Ola Berg|Per Holm", NULL },
    /* happenings */
    { "Ola Berg said on Tuesday it was the worst strike since World War II.", "Ola Berg", NULL },
    { "Per Holm said on Tuesday the Cold War had ended for the dockers.", "Per Holm", NULL },
    /* a country as a subject stays an actor */
    { "Kestonia responded on Tuesday by naming negotiators of similar rank.", "Kestonia", NULL },
  };
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Port news\n\n%s\n", cases[i].sentence);
      g_autoptr(ChronicleTimeline) timeline = extract (text, "2024-03-08", extractor);
      ChronicleEvent *event = event_on (timeline, "2024-03-05");
      g_autofree char *actors = NULL;

      g_test_message ("case %u: %s", i, cases[i].sentence);
      g_assert_nonnull (event);
      actors = chronicle_event_get_actors (event) != NULL ?
               g_strjoinv ("|", (char **) chronicle_event_get_actors (event)) : g_strdup ("");
      g_assert_cmpstr (actors, ==, cases[i].actors);
      g_assert_cmpstr (chronicle_event_get_location (event), ==, cases[i].location);
    }
}

static void
test_no_date_refused (void)
{
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) article = chronicle_article_new_from_data (article_text, strlen (article_text),
                                                                         NULL, &error);
  g_autoptr(ChronicleTimeline) timeline = NULL;

  g_assert_no_error (error);
  g_assert_null (chronicle_article_get_published (article));
  timeline = chronicle_extractor_extract (extractor, article, &error);
  g_assert_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_NO_DATE);
  g_assert_null (timeline);
}

static const ChronicleDate *
published_of (const char *data,
              const char *name,
              ChronicleArticle **out)
{
  g_autoptr(GError) error = NULL;

  *out = chronicle_article_new_from_data (data, strlen (data), name, &error);
  g_assert_no_error (error);
  return chronicle_article_get_published (*out);
}

/* Where a page's date comes from, in order: its metadata, JSON-LD, a
 * <time datetime>, a date line; a plain text's date line. */
static void
test_publication_dates (void)
{
  static const struct { const char *data; const char *name; const char *expected; } cases[] = {
    { "<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\","
      "\"headline\":\"Dock strike ends\",\"datePublished\":\"2024-03-08T10:00:00+01:00\"}]}</script></head>"
      "<body><article><p>Dock workers ended their strike on Thursday in the port.</p></article></body></html>",
      "p.html", "2024-03-08" },
    { "<html><body><article><time datetime=\"2023-11-02\">2 Nov</time>"
      "<p>Dock workers ended their strike on Thursday in the port.</p></article></body></html>",
      "p.html", "2023-11-02" },
    { "Dock strike ends\n\nMarch 01, 2008\n\nDock workers ended their strike on Thursday.\n", "a.txt",
      "2008-03-01" },
    { "Dock strike ends\n\nISTANBUL, May 16 (Reuters) - Dock workers ended their strike.\n", "a.txt", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ChronicleArticle) article = NULL;
      const ChronicleDate *date = published_of (cases[i].data, cases[i].name, &article);
      g_autofree char *iso = date != NULL ? chronicle_date_to_iso (date) : NULL;

      g_test_message ("case %u", i);
      g_assert_cmpstr (iso, ==, cases[i].expected);
    }
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleArticle) article = NULL;
  GString *deep = g_string_new (NULL);

  article = chronicle_article_new_from_data ("  \n\n ", 5, "a.txt", &error);
  g_assert_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_EMPTY);
  g_clear_error (&error);

  article = chronicle_article_new_from_data ("a\0b", 3, "a.txt", &error);
  g_assert_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_NOT_TEXT);
  g_clear_error (&error);

  /* 100 000 nested elements: read to the walker's depth, no stack overflow */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<div>");
  g_string_append (deep, "<p>Workers struck on Friday in the port of Vardo, the union said.</p>");
  article = chronicle_article_new_from_data (deep->str, deep->len, "deep.html", &error);
  g_assert_true (article != NULL || error != NULL);
  g_clear_error (&error);
  g_clear_object (&article);
  g_string_free (deep, TRUE);

  /* JSON-LD nested a million deep is skipped, not parsed (json-glib
   * recurses per level); the <time> after it still dates the page */
  deep = g_string_new ("<html><head><script type=\"application/ld+json\">");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  g_string_append (deep, "</script></head><body><article><time datetime=\"2023-11-02\"></time>"
                         "<p>Workers struck on Friday in the port of Vardo, the union said.</p></article></body></html>");
  article = chronicle_article_new_from_data (deep->str, deep->len, "deep.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (chronicle_article_get_published (article));
  g_string_free (deep, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/extract/events/from-article", test_events);
  g_test_add_func ("/extract/events/since-anchor", test_since_anchor);
  g_test_add_func ("/extract/events/negated-since", test_negated_since);
  g_test_add_func ("/extract/events/negated-since-seed", test_negated_since_seed);
  g_test_add_func ("/extract/events/same-happening", test_same_happening);
  g_test_add_func ("/extract/events/repeats-merged", test_repeats_merged);
  g_test_add_func ("/extract/events/seed-against-example", test_seed_against_example);
  g_test_add_func ("/extract/events/evidence-written", test_evidence_written);
  g_test_add_func ("/extract/events/same-day-order", test_same_day_order);
  g_test_add_func ("/extract/events/no-date-refused", test_no_date_refused);
  g_test_add_func ("/extract/events/actors-and-place", test_actors_and_place);
  g_test_add_func ("/extract/article/publication-dates", test_publication_dates);
  g_test_add_func ("/extract/article/bad-input", test_bad_input);

  return g_test_run ();
}
