/* chronicle-timex-rules.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-timex-rules-private.h"

/* Written from the TIMEX3 guidelines' list of phenomena (English news); the
 * words and values are ours. */

const ChronicleTimexWord chronicle_timex_months[] = {
  { "january", 1 }, { "jan", 1 }, { "jan.", 1 }, { "february", 2 }, { "feb", 2 }, { "feb.", 2 },
  { "march", 3 }, { "mar.", 3 }, { "april", 4 }, { "apr", 4 }, { "apr.", 4 }, { "may", 5 },
  { "june", 6 }, { "jun.", 6 }, { "july", 7 }, { "jul.", 7 }, { "august", 8 }, { "aug", 8 },
  { "aug.", 8 }, { "september", 9 }, { "sept", 9 }, { "sept.", 9 }, { "sep.", 9 },
  { "october", 10 }, { "oct", 10 }, { "oct.", 10 }, { "november", 11 }, { "nov", 11 },
  { "nov.", 11 }, { "december", 12 }, { "dec", 12 }, { "dec.", 12 },
  { NULL, 0 }
};

/* Values are GDateWeekday. */
const ChronicleTimexWord chronicle_timex_weekdays[] = {
  { "monday", 1 }, { "tuesday", 2 }, { "wednesday", 3 }, { "thursday", 4 }, { "friday", 5 },
  { "saturday", 6 }, { "sunday", 7 },
  { NULL, 0 }
};

