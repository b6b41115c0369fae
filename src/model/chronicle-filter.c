/* chronicle-filter.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-filter"

#include "config.h"

#include "chronicle-filter.h"
#include "chronicle-text-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The key "no category" has in hidden_categories: category ids are never
 * empty (the loader refuses them). */
#define NO_CATEGORY_KEY ""

struct _ChronicleFilter
{
  GObject     parent_instance;

  GHashTable *hidden_categories;  /* id (owned) -> itself; NO_CATEGORY_KEY */
  GHashTable *actors;             /* required actors, any of them */
  GHashTable *sources;            /* required source ids, any of them */
};

G_DEFINE_FINAL_TYPE (ChronicleFilter, chronicle_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (ChronicleFilter *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Adds or removes @key; returns whether the set changed. */
static gboolean
update_set (GHashTable *set,
            const char *key,
            gboolean    member)
{
  if (member == g_hash_table_contains (set, key))
    return FALSE;

  if (member)
    g_hash_table_add (set, g_strdup (key));
  else
    g_hash_table_remove (set, key);
  return TRUE;
}

/* For g_ptr_array_sort(), which passes pointers to the elements. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static const char *
get_category_key (const char *category_id)
{
  return category_id != NULL ? category_id : NO_CATEGORY_KEY;
}

static gboolean
has_any_actor (ChronicleFilter    *self,
               const char * const *actors)
{
  for (guint i = 0; actors != NULL && actors[i] != NULL; i++)
    if (g_hash_table_contains (self->actors, actors[i]))
      return TRUE;

  return FALSE;
}

/* An event's fields, from its object or from the timeline's store (so
 * that counting a million events makes no object). */
typedef struct
{
  ChronicleTimeline *timeline;
  ChronicleEvent    *event;     /* or NULL: the store's */
  guint              position;
} EventRef;

static const char * const *
ref_get_source_ids (const EventRef *ref)
{
  return ref->event != NULL ? chronicle_event_get_source_ids (ref->event)
                            : chronicle_timeline_get_event_source_ids (ref->timeline, ref->position);
}

static guint
ref_get_n_quotes (const EventRef *ref)
{
  return ref->event != NULL ? chronicle_event_get_n_quotes (ref->event)
                            : chronicle_timeline_get_event_n_quotes (ref->timeline, ref->position);
}

static ChronicleQuote *
ref_get_quote (const EventRef *ref,
               guint           index)
{
  return ref->event != NULL ? chronicle_event_get_quote (ref->event, index)
                            : chronicle_timeline_get_event_quote (ref->timeline, ref->position, index);
}

static gboolean
has_any_source (ChronicleFilter *self,
                const EventRef  *ref)
{
  const char * const *ids = ref_get_source_ids (ref);
  guint n_quotes = ref_get_n_quotes (ref);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_contains (self->sources, ids[i]))
      return TRUE;

  for (guint i = 0; i < n_quotes; i++)
    {
      const char *id = chronicle_quote_get_source_id (ref_get_quote (ref, i));

      if (id != NULL && g_hash_table_contains (self->sources, id))
        return TRUE;
    }

  return FALSE;
}

static gboolean
matches_ref (ChronicleFilter *self,
             const EventRef  *ref)
{
  if (g_hash_table_size (self->hidden_categories) > 0)
    {
      const char *category_id = ref->event != NULL ? chronicle_event_get_category_id (ref->event)
                                                   : chronicle_timeline_get_event_category_id (ref->timeline,
                                                                                               ref->position);

      /* An id the timeline does not define is drawn as no category, so
       * it is filtered as one. */
      if (category_id != NULL && chronicle_timeline_get_category_index (ref->timeline, category_id) == G_MAXUINT)
        category_id = NULL;
      if (g_hash_table_contains (self->hidden_categories, get_category_key (category_id)))
        return FALSE;
    }

  if (g_hash_table_size (self->actors) > 0 &&
      !has_any_actor (self, ref->event != NULL ? chronicle_event_get_actors (ref->event)
                                               : chronicle_timeline_get_event_actors (ref->timeline, ref->position)))
    return FALSE;

  if (g_hash_table_size (self->sources) > 0 && !has_any_source (self, ref))
    return FALSE;

  return TRUE;
}

static gboolean
matches_position (ChronicleFilter   *self,
                  ChronicleTimeline *timeline,
                  guint              position)
{
  EventRef ref = { timeline, NULL, position };

  return matches_ref (self, &ref);
}

static GPtrArray *
collect_shown (ChronicleFilter   *self,
               ChronicleTimeline *timeline)
{
  guint n = chronicle_timeline_get_n_events (timeline);
  GPtrArray *shown = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      /* Objects only for the events shown: the filtered timeline shares
       * them with @timeline, which the window relies on. */
      if (matches_position (self, timeline, i))
        g_ptr_array_add (shown, chronicle_timeline_get_event (timeline, i));
    }

  return shown;
}

