/* test-review.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-review"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "chronicle-application.h"
#include "chronicle-category.h"
#include "chronicle-event-editor.h"
#include "chronicle-review-page.h"
#include "chronicle-review-proposal.h"
#include "chronicle-test-ui.h"
#include "chronicle-timeline-page.h"
#include "chronicle-test-util.h"
#include "chronicle-window.h"
#include "chronicle-window-private.h"

/* Import Article (issue #15): the review page lists what the extractor
 * proposes, lets the user reject, accept and edit (in the event editor),
 * and adds the accepted events to a new timeline or the one in front. */

static ChronicleApplication *app;

/* An article written for the tests: four dated happenings, two quotes. */
static const char article_text[] =
  "Harbour talks resume in Lisbon\n\n"
  "The port authority and the dockworkers' union have agreed in Lisbon to resume talks on wages, "
  "ending a strike that closed the harbour for two weeks.\n\n"
  "Union leader Maria Costa announced the deal on Tuesday after a night of negotiations at the ministry.\n\n"
  "\"We have won what we came for,\" Costa said.\n\n"
  "The strike began on March 3 when the authority froze pay for the third year running.\n\n"
  "Transport Minister Joao Silva met both sides on Monday to break the deadlock.\n\n"
  "\"Nobody wins a closed port,\" Silva told reporters.\n";

typedef struct
{
  ChronicleWindow *window;
  char            *tmpdir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("test-review-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->window = chronicle_window_new (app);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_nonnull (fixture->window);
  chronicle_test_destroy_window (&fixture->window);
  chronicle_test_remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* The article as a saved page that dates itself, or as plain text that
 * does not. */
static GFile *
write_article (Fixture  *fixture,
               gboolean  dated)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, dated ? "harbour.html" : "harbour.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (dated)
    {
      g_auto(GStrv) paragraphs = g_strsplit (article_text, "\n\n", -1);
      GString *html = g_string_new ("<html><head><title>Harbour talks resume in Lisbon</title>"
                                    "<meta property=\"article:published_time\" content=\"2025-03-20T09:00:00Z\">"
                                    "</head><body><article>");

      g_string_append_printf (html, "<h1>%s</h1>", paragraphs[0]);
      for (guint i = 1; paragraphs[i] != NULL; i++)
        g_string_append_printf (html, "<p>%s</p>", g_strstrip (paragraphs[i]));
      g_string_append (html, "</article></body></html>");
      contents = g_string_free (html, FALSE);
    }
  else
    contents = g_strdup (article_text);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
review_settled (gpointer data)
{
  ChronicleReviewPage *page = data;

  return g_strcmp0 (chronicle_review_page_get_state (page), "loading") != 0;
}

static ChronicleReviewPage *
import_and_wait (Fixture *fixture,
                 GFile   *article)
{
  ChronicleReviewPage *page;

  _chronicle_window_import_article (fixture->window, article);
  page = _chronicle_window_get_review_page (fixture->window);
  g_assert_nonnull (page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  chronicle_test_wait_for (review_settled, page, CHRONICLE_TEST_WAIT_MS);
  return page;
}

static ChronicleReviewProposal *
find_proposal (ChronicleReviewPage *page,
               const char          *iso_date,
               guint               *position)
{
  GListModel *proposals = chronicle_review_page_get_proposals (page);

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (proposals, i);
      g_autofree char *iso = chronicle_date_to_iso (chronicle_review_proposal_get_date (proposal));

      if (strcmp (iso, iso_date) == 0)
        {
          if (position != NULL)
            *position = i;
          return proposal;  /* the list keeps it */
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return child;
      found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row of the proposal at @position, as the list box shows it. */
static GtkWidget *
proposal_row (ChronicleReviewPage *page,
              guint                position)
{
  GtkListBox *list = GTK_LIST_BOX (find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) position);

  g_assert_nonnull (row);
  return GTK_WIDGET (row);
}

static const char *
flag_text (GtkWidget *flag)
{
  GtkWidget *label = find_descendant (flag, GTK_TYPE_LABEL);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* A part of the review page's event editor, by its template name. */
static GtkWidget *
editor_part (ChronicleReviewPage *page,
             const char          *name)
{
  GObject *part = gtk_widget_get_template_child (GTK_WIDGET (chronicle_review_page_get_editor (page)),
                                                 CHRONICLE_TYPE_EVENT_EDITOR, name);

  g_assert_nonnull (part);
  return GTK_WIDGET (part);
}

/* Opens the editor on the proposal at @position with its row's edit
 * button, as a click does. */
static ChronicleEventEditor *
open_editor (ChronicleReviewPage *page,
             guint                position)
{
  GtkWidget *edit = find_named (proposal_row (page, position), "edit-button");
  ChronicleEventEditor *editor = chronicle_review_page_get_editor (page);

  g_assert_nonnull (edit);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_signal_emit_by_name (edit, "clicked");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_cmpstr (chronicle_event_editor_get_event_id (editor), !=, NULL);
  return editor;
}

/* Done in the editor: the list shows again. */
static void
editor_done (ChronicleReviewPage *page)
{
  ChronicleEventEditor *editor = chronicle_review_page_get_editor (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.done", NULL));
  g_assert_null (chronicle_event_editor_get_event_id (editor));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (editor)));
}

/* Edits the date of the proposal at @position in the editor. */
static void
edit_date (ChronicleReviewPage *page,
           guint                position,
           const char          *date)
{
  open_editor (page, position);
  gtk_editable_set_text (GTK_EDITABLE (editor_part (page, "date_row")), date);
  editor_done (page);
}

static const char *
row_headline (ChronicleReviewPage *page,
              guint                position)
{
  GtkWidget *label = find_named (proposal_row (page, position), "headline-label");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
window_idle (gpointer data)
{
  ChronicleWindow *window = data;

  return chronicle_window_get_n_pages (window) > 0 && !chronicle_window_is_loading (window);
}

static void
test_review_reject_accept_add (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  g_autofree char *expected_path = g_build_filename (fixture->tmpdir, "harbour.chronicle.json", NULL);
  ChronicleReviewPage *page;
  ChronicleReviewProposal *strike, *deal, *silva;
  guint strike_position, silva_position;
  GtkWidget *check;
  GtkWidget *edit;
  GtkTextBuffer *buffer;
  GtkTextIter from, to;
  g_autofree char *highlighted = NULL;
  guint start, end;
  ChronicleTimeline *timeline;
  ChronicleEvent *event;
  ChronicleQuote *quote;

  page = import_and_wait (fixture, article);
  g_assert_cmpstr (chronicle_review_page_get_state (page), ==, "review");
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_review_page_get_proposals (page)), ==, 4);

  /* "on March 3" a day, "on Tuesday" and "on Monday" before the
   * publication date, the lede on it. */
  strike = find_proposal (page, "2025-03-03", &strike_position);
  deal = find_proposal (page, "2025-03-18", NULL);
  silva = find_proposal (page, "2025-03-17", &silva_position);
  find_proposal (page, "2025-03-20", NULL);
  g_assert_nonnull (strstr (chronicle_review_proposal_get_headline (strike), "strike began"));
  g_assert_cmpuint (chronicle_event_get_n_quotes (chronicle_review_proposal_get_event (deal)), ==, 1);
  quote = chronicle_event_get_quote (chronicle_review_proposal_get_event (deal), 0);
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Maria Costa");
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (chronicle_review_page_get_proposals (page), i);

      g_assert_true (chronicle_review_proposal_get_accepted (proposal));
      g_assert_null (chronicle_review_proposal_get_duplicate_of (proposal));
    }

  /* Selecting a proposal highlights its sentence in the article. */
  chronicle_review_page_select_proposal (page, strike_position);
  g_assert_true (chronicle_review_page_get_highlight (page, &start, &end));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_iter_at_offset (buffer, &from, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &to, (int) end);
  highlighted = gtk_text_buffer_get_text (buffer, &from, &to, FALSE);
  g_assert_true (g_str_has_prefix (highlighted, "The strike began on March 3"));
  g_assert_true (gtk_text_iter_has_tag (&from, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                           "evidence")));

  /* Reject one with its check button, rename another in the editor. */
  check = find_descendant (proposal_row (page, strike_position), GTK_TYPE_CHECK_BUTTON);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (chronicle_review_proposal_get_accepted (strike));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (page), "count-label"))), ==,
                   "3 of 4 events accepted");
  edit = find_named (proposal_row (page, silva_position), "edit-button");
  /* The keyboard on a row shows that row's evidence. */
  g_assert_true (gtk_widget_grab_focus (edit));
  chronicle_review_proposal_get_evidence (silva, &start, &end);
  {
    guint shown_start, shown_end;

    g_assert_true (chronicle_review_page_get_highlight (page, &shown_start, &shown_end));
    g_assert_cmpuint (shown_start, ==, start);
    g_assert_cmpuint (shown_end, ==, end);
  }
  open_editor (page, silva_position);
  gtk_editable_set_text (GTK_EDITABLE (editor_part (page, "title_row")), "Minister meets both sides");
  /* nothing changes before Done */
  g_assert_cmpstr (chronicle_review_proposal_get_headline (silva), !=, "Minister meets both sides");
  editor_done (page);
  g_assert_cmpstr (chronicle_review_proposal_get_headline (silva), ==, "Minister meets both sides");
  g_assert_cmpstr (row_headline (page, silva_position), ==, "Minister meets both sides");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add", NULL));
  g_assert_null (_chronicle_window_get_review_page (fixture->window));
  g_assert_true (g_file_test (expected_path, G_FILE_TEST_IS_REGULAR));
  chronicle_test_wait_for (window_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);

  /* A new tab with the three accepted events and their quotes. */
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 1);
  timeline = chronicle_window_get_timeline (fixture->window);
  g_assert_nonnull (timeline);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 3);
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, 0), ==, "Minister meets both sides");
  g_assert_cmpuint (chronicle_timeline_get_event_n_quotes (timeline, 0), ==, 1);
  g_assert_cmpstr (chronicle_quote_get_speaker (chronicle_timeline_get_event_quote (timeline, 0, 0)), ==,
                   "Joao Silva");
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_timeline_get_event_quote (timeline, 0, 0)), ==,
                   "Nobody wins a closed port");
  event = chronicle_timeline_get_event (timeline, 1);
  g_assert_true (g_str_has_prefix (chronicle_event_get_title (event), "Union leader Maria Costa announced"));
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 1);
  g_assert_cmpstr (chronicle_quote_get_text (chronicle_event_get_quote (event, 0)), ==,
                   "We have won what we came for");
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_sources (timeline)), ==, 1);
  for (guint i = 0; i < 3; i++)
    g_assert_null (strstr (chronicle_timeline_get_event_title (timeline, i), "strike began"));
}

