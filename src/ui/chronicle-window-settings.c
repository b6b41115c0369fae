/* chronicle-window-settings.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include "chronicle-window-private.h"

/* The range of the sidebar-width key in the schema. */
#define MIN_SIDEBAR_WIDTH     200
#define MAX_SIDEBAR_WIDTH     800
#define MAX_RECENT_FILES      10
/* Of those, the primary menu lists the first few. */
#define MAX_RECENT_MENU_ITEMS 5

void
_chronicle_window_remember_recent_file (ChronicleWindow *self,
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

void
_chronicle_window_update_recent_menu (ChronicleWindow *self)
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
      g_autofree char *name = _chronicle_window_dup_display_name (file);
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

      name = _chronicle_window_dup_display_name (file);
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
  _chronicle_window_update_recent_menu (self);
  update_recent_list (self);
}

/* The URIs of the open tabs, in order, for the next start. */
static GStrv
dup_open_uris (ChronicleWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int n = adw_tab_view_get_n_pages (self->tab_view);

  for (int i = 0; i < n; i++)
    {
      ChronicleTimelinePage *page =
        _chronicle_window_get_page (adw_tab_view_get_nth_page (self->tab_view, i));
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

/* Saves the window state for the next start. Called on close. */
void
_chronicle_window_save_settings (ChronicleWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);

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
}

/* Restores the window state and binds the settings. Called from _new()
 * because GtkWindow:application is not a construct property: it is still
 * unset in constructed(). */
void
_chronicle_window_load_settings (ChronicleWindow      *self,
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
      g_settings_bind (self->settings, "display-zone",
                       self, "display-zone",
                       G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (self->settings, "changed::recent-files",
                               G_CALLBACK (on_settings_recent_files_changed_cb), self,
                               G_CONNECT_SWAPPED);
      _chronicle_window_update_recent_menu (self);
      update_recent_list (self);
    }
}
