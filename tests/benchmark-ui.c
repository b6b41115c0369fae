/* benchmark-ui.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Opens a generated 100 000-event file in the real timeline page (the
 * widget a tab holds: loading page with progress, then chart, overview and
 * sidebar) in a 1920×1080 window, and measures what a user waits for:
 * until the page has the timeline, until the first frame with it is
 * painted, and the longest the main loop went without running while the
 * file loaded (the window stays responsive when that is short), then
 * how long selecting the next event takes to show, and what each frame of
 * an animated zoom costs the main thread. Needs a display (xvfb-run);
 * prints medians of a few opens. Then the hostile files of issue #10
 * (chronicle-test-util.h): each is opened, its event selected, its
 * warnings listed, and it is reloaded, and the longest main loop stall of
 * each step is reported. Not a test.
 *
 *   xvfb-run -a -s "-screen 0 1920x1080x24" _build/tests/chronicle-benchmark-ui [--runs N]
 *            [--file FILE]... [--files-only] [--hostile-only] [--no-preview]
 *   xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- \
 *            _build/tests/chronicle-benchmark-ui --launch [--app PATH] [--runs N] --file FILE
 *
 * --launch starts the app itself (`chronicle FILE`, the build's binary or
 * --app PATH) with CHRONICLE_TIMING=1, which prints its milestones
 * (chronicle-timing-private.h), and times them from the spawn: start-up,
 * the window, the first chart frame and the whole's, the app's longest
 * main loop stall and the CPU it used; then ends it. Each run has its own
 * empty configuration and data directories, with a 1920×1080 window.
 *
 * --file FILE (repeatable) opens one's own timeline the same way, after the
 * generated one (or instead of it, and of the hostile files, with
 * --files-only). --no-preview opens large files without drawing the events
 * loaded so far while the rest loads (issue #12), to compare.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "chronicle-document.h"
#include "chronicle-sidebar.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-view.h"
#include "chronicle-timeline-loader-private.h"
#include "chronicle-timeline-writer.h"

typedef struct
{
  gint64   start;
  gint64   loaded;       /* 0 until the page has the timeline */
  gint64   first_frame;  /* 0 until a frame is painted after that */
  gint64   shown;        /* 0 until the page has a timeline, whole or a preview */
  gint64   first_chart;  /* 0 until a frame is painted after that */
  gint64   last_tick;
  gint64   max_gap;      /* longest main loop stall while loading, µs */
  gint64   max_gap_all;  /* the same until the first frame */
  guint    n_progress;   /* progress bar changes seen */
  double   last_fraction;
  GtkWidget *page;
  GArray  *select_ms;    /* double: selecting the next event, to its frame */
  GArray  *zoom_ms;      /* double: frames of animated zooms, before-paint to after-paint */
  gint64   frame_start;  /* of the frame being painted, 0 between frames */
} OpenRun;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Every 5 ms while loading: how late is the main loop? */
static gboolean
on_tick_cb (gpointer user_data)
{
  OpenRun *run = user_data;
  gint64 now = g_get_monotonic_time ();

  if (run->last_tick != 0 && run->loaded == 0)
    run->max_gap = MAX (run->max_gap, now - run->last_tick);
  if (run->last_tick != 0)
    run->max_gap_all = MAX (run->max_gap_all, now - run->last_tick);
  run->last_tick = now;

  return run->first_frame == 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_loaded_cb (GtkWidget *page,
              gpointer   user_data)
{
  OpenRun *run = user_data;

  run->loaded = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  OpenRun *run = user_data;

  if (run->shown != 0 && run->first_chart == 0)
    run->first_chart = g_get_monotonic_time ();
  if (run->loaded != 0 && run->first_frame == 0)
    run->first_frame = g_get_monotonic_time ();
}

/* The document has a timeline: the chart shows it from the next frame
 * (a preview of a large file, issue #12, or the whole). */
static void
on_timeline_cb (ChronicleDocument *document,
                GParamSpec        *pspec,
                gpointer           user_data)
{
  OpenRun *run = user_data;

  if (run->shown == 0 && chronicle_document_get_timeline (document) != NULL)
    run->shown = g_get_monotonic_time ();
}

static void
on_zoom_before_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  OpenRun *run = user_data;

  run->frame_start = g_get_monotonic_time ();
}

