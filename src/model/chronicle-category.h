/* chronicle-category.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-types.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_CATEGORY (chronicle_category_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleCategory, chronicle_category, CHRONICLE, CATEGORY, GObject)

/* @color is "#rrggbb" or NULL (the painter then picks a palette colour). */
ChronicleCategory *chronicle_category_new       (const char        *id,
                                                 const char        *label,
                                                 const char        *color);
const char        *chronicle_category_get_id    (ChronicleCategory *self);
const char        *chronicle_category_get_label (ChronicleCategory *self);
const char        *chronicle_category_get_color (ChronicleCategory *self);
gboolean           chronicle_category_get_rgb   (ChronicleCategory *self,
                                                 double            *red,
                                                 double            *green,
                                                 double            *blue);
gboolean           chronicle_color_parse        (const char        *text,
                                                 guint32           *rgb);

G_END_DECLS
