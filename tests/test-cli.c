/* test-cli.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "chronicle-cli.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer.h"

#include <glib/gstdio.h>
#include <unistd.h>

/*
 * These tests run the real `chronicle` binary the way a pipeline does: with
 * no DISPLAY and no WAYLAND_DISPLAY, so any accidental GTK initialisation
 * fails them.
 */

/* Each test gets a temporary folder (ChronicleTestDirFixture). */
typedef ChronicleTestDirFixture Fixture;

/* Runs chronicle with @args (NULL-terminated) and no display. */
static int
run_chronicle (char       **out,
               char       **err,
               const char  *first_arg,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *binary = g_getenv ("CHRONICLE_BIN");
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  va_list ap;
  int status;

  g_assert_nonnull (binary);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "C", TRUE);

  g_ptr_array_add (argv, (gpointer) binary);
  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);

  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);

  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* An export's stderr holds no error: at most the note that titles were
 * cut (the example's labels do not all fit at small sizes). */
static void
assert_no_errors (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "chronicle: note: "))
      g_assert_cmpstr (lines[i], ==, "");
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
test_export_png_size (Fixture       *fixture,
                      gconstpointer  data)
{
  static const struct { const char *w, *h, *s; int pw, ph; } cases[] = {
    { "800", "450", "1", 800, 450 },
    { "640", "360", "2", 1280, 720 },
    { "1920", "1080", NULL, 1920, 1080 },
  };
  g_autofree char *example = chronicle_test_example_path ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s/chart-%u.png", fixture->dir, i);
      g_autofree char *err = NULL;
      cairo_surface_t *png;
      int status;

      if (cases[i].s != NULL)
        status = run_chronicle (NULL, &err, "--export", out, "--width", cases[i].w,
                                "--height", cases[i].h, "--scale", cases[i].s, example, NULL);
      else
        status = run_chronicle (NULL, &err, "--export", out, "--width", cases[i].w,
                                "--height", cases[i].h, example, NULL);

      assert_no_errors (err);
      g_assert_cmpint (status, ==, 0);
      /* 800×450 has no lane for every event of 16 May: it says so
       * (tester S12, item 3); a slide shows them all, and says nothing. */
      if (i == 0)
        g_assert_nonnull (strstr (err, "chronicle: note: ") != NULL ? strstr (err, "folded into") : NULL);
      else if (i == 2)
        g_assert_null (strstr (err, "folded into"));

      png = cairo_image_surface_create_from_png (out);
      g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (png), ==, cases[i].pw);
      g_assert_cmpint (cairo_image_surface_get_height (png), ==, cases[i].ph);
      cairo_surface_destroy (png);
    }

  /* Only the outputs: no temporary files left behind. */
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, G_N_ELEMENTS (cases));
}

/* --format timelinejs writes a TimelineJS 3 file, whatever OUT is
 * named, that Chronicle opens again as the same timeline. */
static void
test_export_timelinejs (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *out_path = g_build_filename (fixture->dir, "timeline.js.txt", NULL);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "sheet.csv", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autofree char *csv = NULL;
  g_autoptr(ChronicleTimeline) original = NULL;
  g_autoptr(ChronicleTimeline) back = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_cmpint (run_chronicle (&out, &err, "--export", out_path, "--format", "timelinejs", example, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 1);

  g_assert_true (json_parser_load_from_file (parser, out_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_has_member (root, "title"));
  g_assert_false (json_object_has_member (root, "format"));

  original = chronicle_timeline_load_from_file (example_file, NULL, NULL, &error);
  g_assert_no_error (error);
  back = chronicle_timeline_load_from_file (out_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "events")), ==,
                    chronicle_timeline_get_n_events (original));
  g_assert_cmpuint (chronicle_timeline_get_n_events (back), ==, chronicle_timeline_get_n_events (original));
  g_assert_cmpstr (chronicle_timeline_get_title (back), ==, chronicle_timeline_get_title (original));
  g_clear_object (&back);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The Sheets template as CSV, opened again as a spreadsheet. */
  g_assert_cmpint (run_chronicle (&out, &err, "--export", csv_path, "--format", "timelinejs-csv", example, NULL),
                   ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 2);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "\"Year\",\"Month\",\"Day\",\"Time\","));
  back = chronicle_timeline_load_from_file (csv_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (back), ==, chronicle_timeline_get_n_events (original));
  g_assert_cmpstr (chronicle_timeline_get_title (back), ==, chronicle_timeline_get_title (original));
}

/* --export OUT.chronicle.json (or --format chronicle) writes the
 * timeline through the writer Save uses: what a second load and save
 * would write, unknown members kept; onto an existing file it keeps its
 * mode and replaces it whole, and a failure leaves it as it was. */
