/* chronicle-review-page.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-review-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-review-page.h"

#include "chronicle-article.h"
#include "chronicle-category.h"
#include "chronicle-document.h"
#include "chronicle-event-editor.h"
#include "chronicle-extractor.h"
#include "chronicle-review-proposal.h"
#include "chronicle-text-private.h"

struct _ChronicleReviewPage
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkStack          *stack;
  AdwStatusPage     *loading_page;
  GtkSpinner        *loading_spinner;
  AdwStatusPage     *error_page;
  GtkWidget         *published_box;
  GtkEntry          *published_entry;
  GtkLabel          *published_error_label;
  GtkTextView       *text_view;
  GtkLabel          *empty_label;
  GtkListBox        *proposal_list;
  GtkStack          *side_stack;
  ChronicleEventEditor *editor;
  GtkLabel          *count_label;
  GtkWidget         *add_current_button;
  GtkWidget         *add_new_button;

  /* owned */
  GFile             *file;
  GCancellable      *cancellable;
  ChronicleArticle  *article;
  ChronicleTimeline *draft;       /* the extractor's, for its source */
  ChronicleDocument *document;    /* the timeline in front, or NULL */
  GSignalGroup      *document_signals;
  GListStore        *proposals;
  ChronicleReviewProposal *editing;  /* the proposal in the editor, or NULL */
  GPtrArray         *new_categories; /* ChronicleCategory, made in the editor */
  GArray            *undo_steps;     /* UndoStep: the review's own history of edits */
  GArray            *redo_steps;     /* UndoStep: what undo took back, to make again */
  guint              quiet;          /* > 0: choices change by themselves, not recorded */
  GtkTextTag        *evidence_tag;
  GtkTextMark       *evidence_mark;  /* the highlight's start */
  char              *error;
  const char        *state;       /* static */
  gboolean           has_highlight;
  guint              highlight_start;
  guint              highlight_end;
};

G_DEFINE_FINAL_TYPE (ChronicleReviewPage, chronicle_review_page, GTK_TYPE_WIDGET)

/* Edits to proposals kept to undo, at most: each holds an event. */
#define MAX_UNDO_STEPS 200

typedef enum
{
  STEP_EDIT,
  STEP_ACCEPT,
  STEP_REJECT,
  STEP_MERGE,
} StepKind;

/* What the window's menu calls each kind of step. */
static const struct
{
  const char *undo_label;
  const char *redo_label;
} step_labels[] = {
  /* Translators: the window menu's items while an article is reviewed:
   * they take back (and make again) the last edit, acceptance, rejection
   * or merge of a proposed event */
  [STEP_EDIT] = { N_("Undo Edit"), N_("Redo Edit") },
  [STEP_ACCEPT] = { N_("Undo Accept"), N_("Redo Accept") },
  [STEP_REJECT] = { N_("Undo Reject"), N_("Redo Reject") },
  [STEP_MERGE] = { N_("Undo Merge"), N_("Redo Merge") },
};

/* A step of the review's history: an edit of a proposal in the editor
 * (the event it replaced), or a choice (accept, reject, merge); both
 * keep what the proposal's choices were. On the redo side, the same
 * with what undo replaced. */
typedef struct
{
  ChronicleReviewProposal *proposal;
  ChronicleEvent          *previous;   /* NULL for a choice */
  gboolean                 accepted;
  gboolean                 merge;
  StepKind                 kind;
} UndoStep;

static void
undo_step_clear (gpointer data)
{
  UndoStep *step = data;

  g_clear_object (&step->proposal);
  g_clear_object (&step->previous);
}

enum {
  ADD,
  ADD_TO_CURRENT,
  CANCEL,
  HISTORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the worker thread hands back: the article, and the draft when the
 * article dates itself. */
typedef struct
{
  ChronicleArticle  *article;
  ChronicleTimeline *draft;
} Extraction;

static void
extraction_free (Extraction *extraction)
{
  g_clear_object (&extraction->article);
  g_clear_object (&extraction->draft);
  g_free (extraction);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Extraction, extraction_free)

static gboolean
extract (Extraction  *extraction,
         GError     **error)
{
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();

  extraction->draft = chronicle_extractor_extract (extractor, extraction->article, error);
  return extraction->draft != NULL;
}

static void
extract_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(Extraction) extraction = g_new0 (Extraction, 1);
  GError *error = NULL;

  extraction->article = chronicle_article_new_from_file (file, cancellable, &error);
  if (extraction->article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Without a publication date the page asks for one. */
  if (chronicle_article_get_published (extraction->article) != NULL && !extract (extraction, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&extraction), (GDestroyNotify) extraction_free);
}

/* The whole timeline of the document in front (a reload replaces it). */
static ChronicleTimeline *
existing_timeline (ChronicleReviewPage *self)
{
  return self->document != NULL ? chronicle_document_get_timeline (self->document) : NULL;
}

static void
update_count (ChronicleReviewPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->proposals));
  guint accepted = 0;
  guint merged = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), i);

      if (chronicle_review_proposal_get_accepted (proposal))
        accepted++;
      if (chronicle_review_proposal_get_merge (proposal))
        merged++;
    }
  /* Done or Cancel first: what the editor holds is not the proposal yet. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-to-current",
                                 existing_timeline (self) != NULL && accepted + merged > 0 && self->editing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo", chronicle_review_page_get_can_undo (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.redo", chronicle_review_page_get_can_redo (self));
  g_signal_emit (self, signals[HISTORY_CHANGED], 0);
  /* Translators: "2 of 5 events accepted" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u event accepted", "%'u of %'u events accepted", n),
                          accepted, n);
  if (merged > 0)
    {
      /* Translators: follows "2 of 5 events accepted" */
      g_autofree char *merging = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u to merge", "%'u to merge",
                                                               merged), merged);
      g_autofree char *both = g_strdup_printf (_("%s, %s"), text, merging);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->count_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add", accepted > 0 && self->editing == NULL);
  /* "None found" only once the article could be dated. */
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n == 0 && self->draft != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_list), n > 0);
}

static const char *
precision_name (ChronicleDatePrecision precision)
{
  switch (precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return _("a year");
    case CHRONICLE_DATE_PRECISION_MONTH:
      return _("a month");
    case CHRONICLE_DATE_PRECISION_DAY:
      return _("a day");
    default:
      return _("a time of day");
    }
}

