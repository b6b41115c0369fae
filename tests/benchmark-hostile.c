/* benchmark-hostile.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * How long the loader takes on each hostile case of
 * tests/chronicle-test-hostile.c, at the issue's own sizes (100 000
 * events, 16 MB titles), and how much memory it needs: the budgets that
 * tests/test-hostile.c leaves out, since timing has no place in a unit
 * test. Each case is loaded in a child process, so that its peak RSS is
 * its own and a case that runs away is stopped after --limit seconds.
 * Prints a Markdown table and the cases over budget (docs/benchmarks.md).
 * Not a test: nothing here passes or fails, apart from the exit status
 * telling whether every case was within budget.
 *
 *   _build/tests/chronicle-benchmark-hostile [--limit S] [--all] [FILTER]
 *
 * FILTER keeps the cases whose name contains it; --all prints every case
 * (by default the truncations and the random garbage, hundreds of small
 * cases, are summed up in one row each).
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "chronicle-test-hostile.h"
#include "chronicle-timeline-loader.h"

/* The budget of one load: a frame-sized wait for a small file is not the
 * point; a file of a few MB must not take seconds or a gigabyte. */
#define BUDGET_MS        1000.0
#define BUDGET_BASE_MB   64.0
#define BUDGET_PER_BYTE  16.0   /* memory per byte of file, on top of the base */

typedef struct
{
  gboolean loaded;
  gboolean stopped;    /* killed after --limit seconds, or crashed */
  double   ms;
  double   peak_mb;    /* peak RSS above the RSS at the start of the load */
} Result;

/* VmHWM or VmRSS of this process, in MB. */
static double
read_status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  if (line == NULL)
    return 0;
  return g_ascii_strtod (line + strlen (field) + 1, NULL) / 1024.0;
}

static void
reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY);

  if (fd < 0 || write (fd, "5", 1) != 1)
    g_error ("cannot reset the peak RSS through /proc/self/clear_refs: %s", g_strerror (errno));
  close (fd);
}

/* In the child: load, then report through @fd. */
static void G_GNUC_NORETURN
load_in_child (const ChronicleHostileCase *hostile,
               int                         fd,
               guint                       limit_s)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  gsize length;
  const char *data = g_bytes_get_data (hostile->data, &length);
  Result result = { 0 };
  double rss_before;
  gint64 start;

  alarm (limit_s);
  /* Give back the heap the generator freed: a load that reused those
   * resident pages would not raise the high-water mark. */
  malloc_trim (0);
  /* and start the high-water mark afresh (Linux 4.0 and later). */
  reset_peak_rss ();
  rss_before = read_status_mb ("VmRSS:");
  start = g_get_monotonic_time ();
  timeline = chronicle_timeline_load_from_data (data, length, &warnings, &error);
  result.ms = (g_get_monotonic_time () - start) / 1000.0;
  result.peak_mb = MAX (read_status_mb ("VmHWM:") - rss_before, 0);
  result.loaded = timeline != NULL;

  if (write (fd, &result, sizeof result) != sizeof result)
    _exit (2);
  _exit (0);
}

static Result
load_case (const ChronicleHostileCase *hostile,
           guint                       limit_s)
{
  Result result = { .stopped = TRUE };
  int fds[2];
  pid_t pid;
  int status;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  fflush (stdout);
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      close (fds[0]);
      load_in_child (hostile, fds[1], limit_s);
    }

  close (fds[1]);
  if (read (fds[0], &result, sizeof result) != sizeof result)
    {
      result = (Result) { .stopped = TRUE, .ms = limit_s * 1000.0 };
    }
  close (fds[0]);
  waitpid (pid, &status, 0);

  return result;
}

static gboolean
over_budget (const Result *result,
             gsize         length)
{
  return result->stopped || result->ms > BUDGET_MS ||
         result->peak_mb > BUDGET_BASE_MB + BUDGET_PER_BYTE * length / (1024.0 * 1024.0);
}

static const char *
describe (const Result *result)
{
  if (result->stopped)
    return "stopped";
  return result->loaded ? "loaded" : "refused";
}

/* The group a case is summed up in, or NULL to print it alone. */
static const char *
summary_group (const char *name)
{
  if (g_str_has_prefix (name, "/truncated/"))
    return "/truncated/* (the example cut every 31 bytes)";
  if (g_str_has_prefix (name, "/garbage/"))
    return "/garbage/* (random bytes)";
  return NULL;
}

typedef struct
{
  guint  n;
  gsize  max_length;
  double max_ms;
  double max_peak_mb;
  guint  n_over;
} Group;

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GBytes) example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) group_order = g_ptr_array_new ();
  g_autofree char *example_path = NULL;
  g_autofree char *contents = NULL;
  gboolean print_all = FALSE;
  int limit_s = 60;
  guint n_over = 0, n_run = 0;
  gsize length;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit_s, "Stop a case after S seconds (default 60)", "S" },
    { "all", 0, 0, G_OPTION_ARG_NONE, &print_all, "Print every case, the small ones too", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("[FILTER]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  limit_s = CLAMP (limit_s, 1, 3600);

  example_path = g_build_filename (SOURCE_ROOT, "data", "examples", "istanbul-talks-2025.json", NULL);
  if (!g_file_get_contents (example_path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  example = g_bytes_new_take (g_steal_pointer (&contents), length);
  cases = chronicle_hostile_cases_generate (example, 1, CHRONICLE_HOSTILE_SIZE_FULL);

  g_print ("| Case | Size | Result | Time (ms) | Peak RSS (MB) |\n");
  g_print ("|---|---:|---|---:|---:|\n");

  for (guint i = 0; i < cases->len; i++)
    {
      const ChronicleHostileCase *hostile = cases->pdata[i];
      const char *group_name = print_all ? NULL : summary_group (hostile->name);
      gsize size = g_bytes_get_size (hostile->data);
      Result result;
      gboolean over;

      if (argc > 1 && strstr (hostile->name, argv[1]) == NULL)
        continue;

      result = load_case (hostile, limit_s);
      over = over_budget (&result, size);
      n_over += over;
      n_run++;

      if (group_name != NULL)
        {
          Group *group = g_hash_table_lookup (groups, group_name);

          if (group == NULL)
            {
              group = g_new0 (Group, 1);
              g_hash_table_insert (groups, (gpointer) group_name, group);
              g_ptr_array_add (group_order, (gpointer) group_name);
            }
          group->n++;
          group->max_length = MAX (group->max_length, size);
          group->max_ms = MAX (group->max_ms, result.ms);
          group->max_peak_mb = MAX (group->max_peak_mb, result.peak_mb);
          group->n_over += over;
          continue;
        }

      g_print ("| %s%s | %" G_GSIZE_FORMAT " | %s | %.1f | %.1f |\n", hostile->name,
               over ? " **over budget**" : "", size, describe (&result), result.ms, result.peak_mb);
    }

  for (guint i = 0; i < group_order->len; i++)
    {
      const char *name = group_order->pdata[i];
      const Group *group = g_hash_table_lookup (groups, name);

      g_print ("| %s, %u cases%s | ≤ %" G_GSIZE_FORMAT " | | ≤ %.1f | ≤ %.1f |\n", name, group->n,
               group->n_over > 0 ? " **some over budget**" : "", group->max_length, group->max_ms,
               group->max_peak_mb);
    }

  g_print ("\n%u of %u cases over budget (%.0f ms, %.0f MB + %.0f× the file's size)\n",
           n_over, n_run, BUDGET_MS, BUDGET_BASE_MB, BUDGET_PER_BYTE);
  return n_over > 0 ? 1 : 0;
}
