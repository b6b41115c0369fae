/* chronicle-export-dialog.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "chronicle-label-text-private.h"
#include "chronicle-export-dialog.h"
#include "chronicle-export-dialog-private.h"
#include "chronicle-timelinejs-export-private.h"

#include "chronicle-application.h"
#include "chronicle-export.h"
#include "chronicle-export-private.h"
#include "chronicle-timeline-private.h"

struct _ChronicleExportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkWidget            *export_button;
  GtkWidget            *spinner;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkDrawingArea       *preview;
  GtkWidget            *preview_scroller;
  GtkLabel             *cut_label;
  GtkToggleButton      *actual_size_button;
  AdwEntryRow          *subtitle_row;
  GtkCheckButton       *image_map_check;
  AdwComboRow          *format_row;
  AdwComboRow          *area_row;
  AdwComboRow          *size_row;
  GtkWidget            *width_row;
  GtkWidget            *height_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *scale_row;
  AdwComboRow          *theme_row;
  GtkSwitch            *title_switch;
  GtkSwitch            *legend_switch;
  GtkWidget            *highlight_row;
  GtkSwitch            *highlight_switch;
  GtkWidget            *credit_row;
  GtkSwitch            *credit_switch;

  /* owned */
  ChronicleTimeline    *timeline;
  ChronicleViewport    *view;         /* the main window's, copied at open */
  GSettings            *settings;     /* NULL when the schema is missing */
  GCancellable         *cancellable;
  GtkNativeDialog      *file_chooser;

  guint                 selected;     /* timeline position, or G_MAXUINT */
  guint                 n_cut_titles; /* in the last preview drawn */
  ChronicleExportReport report;       /* the same, with the events folded into "+N" pills */
  guint                 cut_note_idle;
  GStrv                 hidden_categories;
  GHashTable           *placements;   /* a copy of the view's rows, or NULL */
  gboolean              applying_preset;
  GFunc                 thread_hook;  /* for tests */
  gpointer              thread_hook_data;
};

G_DEFINE_FINAL_TYPE (ChronicleExportDialog, chronicle_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* After the chart's formats, the format row offers the timeline's data
 * for TimelineJS (issue #14): no chart, so none of the chart's options. */
typedef enum
{
  DATA_NONE,
  DATA_TIMELINEJS = CHRONICLE_EXPORT_PDF + 1,
  DATA_TIMELINEJS_CSV,
} DataFormat;

/* Row order of the template's combo rows. */
enum { AREA_VIEW, AREA_ALL };
enum { THEME_LIGHT, THEME_DARK, THEME_FOLLOW };

static const char * const theme_names[] = { "light", "dark", "follow" };
static const char * const area_names[] = { "view", "all" };

/* The size rows: the export's presets (named for their use: an article
 * column, a slide, A4 and Letter for print), then Custom. */
static guint
find_preset (int width,
             int height)
{
  guint n;
  const ChronicleExportPreset *presets = chronicle_export_get_presets (&n);

  for (guint i = 0; i < n; i++)
    if (presets[i].width == width && presets[i].height == height)
      return i;

  return n;
}

static guint
index_of_name (const char * const *names,
               guint               n_names,
               const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;

  return 0;
}

static void
set_busy (ChronicleExportDialog *self,
          gboolean               busy)
{
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", !busy);
}

static void
show_error (ChronicleExportDialog *self,
            const char            *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static DataFormat
get_data_format (ChronicleExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected == DATA_TIMELINEJS || selected == DATA_TIMELINEJS_CSV ? (DataFormat) selected : DATA_NONE;
}

static void
update_sensitivity (ChronicleExportDialog *self)
{
  gboolean png = adw_combo_row_get_selected (self->format_row) == CHRONICLE_EXPORT_PNG;
  gboolean chart = get_data_format (self) == DATA_NONE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), png);
  gtk_widget_set_sensitive (GTK_WIDGET (self->size_row), chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_row), chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->theme_row), chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_map_check), chart);
  gtk_widget_set_sensitive (self->highlight_row, self->selected != G_MAXUINT);
  gtk_widget_set_sensitive (self->credit_row,
                            g_list_model_get_n_items (chronicle_timeline_get_sources (self->timeline)) > 0);
}

