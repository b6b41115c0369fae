/* chronicle-sidebar.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sidebar"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-sidebar.h"

#include "chronicle-category-color.h"
#include "chronicle-event-editor.h"
#include "chronicle-label-text-private.h"
#include "chronicle-quote-list.h"
#include "chronicle-style.h"
#include "chronicle-text-private.h"

struct _ChronicleSidebar
{
  GtkWidget          parent_instance;

  /* owned */
  ChronicleTimeline *timeline;
  ChronicleEvent    *event;
  ChronicleDocument *document;       /* what the editor changes; NULL: no editing */
  ChronicleEventEditor *editor;      /* borrowed: a page of the stack, made when first used */
  GdkRGBA            dot_color;
  gboolean           story_mode;     /* the story card shows date, title and summary */

  /* what the event page lists: a section of one row (event_header), the
   * quotes, a section of zero or one row (event_sources_box: the media,
   * then the sources) */
  ChronicleQuoteList *quotes;        /* the event's */
  GListStore        *footer;         /* of GtkWidget */
  GtkListItem       *header_holder;  /* borrowed: the row showing event_header */
  GtkListItem       *footer_holder;  /* borrowed: the row showing event_sources_box */

  /* template widgets */
  GtkWidget         *scroller;
  GtkWidget         *event_scroller;
  GtkListView       *event_list;
  GtkWidget         *event_header;
  GtkWidget         *event_sources_box;
  GtkStack          *stack;
  GtkWidget         *edit_button;
  GtkWidget         *add_event_button;
  GtkLabel          *timeline_title_label;
  GtkLabel          *timeline_description_label;
  GtkWidget         *overview_hint_label;
  GtkWidget         *sources_heading;
  GtkListBox        *sources_list;
  GtkLabel          *date_label;
  GtkLabel          *title_label;
  GtkWidget         *category_box;
  GtkDrawingArea    *category_dot;
  GtkLabel          *category_label;
  GtkLabel          *summary_label;
  GtkWidget         *actors_caption;
  GtkLabel          *actors_label;
  GtkWidget         *location_caption;
  GtkLabel          *location_label;
  GtkWidget         *quotes_heading;
  GtkWidget         *event_media_heading;
  GtkListBox        *event_media_list;
  GtkWidget         *event_sources_heading;
  GtkListBox        *event_sources_list;
};

G_DEFINE_FINAL_TYPE (ChronicleSidebar, chronicle_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMELINE,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* Sets @label to @text, cut to @max_chars for display (see
 * chronicle_label_text_new()), and hides it (and @caption, if any) when
 * empty. */
static void
set_label_or_hide (GtkLabel   *label,
                   GtkWidget  *caption,
                   const char *text,
                   gsize       max_chars)
{
  gboolean visible = !is_blank (text);
  g_autofree char *shown = NULL;

  /* A title is one line of at most 200 characters; a longer text keeps its
   * lines and gets places to wrap. */
  if (visible)
    shown = max_chars > CHRONICLE_TEXT_MAX_TITLE ? chronicle_label_text_new (text, max_chars)
                                                 : chronicle_text_for_display (text, max_chars, FALSE);

  gtk_label_set_text (label, visible ? shown : "");
  gtk_widget_set_visible (GTK_WIDGET (label), visible);
  if (caption != NULL)
    gtk_widget_set_visible (caption, visible);
}

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (parent), child);
}

/* File text for a label: cut, without controls. */
static char *
display_title (const char *text)
{
  return chronicle_text_for_display (text, CHRONICLE_TEXT_MAX_TITLE, FALSE);
}

/* The same, isolated for a composed sentence ("%s · %s"), so that
 * right-to-left text does not reorder the sentence around it; NULL for
 * blank text. */
static char *
display_isolated (const char *text)
{
  g_autofree char *shown = NULL;

  if (is_blank (text))
    return NULL;
  shown = display_title (text);
  return chronicle_text_isolate (shown);
}

