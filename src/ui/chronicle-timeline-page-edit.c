/* chronicle-timeline-page-edit.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-timeline-page.h"
#include "chronicle-timeline-page-private.h"

#include "chronicle-event-edits-private.h"
#include "chronicle-text-private.h"

/* How much of an event's title the toast after deleting it shows. */
#define TOAST_MAX_TITLE 40

/*
 * The page's event.* actions (issue #13): edit the selected event in the
 * sidebar, add one (at the chart's centre, or at a time the chart gives),
 * duplicate it, delete it, and move it when the chart says it was
 * dragged. Every change goes through the page's document, as one step of
 * its undo history. Only the page's public API is used here.
 */

static ChronicleDocument *
get_document (GtkWidget *widget)
{
  return chronicle_timeline_page_get_document (CHRONICLE_TIMELINE_PAGE (widget));
}

/* Where a toast goes: the window's overlay, if the page is in one. */
static void
add_toast (GtkWidget *widget,
           AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (GtkWidget    *widget,
            const GError *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  gtk_widget_error_bell (widget);
  add_toast (widget, adw_toast_new (markup));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (widget);

  chronicle_timeline_page_set_show_sidebar (self, TRUE);
  if (!chronicle_sidebar_edit (chronicle_timeline_page_get_sidebar (self)))
    gtk_widget_error_bell (widget);
}

/* Adds @event, selects it, and opens the editor on it with the focus on
 * its title: a new event is named first. */
static void
add_and_edit (ChronicleTimelinePage *self,
              ChronicleEvent        *event,
              const char            *action_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = chronicle_document_add_event (get_document (GTK_WIDGET (self)), event,
                                                      action_name, &error);

  if (id == NULL)
    {
      show_error (GTK_WIDGET (self), error);
      return;
    }

  chronicle_timeline_view_reveal_selected (chronicle_timeline_page_get_timeline_view (self), FALSE);
  chronicle_timeline_page_set_show_sidebar (self, TRUE);
  chronicle_sidebar_edit (chronicle_timeline_page_get_sidebar (self));
}

static void
add_at (ChronicleTimelinePage *self,
        double                 time)
{
  ChronicleTimelineView *view = chronicle_timeline_page_get_timeline_view (self);
  const ChronicleViewport *viewport = chronicle_timeline_view_get_viewport (view);
  g_autoptr(ChronicleEvent) event = NULL;

  event = chronicle_new_event_at (time, viewport != NULL ? chronicle_viewport_get_time_zone (viewport) : NULL);
  if (event != NULL)
    /* Translators: names an undo step ("Undo Add Event") */
    add_and_edit (self, event, _("Add Event"));
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (widget);
  ChronicleTimelineView *view = chronicle_timeline_page_get_timeline_view (self);
  const ChronicleViewport *viewport = chronicle_timeline_view_get_viewport (view);
  double time;

  /* The middle of what is shown; today on an empty chart. */
  if (chronicle_timeline_get_n_events (chronicle_document_get_timeline (get_document (widget))) > 0 &&
      gtk_widget_get_width (GTK_WIDGET (view)) > 0)
    time = chronicle_viewport_from_px (viewport, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0);
  else
    time = (double) (g_get_real_time () / G_USEC_PER_SEC);

  add_at (self, time);
}

static void
add_at_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  add_at (CHRONICLE_TIMELINE_PAGE (widget), g_variant_get_double (parameter));
}

static void
duplicate_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (widget);
  ChronicleEvent *selected = chronicle_document_get_selected_event (get_document (widget));
  g_autoptr(ChronicleEvent) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* The copy keeps the id, which is taken: the document gives it a
   * fresh one. */
  copy = chronicle_event_copy_with (selected, NULL, NULL);
  /* Translators: names an undo step ("Undo Duplicate Event") */
  id = chronicle_document_add_event (get_document (widget), copy, _("Duplicate Event"), &error);
  if (id == NULL)
    show_error (widget, error);
  else
    chronicle_timeline_view_reveal_selected (chronicle_timeline_page_get_timeline_view (self), FALSE);
}

static void
on_undo_delete_cb (AdwToast          *toast,
                   ChronicleDocument *document)
{
  if (chronicle_document_get_can_undo (document))
    chronicle_document_undo (document);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChronicleDocument *document = get_document (widget);
  ChronicleEvent *selected = chronicle_document_get_selected_event (document);
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *isolated = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* No question first: the toast and Ctrl+Z undo it. */
  id = g_strdup (chronicle_event_get_id (selected));
  /* Which event went, in a few words (the toast is one line); a toast's
   * title is markup in libadwaita 1.2, and the title is a file's text. */
  shown = chronicle_text_for_display (chronicle_event_get_title (selected), TOAST_MAX_TITLE, FALSE);
  isolated = chronicle_text_isolate (shown);
  /* Translators: a toast after deleting an event, %s is its title (shortened) */
  title = g_markup_printf_escaped (_("“%s” deleted"), isolated);
  if (!chronicle_document_remove_event (document, id, &error))
    {
      show_error (widget, error);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), document, 0);
  add_toast (widget, toast);
}

/* The chart says an event was dragged by @seconds: it moves by whole
 * units of its date's precision, as the chart showed while dragging. */
static void
on_view_move_event_cb (ChronicleTimelinePage *self,
                       ChronicleEvent        *event,
                       double                 seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleEvent) moved = chronicle_event_copy_moved (event, seconds, &error);

  if (moved == NULL ||
      /* Translators: names an undo step ("Undo Move Event") */
      !chronicle_document_replace_event (chronicle_timeline_page_get_document (self),
                                         chronicle_event_get_id (event), moved, _("Move Event"), &error))
    show_error (GTK_WIDGET (self), error);
}

static void
update_actions (ChronicleTimelinePage *self)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (self);
  gboolean loaded = chronicle_document_get_timeline (document) != NULL;
  gboolean selected = chronicle_document_get_selected_event (document) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.add", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.add-at", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.duplicate", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.delete", selected);
}

void
_chronicle_timeline_page_class_edit_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "event.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "event.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "event.add-at", "d", add_at_action_cb);
  gtk_widget_class_install_action (widget_class, "event.duplicate", NULL, duplicate_action_cb);
  gtk_widget_class_install_action (widget_class, "event.delete", NULL, delete_action_cb);

  /* Keys of the page: a text field takes its own keys first (e, Delete),
   * so these act from the chart and the sidebar's buttons. The chart
   * binds Delete itself. Keep gtk/help-overlay.ui in step. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, 0, "event.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "event.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "event.duplicate", NULL);
}

void
_chronicle_timeline_page_edit_init (ChronicleTimelinePage *self)
{
  ChronicleDocument *document = chronicle_timeline_page_get_document (self);

  chronicle_sidebar_set_document (chronicle_timeline_page_get_sidebar (self), document);
  g_signal_connect_object (chronicle_timeline_page_get_timeline_view (self), "move-event",
                           G_CALLBACK (on_view_move_event_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::selected-event", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::timeline", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);
  update_actions (self);
}
