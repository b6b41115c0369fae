/* test-search-ui.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-search-ui"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "chronicle-application.h"
#include "chronicle-category-color.h"
#include "chronicle-filter-popover.h"
#include "chronicle-layout-private.h"
#include "chronicle-search-bar.h"
#include "chronicle-sidebar.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-view.h"
#include "chronicle-timeline-view-private.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

static ChronicleApplication *app;

typedef struct
{
  ChronicleWindow       *window;
  ChronicleTimelinePage *page;
  ChronicleTimelineView *view;
  ChronicleSearchBar    *bar;
  GFile                 *crowded;  /* a file the test wrote, or NULL */
} Fixture;

static gboolean
is_idle (gpointer data)
{
  return !chronicle_window_is_loading (CHRONICLE_WINDOW (data));
}

static gboolean
has_layout (gpointer data)
{
  return chronicle_timeline_view_get_layout (CHRONICLE_TIMELINE_VIEW (data)) != NULL;
}

static void
run_pending (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
open_file (Fixture *fixture,
           GFile   *file)
{
  fixture->window = chronicle_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 760);
  gtk_window_present (GTK_WINDOW (fixture->window));

  chronicle_window_open (fixture->window, file);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);

  fixture->page = chronicle_window_get_current_page (fixture->window);
  g_assert_nonnull (fixture->page);
  fixture->view = chronicle_timeline_page_get_timeline_view (fixture->page);
  fixture->bar = chronicle_timeline_page_get_search_bar (fixture->page);
  g_assert_nonnull (chronicle_timeline_view_get_timeline (fixture->view));
  chronicle_test_wait_for (has_layout, fixture->view, CHRONICLE_TEST_WAIT_MS);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = chronicle_test_example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);

  open_file (fixture, file);
}

/* The example with ten more events on 16 May 2025, a day that already
 * has seven, all without a time: more than the chart has lanes for. */
static void
fixture_setup_crowded (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = chronicle_test_example_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *events;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "events");
  for (guint i = 0; i < 10; i++)
    {
      JsonObject *event = json_object_new ();
      g_autofree char *id = g_strdup_printf ("crowd-%u", i);
      g_autofree char *title = g_strdup_printf ("Another report from Istanbul %u", i);

      json_object_set_string_member (event, "id", id);
      json_object_set_string_member (event, "date", "2025-05-16");
      json_object_set_string_member (event, "title", title);
      json_array_add_object_element (events, event);
    }
  json_generator_set_root (generator, json_parser_get_root (parser));
  contents = json_generator_to_data (generator, NULL);

  fixture->crowded = g_file_new_tmp ("chronicle-crowded-XXXXXX.json", &stream, &error);
  g_assert_no_error (error);
  g_file_replace_contents (fixture->crowded, contents, strlen (contents), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  open_file (fixture, fixture->crowded);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  chronicle_test_destroy_window (&fixture->window);
  if (fixture->crowded != NULL)
    {
      g_file_delete (fixture->crowded, NULL, NULL);
      g_clear_object (&fixture->crowded);
    }
}

static ChronicleEvent *
lookup_event (Fixture    *fixture,
              const char *id)
{
  ChronicleEvent *event = chronicle_timeline_lookup_event (chronicle_search_bar_get_timeline (fixture->bar), id);

  g_assert_nonnull (event);
  return event;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
get_window_subtitle (Fixture *fixture)
{
  GtkWidget *title = find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_WINDOW_TITLE);

  g_assert_nonnull (title);
  return adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title));
}

static guint
count_category (ChronicleTimeline *timeline,
                const char        *category_id)
{
  guint n = 0;

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    if (g_strcmp0 (chronicle_event_get_category_id (chronicle_timeline_get_event (timeline, i)), category_id) == 0)
      n++;

  return n;
}

static void
search_for (Fixture    *fixture,
            const char *text)
{
  gtk_editable_set_text (chronicle_search_bar_get_entry (fixture->bar), text);
  chronicle_search_bar_search_now (fixture->bar);
}

