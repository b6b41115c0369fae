/* test-navigation.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-navigation"

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "chronicle-document.h"
#include "chronicle-document-private.h"
#include "chronicle-layout.h"
#include "chronicle-overview.h"
#include "chronicle-overview-private.h"
#include "chronicle-story-card.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-view.h"
#include "chronicle-timeline-view-private.h"

#define ZOOM_STEP            1.25

typedef struct
{
  GtkWindow             *window;
  ChronicleTimelineView *view;
  ChronicleOverview     *overview;
  ChronicleStoryCard    *card;
  ChronicleTimeline     *timeline;
  guint                  n;
} Fixture;

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_still (gpointer data)
{
  return !chronicle_timeline_view_is_moving (CHRONICLE_TIMELINE_VIEW (data));
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  set_animations (FALSE);

  fixture->timeline = chronicle_test_load_example ();
  fixture->n = chronicle_timeline_get_n_events (fixture->timeline);
  g_assert_cmpuint (fixture->n, >=, 3);

  fixture->view = CHRONICLE_TIMELINE_VIEW (chronicle_timeline_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (fixture->view), TRUE);
  fixture->card = CHRONICLE_STORY_CARD (chronicle_story_card_new (fixture->view));
  fixture->overview = CHRONICLE_OVERVIEW (chronicle_overview_new (fixture->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->card));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->overview));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  gtk_window_set_child (fixture->window, box);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (fixture->window);

  chronicle_timeline_view_set_timeline (fixture->view, fixture->timeline);
  chronicle_test_wait_for (is_allocated, fixture->view, CHRONICLE_TEST_WAIT_MS);
  chronicle_test_wait_for (is_allocated, fixture->overview, CHRONICLE_TEST_WAIT_MS);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->view));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_nonnull (fixture->window);
  chronicle_test_destroy_window (&fixture->window);
  g_assert_finalize_object (fixture->timeline);
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), action, NULL));
}

static void
get_range (Fixture *fixture,
           double  *start,
           double  *end)
{
  chronicle_viewport_get_visible_range (chronicle_timeline_view_get_viewport (fixture->view), start, end);
}

static double
get_width_seconds (Fixture *fixture)
{
  double start, end;

  get_range (fixture, &start, &end);
  return end - start;
}

static guint
get_selected_position (Fixture *fixture)
{
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (fixture->view);
  guint position = G_MAXUINT;

  g_assert_nonnull (selected);
  g_assert_true (chronicle_timeline_find_event (fixture->timeline, selected, &position));

  return position;
}

static void
assert_selected_on_screen (Fixture *fixture)
{
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (fixture->view);
  const ChronicleViewport *viewport = chronicle_timeline_view_get_viewport (fixture->view);
  double x = chronicle_viewport_to_px (viewport, chronicle_event_get_start_time (selected));
  double x2 = chronicle_viewport_to_px (viewport, chronicle_event_get_end_time (selected));

  g_assert_cmpfloat (x2, >=, 0.0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (fixture->view)));
}

static void
test_keys_bound (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } keys[] = {
    { GDK_KEY_Left, 0, "timeline.previous" },
    { GDK_KEY_Right, 0, "timeline.next" },
    { GDK_KEY_space, 0, "timeline.next" },
    { GDK_KEY_Home, 0, "timeline.first" },
    { GDK_KEY_End, 0, "timeline.last" },
    { GDK_KEY_plus, 0, "timeline.zoom-in" },
    { GDK_KEY_KP_Add, 0, "timeline.zoom-in" },
    { GDK_KEY_equal, 0, "timeline.zoom-in" },
    { GDK_KEY_minus, 0, "timeline.zoom-out" },
    { GDK_KEY_KP_Subtract, 0, "timeline.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit" },
    { GDK_KEY_Return, 0, "timeline.zoom-to-selection" },
    { GDK_KEY_KP_Enter, 0, "timeline.zoom-to-selection" },
    { GDK_KEY_Escape, 0, "timeline.clear-selection" },
    { GDK_KEY_F5, 0, "timeline.story-mode" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_test_message ("key %s", gdk_keyval_name (keys[i].keyval));
      g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->view), keys[i].keyval,
                                                     keys[i].modifiers, keys[i].action));
    }

  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->overview), GDK_KEY_Left, 0, "overview.back"));
  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (fixture->overview), GDK_KEY_Right, 0,
                                                 "overview.forward"));
}

static void
test_select_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_null (chronicle_timeline_view_get_selected_event (fixture->view));

  /* Right from no selection: the first event, then the second. */
  activate (fixture, "timeline.next");
  g_assert_cmpuint (get_selected_position (fixture), ==, 0);
  activate (fixture, "timeline.next");
  g_assert_cmpuint (get_selected_position (fixture), ==, 1);
  assert_selected_on_screen (fixture);

  /* Left goes back. */
  activate (fixture, "timeline.previous");
  g_assert_cmpuint (get_selected_position (fixture), ==, 0);

  /* End and Home: last and first, each brought on screen. */
  activate (fixture, "timeline.last");
  g_assert_cmpuint (get_selected_position (fixture), ==, fixture->n - 1);
  assert_selected_on_screen (fixture);
  activate (fixture, "timeline.first");
  g_assert_cmpuint (get_selected_position (fixture), ==, 0);
  assert_selected_on_screen (fixture);

  /* Left at the first event keeps it. */
  activate (fixture, "timeline.previous");
  g_assert_cmpuint (get_selected_position (fixture), ==, 0);

  /* Escape clears the selection. */
  activate (fixture, "timeline.clear-selection");
  g_assert_null (chronicle_timeline_view_get_selected_event (fixture->view));
}

