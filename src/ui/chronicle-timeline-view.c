/* chronicle-timeline-view.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-view"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-timeline-view.h"
#include "chronicle-timeline-view-private.h"

#include "chronicle-layout.h"
#include "chronicle-paint.h"

/* Keyboard and wheel zoom step; a pinch or a smooth scroll zooms by the
 * matching fraction of it. */
#define ZOOM_STEP            1.25
/* Pixels a wheel notch pans when scrolling sideways. */
#define WHEEL_PAN_PX         60.0
/* Touchpads report scroll deltas in surface pixels: this many count as
 * one wheel notch. */
#define SMOOTH_SCROLL_NOTCH  20.0
/* Zooming in on a cluster until its events come apart gives up after this
 * many doublings (2^16 is far beyond any useful level of detail). */
#define MAX_REVEAL_ZOOMS     16
/* Margin, in widget pixels, an event must keep from the edges to count as
 * visible; nearer than that the view recentres on it. */
#define EDGE_MARGIN_PX       24.0
/* Animated moves (previous/next, zoom keys, fit...) take this long and
 * ease out. */
#define MOVE_DURATION_US     (220 * G_TIME_SPAN_MILLISECOND)
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
  GStrv              hidden_categories;  /* legend entries struck through */

  gboolean           style_valid;
  gboolean           collapse_gaps;
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
};

