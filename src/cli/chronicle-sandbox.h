/* chronicle-sandbox.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where Flatpak describes the sandbox a process runs in. */
#define CHRONICLE_FLATPAK_INFO "/.flatpak-info"

gboolean chronicle_sandbox_check_output (const char  *flatpak_info,
                                         const char  *home,
                                         const char  *option,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS
