/* chronicle-columns-dialog.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-columns-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-columns-dialog.h"
#include "chronicle-columns-row.h"

#include "chronicle-text-private.h"

/* The preview reads at most this much of the file: its first rows are
 * all it shows, whatever the file's size. */
#define PREVIEW_BYTES (1024 * 1024)
/* The width of a reason a row is left out, in characters. */
#define REASON_CHARS 32
/* A column name in a drop-down shows this much of itself at most. */
#define NAME_MAX_CHARS 60

struct _ChronicleColumnsDialog
{
  AdwWindow               parent_instance;

  /* template widgets */
  AdwWindowTitle         *window_title;
  GtkWidget              *open_button;
  GtkLabel               *status_label;
  GtkLabel               *intro_label;
  GtkColumnView          *preview_view;
  AdwComboRow            *field_rows[CHRONICLE_IMPORT_N_FIELDS];

  /* owned */
  GFile                  *file;
  GCancellable           *cancellable;
  char                   *data;          /* the start of the file, whole rows */
  gsize                   length;
  ChronicleImportPreview *guess;         /* read without a mapping: the header, the guesses */
  GHashTable             *mapping;       /* from the drop-downs, for Open */
  GHashTable             *initial;       /* the columns the file was read with, or NULL */
  GListStore             *rows;          /* of ChronicleColumnsRow */
  GtkColumnViewColumn    *columns[CHRONICLE_IMPORT_N_FIELDS];

  /* state */
  gboolean                filling;       /* setting the drop-downs: no preview yet */
};

G_DEFINE_FINAL_TYPE (ChronicleColumnsDialog, chronicle_columns_dialog, ADW_TYPE_WINDOW)

enum {
  COLUMNS_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The preview's column titles, in the order of ChronicleImportField. */
static const char * const field_titles[CHRONICLE_IMPORT_N_FIELDS] = {
  N_("Date"), N_("End"), N_("Title"), N_("Summary"), N_("Category"), N_("Actors"), N_("Location"),
  N_("Source"),
};

/* How wide each field's column is at least, in characters: a date in
 * words is read whole. */
static const int field_widths[CHRONICLE_IMPORT_N_FIELDS] = { 16, 16, 20, 12, 10, 12, 12, 8 };

/* The column chosen for @field, -1 for none ("None" is the first item). */
static int
get_chosen_column (ChronicleColumnsDialog *self,
                   ChronicleImportField    field)
{
  guint selected = adw_combo_row_get_selected (self->field_rows[field]);

  return selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int) selected - 1;
}

static void
update_status (ChronicleColumnsDialog *self,
               guint                   n_rows,
               guint                   n_left_out)
{
  g_autofree char *text = NULL;

  if (get_chosen_column (self, CHRONICLE_IMPORT_FIELD_DATE) < 0)
    text = g_strdup (_("Choose the column that holds the date: every event needs one."));
  else if (n_rows == 0)
    text = g_strdup (_("The spreadsheet has no rows below its header."));
  else if (n_left_out == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The first row becomes an event.",
                                         "The first %u rows all become events.", n_rows), n_rows);
  else
    /* Translators: the first %u is how many rows are left out, the second how many are shown */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u of the first %u rows is left out: its Title column says why.",
                                         "%u of the first %u rows are left out: their Title column says why.",
                                         n_left_out),
                            n_left_out, n_rows);
  gtk_label_set_text (self->status_label, text);
}

/* Reads the first rows again with the columns chosen. */
static void
update_preview (ChronicleColumnsDialog *self)
{
  int chosen[CHRONICLE_IMPORT_N_FIELDS];
  g_autoptr(ChronicleImportPreview) preview = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_left_out = 0;

  if (self->guess == NULL || self->filling)
    return;

  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    {
      chosen[f] = get_chosen_column (self, f);
      /* The date and the title show why a row is left out. */
      gtk_column_view_column_set_visible (self->columns[f], f == CHRONICLE_IMPORT_FIELD_DATE ||
                                                            f == CHRONICLE_IMPORT_FIELD_TITLE || chosen[f] >= 0);
    }
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  self->mapping = chronicle_import_preview_make_mapping (self->guess, chosen);

  preview = chronicle_import_csv_preview (self->data, self->length, self->mapping,
                                          CHRONICLE_COLUMNS_DIALOG_N_ROWS, &error);
  if (preview == NULL)
    {
      /* It read a moment ago without a mapping: out of memory only. */
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.open", FALSE);
      return;
    }

  for (guint i = 0; i < preview->rows->len; i++)
    {
      const ChronicleImportPreviewRow *row = g_ptr_array_index (preview->rows, i);

      g_ptr_array_add (items, chronicle_columns_row_new (row));
      n_left_out += row->date == NULL;
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  update_status (self, items->len, n_left_out);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.open",
                                 chosen[CHRONICLE_IMPORT_FIELD_DATE] >= 0);
}

/* The drop-downs list "None" and the file's columns, each set to the
 * recogniser's guess. */
