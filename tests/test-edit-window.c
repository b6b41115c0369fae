/* test-edit-window.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window level of editing (issue #13): Undo and Redo named in the
 * menu, Save and the unsaved mark, Save / Discard / Cancel on close, the
 * banner when the file changes on disk under unsaved edits, and Timeline
 * Properties.
 */

#define G_LOG_DOMAIN "test-edit-window"

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-disk-change-banner.h"
#include "chronicle-properties-dialog.h"
#include "chronicle-recovery-private.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-page.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

#define EDITED_SUMMARY "Edited in the window test"

static ChronicleApplication *app;

typedef struct
{
  ChronicleWindow *window;
  char            *tmpdir;
  GFile           *file;   /* a copy of the example in tmpdir */
} Fixture;

static gboolean
is_idle (gpointer data)
{
  return !chronicle_window_is_loading (CHRONICLE_WINDOW (data));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  fixture->tmpdir = g_dir_make_tmp ("test-edit-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (example, &contents, &length, &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmpdir, "story.json", NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (path);

  chronicle_test_present_window (app, &fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Unsaved edits left by a test must not stop the window going. */
  if (fixture->window != NULL)
    fixture->window->close_confirmed = TRUE;
  chronicle_test_destroy_window (&fixture->window);

  /* A test may have removed it (a save that fails). */
  if (g_file_test (fixture->tmpdir, G_FILE_TEST_IS_DIR))
    chronicle_test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_object_unref (fixture->file);
}

static ChronicleDocument *
open_document (Fixture *fixture)
{
  chronicle_window_open (fixture->window, fixture->file);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_nonnull (chronicle_window_get_timeline (fixture->window));

  return chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window));
}

/* Changes the first event's summary as the editor does: a copy, changed,
 * handed to the document as one named step. */
static void
edit_first_event (ChronicleDocument *document,
                  const char        *action_name)
{
  ChronicleEvent *event = chronicle_timeline_get_event (chronicle_document_get_timeline (document), 0);
  g_autoptr(ChronicleEvent) changed = chronicle_event_copy (event);
  g_autoptr(GError) error = NULL;

  chronicle_event_set_summary (changed, EDITED_SUMMARY);
  g_assert_true (chronicle_document_replace_event (document, chronicle_event_get_id (event), changed,
                                                   action_name, &error));
  g_assert_no_error (error);
}

/* Another change of the first event (the same value again would be no
 * step at all). */
static void
edit_first_event_again (ChronicleDocument *document)
{
  ChronicleEvent *event = chronicle_timeline_get_event (chronicle_document_get_timeline (document), 0);
  g_autoptr(ChronicleEvent) changed = chronicle_event_copy (event);
  g_autoptr(GError) error = NULL;

  chronicle_event_set_summary (changed, "Edited again");
  g_assert_true (chronicle_document_replace_event (document, chronicle_event_get_id (event), changed,
                                                   "Edit Event", &error));
  g_assert_no_error (error);
}

static const char *
get_first_summary (ChronicleDocument *document)
{
  return chronicle_timeline_get_event_summary (chronicle_document_get_timeline (document), 0);
}

/* A button bound to @action inside the window: its sensitivity is the
 * action's enabled state, as the menu item's is. */
static GtkWidget *
watch_action (ChronicleWindow *window,
              const char      *action)
{
  GtkWidget *button = gtk_button_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  chronicle_timeline_page_add_bottom_bar (chronicle_window_get_current_page (window), button);

  return button;
}

static char *
dup_menu_label (GMenuModel *section,
                int         index)
{
  char *label = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (section), >, index);
  g_assert_true (g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &label));

  return label;
}

static const char *
get_tab_title (ChronicleWindow *window)
{
  AdwTabPage *tab_page = adw_tab_view_get_selected_page (window->tab_view);

  return adw_tab_page_get_title (tab_page);
}