const ChronicleTimexWord chronicle_timex_numbers[] = {
  { "a", 1 }, { "an", 1 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
  { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 },
  { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
  { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
  { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
  { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 }, { "hundred", 100 }, { "dozen", 12 },
  { NULL, 0 }
};

const ChronicleTimexWord chronicle_timex_ordinals[] = {
  { "first", 1 }, { "second", 2 }, { "third", 3 }, { "fourth", 4 }, { "final", -1 }, { "last", -1 },
  { NULL, 0 }
};

/* "last week", "next month", "this year": the shift from the anchor. */
const ChronicleTimexWord chronicle_timex_relative[] = {
  { "last", -1 }, { "previous", -1 }, { "next", 1 }, { "coming", 1 }, { "this", 0 },
  { "current", 0 }, { "earlier this", 0 }, { "later this", 0 }, { "early this", 0 },
  { "late this", 0 }, { "earlier in the", 0 },
  { NULL, 0 }
};

const ChronicleTimexWord chronicle_timex_deictic_days[] = {
  { "today", 0 }, { "yesterday", -1 }, { "tomorrow", 1 },
  { NULL, 0 }
};

/* "that day", "the following day": relative to the last date mentioned. */
const ChronicleTimexWord chronicle_timex_anaphora_shift[] = {
  { "the same", 0 }, { "that", 0 }, { "the", 0 }, { "the following", 1 }, { "the next", 1 },
  { "the previous", -1 }, { "the preceding", -1 },
  { NULL, 0 }
};

const ChronicleTimexUnit chronicle_timex_units[] = {
  { "second", "S", 1, TRUE, 0 }, { "seconds", "S", 1, TRUE, 0 },
  { "minute", "M", 1, TRUE, 0 }, { "minutes", "M", 1, TRUE, 0 },
  { "hour", "H", 1, TRUE, 0 }, { "hours", "H", 1, TRUE, 0 },
  { "day", "D", 1, FALSE, 4 }, { "days", "D", 1, FALSE, 4 },
  { "week", "W", 1, FALSE, 3 }, { "weeks", "W", 1, FALSE, 3 },
  { "fortnight", "W", 2, FALSE, 3 },
  { "month", "M", 1, FALSE, 2 }, { "months", "M", 1, FALSE, 2 },
  { "year", "Y", 1, FALSE, 1 }, { "years", "Y", 1, FALSE, 1 },
  { "decade", "Y", 10, FALSE, 1 }, { "decades", "Y", 10, FALSE, 1 },
  { "century", "Y", 100, FALSE, 1 }, { "centuries", "Y", 100, FALSE, 1 },
  { NULL, NULL, 0, FALSE, 0 }
};

const ChronicleTimexSymbol chronicle_timex_parts_of_day[] = {
  { "morning", "MO" }, { "afternoon", "AF" }, { "evening", "EV" }, { "night", "NI" },
  { "overnight", "NI" }, { "midday", "MI" },
  { NULL, NULL }
};

const ChronicleTimexSymbol chronicle_timex_seasons[] = {
  { "spring", "SP" }, { "summer", "SU" }, { "autumn", "FA" }, { "fall", "FA" }, { "winter", "WI" },
  { NULL, NULL }
};

/* Times that name no point on a timeline. */
const ChronicleTimexSymbol chronicle_timex_vague[] = {
  { "now", "PRESENT_REF" }, { "currently", "PRESENT_REF" }, { "at present", "PRESENT_REF" },
  { "nowadays", "PRESENT_REF" }, { "at the moment", "PRESENT_REF" },
  { "recently", "PAST_REF" }, { "more recently", "PAST_REF" }, { "lately", "PAST_REF" },
  { "in the past", "PAST_REF" },
  { "soon", "FUTURE_REF" }, { "in the future", "FUTURE_REF" }, { "the future", "FUTURE_REF" },
  { NULL, NULL }
};

/* Words before a time that bound or blur it (TIMEX3 "mod"). */
const ChronicleTimexSymbol chronicle_timex_modifiers[] = {
  { "more than", "MORE_THAN" }, { "over", "MORE_THAN" }, { "at least", "EQUAL_OR_MORE" },
  { "less than", "LESS_THAN" }, { "under", "LESS_THAN" }, { "nearly", "APPROX" },
  { "almost", "APPROX" }, { "about", "APPROX" }, { "around", "APPROX" }, { "roughly", "APPROX" },
  { "some", "APPROX" }, { "up to", "EQUAL_OR_LESS" }, { "early", "START" }, { "mid", "MID" },
  { "late", "END" }, { "the end of", "END" }, { "the beginning of", "START" },
  { "the start of", "START" }, { "the middle of", "MID" }, { "earlier", NULL },
  { NULL, NULL }
};

const ChronicleTimexSymbol chronicle_timex_sets[] = {
  { "annual", "P1Y" }, { "annually", "P1Y" }, { "yearly", "P1Y" }, { "monthly", "P1M" },
  { "weekly", "P1W" }, { "daily", "P1D" }, { "hourly", "PT1H" },
  { NULL, NULL }
};

const ChronicleTimexSymbol chronicle_timex_zones[] = {
  { "utc", "Z" }, { "gmt", "Z" },
  { NULL, NULL }
};

/* Amounts that leave the number open: "several years" is PXY. */
const char * const chronicle_timex_vague_amounts[] = {
  "several", "a few", "few", "many", "some", "a couple of", NULL
};

/* "May" and "March" are months only after one of these (or before a day or a
 * year): otherwise a verb or a name ("Theresa May"). */
const char * const chronicle_timex_month_guards[] = {
  "in", "since", "until", "till", "by", "from", "through", "during", "before", "after",
  "of", "early", "late", "mid", "last", "next", "this", "that", "each", "every", "on",
  "between", "and", "to", "-", NULL
};

/* A bare four-digit number is a year only after one of these, at the start
 * of a sentence or after punctuation: "Resolution 2231", "Boeing 1500" are
 * names, "1,500 troops" a count. */
const char * const chronicle_timex_year_before[] = {
  "in", "on", "at", "since", "by", "until", "till", "from", "to", "through", "during",
  "before", "after", "of", "for", "around", "circa", "between", "and", "or", "early", "late",
  "mid", "the", "its", "their", "his", "her", "our", "'s", "’s", "(", ",", "spring", "summer",
  "autumn", "fall", "winter", "than", "fiscal", "end", "beginning", "start", "year",
  "throughout", "within", "into", "as", "against", NULL
};

/* Days named after a weekday: "Good Friday Agreement" is no Friday. */
const char * const chronicle_timex_day_names[] = {
  "good", "black", "ash", "holy", "maundy", "super", "cyber", "bloody", "palm", "easter",
  "giving", NULL
};

/* A weekday or a month with one of these in its clause lies ahead. */
const char * const chronicle_timex_future_cues[] = {
  "will", "'ll", "’ll", "shall", "due", "scheduled", "expected", "upcoming", "plans",
  "planned", "going", "next", "set", NULL
};

/* Names that take a number: "Resolution 1701", "Windows 2000", "Flight 1549". */
const char * const chronicle_timex_labels[] = {
  "resolution", "flight", "route", "model", "no.", "number", "article", "section", "chapter",
  "room", "highway", "interstate", "windows", "version", "page", "bill", "series", "boeing",
  "airbus", "office", "class", "type", "unit", "platform", "gate", "line", "bus", "channel",
  "act", "code", "form", "rule", "item", "exhibit", "district", "precinct", "squadron",
  "battalion", "brigade", "division", "regiment", "apollo", "mission", "tu", "an", "il", "su",
  "mig", NULL
};