static void
test_export_chronicle (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *input = data_path ("ok-unknown-members.json");
  g_autofree char *out_path = g_build_filename (fixture->dir, "normal.chronicle.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autofree char *bad = data_path ("bad-date-feb30.json");
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  timeline = chronicle_timeline_load_from_file (input_file, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = chronicle_timeline_to_data (timeline, NULL);
  g_assert_nonnull (strstr (expected, "\"confidence\""));

  g_assert_cmpint (run_chronicle (&out, &err, "--export", out_path, input, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (out_path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&written, g_free);

  /* Over an existing file of another name: --format says what to write. */
  g_assert_true (g_file_set_contents (other_path, "old", -1, &error));
  g_assert_cmpint (g_chmod (other_path, 0640), ==, 0);
  g_assert_cmpint (run_chronicle (&out, &err, "--export", other_path, "--format", "chronicle", input, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_get_contents (other_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpint (g_stat (other_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&written, g_free);

  /* A timeline that does not load writes nothing. */
  g_assert_cmpint (run_chronicle (&out, &err, "--export", other_path, "--format", "chronicle", bad, NULL), !=, 0);
  g_assert_true (g_str_has_prefix (err, "chronicle: cannot export"));
  g_assert_true (g_file_get_contents (other_path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 2);
}

/* The short option works like the long one. */
static void
test_export_short_option (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "short.png", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_chronicle (NULL, &err, "-e", out, "-w", "320", "-H", "200", example, NULL), ==, 0);
  assert_no_errors (err);
  g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
}

/* --preset sizes the export, --subtitle draws a line under the title,
 * --image-map writes the map beside it; both go with --export only. */
static void
test_export_preset_map (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "article.svg", NULL);
  g_autofree char *map = g_build_filename (fixture->dir, "article.map.json", NULL);
  g_autofree char *err = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *map_text = NULL;

  g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, "--preset", "article", "--subtitle", "Two days in May",
                                  "--image-map", map, example, NULL), ==, 0);
  assert_no_errors (err);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "width=\"1200\""));
  g_assert_nonnull (strstr (svg, ">Two days in May</text>"));
  g_assert_true (g_file_get_contents (map, &map_text, NULL, NULL));
  g_assert_nonnull (strstr (map_text, "\"width\" : 1200"));
  g_assert_nonnull (strstr (map_text, "\"id\" : \"invasion\""));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, "--preset", "poster", example, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "unknown preset “poster”"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (NULL, &err, "--validate", "--image-map", map, example, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--image-map goes with --export"));
}

/* An export that had to cut titles says how many, in one line on stderr,
 * and still succeeds. */
static void
test_export_cut_titles_note (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *json = chronicle_test_make_long_titles ();
  g_autofree char *input = g_build_filename (fixture->dir, "long.json", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "long.png", NULL);
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_set_contents (input, json, -1, NULL));
  g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, "--width", "600", "--height", "400", input, NULL), ==, 0);
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "chronicle: note: "));
  g_assert_nonnull (strstr (lines[0], "cut to fit"));
  g_assert_cmpstr (lines[1], ==, "");
}

/* The titles every export of the fitted example must show as text. */
static const char * const example_titles[] = {
  "Russia invades Ukraine",
  "Last face-to-face talks",
};

typedef struct
{
  GString *text;
  gboolean in_text;
} SvgScan;

static void
on_svg_text_cb (GMarkupParseContext  *context,
                const char           *text,
                gsize                 text_len,
                gpointer              user_data,
                GError              **error)
{
  SvgScan *scan = user_data;
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  /* Text inside <text> or <tspan>: what a search or a screen reader sees. */
  for (const GSList *l = stack; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "text") || g_str_equal (l->data, "tspan"))
        {
          g_string_append_len (scan->text, text, text_len);
          g_string_append_c (scan->text, '\n');
          return;
        }
    }
}

static void
test_export_svg_text (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { .text = on_svg_text_cb };
  SvgScan scan = { g_string_new (NULL), FALSE };
  gsize length;

  g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, "--width", "1200", "--height", "675",
                                  example, NULL), ==, 0);
  assert_no_errors (err);

  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "<?xml"));

  /* GMarkup refuses XML that is not well-formed. */
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (example_titles); i++)
    g_assert_nonnull (strstr (scan.text->str, example_titles[i]));
  g_assert_nonnull (strstr (scan.text->str, "Source: Reuters"));

  g_string_free (scan.text, TRUE);
}

/* The text an SVG export of @file draws, with the extra @zone_args. */
static char *
export_svg_range (Fixture    *fixture,
                  const char *file,
                  const char *zone,
                  const char *from,
                  const char *to)
{
  g_autofree char *out = g_build_filename (fixture->dir, "zone.svg", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  GMarkupParser parser = { .text = on_svg_text_cb };
  SvgScan scan = { g_string_new (NULL), FALSE };
  gsize length;

  if (from != NULL)
    g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, "--from", from, "--to", to, file, NULL), ==, 0);
  else if (zone != NULL)
    g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, "--zone", zone, file, NULL), ==, 0);
  else
    g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, file, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);

  return g_string_free (scan.text, FALSE);
}