/* A date the editor does not take keeps Done off and the proposal as
 * it was; a month is a month. */
static void
test_review_edit_date (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleReviewPage *page = import_and_wait (fixture, article);
  ChronicleReviewProposal *strike;
  guint position;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;

  strike = find_proposal (page, "2025-03-03", &position);
  open_editor (page, position);
  gtk_editable_set_text (GTK_EDITABLE (editor_part (page, "date_row")), "the third of Smarch");
  g_assert_false (gtk_widget_is_sensitive (editor_part (page, "done_button")));
  gtk_widget_activate_action (GTK_WIDGET (chronicle_review_page_get_editor (page)), "editor.done", NULL);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chronicle_review_page_get_editor (page))));
  /* adding waits for the editor */
  g_assert_false (gtk_widget_is_sensitive (find_named (GTK_WIDGET (page), "add-current-button")) &&
                  gtk_widget_get_visible (find_named (GTK_WIDGET (page), "add-current-button")));
  gtk_widget_activate_action (GTK_WIDGET (page), "review.add", NULL);
  g_assert_true (_chronicle_window_get_review_page (fixture->window) == page);
  {
    g_autofree char *iso = chronicle_date_to_iso (chronicle_review_proposal_get_date (strike));

    g_assert_cmpstr (iso, ==, "2025-03-03");
  }

  gtk_editable_set_text (GTK_EDITABLE (editor_part (page, "date_row")), "2025-02");
  /* a category made here goes into the new timeline with the event */
  {
    AdwComboRow *category = ADW_COMBO_ROW (editor_part (page, "category_row"));

    adw_combo_row_set_selected (category, g_list_model_get_n_items (adw_combo_row_get_model (category)) - 1);
    gtk_editable_set_text (GTK_EDITABLE (editor_part (page, "new_category_row")), "Strikes");
  }
  editor_done (page);
  g_assert_nonnull (chronicle_review_proposal_get_date (strike));
  g_assert_cmpint (chronicle_review_proposal_get_date (strike)->precision, ==, CHRONICLE_DATE_PRECISION_MONTH);
  timeline = chronicle_review_page_build_timeline (page, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 4);
  g_assert_true (g_str_has_prefix (chronicle_timeline_get_event_title (timeline, 0), "The strike began"));
  g_assert_cmpint (chronicle_timeline_get_event_date (timeline, 0)->precision, ==, CHRONICLE_DATE_PRECISION_MONTH);
  g_assert_cmpstr (chronicle_event_get_category_id (chronicle_timeline_get_event (timeline, 0)), ==, "strikes");
  g_assert_nonnull (chronicle_timeline_lookup_category (timeline, "strikes"));
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_categories (timeline)), ==, 1);
}

