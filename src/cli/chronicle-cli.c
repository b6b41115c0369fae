/* chronicle-cli.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "chronicle-cli.h"
#include "chronicle-import-private.h"
#include "chronicle-timeline-loader-private.h"
#include "chronicle-export.h"
#include "chronicle-extractor.h"
#include "chronicle-sandbox.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-timeline-writer.h"
#include "chronicle-timelinejs-export-private.h"

/*
 * The command-line modes (--export, --validate, --help) run before and
 * without GTK, so they work on a server with no display. Everything they
 * report is one line per problem on stderr, in the loader's words.
 */

typedef struct
{
  char     *output;
  char     *format;
  char     *width;
  char     *height;
  char     *scale;
  char     *theme;
  char     *from;
  char     *to;
  char     *zone;
  char     *preset;
  char     *subtitle;
  char     *image_map;
  char     *extract;
  char     *published;
  char     *draft;
  char     *columns;
  gboolean  no_legend;
  gboolean  no_title;
  gboolean  no_credit;
  gboolean  linear;
  gboolean  validate;
  gboolean  version;
  gboolean  help;
  GStrv     files;
} CliArgs;

static void
cli_args_clear (CliArgs *args)
{
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->width, g_free);
  g_clear_pointer (&args->height, g_free);
  g_clear_pointer (&args->scale, g_free);
  g_clear_pointer (&args->theme, g_free);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->zone, g_free);
  g_clear_pointer (&args->preset, g_free);
  g_clear_pointer (&args->subtitle, g_free);
  g_clear_pointer (&args->image_map, g_free);
  g_clear_pointer (&args->extract, g_free);
  g_clear_pointer (&args->columns, g_free);
  g_clear_pointer (&args->published, g_free);
  g_clear_pointer (&args->draft, g_free);
  g_clear_pointer (&args->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliArgs, cli_args_clear)

G_DEFINE_QUARK (chronicle-cli-error-quark, chronicle_cli_error)

/* What a value from the command line looks like inside a message: one
 * line, control and bidi characters and invalid UTF-8 escaped, so that
 * `--from $'\xff'` names its value as “\x{FF}” instead of writing the
 * byte to the terminal. Cut long, as nobody reads a 10 000-character
 * argument back. */
#define MAX_QUOTED_CHARS 200

static char *
quote_value (const char *text)
{
  return chronicle_text_escape_line (text, MAX_QUOTED_CHARS);
}

/* A file name is escaped the same way but never cut: a script reading
 * --validate's output needs the whole path. */
static char *
quote_path (const char *path)
{
  return chronicle_text_escape_line (path, 0);
}

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, CHRONICLE_CLI_ERROR, CHRONICLE_CLI_ERROR_USAGE, message);
  return FALSE;
}

static int
fail (const char *format,
      ...) G_GNUC_PRINTF (1, 2);

static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("chronicle: %s\n", message);
  return CHRONICLE_EXIT_FAILED;
}

/**
 * chronicle_cli_handles:
 * @argc: argument count
 * @argv: arguments
 *
 * Returns: %TRUE if the arguments ask for a command-line mode rather than
 *   the window, so main() must not start GTK
 */