/* What the date entry understood, or why it understood nothing. */
static void
show_date (GtkLabel             *label,
           const ChronicleDate  *date,
           const GError         *error)
{
  if (date != NULL)
    {
      g_autofree char *formatted = chronicle_date_format (date);
      /* Translators: a date as understood, and its precision: "16 May 2025 (a day)" */
      g_autofree char *text = g_strdup_printf (_("%s (%s)"), formatted, precision_name (date->precision));

      gtk_label_set_text (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Not a date: %s. Write it as 2025-05-16, 2025-05 or 2025."),
                                               error != NULL ? error->message : "");

      gtk_label_set_text (label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
}

static void
on_proposal_accepted_cb (ChronicleReviewPage *self)
{
  update_count (self);
}

static void
push_step_onto (GArray   *steps,
                UndoStep *step)
{
  if (steps->len >= MAX_UNDO_STEPS)
    g_array_remove_index (steps, 0);
  g_array_append_val (steps, *step);
}

/* A new step of the user's: what was undone cannot be made again. */
static void
push_step (ChronicleReviewPage *self,
           UndoStep            *step)
{
  push_step_onto (self->undo_steps, step);
  g_array_set_size (self->redo_steps, 0);
}

/* The proposal's choices as the review's history last saw them. */
static GQuark
choices_quark (void)
{
  return g_quark_from_static_string ("chronicle-review-choices");
}

static guint
get_choices (ChronicleReviewProposal *proposal)
{
  return (chronicle_review_proposal_get_accepted (proposal) ? 1 : 0) |
         (chronicle_review_proposal_get_merge (proposal) ? 2 : 0);
}

static void
remember_choices (ChronicleReviewProposal *proposal)
{
  g_object_set_qdata (G_OBJECT (proposal), choices_quark (), GUINT_TO_POINTER (get_choices (proposal) | 4));
}

/* The user ticked or unticked "accept" or "merge": a step to undo. One
 * click may change both (merging rejects, accepting stops merging): the
 * state in between, accepted and merged at once, is no step. */
static void
on_proposal_choice_cb (ChronicleReviewProposal *proposal,
                       GParamSpec              *pspec,
                       ChronicleReviewPage     *self)
{
  guint now = get_choices (proposal);
  guint before = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (proposal), choices_quark ())) & 3;
  UndoStep step = { NULL, NULL, (before & 1) != 0, (before & 2) != 0,
                    (now & 1) != 0 ? STEP_ACCEPT : (now & 2) != 0 ? STEP_MERGE : STEP_REJECT };

  if (now == 3)
    return;
  remember_choices (proposal);
  if (self->quiet > 0 || now == before)
    return;
  step.proposal = g_object_ref (proposal);
  push_step (self, &step);
  update_count (self);
}

/* Similar words are part of the test: a renamed proposal looks again. */
static void
on_proposal_headline_cb (ChronicleReviewProposal *proposal,
                         GParamSpec              *pspec,
                         ChronicleReviewPage     *self)
{
  chronicle_review_proposal_check_duplicate (proposal, existing_timeline (self));
}

static void
on_proposal_duplicate_cb (ChronicleReviewProposal *proposal,
                          GParamSpec              *pspec,
                          GtkWidget               *flag)
{
  const char *duplicate_of = chronicle_review_proposal_get_duplicate_of (proposal);
  GtkWidget *label = gtk_widget_get_first_child (flag);

  gtk_widget_set_visible (flag, duplicate_of != NULL);
  if (duplicate_of != NULL)
    {
      g_autofree char *title = chronicle_text_for_display (duplicate_of, CHRONICLE_TEXT_MAX_TITLE, FALSE);
      /* Translators: %s is the title of an event already in the timeline */
      g_autofree char *text = g_strdup_printf (_("Looks like “%s”, already in the timeline: "
                                                 "left out unless you accept it or merge into it"), title);

      gtk_label_set_text (GTK_LABEL (label), text);
    }
}

/* The flag of a proposal like an event of the timeline, and the choice to
 * merge into that event; hidden while there is none, and it follows the
 * proposal's edits. */
