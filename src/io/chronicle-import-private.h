/* chronicle-import-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chronicle-html-text-private.h"

#include "chronicle-json-dom-private.h"

G_BEGIN_DECLS

/*
 * Readers of other programs' formats. Each turns a foreign file into a
 * chronicle-timeline document (JSON text), which the loader then reads
 * the usual way, so that an import is checked exactly like one of our
 * files. What was converted, and what could not be represented, goes to
 * the notes (translated messages, each naming its place); the loader shows
 * them before its own warnings. An event that cannot be converted is left
 * out with a note; only a file that holds nothing usable is refused.
 */

/* The most notes one import gives; the rest are counted in one more. */
#define CHRONICLE_IMPORT_MAX_NOTES 100

/* What a reader tells about its conversion. */
typedef struct
{
  GPtrArray *notes;     /* of char *: what was not represented or refused */
  char      *summary;   /* what was converted: information, not a warning */
  gboolean   untitled;  /* the file had no title of its own */
} ChronicleImportReport;

void      chronicle_import_report_init    (ChronicleImportReport *report);
void      chronicle_import_report_clear   (ChronicleImportReport *report);

/* TRUE when @root, parsed JSON without our "format" member, has the shape
 * of a TimelineJS 3 document: a "title" slide, or events with start_date. */
gboolean  chronicle_import_is_timelinejs  (ChronicleJsonNode  *root);
char     *chronicle_import_timelinejs     (ChronicleJsonNode  *root,
                                           ChronicleImportReport *report,
                                           GError            **error);

/* TRUE when @root has the shape of a TimelineJS 2 document: a
 * "timeline" object with a "date" array or a "headline". */
gboolean  chronicle_import_is_timelinejs2 (ChronicleJsonNode  *root);
char     *chronicle_import_timelinejs2    (ChronicleJsonNode  *root,
                                           ChronicleImportReport *report,
                                           GError            **error);

/* TRUE when @data reads as a CSV or TSV table whose header names a date
 * column (see chronicle-import-csv.c); cheap: reads the first line. */
gboolean  chronicle_import_is_csv         (const char         *data,
                                           gsize               length);
/* TRUE, with @error set (CHRONICLE_LOAD_ERROR_COLUMNS), when @data is
 * not JSON but its first line reads as a table's header without a date
 * column: a spreadsheet whose columns must be named for it, rather than
 * broken JSON. */
gboolean  chronicle_import_refuse_table   (const char         *data,
                                           gsize               length,
                                           GError            **error);
char     *chronicle_import_csv            (const char         *data,
                                           gsize               length,
                                           ChronicleImportReport *report,
                                           GError            **error);

/* --columns date=When,title=What,...: a table of normalised column name
 * to the field it holds, or NULL with @error set when @spec is not that. */
GHashTable *chronicle_import_parse_columns    (const char         *spec,
                                               GError            **error);
/* chronicle_import_csv() with the columns @mapping names read as those
 * fields, before the usual names; a named column missing is an error. */
char     *chronicle_import_csv_with_columns (const char            *data,
                                             gsize                  length,
                                             GHashTable            *mapping,
                                             ChronicleImportReport *report,
                                             GError               **error);

/* The fields the column-mapping dialog offers, in its order; each is
 * one of --columns's (chronicle_import_field_get_name()). */
typedef enum
{
  CHRONICLE_IMPORT_FIELD_DATE,
  CHRONICLE_IMPORT_FIELD_END,
  CHRONICLE_IMPORT_FIELD_TITLE,
  CHRONICLE_IMPORT_FIELD_SUMMARY,
  CHRONICLE_IMPORT_FIELD_CATEGORY,
  CHRONICLE_IMPORT_FIELD_ACTORS,
  CHRONICLE_IMPORT_FIELD_LOCATION,
  CHRONICLE_IMPORT_FIELD_SOURCE,
  CHRONICLE_IMPORT_N_FIELDS
} ChronicleImportField;

const char *chronicle_import_field_get_name (ChronicleImportField field);

/* One data row of a spreadsheet as chronicle_import_csv_with_columns()
 * reads it: what its event gets (NULL for nothing), or why it is left
 * out. Rows count as a spreadsheet shows them: the header is row 1. */
typedef struct
{
  guint   row_number;
  char   *date;       /* ISO 8601, at the precision read; NULL when left out */
  char   *end;
  char   *title;
  char   *summary;
  char   *category;   /* the category's label */
  char   *actors;     /* joined with "; " */
  char   *location;
  char   *sources;    /* addresses or publishers, joined with "; " */
  char   *note;       /* the first note the row made: why it is left out
                       * (date NULL), or what of it is (an end) */
} ChronicleImportPreviewRow;

