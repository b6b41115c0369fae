/* chronicle-import-csv.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-import"

#include "config.h"

#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "chronicle-date.h"
#include "chronicle-html-text-private.h"
#include "chronicle-import-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"

/*
 * Spreadsheets as CSV or TSV, read with libcsv (Debian's libcsv-dev): the
 * first row names the columns, which are recognised by their common names
 * (date or start, end, title or headline, summary, text or description,
 * category, group or type, actors, location, source or url, id), and the
 * TimelineJS Google-Sheets template's exact headers (Year, Month, Day,
 * Time, End Year ..., Display Date, Headline, Text, Media, Media Credit,
 * Media Caption, Media Thumbnail, Type, Group, Background), where a row of
 * Type "title" is the timeline's title and one of Type "era" an era.
 * Every row refused is noted with its place: row 12, column "Year":
 * "20O4" is not a year. Rows count as a spreadsheet shows them: the
 * header is row 1.
 */

/* A header line longer than this is not a spreadsheet's. */
#define MAX_HEADER_BYTES (64 * 1024)
/* Columns past this are not read: no timeline has a thousand. */
#define MAX_COLUMNS 1024
#define QUOTE_MAX 60
/* libcsv reads this much at a time. */
#define PARSE_CHUNK (64 * 1024)

typedef enum
{
  ROLE_NONE,
  ROLE_DATE,
  ROLE_END,
  ROLE_YEAR,
  ROLE_MONTH,
  ROLE_DAY,
  ROLE_TIME,
  ROLE_END_YEAR,
  ROLE_END_MONTH,
  ROLE_END_DAY,
  ROLE_END_TIME,
  ROLE_DISPLAY_DATE,
  ROLE_TITLE,
  ROLE_SUMMARY,
  ROLE_GROUP,
  ROLE_CATEGORY,
  ROLE_TYPE,
  ROLE_ACTORS,
  ROLE_LOCATION,
  ROLE_SOURCE,
  ROLE_ID,
  ROLE_MEDIA,
  ROLE_MEDIA_CREDIT,
  ROLE_MEDIA_CAPTION,
  ROLE_MEDIA_THUMBNAIL,
  ROLE_SUB_TYPE,
  ROLE_ACTOR2,
  ROLE_ASSOC1,
  ROLE_ASSOC2,
  ROLE_ADMIN1,
  ROLE_COUNTRY,
  ROLE_TIME_PRECISION,
  ROLE_FATALITIES,
  N_ROLES
} Role;

/* Header names, compared lower-case with '_' and '-' as spaces. */
static const struct
{
  const char *name;
  Role        role;
} names[] = {
  { "date", ROLE_DATE }, { "start", ROLE_DATE }, { "start date", ROLE_DATE }, { "begin", ROLE_DATE },
  { "when", ROLE_DATE }, { "event date", ROLE_DATE }, { "datetime", ROLE_DATE },
  { "end", ROLE_END }, { "end date", ROLE_END }, { "until", ROLE_END }, { "finish", ROLE_END },
  { "year", ROLE_YEAR }, { "month", ROLE_MONTH }, { "day", ROLE_DAY }, { "time", ROLE_TIME },
  { "end year", ROLE_END_YEAR }, { "end month", ROLE_END_MONTH }, { "end day", ROLE_END_DAY },
  { "end time", ROLE_END_TIME },
  { "display date", ROLE_DISPLAY_DATE },
  { "title", ROLE_TITLE }, { "headline", ROLE_TITLE }, { "event", ROLE_TITLE }, { "name", ROLE_TITLE },
  { "what", ROLE_TITLE },
  { "summary", ROLE_SUMMARY }, { "text", ROLE_SUMMARY }, { "description", ROLE_SUMMARY },
  { "notes", ROLE_SUMMARY }, { "details", ROLE_SUMMARY },
  { "group", ROLE_GROUP }, { "category", ROLE_CATEGORY }, { "type", ROLE_TYPE },
  { "actors", ROLE_ACTORS }, { "actor", ROLE_ACTORS }, { "people", ROLE_ACTORS }, { "who", ROLE_ACTORS },
  { "location", ROLE_LOCATION }, { "place", ROLE_LOCATION }, { "where", ROLE_LOCATION },
  { "source", ROLE_SOURCE }, { "sources", ROLE_SOURCE }, { "url", ROLE_SOURCE }, { "link", ROLE_SOURCE },
  { "id", ROLE_ID }, { "unique id", ROLE_ID },
  { "media", ROLE_MEDIA }, { "media credit", ROLE_MEDIA_CREDIT }, { "media caption", ROLE_MEDIA_CAPTION },
  { "media thumbnail", ROLE_MEDIA_THUMBNAIL },
  /* ACLED exports (acleddata.com codebook): event_id_cnty, event_date,
   * time_precision, event_type, sub_event_type, actor1, assoc_actor_1,
   * actor2, assoc_actor_2, location, admin1, country, source, notes,
   * fatalities. */
  { "event id cnty", ROLE_ID }, { "event type", ROLE_CATEGORY }, { "sub event type", ROLE_SUB_TYPE },
  { "actor1", ROLE_ACTORS }, { "actor 1", ROLE_ACTORS }, { "actor2", ROLE_ACTOR2 }, { "actor 2", ROLE_ACTOR2 },
  { "assoc actor 1", ROLE_ASSOC1 }, { "assoc actor 2", ROLE_ASSOC2 },
  { "admin1", ROLE_ADMIN1 }, { "country", ROLE_COUNTRY },
  { "time precision", ROLE_TIME_PRECISION }, { "fatalities", ROLE_FATALITIES },
};

typedef enum
{
  SLASH_UNKNOWN = 0,
  SLASH_DAY_FIRST = 1 << 0,
  SLASH_MONTH_FIRST = 1 << 1,
} SlashOrder;

typedef struct
{
  ChronicleImport  import;
  GPtrArray       *header;            /* char *, the names as written */
  int              column[N_ROLES];   /* index of each role's column, or -1 */
  gboolean         template;          /* the TimelineJS Sheets template: Type is the slide type */
  GPtrArray       *row;               /* char *, the fields of the row being read */
  guint            row_number;        /* of the row being read; the header is 1 */
  guint            n_rows;            /* data rows, blank ones not counted */
  char            *title;
  char            *description;
  gboolean         header_only;       /* stop after the header (sniffing) */
  GArray          *ignored;           /* guint, the columns not recognised */
  GHashTable      *mapping;           /* normalised column name -> Role, from --columns; borrowed */
  /* The mapping dialog's preview: each data row read, as it was read. */
  void           (*row_read)          (gpointer reader, gpointer data);
  gpointer         row_read_data;
  gboolean         done;              /* stop reading: the preview has its rows */
  /* Slash dates ("03/05/2024"): the order each column's cells show, found
   * by a first pass (scanning); the ambiguous cells met, noted once per
   * column at the end. */
  gboolean         scanning;
  SlashOrder       slash_order[N_ROLES];
  guint            n_ambiguous[N_ROLES];
  char            *ambiguous_note[N_ROLES];
} Reader;

/* The roles --columns names, as docs/format.md and --help list them. */
static const struct
{
  const char *name;
  Role        role;
} mapped_roles[] = {
  { "date", ROLE_DATE }, { "end", ROLE_END }, { "title", ROLE_TITLE }, { "summary", ROLE_SUMMARY },
  { "category", ROLE_CATEGORY }, { "actors", ROLE_ACTORS }, { "location", ROLE_LOCATION },
  { "source", ROLE_SOURCE }, { "id", ROLE_ID }, { "display_date", ROLE_DISPLAY_DATE },
};

