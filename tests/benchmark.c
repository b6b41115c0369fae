/* benchmark.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Measures what users wait for: exporting a chart, loading a large file and
 * painting one frame at 1920×1080. Prints medians as a Markdown table for
 * the README. Not a test: timings on shared machines are noisy, so nothing
 * here passes or fails.
 *
 *   _build/tests/chronicle-benchmark [--quick] [--runs N] [--min] [--cpu] [--png DIR]
 *                                    [--file FILE]... [SECTION...]
 *
 * SECTION is export, credit, frame, load, open or edit (all when none is given), so a
 * profiler can look at one thing at a time; redraw, cold and zoom are the
 * parts of frame that time frames drawn again, first frames and the zoom
 * animation of 100 000 events, alone. collide (only when asked for) loads
 * 100 000 events whose ids collide under g_str_hash.
 *
 * --file FILE (repeatable) adds a timeline of one's own to every table: its
 * frames, exports, load and open are measured beside the generated ones.
 * tests/generate-uniform-timeline.py writes the web peers' uniform events.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "chronicle-document.h"
#include "chronicle-document-private.h"
#include "chronicle-export.h"
#include "chronicle-layout.h"
#include "chronicle-paint.h"
#include "chronicle-paint-private.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-private.h"
#include "chronicle-timeline-writer.h"

typedef void (*BenchFunc) (gpointer data);

/* --png DIR: keep each measured frame, to compare pictures before and
 * after a change to the painter. */
static const char *png_dir;

/* --min: report the fastest run instead of the median, to compare two
 * builds on a busy machine where the median wanders. */
static gboolean report_min;

/* --cpu: time with the thread's CPU clock rather than the wall clock, so
 * that other processes on a loaded machine do not count. Only for
 * single-threaded work (frames, exports), not for the threaded load. */
static gboolean use_cpu_clock;

static gint64
get_time_us (void)
{
  struct timespec ts;

  if (!use_cpu_clock)
    return g_get_monotonic_time ();

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Runs @func @runs times after one warm-up run, each after @prepare
 * (untimed, when given); returns the median in ms. */
static double
measure_prepared (BenchFunc prepare,
                  BenchFunc func,
                  gpointer  data,
                  guint     runs)
{
  g_autofree double *times = g_new (double, runs);

  func (data);
  for (guint i = 0; i < runs; i++)
    {
      gint64 start;

      if (prepare != NULL)
        prepare (data);
      start = get_time_us ();

      func (data);
      times[i] = (get_time_us () - start) / 1000.0;
    }

  qsort (times, runs, sizeof (double), compare_doubles);
  return report_min ? times[0] : times[runs / 2];
}

static double
measure (BenchFunc func,
         gpointer  data,
         guint     runs)
{
  return measure_prepared (NULL, func, data, runs);
}

typedef struct
{
  ChronicleTimeline      *timeline;
  ChronicleExportOptions  options;
  GFile                  *file;
} ExportJob;

static void
run_export (gpointer data)
{
  ExportJob *job = data;
  g_autoptr(GError) error = NULL;

  if (!chronicle_export_to_file (job->timeline, NULL, &job->options, job->file, NULL, &error))
    g_error ("export failed: %s", error->message);
}

static void
run_credit (gpointer data)
{
  g_free (chronicle_export_build_credit (data));
}

/* A timeline with @n sources, each from its own publisher. */
static ChronicleTimeline *
make_many_publishers (guint n)
{
  ChronicleTimeline *timeline = chronicle_timeline_new ("Many publishers");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *publisher = g_strdup_printf ("Publisher %u", i);
      g_autoptr(ChronicleSource) source = chronicle_source_new (id, publisher, NULL, NULL, NULL);

      chronicle_timeline_add_source (timeline, source);
    }

  return timeline;
}

typedef struct
{
  ChronicleTimeline *timeline;
  ChronicleViewport *viewport;
  cairo_surface_t   *surface;
  PangoContext      *context;
  ChronicleStyle     style;
} FrameJob;

