/* chronicle-timeline-page.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-page"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-label-text-private.h"
#include "chronicle-timeline-page.h"
#include "chronicle-timeline-page-private.h"

#include "chronicle-document.h"
#include "chronicle-overview.h"
#include "chronicle-search-bar.h"
#include "chronicle-story-card.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-util-private.h"
#include "chronicle-warnings-dialog.h"

/* The banner names the number of load warnings and shows this many; the
 * rest are a click away, in a list that makes rows for what is shown. */
#define BANNER_WARNINGS 3
/* A warning longer than this may be cut short in the banner, which then
 * offers "Show All". */
#define BANNER_LINE_CHARS 120

struct _ChronicleTimelinePage
{
  GtkWidget              parent_instance;

  /* template widgets */
  GtkStack              *stack;
  AdwStatusPage         *loading_page;
  GtkProgressBar        *loading_progress;
  GtkProgressBar        *partial_progress;
  GtkRevealer           *banner_revealer;
  GtkImage              *banner_icon;
  GtkLabel              *banner_title_label;
  GtkLabel              *banner_details_label;
  GtkWidget             *banner_show_all_button;
  GtkPaned              *paned;
  GtkBox                *top_bar_box;
  GtkBox                *bottom_bar_box;
  ChronicleTimelineView *timeline_view;
  ChronicleSidebar      *sidebar;

  /* owned: the file, its loading and reloading, the timelines, the
   * filter and the selection; the page shows it */
  ChronicleDocument     *document;
  ChronicleSearchBar    *search_bar;     /* borrowed: a child of top_bar_box */
  ChronicleStoryCard    *story_card;     /* borrowed: a child of top_bar_box */

  int                    sidebar_width;
  gboolean               sidebar_width_applied;
};

G_DEFINE_FINAL_TYPE (ChronicleTimelinePage, chronicle_timeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_TIMELINE,
  PROP_TITLE,
  PROP_LOADING,
  PROP_LAST_ERROR,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOADED,
  LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A file's name as text for a label: a name may hold newlines, controls or
 * bidi overrides too. */
static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);

  return chronicle_text_for_display (name, CHRONICLE_TEXT_MAX_TITLE, FALSE);
}

/* The same, isolated for a composed sentence (bidi isolates: a right-to-left
 * name does not reorder the sentence). */
static char *
dup_isolated_name (GFile *file)
{
  g_autofree char *name = dup_display_name (file);

  return chronicle_text_isolate (name);
}

/* The banner says why the file on disk is not what is shown, if it is not;
 * otherwise it lists the load warnings, if any. */
