/* chronicle-timeline.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline"

#include "config.h"

#include "chronicle-timeline.h"
#include "chronicle-timeline-private.h"
#include "chronicle-arena-private.h"
#include "chronicle-text-private.h"
#include "chronicle-util-private.h"

#include <stdlib.h>
#include <string.h>

/* Events per block of the block index (see max_ends below). */
#define BLOCK_SIZE 64

/* Record.category: the low bits index category_names (0 = none), the top
 * bit is the event's "approximate". */
#define CATEGORY_APPROXIMATE 0x80000000u
#define CATEGORY_INDEX_MASK  0x7fffffffu

/* Bits of ChronicleDateKinds. */
#define N_DATE_KINDS 6

/* What only some events have, kept out of the record (docs/model.md). */
typedef struct
{
  ChronicleDate  end;
  gboolean       has_end;
  const char    *summary;     /* arena, nullable */
  const char    *location;    /* arena, nullable */
  const char    *display_date; /* arena, nullable */
  char         **actors;      /* arena, nullable */
  char         **source_ids;  /* arena, nullable */
  GPtrArray     *quotes;      /* of ChronicleQuote, owned, nullable */
  ChronicleKept *kept;        /* owned, nullable: what the file had beyond these */
} EventExtra;

/* One event: 56 bytes, plus its strings in the arena and 24 bytes of
 * sorted times. No GObject until someone asks for one. */
typedef struct
{
  const char     *id;         /* arena */
  const char     *title;      /* arena */
  EventExtra     *extra;      /* arena, nullable */
  ChronicleEvent *object;     /* made on demand, owned, nullable */
  ChronicleDate   date;
  guint32         sequence;
  guint32         category;   /* see CATEGORY_* */
} Record;

typedef struct
{
  int   offset;                 /* seconds east of UTC */
  guint count;                  /* dates written with it */
} OffsetCount;

typedef struct
{
  guint32 record;               /* record number + 1, 0 for empty */
  guint32 hash;                 /* chronicle_str_hash() of its id */
} AppendSlot;

struct _ChronicleTimeline
{
  GObject     parent_instance;

  char       *title;
  char       *description;
  char       *import_summary;   /* NULL unless converted from another format */
  gboolean    import_untitled;

  GListStore *sources;          /* of ChronicleSource, file order */
  GListStore *categories;       /* of ChronicleCategory, file order */
  GListStore *eras;             /* of ChronicleEra, file order */
  GHashTable *sources_by_id;    /* id (borrowed) -> ChronicleSource (borrowed) */
  GHashTable *categories_by_id; /* id (borrowed) -> GUINT_TO_POINTER (index + 1) */

  /* The event store. Records sorted by chronicle_event_compare()'s order,
   * and parallel arrays for the searches, so they touch plain memory (all
   * Unix seconds):
   *   starts[i]       = start time of records[i]
   *   ends[i]         = end time of records[i] (exclusive)
   *   max_ends[i]     = largest end time of records[0..i], non-decreasing
   *   block_ends[b]   = largest end time of records[b*BLOCK_SIZE ..
   *                     (b+1)*BLOCK_SIZE - 1], to skip whole blocks that
   *                     end before a window */
  ChronicleArena *arena;        /* strings and extras of every event */
  GArray     *records;          /* of Record */
  GArray     *starts;
  GArray     *ends;
  GArray     *max_ends;
  GArray     *block_ends;
  gint64      max_duration;     /* longest end - start, seconds */
  ChronicleDateKinds date_kinds; /* of all events */
  guint       kind_counts[N_DATE_KINDS]; /* events per bit of date_kinds, so a removal can clear one */
  /* The offsets the timed dates are written with ("+03:00"), each with
   * how many dates have it: the zone the timeline's times share, kept as
   * events come and go rather than found by a scan of every event on
   * each edit (25-116 ms at a million). A handful of entries. */
  GArray     *offset_counts;    /* of OffsetCount */
  guint       next_sequence;    /* one past the largest sequence, for events added by an editor */
  gboolean    appending;        /* between append_fields and finish_appending */

  /* Category ids as events name them (known or not), interned:
   * category_names[k - 1] for Record.category k. */
  GPtrArray  *category_names;   /* of arena strings */
  GHashTable *category_numbers; /* name (arena) -> GUINT_TO_POINTER (k) */

  /* The id index: open addressing, id_slots[h] = position + 1 or 0 for
   * empty, linear probing with chronicle_str_hash(). Rebuilt after a bulk
   * load, without any allocation per event. */
  guint32    *id_slots;
  guint       id_mask;          /* number of slots - 1 */
  gboolean    id_dups;          /* some id is held twice (only the first is in id_slots) */

  /* While appending, the same kind of table in append order, each slot
   * with its id's hash: the loader's duplicate check and the insert are
   * one chronicle_str_hash() per event, growing never hashes again, and
   * sort_and_index() turns it into id_slots by renumbering (issue #12).
   * append_dups: an id was appended twice (not by the loader, which
   * refuses it), so sort_and_index() builds the index the long way. */
  AppendSlot *append_slots;
  guint       append_mask;
  gboolean    append_dups;

  guint       n_objects;        /* ChronicleEvents made, for tests */