G_DEFINE_FINAL_TYPE (ChronicleTimelineView, chronicle_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_SELECTED_EVENT,
  PROP_COLLAPSE_GAPS,
  PROP_STORY_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ChronicleTimelineView::legend-activated (guint category index) */
static guint legend_activated_signal;

enum {
  SIGNAL_VIEWPORT_CHANGED,
  N_VIEW_SIGNALS
};

static guint view_signals[N_VIEW_SIGNALS];

static void
invalidate_paint (ChronicleTimelineView *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_layout (ChronicleTimelineView *self)
{
  g_clear_pointer (&self->layout, chronicle_layout_free);
  invalidate_paint (self);
  /* Most layout changes are moves; an overview redraws its frame. */
  g_signal_emit (self, view_signals[SIGNAL_VIEWPORT_CHANGED], 0);
}

/* The window on screen: a step of the animated move under way, or the
 * viewport. */
static ChronicleViewport *
get_shown_viewport (ChronicleTimelineView *self)
{
  return self->shown != NULL ? self->shown : self->viewport;
}

static void
stop_motion (ChronicleTimelineView *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  self->kinetic_velocity = 0.0;
  g_clear_pointer (&self->shown, chronicle_viewport_free);
}

/* Ends any motion where it is on screen now, for a gesture that moves the
 * view from what the user sees. */
static void
settle_motion (ChronicleTimelineView *self)
{
  if (self->shown != NULL)
    {
      double u0, u1;

      chronicle_viewport_get_visible_units (self->shown, &u0, &u1);
      chronicle_viewport_set_visible_units (self->viewport, u0, u1);
    }

  stop_motion (self);
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

static void
invalidate_style (ChronicleTimelineView *self)
{
  self->style_valid = FALSE;
  /* Fonts feed the measurer, so the layout depends on the style too. */
  invalidate_layout (self);
}

static void
set_color_from_rgba (ChronicleColor *color,
                     const GdkRGBA  *rgba)
{
  color->red = rgba->red;
  color->green = rgba->green;
  color->blue = rgba->blue;
  color->alpha = rgba->alpha;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
resolve_style (ChronicleTimelineView *self,
               ChronicleStyle        *style)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const PangoFontDescription *font;
  GdkRGBA rgba;

  /* GtkStyleContext is deprecated from GTK 4.10 on, where
   * gtk_widget_get_color() replaces it; on the 4.8 floor it is the API. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    chronicle_style_init_dark (style);
  else
    chronicle_style_init_light (style);

  gtk_style_context_get_color (context, &rgba);
  set_color_from_rgba (&style->foreground, &rgba);
  rgba.alpha *= 0.55;
  set_color_from_rgba (&style->dim_foreground, &rgba);

  if (gtk_style_context_lookup_color (context, "accent_color", &rgba))
    set_color_from_rgba (&style->accent, &rgba);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &rgba))
    set_color_from_rgba (&style->background, &rgba);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  if (font != NULL)
    {
      const char *family = pango_font_description_get_family (font);
      int size = pango_font_description_get_size (font);

      if (family != NULL)
        {
          g_free (style->font_family);
          style->font_family = g_strdup (family);
        }
      /* Absolute sizes are in device pixels; the style wants points at 96 dpi. */
      if (size > 0)
        style->font_size = pango_font_description_get_size_is_absolute (font)
                           ? size / (double) PANGO_SCALE * 72.0 / 96.0
                           : size / (double) PANGO_SCALE;
    }

  style->scale = gtk_widget_get_scale_factor (widget);
  /* The widget's CSS paints the background (view colour, focus ring). */
  style->draw_background = FALSE;
}
G_GNUC_END_IGNORE_DEPRECATIONS

static const ChronicleStyle *
ensure_style (ChronicleTimelineView *self)
{
  if (!self->style_valid)
    {
      chronicle_style_clear (&self->style);
      resolve_style (self, &self->style);
      self->style_valid = TRUE;
    }

  return &self->style;
}

static gboolean
has_events (ChronicleTimelineView *self)
{
  return self->timeline != NULL && chronicle_timeline_get_n_events (self->timeline) > 0;
}

/* The layout for the current size, or NULL while there is nothing to lay
 * out (no events, or not allocated yet). */
static const ChronicleLayout *
ensure_layout (ChronicleTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->layout == NULL && has_events (self) && width > 0 && height > 0)
    {
      ChronicleLayoutOptions options = {
        .collapse_gaps = self->collapse_gaps,
        .show_title = FALSE,
        /* On screen too: clicking an entry toggles its category. */
        .show_legend = TRUE,
        .hidden_categories = (const char * const *) self->hidden_categories,
        .show_eras = TRUE,
      };
      ChroniclePangoMeasurer measurer = {
        .context = gtk_widget_get_pango_context (widget),
        .style = ensure_style (self),
      };

      self->layout = chronicle_layout_compute (self->timeline, get_shown_viewport (self), width, height,
                                               &options, chronicle_pango_measure, &measurer);
    }

  return self->layout;
}

static ChronicleEvent *
get_event_at (ChronicleTimelineView *self,
              guint                  position)
{
  g_assert (self->timeline != NULL);

  return chronicle_timeline_get_event (self->timeline, position);
}

static gboolean
get_selected_position (ChronicleTimelineView *self,
                       guint                 *position)
{
  if (self->selected == NULL || self->timeline == NULL)
    return FALSE;

  return chronicle_timeline_find_event (self->timeline, self->selected, position);
}

/* "date — title" of the event at @position, for screen readers. */
static char *
dup_event_text (ChronicleTimelineView *self,
                guint                  position)
{
  ChronicleEvent *event = get_event_at (self, position);
  g_autofree char *date = chronicle_event_format_date (event);

  /* Translators: an event for screen readers: its date and its title */
  return g_strdup_printf (_("%s — %s"), date, chronicle_event_get_title (event));
}

static void
update_accessible_label (ChronicleTimelineView *self)
{
  g_autofree char *label = NULL;
  guint position;

  /* With a selection the name says where it is and what is around it:
   * screen readers speak the name of the focused widget when it changes,
   * which GTK 4.8 (without gtk_accessible_announce) leaves as the way to
   * announce a new selection. */
  if (get_selected_position (self, &position))
    {
      guint n = chronicle_timeline_get_n_events (self->timeline);
      g_autofree char *current = dup_event_text (self, position);
      g_autofree char *previous = position > 0 ? dup_event_text (self, position - 1) : NULL;
      g_autofree char *next = position + 1 < n ? dup_event_text (self, position + 1) : NULL;
      GString *text = g_string_new (NULL);

      /* Translators: accessible name of the chart with an event selected:
       * its position, then its date and title */
      g_string_append_printf (text, _("Event %u of %u: %s."), position + 1, n, current);
      if (previous != NULL)
        {
          g_string_append_c (text, ' ');
          /* Translators: the event before the selected one, for screen readers */
          g_string_append_printf (text, _("Before it: %s."), previous);
        }
      if (next != NULL)
        {
          g_string_append_c (text, ' ');
          /* Translators: the event after the selected one, for screen readers */
          g_string_append_printf (text, _("After it: %s."), next);
        }
      label = g_string_free (text, FALSE);
    }
  else if (has_events (self))
    {
      guint n = chronicle_timeline_get_n_events (self->timeline);
      g_autofree char *first = chronicle_event_format_date (get_event_at (self, 0));
      g_autofree char *last = chronicle_event_format_date (get_event_at (self, n - 1));
      const char *title = chronicle_timeline_get_title (self->timeline);

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: the accessible summary of the timeline
                                             * chart: its title, the number of events and the first
                                             * and last date. */
                                            "Timeline: %s, %u event from %s to %s",
                                            "Timeline: %s, %u events from %s to %s", n),
                               title != NULL ? title : "", n, first, last);
    }
  else
    label = g_strdup (_("Timeline: no events"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (self->accessible_label);
  self->accessible_label = g_steal_pointer (&label);
}

static void
update_accessible_description (ChronicleTimelineView *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    {
      g_autofree char *date = chronicle_event_format_date (self->selected);

      /* Translators: accessible description of the chart: the selected
       * event's date and title. */
      description = g_strdup_printf (_("Selected: %s — %s"), date,
                                     chronicle_event_get_title (self->selected));
    }
  else
    description = g_strdup (_("No event selected. Use the arrow keys to move between events."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Moves the drawing by @dx widget pixels (positive: content to the right). */
static void
pan_content (ChronicleTimelineView *self,
             double                 dx)
{
  if (!has_events (self) || dx == 0.0)
    return;

  chronicle_viewport_pan (self->viewport, dx);
  invalidate_layout (self);
}

/* @factor > 1 magnifies; @anchor_x (widget pixels) stays put. */
static void
zoom_at (ChronicleTimelineView *self,
         double                 factor,
         double                 anchor_x)
{
  if (!has_events (self) || factor <= 0.0 || factor == 1.0)
    return;

  chronicle_viewport_zoom (self->viewport, factor, anchor_x);
  invalidate_layout (self);
}

static double
get_anchor_x (ChronicleTimelineView *self)
{
  if (self->has_pointer)
    return self->pointer_x;

  return gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
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
  gint64 start = chronicle_event_get_start_time (get_event_at (self, cluster->first_event));

  for (guint i = 1; i < cluster->n_events; i++)
    if (chronicle_event_get_start_time (get_event_at (self, cluster->first_event + i)) != start)
      return FALSE;

  return TRUE;
}

static void
reveal_position (ChronicleTimelineView *self,
                 guint                  position,
                 gboolean               zoom_to_it)
{
  ChronicleEvent *event = get_event_at (self, position);
  double start = chronicle_event_get_start_time (event);
  double end = chronicle_event_get_end_time (event);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  const ChronicleLayout *layout;
  const ChronicleLayoutItem *item;

  if (zoom_to_it)
    {
      /* Room for the neighbours on both sides; an hour at least so that a
       * minute-precision event does not fill the screen. */
      double pad = MAX ((end - start) * 1.5, 3600.0);

      chronicle_viewport_show_range (self->viewport, start - pad, end + pad);
      invalidate_layout (self);
    }

  layout = ensure_layout (self);
  if (layout == NULL)
    {
      chronicle_viewport_center_on (self->viewport, (start + end) / 2.0);
      invalidate_layout (self);
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

    invalidate_layout (self);
    layout = ensure_layout (self);
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
      invalidate_layout (self);
      layout = ensure_layout (self);
      item = chronicle_layout_find_event (layout, position);
    }
}

/* Zooms so the events folded in @cluster spread out over the view. */
static void
open_cluster (ChronicleTimelineView     *self,
              const ChronicleLayoutItem *cluster)
{
  ChronicleEvent *first = get_event_at (self, cluster->first_event);
  ChronicleEvent *last = get_event_at (self, cluster->first_event + cluster->n_events - 1);
  double start = chronicle_event_get_start_time (first);
  double end = chronicle_event_get_end_time (last);
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

  invalidate_layout (self);
}

static void
update_hover (ChronicleTimelineView *self)
{
  const ChronicleLayout *layout = ensure_layout (self);
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

  invalidate_layout (self);
  update_hover (self);

  return self->tick_id != 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* Starts a move: an animation under way is cut short at its target, so
 * that a new step (another press of "+") goes on from where the last one
 * was going. Returns, in @shown0 and @shown1, the window on screen now. */
static void
begin_move (ChronicleTimelineView *self,
            double                *shown0,
            double                *shown1)
{
  chronicle_viewport_get_visible_units (get_shown_viewport (self), shown0, shown1);
  stop_motion (self);
}

/* Ends a move begun with begin_move(): the viewport holds the target now;
 * the screen gets there smoothly from [@shown0, @shown1), or at once when
 * animations are off (a system setting, and for tests) or the view is not
 * on screen. */
static void
end_move (ChronicleTimelineView *self,
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

  invalidate_layout (self);
  update_hover (self);
}

static void
on_timeline_items_changed_cb (ChronicleTimelineView *self,
                              guint                  position,
                              guint                  removed,
                              guint                  added,
                              GListModel            *model)
{
  guint selected;

  /* A new axis: windows in the old axis units mean nothing on it. */
  stop_motion (self);
  chronicle_viewport_set_timeline (self->viewport, self->timeline, self->collapse_gaps);
  if (self->selected != NULL && !get_selected_position (self, &selected))
    chronicle_timeline_view_set_selected_event (self,
                                                chronicle_timeline_lookup_event (self->timeline,
                                                                                 chronicle_event_get_id (self->selected)));
  self->hover = G_MAXUINT;
  update_accessible_label (self);
  invalidate_layout (self);
}

static void
on_style_changed_cb (ChronicleTimelineView *self)
{
  invalidate_style (self);
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
  const ChronicleLayout *layout = ensure_layout (self);
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
      return;
    }

  if (item->kind == CHRONICLE_ITEM_CLUSTER)
    {
      double shown0, shown1;

      begin_move (self, &shown0, &shown1);
      open_cluster (self, item);
      end_move (self, shown0, shown1);
    }
  else if (n_press >= 2)
    {
      double shown0, shown1;

      /* Double click: zoom to the event. */
      chronicle_timeline_view_set_selected_event (self, get_event_at (self, item->first_event));
      begin_move (self, &shown0, &shown1);
      reveal_position (self, item->first_event, TRUE);
      end_move (self, shown0, shown1);
    }
  else
    chronicle_timeline_view_set_selected_event (self, get_event_at (self, item->first_event));

  update_hover (self);
}

static void
on_drag_begin_cb (ChronicleTimelineView *self,
                  double                 start_x,
                  double                 start_y,
                  GtkGestureDrag        *gesture)
{
  /* A press catches a fling or an animated move where it is. */
  settle_motion (self);
  self->drag_last_x = 0.0;
  self->drag_moved = FALSE;
  self->drag_velocity = 0.0;
  self->drag_last_time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
}

static void
on_drag_update_cb (ChronicleTimelineView *self,
                   double                 offset_x,
                   double                 offset_y,
                   GtkGestureDrag        *gesture)
{
  /* Beyond the drag threshold the press is a pan, not a click. */
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

  /* Kinetic panning: a drag let go while still moving glides on. */
  if (self->drag_moved && time - self->drag_last_time <= KINETIC_IDLE_MS)
    chronicle_timeline_view_fling (self, velocity);

  update_hover (self);
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

  if (!has_events (self))
    return GDK_EVENT_PROPAGATE;

  /* The wheel acts on what is on screen. */
  settle_motion (self);

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

  update_hover (self);

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
  settle_motion (self);
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
  update_hover (self);
}

static void
on_motion_leave_cb (ChronicleTimelineView    *self,
                    GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
  update_hover (self);
}

/* Selects the event at @position and moves to it, animated: the least
 * move that shows it, or in story mode centred with its neighbours. */
static void
present_position (ChronicleTimelineView *self,
                  guint                  position)
{
  double shown0, shown1;

  begin_move (self, &shown0, &shown1);
  chronicle_timeline_view_set_selected_event (self, get_event_at (self, position));
  reveal_position (self, position, self->story_mode);
  end_move (self, shown0, shown1);
}

static void
previous_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (!chronicle_timeline_view_select_adjacent (CHRONICLE_TIMELINE_VIEW (widget), -1))
    gtk_widget_error_bell (widget);
}

static void
next_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (!chronicle_timeline_view_select_adjacent (CHRONICLE_TIMELINE_VIEW (widget), +1))
    gtk_widget_error_bell (widget);
}

static void
first_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);

  if (has_events (self))
    present_position (self, 0);
}

