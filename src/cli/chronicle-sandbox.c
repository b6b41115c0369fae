/* chronicle-sandbox.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "chronicle-cli.h"
#include "chronicle-sandbox.h"
#include "chronicle-text-private.h"

/*
 * Inside a Flatpak sandbox, /tmp, the home folder and most of the file
 * system are the sandbox's own: `chronicle --export /tmp/chart.png` writes
 * there, exits 0, and the chart is gone when the sandbox ends. Before an
 * export writes, the output path is checked against what /.flatpak-info
 * says the sandbox shares with the host ([Context] filesystems, Flatpak's
 * --filesystem grants), the app's own ~/.var/app/ID and the document
 * portal. A grant this code does not know lets the export go ahead: a false
 * refusal would block a write that works. The build sandbox (flatpak-builder
 * running the tests) is not judged.
 */

/* Whether @path is @dir or inside it; both absolute and canonical. */
static gboolean
path_is_under (const char *path,
               const char *dir)
{
  gsize len = strlen (dir);

  if (len > 1 && dir[len - 1] == '/')
    len--;
  if (len == 1 && dir[0] == '/')
    return TRUE;
  return strncmp (path, dir, len) == 0 && (path[len] == '\0' || path[len] == '/');
}

/* The folder an xdg-* grant names (xdg-download, xdg-config/foo ...),
 * or NULL when the grant is not one of them. */
static char *
xdg_grant_dir (const char *grant,
               const char *home)
{
  static const struct
  {
    const char     *name;
    GUserDirectory  special;  /* G_USER_N_DIRECTORIES: a fixed folder in @home */
    const char     *in_home;
  } dirs[] = {
    { "xdg-desktop", G_USER_DIRECTORY_DESKTOP, NULL },
    { "xdg-documents", G_USER_DIRECTORY_DOCUMENTS, NULL },
    { "xdg-download", G_USER_DIRECTORY_DOWNLOAD, NULL },
    { "xdg-music", G_USER_DIRECTORY_MUSIC, NULL },
    { "xdg-pictures", G_USER_DIRECTORY_PICTURES, NULL },
    { "xdg-public-share", G_USER_DIRECTORY_PUBLIC_SHARE, NULL },
    { "xdg-templates", G_USER_DIRECTORY_TEMPLATES, NULL },
    { "xdg-videos", G_USER_DIRECTORY_VIDEOS, NULL },
    { "xdg-config", G_USER_N_DIRECTORIES, ".config" },
    { "xdg-data", G_USER_N_DIRECTORIES, ".local/share" },
    { "xdg-cache", G_USER_N_DIRECTORIES, ".cache" },
    { "xdg-state", G_USER_N_DIRECTORIES, ".local/state" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      gsize len = strlen (dirs[i].name);
      g_autofree char *dir = NULL;

      if (strncmp (grant, dirs[i].name, len) != 0 || (grant[len] != '\0' && grant[len] != '/'))
        continue;
      if (dirs[i].in_home != NULL)
        dir = g_build_filename (home, dirs[i].in_home, NULL);
      else if (g_get_user_special_dir (dirs[i].special) != NULL)
        dir = g_strdup (g_get_user_special_dir (dirs[i].special));
      else
        return NULL;  /* an unset special folder: nothing to compare with */
      return g_canonicalize_filename (grant[len] == '/' ? grant + len + 1 : ".", dir);
    }
  return NULL;
}

typedef enum
{
  GRANT_NONE,     /* does not reach @path */
  GRANT_REACHES,  /* shares a folder @path is in */
  GRANT_UNKNOWN,  /* not a grant this code understands */
} GrantMatch;

/* One entry of [Context] filesystems, e.g. "home", "~/Charts:create",
 * "/srv/data:ro", "xdg-download/charts", "!host". */
static GrantMatch
grant_reaches (const char *entry,
               const char *home,
               const char *path)
{
  g_autofree char *grant = g_strdup (entry);
  g_autofree char *dir = NULL;
  char *mode;

  if (grant[0] == '!')
    return GRANT_NONE;  /* a grant taken away */
  /* The :ro, :rw or :create suffix: a read-only folder makes the write
   * fail with its own clear error, so any grant counts. */
  mode = strrchr (grant, ':');
  if (mode != NULL)
    *mode = '\0';

  if (g_str_equal (grant, "host"))
    return GRANT_REACHES;
  if (g_str_equal (grant, "host-os") || g_str_equal (grant, "host-etc") || g_str_equal (grant, "host-reset"))
    return GRANT_NONE;  /* read-only system folders under /run/host */
  if (g_str_equal (grant, "home"))
    dir = g_strdup (home);
  else if (g_str_has_prefix (grant, "~/"))
    dir = g_canonicalize_filename (grant + 2, home);
  else if (grant[0] == '/')
    dir = g_canonicalize_filename (grant, NULL);
  else if (g_str_has_prefix (grant, "xdg-run/"))
    dir = g_canonicalize_filename (grant + strlen ("xdg-run/"), g_get_user_runtime_dir ());
  else if (!(dir = xdg_grant_dir (grant, home)))
    return GRANT_UNKNOWN;

  return path_is_under (path, dir) ? GRANT_REACHES : GRANT_NONE;
}

/* Whether @path (absolute, canonical) is somewhere the host sees. */
static gboolean
sandbox_shares (GKeyFile   *info,
                const char *app_id,
                const char *home,
                const char *path)
{
  g_auto(GStrv) grants = g_key_file_get_string_list (info, "Context", "filesystems", NULL, NULL);
  g_autofree char *app_dir = g_build_filename (home, ".var", "app", app_id, NULL);
  g_autofree char *documents = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);

  /* The app's own data folder, and files the document portal passed in. */
  if (path_is_under (path, app_dir) || path_is_under (path, documents))
    return TRUE;
  for (guint i = 0; grants != NULL && grants[i] != NULL; i++)
    {
      if (grant_reaches (grants[i], home, path) != GRANT_NONE)
        return TRUE;
    }
  return FALSE;
}

