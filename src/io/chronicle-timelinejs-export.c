/* chronicle-timelinejs-export.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-timelinejs"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "chronicle-file-saver-private.h"
#include "chronicle-kept-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timelinejs-export-private.h"

/* TimelineJS shows text.headline, text.text and media as HTML: our
 * plain text is escaped, and its line breaks kept as <br>. */
static char *
text_to_html (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);

  return g_strjoinv ("<br>", lines);
}

static char *
text_to_html_or_null (const char *text)
{
  return text != NULL ? text_to_html (text) : NULL;
}

/* Who and where, which TimelineJS has no field for: a paragraph its
 * readers see ("Who: Russia; Ukraine · Where: Istanbul"), whose spans
 * Chronicle's readers take back (chronicle_html_event_text_to_text()),
 * an actor a span so that a name with a ";" stays one. NULL when the
 * event has neither. */
static char *
details_html (ChronicleEvent *event)
{
  const char * const *actors = chronicle_event_get_actors (event);
  const char *location = chronicle_event_get_location (event);
  gboolean any_actor = actors != NULL && actors[0] != NULL;
  GString *html;

  if (!any_actor && location == NULL)
    return NULL;

  html = g_string_new ("<p class=\"chronicle-details\">");
  if (any_actor)
    {
      /* Translators: before the people and groups of an event, on a TimelineJS slide */
      g_autofree char *label = text_to_html (_("Who:"));

      g_string_append_printf (html, "%s ", label);
      for (guint i = 0; actors[i] != NULL; i++)
        {
          g_autofree char *name = text_to_html (actors[i]);

          g_string_append_printf (html, "%s<span class=\"chronicle-actor\">%s</span>", i > 0 ? "; " : "", name);
        }
    }
  if (location != NULL)
    {
      /* Translators: before the place of an event, on a TimelineJS slide */
      g_autofree char *label = text_to_html (_("Where:"));
      g_autofree char *place = text_to_html (location);

      g_string_append_printf (html, "%s%s <span class=\"chronicle-location\">%s</span>", any_actor ? " · " : "",
                              label, place);
    }
  g_string_append (html, "</p>");
  return g_string_free (html, FALSE);
}

static void
add_html (JsonBuilder *builder,
          const char  *member,
          const char  *text)
{
  g_autofree char *html = NULL;

  if (text == NULL || *text == '\0')
    return;
  html = text_to_html (text);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, html);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* TimelineJS counts years as people do, -44 for 44 BC; ours are
 * astronomical (-43). Deep time is written as it is (see
 * chronicle_import_year_from_timelinejs()). */
static gint64
year_to_timelinejs (gint64 year)
{
  return year <= 0 && year > -CHRONICLE_DATE_DEEP_YEAR ? year - 1 : year;
}

/* JavaScript's Date reaches 8.64e15 ms either side of 1970: TimelineJS
 * needs its cosmological scale (years only) for anything beyond. */
#define JS_DATE_LIMIT_SECONDS G_GINT64_CONSTANT (8640000000000)

static gboolean
needs_cosmological_scale (ChronicleTimeline *timeline)
{
  GListModel *eras = chronicle_timeline_get_eras (timeline);
  gint64 start, end;

  if (chronicle_timeline_get_bounds (timeline, &start, &end) &&
      (start < -JS_DATE_LIMIT_SECONDS || end > JS_DATE_LIMIT_SECONDS))
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (eras, i);

      if (chronicle_date_get_start (chronicle_era_get_start (era)) < -JS_DATE_LIMIT_SECONDS)
        return TRUE;
    }
  return FALSE;
}

/* Only the fields the precision has: TimelineJS reads a missing field as
 * unknown, and the reader gives back the same precision from them. */
