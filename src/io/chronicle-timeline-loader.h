/* chronicle-timeline-loader.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_LOAD_ERROR (chronicle_load_error_quark ())

/**
 * ChronicleLoadError:
 * @CHRONICLE_LOAD_ERROR_IO: the file could not be read
 * @CHRONICLE_LOAD_ERROR_SYNTAX: not JSON; the message names line and column
 * @CHRONICLE_LOAD_ERROR_FORMAT: not a chronicle-timeline, or a version we do not read
 * @CHRONICLE_LOAD_ERROR_MISSING: a required member is absent
 * @CHRONICLE_LOAD_ERROR_TYPE: a member has the wrong JSON type
 * @CHRONICLE_LOAD_ERROR_DATE: a date is malformed or impossible
 * @CHRONICLE_LOAD_ERROR_RANGE: an end lies before its start
 * @CHRONICLE_LOAD_ERROR_DUPLICATE: two items share an id
 * @CHRONICLE_LOAD_ERROR_VALUE: any other refused value (a bad colour, an empty id)
 * @CHRONICLE_LOAD_ERROR_COLUMNS: a spreadsheet whose columns are not recognised
 *   (no date column by its name): its columns can be named for it
 *   (`--columns`, the window's column-mapping dialog)
 *
 * Every message names the place, as a JSON path plus the event's id where
 * there is one: `events[3] "talks-2022": end 2022-03-01 is before date 2022-03-29`.
 */
typedef enum
{
  CHRONICLE_LOAD_ERROR_IO,
  CHRONICLE_LOAD_ERROR_SYNTAX,
  CHRONICLE_LOAD_ERROR_FORMAT,
  CHRONICLE_LOAD_ERROR_MISSING,
  CHRONICLE_LOAD_ERROR_TYPE,
  CHRONICLE_LOAD_ERROR_DATE,
  CHRONICLE_LOAD_ERROR_RANGE,
  CHRONICLE_LOAD_ERROR_DUPLICATE,
  CHRONICLE_LOAD_ERROR_VALUE,
  CHRONICLE_LOAD_ERROR_COLUMNS,
} ChronicleLoadError;

/**
 * ChronicleLoadPhase:
 * @CHRONICLE_LOAD_PHASE_READING: reading the file
 * @CHRONICLE_LOAD_PHASE_PARSING: parsing the JSON
 * @CHRONICLE_LOAD_PHASE_BUILDING: checking and building the events, sorting
 */
typedef enum
{
  CHRONICLE_LOAD_PHASE_READING,
  CHRONICLE_LOAD_PHASE_PARSING,
  CHRONICLE_LOAD_PHASE_BUILDING,
} ChronicleLoadPhase;

/* @fraction: of the whole load, 0..1, non-decreasing */
typedef void (*ChronicleLoadProgressFunc) (ChronicleLoadPhase  phase,
                                           double              fraction,
                                           gpointer            user_data);

/* @partial: (transfer none): the events loaded so far, sorted: a prefix,
 * in file order, of the whole timeline the load ends with, when it ends well */
typedef void (*ChronicleLoadPreviewFunc) (ChronicleTimeline  *partial,
                                          gpointer            user_data);

GQuark             chronicle_load_error_quark          (void);
const char        *chronicle_load_error_get_summary    (const GError        *error);

/* @warnings (out, optional): a NULL-terminated array of messages for content
 * that was loaded but looks wrong (unknown category, unknown source). */
ChronicleTimeline *chronicle_timeline_load_from_data   (const char          *data,
                                                        gssize               length,
                                                        GStrv               *warnings,
                                                        GError             **error);
ChronicleTimeline *chronicle_timeline_load_from_file   (GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GStrv               *warnings,
                                                        GError             **error);
void               chronicle_timeline_load_async       (GFile               *file,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
void               chronicle_timeline_load_async_with_progress (GFile                     *file,
                                                                GCancellable              *cancellable,
                                                                ChronicleLoadProgressFunc  progress,
                                                                gpointer                   progress_data,
                                                                GDestroyNotify             progress_data_destroy,
                                                                GAsyncReadyCallback        callback,
                                                                gpointer                   user_data);
void               chronicle_timeline_load_async_with_preview (GFile                     *file,
                                                               GCancellable              *cancellable,
                                                               ChronicleLoadProgressFunc  progress,
                                                               ChronicleLoadPreviewFunc   preview,
                                                               gpointer                   progress_data,
                                                               GDestroyNotify             progress_data_destroy,
                                                               GAsyncReadyCallback        callback,
                                                               gpointer                   user_data);
ChronicleTimeline *chronicle_timeline_load_finish      (GAsyncResult        *result,
                                                        GStrv               *warnings,
                                                        GError             **error);

G_END_DECLS
