/* chronicle-application.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-application"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-application.h"
#include "chronicle-timing-private.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

#define EXAMPLE_FILE_NAME "istanbul-talks-2025.json"

/* A file of the command line, loading since before GTK started. */
typedef struct
{
  ChronicleDocument *document;
  GError            *error;  /* its load failed before a window took it */
} Preload;

struct _ChronicleApplication
{
  AdwApplication  parent_instance;

  /* owned; created on first use, NULL when the schema is not installed */
  GSettings      *settings;
  gboolean        settings_looked_up;
  gboolean        recovery_offered;  /* once a process: what a crash left */
  GPtrArray      *preloads;          /* Preload *, until "open" takes them */
};

G_DEFINE_FINAL_TYPE (ChronicleApplication, chronicle_application, ADW_TYPE_APPLICATION)

static void
on_preload_failed_cb (ChronicleDocument *document,
                      const GError      *error,
                      Preload           *preload)
{
  g_clear_error (&preload->error);
  preload->error = g_error_copy (error);
}

static void
preload_free (Preload *preload)
{
  g_signal_handlers_disconnect_by_data (preload->document, preload);
  g_clear_object (&preload->document);
  g_clear_error (&preload->error);
  g_free (preload);
}

/* The preload of @file, taken out of the list (the caller frees it), or
 * NULL. */
static Preload *
take_preload (ChronicleApplication *self,
              GFile                *file)
{
  for (guint i = 0; self->preloads != NULL && i < self->preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (self->preloads, i);

      if (g_file_equal (chronicle_document_get_file (preload->document), file))
        return g_ptr_array_steal_index (self->preloads, i);
    }

  return NULL;
}

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_APP_ID, TRUE);

  /* Running from the build tree: the schema is compiled into build/data. */
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build_source = NULL;

      build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source,
                                                                  FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, BASE_APP_ID, TRUE);
    }

  if (schema == NULL)
    {
      g_warning ("GSettings schema %s is not installed; window state will not be saved",
                 BASE_APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

/* The window to open files in: the active one, else a new one. */
static ChronicleWindow *
get_window (ChronicleApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CHRONICLE_IS_WINDOW (window))
    return CHRONICLE_WINDOW (window);

  return chronicle_window_new (self);
}

/* Reopens the files of the tabs open when the app was last closed, those
 * that still exist. Returns whether there were any. */
static gboolean
restore_open_files (ChronicleApplication *self,
                    ChronicleWindow      *window)
{
  GSettings *settings = chronicle_application_get_settings (self);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) uris = NULL;
  gboolean any = FALSE;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, "open-files"))
    return FALSE;

  uris = g_settings_get_strv (settings, "open-files");
  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);

      if (g_file_is_native (file) && !g_file_query_exists (file, NULL))
        continue;

      chronicle_window_open (window, file);
      any = TRUE;
    }

  return any;
}

/* The first window offers the edits a crash left (recovery files). */
static void
offer_recovered (ChronicleApplication *self,
                 ChronicleWindow      *window)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  _chronicle_window_offer_recovered (window);
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  ChronicleApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (rather than g_application_quit) lets each one
   * save its size in close-request. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  ChronicleApplication *self = user_data;
  static const char *developers[] = { "The Chronicle authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Chronicle"),
                        "developer-name", _("The Chronicle authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Follow a news story on a timeline"),
                        "website", HOMEPAGE_URL,
                        "issue-url", BUGTRACKER_URL,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Chronicle authors",
                        "developers", developers,
                        /* Translators: Replace "translator-credits" with your names, one name per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_cb },
  { "about", about_cb },
};

static void
chronicle_application_activate (GApplication *application)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (application);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  ChronicleWindow *window;

  if (active != NULL)
    {
      gtk_window_present (active);
      return;
    }

  /* The last session's tabs, else the example (else the start page). */
  window = chronicle_window_new (self);
  if (!restore_open_files (self, window))
    {
      g_autoptr(GFile) example = chronicle_application_find_example ();

      if (example != NULL)
        chronicle_window_open (window, example);
    }

  gtk_window_present (GTK_WINDOW (window));
  offer_recovered (self, window);
}

static void
chronicle_application_open (GApplication  *application,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (application);
  ChronicleWindow *window = get_window (self);

  chronicle_timing_mark ("window");
  /* One tab each, in the order given; an article (.txt, .html) opens
   * the review page of Import Article. A file of the command line is
   * loading already. */
  for (int i = 0; i < n_files; i++)
    {
      Preload *preload;

      if (_chronicle_window_is_article_file (files[i]))
        _chronicle_window_import_article (window, files[i]);
      else if ((preload = take_preload (self, files[i])) != NULL)
        {
          _chronicle_window_open_document (window, preload->document, preload->error);
          preload_free (preload);
        }
      else
        chronicle_window_open (window, files[i]);
    }

  gtk_window_present (GTK_WINDOW (window));
  chronicle_timing_mark ("presented");
  offer_recovered (self, window);
}

