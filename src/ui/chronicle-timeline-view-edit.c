/* chronicle-timeline-view-edit.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-timeline-view-private.h"

#include "chronicle-event-edits-private.h"
#include "chronicle-paint.h"
#include "chronicle-text-private.h"

/* Room between the marker and the date shown above it while dragging. */
#define MOVE_PILL_GAP 10.0

/*
 * Editing from the chart (issue #13). The view changes no timeline: it
 * says what the user did, and the page turns that into a document edit.
 *
 * - Dragging the selected event moves it: the chart draws it at the new
 *   date, snapped to whole units of its precision, and on release emits
 *   "move-event" with how far it was dragged, in seconds. Escape cancels.
 * - A double click on empty chart, or "Add Event Here" in the context
 *   menu, activates event.add-at with the time under the pointer.
 * - The context menu (right click, Menu, Shift+F10) offers event.edit,
 *   event.duplicate, event.delete for the event under the pointer.
 *
 * All of it only while someone listens to "move-event": a chart that
 * shows a timeline nobody edits (the review page's) stays read-only.
 */

static guint move_event_signal;

gboolean
_chronicle_timeline_view_is_editable (ChronicleTimelineView *self)
{
  return g_signal_has_handler_pending (self, move_event_signal, 0, TRUE);
}

/* Seconds from the time at pixel @x0 to the time at @x0 + @dx, on the
 * window shown. */
static double
seconds_between (ChronicleTimelineView *self,
                 double                 x0,
                 double                 dx)
{
  ChronicleViewport *shown = _chronicle_timeline_view_get_shown_viewport (self);

  return chronicle_viewport_from_px (shown, x0 + dx) - chronicle_viewport_from_px (shown, x0);
}

/**
 * chronicle_timeline_view_move_begin:
 * @self: a `ChronicleTimelineView`
 * @x: where the press was, widget pixels
 * @y: where the press was, widget pixels
 *
 * A press that may start dragging an event: it does when it is on the
 * selected event of an editable chart. The drag gesture calls it; tests
 * call it too.
 *
 * Returns: %TRUE when the drag moves the event, %FALSE when it pans
 */
gboolean
chronicle_timeline_view_move_begin (ChronicleTimelineView *self,
                                    double                 x,
                                    double                 y)
{
  const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
  const ChronicleLayoutItem *item;
  guint selected;

  g_clear_object (&self->move_event);
  self->move_seconds = 0.0;
  self->move_ignored = FALSE;

  if (layout == NULL || !_chronicle_timeline_view_is_editable (self) || self->story_mode ||
      !_chronicle_timeline_view_get_selected_position (self, &selected))
    return FALSE;

  item = chronicle_layout_hit_test (layout, x, y);
  if (item == NULL || item->kind == CHRONICLE_ITEM_CLUSTER || item->first_event != selected)
    return FALSE;

  self->move_event = g_object_ref (self->selected);
  self->move_x = x;
  return TRUE;
}