static char *
normalise_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = *p == '_' || *p == '-' || g_ascii_isspace (*p) ? ' ' : *p;

      if (c != ' ' || (out->len > 0 && out->str[out->len - 1] != ' '))
        g_string_append_c (out, c);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* A mapping's keys are column names as the user wrote them (so that a
 * message can quote them so), compared as normalise_name() folds them. */
static guint
column_name_hash (gconstpointer key)
{
  g_autofree char *name = normalise_name (key);

  return chronicle_str_hash (name);
}

static gboolean
column_name_equal (gconstpointer a,
                   gconstpointer b)
{
  g_autofree char *name_a = normalise_name (a);
  g_autofree char *name_b = normalise_name (b);

  return strcmp (name_a, name_b) == 0;
}

static GHashTable *
column_mapping_new (void)
{
  return g_hash_table_new_full (column_name_hash, column_name_equal, g_free, NULL);
}

static void
map_columns (Reader *reader)
{
  g_autofree gboolean *mapped = g_new0 (gboolean, reader->header->len);

  for (guint r = 0; r < N_ROLES; r++)
    reader->column[r] = -1;

  /* The columns the user named first: they win over the usual names. */
  for (guint i = 0; reader->mapping != NULL && i < reader->header->len; i++)
    {
      g_autofree char *name = normalise_name (g_ptr_array_index (reader->header, i));
      gpointer role;

      /* ROLE_NONE: the user said the column holds none of the fields
       * (the mapping dialog's "None"), whatever its name. */
      if (g_hash_table_lookup_extended (reader->mapping, name, NULL, &role) &&
          GPOINTER_TO_INT (role) == ROLE_NONE)
        {
          mapped[i] = TRUE;
          if (*name != '\0')
            g_array_append_val (reader->ignored, i);
        }
      else if (g_hash_table_lookup_extended (reader->mapping, name, NULL, &role) &&
               reader->column[GPOINTER_TO_INT (role)] < 0)
        {
          reader->column[GPOINTER_TO_INT (role)] = (int) i;
          mapped[i] = TRUE;
        }
    }

  for (guint i = 0; i < reader->header->len; i++)
    {
      g_autofree char *name = normalise_name (g_ptr_array_index (reader->header, i));
      Role role = ROLE_NONE;

      if (mapped[i])
        continue;
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        if (strcmp (name, names[n].name) == 0)
          role = names[n].role;

      if (role != ROLE_NONE && reader->column[role] < 0)
        reader->column[role] = (int) i;
      else if (*name != '\0')
        g_array_append_val (reader->ignored, i);
    }

  reader->template = reader->column[ROLE_YEAR] >= 0 && reader->column[ROLE_DATE] < 0;
}

/* The trimmed cell of @role in the current row, or NULL when blank. */
static const char *
cell (Reader *reader,
      Role    role)
{
  int i = reader->column[role];
  char *text;

  if (i < 0 || (guint) i >= reader->row->len)
    return NULL;
  text = g_strstrip ((char *) g_ptr_array_index (reader->row, i));
  /* Blank includes invisible characters and no-break spaces, which the
   * loader refuses where text is required (a category's label). */
  return !chronicle_text_is_blank (text) ? text : NULL;
}

/* The cell of @role as text. TimelineJS shows a template's Headline and
 * Text as HTML ("<b>Signed</b>", "&amp;"): read as its JSON reader reads
 * them, with each web link appended to @links (nullable) to become a
 * source, and Chronicle's details paragraph into @details (nullable).
 * Other sheets' cells are text as written ("a < b"). NULL when blank. */
static char *
cell_text (Reader               *reader,
           Role                  role,
           GPtrArray            *links,
           ChronicleHtmlDetails *details)
{
  const char *text = cell (reader, role);
  g_autofree char *plain = NULL;

  if (text == NULL || !reader->template || strpbrk (text, "<&") == NULL)
    return g_strdup (text);
  plain = details != NULL ? chronicle_html_event_text_to_text (text, links, details)
                          : chronicle_html_to_text (text, links);
  return !chronicle_text_is_blank (plain) ? g_steal_pointer (&plain) : NULL;
}

static char *
describe_cell (Reader *reader,
               Role    role)
{
  g_autofree char *column = chronicle_text_escape_line (g_ptr_array_index (reader->header, reader->column[role]),
                                                        QUOTE_MAX);

  /* Translators: a place in a spreadsheet: row 12, column "Year" */
  return g_strdup_printf (_("row %u, column \"%s\""), reader->row_number, column);
}

static void
note_cell (Reader     *reader,
           Role        role,
           const char *problem,
           const char *left_out)
{
  g_autofree char *place = describe_cell (reader, role);
  g_autofree char *value = chronicle_text_escape_line (cell (reader, role), QUOTE_MAX);

  chronicle_import_note (&reader->import,
                         /* Translators: a place, a value as written, why it was refused
                          * ("is not a year") and what is left out ("the row is left out") */
                         _("%s: \"%s\" %s; %s"), place, value, problem, left_out);
}

static gboolean
read_number (const char *text,
             gint64      min,
             gint64      max,
             gint64     *value)
{
  char *end;

  *value = g_ascii_strtoll (text, &end, 10);
  return end != text && *end == '\0' && *value >= min && *value <= max;
}

/* "03/05/2024": TRUE with its two first parts and the year. */
static gboolean
read_slash_parts (const char *text,
                  int        *first,
                  int        *second,
                  int        *year)
{
  int n = -1;

  return sscanf (text, "%2d/%2d/%4d%n", first, second, year, &n) == 3 && n == (int) strlen (text) &&
         text[n - 5] == '/' && *first > 0 && *second > 0;
}

/* What a slash date's own parts say of the order. */
static SlashOrder
slash_order_of (int first,
                int second)
{
  if (first > 12 && second <= 12)
    return SLASH_DAY_FIRST;
  if (second > 12 && first <= 12)
    return SLASH_MONTH_FIRST;
  return SLASH_UNKNOWN;
}

/* The scanning pass: the orders a column's slash dates decide. */
static void
scan_slash_cell (Reader *reader,
                 Role    role)
{
  const char *text = cell (reader, role);
  int first, second, year;

  if (text != NULL && read_slash_parts (text, &first, &second, &year))
    reader->slash_order[role] |= slash_order_of (first, second);
}

static char *
format_day_month (int year,
                  int month,
                  int day)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, 0, 0, 0);

  /* Translators: a day and a month, as in "3 May" (strftime format) */
  return time != NULL ? g_date_time_format (time, _("%-d %B")) : g_strdup_printf ("%d/%d", day, month);
}

/* An ambiguous slash date: refused, and noted once per column (at the
 * end, with how many rows share the fate). */
