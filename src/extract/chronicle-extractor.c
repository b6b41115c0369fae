/* chronicle-extractor.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-extractor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "chronicle-article-text-private.h"
#include "chronicle-event.h"
#include "chronicle-extractor.h"
#include "chronicle-headline-private.h"
#include "chronicle-kept-private.h"
#include "chronicle-quote.h"
#include "chronicle-quote-finder-private.h"
#include "chronicle-source.h"
#include "chronicle-text-private.h"
#include "chronicle-timex-private.h"

/* From an article to a draft timeline of proposed events. Each sentence
 * that dates a happening (outside quotes) proposes one event: the date at
 * the precision the text gives, a short headline, the sentence as summary,
 * the people and organisations it names, a place ("in Istanbul") and the
 * article as source. The lede's present perfect ("have met") with no date
 * takes the publication date, as news writing means it. Quotes join the
 * event of their sentence, or the one just before them (a speaker quoted
 * after "Rubio told reporters on Thursday night"). Each event keeps its
 * evidence: the sentence's offsets, in characters, into the article text,
 * on the event itself (chronicle_event_set_evidence()). */

/* Sentences this short are bylines, captions or page furniture. */
#define MIN_SENTENCE_WORDS 6
#define MAX_ACTORS 6
/* The lede is among the first body sentences (a caption may come first). */
#define LEDE_SENTENCES 3
/* Two accounts of one happening share this many content words, and this
 * share of the shorter account's (tuned on the seed article against the
 * bundled example's events: repeats share 5 to 15 words and 38 % or more,
 * different happenings of the same day at most 4 words and 25 %). */
#define SAME_HAPPENING_WORDS 4
#define SAME_HAPPENING_SHARE 0.35
/* A quote joins an event this many paragraphs back at most. */
#define QUOTE_REACH_PARAGRAPHS 2
/* How far before "since" its clause's negated perfect may be ("had not
 * agreed on a budget for the town since"). */
#define NEGATED_CLAUSE_TOKENS 12

struct _ChronicleExtractor
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (ChronicleExtractor, chronicle_extractor, G_TYPE_OBJECT)

typedef struct
{
  ChronicleArticleText *text;
  GPtrArray            *timexes;
  GPtrArray            *quotes;
  GPtrArray            *names;
  ChronicleTimeline    *timeline;
  const char           *source_id;
  const char           *title;
  GHashTable           *ids;
  ChronicleEvent      **sentence_events;  /* per sentence, or NULL; owned until added */
  GPtrArray            *last_events;      /* "had not met since X": when it last happened */
  gboolean             *repeats;          /* per sentence: its event is an earlier sentence's */
} Run;

/* Words that say nothing about which happening it is. */
static const char * const common_words[] = {
  "the", "and", "but", "for", "with", "from", "into", "over", "after", "before", "about", "between",
  "that", "this", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "while",
  "his", "her", "its", "their", "our", "they", "she", "him", "them", "has", "have", "had", "was",
  "were", "are", "been", "being", "will", "would", "could", "should", "may", "might", "can", "not",
  "said", "says", "say", "told", "also", "than", "then", "there", "more", "most", "other", "such",
  "some", "any", "all", "one", "two", "out", "off", "via", "per", "today", "yesterday", "on", NULL
};

static const ChronicleToken *
tok (Run   *run,
     guint  i)
{
  return chronicle_article_text_token (run->text, i);
}

static const ChronicleSpan *
sentence (Run   *run,
          guint  s)
{
  return &g_array_index (run->text->sentences, ChronicleSpan, s);
}

static guint
count_words (Run                 *run,
             const ChronicleSpan *s)
{
  guint n = 0;
  for (guint i = s->first_token; i < s->first_token + s->n_tokens; i++)
    if (tok (run, i)->kind == CHRONICLE_TOKEN_WORD)
      n++;
  return n;
}

