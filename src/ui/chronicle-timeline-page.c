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

#include "chronicle-overview.h"
#include "chronicle-search-bar.h"
#include "chronicle-story-card.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"
#include "chronicle-util-private.h"
#include "chronicle-warnings-dialog.h"

/* Pipelines and editors write a file in several steps (truncate, write,
 * close; or write a temporary file and rename it over): the page reloads
 * once the events have paused for this long, in milliseconds. */
#define RELOAD_DELAY_MS 200

/* The banner names the number of load warnings and shows this many; the
 * rest are a click away, in a list that makes rows for what is shown. */
#define BANNER_WARNINGS 3

struct _ChronicleTimelinePage
{
  GtkWidget              parent_instance;

  /* template widgets */
  GtkStack              *stack;
  AdwStatusPage         *loading_page;
  GtkProgressBar        *loading_progress;
  GtkRevealer           *banner_revealer;
  GtkLabel              *banner_title_label;
  GtkLabel              *banner_details_label;
  GtkWidget             *banner_show_all_button;
  GtkPaned              *paned;
  GtkBox                *top_bar_box;
  GtkBox                *bottom_bar_box;
  ChronicleTimelineView *timeline_view;
  ChronicleSidebar      *sidebar;

  /* owned */
  GFile                 *file;
  GFileMonitor          *monitor;
  GCancellable          *load_cancellable;
  char                  *title;
  char                  *last_error;
  const char            *last_error_summary;  /* static, see chronicle_load_error_get_summary() */
  GPtrArray             *warnings;       /* of char *, NULL-terminated (len does not count the NULL);
                                          * shared with the warnings dialog */
  ChronicleSearchBar    *search_bar;     /* borrowed: a child of top_bar_box */
  ChronicleStoryCard    *story_card;     /* borrowed: a child of top_bar_box */

  guint                  load_generation;
  guint                  reload_source;
  int                    sidebar_width;
  gboolean               sidebar_width_applied;
  gboolean               loading;
};

