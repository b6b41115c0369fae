/* test-editor.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-editor"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-category.h"
#include "chronicle-document.h"
#include "chronicle-event-editor.h"
#include "chronicle-kept-private.h"
#include "chronicle-layout.h"
#include "chronicle-quote.h"
#include "chronicle-sidebar.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-view.h"
#include "chronicle-event-edits-private.h"
#include "chronicle-timeline-view-private.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

/* The event editor, adding, duplicating, deleting and dragging events
 * (issue #13): each change reaches the document as one undo step. */

static ChronicleApplication *app;

typedef struct
{
  ChronicleWindow       *window;
  ChronicleTimelinePage *page;
  ChronicleTimelineView *view;
  ChronicleDocument     *document;
  ChronicleSidebar      *sidebar;
} Fixture;

static gboolean
is_idle (gpointer data)
{
  return !chronicle_window_is_loading (CHRONICLE_WINDOW (data));
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *example = chronicle_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (example);

  chronicle_test_present_window (app, &fixture->window);
  chronicle_window_open (fixture->window, file);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);

  fixture->page = chronicle_window_get_current_page (fixture->window);
  g_assert_nonnull (fixture->page);
  fixture->view = chronicle_timeline_page_get_timeline_view (fixture->page);
  fixture->document = chronicle_timeline_page_get_document (fixture->page);
  fixture->sidebar = chronicle_timeline_page_get_sidebar (fixture->page);
  chronicle_test_wait_for (is_allocated, fixture->view, CHRONICLE_TEST_WAIT_MS);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  chronicle_test_destroy_window (&fixture->window);
}

static GtkWidget *
get_part (ChronicleEventEditor *editor,
          const char           *name)
{
  GObject *part = gtk_widget_get_template_child (GTK_WIDGET (editor), CHRONICLE_TYPE_EVENT_EDITOR, name);

  g_assert_nonnull (part);
  return GTK_WIDGET (part);
}

static void
set_text (ChronicleEventEditor *editor,
          const char           *row,
          const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_part (editor, row)), text);
}

static const char *
get_label (ChronicleEventEditor *editor,
           const char           *label)
{
  return gtk_label_get_text (GTK_LABEL (get_part (editor, label)));
}

static ChronicleEvent *
lookup (Fixture    *fixture,
        const char *id)
{
  ChronicleTimeline *timeline = chronicle_document_get_timeline (fixture->document);
  guint n = chronicle_timeline_get_n_events (timeline);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (chronicle_timeline_get_event_id (timeline, i), id) == 0)
      return chronicle_timeline_get_event (timeline, i);
  return NULL;
}

static char *
dup_iso (ChronicleEvent *event)
{
  return chronicle_date_to_iso (chronicle_event_get_date (event));
}

/* Selects the event with @id and opens the editor on it with "e". */
static ChronicleEventEditor *
edit (Fixture    *fixture,
      const char *id)
{
  g_assert_true (chronicle_document_select_id (fixture->document, id));
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->page), GDK_KEY_e, 0, "event.edit"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event.edit", NULL));
  g_assert_true (chronicle_sidebar_get_editing (fixture->sidebar));
  return chronicle_sidebar_get_editor (fixture->sidebar);
}

static void
test_edit_title_and_date (Fixture       *fixture,
                          gconstpointer  data)
{
  ChronicleEventEditor *editor = edit (fixture, "talks-2022");
  g_autofree char *old_title = g_strdup (chronicle_event_get_title (lookup (fixture, "talks-2022")));
  g_autofree char *iso = NULL;
  ChronicleEvent *event;

  g_assert_cmpstr (chronicle_event_editor_get_event_id (editor), ==, "talks-2022");
  /* The entry holds the date as the file writes it, and says what it means. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_part (editor, "date_row"))), ==, "2022-03");
  g_assert_cmpstr (get_label (editor, "date_status_label"), ==, "Month: March 2022");
  g_assert_false (chronicle_document_get_modified (fixture->document));

  set_text (editor, "title_row", "Talks in Belarus");
  set_text (editor, "date_row", "28 February 2022");
  g_assert_cmpstr (get_label (editor, "date_status_label"), ==, "Day: 28 February 2022");
  /* Nothing reaches the document before Done. */
  g_assert_cmpstr (chronicle_event_get_title (lookup (fixture, "talks-2022")), ==, old_title);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.done", NULL));
  g_assert_false (chronicle_sidebar_get_editing (fixture->sidebar));
  event = lookup (fixture, "talks-2022");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Talks in Belarus");
  iso = dup_iso (event);
  g_assert_cmpstr (iso, ==, "2022-02-28");
  g_assert_true (chronicle_document_get_modified (fixture->document));
  g_assert_cmpstr (chronicle_document_get_undo_label (fixture->document), ==, "Undo Edit Event");
  /* The sidebar shows the edited event. */
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (fixture->sidebar), ==, "Talks in Belarus");

  /* One undo gives both fields back. */
  chronicle_document_undo (fixture->document);
  event = lookup (fixture, "talks-2022");
  g_assert_cmpstr (chronicle_event_get_title (event), ==, old_title);
  g_clear_pointer (&iso, g_free);
  iso = dup_iso (event);
  g_assert_cmpstr (iso, ==, "2022-03");
  g_assert_false (chronicle_document_get_can_undo (fixture->document));
}

