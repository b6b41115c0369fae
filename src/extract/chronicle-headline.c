/* chronicle-headline.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-headline"

#include "config.h"

#include <string.h>

#include "chronicle-headline-private.h"
#include "chronicle-quote-finder-private.h"

/* A headline is the sentence's main clause, made short without a parser:
 * word lists say which words are function words, which start a clause or
 * a phrase (where a headline may end), and which are verbs (so that it
 * keeps one). The lists are English; they name kinds of words, never the
 * wording of one article.
 *
 * 1. The words: the sentence without its date ("on Friday"), quotes and
 *    brackets.
 * 2. Openers go: connectives ("But", "However,"), and an opening phrase
 *    or clause up to its comma ("When the deal failed,", "So far,") when a
 *    new subject follows it.
 * 3. Asides go: ", already low," after the subject; ", based on …," after
 *    "that".
 * 4. A subject pronoun ("He") becomes the person named last before it.
 * 5. The cut: the longest headline within CHRONICLE_HEADLINE_CHARS that
 *    ends where a phrase ends (before "in", "who", "holding", a comma;
 *    not inside "Russian and Ukrainian negotiators", not before "of")
 *    and keeps the verb. If none fits, the subject loses the roles before
 *    its names and then its phrases ("The meeting at the palace on the
 *    river marks" → "The meeting marks"); then a cut before "of" may do;
 *    then a complete clause may run to the stretch limit. */

/* Words that need the words after them. */
static const char * const determiners[] = {
  "a", "an", "the", "its", "his", "her", "their", "our", "your", "my", "this", "these", "those", "some",
  "any", "no", "another", "each", "every", "both", "either", "neither", NULL
};
static const char * const prepositions[] = {
  "of", "at", "on", "in", "for", "with", "from", "between", "near", "over", "under", "after", "before",
  "during", "against", "across", "into", "onto", "toward", "towards", "through", "without", "within",
  "amid", "among", "around", "about", "by", "since", "until", "via", "despite", "following", "per",
  "than", NULL
};
static const char * const conjunctions[] = {
  "and", "or", "but", "nor", "yet", "&", NULL
};
/* Words that start a clause: a headline may end before them. */
static const char * const clause_starts[] = {
  "who", "which", "where", "when", "while", "whose", "whom", "because", "although", "though", "if",
  "unless", "whereas", "as", "so", "amid", "after", "before", "despite", "following", "until", "since",
  "once", NULL
};
static const char * const auxiliaries[] = {
  "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
  "will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca", NULL
};
/* Never the last word of a headline, beyond the lists above. */
static const char * const dangling[] = {
  "that", "to", "not", "very", "also", "then", "whether", "such", "more", "most", "less", "least",
  "about", "almost", "nearly", "just", "only", "said", "says", "told", "due", "up", NULL
};
/* Connectives that lean on the sentence before. */
static const char * const connectives[] = {
  "and", "but", "or", "so", "yet", "however", "meanwhile", "still", "also", "then", "instead",
  "moreover", "separately", "nevertheless", "furthermore", "indeed", "thus", "therefore", "nonetheless",
  "besides", "additionally", "plus", NULL
};
/* Words that open a phrase or clause before the subject ("When …,",
 * "In March,", "According to …,"). */
static const char * const openers[] = {
  "when", "after", "before", "while", "although", "though", "because", "as", "if", "since", "until",
  "once", "following", "despite", "in", "on", "at", "during", "earlier", "later", "last", "by", "with",
  "under", "amid", "according", "for", "from", "over", "within", "through", "unlike", "like", "rather",
  "unless", "whether", NULL
};
static const char * const person_pronouns[] = { "he", "she", NULL };
/* What may start a new subject after an opening phrase. */
static const char * const subject_pronouns[] = { "he", "she", "it", "they", "we", "i", "you", NULL };
/* What a weak headline starts with: words that point back. */
static const char * const weak_starts[] = {
  "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "there", "which", "who", NULL
};
/* These point back only as pronouns ("This would happen"), not before a
 * noun ("This new settlement"). */
static const char * const demonstratives[] = { "this", "these", "those", "that", NULL };

/* Speech verbs that open an inverted reporting clause after a quote:
 * '"We will not stop," said opposition leader Nika Melia'. */
static const char * const reporting_verbs[] = {
  "said", "says", "told", "added", "asked", "wrote", "warned", "insisted", "explained", "replied",
  "stated", "declared", "continued", "tweeted", NULL
};

/* Past forms that do not end in -ed (not those that are nouns as well:
 * "cost", "cut", "set"). */