gboolean
chronicle_cli_handles (int    argc,
                       char **argv)
{
  static const char * const modes[] = {
    "--export", "-e", "--validate", "--help", "-h", "-?", "--version", "--extract", "--columns",
  };

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--") == 0)
        break;

      for (guint j = 0; j < G_N_ELEMENTS (modes); j++)
        {
          gsize len = strlen (modes[j]);

          if (strncmp (argv[i], modes[j], len) == 0 && (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }

  return FALSE;
}

/* Reads @option's value @text as an int within [@min, @max]; @value keeps
 * its default when the option was not given. */
static gboolean
parse_int (const char  *option,
           const char  *text,
           int          min,
           int          max,
           int         *value,
           GError     **error)
{
  g_autofree char *quoted = NULL;
  gint64 parsed;
  char *end = NULL;

  if (text == NULL)
    return TRUE;

  quoted = quote_value (text);
  errno = 0;
  parsed = g_ascii_strtoll (text, &end, 10);
  if (errno == ERANGE ||
      (end != text && *end == '\0' && !g_ascii_isspace (text[0]) && (parsed < min || parsed > max)))
    /* Translators: the first %s is an option (--width), the second its
     * value as given; %d–%d the range it must be in. */
    return usage_error (error, _("%s: “%s” is out of range: use %d–%d"), option, quoted, min, max);
  /* strtoll() skips leading spaces; a value with a tab or a newline
   * in front was not typed as a number. */
  if (errno != 0 || end == text || *end != '\0' || g_ascii_isspace (text[0]))
    /* Translators: the first %s is an option (--width), the second its
     * value as given. */
    return usage_error (error, _("%s: “%s” is not a whole number"), option, quoted);

  *value = (int) parsed;
  return TRUE;
}

static gboolean
parse_date_bound (const char  *option,
                  const char  *text,
                  gboolean     is_end,
                  gint64      *time,
                  gboolean    *zoned,
                  GError     **error)
{
  g_autoptr(GError) date_error = NULL;
  ChronicleDate date;

  if (!chronicle_date_parse (text, &date, &date_error))
    {
      g_autofree char *quoted = NULL;

      if (g_error_matches (date_error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX))
        {
          quoted = quote_value (text);
          /* Translators: the first %s is an option (--from), the second
           * its value as given. Keep YYYY, MM and DD as they are: they
           * describe the ISO 8601 notation. */
          return usage_error (error, _("%s: “%s” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
                              option, quoted);
        }

      /* A well-formed date that does not exist: the model says why. */
      quoted = quote_value (date_error->message);
      return usage_error (error, "%s: %s", option, quoted);
    }

  /* --to names the last date shown, so it includes the whole of it. */
  *time = is_end ? chronicle_date_get_end (&date) : chronicle_date_get_start (&date);
  /* With an offset, an instant: shown where the display zone puts it. */
  *zoned = date.has_offset;
  return TRUE;
}

/* --zone timeline|utc|local|±HH:MM (default: timeline). */
static gboolean
parse_zone (const char              *text,
            ChronicleExportOptions  *options,
            GError                 **error)
{
  int hours = 0, minutes = 0;
  char sign = 0, extra = 0;

  if (text == NULL || g_strcmp0 (text, "timeline") == 0)
    options->zone = CHRONICLE_ZONE_TIMELINE;
  else if (g_ascii_strcasecmp (text, "utc") == 0 || g_strcmp0 (text, "Z") == 0)
    options->zone = CHRONICLE_ZONE_UTC;
  else if (g_strcmp0 (text, "local") == 0)
    options->zone = CHRONICLE_ZONE_LOCAL;
  else if (sscanf (text, "%c%2d:%2d%c", &sign, &hours, &minutes, &extra) == 3 &&
           (sign == '+' || sign == '-') && strlen (text) == 6 &&
           g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[4]) &&
           hours >= 0 && minutes >= 0 && minutes < 60 && hours * 60 + minutes <= 14 * 60)
    {
      options->zone = CHRONICLE_ZONE_FIXED;
      options->zone_offset = (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    }
  else
    {
      g_autofree char *quoted = quote_value (text);

      /* Translators: %s is the value given to --zone */
      return usage_error (error, _("--zone: unknown zone “%s”: use timeline, utc, local or an offset such as +03:00"),
                          quoted);
    }

  return TRUE;
}

/* The data format --format names, or OUT's name implies (.chronicle.json:
 * our own, written as Save writes it); CHRONICLE_CLI_DATA_NONE for a
 * picture. */
static ChronicleCliData
get_data_format (CliArgs *args)
{
  g_autofree char *lower = NULL;

  if (g_strcmp0 (args->format, "timelinejs") == 0)
    return CHRONICLE_CLI_DATA_TIMELINEJS;
  if (g_strcmp0 (args->format, "timelinejs-csv") == 0)
    return CHRONICLE_CLI_DATA_TIMELINEJS_CSV;
  if (g_strcmp0 (args->format, "chronicle") == 0)
    return CHRONICLE_CLI_DATA_CHRONICLE;
  if (args->format != NULL || args->output == NULL)
    return CHRONICLE_CLI_DATA_NONE;

  lower = g_ascii_strdown (args->output, -1);
  return g_str_has_suffix (lower, ".chronicle.json") ? CHRONICLE_CLI_DATA_CHRONICLE : CHRONICLE_CLI_DATA_NONE;
}

/* The first image option given, which a data format refuses. */
static const char *
timelinejs_refused_option (CliArgs *args)
{
  const struct { const char *name; gboolean given; } options[] = {
    { "--width", args->width != NULL },
    { "--height", args->height != NULL },
    { "--scale", args->scale != NULL },
    { "--theme", args->theme != NULL },
    { "--from", args->from != NULL },
    { "--to", args->to != NULL },
    { "--zone", args->zone != NULL },
    { "--preset", args->preset != NULL },
    { "--subtitle", args->subtitle != NULL },
    { "--image-map", args->image_map != NULL },
    { "--no-legend", args->no_legend },
    { "--no-title", args->no_title },
    { "--no-credit", args->no_credit },
    { "--linear", args->linear },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    if (options[i].given)
      return options[i].name;
  return NULL;
}

static gboolean
build_export_options (CliArgs                 *args,
                      ChronicleExportOptions  *options,
                      GError                 **error)
{
  g_autoptr(GError) invalid = NULL;

  chronicle_export_options_init (options);

  if (args->format != NULL)
    {
      if (!chronicle_export_format_from_name (args->format, &options->format))
        {
          g_autofree char *quoted = quote_value (args->format);

          return usage_error (error, _("--format: unknown format “%s”: use png, svg, pdf, timelinejs, timelinejs-csv or chronicle"), quoted);
        }
    }
  else if (!chronicle_export_format_from_path (args->output, &options->format))
    {
      g_autofree char *quoted = quote_path (args->output);

      return usage_error (error,
                          _("--export: cannot tell the format of “%s”: name it .png, .svg or .pdf, or pass --format"),
                          quoted);
    }

  if (args->preset != NULL)
    {
      const ChronicleExportPreset *preset = chronicle_export_find_preset (args->preset);

      if (preset == NULL)
        {
          g_autofree char *quoted = quote_value (args->preset);

          return usage_error (error, _("--preset: unknown preset “%s”: use article, slide, a4 or letter"), quoted);
        }
      /* --width and --height below still win over the preset. */
      options->width = preset->width;
      options->height = preset->height;
    }

  if (!parse_int ("--width", args->width, CHRONICLE_EXPORT_MIN_SIZE, CHRONICLE_EXPORT_MAX_SIZE,
                  &options->width, error) ||
      !parse_int ("--height", args->height, CHRONICLE_EXPORT_MIN_SIZE, CHRONICLE_EXPORT_MAX_SIZE,
                  &options->height, error) ||
      !parse_int ("--scale", args->scale, 1, CHRONICLE_EXPORT_MAX_SCALE, &options->scale, error))
    return FALSE;

  if (args->scale != NULL && options->format != CHRONICLE_EXPORT_PNG)
    return usage_error (error, _("--scale: applies to PNG only; SVG and PDF are resolution independent"));

  if (args->theme == NULL || g_strcmp0 (args->theme, "light") == 0)
    options->dark = FALSE;
  else if (g_strcmp0 (args->theme, "dark") == 0)
    options->dark = TRUE;
  else
    {
      g_autofree char *quoted = quote_value (args->theme);

      return usage_error (error, _("--theme: unknown theme “%s”: use light or dark"), quoted);
    }

  options->show_legend = !args->no_legend;
  options->show_title = !args->no_title;
  options->show_credit = !args->no_credit;
  options->collapse_gaps = !args->linear;

  if (!parse_zone (args->zone, options, error))
    return FALSE;

  /* Each value is in its range; what is left is their product (the
   * pixel limit), which the options given share. */
  if (!chronicle_export_options_validate (options, &invalid))
    {
      g_autoptr(GString) given = g_string_new (NULL);

      if (args->width != NULL)
        g_string_append (given, "--width");
      if (args->height != NULL)
        g_string_append (given, given->len > 0 ? ", --height" : "--height");
      if (args->scale != NULL)
        g_string_append (given, given->len > 0 ? ", --scale" : "--scale");
      if (given->len == 0)
        g_string_append (given, "--export");

      return usage_error (error, "%s: %s", given->str, invalid->message);
    }

  return TRUE;
}

static ChronicleTimeline *
load_timeline (ChronicleCliOptions  *options,
               const char           *path,
               GStrv                *warnings,
               GError              **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* --columns: a spreadsheet whose columns are named by the user. */
  if (options->columns != NULL)
    return chronicle_timeline_load_csv_file_with_columns (file, options->columns, warnings, error);
  return chronicle_timeline_load_from_file (file, NULL, warnings, error);
}

static int
run_export (ChronicleCliOptions *options)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleViewport) viewport = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GFile) image_map = NULL;
  ChronicleExportReport report = { 0 };

  /* In a Flatpak sandbox, a path only the sandbox sees would exit 0 and
   * lose the chart: refuse it before doing anything. */
  if (!chronicle_sandbox_check_output (CHRONICLE_FLATPAK_INFO, g_get_home_dir (), "--export",
                                       options->output, &error)
      || (options->image_map != NULL
          && !chronicle_sandbox_check_output (CHRONICLE_FLATPAK_INFO, g_get_home_dir (), "--image-map",
                                              options->image_map, &error)))
    return fail ("%s", error->message);

  if (!(timeline = load_timeline (options, options->files[0], NULL, &error)))
    {
      g_autofree char *quoted = quote_path (options->files[0]);

      return fail (_("cannot export “%s”: %s"), quoted, error->message);
    }

  if (options->has_from || options->has_to)
    {
      gint64 start = 0, end = 0;

      chronicle_timeline_get_bounds (timeline, &start, &end);

      /* A bound given alone is completed by the timeline's own; it must
       * still leave something to show. */
      if (!options->has_to && options->from >= end)
        {
          g_autofree char *quoted = quote_value (options->from_text);

          return fail (_("--from: “%s” is after the end of the timeline"), quoted);
        }
      if (!options->has_from && options->to <= start)
        {
          g_autofree char *quoted = quote_value (options->to_text);

          return fail (_("--to: “%s” is before the start of the timeline"), quoted);
        }

      viewport = chronicle_viewport_new ();
      chronicle_viewport_set_zone (viewport, timeline, options->export.zone, options->export.zone_offset);
      chronicle_viewport_set_timeline (viewport, timeline, options->export.collapse_gaps);
      chronicle_viewport_set_width (viewport, options->export.width);
      {
        /* The axis is in the display zone: so are its ends, and a bound
         * written with an offset moves into it; a floating one is wall
         * time already. */
        int zone = chronicle_viewport_get_zone_offset (viewport);
        guint n_segments;
        const ChronicleAxisSegment *segments = chronicle_viewport_get_segments (viewport, &n_segments);

        chronicle_viewport_show_range (viewport,
                                       options->has_from ? options->from + (options->from_zoned ? zone : 0)
                                                         : segments[0].data_t0,
                                       options->has_to ? options->to + (options->to_zoned ? zone : 0)
                                                       : segments[n_segments - 1].data_t1);
      }
    }

  output = g_file_new_for_commandline_arg (options->output);
  if (options->image_map != NULL)
    image_map = g_file_new_for_commandline_arg (options->image_map);
  if (!chronicle_export_to_file_with_map (timeline, viewport, &options->export, output, image_map, &report,
                                          NULL, &error))
    return fail ("%s", error->message);

  /* Not a failure, but a chart a reader may take for whole: say so. */
  if (report.n_cut_titles > 0)
    {
      /* Translators: after a successful --export; %'u counts event titles. */
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "note: %'u event title was cut to fit; a larger size shows more of it",
                                                            "note: %'u event titles were cut to fit; a larger size shows more of them",
                                                            report.n_cut_titles),
                                               report.n_cut_titles);
      g_printerr ("chronicle: %s\n", note);
    }
  {
    g_autofree char *folds = chronicle_export_report_describe_folds (&report);

    if (folds != NULL)
      g_printerr ("chronicle: note: %s\n", folds);
  }

  return CHRONICLE_EXIT_OK;
}