static void
add_date (JsonBuilder         *builder,
          const char          *member,
          const ChronicleDate *date)
{
  const struct { const char *name; gint64 value; ChronicleDatePrecision from; } parts[] = {
    { "year", year_to_timelinejs (date->year), CHRONICLE_DATE_PRECISION_YEAR },
    { "month", date->month, CHRONICLE_DATE_PRECISION_MONTH },
    { "day", date->day, CHRONICLE_DATE_PRECISION_DAY },
    { "hour", date->hour, CHRONICLE_DATE_PRECISION_MINUTE },
    { "minute", date->minute, CHRONICLE_DATE_PRECISION_MINUTE },
    { "second", date->second, CHRONICLE_DATE_PRECISION_SECOND },
  };

  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (date->precision >= parts[i].from)
      {
        json_builder_set_member_name (builder, parts[i].name);
        json_builder_add_int_value (builder, parts[i].value);
      }
  json_builder_end_object (builder);
}

static void
add_title_slide (JsonBuilder       *builder,
                 ChronicleTimeline *timeline)
{
  const char *title = chronicle_timeline_get_title (timeline);
  g_autofree char *headline = text_to_html (title != NULL ? title : "");

  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  /* The reader knows a TimelineJS file by its title slide's text: it is
   * always written, even for a timeline without a title. */
  json_builder_set_member_name (builder, "headline");
  json_builder_add_string_value (builder, headline);
  add_html (builder, "text", chronicle_timeline_get_description (timeline));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* A quote is TimelineJS's blockquote media, credited to its speaker. */
static void
add_quote_media (JsonBuilder    *builder,
                 ChronicleQuote *quote)
{
  const char *speaker = chronicle_quote_get_speaker (quote);
  const char *role = chronicle_quote_get_role (quote);
  g_autofree char *text = text_to_html (chronicle_quote_get_text (quote));
  g_autofree char *url = g_strdup_printf ("<blockquote>%s</blockquote>", text);
  g_autofree char *credit = NULL;

  if (speaker != NULL && role != NULL)
    credit = g_strdup_printf ("%s, %s", speaker, role);
  else
    credit = g_strdup (speaker != NULL ? speaker : role);

  json_builder_set_member_name (builder, "media");
  json_builder_begin_object (builder);
  add_string (builder, "url", url);
  add_html (builder, "credit", credit);
  json_builder_end_object (builder);
}

/* TimelineJS's title, link and link_target of a medium, which the
 * reader kept in it as members our format does not read: given back. */
static void
add_kept_media_members (JsonBuilder    *builder,
                        ChronicleMedia *media)
{
  static const char * const names[] = { "title", "link", "link_target" };
  const ChronicleKeptMember *members;
  guint n_members;

  members = chronicle_kept_get_members (chronicle_kept_get (media), &n_members);
  for (guint i = 0; i < n_members; i++)
    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
      {
        g_autoptr(JsonNode) value = NULL;

        if (strcmp (members[i].name, names[k]) != 0)
          continue;
        value = json_from_string (members[i].value, NULL);
        if (value != NULL && JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
          add_string (builder, names[k], json_node_get_string (value));
      }
}

/* A medium is TimelineJS's media: its caption and credit as HTML, the
 * urls as they are. */
static void
add_media (JsonBuilder    *builder,
           ChronicleMedia *media)
{
  json_builder_set_member_name (builder, "media");
  json_builder_begin_object (builder);
  add_string (builder, "url", chronicle_media_get_url (media));
  add_html (builder, "caption", chronicle_media_get_caption (media));
  add_html (builder, "credit", chronicle_media_get_credit (media));
  add_string (builder, "thumbnail", chronicle_media_get_thumbnail (media));
  add_string (builder, "alt", chronicle_media_get_alt (media));
  add_kept_media_members (builder, media);
  json_builder_end_object (builder);
}

/* The medium the slide shows: a quote takes the slide's one media, else
 * the first medium; -1 for none. */
static int
slide_media (ChronicleEvent *event)
{
  if (chronicle_event_get_n_quotes (event) > 0 || chronicle_event_get_n_media (event) == 0)
    return -1;
  return 0;
}

/* The event's sources, which TimelineJS has no field for: a paragraph
 * "Sources: Reuters; AP", each a link when it has a web address, which
 * Chronicle's readers take back as sources and not as text. NULL when
 * the event has none. */
static char *
sources_html (ChronicleTimeline *timeline,
              ChronicleEvent    *event)
{
  const char * const *source_ids = chronicle_event_get_source_ids (event);
  g_autofree char *label = NULL;
  GString *html;
  guint n = 0;

  if (source_ids == NULL || source_ids[0] == NULL)
    return NULL;

  /* Translators: before the sources of an event, on a TimelineJS slide */
  label = text_to_html (g_dngettext (GETTEXT_PACKAGE, "Source:", "Sources:", g_strv_length ((GStrv) source_ids)));
  html = g_string_new (NULL);
  g_string_append_printf (html, "<p class=\"chronicle-sources\">%s ", label);
  for (guint i = 0; source_ids[i] != NULL; i++)
    {
      ChronicleSource *source = chronicle_timeline_lookup_source (timeline, source_ids[i]);
      const char *url, *title, *publisher;
      g_autofree char *href = NULL, *text = NULL;

      if (source == NULL)
        continue;
      url = chronicle_source_get_url (source);
      title = chronicle_source_get_title (source);
      publisher = chronicle_source_get_publisher (source);
      if (url != NULL && chronicle_uri_is_web_link (url))
        {
          href = g_markup_escape_text (url, -1);
          text = text_to_html (title != NULL ? title : publisher != NULL ? publisher : url);
          g_string_append_printf (html, "%s<a class=\"chronicle-source\" href=\"%s\">%s</a>", n > 0 ? "; " : "",
                                  href, text);
        }
      else if (publisher != NULL || title != NULL)
        {
          text = text_to_html (publisher != NULL ? publisher : title);
          g_string_append_printf (html, "%s<span class=\"chronicle-source\">%s</span>", n > 0 ? "; " : "", text);
        }
      else
        continue;
      n++;
    }
  g_string_append (html, "</p>");
  if (n == 0)
    {
      g_string_free (html, TRUE);
      return NULL;
    }
  return g_string_free (html, FALSE);
}

/* The event's text: its summary, who and where, the quotes after the
 * first (TimelineJS has one media a slide), the media the slide does not
 * show and its sources as links, which the reader takes back as
 * sources. */
static char *
event_text (ChronicleTimeline *timeline,
            ChronicleEvent    *event)
{
  g_autoptr(GString) html = g_string_new (NULL);
  const char *summary = chronicle_event_get_summary (event);
  g_autofree char *details = details_html (event);
  g_autofree char *sources = NULL;

  if (summary != NULL && *summary != '\0')
    {
      g_autofree char *text = text_to_html (summary);

      g_string_append_printf (html, "<p>%s</p>", text);
    }
  if (details != NULL)
    g_string_append (html, details);

  for (guint i = 1; i < chronicle_event_get_n_quotes (event); i++)
    {
      ChronicleQuote *quote = chronicle_event_get_quote (event, i);
      g_autofree char *text = text_to_html (chronicle_quote_get_text (quote));

      g_string_append_printf (html, "<blockquote>%s</blockquote>", text);
      if (chronicle_quote_get_speaker (quote) != NULL)
        {
          g_autofree char *speaker = text_to_html (chronicle_quote_get_speaker (quote));

          g_string_append_printf (html, "<p>— %s</p>", speaker);
        }
    }

  for (guint i = 0; i < chronicle_event_get_n_media (event); i++)
    {
      ChronicleMedia *media = chronicle_event_get_media (event, i);
      const char *url = chronicle_media_get_url (media);
      const char *label = chronicle_media_get_caption (media) != NULL ? chronicle_media_get_caption (media)
                        : chronicle_media_get_credit (media) != NULL ? chronicle_media_get_credit (media) : url;
      g_autofree char *href = NULL, *text = NULL;

      if ((int) i == slide_media (event) || !chronicle_uri_is_web_link (url))
        continue;
      href = g_markup_escape_text (url, -1);
      text = text_to_html (label);
      g_string_append_printf (html, "<p><a href=\"%s\">%s</a></p>", href, text);
    }

  sources = sources_html (timeline, event);
  if (sources != NULL)
    g_string_append (html, sources);

  return g_string_free (g_steal_pointer (&html), FALSE);
}

static void
add_event (JsonBuilder       *builder,
           ChronicleTimeline *timeline,
           ChronicleEvent    *event)
{
  const char *category_id = chronicle_event_get_category_id (event);
  ChronicleCategory *category = category_id != NULL ? chronicle_timeline_lookup_category (timeline, category_id)
                                                    : NULL;
  g_autofree char *text = event_text (timeline, event);

  json_builder_begin_object (builder);
  add_date (builder, "start_date", chronicle_event_get_date (event));
  if (chronicle_event_get_end (event) != NULL)
    add_date (builder, "end_date", chronicle_event_get_end (event));
  add_string (builder, "display_date", chronicle_event_get_display_date (event));

  json_builder_set_member_name (builder, "text");
  json_builder_begin_object (builder);
  add_html (builder, "headline", chronicle_event_get_title (event));
  add_string (builder, "text", text);
  json_builder_end_object (builder);

  if (category != NULL)
    add_string (builder, "group", chronicle_category_get_label (category));
  add_string (builder, "unique_id", chronicle_event_get_id (event));
  if (chronicle_event_get_n_quotes (event) > 0)
    add_quote_media (builder, chronicle_event_get_quote (event, 0));
  else if (slide_media (event) >= 0)
    add_media (builder, chronicle_event_get_media (event, (guint) slide_media (event)));
  json_builder_end_object (builder);
}

/* The latest start or end of an event, for an era that is ongoing:
 * TimelineJS needs an era's end. */
static const ChronicleDate *
latest_date (ChronicleTimeline   *timeline,
             const ChronicleDate *fallback)
{
  const ChronicleDate *latest = fallback;

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);
      const ChronicleDate *date = chronicle_event_get_end (event) != NULL ? chronicle_event_get_end (event)
                                                                          : chronicle_event_get_date (event);

      if (chronicle_date_compare (date, latest) > 0)
        latest = date;
    }
  return latest;
}