static void
test_search_finds_quote (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.search");
  ChronicleSidebar *sidebar = chronicle_timeline_page_get_sidebar (fixture->page);
  GtkEditable *entry = chronicle_search_bar_get_entry (fixture->bar);
  GtkWidget *focus;
  ChronicleEvent *expected = lookup_event (fixture, "rubio-assessment");
  guint position;

  /* Ctrl+F opens the search with the focus in the entry. */
  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>f"));
  g_assert_false (chronicle_search_bar_get_search_mode (fixture->bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (chronicle_search_bar_get_search_mode (fixture->bar));
  run_pending ();
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  /* A word from one of Rubio's quotes. */
  search_for (fixture, "assessment");
  g_assert_cmpuint (chronicle_search_bar_get_n_results (fixture->bar), ==, 1);
  g_assert_cmpstr (chronicle_search_bar_get_results_text (fixture->bar), ==, "1 result");

  /* Enter opens the first result: selected, shown, in the sidebar. */
  g_signal_emit_by_name (entry, "activate");
  run_pending ();
  g_assert_true (chronicle_timeline_view_get_selected_event (fixture->view) == expected);
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==, chronicle_event_get_title (expected));
  g_assert_true (chronicle_timeline_find_event (chronicle_timeline_view_get_timeline (fixture->view),
                                                expected, &position));
  chronicle_test_wait_for (has_layout, fixture->view, CHRONICLE_TEST_WAIT_MS);
  g_assert_nonnull (chronicle_layout_find_event (chronicle_timeline_view_get_layout (fixture->view), position));

  /* Accents and several words; a result row activated by the list. */
  search_for (fixture, "dolmabahce talks");
  g_assert_cmpuint (chronicle_search_bar_get_n_results (fixture->bar), >=, 1);
  {
    GtkListBox *list = chronicle_search_bar_get_results (fixture->bar);
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

    g_assert_nonnull (row);
    g_signal_emit_by_name (list, "row-activated", row);
    g_assert_cmpstr (chronicle_event_get_id (chronicle_timeline_view_get_selected_event (fixture->view)),
                     ==, "talks-open");
  }
}

/* A result among more events at one instant than the chart has lanes
 * for: no zoom separates them, so the chart shows the one opened with
 * its own label, not inside a "+N" (the tester's search on a file with
 * events added on 16 May). */
static void
test_search_opens_folded (Fixture       *fixture,
                          gconstpointer  data)
{
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (fixture->view);
  ChronicleEvent *expected = NULL;
  const ChronicleLayoutItem *item;
  guint position = 0;

  /* One that the fitted chart folds, as the tester saw it. */
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline) && expected == NULL; i++)
    {
      item = chronicle_layout_find_event (chronicle_timeline_view_get_layout (fixture->view), i);
      if (item != NULL && item->kind == CHRONICLE_ITEM_CLUSTER &&
          g_str_has_prefix (chronicle_timeline_get_event_id (timeline, i), "crowd-"))
        {
          expected = chronicle_timeline_get_event (timeline, i);
          position = i;
        }
    }
  g_assert_nonnull (expected);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  search_for (fixture, chronicle_event_get_title (expected));
  {
    GtkListBox *list = chronicle_search_bar_get_results (fixture->bar);
    GtkListBoxRow *row = NULL;

    for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
      {
        g_signal_emit_by_name (list, "row-activated", row);
        if (chronicle_timeline_view_get_selected_event (fixture->view) == expected)
          break;
      }
    g_assert_nonnull (row);
  }
  run_pending ();
  chronicle_test_wait_for (has_layout, fixture->view, CHRONICLE_TEST_WAIT_MS);

  item = chronicle_layout_find_event (chronicle_timeline_view_get_layout (fixture->view), position);
  g_assert_nonnull (item);
  g_assert_cmpint (item->kind, !=, CHRONICLE_ITEM_CLUSTER);
  g_assert_cmpuint (item->first_event, ==, position);
  g_assert_cmpfloat (item->label.width, >, 0);
}

static void
test_search_no_results_and_escape (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkEditable *entry = chronicle_search_bar_get_entry (fixture->bar);

  chronicle_search_bar_set_search_mode (fixture->bar, TRUE);
  search_for (fixture, "xylophone");
  g_assert_cmpuint (chronicle_search_bar_get_n_results (fixture->bar), ==, 0);
  /* Enter with nothing found changes nothing. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_null (chronicle_timeline_view_get_selected_event (fixture->view));

  /* Escape in the entry closes the search and gives the chart the keys. */
  g_signal_emit_by_name (entry, "stop-search");
  run_pending ();
  g_assert_false (chronicle_search_bar_get_search_mode (fixture->bar));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->view)));
}

