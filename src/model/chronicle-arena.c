/* chronicle-arena.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-arena"

#include "config.h"

#include "chronicle-arena-private.h"

#include <string.h>

/* Large enough that a million events take a few hundred blocks, small
 * enough that a timeline of ten events does not reserve megabytes: blocks
 * grow from MIN to MAX as the arena fills. */
#define MIN_BLOCK_SIZE (4 * 1024)
#define MAX_BLOCK_SIZE (1024 * 1024)
#define ALIGNMENT      8

struct _ChronicleArena
{
  GPtrArray *blocks;     /* of g_malloc'd blocks */
  char      *free_at;    /* in the last block */
  gsize      n_free;
  gsize      next_size;  /* of the next block */
  gsize      size;       /* bytes handed out */
};

ChronicleArena *
chronicle_arena_new (void)
{
  ChronicleArena *arena = g_new0 (ChronicleArena, 1);

  arena->blocks = g_ptr_array_new_with_free_func (g_free);
  arena->next_size = MIN_BLOCK_SIZE;
  return arena;
}

void
chronicle_arena_free (ChronicleArena *arena)
{
  if (arena == NULL)
    return;

  g_ptr_array_unref (arena->blocks);
  g_free (arena);
}

/* @size bytes anywhere: strings need no alignment. */
static char *
alloc_bytes (ChronicleArena *arena,
             gsize           size)
{
  gsize padded = size;
  char *p;

  if (padded > arena->n_free)
    {
      gsize block_size = MAX (arena->next_size, padded);

      arena->free_at = g_malloc (block_size);
      arena->n_free = block_size;
      g_ptr_array_add (arena->blocks, arena->free_at);
      arena->next_size = MIN (arena->next_size * 2, MAX_BLOCK_SIZE);
    }

  p = arena->free_at;
  arena->free_at += padded;
  arena->n_free -= padded;
  arena->size += padded;
  return p;
}

/* Returns: (transfer none): @size bytes aligned for any field we store,
 * not zeroed, alive as long as @arena */
gpointer
chronicle_arena_alloc (ChronicleArena *arena,
                       gsize           size)
{
  gsize misalign;

  g_return_val_if_fail (arena != NULL, NULL);

  misalign = (guintptr) arena->free_at % ALIGNMENT;

  /* Strings leave the next free byte anywhere: skip to an aligned one
   * (or to the end of the block, so that a new, aligned one is taken). */
  if (misalign != 0)
    {
      gsize skip = MIN (ALIGNMENT - misalign, arena->n_free);

      arena->free_at += skip;
      arena->n_free -= skip;
      arena->size += skip;
    }
  g_return_val_if_fail (size > 0, NULL);
  return alloc_bytes (arena, size);
}

/* Returns: (transfer none) (nullable): a copy of @text, or %NULL for %NULL */
char *
chronicle_arena_strdup (ChronicleArena *arena,
                        const char     *text)
{
  gsize length;
  char *copy;

  if (text == NULL)
    return NULL;

  length = strlen (text) + 1;
  copy = alloc_bytes (arena, length);
  memcpy (copy, text, length);
  return copy;
}

/* Returns: (transfer none) (nullable): a NULL-terminated copy of @strv
 * (strings and array in the arena), or %NULL for %NULL or empty */
char **
chronicle_arena_strdupv (ChronicleArena     *arena,
                         const char * const *strv)
{
  guint n;
  char **copy;

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  n = g_strv_length ((char **) strv);
  copy = chronicle_arena_alloc (arena, (n + 1) * sizeof (char *));
  for (guint i = 0; i < n; i++)
    copy[i] = chronicle_arena_strdup (arena, strv[i]);
  copy[n] = NULL;
  return copy;
}

/* Returns: the bytes handed out (for the memory figures in tests) */
gsize
chronicle_arena_get_size (ChronicleArena *arena)
{
  g_return_val_if_fail (arena != NULL, 0);

  return arena->size;
}
