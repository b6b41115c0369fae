/* chronicle-test-hostile.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * The generator of hostile files for tests/test-hostile.c (which checks
 * what the loader does with each) and tests/benchmark-hostile.c (which
 * times each and measures its memory). One case per way a file from a
 * pipeline or a stranger can be wrong, numbered after issue #10: deep
 * nesting in every container mix (1), comments (6), octal and \u0000
 * escapes (7), concatenated documents and what RFC 8259 refuses (8), ids
 * that collide under g_str_hash (9), hostile characters in ids (12), odd
 * versions (13), blank text (14), UTF-16 and byte order marks (18), bidi
 * titles and odd links (19), plus huge strings, many warnings, binary
 * garbage, invalid UTF-8 and the example cut short every few bytes.
 * Special files (10) are made by the test itself: they are not bytes.
 */

#include "config.h"

#include <string.h>

#include "chronicle-test-hostile.h"

/* A valid event: the members of the one event of doc(). */
#define EVENT "\"id\":\"e1\",\"title\":\"E\",\"date\":\"2022-02-24\""

/* The example is cut every this many bytes. */
#define TRUNCATION_STEP 31

typedef struct
{
  GPtrArray            *cases;
  GRand                *rand;
  ChronicleHostileSize  size;
} Generator;

void
chronicle_hostile_case_free (ChronicleHostileCase *hostile)
{
  g_free (hostile->name);
  g_bytes_unref (hostile->data);
  g_free (hostile);
}

const char *
chronicle_hostile_expect_to_string (ChronicleHostileExpect expect)
{
  switch (expect)
    {
    case CHRONICLE_HOSTILE_REFUSE:
      return "refused";
    case CHRONICLE_HOSTILE_LOAD:
      return "loaded";
    case CHRONICLE_HOSTILE_LOAD_WARNED:
      return "loaded with a warning";
    case CHRONICLE_HOSTILE_REFUSE_OR_WARN:
      return "refused or loaded with a warning";
    case CHRONICLE_HOSTILE_EITHER:
    default:
      return "refused or loaded";
    }
}

static ChronicleHostileCase *
add_bytes (Generator              *gen,
           ChronicleHostileExpect  expect,
           GBytes                 *data,
           const char             *format,
           ...) G_GNUC_PRINTF (4, 5);

static ChronicleHostileCase *
add_bytes (Generator              *gen,
           ChronicleHostileExpect  expect,
           GBytes                 *data,
           const char             *format,
           ...)
{
  ChronicleHostileCase *hostile = g_new0 (ChronicleHostileCase, 1);
  va_list args;

  va_start (args, format);
  hostile->name = g_strdup_vprintf (format, args);
  va_end (args);
  hostile->data = data;
  hostile->expect = expect;
  g_ptr_array_add (gen->cases, hostile);

  return hostile;
}

/* Adds a case whose bytes are @text (a string, taken) up to its NUL. */
static ChronicleHostileCase *
add_text (Generator              *gen,
          ChronicleHostileExpect  expect,
          const char             *name,
          char                   *text)
{
  gsize length = strlen (text);

  return add_bytes (gen, expect, g_bytes_new_take (text, length), "%s", name);
}

/* Adds a case whose bytes are @string's (taken), NULs included. */
static ChronicleHostileCase *
add_string (Generator              *gen,
            ChronicleHostileExpect  expect,
            const char             *name,
            GString                *string)
{
  return add_bytes (gen, expect, g_string_free_to_bytes (string), "%s", name);
}

/* A minimal timeline: @head (members, each followed by a comma) before
 * the title, @title (JSON, quotes included) and the members of its one
 * event. */
static char *
doc (const char *head,
     const char *title,
     const char *event)
{
  return g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,%s\"title\":%s,\"events\":[{%s}]}",
                          head, title, event);
}

static char *
doc_with_version (const char *version)
{
  return g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":%s,\"title\":\"T\",\"events\":[{"
                          EVENT "}]}", version);
}

/* Case 1: nesting past the 512-level limit. */

typedef struct
{
  const char *name;
  const char *open;
  const char *close;
  guint       levels;  /* per open */
} Mix;

static const Mix mixes[] = {
  { "array", "[", "]", 1 },
  { "object", "{\"a\":", "}", 1 },
  { "alternating", "[{\"a\":", "}]", 2 },
};

static GString *
nest (const Mix *mix,
      guint      levels,
      gboolean   closed)
{
  guint steps = (levels + mix->levels - 1) / mix->levels;
  GString *out = g_string_sized_new (steps * (strlen (mix->open) + strlen (mix->close)) + 1);

  for (guint i = 0; i < steps; i++)
    g_string_append (out, mix->open);
  g_string_append (out, "1");
  if (closed)
    for (guint i = 0; i < steps; i++)
      g_string_append (out, mix->close);

  return out;
}

