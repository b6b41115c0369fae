/* test-columns-dialog.c: the column-mapping dialog (issue #14)
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-columns-dialog"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "chronicle-category.h"
#include "chronicle-columns-dialog.h"
#include "chronicle-columns-row.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-private.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

static ChronicleApplication *app;

/* The columns of tests/data/import/ukraine-talks.csv, as the drop-downs
 * list them after "None". */
enum { NONE, MEETING_DATE, WHAT_HAPPENED, WHO, WHERE, TRACK, OUTCOME, REPORTED_BY };

typedef struct
{
  ChronicleWindow        *window;
  GFile                  *file;
  ChronicleColumnsDialog *dialog;   /* weak */
} Fixture;

static gboolean
is_idle (gpointer data)
{
  return !chronicle_window_is_loading (CHRONICLE_WINDOW (data));
}

/* The columns dialog over @parent, and how many windows are shown over it. */
static ChronicleColumnsDialog *
find_columns_dialog (GtkWindow *parent,
                     guint     *n_over)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  ChronicleColumnsDialog *found = NULL;

  *n_over = 0;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* The help overlay is there, hidden. */
      if (gtk_window_get_transient_for (window) != parent || !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      (*n_over)++;
      if (CHRONICLE_IS_COLUMNS_DIALOG (window))
        found = CHRONICLE_COLUMNS_DIALOG (window);
    }
  return found;
}

static gboolean
is_ready (gpointer data)
{
  return chronicle_columns_dialog_get_ready (CHRONICLE_COLUMNS_DIALOG (data));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "ukraine-talks.csv", NULL);
  guint n_over;

  fixture->file = g_file_new_for_path (path);
  fixture->window = chronicle_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));

  /* Opened as Ctrl+O, a drop and `chronicle FILE` open it. */
  chronicle_window_open (fixture->window, fixture->file);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  while (g_main_context_iteration (NULL, FALSE));

  /* The dialog, and no error dialog with it. */
  fixture->dialog = find_columns_dialog (GTK_WINDOW (fixture->window), &n_over);
  g_assert_nonnull (fixture->dialog);
  g_assert_cmpuint (n_over, ==, 1);
  g_object_add_weak_pointer (G_OBJECT (fixture->dialog), (gpointer *) &fixture->dialog);
  chronicle_test_wait_for (is_ready, fixture->dialog, CHRONICLE_TEST_WAIT_MS);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_assert_null (fixture->dialog);
  chronicle_test_destroy_window (&fixture->window);
  g_object_unref (fixture->file);
}

static void
choose (Fixture              *fixture,
        ChronicleImportField  field,
        guint                 column)
{
  adw_combo_row_set_selected (chronicle_columns_dialog_get_field_row (fixture->dialog, field), column);
}

static ChronicleColumnsRow *
get_preview_row (Fixture *fixture,
                 guint    i)
{
  GListModel *rows = chronicle_columns_dialog_get_preview (fixture->dialog);
  g_autoptr(ChronicleColumnsRow) row = g_list_model_get_item (rows, i);

  g_assert_nonnull (row);
  /* The store holds it. */
  return row;
}

static const char *
preview_text (Fixture              *fixture,
              guint                 i,
              ChronicleImportField  field)
{
  return chronicle_columns_row_get_text (get_preview_row (fixture, i), field);
}

/* The dialog opens, for a spreadsheet whose columns are not recognised,
 * in place of the refusal: nothing opened yet, the drop-downs set to
 * what the recogniser guessed (Who, Where by name; the date by its
 * cells), the preview of the first ten rows read with them. */
static void
test_appears (Fixture       *fixture,
              gconstpointer  data)
{
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 0);
  g_assert_true (g_file_equal (chronicle_columns_dialog_get_file (fixture->dialog), fixture->file));

  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (fixture->dialog,
                                                                                      CHRONICLE_IMPORT_FIELD_DATE)),
                    ==, MEETING_DATE);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (fixture->dialog,
                                                                                      CHRONICLE_IMPORT_FIELD_TITLE)),
                    ==, NONE);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (fixture->dialog,
                                                                                      CHRONICLE_IMPORT_FIELD_ACTORS)),
                    ==, WHO);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (fixture->dialog,
                                                                                      CHRONICLE_IMPORT_FIELD_LOCATION)),
                    ==, WHERE);

  g_assert_cmpuint (g_list_model_get_n_items (chronicle_columns_dialog_get_preview (fixture->dialog)), ==,
                    CHRONICLE_COLUMNS_DIALOG_N_ROWS);
  /* The date as the chart will show it, at the precision read. */
  g_assert_cmpstr (preview_text (fixture, 0, CHRONICLE_IMPORT_FIELD_DATE), ==, "28 February 2022");
  g_assert_cmpstr (preview_text (fixture, 0, CHRONICLE_IMPORT_FIELD_TITLE), ==, "Untitled event");
  g_assert_cmpstr (preview_text (fixture, 0, CHRONICLE_IMPORT_FIELD_ACTORS), ==, "Russia; Ukraine");
  g_assert_cmpstr (preview_text (fixture, 0, CHRONICLE_IMPORT_FIELD_LOCATION), ==, "Gomel region, Belarus");
  g_assert_cmpstr (preview_text (fixture, 0, CHRONICLE_IMPORT_FIELD_CATEGORY), ==, "");

  /* Row 7 of the sheet is refused, with its place and why. */
  g_assert_true (chronicle_columns_row_get_refused (get_preview_row (fixture, 5)));
  g_assert_cmpuint (chronicle_columns_row_get_number (get_preview_row (fixture, 5)), ==, 7);
  g_assert_true (g_str_has_prefix (chronicle_columns_row_get_note (get_preview_row (fixture, 5)),
                                   "row 7, column \"Meeting date\": “Spring 2023” is not a date: "));
  g_assert_cmpstr (chronicle_columns_dialog_get_status (fixture->dialog), ==,
                   "1 of the first 10 rows is left out: its Title column says why.");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (gtk_window_get_default_widget (GTK_WINDOW (fixture->dialog)))));
}