static void
chronicle_filter_finalize (GObject *object)
{
  ChronicleFilter *self = (ChronicleFilter *) object;

  g_clear_pointer (&self->hidden_categories, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);

  G_OBJECT_CLASS (chronicle_filter_parent_class)->finalize (object);
}

static void
chronicle_filter_class_init (ChronicleFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_filter_finalize;

  /**
   * ChronicleFilter::changed:
   *
   * The set of events shown may have changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
chronicle_filter_init (ChronicleFilter *self)
{
  self->hidden_categories = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, NULL);
  self->actors = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, NULL);
  self->sources = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, NULL);
}

/**
 * chronicle_filter_new:
 *
 * Returns: (transfer full): a filter that shows every event
 */
ChronicleFilter *
chronicle_filter_new (void)
{
  return g_object_new (CHRONICLE_TYPE_FILTER, NULL);
}

/* Returns: whether some event could be hidden */
gboolean
chronicle_filter_is_active (ChronicleFilter *self)
{
  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), FALSE);

  return g_hash_table_size (self->hidden_categories) > 0 ||
         g_hash_table_size (self->actors) > 0 ||
         g_hash_table_size (self->sources) > 0;
}

void
chronicle_filter_reset (ChronicleFilter *self)
{
  g_return_if_fail (CHRONICLE_IS_FILTER (self));

  if (!chronicle_filter_is_active (self))
    return;

  g_hash_table_remove_all (self->hidden_categories);
  g_hash_table_remove_all (self->actors);
  g_hash_table_remove_all (self->sources);
  emit_changed (self);
}

/**
 * chronicle_filter_get_category_hidden:
 * @category_id: (nullable): a category id, or NULL for "no category"
 */
gboolean
chronicle_filter_get_category_hidden (ChronicleFilter *self,
                                      const char      *category_id)
{
  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), FALSE);

  return g_hash_table_contains (self->hidden_categories, get_category_key (category_id));
}

/**
 * chronicle_filter_set_category_hidden:
 * @category_id: (nullable): a category id, or NULL for "no category"
 * @hidden: whether its events are hidden
 */
void
chronicle_filter_set_category_hidden (ChronicleFilter *self,
                                      const char      *category_id,
                                      gboolean         hidden)
{
  g_return_if_fail (CHRONICLE_IS_FILTER (self));

  if (update_set (self->hidden_categories, get_category_key (category_id), hidden))
    emit_changed (self);
}

void
chronicle_filter_toggle_category (ChronicleFilter *self,
                                  const char      *category_id)
{
  g_return_if_fail (CHRONICLE_IS_FILTER (self));

  chronicle_filter_set_category_hidden (self, category_id,
                                        !chronicle_filter_get_category_hidden (self, category_id));
}

/**
 * chronicle_filter_dup_hidden_categories:
 *
 * For the legend, which lists the timeline's categories only.
 *
 * Returns: (transfer full): the ids of the hidden categories, sorted,
 *   without "no category"
 */
char **
chronicle_filter_dup_hidden_categories (ChronicleFilter *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), NULL);

  ids = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->hidden_categories);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strcmp (key, NO_CATEGORY_KEY) != 0)
      g_ptr_array_add (ids, g_strdup (key));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

gboolean
chronicle_filter_get_actor_required (ChronicleFilter *self,
                                     const char      *actor)
{
  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  return g_hash_table_contains (self->actors, actor);
}

/**
 * chronicle_filter_set_actor_required:
 * @actor: an actor's name, as in the events
 * @required: whether to show only events with it (or another required
 *   actor)
 */
void
chronicle_filter_set_actor_required (ChronicleFilter *self,
                                     const char      *actor,
                                     gboolean         required)
{
  g_return_if_fail (CHRONICLE_IS_FILTER (self));
  g_return_if_fail (actor != NULL);

  if (update_set (self->actors, actor, required))
    emit_changed (self);
}

gboolean
chronicle_filter_get_source_required (ChronicleFilter *self,
                                      const char      *source_id)
{
  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), FALSE);
  g_return_val_if_fail (source_id != NULL, FALSE);

  return g_hash_table_contains (self->sources, source_id);
}

/**
 * chronicle_filter_set_source_required:
 * @source_id: a source id
 * @required: whether to show only events citing it (or another required
 *   source)
 */
