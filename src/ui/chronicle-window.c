/* chronicle-window.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-label-text-private.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

#include "chronicle-columns-dialog.h"
#include "chronicle-disk-change-banner.h"
#include "chronicle-sidebar.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-view.h"
#include "chronicle-timing-private.h"

#define DEFAULT_SIDEBAR_WIDTH 360

G_DEFINE_FINAL_TYPE (ChronicleWindow, chronicle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  PROP_COLLAPSE_GAPS,
  PROP_DISPLAY_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
_chronicle_window_dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);

  /* A name may hold newlines, controls or bidi overrides too. */
  return chronicle_text_for_display (name, CHRONICLE_TEXT_MAX_TITLE, FALSE);
}

ChronicleTimelinePage *
_chronicle_window_get_page (AdwTabPage *tab_page)
{
  return CHRONICLE_TIMELINE_PAGE (adw_tab_page_get_child (tab_page));
}

static AdwTabPage *
find_tab_page_for_file (ChronicleWindow *self,
                        GFile           *file)
{
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      AdwTabPage *tab_page = adw_tab_view_get_nth_page (self->tab_view, i);
      GFile *page_file = chronicle_timeline_page_get_file (_chronicle_window_get_page (tab_page));

      if (page_file != NULL && g_file_equal (page_file, file))
        return tab_page;
    }

  return NULL;
}

ChronicleTimelineView *
_chronicle_window_get_current_view (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  return page != NULL ? chronicle_timeline_page_get_timeline_view (page) : NULL;
}

static ChronicleDocument *get_rechoosable_document (ChronicleWindow *self);

/* The header bar, the title and the actions follow the selected tab. */
static void
update_for_current_page (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);
  ChronicleDocument *document = page != NULL ? chronicle_timeline_page_get_document (page) : NULL;
  ChronicleTimeline *timeline = document != NULL ? chronicle_document_get_filtered_timeline (document) : NULL;
  /* The header's spinner for a reload only: a first load shows its
   * progress on the page (the loading page's bar, or the bar over the
   * preview of a large file), and a spinner redraws the window at the
   * frame rate, which in software rendering takes the CPU the loader
   * needs (issue #12). */
  gboolean reloading = document != NULL && chronicle_document_get_loading (document) &&
                       chronicle_document_get_timeline (document) != NULL &&
                       !chronicle_document_get_partial (document);
  g_autofree char *marked = document != NULL ? _chronicle_window_dup_marked_title (document) : NULL;
  const char *title = marked;
  g_autofree char *subtitle = NULL;
  ChronicleReviewPage *review = _chronicle_window_get_review_page (self);

  gtk_widget_set_visible (self->spinner, reloading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), reloading);
  /* A tab that finishes loading behind the review page leaves the
   * review's header alone: its chart buttons would act on a hidden tab. */
  if (review != NULL && gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (review))
    return;
  if (title == NULL)
    title = _("Chronicle");
  /* "12 events", or "3 of 12 events" while a filter is on. */
  if (timeline != NULL)
    subtitle = chronicle_filter_format_count (chronicle_timeline_get_n_events (timeline),
                                              chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_widget_set_visible (self->navigation_box, timeline != NULL);
  gtk_widget_set_visible (self->fit_button, timeline != NULL);
  gtk_widget_set_visible (self->sidebar_button, timeline != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-tab", page != NULL);
  _chronicle_window_update_navigation_actions (self);
  _chronicle_window_update_edit_actions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-columns", get_rechoosable_document (self) != NULL);
}

/* The tab shows the page's title, its path, and whether it is loading or
 * could not be reloaded. */
static void
sync_tab_page (ChronicleWindow       *self,
               ChronicleTimelinePage *page)
{
  AdwTabPage *tab_page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  GFile *file = chronicle_timeline_page_get_file (page);
  const char *error = chronicle_timeline_page_get_last_error (page);
  gboolean failed = error != NULL && chronicle_timeline_page_get_timeline (page) != NULL;
  g_autofree char *title = _chronicle_window_dup_marked_title (chronicle_timeline_page_get_document (page));

  /* "• Title" while it has unsaved changes. */
  adw_tab_page_set_title (tab_page, title);
  adw_tab_page_set_loading (tab_page, chronicle_timeline_page_get_loading (page));
  if (file != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (file);
      g_autofree char *markup = g_markup_escape_text (path, -1);

      adw_tab_page_set_tooltip (tab_page, markup);
    }

  if (failed)
    {
      g_autoptr(GIcon) icon = g_themed_icon_new ("dialog-warning-symbolic");

      adw_tab_page_set_indicator_icon (tab_page, icon);
      adw_tab_page_set_indicator_tooltip (tab_page, error);
    }
  else
    {
      adw_tab_page_set_indicator_icon (tab_page, NULL);
      adw_tab_page_set_indicator_tooltip (tab_page, "");
    }
}

static void
on_recent_list_row_activated_cb (ChronicleWindow *self,
                                 GtkListBoxRow   *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "chronicle-uri");
  g_autoptr(GFile) file = NULL;

  g_assert (uri != NULL);

  file = g_file_new_for_uri (uri);
  chronicle_window_open (self, file);
}