static void
test_invalid_date (Fixture       *fixture,
                   gconstpointer  data)
{
  ChronicleEventEditor *editor = edit (fixture, "talks-2022");
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;

  set_text (editor, "title_row", "Not applied");
  set_text (editor, "date_row", "30 February 2022");
  g_assert_cmpstr (get_label (editor, "date_status_label"), ==,
                   "2022-02-30 does not exist: February 2022 has 28 days");
  g_assert_true (gtk_widget_has_css_class (get_part (editor, "date_row"), "error"));
  g_assert_false (gtk_widget_get_sensitive (get_part (editor, "done_button")));

  g_assert_false (chronicle_event_editor_apply (editor, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (chronicle_sidebar_get_editing (fixture->sidebar));
  g_assert_true (gtk_widget_get_visible (get_part (editor, "apply_error_label")));

  /* An end before the date is refused the same way. */
  set_text (editor, "date_row", "2022-03");
  g_assert_true (gtk_widget_get_sensitive (get_part (editor, "done_button")));
  set_text (editor, "end_row", "February 2022");
  g_assert_cmpstr (get_label (editor, "end_status_label"), ==,
                   "The end is before the date: an event ends after it starts");
  g_assert_false (gtk_widget_get_sensitive (get_part (editor, "done_button")));

  /* Cancel drops it all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL));
  g_assert_false (chronicle_sidebar_get_editing (fixture->sidebar));
  iso = dup_iso (lookup (fixture, "talks-2022"));
  g_assert_cmpstr (iso, ==, "2022-03");
  g_assert_cmpstr (chronicle_event_get_title (lookup (fixture, "talks-2022")), !=, "Not applied");
  g_assert_false (chronicle_document_get_modified (fixture->document));
  g_assert_false (chronicle_document_get_can_undo (fixture->document));
}

static void
activate_on_quote_row (ChronicleEventEditor *editor,
                       int                   index,
                       const char           *action)
{
  GtkListBox *list = GTK_LIST_BOX (get_part (editor, "quotes_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  /* The row's buttons act on the row with the focus. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (row)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
}

static void
test_quotes (Fixture       *fixture,
             gconstpointer  data)
{
  ChronicleEventEditor *editor = edit (fixture, "rubio-assessment");
  ChronicleEvent *event = lookup (fixture, "rubio-assessment");
  g_autofree char *first = g_strdup (chronicle_quote_get_text (chronicle_event_get_quote (event, 0)));
  g_autofree char *second = g_strdup (chronicle_quote_get_text (chronicle_event_get_quote (event, 1)));
  GtkTextBuffer *buffer;
  ChronicleQuote *quote;

  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 2);

  /* Add one: the quote page opens on it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-quote", NULL));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (get_part (editor, "quote_text_view")));
  gtk_text_buffer_set_text (buffer, "We will see.", -1);
  set_text (editor, "quote_speaker_row", "A. Diplomat");
  set_text (editor, "quote_date_row", "16 May 2025 10:30 +03:00");
  g_assert_cmpstr (get_label (editor, "quote_date_status_label"), ==, "Minute: 16 May 2025, 10:30 UTC+3");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close-quote", NULL));

  /* Move it to the top, and remove the (then) second one. */
  activate_on_quote_row (editor, 2, "editor.quote-up");
  activate_on_quote_row (editor, 1, "editor.quote-up");
  activate_on_quote_row (editor, 1, "editor.quote-remove");

  /* A quote added and left without words goes away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-quote", NULL));
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_part (editor, "quotes_list")), 2));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close-quote", NULL));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_part (editor, "quotes_list")), 2));

  g_assert_true (chronicle_event_editor_apply (editor, NULL));
  event = lookup (fixture, "rubio-assessment");
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 2);
  quote = chronicle_event_get_quote (event, 0);
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "We will see.");
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "A. Diplomat");
  g_assert_nonnull (chronicle_quote_get_date (quote));
  g_assert_cmpint (chronicle_quote_get_date (quote)->utc_offset, ==, 3 * 3600);
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_event_get_quote (event, 1)), ==, second);
  g_assert_cmpstr (chronicle_document_get_undo_label (fixture->document), ==, "Undo Edit Quote");

  chronicle_document_undo (fixture->document);
  event = lookup (fixture, "rubio-assessment");
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 2);
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_event_get_quote (event, 0)), ==, first);
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_event_get_quote (event, 1)), ==, second);
}

static void
test_new_category (Fixture       *fixture,
                   gconstpointer  data)
{
  ChronicleEventEditor *editor = edit (fixture, "talks-2022");
  AdwComboRow *category = ADW_COMBO_ROW (get_part (editor, "category_row"));
  guint n_items = g_list_model_get_n_items (adw_combo_row_get_model (category));
  ChronicleTimeline *timeline;
  ChronicleCategory *made;

  /* The last item makes a new one. */
  adw_combo_row_set_selected (category, n_items - 1);
  g_assert_true (gtk_widget_get_visible (get_part (editor, "new_category_row")));
  set_text (editor, "new_category_row", "Peace Talks");
  g_assert_true (chronicle_event_editor_apply (editor, NULL));

  timeline = chronicle_document_get_timeline (fixture->document);
  made = chronicle_timeline_lookup_category (timeline, "peace-talks");
  g_assert_nonnull (made);
  g_assert_cmpstr (chronicle_category_get_label (made), ==, "Peace Talks");
  g_assert_cmpstr (chronicle_event_get_category_id (lookup (fixture, "talks-2022")), ==, "peace-talks");

  /* One step: the category goes with the edit. */
  chronicle_document_undo (fixture->document);
  timeline = chronicle_document_get_timeline (fixture->document);
  g_assert_null (chronicle_timeline_lookup_category (timeline, "peace-talks"));
  g_assert_cmpstr (chronicle_event_get_category_id (lookup (fixture, "talks-2022")), ==, "diplomacy");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
on_edited_cb (ChronicleEventEditor *editor,
              ChronicleEvent       *event,
              ChronicleCategory    *new_category,
              gpointer              user_data)
{
  GPtrArray *edited = user_data;

  g_ptr_array_add (edited, g_object_ref (event));
  if (new_category != NULL)
    g_ptr_array_add (edited, g_object_ref (new_category));
}

/* A detached event (a proposal of the review page): Done hands the
 * edited copy to "edited" and changes no document; the context offers
 * its categories, and a new one comes with the event. */
static void
test_edit_detached (Fixture       *fixture,
                    gconstpointer  data)
{
  ChronicleTimeline *timeline = chronicle_document_get_timeline (fixture->document);
  g_autoptr(ChronicleEvent) event = chronicle_event_copy (lookup (fixture, "talks-2022"));
  g_autoptr(GPtrArray) edited = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = g_strdup (chronicle_event_get_title (event));
  ChronicleEventEditor *editor = CHRONICLE_EVENT_EDITOR (chronicle_event_editor_new ());
  AdwComboRow *category;
  guint closed = 0;
  ChronicleEvent *result;

  g_object_ref_sink (editor);
  g_signal_connect (editor, "edited", G_CALLBACK (on_edited_cb), edited);
  g_signal_connect_swapped (editor, "closed", G_CALLBACK (count_cb), &closed);

  /* nothing changed: nothing emitted */
  chronicle_event_editor_edit_detached (editor, timeline, event);
  g_assert_true (chronicle_event_editor_apply (editor, NULL));
  g_assert_cmpuint (edited->len, ==, 0);
  g_assert_cmpuint (closed, ==, 1);

  chronicle_event_editor_edit_detached (editor, timeline, event);
  set_text (editor, "title_row", "Talks in Istanbul, detached");
  set_text (editor, "date_row", "2022-03");
  category = ADW_COMBO_ROW (get_part (editor, "category_row"));
  /* the context's categories, and "None" and "New Category…" */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (category)), ==,
                    g_list_model_get_n_items (chronicle_timeline_get_categories (timeline)) + 2);
  adw_combo_row_set_selected (category, g_list_model_get_n_items (adw_combo_row_get_model (category)) - 1);
  set_text (editor, "new_category_row", "Peace Talks");
  g_assert_true (chronicle_event_editor_apply (editor, NULL));
  g_assert_cmpuint (closed, ==, 2);
  g_assert_cmpuint (edited->len, ==, 2);
  result = g_ptr_array_index (edited, 0);
  g_assert_true (result != event);
  g_assert_cmpstr (chronicle_event_get_title (result), ==, "Talks in Istanbul, detached");
  g_assert_cmpint (chronicle_event_get_date (result)->precision, ==, CHRONICLE_DATE_PRECISION_MONTH);
  g_assert_cmpstr (chronicle_event_get_category_id (result), ==, "peace-talks");
  g_assert_cmpstr (chronicle_category_get_id (g_ptr_array_index (edited, 1)), ==, "peace-talks");

  /* the event edited and the document stay as they were */
  g_assert_cmpstr (chronicle_event_get_title (event), ==, title);
  g_assert_cmpstr (chronicle_event_get_title (lookup (fixture, "talks-2022")), ==, title);
  g_assert_null (chronicle_timeline_lookup_category (chronicle_document_get_timeline (fixture->document),
                                                     "peace-talks"));
  g_assert_false (chronicle_document_get_can_undo (fixture->document));
  g_object_unref (editor);
}

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static void
test_add_duplicate_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronicleTimeline *timeline = chronicle_document_get_timeline (fixture->document);
  guint n = chronicle_timeline_get_n_events (timeline);
  g_autofree char *added_id = NULL;
  g_autofree char *copy_id = NULL;
  ChronicleEvent *selected;

  /* Add: a new event in the middle of the view, selected, in the editor. */
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->page), GDK_KEY_n,
                                                 GDK_CONTROL_MASK | GDK_SHIFT_MASK, "event.add"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event.add", NULL));
  timeline = chronicle_document_get_timeline (fixture->document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, n + 1);
  selected = chronicle_document_get_selected_event (fixture->document);
  g_assert_nonnull (selected);
  g_assert_cmpstr (chronicle_event_get_title (selected), ==, "New Event");
  added_id = g_strdup (chronicle_event_get_id (selected));
  g_assert_cmpstr (added_id, !=, "");
  g_assert_true (chronicle_sidebar_get_editing (fixture->sidebar));
  g_assert_cmpstr (chronicle_document_get_undo_label (fixture->document), ==, "Undo Add Event");
  set_text (chronicle_sidebar_get_editor (fixture->sidebar), "title_row", "Named");
  g_assert_true (chronicle_event_editor_apply (chronicle_sidebar_get_editor (fixture->sidebar), NULL));
  g_assert_cmpstr (chronicle_event_get_title (lookup (fixture, added_id)), ==, "Named");

  /* Duplicate: a copy with an id of its own, selected. */
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->page), GDK_KEY_d, GDK_CONTROL_MASK,
                                                 "event.duplicate"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "event.duplicate", NULL));
  timeline = chronicle_document_get_timeline (fixture->document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, n + 2);
  selected = chronicle_document_get_selected_event (fixture->document);
  copy_id = g_strdup (chronicle_event_get_id (selected));
  g_assert_cmpstr (copy_id, !=, added_id);
  g_assert_cmpstr (chronicle_event_get_title (selected), ==, "Named");
  g_assert_cmpstr (chronicle_document_get_undo_label (fixture->document), ==, "Undo Duplicate Event");

  /* Delete (the chart's Delete key): gone, and back with undo. */
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->view), GDK_KEY_Delete, 0, "event.delete"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "event.delete", NULL));
  g_assert_null (lookup (fixture, copy_id));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (fixture->document)), ==, n + 1);
  /* The toast says which event went. */
  g_assert_true (has_label (GTK_WIDGET (fixture->window), "“\u2068Named\u2069” deleted"));
  chronicle_document_undo (fixture->document);
  g_assert_nonnull (lookup (fixture, copy_id));

  /* A double click on empty chart: an event on the day under the pointer. */
  {
    double x = gtk_widget_get_width (GTK_WIDGET (fixture->view)) / 4.0;
    double time = chronicle_viewport_from_px (chronicle_timeline_view_get_viewport (fixture->view), x);
    ChronicleEvent *added;

    g_assert_true (_chronicle_timeline_view_add_at (fixture->view, x));
    added = chronicle_document_get_selected_event (fixture->document);
    g_assert_nonnull (added);
    g_assert_cmpint (chronicle_event_get_date (added)->precision, ==, CHRONICLE_DATE_PRECISION_DAY);
    /* The day in the chart's zone: within a day of the instant. */
    g_assert_cmpfloat (fabs ((double) chronicle_event_get_start_time (added) + 43200.0 - time), <=, 86400.0 + 43200.0);
    g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (fixture->document)), ==, n + 3);
    chronicle_event_editor_cancel (chronicle_sidebar_get_editor (fixture->sidebar));
  }
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->view), GDK_KEY_F10, GDK_SHIFT_MASK,
                                                 "timeline.menu"));

  /* Undo all: the file's events again. */
  while (chronicle_document_get_can_undo (fixture->document))
    chronicle_document_undo (fixture->document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (fixture->document)), ==, n);
  g_assert_null (lookup (fixture, added_id));
}