/* One frame as the widget draws it: layout, then paint, then highlight. */
static void
run_frame (gpointer data)
{
  FrameJob *job = data;
  g_autoptr(ChronicleLayout) layout = NULL;
  ChroniclePangoMeasurer measurer = { job->context, &job->style };
  ChronicleLayoutOptions options = { .collapse_gaps = TRUE, .show_eras = TRUE, .show_legend = TRUE };
  cairo_t *cr = cairo_create (job->surface);

  layout = chronicle_layout_compute (job->timeline, job->viewport, 1920, 1080, &options,
                                     chronicle_pango_measure, &measurer);
  chronicle_paint (cr, layout, &job->style);
  chronicle_paint_highlight (cr, layout, &job->style, 0, TRUE);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
}

/* Before a frame of a view never shown before, in a running app: its
 * titles not shaped yet (the words they are made of, and the sprites of
 * boxes and markers, are kept from other views). Untimed: freeing what
 * the previous run shaped is not part of it. */
static void
forget_titles (gpointer data)
{
  _chronicle_paint_forget_shaped_text ();
}

/* Before the first frame after start: nothing kept at all. */
static void
forget_everything (gpointer data)
{
  chronicle_paint_clear_caches ();
}

typedef struct
{
  char *data;
  gsize length;
} LoadJob;

static void
run_load (gpointer data)
{
  LoadJob *job = data;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = chronicle_timeline_load_from_data (job->data, job->length, NULL, &error);
  if (timeline == NULL)
    g_error ("load failed: %s", error->message);
}

/* @n events whose ids all hash alike under g_str_hash (djb's h * 33 + c:
 * "Ez" and "FY" give the same value, so does every string of 17 such
 * blocks), as a file written to flood the loader's hash tables would be. */
static char *
build_colliding_document (guint  n,
                          gsize *length)
{
  GString *json = g_string_new ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"t\", \"events\": [");

  for (guint i = 0; i < n; i++)
    {
      g_string_append (json, i > 0 ? ", {\"id\": \"" : "{\"id\": \"");
      for (guint b = 0; b < 17; b++)
        g_string_append (json, (i >> b) & 1 ? "FY" : "Ez");
      g_string_append (json, "\", \"date\": \"2000\", \"title\": \"T\"}");
    }
  g_string_append (json, "]}");

  *length = json->len;
  return g_string_free (json, FALSE);
}

typedef struct
{
  GFile  *file;
  GArray *load_ms;    /* double, per run */
  GArray *frame_ms;
} OpenJob;

static double
get_median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return values->len > 0 ? g_array_index (values, double, values->len / 2) : 0;
}

/* What opening a file costs until the first frame is on screen, minus
 * GTK: read, parse, build, then lay out and paint the fitted view. */
static void
run_open (gpointer data)
{
  OpenJob *job = data;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  FrameJob frame = { NULL };
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  double value;

  /* a file opened for the first time: nothing shaped yet */
  chronicle_paint_clear_caches ();
  timeline = chronicle_timeline_load_from_file (job->file, NULL, NULL, &error);
  if (timeline == NULL)
    g_error ("load failed: %s", error->message);
  value = (g_get_monotonic_time () - start) / 1000.0;
  g_array_append_val (job->load_ms, value);

  start = g_get_monotonic_time ();
  frame.timeline = timeline;
  frame.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  frame.context = pango_font_map_create_context (font_map);
  chronicle_style_init_light (&frame.style);
  frame.style.draw_background = TRUE;
  frame.viewport = chronicle_viewport_new ();
  chronicle_viewport_set_timeline (frame.viewport, timeline, TRUE);
  chronicle_viewport_set_width (frame.viewport, 1920);
  chronicle_viewport_fit (frame.viewport);
  run_frame (&frame);
  value = (g_get_monotonic_time () - start) / 1000.0;
  g_array_append_val (job->frame_ms, value);

  chronicle_viewport_free (frame.viewport);
  chronicle_style_clear (&frame.style);
  g_object_unref (frame.context);
  cairo_surface_destroy (frame.surface);
}