static void
test_zoom_keys (Fixture       *fixture,
                gconstpointer  data)
{
  double fit_start, fit_end, start, end, before;

  get_range (fixture, &fit_start, &fit_end);

  /* "+" shows a 1.25 times narrower window, "−" widens it back. */
  before = get_width_seconds (fixture);
  activate (fixture, "timeline.zoom-in");
  g_assert_cmpfloat_with_epsilon (before / get_width_seconds (fixture), ZOOM_STEP, 0.05);
  activate (fixture, "timeline.zoom-in");
  activate (fixture, "timeline.zoom-out");
  g_assert_cmpfloat_with_epsilon (before / get_width_seconds (fixture), ZOOM_STEP, 0.05);

  /* No closer than a minute however often "+" is pressed. */
  for (guint i = 0; i < 200; i++)
    activate (fixture, "timeline.zoom-in");
  g_assert_cmpfloat (get_width_seconds (fixture), >=, 60.0 - 1e-6);
  g_assert_cmpfloat (get_width_seconds (fixture), <, 61.0);

  /* No wider than the whole timeline and its margin. */
  for (guint i = 0; i < 200; i++)
    activate (fixture, "timeline.zoom-out");
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (start, >=, fit_start - 1.0);
  g_assert_cmpfloat (end, <=, fit_end + 1.0);

  /* Ctrl+0 fits again after a zoom. */
  activate (fixture, "timeline.zoom-in");
  activate (fixture, "timeline.zoom-in");
  g_assert_cmpfloat (get_width_seconds (fixture), <, (fit_end - fit_start) / 1.5);
  activate (fixture, "timeline.fit");
  get_range (fixture, &start, &end);
  g_assert_cmpfloat_with_epsilon (start, fit_start, 1.0);
  g_assert_cmpfloat_with_epsilon (end, fit_end, 1.0);
}

static void
test_enter_zooms_to_selection (Fixture       *fixture,
                               gconstpointer  data)
{
  ChronicleEvent *event;
  double start, end, before, mid;

  /* Without a selection, Enter does nothing. */
  before = get_width_seconds (fixture);
  activate (fixture, "timeline.zoom-to-selection");
  g_assert_cmpfloat (get_width_seconds (fixture), ==, before);

  activate (fixture, "timeline.last");
  activate (fixture, "timeline.fit");
  event = chronicle_timeline_view_get_selected_event (fixture->view);
  activate (fixture, "timeline.zoom-to-selection");

  /* Close around the event, which is in the middle. */
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (end - start, <, before / 10.0);
  mid = (chronicle_event_get_start_time (event) + chronicle_event_get_end_time (event)) / 2.0;
  g_assert_cmpfloat (start, <=, chronicle_event_get_start_time (event));
  g_assert_cmpfloat (end, >=, chronicle_event_get_end_time (event));
  g_assert_cmpfloat_with_epsilon ((mid - start) / (end - start), 0.5, 0.01);
  g_assert_true (chronicle_timeline_view_get_selected_event (fixture->view) == event);
}