/* "have met", "has captured": the present perfect. */
static gboolean
has_present_perfect (Run                 *run,
                     const ChronicleSpan *s)
{
  for (guint i = s->first_token; i + 1 < s->first_token + s->n_tokens; i++)
    {
      const ChronicleToken *t = tok (run, i);
      const ChronicleToken *next = tok (run, i + 1);
      if ((strcmp (t->lower, "have") == 0 || strcmp (t->lower, "has") == 0) && !t->in_quote &&
          next->kind == CHRONICLE_TOKEN_WORD && !next->capitalised &&
          strcmp (next->lower, "to") != 0 && strcmp (next->lower, "been") != 0)
        return TRUE;
    }
  return FALSE;
}

/* The "since" that @x follows directly ("since March 2022", "since the
 * spring of 2022", "since early March"), or G_MAXUINT. */
static guint
since_before (Run            *run,
              ChronicleTimex *x)
{
  for (guint i = x->first_token; i > 0; i--)
    {
      const ChronicleToken *t = tok (run, i - 1);

      if (t->kind != CHRONICLE_TOKEN_WORD)
        return G_MAXUINT;
      if (strcmp (t->lower, "the") == 0 || strcmp (t->lower, "early") == 0 || strcmp (t->lower, "late") == 0 ||
          strcmp (t->lower, "mid") == 0)
        continue;
      return strcmp (t->lower, "since") == 0 ? i - 1 : G_MAXUINT;
    }
  return G_MAXUINT;
}

/* "since March 2022", "the first talks since 2022", "for the first time
 * since 2019": the date where a period starts, not when the sentence's
 * happening happens (the meeting that "marks a rare sign" is today's). */
static gboolean
is_period_anchor (Run            *run,
                  ChronicleTimex *x)
{
  const ChronicleToken *before = x->first_token >= 2 ? tok (run, x->first_token - 1) : NULL;

  /* "since March 2022, the month after the invasion": the apposition
   * names the same anchor */
  if (before != NULL && strcmp (before->lower, ",") == 0)
    {
      for (guint k = 0; k < run->timexes->len; k++)
        {
          ChronicleTimex *earlier = g_ptr_array_index (run->timexes, k);
          if (earlier->last_token == x->first_token - 2)
            return earlier != x && earlier->first_token < x->first_token && is_period_anchor (run, earlier);
        }
      return FALSE;
    }
  return since_before (run, x) != G_MAXUINT;
}

static gboolean
is_perfect_auxiliary (const char *lower,
                      gboolean   *negated)
{
  static const char * const plain[] = { "has", "have", "had", NULL };
  static const char * const contracted[] = {
    "hasn't", "haven't", "hadn't", "hasn\u2019t", "haven\u2019t", "hadn\u2019t", NULL
  };

  *negated = chronicle_word_in_list (contracted, lower);
  return *negated || chronicle_word_in_list (plain, lower);
}

/* "who had not met face-to-face since", "has not been seen since",
 * "haven't spoken since", "had never agreed on a budget since": a
 * negated perfect in the clause that ends in the "since" at @since. Sets
 * its auxiliary and its participle. "the first talks since", "has risen
 * since" are not negated. */
static gboolean
negated_perfect_before (Run   *run,
                        guint  since,
                        guint *aux,
                        guint *participle)
{
  const ChronicleToken *anchor = tok (run, since);

  for (guint i = since; i > 0 && since - i < NEGATED_CLAUSE_TOKENS; i--)
    {
      const ChronicleToken *t = tok (run, i - 1);
      gboolean negated;
      guint k = i;

      if (t->sentence != anchor->sentence || t->in_quote || strcmp (t->lower, ",") == 0 ||
          strcmp (t->lower, ";") == 0 || strcmp (t->lower, ":") == 0 || strcmp (t->lower, "(") == 0 ||
          strcmp (t->lower, ")") == 0)
        return FALSE;
      if (t->kind != CHRONICLE_TOKEN_WORD || !is_perfect_auxiliary (t->lower, &negated))
        continue;
      if (!negated && k < since && (strcmp (tok (run, k)->lower, "not") == 0 || strcmp (tok (run, k)->lower, "never") == 0))
        {
          negated = TRUE;
          k++;
        }
      /* "had not yet met", "have not even spoken" */
      while (negated && k < since && (strcmp (tok (run, k)->lower, "yet") == 0 || strcmp (tok (run, k)->lower, "even") == 0))
        k++;
      if (!negated || k >= since || tok (run, k)->kind != CHRONICLE_TOKEN_WORD || tok (run, k)->capitalised)
        return FALSE;
      *aux = i - 1;
      *participle = k;
      return TRUE;
    }
  return FALSE;
}

