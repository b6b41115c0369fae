/* chronicle-properties-dialog.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-properties-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-properties-dialog.h"

#include "chronicle-label-text-private.h"
#include "chronicle-text-private.h"

/* A new category takes the first of these (GNOME's palette) that no
 * category has yet, so it stands out on the chart. */
static const char * const new_category_colors[] = {
  "#3584e4", "#33d17a", "#f6d32d", "#ff7800", "#e01b24", "#9141ac", "#986a44", "#2190a4",
};

struct _ChroniclePropertiesDialog
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwEntryRow          *title_row;
  AdwEntryRow          *description_row;
  AdwPreferencesGroup  *categories_group;
  AdwPreferencesGroup  *eras_group;
  AdwPreferencesGroup  *sources_group;

  /* owned */
  ChronicleDocument    *document;
  GPtrArray            *rows;          /* the rows made for the items, to remove them */
  guint                 refresh_idle;
};

G_DEFINE_FINAL_TYPE (ChroniclePropertiesDialog, chronicle_properties_dialog, ADW_TYPE_PREFERENCES_WINDOW)

typedef enum
{
  ITEM_CATEGORY,
  ITEM_ERA,
  ITEM_SOURCE,
} ItemKind;

/* What a row's handlers change: one item of the timeline, by id. The
 * widgets of the row hold the fields; the handlers read them all. */
typedef struct
{
  ChroniclePropertiesDialog *dialog;  /* borrowed: the rows die first */
  ItemKind                   kind;
  char                      *id;
  GtkWidget                 *fields[4];  /* AdwEntryRow, or GtkColorButton for a colour */
} Item;

static void
item_free (gpointer data,
           GClosure *closure)
{
  Item *item = data;

  g_free (item->id);
  g_free (item);
}

static void schedule_refresh (ChroniclePropertiesDialog *self);

static ChronicleTimeline *
get_timeline (ChroniclePropertiesDialog *self)
{
  return chronicle_document_get_timeline (self->document);
}

static void
show_error (ChroniclePropertiesDialog *self,
            const GError              *error)
{
  g_autofree char *markup = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_timeout (toast, 8);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* The text of an entry row, NULL when empty. */
static const char *
row_text (GtkWidget *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text[0] != '\0' ? text : NULL;
}

/* Reads a date from @row (empty: none, when @optional). Marks the row
 * and says why when it is not one. */
static gboolean
read_date (ChroniclePropertiesDialog *self,
           GtkWidget                 *row,
           gboolean                   optional,
           ChronicleDate             *date,
           gboolean                  *has_date)
{
  const char *text = row_text (row);
  g_autoptr(GError) error = NULL;

  *has_date = FALSE;
  gtk_widget_remove_css_class (row, "error");
  if (text == NULL && optional)
    return TRUE;
  if (text == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("An era needs a start date, such as 2025-05-16"));
    }
  else if (!chronicle_date_parse (text, date, &error))
    {
      g_autofree char *shown = chronicle_text_escape_line (text, CHRONICLE_TEXT_MAX_TITLE);
      g_autofree char *message = NULL;

      /* Translators: %s is the text typed; the parser's reason follows */
      message = g_strdup_printf (_("“%s” is not a date: %s"), shown, error->message);
      g_clear_error (&error);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
    }
  if (error != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      show_error (self, error);
      return FALSE;
    }

  *has_date = TRUE;
  return TRUE;
}

static char *
dup_color (GtkWidget *button)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  return g_strdup_printf ("#%02x%02x%02x",
                          (int) (CLAMP (rgba.red, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba.green, 0, 1) * 255 + 0.5),
                          (int) (CLAMP (rgba.blue, 0, 1) * 255 + 0.5));
}