static void
note_ambiguous (Reader *reader,
                Role    role,
                int     first,
                int     second,
                int     year)
{
  g_autofree char *place = NULL;
  g_autofree char *value = NULL;
  g_autofree char *as_day = NULL;
  g_autofree char *as_month = NULL;

  if (reader->n_ambiguous[role]++ > 0)
    return;
  place = describe_cell (reader, role);
  value = chronicle_text_escape_line (cell (reader, role), QUOTE_MAX);
  as_day = format_day_month (year, second, first);
  as_month = format_day_month (year, first, second);
  reader->ambiguous_note[role] =
    /* Translators: a place, a date as written, the two days it may be ("3 May", "5 March"),
     * and the same two in ISO 8601 */
    g_strdup_printf (_("%s: \"%s\" could be %s or %s; write %04d-%02d-%02d or %04d-%02d-%02d"),
                     place, value, as_day, as_month, year, second, first, year, first, second);
}

/* After the rows: each column's ambiguous slash dates, in one note. */
static void
note_ambiguous_columns (Reader *reader)
{
  for (guint r = 0; r < N_ROLES; r++)
    if (reader->ambiguous_note[r] != NULL)
      chronicle_import_note (&reader->import,
                             /* Translators: %s is a refusal such as: row 4, column "Date": "03/05/2024"
                              * could be 3 May or 5 March; write ... */
                             g_dngettext (GETTEXT_PACKAGE, "%s; the column gives no cell that decides "
                                          "the order, so %u row like it is left out",
                                          "%s; the column gives no cell that decides the order, so %u rows "
                                          "like it are left out", reader->n_ambiguous[r]),
                             reader->ambiguous_note[r], reader->n_ambiguous[r]);
}

/* A Date-like cell's text as a date: what the event editor's date entry
 * reads (ISO 8601, "May 2024", "16 May 2025", "May 16, 2025", month names
 * in English or the user's language), ISO with a space for the "T"
 * ("2025-05-16 10:30"), and "03/05/2024" when the column decides the order. */
static gboolean
parse_date_text (Reader         *reader,
                 Role            role,
                 const char     *cell_text,
                 ChronicleDate  *date,
                 gboolean       *ambiguous,
                 GError        **error)
{
  g_autofree char *text = g_strdup (cell_text);
  char *space;
  int first, second, year;

  *ambiguous = FALSE;
  if (read_slash_parts (text, &first, &second, &year))
    {
      SlashOrder order = slash_order_of (first, second);

      if (order == SLASH_UNKNOWN && first != second)
        order = reader->slash_order[role];
      if (first == second)
        order = SLASH_DAY_FIRST;
      if (order == SLASH_DAY_FIRST)
        return chronicle_date_init (date, CHRONICLE_DATE_PRECISION_DAY, year, second, first, 0, 0, 0, error);
      if (order == SLASH_MONTH_FIRST)
        return chronicle_date_init (date, CHRONICLE_DATE_PRECISION_DAY, year, first, second, 0, 0, 0, error);
      if (first <= 12 && second <= 12)
        {
          *ambiguous = TRUE;
          return FALSE;
        }
    }
  if (strlen (text) > 10 && (space = strchr (text, ' ')) != NULL && space - text == 10)
    *space = 'T';
  return chronicle_date_parse_input (text, date, error);
}

/* A date from a Date-like cell (see parse_date_text()); NULL, noted, when
 * it is none. */
static char *
read_date_cell (Reader      *reader,
                Role         role,
                const char  *left_out)
{
  g_autoptr(GError) error = NULL;
  ChronicleDate date;
  gboolean ambiguous;

  if (!parse_date_text (reader, role, cell (reader, role), &date, &ambiguous, &error))
    {
      if (ambiguous)
        {
          int first, second, year;

          read_slash_parts (cell (reader, role), &first, &second, &year);
          note_ambiguous (reader, role, first, second, year);
        }
      else
        {
          g_autofree char *place = describe_cell (reader, role);

          /* The date's own error names the value and says why. */
          chronicle_import_note (&reader->import,
                                 /* Translators: a place, why its date was refused, what is left out */
                                 _("%s: %s; %s"), place, error->message, left_out);
        }
      return NULL;
    }
  return chronicle_date_to_iso (&date);
}

/* A date from the template's Year, Month, Day and Time columns (or their
 * End ones: @year_role and the three after it). NULL, noted, when a cell
 * is wrong; NULL, not noted, when the year is blank. */
static char *
read_template_date (Reader      *reader,
                    Role         year_role,
                    const char  *left_out,
                    gboolean    *refused)
{
  const char *year_text = cell (reader, year_role);
  const char *month_text = cell (reader, year_role + 1);
  const char *day_text = cell (reader, year_role + 2);
  const char *time_text = cell (reader, year_role + 3);
  gint64 year, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  ChronicleDatePrecision precision = CHRONICLE_DATE_PRECISION_YEAR;
  ChronicleDate date;
  g_autoptr(GError) error = NULL;

  *refused = TRUE;
  if (year_text == NULL)
    {
      *refused = FALSE;
      return NULL;
    }
  if (!read_number (year_text, G_MININT64 / 2, G_MAXINT64 / 2, &year))
    {
      note_cell (reader, year_role, _("is not a year"), left_out);
      return NULL;
    }
  /* The Year column is TimelineJS's template's: -500 is 500 BC. */
  year = chronicle_import_year_from_timelinejs (year);
  if (month_text != NULL)
    {
      if (!read_number (month_text, 1, 12, &month))
        {
          note_cell (reader, year_role + 1, _("is not a month"), left_out);
          return NULL;
        }
      precision = CHRONICLE_DATE_PRECISION_MONTH;
    }
  if (day_text != NULL)
    {
      if (month_text == NULL || !read_number (day_text, 1, 31, &day))
        {
          note_cell (reader, year_role + 2, _("is not a day"), left_out);
          return NULL;
        }
      precision = CHRONICLE_DATE_PRECISION_DAY;
    }
  if (time_text != NULL)
    {
      int h = -1, m = -1, s = 0, n = -1;
      const char *rest;

      if (sscanf (time_text, "%2d:%2d:%2d%n", &h, &m, &s, &n) != 3)
        {
          s = 0;
          n = -1;
          if (sscanf (time_text, "%2d:%2d%n", &h, &m, &n) != 2)
            n = -1;
        }
      rest = n >= 0 ? time_text + n : "";
      while (g_ascii_isspace (*rest))
        rest++;
      /* "2:30 PM", as spreadsheets write times. */
      if (n >= 0 && (g_ascii_strcasecmp (rest, "am") == 0 || g_ascii_strcasecmp (rest, "pm") == 0))
        {
          if (h < 1 || h > 12)
            n = -1;
          else
            h = h % 12 + (g_ascii_tolower (rest[0]) == 'p' ? 12 : 0);
          rest = "";
        }
      if (day_text == NULL || n < 0 || *rest != '\0' || h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59)
        {
          note_cell (reader, year_role + 3, _("is not a time"), left_out);
          return NULL;
        }
      hour = h, minute = m, second = s;
      precision = s > 0 || strchr (strchr (time_text, ':') + 1, ':') != NULL
                  ? CHRONICLE_DATE_PRECISION_SECOND : CHRONICLE_DATE_PRECISION_MINUTE;
    }

  if (!chronicle_date_init (&date, precision, year, (int) month, (int) day, (int) hour, (int) minute,
                            (int) second, &error))
    {
      /* Translators: a place in a spreadsheet */
      g_autofree char *place = g_strdup_printf (_("row %u"), reader->row_number);

      chronicle_import_note (&reader->import, "%s: %s; %s", place, error->message, left_out);
      return NULL;
    }

  *refused = FALSE;
  return chronicle_date_to_iso (&date);
}