static void
fill_field_rows (ChronicleColumnsDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("column", "None"));
  for (guint i = 0; self->guess->header[i] != NULL; i++)
    {
      g_autofree char *name = chronicle_text_escape_line (self->guess->header[i], NAME_MAX_CHARS);

      if (chronicle_text_is_blank (name))
        {
          g_free (name);
          /* Translators: a column of a spreadsheet without a name in its header */
          name = g_strdup_printf (_("Column %u"), i + 1);
        }
      gtk_string_list_append (names, name);
    }

  self->filling = TRUE;
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    {
      adw_combo_row_set_model (self->field_rows[f], G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->field_rows[f], (guint) (self->guess->columns[f] + 1));
    }
  self->filling = FALSE;
}

static void
show_error (ChronicleColumnsDialog *self,
            const char             *message)
{
  gtk_label_set_text (self->status_label, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.open", FALSE);
}

static gboolean
read_more_cb (const char *file_contents,
              goffset     file_size,
              gpointer    user_data)
{
  return file_size < PREVIEW_BYTES;
}

static void
on_file_read_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ChronicleColumnsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_partial_contents_finish (G_FILE (source_object), result, &contents, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  g_clear_object (&self->cancellable);

  /* Cut short: whole rows only, lest a character or a row be split. */
  if (length >= PREVIEW_BYTES)
    {
      while (length > 0 && contents[length - 1] != '\n')
        length--;
      contents[length] = '\0';
    }
  self->data = g_steal_pointer (&contents);
  self->length = length;

  /* Read as the file was read: the drop-downs start from there. */
  self->guess = chronicle_import_csv_preview (self->data, self->length, self->initial,
                                              CHRONICLE_COLUMNS_DIALOG_N_ROWS, &error);
  if (self->guess == NULL)
    {
      show_error (self, error->message);
      return;
    }
  fill_field_rows (self);
  update_preview (self);
}

/* A column feeds one field: chosen for @row, it leaves the others. */
static void
on_field_row_selected_cb (ChronicleColumnsDialog *self,
                          GParamSpec             *pspec,
                          AdwComboRow            *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;
  self->filling = TRUE;
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS && selected != 0; f++)
    if (self->field_rows[f] != row && adw_combo_row_get_selected (self->field_rows[f]) == selected)
      adw_combo_row_set_selected (self->field_rows[f], 0);
  self->filling = FALSE;
  update_preview (self);
}

/* The preview's cells: the row's number (with a warning sign when it
 * made a note), and each field as the event gets it. */
static void
setup_number_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), gtk_label_new (NULL));
  gtk_list_item_set_child (item, box);
}

static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  ChronicleColumnsRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  g_autofree char *number = g_strdup_printf ("%u", chronicle_columns_row_get_number (row));
  const char *note = chronicle_columns_row_get_note (row);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), number);
  gtk_widget_set_visible (icon, note != NULL);
  gtk_widget_set_tooltip_text (box, note);
  /* A screen reader says the note where the eye sees the sign. */
  if (note != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, note, -1);
}

static void
setup_field_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_field_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  field_pointer)
{
  ChronicleImportField field = GPOINTER_TO_INT (field_pointer);
  ChronicleColumnsRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  gboolean refused = chronicle_columns_row_get_refused (row);
  const char *text = chronicle_columns_row_get_text (row, field);
  gboolean wrap;

  /* A row left out: "Left out" for its date, why in its title. */
  if (refused && field == CHRONICLE_IMPORT_FIELD_DATE)
    text = _("Left out");
  else if (refused && field == CHRONICLE_IMPORT_FIELD_TITLE && chronicle_columns_row_get_note (row) != NULL)
    text = chronicle_columns_row_get_note (row);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, *text != '\0' ? text : NULL);
  if (refused && (field == CHRONICLE_IMPORT_FIELD_DATE || field == CHRONICLE_IMPORT_FIELD_TITLE))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  /* The reason is read whole, in lines of a readable width. */
  wrap = refused && field == CHRONICLE_IMPORT_FIELD_TITLE;
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_ellipsize (GTK_LABEL (label), wrap ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), wrap ? REASON_CHARS : field_widths[field]);
  gtk_label_set_max_width_chars (GTK_LABEL (label), wrap ? REASON_CHARS : MAX (field_widths[field], 36));
}

static GtkColumnViewColumn *
append_column (ChronicleColumnsDialog *self,
               const char             *title,
               GCallback               setup,
               GCallback               bind,
               gpointer                data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_append_column (self->preview_view, column);
  g_object_unref (column);
  return column;
}

static void
make_preview_columns (ChronicleColumnsDialog *self)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));

  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  /* Translators: the column of a spreadsheet's row numbers */
  append_column (self, _("Row"), G_CALLBACK (setup_number_cb), G_CALLBACK (bind_number_cb), NULL);
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    {
      self->columns[f] = append_column (self, _(field_titles[f]), G_CALLBACK (setup_field_cb),
                                        G_CALLBACK (bind_field_cb), GINT_TO_POINTER (f));
      /* The title and summary take the room there is. */
      gtk_column_view_column_set_expand (self->columns[f], f == CHRONICLE_IMPORT_FIELD_TITLE ||
                                                           f == CHRONICLE_IMPORT_FIELD_SUMMARY);
    }
}

