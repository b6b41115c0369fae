/* chronicle-shaped-text-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "chronicle-shaper-private.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_SHAPED_TEXT (chronicle_shaped_text_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleShapedText, chronicle_shaped_text, CHRONICLE, SHAPED_TEXT, GObject)

ChronicleShapedText *chronicle_shaped_text_new             (ChronicleShaper            *shaper,
                                                            const char                 *text);
void                 chronicle_shaped_text_get_size        (ChronicleShapedText        *self,
                                                            int                        *width,
                                                            int                        *height);
int                  chronicle_shaped_text_get_baseline    (ChronicleShapedText        *self);
const PangoFontDescription *
                     chronicle_shaped_text_get_font        (ChronicleShapedText        *self);
gboolean             chronicle_shaped_text_is_from_words   (ChronicleShapedText        *self);
void                 chronicle_shaped_text_get_extents     (ChronicleShapedText        *self,
                                                            int                         max_width,
                                                            PangoRectangle             *ink,
                                                            PangoRectangle             *logical);
void                 chronicle_shaped_text_show            (ChronicleShapedText        *self,
                                                            cairo_t                    *cr,
                                                            int                         max_width);
char                *chronicle_shaped_text_get_shown_text  (ChronicleShapedText        *self,
                                                            int                         max_width);

G_END_DECLS