static void
last_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);

  if (has_events (self))
    present_position (self, chronicle_timeline_get_n_events (self->timeline) - 1);
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
}

static void
chronicle_timeline_view_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      *minimum = 200;
      *natural = 480;
    }
}

static void
chronicle_timeline_view_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);

  if (width > 0 && chronicle_viewport_get_width (self->viewport) != width)
    chronicle_viewport_set_width (self->viewport, width);
  if (width > 0 && self->shown != NULL)
    chronicle_viewport_set_width (self->shown, width);

  if (self->needs_fit && width > 0 && has_events (self))
    {
      chronicle_viewport_fit (self->viewport);
      self->needs_fit = FALSE;
    }

  invalidate_layout (self);
}

static void
chronicle_timeline_view_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0,
                                               gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget));
  const ChronicleLayout *layout = ensure_layout (self);
  const ChronicleStyle *style;
  guint selected;
  gboolean has_selected;
  cairo_t *cr;

  if (layout == NULL)
    return;

  style = ensure_style (self);

  if (self->static_node == NULL)
    {
      GtkSnapshot *node_snapshot = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (node_snapshot, &bounds);
      chronicle_paint (cr, layout, style);
      cairo_destroy (cr);
      self->static_node = gtk_snapshot_free_to_node (node_snapshot);
    }

  if (self->static_node != NULL)
    gtk_snapshot_append_node (snapshot, self->static_node);

  has_selected = get_selected_position (self, &selected);
  if (has_selected || self->hover != G_MAXUINT)
    {
      /* Hover and selection change every frame: painted fresh on top. */
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      if (self->hover != G_MAXUINT && (!has_selected || self->hover != selected))
        chronicle_paint_highlight (cr, layout, style, self->hover, FALSE);
      if (has_selected)
        chronicle_paint_highlight (cr, layout, style, selected, TRUE);
      cairo_destroy (cr);
    }

  /* The focus ring, over the drawing (the CSS outline would lie under
   * it): keyboard users see where the arrow keys go. */
  if (gtk_widget_has_visible_focus (widget))
    {
      GskRoundedRect ring;
      GdkRGBA color = {
        style->accent.red, style->accent.green, style->accent.blue, 0.6 * style->accent.alpha
      };
      const float widths[4] = { 2, 2, 2, 2 };
      const GdkRGBA colors[4] = { color, color, color, color };

      gsk_rounded_rect_init_from_rect (&ring, &bounds, 0);
      gtk_snapshot_append_border (snapshot, &ring, widths, colors);
    }
}

