/* chronicle-document-edit.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The editing API of ChronicleDocument (issue #13): every change to the
 * timeline, checked, recorded in the history and applied; undo and redo.
 * The object, its properties and signals, and how an applied change shows
 * (the filtered timeline, the selection, "can-undo" and the rest) are
 * chronicle-document.c's. */

#define G_LOG_DOMAIN "chronicle-document"

#include "config.h"

#include "chronicle-document.h"
#include "chronicle-document-private.h"

#include "chronicle-change.h"
#include "chronicle-history.h"
#include "chronicle-kept-private.h"
#include "chronicle-text-private.h"
#include "chronicle-timeline-private.h"
#include "chronicle-util-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* Applies @changes (of one step) forward or back, in the order that
 * undoes them, and shows the result. Event changes patch the filtered
 * timeline; any other change (a category's label or colour, the title)
 * filters again, since the filtered timeline has copies of them and which
 * categories exist decides what a filter shows. */
static void
apply_changes (ChronicleDocument *self,
               GPtrArray         *changes,
               gboolean           forward)
{
  g_autofree char *select_id = NULL;
  gboolean title_changed = FALSE;
  gboolean refilter = FALSE;
  gboolean patch = chronicle_filter_is_active (self->filter) && self->filtered != NULL &&
                   self->filtered != self->timeline;

  for (guint k = 0; k < changes->len; k++)
    {
      ChronicleChange *change = g_ptr_array_index (changes, forward ? k : changes->len - 1 - k);
      const char *id = chronicle_change_apply (change, self->timeline, forward);

      if (id != NULL)
        chronicle_set_str (&select_id, id);
      title_changed |= change->kind == CHRONICLE_CHANGE_TITLE;
      if (change->kind != CHRONICLE_CHANGE_EVENT)
        refilter = TRUE;
      else if (patch && !refilter)
        chronicle_document_patch_filtered (self, change, forward);
    }

  chronicle_document_show_changes (self, select_id, refilter, title_changed);
}

/* Every edit: applies @change (taken) and records it as a step named
 * @name, or in the open group. */
static void
edit (ChronicleDocument *self,
      const char        *name,
      ChronicleChange   *change)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new ();

  g_ptr_array_add (changes, change);
  chronicle_history_push (self->history, name, change);
  apply_changes (self, changes, TRUE);
}

static gboolean
check_timeline (ChronicleDocument  *self,
                GError            **error)
{
  /* Not a preview either (issue #12): the whole replaces it. */
  if (self->timeline != NULL && !self->partial)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The timeline is not loaded yet"));
  return FALSE;
}

/* What the loader would refuse in a file. */
static gboolean
check_event (ChronicleEvent  *event,
             GError         **error)
{
  const ChronicleDate *end = chronicle_event_get_end (event);
  g_autofree char *shown = NULL;

  if (chronicle_event_get_id (event)[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("An event needs an id"));
      return FALSE;
    }
  if (end != NULL && chronicle_date_get_start (end) < chronicle_date_get_start (chronicle_event_get_date (event)))
    {
      shown = chronicle_text_escape_line (chronicle_event_get_title (event), CHRONICLE_TEXT_MAX_TITLE);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is an event's title. */
                   _("“%s” ends before it starts"), shown);
      return FALSE;
    }
  return TRUE;
}

static void
set_event_not_found (GError    **error,
                     const char *id)
{
  g_autofree char *shown = chronicle_text_escape_line (id, CHRONICLE_TEXT_MAX_TITLE);

  /* Translators: %s is an event id. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no event “%s”"), shown);
}

/* A detached copy of the event the store holds at @position. */
static ChronicleEvent *
copy_stored_event (ChronicleDocument *self,
                   guint              position)
{
  return chronicle_event_copy (chronicle_timeline_get_event (self->timeline, position));
}

/**
 * chronicle_document_replace_event:
 * @id: the id of the event to change
 * @changed: its new fields (read, not kept)
 * @action_name: (nullable): the step's name for the undo menu, translated
 *
 * See chronicle-document.h. The event keeps its place in the file (its
 * sequence); an edit that changes nothing records no step.
 *
 * Returns: %FALSE with @error when the edit cannot be made
 */
gboolean
chronicle_document_replace_event (ChronicleDocument  *self,
                                  const char         *id,
                                  ChronicleEvent     *changed,
                                  const char         *action_name,
                                  GError            **error)
{
  g_autoptr(ChronicleEvent) before = NULL;
  g_autoptr(ChronicleEvent) after = NULL;
  const char *new_id;
  guint position;

  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (changed), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_timeline (self, error) || !check_event (changed, error))
    return FALSE;
  if (!chronicle_timeline_lookup_position (self->timeline, id, &position))
    {
      set_event_not_found (error, id);
      return FALSE;
    }
  new_id = chronicle_event_get_id (changed);
  if (strcmp (new_id, id) != 0 && chronicle_timeline_lookup_position (self->timeline, new_id, NULL))
    {
      g_autofree char *shown = chronicle_text_escape_line (new_id, CHRONICLE_TEXT_MAX_TITLE);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   /* Translators: %s is an event id. */
                   _("Another event has the id “%s”"), shown);
      return FALSE;
    }

  before = copy_stored_event (self, position);
  after = chronicle_event_copy (changed);
  chronicle_event_set_sequence (after, chronicle_event_get_sequence (before));
  if (chronicle_event_equal (before, after))
    return TRUE;

  edit (self, action_name != NULL ? action_name : _("Edit Event"),
        chronicle_change_new (CHRONICLE_CHANGE_EVENT, g_steal_pointer (&before), g_steal_pointer (&after), 0));
  return TRUE;
}

