/* test-i18n.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Dates, axis labels and messages in Ukrainian and German, as a user with
 * LANGUAGE=uk or de sees them. Month names come from the C library's locale
 * data (LC_TIME), the formats and messages from po/ through gettext; the
 * catalogues are read from the build tree (<build>/po/<lang>/LC_MESSAGES).
 * A language whose locale is not installed is skipped: build-aux/chronicle-dev
 * generates uk_UA.UTF-8 and de_DE.UTF-8 so that CI runs every case. */

#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "chronicle-date.h"
#include "chronicle-filter.h"
#include "chronicle-layout.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"

#define WIDTH  1200.0
#define HEIGHT 675.0

typedef struct
{
  const char *language;      /* LANGUAGE */
  const char *locale;        /* LC_ALL */

  const char *month;         /* 2022-03 */
  const char *day;           /* 2025-05-16 */
  const char *minute;        /* 2025-05-16T10:30 */
  const char *range;         /* 2022-02-24 .. 2022-03-03 */
  const char *range_days;    /* 2022-02-24 .. 2022-02-28 */
  const char *range_months;  /* 2022-03 .. 2022-05 */
  const char *bad_day;       /* the error for 2022-02-30 */
  const char *empty_file;    /* the loader's error for an empty file */
  const char *version_type;  /* the loader's error for "version": "1" */

  /* The abbreviated month names of the language, January first; English
   * ones that must not show up on its axis; and the label of a day tick
   * (the axis zoomed into May 2025). */
  const char *months[13];
  const char *english[5];
  const char *day_tick;

  /* chronicle_filter_format_count (100 000, 100 000) and (2 500, 100 000):
   * digits grouped the language's way */
  const char *many_events;
  const char *some_events;
} Language;

static const Language ukrainian = {
  "uk", "uk_UA.UTF-8",
  "березень 2022",
  "16 травня 2025",
  "16 травня 2025, 10:30",
  "24 лютого – 3 березня 2022",
  "24–28 лютого 2022",
  "березень – травень 2022",
  "2022-02-30 не існує: лютий 2022 має 28 дн.",
  "файл порожній",
  "\"version\" має бути числом, а не рядком",
  { "січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру", NULL },
  { "Feb", "Mar", "May", "Apr", NULL },
  "16 тра",
  "100\u202f000 подій",
  "2\u202f500 з 100\u202f000 подій",
};

static const Language german = {
  "de", "de_DE.UTF-8",
  "März 2022",
  "16. Mai 2025",
  "16. Mai 2025, 10:30",
  "24. Februar – 3. März 2022",
  "24.–28. Februar 2022",
  "März – Mai 2022",
  "2022-02-30 existiert nicht: Februar 2022 hat 28 Tage",
  "die Datei ist leer",
  "\"version\" muss eine Zahl sein, ist aber eine Zeichenkette",
  { "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez", NULL },
  { "Mar", "May", "Oct", "Dec", NULL },
  "16. Mai",
  "100.000 Ereignisse",
  "2.500 von 100.000 Ereignissen",
};

/* Switches the process to @lang; FALSE (and the test skipped) when the
 * system lacks its locale. */
static gboolean
enter_language (const Language *lang)
{
  if (setlocale (LC_ALL, lang->locale) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not installed (see build-aux/chronicle-dev)",
                                                  lang->locale);
      g_test_skip (message);
      return FALSE;
    }

  g_setenv ("LANGUAGE", lang->language, TRUE);
  return TRUE;
}

static void
leave_language (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

static char *
format_iso (const char *text)
{
  ChronicleDate date;
  g_autoptr(GError) error = NULL;

  chronicle_date_parse (text, &date, &error);
  g_assert_no_error (error);
  return chronicle_date_format (&date);
}

static char *
format_iso_range (const char *start_text,
                  const char *end_text)
{
  ChronicleDate start, end;
  g_autoptr(GError) error = NULL;

  chronicle_date_parse (start_text, &start, &error);
  g_assert_no_error (error);
  chronicle_date_parse (end_text, &end, &error);
  g_assert_no_error (error);
  return chronicle_date_format_range (&start, &end);
}

static void
test_dates (gconstpointer data)
{
  const Language *lang = data;
  g_autofree char *month = NULL;
  g_autofree char *day = NULL;
  g_autofree char *minute = NULL;
  g_autofree char *range = NULL;
  g_autofree char *range_days = NULL;
  g_autofree char *range_months = NULL;

  if (!enter_language (lang))
    return;

  month = format_iso ("2022-03");
  day = format_iso ("2025-05-16");
  minute = format_iso ("2025-05-16T10:30");
  range = format_iso_range ("2022-02-24", "2022-03-03");
  range_days = format_iso_range ("2022-02-24", "2022-02-28");
  range_months = format_iso_range ("2022-03", "2022-05");

  g_assert_cmpstr (month, ==, lang->month);
  g_assert_cmpstr (day, ==, lang->day);
  g_assert_cmpstr (minute, ==, lang->minute);
  g_assert_cmpstr (range, ==, lang->range);
  g_assert_cmpstr (range_days, ==, lang->range_days);
  g_assert_cmpstr (range_months, ==, lang->range_months);

  leave_language ();
}

static void
test_messages (gconstpointer data)
{
  const Language *lang = data;
  ChronicleDate date;
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) empty_error = NULL;
  g_autoptr(GError) version_error = NULL;
  g_autoptr(ChronicleTimeline) empty = NULL;
  g_autoptr(ChronicleTimeline) bad_version = NULL;

  if (!enter_language (lang))
    return;

  /* A date error names the month through the translated "%OB %Y". */
  g_assert_false (chronicle_date_parse ("2022-02-30", &date, &date_error));
  g_assert_nonnull (date_error);
  g_assert_cmpstr (date_error->message, ==, lang->bad_day);

  empty = chronicle_timeline_load_from_data ("", -1, NULL, &empty_error);
  g_assert_null (empty);
  g_assert_error (empty_error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX);
  g_assert_nonnull (strstr (empty_error->message, lang->empty_file));

  /* Composed from a message and a JSON type with a context (C_()). */
  bad_version = chronicle_timeline_load_from_data ("{\"format\": \"chronicle-timeline\", \"version\": \"1\"}",
                                                   -1, NULL, &version_error);
  g_assert_null (bad_version);
  g_assert_error (version_error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_TYPE);
  g_assert_nonnull (strstr (version_error->message, lang->version_type));

  /* The window's subtitle: a count of 100 000 reads as one. */
  {
    g_autofree char *many = chronicle_filter_format_count (100000, 100000);
    g_autofree char *some = chronicle_filter_format_count (2500, 100000);

    g_assert_cmpstr (many, ==, lang->many_events);
    g_assert_cmpstr (some, ==, lang->some_events);
  }

  leave_language ();
}

