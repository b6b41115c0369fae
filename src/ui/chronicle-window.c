/* chronicle-window.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-window.h"
#include "chronicle-window-private.h"

#include "chronicle-export.h"
#include "chronicle-export-dialog.h"
#include "chronicle-sidebar.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-view.h"

#define DEFAULT_SIDEBAR_WIDTH 360
/* The range of the sidebar-width key in the schema. */
#define MIN_SIDEBAR_WIDTH     200
#define MAX_SIDEBAR_WIDTH     800
#define MAX_RECENT_FILES      10
/* Of those, the primary menu lists the first few. */
#define MAX_RECENT_MENU_ITEMS 5

struct _ChronicleWindow
{
  AdwApplicationWindow   parent_instance;

  /* template widgets */
  AdwWindowTitle        *window_title;
  GtkWidget             *navigation_box;
  GtkWidget             *fit_button;
  GtkWidget             *sidebar_button;
  GMenu                 *recent_section;
  GtkWidget             *spinner;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *main_stack;
  AdwStatusPage         *start_page;
  GtkWidget             *recent_box;
  GtkListBox            *recent_list;
  AdwTabView            *tab_view;

  /* owned */
  GSettings             *settings;      /* NULL when the schema is missing */
  GtkNativeDialog       *file_chooser;
  char                  *last_error;    /* of the last file that failed to open */

  int                    sidebar_width;
  gboolean               show_sidebar;
  gboolean               collapse_gaps;
};

G_DEFINE_FINAL_TYPE (ChronicleWindow, chronicle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  PROP_COLLAPSE_GAPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *name = g_filename_display_name (basename);

  return name;
}

static ChronicleTimelinePage *
get_page (AdwTabPage *tab_page)
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
      GFile *page_file = chronicle_timeline_page_get_file (get_page (tab_page));

      if (page_file != NULL && g_file_equal (page_file, file))
        return tab_page;
    }

  return NULL;
}

static ChronicleTimelineView *
get_current_view (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  return page != NULL ? chronicle_timeline_page_get_timeline_view (page) : NULL;
}

static void
update_navigation_actions (ChronicleWindow *self)
{
  ChronicleTimelineView *view = get_current_view (self);
  ChronicleTimeline *timeline = view != NULL ? chronicle_timeline_view_get_timeline (view) : NULL;
  ChronicleEvent *selected = view != NULL ? chronicle_timeline_view_get_selected_event (view) : NULL;
  guint n = timeline != NULL ? chronicle_timeline_get_n_events (timeline) : 0;
  gboolean has_previous = n > 0;
  gboolean has_next = n > 0;
  guint position;

  if (selected != NULL && chronicle_timeline_find_event (timeline, selected, &position))
    {
      has_previous = position > 0;
      has_next = position + 1 < n;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-event", has_previous);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-event", has_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.fit", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.story", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", n > 0);
  /* Also when a filter hides every event. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", timeline != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.filters", timeline != NULL);
}

/* The header bar, the title and the actions follow the selected tab. */
static void
update_for_current_page (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);
  ChronicleTimeline *timeline = page != NULL ? chronicle_timeline_page_get_timeline (page) : NULL;
  gboolean loading = page != NULL && chronicle_timeline_page_get_loading (page);
  const char *title = page != NULL ? chronicle_timeline_page_get_title (page) : NULL;
  g_autofree char *subtitle = NULL;

  if (title == NULL)
    title = _("Chronicle");
  /* "12 events", or "3 of 12 events" while a filter is on. */
  if (timeline != NULL)
    subtitle = g_strdup (chronicle_search_bar_get_count_text (chronicle_timeline_page_get_search_bar (page)));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_widget_set_visible (self->spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
  gtk_widget_set_visible (self->navigation_box, timeline != NULL);
  gtk_widget_set_visible (self->fit_button, timeline != NULL);
  gtk_widget_set_visible (self->sidebar_button, timeline != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-tab", page != NULL);
  update_navigation_actions (self);
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

  adw_tab_page_set_title (tab_page, chronicle_timeline_page_get_title (page));
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
remember_recent_file (ChronicleWindow *self,
                      GFile           *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = NULL;
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 1;

  if (self->settings == NULL)
    return;

  old = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, uri);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (old[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  recent = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char * const *) recent, (const char * const *) old))
    g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

static void
update_recent_menu (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);
  GFile *current = page != NULL ? chronicle_timeline_page_get_file (page) : NULL;
  g_auto(GStrv) uris = NULL;
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  if (self->settings == NULL)
    return;

  uris = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT_MENU_ITEMS; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *name = dup_display_name (file);
      g_autoptr(GMenuItem) item = NULL;

      /* The file shown is not offered again. */
      if (current != NULL && g_file_equal (file, current))
        continue;

      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uris[i]));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
}