static char *
export_svg_text (Fixture    *fixture,
                 const char *file,
                 const char *zone)
{
  return export_svg_range (fixture, file, zone, NULL, NULL);
}

/* Exports follow --zone and say it on the axis: by default the zone the
 * timeline's times share (+03:00 here), else the one asked for. */
static void
test_export_zone (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *file = data_path ("offset-istanbul.json");
  g_autofree char *by_default = export_svg_text (fixture, file, NULL);
  g_autofree char *utc = export_svg_text (fixture, file, "utc");
  g_autofree char *fixed = export_svg_text (fixture, file, "+05:30");

  g_assert_nonnull (strstr (by_default, "UTC+3"));
  g_assert_null (strstr (utc, "UTC+"));
  g_assert_nonnull (strstr (utc, "UTC"));
  g_assert_nonnull (strstr (fixed, "UTC+5:30"));

  /* --from/--to written with an offset show that hour on the axis. */
  {
    g_autofree char *hour = export_svg_range (fixture, file, NULL,
                                              "2025-05-16T10:00+03:00", "2025-05-16T11:00+03:00");

    g_assert_nonnull (strstr (hour, "10:30"));
    g_assert_null (strstr (hour, "07:30"));
  }
}

static char *
run_tool (const char *tool,
          const char *path,
          int        *status)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, status, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&out);
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *out = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;
  int status;

  /* A4 landscape in points. */
  g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, "--width", "842", "--height", "595",
                                  example, NULL), ==, 0);
  assert_no_errors (err);

  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo and pdftotext (poppler-utils) are not installed");
      return;
    }

  info = run_tool ("pdfinfo", out, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "Page size:       842 x 595 pts"));

  text = run_tool ("pdftotext", out, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (example_titles); i++)
    g_assert_nonnull (strstr (text, example_titles[i]));
}

static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *png = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *gif = g_build_filename (fixture->dir, "out.gif", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such.json", NULL);
  g_autofree char *unwritable = g_build_filename (fixture->dir, "no-such-dir", "out.png", NULL);
  g_autofree char *missing_message =
    g_strdup_printf ("chronicle: cannot export “%s”: ", missing);
  const struct {
    const char *args[10];
    const char *message;   /* the whole first line, or a prefix ending in ": " */
  } cases[] = {
    { { "--export", png, "--format", "gif", example },
      "chronicle: --format: unknown format “gif”: use png, svg, pdf, timelinejs, timelinejs-csv or chronicle" },
    { { "--export", png, "--format", "timelinejs", "--width", "800", example },
      "chronicle: --width applies to images, not to --format timelinejs" },
    { { "--export", png, "--format", "timelinejs-csv", "--image-map", png, example },
      "chronicle: --image-map applies to images, not to --format timelinejs-csv" },
    { { "--export", png, "--format", "timelinejs", missing },
      missing_message },
    { { "--export", unwritable, "--format", "timelinejs", example },
      "chronicle: Could not write “" },
    { { "--export", gif, example },
      NULL /* filled below */ },
    { { "--export", png, "--width", "0", example },
      "chronicle: --width: “0” is out of range: use 16–16384" },
    { { "--export", png, "--height", "100000", example },
      "chronicle: --height: “100000” is out of range: use 16–16384" },
    { { "--export", png, "--width", "wide", example },
      "chronicle: --width: “wide” is not a whole number" },
    { { "--export", png, "--width", "16384", "--height", "16384", "--scale", "2", example },
      "chronicle: --width, --height, --scale: 16384×16384 at scale 2 is too large: an image may have at most 16384 pixels per side and 134217728 pixels in all" },
    { { "--export", png, "--scale", "9", example },
      "chronicle: --scale: “9” is out of range: use 1–4" },
    { { "--export", png, "--theme", "sepia", example },
      "chronicle: --theme: unknown theme “sepia”: use light or dark" },
    { { "--export", png, "--zone", "Europe/Istanbul", example },
      "chronicle: --zone: unknown zone “Europe/Istanbul”: use timeline, utc, local or an offset such as +03:00" },
    { { "--export", png, "--zone", "+3:00", example },
      "chronicle: --zone: unknown zone “+3:00”: use timeline, utc, local or an offset such as +03:00" },
    { { "--export", png, "--from", "16 May 2025", example },
      "chronicle: --from: “16 May 2025” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)" },
    { { "--export", png, "--to", "2022-02-30", example },
      "chronicle: --to: 2022-02-30 does not exist: February 2022 has 28 days" },
    { { "--export", png, "--from", "2025-05-16", "--to", "2025-05-15", example },
      "chronicle: --from: “2025-05-16” is after --to “2025-05-15”" },
    { { "--export", png, "--from", "2030", example },
      "chronicle: --from: “2030” is after the end of the timeline" },
    { { "--export", png, "--to", "1990", example },
      "chronicle: --to: “1990” is before the start of the timeline" },
    { { "--export", png, missing },
      missing_message },
    { { "--export", unwritable, example },
      "chronicle: Could not write “" },
  };
  g_autofree char *gif_message =
    g_strdup_printf ("chronicle: --export: cannot tell the format of “%s”: name it .png, .svg or .pdf, or pass --format", gif);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *expected = cases[i].message != NULL ? cases[i].message : gif_message;
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;
      const char * const *a = cases[i].args;
      int status;

      status = run_chronicle (&out, &err, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], NULL);

      g_test_message ("case %u: %s", i, err);
      g_assert_cmpint (status, ==, 2);
      g_assert_cmpstr (out, ==, "");
      /* One clear line. */
      g_assert_nonnull (strchr (err, '\n'));
      g_assert_cmpint (strchr (err, '\n') - err, ==, (gssize) strlen (err) - 1);
      g_assert_true (g_str_has_prefix (err, expected));
      g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 0);
    }
}