static void
chronicle_application_startup (GApplication *application)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (application);
  GtkIconTheme *theme;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.import-article", { "<Control><Shift>i", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.fit", { "<Control>0", NULL } },
    { "win.story", { "F5", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.previous-event", { "<Alt>Left", NULL } },
    { "win.next-event", { "<Alt>Right", NULL } },
    { "win.close-tab", { "<Control>w", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.properties", { "<Alt>Return", NULL } },
    { "window.close", { "<Control><Shift>w", NULL } },
  };

  chronicle_timing_mark ("startup");
  G_APPLICATION_CLASS (chronicle_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  /* Uninstalled, the app icon is only in the source tree. */
  theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  if (!gtk_icon_theme_has_icon (theme, APP_ID))
    gtk_icon_theme_add_search_path (theme, SOURCE_ICONS_DIR);
  gtk_window_set_default_icon_name (APP_ID);
  chronicle_timing_mark ("startup-done");
}

static void
chronicle_application_dispose (GObject *object)
{
  ChronicleApplication *self = CHRONICLE_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->preloads, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_application_parent_class)->dispose (object);
}

static void
chronicle_application_class_init (ChronicleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = chronicle_application_dispose;

  app_class->activate = chronicle_application_activate;
  app_class->open = chronicle_application_open;
  app_class->startup = chronicle_application_startup;
}

static void
chronicle_application_init (ChronicleApplication *self)
{
}

/**
 * chronicle_application_new:
 *
 * Returns: (transfer full): the application, with the resource base path
 *   shared by all profiles so style.css and the help overlay load.
 */
ChronicleApplication *
chronicle_application_new (void)
{
  return g_object_new (CHRONICLE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * chronicle_application_get_settings:
 * @self: a `ChronicleApplication`
 *
 * Returns: (transfer none) (nullable): the app's settings, or NULL when the
 *   schema is installed nowhere (a warning was logged).
 */
GSettings *
chronicle_application_get_settings (ChronicleApplication *self)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), NULL);

  if (!self->settings_looked_up)
    {
      self->settings_looked_up = TRUE;
      self->settings = create_settings ();
    }

  return self->settings;
}

/**
 * chronicle_application_find_example:
 *
 * Finds the bundled example timeline: in `$CHRONICLE_EXAMPLES_DIR`, then
 * installed under the package data dir, then in the source tree (for an
 * uninstalled build).
 *
 * Returns: (transfer full) (nullable): the example file, or NULL
 */
GFile *
chronicle_application_find_example (void)
{
  const char *dirs[] = {
    g_getenv ("CHRONICLE_EXAMPLES_DIR"),
    PKGDATADIR "/examples",
    SOURCE_EXAMPLES_DIR,
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL || dirs[i][0] == '\0')
        continue;

      path = g_build_filename (dirs[i], EXAMPLE_FILE_NAME, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_file_new_for_path (path);
    }

  return NULL;
}

/**
 * chronicle_application_preload:
 * @self: a `ChronicleApplication`
 * @files: (array length=n_files): timeline files
 * @n_files: their number
 *
 * Starts loading @files (articles excepted), each on its own thread,
 * before the application runs: GTK starts and the window is built while
 * they load (issue #12). When "open" is then given one of them, its tab
 * shows that load, wherever it is by then: still loading, loaded, or
 * failed (the window reports the error as for any file). Files "open" is
 * not given are dropped with the application.
 */
void
chronicle_application_preload (ChronicleApplication  *self,
                               GFile                **files,
                               int                    n_files)
{
  g_return_if_fail (CHRONICLE_IS_APPLICATION (self));
  g_return_if_fail (n_files == 0 || files != NULL);

  if (self->preloads == NULL)
    self->preloads = g_ptr_array_new_with_free_func ((GDestroyNotify) preload_free);

  for (int i = 0; i < n_files; i++)
    {
      Preload *preload;

      if (_chronicle_window_is_article_file (files[i]))
        continue;

      preload = g_new0 (Preload, 1);
      preload->document = chronicle_document_new ();
      g_signal_connect (preload->document, "load-failed", G_CALLBACK (on_preload_failed_cb), preload);
      chronicle_document_load_file (preload->document, files[i]);
      g_ptr_array_add (self->preloads, preload);
    }
}

/**
 * chronicle_application_preload_arguments:
 * @self: a `ChronicleApplication`
 * @argc: the number of @argv
 * @argv: (array length=argc): main()'s arguments
 *
 * Preloads the files of a command line `chronicle FILE...` (see
 * chronicle_application_preload()), made into files as GApplication
 * makes them. A command line with any option is left to GApplication
 * whole: what an option takes as its value is not a file to open.
 *
 * Returns: the number of files preloaded
 */
guint
chronicle_application_preload_arguments (ChronicleApplication *self,
                                         int                   argc,
                                         char                **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  guint before;

  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), 0);

  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-')
        return 0;
      g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
    }

  before = self->preloads != NULL ? self->preloads->len : 0;
  chronicle_application_preload (self, (GFile **) files->pdata, (int) files->len);

  return (self->preloads != NULL ? self->preloads->len : 0) - before;
}

ChronicleDocument *
chronicle_application_get_preloaded (ChronicleApplication *self,
                                     GFile                *file)
{
  g_return_val_if_fail (CHRONICLE_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (guint i = 0; self->preloads != NULL && i < self->preloads->len; i++)
    {
      Preload *preload = g_ptr_array_index (self->preloads, i);

      if (g_file_equal (chronicle_document_get_file (preload->document), file))
        return preload->document;
    }

  return NULL;
}