static void
update_banner (ChronicleTimelinePage *self)
{
  GPtrArray *warnings = chronicle_document_get_warnings_array (self->document);
  const char *last_error = chronicle_document_get_last_error (self->document);
  guint n = warnings != NULL ? warnings->len : 0;
  ChronicleTimeline *timeline = chronicle_document_get_timeline (self->document);
  const char *import_summary = timeline != NULL ? chronicle_timeline_get_import_summary (timeline) : NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  gboolean show_all = FALSE;
  gboolean information = FALSE;

  if (last_error != NULL && chronicle_document_get_timeline (self->document) != NULL)
    {
      g_autofree char *display_name = dup_isolated_name (chronicle_document_get_file (self->document));
      g_autofree char *sentence = chronicle_text_dup_sentence (last_error);
      g_autofree char *message = g_strdup_printf ("%s %s",
                                                  chronicle_document_get_last_error_summary (self->document),
                                                  sentence);

      /* Translators: %s is a file name; what is wrong with it follows below. */
      title = g_strdup_printf (_("Could not reload “%s”; the previous version is still shown"), display_name);
      details = chronicle_text_for_display (message, CHRONICLE_TEXT_MAX_TEXT, TRUE);
    }
  else if (n > 0)
    {
      GString *first = g_string_new (import_summary);

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Loaded with %'u warning",
                                            "Loaded with %'u warnings", n),
                               n);
      /* The first few, one line each; "Show All" lists every one. */
      for (guint i = 0; i < MIN (n, BANNER_WARNINGS); i++)
        {
          g_autofree char *line = chronicle_text_for_display (g_ptr_array_index (warnings, i),
                                                              CHRONICLE_TEXT_MAX_TITLE, FALSE);

          if (first->len > 0)
            g_string_append_c (first, '\n');
          g_string_append (first, line);
          /* A long one is ellipsised: the dialog has it whole. */
          show_all = show_all || g_utf8_strlen (g_ptr_array_index (warnings, i), -1) > BANNER_LINE_CHARS;
        }
      details = g_string_free (first, FALSE);
      show_all = show_all || n > BANNER_WARNINGS;
    }
  else if (import_summary != NULL)
    {
      /* A clean import: what was converted, as information. */
      title = g_strdup (import_summary);
      details = g_strdup ("");
      information = TRUE;
    }
  else
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }

  gtk_label_set_text (self->banner_title_label, title);
  gtk_label_set_text (self->banner_details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_details_label), *details != '\0');
  gtk_widget_set_visible (self->banner_show_all_button, show_all);
  gtk_image_set_from_icon_name (self->banner_icon,
                                information ? "dialog-information-symbolic" : "dialog-warning-symbolic");
  if (information)
    gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (self->banner_icon)), "information");
  else
    gtk_widget_remove_css_class (gtk_widget_get_parent (GTK_WIDGET (self->banner_icon)), "information");
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* Debugging aid: CHRONICLE_SELECT_EVENT=<event id> selects that event once
 * a timeline is loaded, so screenshots and manual checks can start from a
 * given event without a pointer. */
static void
select_event_from_environment (ChronicleTimelinePage *self)
{
  const char *id = g_getenv ("CHRONICLE_SELECT_EVENT");

  if (id == NULL || id[0] == '\0')
    return;

  if (chronicle_document_select_id (self->document, id))
    chronicle_timeline_view_reveal_selected (self->timeline_view, FALSE);
}

/* The document's filtered timeline changed (a load, a reload, a filter):
 * the chart shows it over the same stretch of time, unless the whole
 * timeline was in view, which then grows with it. The document keeps the
 * selection; the view follows it through the binding. */
static void
on_document_filtered_timeline_cb (ChronicleTimelinePage *self)
{
  ChronicleTimelineView *view = self->timeline_view;
  ChronicleTimeline *timeline = chronicle_document_get_filtered_timeline (self->document);
  ChronicleTimeline *old = chronicle_timeline_view_get_timeline (view);
  gboolean keep_range = FALSE;
  double start = 0.0, end = 0.0;

  if (old != NULL && chronicle_timeline_get_n_events (old) > 0 &&
      gtk_widget_get_width (GTK_WIDGET (view)) > 0)
    {
      const ChronicleViewport *viewport = chronicle_timeline_view_get_viewport (view);
      g_autoptr(ChronicleViewport) fitted = chronicle_viewport_copy (viewport);
      double fit_start, fit_end;

      chronicle_viewport_get_visible_range (viewport, &start, &end);
      chronicle_viewport_fit (fitted);
      chronicle_viewport_get_visible_range (fitted, &fit_start, &fit_end);
      /* Times are Unix seconds: compare relative to the span shown. */
      keep_range = start < end &&
                   fabs (start - fit_start) + fabs (end - fit_end) > 1e-6 * (end - start);
    }

  chronicle_timeline_view_set_timeline (view, timeline);

  if (keep_range)
    chronicle_timeline_view_show_range (view, start, end);
}

/* The events of a large file drawn while the rest loads: the bar over
 * the chart says the load goes on. */
static void
update_partial_progress (ChronicleTimelinePage *self)
{
  gboolean partial = chronicle_document_get_partial (self->document) &&
                     chronicle_document_get_loading (self->document);

  gtk_widget_set_visible (GTK_WIDGET (self->partial_progress), partial);
  if (partial)
    gtk_progress_bar_set_fraction (self->partial_progress, chronicle_document_get_progress (self->document));
}