/* A data format: TimelineJS, or our own through the writer that Save
 * uses (a normalised copy that keeps what the file had), with the same
 * guarantee: OUT is replaced whole or not at all. */
static int
run_export_data (ChronicleCliOptions *options)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  gboolean saved;

  if (!chronicle_sandbox_check_output (CHRONICLE_FLATPAK_INFO, g_get_home_dir (), "--export",
                                       options->output, &error))
    return fail ("%s", error->message);

  if (!(timeline = load_timeline (options, options->files[0], NULL, &error)))
    {
      g_autofree char *quoted = quote_path (options->files[0]);

      return fail (_("cannot export “%s”: %s"), quoted, error->message);
    }

  output = g_file_new_for_commandline_arg (options->output);
  switch (options->data_format)
    {
    case CHRONICLE_CLI_DATA_TIMELINEJS:
      saved = chronicle_timelinejs_save_to_file (timeline, output, NULL, &error);
      break;
    case CHRONICLE_CLI_DATA_TIMELINEJS_CSV:
      saved = chronicle_timelinejs_csv_save_to_file (timeline, output, NULL, &error);
      break;
    case CHRONICLE_CLI_DATA_CHRONICLE:
    case CHRONICLE_CLI_DATA_NONE:
    default:
      saved = chronicle_timeline_save_to_file (timeline, output, NULL, &error);
      break;
    }
  if (!saved)
    return fail ("%s", error->message);

  return CHRONICLE_EXIT_OK;
}