static void
bench_exports (ChronicleTimeline *timeline,
               const char        *name,
               const char        *dir,
               guint              runs)
{
  g_print ("| %s |", name);

  for (ChronicleExportFormat format = CHRONICLE_EXPORT_PNG; format <= CHRONICLE_EXPORT_PDF; format++)
    {
      g_autofree char *path = g_strdup_printf ("%s/bench.%s", dir, chronicle_export_format_to_name (format));
      ExportJob job = { timeline };

      chronicle_export_options_init (&job.options);
      job.options.format = format;
      job.file = g_file_new_for_path (path);
      g_print (" %.1f ms |", measure (run_export, &job, runs));
      g_object_unref (job.file);
      g_unlink (path);
    }

  g_print ("\n");
}

static void
init_frame_job (FrameJob          *job,
                ChronicleTimeline *timeline)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();

  job->timeline = timeline;
  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  job->context = pango_font_map_create_context (font_map);
  chronicle_style_init_light (&job->style);
  job->style.draw_background = TRUE;
  job->viewport = chronicle_viewport_new ();
  chronicle_viewport_set_timeline (job->viewport, timeline, TRUE);
  chronicle_viewport_set_width (job->viewport, 1920);
}

static void
clear_frame_job (FrameJob *job)
{
  chronicle_viewport_free (job->viewport);
  chronicle_style_clear (&job->style);
  g_object_unref (job->context);
  cairo_surface_destroy (job->surface);
}

static const double zooms[] = { 1, 8, 64, 4096 };

/* The same view drawn again (what a hover or selection change costs, and
 * the steady state of the text caches), or with @prepare forgetting
 * before each run what the painter keeps. */
static void
bench_frames (ChronicleTimeline *timeline,
              const char        *name,
              BenchFunc          prepare,
              guint              runs)
{
  FrameJob job = { NULL };

  init_frame_job (&job, timeline);
  g_print ("| %s |", name);
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      chronicle_viewport_fit (job.viewport);
      chronicle_viewport_zoom (job.viewport, zooms[i], 960);
      g_print (" %.2f ms |", measure_prepared (prepare, run_frame, &job, runs));

      if (png_dir != NULL && prepare == NULL)
        {
          g_autofree char *base = g_strdup_printf ("frame-%u-x%g.png",
                                                   chronicle_timeline_get_n_events (timeline), zooms[i]);
          g_autofree char *path = g_build_filename (png_dir, base, NULL);

          cairo_surface_write_to_png (job.surface, path);
        }
    }
  g_print ("\n");

  clear_frame_job (&job);
}

/* What zooming and panning cost, frame by frame: from the fitted view to
 * ×4096 in 240 steps of the same factor around the middle, then 240 pans
 * of 24 px, each frame a new view; starting with empty caches. Reports
 * the median, the 95th percentile and the slowest frame. With --min the
 * whole animation runs @runs times, each from empty caches, and each
 * frame counts with its fastest time: on a loaded machine, what the
 * frames cost without the other processes' interruptions. */
static void
bench_animation (ChronicleTimeline *timeline,
                 const char        *name,
                 guint              runs)
{
  const guint steps = 240;
  g_autofree double *times = g_new (double, 2 * steps);
  double zoom_step = pow (4096, 1.0 / steps);
  guint repeats = report_min ? MAX (runs, 1) : 1;

  for (guint r = 0; r < repeats; r++)
    {
      FrameJob job = { NULL };

      init_frame_job (&job, timeline);
      chronicle_viewport_fit (job.viewport);
      chronicle_paint_clear_caches ();

      for (guint i = 0; i < 2 * steps; i++)
        {
          gint64 start;
          double ms;

          if (i < steps)
            chronicle_viewport_zoom (job.viewport, zoom_step, 960);
          else
            chronicle_viewport_pan (job.viewport, 24);

          start = get_time_us ();
          run_frame (&job);
          ms = (get_time_us () - start) / 1000.0;
          times[i] = r == 0 ? ms : MIN (times[i], ms);
        }

      clear_frame_job (&job);
    }

  qsort (times, 2 * steps, sizeof (double), compare_doubles);
  g_print ("| %s | %.2f ms | %.2f ms | %.2f ms |\n", name,
           times[steps], times[(guint) (2 * steps * 0.95)], times[2 * steps - 1]);
}

