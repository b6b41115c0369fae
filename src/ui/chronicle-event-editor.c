/* chronicle-event-editor.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-event-editor"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-event-editor.h"

#include "chronicle-category.h"
#include "chronicle-event-edits-private.h"
#include "chronicle-kept-private.h"
#include "chronicle-label-text-private.h"
#include "chronicle-quote.h"
#include "chronicle-source.h"
#include "chronicle-text-private.h"

/* No quote is open on the quote page. */
#define NO_QUOTE G_MAXUINT

/* Quote rows listed at a time: an event may have 100 000 quotes (a
 * pipeline's output), and a row each took minutes to make. */
#define QUOTES_PER_PAGE 50

/* Longer texts (bytes) are kept as they are, not put in a field: a 1 MB
 * summary took GtkTextView ten seconds to lay out. */
#define MAX_EDITED_TEXT (64 * 1024)

struct _ChronicleEventEditor
{
  GtkWidget          parent_instance;

  /* owned */
  ChronicleDocument *document;       /* NULL when editing a detached event */
  ChronicleTimeline *context;        /* detached: the categories and sources offered */
  ChronicleEvent    *original;       /* the event as it was when editing began */
  GListStore        *quotes;         /* of ChronicleQuote: the working copy, in order */
  GtkSliceListModel *quote_page;     /* the part of quotes listed */
  GPtrArray         *category_ids;   /* char *, one per category_row item; NULL for "None"
                                      * and for "New Category…" (the last item) */
  GPtrArray         *source_ids;     /* char *, one per row of sources_list */
  GPtrArray         *source_checks;  /* GtkCheckButton, borrowed, parallel to source_ids */
  GPtrArray         *quote_source_ids;  /* char *, one per quote_source_row item; NULL for "None" */

  /* what the date entries hold, when valid */
  ChronicleDate      date;
  ChronicleDate      end;
  ChronicleDate      quote_date;
  gboolean           date_valid;
  gboolean           end_valid;      /* TRUE for an empty entry too */
  gboolean           has_end;
  gboolean           quote_date_valid;
  gboolean           has_quote_date;
  guint              open_quote;     /* position in quotes shown on the quote page, or NO_QUOTE */
  gboolean           title_kept;     /* too long to edit: kept as it is */
  gboolean           summary_kept;
  gboolean           actors_kept;
  gboolean           location_kept;
  gboolean           quote_text_kept;

  /* template widgets */
  GtkStack          *stack;
  GtkWidget         *done_button;
  GtkLabel          *heading_label;
  GtkLabel          *apply_error_label;
  AdwEntryRow       *date_row;
  AdwEntryRow       *end_row;
  GtkSwitch         *approximate_switch;
  GtkLabel          *date_status_label;
  GtkLabel          *end_status_label;
  AdwEntryRow       *title_row;
  AdwComboRow       *category_row;
  AdwEntryRow       *new_category_row;
  AdwEntryRow       *actors_row;
  AdwEntryRow       *location_row;
  GtkTextView       *summary_view;
  GtkWidget         *sources_heading;
  GtkListBox        *sources_list;
  GtkListBox        *quotes_list;
  GtkWidget         *quote_pager;
  GtkLabel          *quote_pager_label;
  GtkTextView       *quote_text_view;
  AdwEntryRow       *quote_speaker_row;
  AdwEntryRow       *quote_role_row;
  AdwComboRow       *quote_source_row;
  AdwEntryRow       *quote_date_row;
  GtkLabel          *quote_date_status_label;
};

G_DEFINE_FINAL_TYPE (ChronicleEventEditor, chronicle_event_editor, GTK_TYPE_WIDGET)

enum {
  CLOSED,
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  return text == NULL || chronicle_text_is_blank (text);
}