/* The start page lists the recent files that still exist. */
static void
update_recent_list (ChronicleWindow *self)
{
  g_auto(GStrv) uris = NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (self->settings != NULL)
    uris = g_settings_get_strv (self->settings, "recent-files");

  for (guint i = 0; uris != NULL && uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = NULL;
      g_autofree char *folder_name = NULL;
      GtkWidget *row;

      if (g_file_is_native (file) && !g_file_query_exists (file, NULL))
        continue;

      name = dup_display_name (file);
      folder_name = folder != NULL ? g_file_get_parse_name (folder) : g_strdup ("");

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder_name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "chronicle-uri", g_strdup (uris[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
      n++;
    }

  gtk_widget_set_visible (self->recent_box, n > 0);
}

static void
on_settings_recent_files_changed_cb (ChronicleWindow *self)
{
  update_recent_menu (self);
  update_recent_list (self);
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

static void
show_load_error (ChronicleWindow *self,
                 GFile           *file,
                 const GError    *error)
{
  g_autofree char *display_name = dup_display_name (file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  g_free (self->last_error);
  self->last_error = g_strdup (error->message);

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), display_name);

  /* A dialog rather than a toast: the loader's messages name the place in
   * the file and can be long, and must stay until read. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_page_notify_cb (ChronicleWindow       *self,
                   GParamSpec            *pspec,
                   ChronicleTimelinePage *page)
{
  sync_tab_page (self, page);
  if (page == chronicle_window_get_current_page (self))
    update_for_current_page (self);
}

static void
on_page_count_text_cb (ChronicleWindow    *self,
                       GParamSpec         *pspec,
                       ChronicleSearchBar *search_bar)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  if (page != NULL && chronicle_timeline_page_get_search_bar (page) == search_bar)
    update_for_current_page (self);
}

static void
on_page_selected_event_cb (ChronicleWindow       *self,
                           GParamSpec            *pspec,
                           ChronicleTimelineView *view)
{
  if (view == get_current_view (self))
    update_navigation_actions (self);
}

static void
on_page_loaded_cb (ChronicleWindow       *self,
                   ChronicleTimelinePage *page)
{
  g_clear_pointer (&self->last_error, g_free);
  remember_recent_file (self, chronicle_timeline_page_get_file (page));
  update_recent_menu (self);

  /* Arrow keys walk the events right away. */
  if (page == chronicle_window_get_current_page (self))
    gtk_widget_grab_focus (GTK_WIDGET (chronicle_timeline_page_get_timeline_view (page)));
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

  show_load_error (self, chronicle_timeline_page_get_file (page), error);

  if (parent != NULL && adw_tab_page_get_selected (tab_page))
    adw_tab_view_set_selected_page (self->tab_view, parent);
  adw_tab_view_close_page (self->tab_view, tab_page);
}

static void
on_tab_view_selected_page_cb (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  update_for_current_page (self);
  update_recent_menu (self);

  if (page != NULL && chronicle_timeline_page_get_timeline (page) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (chronicle_timeline_page_get_timeline_view (page)));
}

static void
on_tab_view_n_pages_cb (ChronicleWindow *self)
{
  gboolean any = adw_tab_view_get_n_pages (self->tab_view) > 0;

  gtk_stack_set_visible_child_name (self->main_stack, any ? "tabs" : "start");
  if (!any)
    update_for_current_page (self);
}

static ChronicleTimelinePage *
add_page (ChronicleWindow *self)
{
  /* What the tab and the header bar show of a page. */
  static const char * const page_properties[] = { "file", "title", "loading", "last-error", "timeline" };
  ChronicleTimelinePage *page = CHRONICLE_TIMELINE_PAGE (chronicle_timeline_page_new ());
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

  for (guint i = 0; i < G_N_ELEMENTS (page_properties); i++)
    {
      g_autofree char *signal = g_strconcat ("notify::", page_properties[i], NULL);

      g_signal_connect_object (page, signal, G_CALLBACK (on_page_notify_cb), self, G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (page, "loaded", G_CALLBACK (on_page_loaded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chronicle_timeline_page_get_search_bar (page), "notify::count-text",
                           G_CALLBACK (on_page_count_text_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (page, "load-failed", G_CALLBACK (on_page_load_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (chronicle_timeline_page_get_timeline_view (page), "notify::selected-event",
                           G_CALLBACK (on_page_selected_event_cb), self, G_CONNECT_SWAPPED);

  /* Next to the tab it was opened from, which comes back if it fails. */
  tab_page = adw_tab_view_add_page (self->tab_view, GTK_WIDGET (page),
                                    adw_tab_view_get_selected_page (self->tab_view));
  sync_tab_page (self, page);
  adw_tab_view_set_selected_page (self->tab_view, tab_page);

  return page;
}

static void
on_file_chooser_response_cb (ChronicleWindow      *self,
                             int                   response,
                             GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

      for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          chronicle_window_open (self, file);
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_clear_object (&self->file_chooser);
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
    chronicle_window_open (self, l->data);

  return TRUE;
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);
  GFile *current = page != NULL ? chronicle_timeline_page_get_file (page) : NULL;
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) timelines = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  native = gtk_file_chooser_native_new (_("Open Timelines"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  gtk_file_filter_set_name (timelines, _("Timelines"));
  gtk_file_filter_add_mime_type (timelines, "application/json");
  gtk_file_filter_add_suffix (timelines, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), timelines);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), timelines);

  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect_object (native, "response", G_CALLBACK (on_file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->file_chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->file_chooser);
}

static void
open_recent_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  chronicle_window_open (CHRONICLE_WINDOW (widget), file);
}

static void
open_example_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  g_autoptr(GFile) example = chronicle_application_find_example ();

  if (example != NULL)
    chronicle_window_open (CHRONICLE_WINDOW (widget), example);
}

/* Closes the selected tab; with none left, the window shows the start
 * page. Without a tab, it closes the window. */
static void
close_tab_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  AdwTabPage *tab_page = adw_tab_view_get_selected_page (self->tab_view);

  if (tab_page != NULL)
    adw_tab_view_close_page (self->tab_view, tab_page);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
previous_event_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ChronicleTimelineView *view = get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_select_adjacent (view, -1);
}

static void
next_event_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronicleTimelineView *view = get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_select_adjacent (view, +1);
}

static void
fit_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronicleTimelineView *view = get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_fit (view);
}

/* Search and filters belong to the tab: each has its own. */
static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (CHRONICLE_WINDOW (widget));

  if (page != NULL)
    chronicle_search_bar_set_search_mode (chronicle_timeline_page_get_search_bar (page), TRUE);
}

static void
filters_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (CHRONICLE_WINDOW (widget));

  if (page != NULL)
    chronicle_search_bar_show_filters (chronicle_timeline_page_get_search_bar (page));
}