static void
add_eras (JsonBuilder       *builder,
          ChronicleTimeline *timeline)
{
  GListModel *eras = chronicle_timeline_get_eras (timeline);
  guint n = g_list_model_get_n_items (eras);

  if (n == 0)
    return;
  json_builder_set_member_name (builder, "eras");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (eras, i);
      const ChronicleDate *start = chronicle_era_get_start (era);
      const ChronicleDate *end = chronicle_era_get_end (era);

      json_builder_begin_object (builder);
      add_date (builder, "start_date", start);
      add_date (builder, "end_date", end != NULL ? end : latest_date (timeline, start));
      json_builder_set_member_name (builder, "text");
      json_builder_begin_object (builder);
      add_html (builder, "headline", chronicle_era_get_label (era));
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

char *
chronicle_timelinejs_to_data (ChronicleTimeline *timeline,
                              gsize             *length)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  add_title_slide (builder, timeline);
  if (needs_cosmological_scale (timeline))
    add_string (builder, "scale", "cosmological");

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    add_event (builder, timeline, chronicle_timeline_get_event (timeline, i));
  json_builder_end_array (builder);

  add_eras (builder, timeline);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, length);
}

/*
 * The Google-Sheets template, as TimelineJS reads it exported as CSV: its
 * columns in its order. It has no id column: the rows keep the events'
 * order, and an era is a row of Type "era", the title one of Type "title".
 */
