/* chronicle-label-text.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-label-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chronicle-label-text-private.h"

#include "chronicle-text-private.h"

/* Pango wraps a word with no break in it one character at a time, shaping
 * the rest of the word again for each line: 4 000 characters without a
 * space took 2 s to measure in a wrapping label (1 000 took 0.2 s), against
 * 0.08 s for 4 000 characters of words. A word longer than this gets a
 * break opportunity (an invisible zero-width space) after every this many
 * characters. */
#define MAX_WORD_CHARS 48

/**
 * chronicle_label_text_new:
 * @text: (nullable): text from a file, for a wrapping label
 * @max_chars: how many characters to show at most
 *
 * What a wrapping label shows of a long text (a summary, a quote): as
 * chronicle_text_for_display() with the newlines kept, and with a
 * zero-width space after every MAX_WORD_CHARS characters of a word that
 * has no other place to break, so that laying it out costs what its
 * length does.
 *
 * Returns: (transfer full): the text to show
 */
char *
chronicle_label_text_new (const char *text,
                          gsize       max_chars)
{
  g_autofree char *shown = chronicle_text_for_display (text, max_chars, TRUE);
  GString *out;
  guint run = 0;

  out = g_string_sized_new (strlen (shown) + 16);
  for (const char *p = shown; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x200b || c == '-' || c == 0x2010)
        run = 0;
      else if (++run > MAX_WORD_CHARS)
        {
          g_string_append (out, "\u200b");
          run = 1;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/**
 * chronicle_label_set_event_title:
 * @label: a title label of the sidebar or the story card
 * @title: (nullable): the event's title, already cut for display
 *
 * Shows @title, or a muted "(untitled)" when it is blank (the loader
 * warned about it), as the chart draws it.
 */
void
chronicle_label_set_event_title (GtkLabel   *label,
                                 const char *title)
{
  gboolean untitled = chronicle_text_is_blank (title);

  g_return_if_fail (GTK_IS_LABEL (label));

  /* Translators: shown, muted, for an event whose title is empty */
  gtk_label_set_text (label, untitled ? _("(untitled)") : title);
  if (untitled)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

/**
 * chronicle_accessible_name_text_buttons:
 * @widget: a widget whose template holds buttons with a mnemonic label
 *
 * Gives each button under @widget whose label has a mnemonic the name a
 * person would say. GTK 4.8 names such a button after its label property
 * with the underline ("_Open") followed by the name of the label inside
 * ("Open"): screen readers said "_Open Open". The label without its
 * underline becomes the name, alone. Call it after the template is built.
 */
void
chronicle_accessible_name_text_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *label = GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;

      if (label != NULL && gtk_button_get_use_underline (GTK_BUTTON (child)) && strchr (label, '_') != NULL)
        {
          g_autofree char *name = NULL;

          /* Pango strips the mnemonic as the label shows it ("__" is "_"). */
          if (!pango_parse_markup (label, -1, '_', NULL, &name, NULL, NULL))
            name = g_strdup (label);
          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      else
        chronicle_accessible_name_text_buttons (child);
    }
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_LABEL (child) ? child : find_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * chronicle_accessible_name_icon_buttons:
 * @widget: a widget holding buttons made by a toolkit (libadwaita's tab bar)
 *
 * Names each icon button under @widget after its tooltip, and gives its
 * drawn indicators (AdwGizmo) an empty name. libadwaita 1.2
 * gives its tabs' close buttons a tooltip ("Close Tab") but no name, so
 * GTK 4.8 names them after their child: screen readers said "GtkImage
 * push button" for every tab. libadwaita offers no way to name them;
 * the buttons are reached here as widgets, which is why this runs again
 * whenever the tab bar makes new tabs.
 */
void
chronicle_accessible_name_icon_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (child))))
        {
          g_autofree char *tooltip = gtk_widget_get_tooltip_text (child) != NULL
                                     ? g_strdup (gtk_widget_get_tooltip_text (child)) : NULL;

          /* A button without a tooltip (the tab indicator, shown only for
           * an indicator a page sets, which ours never do) is a control a
           * screen reader should not stop at. */
          if (tooltip == NULL && gtk_widget_get_tooltip_markup (child) != NULL)
            pango_parse_markup (gtk_widget_get_tooltip_markup (child), -1, 0, NULL, &tooltip, NULL, NULL);
          if (tooltip != NULL && *tooltip != '\0')
            gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
          else
            gtk_accessible_update_state (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
        }
      else if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwGizmo") && gtk_widget_get_first_child (child) == NULL)
        /* A tab's drawn attention indicator: a focusable filler a screen
         * reader called "AdwGizmo". An empty name makes it one to pass
         * over (hiding it instead took the tab's buttons out of GTK 4.8's
         * accessible tree). */
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      else
        {
          /* A tab's focusable frame, named after its type: named by the
           * tab's title label instead, which follows the title as the
           * timeline loads. */
          GtkWidget *title = g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwGizmo") ? find_label (child) : NULL;

          if (title != NULL)
            gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                            title, NULL, -1);
          chronicle_accessible_name_icon_buttons (child);
        }
    }
}

static void
on_revealer_changed_cb (GtkRevealer *revealer)
{
  GtkWidget *child = gtk_revealer_get_child (revealer);

  if (child != NULL)
    gtk_widget_set_visible (child, gtk_revealer_get_reveal_child (revealer) ||
                                   gtk_revealer_get_child_revealed (revealer));
}

/**
 * chronicle_revealer_hide_when_closed:
 * @revealer: a revealer
 *
 * Hides the child of @revealer while it is closed. GTK 4.8 keeps a closed
 * revealer's child in the accessible tree: its empty labels and buttons
 * were there for a screen reader, named "GtkLabel".
 */
void
chronicle_revealer_hide_when_closed (GtkRevealer *revealer)
{
  g_signal_connect (revealer, "notify::reveal-child", G_CALLBACK (on_revealer_changed_cb), NULL);
  g_signal_connect (revealer, "notify::child-revealed", G_CALLBACK (on_revealer_changed_cb), NULL);
  on_revealer_changed_cb (revealer);
}

/**
 * chronicle_accessible_unname_stack_pages:
 * @widget: a widget with stacks under it (or a stack)
 *
 * Gives the pages of every stack under @widget an empty name. GTK 4.8
 * names a page without a title after its type: entering the chart, Orca
 * said "GtkStackPage panel" three times, once per stack around it. An
 * empty name makes a page a layout container a screen reader passes over.
 * Call it again when pages are added.
 */
void
chronicle_accessible_unname_stack_pages (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_STACK (widget))
        {
          GtkStackPage *page = gtk_stack_get_page (GTK_STACK (widget), child);

          if (page != NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
        }
      chronicle_accessible_unname_stack_pages (child);
    }
}