  /* Media (pictures, videos, pages), which few events have: a side
   * table keyed by the record's extra (its address in the arena does not
   * change when records move), so that EventExtra does not grow for the
   * events without. NULL until an event has media. */
  GHashTable *media_by_extra;   /* EventExtra * -> GPtrArray of ChronicleMedia */

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

static const char * const no_strings[] = { NULL };

static inline Record *
get_record (ChronicleTimeline *self,
            guint              position)
{
  return &g_array_index (self->records, Record, position);
}

static const ChronicleDate *
record_get_end (const Record *record)
{
  return record->extra != NULL && record->extra->has_end ? &record->extra->end : NULL;
}

static gint64
record_get_end_time (const Record *record)
{
  const ChronicleDate *end = record_get_end (record);
  gint64 end_time = chronicle_date_get_end (&record->date);

  /* As chronicle_event_get_end_time(): an end before the start (refused
   * by the loader) still leaves the event its own date. */
  if (end != NULL)
    end_time = MAX (end_time, chronicle_date_get_end (end));
  return end_time;
}

static int
compare_keys (gint64      start_a,
              gint64      end_a,
              guint       sequence_a,
              const char *id_a,
              gint64      start_b,
              gint64      end_b,
              guint       sequence_b,
              const char *id_b)
{
  if (start_a != start_b)
    return start_a < start_b ? -1 : 1;
  if (end_a != end_b)
    return end_a < end_b ? -1 : 1;
  if (sequence_a != sequence_b)
    return sequence_a < sequence_b ? -1 : 1;
  return strcmp (id_a, id_b);
}

/* One record in the sort: its start time, biased so that unsigned order
 * is signed order, and its record number (16 bytes, where the 32-byte keys
 * and glibc's merge sort of them held 64 bytes an event at the peak of a
 * load; issue #12). */
typedef struct
{
  guint64 start;
  guint32 index;
  guint32 unused;
} SortItem;

#define RADIX_BITS 11
#define RADIX_SIZE (1u << RADIX_BITS)

/* chronicle_event_compare()'s order for two records of equal start. */
static int
compare_same_start (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  ChronicleTimeline *self = data;
  const Record *ra = &g_array_index (self->records, Record, ((const SortItem *) a)->index);
  const Record *rb = &g_array_index (self->records, Record, ((const SortItem *) b)->index);

  return compare_keys (0, record_get_end_time (ra), ra->sequence, ra->id,
                       0, record_get_end_time (rb), rb->sequence, rb->id);
}

/* Sorts @items by start with a stable radix sort, RADIX_BITS of the span of
 * start times a pass (three passes for centuries to the second), then each
 * run of equal starts by the rest of the order: a few percent of what
 * qsort() took for a million events. */
static void
sort_items (ChronicleTimeline *self,
            SortItem          *items,
            guint              n)
{
  g_autofree SortItem *spare = NULL;
  g_autofree guint *offsets = g_new (guint, RADIX_SIZE);
  SortItem *from = items, *to;
  guint64 min = G_MAXUINT64, max = 0;

  for (guint i = 0; i < n; i++)
    {
      min = MIN (min, items[i].start);
      max = MAX (max, items[i].start);
    }

  spare = g_new (SortItem, MAX (n, 1));
  to = spare;
  for (guint shift = 0; shift < 64 && n > 1 && ((max - min) >> shift) != 0; shift += RADIX_BITS)
    {
      SortItem *swap;
      guint sum = 0;

      memset (offsets, 0, RADIX_SIZE * sizeof (guint));
      for (guint i = 0; i < n; i++)
        offsets[((from[i].start - min) >> shift) & (RADIX_SIZE - 1)]++;
      for (guint d = 0; d < RADIX_SIZE; d++)
        {
          guint count = offsets[d];

          offsets[d] = sum;
          sum += count;
        }
      for (guint i = 0; i < n; i++)
        to[offsets[((from[i].start - min) >> shift) & (RADIX_SIZE - 1)]++] = from[i];
      swap = from;
      from = to;
      to = swap;
    }
  if (from != items)
    memcpy (items, from, n * sizeof (SortItem));
  g_clear_pointer (&spare, g_free);

  for (guint i = 0; i < n;)
    {
      guint j = i + 1;

      while (j < n && items[j].start == items[i].start)
        j++;
      if (j - i > 1)
        g_qsort_with_data (items + i, (gint) (j - i), sizeof (SortItem), compare_same_start, self);
      i = j;
    }
}

/* Compares the event at @position with @event, in the timeline's order. */
static int
compare_position_event (ChronicleTimeline *self,
                        guint              position,
                        ChronicleEvent    *event)
{
  const Record *record = get_record (self, position);

  return compare_keys (g_array_index (self->starts, gint64, position),
                       g_array_index (self->ends, gint64, position),
                       record->sequence, record->id,
                       chronicle_event_get_start_time (event),
                       chronicle_event_get_end_time (event),
                       chronicle_event_get_sequence (event),
                       chronicle_event_get_id (event));
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
  guint n = self->records->len;
  const gint64 *ends = (const gint64 *) (gpointer) self->ends->data;
  gint64 *max_ends;
  gint64 *block_ends;
  gint64 running;
  guint first_block = position / BLOCK_SIZE;

  g_array_set_size (self->max_ends, n);
  max_ends = (gint64 *) (gpointer) self->max_ends->data;
  running = position > 0 ? max_ends[position - 1] : G_MININT64;

  g_assert (self->starts->len == n);
  g_assert (self->ends->len == n);

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
get_finest_precision (const Record *record)
{
  const ChronicleDate *end = record_get_end (record);
  ChronicleDatePrecision precision = record->date.precision;

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

  for (guint i = 0; i < self->records->len; i++)
    g_array_append_val (self->by_precision[get_finest_precision (get_record (self, i))], i);
}

/* After an insertion at @position: later positions move up by one. An
 * append costs one binary search per precision. */
static void
insert_into_precision_index (ChronicleTimeline *self,
                             guint              position)
{
  GArray *own = self->by_precision[get_finest_precision (get_record (self, position))];

  for (guint p = 0; p < G_N_ELEMENTS (self->by_precision); p++)
    {
      GArray *positions = self->by_precision[p];

      for (guint k = positions_lower_bound (positions, position); k < positions->len; k++)
        g_array_index (positions, guint, k)++;
    }

  g_array_insert_val (own, positions_lower_bound (own, position), position);
}

/* Before the record at @position goes (or changes its finest precision
 * from @precision): its entry leaves; with @shift, later positions move
 * down by one. */
static void
remove_from_precision_index (ChronicleTimeline      *self,
                             guint                   position,
                             ChronicleDatePrecision  precision,
                             gboolean                shift)
{
  GArray *own = self->by_precision[precision];
  guint k = positions_lower_bound (own, position);

  g_assert (k < own->len && g_array_index (own, guint, k) == position);
  g_array_remove_index (own, k);

  if (!shift)
    return;
  for (guint p = 0; p < G_N_ELEMENTS (self->by_precision); p++)
    {
      GArray *positions = self->by_precision[p];

      for (guint j = positions_lower_bound (positions, position); j < positions->len; j++)
        g_array_index (positions, guint, j)--;
    }
}

/* The coarser end decides: "March 2022 – 29 March" is known to the month. */
static ChronicleDateKinds
get_date_kinds (const Record *record)
{
  const ChronicleDate *end = record_get_end (record);
  ChronicleDatePrecision precision = record->date.precision;
  ChronicleDateKinds kinds = (record->category & CATEGORY_APPROXIMATE) ? CHRONICLE_DATE_KIND_APPROXIMATE : 0;

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

/* Adds the position of @position's id; when the id is there already
 * (ids are unique in valid files, the loader and the editor check), the
 * first in sorted order is kept. */
static void
id_index_insert (ChronicleTimeline *self,
                 guint              position)
{
  const char *id = get_record (self, position)->id;
  guint h = chronicle_str_hash (id) & self->id_mask;

  while (self->id_slots[h] != 0)
    {
      if (strcmp (get_record (self, self->id_slots[h] - 1)->id, id) == 0)
        {
          self->id_dups = TRUE;
          if (position < self->id_slots[h] - 1)
            self->id_slots[h] = position + 1;
          return;
        }
      h = (h + 1) & self->id_mask;
    }
  self->id_slots[h] = position + 1;
}

/* Empty, sized for a load factor of at most a half. */
static void
alloc_id_index (ChronicleTimeline *self)
{
  guint n_slots = 16;

  while (n_slots < 2 * self->records->len + 2)
    n_slots *= 2;

  g_free (self->id_slots);
  self->id_slots = g_new0 (guint32, n_slots);
  self->id_mask = n_slots - 1;
  self->id_dups = FALSE;
}

/* In sorted order. */
static void
rebuild_id_index (ChronicleTimeline *self)
{
  alloc_id_index (self);
  for (guint i = 0; i < self->records->len; i++)
    id_index_insert (self, i);
}

/* The same index, built before sort_and_index() permutes the records
 * (record i goes to position_of[i]): inserting in the order the records
 * were appended reads them and their ids (the arena) in sequence, where
 * sorted order reads both at random, a cache miss each (issue #12: a
 * tenth of loading a million events). The slots hold record numbers
 * while it is built, positions after. Of two records with one id, the
 * first in sorted order is kept, as rebuild_id_index() keeps it. */
static void
build_id_index_before_sort (ChronicleTimeline *self,
                            const guint32     *position_of)
{
  alloc_id_index (self);
  for (guint i = 0; i < self->records->len; i++)
    {
      const char *id = get_record (self, i)->id;
      guint h = chronicle_str_hash (id) & self->id_mask;

      while (self->id_slots[h] != 0)
        {
          guint other = self->id_slots[h] - 1;

          if (strcmp (get_record (self, other)->id, id) == 0)
            {
              self->id_dups = TRUE;
              break;
            }
          h = (h + 1) & self->id_mask;
        }
      if (self->id_slots[h] == 0 || position_of[i] < position_of[self->id_slots[h] - 1])
        self->id_slots[h] = i + 1;
    }

  for (guint h = 0; h <= self->id_mask; h++)
    if (self->id_slots[h] != 0)
      self->id_slots[h] = position_of[self->id_slots[h] - 1] + 1;
}

/* Finds @id among the appended records: the slot it is in (record != 0)
 * or the empty slot where it goes. */
static AppendSlot *
append_slots_find (ChronicleTimeline *self,
                   const char        *id,
                   guint32            hash)
{
  guint h = hash & self->append_mask;

  while (self->append_slots[h].record != 0)
    {
      if (self->append_slots[h].hash == hash &&
          strcmp (get_record (self, self->append_slots[h].record - 1)->id, id) == 0)
        break;
      h = (h + 1) & self->append_mask;
    }
  return &self->append_slots[h];
}

/* Room for one more record at a load factor of at most a half, as
 * alloc_id_index(); moving the slots needs their hashes, not their ids. */
static void
append_slots_reserve (ChronicleTimeline *self)
{
  guint n_slots = self->append_slots != NULL ? self->append_mask + 1 : 0;
  AppendSlot *old = self->append_slots;
  guint old_n = n_slots;

  if (n_slots >= 2 * (self->records->len + 1) + 2)
    return;
  if (n_slots == 0)
    n_slots = 16;
  while (n_slots < 2 * (self->records->len + 1) + 2)
    n_slots *= 2;

  self->append_slots = g_new0 (AppendSlot, n_slots);
  self->append_mask = n_slots - 1;
  for (guint i = 0; i < old_n; i++)
    if (old[i].record != 0)
      {
        guint h = old[i].hash & self->append_mask;

        while (self->append_slots[h].record != 0)
          h = (h + 1) & self->append_mask;
        self->append_slots[h] = old[i];
      }
  g_free (old);
}

static void
append_slots_clear (ChronicleTimeline *self)
{
  g_clear_pointer (&self->append_slots, g_free);
  self->append_mask = 0;
  self->append_dups = FALSE;
}

/* After an insertion at @position: later positions move up by one (a
 * pass over the slots, no hashing), then the new id goes in; growing
 * the table now and then rebuilds it. */
static void
id_index_after_insert (ChronicleTimeline *self,
                       guint              position)
{
  if (2 * self->records->len + 2 > self->id_mask + 1)
    {
      rebuild_id_index (self);
      return;
    }
  if (position + 1 != self->records->len)
    {
      for (guint h = 0; h <= self->id_mask; h++)
        if (self->id_slots[h] > position)
          self->id_slots[h]++;
    }
  id_index_insert (self, position);
}

/* Before the record at @position goes: its slot is emptied and the
 * probe chain behind it closed up (backward-shift deletion, so that
 * lookups never stop early at the hole); later positions move down by
 * one. With duplicate ids the other holder must take over: rebuilt. */
static void
id_index_before_remove (ChronicleTimeline *self,
                        guint              position)
{
  guint i, j;

  if (self->id_dups)
    return;

  i = chronicle_str_hash (get_record (self, position)->id) & self->id_mask;
  while (self->id_slots[i] != position + 1)
    {
      g_assert (self->id_slots[i] != 0);
      i = (i + 1) & self->id_mask;
    }
  self->id_slots[i] = 0;

  for (j = (i + 1) & self->id_mask; self->id_slots[j] != 0; j = (j + 1) & self->id_mask)
    {
      guint home = chronicle_str_hash (get_record (self, self->id_slots[j] - 1)->id) & self->id_mask;

      /* The entry at j may move to the hole at i unless its home lies
       * cyclically in (i, j]. */
      if (i <= j ? (home > i && home <= j) : (home > i || home <= j))
        continue;
      self->id_slots[i] = self->id_slots[j];
      self->id_slots[j] = 0;
      i = j;
    }

  for (guint h = 0; h <= self->id_mask; h++)
    if (self->id_slots[h] > position + 1)
      self->id_slots[h]--;
}

static gint
id_index_lookup (ChronicleTimeline *self,
                 const char        *id)
{
  guint h = chronicle_str_hash (id) & self->id_mask;

  while (self->id_slots[h] != 0)
    {
      if (strcmp (get_record (self, self->id_slots[h] - 1)->id, id) == 0)
        return (gint) self->id_slots[h] - 1;
      h = (h + 1) & self->id_mask;
    }
  return -1;
}

static guint32
intern_category (ChronicleTimeline *self,
                 const char        *category_id)
{
  gpointer number;
  char *copy;

  if (category_id == NULL)
    return 0;

  number = g_hash_table_lookup (self->category_numbers, category_id);
  if (number != NULL)
    return GPOINTER_TO_UINT (number);

  copy = chronicle_arena_strdup (self->arena, category_id);
  g_ptr_array_add (self->category_names, copy);
  g_hash_table_insert (self->category_numbers, copy, GUINT_TO_POINTER (self->category_names->len));
  return self->category_names->len;
}

/* Copies @fields into a new record (strings into the arena). */
static Record
record_from_fields (ChronicleTimeline          *self,
                    const ChronicleEventFields *fields)
{
  Record record = { 0, };
  gboolean has_quotes = fields->quotes != NULL && fields->quotes->len > 0;
  gboolean has_media = fields->media != NULL && fields->media->len > 0;

  record.id = chronicle_arena_strdup (self->arena, fields->id);
  record.title = chronicle_arena_strdup (self->arena, fields->title);
  record.date = *fields->date;
  record.sequence = fields->sequence;
  record.category = intern_category (self, fields->category_id) |
                    (fields->approximate ? CATEGORY_APPROXIMATE : 0);

  if (fields->end != NULL || fields->summary != NULL || fields->location != NULL || fields->display_date != NULL ||
      (fields->actors != NULL && fields->actors[0] != NULL) ||
      (fields->source_ids != NULL && fields->source_ids[0] != NULL) || has_quotes || has_media ||
      fields->kept != NULL)
    {
      EventExtra *extra = chronicle_arena_alloc (self->arena, sizeof (EventExtra));

      memset (extra, 0, sizeof *extra);
      if (fields->end != NULL)
        {
          extra->end = *fields->end;
          extra->has_end = TRUE;
        }
      extra->summary = chronicle_arena_strdup (self->arena, fields->summary);
      extra->location = chronicle_arena_strdup (self->arena, fields->location);
      extra->display_date = chronicle_arena_strdup (self->arena, fields->display_date);
      extra->actors = chronicle_arena_strdupv (self->arena, fields->actors);
      extra->source_ids = chronicle_arena_strdupv (self->arena, fields->source_ids);
      if (has_quotes)
        {
          extra->quotes = g_ptr_array_new_full (fields->quotes->len, g_object_unref);
          for (guint i = 0; i < fields->quotes->len; i++)
            g_ptr_array_add (extra->quotes, g_object_ref (g_ptr_array_index (fields->quotes, i)));
        }
      if (fields->kept != NULL)
        extra->kept = chronicle_kept_ref (fields->kept);
      if (has_media)
        {
          GPtrArray *media = g_ptr_array_new_full (fields->media->len, g_object_unref);

          for (guint i = 0; i < fields->media->len; i++)
            g_ptr_array_add (media, g_object_ref (g_ptr_array_index (fields->media, i)));
          if (self->media_by_extra == NULL)
            self->media_by_extra = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
          g_hash_table_insert (self->media_by_extra, extra, media);
        }
      record.extra = extra;
    }

  return record;
}

static void
fields_from_event (ChronicleEvent       *event,
                   ChronicleEventFields *fields,
                   GPtrArray            *quotes,
                   GPtrArray            *media)
{
  fields->id = chronicle_event_get_id (event);
  fields->title = chronicle_event_get_title (event);
  fields->date = chronicle_event_get_date (event);
  fields->end = chronicle_event_get_end (event);
  fields->summary = chronicle_event_get_summary (event);
  fields->category_id = chronicle_event_get_category_id (event);
  fields->location = chronicle_event_get_location (event);
  fields->display_date = chronicle_event_get_display_date (event);
  fields->actors = chronicle_event_get_actors (event);
  fields->source_ids = chronicle_event_get_source_ids (event);
  fields->approximate = chronicle_event_get_approximate (event);
  fields->sequence = chronicle_event_get_sequence (event);
  fields->kept = chronicle_kept_get (event);

  g_ptr_array_set_size (quotes, 0);
  for (guint i = 0; i < chronicle_event_get_n_quotes (event); i++)
    g_ptr_array_add (quotes, chronicle_event_get_quote (event, i));
  fields->quotes = quotes;

  g_ptr_array_set_size (media, 0);
  for (guint i = 0; i < chronicle_event_get_n_media (event); i++)
    g_ptr_array_add (media, chronicle_event_get_media (event, i));
  fields->media = media;
}

/* What a medium holds, about: its object (a GObject and five pointers)
 * and its strings. */
static gsize
media_get_size (ChronicleMedia *media)
{
  const char *strings[] = {
    chronicle_media_get_url (media), chronicle_media_get_caption (media), chronicle_media_get_credit (media),
    chronicle_media_get_thumbnail (media), chronicle_media_get_alt (media),
  };
  gsize size = sizeof (GObject) + 5 * sizeof (gpointer);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    size += strings[i] != NULL ? strlen (strings[i]) + 1 : 0;
  return size;
}

/* The media of @extra's event, or NULL for none. */
static GPtrArray *
lookup_media (ChronicleTimeline *self,
              const EventExtra  *extra)
{
  if (extra == NULL || self->media_by_extra == NULL)
    return NULL;
  return g_hash_table_lookup (self->media_by_extra, extra);
}

/* Releases what a record owns outside the arena. */
static void
record_clear (ChronicleTimeline *self,
              Record            *record)
{
  if (record->extra != NULL)
    {
      g_clear_pointer (&record->extra->quotes, g_ptr_array_unref);
      g_clear_pointer (&record->extra->kept, chronicle_kept_unref);
      if (self->media_by_extra != NULL)
        g_hash_table_remove (self->media_by_extra, record->extra);
    }
  g_clear_object (&record->object);
}

/* Counts @date (or its end) in offset_counts by @delta when it has a
 * time and an offset: a date without a time has no zone to share. */
static void
count_offset (ChronicleTimeline   *self,
              const ChronicleDate *date,
              int                  delta)
{
  OffsetCount *counts = (OffsetCount *) (gpointer) self->offset_counts->data;
  guint i;

  if (date == NULL || !date->has_offset || date->precision < CHRONICLE_DATE_PRECISION_MINUTE)
    return;

  for (i = 0; i < self->offset_counts->len && counts[i].offset != date->utc_offset; i++)
    ;
  if (i == self->offset_counts->len)
    {
      OffsetCount entry = { date->utc_offset, 0 };

      g_return_if_fail (delta > 0);
      g_array_append_val (self->offset_counts, entry);
      counts = (OffsetCount *) (gpointer) self->offset_counts->data;
    }
  counts[i].count += delta;
  if (counts[i].count == 0)
    g_array_remove_index_fast (self->offset_counts, i);
}

static void
index_record (ChronicleTimeline *self,
              const Record      *record,
              gint64             start,
              gint64             end)
{
  ChronicleDateKinds kinds = get_date_kinds (record);

  self->max_duration = MAX (self->max_duration, end - start);
  count_offset (self, &record->date, 1);
  count_offset (self, record_get_end (record), 1);
  self->date_kinds |= kinds;
  for (guint b = 0; b < N_DATE_KINDS; b++)
    if (kinds & (1u << b))
      self->kind_counts[b]++;
  if (record->sequence >= self->next_sequence)
    self->next_sequence = record->sequence + 1;
}

/* Undoes index_record() for a record that goes: a kind no event has any
 * more leaves date_kinds, and the longest duration is found again when
 * it was this record's. next_sequence stays: sequences are not reused. */
static void
unindex_record (ChronicleTimeline *self,
                const Record      *record,
                gint64             start,
                gint64             end,
                gboolean           going)
{
  ChronicleDateKinds kinds = get_date_kinds (record);

  count_offset (self, &record->date, -1);
  count_offset (self, record_get_end (record), -1);
  for (guint b = 0; b < N_DATE_KINDS; b++)
    if ((kinds & (1u << b)) && --self->kind_counts[b] == 0)
      self->date_kinds &= ~(1u << b);

  if (going && end - start >= self->max_duration)
    {
      const gint64 *starts = (const gint64 *) (gpointer) self->starts->data;
      const gint64 *ends = (const gint64 *) (gpointer) self->ends->data;
      gboolean skipped = FALSE;

      /* A scan of two plain arrays, without the record itself. */
      self->max_duration = 0;
      for (guint i = 0; i < self->starts->len; i++)
        {
          if (!skipped && starts[i] == start && ends[i] == end)
            {
              skipped = TRUE;
              continue;
            }
          self->max_duration = MAX (self->max_duration, ends[i] - starts[i]);
        }
    }
}

/* Makes the ChronicleEvent of @position, once; the record keeps it. */
static ChronicleEvent *
ensure_object (ChronicleTimeline *self,
               guint              position)
{
  Record *record = get_record (self, position);
  EventExtra *extra = record->extra;
  GPtrArray *media;
  ChronicleEvent *event;
  guint32 category = record->category & CATEGORY_INDEX_MASK;

  if (record->object != NULL)
    return record->object;

  event = chronicle_event_new (record->id, &record->date, record->title);
  chronicle_event_set_sequence (event, record->sequence);
  if (category != 0)
    chronicle_event_set_category_id (event, g_ptr_array_index (self->category_names, category - 1));
  if (record->category & CATEGORY_APPROXIMATE)
    chronicle_event_set_approximate (event, TRUE);

  if (extra != NULL)
    {
      if (extra->has_end)
        chronicle_event_set_end (event, &extra->end);
      chronicle_event_set_summary (event, extra->summary);
      chronicle_event_set_location (event, extra->location);
      chronicle_event_set_display_date (event, extra->display_date);
      chronicle_event_set_actors (event, (const char * const *) extra->actors);
      chronicle_event_set_source_ids (event, (const char * const *) extra->source_ids);
      for (guint i = 0; extra->quotes != NULL && i < extra->quotes->len; i++)
        chronicle_event_add_quote (event, g_ptr_array_index (extra->quotes, i));
      if (extra->kept != NULL)
        chronicle_kept_set (event, extra->kept);
      media = lookup_media (self, extra);
      for (guint i = 0; media != NULL && i < media->len; i++)
        chronicle_event_add_media (event, g_ptr_array_index (media, i));
    }

  record->object = event;
  self->n_objects++;
  return event;
}

static void
clear_events (ChronicleTimeline *self)
{
  for (guint i = 0; i < self->records->len; i++)
    record_clear (self, get_record (self, i));
  g_array_set_size (self->records, 0);
  g_array_set_size (self->starts, 0);
  g_array_set_size (self->ends, 0);
  g_array_set_size (self->max_ends, 0);
  g_array_set_size (self->block_ends, 0);
  g_ptr_array_set_size (self->category_names, 0);
  g_hash_table_remove_all (self->category_numbers);
  g_clear_pointer (&self->arena, chronicle_arena_free);
  self->arena = chronicle_arena_new ();
  self->max_duration = 0;
  self->date_kinds = 0;
  memset (self->kind_counts, 0, sizeof self->kind_counts);
  g_array_set_size (self->offset_counts, 0);
  self->next_sequence = 0;
  self->n_objects = 0;
  append_slots_clear (self);
}

/* Sorts the records (appended in any order) and builds every index. */
static void
sort_and_index (ChronicleTimeline *self)
{
  guint n = self->records->len;
  g_autofree SortItem *items = g_new (SortItem, MAX (n, 1));
  g_autofree guint32 *position_of = g_new (guint32, MAX (n, 1));
  gboolean sorted = TRUE;
  gboolean ids_appended = FALSE;

  if (self->append_slots != NULL && !self->append_dups)
    {
      /* The hashes are needed no more (the table is done growing): keep
       * the record numbers only, in place and before the keys are made,
       * so the peak of the load holds 4 bytes a slot, not 8. Slot h goes
       * to byte 4h, over slots already read (slot h is at byte 8h). */
      guint32 *ids = (guint32 *) self->append_slots;

      for (guint h = 0; h <= self->append_mask; h++)
        ids[h] = self->append_slots[h].record;
      g_free (self->id_slots);
      self->id_slots = g_renew (guint32, ids, self->append_mask + 1);
      self->id_mask = self->append_mask;
      self->id_dups = FALSE;
      self->append_slots = NULL;
      self->append_mask = 0;
      ids_appended = TRUE;
    }

  for (guint i = 0; i < n; i++)
    {
      items[i].start = (guint64) chronicle_date_get_start (&get_record (self, i)->date) ^ G_GUINT64_CONSTANT (0x8000000000000000);
      items[i].index = i;
      items[i].unused = 0;
    }
  /* Files written in order (ours are) need no sort: one pass tells. */
  for (guint i = 1; i < n && sorted; i++)
    sorted = items[i - 1].start < items[i].start ||
             (items[i - 1].start == items[i].start && compare_same_start (&items[i - 1], &items[i], self) <= 0);
  if (!sorted)
    sort_items (self, items, n);

  for (guint i = 0; i < n; i++)
    position_of[items[i].index] = i;
  g_clear_pointer (&items, g_free);
  if (ids_appended)
    {
      /* The appended ids' table (record numbers since the start of
       * this function), renumbered: the same slots, since lookups hash
       * the same ids with the same mask. */
      for (guint h = 0; h <= self->id_mask; h++)
        if (self->id_slots[h] != 0)
          self->id_slots[h] = position_of[self->id_slots[h] - 1] + 1;
    }
  else
    build_id_index_before_sort (self, position_of);
  append_slots_clear (self);

  /* Permute the records in place, cycle by cycle, each record sent to
   * position_of[] (G_MAXUINT32 once placed): a second array of records
   * would be 56 MB more at the peak of a million. Following destinations
   * (4 bytes a record) rather than the keys' sources (32 bytes) makes each
   * step one cache miss, the record, not two in a row (issue #12). */
  for (guint i = 0; i < n && !sorted; i++)
    {
      Record moving;
      guint to;

      if (position_of[i] == G_MAXUINT32)
        continue;

      moving = *get_record (self, i);
      to = position_of[i];
      position_of[i] = G_MAXUINT32;
      while (to != i)
        {
          Record displaced = *get_record (self, to);
          guint next = position_of[to];

          *get_record (self, to) = moving;
          position_of[to] = G_MAXUINT32;
          moving = displaced;
          to = next;
        }
      *get_record (self, i) = moving;
    }
  g_clear_pointer (&position_of, g_free);

  /* The sorted times, in record order now. */
  g_array_set_size (self->starts, n);
  g_array_set_size (self->ends, n);
  for (guint i = 0; i < n; i++)
    {
      const Record *record = get_record (self, i);

      g_array_index (self->starts, gint64, i) = chronicle_date_get_start (&record->date);
      g_array_index (self->ends, gint64, i) = record_get_end_time (record);
    }

  self->max_duration = 0;
  self->date_kinds = 0;
  memset (self->kind_counts, 0, sizeof self->kind_counts);
  g_array_set_size (self->offset_counts, 0);
  self->next_sequence = 0;
  for (guint i = 0; i < n; i++)
    index_record (self, get_record (self, i), g_array_index (self->starts, gint64, i),
                  g_array_index (self->ends, gint64, i));

  update_end_indexes (self, 0);
  build_precision_index (self);
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

  return self->appending ? 0 : self->records->len;
}

static gpointer
chronicle_timeline_get_item (GListModel *model,
                             guint       position)
{
  ChronicleTimeline *self = CHRONICLE_TIMELINE (model);

  if (self->appending || position >= self->records->len)
    return NULL;

  return g_object_ref (ensure_object (self, position));
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

  g_clear_object (&self->sources);
  g_clear_object (&self->categories);
  g_clear_object (&self->eras);
  if (self->records != NULL)
    clear_events (self);

  G_OBJECT_CLASS (chronicle_timeline_parent_class)->dispose (object);
}

static void
chronicle_timeline_finalize (GObject *object)
{
  ChronicleTimeline *self = (ChronicleTimeline *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->import_summary, g_free);
  g_clear_pointer (&self->sources_by_id, g_hash_table_unref);
  g_clear_pointer (&self->categories_by_id, g_hash_table_unref);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->offset_counts, g_array_unref);
  g_clear_pointer (&self->ends, g_array_unref);
  g_clear_pointer (&self->max_ends, g_array_unref);
  g_clear_pointer (&self->block_ends, g_array_unref);
  g_clear_pointer (&self->category_names, g_ptr_array_unref);
  g_clear_pointer (&self->category_numbers, g_hash_table_unref);
  g_clear_pointer (&self->arena, chronicle_arena_free);
  g_clear_pointer (&self->id_slots, g_free);
  g_clear_pointer (&self->append_slots, g_free);
  g_clear_pointer (&self->media_by_extra, g_hash_table_unref);

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
  self->arena = chronicle_arena_new ();
  self->records = g_array_new (FALSE, FALSE, sizeof (Record));
  self->starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->offset_counts = g_array_new (FALSE, FALSE, sizeof (OffsetCount));
  self->ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->max_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->block_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_names = g_ptr_array_new ();
  self->category_numbers = g_hash_table_new (chronicle_str_hash, g_str_equal);
  build_precision_index (self);
  rebuild_id_index (self);
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
chronicle_timeline_get_import_summary (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  return self->import_summary;
}

void
chronicle_timeline_set_import (ChronicleTimeline *self,
                               const char        *summary,
                               gboolean           untitled)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));