static const char * const template_columns[] = {
  "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date",
  "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group",
  "Background",
};

enum
{
  COLUMN_YEAR,
  COLUMN_END_YEAR = 4,
  COLUMN_DISPLAY_DATE = 8,
  COLUMN_HEADLINE,
  COLUMN_TEXT,
  COLUMN_MEDIA,
  COLUMN_MEDIA_CREDIT,
  COLUMN_MEDIA_CAPTION,
  COLUMN_MEDIA_THUMBNAIL,
  COLUMN_TYPE,
  COLUMN_GROUP,
  COLUMN_BACKGROUND,
  N_COLUMNS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (template_columns) == N_COLUMNS);

/* A spreadsheet runs a cell that starts with = + - @ as a formula: text
 * from a stranger's file must stay text, so such a cell starts with an
 * apostrophe, which Sheets reads as "text follows". */
static void
append_cell (GString    *csv,
             const char *value,
             gboolean    is_text)
{
  g_autofree char *guarded = NULL;
  gsize size;

  if (value == NULL)
    value = "";
  if (is_text && strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    value = guarded = g_strconcat ("'", value, NULL);

  size = csv_write2 (NULL, 0, value, strlen (value), '"');
  g_string_set_size (csv, csv->len + size);
  csv_write2 (csv->str + csv->len - size, size, value, strlen (value), '"');
}

static void
set_date_cells (char                **cells,
                guint                 first,
                const ChronicleDate  *date)
{
  cells[first] = g_strdup_printf ("%" G_GINT64_FORMAT, year_to_timelinejs (date->year));
  if (date->precision >= CHRONICLE_DATE_PRECISION_MONTH)
    cells[first + 1] = g_strdup_printf ("%d", date->month);
  if (date->precision >= CHRONICLE_DATE_PRECISION_DAY)
    cells[first + 2] = g_strdup_printf ("%d", date->day);
  if (date->precision == CHRONICLE_DATE_PRECISION_SECOND)
    cells[first + 3] = g_strdup_printf ("%02d:%02d:%02d", date->hour, date->minute, date->second);
  else if (date->precision == CHRONICLE_DATE_PRECISION_MINUTE)
    cells[first + 3] = g_strdup_printf ("%02d:%02d", date->hour, date->minute);
}

static void
append_row (GString *csv,
            char   **cells)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      /* Media too: a url from a stranger's file may start with "=". */
      append_cell (csv, cells[i], i >= COLUMN_HEADLINE);
      g_clear_pointer (&cells[i], g_free);
    }
  g_string_append (csv, "\r\n");
}

