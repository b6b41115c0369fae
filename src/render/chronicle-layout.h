/* chronicle-layout.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-timeline.h"
#include "chronicle-viewport.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} ChronicleRect;

typedef struct
{
  double x;
  double y;
} ChroniclePoint;

typedef enum
{
  CHRONICLE_TEXT_LABEL,   /* event titles */
  CHRONICLE_TEXT_TICK,    /* axis tick labels */
  CHRONICLE_TEXT_ERA,     /* era names */
  CHRONICLE_TEXT_TITLE,   /* chart title (export) */
} ChronicleTextRole;

/* Measures @text for @role in pixels. Layout stays pure: the screen and
 * export pass a Pango-backed measurer, tests may pass a fixed-width one. */
typedef void (*ChronicleMeasureFunc) (const char        *text,
                                      ChronicleTextRole  role,
                                      double            *width,
                                      double            *height,
                                      gpointer           user_data);

typedef enum
{
  CHRONICLE_ITEM_MARKER,   /* a point event */
  CHRONICLE_ITEM_BAR,      /* a range, or a date coarser than the pixel grid */
  CHRONICLE_ITEM_CLUSTER,  /* "+N": events folded because lanes ran out */
} ChronicleItemKind;

/* What a mark says about how well its date is known; the legend has one
 * entry per kind the view shows. */
typedef enum
{
  CHRONICLE_MARK_TIMED_POINT,   /* a time of day: "2025-05-16T10:30" */
  CHRONICLE_MARK_TIMED_RANGE,   /* from a time to a time */
  CHRONICLE_MARK_DAY,           /* known to the day (or days), not the time */
  CHRONICLE_MARK_MONTH,         /* known to the month */
  CHRONICLE_MARK_YEAR,          /* known to the year */
  CHRONICLE_MARK_APPROXIMATE,   /* legend only: items carry `approximate` */
  CHRONICLE_N_MARKS,
} ChronicleMarkKind;

typedef struct
{
  ChronicleItemKind kind;
  guint             first_event;  /* timeline position of the (first) event */
  guint             n_events;     /* 1, or the cluster size */
  guint             last_event;   /* timeline position of the last event (== first_event for a label) */
  guint             category;     /* category index, G_MAXUINT for none */
  double            x;            /* marker centre, or bar start */
  double            x2;           /* bar end (== x for markers) */
  double            axis_y;       /* where the item sits on its track */
  int               lane;         /* > 0 above the axis, < 0 below */
  ChronicleRect     label;        /* label box; width 0 when unlabeled */
  /* The title as drawn: one line, or two when it is wrapped. Borrowed
   * from the event, or owned by the layout (a wrapped or cleaned title);
   * NULL for clusters. The painter ellipsizes a line wider than the box,
   * which the layout counts, see chronicle_layout_get_n_cut_titles(). */
  const char       *text;         /* first (or only) line */
  const char       *text2;        /* second line, or NULL */
  /* The label box starts at the event's date (x, or a bar's visible
   * start), or when this is set ends at it (x, or a bar's visible end):
   * the label lies left of its mark, its category strip at its right. */
  gboolean          label_before;
  /* The line joining the mark (or bar) to the axis and the label box, in
   * the layout's px: from leader[0] to leader[n_leader - 1]. n_leader is
   * 0 when there is none (clusters, unlabeled items). */
  guint             n_leader;
  ChroniclePoint    leader[2];
  ChronicleMarkKind mark;         /* how precise the date is (not for clusters) */
  double            whisker;      /* px: half the span a marker's date covers (day markers), else 0 */
  gboolean          approximate;  /* the file says the date is an estimate: text starts "c. " */
  gboolean          untitled;     /* blank title: text is "(untitled)", drawn muted */
} ChronicleLayoutItem;

