/* chronicle-window-recovery.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-window-private.h"

#include "chronicle-recovery-private.h"
#include "chronicle-text-private.h"

/* One row of the offer: which timeline (its file and folder), and when
 * its edits were kept. NULL when the recovery file cannot be read. */
static GtkWidget *
new_recovered_row (GFile *timeline_file)
{
  g_autoptr(GFile) original = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *id = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (!chronicle_recovery_read (timeline_file, &id, &original, NULL))
    return NULL;

  info = g_file_query_info (timeline_file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  local = modified != NULL ? g_date_time_to_local (modified) : NULL;
  /* Translators: when unsaved edits were kept, "7 December, 18:02": a format
   * for g_date_time_format(), whose directives are GLib's, not strftime's */
  when = local != NULL ? g_date_time_format (local, _("%-d %B, %H:%M")) : g_strdup ("");

  if (original != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (original);
      g_autofree char *folder_name = folder != NULL ? g_file_get_parse_name (folder) : g_strdup ("");
      g_autofree char *shown_folder = chronicle_text_for_display (folder_name, CHRONICLE_TEXT_MAX_TITLE, FALSE);

      title = _chronicle_window_dup_display_name (original);
      /* Translators: where a file with unsaved edits is, and when they were kept */
      subtitle = g_strdup_printf (_("In %s, edited %s"), shown_folder, when);
    }
  else
    {
      title = g_strdup (_("A new timeline, never saved"));
      /* Translators: when the edits of a timeline were kept */
      subtitle = g_strdup_printf (_("Edited %s"), when);
    }

  row = adw_action_row_new ();
  /* File and folder names are text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* The tab that shows the file of @timeline_file's edits already, if any. */
static AdwTabPage *
find_tab_page_for_recovered (ChronicleWindow *self,
                             GFile           *timeline_file)
{
  g_autoptr(GFile) original = NULL;
  g_autofree char *id = NULL;

  if (!chronicle_recovery_read (timeline_file, &id, &original, NULL) || original == NULL)
    return NULL;

  return _chronicle_window_find_tab_page (self, original);
}

/* A tab that has unsaved edits of its own keeps them; the recovered ones
 * stay on disk for the next start (the document would delete them). */
static gboolean
keeps_own_edits (ChronicleWindow *self,
                 AdwTabPage      *tab_page)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (_chronicle_window_get_page (tab_page));
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!chronicle_document_get_modified (document))
    return FALSE;

  name = g_markup_escape_text (adw_tab_page_get_title (tab_page), -1);
  /* Translators: %s is a tab's title; its recovered edits are offered again at the next start */
  message = g_strdup_printf (_("“%s” has unsaved changes: its recovered edits are kept for later"), name);
  chronicle_window_add_toast (self, adw_toast_new (message));

  return TRUE;
}

/* Each timeline's edits go into a tab of their own, or into the tab that
 * shows their file already (one tab per file, never two that could
 * overwrite each other's edits). */
static void
recover_all (ChronicleWindow *self,
             GPtrArray       *files)
{
  for (guint i = 0; i < files->len; i++)
    {
      GFile *timeline_file = g_ptr_array_index (files, i);
      AdwTabPage *open_tab = find_tab_page_for_recovered (self, timeline_file);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronicleDocument) document = NULL;

      if (open_tab != NULL && keeps_own_edits (self, open_tab))
        continue;

      document = chronicle_document_new_recovered (timeline_file, &error);
      if (document == NULL)
        {
          g_autofree char *message = g_markup_escape_text (error->message, -1);

          chronicle_window_add_toast (self, adw_toast_new (message));
          continue;
        }

      if (open_tab != NULL)
        _chronicle_window_replace_page (self, open_tab, document);
      else
        _chronicle_window_add_document_page (self, document);
    }
}

static void
discard_all (GPtrArray *files)
{
  for (guint i = 0; i < files->len; i++)
    chronicle_document_discard_recovered (g_ptr_array_index (files, i));
}

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GPtrArray        *files)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  if (g_strcmp0 (response, "recover") == 0)
    recover_all (self, files);
  else if (g_strcmp0 (response, "discard") == 0)
    discard_all (files);
  /* "later": they stay for the next start. */
}

/**
 * _chronicle_window_offer_recovered:
 * @self: a `ChronicleWindow`
 *
 * When a crash left unsaved edits behind (recovery files), asks whether
 * to recover them: Recover opens each as a modified tab, Discard deletes
 * them, Not Now keeps them for the next start.
 */
void
_chronicle_window_offer_recovered (ChronicleWindow *self)
{
  g_autoptr(GPtrArray) files = chronicle_document_list_recovered ();
  g_autoptr(GPtrArray) offered = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *list;
  GtkWidget *dialog;

  g_return_if_fail (CHRONICLE_IS_WINDOW (self));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Timelines with unsaved changes"), -1);
  for (guint i = 0; i < files->len; i++)
    {
      GtkWidget *row = new_recovered_row (g_ptr_array_index (files, i));

      if (row == NULL)
        continue;
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (offered, g_object_ref (g_ptr_array_index (files, i)));
    }
  if (offered->len == 0)
    {
      g_object_ref_sink (list);
      g_object_unref (list);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "Chronicle closed before the edits of this timeline were saved.",
                                                "Chronicle closed before the edits of these timelines were saved.",
                                                offered->len));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  /* Escape deletes nothing. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recovery_response_cb),
                         g_ptr_array_ref (offered), (GClosureNotify) (void (*) (void)) g_ptr_array_unref, 0);
  g_set_weak_pointer (&self->recovery_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

AdwMessageDialog *
chronicle_window_get_recovery_dialog (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->recovery_dialog != NULL ? ADW_MESSAGE_DIALOG (self->recovery_dialog) : NULL;
}