static int
run_validate (ChronicleCliOptions *options)
{
  int status = CHRONICLE_EXIT_OK;

  for (guint i = 0; options->files[i] != NULL; i++)
    {
      /* A file name is bytes: one with a newline would forge a line. */
      g_autofree char *path = quote_path (options->files[i]);
      g_autoptr(ChronicleTimeline) timeline = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) warnings = NULL;

      timeline = load_timeline (options, options->files[i], &warnings, &error);
      if (timeline == NULL)
        {
          /* Translators: --validate output; the first %s is a file name. */
          g_print (_("%s: error: %s\n"), path, error->message);
          status = CHRONICLE_EXIT_FAILED;
          continue;
        }

      /* What an import converted is information: said, but no warning. */
      if (chronicle_timeline_get_import_summary (timeline) != NULL)
        g_print ("%s: %s\n", path, chronicle_timeline_get_import_summary (timeline));
      for (guint j = 0; warnings != NULL && warnings[j] != NULL; j++)
        g_print (_("%s: warning: %s\n"), path, warnings[j]);

      if (warnings != NULL && warnings[0] != NULL)
        status = MAX (status, CHRONICLE_EXIT_WARNINGS);
      else
        g_print (ngettext ("%s: valid, %'u event\n", "%s: valid, %'u events\n",
                           chronicle_timeline_get_n_events (timeline)),
                 path, chronicle_timeline_get_n_events (timeline));
    }

  return status;
}