/* A good load (or reload), or a large file's first events: the chart
 * replaces the loading page. */
static void
on_document_timeline_cb (ChronicleTimelinePage *self)
{
  /* The preview of a large file comes in at once: the crossfade draws
   * both pages, the chart in a group, for each of its frames, in the time
   * the loader needs the CPU for the rest (issue #12). */
  if (chronicle_document_get_timeline (self->document) != NULL)
    gtk_stack_set_visible_child_full (self->stack, "timeline",
                                      chronicle_document_get_partial (self->document)
                                      ? GTK_STACK_TRANSITION_TYPE_NONE
                                      : gtk_stack_get_transition_type (self->stack));
  update_partial_progress (self);
  update_banner (self);
}

/* A first load shows its progress on the loading page; a reload keeps
 * the timeline on screen and shows none. */
static void
on_document_loading_cb (ChronicleTimelinePage *self)
{
  GFile *file = chronicle_document_get_file (self->document);

  if (chronicle_document_get_loading (self->document) &&
      chronicle_document_get_timeline (self->document) == NULL)
    {
      g_autofree char *display_name = dup_isolated_name (file);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Loading “%s”…"), display_name);

      adw_status_page_set_title (self->loading_page, title);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      /* No spinner: its animation redraws the page at the frame rate,
       * which in software rendering took seconds of CPU from the loader
       * while a million events loaded. The bar moves with the load. */
      gtk_progress_bar_set_fraction (self->loading_progress, 0.0);
    }
  update_partial_progress (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_document_progress_cb (ChronicleTimelinePage *self)
{
  if (chronicle_document_get_timeline (self->document) == NULL)
    gtk_progress_bar_set_fraction (self->loading_progress,
                                   chronicle_document_get_progress (self->document));
  else
    update_partial_progress (self);
}

static void
on_document_last_error_cb (ChronicleTimelinePage *self)
{
  update_banner (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
on_document_hidden_categories_cb (ChronicleTimelinePage *self)
{
  g_auto(GStrv) hidden = chronicle_document_dup_hidden_categories (self->document);

  chronicle_timeline_view_set_hidden_categories (self->timeline_view, (const char * const *) hidden);
}

static void
on_document_title_cb (ChronicleTimelinePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
on_document_file_cb (ChronicleTimelinePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
on_document_loaded_cb (ChronicleTimelinePage *self)
{
  select_event_from_environment (self);
  g_signal_emit (self, signals[LOADED], 0);
}

/* The page has nothing to show and its owner decides; a failed reload
 * shows the banner instead. */
static void
on_document_load_failed_cb (ChronicleTimelinePage *self,
                            const GError          *error)
{
  g_signal_emit (self, signals[LOAD_FAILED], 0, error);
}

/* The story card shows the event's date, title and summary: the sidebar
 * leaves them out meanwhile. */
static void
on_story_mode_cb (ChronicleTimelinePage *self)
{
  chronicle_sidebar_set_story_mode (self->sidebar, chronicle_timeline_view_get_story_mode (self->timeline_view));
}

static void
on_view_selected_event_cb (ChronicleTimelinePage *self)
{
  chronicle_document_set_selected_event (self->document,
                                         chronicle_timeline_view_get_selected_event (self->timeline_view));
}

static void
follow_document (ChronicleTimelinePage *self)
{
  static const struct {
    const char *signal;
    GCallback   callback;
  } handlers[] = {
    { "notify::file", G_CALLBACK (on_document_file_cb) },
    { "notify::timeline", G_CALLBACK (on_document_timeline_cb) },
    { "notify::filtered-timeline", G_CALLBACK (on_document_filtered_timeline_cb) },
    { "notify::hidden-categories", G_CALLBACK (on_document_hidden_categories_cb) },
    { "notify::title", G_CALLBACK (on_document_title_cb) },
    { "notify::loading", G_CALLBACK (on_document_loading_cb) },
    { "notify::progress", G_CALLBACK (on_document_progress_cb) },
    { "notify::last-error", G_CALLBACK (on_document_last_error_cb) },
    { "notify::warnings", G_CALLBACK (update_banner) },
    { "loaded", G_CALLBACK (on_document_loaded_cb) },
    { "load-failed", G_CALLBACK (on_document_load_failed_cb) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_connect_object (self->document, handlers[i].signal, handlers[i].callback, self,
                             G_CONNECT_SWAPPED);

  /* The view shows the document's selection, and selects into it. Not a
   * bidirectional GBinding: that holds back the document's answer while it
   * passes the view's choice on, and the document may answer "nothing"
   * (an event the filter hides). */
  g_object_bind_property (self->document, "selected-event",
                          self->timeline_view, "selected-event",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->timeline_view, "notify::selected-event",
                           G_CALLBACK (on_view_selected_event_cb), self, G_CONNECT_SWAPPED);
}

static void
on_banner_close_clicked_cb (ChronicleTimelinePage *self)
{
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
}

static void
on_banner_show_all_clicked_cb (ChronicleTimelinePage *self)
{
  chronicle_timeline_page_show_all_warnings (self);
}

static void
on_paned_max_position_cb (ChronicleTimelinePage *self)
{
  int max_position = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  /* The width asked for is the sidebar's; the paned wants the divider's
   * position from the start, known only once the paned has a size. */
  g_object_get (self->paned, "max-position", &max_position, NULL);
  if (self->sidebar_width_applied || width <= 0 || max_position <= 0)
    return;

  self->sidebar_width_applied = TRUE;
  gtk_paned_set_position (self->paned, MAX (0, width - self->sidebar_width));
}

static void
on_timeline_view_timeline_cb (ChronicleTimelinePage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

static gboolean
focus_is_in (GtkWidget *focus,
             GtkWidget *widget)
{
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* F6: from the chart to the selected event's first quote (the story
 * card's in story mode, else the sidebar's), and from the quotes back to
 * the chart. Elsewhere F6 keeps GtkPaned's meaning (the other pane). */
static gboolean
on_quote_shortcut_cb (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus_is_in (focus, GTK_WIDGET (self->timeline_view)))
    {
      if (chronicle_timeline_view_get_selected_event (self->timeline_view) == NULL)
        return FALSE;
      if (chronicle_timeline_view_get_story_mode (self->timeline_view) &&
          chronicle_story_card_focus_first_quote (self->story_card))
        return TRUE;
      chronicle_timeline_page_set_show_sidebar (self, TRUE);
      if (!chronicle_sidebar_focus_first_quote (self->sidebar))
        gtk_widget_error_bell (widget);
      return TRUE;
    }

  if (focus_is_in (focus, GTK_WIDGET (self->sidebar)) || focus_is_in (focus, GTK_WIDGET (self->story_card)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->timeline_view));

  return FALSE;
}

static void
add_quote_shortcut (ChronicleTimelinePage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Capture: the paned between chart and sidebar binds F6 itself. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                                                          gtk_callback_action_new (on_quote_shortcut_cb,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
chronicle_timeline_page_dispose (GObject *object)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (object);

  /* The document goes with the page (a load still running is cancelled
   * by its dispose); nothing of it reaches the widgets from here on. */
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_TIMELINE_PAGE);
  self->search_bar = NULL;

  g_clear_object (&self->document);

  G_OBJECT_CLASS (chronicle_timeline_page_parent_class)->dispose (object);
}

/* The document is known from here on: given at construction (a new or
 * recovered one), else an empty one that load_file() fills. */
static void
chronicle_timeline_page_constructed (GObject *object)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (object);

  G_OBJECT_CLASS (chronicle_timeline_page_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = chronicle_document_new ();

  /* Search and filters, then story mode's card above the chart, the
   * overview strip below it. */
  self->search_bar = CHRONICLE_SEARCH_BAR (chronicle_search_bar_new ());
  chronicle_search_bar_set_document (self->search_bar, self->document);
  chronicle_search_bar_set_timeline_view (self->search_bar, self->timeline_view);
  chronicle_timeline_page_add_top_bar (self, GTK_WIDGET (self->search_bar));
  self->story_card = CHRONICLE_STORY_CARD (chronicle_story_card_new (self->timeline_view));
  chronicle_timeline_page_add_top_bar (self, GTK_WIDGET (self->story_card));
  g_signal_connect_object (self->timeline_view, "notify::story-mode", G_CALLBACK (on_story_mode_cb), self,
                           G_CONNECT_SWAPPED);
  chronicle_timeline_page_add_bottom_bar (self, chronicle_overview_new (self->timeline_view));

  follow_document (self);
  _chronicle_timeline_page_edit_init (self);

  /* A document that has its timeline already (a new one, or a file of
   * the command line that loaded while GTK started) shows it now; one
   * still loading shows its progress. */
  if (chronicle_document_get_timeline (self->document) != NULL)
    {
      on_document_filtered_timeline_cb (self);
      on_document_timeline_cb (self);
    }
  if (chronicle_document_get_loading (self->document))
    {
      on_document_loading_cb (self);
      on_document_progress_cb (self);
    }
}

static void
chronicle_timeline_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, chronicle_timeline_page_get_document (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, chronicle_timeline_page_get_file (self));
      break;

    case PROP_TIMELINE:
      g_value_set_object (value, chronicle_timeline_page_get_timeline (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, chronicle_timeline_page_get_title (self));
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, chronicle_timeline_page_get_loading (self));
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, chronicle_timeline_page_get_last_error (self));
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, chronicle_timeline_page_get_show_sidebar (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_assert (self->document == NULL);
      self->document = g_value_dup_object (value);
      break;

    case PROP_SHOW_SIDEBAR:
      chronicle_timeline_page_set_show_sidebar (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_page_class_init (ChronicleTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = chronicle_timeline_page_constructed;
  object_class->dispose = chronicle_timeline_page_dispose;
  object_class->get_property = chronicle_timeline_page_get_property;
  object_class->set_property = chronicle_timeline_page_set_property;

  /**
   * ChronicleTimelinePage:document:
   *
   * The document the page shows: set at construction (a new or recovered
   * one), else the page makes an empty one for load_file().
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CHRONICLE_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONICLE_TYPE_TIMELINE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChronicleTimelinePage::loaded:
   *
   * The page's file loaded for the first time: the page shows its
   * timeline. Reloads do not emit it (watch #ChronicleTimelinePage:timeline).
   */
  signals[LOADED] =
    g_signal_new ("loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * ChronicleTimelinePage::load-failed:
   * @error: the loader's error
   *
   * The page's file could not be loaded and the page has no timeline to
   * show. A failed reload keeps the timeline and shows the banner instead.
   */
  signals[LOAD_FAILED] =
    g_signal_new ("load-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, stack);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, loading_page);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, partial_progress);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, banner_title_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, banner_details_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, banner_show_all_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, paned);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, top_bar_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, bottom_bar_box);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, timeline_view);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, sidebar);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_show_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paned_max_position_cb);
  _chronicle_timeline_page_class_edit_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chronicle-timeline-page");
  /* A container: without a role GTK 4.8 names it after its type, and a
   * screen reader may say that on the way to the focus. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (CHRONICLE_TYPE_SIDEBAR);
  g_type_ensure (CHRONICLE_TYPE_TIMELINE_VIEW);
}

static void
chronicle_timeline_page_init (ChronicleTimelinePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_name_text_buttons (GTK_WIDGET (self));
  chronicle_accessible_unname_stack_pages (GTK_WIDGET (self));
  chronicle_revealer_hide_when_closed (self->banner_revealer);

  self->sidebar_width = 360;

  g_signal_connect_object (self->timeline_view, "notify::timeline",
                           G_CALLBACK (on_timeline_view_timeline_cb), self, G_CONNECT_SWAPPED);

  add_quote_shortcut (self);
}

/**
 * chronicle_timeline_page_new:
 *
 * Returns: (transfer floating): a new page with no file
 */
GtkWidget *
chronicle_timeline_page_new (void)
{
  return g_object_new (CHRONICLE_TYPE_TIMELINE_PAGE, NULL);
}

/**
 * chronicle_timeline_page_new_for_document:
 * @document: a document, such as a new or a recovered one
 *
 * Returns: (transfer floating): a new page that shows @document
 */
GtkWidget *
chronicle_timeline_page_new_for_document (ChronicleDocument *document)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (document), NULL);

  return g_object_new (CHRONICLE_TYPE_TIMELINE_PAGE, "document", document, NULL);
}

/**
 * chronicle_timeline_page_load_file:
 * @self: a `ChronicleTimelinePage`
 * @file: a timeline file
 *
 * Makes @file the page's file: loads it off the main thread (a load still
 * running is cancelled) and watches it for changes, reloading it when it
 * changes. The first load emits #ChronicleTimelinePage::loaded or
 * #ChronicleTimelinePage::load-failed; when a later load fails, the
 * timeline shown stays and the banner gives the loader's message.
 */
void
chronicle_timeline_page_load_file (ChronicleTimelinePage *self,
                                   GFile                 *file)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  chronicle_document_load_file (self->document, file);
}

/**
 * chronicle_timeline_page_reload:
 * @self: a `ChronicleTimelinePage`
 *
 * Loads the page's file again, keeping the view and the selection.
 */
void
chronicle_timeline_page_reload (ChronicleTimelinePage *self)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self));

  chronicle_document_reload (self->document);
}

/**
 * chronicle_timeline_page_get_document:
 * @self: a `ChronicleTimelinePage`
 *
 * Returns: (transfer none): the document the page shows
 */
ChronicleDocument *
chronicle_timeline_page_get_document (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->document;
}

/**
 * chronicle_timeline_page_get_file:
 * @self: a `ChronicleTimelinePage`
 *
 * Returns: (transfer none) (nullable): the page's file
 */
GFile *
chronicle_timeline_page_get_file (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->document != NULL ? chronicle_document_get_file (self->document) : NULL;
}

/**
 * chronicle_timeline_page_get_timeline:
 * @self: a `ChronicleTimelinePage`
 *
 * Returns: (transfer none) (nullable): the timeline shown
 */
ChronicleTimeline *
chronicle_timeline_page_get_timeline (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  if (self->timeline_view == NULL)
    return NULL;

  return chronicle_timeline_view_get_timeline (self->timeline_view);
}

/**
 * chronicle_timeline_page_get_timeline_view:
 * @self: a `ChronicleTimelinePage`
 *
 * Returns: (transfer none): the chart
 */
ChronicleTimelineView *
chronicle_timeline_page_get_timeline_view (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->timeline_view;
}

/**
 * chronicle_timeline_page_get_sidebar:
 * @self: a `ChronicleTimelinePage`
 *
 * Returns: (transfer none): the sidebar with the selected event
 */
ChronicleSidebar *
chronicle_timeline_page_get_sidebar (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->sidebar;
}

/**
 * chronicle_timeline_page_get_search_bar:
 * @self: a `ChronicleTimelinePage`
 *
 * Returns: (transfer none): the search and filter bar above the chart
 */
ChronicleSearchBar *
chronicle_timeline_page_get_search_bar (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->search_bar;
}

/**
 * chronicle_timeline_page_get_title:
 * @self: a `ChronicleTimelinePage`
 *
 * Returns: (nullable): the timeline's title, or the file's name when the
 *   timeline has none or is not loaded yet
 */
const char *
chronicle_timeline_page_get_title (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->document != NULL ? chronicle_document_get_title (self->document) : NULL;
}

gboolean
chronicle_timeline_page_get_loading (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), FALSE);

  return self->document != NULL && chronicle_document_get_loading (self->document);
}

const char *
chronicle_timeline_page_get_last_error (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->document != NULL ? chronicle_document_get_last_error (self->document) : NULL;
}

const char * const *
chronicle_timeline_page_get_warnings (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->document != NULL ? chronicle_document_get_warnings (self->document) : NULL;
}

gboolean
chronicle_timeline_page_get_show_sidebar (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), FALSE);

  /* Read by bindings after the template is disposed too. */
  return self->sidebar == NULL || gtk_widget_get_visible (GTK_WIDGET (self->sidebar));
}

void
chronicle_timeline_page_set_show_sidebar (ChronicleTimelinePage *self,
                                          gboolean               show_sidebar)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self));

  show_sidebar = !!show_sidebar;
  if (self->sidebar == NULL || chronicle_timeline_page_get_show_sidebar (self) == show_sidebar)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), show_sidebar);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

