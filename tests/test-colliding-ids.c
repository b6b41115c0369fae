/* test-colliding-ids.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Ids written to collide under g_str_hash (issue #10: 100 000 such event
 * ids made a 0.2 s load take 200 s). Every hash table keyed by text from
 * the file must use a keyed hash, so that such a file cannot be prepared.
 *
 * What proves it without a clock: a hash table calls its equal function
 * only for keys whose hashes are equal. With g_str_hash every colliding id
 * is compared with every one before it (n²/2 calls); with a keyed hash
 * only real matches are. This program defines g_str_equal itself, which
 * the static library's tables then call instead of GLib's (the
 * executable's definition comes first for the dynamic linker), and counts
 * the calls.
 */

#include "config.h"

#include <string.h>

#include "chronicle-filter.h"
#include "chronicle-timeline-loader.h"

static guint n_equal_calls;

/* In parentheses: GLib also defines a g_str_equal() macro for calls. */
gboolean
(g_str_equal) (gconstpointer v1,
               gconstpointer v2)
{
  n_equal_calls++;
  return strcmp (v1, v2) == 0;
}

/* "Ez" and "FY" hash alike under djb's h * 33 + c, so every string of
 * @n_blocks such blocks has the same g_str_hash: 2^@n_blocks of them. */
static GPtrArray *
make_colliding_strings (const char *prefix,
                        guint       n_blocks)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 1u << n_blocks; i++)
    {
      GString *s = g_string_new (prefix);

      for (guint b = 0; b < n_blocks; b++)
        g_string_append (s, (i >> b) & 1 ? "FY" : "Ez");
      g_ptr_array_add (strings, g_string_free (s, FALSE));
    }

  return strings;
}

#define N_BLOCKS 12
#define N        (1u << N_BLOCKS)

/* The generator is right: they all collide under g_str_hash. */
static void
test_generator (void)
{
  g_autoptr(GPtrArray) ids = make_colliding_strings ("", N_BLOCKS);
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_direct_hash, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_cmpuint (g_str_hash (ids->pdata[i]), ==, g_str_hash (ids->pdata[0]));
      g_hash_table_add (distinct, ids->pdata[i]);
    }
  g_assert_cmpuint (g_hash_table_size (distinct), ==, N);
  g_assert_cmpstr (ids->pdata[1], !=, ids->pdata[2]);
}

/* Sources, categories, eras and events with colliding ids; every event
 * names a colliding category, source and actors, so that the loader's
 * checks, the timeline's index and the filter's facets all see them. */
static GString *
build_document (void)
{
  g_autoptr(GPtrArray) ids = make_colliding_strings ("", N_BLOCKS);
  GString *json = g_string_new ("{\"format\": \"chronicle-timeline\", \"version\": 1, \"title\": \"Colliding\",");

  g_string_append (json, " \"sources\": [");
  for (guint i = 0; i < N; i++)
    g_string_append_printf (json, "%s{\"id\": \"s%s\"}", i > 0 ? ", " : "", (char *) ids->pdata[i]);
  g_string_append (json, "], \"categories\": [");
  for (guint i = 0; i < N; i++)
    g_string_append_printf (json, "%s{\"id\": \"c%s\", \"label\": \"C\"}", i > 0 ? ", " : "", (char *) ids->pdata[i]);
  g_string_append (json, "], \"eras\": [");
  for (guint i = 0; i < N; i++)
    g_string_append_printf (json, "%s{\"id\": \"r%s\", \"label\": \"R\", \"start\": \"2000\"}",
                            i > 0 ? ", " : "", (char *) ids->pdata[i]);
  g_string_append (json, "], \"events\": [");
  for (guint i = 0; i < N; i++)
    g_string_append_printf (json,
                            "%s{\"id\": \"%s\", \"date\": \"2000\", \"title\": \"T\", \"category\": \"c%s\","
                            " \"sources\": [\"s%s\"], \"actors\": [\"a%s\"]}",
                            i > 0 ? ", " : "", (char *) ids->pdata[i], (char *) ids->pdata[i],
                            (char *) ids->pdata[i], (char *) ids->pdata[i]);
  g_string_append (json, "]}");

  return json;
}

static void
test_load (void)
{
  g_autoptr(GString) json = build_document ();
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  n_equal_calls = 0;
  timeline = chronicle_timeline_load_from_data (json->str, json->len, &warnings, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, N);
  g_assert_cmpuint (g_strv_length (warnings), ==, 0);
  /* A compare per reference that is found (category, source), and a few
   * for the odd 32-bit collision; g_str_hash took 4 × N²/2 = 33 million. */
  g_test_message ("loading: %u string comparisons for %u ids per list", n_equal_calls, N);
  g_assert_cmpuint (n_equal_calls, <, 4 * N);

  /* The timeline's own index. */
  n_equal_calls = 0;
  for (guint i = 0; i < N; i++)
    g_assert_nonnull (chronicle_timeline_lookup_event (timeline,
                                                       chronicle_event_get_id (chronicle_timeline_get_event (timeline, i))));
  g_assert_cmpuint (n_equal_calls, <, 2 * N);

  /* The filter's facets count actors and sources by name. */
  n_equal_calls = 0;
  actors = chronicle_facets_list_actors (timeline);
  sources = chronicle_facets_list_sources (timeline);
  g_assert_cmpuint (actors->len, ==, N);
  g_test_message ("facets: %u string comparisons", n_equal_calls);
  g_assert_cmpuint (n_equal_calls, <, 4 * N);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/colliding-ids/generator", test_generator);
  g_test_add_func ("/colliding-ids/load", test_load);

  return g_test_run ();
}
