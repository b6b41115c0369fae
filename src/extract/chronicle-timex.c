/* chronicle-timex.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timex"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-timex-private.h"
#include "chronicle-timex-rules-private.h"

/* A rule-based TIMEX3 tagger for English news. Each rule below tries to
 * match at one token and fills a Match; the longest match wins. The words
 * come from the tables in chronicle-timex-rules.c. Relative times resolve
 * against the publication date (news convention), a quote's deictic words
 * ("tomorrow") against the date the words were said, and anaphora ("the
 * month", "that day") against the last date mentioned. */

/* How far back (bytes) the date of a quote's speech may be named. */
#define SPEECH_ANCHOR_REACH 320
/* How many earlier time expressions an anaphor or a quote may look back at. */
#define LOOK_BACK 64
/* The publication years the tagger resolves against: GDate's arithmetic
 * asserts beyond year 1 and 65535. */
#define MIN_ANCHOR_YEAR 100
#define MAX_ANCHOR_YEAR 9000
/* How many words around a date may carry its tense. */
#define TENSE_REACH_BEFORE 7
#define TENSE_REACH_AFTER 2

typedef struct
{
  guint               n_tokens;
  ChronicleTimexType  type;
  char               *value;
  const char         *mod;
  ChronicleTimexGrain grain;
  int                 year;
  int                 month;
  int                 day;
  int                 range_day;   /* "May 12-14": 14 */
  guint               range_token;
} Match;

typedef struct
{
  const ChronicleArticleText *text;
  const GArray               *quotes;
  GDate                       published;
  GPtrArray                  *found;
} Tagger;

/* Tokens and tables */

static const ChronicleToken *
token_at (Tagger *tg,
          guint   i)
{
  return chronicle_article_text_token_at (tg->text, i);
}

static gboolean
token_is (Tagger     *tg,
          guint       i,
          const char *lower)
{
  return chronicle_article_text_token_is (tg->text, i, lower);
}

static gboolean
same_sentence (Tagger *tg,
               guint   a,
               guint   b)
{
  const ChronicleToken *ta = token_at (tg, a);
  const ChronicleToken *tb = token_at (tg, b);
  return ta != NULL && tb != NULL && ta->sentence == tb->sentence;
}

/* Number of tokens @phrase ("at the moment") matches at @i, or 0. */
static guint
match_phrase (Tagger     *tg,
              guint       i,
              const char *phrase)
{
  const char *p = phrase;
  guint n = 0;

  while (*p != '\0')
    {
      const char *space = strchr (p, ' ');
      gsize len = space != NULL ? (gsize) (space - p) : strlen (p);
      const ChronicleToken *t = token_at (tg, i + n);

      if (t == NULL || strlen (t->lower) != len || strncmp (t->lower, p, len) != 0 ||
          (n > 0 && !same_sentence (tg, i, i + n)))
        return 0;
      n++;
      p += len;
      if (*p == ' ')
        p++;
    }
  return n;
}

static int
lookup_word (const ChronicleTimexWord *table,
             const char               *lower)
{
  for (guint k = 0; table[k].word != NULL; k++)
    if (strcmp (table[k].word, lower) == 0)
      return k;
  return -1;
}

/* The longest phrase of @table at @i: its index, and its length in @n.
 * @table is an array of @stride-byte rows whose first member is the
 * phrase (ChronicleTimexWord and ChronicleTimexSymbol), ended by a NULL. */
static int
lookup_phrase (Tagger        *tg,
               guint          i,
               gconstpointer  table,
               gsize          stride,
               guint         *n)
{
  int best = -1;

  *n = 0;
  for (guint k = 0; ; k++)
    {
      const char *word = *(const char * const *) ((const char *) table + k * stride);
      guint m;

      if (word == NULL)
        break;
      m = match_phrase (tg, i, word);
      if (m > *n)
        {
          *n = m;
          best = k;
        }
    }
  return best;
}

static inline int
lookup_symbol_phrase (Tagger *tg, guint i, const ChronicleTimexSymbol *table, guint *n)
{
  return lookup_phrase (tg, i, table, sizeof *table, n);
}

static inline int
lookup_word_phrase (Tagger *tg, guint i, const ChronicleTimexWord *table, guint *n)
{
  return lookup_phrase (tg, i, table, sizeof *table, n);
}

static const ChronicleTimexUnit *
lookup_unit (const char *lower)
{
  for (guint k = 0; chronicle_timex_units[k].word != NULL; k++)
    if (strcmp (chronicle_timex_units[k].word, lower) == 0)
      return &chronicle_timex_units[k];
  return NULL;
}

