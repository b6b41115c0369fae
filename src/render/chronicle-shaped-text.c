/* chronicle-shaped-text.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include <string.h>

#include "chronicle-shaped-text-private.h"

/*
 * One line of text, shaped once: the layout measures it and the painter
 * draws the same glyphs, ellipsized to whatever width the label has.
 *
 * A PangoLayout would shape a label twice on its first frame (once to
 * measure it, once again to ellipsize it) and analyse line breaks a
 * label never has. Text the ChronicleShaper builds from its words
 * (Latin, Greek or Cyrillic, left to right) is ellipsized here by
 * dropping whole clusters from the end and appending the font's "…", as
 * PANGO_ELLIPSIZE_END does. Other left-to-right text is itemized and
 * shaped here, and cut by a layout (which picks the ellipsis by the
 * script it cuts). Everything else (right-to-left and mixed direction
 * text, tabs, line separators, nothing at all) keeps a PangoLayout,
 * which gets those right.
 */

typedef struct
{
  PangoItem        *item;
  PangoGlyphString *glyphs;
  int               x;        /* pango units from the text's start */
} Run;

/* Where the text is cut to fit a width, and the ellipsis that follows. */
typedef struct
{
  int               max_width;  /* what this cut is for; 0: none made yet */
  gboolean          cut;        /* FALSE: the whole text fits */
  guint             run;        /* runs before this one are whole */
  int               n_glyphs;   /* glyphs of that run kept */
  int               width;      /* of what is kept */
  PangoLayout      *layout;     /* the fallback's ellipsized layout */
} Cut;

struct _ChronicleShapedText
{
  GObject               parent_instance;

  char                 *text;
  PangoFontDescription *font;
  GArray               *runs;     /* Run; NULL when shaped by a layout */
  PangoLayout          *layout;   /* the whole text, for what runs cannot do */
  int                   width;
  int                   height;
  int                   baseline;
  PangoShapeFlags       flags;
  gboolean              from_words;
  PangoContext         *context;    /* for the layout cutting runs not from words */
  ChronicleEllipsis    *ellipsis;   /* NULL in layouts and when no font has one */

  Cut                   cut;
};

G_DEFINE_FINAL_TYPE (ChronicleShapedText, chronicle_shaped_text, G_TYPE_OBJECT)

static void
clear_run (gpointer data)
{
  Run *run = data;

  g_clear_pointer (&run->item, pango_item_free);
  g_clear_pointer (&run->glyphs, pango_glyph_string_free);
}

static void
clear_cut (Cut *cut)
{
  g_clear_object (&cut->layout);
  memset (cut, 0, sizeof *cut);
}

static void
chronicle_shaped_text_finalize (GObject *object)
{
  ChronicleShapedText *self = CHRONICLE_SHAPED_TEXT (object);

  clear_cut (&self->cut);
  g_clear_pointer (&self->ellipsis, chronicle_ellipsis_release);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (chronicle_shaped_text_parent_class)->finalize (object);
}

static void
chronicle_shaped_text_class_init (ChronicleShapedTextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chronicle_shaped_text_finalize;
}

static void
chronicle_shaped_text_init (ChronicleShapedText *self)
{
}

