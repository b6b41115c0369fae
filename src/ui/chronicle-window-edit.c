/* chronicle-window-edit.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-window-private.h"

#include "chronicle-properties-dialog.h"

static ChronicleDocument *
get_current_document (ChronicleWindow *self)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (self);

  return page != NULL ? chronicle_timeline_page_get_document (page) : NULL;
}

/**
 * _chronicle_window_dup_marked_title:
 * @document: a document
 *
 * Returns: (transfer full) (nullable): the document's title, with "• "
 *   before it while it has unsaved changes; NULL while it has no title
 */
char *
_chronicle_window_dup_marked_title (ChronicleDocument *document)
{
  const char *title = chronicle_document_get_title (document);

  if (title == NULL)
    return NULL;
  if (!chronicle_document_get_modified (document))
    return g_strdup (title);

  /* Translators: a tab's or window's title while it has unsaved changes */
  return g_strdup_printf (_("• %s"), title);
}

/* The menu names the step: "Undo Move Event". A GMenu item cannot change
 * its label: the section is filled again. */
static void
update_undo_section (ChronicleWindow *self,
                     const char      *undo,
                     const char      *redo)
{
  g_autoptr(GMenuItem) undo_item = g_menu_item_new (undo != NULL ? undo : _("_Undo"), "win.undo");
  g_autoptr(GMenuItem) redo_item = g_menu_item_new (redo != NULL ? redo : _("_Redo"), "win.redo");

  g_menu_remove_all (self->undo_section);
  g_menu_append_item (self->undo_section, undo_item);
  g_menu_append_item (self->undo_section, redo_item);
}

/* The review page in front of the tabs, if it is: Undo and Redo there
 * act on the review's own history, never on the timeline hidden behind. */
static ChronicleReviewPage *
get_shown_review_page (ChronicleWindow *self)
{
  ChronicleReviewPage *page = _chronicle_window_get_review_page (self);

  return page != NULL && gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (page) ? page : NULL;
}

/* Undo, Redo, Save and the rest follow the current tab's document (its
 * notifications reach update_for_current_page() through the window's
 * signal group); Undo and Redo the review page's history while it is in
 * front (its ::history-changed). */
void
_chronicle_window_update_edit_actions (ChronicleWindow *self)
{
  ChronicleDocument *document = get_current_document (self);
  ChronicleReviewPage *review = get_shown_review_page (self);
  gboolean loaded = document != NULL && chronicle_document_get_timeline (document) != NULL;

  if (self->undo_section == NULL)
    return;

  if (review != NULL)
    {
      update_undo_section (self, chronicle_review_page_get_undo_label (review),
                           chronicle_review_page_get_redo_label (review));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", chronicle_review_page_get_can_undo (review));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", chronicle_review_page_get_can_redo (review));
    }
  else
    {
      update_undo_section (self, document != NULL ? chronicle_document_get_undo_label (document) : NULL,
                           document != NULL ? chronicle_document_get_redo_label (document) : NULL);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                     document != NULL && chronicle_document_get_can_undo (document));
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                     document != NULL && chronicle_document_get_can_redo (document));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.properties", loaded);
}

/* Ctrl+Z while typing belongs to the text field: the application's
 * shortcut reaches the window before the field sees the key, and undoing
 * the timeline's last change from inside a field would surprise. */
static gboolean
forward_to_text_field (ChronicleWindow *self,
                       const char      *text_action)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A read-only text (the article under review) has no typing to undo. */
  if (focus == NULL || !((GTK_IS_TEXT (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus))) ||
                         (GTK_IS_TEXT_VIEW (focus) && gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)))))
    return FALSE;

  gtk_widget_activate_action (focus, text_action, NULL);
  return TRUE;
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleDocument *document = get_current_document (CHRONICLE_WINDOW (widget));
  ChronicleReviewPage *review;

  if (forward_to_text_field (CHRONICLE_WINDOW (widget), "text.undo"))
    return;
  review = get_shown_review_page (CHRONICLE_WINDOW (widget));
  if (review != NULL)
    {
      chronicle_review_page_undo (review);
      return;
    }
  if (document != NULL && chronicle_document_get_can_undo (document))
    chronicle_document_undo (document);
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleDocument *document = get_current_document (CHRONICLE_WINDOW (widget));
  ChronicleReviewPage *review;

  if (forward_to_text_field (CHRONICLE_WINDOW (widget), "text.redo"))
    return;
  /* The timeline behind the review is not redone unseen. */
  review = get_shown_review_page (CHRONICLE_WINDOW (widget));
  if (review != NULL)
    {
      chronicle_review_page_redo (review);
      return;
    }
  if (document != NULL && chronicle_document_get_can_redo (document))
    chronicle_document_redo (document);
}

/* A new tab with an empty timeline; Save asks where it goes. */
static void
new_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(ChronicleDocument) document = chronicle_document_new_untitled ();

  _chronicle_window_add_document_page (CHRONICLE_WINDOW (widget), document);
}

static void
properties_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChronicleDocument *document = get_current_document (CHRONICLE_WINDOW (widget));
  GtkWidget *dialog;

  if (document == NULL || chronicle_document_get_timeline (document) == NULL)
    return;

  dialog = chronicle_properties_dialog_new (GTK_WINDOW (widget), document);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_chronicle_window_class_edit_init (ChronicleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Accelerators are set in ChronicleApplication's startup. */
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action_cb);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action_cb);
  gtk_widget_class_install_action (widget_class, "win.properties", NULL, properties_action_cb);
}
