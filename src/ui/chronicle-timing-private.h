/* chronicle-timing-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Milestones of a start, for `chronicle-benchmark-ui --launch` (issue #12):
 * with CHRONICLE_TIMING=1 in the environment, each is one line on stderr,
 * "chronicle-timing: NAME TIME PROCESS-CPU THREAD-CPU" in microseconds:
 * g_get_monotonic_time() (the system's monotonic clock, which the
 * benchmark that spawned the process shares), then the CPU time the
 * process and the main thread used so far. The last lines are
 * "chronicle-timing: frames N" (frames painted until the whole's first)
 * and "chronicle-timing: longest-stall MICROSECONDS" (from the first
 * frame on). Without it, nothing is printed or watched. */
gboolean chronicle_timing_enabled    (void);
void     chronicle_timing_mark       (const char *name);
void     chronicle_timing_watch_page (GtkWidget  *page);

G_END_DECLS