static void
on_zoom_after_paint_cb (GdkFrameClock *clock,
                        gpointer       user_data)
{
  OpenRun *run = user_data;
  double ms;

  if (run->frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - run->frame_start) / 1000.0;
  g_array_append_val (run->zoom_ms, ms);
  run->frame_start = 0;
}

/* Zooming as the + and - keys do, each step animated: twelve steps in
 * (×4096), twelve out, each until the view stops moving. Every frame of
 * it is timed from the frame clock's before-paint to its after-paint: the
 * main thread's work for the frame (layout, our paint, GTK's rendering). */
static void
zoom_through (GdkFrameClock *clock,
              OpenRun       *run)
{
  ChronicleTimelineView *view = chronicle_timeline_page_get_timeline_view (CHRONICLE_TIMELINE_PAGE (run->page));
  gulong before, after;

  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_zoom_before_paint_cb), run);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_zoom_after_paint_cb), run);
  for (guint i = 0; i < 24; i++)
    {
      chronicle_timeline_view_zoom (view, i < 12 ? 2.0 : 0.5);
      while (chronicle_timeline_view_is_moving (view))
        g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
}

/* The loading page's progress bar, found by type. */
static GtkProgressBar *
find_progress_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return GTK_PROGRESS_BAR (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkProgressBar *bar = find_progress_bar (child);

      if (bar != NULL)
        return bar;
    }

  return NULL;
}

static void
on_fraction_notify_cb (GObject    *bar,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  OpenRun *run = user_data;
  double fraction = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));

  if (fraction != run->last_fraction)
    run->n_progress++;
  run->last_fraction = fraction;
}

static void
open_once (GFile   *file,
           OpenRun *run)
{
  GtkWidget *window = gtk_window_new ();
  GtkProgressBar *bar;
  GdkFrameClock *clock;
  gulong paint_handler;
  gint64 opened;

  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  run->page = chronicle_timeline_page_new ();
  gtk_window_set_child (GTK_WINDOW (window), run->page);
  gtk_window_present (GTK_WINDOW (window));

  /* Settle: mapped, first empty frame painted. */
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);

  clock = gtk_widget_get_frame_clock (window);
  paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), run);
  g_signal_connect (run->page, "loaded", G_CALLBACK (on_loaded_cb), run);
  g_signal_connect (chronicle_timeline_page_get_document (CHRONICLE_TIMELINE_PAGE (run->page)), "notify::timeline",
                    G_CALLBACK (on_timeline_cb), run);
  bar = find_progress_bar (run->page);
  if (bar != NULL)
    g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction_notify_cb), run);

  run->start = g_get_monotonic_time ();
  g_timeout_add (5, on_tick_cb, run);
  chronicle_timeline_page_load_file (CHRONICLE_TIMELINE_PAGE (run->page), file);

  while (run->first_frame == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () - run->start > 60 * G_USEC_PER_SEC)
        g_error ("no frame within a minute");
    }

  g_signal_handler_disconnect (clock, paint_handler);
  opened = run->first_frame;

  /* Clicking through: the next event (as Right does), then its frame. */
  for (guint i = 0; i < 20; i++)
    {
      ChronicleTimelineView *view = chronicle_timeline_page_get_timeline_view (CHRONICLE_TIMELINE_PAGE (run->page));
      gint64 start = g_get_monotonic_time ();
      double ms;

      run->first_frame = 0;
      paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), run);
      chronicle_timeline_view_select_adjacent (view, 1);
      while (run->first_frame == 0)
        g_main_context_iteration (NULL, TRUE);
      g_signal_handler_disconnect (clock, paint_handler);
      ms = (run->first_frame - start) / 1000.0;
      g_array_append_val (run->select_ms, ms);
    }
  run->first_frame = opened;

  zoom_through (clock, run);

  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Hostile files: the longest main loop stall of each step */