static void
test_category_filter_navigation (Fixture       *fixture,
                                 gconstpointer  data)
{
  ChronicleTimeline *whole = chronicle_search_bar_get_timeline (fixture->bar);
  ChronicleFilterPopover *popover = CHRONICLE_FILTER_POPOVER (chronicle_search_bar_get_filter_popover (fixture->bar));
  GtkCheckButton *statements = chronicle_filter_popover_get_check (popover, "category", "statements");
  ChronicleEvent *kept = lookup_event (fixture, "talks-open");
  guint n_total = chronicle_timeline_get_n_events (whole);
  guint n_hidden = count_category (whole, "statements");
  g_autofree char *expected_count = g_strdup_printf ("%u of %u events", n_total - n_hidden, n_total);
  g_autofree char *all_count = g_strdup_printf ("%u events", n_total);
  ChronicleTimeline *shown;
  guint visited = 0;

  g_assert_cmpuint (n_hidden, >, 0);
  g_assert_cmpstr (get_window_subtitle (fixture), ==, all_count);

  /* The selection survives filtering while its event is shown. */
  chronicle_timeline_view_set_selected_event (fixture->view, kept);

  g_assert_nonnull (statements);
  g_assert_true (gtk_check_button_get_active (statements));
  gtk_check_button_set_active (statements, FALSE);
  run_pending ();

  shown = chronicle_timeline_view_get_timeline (fixture->view);
  g_assert_cmpuint (chronicle_timeline_get_n_events (shown), ==, n_total - n_hidden);
  g_assert_true (chronicle_timeline_view_get_selected_event (fixture->view) == kept);
  g_assert_cmpstr (chronicle_search_bar_get_count_text (fixture->bar), ==, expected_count);
  g_assert_cmpstr (get_window_subtitle (fixture), ==, expected_count);

  /* Next walks only the events shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "timeline.first", NULL));
  do
    {
      ChronicleEvent *event = chronicle_timeline_view_get_selected_event (fixture->view);

      g_assert_nonnull (event);
      g_assert_cmpstr (chronicle_event_get_category_id (event), !=, "statements");
      visited++;
      g_assert_cmpuint (visited, <=, n_total);
    }
  while (chronicle_timeline_view_select_adjacent (fixture->view, +1));
  g_assert_cmpuint (visited, ==, n_total - n_hidden);

  /* A hidden event cannot stay selected. */
  chronicle_timeline_view_set_selected_event (fixture->view, lookup_event (fixture, "rubio-assessment"));
  g_assert_null (chronicle_timeline_view_get_selected_event (fixture->view));

  /* Search sees only the events shown. */
  chronicle_search_bar_set_search_mode (fixture->bar, TRUE);
  search_for (fixture, "assessment");
  g_assert_cmpuint (chronicle_search_bar_get_n_results (fixture->bar), ==, 0);
  g_assert_cmpstr (chronicle_search_bar_get_results_text (fixture->bar), ==, "0 results · 1 hidden by filters");

  /* Show All. */
  chronicle_filter_reset (chronicle_search_bar_get_filter (fixture->bar));
  run_pending ();
  g_assert_true (gtk_check_button_get_active (statements));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_view_get_timeline (fixture->view)), ==,
                    n_total);
  g_assert_cmpstr (get_window_subtitle (fixture), ==, all_count);
}

static void
test_actor_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  ChronicleFilterPopover *popover = CHRONICLE_FILTER_POPOVER (chronicle_search_bar_get_filter_popover (fixture->bar));
  GtkCheckButton *rubio = chronicle_filter_popover_get_check (popover, "actor", "Marco Rubio");
  ChronicleTimeline *shown;

  g_assert_nonnull (rubio);
  g_assert_false (gtk_check_button_get_active (rubio));
  gtk_check_button_set_active (rubio, TRUE);
  run_pending ();

  shown = chronicle_timeline_view_get_timeline (fixture->view);
  g_assert_cmpuint (chronicle_timeline_get_n_events (shown), ==, 2);
  for (guint i = 0; i < chronicle_timeline_get_n_events (shown); i++)
    g_assert_true (g_strv_contains (chronicle_event_get_actors (chronicle_timeline_get_event (shown, i)),
                                    "Marco Rubio"));
}

