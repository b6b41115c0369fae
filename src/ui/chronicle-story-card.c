/* chronicle-story-card.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-story-card"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-story-card.h"

#include "chronicle-label-text-private.h"
#include "chronicle-text-private.h"

/* The card leaves the chart room: at most this many quotes, of at most
 * this many lines each (the sidebar shows them all, in full). */
#define MAX_QUOTES      3
#define MAX_QUOTE_LINES 5

struct _ChronicleStoryCard
{
  GtkWidget              parent_instance;

  /* template widgets */
  GtkRevealer           *revealer;
  GtkWidget             *previous_button;
  GtkWidget             *next_button;
  GtkLabel              *position_label;
  GtkLabel              *date_label;
  GtkLabel              *title_label;
  GtkLabel              *summary_label;
  GtkBox                *quotes_box;

  /* borrowed, weak */
  ChronicleTimelineView *view;

  /* owned */
  GSignalGroup          *view_signals; /* on the view; follows it without manual disconnects */

  guint                  n_quotes;
};

G_DEFINE_FINAL_TYPE (ChronicleStoryCard, chronicle_story_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* File text for a label: cut, without controls; isolated when it goes
 * into a composed sentence, so that right-to-left text does not reorder
 * the sentence around it. */
static char *
display_text (const char *text,
              gsize       max_chars)
{
  return chronicle_label_text_new (text, max_chars);
}

static char *
display_isolated (const char *text)
{
  g_autofree char *shown = chronicle_text_for_display (text, CHRONICLE_TEXT_MAX_TITLE, FALSE);

  return chronicle_text_isolate (shown);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Bounds the natural width, so that a long quote does not make the
   * card ask for a wide window. */
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
create_quote (ChronicleTimeline *timeline,
              ChronicleQuote    *quote)
{
  g_autofree char *speaker = NULL;
  g_autofree char *role = NULL;
  g_autofree char *quote_text = NULL;
  const char *source_id = chronicle_quote_get_source_id (quote);
  ChronicleSource *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *attribution = NULL;
  GtkWidget *box, *label;

  if (source_id != NULL && timeline != NULL)
    source = chronicle_timeline_lookup_source (timeline, source_id);
  if (!is_blank (chronicle_quote_get_speaker (quote)))
    speaker = display_isolated (chronicle_quote_get_speaker (quote));
  if (!is_blank (chronicle_quote_get_role (quote)))
    role = display_isolated (chronicle_quote_get_role (quote));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (box, "story-quote");

  /* Translators: typographic quotation marks around a quote; use the ones
   * of your language, for instance „%s“ or « %s ». */
  quote_text = display_text (chronicle_quote_get_text (quote), CHRONICLE_TEXT_MAX_TEXT);
  text = g_strdup_printf (_("“%s”"), quote_text);
  label = create_label (text, "quote-text");
  gtk_label_set_lines (GTK_LABEL (label), MAX_QUOTE_LINES);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Selectable, hence focusable: a screen reader reaches the quote with
   * Tab or F6 from the chart (chronicle_story_card_focus_first_quote()). */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (!is_blank (speaker) && !is_blank (role))
    /* Translators: attribution under a quote: "— Marco Rubio, U.S. Secretary of State" */
    attribution = g_strdup_printf (_("— %s, %s"), speaker, role);
  else if (!is_blank (speaker))
    /* Translators: attribution under a quote without the speaker's role */
    attribution = g_strdup_printf (_("— %s"), speaker);

  if (source != NULL)
    {
      g_autofree char *with_source = NULL;
      /* Its publisher, else its title, its link's host, its id. */
      g_autofree char *publisher = display_isolated (chronicle_source_get_name (source, NULL));

      /* Translators: attribution and the outlet that reported the quote,
       * "— Marco Rubio, US Secretary of State · Reuters" */
      with_source = g_strdup_printf (_("%s · %s"), attribution != NULL ? attribution : "", publisher);
      g_free (attribution);
      attribution = g_steal_pointer (&with_source);
    }

  if (attribution != NULL)
    {
      label = create_label (attribution, "quote-speaker");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    gtk_box_remove (GTK_BOX (parent), child);
}

static void
update_content (ChronicleStoryCard *self)
{
  ChronicleTimeline *timeline = self->view != NULL ? chronicle_timeline_view_get_timeline (self->view) : NULL;
  ChronicleEvent *event = self->view != NULL ? chronicle_timeline_view_get_selected_event (self->view) : NULL;
  guint n = timeline != NULL ? chronicle_timeline_get_n_events (timeline) : 0;
  g_autofree char *position_text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  guint position = 0;
  guint n_quotes;
  gboolean found;

  remove_all_children (GTK_WIDGET (self->quotes_box));
  self->n_quotes = 0;

  found = event != NULL && timeline != NULL && chronicle_timeline_find_event (timeline, event, &position);
  gtk_widget_set_sensitive (self->previous_button, found && position > 0);
  gtk_widget_set_sensitive (self->next_button, !found || position + 1 < n);

  if (!found)
    {
      gtk_label_set_text (self->position_label, "");
      gtk_label_set_text (self->date_label, "");
      title = chronicle_text_for_display (timeline != NULL ? chronicle_timeline_get_title (timeline) : NULL,
                                          CHRONICLE_TEXT_MAX_TITLE, FALSE);
      gtk_label_set_text (self->title_label, title);
      gtk_label_set_text (self->summary_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
      return;
    }

  /* Translators: the place of the event shown in story mode, "3 of 11" */
  position_text = g_strdup_printf (_("%'u of %'u"), position + 1, n);
  gtk_label_set_text (self->position_label, position_text);

  date = chronicle_event_format_date (event);
  gtk_label_set_text (self->date_label, date);
  title = chronicle_text_for_display (chronicle_event_get_title (event), CHRONICLE_TEXT_MAX_TITLE, FALSE);
  chronicle_label_set_event_title (self->title_label, title);
  summary = display_text (chronicle_event_get_summary (event), CHRONICLE_TEXT_MAX_TEXT);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), !is_blank (chronicle_event_get_summary (event)));

  n_quotes = chronicle_event_get_n_quotes (event);
  self->n_quotes = MIN (n_quotes, MAX_QUOTES);
  for (guint i = 0; i < self->n_quotes; i++)
    gtk_box_append (self->quotes_box, create_quote (timeline, chronicle_event_get_quote (event, i)));
  if (n_quotes > self->n_quotes)
    {
      g_autofree char *more = NULL;
      GtkWidget *label;

      /* Translators: under the quotes of the story card */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%'u more quote in the sidebar",
                                           "%'u more quotes in the sidebar", n_quotes - self->n_quotes),
                              n_quotes - self->n_quotes);
      label = create_label (more, "dim-label");
      gtk_box_append (self->quotes_box, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), self->n_quotes > 0);

  {
    g_autofree char *label = NULL;

    /* The card is the story's text: named after where the story is, so a
     * screen reader moving into it hears the place first. */
    /* Translators: accessible name of the story card, "Story, event 3 of 11" */
    label = g_strdup_printf (_("Story, event %'u of %'u"), position + 1, n);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  }
}

