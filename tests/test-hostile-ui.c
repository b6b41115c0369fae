/* test-hostile-ui.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The window against files written to hurt it (issue #10, items 2, 4, 5,
 * 16, 17, 19): each is opened, its event selected, then reloaded, and the
 * window must be alive and show bounded text. No timing here: the stalls
 * are measured by chronicle-benchmark-ui. */

#define G_LOG_DOMAIN "test-hostile-ui"

#include "config.h"

#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-export-dialog.h"
#include "chronicle-search-bar.h"
#include "chronicle-sidebar.h"
#include "chronicle-story-card.h"
#include "chronicle-test-ui.h"
#include "chronicle-test-util.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-page-private.h"
#include "chronicle-timeline-view.h"
#include "chronicle-timeline-view-private.h"
#include "chronicle-warnings-dialog.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

/* A title-like text shown is at most CHRONICLE_TEXT_MAX_TITLE characters
 * and an ellipsis; a longer one (summary, quote with its quotation marks)
 * CHRONICLE_TEXT_MAX_TEXT and a few. */
#define MAX_TITLE_SHOWN (CHRONICLE_TEXT_MAX_TITLE + 1)
#define MAX_TEXT_SHOWN  (CHRONICLE_TEXT_MAX_TEXT + 8)

/* Rows a list may make for a window of this size: far fewer than the
 * 100 000 items of the files below. */
#define MAX_ROWS 500

#define N_MANY CHRONICLE_TEST_N_MANY

static ChronicleApplication *app;

typedef struct
{
  ChronicleWindow *window;
  char            *tmpdir;
  char            *path;
  GFile           *file;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("test-hostile-ui-XXXXXX", &error);
  g_assert_no_error (error);

  chronicle_test_present_window (app, &fixture->window);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_nonnull (fixture->window);
  chronicle_test_destroy_window (&fixture->window);

  chronicle_test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
  g_free (fixture->path);
  g_clear_object (&fixture->file);
}

/* Waiting */

static gboolean
is_idle (gpointer data)
{
  return !chronicle_window_is_loading (CHRONICLE_WINDOW (data));
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (data)) > 0 && gtk_widget_get_height (GTK_WIDGET (data)) > 0;
}

typedef struct
{
  ChronicleTimelinePage *page;
  ChronicleTimeline     *old;
} Reloaded;

static gboolean
is_reloaded (gpointer data)
{
  Reloaded *reloaded = data;
  ChronicleTimeline *timeline = chronicle_timeline_page_get_timeline (reloaded->page);

  return !chronicle_timeline_page_get_loading (reloaded->page) && timeline != NULL && timeline != reloaded->old;
}

/* Writes @contents, opens it, and waits for the chart to be laid out. */
static ChronicleTimelinePage *
open_file (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  ChronicleTimelinePage *page;

  fixture->path = g_build_filename (fixture->tmpdir, name, NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  g_file_set_contents (fixture->path, contents, -1, &error);
  g_assert_no_error (error);

  chronicle_window_open (fixture->window, fixture->file);
  chronicle_test_wait_for (is_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_null (chronicle_window_get_last_error (fixture->window));
  page = chronicle_window_get_current_page (fixture->window);
  g_assert_nonnull (page);
  g_assert_nonnull (chronicle_timeline_page_get_timeline (page));
  chronicle_test_wait_for (is_allocated, chronicle_timeline_page_get_timeline_view (page), CHRONICLE_TEST_WAIT_MS);

  return page;
}

/* Rewrites the file (as an editor saving: a new file renamed over the old)
 * and waits for the page to show the new timeline. */
static void
reload_file (Fixture               *fixture,
             ChronicleTimelinePage *page,
             const char            *contents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) old = g_object_ref (chronicle_timeline_page_get_timeline (page));
  Reloaded reloaded = { page, old };

  g_file_set_contents (fixture->path, contents, -1, &error);
  g_assert_no_error (error);
  chronicle_test_wait_for (is_reloaded, &reloaded, CHRONICLE_TEST_WAIT_MS);
  g_assert_null (chronicle_timeline_page_get_last_error (page));
}

static void
select_event (ChronicleTimelinePage *page,
              const char            *id)
{
  ChronicleTimeline *timeline = chronicle_timeline_page_get_timeline (page);
  ChronicleEvent *event = chronicle_timeline_lookup_event (timeline, id);

  g_assert_nonnull (event);
  chronicle_timeline_view_set_selected_event (chronicle_timeline_page_get_timeline_view (page), event);
  g_assert_true (chronicle_sidebar_get_event (chronicle_timeline_page_get_sidebar (page)) == event);
}

/* Lets the window lay out and draw what it shows now. */
static void
let_draw (ChronicleWindow *window)
{
  GtkWidget *view = GTK_WIDGET (_chronicle_window_get_current_view (window));

  gtk_widget_queue_draw (GTK_WIDGET (window));
  chronicle_test_wait_for (is_allocated, view, CHRONICLE_TEST_WAIT_MS);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* What the window shows */

/* Characters shown: the zero-width spaces that let a long word wrap
 * (chronicle_label_text_new()) are not. */
static glong
char_length (const char *text)
{
  glong n = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) != 0x200b)
      n++;

  return n;
}