/* NULL for blank text: an empty field is an absent member. */
static char *
dup_field (const char *text)
{
  return is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* What a field shows instead of a text too long to edit in it. */
static char *
dup_kept_notice (const char *text)
{
  g_autofree char *size = g_format_size (strlen (text));

  /* Translators: %s is a size, "1.0 MB": the text stays unchanged */
  return g_strdup_printf (_("Too long to edit here (%s): it is kept as it is"), size);
}

/* Puts @text in @field (an AdwEntryRow or a GtkTextView) to be edited;
 * or, when it is too long, a notice, with the field read-only and
 * *@kept set. */
static void
fill_text_field (GtkWidget  *field,
                 const char *text,
                 gboolean   *kept)
{
  g_autofree char *notice = NULL;

  *kept = text != NULL && strlen (text) > MAX_EDITED_TEXT;
  if (*kept)
    notice = dup_kept_notice (text);

  if (GTK_IS_TEXT_VIEW (field))
    {
      set_text_view (GTK_TEXT_VIEW (field), *kept ? notice : text);
      gtk_text_view_set_editable (GTK_TEXT_VIEW (field), !*kept);
    }
  else
    {
      set_row_text (ADW_ENTRY_ROW (field), *kept ? notice : text);
      gtk_editable_set_editable (GTK_EDITABLE (field), !*kept);
    }
  if (*kept)
    gtk_widget_add_css_class (field, "dim-label");
  else
    gtk_widget_remove_css_class (field, "dim-label");
}

/* --- dates ---------------------------------------------------------------- */

static const char *
precision_name (ChronicleDatePrecision precision)
{
  switch (precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return C_("date precision", "Year");
    case CHRONICLE_DATE_PRECISION_MONTH:
      return C_("date precision", "Month");
    case CHRONICLE_DATE_PRECISION_DAY:
      return C_("date precision", "Day");
    case CHRONICLE_DATE_PRECISION_MINUTE:
      return C_("date precision", "Minute");
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      return C_("date precision", "Second");
    }
}

/* Shows under a date entry what it understood ("Month: March 2022") or
 * why it did not, and marks the entry while it is wrong. */
static void
show_date_status (AdwEntryRow         *row,
                  GtkLabel            *status,
                  const ChronicleDate *date,
                  const GError        *error,
                  const char          *empty_hint)
{
  g_autofree char *text = NULL;

  if (error != NULL)
    text = g_strdup (error->message);
  else if (date != NULL)
    {
      g_autofree char *shown = chronicle_date_format (date);

      /* Translators: what a date entry understood: "Month: March 2022" */
      text = g_strdup_printf (_("%s: %s"), precision_name (date->precision), shown);
    }

  gtk_label_set_text (status, text != NULL ? text : empty_hint);
  gtk_widget_set_visible (GTK_WIDGET (status), text != NULL || empty_hint != NULL);
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (status), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (status), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (status), "error");
      gtk_widget_add_css_class (GTK_WIDGET (status), "dim-label");
    }
}

/* Parses @row into @date; an empty optional entry is valid and sets
 * @has_date FALSE. */
static gboolean
read_date_row (AdwEntryRow   *row,
               gboolean       optional,
               ChronicleDate *date,
               gboolean      *has_date,
               GError       **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  *has_date = FALSE;
  if (optional && is_blank (text))
    return TRUE;
  if (!chronicle_date_parse_input (text, date, error))
    return FALSE;
  *has_date = TRUE;
  return TRUE;
}

static void
update_done_sensitive (ChronicleEventEditor *self)
{
  gboolean quote_ok = self->open_quote == NO_QUOTE || self->quote_date_valid;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.done",
                                 self->original != NULL && self->date_valid && self->end_valid && quote_ok);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.close-quote", quote_ok);
}

static void
on_date_changed_cb (ChronicleEventEditor *self)
{
  g_autoptr(GError) date_error = NULL;
  g_autoptr(GError) end_error = NULL;
  gboolean has_date;

  self->date_valid = read_date_row (self->date_row, FALSE, &self->date, &has_date, &date_error);
  self->end_valid = read_date_row (self->end_row, TRUE, &self->end, &self->has_end, &end_error);

  if (self->date_valid && self->end_valid && self->has_end &&
      chronicle_date_get_end (&self->end) <= chronicle_date_get_start (&self->date))
    {
      g_set_error_literal (&end_error, CHRONICLE_DATE_ERROR, CHRONICLE_DATE_ERROR_INVALID,
                           _("The end is before the date: an event ends after it starts"));
      self->end_valid = FALSE;
    }

  show_date_status (self->date_row, self->date_status_label,
                    self->date_valid ? &self->date : NULL, date_error, NULL);
  show_date_status (self->end_row, self->end_status_label,
                    self->end_valid && self->has_end ? &self->end : NULL, end_error, NULL);
  if (self->end_valid && self->has_end)
    {
      g_autofree char *shown = chronicle_date_format (&self->end);
      /* Translators: what the end entry understood: "Ends — Day: 31 March 2022" */
      g_autofree char *text = g_strdup_printf (_("Ends — %s: %s"), precision_name (self->end.precision), shown);

      gtk_label_set_text (self->end_status_label, text);
    }
  update_done_sensitive (self);
}

static void
on_quote_date_changed_cb (ChronicleEventEditor *self)
{
  g_autoptr(GError) error = NULL;

  self->quote_date_valid = read_date_row (self->quote_date_row, TRUE, &self->quote_date,
                                          &self->has_quote_date, &error);
  show_date_status (self->quote_date_row, self->quote_date_status_label,
                    self->has_quote_date ? &self->quote_date : NULL, error,
                    _("When it was said, if not the event's date."));
  update_done_sensitive (self);
}

static void
on_title_changed_cb (ChronicleEventEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->apply_error_label), FALSE);
}

static void
on_category_selected_cb (ChronicleEventEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);
  gboolean create = self->category_ids != NULL && self->category_ids->len > 0 &&
                    selected == self->category_ids->len - 1;

  gtk_widget_set_visible (GTK_WIDGET (self->new_category_row), create);
  if (create)
    gtk_widget_grab_focus (GTK_WIDGET (self->new_category_row));
}

/* --- filling the fields ----------------------------------------------------- */

static ChronicleTimeline *
get_timeline (ChronicleEventEditor *self)
{
  if (self->document != NULL)
    return chronicle_document_get_timeline (self->document);
  return self->context;
}

static char *
dup_source_name (ChronicleSource *source)
{
  return chronicle_text_for_display (chronicle_source_get_name (source, NULL), CHRONICLE_TEXT_MAX_TITLE, FALSE);
}