static void
load_settings (ChronicleExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *area = NULL;
  ChronicleExportFormat export_format = CHRONICLE_EXPORT_PNG;

  if (self->settings == NULL)
    {
      gtk_switch_set_active (self->title_switch, TRUE);
      gtk_switch_set_active (self->legend_switch, TRUE);
      gtk_switch_set_active (self->credit_switch, TRUE);
      /* A report shows the chart, not what was clicked last. */
      gtk_switch_set_active (self->highlight_switch, FALSE);
      return;
    }

  format = g_settings_get_string (self->settings, "export-format");
  theme = g_settings_get_string (self->settings, "export-theme");
  area = g_settings_get_string (self->settings, "export-area");

  chronicle_export_format_from_name (format, &export_format);
  adw_combo_row_set_selected (self->format_row, export_format);
  adw_combo_row_set_selected (self->theme_row, index_of_name (theme_names, G_N_ELEMENTS (theme_names), theme));
  adw_combo_row_set_selected (self->area_row, index_of_name (area_names, G_N_ELEMENTS (area_names), area));
  adw_combo_row_set_selected (self->scale_row, g_settings_get_int (self->settings, "export-scale") >= 2 ? 1 : 0);
  gtk_spin_button_set_value (self->width_spin, g_settings_get_int (self->settings, "export-width"));
  gtk_spin_button_set_value (self->height_spin, g_settings_get_int (self->settings, "export-height"));
  gtk_switch_set_active (self->title_switch, g_settings_get_boolean (self->settings, "export-show-title"));
  gtk_switch_set_active (self->legend_switch, g_settings_get_boolean (self->settings, "export-show-legend"));
  gtk_switch_set_active (self->credit_switch, g_settings_get_boolean (self->settings, "export-show-credit"));
  gtk_switch_set_active (self->highlight_switch,
                         g_settings_get_boolean (self->settings, "export-highlight-selection"));
}

/* The choices become the next export's defaults once a file is written. */
static void
save_settings (ChronicleExportDialog *self)
{
  ChronicleExportOptions options;

  if (self->settings == NULL)
    return;

  chronicle_export_dialog_get_options (self, &options);

  g_settings_delay (self->settings);
  /* The chart's settings; a TimelineJS export is an occasional errand. */
  if (get_data_format (self) == DATA_NONE)
    g_settings_set_string (self->settings, "export-format", chronicle_export_format_to_name (options.format));
  g_settings_set_string (self->settings, "export-theme",
                         theme_names[adw_combo_row_get_selected (self->theme_row)]);
  g_settings_set_string (self->settings, "export-area", area_names[adw_combo_row_get_selected (self->area_row)]);
  g_settings_set_int (self->settings, "export-scale", options.scale);
  g_settings_set_int (self->settings, "export-width", options.width);
  g_settings_set_int (self->settings, "export-height", options.height);
  g_settings_set_boolean (self->settings, "export-show-title", options.show_title);
  g_settings_set_boolean (self->settings, "export-show-legend", options.show_legend);
  g_settings_set_boolean (self->settings, "export-show-credit", gtk_switch_get_active (self->credit_switch));
  g_settings_set_boolean (self->settings, "export-highlight-selection",
                          gtk_switch_get_active (self->highlight_switch));
  g_settings_apply (self->settings);
}

static const ChronicleViewport *
get_export_view (ChronicleExportDialog *self)
{
  if (adw_combo_row_get_selected (self->area_row) == AREA_VIEW)
    return self->view;

  return NULL;
}