/* A plain number token: digits only, no "1,500", no "2nd". */
static gboolean
token_integer (Tagger *tg,
               guint   i,
               int    *value)
{
  const ChronicleToken *t = token_at (tg, i);
  const char *p;

  if (t == NULL || t->kind != CHRONICLE_TOKEN_NUMBER)
    return FALSE;
  for (p = t->lower; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (strlen (t->lower) > 6)
    return FALSE;
  *value = atoi (t->lower);
  return TRUE;
}

/* A day of the month: "16", "16th", "2nd". */
static gboolean
token_day (Tagger *tg,
           guint   i,
           int    *day)
{
  const ChronicleToken *t = token_at (tg, i);
  char *end = NULL;
  long value;

  if (t == NULL || t->kind != CHRONICLE_TOKEN_NUMBER || !g_ascii_isdigit (t->lower[0]))
    return FALSE;
  value = strtol (t->lower, &end, 10);
  if (*end != '\0' && strcmp (end, "st") != 0 && strcmp (end, "nd") != 0 &&
      strcmp (end, "rd") != 0 && strcmp (end, "th") != 0)
    return FALSE;
  if (value < 1 || value > 31 || end - t->lower > 2)
    return FALSE;
  *day = value;
  return TRUE;
}

static gboolean
token_year (Tagger *tg,
            guint   i,
            int    *year)
{
  const ChronicleToken *t = token_at (tg, i);

  if (t == NULL || strlen (t->lower) != 4 || !token_integer (tg, i, year))
    return FALSE;
  return *year >= 1000 && *year <= 2099;
}

/* A capitalised word of @table at @i ("May", "Friday"): its value. */
static gboolean
token_capitalised_word (Tagger                   *tg,
                        guint                     i,
                        const ChronicleTimexWord *table,
                        int                      *value)
{
  const ChronicleToken *t = token_at (tg, i);
  int k;

  if (t == NULL || t->kind != CHRONICLE_TOKEN_WORD || !t->capitalised)
    return FALSE;
  k = lookup_word (table, t->lower);
  if (k < 0)
    return FALSE;
  *value = table[k].value;
  return TRUE;
}

static gboolean
token_month (Tagger *tg,
             guint   i,
             int    *month)
{
  return token_capitalised_word (tg, i, chronicle_timex_months, month);
}

static gboolean
token_weekday (Tagger *tg,
               guint   i,
               int    *weekday)
{
  return token_capitalised_word (tg, i, chronicle_timex_weekdays, weekday);
}

/* Adjacent tokens: "30-day", "F-16", "12-14". */
static gboolean
glued (Tagger *tg,
       guint   i)
{
  const ChronicleToken *t = token_at (tg, i);
  return t != NULL && !t->space_before;
}

static gboolean
is_dash (Tagger *tg,
         guint   i)
{
  const ChronicleToken *t = token_at (tg, i);
  return t != NULL && t->kind == CHRONICLE_TOKEN_PUNCT &&
         (strcmp (t->lower, "-") == 0 || strcmp (t->lower, "–") == 0);
}

/* "morning" -> "MO": the TIMEX3 part of day token @i names, or NULL. */
static const char *
part_of_day (Tagger *tg,
             guint   i)
{
  for (guint p = 0; chronicle_timex_parts_of_day[p].word != NULL; p++)
    if (token_is (tg, i, chronicle_timex_parts_of_day[p].word))
      return chronicle_timex_parts_of_day[p].value;
  return NULL;
}

/* An amount: "three", "30", "twenty-five", "two and a half", "2.5"; vague
 * amounts ("several") give -1. Returns the tokens used. */
static guint
match_amount (Tagger *tg,
              guint   i,
              double *amount)
{
  const ChronicleToken *t = token_at (tg, i);
  guint n = 0;
  int k;

  if (t == NULL)
    return 0;
  for (k = 0; chronicle_timex_vague_amounts[k] != NULL; k++)
    if ((n = match_phrase (tg, i, chronicle_timex_vague_amounts[k])) > 0)
      {
        *amount = -1;
        return n;
      }
  if (t->kind == CHRONICLE_TOKEN_NUMBER)
    {
      char *end = NULL;
      *amount = g_ascii_strtod (t->lower, &end);
      if (*end != '\0' || strchr (t->lower, ',') != NULL || strchr (t->lower, ':') != NULL)
        return 0;
      n = 1;
    }
  else if ((k = lookup_word (chronicle_timex_numbers, t->lower)) >= 0)
    {
      *amount = chronicle_timex_numbers[k].value;
      n = 1;
      /* "twenty-five" */
      if (*amount >= 20 && is_dash (tg, i + 1) && glued (tg, i + 1) && glued (tg, i + 2) &&
          token_at (tg, i + 2) != NULL &&
          (k = lookup_word (chronicle_timex_numbers, token_at (tg, i + 2)->lower)) >= 0 &&
          chronicle_timex_numbers[k].value < 10)
        {
          *amount += chronicle_timex_numbers[k].value;
          n = 3;
        }
    }
  else
    return 0;

  if (match_phrase (tg, i + n, "and a half") == 3)
    {
      *amount += 0.5;
      n += 3;
    }
  return n;
}

/* Dates */

static void
set_day (Match       *m,
         const GDate *date)
{
  m->grain = CHRONICLE_TIMEX_GRAIN_DAY;
  m->year = g_date_get_year (date);
  m->month = g_date_get_month (date);
  m->day = g_date_get_day (date);
}

static char *
format_point (Match *m)
{
  switch (m->grain)
    {
    case CHRONICLE_TIMEX_GRAIN_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", m->year, m->month, m->day);
    case CHRONICLE_TIMEX_GRAIN_MONTH:
      return g_strdup_printf ("%04d-%02d", m->year, m->month);
    case CHRONICLE_TIMEX_GRAIN_YEAR:
      return g_strdup_printf ("%04d", m->year);
    case CHRONICLE_TIMEX_GRAIN_NONE:
    default:
      return NULL;
    }
}

static gboolean
valid_day (int year,
           int month,
           int day)
{
  return g_date_valid_dmy (day, month, year);
}

/* The tense around token @i as far as dates need it: future when a future
 * cue ("will", "next", "scheduled") stands within a few words of it in its
 * clause, else past (news reports what happened). */
static int
local_tense (Tagger *tg,
             guint   i)
{
  const ChronicleToken *t = token_at (tg, i);
  const ChronicleSpan *s = &g_array_index (tg->text->sentences, ChronicleSpan, t->sentence);
  guint from = i > s->first_token + TENSE_REACH_BEFORE ? i - TENSE_REACH_BEFORE : s->first_token;
  guint to = MIN (i + TENSE_REACH_AFTER, s->first_token + s->n_tokens - 1);

  for (guint k = from; k <= to; k++)
    if (chronicle_word_in_list (chronicle_timex_future_cues, token_at (tg, k)->lower))
      return 1;
  return -1;
}

/* The date a token's relative words count from: the day a quote was spoken
 * when the token is inside one and that day is named just before it, else
 * the publication date. */
static void
anchor_for (Tagger *tg,
            guint   i,
            GDate  *anchor)
{
  const ChronicleToken *t = token_at (tg, i);
  guint lo = 0;
  guint hi;

  *anchor = tg->published;
  if (tg->quotes == NULL)
    return;
  /* the last quote starting at or before the token, by bisection */
  hi = tg->quotes->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (tg->quotes, ChronicleSpan, mid).start <= t->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0)
    {
      const ChronicleSpan *quote = &g_array_index (tg->quotes, ChronicleSpan, lo - 1);

      if (t->start < quote->start || t->end > quote->end)
        return;
      for (guint k = tg->found->len; k > 0 && tg->found->len - k < LOOK_BACK; k--)
        {
          ChronicleTimex *x = g_ptr_array_index (tg->found, k - 1);

          if (x->end > quote->start || x->in_quote)
            continue;
          if (quote->start - x->end <= SPEECH_ANCHOR_REACH && x->grain == CHRONICLE_TIMEX_GRAIN_DAY &&
              (x->type == CHRONICLE_TIMEX_DATE || x->type == CHRONICLE_TIMEX_TIME))
            g_date_set_dmy (anchor, x->day, x->month, x->year);
          break;
        }
    }
}