/* --- edit: one edit of 100 000 events, applied and drawn (issue #13) --- */

typedef enum
{
  EDIT_MOVE,
  EDIT_RETITLE,
  EDIT_ADD,
  EDIT_REMOVE,
  EDIT_UNDO_MOVE,
} EditKind;

typedef struct
{
  ChronicleDocument *document;
  ChronicleTimeline *timeline;   /* the whole one */
  FrameJob           frame;
  guint              n_axis;     /* axis rebuilds, as the view does on items-changed */
  gint64             axis_us;    /* and their time */
} EditJob;

/* What ChronicleTimelineView does on items-changed of the timeline it
 * shows: a new axis (zone and gaps), then a frame. */
static void
on_edit_items_changed_cb (ChronicleTimeline *timeline,
                          guint              position,
                          guint              removed,
                          guint              added,
                          EditJob           *job)
{
  gint64 start = get_time_us ();

  chronicle_viewport_set_zone (job->frame.viewport, timeline, CHRONICLE_ZONE_TIMELINE, 0);
  chronicle_viewport_set_timeline (job->frame.viewport, timeline, TRUE);
  /* set_timeline() fits the window: back to the view being edited. */
  chronicle_viewport_zoom (job->frame.viewport, 64, 960);
  job->n_axis++;
  job->axis_us += get_time_us () - start;
}

/* A copy of the event in the middle, for an edit. */
static ChronicleEvent *
copy_middle (EditJob *job)
{
  guint n = chronicle_timeline_get_n_events (job->timeline);

  return chronicle_event_copy (chronicle_timeline_get_event (job->timeline, n / 2));
}

/* Makes the edit @kind; returns what undoes it (undo or redo). */
static void
apply_edit (EditJob  *job,
            EditKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEvent) event = copy_middle (job);
  guint n = chronicle_timeline_get_n_events (job->timeline);
  g_autofree char *id = g_strdup (chronicle_event_get_id (event));
  g_autofree char *added = NULL;
  gboolean done = TRUE;

  switch (kind)
    {
    case EDIT_MOVE:
      /* To the date of an event a quarter of the timeline later: the
       * store moves 25 000 records. */
      chronicle_event_set_date (event, chronicle_timeline_get_event_date (job->timeline, 3 * n / 4));
      chronicle_event_set_end (event, NULL);
      done = chronicle_document_replace_event (job->document, id, event, "Move Event", &error);
      break;
    case EDIT_RETITLE:
      chronicle_event_set_title (event, g_str_has_suffix (chronicle_event_get_title (event), "!")
                                        ? "Retitled" : "Retitled!");
      done = chronicle_document_replace_event (job->document, id, event, NULL, &error);
      break;
    case EDIT_ADD:
      chronicle_event_set_id (event, "");
      added = chronicle_document_add_event (job->document, event, NULL, &error);
      done = added != NULL;
      break;
    case EDIT_REMOVE:
      done = chronicle_document_remove_event (job->document, id, &error);
      break;
    case EDIT_UNDO_MOVE:
      chronicle_document_undo (job->document);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!done)
    g_error ("edit failed: %s", error->message);
}

/* @runs edits of @kind (after a warm-up), each followed by its frame,
 * each taken back untimed; prints the medians of applying (with the
 * axis, as the view redoes it) and of the frame. */