static void
fill_categories (ChronicleEventEditor *self)
{
  ChronicleTimeline *timeline = get_timeline (self);
  GListModel *categories = timeline != NULL ? chronicle_timeline_get_categories (timeline) : NULL;
  guint n = categories != NULL ? g_list_model_get_n_items (categories) : 0;
  const char *current = chronicle_event_get_category_id (self->original);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->category_ids, 0);
  gtk_string_list_append (labels, C_("category", "None"));
  g_ptr_array_add (self->category_ids, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, i);
      g_autofree char *label = chronicle_text_for_display (chronicle_category_get_label (category),
                                                           CHRONICLE_TEXT_MAX_TITLE, FALSE);

      if (g_strcmp0 (current, chronicle_category_get_id (category)) == 0)
        selected = self->category_ids->len;
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->category_ids, g_strdup (chronicle_category_get_id (category)));
    }

  /* A category the timeline does not list stays the event's. */
  if (current != NULL && selected == 0)
    {
      g_autofree char *label = chronicle_text_for_display (current, CHRONICLE_TEXT_MAX_TITLE, FALSE);

      selected = self->category_ids->len;
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->category_ids, g_strdup (current));
    }

  gtk_string_list_append (labels, _("New Category…"));
  g_ptr_array_add (self->category_ids, NULL);

  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->category_row, selected);
  set_row_text (self->new_category_row, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->new_category_row), FALSE);
}

static gboolean
strv_has (const char * const *strv,
          const char         *text)
{
  return strv != NULL && g_strv_contains (strv, text);
}

static void
add_source_row (ChronicleEventEditor *self,
                const char           *id,
                const char           *name,
                gboolean              active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->sources_list, row);

  g_ptr_array_add (self->source_ids, g_strdup (id));
  g_ptr_array_add (self->source_checks, check);
}

static void
fill_sources (ChronicleEventEditor *self)
{
  ChronicleTimeline *timeline = get_timeline (self);
  GListModel *sources = timeline != NULL ? chronicle_timeline_get_sources (timeline) : NULL;
  guint n = sources != NULL ? g_list_model_get_n_items (sources) : 0;
  const char * const *chosen = chronicle_event_get_source_ids (self->original);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sources_list))) != NULL)
    gtk_list_box_remove (self->sources_list, child);
  g_ptr_array_set_size (self->source_ids, 0);
  g_ptr_array_set_size (self->source_checks, 0);
  g_ptr_array_set_size (self->quote_source_ids, 0);

  gtk_string_list_append (names, C_("source", "None"));
  g_ptr_array_add (self->quote_source_ids, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);
      g_autofree char *name = dup_source_name (source);
      const char *id = chronicle_source_get_id (source);

      add_source_row (self, id, name, strv_has (chosen, id));
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->quote_source_ids, g_strdup (id));
    }

  /* Ids the timeline does not list stay the event's, shown as they are. */
  for (guint i = 0; chosen != NULL && chosen[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (self->source_ids, chosen[i], g_str_equal, NULL))
      {
        g_autofree char *name = chronicle_text_for_display (chosen[i], CHRONICLE_TEXT_MAX_TITLE, FALSE);

        add_source_row (self, chosen[i], name, TRUE);
      }

  gtk_widget_set_visible (self->sources_heading, self->source_ids->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), self->source_ids->len > 0);
  adw_combo_row_set_model (self->quote_source_row, G_LIST_MODEL (names));
}