static char *
format_source_detail (ChronicleSource     *source,
                      const ChronicleDate *date)
{
  const char *publisher = source != NULL ? chronicle_source_get_name (source, NULL) : NULL;
  g_autofree char *date_text = NULL;

  if (date == NULL && source != NULL)
    date = chronicle_source_get_published (source);
  if (date != NULL)
    date_text = chronicle_date_format (date);

  if (!is_blank (publisher))
    {
      if (date_text != NULL)
        {
          g_autofree char *shown = display_isolated (publisher);

          /* Translators: a quote's outlet and date, "Reuters · 16 May 2025" */
          return g_strdup_printf (_("%s · %s"), shown, date_text);
        }
      return display_title (publisher);
    }

  return g_steal_pointer (&date_text);
}

static GtkWidget *
create_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* Only web pages are linked (chronicle_uri_is_web_link()): a timeline comes
 * from a pipeline, and a file: or custom-scheme URL in it, or one with a
 * newline in it, should not launch anything. Addresses over 64 KB are
 * shown, not linked: checking a 10 MB one, three times per event shown,
 * held the main thread for a quarter of a second. */
static gboolean
is_link (const char *url)
{
  return chronicle_uri_is_web_link (url);
}

static void
on_link_row_activated_cb (AdwActionRow *row,
                          const char   *url)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  /* Goes through the OpenURI portal inside Flatpak. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

/* Makes @row open @url (a web link) when activated, with the external
 * link icon, as in AdwAboutWindow: sources and media alike. */
static void
make_link_row (GtkWidget  *row,
               const char *url)
{
  g_assert (is_link (url));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("adw-external-link-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_data (row, "activated", G_CALLBACK (on_link_row_activated_cb),
                         g_strdup (url), (GClosureNotify) (void (*) (void)) g_free, 0);
}

static GtkWidget *
create_source_row (ChronicleSource *source)
{
  const char *publisher = chronicle_source_get_publisher (source);
  const char *title = chronicle_source_get_title (source);
  const char *url = chronicle_source_get_url (source);
  const ChronicleDate *published = chronicle_source_get_published (source);
  g_autofree char *date = published != NULL ? chronicle_date_format (published) : NULL;
  g_autofree char *shown_publisher = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  ChronicleSourceNameKind kind;

  /* Named by its publisher, else its title, its link's host, its id. */
  publisher = chronicle_source_get_name (source, &kind);
  shown_publisher = display_title (publisher);

  /* A title that already heads the row is not repeated under it. */
  if (!is_blank (title) && kind != CHRONICLE_SOURCE_NAME_TITLE)
    {
      if (date != NULL)
        {
          g_autofree char *shown_title = display_isolated (title);

          subtitle = g_strdup_printf (_("%s · %s"), shown_title, date);
        }
      else
        subtitle = display_title (title);
    }
  else
    subtitle = g_steal_pointer (&date);

  /* Row titles are markup in libadwaita 1.2: file text is plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown_publisher);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (is_link (url))
    {
      g_autofree char *shown_url = display_title (url);

      /* The whole row opens the page. */
      gtk_widget_set_tooltip_text (row, shown_url);
      make_link_row (row, url);
    }

  return row;
}

/* The host of a web link ("www.reuters.com"), or NULL. */
static char *
dup_url_host (const char *url)
{
  g_autoptr(GUri) uri = is_link (url) ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;

  return uri != NULL && g_uri_get_host (uri) != NULL ? g_strdup (g_uri_get_host (uri)) : NULL;
}

/* A medium's row: its caption over its credit (else the credit alone,
 * else its link's host, else its url as text); a web link opens. */
