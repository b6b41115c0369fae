/* chronicle-timeline-writer.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-writer"

#include "config.h"

#include "chronicle-timeline-writer.h"
#include "chronicle-timeline-writer-private.h"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>

#include "chronicle-json-dom-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-private.h"

/*
 * The writer gives back what the loader read (issue #13): every field that
 * is set, in the order of docs/format.md, events and quotes in the order
 * of the file (new events after), each date as it was written while it
 * still means the same (else as chronicle_date_to_iso() spells it, which
 * keeps precision and offset), and what the file had beyond the model
 * (chronicle-kept-private.h) back in the object it came from, after the
 * member it followed. Absent and null mean the same to the loader, so an
 * unset field is left out unless the file wrote it so.
 *
 * It writes the text itself, pretty-printed as json-glib does (two-space
 * indents, "name": value, as JSON.stringify and Python write it), reading events from the store by position:
 * a JsonBuilder tree of a million events would cost more than the store,
 * and would make an object for each of them.
 */

#define FORMAT_NAME    "chronicle-timeline"
#define FORMAT_VERSION "1"
#define MAX_DEPTH      16

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first[MAX_DEPTH];  /* nothing written yet at this depth */
} Writer;

typedef void (*WriteFunc) (Writer   *writer,
                           gpointer  data,
                           gpointer  item);

typedef enum
{
  VALUE_NONE,
  VALUE_STRING,   /* also a date, as text */
  VALUE_STRV,
  VALUE_TRUE,
  VALUE_NUMBER,   /* JSON text */
  VALUE_ARRAY,    /* of objects written by @write */
} ValueKind;

/* One known member of an object, in the order it is written. */
typedef struct
{
  const char          *name;
  ValueKind            kind;
  const char          *string;
  const char * const  *strv;
  guint                n_items;
  WriteFunc            write;
  gpointer             data;
} Member;

static void
writer_indent (Writer *writer)
{
  static const char spaces[] = "\n                                ";

  g_assert (2 * writer->depth + 1 < sizeof spaces);
  g_string_append_len (writer->out, spaces, 1 + 2 * writer->depth);
}

/* Before a value in an object or array: the comma and the line break. */
static void
writer_next (Writer *writer)
{
  if (!writer->first[writer->depth])
    g_string_append_c (writer->out, ',');
  writer->first[writer->depth] = FALSE;
  writer_indent (writer);
}

static void
writer_open (Writer *writer,
             char    bracket)
{
  g_assert (writer->depth + 1 < MAX_DEPTH);

  g_string_append_c (writer->out, bracket);
  writer->depth++;
  writer->first[writer->depth] = TRUE;
}

static void
writer_close (Writer *writer,
              char    bracket)
{
  writer->depth--;
  writer_indent (writer);
  g_string_append_c (writer->out, bracket);
}

static void
writer_name (Writer     *writer,
             const char *name)
{
  writer_next (writer);
  chronicle_json_append_string (writer->out, name);
  g_string_append (writer->out, ": ");
}

/* How deep @json (compact) nests its arrays and objects. */
static guint
get_json_depth (const char *json)
{
  gboolean in_string = FALSE;
  guint depth = 0, max_depth = 0;

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string && *p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '"')
        in_string = !in_string;
      else if (!in_string && (*p == '{' || *p == '['))
        max_depth = MAX (max_depth, ++depth);
      else if (!in_string && (*p == '}' || *p == ']'))
        depth--;
    }

  return max_depth;
}

/* @json (compact, from chronicle_json_node_append()) laid out like the
 * rest of the file; as it is when it nests too deep for the layout (a
 * file may nest 512 levels). */
