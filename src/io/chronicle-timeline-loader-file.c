/* chronicle-timeline-loader-file.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-loader"

#include "config.h"

#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-loader-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-private.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n.h>

/*
 * Loading from a GFile: reading it whole (in steps, when progress is
 * wanted), in place or in a worker thread, with progress posted to the
 * caller's main context. The document itself is loaded by
 * chronicle_timeline_load_from_data_with_reporter().
 */

/* The largest file read. A million events with short texts is about
 * 100 MB (issue #12 measured 98 MB), so ten million are just over 1 GB:
 * issue #12 asks that they open. Loading takes at most about twice the
 * file in memory at its peak (the file is parsed in place and given back
 * as the events are built, docs/benchmarks.md), so 2 GB stays within a
 * desktop's memory (4 GB at the peak) while a stranger's file cannot make
 * us read without bound. A round decimal number, as file managers show
 * sizes: "2.0 GB". */
#define MAX_FILE_SIZE ((goffset) 2000 * 1000 * 1000)

#define READ_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_UNIX_MODE

static char *
describe_io_error (const GError *io_error)
{
  if (io_error->domain == G_IO_ERROR)
    {
      switch (io_error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return g_strdup (_("the file does not exist"));

        case G_IO_ERROR_PERMISSION_DENIED:
          return g_strdup (_("permission denied"));

        case G_IO_ERROR_IS_DIRECTORY:
          return g_strdup (_("it is a folder, not a file"));

        default:
          break;
        }
    }

  return g_strdup (io_error->message);
}

/* Only regular files are read: a named pipe without a writer would block
 * forever, /dev/zero never ends, and a folder is not a timeline. NULL when
 * @info is a regular file of a size we read, else why not (for "could not
 * read "name": ..."). */
static char *
check_file_info (GFileInfo *info)
{
  GFileType type = g_file_info_get_file_type (info);

  if (type == G_FILE_TYPE_DIRECTORY)
    return g_strdup (_("it is a folder, not a file"));

  if (type == G_FILE_TYPE_SYMBOLIC_LINK)
    /* Translators: a symbolic link whose target does not exist */
    return g_strdup (_("it is a link to a file that does not exist"));

  if (type == G_FILE_TYPE_SPECIAL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    {
      guint32 mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);

      if (S_ISFIFO (mode))
        return g_strdup (_("it is a named pipe, not a file"));
      if (S_ISCHR (mode) || S_ISBLK (mode))
        return g_strdup (_("it is a device, not a file"));
      if (S_ISSOCK (mode))
        return g_strdup (_("it is a socket, not a file"));
    }

  /* Some remote backends cannot tell (UNKNOWN): those are read, still
   * only up to the size limit. */
  if (type != G_FILE_TYPE_REGULAR && type != G_FILE_TYPE_UNKNOWN)
    return g_strdup (_("it is not a regular file"));

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE) &&
      g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (MAX_FILE_SIZE);

      /* Translators: both %s are sizes, "3.2 GB; Chronicle opens timelines up to 1.0 GB" */
      return g_strdup_printf (_("the file is %s; Chronicle opens timelines up to %s"), size, limit);
    }

  return NULL;
}

/* Reads @file whole, reporting the share read (@reporter may be NULL).
 * On a refusal of the kind or size, *@reason says why and @error is not
 * set; on an I/O error, @error is. */
