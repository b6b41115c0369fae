/* test-export-dialog.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "chronicle-export-dialog-private.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-private.h"

typedef struct
{
  ChronicleTimeline     *timeline;
  ChronicleExportDialog *dialog;
  char                  *dir;
  GFile                 *exported;
} Fixture;

static void
on_exported_cb (ChronicleExportDialog *dialog,
                GFile                 *file,
                Fixture               *fixture)
{
  g_set_object (&fixture->exported, file);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->timeline = chronicle_test_load_example ();
  fixture->dir = g_dir_make_tmp ("chronicle-export-dialog-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->dialog = chronicle_export_dialog_new (NULL, fixture->timeline, NULL, NULL);
  g_object_ref_sink (fixture->dialog);
  g_signal_connect (fixture->dialog, "exported", G_CALLBACK (on_exported_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  g_clear_object (&fixture->timeline);
  g_clear_object (&fixture->exported);

  chronicle_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
is_idle (gpointer data)
{
  return !chronicle_export_dialog_is_busy (CHRONICLE_EXPORT_DIALOG (data));
}

/* An export of the example takes well under a second; 30 s on a loaded
 * CI machine. */
static void
wait_until_idle (ChronicleExportDialog *dialog)
{
  chronicle_test_wait_for (is_idle, dialog, 30000);
}

/* Choosing PNG and the article preset writes exactly that image. */
static void
test_export_png_preset (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "card.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChronicleExportOptions options;
  cairo_surface_t *png;

  adw_combo_row_set_selected (chronicle_export_dialog_get_format_row (fixture->dialog), 2);
  adw_combo_row_set_selected (chronicle_export_dialog_get_format_row (fixture->dialog), 0);
  adw_combo_row_set_selected (chronicle_export_dialog_get_size_row (fixture->dialog), 0);

  /* A filter's hidden categories reach the export, as on screen. */
  chronicle_export_dialog_set_hidden_categories (fixture->dialog, (const char * const[]) { "statements", NULL });

  chronicle_export_dialog_get_options (fixture->dialog, &options);
  g_assert_nonnull (options.hidden_categories);
  g_assert_cmpstr (options.hidden_categories[0], ==, "statements");
  g_assert_null (options.hidden_categories[1]);
  g_assert_cmpint (options.format, ==, CHRONICLE_EXPORT_PNG);
  g_assert_cmpint (options.width, ==, 1200);
  g_assert_cmpint (options.height, ==, 675);

  chronicle_export_dialog_export_to_file (fixture->dialog, file);
  g_assert_true (chronicle_export_dialog_is_busy (fixture->dialog));
  wait_until_idle (fixture->dialog);

  g_assert_null (chronicle_export_dialog_get_error (fixture->dialog));
  g_assert_nonnull (fixture->exported);
  g_assert_true (g_file_equal (fixture->exported, file));

  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 675);
  cairo_surface_destroy (png);
}

/* Picking the A4 preset for PDF sizes the page in points. */
static void
test_export_pdf_a4 (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  ChronicleExportOptions options;

  /* A print preset chooses PDF by itself. */
  adw_combo_row_set_selected (chronicle_export_dialog_get_size_row (fixture->dialog), 2);
  chronicle_export_dialog_get_options (fixture->dialog, &options);
  g_assert_cmpint (options.format, ==, CHRONICLE_EXPORT_PDF);
  g_assert_cmpint (options.width, ==, 842);
  g_assert_cmpint (options.height, ==, 595);
  g_assert_cmpint (options.scale, ==, 1);

  chronicle_export_dialog_export_to_file (fixture->dialog, file);
  wait_until_idle (fixture->dialog);
  g_assert_nonnull (fixture->exported);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

/* The format row offers the timeline's data for TimelineJS, JSON and the
 * Sheets template's CSV (issue #14): what it writes opens back with the
 * same events. */
static void
test_export_timelinejs (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const names[] = { "talks.timelinejs.json", "talks.csv" };
  AdwComboRow *format_row = chronicle_export_dialog_get_format_row (fixture->dialog);
  GListModel *formats = adw_combo_row_get_model (format_row);

  g_assert_cmpuint (g_list_model_get_n_items (formats), ==, CHRONICLE_EXPORT_PDF + 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(ChronicleTimeline) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      adw_combo_row_set_selected (format_row, CHRONICLE_EXPORT_PDF + 1 + i);
      g_clear_object (&fixture->exported);
      chronicle_export_dialog_export_to_file (fixture->dialog, file);
      wait_until_idle (fixture->dialog);
      g_assert_null (chronicle_export_dialog_get_error (fixture->dialog));
      g_assert_nonnull (fixture->exported);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (i == 0)
        g_assert_nonnull (strstr (contents, "\"start_date\""));
      else
        g_assert_nonnull (strstr (contents, "Display Date"));
      back = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (chronicle_timeline_get_n_events (back), ==,
                        chronicle_timeline_get_n_events (fixture->timeline));
      /* No image map beside data. */
      {
        g_autofree char *map = g_build_filename (fixture->dir, "talks.map.json", NULL);

        g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));
      }
    }
}

