/* chronicle-window-save.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-window-private.h"

#include "chronicle-text-private.h"

/* What Save As suggests after the title: our format's own suffix. */
#define CHRONICLE_SUFFIX ".chronicle.json"

/* A name for sentences about @document: its title, bidi-isolated. */
static char *
dup_isolated_title (ChronicleDocument *document)
{
  return chronicle_text_isolate (chronicle_document_get_title (document));
}

/* How much of a file's start is read to tell whether it is ours: our
 * writer puts "format" first; other programs' files that mention our
 * format's name this early are not expected. */
#define SNIFF_BYTES 4096

/* Whether @file reads as our format, from its first bytes ("format":
 * "chronicle-timeline"). A file that cannot be read (gone since) counts
 * as ours: Save writes it again where it was. */
static gboolean
is_chronicle_file (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[SNIFF_BYTES + 1];
  gsize n = 0;

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, SNIFF_BYTES, &n, NULL, NULL))
    return TRUE;
  head[n] = '\0';

  return g_strstr_len (head, n, "\"chronicle-timeline\"") != NULL;
}

/* Save writes our format: a file read through an importer (a spreadsheet,
 * TimelineJS JSON) is not overwritten with it, Save asks for a new place. */
static gboolean
needs_save_as (ChronicleDocument *document)
{
  GFile *file = chronicle_document_get_file (document);
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;

  if (chronicle_document_get_new (document) || file == NULL)
    return TRUE;

  basename = g_file_get_basename (file);
  lower = basename != NULL ? g_utf8_strdown (basename, -1) : NULL;
  if (lower == NULL || !g_str_has_suffix (lower, ".json"))
    return TRUE;

  return !is_chronicle_file (file);
}

/* "<title>.chronicle.json", with what a file name cannot hold replaced;
 * a title that is a file's name ("events.csv") loses its suffix. */
static char *
dup_suggested_name (ChronicleDocument *document)
{
  /* In this order: "x.chronicle.json" gives "x". */
  static const char * const suffixes[] = { ".json", ".chronicle", ".csv", ".tsv" };
  const char *title = chronicle_document_get_title (document);
  GString *name = g_string_new (NULL);

  for (const char *p = title; *p != '\0' && name->len < 120; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (name->str, suffixes[i]) && name->len > strlen (suffixes[i]))
      g_string_truncate (name, name->len - strlen (suffixes[i]));
  g_string_append (name, CHRONICLE_SUFFIX);

  return g_string_free (name, FALSE);
}

static void
show_save_error (ChronicleWindow   *self,
                 ChronicleDocument *document,
                 const GError      *error)
{
  g_autofree char *name = dup_isolated_title (document);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a timeline's title */
  heading = g_strdup_printf (_("Could Not Save “%s”"), name);
  /* The writer's message says what, where and why; the edits stay. */
  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Your changes are still open in Chronicle. Try saving them somewhere else."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static ChronicleTimelinePage *
get_task_page (GTask *task)
{
  return g_task_get_task_data (task);
}

static void
on_document_saved_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChronicleWindow *self = g_task_get_source_object (task);
  ChronicleDocument *document = CHRONICLE_DOCUMENT (source_object);
  g_autoptr(GError) error = NULL;

  if (!chronicle_document_save_finish (document, result, &error))
    {
      show_save_error (self, document, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  _chronicle_window_remember_recent_file (self, chronicle_document_get_file (document));
  _chronicle_window_update_recent_menu (self);
  g_task_return_boolean (task, TRUE);
}

static void
start_save (GTask *task,
            GFile *file)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (get_task_page (task));

  chronicle_document_save_async (document, file, g_task_get_cancellable (task),
                                 on_document_saved_cb, g_object_ref (task));
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Not saved"));
}

static void
on_overwrite_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          GTask            *task)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    start_save (task, NULL);
  else
    return_cancelled (task);
}

/* The file changed on disk and the user kept the edits: saving replaces
 * what someone else wrote, so ask first. */