static void
test_review_flags_duplicates (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *existing_path = g_build_filename (fixture->tmpdir, "strike.chronicle.json", NULL);
  g_autoptr(GFile) existing = g_file_new_for_path (existing_path);
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  g_autoptr(GError) error = NULL;
  ChronicleReviewPage *page;
  ChronicleReviewProposal *deal;
  GListModel *proposals;
  guint position;
  guint flagged = 0;

  g_file_set_contents (existing_path,
                       "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Harbour strike\","
                       " \"events\": [{\"id\": \"deal\", \"date\": \"2025-03-18\","
                       " \"title\": \"Maria Costa announces the deal\"},"
                       " {\"id\": \"other\", \"date\": \"2025-03-03\", \"title\": \"Ferry timetable changes\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  chronicle_window_open (fixture->window, existing);
  chronicle_test_wait_for (window_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_nonnull (chronicle_window_get_timeline (fixture->window));

  page = import_and_wait (fixture, article);
  proposals = chronicle_review_page_get_proposals (page);
  deal = find_proposal (page, "2025-03-18", &position);
  g_assert_cmpstr (chronicle_review_proposal_get_duplicate_of (deal), ==, "Maria Costa announces the deal");
  /* Flagged ones start rejected, and the row says why. */
  g_assert_false (chronicle_review_proposal_get_accepted (deal));
  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (proposals, i);
      GtkWidget *flag = find_named (proposal_row (page, i), "duplicate-flag");

      if (chronicle_review_proposal_get_duplicate_of (proposal) != NULL)
        flagged++;
      g_assert_nonnull (flag);
      g_assert_true (gtk_widget_get_visible (flag) == (i == position));
      if (i == position)
        g_assert_nonnull (strstr (flag_text (flag), "Maria Costa announces the deal"));
    }
  /* Same day, other words; other days: not flagged. */
  g_assert_cmpuint (flagged, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.cancel", NULL));
  g_assert_null (_chronicle_window_get_review_page (fixture->window));
}

/* A timeline and an article opened together (a drop, the command line):
 * the tab finishes loading behind the review, which keeps its header, and
 * its events are flagged once they are in. */
static void
test_review_header_while_tab_loads (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "strike.chronicle.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  g_autoptr(GError) error = NULL;
  ChronicleReviewPage *page;
  ChronicleReviewProposal *deal;

  g_file_set_contents (path,
                       "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Harbour strike\","
                       " \"events\": [{\"id\": \"deal\", \"date\": \"2025-03-18\","
                       " \"title\": \"Maria Costa announces the deal\"}]}", -1, &error);
  g_assert_no_error (error);
  chronicle_window_open (fixture->window, file);
  page = import_and_wait (fixture, article);
  chronicle_test_wait_for (window_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->window_title), ==, "Review Article");
  g_assert_false (gtk_widget_get_visible (fixture->window->navigation_box));
  g_assert_false (gtk_widget_get_visible (fixture->window->sidebar_button));
  g_assert_false (gtk_widget_get_visible (fixture->window->spinner));   /* the load is over */
  deal = find_proposal (page, "2025-03-18", NULL);
  g_assert_cmpstr (chronicle_review_proposal_get_duplicate_of (deal), ==, "Maria Costa announces the deal");
  g_assert_false (chronicle_review_proposal_get_accepted (deal));

  /* Back to the tabs: their header again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.cancel", NULL));
  g_assert_cmpstr (adw_window_title_get_title (fixture->window->window_title), ==, "Harbour strike");
  g_assert_true (gtk_widget_get_visible (fixture->window->navigation_box));
}

/* The timeline the review tests add to: two events, one of them like
 * the article's deal (same day, similar words). */
static ChronicleDocument *
open_existing (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "strike.chronicle.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ChronicleTimelinePage *current;

  g_file_set_contents (path,
                       "{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Harbour strike\","
                       " \"events\": [{\"id\": \"deal\", \"date\": \"2025-03-18\","
                       " \"title\": \"Maria Costa announces the deal\"},"
                       " {\"id\": \"other\", \"date\": \"2025-03-03\", \"title\": \"Ferry timetable changes\"}]}",
                       -1, &error);
  g_assert_no_error (error);
  chronicle_window_open (fixture->window, file);
  chronicle_test_wait_for (window_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  current = chronicle_window_get_current_page (fixture->window);
  g_assert_nonnull (current);
  g_assert_nonnull (chronicle_document_get_timeline (chronicle_timeline_page_get_document (current)));
  return chronicle_timeline_page_get_document (current);
}

/* Accepts the proposals on @dates (NULL-terminated) and no other. */
static void
accept_only (ChronicleReviewPage *page,
             const char * const  *dates)
{
  GListModel *proposals = chronicle_review_page_get_proposals (page);

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (proposals, i);
      g_autofree char *iso = chronicle_date_to_iso (chronicle_review_proposal_get_date (proposal));

      chronicle_review_proposal_set_accepted (proposal, g_strv_contains (dates, iso));
    }
}

/* "Add to Current Timeline": two proposals go into the timeline in
 * front, with the article as a source, as one step: one undo takes both
 * out, one redo puts both back. */
static void
test_review_add_to_current_undo (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleDocument *document = open_existing (fixture);
  ChronicleTimeline *timeline = chronicle_document_get_timeline (document);
  const char * const two[] = { "2025-03-03", "2025-03-17", NULL };
  ChronicleReviewPage *page;
  GtkWidget *button;
  guint n_sources;

  n_sources = g_list_model_get_n_items (chronicle_timeline_get_sources (timeline));
  g_assert_false (chronicle_document_get_can_undo (document));
  page = import_and_wait (fixture, article);
  g_assert_true (chronicle_review_page_get_document (page) == document);
  button = find_named (GTK_WIDGET (page), "add-current-button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));

  accept_only (page, two);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-to-current", NULL));
  /* The review closes on the timeline it added to. */
  g_assert_null (_chronicle_window_get_review_page (fixture->window));
  g_assert_true (chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window)) == document);

  timeline = chronicle_document_get_timeline (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_sources (timeline)), ==, n_sources + 1);
  g_assert_true (chronicle_document_get_modified (document));
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Add 2 Events");
  /* the added events and their quotes cite the article, now a source */
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      const char *id = chronicle_timeline_get_event_id (timeline, i);
      const char * const *sources = chronicle_timeline_get_event_source_ids (timeline, i);

      if (strcmp (id, "deal") == 0 || strcmp (id, "other") == 0)
        continue;
      g_assert_nonnull (sources);
      g_assert_nonnull (chronicle_timeline_lookup_source (timeline, sources[0]));
      for (guint q = 0; q < chronicle_timeline_get_event_n_quotes (timeline, i); q++)
        g_assert_cmpstr (chronicle_quote_get_source_id (chronicle_timeline_get_event_quote (timeline, i, q)), ==,
                         sources[0]);
    }

  chronicle_document_undo (document);
  timeline = chronicle_document_get_timeline (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_sources (timeline)), ==, n_sources);
  g_assert_false (chronicle_document_get_can_undo (document));
  g_assert_false (chronicle_document_get_modified (document));

  chronicle_document_redo (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, 4);
}

/* The article's source id taken by another source of the timeline (two
 * articles of one publisher on one day): the article gets the next free
 * id and its events and quotes cite that; importing the same article
 * again adds no second source. */
