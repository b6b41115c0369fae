/* chronicle-era.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-date.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_ERA (chronicle_era_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleEra, chronicle_era, CHRONICLE, ERA, GObject)

/* @end is NULL for an era that is still going on. */
ChronicleEra        *chronicle_era_new        (const char          *id,
                                               const char          *label,
                                               const ChronicleDate *start,
                                               const ChronicleDate *end);
const char          *chronicle_era_get_id     (ChronicleEra        *self);
const char          *chronicle_era_get_label  (ChronicleEra        *self);
const ChronicleDate *chronicle_era_get_start  (ChronicleEra        *self);
const ChronicleDate *chronicle_era_get_end    (ChronicleEra        *self);
gboolean             chronicle_era_is_ongoing (ChronicleEra        *self);

G_END_DECLS