/* The dialog's heading and body for the failures in self->load_errors:
 * one file's says what kind of trouble and the loader's message, several
 * list each file with its own. */
static void
update_load_error_dialog (ChronicleWindow *self,
                          const char      *display_name,
                          const GError    *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self->load_error_dialog);
  guint n = self->load_errors->len;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (n == 1)
    {
      g_autofree char *message = chronicle_text_dup_sentence (error->message);

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), display_name);
      body = g_strdup_printf ("%s\n\n%s", chronicle_load_error_get_summary (error), message);
    }
  else
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; i < n; i++)
        g_string_append_printf (list, "%s%s", i > 0 ? "\n\n" : "", (const char *) g_ptr_array_index (self->load_errors, i));
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Could Not Open %'u File", "Could Not Open %'u Files", n),
                                 n);
      body = g_string_free (list, FALSE);
    }

  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
}

static void
show_load_error (ChronicleWindow *self,
                 GFile           *file,
                 const GError    *error)
{
  g_autofree char *name = _chronicle_window_dup_display_name (file);
  /* Isolated in the sentences below (bidi isolates). */
  g_autofree char *display_name = chronicle_text_isolate (name);
  g_autofree char *message = chronicle_text_dup_sentence (error->message);
  GtkWidget *dialog;

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);

  if (self->load_error_dialog == NULL)
    g_ptr_array_set_size (self->load_errors, 0);
  /* Translators: a file that could not be opened, in a list of them:
   * its name, what kind of trouble (a sentence), and the loader's message */
  g_ptr_array_add (self->load_errors, g_strdup_printf (_("“%s”: %s %s"), display_name,
                                                       chronicle_load_error_get_summary (error), message));

  /* Files opened together (several on the command line, a drop) that
   * fail share one dialog rather than stacking one for each. */
  if (self->load_error_dialog != NULL)
    {
      update_load_error_dialog (self, display_name, error);
      return;
    }

  /* A dialog rather than a toast: the loader's messages name the place in
   * the file and can be long, and must stay until read. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->load_error_dialog, dialog);
  update_load_error_dialog (self, display_name, error);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Each tab follows its own page. */
static void
on_page_notify_cb (ChronicleWindow       *self,
                   GParamSpec            *pspec,
                   ChronicleTimelinePage *page)
{
  sync_tab_page (self, page);
}

/* The header bar and the actions follow the current page's document
 * only, through document_signals. */
static void
on_current_document_notify_cb (ChronicleWindow *self)
{
  update_for_current_page (self);
}

static void
on_current_document_selected_event_cb (ChronicleWindow *self)
{
  _chronicle_window_update_navigation_actions (self);
}