static void
ask_overwrite (ChronicleWindow *self,
               GTask           *task)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (get_task_page (task));
  g_autofree char *name = _chronicle_window_dup_display_name (chronicle_document_get_file (document));
  g_autofree char *isolated = chronicle_text_isolate (name);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("“%s” changed on disk after you opened it. Saving replaces those changes with yours."),
                          isolated);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Overwrite the Changed File?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_overwrite_response_cb),
                         g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_set_weak_pointer (&self->save_changes_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_chooser_response_cb (GtkNativeDialog *native,
                             int              response,
                             GTask           *task)
{
  ChronicleWindow *self = g_task_get_source_object (task);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  /* Keeps the task until this handler returns. */
  g_object_ref (task);
  gtk_native_dialog_destroy (native);
  if (self->save_chooser == native)
    g_clear_object (&self->save_chooser);

  if (file != NULL)
    start_save (task, file);
  else
    return_cancelled (task);
  g_object_unref (task);
}

static void
ask_for_file (ChronicleWindow *self,
              GTask           *task)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (get_task_page (task));
  GFile *current = chronicle_document_get_file (document);
  g_autofree char *suggested = dup_suggested_name (document);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  /* One at a time: a second Save As replaces the first's question. */
  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->save_chooser);
      g_clear_object (&self->save_chooser);
    }

  native = gtk_file_chooser_native_new (_("Save Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* Translators: the Save dialog's filter */
  gtk_file_filter_set_name (filter, _("Chronicle Timelines"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);

  g_signal_connect_data (native, "response", G_CALLBACK (on_save_chooser_response_cb),
                         g_object_ref (task), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  self->save_chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->save_chooser);
}

/**
 * _chronicle_window_save_page_async:
 * @self: a `ChronicleWindow`
 * @page: one of its pages
 * @save_as: whether to ask for a place even when the page has a file
 * @callback: called when saved, failed or cancelled
 * @user_data: for @callback
 *
 * Saves the page's document: to its file, or where the user says for a
 * new document, an imported file or Save As; asks before overwriting a
 * file that changed on disk. A failure is shown in a dialog; the edits
 * stay. Cancelling fails with G_IO_ERROR_CANCELLED.
 */
void
_chronicle_window_save_page_async (ChronicleWindow       *self,
                                   ChronicleTimelinePage *page,
                                   gboolean               save_as,
                                   GAsyncReadyCallback    callback,
                                   gpointer               user_data)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (page);
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, _chronicle_window_save_page_async);
  g_task_set_task_data (task, g_object_ref (page), g_object_unref);

  if (save_as || needs_save_as (document))
    ask_for_file (self, task);
  /* Kept edits, or a change on disk not answered yet in the banner. */
  else if (chronicle_document_get_save_overwrites_changes (document) ||
           chronicle_document_get_changed_on_disk (document))
    ask_overwrite (self, task);
  else
    start_save (task, NULL);
}

gboolean
_chronicle_window_save_page_finish (ChronicleWindow *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  if (page != NULL)
    _chronicle_window_save_page_async (self, page, g_str_equal (action_name, "win.save-as"), NULL, NULL);
}

/* --- Save / Discard / Cancel ------------------------------------------ */

/* The question before closing @pages (of ChronicleTimelinePage) with
 * unsaved changes: one names its timeline, several are listed. */
static AdwMessageDialog *
new_save_changes_dialog (ChronicleWindow *self,
                         GPtrArray       *pages)
{
  g_autofree char *body = NULL;
  GtkWidget *list = NULL;
  GtkWidget *dialog;
  guint n = pages->len;

  if (n == 1)
    {
      ChronicleDocument *document = chronicle_timeline_page_get_document (g_ptr_array_index (pages, 0));
      g_autofree char *name = dup_isolated_title (document);

      /* Translators: %s is a timeline's title */
      body = g_strdup_printf (_("“%s” has unsaved changes. Changes that are not saved are lost."), name);
    }
  else
    {
      body = g_strdup (_("These timelines have unsaved changes. Changes that are not saved are lost."));
      list = gtk_list_box_new ();
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Timelines with unsaved changes"), -1);
      for (guint i = 0; i < n; i++)
        {
          ChronicleDocument *document = chronicle_timeline_page_get_document (g_ptr_array_index (pages, i));
          GFile *file = chronicle_document_get_file (document);
          const char *title = chronicle_document_get_title (document);
          GtkWidget *row = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
          if (file != NULL)
            {
              g_autofree char *path = g_file_get_parse_name (file);
              g_autofree char *shown = chronicle_text_for_display (path, CHRONICLE_TEXT_MAX_TITLE, FALSE);

              adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), row);
        }
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  if (list != NULL)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", n == 1 ? _("_Discard") : _("_Discard All"),
                                    "save", n == 1 ? _("_Save") : _("_Save All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->save_changes_dialog, dialog);

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_tab_saved_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (source_object);
  g_autoptr(AdwTabPage) tab_page = user_data;

  /* A save that failed or was cancelled keeps the tab. */
  adw_tab_view_close_page_finish (self->tab_view, tab_page,
                                  _chronicle_window_save_page_finish (self, result, NULL));
}

static void
on_close_tab_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          AdwTabPage       *tab_page)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "save") == 0)
    _chronicle_window_save_page_async (self, _chronicle_window_get_page (tab_page), FALSE,
                                       on_tab_saved_cb, g_object_ref (tab_page));
  else
    adw_tab_view_close_page_finish (self->tab_view, tab_page, g_strcmp0 (response, "discard") == 0);
}