  g_free (self->import_summary);
  self->import_summary = g_strdup (summary);
  self->import_untitled = untitled;
}

gboolean
chronicle_timeline_get_import_untitled (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);

  return self->import_untitled;
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
  guint position;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  if (!chronicle_timeline_lookup_position (self, id, &position))
    return NULL;
  return ensure_object (self, position);
}

/**
 * chronicle_timeline_lookup_position:
 * @id: (nullable): an event id
 * @position: (out) (optional): where the event with @id is
 *
 * Finds an event by id without making its object, O(1).
 *
 * Returns: %TRUE when there is an event with @id
 */
gboolean
chronicle_timeline_lookup_position (ChronicleTimeline *self,
                                    const char        *id,
                                    guint             *position)
{
  gint found;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);

  if (id == NULL || self->appending)
    return FALSE;

  found = id_index_lookup (self, id);
  if (found < 0)
    return FALSE;
  if (position != NULL)
    *position = (guint) found;
  return TRUE;
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

/* Inserts a copy of @fields at its sorted position, after any event that
 * compares equal, keeping every index right; returns the position. */
static guint
insert_fields (ChronicleTimeline          *self,
               const ChronicleEventFields *fields,
               ChronicleEvent             *object)
{
  Record record = record_from_fields (self, fields);
  gint64 start = chronicle_date_get_start (&record.date);
  gint64 end = record_get_end_time (&record);
  guint n = self->records->len;
  guint position = n;

  if (n > 0 && compare_keys (g_array_index (self->starts, gint64, n - 1),
                             g_array_index (self->ends, gint64, n - 1),
                             get_record (self, n - 1)->sequence, get_record (self, n - 1)->id,
                             start, end, record.sequence, record.id) > 0)
    {
      guint lo = 0, hi = n;

      /* Upper bound: the first event that sorts after the new one. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (compare_keys (g_array_index (self->starts, gint64, mid),
                            g_array_index (self->ends, gint64, mid),
                            get_record (self, mid)->sequence, get_record (self, mid)->id,
                            start, end, record.sequence, record.id) <= 0)
            lo = mid + 1;
          else
            hi = mid;
        }
      position = lo;
    }

  if (object != NULL)
    {
      record.object = g_object_ref (object);
      self->n_objects++;
    }

  g_array_insert_val (self->records, position, record);
  g_array_insert_val (self->starts, position, start);
  g_array_insert_val (self->ends, position, end);
  update_end_indexes (self, position);
  index_record (self, &record, start, end);
  insert_into_precision_index (self, position);
  id_index_after_insert (self, position);

  return position;
}

/**
 * chronicle_timeline_add_event:
 * @event: an event, complete: it must not change afterwards
 *
 * Inserts @event (a new reference; the timeline keeps a copy of its
 * fields and returns this very object for its position) at its sorted
 * position, after any event that compares equal, and emits
 * #GListModel::items-changed. Appending in order costs O(1); an insertion
 * in the middle moves the tail, O(n). Use chronicle_timeline_set_events()
 * for bulk loads.
 */
void
chronicle_timeline_add_event (ChronicleTimeline *self,
                              ChronicleEvent    *event)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  g_autoptr(GPtrArray) media = g_ptr_array_new ();
  ChronicleEventFields fields;
  guint position;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (CHRONICLE_IS_EVENT (event));
  g_return_if_fail (!self->appending);

  fields_from_event (event, &fields, quotes, media);
  position = insert_fields (self, &fields, event);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/**
 * chronicle_timeline_set_events:
 * @events: (element-type ChronicleEvent): events in any order
 *
 * Replaces all events with @events (taking new references, which the
 * timeline returns for their positions; @events is not modified), sorting
 * them once, O(n log n), and emits one #GListModel::items-changed for the
 * whole list.
 */
void
chronicle_timeline_set_events (ChronicleTimeline *self,
                               GPtrArray         *events)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  g_autoptr(GPtrArray) media = g_ptr_array_new ();
  guint old_n;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (events != NULL);
  g_return_if_fail (!self->appending);

  for (guint i = 0; i < events->len; i++)
    g_return_if_fail (CHRONICLE_IS_EVENT (g_ptr_array_index (events, i)));

  /* Take the new references before dropping the old ones: some may be
   * the same objects. */
  for (guint i = 0; i < events->len; i++)
    g_object_ref (g_ptr_array_index (events, i));

  old_n = self->records->len;
  clear_events (self);

  for (guint i = 0; i < events->len; i++)
    {
      ChronicleEvent *event = g_ptr_array_index (events, i);
      ChronicleEventFields fields;
      Record record;

      fields_from_event (event, &fields, quotes, media);
      record = record_from_fields (self, &fields);
      record.object = event;   /* the reference taken above */
      g_array_append_val (self->records, record);
    }
  self->n_objects = events->len;
  sort_and_index (self);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->records->len);
}