static int
run_extract (ChronicleCliOptions *options)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->article);
  g_autofree char *path = quote_path (options->article);
  g_autoptr(ChronicleArticle) article = NULL;
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;

  article = chronicle_article_new_from_file (file, NULL, &error);
  if (article == NULL)
    return fail (_("cannot read “%s”: %s"), path, error->message);
  if (options->published != NULL)
    chronicle_article_set_published (article, options->published);
  timeline = chronicle_extractor_extract (extractor, article, &error);
  if (timeline == NULL)
    return fail (_("cannot extract from “%s”: %s"), path, error->message);
  /* Each event carries its evidence, which the writer writes. */
  draft = chronicle_timeline_to_data (timeline, NULL);

  if (options->output == NULL)
    {
      g_print ("%s\n", draft);
      return CHRONICLE_EXIT_OK;
    }
  {
    g_autoptr(GFile) output = g_file_new_for_commandline_arg (options->output);
    g_autofree char *contents = g_strconcat (draft, "\n", NULL);

    if (!g_file_replace_contents (output, contents, strlen (contents), NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, &error))
      {
        g_autofree char *out = quote_path (options->output);
        return fail (_("cannot write “%s”: %s"), out, error->message);
      }
  }
  return CHRONICLE_EXIT_OK;
}

/**
 * chronicle_cli_options_free:
 * @options: (transfer full) (nullable): parsed options
 */
void
chronicle_cli_options_free (ChronicleCliOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->help);
  g_strfreev (options->files);
  g_free (options->output);
  g_free (options->from_text);
  g_free (options->to_text);
  g_free (options->subtitle);
  g_free (options->image_map);
  g_free (options->article);
  g_clear_pointer (&options->columns, g_hash_table_unref);
  g_clear_pointer (&options->published, chronicle_date_free);
  g_free (options);
}

