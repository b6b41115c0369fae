/* chronicle-shaper.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-paint"

#include "config.h"

#include <string.h>

#include "chronicle-shaper-private.h"
#include "chronicle-text-private.h"

/*
 * Shaping labels word by word, the way browsers cache shaped words
 * (Chromium's CachingWordShaper): a timeline's titles share most of
 * their words ("talks", "Ukraine", "ceasefire"), so a view full of
 * titles never seen before still needs only its new words shaped.
 *
 * Only where that gives the glyphs a whole-line shaping would: text in
 * one of a few scripts whose shaping stays inside a word (Latin, Greek,
 * Cyrillic, and what they share: digits, punctuation), all of it in the
 * font Pango would pick first, left to right. Words are split at spaces;
 * what the font does across a space (kerning pairs with a space are
 * rare) is lost, which the tests compare against PangoLayout. For all
 * other text the caller itemizes and shapes the whole line.
 *
 * One shaper serves one font in one PangoContext; the caller keeps one
 * per font in its per-thread caches, so there are no locks.
 */

#define MAX_WORDS 16384   /* per script; then some are dropped */
#define WORDS_DROPPED 256 /* at a time */

enum
{
  SCRIPT_COMMON,
  SCRIPT_LATIN,
  SCRIPT_GREEK,
  SCRIPT_CYRILLIC,
  N_SCRIPTS
};

/* A string of that script only, to find the font and analysis for it. */
static const char * const samples[N_SCRIPTS] = { "1", "a", "\xce\xb1", "\xd0\xb0" };

typedef struct
{
  PangoGlyphString *glyphs;   /* NULL: the font lacks a character */
  PangoRectangle    logical;
} Word;

/* Digits glyph by glyph (issue #12): a million "item 734027" titles
 * make every number a word never seen, 19 000 instructions of
 * pango_shape() each. When the font shapes every digit alone, every pair
 * of digits and the ten in a row to the same glyphs and advances (no
 * kerning, ligature or contextual form among them), a run of digits is
 * those glyphs side by side, and is built, not shaped nor kept. */
typedef enum
{
  DIGITS_UNTRIED,
  DIGITS_BY_GLYPH,
  DIGITS_SHAPED,
} DigitsWay;

typedef struct
{
  gboolean   tried;
  PangoItem *item;    /* the sample's only item; NULL when not one LTR item */
  GHashTable *words;  /* char * -> Word */
  DigitsWay  digits_way;
  PangoGlyphInfo digits[10];
  int        digits_y;       /* logical extents, the same for every glyph of the font */
  int        digits_height;
} Script;

struct _ChronicleShaper
{
  PangoContext         *context;
  PangoFontDescription *font;
  PangoShapeFlags       flags;
  Script                scripts[N_SCRIPTS];
  ChronicleEllipsis    *ellipsis;
};

static void
word_free (gpointer data)
{
  Word *word = data;

  g_clear_pointer (&word->glyphs, pango_glyph_string_free);
  g_free (word);
}

/**
 * chronicle_shaper_new:
 * @context: what to shape with: font map, font options, language
 * @font: the font
 */
ChronicleShaper *
chronicle_shaper_new (PangoContext               *context,
                      const PangoFontDescription *font)
{
  ChronicleShaper *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (font != NULL, NULL);

  self = g_new0 (ChronicleShaper, 1);
  self->context = g_object_ref (context);
  self->font = pango_font_description_copy (font);
  self->flags = pango_context_get_round_glyph_positions (context) ? PANGO_SHAPE_ROUND_POSITIONS
                                                                   : PANGO_SHAPE_NONE;

  return self;
}

void
chronicle_shaper_free (ChronicleShaper *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_SCRIPTS; i++)
    {
      g_clear_pointer (&self->scripts[i].item, pango_item_free);
      g_clear_pointer (&self->scripts[i].words, g_hash_table_unref);
    }
  g_clear_pointer (&self->ellipsis, chronicle_ellipsis_release);
  g_clear_object (&self->context);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_free (self);
}

static void
clear_ellipsis (gpointer data)
{
  ChronicleEllipsis *ellipsis = data;

  g_clear_object (&ellipsis->font);
  g_clear_pointer (&ellipsis->glyphs, pango_glyph_string_free);
}

/* The words kept, in all scripts (for tests: the bound). */
guint
chronicle_shaper_get_n_words (ChronicleShaper *self)
{
  guint n = 0;

  for (guint i = 0; i < N_SCRIPTS; i++)
    n += self->scripts[i].words != NULL ? g_hash_table_size (self->scripts[i].words) : 0;
  return n;
}

