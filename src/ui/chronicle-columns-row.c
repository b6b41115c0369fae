/* chronicle-columns-row.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-columns-row"

#include "config.h"

#include "chronicle-columns-row.h"

#include "chronicle-date.h"
#include "chronicle-text-private.h"

struct _ChronicleColumnsRow
{
  GObject   parent_instance;

  guint     number;
  char     *texts[CHRONICLE_IMPORT_N_FIELDS];
  char     *note;
  gboolean  refused;
};

/* A cell shows this much of its text at most. */
#define MAX_CHARS 200

G_DEFINE_FINAL_TYPE (ChronicleColumnsRow, chronicle_columns_row, G_TYPE_OBJECT)

/* An ISO date as the sidebar shows it: "29 March 2022", "May 2025". */
static char *
format_date (const char *iso)
{
  ChronicleDate date;

  if (iso == NULL || !chronicle_date_parse (iso, &date, NULL))
    return NULL;
  return chronicle_date_format (&date);
}

static void
chronicle_columns_row_finalize (GObject *object)
{
  ChronicleColumnsRow *self = CHRONICLE_COLUMNS_ROW (object);

  for (guint i = 0; i < CHRONICLE_IMPORT_N_FIELDS; i++)
    g_free (self->texts[i]);
  g_free (self->note);

  G_OBJECT_CLASS (chronicle_columns_row_parent_class)->finalize (object);
}

static void
chronicle_columns_row_class_init (ChronicleColumnsRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chronicle_columns_row_finalize;
}

static void
chronicle_columns_row_init (ChronicleColumnsRow *self)
{
}

ChronicleColumnsRow *
chronicle_columns_row_new (const ChronicleImportPreviewRow *row)
{
  ChronicleColumnsRow *self;
  const char *texts[CHRONICLE_IMPORT_N_FIELDS];

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_COLUMNS_ROW, NULL);
  self->number = row->row_number;
  self->refused = row->date == NULL;
  self->note = g_strdup (row->note);

  texts[CHRONICLE_IMPORT_FIELD_DATE] = row->date;
  texts[CHRONICLE_IMPORT_FIELD_END] = row->end;
  texts[CHRONICLE_IMPORT_FIELD_TITLE] = row->title;
  texts[CHRONICLE_IMPORT_FIELD_SUMMARY] = row->summary;
  texts[CHRONICLE_IMPORT_FIELD_CATEGORY] = row->category;
  texts[CHRONICLE_IMPORT_FIELD_ACTORS] = row->actors;
  texts[CHRONICLE_IMPORT_FIELD_LOCATION] = row->location;
  texts[CHRONICLE_IMPORT_FIELD_SOURCE] = row->sources;
  for (guint i = 0; i < CHRONICLE_IMPORT_N_FIELDS; i++)
    {
      char *text;

      if (i == CHRONICLE_IMPORT_FIELD_DATE || i == CHRONICLE_IMPORT_FIELD_END)
        text = format_date (texts[i]);
      else
        /* Cells are a stranger's text: one line each, bounded. */
        text = texts[i] != NULL ? chronicle_text_escape_line (texts[i], MAX_CHARS) : NULL;
      self->texts[i] = text != NULL ? text : g_strdup ("");
    }

  return self;
}

guint
chronicle_columns_row_get_number (ChronicleColumnsRow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_ROW (self), 0);

  return self->number;
}

const char *
chronicle_columns_row_get_text (ChronicleColumnsRow  *self,
                                ChronicleImportField  field)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_ROW (self), NULL);
  g_return_val_if_fail (field < CHRONICLE_IMPORT_N_FIELDS, NULL);

  return self->texts[field];
}

gboolean
chronicle_columns_row_get_refused (ChronicleColumnsRow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_ROW (self), FALSE);

  return self->refused;
}

const char *
chronicle_columns_row_get_note (ChronicleColumnsRow *self)
{
  g_return_val_if_fail (CHRONICLE_IS_COLUMNS_ROW (self), NULL);

  return self->note;
}