static GtkWidget *
make_duplicate_flag (ChronicleReviewPage     *self,
                     ChronicleReviewProposal *proposal)
{
  GtkWidget *flag = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *merge = gtk_check_button_new_with_mnemonic (_("_Merge its quotes and sources into that event"));

  gtk_widget_set_name (flag, "duplicate-flag");
  gtk_widget_set_margin_start (flag, 30);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "warning");
  gtk_box_append (GTK_BOX (flag), label);
  gtk_widget_set_name (merge, "merge-check");
  g_object_bind_property (proposal, "merge", merge, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (proposal, "notify::merge", G_CALLBACK (on_proposal_accepted_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (flag), merge);
  g_signal_connect_object (proposal, "notify::duplicate-of", G_CALLBACK (on_proposal_duplicate_cb), flag, 0);
  on_proposal_duplicate_cb (proposal, NULL, flag);
  return flag;
}

static GtkWidget *
make_quote_label (ChronicleQuote *quote)
{
  g_autofree char *role = chronicle_text_for_display (chronicle_quote_get_role (quote), CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_autofree char *text = chronicle_text_for_display (chronicle_quote_get_text (quote), CHRONICLE_TEXT_MAX_TEXT, TRUE);
  g_autofree char *speaker = chronicle_text_for_display (chronicle_quote_get_speaker (quote), CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_autofree char *line = NULL;
  GtkWidget *label;

  /* A quote added in the editor may have no speaker yet. */
  if (speaker[0] == '\0')
    /* Translators: a quote whose speaker is not known */
    line = g_strdup_printf (_("“%s”"), text);
  else if (role[0] != '\0')
    /* Translators: a quote, its speaker and the speaker's role */
    line = g_strdup_printf (_("“%s” — %s, %s"), text, speaker, role);
  else
    /* Translators: a quote and its speaker */
    line = g_strdup_printf (_("“%s” — %s"), text, speaker);
  label = gtk_label_new (line);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "review-quote");
  return label;
}

/* Tabbing into a row's check button or entries selects the row, so the
 * article shows the evidence of what the keyboard is on. */
static void
on_row_focus_enter_cb (GtkEventControllerFocus *controller,
                       GtkListBoxRow           *row)
{
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (row));

  if (GTK_IS_LIST_BOX (list) && !gtk_list_box_row_is_selected (row))
    gtk_list_box_select_row (GTK_LIST_BOX (list), row);
}

/* Who and where, in one dim line: "Marco Rubio, Sergei Lavrov — Istanbul". */
static GtkWidget *
make_details_label (ChronicleEvent *event)
{
  const char * const *actors = chronicle_event_get_actors (event);
  const char *location = chronicle_event_get_location (event);
  g_autofree char *who = actors != NULL && actors[0] != NULL ? g_strjoinv (", ", (char **) actors) : NULL;
  g_autofree char *line = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *label;

  if (who != NULL && location != NULL)
    /* Translators: who an event names, and where it happened */
    line = g_strdup_printf (_("%s — %s"), who, location);
  else if (who != NULL || location != NULL)
    line = g_strdup (who != NULL ? who : location);
  else
    return NULL;

  shown = chronicle_text_for_display (line, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  label = gtk_label_new (shown);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* One proposal's row: accept, headline and the button to edit it, its
 * date as understood, who and where, the duplicate flag, the quotes. A
 * row is made anew when its proposal is edited. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  ChronicleReviewPage *self = user_data;
  ChronicleReviewProposal *proposal = item;
  ChronicleEvent *event = chronicle_review_proposal_get_event (proposal);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *headline_text = chronicle_text_for_display (chronicle_review_proposal_get_headline (proposal),
                                                               CHRONICLE_TEXT_MAX_TITLE, FALSE);
  GtkWidget *headline = gtk_label_new (headline_text);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *understood = gtk_label_new (NULL);
  GtkWidget *details = make_details_label (event);
  g_autofree char *accept_name = NULL;
  g_autofree char *edit_name = NULL;
  GtkEventController *focus;
  guint position = 0;

  g_list_store_find (self->proposals, proposal, &position);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  /* Translators: the accessible name of a proposal's check button */
  accept_name = g_strdup_printf (_("Accept “%s”"), headline_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, accept_name, -1);
  gtk_widget_set_tooltip_text (check, _("Accept this event"));
  gtk_widget_set_valign (check, GTK_ALIGN_START);
  g_object_bind_property (proposal, "accepted", check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (proposal, "notify::accepted", G_CALLBACK (on_proposal_accepted_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_name (headline, "headline-label");
  gtk_label_set_wrap (GTK_LABEL (headline), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (headline), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (headline), 0.0);
  gtk_widget_set_hexpand (headline, TRUE);
  gtk_widget_add_css_class (headline, "heading");

  gtk_widget_set_name (edit, "edit-button");
  gtk_widget_set_valign (edit, GTK_ALIGN_START);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit Event"));
  /* Translators: the accessible name of a proposal's edit button */
  edit_name = g_strdup_printf (_("Edit “%s”"), headline_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, edit_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "review.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "u", position);

  gtk_box_append (GTK_BOX (top), check);
  gtk_box_append (GTK_BOX (top), headline);
  gtk_box_append (GTK_BOX (top), edit);
  gtk_box_append (GTK_BOX (box), top);

  gtk_widget_set_name (understood, "date-label");
  gtk_label_set_xalign (GTK_LABEL (understood), 0.0);
  gtk_label_set_wrap (GTK_LABEL (understood), TRUE);
  gtk_widget_set_margin_start (understood, 30);
  show_date (GTK_LABEL (understood), chronicle_review_proposal_get_date (proposal), NULL);
  gtk_box_append (GTK_BOX (box), understood);
  if (details != NULL)
    {
      gtk_widget_set_margin_start (details, 30);
      gtk_box_append (GTK_BOX (box), details);
    }

  gtk_box_append (GTK_BOX (box), make_duplicate_flag (self, proposal));

  for (guint i = 0; i < chronicle_event_get_n_quotes (event); i++)
    {
      GtkWidget *quote = make_quote_label (chronicle_event_get_quote (event, i));

      gtk_widget_set_margin_start (quote, 30);
      gtk_box_append (GTK_BOX (box), quote);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_row_focus_enter_cb), row);
  gtk_widget_add_controller (row, focus);
  return row;
}

/* The highlighted sentence into view, a third of the way down. A mark,
 * not an iter: the view measures its lines in idle time, and scrolling
 * to an iter uses the heights measured so far (none, for a text just
 * set, or one far below what was shown); a mark's scroll waits for them. */
static void
scroll_to_evidence (ChronicleReviewPage *self)
{
  if (self->has_highlight)
    gtk_text_view_scroll_to_mark (self->text_view, self->evidence_mark, 0.1, TRUE, 0.0, 0.3);
}

static void
highlight (ChronicleReviewPage *self,
           guint                start,
           guint                end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter from, to;

  gtk_text_buffer_get_bounds (buffer, &from, &to);
  gtk_text_buffer_remove_tag (buffer, self->evidence_tag, &from, &to);
  gtk_text_buffer_get_iter_at_offset (buffer, &from, (int) MIN (start, G_MAXINT));
  gtk_text_buffer_get_iter_at_offset (buffer, &to, (int) MIN (end, G_MAXINT));
  gtk_text_buffer_apply_tag (buffer, self->evidence_tag, &from, &to);
  gtk_text_buffer_move_mark (buffer, self->evidence_mark, &from);
  self->has_highlight = TRUE;
  self->highlight_start = gtk_text_iter_get_offset (&from);
  self->highlight_end = gtk_text_iter_get_offset (&to);
  scroll_to_evidence (self);
}

static void
on_proposal_list_row_selected_cb (ChronicleReviewPage *self,
                                  GtkListBoxRow       *row)
{
  g_autoptr(ChronicleReviewProposal) proposal = NULL;
  guint start, end;

  if (row == NULL)
    return;
  proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), gtk_list_box_row_get_index (row));
  if (proposal == NULL)
    return;
  chronicle_review_proposal_get_evidence (proposal, &start, &end);
  highlight (self, start, end);
}

static void
show_proposals (ChronicleReviewPage *self,
                Extraction          *extraction)
{
  /* New proposals: the old ones' editor and history go. */
  if (self->editing != NULL)
    chronicle_event_editor_cancel (self->editor);
  g_array_set_size (self->undo_steps, 0);
  g_array_set_size (self->redo_steps, 0);
  g_set_object (&self->draft, extraction->draft);
  g_list_store_remove_all (self->proposals);
  for (guint i = 0; i < chronicle_timeline_get_n_events (extraction->draft); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (extraction->draft, i);
      g_autoptr(ChronicleReviewProposal) proposal = chronicle_review_proposal_new (event);

      /* Events the timeline has already start rejected. */
      if (chronicle_review_proposal_check_duplicate (proposal, existing_timeline (self)))
        chronicle_review_proposal_set_accepted (proposal, FALSE);
      g_signal_connect_object (proposal, "notify::headline", G_CALLBACK (on_proposal_headline_cb), self, 0);
      remember_choices (proposal);
      g_signal_connect_object (proposal, "notify::accepted", G_CALLBACK (on_proposal_choice_cb), self, 0);
      g_signal_connect_object (proposal, "notify::merge", G_CALLBACK (on_proposal_choice_cb), self, 0);
      g_list_store_append (self->proposals, proposal);
    }
  update_count (self);
  self->state = "review";
  gtk_stack_set_visible_child_name (self->stack, "review");
  /* The first proposal's evidence shows at once. */
  chronicle_review_page_select_proposal (self, 0);
}

static void
show_article (ChronicleReviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = chronicle_article_get_text (self->article);

  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->has_highlight = FALSE;
}

static void
on_extract_ready_cb (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ChronicleReviewPage *self = CHRONICLE_REVIEW_PAGE (source_object);
  g_autoptr(Extraction) extraction = NULL;
  g_autoptr(GError) error = NULL;

  extraction = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->loading_spinner);
  g_clear_object (&self->cancellable);

  if (extraction == NULL)
    {
      g_autofree char *message = chronicle_text_for_display (error->message, CHRONICLE_TEXT_MAX_TEXT, TRUE);

      g_free (self->error);
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, message);
      self->state = "error";
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_set_object (&self->article, extraction->article);
  show_article (self);
  if (extraction->draft == NULL)
    {
      /* Ask rather than refuse. */
      gtk_widget_set_visible (self->published_box, TRUE);
      update_count (self);
      self->state = "needs-date";
      gtk_stack_set_visible_child_name (self->stack, "review");
      gtk_widget_grab_focus (GTK_WIDGET (self->published_entry));
      return;
    }
  show_proposals (self, extraction);
}

static void
on_published_entry_activate_cb (ChronicleReviewPage *self)
{
  g_autoptr(GError) error = NULL;

  if (chronicle_review_page_set_published_text (self, gtk_editable_get_text (GTK_EDITABLE (self->published_entry)),
                                                &error))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->published_error_label), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->published_entry), "error");
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_("Not a date: %s. Write it as 2025-05-16."), error->message);

    gtk_label_set_text (self->published_error_label, text);
    gtk_widget_set_visible (GTK_WIDGET (self->published_error_label), TRUE);
    gtk_widget_add_css_class (GTK_WIDGET (self->published_entry), "error");
  }
}