static void
test_review_source_id_taken (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  g_autofree char *path = g_build_filename (fixture->tmpdir, "taken.chronicle.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *article_source = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(ChronicleReviewProposal) first = NULL;
  g_autoptr(GError) error = NULL;
  const char * const one[] = { "2025-03-17", NULL };
  const char * const other[] = { "2025-03-03", NULL };
  ChronicleReviewPage *page;
  ChronicleDocument *document;
  ChronicleTimeline *timeline;
  guint position;

  /* the id the draft gives the article */
  page = import_and_wait (fixture, article);
  first = g_list_model_get_item (chronicle_review_page_get_proposals (page), 0);
  article_source = g_strdup (chronicle_event_get_source_ids (chronicle_review_proposal_get_event (first))[0]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.cancel", NULL));

  contents = g_strdup_printf ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Taken\","
                              " \"sources\": [{\"id\": \"%s\", \"title\": \"Another story\"}],"
                              " \"events\": [{\"id\": \"x\", \"date\": \"2024-01-01\", \"title\": \"X\","
                              " \"sources\": [\"%s\"]}]}", article_source, article_source);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  chronicle_window_open (fixture->window, file);
  chronicle_test_wait_for (window_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  document = chronicle_timeline_page_get_document (chronicle_window_get_current_page (fixture->window));

  page = import_and_wait (fixture, article);
  accept_only (page, one);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-to-current", NULL));
  timeline = chronicle_document_get_timeline (document);
  expected = g_strdup_printf ("%s-2", article_source);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_sources (timeline)), ==, 2);
  g_assert_cmpstr (chronicle_source_get_title (chronicle_timeline_lookup_source (timeline, article_source)), ==,
                   "Another story");
  g_assert_nonnull (chronicle_timeline_lookup_source (timeline, expected));
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    if (strcmp (chronicle_timeline_get_event_id (timeline, i), "x") != 0)
      {
        g_assert_cmpstr (chronicle_timeline_get_event_source_ids (timeline, i)[0], ==, expected);
        g_assert_cmpuint (chronicle_timeline_get_event_n_quotes (timeline, i), ==, 1);
        g_assert_cmpstr (chronicle_quote_get_source_id (chronicle_timeline_get_event_quote (timeline, i, 0)), ==,
                         expected);
      }
  g_assert_true (chronicle_timeline_lookup_position (timeline, "x", &position));
  g_assert_cmpstr (chronicle_timeline_get_event_source_ids (timeline, position)[0], ==, article_source);

  /* the same article again: its source is there already */
  page = import_and_wait (fixture, article);
  accept_only (page, other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-to-current", NULL));
  timeline = chronicle_document_get_timeline (document);
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_timeline_get_sources (timeline)), ==, 2);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 3);
}

/* The timeline closed during the review: nothing is added to it, and
 * the review stays for a new timeline. */
static void
test_review_current_closed (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  g_autoptr(ChronicleDocument) document = g_object_ref (open_existing (fixture));
  ChronicleReviewPage *page = import_and_wait (fixture, article);

  adw_tab_view_close_page (fixture->window->tab_view, adw_tab_view_get_nth_page (fixture->window->tab_view, 0));
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-to-current", NULL));
  g_assert_true (_chronicle_window_get_review_page (fixture->window) == page);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, 2);
  g_assert_false (chronicle_document_get_modified (document));
}

/* A flagged proposal merged: its quote and source go into the event it
 * looks like, nothing is added, and one undo takes it back. */
static void
test_review_merge (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleDocument *document = open_existing (fixture);
  const char * const none[] = { NULL };
  ChronicleReviewPage *page = import_and_wait (fixture, article);
  ChronicleReviewProposal *deal;
  ChronicleTimeline *timeline;
  ChronicleEvent *event;
  GtkWidget *merge;
  guint position;

  accept_only (page, none);
  /* nothing chosen: nothing to add */
  g_assert_false (gtk_widget_is_sensitive (find_named (GTK_WIDGET (page), "add-current-button")));
  deal = find_proposal (page, "2025-03-18", &position);
  g_assert_cmpstr (chronicle_review_proposal_get_duplicate_id (deal), ==, "deal");
  /* merging and accepting exclude each other */
  merge = find_named (proposal_row (page, position), "merge-check");
  g_assert_nonnull (merge);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (merge), TRUE);
  g_assert_true (chronicle_review_proposal_get_merge (deal));
  chronicle_review_proposal_set_accepted (deal, TRUE);
  g_assert_false (chronicle_review_proposal_get_merge (deal));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (merge)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (merge), TRUE);
  g_assert_false (chronicle_review_proposal_get_accepted (deal));
  g_assert_true (gtk_widget_is_sensitive (find_named (GTK_WIDGET (page), "add-current-button")));
  /* the count says so */
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (page), "count-label"))),
                            "1 to merge"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-to-current", NULL));
  timeline = chronicle_document_get_timeline (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "deal", &position));
  g_assert_cmpstr (chronicle_timeline_get_event_title (timeline, position), ==, "Maria Costa announces the deal");
  g_assert_cmpuint (chronicle_timeline_get_event_n_quotes (timeline, position), ==, 1);
  g_assert_cmpstr (chronicle_quote_get_speaker (chronicle_timeline_get_event_quote (timeline, position, 0)), ==,
                   "Maria Costa");
  event = chronicle_timeline_get_event (timeline, position);
  g_assert_nonnull (chronicle_event_get_source_ids (event)[0]);
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Merge 1 Event");

  chronicle_document_undo (document);
  timeline = chronicle_document_get_timeline (document);
  g_assert_true (chronicle_timeline_lookup_position (timeline, "deal", &position));
  g_assert_cmpuint (chronicle_timeline_get_event_n_quotes (timeline, position), ==, 0);
  g_assert_false (chronicle_document_get_modified (document));
}

/* The flag follows the proposal's date: a date away from the event it
 * looked like clears it (and merging), the same day flags it again. */
