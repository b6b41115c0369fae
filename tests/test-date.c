/* test-date.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "chronicle-date.h"
#include "chronicle-date-private.h"

/* Unix seconds of a wall-clock time at @utc_offset seconds east of UTC,
 * computed by GLib: an independent check of the date arithmetic. */
static gint64
unix_time (int year,
           int month,
           int day,
           int hour,
           int minute,
           int second,
           int utc_offset)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (utc_offset);
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, hour, minute, second);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

static ChronicleDate
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  ChronicleDate date;

  if (!chronicle_date_parse (text, &date, &error))
    g_error ("could not parse %s: %s", text, error->message);
  g_assert_no_error (error);
  return date;
}

static void
test_parse_precisions (void)
{
  static const struct {
    const char *text;
    ChronicleDatePrecision precision;
    int year, month, day, hour, minute, second;
  } cases[] = {
    { "2022", CHRONICLE_DATE_PRECISION_YEAR, 2022, 1, 1, 0, 0, 0 },
    { "2022-03", CHRONICLE_DATE_PRECISION_MONTH, 2022, 3, 1, 0, 0, 0 },
    { "2022-03-29", CHRONICLE_DATE_PRECISION_DAY, 2022, 3, 29, 0, 0, 0 },
    { "2025-05-16T10:30", CHRONICLE_DATE_PRECISION_MINUTE, 2025, 5, 16, 10, 30, 0 },
    { "2025-05-16T10:30:05", CHRONICLE_DATE_PRECISION_SECOND, 2025, 5, 16, 10, 30, 5 },
    { "2025-05-16T23:59:59", CHRONICLE_DATE_PRECISION_SECOND, 2025, 5, 16, 23, 59, 59 },
    { "0001-01-01", CHRONICLE_DATE_PRECISION_DAY, 1, 1, 1, 0, 0, 0 },
    { "9999-12", CHRONICLE_DATE_PRECISION_MONTH, 9999, 12, 1, 0, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleDate date = parse_ok (cases[i].text);
      g_autofree char *iso = NULL;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (date.precision, ==, cases[i].precision);
      g_assert_cmpint (date.year, ==, cases[i].year);
      g_assert_cmpint (date.month, ==, cases[i].month);
      g_assert_cmpint (date.day, ==, cases[i].day);
      g_assert_cmpint (date.hour, ==, cases[i].hour);
      g_assert_cmpint (date.minute, ==, cases[i].minute);
      g_assert_cmpint (date.second, ==, cases[i].second);
      g_assert_false (date.has_offset);

      iso = chronicle_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].text);
    }
}

