/* test-save.c: saving a document, changes on disk while it is edited,
 * recovery files (issue #13, "Nothing lost"); no display
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "chronicle-document.h"
#include "chronicle-document-private.h"
#include "chronicle-recovery-private.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer.h"

/* Long enough for a loaded machine, short enough to fail a hung test. */
#define WAIT_MS 20000
/* Longer than the document's pause after a change on disk (200 ms). */
#define SETTLE_MS 800

#define ORIGINAL \
  "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Before\", \"x-top\": true,\n" \
  " \"events\": [\n" \
  "  {\"id\": \"b\", \"date\": \"2022-03-29t10:00z\", \"title\": \"B\", \"confidence\": 0.8,\n" \
  "   \"quotes\": [{\"text\": \"Q\", \"language\": \"en\"}]},\n" \
  "  {\"id\": \"a\", \"date\": \"2022-03\", \"title\": \"A\"}\n" \
  " ]}\n"

typedef ChronicleTestDirFixture Fixture;

/* --- Waiting ------------------------------------------------------- */

typedef gboolean (*Condition) (ChronicleDocument *document,
                               gconstpointer      data);

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (ChronicleDocument *document,
            Condition          condition,
            gconstpointer      data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (WAIT_MS, on_timeout_cb, &timed_out);

  while (!condition (document, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

/* Runs the main loop for @ms: for what must NOT happen (a reload). */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_idle (ChronicleDocument *document,
         gconstpointer      data)
{
  return !chronicle_document_get_loading (document);
}

static gboolean
is_changed_on_disk (ChronicleDocument *document,
                    gconstpointer      data)
{
  return chronicle_document_get_changed_on_disk (document);
}

static gboolean
has_title (ChronicleDocument *document,
           gconstpointer      data)
{
  ChronicleTimeline *timeline = chronicle_document_get_timeline (document);

  return !chronicle_document_get_loading (document) && timeline != NULL &&
         g_strcmp0 (chronicle_timeline_get_title (timeline), data) == 0;
}

static gboolean
has_n_recovered (ChronicleDocument *document,
                 gconstpointer      data)
{
  g_autoptr(GPtrArray) recovered = chronicle_document_list_recovered ();

  if (recovered->len != GPOINTER_TO_UINT (data))
    g_main_context_iteration (NULL, FALSE);
  return recovered->len == GPOINTER_TO_UINT (data);
}

static char *
write_original (Fixture    *fixture,
                const char *name,
                const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static ChronicleDocument *
load_document (const char *path)
{
  ChronicleDocument *document = chronicle_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  chronicle_document_load_file (document, file);
  wait_until (document, is_idle, NULL);
  g_assert_nonnull (chronicle_document_get_timeline (document));
  g_assert_false (chronicle_document_get_modified (document));
  return document;
}

static void
on_saved_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save (ChronicleDocument  *document,
      GFile              *file,
      GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  chronicle_document_save_async (document, file, NULL, on_saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return chronicle_document_save_finish (document, result, error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

/* --- Fault injection ----------------------------------------------- */

/* FailingStream: passes its first @limit bytes on, then fails as a full
 * disk does, or kills the process (a crash mid-save). */

#define FAILING_TYPE_STREAM (failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (FailingStream, failing_stream, FAILING, STREAM, GOutputStream)

struct _FailingStream
{
  GOutputStream  parent_instance;
  GOutputStream *base;
  gsize          limit;
  gsize          written;
  gboolean       kill;
};

G_DEFINE_FINAL_TYPE (FailingStream, failing_stream, G_TYPE_OUTPUT_STREAM)

typedef struct
{
  gsize    limit;
  gboolean kill;
} Fault;

static gssize
failing_stream_write (GOutputStream  *stream,
                      const void     *buffer,
                      gsize           count,
                      GCancellable   *cancellable,
                      GError        **error)
{
  FailingStream *self = FAILING_STREAM (stream);
  gsize room = self->limit - self->written;
  gssize written;

  if (room == 0)
    {
      if (self->kill)
        kill (getpid (), SIGKILL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }

  written = g_output_stream_write (self->base, buffer, MIN (count, room), cancellable, error);
  if (written > 0)
    self->written += written;
  return written;
}

static gboolean
failing_stream_close (GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  return g_output_stream_close (FAILING_STREAM (stream)->base, cancellable, error);
}

static void
failing_stream_finalize (GObject *object)
{
  g_clear_object (&FAILING_STREAM (object)->base);

  G_OBJECT_CLASS (failing_stream_parent_class)->finalize (object);
}

static void
failing_stream_class_init (FailingStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = failing_stream_finalize;
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = failing_stream_write;
  G_OUTPUT_STREAM_CLASS (klass)->close_fn = failing_stream_close;
}

static void
failing_stream_init (FailingStream *self)
{
}

static GOutputStream *
wrap_failing (GOutputStream *base,
              gpointer       user_data)
{
  Fault *fault = user_data;
  FailingStream *stream = g_object_new (FAILING_TYPE_STREAM, NULL);

  stream->base = g_object_ref (base);
  stream->limit = fault->limit;
  stream->kill = fault->kill;
  return G_OUTPUT_STREAM (stream);
}

/* Loads ORIGINAL and edits it (a new title): a modified document. */
static ChronicleDocument *
load_and_edit (const char *path)
{
  ChronicleDocument *document = load_document (path);

  chronicle_document_set_timeline_title (document, "After");
  g_assert_true (chronicle_document_get_modified (document));
  return document;
}

/* --- Saving -------------------------------------------------------- */

/* A save writes the edit and what the file had that Chronicle does not
 * know, clears "modified", and the document does not take its own save
 * for another program's change (no reload, no banner). */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = write_original (fixture, "timeline.json", ORIGINAL);
  g_autoptr(ChronicleDocument) document = load_and_edit (path);
  g_autoptr(ChronicleEvent) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  ChronicleTimeline *timeline;

  /* An edit through the document's copy keeps the event's unknown
   * members and its quote's. */
  changed = chronicle_event_copy (chronicle_timeline_lookup_event (chronicle_document_get_timeline (document), "b"));
  chronicle_event_set_title (changed, "B edited");
  g_assert_true (chronicle_document_replace_event (document, "b", changed, "Edit Event", &error));
  g_assert_no_error (error);

  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (chronicle_document_get_modified (document));

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s", contents);
  g_assert_nonnull (strstr (contents, "\"title\": \"After\""));
  g_assert_nonnull (strstr (contents, "\"title\": \"B edited\""));
  g_assert_nonnull (strstr (contents, "\"x-top\": true"));
  g_assert_nonnull (strstr (contents, "\"confidence\": 0.8"));
  g_assert_nonnull (strstr (contents, "\"language\": \"en\""));
  g_assert_nonnull (strstr (contents, "\"date\": \"2022-03-29t10:00z\""));
  g_assert_true (strstr (contents, "\"id\": \"b\"") < strstr (contents, "\"id\": \"a\""));

  /* An edit right after the save: were the save taken for another
   * program's change, the document would raise the banner. */
  timeline = chronicle_document_get_timeline (document);
  chronicle_document_set_timeline_title (document, "Later");
  settle (SETTLE_MS);
  g_assert_false (chronicle_document_get_changed_on_disk (document));
  g_assert_true (chronicle_document_get_timeline (document) == timeline);
  g_assert_true (chronicle_document_get_modified (document));
}

/* An edit made while the bytes are written is not in the file: the
 * document stays modified, and the next save writes it. */
static void
test_edit_during_save (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_original (fixture, "timeline.json", ORIGINAL);
  g_autoptr(ChronicleDocument) document = load_and_edit (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  chronicle_document_save_async (document, NULL, NULL, on_saved_cb, &result);
  chronicle_document_set_timeline_title (document, "During");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (chronicle_document_save_finish (document, result, &error));
  g_assert_no_error (error);

  g_assert_true (chronicle_document_get_modified (document));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_nonnull (strstr (contents, "\"title\": \"After\""));
  g_clear_pointer (&contents, g_free);

  g_assert_true (save (document, NULL, &error));
  g_assert_false (chronicle_document_get_modified (document));
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_nonnull (strstr (contents, "\"title\": \"During\""));
}

/* Save As: the new file becomes the document's; a replaced file keeps its
 * permissions. */
static void
test_save_as_keeps_mode (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = write_original (fixture, "timeline.json", ORIGINAL);
  g_autofree char *other = write_original (fixture, "other.json", "old");
  g_autoptr(ChronicleDocument) document = load_and_edit (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_chmod (other, 0640), ==, 0);
  g_assert_true (save (document, other_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (chronicle_document_get_file (document), other_file));
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_cmpint (g_stat (other, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  /* The first file is as it was. */
  assert_contents (path, ORIGINAL);
}

/* The disk fills up at the first byte, half way and at the last: the old
 * file stays whole, no temporary file is left, the edits stay. */
static void
test_save_disk_full (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_original (fixture, "timeline.json", ORIGINAL);
  g_autoptr(ChronicleDocument) document = load_and_edit (path);
  gsize size;

  g_free (chronicle_timeline_to_data (chronicle_document_get_timeline (document), &size));
  for (guint i = 0; i < 3; i++)
    {
      Fault fault = { (gsize[]) { 0, size / 2, size - 1 }[i], FALSE };
      g_autoptr(GError) error = NULL;

      chronicle_document_set_save_wrap (document, wrap_failing, &fault);
      g_assert_false (save (document, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "timeline.json"));
      assert_contents (path, ORIGINAL);
      g_assert_cmpuint (chronicle_test_count_files (fixture->dir), ==, 1);
      g_assert_true (chronicle_document_get_modified (document));
    }

  /* The disk has room again: the same document saves. */
  chronicle_document_set_save_wrap (document, NULL, NULL);
  g_assert_true (save (document, NULL, NULL));
  g_assert_false (chronicle_document_get_modified (document));
}

/* A child process re-runs the test from the start, fixture and all: it
 * finds the parent's folder through the environment. */
#define CHILD_DIR_VARIABLE "CHRONICLE_TEST_SAVE_DIR"

static char *
make_shared_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-save-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_setenv (CHILD_DIR_VARIABLE, dir, TRUE);
  return dir;
}

/* A folder the user may not write to: the save fails with the reason, the
 * old file and the edits stay. root may write anywhere, so the child
 * drops to "nobody". */
static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(ChronicleDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      path = g_build_filename (g_getenv (CHILD_DIR_VARIABLE), "timeline.json", NULL);
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        g_error ("cannot drop root to test a read-only folder");

      document = load_and_edit (path);
      g_assert_false (save (document, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "timeline.json"));
      g_test_message ("%s", error->message);
      g_assert_true (chronicle_document_get_modified (document));
      assert_contents (path, ORIGINAL);
      return;
    }

  dir = make_shared_dir ();
  path = g_build_filename (dir, "timeline.json", NULL);
  g_assert_true (g_file_set_contents (path, ORIGINAL, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  g_test_trap_assert_passed ();
  assert_contents (path, ORIGINAL);
  g_assert_cmpuint (chronicle_test_count_files (dir), ==, 1);
  chronicle_test_remove_dir (dir);
}

/* The process is killed half way through writing: the file is the old
 * one, whole (a temporary file may stay beside it, hidden). */
static void
test_save_killed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  if (g_test_subprocess ())
    {
      g_autoptr(ChronicleDocument) document = NULL;
      Fault fault = { 40, TRUE };

      path = g_build_filename (g_getenv (CHILD_DIR_VARIABLE), "timeline.json", NULL);
      document = load_and_edit (path);
      chronicle_document_set_save_wrap (document, wrap_failing, &fault);
      save (document, NULL, NULL);
      g_error ("the save went on after the kill");
    }

  dir = make_shared_dir ();
  path = g_build_filename (dir, "timeline.json", NULL);
  g_assert_true (g_file_set_contents (path, ORIGINAL, -1, NULL));

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  assert_contents (path, ORIGINAL);

  /* Besides the file, the hidden temporary one the kill left, with the
   * 40 bytes written before it. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      n_files++;
      if (strcmp (name, "timeline.json") != 0)
        g_assert_true (g_str_has_prefix (name, ".timeline.json."));
    }
  g_assert_cmpuint (n_files, ==, 2);
  chronicle_test_remove_dir (dir);
}

/* --- Changes on disk ----------------------------------------------- */

/* A pipeline rewrites the file while the document has unsaved edits: no
 * silent reload, "changed-on-disk" instead; keep_edits() keeps them (the
 * next save overwrites), reload_discarding_edits() drops them. Without
 * edits, a change reloads as before. */
static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = write_original (fixture, "timeline.json", ORIGINAL);
  g_autoptr(ChronicleDocument) document = load_and_edit (path);
  g_autofree char *pipeline = NULL;
  g_autofree char *again = NULL;
  ChronicleTimeline *edited = chronicle_document_get_timeline (document);

  g_assert_false (chronicle_document_get_save_overwrites_changes (document));
  pipeline = g_strdup_printf ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"%s\", \"events\": []}",
                              "Pipeline");
  g_assert_true (g_file_set_contents (path, pipeline, -1, NULL));
  wait_until (document, is_changed_on_disk, NULL);
  g_assert_true (chronicle_document_get_timeline (document) == edited);
  g_assert_cmpstr (chronicle_timeline_get_title (edited), ==, "After");
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_true (chronicle_document_get_save_overwrites_changes (document));

  /* Keep the edits: the banner goes, the next save would overwrite. */
  chronicle_document_keep_edits (document);
  g_assert_false (chronicle_document_get_changed_on_disk (document));
  g_assert_true (chronicle_document_get_save_overwrites_changes (document));
  g_assert_true (chronicle_document_get_timeline (document) == edited);

  /* Again, and this time reload. */
  again = g_strdup_printf ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"%s\", \"events\": []}",
                           "Pipeline again");
  g_assert_true (g_file_set_contents (path, again, -1, NULL));
  wait_until (document, is_changed_on_disk, NULL);
  chronicle_document_reload_discarding_edits (document);
  wait_until (document, has_title, "Pipeline again");
  g_assert_false (chronicle_document_get_changed_on_disk (document));
  g_assert_false (chronicle_document_get_modified (document));
  g_assert_false (chronicle_document_get_save_overwrites_changes (document));

  /* No edits: a change reloads, as it always did. */
  g_assert_true (g_file_set_contents (path, pipeline, -1, NULL));
  wait_until (document, has_title, "Pipeline");
  g_assert_false (chronicle_document_get_changed_on_disk (document));
}

/* Saving after keep_edits() writes the edits over the pipeline's file,
 * and the document is back to normal. */
static void
test_keep_edits_then_save (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = write_original (fixture, "timeline.json", ORIGINAL);
  g_autoptr(ChronicleDocument) document = load_and_edit (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChronicleTimeline) saved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"chronicle-timeline\", \"version\": 1, "
                                            "\"title\": \"Pipeline\", \"events\": []}", -1, NULL));
  wait_until (document, is_changed_on_disk, NULL);
  chronicle_document_keep_edits (document);
  g_assert_true (save (document, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (chronicle_document_get_save_overwrites_changes (document));
  g_assert_false (chronicle_document_get_modified (document));

  saved = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chronicle_timeline_get_title (saved), ==, "After");
  g_assert_cmpuint (chronicle_timeline_get_n_events (saved), ==, 2);
}

/* --- Recovery ------------------------------------------------------ */

/* A pause after the last edit writes a recovery file; it is listed, and
 * opens as a modified document of its file with the edits; a save (or
 * closing) removes it. */
static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = write_original (fixture, "timeline.json", ORIGINAL);
  g_autoptr(ChronicleDocument) document = load_document (path);
  g_autoptr(ChronicleDocument) recovered = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  chronicle_document_set_recovery_delay (document, 50);
  g_assert_true (has_n_recovered (document, GUINT_TO_POINTER (0)));
  chronicle_document_set_timeline_title (document, "After");
  wait_until (document, has_n_recovered, GUINT_TO_POINTER (1));

  /* As the next start finds it after a crash. */
  listed = chronicle_document_list_recovered ();
  recovered = chronicle_document_new_recovered (g_ptr_array_index (listed, 0), &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (chronicle_document_get_file (recovered), file));
  g_assert_true (chronicle_document_get_modified (recovered));
  g_assert_false (chronicle_document_get_new (recovered));
  g_assert_cmpstr (chronicle_timeline_get_title (chronicle_document_get_timeline (recovered)), ==, "After");
  /* What the file had beyond the model came through the recovery too. */
  g_assert_nonnull (chronicle_timeline_lookup_event (chronicle_document_get_timeline (recovered), "b"));

  /* Saving the recovered document removes the files (the first one,
   * which a crash would have ended, stays open here). */
  g_assert_true (save (recovered, NULL, &error));
  g_assert_no_error (error);
  wait_until (recovered, has_n_recovered, GUINT_TO_POINTER (0));
  expected = chronicle_timeline_to_data (chronicle_document_get_timeline (recovered), NULL);
  assert_contents (path, expected);
}

/* Closing a modified document (discarding its edits) removes its recovery
 * file; an untitled one comes back untitled ("new"). */
static void
test_recovery_close_and_untitled (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(ChronicleDocument) document = chronicle_document_new_untitled ();
  g_autoptr(ChronicleDocument) recovered = NULL;
  g_autoptr(ChronicleEvent) event = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  ChronicleDate date;

  chronicle_document_set_recovery_delay (document, 50);
  g_assert_true (chronicle_date_parse ("2026-12-07", &date, NULL));
  event = chronicle_event_new ("new", &date, "New event");
  id = chronicle_document_add_event (document, event, "Add Event", &error);
  g_assert_no_error (error);
  wait_until (document, has_n_recovered, GUINT_TO_POINTER (1));

  listed = chronicle_document_list_recovered ();
  recovered = chronicle_document_new_recovered (g_ptr_array_index (listed, 0), &error);
  g_assert_no_error (error);
  g_assert_null (chronicle_document_get_file (recovered));
  g_assert_true (chronicle_document_get_new (recovered));
  g_assert_true (chronicle_document_get_modified (recovered));
  g_assert_nonnull (chronicle_timeline_lookup_event (chronicle_document_get_timeline (recovered), id));

  /* Closing without saving: the edits are discarded, the files go. */
  g_clear_object (&recovered);
  g_clear_object (&document);
  g_assert_true (has_n_recovered (NULL, GUINT_TO_POINTER (0)));
}

/* A stale or hostile recovery folder: only well-named regular pairs with
 * a small key file count, at most CHRONICLE_RECOVERY_MAX_LISTED of them. */
static void
test_recovery_hostile_folder (ChronicleTestDirFixture *fixture G_GNUC_UNUSED,
                             gconstpointer            data G_GNUC_UNUSED)
{
  g_autofree char *dir = chronicle_recovery_get_dir ();
  g_autofree char *big = g_strnfill (128 * 1024, 'x');
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  const char *timeline = "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"T\", \"events\": []}";

  for (guint i = 0; i < CHRONICLE_RECOVERY_MAX_LISTED + 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("valid-%02u", i);

      g_assert_true (chronicle_recovery_write (id, timeline, strlen (timeline), NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  /* A link, a key file too large, a name with other characters, a timeline
   * without its key file: none is listed. */
  {
    g_autofree char *target = g_build_filename (dir, "valid-00.chronicle.json", NULL);
    g_autofree char *link_json = g_build_filename (dir, "link.chronicle.json", NULL);
    g_autofree char *link_info = g_build_filename (dir, "link.recovery", NULL);
    g_autofree char *big_json = g_build_filename (dir, "big.chronicle.json", NULL);
    g_autofree char *big_info = g_build_filename (dir, "big.recovery", NULL);
    g_autofree char *odd_json = g_build_filename (dir, "odd name.chronicle.json", NULL);
    g_autofree char *odd_info = g_build_filename (dir, "odd name.recovery", NULL);
    g_autofree char *lone_json = g_build_filename (dir, "lone.chronicle.json", NULL);

    g_assert_cmpint (symlink (target, link_json), ==, 0);
    g_assert_cmpint (symlink ("/etc/passwd", link_info), ==, 0);
    g_assert_true (g_file_set_contents (big_json, timeline, -1, NULL));
    g_assert_true (g_file_set_contents (big_info, big, -1, NULL));
    g_assert_true (g_file_set_contents (odd_json, timeline, -1, NULL));
    g_assert_true (g_file_set_contents (odd_info, "[Recovery]\n", -1, NULL));
    g_assert_true (g_file_set_contents (lone_json, timeline, -1, NULL));
  }

  listed = chronicle_document_list_recovered ();
  g_assert_cmpuint (listed->len, ==, CHRONICLE_RECOVERY_MAX_LISTED);

  /* A recovery file that is not a timeline opens nothing, with a reason. */
  {
    g_autoptr(ChronicleDocument) broken = NULL;
    g_autofree char *garbled = g_file_get_path (g_ptr_array_index (listed, 1));

    g_assert_true (g_file_set_contents (garbled, "{\"format\": 1", -1, NULL));
    broken = chronicle_document_new_recovered (g_ptr_array_index (listed, 1), &error);
    g_assert_null (broken);
    g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX);
    g_clear_error (&error);
  }

  for (guint i = 0; i < listed->len; i++)
    {
      g_autofree char *name = g_file_get_basename (g_ptr_array_index (listed, i));

      g_assert_true (g_str_has_prefix (name, "valid-"));
    }

  /* Declining an offer removes both of its files. */
  {
    g_autofree char *declined = g_file_get_path (g_ptr_array_index (listed, 0));
    g_autofree char *info = g_strdup (declined);

    strcpy (strstr (info, ".chronicle.json"), ".recovery");
    g_assert_true (g_file_test (info, G_FILE_TEST_EXISTS));
    chronicle_document_discard_recovered (g_ptr_array_index (listed, 0));
    g_assert_false (g_file_test (declined, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  }
}

/* Each test starts with no recovery files. */
static void
save_dir_setup (ChronicleTestDirFixture *fixture,
                gconstpointer            data)
{
  g_autofree char *recovery = chronicle_recovery_get_dir ();

  if (g_file_test (recovery, G_FILE_TEST_IS_DIR))
    chronicle_test_remove_dir (recovery);
  chronicle_test_dir_setup (fixture, data);
}

static void
add_with_dir (const char           *path,
              ChronicleTestDirFunc  test)
{
  g_test_add (path, ChronicleTestDirFixture, NULL, save_dir_setup, test, chronicle_test_dir_teardown);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;

  g_test_init (&argc, &argv, NULL);
  /* Recovery files go to a folder of the build, never the user's, emptied
   * before each test. (G_TEST_OPTION_ISOLATE_DIRS would give each test its
   * own, but GLib 2.74 leaks the folders it replaces, which LeakSanitizer
   * reports.) Set before anything asks GLib for the folder. */
  data_home = g_test_build_filename (G_TEST_BUILT, "xdg-data-save", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  add_with_dir ("/save/document/save", test_save);
  add_with_dir ("/save/document/edit-during-save", test_edit_during_save);
  add_with_dir ("/save/document/save-as-keeps-mode", test_save_as_keeps_mode);
  add_with_dir ("/save/document/disk-full", test_save_disk_full);
  g_test_add_func ("/save/document/read-only-folder", test_save_read_only_folder);
  g_test_add_func ("/save/document/killed", test_save_killed);
  add_with_dir ("/save/changed-on-disk/banner", test_changed_on_disk);
  add_with_dir ("/save/changed-on-disk/keep-edits-then-save", test_keep_edits_then_save);
  add_with_dir ("/save/recovery/write-list-reopen", test_recovery);
  add_with_dir ("/save/recovery/close-and-untitled", test_recovery_close_and_untitled);
  add_with_dir ("/save/recovery/hostile-folder", test_recovery_hostile_folder);

  return g_test_run ();
}
