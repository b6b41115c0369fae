/* chronicle-date.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-date"

#include "config.h"

#include "chronicle-date.h"
#include "chronicle-date-private.h"
#include "chronicle-text-private.h"

#include <math.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#define SECONDS_PER_DAY G_GINT64_CONSTANT (86400)

/* The widest UTC offset we accept, in seconds. Real zones stay within
 * -12:00..+14:00; ±18:00 is the ISO 8601 / java.time limit. */
#define MAX_UTC_OFFSET (18 * 3600)

G_DEFINE_QUARK (chronicle-date-error-quark, chronicle_date_error)

G_DEFINE_BOXED_TYPE (ChronicleDate, chronicle_date, chronicle_date_copy, chronicle_date_free)

static gboolean
is_leap_year (gint64 year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
get_days_in_month (gint64 year,
                   int    month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  g_assert (month >= 1 && month <= 12);

  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). Plain arithmetic: much faster than GDateTime, and the
 * timeline computes this for every event. */
gint64
chronicle_date_days_from_civil (gint64 year,
                                int    month,
                                int    day)
{
  gint64 era;
  gint64 yoe, doy, doe;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  yoe = year - era * 400;
  doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

/* ISO 8601 year: four digits for 0..9999, else expanded with a sign:
 * "0043", "-0043" (44 BC), "+12000", "-13800000000". */
static char *
format_iso_year (gint64 year)
{
  if (year >= 0 && year <= 9999)
    return g_strdup_printf ("%04" G_GINT64_FORMAT, year);
  if (year > 9999)
    return g_strdup_printf ("+%" G_GINT64_FORMAT, year);
  /* Negated as unsigned: a reader may name a year out of bounds in its
   * error, down to G_MININT64, whose negation overflows a gint64. */
  return g_strdup_printf ("-%04" G_GUINT64_FORMAT, (guint64) 0 - (guint64) year);
}

/* The inverse of chronicle_date_days_from_civil() (Hinnant's
 * civil_from_days). */
void
chronicle_date_civil_from_days (gint64  days,
                                gint64 *year,
                                int    *month,
                                int    *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *day = (int) (doy - (153 * mp + 2) / 5 + 1);
  *month = m;
  *year = yoe + era * 400 + (m <= 2);
}

/* The wall-clock text of @date at its precision, without offset, as used
 * in error messages when there is no input text to quote. */
static char *
format_fields (const ChronicleDate *date)
{
  g_autofree char *year = format_iso_year (date->year);

  switch ((ChronicleDatePrecision) date->precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return g_steal_pointer (&year);
    case CHRONICLE_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%s-%02d", year, date->month);
    case CHRONICLE_DATE_PRECISION_DAY:
      return g_strdup_printf ("%s-%02d-%02d", year, date->month, date->day);
    case CHRONICLE_DATE_PRECISION_MINUTE:
      return g_strdup_printf ("%s-%02d-%02dT%02d:%02d", year, date->month, date->day,
                              date->hour, date->minute);
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      return g_strdup_printf ("%s-%02d-%02dT%02d:%02d:%02d", year, date->month, date->day,
                              date->hour, date->minute, date->second);
    }
}

/* Digits in groups of three with a narrow no-break space, as SI writes
 * large numbers ("12 000", "100 000"); four digits stay whole ("1000"). */
static char *
group_digits (guint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
  gsize len = strlen (digits);
  GString *out;

  if (len <= 4)
    return g_steal_pointer (&digits);
  out = g_string_new (NULL);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, "\u202F");
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* @value with enough decimals to tell multiples of @unit apart (the
 * 3 significant digits a reader wants when @unit is 0), without
 * trailing zeros: "13.8", "13.79", "65". */
static char *
format_deep (double value,
             double unit)
{
  int decimals = unit > 0 ? (int) CLAMP (ceil (-log10 (unit) - 1e-9), 0, 9) : -1;
  char *text = decimals >= 0 ? g_strdup_printf ("%.*f", decimals, value) : g_strdup_printf ("%.3g", value);
  struct lconv *conv = localeconv ();
  char *point = strstr (text, conv->decimal_point);

  if (decimals > 0 && point != NULL)
    {
      char *end = text + strlen (text);

      while (end > point + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == point + 1)
        *point = '\0';
    }
  return text;
}

/**
 * chronicle_date_plural_count: (skip)
 * @number: a number as shown ("65", "13.8", "1e+10")
 * @count: (out): the count to choose a plural form by
 *
 * gettext chooses a plural form by a whole count: for a number shown with
 * decimals (or an exponent) there is none, and the caller uses its
 * message for decimals instead. Every language's forms depend on the
 * last six digits at most, so a count past `gulong` keeps those.
 *
 * Returns: TRUE when @number is a whole number, with @count set
 */
gboolean
chronicle_date_plural_count (const char *number,
                             gulong     *count)
{
  guint64 n;

  if (number[0] == '\0' || strspn (number, "0123456789") != strlen (number))
    return FALSE;
  n = g_ascii_strtoull (number, NULL, 10);
  *count = n <= G_MAXULONG ? (gulong) n : (gulong) (n % 1000000 + 1000000);
  return TRUE;
}

/* "13.8 billion years ago", "5 billion years from now": whole numbers
 * take the plural form of their count, numbers with decimals a message
 * of their own (languages inflect after them in one way, e.g. Ukrainian
 * "13,8 мільярда"). */
static char *
format_billions (const char *number,
                 gboolean    past)
{
  gulong n;

  if (!chronicle_date_plural_count (number, &n))
    return g_strdup_printf (past
                            /* Translators: deep time, %s a number with decimals ("13.8"): the
                             * form your language uses after a decimal number */
                            ? C_("decimal number", "%s billion years ago")
                            /* Translators: deep time, %s a number with decimals ("13.8"): the
                             * form your language uses after a decimal number */
                            : C_("decimal number", "%s billion years from now"),
                            number);
  return g_strdup_printf (past
                          /* Translators: deep time, %s a whole number, e.g. "5 billion years ago" */
                          ? g_dngettext (GETTEXT_PACKAGE, "%s billion years ago", "%s billion years ago", n)
                          /* Translators: deep time, %s a whole number, e.g. "5 billion years from now" */
                          : g_dngettext (GETTEXT_PACKAGE, "%s billion years from now", "%s billion years from now", n),
                          number);
}

/* "65 million years ago", as format_billions(). */
static char *
format_millions (const char *number,
                 gboolean    past)
{
  gulong n;

  if (!chronicle_date_plural_count (number, &n))
    return g_strdup_printf (past
                            /* Translators: deep time, %s a number with decimals ("65.5"): the
                             * form your language uses after a decimal number */
                            ? C_("decimal number", "%s million years ago")
                            /* Translators: deep time, %s a number with decimals ("65.5"): the
                             * form your language uses after a decimal number */
                            : C_("decimal number", "%s million years from now"),
                            number);
  return g_strdup_printf (past
                          /* Translators: deep time, %s a whole number, e.g. "65 million years ago" */
                          ? g_dngettext (GETTEXT_PACKAGE, "%s million years ago", "%s million years ago", n)
                          /* Translators: deep time, %s a whole number, e.g. "65 million years from now" */
                          : g_dngettext (GETTEXT_PACKAGE, "%s million years from now", "%s million years from now", n),
                          number);
}

/* "13 800 000 006 years ago": @number is @distance, its digits grouped. */
static char *
format_years (const char *number,
              guint64     distance,
              gboolean    past)
{
  gulong n = distance <= G_MAXULONG ? (gulong) distance : (gulong) (distance % 1000000 + 1000000);

  return g_strdup_printf (past
                          /* Translators: deep time counted to the year, e.g. "13 800 000 006 years ago" */
                          ? g_dngettext (GETTEXT_PACKAGE, "%s year ago", "%s years ago", n)
                          /* Translators: deep time counted to the year, e.g. "5 000 000 006 years from now" */
                          : g_dngettext (GETTEXT_PACKAGE, "%s year from now", "%s years from now", n),
                          number);
}

char *
chronicle_date_format_year_step (gint64 year,
                                 gint64 step)
{
  gboolean past = year <= 0;
  /* 1 BC is year 0: the distance in years, and the BC year number. */
  guint64 distance = past ? (guint64) (1 - year) : (guint64) year;
  g_autofree char *number = NULL;

  if (distance < (guint64) CHRONICLE_DATE_DEEP_YEAR)
    {
      number = group_digits (distance);
      if (!past)
        return g_steal_pointer (&number);
      /* Translators: a year before the common era, e.g. "44 BC", "12 000 BC" */
      return g_strdup_printf (_("%s BC"), number);
    }

  /* Ticks a few years apart in deep time: the years, counted out, rather
   * than a fraction of a billion with many decimals. */
  if (step > 0 && step < (distance >= G_GUINT64_CONSTANT (1000000000) ? 1000000 : 1000))
    {
      number = group_digits (distance);
      return format_years (number, distance, past);
    }
  if (distance >= G_GUINT64_CONSTANT (1000000000))
    {
      number = format_deep (distance / 1e9, step / 1e9);
      return format_billions (number, past);
    }
  number = format_deep (distance / 1e6, step / 1e6);
  return format_millions (number, past);
}

/**
 * chronicle_date_format_year:
 * @year: an astronomical year (0 is 1 BC)
 *
 * Names a year as people read it: "2022", "44 BC", "12 000 BC", "12 000";
 * a million years and more away as "65 million years ago", "13.8 billion
 * years ago", "5 billion years from now".
 *
 * Returns: (transfer full): the text
 */
char *
chronicle_date_format_year (gint64 year)
{
  return chronicle_date_format_year_step (year, 0);
}

/* @format (g_date_time_format() syntax) applied to the fields of @date,
 * whatever its year: GDateTime knows years 1 to 9999 only, so other years
 * are formatted in a stand-in year of the same length and named by
 * chronicle_date_format_year() where the format has %Y. Month names and
 * day numbers do not depend on the year; the formats use no weekdays. */
char *
chronicle_date_format_custom (const ChronicleDate *date,
                              const char          *format)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *year = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GString) escaped = NULL;
  g_autofree char *joined = NULL;

  if (date->year >= 1 && date->year <= 9999)
    {
      dt = g_date_time_new_utc ((int) date->year, date->month, date->day, date->hour, date->minute, date->second);
      return g_date_time_format (dt, format);
    }

  dt = g_date_time_new_utc (is_leap_year (date->year) ? 2000 : 2001, date->month, date->day,
                            date->hour, date->minute, date->second);
  year = chronicle_date_format_year (date->year);
  escaped = g_string_new (year);
  g_string_replace (escaped, "%", "%%", 0);
  parts = g_strsplit (format, "%Y", -1);
  joined = g_strjoinv (escaped->str, parts);
  return g_date_time_format (dt, joined);
}