/* The drag moved to @offset_x pixels from where it began. */
void
chronicle_timeline_view_move_update (ChronicleTimelineView *self,
                                     double                 offset_x)
{
  if (self->move_event == NULL)
    return;

  self->move_seconds = seconds_between (self, self->move_x, offset_x);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The button was let go: one "move-event" when the date changes. */
void
chronicle_timeline_view_move_end (ChronicleTimelineView *self)
{
  g_autoptr(ChronicleEvent) event = g_steal_pointer (&self->move_event);
  gint64 start;

  if (event == NULL)
    return;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (chronicle_event_moved_start (event, self->move_seconds, &start) &&
      start != chronicle_event_get_start_time (event))
    g_signal_emit (self, move_event_signal, 0, event, self->move_seconds);
  self->move_seconds = 0.0;
}

/**
 * chronicle_timeline_view_move_cancel:
 * @self: a `ChronicleTimelineView`
 *
 * Escape during a drag: the event goes back; the rest of the drag does
 * nothing.
 *
 * Returns: %TRUE when a drag was cancelled
 */
gboolean
chronicle_timeline_view_move_cancel (ChronicleTimelineView *self)
{
  if (self->move_event == NULL)
    return FALSE;

  g_clear_object (&self->move_event);
  self->move_seconds = 0.0;
  self->move_ignored = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

gboolean
_chronicle_timeline_view_get_move (ChronicleTimelineView  *self,
                                   ChronicleEvent        **event,
                                   double                 *seconds)
{
  if (event != NULL)
    *event = self->move_event;
  if (seconds != NULL)
    *seconds = self->move_seconds;
  return self->move_event != NULL;
}

/* The label goes with the dragged event: its box with its title in it,
 * not an empty outline over the labels it passes. */
static void
paint_moved_label (cairo_t                   *cr,
                   const ChronicleLayoutItem *item,
                   const ChronicleStyle      *style,
                   ChronicleEvent            *event)
{
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *title = NULL;
  int text_height;

  if (item->label.width <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, item->label.x, item->label.y, item->label.width, item->label.height);
  cairo_set_source_rgba (cr, style->background.red, style->background.green, style->background.blue, 0.95);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, 0.12);
  cairo_fill (cr);

  text = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (font, (style->font_size > 0 ? style->font_size : 10.0) *
                                                  PANGO_SCALE * 96.0 / 72.0);
  pango_layout_set_font_description (text, font);
  /* Text from a file: controls and bidi overrides made harmless. */
  title = chronicle_text_for_display (chronicle_event_get_title (event), CHRONICLE_TEXT_MAX_TITLE, FALSE);
  pango_layout_set_text (text, title, -1);
  pango_layout_set_width (text, (int) MAX (0, item->label.width - 12) * PANGO_SCALE);
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (text, TRUE);
  pango_layout_get_pixel_size (text, NULL, &text_height);
  cairo_set_source_rgba (cr, style->foreground.red, style->foreground.green, style->foreground.blue,
                         style->foreground.alpha);
  cairo_move_to (cr, item->label.x + 8, item->label.y + (item->label.height - text_height) / 2.0);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
}

/* Paints the dragged event where it would go: its highlight moved by the
 * snapped distance, and the new date in a pill above it. */
void
_chronicle_timeline_view_paint_move (ChronicleTimelineView *self,
                                     cairo_t               *cr,
                                     const ChronicleLayout *layout,
                                     const ChronicleStyle  *style)
{
  ChronicleViewport *shown = _chronicle_timeline_view_get_shown_viewport (self);
  g_autoptr(ChronicleEvent) moved = NULL;
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *date = NULL;
  const ChronicleLayoutItem *item;
  guint position;
  double dx;
  int text_width, text_height;
  double pill_x, pill_y;

  if (self->move_event == NULL || !_chronicle_timeline_view_get_selected_position (self, &position))
    return;
  item = chronicle_layout_find_event (layout, position);
  moved = chronicle_event_copy_moved (self->move_event, self->move_seconds, NULL);
  if (item == NULL || moved == NULL)
    return;

  dx = chronicle_viewport_to_px (shown, (double) chronicle_event_get_start_time (moved)) -
       chronicle_viewport_to_px (shown, (double) chronicle_event_get_start_time (self->move_event));

  cairo_save (cr);
  cairo_translate (cr, dx, 0);
  paint_moved_label (cr, item, style, self->move_event);
  chronicle_paint_highlight (cr, layout, style, position, TRUE);
  cairo_restore (cr);

  date = chronicle_event_format_date (moved);
  text = pango_cairo_create_layout (cr);
  font = pango_font_description_new ();
  pango_font_description_set_family (font, style->font_family != NULL ? style->font_family : "Sans");
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, (style->font_size > 0 ? style->font_size : 10.0) *
                                                  PANGO_SCALE * 96.0 / 72.0);
  pango_layout_set_font_description (text, font);
  pango_layout_set_text (text, date, -1);
  pango_layout_get_pixel_size (text, &text_width, &text_height);
  /* Above the event's label (or its marker), where the event goes. */
  pill_x = item->x + dx - 8;
  pill_y = (item->label.width > 0 ? MIN (item->label.y, item->axis_y) : item->axis_y) -
           MOVE_PILL_GAP - text_height;

  cairo_save (cr);
  cairo_new_sub_path (cr);
  cairo_arc (cr, pill_x + (text_height + 6) / 2.0, pill_y + (text_height + 6) / 2.0, (text_height + 6) / 2.0,
             G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, pill_x + text_width + 16 - (text_height + 6) / 2.0, pill_y + (text_height + 6) / 2.0,
             (text_height + 6) / 2.0, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, style->accent.red, style->accent.green, style->accent.blue, style->accent.alpha);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, pill_x + 8, pill_y + 3);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
}