static gboolean
update_cut_note_cb (gpointer user_data)
{
  ChronicleExportDialog *self = user_data;
  g_autofree char *note = NULL;

  self->cut_note_idle = 0;
  if (self->n_cut_titles > 0 && self->n_cut_titles != G_MAXUINT)
    /* Translators: under the export preview; %'u counts event titles. */
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u event title is cut to fit at this size",
                                         "%'u event titles are cut to fit at this size",
                                         self->n_cut_titles),
                            self->n_cut_titles);
  if (self->report.n_folded_events > 0 && self->n_cut_titles != G_MAXUINT)
    {
      g_autofree char *folds = chronicle_export_report_describe_folds (&self->report);
      char *both = note != NULL ? g_strconcat (note, "\n", folds, NULL) : g_strdup (folds);

      g_free (note);
      note = both;
    }
  gtk_label_set_text (self->cut_label, note != NULL ? note : "");

  return G_SOURCE_REMOVE;
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  ChronicleExportDialog *self = user_data;
  ChronicleExportOptions options;
  ChronicleExportReport report = { 0, };
  double zoom, x, y;
  guint n_cut;

  chronicle_export_dialog_get_options (self, &options);

  /* At actual size one pixel of the file is one pixel here, so the text
   * reads as it will; otherwise the page fits the area, keeping its
   * proportions, to show how crowded the real size will be. */
  if (gtk_toggle_button_get_active (self->actual_size_button))
    zoom = 1.0;
  else
    zoom = MIN ((double) width / options.width, (double) height / options.height);
  x = MAX (floor ((width - options.width * zoom) / 2), 0);
  y = MAX (floor ((height - options.height * zoom) / 2), 0);

  cairo_save (cr);
  cairo_rectangle (cr, x - 1, y - 1, options.width * zoom + 2, options.height * zoom + 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_fill (cr);
  cairo_restore (cr);

  cairo_translate (cr, x, y);
  cairo_scale (cr, zoom, zoom);
  cairo_rectangle (cr, 0, 0, options.width, options.height);
  cairo_clip (cr);

  chronicle_export_paint_reporting (cr, self->timeline, get_export_view (self), &options, &report);
  n_cut = report.n_cut_titles;

  /* Widgets are not changed while drawing: the note follows at idle. */
  if (n_cut != self->n_cut_titles || report.n_folded_events != self->report.n_folded_events ||
      report.n_clusters != self->report.n_clusters)
    {
      self->n_cut_titles = n_cut;
      self->report = report;
      if (self->cut_note_idle == 0)
        self->cut_note_idle = g_idle_add (update_cut_note_cb, self);
    }
}

/* At actual size the preview is as large as the file and scrolls; fitted
 * it takes the room the dialog gives it. */
static void
update_preview_size (ChronicleExportDialog *self)
{
  ChronicleExportOptions options;
  gboolean actual = gtk_toggle_button_get_active (self->actual_size_button);

  chronicle_export_dialog_get_options (self, &options);
  gtk_drawing_area_set_content_width (self->preview, actual ? options.width : 480);
  gtk_drawing_area_set_content_height (self->preview, actual ? options.height : 300);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->preview_scroller),
                                  actual ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER,
                                  actual ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
}

static void
on_options_changed_cb (ChronicleExportDialog *self)
{
  g_assert (CHRONICLE_IS_EXPORT_DIALOG (self));

  /* The template's rows notify while the dialog is being built. */
  if (self->timeline == NULL)
    return;

  if (!self->applying_preset)
    {
      int width = gtk_spin_button_get_value_as_int (self->width_spin);
      int height = gtk_spin_button_get_value_as_int (self->height_spin);
      guint preset = find_preset (width, height);

      /* Typing a preset's size selects it; anything else is Custom. */
      if (adw_combo_row_get_selected (self->size_row) != preset)
        {
          self->applying_preset = TRUE;
          adw_combo_row_set_selected (self->size_row, preset);
          self->applying_preset = FALSE;
        }
    }

  show_error (self, NULL);
  update_sensitivity (self);
  update_preview_size (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
on_size_preset_changed_cb (ChronicleExportDialog *self)
{
  guint preset = adw_combo_row_get_selected (self->size_row);
  guint n_presets;
  const ChronicleExportPreset *presets = chronicle_export_get_presets (&n_presets);

  g_assert (CHRONICLE_IS_EXPORT_DIALOG (self));

  if (self->applying_preset || preset >= n_presets)
    return;

  self->applying_preset = TRUE;
  gtk_spin_button_set_value (self->width_spin, presets[preset].width);
  gtk_spin_button_set_value (self->height_spin, presets[preset].height);
  /* Print sizes are points: they go to PDF; screen sizes leave a
   * vector format chosen on purpose alone. */
  if (presets[preset].format == CHRONICLE_EXPORT_PDF)
    adw_combo_row_set_selected (self->format_row, CHRONICLE_EXPORT_PDF);
  self->applying_preset = FALSE;

  on_options_changed_cb (self);
}

typedef struct
{
  ChronicleTimeline      *timeline;
  ChronicleViewport      *view;     /* NULL: whole timeline */
  ChronicleExportOptions  options;
  GStrv                   hidden_categories;  /* options point here */
  GHashTable             *placements;         /* and here */
  char                   *subtitle;           /* and here */
  GFile                  *file;
  GFile                  *image_map;          /* NULL: none */
  DataFormat              data_format;        /* DATA_NONE: the chart */
  GFunc                   thread_hook;        /* for tests, NULL */
  gpointer                thread_hook_data;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->timeline);
  g_clear_pointer (&job->view, chronicle_viewport_free);
  g_clear_object (&job->file);
  g_clear_object (&job->image_map);
  g_clear_pointer (&job->hidden_categories, g_strfreev);
  g_clear_pointer (&job->placements, g_hash_table_unref);
  g_clear_pointer (&job->subtitle, g_free);
  g_free (job);
}

/* Runs in a worker thread on the job's own references and copies. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (job->thread_hook != NULL)
    job->thread_hook (job->thread_hook_data, NULL);

  if (job->data_format == DATA_TIMELINEJS)
    done = chronicle_timelinejs_save_to_file (job->timeline, job->file, cancellable, &error);
  else if (job->data_format == DATA_TIMELINEJS_CSV)
    done = chronicle_timelinejs_csv_save_to_file (job->timeline, job->file, cancellable, &error);
  else
    done = chronicle_export_to_file_with_map (job->timeline, job->view, &job->options, job->file, job->image_map,
                                              NULL, cancellable, &error);
  if (!done)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ChronicleExportDialog *self = CHRONICLE_EXPORT_DIALOG (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  set_busy (self, FALSE);
  g_clear_object (&self->cancellable);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  save_settings (self);

  /**
   * ChronicleExportDialog::exported:
   * @self: the dialog
   * @file: the file that was written
   *
   * Emitted when an export has been written completely. The dialog closes
   * itself afterwards.
   */
  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  gtk_window_close (GTK_WINDOW (self));
}

