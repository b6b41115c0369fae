/* chronicle-timeline-view-input.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-view"

#include "config.h"

#include <math.h>

#include "chronicle-timeline-view-private.h"

#include "chronicle-text-private.h"

/* Keyboard and wheel zoom step; a pinch or a smooth scroll zooms by the
 * matching fraction of it. */
#define ZOOM_STEP            1.25
/* Pixels a wheel notch pans when scrolling sideways. */
#define WHEEL_PAN_PX         60.0
/* Touchpads report scroll deltas in surface pixels: this many count as
 * one wheel notch. */
#define SMOOTH_SCROLL_NOTCH  20.0

/* Moves the drawing by @dx widget pixels (positive: content to the right). */
static void
pan_content (ChronicleTimelineView *self,
             double                 dx)
{
  if (!_chronicle_timeline_view_has_events (self) || dx == 0.0)
    return;

  chronicle_viewport_pan (self->viewport, dx);
  _chronicle_timeline_view_invalidate_layout (self);
}

/* @factor > 1 magnifies; @anchor_x (widget pixels) stays put. */
static void
zoom_at (ChronicleTimelineView *self,
         double                 factor,
         double                 anchor_x)
{
  if (!_chronicle_timeline_view_has_events (self) || factor <= 0.0 || factor == 1.0)
    return;

  chronicle_viewport_zoom (self->viewport, factor, anchor_x);
  _chronicle_timeline_view_invalidate_layout (self);
}

static double
get_anchor_x (ChronicleTimelineView *self)
{
  if (self->has_pointer)
    return self->pointer_x;

  return gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
}

void
_chronicle_timeline_view_update_hover (ChronicleTimelineView *self)
{
  const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
  const ChronicleLayoutItem *item = NULL;
  guint hover = G_MAXUINT;

  if (layout != NULL && self->has_pointer)
    item = chronicle_layout_hit_test (layout, self->pointer_x, self->pointer_y);

  if (item != NULL)
    hover = item->first_event;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), item != NULL ? "pointer" : NULL);

  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_click_pressed_cb (ChronicleTimelineView *self,
                     int                    n_press,
                     double                 x,
                     double                 y,
                     GtkGestureClick       *gesture)
{
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_click_released_cb (ChronicleTimelineView *self,
                      int                    n_press,
                      double                 x,
                      double                 y,
                      GtkGestureClick       *gesture)
{
  const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
  const ChronicleLayoutItem *item;

  if (layout == NULL || self->drag_moved)
    return;

  if (chronicle_timeline_view_activate_legend_at (self, x, y))
    return;

  item = chronicle_layout_hit_test (layout, x, y);
  if (item == NULL)
    {
      if (n_press == 1)
        chronicle_timeline_view_set_selected_event (self, NULL);
      /* Double click on empty chart: a new event there. */
      else if (n_press == 2)
        _chronicle_timeline_view_add_at (self, x);
      return;
    }

  if (item->kind == CHRONICLE_ITEM_CLUSTER)
    {
      double shown0, shown1;

      _chronicle_timeline_view_begin_move (self, &shown0, &shown1);
      _chronicle_timeline_view_open_cluster (self, item);
      _chronicle_timeline_view_end_move (self, shown0, shown1);
    }
  else if (n_press >= 2)
    {
      double shown0, shown1;

      /* Double click: zoom to the event. */
      chronicle_timeline_view_set_selected_event (self,
                                                  _chronicle_timeline_view_get_event_at (self,
                                                                                         item->first_event));
      _chronicle_timeline_view_begin_move (self, &shown0, &shown1);
      _chronicle_timeline_view_reveal_position (self, item->first_event, TRUE);
      _chronicle_timeline_view_end_move (self, shown0, shown1);
    }
  else
    chronicle_timeline_view_set_selected_event (self,
                                                _chronicle_timeline_view_get_event_at (self,
                                                                                       item->first_event));

  _chronicle_timeline_view_update_hover (self);
}

static void
on_drag_begin_cb (ChronicleTimelineView *self,
                  double                 start_x,
                  double                 start_y,
                  GtkGestureDrag        *gesture)
{
  /* A press catches a fling or an animated move where it is. */
  _chronicle_timeline_view_settle_motion (self);
  self->drag_last_x = 0.0;
  self->drag_moved = FALSE;
  self->drag_velocity = 0.0;
  self->drag_last_time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
  /* On the selected event, the drag moves it rather than the chart. */
  chronicle_timeline_view_move_begin (self, start_x, start_y);
}

static void
on_drag_update_cb (ChronicleTimelineView *self,
                   double                 offset_x,
                   double                 offset_y,
                   GtkGestureDrag        *gesture)
{
  /* Beyond the drag threshold the press is a pan or a move, not a click. */
  if (!self->drag_moved &&
      gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, offset_x, offset_y) &&
      (self->move_event != NULL || self->move_ignored))
    self->drag_moved = TRUE;
  if (self->move_event != NULL || self->move_ignored)
    {
      chronicle_timeline_view_move_update (self, self->drag_moved ? offset_x : 0.0);
      return;
    }

  if (!self->drag_moved &&
      gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, offset_x, offset_y))
    {
      self->drag_moved = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  {
    guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
    double dx = offset_x - self->drag_last_x;

    /* Speed over the last few events, for the fling at the release. */
    if (time > self->drag_last_time)
      {
        double speed = dx * 1000.0 / (time - self->drag_last_time);

        self->drag_velocity = 0.6 * speed + 0.4 * self->drag_velocity;
        self->drag_last_time = time;
      }
  }

  pan_content (self, offset_x - self->drag_last_x);
  self->drag_last_x = offset_x;
}