static void
test_undo_redo_named (Fixture       *fixture,
                      gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  GtkWidget *undo = watch_action (fixture->window, "win.undo");
  GtkWidget *redo = watch_action (fixture->window, "win.redo");
  g_autofree char *original = g_strdup (get_first_summary (document));
  g_autofree char *label = NULL;

  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));

  edit_first_event (document, "Move Event");
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));
  label = dup_menu_label (G_MENU_MODEL (fixture->window->undo_section), 0);
  g_assert_cmpstr (label, ==, "Undo Move Event");
  g_clear_pointer (&label, g_free);

  /* Ctrl+Z's action undoes, and Redo is named for what it brings back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (get_first_summary (document), ==, original);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_get_sensitive (redo));
  label = dup_menu_label (G_MENU_MODEL (fixture->window->undo_section), 1);
  g_assert_cmpstr (label, ==, "Redo Move Event");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpstr (get_first_summary (document), ==, EDITED_SUMMARY);
}

/* Ctrl+Z while typing in a field undoes the typing, not the timeline's
 * last change (the window's shortcut sees the key before the field). */
static void
test_undo_in_text_field (Fixture       *fixture,
                         gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  GtkWidget *focus;
  int position = 0;

  edit_first_event (document, "Move Event");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_TEXT (focus));
  gtk_editable_insert_text (GTK_EDITABLE (focus), "kyiv", -1, &position);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (chronicle_document_get_can_undo (document));
  g_assert_cmpstr (get_first_summary (document), ==, EDITED_SUMMARY);

  /* Out of the field, Undo is the timeline's again. */
  gtk_root_set_focus (GTK_ROOT (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_false (chronicle_document_get_can_undo (document));
}

/* The actions follow the tab in front: a second tab without edits has
 * nothing to undo; back on the first, Undo is there again. */
static void
test_undo_follows_tab (Fixture       *fixture,
                       gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  ChronicleTimelinePage *first = chronicle_window_get_current_page (fixture->window);
  GtkWidget *undo = watch_action (fixture->window, "win.undo");

  edit_first_event (document, "Edit Event");
  g_assert_true (gtk_widget_get_sensitive (undo));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL));
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 2);
  g_assert_true (chronicle_document_get_new (chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window))));
  g_assert_false (gtk_widget_get_sensitive (undo));

  chronicle_window_select_page (fixture->window, first);
  g_assert_true (gtk_widget_get_sensitive (undo));
}

static void
on_saved_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = _chronicle_window_save_page_finish (CHRONICLE_WINDOW (source_object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
is_unmodified (gpointer data)
{
  return !chronicle_document_get_modified (data);
}

static void
test_save_clears_mark (Fixture       *fixture,
                       gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  const char *title = chronicle_document_get_title (document);
  g_autofree char *marked = g_strdup_printf ("• %s", title);
  g_autoptr(ChronicleTimeline) saved = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_assert_cmpstr (get_tab_title (fixture->window), ==, title);

  edit_first_event (document, "Edit Event");
  g_assert_cmpstr (get_tab_title (fixture->window), ==, marked);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, marked);

  _chronicle_window_save_page_async (fixture->window, chronicle_window_get_current_page (fixture->window),
                                     FALSE, on_saved_cb, &done);
  chronicle_test_wait_for (is_true, &done, CHRONICLE_TEST_WAIT_MS);
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_cmpstr (get_tab_title (fixture->window), ==, title);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, title);

  /* What is on disk now is the edit. */
  saved = chronicle_timeline_load_from_file (fixture->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_event_summary (saved, 0), ==, EDITED_SUMMARY);

  /* Ctrl+S does the same. */
  edit_first_event_again (document);
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  chronicle_test_wait_for (is_unmodified, document, CHRONICLE_TEST_WAIT_MS);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;  /* the list keeps it */
    }

  return NULL;
}

static gboolean
shows_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);
  g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

  return path != NULL && g_str_has_prefix (path, g_get_tmp_dir ()) && strstr (path, "test-edit-window") != NULL;
}

static gboolean
is_saved_once (gpointer data)
{
  return !chronicle_document_get_new (data);
}

