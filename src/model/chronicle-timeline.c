/* chronicle-timeline.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline"

#include "config.h"

#include "chronicle-timeline.h"
#include "chronicle-text-private.h"
#include "chronicle-util-private.h"

#include <stdlib.h>
#include <string.h>

/* Events per block of the block index (see max_ends below). */
#define BLOCK_SIZE 64

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

  /* Events sorted by chronicle_event_compare(), and parallel arrays for
   * the searches, so they touch plain memory instead of dereferencing
   * objects (all Unix seconds):
   *   starts[i]       = start time of events[i]
   *   ends[i]         = end time of events[i] (exclusive)
   *   max_ends[i]     = largest end time of events[0..i], non-decreasing
   *   block_ends[b]   = largest end time of events[b*BLOCK_SIZE ..
   *                     (b+1)*BLOCK_SIZE - 1], to skip whole blocks that
   *                     end before a window */
  GPtrArray  *events;
  GArray     *starts;
  GArray     *ends;
  GArray     *max_ends;
  GArray     *block_ends;
  gint64      max_duration;     /* longest end - start, seconds */
  ChronicleDateKinds date_kinds; /* of all events */

  /* by_precision[p]: sorted positions of the events whose finest date
   * (start or end) has precision p, kept with the events, so the axis
   * learns the finest precision in view with five binary searches
   * instead of a scan of every event in view. */
  GArray     *by_precision[CHRONICLE_DATE_PRECISION_SECOND + 1];
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

typedef struct
{
  gint64          start;
  gint64          end;
  guint           sequence;
  const char     *id;
  ChronicleEvent *event;
} SortKey;

/* chronicle_event_compare() on cached times: sorting 100 000 events does
 * about two million comparisons. */
static int
compare_sort_keys (const void *a,
                   const void *b)
{
  const SortKey *ka = a;
  const SortKey *kb = b;

  if (ka->start != kb->start)
    return ka->start < kb->start ? -1 : 1;
  if (ka->end != kb->end)
    return ka->end < kb->end ? -1 : 1;
  if (ka->sequence != kb->sequence)
    return ka->sequence < kb->sequence ? -1 : 1;
  return strcmp (ka->id, kb->id);
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

/* Recomputes max_ends and block_ends from @position on, after an
 * insertion there: O(1) amortized for an append, O(n - position) else. */
static void
update_end_indexes (ChronicleTimeline *self,
                    guint              position)
{
  guint n = self->events->len;
  const gint64 *ends = (const gint64 *) (gpointer) self->ends->data;
  gint64 *max_ends = (gint64 *) (gpointer) self->max_ends->data;
  gint64 *block_ends;
  gint64 running = position > 0 ? max_ends[position - 1] : G_MININT64;
  guint first_block = position / BLOCK_SIZE;

  g_assert (self->starts->len == n);
  g_assert (self->ends->len == n);
  g_assert (self->max_ends->len == n);

  for (guint i = position; i < n; i++)
    {
      running = MAX (running, ends[i]);
      max_ends[i] = running;
    }

  g_array_set_size (self->block_ends, (n + BLOCK_SIZE - 1) / BLOCK_SIZE);
  block_ends = (gint64 *) (gpointer) self->block_ends->data;
  for (guint b = first_block; b < self->block_ends->len; b++)
    {
      guint block_last = MIN ((b + 1) * BLOCK_SIZE, n);
      gint64 block_max = G_MININT64;

      for (guint i = b * BLOCK_SIZE; i < block_last; i++)
        block_max = MAX (block_max, ends[i]);
      block_ends[b] = block_max;
    }
}

static void
clear_precision_index (ChronicleTimeline *self)
{
  for (guint p = 0; p < G_N_ELEMENTS (self->by_precision); p++)
    g_clear_pointer (&self->by_precision[p], g_array_unref);
}

static ChronicleDatePrecision
get_finest_precision (ChronicleEvent *event)
{
  const ChronicleDate *end = chronicle_event_get_end (event);
  ChronicleDatePrecision precision = chronicle_event_get_date (event)->precision;

  precision = end != NULL ? MAX (precision, end->precision) : precision;
  g_assert ((guint) precision <= CHRONICLE_DATE_PRECISION_SECOND);
  return precision;
}

/* The first index of sorted @positions whose value is >= @position. */
static guint
positions_lower_bound (GArray *positions,
                       guint   position)
{
  guint lo = 0, hi = positions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (positions, guint, mid) < position)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
build_precision_index (ChronicleTimeline *self)
{
  clear_precision_index (self);
  for (guint p = 0; p < G_N_ELEMENTS (self->by_precision); p++)
    self->by_precision[p] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < self->events->len; i++)
    g_array_append_val (self->by_precision[get_finest_precision (g_ptr_array_index (self->events, i))], i);
}