static GtkWidget *
create_quote_button (const char *icon_name,
                     const char *tooltip,
                     const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

/* A quote's row: its text and who said it; the buttons act on the row
 * they are in (the actions read the row's index). */
static GtkWidget *
create_quote_row (gpointer item,
                  gpointer user_data)
{
  ChronicleQuote *quote = item;
  g_autofree char *text = chronicle_text_for_display (chronicle_quote_get_text (quote), CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_autofree char *speaker = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (!is_blank (chronicle_quote_get_speaker (quote)))
    speaker = chronicle_text_for_display (chronicle_quote_get_speaker (quote), CHRONICLE_TEXT_MAX_TITLE, FALSE);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), is_blank (text) ? _("(empty quote)") : text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (speaker != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), speaker);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_quote_button ("go-up-symbolic", _("Move Quote Up"), "editor.quote-up"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_quote_button ("go-down-symbolic", _("Move Quote Down"), "editor.quote-down"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_quote_button ("user-trash-symbolic", _("Remove Quote"), "editor.quote-remove"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

static void
fill_fields (ChronicleEventEditor *self)
{
  ChronicleEvent *event = self->original;
  const ChronicleDate *end = chronicle_event_get_end (event);
  g_autofree char *date = chronicle_date_to_iso (chronicle_event_get_date (event));
  g_autofree char *end_text = end != NULL ? chronicle_date_to_iso (end) : NULL;
  g_autofree char *actors = g_strjoinv (", ", (char **) chronicle_event_get_actors (event));
  guint n_quotes = chronicle_event_get_n_quotes (event);

  /* The dates as the file writes them: exact, and what the entry reads. */
  set_row_text (self->date_row, date);
  set_row_text (self->end_row, end_text);
  gtk_switch_set_active (self->approximate_switch, chronicle_event_get_approximate (event));
  fill_text_field (GTK_WIDGET (self->title_row), chronicle_event_get_title (event), &self->title_kept);
  fill_text_field (GTK_WIDGET (self->actors_row), actors, &self->actors_kept);
  fill_text_field (GTK_WIDGET (self->location_row), chronicle_event_get_location (event), &self->location_kept);
  fill_text_field (GTK_WIDGET (self->summary_view), chronicle_event_get_summary (event), &self->summary_kept);
  fill_categories (self);
  fill_sources (self);

  {
    g_autoptr(GPtrArray) quotes = g_ptr_array_sized_new (n_quotes);

    /* In one change: the list reacts once, not once a quote. */
    for (guint i = 0; i < n_quotes; i++)
      g_ptr_array_add (quotes, chronicle_event_get_quote (event, i));
    gtk_slice_list_model_set_offset (self->quote_page, 0);
    g_list_store_splice (self->quotes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->quotes)),
                         quotes->pdata, quotes->len);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->apply_error_label), FALSE);
  on_date_changed_cb (self);
}

/* --- the quote page ----------------------------------------------------------- */

/* Lists the page of quotes with @position in it. */
static void
show_quote_position (ChronicleEventEditor *self,
                     guint                 position)
{
  gtk_slice_list_model_set_offset (self->quote_page, position / QUOTES_PER_PAGE * QUOTES_PER_PAGE);
}

/* The row of the quote at @position, if listed. */
static GtkListBoxRow *
get_quote_row (ChronicleEventEditor *self,
               guint                 position)
{
  guint offset = gtk_slice_list_model_get_offset (self->quote_page);

  if (position < offset)
    return NULL;
  return gtk_list_box_get_row_at_index (self->quotes_list, (int) (position - offset));
}

static void
update_quote_pager (ChronicleEventEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  guint offset = gtk_slice_list_model_get_offset (self->quote_page);
  g_autofree char *text = NULL;

  /* The last page emptied by a removal: the one before. */
  if (offset > 0 && offset >= n)
    {
      show_quote_position (self, n - 1);
      return;
    }

  gtk_widget_set_visible (self->quote_pager, n > QUOTES_PER_PAGE);
  if (n <= QUOTES_PER_PAGE)
    return;

  /* Translators: which quotes are listed: "51–100 of 100 000" */
  text = g_strdup_printf (_("%'u–%'u of %'u"), offset + 1, MIN (offset + QUOTES_PER_PAGE, n), n);
  gtk_label_set_text (self->quote_pager_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.quotes-previous", offset > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.quotes-next", offset + QUOTES_PER_PAGE < n);
}

static void
quotes_previous_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ChronicleEventEditor *self = CHRONICLE_EVENT_EDITOR (widget);
  guint offset = gtk_slice_list_model_get_offset (self->quote_page);

  gtk_slice_list_model_set_offset (self->quote_page, offset >= QUOTES_PER_PAGE ? offset - QUOTES_PER_PAGE : 0);
}

static void
quotes_next_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ChronicleEventEditor *self = CHRONICLE_EVENT_EDITOR (widget);

  show_quote_position (self, gtk_slice_list_model_get_offset (self->quote_page) + QUOTES_PER_PAGE);
}

static void
open_quote (ChronicleEventEditor *self,
            guint                 position)
{
  g_autoptr(ChronicleQuote) quote = g_list_model_get_item (G_LIST_MODEL (self->quotes), position);
  const ChronicleDate *date;
  g_autofree char *date_text = NULL;
  guint source = 0;

  if (quote == NULL)
    return;

  date = chronicle_quote_get_date (quote);
  date_text = date != NULL ? chronicle_date_to_iso (date) : NULL;
  for (guint i = 1; i < self->quote_source_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->quote_source_ids, i), chronicle_quote_get_source_id (quote)) == 0)
      source = i;
  /* A source the timeline does not list stays the quote's. */
  if (source == 0 && chronicle_quote_get_source_id (quote) != NULL)
    {
      GListModel *names = adw_combo_row_get_model (self->quote_source_row);
      g_autofree char *name = chronicle_text_for_display (chronicle_quote_get_source_id (quote),
                                                          CHRONICLE_TEXT_MAX_TITLE, FALSE);

      source = self->quote_source_ids->len;
      gtk_string_list_append (GTK_STRING_LIST (names), name);
      g_ptr_array_add (self->quote_source_ids, g_strdup (chronicle_quote_get_source_id (quote)));
    }

  self->open_quote = position;
  fill_text_field (GTK_WIDGET (self->quote_text_view), chronicle_quote_get_text (quote), &self->quote_text_kept);
  set_row_text (self->quote_speaker_row, chronicle_quote_get_speaker (quote));
  set_row_text (self->quote_role_row, chronicle_quote_get_role (quote));
  adw_combo_row_set_selected (self->quote_source_row, source);
  set_row_text (self->quote_date_row, date_text);
  on_quote_date_changed_cb (self);

  gtk_label_set_text (self->heading_label, _("Edit Quote"));
  gtk_stack_set_visible_child_name (self->stack, "quote");
  gtk_widget_grab_focus (GTK_WIDGET (self->quote_text_view));
}

