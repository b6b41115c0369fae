/* chronicle-document.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-document"

#include "config.h"

#include "chronicle-document.h"
#include "chronicle-document-private.h"

#include "chronicle-change.h"
#include "chronicle-history.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-loader-private.h"
#include "chronicle-timeline-private.h"
#include "chronicle-util-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Pipelines and editors write a file in several steps (truncate, write,
 * close; or write a temporary file and rename it over): the document
 * reloads once the events have paused for this long, in milliseconds. */
#define RELOAD_DELAY_MS 200

G_DEFINE_FINAL_TYPE (ChronicleDocument, chronicle_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TIMELINE,
  PROP_FILTERED_TIMELINE,
  PROP_FILTER,
  PROP_HIDDEN_CATEGORIES,
  PROP_SELECTED_EVENT,
  PROP_TITLE,
  PROP_LOADING,
  PROP_PROGRESS,
  PROP_LAST_ERROR,
  PROP_WARNINGS,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_NEW,
  PROP_CHANGED_ON_DISK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  LOAD_FAILED,
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A load holds its document weakly: a tab closed during a load drops its
 * document at once, whose dispose cancels the load. */
typedef struct
{
  GWeakRef document;
  guint    generation;
} LoadData;

static LoadData *
load_data_new (ChronicleDocument *document)
{
  LoadData *data = g_new0 (LoadData, 1);

  g_weak_ref_init (&data->document, document);
  data->generation = document->load_generation;
  return data;
}

static void
load_data_free (LoadData *data)
{
  g_weak_ref_clear (&data->document);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static void
set_loading (ChronicleDocument *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_progress (ChronicleDocument *self,
              double             progress)
{
  if (self->progress == progress)
    return;

  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
set_last_error (ChronicleDocument *self,
                const char        *message)
{
  if (chronicle_set_str (&self->last_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
update_title (ChronicleDocument *self)
{
  const char *title = self->timeline != NULL ? chronicle_timeline_get_title (self->timeline) : NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *shown = NULL;

  if ((title == NULL || title[0] == '\0') && self->file != NULL)
    {
      basename = g_file_get_basename (self->file);
      display_name = g_filename_display_name (basename);
      title = display_name;
    }
  else if ((title == NULL || title[0] == '\0') && self->timeline != NULL)
    title = _("Untitled Timeline");

  /* What every title (window, X window name, tab, header) shows: a
   * 16 MB title made an X window name the X server refused. */
  shown = title != NULL ? chronicle_text_for_display (title, CHRONICLE_TEXT_MAX_TITLE, FALSE) : NULL;
  if (chronicle_set_str (&self->title, shown))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
update_hidden_categories (ChronicleDocument *self)
{
  g_auto(GStrv) hidden = chronicle_filter_dup_hidden_categories (self->filter);

  if (self->hidden_categories != NULL && g_strv_equal ((const char * const *) hidden,
                                                       (const char * const *) self->hidden_categories))
    return;

  g_strfreev (self->hidden_categories);
  self->hidden_categories = g_steal_pointer (&hidden);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIDDEN_CATEGORIES]);
}

/* Every change of what is shown comes here (a load, a reload, a change of
 * the filter): the one place that keeps what the user was looking at
 * across a swap. The selected event stays selected while @filtered has an
 * event with its id (a reload makes new event objects), else nothing is.
 * Both are set before either is announced, so that whoever follows both
 * never sees the event with the other timeline. */
static void
show_filtered (ChronicleDocument *self,
               ChronicleTimeline *filtered)
{
  ChronicleEvent *kept = NULL;
  gboolean selection_changed;

  if (self->filtered == filtered)
    return;

  if (self->selected != NULL && filtered != NULL)
    kept = chronicle_timeline_lookup_event (filtered, chronicle_event_get_id (self->selected));

  g_set_object (&self->filtered, filtered);
  selection_changed = g_set_object (&self->selected, kept);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED_TIMELINE]);
  if (selection_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/* Where the filter is applied: to every new timeline and after every
 * change of the filter. A new filtered timeline each time, never an
 * update in place: an export or a search may hold the previous one. */
static void
apply_filter (ChronicleDocument *self)
{
  g_autoptr(ChronicleTimeline) filtered = NULL;

  if (self->timeline != NULL && chronicle_filter_is_active (self->filter))
    filtered = chronicle_filter_apply (self->filter, self->timeline);
  else if (self->timeline != NULL)
    filtered = g_object_ref (self->timeline);

  show_filtered (self, filtered);
}

static void update_edit_state (ChronicleDocument *self);

/* A new whole timeline (a load, a reload): the history of the old one
 * does not apply to it. */
static void
show_timeline (ChronicleDocument *self,
               ChronicleTimeline *timeline)
{
  g_set_object (&self->timeline, timeline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
  apply_filter (self);
  update_title (self);
  chronicle_history_clear (self->history);
  update_edit_state (self);
}

static void
on_filter_changed_cb (ChronicleDocument *self)
{
  apply_filter (self);
  update_hidden_categories (self);
}

static void
take_warnings (ChronicleDocument *self,
               char             **warnings)
{
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  if (warnings != NULL)
    {
      guint n = g_strv_length (warnings);

      /* The strings move into the array (g_ptr_array_new_take_null_terminated()
       * is GLib 2.76). */
      self->warnings = g_ptr_array_new_null_terminated (n, g_free, TRUE);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->warnings, g_steal_pointer (&warnings[i]));
    }
  g_free (warnings);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNINGS]);
}

/* What happens on reload (and on the first load): a good load replaces
 * the whole timeline, the filter applies to it, the selection follows by
 * id; a failed one keeps what was loaded before, with the error. */
static void
on_load_ready_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(ChronicleDocument) self = g_weak_ref_get (&data->document);
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  char **warnings = NULL;
  gboolean first;

  timeline = chronicle_timeline_load_finish (result, &warnings, &error);

  /* A newer load superseded this one, or the document went away. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      data->generation != self->load_generation)
    {
      g_strfreev (warnings);
      return;
    }

  g_clear_object (&self->load_cancellable);
  first = self->timeline == NULL || self->partial;
  self->partial = FALSE;

  if (timeline == NULL)
    {
      /* The preview was a file that then failed: nothing is loaded. */
      if (self->timeline != NULL && first)
        show_timeline (self, NULL);
      g_debug ("Could not load %s: %s", g_file_peek_path (self->file), error->message);
      g_strfreev (warnings);
      self->last_error_summary = chronicle_load_error_get_summary (error);
      set_last_error (self, error->message);
      set_loading (self, FALSE);
      /* With a timeline held, the error says it all; otherwise the
       * document has nothing to show and its owner decides. */
      if (first)
        g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  take_warnings (self, warnings);
  set_last_error (self, NULL);

  show_timeline (self, timeline);
  set_loading (self, FALSE);

  if (first)
    g_signal_emit (self, signals[LOADED], 0);
}

static void
on_load_progress_cb (ChronicleLoadPhase phase,
                     double             fraction,
                     gpointer           user_data)
{
  LoadData *data = user_data;
  g_autoptr(ChronicleDocument) self = g_weak_ref_get (&data->document);

  if (self == NULL || data->generation != self->load_generation)
    return;

  set_progress (self, fraction);
}

/* A first load that takes a while shows what it has (a sorted prefix of
 * the file's events) while the rest comes: the document holds it as its
 * timeline, still loading, until the whole replaces it (or the load
 * fails, and the document has nothing). Reloads keep what they show. */
static void
on_load_preview_cb (ChronicleTimeline *partial,
                    gpointer           user_data)
{
  LoadData *data = user_data;
  g_autoptr(ChronicleDocument) self = g_weak_ref_get (&data->document);

  if (self == NULL || data->generation != self->load_generation || !self->loading || self->timeline != NULL)
    return;

  self->partial = TRUE;
  show_timeline (self, partial);
}

static void
start_load (ChronicleDocument *self)
{
  LoadData *data;
  LoadData *progress_data;

  g_assert (self->file != NULL);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  self->load_generation++;
  data = load_data_new (self);
  progress_data = load_data_new (self);

  set_progress (self, 0.0);
  set_loading (self, TRUE);
  /* Read as the user named its columns, on every reload too. */
  if (self->columns != NULL)
    {
      load_data_free (progress_data);
      chronicle_timeline_load_csv_async_with_columns (self->file, self->columns, self->load_cancellable,
                                                      on_load_ready_cb, data);
      return;
    }
  chronicle_timeline_load_async_with_preview (self->file, self->load_cancellable,
                                              on_load_progress_cb, on_load_preview_cb, progress_data,
                                              (GDestroyNotify) load_data_free,
                                              on_load_ready_cb, data);
}

static gboolean
on_reload_timeout_cb (gpointer user_data)
{
  ChronicleDocument *self = user_data;

  self->reload_source = 0;
  /* Our own save, or edits that a reload would drop: the saving side
   * decides (it raises "changed-on-disk" instead). */
  if (chronicle_document_saving_file_changed (self, self->saving))
    return G_SOURCE_REMOVE;
  g_debug ("Reloading %s", g_file_peek_path (self->file));
  start_load (self);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (ChronicleDocument *self,
                       GFile             *file,
                       GFile             *other_file,
                       GFileMonitorEvent  event_type,
                       GFileMonitor      *monitor)
{
  switch ((int) event_type)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    /* An atomic writer renames its temporary file over ours. */
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;

    default:
      return;
    }

  /* Each event restarts the wait, so a burst reloads once, after it. A
   * file deleted and not recreated in time fails to reload, and the error
   * says so until it comes back. */
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
  g_source_set_name_by_id (self->reload_source, "[chronicle] reload timeline");
}

static void
stop_watching (ChronicleDocument *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

static void
watch_file (ChronicleDocument *self)
{
  g_autoptr(GError) error = NULL;

  stop_watching (self);

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Not fatal: the file shows, it just does not follow changes. */
      g_debug ("Not watching %s for changes: %s", g_file_peek_path (self->file), error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
chronicle_document_dispose (GObject *object)
{
  ChronicleDocument *self = CHRONICLE_DOCUMENT (object);

  /* Closing drops the recovery files: the edits were saved or discarded. */
  chronicle_document_saving_dispose (self, self->saving);

  /* Makes a load still running stale before it is cancelled. */
  self->load_generation++;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  stop_watching (self);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed_cb, self);

  g_clear_object (&self->selected);
  g_clear_object (&self->filtered);
  g_clear_object (&self->timeline);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (chronicle_document_parent_class)->dispose (object);
}

static void
chronicle_document_finalize (GObject *object)
{
  ChronicleDocument *self = CHRONICLE_DOCUMENT (object);

  g_clear_object (&self->filter);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_categories, g_strfreev);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_object (&self->history);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);
  g_clear_pointer (&self->saving, chronicle_document_saving_free);

  G_OBJECT_CLASS (chronicle_document_parent_class)->finalize (object);
}

static void
chronicle_document_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChronicleDocument *self = CHRONICLE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, chronicle_document_get_file (self));
      break;

    case PROP_TIMELINE:
      g_value_set_object (value, chronicle_document_get_timeline (self));
      break;

    case PROP_FILTERED_TIMELINE:
      g_value_set_object (value, chronicle_document_get_filtered_timeline (self));
      break;

    case PROP_FILTER:
      g_value_set_object (value, chronicle_document_get_filter (self));
      break;

    case PROP_HIDDEN_CATEGORIES:
      g_value_take_boxed (value, chronicle_document_dup_hidden_categories (self));
      break;

    case PROP_SELECTED_EVENT:
      g_value_set_object (value, chronicle_document_get_selected_event (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, chronicle_document_get_title (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, chronicle_document_get_loading (self));
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, chronicle_document_get_progress (self));
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, chronicle_document_get_last_error (self));
      break;

    case PROP_WARNINGS:
      g_value_set_boxed (value, chronicle_document_get_warnings (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, chronicle_document_get_modified (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, chronicle_document_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, chronicle_document_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, chronicle_document_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, chronicle_document_get_redo_label (self));
      break;

    case PROP_NEW:
      g_value_set_boolean (value, chronicle_document_get_new (self));
      break;

    case PROP_CHANGED_ON_DISK:
      g_value_set_boolean (value, chronicle_document_get_changed_on_disk (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_document_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChronicleDocument *self = CHRONICLE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      chronicle_document_set_selected_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_document_class_init (ChronicleDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags readable = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = chronicle_document_dispose;
  object_class->finalize = chronicle_document_finalize;
  object_class->get_property = chronicle_document_get_property;
  object_class->set_property = chronicle_document_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, readable);
  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL, CHRONICLE_TYPE_TIMELINE, readable);
  properties[PROP_FILTERED_TIMELINE] =
    g_param_spec_object ("filtered-timeline", NULL, NULL, CHRONICLE_TYPE_TIMELINE, readable);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, CHRONICLE_TYPE_FILTER, readable);
  properties[PROP_HIDDEN_CATEGORIES] =
    g_param_spec_boxed ("hidden-categories", NULL, NULL, G_TYPE_STRV, readable);
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         CHRONICLE_TYPE_EVENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, readable);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, readable);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0, readable);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL, readable);
  properties[PROP_WARNINGS] =
    g_param_spec_boxed ("warnings", NULL, NULL, G_TYPE_STRV, readable);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE, readable);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, readable);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, readable);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, readable);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, readable);
  properties[PROP_NEW] =
    g_param_spec_boolean ("new", NULL, NULL, FALSE, readable);
  properties[PROP_CHANGED_ON_DISK] =
    g_param_spec_boolean ("changed-on-disk", NULL, NULL, FALSE, readable);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleDocument::loaded:
   *
   * The file loaded for the first time. Reloads do not emit it (watch
   * #ChronicleDocument:timeline).
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * ChronicleDocument::load-failed:
   * @error: the loader's error
   *
   * The file could not be loaded and the document holds no timeline. A
   * failed reload keeps the timeline and sets #ChronicleDocument:last-error.
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * ChronicleDocument::edited:
   *
   * The timeline changed through the document: an edit, an undo or a
   * redo (for instance, to write unsaved edits somewhere safe a little
   * later). A load does not emit it.
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
chronicle_document_init (ChronicleDocument *self)
{
  self->filter = chronicle_filter_new ();
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->hidden_categories = g_new0 (char *, 1);
  self->history = chronicle_history_new ();
  self->saving = chronicle_document_saving_new ();
}

/**
 * chronicle_document_new:
 *
 * Returns: (transfer full): a new document with no file
 */
ChronicleDocument *
chronicle_document_new (void)
{
  return g_object_new (CHRONICLE_TYPE_DOCUMENT, NULL);
}

/**
 * chronicle_document_load_file:
 * @self: a `ChronicleDocument`
 * @file: a timeline file
 *
 * Makes @file the document's file: loads it off the main thread (a load
 * still running is cancelled) and watches it, reloading it when it
 * changes. The first load emits #ChronicleDocument::loaded or
 * #ChronicleDocument::load-failed; when a later load fails, the timeline
 * held stays and #ChronicleDocument:last-error says why.
 */
void
chronicle_document_load_file (ChronicleDocument *self,
                              GFile             *file)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  chronicle_document_load_file_with_columns (self, file, NULL);
}