static void
resolve_weekday (Tagger *tg,
                 guint   i,
                 int     weekday,
                 int     shift,
                 Match  *m)
{
  GDate date;
  int current;
  int delta;

  anchor_for (tg, i, &date);
  current = g_date_get_weekday (&date);
  if (shift == 0)
    shift = local_tense (tg, i);
  else
    shift *= 7;   /* "last Friday": the week before */

  if (shift > 0)
    {
      delta = (weekday - current + 7) % 7;
      if (shift == 7 && delta == 0)
        delta = 7;
      g_date_add_days (&date, delta);
    }
  else
    {
      delta = (current - weekday + 7) % 7;
      if (shift == -7 && delta == 0)
        delta = 7;
      g_date_subtract_days (&date, delta);
    }
  set_day (m, &date);
}

/* A month (and day) without a year: in the past (news reports what
 * happened) unless the tense says ahead; a month of slack either way, since
 * "on October 25" may be a week ahead of a past-tense report. */
static int
resolve_year (Tagger *tg,
              guint   i,
              int     month,
              int     day)
{
  GDate anchor;
  int year;
  int diff;

  anchor_for (tg, i, &anchor);
  year = g_date_get_year (&anchor);
  diff = (month - (int) g_date_get_month (&anchor)) * 31 + (day > 0 ? day - (int) g_date_get_day (&anchor) : 0);
  if (local_tense (tg, i) > 0)
    return diff < -31 ? year + 1 : year;
  return diff > 31 ? year - 1 : year;
}

/* "May 16", "16 May", "May 16, 2025", "March 2022", "Friday, May 16",
 * "2025-05-16", "7/8/07". */
static gboolean
rule_calendar_date (Tagger *tg,
                    guint   i,
                    Match  *m)
{
  guint k = i;
  int weekday = 0;
  int month = 0;
  int day = 0;
  int year = 0;
  int value;

  /* ISO dates: 2025-05-16 */
  if (token_year (tg, i, &year) && is_dash (tg, i + 1) && glued (tg, i + 1) && glued (tg, i + 2) &&
      token_integer (tg, i + 2, &month) && is_dash (tg, i + 3) && glued (tg, i + 3) &&
      glued (tg, i + 4) && token_integer (tg, i + 4, &day) && valid_day (year, month, day))
    {
      m->n_tokens = 5;
      m->grain = CHRONICLE_TIMEX_GRAIN_DAY;
      m->year = year;
      m->month = month;
      m->day = day;
      return TRUE;
    }
  /* US numeric dates with a year: 7/8/07. Without one ("9/11") they are
   * names or fractions. */
  if (token_integer (tg, i, &month) && token_is (tg, i + 1, "/") && glued (tg, i + 1) &&
      glued (tg, i + 2) && token_integer (tg, i + 2, &day) && token_is (tg, i + 3, "/") &&
      glued (tg, i + 3) && glued (tg, i + 4) && token_integer (tg, i + 4, &year))
    {
      if (year < 100)
        year += year < 50 ? 2000 : 1900;
      if (!valid_day (year, month, day))
        return FALSE;
      m->n_tokens = 5;
      m->grain = CHRONICLE_TIMEX_GRAIN_DAY;
      m->year = year;
      m->month = month;
      m->day = day;
      return TRUE;
    }

  if (token_weekday (tg, k, &weekday))
    {
      k++;
      if (token_is (tg, k, ","))
        k++;
    }
  if (token_month (tg, k, &month))
    {
      k++;
      if (token_is (tg, k, "."))
        k++;
      if (token_day (tg, k, &day) && !(token_is (tg, k + 1, ",") && token_is (tg, k + 2, "000")))
        k++;
      else
        day = 0;
    }
  else if (token_day (tg, k, &day))
    {
      guint of = token_is (tg, k + 1, "of") ? 1 : 0;
      if (!token_month (tg, k + 1 + of, &month))
        return FALSE;
      k += 2 + of;
    }
  else
    return FALSE;

  /* ", 2025" or " 2025" */
  if (token_year (tg, k, &year))
    k++;
  else if (token_is (tg, k, ",") && token_year (tg, k + 1, &year))
    k += 2;
  else if (token_is (tg, k, "of") && token_year (tg, k + 1, &year))
    k += 2;
  else
    year = 0;

  if (day == 0 && year == 0)
    return FALSE;   /* a month alone: rule_month's */
  if (year == 0)
    year = resolve_year (tg, i, month, day);
  if (day != 0 && !valid_day (year, month, day))
    return FALSE;

  m->n_tokens = k - i;
  m->year = year;
  m->month = month;
  m->day = day;
  m->grain = day != 0 ? CHRONICLE_TIMEX_GRAIN_DAY : CHRONICLE_TIMEX_GRAIN_MONTH;

  /* "May 12-14", "May 12 to 14": the second day is a time expression too. */
  if (day != 0 && year != 0 && (is_dash (tg, k) || token_is (tg, k, "to")) &&
      token_day (tg, k + 1, &value) && value > day && valid_day (year, month, value) &&
      !token_month (tg, k + 2, &weekday))
    {
      m->range_day = value;
      m->range_token = k + 1;
    }
  return TRUE;
}

/* "March", "in May", "last March": a month alone. "May" and "March" need a
 * word that makes them a time ("in May"), or they are a verb or a name. */
