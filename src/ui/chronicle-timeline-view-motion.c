/* chronicle-timeline-view-motion.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-view"

#include "config.h"

#include <math.h>

#include "chronicle-timeline-view-private.h"

/* Zooming in on a cluster until its events come apart gives up after this
 * many doublings (2^16 is far beyond any useful level of detail). */
#define MAX_REVEAL_ZOOMS     16
/* Margin, in widget pixels, an event must keep from the edges to count as
 * visible; nearer than that the view recentres on it. */
#define EDGE_MARGIN_PX       24.0
/* Animated moves (previous/next, zoom keys, fit...) take this long and
 * ease out. */
#define MOVE_DURATION_US     (220 * G_TIME_SPAN_MILLISECOND)

void
_chronicle_timeline_view_stop_motion (ChronicleTimelineView *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->kinetic_velocity = 0.0;
  g_clear_pointer (&self->shown, chronicle_viewport_free);
}

/* Ends any motion where it is on screen now, for a gesture that moves the
 * view from what the user sees. */
void
_chronicle_timeline_view_settle_motion (ChronicleTimelineView *self)
{
  if (self->shown != NULL)
    {
      double u0, u1;

      chronicle_viewport_get_visible_units (self->shown, &u0, &u1);
      chronicle_viewport_set_visible_units (self->viewport, u0, u1);
    }

  _chronicle_timeline_view_stop_motion (self);
}

static gboolean
get_animations_enabled (ChronicleTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean enabled = FALSE;

  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  g_object_get (gtk_widget_get_settings (widget), "gtk-enable-animations", &enabled, NULL);

  return enabled;
}

static gboolean
is_shown_alone (const ChronicleLayoutItem *item,
                double                     width)
{
  if (item == NULL || item->kind == CHRONICLE_ITEM_CLUSTER)
    return FALSE;

  /* A bar counts as shown while any of it is well inside the view. */
  return item->x2 >= EDGE_MARGIN_PX && item->x <= width - EDGE_MARGIN_PX;
}

/* Whether all events folded into @cluster start at one instant, which no
 * zoom level separates. */
static gboolean
cluster_is_simultaneous (ChronicleTimelineView     *self,
                         const ChronicleLayoutItem *cluster)
{
  gint64 start =
    chronicle_event_get_start_time (_chronicle_timeline_view_get_event_at (self, cluster->first_event));

  for (guint i = 1; i < cluster->n_events; i++)
    if (chronicle_event_get_start_time (_chronicle_timeline_view_get_event_at (self,
                                                                              cluster->first_event + i))
        != start)
      return FALSE;

  return TRUE;
}

void
_chronicle_timeline_view_reveal_position (ChronicleTimelineView *self,
                                          guint                  position,
                                          gboolean               zoom_to_it)
{
  ChronicleEvent *event = _chronicle_timeline_view_get_event_at (self, position);
  double start = chronicle_viewport_event_start (self->viewport, event);
  double end = chronicle_viewport_event_end (self->viewport, event);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  const ChronicleLayout *layout;
  const ChronicleLayoutItem *item;

  if (zoom_to_it)
    {
      /* Room for the neighbours on both sides; an hour at least so that a
       * minute-precision event does not fill the screen. */
      double pad = MAX ((end - start) * 1.5, 3600.0);

      chronicle_viewport_show_range (self->viewport, start - pad, end + pad);
      _chronicle_timeline_view_invalidate_layout (self);
    }

  layout = _chronicle_timeline_view_ensure_layout (self);
  if (layout == NULL)
    {
      chronicle_viewport_center_on (self->viewport, (start + end) / 2.0);
      _chronicle_timeline_view_invalidate_layout (self);
      return;
    }

  item = chronicle_layout_find_event (layout, position);
  if (is_shown_alone (item, width))
    return;

  /* Off-screen, at an edge, or a span too long for the view: bring it in,
   * keeping the zoom when the event fits. */
  {
    double pad = MAX ((end - start) * 0.1, 60.0);
    double view_start, view_end;
    gboolean fits;

    chronicle_viewport_get_visible_range (self->viewport, &view_start, &view_end);
    fits = end - start + 2 * pad <= view_end - view_start;

    if (!fits)
      chronicle_viewport_show_range (self->viewport, start - pad, end + pad);
    else if (item == NULL || item->kind != CHRONICLE_ITEM_CLUSTER)
      chronicle_viewport_center_on (self->viewport, (start + end) / 2.0);

    _chronicle_timeline_view_invalidate_layout (self);
    layout = _chronicle_timeline_view_ensure_layout (self);
    item = chronicle_layout_find_event (layout, position);
  }

  /* Still folded into a "+N" cluster: zoom in around the event's start
   * (where its marker sits) until it comes apart. */
  for (guint i = 0; i < MAX_REVEAL_ZOOMS && !is_shown_alone (item, width); i++)
    {
      double x;

      /* Events at the very same time never come apart: stop there, with
       * the cluster (and its highlight) in view. */
      if (item != NULL && cluster_is_simultaneous (self, item))
        break;

      x = chronicle_viewport_to_px (self->viewport, start);

      if (x < EDGE_MARGIN_PX || x > width - EDGE_MARGIN_PX)
        {
          chronicle_viewport_center_on (self->viewport, start);
          x = chronicle_viewport_to_px (self->viewport, start);
        }
      chronicle_viewport_zoom (self->viewport, 2.0, x);
      _chronicle_timeline_view_invalidate_layout (self);
      layout = _chronicle_timeline_view_ensure_layout (self);
      item = chronicle_layout_find_event (layout, position);
    }
}