/**
 * chronicle_timeline_append_fields:
 * @fields: an event's fields, copied
 *
 * Appends an event during a bulk load (see chronicle-timeline-private.h):
 * the first call empties the timeline; the events are not visible until
 * chronicle_timeline_finish_appending().
 *
 * Returns: (transfer none): the timeline's copy of the id
 */
const char *
chronicle_timeline_append_fields (ChronicleTimeline          *self,
                                  const ChronicleEventFields *fields)
{
  Record record;
  AppendSlot *slot;
  guint hash;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (fields != NULL && fields->id != NULL && fields->title != NULL && fields->date != NULL, NULL);

  if (!self->appending)
    {
      guint old_n = self->records->len;

      clear_events (self);
      self->appending = TRUE;
      if (old_n > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
    }

  hash = fields->id_hashed ? fields->id_hash : chronicle_str_hash (fields->id);
  append_slots_reserve (self);
  slot = append_slots_find (self, fields->id, hash);
  record = record_from_fields (self, fields);
  if (slot->record == 0)
    {
      slot->record = self->records->len + 1;
      slot->hash = hash;
    }
  else
    self->append_dups = TRUE;
  g_array_append_val (self->records, record);
  return record.id;
}

/**
 * chronicle_timeline_find_appended:
 * @self: a #ChronicleTimeline
 * @id: an event id
 * @hash: (out): chronicle_str_hash (@id), for #ChronicleEventFields.id_hash
 * @sequence: (out) (optional): the sequence of the first event appended with @id
 *
 * Looks @id up among the events appended since the bulk load began (none
 * before the first chronicle_timeline_append_fields()), so a loader checks
 * for duplicate ids with the store's table instead of one of its own.
 *
 * Returns: whether an appended event has @id
 */
gboolean
chronicle_timeline_find_appended (ChronicleTimeline *self,
                                  const char        *id,
                                  guint             *hash,
                                  guint             *sequence)
{
  AppendSlot *slot;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (id != NULL && hash != NULL, FALSE);

  *hash = chronicle_str_hash (id);
  if (!self->appending || self->append_slots == NULL)
    return FALSE;
  slot = append_slots_find (self, id, *hash);
  if (slot->record == 0)
    return FALSE;
  if (sequence != NULL)
    *sequence = get_record (self, slot->record - 1)->sequence;
  return TRUE;
}

/* Sorts what chronicle_timeline_append_fields() added, builds the indexes
 * and emits one #GListModel::items-changed. */
void
chronicle_timeline_finish_appending (ChronicleTimeline *self)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));

  if (!self->appending)
    return;

  sort_and_index (self);
  self->appending = FALSE;
  if (self->records->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->records->len);
}