/* Pixels a day takes at the selected event (the axis may collapse gaps
 * elsewhere). */
static double
get_px_per_day (Fixture *fixture)
{
  const ChronicleViewport *viewport = chronicle_timeline_view_get_viewport (fixture->view);
  double t0 = (double) chronicle_event_get_start_time (chronicle_timeline_view_get_selected_event (fixture->view));

  return chronicle_viewport_to_px (viewport, t0 + 86400.0) - chronicle_viewport_to_px (viewport, t0);
}

/* The x of the selected event's marker, and its track, in view pixels. */
static void
get_selected_point (Fixture *fixture,
                    double  *x,
                    double  *y)
{
  const ChronicleLayout *layout = chronicle_timeline_view_get_layout (fixture->view);
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (fixture->view);
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (fixture->view);
  const ChronicleLayoutItem *item = NULL;

  g_assert_nonnull (layout);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    if (g_strcmp0 (chronicle_timeline_get_event_id (timeline, i), chronicle_event_get_id (selected)) == 0)
      item = chronicle_layout_find_event (layout, i);
  g_assert_nonnull (item);
  g_assert_true (item->kind != CHRONICLE_ITEM_CLUSTER);
  *x = item->x;
  *y = item->axis_y;
}

/* The event with @id is selected everywhere: chart, document, sidebar. */
static void
assert_shows_selected (Fixture    *fixture,
                       const char *id)
{
  ChronicleEvent *event = lookup (fixture, id);

  g_assert_nonnull (event);
  g_assert_true (chronicle_timeline_view_get_selected_event (fixture->view) == event);
  g_assert_true (chronicle_document_get_selected_event (fixture->document) == event);
  g_assert_true (chronicle_sidebar_get_event (fixture->sidebar) == event);
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (fixture->sidebar), ==, chronicle_event_get_title (event));
}

