/* chronicle-test-util.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chronicle-test-util.h"

/* TODO(#2): generator and measurer are written with the render layer. */
