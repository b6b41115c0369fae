/* chronicle-quote-finder.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-quote-finder"

#include "config.h"

#include <string.h>

#include "chronicle-quote-finder-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timex-rules-private.h"

/* Direct quotes and who said them. Quote marks are paired per paragraph (a
 * paragraph that ends inside a quote and a next one that opens a mark
 * continue it); a pair is a quote when it holds four or more words, or fewer
 * with a speech verb around it, and is no name ("Back to the Mac", so-called
 * "apps"). The speaker comes from the speech verb next to the quote ("...,"
 * he said / X said "..."), then pronouns and descriptions ("the company")
 * resolve to the last person or organisation named, and a short name to
 * the longest form the article gives ("Rubio" -> "Marco Rubio"). */

/* Longest single-quoted span: a stray apostrophe must not swallow a page. */
#define MAX_SINGLE_QUOTE_BYTES 240
/* A quote with no speech verb of its own continues the last one this close. */
#define CONTINUATION_REACH 400
/* How many mentions back a pronoun or a description may look. */
#define ANTECEDENT_REACH 64

static const char * const speech_verbs[] = {
  "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "explained",
  "explains", "commented", "comments", "replied", "replies", "claims", "claimed", "continued",
  "continues", "enthused", "noted", "notes", "wrote", "writes", "announced", "acknowledged",
  "insisted", "warned", "asked", "argued", "responded", "reads", "read", "described",
  "called", "call", "calls", "saying", "stating", "adding", "telling", "citing", "quoted",
  "predicted", "suggested", "declared", "remarked", "recalled", "admitted", "concluded",
  "according", "speaking", "tweeted", "posted", "praised", "indicated", "hinting", "urged",
  NULL
};

/* Verbs whose subject stands before them even after a comma-free phrase:
 * participles ("..., saying") take the clause's subject. */
static const char * const participle_cues[] = {
  "saying", "stating", "adding", "telling", "citing", "hinting", "speaking", NULL
};

/* Before the marks, these make the quoted words a name. */
static const char * const naming_words[] = {
  "so-called", "called", "dubbed", "nicknamed", "named", "titled", "entitled", "known",
  "word", "term", "text", "branded", "label", "labelled", "labeled", "slogan", "tagline", NULL
};

static const char * const role_words[] = {
  "president", "minister", "secretary", "senator", "governor", "general", "ceo", "chief",
  "executive", "officer", "director", "chairman", "chairwoman", "chair", "spokesman",
  "spokeswoman", "spokesperson", "analyst", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr",
  "dr.", "prime", "foreign", "defence", "defense", "deputy", "vice", "commissioner",
  "representative", "sen.", "rep.", "gov.", "gen.", "king", "queen", "pope", "judge",
  "justice", "sir", "lord", "state", "envoy", "ambassador", "mayor", "prince", "princess",
  "colonel", "lieutenant", "captain", "admiral", "sergeant", "professor", "prof.", "manager",
  "founder", "leader", "head", "speaker", "attorney", "commander", "undersecretary",
  "assistant", "special", "asst.", "civilian", "senior", "writer", "expert", "economist",
  "official", "officials", "spokesman", "correspondent", "reporter", "editor", "chancellor",
  "premier", "coach", "senator", "congressman", "congresswoman", "former", "acting", "us",
  "u.s.", "uk", "eu", "un", "ex", "of", "for", "the", "and", "operating", "financial",
  "marketing", "affairs", "interior", "finance", "economy", "trade", "health", "justice",
  "federal", "national", "mr", "gen", "lt.", "col.", "capt.", "sgt.", "st.", "rev.",
  NULL
};

static const char * const org_words[] = {
  "inc", "inc.", "corp", "corp.", "company", "co.", "ltd", "group", "airlines", "airways",
  "association", "associates", "council", "ministry", "commission", "times", "news",
  "university", "bank", "party", "force", "department", "agency", "office", "board",
  "committee", "union", "motors", "project", "organization", "organisation", "institute",
  "court", "congress", "senate", "house", "government", "administration", "post",
  "journal", "reuters", "press", "television", "network", "systems", "corporation",
  "industries", "foundation", "fund", "army", "navy", "police", "service", "services",
  "corps", "oversight", "research", "ministry", "palace", "airport", "street", "city",
  "sea", "river", "east", "west", "north", "south", "war", "ii", "apple", "store",
  "records", "website", "conference", "kremlin", "nations", "states", "kingdom", "republic", NULL
};

/* "the company said": which kind of antecedent a description wants. */
static const char * const org_descriptions[] = {
  "company", "firm", "airline", "carrier", "group", "manufacturer", "maker", "government",
  "ministry", "agency", "organisation", "organization", "bank", "airframer", "union",
  "website", "statement", "invitation", "report", "newspaper", "paper", NULL
};

/* Words that may open a sentence and are no part of a name. */
static const char * const sentence_openers[] = {
  "the", "a", "an", "in", "on", "at", "but", "and", "however", "it", "he", "she", "they",
  "we", "i", "this", "that", "these", "those", "after", "before", "when", "while", "as",
  "if", "for", "with", "by", "from", "since", "during", "although", "though", "then",
  "instead", "meanwhile", "also", "still", "yet", "so", "there", "his", "her", "its",
  "their", "our", "my", "speaking", "according", "setting", "live", "minutes", "expectations",
  "citing", "today", "yesterday", "earlier", "later", "last", "next", "on", "under", NULL
};