/* The least pan that brings the selected event (its marker and label)
 * into view, none while it is in view: after an edit moved it, the chart
 * follows without jumping. */
void
_chronicle_timeline_view_keep_selected_in_view (ChronicleTimelineView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double shown0, shown1;
  guint position;

  if (width <= 2 * EDGE_MARGIN_PX || !_chronicle_timeline_view_get_selected_position (self, &position))
    return;

  _chronicle_timeline_view_begin_move (self, &shown0, &shown1);
  /* Twice: an event off the layout's window is first brought to the near
   * edge, then its label is measured. */
  for (int i = 0; i < 2; i++)
    {
      const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
      const ChronicleLayoutItem *item = layout != NULL ? chronicle_layout_find_event (layout, position) : NULL;
      double left, right, dx = 0.0;

      if (item == NULL)
        {
          double x = chronicle_viewport_to_px (self->viewport,
                                               chronicle_viewport_event_start (self->viewport, self->selected));

          left = right = x;
        }
      else
        {
          left = item->x;
          right = item->x;
          if (item->label.width > 0)
            {
              left = MIN (left, item->label.x);
              right = MAX (right, item->label.x + item->label.width);
            }
        }

      if (left < EDGE_MARGIN_PX || right - left > width - 2 * EDGE_MARGIN_PX)
        dx = EDGE_MARGIN_PX - left;
      else if (right > width - EDGE_MARGIN_PX)
        dx = width - EDGE_MARGIN_PX - right;
      if (dx == 0.0)
        break;
      chronicle_viewport_pan (self->viewport, dx);
      _chronicle_timeline_view_invalidate_layout (self);
    }
  _chronicle_timeline_view_end_move (self, shown0, shown1);
}

/* Zooms so the events folded in @cluster spread out over the view. */
void
_chronicle_timeline_view_open_cluster (ChronicleTimelineView     *self,
                                       const ChronicleLayoutItem *cluster)
{
  ChronicleEvent *first = _chronicle_timeline_view_get_event_at (self, cluster->first_event);
  /* (Not first_event + n_events - 1: labelled events lie between those
   * a cluster folds, so that one was short of the last, or past the end.) */
  ChronicleEvent *last = _chronicle_timeline_view_get_event_at (self, cluster->last_event);
  double start = chronicle_viewport_event_start (self->viewport, first);
  double end = chronicle_viewport_event_end (self->viewport, last);
  double pad = MAX ((end - start) * 0.25, 60.0);
  double before = 0.0, after = 0.0;
  double old_start, old_end;

  /* No zoom separates these: select the first, the arrow keys walk on. */
  if (cluster_is_simultaneous (self, cluster))
    {
      chronicle_timeline_view_set_selected_event (self, first);
      return;
    }

  chronicle_viewport_get_visible_range (self->viewport, &old_start, &old_end);
  chronicle_viewport_show_range (self->viewport, start - pad, end + pad);
  chronicle_viewport_get_visible_range (self->viewport, &before, &after);

  /* Same window as before (the cluster is as wide as it gets, for instance
   * several events at one instant): zoom in anyway so the click does
   * something visible. */
  if (before == old_start && after == old_end)
    chronicle_viewport_zoom (self->viewport, 2.0, (cluster->x + cluster->x2) / 2.0);

  _chronicle_timeline_view_invalidate_layout (self);
}

