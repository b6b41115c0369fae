/* chronicle-extractor.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "chronicle-article.h"
#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_EXTRACTOR (chronicle_extractor_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleExtractor, chronicle_extractor, CHRONICLE, EXTRACTOR, GObject)

ChronicleExtractor *chronicle_extractor_new          (void);
ChronicleTimeline  *chronicle_extractor_extract      (ChronicleExtractor  *self,
                                                      ChronicleArticle    *article,
                                                      GError             **error);
gboolean            chronicle_extractor_same_happening (const char        *title_a,
                                                        const char        *summary_a,
                                                        const char        *title_b,
                                                        const char        *summary_b);

G_END_DECLS