static void
test_selection_persists (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(ChronicleTimeline) reloaded = chronicle_test_load_example ();
  g_autoptr(ChronicleTimeline) without = chronicle_timeline_new ("Without");
  ChronicleEvent *event;
  g_autofree char *id = NULL;

  activate (fixture, "timeline.next");
  activate (fixture, "timeline.next");
  event = chronicle_timeline_view_get_selected_event (fixture->view);
  id = g_strdup (chronicle_event_get_id (event));

  /* Zoom, pan and fit keep it. */
  activate (fixture, "timeline.zoom-in");
  chronicle_timeline_view_scroll_to (fixture->view, chronicle_event_get_start_time (event) + 86400.0 * 30, FALSE);
  activate (fixture, "timeline.fit");
  g_assert_true (chronicle_timeline_view_get_selected_event (fixture->view) == event);

  /* A reload (new event objects) keeps the event with the same id. */
  chronicle_timeline_view_set_timeline (fixture->view, reloaded);
  event = chronicle_timeline_view_get_selected_event (fixture->view);
  g_assert_nonnull (event);
  g_assert_cmpstr (chronicle_event_get_id (event), ==, id);
  g_assert_true (chronicle_timeline_lookup_event (reloaded, id) == event);

  /* A timeline without it (a filter hid it): no selection. */
  for (guint i = 0; i < chronicle_timeline_get_n_events (reloaded); i++)
    {
      ChronicleEvent *other = chronicle_timeline_get_event (reloaded, i);

      if (g_strcmp0 (chronicle_event_get_id (other), id) != 0)
        chronicle_timeline_add_event (without, other);
    }
  chronicle_timeline_view_set_timeline (fixture->view, without);
  g_assert_null (chronicle_timeline_view_get_selected_event (fixture->view));

  chronicle_timeline_view_set_timeline (fixture->view, fixture->timeline);
}