/* One frame of the motion under way. The frame time keeps the speed
 * independent of the frame rate. */
static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *frame_clock,
            gpointer       user_data)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (frame_clock);

  if (self->shown != NULL)
    {
      double t, eased, u0, u1;

      if (self->move_start_us == 0)
        self->move_start_us = now;
      t = MIN ((now - self->move_start_us) / (double) MOVE_DURATION_US, 1.0);
      /* Ease out (cubic): fast at first, settling gently. */
      eased = 1.0 - pow (1.0 - t, 3.0);

      chronicle_viewport_interpolate_units (self->move_from0, self->move_from1,
                                            self->move_to0, self->move_to1,
                                            eased, &u0, &u1);
      chronicle_viewport_set_visible_units (self->shown, u0, u1);

      if (t >= 1.0)
        {
          self->tick_id = 0;
          g_clear_pointer (&self->shown, chronicle_viewport_free);
        }
    }
  else if (self->kinetic_velocity != 0.0)
    {
      double dt = (now - self->kinetic_last_us) / (double) G_USEC_PER_SEC;
      double before0, before1, after0, after1;

      self->kinetic_last_us = now;
      dt = CLAMP (dt, 0.0, 0.1);

      chronicle_viewport_get_visible_units (self->viewport, &before0, &before1);
      chronicle_viewport_pan (self->viewport, self->kinetic_velocity * dt);
      chronicle_viewport_get_visible_units (self->viewport, &after0, &after1);
      self->kinetic_velocity *= exp (-dt / KINETIC_DECAY_S);

      /* Slow enough, or stopped at an end of the timeline. */
      if (fabs (self->kinetic_velocity) < KINETIC_MIN_SPEED ||
          (dt > 0.0 && before0 == after0 && before1 == after1))
        {
          self->tick_id = 0;
          self->kinetic_velocity = 0.0;
        }
    }
  else
    self->tick_id = 0;

  _chronicle_timeline_view_invalidate_layout (self);
  _chronicle_timeline_view_update_hover (self);

  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Starts a move: an animation under way is cut short at its target, so
 * that a new step (another press of "+") goes on from where the last one
 * was going. Returns, in @shown0 and @shown1, the window on screen now. */
void
_chronicle_timeline_view_begin_move (ChronicleTimelineView *self,
                                     double                *shown0,
                                     double                *shown1)
{
  chronicle_viewport_get_visible_units (_chronicle_timeline_view_get_shown_viewport (self),
                                        shown0, shown1);
  _chronicle_timeline_view_stop_motion (self);
}

/* Ends a move begun with _chronicle_timeline_view_begin_move(): the viewport holds the target now;
 * the screen gets there smoothly from [@shown0, @shown1), or at once when
 * animations are off (a system setting, and for tests) or the view is not
 * on screen. */
void
_chronicle_timeline_view_end_move (ChronicleTimelineView *self,
                                   double                 shown0,
                                   double                 shown1)
{
  double to0, to1;

  chronicle_viewport_get_visible_units (self->viewport, &to0, &to1);

  if ((to0 != shown0 || to1 != shown1) && get_animations_enabled (self))
    {
      self->shown = chronicle_viewport_copy (self->viewport);
      chronicle_viewport_set_visible_units (self->shown, shown0, shown1);
      self->move_from0 = shown0;
      self->move_from1 = shown1;
      self->move_to0 = to0;
      self->move_to1 = to1;
      self->move_start_us = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);
    }

  _chronicle_timeline_view_invalidate_layout (self);
  _chronicle_timeline_view_update_hover (self);
}

/* Selects the event at @position and moves to it, animated: the least
 * move that shows it, or in story mode centred with its neighbours. */
