/* test-text.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chronicle-text-private.h"

/* The @index-th of 2^@blocks strings that all hash alike under g_str_hash:
 * "Ez" and "FY" add the same to djb's h * 33 + c, whatever came before. */
static char *
make_colliding_id (guint index,
                   guint blocks)
{
  GString *id = g_string_new (NULL);

  for (guint i = 0; i < blocks; i++)
    g_string_append (id, (index >> i) & 1 ? "FY" : "Ez");

  return g_string_free (id, FALSE);
}

static void
test_hash_colliding_ids (void)
{
  g_autoptr(GHashTable) hashes = g_hash_table_new (NULL, NULL);
  guint str_hash = 0;

  for (guint i = 0; i < 1024; i++)
    {
      g_autofree char *id = make_colliding_id (i, 10);
      g_autofree char *again = g_strdup (id);

      /* The premise: djb collides on every one of them. */
      if (i == 0)
        str_hash = g_str_hash (id);
      g_assert_cmpuint (g_str_hash (id), ==, str_hash);

      /* Equal strings hash equally, or a table could not find them. */
      g_assert_cmpuint (chronicle_str_hash (id), ==, chronicle_str_hash (again));
      g_hash_table_add (hashes, GUINT_TO_POINTER (chronicle_str_hash (id)));
    }

  /* 1024 random 32-bit values almost never repeat; allow a few. */
  g_assert_cmpuint (g_hash_table_size (hashes), >, 1000);
}

static void
test_hash_in_table (void)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (chronicle_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 4096; i++)
    g_hash_table_add (table, make_colliding_id (i, 12));
  for (guint i = 0; i < 4096; i++)
    {
      g_autofree char *id = make_colliding_id (i, 12);

      g_assert_true (g_hash_table_contains (table, id));
    }
  g_assert_false (g_hash_table_contains (table, "EzEz"));
  g_assert_true (g_hash_table_contains (table, "EzEzEzEzEzEzEzEzEzEzEzEz"));
}

static void
check_escape (const char *text,
              gsize       max_chars,
              const char *expected)
{
  g_autofree char *escaped = chronicle_text_escape_line (text, max_chars);

  g_assert_cmpstr (escaped, ==, expected);
  g_assert_true (g_utf8_validate (escaped, -1, NULL));
  g_assert_null (strchr (escaped, '\n'));
  g_assert_null (strchr (escaped, '\033'));
}

static void
test_escape_line (void)
{
  check_escape (NULL, 0, "");
  check_escape ("plain id", 0, "plain id");
  check_escape ("Київ – Стамбул", 0, "Київ – Стамбул");
  check_escape ("e1\ne2: valid", 0, "e1\\ne2: valid");
  check_escape ("a\r\tb", 0, "a\\r\\tb");
  check_escape ("\033[31mred", 0, "\\u{001B}[31mred");
  check_escape ("\xe2\x80\xae" "evil" "\xe2\x80\xac", 0, "\\u{202E}evil\\u{202C}");
  check_escape ("line\xe2\x80\xa8sep", 0, "line\\u{2028}sep");
  check_escape ("\xc2\x9b" "1m", 0, "\\u{009B}1m");
  check_escape ("bad \xff\xfe bytes", 0, "bad \\x{FF}\\x{FE} bytes");
  check_escape ("abcdef", 3, "abc…");
  check_escape ("abc", 3, "abc");
  check_escape ("Ωmega", 1, "Ω…");
}

static void
check_display (const char *text,
               gsize       max_chars,
               gboolean    keep_newlines,
               const char *expected)
{
  g_autofree char *shown = chronicle_text_for_display (text, max_chars, keep_newlines);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_true (g_utf8_validate (shown, -1, NULL));
}

static void
test_for_display (void)
{
  check_display (NULL, 10, FALSE, "");
  check_display ("Talks in Istanbul", 0, FALSE, "Talks in Istanbul");
  /* The bidi override that shows "evil" as "live" is gone. */
  check_display ("\xe2\x80\xae" "evil" "\xe2\x80\xac", 0, FALSE, "evil");
  check_display ("\xe2\x81\xa6" "x" "\xe2\x81\xa9", 0, FALSE, "x");
  check_display ("two\nlines\r\nhere", 0, FALSE, "two lines here");
  check_display ("two\nlines\r\nhere", 0, TRUE, "two\nlines\nhere");
  check_display ("tab\there\033[2J\b", 0, FALSE, "tab here[2J");
  check_display ("bad \xff byte", 0, FALSE, "bad \xef\xbf\xbd byte");
  check_display ("one two three", 4, FALSE, "one…");
  check_display ("abc", 3, FALSE, "abc");
  check_display ("Ωmega", 1, FALSE, "Ω…");
}

