/* chronicle-export.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-export"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "chronicle-export.h"
#include "chronicle-export-private.h"
#include "chronicle-image-map-private.h"
#include "chronicle-layout.h"
#include "chronicle-layout-private.h"
#include "chronicle-paint.h"
#include "chronicle-style.h"
#include "chronicle-text-private.h"

G_DEFINE_QUARK (chronicle-export-error-quark, chronicle_export_error)

static const struct {
  ChronicleExportFormat format;
  const char *name;
} formats[] = {
  { CHRONICLE_EXPORT_PNG, "png" },
  { CHRONICLE_EXPORT_SVG, "svg" },
  { CHRONICLE_EXPORT_PDF, "pdf" },
};

/* Space around the credit line, in layout px. */
#define CREDIT_MARGIN 8.0
#define CREDIT_PAD_X  16.0   /* the title's left edge (OUTER_PAD in the layout) */

/* The layout size at which an export's text reads as in the window: text
 * scales with the output beyond it (see chronicle_export_get_text_scale). */
#define TEXT_SCALE_WIDTH  1000.0
#define TEXT_SCALE_HEIGHT 562.5

/* Article: a newspaper site's column graphic (16:9, most CMSs take 1200
 * wide). Slide: a 16:9 full-HD slide. Print: A4 and US Letter landscape
 * in points, as PDF. */
static const ChronicleExportPreset presets[] = {
  { "article", N_("Article"), 1200, 675, CHRONICLE_EXPORT_PNG },
  { "slide", N_("Slide"), 1920, 1080, CHRONICLE_EXPORT_PNG },
  { "a4", N_("A4 landscape"), 842, 595, CHRONICLE_EXPORT_PDF },
  { "letter", N_("Letter landscape"), 792, 612, CHRONICLE_EXPORT_PDF },
};

/**
 * chronicle_export_get_presets:
 * @n_presets: (out): how many there are
 *
 * The sizes offered by name: an article column, a slide, A4 and Letter
 * for print. Names are untranslated (pass them through `_()`).
 *
 * Returns: (array length=n_presets): the presets
 */
const ChronicleExportPreset *
chronicle_export_get_presets (guint *n_presets)
{
  g_return_val_if_fail (n_presets != NULL, NULL);

  *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/**
 * chronicle_export_find_preset:
 * @id: a preset id such as "article" (any case)
 *
 * Returns: (nullable): the preset, or %NULL if there is none by that id
 */
const ChronicleExportPreset *
chronicle_export_find_preset (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (presets[i].id, id) == 0)
      return &presets[i];

  return NULL;
}

/**
 * chronicle_export_options_init:
 * @options: options to fill
 *
 * Fills @options with the defaults: a 1920×1080 light PNG of the whole
 * timeline with title, legend and credit, text sized for the output, and
 * no selection highlight.
 */
void
chronicle_export_options_init (ChronicleExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (ChronicleExportOptions) {
    .format = CHRONICLE_EXPORT_PNG,
    .width = 1920,
    .height = 1080,
    .scale = 1,
    .dark = FALSE,
    .show_title = TRUE,
    .show_legend = TRUE,
    .show_credit = TRUE,
    .collapse_gaps = TRUE,
    .selected = G_MAXUINT,
    .zone = CHRONICLE_ZONE_TIMELINE,
    .zone_offset = 0,
  };
}

gboolean
chronicle_export_format_from_name (const char            *name,
                                   ChronicleExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (name, formats[i].name) == 0)
        {
          if (format != NULL)
            *format = formats[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
chronicle_export_format_to_name (ChronicleExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;

  g_return_val_if_reached (NULL);
}

/**
 * chronicle_export_format_from_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE if @path ends in .png, .svg or .pdf (any case)
 */
gboolean
chronicle_export_format_from_path (const char            *path,
                                   ChronicleExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;

  return chronicle_export_format_from_name (dot + 1, format);
}

/**
 * chronicle_export_options_validate:
 * @options: options to check
 * @error: return location for a #GError
 *
 * Checks sizes and scale against the documented limits, so that a typo
 * cannot ask for a multi-gigabyte image.
 *
 * Returns: %TRUE if the options can be exported
 */
gboolean
chronicle_export_options_validate (const ChronicleExportOptions *options,
                                   GError                      **error)
{
  gint64 device_pixels;

  g_return_val_if_fail (options != NULL, FALSE);

  if (options->width < CHRONICLE_EXPORT_MIN_SIZE || options->width > CHRONICLE_EXPORT_MAX_SIZE ||
      options->height < CHRONICLE_EXPORT_MIN_SIZE || options->height > CHRONICLE_EXPORT_MAX_SIZE)
    {
      g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_INVALID,
                   _("size %d×%d is out of range: width and height must be between %d and %d"),
                   options->width, options->height,
                   CHRONICLE_EXPORT_MIN_SIZE, CHRONICLE_EXPORT_MAX_SIZE);
      return FALSE;
    }

  if (options->text_scale < 0 || options->text_scale > CHRONICLE_EXPORT_MAX_SCALE)
    {
      g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_INVALID,
                   _("text scale %g is out of range: it must be between 0 (automatic) and %d"),
                   options->text_scale, CHRONICLE_EXPORT_MAX_SCALE);
      return FALSE;
    }

  if (options->scale < 1 || options->scale > CHRONICLE_EXPORT_MAX_SCALE)
    {
      g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_INVALID,
                   _("scale %d is out of range: it must be between 1 and %d"),
                   options->scale, CHRONICLE_EXPORT_MAX_SCALE);
      return FALSE;
    }

  if (options->format != CHRONICLE_EXPORT_PNG)
    return TRUE;

  device_pixels = (gint64) options->width * options->scale * options->height * options->scale;
  if ((gint64) options->width * options->scale > CHRONICLE_EXPORT_MAX_SIZE ||
      (gint64) options->height * options->scale > CHRONICLE_EXPORT_MAX_SIZE ||
      device_pixels > CHRONICLE_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_INVALID,
                   _("%d×%d at scale %d is too large: an image may have at most %d pixels per side and %d pixels in all"),
                   options->width, options->height, options->scale,
                   CHRONICLE_EXPORT_MAX_SIZE, (int) CHRONICLE_EXPORT_MAX_PIXELS);
      return FALSE;
    }

  return TRUE;
}