typedef struct
{
  gint64 last_tick;
  gint64 max_gap;   /* µs */
  gint64 painted;   /* time of the last after-paint */
} Stalls;

/* Every 5 ms: how late is the main loop? The gap between two runs is the
 * longest the window could not answer (input, redraw) in that time. */
static gboolean
on_stall_tick_cb (gpointer user_data)
{
  Stalls *stalls = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stalls->last_tick != 0)
    stalls->max_gap = MAX (stalls->max_gap, now - stalls->last_tick);
  stalls->last_tick = now;

  return G_SOURCE_CONTINUE;
}

static void
on_stall_after_paint_cb (GdkFrameClock *clock,
                         gpointer       user_data)
{
  Stalls *stalls = user_data;

  stalls->painted = g_get_monotonic_time ();
}

static void
stalls_reset (Stalls *stalls)
{
  stalls->last_tick = g_get_monotonic_time ();
  stalls->max_gap = 0;
  stalls->painted = 0;
}

/* Until a frame is painted after @since, and then a little longer. */
static void
wait_painted (GtkWidget *window,
              Stalls    *stalls,
              gint64     since)
{
  gtk_widget_queue_draw (window);
  while (stalls->painted <= since)
    {
      g_main_context_iteration (NULL, TRUE);
      if (g_get_monotonic_time () - since > 600 * G_USEC_PER_SEC)
        g_error ("no frame within ten minutes");
    }
  for (gint64 end = g_get_monotonic_time () + 100000; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
}

static void
on_page_title_cb (GtkWidget  *page,
                  GParamSpec *pspec,
                  GtkWindow  *window)
{
  /* As ChronicleWindow does: the X window's name. */
  gtk_window_set_title (window, chronicle_timeline_page_get_title (CHRONICLE_TIMELINE_PAGE (page)));
}

typedef struct
{
  const char *label;
  char     *(*make) (void);
  const char *event_id;
} HostileFile;

static void
run_hostile (const HostileFile *hostile,
             const char        *dir)
{
  g_autofree char *contents = hostile->make ();
  g_autofree char *path = g_build_filename (dir, "hostile.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page = chronicle_timeline_page_new ();
  ChronicleTimelinePage *tpage = CHRONICLE_TIMELINE_PAGE (page);
  ChronicleTimeline *old;
  Stalls stalls = { 0, };
  double open_ms, select_ms, edit_ms, list_ms = -1, reload_ms;
  GdkFrameClock *clock;
  guint tick;
  gint64 start;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), page);
  g_signal_connect (page, "notify::title", G_CALLBACK (on_page_title_cb), window);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_stall_after_paint_cb), &stalls);
  tick = g_timeout_add (5, on_stall_tick_cb, &stalls);

  /* Open: until the chart is painted. */
  stalls_reset (&stalls);
  start = g_get_monotonic_time ();
  chronicle_timeline_page_load_file (tpage, file);
  while (chronicle_timeline_page_get_timeline (tpage) == NULL)
    g_main_context_iteration (NULL, TRUE);
  wait_painted (window, &stalls, start);
  open_ms = stalls.max_gap / 1000.0;

  /* Select the event: the sidebar shows it. */
  stalls_reset (&stalls);
  start = g_get_monotonic_time ();
  chronicle_timeline_view_set_selected_event (chronicle_timeline_page_get_timeline_view (tpage),
                                              chronicle_timeline_lookup_event (chronicle_timeline_page_get_timeline (tpage),
                                                                               hostile->event_id));
  wait_painted (window, &stalls, start);
  select_ms = stalls.max_gap / 1000.0;

  /* The editor opened on it (issue #13), until painted. */
  stalls_reset (&stalls);
  start = g_get_monotonic_time ();
  chronicle_timeline_page_set_show_sidebar (tpage, TRUE);
  g_assert_true (chronicle_sidebar_edit (chronicle_timeline_page_get_sidebar (tpage)));
  wait_painted (window, &stalls, start);
  edit_ms = stalls.max_gap / 1000.0;
  chronicle_event_editor_cancel (chronicle_sidebar_get_editor (chronicle_timeline_page_get_sidebar (tpage)));
  wait_painted (window, &stalls, g_get_monotonic_time ());

  /* Every warning, listed. */
  if (chronicle_timeline_page_get_warnings (tpage) != NULL && chronicle_timeline_page_get_warnings (tpage)[0] != NULL)
    {
      GtkWidget *dialog;
      GdkFrameClock *dialog_clock;
      Stalls dialog_stalls = { 0, };

      stalls_reset (&stalls);
      start = g_get_monotonic_time ();
      dialog = chronicle_timeline_page_show_all_warnings (tpage);
      while (!gtk_widget_get_mapped (dialog))
        g_main_context_iteration (NULL, TRUE);
      dialog_clock = gtk_widget_get_frame_clock (dialog);
      g_signal_connect (dialog_clock, "after-paint", G_CALLBACK (on_stall_after_paint_cb), &dialog_stalls);
      wait_painted (dialog, &dialog_stalls, start);
      list_ms = stalls.max_gap / 1000.0;
      g_signal_handlers_disconnect_by_data (dialog_clock, &dialog_stalls);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* Live reload: the file rewritten, until the new timeline is painted. */
  old = g_object_ref (chronicle_timeline_page_get_timeline (tpage));
  stalls_reset (&stalls);
  start = g_get_monotonic_time ();
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  while (chronicle_timeline_page_get_timeline (tpage) == old || chronicle_timeline_page_get_loading (tpage))
    g_main_context_iteration (NULL, TRUE);
  wait_painted (window, &stalls, start);
  reload_ms = stalls.max_gap / 1000.0;
  g_object_unref (old);

  g_source_remove (tick);
  g_signal_handlers_disconnect_by_data (clock, &stalls);
  gtk_window_destroy (GTK_WINDOW (window));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_unlink (path);

  if (list_ms >= 0)
    g_print ("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms |\n", hostile->label, open_ms, select_ms, edit_ms,
             list_ms, reload_ms);
  else
    g_print ("| %s | %.0f ms | %.0f ms | %.0f ms | — | %.0f ms |\n", hostile->label, open_ms, select_ms, edit_ms,
             reload_ms);
}