static void
update_revealed (ChronicleStoryCard *self)
{
  gboolean story = self->view != NULL && chronicle_timeline_view_get_story_mode (self->view);

  gtk_revealer_set_reveal_child (self->revealer, story);
  if (story)
    update_content (self);
}

static void
on_view_changed_cb (ChronicleStoryCard *self)
{
  /* Built only while shown: the card is idle outside story mode. */
  if (self->view != NULL && chronicle_timeline_view_get_story_mode (self->view))
    update_content (self);
}

static void
on_previous_clicked_cb (ChronicleStoryCard *self)
{
  if (self->view != NULL)
    chronicle_timeline_view_story_step (self->view, -1);
}

static void
on_next_clicked_cb (ChronicleStoryCard *self)
{
  if (self->view != NULL)
    chronicle_timeline_view_story_step (self->view, +1);
}

static void
on_close_clicked_cb (ChronicleStoryCard *self)
{
  if (self->view != NULL)
    chronicle_timeline_view_set_story_mode (self->view, FALSE);
}

static void
chronicle_story_card_dispose (GObject *object)
{
  ChronicleStoryCard *self = CHRONICLE_STORY_CARD (object);

  chronicle_story_card_set_view (self, NULL);
  g_clear_object (&self->view_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_STORY_CARD);

  G_OBJECT_CLASS (chronicle_story_card_parent_class)->dispose (object);
}

