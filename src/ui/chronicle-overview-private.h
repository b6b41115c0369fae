/* chronicle-overview-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-overview.h"

G_BEGIN_DECLS

/* The pointer's part of a drag, in strip pixels, for the gesture and for
 * tests (GTK 4 cannot inject pointer events). */
gboolean chronicle_overview_press   (ChronicleOverview *self,
                                     double             start_x);
void     chronicle_overview_drag_to (ChronicleOverview *self,
                                     double             x);

G_END_DECLS
