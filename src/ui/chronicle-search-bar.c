/* chronicle-search-bar.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-search-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-label-text-private.h"
#include "chronicle-search-bar.h"

#include "chronicle-document.h"
#include "chronicle-filter-popover.h"
#include "chronicle-search.h"
#include "chronicle-text-private.h"
#include "chronicle-util-private.h"

/* Result rows built at most; the count says how many more match. Building
 * rows is what costs, not finding them. */
#define MAX_RESULTS 200

struct _ChronicleSearchBar
{
  GtkWidget              parent_instance;

  /* template widgets */
  GtkWidget             *search_box;
  GtkSearchEntry        *entry;
  GtkLabel              *matches_label;
  GtkRevealer           *results_revealer;
  GtkStack              *results_stack;
  GtkListBox            *results_list;
  GtkLabel              *empty_label;
  GtkLabel              *more_label;
  GtkRevealer           *filter_revealer;
  GtkLabel              *count_label;
  GtkMenuButton         *filter_button;
  GtkWidget             *show_all_button;
  GtkWidget             *hide_filters_button;

  /* owned */
  GtkWidget             *filter_popover;
  ChronicleTimelineView *view;      /* for the legend and to show a result */
  ChronicleDocument     *document;  /* searched; holds the filter and what it yields */
  GSignalGroup          *document_signals;
  char                  *count_text;

  guint                  n_results;
  gboolean               filters_requested;
  gboolean               search_mode;
};

