/* test-export-safety.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "chronicle-export-private.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer-private.h"

/*
 * A save or an export never damages the old file and never reports success
 * falsely (issue #10, items 3, 11 and 18). A full disk is a stream that
 * fails like one: FullDiskStream passes on its first bytes and then fails
 * with G_IO_ERROR_NO_SPACE, at a write or only at the close.
 */

#define EARLIER "earlier contents, which a failed save must leave as they are\n"

/* FullDiskStream: writes into a base stream until @limit bytes, then fails
 * as write(2) does on a full disk. */

#define FULL_DISK_TYPE_STREAM (full_disk_stream_get_type ())
G_DECLARE_FINAL_TYPE (FullDiskStream, full_disk_stream, FULL_DISK, STREAM, GOutputStream)

struct _FullDiskStream
{
  GOutputStream  parent_instance;
  GOutputStream *base;
  gsize          limit;
  gsize          written;
  gboolean       fail_close;  /* writes succeed; close() fails (as on NFS) */
};

G_DEFINE_FINAL_TYPE (FullDiskStream, full_disk_stream, G_TYPE_OUTPUT_STREAM)

static gssize
full_disk_stream_write (GOutputStream  *stream,
                        const void     *buffer,
                        gsize           count,
                        GCancellable   *cancellable,
                        GError        **error)
{
  FullDiskStream *self = FULL_DISK_STREAM (stream);
  gsize room = self->limit - self->written;
  gssize written;

  if (room == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }

  /* A short write first, as the kernel does when the disk fills up. */
  written = g_output_stream_write (self->base, buffer, MIN (count, room), cancellable, error);
  if (written > 0)
    self->written += written;

  return written;
}

static gboolean
full_disk_stream_close (GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  FullDiskStream *self = FULL_DISK_STREAM (stream);

  if (!g_output_stream_close (self->base, cancellable, error))
    return FALSE;

  if (self->fail_close)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Input/output error");
      return FALSE;
    }

  return TRUE;
}

static void
full_disk_stream_finalize (GObject *object)
{
  FullDiskStream *self = FULL_DISK_STREAM (object);

  g_clear_object (&self->base);

  G_OBJECT_CLASS (full_disk_stream_parent_class)->finalize (object);
}

static void
full_disk_stream_class_init (FullDiskStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  object_class->finalize = full_disk_stream_finalize;
  stream_class->write_fn = full_disk_stream_write;
  stream_class->close_fn = full_disk_stream_close;
}

static void
full_disk_stream_init (FullDiskStream *self)
{
}

typedef struct
{
  gsize    limit;
  gboolean fail_close;
  guint    n_wrapped;
} DiskSpec;

static GOutputStream *
wrap_full_disk (GOutputStream *base,
                gpointer       user_data)
{
  DiskSpec *spec = user_data;
  FullDiskStream *stream = g_object_new (FULL_DISK_TYPE_STREAM, NULL);

  stream->base = g_object_ref (base);
  stream->limit = spec->limit;
  stream->fail_close = spec->fail_close;
  spec->n_wrapped++;

  return G_OUTPUT_STREAM (stream);
}

/* Each test gets a temporary folder (ChronicleTestDirFixture). */
typedef ChronicleTestDirFixture Fixture;

static void
write_earlier (const char *path,
               int         mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, EARLIER, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static void
assert_earlier (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, EARLIER, strlen (EARLIER));
}

static int
get_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static char *
expected_no_space (const char *path)
{
  return g_strdup_printf ("There is not enough space on the disk to save “%s”", path);
}

static ChronicleExportOptions
small_options (ChronicleExportFormat format)
{
  ChronicleExportOptions options;

  chronicle_export_options_init (&options);
  options.format = format;
  options.width = 400;
  options.height = 300;

  return options;
}

