/* chronicle-recovery.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-recovery"

#include "config.h"

#include "chronicle-recovery-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-writer-private.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#define TIMELINE_SUFFIX ".chronicle.json"
#define INFO_SUFFIX     ".recovery"
#define INFO_GROUP      "Recovery"
#define MAX_ID          64
#define MAX_INFO_SIZE   (64 * 1024)
/* The loader's limit (docs/format.md). */
#define MAX_TIMELINE_SIZE ((goffset) 2 * 1024 * 1024 * 1024)

char *
chronicle_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "chronicle", "recovery", NULL);
}

char *
chronicle_recovery_new_id (void)
{
  return g_uuid_string_random ();
}

static gboolean
is_valid_id (const char *id,
             gsize       length)
{
  if (length == 0 || length > MAX_ID)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '-')
      return FALSE;

  return TRUE;
}

static char *
build_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = chronicle_recovery_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

GFile *
chronicle_recovery_get_timeline_file (const char *id)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL && is_valid_id (id, strlen (id)), NULL);

  path = build_path (id, TIMELINE_SUFFIX);
  return g_file_new_for_path (path);
}

gboolean
chronicle_recovery_write (const char               *id,
                          const char               *data,
                          gsize                     length,
                          GFile                    *original,
                          ChronicleStreamWrapFunc   wrap,
                          gpointer                  wrap_data,
                          GError                  **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *dir = chronicle_recovery_get_dir ();
  g_autofree char *timeline_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info_data = NULL;
  g_autoptr(GFile) timeline_file = NULL;
  g_autoptr(GFile) info_file = NULL;
  gsize info_length;

  g_return_val_if_fail (id != NULL && is_valid_id (id, strlen (id)), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  /* Private: edits may be anything the user keeps from others. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the recovery folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (info, INFO_GROUP, "Original", uri);
    }
  g_key_file_set_int64 (info, INFO_GROUP, "Written", g_get_real_time () / G_USEC_PER_SEC);
  info_data = g_key_file_to_data (info, &info_length, NULL);

  timeline_path = build_path (id, TIMELINE_SUFFIX);
  info_path = build_path (id, INFO_SUFFIX);
  timeline_file = g_file_new_for_path (timeline_path);
  info_file = g_file_new_for_path (info_path);

  /* The timeline first: the key file is what makes a pair count. */
  return chronicle_file_save_data (timeline_file, data, length, wrap, wrap_data, NULL, error) &&
         chronicle_file_save_data (info_file, info_data, info_length, NULL, NULL, NULL, error);
}

void
chronicle_recovery_remove (const char *id)
{
  g_autofree char *timeline_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (id != NULL && is_valid_id (id, strlen (id)));

  /* The key file first: without it, a timeline left over is not offered. */
  info_path = build_path (id, INFO_SUFFIX);
  timeline_path = build_path (id, TIMELINE_SUFFIX);
  if (g_unlink (info_path) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", info_path, g_strerror (errno));
  if (g_unlink (timeline_path) != 0 && errno != ENOENT)
    g_debug ("Could not remove %s: %s", timeline_path, g_strerror (errno));
}

/* A regular file, not a link, of at most @max_size bytes; its time of
 * last change in *@mtime. */
static gboolean
check_regular (const char *path,
               goffset     max_size,
               gint64     *mtime)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > max_size)
    return FALSE;

  if (mtime != NULL)
    *mtime = st.st_mtime;
  return TRUE;
}

typedef struct
{
  GFile  *file;
  gint64  mtime;
} Listed;

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Listed *la = a, *lb = b;

  return la->mtime < lb->mtime ? 1 : la->mtime > lb->mtime ? -1 : 0;
}

/**
 * chronicle_recovery_list:
 *
 * Returns: (transfer full) (element-type GFile): the timeline files of the
 *   recovery folder that have their key file, newest first, at most
 *   %CHRONICLE_RECOVERY_MAX_LISTED
 */
GPtrArray *
chronicle_recovery_list (void)
{
  g_autofree char *dir_path = chronicle_recovery_get_dir ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (Listed));
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return g_steal_pointer (&files);

  for (guint scanned = 0; scanned < CHRONICLE_RECOVERY_MAX_SCANNED && (name = g_dir_read_name (dir)) != NULL;
       scanned++)
    {
      gsize length = strlen (name);
      g_autofree char *id = NULL;
      g_autofree char *timeline_path = NULL;
      g_autofree char *info_path = NULL;
      Listed item;

      if (!g_str_has_suffix (name, INFO_SUFFIX) ||
          !is_valid_id (name, length - strlen (INFO_SUFFIX)))
        continue;

      id = g_strndup (name, length - strlen (INFO_SUFFIX));
      info_path = build_path (id, INFO_SUFFIX);
      timeline_path = build_path (id, TIMELINE_SUFFIX);
      if (!check_regular (info_path, MAX_INFO_SIZE, NULL) ||
          !check_regular (timeline_path, MAX_TIMELINE_SIZE, &item.mtime))
        continue;

      item.file = g_file_new_for_path (timeline_path);
      g_array_append_val (listed, item);
    }

  g_array_sort (listed, compare_newest_first);
  for (guint i = 0; i < listed->len; i++)
    {
      Listed *item = &g_array_index (listed, Listed, i);

      if (files->len < CHRONICLE_RECOVERY_MAX_LISTED)
        g_ptr_array_add (files, g_steal_pointer (&item->file));
      else
        g_clear_object (&item->file);
    }

  return g_steal_pointer (&files);
}

gboolean
chronicle_recovery_read (GFile    *timeline_file,
                         char    **id,
                         GFile   **original,
                         GError  **error)
{
  g_autofree char *basename = g_file_get_basename (timeline_file);
  g_autofree char *display = NULL;
  g_autofree char *info_id = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info_data = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (timeline_file), FALSE);

  display = chronicle_text_escape_line (basename != NULL ? basename : "", 0);
  if (basename == NULL || !g_str_has_suffix (basename, TIMELINE_SUFFIX) ||
      !is_valid_id (basename, strlen (basename) - strlen (TIMELINE_SUFFIX)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a recovery file"), display);
      return FALSE;
    }

  info_id = g_strndup (basename, strlen (basename) - strlen (TIMELINE_SUFFIX));
  info_path = build_path (info_id, INFO_SUFFIX);
  if (!check_regular (info_path, MAX_INFO_SIZE, NULL) ||
      !g_file_get_contents (info_path, &info_data, &length, &local_error) ||
      !g_key_file_load_from_data (info, info_data, length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The recovery file “%s” has no readable description: %s"), display,
                   local_error != NULL ? local_error->message : _("missing, too large or not a file"));
      return FALSE;
    }

  uri = g_key_file_get_string (info, INFO_GROUP, "Original", NULL);
  *original = uri != NULL && g_str_has_prefix (uri, "file:") ? g_file_new_for_uri (uri) : NULL;
  *id = g_steal_pointer (&info_id);
  return TRUE;
}