/* Asserts that @err is exactly "chronicle: @expected\n": one line of valid
 * UTF-8 with no escape character, whatever the arguments held. */
static void
assert_one_line (const char *err,
                 const char *expected)
{
  g_autofree char *line = g_strdup_printf ("chronicle: %s\n", expected);

  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_null (strchr (err, '\033'));
  g_assert_cmpstr (err, ==, line);
}

/* Issue #10, item 18: every option error names the option and quotes its
 * value escaped, even when the value is not UTF-8 or holds a newline, an
 * escape sequence or a bidi control. */
static void
test_hostile_values (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *png = g_build_filename (fixture->dir, "out.png", NULL);
  g_autofree char *odd = g_build_filename (fixture->dir, "out\n.gif", NULL);
  g_autofree char *odd_message =
    g_strdup_printf ("--export: cannot tell the format of “%s/out\\n.gif”: name it .png, .svg or .pdf, or pass --format",
                     fixture->dir);
  const struct {
    const char *option;
    const char *value;
    const char *message;
  } cases[] = {
    { "--from", "\xff",
      "--from: “\\x{FF}” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)" },
    { "--to", "2022\n2023",
      "--to: “2022\\n2023” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)" },
    { "--from", "\033[31m2022",
      "--from: “\\u{001B}[31m2022” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)" },
    { "--width", "12\xc3",
      "--width: “12\\x{C3}” is not a whole number" },
    { "--height", "99999999999999999999",
      "--height: “99999999999999999999” is out of range: use 16–16384" },
    { "--scale", "\t2",
      "--scale: “\\t2” is not a whole number" },
    { "--theme", "\xe2\x80\xae" "krad",
      "--theme: unknown theme “\\u{202E}krad”: use light or dark" },
    { "--format", "p\xffng",
      "--format: unknown format “p\\x{FF}ng”: use png, svg, pdf, timelinejs, timelinejs-csv or chronicle" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *out = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_cmpint (run_chronicle (&out, &err, "--export", png, cases[i].option, cases[i].value, example, NULL),
                       ==, 2);
      g_assert_cmpstr (out, ==, "");
      assert_one_line (err, cases[i].message);
    }

  /* GOption's own messages quote the argument: escaped too. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_chronicle (NULL, &err, "--export", png, "--no-legend\033]0;owned\007", example, NULL), ==, 2);
    assert_one_line (err, "Unknown option --no-legend\\u{001B}]0;owned\\u{0007}");
  }

  /* A file name is quoted the same way. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_chronicle (NULL, &err, "--export", odd, example, NULL), ==, 2);
    assert_one_line (err, odd_message);
  }

  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 0);
}

/* A file whose name holds a newline cannot forge a second "valid" line. */
static void
test_validate_hostile_name (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "a.json\nforged.json: valid, 1 event", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (example, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_chronicle (&out, NULL, "--validate", path, NULL), ==, 0);
  expected = g_strdup_printf ("%s/a.json\\nforged.json: valid, 1 event: valid, 11 events\n", fixture->dir);
  g_assert_cmpstr (out, ==, expected);

  /* A long name is escaped but not cut: a script needs the whole path. */
  {
    g_autofree char *long_name = g_strnfill (240, 'n');
    g_autofree char *long_path = g_build_filename (fixture->dir, long_name, NULL);
    g_autofree char *long_out = NULL;
    g_autofree char *long_expected = g_strdup_printf ("%s: valid, 11 events\n", long_path);

    g_file_set_contents (long_path, contents, length, &error);
    g_assert_no_error (error);
    g_assert_cmpint (run_chronicle (&long_out, NULL, "--validate", long_path, NULL), ==, 0);
    g_assert_cmpstr (long_out, ==, long_expected);
  }
}

/* chronicle_cli_options_parse() checks the command line without touching
 * a file and without exiting, --help included (tests/fuzz-cli.c relies on
 * both). */
static void
test_options_parse (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "no-such-dir", "out.pdf", NULL);
  g_autoptr(ChronicleCliOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  {
    const char *argv[] = { "chronicle", "--export", out, "--width", "842", "--from", "2025-05",
                           "--to", "2025-05-16", "no-such.json", NULL };

    options = chronicle_cli_options_parse (G_N_ELEMENTS (argv) - 1, (char **) argv, &error);
    g_assert_no_error (error);
    g_assert_nonnull (options);
    g_assert_cmpint (options->mode, ==, CHRONICLE_CLI_MODE_EXPORT);
    g_assert_cmpint (options->export.format, ==, CHRONICLE_EXPORT_PDF);
    g_assert_cmpint (options->export.width, ==, 842);
    g_assert_true (options->has_from);
    g_assert_true (options->has_to);
    g_assert_cmpint (options->from, ==, 1746057600);  /* 2025-05-01T00:00Z */
    g_assert_cmpint (options->to, ==, 1747440000);    /* 2025-05-17T00:00Z */
    g_assert_cmpstrv (options->files, ((const char * const[]) { "no-such.json", NULL }));
    g_clear_pointer (&options, chronicle_cli_options_free);
  }

  {
    const char *argv[] = { "chronicle", "--help", "--width", "wide", NULL };

    options = chronicle_cli_options_parse (G_N_ELEMENTS (argv) - 1, (char **) argv, &error);
    g_assert_no_error (error);
    g_assert_cmpint (options->mode, ==, CHRONICLE_CLI_MODE_HELP);
    g_assert_nonnull (strstr (options->help, "--validate"));
    g_clear_pointer (&options, chronicle_cli_options_free);
  }

  {
    const char *argv[] = { "chronicle", "--validate", "--from", "\xff", NULL };

    options = chronicle_cli_options_parse (G_N_ELEMENTS (argv) - 1, (char **) argv, &error);
    g_assert_error (error, CHRONICLE_CLI_ERROR, CHRONICLE_CLI_ERROR_USAGE);
    g_assert_null (options);
    g_assert_cmpstr (error->message, ==, "--validate needs at least one timeline FILE");
  }

  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 0);
}

static void
test_failed_export_keeps_file (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "keep.png", NULL);
  g_autofree char *broken = data_path ("bad-syntax-trailing-comma.json");
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (out, "earlier export", -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_chronicle (NULL, &err, "--export", out, broken, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (err, "chronicle: cannot export"));
  g_assert_nonnull (strstr (err, "line "));

  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "earlier export");
  g_assert_cmpint (chronicle_test_count_files (fixture->dir), ==, 1);
}

