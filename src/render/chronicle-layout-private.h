/* chronicle-layout-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-layout.h"

G_BEGIN_DECLS

/* Shared by the layout and the painter; not for the UI. All geometry is
 * in logical px of the layout's width x height. */

/* Vertical metrics of a label lane and of the items in it. */
#define CHRONICLE_LABEL_PAD_X   6.0
#define CHRONICLE_LABEL_PAD_Y   3.0
#define CHRONICLE_LABEL_STRIP   3.0    /* category strip at the label's left */
#define CHRONICLE_BAR_HEIGHT    6.0
#define CHRONICLE_MARKER_RADIUS 5.0
#define CHRONICLE_PILL_HEIGHT   16.0

/* Shared by the layout's files (chronicle-layout*.c). */
#define CHRONICLE_OUTER_PAD       16.0
#define CHRONICLE_LABEL_EDGE      3.0     /* px kept free at the right: the selection ring lies outside the box */
#define CHRONICLE_LABEL_MAX_TEXT  340.0   /* longer titles wrap onto a second line */
#define CHRONICLE_LABEL_MIN_WIDTH (2 * CHRONICLE_LABEL_PAD_X + CHRONICLE_LABEL_STRIP + 24.0)
#define CHRONICLE_TICK_MARK       6.0
#define CHRONICLE_CLUSTER_SPAN    36.0    /* px of axis one cluster gathers */
#define CHRONICLE_CLUSTER_TAG     0x80000000u  /* in a run's index: a cluster's index, not an item's */

/* Events [first, last] of the range (positions - first_visible) shown
 * by item @index (its own label, or the cluster they fold into). */
typedef struct
{
  guint first;
  guint last;
  guint index;
} ChronicleLayoutRun;

typedef struct
{
  double      x0;          /* band, clipped to [0, width] */
  double      x1;
  gboolean    ongoing;
  const char *label;       /* borrowed from the era */
  ChronicleRect label_rect; /* width 0 when there is no room */
} ChronicleLayoutEra;

typedef struct
{
  double x0;
  double x1;
  double skipped;   /* seconds of time the break leaves out */
  char  *text;      /* owned: how much, "3 years", drawn under the mark in the tick row */
  double text_width;
  gboolean text_below; /* no room in the tick row: drawn a row lower */
} ChronicleLayoutBreak;

/* The heading of a stretch of axis between breaks, drawn when the
 * stretches in view have different scales: it names the span the stretch
 * covers, "24 Feb – 31 Mar 2022". */
typedef struct
{
  double        x0;       /* visible part of the span its events cover, px */
  double        x1;
  char         *text;     /* owned */
  gboolean      display_date; /* the text is its one event's display date ("Now") */
  ChronicleRect rect;     /* where the text goes */
} ChronicleLayoutStretch;

typedef struct
{
  guint         category;  /* index, G_MAXUINT for the break entry */
  gboolean      is_break;  /* the "time skipped" key */
  gboolean      hidden;    /* a filter hides the category: drawn dimmed */
  gboolean      is_mark;   /* a kind of mark (precision or approximate) */
  ChronicleMarkKind mark;  /* when is_mark */
  ChronicleItemKind form;  /* when is_mark: drawn as a marker or a bar */
  ChronicleMarkKind base;  /* for the approximate key: the precision it is drawn with */
  const char   *label;     /* borrowed, or a static translated string */
  ChronicleRect swatch;
  ChronicleRect text;
} ChronicleLayoutLegendEntry;

/* A cluster while the events are laid out, before its pill is placed. */
typedef struct
{
  guint  first_event;
  guint  last_event;
  guint  n_events;
  double x_first;
  double x_last;
  guint  merged_into;  /* G_MAXUINT, or the cluster that absorbed it */
} ChronicleLayoutCluster;

struct _ChronicleLayout
{
  /* owned */
  ChronicleTimeline      *timeline;
  ChronicleViewport      *viewport;   /* copy, width set to @width */
  GArray                 *items;      /* ChronicleLayoutItem, sorted by x */
  GArray                 *ticks;      /* ChronicleTick, sorted by x */
  GArray                 *eras;       /* ChronicleLayoutEra */
  GArray                 *breaks;     /* ChronicleLayoutBreak */
  GArray                 *stretches;  /* ChronicleLayoutStretch, when scales differ */
  GArray                 *legend;     /* ChronicleLayoutLegendEntry */
  /* Visible events -> items, as runs sorted by first (ChronicleLayoutRun):
   * a fitted view of a million events folds them into a few hundred
   * clusters, so a table per event would cost megabytes per frame. */
  GArray                 *event_runs;
  GObject                *text_context;  /* PangoContext measured with, or NULL */
  GPtrArray              *shown_texts;   /* owned cut copies of file text, see chronicle_layout_display_text() */