static const char * const irregular_past[] = {
  "said", "told", "met", "began", "came", "went", "took", "made", "gave", "saw", "found", "left", "held",
  "ran", "won", "lost", "fell", "rose", "sent", "spent", "paid", "sold", "bought", "brought", "thought",
  "built", "struck", "spoke", "wrote", "drew", "broke", "chose", "froze", "stood", "led", "fled", "fought",
  "caught", "taught", "kept", "felt", "meant", "became", "grew", "knew", "threw", "flew", "shot", "hid",
  "sank", "swore", "wore", "tore", "rang", "sang", "drove", "rode", "woke", "ate", "got", "sat", "laid",
  "dealt", "dug", "fed", "forgot", "forgave", "hung", "heard", "lent", "overtook", "overcame", "sought",
  "shook", "shone", "slid", "sprang", "stole", "stuck", "swept", "swam", "swung", "undertook", "underwent",
  "upheld", "withdrew", "withheld", "bent", "bled", "blew", "bred", "clung", "crept", "dove", "mistook",
  "rebuilt", "rewrote", "sped", "spun", "strove", NULL
};
/* Verbs whose -s form is common in news ("Russia says", "Boeing plans"). */
static const char * const s_verbs[] = {
  "say", "tell", "mark", "show", "meet", "plan", "call", "warn", "claim", "deny", "launch", "open",
  "end", "begin", "start", "hold", "sign", "win", "lose", "expect", "remain", "face", "seek", "urge",
  "announce", "agree", "reach", "leave", "visit", "arrive", "release", "report", "accuse", "order",
  "approve", "reject", "vote", "resign", "die", "raise", "buy", "sell", "take", "make", "give", "send",
  "become", "hope", "want", "need", "believe", "insist", "argue", "suggest", "add", "continue",
  "include", "offer", "lead", "run", "stand", "keep", "seem", "appear", "mean", "look", "think", "know",
  "plan", "threaten", "promise", "vow", "pledge", "demand", "ask", "estimate", "predict", "fear",
  "confirm", "reveal", "describe", "represent", "involve", "require", "allow", "cause", "help", "join",
  "move", "pay", "put", "set", "stay", "turn", "work", "own", "operate", "employ", "produce", "build",
  "fly", "carry", "deliver", "expect", "intend", "account", "lie", "rise", "fall", "come", "go", NULL
};
/* -ed words that are no verbs. */
static const char * const not_past[] = {
  "hundred", "red", "bed", "need", "speed", "seed", "feed", "breed", "shed", "indeed", "deed", "weed",
  "greed", "led", "fled", "bled", "bred", "sped", "wed", "ted", "ned", "fred", "naked", "sacred",
  "wicked", "aged", "based", "united", "so-called", "limited", NULL
};

typedef struct
{
  ChronicleArticleText *text;
  GArray               *words;     /* token indices, in order */
  char                 *subject;   /* replaces the first word, or NULL */
  gboolean              loose;     /* may end before "of" */
} Draft;

static const ChronicleToken *
word (Draft *d,
      guint  k)
{
  return chronicle_article_text_token (d->text, g_array_index (d->words, guint, k));
}

/* The lower-cased word at @k, or "" past either end. */
static const char *
lower (Draft *d,
       gint   k)
{
  return k >= 0 && (guint) k < d->words->len ? word (d, k)->lower : "";
}

static gboolean in_list (const char * const *list,
                         const char         *lower_word);

static gboolean
is_in (const char * const *list,
       Draft              *d,
       gint                k)
{
  return in_list (list, lower (d, k));
}

static gboolean
is_capitalised (Draft *d,
                gint   k)
{
  return k >= 0 && (guint) k < d->words->len && word (d, k)->capitalised;
}

static gboolean
is_lower_word (Draft *d,
               gint   k)
{
  return k >= 0 && (guint) k < d->words->len && word (d, k)->kind == CHRONICLE_TOKEN_WORD &&
         !word (d, k)->capitalised;
}

/* A word that reads as a phrase's modifier rather than its end. */
static gboolean
needs_more (Draft *d,
            gint   k)
{
  return is_in (determiners, d, k) || is_in (prepositions, d, k) || is_in (conjunctions, d, k) ||
         is_in (auxiliaries, d, k) || is_in (clause_starts, d, k) || is_in (dangling, d, k);
}

/* Every word list as one table, word -> the lists it is in (a word list
 * is a row of strcmp, and every word of a sentence is looked up many
 * times). Keyed by the lists' own words, never by file text. Made once,
 * read by any thread. */
static const char * const * const word_lists[] = {
  determiners, prepositions, conjunctions, clause_starts, auxiliaries, dangling, connectives, openers,
  person_pronouns, subject_pronouns, weak_starts, demonstratives, irregular_past, s_verbs,
};
#define PAST   (1u << 12)
#define S_BASE (1u << 13)

static GHashTable *
word_table (void)
{
  static GHashTable *table;

  G_STATIC_ASSERT (G_N_ELEMENTS (word_lists) <= 32);
  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint l = 0; l < G_N_ELEMENTS (word_lists); l++)
        for (guint i = 0; word_lists[l][i] != NULL; i++)
          {
            guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (t, word_lists[l][i]));

            g_hash_table_insert (t, (gpointer) word_lists[l][i], GUINT_TO_POINTER (bits | (1u << l)));
          }
      g_once_init_leave (&table, t);
    }
  return table;
}

static guint
word_bits (const char *lower_word)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (word_table (), lower_word));
}

static gboolean
in_list (const char * const *list,
         const char         *lower_word)
{
  for (guint l = 0; l < G_N_ELEMENTS (word_lists); l++)
    if (word_lists[l] == list)
      return (word_bits (lower_word) & (1u << l)) != 0;
  return chronicle_word_in_list (list, lower_word);
}

static gboolean
verb_kind (const char *lower_word,
           guint       kind)
{
  return (word_bits (lower_word) & kind) != 0;
}

static gboolean
is_s_verb (const char *lower_word)
{
  gsize n = strlen (lower_word);
  char base[32];

  if (n < 4 || n >= sizeof base || lower_word[n - 1] != 's')
    return FALSE;
  memcpy (base, lower_word, n - 1);
  base[n - 1] = '\0';
  if (verb_kind (base, S_BASE))
    return TRUE;
  /* "reaches", "denies" */
  if (n > 4 && lower_word[n - 2] == 'e')
    {
      base[n - 2] = '\0';
      if (verb_kind (base, S_BASE))
        return TRUE;
      if (n > 5 && lower_word[n - 3] == 'i')
        {
          base[n - 3] = 'y';
          base[n - 2] = '\0';
          return verb_kind (base, S_BASE);
        }
    }
  return FALSE;
}