static void
test_parse_offsets (void)
{
  static const struct {
    const char *text;
    int utc_offset;
    const char *iso;
  } cases[] = {
    { "2025-05-16T10:30Z", 0, "2025-05-16T10:30Z" },
    { "2025-05-16T10:30+00:00", 0, "2025-05-16T10:30Z" },
    { "2025-05-16T10:30+03:00", 3 * 3600, "2025-05-16T10:30+03:00" },
    { "2025-05-16T10:30+0300", 3 * 3600, "2025-05-16T10:30+03:00" },
    { "2025-05-16T10:30-05:00", -5 * 3600, "2025-05-16T10:30-05:00" },
    { "2025-05-16T10:30+05:30", 5 * 3600 + 30 * 60, "2025-05-16T10:30+05:30" },
    { "2025-05-16T10:30-09:30", -(9 * 3600 + 30 * 60), "2025-05-16T10:30-09:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleDate date = parse_ok (cases[i].text);
      g_autofree char *iso = chronicle_date_to_iso (&date);

      g_test_message ("%s", cases[i].text);
      g_assert_true (date.has_offset);
      g_assert_cmpint (date.utc_offset, ==, cases[i].utc_offset);
      g_assert_cmpint (date.precision, ==, CHRONICLE_DATE_PRECISION_MINUTE);
      /* The wall clock stays as written... */
      g_assert_cmpint (date.hour, ==, 10);
      g_assert_cmpint (date.minute, ==, 30);
      /* ...and the axis position is the instant it denotes. */
      g_assert_cmpint (chronicle_date_get_start (&date), ==,
                       unix_time (2025, 5, 16, 10, 30, 0, cases[i].utc_offset));
      g_assert_cmpint (chronicle_date_get_end (&date), ==,
                       unix_time (2025, 5, 16, 10, 31, 0, cases[i].utc_offset));
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
}

static void
test_offset_moves_instant (void)
{
  ChronicleDate utc = parse_ok ("2025-05-16T10:30:00Z");
  ChronicleDate kyiv = parse_ok ("2025-05-16T13:30:00+03:00");
  ChronicleDate new_york = parse_ok ("2025-05-16T05:30:00-05:00");
  ChronicleDate floating = parse_ok ("2025-05-16T10:30:00");

  g_assert_cmpint (chronicle_date_get_start (&utc), ==, chronicle_date_get_start (&kyiv));
  g_assert_cmpint (chronicle_date_get_start (&utc), ==, chronicle_date_get_start (&new_york));
  /* Floating dates are placed as if they were UTC. */
  g_assert_cmpint (chronicle_date_get_start (&utc), ==, chronicle_date_get_start (&floating));

  /* The same instant, written differently: ordered equal, not equal. */
  g_assert_cmpint (chronicle_date_compare (&utc, &kyiv), ==, 0);
  g_assert_false (chronicle_date_equal (&utc, &kyiv));
  g_assert_false (chronicle_date_equal (&utc, &floating));

  /* An absent date (no end) equals only another absent one. */
  g_assert_true (chronicle_date_equal (NULL, NULL));
  g_assert_false (chronicle_date_equal (&utc, NULL));
  g_assert_false (chronicle_date_equal (NULL, &utc));
}

static void
test_leap_years (void)
{
  static const struct {
    const char *text;
    gboolean valid;
  } cases[] = {
    { "2024-02-29", TRUE },
    { "2000-02-29", TRUE },
    { "2023-02-29", FALSE },
    { "2100-02-29", FALSE },
    { "1900-02-29", FALSE },
    { "2024-02-30", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ChronicleDate date;
      gboolean ok = chronicle_date_parse (cases[i].text, &date, &error);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].valid);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpint (chronicle_date_get_start (&date), ==,
                           unix_time (date.year, 2, 29, 0, 0, 0, 0));
          g_assert_cmpint (chronicle_date_get_end (&date), ==,
                           unix_time (date.year, 3, 1, 0, 0, 0, 0));
        }
      else
        {
          g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
        }
    }

  /* A leap February is a 29-day span. */
  {
    ChronicleDate february = parse_ok ("2024-02");

    g_assert_cmpint (chronicle_date_get_end (&february) - chronicle_date_get_start (&february),
                     ==, 29 * 86400);
  }
}