G_DEFINE_FINAL_TYPE (ChronicleSearchBar, chronicle_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMELINE_VIEW,
  PROP_DOCUMENT,
  PROP_COUNT_TEXT,
  PROP_SEARCH_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The whole timeline: the search looks through it and the filter. */
static ChronicleTimeline *
get_whole (ChronicleSearchBar *self)
{
  return chronicle_document_get_timeline (self->document);
}

static ChronicleFilter *
get_filter (ChronicleSearchBar *self)
{
  return chronicle_document_get_filter (self->document);
}

static void
update_count (ChronicleSearchBar *self)
{
  g_autofree char *text = NULL;
  gboolean active = chronicle_filter_is_active (get_filter (self));

  if (get_whole (self) != NULL)
    {
      ChronicleTimeline *shown = chronicle_document_get_filtered_timeline (self->document);

      text = chronicle_filter_format_count (chronicle_timeline_get_n_events (shown),
                                            chronicle_timeline_get_n_events (get_whole (self)));
    }

  if (chronicle_set_str (&self->count_text, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_TEXT]);
  gtk_label_set_text (self->count_label, text != NULL ? text : "");

  gtk_widget_set_visible (self->show_all_button, active);
  gtk_widget_set_visible (self->hide_filters_button, !active);
  gtk_revealer_set_reveal_child (self->filter_revealer,
                                 get_whole (self) != NULL && (active || self->filters_requested));
}

static char *
dup_snippet_markup (ChronicleSearchMatch *match)
{
  ChronicleEvent *event = chronicle_search_match_get_event (match);
  g_autofree char *snippet = chronicle_search_match_dup_markup (match);

  switch (chronicle_search_match_get_field (match))
    {
    case CHRONICLE_SEARCH_FIELD_TITLE:
      return NULL;

    case CHRONICLE_SEARCH_FIELD_QUOTE:
      {
        ChronicleQuote *quote = chronicle_event_get_quote (event, chronicle_search_match_get_field_index (match));
        const char *speaker = chronicle_quote_get_speaker (quote);
        g_autofree char *shown = NULL;
        g_autofree char *escaped = NULL;

        if (speaker == NULL)
          /* Translators: a quote in the search results */
          return g_strdup_printf (_("“%s”"), snippet);
        shown = chronicle_text_for_display (speaker, CHRONICLE_TEXT_MAX_TITLE, FALSE);
        escaped = g_markup_escape_text (shown, -1);
        /* Translators: a quote in the search results: speaker, then what was said */
        return g_strdup_printf (_("%s: “%s”"), escaped, snippet);
      }

    case CHRONICLE_SEARCH_FIELD_SPEAKER:
      /* Translators: search result found by the name of who is quoted */
      return g_strdup_printf (_("Quote by %s"), snippet);

    case CHRONICLE_SEARCH_FIELD_ACTOR:
      /* Translators: search result found by one of the event's actors */
      return g_strdup_printf (_("Actor: %s"), snippet);

    case CHRONICLE_SEARCH_FIELD_LOCATION:
      /* Translators: search result found by the event's place */
      return g_strdup_printf (_("Location: %s"), snippet);

    case CHRONICLE_SEARCH_FIELD_SUMMARY:
    default:
      return g_steal_pointer (&snippet);
    }
}

static GtkWidget *
create_result_row (ChronicleSearchMatch       *match,
                   const ChronicleSearchQuery *query)
{
  ChronicleEvent *event = chronicle_search_match_get_event (match);
  const char *full_title = chronicle_event_get_title (event);
  g_autofree char *title = chronicle_text_for_display (full_title, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_autofree char *date = chronicle_event_format_date (event);
  g_autoptr(GArray) title_ranges = NULL;
  g_autofree char *title_markup = NULL;
  g_autofree char *snippet_markup = dup_snippet_markup (match);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date_label = gtk_label_new (date);
  GtkWidget *title_label = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (date_label), 0);
  gtk_label_set_yalign (GTK_LABEL (date_label), 0);
  gtk_label_set_width_chars (GTK_LABEL (date_label), 18);
  gtk_widget_add_css_class (date_label, "dim-label");
  gtk_widget_add_css_class (date_label, "numeric");
  gtk_box_append (GTK_BOX (box), date_label);

  /* The matches in bold, unless the title had to be cut or cleaned for
   * display: their places are in the whole title. */
  if (g_str_equal (title, full_title))
    {
      title_ranges = chronicle_search_query_find_ranges (query, title);
      title_markup = chronicle_search_markup_ranges (title, title_ranges);
      gtk_label_set_markup (GTK_LABEL (title_label), title_markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (title_label), title);
  /* A blank title (the loader warned) reads as a muted "(untitled)". */
  if (chronicle_text_is_blank (title))
    {
      gtk_label_set_text (GTK_LABEL (title_label), _("(untitled)"));
      gtk_widget_add_css_class (title_label, "dim-label");
    }
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), title_label);

  if (snippet_markup != NULL)
    {
      GtkWidget *snippet_label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (snippet_label), snippet_markup);
      gtk_label_set_xalign (GTK_LABEL (snippet_label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (snippet_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (snippet_label, "dim-label");
      gtk_widget_add_css_class (snippet_label, "caption");
      gtk_box_append (GTK_BOX (texts), snippet_label);
    }

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* One sentence for screen readers: date, title, where it matched. */
  {
    g_autofree char *plain = NULL;
    g_autofree char *label = NULL;

    if (snippet_markup != NULL)
      pango_parse_markup (snippet_markup, -1, 0, NULL, &plain, NULL, NULL);
    label = plain != NULL ? g_strdup_printf ("%s, %s. %s", date, title, plain)
                          : g_strdup_printf ("%s, %s", date, title);
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }

  g_object_set_data_full (G_OBJECT (row), "chronicle-match", g_object_ref (match), g_object_unref);
  return row;
}

/* Says @text about @widget, where the focus is. GTK 4.8 has no announce
 * call: screen readers speak a change of the focused widget's
 * description, so the entry's description is the number of results (said
 * as it changes while typing), and the widget that opened an event says
 * which. */
static void
announce (GtkWidget  *widget,
          const char *text)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
clear_results (ChronicleSearchBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  self->n_results = 0;
}

static void
run_search (ChronicleSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autoptr(ChronicleSearchQuery) query = chronicle_search_query_new (text);
  g_autoptr(GPtrArray) matches = NULL;
  guint n_matches = 0;

  clear_results (self);

  if (get_whole (self) == NULL || chronicle_search_query_is_empty (query) ||
      !self->search_mode)
    {
      gtk_revealer_set_reveal_child (self->results_revealer, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->matches_label), FALSE);
      announce (GTK_WIDGET (self->entry), "");
      return;
    }

  /* The whole timeline, through the filter: the results are the events
   * the chart can show. */
  matches = chronicle_search_timeline (get_whole (self), query,
                                       chronicle_filter_is_active (get_filter (self)) ? get_filter (self) : NULL,
                                       MAX_RESULTS, &n_matches);
  for (guint i = 0; i < matches->len; i++)
    gtk_list_box_append (self->results_list, create_result_row (g_ptr_array_index (matches, i), query));
  self->n_results = matches->len;

  if (n_matches == 0)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      gtk_label_set_text (self->empty_label,
                          chronicle_filter_is_active (get_filter (self))
                          ? _("No Results Among the Events Shown")
                          : _("No Results"));
    }
  else
    gtk_stack_set_visible_child_name (self->results_stack, "results");

  if (n_matches > matches->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The first %'u of %'u result",
                                                            "The first %'u of %'u results", n_matches),
                                               matches->len, n_matches);
      gtk_label_set_text (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), n_matches > matches->len);

  {
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u result", "%'u results", n_matches),
                                              n_matches);
    guint n_hidden = 0;

    /* Say when the filters hide matches, or "No Results" misleads. */
    if (chronicle_filter_is_active (get_filter (self)))
      {
        g_autoptr(GPtrArray) unfiltered = NULL;
        guint n_all = 0;

        unfiltered = chronicle_search_timeline (get_whole (self), query, NULL, 1, &n_all);
        n_hidden = n_all - MIN (n_all, n_matches);
      }

    if (n_hidden > 0)
      {
        /* Translators: after "3 results": how many more the filters hide */
        g_autofree char *hidden = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%'u hidden by filters",
                                                                "%'u hidden by filters", n_hidden),
                                                   n_hidden);
        /* Translators: joins the result count and the hidden count,
         * e.g. "3 results · 1 hidden by filters". */
        g_autofree char *both = g_strdup_printf (_("%s · %s"), count, hidden);

        gtk_label_set_text (self->matches_label, both);
      }
    else
      gtk_label_set_text (self->matches_label, count);
    gtk_widget_set_visible (GTK_WIDGET (self->matches_label), TRUE);
    announce (GTK_WIDGET (self->entry), gtk_label_get_text (self->matches_label));
  }

  gtk_revealer_set_reveal_child (self->results_revealer, TRUE);
}