/* Fills the small disk of the full-disk test so that all but the last
 * 8 KiB of the new PDF fit: the failed write() is then one that only
 * cairo_surface_finish() makes, which cairo 1.16 did not report. */
static const char full_disk_script[] =
  "bin=$1 mnt=$2 earlier=$3 big=$4 size=$5 err=$6\n"
  "mount -t tmpfs -o size=256k chronicle-test \"$mnt\" || exit 77\n"
  "cp \"$earlier\" \"$mnt/report.pdf\"\n"
  "avail=$(df -B1 --output=avail \"$mnt\" | tail -n 1)\n"
  "fill=$((avail - size + 8192))\n"
  "[ $fill -le 0 ] || head -c $fill /dev/zero > \"$mnt/filler\"\n"
  "\"$bin\" --export \"$mnt/report.pdf\" --width 1500 --height 1500 \"$big\" 2> \"$err\"\n"
  "echo \"status=$?\"\n"
  "cmp -s \"$earlier\" \"$mnt/report.pdf\" && echo kept || echo replaced\n"
  "ls -A \"$mnt\"\n";

/* Item 3 of issue #10 for real: `chronicle --export` of a PDF onto a full
 * tmpfs, mounted in a private mount namespace. Needs root (CI runs as
 * root) and unshare(1); skipped otherwise. */
