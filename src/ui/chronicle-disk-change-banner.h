/* chronicle-disk-change-banner.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "chronicle-document.h"

G_BEGIN_DECLS

#define CHRONICLE_TYPE_DISK_CHANGE_BANNER (chronicle_disk_change_banner_get_type ())

/*
 * "The file changed on disk." across the chart while the document's file
 * changed under unsaved edits (ChronicleDocument:changed-on-disk): Reload
 * (dropping the edits) or Keep My Edits. libadwaita 1.2 has no AdwBanner:
 * a revealer styled like one.
 */
G_DECLARE_FINAL_TYPE (ChronicleDiskChangeBanner, chronicle_disk_change_banner, CHRONICLE, DISK_CHANGE_BANNER, GtkWidget)

GtkWidget *chronicle_disk_change_banner_new          (ChronicleDocument         *document);
/* Whether it is shown (for tests: the revealer's target, not its animation). */
gboolean   chronicle_disk_change_banner_get_revealed (ChronicleDiskChangeBanner *self);

G_END_DECLS