G_DEFINE_FINAL_TYPE (ChronicleTimelinePage, chronicle_timeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
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

typedef struct
{
  ChronicleTimelinePage *page;
  guint                  generation;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->page);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

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

static void
set_loading (ChronicleTimelinePage *self,
             gboolean               loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_last_error (ChronicleTimelinePage *self,
                const char            *message)
{
  if (chronicle_set_str (&self->last_error, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
update_title (ChronicleTimelinePage *self)
{
  ChronicleTimeline *timeline = chronicle_timeline_view_get_timeline (self->timeline_view);
  const char *title = timeline != NULL ? chronicle_timeline_get_title (timeline) : NULL;
  g_autofree char *display_name = self->file != NULL ? dup_display_name (self->file) : NULL;

  g_autofree char *shown = NULL;

  if (title == NULL || title[0] == '\0')
    title = display_name;

  /* What every title (window, X window name, tab, header) shows: a
   * 16 MB title made an X window name the X server refused. */
  shown = title != NULL ? chronicle_text_for_display (title, CHRONICLE_TEXT_MAX_TITLE, FALSE) : NULL;
  if (chronicle_set_str (&self->title, shown))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* The banner says why the file on disk is not what is shown, if it is not;
 * otherwise it lists the load warnings, if any. */
static void
update_banner (ChronicleTimelinePage *self)
{
  guint n = self->warnings != NULL ? self->warnings->len : 0;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  gboolean show_all = FALSE;

  if (self->last_error != NULL && chronicle_timeline_view_get_timeline (self->timeline_view) != NULL)
    {
      g_autofree char *display_name = dup_isolated_name (self->file);
      g_autofree char *message = g_strdup_printf ("%s %s", self->last_error_summary, self->last_error);

      /* Translators: %s is a file name; what is wrong with it follows below. */
      title = g_strdup_printf (_("Could not reload “%s”; the previous version is still shown"), display_name);
      details = chronicle_text_for_display (message, CHRONICLE_TEXT_MAX_TEXT, TRUE);
    }
  else if (n > 0)
    {
      GString *first = g_string_new (NULL);

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Loaded with %'u warning",
                                            "Loaded with %'u warnings", n),
                               n);
      /* The first few, one line each; "Show All" lists every one. */
      for (guint i = 0; i < MIN (n, BANNER_WARNINGS); i++)
        {
          g_autofree char *line = chronicle_text_for_display (g_ptr_array_index (self->warnings, i),
                                                              CHRONICLE_TEXT_MAX_TITLE, FALSE);

          if (i > 0)
            g_string_append_c (first, '\n');
          g_string_append (first, line);
        }
      details = g_string_free (first, FALSE);
      show_all = n > BANNER_WARNINGS;
    }
  else
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }

  gtk_label_set_text (self->banner_title_label, title);
  gtk_label_set_text (self->banner_details_label, details);
  gtk_widget_set_visible (self->banner_show_all_button, show_all);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/* Debugging aid: CHRONICLE_SELECT_EVENT=<event id> selects that event once
 * a timeline is loaded, so screenshots and manual checks can start from a
 * given event without a pointer. */
static void
select_event_from_environment (ChronicleTimelinePage *self,
                               ChronicleTimeline     *timeline)
{
  const char *id = g_getenv ("CHRONICLE_SELECT_EVENT");
  ChronicleEvent *event;

  if (id == NULL || id[0] == '\0')
    return;

  event = chronicle_timeline_lookup_event (timeline, id);
  if (event == NULL)
    return;

  chronicle_timeline_view_set_selected_event (self->timeline_view, event);
  chronicle_timeline_view_reveal_selected (self->timeline_view, FALSE);
}

/* Shows @timeline in place of the one shown, keeping what the user looked
 * at: the same stretch of time (unless the whole timeline was in view,
 * which then grows with it) and the same event, by id, while it exists. */
static void
replace_timeline (ChronicleTimelinePage *self,
                  ChronicleTimeline     *timeline)
{
  ChronicleTimelineView *view = self->timeline_view;
  ChronicleTimeline *old = chronicle_timeline_view_get_timeline (view);
  ChronicleEvent *selected = chronicle_timeline_view_get_selected_event (view);
  g_autofree char *selected_id = selected != NULL ? g_strdup (chronicle_event_get_id (selected)) : NULL;
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

  if (selected_id != NULL)
    {
      ChronicleEvent *event = chronicle_timeline_lookup_event (timeline, selected_id);

      if (event != NULL)
        chronicle_timeline_view_set_selected_event (view, event);
    }
}

static void
on_load_ready_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  ChronicleTimelinePage *self = data->page;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  gboolean first;

  timeline = chronicle_timeline_load_finish (result, &warnings, &error);

  /* A newer load superseded this one, or the page went away: both cancel,
   * and the page's widgets may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      data->generation != self->load_generation)
    return;

  g_clear_object (&self->load_cancellable);
  first = chronicle_timeline_view_get_timeline (self->timeline_view) == NULL;

  if (timeline == NULL)
    {
      g_debug ("Could not load %s: %s", g_file_peek_path (self->file), error->message);
      self->last_error_summary = chronicle_load_error_get_summary (error);
      set_last_error (self, error->message);
      update_banner (self);
      set_loading (self, FALSE);
      /* With a timeline on screen, the banner says it all; otherwise
       * the page has nothing to show and its owner decides. */
      if (first)
        g_signal_emit (self, signals[LOAD_FAILED], 0, error);
      return;
    }

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  if (warnings != NULL)
    {
      guint n = g_strv_length (warnings);

      /* The strings move into the array (g_ptr_array_new_take_null_terminated()
       * is GLib 2.76). */
      self->warnings = g_ptr_array_new_null_terminated (n, g_free, TRUE);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->warnings, g_steal_pointer (&warnings[i]));
    }
  set_last_error (self, NULL);

  replace_timeline (self, timeline);
  update_title (self);
  update_banner (self);
  gtk_stack_set_visible_child_name (self->stack, "timeline");
  if (first)
    select_event_from_environment (self, timeline);
  set_loading (self, FALSE);

  if (first)
    g_signal_emit (self, signals[LOADED], 0);
}

/* Progress of a first load, on the loading page; a reload keeps the
 * timeline on screen and shows none. */
static void
on_load_progress_cb (ChronicleLoadPhase phase,
                     double             fraction,
                     gpointer           user_data)
{
  LoadData *data = user_data;

  /* a newer load, or the page is being disposed */
  if (data->generation != data->page->load_generation || data->page->loading_progress == NULL)
    return;

  gtk_progress_bar_set_fraction (data->page->loading_progress, fraction);
}

static void
start_load (ChronicleTimelinePage *self)
{
  LoadData *data;
  LoadData *progress_data;

  g_assert (self->file != NULL);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (LoadData, 1);
  data->page = g_object_ref (self);
  data->generation = ++self->load_generation;

  if (chronicle_timeline_view_get_timeline (self->timeline_view) == NULL)
    {
      g_autofree char *display_name = dup_isolated_name (self->file);
      /* Translators: %s is a file name */
      g_autofree char *title = g_strdup_printf (_("Loading “%s”…"), display_name);

      adw_status_page_set_title (self->loading_page, title);
      gtk_stack_set_visible_child_name (self->stack, "loading");
      /* No spinner: its animation redraws the page at the frame rate,
       * which in software rendering took seconds of CPU from the loader
       * while a million events loaded. The bar moves with the load. */
      gtk_progress_bar_set_fraction (self->loading_progress, 0.0);
    }

  set_loading (self, TRUE);
  progress_data = g_new0 (LoadData, 1);
  progress_data->page = g_object_ref (self);
  progress_data->generation = data->generation;
  chronicle_timeline_load_async_with_progress (self->file, self->load_cancellable,
                                               on_load_progress_cb, progress_data,
                                               (GDestroyNotify) load_data_free,
                                               on_load_ready_cb, data);
}

static gboolean
on_reload_timeout_cb (gpointer user_data)
{
  ChronicleTimelinePage *self = user_data;

  self->reload_source = 0;
  g_debug ("Reloading %s", g_file_peek_path (self->file));
  start_load (self);

  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (ChronicleTimelinePage *self,
                       GFile                 *file,
                       GFile                 *other_file,
                       GFileMonitorEvent      event_type,
                       GFileMonitor          *monitor)
{
  switch ((int) event_type)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    /* An atomic writer renames its temporary file over ours. */
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;

    default:
      return;
    }

  /* Each event restarts the wait, so a burst reloads once, after it. A
   * file deleted and not recreated in time fails to reload, and the banner
   * says so until it comes back. */
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, on_reload_timeout_cb, self);
  g_source_set_name_by_id (self->reload_source, "[chronicle] reload timeline");
}

