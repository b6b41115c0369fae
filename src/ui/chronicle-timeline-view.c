/* chronicle-timeline-view.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-view"

#include "config.h"

#include <adwaita.h>

#include "chronicle-timeline-view.h"
#include "chronicle-timeline-view-private.h"

#include "chronicle-layout.h"
#include "chronicle-paint.h"

G_DEFINE_FINAL_TYPE (ChronicleTimelineView, chronicle_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_SELECTED_EVENT,
  PROP_COLLAPSE_GAPS,
  PROP_DISPLAY_ZONE,
  PROP_STORY_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LEGEND_ACTIVATED,
  VIEWPORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
invalidate_paint (ChronicleTimelineView *self)
{
  g_clear_pointer (&self->static_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_chronicle_timeline_view_invalidate_layout (ChronicleTimelineView *self)
{
  g_clear_pointer (&self->layout, chronicle_layout_free);
  invalidate_paint (self);
  /* Most layout changes are moves; an overview redraws its frame. */
  g_signal_emit (self, signals[VIEWPORT_CHANGED], 0);
}

/* The window on screen: a step of the animated move under way, or the
 * viewport. */
ChronicleViewport *
_chronicle_timeline_view_get_shown_viewport (ChronicleTimelineView *self)
{
  return self->shown != NULL ? self->shown : self->viewport;
}

static void
invalidate_style (ChronicleTimelineView *self)
{
  self->style_valid = FALSE;
  /* Fonts feed the measurer, so the layout depends on the style too. */
  _chronicle_timeline_view_invalidate_layout (self);
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

gboolean
_chronicle_timeline_view_has_events (ChronicleTimelineView *self)
{
  return self->timeline != NULL && chronicle_timeline_get_n_events (self->timeline) > 0;
}

/* The layout for the current size, or NULL while there is nothing to lay
 * out (no events, or not allocated yet). */
const ChronicleLayout *
_chronicle_timeline_view_ensure_layout (ChronicleTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->layout == NULL && _chronicle_timeline_view_has_events (self) && width > 0 && height > 0)
    {
      ChronicleLayoutOptions options = {
        .collapse_gaps = self->collapse_gaps,
        .show_title = FALSE,
        /* On screen too: clicking an entry toggles its category. */
        .show_legend = TRUE,
        .hidden_categories = (const char * const *) self->hidden_categories,
        .show_eras = TRUE,
        .placements = self->placements,
      };
      ChroniclePangoMeasurer measurer = {
        .context = gtk_widget_get_pango_context (widget),
        .style = ensure_style (self),
      };

      /* The selected event gets a label of its own: when it shares its
       * instant with more events than there are lanes, no zoom would
       * bring it out of their "+N". */
      options.has_selected = _chronicle_timeline_view_get_selected_position (self, &options.selected);
      self->layout = chronicle_layout_compute (self->timeline,
                                               _chronicle_timeline_view_get_shown_viewport (self),
                                               width, height,
                                               &options, chronicle_pango_measure, &measurer);
    }

  return self->layout;
}

ChronicleEvent *
_chronicle_timeline_view_get_event_at (ChronicleTimelineView *self,
                                       guint                  position)
{
  g_assert (self->timeline != NULL);

  return chronicle_timeline_get_event (self->timeline, position);
}

gboolean
_chronicle_timeline_view_get_selected_position (ChronicleTimelineView *self,
                                                guint                 *position)
{
  if (self->selected == NULL || self->timeline == NULL)
    return FALSE;

  return chronicle_timeline_find_event (self->timeline, self->selected, position);
}

static const char * const zone_names[] = {
  [CHRONICLE_ZONE_TIMELINE] = "timeline",
  [CHRONICLE_ZONE_UTC] = "utc",
  [CHRONICLE_ZONE_LOCAL] = "local",
};

/* The axis in the zone the view option asks for: the timeline's own zone
 * depends on its events, so this runs again whenever they change. */