static void
on_sidebar_event_cb (ChronicleSidebar *sidebar,
                     GParamSpec       *pspec,
                     guint            *n_cleared)
{
  if (chronicle_sidebar_get_event (sidebar) == NULL)
    (*n_cleared)++;
}

static void
test_drag_moves_by_days (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *iso = NULL;
  double x, y, px_per_day;
  guint n_cleared = 0;

  /* Zoomed so that a day is a good many pixels. */
  g_assert_true (chronicle_document_select_id (fixture->document, "invasion"));
  chronicle_timeline_view_reveal_selected (fixture->view, TRUE);
  px_per_day = get_px_per_day (fixture);
  g_assert_cmpfloat (px_per_day, >, 4.0);
  get_selected_point (fixture, &x, &y);

  /* A press beside the event pans; on it, it moves the event. */
  g_assert_false (chronicle_timeline_view_move_begin (fixture->view, x, y - 200));
  g_assert_true (chronicle_timeline_view_move_begin (fixture->view, x, y));

  /* 2.4 days to the right snaps to 2 whole days; Escape puts it back. */
  chronicle_timeline_view_move_update (fixture->view, 2.4 * px_per_day);
  g_assert_true (chronicle_timeline_view_move_cancel (fixture->view));
  chronicle_timeline_view_move_end (fixture->view);
  iso = dup_iso (lookup (fixture, "invasion"));
  g_assert_cmpstr (iso, ==, "2022-02-24");
  g_assert_false (chronicle_document_get_can_undo (fixture->document));

  /* Again, let go: one "Move Event" step, by whole days. */
  g_assert_true (chronicle_timeline_view_move_begin (fixture->view, x, y));
  chronicle_timeline_view_move_update (fixture->view, 1.0 * px_per_day);
  chronicle_timeline_view_move_update (fixture->view, 2.4 * px_per_day);
  chronicle_timeline_view_move_end (fixture->view);
  g_clear_pointer (&iso, g_free);
  iso = dup_iso (lookup (fixture, "invasion"));
  g_assert_cmpstr (iso, ==, "2022-02-26");
  g_assert_cmpstr (chronicle_document_get_undo_label (fixture->document), ==, "Undo Move Event");
  /* Still selected, where it went: on the chart, in the document and in
   * the sidebar (which showed the timeline's overview). */
  g_assert_cmpstr (chronicle_event_get_id (chronicle_timeline_view_get_selected_event (fixture->view)), ==, "invasion");
  assert_shows_selected (fixture, "invasion");

  chronicle_document_undo (fixture->document);
  g_clear_pointer (&iso, g_free);
  iso = dup_iso (lookup (fixture, "invasion"));
  g_assert_cmpstr (iso, ==, "2022-02-24");
  assert_shows_selected (fixture, "invasion");
  chronicle_document_redo (fixture->document);
  assert_shows_selected (fixture, "invasion");
  chronicle_document_undo (fixture->document);

  /* Past the next event (the talks of March 2022): its place in the
   * timeline changes, the selection stays on it everywhere. */
  chronicle_timeline_view_reveal_selected (fixture->view, TRUE);
  px_per_day = get_px_per_day (fixture);
  get_selected_point (fixture, &x, &y);
  g_assert_true (chronicle_timeline_view_move_begin (fixture->view, x, y));
  chronicle_timeline_view_move_update (fixture->view, 12.0 * px_per_day);
  /* The sidebar never goes to the overview on the way (a GtkStack
   * transition there and back could stay on the overview). */
  g_signal_connect (fixture->sidebar, "notify::event", G_CALLBACK (on_sidebar_event_cb), &n_cleared);
  chronicle_timeline_view_move_end (fixture->view);
  g_clear_pointer (&iso, g_free);
  iso = dup_iso (lookup (fixture, "invasion"));
  g_assert_cmpstr (iso, ==, "2022-03-08");
  assert_shows_selected (fixture, "invasion");
  chronicle_document_undo (fixture->document);
  assert_shows_selected (fixture, "invasion");
  chronicle_document_redo (fixture->document);
  assert_shows_selected (fixture, "invasion");
  chronicle_document_undo (fixture->document);
  g_signal_handlers_disconnect_by_func (fixture->sidebar, on_sidebar_event_cb, &n_cleared);
  g_assert_cmpuint (n_cleared, ==, 0);

  /* A month-precision event moves by months: 20 days round to one. */
  g_assert_true (chronicle_document_select_id (fixture->document, "talks-2022"));
  chronicle_timeline_view_reveal_selected (fixture->view, TRUE);
  px_per_day = get_px_per_day (fixture);
  get_selected_point (fixture, &x, &y);
  g_assert_true (chronicle_timeline_view_move_begin (fixture->view, x, y));
  chronicle_timeline_view_move_update (fixture->view, 20.0 * px_per_day);
  chronicle_timeline_view_move_end (fixture->view);
  g_clear_pointer (&iso, g_free);
  iso = dup_iso (lookup (fixture, "talks-2022"));
  g_assert_cmpstr (iso, ==, "2022-04");
}