static gboolean
chronicle_timeline_view_query_tooltip (GtkWidget  *widget,
                                       int         x,
                                       int         y,
                                       gboolean    keyboard_mode,
                                       GtkTooltip *tooltip)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  const ChronicleLayout *layout = ensure_layout (self);
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
                                           "%u event — click to zoom in",
                                           "%u events — click to zoom in", item->n_events),
                              item->n_events);
    }
  else
    {
      ChronicleEvent *event = get_event_at (self, item->first_event);
      g_autofree char *date = chronicle_event_format_date (event);

      text = g_strdup_printf ("%s\n%s", chronicle_event_get_title (event), date);
    }

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
chronicle_timeline_view_css_changed (GtkWidget         *widget,
                                     GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (chronicle_timeline_view_parent_class)->css_changed (widget, change);

  invalidate_style (CHRONICLE_TIMELINE_VIEW (widget));
}

static void
chronicle_timeline_view_system_setting_changed (GtkWidget         *widget,
                                                GtkSystemSetting   setting)
{
  GTK_WIDGET_CLASS (chronicle_timeline_view_parent_class)->system_setting_changed (widget, setting);

  /* Font name, font rendering or scale: the measured labels change. */
  invalidate_style (CHRONICLE_TIMELINE_VIEW (widget));
}