/* An id no event has: "event-N" from the number of events up. */
static char *
make_fresh_id (ChronicleTimeline *timeline)
{
  for (guint k = chronicle_timeline_get_n_events (timeline) + 1;; k++)
    {
      g_autofree char *id = g_strdup_printf ("event-%u", k);

      if (!chronicle_timeline_lookup_position (timeline, id, NULL))
        return g_steal_pointer (&id);
    }
}

/**
 * chronicle_document_add_event:
 * @event: the event to add (read, not kept)
 * @action_name: (nullable): the step's name, translated
 *
 * Adds a copy of @event after every event of the file (it saves at the
 * end), with a fresh id when it has none or one taken, and selects it.
 *
 * Returns: (transfer full) (nullable): the id the event was given
 */
char *
chronicle_document_add_event (ChronicleDocument  *self,
                              ChronicleEvent     *event,
                              const char         *action_name,
                              GError            **error)
{
  g_autoptr(ChronicleEvent) added = NULL;
  const char *id;

  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (CHRONICLE_IS_EVENT (event), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_timeline (self, error))
    return NULL;

  added = chronicle_event_copy (event);
  id = chronicle_event_get_id (added);
  if (id[0] == '\0' || chronicle_timeline_lookup_position (self->timeline, id, NULL))
    {
      g_autofree char *fresh = make_fresh_id (self->timeline);

      chronicle_event_set_id (added, fresh);
    }
  if (!check_event (added, error))
    return NULL;
  chronicle_event_set_sequence (added, chronicle_timeline_get_next_sequence (self->timeline));

  id = chronicle_event_get_id (added);
  edit (self, action_name != NULL ? action_name : _("Add Event"),
        chronicle_change_new (CHRONICLE_CHANGE_EVENT, NULL, g_object_ref (added), 0));
  return g_strdup (id);
}

gboolean
chronicle_document_remove_event (ChronicleDocument  *self,
                                 const char         *id,
                                 GError            **error)
{
  guint position;

  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_timeline (self, error))
    return FALSE;
  if (!chronicle_timeline_lookup_position (self->timeline, id, &position))
    {
      set_event_not_found (error, id);
      return FALSE;
    }

  edit (self, _("Delete Event"),
        chronicle_change_new (CHRONICLE_CHANGE_EVENT, copy_stored_event (self, position), NULL, 0));
  return TRUE;
}

static void
edit_text (ChronicleDocument   *self,
           ChronicleChangeKind  kind,
           const char          *old_value,
           const char          *new_value,
           const char          *name)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return;
  edit (self, name, chronicle_change_new (kind, g_strdup (old_value), g_strdup (new_value), 0));
}

void
chronicle_document_set_timeline_title (ChronicleDocument *self,
                                       const char        *title)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (self->timeline != NULL);

  edit_text (self, CHRONICLE_CHANGE_TITLE, chronicle_timeline_get_title (self->timeline), title,
             _("Change Title"));
}

void
chronicle_document_set_timeline_description (ChronicleDocument *self,
                                             const char        *description)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (self->timeline != NULL);

  edit_text (self, CHRONICLE_CHANGE_DESCRIPTION, chronicle_timeline_get_description (self->timeline),
             description, _("Change Description"));
}

/* The index of the first item of @list whose id (read by @get_id) is @id,
 * or G_MAXUINT. Lists of categories, eras and sources are short. */