static void
test_invalid (void)
{
  static const struct {
    const char *text;
    ChronicleDateError code;
    const char *message;  /* exact, in the C locale */
  } cases[] = {
    { "16 May 2025", CHRONICLE_DATE_ERROR_SYNTAX,
      "\"16 May 2025\" is not an ISO 8601 date (expected YYYY, YYYY-MM, YYYY-MM-DD or "
      "YYYY-MM-DDThh:mm[:ss] with optional Z or ±hh:mm)" },
    { "2022-02-30", CHRONICLE_DATE_ERROR_INVALID,
      "2022-02-30 does not exist: February 2022 has 28 days" },
    { "2022-04-31", CHRONICLE_DATE_ERROR_INVALID,
      "2022-04-31 does not exist: April 2022 has 30 days" },
    { "2022-13", CHRONICLE_DATE_ERROR_INVALID,
      "2022-13 does not exist: there is no month 13" },
    { "2022-00-10", CHRONICLE_DATE_ERROR_INVALID,
      "2022-00-10 does not exist: there is no month 0" },
    { "2022-03-00", CHRONICLE_DATE_ERROR_INVALID,
      "2022-03-00 does not exist: there is no day 0" },
    { "2025-05-16T24:00", CHRONICLE_DATE_ERROR_INVALID,
      "2025-05-16T24:00 does not exist: hour 24 is out of range (00–23)" },
    { "2025-05-16T10:60", CHRONICLE_DATE_ERROR_INVALID,
      "2025-05-16T10:60 does not exist: minute 60 is out of range (00–59)" },
    { "2025-05-16T10:30:60", CHRONICLE_DATE_ERROR_INVALID,
      "2025-05-16T10:30:60 does not exist: second 60 is out of range (00–59)" },
    { "2025-05-16T10:30+19:00", CHRONICLE_DATE_ERROR_INVALID,
      "2025-05-16T10:30+19:00 does not exist: UTC offset +19:00 is out of range (at most ±18:00)" },
    { "2025-05-16T10:30-03:75", CHRONICLE_DATE_ERROR_INVALID,
      "2025-05-16T10:30-03:75 does not exist: UTC offset -03:75 is out of range (at most ±18:00)" },
    { "-100000000001", CHRONICLE_DATE_ERROR_INVALID,
      "-100000000001 is not supported: years reach 100 billion before and after year 0" },
    { "-13800000000-01", CHRONICLE_DATE_ERROR_INVALID,
      "-13800000000-01 is not supported: a year a million or more from year 0 has no month or day" },
    /* What was read is quoted as one line of text (issue #10, item 12). */
    { "2025\n2025-05-16: valid", CHRONICLE_DATE_ERROR_SYNTAX,
      "\"2025\\n2025-05-16: valid\" is not an ISO 8601 date (expected YYYY, YYYY-MM, YYYY-MM-DD or "
      "YYYY-MM-DDThh:mm[:ss] with optional Z or ±hh:mm)" },
    { "\033[31m\xff", CHRONICLE_DATE_ERROR_SYNTAX,
      "\"\\u{001B}[31m\\x{FF}\" is not an ISO 8601 date (expected YYYY, YYYY-MM, YYYY-MM-DD or "
      "YYYY-MM-DDThh:mm[:ss] with optional Z or ±hh:mm)" },
  };
  /* Shapes that are refused as syntax errors (message checked above). */
  static const char * const syntax[] = {
    "", "22", "20220", "2022-3", "2022-03-1", "2022/03/29", "2022-03-29 10:30",
    "2022-03-29T10", "2022-03-29T10:3", "2022-03-29T10:30:5", "2022-03-29Z",
    "2022-03-29T10:30+3", "2022-03-29T10:30+03:0", "2022-03-29T10:30Zx",
    "2022-03-29T10:30:00.5", " 2022", "2022 ", "-202", "+22-03", "-12345678901234", "--2022",
    "12022", "- 2022", "+-2022",
    "2022-03-29T10:30+03:00:00", "twenty-twenty", "2022-03-29T10:30GMT",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ChronicleDate date = { .year = 1234 };

      g_test_message ("%s", cases[i].text);
      g_assert_false (chronicle_date_parse (cases[i].text, &date, &error));
      g_assert_error (error, CHRONICLE_DATE_ERROR, (int) cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      /* Untouched on error. */
      g_assert_cmpint (date.year, ==, 1234);
    }

  for (guint i = 0; i < G_N_ELEMENTS (syntax); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", syntax[i]);
      ChronicleDate date;

      g_test_message ("\"%s\"", syntax[i]);
      g_assert_false (chronicle_date_parse (syntax[i], &date, &error));
      g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX);
      /* The message quotes the input so the user can find it. */
      g_assert_true (g_str_has_prefix (error->message, quoted));
    }
}

/* What a date entry of the editor accepts: the file's ISO forms and the
 * same dates in words (issue #13). */
static void
test_parse_input (void)
{
  static const struct {
    const char *text;
    const char *iso;      /* what it means, as the file writes it */
    ChronicleDatePrecision precision;
  } cases[] = {
    { "2022", "2022", CHRONICLE_DATE_PRECISION_YEAR },
    { "2022-03", "2022-03", CHRONICLE_DATE_PRECISION_MONTH },
    { "2025-05-16", "2025-05-16", CHRONICLE_DATE_PRECISION_DAY },
    { "2025-05-16T10:30+03:00", "2025-05-16T10:30+03:00", CHRONICLE_DATE_PRECISION_MINUTE },
    { "  2025-05-16  ", "2025-05-16", CHRONICLE_DATE_PRECISION_DAY },
    { "March 2022", "2022-03", CHRONICLE_DATE_PRECISION_MONTH },
    { "mar 2022", "2022-03", CHRONICLE_DATE_PRECISION_MONTH },
    { "Sept. 2022", "2022-09", CHRONICLE_DATE_PRECISION_MONTH },
    { "16 May 2025", "2025-05-16", CHRONICLE_DATE_PRECISION_DAY },
    { "May 16, 2025", "2025-05-16", CHRONICLE_DATE_PRECISION_DAY },
    { "16th May 2025", "2025-05-16", CHRONICLE_DATE_PRECISION_DAY },
    { "1 February 2024", "2024-02-01", CHRONICLE_DATE_PRECISION_DAY },
    { "16 May 2025 10:30", "2025-05-16T10:30", CHRONICLE_DATE_PRECISION_MINUTE },
    { "16 May 2025 at 9:05:07", "2025-05-16T09:05:07", CHRONICLE_DATE_PRECISION_SECOND },
    { "16 May 2025 10:30 +03:00", "2025-05-16T10:30+03:00", CHRONICLE_DATE_PRECISION_MINUTE },
    { "16 May 2025 10:30 -0530", "2025-05-16T10:30-05:30", CHRONICLE_DATE_PRECISION_MINUTE },
    { "16 May 2025, 10:30 UTC+3", "2025-05-16T10:30+03:00", CHRONICLE_DATE_PRECISION_MINUTE },
    { "16 May 2025 10:30 UTC", "2025-05-16T10:30Z", CHRONICLE_DATE_PRECISION_MINUTE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      ChronicleDate date;

      g_test_message ("%s", cases[i].text);
      g_assert_true (chronicle_date_parse_input (cases[i].text, &date, &error));
      g_assert_no_error (error);
      iso = chronicle_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, cases[i].iso);
      g_assert_cmpint (date.precision, ==, cases[i].precision);
    }
}