static void
generate_nesting (Generator *gen)
{
  const guint depths[] = { 513, 601, 10000, 100000 };
  /* Where the nesting sits, each after text that fooled the pre-scan
   * json-glib needed: "//", backslashes and single quotes in strings, and
   * single-quoted strings, which are not JSON at all. */
  static const struct { const char *name; const char *head; } contexts[] = {
    { "member", "" },
    { "after-tricky-strings", "\"description\":\"a // b \\\\ c ' d \\\" [[[ {{{ /* e\"," },
    { "after-single-quotes", "'description':'it\\'s // [[ ',\"x\":'\\\\',\"y\":'\"//',"},
    { "after-slashes", "\"a\":\"//\",\"b\":\"\\\\\",\"c\":\"\\\\\\\\\",\"d\":\"'\",\"e\":\"\\/\\/\"," },
  };

  for (guint m = 0; m < G_N_ELEMENTS (mixes); m++)
    for (guint d = 0; d < G_N_ELEMENTS (depths); d++)
      {
        g_autoptr(GString) closed = nest (&mixes[m], depths[d], TRUE);

        add_bytes (gen, CHRONICLE_HOSTILE_REFUSE, g_bytes_new (closed->str, closed->len),
                   "/nesting/%s-%u-top", mixes[m].name, depths[d]);

        for (guint c = 0; c < G_N_ELEMENTS (contexts); c++)
          {
            g_autofree char *event = g_strdup_printf (EVENT ",\"x\":%s", closed->str);
            g_autofree char *name = g_strdup_printf ("/nesting/%s-%u-%s", mixes[m].name, depths[d],
                                                     contexts[c].name);

            add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc (contexts[c].head, "\"T\"", event));
          }
      }

  /* Never closed: refused without reading past the limit. */
  for (guint m = 0; m < G_N_ELEMENTS (mixes); m++)
    {
      GString *open = nest (&mixes[m], 100000, FALSE);
      g_autofree char *name = g_strdup_printf ("/nesting/%s-100000-unclosed", mixes[m].name);

      g_string_prepend (open, "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT ",\"x\":");
      add_string (gen, CHRONICLE_HOSTILE_REFUSE, name, open);
    }

  /* Brackets inside a string are text, not nesting: these load. */
  for (guint m = 0; m < G_N_ELEMENTS (mixes); m++)
    {
      g_autoptr(GString) inner = nest (&mixes[m], 1000, TRUE);
      g_autoptr(GString) escaped = g_string_new (NULL);
      g_autofree char *event = NULL;
      g_autofree char *name = g_strdup_printf ("/nesting/%s-1000-in-string", mixes[m].name);
      ChronicleHostileCase *hostile;

      for (const char *p = inner->str; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append (escaped, "\\\"");
          else
            g_string_append_c (escaped, *p);
        }
      event = g_strdup_printf (EVENT ",\"summary\":\"// \\\\ ' %s\"", escaped->str);
      hostile = add_text (gen, CHRONICLE_HOSTILE_LOAD, name, doc ("", "\"T\"", event));
      hostile->n_events = 1;
    }
}

/* Cases 6, 7 and 8: what is not JSON (RFC 8259) is refused, however
 * json-glib or JavaScript would read it. */