void
chronicle_filter_set_source_required (ChronicleFilter *self,
                                      const char      *source_id,
                                      gboolean         required)
{
  g_return_if_fail (CHRONICLE_IS_FILTER (self));
  g_return_if_fail (source_id != NULL);

  if (update_set (self->sources, source_id, required))
    emit_changed (self);
}

/**
 * chronicle_filter_matches:
 * @timeline: the timeline of @event, which tells which category ids exist
 * @event: an event
 *
 * Returns: whether @self shows @event
 */
gboolean
chronicle_filter_matches (ChronicleFilter   *self,
                          ChronicleTimeline *timeline,
                          ChronicleEvent    *event)
{
  EventRef ref = { timeline, event, 0 };

  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), FALSE);

  return matches_ref (self, &ref);
}

/**
 * chronicle_filter_apply:
 * @timeline: the whole timeline
 *
 * Returns: (transfer full): a new timeline with the events @self shows,
 *   sharing every object with @timeline
 */
ChronicleTimeline *
chronicle_filter_apply (ChronicleFilter   *self,
                        ChronicleTimeline *timeline)
{
  g_autoptr(ChronicleTimeline) filtered = NULL;
  GListModel *list;
  guint n;

  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), NULL);
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  filtered = chronicle_timeline_new (chronicle_timeline_get_title (timeline));
  chronicle_timeline_set_description (filtered, chronicle_timeline_get_description (timeline));

  list = chronicle_timeline_get_sources (timeline);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (list, i);

      chronicle_timeline_add_source (filtered, source);
    }

  list = chronicle_timeline_get_categories (timeline);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (list, i);

      chronicle_timeline_add_category (filtered, category);
    }

  list = chronicle_timeline_get_eras (timeline);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (list, i);

      chronicle_timeline_add_era (filtered, era);
    }

  chronicle_filter_update (self, timeline, filtered);

  return g_steal_pointer (&filtered);
}

void
chronicle_filter_update (ChronicleFilter   *self,
                         ChronicleTimeline *timeline,
                         ChronicleTimeline *filtered)
{
  g_autoptr(GPtrArray) shown = NULL;

  g_return_if_fail (CHRONICLE_IS_FILTER (self));
  g_return_if_fail (CHRONICLE_IS_TIMELINE (timeline));
  g_return_if_fail (CHRONICLE_IS_TIMELINE (filtered));
  g_return_if_fail (timeline != filtered);

  shown = collect_shown (self, timeline);
  chronicle_timeline_set_events (filtered, shown);
}

/* Returns: how many events of @timeline @self shows */
guint
chronicle_filter_count (ChronicleFilter   *self,
                        ChronicleTimeline *timeline)
{
  guint n, count = 0;

  g_return_val_if_fail (CHRONICLE_IS_FILTER (self), 0);
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), 0);

  n = chronicle_timeline_get_n_events (timeline);
  if (!chronicle_filter_is_active (self))
    return n;

  for (guint i = 0; i < n; i++)
    if (matches_position (self, timeline, i))
      count++;

  return count;
}

/* Returns: (transfer full): "12 events", or "3 of 12 events" */
char *
chronicle_filter_format_count (guint n_shown,
                               guint n_total)
{
  /* %'u groups the digits the locale's way: "100,000", "100 000". */
  if (n_shown >= n_total)
    /* Translators: keep the ' in %'u: it groups the digits (100 000) */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u event", "%'u events", n_total), n_total);

  /* Translators: how many events a filter leaves, e.g. "3 of 12 events"; keep the ' in
   * %'u: it groups the digits (100 000) */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u event", "%'u of %'u events", n_total),
                          n_shown, n_total);
}

void
chronicle_facet_free (ChronicleFacet *facet)
{
  if (facet == NULL)
    return;

  g_free (facet->id);
  g_free (facet->label);
  g_free (facet->detail);
  g_free (facet);
}

static ChronicleFacet *
facet_new (const char *id,
           const char *label,
           const char *detail,
           guint       n_events)
{
  ChronicleFacet *facet = g_new0 (ChronicleFacet, 1);

  facet->id = g_strdup (id);
  facet->label = g_strdup (label);
  facet->detail = g_strdup (detail);
  facet->n_events = n_events;
  return facet;
}

/**
 * chronicle_facets_list_categories:
 *
 * Returns: (transfer full) (element-type ChronicleFacet): the categories
 */
