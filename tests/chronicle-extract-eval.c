/* chronicle-extract-eval.c: runs the extractor over the evaluation kit's
 * records and writes the kit's system format, for its scorers.
 *
 *   chronicle-extract-eval GOLD.jsonl > system.jsonl
 *   python3 ../shared/eval/score_timex.py GOLD.jsonl system.jsonl
 *
 * Offsets are Unicode code points into each record's text, as the gold uses.
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "chronicle-article-text-private.h"
#include "chronicle-quote-finder-private.h"
#include "chronicle-timex-private.h"

static const char * const type_names[] = { "DATE", "TIME", "DURATION", "SET" };

static void
add_span (JsonBuilder *builder,
          const char  *text,
          guint        start,
          guint        end)
{
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, g_utf8_pointer_to_offset (text, text + start));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, g_utf8_pointer_to_offset (text, text + end));
}

static char *
run_record (JsonObject *record,
            GError    **error)
{
  const char *id = json_object_get_string_member_with_default (record, "id", "");
  const char *dct = json_object_get_string_member_with_default (record, "dct", "");
  const char *text = json_object_get_string_member_with_default (record, "text", "");
  g_autoptr(ChronicleArticleText) article = NULL;
  g_autoptr(GPtrArray) timexes = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GDate published;
  int y, m, d;

  if (sscanf (dct, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "record %s: bad dct", id);
      return NULL;
    }
  g_date_clear (&published, 1);
  g_date_set_dmy (&published, d, m, y);

  article = chronicle_article_text_new (text, -1);
  quotes = chronicle_quote_finder_find (article);
  spans = chronicle_quote_finder_spans (quotes);
  timexes = chronicle_timex_tag (article, &published, spans);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "timex");
  json_builder_begin_array (builder);
  for (guint i = 0; i < timexes->len; i++)
    {
      ChronicleTimex *x = g_ptr_array_index (timexes, i);
      json_builder_begin_object (builder);
      add_span (builder, article->text, x->start, x->end);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, type_names[x->type]);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, x->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "quotes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < quotes->len; i++)
    {
      ChronicleFoundQuote *q = g_ptr_array_index (quotes, i);
      json_builder_begin_object (builder);
      add_span (builder, article->text, q->start, q->end);
      json_builder_set_member_name (builder, "speaker");
      if (q->speaker != NULL)
        json_builder_add_string_value (builder, q->speaker);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  char *line;
  int status = 0;

  if (argc != 2)
    {
      g_printerr ("usage: %s GOLD.jsonl\n", argv[0]);
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return 1;
    }
  lines = g_data_input_stream_new (G_INPUT_STREAM (stream));
  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      g_autofree char *owned = line;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *out = NULL;

      if (*line == '\0')
        continue;
      if (!json_parser_load_from_data (parser, line, -1, &error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
          (out = run_record (json_node_get_object (json_parser_get_root (parser)), &error)) == NULL)
        {
          g_printerr ("%s: %s\n", argv[0], error != NULL ? error->message : "not an object");
          g_clear_error (&error);
          status = 1;
          continue;
        }
      g_print ("%s\n", out);
    }
  if (error != NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      status = 1;
    }
  return status;
}