typedef struct
{
  double      x;
  char       *text;      /* owned; localized; NULL for an unlabeled tick */
  gboolean    major;
  double      label_width; /* px */
  double      label_x;     /* left end of the label: centred on x, or beside a break's mark */
} ChronicleTick;

typedef struct
{
  gboolean collapse_gaps;  /* informational; the viewport holds the axis */
  gboolean show_title;
  gboolean show_legend;
  gboolean show_eras;
  /* Ids of the categories a filter hides: their legend entries are drawn
   * dimmed and struck through. NULL-terminated or NULL; read during
   * chronicle_layout_compute() only (the layout keeps no pointer to it). */
  const char * const *hidden_categories;
  /* Where events were placed before, for a view that lays out frame
   * after frame: event id (owned string) -> lane (GINT_TO_POINTER, > 0
   * above the axis, < 0 below). An event found here keeps its side, and
   * its lane when that is free; one seen for the first time takes the
   * side its id gives it (the other when that is full), and is added.
   * NULL for a one-off layout (an export); used during
   * chronicle_layout_compute() only. */
  GHashTable         *placements;
  /* A line under the title (export), or NULL; copied by the layout. Last,
   * so that positional initializers of the fields above stay valid. */
  const char *subtitle;
  /* A picture of one view (an export), not a frame of a view that will
   * zoom and pan: the legend keeps no rows for keys of marks not drawn. */
  gboolean    one_off;
  /* The event the view has selected (a timeline position, when
   * has_selected): when in view it always gets a label of its own, its
   * lane taken before the others', rather than folding into a "+N" that
   * no zoom can split (events at the same instant). */
  gboolean    has_selected;
  guint       selected;
} ChronicleLayoutOptions;

typedef struct _ChronicleLayout ChronicleLayout;

ChronicleLayout           *chronicle_layout_compute        (ChronicleTimeline            *timeline,
                                                            const ChronicleViewport      *viewport,
                                                            double                        width,
                                                            double                        height,
                                                            const ChronicleLayoutOptions *options,
                                                            ChronicleMeasureFunc          measure,
                                                            gpointer                      measure_data);
void                       chronicle_layout_free           (ChronicleLayout              *layout);

const ChronicleLayoutItem *chronicle_layout_get_items      (const ChronicleLayout        *layout,
                                                            guint                        *n_items);
const ChronicleTick       *chronicle_layout_get_ticks      (const ChronicleLayout        *layout,
                                                            guint                        *n_ticks);
/* The item drawn at (x, y), or NULL. Items are sorted by x for bsearch. */
const ChronicleLayoutItem *chronicle_layout_hit_test       (const ChronicleLayout        *layout,
                                                            double                        x,
                                                            double                        y);
/* The category index of the legend entry at (x, y), or G_MAXUINT when
 * there is none there (or it is the "time skipped" key). */
guint                      chronicle_layout_hit_test_legend (const ChronicleLayout       *layout,
                                                            double                        x,
                                                            double                        y);
/* The item showing timeline position @event (itself or its cluster), or NULL. */
const ChronicleLayoutItem *chronicle_layout_find_event     (const ChronicleLayout        *layout,
                                                            guint                         event);
double                     chronicle_layout_get_axis_y     (const ChronicleLayout        *layout);
/* Events overlapping the visible window: items plus cluster members. */
guint                      chronicle_layout_get_n_visible_events (const ChronicleLayout  *layout);
/* Labels whose title did not fit in the room there was, even on two
 * lines, and is drawn cut ("…"). */
guint                      chronicle_layout_get_n_cut_titles (const ChronicleLayout     *layout);
guint                      chronicle_layout_get_n_folded_events (const ChronicleLayout  *layout,
                                                                 guint                  *n_clusters);
ChronicleTimeline         *chronicle_layout_get_timeline   (const ChronicleLayout        *layout);
const ChronicleViewport   *chronicle_layout_get_viewport   (const ChronicleLayout        *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleLayout, chronicle_layout_free)

G_END_DECLS