GPtrArray *
chronicle_facets_list_categories (ChronicleTimeline *timeline)
{
  GListModel *categories;
  g_autofree guint *counts = NULL;
  GPtrArray *facets;
  guint n_categories, n_events;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  categories = chronicle_timeline_get_categories (timeline);
  n_categories = g_list_model_get_n_items (categories);
  /* counts[n_categories] is "no category" */
  counts = g_new0 (guint, n_categories + 1);
  n_events = chronicle_timeline_get_n_events (timeline);
  for (guint i = 0; i < n_events; i++)
    {
      guint index = chronicle_timeline_get_category_index (timeline,
                                                           chronicle_timeline_get_event_category_id (timeline, i));

      counts[MIN (index, n_categories)]++;
    }

  facets = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_facet_free);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (categories, i);
      const char *label = chronicle_category_get_label (category);

      g_ptr_array_add (facets, facet_new (chronicle_category_get_id (category),
                                          label != NULL ? label : chronicle_category_get_id (category),
                                          NULL, counts[i]));
    }

  if (counts[n_categories] > 0)
    /* Translators: the filter choice for events without a category */
    g_ptr_array_add (facets, facet_new (NULL, _("No category"), NULL, counts[n_categories]));

  return facets;
}

static int
compare_actor_facets (gconstpointer a,
                      gconstpointer b)
{
  const ChronicleFacet *fa = *(ChronicleFacet * const *) a;
  const ChronicleFacet *fb = *(ChronicleFacet * const *) b;

  if (fa->n_events != fb->n_events)
    return fa->n_events > fb->n_events ? -1 : 1;
  return g_utf8_collate (fa->label, fb->label);
}

/* Adds one to counts[value] for each distinct value of @values. */
static void
count_distinct (GHashTable         *counts,
                const char * const *values,
                GPtrArray          *seen)
{
  for (guint k = 0; values != NULL && values[k] != NULL; k++)
    {
      gboolean counted = FALSE;
      gpointer value;

      for (guint j = 0; j < seen->len && !counted; j++)
        counted = strcmp (g_ptr_array_index (seen, j), values[k]) == 0;
      if (counted)
        continue;

      g_ptr_array_add (seen, (gpointer) values[k]);
      value = g_hash_table_lookup (counts, values[k]);
      g_hash_table_insert (counts, (gpointer) values[k], GUINT_TO_POINTER (GPOINTER_TO_UINT (value) + 1));
    }
}

/**
 * chronicle_facets_list_actors:
 *
 * Returns: (transfer full) (element-type ChronicleFacet): the actors
 */
GPtrArray *
chronicle_facets_list_actors (ChronicleTimeline *timeline)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  GHashTableIter iter;
  gpointer key, value;
  GPtrArray *facets;
  guint n_events;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  /* name (borrowed from the events) -> count */
  counts = g_hash_table_new (chronicle_str_hash, g_str_equal);
  seen = g_ptr_array_new ();
  n_events = chronicle_timeline_get_n_events (timeline);
  for (guint i = 0; i < n_events; i++)
    {
      g_ptr_array_set_size (seen, 0);
      count_distinct (counts, chronicle_timeline_get_event_actors (timeline, i), seen);
    }

  facets = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_facet_free);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (facets, facet_new (key, key, NULL, GPOINTER_TO_UINT (value)));
  g_ptr_array_sort (facets, compare_actor_facets);

  return facets;
}

/**
 * chronicle_facets_list_sources:
 *
 * Counted the way the filter matches: citations by the event or by one of
 * its quotes.
 *
 * Returns: (transfer full) (element-type ChronicleFacet): the sources
 */
GPtrArray *
chronicle_facets_list_sources (ChronicleTimeline *timeline)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) seen = NULL;
  GListModel *sources;
  GPtrArray *facets;
  guint n, n_events;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  counts = g_hash_table_new (chronicle_str_hash, g_str_equal);
  seen = g_ptr_array_new ();
  n_events = chronicle_timeline_get_n_events (timeline);
  for (guint i = 0; i < n_events; i++)
    {
      guint n_quotes = chronicle_timeline_get_event_n_quotes (timeline, i);

      g_ptr_array_set_size (seen, 0);
      count_distinct (counts, chronicle_timeline_get_event_source_ids (timeline, i), seen);
      for (guint q = 0; q < n_quotes; q++)
        {
          const char *ids[] = { chronicle_quote_get_source_id (chronicle_timeline_get_event_quote (timeline, i, q)), NULL };

          count_distinct (counts, ids, seen);
        }
    }

  sources = chronicle_timeline_get_sources (timeline);
  n = g_list_model_get_n_items (sources);
  facets = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_facet_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (sources, i);
      const char *id = chronicle_source_get_id (source);
      const char *publisher = chronicle_source_get_publisher (source);
      const char *title = chronicle_source_get_title (source);
      const char *label = publisher != NULL ? publisher : (title != NULL ? title : id);

      g_ptr_array_add (facets, facet_new (id, label, label != title ? title : NULL,
                                          GPOINTER_TO_UINT (g_hash_table_lookup (counts, id))));
    }

  return facets;
}