/* After an insertion at @position: later positions move up by one. An
 * append costs one binary search per precision. */
static void
insert_into_precision_index (ChronicleTimeline *self,
                             ChronicleEvent    *event,
                             guint              position)
{
  GArray *own = self->by_precision[get_finest_precision (event)];

  for (guint p = 0; p < G_N_ELEMENTS (self->by_precision); p++)
    {
      GArray *positions = self->by_precision[p];

      for (guint k = positions_lower_bound (positions, position); k < positions->len; k++)
        g_array_index (positions, guint, k)++;
    }

  g_array_insert_val (own, positions_lower_bound (own, position), position);
}

/* The coarser end decides: "March 2022 – 29 March" is known to the month. */
static ChronicleDateKinds
get_date_kinds (ChronicleEvent *event)
{
  const ChronicleDate *end = chronicle_event_get_end (event);
  ChronicleDatePrecision precision = chronicle_event_get_date (event)->precision;
  ChronicleDateKinds kinds = chronicle_event_get_approximate (event) ? CHRONICLE_DATE_KIND_APPROXIMATE : 0;

  if (end != NULL)
    precision = MIN (precision, end->precision);

  switch (precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return kinds | CHRONICLE_DATE_KIND_YEAR;
    case CHRONICLE_DATE_PRECISION_MONTH:
      return kinds | CHRONICLE_DATE_KIND_MONTH;
    case CHRONICLE_DATE_PRECISION_DAY:
      return kinds | CHRONICLE_DATE_KIND_DAY;
    case CHRONICLE_DATE_PRECISION_MINUTE:
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      return kinds | (end != NULL ? CHRONICLE_DATE_KIND_TIMED_RANGE : CHRONICLE_DATE_KIND_TIMED_POINT);
    }
}

static void
index_event (ChronicleTimeline *self,
             ChronicleEvent    *event,
             const char        *id,
             gint64             start,
             gint64             end)
{
  self->max_duration = MAX (self->max_duration, end - start);
  self->date_kinds |= get_date_kinds (event);

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
  g_clear_pointer (&self->ends, g_array_unref);
  g_clear_pointer (&self->max_ends, g_array_unref);
  g_clear_pointer (&self->block_ends, g_array_unref);

  clear_precision_index (self);

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
  self->sources_by_id = g_hash_table_new (chronicle_str_hash, g_str_equal);
  self->categories_by_id = g_hash_table_new (chronicle_str_hash, g_str_equal);
  self->events_by_id = g_hash_table_new (chronicle_str_hash, g_str_equal);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->max_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->block_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  build_precision_index (self);
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

  if (chronicle_set_str (&self->title, title))
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

  if (chronicle_set_str (&self->description, description))
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
  gint64 start, end;

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
  end = chronicle_event_get_end_time (event);
  g_ptr_array_insert (self->events, position, g_object_ref (event));
  g_array_insert_val (self->starts, position, start);
  g_array_insert_val (self->ends, position, end);
  g_array_insert_val (self->max_ends, position, end);
  update_end_indexes (self, position);
  index_event (self, event, chronicle_event_get_id (event), start, end);
  insert_into_precision_index (self, event, position);

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
  g_autofree SortKey *keys = NULL;
  guint old_n, n;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (events != NULL);

  for (guint i = 0; i < events->len; i++)
    g_return_if_fail (CHRONICLE_IS_EVENT (g_ptr_array_index (events, i)));

  n = events->len;
  keys = g_new (SortKey, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (events, i);

      keys[i].start = chronicle_event_get_start_time (event);
      keys[i].end = chronicle_event_get_end_time (event);
      keys[i].sequence = chronicle_event_get_sequence (event);
      keys[i].id = chronicle_event_get_id (event);
      keys[i].event = event;
    }
  qsort (keys, n, sizeof (SortKey), compare_sort_keys);

  old_n = self->events->len;
  /* Keep the old events alive until the new ones are in (some may be
   * the same objects). */
  old = g_steal_pointer (&self->events);
  self->events = g_ptr_array_new_full (n, g_object_unref);
  g_hash_table_remove_all (self->events_by_id);
  self->max_duration = 0;
  self->date_kinds = 0;
  g_array_set_size (self->starts, n);
  g_array_set_size (self->ends, n);
  g_array_set_size (self->max_ends, n);

  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->events, g_object_ref (keys[i].event));
      g_array_index (self->starts, gint64, i) = keys[i].start;
      g_array_index (self->ends, gint64, i) = keys[i].end;
      index_event (self, keys[i].event, keys[i].id, keys[i].start, keys[i].end);
    }
  update_end_indexes (self, 0);
  build_precision_index (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, n);
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