/* Each choice reads the rows again: a title column, a category, a
 * summary; no date column refuses every row and Open with it. */
static void
test_choices_update_preview (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *open = gtk_window_get_default_widget (GTK_WINDOW (fixture->dialog));

  choose (fixture, CHRONICLE_IMPORT_FIELD_TITLE, WHAT_HAPPENED);
  g_assert_cmpstr (preview_text (fixture, 0, CHRONICLE_IMPORT_FIELD_TITLE), ==,
                   "First round of talks on the Belarusian border");
  choose (fixture, CHRONICLE_IMPORT_FIELD_CATEGORY, TRACK);
  g_assert_cmpstr (preview_text (fixture, 2, CHRONICLE_IMPORT_FIELD_CATEGORY), ==, "Foreign ministers");
  choose (fixture, CHRONICLE_IMPORT_FIELD_SUMMARY, OUTCOME);
  g_assert_cmpstr (preview_text (fixture, 1, CHRONICLE_IMPORT_FIELD_SUMMARY), ==,
                   "Agreement in principle on humanitarian corridors");
  choose (fixture, CHRONICLE_IMPORT_FIELD_SOURCE, REPORTED_BY);
  g_assert_cmpstr (preview_text (fixture, 4, CHRONICLE_IMPORT_FIELD_SOURCE), ==, "UN News");
  /* A column feeds one field: chosen for another, it leaves the first. */
  choose (fixture, CHRONICLE_IMPORT_FIELD_SUMMARY, REPORTED_BY);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (fixture->dialog,
                                                                                      CHRONICLE_IMPORT_FIELD_SOURCE)),
                    ==, NONE);
  g_assert_cmpstr (preview_text (fixture, 4, CHRONICLE_IMPORT_FIELD_SOURCE), ==, "");
  g_assert_cmpstr (preview_text (fixture, 4, CHRONICLE_IMPORT_FIELD_SUMMARY), ==, "UN News");
  /* A column the recogniser gave, taken away. */
  choose (fixture, CHRONICLE_IMPORT_FIELD_ACTORS, NONE);
  g_assert_cmpstr (preview_text (fixture, 0, CHRONICLE_IMPORT_FIELD_ACTORS), ==, "");

  choose (fixture, CHRONICLE_IMPORT_FIELD_DATE, NONE);
  g_assert_true (chronicle_columns_row_get_refused (get_preview_row (fixture, 0)));
  g_assert_cmpstr (chronicle_columns_dialog_get_status (fixture->dialog), ==,
                   "Choose the column that holds the date: every event needs one.");
  g_assert_false (gtk_widget_is_sensitive (open));

  choose (fixture, CHRONICLE_IMPORT_FIELD_DATE, MEETING_DATE);
  g_assert_false (chronicle_columns_row_get_refused (get_preview_row (fixture, 0)));
  g_assert_true (gtk_widget_is_sensitive (open));
}

/* Open reads the whole file with the columns chosen, in a new tab, as
 * --columns does: the mapped fields on the events, the refused row in
 * the warnings. */
static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  ChronicleTimeline *timeline;
  const char * const *warnings;
  ChronicleCategory *category;
  gboolean warned = FALSE;

  choose (fixture, CHRONICLE_IMPORT_FIELD_TITLE, WHAT_HAPPENED);
  choose (fixture, CHRONICLE_IMPORT_FIELD_CATEGORY, TRACK);
  choose (fixture, CHRONICLE_IMPORT_FIELD_SUMMARY, OUTCOME);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "columns.open", NULL);
  g_assert_null (fixture->dialog);

  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  timeline = chronicle_window_get_timeline (fixture->window);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 14);
  g_assert_cmpstr (chronicle_timeline_get_title (timeline), ==, "ukraine-talks");
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 3), ==, "Talks at Dolmabahçe Palace");
  g_assert_cmpstr (chronicle_event_get_summary (chronicle_timeline_get_event (timeline, 3)), ==,
                   "Ukraine tables the Istanbul communiqué on neutrality and guarantees");
  category = chronicle_timeline_lookup_category (timeline, chronicle_timeline_get_event_category_id (timeline, 3));
  g_assert_nonnull (category);
  g_assert_cmpstr (chronicle_category_get_label (category), ==, "Direct talks");
  g_assert_cmpstr (chronicle_event_get_location (chronicle_timeline_get_event (timeline, 3)), ==, "Istanbul, Türkiye");

  warnings = chronicle_window_get_warnings (fixture->window);
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    warned = warned || strstr (warnings[i], "row 7, column \"Meeting date\": “Spring 2023”") != NULL;
  g_assert_true (warned);
}