/* The date a sentence reports: its first time expression outside quotes
 * that names a calendar point, and not where a period since starts. */
static ChronicleTimex *
sentence_date (Run                 *run,
               const ChronicleSpan *s)
{
  for (guint k = 0; k < run->timexes->len; k++)
    {
      ChronicleTimex *x = g_ptr_array_index (run->timexes, k);
      if (x->start < s->start || x->end > s->end)
        continue;
      if (x->in_quote || x->range_end || x->grain == CHRONICLE_TIMEX_GRAIN_NONE ||
          (x->type != CHRONICLE_TIMEX_DATE && x->type != CHRONICLE_TIMEX_TIME) || is_period_anchor (run, x))
        continue;
      return x;
    }
  return NULL;
}

/* The content words of @text, lower case, into @words. */
static void
add_content_words (GHashTable *words,
                   const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text != NULL ? text : "", -1);
  const char *start = NULL;
  guint length = 0;

  for (const char *p = lower;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          if (start == NULL)
            start = p;
          length++;
          continue;
        }
      if (start != NULL && length > 2)
        {
          char *w = g_strndup (start, p - start);
          if (chronicle_word_in_list (common_words, w))
            g_free (w);
          else
            g_hash_table_add (words, w);
        }
      start = NULL;
      length = 0;
      if (c == 0)
        break;
    }
}

/**
 * chronicle_extractor_same_happening:
 * @title_a: (nullable): a headline
 * @summary_a: (nullable): its sentence or summary
 * @title_b: (nullable): another event's headline
 * @summary_b: (nullable): its summary
 *
 * Whether two events of the same date tell of the same happening: their
 * headlines and summaries share several content words (names, places,
 * verbs, nouns), and a good part of the shorter one's ("Trump said he
 * would meet the Russian leader" and "Trump: will meet Putin soon", with
 * their sentences). The caller compares dates; words alone do not say
 * when.
 *
 * Returns: whether they look like the same happening
 */
gboolean
chronicle_extractor_same_happening (const char *title_a,
                                    const char *summary_a,
                                    const char *title_b,
                                    const char *summary_b)
{
  g_autoptr(GHashTable) a = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) b = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTable *fewer;
  GHashTable *more;
  GHashTableIter iter;
  gpointer word;
  guint shared = 0;

  add_content_words (a, title_a);
  add_content_words (a, summary_a);
  add_content_words (b, title_b);
  add_content_words (b, summary_b);
  fewer = g_hash_table_size (a) <= g_hash_table_size (b) ? a : b;
  more = fewer == a ? b : a;
  g_hash_table_iter_init (&iter, fewer);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (more, word))
      shared++;
  return shared >= SAME_HAPPENING_WORDS && shared >= SAME_HAPPENING_SHARE * g_hash_table_size (fewer);
}

/* A later sentence that tells the lede's happening again ("Direct talks
 * open", then "Live pictures showed the negotiators") proposes no event
 * of its own: it points at the earlier one, which takes its quotes. */