static void
follow_current_document (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  if (self->document_signals == NULL)
    return;

  g_signal_group_set_target (self->document_signals,
                             page != NULL ? chronicle_timeline_page_get_document (page) : NULL);
}

/* The unsaved mark of a tab that is not the current one changes too
 * (Save All on quit, a recovery written in the background). */
static void
on_page_document_modified_cb (ChronicleTimelinePage *page)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));

  if (CHRONICLE_IS_WINDOW (root))
    sync_tab_page (CHRONICLE_WINDOW (root), page);
}

static void
on_page_loaded_cb (ChronicleWindow       *self,
                   ChronicleTimelinePage *page)
{
  g_clear_pointer (&self->last_error, g_free);
  _chronicle_window_remember_recent_file (self, chronicle_timeline_page_get_file (page));
  _chronicle_window_update_recent_menu (self);

  /* Arrow keys walk the events right away. */
  if (page == chronicle_window_get_current_page (self))
    gtk_widget_grab_focus (GTK_WIDGET (chronicle_timeline_page_get_timeline_view (page)));
}

static ChronicleTimelinePage *add_page (ChronicleWindow   *self,
                                        ChronicleDocument *document);

/* Open in the mapping dialog: the spreadsheet in a new tab, read with
 * the columns chosen, as --columns reads it. */
static void
on_columns_chosen_cb (ChronicleWindow        *self,
                      GHashTable             *columns,
                      ChronicleColumnsDialog *dialog)
{
  ChronicleTimelinePage *page = add_page (self, NULL);

  chronicle_document_load_file_with_columns (chronicle_timeline_page_get_document (page),
                                             chronicle_columns_dialog_get_file (dialog), columns);
}

/* A spreadsheet whose columns were not recognised: rather than an error,
 * the dialog that names them. Cancel leaves the window as it was. */
static void
show_columns_dialog (ChronicleWindow *self,
                     GFile           *file)
{
  GtkWidget *dialog = chronicle_columns_dialog_new (GTK_WINDOW (self), file, NULL, FALSE);

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "columns-chosen", G_CALLBACK (on_columns_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Choose Columns… on an open spreadsheet: Open reads it again, in its
 * tab, with the columns chosen. */
static void
on_columns_rechosen_cb (ChronicleDocument      *document,
                        GHashTable             *columns,
                        ChronicleColumnsDialog *dialog)
{
  chronicle_document_load_file_with_columns (document, chronicle_document_get_file (document), columns);
}

/* An open spreadsheet, as its name says, whose edits reading it again
 * would not drop. */
static ChronicleDocument *
get_rechoosable_document (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);
  ChronicleDocument *document = page != NULL ? chronicle_timeline_page_get_document (page) : NULL;
  ChronicleTimeline *timeline = document != NULL ? chronicle_document_get_timeline (document) : NULL;
  GFile *file = document != NULL ? chronicle_document_get_file (document) : NULL;
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  if (timeline == NULL || chronicle_document_get_loading (document) || chronicle_document_get_modified (document) ||
      chronicle_timeline_get_import_summary (timeline) == NULL || lower == NULL ||
      !(g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv")))
    return NULL;
  return document;
}

static void
choose_columns_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleDocument *document = get_rechoosable_document (self);
  GtkWidget *dialog;

  if (document == NULL)
    return;
  dialog = chronicle_columns_dialog_new (GTK_WINDOW (self), chronicle_document_get_file (document),
                                         chronicle_document_get_columns (document), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "columns-chosen", G_CALLBACK (on_columns_rechosen_cb), document,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file that cannot be opened leaves no tab behind: the tab it was
 * loading in closes, and the tab it was opened from comes back. */
static void
on_page_load_failed_cb (ChronicleWindow       *self,
                        const GError          *error,
                        ChronicleTimelinePage *page)
{
  AdwTabPage *tab_page = adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page));
  AdwTabPage *parent = adw_tab_page_get_parent (tab_page);

  if (g_error_matches (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_COLUMNS))
    show_columns_dialog (self, chronicle_timeline_page_get_file (page));
  else
    show_load_error (self, chronicle_timeline_page_get_file (page), error);

  if (parent != NULL && adw_tab_page_get_selected (tab_page))
    adw_tab_view_set_selected_page (self->tab_view, parent);
  adw_tab_view_close_page (self->tab_view, tab_page);
}

static void
on_tab_view_selected_page_cb (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  follow_current_document (self);
  update_for_current_page (self);
  _chronicle_window_update_recent_menu (self);

  if (page != NULL && chronicle_timeline_page_get_timeline (page) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (chronicle_timeline_page_get_timeline_view (page)));
}

static void
on_tab_view_n_pages_cb (ChronicleWindow *self)
{
  gboolean any = adw_tab_view_get_n_pages (self->tab_view) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, any ? "tabs" : "start");
  /* A review page left behind: Undo and Redo are the timeline's again. */
  _chronicle_window_update_edit_actions (self);
  /* The tab view holds its pages in a stack of its own. */
  chronicle_accessible_unname_stack_pages (GTK_WIDGET (self->tab_view));
  if (!any)
    {
      follow_current_document (self);
      update_for_current_page (self);
    }
}

static gboolean
name_tab_bar_buttons_cb (gpointer data)
{
  chronicle_accessible_name_icon_buttons (data);
  return G_SOURCE_REMOVE;
}

/* The tab bar makes a page's tab after the page is attached (it was not
 * there yet in a handler run after the bar's own), so its buttons are
 * named once the main loop is idle again. */
static void
on_tab_view_page_attached_cb (ChronicleWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, name_tab_bar_buttons_cb,
                   g_object_ref (self->tab_bar), g_object_unref);
}

