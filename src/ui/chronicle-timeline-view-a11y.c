/* chronicle-timeline-view-a11y.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "chronicle-timeline-view-private.h"

#include "chronicle-text-private.h"

/* File text in a composed sentence for screen readers: cut, without
 * controls, isolated. */
static char *
dup_isolated_title (const char *title)
{
  g_autofree char *shown = chronicle_text_for_display (title, CHRONICLE_TEXT_MAX_TITLE, FALSE);

  return chronicle_text_isolate (shown);
}

/* "date — title" of the event at @position, for screen readers. */
static char *
dup_event_text (ChronicleTimelineView *self,
                guint                  position)
{
  ChronicleEvent *event = _chronicle_timeline_view_get_event_at (self, position);
  g_autofree char *date = chronicle_event_format_date (event);
  g_autofree char *title = dup_isolated_title (chronicle_event_get_title (event));

  /* Translators: an event for screen readers: its date and its title */
  return g_strdup_printf (_("%s — %s"), date, title);
}

void
_chronicle_timeline_view_update_accessible_label (ChronicleTimelineView *self)
{
  g_autofree char *label = NULL;
  guint position;

  /* With a selection the name says where it is and what is around it:
   * screen readers speak the name of the focused widget when it changes,
   * which GTK 4.8 (without gtk_accessible_announce) leaves as the way to
   * announce a new selection. */
  if (_chronicle_timeline_view_get_selected_position (self, &position))
    {
      guint n = chronicle_timeline_get_n_events (self->timeline);
      g_autofree char *current = dup_event_text (self, position);
      g_autofree char *previous = position > 0 ? dup_event_text (self, position - 1) : NULL;
      g_autofree char *next = position + 1 < n ? dup_event_text (self, position + 1) : NULL;
      GString *text = g_string_new (NULL);

      /* Translators: accessible name of the chart with an event selected:
       * its position, then its date and title */
      g_string_append_printf (text, _("Event %'u of %'u: %s."), position + 1, n, current);
      if (previous != NULL)
        {
          g_string_append_c (text, ' ');
          /* Translators: the event before the selected one, for screen readers */
          g_string_append_printf (text, _("Before it: %s."), previous);
        }
      if (next != NULL)
        {
          g_string_append_c (text, ' ');
          /* Translators: the event after the selected one, for screen readers */
          g_string_append_printf (text, _("After it: %s."), next);
        }
      label = g_string_free (text, FALSE);
    }
  else if (_chronicle_timeline_view_has_events (self))
    {
      guint n = chronicle_timeline_get_n_events (self->timeline);
      g_autofree char *first =
        chronicle_event_format_date (_chronicle_timeline_view_get_event_at (self, 0));
      g_autofree char *last =
        chronicle_event_format_date (_chronicle_timeline_view_get_event_at (self, n - 1));
      g_autofree char *title = dup_isolated_title (chronicle_timeline_get_title (self->timeline));

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            /* Translators: the accessible summary of the timeline
                                             * chart: its title, the number of events and the first
                                             * and last date. */
                                            "Timeline: %s, %'u event from %s to %s",
                                            "Timeline: %s, %'u events from %s to %s", n),
                               title, n, first, last);
    }
  else
    label = g_strdup (_("Timeline: no events"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_free (self->accessible_label);
  self->accessible_label = g_steal_pointer (&label);
}

void
_chronicle_timeline_view_update_accessible_description (ChronicleTimelineView *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    {
      g_autofree char *date = chronicle_event_format_date (self->selected);
      g_autofree char *title = dup_isolated_title (chronicle_event_get_title (self->selected));

      /* Translators: accessible description of the chart: the selected
       * event's date and title. */
      description = g_strdup_printf (_("Selected: %s — %s"), date, title);
    }
  else
    description = g_strdup (_("No event selected. Use the arrow keys to move between events."));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}