static void
test_story_mode (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *second = NULL;
  ChronicleEvent *event;
  double start, end;

  g_assert_false (chronicle_timeline_view_get_story_mode (fixture->view));

  /* F5 enters story mode at the first event, with the card. */
  activate (fixture, "timeline.story-mode");
  g_assert_true (chronicle_timeline_view_get_story_mode (fixture->view));
  g_assert_cmpuint (get_selected_position (fixture), ==, 0);
  g_assert_cmpstr (chronicle_story_card_get_position_text (fixture->card), ==,
                   (second = g_strdup_printf ("1 of %u", fixture->n)));
  g_clear_pointer (&second, g_free);
  event = chronicle_timeline_get_event (fixture->timeline, 0);
  g_assert_cmpstr (chronicle_story_card_get_title_text (fixture->card), ==, chronicle_event_get_title (event));

  /* Right steps to the next event, shown centred. */
  activate (fixture, "timeline.next");
  second = g_strdup_printf ("2 of %u", fixture->n);
  g_assert_cmpstr (chronicle_story_card_get_position_text (fixture->card), ==, second);
  event = chronicle_timeline_get_event (fixture->timeline, 1);
  g_assert_true (chronicle_timeline_view_get_selected_event (fixture->view) == event);
  g_assert_cmpstr (chronicle_story_card_get_title_text (fixture->card), ==, chronicle_event_get_title (event));
  {
    g_autofree char *name = g_strdup_printf ("Story, event 2 of %u", fixture->n);

    gtk_test_accessible_assert_property (fixture->card, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  }
  /* Its quotes, three at most (the sidebar has them all). */
  g_assert_cmpuint (chronicle_story_card_get_n_quotes (fixture->card), ==, MIN (chronicle_event_get_n_quotes (event), 3));
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (start, <=, chronicle_event_get_start_time (event));
  g_assert_cmpfloat (end, >=, chronicle_event_get_end_time (event));

  /* To the end and one more: it stays at the last. */
  for (guint i = 0; i < fixture->n; i++)
    chronicle_timeline_view_story_step (fixture->view, +1);
  g_assert_cmpuint (get_selected_position (fixture), ==, fixture->n - 1);
  {
    g_autofree char *last = g_strdup_printf ("%u of %u", fixture->n, fixture->n);

    g_assert_cmpstr (chronicle_story_card_get_position_text (fixture->card), ==, last);
  }
  g_assert_false (chronicle_timeline_view_story_step (fixture->view, +1));
  g_assert_true (chronicle_timeline_view_story_step (fixture->view, -1));
  g_assert_cmpuint (get_selected_position (fixture), ==, fixture->n - 2);

  /* Escape leaves story mode and keeps the event; a second Escape
   * clears the selection. */
  activate (fixture, "timeline.clear-selection");
  g_assert_false (chronicle_timeline_view_get_story_mode (fixture->view));
  g_assert_cmpuint (get_selected_position (fixture), ==, fixture->n - 2);
  activate (fixture, "timeline.clear-selection");
  g_assert_null (chronicle_timeline_view_get_selected_event (fixture->view));

  /* F5 also leaves; entering again starts from the selection. */
  activate (fixture, "timeline.last");
  activate (fixture, "timeline.story-mode");
  g_assert_cmpuint (get_selected_position (fixture), ==, fixture->n - 1);
  activate (fixture, "timeline.story-mode");
  g_assert_false (chronicle_timeline_view_get_story_mode (fixture->view));
}

static double
get_center (Fixture *fixture)
{
  double start, end;

  get_range (fixture, &start, &end);
  return (start + end) / 2.0;
}

static void
test_overview (Fixture       *fixture,
               gconstpointer  data)
{
  double x, w, x2, w2, center, width;
  int strip_width = gtk_widget_get_width (GTK_WIDGET (fixture->overview));

  /* Fitted: the frame covers the strip. */
  g_assert_true (chronicle_overview_get_frame (fixture->overview, &x, &w));
  g_assert_cmpfloat (x, <=, 1.0);
  g_assert_cmpfloat (x + w, >=, strip_width - 1.0);

  /* Zoomed in four times: the frame narrows with the view. */
  for (guint i = 0; i < 4; i++)
    activate (fixture, "timeline.zoom-in");
  width = get_width_seconds (fixture);
  g_assert_true (chronicle_overview_get_frame (fixture->overview, &x, &w));
  g_assert_cmpfloat_with_epsilon (w, strip_width / pow (ZOOM_STEP, 4), 1.0);

  /* A click left of the frame moves the view there, keeping the zoom. */
  center = get_center (fixture);
  g_assert_cmpfloat (x, >, 20.0);
  g_assert_true (chronicle_overview_press (fixture->overview, 10.0));
  g_assert_cmpfloat (get_center (fixture), <, center);
  g_assert_cmpfloat_with_epsilon (get_width_seconds (fixture), width, width * 1e-6);
  g_assert_true (chronicle_overview_get_frame (fixture->overview, &x2, &w2));
  /* Centred on the click, as far as the view may go past the start (its
   * middle stays on the axis, which starts inside the fitted margin). */
  g_assert_cmpfloat (x2, <, x);
  g_assert_cmpfloat (x2 + w2 / 2.0, >=, 10.0 - 1.0);
  g_assert_cmpfloat (x2 + w2 / 2.0, <=, strip_width * 0.03 + 1.0);

  /* Dragging the frame by 100 px moves the view along with it. */
  center = get_center (fixture);
  g_assert_true (chronicle_overview_press (fixture->overview, x2 + w2 / 2.0 + 2.0));
  chronicle_overview_drag_to (fixture->overview, x2 + w2 / 2.0 + 102.0);
  g_assert_cmpfloat (get_center (fixture), >, center);
  g_assert_true (chronicle_overview_get_frame (fixture->overview, &x, &w));
  g_assert_cmpfloat_with_epsilon (x, x2 + 100.0, 1.0);

  /* The keys move it by half a screen. */
  center = get_center (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->overview), "overview.forward", NULL));
  g_assert_cmpfloat (get_center (fixture), >, center);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->overview), "overview.start", NULL));
  g_assert_true (chronicle_overview_get_frame (fixture->overview, &x, &w));
  g_assert_cmpfloat (x, <=, 1.0);

  gtk_test_accessible_assert_role (fixture->overview, GTK_ACCESSIBLE_ROLE_SCROLLBAR);
  gtk_test_accessible_assert_property (fixture->overview, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Overview of the whole timeline");
}

