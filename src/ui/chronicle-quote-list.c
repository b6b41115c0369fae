/* chronicle-quote-list.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-quote-list"

#include "config.h"

#include "chronicle-quote-list.h"

/*
 * ChronicleQuoteList:
 *
 * The quotes of one event as a `GListModel` of `ChronicleQuote`, read from
 * the event when asked: changing the event costs the same for 100 000
 * quotes as for one (a `GListStore` filled with them took a quarter of a
 * second), and a list view over it makes rows for what is on screen.
 */
struct _ChronicleQuoteList
{
  GObject         parent_instance;

  ChronicleEvent *event;  /* owned, nullable */
};

static void chronicle_quote_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronicleQuoteList, chronicle_quote_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, chronicle_quote_list_model_init))

static GType
chronicle_quote_list_get_item_type (GListModel *model)
{
  return CHRONICLE_TYPE_QUOTE;
}

static guint
chronicle_quote_list_get_n_items (GListModel *model)
{
  ChronicleQuoteList *self = CHRONICLE_QUOTE_LIST (model);

  return self->event != NULL ? chronicle_event_get_n_quotes (self->event) : 0;
}

static gpointer
chronicle_quote_list_get_item (GListModel *model,
                               guint       position)
{
  ChronicleQuoteList *self = CHRONICLE_QUOTE_LIST (model);

  if (self->event == NULL || position >= chronicle_event_get_n_quotes (self->event))
    return NULL;

  return g_object_ref (chronicle_event_get_quote (self->event, position));
}

static void
chronicle_quote_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = chronicle_quote_list_get_item_type;
  iface->get_n_items = chronicle_quote_list_get_n_items;
  iface->get_item = chronicle_quote_list_get_item;
}

static void
chronicle_quote_list_dispose (GObject *object)
{
  ChronicleQuoteList *self = CHRONICLE_QUOTE_LIST (object);

  g_clear_object (&self->event);

  G_OBJECT_CLASS (chronicle_quote_list_parent_class)->dispose (object);
}

static void
chronicle_quote_list_class_init (ChronicleQuoteListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = chronicle_quote_list_dispose;
}

static void
chronicle_quote_list_init (ChronicleQuoteList *self)
{
}

ChronicleQuoteList *
chronicle_quote_list_new (void)
{
  return g_object_new (CHRONICLE_TYPE_QUOTE_LIST, NULL);
}

/**
 * chronicle_quote_list_get_event:
 * @self: a `ChronicleQuoteList`
 *
 * Returns: (transfer none) (nullable): the event whose quotes are listed
 */
ChronicleEvent *
chronicle_quote_list_get_event (ChronicleQuoteList *self)
{
  g_return_val_if_fail (CHRONICLE_IS_QUOTE_LIST (self), NULL);

  return self->event;
}

/**
 * chronicle_quote_list_set_event:
 * @self: a `ChronicleQuoteList`
 * @event: (nullable): the event whose quotes to list
 *
 * An event's quotes do not change once loaded (a reload makes new events),
 * so the list follows only this.
 */
void
chronicle_quote_list_set_event (ChronicleQuoteList *self,
                                ChronicleEvent     *event)
{
  guint removed, added;

  g_return_if_fail (CHRONICLE_IS_QUOTE_LIST (self));
  g_return_if_fail (event == NULL || CHRONICLE_IS_EVENT (event));

  if (self->event == event)
    return;

  removed = chronicle_quote_list_get_n_items (G_LIST_MODEL (self));
  g_set_object (&self->event, event);
  added = chronicle_quote_list_get_n_items (G_LIST_MODEL (self));

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
}