/* Baselines: the bundled example, and a file with a few warnings. */
static char *
make_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_ROOT, "data", "examples", "istanbul-talks-2025.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static char *
make_few_warnings (void)
{
  return g_strdup ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Few\", \"events\": ["
                   "{\"id\": \"e1\", \"date\": \"2022-03-01\", \"title\": \"A\", \"category\": \"nope\"},"
                   "{\"id\": \"e2\", \"date\": \"2022-03-02\", \"title\": \"B\", \"category\": \"nope\"},"
                   "{\"id\": \"e3\", \"date\": \"2022-03-03\", \"title\": \"C\", \"category\": \"nope\"},"
                   "{\"id\": \"e4\", \"date\": \"2022-03-04\", \"title\": \"D\", \"category\": \"nope\"}]}\n");
}

static void
run_hostile_files (void)
{
  static const HostileFile files[] = {
    { "baseline: the example, 11 events", make_example, "rubio-assessment" },
    { "baseline: 4 warnings", make_few_warnings, "e1" },
    { "16 MB title", chronicle_test_make_huge_title, "e1" },
    { "100 000 warnings", chronicle_test_make_many_warnings, "e5" },
    { "100 000 quotes on one event", chronicle_test_make_many_quotes, "e1" },
    { "10 MB URL, 1 MB summary", chronicle_test_make_huge_url, "e1" },
    { "1 MB title of words", chronicle_test_make_long_titles, "words" },
    { "1 MB title and quote without spaces", chronicle_test_make_long_titles, "nospace" },
    { "bidi overrides, bad links", chronicle_test_make_bidi_and_links, "e1" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chronicle-bench-hostile-XXXXXX", &error);

  g_assert_no_error (error);
  g_print ("\nHostile files (issue #10) in a 1920×1080 window: the longest main loop stall (the longest gap\n"
           "between runs of a 5 ms timer) while each step runs until its frame is painted.\n\n"
           "| file | open | select its event | open the editor | Show All warnings | live reload |\n"
           "|---|---|---|---|---|---|\n");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    run_hostile (&files[i], dir);
  g_rmdir (dir);
}

/* From `chronicle FILE` to the first chart frame (issue #12) */

/* The milestones the app prints (chronicle-timing-private.h), in order;
 * "longest-stall" is a duration, "frames" a count, the rest times. */
static const char * const launch_marks[] = {
  "main", "startup", "startup-done", "window", "load", "presented", "first-frame",
  "chart", "chart-frame", "loaded", "loaded-frame", "frames", "longest-stall",
};
#define N_LAUNCH_MARKS G_N_ELEMENTS (launch_marks)

/* A private home for one run: empty data and state (no recent files, no
 * recovery, no tabs to restore), and settings in a key file that give the
 * window 1920×1080, as the page in the benchmark above has. */
static char **
launch_environment (const char *home)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *state = g_build_filename (home, "state", NULL);
  char **env = g_get_environ ();

  g_mkdir_with_parents (settings_dir, 0700);
  g_mkdir_with_parents (data, 0700);
  g_mkdir_with_parents (state, 0700);
  if (!g_file_set_contents (keyfile,
                            "[io/github/chronicle_app/Chronicle]\nwindow-width=1920\nwindow-height=1080\n",
                            -1, &error))
    g_error ("%s", error->message);

  env = g_environ_setenv (env, "CHRONICLE_TIMING", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", state, TRUE);

  return env;
}

/* What one launch reached: each milestone's time from the spawn, and the
 * CPU time of the process and of its main thread until then, in µs (-1
 * for those not seen); the stall is a duration. */
typedef struct
{
  gint64 time[N_LAUNCH_MARKS];
  gint64 cpu[N_LAUNCH_MARKS];
  gint64 main_cpu[N_LAUNCH_MARKS];
} LaunchMarks;

/* One line of the app's stderr: a milestone into @marks; other lines are
 * passed on. Returns whether it was the last milestone. */
static gboolean
parse_launch_line (const char  *line,
                   gint64       spawned,
                   LaunchMarks *marks)
{
  static const char prefix[] = "chronicle-timing: ";
  g_auto(GStrv) words = NULL;

  if (!g_str_has_prefix (line, prefix))
    {
      g_printerr ("app: %s", line);
      return FALSE;
    }

  words = g_strsplit (line + strlen (prefix), " ", 4);
  if (g_strv_length (words) < 2)
    return FALSE;
  for (guint i = 0; i < N_LAUNCH_MARKS; i++)
    if (g_str_equal (words[0], launch_marks[i]))
      {
        gint64 value = g_ascii_strtoll (words[1], NULL, 10);

        /* Not times: a duration, a count. */
        if (g_str_equal (words[0], "frames"))
          {
            marks->time[i] = value * 1000;
            return FALSE;
          }
        if (g_str_equal (words[0], "longest-stall"))
          {
            marks->time[i] = value;
            return TRUE;
          }
        marks->time[i] = value - spawned;
        if (g_strv_length (words) == 4)
          {
            marks->cpu[i] = g_ascii_strtoll (words[2], NULL, 10);
            marks->main_cpu[i] = g_ascii_strtoll (words[3], NULL, 10);
          }
        return FALSE;
      }

  return FALSE;
}

/* The private home: the settings, and what the app may have written. */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

/* Spawns @app on @path and reads its milestones until the whole's first
 * frame (or two minutes), then ends it. */
static void
launch_once (const char  *app,
             const char  *path,
             LaunchMarks *marks)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("chronicle-bench-launch-XXXXXX", &error);
  g_auto(GStrv) env = NULL;
  const char *argv[] = { app, path, NULL };
  g_autofree char *line = NULL;
  size_t line_size = 0;
  gint64 spawned, deadline;
  GPid pid;
  int err_fd, status;
  FILE *err;
  gboolean done = FALSE;

  g_assert_no_error (error);
  env = launch_environment (home);
  for (guint i = 0; i < N_LAUNCH_MARKS; i++)
    marks->time[i] = marks->cpu[i] = marks->main_cpu[i] = -1;

  spawned = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, NULL, &err_fd, &error))
    g_error ("%s: %s", app, error->message);

  /* Unbuffered: poll() answers for the pipe, not for a buffer of lines
   * read ahead. */
  err = fdopen (err_fd, "r");
  setvbuf (err, NULL, _IONBF, 0);
  deadline = spawned + 120 * G_USEC_PER_SEC;
  while (!done)
    {
      struct pollfd fds = { err_fd, POLLIN, 0 };
      gint64 left = deadline - g_get_monotonic_time ();

      if (left <= 0 || poll (&fds, 1, (int) (left / 1000)) <= 0)
        {
          g_printerr ("%s: no first frame of the whole timeline within two minutes\n", app);
          break;
        }
      if (getline (&line, &line_size, err) < 0)
        {
          g_printerr ("%s: ended before the first frame of the whole timeline\n", app);
          break;
        }
      done = parse_launch_line (line, spawned, marks);
    }

  kill (pid, SIGTERM);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  fclose (err);
  g_spawn_close_pid (pid);
  remove_tree (home);
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return values[n / 2];
}