/* Splits a list cell ("Russia; Ukraine") into @array. */
static void
add_list (JsonArray  *array,
          const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        json_array_add_string_element (array, parts[i]);
    }
}

static void
read_sources (Reader     *reader,
              const char *text,
              JsonArray  *source_ids)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (chronicle_uri_is_web_link (parts[i]))
        json_array_add_string_element (source_ids, chronicle_import_add_source (&reader->import, parts[i],
                                                                                NULL, NULL));
      else
        json_array_add_string_element (source_ids, chronicle_import_add_source (&reader->import, NULL,
                                                                                NULL, parts[i]));
    }
}

/* The start (and end) of the current row, from Date/End or the template's columns. */
static gboolean
read_dates (Reader      *reader,
            const char  *place,
            const char  *left_out,
            char       **start,
            char       **end)
{
  gboolean refused = FALSE;

  if (reader->template)
    *start = read_template_date (reader, ROLE_YEAR, left_out, &refused);
  else if (cell (reader, ROLE_DATE) != NULL)
    *start = read_date_cell (reader, ROLE_DATE, left_out);
  else
    *start = NULL;

  if (*start == NULL)
    {
      if (!refused && (reader->template || cell (reader, ROLE_DATE) == NULL))
        chronicle_import_note (&reader->import, _("%s: no date; %s"), place, left_out);
      return FALSE;
    }

  if (reader->template && reader->column[ROLE_END_YEAR] >= 0)
    *end = read_template_date (reader, ROLE_END_YEAR, _("the end is left out"), &refused);
  else if (!reader->template && cell (reader, ROLE_END) != NULL)
    *end = read_date_cell (reader, ROLE_END, _("the end is left out"));
  if (*end != NULL && !chronicle_import_check_end (&reader->import, place, *start, *end))
    g_clear_pointer (end, g_free);
  return TRUE;
}

static void
read_era (Reader     *reader,
          const char *place)
{
  g_autoptr(JsonObject) era = json_object_new ();
  g_autofree char *start = NULL, *end = NULL, *id = NULL;
  g_autofree char *label = cell_text (reader, ROLE_TITLE, NULL, NULL);

  if (!read_dates (reader, place, _("the era is left out"), &start, &end))
    return;
  id = g_strdup_printf ("era-%u", reader->row_number);
  json_object_set_string_member (era, "id", id);
  json_object_set_string_member (era, "label", label != NULL ? label : _("Untitled era"));
  json_object_set_string_member (era, "start", start);
  if (end != NULL)
    json_object_set_string_member (era, "end", end);
  json_array_add_object_element (reader->import.eras, g_steal_pointer (&era));
}

/* ACLED events have no title: "Armed clash in Kyiv". */
static char *
acled_make_title (Reader *reader)
{
  const char *where = cell (reader, ROLE_LOCATION);

  if (where == NULL)
    return g_strdup (cell (reader, ROLE_SUB_TYPE));
  /* Translators: an ACLED sub-event type and a place: "Armed clash in Kyiv" */
  return g_strdup_printf (_("%s in %s"), cell (reader, ROLE_SUB_TYPE), where);
}

/* ACLED's time_precision: 1 the day is known, 2 only the week (the day
 * given is within it: approximate), 3 only the month. */
static gboolean
acled_precision (Reader     *reader,
                 JsonObject *event,
                 const char *place)
{
  gint64 precision;
  ChronicleDate date;

  (void) place;
  if (!read_number (cell (reader, ROLE_TIME_PRECISION), 1, 3, &precision))
    {
      note_cell (reader, ROLE_TIME_PRECISION, _("is not 1, 2 or 3"), _("the row is left out"));
      return FALSE;
    }
  if (precision == 2)
    json_object_set_boolean_member (event, "approximate", TRUE);
  else if (precision == 3 &&
           chronicle_date_parse (json_object_get_string_member (event, "date"), &date, NULL) &&
           date.precision >= CHRONICLE_DATE_PRECISION_DAY)
    {
      g_autofree char *month = NULL;

      date.precision = CHRONICLE_DATE_PRECISION_MONTH;
      date.day = 1;
      date.hour = date.minute = date.second = 0;
      date.has_offset = FALSE;
      month = chronicle_date_to_iso (&date);
      json_object_set_string_member (event, "date", month);
      if (json_object_has_member (event, "end"))
        json_object_remove_member (event, "end");
    }
  return TRUE;
}

/* "Location, Admin1, Country", without repeats ("Kyiv, Kyiv, Ukraine"). */
static char *
join_location (Reader *reader)
{
  static const Role roles[] = { ROLE_LOCATION, ROLE_ADMIN1, ROLE_COUNTRY };
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      const char *text = cell (reader, roles[i]);
      gboolean repeat = FALSE;

      for (guint j = 0; text != NULL && j < parts->len; j++)
        repeat = repeat || strcmp (g_ptr_array_index (parts, j), text) == 0;
      if (text != NULL && !repeat)
        g_ptr_array_add (parts, (char *) text);
    }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* A media caption or credit as text: HTML to TimelineJS (a credit's
 * link, "&amp;"), as Chronicle's export writes them too. */
static char *
markup_to_text (const char *cell)
{
  return cell != NULL ? chronicle_html_to_text (cell, NULL) : NULL;
}

