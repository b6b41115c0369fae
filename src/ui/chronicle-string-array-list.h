/* chronicle-string-array-list.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHRONICLE_TYPE_STRING_ARRAY_LIST (chronicle_string_array_list_get_type ())

G_DECLARE_FINAL_TYPE (ChronicleStringArrayList, chronicle_string_array_list, CHRONICLE, STRING_ARRAY_LIST, GObject)

ChronicleStringArrayList *chronicle_string_array_list_new (GPtrArray *strings);

G_END_DECLS