/* One name of a credit line: a publisher (with the title of its one
 * article, when it has one), an article known only by its title, or a
 * site. */
typedef struct
{
  ChronicleSource        *source;  /* borrowed: its first source */
  ChronicleSourceNameKind kind;
  guint                   n_sources;
} CreditName;

/* "Reuters: “Russia, Ukraine in first direct peace talks since 2022”":
 * the publisher and the title read as one source, where "Reuters, Russia,
 * Ukraine in …" read as three. */
static char *
format_credit_name (const CreditName *name)
{
  const char *title = chronicle_source_get_title (name->source);
  g_autofree char *shown = chronicle_text_for_display (chronicle_source_get_name (name->source, NULL),
                                                       CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_autofree char *shown_title = NULL;

  if (name->kind == CHRONICLE_SOURCE_NAME_TITLE)
    /* Translators: an article known only by its title, in a credit line;
     * use your language's quotation marks. */
    return g_strdup_printf (_("“%s”"), shown);
  if (name->kind != CHRONICLE_SOURCE_NAME_PUBLISHER || name->n_sources != 1 ||
      title == NULL || chronicle_text_is_blank (title))
    return g_steal_pointer (&shown);

  shown_title = chronicle_text_for_display (title, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  /* Translators: a publisher and the title of its article, as one source
   * in a credit line: "Reuters: “Russia, Ukraine in first direct peace
   * talks since 2022”". */
  return g_strdup_printf (_("%s: “%s”"), shown, shown_title);
}

/**
 * chronicle_export_build_credit:
 * @timeline: a timeline
 *
 * Builds the credit line naming the timeline's sources, such as
 * "Source: Reuters: “Talks open”, 16 May 2025". Publishers are listed once
 * each, in file order, with the title of their article when they have
 * one; an article known only by its title is quoted, and left out when a
 * publisher's article of that title is credited; names are separated by
 * "; ", since a title may hold commas. The date is given when there is
 * exactly one source. Past %CHRONICLE_EXPORT_CREDIT_MAX_NAMES names the
 * line ends in "and N others": a line naming thousands is no credit line,
 * and the work stays linear in the number of sources.
 *
 * Returns: (transfer full) (nullable): the credit, or %NULL without sources
 */
char *
chronicle_export_build_credit (ChronicleTimeline *timeline)
{
  GListModel *sources;
  /* Keyed hashes: names and titles come from the file (see chronicle_str_hash). */
  g_autoptr(GHashTable) seen = g_hash_table_new (chronicle_str_hash, g_str_equal);
  g_autoptr(GHashTable) titles = g_hash_table_new (chronicle_str_hash, g_str_equal);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (CreditName));
  g_autoptr(GString) credit = NULL;
  guint n, n_others;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  sources = chronicle_timeline_get_sources (timeline);
  n = g_list_model_get_n_items (sources);

  /* The titles of the publishers' articles: the same article listed again
   * by its title alone (an import of it, say) credits no one new. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);
      const char *title = chronicle_source_get_title (source);

      if (chronicle_source_get_publisher (source) != NULL && title != NULL)
        g_hash_table_add (titles, (gpointer) title);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);
      ChronicleSourceNameKind kind;
      const char *name = chronicle_source_get_name (source, &kind);
      gpointer index;

      /* An id such as "src-1" only links events to it and credits no one. */
      if (kind == CHRONICLE_SOURCE_NAME_ID ||
          (kind == CHRONICLE_SOURCE_NAME_TITLE && g_hash_table_contains (titles, name)))
        continue;
      /* The timeline owns its sources, so the strings outlive the tables. */
      if (g_hash_table_lookup_extended (seen, name, NULL, &index))
        {
          if (GPOINTER_TO_UINT (index) > 0)
            g_array_index (names, CreditName, GPOINTER_TO_UINT (index) - 1).n_sources++;
          continue;
        }
      if (names->len < CHRONICLE_EXPORT_CREDIT_MAX_NAMES)
        {
          CreditName entry = { source, kind, 1 };

          g_array_append_val (names, entry);
          g_hash_table_insert (seen, (gpointer) name, GUINT_TO_POINTER (names->len));
        }
      else
        g_hash_table_insert (seen, (gpointer) name, GUINT_TO_POINTER (0));
    }

  if (names->len == 0)
    return NULL;

  credit = g_string_new (NULL);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *shown = format_credit_name (&g_array_index (names, CreditName, i));

      if (i > 0)
        /* Translators: between two sources of a credit line; a title may
         * hold commas, so a comma would not tell where one ends. */
        g_string_append (credit, _("; "));
      g_string_append (credit, shown);
    }

  n_others = g_hash_table_size (seen) - names->len;
  if (n_others > 0)
    {
      g_autofree char *listed = g_string_free (g_steal_pointer (&credit), FALSE);

      credit = g_string_new (NULL);
      /* Translators: a credit line that names only the first publishers;
       * %s lists them ("Reuters; AP"), %'u counts the others. */
      g_string_printf (credit, g_dngettext (GETTEXT_PACKAGE, "%s and %'u other", "%s and %'u others", n_others),
                       listed, n_others);
    }

  if (n == 1)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, 0);
      const ChronicleDate *published = chronicle_source_get_published (source);

      if (published != NULL)
        {
          g_autofree char *date = chronicle_date_format (published);
          g_string_append_printf (credit, ", %s", date);
        }
    }

  /* Translators: the credit line under an exported chart; %s lists the
   * sources, e.g. "Reuters: “Talks open”, 16 May 2025". */
  return g_strdup_printf (g_hash_table_size (seen) == 1 ? _("Source: %s") : _("Sources: %s"), credit->str);
}

