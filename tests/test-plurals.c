/* test-plurals.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Plural forms chosen by the number, and whole sentences where a language
 * inflects, as a Ukrainian user sees them: deep time on the axis ("5
 * мільярдів років тому", "13,8 мільярда років тому"), the days of a month
 * in a date's error, and the Edit menu's Undo and Redo labels. The messages come from a test catalogue,
 * tests/data/plurals-uk.po (meson compiles it), not from po/uk.po, so
 * that these cases do not wait for a translation. Skipped without the
 * uk_UA.UTF-8 locale (build-aux/chronicle-dev generates it). */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "chronicle-date-private.h"
#include "chronicle-document.h"
#include "chronicle-document-private.h"
#include "chronicle-layout-private.h"
#include "chronicle-test-util.h"

/* 365.2425 days, the axis's year */
#define YEAR_SECONDS (365.2425 * 86400.0)

static char *locale_dir;

/* Switches the process to Ukrainian; FALSE (and the test skipped) when
 * the system lacks the locale. */
static gboolean
enter_ukrainian (void)
{
  if (setlocale (LC_ALL, "uk_UA.UTF-8") == NULL)
    {
      g_test_skip ("locale uk_UA.UTF-8 is not installed (see build-aux/chronicle-dev)");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "uk", TRUE);
  return TRUE;
}

static void
leave_ukrainian (void)
{
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
}

/* The label of the year @distance years before 1 AD (or after it, when
 * @past is FALSE), to 3 significant digits. */
static char *
format_distance (double   distance,
                 gboolean past)
{
  return chronicle_date_format_year (past ? 1 - (gint64) distance : (gint64) distance);
}

static void
test_deep_time (void)
{
  /* The one, few and many forms by the last digits, and the form a
   * decimal number takes (the C locale would write "13.8"). */
  const struct
  {
    double      distance;
    gboolean    past;
    const char *label;
  } cases[] = {
    { 1e9, TRUE, "1 мільярд років тому" },
    { 3e9, TRUE, "3 мільярди років тому" },
    { 5e9, TRUE, "5 мільярдів років тому" },
    { 2.1e9, TRUE, "2,1 мільярда років тому" },
    { 13.8e9, TRUE, "13,8 мільярда років тому" },
    { 5e9, FALSE, "через 5 мільярдів років" },
    { 2e9, FALSE, "через 2 мільярди років" },
    { 21e6, TRUE, "21 мільйон років тому" },
    { 22e6, TRUE, "22 мільйони років тому" },
    { 65e6, TRUE, "65 мільйонів років тому" },
    { 65.5e6, TRUE, "65,5 мільйона років тому" },
  };

  if (!enter_ukrainian ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = format_distance (cases[i].distance, cases[i].past);

      g_assert_cmpstr (label, ==, cases[i].label);
    }

  leave_ukrainian ();
}

/* Ticks a year apart count the years out: the form follows the last
 * digits of a count past what 32 bits hold. */
static void
test_counted_years (void)
{
  const struct
  {
    gint64      distance;
    const char *label;
  } cases[] = {
    { G_GINT64_CONSTANT (13800000001), "13\u202f800\u202f000\u202f001 рік тому" },
    { G_GINT64_CONSTANT (13800000003), "13\u202f800\u202f000\u202f003 роки тому" },
    { G_GINT64_CONSTANT (13800000011), "13\u202f800\u202f000\u202f011 років тому" },
  };

  if (!enter_ukrainian ())
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = chronicle_date_format_year_step (1 - cases[i].distance, 1);

      g_assert_cmpstr (label, ==, cases[i].label);
    }

  leave_ukrainian ();
}

/* What an axis break says it leaves out. */
static void
test_skip (void)
{
  g_autofree char *five = NULL;
  g_autofree char *two = NULL;
  g_autofree char *decimal = NULL;

  if (!enter_ukrainian ())
    return;

  five = chronicle_layout_format_skip (5e9 * YEAR_SECONDS);
  two = chronicle_layout_format_skip (2e9 * YEAR_SECONDS);
  decimal = chronicle_layout_format_skip (4.5e9 * YEAR_SECONDS);
  g_assert_cmpstr (five, ==, "5 мільярдів років");
  g_assert_cmpstr (two, ==, "2 мільярди років");
  g_assert_cmpstr (decimal, ==, "4,5 мільярда років");

  leave_ukrainian ();
}