/* The revealer of the filter bar ("8 of 11 events", Filters, Show All):
 * the one holding the filter popover's menu button. */
static GtkRevealer *
find_filter_revealer (GtkWidget *widget,
                      GtkWidget *popover)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkRevealer *found;

      if (GTK_IS_MENU_BUTTON (child) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (child)) == GTK_POPOVER (popover))
        {
          GtkWidget *ancestor = gtk_widget_get_ancestor (child, GTK_TYPE_REVEALER);

          return ancestor != NULL ? GTK_REVEALER (ancestor) : NULL;
        }
      found = find_filter_revealer (child, popover);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The header's filter button shows the bar with the popover; with
 * nothing filtered, closing the popover takes the bar away again, and
 * with a filter on, the bar stays to say "N of M events". */
static void
test_filter_bar_goes_with_popover (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *popover = chronicle_search_bar_get_filter_popover (fixture->bar);
  GtkRevealer *revealer = find_filter_revealer (GTK_WIDGET (fixture->bar), popover);
  GtkCheckButton *rubio;

  g_assert_nonnull (revealer);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  chronicle_search_bar_show_filters (fixture->bar);
  run_pending ();
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  gtk_popover_popdown (GTK_POPOVER (popover));
  run_pending ();
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  chronicle_search_bar_show_filters (fixture->bar);
  run_pending ();
  rubio = chronicle_filter_popover_get_check (CHRONICLE_FILTER_POPOVER (popover), "actor", "Marco Rubio");
  gtk_check_button_set_active (rubio, TRUE);
  run_pending ();
  gtk_popover_popdown (GTK_POPOVER (popover));
  run_pending ();
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
}

/* The centre of the legend entry of @category_id, in view px. */
static void
get_legend_point (Fixture    *fixture,
                  const char *category_id,
                  double     *x,
                  double     *y,
                  gboolean   *hidden)
{
  const ChronicleLayout *layout = chronicle_timeline_view_get_layout (fixture->view);
  guint index = chronicle_timeline_get_category_index (chronicle_search_bar_get_timeline (fixture->bar),
                                                       category_id);

  g_assert_nonnull (layout);
  for (guint i = 0; i < layout->legend->len; i++)
    {
      const ChronicleLayoutLegendEntry *entry = &g_array_index (layout->legend, ChronicleLayoutLegendEntry, i);

      if (!entry->is_break && entry->category == index)
        {
          *x = entry->text.x + entry->text.width / 2;
          *y = entry->text.y + entry->text.height / 2;
          *hidden = entry->hidden;
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_legend_click_toggles (Fixture       *fixture,
                           gconstpointer  data)
{
  ChronicleFilter *filter = chronicle_search_bar_get_filter (fixture->bar);
  ChronicleTimeline *whole = chronicle_search_bar_get_timeline (fixture->bar);
  guint n_total = chronicle_timeline_get_n_events (whole);
  guint n_military = count_category (whole, "military");
  double x, y;
  gboolean hidden;

  get_legend_point (fixture, "military", &x, &y, &hidden);
  g_assert_false (hidden);

  g_assert_true (chronicle_timeline_view_activate_legend_at (fixture->view, x, y));
  run_pending ();
  g_assert_true (chronicle_filter_get_category_hidden (filter, "military"));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_view_get_timeline (fixture->view)), ==,
                    n_total - n_military);

  /* The entry stays, drawn as hidden; a second click shows them again. */
  chronicle_test_wait_for (has_layout, fixture->view, CHRONICLE_TEST_WAIT_MS);
  get_legend_point (fixture, "military", &x, &y, &hidden);
  g_assert_true (hidden);
  g_assert_true (chronicle_timeline_view_activate_legend_at (fixture->view, x, y));
  run_pending ();
  g_assert_false (chronicle_filter_is_active (filter));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_view_get_timeline (fixture->view)), ==,
                    n_total);

  /* Away from the legend nothing happens. */
  g_assert_false (chronicle_timeline_view_activate_legend_at (fixture->view, x, 5));
}