/**
 * chronicle_export_get_text_scale:
 * @options: export options
 *
 * How much larger than in the window the export draws its text, marks and
 * lines: the chart is laid out at the output size divided by this and
 * drawn scaled up. A 1200×675 article graphic gets 1.2, a 1920×1080 slide
 * 1.92 and a 4K export 3.84, so each holds the same chart with text that
 * reads at its size; outputs smaller than 1000×562 keep the window's text
 * size rather than shrinking it. PDF sizes are points, so A4 (842×595)
 * keeps 10 pt text.
 *
 * Returns: output px (or points) per layout px, at least 1
 */
double
chronicle_export_get_text_scale (const ChronicleExportOptions *options)
{
  double scale;

  g_return_val_if_fail (options != NULL, 1.0);

  if (options->text_scale > 0)
    return options->text_scale;

  scale = MIN (options->width / TEXT_SCALE_WIDTH, options->height / TEXT_SCALE_HEIGHT);
  return CLAMP (scale, 1.0, (double) CHRONICLE_EXPORT_MAX_SCALE);
}

/* Characters no file system takes in a name (Windows is the strictest). */
static gboolean
is_unsafe_filename_char (gunichar c)
{
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ||
         (c < 0x80 && strchr (":/\\?*\"<>|", (int) c) != NULL) ||
         g_unichar_type (c) == G_UNICODE_FORMAT ||
         g_unichar_type (c) == G_UNICODE_LINE_SEPARATOR ||
         g_unichar_type (c) == G_UNICODE_PARAGRAPH_SEPARATOR;
}

/* CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without an extension. */
static gboolean
is_reserved_windows_name (const char *name)
{
  static const char * const reserved[] = { "CON", "PRN", "AUX", "NUL" };
  gsize stem = strcspn (name, ".");

  while (stem > 0 && name[stem - 1] == ' ')
    stem--;

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    if (stem == 3 && g_ascii_strncasecmp (name, reserved[i], 3) == 0)
      return TRUE;

  return stem == 4 && (g_ascii_strncasecmp (name, "COM", 3) == 0 || g_ascii_strncasecmp (name, "LPT", 3) == 0) &&
         name[3] >= '1' && name[3] <= '9';
}

/* File names are bounded in bytes (255 on most file systems): well
 * below, so that a folder path or "~1" still fits. */
#define FILENAME_MAX_BYTES 120

/**
 * chronicle_export_suggest_filename:
 * @title: (nullable): the timeline's title
 * @format: the export format, for the extension
 *
 * A file name for the export that every file system takes: the title as
 * people read it ("Istanbul talks 2025 — Ukraine.png", a colon becomes a
 * dash with spaces, not a "-" glued to the words), without the characters
 * Windows, macOS or Linux refuse or hide (`:/\?*"<>|`, controls, bidi
 * controls), without leading or trailing dots and spaces, not a Windows
 * device name, and at most %FILENAME_MAX_BYTES bytes, cut at a character.
 *
 * Returns: (transfer full): the suggested name, with its extension
 */
