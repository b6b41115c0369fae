/* chronicle-shaper-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _ChronicleShaper ChronicleShaper;

/* "…" as a layout's ellipsis shows it in the shaper's font. */
typedef struct
{
  PangoFont        *font;
  PangoGlyphString *glyphs;
} ChronicleEllipsis;

ChronicleShaper            *chronicle_shaper_new          (PangoContext               *context,
                                                           const PangoFontDescription *font);
void                        chronicle_shaper_free         (ChronicleShaper            *self);
PangoContext               *chronicle_shaper_get_context  (ChronicleShaper            *self);
const PangoFontDescription *chronicle_shaper_get_font     (ChronicleShaper            *self);
PangoShapeFlags             chronicle_shaper_get_flags    (ChronicleShaper            *self);
ChronicleEllipsis          *chronicle_shaper_get_ellipsis (ChronicleShaper            *self);
void                        chronicle_ellipsis_release    (ChronicleEllipsis          *ellipsis);
gboolean                    chronicle_shaper_shape_words  (ChronicleShaper            *self,
                                                           const char                 *text,
                                                           PangoItem                 **item,
                                                           PangoGlyphString          **glyphs,
                                                           PangoRectangle             *logical);
guint                       chronicle_shaper_get_n_words  (ChronicleShaper            *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleShaper, chronicle_shaper_free)

G_END_DECLS