/* Cancel, or Escape, opens nothing and leaves the window as it was. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  guint n_over;

  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->dialog), GDK_KEY_Escape, 0,
                                                 "columns.cancel"));
  choose (fixture, CHRONICLE_IMPORT_FIELD_TITLE, WHAT_HAPPENED);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "columns.cancel", NULL);
  g_assert_null (fixture->dialog);
  while (g_main_context_iteration (NULL, FALSE));

  g_assert_null (find_columns_dialog (GTK_WINDOW (fixture->window), &n_over));
  g_assert_cmpuint (n_over, ==, 0);
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 0);
  g_assert_true (chronicle_window_get_start_page_visible (fixture->window));
  g_assert_false (chronicle_window_is_loading (fixture->window));
}

/* Every drop-down is reached with Tab and has a mnemonic; Enter opens
 * (Open is the default widget). */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *open = gtk_window_get_default_widget (GTK_WINDOW (fixture->dialog));

  g_assert_true (GTK_IS_BUTTON (open));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==, "columns.open");
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    {
      AdwComboRow *row = chronicle_columns_dialog_get_field_row (fixture->dialog, f);

      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row)));
      g_assert_nonnull (strchr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), '_'));
    }
}

/* Choose Columns… on a spreadsheet that was recognised: the dialog starts
 * from the columns it was read with, and Open reads it again in its own
 * tab with the new ones; the next time starts from those. Not offered for
 * our own format. */
static void
test_rechoose (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "tsv-columns.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *example_path = chronicle_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  ChronicleWindow *window = chronicle_window_new (app);
  ChronicleColumnsDialog *dialog;
  ChronicleTimeline *timeline;
  guint n_over;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  chronicle_window_open (window, example);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-columns", NULL);
  g_assert_null (find_columns_dialog (GTK_WINDOW (window), &n_over));

  chronicle_window_open (window, file);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 2);
  g_assert_cmpstr (chronicle_timeline_get_event_title (chronicle_window_get_timeline (window), 0), ==, "Tabbed");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-columns", NULL));
  dialog = find_columns_dialog (GTK_WINDOW (window), &n_over);
  g_assert_nonnull (dialog);
  chronicle_test_wait_for (is_ready, dialog, CHRONICLE_TEST_WAIT_MS);
  /* date, title, group, text: as recognised. */
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (dialog, CHRONICLE_IMPORT_FIELD_TITLE)),
                    ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (dialog, CHRONICLE_IMPORT_FIELD_CATEGORY)),
                    ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (dialog, CHRONICLE_IMPORT_FIELD_SUMMARY)),
                    ==, 4);

  adw_combo_row_set_selected (chronicle_columns_dialog_get_field_row (dialog, CHRONICLE_IMPORT_FIELD_TITLE), 4);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (dialog, CHRONICLE_IMPORT_FIELD_SUMMARY)),
                    ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "columns.open", NULL);

  g_assert_cmpuint (chronicle_window_get_n_pages (window), ==, 2);
  chronicle_test_wait_for (is_idle, window, CHRONICLE_TEST_WAIT_MS);
  timeline = chronicle_window_get_timeline (window);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "one, with a comma");
  g_assert_null (chronicle_event_get_summary (chronicle_timeline_get_event (timeline, 0)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-columns", NULL));
  dialog = find_columns_dialog (GTK_WINDOW (window), &n_over);
  chronicle_test_wait_for (is_ready, dialog, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpuint (adw_combo_row_get_selected (chronicle_columns_dialog_get_field_row (dialog, CHRONICLE_IMPORT_FIELD_TITLE)),
                    ==, 4);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "columns.cancel", NULL);

  chronicle_test_destroy_window (&window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  app = chronicle_test_ui_start_app ();

  g_test_add ("/columns-dialog/appears", Fixture, NULL, fixture_setup, test_appears, fixture_teardown);
  g_test_add ("/columns-dialog/choices-update-preview", Fixture, NULL, fixture_setup,
              test_choices_update_preview, fixture_teardown);
  g_test_add ("/columns-dialog/open", Fixture, NULL, fixture_setup, test_open, fixture_teardown);
  g_test_add ("/columns-dialog/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/columns-dialog/keyboard", Fixture, NULL, fixture_setup, test_keyboard, fixture_teardown);
  g_test_add_func ("/columns-dialog/rechoose", test_rechoose);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);

  return status;
}