int
chronicle_timeline_page_get_sidebar_width (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), 0);

  if (self->sidebar == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->sidebar)))
    return 0;

  return gtk_widget_get_width (GTK_WIDGET (self->sidebar));
}

void
chronicle_timeline_page_set_sidebar_width (ChronicleTimelinePage *self,
                                           int                    width)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self));
  g_return_if_fail (width > 0);

  self->sidebar_width = width;
}

/**
 * chronicle_timeline_page_add_top_bar:
 * @self: a `ChronicleTimelinePage`
 * @widget: a bar, such as a search bar
 *
 * Adds @widget above the chart, below the bars added before.
 */
void
chronicle_timeline_page_add_top_bar (ChronicleTimelinePage *self,
                                     GtkWidget             *widget)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->top_bar_box, widget);
}

/**
 * chronicle_timeline_page_add_bottom_bar:
 * @self: a `ChronicleTimelinePage`
 * @widget: a bar, such as an overview strip
 *
 * Adds @widget below the chart, below the bars added before.
 */
void
chronicle_timeline_page_add_bottom_bar (ChronicleTimelinePage *self,
                                        GtkWidget             *widget)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->bottom_bar_box, widget);
}

gboolean
chronicle_timeline_page_get_banner (ChronicleTimelinePage  *self,
                                    const char            **title,
                                    const char            **details)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), FALSE);

  if (title != NULL)
    *title = gtk_label_get_text (self->banner_title_label);
  if (details != NULL)
    *details = gtk_label_get_text (self->banner_details_label);

  return gtk_revealer_get_reveal_child (self->banner_revealer);
}