char *
chronicle_export_suggest_filename (const char            *title,
                                   ChronicleExportFormat  format)
{
  g_autofree char *clean = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  gboolean space = FALSE;

  if (title != NULL)
    clean = chronicle_text_for_display (title, CHRONICLE_TEXT_MAX_TITLE, FALSE);

  for (const char *c = clean; c != NULL && *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);
      char buf[8];
      int len;

      if (ch == ':')
        {
          /* "Russia: talks" reads as "Russia — talks". */
          while (name->len > 0 && name->str[name->len - 1] == ' ')
            g_string_truncate (name, name->len - 1);
          if (name->len > 0)
            g_string_append (name, " — ");
          space = FALSE;
          continue;
        }
      if (g_unichar_isspace (ch) || is_unsafe_filename_char (ch))
        {
          space = name->len > 0;
          continue;
        }

      if (space && name->str[name->len - 1] != ' ')
        g_string_append_c (name, ' ');
      space = FALSE;

      len = g_unichar_to_utf8 (ch, buf);
      if (name->len + len > FILENAME_MAX_BYTES)
        break;
      g_string_append_len (name, buf, len);
    }

  /* No leading dots (hidden files), no trailing dots or spaces (Windows
   * drops them), no dash left hanging by the cut. */
  while (name->len > 0 && (name->str[0] == '.' || name->str[0] == ' '))
    g_string_erase (name, 0, 1);
  for (;;)
    {
      if (name->len > 0 && (name->str[name->len - 1] == '.' || name->str[name->len - 1] == ' '))
        g_string_truncate (name, name->len - 1);
      else if (g_str_has_suffix (name->str, "—"))
        g_string_truncate (name, name->len - strlen ("—"));
      else
        break;
    }

  if (name->len == 0)
    /* Translators: the file name suggested for an export of a timeline
     * without a title; no extension. */
    g_string_assign (name, _("Timeline"));
  else if (is_reserved_windows_name (name->str))
    g_string_append (name, " chart");

  g_string_append_printf (name, ".%s", chronicle_export_format_to_name (format));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
init_style (ChronicleStyle               *style,
            const ChronicleExportOptions *options)
{
  if (options->dark)
    chronicle_style_init_dark (style);
  else
    chronicle_style_init_light (style);

  style->draw_background = TRUE;
  style->scale = options->format == CHRONICLE_EXPORT_PNG ? options->scale : 1;
}

/* The credit line, left-aligned under the chart like the title above it,
 * wrapped onto as many lines as it needs: a credit cut with "…" drops the
 * very sources it is there to name. Returns the height it takes. */
