/* test-hostile.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Issue #10's hostile files, through the loader: every case of
 * tests/chronicle-test-hostile.c (deep, huge, colliding, binary, not
 * UTF-8, not JSON, ...) and the special files a path can name (devices,
 * a FIFO with no writer, a directory, a socket). Each is either refused
 * with a message that is one line of valid UTF-8 text (no newline, no
 * control or bidi character, bounded length) or loaded whole, with
 * warnings that are such lines too. The suite runs in the sanitizer build
 * with the core suites; how long each case takes and how much memory it
 * needs is measured by tests/benchmark-hostile.c, not here.
 */

#include "config.h"

#include <errno.h>
#include <gio/gunixsocketaddress.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "chronicle-test-hostile.h"
#include "chronicle-test-util.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-loader.h"

/* A message quoting a 1 MB id must not be 1 MB long: ids and values are
 * cut when quoted. Generous, so that wording can change. */
#define MAX_MESSAGE_BYTES 4096

/* A special file that hangs the loader fails the case after this long
 * instead of hanging the suite. */
#define SPECIAL_FILE_TIMEOUT_S 10

static gboolean
is_forbidden (gunichar c)
{
  /* C0 (newline and tab included), DEL, C1, and the bidi embeddings,
   * overrides and isolates that would reorder the rest of the line. */
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

/* Asserts that @text is one line a terminal shows as text. */
static void
assert_one_line (const char *what,
                 const char *text)
{
  g_assert_nonnull (text);
  if (text == NULL)
    return;
  g_assert_cmpstr (text, !=, "");
  if (strlen (text) > MAX_MESSAGE_BYTES)
    {
      g_autofree char *start = chronicle_text_escape_line (text, 200);

      g_test_message ("%s is %zu bytes long: %s", what, strlen (text), start);
    }
  g_assert_cmpuint (strlen (text), <=, MAX_MESSAGE_BYTES);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  if (!g_utf8_validate (text, -1, NULL))
    return;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_forbidden (c))
        {
          g_autofree char *shown = chronicle_text_escape_line (text, 300);

          g_test_message ("%s holds U+%04X at byte %td: %s", what, c, p - text, shown);
          g_assert_false (is_forbidden (c));
          return;
        }
    }
}

static void
assert_refusal (const GError *error)
{
  g_assert_nonnull (error);
  if (error == NULL)
    return;
  assert_one_line ("the message", error->message);
  if (error->domain == CHRONICLE_LOAD_ERROR)
    assert_one_line ("the summary", chronicle_load_error_get_summary (error));
}

static void
assert_loaded (ChronicleTimeline *timeline,
               GStrv              warnings)
{
  g_assert_true (g_utf8_validate (chronicle_timeline_get_title (timeline), -1, NULL));
  for (guint i = 0; warnings != NULL && warnings[i] != NULL; i++)
    assert_one_line ("a warning", warnings[i]);
  for (guint i = 0; i < chronicle_timeline_get_n_events (timeline); i++)
    {
      ChronicleEvent *event = chronicle_timeline_get_event (timeline, i);

      g_assert_true (g_utf8_validate (chronicle_event_get_id (event), -1, NULL));
      g_assert_true (g_utf8_validate (chronicle_event_get_title (event), -1, NULL));
    }
}

static void
test_case (gconstpointer data)
{
  const ChronicleHostileCase *hostile = data;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (hostile->data, &length);
  guint n_warnings;

  timeline = chronicle_timeline_load_from_data (bytes, length, &warnings, &error);
  n_warnings = warnings != NULL ? g_strv_length (warnings) : 0;

  if (timeline == NULL)
    {
      g_autofree char *shown = error != NULL ? chronicle_text_escape_line (error->message, 300) : NULL;

      g_test_message ("%zu bytes, expected %s: refused: %s", length,
                      chronicle_hostile_expect_to_string (hostile->expect), shown);
      assert_refusal (error);
      if (error == NULL)
        return;
      g_assert_true (hostile->expect == CHRONICLE_HOSTILE_REFUSE ||
                     hostile->expect == CHRONICLE_HOSTILE_REFUSE_OR_WARN ||
                     hostile->expect == CHRONICLE_HOSTILE_EITHER);
      if (hostile->message_has != NULL)
        g_assert_nonnull (strstr (error->message, hostile->message_has));
      if (hostile->message_lacks != NULL)
        g_assert_null (strstr (error->message, hostile->message_lacks));
      return;
    }

  g_test_message ("%zu bytes, expected %s: loaded, %u events, %u warnings", length,
                  chronicle_hostile_expect_to_string (hostile->expect),
                  chronicle_timeline_get_n_events (timeline), n_warnings);
  g_assert_no_error (error);
  assert_loaded (timeline, warnings);
  g_assert_true (hostile->expect != CHRONICLE_HOSTILE_REFUSE);
  if (hostile->expect == CHRONICLE_HOSTILE_LOAD_WARNED || hostile->expect == CHRONICLE_HOSTILE_REFUSE_OR_WARN)
    g_assert_cmpuint (n_warnings, >, 0);
  if (hostile->n_events != 0)
    g_assert_cmpuint (chronicle_timeline_get_n_events (timeline), ==, hostile->n_events);
}

