/* chronicle-era.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-era"

#include "config.h"

#include "chronicle-era.h"

/* A named period shaded behind the events ("Ceasefire talks").
 * Immutable after construction. */
struct _ChronicleEra
{
  GObject        parent_instance;

  char          *id;
  char          *label;
  ChronicleDate  start;
  ChronicleDate  end;
  gboolean       ongoing;  /* no end: the era lasts until today */
};

G_DEFINE_FINAL_TYPE (ChronicleEra, chronicle_era, G_TYPE_OBJECT)

static void
chronicle_era_finalize (GObject *object)
{
  ChronicleEra *self = (ChronicleEra *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (chronicle_era_parent_class)->finalize (object);
}

static void
chronicle_era_class_init (ChronicleEraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chronicle_era_finalize;
}

static void
chronicle_era_init (ChronicleEra *self)
{
}

/**
 * chronicle_era_new:
 * @id: a unique id
 * @label: the name shown on the chart
 * @start: the first date of the era (its whole span is included)
 * @end: (nullable): the last date of the era (its whole span is
 *   included), or %NULL for an ongoing era
 *
 * Returns: (transfer full): a new era holding copies of the arguments
 */
ChronicleEra *
chronicle_era_new (const char          *id,
                   const char          *label,
                   const ChronicleDate *start,
                   const ChronicleDate *end)
{
  ChronicleEra *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  self = g_object_new (CHRONICLE_TYPE_ERA, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label ? label : id);
  self->start = *start;
  if (end != NULL)
    self->end = *end;
  self->ongoing = end == NULL;

  return self;
}

const char *
chronicle_era_get_id (ChronicleEra *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ERA (self), NULL);

  return self->id;
}

const char *
chronicle_era_get_label (ChronicleEra *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ERA (self), NULL);

  return self->label;
}

const ChronicleDate *
chronicle_era_get_start (ChronicleEra *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ERA (self), NULL);

  return &self->start;
}

/* Returns: (nullable): the last date, or %NULL for an ongoing era */
const ChronicleDate *
chronicle_era_get_end (ChronicleEra *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ERA (self), NULL);

  return self->ongoing ? NULL : &self->end;
}

gboolean
chronicle_era_is_ongoing (ChronicleEra *self)
{
  g_return_val_if_fail (CHRONICLE_IS_ERA (self), FALSE);

  return self->ongoing;
}
