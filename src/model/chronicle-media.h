/* chronicle-media.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-types.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_MEDIA (chronicle_media_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleMedia, chronicle_media, CHRONICLE, MEDIA, GObject)

/* Only @url is required; every other argument may be NULL. */
ChronicleMedia *chronicle_media_new           (const char     *url,
                                               const char     *caption,
                                               const char     *credit,
                                               const char     *thumbnail,
                                               const char     *alt);
const char     *chronicle_media_get_url       (ChronicleMedia *self);
const char     *chronicle_media_get_caption   (ChronicleMedia *self);
const char     *chronicle_media_get_credit    (ChronicleMedia *self);
const char     *chronicle_media_get_thumbnail (ChronicleMedia *self);
const char     *chronicle_media_get_alt       (ChronicleMedia *self);
ChronicleMedia *chronicle_media_copy          (ChronicleMedia *self);
gboolean        chronicle_media_equal         (ChronicleMedia *a,
                                               ChronicleMedia *b);

G_END_DECLS