static gboolean
rule_month (Tagger *tg,
            guint   i,
            Match  *m)
{
  int month;
  int shift = 0;
  guint k = i;
  guint n = 0;
  int rel = lookup_word_phrase (tg, i, chronicle_timex_relative, &n);
  const ChronicleToken *prev = i > 0 ? token_at (tg, i - 1) : NULL;

  if (rel >= 0 && n == 1)
    {
      shift = chronicle_timex_relative[rel].value;
      k++;
    }
  if (!token_month (tg, k, &month))
    return FALSE;
  if ((month == 3 || month == 5) && k == i &&
      (prev == NULL || !chronicle_word_in_list (chronicle_timex_month_guards, prev->lower)))
    return FALSE;
  if (token_is (tg, k + 1, "-"))   /* "May-June"? leave it */
    return FALSE;

  m->n_tokens = k - i + 1;
  m->grain = CHRONICLE_TIMEX_GRAIN_MONTH;
  m->month = month;
  if (k > i)
    {
      GDate anchor;
      anchor_for (tg, i, &anchor);
      m->year = g_date_get_year (&anchor);
      if (shift < 0 && month >= (int) g_date_get_month (&anchor))
        m->year--;
      else if (shift > 0 && month <= (int) g_date_get_month (&anchor))
        m->year++;
    }
  else
    m->year = resolve_year (tg, i, month, 0);
  return TRUE;
}

/* "Friday", "last Friday", "Thursday night", "Friday's". */
static gboolean
rule_weekday (Tagger *tg,
              guint   i,
              Match  *m)
{
  int weekday;
  int shift = 0;
  guint k = i;
  guint n = 0;
  int rel = lookup_word_phrase (tg, i, chronicle_timex_relative, &n);
  const ChronicleToken *prev = i > 0 ? token_at (tg, i - 1) : NULL;
  const char *part;

  if (rel >= 0 && n == 1)
    {
      shift = chronicle_timex_relative[rel].value;
      k++;
    }
  if (!token_weekday (tg, k, &weekday))
    return FALSE;
  if (k == i && prev != NULL && prev->capitalised && chronicle_word_in_list (chronicle_timex_day_names, prev->lower))
    return FALSE;

  resolve_weekday (tg, k, weekday, shift, m);
  m->n_tokens = k - i + 1;

  part = same_sentence (tg, k, k + 1) ? part_of_day (tg, k + 1) : NULL;
  if (part != NULL)
    {
      g_autofree char *date = format_point (m);
      m->type = CHRONICLE_TIMEX_TIME;
      m->value = g_strdup_printf ("%sT%s", date, part);
      m->n_tokens++;
    }
  return TRUE;
}

/* A year: "2022", "in 1991", "the 1990s". */
static gboolean
rule_year (Tagger *tg,
           guint   i,
           Match  *m)
{
  const ChronicleToken *t = token_at (tg, i);
  const ChronicleToken *prev = i > 0 ? token_at (tg, i - 1) : NULL;
  int year;

  if (t == NULL || t->kind != CHRONICLE_TOKEN_NUMBER)
    return FALSE;
  /* "1990s": a decade */
  if (strlen (t->lower) == 5 && t->lower[4] == 's' && g_ascii_isdigit (t->lower[0]) &&
      t->lower[3] == '0')
    {
      m->n_tokens = 1;
      m->value = g_strndup (t->lower, 3);
      return TRUE;
    }
  if (!token_year (tg, i, &year))
    return FALSE;
  /* "F-2010", "A380/2010": part of a name */
  if (!t->space_before && prev != NULL && !t->sentence_start && strcmp (prev->lower, "(") != 0)
    return FALSE;
  /* "2010-11": the year; "2010-05-16" is rule_calendar_date's */
  if (glued (tg, i + 1) && token_at (tg, i + 1) != NULL && !is_dash (tg, i + 1) &&
      token_at (tg, i + 1)->kind != CHRONICLE_TOKEN_PUNCT && token_at (tg, i + 1)->kind != CHRONICLE_TOKEN_QUOTE &&
      token_at (tg, i + 1)->kind != CHRONICLE_TOKEN_POSS)
    return FALSE;
  if (is_dash (tg, i + 1) && glued (tg, i + 1) && glued (tg, i + 2) && token_at (tg, i + 2) != NULL &&
      token_at (tg, i + 2)->kind == CHRONICLE_TOKEN_WORD)
    return FALSE;   /* "2020-style" */
  /* "WWDC 2005" is a year, "Resolution 1701" and "1,500 troops" are not */
  if (!t->sentence_start && prev != NULL && !chronicle_word_in_list (chronicle_timex_year_before, prev->lower) &&
      prev->kind != CHRONICLE_TOKEN_QUOTE &&
      !(prev->capitalised && prev->kind == CHRONICLE_TOKEN_WORD && !chronicle_word_in_list (chronicle_timex_labels, prev->lower)))
    return FALSE;

  m->n_tokens = 1;
  m->grain = CHRONICLE_TIMEX_GRAIN_YEAR;
  m->year = year;
  return TRUE;
}

/* "today", "yesterday", "tomorrow", "tonight", "this morning", "last night". */
static gboolean
rule_deictic (Tagger *tg,
              guint   i,
              Match  *m)
{
  const ChronicleToken *t = token_at (tg, i);
  GDate date;
  int k = lookup_word (chronicle_timex_deictic_days, t->lower);
  const char *part = NULL;
  guint n = 1;

  anchor_for (tg, i, &date);
  if (k >= 0)
    {
      if (chronicle_timex_deictic_days[k].value < 0)
        g_date_subtract_days (&date, 1);
      else if (chronicle_timex_deictic_days[k].value > 0)
        g_date_add_days (&date, 1);
      if ((part = part_of_day (tg, i + 1)) != NULL)
        n = 2;
    }
  else if (strcmp (t->lower, "tonight") == 0)
    part = "NI";
  else if (strcmp (t->lower, "this") == 0 || strcmp (t->lower, "last") == 0)
    {
      part = part_of_day (tg, i + 1);
      n = 2;
      if (part == NULL || (strcmp (t->lower, "last") == 0 && strcmp (part, "NI") != 0))
        return FALSE;
      if (strcmp (t->lower, "last") == 0)
        g_date_subtract_days (&date, 1);
    }
  else
    return FALSE;

  set_day (m, &date);
  m->n_tokens = n;
  if (part != NULL)
    {
      g_autofree char *day = format_point (m);
      m->type = CHRONICLE_TIMEX_TIME;
      m->value = g_strdup_printf ("%sT%s", day, part);
    }
  return TRUE;
}