/* "March 2022", in the standalone (nominative) month form. */
static char *
format_month_year (gint64 year,
                   int    month)
{
  ChronicleDate date = { .year = year, .month = month, .day = 1, .precision = CHRONICLE_DATE_PRECISION_MONTH };

  /* Translators: a month of a year, e.g. "March 2022". A g_date_time_format()
   * format; %OB is the standalone (nominative) month name. */
  return chronicle_date_format_custom (&date, _("%OB %Y"));
}

/* Checks the fields of @date against the calendar. @text is the input as
 * written, quoted in the error; NULL to show the fields instead. The error
 * message has no place prefix: callers add where the date came from. */
static gboolean
validate (const ChronicleDate  *date,
          gint64                year,
          int                   month,
          int                   day,
          int                   hour,
          int                   minute,
          int                   second,
          const char           *text,
          GError              **error)
{
  g_autofree char *shown = NULL;
  ChronicleDatePrecision precision = date->precision;

  if (text == NULL)
    {
      ChronicleDate fields = *date;

      /* Clamp for display only; the error names the real value. */
      fields.month = CLAMP (month, 0, 99);
      fields.day = CLAMP (day, 0, 99);
      fields.hour = CLAMP (hour, 0, 99);
      fields.minute = CLAMP (minute, 0, 99);
      fields.second = CLAMP (second, 0, 99);
      fields.year = year;
      text = shown = format_fields (&fields);
    }

  if (year < -CHRONICLE_DATE_YEAR_MAX || year > CHRONICLE_DATE_YEAR_MAX)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written */
                   _("%s is not supported: years reach 100 billion before and after year 0"),
                   text);
      return FALSE;
    }

  if ((year <= -CHRONICLE_DATE_DEEP_YEAR || year >= CHRONICLE_DATE_DEEP_YEAR) &&
      precision > CHRONICLE_DATE_PRECISION_YEAR)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written */
                   _("%s is not supported: a year a million or more from year 0 has no month or day"),
                   text);
      return FALSE;
    }

  if (precision < CHRONICLE_DATE_PRECISION_MONTH)
    return TRUE;

  if (month < 1 || month > 12)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written, %d the month number in it */
                   _("%s does not exist: there is no month %d"),
                   text, month);
      return FALSE;
    }

  if (precision < CHRONICLE_DATE_PRECISION_DAY)
    return TRUE;

  if (day < 1)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written, %d the day number in it */
                   _("%s does not exist: there is no day %d"),
                   text, day);
      return FALSE;
    }

  if (day > get_days_in_month (year, month))
    {
      g_autofree char *month_year = format_month_year (year, month);
      int n_days = get_days_in_month (year, month);

      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: the first %s is a date as written, the second
                    * a month and year ("February 2022"), %d a number of days
                    * (28 to 31: English has no singular here) */
                   g_dngettext (GETTEXT_PACKAGE, "%s does not exist: %s has %d days",
                                "%s does not exist: %s has %d days", n_days),
                   text, month_year, n_days);
      return FALSE;
    }

  if (precision < CHRONICLE_DATE_PRECISION_MINUTE)
    return TRUE;

  if (hour < 0 || hour > 23)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written, %d an hour */
                   _("%s does not exist: hour %d is out of range (00–23)"),
                   text, hour);
      return FALSE;
    }

  if (minute < 0 || minute > 59)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written, %d a minute */
                   _("%s does not exist: minute %d is out of range (00–59)"),
                   text, minute);
      return FALSE;
    }

  if (precision < CHRONICLE_DATE_PRECISION_SECOND)
    return TRUE;

  /* Leap seconds (:60) are refused: Unix time cannot place them. */
  if (second < 0 || second > 59)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written, %d a second */
                   _("%s does not exist: second %d is out of range (00–59)"),
                   text, second);
      return FALSE;
    }

  return TRUE;
}