static gboolean
is_settled (gpointer data)
{
  ChronicleTimelineView *view = data;

  return view->reselect_source == 0;
}

/* Moves the selected event by @days as the editor would, and waits for
 * the chart to follow. */
static void
move_selected_by_days (Fixture *fixture,
                       double   days)
{
  ChronicleEvent *event = chronicle_timeline_view_get_selected_event (fixture->view);
  g_autoptr(ChronicleEvent) moved = NULL;
  g_autoptr(GError) error = NULL;

  moved = chronicle_event_copy_moved (event, days * 86400.0, &error);
  g_assert_no_error (error);
  g_assert_true (chronicle_document_replace_event (fixture->document, chronicle_event_get_id (event), moved,
                                                   "Edit Event", &error));
  g_assert_no_error (error);
  chronicle_test_wait_for (is_settled, fixture->view, CHRONICLE_TEST_WAIT_MS);
}

/* Where the selected event (marker and label) is on screen. */
static void
get_selected_extent (Fixture *fixture,
                     double  *left,
                     double  *right)
{
  const ChronicleLayout *layout = chronicle_timeline_view_get_layout (fixture->view);
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (fixture->view);
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (fixture->view);
  guint position;
  const ChronicleLayoutItem *item;

  g_assert_true (chronicle_timeline_find_event (timeline, selected, &position));
  item = chronicle_layout_find_event (layout, position);
  g_assert_nonnull (item);
  g_assert_cmpfloat (item->label.width, >, 0);
  *left = MIN (item->x, item->label.x);
  *right = MAX (item->x, item->label.x + item->label.width);
}

