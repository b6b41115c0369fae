/* chronicle-history.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-history"

#include "config.h"

#include "chronicle-history.h"

/* Steps kept by default: each holds copies of the events it changed, so
 * a long session of edits on a large timeline would grow without end. */
#define DEFAULT_MAX_STEPS 1000

/* One entry of the undo menu: its changes, in the order they were made. */
typedef struct
{
  char      *name;
  GPtrArray *changes;   /* of ChronicleChange */
} Step;

struct _ChronicleHistory
{
  GObject    parent_instance;

  GPtrArray *steps;         /* of Step; [0, position) done, [position, len) undone */
  guint      position;
  gint       saved;         /* the position the file holds, -1 when unreachable */
  guint      max_steps;     /* older steps are dropped */

  guint      group_depth;
  char      *group_name;    /* of the outermost open group */
  gboolean   group_pushed;  /* the open group's step is steps[position - 1] */
};

G_DEFINE_FINAL_TYPE (ChronicleHistory, chronicle_history, G_TYPE_OBJECT)

static Step *
step_new (const char *name)
{
  Step *step = g_new0 (Step, 1);

  step->name = g_strdup (name);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_change_free);
  return step;
}

static void
step_free (Step *step)
{
  g_free (step->name);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

/* Past max_steps, the oldest steps go: they can no longer be undone, and
 * a saved point before them can no longer be reached. The newest step is
 * never dropped (an open group adds to it). */
static void
drop_oldest (ChronicleHistory *self)
{
  guint n_drop;

  if (self->steps->len <= self->max_steps)
    return;

  n_drop = MIN (self->steps->len - self->max_steps, self->position - 1);
  g_ptr_array_remove_range (self->steps, 0, n_drop);
  self->position -= n_drop;
  if (self->saved >= 0)
    self->saved = self->saved >= (gint) n_drop ? self->saved - (gint) n_drop : -1;
}

/* A new step after the current one: what could be redone is gone, and
 * with it the saved point if it was there. */
static Step *
add_step (ChronicleHistory *self,
          const char       *name)
{
  Step *step = step_new (name);

  if (self->saved > (gint) self->position)
    self->saved = -1;
  g_ptr_array_set_size (self->steps, self->position);
  g_ptr_array_add (self->steps, step);
  self->position++;
  drop_oldest (self);
  return step;
}

static void
chronicle_history_finalize (GObject *object)
{
  ChronicleHistory *self = (ChronicleHistory *) object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->group_name, g_free);

  G_OBJECT_CLASS (chronicle_history_parent_class)->finalize (object);
}

static void
chronicle_history_class_init (ChronicleHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_history_finalize;
}

static void
chronicle_history_init (ChronicleHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->max_steps = DEFAULT_MAX_STEPS;
}

ChronicleHistory *
chronicle_history_new (void)
{
  return g_object_new (CHRONICLE_TYPE_HISTORY, NULL);
}

/* Forgets every step (a reload): the state now is the saved one. An open
 * group stays open, empty. */
void
chronicle_history_clear (ChronicleHistory *self)
{
  g_return_if_fail (CHRONICLE_IS_HISTORY (self));

  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->saved = 0;
  self->group_pushed = FALSE;
}

void
chronicle_history_push (ChronicleHistory *self,
                        const char       *name,
                        ChronicleChange  *change)
{
  Step *step;

  g_return_if_fail (CHRONICLE_IS_HISTORY (self));
  g_return_if_fail (change != NULL);

  if (self->group_depth == 0)
    step = add_step (self, name);
  else if (!self->group_pushed)
    {
      /* The group's step goes in at its first change, so that "modified"
       * and "can-undo" hold from then on. */
      step = add_step (self, self->group_name);
      self->group_pushed = TRUE;
    }
  else
    {
      step = g_ptr_array_index (self->steps, self->position - 1);
      /* Saved in the middle of a group: the file lacks this change. */
      if (self->saved == (gint) self->position)
        self->saved = -1;
    }

  g_ptr_array_add (step->changes, change);
}

/* Nested groups join the outermost, which names the step. */
void
chronicle_history_begin_group (ChronicleHistory *self,
                               const char       *name)
{
  g_return_if_fail (CHRONICLE_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    {
      g_free (self->group_name);
      self->group_name = g_strdup (name);
      self->group_pushed = FALSE;
    }
}

void
chronicle_history_end_group (ChronicleHistory *self)
{
  g_return_if_fail (CHRONICLE_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    {
      g_clear_pointer (&self->group_name, g_free);
      self->group_pushed = FALSE;
    }
}

gboolean
chronicle_history_in_group (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), FALSE);

  return self->group_depth > 0;
}

gboolean
chronicle_history_get_can_undo (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
chronicle_history_get_can_redo (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), FALSE);

  return self->position < self->steps->len;
}

const char *
chronicle_history_get_undo_name (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->name;
}

const char *
chronicle_history_get_redo_name (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), NULL);

  if (self->position >= self->steps->len)
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position))->name;
}

/* Returns: (transfer none) (nullable) (element-type ChronicleChange) */
GPtrArray *
chronicle_history_undo (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), NULL);
  g_return_val_if_fail (self->group_depth == 0, NULL);

  if (self->position == 0)
    return NULL;
  self->position--;
  return ((Step *) g_ptr_array_index (self->steps, self->position))->changes;
}

/* Returns: (transfer none) (nullable) (element-type ChronicleChange) */
GPtrArray *
chronicle_history_redo (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), NULL);
  g_return_val_if_fail (self->group_depth == 0, NULL);

  if (self->position >= self->steps->len)
    return NULL;
  self->position++;
  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->changes;
}

void
chronicle_history_mark_saved (ChronicleHistory *self)
{
  g_return_if_fail (CHRONICLE_IS_HISTORY (self));

  self->saved = (gint) self->position;
}

void
chronicle_history_forget_saved (ChronicleHistory *self)
{
  g_return_if_fail (CHRONICLE_IS_HISTORY (self));

  self->saved = -1;
}

gboolean
chronicle_history_get_modified (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), FALSE);

  return self->saved != (gint) self->position;
}

/* How many steps undo can go back (at least 1); older ones are dropped
 * now and as new ones come. */
void
chronicle_history_set_max_steps (ChronicleHistory *self,
                                 guint             max_steps)
{
  g_return_if_fail (CHRONICLE_IS_HISTORY (self));
  g_return_if_fail (max_steps > 0);

  self->max_steps = max_steps;
  if (self->position > 0)
    drop_oldest (self);
}

guint
chronicle_history_get_n_steps (ChronicleHistory *self)
{
  g_return_val_if_fail (CHRONICLE_IS_HISTORY (self), 0);

  return self->steps->len;
}