/* --- editing proposals ---------------------------------------------------- */

/* A category the editor may offer: the timeline's in front, or one made
 * in this review. */
static ChronicleCategory *
lookup_offered_category (ChronicleReviewPage *self,
                         const char          *id)
{
  ChronicleTimeline *timeline = existing_timeline (self);
  ChronicleCategory *category = timeline != NULL ? chronicle_timeline_lookup_category (timeline, id) : NULL;

  for (guint i = 0; category == NULL && i < self->new_categories->len; i++)
    if (g_strcmp0 (chronicle_category_get_id (g_ptr_array_index (self->new_categories, i)), id) == 0)
      category = g_ptr_array_index (self->new_categories, i);
  return category;
}

/* What the editor offers to choose from: the article as the source, the
 * categories of the timeline in front and those made in this review. */
static ChronicleTimeline *
make_editor_context (ChronicleReviewPage *self)
{
  ChronicleTimeline *context = chronicle_timeline_new (chronicle_timeline_get_title (self->draft));
  ChronicleTimeline *timeline = existing_timeline (self);
  GListModel *sources = chronicle_timeline_get_sources (self->draft);
  GListModel *categories = timeline != NULL ? chronicle_timeline_get_categories (timeline) : NULL;

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);

      chronicle_timeline_add_source (context, source);
    }
  for (guint i = 0; categories != NULL && i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, i);

      chronicle_timeline_add_category (context, category);
    }
  for (guint i = 0; i < self->new_categories->len; i++)
    {
      ChronicleCategory *category = g_ptr_array_index (self->new_categories, i);

      if (chronicle_timeline_lookup_category (context, chronicle_category_get_id (category)) == NULL)
        chronicle_timeline_add_category (context, category);
    }
  return context;
}

/* The proposal's row made anew (its fields changed), and selected. */
static void
refresh_proposal (ChronicleReviewPage     *self,
                  ChronicleReviewProposal *proposal)
{
  guint position;

  if (!g_list_store_find (self->proposals, proposal, &position))
    return;
  g_list_store_splice (self->proposals, position, 1, (gpointer *) &proposal, 1);
  chronicle_review_page_select_proposal (self, position);
}

/* Replaces the proposal's event, the flag looking again (the date or
 * the words may have moved onto or off an event of the timeline). */
static void
set_proposal_event (ChronicleReviewPage     *self,
                    ChronicleReviewProposal *proposal,
                    ChronicleEvent          *event)
{
  chronicle_review_proposal_set_event (proposal, event);
  chronicle_review_proposal_check_duplicate (proposal, existing_timeline (self));
  refresh_proposal (self, proposal);
}

static void
on_editor_edited_cb (ChronicleReviewPage *self,
                     ChronicleEvent      *event,
                     ChronicleCategory   *new_category)
{
  UndoStep step;

  if (self->editing == NULL)
    return;
  if (new_category != NULL)
    g_ptr_array_add (self->new_categories, g_object_ref (new_category));

  step.proposal = g_object_ref (self->editing);
  step.previous = chronicle_review_proposal_dup_edited_event (self->editing);
  step.accepted = chronicle_review_proposal_get_accepted (self->editing);
  step.merge = chronicle_review_proposal_get_merge (self->editing);
  step.kind = STEP_EDIT;
  if (step.previous != NULL)
    push_step (self, &step);
  else
    undo_step_clear (&step);

  /* An edit that moves it off the event it looked like stops merging:
   * part of the edit, not a choice of its own. */
  self->quiet++;
  set_proposal_event (self, self->editing, event);
  self->quiet--;
}