/* Reads exactly @n_digits ASCII digits at *@p. */
static gboolean
read_digits (const char **p,
             guint        n_digits,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      char c = (*p)[i];

      if (!g_ascii_isdigit (c))
        return FALSE;
      v = v * 10 + (c - '0');
    }

  *p += n_digits;
  *value = v;
  return TRUE;
}

/* Reads "YYYY", or an ISO 8601 expanded year: a sign and 4 to
 * MAX_YEAR_DIGITS digits ("-0043", "+12000", "-13800000000"). */
#define MAX_YEAR_DIGITS 13

static gboolean
read_year (const char **p,
           gint64      *year)
{
  const char *q = *p;
  int sign = 0;
  gint64 v = 0;
  guint n = 0;

  if (*q == '+' || *q == '-')
    sign = *q++ == '-' ? -1 : 1;
  for (; g_ascii_isdigit (q[n]) && n <= MAX_YEAR_DIGITS; n++)
    v = v * 10 + (q[n] - '0');
  if (n < 4 || n > MAX_YEAR_DIGITS || (sign == 0 && n != 4))
    return FALSE;

  *p = q + n;
  *year = sign < 0 ? -v : v;
  return TRUE;
}

static void
set_syntax_error (GError     **error,
                  const char  *text)
{
  /* Whatever was read, shown as one line of text: a date from a file or
   * the command line may hold newlines, escape sequences or bytes that
   * are not UTF-8, and every caller shows this message as it is. */
  g_autofree char *shown = chronicle_text_escape_line (text, 60);

  g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX,
               /* Translators: %s is the text that was read as a date. Keep
                * YYYY, MM, DD, hh, mm, ss and Z as they are: they describe
                * the ISO 8601 notation. */
               _("\"%s\" is not an ISO 8601 date (expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss] with optional Z or ±hh:mm)"),
               shown);
}

