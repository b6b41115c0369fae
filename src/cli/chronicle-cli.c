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
#include "chronicle-export.h"
#include "chronicle-timeline-loader.h"

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
  char     *zone;
  char     *from;
  char     *to;
  char     *preset;
  char     *subtitle;
  char     *image_map;
  gboolean  no_legend;
  gboolean  no_title;
  gboolean  no_credit;
  gboolean  linear;
  gboolean  validate;
  gboolean  version;
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
  g_clear_pointer (&args->zone, g_free);
  g_clear_pointer (&args->from, g_free);
  g_clear_pointer (&args->to, g_free);
  g_clear_pointer (&args->preset, g_free);
  g_clear_pointer (&args->subtitle, g_free);
  g_clear_pointer (&args->image_map, g_free);
  g_clear_pointer (&args->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliArgs, cli_args_clear)

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
    "--export", "-e", "--validate", "--help", "-h", "-?", "--version",
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

static gboolean
parse_int (const char *option,
           const char *text,
           int         fallback,
           int        *value)
{
  gint64 parsed;
  char *end = NULL;

  if (text == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  errno = 0;
  parsed = g_ascii_strtoll (text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || parsed < G_MININT || parsed > G_MAXINT)
    {
      fail (_("%s “%s” is not a whole number"), option, text);
      return FALSE;
    }

  *value = (int) parsed;
  return TRUE;
}

static gboolean
parse_date_bound (const char *option,
                  const char *text,
                  gboolean    is_end,
                  double     *time,
                  gboolean   *zoned)
{
  g_autoptr(GError) error = NULL;
  ChronicleDate date;

  if (!chronicle_date_parse (text, &date, &error))
    {
      fail (_("%s: %s"), option, error->message);
      return FALSE;
    }

  /* --to names the last date shown, so it includes the whole of it. */
  *time = is_end ? chronicle_date_get_end (&date) : chronicle_date_get_start (&date);
  /* With an offset, an instant: shown where the display zone puts it. */
  *zoned = date.has_offset;
  return TRUE;
}

static ChronicleTimeline *
load_timeline (const char  *path,
               GStrv       *warnings,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return chronicle_timeline_load_from_file (file, NULL, warnings, error);
}

/* --zone timeline|utc|local|±HH:MM (default: timeline). */
static gboolean
parse_zone (const char             *text,
            ChronicleExportOptions *options)
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
      fail (_("unknown zone “%s”: use timeline, utc, local or an offset such as +03:00"), text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
build_export_options (CliArgs                *args,
                      ChronicleExportOptions *options)
{
  g_autoptr(GError) error = NULL;

  chronicle_export_options_init (options);

  if (args->format != NULL)
    {
      if (!chronicle_export_format_from_name (args->format, &options->format))
        {
          fail (_("unknown format “%s”: use png, svg or pdf"), args->format);
          return FALSE;
        }
    }
  else if (!chronicle_export_format_from_path (args->output, &options->format))
    {
      fail (_("cannot tell the format of “%s”: name it .png, .svg or .pdf, or pass --format"),
            args->output);
      return FALSE;
    }

  if (args->preset != NULL)
    {
      const ChronicleExportPreset *preset = chronicle_export_find_preset (args->preset);

      if (preset == NULL)
        {
          fail (_("unknown preset “%s”: use article, slide, a4 or letter"), args->preset);
          return FALSE;
        }
      /* --width and --height below still win over the preset. */
      options->width = preset->width;
      options->height = preset->height;
    }

  if (!parse_int ("--width", args->width, options->width, &options->width) ||
      !parse_int ("--height", args->height, options->height, &options->height) ||
      !parse_int ("--scale", args->scale, options->scale, &options->scale))
    return FALSE;

  if (args->scale != NULL && options->format != CHRONICLE_EXPORT_PNG)
    {
      fail (_("--scale applies to PNG only; SVG and PDF are resolution independent"));
      return FALSE;
    }

  if (args->theme == NULL || g_strcmp0 (args->theme, "light") == 0)
    options->dark = FALSE;
  else if (g_strcmp0 (args->theme, "dark") == 0)
    options->dark = TRUE;
  else
    {
      fail (_("unknown theme “%s”: use light or dark"), args->theme);
      return FALSE;
    }

  options->show_legend = !args->no_legend;
  options->show_title = !args->no_title;
  options->show_credit = !args->no_credit;
  options->collapse_gaps = !args->linear;
  /* Borrowed: args outlive the export. */
  options->subtitle = args->subtitle;

  if (!parse_zone (args->zone, options))
    return FALSE;

  if (!chronicle_export_options_validate (options, &error))
    {
      fail ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

static int
run_export (CliArgs *args)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(ChronicleViewport) viewport = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GFile) image_map = NULL;
  ChronicleExportOptions options;
  ChronicleExportReport report;
  double from = 0, to = 0;
  gboolean from_zoned = FALSE, to_zoned = FALSE;

  if (args->files == NULL || g_strv_length (args->files) != 1)
    return fail (_("--export needs exactly one timeline FILE"));

  if (!build_export_options (args, &options))
    return CHRONICLE_EXIT_FAILED;

  if ((args->from != NULL && !parse_date_bound ("--from", args->from, FALSE, &from, &from_zoned)) ||
      (args->to != NULL && !parse_date_bound ("--to", args->to, TRUE, &to, &to_zoned)))
    return CHRONICLE_EXIT_FAILED;

  if (args->from != NULL && args->to != NULL && from >= to)
    return fail (_("--from %s is after --to %s"), args->from, args->to);

  if (!(timeline = load_timeline (args->files[0], NULL, &error)))
    return fail (_("cannot export “%s”: %s"), args->files[0], error->message);

  if (args->from != NULL || args->to != NULL)
    {
      gint64 start = 0, end = 0;

      chronicle_timeline_get_bounds (timeline, &start, &end);

      /* A bound given alone is completed by the timeline's own; it must
       * still leave something to show. */
      if (args->to == NULL && from >= end)
        return fail (_("--from %s is after the end of the timeline"), args->from);
      if (args->from == NULL && to <= start)
        return fail (_("--to %s is before the start of the timeline"), args->to);

      viewport = chronicle_viewport_new ();
      chronicle_viewport_set_zone_offset (viewport,
                                          chronicle_viewport_resolve_zone (timeline, options.zone,
                                                                           options.zone_offset));
      chronicle_viewport_set_timeline (viewport, timeline, options.collapse_gaps);
      chronicle_viewport_set_width (viewport, options.width);
      {
        /* The axis is in the display zone: so are its ends, and a bound
         * written with an offset moves into it; a floating one is wall
         * time already. */
        int zone = chronicle_viewport_get_zone_offset (viewport);
        guint n_segments;
        const ChronicleAxisSegment *segments = chronicle_viewport_get_segments (viewport, &n_segments);

        chronicle_viewport_show_range (viewport,
                                       args->from != NULL ? from + (from_zoned ? zone : 0) : segments[0].data_t0,
                                       args->to != NULL ? to + (to_zoned ? zone : 0) : segments[n_segments - 1].data_t1);
      }
    }

  output = g_file_new_for_commandline_arg (args->output);
  if (args->image_map != NULL)
    image_map = g_file_new_for_commandline_arg (args->image_map);
  if (!chronicle_export_to_file_with_map (timeline, viewport, &options, output, image_map, &report, NULL, &error))
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

  return CHRONICLE_EXIT_OK;
}

static int
run_validate (CliArgs *args)
{
  int status = CHRONICLE_EXIT_OK;

  if (args->files == NULL || args->files[0] == NULL)
    return fail (_("--validate needs at least one timeline FILE"));

  for (guint i = 0; args->files[i] != NULL; i++)
    {
      const char *path = args->files[i];
      g_autoptr(ChronicleTimeline) timeline = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) warnings = NULL;

      timeline = load_timeline (path, &warnings, &error);
      if (timeline == NULL)
        {
          /* Translators: --validate output; the first %s is a file name. */
          g_print (_("%s: error: %s\n"), path, error->message);
          status = CHRONICLE_EXIT_FAILED;
          continue;
        }

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
  g_auto(CliArgs) args = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) arguments = NULL;
  g_autofree char *description = NULL;
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &args.output,
      N_("Write the chart of FILE to OUT (.png, .svg or .pdf) and exit"), N_("OUT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args.format,
      N_("Output format: png, svg or pdf (default: from OUT’s extension)"), N_("FORMAT") },
    { "width", 'w', 0, G_OPTION_ARG_STRING, &args.width,
      N_("Width in pixels (points for PDF), 16–16384 (default: 1920)"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_STRING, &args.height,
      N_("Height in pixels (points for PDF), 16–16384 (default: 1080)"), N_("H") },
    { "scale", 's', 0, G_OPTION_ARG_STRING, &args.scale,
      N_("PNG pixel density, 1–4 (default: 1)"), N_("S") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &args.theme,
      N_("Colours: light or dark (default: light)"), N_("THEME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &args.from,
      N_("Show from this ISO 8601 date (e.g. 2022-02 or 2025-05-15)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &args.to,
      N_("Show up to and including this ISO 8601 date"), N_("DATE") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &args.preset,
      N_("Size for a use: article (1200×675), slide (1920×1080), a4 or letter (landscape, points)"), N_("NAME") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &args.subtitle,
      N_("A line of text under the title"), N_("TEXT") },
    { "image-map", 0, 0, G_OPTION_ARG_FILENAME, &args.image_map,
      N_("Also write what was drawn where to MAP, as JSON (see docs/image-map.md)"), N_("MAP") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &args.no_legend,
      N_("Leave out the category legend"), NULL },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &args.no_title,
      N_("Leave out the timeline’s title"), NULL },
    { "no-credit", 0, 0, G_OPTION_ARG_NONE, &args.no_credit,
      N_("Leave out the credit line naming the sources"), NULL },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &args.zone,
      N_("Draw times of day in this zone: timeline (the zone its times share, else UTC), utc, local or ±HH:MM"),
      N_("ZONE") },
    { "linear", 0, 0, G_OPTION_ARG_NONE, &args.linear,
      N_("Keep the time axis linear: do not collapse long empty stretches"), NULL },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &args.validate,
      N_("Check each FILE and print its errors and warnings"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &args.version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args.files, NULL, N_("FILE…") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Without options, opens FILE (or the bundled example) in a window.\n"
                                  "With --export or --validate, works without a display and exits."));
  description = g_strdup_printf (_("Exit status: 0 success (for --validate: every file valid), "
                                   "1 valid with warnings,\n"
                                   "2 a file was refused, an argument was wrong or the output could not be written.\n"
                                   "A failed export writes nothing and leaves an existing OUT untouched.\n\n"
                                   "Examples:\n"
                                   "  chronicle --export chart.png --width 1200 --height 675 timeline.json\n"
                                   "  chronicle --export report.pdf --width 842 --height 595 --from 2025-05-15 timeline.json\n"
                                   "  chronicle --validate *.chronicle.json"));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* Parse a copy: GOption removes what it consumed. */
  arguments = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc; i++)
    arguments[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &arguments, &error))
    return fail ("%s", error->message);

  if (args.version)
    {
      g_print ("chronicle %s\n", PACKAGE_VERSION);
      return CHRONICLE_EXIT_OK;
    }

  if (args.output != NULL && args.validate)
    return fail (_("--export and --validate cannot be combined"));

  if (args.image_map != NULL && args.output == NULL)
    return fail (_("--image-map goes with --export"));

  if (args.validate)
    return run_validate (&args);

  if (args.output != NULL)
    return run_export (&args);

  return fail (_("nothing to do: pass --export OUT FILE or --validate FILE (see --help)"));
}