static void
on_editor_closed_cb (ChronicleReviewPage *self)
{
  g_autoptr(ChronicleReviewProposal) proposal = g_steal_pointer (&self->editing);
  GtkListBoxRow *row;
  guint position;

  gtk_stack_set_visible_child_name (self->side_stack, "list");
  update_count (self);
  if (proposal == NULL || !g_list_store_find (self->proposals, proposal, &position))
    return;
  /* The keyboard goes back to the proposal it left. */
  chronicle_review_page_select_proposal (self, position);
  row = gtk_list_box_get_row_at_index (self->proposal_list, (int) position);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_proposal_list_row_activated_cb (ChronicleReviewPage *self,
                                   GtkListBoxRow       *row)
{
  chronicle_review_page_edit_proposal (self, (guint) gtk_list_box_row_get_index (row));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  chronicle_review_page_edit_proposal (CHRONICLE_REVIEW_PAGE (widget), g_variant_get_uint32 (parameter));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  chronicle_review_page_undo (CHRONICLE_REVIEW_PAGE (widget));
}

static void
redo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  chronicle_review_page_redo (CHRONICLE_REVIEW_PAGE (widget));
}

/* A timeline that finished loading, or loaded again: the flags look anew
 * (a flagged proposal the user has not touched stays rejected). */
static void
recheck_duplicates (ChronicleReviewPage *self)
{
  ChronicleTimeline *timeline = existing_timeline (self);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->proposals)); i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), i);
      gboolean was = chronicle_review_proposal_get_duplicate_of (proposal) != NULL;

      self->quiet++;
      if (chronicle_review_proposal_check_duplicate (proposal, timeline) && !was)
        chronicle_review_proposal_set_accepted (proposal, FALSE);
      self->quiet--;
    }
  update_count (self);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[ADD], 0);
}

static void
add_to_current_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_signal_emit (widget, signals[ADD_TO_CURRENT], 0);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit (widget, signals[CANCEL], 0);
}

static void
chronicle_review_page_dispose (GObject *object)
{
  ChronicleReviewPage *self = CHRONICLE_REVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_REVIEW_PAGE);
  g_clear_object (&self->article);
  g_clear_object (&self->draft);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->document);
  g_clear_object (&self->editing);
  g_clear_object (&self->proposals);
  g_clear_pointer (&self->new_categories, g_ptr_array_unref);
  g_clear_pointer (&self->undo_steps, g_array_unref);
  g_clear_pointer (&self->redo_steps, g_array_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (chronicle_review_page_parent_class)->dispose (object);
}

static void
chronicle_review_page_finalize (GObject *object)
{
  ChronicleReviewPage *self = CHRONICLE_REVIEW_PAGE (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (chronicle_review_page_parent_class)->finalize (object);
}

static void
chronicle_review_page_class_init (ChronicleReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_review_page_dispose;
  object_class->finalize = chronicle_review_page_finalize;

  /**
   * ChronicleReviewPage::add:
   *
   * The user asks for the accepted proposals to become a timeline
   * (chronicle_review_page_build_timeline()).
   */
  signals[ADD] = g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                               G_TYPE_NONE, 0);
  /**
   * ChronicleReviewPage::add-to-current:
   *
   * The user asks for the accepted proposals to go into the timeline in
   * front, and the merged ones into its events
   * (chronicle_review_page_add_to_document()).
   */
  signals[ADD_TO_CURRENT] = g_signal_new ("add-to-current", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ChronicleReviewPage::cancel:
   *
   * The user closes the review without adding anything.
   */
  signals[CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 0);
  /**
   * ChronicleReviewPage::history-changed:
   *
   * What undo or redo would do may have changed: a step was made, undone
   * or redone, or the editor opened or closed (no history meanwhile).
   * The window's Undo and Redo follow it while the page is in front.
   */
  signals[HISTORY_CHANGED] = g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CHRONICLE_TYPE_EVENT_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/chronicle-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, published_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, published_entry);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, published_error_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, text_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, proposal_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, editor);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, add_current_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleReviewPage, add_new_button);
  gtk_widget_class_bind_template_callback (widget_class, on_proposal_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_published_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_proposal_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_closed_cb);

  gtk_widget_class_install_action (widget_class, "review.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "review.add-to-current", NULL, add_to_current_action_cb);
  gtk_widget_class_install_action (widget_class, "review.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "review.edit", "u", edit_action_cb);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "review.redo", NULL, redo_action_cb);

  /* The review's own history: the text fields (the editor's too) undo
   * their typing first, and the editor open, this is off. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "review.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.redo",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chronicle-review-page");
}

static void
chronicle_review_page_init (ChronicleReviewPage *self)
{
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->state = "loading";
  self->proposals = g_list_store_new (CHRONICLE_TYPE_REVIEW_PROPOSAL);
  self->new_categories = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo_steps = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  g_array_set_clear_func (self->undo_steps, undo_step_clear);
  self->redo_steps = g_array_new (FALSE, FALSE, sizeof (UndoStep));
  g_array_set_clear_func (self->redo_steps, undo_step_clear);
  self->document_signals = g_signal_group_new (CHRONICLE_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::timeline", G_CALLBACK (recheck_duplicates), self);
  gtk_list_box_bind_model (self->proposal_list, G_LIST_MODEL (self->proposals), create_row_cb, self, NULL);
  /* A highlight that reads in light and dark styles: the selection's
   * colour would vanish when the view is not focused. */
  self->evidence_tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->text_view), "evidence",
                                                   "background", "rgba(246,211,45,0.45)",
                                                   "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->text_view), &start);
  self->evidence_mark = gtk_text_buffer_create_mark (gtk_text_view_get_buffer (self->text_view), "evidence",
                                                     &start, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add-to-current", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.redo", FALSE);
}

/**
 * chronicle_review_page_new:
 *
 * Returns: (transfer floating): a page with no article
 */
GtkWidget *
chronicle_review_page_new (void)
{
  return g_object_new (CHRONICLE_TYPE_REVIEW_PAGE, NULL);
}

/**
 * chronicle_review_page_load_file:
 * @file: a news article, plain text or a saved web page
 *
 * Reads @file and proposes its events off the main thread, with a spinner
 * meanwhile; an article that gives no publication date asks for one.
 */