/* Puts the quote page's fields into the working copy as a new quote. */
static gboolean
store_open_quote (ChronicleEventEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *speaker = NULL;
  g_autofree char *role = NULL;
  g_autoptr(ChronicleQuote) quote = NULL;
  g_autoptr(ChronicleQuote) old = NULL;
  guint source;

  if (self->open_quote == NO_QUOTE)
    return TRUE;
  if (!self->quote_date_valid)
    return FALSE;

  old = g_list_model_get_item (G_LIST_MODEL (self->quotes), self->open_quote);
  if (self->quote_text_kept)
    text = g_strdup (chronicle_quote_get_text (old));
  else
    text = dup_text_view (self->quote_text_view);
  /* A quote without words is none: it goes (an added one left empty). */
  if (is_blank (text))
    {
      g_list_store_remove (self->quotes, self->open_quote);
      return TRUE;
    }
  speaker = dup_field (gtk_editable_get_text (GTK_EDITABLE (self->quote_speaker_row)));
  role = dup_field (gtk_editable_get_text (GTK_EDITABLE (self->quote_role_row)));
  source = adw_combo_row_get_selected (self->quote_source_row);
  quote = chronicle_quote_new (text, speaker, role,
                               source < self->quote_source_ids->len ? g_ptr_array_index (self->quote_source_ids, source) : NULL,
                               self->has_quote_date ? &self->quote_date : NULL);

  /* Unchanged, it stays the quote it was; changed, it keeps what the file
   * had beyond the model (members Chronicle does not know). */
  if (chronicle_quote_equal (quote, old))
    return TRUE;
  chronicle_kept_set (quote, chronicle_kept_get (old));
  g_list_store_splice (self->quotes, self->open_quote, 1, (gpointer *) &quote, 1);
  return TRUE;
}

static void
close_quote (ChronicleEventEditor *self)
{
  guint position = self->open_quote;
  GtkListBoxRow *row;

  if (!store_open_quote (self))
    return;

  self->open_quote = NO_QUOTE;
  gtk_label_set_text (self->heading_label, _("Edit Event"));
  gtk_stack_set_visible_child_name (self->stack, "event");
  update_done_sensitive (self);

  if (position < g_list_model_get_n_items (G_LIST_MODEL (self->quotes)))
    show_quote_position (self, position);
  row = get_quote_row (self, position);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
on_quote_row_activated_cb (ChronicleEventEditor *self,
                           GtkListBoxRow        *row)
{
  open_quote (self, gtk_slice_list_model_get_offset (self->quote_page) + (guint) gtk_list_box_row_get_index (row));
}

/* The quote row with the focus (a button in it was pressed, which takes
 * the focus), or -1. */
static int
get_acting_row (GtkWidget *widget)
{
  ChronicleEventEditor *self = CHRONICLE_EVENT_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->quotes_list))
    return -1;
  return (int) gtk_slice_list_model_get_offset (self->quote_page) + gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
move_quote (ChronicleEventEditor *self,
            int                   position,
            int                   step)
{
  int n = (int) g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  int target = position + step;
  g_autoptr(ChronicleQuote) quote = NULL;
  GtkListBoxRow *row;

  if (position < 0 || position >= n || target < 0 || target >= n)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  quote = g_list_model_get_item (G_LIST_MODEL (self->quotes), position);
  g_list_store_remove (self->quotes, position);
  g_list_store_insert (self->quotes, target, quote);

  /* The focus follows the quote (its row was made anew), to the next
   * page if it goes there. */
  show_quote_position (self, target);
  row = get_quote_row (self, target);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
quote_up_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_quote (CHRONICLE_EVENT_EDITOR (widget), get_acting_row (widget), -1);
}

static void
quote_down_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  move_quote (CHRONICLE_EVENT_EDITOR (widget), get_acting_row (widget), +1);
}

static void
quote_remove_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ChronicleEventEditor *self = CHRONICLE_EVENT_EDITOR (widget);
  int position = get_acting_row (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  GtkListBoxRow *row;

  if (position < 0)
    return;

  g_list_store_remove (self->quotes, position);
  row = n > 1 ? get_quote_row (self, MIN ((guint) position, n - 2)) : NULL;
  gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : GTK_WIDGET (self->title_row));
}

static void
add_quote_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ChronicleEventEditor *self = CHRONICLE_EVENT_EDITOR (widget);
  g_autoptr(ChronicleQuote) quote = chronicle_quote_new ("", NULL, NULL, NULL, NULL);

  g_list_store_append (self->quotes, quote);
  open_quote (self, g_list_model_get_n_items (G_LIST_MODEL (self->quotes)) - 1);
}

static void
close_quote_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  close_quote (CHRONICLE_EVENT_EDITOR (widget));
}

/* --- applying ------------------------------------------------------------------ */

/* A detached copy of @original with @date and @title and without
 * quotes, keeping everything the editor does not show. */
static ChronicleEvent *
new_detached_event (ChronicleEvent      *original,
                    const ChronicleDate *date,
                    const char          *title)
{
  ChronicleEvent *event = chronicle_event_copy_with (original, date, title);

  while (chronicle_event_get_n_quotes (event) > 0)
    chronicle_event_remove_quote (event, chronicle_event_get_n_quotes (event) - 1);
  return event;
}