static void
generate_grammar (Generator *gen)
{
  static const struct { const char *name; const char *text; } refused[] = {
    /* 6: comments */
    { "/comments/line-before-member",
      "{// a comment\n\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}" },
    { "/comments/commented-out-event",
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}\n"
      "// ,{\"id\":\"e2\",\"title\":\"Hidden\",\"date\":\"2022\"}\n]}" },
    { "/comments/commented-out-event-only",
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[\n"
      "// {\"id\":\"e2\",\"title\":\"Hidden\",\"date\":\"2022\"}\n{" EVENT "}]}" },
    { "/comments/block",
      "{\"format\":\"chronicle-timeline\",/* block */\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}" },
    { "/comments/hash",
      "{\"format\":\"chronicle-timeline\",\n# hash\n\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}" },
    { "/comments/after-document",
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}\n// the end\n" },
    { "/comments/unterminated-block",
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]} /*" },
    /* 7: escapes */
    { "/escapes/octal-101", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\101\",\"events\":[{" EVENT "}]}" },
    { "/escapes/octal-0", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"a\\0b\",\"events\":[{" EVENT "}]}" },
    { "/escapes/octal-in-id", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{\"id\":\"\\142\",\"title\":\"E\",\"date\":\"2022\"}]}" },
    { "/escapes/u0000-title", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"visible\\u0000hidden\",\"events\":[{" EVENT "}]}" },
    { "/escapes/u0000-id", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{\"id\":\"e\\u0000\",\"title\":\"E\",\"date\":\"2022\"}]}" },
    { "/escapes/u0000-key", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"ti\\u0000tle\":\"x\",\"events\":[{" EVENT "}]}" },
    { "/escapes/u0000-unknown-member", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":\"\\u0000\",\"events\":[{" EVENT "}]}" },
    { "/escapes/hex-x41", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\x41\",\"events\":[{" EVENT "}]}" },
    { "/escapes/bell-a", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\a\",\"events\":[{" EVENT "}]}" },
    { "/escapes/single-quote", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"it\\'s\",\"events\":[{" EVENT "}]}" },
    { "/escapes/short-unicode", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\u12\",\"events\":[{" EVENT "}]}" },
    /* 8: concatenated documents and trailing data */
    { "/concatenated/two-objects",
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}"
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"U\",\"events\":[{" EVENT "}]}" },
    { "/concatenated/one-per-line",
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}\n"
      "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"U\",\"events\":[{" EVENT "}]}\n" },
    { "/concatenated/array-after", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]} []" },
    { "/concatenated/number-after", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]} 1" },
    { "/concatenated/word-after", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}x" },
    { "/concatenated/comma-after", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}," },
    { "/concatenated/brace-after", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}}" },
    { "/concatenated/in-array", "[{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}]" },
    /* 8: the rest of what RFC 8259 refuses */
    { "/grammar/leading-zero", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":01,\"events\":[{" EVENT "}]}" },
    { "/grammar/hex-number", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":0x10,\"events\":[{" EVENT "}]}" },
    { "/grammar/plus-number", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":+1,\"events\":[{" EVENT "}]}" },
    { "/grammar/dot-number", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":.5,\"events\":[{" EVENT "}]}" },
    { "/grammar/number-dot", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":1.,\"events\":[{" EVENT "}]}" },
    { "/grammar/bare-exponent", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":1e,\"events\":[{" EVENT "}]}" },
    { "/grammar/nan", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":NaN,\"events\":[{" EVENT "}]}" },
    { "/grammar/infinity", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":-Infinity,\"events\":[{" EVENT "}]}" },
    { "/grammar/trailing-comma-object", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT ",}]}" },
    { "/grammar/trailing-comma-array", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "},]}" },
    { "/grammar/missing-colon", "{\"format\" \"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}" },
    { "/grammar/unquoted-key", "{format:\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}" },
    { "/grammar/single-quoted-key", "{'format':\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}" },
    { "/grammar/single-quoted-value", "{\"format\":'chronicle-timeline',\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}" },
    { "/grammar/raw-tab-in-string", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"a\tb\",\"events\":[{" EVENT "}]}" },
    { "/grammar/raw-newline-in-string", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"a\nb\",\"events\":[{" EVENT "}]}" },
    { "/grammar/raw-escape-in-string", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"a\033[2Jb\",\"events\":[{" EVENT "}]}" },
    { "/grammar/capital-true", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":True,\"events\":[{" EVENT "}]}" },
    { "/grammar/short-null", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":nul,\"events\":[{" EVENT "}]}" },
    { "/grammar/unclosed-string", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T" },
    { "/grammar/empty", "" },
    { "/grammar/whitespace-only", " \n\t\r\n " },
    { "/grammar/lone-brace", "{" },
  };
  static const struct { const char *name; const char *text; } loaded[] = {
    /* What looks like the refused forms but is plain JSON. */
    { "/comments/in-string", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"// not a comment /* nor this */\",\"events\":[{" EVENT "}]}" },
    { "/escapes/surrogate-pair", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\ud83d\\ude00\",\"events\":[{" EVENT "}]}" },
    { "/escapes/every-json-escape", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9\",\"events\":[{" EVENT "}]}" },
    { "/concatenated/trailing-whitespace", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT "}]}\n\n \t\r\n" },
    { "/grammar/numbers", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":[0,-0,1.5e3,-2E-2,1E+2],\"events\":[{" EVENT "}]}" },
  };
  /* What RFC 8259 leaves to the parser (JSONTestSuite's i_ cases): lone
   * surrogates may be replaced or refused, a number beyond a double's
   * range taken as infinity or refused; loaded text is UTF-8 either way. */
  static const struct { const char *name; const char *text; } either[] = {
    { "/escapes/lone-high-surrogate", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\ud800\",\"events\":[{" EVENT "}]}" },
    { "/escapes/lone-low-surrogate", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\udc00\",\"events\":[{" EVENT "}]}" },
    { "/escapes/high-surrogate-then-letter", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"\\ud800\\u0041\",\"events\":[{" EVENT "}]}" },
    { "/grammar/huge-exponent", "{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"x\":1e999,\"events\":[{" EVENT "}]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    add_text (gen, CHRONICLE_HOSTILE_REFUSE, refused[i].name, g_strdup (refused[i].text));

  for (guint i = 0; i < G_N_ELEMENTS (loaded); i++)
    add_text (gen, CHRONICLE_HOSTILE_LOAD, loaded[i].name, g_strdup (loaded[i].text))->n_events = 1;

  for (guint i = 0; i < G_N_ELEMENTS (either); i++)
    add_text (gen, CHRONICLE_HOSTILE_EITHER, either[i].name, g_strdup (either[i].text));
}

/* Case 9: @n distinct ids of the same length that all have one
 * g_str_hash value ("aB" and "b!" hash alike under h * 33 + c). */
static GPtrArray *
colliding_ids (guint n)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  guint bits = 1;

  while ((1u << bits) < n)
    bits++;

  for (guint i = 0; i < n; i++)
    {
      GString *id = g_string_new ("c");

      for (guint b = 0; b < bits; b++)
        g_string_append (id, (i >> b) & 1 ? "b!" : "aB");
      g_ptr_array_add (ids, g_string_free (id, FALSE));
    }

  return ids;
}