static void
set_axis (ChronicleTimelineView *self)
{
  chronicle_viewport_set_zone (self->viewport, self->timeline, self->zone_mode, 0);
  chronicle_viewport_set_timeline (self->viewport, self->timeline, self->collapse_gaps);
}

/* After an edit: a selected event that left the timeline follows its id
 * to the event that replaced it (or nothing is selected), and one the
 * edit moved stays in view. */
static gboolean
after_edit_cb (gpointer user_data)
{
  ChronicleTimelineView *self = user_data;
  guint selected;

  self->reselect_source = 0;
  if (self->selected != NULL && self->timeline != NULL &&
      !_chronicle_timeline_view_get_selected_position (self, &selected))
    chronicle_timeline_view_set_selected_event (self,
                                                chronicle_timeline_lookup_event (self->timeline,
                                                                                 chronicle_event_get_id (self->selected)));
  if (self->selected != NULL && chronicle_event_get_start_time (self->selected) != self->edit_start)
    _chronicle_timeline_view_keep_selected_in_view (self);
  return G_SOURCE_REMOVE;
}

static void
on_timeline_items_changed_cb (ChronicleTimelineView *self,
                              guint                  position,
                              guint                  removed,
                              guint                  added,
                              GListModel            *model)
{
  guint selected;
  double start, end;
  int old_offset;
  gboolean was_empty;

  /* An edit, undo or redo changes a few events of the same timeline: the
   * axis is rebuilt (its bounds and breaks follow the events), but the
   * stretch the user was looking at stays, in times, as a zone change
   * keeps it. Only a timeline that had nothing to show is fitted. */
  was_empty = chronicle_timeline_get_n_events (CHRONICLE_TIMELINE (model)) + removed == added;
  _chronicle_timeline_view_stop_motion (self);
  old_offset = chronicle_viewport_get_zone_offset (self->viewport);
  chronicle_viewport_get_visible_range (self->viewport, &start, &end);
  set_axis (self);
  if (was_empty)
    chronicle_viewport_fit (self->viewport);
  else
    chronicle_viewport_show_range (self->viewport,
                                   start + chronicle_viewport_get_zone_offset (self->viewport) - old_offset,
                                   end + chronicle_viewport_get_zone_offset (self->viewport) - old_offset);
  /* An edit replaces an event in two steps, out and then in where its
   * date puts it: in between, the selection waits (the document selects
   * the new object by id) rather than going to nothing, which sent the
   * sidebar to the overview and lost the selection there. Once the edit
   * is over, an event it moved is kept in view. */
  if (self->selected != NULL && self->reselect_source == 0)
    {
      self->edit_start = chronicle_event_get_start_time (self->selected);
      self->reselect_source = g_idle_add (after_edit_cb, self);
      g_source_set_name_by_id (self->reselect_source, "[chronicle] follow the selected event");
    }
  if (self->selected != NULL && !_chronicle_timeline_view_get_selected_position (self, &selected))
    {
      ChronicleEvent *same = chronicle_timeline_lookup_event (self->timeline, chronicle_event_get_id (self->selected));

      if (same != NULL)
        chronicle_timeline_view_set_selected_event (self, same);
    }
  self->hover = G_MAXUINT;
  _chronicle_timeline_view_update_accessible_label (self);
  _chronicle_timeline_view_invalidate_layout (self);
}

static void
on_style_changed_cb (ChronicleTimelineView *self)
{
  invalidate_style (self);
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

  if (self->needs_fit && width > 0 && _chronicle_timeline_view_has_events (self))
    {
      chronicle_viewport_fit (self->viewport);
      self->needs_fit = FALSE;
    }

  /* A popover child is placed by its parent. */
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));

  _chronicle_timeline_view_invalidate_layout (self);
}