static double
paint_credit (cairo_t              *cr,
              const char           *credit,
              const ChronicleStyle *style,
              double                width,
              double                height,
              double                text_scale,
              ChronicleTextSink     sink,
              gpointer              sink_data)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style->font_family);
  PangoLayoutIter *iter;
  int text_width, text_height;
  double x = CREDIT_PAD_X, y;

  pango_font_description_set_absolute_size (font, style->font_size * 0.9 * PANGO_SCALE * 96.0 / 72.0);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, credit, -1);
  pango_layout_set_width (layout, (int) (MAX (width - 2 * CREDIT_PAD_X, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  y = height - text_height - CREDIT_MARGIN;

  if (sink == NULL)
    {
      cairo_save (cr);
      cairo_set_source_rgba (cr, style->dim_foreground.red, style->dim_foreground.green,
                             style->dim_foreground.blue, style->dim_foreground.alpha);
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      cairo_restore (cr);
      return text_height + 2 * CREDIT_MARGIN;
    }

  /* One run per line, in output px like the rest of the sink's text. */
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      g_autofree char *text = g_strndup (credit + line->start_index, line->length);
      g_autoptr(PangoFontDescription) scaled = pango_font_description_copy (font);

      g_strchomp (text);
      pango_font_description_set_absolute_size (scaled, pango_font_description_get_size (font) * text_scale);
      sink (text, x * text_scale, (y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE) * text_scale,
            scaled, &style->dim_foreground, sink_data);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return text_height + 2 * CREDIT_MARGIN;
}

/* The SVG's text sink gets layout px; the file is in output px. */
typedef struct
{
  ChronicleTextSink sink;
  gpointer          sink_data;
  double            scale;
} ScaledSink;

static void
scaled_sink_cb (const char                 *text,
                double                      x,
                double                      baseline,
                const PangoFontDescription *font,
                const ChronicleColor       *color,
                gpointer                    user_data)
{
  ScaledSink *scaled = user_data;
  g_autoptr(PangoFontDescription) scaled_font = pango_font_description_copy (font);

  pango_font_description_set_absolute_size (scaled_font, pango_font_description_get_size (font) * scaled->scale);
  scaled->sink (text, x * scaled->scale, baseline * scaled->scale, scaled_font, color, scaled->sink_data);
}

/*
 * Lays out and paints the export into @cr, whose units are output px (or
 * points): the chart is laid out at the output size divided by the text
 * scale and drawn scaled up, so that text, marks and lines grow with the
 * output together. Returns the layout, for the image map and the report.
 */
static ChronicleLayout *
paint_export (cairo_t                      *cr,
              ChronicleTimeline            *timeline,
              const ChronicleViewport      *view,
              const ChronicleExportOptions *options,
              ChronicleTextSink             sink,
              gpointer                      sink_data,
              guint                        *n_cut_titles)
{
  g_auto(ChronicleStyle) style = { 0 };
  g_autoptr(ChronicleViewport) viewport = NULL;
  ChronicleLayout *layout;
  PangoContext *context;
  g_autofree char *credit = NULL;
  g_autoptr(GHashTable) placements = NULL;
  ChroniclePangoMeasurer measurer;
  ChronicleLayoutOptions layout_options = { 0 };
  double text_scale = chronicle_export_get_text_scale (options);
  double width = options->width / text_scale;
  double height = options->height / text_scale;
  double chart_height = height;
  ScaledSink scaled = { sink, sink_data, text_scale };

  init_style (&style, options);

  cairo_save (cr);
  cairo_set_source_rgba (cr, style.background.red, style.background.green,
                         style.background.blue, style.background.alpha);
  cairo_paint (cr);
  cairo_scale (cr, text_scale, text_scale);

  if (sink != NULL)
    {
      sink = scaled_sink_cb;
      sink_data = &scaled;
    }

  if (options->show_credit && (credit = chronicle_export_build_credit (timeline)) != NULL)
    chart_height -= paint_credit (cr, credit, &style, width, height, text_scale, scaled.sink, scaled.sink_data);

  if (view != NULL)
    {
      double start, end;

      viewport = chronicle_viewport_copy (view);
      chronicle_viewport_set_width (viewport, width);
      /* Keep the time range the user saw, whatever the new width. */
      chronicle_viewport_get_visible_range (view, &start, &end);
      chronicle_viewport_show_range (viewport, start, end);
    }
  else
    {
      viewport = chronicle_viewport_new ();
      chronicle_viewport_set_zone (viewport, timeline, options->zone, options->zone_offset);
      chronicle_viewport_set_timeline (viewport, timeline, options->collapse_gaps);
      chronicle_viewport_set_width (viewport, width);
      chronicle_viewport_fit (viewport);
    }

  context = pango_cairo_create_context (cr);
  measurer.context = context;
  measurer.style = &style;

  layout_options.collapse_gaps = options->collapse_gaps;
  layout_options.show_title = options->show_title;
  layout_options.subtitle = options->subtitle;
  layout_options.show_legend = options->show_legend;
  layout_options.show_eras = TRUE;
  layout_options.hidden_categories = options->hidden_categories;
  layout_options.one_off = TRUE;
  if (options->placements != NULL)
    {
      /* The layout adds the events it places anew: not into the view's. */
      placements = chronicle_export_copy_placements (options->placements);
      layout_options.placements = placements;
    }

  layout = chronicle_layout_compute (timeline, viewport, width, chart_height,
                                     &layout_options, chronicle_pango_measure, &measurer);
  chronicle_paint_with_text_sink (cr, layout, &style, sink, sink_data);

  if (options->selected != G_MAXUINT)
    chronicle_paint_highlight (cr, layout, &style, options->selected, TRUE);

  if (n_cut_titles != NULL)
    *n_cut_titles = chronicle_layout_get_n_cut_titles (layout);

  cairo_restore (cr);
  g_object_unref (context);

  return layout;
}

/**
 * chronicle_export_copy_placements:
 * @placements: a view's memory of its events' rows (id -> row)
 *
 * Returns: (transfer full): a copy, for an export that runs while the
 *   view goes on (in a thread) or that must not change it
 */
GHashTable *
chronicle_export_copy_placements (GHashTable *placements)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (placements != NULL, copy);

  g_hash_table_iter_init (&iter, placements);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), value);

  return copy;
}

/**
 * chronicle_export_paint:
 * @cr: the target, in output px (points for PDF)
 * @timeline: the timeline to draw
 * @view: (nullable): the visible range to keep, or %NULL to fit everything
 * @options: what to draw
 *
 * Paints the export at the size in @options through the same layout and
 * painter as the timeline widget, with text sized for that output (see
 * chronicle_export_get_text_scale()).
 */
void
chronicle_export_paint (cairo_t                      *cr,
                        ChronicleTimeline            *timeline,
                        const ChronicleViewport      *view,
                        const ChronicleExportOptions *options)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));
  g_return_if_fail (options != NULL);

  chronicle_layout_free (paint_export (cr, timeline, view, options, NULL, NULL, NULL));
}