static void
chronicle_timeline_view_dispose (GObject *object)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (object);

  stop_motion (self);
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_func (self->timeline, on_timeline_items_changed_cb, self);
  g_clear_object (&self->timeline);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->layout, chronicle_layout_free);
  g_clear_pointer (&self->static_node, gsk_render_node_unref);

  G_OBJECT_CLASS (chronicle_timeline_view_parent_class)->dispose (object);
}

static void
chronicle_timeline_view_finalize (GObject *object)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (object);

  g_clear_pointer (&self->viewport, chronicle_viewport_free);
  g_clear_pointer (&self->accessible_label, g_free);
  g_clear_pointer (&self->hidden_categories, g_strfreev);
  chronicle_style_clear (&self->style);

  G_OBJECT_CLASS (chronicle_timeline_view_parent_class)->finalize (object);
}

static void
chronicle_timeline_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, chronicle_timeline_view_get_timeline (self));
      break;

    case PROP_SELECTED_EVENT:
      g_value_set_object (value, chronicle_timeline_view_get_selected_event (self));
      break;

    case PROP_COLLAPSE_GAPS:
      g_value_set_boolean (value, chronicle_timeline_view_get_collapse_gaps (self));
      break;

    case PROP_STORY_MODE:
      g_value_set_boolean (value, chronicle_timeline_view_get_story_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      chronicle_timeline_view_set_timeline (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_EVENT:
      chronicle_timeline_view_set_selected_event (self, g_value_get_object (value));
      break;

    case PROP_COLLAPSE_GAPS:
      chronicle_timeline_view_set_collapse_gaps (self, g_value_get_boolean (value));
      break;

    case PROP_STORY_MODE:
      chronicle_timeline_view_set_story_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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

static void
chronicle_timeline_view_class_init (ChronicleTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint zoom_in_keys[] = { GDK_KEY_plus, GDK_KEY_KP_Add, GDK_KEY_equal };
  static const guint zoom_out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  object_class->dispose = chronicle_timeline_view_dispose;
  object_class->finalize = chronicle_timeline_view_finalize;
  object_class->get_property = chronicle_timeline_view_get_property;
  object_class->set_property = chronicle_timeline_view_set_property;

  widget_class->measure = chronicle_timeline_view_measure;
  widget_class->size_allocate = chronicle_timeline_view_size_allocate;
  widget_class->snapshot = chronicle_timeline_view_snapshot;
  widget_class->query_tooltip = chronicle_timeline_view_query_tooltip;
  widget_class->css_changed = chronicle_timeline_view_css_changed;
  widget_class->system_setting_changed = chronicle_timeline_view_system_setting_changed;

  /**
   * ChronicleTimelineView:timeline:
   *
   * The timeline shown; setting one fits it into the view.
   */
  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONICLE_TYPE_TIMELINE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleTimelineView:selected-event:
   *
   * The selected event, an event of the timeline, or NULL.
   */
  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL,
                         CHRONICLE_TYPE_EVENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleTimelineView:collapse-gaps:
   *
   * Whether long empty stretches of time fold into short breaks.
   */
  properties[PROP_COLLAPSE_GAPS] =
    g_param_spec_boolean ("collapse-gaps", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleTimelineView:story-mode:
   *
   * Whether the view tells the timeline as a story: one event at a time,
   * centred with its neighbours; Space and the arrow keys step, Escape
   * leaves. Turning it on presents the selected event, or the first.
   */
  properties[PROP_STORY_MODE] =
    g_param_spec_boolean ("story-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleTimelineView::legend-activated:
   * @category: the index of the category in the timeline's categories
   *
   * The legend entry of @category was clicked: a filter toggles it.
   */
  legend_activated_signal =
    g_signal_new ("legend-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * ChronicleTimelineView::viewport-changed:
   *
   * The window on screen moved, zoomed or was laid out again (every frame
   * of an animated move), for an overview of the view.
   */
  view_signals[SIGNAL_VIEWPORT_CHANGED] =
    g_signal_new ("viewport-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

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
  add_zoom_bindings (widget_class, zoom_in_keys, G_N_ELEMENTS (zoom_in_keys), "timeline.zoom-in");
  add_zoom_bindings (widget_class, zoom_out_keys, G_N_ELEMENTS (zoom_out_keys), "timeline.zoom-out");

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_timeline_view_init (ChronicleTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click, *drag, *zoom;
  GtkEventController *scroll, *motion;

  self->viewport = chronicle_viewport_new ();
  self->hover = G_MAXUINT;
  self->zoom_last_scale = 1.0;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

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

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);
  /* The style carries the scale, for hairlines on HiDPI screens. */
  g_signal_connect (self, "notify::scale-factor",
                    G_CALLBACK (on_style_changed_cb), NULL);

  update_accessible_label (self);
  update_accessible_description (self);
}

/**
 * chronicle_timeline_view_new:
 *
 * Returns: (transfer floating): a new, empty timeline view
 */
GtkWidget *
chronicle_timeline_view_new (void)
{
  return g_object_new (CHRONICLE_TYPE_TIMELINE_VIEW, NULL);
}

/**
 * chronicle_timeline_view_get_timeline:
 * @self: a `ChronicleTimelineView`
 *
 * Returns: (transfer none) (nullable): the timeline shown
 */
ChronicleTimeline *
chronicle_timeline_view_get_timeline (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return self->timeline;
}

/**
 * chronicle_timeline_view_set_timeline:
 * @self: a `ChronicleTimelineView`
 * @timeline: (nullable): the timeline to show
 *
 * Shows @timeline fitted into the view. The selected event stays selected
 * when @timeline has an event with its id (a reload, a filter), else the
 * selection is cleared.
 */
void
chronicle_timeline_view_set_timeline (ChronicleTimelineView *self,
                                      ChronicleTimeline     *timeline)
{
  ChronicleEvent *kept = NULL;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (timeline == NULL || CHRONICLE_IS_TIMELINE (timeline));

  if (self->timeline == timeline)
    return;

  stop_motion (self);

  /* A reloaded or filtered timeline keeps the selection while it has the
   * event (found by its id: a reload makes new event objects). It is set
   * after the new timeline is announced, so that whoever follows both
   * never sees the event with the other timeline. */
  if (self->selected != NULL && timeline != NULL)
    kept = chronicle_timeline_lookup_event (timeline, chronicle_event_get_id (self->selected));
  if (kept == NULL)
    chronicle_timeline_view_set_selected_event (self, NULL);

  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_func (self->timeline, on_timeline_items_changed_cb, self);
  g_set_object (&self->timeline, timeline);

  self->hover = G_MAXUINT;

  if (timeline != NULL)
    {
      g_signal_connect_object (timeline, "items-changed",
                               G_CALLBACK (on_timeline_items_changed_cb), self, G_CONNECT_SWAPPED);
      chronicle_viewport_set_timeline (self->viewport, timeline, self->collapse_gaps);
      chronicle_viewport_fit (self->viewport);
      /* The fit is redone once there is a width, if there is none yet. */
      self->needs_fit = gtk_widget_get_width (GTK_WIDGET (self)) <= 0;
    }

  update_accessible_label (self);
  invalidate_layout (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);

  if (kept != NULL)
    chronicle_timeline_view_set_selected_event (self, kept);
}

/**
 * chronicle_timeline_view_get_selected_event:
 * @self: a `ChronicleTimelineView`
 *
 * Returns: (transfer none) (nullable): the selected event
 */
ChronicleEvent *
chronicle_timeline_view_get_selected_event (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return self->selected;
}

/**
 * chronicle_timeline_view_set_selected_event:
 * @self: a `ChronicleTimelineView`
 * @event: (nullable): an event of the shown timeline, or NULL
 *
 * Selects @event. The view does not move; see
 * chronicle_timeline_view_reveal_selected().
 */
void
chronicle_timeline_view_set_selected_event (ChronicleTimelineView *self,
                                            ChronicleEvent        *event)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (event == NULL || CHRONICLE_IS_EVENT (event));

  if (!g_set_object (&self->selected, event))
    return;

  update_accessible_label (self);
  update_accessible_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

gboolean
chronicle_timeline_view_get_collapse_gaps (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  return self->collapse_gaps;
}

/**
 * chronicle_timeline_view_set_collapse_gaps:
 * @self: a `ChronicleTimelineView`
 * @collapse_gaps: whether long empty stretches fold into breaks
 *
 * Rebuilds the axis and fits the timeline into the view again, since the
 * old window means something else on the new axis.
 */
void
chronicle_timeline_view_set_collapse_gaps (ChronicleTimelineView *self,
                                           gboolean               collapse_gaps)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  collapse_gaps = !!collapse_gaps;
  if (self->collapse_gaps == collapse_gaps)
    return;

  self->collapse_gaps = collapse_gaps;
  stop_motion (self);

  if (self->timeline != NULL)
    {
      chronicle_viewport_set_timeline (self->viewport, self->timeline, collapse_gaps);
      chronicle_viewport_fit (self->viewport);
      invalidate_layout (self);
      if (self->selected != NULL)
        chronicle_timeline_view_reveal_selected (self, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSE_GAPS]);
}

/**
 * chronicle_timeline_view_get_viewport:
 * @self: a `ChronicleTimelineView`
 *
 * Returns: (transfer none): the viewport (visible window and axis)
 */
const ChronicleViewport *
chronicle_timeline_view_get_viewport (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return self->viewport;
}

/**
 * chronicle_timeline_view_get_style:
 * @self: a `ChronicleTimelineView`
 * @style: (out caller-allocates): the looks, to clear with chronicle_style_clear()
 *
 * Copies the style the view paints with, resolved from its CSS.
 */
void
chronicle_timeline_view_get_style (ChronicleTimelineView *self,
                                   ChronicleStyle        *style)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (style != NULL);

  chronicle_style_copy (style, ensure_style (self));
}

void
chronicle_timeline_view_fit (ChronicleTimelineView *self)
{
  double shown0, shown1;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  if (!has_events (self))
    return;

  begin_move (self, &shown0, &shown1);
  chronicle_viewport_fit (self->viewport);
  end_move (self, shown0, shown1);
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

  if (!has_events (self))
    return;

  /* Steps add up: the anchor is found in the window being moved to. */
  begin_move (self, &shown0, &shown1);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  anchor_x = width / 2.0;

  if (get_selected_position (self, &selected))
    {
      ChronicleEvent *event = get_event_at (self, selected);
      double x = chronicle_viewport_to_px (self->viewport, chronicle_event_get_start_time (event));

      if (x >= 0.0 && x <= width)
        anchor_x = x;
    }

  chronicle_viewport_zoom (self->viewport, factor, anchor_x);
  end_move (self, shown0, shown1);
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

  if (!has_events (self))
    return FALSE;

  n = chronicle_timeline_get_n_events (self->timeline);

  if (!get_selected_position (self, &position))
    position = step > 0 ? 0 : n - 1;
  else if (step < 0 && position == 0)
    return FALSE;
  else if (step > 0 && position + 1 >= n)
    return FALSE;
  else
    position += step;

  present_position (self, position);

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

  if (get_selected_position (self, &position))
    {
      double shown0, shown1;

      begin_move (self, &shown0, &shown1);
      reveal_position (self, position, zoom_to_it);
      end_move (self, shown0, shown1);
    }
}

const ChronicleLayout *
chronicle_timeline_view_get_layout (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return ensure_layout (self);
}

gboolean
chronicle_timeline_view_activate_legend_at (ChronicleTimelineView *self,
                                            double                 x,
                                            double                 y)
{
  const ChronicleLayout *layout;
  guint category;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  layout = ensure_layout (self);
  if (layout == NULL)
    return FALSE;

  category = chronicle_layout_hit_test_legend (layout, x, y);
  if (category == G_MAXUINT)
    return FALSE;

  g_signal_emit (self, legend_activated_signal, 0, category);
  return TRUE;
}

/**
 * chronicle_timeline_view_set_hidden_categories:
 * @self: a `ChronicleTimelineView`
 * @category_ids: (nullable) (array zero-terminated=1): ids of hidden
 *   categories
 */
void
chronicle_timeline_view_set_hidden_categories (ChronicleTimelineView *self,
                                               const char * const    *category_ids)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  g_clear_pointer (&self->hidden_categories, g_strfreev);
  self->hidden_categories = g_strdupv ((char **) category_ids);
  invalidate_layout (self);
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

  if (!has_events (self))
    return;

  stop_motion (self);
  chronicle_viewport_show_range (self->viewport, start, end);
  self->needs_fit = FALSE;
  invalidate_layout (self);
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

  return get_shown_viewport (self);
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

  if (!has_events (self))
    return;

  if (!animate)
    {
      /* Follows the pointer (an overview drag): from what is on screen. */
      settle_motion (self);
      chronicle_viewport_center_on (self->viewport, time);
      invalidate_layout (self);
      update_hover (self);
      return;
    }

  begin_move (self, &shown0, &shown1);
  chronicle_viewport_center_on (self->viewport, time);
  end_move (self, shown0, shown1);
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

gboolean
chronicle_timeline_view_get_story_mode (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  return self->story_mode;
}

/**
 * chronicle_timeline_view_set_story_mode:
 * @self: a `ChronicleTimelineView`
 * @story_mode: whether to tell the timeline as a story
 *
 * Entering story mode presents the selected event, or the first one, and
 * takes the keyboard focus so that the arrow keys and Space step through
 * the story. Leaving it keeps the selection and the view.
 */
void
chronicle_timeline_view_set_story_mode (ChronicleTimelineView *self,
                                        gboolean               story_mode)
{
  guint position;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  story_mode = !!story_mode;
  /* A story needs events to tell. */
  if (story_mode && !has_events (self))
    story_mode = FALSE;
  if (self->story_mode == story_mode)
    return;

  self->story_mode = story_mode;

  if (story_mode)
    {
      if (!get_selected_position (self, &position))
        position = 0;
      present_position (self, position);
      if (gtk_widget_get_focusable (GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY_MODE]);
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
  if (!has_events (self) || fabs (velocity) < 4 * KINETIC_MIN_SPEED || !get_animations_enabled (self))
    return FALSE;

  settle_motion (self);
  self->kinetic_velocity = velocity;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  self->kinetic_last_us = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick_cb, NULL, NULL);

  return TRUE;
}
