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
ChronicleTimeline *chronicle_test_load_data         (const char *name);

/* Deletes the files in @dir, then @dir; the test fails when one cannot
 * be deleted (a file left open, an unexpected subfolder). */
void               chronicle_test_remove_dir        (const char        *dir);

/* A fixture for g_test_add(): a new temporary folder in @dir, removed with
 * chronicle_test_remove_dir() after the test. */
typedef struct
{
  char *dir;
} ChronicleTestDirFixture;

void               chronicle_test_dir_setup         (ChronicleTestDirFixture *fixture,
                                                     gconstpointer            data);
void               chronicle_test_dir_teardown      (ChronicleTestDirFixture *fixture,
                                                     gconstpointer            data);
typedef void (*ChronicleTestDirFunc) (ChronicleTestDirFixture *fixture,
                                      gconstpointer            data);

/* g_test_add() of @test with a ChronicleTestDirFixture. */
void               chronicle_test_add_with_dir      (const char           *path,
                                                     ChronicleTestDirFunc  test);

/* How many entries @path (a folder) holds: a failed write leaves none. */
guint              chronicle_test_count_files       (const char        *path);

/* Timelines written to hurt the window (issue #10), as JSON text:
 * a 16 MB title (event "e1"); CHRONICLE_TEST_N_MANY events in an undeclared
 * category, so as many warnings; one event ("e1") with CHRONICLE_TEST_N_MANY
 * quotes; a 10 MB source URL and a 1 MB summary ("e1"); 1 MB titles, of
 * words ("words", with a 1 MB actor and place) and without a space
 * ("nospace", with a 1 MB quote);
 * bidi overrides around "evil" and links that must not open ("e1");
 * markup in the titles. */
#define CHRONICLE_TEST_N_MANY 100000

char              *chronicle_test_make_huge_title       (void);
char              *chronicle_test_make_many_warnings    (void);
char              *chronicle_test_make_many_quotes      (void);
char              *chronicle_test_make_huge_url         (void);
char              *chronicle_test_make_long_titles      (void);
char              *chronicle_test_make_bidi_and_links   (void);
char              *chronicle_test_make_markup_names     (void);

G_END_DECLS
