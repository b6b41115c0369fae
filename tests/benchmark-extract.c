/* benchmark-extract.c: how long the extractor takes per article.
 *
 *   chronicle-benchmark-extract [--runs N] FILE.jsonl|ARTICLE.txt...
 *
 * Reads the evaluation kit's records (`text`, `dct`) or plain articles
 * (dated 2025-05-16), runs the whole extractor (sentences, quotes, time
 * expressions, events) on each N times and prints the median time per
 * article and per 1 000 words. Nothing passes or fails here.
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle-article.h"
#include "chronicle-extractor.h"

typedef struct
{
  char *text;
  char *dct;
} Record;

static void
record_free (gpointer data)
{
  Record *r = data;
  g_free (r->text);
  g_free (r->dct);
  g_free (r);
}

static void
read_records (const char *path,
              GPtrArray  *records)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }
  if (!g_str_has_suffix (path, ".jsonl"))
    {
      Record *r = g_new0 (Record, 1);
      r->text = g_steal_pointer (&contents);
      r->dct = g_strdup ("2025-05-16");
      g_ptr_array_add (records, r);
      return;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object;
      Record *r;

      if (*lines[i] == '\0' || !json_parser_load_from_data (parser, lines[i], -1, NULL))
        continue;
      object = json_node_get_object (json_parser_get_root (parser));
      r = g_new0 (Record, 1);
      r->text = g_strdup (json_object_get_string_member (object, "text"));
      r->dct = g_strdup (json_object_get_string_member (object, "dct"));
      g_ptr_array_add (records, r);
    }
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;
  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  g_autoptr(ChronicleExtractor) extractor = chronicle_extractor_new ();
  guint runs = 9;
  guint words = 0;
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  double median;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--runs") == 0 && i + 1 < argc)
        {
          i++;
          runs = MAX (1, atoi (argv[i]));
        }
      else
        read_records (argv[i], records);
    }
  if (records->len == 0)
    {
      g_printerr ("usage: %s [--runs N] FILE.jsonl|ARTICLE.txt...\n", argv[0]);
      return 2;
    }
  for (guint i = 0; i < records->len; i++)
    words += count_words (((Record *) g_ptr_array_index (records, i))->text);

  /* one warm-up run, then @runs timed ones over every article */
  for (guint run = 0; run <= runs; run++)
    {
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      for (guint i = 0; i < records->len; i++)
        {
          Record *r = g_ptr_array_index (records, i);
          g_autoptr(ChronicleArticle) article = chronicle_article_new_from_data (r->text, strlen (r->text), NULL, NULL);
          g_autoptr(ChronicleTimeline) timeline = NULL;
          ChronicleDate date;

          if (article == NULL || !chronicle_date_parse (r->dct, &date, NULL))
            continue;
          chronicle_article_set_published (article, &date);
          timeline = chronicle_extractor_extract (extractor, article, NULL);
        }
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      if (run > 0)
        g_array_append_val (totals, elapsed);
    }
  g_array_sort (totals, compare_doubles);
  median = g_array_index (totals, double, totals->len / 2);

  g_print ("| articles | words | median of %u runs, all articles | per article | per 1 000 words |\n", runs);
  g_print ("|---|---|---|---|---|\n");
  g_print ("| %u | %u | %.2f ms | %.3f ms | %.3f ms |\n", records->len, words, median,
           median / records->len, median * 1000.0 / words);
  return 0;
}
