/* chronicle-sidebar.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-sidebar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-sidebar.h"

#include "chronicle-category-color.h"
#include "chronicle-style.h"

struct _ChronicleSidebar
{
  GtkWidget          parent_instance;

  /* owned */
  ChronicleTimeline *timeline;
  ChronicleEvent    *event;
  GdkRGBA            dot_color;

  /* template widgets */
  GtkWidget         *scroller;
  GtkStack          *stack;
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
  GtkBox            *quotes_box;
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

/* Sets @label to @text and hides it (and @caption, if any) when empty. */
static void
set_label_or_hide (GtkLabel   *label,
                   GtkWidget  *caption,
                   const char *text)
{
  gboolean visible = !is_blank (text);

  gtk_label_set_text (label, visible ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), visible);
  if (caption != NULL)
    gtk_widget_set_visible (caption, visible);
}

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static char *
format_source_detail (ChronicleSource     *source,
                      const ChronicleDate *date)
{
  const char *publisher = source != NULL ? chronicle_source_get_publisher (source) : NULL;
  g_autofree char *date_text = NULL;

  if (date == NULL && source != NULL)
    date = chronicle_source_get_published (source);
  if (date != NULL)
    date_text = chronicle_date_format (date);

  if (!is_blank (publisher) && date_text != NULL)
    /* Translators: a quote's outlet and date, "Reuters · 16 May 2025" */
    return g_strdup_printf (_("%s · %s"), publisher, date_text);
  if (!is_blank (publisher))
    return g_strdup (publisher);

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

static void
on_source_row_activated_cb (AdwActionRow *row,
                            gpointer      user_data)
{
  const char *url = g_object_get_data (G_OBJECT (row), "chronicle-url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));

  g_assert (url != NULL);

  /* Goes through the OpenURI portal inside Flatpak. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

/* Only web pages are linked: a timeline comes from a pipeline, and a
 * file: or custom-scheme URL in it should not launch anything. */
static gboolean
is_web_url (const char *url)
{
  const char *scheme = url != NULL ? g_uri_peek_scheme (url) : NULL;

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

static GtkWidget *
create_source_row (ChronicleSource *source)
{
  const char *publisher = chronicle_source_get_publisher (source);
  const char *title = chronicle_source_get_title (source);
  const char *url = chronicle_source_get_url (source);
  const ChronicleDate *published = chronicle_source_get_published (source);
  g_autofree char *date = published != NULL ? chronicle_date_format (published) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  if (is_blank (publisher))
    publisher = chronicle_source_get_id (source);

  if (!is_blank (title) && date != NULL)
    subtitle = g_strdup_printf (_("%s · %s"), title, date);
  else if (!is_blank (title))
    subtitle = g_strdup (title);
  else
    subtitle = g_steal_pointer (&date);

  /* Row titles are markup in libadwaita 1.2. */
  escaped_title = g_markup_escape_text (publisher, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL)
    {
      escaped_subtitle = g_markup_escape_text (subtitle, -1);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
    }

  if (is_web_url (url))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");

      /* The whole row opens the page, as in AdwAboutWindow. */
      gtk_widget_set_tooltip_text (row, url);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "chronicle-url", g_strdup (url), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (on_source_row_activated_cb), NULL);
    }

  return row;
}

static GtkWidget *
create_quote_card (ChronicleSidebar *self,
                   ChronicleQuote   *quote)
{
  const char *speaker = chronicle_quote_get_speaker (quote);
  const char *role = chronicle_quote_get_role (quote);
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

  /* Translators: typographic quotation marks around a quote; use the ones
   * of your language, for instance „%s“ or « %s ». */
  text = g_strdup_printf (_("“%s”"), chronicle_quote_get_text (quote));
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

  if (source != NULL && is_web_url (chronicle_source_get_url (source)))
    {
      GtkWidget *link = gtk_link_button_new_with_label (chronicle_source_get_url (source),
                                                        _("Read Source"));

      gtk_widget_set_halign (link, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (link, chronicle_source_get_url (source));
      gtk_widget_add_css_class (link, "quote-link");
      gtk_box_append (GTK_BOX (card), link);
    }

  return card;
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
  ChronicleColor color;

  if (category_id != NULL && self->timeline != NULL)
    category = chronicle_timeline_lookup_category (self->timeline, category_id);

  gtk_widget_set_visible (self->category_box, category != NULL);
  if (category == NULL)
    return;

  gtk_label_set_text (self->category_label, chronicle_category_get_label (category));

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

static void
update_event_page (ChronicleSidebar *self)
{
  g_autofree char *date = chronicle_event_format_date (self->event);
  const char * const *actors = chronicle_event_get_actors (self->event);
  const char * const *source_ids = chronicle_event_get_source_ids (self->event);
  g_autofree char *actors_text = NULL;
  guint n_quotes = chronicle_event_get_n_quotes (self->event);
  guint n_sources = 0;

  if (chronicle_event_get_approximate (self->event))
    {
      g_autofree char *exact = g_steal_pointer (&date);

      /* Translators: a date that is only approximately known */
      date = g_strdup_printf (_("About %s"), exact);
    }

  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->title_label, chronicle_event_get_title (self->event));
  set_label_or_hide (self->summary_label, NULL, chronicle_event_get_summary (self->event));
  update_category (self);

  if (actors != NULL && actors[0] != NULL)
    actors_text = g_strjoinv (", ", (char **) actors);
  set_label_or_hide (self->actors_label, self->actors_caption, actors_text);
  set_label_or_hide (self->location_label, self->location_caption,
                     chronicle_event_get_location (self->event));

  remove_all_children (GTK_WIDGET (self->quotes_box));
  for (guint i = 0; i < n_quotes; i++)
    gtk_box_append (self->quotes_box,
                    create_quote_card (self, chronicle_event_get_quote (self->event, i)));
  gtk_widget_set_visible (self->quotes_heading, n_quotes > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->quotes_box), n_quotes > 0);

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
                     self->timeline != NULL ? chronicle_timeline_get_title (self->timeline) : NULL);
  set_label_or_hide (self->timeline_description_label, NULL,
                     self->timeline != NULL ? chronicle_timeline_get_description (self->timeline) : NULL);
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
update (ChronicleSidebar *self)
{
  GtkAdjustment *vadjustment;

  if (self->event != NULL)
    {
      update_event_page (self);
      gtk_stack_set_visible_child_name (self->stack, "event");
    }
  else
    {
      update_overview_page (self);
      gtk_stack_set_visible_child_name (self->stack, "overview");
    }

  /* A new event is read from the top. */
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
chronicle_sidebar_dispose (GObject *object)
{
  ChronicleSidebar *self = CHRONICLE_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_SIDEBAR);
  g_clear_object (&self->timeline);
  g_clear_object (&self->event);

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
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, stack);
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
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, quotes_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_sources_heading);
  gtk_widget_class_bind_template_child (widget_class, ChronicleSidebar, event_sources_list);

  gtk_widget_class_set_css_name (widget_class, "chronicle-sidebar");
}

static void
chronicle_sidebar_init (ChronicleSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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
 * chronicle_sidebar_dup_quote_texts:
 * @self: a `ChronicleSidebar`
 *
 * Returns: (transfer full): the quote texts shown, as displayed (with
 *   quotation marks), in order; empty when none
 */
GStrv
chronicle_sidebar_dup_quote_texts (ChronicleSidebar *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CHRONICLE_IS_SIDEBAR (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "event") == 0 &&
      gtk_widget_get_visible (GTK_WIDGET (self->quotes_box)))
    {
      for (GtkWidget *card = gtk_widget_get_first_child (GTK_WIDGET (self->quotes_box));
           card != NULL;
           card = gtk_widget_get_next_sibling (card))
        {
          GtkWidget *label = gtk_widget_get_first_child (card);

          g_assert (GTK_IS_LABEL (label));
          g_strv_builder_add (builder, gtk_label_get_text (GTK_LABEL (label)));
        }
    }

  return g_strv_builder_end (builder);
}