static void
read_row (Reader *reader)
{
  g_autoptr(JsonObject) event = json_object_new ();
  g_autoptr(JsonArray) source_ids = json_array_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_html_link_free);
  g_auto(ChronicleHtmlDetails) details = { NULL, NULL };
  g_autofree char *place = NULL, *start = NULL, *end = NULL, *id = NULL, *acled_title = NULL, *location = NULL;
  g_autofree char *headline = NULL, *body = NULL;
  const char *title;
  const char *type = reader->template ? cell (reader, ROLE_TYPE) : NULL;
  const char *group = cell (reader, ROLE_GROUP);
  const char *text;
  gboolean blank = TRUE;

  for (guint i = 0; i < reader->row->len && blank; i++)
    blank = chronicle_text_is_blank (g_ptr_array_index (reader->row, i));
  if (blank)
    return;
  reader->n_rows++;

  /* What the columns not recognised held is said, counted per column. */
  for (guint i = 0; i < reader->ignored->len; i++)
    {
      guint column = g_array_index (reader->ignored, guint, i);

      if (column < reader->row->len && !chronicle_text_is_blank (g_ptr_array_index (reader->row, column)))
        chronicle_import_count_ignored (&reader->import, g_ptr_array_index (reader->header, column));
    }

  /* Translators: a place in a spreadsheet */
  place = g_strdup_printf (_("row %u"), reader->row_number);

  chronicle_html_details_init (&details);
  title = headline = cell_text (reader, ROLE_TITLE, links, NULL);
  body = cell_text (reader, ROLE_SUMMARY, links, &details);
  if (type != NULL && g_ascii_strcasecmp (type, "title") == 0)
    {
      if (reader->title == NULL && title != NULL)
        reader->title = g_strdup (title);
      if (reader->description == NULL && body != NULL)
        reader->description = g_strdup (body);
      return;
    }
  if (type != NULL && g_ascii_strcasecmp (type, "era") == 0)
    {
      read_era (reader, place);
      return;
    }

  if (!read_dates (reader, place, _("the row is left out"), &start, &end))
    return;

  if (group == NULL)
    group = cell (reader, ROLE_CATEGORY);
  if (group == NULL && !reader->template)
    group = cell (reader, ROLE_TYPE);

  id = chronicle_import_take_id (&reader->import, cell (reader, ROLE_ID), reader->row_number);
  json_object_set_string_member (event, "id", id);
  json_object_set_string_member (event, "date", start);
  if (end != NULL)
    json_object_set_string_member (event, "end", end);
  if (title == NULL && cell (reader, ROLE_SUB_TYPE) != NULL)
    title = acled_title = acled_make_title (reader);
  json_object_set_string_member (event, "title", title != NULL ? title : _("Untitled event"));
  if (cell (reader, ROLE_TIME_PRECISION) != NULL && !acled_precision (reader, event, place))
    return;
  if (body != NULL)
    json_object_set_string_member (event, "summary", body);
  if (group != NULL)
    json_object_set_string_member (event, "category", chronicle_import_add_group (&reader->import, group));
  {
    static const Role actor_roles[] = { ROLE_ACTORS, ROLE_ASSOC1, ROLE_ACTOR2, ROLE_ASSOC2 };
    JsonArray *actors = json_array_new ();

    for (guint i = 0; i < G_N_ELEMENTS (actor_roles); i++)
      if ((text = cell (reader, actor_roles[i])) != NULL)
        add_list (actors, text);
    if (json_array_get_length (actors) > 0)
      json_object_set_array_member (event, "actors", actors);
    else
      json_array_unref (actors);
  }
  location = join_location (reader);
  if (location != NULL)
    json_object_set_string_member (event, "location", location);
  chronicle_import_set_details (event, details.actors, details.location);
  if ((text = cell (reader, ROLE_FATALITIES)) != NULL)
    {
      gint64 fatalities;

      /* Kept as a member the format ignores, so that a save keeps it,
       * and said in the summary, which the sidebar shows. */
      if (read_number (text, 0, G_MAXINT32, &fatalities))
        {
          const char *summary = json_object_get_string_member_with_default (event, "summary", NULL);
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u fatality reported",
                                                                 "%u fatalities reported", (gulong) fatalities),
                                                    (guint) fatalities);
          g_autofree char *joined = summary != NULL ? g_strdup_printf ("%s\n%s", summary, count) : NULL;

          json_object_set_int_member (event, "fatalities", fatalities);
          /* Most ACLED events have none: "0 fatalities reported" under
           * each would be noise, the member keeps the figure. */
          if (fatalities > 0)
            json_object_set_string_member (event, "summary", joined != NULL ? joined : count);
        }
      else
        note_cell (reader, ROLE_FATALITIES, _("is not a number"), _("it is left out"));
    }
  chronicle_import_set_display_date (&reader->import, event, cell (reader, ROLE_DISPLAY_DATE));
  if ((text = cell (reader, ROLE_SOURCE)) != NULL)
    read_sources (reader, text, source_ids);
  /* The links of a template's Headline and Text, as TimelineJS's JSON. */
  chronicle_import_add_link_sources (&reader->import, links, source_ids);
  {
    g_autofree char *caption = markup_to_text (cell (reader, ROLE_MEDIA_CAPTION));
    g_autofree char *credit = markup_to_text (cell (reader, ROLE_MEDIA_CREDIT));
    ChronicleImportMedia media = {
      cell (reader, ROLE_MEDIA), caption, credit, cell (reader, ROLE_MEDIA_THUMBNAIL), NULL, NULL, NULL, NULL
    };

    chronicle_import_add_media (&reader->import, &media, event);
  }
  if (json_array_get_length (source_ids) > 0)
    json_object_set_array_member (event, "sources", g_steal_pointer (&source_ids));

  json_array_add_object_element (reader->import.events, g_steal_pointer (&event));
}

static void
field_cb (void   *field,
          size_t  length,
          void   *data)
{
  Reader *reader = data;
  char *text;

  if (reader->row->len >= MAX_COLUMNS)
    return;
  /* Cells are UTF-8 by now (the whole text was checked or converted),
   * but a NUL inside one would cut it short: it becomes a space. */
  text = g_malloc (length + 1);
  if (length > 0)
    memcpy (text, field, length);
  text[length] = '\0';
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\0')
      text[i] = ' ';
  if (!g_utf8_validate_len (text, length, NULL))
    {
      char *valid = g_utf8_make_valid (text, length);

      g_free (text);
      text = valid;
    }
  g_ptr_array_add (reader->row, text);
}

static void
row_cb (int   terminator,
        void *data)
{
  Reader *reader = data;

  (void) terminator;
  reader->row_number++;
  if (reader->header == NULL)
    {
      reader->header = g_steal_pointer (&reader->row);
      reader->row = g_ptr_array_new_with_free_func (g_free);
      map_columns (reader);
      return;
    }

  if (reader->scanning)
    {
      scan_slash_cell (reader, ROLE_DATE);
      scan_slash_cell (reader, ROLE_END);
    }
  else if (!reader->header_only && !reader->done)
    {
      read_row (reader);
      if (reader->row_read != NULL)
        reader->row_read (reader, reader->row_read_data);
    }
  g_ptr_array_set_size (reader->row, 0);
}

/* Only a space is space: a tab may be the delimiter, and libcsv would
 * otherwise trim it away. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

/* The delimiter of the first line: the most common of tab, comma and
 * semicolon outside quotes; 0 when there is none. */
static char
find_delimiter (const char *data,
                gsize       length)
{
  guint tabs = 0, commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length && i < MAX_HEADER_BYTES; i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted && (data[i] == '\n' || data[i] == '\r'))
        break;
      else if (!quoted)
        {
          tabs += data[i] == '\t';
          commas += data[i] == ',';
          semicolons += data[i] == ';';
        }
    }

  if (tabs > 0 && tabs >= commas && tabs >= semicolons)
    return '\t';
  if (commas > 0 && commas >= semicolons)
    return ',';
  return semicolons > 0 ? ';' : 0;
}

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->header, g_ptr_array_unref);
  g_clear_pointer (&reader->row, g_ptr_array_unref);
  g_clear_pointer (&reader->ignored, g_array_unref);
  g_clear_pointer (&reader->title, g_free);
  g_clear_pointer (&reader->description, g_free);
  for (guint r = 0; r < N_ROLES; r++)
    g_clear_pointer (&reader->ambiguous_note[r], g_free);
}

static gboolean parse (Reader *reader, const char *data, gsize length, char delimiter);

/* The first pass for slash dates ("03/05/2024"): which order each date
 * column's cells decide, into @reader. Only files with a slash pay it. */
static gboolean
scan_slash_orders (Reader     *reader,
                   const char *data,
                   gsize       length,
                   char        delimiter)
{
  Reader scan = { 0, };
  gboolean ok;

  if (memchr (data, '/', length) == NULL)
    return TRUE;
  scan.scanning = TRUE;
  scan.mapping = reader->mapping;
  chronicle_import_init (&scan.import, NULL);
  ok = parse (&scan, data, length, delimiter);
  for (guint r = 0; r < N_ROLES; r++)
    reader->slash_order[r] = scan.slash_order[r];
  chronicle_import_clear (&scan.import);
  reader_clear (&scan);
  return ok;
}

/* Runs libcsv over @data; FALSE when it fails (out of memory only: the
 * lenient mode reads any text as some table). */
