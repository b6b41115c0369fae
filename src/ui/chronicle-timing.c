/* chronicle-timing.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timing"
/* RUSAGE_THREAD */
#define _GNU_SOURCE

#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "chronicle-timeline-page.h"
#include "chronicle-timing-private.h"

/* What one watched page has reached; one page per process is watched
 * (the first file opened), so this is static. */
typedef struct
{
  gboolean  painted;      /* any frame of the window */
  gboolean  has_chart;    /* the page has a timeline (a preview or the whole) */
  gboolean  chart_painted;
  gboolean  loaded;       /* the whole */
  gboolean  done;
  gint64    last_tick;
  gint64    max_gap;      /* longest main loop stall from the first frame on, µs */
  guint     n_frames;     /* painted until the whole's first */
  guint     tick;
} Watch;

static Watch watch;

gboolean
chronicle_timing_enabled (void)
{
  static int enabled = -1;

  if (enabled < 0)
    enabled = g_strcmp0 (g_getenv ("CHRONICLE_TIMING"), "1") == 0;

  return enabled;
}

static gint64
cpu_us (int who)
{
  struct rusage usage;

  if (getrusage (who, &usage) != 0)
    return -1;

  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_GINT64_CONSTANT (1000000) +
         usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* The time, then the CPU time of the process (all threads: the loader's
 * too) and of the calling thread (the main thread: marks are made there)
 * until then, in µs. On a loaded machine the CPU times say more than the
 * time. */
void
chronicle_timing_mark (const char *name)
{
  gint64 now;

  if (!chronicle_timing_enabled ())
    return;

  now = g_get_monotonic_time ();
  /* stdio, not g_printerr(): no conversion to the locale's charset. */
  fprintf (stderr, "chronicle-timing: %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           name, now, cpu_us (RUSAGE_SELF), cpu_us (RUSAGE_THREAD));
  fflush (stderr);
}

/* Every 5 ms, as chronicle-benchmark-ui measures a page: the longest the
 * main loop could not answer input or draw. */
static gboolean
on_tick_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (watch.last_tick != 0)
    watch.max_gap = MAX (watch.max_gap, now - watch.last_tick);
  watch.last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  if (watch.done)
    return;

  watch.n_frames++;
  if (!watch.painted)
    {
      watch.painted = TRUE;
      chronicle_timing_mark ("first-frame");
      watch.tick = g_timeout_add (5, on_tick_cb, NULL);
    }
  if (watch.has_chart && !watch.chart_painted)
    {
      watch.chart_painted = TRUE;
      chronicle_timing_mark ("chart-frame");
    }
  if (watch.loaded)
    {
      watch.done = TRUE;
      chronicle_timing_mark ("loaded-frame");
      if (chronicle_timing_enabled ())
        {
          /* How often the window was drawn: an animation while loading
           * draws it at the frame rate. */
          fprintf (stderr, "chronicle-timing: frames %u\n", watch.n_frames);
          fprintf (stderr, "chronicle-timing: longest-stall %" G_GINT64_FORMAT "\n", watch.max_gap);
          fflush (stderr);
        }
      g_clear_handle_id (&watch.tick, g_source_remove);
    }
}

static void
on_page_realize_cb (GtkWidget *page)
{
  g_signal_connect (gtk_widget_get_frame_clock (page), "after-paint",
                    G_CALLBACK (on_after_paint_cb), NULL);
}

static void
on_page_timeline_cb (GtkWidget *page)
{
  if (!watch.has_chart && chronicle_timeline_page_get_timeline (CHRONICLE_TIMELINE_PAGE (page)) != NULL)
    {
      watch.has_chart = TRUE;
      chronicle_timing_mark ("chart");
    }
}

static void
on_page_loaded_cb (GtkWidget *page)
{
  watch.loaded = TRUE;
  chronicle_timing_mark ("loaded");
}

/* The first chart frame painted (of a preview or of the whole), and the
 * first of the whole; the frames of @page's window, after the page has a
 * timeline. */
void
chronicle_timing_watch_page (GtkWidget *page)
{
  static gboolean watching;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (page));

  if (!chronicle_timing_enabled () || watching)
    return;

  watching = TRUE;
  if (gtk_widget_get_realized (page))
    on_page_realize_cb (page);
  else
    g_signal_connect (page, "realize", G_CALLBACK (on_page_realize_cb), NULL);
  g_signal_connect (page, "notify::timeline", G_CALLBACK (on_page_timeline_cb), NULL);
  g_signal_connect (page, "loaded", G_CALLBACK (on_page_loaded_cb), NULL);
  on_page_timeline_cb (page);
}