/**
 * chronicle_timeline_snapshot:
 *
 * Makes a timeline with what @self holds now, for a reader in another
 * thread (an export): the main thread may edit @self meanwhile, which
 * rewrites its records and drops their quotes. The copy has its own
 * store (chronicle_timeline_copy_appended(): strings copied into its own
 * arena, one pass and one sort); it shares the categories, sources, eras,
 * quotes and kept members, which an edit replaces and never changes in
 * place, and whose references are atomic.
 *
 * Returns: (transfer full): a timeline nobody else changes
 */
ChronicleTimeline *
chronicle_timeline_snapshot (ChronicleTimeline *self)
{
  ChronicleTimeline *copy;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (!self->appending, NULL);

  copy = chronicle_timeline_copy_appended (self);
  copy->next_sequence = MAX (copy->next_sequence, self->next_sequence);
  return copy;
}

/* --- Editing (issue #13, docs/model.md) ------------------------------ */

/* Takes the record at @position out of the store and every index; the
 * caller emits items-changed. */
static void
remove_record (ChronicleTimeline *self,
               guint              position)
{
  Record *record = get_record (self, position);
  gint64 start = g_array_index (self->starts, gint64, position);
  gint64 end = g_array_index (self->ends, gint64, position);
  gboolean rebuild_ids = self->id_dups;

  unindex_record (self, record, start, end, TRUE);
  remove_from_precision_index (self, position, get_finest_precision (record), TRUE);
  id_index_before_remove (self, position);

  if (record->object != NULL)
    self->n_objects--;
  record_clear (self, record);
  /* Its strings stay in the arena until the timeline goes. */
  g_array_remove_index (self->records, position);
  g_array_remove_index (self->starts, position);
  g_array_remove_index (self->ends, position);
  update_end_indexes (self, position);
  if (rebuild_ids)
    rebuild_id_index (self);
}