void
_chronicle_timeline_view_present_position (ChronicleTimelineView *self,
                                           guint                  position)
{
  double shown0, shown1;

  _chronicle_timeline_view_begin_move (self, &shown0, &shown1);
  chronicle_timeline_view_set_selected_event (self,
                                              _chronicle_timeline_view_get_event_at (self, position));
  _chronicle_timeline_view_reveal_position (self, position, self->story_mode);
  _chronicle_timeline_view_end_move (self, shown0, shown1);
  /* Home on the first event: the note of the last key goes, and the
   * event is read in full. */
  _chronicle_timeline_view_clear_accessible_note (self);
  _chronicle_timeline_view_update_accessible_label (self);
}

void
chronicle_timeline_view_fit (ChronicleTimelineView *self)
{
  double shown0, shown1;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  if (!_chronicle_timeline_view_has_events (self))
    return;

  _chronicle_timeline_view_begin_move (self, &shown0, &shown1);
  chronicle_viewport_fit (self->viewport);
  _chronicle_timeline_view_end_move (self, shown0, shown1);
  _chronicle_timeline_view_announce_zoom (self);
}

/**
 * chronicle_timeline_view_zoom:
 * @self: a `ChronicleTimelineView`
 * @factor: > 1 to magnify, < 1 to zoom out
 *
 * Zooms around the selected event when it is on screen, else around the
 * centre of the view.
 */
void
chronicle_timeline_view_zoom (ChronicleTimelineView *self,
                              double                 factor)
{
  double anchor_x;
  double width;
  double shown0, shown1;
  guint selected;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (factor > 0.0);

  if (!_chronicle_timeline_view_has_events (self))
    return;

  /* Steps add up: the anchor is found in the window being moved to. */
  _chronicle_timeline_view_begin_move (self, &shown0, &shown1);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  anchor_x = width / 2.0;

  if (_chronicle_timeline_view_get_selected_position (self, &selected))
    {
      ChronicleEvent *event = _chronicle_timeline_view_get_event_at (self, selected);
      double x = chronicle_viewport_to_px (self->viewport, chronicle_viewport_event_start (self->viewport, event));

      if (x >= 0.0 && x <= width)
        anchor_x = x;
    }

  chronicle_viewport_zoom (self->viewport, factor, anchor_x);
  _chronicle_timeline_view_end_move (self, shown0, shown1);
  /* Keys and buttons zoom through here (the wheel and pinch do not): a
   * screen reader hears what the chart shows now. */
  _chronicle_timeline_view_announce_zoom (self);
}

/**
 * chronicle_timeline_view_select_adjacent:
 * @self: a `ChronicleTimelineView`
 * @step: -1 for the previous event, +1 for the next
 *
 * Without a selection, +1 selects the first event and -1 the last.
 *
 * Returns: FALSE when there is no such event (the selection is kept)
 */
gboolean
chronicle_timeline_view_select_adjacent (ChronicleTimelineView *self,
                                         int                    step)
{
  guint n, position;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (step == -1 || step == 1, FALSE);

  if (!_chronicle_timeline_view_has_events (self))
    return FALSE;

  n = chronicle_timeline_get_n_events (self->timeline);

  if (!_chronicle_timeline_view_get_selected_position (self, &position))
    position = step > 0 ? 0 : n - 1;
  else if (step < 0 && position == 0)
    return FALSE;
  else if (step > 0 && position + 1 >= n)
    return FALSE;
  else
    position += step;

  _chronicle_timeline_view_present_position (self, position);

  return TRUE;
}

/**
 * chronicle_timeline_view_reveal_selected:
 * @self: a `ChronicleTimelineView`
 * @zoom_to_it: zoom in close around the event, rather than the least move
 *
 * Scrolls, and zooms where the event is folded into a cluster, so that the
 * selected event shows on its own.
 */
void
chronicle_timeline_view_reveal_selected (ChronicleTimelineView *self,
                                         gboolean               zoom_to_it)
{
  guint position;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  if (_chronicle_timeline_view_get_selected_position (self, &position))
    {
      double shown0, shown1;

      _chronicle_timeline_view_begin_move (self, &shown0, &shown1);
      _chronicle_timeline_view_reveal_position (self, position, zoom_to_it);
      _chronicle_timeline_view_end_move (self, shown0, shown1);
    }
}