static void
chronicle_timeline_view_snapshot (GtkWidget   *widget,
                                  GtkSnapshot *snapshot)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0,
                                               gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget));
  const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
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

  has_selected = _chronicle_timeline_view_get_selected_position (self, &selected);
  if (has_selected || self->hover != G_MAXUINT)
    {
      /* Hover and selection change every frame: painted fresh on top. */
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      if (self->hover != G_MAXUINT && (!has_selected || self->hover != selected))
        chronicle_paint_highlight (cr, layout, style, self->hover, FALSE);
      if (has_selected)
        chronicle_paint_highlight (cr, layout, style, selected, TRUE);
      /* An event being dragged shows where it would go. */
      _chronicle_timeline_view_paint_move (self, cr, layout, style);
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

  _chronicle_timeline_view_stop_motion (self);
  _chronicle_timeline_view_edit_dispose (self);
  g_clear_handle_id (&self->reselect_source, g_source_remove);
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
  g_clear_pointer (&self->accessible_note, g_free);
  g_clear_pointer (&self->hidden_categories, g_strfreev);
  g_clear_pointer (&self->placements, g_hash_table_unref);
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

    case PROP_DISPLAY_ZONE:
      g_value_set_string (value, chronicle_timeline_view_get_display_zone (self));
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

    case PROP_DISPLAY_ZONE:
      chronicle_timeline_view_set_display_zone (self, g_value_get_string (value));
      break;

    case PROP_STORY_MODE:
      chronicle_timeline_view_set_story_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_view_class_init (ChronicleTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_timeline_view_dispose;
  object_class->finalize = chronicle_timeline_view_finalize;
  object_class->get_property = chronicle_timeline_view_get_property;
  object_class->set_property = chronicle_timeline_view_set_property;

  widget_class->measure = chronicle_timeline_view_measure;
  widget_class->size_allocate = chronicle_timeline_view_size_allocate;
  widget_class->snapshot = chronicle_timeline_view_snapshot;
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
   * ChronicleTimelineView:display-zone:
   *
   * The zone times of day are drawn in: "timeline" (the offset the
   * timeline's timed events share, else UTC), "utc" or "local". The axis
   * names it wherever it shows times of day.
   */
  properties[PROP_DISPLAY_ZONE] =
    g_param_spec_string ("display-zone", NULL, NULL,
                         "timeline",
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
  signals[LEGEND_ACTIVATED] =
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
  signals[VIEWPORT_CHANGED] =
    g_signal_new ("viewport-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  _chronicle_timeline_view_class_input_init (klass);
  _chronicle_timeline_view_class_edit_init (klass);

  gtk_widget_class_set_css_name (widget_class, "timelineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_timeline_view_init (ChronicleTimelineView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->viewport = chronicle_viewport_new ();
  self->placements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hover = G_MAXUINT;
  self->zoom_last_scale = 1.0;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  _chronicle_timeline_view_input_init (self);
  _chronicle_timeline_view_edit_init (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed_cb), self, G_CONNECT_SWAPPED);
  /* The style carries the scale, for hairlines on HiDPI screens. */
  g_signal_connect (self, "notify::scale-factor",
                    G_CALLBACK (on_style_changed_cb), NULL);

  _chronicle_timeline_view_update_accessible_label (self);
  _chronicle_timeline_view_update_accessible_description (self);
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

  _chronicle_timeline_view_stop_motion (self);

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
      set_axis (self);
      chronicle_viewport_fit (self->viewport);
      /* The fit is redone once there is a width, if there is none yet. */
      self->needs_fit = gtk_widget_get_width (GTK_WIDGET (self)) <= 0;
    }

  _chronicle_timeline_view_update_accessible_label (self);
  _chronicle_timeline_view_invalidate_layout (self);

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

  _chronicle_timeline_view_clear_accessible_note (self);
  _chronicle_timeline_view_update_accessible_label (self);
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
  _chronicle_timeline_view_stop_motion (self);

  if (self->timeline != NULL)
    {
      set_axis (self);
      chronicle_viewport_fit (self->viewport);
      _chronicle_timeline_view_invalidate_layout (self);
      if (self->selected != NULL)
        chronicle_timeline_view_reveal_selected (self, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLLAPSE_GAPS]);
}

/**
 * chronicle_timeline_view_get_display_zone:
 * @self: a `ChronicleTimelineView`
 *
 * Returns: "timeline", "utc" or "local"
 */
const char *
chronicle_timeline_view_get_display_zone (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return zone_names[self->zone_mode];
}

/**
 * chronicle_timeline_view_set_display_zone:
 * @self: a `ChronicleTimelineView`
 * @zone: "timeline", "utc" or "local"; anything else counts as "timeline"
 *
 * Redraws the chart with times of day in @zone. The axis is rebuilt (the
 * bounds move with the zone) and keeps the time in the middle of the view.
 */
void
chronicle_timeline_view_set_display_zone (ChronicleTimelineView *self,
                                          const char            *zone)
{
  ChronicleZoneMode mode = CHRONICLE_ZONE_TIMELINE;
  double start, end;
  int old_offset;

  g_return_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (zone_names); i++)
    if (g_strcmp0 (zone, zone_names[i]) == 0)
      mode = i;

  if (self->zone_mode == mode)
    return;

  self->zone_mode = mode;
  _chronicle_timeline_view_stop_motion (self);

  if (self->timeline != NULL)
    {
      /* The same instants stay in view: the window moves with the zone. */
      old_offset = chronicle_viewport_get_zone_offset (self->viewport);
      chronicle_viewport_get_visible_range (self->viewport, &start, &end);
      set_axis (self);
      start += chronicle_viewport_get_zone_offset (self->viewport) - old_offset;
      end += chronicle_viewport_get_zone_offset (self->viewport) - old_offset;
      chronicle_viewport_show_range (self->viewport, start, end);
      _chronicle_timeline_view_invalidate_layout (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_ZONE]);
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

const ChronicleLayout *
chronicle_timeline_view_get_layout (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return _chronicle_timeline_view_ensure_layout (self);
}

gboolean
chronicle_timeline_view_activate_legend_at (ChronicleTimelineView *self,
                                            double                 x,
                                            double                 y)
{
  const ChronicleLayout *layout;
  guint category;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), FALSE);

  layout = _chronicle_timeline_view_ensure_layout (self);
  if (layout == NULL)
    return FALSE;

  category = chronicle_layout_hit_test_legend (layout, x, y);
  if (category == G_MAXUINT)
    return FALSE;

  g_signal_emit (self, signals[LEGEND_ACTIVATED], 0, category);
  return TRUE;
}

/**
 * chronicle_timeline_view_get_placements:
 * @self: a #ChronicleTimelineView
 *
 * Returns: (transfer none): where the view drew each event (id -> row,
 *   see ChronicleLayoutOptions), for an export that keeps it
 */
GHashTable *
chronicle_timeline_view_get_placements (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return self->placements;
}

/**
 * chronicle_timeline_view_get_hidden_categories:
 * @self: a `ChronicleTimelineView`
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): ids of the
 *   categories the legend shows as hidden
 */
const char * const *
chronicle_timeline_view_get_hidden_categories (ChronicleTimelineView *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_VIEW (self), NULL);

  return (const char * const *) self->hidden_categories;
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
  _chronicle_timeline_view_invalidate_layout (self);
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
  if (story_mode && !_chronicle_timeline_view_has_events (self))
    story_mode = FALSE;
  if (self->story_mode == story_mode)
    return;

  self->story_mode = story_mode;

  if (story_mode)
    {
      if (!_chronicle_timeline_view_get_selected_position (self, &position))
        position = 0;
      _chronicle_timeline_view_present_position (self, position);
      /* The name now starts with "Story": said once the focus is here. */
      _chronicle_timeline_view_update_accessible_label (self);
      if (gtk_widget_get_focusable (GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  else
    _chronicle_timeline_view_announce_story_end (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORY_MODE]);
}