static gboolean
parse (Reader     *reader,
       const char *data,
       gsize       length,
       char        delimiter)
{
  struct csv_parser parser;
  gboolean ok;

  if (csv_init (&parser, 0) != 0)
    return FALSE;
  csv_set_delim (&parser, (unsigned char) delimiter);
  csv_set_space_func (&parser, is_space);
  reader->row = g_ptr_array_new_with_free_func (g_free);
  reader->ignored = g_array_new (FALSE, FALSE, sizeof (guint));

  /* In pieces, so that a preview stops soon after its first rows. */
  ok = TRUE;
  for (gsize done = 0; ok && done < length && !reader->done; done += PARSE_CHUNK)
    {
      gsize n = MIN (PARSE_CHUNK, length - done);

      ok = csv_parse (&parser, data + done, n, field_cb, row_cb, reader) == n;
    }
  if (ok && !reader->done && !(reader->header_only && reader->header != NULL))
    ok = csv_fini (&parser, field_cb, row_cb, reader) == 0;
  csv_free (&parser);
  return ok;
}

static const char *
skip_bom (const char *data,
          gsize      *length)
{
  if (*length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      *length -= 3;
      return data + 3;
    }
  return data;
}

/* Reads the first line of @data into @reader as a header, as a sniffer
 * does: FALSE (and @reader untouched) when that line cannot start a table
 * (JSON, blank, too long, no delimiter, not UTF-8) or does not parse.
 * Otherwise the caller clears @reader's import and @reader. */
static gboolean
read_header (Reader     *reader,
             const char *data,
             gsize       length)
{
  gsize line = 0;
  char delimiter;

  data = skip_bom (data, &length);
  if (length == 0 || data[0] == '{' || data[0] == '[' || g_ascii_isspace (data[0]))
    return FALSE;
  while (line < length && line < MAX_HEADER_BYTES && data[line] != '\n' && data[line] != '\r')
    line++;
  if (line == MAX_HEADER_BYTES || (delimiter = find_delimiter (data, line)) == 0 ||
      !g_utf8_validate (data, line, NULL))
    return FALSE;

  reader->header_only = TRUE;
  chronicle_import_init (&reader->import, NULL);
  if (!parse (reader, data, line, delimiter))
    {
      chronicle_import_clear (&reader->import);
      reader_clear (reader);
      return FALSE;
    }
  return TRUE;
}

gboolean
chronicle_import_is_csv (const char *data,
                         gsize       length)
{
  Reader reader = { 0, };
  gboolean found;

  if (!read_header (&reader, data, length))
    return FALSE;
  found = reader.header != NULL && (reader.column[ROLE_DATE] >= 0 || reader.column[ROLE_YEAR] >= 0);
  chronicle_import_clear (&reader.import);
  reader_clear (&reader);
  return found;
}

gboolean
chronicle_import_refuse_table (const char  *data,
                               gsize        length,
                               GError     **error)
{
  Reader reader = { 0, };
  g_autoptr(GString) columns = g_string_new (NULL);

  if (!read_header (&reader, data, length))
    return FALSE;
  if (reader.header != NULL && reader.header->len >= 2)
    for (guint i = 0; i < reader.header->len && i < 8; i++)
      {
        g_autofree char *name = chronicle_text_escape_line (g_ptr_array_index (reader.header, i), QUOTE_MAX);

        g_string_append_printf (columns, "%s\"%s\"", i > 0 ? ", " : "", name);
      }
  chronicle_import_clear (&reader.import);
  reader_clear (&reader);
  if (columns->len == 0)
    return FALSE;

  g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_COLUMNS,
               /* Translators: %s is a list of column names as written in the file */
               /* Translators: the names are the column headers recognised (see names[]
                * in chronicle-import-csv.c), in English whatever the language */
               _("a spreadsheet needs a column for the date, named Date, Start, Start Date, Begin, When, "
                 "Event Date or Datetime, or Year (with Month and Day) as in the TimelineJS template; "
                 "its columns: %s"), columns->str);
  return TRUE;
}

/* FALSE, with @error set, when a column --columns names is not in the
 * header: a typo would otherwise be silently ignored. */
static gboolean
check_mapping (Reader      *reader,
               GHashTable  *mapping,
               GError     **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, mapping);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean found = FALSE;
      g_autofree char *quoted = chronicle_text_escape_line (key, QUOTE_MAX);

      for (guint i = 0; reader->header != NULL && i < reader->header->len && !found; i++)
        {
          g_autofree char *name = normalise_name (g_ptr_array_index (reader->header, i));

          found = column_name_equal (name, key);
        }
      if (!found)
        {
          g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_MISSING,
                       /* Translators: %s is a column name given to --columns */
                       _("--columns: the spreadsheet has no column \"%s\""), quoted);
          return FALSE;
        }
    }
  return TRUE;
}

/* @data as UTF-8 text without a BOM or NULs: itself, or *@copy. */
static gboolean
prepare_text (const char **data,
              gsize       *length,
              char       **copy,
              gboolean    *converted,
              GError     **error)
{
  *converted = FALSE;
  *data = skip_bom (*data, length);
  /* A NUL byte is no text; it would also make UTF-8 text look like some
   * other encoding to the check below. */
  if (memchr (*data, '\0', *length) != NULL)
    {
      char *text = g_malloc (*length + 1);

      for (gsize i = 0; i < *length; i++)
        text[i] = (*data)[i] != '\0' ? (*data)[i] : ' ';
      text[*length] = '\0';
      *copy = text;
      *data = text;
    }
  /* Spreadsheets saved by older Excel are Windows-1252; anything else that
   * is not UTF-8 reads as that too, rather than not at all. */
  if (!g_utf8_validate_len (*data, *length, NULL))
    {
      char *text = g_convert (*data, *length, "UTF-8", "WINDOWS-1252", NULL, length, NULL);

      if (text == NULL)
        {
          g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX,
                       _("the spreadsheet is neither UTF-8 nor Windows-1252 text"));
          return FALSE;
        }
      g_free (*copy);
      *copy = text;
      *data = text;
      *converted = TRUE;
    }
  return TRUE;
}

GHashTable *
chronicle_import_parse_columns (const char  *spec,
                                GError     **error)
{
  g_autoptr(GHashTable) mapping = column_mapping_new ();
  g_auto(GStrv) pairs = g_strsplit (spec, ",", 64);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *equals = strchr (pairs[i], '=');
      g_autofree char *role_name = equals != NULL ? g_strstrip (g_strndup (pairs[i], equals - pairs[i])) : NULL;
      g_autofree char *column = equals != NULL ? g_strstrip (g_strdup (equals + 1)) : NULL;
      g_autofree char *folded = column != NULL ? normalise_name (column) : NULL;
      g_autofree char *quoted = chronicle_text_escape_line (pairs[i], QUOTE_MAX);
      int role = -1;

      for (guint r = 0; role_name != NULL && r < G_N_ELEMENTS (mapped_roles); r++)
        if (g_ascii_strcasecmp (role_name, mapped_roles[r].name) == 0)
          role = mapped_roles[r].role;
      if (role < 0 || folded == NULL || *folded == '\0')
        {
          g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE,
                       /* Translators: --columns is an option; keep the field names (date, title ...)
                        * as they are. %s is what was given. */
                       _("--columns: \"%s\" is not FIELD=Column, FIELD one of date, end, title, summary, "
                         "category, actors, location, source, id, display_date"), quoted);
          return NULL;
        }
      g_hash_table_insert (mapping, g_steal_pointer (&column), GINT_TO_POINTER (role));
    }
  return g_steal_pointer (&mapping);
}