/**
 * chronicle_timeline_view_show_range:
 * @self: a `ChronicleTimelineView`
 * @start: start of the range, in Unix seconds
 * @end: end of the range, in Unix seconds
 *
 * Shows the time range from @start to @end across the width of the view,
 * clamped as every zoom is. A fit still pending for want of a width is
 * dropped, so that a reloaded timeline keeps the range the user looked at.
 */
void
chronicle_timeline_view_show_range (ChronicleTimelineView *self,
                                    double                 start,
                                    double                 end)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (start < end);

  if (!_chronicle_timeline_view_has_events (self))
    return;

  _chronicle_timeline_view_stop_motion (self);
  chronicle_viewport_show_range (self->viewport, start, end);
  self->needs_fit = FALSE;
  _chronicle_timeline_view_invalidate_layout (self);
}

/**
 * chronicle_timeline_view_get_shown_viewport:
 * @self: a `ChronicleTimelineView`
 *
 * The window on screen now. While a move animates, that is a step on the
 * way to chronicle_timeline_view_get_viewport(), which already holds where
 * the move goes; otherwise the two are the same.
 *
 * Returns: (transfer none): the viewport drawn
 */
const ChronicleViewport *
chronicle_timeline_view_get_shown_viewport (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return _chronicle_timeline_view_get_shown_viewport (self);
}

/**
 * chronicle_timeline_view_scroll_to:
 * @self: a `ChronicleTimelineView`
 * @time: Unix seconds
 * @animate: glide there (when animations are on) rather than jump
 *
 * Centres the view on @time, keeping the zoom.
 */
void
chronicle_timeline_view_scroll_to (ChronicleTimelineView *self,
                                   double                 time,
                                   gboolean               animate)
{
  double shown0, shown1;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  if (!_chronicle_timeline_view_has_events (self))
    return;

  if (!animate)
    {
      /* Follows the pointer (an overview drag): from what is on screen. */
      _chronicle_timeline_view_settle_motion (self);
      chronicle_viewport_center_on (self->viewport, time);
      _chronicle_timeline_view_invalidate_layout (self);
      _chronicle_timeline_view_update_hover (self);
      return;
    }

  _chronicle_timeline_view_begin_move (self, &shown0, &shown1);
  chronicle_viewport_center_on (self->viewport, time);
  _chronicle_timeline_view_end_move (self, shown0, shown1);
}

/**
 * chronicle_timeline_view_is_moving:
 * @self: a `ChronicleTimelineView`
 *
 * Returns: whether an animated move or a kinetic pan is under way
 */
gboolean
chronicle_timeline_view_is_moving (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  return self->tick_id != 0;
}

/**
 * chronicle_timeline_view_story_step:
 * @self: a `ChronicleTimelineView`
 * @step: -1 for the previous event of the story, +1 for the next
 *
 * Presents the previous or next event, centred with its neighbours.
 *
 * Returns: FALSE at an end of the story
 */
gboolean
chronicle_timeline_view_story_step (ChronicleTimelineView *self,
                                    int                    step)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);
  g_return_val_if_fail (step == -1 || step == 1, FALSE);

  return chronicle_timeline_view_select_adjacent (self, step);
}

/**
 * chronicle_timeline_view_fling:
 * @self: a `ChronicleTimelineView`
 * @velocity: px per second, positive moving the content right
 *
 * Pans on with @velocity slowing down, as after a drag let go while
 * moving (the drag gesture calls it; tests too). Too slow a velocity, or
 * animations off, does nothing.
 *
 * Returns: whether the view glides
 */
gboolean
chronicle_timeline_view_fling (ChronicleTimelineView *self,
                               double                 velocity)
{
  GdkFrameClock *clock;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  velocity = CLAMP (velocity, -KINETIC_MAX_SPEED, KINETIC_MAX_SPEED);
  if (!_chronicle_timeline_view_has_events (self) || fabs (velocity) < 4 * KINETIC_MIN_SPEED ||
      !get_animations_enabled (self))
    return FALSE;

  _chronicle_timeline_view_settle_motion (self);
  self->kinetic_velocity = velocity;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->kinetic_last_us = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);

  return TRUE;
}
