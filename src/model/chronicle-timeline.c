/* chronicle-timeline.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline"

#include "config.h"

#include "chronicle-timeline.h"

struct _ChronicleTimeline
{
  GObject     parent_instance;

  char       *title;
  char       *description;

  GListStore *sources;          /* of ChronicleSource, file order */
  GListStore *categories;       /* of ChronicleCategory, file order */
  GListStore *eras;             /* of ChronicleEra, file order */
  GHashTable *sources_by_id;    /* id (borrowed) -> ChronicleSource (borrowed) */
  GHashTable *categories_by_id; /* id (borrowed) -> GUINT_TO_POINTER (index + 1) */
  GHashTable *events_by_id;     /* id (borrowed) -> ChronicleEvent (borrowed) */

  /* Events sorted by chronicle_event_compare(), and two parallel arrays
   * for the binary searches, so they touch plain memory instead of
   * dereferencing objects (Unix seconds):
   *   starts[i]   = start time of events[i]
   *   max_ends[i] = largest end time of events[0..i], non-decreasing */
  GPtrArray  *events;
  GArray     *starts;
  GArray     *max_ends;
  gint64      max_duration;     /* longest end - start, seconds */
};

static void chronicle_timeline_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChronicleTimeline, chronicle_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      chronicle_timeline_list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static int
compare_events_indirect (gconstpointer a,
                         gconstpointer b)
{
  return chronicle_event_compare (*(ChronicleEvent **) a, *(ChronicleEvent **) b);
}

/* First index in [0, n) whose value is >= @value in the non-decreasing
 * array @values. */
static guint
search_lower_bound (const gint64 *values,
                    guint         n,
                    gint64        value)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Recomputes max_ends from @position on, after an insertion there. */
static void
update_max_ends (ChronicleTimeline *self,
                 guint              position)
{
  gint64 *max_ends = (gint64 *) (gpointer) self->max_ends->data;
  gint64 running = position > 0 ? max_ends[position - 1] : G_MININT64;

  g_assert (self->max_ends->len == self->events->len);

  for (guint i = position; i < self->events->len; i++)
    {
      running = MAX (running, chronicle_event_get_end_time (g_ptr_array_index (self->events, i)));
      max_ends[i] = running;
    }
}

static void
index_event (ChronicleTimeline *self,
             ChronicleEvent    *event)
{
  gint64 duration = chronicle_event_get_end_time (event) - chronicle_event_get_start_time (event);
  const char *id = chronicle_event_get_id (event);

  self->max_duration = MAX (self->max_duration, duration);

  /* Ids are unique in valid files (the loader checks); keep the first. */
  if (!g_hash_table_contains (self->events_by_id, id))
    g_hash_table_insert (self->events_by_id, (gpointer) id, event);
}

static GType
chronicle_timeline_get_item_type (GListModel *model)
{
  return CHRONICLE_TYPE_EVENT;
}

static guint
chronicle_timeline_get_n_items (GListModel *model)
{
  ChronicleTimeline *self = CHRONICLE_TIMELINE (model);

  return self->events->len;
}

static gpointer
chronicle_timeline_get_item (GListModel *model,
                             guint       position)
{
  ChronicleTimeline *self = CHRONICLE_TIMELINE (model);

  if (position >= self->events->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->events, position));
}

static void
chronicle_timeline_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = chronicle_timeline_get_item_type;
  iface->get_n_items = chronicle_timeline_get_n_items;
  iface->get_item = chronicle_timeline_get_item;
}

static void
chronicle_timeline_dispose (GObject *object)
{
  ChronicleTimeline *self = (ChronicleTimeline *) object;

  /* The hash tables borrow ids from the objects: clear them first. */
  g_hash_table_remove_all (self->sources_by_id);
  g_hash_table_remove_all (self->categories_by_id);
  g_hash_table_remove_all (self->events_by_id);

  g_clear_object (&self->sources);
  g_clear_object (&self->categories);
  g_clear_object (&self->eras);
  if (self->events != NULL)
    g_ptr_array_set_size (self->events, 0);

  G_OBJECT_CLASS (chronicle_timeline_parent_class)->dispose (object);
}