static char *
suggest_file_name (ChronicleExportDialog *self)
{
  ChronicleExportOptions options;
  DataFormat data_format = get_data_format (self);

  if (data_format != DATA_NONE)
    {
      /* The chart's name, with the data's extension. */
      g_autofree char *chart = chronicle_export_suggest_filename (chronicle_timeline_get_title (self->timeline),
                                                                  CHRONICLE_EXPORT_PNG);
      char *dot = strrchr (chart, '.');

      if (dot != NULL)
        *dot = '\0';
      return g_strconcat (chart, data_format == DATA_TIMELINEJS ? ".timelinejs.json" : ".csv", NULL);
    }

  chronicle_export_dialog_get_options (self, &options);
  return chronicle_export_suggest_filename (chronicle_timeline_get_title (self->timeline), options.format);
}

/* "chart.png" → "chart.map.json", beside it. */
static GFile *
get_image_map_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  char *dot = strrchr (name, '.');
  g_autofree char *map_name = NULL;

  if (dot != NULL && dot != name)
    *dot = '\0';
  map_name = g_strconcat (name, ".map.json", NULL);

  return parent != NULL ? g_file_get_child (parent, map_name) : g_file_new_for_path (map_name);
}

static void
on_file_chooser_response_cb (ChronicleExportDialog *self,
                             int                    response,
                             GtkNativeDialog       *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->file_chooser);

  if (file != NULL)
    chronicle_export_dialog_export_to_file (self, file);
}

static void
choose_file_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ChronicleExportDialog *self = CHRONICLE_EXPORT_DIALOG (widget);
  g_autofree char *name = suggest_file_name (self);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_set_object (&self->file_chooser, GTK_NATIVE_DIALOG (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
chronicle_export_dialog_close_request_cb (ChronicleExportDialog *self)
{
  /* Closing during an export abandons it; the temporary file is removed
   * and an existing file is left as it was. */
  g_cancellable_cancel (self->cancellable);
}

static void
chronicle_export_dialog_dispose (GObject *object)
{
  ChronicleExportDialog *self = CHRONICLE_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->cut_note_idle, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->timeline);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->view, chronicle_viewport_free);
  g_clear_pointer (&self->hidden_categories, g_strfreev);
  g_clear_pointer (&self->placements, g_hash_table_unref);

  G_OBJECT_CLASS (chronicle_export_dialog_parent_class)->dispose (object);
}

static void
chronicle_export_dialog_class_init (ChronicleExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_export_dialog_dispose;

  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, cut_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, actual_size_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, image_map_check);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, title_switch);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, highlight_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, highlight_switch);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, credit_row);
  gtk_widget_class_bind_template_child (widget_class, ChronicleExportDialog, credit_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_size_preset_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action_cb);
}