void
chronicle_review_page_load_file (ChronicleReviewPage *self,
                                 GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (CHRONICLE_IS_REVIEW_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  basename = g_file_get_basename (file);
  name = chronicle_text_for_display (basename, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Reading “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  self->state = "loading";
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_start (self->loading_spinner);

  task = g_task_new (self, self->cancellable, on_extract_ready_cb, NULL);
  g_task_set_source_tag (task, chronicle_review_page_load_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, extract_thread);
}

GFile *
chronicle_review_page_get_file (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  return self->file;
}

/**
 * chronicle_review_page_set_document:
 * @document: (nullable): the timeline in front
 *
 * Where "Add to Current Timeline" adds; proposals like its events are
 * flagged and start rejected. Without one, only a new timeline is offered.
 */
void
chronicle_review_page_set_document (ChronicleReviewPage *self,
                                    ChronicleDocument   *document)
{
  g_return_if_fail (CHRONICLE_IS_REVIEW_PAGE (self));
  g_return_if_fail (document == NULL || CHRONICLE_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_signal_group_set_target (self->document_signals, document);
  recheck_duplicates (self);
  gtk_widget_set_visible (self->add_current_button, document != NULL);
  /* One suggested action: the current timeline when there is one. */
  if (document != NULL)
    gtk_widget_remove_css_class (self->add_new_button, "suggested-action");
  else
    gtk_widget_add_css_class (self->add_new_button, "suggested-action");
  update_count (self);
}

ChronicleDocument *
chronicle_review_page_get_document (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  return self->document;
}

const char *
chronicle_review_page_get_state (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  return self->state;
}

const char *
chronicle_review_page_get_error (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  return self->error;
}

/**
 * chronicle_review_page_get_proposals:
 *
 * Returns: (transfer none): the proposals, of `ChronicleReviewProposal`
 */
GListModel *
chronicle_review_page_get_proposals (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  return G_LIST_MODEL (self->proposals);
}

/**
 * chronicle_review_page_set_published_text:
 * @text: the publication date as the file format writes dates
 * @error: a %CHRONICLE_DATE_ERROR, or the extractor's
 *
 * Dates the article and proposes its events again.
 *
 * Returns: whether @text was a date and the extraction ran
 */
gboolean
chronicle_review_page_set_published_text (ChronicleReviewPage  *self,
                                          const char           *text,
                                          GError              **error)
{
  g_autoptr(Extraction) extraction = g_new0 (Extraction, 1);
  g_autofree char *stripped = NULL;
  ChronicleDate date;

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (self->article != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (!chronicle_date_parse (stripped, &date, error))
    return FALSE;
  chronicle_article_set_published (self->article, &date);
  extraction->article = g_object_ref (self->article);
  /* One article, already read: milliseconds, on the main thread. */
  if (!extract (extraction, error))
    return FALSE;
  gtk_widget_set_visible (self->published_box, FALSE);
  show_proposals (self, extraction);
  return TRUE;
}

void
chronicle_review_page_select_proposal (ChronicleReviewPage *self,
                                       guint                position)
{
  GtkListBoxRow *row;

  g_return_if_fail (CHRONICLE_IS_REVIEW_PAGE (self));

  row = gtk_list_box_get_row_at_index (self->proposal_list, (int) position);
  if (row != NULL)
    gtk_list_box_select_row (self->proposal_list, row);
}

/**
 * chronicle_review_page_edit_proposal:
 * @position: the proposal's position in chronicle_review_page_get_proposals()
 *
 * Opens the event editor on the proposal, in place of the list, its
 * evidence highlighted: every field of the event can be edited there,
 * and Done replaces the proposal's event (one step of the review's own
 * history, chronicle_review_page_undo()); nothing reaches a timeline
 * before Add.
 */
void
chronicle_review_page_edit_proposal (ChronicleReviewPage *self,
                                     guint                position)
{
  g_autoptr(ChronicleReviewProposal) proposal = NULL;
  g_autoptr(ChronicleEvent) event = NULL;
  g_autoptr(ChronicleTimeline) context = NULL;

  g_return_if_fail (CHRONICLE_IS_REVIEW_PAGE (self));

  proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), position);
  if (proposal == NULL || self->draft == NULL)
    return;
  event = chronicle_review_proposal_dup_edited_event (proposal);
  if (event == NULL)
    return;

  chronicle_review_page_select_proposal (self, position);
  /* Selected already, the article may have been scrolled away since. */
  scroll_to_evidence (self);
  g_set_object (&self->editing, proposal);
  context = make_editor_context (self);
  chronicle_event_editor_edit_detached (self->editor, context, event);
  gtk_stack_set_visible_child_name (self->side_stack, "editor");
  chronicle_event_editor_focus_title (self->editor);
  update_count (self);
}

/**
 * chronicle_review_page_get_editor:
 *
 * Returns: (transfer none): the editor the proposals are edited in
 */
ChronicleEventEditor *
chronicle_review_page_get_editor (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  return self->editor;
}

/* Takes the last step off @from, puts the proposal back as it was
 * before it, and the step that makes it again onto @to. */
static void
take_back (ChronicleReviewPage *self,
           GArray              *from,
           GArray              *to)
{
  UndoStep *step = &g_array_index (from, UndoStep, from->len - 1);
  g_autoptr(ChronicleReviewProposal) proposal = g_steal_pointer (&step->proposal);
  g_autoptr(ChronicleEvent) previous = g_steal_pointer (&step->previous);
  gboolean accepted = step->accepted;
  gboolean merge = step->merge;
  UndoStep inverse = { g_object_ref (proposal), NULL, chronicle_review_proposal_get_accepted (proposal),
                       chronicle_review_proposal_get_merge (proposal), step->kind };

  g_array_set_size (from, from->len - 1);
  if (previous != NULL)
    inverse.previous = chronicle_review_proposal_dup_edited_event (proposal);
  push_step_onto (to, &inverse);

  self->quiet++;
  if (previous != NULL)
    set_proposal_event (self, proposal, previous);
  chronicle_review_proposal_set_accepted (proposal, accepted);
  chronicle_review_proposal_set_merge (proposal, merge);
  remember_choices (proposal);
  self->quiet--;
  update_count (self);
}

/**
 * chronicle_review_page_undo:
 *
 * Takes back the last edit of a proposal made in the editor, or the last
 * accept, reject or merge (Ctrl+Z on the page): the proposal is again
 * what it was before. chronicle_review_page_redo() makes it again.
 *
 * Returns: whether there was an edit to undo
 */
gboolean
chronicle_review_page_undo (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), FALSE);

  if (!chronicle_review_page_get_can_undo (self))
    return FALSE;
  take_back (self, self->undo_steps, self->redo_steps);
  return TRUE;
}

