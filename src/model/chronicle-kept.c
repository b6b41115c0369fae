/* chronicle-kept.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-kept"

#include "config.h"

#include "chronicle-kept-private.h"

#include <string.h>

struct _ChronicleKept
{
  gatomicrefcount      ref_count;
  guint                n_members;
  guint                n_dates;
  gsize                size;
  ChronicleKeptMember *members;  /* in the same block, after the struct */
  ChronicleKeptDate   *dates;    /* likewise; the strings follow */
};

static GQuark
chronicle_kept_quark (void)
{
  return g_quark_from_static_string ("chronicle-kept");
}

static gsize
string_size (const char *string)
{
  return string != NULL ? strlen (string) + 1 : 0;
}

/* Copies @string to *@at and moves *@at past it. */
static const char *
place_string (char       **at,
              const char  *string)
{
  gsize size = string_size (string);
  char *copy = *at;

  if (string == NULL)
    return NULL;
  memcpy (copy, string, size);
  *at += size;
  return copy;
}

/**
 * chronicle_kept_new:
 * @members: (array length=n_members): members to keep, copied
 * @n_members: their number
 * @dates: (array length=n_dates): dates as written, copied
 * @n_dates: their number
 *
 * Returns: (transfer full): what an object of a file had beyond the model
 */
ChronicleKept *
chronicle_kept_new (const ChronicleKeptMember *members,
                    guint                      n_members,
                    const ChronicleKeptDate   *dates,
                    guint                      n_dates)
{
  ChronicleKept *kept;
  gsize size = sizeof (ChronicleKept) + n_members * sizeof (ChronicleKeptMember) +
               n_dates * sizeof (ChronicleKeptDate);
  char *strings;

  g_return_val_if_fail (members != NULL || n_members == 0, NULL);
  g_return_val_if_fail (dates != NULL || n_dates == 0, NULL);

  for (guint i = 0; i < n_members; i++)
    size += string_size (members[i].after) + string_size (members[i].name) + string_size (members[i].value);
  for (guint i = 0; i < n_dates; i++)
    size += string_size (dates[i].member) + string_size (dates[i].text);

  kept = g_malloc (size);
  g_atomic_ref_count_init (&kept->ref_count);
  kept->n_members = n_members;
  kept->n_dates = n_dates;
  kept->size = size;
  kept->members = (ChronicleKeptMember *) (kept + 1);
  kept->dates = (ChronicleKeptDate *) (kept->members + n_members);
  strings = (char *) (kept->dates + n_dates);

  for (guint i = 0; i < n_members; i++)
    {
      kept->members[i].after = place_string (&strings, members[i].after != NULL ? members[i].after : "");
      kept->members[i].name = place_string (&strings, members[i].name);
      kept->members[i].value = place_string (&strings, members[i].value);
    }
  for (guint i = 0; i < n_dates; i++)
    {
      kept->dates[i].member = place_string (&strings, dates[i].member);
      kept->dates[i].text = place_string (&strings, dates[i].text);
    }

  return kept;
}

ChronicleKept *
chronicle_kept_ref (ChronicleKept *kept)
{
  g_return_val_if_fail (kept != NULL, NULL);

  g_atomic_ref_count_inc (&kept->ref_count);
  return kept;
}

void
chronicle_kept_unref (ChronicleKept *kept)
{
  g_return_if_fail (kept != NULL);

  if (g_atomic_ref_count_dec (&kept->ref_count))
    g_free (kept);
}

const ChronicleKeptMember *
chronicle_kept_get_members (ChronicleKept *kept,
                            guint         *n_members)
{
  g_return_val_if_fail (n_members != NULL, NULL);

  *n_members = kept != NULL ? kept->n_members : 0;
  return kept != NULL ? kept->members : NULL;
}

gsize
chronicle_kept_get_size (ChronicleKept *kept)
{
  return kept != NULL ? kept->size : 0;
}

/* Field by field: chronicle_date_equal() compares instants, and
 * "2022-03-29T00:00Z" is the same instant as "2022-03-29T03:00+03:00". */
static gboolean
same_date (const ChronicleDate *a,
           const ChronicleDate *b)
{
  return a->year == b->year && a->month == b->month && a->day == b->day &&
         a->hour == b->hour && a->minute == b->minute && a->second == b->second &&
         a->precision == b->precision && a->has_offset == b->has_offset &&
         (!a->has_offset || a->utc_offset == b->utc_offset);
}

const char *
chronicle_kept_get_date_text (ChronicleKept       *kept,
                              const char          *member,
                              const ChronicleDate *date)
{
  g_return_val_if_fail (member != NULL, NULL);

  if (kept == NULL || date == NULL)
    return NULL;

  for (guint i = 0; i < kept->n_dates; i++)
    {
      ChronicleDate written;

      if (strcmp (kept->dates[i].member, member) != 0)
        continue;
      if (chronicle_date_parse (kept->dates[i].text, &written, NULL) && same_date (&written, date))
        return kept->dates[i].text;
      return NULL;
    }

  return NULL;
}

/* chronicle_date_parse() read YYYY[-MM[-DD[Thh:mm[:ss][offset]]]] with the
 * digits where they must be; chronicle_date_to_iso() writes the same
 * digits, an upper-case T, and the offset as "Z" for UTC or ±hh:mm. So
 * only the T and the offset can be spelt otherwise. */
gboolean
chronicle_kept_date_text_is_canonical (const char *text)
{
  const char *offset;

  g_return_val_if_fail (text != NULL, FALSE);

  /* Each test reads only where the ones before say the text goes on
   * (no strlen: the loader asks this of every date). */
  if (text[4] == '\0' || text[7] == '\0' || text[10] == '\0')
    return TRUE;
  if (text[10] != 'T')
    return FALSE;

  offset = text + 16;
  if (offset[0] == ':')
    offset += 3;
  if (offset[0] == '\0' || (offset[0] == 'Z' && offset[1] == '\0'))
    return TRUE;

  return (offset[0] == '+' || offset[0] == '-') && offset[1] != '\0' && offset[2] != '\0' &&
         offset[3] == ':' && offset[4] != '\0' && offset[5] != '\0' && offset[6] == '\0' &&
         strcmp (offset + 1, "00:00") != 0;
}

ChronicleKept *
chronicle_kept_get (gpointer object)
{
  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  return g_object_get_qdata (object, chronicle_kept_quark ());
}

void
chronicle_kept_set (gpointer       object,
                    ChronicleKept *kept)
{
  g_return_if_fail (G_IS_OBJECT (object));

  g_object_set_qdata_full (object, chronicle_kept_quark (),
                           kept != NULL ? chronicle_kept_ref (kept) : NULL,
                           (GDestroyNotify) chronicle_kept_unref);
}