static void
test_reload_keeps_filter (Fixture       *fixture,
                          gconstpointer  data)
{
  ChronicleFilter *filter = chronicle_search_bar_get_filter (fixture->bar);
  ChronicleTimeline *before = chronicle_search_bar_get_timeline (fixture->bar);
  guint n_total = chronicle_timeline_get_n_events (before);
  guint n_military = count_category (before, "military");

  chronicle_filter_set_category_hidden (filter, "military", TRUE);
  run_pending ();

  chronicle_timeline_page_reload (fixture->page);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  run_pending ();

  g_assert_true (chronicle_search_bar_get_timeline (fixture->bar) != before);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_timeline_view_get_timeline (fixture->view)), ==,
                    n_total - n_military);
  g_assert_true (chronicle_filter_get_category_hidden (filter, "military"));
}

/* The markup of the colour dot of category @category_id (NULL: "No
 * category") in @popover. */
static const char *
get_dot_markup (ChronicleFilterPopover *popover,
                const char             *category_id)
{
  GtkCheckButton *check = chronicle_filter_popover_get_check (popover, "category", category_id);
  GtkWidget *dot;

  g_assert_nonnull (check);
  /* The dot leads the row inside the check button. */
  dot = gtk_widget_get_first_child (gtk_check_button_get_child (check));
  g_assert_true (GTK_IS_LABEL (dot));
  return gtk_label_get_label (GTK_LABEL (dot));
}

/* The dot of @category_id shows the colour the chart gives it in the
 * theme's current palette. */
static void
assert_dot_color (ChronicleFilterPopover *popover,
                  ChronicleTimeline      *timeline,
                  const char             *category_id)
{
  g_auto(ChronicleStyle) style = { 0, };
  g_autofree char *hex = NULL;
  ChronicleColor color;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    chronicle_style_init_dark (&style);
  else
    chronicle_style_init_light (&style);
  chronicle_style_category_color (&style, timeline, chronicle_timeline_get_category_index (timeline, category_id),
                                  &color);
  hex = g_strdup_printf ("#%02x%02x%02x", (guint) (color.red * 255 + 0.5), (guint) (color.green * 255 + 0.5),
                         (guint) (color.blue * 255 + 0.5));
  g_assert_nonnull (strstr (get_dot_markup (popover, category_id), hex));
}

static void
test_category_dots_follow_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(ChronicleTimeline) timeline = chronicle_timeline_new ("Dots");
  g_autoptr(ChronicleCategory) own = chronicle_category_new ("own", "Own colour", "#123456");
  g_autoptr(ChronicleCategory) plain = chronicle_category_new ("plain", "Palette colour", NULL);
  const char *event_categories[] = { "own", "plain", NULL };
  GtkWidget *popover;
  g_autofree char *light_plain = NULL;
  g_autofree char *light_none = NULL;

  chronicle_timeline_add_category (timeline, own);
  chronicle_timeline_add_category (timeline, plain);
  for (guint i = 0; i < G_N_ELEMENTS (event_categories); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(GError) error = NULL;
      g_autoptr(ChronicleEvent) event = NULL;
      ChronicleDate date;

      g_assert_true (chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_DAY, 2025, 5, 10 + i, 0, 0, 0, &error));
      g_assert_no_error (error);
      event = chronicle_event_new (id, &date, id);
      chronicle_event_set_category_id (event, event_categories[i]);
      chronicle_timeline_add_event (timeline, event);
    }

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));

  popover = g_object_ref_sink (chronicle_filter_popover_new ());
  chronicle_filter_popover_set_timeline (CHRONICLE_FILTER_POPOVER (popover), timeline);
  assert_dot_color (CHRONICLE_FILTER_POPOVER (popover), timeline, "own");
  assert_dot_color (CHRONICLE_FILTER_POPOVER (popover), timeline, "plain");
  assert_dot_color (CHRONICLE_FILTER_POPOVER (popover), timeline, NULL);
  g_assert_nonnull (strstr (get_dot_markup (CHRONICLE_FILTER_POPOVER (popover), "own"), "#123456"));
  light_plain = g_strdup (get_dot_markup (CHRONICLE_FILTER_POPOVER (popover), "plain"));
  light_none = g_strdup (get_dot_markup (CHRONICLE_FILTER_POPOVER (popover), NULL));

  /* A theme switch recolours the open popover's palette dots; a colour
   * of the file's own stays ... */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  assert_dot_color (CHRONICLE_FILTER_POPOVER (popover), timeline, "own");
  assert_dot_color (CHRONICLE_FILTER_POPOVER (popover), timeline, "plain");
  assert_dot_color (CHRONICLE_FILTER_POPOVER (popover), timeline, NULL);
  /* ... unless it would stand out too little: #123456 is 1.3:1 on the dark
   * background, and is drawn lighter, as in the chart (issue #11). */
  g_assert_null (strstr (get_dot_markup (CHRONICLE_FILTER_POPOVER (popover), "own"), "#123456"));
  g_assert_cmpstr (get_dot_markup (CHRONICLE_FILTER_POPOVER (popover), "plain"), !=, light_plain);
  g_assert_cmpstr (get_dot_markup (CHRONICLE_FILTER_POPOVER (popover), NULL), !=, light_none);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
  g_assert_finalize_object (popover);
}

