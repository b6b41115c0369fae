/* test-json.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The JSON grammar the loader reads: JSONTestSuite's parsing cases (see
 * tests/data/jsontestsuite/README.md), and the refusals a user sees, each
 * with its exact message and place.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "chronicle-json-dom-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"

typedef struct
{
  char   *name;
  GBytes *input;
} SuiteCase;

static void
suite_case_free (gpointer data)
{
  SuiteCase *suite_case = data;

  g_free (suite_case->name);
  g_bytes_unref (suite_case->input);
  g_free (suite_case);
}

/* The inverse of build-aux/import-jsontestsuite.mjs: \xHH is a byte. */
static GBytes *
decode_input (const char *text)
{
  GByteArray *bytes = g_byte_array_new ();

  for (const char *p = text; *p != '\0'; p++)
    {
      guint8 byte = (guint8) *p;

      if (*p == '\\')
        {
          g_assert_cmpint (p[1], ==, 'x');
          g_assert_true (g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]));
          byte = (guint8) (g_ascii_xdigit_value (p[2]) * 16 + g_ascii_xdigit_value (p[3]));
          p += 3;
        }
      g_byte_array_append (bytes, &byte, 1);
    }

  return g_byte_array_free_to_bytes (bytes);
}

static GPtrArray *
read_suite (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "jsontestsuite", "test_parsing.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (suite_case_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *space = strchr (lines[i], ' ');
      SuiteCase *suite_case;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;

      g_assert_nonnull (space);
      suite_case = g_new0 (SuiteCase, 1);
      suite_case->name = g_strndup (lines[i], space - lines[i]);
      suite_case->input = decode_input (space + 1);
      g_ptr_array_add (cases, suite_case);
    }

  return cases;
}

/* Refusals point at a place: "line 3, column 7: reason", on one line, as
 * valid UTF-8. Only a blank file has no place to point at. */
static void
assert_refusal_message (const GError *error,
                        GBytes       *input)
{
  gsize length;
  const char *data = g_bytes_get_data (input, &length);
  guint line, column;
  int consumed = 0;

  g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_null (strchr (error->message, '\n'));

  if (g_str_equal (error->message, "the file is empty"))
    {
      gsize start = length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

      for (gsize i = start; i < length; i++)
        g_assert_true (strchr (" \t\r\n", data[i]) != NULL);
      return;
    }

  g_assert_cmpint (sscanf (error->message, "line %u, column %u: %n", &line, &column, &consumed), ==, 2);
  g_assert_cmpint (consumed, >, 0);
  g_assert_cmpuint (line, >=, 1);
  g_assert_cmpuint (column, >=, 1);
  g_assert_cmpstr (error->message + consumed, !=, "");
}

/* Refused by design: C strings cannot hold U+0000 (docs/format.md). */
static gboolean
holds_nul_escape (const char *name)
{
  return g_str_equal (name, "y_object_escaped_null_in_key.json") ||
         g_str_equal (name, "y_string_null_escape.json");
}