/* Headline and Text are HTML to TimelineJS, as in its JSON (a title
 * "Talks <and> a handshake" would lose its middle): escaped, as are the
 * quote in Media and a medium's caption and credit; the reader takes
 * them back as text. Quotes after the first follow the summary in Text;
 * without a quote, the first medium fills Media, Media Credit, Media
 * Caption and Media Thumbnail. */
static void
set_event_cells (char              **cells,
                 ChronicleTimeline  *timeline,
                 ChronicleEvent     *event)
{
  const char *category_id = chronicle_event_get_category_id (event);
  ChronicleCategory *category = category_id != NULL ? chronicle_timeline_lookup_category (timeline, category_id)
                                                    : NULL;
  g_autoptr(GString) text = g_string_new (chronicle_event_get_summary (event));
  g_autofree char *details = NULL, *sources = NULL;

  set_date_cells (cells, COLUMN_YEAR, chronicle_event_get_date (event));
  if (chronicle_event_get_end (event) != NULL)
    set_date_cells (cells, COLUMN_END_YEAR, chronicle_event_get_end (event));
  cells[COLUMN_HEADLINE] = text_to_html_or_null (chronicle_event_get_title (event));
  cells[COLUMN_DISPLAY_DATE] = g_strdup (chronicle_event_get_display_date (event));
  if (category != NULL)
    cells[COLUMN_GROUP] = g_strdup (chronicle_category_get_label (category));

  for (guint i = 0; i < chronicle_event_get_n_quotes (event); i++)
    {
      ChronicleQuote *quote = chronicle_event_get_quote (event, i);
      const char *speaker = chronicle_quote_get_speaker (quote);
      const char *role = chronicle_quote_get_role (quote);

      if (i == 0)
        {
          g_autofree char *html = text_to_html (chronicle_quote_get_text (quote));

          cells[COLUMN_MEDIA] = g_strdup_printf ("<blockquote>%s</blockquote>", html);
          if (speaker != NULL && role != NULL)
            cells[COLUMN_MEDIA_CREDIT] = g_strdup_printf ("%s, %s", speaker, role);
          else
            cells[COLUMN_MEDIA_CREDIT] = g_strdup (speaker != NULL ? speaker : role);
          continue;
        }
      g_string_append_printf (text, "%s“%s”", text->len > 0 ? "\n\n" : "", chronicle_quote_get_text (quote));
      if (speaker != NULL)
        g_string_append_printf (text, " — %s", speaker);
    }
  if (chronicle_event_get_n_quotes (event) == 0 && chronicle_event_get_n_media (event) > 0)
    {
      ChronicleMedia *media = chronicle_event_get_media (event, 0);

      cells[COLUMN_MEDIA] = g_strdup (chronicle_media_get_url (media));
      /* HTML to TimelineJS, as in its JSON; the reader takes them back as text. */
      if (chronicle_media_get_credit (media) != NULL)
        cells[COLUMN_MEDIA_CREDIT] = text_to_html (chronicle_media_get_credit (media));
      if (chronicle_media_get_caption (media) != NULL)
        cells[COLUMN_MEDIA_CAPTION] = text_to_html (chronicle_media_get_caption (media));
      cells[COLUMN_MEDIA_THUMBNAIL] = g_strdup (chronicle_media_get_thumbnail (media));
    }
  /* The sheet has one medium a row: the others as links in Text. */
  for (guint i = chronicle_event_get_n_quotes (event) == 0 ? 1 : 0; i < chronicle_event_get_n_media (event); i++)
    {
      ChronicleMedia *media = chronicle_event_get_media (event, i);
      const char *caption = chronicle_media_get_caption (media);

      g_string_append_printf (text, "%s%s%s%s", text->len > 0 ? "\n\n" : "", caption != NULL ? caption : "",
                              caption != NULL ? " " : "", chronicle_media_get_url (media));
    }
  details = details_html (event);
  sources = sources_html (timeline, event);
  if (text->len > 0 || details != NULL || sources != NULL)
    {
      g_autofree char *text_html = text_to_html (text->str);

      cells[COLUMN_TEXT] = g_strconcat (text_html, details != NULL ? details : "", sources != NULL ? sources : "",
                                        NULL);
    }
}