/* --extract ARTICLE [--published DAY] [--output DRAFT] into @options. */
static gboolean
read_extract (CliArgs              *args,
              ChronicleCliOptions  *options,
              GError              **error)
{
  if (args->output != NULL || args->validate)
    {
      usage_error (error, _("--extract cannot be combined with --export or --validate"));
      return FALSE;
    }
  if (options->files[0] != NULL)
    {
      g_autofree char *quoted = quote_path (options->files[0]);
      usage_error (error, _("--extract takes one ARTICLE: unexpected “%s”"), quoted);
      return FALSE;
    }
  if (args->published != NULL)
    {
      g_autoptr(GError) date_error = NULL;
      ChronicleDate date;
      g_autofree char *quoted = quote_value (args->published);

      if (!g_utf8_validate (args->published, -1, NULL) ||
          !chronicle_date_parse (args->published, &date, &date_error) ||
          date.precision != CHRONICLE_DATE_PRECISION_DAY)
        {
          usage_error (error, _("--published: “%s” is not a day (use YYYY-MM-DD)"), quoted);
          return FALSE;
        }
      options->published = chronicle_date_copy (&date);
    }
  options->mode = CHRONICLE_CLI_MODE_EXTRACT;
  options->article = g_steal_pointer (&args->extract);
  options->output = g_steal_pointer (&args->draft);
  return TRUE;
}

/* --from and --to of an image export, the first before the second. */
static gboolean
read_range (CliArgs              *args,
            ChronicleCliOptions  *options,
            GError              **error)
{
  if (args->from != NULL)
    {
      if (!parse_date_bound ("--from", args->from, FALSE, &options->from, &options->from_zoned, error))
        return FALSE;
      options->has_from = TRUE;
    }
  if (args->to != NULL)
    {
      if (!parse_date_bound ("--to", args->to, TRUE, &options->to, &options->to_zoned, error))
        return FALSE;
      options->has_to = TRUE;
    }
  if (options->has_from && options->has_to && options->from >= options->to)
    {
      g_autofree char *from = quote_value (args->from);
      g_autofree char *to = quote_value (args->to);
      usage_error (error, _("--from: “%s” is after --to “%s”"), from, to);
      return FALSE;
    }
  return TRUE;
}

/**
 * chronicle_cli_options_parse:
 * @argc: argument count
 * @argv: (array length=argc): arguments, the program name first; bytes
 *   in any encoding
 * @error: return location for a %CHRONICLE_CLI_ERROR
 *
 * Parses and checks the command line of the command-line modes without
 * reading or writing any file and without printing: --help gives
 * %CHRONICLE_CLI_MODE_HELP with the text to print. Every error is one
 * line that names the option and quotes its value escaped.
 *
 * Returns: (transfer full): the options, or %NULL with @error set
 */