static guint
n_large (Generator *gen)
{
  return gen->size == CHRONICLE_HOSTILE_SIZE_FULL ? 100000 : 10000;
}

static GString *
timeline_start (const char *head)
{
  GString *out = g_string_new ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",");

  g_string_append (out, head);
  g_string_append (out, "\"events\":[");
  return out;
}

static void
generate_collisions (Generator *gen)
{
  guint n = n_large (gen);
  g_autoptr(GPtrArray) ids = colliding_ids (n);
  g_autoptr(GString) categories = g_string_new ("\"categories\":[");
  g_autoptr(GString) sources = g_string_new ("\"sources\":[");
  GString *plain = timeline_start ("");
  GString *duplicate = timeline_start ("");
  GString *referring;
  guint n_refs = n / 10;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *event = g_strdup_printf ("%s{\"id\":\"%s\",\"title\":\"E\",\"date\":\"2022-02-24\"}",
                                                i > 0 ? "," : "", (const char *) ids->pdata[i]);

      g_string_append (plain, event);
      g_string_append (duplicate, event);
    }
  g_string_append (plain, "]}");
  add_string (gen, CHRONICLE_HOSTILE_LOAD, "/collisions/event-ids", plain)->n_events = n;

  g_string_append_printf (duplicate, ",{\"id\":\"%s\",\"title\":\"E\",\"date\":\"2022\"}]}",
                          (const char *) ids->pdata[n / 2]);
  add_string (gen, CHRONICLE_HOSTILE_REFUSE, "/collisions/event-ids-duplicate", duplicate);

  /* Category and source ids of the same kind, and events naming them. */
  for (guint i = 0; i < n_refs; i++)
    {
      g_string_append_printf (categories, "%s{\"id\":\"%s\",\"label\":\"C\"}",
                              i > 0 ? "," : "", (const char *) ids->pdata[i]);
      g_string_append_printf (sources, "%s{\"id\":\"%s\",\"publisher\":\"P\"}",
                              i > 0 ? "," : "", (const char *) ids->pdata[i]);
    }
  g_string_append (categories, "],");
  g_string_append (sources, "],");
  g_string_append (categories, sources->str);
  referring = timeline_start (categories->str);
  for (guint i = 0; i < n_refs; i++)
    g_string_append_printf (referring,
                            "%s{\"id\":\"e%u\",\"title\":\"E\",\"date\":\"2022\",\"category\":\"%s\",\"sources\":[\"%s\"]}",
                            i > 0 ? "," : "", i, (const char *) ids->pdata[n_refs - 1 - i],
                            (const char *) ids->pdata[i]);
  g_string_append (referring, "]}");
  add_string (gen, CHRONICLE_HOSTILE_LOAD, "/collisions/category-and-source-ids", referring)->n_events = n_refs;
}

/* Case 12: characters in ids that must not reach a message as they are
 * (JSON escapes, so the file itself is valid). */