/**
 * chronicle_timeline_remove_event_at:
 * @position: a position
 *
 * Removes the event at @position (dropping its object, if one was made)
 * and emits #GListModel::items-changed (@position, 1, 0).
 */
void
chronicle_timeline_remove_event_at (ChronicleTimeline *self,
                                    guint              position)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (!self->appending);
  g_return_if_fail (position < self->records->len);

  remove_record (self, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

/**
 * chronicle_timeline_insert_event_copy:
 * @event: the fields to add (with its sequence); the object is not kept
 *
 * Inserts a copy of @event's fields at its sorted position and emits
 * #GListModel::items-changed (position, 0, 1). Unlike
 * chronicle_timeline_add_event(), the timeline makes its own object on
 * demand, so @event stays its caller's.
 *
 * Returns: the position of the new event
 */
guint
chronicle_timeline_insert_event_copy (ChronicleTimeline *self,
                                      ChronicleEvent    *event)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  g_autoptr(GPtrArray) media = g_ptr_array_new ();
  ChronicleEventFields fields;
  guint position;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), 0);
  g_return_val_if_fail (!self->appending, 0);

  fields_from_event (event, &fields, quotes, media);
  position = insert_fields (self, &fields, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  return position;
}

/* chronicle_timeline_replace_event_at(), keeping @object (a new
 * reference, or NULL for none) as the event's object. */
static guint
replace_at (ChronicleTimeline *self,
            guint              position,
            ChronicleEvent    *event,
            ChronicleEvent    *object)
{
  g_autoptr(GPtrArray) quotes = g_ptr_array_new ();
  g_autoptr(GPtrArray) media = g_ptr_array_new ();
  ChronicleEventFields fields;
  Record *record;
  ChronicleDatePrecision old_precision, new_precision;
  gint64 start, end;

  fields_from_event (event, &fields, quotes, media);
  if (compare_position_event (self, position, event) != 0)
    {
      remove_record (self, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
      position = insert_fields (self, &fields, object);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
      return position;
    }

  /* Same place in the order: only the record and the indexes that read
   * more than the keys (date kinds, finest precision) change. */
  start = g_array_index (self->starts, gint64, position);
  end = g_array_index (self->ends, gint64, position);
  record = get_record (self, position);
  old_precision = get_finest_precision (record);
  unindex_record (self, record, start, end, FALSE);
  if (record->object != NULL)
    self->n_objects--;
  record_clear (self, record);

  *record = record_from_fields (self, &fields);
  if (object != NULL)
    {
      record->object = g_object_ref (object);
      self->n_objects++;
    }
  index_record (self, record, start, end);
  new_precision = get_finest_precision (record);
  if (new_precision != old_precision)
    {
      GArray *own = self->by_precision[new_precision];

      remove_from_precision_index (self, position, old_precision, FALSE);
      g_array_insert_val (own, positions_lower_bound (own, position), position);
    }

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return position;
}

/**
 * chronicle_timeline_replace_event_at:
 * @position: the event to change
 * @event: its new fields (with its sequence); the object is not kept
 *
 * Gives the event at @position the fields of @event. When its sort keys
 * (times, sequence, id) stay, the record is rewritten where it is
 * (items-changed (@position, 1, 1)); otherwise it is removed and
 * inserted again (items-changed (@position, 1, 0), then (new, 0, 1)).
 * Either way its object, if one was made, is dropped: the next
 * chronicle_timeline_get_event() makes one with the new fields.
 *
 * Returns: the event's new position
 */
guint
chronicle_timeline_replace_event_at (ChronicleTimeline *self,
                                     guint              position,
                                     ChronicleEvent    *event)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), 0);
  g_return_val_if_fail (!self->appending, 0);
  g_return_val_if_fail (position < self->records->len, 0);

  return replace_at (self, position, event, NULL);
}

/**
 * chronicle_timeline_put_event_at:
 * @position: the event to change
 * @event: the event it becomes, kept as its object
 *
 * As chronicle_timeline_replace_event_at(), but the timeline returns
 * @event itself for its position, as chronicle_timeline_add_event()
 * does: for a filtered timeline, which shares its objects with the whole
 * one.
 *
 * Returns: the event's new position
 */
guint
chronicle_timeline_put_event_at (ChronicleTimeline *self,
                                 guint              position,
                                 ChronicleEvent    *event)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), 0);
  g_return_val_if_fail (!self->appending, 0);
  g_return_val_if_fail (position < self->records->len, 0);

  return replace_at (self, position, event, event);
}

/* Returns: a sequence after every event's, for an event an editor adds
 * (it sorts after the events of its time and saves at the end). */
guint
chronicle_timeline_get_next_sequence (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  return self->next_sequence;
}

/* Returns: how many events name category @id */
guint
chronicle_timeline_count_category_uses (ChronicleTimeline *self,
                                        const char        *id)
{
  gpointer number;
  guint count = 0;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  number = g_hash_table_lookup (self->category_numbers, id);
  if (number == NULL)
    return 0;
  for (guint i = 0; i < self->records->len; i++)
    if ((get_record (self, i)->category & CATEGORY_INDEX_MASK) == GPOINTER_TO_UINT (number))
      count++;
  return count;
}