/**
 * chronicle_review_page_redo:
 *
 * Makes again what chronicle_review_page_undo() took back, until a new
 * edit or choice.
 *
 * Returns: whether there was an undone step to make again
 */
gboolean
chronicle_review_page_redo (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), FALSE);

  if (!chronicle_review_page_get_can_redo (self))
    return FALSE;
  take_back (self, self->redo_steps, self->undo_steps);
  return TRUE;
}

/* While the editor is open there is no history: Done or Cancel first. */
gboolean
chronicle_review_page_get_can_undo (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), FALSE);

  return self->undo_steps->len > 0 && self->editing == NULL;
}

gboolean
chronicle_review_page_get_can_redo (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), FALSE);

  return self->redo_steps->len > 0 && self->editing == NULL;
}

/**
 * chronicle_review_page_get_undo_label:
 *
 * Returns: (nullable): what Undo takes back, for a menu: "Undo Reject";
 *   NULL when there is nothing to undo
 */
const char *
chronicle_review_page_get_undo_label (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  if (!chronicle_review_page_get_can_undo (self))
    return NULL;
  return _(step_labels[g_array_index (self->undo_steps, UndoStep, self->undo_steps->len - 1).kind].undo_label);
}

/**
 * chronicle_review_page_get_redo_label:
 *
 * Returns: (nullable): what Redo makes again: "Redo Edit"; NULL when
 *   there is nothing to redo
 */
const char *
chronicle_review_page_get_redo_label (ChronicleReviewPage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  if (!chronicle_review_page_get_can_redo (self))
    return NULL;
  return _(step_labels[g_array_index (self->redo_steps, UndoStep, self->redo_steps->len - 1).kind].redo_label);
}

gboolean
chronicle_review_page_get_highlight (ChronicleReviewPage *self,
                                     guint               *start,
                                     guint               *end)
{
  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), FALSE);

  *start = self->highlight_start;
  *end = self->highlight_end;
  return self->has_highlight;
}

/* The category chosen for @event in the editor, into @timeline. */
static void
add_category_of (ChronicleReviewPage *self,
                 ChronicleTimeline   *timeline,
                 ChronicleEvent      *event)
{
  const char *id = chronicle_event_get_category_id (event);
  ChronicleCategory *category;

  if (id == NULL || chronicle_timeline_lookup_category (timeline, id) != NULL)
    return;
  category = lookup_offered_category (self, id);
  if (category != NULL)
    chronicle_timeline_add_category (timeline, category);
}

/**
 * chronicle_review_page_build_timeline:
 * @error: a %CHRONICLE_DATE_ERROR when an accepted proposal's date does not
 *   parse, or a %G_IO_ERROR when none is accepted
 *
 * Returns: (transfer full): a timeline of the accepted events, titled like
 *   the article, with the article as its source
 */
ChronicleTimeline *
chronicle_review_page_build_timeline (ChronicleReviewPage  *self,
                                      GError              **error)
{
  g_autoptr(ChronicleTimeline) timeline = NULL;
  GListModel *sources;
  guint n;

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), NULL);

  if (self->draft == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No events were proposed yet"));
      return NULL;
    }
  timeline = chronicle_timeline_new (chronicle_timeline_get_title (self->draft));
  sources = chronicle_timeline_get_sources (self->draft);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);

      chronicle_timeline_add_source (timeline, source);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->proposals));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), i);
      g_autoptr(ChronicleEvent) event = NULL;

      if (!chronicle_review_proposal_get_accepted (proposal))
        continue;
      event = chronicle_review_proposal_build_event (proposal, NULL);
      if (event == NULL)
        {
          g_autofree char *headline = chronicle_text_for_display (chronicle_review_proposal_get_headline (proposal),
                                                                  CHRONICLE_TEXT_MAX_TITLE, FALSE);

          g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX,
                       _("The date of “%s” is not a date: write it as 2025-05-16, 2025-05 or 2025"), headline);
          return NULL;
        }
      add_category_of (self, timeline, event);
      chronicle_timeline_add_event (timeline, event);
    }
  if (chronicle_timeline_get_n_events (timeline) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No event is accepted"));
      return NULL;
    }
  return g_steal_pointer (&timeline);
}

/* The id the article's source takes in @timeline: that of a source with
 * the same title, address and publisher (the article, imported before);
 * else its own, unless another source has it (two articles of one
 * publisher on one day): then the first free "-2", "-3" … */
static char *
source_id_in (ChronicleTimeline *timeline,
              ChronicleSource   *source,
              gboolean          *present)
{
  GListModel *sources = chronicle_timeline_get_sources (timeline);
  const char *id = chronicle_source_get_id (source);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  char *candidate;

  *present = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(ChronicleSource) other = g_list_model_get_item (sources, i);

      /* the same article, imported before (maybe under "-2") */
      if (g_strcmp0 (chronicle_source_get_title (other), chronicle_source_get_title (source)) == 0 &&
          g_strcmp0 (chronicle_source_get_url (other), chronicle_source_get_url (source)) == 0 &&
          g_strcmp0 (chronicle_source_get_publisher (other), chronicle_source_get_publisher (source)) == 0)
        {
          *present = TRUE;
          return g_strdup (chronicle_source_get_id (other));
        }
      /* the list model keeps its items: the id outlives this loop */
      g_hash_table_add (taken, (gpointer) chronicle_source_get_id (other));
    }
  candidate = g_strdup (id);
  for (guint n = 2; g_hash_table_contains (taken, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", id, n);
    }
  return candidate;
}

/* The name of the step in the history: "Add 5 Events". */
static char *
step_name (guint n_added,
           guint n_merged)
{
  if (n_merged == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u Event", "Add %u Events", n_added), n_added);
  if (n_added == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Merge %u Event", "Merge %u Events", n_merged), n_merged);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add and Merge %u Event", "Add and Merge %u Events",
                                       n_added + n_merged), n_added + n_merged);
}