static void
chronicle_timeline_finalize (GObject *object)
{
  ChronicleTimeline *self = (ChronicleTimeline *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->sources_by_id, g_hash_table_unref);
  g_clear_pointer (&self->categories_by_id, g_hash_table_unref);
  g_clear_pointer (&self->events_by_id, g_hash_table_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->max_ends, g_array_unref);

  G_OBJECT_CLASS (chronicle_timeline_parent_class)->finalize (object);
}

static void
chronicle_timeline_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChronicleTimeline *self = CHRONICLE_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, chronicle_timeline_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, chronicle_timeline_get_description (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChronicleTimeline *self = CHRONICLE_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      chronicle_timeline_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      chronicle_timeline_set_description (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chronicle_timeline_class_init (ChronicleTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chronicle_timeline_dispose;
  object_class->finalize = chronicle_timeline_finalize;
  object_class->get_property = chronicle_timeline_get_property;
  object_class->set_property = chronicle_timeline_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chronicle_timeline_init (ChronicleTimeline *self)
{
  self->sources = g_list_store_new (CHRONICLE_TYPE_SOURCE);
  self->categories = g_list_store_new (CHRONICLE_TYPE_CATEGORY);
  self->eras = g_list_store_new (CHRONICLE_TYPE_ERA);
  self->sources_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->categories_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->events_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->max_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * chronicle_timeline_new:
 * @title: (nullable): the timeline's title
 *
 * Returns: (transfer full): a new empty timeline
 */
ChronicleTimeline *
chronicle_timeline_new (const char *title)
{
  return g_object_new (CHRONICLE_TYPE_TIMELINE, "title", title, NULL);
}

const char *
chronicle_timeline_get_title (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  return self->title;
}

void
chronicle_timeline_set_title (ChronicleTimeline *self,
                              const char        *title)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));

  if (set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
chronicle_timeline_get_description (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  return self->description;
}

void
chronicle_timeline_set_description (ChronicleTimeline *self,
                                    const char        *description)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));

  if (set_string (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/* Returns: (transfer none): a GListModel of ChronicleSource */
GListModel *
chronicle_timeline_get_sources (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/* Returns: (transfer none): a GListModel of ChronicleCategory */
GListModel *
chronicle_timeline_get_categories (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/* Returns: (transfer none): a GListModel of ChronicleEra */
GListModel *
chronicle_timeline_get_eras (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->eras);
}

/* Appends @source (a new reference). For a duplicate id, lookup keeps
 * finding the first one. */
void
chronicle_timeline_add_source (ChronicleTimeline *self,
                               ChronicleSource   *source)
{
  const char *id;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (CHRONICLE_IS_SOURCE (source));

  id = chronicle_source_get_id (source);
  if (!g_hash_table_contains (self->sources_by_id, id))
    g_hash_table_insert (self->sources_by_id, (gpointer) id, source);
  g_list_store_append (self->sources, source);
}

/* Appends @category (a new reference); its index is its position in
 * chronicle_timeline_get_categories(). For a duplicate id, lookup keeps
 * finding the first one. */
void
chronicle_timeline_add_category (ChronicleTimeline *self,
                                 ChronicleCategory *category)
{
  const char *id;
  guint index;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (CHRONICLE_IS_CATEGORY (category));

  id = chronicle_category_get_id (category);
  index = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  if (!g_hash_table_contains (self->categories_by_id, id))
    g_hash_table_insert (self->categories_by_id, (gpointer) id, GUINT_TO_POINTER (index + 1));
  g_list_store_append (self->categories, category);
}

void
chronicle_timeline_add_era (ChronicleTimeline *self,
                            ChronicleEra      *era)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (CHRONICLE_IS_ERA (era));

  g_list_store_append (self->eras, era);
}

/* Returns: (transfer none) (nullable): the source with @id */
ChronicleSource *
chronicle_timeline_lookup_source (ChronicleTimeline *self,
                                  const char        *id)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->sources_by_id, id);
}

/* Returns: (transfer none) (nullable): the category with @id */
ChronicleCategory *
chronicle_timeline_lookup_category (ChronicleTimeline *self,
                                    const char        *id)
{
  ChronicleCategory *category;
  guint index;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  index = chronicle_timeline_get_category_index (self, id);
  if (index == G_MAXUINT)
    return NULL;

  /* g_list_model_get_item() returns a reference; the store keeps the
   * category alive after we drop it. */
  category = g_list_model_get_item (G_LIST_MODEL (self->categories), index);
  g_object_unref (category);
  return category;
}

/* Returns: (transfer none) (nullable): the event with @id */
ChronicleEvent *
chronicle_timeline_lookup_event (ChronicleTimeline *self,
                                 const char        *id)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->events_by_id, id);
}