/**
 * chronicle_document_load_file_with_columns:
 * @self: a `ChronicleDocument`
 * @file: a spreadsheet
 * @columns: (nullable): column name to field, as
 *   chronicle_import_parse_columns() and the column-mapping dialog make
 *
 * chronicle_document_load_file() of a spreadsheet whose columns are named
 * by @columns, as `--columns` reads it; reloads read it so too.
 */
void
chronicle_document_load_file_with_columns (ChronicleDocument *self,
                                           GFile             *file,
                                           GHashTable        *columns)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  if (columns != NULL)
    g_hash_table_ref (columns);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  self->columns = columns;

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      watch_file (self);
      update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  start_load (self);
}

GHashTable *
chronicle_document_get_columns (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->columns;
}

void
chronicle_document_reload (ChronicleDocument *self)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (self->file != NULL);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  start_load (self);
}

GFile *
chronicle_document_get_file (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->file;
}

ChronicleTimeline *
chronicle_document_get_timeline (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->timeline;
}

ChronicleTimeline *
chronicle_document_get_filtered_timeline (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->filtered;
}

ChronicleFilter *
chronicle_document_get_filter (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->filter;
}

char **
chronicle_document_dup_hidden_categories (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return g_strdupv (self->hidden_categories);
}

ChronicleEvent *
chronicle_document_get_selected_event (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->selected;
}

