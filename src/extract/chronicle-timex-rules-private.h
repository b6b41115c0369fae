/* chronicle-timex-rules-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The time tagger's vocabulary, as data: each table ends with a NULL word.
 * Phrases are lower-case words separated by single spaces and match token by
 * token. Grow the tables, not the code. */

typedef struct
{
  const char *word;
  int         value;
} ChronicleTimexWord;

typedef struct
{
  const char *word;
  const char *value;
} ChronicleTimexSymbol;

typedef struct
{
  const char *word;
  const char *unit;      /* TIMEX3 unit letter: Y M W D H M S */
  int         factor;    /* "decade" is 10 years */
  gboolean    clock;     /* hours, minutes, seconds go after the T */
  int         grain;     /* precision of "N units ago": 1 year, 2 month, 3 week, 4 day */
} ChronicleTimexUnit;

extern const ChronicleTimexWord   chronicle_timex_months[];
extern const ChronicleTimexWord   chronicle_timex_weekdays[];
extern const ChronicleTimexWord   chronicle_timex_numbers[];
extern const ChronicleTimexWord   chronicle_timex_ordinals[];
extern const ChronicleTimexWord   chronicle_timex_relative[];
extern const ChronicleTimexWord   chronicle_timex_deictic_days[];
extern const ChronicleTimexWord   chronicle_timex_anaphora_shift[];
extern const ChronicleTimexUnit   chronicle_timex_units[];
extern const ChronicleTimexSymbol chronicle_timex_parts_of_day[];
extern const ChronicleTimexSymbol chronicle_timex_seasons[];
extern const ChronicleTimexSymbol chronicle_timex_vague[];
extern const ChronicleTimexSymbol chronicle_timex_modifiers[];
extern const ChronicleTimexSymbol chronicle_timex_sets[];
extern const ChronicleTimexSymbol chronicle_timex_zones[];
extern const char * const         chronicle_timex_vague_amounts[];
extern const char * const         chronicle_timex_month_guards[];
extern const char * const         chronicle_timex_year_before[];
extern const char * const         chronicle_timex_day_names[];
extern const char * const         chronicle_timex_future_cues[];
extern const char * const         chronicle_timex_labels[];

G_END_DECLS