static void
iso_week (const GDate *date,
          int         *year,
          int         *week)
{
  GDate thursday = *date;
  int weekday = g_date_get_weekday (date);

  /* The ISO year is the year of the week's Thursday. */
  if (weekday < 4)
    g_date_add_days (&thursday, 4 - weekday);
  else
    g_date_subtract_days (&thursday, weekday - 4);
  *year = g_date_get_year (&thursday);
  *week = g_date_get_iso8601_week_of_year (date);
}

/* "last week", "this year", "next month", "earlier this year", "last
 * summer", "the last quarter", "this weekend". */
static gboolean
rule_relative (Tagger *tg,
               guint   i,
               Match  *m)
{
  guint n = 0;
  guint the = token_is (tg, i, "the") ? 1 : 0;
  int rel = lookup_word_phrase (tg, i + the, chronicle_timex_relative, &n);
  const ChronicleToken *unit;
  GDate date;
  int shift;

  if (rel < 0)
    return FALSE;
  shift = chronicle_timex_relative[rel].value;
  unit = token_at (tg, i + the + n);
  if (unit == NULL || !same_sentence (tg, i, i + the + n))
    return FALSE;
  if (the && shift != -1)
    return FALSE;   /* "the next" is anaphora or a duration */
  anchor_for (tg, i, &date);
  m->n_tokens = the + n + 1;

  if (strcmp (unit->lower, "year") == 0)
    {
      m->grain = CHRONICLE_TIMEX_GRAIN_YEAR;
      m->year = g_date_get_year (&date) + shift;
    }
  else if (strcmp (unit->lower, "month") == 0)
    {
      if (shift < 0)
        g_date_subtract_months (&date, 1);
      else if (shift > 0)
        g_date_add_months (&date, 1);
      m->grain = CHRONICLE_TIMEX_GRAIN_MONTH;
      m->year = g_date_get_year (&date);
      m->month = g_date_get_month (&date);
    }
  else if (strcmp (unit->lower, "week") == 0 || strcmp (unit->lower, "weekend") == 0)
    {
      int year;
      int week;

      if (shift < 0)
        g_date_subtract_days (&date, 7);
      else if (shift > 0)
        g_date_add_days (&date, 7);
      iso_week (&date, &year, &week);
      m->value = g_strdup_printf ("%04d-W%02d%s", year, week, unit->lower[4] != '\0' ? "-WE" : "");
      m->grain = CHRONICLE_TIMEX_GRAIN_MONTH;
      m->year = g_date_get_year (&date);
      m->month = g_date_get_month (&date);
    }
  else if (strcmp (unit->lower, "quarter") == 0)
    {
      int quarter = (g_date_get_month (&date) - 1) / 3 + 1 + shift;
      int year = g_date_get_year (&date);

      if (quarter < 1)
        {
          quarter += 4;
          year--;
        }
      else if (quarter > 4)
        {
          quarter -= 4;
          year++;
        }
      m->value = g_strdup_printf ("%04d-Q%d", year, quarter);
      m->grain = CHRONICLE_TIMEX_GRAIN_YEAR;
      m->year = year;
    }
  else
    {
      int year = g_date_get_year (&date);
      guint s;

      for (s = 0; chronicle_timex_seasons[s].word != NULL; s++)
        if (strcmp (unit->lower, chronicle_timex_seasons[s].word) == 0)
          break;
      if (chronicle_timex_seasons[s].word == NULL || the)
        return FALSE;
      m->value = g_strdup_printf ("%04d-%s", year + shift, chronicle_timex_seasons[s].value);
      m->grain = CHRONICLE_TIMEX_GRAIN_YEAR;
      m->year = year + shift;
    }
  return TRUE;
}

/* Moves @date by @shift days, months or years (by @grain). */
static void
shift_date (GDate               *date,
            ChronicleTimexGrain  grain,
            int                  shift)
{
  guint amount = ABS (shift);

  if (shift == 0)
    return;
  if (grain == CHRONICLE_TIMEX_GRAIN_DAY && shift > 0)
    g_date_add_days (date, amount);
  else if (grain == CHRONICLE_TIMEX_GRAIN_DAY)
    g_date_subtract_days (date, amount);
  else if (grain == CHRONICLE_TIMEX_GRAIN_MONTH && shift > 0)
    g_date_add_months (date, amount);
  else if (grain == CHRONICLE_TIMEX_GRAIN_MONTH)
    g_date_subtract_months (date, amount);
  else if (shift > 0)
    g_date_add_years (date, amount);
  else
    g_date_subtract_years (date, amount);
}

/* "that day", "the month", "the same year", "the following day": the last
 * date mentioned, moved. */
static gboolean
rule_anaphora (Tagger *tg,
               guint   i,
               Match  *m)
{
  guint n = 0;
  int k = lookup_word_phrase (tg, i, chronicle_timex_anaphora_shift, &n);
  const ChronicleToken *unit;
  ChronicleTimexGrain need;
  ChronicleTimex *last = NULL;
  GDate date;
  int shift;

  if (k < 0)
    return FALSE;
  shift = chronicle_timex_anaphora_shift[k].value;
  unit = token_at (tg, i + n);
  if (unit == NULL || !same_sentence (tg, i, i + n))
    return FALSE;
  if (strcmp (unit->lower, "day") == 0)
    need = CHRONICLE_TIMEX_GRAIN_DAY;
  else if (strcmp (unit->lower, "month") == 0)
    need = CHRONICLE_TIMEX_GRAIN_MONTH;
  else if (strcmp (unit->lower, "year") == 0)
    need = CHRONICLE_TIMEX_GRAIN_YEAR;
  else
    return FALSE;
  /* "the day" alone is too often no date at all ("the day's events") */
  if (strcmp (chronicle_timex_anaphora_shift[k].word, "the") == 0 && need == CHRONICLE_TIMEX_GRAIN_DAY)
    return FALSE;

  for (guint f = tg->found->len; f > 0 && tg->found->len - f < LOOK_BACK; f--)
    {
      ChronicleTimex *x = g_ptr_array_index (tg->found, f - 1);
      if (x->grain >= need && x->type != CHRONICLE_TIMEX_DURATION)
        {
          last = x;
          break;
        }
    }
  if (last == NULL)
    {
      /* "the start of the year" with no year named before: this one */
      if (strcmp (chronicle_timex_anaphora_shift[k].word, "the") != 0)
        return FALSE;
      anchor_for (tg, i, &date);
    }
  else
    g_date_set_dmy (&date, MAX (last->day, 1), MAX (last->month, 1), last->year);
  shift_date (&date, need, shift);

  m->n_tokens = n + 1;
  m->grain = need;
  m->year = g_date_get_year (&date);
  m->month = g_date_get_month (&date);
  m->day = g_date_get_day (&date);
  return TRUE;
}