static void
report_layout (const ChronicleLayout *layout,
               guint                  n_cut_titles,
               ChronicleExportReport *report)
{
  report->n_cut_titles = n_cut_titles;
  report->n_folded_events = layout != NULL ? chronicle_layout_get_n_folded_events (layout, &report->n_clusters) : 0;
  if (layout == NULL)
    report->n_clusters = 0;
}

void
chronicle_export_paint_reporting (cairo_t                      *cr,
                                  ChronicleTimeline            *timeline,
                                  const ChronicleViewport      *view,
                                  const ChronicleExportOptions *options,
                                  ChronicleExportReport        *report)
{
  g_autoptr(ChronicleLayout) layout = NULL;
  guint n_cut = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));
  g_return_if_fail (options != NULL);
  g_return_if_fail (report != NULL);

  layout = paint_export (cr, timeline, view, options, NULL, NULL, &n_cut);
  report_layout (layout, n_cut, report);
}

/**
 * chronicle_export_report_describe_folds:
 * @report: what an export did
 *
 * Returns: (transfer full) (nullable): a sentence for the export dialog's
 *   preview and the command line when events were folded into "+N"
 *   pills, saying how many and what shows them; %NULL when none were
 */
char *
chronicle_export_report_describe_folds (const ChronicleExportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (report->n_folded_events == 0)
    return NULL;

  if (report->n_clusters == 1)
    /* Translators: under the export preview, when events have no label
     * and are drawn as a pill "+6" instead; both numbers are the same. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$'u event is folded into a “+%1$'u” chip; a taller size or a narrower range can show it",
                                         "%1$'u events are folded into a “+%1$'u” chip; a taller size or a narrower range can show them",
                                         report->n_folded_events),
                            report->n_folded_events);

  /* Translators: under the export preview, when events have no label and
   * are counted in pills ("+6") instead; %1$'u counts the events, %2$'u
   * the pills (always more than one). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%1$'u event is folded into %2$'u “+N” chips; a taller size or a narrower range can show it",
                                       "%1$'u events are folded into %2$'u “+N” chips; a taller size or a narrower range can show them",
                                       report->n_folded_events),
                          report->n_folded_events, report->n_clusters);
}

guint
chronicle_export_paint_counting_cuts (cairo_t                      *cr,
                                      ChronicleTimeline            *timeline,
                                      const ChronicleViewport      *view,
                                      const ChronicleExportOptions *options)
{
  guint n_cut = 0;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), 0);
  g_return_val_if_fail (options != NULL, 0);

  chronicle_layout_free (paint_export (cr, timeline, view, options, NULL, NULL, &n_cut));
  return n_cut;
}

static cairo_surface_t *
render_image (ChronicleTimeline            *timeline,
              const ChronicleViewport      *view,
              const ChronicleExportOptions *options,
              ChronicleLayout             **out_layout,
              guint                        *n_cut_titles,
              GError                      **error);

/**
 * chronicle_export_render_image:
 * @timeline: the timeline to draw
 * @view: (nullable): the visible range to keep, or %NULL to fit everything
 * @options: size, scale and looks
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): an ARGB32 image of
 *   width×scale by height×scale pixels
 */
cairo_surface_t *
chronicle_export_render_image (ChronicleTimeline            *timeline,
                               const ChronicleViewport      *view,
                               const ChronicleExportOptions *options,
                               GError                      **error)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  return render_image (timeline, view, options, NULL, NULL, error);
}

static cairo_surface_t *
render_image (ChronicleTimeline            *timeline,
              const ChronicleViewport      *view,
              const ChronicleExportOptions *options,
              ChronicleLayout             **out_layout,
              guint                        *n_cut_titles,
              GError                      **error)
{
  ChronicleLayout *layout;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!chronicle_export_options_validate (options, error))
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        options->width * options->scale,
                                        options->height * options->scale);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_INVALID,
                   _("Could not create a %d×%d image: %s"),
                   options->width * options->scale, options->height * options->scale,
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_set_device_scale (surface, options->scale, options->scale);
  cr = cairo_create (surface);
  layout = paint_export (cr, timeline, view, options, NULL, NULL, n_cut_titles);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (out_layout != NULL)
    *out_layout = layout;
  else
    chronicle_layout_free (layout);

  return surface;
}

/* Where cairo's PDF and PNG writers put their bytes: straight into the
 * saver, which keeps the first failed write. cairo 1.16's PDF surface does
 * not report a failed write in cairo_surface_status() after finishing, so
 * the saver, not cairo, says whether the file was written. */
typedef struct
{
  ChronicleFileSaver *saver;
  GCancellable       *cancellable;
} WriteTarget;

static cairo_status_t
write_to_saver_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  WriteTarget *target = closure;

  if (!chronicle_file_saver_write (target->saver, data, length, target->cancellable, NULL))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

/* The SVG is kept in memory: its text goes in before it is written. */
static cairo_status_t
write_to_string_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A write error is the saver's, which says what the disk said (such as
 * "not enough space"); cairo only knows "error while writing". */