/* Puts the item as its row shows it: one step of the document's history. */
static void
apply_item (Item *item)
{
  ChroniclePropertiesDialog *self = item->dialog;
  g_autoptr(GError) error = NULL;
  ChronicleDate start, end, published;
  gboolean has_start, has_end, has_published;
  gboolean ok = FALSE;

  switch (item->kind)
    {
    case ITEM_CATEGORY:
      {
        g_autofree char *color = dup_color (item->fields[1]);
        g_autoptr(ChronicleCategory) category = chronicle_category_new (item->id, row_text (item->fields[0]), color);

        ok = chronicle_document_put_category (self->document, category, &error);
      }
      break;

    case ITEM_ERA:
      if (read_date (self, item->fields[1], FALSE, &start, &has_start) &&
          read_date (self, item->fields[2], TRUE, &end, &has_end))
        {
          g_autoptr(ChronicleEra) era = chronicle_era_new (item->id, row_text (item->fields[0]),
                                                           &start, has_end ? &end : NULL);

          ok = chronicle_document_put_era (self->document, era, &error);
        }
      else
        return;
      break;

    case ITEM_SOURCE:
      if (read_date (self, item->fields[3], TRUE, &published, &has_published))
        {
          g_autoptr(ChronicleSource) source = chronicle_source_new (item->id,
                                                                    row_text (item->fields[0]),
                                                                    row_text (item->fields[1]),
                                                                    row_text (item->fields[2]),
                                                                    has_published ? &published : NULL);

          ok = chronicle_document_put_source (self->document, source, &error);
        }
      else
        return;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    show_error (self, error);
  schedule_refresh (self);
}

static void
on_item_apply_cb (GtkWidget *widget,
                  Item      *item)
{
  apply_item (item);
}

static void
on_item_remove_clicked_cb (GtkButton *button,
                           Item      *item)
{
  ChroniclePropertiesDialog *self = item->dialog;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (item->kind)
    {
    case ITEM_CATEGORY:
      ok = chronicle_document_remove_category (self->document, item->id, &error);
      break;

    case ITEM_ERA:
      ok = chronicle_document_remove_era (self->document, item->id, &error);
      break;

    case ITEM_SOURCE:
      ok = chronicle_document_remove_source (self->document, item->id, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    show_error (self, error);
  schedule_refresh (self);
}

static GtkWidget *
new_entry_row (const char *title,
               const char *text,
               Item       *item)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect (row, "apply", G_CALLBACK (on_item_apply_cb), item);

  return row;
}

static GtkWidget *
new_remove_button (const char *label,
                   Item       *item)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  /* The item lives as long as this handler: with the row. */
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_item_remove_clicked_cb), item, item_free, 0);

  return button;
}

static void
add_row (ChroniclePropertiesDialog *self,
         AdwPreferencesGroup       *group,
         GtkWidget                 *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static Item *
item_new (ChroniclePropertiesDialog *self,
          ItemKind                   kind,
          const char                *id)
{
  Item *item = g_new0 (Item, 1);

  item->dialog = self;
  item->kind = kind;
  item->id = g_strdup (id);
  return item;
}

/* Label and colour on one row; the colour applies when picked. */
static void
add_category_row (ChroniclePropertiesDialog *self,
                  ChronicleCategory         *category)
{
  Item *item = item_new (self, ITEM_CATEGORY, chronicle_category_get_id (category));
  GtkWidget *row = new_entry_row (_("Label"), chronicle_category_get_label (category), item);
  GtkWidget *color = gtk_color_button_new ();
  double red, green, blue;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Category"));
  if (chronicle_category_get_rgb (category, &red, &green, &blue))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &(GdkRGBA) { red, green, blue, 1.0 });
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (color), FALSE);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, _("Colour"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (color), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Colour"), -1);
  g_signal_connect (color, "color-set", G_CALLBACK (on_item_apply_cb), item);
  item->fields[0] = row;
  item->fields[1] = color;

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), color);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), new_remove_button (_("Remove the Category"), item));
  add_row (self, self->categories_group, row);
}

static char *
dup_date_text (const ChronicleDate *date)
{
  return date != NULL ? chronicle_date_to_iso (date) : NULL;
}