static void
on_drag_end_cb (ChronicleTimelineView *self,
                double                 offset_x,
                double                 offset_y,
                GtkGestureDrag        *gesture)
{
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
  double velocity = CLAMP (self->drag_velocity, -KINETIC_MAX_SPEED, KINETIC_MAX_SPEED);

  if (self->move_event != NULL || self->move_ignored)
    {
      chronicle_timeline_view_move_end (self);
      self->move_ignored = FALSE;
      _chronicle_timeline_view_update_hover (self);
      return;
    }

  /* Kinetic panning: a drag let go while still moving glides on. */
  if (self->drag_moved && time - self->drag_last_time <= KINETIC_IDLE_MS)
    chronicle_timeline_view_fling (self, velocity);

  _chronicle_timeline_view_update_hover (self);
}

static gboolean
on_scroll_scroll_cb (ChronicleTimelineView    *self,
                     double                    dx,
                     double                    dy,
                     GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double notches_x, notches_y;

  if (!_chronicle_timeline_view_has_events (self))
    return GDK_EVENT_PROPAGATE;

  /* The wheel acts on what is on screen. */
  _chronicle_timeline_view_settle_motion (self);

  /* Shift turns a vertical wheel into a horizontal one, as in other views. */
  if ((state & GDK_SHIFT_MASK) != 0 && dx == 0.0)
    {
      dx = dy;
      dy = 0.0;
    }

  notches_x = wheel ? dx : dx / SMOOTH_SCROLL_NOTCH;
  notches_y = wheel ? dy : dy / SMOOTH_SCROLL_NOTCH;

  if (fabs (dx) > fabs (dy))
    pan_content (self, -notches_x * WHEEL_PAN_PX);
  else if (dy != 0.0)
    zoom_at (self, pow (ZOOM_STEP, -notches_y), get_anchor_x (self));

  _chronicle_timeline_view_update_hover (self);

  return GDK_EVENT_STOP;
}

/* A touchpad swipe sideways let go while moving glides on, as a drag does.
 * The velocity is in scroll units (surface px) per second. */
static void
on_scroll_decelerate_cb (ChronicleTimelineView    *self,
                         double                    vel_x,
                         double                    vel_y,
                         GtkEventControllerScroll *controller)
{
  if (fabs (vel_x) > fabs (vel_y))
    chronicle_timeline_view_fling (self, -vel_x / SMOOTH_SCROLL_NOTCH * WHEEL_PAN_PX);
}

static void
on_zoom_begin_cb (ChronicleTimelineView *self,
                  GdkEventSequence      *sequence,
                  GtkGesture            *gesture)
{
  _chronicle_timeline_view_settle_motion (self);
  self->zoom_last_scale = 1.0;
}

static void
on_zoom_scale_changed_cb (ChronicleTimelineView *self,
                          double                 scale,
                          GtkGestureZoom        *gesture)
{
  double x, y;

  if (scale <= 0.0)
    return;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;

  zoom_at (self, scale / self->zoom_last_scale, x);
  self->zoom_last_scale = scale;
}

static void
on_motion_cb (ChronicleTimelineView    *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  _chronicle_timeline_view_update_hover (self);
}

static void
on_motion_leave_cb (ChronicleTimelineView    *self,
                    GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
  _chronicle_timeline_view_update_hover (self);
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (!chronicle_timeline_view_select_adjacent (CHRONICLE_TIMELINE_VIEW (widget), -1))
    {
      gtk_widget_error_bell (widget);
      _chronicle_timeline_view_announce_edge (CHRONICLE_TIMELINE_VIEW (widget), -1);
    }
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (!chronicle_timeline_view_select_adjacent (CHRONICLE_TIMELINE_VIEW (widget), +1))
    {
      gtk_widget_error_bell (widget);
      _chronicle_timeline_view_announce_edge (CHRONICLE_TIMELINE_VIEW (widget), +1);
    }
}

