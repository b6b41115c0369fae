/* chronicle-document-save.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-document"

#include "config.h"

#include "chronicle-document.h"
#include "chronicle-document-private.h"

#include "chronicle-recovery-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer-private.h"

#include <string.h>

#include <glib/gi18n.h>

/*
 * The document's "nothing lost" side (issue #13), beside the editing in
 * chronicle-document-edit.c:
 *
 * - Saving serialises the timeline on the main thread (the store is
 *   written on the main thread only, so this is the snapshot) and writes
 *   the bytes in a thread through the saver: a temporary file beside the
 *   target, synced, renamed over it. On success the file is the
 *   document's, and "modified" is cleared unless an edit came in while
 *   the bytes were written.
 * - A change on disk: the file monitor's pause ends here. The file as our
 *   last save left it (its stamp: inode, size, time) is our own save and
 *   changes nothing; with unsaved edits the document does not reload but
 *   raises "changed-on-disk"; otherwise it reloads as before.
 * - Recovery: RECOVERY_DELAY_MS after the last edit, a modified document
 *   writes its timeline to the recovery folder (chronicle-recovery.c) in
 *   a thread; the files go when it is no longer modified, and on close.
 */

#define RECOVERY_DELAY_MS 3000

struct _ChronicleDocumentSaving
{
  char                    *stamp;            /* of the file our last save wrote */
  guint                    saves_running;
  guint                    generation;       /* of the edits: one more on each */
  gboolean                 changed_on_disk;
  gboolean                 overwrites;       /* keep_edits(): the next save overwrites */

  char                    *recovery_id;      /* NULL until the first recovery write */
  guint                    recovery_source;
  guint                    recovery_delay_ms;
  gboolean                 recovery_written;

  ChronicleStreamWrapFunc  wrap;             /* tests */
  gpointer                 wrap_data;
};

ChronicleDocumentSaving *
chronicle_document_saving_new (void)
{
  ChronicleDocumentSaving *saving = g_new0 (ChronicleDocumentSaving, 1);

  saving->recovery_delay_ms = RECOVERY_DELAY_MS;
  return saving;
}

void
chronicle_document_saving_free (ChronicleDocumentSaving *saving)
{
  g_clear_handle_id (&saving->recovery_source, g_source_remove);
  g_free (saving->stamp);
  g_free (saving->recovery_id);
  g_free (saving);
}

static void
set_changed_on_disk (ChronicleDocument       *self,
                     ChronicleDocumentSaving *saving,
                     gboolean                 changed)
{
  if (saving->changed_on_disk == changed)
    return;

  saving->changed_on_disk = changed;
  chronicle_document_notify_changed_on_disk (self);
}

/* --- Recovery ------------------------------------------------------ */

static void
remove_recovery (ChronicleDocumentSaving *saving)
{
  g_clear_handle_id (&saving->recovery_source, g_source_remove);
  if (saving->recovery_id != NULL && saving->recovery_written)
    chronicle_recovery_remove (saving->recovery_id);
  saving->recovery_written = FALSE;
}

typedef struct
{
  GWeakRef                 document;
  char                    *id;
  GBytes                  *data;
  GFile                   *original;
} RecoveryData;

static void
recovery_data_free (RecoveryData *data)
{
  g_weak_ref_clear (&data->document);
  g_free (data->id);
  g_clear_pointer (&data->data, g_bytes_unref);
  g_clear_object (&data->original);
  g_free (data);
}

static void
write_recovery_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  RecoveryData *data = task_data;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (data->data, &length);

  if (!chronicle_recovery_write (data->id, bytes, length, data->original, NULL, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_recovery_written_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RecoveryData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(ChronicleDocument) self = g_weak_ref_get (&data->document);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Nothing to show: the edits are still in the window, and the next
       * edit tries again. */
      g_message ("Could not write the recovery file: %s", error->message);
      return;
    }

  /* The document was saved, or closed, while the file was written: it
   * must not outlive the edits it keeps. */
  if (self == NULL || !chronicle_document_get_modified (self))
    {
      chronicle_recovery_remove (data->id);
      return;
    }

  chronicle_document_get_saving (self)->recovery_written = TRUE;
  g_debug ("Wrote recovery file %s", data->id);
}