/* An expander titled by the label, with a row for each field. */
static void
add_era_row (ChroniclePropertiesDialog *self,
             ChronicleEra              *era)
{
  Item *item = item_new (self, ITEM_ERA, chronicle_era_get_id (era));
  g_autofree char *start = dup_date_text (chronicle_era_get_start (era));
  g_autofree char *end = dup_date_text (chronicle_era_get_end (era));
  g_autofree char *range = NULL;
  const char *label = chronicle_era_get_label (era);
  GtkWidget *expander = adw_expander_row_new ();

  if (chronicle_era_get_end (era) != NULL)
    range = chronicle_date_format_range (chronicle_era_get_start (era), chronicle_era_get_end (era));
  else
    {
      g_autofree char *start_text = chronicle_date_format (chronicle_era_get_start (era));

      /* Translators: an era that has not ended; %s is its start date */
      range = g_strdup_printf (_("Since %s"), start_text);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 label != NULL && label[0] != '\0' ? label : _("Unnamed Era"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), range != NULL ? range : "");
  item->fields[0] = new_entry_row (_("Label"), label, item);
  item->fields[1] = new_entry_row (_("Start"), start, item);
  item->fields[2] = new_entry_row (_("End (empty: ongoing)"), end, item);
  for (guint i = 0; i < 3; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), item->fields[i]);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), new_remove_button (_("Remove the Era"), item));
  add_row (self, self->eras_group, expander);
}

static void
add_source_row (ChroniclePropertiesDialog *self,
                ChronicleSource           *source)
{
  Item *item = item_new (self, ITEM_SOURCE, chronicle_source_get_id (source));
  g_autofree char *published = dup_date_text (chronicle_source_get_published (source));
  const char *name = chronicle_source_get_name (source, NULL);
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name != NULL ? name : _("Unnamed Source"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 chronicle_source_get_url (source) != NULL ? chronicle_source_get_url (source) : "");
  item->fields[0] = new_entry_row (_("Publisher"), chronicle_source_get_publisher (source), item);
  item->fields[1] = new_entry_row (_("Title"), chronicle_source_get_title (source), item);
  item->fields[2] = new_entry_row (_("Address"), chronicle_source_get_url (source), item);
  item->fields[3] = new_entry_row (_("Date"), published, item);
  for (guint i = 0; i < 4; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), item->fields[i]);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), new_remove_button (_("Remove the Source"), item));
  add_row (self, self->sources_group, expander);
}

/* Shows the timeline as the document has it now. */
static void
refresh (ChroniclePropertiesDialog *self)
{
  ChronicleTimeline *timeline = get_timeline (self);
  GListModel *model;
  const char *description;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (timeline == NULL)
    return;

  description = chronicle_timeline_get_description (timeline);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         chronicle_timeline_get_title (timeline) != NULL ? chronicle_timeline_get_title (timeline) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description != NULL ? description : "");

  model = chronicle_timeline_get_categories (timeline);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (model, i);

      add_category_row (self, category);
    }
  model = chronicle_timeline_get_eras (timeline);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (model, i);

      add_era_row (self, era);
    }
  model = chronicle_timeline_get_sources (timeline);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (model, i);

      add_source_row (self, source);
    }
}

static gboolean
refresh_cb (gpointer data)
{
  ChroniclePropertiesDialog *self = data;

  self->refresh_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* After a step of the history (ours, or one undone): never from inside
 * the handler of a row that the refresh removes. */
static void
schedule_refresh (ChroniclePropertiesDialog *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_cb, self);
}

static void
on_title_row_apply_cb (ChroniclePropertiesDialog *self)
{
  chronicle_document_set_timeline_title (self->document, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_description_row_apply_cb (ChroniclePropertiesDialog *self)
{
  chronicle_document_set_timeline_description (self->document, row_text (GTK_WIDGET (self->description_row)));
}

/* An id for a new item that no other of its list has: "category-3". */
static char *
dup_free_id (GListModel  *model,
             const char  *prefix,
             const char *(*get_id) (gpointer item))
{
  for (guint n = g_list_model_get_n_items (model) + 1;; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", prefix, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (model) && !taken; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (model, i);

          taken = g_strcmp0 (get_id (item), id) == 0;
        }
      if (!taken)
        return g_steal_pointer (&id);
    }
}

static const char *
pick_new_color (ChroniclePropertiesDialog *self)
{
  GListModel *categories = chronicle_timeline_get_categories (get_timeline (self));

  for (guint i = 0; i < G_N_ELEMENTS (new_category_colors); i++)
    {
      gboolean used = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (categories) && !used; j++)
        {
          g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, j);

          used = g_ascii_strcasecmp (chronicle_category_get_color (category) != NULL
                                     ? chronicle_category_get_color (category) : "",
                                     new_category_colors[i]) == 0;
        }
      if (!used)
        return new_category_colors[i];
    }

  return new_category_colors[0];
}