static GtkWidget *
create_media_row (ChronicleMedia *media)
{
  const char *caption = chronicle_media_get_caption (media);
  const char *credit = chronicle_media_get_credit (media);
  const char *url = chronicle_media_get_url (media);
  const char *alt = chronicle_media_get_alt (media);
  g_autofree char *host = dup_url_host (url);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown_url = display_title (url);
  GtkWidget *row = adw_action_row_new ();

  if (!is_blank (caption))
    {
      title = display_title (caption);
      if (!is_blank (credit))
        subtitle = display_title (credit);
    }
  else if (!is_blank (credit))
    title = display_title (credit);
  else
    title = g_strdup (host != NULL ? host : shown_url);

  /* Row titles are markup in libadwaita 1.2: file text is plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, shown_url);
  if (!is_blank (alt))
    {
      g_autofree char *shown_alt = chronicle_text_for_display (alt, CHRONICLE_TEXT_MAX_TEXT, FALSE);

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown_alt, -1);
    }

  if (is_link (url))
    make_link_row (row, url);

  return row;
}

/* What a quote's row shows as its text (with quotation marks), cut. */
static char *
format_quote_text (ChronicleQuote *quote)
{
  g_autofree char *text = chronicle_label_text_new (chronicle_quote_get_text (quote), CHRONICLE_TEXT_MAX_TEXT);

  /* Translators: typographic quotation marks around a quote; use the ones
   * of your language, for instance „%s“ or « %s ». */
  return g_strdup_printf (_("“%s”"), text);
}

static GtkWidget *
create_quote_card (ChronicleSidebar *self,
                   ChronicleQuote   *quote)
{
  g_autofree char *speaker = display_isolated (chronicle_quote_get_speaker (quote));
  g_autofree char *role = display_isolated (chronicle_quote_get_role (quote));
  const char *source_id = chronicle_quote_get_source_id (quote);
  ChronicleSource *source = NULL;
  g_autofree char *text = NULL;
  g_autofree char *attribution = NULL;
  g_autofree char *detail = NULL;
  GtkWidget *card, *label;

  if (source_id != NULL && self->timeline != NULL)
    source = chronicle_timeline_lookup_source (self->timeline, source_id);

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "quote-card");

  text = format_quote_text (quote);
  label = create_label (text, "quote-text");
  gtk_widget_set_name (label, "quote-text");
  gtk_box_append (GTK_BOX (card), label);

  if (!is_blank (speaker) && !is_blank (role))
    /* Translators: attribution under a quote: "— Marco Rubio, U.S. Secretary of State" */
    attribution = g_strdup_printf (_("— %s, %s"), speaker, role);
  else if (!is_blank (speaker))
    /* Translators: attribution under a quote without the speaker's role */
    attribution = g_strdup_printf (_("— %s"), speaker);

  if (attribution != NULL)
    gtk_box_append (GTK_BOX (card), create_label (attribution, "quote-speaker"));

  detail = format_source_detail (source, chronicle_quote_get_date (quote));
  if (detail != NULL)
    {
      label = create_label (detail, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (card), label);
    }

  if (source != NULL && is_link (chronicle_source_get_url (source)))
    {
      const char *url = chronicle_source_get_url (source);
      g_autofree char *shown_url = display_title (url);
      GtkWidget *link = gtk_link_button_new_with_label (url, _("Read Source"));

      gtk_widget_set_halign (link, GTK_ALIGN_START);
      /* Set, so that the button does not put the whole URL in a tooltip. */
      gtk_widget_set_tooltip_text (link, shown_url);
      gtk_widget_add_css_class (link, "quote-link");
      gtk_box_append (GTK_BOX (card), link);
    }

  return card;
}

/* The rows hold text, not choices (neither selectable nor activatable):
 * Tab goes to the labels and links in them. A focusable row has no name
 * on GTK 4.8 (gtk_list_item_set_accessible_label is 4.12), and a screen
 * reader said an empty "list item" before each quote. */
static void
unfocus_row (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_parent (child);

  if (row != NULL)
    gtk_widget_set_focusable (row, FALSE);
}

/* The header and the sources are one widget each (from the template), which
 * at most one row shows at a time; quote rows are made when shown. */
static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                ChronicleSidebar         *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkListItem **holder = NULL;

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);

  if (CHRONICLE_IS_QUOTE (item))
    {
      GtkWidget *card = create_quote_card (self, CHRONICLE_QUOTE (item));

      gtk_list_item_set_child (list_item, card);
      unfocus_row (card);
      return;
    }

  if (item == G_OBJECT (self->event_header))
    holder = &self->header_holder;
  else if (item == G_OBJECT (self->event_sources_box))
    holder = &self->footer_holder;
  g_assert (holder != NULL);

  if (*holder != NULL && *holder != list_item)
    gtk_list_item_set_child (*holder, NULL);
  gtk_list_item_set_child (list_item, GTK_WIDGET (item));
  *holder = list_item;
  unfocus_row (GTK_WIDGET (item));
}

