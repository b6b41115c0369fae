/* chronicle-types.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ChronicleCategory ChronicleCategory;
typedef struct _ChronicleEra      ChronicleEra;
typedef struct _ChronicleEvent    ChronicleEvent;
typedef struct _ChronicleQuote    ChronicleQuote;
typedef struct _ChronicleSource   ChronicleSource;
typedef struct _ChronicleTimeline ChronicleTimeline;

/**
 * ChronicleDatePrecision:
 * @CHRONICLE_DATE_PRECISION_YEAR: "2022"
 * @CHRONICLE_DATE_PRECISION_MONTH: "2022-03"
 * @CHRONICLE_DATE_PRECISION_DAY: "2022-03-29"
 * @CHRONICLE_DATE_PRECISION_MINUTE: "2025-05-16T10:30"
 * @CHRONICLE_DATE_PRECISION_SECOND: "2025-05-16T10:30:00"
 *
 * How much of a date is known. The precision is part of the value: a
 * month-precision date covers the whole month.
 */
typedef enum
{
  CHRONICLE_DATE_PRECISION_YEAR,
  CHRONICLE_DATE_PRECISION_MONTH,
  CHRONICLE_DATE_PRECISION_DAY,
  CHRONICLE_DATE_PRECISION_MINUTE,
  CHRONICLE_DATE_PRECISION_SECOND,
} ChronicleDatePrecision;

G_END_DECLS