static char *
format_duration (double                    amount,
                 const ChronicleTimexUnit *unit)
{
  g_autofree char *number = NULL;

  if (amount < 0)
    number = g_strdup ("X");
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      number = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", amount * unit->factor));
    }
  return g_strdup_printf ("P%s%s%s", unit->clock ? "T" : "", number, unit->unit);
}

/* Moves @date back by @amount @units, if that stays after year 1. */
static gboolean
subtract_amount (GDate                    *date,
                 const ChronicleTimexUnit *unit,
                 double                    amount)
{
  double years = unit->grain == 1 ? amount * unit->factor : unit->grain == 2 ? amount / 12 :
                 unit->grain == 3 ? amount * 7 * unit->factor / 365 : amount / 365;

  if (years + 2 >= g_date_get_year (date))
    return FALSE;
  switch (unit->grain)
    {
    case 1:
      g_date_subtract_years (date, (guint) (amount * unit->factor));
      break;
    case 2:
      g_date_subtract_months (date, (guint) amount);
      break;
    case 3:
      g_date_subtract_days (date, (guint) (amount * 7 * unit->factor));
      break;
    default:
      g_date_subtract_days (date, (guint) amount);
      break;
    }
  return TRUE;
}

/* "three years", "30-day", "more than two decades", "several months",
 * "the next four years", "two years ago", "minutes", "a year" (a rate). */
static gboolean
rule_duration (Tagger *tg,
               guint   i,
               Match  *m)
{
  guint k = i;
  guint n;
  double amount = 1;
  const ChronicleTimexUnit *unit;
  const ChronicleToken *t;
  gboolean hyphenated = FALSE;
  gboolean the = FALSE;

  if ((token_is (tg, k, "the") || token_is (tg, k, "for")) &&
      (token_is (tg, k + 1, "next") || token_is (tg, k + 1, "past") ||
       token_is (tg, k + 1, "last") || token_is (tg, k + 1, "first") ||
       token_is (tg, k + 1, "coming") || token_is (tg, k + 1, "previous")) &&
      token_is (tg, k, "the"))
    {
      k += 2;
      the = TRUE;
    }

  n = match_amount (tg, k, &amount);
  if (n > 0)
    {
      k += n;
      if (is_dash (tg, k) && glued (tg, k) && glued (tg, k + 1))
        {
          hyphenated = TRUE;
          k++;
        }
    }
  else if (!the)
    {
      /* a bare plural: "minutes before", "for years" */
      t = token_at (tg, k);
      unit = t != NULL ? lookup_unit (t->lower) : NULL;
      if (unit == NULL || t->lower[strlen (t->lower) - 1] != 's')
        return FALSE;
      amount = -1;
    }
  t = token_at (tg, k);
  if (t == NULL || !same_sentence (tg, i, k) || (unit = lookup_unit (t->lower)) == NULL)
    return FALSE;
  /* "a second A380": an ordinal */
  if (strcmp (t->lower, "second") == 0 && n > 0 && token_at (tg, k - 1)->kind == CHRONICLE_TOKEN_WORD)
    return FALSE;
  if (t->capitalised && k > i)
    return FALSE;
  /* "one day" with a (past) verb is a day we cannot place; "a day" after a
   * number is a rate: "15 a year". */
  if (n > 0 && (token_is (tg, i, "a") || token_is (tg, i, "an") || token_is (tg, i, "per")) && i > 0 &&
      token_at (tg, i - 1)->kind == CHRONICLE_TOKEN_NUMBER)
    {
      m->type = CHRONICLE_TIMEX_SET;
      m->value = g_strdup_printf ("P%s1%s", unit->clock ? "T" : "", unit->unit);
      m->n_tokens = k - i + 1;
      return TRUE;
    }
  m->n_tokens = k - i + 1;
  if (hyphenated && token_is (tg, k + 1, "-") && token_is (tg, k + 2, "long"))
    m->n_tokens += 2;

  /* "two years ago": a point */
  if (!hyphenated && !the && token_is (tg, k + 1, "ago") && unit->grain > 0)
    {
      GDate date;
      anchor_for (tg, i, &date);
      m->n_tokens++;
      if (amount < 0)
        {
          m->value = g_strdup ("PAST_REF");
          return TRUE;
        }
      if (!subtract_amount (&date, unit, amount))
        {
          m->value = g_strdup ("PAST_REF");   /* before year 1: no point we can name */
          return TRUE;
        }
      set_day (m, &date);
      m->grain = unit->grain == 1 ? CHRONICLE_TIMEX_GRAIN_YEAR :
                 unit->grain == 2 ? CHRONICLE_TIMEX_GRAIN_MONTH : CHRONICLE_TIMEX_GRAIN_DAY;
      if (unit->grain == 3)
        {
          int year;
          int week;
          iso_week (&date, &year, &week);
          m->value = g_strdup_printf ("%04d-W%02d", year, week);
        }
      return TRUE;
    }

  m->type = CHRONICLE_TIMEX_DURATION;
  m->value = format_duration (amount, unit);
  return TRUE;
}

/* "08:30 UTC", "6:40 p.m.", "10 a.m.": a clock time on the day named in the
 * sentence, else on the anchor. */