static void
bench_edit (EditJob    *job,
            const char *name,
            EditKind    kind,
            guint       runs)
{
  g_autofree double *apply_times = g_new (double, runs);
  g_autofree double *frame_times = g_new (double, runs);
  g_autofree double *totals = g_new (double, runs);
  g_autofree double *axis_times = g_new (double, runs);
  guint axis_per_edit = 0;

  for (guint i = 0; i <= runs; i++)
    {
      gint64 start, applied, drawn, axis_us;
      guint n_axis = job->n_axis;

      /* "undo a move" needs the move made first, untimed. */
      if (kind == EDIT_UNDO_MOVE)
        {
          apply_edit (job, EDIT_MOVE);
          run_frame (&job->frame);
          n_axis = job->n_axis;
        }

      axis_us = job->axis_us;
      start = get_time_us ();
      apply_edit (job, kind);
      applied = get_time_us ();
      axis_us = job->axis_us - axis_us;
      run_frame (&job->frame);
      drawn = get_time_us ();
      axis_per_edit = job->n_axis - n_axis;

      if (kind == EDIT_UNDO_MOVE)
        chronicle_document_redo (job->document);
      chronicle_document_undo (job->document);
      run_frame (&job->frame);

      if (i == 0)
        continue;   /* warm-up */
      apply_times[i - 1] = (applied - start - axis_us) / 1000.0;
      axis_times[i - 1] = axis_us / 1000.0;
      frame_times[i - 1] = (drawn - applied) / 1000.0;
      totals[i - 1] = (drawn - start) / 1000.0;
    }

  qsort (apply_times, runs, sizeof (double), compare_doubles);
  qsort (frame_times, runs, sizeof (double), compare_doubles);
  qsort (totals, runs, sizeof (double), compare_doubles);
  qsort (axis_times, runs, sizeof (double), compare_doubles);
  g_print ("| %s | %.2f ms | %.2f ms (%u) | %.2f ms | %.2f ms |\n", name,
           report_min ? apply_times[0] : apply_times[runs / 2],
           report_min ? axis_times[0] : axis_times[runs / 2], axis_per_edit,
           report_min ? frame_times[0] : frame_times[runs / 2],
           report_min ? totals[0] : totals[runs / 2]);
}

static void
bench_edits (guint n_events,
             guint runs)
{
  g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (n_events, 1);
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  EditJob job = { document, timeline, { NULL }, 0 };
  static const struct {
    const char *name;
    EditKind    kind;
  } edits[] = {
    { "move an event (new date: remove + insert)", EDIT_MOVE },
    { "retitle an event (in place)", EDIT_RETITLE },
    { "add an event (mid-timeline)", EDIT_ADD },
    { "delete an event", EDIT_REMOVE },
    { "undo a move", EDIT_UNDO_MOVE },
  };

  chronicle_document_set_timeline (document, timeline);
  init_frame_job (&job.frame, timeline);
  chronicle_viewport_fit (job.frame.viewport);
  chronicle_viewport_zoom (job.frame.viewport, 64, 960);
  g_signal_connect (timeline, "items-changed", G_CALLBACK (on_edit_items_changed_cb), &job);
  run_frame (&job.frame);

  g_print ("\n| one edit of %u events (zoom ×64) | apply (store, history, selection) | new axis (times) | next frame | total |\n"
           "|---|---|---|---|---|\n", n_events);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    bench_edit (&job, edits[i].name, edits[i].kind, runs);

  /* With a filter on, the view shows the filtered timeline, which each
   * edit patches in place as it does the whole one. */
  chronicle_filter_set_category_hidden (chronicle_document_get_filter (document), "diplomacy", TRUE);
  g_signal_handlers_disconnect_by_func (timeline, on_edit_items_changed_cb, &job);
  job.frame.timeline = chronicle_document_get_filtered_timeline (document);
  g_signal_connect (job.frame.timeline, "items-changed", G_CALLBACK (on_edit_items_changed_cb), &job);
  on_edit_items_changed_cb (job.frame.timeline, 0, 0, 0, &job);
  {
    g_autofree char *name = g_strdup_printf ("move an event, one category hidden (%u shown)",
                                             chronicle_timeline_get_n_events (job.frame.timeline));

    bench_edit (&job, name, EDIT_MOVE, runs);
  }
  g_assert_true (job.frame.timeline == chronicle_document_get_filtered_timeline (document));
  g_signal_handlers_disconnect_by_func (job.frame.timeline, on_edit_items_changed_cb, &job);

  job.frame.timeline = timeline;
  clear_frame_job (&job.frame);

  /* What an export costs the main thread before its worker starts: the
   * snapshot it reads instead of the timeline an edit may change. */
  {
    g_autofree double *times = g_new (double, runs);

    for (guint r = 0; r < runs; r++)
      {
        gint64 start = g_get_monotonic_time ();
        g_autoptr(ChronicleTimeline) snapshot = chronicle_timeline_snapshot (timeline);

        times[r] = (g_get_monotonic_time () - start) / 1000.0;
      }
    qsort (times, runs, sizeof (double), compare_doubles);
    g_print ("\n| snapshot for an export of %u events | %.2f ms |\n|---|---|\n", n_events, times[runs / 2]);
  }
}