static gboolean
export_to_path (ChronicleTimeline      *timeline,
                ChronicleExportFormat   format,
                const char             *path,
                DiskSpec               *disk,
                GError                **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChronicleExportOptions options = small_options (format);

  return chronicle_export_to_file_full (timeline, NULL, &options, file, NULL, NULL,
                                        disk != NULL ? wrap_full_disk : NULL, disk, NULL, error);
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

/* The disk fills up at the first byte, half way, and at the very last
 * byte, which only the final flush or close writes: the case cairo 1.16's
 * PDF surface reported as success. */
static void
test_export_full_disk (Fixture       *fixture,
                       gconstpointer  data)
{
  ChronicleExportFormat format = GPOINTER_TO_INT (data);
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *probe = g_build_filename (fixture->dir, "probe", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "report", NULL);
  g_autofree char *expected = expected_no_space (path);
  g_autoptr(GError) error = NULL;
  gsize size;

  g_assert_true (export_to_path (timeline, format, probe, NULL, &error));
  g_assert_no_error (error);
  size = file_size (probe);
  g_assert_cmpint (g_unlink (probe), ==, 0);
  g_assert_cmpuint (size, >, 100);

  write_earlier (path, 0644);

  for (guint i = 0; i < 3; i++)
    {
      DiskSpec disk = { (gsize[]) { 0, size / 2, size - 1 }[i], FALSE, 0 };

      g_test_message ("%s, %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes fit",
                      chronicle_export_format_to_name (format), disk.limit, size);
      g_assert_false (export_to_path (timeline, format, path, &disk, &error));
      g_assert_cmpuint (disk.n_wrapped, ==, 1);
      g_assert_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE);
      g_assert_cmpstr (error->message, ==, expected);
      g_clear_error (&error);

      assert_earlier (path);
      g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 1);
    }

  /* With room for every byte the same export succeeds. */
  {
    DiskSpec disk = { size, FALSE, 0 };

    g_assert_true (export_to_path (timeline, format, path, &disk, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (file_size (path), ==, size);
    g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 1);
  }
}

static void
test_export_close_fails (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *expected = g_strdup_printf ("Could not write “%s”: Input/output error", path);
  g_autoptr(GError) error = NULL;
  DiskSpec disk = { G_MAXSIZE, TRUE, 0 };

  write_earlier (path, 0644);
  g_assert_false (export_to_path (timeline, CHRONICLE_EXPORT_PDF, path, &disk, &error));
  g_assert_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, expected);
  assert_earlier (path);
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 1);
}

static void
test_export_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "report.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  ChronicleExportOptions options = small_options (CHRONICLE_EXPORT_SVG);

  write_earlier (path, 0644);
  g_cancellable_cancel (cancellable);
  g_assert_false (chronicle_export_to_file (timeline, NULL, &options, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_earlier (path);
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 1);
}