static gboolean
read_file (GFile                        *file,
           GCancellable                 *cancellable,
           const ChronicleLoadReporter  *reporter,
           char                        **contents,
           gsize                        *length,
           char                        **reason,
           GError                      **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0, capacity, filled = 0;

  /* The kind, without opening: opening a named pipe waits for a writer.
   * Symbolic links are followed; a link to a regular file is fine. */
  info = g_file_query_info (file, READ_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  if ((*reason = check_file_info (info)) != NULL)
    return FALSE;
  g_clear_object (&info);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  /* Again on what was opened: the name may point elsewhere by now. */
  info = g_file_input_stream_query_info (stream, READ_ATTRIBUTES, cancellable, NULL);
  if (info != NULL)
    {
      if ((*reason = check_file_info (info)) != NULL)
        return FALSE;
      if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
        size = (gsize) MAX (g_file_info_get_size (info), 0);
    }

  capacity = MAX (size, 4096) + 1;
  buffer = g_malloc (capacity);
  chronicle_load_report (reporter, CHRONICLE_LOAD_PHASE_READING, 0.0);

  for (;;)
    {
      gssize n;

      if (capacity - filled < 2)
        {
          capacity *= 2;
          buffer = g_realloc (buffer, capacity);
        }

      /* 1 MiB at a time: progress, and a prompt cancel */
      n = g_input_stream_read (G_INPUT_STREAM (stream), buffer + filled,
                               MIN (capacity - filled - 1, 1024 * 1024), cancellable, error);
      if (n < 0)
        return FALSE;
      if (n == 0)
        break;

      filled += n;
      if (size > 0)
        chronicle_load_report (reporter, CHRONICLE_LOAD_PHASE_READING, (double) filled / size);

      /* A file that grows while we read it (or lies about its size) is
       * still stopped at the limit. */
      if (filled > (gsize) MAX_FILE_SIZE)
        {
          g_autofree char *limit = g_format_size (MAX_FILE_SIZE);

          /* Translators: %s is a size, "1.0 GB" */
          *reason = g_strdup_printf (_("the file is larger than %s, the most Chronicle opens"), limit);
          return FALSE;
        }
    }

  buffer[filled] = '\0';
  *contents = g_steal_pointer (&buffer);
  *length = filled;
  return TRUE;
}

/* "could not read "path": reason", or the cancellation as it is. */
static void
set_read_error (GFile   *file,
                char    *reason,
                GError  *io_error,
                GError **error)
{
  g_autofree char *name = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *owned_reason = reason;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, io_error);
      return;
    }

  parse_name = g_file_get_parse_name (file);
  /* a path may hold a line break too: the message stays one line */
  name = chronicle_text_escape_line (parse_name, 0);
  if (owned_reason == NULL)
    owned_reason = describe_io_error (io_error);
  g_clear_error (&io_error);
  /* Translators: the first %s is a file path, the second the reason */
  g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_IO,
               _("could not read \"%s\": %s"), name, owned_reason);
}

/* An imported file without a title of its own is named after the file,
 * as a spreadsheet program names a CSV's sheet: "protests-2024.csv"
 * becomes "protests-2024", which the user recognises. */
static ChronicleTimeline *
name_untitled_import (ChronicleTimeline *timeline,
                      GFile             *file)
{
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (timeline == NULL || !chronicle_timeline_get_import_untitled (timeline) ||
      (base = g_file_get_basename (file)) == NULL)
    return timeline;

  /* A file name is bytes, perhaps with a newline: shown as one line. */
  display = g_filename_display_name (base);
  dot = strrchr (display, '.');
  if (dot != NULL && dot != display)
    *dot = '\0';
  name = chronicle_text_escape_line (display, 0);
  if (!chronicle_text_is_blank (name))
    chronicle_timeline_set_title (timeline, name);
  return timeline;
}

static ChronicleTimeline *
load_from_file (GFile                        *file,
                const ChronicleLoadReporter  *reporter,
                GCancellable                 *cancellable,
                GStrv                        *warnings,
                GError                      **error)
{
  g_autoptr(GError) io_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reason = NULL;
  ChronicleTimeline *timeline;
  gboolean retry;
  gsize length;

  if (warnings != NULL)
    *warnings = NULL;

  if (!read_file (file, cancellable, reporter, &contents, &length, &reason, &io_error))
    {
      set_read_error (file, g_steal_pointer (&reason), g_steal_pointer (&io_error), error);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* The fast way takes the buffer; when it declines, read again (the
   * buffer is modified) and take the plain way, which has the messages. */
  timeline = chronicle_timeline_load_from_owned_data (g_steal_pointer (&contents), length, reporter, cancellable,
                                                      warnings, &retry, error);
  if (!retry)
    return name_untitled_import (timeline, file);

  g_clear_pointer (&reason, g_free);
  if (!read_file (file, cancellable, NULL, &contents, &length, &reason, &io_error))
    {
      set_read_error (file, g_steal_pointer (&reason), g_steal_pointer (&io_error), error);
      return NULL;
    }

  timeline = chronicle_timeline_load_from_data_with_reporter (contents, length, reporter, cancellable,
                                                              warnings, error);
  return name_untitled_import (timeline, file);
}

ChronicleTimeline *
chronicle_timeline_load_csv_file_with_columns (GFile       *file,
                                               GHashTable  *mapping,
                                               GStrv       *warnings,
                                               GError     **error)
{
  g_autoptr(GError) io_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *reason = NULL;
  gsize length;

  if (warnings != NULL)
    *warnings = NULL;
  if (!read_file (file, NULL, NULL, &contents, &length, &reason, &io_error))
    {
      set_read_error (file, g_steal_pointer (&reason), g_steal_pointer (&io_error), error);
      return NULL;
    }
  return name_untitled_import (chronicle_timeline_load_csv_with_columns (contents, length, mapping, warnings, error),
                               file);
}

/**
 * chronicle_timeline_load_from_file:
 * @file: the file to read
 * @cancellable: (nullable): a `GCancellable`
 * @warnings: (out) (optional) (transfer full): see
 *   [func@Chronicle.timeline_load_from_data]
 * @error: return location for an error
 *
 * Reads and parses @file. A file that cannot be read gives
 * `CHRONICLE_LOAD_ERROR_IO`, naming the file; cancellation is passed through
 * as `G_IO_ERROR_CANCELLED` so that callers can stay silent about it.
 *
 * Returns: (transfer full) (nullable): the timeline, or %NULL with @error set
 */
ChronicleTimeline *
chronicle_timeline_load_from_file (GFile         *file,
                                   GCancellable  *cancellable,
                                   GStrv         *warnings,
                                   GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_from_file (file, NULL, cancellable, warnings, error);
}

typedef struct
{
  ChronicleTimeline *timeline;
  GStrv              warnings;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->timeline);
  g_clear_pointer (&result->warnings, g_strfreev);
  g_free (result);
}