/* Parses the optional "Z", "±hh:mm", "±hhmm" or "±hh" after a time. */
static gboolean
parse_offset (const char  *p,
              const char  *text,
              ChronicleDate *date,
              GError     **error)
{
  int sign, hours, minutes = 0;

  if (*p == '\0')
    return TRUE;

  if (*p == 'Z' || *p == 'z')
    {
      if (p[1] != '\0')
        {
          set_syntax_error (error, text);
          return FALSE;
        }
      date->has_offset = TRUE;
      date->utc_offset = 0;
      return TRUE;
    }

  if (*p == '+')
    sign = 1;
  else if (*p == '-')
    sign = -1;
  else
    {
      set_syntax_error (error, text);
      return FALSE;
    }
  p++;

  if (!read_digits (&p, 2, &hours))
    {
      set_syntax_error (error, text);
      return FALSE;
    }

  if (*p == ':')
    {
      p++;
      if (!read_digits (&p, 2, &minutes))
        {
          set_syntax_error (error, text);
          return FALSE;
        }
    }
  else if (*p != '\0' && !read_digits (&p, 2, &minutes))
    {
      set_syntax_error (error, text);
      return FALSE;
    }

  if (*p != '\0')
    {
      set_syntax_error (error, text);
      return FALSE;
    }

  if (minutes > 59 || hours * 3600 + minutes * 60 > MAX_UTC_OFFSET)
    {
      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date as written, %c%02d:%02d a UTC
                    * offset such as +25:00 */
                   _("%s does not exist: UTC offset %c%02d:%02d is out of range (at most ±18:00)"),
                   text, sign > 0 ? '+' : '-', hours, minutes);
      return FALSE;
    }

  date->has_offset = TRUE;
  date->utc_offset = sign * (hours * 3600 + minutes * 60);
  return TRUE;
}

/**
 * chronicle_date_parse:
 * @text: an ISO 8601 date of reduced precision
 * @date: (out caller-allocates): the result
 * @error: return location for a #CHRONICLE_DATE_ERROR
 *
 * Accepts "YYYY", "YYYY-MM", "YYYY-MM-DD", "YYYY-MM-DDThh:mm" and
 * "YYYY-MM-DDThh:mm:ss", the time forms optionally followed by "Z",
 * "±hh:mm", "±hhmm" or "±hh". The precision is the finest field present.
 * YYYY may be an expanded year, a sign and 4 to 13 digits: "-0043-03-15"
 * is 15 March 44 BC (astronomical numbering, 0000 is 1 BC); see
 * CHRONICLE_DATE_YEAR_MAX for the range.
 * @date is left untouched on error.
 *
 * Returns: %TRUE on success
 */
gboolean
chronicle_date_parse (const char     *text,
                      ChronicleDate  *date,
                      GError        **error)
{
  ChronicleDate result = { 0 };
  const char *p = text;
  gint64 year;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_year (&p, &year))
    goto syntax;
  result.precision = CHRONICLE_DATE_PRECISION_YEAR;

  if (*p == '-')
    {
      p++;
      if (!read_digits (&p, 2, &month))
        goto syntax;
      result.precision = CHRONICLE_DATE_PRECISION_MONTH;

      if (*p == '-')
        {
          p++;
          if (!read_digits (&p, 2, &day))
            goto syntax;
          result.precision = CHRONICLE_DATE_PRECISION_DAY;

          if (*p == 'T' || *p == 't')
            {
              p++;
              if (!read_digits (&p, 2, &hour) || *p++ != ':' || !read_digits (&p, 2, &minute))
                goto syntax;
              result.precision = CHRONICLE_DATE_PRECISION_MINUTE;

              if (*p == ':')
                {
                  p++;
                  if (!read_digits (&p, 2, &second))
                    goto syntax;
                  result.precision = CHRONICLE_DATE_PRECISION_SECOND;
                }

              if (!parse_offset (p, text, &result, error))
                return FALSE;
              p += strlen (p);
            }
        }
    }

  if (*p != '\0')
    goto syntax;

  if (!validate (&result, year, month, day, hour, minute, second, text, error))
    return FALSE;

  result.year = year;
  result.month = month;
  result.day = day;
  result.hour = hour;
  result.minute = minute;
  result.second = second;
  *date = result;
  return TRUE;

syntax:
  set_syntax_error (error, text);
  return FALSE;
}

/**
 * chronicle_date_init:
 * @date: (out caller-allocates): the result
 * @precision: how many of the fields are known
 *
 * Builds a floating date (no UTC offset) from fields. Fields finer than
 * @precision are ignored and stored as 1 (month, day) or 0. Set
 * has_offset/utc_offset afterwards for a date with a zone.
 *
 * Returns: %TRUE on success, %FALSE with a %CHRONICLE_DATE_ERROR_INVALID
 *   error when the fields name no real date
 */