ChronicleCliOptions *
chronicle_cli_options_parse (int      argc,
                             char   **argv,
                             GError **error)
{
  g_autoptr(ChronicleCliOptions) options = NULL;
  g_auto(CliArgs) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_auto(GStrv) arguments = NULL;
  g_autofree char *description = NULL;
  /* Every value is read as bytes (FILENAME): GOption's own conversion of
   * a STRING to UTF-8 fails with a message that names neither the option
   * nor the value. The checks below quote values escaped. */
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write the chart of FILE to OUT (.png, .svg or .pdf) and exit"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_FILENAME, &args.format,
      N_("Output format: png, svg, pdf, timelinejs, timelinejs-csv or chronicle (default: from OUT’s extension; .chronicle.json is chronicle)"), N_("FORMAT") },
    { "width", 'w', 0, G_OPTION_ARG_FILENAME, &args.width,
      N_("Width in pixels (points for PDF), 16–16384 (default: 1920)"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_FILENAME, &args.height,
      N_("Height in pixels (points for PDF), 16–16384 (default: 1080)"), N_("H") },
    { "scale", 's', 0, G_OPTION_ARG_FILENAME, &args.scale,
      N_("PNG pixel density, 1–4 (default: 1)"), N_("S") },
    { "theme", 0, 0, G_OPTION_ARG_FILENAME, &args.theme,
      N_("Colours: light or dark (default: light)"), N_("THEME") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &args.from,
      N_("Show from this ISO 8601 date (e.g. 2022-02 or 2025-05-15)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &args.to,
      N_("Show up to and including this ISO 8601 date"), N_("DATE") },
    { "preset", 0, 0, G_OPTION_ARG_FILENAME, &args.preset,
      N_("Size for a use: article (1200×675), slide (1920×1080), a4 or letter (landscape, points)"), N_("NAME") },
    { "subtitle", 0, 0, G_OPTION_ARG_FILENAME, &args.subtitle,
      N_("A line of text under the title"), N_("TEXT") },
    { "image-map", 0, 0, G_OPTION_ARG_FILENAME, &args.image_map,
      N_("Also write what was drawn where to MAP, as JSON (see docs/image-map.md)"), N_("MAP") },
    { "zone", 0, 0, G_OPTION_ARG_FILENAME, &args.zone,
      N_("Draw times of day in this zone: timeline (the zone its times share, else UTC), utc, local or ±HH:MM"),
      N_("ZONE") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &args.no_legend,
      N_("Leave out the category legend"), NULL },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &args.no_title,
      N_("Leave out the timeline’s title"), NULL },
    { "no-credit", 0, 0, G_OPTION_ARG_NONE, &args.no_credit,
      N_("Leave out the credit line naming the sources"), NULL },
    { "linear", 0, 0, G_OPTION_ARG_NONE, &args.linear,
      N_("Keep the time axis linear: do not collapse long empty stretches"), NULL },
    { "extract", 0, 0, G_OPTION_ARG_FILENAME, &args.extract,
      N_("Propose a draft timeline of the dated events and quotes in ARTICLE (text or a saved web page) and exit"),
      N_("ARTICLE") },
    { "published", 0, 0, G_OPTION_ARG_FILENAME, &args.published,
      N_("With --extract: the article’s publication date, when it does not give one"), N_("DATE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.draft,
      N_("With --extract: write the draft to DRAFT instead of standard output"), N_("DRAFT") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &args.columns,
      N_("Read FILE as a spreadsheet whose columns hold these fields, e.g. date=When,title=What "
         "(fields: date, end, title, summary, category, actors, location, source, id, display_date)"),
      N_("FIELD=Column,…") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &args.validate,
      N_("Check each FILE and print its errors and warnings"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &args.version,
      N_("Print the version and exit"), NULL },
    /* GOption's own --help calls exit(): ours returns, so that a caller
     * (a test, the fuzz target) keeps control. */
    { "help", 'h', 0, G_OPTION_ARG_NONE, &args.help,
      N_("Show help options"), NULL },
    { "usage", '?', G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &args.help, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args.files, NULL, N_("FILE…") },
    { NULL }
  };

  g_return_val_if_fail (argc >= 0, NULL);
  g_return_val_if_fail (argc == 0 || argv != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  context = g_option_context_new (NULL);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                _("Without options, opens FILE (or the bundled example) in a window.\n"
                                  "With --export, --validate or --extract, works without a display and exits."));
  description = g_strdup_printf (_("Exit status: 0 success (for --validate: every file valid), "
                                   "1 valid with warnings,\n"
                                   "2 a file was refused, an argument was wrong or the output could not be written.\n"
                                   "A failed export writes nothing and leaves an existing OUT untouched.\n\n"
                                   "Examples:\n"
                                   "  chronicle --export chart.png --width 1200 --height 675 timeline.json\n"
                                   "  chronicle --export report.pdf --width 842 --height 595 --from 2025-05-15 timeline.json\n"
                                   "  chronicle --validate *.chronicle.json\n"
                                   "  chronicle --extract article.html --output draft.chronicle.json"));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* Parse a copy: GOption removes what it consumed. */
  arguments = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    arguments[i] = g_strdup (argv[i]);

  options = g_new0 (ChronicleCliOptions, 1);

  if (!g_option_context_parse_strv (context, &arguments, &parse_error))
    {
      /* GOption's messages ("Unknown option --x") quote the argument as
       * given. */
      g_autofree char *quoted = chronicle_text_escape_line (parse_error->message, 0);
      usage_error (error, "%s", quoted);
      return NULL;
    }

  options->files = args.files != NULL ? g_steal_pointer (&args.files) : g_new0 (char *, 1);

  if (args.help)
    {
      options->mode = CHRONICLE_CLI_MODE_HELP;
      options->help = g_option_context_get_help (context, TRUE, NULL);
      return g_steal_pointer (&options);
    }

  if (args.version)
    {
      options->mode = CHRONICLE_CLI_MODE_VERSION;
      return g_steal_pointer (&options);
    }

  if (args.extract != NULL)
    return read_extract (&args, options, error) ? g_steal_pointer (&options) : NULL;

  if (args.published != NULL || args.draft != NULL)
    {
      usage_error (error, _("--published and --output go with --extract"));
      return NULL;
    }

  if (args.columns != NULL)
    {
      g_autoptr(GError) columns_error = NULL;

      if (args.output == NULL && !args.validate)
        {
          usage_error (error, _("--columns goes with --export or --validate"));
          return NULL;
        }
      if (!g_utf8_validate (args.columns, -1, NULL) ||
          !(options->columns = chronicle_import_parse_columns (args.columns, &columns_error)))
        {
          usage_error (error, "%s", columns_error != NULL ? columns_error->message
                                                         : _("--columns is not UTF-8 text"));
          return NULL;
        }
    }

  if (args.output != NULL && args.validate)
    {
      usage_error (error, _("--export and --validate cannot be combined"));
      return NULL;
    }

  if (args.image_map != NULL && args.output == NULL)
    {
      usage_error (error, _("--image-map goes with --export"));
      return NULL;
    }

  if (args.validate)
    {
      if (options->files[0] == NULL)
        {
          usage_error (error, _("--validate needs at least one timeline FILE"));
          return NULL;
        }
      options->mode = CHRONICLE_CLI_MODE_VALIDATE;
      return g_steal_pointer (&options);
    }

  if (args.output == NULL)
    {
      usage_error (error, _("nothing to do: pass --export OUT FILE, --validate FILE or --extract ARTICLE (see --help)"));
      return NULL;
    }

  options->mode = CHRONICLE_CLI_MODE_EXPORT;
  if (g_strv_length (options->files) != 1)
    {
      usage_error (error, _("--export needs exactly one timeline FILE"));
      return NULL;
    }

  /* A TimelineJS or Chronicle file is data, not a picture: the image
   * options have nothing to apply to, and are refused rather than ignored. */
  options->data_format = get_data_format (&args);
  if (options->data_format != CHRONICLE_CLI_DATA_NONE)
    {
      const char *image_option = timelinejs_refused_option (&args);

      if (image_option != NULL)
        {
          /* Translators: the first %s is an option (--width), the second a format (timelinejs) */
          usage_error (error, _("%s applies to images, not to --format %s"), image_option,
                       args.format != NULL ? args.format : "chronicle");
          return NULL;
        }
      options->output = g_steal_pointer (&args.output);
      return g_steal_pointer (&options);
    }

  if (!build_export_options (&args, &options->export, error))
    return NULL;

  /* The subtitle is file-name bytes like every value (see the entries):
   * drawn, it must be text. */
  if (args.subtitle != NULL)
    {
      options->subtitle = g_utf8_make_valid (args.subtitle, -1);
      options->export.subtitle = options->subtitle;
    }

  if (!read_range (&args, options, error))
    return NULL;

  options->output = g_steal_pointer (&args.output);
  options->image_map = g_steal_pointer (&args.image_map);
  options->from_text = g_steal_pointer (&args.from);
  options->to_text = g_steal_pointer (&args.to);
  return g_steal_pointer (&options);
}

/**
 * chronicle_cli_run:
 * @argc: argument count
 * @argv: arguments
 *
 * Runs the command-line mode that chronicle_cli_handles() detected.
 *
 * Returns: the process exit status
 */
int
chronicle_cli_run (int    argc,
                   char **argv)
{
  g_autoptr(ChronicleCliOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  options = chronicle_cli_options_parse (argc, argv, &error);
  if (options == NULL)
    return fail ("%s", error->message);

  switch (options->mode)
    {
    case CHRONICLE_CLI_MODE_HELP:
      g_print ("%s", options->help);
      return CHRONICLE_EXIT_OK;

    case CHRONICLE_CLI_MODE_VERSION:
      g_print ("chronicle %s\n", PACKAGE_VERSION);
      return CHRONICLE_EXIT_OK;

    case CHRONICLE_CLI_MODE_VALIDATE:
      return run_validate (options);

    case CHRONICLE_CLI_MODE_EXTRACT:
      return run_extract (options);

    case CHRONICLE_CLI_MODE_EXPORT:
    default:
      return options->data_format != CHRONICLE_CLI_DATA_NONE ? run_export_data (options)
                                                            : run_export (options);
    }
}