static const char * const pronouns_person[] = { "he", "she", "him", "her", NULL };
static const char * const pronouns_org[] = { "it", "they", NULL };

typedef struct
{
  guint    first;        /* name part, tokens, inclusive */
  guint    last;
  guint    run_first;    /* with the role words before it */
  gboolean person;
  char    *name;
  char    *role;
} Mention;

typedef struct
{
  ChronicleArticleText *text;
  GArray               *mentions;   /* Mention */
  GPtrArray            *quotes;
  GHashTable           *lower_words;  /* words the text also writes in lower case */
  GHashTable           *speaking;     /* names used alone next to a speech verb: "Rubio told" */
  GHashTable           *by_last;      /* last word of a person's name -> its longest mention index + 1 */
  GHashTable           *by_first;     /* first word -> the same ("Steve" -> "Steve Jobs") */
} Finder;

static const ChronicleToken *
tok (Finder *f,
     guint   i)
{
  return chronicle_article_text_token_at (f->text, i);
}

static gboolean
is_word (const ChronicleToken *t)
{
  return t != NULL && (t->kind == CHRONICLE_TOKEN_WORD || t->kind == CHRONICLE_TOKEN_NUMBER);
}

static char *
token_range_text (Finder *f,
                  guint   first,
                  guint   last)
{
  const ChronicleToken *a = tok (f, first);
  const ChronicleToken *b = tok (f, last);
  g_autofree char *raw = g_strndup (f->text->text + a->start, b->end - a->start);
  g_auto(GStrv) parts = g_strsplit_set (raw, " \n\t\r", -1);
  GString *out = g_string_new (NULL);

  /* One space between words, whatever the text had. */
  for (guint k = 0; parts[k] != NULL; k++)
    if (*parts[k] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, parts[k]);
      }
  return g_string_free (out, FALSE);
}

/* Quote marks */

typedef enum { MARK_OPEN, MARK_CLOSE, MARK_EITHER, MARK_NONE } MarkRole;

static MarkRole
mark_role (Finder  *f,
           guint    i,
           gboolean *single)
{
  const ChronicleToken *t = tok (f, i);
  const ChronicleToken *next = tok (f, i + 1);
  gboolean open_side = t->space_before || i == 0 || tok (f, i - 1)->paragraph != t->paragraph ||
                       tok (f, i - 1)->sentence != t->sentence || strcmp (tok (f, i - 1)->lower, "(") == 0;
  gboolean close_side = next == NULL || next->space_before || next->kind == CHRONICLE_TOKEN_PUNCT ||
                        next->kind == CHRONICLE_TOKEN_QUOTE || next->paragraph != t->paragraph;
  const char *s = f->text->text + t->start;

  *single = FALSE;
  if (g_str_has_prefix (s, "“") || g_str_has_prefix (s, "„") || g_str_has_prefix (s, "«"))
    return MARK_OPEN;
  if (g_str_has_prefix (s, "”") || g_str_has_prefix (s, "»"))
    return MARK_CLOSE;
  if (*s == '"')
    {
      if (open_side && !close_side)
        return MARK_OPEN;
      if (close_side && !open_side)
        return MARK_CLOSE;
      return MARK_EITHER;
    }
  *single = TRUE;
  if (g_str_has_prefix (s, "‘") || *s == '\'')
    {
      /* '82, 'n' */
      if (open_side && next != NULL && !next->space_before && next->kind == CHRONICLE_TOKEN_WORD)
        return MARK_OPEN;
      if (*s == '\'' && close_side && !open_side)
        return MARK_CLOSE;
      return MARK_NONE;
    }
  if (g_str_has_prefix (s, "’"))
    return close_side && !open_side ? MARK_CLOSE : MARK_NONE;
  return MARK_NONE;
}

static guint
count_words (Finder *f,
             guint   first,
             guint   last)
{
  guint n = 0;
  for (guint i = first; i <= last && i < f->text->tokens->len; i++)
    if (is_word (tok (f, i)))
      n++;
  return n;
}

/* Title-case words with no sentence inside: a name, not a quote. */
static gboolean
looks_like_name (Finder *f,
                 guint   first,
                 guint   last)
{
  guint capitals = 0;
  guint words = 0;

  for (guint i = first; i <= last; i++)
    {
      const ChronicleToken *t = tok (f, i);
      if (t->kind == CHRONICLE_TOKEN_PUNCT && i < last &&
          (strcmp (t->lower, ".") == 0 || strcmp (t->lower, ",") == 0 ||
           strcmp (t->lower, "!") == 0 || strcmp (t->lower, "?") == 0))
        return FALSE;
      if (t->kind != CHRONICLE_TOKEN_WORD)
        continue;
      words++;
      if (t->capitalised)
        capitals++;
      else if (strlen (t->lower) > 3)
        return FALSE;
    }
  return words > 0 && capitals > 0 && (words < 2 || capitals * 2 >= words) && capitals != 1 ? TRUE :
         words == 1 && capitals == 1;
}

