/* chronicle-string-array-list.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-string-array-list"

#include "config.h"

#include "chronicle-string-array-list.h"

/*
 * ChronicleStringArrayList:
 *
 * A `GListModel` of `GtkStringObject` over an array of strings it shares
 * (a reference, not a copy), the objects made when asked: 100 000 load
 * warnings cost a list view what it shows. `GtkStringList` (GTK 4.8)
 * copies every string and makes every object up front.
 */
struct _ChronicleStringArrayList
{
  GObject    parent_instance;

  GPtrArray *strings;  /* owned reference; of char *, not changed */
};

static void chronicle_string_array_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronicleStringArrayList, chronicle_string_array_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, chronicle_string_array_list_model_init))

static GType
chronicle_string_array_list_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
chronicle_string_array_list_get_n_items (GListModel *model)
{
  ChronicleStringArrayList *self = CHRONICLE_STRING_ARRAY_LIST (model);

  /* A NULL-terminated array's length does not count the NULL. */
  return self->strings->len;
}

static gpointer
chronicle_string_array_list_get_item (GListModel *model,
                                      guint       position)
{
  ChronicleStringArrayList *self = CHRONICLE_STRING_ARRAY_LIST (model);

  if (position >= chronicle_string_array_list_get_n_items (model))
    return NULL;

  return gtk_string_object_new (g_ptr_array_index (self->strings, position));
}

static void
chronicle_string_array_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = chronicle_string_array_list_get_item_type;
  iface->get_n_items = chronicle_string_array_list_get_n_items;
  iface->get_item = chronicle_string_array_list_get_item;
}

static void
chronicle_string_array_list_finalize (GObject *object)
{
  ChronicleStringArrayList *self = CHRONICLE_STRING_ARRAY_LIST (object);

  g_clear_pointer (&self->strings, g_ptr_array_unref);

  G_OBJECT_CLASS (chronicle_string_array_list_parent_class)->finalize (object);
}

static void
chronicle_string_array_list_class_init (ChronicleStringArrayListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chronicle_string_array_list_finalize;
}

static void
chronicle_string_array_list_init (ChronicleStringArrayList *self)
{
}

/**
 * chronicle_string_array_list_new:
 * @strings: an array of strings, not to be changed while the list exists
 *
 * Returns: (transfer full): a list of @strings, holding a reference on it
 */
ChronicleStringArrayList *
chronicle_string_array_list_new (GPtrArray *strings)
{
  ChronicleStringArrayList *self;

  g_return_val_if_fail (strings != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_STRING_ARRAY_LIST, NULL);
  self->strings = g_ptr_array_ref (strings);

  return self;
}