static void
chronicle_story_card_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChronicleStoryCard *self = CHRONICLE_STORY_CARD (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_story_card_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChronicleStoryCard *self = CHRONICLE_STORY_CARD (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      chronicle_story_card_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_story_card_class_init (ChronicleStoryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_story_card_dispose;
  object_class->get_property = chronicle_story_card_get_property;
  object_class->set_property = chronicle_story_card_set_property;

  /**
   * ChronicleStoryCard:view:
   *
   * The chart whose story the card tells.
   */
  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL,
                         CHRONICLE_TYPE_TIMELINE_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-story-card.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, previous_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, next_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, position_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, date_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleStoryCard, quotes_box);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chronicle-story-card");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_story_card_init (ChronicleStoryCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_revealer_hide_when_closed (self->revealer);

  /* Connected once here; chronicle_story_card_set_view() only retargets
   * the group, which moves these handlers from the old view to the new
   * one. */
  self->view_signals = g_signal_group_new (CHRONICLE_TYPE_TIMELINE_VIEW);
  g_signal_group_connect_object (self->view_signals, "notify::story-mode",
                                 G_CALLBACK (update_revealed), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::selected-event",
                                 G_CALLBACK (on_view_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->view_signals, "notify::timeline",
                                 G_CALLBACK (on_view_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * chronicle_story_card_new:
 * @view: (nullable): the chart whose story to tell
 *
 * Returns: (transfer floating): a new story card
 */
GtkWidget *
chronicle_story_card_new (ChronicleTimelineView *view)
{
  g_return_val_if_fail (view == NULL || CHRONICLE_IS_TIMELINE_VIEW (view), NULL);

  return g_object_new (CHRONICLE_TYPE_STORY_CARD, "view", view, NULL);
}

ChronicleTimelineView *
chronicle_story_card_get_view (ChronicleStoryCard *self)
{
  g_return_val_if_fail (CHRONICLE_IS_STORY_CARD (self), NULL);

  return self->view;
}

/**
 * chronicle_story_card_set_view:
 * @self: a `ChronicleStoryCard`
 * @view: (nullable): the chart whose story to tell
 *
 * The card holds @view weakly: both usually sit in the same page.
 */
void
chronicle_story_card_set_view (ChronicleStoryCard    *self,
                               ChronicleTimelineView *view)
{
  g_return_if_fail (CHRONICLE_IS_STORY_CARD (self));
  g_return_if_fail (view == NULL || CHRONICLE_IS_TIMELINE_VIEW (view));

  if (self->view == view)
    return;

  /* The weak pointer (for reading the view's state) and the group's
   * target are both weak and change together, so self->view is set
   * whenever one of the group's handlers runs. */
  g_set_weak_pointer (&self->view, view);
  g_signal_group_set_target (self->view_signals, view);

  if (self->revealer != NULL)
    update_revealed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
chronicle_story_card_get_position_text (ChronicleStoryCard *self)
{
  g_return_val_if_fail (CHRONICLE_IS_STORY_CARD (self), NULL);

  return gtk_label_get_text (self->position_label);
}

const char *
chronicle_story_card_get_title_text (ChronicleStoryCard *self)
{
  g_return_val_if_fail (CHRONICLE_IS_STORY_CARD (self), NULL);

  return gtk_label_get_text (self->title_label);
}

guint
chronicle_story_card_get_n_quotes (ChronicleStoryCard *self)
{
  g_return_val_if_fail (CHRONICLE_IS_STORY_CARD (self), 0);

  return self->n_quotes;
}

/**
 * chronicle_story_card_focus_first_quote:
 * @self: a `ChronicleStoryCard`
 *
 * Moves the keyboard focus to the text of the first quote the card shows.
 *
 * Returns: FALSE when it shows none (the focus does not move)
 */
gboolean
chronicle_story_card_focus_first_quote (ChronicleStoryCard *self)
{
  GtkWidget *quote;

  g_return_val_if_fail (CHRONICLE_IS_STORY_CARD (self), FALSE);

  if (self->n_quotes == 0 || !gtk_revealer_get_reveal_child (self->revealer))
    return FALSE;

  /* The card's first child is the quote's text. */
  quote = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box));
  return quote != NULL && gtk_widget_grab_focus (gtk_widget_get_first_child (quote));
}