static void
activate_match (ChronicleSearchBar   *self,
                ChronicleSearchMatch *match,
                GtkWidget            *from)
{
  ChronicleEvent *event = chronicle_search_match_get_event (match);

  if (self->view != NULL)
    {
      g_autofree char *date = chronicle_event_format_date (event);
      g_autofree char *shown = chronicle_text_for_display (chronicle_event_get_title (event),
                                                           CHRONICLE_TEXT_MAX_TITLE, FALSE);
      g_autofree char *title = chronicle_text_isolate (shown);
      g_autofree char *opened = NULL;

      /* The view follows the document's selection. */
      chronicle_document_set_selected_event (self->document, event);
      chronicle_timeline_view_reveal_selected (self->view, FALSE);
      /* Translators: for screen readers, after Enter on a search result:
       * the event's date and title */
      opened = g_strdup_printf (_("Opened %s — %s"), date, title);
      announce (from, opened);
    }

  g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

static void
on_results_row_activated_cb (ChronicleSearchBar *self,
                             GtkListBoxRow      *row)
{
  ChronicleSearchMatch *match = g_object_get_data (G_OBJECT (row), "chronicle-match");

  if (match != NULL)
    activate_match (self, match, GTK_WIDGET (row));
}

static void
on_entry_search_changed_cb (ChronicleSearchBar *self)
{
  run_search (self);
}

static void
on_entry_activate_cb (ChronicleSearchBar *self)
{
  GtkListBoxRow *row;

  /* Enter in the entry opens the first result (after a search of what is
   * typed now, in case the delayed one has not run yet). */
  run_search (self);
  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL)
    return;

  gtk_list_box_select_row (self->results_list, row);
  activate_match (self, g_object_get_data (G_OBJECT (row), "chronicle-match"), GTK_WIDGET (self->entry));
}

