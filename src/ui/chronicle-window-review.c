/* chronicle-window-review.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chronicle-window-private.h"

#include "chronicle-review-page.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-writer.h"

/* Import Article: the review page in place of the tabs, and what its
 * buttons do. "Add to Current Timeline" edits the document that was in
 * front when the review began, as one step of its history (the toast
 * offers to undo it); "Add to New Timeline" writes a new timeline file
 * next to the article (never over an existing file) and opens it. */

#define REVIEW_PAGE_NAME "review"
/* "article.chronicle.json", then "article-2.chronicle.json" … */
#define MAX_NAME_TRIES 100

ChronicleReviewPage *
_chronicle_window_get_review_page (ChronicleWindow *self)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->main_stack, REVIEW_PAGE_NAME);

  return child != NULL ? CHRONICLE_REVIEW_PAGE (child) : NULL;
}

/* Whether a dropped file is an article rather than a timeline. */
gboolean
_chronicle_window_is_article_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_utf8_strdown (basename, -1) : NULL;

  return lower != NULL && (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".html") ||
                           g_str_has_suffix (lower, ".htm"));
}

static void
close_review (ChronicleWindow *self)
{
  ChronicleReviewPage *page = _chronicle_window_get_review_page (self);

  if (page != NULL)
    gtk_stack_remove (self->main_stack, GTK_WIDGET (page));
  gtk_stack_set_visible_child_name (self->main_stack, adw_tab_view_get_n_pages (self->tab_view) > 0 ? "tabs" : "start");
  _chronicle_window_sync_header (self);
}

/* Creates "<stem>.chronicle.json" in @dir, or the first free numbered
 * name, and writes @data into it. */
static GFile *
create_new_file (GFile       *dir,
                 const char  *stem,
                 const char  *data,
                 GError     **error)
{
  for (guint n = 1; n <= MAX_NAME_TRIES; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.chronicle.json", stem)
                                     : g_strdup_printf ("%s-%u.chronicle.json", stem, n);
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      g_autoptr(GFileOutputStream) stream = NULL;
      g_autoptr(GError) local_error = NULL;

      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        continue;
      if (stream == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, strlen (data), NULL, NULL, error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
        {
          g_file_delete (file, NULL, NULL);
          return NULL;
        }
      return g_steal_pointer (&file);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               g_dngettext (GETTEXT_PACKAGE, "%u file of that name exists already",
                            "%u files of that name exist already", MAX_NAME_TRIES),
               MAX_NAME_TRIES);
  return NULL;
}

/* Next to the article; where that cannot be written (a read-only folder,
 * a sandbox), in Chronicle's own data folder. */
static GFile *
write_new_timeline (GFile              *article,
                    ChronicleTimeline  *timeline,
                    GError            **error)
{
  g_autofree char *data = chronicle_timeline_to_data (timeline, NULL);
  g_autofree char *basename = g_file_get_basename (article);
  g_autofree char *stem = g_strdup (basename != NULL ? basename : "article");
  g_autoptr(GFile) parent = g_file_get_parent (article);
  g_autoptr(GFile) fallback = NULL;
  g_autoptr(GError) local_error = NULL;
  char *dot = strrchr (stem, '.');
  GFile *file;

  if (dot != NULL && dot != stem)
    *dot = '\0';
  if (parent != NULL && (file = create_new_file (parent, stem, data, &local_error)) != NULL)
    return file;
  g_debug ("Cannot write next to the article: %s", local_error != NULL ? local_error->message : "no folder");
  fallback = g_file_new_build_filename (g_get_user_data_dir (), "chronicle", "imported", NULL);
  if (!g_file_make_directory_with_parents (fallback, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return create_new_file (fallback, stem, data, error);
}

static void
on_review_add_cb (ChronicleWindow     *self,
                  ChronicleReviewPage *page)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;

  timeline = chronicle_review_page_build_timeline (page, &error);
  if (timeline != NULL)
    file = write_new_timeline (chronicle_review_page_get_file (page), timeline, &error);
  if (file == NULL)
    {
      g_autofree char *text = chronicle_text_for_display (error->message, CHRONICLE_TEXT_MAX_TITLE, FALSE);

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not add the events: %s"), text);
      markup = g_markup_escape_text (message, -1);
      chronicle_window_add_toast (self, adw_toast_new (markup));
      return;
    }

  close_review (self);
  chronicle_window_open (self, file);
  path = g_file_get_parse_name (file);
  shown = chronicle_text_for_display (path, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  /* Translators: %s is where the new timeline was saved */
  message = g_strdup_printf (_("Saved the new timeline as “%s”"), shown);
  /* Toast titles are markup on libadwaita 1.2. */
  markup = g_markup_escape_text (message, -1);
  chronicle_window_add_toast (self, adw_toast_new (markup));
}

/* The tab showing @document, or NULL once it is closed. */
static AdwTabPage *
find_tab (ChronicleWindow   *self,
          ChronicleDocument *document)
{
  for (int i = 0; i < adw_tab_view_get_n_pages (self->tab_view); i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      ChronicleTimelinePage *page = _chronicle_window_get_page (tab);

      if (page != NULL && chronicle_timeline_page_get_document (page) == document)
        return tab;
    }
  return NULL;
}

typedef struct
{
  GWeakRef  document;
  char     *undo_label;   /* what the history said right after the import */
} UndoImport;

static void
undo_import_free (gpointer data,
                  GClosure *closure)
{
  UndoImport *undo = data;

  g_weak_ref_clear (&undo->document);
  g_free (undo->undo_label);
  g_free (undo);
}

/* The toast's Undo: only while the import is still the last step. */
static void
on_undo_import_cb (AdwToast   *toast,
                   UndoImport *undo)
{
  g_autoptr(ChronicleDocument) document = g_weak_ref_get (&undo->document);

  if (document != NULL && g_strcmp0 (chronicle_document_get_undo_label (document), undo->undo_label) == 0)
    chronicle_document_undo (document);
}

static void
on_review_add_to_current_cb (ChronicleWindow     *self,
                             ChronicleReviewPage *page)
{
  g_autoptr(ChronicleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;
  AdwTabPage *tab;
  AdwToast *toast;
  UndoImport *undo;
  guint added = 0, merged = 0;

  document = chronicle_review_page_get_document (page) != NULL ?
             g_object_ref (chronicle_review_page_get_document (page)) : NULL;
  tab = document != NULL ? find_tab (self, document) : NULL;
  if (tab == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                         _("the timeline was closed; add them to a new timeline instead"));
  if (tab == NULL || !chronicle_review_page_add_to_document (page, &added, &merged, &error))
    {
      g_autofree char *text = chronicle_text_for_display (error->message, CHRONICLE_TEXT_MAX_TITLE, FALSE);

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not add the events: %s"), text);
      markup = g_markup_escape_text (message, -1);
      chronicle_window_add_toast (self, adw_toast_new (markup));
      return;
    }

  close_review (self);
  adw_tab_view_set_selected_page (self->tab_view, tab);
  title = chronicle_text_for_display (chronicle_document_get_title (document), CHRONICLE_TEXT_MAX_TITLE, FALSE);
  if (merged == 0)
    /* Translators: %u events were added to the timeline titled %s */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u event to “%s”", "Added %u events to “%s”",
                                            added), added, title);
  else
    /* Translators: %u events were added to or merged into the timeline titled %s */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added or merged %u event in “%s”",
                                            "Added or merged %u events in “%s”", added + merged),
                               added + merged, title);
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_button_label (toast, _("_Undo"));
  undo = g_new0 (UndoImport, 1);
  g_weak_ref_init (&undo->document, document);
  undo->undo_label = g_strdup (chronicle_document_get_undo_label (document));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_import_cb), undo, undo_import_free, 0);
  chronicle_window_add_toast (self, toast);
}

