/* chronicle-timeline-view-a11y.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timeline-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "chronicle-timeline-view-private.h"

#include "chronicle-date-private.h"
#include "chronicle-text-private.h"

/* What the chart says, and how it gets said on GTK 4.8.
 *
 * GTK 4.8 has no way to announce a message (gtk_accessible_announce is
 * GTK 4.14). Screen readers speak the name of the focused widget when it
 * changes, so the chart's accessible name is what a step says: the
 * selected event in full, or a short note ("Last event.", "Zoomed to May
 * 2025.") in front of a short form of it. The description is the same
 * keyboard hint from start to end: a description that changed with each
 * step would be spoken after the name, a second time. */

/* The summary's first sentence is what a step reads; the sidebar has the
 * rest. Bounded, as the sentence of a stranger's file may be long. */
#define SENTENCE_MAX_CHARS 400

/* File text in a composed sentence for screen readers: cut, without
 * controls, isolated. */
static char *
dup_isolated (const char *text,
              gsize       max_chars)
{
  g_autofree char *shown = chronicle_text_for_display (text, max_chars, FALSE);

  return chronicle_text_isolate (shown);
}

/* The first sentence of @text (Pango's sentence boundaries, so that "U.S."
 * or a language without full stops does not cut it wrong), or NULL when
 * @text is blank. */
static char *
dup_first_sentence (const char *text)
{
  g_autofree char *shown = NULL;
  g_autofree PangoLogAttr *attrs = NULL;
  glong n_chars;
  glong end;

  if (chronicle_text_is_blank (text))
    return NULL;

  shown = chronicle_text_for_display (text, SENTENCE_MAX_CHARS, FALSE);
  n_chars = g_utf8_strlen (shown, -1);
  attrs = g_new0 (PangoLogAttr, n_chars + 1);
  pango_get_log_attrs (shown, -1, -1, pango_language_get_default (), attrs, n_chars + 1);

  for (end = 1; end < n_chars; end++)
    if (attrs[end].is_sentence_end)
      break;

  {
    g_autofree char *sentence = g_strstrip (g_utf8_substring (shown, 0, end));

    return chronicle_text_isolate (sentence);
  }
}

/* "Event 5 of 11", "Story, event 5 of 11", with "the first" or "the
 * last" at the edges. */
static char *
dup_position_text (ChronicleTimelineView *self,
                   guint                  position,
                   guint                  n)
{
  g_autofree char *place = NULL;

  if (self->story_mode)
    /* Translators: the place of the selected event in story mode, for screen readers */
    place = g_strdup_printf (_("Story, event %'u of %'u"), position + 1, n);
  else
    /* Translators: the place of the selected event, for screen readers */
    place = g_strdup_printf (_("Event %'u of %'u"), position + 1, n);

  if (n > 1 && position == 0)
    /* Translators: "Event 1 of 11, the first event", for screen readers */
    return g_strdup_printf (_("%s, the first event"), place);
  if (n > 1 && position + 1 == n)
    /* Translators: "Event 11 of 11, the last event", for screen readers */
    return g_strdup_printf (_("%s, the last event"), place);

  return g_steal_pointer (&place);
}

/* "Event 5 of 11: 16 May 2025. Title." */
static void
append_event_heading (ChronicleTimelineView *self,
                      GString               *text,
                      guint                  position,
                      guint                  n)
{
  ChronicleEvent *event = _chronicle_timeline_view_get_event_at (self, position);
  g_autofree char *place = dup_position_text (self, position, n);
  g_autofree char *date = chronicle_event_format_date (event);
  g_autofree char *title = NULL;

  if (chronicle_text_is_blank (chronicle_event_get_title (event)))
    title = g_strdup (_("(untitled)"));
  else
    title = dup_isolated (chronicle_event_get_title (event), CHRONICLE_TEXT_MAX_TITLE);

  /* Translators: the selected event for screen readers: its place ("Event
   * 5 of 11"), its date and its title */
  g_string_append_printf (text, _("%s: %s. %s."), place, date, title);
}

/* " Category: Diplomacy. First sentence of the summary. 2 quotes." */
static void
append_event_details (ChronicleTimelineView *self,
                      GString               *text,
                      guint                  position)
{
  ChronicleEvent *event = _chronicle_timeline_view_get_event_at (self, position);
  const char *category_id = chronicle_event_get_category_id (event);
  ChronicleCategory *category = NULL;
  g_autofree char *sentence = dup_first_sentence (chronicle_event_get_summary (event));
  guint n_quotes = chronicle_event_get_n_quotes (event);

  if (category_id != NULL)
    category = chronicle_timeline_lookup_category (self->timeline, category_id);
  if (category != NULL && !chronicle_text_is_blank (chronicle_category_get_label (category)))
    {
      g_autofree char *label = dup_isolated (chronicle_category_get_label (category), CHRONICLE_TEXT_MAX_TITLE);

      g_string_append_c (text, ' ');
      /* Translators: the selected event's category, for screen readers */
      g_string_append_printf (text, _("Category: %s."), label);
    }

  if (sentence != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }

  g_string_append_c (text, ' ');
  if (n_quotes == 0)
    /* Translators: for screen readers, after the selected event's summary */
    g_string_append (text, _("No quotes."));
  else
    g_string_append_printf (text,
                            /* Translators: for screen readers, after the selected event's
                             * summary; F6 is the key that goes to the first quote */
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%'u quote, F6 to read it.",
                                         "%'u quotes, F6 to read them.", n_quotes),
                            n_quotes);
}