static void
chronicle_export_dialog_init (ChronicleExportDialog *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);
  GApplication *application = g_application_get_default ();
  guint n_presets;
  const ChronicleExportPreset *presets = chronicle_export_get_presets (&n_presets);

  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_name_text_buttons (GTK_WIDGET (self));

  for (guint i = 0; i < n_presets; i++)
    {
      g_autofree char *label = NULL;

      if (presets[i].format == CHRONICLE_EXPORT_PDF)
        /* Translators: a size preset; %s names it ("A4 landscape"), then
         * its size in points. */
        label = g_strdup_printf (_("%s, %d × %d pt"), _(presets[i].name), presets[i].width, presets[i].height);
      else
        /* Translators: a size preset; %s names its use ("Article"). */
        label = g_strdup_printf (_("%s, %d × %d"), _(presets[i].name), presets[i].width, presets[i].height);
      gtk_string_list_append (sizes, label);
    }
  gtk_string_list_append (sizes, _("Custom"));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));

  /* The application knows where the schema is, installed or not; without
   * one (in tests) the dialog starts from the defaults. */
  if (CHRONICLE_IS_APPLICATION (application))
    g_set_object (&self->settings, chronicle_application_get_settings (CHRONICLE_APPLICATION (application)));

  self->selected = G_MAXUINT;
  self->n_cut_titles = G_MAXUINT;  /* none drawn yet */
  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
  g_signal_connect (self, "close-request", G_CALLBACK (chronicle_export_dialog_close_request_cb), NULL);
}

/**
 * chronicle_export_dialog_new:
 * @parent: the main window
 * @timeline: the timeline to export
 * @view: (nullable): the main window's visible range, for "Current view"
 * @selected: (nullable): the selected event, highlighted when asked
 *
 * Returns: (transfer full): a new modal export dialog
 */
ChronicleExportDialog *
chronicle_export_dialog_new (GtkWindow               *parent,
                             ChronicleTimeline       *timeline,
                             const ChronicleViewport *view,
                             ChronicleEvent          *selected)
{
  ChronicleExportDialog *self;
  guint position;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  self = g_object_new (CHRONICLE_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->timeline = g_object_ref (timeline);
  if (view != NULL)
    self->view = chronicle_viewport_copy (view);
  if (selected != NULL && chronicle_timeline_find_event (timeline, selected, &position))
    self->selected = position;

  load_settings (self);
  if (self->view == NULL)
    {
      adw_combo_row_set_selected (self->area_row, AREA_ALL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->area_row), FALSE);
    }
  on_options_changed_cb (self);

  return self;
}

/**
 * chronicle_export_dialog_set_hidden_categories:
 * @self: a #ChronicleExportDialog
 * @category_ids: (nullable) (array zero-terminated=1): categories a filter
 *   hides, struck through in the exported legend as on screen
 */
void
chronicle_export_dialog_set_hidden_categories (ChronicleExportDialog *self,
                                               const char * const    *category_ids)
{
  g_return_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->hidden_categories, g_strfreev);
  self->hidden_categories = g_strdupv ((char **) category_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/**
 * chronicle_export_dialog_set_placements:
 * @self: a #ChronicleExportDialog
 * @placements: (nullable): the view's memory of its events' rows (id ->
 *   row), copied: the export keeps the sides and rows the user saw
 */
void
chronicle_export_dialog_set_placements (ChronicleExportDialog *self,
                                        GHashTable            *placements)
{
  g_return_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self));

  g_clear_pointer (&self->placements, g_hash_table_unref);
  if (placements != NULL)
    self->placements = chronicle_export_copy_placements (placements);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/**
 * chronicle_export_dialog_export_to_file:
 * @self: a #ChronicleExportDialog
 * @file: where to write
 *
 * Starts writing the chart as the dialog's rows describe, in a worker
 * thread. On success #ChronicleExportDialog::exported is emitted and the
 * dialog closes; on failure the reason shows in the dialog.
 */