/* Whether the word at @k is a finite verb, as far as word lists tell:
 * an auxiliary, a past form, or a news verb's -s form, not right after a
 * determiner or a preposition ("the armed forces", "its plans"). */
static gboolean
is_verb (Draft *d,
         gint   k)
{
  const char *w = lower (d, k);
  gsize n = strlen (w);
  gboolean after_modifier = k > 0 && (is_in (determiners, d, k - 1) || is_in (prepositions, d, k - 1) ||
                                      word (d, k - 1)->kind == CHRONICLE_TOKEN_POSS ||
                                      word (d, k - 1)->kind == CHRONICLE_TOKEN_NUMBER);

  if (!is_lower_word (d, k) || word (d, k)->in_quote)
    return FALSE;
  if (in_list (auxiliaries, w))
    return TRUE;
  if (after_modifier)
    return FALSE;
  if (verb_kind (w, PAST) || is_s_verb (w))
    return TRUE;
  /* any -s word between a subject and an object ("the settlement
   * replaces the agreement"), not a plural ("talks in", "its plans") */
  if (n >= 5 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i' && k > 0 &&
      word (d, k - 1)->kind == CHRONICLE_TOKEN_WORD &&
      (is_in (determiners, d, k + 1) || is_in (subject_pronouns, d, k + 1) || g_strcmp0 (lower (d, k + 1), "that") == 0))
    return TRUE;
  return n >= 4 && g_str_has_suffix (w, "ed") && !chronicle_word_in_list (not_past, w);
}

static gint
find_verb (Draft *d,
           guint  from)
{
  for (guint k = MAX (from, 1); k < d->words->len; k++)
    if (is_verb (d, k))
      return k;
  return -1;
}

static gboolean
is_comma (Draft *d,
          gint   k)
{
  return g_strcmp0 (lower (d, k), ",") == 0;
}

static void
drop (Draft *d,
      guint  from,
      guint  n)
{
  g_array_remove_range (d->words, from, MIN (n, d->words->len - from));
}

/* The apostrophe of "the dockworkers' union", which the tokens take for
 * a quotation mark. */
static gboolean
is_plural_possessive (ChronicleArticleText *text,
                      guint                 i,
                      guint                 end)
{
  const ChronicleToken *t = chronicle_article_text_token (text, i);
  const ChronicleToken *before = i > 0 ? chronicle_article_text_token (text, i - 1) : NULL;
  const ChronicleToken *after = i + 1 < end ? chronicle_article_text_token (text, i + 1) : NULL;

  return t->end - t->start <= 3 && (text->text[t->start] == '\'' || g_str_has_prefix (text->text + t->start, "’")) &&
         !t->space_before && before != NULL && before->kind == CHRONICLE_TOKEN_WORD &&
         g_str_has_suffix (before->lower, "s") && after != NULL && after->space_before &&
         after->kind == CHRONICLE_TOKEN_WORD && !after->capitalised;
}

/* Whether the date is what the clause is about, and stays: its subject
 * ("March 2022 was chosen") or the complement of "be" or "to" ("is due to
 * be in 2016", "was in June 1994"). */
static gboolean
date_is_needed (ChronicleArticleText *text,
                const ChronicleSpan  *s,
                guint                 date_first,
                guint                 date_last)
{
  const ChronicleToken *before = NULL;
  const ChronicleToken *after;

  if (date_first < s->first_token || date_last + 1 >= s->first_token + s->n_tokens)
    return FALSE;
  after = chronicle_article_text_token (text, date_last + 1);
  for (guint i = date_first; i > s->first_token && before == NULL; i--)
    {
      const ChronicleToken *t = chronicle_article_text_token (text, i - 1);

      if (!in_list (prepositions, t->lower))
        before = t;
    }
  if (before == NULL)
    return in_list (auxiliaries, after->lower);
  return in_list (auxiliaries, before->lower) || strcmp (before->lower, "to") == 0;
}

/* Step 1: the sentence's words without its date, quotes and brackets. */
static void
collect (Draft *d,
         guint  sentence,
         guint  date_first,
         guint  date_last)
{
  const ChronicleSpan *s = &g_array_index (d->text->sentences, ChronicleSpan, sentence);
  guint end = s->first_token + s->n_tokens;
  guint brackets = 0;

  if (date_first != G_MAXUINT && date_is_needed (d->text, s, date_first, date_last))
    date_first = date_last = G_MAXUINT;

  for (guint i = s->first_token; i < end; i++)
    {
      const ChronicleToken *t = chronicle_article_text_token (d->text, i);
      const ChronicleToken *next = i + 1 < end ? chronicle_article_text_token (d->text, i + 1) : NULL;
      gboolean before_date = i + 1 == date_first && next != NULL &&
                             (in_list (prepositions, t->lower) ||
                              strcmp (t->lower, "earlier") == 0 || strcmp (t->lower, "later") == 0);

      if (strcmp (t->lower, "(") == 0 || strcmp (t->lower, "[") == 0)
        brackets++;
      if (brackets > 0)
        {
          if ((strcmp (t->lower, ")") == 0 || strcmp (t->lower, "]") == 0))
            brackets--;
          continue;
        }
      /* "Friday's talks" without Friday: "talks" */
      if ((i >= date_first && i <= date_last) || before_date || t->in_quote ||
          (t->kind == CHRONICLE_TOKEN_QUOTE && !is_plural_possessive (d->text, i, end)) ||
          (date_last != G_MAXUINT && i == date_last + 1 && t->kind == CHRONICLE_TOKEN_POSS))
        continue;
      if (t->kind == CHRONICLE_TOKEN_PUNCT &&
          (strcmp (t->lower, ".") == 0 || strcmp (t->lower, "!") == 0 || strcmp (t->lower, "?") == 0))
        break;
      /* what stood between two commas went */
      if (strcmp (t->lower, ",") == 0 && d->words->len > 0 && is_comma (d, d->words->len - 1))
        continue;
      g_array_append_val (d->words, i);
    }
}

