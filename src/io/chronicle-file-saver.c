/* chronicle-file-saver.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-file-saver"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gunixoutputstream.h>

#include "chronicle-file-saver-private.h"
#include "chronicle-text-private.h"

/* As many links as Linux follows before ELOOP. */
#define MAX_SYMLINKS 40
/* Room for ".", the ".XXXXXX" suffix and more under NAME_MAX (255). */
#define MAX_TEMP_BASE 200
/* cairo's PDF and PNG writers hand over a few bytes at a time. */
#define BUFFER_SIZE (64 * 1024)

struct _ChronicleFileSaver
{
  char          *display_name;  /* the file the caller asked for, escaped */
  char          *target;        /* where the data goes: symlinks resolved */
  char          *tmp_path;
  int            fd;            /* of tmp_path; owned by the unix stream */
  GOutputStream *stream;        /* buffered, over the (wrapped) unix stream */
  GError        *error;         /* the first failure: later calls repeat it */
  gboolean       committed;
};

static void
set_error_from_errno (GError     **error,
                      int          saved_errno,
                      const char  *display_name)
{
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  if (saved_errno == ENOSPC
#ifdef EDQUOT
      || saved_errno == EDQUOT
#endif
      )
    code = G_IO_ERROR_NO_SPACE;

  if (code == G_IO_ERROR_NO_SPACE)
    g_set_error (error, G_IO_ERROR, code,
                 _("There is not enough space on the disk to save “%s”"), display_name);
  else
    g_set_error (error, G_IO_ERROR, code,
                 _("Could not write “%s”: %s"), display_name, g_strerror (saved_errno));
}

/* A stream's error says "Error writing to file: …" and nothing of which
 * file: the message is rewritten to name the one the caller asked for. */
static void
set_error_from_stream (GError       **error,
                       const GError  *cause,
                       const char    *display_name)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, cause->domain, cause->code, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 _("There is not enough space on the disk to save “%s”"), display_name);
  else
    g_set_error (error, G_IO_ERROR, cause->domain == G_IO_ERROR ? cause->code : G_IO_ERROR_FAILED,
                 _("Could not write “%s”: %s"), display_name, cause->message);
}

static gboolean
check_kind (const struct stat  *st,
            const char         *display_name,
            GError            **error)
{
  if (S_ISREG (st->st_mode))
    return TRUE;

  if (S_ISDIR (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("Could not write “%s”: it is a folder"), display_name);
  else if (S_ISFIFO (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not write “%s”: it is a named pipe (FIFO), not a regular file"), display_name);
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not write “%s”: it is a device, not a regular file"), display_name);
  else if (S_ISSOCK (st->st_mode))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not write “%s”: it is a socket, not a regular file"), display_name);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                 _("Could not write “%s”: it is not a regular file"), display_name);

  return FALSE;
}

/* Follows @path through symlinks, as editors do, so that saving through a
 * link replaces what it points to and the link survives. Returns the final
 * path; @exists says whether something is there (a dangling link names
 * the file to create), and @st holds what lstat() said about it. */
static char *
resolve_symlinks (const char   *path,
                  struct stat  *st,
                  gboolean     *exists,
                  const char   *display_name,
                  GError      **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint hops = 0; hops <= MAX_SYMLINKS; hops++)
    {
      g_autoptr(GError) link_error = NULL;
      g_autofree char *link = NULL;

      if (g_lstat (current, st) != 0)
        {
          int saved_errno = errno;

          if (saved_errno != ENOENT)
            {
              set_error_from_errno (error, saved_errno, display_name);
              return NULL;
            }

          /* A missing folder on the way shows when the file is created. */
          *exists = FALSE;
          return g_steal_pointer (&current);
        }

      if (!S_ISLNK (st->st_mode))
        {
          *exists = TRUE;
          return g_steal_pointer (&current);
        }

      link = g_file_read_link (current, &link_error);
      if (link == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write “%s”: %s"), display_name, link_error->message);
          return NULL;
        }

      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, link, NULL);
        }
    }

  set_error_from_errno (error, ELOOP, display_name);
  return NULL;
}

