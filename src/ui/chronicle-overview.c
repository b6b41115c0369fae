/* chronicle-overview.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-overview"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-overview.h"
#include "chronicle-overview-private.h"

#include "chronicle-category-color.h"
#include "chronicle-density-private.h"

/* Logical pixels. */
#define STRIP_HEIGHT      48
#define MARGIN_Y          6.0
/* The frame of the view is never narrower than this, so it stays visible
 * and can be grabbed at any zoom. */
#define MIN_FRAME_WIDTH   8.0

struct _ChronicleOverview
{
  GtkWidget              parent_instance;

  /* borrowed, weak */
  ChronicleTimelineView *view;
  ChronicleTimeline     *timeline;

  /* owned */
  GSignalGroup          *view_signals; /* on the view; follows it without manual disconnects */
  GSignalGroup          *timeline_signals; /* on the view's timeline, likewise */
  ChronicleViewport     *axis;         /* the view's axis, fitted to our width; NULL when stale */
  GskRenderNode         *strip_node;   /* ticks and breaks; NULL when stale */
  char                  *value_text;

  /* drag state: where in the frame the pointer holds it (px from the
   * frame's centre), and the strip x at the press */
  double                 grab_offset;
  double                 drag_start_x;
};

G_DEFINE_FINAL_TYPE (ChronicleOverview, chronicle_overview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate_strip (ChronicleOverview *self)
{
  g_clear_pointer (&self->axis, chronicle_viewport_free);
  g_clear_pointer (&self->strip_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
has_events (ChronicleOverview *self)
{
  return self->view != NULL && self->timeline != NULL &&
         chronicle_timeline_get_n_events (self->timeline) > 0;
}

/* The whole axis of the view across our width, or NULL with nothing to
 * show. */
static const ChronicleViewport *
ensure_axis (ChronicleOverview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  /* The view gives its viewport a new axis (a reload, a filter) before it
   * notifies the new timeline: positions on the old one would be wrong. */
  if (self->axis != NULL && self->view != NULL &&
      !chronicle_viewport_same_axis (self->axis, chronicle_timeline_view_get_viewport (self->view)))
    invalidate_strip (self);

  if (self->axis == NULL && has_events (self) && width > 0)
    {
      self->axis = chronicle_viewport_copy (chronicle_timeline_view_get_viewport (self->view));
      chronicle_viewport_set_width (self->axis, width);
      chronicle_viewport_fit (self->axis);
    }

  return self->axis;
}

/* The frame of the view's window on screen, in strip pixels. */
static gboolean
get_frame (ChronicleOverview *self,
           double            *x,
           double            *width)
{
  const ChronicleViewport *axis = ensure_axis (self);
  double t0, t1, x0, x1;

  if (axis == NULL)
    return FALSE;

  /* The view's window as times, placed through the strip's own viewport
   * (the same axis, fitted to the strip). */
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_shown_viewport (self->view), &t0, &t1);
  x0 = chronicle_viewport_to_px (axis, t0);
  x1 = chronicle_viewport_to_px (axis, t1);

  if (x1 - x0 < MIN_FRAME_WIDTH)
    {
      double mid = (x0 + x1) / 2.0;

      x0 = mid - MIN_FRAME_WIDTH / 2.0;
      x1 = mid + MIN_FRAME_WIDTH / 2.0;
    }

  *x = x0;
  *width = x1 - x0;

  return TRUE;
}

static void
set_source_color (cairo_t              *cr,
                  const ChronicleColor *color,
                  double                alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* Breaks as in the chart, then one tick per pixel column that has events,
 * taller the more events start there (log scale, so a column of one event
 * still shows next to a column of thousands), coloured by the category of
 * the column's first event. The counts come from the timeline's sorted
 * starts (chronicle_density_count_columns()), one binary search per
 * column, not a pass over the events; redone only when the size, axis,
 * events or style change. */
static void
paint_strip (ChronicleOverview       *self,
             cairo_t                 *cr,
             const ChronicleViewport *axis,
             const ChronicleStyle    *style,
             int                      width,
             int                      height)
{
  g_autofree guint *counts = g_new0 (guint, width);
  g_autofree guint *firsts = g_new0 (guint, width);
  const ChronicleAxisSegment *segments;
  guint n_segments, max_count = 0;
  double base = height - MARGIN_Y;
  double top = MARGIN_Y;

  segments = chronicle_viewport_get_segments (axis, &n_segments);
  for (guint i = 0; i < n_segments; i++)
    {
      double x0, x1;

      if (!segments[i].is_break)
        continue;

      x0 = chronicle_viewport_to_px (axis, segments[i].t0);
      x1 = chronicle_viewport_to_px (axis, segments[i].t1);
      set_source_color (cr, &style->break_fill, 1.0);
      cairo_rectangle (cr, x0, 0, x1 - x0, height);
      cairo_fill (cr);
    }

  /* The axis line. */
  set_source_color (cr, &style->axis, 0.6);
  cairo_rectangle (cr, 0, base, width, 1.0 / MAX (style->scale, 1.0));
  cairo_fill (cr);

  max_count = chronicle_density_count_columns (self->timeline, axis, 0, 1.0, width, counts, firsts);

  for (int column = 0; column < width; column++)
    {
      ChronicleColor color;
      double share, h;

      if (counts[column] == 0)
        continue;

      share = max_count > 1 ? log1p (counts[column]) / log1p (max_count) : 1.0;
      h = (base - top) * (0.45 + 0.55 * share);
      /* The record's field: no event object is made for the strip. */
      chronicle_style_category_color (style, self->timeline,
                                      chronicle_timeline_get_category_index (self->timeline,
                                                                             chronicle_timeline_get_event_category_id (self->timeline,
                                                                                                                       firsts[column])),
                                      &color);
      set_source_color (cr, &color, 0.9);
      cairo_rectangle (cr, column, base - h, 2.0, h);
      cairo_fill (cr);
    }
}

static void
chronicle_overview_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  ChronicleOverview *self = CHRONICLE_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  const ChronicleViewport *axis = ensure_axis (self);
  g_auto(ChronicleStyle) style = { 0, };
  double x, w;
  cairo_t *cr;

  if (axis == NULL)
    return;

  chronicle_timeline_view_get_style (self->view, &style);

  if (self->strip_node == NULL)
    {
      GtkSnapshot *node_snapshot = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (node_snapshot, &bounds);
      paint_strip (self, cr, axis, &style, width, height);
      cairo_destroy (cr);
      self->strip_node = gtk_snapshot_free_to_node (node_snapshot);
    }

  if (self->strip_node != NULL)
    gtk_snapshot_append_node (snapshot, self->strip_node);

  /* The frame follows every frame of the view's motion: painted fresh. */
  if (!get_frame (self, &x, &w))
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  /* The focus ring, drawn here since the CSS outline lies under the
   * strip. */
  if (gtk_widget_has_visible_focus (widget))
    {
      set_source_color (cr, &style.accent, 0.6);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, 1.0, 1.0, width - 2.0, height - 2.0);
      cairo_stroke (cr);
    }

  /* The view may reach past the strip's ends (a filter left it wider
   * than what is shown now): the frame stops at them, so that its border
   * stays in sight and says so. */
  if (x < 0 || x + w > width)
    {
      double x1 = MIN (x + w, width);

      x = MAX (x, 0);
      w = MAX (x1 - x, MIN_FRAME_WIDTH);
      x = MIN (x, width - w);
    }

  set_source_color (cr, &style.accent, 0.18);
  cairo_rectangle (cr, x, 1.0, w, height - 2.0);
  cairo_fill (cr);
  set_source_color (cr, &style.accent, 0.9);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, x + 0.75, 1.75, MAX (w - 1.5, 1.0), height - 3.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
update_accessible_value (ChronicleOverview *self)
{
  const ChronicleViewport *axis = ensure_axis (self);
  const ChronicleViewport *shown;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  double t0, t1, middle_x, percent;

  if (axis == NULL)
    return;

  shown = chronicle_timeline_view_get_viewport (self->view);
  chronicle_viewport_get_visible_range (shown, &t0, &t1);

  start = g_date_time_new_from_unix_utc ((gint64) t0);
  end = g_date_time_new_from_unix_utc ((gint64) t1);
  if (start == NULL || end == NULL)
    return;

  /* Translators: a date in the overview's accessible value: a format for
   * g_date_time_format(), whose directives are GLib's, not strftime's */
  start_text = g_date_time_format (start, _("%-d %B %Y"));
  end_text = g_date_time_format (end, _("%-d %B %Y"));
  /* Translators: the part of the timeline the chart shows, for screen readers */
  text = g_strdup_printf (_("Showing %s to %s"), start_text, end_text);
  if (g_strcmp0 (text, self->value_text) == 0)
    return;

  g_free (self->value_text);
  self->value_text = g_steal_pointer (&text);

  /* The middle of the window, as a share of the strip. */
  middle_x = (chronicle_viewport_to_px (axis, t0) + chronicle_viewport_to_px (axis, t1)) / 2.0;
  percent = 100.0 * CLAMP (middle_x / chronicle_viewport_get_width (axis), 0.0, 1.0);
  /* GTK 4.8 sends no event for a new value text (and none for a value
   * that moves less than a percent): the description carries the range
   * too, and a screen reader speaks its change while the strip has the
   * focus. */
  /* Translators: the overview's accessible description: the part of the
   * timeline shown ("Showing 1 May 2025 to 16 May 2025"), then how to move it */
  description = g_strdup_printf (_("%s. The frame marks the part the chart shows. Left and Right move it."),
                                 self->value_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, 0.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, 100.0,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, percent,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->value_text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_view_viewport_changed_cb (ChronicleOverview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible_value (self);
}

static void
on_timeline_items_changed_cb (ChronicleOverview *self)
{
  invalidate_strip (self);
}

static void
set_timeline (ChronicleOverview *self,
              ChronicleTimeline *timeline)
{
  if (self->timeline == timeline)
    return;

  g_set_weak_pointer (&self->timeline, timeline);
  g_signal_group_set_target (self->timeline_signals, timeline);

  invalidate_strip (self);
}

static void
on_view_timeline_changed_cb (ChronicleOverview *self)
{
  set_timeline (self, self->view != NULL ? chronicle_timeline_view_get_timeline (self->view) : NULL);
  invalidate_strip (self);
  update_accessible_value (self);
}

static void
on_view_axis_changed_cb (ChronicleOverview *self)
{
  invalidate_strip (self);
}

/* Centres the view on the time under strip position @x. */
static void
scroll_view_to (ChronicleOverview *self,
                double             x,
                gboolean           animate)
{
  const ChronicleViewport *axis = ensure_axis (self);

  if (axis == NULL)
    return;

  x = CLAMP (x, 0.0, chronicle_viewport_get_width (axis));
  chronicle_timeline_view_scroll_to (self->view, chronicle_viewport_from_px (axis, x), animate);
}

static void
on_drag_begin_cb (ChronicleOverview *self,
                  double             start_x,
                  double             start_y,
                  GtkGestureDrag    *gesture)
{
  if (!chronicle_overview_press (self, start_x))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
on_drag_update_cb (ChronicleOverview *self,
                   double             offset_x,
                   double             offset_y,
                   GtkGestureDrag    *gesture)
{
  chronicle_overview_drag_to (self, self->drag_start_x + offset_x);
}

/**
 * chronicle_overview_press:
 * @self: a `ChronicleOverview`
 * @start_x: strip position of the press
 *
 * What a press does (the drag gesture calls it; tests too): on the frame
 * it takes hold of it, elsewhere it moves the view there.
 *
 * Returns: FALSE when there is nothing to move
 */
gboolean
chronicle_overview_press (ChronicleOverview *self,
                          double             start_x)
{
  double x, w;

  g_return_val_if_fail (CHRONICLE_IS_OVERVIEW (self), FALSE);

  if (!get_frame (self, &x, &w))
    return FALSE;

  /* The chart keeps the keyboard focus: its arrow keys walk the events. */
  self->drag_start_x = start_x;

  if (start_x >= x && start_x <= x + w)
    {
      /* Holding the frame: it keeps its place under the pointer. */
      self->grab_offset = start_x - (x + w / 2.0);
    }
  else
    {
      /* Elsewhere: the frame glides there, and follows a drag from it. */
      self->grab_offset = 0.0;
      scroll_view_to (self, start_x, TRUE);
    }

  return TRUE;
}

/**
 * chronicle_overview_drag_to:
 * @self: a `ChronicleOverview`
 * @x: strip position the pointer moved to since chronicle_overview_press()
 *
 * Moves the view so that the frame follows the pointer.
 */
void
chronicle_overview_drag_to (ChronicleOverview *self,
                            double             x)
{
  g_return_if_fail (CHRONICLE_IS_OVERVIEW (self));

  scroll_view_to (self, x - self->grab_offset, FALSE);
}

static void
on_style_changed_cb (ChronicleOverview *self)
{
  invalidate_strip (self);
}

/* Moves the view by @fraction of its width (negative: earlier). */
static void
move_view (ChronicleOverview *self,
           double             fraction)
{
  double x, w;

  if (get_frame (self, &x, &w))
    scroll_view_to (self, x + w / 2.0 + fraction * w, TRUE);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_view (CHRONICLE_OVERVIEW (widget), -0.5);
}

static void
forward_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_view (CHRONICLE_OVERVIEW (widget), 0.5);
}

static void
start_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  scroll_view_to (CHRONICLE_OVERVIEW (widget), 0.0, TRUE);
}

static void
end_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  scroll_view_to (CHRONICLE_OVERVIEW (widget), G_MAXDOUBLE, TRUE);
}

static void
chronicle_overview_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 600;
    }
  else
    *minimum = *natural = STRIP_HEIGHT;
}