gboolean
chronicle_date_init (ChronicleDate          *date,
                     ChronicleDatePrecision  precision,
                     gint64                  year,
                     int                     month,
                     int                     day,
                     int                     hour,
                     int                     minute,
                     int                     second,
                     GError                **error)
{
  ChronicleDate result = { 0 };

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (precision <= CHRONICLE_DATE_PRECISION_SECOND, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (precision < CHRONICLE_DATE_PRECISION_MONTH)
    month = 1;
  if (precision < CHRONICLE_DATE_PRECISION_DAY)
    day = 1;
  if (precision < CHRONICLE_DATE_PRECISION_MINUTE)
    hour = minute = 0;
  if (precision < CHRONICLE_DATE_PRECISION_SECOND)
    second = 0;

  result.precision = precision;
  if (!validate (&result, year, month, day, hour, minute, second, NULL, error))
    return FALSE;

  result.year = year;
  result.month = month;
  result.day = day;
  result.hour = hour;
  result.minute = minute;
  result.second = second;
  *date = result;
  return TRUE;
}

ChronicleDate *
chronicle_date_copy (const ChronicleDate *date)
{
  ChronicleDate *copy;

  g_return_val_if_fail (date != NULL, NULL);

  copy = g_new (ChronicleDate, 1);
  *copy = *date;
  return copy;
}

void
chronicle_date_free (ChronicleDate *date)
{
  g_free (date);
}

/**
 * chronicle_date_to_iso:
 *
 * Returns: (transfer full): @date in the ISO 8601 form it was parsed from,
 *   with the offset normalized to "Z" or "±hh:mm"
 */
char *
chronicle_date_to_iso (const ChronicleDate *date)
{
  g_autofree char *fields = NULL;
  int offset;

  g_return_val_if_fail (date != NULL, NULL);

  fields = format_fields (date);
  if (!date->has_offset || date->precision < CHRONICLE_DATE_PRECISION_MINUTE)
    return g_steal_pointer (&fields);

  if (date->utc_offset == 0)
    return g_strconcat (fields, "Z", NULL);

  offset = ABS (date->utc_offset);
  return g_strdup_printf ("%s%c%02d:%02d", fields,
                          date->utc_offset < 0 ? '-' : '+',
                          offset / 3600, (offset / 60) % 60);
}

/* " UTC+3", " UTC-5", " UTC+5:30" or " UTC" (no translation needed:
 * "UTC" is international). */
static char *
format_offset (int utc_offset)
{
  return chronicle_date_format_zone (utc_offset);
}

/**
 * chronicle_date_format_zone:
 * @utc_offset: seconds east of UTC
 *
 * Names a fixed zone the way the sidebar and the axis write it: "UTC",
 * "UTC+3", "UTC-5", "UTC+5:30".
 *
 * Returns: (transfer full): the name
 */
char *
chronicle_date_format_zone (int utc_offset)
{
  int offset = ABS (utc_offset);

  if (utc_offset == 0)
    return g_strdup ("UTC");
  if (offset % 3600 == 0)
    return g_strdup_printf ("UTC%c%d", utc_offset < 0 ? '-' : '+', offset / 3600);
  return g_strdup_printf ("UTC%c%d:%02d", utc_offset < 0 ? '-' : '+',
                          offset / 3600, (offset / 60) % 60);
}

/**
 * chronicle_date_format:
 *
 * Returns: (transfer full): @date as localized text at its precision:
 *   "2022", "March 2022", "24 February 2022", "16 May 2025, 10:30",
 *   "16 May 2025, 10:30:05", with " UTC+3" appended for dates with an offset
 */
char *
chronicle_date_format (const ChronicleDate *date)
{
  g_autofree char *text = NULL;
  const char *format;

  g_return_val_if_fail (date != NULL, NULL);

  switch ((ChronicleDatePrecision) date->precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      /* Translators: a year-precision date, e.g. "2022". A g_date_time_format() format. */
      format = _("%Y");
      break;
    case CHRONICLE_DATE_PRECISION_MONTH:
      /* Translators: a month of a year, e.g. "March 2022". A g_date_time_format()
       * format; %OB is the standalone (nominative) month name. */
      format = _("%OB %Y");
      break;
    case CHRONICLE_DATE_PRECISION_DAY:
      /* Translators: a day, e.g. "24 February 2022". A g_date_time_format() format;
       * %B is the month name in the form used with a day number. */
      format = _("%-d %B %Y");
      break;
    case CHRONICLE_DATE_PRECISION_MINUTE:
      /* Translators: a day and time, e.g. "16 May 2025, 10:30". A g_date_time_format() format. */
      format = _("%-d %B %Y, %H:%M");
      break;
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      /* Translators: a day and time with seconds, e.g. "16 May 2025, 10:30:05".
       * A g_date_time_format() format. */
      format = _("%-d %B %Y, %H:%M:%S");
      break;
    }

  text = chronicle_date_format_custom (date, format);

  if (date->has_offset && date->precision >= CHRONICLE_DATE_PRECISION_MINUTE)
    {
      g_autofree char *offset = format_offset (date->utc_offset);

      /* Translators: a time followed by its UTC offset: "16 May 2025, 10:30 UTC+3" */
      return g_strdup_printf (_("%s %s"), text, offset);
    }

  return g_steal_pointer (&text);
}

/**
 * chronicle_date_format_range:
 *
 * Returns: (transfer full): "@start – @end" as localized text, sharing
 *   the year (and month) when both dates are whole days or months in the
 *   same year: "24 February – 3 March 2022", "24–28 February 2022",
 *   "March – May 2022"
 */
char *
chronicle_date_format_range (const ChronicleDate *start,
                             const ChronicleDate *end)
{
  g_autofree char *end_text = NULL;
  g_autofree char *start_text = NULL;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);

  if (chronicle_date_equal (start, end))
    return chronicle_date_format (start);

  end_text = chronicle_date_format (end);

  if (start->precision == end->precision &&
      start->year == end->year &&
      (start->precision == CHRONICLE_DATE_PRECISION_DAY ||
       start->precision == CHRONICLE_DATE_PRECISION_MONTH))
    {
      const char *format;

      if (start->precision == CHRONICLE_DATE_PRECISION_MONTH)
        /* Translators: the first month of a range within one year, e.g. "March"
         * in "March – May 2022". A g_date_time_format() format. */
        format = _("%OB");
      else if (start->month == end->month)
        /* Translators: the first day of a range within one month, e.g. "24"
         * in "24–28 February 2022". A g_date_time_format() format. */
        format = _("%-d");
      else
        /* Translators: the first day of a range within one year, e.g.
         * "24 February" in "24 February – 3 March 2022". A g_date_time_format() format. */
        format = _("%-d %B");

      start_text = chronicle_date_format_custom (start, format);

      if (start->precision == CHRONICLE_DATE_PRECISION_DAY && start->month == end->month)
        /* Translators: a range of days within one month, e.g. "24–28 February 2022";
         * the first %s is the first day, the second the last date. */
        return g_strdup_printf (_("%s–%s"), start_text, end_text);
    }
  else
    {
      start_text = chronicle_date_format (start);
    }

  /* Translators: a range of dates, e.g. "24 February – 3 March 2022"; the
   * dash is an en dash. */
  return g_strdup_printf (_("%s – %s"), start_text, end_text);
}