/* Launches the app on @path @runs times, after one launch not counted
 * (it starts the session's services, fills the caches): one row per run,
 * then the medians. */
static void
bench_launch (const char *app,
              const char *path,
              guint       runs)
{
  enum { TIME, CPU };
  static const struct {
    const char *heading;
    const char *mark;
    int         kind;
  } columns[] = {
    { "main()", "main", TIME },
    { "GTK up", "startup-done", TIME },
    { "load started", "load", TIME },
    { "window presented", "presented", TIME },
    { "first frame", "first-frame", TIME },
    { "**first chart frame**", "chart-frame", TIME },
    { "CPU until then (main thread)", "chart-frame", CPU },
    { "whole loaded", "loaded", TIME },
    { "its first frame", "loaded-frame", TIME },
    { "CPU until then (main thread)", "loaded-frame", CPU },
    { "longest stall", "longest-stall", TIME },
    { "frames painted", "frames", TIME },
  };
  enum { N_COLUMNS = G_N_ELEMENTS (columns) };
  g_autofree double *values = g_new0 (double, N_COLUMNS * runs);
  g_autofree double *main_values = g_new0 (double, N_COLUMNS * runs);
  g_autofree char *base = g_path_get_basename (path);
  double loadavg[3] = { 0, };
  LaunchMarks marks;

  launch_once (app, path, &marks);

  getloadavg (loadavg, 3);
  g_print ("\n`chronicle %s` (%s), %u launches after one not counted; ms from the spawn, CPU time of the\n"
           "process (of its main thread) until the milestone, the longest main loop stall from the first frame\n"
           "to the whole's first frame (GSK renderer: %s, load average %.1f %.1f %.1f before).\n\n",
           base, app, runs, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default",
           loadavg[0], loadavg[1], loadavg[2]);
  g_print ("| run |");
  for (guint c = 0; c < N_COLUMNS; c++)
    g_print (" %s |", columns[c].heading);
  g_print ("\n|---|");
  for (guint c = 0; c < N_COLUMNS; c++)
    g_print ("---|");
  g_print ("\n");

  for (guint r = 0; r < runs; r++)
    {
      launch_once (app, path, &marks);
      g_print ("| %u |", r + 1);
      for (guint c = 0; c < N_COLUMNS; c++)
        {
          guint m = 0;
          gint64 value, main_value;

          while (!g_str_equal (launch_marks[m], columns[c].mark))
            m++;
          value = columns[c].kind == TIME ? marks.time[m] : marks.cpu[m];
          main_value = columns[c].kind == TIME ? -1 : marks.main_cpu[m];
          values[c * runs + r] = value / 1000.0;
          main_values[c * runs + r] = main_value / 1000.0;
          if (value < 0)
            g_print (" — |");
          else if (main_value >= 0)
            g_print (" %.0f (%.0f) |", value / 1000.0, main_value / 1000.0);
          else
            g_print (" %.0f |", value / 1000.0);
        }
      g_print ("\n");
    }

  if (runs > 1)
    {
      g_print ("| median |");
      for (guint c = 0; c < N_COLUMNS; c++)
        if (median_of (values + c * runs, runs) < 0)
          g_print (" — |");
        else if (columns[c].kind == TIME)
          g_print (" %.0f |", median_of (values + c * runs, runs));
        else
          g_print (" %.0f (%.0f) |", median_of (values + c * runs, runs), median_of (main_values + c * runs, runs));
      g_print ("\n");
    }
}