static gboolean
is_cue (const ChronicleToken *t)
{
  return t != NULL && t->kind == CHRONICLE_TOKEN_WORD && !t->in_quote && chronicle_word_in_list (speech_verbs, t->lower);
}

/* Short quoted words are a quote only as the object of a speech verb: one
 * shortly before the marks in the sentence, or "he said" right after. */
static gboolean
has_nearby_cue (Finder *f,
                guint   first,
                guint   last)
{
  guint sentence = tok (f, first)->sentence;

  for (guint back = 2; back <= 10 && first >= back; back++)
    {
      const ChronicleToken *t = tok (f, first - back);
      if (t->sentence != sentence)
        break;
      if (is_cue (t) && strcmp (t->lower, "saying") != 0)
        return TRUE;
    }
  for (guint k = last + 2; k <= last + 4 && k < f->text->tokens->len; k++)
    if (is_cue (tok (f, k)) && tok (f, k)->sentence == tok (f, last)->sentence &&
        !chronicle_word_in_list (participle_cues, tok (f, k)->lower))
      return TRUE;
  return FALSE;
}

static gboolean
is_naming (Finder *f,
           guint   open)
{
  for (guint back = 1; back <= 2 && open >= back; back++)
    {
      const ChronicleToken *t = tok (f, open - back);
      if (t->kind == CHRONICLE_TOKEN_WORD && chronicle_word_in_list (naming_words, t->lower))
        {
          /* "called it 'a textbook case'": a characterisation, a quote */
          if (strcmp (t->lower, "called") == 0 && back == 1)
            return open >= 2 && !tok (f, open - 2)->capitalised &&
                   (strcmp (tok (f, open - 2)->lower, "so") == 0 || strcmp (tok (f, open - 2)->lower, "-") == 0 ||
                    strcmp (tok (f, open - 2)->lower, "commonly") == 0 || strcmp (tok (f, open - 2)->lower, "also") == 0);
          if (strcmp (t->lower, "called") == 0)
            return FALSE;
          return TRUE;
        }
      if (t->kind != CHRONICLE_TOKEN_WORD && strcmp (t->lower, "-") != 0)
        break;
    }
  return FALSE;
}

static void
add_quote (Finder *f,
           guint   open,
           guint   close)
{
  ChronicleFoundQuote *q;
  guint first = open + 1;
  guint last = close - 1;
  guint words;

  if (close <= open + 1)
    return;
  words = count_words (f, first, last);
  if (words == 0 || is_naming (f, open))
    return;
  if (looks_like_name (f, first, last) && words < 8)
    return;
  if (words < 4 && !has_nearby_cue (f, first, last))
    return;

  q = g_new0 (ChronicleFoundQuote, 1);
  q->first_token = first;
  q->last_token = last;
  q->start = tok (f, first)->start;
  q->end = tok (f, last)->end;
  /* @close is the closing mark, or the token after an unclosed quote (the
   * next paragraph's first, or the end): only a mark belongs to the quote */
  for (guint i = open; i < close; i++)
    g_array_index (f->text->tokens, ChronicleToken, i).in_quote = TRUE;
  if (close < f->text->tokens->len && tok (f, close)->kind == CHRONICLE_TOKEN_QUOTE)
    g_array_index (f->text->tokens, ChronicleToken, close).in_quote = TRUE;
  g_ptr_array_add (f->quotes, q);
}

static void
pair_marks (Finder *f)
{
  int open_double = -1;
  int open_single = -1;
  guint n = f->text->tokens->len;

  for (guint i = 0; i < n; i++)
    {
      const ChronicleToken *t = tok (f, i);
      gboolean single;
      MarkRole role;

      /* A paragraph ends inside a quote: continue it if the next paragraph
       * opens with a mark, else end it at the paragraph's end. */
      if (i > 0 && t->paragraph != tok (f, i - 1)->paragraph)
        {
          if (open_double >= 0 && !(t->kind == CHRONICLE_TOKEN_QUOTE && mark_role (f, i, &single) != MARK_CLOSE && !single))
            {
              add_quote (f, open_double, i);
              open_double = -1;
            }
          else if (open_double >= 0)
            continue;   /* the reopening mark of a continued quote */
          open_single = -1;
        }
      if (t->kind != CHRONICLE_TOKEN_QUOTE)
        continue;
      role = mark_role (f, i, &single);
      if (role == MARK_NONE)
        continue;
      if (!single)
        {
          if (open_double < 0 && role != MARK_CLOSE)
            open_double = i, open_single = -1;
          else if (open_double >= 0 && role != MARK_OPEN)
            {
              add_quote (f, open_double, i);
              open_double = -1;
            }
          else if (open_double >= 0)
            open_double = i;   /* an unclosed quote: start again here */
          continue;
        }
      if (open_double >= 0)
        continue;   /* nested: belongs to the outer quote */
      if (open_single < 0 && role == MARK_OPEN)
        open_single = i;
      else if (open_single >= 0 && role == MARK_CLOSE)
        {
          if (t->start - tok (f, open_single)->end <= MAX_SINGLE_QUOTE_BYTES)
            add_quote (f, open_single, i);
          open_single = -1;
        }
    }
  if (open_double >= 0 && (guint) open_double + 1 < n)
    add_quote (f, open_double, n);
}