/* Case 10: what a path can name besides a regular file. Each runs in a
 * subprocess so that a loader that blocks on a FIFO or reads /dev/zero
 * until memory runs out fails the case instead of the suite. */

typedef enum
{
  SPECIAL_DEV_ZERO,
  SPECIAL_DEV_URANDOM,
  SPECIAL_DEV_NULL,
  SPECIAL_FIFO,
  SPECIAL_DIRECTORY,
  SPECIAL_SOCKET,
  SPECIAL_LINK_TO_DEV_ZERO,
  SPECIAL_LINK_TO_FIFO,
} SpecialFile;

static void
load_special (SpecialFile kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chronicle-hostile-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *fifo = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(ChronicleTimeline) timeline = NULL;
  g_auto(GStrv) warnings = NULL;

  g_assert_no_error (error);
  fifo = g_build_filename (dir, "fifo", NULL);
  path = g_build_filename (dir, "target", NULL);

  switch (kind)
    {
    case SPECIAL_DEV_ZERO:
      g_free (path);
      path = g_strdup ("/dev/zero");
      break;
    case SPECIAL_DEV_URANDOM:
      g_free (path);
      path = g_strdup ("/dev/urandom");
      break;
    case SPECIAL_DEV_NULL:
      g_free (path);
      path = g_strdup ("/dev/null");
      break;
    case SPECIAL_FIFO:
      g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      break;
    case SPECIAL_DIRECTORY:
      g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      break;
    case SPECIAL_SOCKET:
      {
        g_autoptr(GSocketAddress) address = g_unix_socket_address_new (path);

        socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
        g_assert_no_error (error);
        g_socket_bind (socket, address, TRUE, &error);
        g_assert_no_error (error);
        g_socket_listen (socket, &error);
        g_assert_no_error (error);
      }
      break;
    case SPECIAL_LINK_TO_DEV_ZERO:
      g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
      break;
    case SPECIAL_LINK_TO_FIFO:
      g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
      g_assert_cmpint (symlink (fifo, path), ==, 0);
      break;
    default:
      g_assert_not_reached ();
    }

  file = g_file_new_for_path (path);
  timeline = chronicle_timeline_load_from_file (file, NULL, &warnings, &error);
  g_assert_null (timeline);
  if (timeline == NULL)
    {
      g_autofree char *shown = chronicle_text_escape_line (error != NULL ? error->message : "(no error)", 300);

      g_test_message ("refused: %s", shown);
      assert_refusal (error);
    }

  g_clear_object (&socket);
  g_unlink (g_str_has_prefix (path, dir) ? path : fifo);
  g_unlink (fifo);
  g_rmdir (path);
  g_rmdir (dir);
}

static void
test_special (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      load_special (GPOINTER_TO_INT (data));
      return;
    }

  g_test_trap_subprocess (NULL, SPECIAL_FILE_TIMEOUT_S * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *name; SpecialFile kind; } specials[] = {
    { "dev-zero", SPECIAL_DEV_ZERO },
    { "dev-urandom", SPECIAL_DEV_URANDOM },
    { "dev-null", SPECIAL_DEV_NULL },
    { "fifo-without-writer", SPECIAL_FIFO },
    { "directory", SPECIAL_DIRECTORY },
    { "socket", SPECIAL_SOCKET },
    { "link-to-dev-zero", SPECIAL_LINK_TO_DEV_ZERO },
    { "link-to-fifo", SPECIAL_LINK_TO_FIFO },
  };
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GBytes) example = NULL;
  g_autofree char *example_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  /* A case that fails goes on to its other checks and the next case, so
   * that one run reports every case the loader gets wrong; the checks
   * return early where a failed one would make the next crash. */
  g_test_set_nonfatal_assertions ();

  example_path = chronicle_test_example_path ();
  g_file_get_contents (example_path, &contents, &length, &error);
  g_assert_no_error (error);
  example = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* --seed (or G_TEST_SEED) reproduces the random cases of a run. */
  cases = chronicle_hostile_cases_generate (example, g_test_rand_int (), CHRONICLE_HOSTILE_SIZE_TEST);
  for (guint i = 0; i < cases->len; i++)
    {
      ChronicleHostileCase *hostile = cases->pdata[i];
      g_autofree char *path = g_strconcat ("/hostile", hostile->name, NULL);

      g_test_add_data_func (path, hostile, test_case);
    }

  for (guint i = 0; i < G_N_ELEMENTS (specials); i++)
    {
      g_autofree char *path = g_strconcat ("/hostile/special/", specials[i].name, NULL);

      g_test_add_data_func (path, GINT_TO_POINTER (specials[i].kind), test_special);
    }

  return g_test_run ();
}