/* What only a PangoLayout handles the same way. */
static gboolean
needs_layout (const char *text)
{
  if (*text == '\0' || strstr (text, "\xe2\x80\xa8") != NULL || strstr (text, "\xe2\x80\xa9") != NULL)
    return TRUE;

  for (const char *c = text; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      return TRUE;

  return FALSE;
}

static void
init_runs (ChronicleShapedText *self,
           guint                n_runs)
{
  self->runs = g_array_sized_new (FALSE, TRUE, sizeof (Run), n_runs);
  g_array_set_clear_func (self->runs, clear_run);
}

/* From the shaper's words, when the text is made of them. */
static gboolean
shape_words (ChronicleShapedText *self,
             ChronicleShaper     *shaper)
{
  Run run = { NULL, NULL, 0 };
  PangoRectangle logical;

  if (!chronicle_shaper_shape_words (shaper, self->text, &run.item, &run.glyphs, &logical))
    return FALSE;

  init_runs (self, 1);
  g_array_append_val (self->runs, run);
  self->width = logical.width;
  self->height = logical.height;
  self->baseline = -logical.y;
  self->from_words = TRUE;

  return TRUE;
}

/* Itemizes and shapes the text as a layout's single line would be;
 * FALSE (and no runs) when an item runs right to left, whose visual
 * order and ellipsis a layout does. */
static gboolean
shape_runs (ChronicleShapedText *self,
            PangoContext        *context)
{
  int length = (int) strlen (self->text), top = G_MAXINT, bottom = G_MININT;
  PangoShapeFlags flags = self->flags;
  PangoAttrList *attrs = pango_attr_list_new ();
  GList *items;

  pango_attr_list_insert (attrs, pango_attr_font_desc_new (self->font));
  items = pango_itemize (context, self->text, 0, length, attrs, NULL);
  pango_attr_list_unref (attrs);

  for (GList *l = items; l != NULL; l = l->next)
    if (((PangoItem *) l->data)->analysis.level % 2 != 0)
      {
        g_list_free_full (items, (GDestroyNotify) pango_item_free);
        return FALSE;
      }

  init_runs (self, g_list_length (items));

  for (GList *l = items; l != NULL; l = l->next)
    {
      Run run = { l->data, pango_glyph_string_new (), self->width };
      PangoRectangle logical;

      pango_shape_with_flags (self->text + run.item->offset, run.item->length, self->text, length,
                              &run.item->analysis, run.glyphs, flags);
      pango_glyph_string_extents (run.glyphs, run.item->analysis.font, NULL, &logical);
      self->width += logical.width;
      top = MIN (top, logical.y);
      bottom = MAX (bottom, logical.y + logical.height);
      g_array_append_val (self->runs, run);
    }
  g_list_free (items);

  self->height = bottom - top;
  self->baseline = -top;

  return TRUE;
}

/**
 * chronicle_shaped_text_new:
 * @shaper: the font and context to shape with, and their shaped words
 * @text: one line of UTF-8 text
 *
 * Shapes @text now.
 */
ChronicleShapedText *
chronicle_shaped_text_new (ChronicleShaper *shaper,
                           const char      *text)
{
  PangoContext *context;
  const PangoFontDescription *font;
  ChronicleShapedText *self;

  g_return_val_if_fail (shaper != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  context = chronicle_shaper_get_context (shaper);
  font = chronicle_shaper_get_font (shaper);
  self = g_object_new (CHRONICLE_TYPE_SHAPED_TEXT, NULL);
  self->text = g_strdup (text);
  self->font = pango_font_description_copy (font);
  self->flags = chronicle_shaper_get_flags (shaper);

  if (!needs_layout (text) && shape_words (self, shaper))
    self->ellipsis = chronicle_shaper_get_ellipsis (shaper);
  else if (!needs_layout (text) && shape_runs (self, context))
    self->context = g_object_ref (context);
  else
    {
      self->width = 0;
      self->layout = pango_layout_new (context);
      pango_layout_set_font_description (self->layout, font);
      pango_layout_set_text (self->layout, text, -1);
      pango_layout_get_size (self->layout, &self->width, &self->height);
      self->baseline = pango_layout_get_baseline (self->layout);
    }

  return self;
}

/* The size of the whole text on one line, in pango units, as
 * pango_layout_get_size() gives it. */
void
chronicle_shaped_text_get_size (ChronicleShapedText *self,
                                int                 *width,
                                int                 *height)
{
  g_return_if_fail (CHRONICLE_IS_SHAPED_TEXT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/* From the top of the line, pango units. */
int
chronicle_shaped_text_get_baseline (ChronicleShapedText *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SHAPED_TEXT (self), 0);

  return self->baseline;
}

const PangoFontDescription *
chronicle_shaped_text_get_font (ChronicleShapedText *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SHAPED_TEXT (self), NULL);

  return self->font;
}

/* Whether the text was shaped from the shaper's words (for tests). */
gboolean
chronicle_shaped_text_is_from_words (ChronicleShapedText *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SHAPED_TEXT (self), FALSE);

  return self->from_words;
}

/* The layout that shows the text as cut by @cut (nullable), or NULL
 * when runs do. */
static PangoLayout *
get_layout (ChronicleShapedText *self,
            const Cut           *cut)
{
  if (cut != NULL && cut->layout != NULL)
    return cut->layout;

  return self->runs == NULL ? self->layout : NULL;
}

/* Finds where the text is cut to fit @max_width (pango units, > 0):
 * whole clusters from the start, then the ellipsis. */
static const Cut *
ensure_cut (ChronicleShapedText *self,
            int                  max_width)
{
  Cut *cut = &self->cut;
  int ellipsis_width, avail, x = 0;

  if (cut->max_width == max_width)
    return cut;

  clear_cut (cut);
  cut->max_width = max_width;
  if (self->width <= max_width)
    return cut;
  cut->cut = TRUE;

  /* Only words of the scripts they cover are cut here: a layout picks
   * the ellipsis by the script where it cuts (a midline one in CJK). */
  if (!self->from_words)
    {
      if (self->layout != NULL)
        cut->layout = pango_layout_copy (self->layout);
      else
        {
          cut->layout = pango_layout_new (self->context);
          pango_layout_set_font_description (cut->layout, self->font);
          pango_layout_set_text (cut->layout, self->text, -1);
        }
      pango_layout_set_width (cut->layout, max_width);
      pango_layout_set_ellipsize (cut->layout, PANGO_ELLIPSIZE_END);
      return cut;
    }

  ellipsis_width = self->ellipsis != NULL ? pango_glyph_string_get_width (self->ellipsis->glyphs) : 0;
  avail = max_width - ellipsis_width;

  for (guint r = 0; r < self->runs->len; r++)
    {
      const Run *run = &g_array_index (self->runs, Run, r);
      int i = 0;

      while (i < run->glyphs->num_glyphs)
        {
          int cluster = run->glyphs->log_clusters[i], end = i, w = 0;

          while (end < run->glyphs->num_glyphs && run->glyphs->log_clusters[end] == cluster)
            w += run->glyphs->glyphs[end++].geometry.width;

          if (x + w > avail)
            {
              cut->run = r;
              cut->n_glyphs = i;
              cut->width = x;
              return cut;
            }
          x += w;
          i = end;
        }
    }

  /* Rounding let everything fit after all. */
  cut->cut = FALSE;
  return cut;
}

typedef void (*PieceFunc) (const PangoGlyphString *glyphs,
                           PangoFont              *font,
                           int                     x,
                           gpointer                user_data);

/* Calls @func for each run of glyphs drawn at @max_width (no limit when
 * <= 0), left to right, ellipsis included; simple text only. The glyph
 * strings of a cut run borrow the run's arrays. */
static void
foreach_piece (ChronicleShapedText *self,
               int                  max_width,
               PieceFunc            func,
               gpointer             user_data)
{
  const Cut *cut = max_width > 0 ? ensure_cut (self, max_width) : NULL;
  gboolean is_cut = cut != NULL && cut->cut;

  g_assert (self->runs != NULL);

  for (guint r = 0; r < self->runs->len; r++)
    {
      const Run *run = &g_array_index (self->runs, Run, r);
      PangoGlyphString kept = *run->glyphs;

      if (is_cut && r == cut->run)
        {
          kept.num_glyphs = cut->n_glyphs;
          if (kept.num_glyphs > 0)
            func (&kept, run->item->analysis.font, run->x, user_data);
          break;
        }
      func (&kept, run->item->analysis.font, run->x, user_data);
    }

  if (is_cut && self->ellipsis != NULL)
    func (self->ellipsis->glyphs, self->ellipsis->font, cut->width, user_data);
}

typedef struct
{
  int            baseline;
  gboolean       any;
  PangoRectangle ink;
} InkData;

static void
add_ink (const PangoGlyphString *glyphs,
         PangoFont              *font,
         int                     x,
         gpointer                user_data)
{
  InkData *data = user_data;
  PangoRectangle ink;
  int x1, y1;

  pango_glyph_string_extents ((PangoGlyphString *) glyphs, font, &ink, NULL);
  if (ink.width <= 0 || ink.height <= 0)
    return;
  ink.x += x;
  ink.y += data->baseline;

  if (!data->any)
    {
      data->ink = ink;
      data->any = TRUE;
      return;
    }
  x1 = MAX (data->ink.x + data->ink.width, ink.x + ink.width);
  y1 = MAX (data->ink.y + data->ink.height, ink.y + ink.height);
  data->ink.x = MIN (data->ink.x, ink.x);
  data->ink.y = MIN (data->ink.y, ink.y);
  data->ink.width = x1 - data->ink.x;
  data->ink.height = y1 - data->ink.y;
}

/**
 * chronicle_shaped_text_get_extents:
 * @max_width: ellipsize past this many pango units; no limit when <= 0
 *
 * The extents of what chronicle_shaped_text_show() draws, relative to
 * the top-left of the line, in pango units.
 */
void
chronicle_shaped_text_get_extents (ChronicleShapedText *self,
                                   int                  max_width,
                                   PangoRectangle      *ink,
                                   PangoRectangle      *logical)
{
  InkData data = { 0, };
  const Cut *cut;

  g_return_if_fail (CHRONICLE_IS_SHAPED_TEXT (self));

  cut = max_width > 0 ? ensure_cut (self, max_width) : NULL;
  if (get_layout (self, cut) != NULL)
    {
      pango_layout_get_extents (get_layout (self, cut), ink, logical);
      return;
    }

  data.baseline = self->baseline;
  foreach_piece (self, max_width, add_ink, &data);

  if (ink != NULL)
    *ink = data.ink;
  if (logical != NULL)
    {
      logical->x = 0;
      logical->y = 0;
      logical->width = self->width;
      if (cut != NULL && cut->cut)
        logical->width = cut->width + (self->ellipsis != NULL ? pango_glyph_string_get_width (self->ellipsis->glyphs) : 0);
      logical->height = self->height;
    }
}

typedef struct
{
  cairo_t *cr;
  double   x;
  double   y;
} ShowData;

static void
show_piece (const PangoGlyphString *glyphs,
            PangoFont              *font,
            int                     x,
            gpointer                user_data)
{
  ShowData *data = user_data;

  cairo_move_to (data->cr, data->x + (double) x / PANGO_SCALE, data->y);
  pango_cairo_show_glyph_string (data->cr, font, (PangoGlyphString *) glyphs);
}

/**
 * chronicle_shaped_text_show:
 * @cr: where to draw, in the cr's source, with the line's top-left at
 *   the current point
 * @max_width: ellipsize past this many pango units; no limit when <= 0
 */
void
chronicle_shaped_text_show (ChronicleShapedText *self,
                            cairo_t             *cr,
                            int                  max_width)
{
  ShowData data = { cr, 0, 0 };
  const Cut *cut;

  g_return_if_fail (CHRONICLE_IS_SHAPED_TEXT (self));
  g_return_if_fail (cr != NULL);

  cut = max_width > 0 ? ensure_cut (self, max_width) : NULL;
  if (get_layout (self, cut) != NULL)
    {
      pango_cairo_show_layout (cr, get_layout (self, cut));
      return;
    }

  if (!cairo_has_current_point (cr))
    cairo_move_to (cr, 0, 0);
  cairo_get_current_point (cr, &data.x, &data.y);
  data.y += (double) self->baseline / PANGO_SCALE;
  foreach_piece (self, max_width, show_piece, &data);
}

/* The text @layout shows on its first line: the ellipsis run stands for
 * the part it hides. */
static char *
get_layout_shown_text (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutLine *line;
  GString *shown;

  if (!pango_layout_is_ellipsized (layout))
    return g_strdup (text);

  shown = g_string_new (NULL);
  line = pango_layout_get_line_readonly (layout, 0);
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        g_string_append (shown, "…");
      else
        g_string_append_len (shown, text + run->item->offset, run->item->length);
    }

  return g_string_free (shown, FALSE);
}

/**
 * chronicle_shaped_text_get_shown_text:
 * @max_width: ellipsize past this many pango units; no limit when <= 0
 *
 * Returns: (transfer full): the text as shown at @max_width, "…" standing
 *   for what the ellipsis hides
 */
char *
chronicle_shaped_text_get_shown_text (ChronicleShapedText *self,
                                      int                  max_width)
{
  const Cut *cut;
  const Run *run;
  int end;

  g_return_val_if_fail (CHRONICLE_IS_SHAPED_TEXT (self), NULL);

  cut = max_width > 0 ? ensure_cut (self, max_width) : NULL;
  if (cut == NULL || !cut->cut)
    return g_strdup (self->text);
  if (cut->layout != NULL)
    return get_layout_shown_text (cut->layout);

  run = &g_array_index (self->runs, Run, cut->run);
  end = run->item->offset + (cut->n_glyphs < run->glyphs->num_glyphs ? run->glyphs->log_clusters[cut->n_glyphs]
                                                                     : run->item->length);

  return g_strdup_printf ("%.*s…", end, self->text);
}