/* Opens @file @runs times and prints the tables of opening, clicking
 * through and zooming, in rows named @name. */
static void
bench_file (GFile      *file,
            const char *name,
            guint       runs)
{
  g_autofree double *loaded = g_new (double, runs);
  g_autofree double *first_frame = g_new (double, runs);
  g_autofree double *first_chart = g_new (double, runs);
  g_autofree double *gaps = g_new (double, runs);
  g_autofree double *gaps_all = g_new (double, runs);
  g_autoptr(GArray) select_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_progress = 0;

  for (guint i = 0; i < runs; i++)
    {
      OpenRun run = { 0, };

      run.select_ms = select_ms;
      run.zoom_ms = zoom_ms;
      open_once (file, &run);
      loaded[i] = (run.loaded - run.start) / 1000.0;
      first_frame[i] = (run.first_frame - run.start) / 1000.0;
      first_chart[i] = (run.first_chart - run.start) / 1000.0;
      gaps[i] = run.max_gap / 1000.0;
      gaps_all[i] = run.max_gap_all / 1000.0;
      n_progress = MAX (n_progress, run.n_progress);
    }

  qsort (loaded, runs, sizeof (double), compare_doubles);
  qsort (first_frame, runs, sizeof (double), compare_doubles);
  qsort (first_chart, runs, sizeof (double), compare_doubles);
  qsort (gaps, runs, sizeof (double), compare_doubles);
  qsort (gaps_all, runs, sizeof (double), compare_doubles);

  g_print ("\nMedians of %u opens of %s in a 1920×1080 window (GSK renderer: %s).\n\n",
           runs, name, g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  g_print ("| open in the app | first chart frame | timeline loaded | first frame painted | longest main loop stall while loading |"
           " longest stall until the first frame | progress bar updates |\n"
           "|---|---|---|---|---|---|---|\n");
  g_print ("| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %u |\n", name, first_chart[runs / 2],
           loaded[runs / 2], first_frame[runs / 2], gaps[runs / 2], gaps_all[runs / 2], n_progress);

  g_array_sort (select_ms, compare_doubles);
  if (select_ms->len > 0)
    {
      g_print ("\n| clicking through (next event, %u times) | median | slowest |\n|---|---|---|\n", select_ms->len);
      g_print ("| %s: select, to its first frame | %.0f ms | %.0f ms |\n", name,
               g_array_index (select_ms, double, select_ms->len / 2),
               g_array_index (select_ms, double, select_ms->len - 1));
    }

  g_array_sort (zoom_ms, compare_doubles);
  if (zoom_ms->len > 0)
    {
      g_print ("\n| animated zoom, ×2 twelve times and back (%u frames) | median | 95th percentile | slowest |\n"
               "|---|---|---|---|\n", zoom_ms->len);
      g_print ("| %s: a frame, before-paint to after-paint | %.1f ms | %.1f ms | %.1f ms |\n", name,
               g_array_index (zoom_ms, double, zoom_ms->len / 2),
               g_array_index (zoom_ms, double, (guint) (zoom_ms->len * 0.95)),
               g_array_index (zoom_ms, double, zoom_ms->len - 1));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  guint runs = 5;
  gboolean hostile_only = FALSE, files_only = FALSE, launch = FALSE;
  const char *app = CHRONICLE_APP;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          /* Not inside MAX(): it evaluates its arguments twice. */
          runs = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
          runs = MAX (runs, 1);
        }
      else if (g_str_equal (argv[i], "--file") && i + 1 < argc)
        g_ptr_array_add (paths, argv[++i]);
      else if (g_str_equal (argv[i], "--files-only"))
        files_only = TRUE;
      else if (g_str_equal (argv[i], "--no-preview"))
        chronicle_load_set_preview_after (G_MAXUINT);
      else if (g_str_equal (argv[i], "--hostile-only"))
        hostile_only = TRUE;
      else if (g_str_equal (argv[i], "--launch"))
        launch = TRUE;
      else if (g_str_equal (argv[i], "--app") && i + 1 < argc)
        app = argv[++i];
      else
        {
          g_printerr ("usage: %s [--runs N] [--file FILE]... [--files-only] [--hostile-only] [--no-preview]\n"
                      "       %s --launch [--app PATH] [--runs N] --file FILE...\n", argv[0], argv[0]);
          return 2;
        }
    }

  /* The app draws, not this process: it only needs a display to give. */
  if (launch)
    {
      if (paths->len == 0 || g_getenv ("DISPLAY") == NULL)
        {
          g_printerr ("%s: --launch needs --file FILE and a display (xvfb-run)\n", argv[0]);
          return paths->len == 0 ? 2 : 77;
        }
      for (guint i = 0; i < paths->len; i++)
        bench_launch (app, g_ptr_array_index (paths, i), runs);
      return 0;
    }

  if (!gtk_init_check ())
    {
      g_printerr ("%s: no display; run it under xvfb-run\n", argv[0]);
      return 77;
    }

  if (hostile_only)
    {
      run_hostile_files ();
      return 0;
    }

  if (!files_only)
    {
      g_autoptr(ChronicleTimeline) timeline = chronicle_test_generate_timeline (100000, 1);
      g_autofree char *dir = g_dir_make_tmp ("chronicle-bench-ui-XXXXXX", &error);
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;

      g_assert_no_error (error);
      path = g_build_filename (dir, "generated-100000.json", NULL);
      file = g_file_new_for_path (path);
      if (!chronicle_timeline_save_to_file (timeline, file, NULL, &error))
        g_error ("%s", error->message);
      g_clear_object (&timeline);

      bench_file (file, "100 000 events", runs);
      g_file_delete (file, NULL, NULL);
      g_rmdir (dir);
    }

  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_ptr_array_index (paths, i));
      g_autofree char *base = g_file_get_basename (file);

      bench_file (file, base, runs);
    }

  if (!files_only)
    run_hostile_files ();

  return 0;
}