static gboolean
set_cairo_error (cairo_status_t       status,
                 ChronicleFileSaver  *saver,
                 GError             **error)
{
  const GError *write_error = chronicle_file_saver_get_error (saver);

  if (write_error != NULL)
    {
      g_propagate_error (error, g_error_copy (write_error));
      return FALSE;
    }

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), chronicle_file_saver_get_display_name (saver),
               cairo_status_to_string (status));
  return FALSE;
}

/* Appends one <text> element per run of text. Numbers go through
 * g_ascii_formatd: a German locale would otherwise write "12,5". */
static void
collect_svg_text_cb (const char                 *text,
                     double                      x,
                     double                      baseline,
                     const PangoFontDescription *font,
                     const ChronicleColor       *color,
                     gpointer                    user_data)
{
  GString *svg = user_data;
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  g_autofree char *escaped_family = g_markup_escape_text (pango_font_description_get_family (font), -1);
  char x_text[G_ASCII_DTOSTR_BUF_SIZE], y_text[G_ASCII_DTOSTR_BUF_SIZE];
  char size_text[G_ASCII_DTOSTR_BUF_SIZE], alpha_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (x_text, sizeof x_text, "%.2f", x);
  g_ascii_formatd (y_text, sizeof y_text, "%.2f", baseline);
  g_ascii_formatd (size_text, sizeof size_text, "%.2f",
                   (double) pango_font_description_get_size (font) / PANGO_SCALE);
  g_ascii_formatd (alpha_text, sizeof alpha_text, "%.3f", color->alpha);

  g_string_append_printf (svg,
                          "<text x=\"%s\" y=\"%s\" font-family=\"%s\" font-size=\"%spx\" "
                          "font-weight=\"%d\" fill=\"#%02x%02x%02x\" fill-opacity=\"%s\" "
                          "xml:space=\"preserve\">%s</text>\n",
                          x_text, y_text, escaped_family, size_text,
                          (int) pango_font_description_get_weight (font),
                          (guint) (CLAMP (color->red, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (color->green, 0, 1) * 255 + 0.5),
                          (guint) (CLAMP (color->blue, 0, 1) * 255 + 0.5),
                          alpha_text, escaped_text);
}

/* Cairo writes shapes; the text goes on top as real SVG text. */
static gboolean
insert_svg_text (GString     *svg,
                 GString     *text,
                 const char  *display_name,
                 GError     **error)
{
  const char *end = g_strrstr_len (svg->str, svg->len, "</svg>");
  gssize pos;

  if (end == NULL)
    {
      g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE,
                   _("Could not write “%s”: the drawing is incomplete"), display_name);
      return FALSE;
    }

  pos = end - svg->str;
  g_string_insert (svg, pos, "</g>\n");
  g_string_insert_len (svg, pos, text->str, text->len);
  g_string_insert (svg, pos, "<g id=\"text\">\n");

  return TRUE;
}

static gboolean
write_chart (ChronicleTimeline            *timeline,
             const ChronicleViewport      *view,
             const ChronicleExportOptions *options,
             ChronicleFileSaver           *saver,
             ChronicleLayout             **out_layout,
             guint                        *n_cut_titles,
             GCancellable                 *cancellable,
             GError                      **error)
{
  WriteTarget target = { saver, cancellable };
  const char *display_name = chronicle_file_saver_get_display_name (saver);
  cairo_surface_t *surface = NULL;
  g_autoptr(GString) svg = NULL;
  g_autoptr(GString) svg_text = NULL;
  cairo_status_t status;
  cairo_t *cr;

  switch (options->format)
    {
    case CHRONICLE_EXPORT_PNG:
      surface = render_image (timeline, view, options, out_layout, n_cut_titles, error);
      if (surface == NULL)
        return FALSE;
      status = cairo_surface_write_to_png_stream (surface, write_to_saver_cb, &target);
      cairo_surface_destroy (surface);
      return set_cairo_error (status, saver, error);

    case CHRONICLE_EXPORT_SVG:
      svg = g_string_new (NULL);
      surface = cairo_svg_surface_create_for_stream (write_to_string_cb, svg,
                                                     options->width, options->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      svg_text = g_string_new (NULL);
      break;

    case CHRONICLE_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_saver_cb, &target,
                                                     options->width, options->height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      chronicle_timeline_get_title (timeline));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chronicle " PACKAGE_VERSION);
      break;

    default:
      g_assert_not_reached ();
    }

  cr = cairo_create (surface);
  *out_layout = paint_export (cr, timeline, view, options,
                              svg_text != NULL ? collect_svg_text_cb : NULL, svg_text, n_cut_titles);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (!set_cairo_error (status, saver, error))
    return FALSE;

  if (svg == NULL)
    return TRUE;

  return insert_svg_text (svg, svg_text, display_name, error) &&
         chronicle_file_saver_write (saver, svg->str, svg->len, cancellable, error);
}