/* A new tab for @document, or for an empty document that load_file()
 * fills when @document is NULL. */
static ChronicleTimelinePage *
add_page (ChronicleWindow   *self,
          ChronicleDocument *document)
{
  /* What the tab and the header bar show of a page. */
  static const char * const page_properties[] = { "file", "title", "loading", "last-error", "timeline" };
  ChronicleTimelinePage *page = CHRONICLE_TIMELINE_PAGE (document != NULL
                                                         ? chronicle_timeline_page_new_for_document (document)
                                                         : chronicle_timeline_page_new ());
  ChronicleTimelinePage *current = chronicle_window_get_current_page (self);
  AdwTabPage *tab_page;

  /* New pages take the sidebar width of the one in front. */
  if (current != NULL && chronicle_timeline_page_get_sidebar_width (current) > 0)
    self->sidebar_width = chronicle_timeline_page_get_sidebar_width (current);
  chronicle_timeline_page_set_sidebar_width (page, self->sidebar_width);

  g_object_bind_property (self, "show-sidebar", page, "show-sidebar", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "collapse-gaps",
                          chronicle_timeline_page_get_timeline_view (page), "collapse-gaps",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "display-zone",
                          chronicle_timeline_page_get_timeline_view (page), "display-zone",
                          G_BINDING_SYNC_CREATE);

  for (guint i = 0; i < G_N_ELEMENTS (page_properties); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", page_properties[i], NULL);

      g_signal_connect_object (page, signal, G_CALLBACK (on_page_notify_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (page, "loaded", G_CALLBACK (on_page_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "load-failed", G_CALLBACK (on_page_load_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (chronicle_timeline_page_get_document (page), "notify::modified",
                           G_CALLBACK (on_page_document_modified_cb), page, G_CONNECT_SWAPPED);
  chronicle_timeline_page_add_top_bar (page,
                                       chronicle_disk_change_banner_new (chronicle_timeline_page_get_document (page)));

  /* Next to the tab it was opened from, which comes back if it fails. */
  tab_page = adw_tab_view_add_page (self->tab_view, GTK_WIDGET (page),
                                    adw_tab_view_get_selected_page (self->tab_view));
  sync_tab_page (self, page);
  adw_tab_view_set_selected_page (self->tab_view, tab_page);

  return page;
}

static gboolean
on_drop_cb (ChronicleWindow *self,
            const GValue    *value,
            double           x,
            double           y,
            GtkDropTarget   *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    if (_chronicle_window_is_article_file (l->data))
      _chronicle_window_import_article (self, l->data);
    else
      chronicle_window_open (self, l->data);

  return TRUE;
}

static gboolean
chronicle_window_close_request (GtkWindow *window)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (window);

  /* Unsaved changes: Save / Discard / Cancel first, which closes again. */
  if (!self->close_confirmed && _chronicle_window_confirm_close (self))
    return TRUE;

  _chronicle_window_save_settings (self);

  return GTK_WINDOW_CLASS (chronicle_window_parent_class)->close_request (window);
}

/* Narrower than FOLD_WIDTH (logical px), the chart takes the whole
 * window: the sidebar folds away, and the window can then get narrower
 * than the sidebar would allow (to half a small screen). It comes back
 * past UNFOLD_WIDTH. A sidebar the user opens in a narrow window stays. */
#define FOLD_WIDTH   860
#define UNFOLD_WIDTH 940

static gboolean
apply_fold_cb (gpointer data)
{
  ChronicleWindow *self = data;

  self->fold_idle = 0;

  if (self->show_sidebar && self->width < FOLD_WIDTH)
    {
      g_object_set (self, "show-sidebar", FALSE, NULL);
      self->sidebar_folded = TRUE;
    }
  else if (self->sidebar_folded && self->width >= UNFOLD_WIDTH)
    g_object_set (self, "show-sidebar", TRUE, NULL);  /* clears sidebar_folded */

  return G_SOURCE_REMOVE;
}

static void
chronicle_window_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  gboolean was_narrow = self->width > 0 && self->width < FOLD_WIDTH;

  GTK_WIDGET_CLASS (chronicle_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* On the way down (or starting narrow) and back up only; changing what
   * the window holds waits until this allocation is done. */
  if (((width < FOLD_WIDTH && !was_narrow && self->show_sidebar) ||
       (self->sidebar_folded && width >= UNFOLD_WIDTH)) &&
      self->fold_idle == 0)
    self->fold_idle = g_idle_add (apply_fold_cb, self);
  self->width = width;
}

static void
chronicle_window_dispose (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (self->save_chooser);
  g_clear_object (&self->save_chooser);
  g_clear_weak_pointer (&self->load_error_dialog);
  g_clear_weak_pointer (&self->save_changes_dialog);
  g_clear_weak_pointer (&self->recovery_dialog);
  g_clear_handle_id (&self->fold_idle, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_WINDOW);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chronicle_window_parent_class)->dispose (object);
}

static void
chronicle_window_finalize (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->load_errors, g_ptr_array_unref);
  g_clear_pointer (&self->display_zone, g_free);

  G_OBJECT_CLASS (chronicle_window_parent_class)->finalize (object);
}

static void
chronicle_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    case PROP_COLLAPSE_GAPS:
      g_value_set_boolean (value, self->collapse_gaps);
      break;

    case PROP_DISPLAY_ZONE:
      g_value_set_string (value, self->display_zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      /* Whoever sets it decides; folding sets the flag again after. */
      self->sidebar_folded = FALSE;
      if (self->show_sidebar != g_value_get_boolean (value))
        {
          self->show_sidebar = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_COLLAPSE_GAPS:
      if (self->collapse_gaps != g_value_get_boolean (value))
        {
          self->collapse_gaps = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_DISPLAY_ZONE:
      if (g_strcmp0 (self->display_zone, g_value_get_string (value)) != 0)
        {
          g_free (self->display_zone);
          self->display_zone = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_window_class_init (ChronicleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = chronicle_window_dispose;
  object_class->finalize = chronicle_window_finalize;
  object_class->get_property = chronicle_window_get_property;
  object_class->set_property = chronicle_window_set_property;

  window_class->close_request = chronicle_window_close_request;
  widget_class->size_allocate = chronicle_window_size_allocate;

  /**
   * ChronicleWindow:show-sidebar:
   *
   * Whether the sidebars with the event details are shown, in every tab.
   */
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleWindow:collapse-gaps:
   *
   * Whether the charts of every tab draw long empty stretches shortened.
   */
  properties[PROP_COLLAPSE_GAPS] =
    g_param_spec_boolean ("collapse-gaps", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleWindow:display-zone:
   *
   * The zone the charts of every tab draw times of day in: "timeline",
   * "utc" or "local" (see [property@TimelineView:display-zone]).
   */
  properties[PROP_DISPLAY_ZONE] =
    g_param_spec_string ("display-zone", NULL, NULL,
                         "timeline",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, navigation_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, fit_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, tab_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_view_selected_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_view_n_pages_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_view_page_attached_cb);
  gtk_widget_class_bind_template_callback (widget_class, _chronicle_window_on_tab_view_close_page);

  gtk_widget_class_install_action (widget_class, "win.choose-columns", NULL, choose_columns_action_cb);
  _chronicle_window_class_actions_init (klass);
  _chronicle_window_class_review_init (klass);
  _chronicle_window_class_edit_init (klass);
  _chronicle_window_class_save_init (klass);

  g_type_ensure (CHRONICLE_TYPE_TIMELINE_PAGE);
}

static void
chronicle_window_init (ChronicleWindow *self)
{
  /* What the header bar shows of the current document. */
  static const char * const current_document_properties[] = {
    "title", "loading", "timeline", "filtered-timeline",
    /* Undo, Redo and Save, named and enabled for it. */
    "modified", "can-undo", "can-redo", "undo-label", "redo-label", "new",
  };
  g_autoptr(GFile) example = NULL;
  GtkDropTarget *drop;

  self->show_sidebar = TRUE;
  self->collapse_gaps = TRUE;
  self->display_zone = g_strdup ("timeline");
  self->load_errors = g_ptr_array_new_with_free_func (g_free);
  self->sidebar_width = DEFAULT_SIDEBAR_WIDTH;

  /* One group for the current tab's document, retargeted when the tab
   * changes, instead of handlers on every page's widgets. */
  self->document_signals = g_signal_group_new (CHRONICLE_TYPE_DOCUMENT);
  for (guint i = 0; i < G_N_ELEMENTS (current_document_properties); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", current_document_properties[i], NULL);

      g_signal_group_connect_swapped (self->document_signals, signal,
                                      G_CALLBACK (on_current_document_notify_cb), self);
    }
  g_signal_group_connect_swapped (self->document_signals, "notify::selected-event",
                                  G_CALLBACK (on_current_document_selected_event_cb), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_name_text_buttons (GTK_WIDGET (self));
  chronicle_accessible_unname_stack_pages (GTK_WIDGET (self));
  /* libadwaita's tab view would be named "AdwTabView" around the chart. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tab_view), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  adw_status_page_set_icon_name (self->start_page, APP_ID);

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  example = chronicle_application_find_example ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-example", example != NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "start");
  update_for_current_page (self);
}

ChronicleWindow *
chronicle_window_new (ChronicleApplication *application)
{
  ChronicleWindow *self;

  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (application), NULL);

  self = g_object_new (CHRONICLE_TYPE_WINDOW,
                       "application", application,
                       NULL);
  _chronicle_window_load_settings (self, application);

  return self;
}

/* A file open in a tab already: its tab comes to the front. */
static gboolean
select_tab_of_file (ChronicleWindow *self,
                    GFile           *file)
{
  AdwTabPage *tab_page = find_tab_page_for_file (self, file);

  if (tab_page == NULL)
    return FALSE;

  adw_tab_view_set_selected_page (self->tab_view, tab_page);
  if (chronicle_timeline_page_get_timeline (_chronicle_window_get_page (tab_page)) != NULL)
    {
      g_clear_pointer (&self->last_error, g_free);
      _chronicle_window_remember_recent_file (self, file);
    }

  return TRUE;
}

/**
 * chronicle_window_open:
 * @self: a `ChronicleWindow`
 * @file: a timeline file
 *
 * Shows @file in a tab: the tab that shows it already, or a new one that
 * loads it off the main thread. When @file cannot be read, its new tab
 * closes again, the open tabs stay as they were, and a dialog explains
 * why.
 */
void
chronicle_window_open (ChronicleWindow *self,
                       GFile           *file)
{
  ChronicleTimelinePage *page;

  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (select_tab_of_file (self, file))
    return;

  page = add_page (self, NULL);
  chronicle_timing_watch_page (GTK_WIDGET (page));
  chronicle_timing_mark ("load");
  chronicle_timeline_page_load_file (page, file);
}

/* chronicle_window_open() of a file whose document is loading already,
 * or has (a file of the command line, loaded while GTK started): the same
 * tab, dialog or tab brought to the front, whenever the load ended. A
 * first load that failed (@error) leaves no tab. */
void
_chronicle_window_open_document (ChronicleWindow   *self,
                                 ChronicleDocument *document,
                                 const GError      *error)
{
  GFile *file;
  ChronicleTimelinePage *page;

  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (document));

  file = chronicle_document_get_file (document);
  g_return_if_fail (G_IS_FILE (file));

  if (select_tab_of_file (self, file))
    return;

  if (error != NULL)
    {
      show_load_error (self, file, error);
      return;
    }

  page = add_page (self, document);
  chronicle_timing_watch_page (GTK_WIDGET (page));
  if (!chronicle_document_get_loading (document) && chronicle_document_get_timeline (document) != NULL)
    on_page_loaded_cb (self, page);
}

/* A tab for a document made elsewhere: a new one, a recovered one. */
ChronicleTimelinePage *
_chronicle_window_add_document_page (ChronicleWindow   *self,
                                     ChronicleDocument *document)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (document), NULL);

  return add_page (self, document);
}

/* The tab of @file, if one shows it (or is loading it). */
AdwTabPage *
_chronicle_window_find_tab_page (ChronicleWindow *self,
                                 GFile           *file)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return find_tab_page_for_file (self, file);
}

/* A tab for a recovered document that takes the place of @replaced, the
 * tab that showed its file without edits: two editable tabs of one file
 * would let the save of one overwrite the edits of the other. */
ChronicleTimelinePage *
_chronicle_window_replace_page (ChronicleWindow   *self,
                                AdwTabPage        *replaced,
                                ChronicleDocument *document)
{
  ChronicleTimelinePage *page;

  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (ADW_IS_TAB_PAGE (replaced), NULL);
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (document), NULL);

  /* add_page() puts the new tab next to the selected one. */
  adw_tab_view_set_selected_page (self->tab_view, replaced);
  page = add_page (self, document);
  adw_tab_view_close_page (self->tab_view, replaced);

  return page;
}

/**
 * chronicle_window_get_current_page:
 * @self: a `ChronicleWindow`
 *
 * Returns: (transfer none) (nullable): the page of the selected tab
 */
ChronicleTimelinePage *
chronicle_window_get_current_page (ChronicleWindow *self)
{
  AdwTabPage *tab_page;

  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  if (self->tab_view == NULL)
    return NULL;

  tab_page = adw_tab_view_get_selected_page (self->tab_view);

  return tab_page != NULL ? _chronicle_window_get_page (tab_page) : NULL;
}

/**
 * chronicle_window_get_n_pages:
 * @self: a `ChronicleWindow`
 *
 * Returns: the number of tabs, loading ones included
 */
guint
chronicle_window_get_n_pages (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), 0);

  return self->tab_view != NULL ? (guint) adw_tab_view_get_n_pages (self->tab_view) : 0;
}

/**
 * chronicle_window_get_nth_page:
 * @self: a `ChronicleWindow`
 * @position: a tab's position, from 0
 *
 * Returns: (transfer none): the page in that tab
 */
ChronicleTimelinePage *
chronicle_window_get_nth_page (ChronicleWindow *self,
                               guint            position)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (position < chronicle_window_get_n_pages (self), NULL);

  return _chronicle_window_get_page (adw_tab_view_get_nth_page (self->tab_view, (int) position));
}

/**
 * chronicle_window_select_page:
 * @self: a `ChronicleWindow`
 * @page: a page of the window
 *
 * Brings the tab of @page to the front.
 */
void
chronicle_window_select_page (ChronicleWindow       *self,
                              ChronicleTimelinePage *page)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (page));

  adw_tab_view_set_selected_page (self->tab_view,
                                  adw_tab_view_get_page (self->tab_view, GTK_WIDGET (page)));
}