static guint
find_item (GListModel   *list,
           const char *(*get_id) (gpointer item),
           const char   *id)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (strcmp (get_id (item), id) == 0)
        return i;
    }
  return G_MAXUINT;
}

static const char *
get_category_id (gpointer item)
{
  return chronicle_category_get_id (item);
}

static const char *
get_era_id (gpointer item)
{
  return chronicle_era_get_id (item);
}

static const char *
get_source_id (gpointer item)
{
  return chronicle_source_get_id (item);
}

/* Whether putting @b in place of @a changes nothing (a dialog closed
 * without a change). */
static gboolean
items_equal (ChronicleChangeKind kind,
             gpointer            a,
             gpointer            b)
{
  switch (kind)
    {
    case CHRONICLE_CHANGE_CATEGORY:
      return g_strcmp0 (chronicle_category_get_label (a), chronicle_category_get_label (b)) == 0 &&
             g_strcmp0 (chronicle_category_get_color (a), chronicle_category_get_color (b)) == 0;
    case CHRONICLE_CHANGE_ERA:
      return g_strcmp0 (chronicle_era_get_label (a), chronicle_era_get_label (b)) == 0 &&
             chronicle_date_equal (chronicle_era_get_start (a), chronicle_era_get_start (b)) &&
             chronicle_date_equal (chronicle_era_get_end (a), chronicle_era_get_end (b));
    case CHRONICLE_CHANGE_SOURCE:
      return g_strcmp0 (chronicle_source_get_publisher (a), chronicle_source_get_publisher (b)) == 0 &&
             g_strcmp0 (chronicle_source_get_title (a), chronicle_source_get_title (b)) == 0 &&
             g_strcmp0 (chronicle_source_get_url (a), chronicle_source_get_url (b)) == 0 &&
             chronicle_date_equal (chronicle_source_get_published (a), chronicle_source_get_published (b));
    case CHRONICLE_CHANGE_EVENT:
    case CHRONICLE_CHANGE_TITLE:
    case CHRONICLE_CHANGE_DESCRIPTION:
    default:
      g_assert_not_reached ();
    }
}

/* @item (transfer full), or, when it replaces @old and lacks what @old's
 * file had beyond the model (unknown members, dates as spelt), a copy of
 * it with that: a dialog makes a new category from the fields it shows,
 * and saving must not drop the rest. The caller's @item is not changed. */
static gpointer
keep_what_file_had (ChronicleChangeKind kind,
                    gpointer            item,
                    gpointer            old)
{
  gpointer copy;

  if (chronicle_kept_get (item) != NULL || chronicle_kept_get (old) == NULL)
    return g_object_ref (item);

  if (kind == CHRONICLE_CHANGE_CATEGORY)
    copy = chronicle_category_new (chronicle_category_get_id (item), chronicle_category_get_label (item),
                                   chronicle_category_get_color (item));
  else if (kind == CHRONICLE_CHANGE_ERA)
    copy = chronicle_era_new (chronicle_era_get_id (item), chronicle_era_get_label (item),
                              chronicle_era_get_start (item), chronicle_era_get_end (item));
  else
    copy = chronicle_source_new (chronicle_source_get_id (item), chronicle_source_get_publisher (item),
                                 chronicle_source_get_title (item), chronicle_source_get_url (item),
                                 chronicle_source_get_published (item));
  chronicle_kept_set (copy, chronicle_kept_get (old));
  return copy;
}

/* Puts @item (a category, era or source) in @list: in place of the one
 * with its id, else at the end; the same values again record nothing. */
static void
put_item (ChronicleDocument   *self,
          ChronicleChangeKind  kind,
          GListModel          *list,
          const char        *(*get_id) (gpointer item),
          gpointer             item,
          const char          *add_name,
          const char          *edit_name)
{
  guint index = find_item (list, get_id, get_id (item));
  g_autoptr(GObject) old = NULL;
  gpointer replacement;

  if (index == G_MAXUINT)
    {
      edit (self, add_name,
            chronicle_change_new (kind, NULL, g_object_ref (item), g_list_model_get_n_items (list)));
      return;
    }

  old = g_list_model_get_item (list, index);
  if (items_equal (kind, old, item))
    return;
  replacement = keep_what_file_had (kind, item, old);
  edit (self, edit_name, chronicle_change_new (kind, g_steal_pointer (&old), replacement, index));
}