static gboolean
on_recovery_timeout_cb (gpointer user_data)
{
  ChronicleDocument *self = user_data;
  ChronicleDocumentSaving *saving = chronicle_document_get_saving (self);
  ChronicleTimeline *timeline = chronicle_document_get_timeline (self);
  g_autoptr(GTask) task = NULL;
  RecoveryData *data;
  gsize length;
  char *text;

  saving->recovery_source = 0;
  if (timeline == NULL || !chronicle_document_get_modified (self))
    return G_SOURCE_REMOVE;

  if (saving->recovery_id == NULL)
    saving->recovery_id = chronicle_recovery_new_id ();

  text = chronicle_timeline_to_data (timeline, &length);
  data = g_new0 (RecoveryData, 1);
  g_weak_ref_init (&data->document, self);
  data->id = g_strdup (saving->recovery_id);
  data->data = g_bytes_new_take (text, length);
  data->original = chronicle_document_get_file (self) != NULL && !chronicle_document_get_new (self)
                   ? g_object_ref (chronicle_document_get_file (self)) : NULL;

  task = g_task_new (NULL, NULL, on_recovery_written_cb, NULL);
  g_task_set_source_tag (task, on_recovery_timeout_cb);
  g_task_set_task_data (task, data, (GDestroyNotify) recovery_data_free);
  g_task_run_in_thread (task, write_recovery_thread);

  return G_SOURCE_REMOVE;
}

void
chronicle_document_saving_edited (ChronicleDocument       *self,
                                  ChronicleDocumentSaving *saving)
{
  saving->generation++;

  if (!chronicle_document_get_modified (self))
    {
      remove_recovery (saving);
      return;
    }

  /* Each edit restarts the wait: a burst of edits writes once. */
  g_clear_handle_id (&saving->recovery_source, g_source_remove);
  saving->recovery_source = g_timeout_add (saving->recovery_delay_ms, on_recovery_timeout_cb, self);
  g_source_set_name_by_id (saving->recovery_source, "[chronicle] write recovery file");
}

void
chronicle_document_saving_dispose (ChronicleDocument       *self,
                                   ChronicleDocumentSaving *saving)
{
  remove_recovery (saving);
}

/* --- Changes on disk ----------------------------------------------- */

gboolean
chronicle_document_saving_file_changed (ChronicleDocument       *self,
                                        ChronicleDocumentSaving *saving)
{
  g_autofree char *stamp = NULL;

  /* Our own rename: the save's end records what it wrote. */
  if (saving->saves_running > 0)
    return TRUE;

  stamp = chronicle_file_get_stamp (chronicle_document_get_file (self));
  if (stamp != NULL && g_strcmp0 (stamp, saving->stamp) == 0)
    return TRUE;

  if (!chronicle_document_get_modified (self))
    return FALSE;

  g_debug ("%s changed on disk while edited: not reloading",
           g_file_peek_path (chronicle_document_get_file (self)));
  set_changed_on_disk (self, saving, TRUE);
  return TRUE;
}

gboolean
chronicle_document_get_changed_on_disk (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  return chronicle_document_get_saving (self)->changed_on_disk;
}

/**
 * chronicle_document_reload_discarding_edits:
 * @self: a `ChronicleDocument`
 *
 * Drops the unsaved edits (and their recovery files) and loads the file
 * as it is on disk now.
 */
void
chronicle_document_reload_discarding_edits (ChronicleDocument *self)
{
  ChronicleDocumentSaving *saving;

  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (chronicle_document_get_file (self) != NULL);

  saving = chronicle_document_get_saving (self);
  saving->overwrites = FALSE;
  remove_recovery (saving);
  set_changed_on_disk (self, saving, FALSE);
  chronicle_document_reload (self);
}

/**
 * chronicle_document_keep_edits:
 * @self: a `ChronicleDocument`
 *
 * Keeps the unsaved edits over the file changed on disk: the banner goes,
 * and the next save overwrites the file (see
 * chronicle_document_get_save_overwrites_changes()).
 */
void
chronicle_document_keep_edits (ChronicleDocument *self)
{
  ChronicleDocumentSaving *saving;

  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));

  saving = chronicle_document_get_saving (self);
  if (saving->changed_on_disk)
    saving->overwrites = TRUE;
  set_changed_on_disk (self, saving, FALSE);
}

/**
 * chronicle_document_get_save_overwrites_changes:
 * @self: a `ChronicleDocument`
 *
 * Returns: %TRUE when a save would replace changes another program made
 *   to the file since it was loaded or saved: while "changed-on-disk" is
 *   set, and after keep_edits() until the next save
 */
gboolean
chronicle_document_get_save_overwrites_changes (ChronicleDocument *self)
{
  ChronicleDocumentSaving *saving;

  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  saving = chronicle_document_get_saving (self);
  return saving->changed_on_disk || saving->overwrites;
}