/* An edit that moves the selected event out of view: the chart follows
 * it by the least pan (no jump to the centre); one that leaves it in view
 * does not move the chart. */
static void
test_edit_keeps_in_view (Fixture       *fixture,
                         gconstpointer  data)
{
  double width = gtk_widget_get_width (GTK_WIDGET (fixture->view));
  double v0, v1, w0, w1, left, right, px_per_day, days;

  g_assert_true (chronicle_document_select_id (fixture->document, "trump-no-movement"));
  chronicle_timeline_view_reveal_selected (fixture->view, TRUE);
  px_per_day = get_px_per_day (fixture);
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (fixture->view), &v0, &v1);

  /* A day on: still in view, the chart stays. */
  move_selected_by_days (fixture, 1.0);
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (fixture->view), &w0, &w1);
  g_assert_cmpfloat (fabs (w0 - v0), <, 1.0);
  g_assert_cmpfloat (fabs (w1 - v1), <, 1.0);

  /* Just past the left edge: in view again, by a short pan. */
  get_selected_extent (fixture, &left, &right);
  days = ceil (right / px_per_day) + 1.0;
  move_selected_by_days (fixture, -days);
  get_selected_extent (fixture, &left, &right);
  g_assert_cmpfloat (left, >=, 0.0);
  g_assert_cmpfloat (right, <=, width);
  /* Centred, it would start near half the width. */
  g_assert_cmpfloat (left, <, width * 0.25);

  /* Undo takes it back where it was: followed there too. */
  chronicle_document_undo (fixture->document);
  chronicle_test_wait_for (is_settled, fixture->view, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpstr (chronicle_event_get_id (chronicle_timeline_view_get_selected_event (fixture->view)), ==,
                   "trump-no-movement");
  get_selected_extent (fixture, &left, &right);
  g_assert_cmpfloat (left, >=, 0.0);
  g_assert_cmpfloat (right, <=, width);
  g_assert_cmpfloat (right, >, width * 0.75);
}

static gboolean
shows_part (ChronicleSidebar *sidebar,
            const char       *name)
{
  GObject *part = gtk_widget_get_template_child (GTK_WIDGET (sidebar), CHRONICLE_TYPE_SIDEBAR, name);

  g_assert_nonnull (part);
  return gtk_widget_get_visible (GTK_WIDGET (part));
}

/* In story mode the card shows the event's date, title and summary; the
 * sidebar does not repeat them, and shows them again afterwards. */