/* Returns: the position of category @id in the categories list (for
 * palette colours), or G_MAXUINT when @id is NULL or unknown */
guint
chronicle_timeline_get_category_index (ChronicleTimeline *self,
                                       const char        *id)
{
  gpointer value;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), G_MAXUINT);

  if (id == NULL)
    return G_MAXUINT;

  value = g_hash_table_lookup (self->categories_by_id, id);
  return value ? GPOINTER_TO_UINT (value) - 1 : G_MAXUINT;
}

/**
 * chronicle_timeline_add_event:
 * @event: an event, complete: its dates must not change afterwards
 *
 * Inserts @event (a new reference) at its sorted position, after any
 * event that compares equal, and emits #GListModel::items-changed.
 * Appending in order costs O(1); an insertion in the middle moves the
 * tail, O(n). Use chronicle_timeline_set_events() for bulk loads.
 */
void
chronicle_timeline_add_event (ChronicleTimeline *self,
                              ChronicleEvent    *event)
{
  guint n, position;
  gint64 start;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (CHRONICLE_IS_EVENT (event));

  n = self->events->len;
  position = n;

  if (n > 0 && chronicle_event_compare (g_ptr_array_index (self->events, n - 1), event) > 0)
    {
      guint lo = 0, hi = n;

      /* Upper bound: the first event that sorts after @event. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (chronicle_event_compare (g_ptr_array_index (self->events, mid), event) <= 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      position = lo;
    }

  start = chronicle_event_get_start_time (event);
  g_ptr_array_insert (self->events, position, g_object_ref (event));
  g_array_insert_val (self->starts, position, start);
  g_array_insert_val (self->max_ends, position, start);
  update_max_ends (self, position);
  index_event (self, event);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * chronicle_timeline_set_events:
 * @events: (element-type ChronicleEvent): events in any order
 *
 * Replaces all events with @events (taking new references; @events is not
 * modified), sorting them once, O(n log n), and emits one
 * #GListModel::items-changed for the whole list.
 */
void
chronicle_timeline_set_events (ChronicleTimeline *self,
                               GPtrArray         *events)
{
  g_autoptr(GPtrArray) old = NULL;
  guint old_n;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (events != NULL);

  old_n = self->events->len;
  old = g_steal_pointer (&self->events);

  self->events = g_ptr_array_new_full (events->len, g_object_unref);
  for (guint i = 0; i < events->len; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (events, i);

      g_return_if_fail (CHRONICLE_IS_EVENT (event));
      g_ptr_array_add (self->events, g_object_ref (event));
    }
  g_ptr_array_sort (self->events, compare_events_indirect);

  g_hash_table_remove_all (self->events_by_id);
  self->max_duration = 0;
  g_array_set_size (self->starts, self->events->len);
  g_array_set_size (self->max_ends, self->events->len);

  for (guint i = 0; i < self->events->len; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (self->events, i);

      g_array_index (self->starts, gint64, i) = chronicle_event_get_start_time (event);
      index_event (self, event);
    }
  update_max_ends (self, 0);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->events->len);
}

guint
chronicle_timeline_get_n_events (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  return self->events->len;
}

/* Returns: (transfer none): the event at @position in sorted order */
ChronicleEvent *
chronicle_timeline_get_event (ChronicleTimeline *self,
                              guint              position)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < self->events->len, NULL);

  return g_ptr_array_index (self->events, position);
}