/* Names */

static void
mention_clear (gpointer data)
{
  Mention *m = data;
  g_free (m->name);
  g_free (m->role);
}

static gboolean
is_month_or_weekday (const char *lower)
{
  for (guint k = 0; chronicle_timex_months[k].word != NULL; k++)
    if (strcmp (chronicle_timex_months[k].word, lower) == 0)
      return TRUE;
  for (guint k = 0; chronicle_timex_weekdays[k].word != NULL; k++)
    if (strcmp (chronicle_timex_weekdays[k].word, lower) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
name_token (Finder *f,
            guint   i)
{
  const ChronicleToken *t = tok (f, i);

  if (t == NULL || t->kind != CHRONICLE_TOKEN_WORD || t->in_quote || !t->capitalised)
    return FALSE;
  if (is_month_or_weekday (t->lower))
    return FALSE;
  /* "Some observers", "Current PowerPC": a common word opening a sentence */
  if (t->sentence_start && (chronicle_word_in_list (sentence_openers, t->lower) ||
                            g_hash_table_contains (f->lower_words, t->lower)))
    return FALSE;
  return TRUE;
}

/* Inside a run: "of", "for", "&", and after a role "and", "the": "Secretary
 * of the Air Force", "President and Chief Executive". A lower-case role
 * noun before a name joins too: "UBS analyst David Strauss". */
static gboolean
run_glue (Finder *f,
          guint   i)
{
  const ChronicleToken *t = tok (f, i);
  const ChronicleToken *prev = tok (f, i - 1);

  if (t == NULL || t->in_quote || t->sentence != prev->sentence)
    return FALSE;
  if (strcmp (t->lower, "on") == 0 && chronicle_word_in_list (org_words, prev->lower))
    return name_token (f, i + 1);   /* "Project on Government Oversight" */
  if (strcmp (t->lower, "of") == 0 || strcmp (t->lower, "for") == 0 || strcmp (t->lower, "&") == 0)
    return name_token (f, i + 1) || (tok (f, i + 1) != NULL && strcmp (tok (f, i + 1)->lower, "the") == 0 &&
                                     name_token (f, i + 2));
  if (strcmp (t->lower, "and") == 0 || strcmp (t->lower, "the") == 0)
    return chronicle_word_in_list (role_words, prev->lower) && name_token (f, i + 1);
  if (t->kind == CHRONICLE_TOKEN_WORD && !t->capitalised && chronicle_word_in_list (role_words, t->lower) &&
      strlen (t->lower) > 3)
    return name_token (f, i + 1) || run_glue (f, i + 1);
  return FALSE;
}

/* A role word that says something on its own: not "of", "the", "US". */
static gboolean
is_role_noun (const char *lower)
{
  static const char * const weak[] = {
    "of", "for", "the", "and", "us", "u.s.", "uk", "eu", "un", "ex", "state", "special", "senior",
    "former", "acting", "federal", "national", NULL
  };
  return chronicle_word_in_list (role_words, lower) && !chronicle_word_in_list (weak, lower);
}

static gboolean
is_initial (const ChronicleToken *t)
{
  return t->kind == CHRONICLE_TOKEN_WORD && g_utf8_strlen (t->lower, -1) == 2 && t->lower[1] == '.';
}

/* Whether the run at @m names a person: it has a role ("Senator", "analyst"
 * before it), the text later uses its last name alone, a speech verb
 * follows it, or an apposition gives a role ("Todd Tiahrt, a Kansas
 * representative,"). */
static gboolean
looks_like_person (Finder  *f,
                   Mention *m,
                   gboolean role)
{
  guint words = m->last - m->first + 1;
  const ChronicleToken *next;

  for (guint k = m->first; k <= m->last; k++)
    if (chronicle_word_in_list (org_words, tok (f, k)->lower) || strcmp (tok (f, k)->lower, "&") == 0)
      return FALSE;
  if (role)
    return TRUE;
  if (words < 2 || words > 4)
    return FALSE;
  next = tok (f, m->last + 1);
  if (next != NULL && (chronicle_word_in_list (speech_verbs, next->lower)))
    return TRUE;
  /* "Greg Joswiak, indicated", "Todd Tiahrt, a Kansas representative," */
  if (next != NULL && strcmp (next->lower, ",") == 0)
    for (guint k = m->last + 2; k < m->last + 7 && k < f->text->tokens->len; k++)
      if (is_role_noun (tok (f, k)->lower) || (k == m->last + 2 && chronicle_word_in_list (speech_verbs, tok (f, k)->lower)))
        return TRUE;
  /* "An aerospace analyst, Richard Aboulafia," */
  if (m->run_first >= 2 && strcmp (tok (f, m->run_first - 1)->lower, ",") == 0 &&
      is_role_noun (tok (f, m->run_first - 2)->lower))
    return TRUE;
  /* "Rubio told", "said Angers": the last name alone with a speech verb */
  return g_hash_table_contains (f->speaking, tok (f, m->last)->lower);
}

/* Capitalised words that stand alone next to a speech verb somewhere. */
static void
collect_speaking_names (Finder *f)
{
  for (guint k = 1; k + 1 < f->text->tokens->len; k++)
    {
      const ChronicleToken *t = tok (f, k);
      if (t->kind == CHRONICLE_TOKEN_WORD && t->capitalised && !tok (f, k - 1)->capitalised &&
          !tok (f, k + 1)->capitalised &&
          (chronicle_word_in_list (speech_verbs, tok (f, k + 1)->lower) || chronicle_word_in_list (speech_verbs, tok (f, k - 1)->lower)))
        g_hash_table_add (f->speaking, (gpointer) t->lower);
    }
}

/* Remembers @m (index @k) as the longest form of its first and last word. */
static void
index_person (Finder  *f,
              Mention *m,
              guint    k)
{
  GHashTable *tables[] = { f->by_last, f->by_first };
  const char *keys[] = { tok (f, m->last)->lower, tok (f, m->first)->lower };

  for (guint t = 0; t < 2; t++)
    {
      guint best = GPOINTER_TO_UINT (g_hash_table_lookup (tables[t], keys[t]));
      Mention *o = best > 0 ? &g_array_index (f->mentions, Mention, best - 1) : NULL;
      if (o == NULL || m->last - m->first > o->last - o->first)
        g_hash_table_insert (tables[t], (gpointer) keys[t], GUINT_TO_POINTER (k + 1));
    }
}

/* Runs of capitalised words outside quotes, split into role and name:
 * "US Secretary of State Marco Rubio" is role "US Secretary of State" and
 * name "Marco Rubio". */
static void
find_mentions (Finder *f)
{
  guint n = f->text->tokens->len;
  guint i = 0;

  while (i < n)
    {
      guint first = i;
      guint last;
      guint name_first;
      gboolean role = FALSE;
      Mention m = { 0, };

      if (!name_token (f, i))
        {
          i++;
          continue;
        }
      last = i;
      while (last + 1 < n && tok (f, last + 1)->sentence == tok (f, first)->sentence &&
             (name_token (f, last + 1) || run_glue (f, last + 1)))
        last++;
      i = last + 1;

      name_first = first;
      for (guint k = first; k <= last; k++)
        if (chronicle_word_in_list (role_words, tok (f, k)->lower))
          {
            name_first = k + 1;
            role = TRUE;
          }
      if (first > 0 && chronicle_word_in_list (role_words, tok (f, first - 1)->lower) && !tok (f, first - 1)->capitalised)
        role = TRUE;
      if (name_first > last)
        continue;
      /* "Commissioner for Competition Neelie Kroes": after "of", "for" or
       * "the" the first words name the office, the last two the person. */
      if (name_first > first && last - name_first >= 2 &&
          (strcmp (tok (f, name_first - 1)->lower, "of") == 0 ||
           strcmp (tok (f, name_first - 1)->lower, "for") == 0 ||
           strcmp (tok (f, name_first - 1)->lower, "the") == 0))
        name_first = is_initial (tok (f, last - 1)) ? last - 2 : last - 1;

      m.first = name_first;
      m.last = last;
      m.run_first = first;
      m.name = token_range_text (f, name_first, last);
      m.role = name_first > first ? token_range_text (f, first, name_first - 1) : NULL;
      m.person = looks_like_person (f, &m, role);
      g_array_append_val (f->mentions, m);
    }

  for (guint k = 0; k < f->mentions->len; k++)
    {
      Mention *m = &g_array_index (f->mentions, Mention, k);
      if (m->person && m->last > m->first)
        index_person (f, m, k);
    }
  /* A single name is a person when a longer form of it is: "Rubio". */
  for (guint k = 0; k < f->mentions->len; k++)
    {
      Mention *m = &g_array_index (f->mentions, Mention, k);
      if (!m->person && m->first == m->last &&
          (g_hash_table_contains (f->by_last, tok (f, m->first)->lower) ||
           g_hash_table_contains (f->by_first, tok (f, m->first)->lower)))
        m->person = TRUE;
    }
}

/* The index of the first mention that ends at or after token @i. */
static guint
first_mention_from (Finder *f,
                    guint   i)
{
  guint lo = 0;
  guint hi = f->mentions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (f->mentions, Mention, mid).last < i)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static Mention *
mention_at (Finder *f,
            guint   i)
{
  guint k = first_mention_from (f, i);
  Mention *m;

  if (k >= f->mentions->len)
    return NULL;
  m = &g_array_index (f->mentions, Mention, k);
  return i >= m->run_first && i <= m->last ? m : NULL;
}

/* The longest form the article gives of @m's name, and its role there. */
static void
full_name (Finder      *f,
           Mention     *m,
           const char **name,
           const char **role)
{
  Mention *best = m;

  if (m->person)
    {
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (f->by_last, tok (f, m->last)->lower));
      if (k == 0 && m->first == m->last)
        k = GPOINTER_TO_UINT (g_hash_table_lookup (f->by_first, tok (f, m->first)->lower));
      if (k > 0 && g_array_index (f->mentions, Mention, k - 1).last - g_array_index (f->mentions, Mention, k - 1).first >
                   m->last - m->first)
        best = &g_array_index (f->mentions, Mention, k - 1);
    }
  *name = best->name;
  *role = best->role != NULL ? best->role : m->role;
}

/* The subject of the nearest sentence before token @before that names a
 * person (or an organisation): what "he" (or "it") points back to. */
static Mention *
antecedent (Finder   *f,
            guint     before,
            gboolean  person)
{
  Mention *found = NULL;
  guint sentence = G_MAXUINT;
  guint from = first_mention_from (f, before);

  for (guint k = from; k > 0 && from - k < ANTECEDENT_REACH; k--)
    {
      Mention *m = &g_array_index (f->mentions, Mention, k - 1);
      guint s;

      if (m->last >= before || m->person != person)
        continue;
      s = tok (f, m->first)->sentence;
      if (sentence != G_MAXUINT && s != sentence)
        break;
      sentence = s;
      found = m;   /* keep going: the sentence's first such mention */
    }
  return found;
}

/* Speakers */

static gboolean
skippable_before_cue (const ChronicleToken *t)
{
  static const char * const fillers[] = {
    "also", "has", "had", "have", "then", "later", "further", "previously", "once", "again",
    "too", "was", "is", "publicly", "reportedly", "recently", "just", "who", NULL
  };
  return t != NULL && t->kind == CHRONICLE_TOKEN_WORD && chronicle_word_in_list (fillers, t->lower);
}

/* The subject of the sentence holding token @i: its first person before
 * @limit, else a name that opens it. */
static Mention *
sentence_subject (Finder *f,
                  guint   i,
                  guint   limit)
{
  const ChronicleSpan *s = &g_array_index (f->text->sentences, ChronicleSpan, tok (f, i)->sentence);
  Mention *opening = NULL;

  for (guint k = first_mention_from (f, s->first_token); k < f->mentions->len; k++)
    {
      Mention *m = &g_array_index (f->mentions, Mention, k);
      if (m->run_first < s->first_token)
        continue;
      if (m->last >= limit)
        break;
      if (m->person)
        return m;
      if (opening == NULL && m->run_first <= s->first_token + 1)
        opening = m;
    }
  return opening;
}

/* What token @i names as a speaker: a mention, a pronoun or "the company". */
static Mention *
resolve_at (Finder *f,
            guint   i,
            guint   before)
{
  const ChronicleToken *t = tok (f, i);
  Mention *m;

  if (t == NULL)
    return NULL;
  if ((m = mention_at (f, i)) != NULL)
    return m;
  if (chronicle_word_in_list (pronouns_person, t->lower))
    return antecedent (f, before, TRUE);
  if (chronicle_word_in_list (pronouns_org, t->lower))
    return antecedent (f, before, FALSE);
  return NULL;
}

/* "the company", "the minister": a description ending at token @noun. */
static Mention *
resolve_description (Finder *f,
                     guint   noun,
                     guint   before)
{
  const ChronicleToken *t = tok (f, noun);

  if (t == NULL || noun == 0 || !(strcmp (tok (f, noun - 1)->lower, "the") == 0 ||
                                   strcmp (tok (f, noun - 1)->lower, "its") == 0))
    return NULL;
  if (chronicle_word_in_list (org_descriptions, t->lower))
    return antecedent (f, before, FALSE);
  if (chronicle_word_in_list (role_words, t->lower) && strlen (t->lower) > 3)
    {
      guint from = first_mention_from (f, before);

      for (guint k = from; k > 0 && from - k < ANTECEDENT_REACH; k--)
        {
          Mention *m = &g_array_index (f->mentions, Mention, k - 1);
          const char *role;
          const char *name;
          g_autofree char *role_lower = NULL;

          if (m->last >= before || !m->person)
            continue;
          full_name (f, m, &name, &role);
          role_lower = role != NULL ? g_utf8_strdown (role, -1) : NULL;
          if (role_lower != NULL && strstr (role_lower, t->lower) != NULL)
            return m;
        }
      return antecedent (f, before, TRUE);
    }
  return NULL;
}

/* The subject of the speech verb at @cue; @role_first is set to the first
 * word of a role the text gives there, outside the name's run. */
static Mention *
cue_subject (Finder *f,
             guint   cue,
             guint   quote_first,
             guint  *role_first)
{
  const ChronicleToken *c = tok (f, cue);
  Mention *m;
  Mention *subject;
  guint k;

  if (strcmp (c->lower, "according") == 0)
    return resolve_at (f, cue + 2, quote_first);
  /* "quoted Djamal as saying", "praised by Jobs as" */
  if ((strcmp (c->lower, "quoted") == 0) && (m = mention_at (f, cue + 1)) != NULL)
    return m;
  if (chronicle_article_text_token_is (f->text, cue + 1, "by") && (m = mention_at (f, cue + 2)) != NULL)
    return m;
  /* "said Rubio", "says ANA senior vice president Mitsuo Morimoto" */
  if (cue > quote_first && tok (f, cue + 1) != NULL && tok (f, cue + 1)->sentence == c->sentence)
    {
      guint after = cue + 1;
      /* "claims writer John Ostrower" */
      while (after < cue + 5 && tok (f, after) != NULL && !tok (f, after)->capitalised &&
             chronicle_word_in_list (role_words, tok (f, after)->lower))
        after++;
      if ((m = mention_at (f, after)) != NULL)
        return m;
      /* "said opposition leader Nika Melia": lower-case words that end in
       * a role noun before the name; they are the role */
      after = cue + 1;
      while (after < cue + 4 && tok (f, after) != NULL && tok (f, after)->kind == CHRONICLE_TOKEN_WORD &&
             !tok (f, after)->capitalised)
        after++;
      if (after > cue + 2 && is_role_noun (tok (f, after - 1)->lower) && (m = mention_at (f, after)) != NULL &&
          m->run_first == after)
        {
          *role_first = cue + 1;
          return m;
        }
    }

  k = cue;
  while (k > 0 && skippable_before_cue (tok (f, k - 1)))
    k--;
  if (k == 0)
    return NULL;
  subject = sentence_subject (f, cue, cue);
  /* 'Citing "...", Airbus announced': the subject follows */
  if (c->sentence_start && chronicle_word_in_list (participle_cues, c->lower))
    {
      guint j = first_mention_from (f, quote_first);

      if (j < f->mentions->len)
        {
          m = &g_array_index (f->mentions, Mention, j);
          if (m->run_first > quote_first && tok (f, m->run_first)->sentence == c->sentence)
            return m;
        }
      return NULL;
    }
  if (chronicle_word_in_list (participle_cues, c->lower) && !tok (f, k - 1)->capitalised)
    return subject;
  m = resolve_at (f, k - 1, k - 1);
  if (m == NULL)
    m = resolve_description (f, k - 1, k - 1);
  /* "Scott Carson, president and CEO of Boeing Commercial Airplanes,
   * said": the apposition's head speaks */
  if (subject != NULL && subject->person && m != subject && tok (f, subject->last + 1) != NULL &&
      strcmp (tok (f, subject->last + 1)->lower, ",") == 0 &&
      !chronicle_word_in_list (pronouns_person, tok (f, k - 1)->lower) && !chronicle_word_in_list (pronouns_org, tok (f, k - 1)->lower))
    return subject;
  if (m != NULL && !m->person && subject != NULL && subject->person &&
      strcmp (tok (f, k - 1)->lower, "it") != 0)
    return subject;
  if (m != NULL)
    return m;
  /* "Todd Tiahrt, a Kansas representative, said" */
  return subject;
}

static void
set_speaker (Finder              *f,
             ChronicleFoundQuote *q,
             Mention             *m,
             guint                role_first)
{
  const char *name;
  const char *role;

  if (m == NULL)
    return;
  full_name (f, m, &name, &role);
  q->speaker = g_strdup (name);
  if (role == NULL && role_first < m->first)
    q->role = token_range_text (f, role_first, m->first - 1);
  else
    q->role = g_strdup (role);
}

static gboolean
ends_sentence (const ChronicleToken *t)
{
  return t->kind == CHRONICLE_TOKEN_PUNCT &&
         (strcmp (t->lower, ".") == 0 || strcmp (t->lower, "!") == 0 || strcmp (t->lower, "?") == 0 ||
          strcmp (t->lower, "…") == 0);
}

/* A speech verb after the closing mark that attributes the quote: '"...,"
 * he said', '" said Angers', '"...." Schaffrath explained.'; -1 if none. */
static int
find_cue_after (Finder              *f,
                ChronicleFoundQuote *q)
{
  guint close = q->last_token + 1;
  gboolean ended = ends_sentence (tok (f, q->last_token));
  guint n = f->text->tokens->len;

  for (guint i = close + 1; i < n && i <= close + 5; i++)
    {
      const ChronicleToken *t = tok (f, i);
      const ChronicleToken *next = tok (f, i + 1);

      if (t->kind == CHRONICLE_TOKEN_QUOTE || t->paragraph != tok (f, close)->paragraph)
        break;
      if (t->kind == CHRONICLE_TOKEN_PUNCT && !(i == close + 1 && strcmp (t->lower, ",") == 0))
        break;
      if (!is_cue (t))
        continue;
      if (i == close + 1 || (i == close + 2 && strcmp (tok (f, close + 1)->lower, ",") == 0))
        return i;   /* "said Angers" */
      if (!ended || next == NULL || next->kind == CHRONICLE_TOKEN_PUNCT ||
          chronicle_word_in_list (pronouns_person, tok (f, i - 1)->lower) || chronicle_word_in_list (pronouns_org, tok (f, i - 1)->lower))
        return i;
      break;
    }
  return -1;
}

/* The last speech verb before the opening mark, in its sentence and after
 * the quote before it; -1 if none. */
static int
find_cue_before (Finder              *f,
                 ChronicleFoundQuote *q,
                 guint                region_start,
                 gboolean            *adjacent)
{
  const ChronicleSpan *s = &g_array_index (f->text->sentences, ChronicleSpan, tok (f, q->first_token)->sentence);
  guint floor = MAX (s->first_token, region_start);

  *adjacent = FALSE;
  if (q->first_token < 2)
    return -1;
  for (guint i = q->first_token - 2; i + 1 > floor; i--)
    {
      const ChronicleToken *t = tok (f, i);
      if (t->kind == CHRONICLE_TOKEN_QUOTE && t->in_quote)
        break;
      if (is_cue (t))
        {
          /* 'said "', 'saying, "', 'stated that "', 'said: "' */
          *adjacent = i + 4 >= q->first_token;
          return i;
        }
      if (i == 0)
        break;
    }
  return -1;
}

static void
attribute (Finder *f)
{
  ChronicleFoundQuote *previous = NULL;

  for (guint k = 0; k < f->quotes->len; k++)
    {
      ChronicleFoundQuote *q = g_ptr_array_index (f->quotes, k);
      guint region = previous != NULL ? previous->last_token + 2 : 0;
      gboolean adjacent;
      int before = find_cue_before (f, q, region, &adjacent);
      int after = find_cue_after (f, q);
      int cue = adjacent || after < 0 ? before : after;
      Mention *m = NULL;
      guint role_first = G_MAXUINT;

      if (cue >= 0)
        {
          q->cue_start = tok (f, cue)->start;
          q->cue_end = tok (f, cue)->end;
          m = cue_subject (f, cue, q->first_token, &role_first);
        }
      else if (q->first_token >= 3 && strcmp (tok (f, q->first_token - 2)->lower, ":") == 0)
        m = resolve_at (f, q->first_token - 3, q->first_token);

      /* "Jobs left this farewell, "..."": the person the sentence is about */
      if (m == NULL && (m = sentence_subject (f, q->first_token, q->first_token)) != NULL && !m->person)
        m = NULL;
      if (m != NULL)
        set_speaker (f, q, m, role_first);
      else if (previous != NULL && q->start - previous->end <= CONTINUATION_REACH)
        {
          q->speaker = g_strdup (previous->speaker);
          q->role = g_strdup (previous->role);
        }
      previous = q;
    }
}

/* Words the text writes in lower case somewhere: a capitalised one that
 * opens a sentence is then no name. */
static void
collect_lower_words (Finder *f)
{
  for (guint i = 0; i < f->text->tokens->len; i++)
    {
      const ChronicleToken *t = tok (f, i);
      if (t->kind == CHRONICLE_TOKEN_WORD && !t->capitalised)
        g_hash_table_add (f->lower_words, (gpointer) t->lower);
    }
}

void
chronicle_found_quote_free (ChronicleFoundQuote *quote)
{
  if (quote == NULL)
    return;
  g_free (quote->speaker);
  g_free (quote->role);
  g_free (quote);
}

void
chronicle_name_mention_free (ChronicleNameMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->name);
  g_free (mention);
}

