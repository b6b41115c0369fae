/* chronicle-disk-change-banner.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-disk-change-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-disk-change-banner.h"
#include "chronicle-label-text-private.h"

struct _ChronicleDiskChangeBanner
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkRevealer       *revealer;

  /* owned */
  ChronicleDocument *document;
};

G_DEFINE_FINAL_TYPE (ChronicleDiskChangeBanner, chronicle_disk_change_banner, GTK_TYPE_WIDGET)

static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChronicleDiskChangeBanner *self = CHRONICLE_DISK_CHANGE_BANNER (widget);

  chronicle_document_reload_discarding_edits (self->document);
}

static void
keep_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleDiskChangeBanner *self = CHRONICLE_DISK_CHANGE_BANNER (widget);

  chronicle_document_keep_edits (self->document);
}

static void
chronicle_disk_change_banner_dispose (GObject *object)
{
  ChronicleDiskChangeBanner *self = CHRONICLE_DISK_CHANGE_BANNER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_DISK_CHANGE_BANNER);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (chronicle_disk_change_banner_parent_class)->dispose (object);
}

static void
chronicle_disk_change_banner_class_init (ChronicleDiskChangeBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_disk_change_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-disk-change-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleDiskChangeBanner, revealer);

  gtk_widget_class_install_action (widget_class, "disk-change.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "disk-change.keep", NULL, keep_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chronicle-disk-change-banner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_disk_change_banner_init (ChronicleDiskChangeBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_name_text_buttons (GTK_WIDGET (self));
  chronicle_revealer_hide_when_closed (self->revealer);
}

/**
 * chronicle_disk_change_banner_new:
 * @document: the document whose file it watches
 *
 * Returns: (transfer floating): a banner shown while @document's file
 *   changed on disk under unsaved edits
 */
GtkWidget *
chronicle_disk_change_banner_new (ChronicleDocument *document)
{
  ChronicleDiskChangeBanner *self;

  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (document), NULL);

  self = g_object_new (CHRONICLE_TYPE_DISK_CHANGE_BANNER, NULL);
  self->document = g_object_ref (document);
  g_object_bind_property (document, "changed-on-disk", self->revealer, "reveal-child",
                          G_BINDING_SYNC_CREATE);

  return GTK_WIDGET (self);
}

gboolean
chronicle_disk_change_banner_get_revealed (ChronicleDiskChangeBanner *self)
{
  g_return_val_if_fail (CHRONICLE_IS_DISK_CHANGE_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