static gboolean
rule_clock (Tagger *tg,
            guint   i,
            Match  *m)
{
  const ChronicleToken *t = token_at (tg, i);
  int hour = 0;
  int minute = 0;
  guint k = i + 1;
  gboolean meridian = FALSE;
  const char *zone = "";
  GDate date;

  if (t == NULL || t->kind != CHRONICLE_TOKEN_NUMBER)
    return FALSE;
  if (!(strchr (t->lower, ':') != NULL && sscanf (t->lower, "%d:%d", &hour, &minute) == 2) &&
      !token_integer (tg, i, &hour))
    return FALSE;
  if (token_is (tg, k, "a.m.") || token_is (tg, k, "am") || token_is (tg, k, "p.m.") ||
      token_is (tg, k, "pm"))
    {
      gboolean pm = token_at (tg, k)->lower[0] == 'p';
      meridian = TRUE;
      k++;
      if (hour == 12)
        hour = pm ? 12 : 0;
      else if (pm)
        hour += 12;
    }
  else if (strchr (t->lower, ':') == NULL)
    return FALSE;
  if (hour > 23 || minute > 59 || (!meridian && strlen (t->lower) != 5))
    return FALSE;
  for (guint z = 0; chronicle_timex_zones[z].word != NULL; z++)
    if (token_is (tg, k, chronicle_timex_zones[z].word))
      {
        zone = chronicle_timex_zones[z].value;
        k++;
        break;
      }

  anchor_for (tg, i, &date);
  for (guint f = tg->found->len; f > 0; f--)
    {
      ChronicleTimex *x = g_ptr_array_index (tg->found, f - 1);
      if (!same_sentence (tg, x->first_token, i))
        break;
      if (x->grain == CHRONICLE_TIMEX_GRAIN_DAY)
        {
          g_date_set_dmy (&date, x->day, x->month, x->year);
          break;
        }
    }
  set_day (m, &date);
  m->type = CHRONICLE_TIMEX_TIME;
  m->value = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d%s", m->year, m->month, m->day, hour, minute, zone);
  m->n_tokens = k - i;
  return TRUE;
}

/* "the first quarter of 2024", "Q3", "the second half of the year". */
static gboolean
rule_quarter (Tagger *tg,
              guint   i,
              Match  *m)
{
  guint k = token_is (tg, i, "the") ? i + 1 : i;
  const ChronicleToken *t = token_at (tg, k);
  GDate anchor;
  int ord;
  int year;
  gboolean half;

  if (t == NULL)
    return FALSE;
  ord = lookup_word (chronicle_timex_ordinals, t->lower);
  if (ord < 0 || !(token_is (tg, k + 1, "quarter") || token_is (tg, k + 1, "half")))
    return FALSE;
  half = token_is (tg, k + 1, "half");
  ord = chronicle_timex_ordinals[ord].value;
  if (ord < 0)
    return FALSE;  /* "the last quarter" is rule_relative's */
  if (half && ord > 2)
    return FALSE;
  anchor_for (tg, i, &anchor);
  year = g_date_get_year (&anchor);
  k += 2;
  if (token_is (tg, k, "of") && token_year (tg, k + 1, &year))
    k += 2;
  else if (match_phrase (tg, k, "of the year") == 3 || match_phrase (tg, k, "of this year") == 3)
    k += 3;
  else if (token_year (tg, k, &year))
    k++;
  else if (!half && k - i == 2)
    return FALSE;   /* "first quarter" with no article: a sports quarter too often */
  m->value = g_strdup_printf ("%04d-%s%d", year, half ? "H" : "Q", ord);
  m->grain = CHRONICLE_TIMEX_GRAIN_YEAR;
  m->year = year;
  m->n_tokens = k - i;
  return TRUE;
}

/* "spring 2025", "the summer of 2024", "in the winter". */
static gboolean
rule_season (Tagger *tg,
             guint   i,
             Match  *m)
{
  guint k = token_is (tg, i, "the") ? i + 1 : i;
  const ChronicleToken *t = token_at (tg, k);
  int year = 0;
  guint s;

  if (t == NULL)
    return FALSE;
  for (s = 0; chronicle_timex_seasons[s].word != NULL; s++)
    if (strcmp (t->lower, chronicle_timex_seasons[s].word) == 0)
      break;
  if (chronicle_timex_seasons[s].word == NULL)
    return FALSE;
  if (token_year (tg, k + 1, &year))
    k += 2;
  else if (token_is (tg, k + 1, "of") && token_year (tg, k + 2, &year))
    k += 3;
  else if (k > i && i > 0 && token_is (tg, i - 1, "in") && !token_is (tg, k + 1, "of") &&
           strcmp (t->lower, "fall") != 0)
    {
      GDate anchor;
      anchor_for (tg, i, &anchor);
      year = g_date_get_year (&anchor);
      k++;
    }
  else
    return FALSE;
  m->value = g_strdup_printf ("%04d-%s", year, chronicle_timex_seasons[s].value);
  m->grain = CHRONICLE_TIMEX_GRAIN_YEAR;
  m->year = year;
  m->n_tokens = k - i;
  return TRUE;
}

static gboolean
rule_vague (Tagger *tg,
            guint   i,
            Match  *m)
{
  guint n;
  int k = lookup_symbol_phrase (tg, i, chronicle_timex_vague, &n);

  if (k < 0)
    {
      k = lookup_symbol_phrase (tg, i, chronicle_timex_sets, &n);
      if (k < 0)
        return FALSE;
      m->type = CHRONICLE_TIMEX_SET;
      m->value = g_strdup (chronicle_timex_sets[k].value);
      m->n_tokens = n;
      return TRUE;
    }
  /* "as soon as": a comparison; "now-cancelled", "soon-to-open": part of a
   * word; "in the past decade": a duration's */
  if (i > 0 && token_is (tg, i - 1, "as"))
    return FALSE;
  if (is_dash (tg, i + n) && glued (tg, i + n))
    return FALSE;
  if (token_at (tg, i + n) != NULL && (lookup_unit (token_at (tg, i + n)->lower) != NULL ||
                                       token_at (tg, i + n)->kind == CHRONICLE_TOKEN_NUMBER))
    return FALSE;
  m->value = g_strdup (chronicle_timex_vague[k].value);
  m->n_tokens = n;
  return TRUE;
}

