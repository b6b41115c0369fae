/* chronicle-source.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-date.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_SOURCE (chronicle_source_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleSource, chronicle_source, CHRONICLE, SOURCE, GObject)

/* Where chronicle_source_get_name() took the name from, best first. */
typedef enum
{
  CHRONICLE_SOURCE_NAME_PUBLISHER,
  CHRONICLE_SOURCE_NAME_TITLE,
  CHRONICLE_SOURCE_NAME_HOST,
  CHRONICLE_SOURCE_NAME_ID,
} ChronicleSourceNameKind;

ChronicleSource     *chronicle_source_new           (const char          *id,
                                                     const char          *publisher,
                                                     const char          *title,
                                                     const char          *url,
                                                     const ChronicleDate *published);
const char          *chronicle_source_get_id        (ChronicleSource     *self);
const char          *chronicle_source_get_publisher (ChronicleSource     *self);
const char          *chronicle_source_get_title     (ChronicleSource     *self);
const char          *chronicle_source_get_url       (ChronicleSource     *self);
const ChronicleDate *chronicle_source_get_published (ChronicleSource     *self);
const char          *chronicle_source_get_name      (ChronicleSource     *self,
                                                     ChronicleSourceNameKind *kind);

G_END_DECLS
