/* fuzz-common.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdlib.h>

#include <glib.h>

/* What every fuzz target asserts of the text it gets back (messages,
 * warnings, formatted dates): one non-empty line of valid UTF-8 that a
 * terminal shows as text, with no C0/C1 control and no bidi control.
 * A failure aborts, which libFuzzer reports with the input. */
static inline void
fuzz_check_line (const char *text)
{
  if (text == NULL || text[0] == '\0' || !g_utf8_validate (text, -1, NULL))
    abort ();
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
        abort ();
    }
}
