/* chronicle-viewport.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_VIEWPORT (chronicle_viewport_get_type ())

/*
 * The viewport maps time (Unix seconds, as a double) to x pixels.
 *
 * Time first goes through a piecewise-linear *axis* into "axis units":
 * long empty stretches of the timeline collapse into short breaks, so that
 * clusters years apart are legible side by side. With breaks off the axis
 * is linear. The visible window is a linear range of axis units mapped onto
 * [0, width]. Zoom and pan act on axis units.
 *
 * chronicle_viewport_to_px() and chronicle_viewport_from_px() are the only
 * time <-> pixel conversions in Chronicle.
 */
typedef struct _ChronicleViewport ChronicleViewport;

/* One piece of the axis: time [t0, t1) maps linearly onto units [u0, u1).
 * is_break marks a collapsed empty stretch. A stretch (not a break) also
 * knows the span its events cover, [data_t0, data_t1), inside its padding:
 * what its heading names. */
typedef struct
{
  double   t0;
  double   t1;
  double   u0;
  double   u1;
  gboolean is_break;
  double   data_t0;
  double   data_t1;
} ChronicleAxisSegment;

/* Which zone times of day are drawn in (the view option). */
typedef enum
{
  CHRONICLE_ZONE_TIMELINE,  /* the offset the timeline's timed events share, else UTC */
  CHRONICLE_ZONE_UTC,
  CHRONICLE_ZONE_LOCAL,     /* the computer's zone, with its rules at each date */
  CHRONICLE_ZONE_FIXED,     /* a given offset (command line ±HH:MM) */
} ChronicleZoneMode;

GType                       chronicle_viewport_get_type          (void) G_GNUC_CONST;
ChronicleViewport          *chronicle_viewport_new               (void);
ChronicleViewport          *chronicle_viewport_copy              (const ChronicleViewport *self);
void                        chronicle_viewport_free              (ChronicleViewport       *self);

/* Display zone: times are Unix seconds (UTC), and an event whose date
 * carries an offset is drawn at its wall time in this zone: the axis shows
 * wall time in the zone, UTC + @offset. Floating dates (no offset) are
 * drawn as written. Set it before chronicle_viewport_set_timeline(). */
void                        chronicle_viewport_set_zone_offset   (ChronicleViewport       *self,
                                                                  int                      offset);
int                         chronicle_viewport_get_zone_offset   (const ChronicleViewport *self);
void                        chronicle_viewport_set_time_zone     (ChronicleViewport       *self,
                                                                  GTimeZone               *tz);
GTimeZone                  *chronicle_viewport_get_time_zone     (const ChronicleViewport *self);
void                        chronicle_viewport_set_zone          (ChronicleViewport       *self,
                                                                  ChronicleTimeline       *timeline,
                                                                  ChronicleZoneMode        mode,
                                                                  int                      fixed_offset);
char                       *chronicle_viewport_format_zone       (const ChronicleViewport *self);
int                         chronicle_viewport_get_zone_reach    (const ChronicleViewport *self);
int                         chronicle_viewport_resolve_zone      (ChronicleTimeline       *timeline,
                                                                  ChronicleZoneMode        mode,
                                                                  int                      fixed_offset);
/* An event's span on the axis (display zone applied), Unix-seconds scale. */
double                      chronicle_viewport_event_start       (const ChronicleViewport *self,
                                                                  ChronicleEvent          *event);
double                      chronicle_viewport_event_end         (const ChronicleViewport *self,
                                                                  ChronicleEvent          *event);
double                      chronicle_viewport_position_start    (const ChronicleViewport *self,
                                                                  ChronicleTimeline       *timeline,
                                                                  guint                    position);
double                      chronicle_viewport_position_end      (const ChronicleViewport *self,
                                                                  ChronicleTimeline       *timeline,
                                                                  guint                    position);

/* Axis: linear over [start, end), or with breaks computed from @timeline. */
void                        chronicle_viewport_set_linear        (ChronicleViewport       *self,
                                                                  double                   start,
                                                                  double                   end);
void                        chronicle_viewport_set_timeline      (ChronicleViewport       *self,
                                                                  ChronicleTimeline       *timeline,
                                                                  gboolean                 collapse_gaps);
const ChronicleAxisSegment *chronicle_viewport_get_segments      (const ChronicleViewport *self,
                                                                  guint                   *n_segments);

void                        chronicle_viewport_set_width         (ChronicleViewport       *self,
                                                                  double                   width);
double                      chronicle_viewport_get_width         (const ChronicleViewport *self);

double                      chronicle_viewport_to_px             (const ChronicleViewport *self,
                                                                  double                   time);
double                      chronicle_viewport_from_px           (const ChronicleViewport *self,
                                                                  double                   x);

/* Visible window. Every change is clamped: no narrower than one minute of
 * time, no wider than the whole axis plus a margin. */
void                        chronicle_viewport_fit               (ChronicleViewport       *self);
void                        chronicle_viewport_show_range        (ChronicleViewport       *self,
                                                                  double                   start,
                                                                  double                   end);
void                        chronicle_viewport_get_visible_range (const ChronicleViewport *self,
                                                                  double                  *start,
                                                                  double                  *end);
void                        chronicle_viewport_zoom              (ChronicleViewport       *self,
                                                                  double                   factor,
                                                                  double                   anchor_x);
void                        chronicle_viewport_pan               (ChronicleViewport       *self,
                                                                  double                   dx);
void                        chronicle_viewport_center_on         (ChronicleViewport       *self,
                                                                  double                   time);
gboolean                    chronicle_viewport_equal             (const ChronicleViewport *a,
                                                                  const ChronicleViewport *b);
gboolean                    chronicle_viewport_same_axis         (const ChronicleViewport *a,
                                                                  const ChronicleViewport *b);

/* The visible window in axis units (see above), for animation and for an
 * overview of the whole axis. set_visible_units clamps like every change;
 * get_axis_units gives the extent of the axis, [0, *end). */
void                        chronicle_viewport_get_visible_units (const ChronicleViewport *self,
                                                                  double                  *u0,
                                                                  double                  *u1);
void                        chronicle_viewport_set_visible_units (ChronicleViewport       *self,
                                                                  double                   u0,
                                                                  double                   u1);
double                      chronicle_viewport_get_axis_units    (const ChronicleViewport *self);
double                      chronicle_viewport_time_to_units     (const ChronicleViewport *self,
                                                                  double                   time);
double                      chronicle_viewport_units_to_time     (const ChronicleViewport *self,
                                                                  double                   units);

/* A step @t in [0, 1] of a smooth move from window [from0, from1) to
 * [to0, to1) (axis units): the width changes geometrically, so a zoom looks
 * steady, and the point that both windows show at the same place (the
 * anchor of a zoom) stays still. */
void                        chronicle_viewport_interpolate_units (double                   from0,
                                                                  double                   from1,
                                                                  double                   to0,
                                                                  double                   to1,
                                                                  double                   t,
                                                                  double                  *u0,
                                                                  double                  *u1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleViewport, chronicle_viewport_free)

G_END_DECLS