static void
on_row_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  ChronicleSidebar         *self)
{
  if (self->header_holder == list_item)
    self->header_holder = NULL;
  if (self->footer_holder == list_item)
    self->footer_holder = NULL;
  gtk_list_item_set_child (list_item, NULL);
}

static void
draw_category_dot (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  ChronicleSidebar *self = user_data;
  double radius = MIN (width, height) / 2.0;

  gdk_cairo_set_source_rgba (cr, &self->dot_color);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
update_category (ChronicleSidebar *self)
{
  const char *category_id = chronicle_event_get_category_id (self->event);
  ChronicleCategory *category = NULL;
  g_auto(ChronicleStyle) style = { 0 };
  g_autofree char *label = NULL;
  ChronicleColor color;

  if (category_id != NULL && self->timeline != NULL)
    category = chronicle_timeline_lookup_category (self->timeline, category_id);

  gtk_widget_set_visible (self->category_box, category != NULL);
  if (category == NULL)
    return;

  label = display_title (chronicle_category_get_label (category));
  gtk_label_set_text (self->category_label, label);

  /* The same colour the chart gives the category, in the same light or
   * dark palette. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    chronicle_style_init_dark (&style);
  else
    chronicle_style_init_light (&style);
  chronicle_style_category_color (&style, self->timeline,
                                  chronicle_timeline_get_category_index (self->timeline, category_id),
                                  &color);
  self->dot_color = (GdkRGBA) { color.red, color.green, color.blue, color.alpha };

  gtk_widget_queue_draw (GTK_WIDGET (self->category_dot));
}

/* The palette differs between light and dark: the dot follows a theme
 * switch as the chart does. */
static void
on_style_manager_dark_changed_cb (ChronicleSidebar *self)
{
  if (self->event != NULL)
    update_category (self);
}

/* The rows of the old event go away with it: focus in one (a quote's
 * link, a selected label) moves to the list first. GTK 4.8's list view
 * otherwise keeps tracking a focus child that is gone (a critical in
 * gtk_widget_is_ancestor() at the next frame). */
static void
keep_focus_out_of_rows (ChronicleSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && focus != GTK_WIDGET (self->event_list) &&
      gtk_widget_is_ancestor (focus, GTK_WIDGET (self->event_list)))
    gtk_widget_grab_focus (GTK_WIDGET (self->event_list));
}

static void
update_event_page (ChronicleSidebar *self)
{
  g_autofree char *date = chronicle_event_format_date (self->event);
  g_autofree char *title = display_title (chronicle_event_get_title (self->event));
  const char * const *actors = chronicle_event_get_actors (self->event);
  const char * const *source_ids = chronicle_event_get_source_ids (self->event);
  g_autoptr(GString) actors_text = NULL;
  guint n_quotes = chronicle_event_get_n_quotes (self->event);
  guint n_media = chronicle_event_get_n_media (self->event);
  guint n_sources = 0;

  if (chronicle_event_get_approximate (self->event))
    {
      g_autofree char *exact = g_steal_pointer (&date);

      /* Translators: a date that is only approximately known */
      date = g_strdup_printf (_("About %s"), exact);
    }

  gtk_label_set_text (self->date_label, date);
  chronicle_label_set_event_title (self->title_label, title);
  set_label_or_hide (self->summary_label, NULL, chronicle_event_get_summary (self->event),
                     CHRONICLE_TEXT_MAX_TEXT);
  /* In story mode the card above the chart shows them: not twice. */
  gtk_widget_set_visible (GTK_WIDGET (self->date_label), !self->story_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), !self->story_mode);
  if (self->story_mode)
    gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
  update_category (self);

  /* Joined only as far as can be shown: a pipeline may list thousands. */
  for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
    {
      if (actors_text == NULL)
        actors_text = g_string_new (NULL);
      else
        g_string_append (actors_text, ", ");
      g_string_append (actors_text, actors[i]);
      if (actors_text->len > CHRONICLE_TEXT_MAX_TEXT * 4)
        break;
    }
  set_label_or_hide (self->actors_label, self->actors_caption,
                     actors_text != NULL ? actors_text->str : NULL, CHRONICLE_TEXT_MAX_TEXT);
  set_label_or_hide (self->location_label, self->location_caption,
                     chronicle_event_get_location (self->event), CHRONICLE_TEXT_MAX_TITLE);

  gtk_widget_set_visible (self->quotes_heading, n_quotes > 0);
  keep_focus_out_of_rows (self);
  chronicle_quote_list_set_event (self->quotes, self->event);

  remove_all_children (GTK_WIDGET (self->event_media_list));
  for (guint i = 0; i < n_media; i++)
    gtk_list_box_append (self->event_media_list, create_media_row (chronicle_event_get_media (self->event, i)));
  gtk_widget_set_visible (self->event_media_heading, n_media > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->event_media_list), n_media > 0);

  remove_all_children (GTK_WIDGET (self->event_sources_list));
  for (guint i = 0; source_ids != NULL && source_ids[i] != NULL; i++)
    {
      ChronicleSource *source = NULL;

      if (self->timeline != NULL)
        source = chronicle_timeline_lookup_source (self->timeline, source_ids[i]);
      if (source == NULL)
        continue;

      gtk_list_box_append (self->event_sources_list, create_source_row (source));
      n_sources++;
    }

  gtk_widget_set_visible (self->event_sources_heading, n_sources > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->event_sources_list), n_sources > 0);

  if (n_sources + n_media > 0 && g_list_model_get_n_items (G_LIST_MODEL (self->footer)) == 0)
    g_list_store_append (self->footer, self->event_sources_box);
  else if (n_sources + n_media == 0)
    g_list_store_remove_all (self->footer);
}