/* A day past the end of its month names the month's days in their form. */
static void
test_days_in_month (void)
{
  ChronicleDate date;
  g_autoptr(GError) february = NULL;
  g_autoptr(GError) april = NULL;

  if (!enter_ukrainian ())
    return;

  g_assert_false (chronicle_date_parse ("2022-02-30", &date, &february));
  g_assert_error (february, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
  g_assert_cmpstr (february->message, ==, "2022-02-30 не існує: лютий 2022 має 28 днів");
  g_assert_false (chronicle_date_parse ("2022-04-31", &date, &april));
  g_assert_error (april, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID);
  g_assert_cmpstr (april->message, ==, "2022-04-31 не існує: квітень 2022 має 30 днів");

  leave_ukrainian ();
}

static ChronicleDocument *
make_document (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Plurals");
  g_autoptr(ChronicleEvent) event = NULL;
  ChronicleDocument *document = chronicle_document_new ();
  ChronicleDate date;
  g_autoptr(GError) error = NULL;

  chronicle_date_parse ("2022-03-01", &date, &error);
  g_assert_no_error (error);
  event = chronicle_event_new ("a", &date, "An event");
  chronicle_timeline_add_event (timeline, event);
  chronicle_document_set_timeline (document, timeline);
  return document;
}

/* A step the Edit menu has labels for reads as a whole sentence; another
 * ("Add 3 Events", named with a number) as the language composes it. */
static void
test_undo_labels (void)
{
  g_autoptr(ChronicleDocument) document = NULL;
  g_autoptr(ChronicleEvent) moved = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleDate later;

  if (!enter_ukrainian ())
    return;

  document = make_document ();
  moved = chronicle_event_copy (chronicle_timeline_get_event (chronicle_document_get_timeline (document), 0));
  chronicle_date_parse ("2022-03-10", &later, &error);
  g_assert_no_error (error);
  chronicle_event_set_date (moved, &later);

  g_assert_true (chronicle_document_replace_event (document, "a", moved, _("Move Event"), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Скасувати переміщення події");
  chronicle_document_undo (document);
  g_assert_cmpstr (chronicle_document_get_redo_label (document), ==, "Повторити переміщення події");

  chronicle_document_begin_group (document, "Додати 3 події");
  chronicle_document_set_timeline_title (document, "Множини");
  chronicle_document_end_group (document);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Скасувати: Додати 3 події");
  chronicle_document_undo (document);
  g_assert_cmpstr (chronicle_document_get_redo_label (document), ==, "Повторити: Додати 3 події");

  leave_ukrainian ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *language_dir = NULL;
  g_autofree char *messages_dir = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* bindtextdomain() wants <dir>/uk/LC_MESSAGES/chronicle.mo: the test
   * catalogue meson built, copied into that shape. */
  locale_dir = g_dir_make_tmp ("chronicle-plurals-XXXXXX", &error);
  g_assert_no_error (error);
  language_dir = g_build_filename (locale_dir, "uk", NULL);
  messages_dir = g_build_filename (language_dir, "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages_dir, 0700), ==, 0);
  mo = g_test_build_filename (G_TEST_BUILT, "plurals-uk.mo", NULL);
  target = g_build_filename (messages_dir, GETTEXT_PACKAGE ".mo", NULL);
  source = g_file_new_for_path (mo);
  destination = g_file_new_for_path (target);
  g_file_copy (source, destination, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/plurals/deep-time", test_deep_time);
  g_test_add_func ("/plurals/counted-years", test_counted_years);
  g_test_add_func ("/plurals/skip", test_skip);
  g_test_add_func ("/plurals/days-in-month", test_days_in_month);
  g_test_add_func ("/plurals/undo-labels", test_undo_labels);

  status = g_test_run ();
  g_assert_cmpint (g_unlink (target), ==, 0);
  g_assert_cmpint (g_rmdir (messages_dir), ==, 0);
  g_assert_cmpint (g_rmdir (language_dir), ==, 0);
  g_assert_cmpint (g_rmdir (locale_dir), ==, 0);
  g_free (locale_dir);
  return status;
}