static void
add_category_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ChroniclePropertiesDialog *self = CHRONICLE_PROPERTIES_DIALOG (widget);
  g_autofree char *id = dup_free_id (chronicle_timeline_get_categories (get_timeline (self)), "category",
                                     (const char *(*) (gpointer)) chronicle_category_get_id);
  g_autoptr(ChronicleCategory) category = chronicle_category_new (id, _("New Category"), pick_new_color (self));
  g_autoptr(GError) error = NULL;

  if (!chronicle_document_put_category (self->document, category, &error))
    show_error (self, error);
  schedule_refresh (self);
}

/* A new era starts at the timeline's first event (today without one). */
static void
get_new_era_start (ChroniclePropertiesDialog *self,
                   ChronicleDate             *date)
{
  ChronicleTimeline *timeline = get_timeline (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (chronicle_timeline_get_n_events (timeline) > 0)
    *date = *chronicle_timeline_get_event_date (timeline, 0);
  else
    chronicle_date_init (date, CHRONICLE_DATE_PRECISION_DAY, g_date_time_get_year (now),
                         g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0, NULL);
}

static void
add_era_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ChroniclePropertiesDialog *self = CHRONICLE_PROPERTIES_DIALOG (widget);
  g_autofree char *id = dup_free_id (chronicle_timeline_get_eras (get_timeline (self)), "era",
                                     (const char *(*) (gpointer)) chronicle_era_get_id);
  g_autoptr(ChronicleEra) era = NULL;
  g_autoptr(GError) error = NULL;
  ChronicleDate start;

  get_new_era_start (self, &start);
  era = chronicle_era_new (id, _("New Era"), &start, NULL);
  if (!chronicle_document_put_era (self->document, era, &error))
    show_error (self, error);
  schedule_refresh (self);
}

static void
add_source_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ChroniclePropertiesDialog *self = CHRONICLE_PROPERTIES_DIALOG (widget);
  g_autofree char *id = dup_free_id (chronicle_timeline_get_sources (get_timeline (self)), "source",
                                     (const char *(*) (gpointer)) chronicle_source_get_id);
  g_autoptr(ChronicleSource) source = chronicle_source_new (id, _("New Source"), NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;

  if (!chronicle_document_put_source (self->document, source, &error))
    show_error (self, error);
  schedule_refresh (self);
}

static void
chronicle_properties_dialog_dispose (GObject *object)
{
  ChroniclePropertiesDialog *self = CHRONICLE_PROPERTIES_DIALOG (object);

  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_PROPERTIES_DIALOG);

  G_OBJECT_CLASS (chronicle_properties_dialog_parent_class)->dispose (object);
}

static void
chronicle_properties_dialog_class_init (ChroniclePropertiesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_properties_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-properties-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChroniclePropertiesDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePropertiesDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePropertiesDialog, categories_group);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePropertiesDialog, eras_group);
  gtk_widget_class_bind_template_child (widget_class, ChroniclePropertiesDialog, sources_group);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_description_row_apply_cb);

  gtk_widget_class_install_action (widget_class, "properties.add-category", NULL, add_category_action_cb);
  gtk_widget_class_install_action (widget_class, "properties.add-era", NULL, add_era_action_cb);
  gtk_widget_class_install_action (widget_class, "properties.add-source", NULL, add_source_action_cb);
}

static void
chronicle_properties_dialog_init (ChroniclePropertiesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_unname_stack_pages (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * chronicle_properties_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @document: the document whose timeline it edits
 *
 * Returns: (transfer none): a new dialog
 */
GtkWidget *
chronicle_properties_dialog_new (GtkWindow         *parent,
                                 ChronicleDocument *document)
{
  ChroniclePropertiesDialog *self;

  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (document), NULL);

  self = g_object_new (CHRONICLE_TYPE_PROPERTIES_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->document = g_object_ref (document);
  /* Each step of the history, ours or one undone, changes the labels. */
  g_signal_connect_object (document, "notify::undo-label", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::redo-label", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::timeline", G_CALLBACK (schedule_refresh), self,
                           G_CONNECT_SWAPPED);
  refresh (self);

  return GTK_WIDGET (self);
}