static void
test_review_duplicate_follows_date (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleReviewPage *page;
  ChronicleReviewProposal *deal, *silva;
  guint deal_position, silva_position;
  GtkWidget *flag;

  open_existing (fixture);
  page = import_and_wait (fixture, article);
  deal = find_proposal (page, "2025-03-18", &deal_position);
  flag = find_named (proposal_row (page, deal_position), "duplicate-flag");
  g_assert_true (gtk_widget_get_visible (flag));
  chronicle_review_proposal_set_merge (deal, TRUE);

  edit_date (page, deal_position, "2025-03-10");
  flag = find_named (proposal_row (page, deal_position), "duplicate-flag");
  g_assert_null (chronicle_review_proposal_get_duplicate_of (deal));
  g_assert_false (chronicle_review_proposal_get_merge (deal));
  g_assert_false (gtk_widget_get_visible (flag));

  edit_date (page, deal_position, "2025-03-18");
  flag = find_named (proposal_row (page, deal_position), "duplicate-flag");
  g_assert_cmpstr (chronicle_review_proposal_get_duplicate_of (deal), ==, "Maria Costa announces the deal");
  g_assert_true (gtk_widget_get_visible (flag));
  g_assert_nonnull (strstr (flag_text (flag), "Maria Costa announces the deal"));

  /* Another proposal moved onto that day with like words is flagged too;
   * with other words it is not. */
  silva = find_proposal (page, "2025-03-17", &silva_position);
  flag = find_named (proposal_row (page, silva_position), "duplicate-flag");
  g_assert_false (gtk_widget_get_visible (flag));
  edit_date (page, silva_position, "2025-03-18");
  g_assert_null (chronicle_review_proposal_get_duplicate_of (silva));
  open_editor (page, silva_position);
  gtk_editable_set_text (GTK_EDITABLE (editor_part (page, "title_row")), "Maria Costa announced the deal");
  editor_done (page);
  g_assert_nonnull (chronicle_review_proposal_get_duplicate_of (silva));
  flag = find_named (proposal_row (page, silva_position), "duplicate-flag");
  g_assert_true (gtk_widget_get_visible (flag));

  /* Undoing the review's edits takes the flag back off. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.undo", NULL));
  g_assert_null (chronicle_review_proposal_get_duplicate_of (silva));
  g_assert_cmpstr (chronicle_review_proposal_get_headline (silva), !=, "Maria Costa announced the deal");
}

static void
set_editor_text (ChronicleReviewPage *page,
                 const char          *part,
                 const char          *text)
{
  GtkWidget *widget = editor_part (page, part);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

/* Every field of a proposal edited in the event editor (the date at a
 * month, an end, headline, summary, a new category, actors, place, a
 * quote's speaker and role, a quote added) and the proposal added to the
 * timeline in front: the event there has those fields, its quotes cite
 * the article, the category came too, and one undo takes it all out. */
static void
test_review_edit_fields_then_add (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleDocument *document = open_existing (fixture);
  const char * const deal_only[] = { "2025-03-18", NULL };
  ChronicleReviewPage *page = import_and_wait (fixture, article);
  ChronicleEventEditor *editor;
  ChronicleReviewProposal *deal;
  AdwComboRow *category;
  GtkListBoxRow *quote_row;
  ChronicleTimeline *timeline;
  ChronicleEvent *event = NULL;
  ChronicleQuote *quote;
  const char * const *actors;
  const char * const *sources;
  guint position;
  guint start, end;
  guint shown_start, shown_end;

  deal = find_proposal (page, "2025-03-18", &position);
  /* rejected as like "Maria Costa announces the deal": taken instead */
  chronicle_review_proposal_get_evidence (deal, &start, &end);
  editor = open_editor (page, position);
  /* the article shows the evidence of what is edited */
  g_assert_true (chronicle_review_page_get_highlight (page, &shown_start, &shown_end));
  g_assert_cmpuint (shown_start, ==, start);
  g_assert_cmpuint (shown_end, ==, end);

  set_editor_text (page, "date_row", "2025-03");
  set_editor_text (page, "end_row", "2025-04-02");
  set_editor_text (page, "title_row", "Costa announces the harbour deal");
  set_editor_text (page, "summary_view", "The union accepted the offer after a night of talks.");
  set_editor_text (page, "actors_row", "Maria Costa, Dockworkers' Union");
  set_editor_text (page, "location_row", "Lisbon");
  category = ADW_COMBO_ROW (editor_part (page, "category_row"));
  adw_combo_row_set_selected (category, g_list_model_get_n_items (adw_combo_row_get_model (category)) - 1);
  set_editor_text (page, "new_category_row", "Labour");

  /* the extracted quote: its speaker's role */
  quote_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (editor_part (page, "quotes_list")), 0);
  g_assert_nonnull (quote_row);
  g_signal_emit_by_name (editor_part (page, "quotes_list"), "row-activated", quote_row);
  set_editor_text (page, "quote_role_row", "union leader");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close-quote", NULL));
  /* and one more */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-quote", NULL));
  set_editor_text (page, "quote_text_view", "The harbour opens on Monday.");
  set_editor_text (page, "quote_speaker_row", "Joao Silva");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.close-quote", NULL));
  editor_done (page);

  /* the row shows the edit */
  g_assert_cmpstr (row_headline (page, position), ==, "Costa announces the harbour deal");
  accept_only (page, deal_only);
  deal = find_proposal (page, "2025-03", NULL);
  chronicle_review_proposal_set_accepted (deal, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-to-current", NULL));

  timeline = chronicle_document_get_timeline (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 3);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    if (g_strcmp0 (chronicle_timeline_get_event_title (timeline, i), "Costa announces the harbour deal") == 0)
      event = chronicle_timeline_get_event (timeline, i);
  g_assert_nonnull (event);
  {
    g_autofree char *iso = chronicle_date_to_iso (chronicle_event_get_date (event));
    g_autofree char *end_iso = NULL;

    g_assert_nonnull (chronicle_event_get_end (event));
    end_iso = chronicle_date_to_iso (chronicle_event_get_end (event));

    g_assert_cmpstr (iso, ==, "2025-03");
    g_assert_cmpint (chronicle_event_get_date (event)->precision, ==, CHRONICLE_DATE_PRECISION_MONTH);
    g_assert_cmpstr (end_iso, ==, "2025-04-02");
  }
  g_assert_cmpstr (chronicle_event_get_summary (event), ==, "The union accepted the offer after a night of talks.");
  g_assert_cmpstr (chronicle_event_get_location (event), ==, "Lisbon");
  actors = chronicle_event_get_actors (event);
  g_assert_nonnull (actors);
  g_assert_cmpstr (actors[0], ==, "Maria Costa");
  g_assert_cmpstr (actors[1], ==, "Dockworkers' Union");
  g_assert_null (actors[2]);
  g_assert_cmpstr (chronicle_event_get_category_id (event), ==, "labour");
  g_assert_nonnull (chronicle_timeline_lookup_category (timeline, "labour"));
  g_assert_cmpstr (chronicle_category_get_label (chronicle_timeline_lookup_category (timeline, "labour")), ==,
                   "Labour");
  sources = chronicle_event_get_source_ids (event);
  g_assert_nonnull (sources);
  g_assert_nonnull (chronicle_timeline_lookup_source (timeline, sources[0]));
  g_assert_cmpuint (chronicle_event_get_n_quotes (event), ==, 2);
  quote = chronicle_event_get_quote (event, 0);
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Maria Costa");
  g_assert_cmpstr (chronicle_quote_get_role (quote), ==, "union leader");
  g_assert_cmpstr (chronicle_quote_get_source_id (quote), ==, sources[0]);
  quote = chronicle_event_get_quote (event, 1);
  g_assert_cmpstr (chronicle_quote_get_text (quote), ==, "The harbour opens on Monday.");
  g_assert_cmpstr (chronicle_quote_get_speaker (quote), ==, "Joao Silva");

  /* one step: event, source and category go together */
  g_assert_cmpstr (chronicle_document_get_undo_label (document), ==, "Undo Add 1 Event");
  chronicle_document_undo (document);
  timeline = chronicle_document_get_timeline (document);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, 2);
  g_assert_null (chronicle_timeline_lookup_category (timeline, "labour"));
  g_assert_false (chronicle_document_get_modified (document));
}

/* Cancel in the editor leaves the proposal as it was; the review's
 * undo takes back an edit made with Done, row and all. */