static void
test_export_full_disk (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) big = chronicle_test_generate_timeline (4000, 1);
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *big_path = g_build_filename (fixture->dir, "big.json", NULL);
  g_autofree char *probe = g_build_filename (fixture->dir, "probe.pdf", NULL);
  g_autofree char *earlier = g_build_filename (fixture->dir, "earlier.pdf", NULL);
  g_autofree char *mnt = g_build_filename (fixture->dir, "disk", NULL);
  g_autofree char *err_path = g_build_filename (fixture->dir, "stderr", NULL);
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autofree char *big_data = NULL;
  g_autofree char *size = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *bin = g_getenv ("CHRONICLE_BIN");
  GStatBuf st;
  gsize length;
  int status;

  if (geteuid () != 0 || unshare == NULL)
    {
      g_test_skip ("needs root and unshare(1) to mount a small tmpfs");
      return;
    }
  if (!g_spawn_sync (NULL, (char *[]) { unshare, "--mount", "true", NULL }, NULL, G_SPAWN_DEFAULT,
                     NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_skip ("cannot make a mount namespace here");
      return;
    }

  big_data = chronicle_timeline_to_data (big, &length);
  g_file_set_contents (big_path, big_data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_chronicle (NULL, NULL, "--export", probe, "--width", "1500", "--height", "1500",
                                  big_path, NULL), ==, 0);
  g_assert_cmpint (g_stat (probe, &st), ==, 0);
  /* Big enough to fill what is left, small enough to fit the disk. */
  g_assert_cmpint (st.st_size, >, 32 * 1024);
  g_assert_cmpint (st.st_size, <, 192 * 1024);
  size = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) st.st_size);
  g_assert_cmpint (run_chronicle (NULL, NULL, "--export", earlier, example, NULL), ==, 0);
  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "C", TRUE);
  g_spawn_sync (NULL,
                (char *[]) { unshare, "--mount", "sh", "-c", (char *) full_disk_script, "sh",
                             (char *) bin, mnt, earlier, big_path, size, err_path, NULL },
                envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  if (WEXITSTATUS (status) == 77)
    {
      g_test_skip ("cannot mount a tmpfs here");
      g_rmdir (mnt);
      return;
    }

  g_file_get_contents (err_path, &err, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  expected = g_strdup_printf ("chronicle: There is not enough space on the disk to save “%s/report.pdf”\n", mnt);
  g_assert_cmpstr (err, ==, expected);
  /* The old PDF byte for byte, and no temporary file beside it. */
  g_assert_cmpstr (out, ==, "status=2\nkept\nfiller\nreport.pdf\n");

  g_assert_cmpint (g_rmdir (mnt), ==, 0);
}

/* --columns names the columns of a spreadsheet Chronicle does not
 * recognise (issue #14); a wrong spec or column is a clear refusal. */
static void
test_columns (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "csv-unmapped.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", path, NULL), ==, 2);
  g_assert_nonnull (strstr (out, "needs a column for the date"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", "--columns", "date=Quand,title=Quoi,actors=Qui,summary=Détails",
                                  path, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Converted from a spreadsheet: 2 of 2 rows"));
  g_assert_nonnull (strstr (out, ": valid, 2 events"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", "--columns", "when=Quand", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--columns: \"when=Quand\" is not FIELD=Column"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", "--columns", "date=Wann", path, NULL), ==, 2);
  g_assert_nonnull (strstr (out, "--columns: the spreadsheet has no column \"Wann\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (&out, &err, "--columns", "date=Quand", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--columns goes with --export or --validate"));
}

static void
test_validate (void)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autofree char *warn = data_path ("warn-unknown-category.json");
  g_autofree char *bad = data_path ("bad-date-feb30.json");
  g_autofree char *import = g_test_build_filename (G_TEST_DIST, "data", "import", "tsv-columns.tsv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", example, NULL), ==, 0);
  expected = g_strdup_printf ("%s: valid, 11 events\n", example);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", example, warn, NULL), ==, 1);
  g_assert_nonnull (strstr (out, ": warning: "));
  g_assert_nonnull (strstr (out, "unknown category"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An import converted without a loss is valid: what was converted is
   * said, but is no warning. */
  g_assert_cmpint (run_chronicle (&out, &err, "--validate", import, NULL), ==, 0);
  expected = g_strdup_printf ("%s: Converted from a spreadsheet: 2 of 2 rows as events, 2 groups as categories, "
                              "0 eras, 0 quotes, 0 media items, 0 sources\n%s: valid, 2 events\n", import, import);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", bad, example, warn, NULL), ==, 2);
  g_assert_nonnull (strstr (out, ": error: "));
  g_assert_nonnull (strstr (out, "2022-02-30 does not exist"));
  g_assert_nonnull (strstr (out, ": valid, 11 events"));
}

/* One problem, one line: an id with a line break cannot forge a "valid"
 * line for another file, and escape sequences do not reach the terminal. */
static void
test_validate_one_line (void)
{
  static const char warned[] =
    "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"t\",\"events\":["
    "{\"id\":\"a\\n/elsewhere.json: valid, 99 events\",\"date\":\"2022\",\"title\":\"T\",\"category\":\"\\u001b[2Jx\"}]}";
  static const char refused[] =
    "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"t\",\"events\":["
    "{\"id\":\"b\\n/elsewhere.json: valid, 99 events\",\"date\":\"2022-02-30\",\"title\":\"T\"}]}";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chronicle-cli-XXXXXX", &error);
  g_autofree char *warned_path = g_build_filename (dir, "warned.json", NULL);
  g_autofree char *refused_path = g_build_filename (dir, "refused.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  g_file_set_contents (warned_path, warned, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (refused_path, refused, -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_chronicle (&out, &err, "--validate", warned_path, refused_path, NULL), ==, 2);
  g_test_message ("%s", out);
  g_assert_null (strchr (out, '\033'));

  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], warned_path) || g_str_has_prefix (lines[i], refused_path));
      g_assert_nonnull (strstr (lines[i], "\\n/elsewhere.json"));
    }

  g_unlink (warned_path);
  g_unlink (refused_path);
  g_rmdir (dir);
}