static void
update_overview_page (ChronicleSidebar *self)
{
  GListModel *sources = NULL;
  guint n_sources = 0;

  if (self->timeline != NULL)
    {
      sources = chronicle_timeline_get_sources (self->timeline);
      n_sources = g_list_model_get_n_items (sources);
    }

  set_label_or_hide (self->timeline_title_label, NULL,
                     self->timeline != NULL ? chronicle_timeline_get_title (self->timeline) : NULL,
                     CHRONICLE_TEXT_MAX_TITLE);
  set_label_or_hide (self->timeline_description_label, NULL,
                     self->timeline != NULL ? chronicle_timeline_get_description (self->timeline) : NULL,
                     CHRONICLE_TEXT_MAX_TEXT);
  gtk_widget_set_visible (self->overview_hint_label,
                          self->timeline != NULL && chronicle_timeline_get_n_events (self->timeline) > 0);

  remove_all_children (GTK_WIDGET (self->sources_list));
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);

      gtk_list_box_append (self->sources_list, create_source_row (source));
    }
  gtk_widget_set_visible (self->sources_heading, n_sources > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), n_sources > 0);
}

static void
scroll_to_top (GtkWidget *scroller)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static gboolean
is_editing (ChronicleSidebar *self)
{
  return self->editor != NULL && chronicle_event_editor_get_event_id (self->editor) != NULL;
}

static void
update (ChronicleSidebar *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sidebar.edit",
                                 self->event != NULL && self->document != NULL);
  /* Only where there is something to edit. */
  gtk_widget_set_visible (self->edit_button, self->document != NULL);
  gtk_widget_set_visible (self->add_event_button, self->document != NULL && self->timeline != NULL);

  /* The editor stays on its event while the selection moves: the edits
   * are kept until Done or Cancel. */
  if (is_editing (self))
    return;

  if (self->event != NULL)
    {
      update_event_page (self);
      gtk_widget_set_visible (self->event_scroller, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "event");
      /* A new event is read from the top. */
      scroll_to_top (self->event_scroller);
    }
  else
    {
      /* The quotes are the event's: not kept alive behind the overview. */
      keep_focus_out_of_rows (self);
      chronicle_quote_list_set_event (self->quotes, NULL);
      update_overview_page (self);
      gtk_stack_set_visible_child_name (self->stack, "overview");
      /* Hidden, not only behind: GTK 4.8 keeps a stack's other pages in
       * the accessible tree, and the empty labels of the event page were
       * there for a screen reader, named "GtkLabel". */
      gtk_widget_set_visible (self->event_scroller, FALSE);
      scroll_to_top (self->scroller);
    }
}