static void
popup_menu_at (ChronicleTimelineView *self,
               double                 x,
               double                 y)
{
  const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
  const ChronicleLayoutItem *item = layout != NULL ? chronicle_layout_hit_test (layout, x, y) : NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) event_section = g_menu_new ();
  g_autoptr(GMenu) add_section = g_menu_new ();
  g_autoptr(GMenuItem) add_item = NULL;
  double time = chronicle_viewport_from_px (_chronicle_timeline_view_get_shown_viewport (self), x);

  if (!_chronicle_timeline_view_is_editable (self))
    return;

  /* The menu is about the event under the pointer: it becomes the one
   * selected, which the actions act on. */
  if (item != NULL && item->kind != CHRONICLE_ITEM_CLUSTER)
    {
      chronicle_timeline_view_set_selected_event (self, _chronicle_timeline_view_get_event_at (self, item->first_event));
      g_menu_append (event_section, _("_Edit Event"), "event.edit");
      g_menu_append (event_section, _("D_uplicate Event"), "event.duplicate");
      g_menu_append (event_section, _("_Delete Event"), "event.delete");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (event_section));
    }

  add_item = g_menu_item_new (_("_Add Event Here"), NULL);
  g_menu_item_set_action_and_target_value (add_item, "event.add-at", g_variant_new_double (time));
  g_menu_append_item (add_section, add_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add_section));

  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_secondary_pressed_cb (ChronicleTimelineView *self,
                         int                    n_press,
                         double                 x,
                         double                 y,
                         GtkGestureClick       *gesture)
{
  if (!_chronicle_timeline_view_is_editable (self))
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

/* Menu or Shift+F10: the menu at the selected event, else at the centre. */
static void
menu_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleTimelineView *self = CHRONICLE_TIMELINE_VIEW (widget);
  const ChronicleLayout *layout = _chronicle_timeline_view_ensure_layout (self);
  const ChronicleLayoutItem *item = NULL;
  guint position;

  if (layout != NULL && _chronicle_timeline_view_get_selected_position (self, &position))
    item = chronicle_layout_find_event (layout, position);

  if (item != NULL)
    popup_menu_at (self, item->x, item->axis_y);
  else
    popup_menu_at (self, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* A double click where there is no event: a new one there. */
gboolean
_chronicle_timeline_view_add_at (ChronicleTimelineView *self,
                                 double                 x)
{
  double time;

  if (!_chronicle_timeline_view_is_editable (self))
    return FALSE;

  time = chronicle_viewport_from_px (_chronicle_timeline_view_get_shown_viewport (self), x);
  return gtk_widget_activate_action (GTK_WIDGET (self), "event.add-at", "d", time);
}

void
_chronicle_timeline_view_class_edit_init (ChronicleTimelineViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * ChronicleTimelineView::move-event:
   * @event: the event dragged (of the timeline shown)
   * @seconds: how far it was dragged, in seconds: the new date is the
   *   event's moved by as many whole units of its precision
   *   (chronicle_event_copy_moved())
   *
   * The selected event was dragged to another date and let go. Connecting
   * to it makes the chart editable (dragging, adding, the context menu).
   */
  move_event_signal =
    g_signal_new ("move-event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CHRONICLE_TYPE_EVENT, G_TYPE_DOUBLE);

  gtk_widget_class_install_action (widget_class, "timeline.menu", NULL, menu_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "timeline.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "timeline.menu", NULL);
  /* The page's action, from the focused chart only: Delete in a text
   * field deletes text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "event.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "event.delete", NULL);
}

void
_chronicle_timeline_view_edit_init (ChronicleTimelineView *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (secondary, "pressed", G_CALLBACK (on_secondary_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
}

void
_chronicle_timeline_view_edit_dispose (ChronicleTimelineView *self)
{
  g_clear_object (&self->move_event);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}