static void
test_review_edit_cancel_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleReviewPage *page = import_and_wait (fixture, article);
  ChronicleReviewProposal *strike;
  g_autofree char *before = NULL;
  guint position;

  strike = find_proposal (page, "2025-03-03", &position);
  before = g_strdup (chronicle_review_proposal_get_headline (strike));
  g_assert_false (chronicle_review_page_undo (page));

  /* Enter (or a double click) on a row opens it too; a single click only
   * selects it, to show its evidence. */
  g_assert_false (gtk_list_box_get_activate_on_single_click (GTK_LIST_BOX (find_descendant (GTK_WIDGET (page),
                                                                                            GTK_TYPE_LIST_BOX))));
  g_signal_emit_by_name (find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX), "row-activated",
                         proposal_row (page, position));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chronicle_review_page_get_editor (page))));
  set_editor_text (page, "title_row", "Not this");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chronicle_review_page_get_editor (page)),
                                             "editor.cancel", NULL));
  g_assert_cmpstr (chronicle_review_proposal_get_headline (strike), ==, before);

  open_editor (page, position);
  set_editor_text (page, "title_row", "The strike starts");
  set_editor_text (page, "location_row", "Lisbon harbour");
  editor_done (page);
  g_assert_cmpstr (chronicle_review_proposal_get_headline (strike), ==, "The strike starts");
  g_assert_cmpstr (chronicle_event_get_location (chronicle_review_proposal_get_event (strike)), ==, "Lisbon harbour");

  g_assert_true (chronicle_test_has_key_binding (GTK_WIDGET (page), GDK_KEY_z, GDK_CONTROL_MASK, "review.undo"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.undo", NULL));
  g_assert_cmpstr (chronicle_review_proposal_get_headline (strike), ==, before);
  g_assert_cmpstr (chronicle_event_get_location (chronicle_review_proposal_get_event (strike)), !=, "Lisbon harbour");
  g_assert_cmpstr (row_headline (page, position), ==, before);
  g_assert_false (chronicle_review_page_undo (page));
}

/* Accepting, rejecting and merging are steps of the review's undo too:
 * one click, one step (merging rejects, and comes back as one); what
 * the page decides by itself (a flagged proposal starts rejected) is not
 * a step. */
static void
test_review_undo_choices (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleReviewPage *page;
  ChronicleReviewProposal *strike, *deal;
  guint strike_position, deal_position;
  GtkWidget *check;
  GtkWidget *merge;

  open_existing (fixture);
  page = import_and_wait (fixture, article);
  deal = find_proposal (page, "2025-03-18", &deal_position);
  g_assert_false (chronicle_review_proposal_get_accepted (deal));
  g_assert_false (chronicle_review_page_undo (page));

  strike = find_proposal (page, "2025-03-03", &strike_position);
  check = find_descendant (proposal_row (page, strike_position), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_false (chronicle_review_proposal_get_accepted (strike));

  merge = find_named (proposal_row (page, deal_position), "merge-check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (merge), TRUE);
  check = find_descendant (proposal_row (page, deal_position), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);   /* accepting stops merging */
  g_assert_true (chronicle_review_proposal_get_accepted (deal));
  g_assert_false (chronicle_review_proposal_get_merge (deal));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.undo", NULL));
  g_assert_false (chronicle_review_proposal_get_accepted (deal));
  g_assert_true (chronicle_review_proposal_get_merge (deal));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (merge)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.undo", NULL));
  g_assert_false (chronicle_review_proposal_get_accepted (deal));
  g_assert_false (chronicle_review_proposal_get_merge (deal));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.undo", NULL));
  g_assert_true (chronicle_review_proposal_get_accepted (strike));
  g_assert_false (chronicle_review_page_undo (page));

  /* The same through the API (no property freeze coalescing the two
   * notifications): merging an accepted proposal is one step. */
  chronicle_review_proposal_set_accepted (deal, TRUE);
  chronicle_review_proposal_set_merge (deal, TRUE);
  g_assert_false (chronicle_review_proposal_get_accepted (deal));
  g_assert_true (chronicle_review_page_undo (page));
  g_assert_true (chronicle_review_proposal_get_accepted (deal));
  g_assert_false (chronicle_review_proposal_get_merge (deal));
  g_assert_true (chronicle_review_page_undo (page));
  g_assert_false (chronicle_review_proposal_get_accepted (deal));
  g_assert_false (chronicle_review_page_undo (page));
}

/* Ctrl+Z with the review page in front undoes the typing in an editor's
 * field, else (the window's Undo) takes back a proposal's edit, never
 * the last change of the timeline hidden behind. */
static void
test_review_window_undo_is_the_reviews (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleDocument *document = open_existing (fixture);
  const char * const one[] = { "2025-03-17", NULL };
  ChronicleReviewPage *page;
  ChronicleReviewProposal *strike;
  g_autofree char *before = NULL;
  GtkWidget *focus;
  int text_end;
  guint position;

  /* the timeline gets a step to undo */
  page = import_and_wait (fixture, article);
  accept_only (page, one);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.add-to-current", NULL));
  g_assert_true (chronicle_document_get_can_undo (document));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, 3);

  page = import_and_wait (fixture, article);
  strike = find_proposal (page, "2025-03-03", &position);
  before = g_strdup (chronicle_review_proposal_get_headline (strike));
  open_editor (page, position);
  set_editor_text (page, "title_row", "The strike starts");
  editor_done (page);

  /* In a field of the editor, Ctrl+Z undoes the typing, and only that. */
  open_editor (page, position);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "The strike starts");
  text_end = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (focus)), -1);
  gtk_editable_insert_text (GTK_EDITABLE (focus), " again", -1, &text_end);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "The strike starts again");
  /* The window's Undo is off while the editor is open (the review has
   * nothing to take back before Done or Cancel), so its shortcut lets
   * Ctrl+Z on to the field, whose own binding undoes the typing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (chronicle_review_proposal_get_headline (strike), ==, "The strike starts");
  g_assert_true (chronicle_test_has_key_binding (focus, GDK_KEY_z, GDK_CONTROL_MASK, "text.undo"));
  g_assert_true (gtk_widget_activate_action (focus, "text.undo", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "The strike starts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chronicle_review_page_get_editor (page)),
                                             "editor.cancel", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (chronicle_review_proposal_get_headline (strike), ==, before);
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, 3);
  /* nothing left in the review to undo: still not the timeline's */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpuint (chronicle_timeline_get_n_events (chronicle_document_get_timeline (document)), ==, 3);
  g_assert_true (chronicle_document_get_can_undo (document));
}

/* The article with many undated paragraphs before its strike, so that
 * the later proposals' sentences lie far below the first screen. */
static GFile *
write_long_article (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "long.txt", NULL);
  const char *strike = strstr (article_text, "The strike began");
  GString *text = g_string_new_len (article_text, strike - article_text);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 80; i++)
    g_string_append (text, "The harbour has twelve berths, three cranes and a ferry terminal that "
                           "serves the islands, and its workers load grain, cars and timber.\n\n");
  g_string_append (text, strike);
  g_file_set_contents (path, text->str, -1, &error);
  g_string_free (text, TRUE);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static GtkTextView *
article_view (ChronicleReviewPage *page)
{
  /* the article's view comes before the editor's in the page */
  GtkWidget *view = find_descendant (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

/* Where the character at @offset is, against the part of the article
 * the view shows: < 0 above it, 0 in it, > 0 below it. */
static int
offset_against_view (GtkTextView *view,
                     guint        offset)
{
  GtkTextIter iter;
  GdkRectangle visible, location;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (view), &iter, (int) offset);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &location);
  if (location.y < visible.y)
    return -1;
  if (location.y + location.height > visible.y + visible.height)
    return 1;
  return 0;
}

static gboolean
evidence_in_view (gpointer data)
{
  ChronicleReviewPage *page = data;
  guint start, end;

  return chronicle_review_page_get_highlight (page, &start, &end) &&
         offset_against_view (article_view (page), start) == 0;
}

/* Selecting a proposal (a click or the keyboard: the list's selection)
 * scrolls the article to its highlighted sentence, the first one as the
 * proposals come, and so does opening it in the editor after the
 * article was scrolled away. */