/* The SVG's text is put in after cairo's shapes, in memory now. */
static void
test_export_svg_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert_true (export_to_path (timeline, CHRONICLE_EXPORT_SVG, path, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  text = strstr (contents, "<g id=\"text\">\n<text ");
  g_assert_nonnull (text);
  /* (400 px wide: the credit wraps after its first words) */
  g_assert_nonnull (strstr (text, ">Source: Reuters: “Russia,"));
  g_assert_true (g_str_has_suffix (contents, "</g>\n</svg>\n"));
}

/* Through a symlink (and a chain of them, relative and absolute) the target
 * gets the chart and keeps its mode; the links stay links. */
static void
test_export_symlink (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *target = g_build_filename (fixture->dir, "target.png", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.png", NULL);
  g_autofree char *chain = g_build_filename (fixture->dir, "chain.png", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.png", NULL);
  g_autofree char *created = g_build_filename (fixture->dir, "created.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *read = NULL;
  g_autoptr(GError) error = NULL;

  write_earlier (target, 0640);
  g_assert_cmpint (symlink ("target.png", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);
  g_assert_cmpint (symlink ("created.png", dangling), ==, 0);

  g_assert_true (export_to_path (timeline, CHRONICLE_EXPORT_PNG, chain, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  read = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, "target.png");
  g_assert_false (g_file_test (target, G_FILE_TEST_IS_SYMLINK));
  g_file_get_contents (target, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\x89PNG"));
  g_assert_cmpint (get_mode (target), ==, 0640);

  /* A dangling link names the file to create. */
  g_assert_true (export_to_path (timeline, CHRONICLE_EXPORT_PNG, dangling, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (created, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 5);
}

static void
test_export_symlink_loop (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *a = g_build_filename (fixture->dir, "a.png", NULL);
  g_autofree char *b = g_build_filename (fixture->dir, "b.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.png", a), ==, 0);
  g_assert_cmpint (symlink ("a.png", b), ==, 0);

  g_assert_false (export_to_path (timeline, CHRONICLE_EXPORT_PNG, a, NULL, &error));
  g_assert_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
  g_assert_true (g_file_test (a, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 2);
}

/* FIFOs, folders and devices are refused by kind, and stay what they are. */
static void
test_export_special_files (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.png", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.png", NULL);
  g_autofree char *fifo_link = g_build_filename (fixture->dir, "pipe-link.png", NULL);
  const struct {
    const char *path;
    const char *reason;
  } cases[] = {
    { fifo, "it is a named pipe (FIFO), not a regular file" },
    { fifo_link, "it is a named pipe (FIFO), not a regular file" },
    { folder, "it is a folder" },
  };

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("pipe.png", fifo_link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("Could not write “%s”: %s", cases[i].path, cases[i].reason);

      g_assert_false (export_to_path (timeline, CHRONICLE_EXPORT_PNG, cases[i].path, NULL, &error));
      g_assert_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE);
      g_assert_cmpstr (error->message, ==, expected);
    }

  g_assert_true (g_file_test (fifo_link, G_FILE_TEST_IS_SYMLINK));
  {
    GStatBuf st;

    g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
    g_assert_true (S_ISFIFO (st.st_mode));
  }
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 2);
}

/* /dev/full is a device: refused before anything is written beside it
 * (the old code wrote a temporary file into /dev and renamed it over). */
static void
test_export_device (void)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  if (g_lstat ("/dev/full", &before) != 0 || !S_ISCHR (before.st_mode))
    {
      g_test_skip ("/dev/full is not a character device here");
      return;
    }

  g_assert_false (export_to_path (timeline, CHRONICLE_EXPORT_PDF, "/dev/full", NULL, &error));
  g_assert_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, "Could not write “/dev/full”: it is a device, not a regular file");

  g_assert_cmpint (g_lstat ("/dev/full", &after), ==, 0);
  g_assert_true (S_ISCHR (after.st_mode));
  g_assert_cmpuint (after.st_rdev, ==, before.st_rdev);
}

/* A new file gets the umask's mode (the old code forced 0644); a replaced
 * one keeps its own. */
static void
test_export_mode (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *new_file = g_build_filename (fixture->dir, "new.png", NULL);
  g_autofree char *open_file = g_build_filename (fixture->dir, "open.png", NULL);
  g_autofree char *private_file = g_build_filename (fixture->dir, "private.png", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask;

  write_earlier (private_file, 0600);

  old_umask = umask (027);
  g_assert_true (export_to_path (timeline, CHRONICLE_EXPORT_PNG, new_file, NULL, &error));
  g_assert_no_error (error);
  umask (002);
  g_assert_true (export_to_path (timeline, CHRONICLE_EXPORT_PNG, open_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (export_to_path (timeline, CHRONICLE_EXPORT_PNG, private_file, NULL, &error));
  g_assert_no_error (error);
  umask (old_umask);

  g_assert_cmpint (get_mode (new_file), ==, 0640);
  g_assert_cmpint (get_mode (open_file), ==, 0664);
  g_assert_cmpint (get_mode (private_file), ==, 0600);
}

/* A file the user made read-only is not replaced. root may write anyway,
 * as editors running as root do. */
static void
test_export_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "read-only.png", NULL);
  g_autofree char *expected = g_strdup_printf ("Could not write “%s”: %s", path, g_strerror (EACCES));
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to read-only files");
      return;
    }

  write_earlier (path, 0444);
  g_assert_false (export_to_path (timeline, CHRONICLE_EXPORT_PNG, path, NULL, &error));
  g_assert_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, expected);
  assert_earlier (path);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
}

/* A newline in a file name does not break the message into two lines. */
static void
test_export_name_in_message (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "two\nlines.pdf", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  DiskSpec disk = { 10, FALSE, 0 };

  expected = g_strdup_printf ("There is not enough space on the disk to save “%s%ctwo\\nlines.pdf”",
                              fixture->dir, G_DIR_SEPARATOR);
  g_assert_false (export_to_path (timeline, CHRONICLE_EXPORT_PDF, path, &disk, &error));
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 0);
}

/* The timeline writer has the same guarantees. */

static gboolean
save_to_path (ChronicleTimeline  *timeline,
              const char         *path,
              DiskSpec           *disk,
              GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return chronicle_timeline_save_to_file_full (timeline, file, disk != NULL ? wrap_full_disk : NULL,
                                               disk, NULL, error);
}

static void
test_save_full_disk (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autofree char *path = g_build_filename (fixture->dir, "timeline.json", NULL);
  g_autofree char *expected = expected_no_space (path);
  gsize size;

  g_free (chronicle_timeline_to_data (timeline, &size));
  write_earlier (path, 0644);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      DiskSpec disk = { (gsize[]) { 0, size / 2, size - 1 }[i], FALSE, 0 };

      g_assert_false (save_to_path (timeline, path, &disk, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_cmpstr (error->message, ==, expected);
      assert_earlier (path);
      g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 1);
    }
}

static void
test_save_symlink_and_mode (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_load_example ();
  g_autoptr(ChronicleTimeline) copy = NULL;
  g_autofree char *target = g_build_filename (fixture->dir, "target.json", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.json", NULL);
  g_autofree char *expected = g_strdup_printf ("Could not write “%s”: it is a named pipe (FIFO), not a regular file",
                                               fifo);
  g_autoptr(GFile) target_file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;

  write_earlier (target, 0600);
  g_assert_cmpint (symlink ("target.json", link), ==, 0);

  g_assert_true (save_to_path (timeline, link, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpint (get_mode (target), ==, 0600);
  copy = chronicle_timeline_load_from_file (target_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_title (copy), ==, chronicle_timeline_get_title (timeline));

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (save_to_path (timeline, fifo, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/export/safety/full-disk/png", Fixture, GINT_TO_POINTER (CHRONICLE_EXPORT_PNG),
              chronicle_test_dir_setup, test_export_full_disk, chronicle_test_dir_teardown);
  g_test_add ("/export/safety/full-disk/svg", Fixture, GINT_TO_POINTER (CHRONICLE_EXPORT_SVG),
              chronicle_test_dir_setup, test_export_full_disk, chronicle_test_dir_teardown);
  g_test_add ("/export/safety/full-disk/pdf", Fixture, GINT_TO_POINTER (CHRONICLE_EXPORT_PDF),
              chronicle_test_dir_setup, test_export_full_disk, chronicle_test_dir_teardown);
  chronicle_test_add_with_dir ("/export/safety/close-fails", test_export_close_fails);
  chronicle_test_add_with_dir ("/export/safety/cancelled", test_export_cancelled);
  chronicle_test_add_with_dir ("/export/safety/svg-text", test_export_svg_text);
  chronicle_test_add_with_dir ("/export/safety/symlink", test_export_symlink);
  chronicle_test_add_with_dir ("/export/safety/symlink-loop", test_export_symlink_loop);
  chronicle_test_add_with_dir ("/export/safety/special-files", test_export_special_files);
  g_test_add_func ("/export/safety/device", test_export_device);
  chronicle_test_add_with_dir ("/export/safety/mode", test_export_mode);
  chronicle_test_add_with_dir ("/export/safety/read-only", test_export_read_only);
  chronicle_test_add_with_dir ("/export/safety/name-in-message", test_export_name_in_message);
  chronicle_test_add_with_dir ("/writer/safety/full-disk", test_save_full_disk);
  chronicle_test_add_with_dir ("/writer/safety/symlink-and-mode", test_save_symlink_and_mode);

  return g_test_run ();
}