/* Story mode belongs to the tab's chart: each tab tells its own story. */
static void
story_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ChronicleTimelineView *view = get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_set_story_mode (view, !chronicle_timeline_view_get_story_mode (view));
}

static void
zoom_in_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChronicleTimelineView *view = get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_zoom (view, 1.25);
}

static void
zoom_out_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronicleTimelineView *view = get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_zoom (view, 1.0 / 1.25);
}

static void
on_export_dialog_exported_cb (ChronicleWindow       *self,
                              GFile                 *file,
                              ChronicleExportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = NULL;

  /* Translators: shown after an export; %s is the file name. */
  title = g_strdup_printf (_("Exported “%s”"), name);
  chronicle_window_add_toast (self, adw_toast_new (title));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleTimelineView *view = get_current_view (self);
  ChronicleTimeline *timeline = view != NULL ? chronicle_timeline_view_get_timeline (view) : NULL;
  ChronicleExportDialog *dialog;

  if (timeline == NULL)
    return;

  dialog = chronicle_export_dialog_new (GTK_WINDOW (self), timeline,
                                        chronicle_timeline_view_get_viewport (view),
                                        chronicle_timeline_view_get_selected_event (view));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_export_dialog_exported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Copies what the chart shows, at the screen's pixel density, through the
 * export painter so that a pasted image matches an exported one. */
static void
copy_image_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleTimelineView *view = get_current_view (self);
  ChronicleTimeline *timeline = view != NULL ? chronicle_timeline_view_get_timeline (view) : NULL;
  ChronicleEvent *selected = view != NULL ? chronicle_timeline_view_get_selected_event (view) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ChronicleExportOptions options;
  cairo_surface_t *surface;
  guint position;

  if (timeline == NULL)
    return;

  chronicle_export_options_init (&options);
  options.width = MAX (gtk_widget_get_width (GTK_WIDGET (view)), CHRONICLE_EXPORT_MIN_SIZE);
  options.height = MAX (gtk_widget_get_height (GTK_WIDGET (view)), CHRONICLE_EXPORT_MIN_SIZE);
  options.scale = CLAMP (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1, CHRONICLE_EXPORT_MAX_SCALE);
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.collapse_gaps = chronicle_timeline_view_get_collapse_gaps (view);
  if (selected != NULL && chronicle_timeline_find_event (timeline, selected, &position))
    options.selected = position;

  surface = chronicle_export_render_image (timeline, chronicle_timeline_view_get_viewport (view),
                                           &options, &error);
  if (surface == NULL)
    {
      chronicle_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  /* Cairo's ARGB32 is premultiplied native-endian BGRA: GDK's default
   * memory format. */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface),
                                    cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  chronicle_window_add_toast (self, adw_toast_new (_("Chart copied as an image")));
}