/**
 * chronicle_date_get_start:
 *
 * Returns: the start of the span @date covers, in Unix seconds. Floating
 *   dates are placed as if they were UTC.
 */
gint64
chronicle_date_get_start (const ChronicleDate *date)
{
  gint64 days;

  g_return_val_if_fail (date != NULL, 0);

  days = chronicle_date_days_from_civil (date->year, date->month, date->day);
  return days * SECONDS_PER_DAY + date->hour * 3600 + date->minute * 60 + date->second
         - (date->has_offset ? date->utc_offset : 0);
}

/**
 * chronicle_date_get_end:
 *
 * Returns: the exclusive end of the span @date covers, in Unix seconds: the
 *   next year, month, day, minute or second after the start
 */
gint64
chronicle_date_get_end (const ChronicleDate *date)
{
  gint64 start, days;

  g_return_val_if_fail (date != NULL, 0);

  start = chronicle_date_get_start (date);

  switch ((ChronicleDatePrecision) date->precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      days = chronicle_date_days_from_civil (date->year + 1, 1, 1) -
             chronicle_date_days_from_civil (date->year, 1, 1);
      return start + days * SECONDS_PER_DAY;
    case CHRONICLE_DATE_PRECISION_MONTH:
      return start + get_days_in_month (date->year, date->month) * SECONDS_PER_DAY;
    case CHRONICLE_DATE_PRECISION_DAY:
      return start + SECONDS_PER_DAY;
    case CHRONICLE_DATE_PRECISION_MINUTE:
      return start + 60;
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      return start + 1;
    }
}

/**
 * chronicle_date_compare:
 *
 * Orders by start time, then by end time (the shorter span first, so
 * "2022-03-01" sorts before "2022-03" and "2022").
 *
 * Returns: negative, zero or positive, like strcmp()
 */
int
chronicle_date_compare (const ChronicleDate *a,
                        const ChronicleDate *b)
{
  gint64 ta, tb;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  ta = chronicle_date_get_start (a);
  tb = chronicle_date_get_start (b);
  if (ta != tb)
    return ta < tb ? -1 : 1;

  ta = chronicle_date_get_end (a);
  tb = chronicle_date_get_end (b);
  if (ta != tb)
    return ta < tb ? -1 : 1;

  return 0;
}

/**
 * chronicle_date_equal:
 * @a: (nullable): a date, or none (an event without an end)
 * @b: (nullable): a date, or none
 *
 * Returns: %TRUE when @a and @b were written the same way (same fields,
 *   precision and offset), or are both absent. "10:30Z" and "13:30+03:00"
 *   are the same instant but not equal; use chronicle_date_compare() for
 *   instants.
 */
gboolean
chronicle_date_equal (const ChronicleDate *a,
                      const ChronicleDate *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->year == b->year &&
         a->month == b->month &&
         a->day == b->day &&
         a->hour == b->hour &&
         a->minute == b->minute &&
         a->second == b->second &&
         a->precision == b->precision &&
         !!a->has_offset == !!b->has_offset &&
         (!a->has_offset || a->utc_offset == b->utc_offset);
}

/* Average lengths, to turn seconds into whole months or years. */
#define SECONDS_PER_YEAR  (365.2425 * 86400.0)
#define SECONDS_PER_MONTH (SECONDS_PER_YEAR / 12.0)

/**
 * chronicle_date_shift:
 * @date: a date
 * @seconds: how far to move it, in seconds (negative: earlier)
 * @result: (out caller-allocates): the moved date
 * @error: return location for a #CHRONICLE_DATE_ERROR
 *
 * Moves @date by @seconds rounded to whole units of its own precision: a
 * day-precision date moves by whole days, a month by whole months (a
 * month is 1/12 of an average year), a year by whole years. The precision
 * and the UTC offset stay as they were.
 *
 * Returns: %TRUE on success, %FALSE with %CHRONICLE_DATE_ERROR_INVALID
 *   when the result is outside what the format reads (@result untouched)
 */