static char *
make_temp_template (const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);

  /* The temporary file sits in the target's folder so that the rename is
   * atomic; a leading dot keeps it out of file managers meanwhile. A long
   * name is cut so that the suffix still fits (the cut may split a
   * character: nobody reads this name). */
  if (strlen (base) > MAX_TEMP_BASE)
    base[MAX_TEMP_BASE] = '\0';

  return g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
}

/**
 * chronicle_file_saver_new:
 * @file: the file to save; must be local
 * @wrap: (nullable): for tests, wraps the stream the data is written into
 * @wrap_data: data for @wrap
 * @error: return location for a #GError
 *
 * Checks @file (following symlinks) and creates the temporary file that
 * chronicle_file_saver_write() fills. Nothing touches @file itself until
 * chronicle_file_saver_commit(); freeing the saver without a commit
 * removes the temporary file.
 *
 * Returns: (transfer full) (nullable): the saver, or %NULL when @file
 *   cannot be saved
 */
ChronicleFileSaver *
chronicle_file_saver_new (GFile                   *file,
                          ChronicleStreamWrapFunc  wrap,
                          gpointer                 wrap_data,
                          GError                 **error)
{
  g_autoptr(ChronicleFileSaver) self = NULL;
  g_autoptr(GOutputStream) unix_stream = NULL;
  g_autoptr(GOutputStream) base = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;
  struct stat st;
  gboolean exists = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (ChronicleFileSaver, 1);
  self->fd = -1;
  path = g_file_get_path (file);
  /* A file name may hold a newline or escape sequences; every message
   * stays one line of text. (A parse name would turn them into a
   * file:// URI.) */
  display = path != NULL ? g_filename_display_name (path) : g_file_get_parse_name (file);
  self->display_name = chronicle_text_escape_line (display, 0);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write “%s”: only local files can be saved to"), self->display_name);
      return NULL;
    }

  self->target = resolve_symlinks (path, &st, &exists, self->display_name, error);
  if (self->target == NULL)
    return NULL;

  if (exists)
    {
      if (!check_kind (&st, self->display_name, error))
        return NULL;

      /* The rename would replace a file the user made read-only. */
      if (g_access (self->target, W_OK) != 0)
        {
          set_error_from_errno (error, errno, self->display_name);
          return NULL;
        }
    }

  /* A new file is created 0666 so that open() applies the umask (and a
   * default ACL) as for any new file; a replaced one keeps its mode, set
   * below, and is private until then. */
  self->tmp_path = make_temp_template (self->target);
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, exists ? 0600 : 0666);
  if (self->fd < 0)
    {
      set_error_from_errno (error, errno, self->display_name);
      g_clear_pointer (&self->tmp_path, g_free);
      return NULL;
    }

  if (exists)
    {
      /* Keep the owner where we may (only root may give a file away), then
       * the mode: fchown() clears set-id bits, so it goes first. */
      if ((st.st_uid != geteuid () || st.st_gid != getegid ()) &&
          fchown (self->fd, st.st_uid, st.st_gid) != 0)
        g_debug ("Could not keep the owner of %s: %s", self->target, g_strerror (errno));

      if (fchmod (self->fd, st.st_mode & 07777) != 0)
        {
          set_error_from_errno (error, errno, self->display_name);
          return NULL;
        }
    }

  unix_stream = g_unix_output_stream_new (self->fd, TRUE);
  base = wrap != NULL ? wrap (unix_stream, wrap_data) : g_object_ref (unix_stream);
  self->stream = g_buffered_output_stream_new_sized (base, BUFFER_SIZE);

  return g_steal_pointer (&self);
}

/**
 * chronicle_file_saver_get_display_name:
 * @self: a saver
 *
 * Returns: the name of the file the caller asked for, as messages show it
 */