static char *
dup_overview_text (ChronicleTimelineView *self)
{
  guint n = chronicle_timeline_get_n_events (self->timeline);
  g_autofree char *first =
    chronicle_event_format_date (_chronicle_timeline_view_get_event_at (self, 0));
  g_autofree char *last =
    chronicle_event_format_date (_chronicle_timeline_view_get_event_at (self, n - 1));
  g_autofree char *title = dup_isolated (chronicle_timeline_get_title (self->timeline), CHRONICLE_TEXT_MAX_TITLE);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the accessible summary of the timeline
                                        * chart: its title, the number of events and the first
                                        * and last date. */
                                       "Timeline: %s, %'u event from %s to %s",
                                       "Timeline: %s, %'u events from %s to %s", n),
                          title, n, first, last);
}

void
_chronicle_timeline_view_update_accessible_label (ChronicleTimelineView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint position;

  if (self->accessible_note != NULL)
    {
      g_string_append (text, self->accessible_note);
      g_string_append_c (text, ' ');
    }

  if (_chronicle_timeline_view_get_selected_position (self, &position))
    {
      append_event_heading (self, text, position, chronicle_timeline_get_n_events (self->timeline));
      /* After a note the event is already known: its heading reminds where
       * the note leaves the reader, the rest would be heard again. */
      if (self->accessible_note == NULL)
        append_event_details (self, text, position);
    }
  else if (_chronicle_timeline_view_has_events (self))
    {
      g_autofree char *overview = dup_overview_text (self);

      g_string_append (text, overview);
    }
  else
    g_string_append (text, _("Timeline: no events"));

  if (g_strcmp0 (text->str, self->accessible_label) == 0)
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  -1);
  g_free (self->accessible_label);
  self->accessible_label = g_string_free (g_steal_pointer (&text), FALSE);
}

void
_chronicle_timeline_view_update_accessible_description (ChronicleTimelineView *self)
{
  /* Set once: see the top of this file. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Left and Right go from event to event, Enter zooms to the event, "
                                    "plus and minus zoom, F5 tells the story, F6 goes to the quotes."),
                                  -1);
}

/* Says @note (translated, without file text) in front of the selected
 * event, until the selection changes. */
static void
set_note (ChronicleTimelineView *self,
          char                  *note)
{
  g_free (self->accessible_note);
  self->accessible_note = note;
  _chronicle_timeline_view_update_accessible_label (self);
}

void
_chronicle_timeline_view_clear_accessible_note (ChronicleTimelineView *self)
{
  g_clear_pointer (&self->accessible_note, g_free);
}

/* A step past the first or the last event: nothing moves, so without a
 * note nothing would be said. */
void
_chronicle_timeline_view_announce_edge (ChronicleTimelineView *self,
                                        int                    step)
{
  set_note (self, g_strdup (step > 0
                            /* Translators: for screen readers, on Right at the last event */
                            ? _("No later event.")
                            /* Translators: for screen readers, on Left at the first event */
                            : _("No earlier event.")));
}

/* The part of the axis the chart shows, at the precision its width
 * calls for: "16 May 2025", "May 2025", "March – May 2025", "2022 – 2025". */
char *
_chronicle_timeline_view_dup_range_text (ChronicleTimelineView *self)
{
  double t0, t1;
  ChronicleDatePrecision precision;
  ChronicleDate start, end;
  gint64 start_year, end_year;
  int start_month, start_day, end_month, end_day;

  chronicle_viewport_get_visible_range (self->viewport, &t0, &t1);
  /* The last second shown, not the first one after; any year Chronicle
   * reads, 44 BC as well (GDateTime stops at 1). */
  chronicle_date_civil_from_days ((gint64) floor (t0 / 86400.0), &start_year, &start_month, &start_day);
  chronicle_date_civil_from_days ((gint64) floor (MAX (t0, t1 - 1.0) / 86400.0), &end_year, &end_month, &end_day);

  if (t1 - t0 <= 2 * 86400.0)
    precision = CHRONICLE_DATE_PRECISION_DAY;
  else if (t1 - t0 <= 2 * 366 * 86400.0)
    precision = CHRONICLE_DATE_PRECISION_MONTH;
  else
    precision = CHRONICLE_DATE_PRECISION_YEAR;

  if (!chronicle_date_init (&start, precision, start_year, start_month, start_day, 0, 0, 0, NULL) ||
      !chronicle_date_init (&end, precision, end_year, end_month, end_day, 0, 0, 0, NULL))
    return NULL;

  return chronicle_date_format_range (&start, &end);
}

/* After a zoom from the keyboard: what the chart shows now. */
void
_chronicle_timeline_view_announce_zoom (ChronicleTimelineView *self)
{
  g_autofree char *range = NULL;

  if (!_chronicle_timeline_view_has_events (self))
    return;

  range = _chronicle_timeline_view_dup_range_text (self);
  if (range == NULL)
    return;

  /* Translators: for screen readers after a zoom: "Zoomed to May 2025." */
  set_note (self, g_strdup_printf (_("Zoomed to %s."), range));
}

void
_chronicle_timeline_view_announce_story_end (ChronicleTimelineView *self)
{
  /* Translators: for screen readers, on leaving story mode */
  set_note (self, g_strdup (_("Story mode off.")));
}
