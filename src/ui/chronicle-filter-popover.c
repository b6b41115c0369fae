/* chronicle-filter-popover.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-filter-popover"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chronicle-label-text-private.h"
#include "chronicle-filter-popover.h"

#include "chronicle-category-color.h"
#include "chronicle-style.h"
#include "chronicle-text-private.h"

/* Actors beyond this many (the least frequent) are not offered: a menu of
 * hundreds of check buttons helps nobody. */
#define MAX_ACTORS 60

typedef enum
{
  KIND_CATEGORY,
  KIND_ACTOR,
  KIND_SOURCE,
} ChoiceKind;

static const char * const kind_names[] = { "category", "actor", "source" };

typedef struct
{
  ChoiceKind      kind;
  char           *id;      /* NULL: no category */
  GtkCheckButton *check;   /* borrowed: owned by sections_box */
  GtkLabel       *dot;     /* borrowed: inside check; the colour of a category, else NULL */
} Choice;

struct _ChronicleFilterPopover
{
  GtkPopover         parent_instance;

  /* template widgets */
  GtkWidget         *show_all_button;
  GtkBox            *sections_box;

  /* owned */
  ChronicleFilter   *filter;
  ChronicleTimeline *timeline;
  GPtrArray         *choices;  /* of Choice */

  gboolean           syncing;  /* setting the buttons from the filter */
  gboolean           stale;    /* the choices are for another timeline */
};

G_DEFINE_FINAL_TYPE (ChronicleFilterPopover, chronicle_filter_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_TIMELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
choice_free (Choice *choice)
{
  g_free (choice->id);
  g_free (choice);
}

static gboolean
get_choice_active (ChronicleFilterPopover *self,
                   const Choice           *choice)
{
  switch (choice->kind)
    {
    case KIND_CATEGORY:
      return !chronicle_filter_get_category_hidden (self->filter, choice->id);
    case KIND_ACTOR:
      return chronicle_filter_get_actor_required (self->filter, choice->id);
    case KIND_SOURCE:
      return chronicle_filter_get_source_required (self->filter, choice->id);
    default:
      g_assert_not_reached ();
    }
}

static void
sync_from_filter (ChronicleFilterPopover *self)
{
  gboolean active = self->filter != NULL && chronicle_filter_is_active (self->filter);

  gtk_widget_set_sensitive (self->show_all_button, active);
  if (self->filter == NULL)
    return;

  self->syncing = TRUE;
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      gtk_check_button_set_active (choice->check, get_choice_active (self, choice));
    }
  self->syncing = FALSE;
}

static void
on_filter_changed_cb (ChronicleFilterPopover *self)
{
  sync_from_filter (self);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     Choice         *choice)
{
  ChronicleFilterPopover *self;
  gboolean active = gtk_check_button_get_active (check);

  self = CHRONICLE_FILTER_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (check), CHRONICLE_TYPE_FILTER_POPOVER));
  if (self == NULL || self->syncing || self->filter == NULL)
    return;

  switch (choice->kind)
    {
    case KIND_CATEGORY:
      chronicle_filter_set_category_hidden (self->filter, choice->id, !active);
      break;
    case KIND_ACTOR:
      chronicle_filter_set_actor_required (self->filter, choice->id, active);
      break;
    case KIND_SOURCE:
      chronicle_filter_set_source_required (self->filter, choice->id, active);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_show_all_clicked_cb (ChronicleFilterPopover *self)
{
  if (self->filter != NULL)
    chronicle_filter_reset (self->filter);
}

static void
add_heading (ChronicleFilterPopover *self,
             const char             *title,
             const char             *hint)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, self->choices->len > 0 ? 12 : 6);
  gtk_box_append (self->sections_box, label);

  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_xalign (GTK_LABEL (hint_label), 0);
      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (hint_label), 36);
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_box_append (self->sections_box, hint_label);
    }
}