static gboolean
has_bidi_control (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069 && c != 0x2068 && c != 0x2069))
        return TRUE;
    }

  return FALSE;
}

/* Every label and tooltip in @root's tree (shown or not) holds bounded
 * text without bidi overrides. */
static void
assert_text_bounded (GtkWidget *root)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  g_assert_cmpint (char_length (tooltip), <=, MAX_TITLE_SHOWN);
  g_assert_false (has_bidi_control (tooltip));
  if (GTK_IS_LABEL (root))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (root));

      g_assert_cmpint (char_length (text), <=, MAX_TEXT_SHOWN);
      g_assert_false (has_bidi_control (text));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    assert_text_bounded (child);
}

static void
assert_window_bounded (ChronicleWindow *window)
{
  ChronicleTimelinePage *page = chronicle_window_get_current_page (window);
  ChronicleSidebar *sidebar = chronicle_window_get_sidebar (window);
  ChronicleTimelineView *view = chronicle_timeline_page_get_timeline_view (page);
  const ChronicleLayout *layout = chronicle_timeline_view_get_layout (view);
  ChronicleTimeline *timeline = chronicle_timeline_page_get_timeline (page);
  guint n = MIN (chronicle_timeline_get_n_events (timeline), 1000);

  /* Alive, and every title bounded: the X window name, the header, the
   * tab, the sidebar. */
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  g_assert_cmpint (char_length (gtk_window_get_title (GTK_WINDOW (window))), <=, MAX_TITLE_SHOWN);
  g_assert_cmpint (char_length (chronicle_timeline_page_get_title (page)), <=, MAX_TITLE_SHOWN);
  g_assert_cmpint (char_length (chronicle_sidebar_get_heading_text (sidebar)), <=, MAX_TITLE_SHOWN);
  assert_text_bounded (GTK_WIDGET (window));

  /* What the chart lays out and paints. */
  g_assert_nonnull (layout);
  for (guint i = 0; i < n; i++)
    {
      const ChronicleLayoutItem *item = chronicle_layout_find_event (layout, i);

      if (item != NULL && item->text != NULL)
        {
          g_assert_cmpint (char_length (item->text), <=, MAX_TITLE_SHOWN);
          g_assert_false (has_bidi_control (item->text));
        }
    }
}

static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
count_descendants (GtkWidget *root,
                   GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (root, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child, type);

  return n;
}

/* The tests */