static GStrv
split_actors (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}

static GStrv
dup_chosen_sources (ChronicleEventEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->source_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->source_checks, i)))
      g_strv_builder_add (builder, g_ptr_array_index (self->source_ids, i));

  return g_strv_builder_end (builder);
}

/* A category id for a new label: its letters and digits, lower case, made
 * unique in @timeline. */
static char *
new_category_id (ChronicleTimeline *timeline,
                 const char        *label)
{
  GString *id = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const char *p = label; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
      if (id->len >= 40)
        break;
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "category");

  base = g_string_free (id, FALSE);
  for (guint n = 2; ; n++)
    {
      g_autofree char *candidate = n == 2 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n - 1);

      if (timeline == NULL || chronicle_timeline_lookup_category (timeline, candidate) == NULL)
        return g_steal_pointer (&candidate);
    }
}

static gboolean
quotes_changed (ChronicleEventEditor *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));

  if (n != chronicle_event_get_n_quotes (self->original))
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleQuote) quote = g_list_model_get_item (G_LIST_MODEL (self->quotes), i);

      if (!chronicle_quote_equal (quote, chronicle_event_get_quote (self->original, i)))
        return TRUE;
    }
  return FALSE;
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  return g_strv_equal ((const char * const *) (a != NULL ? a : (const char * const[]) { NULL }),
                       (const char * const *) (b != NULL ? b : (const char * const[]) { NULL }));
}

static gboolean
fields_changed (ChronicleEvent *a,
                ChronicleEvent *b)
{
  const ChronicleDate *ea = chronicle_event_get_end (a);
  const ChronicleDate *eb = chronicle_event_get_end (b);

  return !chronicle_date_equal (chronicle_event_get_date (a), chronicle_event_get_date (b)) ||
         !chronicle_date_equal (ea, eb) ||
         chronicle_event_get_approximate (a) != chronicle_event_get_approximate (b) ||
         g_strcmp0 (chronicle_event_get_title (a), chronicle_event_get_title (b)) != 0 ||
         g_strcmp0 (chronicle_event_get_summary (a), chronicle_event_get_summary (b)) != 0 ||
         g_strcmp0 (chronicle_event_get_category_id (a), chronicle_event_get_category_id (b)) != 0 ||
         g_strcmp0 (chronicle_event_get_location (a), chronicle_event_get_location (b)) != 0 ||
         !strv_equal (chronicle_event_get_actors (a), chronicle_event_get_actors (b)) ||
         !strv_equal (chronicle_event_get_source_ids (a), chronicle_event_get_source_ids (b));
}

/* The edited event as a detached copy, or NULL with @error; the category
 * to create first, if any, in @new_category. */