/* A build that is not installed speaks the user's language when
 * CHRONICLE_LOCALEDIR names its catalogues (build-aux/chronicle-dev run and
 * `meson devenv` set it): the README's command runs the build tree. */
static void
test_build_tree_language (void)
{
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  const char *binary = g_getenv ("CHRONICLE_BIN");
  const char *argv[] = { binary, "--help", NULL };
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale (build-aux/chronicle-dev test generates it)");
      return;
    }
  setlocale (LC_ALL, "");

  envp = g_environ_setenv (envp, "LC_ALL", "de_DE.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "de", TRUE);
  envp = g_environ_setenv (envp, "CHRONICLE_LOCALEDIR", locale_dir, TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* "Write the chart of FILE to OUT …" in German. */
  g_assert_nonnull (strstr (out, "Das Diagramm von DATEI"));
}

static void
test_help (void)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (run_chronicle (&out, NULL, "--help", NULL), ==, 0);
  for (const char * const *o = (const char * const[]) { "--export", "--format", "--width", "--height",
                                                        "--scale", "--theme", "--from", "--to",
                                                        "--no-legend", "--no-title", "--validate",
                                                        "Exit status", NULL }; *o; o++)
    g_assert_nonnull (strstr (out, *o));
}

/* The seed article of issue #15, where the evaluation kit keeps it: a
 * checkout sits next to ../shared (or one level deeper in a worktree). */
static char *
seed_article_path (void)
{
  const char *tests = g_test_get_dir (G_TEST_DIST);
  const char * const ups[] = { "../..", "../../..", NULL };

  for (guint i = 0; ups[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (tests, ups[i], "shared", "seed",
                                                "istanbul-talks-2025-05-16.txt", NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static JsonObject *
find_event_by_date (JsonArray  *events,
                    const char *date,
                    const char *title_word)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      if (g_strcmp0 (json_object_get_string_member (event, "date"), date) == 0 &&
          (title_word == NULL || strstr (json_object_get_string_member (event, "title"), title_word) != NULL))
        return event;
    }
  return NULL;
}

static JsonParser *
parse_draft (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&parser);
}

/* Issue #15's done-when: the seed article gives the bundled example's
 * dated events and its three quotes with their speakers. */
static void
test_extract_seed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *seed = seed_article_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *events;
  JsonObject *event;
  JsonArray *quotes;
  guint n_quotes = 0;

  if (seed == NULL)
    {
      g_test_skip ("the seed article (../shared/seed/) is not next to this checkout");
      return;
    }
  g_assert_cmpint (run_chronicle (&out, &err, "--extract", seed, "--published", "2025-05-16", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  parser = parse_draft (out);
  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");

  /* "had not met face-to-face since March 2022": when they last met, at
   * month precision (the sentence itself is not dated by it) */
  g_assert_nonnull (find_event_by_date (events, "2022-03", "last met"));
  /* "on Thursday", "Thursday night": 15 May */
  g_assert_nonnull (find_event_by_date (events, "2025-05-15", "Rubio"));
  /* the lede's "have met", and "on Friday": 16 May */
  g_assert_nonnull (find_event_by_date (events, "2025-05-16", "have met"));
  g_assert_nonnull (event = find_event_by_date (events, "2025-05-16", "Trump"));
  g_assert_true (json_object_has_member (event, "evidence"));

  quotes = json_object_get_array_member (event, "quotes");
  g_assert_cmpuint (json_array_get_length (quotes), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (quotes, 0), "speaker"), ==,
                   "Donald Trump");
  event = find_event_by_date (events, "2025-05-15", "Rubio");
  quotes = json_object_get_array_member (event, "quotes");
  g_assert_cmpuint (json_array_get_length (quotes), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *quote = json_array_get_object_element (quotes, i);
      g_assert_cmpstr (json_object_get_string_member (quote, "speaker"), ==, "Marco Rubio");
      g_assert_cmpstr (json_object_get_string_member (quote, "role"), ==, "US Secretary of State");
      g_assert_cmpstr (json_object_get_string_member (quote, "date"), ==, "2025-05-15");
    }
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *e = json_array_get_object_element (events, i);
      if (json_object_has_member (e, "quotes"))
        n_quotes += json_array_get_length (json_object_get_array_member (e, "quotes"));
    }
  g_assert_cmpuint (n_quotes, ==, 3);
}