/* Item 2: a 16 MB title, opened and reloaded. */
static void
test_huge_title (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *contents = chronicle_test_make_huge_title ();
  ChronicleTimelinePage *page = open_file (fixture, "title.json", contents);

  g_test_bug ("10");
  select_event (page, "e1");
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);
  /* Cut, not lost: the timeline keeps its title. */
  g_assert_cmpuint (strlen (chronicle_timeline_get_title (chronicle_timeline_page_get_timeline (page))), ==,
                    16 * 1024 * 1024);
  g_assert_cmpint (char_length (gtk_window_get_title (GTK_WINDOW (fixture->window))), ==, MAX_TITLE_SHOWN);

  reload_file (fixture, page, contents);
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);
}

static gboolean
has_rows (gpointer data)
{
  return chronicle_warnings_dialog_get_n_rows (data) > 0;
}

/* Item 4: 100 000 warnings: the banner names the count and shows three;
 * Show All lists them all, making rows for what is on screen. */
static void
test_many_warnings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *contents = chronicle_test_make_many_warnings ();
  ChronicleTimelinePage *page = open_file (fixture, "warnings.json", contents);
  const char *title = NULL, *details = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *dialog;

  g_test_bug ("10");
  g_assert_cmpuint (g_strv_length ((GStrv) chronicle_window_get_warnings (fixture->window)), ==, N_MANY);
  g_assert_true (chronicle_timeline_page_get_banner (page, &title, &details));
  g_assert_cmpstr (title, ==, "Loaded with 100000 warnings");
  lines = g_strsplit (details, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, chronicle_window_get_warnings (fixture->window)[0]);

  dialog = chronicle_timeline_page_show_all_warnings (page);
  g_assert_true (CHRONICLE_IS_WARNINGS_DIALOG (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_warnings_dialog_get_model (CHRONICLE_WARNINGS_DIALOG (dialog))),
                    ==, N_MANY);
  chronicle_test_wait_for (has_rows, dialog, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpuint (chronicle_warnings_dialog_get_n_rows (CHRONICLE_WARNINGS_DIALOG (dialog)), <=, MAX_ROWS);
  assert_text_bounded (dialog);
  chronicle_test_destroy_window (&dialog);

  select_event (page, "e5");
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);

  reload_file (fixture, page, contents);
  let_draw (fixture->window);
  g_assert_true (chronicle_timeline_page_get_banner (page, &title, NULL));
  g_assert_cmpstr (title, ==, "Loaded with 100000 warnings");
  assert_window_bounded (fixture->window);
}

static gboolean
sidebar_has_rows (gpointer data)
{
  return chronicle_sidebar_get_n_rows (data) > 1;
}

static void
assert_many_quotes_shown (ChronicleTimelinePage *page)
{
  ChronicleSidebar *sidebar = chronicle_timeline_page_get_sidebar (page);
  GListModel *quotes = chronicle_sidebar_get_quotes (sidebar);
  g_autoptr(ChronicleQuote) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, N_MANY);
  last = g_list_model_get_item (quotes, N_MANY - 1);
  g_assert_cmpstr (chronicle_quote_get_text (last), ==, "Quote 99999");
  chronicle_test_wait_for (sidebar_has_rows, sidebar, CHRONICLE_TEST_WAIT_MS);
  g_test_message ("rows made for %u quotes: %u", g_list_model_get_n_items (quotes), chronicle_sidebar_get_n_rows (sidebar));
  g_assert_cmpuint (chronicle_sidebar_get_n_rows (sidebar), <=, MAX_ROWS);
}

/* Item 5: one event with 100 000 quotes: a list that makes the rows on
 * screen; the story card shows three. */