static guint
count_checks (GtkWidget *widget)
{
  guint n = GTK_IS_CHECK_BUTTON (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_checks (child);

  return n;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Counting the facets of 100 000 events takes a while: the popover does
 * it when it is shown, not whenever a file opens; shown, it follows a
 * new timeline at once. */
static void
test_filter_choices_when_shown (void)
{
  g_autoptr(ChronicleTimeline) example = chronicle_test_load_example ();
  g_autoptr(ChronicleTimeline) generated = chronicle_test_generate_timeline (200, 3);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = chronicle_filter_popover_new ();
  guint n_example, n_generated;

  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));

  chronicle_filter_popover_set_timeline (CHRONICLE_FILTER_POPOVER (popover), example);
  g_assert_cmpuint (count_checks (popover), ==, 0);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  chronicle_test_wait_for (is_mapped, popover, CHRONICLE_TEST_WAIT_MS);
  g_assert_true (gtk_widget_get_mapped (popover));
  n_example = count_checks (popover);
  /* categories, actors and sources of the example */
  g_assert_cmpuint (n_example, >=, 4);
  g_assert_nonnull (chronicle_filter_popover_get_check (CHRONICLE_FILTER_POPOVER (popover), "category", "statements"));

  chronicle_filter_popover_set_timeline (CHRONICLE_FILTER_POPOVER (popover), generated);
  n_generated = count_checks (popover);
  g_assert_cmpuint (n_generated, >, 0);
  g_assert_cmpuint (n_generated, !=, n_example);
  g_assert_null (chronicle_filter_popover_get_check (CHRONICLE_FILTER_POPOVER (popover), "category", "statements"));

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  /* The chart animates its moves: these tests look at where they end. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = chronicle_test_ui_start_app ();

  g_test_add ("/search-ui/finds-quote", Fixture, NULL,
              fixture_setup, test_search_finds_quote, fixture_teardown);
  g_test_add ("/search-ui/opens-folded", Fixture, NULL,
              fixture_setup_crowded, test_search_opens_folded, fixture_teardown);
  g_test_add ("/search-ui/no-results-and-escape", Fixture, NULL,
              fixture_setup, test_search_no_results_and_escape, fixture_teardown);
  g_test_add ("/search-ui/category-filter-navigation", Fixture, NULL,
              fixture_setup, test_category_filter_navigation, fixture_teardown);
  g_test_add ("/search-ui/actor-filter", Fixture, NULL,
              fixture_setup, test_actor_filter, fixture_teardown);
  g_test_add ("/search-ui/filter-bar-goes-with-popover", Fixture, NULL,
              fixture_setup, test_filter_bar_goes_with_popover, fixture_teardown);
  g_test_add ("/search-ui/legend-click-toggles", Fixture, NULL,
              fixture_setup, test_legend_click_toggles, fixture_teardown);
  g_test_add ("/search-ui/reload-keeps-filter", Fixture, NULL,
              fixture_setup, test_reload_keeps_filter, fixture_teardown);
  g_test_add_func ("/search-ui/category-dots-follow-theme", test_category_dots_follow_theme);
  g_test_add_func ("/search-ui/filter-choices-when-shown", test_filter_choices_when_shown);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);

  return status;
}