/* The labels of the axis ticks of @timeline in @vp, one string joined by
 * " | ", for assertions and for the log of a failure. */
static char *
dup_tick_labels (ChronicleTimeline       *timeline,
                 const ChronicleViewport *vp)
{
  ChronicleLayoutOptions options = { TRUE, TRUE, TRUE, TRUE };
  g_autoptr(ChronicleLayout) layout = NULL;
  const ChronicleTick *ticks;
  guint n_ticks;
  GString *labels = g_string_new (NULL);

  layout = chronicle_layout_compute (timeline, vp, WIDTH, HEIGHT, &options,
                                     chronicle_test_measure_fixed, NULL);
  ticks = chronicle_layout_get_ticks (layout, &n_ticks);
  for (guint i = 0; i < n_ticks; i++)
    {
      if (ticks[i].text == NULL)
        continue;
      if (labels->len > 0)
        g_string_append (labels, " | ");
      g_string_append (labels, ticks[i].text);
    }

  return g_string_free (labels, FALSE);
}

static gboolean
has_ascii_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

/* @labels name months the language's way and never the English way;
 * Ukrainian labels have no Latin letters at all. */
static void
assert_in_language (const Language *lang,
                    const char     *labels)
{
  guint n_months = 0;

  for (guint i = 0; lang->months[i] != NULL; i++)
    if (strstr (labels, lang->months[i]) != NULL)
      n_months++;
  g_assert_cmpuint (n_months, >=, 1);

  for (guint i = 0; lang->english[i] != NULL; i++)
    g_assert_null (strstr (labels, lang->english[i]));

  if (g_str_equal (lang->language, "uk"))
    g_assert_false (has_ascii_letters (labels));
}

static void
test_axis (gconstpointer data)
{
  const Language *lang = data;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleViewport) vp = chronicle_viewport_new ();
  g_autoptr(GDateTime) may_start = NULL;
  g_autoptr(GDateTime) may_end = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *may = NULL;

  if (!enter_language (lang))
    return;

  timeline = chronicle_test_load_example ();
  chronicle_viewport_set_width (vp, WIDTH);
  chronicle_viewport_set_timeline (vp, timeline, TRUE);

  /* The whole example: February to April 2022, then May 2025. */
  whole = dup_tick_labels (timeline, vp);
  g_test_message ("%s axis, whole example: %s", lang->language, whole);
  g_assert_nonnull (strstr (whole, lang->months[2]));   /* March 2022 */
  assert_in_language (lang, whole);

  /* Zoomed into the talks: day ticks in the language's order. */
  may_start = g_date_time_new_utc (2025, 5, 10, 0, 0, 0);
  may_end = g_date_time_new_utc (2025, 5, 24, 0, 0, 0);
  chronicle_viewport_show_range (vp, g_date_time_to_unix (may_start), g_date_time_to_unix (may_end));
  may = dup_tick_labels (timeline, vp);
  g_test_message ("%s axis, May 2025: %s", lang->language, may);
  g_assert_nonnull (strstr (may, lang->day_tick));
  assert_in_language (lang, may);

  leave_language ();
}

int
main (int   argc,
      char *argv[])
{
  const Language *languages[] = { &ukrainian, &german };
  g_autofree char *locale_dir = NULL;

  g_test_init (&argc, &argv, NULL);

  /* The catalogues meson builds: <build>/po/<lang>/LC_MESSAGES/chronicle.mo. */
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const Language *lang = languages[i];
      g_autofree char *dates = g_strdup_printf ("/i18n/%s/dates", lang->language);
      g_autofree char *messages = g_strdup_printf ("/i18n/%s/messages", lang->language);
      g_autofree char *axis = g_strdup_printf ("/i18n/%s/axis", lang->language);

      g_test_add_data_func (dates, lang, test_dates);
      g_test_add_data_func (messages, lang, test_messages);
      g_test_add_data_func (axis, lang, test_axis);
    }

  return g_test_run ();
}
