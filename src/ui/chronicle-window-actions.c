/* chronicle-window-actions.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-window-private.h"

#include "chronicle-export.h"
#include "chronicle-export-dialog.h"
#include "chronicle-text-private.h"

void
_chronicle_window_update_navigation_actions (ChronicleWindow *self)
{
  ChronicleTimelineView *view = _chronicle_window_get_current_view (self);
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

/* What Open offers by default: everything the loader opens (our files,
 * TimelineJS JSON, spreadsheets saved as CSV or TSV), not only ".json". */
GtkFileFilter *
_chronicle_window_new_timeline_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  /* Translators: the Open dialog's filter: timeline files and spreadsheets */
  gtk_file_filter_set_name (filter, _("Timelines and Spreadsheets"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/x-chronicle-timeline+json");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  return filter;
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
  g_autoptr(GtkFileFilter) timelines = _chronicle_window_new_timeline_filter ();
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
  ChronicleTimelineView *view = _chronicle_window_get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_select_adjacent (view, -1);
}

static void
next_event_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronicleTimelineView *view = _chronicle_window_get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_select_adjacent (view, +1);
}

static void
fit_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronicleTimelineView *view = _chronicle_window_get_current_view (CHRONICLE_WINDOW (widget));

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
  ChronicleTimelineView *view = _chronicle_window_get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_set_story_mode (view, !chronicle_timeline_view_get_story_mode (view));
}

static void
zoom_in_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChronicleTimelineView *view = _chronicle_window_get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_zoom (view, 1.25);
}

static void
zoom_out_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ChronicleTimelineView *view = _chronicle_window_get_current_view (CHRONICLE_WINDOW (widget));

  if (view != NULL)
    chronicle_timeline_view_zoom (view, 1.0 / 1.25);
}

static void
on_export_dialog_exported_cb (ChronicleWindow       *self,
                              GFile                 *file,
                              ChronicleExportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *shown = chronicle_text_for_display (name, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_autofree char *isolated = chronicle_text_isolate (shown);
  g_autofree char *title = NULL;

  /* A toast's title is markup (libadwaita 1.2): a file named "Q&A <b>.png"
   * gave an empty toast. */
  /* Translators: shown after an export; %s is the file name. */
  title = g_markup_printf_escaped (_("Exported “%s”"), isolated);
  chronicle_window_add_toast (self, adw_toast_new (title));
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  ChronicleTimelineView *view = _chronicle_window_get_current_view (self);
  ChronicleTimeline *timeline = view != NULL ? chronicle_timeline_view_get_timeline (view) : NULL;
  ChronicleExportDialog *dialog;

  if (timeline == NULL)
    return;

  dialog = chronicle_export_dialog_new (GTK_WINDOW (self), timeline,
                                        chronicle_timeline_view_get_viewport (view),
                                        chronicle_timeline_view_get_selected_event (view));
  chronicle_export_dialog_set_hidden_categories (dialog, chronicle_timeline_view_get_hidden_categories (view));
  chronicle_export_dialog_set_placements (dialog, chronicle_timeline_view_get_placements (view));
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
  ChronicleTimelineView *view = _chronicle_window_get_current_view (self);
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
  /* A copy of what the window shows, at the window's text size. */
  options.text_scale = 1;
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.collapse_gaps = chronicle_timeline_view_get_collapse_gaps (view);
  options.zone = CHRONICLE_ZONE_FIXED;
  options.zone_offset = chronicle_viewport_get_zone_offset (chronicle_timeline_view_get_viewport (view));
  if (selected != NULL && chronicle_timeline_find_event (timeline, selected, &position))
    options.selected = position;
  options.hidden_categories = chronicle_timeline_view_get_hidden_categories (view);
  options.placements = chronicle_timeline_view_get_placements (view);

  surface = chronicle_export_render_image (timeline, chronicle_timeline_view_get_viewport (view),
                                           &options, &error);
  if (surface == NULL)
    {
      g_autofree char *message = g_markup_escape_text (error->message, -1);

      chronicle_window_add_toast (self, adw_toast_new (message));
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

/* The win.* actions. */
void
_chronicle_window_class_actions_init (ChronicleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
   * made in _chronicle_window_load_settings(). */
  gtk_widget_class_install_property_action (widget_class, "win.collapse-gaps", "collapse-gaps");
  /* A radio group in the menu ("timeline", "utc", "local"), bound to the
   * display-zone setting the same way. */
  gtk_widget_class_install_property_action (widget_class, "win.display-zone", "display-zone");
}