/*
 * Progress goes from the loading thread to the caller's main context as
 * idle sources (never called in place: g_main_context_invoke() could run
 * the callback in the loading thread when the main context is free).
 * Refcounted by the task and each pending update; the last unref happens
 * in the main context, where the caller's destroy notify then runs.
 */
typedef struct
{
  gint                       ref_count;
  GMainContext              *context;
  ChronicleLoadProgressFunc  func;
  ChronicleLoadPreviewFunc   preview;  /* nullable */
  gpointer                   data;
  GDestroyNotify             destroy;
  /* loading thread only */
  ChronicleLoadPhase         last_phase;
  double                     last_fraction;
} Progress;

typedef struct
{
  Progress           *progress;
  ChronicleLoadPhase  phase;
  double              fraction;
} ProgressUpdate;

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_int_inc (&progress->ref_count);
  return progress;
}

static void
progress_unref (Progress *progress)
{
  if (!g_atomic_int_dec_and_test (&progress->ref_count))
    return;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
  g_free (progress);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress->func (update->phase, update->fraction, update->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  progress_unref (update->progress);
  g_free (update);
}

static gboolean
unref_progress_in_context (gpointer data)
{
  progress_unref (data);
  return G_SOURCE_REMOVE;
}

static void
post_to_context (GMainContext *context,
                 GSourceFunc   func,
                 gpointer      data,
                 GDestroyNotify destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[chronicle] load progress");
  g_source_attach (source, context);
  g_source_unref (source);
}

/* In the loading thread: posts an update when the phase changes or the
 * fraction moved by a percent, so a fast load does not flood the caller. */
static void
post_progress (gpointer            data,
               ChronicleLoadPhase  phase,
               double              fraction)
{
  Progress *progress = data;
  ProgressUpdate *update;

  if (phase == progress->last_phase && fraction < progress->last_fraction + 0.01 && fraction < 1.0)
    return;
  if (phase == progress->last_phase && fraction <= progress->last_fraction)
    return;

  progress->last_phase = phase;
  progress->last_fraction = fraction;

  update = g_new (ProgressUpdate, 1);
  update->progress = progress_ref (progress);
  update->phase = phase;
  update->fraction = fraction;
  post_to_context (progress->context, deliver_progress, update, progress_update_free);
}

typedef struct
{
  Progress          *progress;
  ChronicleTimeline *partial;
} PreviewUpdate;

static gboolean
deliver_preview (gpointer data)
{
  PreviewUpdate *update = data;

  update->progress->preview (update->partial, update->progress->data);
  return G_SOURCE_REMOVE;
}

static void
preview_update_free (gpointer data)
{
  PreviewUpdate *update = data;

  g_clear_object (&update->partial);
  progress_unref (update->progress);
  g_free (update);
}

/* In the loading thread: hands @partial (taken) to the main context. */
static void
post_preview (gpointer           data,
              ChronicleTimeline *partial)
{
  Progress *progress = data;
  PreviewUpdate *update = g_new (PreviewUpdate, 1);

  update->progress = progress_ref (progress);
  update->partial = partial;
  post_to_context (progress->context, deliver_preview, update, preview_update_free);
}

typedef struct
{
  GFile      *file;
  Progress   *progress;  /* nullable */
  GHashTable *columns;   /* nullable: a spreadsheet read with these columns */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_clear_pointer (&job->columns, g_hash_table_unref);
  /* the last unref belongs to the main context */
  if (job->progress != NULL)
    post_to_context (job->progress->context, unref_progress_in_context, job->progress, NULL);
  g_free (job);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  ChronicleLoadReporter reporter = { post_progress, job->progress, NULL };
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  if (job->progress != NULL && job->progress->preview != NULL)
    reporter.preview = post_preview;
  if (job->columns != NULL)
    result->timeline = chronicle_timeline_load_csv_file_with_columns (job->file, job->columns,
                                                                      &result->warnings, &error);
  else
    result->timeline = load_from_file (job->file, job->progress != NULL ? &reporter : NULL,
                                       cancellable, &result->warnings, &error);

  if (result->timeline == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

/**
 * chronicle_timeline_load_async:
 * @file: the file to read
 * @cancellable: (nullable): a `GCancellable`
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads and parses @file in a worker thread; the worker gets a reference to
 * @file and nothing else. Finish with [func@Chronicle.timeline_load_finish].
 */
void
chronicle_timeline_load_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  chronicle_timeline_load_async_with_progress (file, cancellable, NULL, NULL, NULL, callback, user_data);
}

/**
 * chronicle_timeline_load_async_with_progress:
 * @file: the file to read
 * @cancellable: (nullable): a `GCancellable`; cancelling stops reading and
 *   building the events promptly
 * @progress: (nullable): called in the thread-default main context as the
 *   load advances
 * @progress_data: data for @progress
 * @progress_data_destroy: (nullable): frees @progress_data, in the
 *   thread-default main context, after the last call to @progress
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Like [func@Chronicle.timeline_load_async], and reports progress: the
 * phase (reading, parsing, building the events) and the fraction of the
 * whole load done, non-decreasing, at most about a hundred times. Calls
 * queued before the load finished may arrive just after @callback; a
 * caller that has moved on can ignore them.
 */
void
chronicle_timeline_load_async_with_progress (GFile                     *file,
                                             GCancellable              *cancellable,
                                             ChronicleLoadProgressFunc  progress,
                                             gpointer                   progress_data,
                                             GDestroyNotify             progress_data_destroy,
                                             GAsyncReadyCallback        callback,
                                             gpointer                   user_data)
{
  chronicle_timeline_load_async_with_preview (file, cancellable, progress, NULL, progress_data,
                                              progress_data_destroy, callback, user_data);
}

/**
 * chronicle_timeline_load_async_with_preview:
 * @progress: (nullable): as for chronicle_timeline_load_async_with_progress()
 * @preview: (nullable): called once, in the thread-default main context,
 *   when a large file has been loading for a while, with a timeline of
 *   the events loaded so far, so a window can draw them while the rest
 *   comes (issue #12); needs @progress. A load that then fails calls
 *   @callback with its error as usual.
 *
 * Like chronicle_timeline_load_async_with_progress(), with a preview.
 */
void
chronicle_timeline_load_async_with_preview (GFile                     *file,
                                            GCancellable              *cancellable,
                                            ChronicleLoadProgressFunc  progress,
                                            ChronicleLoadPreviewFunc   preview,
                                            gpointer                   progress_data,
                                            GDestroyNotify             progress_data_destroy,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  if (progress != NULL)
    {
      job->progress = g_new0 (Progress, 1);
      job->progress->ref_count = 1;
      job->progress->context = g_main_context_ref_thread_default ();
      job->progress->func = progress;
      job->progress->preview = preview;
      job->progress->data = progress_data;
      job->progress->destroy = progress_data_destroy;
      job->progress->last_phase = CHRONICLE_LOAD_PHASE_READING;
      job->progress->last_fraction = -1.0;
    }
  else if (progress_data_destroy != NULL)
    progress_data_destroy (progress_data);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_timeline_load_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

/* chronicle_timeline_load_async() of a spreadsheet whose columns are
 * named by @columns (see chronicle_timeline_load_csv_file_with_columns());
 * finished by chronicle_timeline_load_finish(). */
void
chronicle_timeline_load_csv_async_with_columns (GFile               *file,
                                                GHashTable          *columns,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (columns != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (LoadJob, 1);
  job->file = g_object_ref (file);
  /* Read, never changed, in the worker. */
  job->columns = g_hash_table_ref (columns);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_timeline_load_async);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * chronicle_timeline_load_finish:
 * @result: the result passed to the callback
 * @warnings: (out) (optional) (transfer full): see
 *   [func@Chronicle.timeline_load_from_data]
 * @error: return location for an error
 *
 * Finishes [func@Chronicle.timeline_load_async] and
 * [func@Chronicle.timeline_load_async_with_progress].
 *
 * Returns: (transfer full) (nullable): the timeline, or %NULL with @error set
 */
ChronicleTimeline *
chronicle_timeline_load_finish (GAsyncResult  *result,
                                GStrv         *warnings,
                                GError       **error)
{
  LoadResult *load_result;
  ChronicleTimeline *timeline;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == chronicle_timeline_load_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warnings != NULL)
    *warnings = NULL;

  load_result = g_task_propagate_pointer (G_TASK (result), error);
  if (load_result == NULL)
    return NULL;

  timeline = g_steal_pointer (&load_result->timeline);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&load_result->warnings);
  load_result_free (load_result);

  return timeline;
}