/**
 * chronicle_timeline_get_date_kinds:
 *
 * The kinds of date the events have (times, days, months, years,
 * estimates), kept as events are added: what a legend explains, the same
 * whatever part of the timeline is in view.
 *
 * Returns: the kinds, or 0 for a timeline without events
 */
ChronicleDateKinds
chronicle_timeline_get_date_kinds (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  return self->date_kinds;
}

/**
 * chronicle_timeline_get_finest_precision:
 * @first: the first position
 * @last: the position after the last
 *
 * The finest precision of the dates (starts and ends) of the events at
 * positions [@first, @last): what an axis over them may show without
 * suggesting times the data lacks, in at most five binary searches.
 *
 * Returns: the finest precision, or %CHRONICLE_DATE_PRECISION_YEAR when
 *   the range is empty
 */
ChronicleDatePrecision
chronicle_timeline_get_finest_precision (ChronicleTimeline *self,
                                         guint              first,
                                         guint              last)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), CHRONICLE_DATE_PRECISION_YEAR);

  last = MIN (last, self->events->len);
  if (first >= last)
    return CHRONICLE_DATE_PRECISION_YEAR;

  for (int p = G_N_ELEMENTS (self->by_precision) - 1; p > CHRONICLE_DATE_PRECISION_YEAR; p--)
    {
      GArray *positions = self->by_precision[p];
      guint k = positions_lower_bound (positions, first);

      if (k < positions->len && g_array_index (positions, guint, k) < last)
        return (ChronicleDatePrecision) p;
    }

  return CHRONICLE_DATE_PRECISION_YEAR;
}

/**
 * chronicle_timeline_foreach_in_range:
 * @from: start of the window, Unix seconds
 * @to: exclusive end of the window, Unix seconds
 * @func: called for each event overlapping [@from, @to) (start < @to and
 *   end > @from), in timeline order; return %FALSE to stop
 *
 * Unlike chronicle_timeline_get_range(), visits exactly the overlapping
 * events. Blocks of BLOCK_SIZE events that all end at or before @from are
 * skipped with one comparison each, so an early long range costs one
 * block, not a scan of everything after it. Do not change the timeline
 * from @func.
 */
void
chronicle_timeline_foreach_in_range (ChronicleTimeline     *self,
                                     gint64                 from,
                                     gint64                 to,
                                     ChronicleTimelineFunc  func,
                                     gpointer               user_data)
{
  const gint64 *ends;
  const gint64 *block_ends;
  guint first, last;
  guint i;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (func != NULL);

  if (!chronicle_timeline_get_range (self, from, to, &first, &last))
    return;

  ends = (const gint64 *) (gpointer) self->ends->data;
  block_ends = (const gint64 *) (gpointer) self->block_ends->data;

  i = first;
  while (i < last)
    {
      guint block = i / BLOCK_SIZE;
      guint block_last = MIN ((block + 1) * BLOCK_SIZE, last);

      if (block_ends[block] <= from)
        {
          i = block_last;
          continue;
        }

      for (; i < block_last; i++)
        {
          if (ends[i] > from &&
              !func (self, i, g_ptr_array_index (self->events, i), user_data))
            return;
        }
    }
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