typedef struct
{
  ChronicleTimeline *timeline;
  char              *name;
  char              *path;   /* --file: where it was read from */
} Subject;

#define REDRAW_TABLE   "one frame, redrawn (layout + paint + highlight)"
#define NEW_VIEW_TABLE "first frame of a view never shown (titles not shaped yet)"
#define START_TABLE    "first frame after start (nothing kept)"

/* A row of frame times per timeline, each run after @prepare. */
static void
frame_table (const char    *title,
             const Subject *subjects,
             guint          n_subjects,
             BenchFunc      prepare,
             guint          runs)
{
  g_print ("\n| %s | fitted | zoom ×8 | zoom ×64 | zoom ×4096 |\n|---|---|---|---|---|\n", title);
  for (guint i = 0; i < n_subjects; i++)
    bench_frames (subjects[i].timeline, subjects[i].name, prepare, runs);
}

static void
animation_table (const Subject *subjects,
                 guint          n_subjects,
                 guint          runs)
{
  g_print ("\n| zoom ×4096 in 240 steps, then 240 pans | median frame | 95th percentile | slowest |\n"
           "|---|---|---|---|\n");
  for (guint i = 0; i < n_subjects; i++)
    bench_animation (subjects[i].timeline, subjects[i].name, runs);
}

static gboolean
want (char       **sections,
      const char  *name)
{
  return sections[0] == NULL || g_strv_contains ((const char * const *) sections, name);
}

/* A timeline of one's own (--file): loaded once, shown by its file name. */
static Subject
load_subject (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_file_get_basename (file);
  Subject subject;

  subject.timeline = chronicle_timeline_load_from_file (file, NULL, NULL, &error);
  if (subject.timeline == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      exit (1);
    }
  subject.name = g_strdup_printf ("%s (%u events)", base, chronicle_timeline_get_n_events (subject.timeline));
  subject.path = g_file_get_path (file);

  return subject;
}

static void
clear_subject (Subject *subject)
{
  g_clear_object (&subject->timeline);
  g_clear_pointer (&subject->name, g_free);
  g_clear_pointer (&subject->path, g_free);
}

static void
bench_load (const char *name,
            char       *data,
            gsize       length,
            guint       runs)
{
  LoadJob load = { data, length };

  g_print ("| %s (%.1f MB JSON) | %.0f ms |\n", name, length / 1e6, measure (run_load, &load, runs));
}