void
chronicle_ellipsis_release (ChronicleEllipsis *ellipsis)
{
  g_rc_box_release_full (ellipsis, clear_ellipsis);
}

/**
 * chronicle_shaper_get_ellipsis:
 *
 * "…" in the font Pango's ellipsizing takes for it: the first of the
 * font's families that has it, whatever font the cut text is in.
 *
 * Returns: (transfer full) (nullable): release with
 *   chronicle_ellipsis_release()
 */
ChronicleEllipsis *
chronicle_shaper_get_ellipsis (ChronicleShaper *self)
{
  static const char text[] = "\xe2\x80\xa6";

  if (self->ellipsis == NULL)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      GList *items;

      pango_attr_list_insert (attrs, pango_attr_font_desc_new (self->font));
      items = pango_itemize (self->context, text, 0, (int) strlen (text), attrs, NULL);
      pango_attr_list_unref (attrs);
      if (items == NULL)
        return NULL;

      self->ellipsis = g_rc_box_new0 (ChronicleEllipsis);
      self->ellipsis->font = g_object_ref (((PangoItem *) items->data)->analysis.font);
      self->ellipsis->glyphs = pango_glyph_string_new ();
      pango_shape_with_flags (text, (int) strlen (text), text, (int) strlen (text),
                              &((PangoItem *) items->data)->analysis, self->ellipsis->glyphs, self->flags);
      g_list_free_full (items, (GDestroyNotify) pango_item_free);
    }

  return g_rc_box_acquire (self->ellipsis);
}

PangoContext *
chronicle_shaper_get_context (ChronicleShaper *self)
{
  return self->context;
}

const PangoFontDescription *
chronicle_shaper_get_font (ChronicleShaper *self)
{
  return self->font;
}

PangoShapeFlags
chronicle_shaper_get_flags (ChronicleShaper *self)
{
  return self->flags;
}

/* The script of @c among those shaped by word, or -1. The ranges leave
 * out what could change shaping or direction: combining marks, the soft
 * hyphen, zero-width and bidi controls, emoji. */
static int
get_script (gunichar c)
{
  gboolean listed;

  /* Most titles are ASCII: no table lookups for it. */
  if (c < 0x80)
    {
      if (c < 0x20 || c == 0x7f)
        return -1;
      return g_ascii_isalpha (c) ? SCRIPT_LATIN : SCRIPT_COMMON;
    }

  listed = (c >= 0xa0 && c <= 0x24f && c != 0xad) ||
           (c >= 0x370 && c <= 0x3ff) ||
           (c >= 0x400 && c <= 0x4ff && !(c >= 0x483 && c <= 0x489)) ||
           (c >= 0x2010 && c <= 0x2027) ||
           (c >= 0x2030 && c <= 0x205e) ||
           (c >= 0x20a0 && c <= 0x20bf);

  if (!listed)
    return -1;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_COMMON:
      return SCRIPT_COMMON;
    case G_UNICODE_SCRIPT_LATIN:
      return SCRIPT_LATIN;
    case G_UNICODE_SCRIPT_GREEK:
      return SCRIPT_GREEK;
    case G_UNICODE_SCRIPT_CYRILLIC:
      return SCRIPT_CYRILLIC;
    default:
      return -1;
    }
}

/* What Pango makes of a sample of @script: its font (the first of the
 * description's families covering it), language and script. */
static Script *
ensure_script (ChronicleShaper *self,
               int              script)
{
  Script *s = &self->scripts[script];
  PangoAttrList *attrs;
  GList *items;

  if (s->tried)
    return s->item != NULL ? s : NULL;
  s->tried = TRUE;

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_desc_new (self->font));
  items = pango_itemize (self->context, samples[script], 0, (int) strlen (samples[script]), attrs, NULL);
  pango_attr_list_unref (attrs);

  if (items != NULL && items->next == NULL && ((PangoItem *) items->data)->analysis.level == 0 &&
      ((PangoItem *) items->data)->analysis.font != NULL)
    {
      s->item = g_steal_pointer (&items->data);
      /* Words of titles from the file: a keyed hash (crafted collisions). */
      s->words = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, word_free);
    }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);

  return s->item != NULL ? s : NULL;
}

/* @text's one script, SCRIPT_COMMON when it has none; -1 when it has
 * several, or characters not shaped by word. */
static int
get_text_script (const char *text,
                 int        *n_chars)
{
  int script = SCRIPT_COMMON;

  *n_chars = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int s = get_script ((guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p));

      if (s < 0 || (s != SCRIPT_COMMON && script != SCRIPT_COMMON && s != script))
        return -1;
      if (s != SCRIPT_COMMON)
        script = s;
      (*n_chars)++;
    }

  return script;
}