/* A new timeline has no place yet: Save asks, suggesting its name. */
static void
test_new_save_as (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "new.chronicle.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->tmpdir);
  g_autofree char *suggested = NULL;
  ChronicleDocument *document;
  GtkFileChooser *chooser;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new", NULL));
  document = chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window));
  g_assert_true (chronicle_document_get_new (document));
  g_assert_cmpstr (get_tab_title (fixture->window), ==, "Untitled Timeline");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  chooser = chronicle_window_get_save_chooser (fixture->window);
  g_assert_nonnull (chooser);
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (suggested, ==, "Untitled Timeline.chronicle.json");

  /* Where the user picks: the chooser answers for the name typed in the
   * folder shown (which it changes to in the background). */
  gtk_file_chooser_set_current_folder (chooser, folder, &error);
  g_assert_no_error (error);
  chronicle_test_wait_for (shows_folder, chooser, CHRONICLE_TEST_WAIT_MS);
  gtk_file_chooser_set_current_name (chooser, "new.chronicle.json");
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  /* A new timeline has no edits: done when it is new no more. */
  chronicle_test_wait_for (is_saved_once, document, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (g_file_query_exists (target, NULL));
  g_assert_null (chronicle_window_get_save_chooser (fixture->window));
  g_assert_true (g_file_equal (chronicle_document_get_file (document), target));
}

/* A TimelineJS file was imported: Save does not overwrite it with our
 * format, it asks where the timeline goes. */
static void
test_import_saves_as (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "import", "timelinejs-full.json", NULL);
  g_autofree char *path = g_build_filename (fixture->tmpdir, "timelinejs.json", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *suggested = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChronicleDocument *document;
  GtkFileChooser *chooser;

  g_file_get_contents (source, &before, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, before, -1, &error);
  g_assert_no_error (error);
  chronicle_window_open (fixture->window, file);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  document = chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window));
  g_assert_nonnull (chronicle_document_get_timeline (document));
  edit_first_event (document, "Edit Event");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  chooser = chronicle_window_get_save_chooser (fixture->window);
  g_assert_nonnull (chooser);
  suggested = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (suggested, ".chronicle.json"));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);

  g_file_get_contents (path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (chronicle_document_get_modified (document));
}

static gboolean
has_dialog (gpointer data)
{
  return chronicle_window_get_save_changes_dialog (data) != NULL;
}

static void
respond (ChronicleWindow *window,
         const char      *response)
{
  AdwMessageDialog *dialog = chronicle_window_get_save_changes_dialog (window);

  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (chronicle_window_get_save_changes_dialog (window));
}

static void
test_close_tab_asks (Fixture       *fixture,
                     gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (fixture->file, NULL, &before, NULL, NULL, &error);
  g_assert_no_error (error);
  edit_first_event (document, "Edit Event");

  /* Cancel: the tab and its edits stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-tab", NULL));
  g_assert_true (has_dialog (fixture->window));
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  respond (fixture->window, "cancel");
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  g_assert_cmpstr (get_first_summary (document), ==, EDITED_SUMMARY);

  /* Discard: the tab closes and the file is as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-tab", NULL));
  respond (fixture->window, "discard");
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 0);
  g_file_load_contents (fixture->file, NULL, &after, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
has_error_dialog (gpointer data)
{
  GtkWidget *dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL &&
         g_str_has_prefix (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "Could Not Save");
}

/* Save in the question, when the save fails (the folder is gone): the
 * error is shown and the tab stays, with its edits. */
static void
test_close_tab_save_fails (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  GtkWidget *error_dialog = NULL;

  edit_first_event (document, "Edit Event");
  chronicle_test_remove_dir (fixture->tmpdir);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.close-tab", NULL));
  respond (fixture->window, "save");
  chronicle_test_wait_for (has_error_dialog, NULL, CHRONICLE_TEST_WAIT_MS);
  error_dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (error_dialog);
  g_test_message ("%s", adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (error_dialog)));
  gtk_window_destroy (GTK_WINDOW (error_dialog));

  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_cmpstr (get_first_summary (document), ==, EDITED_SUMMARY);
}

static gboolean
is_window_gone (gpointer data)
{
  return *(ChronicleWindow **) data == NULL;
}

/* Closing the window (or quitting) with unsaved edits asks too. */
static void
test_close_window_asks (Fixture       *fixture,
                        gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);

  edit_first_event (document, "Edit Event");

  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_nonnull (fixture->window);
  respond (fixture->window, "cancel");
  g_assert_nonnull (fixture->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_nonnull (fixture->window);
  respond (fixture->window, "discard");
  chronicle_test_wait_for (is_window_gone, &fixture->window, CHRONICLE_TEST_WAIT_MS);
}