/* The URIs of the open tabs, in order, for the next start. */
static GStrv
dup_open_uris (ChronicleWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      ChronicleTimelinePage *page = get_page (adw_tab_view_get_nth_page (self->tab_view, i));
      GFile *file = chronicle_timeline_page_get_file (page);

      /* A tab still loading its first time may be a file that will fail. */
      if (file != NULL && chronicle_timeline_page_get_timeline (page) != NULL)
        {
          g_autofree char *uri = g_file_get_uri (file);

          g_strv_builder_add (builder, uri);
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
settings_have_key (GSettings  *settings,
                   const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);

  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static gboolean
chronicle_window_close_request (GtkWindow *window)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (window);

  if (self->settings != NULL)
    {
      ChronicleTimelinePage *page = chronicle_window_get_current_page (self);
      int sidebar_width = page != NULL ? chronicle_timeline_page_get_sidebar_width (page) : 0;
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      /* Within the schema's range: a wider sidebar is remembered as the
       * widest allowed rather than refused with a critical. */
      if (sidebar_width > 0)
        g_settings_set_int (self->settings, "sidebar-width",
                            CLAMP (sidebar_width, MIN_SIDEBAR_WIDTH, MAX_SIDEBAR_WIDTH));
      if (settings_have_key (self->settings, "open-files"))
        {
          g_auto(GStrv) uris = dup_open_uris (self);

          g_settings_set_strv (self->settings, "open-files", (const char * const *) uris);
        }
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (chronicle_window_parent_class)->close_request (window);
}

/* Restores the window state and binds the settings. Called from _new()
 * because GtkWindow:application is not a construct property: it is still
 * unset in constructed(). */
static void
load_settings (ChronicleWindow      *self,
               ChronicleApplication *application)
{
  g_set_object (&self->settings, chronicle_application_get_settings (application));

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      self->sidebar_width = g_settings_get_int (self->settings, "sidebar-width");
      g_settings_bind (self->settings, "collapse-gaps",
                       self, "collapse-gaps",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (on_settings_recent_files_changed_cb), self,
                               G_CONNECT_SWAPPED);
      update_recent_menu (self);
      update_recent_list (self);
    }
}

static void
chronicle_window_dispose (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chronicle_window_parent_class)->dispose (object);
}

static void
chronicle_window_finalize (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  g_clear_pointer (&self->last_error, g_free);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, navigation_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, fit_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, start_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, tab_view);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_view_selected_page_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tab_view_n_pages_cb);

  /* Accelerators are set in ChronicleApplication's startup. */
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL, open_example_action_cb);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, previous_event_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, next_event_action_cb);
  gtk_widget_class_install_action (widget_class, "win.fit", NULL, fit_action_cb);
  gtk_widget_class_install_action (widget_class, "win.story", NULL, story_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "win.filters", NULL, filters_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  /* For the menu; the setting follows the property through the binding
   * made in load_settings(). */
  gtk_widget_class_install_property_action (widget_class, "win.collapse-gaps", "collapse-gaps");

  g_type_ensure (CHRONICLE_TYPE_TIMELINE_PAGE);
}

static void
chronicle_window_init (ChronicleWindow *self)
{
  g_autoptr(GFile) example = NULL;
  GtkDropTarget *drop;

  self->show_sidebar = TRUE;
  self->collapse_gaps = TRUE;
  self->sidebar_width = DEFAULT_SIDEBAR_WIDTH;

  gtk_widget_init_template (GTK_WIDGET (self));

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
  load_settings (self, application);

  return self;
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
  AdwTabPage *tab_page;
  ChronicleTimelinePage *page;

  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  tab_page = find_tab_page_for_file (self, file);
  if (tab_page != NULL)
    {
      page = get_page (tab_page);
      adw_tab_view_set_selected_page (self->tab_view, tab_page);
      if (chronicle_timeline_page_get_timeline (page) != NULL)
        {
          g_clear_pointer (&self->last_error, g_free);
          remember_recent_file (self, file);
        }
      return;
    }

  page = add_page (self);
  chronicle_timeline_page_load_file (page, file);
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

  return tab_page != NULL ? get_page (tab_page) : NULL;
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

  return get_page (adw_tab_view_get_nth_page (self->tab_view, (int) position));
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

  return get_current_view (self);
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