/* A 10 MB title is cut to what can be shown, whatever it is made of. */
static void
test_for_display_huge (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *huge = g_malloc (size + 1);
  g_autofree char *controls = NULL;
  g_autofree char *mixed = NULL;
  g_autofree char *shown = NULL;

  memset (huge, 'x', size);
  huge[size] = '\0';
  shown = chronicle_text_for_display (huge, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_assert_cmpint (g_utf8_strlen (shown, -1), ==, CHRONICLE_TEXT_MAX_TITLE + 1);
  g_assert_true (g_str_has_suffix (shown, "…"));
  g_clear_pointer (&shown, g_free);

  /* Mostly dropped characters: still cut, still marked as cut. */
  memset (huge, '\a', size);
  huge[size - 1] = 'y';
  shown = chronicle_text_for_display (huge, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_assert_cmpstr (shown, ==, "…");
  g_clear_pointer (&shown, g_free);

  /* A multi-byte character at the byte bound is not split into U+FFFD. */
  controls = g_strnfill (CHRONICLE_TEXT_MAX_TITLE * 4 + 2, '\a');
  mixed = g_strconcat (controls, "ΩΩΩ", NULL);
  shown = chronicle_text_for_display (mixed, CHRONICLE_TEXT_MAX_TITLE, FALSE);
  g_assert_null (strstr (shown, "\xef\xbf\xbd"));
}

static void
test_is_blank (void)
{
  g_assert_true (chronicle_text_is_blank (NULL));
  g_assert_true (chronicle_text_is_blank (""));
  g_assert_true (chronicle_text_is_blank (" \t\n"));
  g_assert_true (chronicle_text_is_blank ("\xc2\xa0\xe2\x80\x8b"));     /* NBSP, zero-width space */
  g_assert_true (chronicle_text_is_blank ("\xe2\x80\xae\xe2\x80\xac")); /* only bidi controls */
  g_assert_false (chronicle_text_is_blank (" a "));
  g_assert_false (chronicle_text_is_blank ("Ω"));
}

static void
test_isolate (void)
{
  g_autofree char *isolated = chronicle_text_isolate ("Ukraine");
  g_autofree char *empty = chronicle_text_isolate (NULL);

  g_assert_cmpstr (isolated, ==, "\xe2\x81\xa8Ukraine\xe2\x81\xa9");
  g_assert_cmpstr (empty, ==, "\xe2\x81\xa8\xe2\x81\xa9");
}

static void
test_web_link (void)
{
  const char *good[] = {
    "https://www.reuters.com/world/europe/",
    "http://example.org/a?b=c#d",
    "HTTPS://EXAMPLE.ORG",
    "https://user@example.org:8443/path",
  };
  const char *bad[] = {
    NULL, "", "example.org", "http:/etc/passwd", "https:javascript:alert(1)", "javascript:alert(1)",
    "file:///etc/passwd", "https://exa mple.org", "https://example.org/\nx", "https://example.org/\x7f",
    "https://", "ftp://example.org/file", "https://example.org/\xff",
  };

  g_autofree char *long_path = g_strnfill (CHRONICLE_URI_MAX_LENGTH, 'a');
  g_autofree char *too_long = g_strconcat ("https://example.org/", long_path, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (chronicle_uri_is_web_link (good[i]));
  g_assert_false (chronicle_uri_is_web_link (too_long));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *shown = chronicle_text_escape_line (bad[i], 0);

      g_test_message ("refusing “%s”", shown);
      g_assert_false (chronicle_uri_is_web_link (bad[i]));
    }
}

/* A loader's message ("a spreadsheet needs ...") shown after a sentence
 * in a dialog starts a sentence of its own. */
static void
test_dup_sentence (void)
{
  static const struct { const char *text, *expected; } cases[] = {
    { "a spreadsheet needs a column", "A spreadsheet needs a column" },
    { "éa b", "Éa b" },
    { "--columns: no column", "--columns: no column" },
    { "events[0] \"a\": date: 2022-13", "events[0] \"a\": date: 2022-13" },
    { "title: not text", "title: not text" },
    { "line 6, column 54: a comma", "Line 6, column 54: a comma" },
    { "Already", "Already" },
    { "word", "word" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sentence = chronicle_text_dup_sentence (cases[i].text);

      g_assert_cmpstr (sentence, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/hash/colliding-ids", test_hash_colliding_ids);
  g_test_add_func ("/text/hash/in-table", test_hash_in_table);
  g_test_add_func ("/text/escape-line", test_escape_line);
  g_test_add_func ("/text/for-display", test_for_display);
  g_test_add_func ("/text/for-display/huge", test_for_display_huge);
  g_test_add_func ("/text/is-blank", test_is_blank);
  g_test_add_func ("/text/isolate", test_isolate);
  g_test_add_func ("/text/web-link", test_web_link);
  g_test_add_func ("/text/dup-sentence", test_dup_sentence);

  return g_test_run ();
}