static ChronicleDiskChangeBanner *
find_banner (GtkWidget *widget)
{
  if (CHRONICLE_IS_DISK_CHANGE_BANNER (widget))
    return CHRONICLE_DISK_CHANGE_BANNER (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      ChronicleDiskChangeBanner *banner = find_banner (child);

      if (banner != NULL)
        return banner;
    }

  return NULL;
}

static gboolean
is_revealed (gpointer data)
{
  return chronicle_disk_change_banner_get_revealed (data);
}

/* @contents with the timeline's title (its first "title") changed. */
static char *
dup_retitled (const char *contents,
              const char *title)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"title\" *: *\"[^\"]*\"", 0, 0, NULL);
  g_autofree char *replacement = g_strdup_printf ("\"title\": \"%s\"", title);
  g_autoptr(GError) error = NULL;
  char *changed;

  changed = g_regex_replace (regex, contents, -1, 0, replacement, G_REGEX_MATCH_DEFAULT, &error);
  g_assert_no_error (error);
  /* Not cmpstr: a whole timeline in the log says nothing more. */
  g_assert_true (strcmp (changed, contents) != 0);

  return changed;
}

/* Another program rewrites the file: the example with a new title. */
static void
rewrite_file (Fixture    *fixture,
              const char *title)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  changed = dup_retitled (contents, title);
  g_file_set_contents (path, changed, -1, &error);
  g_assert_no_error (error);
}

static gboolean
has_title_changed_on_disk (gpointer data)
{
  return g_strcmp0 (chronicle_document_get_title (data), "Rewritten on disk") == 0;
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  ChronicleDiskChangeBanner *banner = find_banner (GTK_WIDGET (chronicle_window_get_current_page (fixture->window)));
  g_autoptr(ChronicleTimeline) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (banner);
  g_assert_false (chronicle_disk_change_banner_get_revealed (banner));

  /* Keep My Edits: the banner goes, the edits stay, and Save asks
   * before overwriting what the other program wrote. */
  edit_first_event (document, "Edit Event");
  rewrite_file (fixture, "Rewritten on disk");
  chronicle_test_wait_for (is_revealed, banner, CHRONICLE_TEST_WAIT_MS);
  /* Saving before answering the banner asks too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (has_dialog (fixture->window));
  respond (fixture->window, "cancel");
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (banner), "disk-change.keep", NULL));
  g_assert_false (chronicle_disk_change_banner_get_revealed (banner));
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_cmpstr (get_first_summary (document), ==, EDITED_SUMMARY);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  g_assert_true (has_dialog (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_heading (chronicle_window_get_save_changes_dialog (fixture->window)),
                   ==, "Overwrite the Changed File?");
  respond (fixture->window, "overwrite");
  chronicle_test_wait_for (is_unmodified, document, CHRONICLE_TEST_WAIT_MS);
  saved = chronicle_timeline_load_from_file (fixture->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_event_summary (saved, 0), ==, EDITED_SUMMARY);

  /* Reload: the edits go, the file's version shows. */
  edit_first_event (document, "Edit Event");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  edit_first_event (document, "Edit Event");
  rewrite_file (fixture, "Rewritten on disk");
  chronicle_test_wait_for (is_revealed, banner, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (banner), "disk-change.reload", NULL));
  chronicle_test_wait_for (has_title_changed_on_disk, document, CHRONICLE_TEST_WAIT_MS);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_false (chronicle_disk_change_banner_get_revealed (banner));
  g_assert_false (chronicle_document_get_modified (document));
}

/* What a run that crashed with unsaved edits of the fixture's file left:
 * its recovery files, the timeline retitled. */
static char *
write_recovery (Fixture *fixture)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  g_autofree char *contents = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(GError) error = NULL;
  char *id = chronicle_recovery_new_id ();

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  edited = dup_retitled (contents, "Edited before the crash");
  g_assert_true (chronicle_recovery_write (id, edited, strlen (edited), fixture->file, NULL, NULL, &error));
  g_assert_no_error (error);

  return id;
}