/**
 * chronicle_document_set_selected_event:
 * @self: a `ChronicleDocument`
 * @event: (nullable): an event of the filtered timeline, or NULL
 *
 * Selects @event, or nothing when the filtered timeline does not hold
 * it (the filter hides it, or it is of another timeline). Later loads and
 * filters keep it selected, by its id, while the timeline they give has it.
 */
void
chronicle_document_set_selected_event (ChronicleDocument *self,
                                       ChronicleEvent    *event)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (event == NULL || CHRONICLE_IS_EVENT (event));

  /* An event the filter hides (or of another timeline) cannot be
   * selected: nothing is. */
  if (event != NULL &&
      (self->filtered == NULL || !chronicle_timeline_find_event (self->filtered, event, NULL)))
    event = NULL;

  if (g_set_object (&self->selected, event))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

gboolean
chronicle_document_select_id (ChronicleDocument *self,
                              const char        *id)
{
  ChronicleEvent *event;

  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  event = self->filtered != NULL ? chronicle_timeline_lookup_event (self->filtered, id) : NULL;
  if (event == NULL)
    return FALSE;

  chronicle_document_set_selected_event (self, event);
  return TRUE;
}

const char *
chronicle_document_get_title (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->title;
}

gboolean
chronicle_document_get_loading (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  return self->loading;
}