/* Every word a rule may start with, gathered from the tables once: a token
 * outside this set (and not a number) starts no time expression, which
 * spares most tokens the rules' table scans. */
static void
add_first_word (GHashTable *starters,
                const char *phrase)
{
  const char *space = strchr (phrase, ' ');
  g_hash_table_add (starters, space != NULL ? g_strndup (phrase, space - phrase) : g_strdup (phrase));
}

static GHashTable *
get_starters (void)
{
  static GHashTable *starters = NULL;

  if (g_once_init_enter (&starters))
    {
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      const ChronicleTimexWord *words[] = {
        chronicle_timex_months, chronicle_timex_weekdays, chronicle_timex_numbers, chronicle_timex_ordinals,
        chronicle_timex_relative, chronicle_timex_deictic_days, chronicle_timex_anaphora_shift,
      };
      const ChronicleTimexSymbol *symbols[] = {
        chronicle_timex_parts_of_day, chronicle_timex_seasons, chronicle_timex_vague,
        chronicle_timex_modifiers, chronicle_timex_sets,
      };
      static const char * const extra[] = { "the", "for", "tonight", "this", "last", "per", NULL };

      for (guint t = 0; t < G_N_ELEMENTS (words); t++)
        for (guint k = 0; words[t][k].word != NULL; k++)
          add_first_word (set, words[t][k].word);
      for (guint t = 0; t < G_N_ELEMENTS (symbols); t++)
        for (guint k = 0; symbols[t][k].word != NULL; k++)
          add_first_word (set, symbols[t][k].word);
      for (guint k = 0; chronicle_timex_units[k].word != NULL; k++)
        add_first_word (set, chronicle_timex_units[k].word);
      for (guint k = 0; chronicle_timex_vague_amounts[k] != NULL; k++)
        add_first_word (set, chronicle_timex_vague_amounts[k]);
      for (guint k = 0; extra[k] != NULL; k++)
        add_first_word (set, extra[k]);
      g_once_init_leave (&starters, set);
    }
  return starters;
}

static gboolean
may_start (Tagger *tg,
           guint   i)
{
  const ChronicleToken *t = token_at (tg, i);

  if (t->kind == CHRONICLE_TOKEN_NUMBER)
    return TRUE;
  return t->kind == CHRONICLE_TOKEN_WORD && g_hash_table_contains (get_starters (), t->lower);
}

typedef gboolean (*Rule) (Tagger *tg, guint i, Match *m);

static const Rule rules[] = {
  rule_calendar_date, rule_month, rule_weekday, rule_year, rule_deictic, rule_relative,
  rule_anaphora, rule_duration, rule_clock, rule_quarter, rule_season, rule_vague,
};

static void
clear_match (Match *m)
{
  g_clear_pointer (&m->value, g_free);
  memset (m, 0, sizeof *m);
}

/* The longest rule match at @i, or FALSE. */
static gboolean
match_at (Tagger *tg,
          guint   i,
          Match  *best)
{
  memset (best, 0, sizeof *best);
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      Match m = { 0, };
      if (rules[r] (tg, i, &m) && m.n_tokens > best->n_tokens)
        {
          clear_match (best);
          *best = m;
        }
      else
        clear_match (&m);
    }
  return best->n_tokens > 0;
}

static ChronicleTimex *
add_timex (Tagger *tg,
           guint   first,
           guint   last,
           Match  *m)
{
  ChronicleTimex *x = g_new0 (ChronicleTimex, 1);
  const ChronicleToken *t = token_at (tg, first);

  x->first_token = first;
  x->last_token = last;
  x->start = t->start;
  x->end = token_at (tg, last)->end;
  x->type = m->type;
  x->mod = m->mod;
  x->grain = m->grain;
  x->year = m->year;
  x->month = m->month;
  x->day = m->day;
  x->in_quote = t->in_quote;
  x->value = m->value != NULL ? g_steal_pointer (&m->value) : format_point (m);
  if (x->value == NULL)
    x->value = g_strdup ("XXXX-XX-XX");
  g_ptr_array_add (tg->found, x);
  return x;
}

void
chronicle_timex_free (ChronicleTimex *timex)
{
  if (timex == NULL)
    return;
  g_free (timex->value);
  g_free (timex);
}

GPtrArray *
chronicle_timex_tag (const ChronicleArticleText *text,
                     const GDate                *published,
                     const GArray               *quotes)
{
  Tagger tg = { text, quotes, *published, NULL };
  guint i = 0;

  g_return_val_if_fail (g_date_valid (published), NULL);

  tg.found = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_timex_free);
  /* Relative times need room on the calendar around the anchor. */
  if (g_date_get_year (published) < MIN_ANCHOR_YEAR || g_date_get_year (published) > MAX_ANCHOR_YEAR)
    return tg.found;

  while (i < text->tokens->len)
    {
      Match m;
      guint n_mod = 0;
      int mod;
      guint at = i;
      ChronicleTimex *x;

      if (!may_start (&tg, i))
        {
          i++;
          continue;
        }
      mod = lookup_symbol_phrase (&tg, i, chronicle_timex_modifiers, &n_mod);

      /* "more than three years", "early 2009", "mid-2011" */
      if (mod >= 0)
        {
          guint skip = n_mod + (is_dash (&tg, i + n_mod) ? 1 : 0);
          if (same_sentence (&tg, i, i + skip) && match_at (&tg, i + skip, &m))
            {
              m.mod = chronicle_timex_modifiers[mod].value;
              x = add_timex (&tg, i, i + skip + m.n_tokens - 1, &m);
              i = x->last_token + 1;
              continue;
            }
        }
      if (!match_at (&tg, at, &m))
        {
          i++;
          continue;
        }
      x = add_timex (&tg, at, at + m.n_tokens - 1, &m);
      i = x->last_token + 1;
      if (m.range_token > 0)
        {
          Match end = { 0, };
          ChronicleTimex *y;

          end.grain = CHRONICLE_TIMEX_GRAIN_DAY;
          end.year = m.year;
          end.month = m.month;
          end.day = m.range_day;
          y = add_timex (&tg, m.range_token, m.range_token, &end);
          y->range_end = TRUE;
          i = m.range_token + 1;
        }
    }

  return tg.found;
}
