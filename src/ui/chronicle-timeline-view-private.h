/* chronicle-timeline-view-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-layout.h"
#include "chronicle-timeline-view.h"

G_BEGIN_DECLS

/* Kinetic panning after a drag: the speed decays with this time constant
 * (seconds) and stops below the minimum (px per second); a release after
 * holding still longer than the idle time does not fling. */
#define KINETIC_DECAY_S      0.325
#define KINETIC_MIN_SPEED    30.0
#define KINETIC_MAX_SPEED    6000.0
#define KINETIC_IDLE_MS      60

struct _ChronicleTimelineView
{
  GtkWidget          parent_instance;

  /* owned */
  ChronicleTimeline *timeline;
  ChronicleEvent    *selected;
  ChronicleViewport *viewport;
  ChronicleLayout   *layout;       /* cached; NULL when stale */
  GskRenderNode     *static_node;  /* chronicle_paint() of layout; NULL when stale */
  ChronicleStyle     style;
  char              *accessible_label;
  /* said before the selected event until the selection changes: "Last
   * event.", "Zoomed to May 2025." (chronicle-timeline-view-a11y.c) */
  char              *accessible_note;
  GStrv              hidden_categories;  /* legend entries struck through */
  /* Where each event's label was (id -> lane), so that it keeps its side
   * and lane from frame to frame: see ChronicleLayoutOptions. Kept across
   * filters and reloads, which show the same events by id. */
  GHashTable        *placements;

  /* state */
  gboolean           style_valid;
  gboolean           collapse_gaps;
  ChronicleZoneMode  zone_mode;      /* the view option; the viewport holds the offset */
  gboolean           needs_fit;    /* fit once the first real width is known */

  /* timeline position under the pointer, G_MAXUINT for none */
  guint              hover;
  /* last pointer position in widget coordinates */
  double             pointer_x;
  double             pointer_y;
  gboolean           has_pointer;

  /* gesture state: drag offset and pinch scale at the previous update */
  double             drag_last_x;
  double             zoom_last_scale;
  /* the press became a pan: its release is no click */
  gboolean           drag_moved;
  /* drag speed in px per second (smoothed) and the time of the last
   * drag update, in event milliseconds */
  double             drag_velocity;
  guint32            drag_last_time;

  /* Motion on screen. While a move animates, the viewport already holds
   * its target (what the actions, tests and export see), and "shown" the
   * window on screen now, which the layout is computed for. */
  ChronicleViewport *shown;          /* owned; NULL when still */
  guint              tick_id;
  gint64             move_start_us;  /* frame time of the first frame, 0 before */
  double             move_from0;     /* windows in axis units */
  double             move_from1;
  double             move_to0;
  double             move_to1;
  /* kinetic panning (without "shown"), px per second; 0 when none */
  double             kinetic_velocity;
  gint64             kinetic_last_us;

  gboolean           story_mode;

  /* dragging the selected event to another date (chronicle-timeline-view-edit.c) */
  ChronicleEvent    *move_event;     /* owned; NULL when not dragging one */
  double             move_x;         /* where the drag began, widget px */
  double             move_seconds;   /* how far it is dragged, before snapping */
  gboolean           move_ignored;   /* cancelled by Escape: the rest of the drag does nothing */
  GtkWidget         *context_menu;   /* owned GtkPopoverMenu, made when first shown */

  guint              reselect_source; /* idle after an edit: follow the selected event */
  gint64             edit_start;      /* the selected event's start before the edit */
};

/* The layout drawn now (computed on demand), or NULL while the view has no
 * events or no size. For tests. */
const ChronicleLayout *chronicle_timeline_view_get_layout (ChronicleTimelineView *self);
/* What a click at (x, y), widget px, does to the legend: emits
 * "legend-activated" when a category's entry is there. For tests. */
gboolean               chronicle_timeline_view_activate_legend_at (ChronicleTimelineView *self,
                                                                   double                 x,
                                                                   double                 y);
/* Kinetic panning at @velocity (px per second), as after a drag. For the
 * drag gesture and for tests. */
