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
typedef struct _ChronicleMedia    ChronicleMedia;
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

/**
 * ChronicleDateKinds:
 * @CHRONICLE_DATE_KIND_TIMED_POINT: a time of day
 * @CHRONICLE_DATE_KIND_TIMED_RANGE: from a time of day to a time of day
 * @CHRONICLE_DATE_KIND_DAY: known to the day (the coarser end), not the time
 * @CHRONICLE_DATE_KIND_MONTH: known to the month
 * @CHRONICLE_DATE_KIND_YEAR: known to the year
 * @CHRONICLE_DATE_KIND_APPROXIMATE: an estimate (beside one of the above)
 *
 * The kinds of date a timeline's events have: what a legend has to
 * explain, the same for every view of the timeline.
 */
typedef enum /*< flags >*/
{
  CHRONICLE_DATE_KIND_TIMED_POINT = 1 << 0,
  CHRONICLE_DATE_KIND_TIMED_RANGE = 1 << 1,
  CHRONICLE_DATE_KIND_DAY         = 1 << 2,
  CHRONICLE_DATE_KIND_MONTH       = 1 << 3,
  CHRONICLE_DATE_KIND_YEAR        = 1 << 4,
  CHRONICLE_DATE_KIND_APPROXIMATE = 1 << 5,
} ChronicleDateKinds;

G_END_DECLS