gboolean
chronicle_document_get_partial (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  return self->partial;
}

double
chronicle_document_get_progress (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), 0.0);

  return self->progress;
}

const char *
chronicle_document_get_last_error (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->last_error;
}

const char *
chronicle_document_get_last_error_summary (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->last_error != NULL ? self->last_error_summary : NULL;
}

const char * const *
chronicle_document_get_warnings (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->warnings != NULL ? (const char * const *) self->warnings->pdata : NULL;
}

GPtrArray *
chronicle_document_get_warnings_array (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->warnings;
}

/* --- The history's state, and how an edit shows ------------------ */

static void
set_boolean (ChronicleDocument *self,
             gboolean          *field,
             gboolean           value,
             guint              prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The Edit menu's labels for each step name that the document and the
 * windows give (chronicle_document_replace_event() and the rest): whole
 * for translators, since a language may have to inflect the change after
 * "Undo" (Ukrainian "Скасувати переміщення події"). A step named
 * otherwise ("Add 3 Events", from the article review) gets the labels
 * dup_step_label() composes. */
static const struct
{
  const char *name;
  const char *undo_label;
  const char *redo_label;
} step_labels[] = {
  /* Translators: "Add Event" and the rest name steps of the undo history;
   * "Undo Add Event", "Redo Add Event" and the rest are the Edit menu's
   * items that take them back and make them again. */
  { N_("Add Event"), N_("Undo Add Event"), N_("Redo Add Event") },
  { N_("Edit Event"), N_("Undo Edit Event"), N_("Redo Edit Event") },
  { N_("Move Event"), N_("Undo Move Event"), N_("Redo Move Event") },
  { N_("Duplicate Event"), N_("Undo Duplicate Event"), N_("Redo Duplicate Event") },
  { N_("Merge Event"), N_("Undo Merge Event"), N_("Redo Merge Event") },
  { N_("Delete Event"), N_("Undo Delete Event"), N_("Redo Delete Event") },
  { N_("Edit Quote"), N_("Undo Edit Quote"), N_("Redo Edit Quote") },
  { N_("Change Title"), N_("Undo Change Title"), N_("Redo Change Title") },
  { N_("Change Description"), N_("Undo Change Description"), N_("Redo Change Description") },
  { N_("Add Category"), N_("Undo Add Category"), N_("Redo Add Category") },
  { N_("Edit Category"), N_("Undo Edit Category"), N_("Redo Edit Category") },
  { N_("Delete Category"), N_("Undo Delete Category"), N_("Redo Delete Category") },
  { N_("Add Era"), N_("Undo Add Era"), N_("Redo Add Era") },
  { N_("Edit Era"), N_("Undo Edit Era"), N_("Redo Edit Era") },
  { N_("Delete Era"), N_("Undo Delete Era"), N_("Redo Delete Era") },
  { N_("Add Source"), N_("Undo Add Source"), N_("Redo Add Source") },
  { N_("Edit Source"), N_("Undo Edit Source"), N_("Redo Edit Source") },
  { N_("Delete Source"), N_("Undo Delete Source"), N_("Redo Delete Source") },
};

/* The menu label that undoes (or redoes) the step @name (translated),
 * translated: "Undo Move Event". */
static char *
dup_step_label (const char *name,
                gboolean    undo)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (step_labels); i++)
    if (strcmp (name, _(step_labels[i].name)) == 0)
      return g_strdup (undo ? _(step_labels[i].undo_label) : _(step_labels[i].redo_label));

  return g_strdup_printf (undo
                          /* Translators: a menu item taking back a step that has no "Undo …"
                           * label of its own; %s is its name, e.g. "Add 3 Events". Any name
                           * must fit: write e.g. "Undo: %s" if your language inflects it. */
                          ? C_("undo a step", "Undo %s")
                          /* Translators: a menu item making again a step that has no "Redo …"
                           * label of its own; %s is its name, e.g. "Add 3 Events". Any name
                           * must fit: write e.g. "Redo: %s" if your language inflects it. */
                          : C_("redo a step", "Redo %s"),
                          name);
}