/* Opens @path to its first frame, without GTK. */
static void
bench_open (const char *name,
            const char *path,
            guint       runs)
{
  OpenJob open = { NULL };
  g_autoptr(GFileInfo) info = NULL;
  double total;

  open.file = g_file_new_for_path (path);
  open.load_ms = g_array_new (FALSE, FALSE, sizeof (double));
  open.frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  info = g_file_query_info (open.file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  total = measure (run_open, &open, runs);
  g_print ("| %s (%.1f MB file) | %.0f ms | %.1f ms | %.0f ms |\n", name,
           info != NULL ? g_file_info_get_size (info) / 1e6 : 0.0,
           get_median (open.load_ms), get_median (open.frame_ms), total);
  g_array_unref (open.load_ms);
  g_array_unref (open.frame_ms);
  g_object_unref (open.file);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) example_file = NULL;
  g_autoptr(ChronicleTimeline) example = NULL;
  g_autoptr(ChronicleTimeline) ten_k = NULL;
  g_autoptr(ChronicleTimeline) hundred_k = NULL;
  g_autofree char *example_path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GArray) subjects = g_array_new (FALSE, TRUE, sizeof (Subject));
  g_autoptr(GArray) large = g_array_new (FALSE, TRUE, sizeof (Subject));
  g_autoptr(GArray) own = g_array_new (FALSE, TRUE, sizeof (Subject));
  gboolean files_only = FALSE;
  guint runs = 9;

  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--quick"))
        runs = 3;
      else if (g_str_equal (argv[i], "--cpu"))
        use_cpu_clock = TRUE;
      else if (g_str_equal (argv[i], "--min"))
        report_min = TRUE;
      else if (g_str_equal (argv[i], "--files-only"))
        files_only = TRUE;
      else if (g_str_equal (argv[i], "--png") && i + 1 < argc)
        png_dir = argv[++i];
      else if (g_str_equal (argv[i], "--file") && i + 1 < argc)
        g_ptr_array_add (paths, argv[++i]);
      else if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          runs = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
          runs = MAX (runs, 1);
        }
      else if (g_strv_contains ((const char * const[]) { "export", "frame", "redraw", "cold", "zoom", "load", "collide", "open", "credit", "edit", NULL }, argv[i]))
        g_ptr_array_add (sections, argv[i]);
      else
        {
          g_printerr ("usage: %s [--quick] [--runs N] [--min] [--cpu] [--png DIR] [--file FILE]... [--files-only]\n"
                      "          [export|frame|redraw|cold|zoom|load|collide|open|credit|edit]...\n", argv[0]);
          return 2;
        }
    }
  g_ptr_array_add (sections, NULL);
  if (files_only && paths->len == 0)
    {
      g_printerr ("%s: --files-only needs a --file\n", argv[0]);
      return 2;
    }

  for (guint i = 0; i < paths->len; i++)
    {
      Subject subject = load_subject (g_ptr_array_index (paths, i));

      g_array_append_val (own, subject);
    }

  if (!files_only)
    {
      example_path = g_build_filename (SOURCE_ROOT, "data", "examples", "istanbul-talks-2025.json", NULL);
      example_file = g_file_new_for_path (example_path);
      example = chronicle_timeline_load_from_file (example_file, NULL, NULL, &error);
      if (example == NULL)
        g_error ("%s", error->message);

      ten_k = chronicle_test_generate_timeline (10000, 1);
      hundred_k = chronicle_test_generate_timeline (100000, 1);

      {
        const Subject all[] = { { example, (char *) "example" },
                                { ten_k, (char *) "10 000 events" },
                                { hundred_k, (char *) "100 000 events" } };

        g_array_append_vals (subjects, all, G_N_ELEMENTS (all));
        g_array_append_val (large, all[2]);
      }
    }
  g_array_append_vals (subjects, own->data, own->len);
  g_array_append_vals (large, own->data, own->len);

  dir = g_dir_make_tmp ("chronicle-bench-XXXXXX", &error);
  g_assert_no_error (error);

  g_print ("%s of %u runs (fewer for 100 000-event exports, loads and opens), 1920×1080, light theme.\n",
           report_min ? "Fastest" : "Medians", runs);

  if (want ((char **) sections->pdata, "export"))
    {
      g_print ("\n| export (title, legend, credit) | PNG | SVG | PDF |\n|---|---|---|---|\n");
      if (!files_only)
        {
          bench_exports (example, "example (11 events)", dir, runs);
          bench_exports (ten_k, "10 000 events", dir, runs);
          bench_exports (hundred_k, "100 000 events", dir, MAX (3, runs / 3));
        }
      for (guint i = 0; i < own->len; i++)
        bench_exports (g_array_index (own, Subject, i).timeline, g_array_index (own, Subject, i).name,
                       dir, MAX (3, runs / 3));
    }

  if (!files_only && want ((char **) sections->pdata, "credit"))
    {
      g_autoptr(ChronicleTimeline) many = make_many_publishers (100000);
      ExportJob job = { many, { 0 }, NULL };
      g_autofree char *path = g_build_filename (dir, "bench-credit.png", NULL);

      chronicle_export_options_init (&job.options);
      job.file = g_file_new_for_path (path);
      g_print ("\n| credit line of 100 000 publishers | median |\n|---|---|\n");
      g_print ("| chronicle_export_build_credit() | %.1f ms |\n", measure (run_credit, many, runs));
      g_print ("| PNG export with it | %.1f ms |\n", measure (run_export, &job, MAX (3, runs / 3)));
      g_file_delete (job.file, NULL, NULL);
      g_object_unref (job.file);
    }

  if (want ((char **) sections->pdata, "frame"))
    {
      const Subject *all = (const Subject *) (gpointer) subjects->data;

      frame_table (REDRAW_TABLE, all, subjects->len, NULL, runs);
      frame_table (NEW_VIEW_TABLE, all, subjects->len, forget_titles, runs);
      frame_table (START_TABLE, all, subjects->len, forget_everything, runs);
      animation_table (all, subjects->len, runs);
    }

  /* not part of "all": frame has them, for 100 000 events and the files */
  if (sections->len > 1 && want ((char **) sections->pdata, "redraw"))
    frame_table (REDRAW_TABLE, (const Subject *) (gpointer) large->data, large->len, NULL, runs);
  if (sections->len > 1 && want ((char **) sections->pdata, "cold"))
    {
      frame_table (NEW_VIEW_TABLE, (const Subject *) (gpointer) large->data, large->len, forget_titles, runs);
      frame_table (START_TABLE, (const Subject *) (gpointer) large->data, large->len, forget_everything, runs);
    }
  if (sections->len > 1 && want ((char **) sections->pdata, "zoom"))
    animation_table ((const Subject *) (gpointer) large->data, large->len, runs);

  if (want ((char **) sections->pdata, "load"))
    {
      g_print ("\n| load from memory (parse + validate + sort) | median |\n|---|---|\n");
      if (!files_only)
        {
          gsize length;
          g_autofree char *data = chronicle_timeline_to_data (hundred_k, &length);

          bench_load ("100 000 events", data, length, MAX (3, runs / 3));
        }
      for (guint i = 0; i < own->len; i++)
        {
          const Subject *subject = &g_array_index (own, Subject, i);
          g_autofree char *data = NULL;
          gsize length;

          if (!g_file_get_contents (subject->path, &data, &length, &error))
            g_error ("%s", error->message);
          bench_load (subject->name, data, length, MAX (3, runs / 3));
        }
    }

  /* not part of "all": minutes with a loader that hashes ids with g_str_hash */
  if (sections->len > 1 && want ((char **) sections->pdata, "collide"))
    {
      LoadJob load = { NULL, 0 };

      load.data = build_colliding_document (100000, &load.length);
      g_print ("\n| load from memory, hostile ids | median |\n|---|---|\n");
      g_print ("| 100 000 events with ids colliding under g_str_hash (%.1f MB JSON) | %.0f ms |\n",
               load.length / 1e6, measure (run_load, &load, MAX (3, runs / 3)));
      g_free (load.data);
    }

  if (want ((char **) sections->pdata, "open"))
    {
      g_print ("\n| open file to first frame (medians) | read + load | first frame | total |\n|---|---|---|---|\n");
      if (!files_only)
        {
          g_autofree char *path = g_build_filename (dir, "bench-100k.json", NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);

          if (!chronicle_timeline_save_to_file (hundred_k, file, NULL, &error))
            g_error ("%s", error->message);
          bench_open ("100 000 events", path, MAX (3, runs / 3));
          g_file_delete (file, NULL, NULL);
        }
      for (guint i = 0; i < own->len; i++)
        bench_open (g_array_index (own, Subject, i).name, g_array_index (own, Subject, i).path,
                    MAX (3, runs / 3));
    }

  if (!files_only && want ((char **) sections->pdata, "edit"))
    bench_edits (100000, runs);

  for (guint i = 0; i < own->len; i++)
    clear_subject (&g_array_index (own, Subject, i));
  g_rmdir (dir);
  return 0;
}