/* Whether the words from @k on start a new subject: a name, a
 * determiner, a pronoun, a number. */
static gboolean
starts_subject (Draft *d,
                guint  k)
{
  return k < d->words->len &&
         (is_capitalised (d, k) || is_in (determiners, d, k) || is_in (subject_pronouns, d, k) ||
          word (d, k)->kind == CHRONICLE_TOKEN_NUMBER);
}

/* Step 2: connectives and opening phrases; with @verbless, also a
 * phrase without a verb before the subject ("So far,"), once the asides
 * are gone ("Boeing, the planemaker, said" is no opener). */
static void
drop_openers (Draft    *d,
              gboolean  verbless)
{
  for (guint round = 0; round < 4 && d->words->len > 0; round++)
    {
      guint comma = 0;

      while (d->words->len > 0 && (word (d, 0)->kind == CHRONICLE_TOKEN_PUNCT ||
                                   word (d, 0)->kind == CHRONICLE_TOKEN_POSS))
        drop (d, 0, 1);
      if (d->words->len > 2 && is_in (connectives, d, 0))
        {
          drop (d, 0, is_comma (d, 1) ? 2 : 1);
          continue;
        }
      /* an opening phrase up to its comma, when a subject follows */
      for (guint k = 1; k < d->words->len && k < 24 && comma == 0; k++)
        if (is_comma (d, k))
          comma = k;
      if (comma == 0 || d->words->len - comma < 4 || !starts_subject (d, comma + 1) ||
          find_verb (d, comma + 2) < 0)
        return;
      if (is_in (openers, d, 0) || (verbless && comma <= 6 && find_verb (d, 0) > (gint) comma))
        {
          drop (d, 0, comma + 1);
          continue;
        }
      return;
    }
}

/* Step 3: ", already low," after the subject, ", based on …," after
 * "that": a pair of commas with the clause going on after the second. */
static void
drop_asides (Draft *d)
{
  for (guint k = 1; k < d->words->len; k++)
    {
      gint verb = find_verb (d, 0);
      gboolean after_subject = verb < 0 || verb > (gint) k;
      guint close = 0;

      if (!is_comma (d, k) || !(after_subject || g_strcmp0 (lower (d, k - 1), "that") == 0))
        continue;
      for (guint j = k + 2; j < d->words->len && j <= k + 15 && close == 0; j++)
        if (is_comma (d, j))
          close = j;
      /* a list goes on with a name or "and": no aside */
      if (close == 0 || !is_lower_word (d, close + 1) || is_in (conjunctions, d, close + 1))
        continue;
      drop (d, k, close - k + 1);
      /* the clause must keep a verb after the subject */
      if (find_verb (d, 0) < 0)
        return;
    }
}

/* Step 4: "He said" → "Marco Rubio said": the person named last in the
 * two sentences before. "It" and "they" stay: "it is unclear" names
 * nothing, and places and organisations look alike to the name finder. */
static void
resolve_pronoun (Draft     *d,
                 GPtrArray *names)
{
  const ChronicleToken *first;
  guint at;

  if (names == NULL || d->words->len == 0)
    return;
  first = word (d, 0);
  if (!in_list (person_pronouns, first->lower))
    return;
  at = g_array_index (d->words, guint, 0);
  for (guint k = names->len; k > 0; k--)
    {
      ChronicleNameMention *n = g_ptr_array_index (names, k - 1);
      guint sentence = chronicle_article_text_token (d->text, n->first_token)->sentence;

      if (n->last_token >= at)
        continue;
      if (sentence + 2 < first->sentence)
        return;
      if (n->person)
        {
          d->subject = g_strdup (n->name);
          return;
        }
    }
}

/* A comma left between the subject and its verb ("The take-off, was"),
 * where an aside or a date was. */
static void
drop_comma_before_verb (Draft *d)
{
  gint verb = find_verb (d, 0);

  if (verb > 1 && is_comma (d, verb - 1))
    drop (d, verb - 1, 1);
}

