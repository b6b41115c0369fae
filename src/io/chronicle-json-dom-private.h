/* chronicle-json-dom-private.h
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include <glib.h>

G_BEGIN_DECLS

/*
 * The document tree. JsonParser builds a GObject-backed tree at about
 * 20 MB/s and takes a third as long again to free it, which is seconds for
 * a 100 000-event file; the loader only needs to look members up. So it
 * parses JSON itself into a compact tree: nodes are allocated in large
 * blocks, and strings are unescaped in place in a private copy of the
 * text, so the whole tree goes away with a few frees.
 *
 * This parser is the only authority on what Chronicle reads as JSON
 * (json-glib is used for writing only): RFC 8259 exactly, plus a UTF-8
 * byte-order mark at the very start. It refuses everything else with its
 * own "line L, column C: reason", naming what JSON lacks as such (comments,
 * single quotes, trailing commas, leading zeros, hexadecimal, NaN, octal
 * escapes, a second value after the first). By choice it also refuses
 * \u0000 (C strings cannot hold it) and numbers beyond a double, reads half
 * of a surrogate pair as U+FFFD, and stops at MAX_DEPTH (512) levels of
 * nesting, which also bounds its recursion. docs/format.md says the same
 * for people.
 */

typedef enum
{
  CHRONICLE_JSON_NODE_NULL,
  CHRONICLE_JSON_NODE_BOOLEAN,
  CHRONICLE_JSON_NODE_INT,
  CHRONICLE_JSON_NODE_DOUBLE,
  CHRONICLE_JSON_NODE_STRING,
  CHRONICLE_JSON_NODE_ARRAY,
  CHRONICLE_JSON_NODE_OBJECT,
} ChronicleJsonNodeType;

typedef struct _ChronicleJsonNode ChronicleJsonNode;

struct _ChronicleJsonNode
{
  ChronicleJsonNodeType  type;
  guint                  n_children;  /* arrays and objects */
  const char            *key;         /* member name, for the members of an object */
  union
  {
    gboolean           boolean;
    gint64             integer;
    double             number;
    const char        *string;
    ChronicleJsonNode *children;
  } v;
};

typedef struct
{
  GPtrArray         *blocks;   /* of ChronicleJsonNode[], freed together */
  ChronicleJsonNode *free_at;  /* next free node in the last block */
  gsize              n_free;
  ChronicleJsonNode *spare;    /* a block of BLOCK_NODES kept by a restore */
} ChronicleJsonArena;

/*
 * Streaming: called for each element of an "events" array that is a member
 * of the top-level object, as soon as the element is parsed, with the
 * members of the top-level object read so far (@root_so_far, an object
 * node valid only during the call). The element and its strings are freed
 * after the call: the array is left in the tree with its length and no
 * children (v.children == NULL), so that a million events never exist as
 * a tree beside what is built from them.
 */
typedef void (*ChronicleJsonElementFunc) (gpointer           data,
                                          ChronicleJsonNode *root_so_far,
                                          ChronicleJsonNode *element,
                                          guint              index);

/* The parsed document. Zero-initialise it before parsing; set
 * stream_func to stream the events. */
typedef struct
{
  ChronicleJsonArena  arena;
  ChronicleJsonNode   root;
  char               *text;      /* our copy, which the tree's strings point into */
  gsize               length;
  ChronicleJsonElementFunc stream_func;
  gpointer            stream_data;
} ChronicleJsonDocument;

/* @fraction of the parse done, 0 to 1. */
typedef void (*ChronicleJsonProgressFunc) (gpointer data,
                                           double   fraction);

gboolean chronicle_json_document_parse (ChronicleJsonDocument      *document,
                                        const char                 *data,
                                        gsize                       length,
                                        ChronicleJsonProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GError                    **error);
void     chronicle_json_document_clear (ChronicleJsonDocument      *document);
/* The same on @text itself (@length bytes and a NUL), which @document
 * takes and modifies: a syntax error's line and column may then be off. */
gboolean chronicle_json_document_parse_in_place (ChronicleJsonDocument      *document,
                                                 char                       *text,
                                                 gsize                       length,
                                                 ChronicleJsonProgressFunc   progress,
                                                 gpointer                    progress_data,
                                                 GError                    **error);

/* Writing: @string as a JSON string, and @node as compact JSON text of
 * the same value (see chronicle-json-dom.c). */
void     chronicle_json_append_string  (GString                    *out,
                                        const char                 *string);
void     chronicle_json_node_append    (GString                    *out,
                                        const ChronicleJsonNode    *node);

/* The accessors are inline: the loader calls them a dozen times per event. */

static inline ChronicleJsonNode *
chronicle_json_document_get_root (ChronicleJsonDocument *document)
{
  return &document->root;
}

static inline ChronicleJsonNodeType
chronicle_json_node_get_node_type (const ChronicleJsonNode *node)
{
  return node->type;
}

static inline const char *
chronicle_json_node_get_string (const ChronicleJsonNode *node)
{
  g_assert (node->type == CHRONICLE_JSON_NODE_STRING);
  return node->v.string;
}

static inline gboolean
chronicle_json_node_get_boolean (const ChronicleJsonNode *node)
{
  g_assert (node->type == CHRONICLE_JSON_NODE_BOOLEAN);
  return node->v.boolean;
}

static inline gint64
chronicle_json_node_get_int (const ChronicleJsonNode *node)
{
  g_assert (node->type == CHRONICLE_JSON_NODE_INT);
  return node->v.integer;
}

static inline double
chronicle_json_node_get_double (const ChronicleJsonNode *node)
{
  g_assert (node->type == CHRONICLE_JSON_NODE_DOUBLE);
  return node->v.number;
}

/* The member @name of @object (the last, if it repeats), or NULL. */
static inline ChronicleJsonNode *
chronicle_json_object_get_member (ChronicleJsonNode *object,
                                  const char        *name)
{
  g_assert (object->type == CHRONICLE_JSON_NODE_OBJECT);

  /* The first byte rules out nearly every member without a call: the
   * loader looks a dozen names up in each of a million events. */
  for (guint i = object->n_children; i > 0; i--)
    if (object->v.children[i - 1].key[0] == name[0] && strcmp (object->v.children[i - 1].key, name) == 0)
      return &object->v.children[i - 1];

  return NULL;
}

static inline guint
chronicle_json_array_get_length (ChronicleJsonNode *array)
{
  g_assert (array->type == CHRONICLE_JSON_NODE_ARRAY);
  return array->n_children;
}

static inline ChronicleJsonNode *
chronicle_json_array_get_element (ChronicleJsonNode *array,
                                  guint              index)
{
  g_assert (array->type == CHRONICLE_JSON_NODE_ARRAY && index < array->n_children);
  return &array->v.children[index];
}


G_END_DECLS