static void
test_suite_case (gconstpointer data)
{
  const SuiteCase *suite_case = data;
  ChronicleJsonDocument document = { 0, };
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *input = g_bytes_get_data (suite_case->input, &length);
  gboolean parsed;

  /* an empty GBytes has no data pointer */
  if (input == NULL)
    input = "";

  parsed = chronicle_json_document_parse (&document, input, length, NULL, NULL, &error);
  chronicle_json_document_clear (&document);
  g_assert_true (parsed == (error == NULL));

  switch (suite_case->name[0])
    {
    case 'y':
      if (holds_nul_escape (suite_case->name))
        {
          g_assert_false (parsed);
          assert_refusal_message (error, suite_case->input);
          g_assert_nonnull (strstr (error->message, "\\u0000"));
        }
      else
        g_assert_no_error (error);
      break;

    case 'n':
      g_assert_false (parsed);
      assert_refusal_message (error, suite_case->input);
      break;

    case 'i':
      /* either, but never a crash; a refusal says where */
      if (!parsed)
        assert_refusal_message (error, suite_case->input);
      g_test_message ("%s: %s", suite_case->name, parsed ? "parsed" : error->message);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* What a user sees for each thing JSON does not have, at its place. */
static void
test_refusals (void)
{
  static const struct
  {
    const char *input;
    const char *message;
  } cases[] = {
    /* blank */
    { "", "the file is empty" },
    { " \n\t\r\n", "the file is empty" },
    { "\xEF\xBB\xBF", "the file is empty" },
    { "\xEF\xBB\xBF  \n", "the file is empty" },

    /* comments, single quotes, trailing commas */
    { "{\n  // \"a\": 1\n}", "line 2, column 3: comments are not JSON" },
    { "[1, /* 2, */ 3]", "line 1, column 5: comments are not JSON" },
    { "[1] // the end", "line 1, column 5: comments are not JSON" },
    { "{'a': 1}", "line 1, column 2: single quotes are not JSON: strings and member names take double quotes" },
    { "['a']", "line 1, column 2: single quotes are not JSON: strings and member names take double quotes" },
    { "[1,\n 2,\n]", "line 2, column 3: a comma before “]” is not JSON (nothing follows it)" },
    { "{\"a\": 1,}", "line 1, column 8: a comma before “}” is not JSON (nothing follows it)" },

    /* more than one value */
    { "{\"a\": 1}{\"b\": 2}", "line 1, column 9: more than one JSON value: the timeline ends at line 1, column 8" },
    { "{\"a\": 1}\n{\"b\": 2}\n", "line 2, column 1: more than one JSON value: the timeline ends at line 1, column 8" },
    { "[1] 2", "line 1, column 5: more than one JSON value: the timeline ends at line 1, column 3" },
    { "{}]", "line 1, column 3: unexpected character “]”, expected the end of the file" },

    /* numbers */
    { "[01]", "line 1, column 2: numbers cannot start with a zero (leading zeros are not JSON)" },
    { "[-012]", "line 1, column 2: numbers cannot start with a zero (leading zeros are not JSON)" },
    { "[0x1F]", "line 1, column 2: hexadecimal numbers are not JSON" },
    { "[+1]", "line 1, column 2: a number cannot start with “+”" },
    { "[.5]", "line 1, column 2: a number cannot start with “.”" },
    { "[1.]", "line 1, column 4: a digit must follow the decimal point" },
    { "[1.e5]", "line 1, column 4: a digit must follow the decimal point" },
    { "[1e]", "line 1, column 4: the exponent of a number needs digits" },
    { "[-]", "line 1, column 3: a digit must follow “-”" },
    { "[NaN]", "line 1, column 2: NaN and Infinity are not JSON numbers" },
    { "[-Infinity]", "line 1, column 3: NaN and Infinity are not JSON numbers" },
    { "[1e999]", "line 1, column 2: the number is too large (beyond ±1.8e308)" },
    { "[-1e400]", "line 1, column 2: the number is too large (beyond ±1.8e308)" },

    /* strings */
    { "[\"abc", "line 1, column 2: the string that starts here is not closed" },
    { "[\"abc\\", "line 1, column 2: the string that starts here is not closed" },
    { "[\"a\nb\"]", "line 1, column 2: the string that starts here runs into a line break (in text, write it as \\n)" },
    { "[\"a\r\nb\"]", "line 1, column 2: the string that starts here runs into a line break (in text, write it as \\n)" },
    { "[\"a\tb\"]", "line 1, column 4: control character U+0009 in a string: write it as \\u0009" },
    { "[\"a\x1b[31mb\"]", "line 1, column 4: control character U+001B in a string: write it as \\u001B" },
    { "[\"\\101\"]", "line 1, column 3: octal escapes are not JSON" },
    { "[\"ab\\0\"]", "line 1, column 5: octal escapes are not JSON" },
    { "[\"\\x41\"]", "line 1, column 3: a backslash followed by “x” is not a JSON escape" },
    { "[\"\\'\"]", "line 1, column 3: a backslash followed by “'” is not a JSON escape" },
    { "[\"\\\x01\"]", "line 1, column 3: a backslash followed by U+0001 is not a JSON escape" },
    { "[\"\\u12G4\"]", "line 1, column 3: \\u must be followed by four hexadecimal digits" },
    { "[\"visible\\u0000hidden\"]", "line 1, column 10: \\u0000 (a NUL character) is not allowed in text" },
    { "{\"a\\u0000\": 1}", "line 1, column 4: \\u0000 (a NUL character) is not allowed in text" },

    /* structure */
    { "[1 2]", "line 1, column 4: unexpected character “2”, expected “,” or “]”" },
    { "{\"a\" 1}", "line 1, column 6: unexpected character “1”, expected “:” after the member name" },
    { "{\"a\": 1 \"b\": 2}", "line 1, column 9: unexpected character “\"”, expected “,” or “}”" },
    { "{a: 1}", "line 1, column 2: unexpected word “a”, expected a member name in double quotes or “}”" },
    { "{\"a\": 1, b: 2}", "line 1, column 10: unexpected word “b”, expected a member name in double quotes" },
    { "title: Not JSON at all", "line 1, column 1: unexpected word “title”, expected a value" },
    { "[tru]", "line 1, column 2: unexpected word “tru”, expected a value" },
    { "[,1]", "line 1, column 2: unexpected character “,”, expected a value" },
    { "[1,", "line 1, column 4: unexpected end of the file, expected a value" },
    { "{\"a\": [1, 2}", "line 1, column 12: unexpected character “}”, expected “,” or “]”" },
    { "{\"a\": 1", "line 1, column 8: unexpected end of the file, expected “,” or “}”" },
    { "[\xE2\x80\xAE]", "line 1, column 2: unexpected character U+202E, expected a value" },
    { "[\xC2\xA0 1]", "line 1, column 2: unexpected character U+00A0, expected a value" },
    { "[1,\xC3\xA9]", "line 1, column 4: unexpected character “é”, expected a value" },
    { "[1,\xEF\xBB\xBF 2]", "line 1, column 4: a byte-order mark (U+FEFF) may only start the file" },

    /* encodings: the place counts characters, and not the byte-order mark */
    { "{\"\xC3\xA9\xC3\xA9\": x}", "line 1, column 8: unexpected word “x”, expected a value" },
    { "\xEF\xBB\xBF[1,]", "line 1, column 3: a comma before “]” is not JSON (nothing follows it)" },
    { "[\"caf\xE9\"]", "line 1, column 6: the text is not valid UTF-8" },
    { "\xEF\xBB{}", "line 1, column 1: the text is not valid UTF-8" },
    { "[\"\xED\xA0\x80\"]", "line 1, column 3: the text is not valid UTF-8" },
    { "[\"\xC0\xAF\"]", "line 1, column 3: the text is not valid UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleJsonDocument document = { 0, };
      g_autoptr(GError) error = NULL;
      /* Escaped: raw invalid UTF-8 in the TAP output is an error to meson. */
      g_autofree char *shown = chronicle_text_escape_line (cases[i].input, 0);
      gboolean parsed;

      g_test_message ("case %u: %s", i, shown);
      parsed = chronicle_json_document_parse (&document, cases[i].input, strlen (cases[i].input), NULL, NULL, &error);
      chronicle_json_document_clear (&document);
      g_assert_false (parsed);
      g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Bytes that strlen() cannot carry: NUL and UTF-16. */
static void
test_binary (void)
{
  static const struct
  {
    const char *input;
    gsize       length;
    const char *message;
  } cases[] = {
#define CASE(bytes, message) { bytes, sizeof bytes - 1, message }
    /* UTF-16 with a byte-order mark (both orders), and without one */
    CASE ("\xFF\xFE{\0\"\0a\0\"\0:\0 \x00" "1\0}\0", "the file is UTF-16 text; save it as UTF-8"),
    CASE ("\xFE\xFF\0{\0\"\0a\0\"\0:\0 \0" "1\0}", "the file is UTF-16 text; save it as UTF-8"),
    CASE ("{\0\"\0a\0\"\0:\0 \0" "1\0}\0", "the file is UTF-16 text; save it as UTF-8"),
    CASE ("\0[\0\"\0\xE9\0\"\0]", "the file is UTF-16 text; save it as UTF-8"),
    /* a NUL byte anywhere else */
    CASE ("[1,\0 2]", "line 1, column 4: a NUL byte: the file is not text"),
    CASE ("[\"a\0b\"]", "line 1, column 4: a NUL byte: the file is not text"),
#undef CASE
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ChronicleJsonDocument document = { 0, };
      g_autoptr(GError) error = NULL;
      gboolean parsed;

      parsed = chronicle_json_document_parse (&document, cases[i].input, cases[i].length, NULL, NULL, &error);
      chronicle_json_document_clear (&document);
      g_assert_false (parsed);
      g_assert_error (error, CHRONICLE_LOAD_ERROR, CHRONICLE_LOAD_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static ChronicleJsonNode *
parse_one (ChronicleJsonDocument *document,
           const char            *input)
{
  g_autoptr(GError) error = NULL;

  chronicle_json_document_parse (document, input, strlen (input), NULL, NULL, &error);
  g_assert_no_error (error);
  return chronicle_json_document_get_root (document);
}

/* What is read, and how: escapes, surrogates, numbers at the edges. */
static void
test_values (void)
{
  ChronicleJsonDocument document = { 0, };
  ChronicleJsonNode *root;

  /* A byte-order mark at the start is skipped. */
  root = parse_one (&document, "\xEF\xBB\xBF{\"a\": \"b\"}");
  g_assert_cmpstr (chronicle_json_node_get_string (chronicle_json_object_get_member (root, "a")), ==, "b");
  chronicle_json_document_clear (&document);
  memset (&document, 0, sizeof document);

  /* Escapes; a pair of surrogates is one character, half of one U+FFFD. */
  root = parse_one (&document, "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\", \"\\ud83d\\ude00\", \"a\\ud800b\", \"\\udc00\\ud800\"]");
  g_assert_cmpstr (chronicle_json_node_get_string (chronicle_json_array_get_element (root, 0)), ==, "\"\\/\b\f\n\r\té");
  g_assert_cmpstr (chronicle_json_node_get_string (chronicle_json_array_get_element (root, 1)), ==, "\xF0\x9F\x98\x80");
  g_assert_cmpstr (chronicle_json_node_get_string (chronicle_json_array_get_element (root, 2)), ==, "a\xEF\xBF\xBD" "b");
  g_assert_cmpstr (chronicle_json_node_get_string (chronicle_json_array_get_element (root, 3)), ==, "\xEF\xBF\xBD\xEF\xBF\xBD");
  chronicle_json_document_clear (&document);
  memset (&document, 0, sizeof document);

  /* Integers past 64 bits become doubles, not wrapped; underflow is 0. */
  root = parse_one (&document, "[-0, 9223372036854775807, 18446744073709551616, 1.0, 1e-400, -1.5E+2]");
  g_assert_cmpint (chronicle_json_node_get_int (chronicle_json_array_get_element (root, 0)), ==, 0);
  g_assert_cmpint (chronicle_json_node_get_int (chronicle_json_array_get_element (root, 1)), ==, G_MAXINT64);
  g_assert_cmpfloat (chronicle_json_node_get_double (chronicle_json_array_get_element (root, 2)), ==, 18446744073709551616.0);
  g_assert_cmpfloat (chronicle_json_node_get_double (chronicle_json_array_get_element (root, 3)), ==, 1.0);
  g_assert_cmpfloat (chronicle_json_node_get_double (chronicle_json_array_get_element (root, 4)), ==, 0.0);
  g_assert_cmpfloat (chronicle_json_node_get_double (chronicle_json_array_get_element (root, 5)), ==, -150.0);
  chronicle_json_document_clear (&document);
}

/* Nesting stops at 512 levels with the place of the 513th bracket: the
 * parser recurses once per level, so this bounds its stack. */
static void
test_nesting_limit (void)
{
  for (guint depth = 511; depth <= 513; depth++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      ChronicleJsonDocument document = { 0, };
      g_autoptr(GError) error = NULL;
      gboolean parsed;

      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, '[');
      for (guint i = 0; i < depth; i++)
        g_string_append_c (text, ']');

      parsed = chronicle_json_document_parse (&document, text->str, text->len, NULL, NULL, &error);
      chronicle_json_document_clear (&document);
      if (depth <= 512)
        g_assert_no_error (error);
      else
        {
          g_assert_false (parsed);
          g_assert_cmpstr (error->message, ==, "line 1, column 513: nested more than 512 levels deep");
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) suite = NULL;

  g_test_init (&argc, &argv, NULL);

  suite = read_suite ();
  for (guint i = 0; i < suite->len; i++)
    {
      SuiteCase *suite_case = g_ptr_array_index (suite, i);
      g_autofree char *path = g_strdup_printf ("/json/suite/%s", suite_case->name);

      g_test_add_data_func (path, suite_case, test_suite_case);
    }

  g_test_add_func ("/json/refusals", test_refusals);
  g_test_add_func ("/json/binary", test_binary);
  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/nesting-limit", test_nesting_limit);

  return g_test_run ();
}