/* The first rows of a spreadsheet read with a mapping, for the mapping
 * dialog: the same reader as the import, stopped early. */
typedef struct
{
  GStrv      header;                                /* the column names as written */
  int        columns[CHRONICLE_IMPORT_N_FIELDS];    /* each field's column, -1: none */
  GPtrArray *rows;                                  /* of ChronicleImportPreviewRow */
} ChronicleImportPreview;

/* The header and the first @max_rows rows that are not blank of @data
 * read with @mapping (nullable: the usual names only). Without a mapping
 * and a Date column by name, the date is the column whose cells in those
 * rows are most often dates (more than half of them). NULL with @error
 * set when @data is not a table (no delimiter in its first line). */
ChronicleImportPreview *chronicle_import_csv_preview (const char  *data,
                                                      gsize        length,
                                                      GHashTable  *mapping,
                                                      guint        max_rows,
                                                      GError     **error);
void        chronicle_import_preview_free           (ChronicleImportPreview *preview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChronicleImportPreview, chronicle_import_preview_free)

/* The mapping (as chronicle_import_parse_columns() makes) that reads
 * each field from @columns[field] (-1: none) of @preview's header,
 * whatever the usual names would say: a column whose name would give
 * it one of the fields and is not chosen is read as none. */
GHashTable *chronicle_import_preview_make_mapping   (const ChronicleImportPreview *preview,
                                                     const int                     columns[CHRONICLE_IMPORT_N_FIELDS]);

/* The document being built, shared by the readers. */
typedef struct
{
  ChronicleImportReport *report;  /* NULL when only sniffing */
  GPtrArray  *notes;
  guint       n_dropped;          /* notes past CHRONICLE_IMPORT_MAX_NOTES */
  JsonArray  *sources;
  JsonArray  *categories;
  JsonArray  *eras;
  JsonArray  *events;
  GHashTable *source_urls;        /* url -> id, both owned */
  GHashTable *groups;             /* label -> id, both owned */
  GHashTable *event_ids;          /* owned ids */
  GHashTable *ignored;            /* what was not represented -> count */
  guint       n_quotes;
  guint       n_media;
  guint       n_links;
  guint       n_milliseconds;
} ChronicleImport;

void         chronicle_import_init            (ChronicleImport   *import,
                                               ChronicleImportReport *report);
void         chronicle_import_clear           (ChronicleImport   *import);
void         chronicle_import_note            (ChronicleImport   *import,
                                               const char        *format,
                                               ...) G_GNUC_PRINTF (2, 3);
/* Appends a count to @counts, the list an import's summary gives ("5 of
 * 7 events, 1 era"), after a separator unless it is the first; @format
 * is in its plural form already (g_dngettext()). */
void         chronicle_import_list_count      (GString           *counts,
                                               const char        *format,
                                               ...) G_GNUC_PRINTF (2, 3);
/* Each object of the array member @name of @object (NULL: none) through
 * @convert, the others noted as left out; returns how many elements the
 * array has. */
typedef void (*ChronicleImportConvertFunc)    (ChronicleImport   *import,
                                               ChronicleJsonNode *element,
                                               guint              index);
guint        chronicle_import_convert_array   (ChronicleImport   *import,
                                               ChronicleJsonNode *object,
                                               const char        *name,
                                               ChronicleImportConvertFunc convert);
/* Counts one @what (a member or column name) that was not represented. */
void         chronicle_import_count_ignored   (ChronicleImport   *import,
                                               const char        *what);
/* The id of the source for @url (a web link), made on first use; with
 * no @url, the source named @publisher (a spreadsheet's "Reuters"). */
const char  *chronicle_import_add_source      (ChronicleImport   *import,
                                               const char        *url,
                                               const char        *title,
                                               const char        *publisher);
/* The id of the category for the group @label, made on first use, in a
 * colour of a palette that stands out 3:1 from a light background. */
const char  *chronicle_import_add_group       (ChronicleImport   *import,
                                               const char        *label);
/* A TimelineJS medium, all borrowed, all but the url optional; caption,
 * credit and alt plain text. title, link and link_target (TimelineJS 3)
 * are kept in it as members our format does not read. */
typedef struct
{
  const char  *url;
  const char  *caption;
  const char  *credit;
  const char  *thumbnail;
  const char  *alt;
  const char  *title;
  const char  *link;
  const char  *link_target;
} ChronicleImportMedia;

/* TimelineJS media: a "<blockquote>" becomes a quote of @event, its
 * credit (else caption) the speaker; anything else a medium of @event,
 * its url as written (a protocol-relative "//host/..." taken as https). */
void         chronicle_import_add_media       (ChronicleImport            *import,
                                               const ChronicleImportMedia *media,
                                               JsonObject                 *event);