static char *
dup_color_markup (const ChronicleColor *color)
{
  return g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                          (guint) CLAMP (color->red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (color->green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (color->blue * 255 + 0.5, 0, 255));
}

static void
add_choice (ChronicleFilterPopover *self,
            ChoiceKind              kind,
            const ChronicleFacet   *facet)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Labels (categories, actors, places) are file text: cut, cleaned. */
  g_autofree char *shown = chronicle_text_for_display (facet->label, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  GtkWidget *label = gtk_label_new (shown);
  g_autofree char *count = g_strdup_printf ("%u", facet->n_events);
  GtkWidget *count_label = gtk_label_new (count);
  Choice *choice = g_new0 (Choice, 1);

  /* Categories get a dot in their chart colour; update_dots() paints it. */
  if (kind == KIND_CATEGORY)
    {
      GtkWidget *dot = gtk_label_new (NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (dot), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_set_visible (dot, TRUE);
      gtk_box_append (GTK_BOX (box), dot);
      choice->dot = GTK_LABEL (dot);
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  if (facet->detail != NULL)
    {
      g_autofree char *detail = chronicle_text_for_display (facet->detail, CHRONICLE_TEXT_MAX_TITLE, FALSE);

      gtk_widget_set_tooltip_text (check, detail);
    }
  gtk_box_append (GTK_BOX (box), label);

  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), count_label);

  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  /* The check button reads its label from the child for screen readers. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  choice->kind = kind;
  choice->id = g_strdup (facet->id);
  choice->check = GTK_CHECK_BUTTON (check);
  g_ptr_array_add (self->choices, choice);

  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), choice);
  gtk_box_append (self->sections_box, check);
}

/* Colours the category dots as the chart colours the categories, in the
 * current light or dark palette. */
static void
update_dots (ChronicleFilterPopover *self)
{
  g_auto(ChronicleStyle) style = { 0, };

  if (self->timeline == NULL)
    return;

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    chronicle_style_init_dark (&style);
  else
    chronicle_style_init_light (&style);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);
      g_autofree char *markup = NULL;
      ChronicleColor color;

      if (choice->dot == NULL)
        continue;

      /* "No category" (id NULL) has index G_MAXUINT: the palette's grey. */
      chronicle_style_category_color (&style, self->timeline,
                                      chronicle_timeline_get_category_index (self->timeline, choice->id),
                                      &color);
      markup = dup_color_markup (&color);
      gtk_label_set_markup (choice->dot, markup);
    }
}

static void
on_style_manager_dark_changed_cb (ChronicleFilterPopover *self)
{
  update_dots (self);
}

static void
rebuild (ChronicleFilterPopover *self)
{
  GtkWidget *child;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) sources = NULL;

  self->stale = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sections_box))) != NULL)
    gtk_box_remove (self->sections_box, child);
  g_ptr_array_set_size (self->choices, 0);

  if (self->timeline == NULL)
    return;

  categories = chronicle_facets_list_categories (self->timeline);
  if (categories->len > 0)
    {
      add_heading (self, _("Categories"), NULL);
      for (guint i = 0; i < categories->len; i++)
        add_choice (self, KIND_CATEGORY, g_ptr_array_index (categories, i));
    }

  actors = chronicle_facets_list_actors (self->timeline);
  if (actors->len > 0)
    {
      add_heading (self, _("Actors"), _("Only events with one of the checked actors"));
      for (guint i = 0; i < actors->len && i < MAX_ACTORS; i++)
        add_choice (self, KIND_ACTOR, g_ptr_array_index (actors, i));
    }

  sources = chronicle_facets_list_sources (self->timeline);
  if (sources->len > 0)
    {
      add_heading (self, _("Sources"), _("Only events reported by one of the checked sources"));
      for (guint i = 0; i < sources->len; i++)
        add_choice (self, KIND_SOURCE, g_ptr_array_index (sources, i));
    }

  update_dots (self);
  sync_from_filter (self);
}

/* The choices count every event (some 60 ms for 100 000): made when the
 * popover is first shown with a timeline, not when a file opens. */
static void
ensure_choices (ChronicleFilterPopover *self)
{
  if (self->stale)
    rebuild (self);
}

static void
chronicle_filter_popover_show (GtkWidget *widget)
{
  ensure_choices (CHRONICLE_FILTER_POPOVER (widget));

  GTK_WIDGET_CLASS (chronicle_filter_popover_parent_class)->show (widget);
}

