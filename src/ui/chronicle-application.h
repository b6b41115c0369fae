/* chronicle-application.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "chronicle-document.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_APPLICATION (chronicle_application_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleApplication, chronicle_application, CHRONICLE, APPLICATION, AdwApplication)

ChronicleApplication *chronicle_application_new              (void);
GSettings            *chronicle_application_get_settings     (ChronicleApplication *self);
GFile                *chronicle_application_find_example     (void);
void                  chronicle_application_preload          (ChronicleApplication  *self,
                                                              GFile                **files,
                                                              int                    n_files);
guint                 chronicle_application_preload_arguments (ChronicleApplication *self,
                                                               int                   argc,
                                                               char                **argv);
/* For tests: the document of a preload that "open" has not taken yet. */
ChronicleDocument    *chronicle_application_get_preloaded    (ChronicleApplication *self,
                                                              GFile                *file);

G_END_DECLS