/**
 * chronicle_timeline_find_event:
 * @position: (out) (optional): where @event is
 *
 * Finds @event (this very object) by binary search, O(log n).
 *
 * Returns: %TRUE when @event is in the timeline
 */
gboolean
chronicle_timeline_find_event (ChronicleTimeline *self,
                               ChronicleEvent    *event,
                               guint             *position)
{
  guint lo = 0, hi;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), FALSE);

  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (chronicle_event_compare (g_ptr_array_index (self->events, mid), event) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* Equal-comparing events (duplicate ids) sit side by side. */
  for (; lo < self->events->len; lo++)
    {
      ChronicleEvent *other = g_ptr_array_index (self->events, lo);

      if (other == event)
        {
          if (position != NULL)
            *position = lo;
          return TRUE;
        }
      if (chronicle_event_compare (other, event) != 0)
        break;
    }

  return FALSE;
}

/* Returns: the first position whose event starts at or after @time (Unix
 * seconds); the number of events when none does */
guint
chronicle_timeline_lower_bound (ChronicleTimeline *self,
                                gint64             time)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  return search_lower_bound ((const gint64 *) (gpointer) self->starts->data, self->starts->len, time);
}

/**
 * chronicle_timeline_get_range:
 * @from: start of the window, Unix seconds
 * @to: exclusive end of the window, Unix seconds
 * @first: (out): first position to look at
 * @last: (out): one past the last position to look at
 *
 * Finds the positions [@first, @last) that hold every event overlapping
 * [@from, @to) (start < @to and end > @from), in O(log n).
 *
 * The range is a SUPERSET: it starts at the first event that may still
 * reach @from, so a long range early in the list pulls in the shorter
 * events after it. Callers skip events whose end time is <= @from. Every
 * event in the range starts before @to.
 *
 * Returns: %TRUE when the range is not empty
 */
gboolean
chronicle_timeline_get_range (ChronicleTimeline *self,
                              gint64             from,
                              gint64             to,
                              guint             *first,
                              guint             *last)
{
  guint lo, hi;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (first != NULL, FALSE);
  g_return_val_if_fail (last != NULL, FALSE);

  /* max_ends is non-decreasing: everything before the first entry
   * > @from ends at or before @from. This is never looser than
   * lower_bound (from - max_duration). */
  lo = search_lower_bound ((const gint64 *) (gpointer) self->max_ends->data,
                           self->max_ends->len,
                           from == G_MAXINT64 ? from : from + 1);
  hi = chronicle_timeline_lower_bound (self, to);
  if (hi < lo)
    hi = lo;

  *first = lo;
  *last = hi;
  return lo < hi;
}

/* Returns: the longest event's duration (end time - start time), seconds;
 * 0 for an empty timeline */
gint64
chronicle_timeline_get_max_duration (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  return self->max_duration;
}

/**
 * chronicle_timeline_get_bounds:
 * @start: (out) (optional): the earliest start time, Unix seconds
 * @end: (out) (optional): the latest end time (exclusive), Unix seconds
 *
 * Returns: %FALSE (and leaves the outputs alone) when there are no events
 */
gboolean
chronicle_timeline_get_bounds (ChronicleTimeline *self,
                               gint64            *start,
                               gint64            *end)
{
  guint n;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);

  n = self->events->len;
  if (n == 0)
    return FALSE;

  if (start != NULL)
    *start = g_array_index (self->starts, gint64, 0);
  if (end != NULL)
    *end = g_array_index (self->max_ends, gint64, n - 1);
  return TRUE;
}