static void
first_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);

  if (_chronicle_timeline_view_has_events (self))
    _chronicle_timeline_view_present_position (self, 0);
}

static void
last_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);

  if (_chronicle_timeline_view_has_events (self))
    _chronicle_timeline_view_present_position (self,
                                               chronicle_timeline_get_n_events (self->timeline) - 1);
}

static void
fit_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  chronicle_timeline_view_fit (CHRONICLE_TIMELINE_VIEW (widget));
}

static void
zoom_in_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  chronicle_timeline_view_zoom (CHRONICLE_TIMELINE_VIEW (widget), ZOOM_STEP);
}

static void
zoom_out_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  chronicle_timeline_view_zoom (CHRONICLE_TIMELINE_VIEW (widget), 1.0 / ZOOM_STEP);
}

static void
clear_selection_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);

  /* Escape during a drag puts the event back. */
  if (chronicle_timeline_view_move_cancel (self))
    return;
  /* Escape leaves a story first, keeping the event it was at. */
  if (self->story_mode)
    chronicle_timeline_view_set_story_mode (self, FALSE);
  else
    chronicle_timeline_view_set_selected_event (self, NULL);
}

static void
zoom_to_selection_action_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  chronicle_timeline_view_reveal_selected (CHRONICLE_TIMELINE_VIEW (widget), TRUE);
  _chronicle_timeline_view_announce_zoom (CHRONICLE_TIMELINE_VIEW (widget));
}

static gboolean
chronicle_timeline_view_query_tooltip (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_mode,
                                       GtkTooltip *tooltip)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
  const ChronicleLayoutItem *item;
  g_autofree char *text = NULL;

  if (layout == NULL || keyboard_mode)
    return FALSE;

  item = chronicle_layout_hit_test (layout, x, y);
  if (item == NULL)
    return FALSE;

  if (item->kind == CHRONICLE_ITEM_CLUSTER)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: tooltip of a "+N" marker that stands for
                                            * several events */
                                           "%'u event — click to zoom in",
                                           "%'u events — click to zoom in", item->n_events),
                              item->n_events);
    }
  else
    {
      ChronicleEvent *event = _chronicle_timeline_view_get_event_at (self, item->first_event);
      g_autofree char *date = chronicle_event_format_date (event);
      g_autofree char *title = chronicle_text_for_display (chronicle_event_get_title (event),
                                                           CHRONICLE_TEXT_MAX_TITLE, FALSE);

      text = g_strdup_printf ("%s\n%s", title, date);
    }

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
add_zoom_bindings (GtkWidgetClass *widget_class,
                   const guint    *keyvals,
                   guint           n_keyvals,
                   const char     *action)
{
  for (guint i = 0; i < n_keyvals; i++)
    gtk_widget_class_add_binding_action (widget_class, keyvals[i], 0, action, NULL);
}

/* The tooltip, the actions and their keys. */
void
_chronicle_timeline_view_class_input_init (ChronicleTimelineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_KP_Add, GDK_KEY_equal };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  widget_class->query_tooltip = chronicle_timeline_view_query_tooltip;

  gtk_widget_class_install_action (widget_class, "timeline.previous", NULL, previous_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.next", NULL, next_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.first", NULL, first_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.last", NULL, last_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.clear-selection", NULL,
                                   clear_selection_action_cb);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-selection", NULL,
                                   zoom_to_selection_action_cb);
  gtk_widget_class_install_property_action (widget_class, "timeline.story-mode", "story-mode");

  /* Keys local to the focused chart. The window adds Ctrl+plus/minus/0,
   * which work wherever the focus is. Keep gtk/help-overlay.ui in step. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "timeline.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "timeline.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "timeline.story-mode", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "timeline.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.zoom-to-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.zoom-to-selection", NULL);
  /* Ctrl+C copies the chart only while the chart has the focus: as an
   * application accelerator it would run before a selectable label or an
   * entry could copy their text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "win.copy-image", NULL);
  add_zoom_bindings (widget_class, zoom_in_keys, G_N_ELEMENTS (zoom_in_keys), "timeline.zoom-in");
  add_zoom_bindings (widget_class, zoom_out_keys, G_N_ELEMENTS (zoom_out_keys), "timeline.zoom-out");
}

/* The pointer and touch gestures. */
void
_chronicle_timeline_view_input_init (ChronicleTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click, *drag, *zoom;
  GtkEventController *scroll, *motion;

  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (on_click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect_object (zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                            GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scroll_scroll_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (scroll, "decelerate", G_CALLBACK (on_scroll_decelerate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_motion_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);
}
