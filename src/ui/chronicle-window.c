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
#include "chronicle-timeline-loader.h"
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
  GtkRevealer           *banner_revealer;
  GtkLabel              *banner_title_label;
  GtkLabel              *banner_details_label;
  GtkPaned              *paned;
  ChronicleTimelineView *timeline_view;
  ChronicleSidebar      *sidebar;

  /* owned */
  GSettings             *settings;      /* NULL when the schema is missing */
  GFile                 *file;          /* of the timeline shown */
  GCancellable          *load_cancellable;
  GtkNativeDialog       *file_chooser;
  char                  *last_error;
  GStrv                  warnings;

  guint                  load_generation;
  int                    sidebar_width;
  gboolean               sidebar_width_applied;
};

G_DEFINE_FINAL_TYPE (ChronicleWindow, chronicle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  ChronicleWindow *window;
  GFile           *file;
  guint            generation;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *name = g_filename_display_name (basename);

  return name;
}

static void
set_loading (ChronicleWindow *self,
             gboolean         loading)
{
  gtk_widget_set_visible (self->spinner, loading);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), loading);
}

static void
update_navigation_actions (ChronicleWindow *self)
{
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (self->timeline_view);
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (self->timeline_view);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", n > 0);
}

static void
show_warnings (ChronicleWindow *self)
{
  guint n = self->warnings != NULL ? g_strv_length (self->warnings) : 0;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  if (n == 0)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Loaded with %u warning",
                                        "Loaded with %u warnings", n),
                           n);
  details = g_strjoinv ("\n", self->warnings);

  gtk_label_set_text (self->banner_title_label, title);
  gtk_label_set_text (self->banner_details_label, details);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
remember_recent_file (ChronicleWindow *self,
                      GFile           *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = NULL;
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

  {
    g_auto(GStrv) recent = g_strv_builder_end (builder);

    g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
  }
}

static void
update_recent_menu (ChronicleWindow *self)
{
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
      if (self->file != NULL && g_file_equal (file, self->file))
        continue;

      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (uris[i]));
      g_menu_append_item (self->recent_section, item);
      n++;
    }
}

static void
on_settings_recent_files_changed_cb (ChronicleWindow *self)
{
  update_recent_menu (self);
}

/* Debugging aid: CHRONICLE_SELECT_EVENT=<event id> selects that event once
 * a timeline is loaded, so screenshots and manual checks can start from a
 * given event without a pointer. */
static void
select_event_from_environment (ChronicleWindow   *self,
                               ChronicleTimeline *timeline)
{
  const char *id = g_getenv ("CHRONICLE_SELECT_EVENT");
  ChronicleEvent *event;

  if (id == NULL || id[0] == '\0')
    return;

  event = chronicle_timeline_lookup_event (timeline, id);
  if (event == NULL)
    return;

  chronicle_timeline_view_set_selected_event (self->timeline_view, event);
  chronicle_timeline_view_reveal_selected (self->timeline_view, FALSE);
}