static gboolean
has_recovery_dialog (gpointer data)
{
  return chronicle_window_get_recovery_dialog (data) != NULL;
}

static void
respond_recovery (ChronicleWindow *window,
                  const char      *response)
{
  AdwMessageDialog *dialog = chronicle_window_get_recovery_dialog (window);

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static guint
count_recovered (void)
{
  g_autoptr(GPtrArray) files = chronicle_recovery_list ();

  return files->len;
}

static gboolean
has_loaded_page (gpointer data)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (data);

  return page != NULL && chronicle_document_get_timeline (chronicle_timeline_page_get_document (page)) != NULL &&
         !chronicle_window_is_loading (data);
}

/* A crash left edits: the window offers them at start, naming the file;
 * Not Now keeps them, Recover gives a modified tab with the edits,
 * Discard deletes them. */
static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *id = write_recovery (fixture);
  AdwMessageDialog *dialog;
  ChronicleDocument *document;
  GtkWidget *row;

  g_assert_cmpuint (count_recovered (), ==, 1);
  _chronicle_window_offer_recovered (fixture->window);
  g_assert_true (has_recovery_dialog (fixture->window));
  dialog = chronicle_window_get_recovery_dialog (fixture->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Changes?");
  /* One row, naming the file. */
  row = gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog));
  g_assert_true (ADW_IS_ACTION_ROW (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "story.json");
  g_assert_null (gtk_widget_get_next_sibling (row));
  respond_recovery (fixture->window, "later");
  g_assert_cmpuint (count_recovered (), ==, 1);
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 0);

  _chronicle_window_offer_recovered (fixture->window);
  respond_recovery (fixture->window, "recover");
  chronicle_test_wait_for (has_loaded_page, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  document = chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window));
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Edited before the crash");
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_true (g_file_equal (chronicle_document_get_file (document), fixture->file));
  g_assert_cmpstr (get_tab_title (fixture->window), ==, "• Edited before the crash");

  /* Discard deletes what is left. */
  fixture->window->close_confirmed = TRUE;
  chronicle_test_destroy_window (&fixture->window);
  g_clear_pointer (&id, g_free);
  id = write_recovery (fixture);
  chronicle_test_present_window (app, &fixture->window);
  _chronicle_window_offer_recovered (fixture->window);
  respond_recovery (fixture->window, "discard");
  g_assert_cmpuint (count_recovered (), ==, 0);
}

/* Recovered edits of a file that a tab shows already (the session opened
 * it again) go into that tab: one tab, modified, with the edits; opening
 * the file again shows that tab. A tab with edits of its own keeps them. */
static void
test_recovery_open_file (Fixture       *fixture,
                         gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  g_autofree char *id = write_recovery (fixture);
  g_autofree char *title = g_strdup (chronicle_document_get_title (document));

  g_assert_false (chronicle_document_get_modified (document));
  _chronicle_window_offer_recovered (fixture->window);
  respond_recovery (fixture->window, "recover");
  chronicle_test_wait_for (has_loaded_page, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  document = chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window));
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "Edited before the crash");
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_true (g_file_equal (chronicle_document_get_file (document), fixture->file));

  /* Open again: the same tab, its edits kept. */
  chronicle_window_open (fixture->window, fixture->file);
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  g_assert_true (chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window)) ==
                 document);

  /* A tab with edits of its own: they stay, the recovered ones wait. */
  fixture->window->close_confirmed = TRUE;
  chronicle_test_destroy_window (&fixture->window);
  g_clear_pointer (&id, g_free);
  id = write_recovery (fixture);
  chronicle_test_present_window (app, &fixture->window);
  document = open_document (fixture);
  edit_first_event (document, "Edit Event");
  _chronicle_window_offer_recovered (fixture->window);
  respond_recovery (fixture->window, "recover");
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  g_assert_true (chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window)) ==
                 document);
  g_assert_cmpstr (chronicle_document_get_title (document), ==, title);
  g_assert_cmpuint (count_recovered (), >=, 1);
}