gboolean
chronicle_date_shift (const ChronicleDate  *date,
                      double                seconds,
                      ChronicleDate        *result,
                      GError              **error)
{
  gint64 year = 0, units, wall;
  int month = 1, day = 1;
  ChronicleDate moved;

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Far past 9999 years either way is refused below; clamping first keeps
   * the arithmetic in range for any double. */
  seconds = CLAMP (seconds, -1e12, 1e12);
  moved = *date;

  switch ((ChronicleDatePrecision) date->precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      year = date->year + (gint64) round (seconds / SECONDS_PER_YEAR);
      break;

    case CHRONICLE_DATE_PRECISION_MONTH:
      units = (gint64) date->year * 12 + (date->month - 1) + (gint64) round (seconds / SECONDS_PER_MONTH);
      year = units >= 0 ? units / 12 : -((-units + 11) / 12);
      month = (int) (units - year * 12) + 1;
      break;

    case CHRONICLE_DATE_PRECISION_DAY:
    case CHRONICLE_DATE_PRECISION_MINUTE:
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      {
        gint64 unit = date->precision == CHRONICLE_DATE_PRECISION_DAY ? SECONDS_PER_DAY
                    : date->precision == CHRONICLE_DATE_PRECISION_MINUTE ? 60 : 1;

        wall = chronicle_date_days_from_civil (date->year, date->month, date->day) * SECONDS_PER_DAY +
               date->hour * 3600 + date->minute * 60 + date->second +
               (gint64) round (seconds / unit) * unit;
        chronicle_date_civil_from_days (wall >= 0 ? wall / SECONDS_PER_DAY : -((-wall + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY),
                         &year, &month, &day);
        wall -= chronicle_date_days_from_civil (year, month, day) * SECONDS_PER_DAY;
        moved.hour = (guint8) (wall / 3600);
        moved.minute = (guint8) ((wall / 60) % 60);
        moved.second = (guint8) (wall % 60);
      }
      break;
    }

  /* The range the file format reads (see chronicle_date_init()). */
  if (year < -CHRONICLE_DATE_YEAR_MAX || year > CHRONICLE_DATE_YEAR_MAX ||
      ((year <= -CHRONICLE_DATE_DEEP_YEAR || year >= CHRONICLE_DATE_DEEP_YEAR) &&
       date->precision > CHRONICLE_DATE_PRECISION_YEAR))
    {
      g_autofree char *shown = format_fields (date);

      g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                   /* Translators: %s is a date; it was moved (dragged) too far */
                   _("%s cannot move that far"),
                   shown);
      return FALSE;
    }

  moved.year = year;
  if (date->precision >= CHRONICLE_DATE_PRECISION_MONTH)
    moved.month = (guint8) month;
  if (date->precision >= CHRONICLE_DATE_PRECISION_DAY)
    moved.day = (guint8) day;
  *result = moved;
  return TRUE;
}

/* --- What a person types ------------------------------------------------ */

typedef struct
{
  int      year, month, day, hour, minute, second;
  gboolean has_time, has_seconds, has_zone;
  int      utc_offset;
} InputFields;

static void
set_input_error (GError     **error,
                 const char  *text,
                 const char  *why)
{
  g_autofree char *shown = chronicle_text_escape_line (text, 60);

  g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX,
               /* Translators: %s is what was typed as a date, followed by why
                * it was not understood */
               _("“%s” is not a date: %s"), shown, why);
}

/* 1..12 when @word names a month (in English, or in the language of the
 * interface, whole or abbreviated), else 0. */
static int
lookup_month (const char *word)
{
  static const char * const english[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
  };
  g_autofree char *folded = g_utf8_casefold (word, -1);
  gsize len = strlen (folded);

  /* "Sept." and "Sep" alike */
  while (len > 0 && folded[len - 1] == '.')
    folded[--len] = '\0';
  if (len < 3)
    return 0;

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2000, m, 1, 0, 0, 0);
      const char *formats[] = { "%B", "%OB", "%b" };

      if (g_str_has_prefix (english[m - 1], folded) && (len >= 3))
        return m;
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autofree char *name = g_date_time_format (dt, formats[i]);
          g_autofree char *name_folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;
          gsize name_len = name_folded != NULL ? strlen (name_folded) : 0;

          while (name_len > 0 && name_folded[name_len - 1] == '.')
            name_folded[--name_len] = '\0';
          if (name_folded != NULL && name_len > 0 && strcmp (name_folded, folded) == 0)
            return m;
        }
    }

  return 0;
}

/* "10:30" or "10:30:05" at *@p (one or two digits for the hour). */
static gboolean
read_input_time (const char  **p,
                 InputFields  *fields)
{
  const char *s = *p;
  int hour, minute, second;

  if (!read_digits (&s, 2, &hour) && !read_digits (&s, 1, &hour))
    return FALSE;
  if (*s++ != ':' || !read_digits (&s, 2, &minute))
    return FALSE;
  fields->has_time = TRUE;
  fields->hour = hour;
  fields->minute = minute;
  if (*s == ':')
    {
      s++;
      if (!read_digits (&s, 2, &second))
        return FALSE;
      fields->second = second;
      fields->has_seconds = TRUE;
    }
  *p = s;
  return TRUE;
}

/* "+3", "+03", "+03:00", "+0300", "−05:30" at *@p, after a sign. */
static gboolean
read_input_offset (const char  **p,
                   int           sign,
                   InputFields  *fields)
{
  const char *s = *p;
  int hours, minutes = 0;

  if (!read_digits (&s, 2, &hours) && !read_digits (&s, 1, &hours))
    return FALSE;
  if (*s == ':')
    {
      s++;
      if (!read_digits (&s, 2, &minutes))
        return FALSE;
    }
  else if (g_ascii_isdigit (*s) && !read_digits (&s, 2, &minutes))
    return FALSE;
  if (minutes > 59 || hours * 3600 + minutes * 60 > MAX_UTC_OFFSET)
    return FALSE;

  fields->has_zone = TRUE;
  fields->utc_offset = sign * (hours * 3600 + minutes * 60);
  *p = s;
  return TRUE;
}

/* Reads the words and numbers of @text into @fields; FALSE with @error
 * naming the first thing that is not understood. */
