/* chronicle-test-util.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline.h"
#include "chronicle-layout.h"

G_BEGIN_DECLS

/* A reproducible synthetic timeline of @n_events over several years, with
 * clusters, ranges, every date precision, categories and quotes. */
ChronicleTimeline *chronicle_test_generate_timeline (guint    n_events,
                                                     guint32  seed);

/* A ChronicleMeasureFunc with fixed metrics (7 px per character, 14 px
 * lines) so layout tests do not depend on installed fonts. */
void               chronicle_test_measure_fixed     (const char        *text,
                                                     ChronicleTextRole  role,
                                                     double            *width,
                                                     double            *height,
                                                     gpointer           user_data);

char              *chronicle_test_example_path      (void);
ChronicleTimeline *chronicle_test_load_example      (void);

/* Deletes the files in @dir, then @dir; the test fails when one cannot
 * be deleted (a file left open, an unexpected subfolder). */
void               chronicle_test_remove_dir        (const char        *dir);

G_END_DECLS