/* Whether @glyphs are the digits of @text one by one, as shaped alone. */
static gboolean
are_single_digits (const Script           *script,
                   const PangoGlyphString *glyphs,
                   const char             *text,
                   int                     length)
{
  if (glyphs->num_glyphs != length)
    return FALSE;

  for (int i = 0; i < length; i++)
    {
      const PangoGlyphInfo *a = &glyphs->glyphs[i], *b = &script->digits[text[i] - '0'];

      if (a->glyph != b->glyph || a->geometry.width != b->geometry.width ||
          a->geometry.x_offset != 0 || a->geometry.y_offset != 0 || glyphs->log_clusters[i] != i)
        return FALSE;
    }

  return TRUE;
}

/* Tries the font's digits once per script: alone, in pairs, in a row. */
static gboolean
can_build_digits (ChronicleShaper *self,
                  Script          *script)
{
  static const char all[] = "0123456789";
  PangoGlyphString *glyphs;
  gboolean ok = TRUE;

  if (script->digits_way != DIGITS_UNTRIED)
    return script->digits_way == DIGITS_BY_GLYPH;

  script->digits_way = DIGITS_SHAPED;
  glyphs = pango_glyph_string_new ();

  for (int d = 0; d < 10 && ok; d++)
    {
      pango_shape_with_flags (all + d, 1, all + d, 1, &script->item->analysis, glyphs, self->flags);
      ok = glyphs->num_glyphs == 1 && !(glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
           glyphs->glyphs[0].geometry.x_offset == 0 && glyphs->glyphs[0].geometry.y_offset == 0;
      if (ok)
        script->digits[d] = glyphs->glyphs[0];
    }

  for (int d = 0; d < 100 && ok; d++)
    {
      char pair[2] = { (char) ('0' + d / 10), (char) ('0' + d % 10) };

      pango_shape_with_flags (pair, 2, pair, 2, &script->item->analysis, glyphs, self->flags);
      ok = are_single_digits (script, glyphs, pair, 2);
    }

  if (ok)
    {
      PangoRectangle logical;

      pango_shape_with_flags (all, 10, all, 10, &script->item->analysis, glyphs, self->flags);
      ok = are_single_digits (script, glyphs, all, 10);
      pango_glyph_string_extents (glyphs, script->item->analysis.font, NULL, &logical);
      script->digits_y = logical.y;
      script->digits_height = logical.height;
    }

  pango_glyph_string_free (glyphs);
  if (ok)
    script->digits_way = DIGITS_BY_GLYPH;
  return ok;
}

/* A run of ASCII digits as the font's digit glyphs side by side, when the
 * font allows (see above); NULL otherwise. Free with word_free(). */
static Word *
build_digits (ChronicleShaper *self,
              Script          *script,
              const char      *text,
              int              length)
{
  Word *word;

  for (int i = 0; i < length; i++)
    if (text[i] < '0' || text[i] > '9')
      return NULL;
  if (!can_build_digits (self, script))
    return NULL;

  word = g_new0 (Word, 1);
  word->glyphs = pango_glyph_string_new ();
  pango_glyph_string_set_size (word->glyphs, length);
  for (int i = 0; i < length; i++)
    {
      word->glyphs->glyphs[i] = script->digits[text[i] - '0'];
      word->glyphs->log_clusters[i] = i;
      word->logical.width += script->digits[text[i] - '0'].geometry.width;
    }
  word->logical.y = script->digits_y;
  word->logical.height = script->digits_height;

  return word;
}

static const Word *
get_word (ChronicleShaper *self,
          Script          *script,
          const char      *text,
          int              length)
{
  char stack[128];
  char *key = length < (int) sizeof stack ? stack : g_malloc (length + 1);
  Word *word;

  memcpy (key, text, length);
  key[length] = '\0';
  word = g_hash_table_lookup (script->words, key);

  if (word == NULL)
    {
      word = g_new0 (Word, 1);
      word->glyphs = pango_glyph_string_new ();
      pango_shape_with_flags (text, length, text, length, &script->item->analysis, word->glyphs, self->flags);

      /* A character the font lacks: Pango would take it from another. */
      for (int i = 0; i < word->glyphs->num_glyphs; i++)
        if (word->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
          {
            g_clear_pointer (&word->glyphs, pango_glyph_string_free);
            break;
          }
      if (word->glyphs != NULL)
        pango_glyph_string_extents (word->glyphs, script->item->analysis.font, NULL, &word->logical);

      g_hash_table_insert (script->words, key == stack ? g_strdup (key) : g_steal_pointer (&key), word);
    }

  if (key != stack)
    g_free (key);

  return word;
}

/**
 * chronicle_shaper_shape_words:
 * @item: (out): the one item the text is, as pango_itemize() would give it
 * @glyphs: (out): its glyphs, as pango_shape() would give them
 * @logical: (out): their logical extents
 *
 * Shapes @text from its words, when it is text that can be (see above).
 *
 * Returns: %FALSE when it is not; the caller shapes it whole
 */
gboolean
chronicle_shaper_shape_words (ChronicleShaper   *self,
                              const char        *text,
                              PangoItem        **item,
                              PangoGlyphString **glyphs,
                              PangoRectangle    *logical)
{
  /* Titles have a few dozen words; longer text takes the heap. */
  const Word *stack_words[64];
  int stack_offsets[G_N_ELEMENTS (stack_words)];
  g_autofree const Word **heap_words = NULL;
  g_autofree int *heap_offsets = NULL;
  const Word **words = stack_words;
  int *offsets = stack_offsets;
  g_autoptr(GPtrArray) built = NULL;  /* of Word: digit runs, not kept */
  guint n_words = 0, max_words = G_N_ELEMENTS (stack_words);
  PangoGlyphString *out;
  Script *script;
  int n_chars, n_glyphs = 0, top = G_MAXINT, bottom = G_MININT, width = 0, k = 0;
  int which = get_text_script (text, &n_chars);

  if (which < 0 || n_chars == 0 || (script = ensure_script (self, which)) == NULL)
    return FALSE;

  /* Bounded memory; not while a text holds words. A few words at a time
   * (whichever the table gives first): a zoom through a million "item N"
   * titles meets hundreds of new numbers a frame, and emptying the table
   * at once took 15 ms of the frame that filled it (issue #12). */
  if (g_hash_table_size (script->words) >= MAX_WORDS)
    {
      GHashTableIter iter;

      g_hash_table_iter_init (&iter, script->words);
      for (guint i = 0; i < WORDS_DROPPED && g_hash_table_iter_next (&iter, NULL, NULL); i++)
        g_hash_table_iter_remove (&iter);
    }

  /* Runs of spaces and runs of anything else. */
  for (const char *start = text; *start != '\0';)
    {
      gboolean space = *start == ' ';
      const char *end = start;
      const Word *word;
      int offset = (int) (start - text);

      while (*end != '\0' && (*end == ' ') == space)
        end++;

      word = space ? NULL : build_digits (self, script, start, (int) (end - start));
      if (word != NULL)
        {
          if (built == NULL)
            built = g_ptr_array_new_with_free_func (word_free);
          g_ptr_array_add (built, (gpointer) word);
        }
      else
        word = get_word (self, script, start, (int) (end - start));
      if (word->glyphs == NULL)
        return FALSE;

      if (n_words == max_words)
        {
          max_words *= 2;
          heap_words = g_renew (const Word *, heap_words, max_words);
          heap_offsets = g_renew (int, heap_offsets, max_words);
          if (words == stack_words)
            {
              memcpy (heap_words, stack_words, sizeof stack_words);
              memcpy (heap_offsets, stack_offsets, sizeof stack_offsets);
            }
          words = heap_words;
          offsets = heap_offsets;
        }
      words[n_words] = word;
      offsets[n_words] = offset;
      n_words++;
      n_glyphs += word->glyphs->num_glyphs;
      width += word->logical.width;
      top = MIN (top, word->logical.y);
      bottom = MAX (bottom, word->logical.y + word->logical.height);
      start = end;
    }

  out = pango_glyph_string_new ();
  pango_glyph_string_set_size (out, n_glyphs);
  for (guint w = 0; w < n_words; w++)
    {
      const Word *word = words[w];
      int offset = offsets[w];

      memcpy (out->glyphs + k, word->glyphs->glyphs, word->glyphs->num_glyphs * sizeof (PangoGlyphInfo));
      for (int i = 0; i < word->glyphs->num_glyphs; i++)
        out->log_clusters[k + i] = word->glyphs->log_clusters[i] + offset;
      k += word->glyphs->num_glyphs;
    }

  *glyphs = out;
  *item = pango_item_copy (script->item);
  (*item)->offset = 0;
  (*item)->length = (int) strlen (text);
  (*item)->num_chars = n_chars;
  logical->x = 0;
  logical->y = top;
  logical->width = width;
  logical->height = bottom - top;

  return TRUE;
}