static gboolean
on_entry_key_pressed_cb (ChronicleSearchBar    *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL || !gtk_revealer_get_reveal_child (self->results_revealer))
    return FALSE;

  gtk_list_box_select_row (self->results_list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static gboolean
on_results_key_pressed_cb (ChronicleSearchBar    *self,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           GtkEventControllerKey *controller)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (keyval == GDK_KEY_Escape)
    {
      chronicle_search_bar_set_search_mode (self, FALSE);
      return TRUE;
    }

  /* Up from the first result goes back to the entry. */
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && first != NULL &&
      focus != NULL && (focus == GTK_WIDGET (first) || gtk_widget_is_ancestor (focus, GTK_WIDGET (first))))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      return TRUE;
    }

  return FALSE;
}

static void
on_search_mode_changed (ChronicleSearchBar *self)
{
  if (!self->search_mode)
    {
      gtk_revealer_set_reveal_child (self->results_revealer, FALSE);
      /* Back to the chart, for the arrow keys. */
      if (self->view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->view)))
        gtk_widget_grab_focus (GTK_WIDGET (self->view));
    }
  else
    run_search (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
on_entry_stop_search_cb (ChronicleSearchBar *self)
{
  chronicle_search_bar_set_search_mode (self, FALSE);
}

static void
on_close_button_clicked_cb (ChronicleSearchBar *self)
{
  chronicle_search_bar_set_search_mode (self, FALSE);
}

static void
on_show_all_clicked_cb (ChronicleSearchBar *self)
{
  chronicle_filter_reset (get_filter (self));
}

static void
on_hide_filters_clicked_cb (ChronicleSearchBar *self)
{
  self->filters_requested = FALSE;
  update_count (self);
}

/* The bar the filter button opened was there to hold the popover: with
 * nothing filtered, it goes when the popover does. */
static void
on_filter_popover_closed_cb (ChronicleSearchBar *self)
{
  if (!self->filters_requested || chronicle_filter_is_active (get_filter (self)))
    return;

  self->filters_requested = FALSE;
  update_count (self);
}

/* A change of the filter or a reload: the counts and results follow. */
static void
on_document_filtered_timeline_cb (ChronicleSearchBar *self)
{
  update_count (self);
  if (self->search_mode)
    run_search (self);
}

static void
on_document_timeline_cb (ChronicleSearchBar *self)
{
  ChronicleTimeline *timeline = get_whole (self);

  /* Folding 100 000 events takes a fifth of a second: not on the first
   * keystroke. */
  if (timeline != NULL)
    chronicle_search_prepare_in_background (timeline);
  chronicle_filter_popover_set_timeline (CHRONICLE_FILTER_POPOVER (self->filter_popover), timeline);
}

static void
on_view_legend_activated_cb (ChronicleSearchBar    *self,
                             guint                  category,
                             ChronicleTimelineView *view)
{
  g_autoptr(ChronicleCategory) item = NULL;

  if (get_whole (self) == NULL)
    return;

  item = g_list_model_get_item (chronicle_timeline_get_categories (get_whole (self)), category);
  if (item != NULL)
    chronicle_filter_toggle_category (get_filter (self), chronicle_category_get_id (item));
}

static void
disconnect_view (ChronicleSearchBar *self)
{
  if (self->view == NULL)
    return;

  g_signal_handlers_disconnect_by_func (self->view, on_view_legend_activated_cb, self);
  g_clear_object (&self->view);
}

static void
chronicle_search_bar_dispose (GObject *object)
{
  ChronicleSearchBar *self = CHRONICLE_SEARCH_BAR (object);
  GtkWidget *child;

  disconnect_view (self);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  g_clear_object (&self->document_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_SEARCH_BAR);
  /* The template's box is not bound to a field: unparent it here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->document);

  G_OBJECT_CLASS (chronicle_search_bar_parent_class)->dispose (object);
}

static void
chronicle_search_bar_finalize (GObject *object)
{
  ChronicleSearchBar *self = CHRONICLE_SEARCH_BAR (object);

  g_clear_pointer (&self->count_text, g_free);

  G_OBJECT_CLASS (chronicle_search_bar_parent_class)->finalize (object);
}

static void
chronicle_search_bar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChronicleSearchBar *self = CHRONICLE_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_TIMELINE_VIEW:
      g_value_set_object (value, chronicle_search_bar_get_timeline_view (self));
      break;

    case PROP_DOCUMENT:
      g_value_set_object (value, chronicle_search_bar_get_document (self));
      break;

    case PROP_COUNT_TEXT:
      g_value_set_string (value, chronicle_search_bar_get_count_text (self));
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, chronicle_search_bar_get_search_mode (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_search_bar_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChronicleSearchBar *self = CHRONICLE_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_TIMELINE_VIEW:
      chronicle_search_bar_set_timeline_view (self, g_value_get_object (value));
      break;

    case PROP_DOCUMENT:
      chronicle_search_bar_set_document (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      chronicle_search_bar_set_search_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  chronicle_search_bar_set_search_mode (CHRONICLE_SEARCH_BAR (widget), TRUE);
}

static void
show_filters_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  chronicle_search_bar_show_filters (CHRONICLE_SEARCH_BAR (widget));
}

static void
chronicle_search_bar_class_init (ChronicleSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_search_bar_dispose;
  object_class->finalize = chronicle_search_bar_finalize;
  object_class->get_property = chronicle_search_bar_get_property;
  object_class->set_property = chronicle_search_bar_set_property;

  properties[PROP_TIMELINE_VIEW] =
    g_param_spec_object ("timeline-view", NULL, NULL,
                         CHRONICLE_TYPE_TIMELINE_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHRONICLE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT_TEXT] =
    g_param_spec_string ("count-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleSearchBar::event-activated:
   * @event: the event of the result
   *
   * A search result was opened; the view has selected and shown it.
   */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CHRONICLE_TYPE_EVENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, search_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, entry);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, matches_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, results_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, results_stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, results_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, more_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSearchBar, hide_filters_button);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_hide_filters_clicked_cb);

  /* For the window's Ctrl+F and filter button, and the page. */
  gtk_widget_class_install_action (widget_class, "search.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "search.show-filters", NULL, show_filters_action_cb);

  gtk_widget_class_set_css_name (widget_class, "chronicle-search-bar");
  /* A container: without a role GTK 4.8 names it after its type, and a
   * screen reader may say that on the way to the focus. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_search_bar_init (ChronicleSearchBar *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_name_text_buttons (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (CHRONICLE_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::timeline",
                                  G_CALLBACK (on_document_timeline_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::filtered-timeline",
                                  G_CALLBACK (on_document_filtered_timeline_cb), self);

  self->filter_popover = chronicle_filter_popover_new ();
  gtk_menu_button_set_popover (self->filter_button, self->filter_popover);
  g_signal_connect_object (self->filter_popover, "closed", G_CALLBACK (on_filter_popover_closed_cb), self,
                           G_CONNECT_SWAPPED);


  /* Before the entry's text widget takes Down for itself. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_results_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->results_list), keys);

  /* Until it is given one: a document with nothing loaded. */
  {
    g_autoptr(ChronicleDocument) empty = chronicle_document_new ();

    chronicle_search_bar_set_document (self, empty);
  }
}