static void
open_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ChronicleColumnsDialog *self = CHRONICLE_COLUMNS_DIALOG (widget);

  if (self->mapping == NULL || get_chosen_column (self, CHRONICLE_IMPORT_FIELD_DATE) < 0)
    return;
  g_object_ref (self);
  g_signal_emit (self, signals[COLUMNS_CHOSEN], 0, self->mapping);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
chronicle_columns_dialog_dispose (GObject *object)
{
  ChronicleColumnsDialog *self = CHRONICLE_COLUMNS_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_COLUMNS_DIALOG);

  G_OBJECT_CLASS (chronicle_columns_dialog_parent_class)->dispose (object);
}

static void
chronicle_columns_dialog_finalize (GObject *object)
{
  ChronicleColumnsDialog *self = CHRONICLE_COLUMNS_DIALOG (object);

  g_clear_object (&self->file);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->data, g_free);
  g_clear_pointer (&self->guess, chronicle_import_preview_free);
  g_clear_pointer (&self->mapping, g_hash_table_unref);
  g_clear_pointer (&self->initial, g_hash_table_unref);

  G_OBJECT_CLASS (chronicle_columns_dialog_parent_class)->finalize (object);
}

static void
chronicle_columns_dialog_class_init (ChronicleColumnsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const row_names[CHRONICLE_IMPORT_N_FIELDS] = {
    "date_row", "end_row", "title_row", "summary_row", "category_row", "actors_row", "location_row",
    "source_row",
  };

  object_class->dispose = chronicle_columns_dialog_dispose;
  object_class->finalize = chronicle_columns_dialog_finalize;

  /**
   * ChronicleColumnsDialog::columns-chosen:
   * @self: the dialog
   * @mapping: (type GHashTable): the columns chosen, as
   *   chronicle_import_parse_columns() makes them
   *
   * Open was pressed; the dialog closes right after.
   */
  signals[COLUMNS_CHOSEN] = g_signal_new ("columns-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_HASH_TABLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chronicle_app/Chronicle/ui/chronicle-columns-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleColumnsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChronicleColumnsDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleColumnsDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleColumnsDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ChronicleColumnsDialog, preview_view);
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    gtk_widget_class_bind_template_child_full (widget_class, row_names[f], FALSE,
                                               G_STRUCT_OFFSET (ChronicleColumnsDialog, field_rows) +
                                               f * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, on_field_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "columns.open", NULL, open_action_cb);
  gtk_widget_class_install_action (widget_class, "columns.cancel", NULL, cancel_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "columns.cancel", NULL);
}

static void
chronicle_columns_dialog_init (ChronicleColumnsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (CHRONICLE_TYPE_COLUMNS_ROW);
  make_preview_columns (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "columns.open", FALSE);
  gtk_label_set_text (self->status_label, _("Reading the spreadsheet…"));
}

/**
 * chronicle_columns_dialog_new:
 * @parent: the window the file was opened in
 * @file: a spreadsheet
 * @columns: (nullable): the columns @file was read with (as
 *   chronicle_import_parse_columns() makes them), to start from
 * @recognised: whether @file's columns were recognised: it is open, and
 *   the user wants to read it with other columns
 *
 * Returns: (transfer none): the dialog, which reads the start of @file
 *   in the background; present it
 */
GtkWidget *
chronicle_columns_dialog_new (GtkWindow  *parent,
                              GFile      *file,
                              GHashTable *columns,
                              gboolean    recognised)
{
  ChronicleColumnsDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CHRONICLE_TYPE_COLUMNS_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->initial = columns != NULL ? g_hash_table_ref (columns) : NULL;
  if (recognised)
    gtk_label_set_text (self->intro_label, _("Choose the column that holds each field: the preview shows what "
                                             "the first rows become. Open reads the file again with them."));
  name = g_file_get_basename (file);
  display = name != NULL ? g_filename_display_name (name) : g_strdup ("");
  g_free (name);
  name = chronicle_text_escape_line (display, 0);
  adw_window_title_set_subtitle (self->window_title, name);

  self->cancellable = g_cancellable_new ();
  g_file_load_partial_contents_async (file, self->cancellable, read_more_cb, on_file_read_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

GFile *
chronicle_columns_dialog_get_file (ChronicleColumnsDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_DIALOG (self), NULL);

  return self->file;
}

gboolean
chronicle_columns_dialog_get_ready (ChronicleColumnsDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_DIALOG (self), FALSE);

  return self->guess != NULL;
}

AdwComboRow *
chronicle_columns_dialog_get_field_row (ChronicleColumnsDialog *self,
                                        ChronicleImportField    field)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_DIALOG (self), NULL);
  g_return_val_if_fail (field < CHRONICLE_IMPORT_N_FIELDS, NULL);

  return self->field_rows[field];
}

GListModel *
chronicle_columns_dialog_get_preview (ChronicleColumnsDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_DIALOG (self), NULL);

  return G_LIST_MODEL (self->rows);
}

const char *
chronicle_columns_dialog_get_status (ChronicleColumnsDialog *self)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_DIALOG (self), NULL);

  return gtk_label_get_text (self->status_label);
}