static void
merge_repeat (Run   *run,
              guint  index)
{
  ChronicleEvent *event = run->sentence_events[index];
  g_autofree char *iso = chronicle_date_to_iso (chronicle_event_get_date (event));

  for (guint i = 0; i < index; i++)
    {
      ChronicleEvent *earlier = run->sentence_events[i];
      g_autofree char *earlier_iso = NULL;

      if (earlier == NULL || run->repeats[i])
        continue;
      earlier_iso = chronicle_date_to_iso (chronicle_event_get_date (earlier));
      if (strcmp (iso, earlier_iso) != 0 ||
          !chronicle_extractor_same_happening (chronicle_event_get_title (earlier), chronicle_event_get_summary (earlier),
                                               chronicle_event_get_title (event), chronicle_event_get_summary (event)))
        continue;
      g_object_unref (event);
      run->sentence_events[index] = earlier;
      run->repeats[index] = TRUE;
      return;
    }
}

static char *
slugify (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0' && out->len < 40; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      if (c < 128 && g_ascii_isalnum (c))
        g_string_append_c (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '-')
        g_string_append_c (out, '-');
    }
  while (out->len > 0 && out->str[out->len - 1] == '-')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "event");
  return g_string_free (out, FALSE);
}

static char *
unique_id (Run        *run,
           const char *headline)
{
  g_autofree char *base = slugify (headline);
  char *id = g_strdup (base);

  for (guint n = 2; g_hash_table_contains (run->ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (run->ids, g_strdup (id));
  return id;
}

/* Names after these are places, not actors; after the first ones the
 * first such name is the event's location ("in Istanbul", "on the
 * Bosphorus"), after the last ones only a direction ("to Washington"). */
static const char * const locative_prepositions[] = {
  "in", "at", "on", "near", "across", "from", "outside", "inside", "within", "off", NULL
};
static const char * const directional_prepositions[] = {
  "to", "into", "toward", "towards", NULL
};

/* Words that may stand between such a preposition and the place's name:
 * "in the city of Dnipro", "in eastern Ukraine". */
static const char * const place_fillers[] = {
  "the", "of", "eastern", "western", "northern", "southern", "central", "north", "south", "east", "west",
  "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern", "north-western",
  "south-eastern", "south-western", "city", "town", "village", "region", "province", "state", "district",
  "capital", "port", "island", "border", "county", NULL
};
#define MAX_PLACE_FILLERS 4

/* Before a name and a lower-case noun, these make the name a modifier ("a
 * Middle East tour", "its Ukraine policy"), not an actor. */
static const char * const modifier_determiners[] = {
  "a", "an", "its", "his", "her", "their", "our", "my", "your", NULL
};

/* Last words of names of happenings ("World War II", "the Cold War", "the
 * Good Friday Agreement"): never actors. */
static const char * const happening_heads[] = {
  "war", "wars", "revolution", "uprising", "crisis", "pandemic", "epidemic", "olympics", "cup",
  "championship", "championships", "agreement", "accord", "accords", "treaty", "election", "elections",
  "referendum", "summit", "massacre", "holocaust", "genocide", "invasion", "blockade", "airlift", "spring",
  NULL
};

/* What follows a happening's head: "World War II", "Gulf War 2". */
static const char * const ordinal_numerals[] = {
  "i", "ii", "iii", "iv", "v", "vi", NULL
};

/* Endings of nationality words ("Turkish television", "Russian leader"). */
static const char * const nationality_endings[] = {
  "ish", "ian", "ean", "ese", "ic", "an", "i", NULL
};

/* One word with a nationality's ending before a lower-case noun: an
 * adjective, no actor. */
static gboolean
is_nationality (Run                  *run,
                ChronicleNameMention *n)
{
  const ChronicleToken *t = tok (run, n->first_token);
  const ChronicleToken *next = n->last_token + 1 < run->text->tokens->len ? tok (run, n->last_token + 1) : NULL;

  if (n->first_token != n->last_token || next == NULL || next->kind != CHRONICLE_TOKEN_WORD ||
      next->capitalised)
    return FALSE;
  for (guint k = 0; nationality_endings[k] != NULL; k++)
    if (g_str_has_suffix (t->lower, nationality_endings[k]))
      return TRUE;
  return FALSE;
}

/* The preposition before @n, over the fillers of place_fillers, or NULL
 * when a name's run is not preceded by one. */
static const char *
preposition_before (Run                  *run,
                    ChronicleNameMention *n)
{
  guint i = n->first_token;

  for (guint skipped = 0; i > 0 && skipped <= MAX_PLACE_FILLERS; skipped++)
    {
      const ChronicleToken *t = tok (run, --i);

      if (t->kind != CHRONICLE_TOKEN_WORD)
        return NULL;
      if (chronicle_word_in_list (locative_prepositions, t->lower) ||
          chronicle_word_in_list (directional_prepositions, t->lower))
        return t->lower;
      if (t->capitalised && !t->sentence_start)
        return NULL;
      if (!chronicle_word_in_list (place_fillers, t->lower))
        return NULL;
    }
  return NULL;
}

/* A name that describes something else: an owner ("Europe's deadliest
 * conflict", "Russia's President Vladimir Putin", where only Putin acts)
 * or a noun's modifier after an article ("a Middle East tour"). */
static gboolean
is_modifier (Run                  *run,
             ChronicleNameMention *n)
{
  const ChronicleToken *next = chronicle_article_text_token_at (run->text, n->last_token + 1);
  const ChronicleToken *before = n->first_token > 0 ? tok (run, n->first_token - 1) : NULL;

  if (next == NULL)
    return FALSE;
  if (next->kind == CHRONICLE_TOKEN_POSS)
    return TRUE;
  return next->kind == CHRONICLE_TOKEN_WORD && !next->capitalised && before != NULL &&
         (before->kind == CHRONICLE_TOKEN_POSS ||
          (before->kind == CHRONICLE_TOKEN_WORD && chronicle_word_in_list (modifier_determiners, before->lower)));
}

/* The name of a happening ("World War II"), not of anyone who acts. */
static gboolean
is_happening (Run                  *run,
              ChronicleNameMention *n)
{
  guint head = n->last_token;

  if (head > n->first_token && chronicle_word_in_list (ordinal_numerals, tok (run, head)->lower))
    head--;
  else if (head > n->first_token && tok (run, head)->kind == CHRONICLE_TOKEN_NUMBER)
    head--;
  return chronicle_word_in_list (happening_heads, tok (run, head)->lower);
}

/* A person the article names with a full name somewhere ("a call from
 * Putin"); the quote finder may also take a lone capitalised word for a
 * person ("on the Bosphorus"), which a preposition makes a place. */
static gboolean
is_named_person (ChronicleNameMention *n)
{
  return n->person && (n->last_token > n->first_token || strchr (n->name, ' ') != NULL);
}

/* The people and organisations the sentence names outside quotes, and the
 * place: the first name after a locative preposition. */
static void
set_actors_and_place (Run                 *run,
                      const ChronicleSpan *s,
                      ChronicleEvent      *event)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  const char *place = NULL;

  for (guint k = 0; k < run->names->len; k++)
    {
      ChronicleNameMention *n = g_ptr_array_index (run->names, k);
      const char *preposition;
      gboolean seen = FALSE;

      if (n->first_token < s->first_token || n->last_token >= s->first_token + s->n_tokens)
        continue;
      preposition = is_named_person (n) ? NULL : preposition_before (run, n);
      if (preposition != NULL)
        {
          if (place == NULL && chronicle_word_in_list (locative_prepositions, preposition) &&
              !is_happening (run, n))
            place = n->name;
          continue;
        }
      if (is_nationality (run, n) || is_modifier (run, n) || is_happening (run, n))
        continue;
      for (guint a = 0; a < actors->len; a++)
        if (strcmp (g_ptr_array_index (actors, a), n->name) == 0)
          seen = TRUE;
      if (!seen && actors->len < MAX_ACTORS)
        g_ptr_array_add (actors, n->name);
    }
  g_ptr_array_add (actors, NULL);
  chronicle_event_set_actors (event, (const char * const *) actors->pdata);
  if (place != NULL)
    chronicle_event_set_location (event, place);
}

static gboolean
timex_to_date (ChronicleTimex *x,
               ChronicleDate  *date)
{
  ChronicleDatePrecision precision = x->grain == CHRONICLE_TIMEX_GRAIN_DAY ? CHRONICLE_DATE_PRECISION_DAY :
                                     x->grain == CHRONICLE_TIMEX_GRAIN_MONTH ? CHRONICLE_DATE_PRECISION_MONTH :
                                     CHRONICLE_DATE_PRECISION_YEAR;

  return chronicle_date_init (date, precision, x->year, MAX (x->month, 1), MAX (x->day, 1), 0, 0, 0, NULL);
}

/* The event knows its evidence (chronicle_event_get_evidence(), what the
 * review page highlights); the draft's file has it too, as a member the
 * model keeps for the writer after "quotes" ("evidence": {"start",
 * "end"}), which also survives loading and saving the draft. */
static void
set_evidence (ChronicleEvent *event,
              guint           start,
              guint           end)
{
  g_autofree char *value = g_strdup_printf ("{\"start\":%u,\"end\":%u}", start, end);
  ChronicleKeptMember member = { "quotes", "evidence", value };
  g_autoptr(ChronicleKept) kept = chronicle_kept_new (&member, 1, NULL, 0);

  chronicle_event_set_evidence (event, start, end);
  chronicle_kept_set (event, kept);
}

/* An event of sentence @index with @headline, dated @date (from @x, or
 * the publication date), its evidence the bytes @start to @end. */
static ChronicleEvent *
new_event (Run                 *run,
           guint                index,
           const char          *headline,
           ChronicleTimex      *x,
           const ChronicleDate *date,
           guint                start,
           guint                end)
{
  const ChronicleSpan *s = sentence (run, index);
  g_autofree char *summary = g_strstrip (g_strndup (run->text->text + s->start, s->end - s->start));
  g_autofree char *id = NULL;
  g_autofree char *evidence = NULL;
  const char *sources[] = { run->source_id, NULL };
  ChronicleEvent *event;
  guint evidence_start;

  if (*headline == '\0')
    headline = _("Untitled event");
  id = unique_id (run, headline);
  event = chronicle_event_new (id, date, headline);
  chronicle_event_set_summary (event, summary);
  /* for now: events of one day keep the article's order, not their ids' */
  chronicle_event_set_sequence (event, index);
  chronicle_event_set_source_ids (event, sources);
  chronicle_event_set_approximate (event, x != NULL && (x->mod != NULL || strchr (x->value, 'W') != NULL ||
                                                        strchr (x->value, 'Q') != NULL));
  set_actors_and_place (run, s, event);

  evidence = g_strstrip (g_strndup (run->text->text + start, end - start));
  while (g_ascii_isspace (run->text->text[start]))
    start++;
  evidence_start = g_utf8_pointer_to_offset (run->text->text, run->text->text + start);
  set_evidence (event, evidence_start, evidence_start + g_utf8_strlen (evidence, -1));
  return event;
}

static ChronicleEvent *
propose_event (Run                 *run,
               guint                index,
               ChronicleTimex      *x,
               const ChronicleDate *date)
{
  const ChronicleSpan *s = sentence (run, index);
  g_autofree char *headline = chronicle_headline_make (run->text, index, x != NULL ? x->first_token : G_MAXUINT,
                                                       x != NULL ? x->last_token : G_MAXUINT, run->names);

  run->sentence_events[index] = new_event (run, index, headline, x, date, s->start, s->end);
  return run->sentence_events[index];
}

/* "the warring sides, who had not met face-to-face since March 2022":
 * the meeting last took place in March 2022, an event of its own at the
 * anchor's precision ("Warring sides last met face-to-face"), its
 * evidence the clause. The sentence's own happening keeps its date. */
static void
propose_last_events (Run   *run,
                     guint  index)
{
  const ChronicleSpan *s = sentence (run, index);

  for (guint k = 0; k < run->timexes->len; k++)
    {
      ChronicleTimex *x = g_ptr_array_index (run->timexes, k);
      g_autofree char *headline = NULL;
      ChronicleDate date;
      guint since;
      guint aux;
      guint participle;
      guint clause_first;

      if (x->start < s->start || x->end > s->end || x->in_quote || x->range_end ||
          x->grain == CHRONICLE_TIMEX_GRAIN_NONE || x->type != CHRONICLE_TIMEX_DATE ||
          (since = since_before (run, x)) == G_MAXUINT || !negated_perfect_before (run, since, &aux, &participle) ||
          !timex_to_date (x, &date))
        continue;
      headline = chronicle_headline_make_last (run->text, aux, participle, since, &clause_first);
      g_ptr_array_add (run->last_events,
                       new_event (run, index, headline, x, &date, tok (run, clause_first)->start, x->end));
    }
}

static void
propose_events (Run                 *run,
                const ChronicleDate *published)
{
  guint n_body = 0;

  for (guint i = 0; i < run->text->sentences->len; i++)
    {
      const ChronicleSpan *s = sentence (run, i);
      g_autofree char *line = g_strstrip (g_strndup (run->text->text + s->start, s->end - s->start));
      ChronicleTimex *x;
      ChronicleDate date;
      gboolean lede;

      if (count_words (run, s) < MIN_SENTENCE_WORDS || (run->title != NULL && strcmp (line, run->title) == 0))
        continue;
      /* a sentence wholly inside a quote reports no happening of its own */
      if (tok (run, s->first_token)->in_quote && tok (run, s->first_token + s->n_tokens - 1)->in_quote)
        continue;
      lede = n_body < LEDE_SENTENCES;
      n_body++;
      x = sentence_date (run, s);
      if (x != NULL && timex_to_date (x, &date))
        propose_event (run, i, x, &date);
      else if (x == NULL && lede && has_present_perfect (run, s))
        propose_event (run, i, NULL, published);
      if (run->sentence_events[i] != NULL)
        merge_repeat (run, i);
      propose_last_events (run, i);
    }
}

/* Each quote joins the event of its sentence or the nearest one before it
 * within a couple of paragraphs; the quote is dated like its event. */
static void
attach_quotes (Run *run)
{
  for (guint k = 0; k < run->quotes->len; k++)
    {
      ChronicleFoundQuote *q = g_ptr_array_index (run->quotes, k);
      const ChronicleToken *first = tok (run, q->first_token);
      ChronicleEvent *event = NULL;
      g_autofree char *text = NULL;
      g_autoptr(ChronicleQuote) quote = NULL;

      for (guint s = first->sentence + 1; s > 0 && event == NULL; s--)
        {
          const ChronicleSpan *span = sentence (run, s - 1);
          if (first->paragraph - tok (run, span->first_token)->paragraph > QUOTE_REACH_PARAGRAPHS)
            break;
          event = run->sentence_events[s - 1];
        }
      if (event == NULL || q->speaker == NULL)
        continue;
      text = g_strndup (run->text->text + q->start, q->end - q->start);
      /* the comma that led into "he said" is no part of the words */
      g_strchomp (text);
      if (g_str_has_suffix (text, ","))
        text[strlen (text) - 1] = '\0';
      quote = chronicle_quote_new (text, q->speaker, q->role, run->source_id, chronicle_event_get_date (event));
      chronicle_event_add_quote (event, quote);
    }
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  return chronicle_event_compare (*(ChronicleEvent **) a, *(ChronicleEvent **) b);
}

static void
chronicle_extractor_class_init (ChronicleExtractorClass *klass)
{
}

static void
chronicle_extractor_init (ChronicleExtractor *self)
{
}

ChronicleExtractor *
chronicle_extractor_new (void)
{
  return g_object_new (CHRONICLE_TYPE_EXTRACTOR, NULL);
}

/**
 * chronicle_extractor_extract:
 * @self: the extractor
 * @article: the article; it must know its publication date
 * @error: a %CHRONICLE_ARTICLE_ERROR
 *
 * Proposes a draft timeline: one source (the article), the dated events
 * and their quotes. Each event knows where it was found in the article's
 * text (chronicle_event_get_evidence()), and the writer keeps that.
 *
 * Returns: (transfer full): the draft, or %NULL with @error set
 */
ChronicleTimeline *
chronicle_extractor_extract (ChronicleExtractor  *self,
                             ChronicleArticle    *article,
                             GError             **error)
{
  const ChronicleDate *published;
  g_autoptr(ChronicleArticleText) text = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(ChronicleSource) source = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *day = NULL;
  const char *title;
  Run run = { 0, };
  GDate dct;
  g_autoptr(GPtrArray) events = NULL;

  g_return_val_if_fail (CHRONICLE_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (CHRONICLE_IS_ARTICLE (article), NULL);

  published = chronicle_article_get_published (article);
  if (published == NULL)
    {
      g_set_error (error, CHRONICLE_ARTICLE_ERROR, CHRONICLE_ARTICLE_ERROR_NO_DATE,
                   _("the article gives no publication date, so “on Friday” cannot be dated: "
                     "give one (--published YYYY-MM-DD)"));
      return NULL;
    }
  g_date_clear (&dct, 1);
  g_date_set_dmy (&dct, published->precision >= CHRONICLE_DATE_PRECISION_DAY ? published->day : 1,
                  published->precision >= CHRONICLE_DATE_PRECISION_MONTH ? published->month : 1, published->year);

  title = chronicle_article_get_title (article);
  text = chronicle_article_text_new (chronicle_article_get_text (article), -1);
  run.text = text;
  run.title = title;
  run.quotes = chronicle_quote_finder_find_with_names (text, &run.names);
  spans = chronicle_quote_finder_spans (run.quotes);
  run.timexes = chronicle_timex_tag (text, &dct, spans);
  run.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run.sentence_events = g_new0 (ChronicleEvent *, text->sentences->len + 1);
  run.repeats = g_new0 (gboolean, text->sentences->len + 1);
  run.last_events = g_ptr_array_new ();

  day = chronicle_date_to_iso (published);
  {
    g_autofree char *publisher_slug = slugify (chronicle_article_get_publisher (article) != NULL ?
                                               chronicle_article_get_publisher (article) : "article");
    source_id = g_strdup_printf ("%s-%s", publisher_slug, day);
  }
  run.source_id = source_id;
  source = chronicle_source_new (source_id, chronicle_article_get_publisher (article),
                                 title != NULL ? title : _("Article"), chronicle_article_get_url (article), published);
  run.timeline = chronicle_timeline_new (title != NULL ? title : _("Draft from an article"));
  chronicle_timeline_add_source (run.timeline, source);

  propose_events (&run, published);
  attach_quotes (&run);
  /* Complete events only: the timeline keeps a copy of an event's fields
   * (docs/model.md), so quotes are attached before. In date order, one
   * day's in the article's (the sentence was the sequence so far), and
   * numbered so: the writer writes events in the order of their
   * sequence, as a file was read. */
  events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < text->sentences->len; i++)
    if (run.sentence_events[i] != NULL && !run.repeats[i])
      g_ptr_array_add (events, run.sentence_events[i]);
  for (guint i = 0; i < run.last_events->len; i++)
    g_ptr_array_add (events, g_ptr_array_index (run.last_events, i));
  g_ptr_array_sort (events, compare_events);
  for (guint i = 0; i < events->len; i++)
    {
      chronicle_event_set_sequence (g_ptr_array_index (events, i), i);
      chronicle_timeline_add_event (run.timeline, g_ptr_array_index (events, i));
    }

  g_ptr_array_unref (run.quotes);
  g_ptr_array_unref (run.names);
  g_ptr_array_unref (run.timexes);
  g_hash_table_unref (run.ids);
  g_free (run.sentence_events);
  g_free (run.repeats);
  g_ptr_array_unref (run.last_events);
  return run.timeline;
}