static void
test_review_scrolls_to_evidence (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) article = write_long_article (fixture);
  ChronicleReviewPage *page;
  GListModel *proposals;
  GtkAdjustment *vadjustment;
  guint position = G_MAXUINT;
  guint start, end;

  page = import_and_wait (fixture, article);
  g_assert_true (chronicle_review_page_set_published_text (page, "2025-03-20", NULL));
  chronicle_test_wait_for (evidence_in_view, page, CHRONICLE_TEST_WAIT_MS);

  /* a proposal whose sentence is off-screen now */
  proposals = chronicle_review_page_get_proposals (page);
  for (guint i = 0; i < g_list_model_get_n_items (proposals) && position == G_MAXUINT; i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (proposals, i);

      chronicle_review_proposal_get_evidence (proposal, &start, &end);
      if (offset_against_view (article_view (page), start) != 0)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_list_box_select_row (GTK_LIST_BOX (find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX)),
                           GTK_LIST_BOX_ROW (proposal_row (page, position)));
  g_assert_true (chronicle_review_page_get_highlight (page, &start, &end));
  chronicle_test_wait_for (evidence_in_view, page, CHRONICLE_TEST_WAIT_MS);

  /* scrolled to the other end by hand, then the editor opens it */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (article_view (page)));
  gtk_adjustment_set_value (vadjustment, start < 1000 ? gtk_adjustment_get_upper (vadjustment)
                                                      : gtk_adjustment_get_lower (vadjustment));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpint (offset_against_view (article_view (page), start), !=, 0);
  open_editor (page, position);
  chronicle_test_wait_for (evidence_in_view, page, CHRONICLE_TEST_WAIT_MS);
}

/* A button bound to @action in the window's header: its sensitivity is
 * the action's enabled state, as the menu item's is. */
static GtkWidget *
watch_action (ChronicleWindow *window,
              const char      *action)
{
  GtkWidget *button = gtk_button_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_box_append (GTK_BOX (window->navigation_box), button);
  return button;
}

static char *
dup_menu_label (ChronicleWindow *window,
                int              index)
{
  GMenuModel *section = G_MENU_MODEL (window->undo_section);
  char *label = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (section), >, index);
  g_assert_true (g_menu_model_get_item_attribute (section, index, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

#define assert_menu_label(window, index, expected) \
  G_STMT_START { \
    g_autofree char *label_ = dup_menu_label ((window), (index)); \
    g_assert_cmpstr (label_, ==, (expected)); \
  } G_STMT_END

/* While the review is in front, the window menu's Undo and Redo are the
 * review's (enabled, and named for its step), not those of the timeline
 * behind; closing the review gives them back to the timeline. */
static void
test_review_window_menu_undo (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  ChronicleDocument *document = open_existing (fixture);
  ChronicleTimeline *timeline = chronicle_document_get_timeline (document);
  g_autoptr(ChronicleEvent) changed = chronicle_event_copy (chronicle_timeline_lookup_event (timeline, "other"));
  GtkWidget *undo = watch_action (fixture->window, "win.undo");
  GtkWidget *redo = watch_action (fixture->window, "win.redo");
  g_autoptr(GError) error = NULL;
  ChronicleReviewPage *page;
  ChronicleReviewProposal *strike;
  GtkWidget *check;
  guint position;

  /* the timeline has a step to undo */
  chronicle_event_set_summary (changed, "Timetables change in spring");
  g_assert_true (chronicle_document_replace_event (document, "other", changed, "Edit Event", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_sensitive (undo));
  assert_menu_label (fixture->window, 0, "Undo Edit Event");

  /* the review has none yet */
  page = import_and_wait (fixture, article);
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));
  assert_menu_label (fixture->window, 0, "_Undo");
  assert_menu_label (fixture->window, 1, "_Redo");

  strike = find_proposal (page, "2025-03-03", &position);
  check = find_descendant (proposal_row (page, position), GTK_TYPE_CHECK_BUTTON);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_true (gtk_widget_get_sensitive (undo));
  g_assert_false (gtk_widget_get_sensitive (redo));
  assert_menu_label (fixture->window, 0, "Undo Reject");

  /* the menu's Undo and Redo act on the review */
  /* (the keyboard in the article's read-only text: no typing to undo there) */
  gtk_widget_grab_focus (GTK_WIDGET (article_view (page)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (article_view (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (chronicle_review_proposal_get_accepted (strike));
  g_assert_false (gtk_widget_get_sensitive (undo));
  g_assert_true (gtk_widget_get_sensitive (redo));
  assert_menu_label (fixture->window, 1, "Redo Reject");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_false (chronicle_review_proposal_get_accepted (strike));
  g_assert_false (gtk_widget_get_sensitive (redo));
  assert_menu_label (fixture->window, 0, "Undo Reject");
  g_assert_cmpstr (chronicle_event_get_summary (chronicle_timeline_lookup_event (chronicle_document_get_timeline (document),
                                                                                "other")),
                   ==, "Timetables change in spring");

  /* an edit in the editor; none while it is open */
  open_editor (page, position);
  g_assert_false (gtk_widget_get_sensitive (undo));
  set_editor_text (page, "title_row", "The strike starts");
  editor_done (page);
  g_assert_true (gtk_widget_get_sensitive (undo));
  assert_menu_label (fixture->window, 0, "Undo Edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (chronicle_review_proposal_get_headline (strike), !=, "The strike starts");
  assert_menu_label (fixture->window, 1, "Redo Edit");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL));
  g_assert_cmpstr (chronicle_review_proposal_get_headline (strike), ==, "The strike starts");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));

  /* a new choice after an undo: nothing to redo */
  g_assert_true (gtk_widget_get_sensitive (redo));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find_descendant (proposal_row (page, position),
                                                                  GTK_TYPE_CHECK_BUTTON)), TRUE);
  assert_menu_label (fixture->window, 0, "Undo Accept");
  g_assert_false (gtk_widget_get_sensitive (redo));
  assert_menu_label (fixture->window, 1, "_Redo");

  /* the review closed, the timeline's again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.cancel", NULL));
  g_assert_true (gtk_widget_get_sensitive (undo));
  assert_menu_label (fixture->window, 0, "Undo Edit Event");
}

/* Opening a timeline during a review shows the tabs; Import Article
 * brings the same review back, choices kept, rather than a second one. */
static void
test_review_back_after_open (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, TRUE);
  g_autoptr(GFile) other = write_article (fixture, FALSE);
  g_autofree char *example_path = chronicle_test_example_path ();
  g_autoptr(GFile) example = g_file_new_for_path (example_path);
  ChronicleReviewPage *page = import_and_wait (fixture, article);
  g_autoptr(ChronicleReviewProposal) first = g_list_model_get_item (chronicle_review_page_get_proposals (page), 0);

  chronicle_review_proposal_set_accepted (first, FALSE);
  chronicle_window_open (fixture->window, example);
  chronicle_test_wait_for (window_idle, fixture->window, CHRONICLE_TEST_WAIT_MS);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-article", NULL));
  g_assert_true (_chronicle_window_get_review_page (fixture->window) == page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (chronicle_review_proposal_get_accepted (first));

  /* Another article waits for this one. */
  _chronicle_window_import_article (fixture->window, other);
  g_assert_true (_chronicle_window_get_review_page (fixture->window) == page);
  g_assert_true (g_file_equal (chronicle_review_page_get_file (page), article));
}

/* Dropping an article on the window (as a file manager does: a file
 * list) opens the review page on it; a saved page and plain text alike. */
static void
test_review_drop_opens_review (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GFile) dated = write_article (fixture, TRUE);
  g_autoptr(GFile) plain = write_article (fixture, FALSE);
  GFile *articles[] = { dated, plain };
  GtkDropTarget *target = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  ChronicleReviewPage *page;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autoptr(GSList) list = g_slist_prepend (NULL, articles[i]);
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean handled = FALSE;

      g_value_init (&value, GDK_TYPE_FILE_LIST);
      g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
      g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
      g_assert_true (handled);

      page = _chronicle_window_get_review_page (fixture->window);
      g_assert_nonnull (page);
      g_assert_true (g_file_equal (chronicle_review_page_get_file (page), articles[i]));
      chronicle_test_wait_for (review_settled, page, CHRONICLE_TEST_WAIT_MS);
      /* the saved page dates itself; the text asks */
      g_assert_cmpstr (chronicle_review_page_get_state (page), ==, i == 0 ? "review" : "needs-date");
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.cancel", NULL));
      g_assert_null (_chronicle_window_get_review_page (fixture->window));
    }
  g_assert_cmpuint (chronicle_window_get_n_pages (fixture->window), ==, 0);
}