static const char page[] =
  "<!DOCTYPE html><html><head><title>Site | Port reopens</title>"
  "<meta property=\"og:title\" content=\"Port reopens after strike\">"
  "<meta property=\"og:site_name\" content=\"Harbour News\">"
  "<meta property=\"article:published_time\" content=\"2024-03-08T09:00:00Z\">"
  "<script>var d = 'on Monday 1 January 1990 the script ran';</script></head><body>"
  "<nav><p>Menu: sport, weather, an archive from January 12, 1999 and more links here</p></nav>"
  "<article><h1>Port reopens after strike</h1>"
  "<p>Dock workers ended their strike on Thursday after talks with the port authority.</p>"
  "<p>\"We have a fair deal and we are going back to work,\" union leader Maria Costa said.</p>"
  "<figure><figcaption>Cranes stood idle on Monday, February 5, 2024 in the photo caption</figcaption></figure>"
  "</article><footer><p>Copyright 2024, published since 1851 and every day thereafter</p></footer></body></html>";

/* A saved web page: the body is the <article>, its date the page's own
 * metadata; scripts, navigation, captions and footers are dropped. */
static void
test_extract_html (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "page.html", NULL);
  g_autofree char *draft_path = g_build_filename (fixture->dir, "draft.chronicle.json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *draft = NULL;
  JsonObject *root;
  JsonArray *events;
  JsonObject *event;
  JsonObject *quote;

  g_file_set_contents (path, page, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_chronicle (&out, &err, "--extract", path, "--output", draft_path, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_file_get_contents (draft_path, &draft, NULL, &error);
  g_assert_no_error (error);
  parser = parse_draft (draft);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Port reopens after strike");
  events = json_object_get_array_member (root, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  /* "on Thursday" before Friday 8 March 2024 */
  g_assert_nonnull (event = find_event_by_date (events, "2024-03-07", NULL));
  quote = json_array_get_object_element (json_object_get_array_member (event, "quotes"), 0);
  g_assert_cmpstr (json_object_get_string_member (quote, "speaker"), ==, "Maria Costa");

  /* the draft is a timeline the app loads */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_chronicle (&out, NULL, "--validate", draft_path, NULL), ==, 0);
}

static void
test_extract_refusals (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "article.txt", NULL);
  g_autofree char *binary_path = g_build_filename (fixture->dir, "binary.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  g_file_set_contents (path, "Talks resumed on Friday in Geneva after a pause of two weeks.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (binary_path, "Talks \xff\xfe resumed.\n", -1, &error);
  g_assert_no_error (error);

  /* no publication date: "on Friday" cannot be dated */
  g_assert_cmpint (run_chronicle (NULL, &err, "--extract", path, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "no publication date"));
  g_assert_cmpuint (strlen (err), ==, strcspn (err, "\n") + 1);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (NULL, &err, "--extract", path, "--published", "2024-02-30", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--published"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (NULL, &err, "--extract", binary_path, "--published", "2024-03-08", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "not UTF-8"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chronicle (NULL, &err, "--extract", path, "--export", "x.png", NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_chronicle (NULL, &err, "--validate", path, "--published", "2024-03-08", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  chronicle_test_add_with_dir ("/cli/export/png-size", test_export_png_size);
  chronicle_test_add_with_dir ("/cli/export/short-option", test_export_short_option);
  chronicle_test_add_with_dir ("/cli/export/svg-text", test_export_svg_text);
  chronicle_test_add_with_dir ("/cli/export/preset-map", test_export_preset_map);
  chronicle_test_add_with_dir ("/cli/export/cut-titles-note", test_export_cut_titles_note);
  chronicle_test_add_with_dir ("/cli/export/pdf", test_export_pdf);
  chronicle_test_add_with_dir ("/cli/export/zone", test_export_zone);
  chronicle_test_add_with_dir ("/cli/export/timelinejs", test_export_timelinejs);
  chronicle_test_add_with_dir ("/cli/export/chronicle", test_export_chronicle);
  chronicle_test_add_with_dir ("/cli/export/bad-arguments", test_bad_arguments);
  chronicle_test_add_with_dir ("/cli/export/failure-keeps-file", test_failed_export_keeps_file);
  chronicle_test_add_with_dir ("/cli/export/hostile-values", test_hostile_values);
  chronicle_test_add_with_dir ("/cli/options/parse", test_options_parse);
  chronicle_test_add_with_dir ("/cli/export/full-disk", test_export_full_disk);
  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/columns", test_columns);
  chronicle_test_add_with_dir ("/cli/validate/hostile-name", test_validate_hostile_name);
  g_test_add_func ("/cli/validate-one-line", test_validate_one_line);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/build-tree-language", test_build_tree_language);
  chronicle_test_add_with_dir ("/cli/extract/seed", test_extract_seed);
  chronicle_test_add_with_dir ("/cli/extract/html", test_extract_html);
  chronicle_test_add_with_dir ("/cli/extract/refusals", test_extract_refusals);

  return g_test_run ();
}