static void
test_story_mode_sidebar (Fixture       *fixture,
                         gconstpointer  data)
{
  g_assert_true (chronicle_document_select_id (fixture->document, "invasion"));
  g_assert_true (shows_part (fixture->sidebar, "title_label"));
  g_assert_true (shows_part (fixture->sidebar, "summary_label"));

  chronicle_timeline_view_set_story_mode (fixture->view, TRUE);
  g_assert_nonnull (chronicle_sidebar_get_event (fixture->sidebar));
  g_assert_false (shows_part (fixture->sidebar, "date_label"));
  g_assert_false (shows_part (fixture->sidebar, "title_label"));
  g_assert_false (shows_part (fixture->sidebar, "summary_label"));
  g_assert_true (shows_part (fixture->sidebar, "category_label"));
  /* The next event too. */
  g_assert_true (chronicle_timeline_view_story_step (fixture->view, +1));
  g_assert_false (shows_part (fixture->sidebar, "title_label"));
  g_assert_false (shows_part (fixture->sidebar, "summary_label"));

  chronicle_timeline_view_set_story_mode (fixture->view, FALSE);
  g_assert_true (shows_part (fixture->sidebar, "date_label"));
  g_assert_true (shows_part (fixture->sidebar, "title_label"));
  g_assert_true (shows_part (fixture->sidebar, "summary_label"));
}

static gboolean
is_loaded (gpointer data)
{
  return chronicle_timeline_page_get_timeline (CHRONICLE_TIMELINE_PAGE (data)) != NULL &&
         !chronicle_timeline_page_get_loading (CHRONICLE_TIMELINE_PAGE (data));
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

/* An event with many quotes lists them a page at a time: 100 000 quotes,
 * a row each, took minutes to open. */
static void
test_many_quotes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Many\", "
                                          "\"events\": [{\"id\": \"e1\", \"date\": \"2025-05-16\", \"title\": \"Talks\", "
                                          "\"quotes\": [");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-editor-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  ChronicleTimelinePage *page;
  ChronicleSidebar *sidebar;
  ChronicleDocument *document;
  ChronicleEventEditor *editor;
  ChronicleEvent *event;
  GtkWidget *list;

  g_assert_no_error (error);
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (json, "%s{\"text\": \"Quote %u\"}", i > 0 ? ", " : "", i);
  g_string_append (json, "]}]}\n");
  path = g_build_filename (dir, "many.json", NULL);
  g_file_set_contents (path, json->str, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  chronicle_window_open (fixture->window, file);
  page = chronicle_window_get_current_page (fixture->window);
  chronicle_test_wait_for (is_loaded, page, CHRONICLE_TEST_WAIT_MS);
  sidebar = chronicle_timeline_page_get_sidebar (page);
  document = chronicle_timeline_page_get_document (page);

  g_assert_true (chronicle_document_select_id (document, "e1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.edit", NULL));
  editor = chronicle_sidebar_get_editor (sidebar);
  list = get_part (editor, "quotes_list");

  g_assert_cmpuint (count_rows (list), ==, 50);
  g_assert_true (gtk_widget_get_visible (get_part (editor, "quote_pager")));
  g_assert_cmpstr (get_label (editor, "quote_pager_label"), ==, "1–50 of 120");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.quotes-next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.quotes-next", NULL));
  g_assert_cmpstr (get_label (editor, "quote_pager_label"), ==, "101–120 of 120");
  g_assert_cmpuint (count_rows (list), ==, 20);

  /* The first row of the last page is quote 100: removed, it is gone from
   * the event and no other. */
  activate_on_quote_row (editor, 0, "editor.quote-remove");
  g_assert_cmpstr (get_label (editor, "quote_pager_label"), ==, "101–119 of 119");
  g_assert_true (chronicle_event_editor_apply (editor, NULL));
  event = chronicle_document_get_selected_event (document);
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 119);
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_event_get_quote (event, 99)), ==, "Quote 99");
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_event_get_quote (event, 100)), ==, "Quote 101");

  chronicle_test_remove_dir (dir);
}

/* A text too long for a field (a 1 MB summary took ten seconds to lay
 * out) is shown as a notice and kept as it is. */