GPtrArray *
chronicle_quote_finder_find (ChronicleArticleText *text)
{
  return chronicle_quote_finder_find_with_names (text, NULL);
}

/**
 * chronicle_quote_finder_find_with_names:
 * @text: the article; the tokens inside quotes get `in_quote`
 * @names: (out) (optional): the people and organisations named
 *
 * Returns: (transfer full): the quotes, in text order
 */
GPtrArray *
chronicle_quote_finder_find_with_names (ChronicleArticleText  *text,
                                        GPtrArray            **names)
{
  Finder f = { text, NULL, NULL, NULL, NULL, NULL, NULL };

  f.quotes = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_found_quote_free);
  f.mentions = g_array_new (FALSE, TRUE, sizeof (Mention));
  g_array_set_clear_func (f.mentions, mention_clear);
  f.lower_words = g_hash_table_new (chronicle_str_hash, g_str_equal);
  f.speaking = g_hash_table_new (chronicle_str_hash, g_str_equal);
  f.by_last = g_hash_table_new (chronicle_str_hash, g_str_equal);
  f.by_first = g_hash_table_new (chronicle_str_hash, g_str_equal);

  collect_lower_words (&f);
  collect_speaking_names (&f);
  pair_marks (&f);
  find_mentions (&f);
  attribute (&f);

  if (names != NULL)
    {
      *names = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_name_mention_free);
      for (guint k = 0; k < f.mentions->len; k++)
        {
          Mention *m = &g_array_index (f.mentions, Mention, k);
          ChronicleNameMention *n = g_new0 (ChronicleNameMention, 1);
          const char *name;
          const char *role;

          full_name (&f, m, &name, &role);
          n->first_token = m->first;
          n->last_token = m->last;
          n->name = g_strdup (name);
          n->person = m->person;
          g_ptr_array_add (*names, n);
        }
    }

  g_array_unref (f.mentions);
  g_hash_table_unref (f.lower_words);
  g_hash_table_unref (f.speaking);
  g_hash_table_unref (f.by_last);
  g_hash_table_unref (f.by_first);
  return f.quotes;
}

GArray *
chronicle_quote_finder_spans (GPtrArray *quotes)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (ChronicleSpan));

  for (guint i = 0; i < quotes->len; i++)
    {
      ChronicleFoundQuote *q = g_ptr_array_index (quotes, i);
      ChronicleSpan span = { q->start, q->end, q->first_token, q->last_token - q->first_token + 1 };
      g_array_append_val (spans, span);
    }
  return spans;
}