static void
test_parse_input_invalid (void)
{
  static const struct {
    const char *text;
    ChronicleDateError code;
    const char *message;  /* exact, in the C locale */
  } cases[] = {
    { "", CHRONICLE_DATE_ERROR_SYNTAX,
      "Enter a date, such as “16 May 2025”, “March 2022” or “2022-03”" },
    { "30 February 2022", CHRONICLE_DATE_ERROR_INVALID,
      "2022-02-30 does not exist: February 2022 has 28 days" },
    { "2022-02-30", CHRONICLE_DATE_ERROR_INVALID,
      "2022-02-30 does not exist: February 2022 has 28 days" },
    { "16 Mayy 2025", CHRONICLE_DATE_ERROR_SYNTAX,
      "“16 Mayy 2025” is not a date: “Mayy” is not a month" },
    { "16 May", CHRONICLE_DATE_ERROR_SYNTAX,
      "“16 May” is not a date: it has no four-digit year" },
    { "16 2025", CHRONICLE_DATE_ERROR_SYNTAX,
      "“16 2025” is not a date: a day needs a month" },
    { "May 2025 10:30", CHRONICLE_DATE_ERROR_SYNTAX,
      "“May 2025 10:30” is not a date: a time needs a day" },
    { "16 May 2025 10:30 +19:00", CHRONICLE_DATE_ERROR_SYNTAX,
      "“16 May 2025 10:30 +19:00” is not a date: a UTC offset is written ±hh:mm, at most ±18:00" },
    { "16 May 2025 25:00", CHRONICLE_DATE_ERROR_INVALID,
      "2025-05-16T25:00 does not exist: hour 25 is out of range (00–23)" },
    { "May June 2025", CHRONICLE_DATE_ERROR_SYNTAX,
      "“May June 2025” is not a date: it names two months" },
    { "16 May 202", CHRONICLE_DATE_ERROR_SYNTAX,
      "“16 May 202” is not a date: 202 is neither a day (1–31) nor a four-digit year" },
    { "16/05/2025", CHRONICLE_DATE_ERROR_SYNTAX,
      "“16/05/2025” is not a date: it holds a character that is not part of a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      ChronicleDate date = { .year = 1234 };

      g_test_message ("%s", cases[i].text);
      g_assert_false (chronicle_date_parse_input (cases[i].text, &date, &error));
      g_assert_error (error, CHRONICLE_DATE_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (date.year, ==, 1234);
    }
}

/* Dragging an event on the chart moves it by whole units of its
 * precision (issue #13). */
static void
test_shift (void)
{
  static const struct {
    const char *from;
    double      seconds;
    const char *to;
  } cases[] = {
    { "2025-05-16", 86400.0 * 2.6, "2025-05-19" },
    { "2025-05-16", 86400.0 * 0.4, "2025-05-16" },
    { "2025-05-16", -86400.0 * 16.0, "2025-04-30" },
    { "2024-02-28", 86400.0, "2024-02-29" },
    { "2025-12-31", 86400.0, "2026-01-01" },
    { "2022-03", 86400.0 * 40.0, "2022-04" },
    { "2022-03", 86400.0 * 10.0, "2022-03" },
    { "2022-03", -86400.0 * 95.0, "2021-12" },
    { "2022", 86400.0 * 400.0, "2023" },
    { "2022", -86400.0 * 100.0, "2022" },
    { "2025-05-16T23:50+03:00", 60.0 * 20.4, "2025-05-17T00:10+03:00" },
    { "2025-05-16T10:30:05", -6.0, "2025-05-16T10:29:59" },
    { "0001-01-01", -3600.0, "0001-01-01" },
  };
  g_autoptr(GError) error = NULL;
  ChronicleDate date, moved = { .year = 4321 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;

      g_test_message ("%s + %g s", cases[i].from, cases[i].seconds);
      date = parse_ok (cases[i].from);
      g_assert_true (chronicle_date_shift (&date, cases[i].seconds, &moved, &error));
      g_assert_no_error (error);
      iso = chronicle_date_to_iso (&moved);
      g_assert_cmpstr (iso, ==, cases[i].to);
      g_assert_cmpint (moved.precision, ==, date.precision);
    }

  /* Across year 0: 1 January 1 AD less a day is 31 December 1 BC. */
  date = parse_ok ("0001-01-01");
  g_assert_true (chronicle_date_shift (&date, -86400.0, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (moved.year, ==, 0);
  g_assert_cmpint (moved.month, ==, 12);
  g_assert_cmpint (moved.day, ==, 31);

  /* Out of what the format holds (a day a million years away):
   * refused, result untouched. */
  date = parse_ok ("+999999-12-31");
  moved.year = 4321;
  g_assert_false (chronicle_date_shift (&date, 86400.0, &moved, &error));
  g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
  g_assert_cmpint (moved.year, ==, 4321);
  g_clear_error (&error);
  date = parse_ok ("+99999999999");
  g_assert_false (chronicle_date_shift (&date, 1e300, &moved, &error));
  g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
}

static void
test_init (void)
{
  g_autoptr(GError) error = NULL;
  ChronicleDate date, parsed;

  /* Fields finer than the precision are ignored. */
  g_assert_true (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_MONTH, 2022, 3, 29, 10, 30, 5, &error));
  g_assert_no_error (error);
  parsed = parse_ok ("2022-03");
  g_assert_true (chronicle_date_equal (&date, &parsed));

  g_assert_true (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_SECOND, 2025, 5, 16, 10, 30, 5, &error));
  g_assert_no_error (error);
  parsed = parse_ok ("2025-05-16T10:30:05");
  g_assert_true (chronicle_date_equal (&date, &parsed));

  g_assert_false (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_DAY, 2023, 2, 29, 0, 0, 0, &error));
  g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "2023-02-29 does not exist: February 2023 has 28 days");
  g_clear_error (&error);

  g_assert_false (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_MINUTE, 2023, 2, 1, 25, 0, 0, &error));
  g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_YEAR, CHRONICLE_DATE_YEAR_MAX + 1,
                                       1, 1, 0, 0, 0, &error));
  g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_MONTH, -CHRONICLE_DATE_DEEP_YEAR,
                                       3, 1, 0, 0, 0, &error));
  g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_YEAR, -CHRONICLE_DATE_YEAR_MAX,
                                      1, 1, 0, 0, 0, &error));
  g_assert_no_error (error);
}