static void
generate_hostile_ids (Generator *gen)
{
  static const struct { const char *name; const char *json; } chars[] = {
    { "newline", "a\\nforged: valid" },
    { "carriage-return", "a\\r\\nb" },
    { "escape-sequence", "\\u001b[2J\\u001b]0;owned\\u0007" },
    { "bidi-override", "\\u202eevil\\u202c" },
    { "bidi-isolate", "\\u2066x\\u2069" },
    { "bell", "a\\u0007b" },
    { "c1-csi", "a\\u009b31mb" },
    { "tab", "a\\tb" },
    { "next-line", "a\\u0085b" },
    { "delete", "a\\u007fb" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (chars); i++)
    {
      const char *id = chars[i].json;
      g_autofree char *dup_event = g_strdup_printf ("{\"id\":\"%s\",\"title\":\"E\",\"date\":\"2022\"},"
                                                    "{\"id\":\"%s\",\"title\":\"F\",\"date\":\"2023\"}", id, id);
      g_autofree char *dup_category = g_strdup_printf ("\"categories\":[{\"id\":\"%s\",\"label\":\"A\"},"
                                                       "{\"id\":\"%s\",\"label\":\"B\"}],", id, id);
      g_autofree char *unknown_category = g_strdup_printf (EVENT ",\"category\":\"%s\"", id);
      g_autofree char *unknown_source = g_strdup_printf (EVENT ",\"sources\":[\"%s\"]", id);
      g_autofree char *bad_date = g_strdup_printf ("\"id\":\"e1\",\"title\":\"E\",\"date\":\"2022%s\"", id);
      g_autofree char *bad_event_id = g_strdup_printf ("\"id\":\"%s\",\"title\":\"E\",\"date\":\"2022-02-30\"", id);
      GString *string;
      char *name;

      string = timeline_start ("");
      g_string_append_printf (string, "%s]}", dup_event);
      name = g_strdup_printf ("/ids/%s-duplicate-event", chars[i].name);
      add_string (gen, CHRONICLE_HOSTILE_REFUSE, name, string);
      g_free (name);

      name = g_strdup_printf ("/ids/%s-duplicate-category", chars[i].name);
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc (dup_category, "\"T\"", EVENT));
      g_free (name);

      name = g_strdup_printf ("/ids/%s-unknown-category", chars[i].name);
      add_text (gen, CHRONICLE_HOSTILE_LOAD_WARNED, name, doc ("", "\"T\"", unknown_category));
      g_free (name);

      name = g_strdup_printf ("/ids/%s-unknown-source", chars[i].name);
      add_text (gen, CHRONICLE_HOSTILE_LOAD_WARNED, name, doc ("", "\"T\"", unknown_source));
      g_free (name);

      name = g_strdup_printf ("/ids/%s-in-date", chars[i].name);
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc ("", "\"T\"", bad_date));
      g_free (name);

      name = g_strdup_printf ("/ids/%s-event-with-bad-date", chars[i].name);
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc ("", "\"T\"", bad_event_id));
      g_free (name);
    }
}

