/* chronicle-timex-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "chronicle-article-text-private.h"

G_BEGIN_DECLS

typedef enum
{
  CHRONICLE_TIMEX_DATE,
  CHRONICLE_TIMEX_TIME,
  CHRONICLE_TIMEX_DURATION,
  CHRONICLE_TIMEX_SET,
} ChronicleTimexType;

/* How much of a calendar point a time expression gives: "March 2022" is a
 * month, "two years ago" a year; a duration or "recently" gives none. */
typedef enum
{
  CHRONICLE_TIMEX_GRAIN_NONE,
  CHRONICLE_TIMEX_GRAIN_YEAR,
  CHRONICLE_TIMEX_GRAIN_MONTH,
  CHRONICLE_TIMEX_GRAIN_DAY,
} ChronicleTimexGrain;

typedef struct
{
  guint               start;       /* bytes into the text, end exclusive */
  guint               end;
  guint               first_token;
  guint               last_token;  /* inclusive */
  ChronicleTimexType  type;
  char               *value;       /* TIMEX3 value: "2025-05-15", "2022-03", "P3Y", "PAST_REF" */
  const char         *mod;         /* TIMEX3 mod or NULL; static */
  ChronicleTimexGrain grain;       /* of the calendar point below */
  int                 year;
  int                 month;
  int                 day;
  guint               in_quote : 1;
  guint               range_end : 1; /* the "14" of "May 12-14" */
} ChronicleTimex;

void       chronicle_timex_free (ChronicleTimex             *timex);

GPtrArray *chronicle_timex_tag  (const ChronicleArticleText *text,
                                 const GDate                *published,
                                 const GArray               *quotes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleTimex, chronicle_timex_free)

G_END_DECLS