/* AdwTabView::close-page: a tab with unsaved changes asks first, and
 * closes (adw_tab_view_close_page_finish) when the user says. */
gboolean
_chronicle_window_on_tab_view_close_page (ChronicleWindow *self,
                                          AdwTabPage      *tab_page)
{
  ChronicleTimelinePage *page = _chronicle_window_get_page (tab_page);
  g_autoptr(GPtrArray) pages = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || !chronicle_document_get_modified (chronicle_timeline_page_get_document (page)))
    return GDK_EVENT_PROPAGATE;

  pages = g_ptr_array_new ();
  g_ptr_array_add (pages, page);
  dialog = new_save_changes_dialog (self, pages);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_close_tab_response_cb),
                         g_object_ref (tab_page), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GDK_EVENT_STOP;
}

/* Save All before closing the window: one page after the other; the
 * first that fails or is cancelled stops it, and the window stays. */
typedef struct
{
  GPtrArray *pages;  /* of ChronicleTimelinePage, owned */
  guint      next;
} SaveAll;

static void
save_all_free (SaveAll *save_all)
{
  g_ptr_array_unref (save_all->pages);
  g_free (save_all);
}

static gboolean
close_window_cb (gpointer data)
{
  ChronicleWindow *self = data;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

/* The user said Save or Discard for every tab: close, once the dialog
 * that said so is gone (it goes with the window). */
static void
close_confirmed (ChronicleWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_cb, g_object_ref (self), g_object_unref);
}

static void save_next (ChronicleWindow *self, SaveAll *save_all);

static void
on_save_all_step_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (source_object);
  SaveAll *save_all = user_data;

  if (!_chronicle_window_save_page_finish (self, result, NULL))
    {
      save_all_free (save_all);
      return;
    }

  save_next (self, save_all);
}

static void
save_next (ChronicleWindow *self,
           SaveAll         *save_all)
{
  if (save_all->next >= save_all->pages->len)
    {
      save_all_free (save_all);
      close_confirmed (self);
      return;
    }

  _chronicle_window_save_page_async (self, g_ptr_array_index (save_all->pages, save_all->next++), FALSE,
                                     on_save_all_step_cb, save_all);
}

static void
on_close_window_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             GPtrArray        *pages)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "save") == 0)
    {
      SaveAll *save_all = g_new0 (SaveAll, 1);

      save_all->pages = g_ptr_array_ref (pages);
      save_next (self, save_all);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    close_confirmed (self);
}

/**
 * _chronicle_window_confirm_close:
 * @self: a `ChronicleWindow`
 *
 * Before the window closes (or the app quits): when tabs have unsaved
 * changes, asks Save / Discard / Cancel about them in one dialog, which
 * closes the window again once they are saved or discarded.
 *
 * Returns: %TRUE when it asked: the window must stay for now
 */
gboolean
_chronicle_window_confirm_close (ChronicleWindow *self)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = chronicle_window_get_n_pages (self);
  AdwMessageDialog *dialog;

  if (self->save_changes_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->save_changes_dialog));
      return TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      ChronicleTimelinePage *page = chronicle_window_get_nth_page (self, i);

      if (chronicle_document_get_modified (chronicle_timeline_page_get_document (page)))
        g_ptr_array_add (pages, g_object_ref (page));
    }
  if (pages->len == 0)
    return FALSE;

  dialog = new_save_changes_dialog (self, pages);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_close_window_response_cb),
                         g_ptr_array_ref (pages), (GClosureNotify) (void (*) (void)) g_ptr_array_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

AdwMessageDialog *
chronicle_window_get_save_changes_dialog (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->save_changes_dialog != NULL ? ADW_MESSAGE_DIALOG (self->save_changes_dialog) : NULL;
}

GtkFileChooser *
chronicle_window_get_save_chooser (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->save_chooser != NULL ? GTK_FILE_CHOOSER (self->save_chooser) : NULL;
}

void
_chronicle_window_class_save_init (ChronicleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Accelerators are set in ChronicleApplication's startup. */
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action_cb);
}