static void
chronicle_overview_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  ChronicleOverview *self = CHRONICLE_OVERVIEW (widget);

  if (self->axis == NULL || chronicle_viewport_get_width (self->axis) != width)
    invalidate_strip (self);
}

static void
chronicle_overview_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (chronicle_overview_parent_class)->css_changed (widget, change);

  invalidate_strip (CHRONICLE_OVERVIEW (widget));
}

static void
chronicle_overview_dispose (GObject *object)
{
  ChronicleOverview *self = CHRONICLE_OVERVIEW (object);

  chronicle_overview_set_view (self, NULL);
  g_clear_object (&self->view_signals);
  g_clear_object (&self->timeline_signals);
  g_clear_pointer (&self->axis, chronicle_viewport_free);
  g_clear_pointer (&self->strip_node, gsk_render_node_unref);

  G_OBJECT_CLASS (chronicle_overview_parent_class)->dispose (object);
}

static void
chronicle_overview_finalize (GObject *object)
{
  ChronicleOverview *self = CHRONICLE_OVERVIEW (object);

  g_clear_pointer (&self->value_text, g_free);

  G_OBJECT_CLASS (chronicle_overview_parent_class)->finalize (object);
}

static void
chronicle_overview_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChronicleOverview *self = CHRONICLE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_overview_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChronicleOverview *self = CHRONICLE_OVERVIEW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      chronicle_overview_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_overview_class_init (ChronicleOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_overview_dispose;
  object_class->finalize = chronicle_overview_finalize;
  object_class->get_property = chronicle_overview_get_property;
  object_class->set_property = chronicle_overview_set_property;

  widget_class->measure = chronicle_overview_measure;
  widget_class->size_allocate = chronicle_overview_size_allocate;
  widget_class->snapshot = chronicle_overview_snapshot;
  widget_class->css_changed = chronicle_overview_css_changed;

  /**
   * ChronicleOverview:view:
   *
   * The chart whose timeline the strip shows and whose view it moves.
   */
  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         CHRONICLE_TYPE_TIMELINE_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "overview.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "overview.forward", NULL, forward_action_cb);
  gtk_widget_class_install_action (widget_class, "overview.start", NULL, start_action_cb);
  gtk_widget_class_install_action (widget_class, "overview.end", NULL, end_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "overview.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "overview.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "overview.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "overview.forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "overview.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "overview.end", NULL);

  gtk_widget_class_set_css_name (widget_class, "chronicle-overview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SCROLLBAR);
}

static void
chronicle_overview_init (ChronicleOverview *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_tooltip_text (widget, _("Drag the frame or click to move the view"));

  drag = gtk_gesture_drag_new ();
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);

  /* Connected once here; chronicle_overview_set_view() only retargets the
   * group, which moves these handlers from the old view to the new one. */
  self->view_signals = g_signal_group_new (CHRONICLE_TYPE_TIMELINE_VIEW);
  g_signal_group_connect_object (self->view_signals, "viewport-changed",
                                 G_CALLBACK (on_view_viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::timeline",
                                 G_CALLBACK (on_view_timeline_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::collapse-gaps",
                                 G_CALLBACK (on_view_axis_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::display-zone",
                                 G_CALLBACK (on_view_axis_changed_cb), self, G_CONNECT_SWAPPED);
  self->timeline_signals = g_signal_group_new (CHRONICLE_TYPE_TIMELINE);
  g_signal_group_connect_object (self->timeline_signals, "items-changed",
                                 G_CALLBACK (on_timeline_items_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview of the whole timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The frame marks the part the chart shows. Left and Right move it."),
                                  GTK_ACCESSIBLE_PROPERTY_ORIENTATION, GTK_ORIENTATION_HORIZONTAL,
                                  -1);
}

/**
 * chronicle_overview_new:
 * @view: (nullable): the chart to follow and move
 *
 * Returns: (transfer floating): a new overview strip
 */
GtkWidget *
chronicle_overview_new (ChronicleTimelineView *view)
{
  g_return_val_if_fail (view == NULL || CHRONICLE_IS_TIMELINE_VIEW (view), NULL);

  return g_object_new (CHRONICLE_TYPE_OVERVIEW, "view", view, NULL);
}

/**
 * chronicle_overview_get_view:
 * @self: a `ChronicleOverview`
 *
 * Returns: (transfer none) (nullable): the chart followed
 */
ChronicleTimelineView *
chronicle_overview_get_view (ChronicleOverview *self)
{
  g_return_val_if_fail (CHRONICLE_IS_OVERVIEW (self), NULL);

  return self->view;
}

/**
 * chronicle_overview_set_view:
 * @self: a `ChronicleOverview`
 * @view: (nullable): the chart to follow and move
 *
 * The strip holds @view weakly: the chart usually sits next to it in the
 * same container.
 */
void
chronicle_overview_set_view (ChronicleOverview     *self,
                             ChronicleTimelineView *view)
{
  g_return_if_fail (CHRONICLE_IS_OVERVIEW (self));
  g_return_if_fail (view == NULL || CHRONICLE_IS_TIMELINE_VIEW (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_CONTROLS);

  /* The weak pointer (for reading the view's state) and the group's
   * target are both weak and change together, so self->view is set
   * whenever one of the group's handlers runs. */
  g_set_weak_pointer (&self->view, view);
  g_signal_group_set_target (self->view_signals, view);

  if (view != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_RELATION_CONTROLS, view, NULL,
                                    -1);

  on_view_timeline_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

gboolean
chronicle_overview_get_frame (ChronicleOverview *self,
                              double            *x,
                              double            *width)
{
  g_return_val_if_fail (CHRONICLE_IS_OVERVIEW (self), FALSE);
  g_return_val_if_fail (x != NULL && width != NULL, FALSE);

  return get_frame (self, x, width);
}
