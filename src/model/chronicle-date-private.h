/* chronicle-date-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-date.h"

G_BEGIN_DECLS

/* The proleptic Gregorian calendar, astronomical years, for any year
 * within ±CHRONICLE_DATE_YEAR_MAX: GDate and GDateTime stop at 1..9999. */
gint64    chronicle_date_days_from_civil (gint64               year,
                                          int                  month,
                                          int                  day);
void      chronicle_date_civil_from_days (gint64               days,
                                          gint64              *year,
                                          int                 *month,
                                          int                 *day);
/* chronicle_date_format_year(), with enough digits to tell apart the
 * years of an axis whose ticks are @step years apart ("13.79 billion
 * years ago" beside "13.8"), or 3 significant digits when @step is 0. */
char     *chronicle_date_format_year_step (gint64             year,
                                           gint64             step);
/* The count to choose a plural form by for @number as shown ("65"):
 * FALSE for a number with decimals ("13.8"), which has none. */
gboolean  chronicle_date_plural_count    (const char          *number,
                                          gulong              *count);
/* @format, in g_date_time_format() syntax without weekdays, applied to
 * @date's fields whatever its year; %Y is chronicle_date_format_year(). */
char     *chronicle_date_format_custom   (const ChronicleDate *date,
                                          const char          *format);

G_END_DECLS