/* ISO 8601 expanded years, astronomical numbering (issue #14): read,
 * written back as they were, placed on the axis, and named as people
 * read them. The instants are checked against the Fliegel–Van Flandern
 * Julian day formula, computed apart from Chronicle. */
static void
test_expanded_years (void)
{
  static const struct {
    const char *text;
    gint64 year;
    ChronicleDatePrecision precision;
    const char *shown;
    gint64 start;
  } cases[] = {
    { "-0043-03-15", -43, CHRONICLE_DATE_PRECISION_DAY, "15 March 44 BC", G_GINT64_CONSTANT (-63517824000) },
    { "-0043", -43, CHRONICLE_DATE_PRECISION_YEAR, "44 BC", 0 },
    { "0000", 0, CHRONICLE_DATE_PRECISION_YEAR, "1 BC", 0 },
    { "-11999", -11999, CHRONICLE_DATE_PRECISION_YEAR, "12\u202F000 BC", 0 },
    { "+12000-06", 12000, CHRONICLE_DATE_PRECISION_MONTH, "June 12\u202F000", 0 },
    { "-0043-03-15T10:30Z", -43, CHRONICLE_DATE_PRECISION_MINUTE, "15 March 44 BC, 10:30 UTC", 0 },
    { "-65999999", -65999999, CHRONICLE_DATE_PRECISION_YEAR, "66 million years ago", 0 },
    { "-13800000000", G_GINT64_CONSTANT (-13800000000), CHRONICLE_DATE_PRECISION_YEAR,
      "13.8 billion years ago", G_GINT64_CONSTANT (-435485999767219200) },
    { "+5000000000", G_GINT64_CONSTANT (5000000000), CHRONICLE_DATE_PRECISION_YEAR,
      "5 billion years from now", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleDate date = parse_ok (cases[i].text);
      g_autofree char *iso = chronicle_date_to_iso (&date);
      g_autofree char *shown = chronicle_date_format (&date);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (date.year, ==, cases[i].year);
      g_assert_cmpint (date.precision, ==, cases[i].precision);
      g_assert_cmpstr (iso, ==, cases[i].text);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      if (cases[i].start != 0)
        g_assert_cmpint (chronicle_date_get_start (&date), ==, cases[i].start);
      g_assert_cmpint (chronicle_date_get_end (&date), >, chronicle_date_get_start (&date));
    }

  /* Year 0 (1 BC) is a leap year; so is -13 800 000 000 (a multiple of 400). */
  {
    ChronicleDate zero = parse_ok ("0000");
    ChronicleDate big_bang = parse_ok ("-13800000000");
    ChronicleDate one = parse_ok ("0001");

    g_assert_cmpint (chronicle_date_get_end (&zero) - chronicle_date_get_start (&zero), ==, 366 * 86400);
    g_assert_cmpint (chronicle_date_get_end (&big_bang) - chronicle_date_get_start (&big_bang), ==, 366 * 86400);
    g_assert_cmpint (chronicle_date_get_end (&zero), ==, chronicle_date_get_start (&one));
    g_assert_cmpint (chronicle_date_compare (&big_bang, &zero), <, 0);
  }

  /* "+2022" is 2022; a range within a BC year shares it. */
  {
    ChronicleDate plus = parse_ok ("+2022");
    ChronicleDate plain = parse_ok ("2022");
    ChronicleDate ides = parse_ok ("-0043-03-15");
    ChronicleDate later = parse_ok ("-0043-03-17");
    g_autofree char *range = chronicle_date_format_range (&ides, &later);

    g_assert_true (chronicle_date_equal (&plus, &plain));
    g_assert_cmpstr (range, ==, "15–17 March 44 BC");
  }

  /* Axis ticks: enough digits to tell them apart, counted out when only
   * years apart. */
  {
    static const struct { gint64 year; gint64 step; const char *text; } ticks[] = {
      { G_GINT64_CONSTANT (-13790000000), 10000000, "13.79 billion years ago" },
      { G_GINT64_CONSTANT (-12999999999), 1000000000, "13 billion years ago" },
      { G_GINT64_CONSTANT (-13800000005), 1, "13\u202F800\u202F000\u202F006 years ago" },
      { -64999999, 1000000, "65 million years ago" },
      { -499, 100, "500 BC" },
      { 2000000001, 1000000000, "2 billion years from now" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ticks); i++)
      {
        g_autofree char *text = chronicle_date_format_year_step (ticks[i].year, ticks[i].step);

        g_assert_cmpstr (text, ==, ticks[i].text);
      }
  }

  /* The extremes, written and read back. */
  for (int sign = -1; sign <= 1; sign += 2)
    {
      ChronicleDate date, back;
      g_autofree char *iso = NULL;

      g_assert_true (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_YEAR, sign * CHRONICLE_DATE_YEAR_MAX,
                                          1, 1, 0, 0, 0, NULL));
      iso = chronicle_date_to_iso (&date);
      back = parse_ok (iso);
      g_assert_true (chronicle_date_equal (&date, &back));
      g_assert_cmpint (sign * chronicle_date_get_start (&date), >, 0);
    }
}

