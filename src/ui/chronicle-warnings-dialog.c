/* chronicle-warnings-dialog.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-warnings-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-warnings-dialog.h"

#include "chronicle-label-text-private.h"
#include "chronicle-string-array-list.h"
#include "chronicle-text-private.h"

/* A warning names a place in the file and may quote its text: what a row
 * shows is cut to this many characters. */
#define MAX_WARNING_CHARS 1000

struct _ChronicleWarningsDialog
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkListView    *list_view;

  /* owned */
  GListModel     *warnings;  /* of GtkStringObject */
};

G_DEFINE_FINAL_TYPE (ChronicleWarningsDialog, chronicle_warnings_dialog, ADW_TYPE_WINDOW)

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "warning-row");
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, label);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  g_autofree char *text = chronicle_label_text_new (gtk_string_object_get_string (item), MAX_WARNING_CHARS);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

static void
on_copy_clicked_cb (ChronicleWarningsDialog *self)
{
  guint n = g_list_model_get_n_items (self->warnings);
  g_autoptr(GString) text = g_string_new (NULL);

  /* As the loader gave them, one a line, for a bug report or a pipeline's
   * author. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (self->warnings, i);

      g_string_append (text, gtk_string_object_get_string (item));
      g_string_append_c (text, '\n');
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text->str);
}

static void
chronicle_warnings_dialog_dispose (GObject *object)
{
  ChronicleWarningsDialog *self = CHRONICLE_WARNINGS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_WARNINGS_DIALOG);
  g_clear_object (&self->warnings);

  G_OBJECT_CLASS (chronicle_warnings_dialog_parent_class)->dispose (object);
}

static void
chronicle_warnings_dialog_class_init (ChronicleWarningsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_warnings_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-warnings-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleWarningsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChronicleWarningsDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chronicle_warnings_dialog_init (ChronicleWarningsDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (on_row_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_row_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

/**
 * chronicle_warnings_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @file_name: (nullable): the name of the file, shown under the title
 * @warnings: the loader's warnings, in order (of char *); the dialog keeps
 *   a reference and does not change it
 *
 * Returns: (transfer floating): a dialog listing @warnings
 */
GtkWidget *
chronicle_warnings_dialog_new (GtkWindow  *parent,
                               const char *file_name,
                               GPtrArray  *warnings)
{
  ChronicleWarningsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (warnings != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_WARNINGS_DIALOG,
                       "transient-for", parent,
                       NULL);

  if (file_name != NULL)
    {
      g_autofree char *shown = chronicle_text_for_display (file_name, CHRONICLE_TEXT_MAX_TITLE, FALSE);

      adw_window_title_set_subtitle (self->window_title, shown);
    }
  self->warnings = G_LIST_MODEL (chronicle_string_array_list_new (warnings));
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->warnings))));

  return GTK_WIDGET (self);
}

/**
 * chronicle_warnings_dialog_get_model:
 * @self: a `ChronicleWarningsDialog`
 *
 * Returns: (transfer none): the warnings listed, a `GListModel` of
 *   `GtkStringObject`
 */
GListModel *
chronicle_warnings_dialog_get_model (ChronicleWarningsDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_WARNINGS_DIALOG (self), NULL);

  return self->warnings;
}

/**
 * chronicle_warnings_dialog_get_n_rows:
 * @self: a `ChronicleWarningsDialog`
 *
 * Returns: how many rows the list has made (for what is on screen)
 */
guint
chronicle_warnings_dialog_get_n_rows (ChronicleWarningsDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (CHRONICLE_IS_WARNINGS_DIALOG (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}