/* Done or Cancel: back to the event selected now. */
static void
on_editor_closed_cb (ChronicleSidebar *self)
{
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self)) != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->editor), FALSE);
  update (self);
  if (had_focus && self->event != NULL)
    gtk_widget_grab_focus (self->edit_button);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  if (!chronicle_sidebar_edit (CHRONICLE_SIDEBAR (widget)))
    gtk_widget_error_bell (widget);
}

static void
chronicle_sidebar_dispose (GObject *object)
{
  ChronicleSidebar *self = CHRONICLE_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_SIDEBAR);
  self->editor = NULL;  /* was the stack's */
  self->header_holder = NULL;
  self->footer_holder = NULL;
  g_clear_object (&self->quotes);
  g_clear_object (&self->footer);
  g_clear_object (&self->timeline);
  g_clear_object (&self->event);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (chronicle_sidebar_parent_class)->dispose (object);
}

static void
chronicle_sidebar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChronicleSidebar *self = CHRONICLE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      g_value_set_object (value, chronicle_sidebar_get_timeline (self));
      break;

    case PROP_EVENT:
      g_value_set_object (value, chronicle_sidebar_get_event (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_sidebar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChronicleSidebar *self = CHRONICLE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_TIMELINE:
      chronicle_sidebar_set_timeline (self, g_value_get_object (value));
      break;

    case PROP_EVENT:
      chronicle_sidebar_set_event (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_sidebar_class_init (ChronicleSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_sidebar_dispose;
  object_class->get_property = chronicle_sidebar_get_property;
  object_class->set_property = chronicle_sidebar_set_property;

  /**
   * ChronicleSidebar:timeline:
   *
   * The timeline whose overview (title, description, sources) shows while
   * no event is selected, and whose sources the quotes cite.
   */
  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONICLE_TYPE_TIMELINE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * ChronicleSidebar:event:
   *
   * The event shown in detail, with its quotes, or NULL for the overview.
   */
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL,
                         CHRONICLE_TYPE_EVENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, scroller);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_scroller);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_header);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_sources_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, edit_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, add_event_button);
  gtk_widget_class_install_action (widget_class, "sidebar.edit", NULL, edit_action_cb);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, timeline_title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, timeline_description_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, overview_hint_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, sources_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, date_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, category_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, category_dot);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, category_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, actors_caption);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, actors_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, location_caption);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, location_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, quotes_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_media_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_media_list);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_sources_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_sources_list);

  g_type_ensure (CHRONICLE_TYPE_EVENT_EDITOR);

  gtk_widget_class_set_css_name (widget_class, "chronicle-sidebar");
  /* A container: without a role GTK 4.8 names it after its type, and a
   * screen reader may say that on the way to the focus. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chronicle_sidebar_init (ChronicleSidebar *self)
{
  g_autoptr(GListStore) header = g_list_store_new (GTK_TYPE_WIDGET);
  g_autoptr(GListStore) sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkSelectionModel *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->quotes = chronicle_quote_list_new ();
  self->footer = g_list_store_new (GTK_TYPE_WIDGET);
  g_list_store_append (header, self->event_header);
  g_list_store_append (sections, header);
  g_list_store_append (sections, self->quotes);
  g_list_store_append (sections, self->footer);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&sections))))));
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_row_bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_row_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->event_list, factory);
  gtk_list_view_set_model (self->event_list, selection);
  g_object_unref (selection);

  gtk_drawing_area_set_draw_func (self->category_dot, draw_category_dot, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_dark_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

GtkWidget *
chronicle_sidebar_new (void)
{
  return g_object_new (CHRONICLE_TYPE_SIDEBAR, NULL);
}

/**
 * chronicle_sidebar_get_timeline:
 * @self: a `ChronicleSidebar`
 *
 * Returns: (transfer none) (nullable): the timeline
 */