GtkWidget *
chronicle_search_bar_new (void)
{
  return g_object_new (CHRONICLE_TYPE_SEARCH_BAR, NULL);
}

/* Returns: (transfer none) (nullable): the view searched and filtered */
ChronicleTimelineView *
chronicle_search_bar_get_timeline_view (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return self->view;
}

void
chronicle_search_bar_set_timeline_view (ChronicleSearchBar    *self,
                                        ChronicleTimelineView *view)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || CHRONICLE_IS_TIMELINE_VIEW (view));

  if (self->view == view)
    return;

  disconnect_view (self);
  if (view != NULL)
    {
      self->view = g_object_ref (view);
      g_signal_connect_object (view, "legend-activated", G_CALLBACK (on_view_legend_activated_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE_VIEW]);
}

/* Returns: (transfer none): the document searched */
ChronicleDocument *
chronicle_search_bar_get_document (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return self->document;
}

/**
 * chronicle_search_bar_set_document:
 * @self: a `ChronicleSearchBar`
 * @document: the document to search, whose filter the bar edits
 *
 * The bar searches @document's timeline and edits its filter; the
 * document applies the filter, and the view shows what it yields.
 */
void
chronicle_search_bar_set_document (ChronicleSearchBar *self,
                                   ChronicleDocument  *document)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_BAR (self));
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->document_signals, document);
  chronicle_filter_popover_set_filter (CHRONICLE_FILTER_POPOVER (self->filter_popover),
                                       chronicle_document_get_filter (document));
  on_document_timeline_cb (self);
  on_document_filtered_timeline_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* Returns: (transfer none): the document's filter */