char *
chronicle_import_csv (const char            *data,
                      gsize                  length,
                      ChronicleImportReport *report,
                      GError               **error)
{
  return chronicle_import_csv_with_columns (data, length, NULL, report, error);
}

char *
chronicle_import_csv_with_columns (const char             *data,
                                   gsize                   length,
                                   GHashTable             *mapping,
                                   ChronicleImportReport  *report,
                                   GError                **error)
{
  Reader reader = { 0, };
  g_autofree char *copy = NULL;
  g_autofree char *summary = NULL;
  gboolean converted;
  char delimiter;
  char *document;

  if (!prepare_text (&data, &length, &copy, &converted, error))
    return NULL;

  delimiter = find_delimiter (data, length);
  chronicle_import_init (&reader.import, report);

  reader.mapping = mapping;
  if (!scan_slash_orders (&reader, data, length, delimiter) || !parse (&reader, data, length, delimiter))
    {
      g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX,
                   _("the spreadsheet could not be read (out of memory)"));
      chronicle_import_clear (&reader.import);
      reader_clear (&reader);
      return NULL;
    }

  if (mapping != NULL && !check_mapping (&reader, mapping, error))
    {
      chronicle_import_clear (&reader.import);
      reader_clear (&reader);
      return NULL;
    }

  note_ambiguous_columns (&reader);
  if (reader.n_rows > 0 && json_array_get_length (reader.import.events) == 0 &&
      json_array_get_length (reader.import.eras) == 0)
    {
      g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_VALUE,
                   /* Translators: %s is the first reason, such as row 2, column "Year": ... */
                   _("spreadsheet: none of its rows could be converted (%s)"),
                   report->notes->len > 0 ? (const char *) g_ptr_array_index (report->notes, 0) : "");
      chronicle_import_clear (&reader.import);
      reader_clear (&reader);
      return NULL;
    }

  if (converted)
    chronicle_import_note (&reader.import, _("the spreadsheet is not UTF-8: it was read as Windows-1252"));
  {
    g_autoptr(GString) counts = g_string_new (NULL);
    guint n_events = json_array_get_length (reader.import.events);
    guint n_categories = json_array_get_length (reader.import.categories);
    guint n_eras = json_array_get_length (reader.import.eras);
    guint n_sources = json_array_get_length (reader.import.sources);

    /* Translators: in an import's summary; the form follows the number of rows */
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u of %u row as an event",
                                                      "%u of %u rows as events", reader.n_rows),
                                 n_events, reader.n_rows);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u group as a category",
                                                      "%u groups as categories", n_categories), n_categories);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u era", "%u eras", n_eras), n_eras);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u quote", "%u quotes",
                                                      reader.import.n_quotes), reader.import.n_quotes);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u media item", "%u media items",
                                                      reader.import.n_media), reader.import.n_media);
    chronicle_import_list_count (counts, g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources),
                                 n_sources);
    /* Translators: %s is the list of counts: "2 of 2 rows as events, 1 era, 0 quotes, 1 source" */
    summary = g_strdup_printf (_("Converted from a spreadsheet: %s"), counts->str);
  }
  document = chronicle_import_finish (&reader.import, summary, reader.title, reader.description);
  chronicle_import_clear (&reader.import);
  reader_clear (&reader);
  return document;
}

/* The mapping dialog's fields, as roles; the names are --columns's. */
static const Role field_roles[CHRONICLE_IMPORT_N_FIELDS] = {
  ROLE_DATE, ROLE_END, ROLE_TITLE, ROLE_SUMMARY, ROLE_CATEGORY, ROLE_ACTORS, ROLE_LOCATION, ROLE_SOURCE,
};

const char *
chronicle_import_field_get_name (ChronicleImportField field)
{
  g_return_val_if_fail (field < CHRONICLE_IMPORT_N_FIELDS, NULL);

  for (guint r = 0; r < G_N_ELEMENTS (mapped_roles); r++)
    if (mapped_roles[r].role == field_roles[field])
      return mapped_roles[r].name;
  g_assert_not_reached ();
}

static void
preview_row_free (gpointer data)
{
  ChronicleImportPreviewRow *row = data;

  g_free (row->date);
  g_free (row->end);
  g_free (row->title);
  g_free (row->summary);
  g_free (row->category);
  g_free (row->actors);
  g_free (row->location);
  g_free (row->sources);
  g_free (row->note);
  g_free (row);
}

void
chronicle_import_preview_free (ChronicleImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview);
}

/* What the preview collects while the reader reads. */
typedef struct
{
  ChronicleImportReport  report;
  GPtrArray             *rows;       /* ChronicleImportPreviewRow */
  GPtrArray             *cells;      /* GStrv, each row's cells as read */
  guint                  max_rows;
  guint                  n_rows;     /* the reader's, before the row */
  guint                  n_events;
  guint                  n_notes;
} Capture;

/* For each id of @ids, the member @name (else @fallback) of the object
 * of @list with that "id"; joined with "; ", NULL for none. */
static char *
join_labels (JsonArray  *list,
             JsonArray  *ids,
             const char *name,
             const char *fallback)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *id = json_array_get_string_element (ids, i);

      for (guint j = 0; j < json_array_get_length (list); j++)
        {
          JsonObject *item = json_array_get_object_element (list, j);

          if (g_strcmp0 (json_object_get_string_member_with_default (item, "id", NULL), id) == 0)
            {
              const char *label = json_object_get_string_member_with_default (item, name, NULL);

              if (label == NULL && fallback != NULL)
                label = json_object_get_string_member_with_default (item, fallback, NULL);
              if (label != NULL)
                g_ptr_array_add (labels, (char *) label);
              break;
            }
        }
    }
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);
  return g_strjoinv ("; ", (char **) labels->pdata);
}

static char *
dup_member (JsonObject *event,
            const char *name)
{
  return g_strdup (json_object_get_string_member_with_default (event, name, NULL));
}

static void
fill_preview_row (Reader                    *reader,
                  JsonObject                *event,
                  ChronicleImportPreviewRow *row)
{
  g_autoptr(JsonArray) category = json_array_new ();

  row->date = dup_member (event, "date");
  row->end = dup_member (event, "end");
  row->title = dup_member (event, "title");
  row->summary = dup_member (event, "summary");
  row->location = dup_member (event, "location");
  if (json_object_has_member (event, "category"))
    json_array_add_string_element (category, json_object_get_string_member (event, "category"));
  row->category = join_labels (reader->import.categories, category, "label", NULL);
  if (json_object_has_member (event, "actors"))
    {
      JsonArray *actors = json_object_get_array_member (event, "actors");
      g_autoptr(GPtrArray) list = g_ptr_array_new ();

      for (guint i = 0; i < json_array_get_length (actors); i++)
        g_ptr_array_add (list, (char *) json_array_get_string_element (actors, i));
      g_ptr_array_add (list, NULL);
      row->actors = g_strjoinv ("; ", (char **) list->pdata);
    }
  if (json_object_has_member (event, "sources"))
    row->sources = join_labels (reader->import.sources, json_object_get_array_member (event, "sources"),
                                "url", "publisher");
}