/* For tests: whether the banner shows information (not a warning), and
 * whether it offers "Show All". */
void
chronicle_timeline_page_get_banner_state (ChronicleTimelinePage *self,
                                          gboolean              *information,
                                          gboolean              *show_all)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self));

  if (information != NULL)
    *information = gtk_widget_has_css_class (gtk_widget_get_parent (GTK_WIDGET (self->banner_icon)),
                                             "information");
  if (show_all != NULL)
    *show_all = gtk_widget_get_visible (self->banner_show_all_button);
}

/**
 * chronicle_timeline_page_show_all_warnings:
 * @self: a `ChronicleTimelinePage`
 *
 * Opens a dialog that lists every load warning of the timeline shown.
 *
 * Returns: (transfer none) (nullable): the dialog, or %NULL when there are
 *   no warnings
 */
GtkWidget *
chronicle_timeline_page_show_all_warnings (ChronicleTimelinePage *self)
{
  GtkRoot *root;
  g_autofree char *display_name = NULL;
  GtkWidget *dialog;
  GPtrArray *warnings;
  GFile *file;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  warnings = chronicle_document_get_warnings_array (self->document);
  if (warnings == NULL || warnings->len == 0)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  file = chronicle_document_get_file (self->document);
  display_name = file != NULL ? dup_display_name (file) : NULL;
  dialog = chronicle_warnings_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          display_name,
                                          warnings);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
