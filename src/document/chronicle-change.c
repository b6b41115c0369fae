/* chronicle-change.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-change"

#include "config.h"

#include "chronicle-change.h"
#include "chronicle-timeline-private.h"

static void
free_value (ChronicleChangeKind kind,
            gpointer            value)
{
  if (value == NULL)
    return;
  if (kind == CHRONICLE_CHANGE_TITLE || kind == CHRONICLE_CHANGE_DESCRIPTION)
    g_free (value);
  else
    g_object_unref (value);
}

ChronicleChange *
chronicle_change_new (ChronicleChangeKind kind,
                      gpointer            before,
                      gpointer            after,
                      guint               position)
{
  ChronicleChange *change = g_new0 (ChronicleChange, 1);

  change->kind = kind;
  change->before = before;
  change->after = after;
  change->position = position;
  return change;
}

void
chronicle_change_free (ChronicleChange *change)
{
  if (change == NULL)
    return;
  free_value (change->kind, change->before);
  free_value (change->kind, change->after);
  g_free (change);
}

static const char *
apply_event (ChronicleTimeline *timeline,
             ChronicleEvent    *from,
             ChronicleEvent    *to)
{
  guint position;

  if (from == NULL)
    {
      chronicle_timeline_insert_event_copy (timeline, to);
      return chronicle_event_get_id (to);
    }

  /* The history applies steps in order, so the event is there; should it
   * not be, the store stays as it is rather than lose another event. */
  if (!chronicle_timeline_lookup_position (timeline, chronicle_event_get_id (from), &position))
    g_return_val_if_reached (NULL);

  if (to == NULL)
    {
      chronicle_timeline_remove_event_at (timeline, position);
      return NULL;
    }
  chronicle_timeline_replace_event_at (timeline, position, to);
  return chronicle_event_get_id (to);
}

const char *
chronicle_change_apply (ChronicleChange   *change,
                        ChronicleTimeline *timeline,
                        gboolean           forward)
{
  gpointer from, to;
  guint n_removals;

  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  from = forward ? change->before : change->after;
  to = forward ? change->after : change->before;
  /* Categories, eras, sources: replaced, removed or inserted in place. */
  n_removals = from != NULL ? 1 : 0;

  switch (change->kind)
    {
    case CHRONICLE_CHANGE_EVENT:
      return apply_event (timeline, from, to);

    case CHRONICLE_CHANGE_TITLE:
      chronicle_timeline_set_title (timeline, to);
      break;

    case CHRONICLE_CHANGE_DESCRIPTION:
      chronicle_timeline_set_description (timeline, to);
      break;

    case CHRONICLE_CHANGE_CATEGORY:
      chronicle_timeline_splice_category (timeline, change->position, n_removals, to);
      break;

    case CHRONICLE_CHANGE_ERA:
      chronicle_timeline_splice_era (timeline, change->position, n_removals, to);
      break;

    case CHRONICLE_CHANGE_SOURCE:
      chronicle_timeline_splice_source (timeline, change->position, n_removals, to);
      break;

    default:
      g_assert_not_reached ();
    }

  return NULL;
}