/* After each data row: what it became, until the preview has its rows. */
static void
on_row_read (gpointer reader_pointer,
             gpointer data)
{
  Reader *reader = reader_pointer;
  Capture *capture = data;
  guint n_events = json_array_get_length (reader->import.events);
  ChronicleImportPreviewRow *row;
  GStrv cells;

  if (reader->n_rows == capture->n_rows)
    return;  /* blank */

  row = g_new0 (ChronicleImportPreviewRow, 1);
  row->row_number = reader->row_number;
  if (n_events > capture->n_events)
    fill_preview_row (reader, json_array_get_object_element (reader->import.events, n_events - 1), row);
  if (capture->report.notes->len > capture->n_notes)
    row->note = g_strdup (g_ptr_array_index (capture->report.notes, capture->n_notes));
  g_ptr_array_add (capture->rows, row);

  cells = g_new0 (char *, reader->row->len + 1);
  for (guint i = 0; i < reader->row->len; i++)
    cells[i] = g_strdup (g_ptr_array_index (reader->row, i));
  g_ptr_array_add (capture->cells, cells);

  capture->n_rows = reader->n_rows;
  capture->n_events = n_events;
  capture->n_notes = capture->report.notes->len;
  reader->done = capture->rows->len >= capture->max_rows;
}

/* The column with the most cells that read as dates in the rows read,
 * more than half of its cells that are not blank; -1 for none. A typo
 * ("20O4") does not hide a column of dates: the preview then shows
 * its row left out, with why. */
static int
guess_date_column (Reader    *reader,
                   GPtrArray *cells)
{
  guint n_columns = reader->header->len;
  g_autofree guint *n_dates = g_new0 (guint, n_columns);
  g_autofree guint *n_cells = g_new0 (guint, n_columns);
  int best = -1;

  for (guint i = 0; i < cells->len; i++)
    {
      GStrv row = g_ptr_array_index (cells, i);

      for (guint column = 0; column < n_columns && row[column] != NULL; column++)
        {
          g_autofree char *text = g_strstrip (g_strdup (row[column]));
          ChronicleDate date;
          gboolean ambiguous;

          if (chronicle_text_is_blank (text))
            continue;
          /* An ambiguous "03/05/2024" is a date all the same. */
          n_dates[column] += parse_date_text (reader, ROLE_NONE, text, &date, &ambiguous, NULL) || ambiguous;
          n_cells[column]++;
        }
    }
  for (guint column = 0; column < n_columns; column++)
    if (n_dates[column] * 2 > n_cells[column] && (best < 0 || n_dates[column] > n_dates[best]))
      best = (int) column;
  return best;
}

ChronicleImportPreview *
chronicle_import_csv_preview (const char  *data,
                              gsize        length,
                              GHashTable  *mapping,
                              guint        max_rows,
                              GError     **error)
{
  Reader reader = { 0, };
  Capture capture = { 0, };
  g_autofree char *copy = NULL;
  g_autoptr(ChronicleImportPreview) preview = NULL;
  gboolean converted, ok;
  char delimiter;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (max_rows > 0, NULL);

  if (!prepare_text (&data, &length, &copy, &converted, error))
    return NULL;
  /* JSON, whose first line may well have commas, is no table. */
  if (length == 0 || data[0] == '{' || data[0] == '[' || (delimiter = find_delimiter (data, length)) == 0)
    {
      g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT,
                   _("the file is not a spreadsheet: its first line has no tab, comma or semicolon"));
      return NULL;
    }

  chronicle_import_report_init (&capture.report);
  capture.rows = g_ptr_array_new_with_free_func (preview_row_free);
  capture.cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  capture.max_rows = max_rows;
  chronicle_import_init (&reader.import, &capture.report);
  reader.mapping = mapping;
  reader.row_read = on_row_read;
  reader.row_read_data = &capture;
  ok = scan_slash_orders (&reader, data, length, delimiter) && parse (&reader, data, length, delimiter);

  if (ok && reader.header != NULL)
    {
      preview = g_new0 (ChronicleImportPreview, 1);
      preview->header = g_new0 (char *, reader.header->len + 1);
      for (guint i = 0; i < reader.header->len; i++)
        preview->header[i] = g_strdup (g_ptr_array_index (reader.header, i));
      for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
        preview->columns[f] = reader.column[field_roles[f]];
      /* The category is read from Group, else Category, else Type. */
      preview->columns[CHRONICLE_IMPORT_FIELD_CATEGORY] =
        reader.column[ROLE_GROUP] >= 0 ? reader.column[ROLE_GROUP]
        : reader.column[ROLE_CATEGORY] >= 0 ? reader.column[ROLE_CATEGORY]
        : reader.template ? -1 : reader.column[ROLE_TYPE];
      if (mapping == NULL && !reader.template && preview->columns[CHRONICLE_IMPORT_FIELD_DATE] < 0)
        preview->columns[CHRONICLE_IMPORT_FIELD_DATE] = guess_date_column (&reader, capture.cells);
      preview->rows = g_steal_pointer (&capture.rows);
    }
  else if (ok)
    g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_FORMAT, _("the spreadsheet is empty"));
  else
    g_set_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX,
                 _("the spreadsheet could not be read (out of memory)"));

  g_clear_pointer (&capture.rows, g_ptr_array_unref);
  g_clear_pointer (&capture.cells, g_ptr_array_unref);
  chronicle_import_report_clear (&capture.report);
  chronicle_import_clear (&reader.import);
  reader_clear (&reader);
  return g_steal_pointer (&preview);
}

/* The role the usual names give @name, ROLE_NONE for none. */
static Role
role_by_name (const char *name)
{
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    if (strcmp (name, names[n].name) == 0)
      return names[n].role;
  return ROLE_NONE;
}

GHashTable *
chronicle_import_preview_make_mapping (const ChronicleImportPreview *preview,
                                       const int                     columns[CHRONICLE_IMPORT_N_FIELDS])
{
  GHashTable *mapping = column_mapping_new ();
  /* What the user's choice takes the place of: the usual names of these. */
  static const Role replaced[] = {
    ROLE_DATE, ROLE_END, ROLE_TITLE, ROLE_SUMMARY, ROLE_GROUP, ROLE_CATEGORY, ROLE_TYPE, ROLE_ACTORS,
    ROLE_LOCATION, ROLE_SOURCE,
  };
  guint n_columns;

  g_return_val_if_fail (preview != NULL, NULL);

  n_columns = g_strv_length (preview->header);
  for (guint f = 0; f < CHRONICLE_IMPORT_N_FIELDS; f++)
    if (columns[f] >= 0 && (guint) columns[f] < n_columns)
      {
        char *name = normalise_name (preview->header[columns[f]]);

        if (*name != '\0' && !g_hash_table_contains (mapping, name))
          g_hash_table_insert (mapping, name, GINT_TO_POINTER (field_roles[f]));
        else
          g_free (name);
      }

  for (guint i = 0; i < n_columns; i++)
    {
      char *name = normalise_name (preview->header[i]);
      Role role = role_by_name (name);
      gboolean replace = FALSE;

      for (guint r = 0; r < G_N_ELEMENTS (replaced); r++)
        replace = replace || role == replaced[r];
      if (replace && !g_hash_table_contains (mapping, name))
        g_hash_table_insert (mapping, name, GINT_TO_POINTER (ROLE_NONE));
      else
        g_free (name);
    }
  return mapping;
}