/* The reason for a TimelineJS year beyond what a 64-bit number holds,
 * naming it as @written in the file. */
char        *chronicle_import_describe_huge_year (const char *written);
/* A unique event id: @wanted when it is free, else "event-N" from @n. */
char        *chronicle_import_take_id         (ChronicleImport   *import,
                                               const char        *wanted,
                                               guint              n);
/* FALSE (with a note naming @place) when @end_iso starts before @start_iso. */
gboolean     chronicle_import_check_end       (ChronicleImport   *import,
                                               const char        *place,
                                               const char        *start_iso,
                                               const char        *end_iso);
/* Keeps a free-text display date in @event ("c. 1600"). */
void         chronicle_import_set_display_date (ChronicleImport  *import,
                                               JsonObject        *event,
                                               const char        *display_date);
/* Members of a parsed JSON object, NULL when absent or of another type;
 * _get_text() gives an HTML member as plain text (NULL when blank) and
 * adds the links in it to @links (optional, of ChronicleHtmlLink). */
ChronicleJsonNode *chronicle_import_get_object  (ChronicleJsonNode *object,
                                                 const char        *name);
const char  *chronicle_import_get_string      (ChronicleJsonNode *object,
                                               const char        *name);
char        *chronicle_import_get_text        (ChronicleJsonNode *object,
                                               const char        *name,
                                               GPtrArray         *links);
/* The same for an event's text, its details paragraph into @details. */
char        *chronicle_import_get_event_text  (ChronicleJsonNode    *object,
                                               const char           *name,
                                               GPtrArray            *links,
                                               ChronicleHtmlDetails *details);

/* TimelineJS's years count as people do, -500 for 500 BC; ours are
 * astronomical (-499). Deep time, where one year means nothing, is kept
 * as it is, so that -13800000000 stays that. */
gint64       chronicle_import_year_from_timelinejs (gint64 year);

/* A date as TimelineJS has it: year, month, day, hour, minute, second,
 * millisecond, each present or not. */
#define CHRONICLE_IMPORT_N_DATE_PARTS 7
extern const char * const chronicle_import_date_part_names[CHRONICLE_IMPORT_N_DATE_PARTS];
/* Our ISO text for a TimelineJS date, precise to its last part present;
 * NULL with *@problem set (a translated reason) when it cannot be. */
char        *chronicle_import_date_parts_to_iso (ChronicleImport *import,
                                                 const gint64     parts[CHRONICLE_IMPORT_N_DATE_PARTS],
                                                 const gboolean   present[CHRONICLE_IMPORT_N_DATE_PARTS],
                                                 char           **problem);
/* A TimelineJS event, 3 or 2, all borrowed, all but the start optional. */
typedef struct
{
  guint        index;
  const char  *start_iso;
  const char  *end_iso;
  const char  *unique_id;
  const char  *headline;       /* plain text */
  const char  *body;           /* plain text */
  GPtrArray   *links;          /* of ChronicleHtmlLink, from the HTML */
  GPtrArray   *actors;         /* of char *, from Chronicle's details paragraph; nullable */
  const char  *location;       /* the same */
  const char  *display_date;
  const char  *group;
  ChronicleImportMedia media;
} ChronicleImportEvent;

/* Adds the sources of @links (ChronicleHtmlLink) to @source_ids. */
void         chronicle_import_add_link_sources (ChronicleImport *import,
                                                GPtrArray       *links,
                                                JsonArray       *source_ids);
/* Gives @event the actors and place read from a details paragraph
 * (chronicle_html_event_text_to_text()), unless it has its own. */
void         chronicle_import_set_details     (JsonObject        *event,
                                               GPtrArray         *actors,
                                               const char        *location);
/* Adds the event: the links and web media as its sources, a blockquote as
 * its quote, the group as its category. */
void         chronicle_import_add_event       (ChronicleImport            *import,
                                               const ChronicleImportEvent *fields);
/* Adds the era "era-<@index + 1>", @label or "Untitled era". */
void         chronicle_import_add_era         (ChronicleImport   *import,
                                               guint              index,
                                               const char        *label,
                                               const char        *start_iso,
                                               const char        *end_iso);
/* "events[3] \"name\"", "row 12": a place for a note. */
char        *chronicle_import_describe_place  (const char        *list,
                                               guint              index,
                                               const char        *name);
/* Gives the report @summary (what was converted) and notes first what
 * was not represented; returns the document's text. Without a @title,
 * the report says the file is untitled. */
char        *chronicle_import_finish          (ChronicleImport   *import,
                                               const char        *summary,
                                               const char        *title,
                                               const char        *description);

G_END_DECLS
