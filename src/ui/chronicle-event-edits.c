/* chronicle-event-edits.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-event-edits"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-event-edits-private.h"

#include "chronicle-quote.h"

/**
 * chronicle_event_copy_with:
 * @event: an event, of a timeline or not
 * @date: (nullable): the copy's date, NULL for @event's
 * @title: (nullable): the copy's title, NULL for @event's
 *
 * Returns: (transfer full): a detached copy of @event (chronicle_event_copy(),
 *   which keeps what the editor does not show, such as members Chronicle
 *   does not know)
 */
ChronicleEvent *
chronicle_event_copy_with (ChronicleEvent      *event,
                           const ChronicleDate *date,
                           const char          *title)
{
  ChronicleEvent *copy;

  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), NULL);

  copy = chronicle_event_copy (event);
  if (date != NULL)
    chronicle_event_set_date (copy, date);
  if (title != NULL)
    chronicle_event_set_title (copy, title);

  return copy;
}

static gboolean
shift_dates (ChronicleEvent  *event,
             double           seconds,
             ChronicleDate   *date,
             ChronicleDate   *end,
             GError         **error)
{
  const ChronicleDate *old_end = chronicle_event_get_end (event);
  const ChronicleDate *old_date = chronicle_event_get_date (event);

  if (!chronicle_date_shift (old_date, seconds, date, error))
    return FALSE;

  /* The end moves by what the start moved, in its own units. */
  if (old_end != NULL &&
      !chronicle_date_shift (old_end, (double) (chronicle_date_get_start (date) - chronicle_date_get_start (old_date)),
                             end, error))
    return FALSE;

  return TRUE;
}

ChronicleEvent *
chronicle_event_copy_moved (ChronicleEvent  *event,
                            double           seconds,
                            GError         **error)
{
  ChronicleDate date, end;
  ChronicleEvent *copy;

  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!shift_dates (event, seconds, &date, &end, error))
    return NULL;

  copy = chronicle_event_copy_with (event, &date, NULL);
  if (chronicle_event_get_end (event) != NULL)
    chronicle_event_set_end (copy, &end);

  return copy;
}

gboolean
chronicle_event_moved_start (ChronicleEvent *event,
                             double          seconds,
                             gint64         *start)
{
  ChronicleDate date, end;

  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), FALSE);

  if (!shift_dates (event, seconds, &date, &end, NULL))
    return FALSE;

  *start = chronicle_date_get_start (&date);
  return TRUE;
}

ChronicleEvent *
chronicle_new_event_at (double     time,
                        GTimeZone *tz)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc ((gint64) CLAMP (time, -62135596800.0, 253402300799.0));
  g_autoptr(GDateTime) local = NULL;
  ChronicleDate date;

  g_return_val_if_fail (utc != NULL, NULL);

  local = tz != NULL ? g_date_time_to_timezone (utc, tz) : g_date_time_ref (utc);
  if (local == NULL ||
      !chronicle_date_init (&date, CHRONICLE_DATE_PRECISION_DAY,
                            g_date_time_get_year (local), g_date_time_get_month (local),
                            g_date_time_get_day_of_month (local), 0, 0, 0, NULL))
    return NULL;

  /* The document gives it a fresh id; the title is chosen in the editor. */
  return chronicle_event_new ("", &date, _("New Event"));
}