ChronicleTimeline *
chronicle_sidebar_get_timeline (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  return self->timeline;
}

void
chronicle_sidebar_set_timeline (ChronicleSidebar  *self,
                                ChronicleTimeline *timeline)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));
  g_return_if_fail (timeline == NULL || CHRONICLE_IS_TIMELINE (timeline));

  if (!g_set_object (&self->timeline, timeline))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

/**
 * chronicle_sidebar_get_event:
 * @self: a `ChronicleSidebar`
 *
 * Returns: (transfer none) (nullable): the event shown
 */
ChronicleEvent *
chronicle_sidebar_get_event (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  return self->event;
}

void
chronicle_sidebar_set_event (ChronicleSidebar *self,
                             ChronicleEvent   *event)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));
  g_return_if_fail (event == NULL || CHRONICLE_IS_EVENT (event));

  if (!g_set_object (&self->event, event))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVENT]);
}

/**
 * chronicle_sidebar_set_story_mode:
 * @self: a `ChronicleSidebar`
 * @story_mode: whether the story card shows the event above the chart
 *
 * In story mode the event page leaves out the date, title and summary
 * that the story card shows, and keeps the rest (category, who, where,
 * quotes, sources).
 */
void
chronicle_sidebar_set_story_mode (ChronicleSidebar *self,
                                  gboolean          story_mode)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));

  story_mode = !!story_mode;
  if (self->story_mode == story_mode)
    return;

  self->story_mode = story_mode;
  if (self->event != NULL)
    update_event_page (self);
}

/**
 * chronicle_sidebar_get_heading_text:
 * @self: a `ChronicleSidebar`
 *
 * Returns: the heading shown: the event's title, or the timeline's
 */
const char *
chronicle_sidebar_get_heading_text (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "event") == 0)
    return gtk_label_get_text (self->title_label);

  return gtk_label_get_text (self->timeline_title_label);
}

/**
 * chronicle_sidebar_get_quotes:
 * @self: a `ChronicleSidebar`
 *
 * Returns: (transfer none): the quotes the event page lists (a
 *   `GListModel` of `ChronicleQuote`); empty on the overview
 */
GListModel *
chronicle_sidebar_get_quotes (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->quotes);
}

/**
 * chronicle_sidebar_dup_quote_texts:
 * @self: a `ChronicleSidebar`
 *
 * Returns: (transfer full): the quote texts listed, as their rows show
 *   them (with quotation marks, cut), in order; empty when none
 */
GStrv
chronicle_sidebar_dup_quote_texts (ChronicleSidebar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n;

  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->quotes));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleQuote) quote = g_list_model_get_item (G_LIST_MODEL (self->quotes), i);
      g_autofree char *text = format_quote_text (quote);

      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/**
 * chronicle_sidebar_dup_media_texts:
 * @self: a `ChronicleSidebar`
 *
 * For tests: each row of the event's media as "title | subtitle", with
 * " | link" after a row that opens its url.
 *
 * Returns: (transfer full): the rows' texts
 */
GStrv
chronicle_sidebar_dup_media_texts (ChronicleSidebar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->event_media_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *subtitle;
      g_autofree char *text = NULL;

      if (!ADW_IS_ACTION_ROW (child))
        continue;
      subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (child));
      text = g_strdup_printf ("%s | %s%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                              subtitle != NULL ? subtitle : "",
                              gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (child)) ? " | link" : "");
      g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/**
 * chronicle_sidebar_get_n_rows:
 * @self: a `ChronicleSidebar`
 *
 * Returns: how many rows the event page's list has made (rows are made
 *   for what is on screen, not for every quote)
 */
