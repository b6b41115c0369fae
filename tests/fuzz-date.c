/* fuzz-date.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A libFuzzer target for the date parser (src/model/chronicle-date.c), the
 * one place where text from a file or the command line becomes a date.
 * The input is split at the first NUL into two texts, so that both the
 * single-date entry points and the ones taking two dates (ranges,
 * comparison) see parsed values. For whatever bytes:
 *
 *  - chronicle_date_parse() keeps the GError contract (FALSE if and only if
 *    the error is set, in CHRONICLE_DATE_ERROR, with a non-empty message
 *    that is one line of UTF-8 when the text was);
 *  - a parsed date survives chronicle_date_to_iso() and a parse back
 *    unchanged, its start is not after its end, and its formatted forms are
 *    valid UTF-8 on one line;
 *  - chronicle_date_init() with the parsed fields agrees with the parser;
 *  - chronicle_date_parse_input() (the editor's entries) keeps the same
 *    contract and gives dates the file parser reads back from their ISO
 *    text; chronicle_date_shift() of a parsed date by any amount gives one
 *    too, or an error.
 *
 * Built with -Dfuzzing=true (docs/fuzzing.md):
 *
 *   _build-fuzz/tests/fuzz-date -dict=tests/fuzz-date.dict corpus-date tests/fuzz-corpus/date
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

#include "chronicle-date.h"

/* The same date, field by field (the struct has padding). */
static gboolean
same_date (const ChronicleDate *a,
           const ChronicleDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->hour == b->hour && a->minute == b->minute && a->second == b->second &&
         a->precision == b->precision && a->has_offset == b->has_offset &&
         (!a->has_offset || a->utc_offset == b->utc_offset);
}

static gboolean
parse_and_check (const char    *text,
                 ChronicleDate *date)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *formatted = NULL;
  g_autoptr(ChronicleDate) copy = NULL;
  ChronicleDate again, fields;
  gboolean ok;

  ok = chronicle_date_parse (text, date, &error);
  if (!ok)
    {
      if (error == NULL || error->domain != CHRONICLE_DATE_ERROR || error->message[0] == '\0')
        abort ();
      /* A message quotes what was read, escaped: always one line of
       * valid UTF-8, whatever the text. */
      fuzz_check_line (error->message);
      return FALSE;
    }
  if (error != NULL)
    abort ();

  iso = chronicle_date_to_iso (date);
  fuzz_check_line (iso);
  if (!chronicle_date_parse (iso, &again, NULL) || !same_date (date, &again))
    abort ();
  if (!chronicle_date_equal (date, &again) || chronicle_date_compare (date, &again) != 0)
    abort ();

  formatted = chronicle_date_format (date);
  fuzz_check_line (formatted);

  if (chronicle_date_get_start (date) > chronicle_date_get_end (date))
    abort ();

  copy = chronicle_date_copy (date);
  if (!same_date (date, copy))
    abort ();

  if (!chronicle_date_init (&fields, date->precision, date->year, date->month, date->day,
                            date->hour, date->minute, date->second, NULL))
    abort ();
  fields.has_offset = date->has_offset;
  fields.utc_offset = date->utc_offset;
  if (!same_date (date, &fields))
    abort ();

  return TRUE;
}

/* What a person may type: the same contract, and a date the file format
 * can write. */
static void
parse_input_and_check (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  ChronicleDate date, again, moved;
  const double shifts[] = { -1e300, -4e9, -86400.0 * 40, -0.4, 59.9, 86400.0 * 2.6, 4e9, 1e300 };

  if (!chronicle_date_parse_input (text, &date, &error))
    {
      if (error == NULL || error->domain != CHRONICLE_DATE_ERROR || error->message[0] == '\0')
        abort ();
      fuzz_check_line (error->message);
      return;
    }
  if (error != NULL)
    abort ();

  iso = chronicle_date_to_iso (&date);
  if (!chronicle_date_parse (iso, &again, NULL) || !same_date (&date, &again))
    abort ();

  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    {
      g_autoptr(GError) shift_error = NULL;
      g_autofree char *moved_iso = NULL;

      if (!chronicle_date_shift (&date, shifts[i], &moved, &shift_error))
        {
          if (shift_error == NULL)
            abort ();
          fuzz_check_line (shift_error->message);
          continue;
        }
      moved_iso = chronicle_date_to_iso (&moved);
      if (!chronicle_date_parse (moved_iso, &again, NULL) || !same_date (&moved, &again) ||
          moved.precision != date.precision)
        abort ();
    }
}

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* A NUL-terminated copy: the parser takes C strings. */
  g_autofree char *text = g_malloc (size + 1);
  const char *second;
  ChronicleDate a, b;
  gboolean have_a, have_b;

  memcpy (text, data, size);
  text[size] = '\0';
  second = memchr (text, '\0', size) != NULL ? text + strlen (text) + 1 : NULL;

  have_a = parse_and_check (text, &a);
  parse_input_and_check (text);
  if (second == NULL)
    return 0;

  have_b = parse_and_check (second, &b);
  if (have_a && have_b)
    {
      g_autofree char *range = chronicle_date_format_range (&a, &b);
      int ab = chronicle_date_compare (&a, &b);
      int ba = chronicle_date_compare (&b, &a);

      fuzz_check_line (range);
      /* An order: antisymmetric, and equal dates compare equal. */
      if ((ab < 0) != (ba > 0) || (ab == 0) != (ba == 0))
        abort ();
      if (chronicle_date_equal (&a, &b) && ab != 0)
        abort ();
    }

  return 0;
}
