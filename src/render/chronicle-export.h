/* chronicle-export.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <cairo.h>

#include "chronicle-timeline.h"
#include "chronicle-viewport.h"

G_BEGIN_DECLS

#define CHRONICLE_EXPORT_ERROR (chronicle_export_error_quark ())

typedef enum
{
  CHRONICLE_EXPORT_ERROR_INVALID,  /* options out of range */
  CHRONICLE_EXPORT_ERROR_WRITE,    /* the file could not be written */
} ChronicleExportError;

/* A cancelled export fails with G_IO_ERROR_CANCELLED, as GIO's own I/O does. */

typedef enum
{
  CHRONICLE_EXPORT_PNG,
  CHRONICLE_EXPORT_SVG,
  CHRONICLE_EXPORT_PDF,
} ChronicleExportFormat;

/* Documented limits, also enforced by the command line. */
#define CHRONICLE_EXPORT_MIN_SIZE    16
#define CHRONICLE_EXPORT_MAX_SIZE    16384
#define CHRONICLE_EXPORT_MAX_SCALE   4
/* Fits an int, so that messages can print it with %d. */
#define CHRONICLE_EXPORT_MAX_PIXELS  (G_GINT64_CONSTANT (16384) * 8192)

/*
 * What to export and how. Sizes are logical pixels for PNG and SVG (the
 * PNG is width*scale by height*scale device pixels) and points for PDF.
 */
typedef struct
{
  ChronicleExportFormat format;
  int                   width;
  int                   height;
  int                   scale;          /* PNG only: 1..CHRONICLE_EXPORT_MAX_SCALE */
  gboolean              dark;
  gboolean              show_title;
  gboolean              show_legend;
  gboolean              show_credit;    /* "Source: Reuters, 16 May 2025" */
  const char           *subtitle;       /* under the title, or NULL (borrowed) */
  double                text_scale;     /* output px per layout px; 0: from the size (see chronicle_export_get_text_scale) */
  gboolean              collapse_gaps;
  guint                 selected;       /* timeline position to highlight, or G_MAXUINT */
  const char * const   *hidden_categories; /* filtered out: struck through in the legend (borrowed) */
  /* Display zone of an export built without a view (a view carries its
   * own): the timeline's, UTC, the computer's, or zone_offset (seconds
   * east of UTC) for CHRONICLE_ZONE_FIXED. */
  ChronicleZoneMode     zone;
  int                   zone_offset;
  /* The window's memory of where it drew each event (id -> row, see
   * ChronicleLayoutOptions), so that the export keeps the sides and rows
   * the user saw; NULL for the layout's own. Borrowed and only read: the
   * export works on a copy. */
  GHashTable           *placements;
} ChronicleExportOptions;

/* Sizes named for their use (see chronicle_export_get_presets()). */
typedef struct
{
  const char            *id;      /* "article", for --preset */
  const char            *name;    /* translated, for the dialog */
  int                    width;   /* px, or points for PDF */
  int                    height;
  ChronicleExportFormat  format;  /* what it is usually exported as */
} ChronicleExportPreset;

GQuark           chronicle_export_error_quark      (void);
const ChronicleExportPreset *chronicle_export_get_presets (guint                *n_presets);
const ChronicleExportPreset *chronicle_export_find_preset (const char           *id);
void             chronicle_export_options_init     (ChronicleExportOptions       *options);
gboolean         chronicle_export_format_from_name (const char                   *name,
                                                    ChronicleExportFormat        *format);
const char      *chronicle_export_format_to_name   (ChronicleExportFormat         format);
gboolean         chronicle_export_format_from_path (const char                   *path,
                                                    ChronicleExportFormat        *format);
gboolean         chronicle_export_options_validate (const ChronicleExportOptions *options,
                                                    GError                      **error);
char            *chronicle_export_build_credit     (ChronicleTimeline            *timeline);
GHashTable      *chronicle_export_copy_placements  (GHashTable                   *placements);
double           chronicle_export_get_text_scale   (const ChronicleExportOptions *options);
char            *chronicle_export_suggest_filename (const char                   *title,
                                                    ChronicleExportFormat         format);

/* Paints the chart into @cr at logical size @width x @height, exactly as
 * the export would: the preview and the clipboard copy use this too.
 * @view is the visible range to keep (NULL: the whole timeline fitted). */
void             chronicle_export_paint            (cairo_t                      *cr,
                                                    ChronicleTimeline            *timeline,
                                                    const ChronicleViewport      *view,
                                                    const ChronicleExportOptions *options);
cairo_surface_t *chronicle_export_render_image     (ChronicleTimeline            *timeline,
                                                    const ChronicleViewport      *view,
                                                    const ChronicleExportOptions *options,
                                                    GError                      **error);

/* Writes the chart to @file through a temporary file in the same folder that
 * is renamed over @file only when complete: a failed or cancelled export
 * leaves no partial file and an existing @file untouched. */
gboolean         chronicle_export_to_file          (ChronicleTimeline            *timeline,
                                                    const ChronicleViewport      *view,
                                                    const ChronicleExportOptions *options,
                                                    GFile                        *file,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);

/* What an export did besides drawing, for the command line and the dialog. */
typedef struct
{
  guint n_cut_titles;     /* event labels drawn shorter than their title */
  guint n_folded_events;  /* events in view drawn in "+N" pills, without a label */
  guint n_clusters;       /* the pills */
} ChronicleExportReport;

char            *chronicle_export_report_describe_folds (const ChronicleExportReport *report);

/* chronicle_export_to_file() that also writes the image map (see
 * docs/image-map.md) to @image_map when it is not NULL, through the same
 * safe saving, and fills @report when it is not NULL. */
gboolean         chronicle_export_to_file_with_map (ChronicleTimeline            *timeline,
                                                    const ChronicleViewport      *view,
                                                    const ChronicleExportOptions *options,
                                                    GFile                        *file,
                                                    GFile                        *image_map,
                                                    ChronicleExportReport        *report,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);

G_END_DECLS