static gboolean
read_input_fields (const char   *text,
                   InputFields  *fields,
                   GError      **error)
{
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == ',')
        {
          p = g_utf8_next_char (p);
        }
      else if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          guint n = 0;

          while (g_ascii_isdigit (p[n]))
            n++;
          if (p[n] == ':')
            {
              if (fields->has_time || !read_input_time (&p, fields))
                {
                  set_input_error (error, text, fields->has_time ? _("it has two times")
                                                                  : _("a time is written hh:mm or hh:mm:ss"));
                  return FALSE;
                }
              continue;
            }
          if (n == 4 && fields->year == 0)
            read_digits (&p, 4, &fields->year);
          else if (n <= 2 && fields->day == 0)
            {
              read_digits (&p, n, &fields->day);
              /* "16th", "1st" */
              if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) && !g_ascii_isalpha (p[2]) &&
                  strchr ("snrt", g_ascii_tolower (p[0])) != NULL)
                p += 2;
              if (fields->day == 0)
                {
                  set_input_error (error, text, _("there is no day 0"));
                  return FALSE;
                }
            }
          else
            {
              g_autofree char *number = g_strndup (start, n);
              g_autofree char *why = NULL;

              /* Translators: %s is a number that was typed in a date */
              why = g_strdup_printf (_("%s is neither a day (1–31) nor a four-digit year"), number);
              set_input_error (error, text, why);
              return FALSE;
            }
        }
      else if ((c == '+' || c == '-' || c == 0x2212) && fields->has_time && !fields->has_zone)
        {
          int sign = c == '+' ? 1 : -1;

          p = g_utf8_next_char (p);
          if (!read_input_offset (&p, sign, fields))
            {
              set_input_error (error, text, _("a UTC offset is written ±hh:mm, at most ±18:00"));
              return FALSE;
            }
        }
      else if (g_unichar_isalpha (c))
        {
          const char *start = p;
          g_autofree char *word = NULL;
          g_autofree char *folded = NULL;
          int month;

          while (*p != '\0' && (g_unichar_isalpha (g_utf8_get_char (p)) || *p == '.'))
            p = g_utf8_next_char (p);
          word = g_strndup (start, p - start);
          folded = g_utf8_casefold (word, -1);

          if (g_str_equal (folded, "at"))
            continue;
          if ((g_str_equal (folded, "utc") || g_str_equal (folded, "gmt") || g_str_equal (folded, "z")) &&
              fields->has_time && !fields->has_zone)
            {
              fields->has_zone = TRUE;
              fields->utc_offset = 0;
              /* "UTC+3" */
              if (*p == '+' || *p == '-')
                {
                  int sign = *p == '+' ? 1 : -1;

                  p++;
                  if (!read_input_offset (&p, sign, fields))
                    {
                      set_input_error (error, text, _("a UTC offset is written ±hh:mm, at most ±18:00"));
                      return FALSE;
                    }
                }
              continue;
            }

          month = lookup_month (word);
          if (month == 0 || fields->month != 0)
            {
              g_autofree char *shown = chronicle_text_escape_line (word, 30);
              g_autofree char *why = NULL;

              /* Translators: %s is a word typed in a date */
              why = month == 0 ? g_strdup_printf (_("“%s” is not a month"), shown)
                               : g_strdup (_("it names two months"));
              set_input_error (error, text, why);
              return FALSE;
            }
          fields->month = month;
        }
      else
        {
          set_input_error (error, text, _("it holds a character that is not part of a date"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * chronicle_date_parse_input:
 * @text: a date as a person types it
 * @date: (out caller-allocates): the result
 * @error: return location for a #CHRONICLE_DATE_ERROR
 *
 * Reads what an editor's date entry accepts: every form of
 * chronicle_date_parse() ("2022-03", "2025-05-16T10:30+03:00"), and the
 * same dates in words: "2022", "March 2022", "16 May 2025",
 * "May 16, 2025", "16 May 2025 10:30", "16 May 2025, 10:30 UTC+3",
 * "16 May 2025 10:30 +03:00" (month names in English or in the language
 * of the interface, whole or abbreviated). The precision is that of the
 * finest field given. Files are read by chronicle_date_parse() only: this
 * is the grammar of a text entry, not of the file format.
 *
 * Returns: %TRUE on success; %FALSE with an error that says what in
 *   @text was not understood, @date untouched
 */
gboolean
chronicle_date_parse_input (const char     *text,
                            ChronicleDate  *date,
                            GError        **error)
{
  g_autofree char *stripped = NULL;
  InputFields fields = { 0 };
  ChronicleDatePrecision precision;
  ChronicleDate result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      set_input_error (error, text, _("it is not valid UTF-8 text"));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX,
                           _("Enter a date, such as “16 May 2025”, “March 2022” or “2022-03”"));
      return FALSE;
    }

  /* ISO 8601 first, with its own messages: "2022-02-30" is a real
   * attempt at a date, and its error says which field is wrong. */
  if (strlen (stripped) >= 5 && g_ascii_isdigit (stripped[0]) && g_ascii_isdigit (stripped[1]) &&
      g_ascii_isdigit (stripped[2]) && g_ascii_isdigit (stripped[3]) && stripped[4] == '-')
    return chronicle_date_parse (stripped, date, error);
  if (chronicle_date_parse (stripped, date, NULL))
    return TRUE;

  if (!read_input_fields (stripped, &fields, error))
    return FALSE;

  if (fields.year == 0)
    {
      set_input_error (error, stripped, _("it has no four-digit year"));
      return FALSE;
    }
  if (fields.day != 0 && fields.month == 0)
    {
      set_input_error (error, stripped, _("a day needs a month"));
      return FALSE;
    }
  if (fields.has_time && fields.day == 0)
    {
      set_input_error (error, stripped, _("a time needs a day"));
      return FALSE;
    }

  precision = fields.has_seconds ? CHRONICLE_DATE_PRECISION_SECOND
            : fields.has_time ? CHRONICLE_DATE_PRECISION_MINUTE
            : fields.day != 0 ? CHRONICLE_DATE_PRECISION_DAY
            : fields.month != 0 ? CHRONICLE_DATE_PRECISION_MONTH
            : CHRONICLE_DATE_PRECISION_YEAR;

  if (!chronicle_date_init (&result, precision, fields.year, fields.month, fields.day,
                            fields.hour, fields.minute, fields.second, error))
    return FALSE;
  result.has_offset = fields.has_zone;
  result.utc_offset = fields.has_zone ? fields.utc_offset : 0;
  *date = result;
  return TRUE;
}