static void
show_timeline (ChronicleWindow   *self,
               GFile             *file,
               ChronicleTimeline *timeline)
{
  const char *title = chronicle_timeline_get_title (timeline);
  guint n = chronicle_timeline_get_n_events (timeline);
  g_autofree char *subtitle = NULL;
  g_autofree char *display_name = dup_display_name (file);

  g_set_object (&self->file, file);
  chronicle_timeline_view_set_timeline (self->timeline_view, timeline);

  if (title == NULL || title[0] == '\0')
    title = display_name;
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);

  gtk_stack_set_visible_child_name (self->main_stack, "timeline");
  gtk_widget_set_visible (self->navigation_box, TRUE);
  gtk_widget_set_visible (self->fit_button, TRUE);
  gtk_widget_set_visible (self->sidebar_button, TRUE);
  /* Arrow keys walk the events right away. */
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));
  show_warnings (self);
  remember_recent_file (self, file);
  update_recent_menu (self);
  update_navigation_actions (self);
  select_event_from_environment (self, timeline);
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
on_load_ready_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  ChronicleWindow *self = data->window;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  timeline = chronicle_timeline_load_finish (result, &warnings, &error);

  /* A newer load superseded this one, or the window went away: both
   * cancel, and the window's widgets may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      data->generation != self->load_generation)
    return;

  set_loading (self, FALSE);
  g_clear_object (&self->load_cancellable);

  if (timeline == NULL)
    {
      show_load_error (self, data->file, error);
      return;
    }

  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->warnings, g_strfreev);
  self->warnings = g_steal_pointer (&warnings);
  show_timeline (self, data->file, timeline);
}

static void
on_file_chooser_response_cb (ChronicleWindow      *self,
                             int                   response,
                             GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        chronicle_window_open (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_clear_object (&self->file_chooser);
}

static void
on_banner_close_clicked_cb (ChronicleWindow *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
on_paned_max_position_cb (ChronicleWindow *self)
{
  int max_position = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  /* The saved width is the sidebar's; the paned wants the divider's
   * position from the start, known only once the paned has a size. */
  g_object_get (self->paned, "max-position", &max_position, NULL);
  if (self->sidebar_width_applied || width <= 0 || max_position <= 0)
    return;

  self->sidebar_width_applied = TRUE;
  gtk_paned_set_position (self->paned, MAX (0, width - self->sidebar_width));
}

static void
on_timeline_view_selected_event_cb (ChronicleWindow *self)
{
  update_navigation_actions (self);
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

  chronicle_window_open (self, files->data);

  return TRUE;
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) timelines = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  native = gtk_file_chooser_native_new (_("Open Timeline"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (timelines, _("Timelines"));
  gtk_file_filter_add_mime_type (timelines, "application/json");
  gtk_file_filter_add_suffix (timelines, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), timelines);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), timelines);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

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
previous_event_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  chronicle_timeline_view_select_adjacent (self->timeline_view, -1);
}

static void
next_event_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (widget);

  chronicle_timeline_view_select_adjacent (self->timeline_view, +1);
}

static void
fit_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  chronicle_timeline_view_fit (CHRONICLE_WINDOW (widget)->timeline_view);
}

static void
zoom_in_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  chronicle_timeline_view_zoom (CHRONICLE_WINDOW (widget)->timeline_view, 1.25);
}

static void
zoom_out_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  chronicle_timeline_view_zoom (CHRONICLE_WINDOW (widget)->timeline_view, 1.0 / 1.25);
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
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (self->timeline_view);
  ChronicleExportDialog *dialog;

  if (timeline == NULL)
    return;

  dialog = chronicle_export_dialog_new (GTK_WINDOW (self), timeline,
                                        chronicle_timeline_view_get_viewport (self->timeline_view),
                                        chronicle_timeline_view_get_selected_event (self->timeline_view));
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
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (self->timeline_view);
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (self->timeline_view);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  ChronicleExportOptions options;
  cairo_surface_t *surface;
  guint position;

  if (timeline == NULL)
    return;

  chronicle_export_options_init (&options);
  options.width = MAX (gtk_widget_get_width (GTK_WIDGET (self->timeline_view)), CHRONICLE_EXPORT_MIN_SIZE);
  options.height = MAX (gtk_widget_get_height (GTK_WIDGET (self->timeline_view)), CHRONICLE_EXPORT_MIN_SIZE);
  options.scale = CLAMP (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1, CHRONICLE_EXPORT_MAX_SCALE);
  options.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  options.collapse_gaps = chronicle_timeline_view_get_collapse_gaps (self->timeline_view);
  if (selected != NULL && chronicle_timeline_find_event (timeline, selected, &position))
    options.selected = position;

  surface = chronicle_export_render_image (timeline, chronicle_timeline_view_get_viewport (self->timeline_view),
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

static gboolean
chronicle_window_close_request (GtkWindow *window)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (window);

  if (self->settings != NULL)
    {
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
      if (gtk_widget_get_visible (GTK_WIDGET (self->sidebar)) &&
          gtk_widget_get_width (GTK_WIDGET (self->sidebar)) > 0)
        g_settings_set_int (self->settings, "sidebar-width",
                            CLAMP (gtk_widget_get_width (GTK_WIDGET (self->sidebar)),
                                   MIN_SIDEBAR_WIDTH, MAX_SIDEBAR_WIDTH));
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
                       self->timeline_view, "collapse-gaps",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (on_settings_recent_files_changed_cb), self,
                               G_CONNECT_SWAPPED);
      update_recent_menu (self);
    }
}

