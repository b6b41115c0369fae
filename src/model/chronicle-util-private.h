/* chronicle-util-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * chronicle_set_str:
 * @str_pointer: (inout) (not nullable): a pointer to an owned string
 * @new_str: (nullable): the new value, copied
 *
 * Replaces *@str_pointer with a copy of @new_str unless they are equal
 * (%NULL equals only %NULL). This is `g_set_str()`, which is GLib 2.76 and
 * above our 2.74 floor; model is the lowest layer, so every layer can use it.
 *
 * Returns: %TRUE when the string changed, so the caller notifies only then
 */
static inline gboolean
chronicle_set_str (char       **str_pointer,
                   const char  *new_str)
{
  char *copy;

  g_assert (str_pointer != NULL);

  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  /* Copy before freeing: @new_str may point into the old string. */
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

G_END_DECLS