static void
test_many_quotes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *contents = chronicle_test_make_many_quotes ();
  ChronicleTimelinePage *page = open_file (fixture, "quotes.json", contents);
  ChronicleTimelineView *view = chronicle_timeline_page_get_timeline_view (page);
  ChronicleStoryCard *card;

  g_test_bug ("10");
  select_event (page, "e1");
  let_draw (fixture->window);
  assert_many_quotes_shown (page);
  assert_window_bounded (fixture->window);

  chronicle_timeline_view_set_story_mode (view, TRUE);
  card = CHRONICLE_STORY_CARD (find_descendant (GTK_WIDGET (page), CHRONICLE_TYPE_STORY_CARD));
  g_assert_nonnull (card);
  g_assert_cmpuint (chronicle_story_card_get_n_quotes (card), ==, 3);
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);
  chronicle_timeline_view_set_story_mode (view, FALSE);

  /* The reload keeps the event selected, with its quotes listed. */
  reload_file (fixture, page, contents);
  let_draw (fixture->window);
  g_assert_nonnull (chronicle_sidebar_get_event (chronicle_timeline_page_get_sidebar (page)));
  assert_many_quotes_shown (page);
  assert_window_bounded (fixture->window);
}

/* Item 5: a 10 MB URL (the row's tooltip and the quote's link) and a
 * 1 MB summary. */
static void
test_huge_url (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *contents = chronicle_test_make_huge_url ();
  ChronicleTimelinePage *page = open_file (fixture, "url.json", contents);
  ChronicleSidebar *sidebar = chronicle_timeline_page_get_sidebar (page);

  g_test_bug ("10");
  select_event (page, "e1");
  let_draw (fixture->window);
  chronicle_test_wait_for (sidebar_has_rows, sidebar, CHRONICLE_TEST_WAIT_MS);
  /* Shown, not linked: no browser takes 10 MB of address. */
  g_assert_cmpuint (count_descendants (GTK_WIDGET (sidebar), GTK_TYPE_LINK_BUTTON), ==, 0);
  assert_window_bounded (fixture->window);

  reload_file (fixture, page, contents);
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);
}

/* Items 5 and 17: 1 MB titles, selected: laid out and shown cut. */
static void
test_long_titles (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *contents = chronicle_test_make_long_titles ();
  ChronicleTimelinePage *page = open_file (fixture, "long.json", contents);
  ChronicleSidebar *sidebar = chronicle_timeline_page_get_sidebar (page);
  ChronicleSearchBar *bar = chronicle_timeline_page_get_search_bar (page);

  g_test_bug ("10");
  select_event (page, "words");
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);
  g_assert_true (g_str_has_prefix (chronicle_sidebar_get_heading_text (sidebar), "word word "));
  g_assert_true (g_str_has_suffix (chronicle_sidebar_get_heading_text (sidebar), "…"));

  select_event (page, "nospace");
  let_draw (fixture->window);
  chronicle_test_wait_for (sidebar_has_rows, sidebar, CHRONICLE_TEST_WAIT_MS);
  assert_window_bounded (fixture->window);
  g_assert_cmpint (char_length (chronicle_sidebar_get_heading_text (sidebar)), ==, MAX_TITLE_SHOWN);

  /* Search finds it; its result row shows the title cut. */
  chronicle_search_bar_set_search_mode (bar, TRUE);
  gtk_editable_set_text (chronicle_search_bar_get_entry (bar), "YYYY");
  chronicle_search_bar_search_now (bar);
  g_assert_cmpuint (chronicle_search_bar_get_n_results (bar), ==, 1);
  assert_text_bounded (GTK_WIDGET (chronicle_search_bar_get_results (bar)));
  chronicle_search_bar_set_search_mode (bar, FALSE);

  /* The filters list the actor and the place, cut. */
  chronicle_search_bar_show_filters (bar);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  assert_text_bounded (chronicle_search_bar_get_filter_popover (bar));
  gtk_popover_popdown (GTK_POPOVER (chronicle_search_bar_get_filter_popover (bar)));

  reload_file (fixture, page, contents);
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);
}

/* Counts the source rows under @root that open their link (checking it is
 * the good one) and those that do not. */
static void
count_source_rows (GtkWidget *root,
                   guint     *n_activatable,
                   guint     *n_inert)
{
  if (ADW_IS_ACTION_ROW (root))
    {
      if (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (root)))
        {
          g_assert_cmpstr (gtk_widget_get_tooltip_text (root), ==, "https://example.com/good");
          (*n_activatable)++;
        }
      else
        (*n_inert)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    count_source_rows (child, n_activatable, n_inert);
}