static char *
build (Draft *d,
       guint  n)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; k < n && k < d->words->len; k++)
    {
      const ChronicleToken *t = word (d, k);

      if (out->len > 0 && t->space_before)
        g_string_append_c (out, ' ');
      if (k == 0 && d->subject != NULL)
        g_string_append (out, d->subject);
      else
        g_string_append_len (out, d->text->text + t->start, t->end - t->start);
    }
  while (out->len > 0 && strchr (",;:-", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  if (out->len > 0)
    {
      gunichar c = g_utf8_get_char (out->str);
      char buffer[8];
      gint len = g_unichar_to_utf8 (g_unichar_toupper (c), buffer);

      g_string_erase (out, 0, g_utf8_next_char (out->str) - out->str);
      g_string_prepend_len (out, buffer, len);
    }
  return g_string_free (out, FALSE);
}

/* Whether a headline may be the words before @k: it does not end on a
 * word that needs more, and @k starts a clause or a phrase. */
static gboolean
can_end_before (Draft *d,
                guint  k)
{
  gint last = (gint) k - 1;
  const char *next = lower (d, k);

  /* after a comma is where the comma is: that cut is judged there */
  if (last >= 0 && is_comma (d, last))
    return FALSE;
  while (last >= 0 && word (d, last)->kind == CHRONICLE_TOKEN_PUNCT)
    last--;
  if (last < 0 || word (d, last)->kind == CHRONICLE_TOKEN_POSS)
    return FALSE;
  /* a particle before a clause: "would go on until …" */
  if (needs_more (d, last) &&
      !(is_in (prepositions, d, last) && !is_verb (d, last - 1) && is_lower_word (d, last - 1) &&
        (k >= d->words->len || is_in (clause_starts, d, k) || is_comma (d, k)) &&
        !is_in (determiners, d, last - 1) && !is_in (auxiliaries, d, last - 1)))
    return FALSE;
  if (k >= d->words->len)
    return TRUE;
  if (is_comma (d, k))
    /* "its slow, grinding advance": adjectives, no boundary */
    return !(is_in (determiners, d, k - 2) && is_lower_word (d, k + 1) && !needs_more (d, k + 1) &&
             !is_verb (d, k + 1));
  if (strcmp (next, ";") == 0 || strcmp (next, ":") == 0 || strcmp (next, "–") == 0 || strcmp (next, "—") == 0)
    return TRUE;
  /* a dash, not the hyphen of "Wal-Mart" */
  if (strcmp (next, "-") == 0)
    return word (d, k)->space_before;
  /* "delivered to Pakistan", not "agreed to resume" */
  if (strcmp (next, "to") == 0)
    return is_capitalised (d, k + 1) || is_in (determiners, d, k + 1) ||
           (k + 1 < d->words->len && word (d, k + 1)->kind == CHRONICLE_TOKEN_NUMBER);
  if (in_list (conjunctions, next))
    /* "Russian and Ukrainian negotiators", "Russia and Ukraine" */
    return strcmp (next, "but") == 0 || !(is_capitalised (d, k - 1) && is_capitalised (d, k + 1));
  if (strcmp (next, "that") == 0)
    /* "said that …" says nothing yet */
    return !is_verb (d, k - 1) && !(k >= 2 && is_verb (d, k - 2));
  if (in_list (prepositions, next))
    /* "of" belongs to the noun before it ("a night of talks"); and
     * "Secretary of State", "Bank of England" */
    return (d->loose || strcmp (next, "of") != 0) && !(is_capitalised (d, k - 1) && is_capitalised (d, k + 1));
  if (in_list (clause_starts, next))
    return TRUE;
  /* a participle: "negotiators holding discussions" */
  return is_lower_word (d, k) && g_str_has_suffix (next, "ing") && strlen (next) > 5 &&
         !is_in (determiners, d, k - 1) && !is_in (auxiliaries, d, k - 1);
}

/* The length in characters of build (d, n), without building it. */
static glong
headline_length (Draft *d,
                 guint  n)
{
  glong length = 0;
  guint end = MIN (n, d->words->len);

  /* what build() strips at the end */
  while (end > 0 && word (d, end - 1)->kind == CHRONICLE_TOKEN_PUNCT &&
         word (d, end - 1)->end - word (d, end - 1)->start == 1 &&
         strchr (",;:-", d->text->text[word (d, end - 1)->start]) != NULL)
    end--;
  for (guint k = 0; k < end; k++)
    {
      const ChronicleToken *t = word (d, k);

      if (k > 0 && t->space_before)
        length++;
      if (k == 0 && d->subject != NULL)
        length += g_utf8_strlen (d->subject, -1);
      else
        length += g_utf8_strlen (d->text->text + t->start, t->end - t->start);
    }
  return length;
}

/* The cut, or 0: the longest headline within @limit characters that
 * ends at a boundary after @min_end words, or with @shortest the shortest
 * one within it. */
static guint
find_cut (Draft    *d,
          guint     min_end,
          guint     limit,
          gboolean  shortest)
{
  guint best = 0;

  for (guint n = MAX (min_end, 1); n <= d->words->len; n++)
    {
      if (!can_end_before (d, n))
        continue;
      if (headline_length (d, n) > (glong) limit)
        break;
      best = n;
      if (shortest)
        break;
    }
  return best;
}

/* The cut within CHRONICLE_HEADLINE_CHARS, or 0: where a phrase ends, or
 * before "of" ("a rare sign" of diplomatic progress) when that keeps a
 * good deal more ("returned to Apple and soon" after …). */
static guint
best_cut (Draft *d,
          guint  min_end)
{
  guint strict, loose;

  d->loose = FALSE;
  strict = find_cut (d, min_end, CHRONICLE_HEADLINE_CHARS, FALSE);
  d->loose = TRUE;
  loose = find_cut (d, min_end, CHRONICLE_HEADLINE_CHARS, FALSE);
  d->loose = FALSE;
  if (strict == 0 || loose == 0 || loose == strict)
    return strict != 0 ? strict : loose;
  return 3 * headline_length (d, strict) >= 2 * headline_length (d, loose) ? strict : loose;
}

/* The subject's last phrase after its head: a prepositional one, not
 * inside a name ("Secretary of State"), or a participle's ("the flight
 * going to New York"); 0 for none, or when the sentence opens with a
 * phrase ("Through the use of …"). */
static guint
last_subject_phrase (Draft *d,
                     guint  verb)
{
  if (is_in (openers, d, 0) || is_in (prepositions, d, 0))
    return 0;
  for (guint k = verb; k > 1; k--)
    {
      const char *w = lower (d, k - 1);

      if (is_in (prepositions, d, k - 1) && !(is_capitalised (d, k - 2) && is_capitalised (d, k)))
        return k - 1;
      /* "the flight going to", not "5,200 participating developers" or
       * "the very beginning of" */
      if (is_lower_word (d, k - 1) && g_str_has_suffix (w, "ing") && strlen (w) > 5 &&
          k >= 2 && word (d, k - 2)->kind == CHRONICLE_TOKEN_WORD && !needs_more (d, k - 2) &&
          (is_in (prepositions, d, k) || is_in (determiners, d, k)))
        return k - 1;
    }
  return 0;
}

/* Whether the words from @from to before @to read as a role before a
 * name ("US Secretary of State", "Trump's Ukraine envoy"), not a phrase
 * ("The meeting at the palace on"). */
static gboolean
is_role (Draft *d,
         guint  from,
         guint  to)
{
  for (guint k = from; k < to; k++)
    if ((is_in (prepositions, d, k) && !(is_capitalised (d, k - 1) && is_capitalised (d, k + 1))) ||
        is_verb (d, k) || word (d, k)->kind == CHRONICLE_TOKEN_PUNCT)
      return FALSE;
  return TRUE;
}

/* "US Secretary of State Marco Rubio and Trump's envoy Keith Kellogg
 * were" → "Marco Rubio and Keith Kellogg were": the words before each
 * person's name in the subject, back to its start or an "and", go. */
static gboolean
drop_roles (Draft     *d,
            GPtrArray *names,
            gint      *verb)
{
  gboolean dropped = FALSE;
  guint start = 0;

  for (guint k = 0; names != NULL && (gint) k < *verb; k++)
    {
      guint token = g_array_index (d->words, guint, k);

      if (is_in (conjunctions, d, k) || is_comma (d, k))
        {
          start = k + 1;
          continue;
        }
      if (k == start)
        continue;
      for (guint m = 0; m < names->len; m++)
        {
          ChronicleNameMention *n = g_ptr_array_index (names, m);

          if (n->person && n->first_token == token && n->last_token > n->first_token &&
              is_role (d, start, k))
            {
              drop (d, start, k - start);
              *verb -= k - start;
              k = start;
              dropped = TRUE;
              break;
            }
        }
    }
  return dropped;
}

/* '"We will not stop," said opposition leader Nika Melia': outside the
 * quote there is only the reporting clause, which is no happening of its
 * own; the headline is the speaker and the quoted words, "Nika Melia: We
 * will not stop", or NULL when the clause names no one. */
static char *
quote_headline (Draft     *d,
                guint      sentence,
                GPtrArray *names)
{
  const ChronicleSpan *s = &g_array_index (d->text->sentences, ChronicleSpan, sentence);
  guint end = s->first_token + s->n_tokens;
  guint verb = g_array_index (d->words, guint, 0);
  const char *speaker = NULL;
  guint from = 0;
  guint to = 0;
  GString *out;

  for (guint k = 0; names != NULL && k < names->len && speaker == NULL; k++)
    {
      ChronicleNameMention *n = g_ptr_array_index (names, k);
      if (n->first_token > verb && n->first_token <= verb + 4 && n->last_token < end)
        speaker = n->name;
    }
  for (guint i = s->first_token; i < end && (to == 0 || chronicle_article_text_token (d->text, i)->in_quote); i++)
    {
      const ChronicleToken *t = chronicle_article_text_token (d->text, i);
      if (!t->in_quote || t->kind == CHRONICLE_TOKEN_QUOTE)
        continue;
      if (to == 0)
        from = t->start;
      to = t->end;
    }
  if (speaker == NULL || to == 0)
    return NULL;

  out = g_string_new (speaker);
  g_string_append (out, ": ");
  g_string_append_len (out, d->text->text + from, to - from);
  while (strchr (",;:-.", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  if (g_utf8_strlen (out->str, -1) > CHRONICLE_HEADLINE_CHARS)
    {
      /* at the last word that fits, marked as cut */
      char *cut = g_utf8_offset_to_pointer (out->str, CHRONICLE_HEADLINE_CHARS - 1);

      for (;;)
        {
          char *space;
          g_autofree char *last = NULL;

          while (cut > out->str && *cut != ' ')
            cut--;
          /* not on "the", "on", "and": words that need the next */
          for (space = cut; space > out->str && space[-1] != ' '; space--)
            ;
          last = g_ascii_strdown (space, cut - space);
          if (cut <= out->str + strlen (speaker) + 2 || !(in_list (determiners, last) || in_list (prepositions, last) ||
                                                         in_list (conjunctions, last) || in_list (dangling, last) ||
                                                         in_list (auxiliaries, last)))
            break;
          cut = space - 1;
        }
      g_string_truncate (out, cut - out->str);
      g_string_append (out, "…");
    }
  return g_string_free (out, FALSE);
}

/* The old way, for a sentence none of the above fits: the words up to the
 * limit, without what dangles at the end. */
static char *
cut_at_word (Draft *d)
{
  guint n = d->words->len;

  for (;;)
    {
      g_autofree char *headline = build (d, n);

      while (n > 1 && (needs_more (d, n - 1) || word (d, n - 1)->kind == CHRONICLE_TOKEN_PUNCT))
        n--;
      if (n <= 1 || g_utf8_strlen (headline, -1) <= CHRONICLE_HEADLINE_CHARS)
        return build (d, n);
      n--;
    }
}

char *
chronicle_headline_make (ChronicleArticleText *text,
                         guint                 sentence,
                         guint                 date_first,
                         guint                 date_last,
                         GPtrArray            *names)
{
  Draft d = { text, g_array_new (FALSE, FALSE, sizeof (guint)), NULL, FALSE };
  char *headline = NULL;
  gint verb;
  guint cut = 0;

  g_return_val_if_fail (text != NULL && sentence < text->sentences->len, NULL);

  collect (&d, sentence, date_first, date_last);
  while (d.words->len > 0 && word (&d, 0)->kind == CHRONICLE_TOKEN_PUNCT)
    drop (&d, 0, 1);
  if (d.words->len > 0 && chronicle_word_in_list (reporting_verbs, word (&d, 0)->lower) &&
      (headline = quote_headline (&d, sentence, names)) != NULL)
    {
      g_array_unref (d.words);
      return headline;
    }
  drop_openers (&d, FALSE);
  drop_asides (&d);
  drop_openers (&d, TRUE);
  drop_comma_before_verb (&d);
  resolve_pronoun (&d, names);

  verb = find_verb (&d, 0);
  for (gboolean roles = TRUE;; roles = FALSE)
    {
      guint phrase;

      cut = best_cut (&d, verb >= 0 ? (guint) verb + 2 : 2);
      if (cut > 0 || verb < 0)
        break;
      /* too long: the subject gets shorter, people first */
      if (roles && drop_roles (&d, names, &verb))
        continue;
      if ((phrase = last_subject_phrase (&d, verb)) == 0)
        break;
      drop (&d, phrase, verb - phrase);
      verb = phrase;
    }
  /* then a complete clause a little longer */
  for (guint round = 0; cut == 0 && round < 2; round++)
    {
      d.loose = round == 1;
      cut = find_cut (&d, verb >= 0 ? (guint) verb + 2 : 2, CHRONICLE_HEADLINE_STRETCH_CHARS, TRUE);
    }
  headline = cut > 0 ? build (&d, cut) : cut_at_word (&d);

  g_array_unref (d.words);
  g_free (d.subject);
  return headline;
}

/* Past participles whose past tense differs ("had not spoken" → "last
 * spoke"); other participles ("met", "agreed") are their past already. */
static const char * const participle_pasts[] = {
  "seen", "saw", "spoken", "spoke", "been", "was", "done", "did", "given", "gave", "taken", "took",
  "written", "wrote", "flown", "flew", "gone", "went", "eaten", "ate", "driven", "drove", "risen", "rose",
  "fallen", "fell", "shown", "showed", "known", "knew", "grown", "grew", "thrown", "threw", "broken", "broke",
  "chosen", "chose", "begun", "began", "sung", "sang", "swum", "swam", "ridden", "rode",
  "woken", "woke", "frozen", "froze", "stolen", "stole", "forgotten", "forgot", "beaten", "beat",
  "come", "came", "become", "became", "run", "ran", "drawn", "drew", "withdrawn", "withdrew", NULL
};

static const char * const relative_pronouns[] = { "who", "which", "that", NULL };

/* The subject of the clause whose auxiliary is token @aux: the words just
 * before it, or, after a relative pronoun (", who had"), the noun phrase
 * before the comma; at most a few words, not across a preposition other
 * than "of", a verb, "that" or a clause boundary. The first token, or @aux when
 * there is none. */
static guint
clause_subject (ChronicleArticleText *text,
                guint                 aux,
                guint                *last)
{
  guint sentence = chronicle_article_text_token (text, aux)->sentence;
  guint end = aux;
  guint first;

  if (aux >= 2 && chronicle_word_in_list (relative_pronouns, chronicle_article_text_token (text, aux - 1)->lower) &&
      strcmp (chronicle_article_text_token (text, aux - 2)->lower, ",") == 0)
    end = aux - 2;
  first = end;
  while (first > 0 && end - first < 6)
    {
      const ChronicleToken *t = chronicle_article_text_token (text, first - 1);

      if (t->sentence != sentence || t->kind != CHRONICLE_TOKEN_WORD || t->in_quote ||
          (in_list (prepositions, t->lower) && strcmp (t->lower, "of") != 0) ||
          in_list (conjunctions, t->lower) || in_list (auxiliaries, t->lower) ||
          in_list (clause_starts, t->lower) || in_list (dangling, t->lower) || in_list (irregular_past, t->lower) ||
          (g_str_has_suffix (t->lower, "ed") && !in_list (not_past, t->lower)))
        break;
      first--;
    }
  /* "of" does not start a subject */
  while (first < end && in_list (prepositions, chronicle_article_text_token (text, first)->lower))
    first++;
  *last = end;
  return first;
}

/* The text of tokens @first to @last (inclusive), as the article has it
 * ("face-to-face" keeps its hyphens). */
static void
append_tokens (GString              *out,
               ChronicleArticleText *text,
               guint                 first,
               guint                 last)
{
  const ChronicleToken *a = chronicle_article_text_token (text, first);
  const ChronicleToken *b = chronicle_article_text_token (text, last);

  g_string_append_len (out, text->text + a->start, b->end - a->start);
}

char *
chronicle_headline_make_last (ChronicleArticleText *text,
                              guint                 aux,
                              guint                 participle,
                              guint                 since,
                              guint                *clause_first)
{
  GString *out = g_string_new (NULL);
  guint subject_end;
  guint subject = 0;
  guint verb = participle;
  const char *past = NULL;
  guint rest_last;
  gunichar first_char;
  g_autofree char *rest = NULL;

  g_return_val_if_fail (text != NULL && aux < participle && participle < since && since < text->tokens->len, NULL);

  subject = clause_subject (text, aux, &subject_end);
  *clause_first = subject < subject_end ? subject : aux;
  /* "the warring sides" → "Warring sides" */
  if (subject < subject_end && subject + 1 < subject_end &&
      (strcmp (chronicle_article_text_token (text, subject)->lower, "the") == 0 ||
       strcmp (chronicle_article_text_token (text, subject)->lower, "a") == 0 ||
       strcmp (chronicle_article_text_token (text, subject)->lower, "an") == 0))
    subject++;
  if (subject < subject_end)
    {
      append_tokens (out, text, subject, subject_end - 1);
      g_string_append_c (out, ' ');
    }
  g_string_append (out, out->len == 0 ? "Last " : "last ");

  /* "has not been seen since" → "last seen"; "had not been significantly
   * updated since" → "last significantly updated" */
  if (strcmp (chronicle_article_text_token (text, verb)->lower, "been") == 0)
    {
      guint k = verb + 1;

      while (k < since && g_str_has_suffix (chronicle_article_text_token (text, k)->lower, "ly"))
        k++;
      if (k < since && chronicle_article_text_token (text, k)->kind == CHRONICLE_TOKEN_WORD &&
          (g_str_has_suffix (chronicle_article_text_token (text, k)->lower, "ed") ||
           g_str_has_suffix (chronicle_article_text_token (text, k)->lower, "en") ||
           chronicle_word_in_list (participle_pasts, chronicle_article_text_token (text, k)->lower)))
        verb++;
    }
  if (verb == participle)
    for (guint k = 0; participle_pasts[k] != NULL; k += 2)
      if (strcmp (participle_pasts[k], chronicle_article_text_token (text, verb)->lower) == 0)
        past = participle_pasts[k + 1];
  if (past != NULL)
    g_string_append (out, past);
  else
    append_tokens (out, text, verb, verb);

  /* the rest of the clause before "since", cut where a phrase ends */
  for (rest_last = since - 1; rest_last > verb; rest_last--)
    {
      const ChronicleToken *t = chronicle_article_text_token (text, rest_last);
      glong length;

      g_clear_pointer (&rest, g_free);
      if (t->kind != CHRONICLE_TOKEN_WORD || in_list (determiners, t->lower) ||
          in_list (prepositions, t->lower) || in_list (conjunctions, t->lower) ||
          in_list (auxiliaries, t->lower) || in_list (dangling, t->lower))
        continue;
      {
        GString *r = g_string_new (NULL);
        gboolean comma = FALSE;

        append_tokens (r, text, verb + 1, rest_last);
        for (guint k = verb + 1; k <= rest_last; k++)
          comma = comma || strcmp (chronicle_article_text_token (text, k)->lower, ",") == 0;
        rest = g_string_free (r, FALSE);
        if (comma)
          continue;
      }
      length = g_utf8_strlen (out->str, -1) + 1 + g_utf8_strlen (rest, -1);
      if (length <= CHRONICLE_HEADLINE_CHARS)
        break;
    }
  if (rest != NULL && rest_last > verb)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, rest);
    }

  first_char = g_utf8_get_char (out->str);
  if (g_unichar_islower (first_char))
    {
      char buffer[8] = { 0, };
      gint n = g_unichar_to_utf8 (g_unichar_toupper (first_char), buffer);
      g_string_erase (out, 0, g_utf8_next_char (out->str) - out->str);
      g_string_insert_len (out, 0, buffer, n);
    }
  return g_string_free (out, FALSE);
}

gboolean
chronicle_headline_is_weak (const char *headline)
{
  g_autoptr(ChronicleArticleText) text = NULL;
  Draft d = { NULL, NULL, NULL, FALSE };
  gboolean weak;
  const ChronicleSpan *s;

  g_return_val_if_fail (headline != NULL, TRUE);

  if (g_utf8_strlen (headline, -1) > CHRONICLE_HEADLINE_STRETCH_CHARS)
    return TRUE;
  text = chronicle_article_text_new (headline, -1);
  if (text->sentences->len == 0)
    return TRUE;
  d.text = text;
  d.words = g_array_new (FALSE, FALSE, sizeof (guint));
  s = &g_array_index (text->sentences, ChronicleSpan, 0);
  for (guint i = s->first_token; i < text->tokens->len; i++)
    g_array_append_val (d.words, i);
  weak = d.words->len == 0 || word (&d, 0)->kind == CHRONICLE_TOKEN_PUNCT ||
         is_in (weak_starts, &d, 0) || is_in (connectives, &d, 0) ||
         (is_in (demonstratives, &d, 0) && is_verb (&d, 1)) ||
         !can_end_before (&d, d.words->len) || find_verb (&d, 0) < 0;
  g_array_unref (d.words);
  return weak;
}