  ChronicleLayoutOptions  options;
  double                  width;
  double                  height;

  /* vertical structure */
  double                  plot_top;
  double                  plot_bottom;
  double                  axis_y;
  double                  tick_label_y;   /* top of tick labels */
  double                  tick_label_height;
  double                  stretch_label_y;  /* top of the stretch headings' row */
  double                  break_label_y;    /* top of the row of break texts that left the tick row */
  double                  label_height;   /* text height of an event label */
  guint                   n_lanes_above;  /* label lanes on each side of the axis */
  guint                   n_lanes_below;

  const char             *title;          /* borrowed from the timeline, or from shown_texts */
  ChronicleRect           title_rect;
  double                  legend_top;     /* top of the legend rows; 0 when there is none */
  double                  legend_row_height;
  guint                   legend_rows;    /* reserved */
  const char             *subtitle;       /* owned by shown_texts, or NULL */
  ChronicleRect           subtitle_rect;

  /* visible events: [first_visible, first_visible + n_range) were looked
   * at, n_visible of them overlap the window */
  guint                   first_visible;
  guint                   n_range;
  guint                   n_visible;
  guint                   n_cut_titles;   /* labels drawn with their title cut */
  /* Range index of the selected event while its label waits for the
   * sweep to reach it: chronicle_layout_fold_following() stops before
   * it. G_MAXUINT for none. */
  guint                   fold_stop;

  /* hit-testing: how far an item's hit box reaches left/right of its x */
  double                  reach_left;
  double                  reach_right;

  /* Where the events are when there are too many to label (some folded
   * into clusters): events starting under each CHRONICLE_DENSITY_COLUMN
   * px from x = 0, drawn as a strip along the axis; NULL otherwise. See
   * chronicle_layout_compute_density(). */
  guint                  *density;
  guint                   n_density;
  guint                   density_max;
};

void  chronicle_layout_compute_ticks     (ChronicleLayout      *layout,
                                          ChronicleMeasureFunc  measure,
                                          gpointer              measure_data);
void  chronicle_layout_compute_stretches (ChronicleLayout      *layout,
                                          ChronicleMeasureFunc  measure,
                                          gpointer              measure_data);
char *chronicle_layout_format_skip       (double                seconds);

/* chronicle-layout-titles.c */
const char *chronicle_layout_display_text   (ChronicleLayout      *self,
                                             const char           *text);
void        chronicle_layout_place_title    (ChronicleLayout      *self,
                                             ChronicleMeasureFunc  measure,
                                             gpointer              data,
                                             double               *y);
void        chronicle_layout_set_item_text  (ChronicleLayout      *self,
                                             guint                 position,
                                             ChronicleLayoutItem  *item);
gboolean    chronicle_layout_measure_label  (ChronicleLayout      *self,
                                             ChronicleLayoutItem  *item,
                                             ChronicleMeasureFunc  measure,
                                             gpointer              data,
                                             double               *left,
                                             double               *right,
                                             gboolean             *cut_title,
                                             double                max_line);

/* chronicle-layout-legend.c */
void  chronicle_layout_reserve_legend (ChronicleLayout      *self,
                                       ChronicleMeasureFunc  measure,
                                       gpointer              data,
                                       double               *bottom);
guint chronicle_layout_place_legend   (ChronicleLayout      *self,
                                       ChronicleMeasureFunc  measure,
                                       gpointer              data);

/* chronicle-layout-eras.c */
void     chronicle_layout_compute_breaks   (ChronicleLayout      *self);
gboolean chronicle_layout_compute_eras     (ChronicleLayout      *self,
                                            ChronicleMeasureFunc  measure,
                                            gpointer              data);
void     chronicle_layout_place_era_labels (ChronicleLayout      *self,
                                            double                y);

/* chronicle-layout-clusters.c */
guint chronicle_layout_fold_event      (GArray               *clusters,
                                        guint                 position,
                                        double                x);
void  chronicle_layout_mark_events     (GArray               *runs,
                                        guint                 first,
                                        guint                 last,
                                        guint                 index);
guint chronicle_layout_resolve_cluster (GArray               *clusters,
                                        guint                 index);
void  chronicle_layout_place_clusters  (ChronicleLayout      *self,
                                        GArray               *clusters,
                                        guint                *cluster_item,
                                        ChronicleMeasureFunc  measure,
                                        gpointer              data);
guint chronicle_layout_fold_following  (ChronicleLayout      *self,
                                        GArray               *clusters,
                                        guint                 cluster,
                                        guint                 k,
                                        double                x_limit,
                                        double                vis_t1);

/* chronicle-layout-events.c */
void  chronicle_layout_place_events (ChronicleLayout      *self,
                                     ChronicleMeasureFunc  measure,
                                     gpointer              data,
                                     double                lanes_top,
                                     double                tick_area);

G_END_DECLS