static void
stop_watching (ChronicleTimelinePage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed_cb, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
}

static void
watch_file (ChronicleTimelinePage *self)
{
  g_autoptr(GError) error = NULL;

  stop_watching (self);

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Not fatal: the file shows, it just does not follow changes. */
      g_debug ("Not watching %s for changes: %s", g_file_peek_path (self->file), error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb), self,
                           G_CONNECT_SWAPPED);
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

  /* Makes a load still running stale before it is cancelled. */
  self->load_generation++;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  stop_watching (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_TIMELINE_PAGE);
  self->search_bar = NULL;

  g_clear_object (&self->file);

  G_OBJECT_CLASS (chronicle_timeline_page_parent_class)->dispose (object);
}

static void
chronicle_timeline_page_finalize (GObject *object)
{
  ChronicleTimelinePage *self = CHRONICLE_TIMELINE_PAGE (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_timeline_page_parent_class)->finalize (object);
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
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TIMELINE:
      g_value_set_object (value, chronicle_timeline_page_get_timeline (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
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

  object_class->dispose = chronicle_timeline_page_dispose;
  object_class->finalize = chronicle_timeline_page_finalize;
  object_class->get_property = chronicle_timeline_page_get_property;
  object_class->set_property = chronicle_timeline_page_set_property;

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
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, ChronicleTimelinePage, banner_revealer);
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

  /* Search and filters, then story mode's card above the chart, the
   * overview strip below it. */
  self->search_bar = CHRONICLE_SEARCH_BAR (chronicle_search_bar_new ());
  chronicle_search_bar_set_timeline_view (self->search_bar, self->timeline_view);
  chronicle_timeline_page_add_top_bar (self, GTK_WIDGET (self->search_bar));
  self->story_card = CHRONICLE_STORY_CARD (chronicle_story_card_new (self->timeline_view));
  chronicle_timeline_page_add_top_bar (self, GTK_WIDGET (self->story_card));
  chronicle_timeline_page_add_bottom_bar (self, chronicle_overview_new (self->timeline_view));

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

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      watch_file (self);
      update_title (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  start_load (self);
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
  g_return_if_fail (self->file != NULL);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  start_load (self);
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

  return self->file;
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

  return self->title;
}

gboolean
chronicle_timeline_page_get_loading (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), FALSE);

  return self->loading;
}

const char *
chronicle_timeline_page_get_last_error (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->last_error;
}

const char * const *
chronicle_timeline_page_get_warnings (ChronicleTimelinePage *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  return self->warnings != NULL ? (const char * const *) self->warnings->pdata : NULL;
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

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE_PAGE (self), NULL);

  if (self->warnings == NULL || self->warnings->len == 0)
    return NULL;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  display_name = self->file != NULL ? dup_display_name (self->file) : NULL;
  dialog = chronicle_warnings_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                          display_name,
                                          self->warnings);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}