static void
test_animation (Fixture       *fixture,
                gconstpointer  data)
{
  const ChronicleViewport *target = chronicle_timeline_view_get_viewport (fixture->view);
  const ChronicleViewport *shown;
  double before, t0, t1, s0, s1;

  set_animations (TRUE);
  before = get_width_seconds (fixture);

  /* The target is set at once; the screen follows over a few frames. */
  activate (fixture, "timeline.zoom-in");
  activate (fixture, "timeline.zoom-in");
  g_assert_cmpfloat_with_epsilon (before / get_width_seconds (fixture), ZOOM_STEP * ZOOM_STEP, 0.05);
  g_assert_true (chronicle_timeline_view_is_moving (fixture->view));
  shown = chronicle_timeline_view_get_shown_viewport (fixture->view);
  chronicle_viewport_get_visible_units (shown, &s0, &s1);
  chronicle_viewport_get_visible_units (target, &t0, &t1);
  g_assert_cmpfloat (s1 - s0, >, t1 - t0);

  chronicle_test_wait_for (is_still, fixture->view, CHRONICLE_TEST_WAIT_MS);
  shown = chronicle_timeline_view_get_shown_viewport (fixture->view);
  chronicle_viewport_get_visible_units (shown, &s0, &s1);
  chronicle_viewport_get_visible_units (target, &t0, &t1);
  g_assert_cmpfloat (s0, ==, t0);
  g_assert_cmpfloat (s1, ==, t1);

  /* Animations off: no motion at all. */
  set_animations (FALSE);
  activate (fixture, "timeline.fit");
  g_assert_false (chronicle_timeline_view_is_moving (fixture->view));
  g_assert_true (chronicle_timeline_view_get_shown_viewport (fixture->view) == target);
}

static void
test_kinetic (Fixture       *fixture,
              gconstpointer  data)
{
  double width, center, start, end, fit_start, fit_end;

  get_range (fixture, &fit_start, &fit_end);
  for (guint i = 0; i < 4; i++)
    activate (fixture, "timeline.zoom-in");
  activate (fixture, "timeline.first");
  width = get_width_seconds (fixture);
  center = get_center (fixture);

  /* Animations off: a fling does nothing. */
  g_assert_false (chronicle_timeline_view_fling (fixture->view, -3000.0));
  g_assert_cmpfloat (get_center (fixture), ==, center);

  /* On: the content glides left (later times come in), keeps the zoom,
   * and stops by itself. Too slow a release does not glide. */
  set_animations (TRUE);
  g_assert_false (chronicle_timeline_view_fling (fixture->view, -10.0));
  g_assert_true (chronicle_timeline_view_fling (fixture->view, -3000.0));
  g_assert_true (chronicle_timeline_view_is_moving (fixture->view));
  chronicle_test_wait_for (is_still, fixture->view, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpfloat (get_center (fixture), >, center);
  g_assert_cmpfloat_with_epsilon (get_width_seconds (fixture), width, width * 1e-6);

  /* However hard, it stops inside the timeline's bounds. */
  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (chronicle_timeline_view_fling (fixture->view, -1e6));
      chronicle_test_wait_for (is_still, fixture->view, CHRONICLE_TEST_WAIT_MS);
    }
  get_range (fixture, &start, &end);
  g_assert_cmpfloat ((start + end) / 2.0, <=, fit_end);
  set_animations (FALSE);
}

static void
test_accessible_selection (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronicleEvent *second = chronicle_timeline_get_event (fixture->timeline, 1);
  ChronicleEvent *last = chronicle_timeline_get_event (fixture->timeline, fixture->n - 1);
  ChronicleCategory *category =
    chronicle_timeline_lookup_category (fixture->timeline, chronicle_event_get_category_id (second));
  g_autofree char *second_date = chronicle_event_format_date (second);
  g_autofree char *last_date = chronicle_event_format_date (last);
  g_autofree char *label = NULL;
  g_autofree char *edge = NULL;

  activate (fixture, "timeline.next");
  activate (fixture, "timeline.next");

  /* The name reads the event once: place, date, title, category, the
   * summary's first sentence (the example's second event has one) and the
   * number of quotes; no neighbours. File text sits in bidi isolates. */
  g_assert_nonnull (category);
  g_assert_cmpuint (chronicle_event_get_n_quotes (second), ==, 0);
  label = g_strdup_printf ("Event 2 of %u: %s. \u2068%s\u2069. Category: \u2068%s\u2069. \u2068%s\u2069 No quotes.",
                           fixture->n, second_date, chronicle_event_get_title (second),
                           chronicle_category_get_label (category), chronicle_event_get_summary (second));
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL, label);

  /* A step past the last event says so, with the event it stays on. */
  activate (fixture, "timeline.last");
  activate (fixture, "timeline.next");
  edge = g_strdup_printf ("No later event. Event %u of %u, the last event: %s. \u2068%s\u2069.",
                          fixture->n, fixture->n, last_date, chronicle_event_get_title (last));
  gtk_test_accessible_assert_property (fixture->view, GTK_ACCESSIBLE_PROPERTY_LABEL, edge);
}

