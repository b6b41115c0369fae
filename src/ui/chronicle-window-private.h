/* chronicle-window-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chronicle-review-page.h"
#include "chronicle-sidebar.h"
#include "chronicle-window.h"

G_BEGIN_DECLS

struct _ChronicleWindow
{
  AdwApplicationWindow   parent_instance;

  /* template widgets */
  AdwWindowTitle        *window_title;
  GtkWidget             *navigation_box;
  GtkWidget             *fit_button;
  GtkWidget             *sidebar_button;
  GMenu                 *recent_section;
  GMenu                 *undo_section;
  GtkWidget             *spinner;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *main_stack;
  AdwStatusPage         *start_page;
  GtkWidget             *recent_box;
  GtkListBox            *recent_list;
  AdwTabView            *tab_view;
  AdwTabBar             *tab_bar;

  /* owned */
  GSettings             *settings;      /* NULL when the schema is missing */
  GtkNativeDialog       *file_chooser;
  char                  *last_error;    /* of the last file that failed to open */
  GPtrArray             *load_errors;   /* char *, one per file, for the open dialog */
  GSignalGroup          *document_signals;  /* on the current page's document */
  GtkNativeDialog       *save_chooser;      /* Save As, while open */

  /* borrowed, weak */
  GtkWidget             *load_error_dialog;
  GtkWidget             *save_changes_dialog;  /* Save / Discard / Cancel, while open */
  GtkWidget             *recovery_dialog;

  /* state */
  int                    sidebar_width;
  gboolean               show_sidebar;
  gboolean               sidebar_folded;  /* hidden by the window getting narrow, not by the user */
  int                    width;           /* of the last allocation, 0 before the first */
  guint                  fold_idle;
  gboolean               collapse_gaps;
  char                  *display_zone;   /* "timeline", "utc" or "local" */
  gboolean               close_confirmed; /* the user said Save or Discard for every tab */
};

/* Inspection for the widget tests. The sidebar and the warnings are the
 * selected tab's; the last error is that of the last file that failed to
 * open (reload errors are the pages'); loading is any tab's. */
ChronicleSidebar   *chronicle_window_get_sidebar            (ChronicleWindow *self);
gboolean            chronicle_window_is_loading             (ChronicleWindow *self);
const char         *chronicle_window_get_last_error         (ChronicleWindow *self);
const char * const *chronicle_window_get_warnings           (ChronicleWindow *self);
gboolean            chronicle_window_get_start_page_visible (ChronicleWindow *self);

/* Shared by the files of ChronicleWindow. */

/* chronicle-window.c: the tabs */
char                  *_chronicle_window_dup_display_name (GFile *file);
ChronicleTimelinePage *_chronicle_window_get_page (AdwTabPage *tab_page);
ChronicleTimelineView *_chronicle_window_get_current_view (ChronicleWindow *self);
void                   _chronicle_window_open_document (ChronicleWindow   *self,
                                                        ChronicleDocument *document,
                                                        const GError      *error);

/* chronicle-window-actions.c: the win.* actions and when they are enabled */
void                   _chronicle_window_class_actions_init (ChronicleWindowClass *klass);
GtkFileFilter         *_chronicle_window_new_timeline_filter (void);
void                   _chronicle_window_update_navigation_actions (ChronicleWindow *self);

/* chronicle-window-settings.c: the window state and the recent files, kept in GSettings */
void                   _chronicle_window_load_settings (ChronicleWindow      *self,
                                                        ChronicleApplication *application);
void                   _chronicle_window_save_settings (ChronicleWindow *self);
void                   _chronicle_window_remember_recent_file (ChronicleWindow *self,
                                                               GFile           *file);
void                   _chronicle_window_update_recent_menu (ChronicleWindow *self);

/* chronicle-window.c: the header bar and the actions follow the selected tab again */
void                   _chronicle_window_sync_header (ChronicleWindow *self);

/* chronicle-window-edit.c: Undo, Redo, New, Timeline Properties, the unsaved mark */
void                   _chronicle_window_class_edit_init (ChronicleWindowClass *klass);
void                   _chronicle_window_update_edit_actions (ChronicleWindow *self);
char                  *_chronicle_window_dup_marked_title (ChronicleDocument *document);
ChronicleTimelinePage *_chronicle_window_add_document_page (ChronicleWindow   *self,
                                                            ChronicleDocument *document);
AdwTabPage            *_chronicle_window_find_tab_page (ChronicleWindow *self,
                                                        GFile           *file);
ChronicleTimelinePage *_chronicle_window_replace_page (ChronicleWindow   *self,
                                                       AdwTabPage        *replaced,
                                                       ChronicleDocument *document);

/* chronicle-window-save.c: Save, Save As, and Save / Discard / Cancel on close */
void                   _chronicle_window_class_save_init (ChronicleWindowClass *klass);
void                   _chronicle_window_save_page_async (ChronicleWindow       *self,
                                                          ChronicleTimelinePage *page,
                                                          gboolean               save_as,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
gboolean               _chronicle_window_save_page_finish (ChronicleWindow *self,
                                                           GAsyncResult    *result,
                                                           GError         **error);
gboolean               _chronicle_window_on_tab_view_close_page (ChronicleWindow *self,
                                                                 AdwTabPage      *tab_page);
gboolean               _chronicle_window_confirm_close (ChronicleWindow *self);
/* chronicle-window-recovery.c: the offer of what a crash left, at start */
void                   _chronicle_window_offer_recovered (ChronicleWindow *self);

/* For tests: the dialog open now, or NULL. */
AdwMessageDialog      *chronicle_window_get_save_changes_dialog (ChronicleWindow *self);
AdwMessageDialog      *chronicle_window_get_recovery_dialog     (ChronicleWindow *self);
GtkFileChooser        *chronicle_window_get_save_chooser        (ChronicleWindow *self);

/* chronicle-window-review.c: Import Article and its review page */
void                   _chronicle_window_class_review_init (ChronicleWindowClass *klass);
void                   _chronicle_window_import_article (ChronicleWindow *self,
                                                         GFile           *file);
gboolean               _chronicle_window_is_article_file (GFile *file);
ChronicleReviewPage   *_chronicle_window_get_review_page (ChronicleWindow *self);

G_END_DECLS