static void
test_long_text_kept (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-editor-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  ChronicleTimelinePage *page;
  ChronicleDocument *document;
  ChronicleEventEditor *editor;
  GtkTextView *view;
  ChronicleEvent *event;

  g_assert_no_error (error);
  while (summary->len < 200 * 1024)
    g_string_append (summary, "word ");
  g_string_printf (json, "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Long\", "
                         "\"events\": [{\"id\": \"e1\", \"date\": \"2025-05-16\", \"title\": \"Talks\", "
                         "\"summary\": \"%s\"}]}\n", summary->str);
  path = g_build_filename (dir, "long.json", NULL);
  g_file_set_contents (path, json->str, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  chronicle_window_open (fixture->window, file);
  page = chronicle_window_get_current_page (fixture->window);
  chronicle_test_wait_for (is_loaded, page, CHRONICLE_TEST_WAIT_MS);
  document = chronicle_timeline_page_get_document (page);

  g_assert_true (chronicle_document_select_id (document, "e1"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.edit", NULL));
  editor = chronicle_sidebar_get_editor (chronicle_timeline_page_get_sidebar (page));
  view = GTK_TEXT_VIEW (get_part (editor, "summary_view"));
  g_assert_false (gtk_text_view_get_editable (view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (view)), <, 200);

  set_text (editor, "title_row", "Talks, retitled");
  g_assert_true (chronicle_event_editor_apply (editor, NULL));
  event = chronicle_document_get_selected_event (document);
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Talks, retitled");
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, summary->str);

  chronicle_test_remove_dir (dir);
}

static gboolean
has_kept_member (gpointer    object,
                 const char *name)
{
  ChronicleKept *kept = chronicle_kept_get (object);
  const ChronicleKeptMember *members;
  guint n = 0;

  if (kept == NULL)
    return FALSE;
  members = chronicle_kept_get_members (kept, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (members[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/* What the file had beyond the model stays through an edit of the event
 * and of its quote (a later save writes it back), and so do its media,
 * which the editor does not show. */
static void
test_edit_keeps_unknown_members (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const char json[] =
    "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Kept\", \"events\": ["
    "{\"id\": \"e1\", \"date\": \"2025-05-16\", \"title\": \"Talks\", \"confidence\": 0.8, "
    "\"quotes\": [{\"text\": \"We will see.\", \"lang\": \"en\"}],"
    " \"media\": [{\"url\": \"https://example.org/a.jpg\", \"caption\": \"At the table\", \"credit\": \"J. Doe\"}]}]}\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-editor-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  ChronicleTimelinePage *page;
  ChronicleDocument *document;
  ChronicleEventEditor *editor;
  ChronicleEvent *event;

  g_assert_no_error (error);
  path = g_build_filename (dir, "kept.json", NULL);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  chronicle_window_open (fixture->window, file);
  page = chronicle_window_get_current_page (fixture->window);
  chronicle_test_wait_for (is_loaded, page, CHRONICLE_TEST_WAIT_MS);
  document = chronicle_timeline_page_get_document (page);
  g_assert_true (chronicle_document_select_id (document, "e1"));
  event = chronicle_document_get_selected_event (document);
  g_assert_true (has_kept_member (event, "confidence"));
  g_assert_true (has_kept_member (chronicle_event_get_quote (event, 0), "lang"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.edit", NULL));
  editor = chronicle_sidebar_get_editor (chronicle_timeline_page_get_sidebar (page));
  set_text (editor, "title_row", "Talks, retitled");
  /* The quote opened, its speaker given. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_part (editor, "quotes_list")), 0))));
  set_text (editor, "quote_speaker_row", "A. Diplomat");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close-quote", NULL));
  g_assert_true (chronicle_event_editor_apply (editor, NULL));

  event = chronicle_document_get_selected_event (document);
  g_assert_cmpstr (chronicle_event_get_title (event), ==, "Talks, retitled");
  g_assert_true (has_kept_member (event, "confidence"));
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
  g_assert_cmpstr (chronicle_quote_get_speaker (chronicle_event_get_quote (event, 0)), ==, "A. Diplomat");
  g_assert_true (has_kept_member (chronicle_event_get_quote (event, 0), "lang"));
  g_assert_cmpuint (chronicle_event_get_n_media (event), ==, 1);
  g_assert_cmpstr (chronicle_media_get_credit (chronicle_event_get_media (event, 0)), ==, "J. Doe");

  chronicle_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  /* The chart animates its moves: these tests read where they end. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = chronicle_test_ui_start_app ();

  g_test_add ("/editor/edit-title-and-date", Fixture, NULL,
              fixture_setup, test_edit_title_and_date, fixture_teardown);
  g_test_add ("/editor/invalid-date", Fixture, NULL,
              fixture_setup, test_invalid_date, fixture_teardown);
  g_test_add ("/editor/quotes", Fixture, NULL,
              fixture_setup, test_quotes, fixture_teardown);
  g_test_add ("/editor/edit-detached", Fixture, NULL,
              fixture_setup, test_edit_detached, fixture_teardown);
  g_test_add ("/editor/new-category", Fixture, NULL,
              fixture_setup, test_new_category, fixture_teardown);
  g_test_add ("/editor/add-duplicate-delete", Fixture, NULL,
              fixture_setup, test_add_duplicate_delete, fixture_teardown);
  g_test_add ("/editor/story-mode-sidebar", Fixture, NULL, fixture_setup, test_story_mode_sidebar,
              fixture_teardown);
  g_test_add ("/editor/edit-keeps-in-view", Fixture, NULL, fixture_setup, test_edit_keeps_in_view, fixture_teardown);
  g_test_add ("/editor/drag-moves-by-days", Fixture, NULL,
              fixture_setup, test_drag_moves_by_days, fixture_teardown);
  g_test_add ("/editor/many-quotes", Fixture, NULL,
              fixture_setup, test_many_quotes, fixture_teardown);
  g_test_add ("/editor/long-text-kept", Fixture, NULL,
              fixture_setup, test_long_text_kept, fixture_teardown);
  g_test_add ("/editor/keeps-unknown-members", Fixture, NULL,
              fixture_setup, test_edit_keeps_unknown_members, fixture_teardown);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);

  return status;
}