/**
 * chronicle_export_to_file:
 * @timeline: the timeline to draw
 * @view: (nullable): the visible range to keep, or %NULL to fit everything
 * @options: format, size and looks
 * @file: the file to write; must be local
 * @cancellable: (nullable): checked while writing and before the file is
 *   replaced
 * @error: return location for a #GError
 *
 * Writes the chart through a temporary file beside @file and renames it
 * into place only when it is complete and on the disk, so that a full disk
 * or a cancel leaves an existing @file as it was. A symlink is followed
 * (it stays a link to the new chart); a folder, FIFO, device or socket is
 * refused; a replaced file keeps its mode.
 *
 * Returns: %TRUE if @file now holds the chart
 */
gboolean
chronicle_export_to_file (ChronicleTimeline            *timeline,
                          const ChronicleViewport      *view,
                          const ChronicleExportOptions *options,
                          GFile                        *file,
                          GCancellable                 *cancellable,
                          GError                      **error)
{
  return chronicle_export_to_file_full (timeline, view, options, file, NULL, NULL, NULL, NULL, cancellable, error);
}

/**
 * chronicle_export_to_file_with_map:
 * @timeline: the timeline to draw
 * @view: (nullable): the visible range to keep, or %NULL to fit everything
 * @options: format, size and looks
 * @file: the file to write; must be local
 * @image_map: (nullable): where to write the image map (docs/image-map.md)
 * @report: (out caller-allocates) (optional): what the export had to do,
 *   such as cutting titles
 * @cancellable: (nullable): checked while writing
 * @error: return location for a #GError
 *
 * chronicle_export_to_file(), and the image map beside it. Both files are
 * saved safely; the chart is renamed into place first, then the map.
 *
 * Returns: %TRUE if @file (and @image_map) now hold the chart
 */
gboolean
chronicle_export_to_file_with_map (ChronicleTimeline            *timeline,
                                   const ChronicleViewport      *view,
                                   const ChronicleExportOptions *options,
                                   GFile                        *file,
                                   GFile                        *image_map,
                                   ChronicleExportReport        *report,
                                   GCancellable                 *cancellable,
                                   GError                      **error)
{
  return chronicle_export_to_file_full (timeline, view, options, file, image_map, report,
                                        NULL, NULL, cancellable, error);
}

static gboolean
write_image_map (const ChronicleLayout        *layout,
                 const ChronicleExportOptions *options,
                 ChronicleFileSaver           *saver,
                 GCancellable                 *cancellable,
                 GError                      **error)
{
  gsize length;
  g_autofree char *json = chronicle_image_map_build (layout, chronicle_export_get_text_scale (options),
                                                     options->width, options->height,
                                                     options->format == CHRONICLE_EXPORT_PDF, &length);

  return chronicle_file_saver_write (saver, json, length, cancellable, error) &&
         chronicle_file_saver_write (saver, "\n", 1, cancellable, error);
}

gboolean
chronicle_export_to_file_full (ChronicleTimeline            *timeline,
                               const ChronicleViewport      *view,
                               const ChronicleExportOptions *options,
                               GFile                        *file,
                               GFile                        *image_map,
                               ChronicleExportReport        *report,
                               ChronicleStreamWrapFunc       wrap,
                               gpointer                      wrap_data,
                               GCancellable                 *cancellable,
                               GError                      **error)
{
  g_autoptr(ChronicleFileSaver) saver = NULL;
  g_autoptr(ChronicleFileSaver) map_saver = NULL;
  g_autoptr(ChronicleLayout) layout = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_cut_titles = 0;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (image_map == NULL || G_IS_FILE (image_map), FALSE);

  if (report != NULL)
    *report = (ChronicleExportReport) { 0 };

  if (!chronicle_export_options_validate (options, error))
    return FALSE;

  if (image_map != NULL && g_file_equal (file, image_map))
    {
      g_set_error (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_INVALID,
                   _("the image map cannot be written over the chart itself"));
      return FALSE;
    }

  /* The targets are checked (and a FIFO or device refused) before the
   * chart is drawn. */
  saver = chronicle_file_saver_new (file, wrap, wrap_data, &local_error);
  if (saver != NULL && image_map != NULL)
    map_saver = chronicle_file_saver_new (image_map, wrap, wrap_data, &local_error);
  if (saver != NULL && (image_map == NULL || map_saver != NULL) &&
      write_chart (timeline, view, options, saver, &layout, &n_cut_titles, cancellable, &local_error) &&
      (map_saver == NULL || write_image_map (layout, options, map_saver, cancellable, &local_error)) &&
      chronicle_file_saver_commit (saver, cancellable, &local_error) &&
      (map_saver == NULL || chronicle_file_saver_commit (map_saver, cancellable, &local_error)))
    {
      if (report != NULL)
        report_layout (layout, n_cut_titles, report);
      return TRUE;
    }

  /* The saver's errors are GIO's; the export's own domain is the
   * documented one for a file that could not be written. */
  if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED)
    g_set_error_literal (error, CHRONICLE_EXPORT_ERROR, CHRONICLE_EXPORT_ERROR_WRITE,
                         local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}