/* A chosen proposal and the event it adds, or merges from. */
typedef struct
{
  ChronicleReviewProposal *proposal;
  ChronicleEvent          *event;
} Chosen;

static void
chosen_clear (gpointer data)
{
  Chosen *chosen = data;

  g_clear_object (&chosen->proposal);
  g_clear_object (&chosen->event);
}

/* Each chosen proposal with the event to add or to merge from, its
 * source the id the article has in the timeline; NULL with @error for a
 * date that does not parse. */
static GArray *
build_chosen (ChronicleReviewPage  *self,
              const char           *source_id,
              guint                *n_added,
              guint                *n_merged,
              GError              **error)
{
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Chosen));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->proposals));

  g_array_set_clear_func (events, chosen_clear);
  *n_added = *n_merged = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleReviewProposal) proposal = g_list_model_get_item (G_LIST_MODEL (self->proposals), i);
      ChronicleEvent *event;

      if (!chronicle_review_proposal_get_accepted (proposal) && !chronicle_review_proposal_get_merge (proposal))
        continue;
      event = chronicle_review_proposal_build_event (proposal, source_id);
      if (event == NULL)
        {
          g_autofree char *headline = chronicle_text_for_display (chronicle_review_proposal_get_headline (proposal),
                                                                  CHRONICLE_TEXT_MAX_TITLE, FALSE);

          g_set_error (error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_SYNTAX,
                       _("The date of “%s” is not a date: write it as 2025-05-16, 2025-05 or 2025"), headline);
          return NULL;
        }
      if (chronicle_review_proposal_get_merge (proposal))
        (*n_merged)++;
      else
        (*n_added)++;
      g_array_append_val (events, ((Chosen) { g_object_ref (proposal), event }));
    }
  if (events->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No event is accepted"));
      return NULL;
    }
  return g_steal_pointer (&events);
}

static gboolean
apply_one (ChronicleDocument  *document,
           ChronicleTimeline  *timeline,
           Chosen             *chosen,
           GError            **error)
{
  ChronicleReviewProposal *proposal = chosen->proposal;
  ChronicleEvent *event = chosen->event;
  const char *id = chronicle_review_proposal_get_duplicate_id (proposal);
  g_autoptr(ChronicleEvent) merged = NULL;
  g_autofree char *added = NULL;
  ChronicleEvent *existing;

  if (!chronicle_review_proposal_get_merge (proposal))
    {
      added = chronicle_document_add_event (document, event, _("Add Event"), error);
      return added != NULL;
    }
  existing = id != NULL ? chronicle_timeline_lookup_event (timeline, id) : NULL;
  if (existing == NULL)
    {
      g_autofree char *shown = chronicle_text_for_display (chronicle_review_proposal_get_duplicate_of (proposal),
                                                           CHRONICLE_TEXT_MAX_TITLE, FALSE);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is no longer in the timeline: nothing to merge into"), shown);
      return FALSE;
    }
  merged = chronicle_event_copy (existing);
  if (!chronicle_review_merge_event (merged, event))
    return TRUE;   /* it has all of it already */
  return chronicle_document_replace_event (document, id, merged, _("Merge Event"), error);
}

/**
 * chronicle_review_page_add_to_document:
 * @n_added: (out) (optional): how many events were added
 * @n_merged: (out) (optional): how many proposals went into events there
 * @error: a %CHRONICLE_DATE_ERROR when a chosen proposal's date does not
 *   parse, a %G_IO_ERROR when nothing is chosen or an edit fails
 *
 * Adds the accepted proposals to the document in front (with the article
 * as a source), and merges those marked so into the events they look
 * like: all of it one step of the document's history ("Add 5 Events"),
 * undone at once. On an error the document is as it was.
 *
 * Returns: whether the document changed
 */
gboolean
chronicle_review_page_add_to_document (ChronicleReviewPage  *self,
                                       guint                *n_added,
                                       guint                *n_merged,
                                       GError              **error)
{
  ChronicleTimeline *timeline;
  g_autoptr(ChronicleSource) article = NULL;
  g_autoptr(ChronicleSource) source = NULL;
  g_autoptr(GArray) events = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *name = NULL;
  gboolean present;
  guint added, merged;
  gboolean ok = TRUE;
  gboolean edited;

  g_return_val_if_fail (CHRONICLE_IS_REVIEW_PAGE (self), FALSE);

  timeline = existing_timeline (self);
  if (timeline == NULL || self->draft == NULL ||
      g_list_model_get_n_items (chronicle_timeline_get_sources (self->draft)) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No timeline is open to add to"));
      return FALSE;
    }
  article = g_list_model_get_item (chronicle_timeline_get_sources (self->draft), 0);
  source_id = source_id_in (timeline, article, &present);
  /* Everything that can fail before the first edit. */
  events = build_chosen (self, source_id, &added, &merged, error);
  if (events == NULL)
    return FALSE;

  name = step_name (added, merged);
  chronicle_document_begin_group (self->document, name);
  if (!present)
    {
      source = chronicle_source_new (source_id, chronicle_source_get_publisher (article),
                                     chronicle_source_get_title (article), chronicle_source_get_url (article),
                                     chronicle_source_get_published (article));
      ok = chronicle_document_put_source (self->document, source, error);
    }
  edited = ok && !present;
  /* Categories made in the editor come in before the events naming them. */
  for (guint i = 0; ok && i < events->len; i++)
    {
      ChronicleEvent *event = g_array_index (events, Chosen, i).event;
      const char *id = chronicle_event_get_category_id (event);
      ChronicleCategory *category = id != NULL ? lookup_offered_category (self, id) : NULL;

      if (category == NULL || chronicle_review_proposal_get_merge (g_array_index (events, Chosen, i).proposal) ||
          chronicle_timeline_lookup_category (chronicle_document_get_timeline (self->document), id) != NULL)
        continue;
      ok = chronicle_document_put_category (self->document, category, error);
      edited |= ok;
    }
  for (guint i = 0; ok && i < events->len; i++)
    {
      ok = apply_one (self->document, chronicle_document_get_timeline (self->document),
                      &g_array_index (events, Chosen, i), error);
      edited |= ok;
    }
  chronicle_document_end_group (self->document);
  /* What went in before a failure comes out again: the group is one step. */
  if (!ok)
    {
      if (edited)
        chronicle_document_undo (self->document);
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = added;
  if (n_merged != NULL)
    *n_merged = merged;
  return TRUE;
}