static void
chronicle_window_dispose (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  /* Makes a load still running stale before it is cancelled. */
  self->load_generation++;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (chronicle_window_parent_class)->dispose (object);
}

static void
chronicle_window_finalize (GObject *object)
{
  ChronicleWindow *self = CHRONICLE_WINDOW (object);

  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->warnings, g_strfreev);

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
      /* Read by the property action before the template is built and
       * after it is disposed too. */
      g_value_set_boolean (value,
                           self->sidebar == NULL || gtk_widget_get_visible (GTK_WIDGET (self->sidebar)));
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
      if (self->sidebar != NULL &&
          gtk_widget_get_visible (GTK_WIDGET (self->sidebar)) != g_value_get_boolean (value))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->sidebar), g_value_get_boolean (value));
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
   * Whether the sidebar with the event details is shown.
   */
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
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
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, banner_title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, banner_details_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWindow, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paned_max_position_cb);

  /* Accelerators are set in ChronicleApplication's startup. */
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action_cb);
  gtk_widget_class_install_action (widget_class, "win.previous-event", NULL, previous_event_action_cb);
  gtk_widget_class_install_action (widget_class, "win.next-event", NULL, next_event_action_cb);
  gtk_widget_class_install_action (widget_class, "win.fit", NULL, fit_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action_cb);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action_cb);
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");

  g_type_ensure (CHRONICLE_TYPE_SIDEBAR);
  g_type_ensure (CHRONICLE_TYPE_TIMELINE_VIEW);
}

static void
chronicle_window_init (ChronicleWindow *self)
{
  g_autoptr(GPropertyAction) collapse_gaps = NULL;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sidebar_width = DEFAULT_SIDEBAR_WIDTH;

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  g_signal_connect_object (self->timeline_view, "notify::selected-event",
                           G_CALLBACK (on_timeline_view_selected_event_cb), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* Stateful "win.collapse-gaps" for the menu; the setting follows the
   * view's property through the binding made in load_settings(). */
  collapse_gaps = g_property_action_new ("collapse-gaps", self->timeline_view, "collapse-gaps");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (collapse_gaps));

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_navigation_actions (self);
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
 * Loads @file off the main thread and shows it. A load still running is
 * cancelled. When @file cannot be read the timeline shown stays and a
 * dialog explains why.
 */
void
chronicle_window_open (ChronicleWindow *self,
                       GFile           *file)
{
  LoadData *data;

  g_return_if_fail (CHRONICLE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);
  data->generation = ++self->load_generation;

  set_loading (self, TRUE);
  chronicle_timeline_load_async (file, self->load_cancellable, on_load_ready_cb, data);
}

/**
 * chronicle_window_get_file:
 * @self: a `ChronicleWindow`
 *
 * Returns: (transfer none) (nullable): the file of the timeline shown
 */
GFile *
chronicle_window_get_file (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * chronicle_window_get_timeline:
 * @self: a `ChronicleWindow`
 *
 * Returns: (transfer none) (nullable): the timeline shown
 */
ChronicleTimeline *
chronicle_window_get_timeline (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return chronicle_timeline_view_get_timeline (self->timeline_view);
}

/**
 * chronicle_window_get_timeline_view:
 * @self: a `ChronicleWindow`
 *
 * Returns: (transfer none): the chart
 */
ChronicleTimelineView *
chronicle_window_get_timeline_view (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->timeline_view;
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
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return self->sidebar;
}

gboolean
chronicle_window_is_loading (ChronicleWindow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
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
  g_return_val_if_fail (CHRONICLE_IS_WINDOW (self), NULL);

  return (const char * const *) self->warnings;
}