static void
on_review_cancel_cb (ChronicleWindow     *self,
                     ChronicleReviewPage *page)
{
  close_review (self);
}

static void
show_review (ChronicleWindow     *self,
             ChronicleReviewPage *page)
{
  g_autofree char *name = _chronicle_window_dup_display_name (chronicle_review_page_get_file (page));
  /* Translators: %s is a file name */
  g_autofree char *subtitle = g_strdup_printf (_("From “%s”"), name);

  gtk_stack_set_visible_child (self->main_stack, GTK_WIDGET (page));
  /* The header's chart buttons would act on the hidden tab. */
  adw_window_title_set_title (self->window_title, _("Review Article"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->navigation_box, FALSE);
  gtk_widget_set_visible (self->fit_button, FALSE);
  gtk_widget_set_visible (self->sidebar_button, FALSE);
  /* Undo and Redo are the review's now. */
  _chronicle_window_update_edit_actions (self);
}

/**
 * _chronicle_window_import_article:
 * @file: a news article, plain text or a saved page
 *
 * Shows the review page for @file in place of the tabs. Proposals like an
 * event of the timeline in front are flagged.
 */
void
_chronicle_window_import_article (ChronicleWindow *self,
                                  GFile           *file)
{
  ChronicleReviewPage *page = _chronicle_window_get_review_page (self);
  ChronicleTimelinePage *current;

  /* One review at a time: a second would lose the first one's choices.
   * Opening a timeline meanwhile shows the tabs; this brings the review
   * back. */
  if (page != NULL)
    {
      show_review (self, page);
      if (!g_file_equal (file, chronicle_review_page_get_file (page)))
        chronicle_window_add_toast (self, adw_toast_new (_("Finish or cancel the article under review first")));
      return;
    }

  page = CHRONICLE_REVIEW_PAGE (chronicle_review_page_new ());
  current = chronicle_window_get_current_page (self);
  /* A tab still loading counts: its events are flagged once they are in. */
  if (current != NULL)
    chronicle_review_page_set_document (page, chronicle_timeline_page_get_document (current));
  g_signal_connect_object (page, "add", G_CALLBACK (on_review_add_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "add-to-current", G_CALLBACK (on_review_add_to_current_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "cancel", G_CALLBACK (on_review_cancel_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "history-changed", G_CALLBACK (_chronicle_window_update_edit_actions), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (page), REVIEW_PAGE_NAME);
  chronicle_review_page_load_file (page, file);
  show_review (self, page);
}

static void
on_article_chooser_response_cb (ChronicleWindow      *self,
                                int                   response,
                                GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        _chronicle_window_import_article (self, file);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);
}

static void
import_article_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleReviewPage *page = _chronicle_window_get_review_page (self);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) articles = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  /* Back to the review under way. */
  if (page != NULL)
    {
      show_review (self, page);
      return;
    }

  articles = gtk_file_filter_new ();
  all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Import an Article"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (articles, _("Articles (text or saved web pages)"));
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_filter_add_mime_type (articles, "text/html");
  gtk_file_filter_add_suffix (articles, "txt");
  gtk_file_filter_add_suffix (articles, "html");
  gtk_file_filter_add_suffix (articles, "htm");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), articles);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_article_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_chronicle_window_class_review_init (ChronicleWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.import-article", NULL, import_article_action_cb);
  g_type_ensure (CHRONICLE_TYPE_REVIEW_PAGE);
}