/* Returns: how many events name source @id, themselves or in a quote */
guint
chronicle_timeline_count_source_uses (ChronicleTimeline *self,
                                      const char        *id)
{
  guint count = 0;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);
  g_return_val_if_fail (id != NULL, 0);

  for (guint i = 0; i < self->records->len; i++)
    {
      const EventExtra *extra = get_record (self, i)->extra;
      gboolean used = FALSE;

      if (extra == NULL)
        continue;
      used = extra->source_ids != NULL && g_strv_contains ((const char * const *) extra->source_ids, id);
      for (guint q = 0; !used && extra->quotes != NULL && q < extra->quotes->len; q++)
        used = g_strcmp0 (chronicle_quote_get_source_id (g_ptr_array_index (extra->quotes, q)), id) == 0;
      count += used ? 1 : 0;
    }
  return count;
}

/* The list @store will hold after the splice, for building its id table
 * before the store announces the change. */
static GPtrArray *
list_after_splice (GListStore *store,
                   guint       position,
                   guint       n_removals,
                   gpointer    added)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      if (i == position && added != NULL)
        g_ptr_array_add (items, g_object_ref (added));
      if (i < position || i >= position + n_removals)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));
    }
  if (position >= n && added != NULL)
    g_ptr_array_add (items, g_object_ref (added));
  return items;
}

/**
 * chronicle_timeline_splice_category:
 * @position: where in the categories
 * @n_removals: 0 or 1
 * @added: (nullable): the category to put at @position
 *
 * Removes, replaces or inserts one category; the id table is right
 * before the list emits items-changed, so its handlers may look up.
 */
void
chronicle_timeline_splice_category (ChronicleTimeline *self,
                                    guint              position,
                                    guint              n_removals,
                                    ChronicleCategory *added)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GObject) removed = NULL;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (added == NULL || CHRONICLE_IS_CATEGORY (added));
  g_return_if_fail (n_removals <= 1);
  g_return_if_fail (position + n_removals <= g_list_model_get_n_items (G_LIST_MODEL (self->categories)));

  /* The table borrows ids from the categories: keep the removed one
   * alive until the table no longer names it and the store let it go. */
  if (n_removals > 0)
    removed = g_list_model_get_item (G_LIST_MODEL (self->categories), position);
  items = list_after_splice (self->categories, position, n_removals, added);
  g_hash_table_remove_all (self->categories_by_id);
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = chronicle_category_get_id (g_ptr_array_index (items, i));

      if (!g_hash_table_contains (self->categories_by_id, id))
        g_hash_table_insert (self->categories_by_id, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
  g_list_store_splice (self->categories, position, n_removals, added != NULL ? (gpointer *) &added : NULL,
                       added != NULL ? 1 : 0);
}

/* As chronicle_timeline_splice_category(), for sources. */
void
chronicle_timeline_splice_source (ChronicleTimeline *self,
                                  guint              position,
                                  guint              n_removals,
                                  ChronicleSource   *added)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GObject) removed = NULL;

  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (added == NULL || CHRONICLE_IS_SOURCE (added));
  g_return_if_fail (n_removals <= 1);
  g_return_if_fail (position + n_removals <= g_list_model_get_n_items (G_LIST_MODEL (self->sources)));

  /* The table borrows ids from the sources: keep the removed one alive
   * until the table no longer names it and the store has let it go. */
  if (n_removals > 0)
    removed = g_list_model_get_item (G_LIST_MODEL (self->sources), position);
  items = list_after_splice (self->sources, position, n_removals, added);
  g_hash_table_remove_all (self->sources_by_id);
  for (guint i = 0; i < items->len; i++)
    {
      ChronicleSource *source = g_ptr_array_index (items, i);
      const char *id = chronicle_source_get_id (source);

      if (!g_hash_table_contains (self->sources_by_id, id))
        g_hash_table_insert (self->sources_by_id, (gpointer) id, source);
    }
  g_list_store_splice (self->sources, position, n_removals, added != NULL ? (gpointer *) &added : NULL,
                       added != NULL ? 1 : 0);
}

/* As chronicle_timeline_splice_category(), for eras (which have no table). */
void
chronicle_timeline_splice_era (ChronicleTimeline *self,
                               guint              position,
                               guint              n_removals,
                               ChronicleEra      *added)
{
  g_return_if_fail (CHRONICLE_IS_TIMELINE (self));
  g_return_if_fail (added == NULL || CHRONICLE_IS_ERA (added));
  g_return_if_fail (n_removals <= 1);
  g_return_if_fail (position + n_removals <= g_list_model_get_n_items (G_LIST_MODEL (self->eras)));

  g_list_store_splice (self->eras, position, n_removals, added != NULL ? (gpointer *) &added : NULL,
                       added != NULL ? 1 : 0);
}

guint
chronicle_timeline_get_n_event_objects (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  return self->n_objects;
}

gsize
chronicle_timeline_get_event_memory (ChronicleTimeline *self)
{
  gsize size;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  size = chronicle_arena_get_size (self->arena) +
         self->records->len * (sizeof (Record) + 3 * sizeof (gint64) + sizeof (guint)) +
         self->block_ends->len * sizeof (gint64) +
         (self->id_mask + 1) * sizeof (guint32);
  /* The media table: about a hash slot and a GPtrArray an event that
   * has media, and a pointer, an object and its strings a medium. */
  if (self->media_by_extra != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->media_by_extra);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          GPtrArray *media = value;

          size += 4 * sizeof (gpointer) + 32;
          for (guint i = 0; i < media->len; i++)
            size += sizeof (gpointer) + media_get_size (g_ptr_array_index (media, i));
        }
    }
  return size;
}

guint
chronicle_timeline_get_n_events (ChronicleTimeline *self)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);

  return self->appending ? 0 : self->records->len;
}

/**
 * chronicle_timeline_get_event:
 * @position: a position, in sorted order
 *
 * The event as an object, made on first use and kept by the timeline as
 * long as the event is in it: for lists, the sidebar and selection. Code
 * that visits many events (layout, search, filters) uses the
 * chronicle_timeline_get_event_*() accessors, which make no object.
 *
 * Returns: (transfer none): the event at @position
 */
ChronicleEvent *
chronicle_timeline_get_event (ChronicleTimeline *self,
                              guint              position)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);
  g_return_val_if_fail (position < chronicle_timeline_get_n_events (self), NULL);

  return ensure_object (self, position);
}

#define RETURN_IF_NO_EVENT(self, position, value) G_STMT_START {                 \
    g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), value);                   \
    g_return_val_if_fail ((position) < chronicle_timeline_get_n_events (self), value); \
  } G_STMT_END

/* Returns: (transfer none): the id of the event at @position */
const char *
chronicle_timeline_get_event_id (ChronicleTimeline *self,
                                 guint              position)
{
  RETURN_IF_NO_EVENT (self, position, NULL);

  return get_record (self, position)->id;
}

/* Returns: (transfer none): the title of the event at @position */
const char *
chronicle_timeline_get_event_title (ChronicleTimeline *self,
                                    guint              position)
{
  RETURN_IF_NO_EVENT (self, position, NULL);

  return get_record (self, position)->title;
}

/* Returns: (transfer none): the date of the event at @position, valid
 * until the timeline changes */
const ChronicleDate *
chronicle_timeline_get_event_date (ChronicleTimeline *self,
                                   guint              position)
{
  RETURN_IF_NO_EVENT (self, position, NULL);

  return &get_record (self, position)->date;
}

/* Returns: (transfer none) (nullable): the end of the event at @position,
 * %NULL for a point in time */
const ChronicleDate *
chronicle_timeline_get_event_end (ChronicleTimeline *self,
                                  guint              position)
{
  RETURN_IF_NO_EVENT (self, position, NULL);

  return record_get_end (get_record (self, position));
}

gint64
chronicle_timeline_get_event_start_time (ChronicleTimeline *self,
                                         guint              position)
{
  RETURN_IF_NO_EVENT (self, position, 0);

  return g_array_index (self->starts, gint64, position);
}

gint64
chronicle_timeline_get_event_end_time (ChronicleTimeline *self,
                                       guint              position)
{
  RETURN_IF_NO_EVENT (self, position, 0);

  return g_array_index (self->ends, gint64, position);
}

/* Returns: (transfer none) (nullable): the category id the event at
 * @position names, known or not */
const char *
chronicle_timeline_get_event_category_id (ChronicleTimeline *self,
                                          guint              position)
{
  guint32 category;

  RETURN_IF_NO_EVENT (self, position, NULL);

  category = get_record (self, position)->category & CATEGORY_INDEX_MASK;
  return category != 0 ? g_ptr_array_index (self->category_names, category - 1) : NULL;
}