/* A failed export says why, in the dialog, and leaves nothing behind. */
static void
test_export_failure_shown (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "chart.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *message;

  chronicle_export_dialog_export_to_file (fixture->dialog, file);
  wait_until_idle (fixture->dialog);

  message = chronicle_export_dialog_get_error (fixture->dialog);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Could not write “"));
  g_assert_nonnull (strstr (message, "No such file or directory"));
  g_assert_null (fixture->exported);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
}

/* Report-ready defaults: nothing highlighted, no subtitle; the subtitle
 * typed and the image map asked for reach the export. */
static void
test_export_subtitle_and_map (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *map_path = g_build_filename (fixture->dir, "chart.map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *svg = NULL;
  g_autofree char *map = NULL;
  ChronicleExportOptions options;

  chronicle_export_dialog_get_options (fixture->dialog, &options);
  g_assert_cmpuint (options.selected, ==, G_MAXUINT);
  g_assert_null (options.subtitle);

  adw_combo_row_set_selected (chronicle_export_dialog_get_format_row (fixture->dialog), 1);
  gtk_editable_set_text (chronicle_export_dialog_get_subtitle_entry (fixture->dialog), "Two days in May");
  gtk_check_button_set_active (chronicle_export_dialog_get_image_map_check (fixture->dialog), TRUE);
  chronicle_export_dialog_get_options (fixture->dialog, &options);
  g_assert_cmpstr (options.subtitle, ==, "Two days in May");

  chronicle_export_dialog_export_to_file (fixture->dialog, file);
  wait_until_idle (fixture->dialog);
  g_assert_null (chronicle_export_dialog_get_error (fixture->dialog));

  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, ">Two days in May</text>"));
  g_assert_true (g_file_get_contents (map_path, &map, NULL, NULL));
  g_assert_nonnull (strstr (map, "\"events\""));
}

/* The worker thread waits in the hook until the main thread has edited
 * the timeline. */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean started;
  gboolean go;
} Gate;

static void
gate_hook (gpointer data,
           gpointer unused)
{
  Gate *gate = data;

  g_mutex_lock (&gate->mutex);
  gate->started = TRUE;
  g_cond_broadcast (&gate->cond);
  while (!gate->go)
    g_cond_wait (&gate->cond, &gate->mutex);
  g_mutex_unlock (&gate->mutex);
}

/* An edit on the main thread while an export runs neither crashes it nor
 * reaches it: the export shows the timeline as it was when it started
 * (issue #13). Run under the ASan build, it also checks that the worker
 * reads no freed record. */
static void
test_export_edit_during (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *map_path = g_build_filename (fixture->dir, "chart.map.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *map = NULL;
  Gate gate = { 0, };
  guint found = 0;

  for (guint i = 0; i < chronicle_timeline_get_n_events (fixture->timeline); i++)
    g_ptr_array_add (ids, g_strdup_printf ("\"%s\"", chronicle_timeline_get_event_id (fixture->timeline, i)));
  g_assert_cmpuint (ids->len, >, 0);

  g_mutex_init (&gate.mutex);
  g_cond_init (&gate.cond);
  chronicle_export_dialog_set_thread_hook (fixture->dialog, gate_hook, &gate);
  adw_combo_row_set_selected (chronicle_export_dialog_get_format_row (fixture->dialog), 1);
  gtk_check_button_set_active (chronicle_export_dialog_get_image_map_check (fixture->dialog), TRUE);
  chronicle_export_dialog_export_to_file (fixture->dialog, file);

  g_mutex_lock (&gate.mutex);
  while (!gate.started)
    g_cond_wait (&gate.cond, &gate.mutex);
  g_mutex_unlock (&gate.mutex);

  /* Every event goes, with its strings and quotes. */
  while (chronicle_timeline_get_n_events (fixture->timeline) > 0)
    chronicle_timeline_remove_event_at (fixture->timeline, 0);

  g_mutex_lock (&gate.mutex);
  gate.go = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.mutex);

  wait_until_idle (fixture->dialog);
  g_assert_null (chronicle_export_dialog_get_error (fixture->dialog));
  g_assert_nonnull (fixture->exported);

  g_assert_true (g_file_get_contents (map_path, &map, NULL, NULL));
  for (guint i = 0; i < ids->len; i++)
    if (strstr (map, g_ptr_array_index (ids, i)) != NULL)
      found++;
  g_assert_cmpuint (found, >, 0);

  g_mutex_clear (&gate.mutex);
  g_cond_clear (&gate.cond);
}