static ChronicleEvent *
build_event (ChronicleEventEditor  *self,
             ChronicleCategory    **new_category,
             GError               **error)
{
  g_autofree char *title = self->title_kept ? g_strdup (chronicle_event_get_title (self->original))
                                             : dup_field (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_autofree char *summary_text = self->summary_kept ? NULL : dup_text_view (self->summary_view);
  g_autofree char *summary = self->summary_kept ? g_strdup (chronicle_event_get_summary (self->original))
                                                : dup_field (summary_text);
  g_autofree char *location = self->location_kept ? g_strdup (chronicle_event_get_location (self->original))
                                                  : dup_field (gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  g_auto(GStrv) actors = self->actors_kept ? g_strdupv ((char **) chronicle_event_get_actors (self->original))
                                           : split_actors (gtk_editable_get_text (GTK_EDITABLE (self->actors_row)));
  g_auto(GStrv) sources = dup_chosen_sources (self);
  g_autoptr(ChronicleEvent) event = NULL;
  guint category = adw_combo_row_get_selected (self->category_row);
  const char *category_id = NULL;
  guint n_quotes;

  if (!self->date_valid || !self->end_valid)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The dates are not valid: see the messages under them"));
      return NULL;
    }
  if (title == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An event needs a title"));
      return NULL;
    }

  if (category == self->category_ids->len - 1)
    {
      g_autofree char *label = dup_field (gtk_editable_get_text (GTK_EDITABLE (self->new_category_row)));
      g_autofree char *id = NULL;

      if (label == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Name the new category, or pick one"));
          return NULL;
        }
      id = new_category_id (get_timeline (self), label);
      *new_category = chronicle_category_new (id, label, NULL);
      category_id = chronicle_category_get_id (*new_category);
    }
  else if (category < self->category_ids->len)
    category_id = g_ptr_array_index (self->category_ids, category);

  event = new_detached_event (self->original, &self->date, title);
  chronicle_event_set_end (event, self->has_end ? &self->end : NULL);
  chronicle_event_set_approximate (event, gtk_switch_get_active (self->approximate_switch));
  chronicle_event_set_summary (event, summary);
  chronicle_event_set_category_id (event, category_id);
  chronicle_event_set_location (event, location);
  chronicle_event_set_actors (event, (const char * const *) actors);
  chronicle_event_set_source_ids (event, (const char * const *) sources);

  n_quotes = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  for (guint i = 0; i < n_quotes; i++)
    {
      g_autoptr(ChronicleQuote) quote = g_list_model_get_item (G_LIST_MODEL (self->quotes), i);
      g_autoptr(ChronicleQuote) copy = chronicle_quote_copy (quote);

      /* New objects: the timeline's quotes stay the timeline's. */
      chronicle_event_add_quote (event, copy);
    }

  return g_steal_pointer (&event);
}

static void
close_editor (ChronicleEventEditor *self)
{
  self->open_quote = NO_QUOTE;
  gtk_stack_set_visible_child_name (self->stack, "event");
  gtk_label_set_text (self->heading_label, _("Edit Event"));
  g_clear_object (&self->original);
  g_list_store_remove_all (self->quotes);
  update_done_sensitive (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
show_apply_error (ChronicleEventEditor *self,
                  const GError         *error)
{
  gtk_label_set_text (self->apply_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->apply_error_label), TRUE);
}

static gboolean
apply (ChronicleEventEditor  *self,
       GError               **error)
{
  g_autoptr(ChronicleCategory) new_category = NULL;
  g_autoptr(ChronicleEvent) event = NULL;
  gboolean event_changed, quote_changed;
  gboolean ok = TRUE;

  if (!store_open_quote (self))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The quote's date is not valid: see the message under it"));
      return FALSE;
    }

  event = build_event (self, &new_category, error);
  if (event == NULL)
    return FALSE;

  event_changed = new_category != NULL || fields_changed (self->original, event);
  quote_changed = quotes_changed (self);
  if (!event_changed && !quote_changed)
    return TRUE;

  /* Detached: the owner of the event applies the copy. */
  if (self->document == NULL)
    {
      g_signal_emit (self, signals[EDITED], 0, event, new_category);
      return TRUE;
    }

  if (new_category != NULL)
    {
      chronicle_document_begin_group (self->document, _("Edit Event"));
      ok = chronicle_document_put_category (self->document, new_category, error);
    }
  if (ok)
    ok = chronicle_document_replace_event (self->document, chronicle_event_get_id (self->original), event,
                                           /* Translators: names an undo step ("Undo Edit Quote") */
                                           event_changed ? _("Edit Event") : _("Edit Quote"),
                                           error);
  if (new_category != NULL)
    {
      chronicle_document_end_group (self->document);
      /* A category made for an event that was then refused: none. */
      if (!ok && chronicle_timeline_lookup_category (get_timeline (self), chronicle_category_get_id (new_category)) != NULL)
        chronicle_document_undo (self->document);
    }

  return ok;
}

static void
done_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!chronicle_event_editor_apply (CHRONICLE_EVENT_EDITOR (widget), &error))
    gtk_widget_error_bell (widget);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ChronicleEventEditor *self = CHRONICLE_EVENT_EDITOR (widget);

  /* Escape on the quote page goes back to the event first. */
  if (self->open_quote != NO_QUOTE && g_strcmp0 (action_name, "editor.escape") == 0)
    {
      g_autoptr(ChronicleQuote) quote = g_list_model_get_item (G_LIST_MODEL (self->quotes), self->open_quote);
      g_autofree char *text = dup_text_view (self->quote_text_view);

      /* A quote added and left empty goes away again. */
      if (quote != NULL && is_blank (chronicle_quote_get_text (quote)) && is_blank (text))
        g_list_store_remove (self->quotes, self->open_quote);
      self->open_quote = NO_QUOTE;
      gtk_label_set_text (self->heading_label, _("Edit Event"));
      gtk_stack_set_visible_child_name (self->stack, "event");
      update_done_sensitive (self);
      return;
    }

  chronicle_event_editor_cancel (self);
}

/* --- the object ---------------------------------------------------------------- */