static GtkWidget *
find_entry_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_entry_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The row was made again with the timeline's title (the example's). */
static gboolean
shows_title (gpointer data)
{
  GtkWidget *dialog = gtk_widget_get_ancestor (data, CHRONICLE_TYPE_PROPERTIES_DIALOG);
  GtkWidget *row = find_entry_row (dialog, "Title");

  return g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (row)), "Russia");
}

/* Each change in Timeline Properties is a step that undoes. */
static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  ChronicleDocument *document = open_document (fixture);
  GListModel *categories = chronicle_timeline_get_categories (chronicle_document_get_timeline (document));
  guint n_categories = g_list_model_get_n_items (categories);
  g_autofree char *title = g_strdup (chronicle_document_get_title (document));
  GtkWidget *dialog;
  GtkWidget *title_row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.properties", NULL));
  dialog = find_toplevel (CHRONICLE_TYPE_PROPERTIES_DIALOG);
  g_assert_nonnull (dialog);
  title_row = find_entry_row (dialog, "Title");
  g_assert_nonnull (title_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);

  gtk_editable_set_text (GTK_EDITABLE (title_row), "A New Title");
  g_signal_emit_by_name (title_row, "apply");
  g_assert_cmpstr (chronicle_document_get_title (document), ==, "A New Title");
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_cmpstr (get_tab_title (fixture->window), ==, "• A New Title");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "• A New Title");

  g_assert_true (gtk_widget_activate_action (dialog, "properties.add-category", NULL));
  categories = chronicle_timeline_get_categories (chronicle_document_get_timeline (document));
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, n_categories + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  categories = chronicle_timeline_get_categories (chronicle_document_get_timeline (document));
  g_assert_cmpuint (g_list_model_get_n_items (categories), ==, n_categories);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (chronicle_document_get_title (document), ==, title);

  /* The dialog follows the undone title. */
  chronicle_test_wait_for (shows_title, title_row, CHRONICLE_TEST_WAIT_MS);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The suite's data folder, with the folders recovery makes in it. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) listing = g_dir_open (path, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* Recovery files go to a folder of the suite's own (read once, before
   * anything asks GLib for the user data folder). */
  data_home = g_dir_make_tmp ("test-edit-window-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!chronicle_test_ui_init (&argc, &argv))
    {
      remove_tree (data_home);
      return 0;
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = chronicle_test_ui_start_app ();

  g_test_add ("/edit-window/undo-redo-named", Fixture, NULL, fixture_setup, test_undo_redo_named, fixture_teardown);
  g_test_add ("/edit-window/undo-in-text-field", Fixture, NULL, fixture_setup, test_undo_in_text_field, fixture_teardown);
  g_test_add ("/edit-window/undo-follows-tab", Fixture, NULL, fixture_setup, test_undo_follows_tab, fixture_teardown);
  g_test_add ("/edit-window/save-clears-mark", Fixture, NULL, fixture_setup, test_save_clears_mark, fixture_teardown);
  g_test_add ("/edit-window/new-save-as", Fixture, NULL, fixture_setup, test_new_save_as, fixture_teardown);
  g_test_add ("/edit-window/import-saves-as", Fixture, NULL, fixture_setup, test_import_saves_as, fixture_teardown);
  g_test_add ("/edit-window/close-tab-asks", Fixture, NULL, fixture_setup, test_close_tab_asks, fixture_teardown);
  g_test_add ("/edit-window/close-tab-save-fails", Fixture, NULL, fixture_setup, test_close_tab_save_fails,
              fixture_teardown);
  g_test_add ("/edit-window/close-window-asks", Fixture, NULL, fixture_setup, test_close_window_asks,
              fixture_teardown);
  g_test_add ("/edit-window/changed-on-disk", Fixture, NULL, fixture_setup, test_changed_on_disk, fixture_teardown);
  g_test_add ("/edit-window/recovery", Fixture, NULL, fixture_setup, test_recovery, fixture_teardown);
  g_test_add ("/edit-window/recovery-open-file", Fixture, NULL, fixture_setup, test_recovery_open_file,
              fixture_teardown);
  g_test_add ("/edit-window/properties", Fixture, NULL, fixture_setup, test_properties, fixture_teardown);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);
  remove_tree (data_home);

  return status;
}