gboolean               chronicle_timeline_view_fling (ChronicleTimelineView *self,
                                                      double                 velocity);

/* Dragging an event to another date, as the drag gesture does it: for
 * the gesture and for tests (chronicle-timeline-view-edit.c). */
gboolean               chronicle_timeline_view_move_begin  (ChronicleTimelineView *self,
                                                            double                 x,
                                                            double                 y);
void                   chronicle_timeline_view_move_update (ChronicleTimelineView *self,
                                                            double                 offset_x);
void                   chronicle_timeline_view_move_end    (ChronicleTimelineView *self);
gboolean               chronicle_timeline_view_move_cancel (ChronicleTimelineView *self);

/* Shared by the files of ChronicleTimelineView. */

/* chronicle-timeline-view.c: the timeline, the layout cache */
void                   _chronicle_timeline_view_invalidate_layout (ChronicleTimelineView *self);
ChronicleViewport     *_chronicle_timeline_view_get_shown_viewport (ChronicleTimelineView *self);
gboolean               _chronicle_timeline_view_has_events (ChronicleTimelineView *self);
const ChronicleLayout *_chronicle_timeline_view_ensure_layout (ChronicleTimelineView *self);
ChronicleEvent        *_chronicle_timeline_view_get_event_at (ChronicleTimelineView *self,
                                                              guint                  position);
gboolean               _chronicle_timeline_view_get_selected_position (ChronicleTimelineView *self,
                                                                       guint                 *position);

/* chronicle-timeline-view-a11y.c: what screen readers say of the chart */
void                   _chronicle_timeline_view_update_accessible_label (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_update_accessible_description (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_clear_accessible_note (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_announce_edge (ChronicleTimelineView *self,
                                                               int                    step);
void                   _chronicle_timeline_view_announce_zoom (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_announce_story_end (ChronicleTimelineView *self);
char                  *_chronicle_timeline_view_dup_range_text (ChronicleTimelineView *self);

/* chronicle-timeline-view-input.c: gestures, hover, tooltip, actions and keys */
void                   _chronicle_timeline_view_class_input_init (ChronicleTimelineViewClass *klass);
void                   _chronicle_timeline_view_input_init (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_update_hover (ChronicleTimelineView *self);

/* chronicle-timeline-view-edit.c: moving, adding and the context menu (issue #13) */
void                   _chronicle_timeline_view_class_edit_init (ChronicleTimelineViewClass *klass);
void                   _chronicle_timeline_view_edit_init (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_edit_dispose (ChronicleTimelineView *self);
gboolean               _chronicle_timeline_view_is_editable (ChronicleTimelineView *self);
gboolean               _chronicle_timeline_view_get_move (ChronicleTimelineView  *self,
                                                          ChronicleEvent        **event,
                                                          double                 *seconds);
void                   _chronicle_timeline_view_paint_move (ChronicleTimelineView *self,
                                                            cairo_t               *cr,
                                                            const ChronicleLayout *layout,
                                                            const ChronicleStyle  *style);
gboolean               _chronicle_timeline_view_add_at (ChronicleTimelineView *self,
                                                        double                 x);

/* chronicle-timeline-view-motion.c: animated moves, kinetic panning, revealing events */
void                   _chronicle_timeline_view_stop_motion (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_settle_motion (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_begin_move (ChronicleTimelineView *self,
                                                            double                *shown0,
                                                            double                *shown1);
void                   _chronicle_timeline_view_end_move (ChronicleTimelineView *self,
                                                          double                 shown0,
                                                          double                 shown1);
void                   _chronicle_timeline_view_keep_selected_in_view (ChronicleTimelineView *self);
void                   _chronicle_timeline_view_reveal_position (ChronicleTimelineView *self,
                                                                 guint                  position,
                                                                 gboolean               zoom_to_it);
void                   _chronicle_timeline_view_open_cluster (ChronicleTimelineView     *self,
                                                              const ChronicleLayoutItem *cluster);
void                   _chronicle_timeline_view_present_position (ChronicleTimelineView *self,
                                                                  guint                  position);

G_END_DECLS