/* The history's state as properties: each notifies on a change only. */
static void
update_edit_state (ChronicleDocument *self)
{
  g_autofree char *undo_label = dup_step_label (chronicle_history_get_undo_name (self->history), TRUE);
  g_autofree char *redo_label = dup_step_label (chronicle_history_get_redo_name (self->history), FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  set_boolean (self, &self->can_undo, chronicle_history_get_can_undo (self->history), PROP_CAN_UNDO);
  set_boolean (self, &self->can_redo, chronicle_history_get_can_redo (self->history), PROP_CAN_REDO);
  if (chronicle_set_str (&self->undo_label, undo_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (chronicle_set_str (&self->redo_label, redo_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  set_boolean (self, &self->modified, chronicle_history_get_modified (self->history), PROP_MODIFIED);
  g_object_thaw_notify (G_OBJECT (self));

  /* After every edit, undo, redo, load and save: recovery follows. */
  chronicle_document_saving_edited (self, self->saving);
}

/* After the whole timeline changed: the selection follows by id,
 * @select_id (the event just edited) or the event selected before, whose
 * object an edit may have replaced. With @refilter and a filter on, the
 * filter applies again (a new filtered timeline, as after a change of the
 * filter); otherwise the filtered timeline was patched in place or is the
 * whole one, which announced the change itself. */
static void
show_edit (ChronicleDocument *self,
           const char        *select_id,
           gboolean           refilter)
{
  g_autoptr(ChronicleTimeline) filtered = NULL;
  g_autofree char *keep = NULL;
  ChronicleEvent *kept = NULL;
  gboolean timeline_changed;
  gboolean selection_changed;

  if (select_id != NULL)
    keep = g_strdup (select_id);
  else if (self->selected != NULL)
    keep = g_strdup (chronicle_event_get_id (self->selected));

  if (!chronicle_filter_is_active (self->filter))
    filtered = g_object_ref (self->timeline);
  else if (refilter || self->filtered == NULL || self->filtered == self->timeline)
    filtered = chronicle_filter_apply (self->filter, self->timeline);
  else
    filtered = g_object_ref (self->filtered);

  if (keep != NULL)
    kept = chronicle_timeline_lookup_event (filtered, keep);

  timeline_changed = g_set_object (&self->filtered, filtered);
  selection_changed = g_set_object (&self->selected, kept);
  if (timeline_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED_TIMELINE]);
  if (selection_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

/* An event change, already applied to the whole timeline, made to the
 * filtered one too: the event leaves it, enters it or changes in it, as
 * the filter says of its new values, with the whole timeline's object
 * (the two share their objects). Filtering 100 000 events again after
 * each edit took 120 ms (docs/benchmarks.md); this costs what the edit of
 * the whole timeline does. Like the whole timeline, the filtered one
 * changes in place and says so with items-changed. */
void
chronicle_document_patch_filtered (ChronicleDocument *self,
                                   ChronicleChange   *change,
                                   gboolean           forward)
{
  ChronicleEvent *from = forward ? change->before : change->after;
  ChronicleEvent *to = forward ? change->after : change->before;
  ChronicleEvent *now = NULL;
  guint position = 0;
  gboolean was, is;

  was = from != NULL && chronicle_timeline_lookup_position (self->filtered, chronicle_event_get_id (from), &position);
  if (to != NULL)
    now = chronicle_timeline_lookup_event (self->timeline, chronicle_event_get_id (to));
  is = now != NULL && chronicle_filter_matches (self->filter, self->timeline, now);

  if (was && is)
    chronicle_timeline_put_event_at (self->filtered, position, now);
  else if (was)
    chronicle_timeline_remove_event_at (self->filtered, position);
  else if (is)
    chronicle_timeline_add_event (self->filtered, now);
}

/* After the changes of one step were applied to the whole timeline (and
 * patched into the filtered one): the title, the filtered timeline, the
 * selection and the history's properties follow, then "edited". */
void
chronicle_document_show_changes (ChronicleDocument *self,
                                 const char        *select_id,
                                 gboolean           refilter,
                                 gboolean           title_changed)
{
  if (title_changed)
    update_title (self);
  show_edit (self, select_id, refilter);
  update_edit_state (self);
  g_signal_emit (self, signals[EDITED], 0);
}

gboolean
chronicle_document_get_can_undo (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  return self->can_undo;
}

gboolean
chronicle_document_get_can_redo (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  return self->can_redo;
}

/* Returns: (nullable): "Undo Move Event", translated, or NULL */
const char *
chronicle_document_get_undo_label (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->undo_label;
}

/* Returns: (nullable): "Redo Move Event", translated, or NULL */
const char *
chronicle_document_get_redo_label (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);

  return self->redo_label;
}

gboolean
chronicle_document_get_modified (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

/**
 * chronicle_document_new_untitled:
 *
 * Returns: (transfer full): a document with an empty timeline and no
 *   file, #ChronicleDocument:new until it is saved
 */
ChronicleDocument *
chronicle_document_new_untitled (void)
{
  ChronicleDocument *self = chronicle_document_new ();
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new (NULL);

  self->is_new = TRUE;
  show_timeline (self, timeline);
  return self;
}

gboolean
chronicle_document_get_new (ChronicleDocument *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);

  return self->is_new;
}

void
chronicle_document_mark_saved (ChronicleDocument *self)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));

  chronicle_history_mark_saved (self->history);
  set_boolean (self, &self->is_new, FALSE, PROP_NEW);
  update_edit_state (self);
}

void
chronicle_document_mark_unsaved (ChronicleDocument *self)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));

  chronicle_history_forget_saved (self->history);
  update_edit_state (self);
}

void
chronicle_document_set_timeline (ChronicleDocument *self,
                                 ChronicleTimeline *timeline)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));

  show_timeline (self, timeline);
}

/* --- For chronicle-document-save.c --------------------------------- */

ChronicleDocumentSaving *
chronicle_document_get_saving (ChronicleDocument *self)
{
  return self->saving;
}

/* Makes @file the document's file without loading it (a save to another
 * place, a recovered document), watching it from now; NULL makes the
 * document "new" (never saved). */
void
chronicle_document_adopt_file (ChronicleDocument *self,
                               GFile             *file)
{
  if (file == NULL)
    {
      set_boolean (self, &self->is_new, TRUE, PROP_NEW);
      return;
    }

  if (self->file != NULL && g_file_equal (self->file, file))
    return;

  /* Saved in our format elsewhere: no longer a spreadsheet. */
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_set_object (&self->file, file);
  watch_file (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
chronicle_document_notify_changed_on_disk (ChronicleDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGED_ON_DISK]);
}
