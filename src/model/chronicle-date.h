/* chronicle-date.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-types.h"

G_BEGIN_DECLS

#define CHRONICLE_DATE_ERROR (chronicle_date_error_quark ())
#define CHRONICLE_TYPE_DATE  (chronicle_date_get_type ())

typedef enum
{
  CHRONICLE_DATE_ERROR_SYNTAX,   /* not ISO 8601 of a supported shape */
  CHRONICLE_DATE_ERROR_INVALID,  /* well-formed but impossible: 2022-02-30, 2022-13 */
} ChronicleDateError;

/* Years are astronomical (0 is 1 BC, -43 is 44 BC) in the proleptic
 * Gregorian calendar, within ±CHRONICLE_DATE_YEAR_MAX: 100 billion years
 * is 3.2e18 seconds, so any two instants and their difference still fit
 * in a gint64. Beyond ±CHRONICLE_DATE_DEEP_YEAR a date has year precision
 * only: months and days of deep time mean nothing, and a double holding
 * Unix seconds there is no longer exact to the second. */
#define CHRONICLE_DATE_YEAR_MAX  G_GINT64_CONSTANT (100000000000)
#define CHRONICLE_DATE_DEEP_YEAR G_GINT64_CONSTANT (1000000)

/**
 * ChronicleDate:
 *
 * A calendar date with a precision, a plain value passed by pointer and
 * copied by assignment. Fields finer than @precision are zero (month and
 * day are 1-based and 1 when unknown). Dates without a UTC offset are
 * "floating" and placed on the axis as if they were UTC.
 */
typedef struct
{
  gint64  year;        /* astronomical, see CHRONICLE_DATE_YEAR_MAX */
  guint8  month;       /* 1..12 */
  guint8  day;         /* 1..31 */
  guint8  hour;
  guint8  minute;
  guint8  second;
  guint8  precision;   /* ChronicleDatePrecision */
  guint8  has_offset;  /* TRUE when the text carried Z or ±hh:mm */
  gint32  utc_offset;  /* seconds east of UTC, when has_offset */
} ChronicleDate;

GQuark          chronicle_date_error_quark  (void);
GType           chronicle_date_get_type     (void) G_GNUC_CONST;
ChronicleDate  *chronicle_date_copy         (const ChronicleDate *date);
void            chronicle_date_free         (ChronicleDate       *date);

gboolean        chronicle_date_parse        (const char          *text,
                                             ChronicleDate       *date,
                                             GError             **error);
gboolean        chronicle_date_init         (ChronicleDate       *date,
                                             ChronicleDatePrecision precision,
                                             gint64               year,
                                             int                  month,
                                             int                  day,
                                             int                  hour,
                                             int                  minute,
                                             int                  second,
                                             GError             **error);
char           *chronicle_date_to_iso       (const ChronicleDate *date);
char           *chronicle_date_format       (const ChronicleDate *date);
char           *chronicle_date_format_year  (gint64               year);
char           *chronicle_date_format_range (const ChronicleDate *start,
                                             const ChronicleDate *end);
char           *chronicle_date_format_zone  (int                  utc_offset);
gint64          chronicle_date_get_start    (const ChronicleDate *date);
gint64          chronicle_date_get_end      (const ChronicleDate *date);
int             chronicle_date_compare      (const ChronicleDate *a,
                                             const ChronicleDate *b);
gboolean        chronicle_date_equal        (const ChronicleDate *a,
                                             const ChronicleDate *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleDate, chronicle_date_free)

G_END_DECLS