static gboolean
has_cut_note (gpointer data)
{
  return *chronicle_export_dialog_get_cut_note (CHRONICLE_EXPORT_DIALOG (data)) != '\0';
}

/* The selection is not highlighted by default; a preview that has to cut
 * titles says how many, under the preview; at actual size it is as large
 * as the file. */
static void
test_cut_note_and_actual_size (void)
{
  g_autofree char *json = chronicle_test_make_long_titles ();
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_load_from_data (json, -1, NULL, NULL);
  ChronicleExportDialog *dialog;
  ChronicleExportOptions options;
  int width, height;

  g_assert_nonnull (timeline);
  /* An event is selected in the window; the export does not ring it
   * unless asked. */
  dialog = chronicle_export_dialog_new (NULL, timeline, NULL, chronicle_timeline_get_event (timeline, 0));
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  chronicle_export_dialog_get_options (dialog, &options);
  g_assert_cmpuint (options.selected, ==, G_MAXUINT);

  chronicle_test_wait_for (has_cut_note, dialog, 30000);
  g_assert_nonnull (strstr (chronicle_export_dialog_get_cut_note (dialog), "cut to fit"));

  adw_combo_row_set_selected (chronicle_export_dialog_get_size_row (dialog), 0);
  gtk_toggle_button_set_active (chronicle_export_dialog_get_actual_size_button (dialog), TRUE);
  width = gtk_drawing_area_get_content_width (chronicle_export_dialog_get_preview (dialog));
  height = gtk_drawing_area_get_content_height (chronicle_export_dialog_get_preview (dialog));
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 675);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

static gboolean
has_fold_note (gpointer data)
{
  return strstr (chronicle_export_dialog_get_cut_note (CHRONICLE_EXPORT_DIALOG (data)), "folded into") != NULL;
}

/* Tester S12, item 3: an export that folds events into a "+N" pill says
 * so under the preview, with how many and what can show them. */
static void
test_fold_note (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(GError) error = NULL;
  ChronicleExportDialog *dialog;
  ChronicleDate date;

  g_assert_true (chronicle_date_parse ("2025-05-16", &date, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("article-%u", i);
      g_autofree char *title = g_strdup_printf ("Article event %u", i);
      g_autoptr(ChronicleEvent) event = chronicle_event_new (id, &date, title);

      chronicle_timeline_add_event (timeline, event);
    }

  dialog = chronicle_export_dialog_new (NULL, timeline, NULL, NULL);
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  chronicle_test_wait_for (has_fold_note, dialog, 30000);
  g_test_message ("%s", chronicle_export_dialog_get_cut_note (dialog));
  g_assert_nonnull (strstr (chronicle_export_dialog_get_cut_note (dialog),
                            "a taller size or a narrower range can show them"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
}

int
main (int   argc,
      char *argv[])
{
  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  g_test_add ("/export-dialog/png-preset", Fixture, NULL, fixture_setup, test_export_png_preset, fixture_teardown);
  g_test_add ("/export-dialog/subtitle-and-map", Fixture, NULL, fixture_setup, test_export_subtitle_and_map,
              fixture_teardown);
  g_test_add ("/export-dialog/edit-during-export", Fixture, NULL, fixture_setup, test_export_edit_during,
              fixture_teardown);
  g_test_add_func ("/export-dialog/cut-note-and-actual-size", test_cut_note_and_actual_size);
  g_test_add_func ("/export-dialog/fold-note", test_fold_note);
  g_test_add ("/export-dialog/pdf-a4", Fixture, NULL, fixture_setup, test_export_pdf_a4, fixture_teardown);
  g_test_add ("/export-dialog/timelinejs", Fixture, NULL, fixture_setup, test_export_timelinejs, fixture_teardown);
  g_test_add ("/export-dialog/failure-shown", Fixture, NULL, fixture_setup, test_export_failure_shown,
              fixture_teardown);

  return g_test_run ();
}