static void
test_span (void)
{
  static const struct {
    const char *text;
    int start[6];
    int end[6];
  } cases[] = {
    { "2022", { 2022, 1, 1, 0, 0, 0 }, { 2023, 1, 1, 0, 0, 0 } },
    { "2024", { 2024, 1, 1, 0, 0, 0 }, { 2025, 1, 1, 0, 0, 0 } },
    { "2022-03", { 2022, 3, 1, 0, 0, 0 }, { 2022, 4, 1, 0, 0, 0 } },
    { "2022-12", { 2022, 12, 1, 0, 0, 0 }, { 2023, 1, 1, 0, 0, 0 } },
    { "2023-02", { 2023, 2, 1, 0, 0, 0 }, { 2023, 3, 1, 0, 0, 0 } },
    { "2022-03-29", { 2022, 3, 29, 0, 0, 0 }, { 2022, 3, 30, 0, 0, 0 } },
    { "2022-12-31", { 2022, 12, 31, 0, 0, 0 }, { 2023, 1, 1, 0, 0, 0 } },
    { "2025-05-16T10:30", { 2025, 5, 16, 10, 30, 0 }, { 2025, 5, 16, 10, 31, 0 } },
    { "2025-05-16T23:59", { 2025, 5, 16, 23, 59, 0 }, { 2025, 5, 17, 0, 0, 0 } },
    { "2025-05-16T10:30:05", { 2025, 5, 16, 10, 30, 5 }, { 2025, 5, 16, 10, 30, 6 } },
    { "1969-12-31", { 1969, 12, 31, 0, 0, 0 }, { 1970, 1, 1, 0, 0, 0 } },
    { "1066-10-14", { 1066, 10, 14, 0, 0, 0 }, { 1066, 10, 15, 0, 0, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleDate date = parse_ok (cases[i].text);
      const int *s = cases[i].start, *e = cases[i].end;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (chronicle_date_get_start (&date), ==, unix_time (s[0], s[1], s[2], s[3], s[4], s[5], 0));
      g_assert_cmpint (chronicle_date_get_end (&date), ==, unix_time (e[0], e[1], e[2], e[3], e[4], e[5], 0));
    }
}

/* Random dates across the whole supported range: the plain arithmetic
 * must agree with GLib, and text must round-trip. */
static void
test_random_round_trip (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;
      ChronicleDatePrecision precision = g_test_rand_int_range (0, CHRONICLE_DATE_PRECISION_SECOND + 1);
      int year = g_test_rand_int_range (1, 10000);
      int month = g_test_rand_int_range (1, 13);
      int day = g_test_rand_int_range (1, g_date_get_days_in_month (month, year) + 1);
      int hour = g_test_rand_int_range (0, 24);
      int minute = g_test_rand_int_range (0, 60);
      int second = g_test_rand_int_range (0, 60);
      ChronicleDate date, parsed;

      g_assert_true (chronicle_date_init (&date, precision, year, month, day, hour, minute, second, &error));
      g_assert_no_error (error);

      if (precision >= CHRONICLE_DATE_PRECISION_MINUTE && g_test_rand_bit ())
        {
          /* Stay inside GDateTime's range at the ends of the calendar. */
          date.has_offset = TRUE;
          date.utc_offset = (year == 1 ? -1 : year == 9999 ? 1 : g_test_rand_bit () ? 1 : -1)
                            * g_test_rand_int_range (0, 18 * 4 + 1) * 15 * 60;
        }

      iso = chronicle_date_to_iso (&date);
      g_assert_true (chronicle_date_parse (iso, &parsed, &error));
      g_assert_no_error (error);
      g_assert_true (chronicle_date_equal (&date, &parsed));
      g_assert_cmpint (chronicle_date_compare (&date, &parsed), ==, 0);

      g_assert_cmpint (chronicle_date_get_start (&date), ==,
                       unix_time (date.year, date.month, date.day,
                                  date.hour, date.minute, date.second,
                                  date.has_offset ? date.utc_offset : 0));
      g_assert_cmpint (chronicle_date_get_end (&date), >, chronicle_date_get_start (&date));
    }
}

static void
test_format (void)
{
  static const struct {
    const char *text;
    const char *formatted;
  } cases[] = {
    { "2022", "2022" },
    { "2022-03", "March 2022" },
    { "2022-02-24", "24 February 2022" },
    { "2022-02-04", "4 February 2022" },
    { "2025-05-16T10:30", "16 May 2025, 10:30" },
    { "2025-05-16T09:05:07", "16 May 2025, 09:05:07" },
    { "2025-05-16T10:30+03:00", "16 May 2025, 10:30 UTC+3" },
    { "2025-05-16T10:30Z", "16 May 2025, 10:30 UTC" },
    { "2025-05-16T10:30:05-05:00", "16 May 2025, 10:30:05 UTC-5" },
    { "2025-05-16T10:30+05:30", "16 May 2025, 10:30 UTC+5:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleDate date = parse_ok (cases[i].text);
      g_autofree char *formatted = chronicle_date_format (&date);

      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

static void
test_format_range (void)
{
  static const struct {
    const char *start;
    const char *end;
    const char *formatted;
  } cases[] = {
    { "2022-02-24", "2022-03-03", "24 February – 3 March 2022" },
    { "2022-02-24", "2022-02-28", "24–28 February 2022" },
    { "2021-12-30", "2022-01-02", "30 December 2021 – 2 January 2022" },
    { "2022-03", "2022-05", "March – May 2022" },
    { "2021", "2023", "2021 – 2023" },
    { "2022-03", "2022-04-15", "March 2022 – 15 April 2022" },
    { "2025-05-16T10:30", "2025-05-16T12:00", "16 May 2025, 10:30 – 16 May 2025, 12:00" },
    { "2022-02-24", "2022-02-24", "24 February 2022" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleDate start = parse_ok (cases[i].start);
      ChronicleDate end = parse_ok (cases[i].end);
      g_autofree char *formatted = chronicle_date_format_range (&start, &end);

      g_assert_cmpstr (formatted, ==, cases[i].formatted);
    }
}

static void
test_compare (void)
{
  /* In the expected order: by start, then the shorter span first. */
  static const char * const ordered[] = {
    "2021-12-31T23:59:59",
    "2022-01-01T00:00:00",
    "2022-01-01T00:00",
    "2022-01-01",
    "2022-01",
    "2022",
    "2022-01-01T00:00:01",
    "2022-01-01T03:00+01:00",
    "2022-01-02",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
      {
        ChronicleDate a = parse_ok (ordered[i]);
        ChronicleDate b = parse_ok (ordered[j]);
        int cmp = chronicle_date_compare (&a, &b);

        if (i < j)
          g_assert_cmpint (cmp, <, 0);
        else if (i > j)
          g_assert_cmpint (cmp, >, 0);
        else
          g_assert_cmpint (cmp, ==, 0);
        g_assert_cmpint (chronicle_date_equal (&a, &b), ==, i == j);
      }
}

static void
test_boxed (void)
{
  ChronicleDate date = parse_ok ("2025-05-16T10:30+03:00");
  g_autoptr(ChronicleDate) copy = chronicle_date_copy (&date);
  ChronicleDate *boxed;

  g_assert_true (chronicle_date_equal (&date, copy));

  boxed = g_boxed_copy (CHRONICLE_TYPE_DATE, copy);
  g_assert_true (boxed != copy);
  g_assert_true (chronicle_date_equal (boxed, copy));
  g_boxed_free (CHRONICLE_TYPE_DATE, boxed);
}

/* The name the axis and the sidebar give a fixed zone. */
static void
test_format_zone (void)
{
  const struct { int offset; const char *name; } cases[] = {
    { 0, "UTC" }, { 3 * 3600, "UTC+3" }, { -5 * 3600, "UTC-5" },
    { 5 * 3600 + 30 * 60, "UTC+5:30" }, { -(9 * 3600 + 30 * 60), "UTC-9:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = chronicle_date_format_zone (cases[i].offset);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/precisions", test_parse_precisions);
  g_test_add_func ("/date/parse/offsets", test_parse_offsets);
  g_test_add_func ("/date/parse/offset-moves-instant", test_offset_moves_instant);
  g_test_add_func ("/date/parse/leap-years", test_leap_years);
  g_test_add_func ("/date/parse/invalid", test_invalid);
  g_test_add_func ("/date/parse-input", test_parse_input);
  g_test_add_func ("/date/parse-input/invalid", test_parse_input_invalid);
  g_test_add_func ("/date/shift", test_shift);
  g_test_add_func ("/date/init", test_init);
  g_test_add_func ("/date/expanded-years", test_expanded_years);
  g_test_add_func ("/date/span", test_span);
  g_test_add_func ("/date/random-round-trip", test_random_round_trip);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/format-range", test_format_range);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/boxed", test_boxed);
  g_test_add_func ("/date/format-zone", test_format_zone);

  return g_test_run ();
}