/**
 * chronicle_sandbox_check_output:
 * @flatpak_info: the sandbox's description (CHRONICLE_FLATPAK_INFO; tests
 *   pass their own); when it does not exist, there is no sandbox
 * @home: the home folder as the sandbox sees it
 * @option: the option @path was given to, for the message ("--export")
 * @path: the output path as given (relative to the current folder)
 * @error: a CHRONICLE_CLI_ERROR_SANDBOX error saying what to do instead
 *
 * Refuses an output path that only the sandbox sees: writing there would
 * look like success and lose the file.
 *
 * Returns: whether writing @path leaves a file the user can find
 */
gboolean
chronicle_sandbox_check_output (const char  *flatpak_info,
                                const char  *home,
                                const char  *option,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *app_id = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *app_dir = NULL;

  if (!g_file_test (flatpak_info, G_FILE_TEST_EXISTS))
    return TRUE;
  /* A sandbox whose description cannot be read: nothing to judge by. */
  if (!g_key_file_load_from_file (info, flatpak_info, G_KEY_FILE_NONE, NULL))
    return TRUE;
  /* `flatpak build` (flatpak-builder running the tests): a developer's
   * sandbox, whose /tmp the tests write to on purpose. */
  if (g_key_file_get_boolean (info, "Instance", "build", NULL))
    return TRUE;
  app_id = g_key_file_get_string (info, "Application", "name", NULL);
  if (app_id == NULL)
    app_id = g_strdup (APP_ID);

  absolute = g_canonicalize_filename (path, NULL);
  if (sandbox_shares (info, app_id, home, absolute))
    return TRUE;

  quoted = chronicle_text_escape_line (path, 0);
  app_dir = g_build_filename (home, ".var", "app", app_id, NULL);
  g_set_error (error, CHRONICLE_CLI_ERROR, CHRONICLE_CLI_ERROR_SANDBOX,
               /* Translators: %s are: an option (--export), a file path, the
                * app id twice, and a folder. Keep --filesystem as it is. */
               _("%s: “%s” is inside Chronicle's Flatpak sandbox, which no other program sees; "
                 "nothing was written. Give a folder the sandbox shares: run with "
                 "“flatpak run --filesystem=FOLDER %s” (or once: "
                 "“flatpak override --user --filesystem=FOLDER %s”), or write into %s"),
               option, quoted, app_id, app_id, app_dir);
  return FALSE;
}