guint
chronicle_sidebar_get_n_rows (ChronicleSidebar *self)
{
  guint n = 0;

  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), 0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->event_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;

  return n;
}

/* The first mapped label named "quote-text" under @widget, in child order
 * (the list view keeps its rows in the order of its items). */
static GtkWidget *
find_quote_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_widget_get_name (child), "quote-text") == 0 && gtk_widget_get_mapped (child))
        return child;
      found = find_quote_label (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Rows are made at the next layout: the sidebar may just have been shown
 * or scrolled back to the top. */
static gboolean
focus_first_quote_tick_cb (GtkWidget     *widget,
                           GdkFrameClock *clock,
                           gpointer       user_data)
{
  ChronicleSidebar *self = CHRONICLE_SIDEBAR (widget);
  GtkWidget *label = find_quote_label (GTK_WIDGET (self->event_list));
  guint *frames_left = user_data;

  if (label != NULL)
    gtk_widget_grab_focus (label);
  return label == NULL && --(*frames_left) > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/**
 * chronicle_sidebar_focus_first_quote:
 * @self: a `ChronicleSidebar`
 *
 * Moves the keyboard focus to the text of the event's first quote (at
 * once, or within a few frames when its row is not made yet): the
 * shortcut from the chart to what was said.
 *
 * Returns: FALSE when the event has no quote (the focus does not move)
 */
gboolean
chronicle_sidebar_focus_first_quote (ChronicleSidebar *self)
{
  GtkWidget *label;

  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), FALSE);

  if (self->event == NULL || chronicle_event_get_n_quotes (self->event) == 0)
    return FALSE;

  scroll_to_top (self->event_scroller);
  label = find_quote_label (GTK_WIDGET (self->event_list));
  if (label != NULL)
    gtk_widget_grab_focus (label);
  else
    gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_first_quote_tick_cb,
                                  g_memdup2 (&(guint) { 10 }, sizeof (guint)), g_free);

  return TRUE;
}

/**
 * chronicle_sidebar_set_document:
 * @self: a `ChronicleSidebar`
 * @document: (nullable): the document the sidebar's events belong to
 *
 * Lets the sidebar edit the events it shows: the editor applies its
 * changes to @document. Without one the sidebar only shows.
 */
void
chronicle_sidebar_set_document (ChronicleSidebar  *self,
                                ChronicleDocument *document)
{
  g_return_if_fail (CHRONICLE_IS_SIDEBAR (self));
  g_return_if_fail (document == NULL || CHRONICLE_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  if (is_editing (self))
    chronicle_event_editor_cancel (self->editor);
  update (self);
}

/**
 * chronicle_sidebar_edit:
 * @self: a `ChronicleSidebar`
 *
 * Opens the editor on the event shown, with the focus in its first field.
 *
 * Returns: FALSE when there is no event or no document to edit
 */
gboolean
chronicle_sidebar_edit (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), FALSE);

  if (self->event == NULL || self->document == NULL)
    return FALSE;

  /* Made when first used: a page that is only read pays nothing for it. */
  if (self->editor == NULL)
    {
      self->editor = CHRONICLE_EVENT_EDITOR (chronicle_event_editor_new ());
      g_signal_connect_object (self->editor, "closed", G_CALLBACK (on_editor_closed_cb), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->stack, GTK_WIDGET (self->editor), "edit");
    }
  if (g_strcmp0 (chronicle_event_editor_get_event_id (self->editor), chronicle_event_get_id (self->event)) != 0)
    chronicle_event_editor_edit (self->editor, self->document, self->event);
  keep_focus_out_of_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self->editor), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "edit");
  chronicle_event_editor_focus_title (self->editor);
  return TRUE;
}

/**
 * chronicle_sidebar_get_editor:
 * @self: a `ChronicleSidebar`
 *
 * Returns: (transfer none) (nullable): the event editor (shown while
 *   editing), NULL until first used
 */
ChronicleEventEditor *
chronicle_sidebar_get_editor (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  return self->editor;
}

gboolean
chronicle_sidebar_get_editing (ChronicleSidebar *self)
{
  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), FALSE);

  return is_editing (self);
}