/* --- Saving -------------------------------------------------------- */

typedef struct
{
  GFile *file;
  guint  generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
on_saved_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ChronicleDocument *self = g_task_get_source_object (task);
  ChronicleDocumentSaving *saving = chronicle_document_get_saving (self);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;

  saving->saves_running--;
  stamp = chronicle_file_save_bytes_finish (result, &error);
  if (stamp == NULL)
    {
      /* The edits stay, and so does the file: the error says why. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_free (saving->stamp);
  saving->stamp = g_steal_pointer (&stamp);
  saving->overwrites = FALSE;
  set_changed_on_disk (self, saving, FALSE);
  chronicle_document_adopt_file (self, data->file);

  /* The file holds the timeline as it was when the save began: an edit
   * made while it was written is not in it. */
  if (saving->generation == data->generation)
    chronicle_document_mark_saved (self);

  g_task_return_boolean (task, TRUE);
}

/**
 * chronicle_document_save_async:
 * @self: a `ChronicleDocument`
 * @file: (nullable): where to save; %NULL for the document's file
 * @cancellable: (nullable): a `GCancellable`
 * @callback: called when the file is written, or not
 * @user_data: data for @callback
 *
 * Saves the whole timeline as chronicle_timeline_save_to_file() does,
 * the writing off the main thread. See the header for what success and
 * failure leave.
 */
void
chronicle_document_save_async (ChronicleDocument   *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ChronicleDocumentSaving *saving;
  ChronicleTimeline *timeline;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;
  gsize length;
  char *text;

  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  saving = chronicle_document_get_saving (self);
  timeline = chronicle_document_get_timeline (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_document_save_async);

  if (file == NULL && !chronicle_document_get_new (self))
    file = chronicle_document_get_file (self);
  if (file == NULL || timeline == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               file == NULL ? _("The timeline has no file yet: choose where to save it")
                                            : _("There is no timeline to save"));
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->generation = saving->generation;
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  text = chronicle_timeline_to_data (timeline, &length);
  bytes = g_bytes_new_take (text, length);
  saving->saves_running++;
  chronicle_file_save_bytes_async (file, bytes, saving->wrap, saving->wrap_data, cancellable,
                                   on_saved_cb, g_steal_pointer (&task));
}

gboolean
chronicle_document_save_finish (ChronicleDocument  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
chronicle_document_set_save_wrap (ChronicleDocument       *self,
                                  ChronicleStreamWrapFunc  wrap,
                                  gpointer                 wrap_data)
{
  ChronicleDocumentSaving *saving = chronicle_document_get_saving (self);

  saving->wrap = wrap;
  saving->wrap_data = wrap_data;
}

void
chronicle_document_set_recovery_delay (ChronicleDocument *self,
                                       guint              delay_ms)
{
  chronicle_document_get_saving (self)->recovery_delay_ms = delay_ms;
}

/* --- Recovered documents ------------------------------------------- */

GPtrArray *
chronicle_document_list_recovered (void)
{
  return chronicle_recovery_list ();
}

ChronicleDocument *
chronicle_document_new_recovered (GFile   *recovery,
                                  GError **error)
{
  g_autoptr(ChronicleDocument) self = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GFile) original = NULL;
  g_autofree char *id = NULL;
  ChronicleDocumentSaving *saving;

  g_return_val_if_fail (G_IS_FILE (recovery), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!chronicle_recovery_read (recovery, &id, &original, error))
    return NULL;

  timeline = chronicle_timeline_load_from_file (recovery, NULL, NULL, error);
  if (timeline == NULL)
    return NULL;

  self = chronicle_document_new ();
  saving = chronicle_document_get_saving (self);
  chronicle_document_adopt_file (self, original);
  chronicle_document_set_timeline (self, timeline);

  /* The files are the document's from now: rewritten after its next edit,
   * removed when it is saved or closed. */
  saving->recovery_id = g_steal_pointer (&id);
  saving->recovery_written = TRUE;
  chronicle_document_mark_unsaved (self);

  return g_steal_pointer (&self);
}

void
chronicle_document_discard_recovered (GFile *recovery)
{
  g_autoptr(GFile) original = NULL;
  g_autofree char *id = NULL;

  g_return_if_fail (G_IS_FILE (recovery));

  if (chronicle_recovery_read (recovery, &id, &original, NULL))
    chronicle_recovery_remove (id);
}