ChronicleFilter *
chronicle_search_bar_get_filter (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return get_filter (self);
}

/* Returns: (transfer none) (nullable): the whole timeline */
ChronicleTimeline *
chronicle_search_bar_get_timeline (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return get_whole (self);
}

const char *
chronicle_search_bar_get_count_text (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return self->count_text;
}

gboolean
chronicle_search_bar_get_search_mode (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), FALSE);

  return self->search_mode;
}

void
chronicle_search_bar_set_search_mode (ChronicleSearchBar *self,
                                      gboolean            search_mode)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_BAR (self));

  search_mode = !!search_mode;
  if (self->search_mode != search_mode)
    {
      self->search_mode = search_mode;
      gtk_widget_set_visible (self->search_box, search_mode);
      on_search_mode_changed (self);
    }
  if (search_mode)
    {
      /* Ctrl+F again with the bar open: back to the entry, text selected
       * so that typing replaces it. */
      gtk_widget_grab_focus (GTK_WIDGET (self->entry));
      gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
    }
}

void
chronicle_search_bar_show_filters (ChronicleSearchBar *self)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_BAR (self));

  if (get_whole (self) == NULL)
    return;

  self->filters_requested = TRUE;
  update_count (self);
  gtk_menu_button_popup (self->filter_button);
}

/* Returns: (transfer none): the search entry */
GtkEditable *
chronicle_search_bar_get_entry (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return GTK_EDITABLE (self->entry);
}

/* Returns: (transfer none): the list of results */
GtkListBox *
chronicle_search_bar_get_results (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return self->results_list;
}

guint
chronicle_search_bar_get_n_results (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), 0);

  return self->n_results;
}

const char *
chronicle_search_bar_get_results_text (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return gtk_label_get_text (self->matches_label);
}

/* Returns: (transfer none): the ChronicleFilterPopover */
GtkWidget *
chronicle_search_bar_get_filter_popover (ChronicleSearchBar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SEARCH_BAR (self), NULL);

  return self->filter_popover;
}

void
chronicle_search_bar_search_now (ChronicleSearchBar *self)
{
  g_return_if_fail (CHRONICLE_IS_SEARCH_BAR (self));

  run_search (self);
}