/**
 * chronicle_window_get_file:
 * @self: a `ChronicleWindow`
 *
 * Returns: (transfer none) (nullable): the file of the selected tab
 */
GFile *
chronicle_window_get_file (ChronicleWindow *self)
{
  ChronicleTimelinePage *page;

  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  page = chronicle_window_get_current_page (self);

  return page != NULL ? chronicle_timeline_page_get_file (page) : NULL;
}

/**
 * chronicle_window_get_timeline:
 * @self: a `ChronicleWindow`
 *
 * Returns: (transfer none) (nullable): the timeline of the selected tab
 */
ChronicleTimeline *
chronicle_window_get_timeline (ChronicleWindow *self)
{
  ChronicleTimelinePage *page;

  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  page = chronicle_window_get_current_page (self);

  return page != NULL ? chronicle_timeline_page_get_timeline (page) : NULL;
}

/**
 * chronicle_window_get_timeline_view:
 * @self: a `ChronicleWindow`
 *
 * Returns: (transfer none) (nullable): the chart of the selected tab
 */
ChronicleTimelineView *
chronicle_window_get_timeline_view (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return _chronicle_window_get_current_view (self);
}

/**
 * chronicle_window_add_toast:
 * @self: a `ChronicleWindow`
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's content.
 */
void
chronicle_window_add_toast (ChronicleWindow *self,
                            AdwToast        *toast)
{
  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

ChronicleSidebar *
chronicle_window_get_sidebar (ChronicleWindow *self)
{
  ChronicleTimelinePage *page;

  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  page = chronicle_window_get_current_page (self);

  return page != NULL ? chronicle_timeline_page_get_sidebar (page) : NULL;
}

/* Whether any tab is loading. */
gboolean
chronicle_window_is_loading (ChronicleWindow *self)
{
  guint n;

  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), FALSE);

  n = chronicle_window_get_n_pages (self);
  for (guint i = 0; i < n; i++)
    if (chronicle_timeline_page_get_loading (chronicle_window_get_nth_page (self, i)))
      return TRUE;

  return FALSE;
}

const char *
chronicle_window_get_last_error (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->last_error;
}

const char * const *
chronicle_window_get_warnings (ChronicleWindow *self)
{
  ChronicleTimelinePage *page;

  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  page = chronicle_window_get_current_page (self);

  return page != NULL ? chronicle_timeline_page_get_warnings (page) : NULL;
}

/* For tests: whether the start page shows, and the recent files it lists. */
gboolean
chronicle_window_get_start_page_visible (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "start") == 0;
}

void
_chronicle_window_sync_header (ChronicleWindow *self)
{
  update_for_current_page (self);
}