/* Case 13: only the number 1 is version 1. */
static void
generate_versions (Generator *gen)
{
  static const char * const refused[] = {
    "01", "0x1", "-1", "0", "-0", "2", "1.5", "\"1\"", "null", "true", "[1]", "{}",
    "99999999999999999999", "1e400", "-1e400",
  };
  /* 1.0 and 1e0 are the number one in JSON: load them, or refuse them
   * without the nonsense "version 1 is not supported (this Chronicle
   * reads version 1)". */
  static const char * const one[] = { "1.0", "1e0", "10e-1", "1.00000000000000000001" };
  g_autoptr(GString) digits = g_string_new (NULL);
  ChronicleHostileCase *hostile;

  add_text (gen, CHRONICLE_HOSTILE_LOAD, "/versions/1", doc_with_version ("1"))->n_events = 1;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *name = g_strdup_printf ("/versions/%s", refused[i]);

      /* "1" and [1] apart. */
      g_strdelimit (name + 1, "\"", 'q');
      g_strdelimit (name + 1, "[]{}", '_');
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc_with_version (refused[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (one); i++)
    {
      g_autofree char *name = g_strdup_printf ("/versions/%s", one[i]);

      hostile = add_text (gen, CHRONICLE_HOSTILE_EITHER, name, doc_with_version (one[i]));
      hostile->message_lacks = "reads version 1)";
    }

  /* 5 001 digits: not version -1, and not a 5 001-character message. */
  g_string_append_c (digits, '1');
  for (guint i = 0; i < 5000; i++)
    g_string_append_c (digits, '0' + i % 10);
  hostile = add_text (gen, CHRONICLE_HOSTILE_REFUSE, "/versions/5001-digits", doc_with_version (digits->str));
  hostile->message_lacks = "-1";
}

/* Case 14: blank text is never taken silently. */
static void
generate_blank (Generator *gen)
{
  static const struct { const char *name; const char *head; const char *title; const char *event; } cases[] = {
    { "/blank/title-empty", "", "\"\"", EVENT },
    { "/blank/title-spaces", "", "\"   \"", EVENT },
    { "/blank/title-whitespace", "", "\"\\t\\n\\r \"", EVENT },
    { "/blank/event-title-empty", "", "\"T\"", "\"id\":\"e1\",\"title\":\"\",\"date\":\"2022\"" },
    { "/blank/event-title-spaces", "", "\"T\"", "\"id\":\"e1\",\"title\":\"  \\n \",\"date\":\"2022\"" },
    { "/blank/event-id-spaces", "", "\"T\"", "\"id\":\"   \",\"title\":\"E\",\"date\":\"2022\"" },
    { "/blank/category-label", "\"categories\":[{\"id\":\"c\",\"label\":\" \"}],", "\"T\"", EVENT },
    { "/blank/category-id", "\"categories\":[{\"id\":\"  \",\"label\":\"C\"}],", "\"T\"", EVENT },
    { "/blank/quote-text", "", "\"T\"", EVENT ",\"quotes\":[{\"text\":\" \\t \"}]" },
    { "/blank/era-label", "\"eras\":[{\"id\":\"r\",\"label\":\"\",\"start\":\"2022\"}],", "\"T\"", EVENT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    add_text (gen, CHRONICLE_HOSTILE_REFUSE_OR_WARN, cases[i].name,
              doc (cases[i].head, cases[i].title, cases[i].event));
}

/* Case 18: UTF-16 (and UTF-32) files are named as such; a UTF-8 byte
 * order mark may start a file, nothing else may. */
static GString *
to_utf16 (const char *text,
          gboolean    big_endian,
          gboolean    bom)
{
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  GString *out = g_string_new (NULL);

  if (bom)
    g_string_append_len (out, big_endian ? "\xfe\xff" : "\xff\xfe", 2);
  for (const gunichar2 *u = units; *u != 0; u++)
    {
      char pair[2] = { big_endian ? *u >> 8 : *u & 0xff, big_endian ? *u & 0xff : *u >> 8 };

      g_string_append_len (out, pair, 2);
    }

  return out;
}

static void
generate_encodings (Generator *gen)
{
  g_autofree char *plain = doc ("", "\"Київ\"", EVENT);
  g_autofree gunichar *chars = g_utf8_to_ucs4 (plain, -1, NULL, NULL, NULL);
  GString *utf32 = g_string_new_len ("\xff\xfe\0\0", 4);
  ChronicleHostileCase *hostile;

  hostile = add_string (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf16le-bom", to_utf16 (plain, FALSE, TRUE));
  hostile->message_has = "UTF-16";
  hostile = add_string (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf16be-bom", to_utf16 (plain, TRUE, TRUE));
  hostile->message_has = "UTF-16";
  add_string (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf16le", to_utf16 (plain, FALSE, FALSE));
  add_string (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf16be", to_utf16 (plain, TRUE, FALSE));

  for (const gunichar *c = chars; *c != 0; c++)
    {
      char unit[4] = { *c & 0xff, (*c >> 8) & 0xff, (*c >> 16) & 0xff, *c >> 24 };

      g_string_append_len (utf32, unit, 4);
    }
  add_string (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf32le-bom", utf32);

  add_text (gen, CHRONICLE_HOSTILE_LOAD, "/encodings/utf8-bom",
            g_strconcat ("\xef\xbb\xbf", plain, NULL))->n_events = 1;
  add_text (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf8-bom-twice",
            g_strconcat ("\xef\xbb\xbf\xef\xbb\xbf", plain, NULL));
  add_text (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf8-bom-after-space",
            g_strconcat (" \xef\xbb\xbf", plain, NULL));
  add_text (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf8-bom-between-members",
            doc ("\xef\xbb\xbf", "\"T\"", EVENT));
  add_text (gen, CHRONICLE_HOSTILE_LOAD, "/encodings/utf8-bom-in-string",
            doc ("", "\"\xef\xbb\xbfT\"", EVENT))->n_events = 1;
  add_text (gen, CHRONICLE_HOSTILE_REFUSE, "/encodings/utf8-bom-only", g_strdup ("\xef\xbb\xbf"));
}

/* Invalid UTF-8, inside strings and out. */
static void
generate_invalid_utf8 (Generator *gen)
{
  static const struct { const char *name; const char *bytes; } sequences[] = {
    { "ff", "\xff" },
    { "lone-continuation", "\x80" },
    { "overlong-slash", "\xc0\xaf" },
    { "overlong-nul", "\xc0\x80" },
    { "surrogate", "\xed\xa0\x80" },
    { "above-10ffff", "\xf4\x90\x80\x80" },
    { "five-bytes", "\xf8\x88\x80\x80\x80" },
    { "cut-sequence", "\xe2\x82" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      g_autofree char *title = g_strdup_printf ("\"a%sb\"", sequences[i].bytes);
      g_autofree char *key = g_strdup_printf ("\"k%s\":1,", sequences[i].bytes);
      g_autofree char *outside = g_strdup_printf ("%s", sequences[i].bytes);
      g_autofree char *id = g_strdup_printf ("\"id\":\"%s\",\"title\":\"E\",\"date\":\"2022\"", sequences[i].bytes);
      g_autofree char *name = NULL;

      name = g_strdup_printf ("/utf8/%s-in-title", sequences[i].name);
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc ("", title, EVENT));
      g_free (name);
      name = g_strdup_printf ("/utf8/%s-in-key", sequences[i].name);
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc (key, "\"T\"", EVENT));
      g_free (name);
      name = g_strdup_printf ("/utf8/%s-between-members", sequences[i].name);
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc (outside, "\"T\"", EVENT));
      g_free (name);
      name = g_strdup_printf ("/utf8/%s-in-id", sequences[i].name);
      add_text (gen, CHRONICLE_HOSTILE_REFUSE, name, doc ("", "\"T\"", id));
    }
}

/* Case 19: bidi controls in titles and links that are not web links
 * load (the data is kept; what is shown and opened is the UI's
 * business) or are refused, with one-line messages either way. */
static void
generate_bidi_and_links (Generator *gen)
{
  static const struct { const char *name; const char *title; const char *event; } texts[] = {
    { "/bidi/title-override", "\"\\u202eevil\\u202c\"", EVENT },
    { "/bidi/title-isolates", "\"\\u2067abc\\u2069\\u2066\"", EVENT },
    { "/bidi/event-title", "\"T\"", "\"id\":\"e1\",\"title\":\"\\u202egnp.exe\",\"date\":\"2022\"" },
    { "/bidi/summary-marks", "\"T\"", EVENT ",\"summary\":\"\\u200f\\u200e\\u061c\\u202a\\u202b\\u202d\"" },
  };
  static const char * const urls[] = {
    "http:/etc/passwd", "https:javascript:alert(1)", "javascript:alert(1)", "http://exa\\nmple.com/",
    "file:///etc/passwd", "http://", "https://example.org/\\u202egnp", "data:text/html,<b>x</b>",
    "https://user@:80", "\\u0000", "  https://example.org/  ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    add_text (gen, CHRONICLE_HOSTILE_LOAD, texts[i].name, doc ("", texts[i].title, texts[i].event))->n_events = 1;

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *head = g_strdup_printf ("\"sources\":[{\"id\":\"s\",\"publisher\":\"P\",\"url\":\"%s\"}],",
                                               urls[i]);
      g_autofree char *name = g_strdup_printf ("/links/%u", i);

      add_text (gen, CHRONICLE_HOSTILE_EITHER, name, doc (head, "\"T\"", EVENT ",\"sources\":[\"s\"]"));
    }
}

static char *
repeated (char  c,
          gsize n)
{
  char *out = g_malloc (n + 1);

  memset (out, c, n);
  out[n] = '\0';
  return out;
}

/* Huge strings and many warnings: loaded (or refused by a size limit)
 * with messages of bounded length. */
static void
generate_huge (Generator *gen)
{
  gsize mb = 1024 * 1024;
  guint n = n_large (gen);
  g_autofree char *title_1mb = repeated ('x', mb);
  g_autofree char *title_16mb = repeated ('x', 16 * mb);
  g_autofree char *id_1mb = repeated ('i', mb);
  g_autofree char *url_10mb = g_strconcat ("https://example.org/", title_16mb + 6 * mb, NULL);
  GString *string;
  char *text;

  text = g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"%s\",\"events\":[{" EVENT "}]}",
                          title_1mb);
  add_text (gen, CHRONICLE_HOSTILE_EITHER, "/huge/title-1mb", text);
  text = g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"%s\",\"events\":[{" EVENT "}]}",
                          title_16mb);
  add_text (gen, CHRONICLE_HOSTILE_EITHER, "/huge/title-16mb", text);
  text = g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":["
                          "{\"id\":\"%s\",\"title\":\"E\",\"date\":\"2022\"},{\"id\":\"%s\",\"title\":\"F\",\"date\":\"2023\"}]}",
                          id_1mb, id_1mb);
  add_text (gen, CHRONICLE_HOSTILE_REFUSE, "/huge/id-1mb-duplicate", text);
  text = g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":["
                          "{\"id\":\"e\",\"title\":\"E\",\"date\":\"%s\"}]}", id_1mb);
  add_text (gen, CHRONICLE_HOSTILE_REFUSE, "/huge/date-1mb", text);
  text = g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":["
                          "{\"id\":\"e\",\"title\":\"E\",\"date\":\"2022\",\"category\":\"%s\"}]}", id_1mb);
  add_text (gen, CHRONICLE_HOSTILE_EITHER, "/huge/unknown-category-1mb", text);
  text = g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"sources\":["
                          "{\"id\":\"s\",\"publisher\":\"P\",\"url\":\"%s\"}],\"events\":[{" EVENT ",\"sources\":[\"s\"]}]}",
                          url_10mb);
  add_text (gen, CHRONICLE_HOSTILE_EITHER, "/huge/url-10mb", text);
  text = g_strdup_printf ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"%s\":1,\"events\":[{" EVENT "}]}",
                          id_1mb);
  add_text (gen, CHRONICLE_HOSTILE_EITHER, "/huge/member-name-1mb", text);

  string = g_string_new ("{\"format\":\"chronicle-timeline\",\"version\":1,\"title\":\"T\",\"events\":[{" EVENT ",\"quotes\":[");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (string, "%s{\"text\":\"Quote %u\"}", i > 0 ? "," : "", i);
  g_string_append (string, "]}]}");
  add_string (gen, CHRONICLE_HOSTILE_EITHER, "/huge/quotes-on-one-event", string);

  /* 4: a pipeline that leaves out "categories" names unknown ones. */
  string = timeline_start ("");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (string, "%s{\"id\":\"e%u\",\"title\":\"E\",\"date\":\"2022\",\"category\":\"c%u\"}",
                            i > 0 ? "," : "", i, i % 7);
  g_string_append (string, "]}");
  add_string (gen, CHRONICLE_HOSTILE_LOAD_WARNED, "/warnings/unknown-categories", string)->n_events = n;

  string = timeline_start ("");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (string, "%s{\"id\":\"e%u\",\"title\":\"E\",\"date\":\"2022\",\"sources\":[\"s%u\",\"t%u\"]}",
                            i > 0 ? "," : "", i, i, i);
  g_string_append (string, "]}");
  add_string (gen, CHRONICLE_HOSTILE_LOAD_WARNED, "/warnings/unknown-sources", string)->n_events = n;
}