static void
chronicle_filter_popover_dispose (GObject *object)
{
  ChronicleFilterPopover *self = CHRONICLE_FILTER_POPOVER (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed_cb, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->timeline);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHRONICLE_TYPE_FILTER_POPOVER);

  G_OBJECT_CLASS (chronicle_filter_popover_parent_class)->dispose (object);
}

static void
chronicle_filter_popover_finalize (GObject *object)
{
  ChronicleFilterPopover *self = CHRONICLE_FILTER_POPOVER (object);

  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_filter_popover_parent_class)->finalize (object);
}

static void
chronicle_filter_popover_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  ChronicleFilterPopover *self = CHRONICLE_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, chronicle_filter_popover_get_filter (self));
      break;

    case PROP_TIMELINE:
      g_value_set_object (value, chronicle_filter_popover_get_timeline (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_filter_popover_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  ChronicleFilterPopover *self = CHRONICLE_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      chronicle_filter_popover_set_filter (self, g_value_get_object (value));
      break;

    case PROP_TIMELINE:
      chronicle_filter_popover_set_timeline (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_filter_popover_class_init (ChronicleFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chronicle_filter_popover_dispose;
  object_class->finalize = chronicle_filter_popover_finalize;
  object_class->get_property = chronicle_filter_popover_get_property;
  object_class->set_property = chronicle_filter_popover_set_property;

  widget_class->show = chronicle_filter_popover_show;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         CHRONICLE_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMELINE] =
    g_param_spec_object ("timeline", NULL, NULL,
                         CHRONICLE_TYPE_TIMELINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/chronicle-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ChronicleFilterPopover, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, ChronicleFilterPopover, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_show_all_clicked_cb);
}

static void
chronicle_filter_popover_init (ChronicleFilterPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chronicle_accessible_name_text_buttons (GTK_WIDGET (self));

  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) choice_free);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_manager_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
chronicle_filter_popover_new (void)
{
  return g_object_new (CHRONICLE_TYPE_FILTER_POPOVER, NULL);
}

/* Returns: (transfer none) (nullable): the filter the buttons change */
ChronicleFilter *
chronicle_filter_popover_get_filter (ChronicleFilterPopover *self)
{
  g_return_val_if_fail (CHRONICLE_IS_FILTER_POPOVER (self), NULL);

  return self->filter;
}

void
chronicle_filter_popover_set_filter (ChronicleFilterPopover *self,
                                     ChronicleFilter        *filter)
{
  g_return_if_fail (CHRONICLE_IS_FILTER_POPOVER (self));
  g_return_if_fail (filter == NULL || CHRONICLE_IS_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed_cb, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "changed", G_CALLBACK (on_filter_changed_cb), self, G_CONNECT_SWAPPED);

  sync_from_filter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/* Returns: (transfer none) (nullable): the timeline offered */
ChronicleTimeline *
chronicle_filter_popover_get_timeline (ChronicleFilterPopover *self)
{
  g_return_val_if_fail (CHRONICLE_IS_FILTER_POPOVER (self), NULL);

  return self->timeline;
}

void
chronicle_filter_popover_set_timeline (ChronicleFilterPopover *self,
                                       ChronicleTimeline      *timeline)
{
  g_return_if_fail (CHRONICLE_IS_FILTER_POPOVER (self));
  g_return_if_fail (timeline == NULL || CHRONICLE_IS_TIMELINE (timeline));

  if (!g_set_object (&self->timeline, timeline))
    return;

  self->stale = TRUE;
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMELINE]);
}

/**
 * chronicle_filter_popover_get_check:
 * @kind: "category", "actor" or "source"
 * @id: (nullable): the choice's id; NULL for "No category"
 *
 * Returns: (transfer none) (nullable): its check button
 */
GtkCheckButton *
chronicle_filter_popover_get_check (ChronicleFilterPopover *self,
                                    const char             *kind,
                                    const char             *id)
{
  g_return_val_if_fail (CHRONICLE_IS_FILTER_POPOVER (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  ensure_choices (self);
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = g_ptr_array_index (self->choices, i);

      if (g_strcmp0 (kind_names[choice->kind], kind) == 0 && g_strcmp0 (choice->id, id) == 0)
        return choice->check;
    }

  return NULL;
}