/* The shortcuts window lists the chart's keys (as accelerators, since the
 * window cannot read a widget's bindings) and the window's story action. */
static void
test_help_overlay_lists_keys (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) accelerators = g_string_new (" ");
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  static const char * const keys[] = { "Left", "Right", "space", "Home", "End", "plus", "minus",
                                       "Return", "Escape" };
  g_autoptr(GSList) objects = NULL;
  GObject *overlay;

  gtk_builder_add_from_resource (builder, RESOURCE_PATH "/gtk/help-overlay.ui", &error);
  g_assert_no_error (error);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_nonnull (overlay);

  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action, NULL);
      if (accelerator != NULL)
        g_string_append_printf (accelerators, "%s ", accelerator);
      if (action != NULL)
        g_ptr_array_add (actions, g_steal_pointer (&action));
    }

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *token = g_strdup_printf (" %s ", keys[i]);

      g_test_message ("key %s", keys[i]);
      g_assert_nonnull (strstr (accelerators->str, token));
    }

  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.story", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.search", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.fit", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.zoom-in", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.zoom-out", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.previous-event", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "win.next-event", g_str_equal, NULL));

  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* Checks the view's layout against what was seen before: the axis where
 * it was, every event on the side of the axis it had. */
static void
assert_layout_kept (Fixture    *fixture,
                    GHashTable *sides,
                    double     *axis_y)
{
  const ChronicleLayout *layout = chronicle_timeline_view_get_layout (fixture->view);
  ChronicleTimeline *timeline = chronicle_layout_get_timeline (layout);
  const ChronicleLayoutItem *items;
  guint n_items;

  g_assert_nonnull (layout);
  if (*axis_y < 0)
    *axis_y = chronicle_layout_get_axis_y (layout);
  g_assert_cmpfloat (chronicle_layout_get_axis_y (layout), ==, *axis_y);

  items = chronicle_layout_get_items (layout, &n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const char *id;
      gpointer side;

      if (items[i].kind == CHRONICLE_ITEM_CLUSTER)
        continue;
      id = chronicle_event_get_id (chronicle_timeline_get_event (timeline, items[i].first_event));
      side = GINT_TO_POINTER (items[i].lane > 0 ? 1 : 2);
      if (!g_hash_table_contains (sides, id))
        g_hash_table_insert (sides, g_strdup (id), side);
      else if (g_hash_table_lookup (sides, id) != side)
        g_error ("event %s moved to the other side of the axis", id);
    }
}

static GtkGesture *
find_drag (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_DRAG (controller))
        return GTK_GESTURE (controller);
    }
  return NULL;
}

/* The layout holds still while the user moves: through a drag, zooming
 * in and out and story mode, the axis stays at one height and no event
 * changes side. (Once, the axis moved with the lanes in use, and every
 * event took the nearest free lane on either side.) */