void
chronicle_export_dialog_export_to_file (ChronicleExportDialog *self,
                                        GFile                 *file)
{
  g_autoptr(GTask) task = NULL;
  const ChronicleViewport *view;
  ExportJob *job;

  g_return_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  job = g_new0 (ExportJob, 1);
  /* The worker reads a copy: the main thread may edit the timeline while
   * it runs (issue #13), which would change the store under it. */
  job->timeline = chronicle_timeline_snapshot (self->timeline);
  job->thread_hook = self->thread_hook;
  job->thread_hook_data = self->thread_hook_data;
  job->file = g_object_ref (file);
  job->data_format = get_data_format (self);
  chronicle_export_dialog_get_options (self, &job->options);
  /* The worker must not borrow from the dialog, which may close first. */
  job->hidden_categories = g_strdupv (self->hidden_categories);
  job->options.hidden_categories = (const char * const *) job->hidden_categories;
  if (self->placements != NULL)
    job->placements = chronicle_export_copy_placements (self->placements);
  job->options.placements = job->placements;
  job->subtitle = g_strdup (job->options.subtitle);
  job->options.subtitle = job->subtitle;
  if (gtk_check_button_get_active (self->image_map_check) && job->data_format == DATA_NONE)
    job->image_map = get_image_map_file (file);
  if ((view = get_export_view (self)) != NULL)
    job->view = chronicle_viewport_copy (view);

  self->cancellable = g_cancellable_new ();
  show_error (self, NULL);
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, chronicle_export_dialog_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

AdwComboRow *
chronicle_export_dialog_get_format_row (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  return self->format_row;
}

void
chronicle_export_dialog_set_thread_hook (ChronicleExportDialog *self,
                                         GFunc                  hook,
                                         gpointer               data)
{
  g_return_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self));

  self->thread_hook = hook;
  self->thread_hook_data = data;
}

AdwComboRow *
chronicle_export_dialog_get_size_row (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  return self->size_row;
}

gboolean
chronicle_export_dialog_is_busy (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/* The reason the last export failed, as shown, or NULL. */
const char *
chronicle_export_dialog_get_error (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

/**
 * chronicle_export_dialog_get_options:
 * @self: a #ChronicleExportDialog
 * @options: (out caller-allocates): the export the rows describe
 */
void
chronicle_export_dialog_get_options (ChronicleExportDialog  *self,
                                     ChronicleExportOptions *options)
{
  guint theme;

  g_return_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  chronicle_export_options_init (options);
  /* A data format has no chart: its options are the chart's defaults. */
  options->format = get_data_format (self) == DATA_NONE ? adw_combo_row_get_selected (self->format_row)
                                                        : CHRONICLE_EXPORT_PNG;
  options->width = gtk_spin_button_get_value_as_int (self->width_spin);
  options->height = gtk_spin_button_get_value_as_int (self->height_spin);
  options->scale = options->format == CHRONICLE_EXPORT_PNG ? adw_combo_row_get_selected (self->scale_row) + 1 : 1;
  options->show_title = gtk_switch_get_active (self->title_switch);
  options->show_legend = gtk_switch_get_active (self->legend_switch);
  options->show_credit = gtk_switch_get_active (self->credit_switch);
  if (gtk_switch_get_active (self->highlight_switch))
    options->selected = self->selected;
  /* Borrowed from the entry: valid until it changes. */
  options->subtitle = gtk_editable_get_text (GTK_EDITABLE (self->subtitle_row));
  if (options->subtitle[0] == '\0')
    options->subtitle = NULL;
  options->hidden_categories = (const char * const *) self->hidden_categories;
  options->placements = self->placements;

  theme = adw_combo_row_get_selected (self->theme_row);
  if (theme == THEME_FOLLOW)
    options->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  else
    options->dark = theme == THEME_DARK;

  /* The export keeps the window's axis, with its breaks or linear. */
  if (self->view != NULL)
    {
      guint n;
      const ChronicleAxisSegment *segments = chronicle_viewport_get_segments (self->view, &n);

      options->collapse_gaps = FALSE;
      for (guint i = 0; i < n; i++)
        options->collapse_gaps |= segments[i].is_break;
      /* and its zone */
      options->zone = CHRONICLE_ZONE_FIXED;
      options->zone_offset = chronicle_viewport_get_zone_offset (self->view);
    }
}

/* The note under the preview, "" when no title is cut. */
const char *
chronicle_export_dialog_get_cut_note (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  return gtk_label_get_text (self->cut_label);
}

/* Test hooks for the rows the template owns. */
GtkCheckButton *
chronicle_export_dialog_get_image_map_check (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  return self->image_map_check;
}

GtkEditable *
chronicle_export_dialog_get_subtitle_entry (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  return GTK_EDITABLE (self->subtitle_row);
}

GtkToggleButton *
chronicle_export_dialog_get_actual_size_button (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  return self->actual_size_button;
}

GtkDrawingArea *
chronicle_export_dialog_get_preview (ChronicleExportDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_EXPORT_DIALOG (self), NULL);

  return self->preview;
}