/* Item 19: bidi overrides are not honoured, and only http(s) links with a
 * host open. */
static void
test_bidi_and_links (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *contents = chronicle_test_make_bidi_and_links ();
  ChronicleTimelinePage *page = open_file (fixture, "bidi.json", contents);
  ChronicleSidebar *sidebar = chronicle_timeline_page_get_sidebar (page);
  ChronicleTimelineView *view = chronicle_timeline_page_get_timeline_view (page);
  const ChronicleLayoutItem *item;
  g_auto(GStrv) quotes = NULL;
  guint n_activatable = 0, n_inert = 0;

  g_test_bug ("10");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "evil");
  select_event (page, "e1");
  let_draw (fixture->window);
  chronicle_test_wait_for (sidebar_has_rows, sidebar, CHRONICLE_TEST_WAIT_MS);
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==, "evil");
  quotes = chronicle_sidebar_dup_quote_texts (sidebar);
  g_assert_cmpstr (quotes[0], ==, "“evil”");
  item = chronicle_layout_find_event (chronicle_timeline_view_get_layout (view), 0);
  g_assert_nonnull (item);
  g_assert_cmpstr (item->text, ==, "evil");
  assert_window_bounded (fixture->window);

  /* One link of four: the quote citing the good source has its button,
   * and of the source rows (overview and event) only the good one opens. */
  g_assert_cmpuint (count_descendants (GTK_WIDGET (sidebar), GTK_TYPE_LINK_BUTTON), ==, 1);
  count_source_rows (GTK_WIDGET (sidebar), &n_activatable, &n_inert);
  g_assert_cmpuint (n_activatable, >=, 1);
  g_assert_cmpuint (n_inert, ==, 3 * n_activatable);

  /* The keyboard reaches the one link, through the list of quotes; the
   * reload below replaces its row while it has the focus. */
  {
    GtkWidget *focus = NULL;

    gtk_widget_grab_focus (GTK_WIDGET (view));
    for (guint i = 0; i < 60 && !GTK_IS_LINK_BUTTON (focus); i++)
      {
        gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
        focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
      }
    g_assert_true (GTK_IS_LINK_BUTTON (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (sidebar)));
  }

  reload_file (fixture, page, contents);
  let_draw (fixture->window);
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==, "evil");
  assert_window_bounded (fixture->window);
}

/* An event's media in the sidebar (issue #14): caption over credit, and
 * only web links open; another event's media do not linger. */
static void
test_media_links (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char contents[] =
    "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"media\", \"events\": ["
    " {\"id\": \"e1\", \"date\": \"2022-03-29\", \"title\": \"With media\", \"media\": ["
    "  {\"url\": \"https://example.org/a.jpg\", \"caption\": \"At the table\", \"credit\": \"J. Doe/Agency\","
    "   \"alt\": \"Two rows of people\"},"
    "  {\"url\": \"javascript:alert(1)\", \"caption\": \"Script\"},"
    "  {\"url\": \"file:///etc/passwd\", \"credit\": \"Local\"},"
    "  {\"url\": \"https://example.org/only-url\"},"
    "  {\"url\": \"/static/img/x.jpg\"}]},"
    " {\"id\": \"e2\", \"date\": \"2022-03-30\", \"title\": \"Without\"}]}";
  static const char * const expected[] = {
    "At the table | J. Doe/Agency | link", "Script | ", "Local | ", "example.org |  | link",
    "/static/img/x.jpg | ", NULL,
  };
  ChronicleTimelinePage *page = open_file (fixture, "media.json", contents);
  ChronicleSidebar *sidebar = chronicle_timeline_page_get_sidebar (page);
  g_auto(GStrv) texts = NULL;
  g_auto(GStrv) none = NULL;

  select_event (page, "e1");
  let_draw (fixture->window);
  texts = chronicle_sidebar_dup_media_texts (sidebar);
  for (guint i = 0; texts[i] != NULL || expected[i] != NULL; i++)
    g_assert_cmpstr (texts[i], ==, expected[i]);
  assert_window_bounded (fixture->window);

  select_event (page, "e2");
  let_draw (fixture->window);
  none = chronicle_sidebar_dup_media_texts (sidebar);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
}