/* Removes the item with @id from @list, unless @n_uses events use it. */
static gboolean
remove_item (ChronicleDocument    *self,
             ChronicleChangeKind   kind,
             GListModel           *list,
             const char         *(*get_id) (gpointer item),
             const char           *id,
             guint                 n_uses,
             const char           *name,
             GError              **error)
{
  guint index = find_item (list, get_id, id);
  g_autofree char *shown = chronicle_text_escape_line (id, CHRONICLE_TEXT_MAX_TITLE);

  if (index == G_MAXUINT)
    {
      /* Translators: %s is the id of a category, era or source. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no “%s”"), shown);
      return FALSE;
    }
  if (n_uses > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   /* Translators: %s is the id of a category or source; %u a number of events. */
                   g_dngettext (GETTEXT_PACKAGE, "“%s” is used by %u event", "“%s” is used by %u events", n_uses),
                   shown, n_uses);
      return FALSE;
    }

  edit (self, name, chronicle_change_new (kind, g_list_model_get_item (list, index), NULL, index));
  return TRUE;
}

gboolean
chronicle_document_put_category (ChronicleDocument  *self,
                                 ChronicleCategory  *category,
                                 GError            **error)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_CATEGORY (category), FALSE);

  if (!check_timeline (self, error))
    return FALSE;
  put_item (self, CHRONICLE_CHANGE_CATEGORY, chronicle_timeline_get_categories (self->timeline),
            get_category_id, category, _("Add Category"), _("Edit Category"));
  return TRUE;
}

gboolean
chronicle_document_remove_category (ChronicleDocument  *self,
                                    const char         *id,
                                    GError            **error)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return check_timeline (self, error) &&
         remove_item (self, CHRONICLE_CHANGE_CATEGORY, chronicle_timeline_get_categories (self->timeline),
                      get_category_id, id, chronicle_timeline_count_category_uses (self->timeline, id),
                      _("Delete Category"), error);
}

gboolean
chronicle_document_put_era (ChronicleDocument  *self,
                            ChronicleEra       *era,
                            GError            **error)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_ERA (era), FALSE);

  if (!check_timeline (self, error))
    return FALSE;
  put_item (self, CHRONICLE_CHANGE_ERA, chronicle_timeline_get_eras (self->timeline),
            get_era_id, era, _("Add Era"), _("Edit Era"));
  return TRUE;
}

/* Eras are not named by events: removing one is never refused as busy. */
gboolean
chronicle_document_remove_era (ChronicleDocument  *self,
                               const char         *id,
                               GError            **error)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return check_timeline (self, error) &&
         remove_item (self, CHRONICLE_CHANGE_ERA, chronicle_timeline_get_eras (self->timeline),
                      get_era_id, id, 0, _("Delete Era"), error);
}

gboolean
chronicle_document_put_source (ChronicleDocument  *self,
                               ChronicleSource    *source,
                               GError            **error)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (CHRONICLE_IS_SOURCE (source), FALSE);

  if (!check_timeline (self, error))
    return FALSE;
  put_item (self, CHRONICLE_CHANGE_SOURCE, chronicle_timeline_get_sources (self->timeline),
            get_source_id, source, _("Add Source"), _("Edit Source"));
  return TRUE;
}

/* A source named by an event or by one of its quotes is busy. */
gboolean
chronicle_document_remove_source (ChronicleDocument  *self,
                                  const char         *id,
                                  GError            **error)
{
  g_return_val_if_fail (CHRONICLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return check_timeline (self, error) &&
         remove_item (self, CHRONICLE_CHANGE_SOURCE, chronicle_timeline_get_sources (self->timeline),
                      get_source_id, id, chronicle_timeline_count_source_uses (self->timeline, id),
                      _("Delete Source"), error);
}

void
chronicle_document_begin_group (ChronicleDocument *self,
                                const char        *action_name)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (action_name != NULL);

  chronicle_history_begin_group (self->history, action_name);
}

void
chronicle_document_end_group (ChronicleDocument *self)
{
  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));

  chronicle_history_end_group (self->history);
}

/* Takes back the last step; nothing while a group is open. */
void
chronicle_document_undo (ChronicleDocument *self)
{
  GPtrArray *changes;

  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (!chronicle_history_in_group (self->history));

  changes = chronicle_history_undo (self->history);
  if (changes != NULL)
    apply_changes (self, changes, FALSE);
}

void
chronicle_document_redo (ChronicleDocument *self)
{
  GPtrArray *changes;

  g_return_if_fail (CHRONICLE_IS_DOCUMENT (self));
  g_return_if_fail (!chronicle_history_in_group (self->history));

  changes = chronicle_history_redo (self->history);
  if (changes != NULL)
    apply_changes (self, changes, TRUE);
}