static void
chronicle_event_editor_dispose (GObject *object)
{
  ChronicleEventEditor *self = CHRONICLE_EVENT_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_EVENT_EDITOR);
  /* The template's outer box is not a bound child: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->document);
  g_clear_object (&self->context);
  g_clear_object (&self->original);
  g_clear_object (&self->quote_page);
  g_clear_object (&self->quotes);
  g_clear_pointer (&self->category_ids, g_ptr_array_unref);
  g_clear_pointer (&self->source_ids, g_ptr_array_unref);
  g_clear_pointer (&self->source_checks, g_ptr_array_unref);
  g_clear_pointer (&self->quote_source_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_event_editor_parent_class)->dispose (object);
}

static void
chronicle_event_editor_class_init (ChronicleEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_event_editor_dispose;

  /**
   * ChronicleEventEditor::closed:
   *
   * Editing ended: the changes were applied (Done) or dropped (Cancel).
   */
  signals[CLOSED] =
    g_signal_new ("closed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * ChronicleEventEditor::edited:
   * @event: the edited copy, detached
   * @new_category: (nullable): a category the user made for it, which
   *   its category id names and the context does not list yet
   *
   * Done on a detached event (chronicle_event_editor_edit_detached())
   * with something changed: the owner of the event applies @event; the
   * editor changes no document. "closed" follows.
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CHRONICLE_TYPE_EVENT, CHRONICLE_TYPE_CATEGORY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, done_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, apply_error_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, approximate_switch);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, date_status_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, end_status_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, new_category_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, actors_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quotes_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_pager);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_pager_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_text_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_speaker_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_role_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_source_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_date_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleEventEditor, quote_date_status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quote_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.done", NULL, done_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.escape", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-quote", NULL, add_quote_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.close-quote", NULL, close_quote_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.quote-up", NULL, quote_up_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.quote-down", NULL, quote_down_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.quote-remove", NULL, quote_remove_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.quotes-previous", NULL, quotes_previous_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.quotes-next", NULL, quotes_next_action_cb);

  /* Ctrl+Return applies from any field (Return in the summary is a new
   * line); Escape leaves the quote page, then the editor. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.escape", NULL);

  gtk_widget_class_set_css_name (widget_class, "chronicle-event-editor");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_event_editor_init (ChronicleEventEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_name_text_buttons (GTK_WIDGET (self));

  self->quotes = g_list_store_new (CHRONICLE_TYPE_QUOTE);
  self->category_ids = g_ptr_array_new_with_free_func (g_free);
  self->source_ids = g_ptr_array_new_with_free_func (g_free);
  self->source_checks = g_ptr_array_new ();
  self->quote_source_ids = g_ptr_array_new_with_free_func (g_free);
  self->open_quote = NO_QUOTE;

  self->quote_page = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->quotes)), 0, QUOTES_PER_PAGE);
  gtk_list_box_bind_model (self->quotes_list, G_LIST_MODEL (self->quote_page), create_quote_row, self, NULL);
  g_signal_connect_object (self->quotes, "items-changed", G_CALLBACK (update_quote_pager), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->quote_page, "notify::offset", G_CALLBACK (update_quote_pager), self, G_CONNECT_SWAPPED);
  update_done_sensitive (self);
}

GtkWidget *
chronicle_event_editor_new (void)
{
  return g_object_new (CHRONICLE_TYPE_EVENT_EDITOR, NULL);
}

/**
 * chronicle_event_editor_edit:
 * @self: a `ChronicleEventEditor`
 * @document: the document @event belongs to
 * @event: the event to edit
 *
 * Fills the editor's fields from @event, dropping what it held.
 */
void
chronicle_event_editor_edit (ChronicleEventEditor *self,
                             ChronicleDocument    *document,
                             ChronicleEvent       *event)
{
  g_return_if_fail (CHRONICLE_IS_EVENT_EDITOR (self));
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (document));
  g_return_if_fail (CHRONICLE_IS_EVENT (event));

  g_set_object (&self->document, document);
  g_clear_object (&self->context);
  g_set_object (&self->original, event);
  self->open_quote = NO_QUOTE;
  gtk_label_set_text (self->heading_label, _("Edit Event"));
  gtk_stack_set_visible_child_name (self->stack, "event");
  fill_fields (self);
}

/**
 * chronicle_event_editor_edit_detached:
 * @self: a `ChronicleEventEditor`
 * @context: (nullable): the timeline whose categories and sources the
 *   fields offer (the event need not be in it)
 * @event: the event to edit, in no document
 *
 * Fills the editor's fields from @event, dropping what it held. Done
 * emits "edited" with the edited copy rather than changing a document:
 * the review page edits its proposals so, before they enter a timeline.
 */
void
chronicle_event_editor_edit_detached (ChronicleEventEditor *self,
                                      ChronicleTimeline    *context,
                                      ChronicleEvent       *event)
{
  g_return_if_fail (CHRONICLE_IS_EVENT_EDITOR (self));
  g_return_if_fail (context == NULL || CHRONICLE_IS_TIMELINE (context));
  g_return_if_fail (CHRONICLE_IS_EVENT (event));

  g_clear_object (&self->document);
  g_set_object (&self->context, context);
  g_set_object (&self->original, event);
  self->open_quote = NO_QUOTE;
  gtk_label_set_text (self->heading_label, _("Edit Event"));
  gtk_stack_set_visible_child_name (self->stack, "event");
  fill_fields (self);
}

const char *
chronicle_event_editor_get_event_id (ChronicleEventEditor *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EVENT_EDITOR (self), NULL);

  return self->original != NULL ? chronicle_event_get_id (self->original) : NULL;
}

/**
 * chronicle_event_editor_apply:
 * @self: a `ChronicleEventEditor`
 * @error: return location for an error
 *
 * Applies the fields to the document as one step of its undo history
 * ("Edit Event", or "Edit Quote" when only quotes changed) and closes the
 * editor. Changes nothing and keeps the editor open, with the message
 * shown, when a field is invalid or the document refuses the edit.
 *
 * Returns: %TRUE when applied (or when there was nothing to apply)
 */
gboolean
chronicle_event_editor_apply (ChronicleEventEditor  *self,
                              GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CHRONICLE_IS_EVENT_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->original == NULL)
    return TRUE;

  if (!apply (self, &local_error))
    {
      show_apply_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  close_editor (self);
  return TRUE;
}

void
chronicle_event_editor_cancel (ChronicleEventEditor *self)
{
  g_return_if_fail (CHRONICLE_IS_EVENT_EDITOR (self));

  close_editor (self);
}

void
chronicle_event_editor_focus_title (ChronicleEventEditor *self)
{
  g_return_if_fail (CHRONICLE_IS_EVENT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