/* Random bytes, with and without a JSON-looking start. */
static void
generate_garbage (Generator *gen)
{
  static const char * const starts[] = { "", "{", "{\"format\":\"chronicle-timeline\",", "[", "\"" };

  for (guint i = 0; i < 30; i++)
    {
      const char *start = starts[i % G_N_ELEMENTS (starts)];
      guint length = g_rand_int_range (gen->rand, 1, 4097);
      GString *string = g_string_new (start);
      g_autofree char *name = g_strdup_printf ("/garbage/%u-%u-bytes", i, length);

      for (guint j = 0; j < length; j++)
        g_string_append_c (string, (char) g_rand_int_range (gen->rand, 0, 256));
      add_string (gen, CHRONICLE_HOSTILE_REFUSE, name, string);
    }

  add_bytes (gen, CHRONICLE_HOSTILE_REFUSE, g_bytes_new_take (g_malloc0 (4096), 4096), "/garbage/zeros");
  add_bytes (gen, CHRONICLE_HOSTILE_REFUSE, g_bytes_new_take (repeated ('\xff', 4096), 4096), "/garbage/ff");
}

/* The example cut short every few bytes: refused until what is left is
 * the whole document. */
static void
generate_truncations (Generator *gen,
                      GBytes    *example)
{
  gsize length;
  const char *data = g_bytes_get_data (example, &length);
  gsize end = length;

  /* Where the document ends: trailing whitespace is not needed. */
  while (end > 0 && g_ascii_isspace (data[end - 1]))
    end--;

  for (gsize cut = 0; cut < length; cut += TRUNCATION_STEP)
    add_bytes (gen, cut >= end ? CHRONICLE_HOSTILE_LOAD : CHRONICLE_HOSTILE_REFUSE,
               g_bytes_new_from_bytes (example, 0, cut), "/truncated/%05" G_GSIZE_FORMAT, cut);
  add_bytes (gen, CHRONICLE_HOSTILE_LOAD, g_bytes_new_from_bytes (example, 0, end),
             "/truncated/%05" G_GSIZE_FORMAT, end);
}

/**
 * chronicle_hostile_cases_generate:
 * @example: the bundled example's bytes (cut short by the truncation cases)
 * @seed: for the random cases (binary garbage)
 * @size: how large the large cases are
 *
 * Returns: (transfer full) (element-type ChronicleHostileCase): the cases,
 *   each named uniquely
 */
GPtrArray *
chronicle_hostile_cases_generate (GBytes               *example,
                                  guint32               seed,
                                  ChronicleHostileSize  size)
{
  Generator gen = {
    .cases = g_ptr_array_new_with_free_func ((GDestroyNotify) chronicle_hostile_case_free),
    .rand = g_rand_new_with_seed (seed),
    .size = size,
  };

  generate_nesting (&gen);
  generate_grammar (&gen);
  generate_collisions (&gen);
  generate_hostile_ids (&gen);
  generate_versions (&gen);
  generate_blank (&gen);
  generate_encodings (&gen);
  generate_invalid_utf8 (&gen);
  generate_bidi_and_links (&gen);
  generate_huge (&gen);
  generate_garbage (&gen);
  generate_truncations (&gen, example);

  g_rand_free (gen.rand);
  return gen.cases;
}