gboolean
chronicle_timeline_get_event_approximate (ChronicleTimeline *self,
                                          guint              position)
{
  RETURN_IF_NO_EVENT (self, position, FALSE);

  return (get_record (self, position)->category & CATEGORY_APPROXIMATE) != 0;
}

/* Returns: (transfer none) (nullable) */
const char *
chronicle_timeline_get_event_summary (ChronicleTimeline *self,
                                      guint              position)
{
  const EventExtra *extra;

  RETURN_IF_NO_EVENT (self, position, NULL);

  extra = get_record (self, position)->extra;
  return extra != NULL ? extra->summary : NULL;
}

/* Returns: (transfer none) (nullable) */
const char *
chronicle_timeline_get_event_location (ChronicleTimeline *self,
                                       guint              position)
{
  const EventExtra *extra;

  RETURN_IF_NO_EVENT (self, position, NULL);

  extra = get_record (self, position)->extra;
  return extra != NULL ? extra->location : NULL;
}

const char *
chronicle_timeline_get_event_display_date (ChronicleTimeline *self,
                                           guint              position)
{
  const EventExtra *extra;

  RETURN_IF_NO_EVENT (self, position, NULL);

  extra = get_record (self, position)->extra;
  return extra != NULL ? extra->display_date : NULL;
}

/* Returns: (transfer none): NULL-terminated, empty when none, never %NULL */
const char * const *
chronicle_timeline_get_event_actors (ChronicleTimeline *self,
                                     guint              position)
{
  const EventExtra *extra;

  RETURN_IF_NO_EVENT (self, position, no_strings);

  extra = get_record (self, position)->extra;
  return extra != NULL && extra->actors != NULL ? (const char * const *) extra->actors : no_strings;
}

/* Returns: (transfer none): NULL-terminated, empty when none, never %NULL */
const char * const *
chronicle_timeline_get_event_source_ids (ChronicleTimeline *self,
                                         guint              position)
{
  const EventExtra *extra;

  RETURN_IF_NO_EVENT (self, position, no_strings);

  extra = get_record (self, position)->extra;
  return extra != NULL && extra->source_ids != NULL ? (const char * const *) extra->source_ids : no_strings;
}

guint
chronicle_timeline_get_event_n_quotes (ChronicleTimeline *self,
                                       guint              position)
{
  const EventExtra *extra;

  RETURN_IF_NO_EVENT (self, position, 0);

  extra = get_record (self, position)->extra;
  return extra != NULL && extra->quotes != NULL ? extra->quotes->len : 0;
}

/* Returns: (transfer none): the quote at @index of the event at @position */
ChronicleQuote *
chronicle_timeline_get_event_quote (ChronicleTimeline *self,
                                    guint              position,
                                    guint              index)
{
  RETURN_IF_NO_EVENT (self, position, NULL);
  g_return_val_if_fail (index < chronicle_timeline_get_event_n_quotes (self, position), NULL);

  return g_ptr_array_index (get_record (self, position)->extra->quotes, index);
}

guint
chronicle_timeline_get_event_n_media (ChronicleTimeline *self,
                                      guint              position)
{
  GPtrArray *media;

  RETURN_IF_NO_EVENT (self, position, 0);

  media = lookup_media (self, get_record (self, position)->extra);
  return media != NULL ? media->len : 0;
}

/* Returns: (transfer none): the medium at @index of the event at @position */
ChronicleMedia *
chronicle_timeline_get_event_media (ChronicleTimeline *self,
                                    guint              position,
                                    guint              index)
{
  RETURN_IF_NO_EVENT (self, position, NULL);
  g_return_val_if_fail (index < chronicle_timeline_get_event_n_media (self, position), NULL);

  return g_ptr_array_index (lookup_media (self, get_record (self, position)->extra), index);
}

ChronicleKept *
chronicle_timeline_get_event_kept (ChronicleTimeline *self,
                                   guint              position)
{
  const EventExtra *extra;

  RETURN_IF_NO_EVENT (self, position, NULL);

  extra = get_record (self, position)->extra;
  return extra != NULL ? extra->kept : NULL;
}

guint
chronicle_timeline_get_event_sequence (ChronicleTimeline *self,
                                       guint              position)
{
  RETURN_IF_NO_EVENT (self, position, 0);

  return get_record (self, position)->sequence;
}

/**
 * chronicle_timeline_peek_times:
 * @starts: (out) (transfer none): the start times, in sorted order
 * @ends: (out) (transfer none): the end times (exclusive), in the same order
 *
 * Returns: the number of events (0 while a bulk load runs)
 */
guint
chronicle_timeline_peek_times (ChronicleTimeline  *self,
                               const gint64      **starts,
                               const gint64      **ends)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), 0);
  g_return_val_if_fail (starts != NULL && ends != NULL, 0);

  *starts = (const gint64 *) (gpointer) self->starts->data;
  *ends = (const gint64 *) (gpointer) self->ends->data;
  return chronicle_timeline_get_n_events (self);
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
  guint lo = 0, hi, n;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), FALSE);

  n = chronicle_timeline_get_n_events (self);
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_position_event (self, mid, event) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  /* Equal-comparing events (duplicate ids) sit side by side. */
  for (; lo < n; lo++)
    {
      if (get_record (self, lo)->object == event)
        {
          if (position != NULL)
            *position = lo;
          return TRUE;
        }
      if (compare_position_event (self, lo, event) != 0)
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
 * chronicle_timeline_get_shared_offset:
 * @offset: (out): seconds east of UTC
 *
 * Whether the dates with a time of day that carry an offset ("10:30+03:00")
 * all carry the same one, kept as events are added and removed: the zone
 * a view shows such a timeline in.
 *
 * Returns: %TRUE with @offset set when they share one; %FALSE when none
 *   has an offset or they differ
 */
gboolean
chronicle_timeline_get_shared_offset (ChronicleTimeline *self,
                                      int               *offset)
{
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (offset != NULL, FALSE);

  if (self->offset_counts->len != 1)
    return FALSE;
  *offset = g_array_index (self->offset_counts, OffsetCount, 0).offset;
  return TRUE;
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

  last = MIN (last, self->records->len);
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
              !func (self, i, ensure_object (self, i), user_data))
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

  n = chronicle_timeline_get_n_events (self);
  if (n == 0)
    return FALSE;

  if (start != NULL)
    *start = g_array_index (self->starts, gint64, 0);
  if (end != NULL)
    *end = g_array_index (self->max_ends, gint64, n - 1);
  return TRUE;
}

/**
 * chronicle_timeline_copy_appended:
 *
 * A new timeline of the events appended so far in a bulk load (or of all
 * the events, outside one), sorted and indexed, with the same title,
 * description, sources, categories and eras: what the window draws while
 * the rest of a large file loads (issue #12). @self is not changed and
 * goes on appending. Costs about what appending those events cost.
 *
 * Returns: (transfer full): the copy
 */
ChronicleTimeline *
chronicle_timeline_copy_appended (ChronicleTimeline *self)
{
  ChronicleTimeline *copy;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (self), NULL);

  copy = chronicle_timeline_new (self->title);
  chronicle_timeline_set_description (copy, self->description);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sources)); i++)
    {
      g_autoptr(ChronicleSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);
      chronicle_timeline_add_source (copy, source);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->categories)); i++)
    {
      g_autoptr(ChronicleCategory) category = g_list_model_get_item (G_LIST_MODEL (self->categories), i);
      chronicle_timeline_add_category (copy, category);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->eras)); i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (G_LIST_MODEL (self->eras), i);
      chronicle_timeline_add_era (copy, era);
    }

  for (guint i = 0; i < self->records->len; i++)
    {
      const Record *record = get_record (self, i);
      const EventExtra *extra = record->extra;
      guint32 category = record->category & CATEGORY_INDEX_MASK;
      ChronicleEventFields fields = { 0, };

      fields.id = record->id;
      fields.title = record->title;
      fields.date = &record->date;
      fields.category_id = category != 0 ? g_ptr_array_index (self->category_names, category - 1) : NULL;
      fields.approximate = (record->category & CATEGORY_APPROXIMATE) != 0;
      fields.sequence = record->sequence;
      if (extra != NULL)
        {
          fields.end = extra->has_end ? &extra->end : NULL;
          fields.summary = extra->summary;
          fields.location = extra->location;
          fields.actors = (const char * const *) extra->actors;
          fields.source_ids = (const char * const *) extra->source_ids;
          fields.display_date = extra->display_date;
          fields.quotes = extra->quotes;
          fields.media = lookup_media (self, extra);
          fields.kept = extra->kept;
        }
      chronicle_timeline_append_fields (copy, &fields);
    }
  chronicle_timeline_finish_appending (copy);

  return copy;
}