static gboolean
find_label_with_prefix (GtkWidget  *root,
                        const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (root)), prefix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (find_label_with_prefix (child, prefix))
      return TRUE;

  return FALSE;
}

/* Item 16: a file named like markup: the title and the export toast show
 * it as it is (G_DEBUG=fatal-warnings fails on a markup error). */
/* A title of blanks (the loader warns) reads as a muted "(untitled)" in
 * the sidebar, as the chart draws it, not as an empty heading. */
static void
test_untitled (Fixture       *fixture,
               gconstpointer  data)
{
  const char *contents = "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Blank\", \"events\": ["
                         "{\"id\": \"e1\", \"date\": \"2025-05-16\", \"title\": \" \\t \"},"
                         "{\"id\": \"e2\", \"date\": \"2025-05-17\", \"title\": \"Named\"}]}";
  ChronicleTimelinePage *page = open_file (fixture, "untitled.json", contents);
  ChronicleSidebar *sidebar = chronicle_timeline_page_get_sidebar (page);

  select_event (page, "e1");
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==, "(untitled)");
  select_event (page, "e2");
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (sidebar), ==, "Named");
}

static void
test_markup_names (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *contents = chronicle_test_make_markup_names ();
  ChronicleTimelinePage *page = open_file (fixture, "Q&A <b>.json", contents);
  g_autoptr(GFile) exported = g_file_new_for_path ("/nonexistent/Q&A <b>.png");
  g_autoptr(GList) toplevels = NULL;
  GtkWidget *dialog = NULL;

  g_test_bug ("10");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Q&A <b> title");
  select_event (page, "e1");
  let_draw (fixture->window);
  g_assert_cmpstr (chronicle_sidebar_get_heading_text (chronicle_timeline_page_get_sidebar (page)), ==,
                   "<i>Event</i> & co");
  assert_window_bounded (fixture->window);

  /* The export dialog says what it wrote; the window shows it in a toast. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export", NULL));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CHRONICLE_IS_EXPORT_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (dialog, "exported", exported);
  g_assert_true (find_label_with_prefix (GTK_WIDGET (fixture->window), "Exported “\u2068Q&A <b>.png\u2069”"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  reload_file (fixture, page, contents);
  let_draw (fixture->window);
  assert_window_bounded (fixture->window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  g_test_bug_base ("issue:");
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = chronicle_test_ui_start_app ();

  g_test_add ("/hostile-ui/huge-title", Fixture, NULL, fixture_setup, test_huge_title, fixture_teardown);
  g_test_add ("/hostile-ui/many-warnings", Fixture, NULL, fixture_setup, test_many_warnings, fixture_teardown);
  g_test_add ("/hostile-ui/many-quotes", Fixture, NULL, fixture_setup, test_many_quotes, fixture_teardown);
  g_test_add ("/hostile-ui/huge-url", Fixture, NULL, fixture_setup, test_huge_url, fixture_teardown);
  g_test_add ("/hostile-ui/long-titles", Fixture, NULL, fixture_setup, test_long_titles, fixture_teardown);
  g_test_add ("/hostile-ui/bidi-and-links", Fixture, NULL, fixture_setup, test_bidi_and_links, fixture_teardown);
  g_test_add ("/hostile-ui/media-links", Fixture, NULL, fixture_setup, test_media_links, fixture_teardown);
  g_test_add ("/hostile-ui/untitled", Fixture, NULL, fixture_setup, test_untitled, fixture_teardown);
  g_test_add ("/hostile-ui/markup-names", Fixture, NULL, fixture_setup, test_markup_names, fixture_teardown);

  status = g_test_run ();

  chronicle_test_ui_stop_app (&app);

  return status;
}