char *
chronicle_timelinejs_csv_to_data (ChronicleTimeline *timeline,
                                  gsize             *length)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  GListModel *eras;
  char *cells[N_COLUMNS] = { NULL, };

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    cells[i] = g_strdup (template_columns[i]);
  append_row (csv, cells);

  cells[COLUMN_HEADLINE] = text_to_html_or_null (chronicle_timeline_get_title (timeline));
  cells[COLUMN_TEXT] = text_to_html_or_null (chronicle_timeline_get_description (timeline));
  cells[COLUMN_TYPE] = g_strdup ("title");
  append_row (csv, cells);

  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      set_event_cells (cells, timeline, chronicle_timeline_get_event (timeline, i));
      append_row (csv, cells);
    }

  eras = chronicle_timeline_get_eras (timeline);
  for (guint i = 0; i < g_list_model_get_n_items (eras); i++)
    {
      g_autoptr(ChronicleEra) era = g_list_model_get_item (eras, i);
      const ChronicleDate *end = chronicle_era_get_end (era);

      set_date_cells (cells, COLUMN_YEAR, chronicle_era_get_start (era));
      set_date_cells (cells, COLUMN_END_YEAR,
                      end != NULL ? end : latest_date (timeline, chronicle_era_get_start (era)));
      cells[COLUMN_HEADLINE] = text_to_html_or_null (chronicle_era_get_label (era));
      cells[COLUMN_TYPE] = g_strdup ("era");
      append_row (csv, cells);
    }

  if (length != NULL)
    *length = csv->len;
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

static gboolean
save_data (GFile         *file,
           const char    *data,
           gsize          length,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(ChronicleFileSaver) saver = chronicle_file_saver_new (file, NULL, NULL, error);

  return saver != NULL &&
         chronicle_file_saver_write (saver, data, length, cancellable, error) &&
         chronicle_file_saver_commit (saver, cancellable, error);
}

gboolean
chronicle_timelinejs_csv_save_to_file (ChronicleTimeline  *timeline,
                                       GFile              *file,
                                       GCancellable       *cancellable,
                                       GError            **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = chronicle_timelinejs_csv_to_data (timeline, &length);
  return save_data (file, data, length, cancellable, error);
}

gboolean
chronicle_timelinejs_save_to_file (ChronicleTimeline  *timeline,
                                   GFile              *file,
                                   GCancellable       *cancellable,
                                   GError            **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = chronicle_timelinejs_to_data (timeline, &length);
  return save_data (file, data, length, cancellable, error);
}