static void
test_layout_stable (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) sides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkGesture *drag = find_drag (GTK_WIDGET (fixture->view));
  double axis_y = -1;

  g_assert_nonnull (drag);
  assert_layout_kept (fixture, sides, &axis_y);

  for (guint i = 0; i < 3; i++)
    {
      activate (fixture, "timeline.zoom-in");
      assert_layout_kept (fixture, sides, &axis_y);
    }

  /* A drag, frame by frame, both ways. */
  g_signal_emit_by_name (drag, "drag-begin", 500.0, 300.0);
  for (int step = 1; step <= 20; step++)
    {
      g_signal_emit_by_name (drag, "drag-update", (double) (step <= 10 ? -60 * step : -600 + 90 * (step - 10)), 0.0);
      assert_layout_kept (fixture, sides, &axis_y);
    }
  g_signal_emit_by_name (drag, "drag-end", 300.0, 0.0);
  assert_layout_kept (fixture, sides, &axis_y);

  activate (fixture, "timeline.zoom-out");
  assert_layout_kept (fixture, sides, &axis_y);
  activate (fixture, "timeline.fit");
  assert_layout_kept (fixture, sides, &axis_y);

  /* Story mode, through every event. */
  activate (fixture, "timeline.story-mode");
  assert_layout_kept (fixture, sides, &axis_y);
  for (guint i = 1; i < fixture->n; i++)
    {
      activate (fixture, "timeline.next");
      assert_layout_kept (fixture, sides, &axis_y);
    }
  activate (fixture, "timeline.story-mode");
  activate (fixture, "timeline.fit");
  assert_layout_kept (fixture, sides, &axis_y);
}

static void
assert_range_is (Fixture *fixture,
                 double   start,
                 double   end)
{
  double now_start, now_end;

  get_range (fixture, &now_start, &now_end);
  g_assert_cmpfloat_with_epsilon (now_start, start, 1.0);
  g_assert_cmpfloat_with_epsilon (now_end, end, 1.0);
}

/* An edit, undo or redo keeps the stretch the user zoomed into, even when
 * it moves the timeline's bounds (the axis is rebuilt on every change);
 * only a new timeline is fitted (issue #13). */
static void
test_edit_keeps_zoom (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(ChronicleDocument) document = chronicle_document_new ();
  g_autoptr(ChronicleEvent) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_id = NULL;
  ChronicleEvent *event;
  double fit_start, fit_end, start, end;

  chronicle_document_set_timeline (document, fixture->timeline);
  g_assert_true (chronicle_document_get_filtered_timeline (document) == fixture->timeline);
  get_range (fixture, &fit_start, &fit_end);
  activate (fixture, "timeline.zoom-in");
  activate (fixture, "timeline.zoom-in");
  activate (fixture, "timeline.zoom-in");
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (end - start, <, (fit_end - fit_start) / 1.5);

  /* A title: the same bounds. */
  event = chronicle_timeline_get_event (fixture->timeline, fixture->n / 2);
  changed = chronicle_event_copy (event);
  chronicle_event_set_title (changed, "Edited");
  g_assert_true (chronicle_document_replace_event (document, chronicle_event_get_id (event), changed,
                                                   "Edit Event", &error));
  g_assert_no_error (error);
  assert_range_is (fixture, start, end);

  /* The first event gone: the axis starts later. */
  first_id = g_strdup (chronicle_event_get_id (chronicle_timeline_get_event (fixture->timeline, 0)));
  g_assert_true (chronicle_document_remove_event (document, first_id, &error));
  g_assert_no_error (error);
  assert_range_is (fixture, start, end);

  chronicle_document_undo (document);
  assert_range_is (fixture, start, end);
  chronicle_document_undo (document);
  assert_range_is (fixture, start, end);
  chronicle_document_redo (document);
  assert_range_is (fixture, start, end);

  /* Fit still shows the whole timeline as it is now. */
  activate (fixture, "timeline.fit");
  get_range (fixture, &start, &end);
  g_assert_cmpfloat (end - start, >, (fit_end - fit_start) / 1.5);
}

int
main (int   argc,
      char *argv[])
{
  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/navigation/keys-bound", test_keys_bound);
  ADD ("/navigation/select-keys", test_select_keys);
  ADD ("/navigation/zoom-keys", test_zoom_keys);
  ADD ("/navigation/enter-zooms-to-selection", test_enter_zooms_to_selection);
  ADD ("/navigation/selection-persists", test_selection_persists);
  ADD ("/navigation/story-mode", test_story_mode);
  ADD ("/navigation/overview", test_overview);
  ADD ("/navigation/animation", test_animation);
  ADD ("/navigation/kinetic", test_kinetic);
  ADD ("/navigation/accessible-selection", test_accessible_selection);
  ADD ("/navigation/layout-stable", test_layout_stable);
  ADD ("/navigation/edit-keeps-zoom", test_edit_keeps_zoom);

#undef ADD

  g_test_add_func ("/navigation/help-overlay-lists-keys", test_help_overlay_lists_keys);

  return g_test_run ();
}