/* What a drop (or the command line) sends to the review page. */
static void
test_review_article_files (void)
{
  static const struct { const char *path; gboolean article; } cases[] = {
    { "/tmp/a/story.txt", TRUE },
    { "/tmp/a/Saved Page.HTML", TRUE },
    { "/tmp/a/page.htm", TRUE },
    { "/tmp/a/timeline.chronicle.json", FALSE },
    { "/tmp/a/txt", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);

      g_assert_cmpint (_chronicle_window_is_article_file (file), ==, cases[i].article);
    }
}

static void
test_review_titles_similar (void)
{
  g_assert_true (chronicle_review_titles_similar ("Union leader Maria Costa announced the deal",
                                                  "Maria Costa announces the deal"));
  g_assert_true (chronicle_review_titles_similar ("Russia and Ukraine meet in Istanbul",
                                                  "Ukraine, Russia meet in Istanbul for talks"));
  g_assert_false (chronicle_review_titles_similar ("The strike began", "Ferry timetable changes"));
  g_assert_false (chronicle_review_titles_similar ("The talks", "The talks"));  /* one word is no evidence */
  g_assert_false (chronicle_review_titles_similar ("", "Maria Costa"));
}

static void
test_review_asks_for_publication_date (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GFile) article = write_article (fixture, FALSE);
  ChronicleReviewPage *page = import_and_wait (fixture, article);
  GtkWidget *entry;
  g_autoptr(GError) error = NULL;

  /* Not an error page: the page asks. */
  g_assert_cmpstr (chronicle_review_page_get_state (page), ==, "needs-date");
  g_assert_null (chronicle_review_page_get_error (page));
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_review_page_get_proposals (page)), ==, 0);
  entry = find_descendant (GTK_WIDGET (page), GTK_TYPE_ENTRY);
  g_assert_true (gtk_widget_is_visible (entry));
  g_assert_true (gtk_widget_has_focus (entry) || gtk_widget_is_focus (entry) ||
                 gtk_widget_get_focus_child (entry) != NULL);

  /* What the file format does not accept is refused, with the parser's word. */
  g_assert_false (chronicle_review_page_set_published_text (page, "20 March", &error));
  g_assert_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX);
  g_clear_error (&error);
  gtk_editable_set_text (GTK_EDITABLE (entry), "2025-03-20");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (chronicle_review_page_get_state (page), ==, "review");
  g_assert_cmpuint (g_list_model_get_n_items (chronicle_review_page_get_proposals (page)), ==, 4);
  find_proposal (page, "2025-03-18", NULL);
  g_assert_false (gtk_widget_is_visible (entry));
}

static void
test_review_unreadable_article (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "missing.txt", NULL);
  g_autoptr(GFile) article = g_file_new_for_path (path);
  ChronicleReviewPage *page = import_and_wait (fixture, article);

  g_assert_cmpstr (chronicle_review_page_get_state (page), ==, "error");
  g_assert_nonnull (chronicle_review_page_get_error (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "review.cancel", NULL));
  g_assert_true (chronicle_window_get_start_page_visible (fixture->window));
}

static void
test_review_import_accelerator (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.import-article");
  guint key = 0;
  GdkModifierType mods = 0;

  g_assert_nonnull (accels);
  g_assert_nonnull (accels[0]);
  g_assert_true (gtk_accelerator_parse (accels[0], &key, &mods));
  g_assert_cmpuint (key, ==, GDK_KEY_i);
  g_assert_cmpuint (mods, ==, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
}

int
main (int   argc,
      char *argv[])
{
  if (!chronicle_test_ui_init (&argc, &argv))
    return 0;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  app = chronicle_test_ui_start_app ();

  g_test_add ("/review/reject-accept-add", Fixture, NULL,
              fixture_setup, test_review_reject_accept_add, fixture_teardown);
  g_test_add ("/review/edit-date", Fixture, NULL, fixture_setup, test_review_edit_date, fixture_teardown);
  g_test_add ("/review/flags-duplicates", Fixture, NULL,
              fixture_setup, test_review_flags_duplicates, fixture_teardown);
  g_test_add ("/review/asks-for-publication-date", Fixture, NULL,
              fixture_setup, test_review_asks_for_publication_date, fixture_teardown);
  g_test_add ("/review/unreadable-article", Fixture, NULL,
              fixture_setup, test_review_unreadable_article, fixture_teardown);
  g_test_add ("/review/back-after-open", Fixture, NULL,
              fixture_setup, test_review_back_after_open, fixture_teardown);
  g_test_add ("/review/add-to-current-undo", Fixture, NULL,
              fixture_setup, test_review_add_to_current_undo, fixture_teardown);
  g_test_add ("/review/merge", Fixture, NULL, fixture_setup, test_review_merge, fixture_teardown);
  g_test_add ("/review/current-closed", Fixture, NULL,
              fixture_setup, test_review_current_closed, fixture_teardown);
  g_test_add ("/review/source-id-taken", Fixture, NULL,
              fixture_setup, test_review_source_id_taken, fixture_teardown);
  g_test_add ("/review/header-while-tab-loads", Fixture, NULL,
              fixture_setup, test_review_header_while_tab_loads, fixture_teardown);
  g_test_add ("/review/duplicate-follows-date", Fixture, NULL,
              fixture_setup, test_review_duplicate_follows_date, fixture_teardown);
  g_test_add ("/review/edit-fields-then-add", Fixture, NULL,
              fixture_setup, test_review_edit_fields_then_add, fixture_teardown);
  g_test_add ("/review/edit-cancel-undo", Fixture, NULL,
              fixture_setup, test_review_edit_cancel_undo, fixture_teardown);
  g_test_add ("/review/undo-choices", Fixture, NULL,
              fixture_setup, test_review_undo_choices, fixture_teardown);
  g_test_add ("/review/window-undo-is-the-reviews", Fixture, NULL,
              fixture_setup, test_review_window_undo_is_the_reviews, fixture_teardown);
  g_test_add ("/review/scrolls-to-evidence", Fixture, NULL,
              fixture_setup, test_review_scrolls_to_evidence, fixture_teardown);
  g_test_add ("/review/window-menu-undo", Fixture, NULL,
              fixture_setup, test_review_window_menu_undo, fixture_teardown);
  g_test_add ("/review/drop-opens-review", Fixture, NULL,
              fixture_setup, test_review_drop_opens_review, fixture_teardown);
  g_test_add_func ("/review/article-files", test_review_article_files);
  g_test_add_func ("/review/titles-similar", test_review_titles_similar);
  g_test_add_func ("/review/import-accelerator", test_review_import_accelerator);

  {
    int status = g_test_run ();

    chronicle_test_ui_stop_app (&app);
    return status;
  }
}