static void
write_json_text (Writer     *writer,
                 const char *json)
{
  gboolean in_string = FALSE;

  if (writer->depth + get_json_depth (json) + 1 >= MAX_DEPTH)
    {
      g_string_append (writer->out, json);
      return;
    }

  for (const char *p = json; *p != '\0'; p++)
    {
      if (in_string)
        {
          g_string_append_c (writer->out, *p);
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (writer->out, *++p);
          else if (*p == '"')
            in_string = FALSE;
          continue;
        }

      switch (*p)
        {
        case '{':
        case '[':
          if (p[1] == (*p == '{' ? '}' : ']'))
            {
              /* empty: as written */
              g_string_append_len (writer->out, p, 2);
              p++;
              break;
            }
          writer_open (writer, *p);
          writer->first[writer->depth] = FALSE;
          writer_indent (writer);
          break;
        case '}':
        case ']':
          writer_close (writer, *p);
          break;
        case ',':
          g_string_append_c (writer->out, ',');
          writer_indent (writer);
          break;
        case ':':
          g_string_append (writer->out, ": ");
          break;
        case '"':
          in_string = TRUE;
          G_GNUC_FALLTHROUGH;
        default:
          g_string_append_c (writer->out, *p);
        }
    }
}

static gboolean
member_is_written (const Member *members,
                   guint         n_members,
                   const char   *name)
{
  for (guint i = 0; i < n_members; i++)
    if (members[i].kind != VALUE_NONE && strcmp (members[i].name, name) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
member_is_known (const Member *members,
                 guint         n_members,
                 const char   *name)
{
  for (guint i = 0; i < n_members; i++)
    if (strcmp (members[i].name, name) == 0)
      return TRUE;

  return FALSE;
}

/* The kept members that followed @after in the file; NULL @after: those
 * that followed nothing this writer knows. A kept member stands for a
 * known one only while the model has no value for it ("end": null, and
 * then an edit gave the event an end). */
static void
write_kept_after (Writer              *writer,
                  ChronicleKept       *kept,
                  const char          *after,
                  const Member        *members,
                  guint                n_members)
{
  const ChronicleKeptMember *kept_members;
  guint n_kept;

  kept_members = chronicle_kept_get_members (kept, &n_kept);
  for (guint i = 0; i < n_kept; i++)
    {
      const ChronicleKeptMember *member = &kept_members[i];

      if (after != NULL ? strcmp (member->after, after) != 0
                        : member->after[0] == '\0' || member_is_known (members, n_members, member->after))
        continue;
      if (member_is_written (members, n_members, member->name))
        continue;

      writer_name (writer, member->name);
      write_json_text (writer, member->value);
    }
}

static void
write_member (Writer       *writer,
              const Member *member)
{
  writer_name (writer, member->name);

  switch (member->kind)
    {
    case VALUE_STRING:
      chronicle_json_append_string (writer->out, member->string);
      break;

    case VALUE_STRV:
      writer_open (writer, '[');
      for (guint i = 0; member->strv[i] != NULL; i++)
        {
          writer_next (writer);
          chronicle_json_append_string (writer->out, member->strv[i]);
        }
      writer_close (writer, ']');
      break;

    case VALUE_TRUE:
      g_string_append (writer->out, "true");
      break;

    case VALUE_NUMBER:
      g_string_append (writer->out, member->string);
      break;

    case VALUE_ARRAY:
      writer_open (writer, '[');
      for (guint i = 0; i < member->n_items; i++)
        {
          writer_next (writer);
          member->write (writer, member->data, GUINT_TO_POINTER (i));
        }
      writer_close (writer, ']');
      break;

    case VALUE_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* An object: its known @members in order, with what @kept had put back
 * where the file had it. */
static void
write_object (Writer       *writer,
              const Member *members,
              guint         n_members,
              ChronicleKept *kept)
{
  writer_open (writer, '{');
  write_kept_after (writer, kept, "", members, n_members);
  for (guint i = 0; i < n_members; i++)
    {
      if (members[i].kind != VALUE_NONE)
        write_member (writer, &members[i]);
      write_kept_after (writer, kept, members[i].name, members, n_members);
    }
  write_kept_after (writer, kept, NULL, members, n_members);
  writer_close (writer, '}');
}

static Member
string_member (const char *name,
               const char *value)
{
  return (Member) { name, value != NULL ? VALUE_STRING : VALUE_NONE, value, NULL, 0, NULL, NULL };
}

static Member
strv_member (const char         *name,
             const char * const *values)
{
  gboolean any = values != NULL && values[0] != NULL;

  return (Member) { name, any ? VALUE_STRV : VALUE_NONE, NULL, values, 0, NULL, NULL };
}

static Member
array_member (const char *name,
              guint       n_items,
              WriteFunc   write,
              gpointer    data)
{
  /* An empty list is left out, as optional members are. */
  return (Member) { name, n_items > 0 ? VALUE_ARRAY : VALUE_NONE, NULL, NULL, n_items, write, data };
}

/* Room for the longest date chronicle_date_to_iso() writes: an expanded
 * year to the second with an offset, "-999999-12-31T23:59:59+14:00"
 * (from a million years away only the year is kept). */
#define DATE_TEXT_SIZE 48

static char *
put_digits (char *at,
            int   value,
            int   n_digits)
{
  for (int i = n_digits - 1; i >= 0; i--, value /= 10)
    at[i] = (char) ('0' + value % 10);
  return at + n_digits;
}

/* chronicle_date_to_iso() into @buffer, without printf: a million events
 * have a million dates (the writer's round-trip tests compare the two). */
static const char *
format_date (const ChronicleDate *date,
             char                 buffer[DATE_TEXT_SIZE])
{
  char *at;

  /* Years before 1 AD and after 9999 are rare: the model spells them. */
  if (date->year < 0 || date->year > 9999)
    {
      g_autofree char *text = chronicle_date_to_iso (date);

      g_strlcpy (buffer, text, DATE_TEXT_SIZE);
      return buffer;
    }

  at = put_digits (buffer, (int) date->year, 4);

  if (date->precision >= CHRONICLE_DATE_PRECISION_MONTH)
    {
      *at++ = '-';
      at = put_digits (at, date->month, 2);
    }
  if (date->precision >= CHRONICLE_DATE_PRECISION_DAY)
    {
      *at++ = '-';
      at = put_digits (at, date->day, 2);
    }
  if (date->precision >= CHRONICLE_DATE_PRECISION_MINUTE)
    {
      *at++ = 'T';
      at = put_digits (at, date->hour, 2);
      *at++ = ':';
      at = put_digits (at, date->minute, 2);
      if (date->precision >= CHRONICLE_DATE_PRECISION_SECOND)
        {
          *at++ = ':';
          at = put_digits (at, date->second, 2);
        }
      if (date->has_offset && date->utc_offset == 0)
        *at++ = 'Z';
      else if (date->has_offset)
        {
          int offset = ABS (date->utc_offset);

          *at++ = date->utc_offset < 0 ? '-' : '+';
          at = put_digits (at, offset / 3600, 2);
          *at++ = ':';
          at = put_digits (at, (offset / 60) % 60, 2);
        }
    }
  *at = '\0';

  return buffer;
}

/* The text to write for @date: as the file had it while it still reads
 * the same, else formatted into @buffer. NULL for no date. */
static const char *
date_text (ChronicleKept        *kept,
           const char           *member,
           const ChronicleDate  *date,
           char                  buffer[DATE_TEXT_SIZE])
{
  const char *text;

  if (date == NULL)
    return NULL;

  text = chronicle_kept_get_date_text (kept, member, date);
  return text != NULL ? text : format_date (date, buffer);
}

static void
write_source (Writer   *writer,
              gpointer  data,
              gpointer  item)
{
  g_autoptr(ChronicleSource) source = g_list_model_get_item (data, GPOINTER_TO_UINT (item));
  ChronicleKept *kept = chronicle_kept_get (source);
  char published[DATE_TEXT_SIZE];
  Member members[] = {
    string_member ("id", chronicle_source_get_id (source)),
    string_member ("publisher", chronicle_source_get_publisher (source)),
    string_member ("title", chronicle_source_get_title (source)),
    string_member ("url", chronicle_source_get_url (source)),
    string_member ("published", date_text (kept, "published", chronicle_source_get_published (source), published)),
  };

  write_object (writer, members, G_N_ELEMENTS (members), kept);
}

static void
write_category (Writer   *writer,
                gpointer  data,
                gpointer  item)
{
  g_autoptr(ChronicleCategory) category = g_list_model_get_item (data, GPOINTER_TO_UINT (item));
  Member members[] = {
    string_member ("id", chronicle_category_get_id (category)),
    string_member ("label", chronicle_category_get_label (category)),
    string_member ("color", chronicle_category_get_color (category)),
  };

  write_object (writer, members, G_N_ELEMENTS (members), chronicle_kept_get (category));
}

static void
write_era (Writer   *writer,
           gpointer  data,
           gpointer  item)
{
  g_autoptr(ChronicleEra) era = g_list_model_get_item (data, GPOINTER_TO_UINT (item));
  ChronicleKept *kept = chronicle_kept_get (era);
  char start[DATE_TEXT_SIZE];
  char end[DATE_TEXT_SIZE];
  Member members[] = {
    string_member ("id", chronicle_era_get_id (era)),
    string_member ("label", chronicle_era_get_label (era)),
    string_member ("start", date_text (kept, "start", chronicle_era_get_start (era), start)),
    /* An ongoing era has no end: the member is left out. */
    string_member ("end", date_text (kept, "end", chronicle_era_get_end (era), end)),
  };

  write_object (writer, members, G_N_ELEMENTS (members), kept);
}

typedef struct
{
  ChronicleTimeline *timeline;
  guint32           *order;     /* positions in the order of the file */
  guint              position;  /* of the event whose quotes are written */
} EventsData;

static void
write_quote (Writer   *writer,
             gpointer  data,
             gpointer  item)
{
  EventsData *events = data;
  ChronicleQuote *quote = chronicle_timeline_get_event_quote (events->timeline, events->position,
                                                              GPOINTER_TO_UINT (item));
  ChronicleKept *kept = chronicle_kept_get (quote);
  char date[DATE_TEXT_SIZE];
  Member members[] = {
    string_member ("text", chronicle_quote_get_text (quote)),
    string_member ("speaker", chronicle_quote_get_speaker (quote)),
    string_member ("role", chronicle_quote_get_role (quote)),
    string_member ("source", chronicle_quote_get_source_id (quote)),
    string_member ("date", date_text (kept, "date", chronicle_quote_get_date (quote), date)),
  };

  write_object (writer, members, G_N_ELEMENTS (members), kept);
}

static void
write_media (Writer   *writer,
             gpointer  data,
             gpointer  item)
{
  EventsData *events = data;
  ChronicleMedia *media = chronicle_timeline_get_event_media (events->timeline, events->position,
                                                              GPOINTER_TO_UINT (item));
  Member members[] = {
    string_member ("url", chronicle_media_get_url (media)),
    string_member ("caption", chronicle_media_get_caption (media)),
    string_member ("credit", chronicle_media_get_credit (media)),
    string_member ("thumbnail", chronicle_media_get_thumbnail (media)),
    string_member ("alt", chronicle_media_get_alt (media)),
  };

  write_object (writer, members, G_N_ELEMENTS (members), chronicle_kept_get (media));
}

static void
write_event (Writer   *writer,
             gpointer  data,
             gpointer  item)
{
  EventsData *events = data;
  ChronicleTimeline *timeline = events->timeline;
  guint position = events->order[GPOINTER_TO_UINT (item)];
  ChronicleKept *kept = chronicle_timeline_get_event_kept (timeline, position);
  char date_buffer[DATE_TEXT_SIZE];
  char end_buffer[DATE_TEXT_SIZE];
  Member members[] = {
    string_member ("id", chronicle_timeline_get_event_id (timeline, position)),
    string_member ("date", date_text (kept, "date", chronicle_timeline_get_event_date (timeline, position), date_buffer)),
    string_member ("end", date_text (kept, "end", chronicle_timeline_get_event_end (timeline, position), end_buffer)),
    string_member ("display_date", chronicle_timeline_get_event_display_date (timeline, position)),
    string_member ("title", chronicle_timeline_get_event_title (timeline, position)),
    string_member ("summary", chronicle_timeline_get_event_summary (timeline, position)),
    string_member ("category", chronicle_timeline_get_event_category_id (timeline, position)),
    strv_member ("actors", chronicle_timeline_get_event_actors (timeline, position)),
    string_member ("location", chronicle_timeline_get_event_location (timeline, position)),
    { "approximate", chronicle_timeline_get_event_approximate (timeline, position) ? VALUE_TRUE : VALUE_NONE,
      NULL, NULL, 0, NULL, NULL },
    strv_member ("sources", chronicle_timeline_get_event_source_ids (timeline, position)),
    array_member ("quotes", chronicle_timeline_get_event_n_quotes (timeline, position), write_quote, events),
    array_member ("media", chronicle_timeline_get_event_n_media (timeline, position), write_media, events),
  };

  events->position = position;
  write_object (writer, members, G_N_ELEMENTS (members), kept);
}

static int
compare_sequence_keys (const void *a,
                       const void *b)
{
  guint64 ka = *(const guint64 *) a;
  guint64 kb = *(const guint64 *) b;

  return ka < kb ? -1 : ka > kb;
}

/* The store's positions in the order of the file: by sequence (the
 * place in the file), ties (events added, or built in code) by position.
 * A loaded file numbers its events 0..n-1, which places them in one pass. */
static guint32 *
order_as_read (ChronicleTimeline *timeline,
               guint              n_events)
{
  g_autofree guint32 *order = g_new (guint32, MAX (n_events, 1));
  g_autofree guint64 *keys = NULL;

  memset (order, 0xff, MAX (n_events, 1) * sizeof (guint32));
  for (guint i = 0; i < n_events; i++)
    {
      guint sequence = chronicle_timeline_get_event_sequence (timeline, i);

      if (sequence >= n_events || order[sequence] != G_MAXUINT32)
        break;
      order[sequence] = i;
      if (i == n_events - 1)
        return g_steal_pointer (&order);
    }

  keys = g_new (guint64, MAX (n_events, 1));
  for (guint i = 0; i < n_events; i++)
    keys[i] = ((guint64) chronicle_timeline_get_event_sequence (timeline, i) << 32) | i;
  qsort (keys, n_events, sizeof (guint64), compare_sequence_keys);
  for (guint i = 0; i < n_events; i++)
    order[i] = (guint32) keys[i];

  return g_steal_pointer (&order);
}

/**
 * chronicle_timeline_to_data:
 * @timeline: a timeline
 * @length: (out) (optional): return location for the length in bytes
 *
 * Serialises @timeline as a pretty-printed version 1 chronicle-timeline
 * document that gives back what it was loaded from (see above).
 *
 * Returns: (transfer full): the NUL-terminated UTF-8 document
 */
char *
chronicle_timeline_to_data (ChronicleTimeline *timeline,
                            gsize             *length)
{
  Writer writer = { NULL, 0, { TRUE, } };
  GListModel *sources, *categories, *eras;
  g_autofree guint32 *order = NULL;
  EventsData events;
  const char *title;
  guint n_events;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), NULL);

  sources = chronicle_timeline_get_sources (timeline);
  categories = chronicle_timeline_get_categories (timeline);
  eras = chronicle_timeline_get_eras (timeline);
  n_events = chronicle_timeline_get_n_events (timeline);
  order = order_as_read (timeline, n_events);
  events = (EventsData) { timeline, order, 0 };
  title = chronicle_timeline_get_title (timeline);

  {
    Member members[] = {
      string_member ("format", FORMAT_NAME),
      { "version", VALUE_NUMBER, FORMAT_VERSION, NULL, 0, NULL, NULL },
      /* A file must have a title that is not blank (the loader refuses
       * it): a new timeline nobody named is saved as the window shows it. */
      string_member ("title", title != NULL && !chronicle_text_is_blank (title) ? title : _("Untitled Timeline")),
      string_member ("description", chronicle_timeline_get_description (timeline)),
      array_member ("sources", g_list_model_get_n_items (sources), write_source, sources),
      array_member ("categories", g_list_model_get_n_items (categories), write_category, categories),
      array_member ("eras", g_list_model_get_n_items (eras), write_era, eras),
      /* Required, so written empty too. */
      { "events", VALUE_ARRAY, NULL, NULL, n_events, write_event, &events },
    };

    /* About 100 bytes an event; growing by doubling costs little more. */
    writer.out = g_string_sized_new (4096 + (gsize) n_events * 128);
    write_object (&writer, members, G_N_ELEMENTS (members), chronicle_kept_get (timeline));
    /* A text file ends with a newline, as editors and json.dump leave it. */
    g_string_append_c (writer.out, '\n');
  }

  if (length != NULL)
    *length = writer.out->len;

  return g_string_free (writer.out, FALSE);
}

/**
 * chronicle_timeline_save_to_file:
 * @timeline: a timeline
 * @file: where to write; must be local
 * @cancellable: (nullable): a `GCancellable`
 * @error: return location for an error
 *
 * Writes @timeline to @file atomically: the old contents stay in place
 * until the new ones are completely written and synced, so a full disk
 * leaves the old file as it was. A symlink is followed (it stays a link),
 * a folder, FIFO, device or socket is refused, and a replaced file keeps
 * its mode. Errors are `G_IO_ERROR`s whose messages name @file.
 *
 * Returns: %TRUE on success
 */
gboolean
chronicle_timeline_save_to_file (ChronicleTimeline  *timeline,
                                 GFile              *file,
                                 GCancellable       *cancellable,
                                 GError            **error)
{
  return chronicle_timeline_save_to_file_full (timeline, file, NULL, NULL, cancellable, error);
}

/* chronicle_timeline_save_to_file() with the saver's hook for tests. */
gboolean
chronicle_timeline_save_to_file_full (ChronicleTimeline        *timeline,
                                      GFile                    *file,
                                      ChronicleStreamWrapFunc   wrap,
                                      gpointer                  wrap_data,
                                      GCancellable             *cancellable,
                                      GError                  **error)
{
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (CHRONICLE_IS_TIMELINE (timeline), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = chronicle_timeline_to_data (timeline, &length);

  return chronicle_file_save_data (file, data, length, wrap, wrap_data, cancellable, error);
}

gboolean
chronicle_file_save_data (GFile                    *file,
                          const char               *data,
                          gsize                     length,
                          ChronicleStreamWrapFunc   wrap,
                          gpointer                  wrap_data,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_autoptr(ChronicleFileSaver) saver = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  saver = chronicle_file_saver_new (file, wrap, wrap_data, error);
  if (saver == NULL)
    return FALSE;

  return chronicle_file_saver_write (saver, data, length, cancellable, error) &&
         chronicle_file_saver_commit (saver, cancellable, error);
}

char *
chronicle_file_get_stamp (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  struct stat st;

  /* stat(), not lstat(): the saver follows a link to what it replaces. */
  if (path == NULL || stat (path, &st) != 0)
    return NULL;

  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ".%09ld",
                          (guint64) st.st_ino, (gint64) st.st_size, (gint64) st.st_mtim.tv_sec,
                          (long) st.st_mtim.tv_nsec);
}

typedef struct
{
  GFile                   *file;
  GBytes                  *data;
  ChronicleStreamWrapFunc  wrap;
  gpointer                 wrap_data;
} SaveData;

static void
save_data_free (SaveData *save)
{
  g_clear_object (&save->file);
  g_clear_pointer (&save->data, g_bytes_unref);
  g_free (save);
}

static void
save_bytes_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SaveData *save = task_data;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (save->data, &length);
  char *stamp;

  if (!chronicle_file_save_data (save->file, data, length, save->wrap, save->wrap_data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  stamp = chronicle_file_get_stamp (save->file);
  g_task_return_pointer (task, stamp != NULL ? stamp : g_strdup (""), g_free);
}

void
chronicle_file_save_bytes_async (GFile                   *file,
                                 GBytes                  *data,
                                 ChronicleStreamWrapFunc  wrap,
                                 gpointer                 wrap_data,
                                 GCancellable            *cancellable,
                                 GAsyncReadyCallback      callback,
                                 gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (data != NULL);

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->data = g_bytes_ref (data);
  save->wrap = wrap;
  save->wrap_data = wrap_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, chronicle_file_save_bytes_async);
  g_task_set_task_data (task, save, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_bytes_thread);
}

char *
chronicle_file_save_bytes_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