const char *
chronicle_file_saver_get_display_name (ChronicleFileSaver *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

/**
 * chronicle_file_saver_get_error:
 * @self: a saver
 *
 * Returns: (nullable): the first failure of a write, or %NULL
 */
const GError *
chronicle_file_saver_get_error (ChronicleFileSaver *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->error;
}

/* Keeps the first failure: cairo calls on writing after one, and the
 * message that matters is the first. */
static gboolean
fail (ChronicleFileSaver  *self,
      GError              *cause,
      GError             **error)
{
  if (self->error == NULL)
    self->error = cause;
  else
    g_clear_error (&cause);

  if (error != NULL)
    *error = g_error_copy (self->error);

  return FALSE;
}

/**
 * chronicle_file_saver_write:
 * @self: a saver
 * @data: (array length=length): bytes to append
 * @length: the number of bytes
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Appends @data to the temporary file. After a failure every later call
 * (and the commit) fails with the first error, so a caller that cannot
 * stop at once, such as a cairo write function, may pass %NULL for @error
 * and learn the error from chronicle_file_saver_commit().
 *
 * Returns: %TRUE if the data was written
 */
gboolean
chronicle_file_saver_write (ChronicleFileSaver  *self,
                            const void          *data,
                            gsize                length,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  GError *cause = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->error != NULL)
    return fail (self, NULL, error);

  if (g_output_stream_write_all (self->stream, data, length, NULL, cancellable, &local_error))
    return TRUE;

  set_error_from_stream (&cause, local_error, self->display_name);
  return fail (self, cause, error);
}

/**
 * chronicle_file_saver_commit:
 * @self: a saver
 * @cancellable: (nullable): checked until the file is replaced
 * @error: return location for a #GError
 *
 * Flushes and syncs the temporary file, checks its close, and renames it
 * over the target. On failure the target is as it was and the temporary
 * file is removed when @self is freed.
 *
 * Returns: %TRUE if the target now holds everything written
 */
gboolean
chronicle_file_saver_commit (ChronicleFileSaver  *self,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  GError *cause = NULL;
  int dir_fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->error != NULL)
    return fail (self, NULL, error);

  if (!g_output_stream_flush (self->stream, cancellable, &local_error))
    {
      set_error_from_stream (&cause, local_error, self->display_name);
      return fail (self, cause, error);
    }

  /* Without the sync a crash soon after the rename can leave an empty
   * file on some file systems: neither the old data nor the new. Delayed
   * allocation can also report a full disk only here. */
  if (fsync (self->fd) != 0)
    {
      set_error_from_errno (&cause, errno, self->display_name);
      return fail (self, cause, error);
    }

  /* Closes the wrapped stream too, and checks close(): NFS reports some
   * write errors only there. */
  if (!g_output_stream_close (self->stream, cancellable, &local_error))
    {
      set_error_from_stream (&cause, local_error, self->display_name);
      return fail (self, cause, error);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    return fail (self, g_steal_pointer (&local_error), error);

  if (g_rename (self->tmp_path, self->target) != 0)
    {
      set_error_from_errno (&cause, errno, self->display_name);
      return fail (self, cause, error);
    }

  self->committed = TRUE;

  /* The rename itself reaches the disk with the folder's sync; the file is
   * complete either way, so a failure here is not one of the save. */
  dir = g_path_get_dirname (self->target);
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}

/**
 * chronicle_file_saver_free:
 * @self: (nullable): a saver
 *
 * Frees @self; without a successful commit, removes the temporary file.
 */
void
chronicle_file_saver_free (ChronicleFileSaver *self)
{
  if (self == NULL)
    return;

  /* Unless committed, the data is thrown away: closing the stream may still
   * flush its buffer into the temporary file, which goes next. */
  if (self->stream != NULL)
    g_clear_object (&self->stream);
  else if (self->fd >= 0)
    close (self->fd);

  if (self->tmp_path != NULL && !self->committed)
    g_unlink (self->tmp_path);

  g_free (self->tmp_path);
  g_free (self->target);
  g_free (self->display_name);
  g_clear_error (&self->error);
  g_free (self);
}
