/* chronicle-ticks.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-ticks"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "chronicle-date.h"
#include "chronicle-date-private.h"

#include "chronicle-layout-private.h"
#include "chronicle-text-private.h"

/*
 * Axis ticks. Each non-break segment of the axis has its own scale, so the
 * step is chosen per segment: the finest step from the table below whose
 * spacing in px leaves room for its labels. Labels then go through one
 * overlap filter over the whole axis, major ones first.
 */

/* A break this wide on screen (px) gets ticks of its own. */
#define BREAK_TICKS_MIN_WIDTH 200.0
/* Space between two tick labels, px. */
#define TICK_LABEL_GAP 14.0
/* Unix day number of 0001-01-01, GDate's Julian day 1. */

typedef enum
{
  UNIT_SECOND,
  UNIT_MINUTE,
  UNIT_HOUR,
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} TickUnit;

typedef struct
{
  TickUnit unit;
  gint64   count;
} TickStep;

static const TickStep tick_steps[] = {
  { UNIT_SECOND, 1 }, { UNIT_SECOND, 5 }, { UNIT_SECOND, 10 }, { UNIT_SECOND, 15 }, { UNIT_SECOND, 30 },
  { UNIT_MINUTE, 1 }, { UNIT_MINUTE, 2 }, { UNIT_MINUTE, 5 }, { UNIT_MINUTE, 10 }, { UNIT_MINUTE, 15 },
  { UNIT_MINUTE, 30 },
  { UNIT_HOUR, 1 }, { UNIT_HOUR, 2 }, { UNIT_HOUR, 3 }, { UNIT_HOUR, 6 }, { UNIT_HOUR, 12 },
  { UNIT_DAY, 1 }, { UNIT_DAY, 2 }, { UNIT_DAY, 7 },
  { UNIT_MONTH, 1 }, { UNIT_MONTH, 2 }, { UNIT_MONTH, 3 }, { UNIT_MONTH, 6 },
  { UNIT_YEAR, 1 }, { UNIT_YEAR, 2 }, { UNIT_YEAR, 5 }, { UNIT_YEAR, 10 }, { UNIT_YEAR, 20 },
  { UNIT_YEAR, 50 }, { UNIT_YEAR, 100 }, { UNIT_YEAR, 200 }, { UNIT_YEAR, 500 }, { UNIT_YEAR, 1000 },
  /* Prehistory and deep time, up to the widest axis CHRONICLE_DATE_YEAR_MAX allows. */
  { UNIT_YEAR, 2000 }, { UNIT_YEAR, 5000 }, { UNIT_YEAR, 10000 }, { UNIT_YEAR, 20000 }, { UNIT_YEAR, 50000 },
  { UNIT_YEAR, 100000 }, { UNIT_YEAR, 200000 }, { UNIT_YEAR, 500000 }, { UNIT_YEAR, 1000000 },
  { UNIT_YEAR, 2000000 }, { UNIT_YEAR, 5000000 }, { UNIT_YEAR, 10000000 }, { UNIT_YEAR, 20000000 },
  { UNIT_YEAR, 50000000 }, { UNIT_YEAR, 100000000 }, { UNIT_YEAR, 200000000 }, { UNIT_YEAR, 500000000 },
  { UNIT_YEAR, G_GINT64_CONSTANT (1000000000) }, { UNIT_YEAR, G_GINT64_CONSTANT (2000000000) },
  { UNIT_YEAR, G_GINT64_CONSTANT (5000000000) }, { UNIT_YEAR, G_GINT64_CONSTANT (10000000000) },
  { UNIT_YEAR, G_GINT64_CONSTANT (20000000000) }, { UNIT_YEAR, G_GINT64_CONSTANT (50000000000) },
};

/* Approximate length of one unit, seconds (months and years on average). */
static const double unit_seconds[] = {
  [UNIT_SECOND] = 1.0,
  [UNIT_MINUTE] = 60.0,
  [UNIT_HOUR] = 3600.0,
  [UNIT_DAY] = 86400.0,
  [UNIT_MONTH] = 30.436875 * 86400.0,
  [UNIT_YEAR] = 365.2425 * 86400.0,
};

typedef enum
{
  FORMAT_MINOR,    /* an ordinary tick */
  FORMAT_MAJOR,    /* at the boundary of the next larger unit */
  FORMAT_CONTEXT,  /* the first label of a segment: says which day/year */
} TickFormat;

static const char *
get_format (TickUnit   unit,
            TickFormat format)
{
  /* Formats for g_date_time_format(); the axis shows UTC wall time. */
  switch (unit)
    {
    case UNIT_SECOND:
      if (format == FORMAT_MAJOR)
        /* Translators: axis label at midnight, g_date_time_format() syntax. */
        /* xgettext:no-c-format */
        return _("%-d %b");
      if (format == FORMAT_CONTEXT)
        /* Translators: first axis label of a section zoomed to seconds. */
        /* xgettext:no-c-format */
        return _("%-d %b %Y, %H:%M:%S");
      /* Translators: axis label, seconds. */
      /* xgettext:no-c-format */
      return _("%H:%M:%S");

    case UNIT_MINUTE:
    case UNIT_HOUR:
      if (format == FORMAT_MAJOR)
        return _("%-d %b");
      if (format == FORMAT_CONTEXT)
        /* Translators: first axis label of a section zoomed to hours. */
        /* xgettext:no-c-format */
        return _("%-d %b %Y, %H:%M");
      /* Translators: axis label, hours and minutes. */
      /* xgettext:no-c-format */
      return _("%H:%M");

    case UNIT_DAY:
      if (format == FORMAT_MAJOR)
        /* Translators: axis label at the first of a month. */
        /* xgettext:no-c-format */
        return _("%b %Y");
      if (format == FORMAT_CONTEXT)
        /* Translators: first axis label of a section zoomed to days. */
        /* xgettext:no-c-format */
        return _("%-d %b %Y");
      /* Translators: axis label, day and abbreviated month. */
      /* xgettext:no-c-format */
      return _("%-d %b");

    case UNIT_MONTH:
      if (format == FORMAT_MINOR)
        /* Translators: axis label, abbreviated month. */
        /* xgettext:no-c-format */
        return _("%b");
      if (format == FORMAT_CONTEXT)
        return _("%b %Y");
      /* Translators: axis label, a year. */
      /* xgettext:no-c-format */
      return _("%Y");

    case UNIT_YEAR:
    default:
      return _("%Y");
    }
}

static double
get_day_start (gint64 year,
               int    month,
               int    day)
{
  return (double) chronicle_date_days_from_civil (year, month, day) * 86400.0;
}

/* The civil date of @time, for any year Chronicle reads. */
static gboolean
get_civil (double  time,
           gint64 *year,
           int    *month,
           int    *day)
{
  double unix_day = floor (time / 86400.0);

  if (!(fabs (unix_day) <= (double) CHRONICLE_DATE_YEAR_MAX * 366.0))
    return FALSE;
  chronicle_date_civil_from_days ((gint64) unix_day, year, month, day);
  return TRUE;
}

typedef struct
{
  double   time;
  double   x;
  gboolean major;
} TickCandidate;

static char *format_tick (double time, const char *format);
static char *format_context (double time, TickUnit unit, const char *format, const ChronicleViewport *vp);

static void
add_year_tick (gint64  year,
               gint64  number,
               gint64  step,
               double  ta,
               GArray *out)
{
  double t = get_day_start (year, 1, 1);

  if (t >= ta)
    {
      TickCandidate c = { t, 0, number % (step * 5) == 0 };
      g_array_append_val (out, c);
    }
}

/* Years from @y on whose number, as people read it, is a multiple of
 * @step: 200 BC, 100 BC, 100, 200 (BC years count back from 1 BC, which
 * is year 0), up to @tb. */
static void
collect_years (gint64  step,
               gint64  y,
               double  ta,
               double  tb,
               GArray *out)
{
  gint64 yy;

  if (y <= 0)
    {
      for (gint64 bc = (1 - y) / step * step; bc >= step; bc -= step)
        {
          if (get_day_start (1 - bc, 1, 1) > tb)
            return;
          add_year_tick (1 - bc, bc, step, ta, out);
        }
      yy = step;
    }
  else
    yy = (y + step - 1) / step * step;

  for (; yy <= CHRONICLE_DATE_YEAR_MAX && get_day_start (yy, 1, 1) <= tb; yy += step)
    add_year_tick (yy, yy, step, ta, out);
}

/* Tick times in [ta, tb] for @step, appended to @out. */
static void
collect_ticks (const TickStep *step,
               double          ta,
               double          tb,
               GArray         *out)
{
  gint64 y;
  int m, d;

  if (step->unit <= UNIT_HOUR)
    {
      double step_s = unit_seconds[step->unit] * step->count;

      for (double t = ceil (ta / step_s) * step_s; t <= tb; t += step_s)
        {
          TickCandidate c = { t, 0, fmod (t, 86400.0) == 0.0 };
          g_array_append_val (out, c);
        }
      return;
    }

  if (!get_civil (ta, &y, &m, &d))
    return;

  if (step->unit == UNIT_DAY)
    {
      /* Days of the month 1, 1 + n, ... so ticks restart every month. */
      for (double t = get_day_start (y, m, d); t <= tb; t += 86400.0)
        {
          if (t < ta || !get_civil (t, &y, &m, &d))
            continue;
          if ((d - 1) % step->count != 0 || (step->count > 1 && d + step->count > 31 && d != 1))
            continue;
          {
            TickCandidate c = { t, 0, d == 1 };
            g_array_append_val (out, c);
          }
        }
      return;
    }

  if (step->unit == UNIT_MONTH)
    {
      gint64 month0 = y * 12 + (m - 1);

      month0 -= ((month0 % step->count) + step->count) % step->count;
      for (;; month0 += step->count)
        {
          gint64 yy = month0 >= 0 ? month0 / 12 : -((-month0 + 11) / 12);
          int mm = (int) (month0 - yy * 12) + 1;
          double t;

          if (yy > CHRONICLE_DATE_YEAR_MAX)
            break;
          t = get_day_start (yy, mm, 1);
          if (t > tb)
            break;
          if (t >= ta)
            {
              TickCandidate c = { t, 0, mm == 1 };
              g_array_append_val (out, c);
            }
        }
      return;
    }

  collect_years (step->count, y, ta, tb, out);
}

static char *
format_tick (double      time,
             const char *format)
{
  ChronicleDate date = { 0, };
  gint64 seconds;
  int month, day;

  if (!get_civil (time, &date.year, &month, &day))
    return NULL;
  seconds = (gint64) (time - floor (time / 86400.0) * 86400.0);
  date.month = month;
  date.day = day;
  date.hour = (guint8) (seconds / 3600);
  date.minute = (guint8) (seconds / 60 % 60);
  date.second = (guint8) (seconds % 60);
  date.precision = CHRONICLE_DATE_PRECISION_SECOND;
  return chronicle_date_format_custom (&date, format);
}

/* The year of a tick @step years from the next, with the digits that
 * tell it from them ("13.79 billion years ago"). */
static char *
format_year_tick (double time,
                  gint64 step)
{
  gint64 year;
  int month, day;

  if (!get_civil (time, &year, &month, &day))
    return NULL;
  return chronicle_date_format_year_step (year, step);
}

/* Widest label for @unit: sample dates with long month and day names. */
static double
measure_unit (TickUnit             unit,
              ChronicleMeasureFunc measure,
              gpointer             data)
{
  /* 2022-09-28 23:58:58 UTC and 2022-05-08 20:48:48 */
  static const double samples[] = { 1664409538.0, 1652042928.0 };
  double widest = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      for (TickFormat f = FORMAT_MINOR; f <= FORMAT_MAJOR; f++)
        {
          g_autofree char *text = format_tick (samples[i], get_format (unit, f));
          double w = 0, h = 0;

          measure (text, CHRONICLE_TEXT_TICK, &w, &h, data);
          widest = MAX (widest, w);
        }
    }

  return widest;
}

typedef struct
{
  double   x;
  char    *text;
  double   left;      /* of the label: centred on x, unless a break is in the way */
  double   width;
  gboolean major;
  guint    tier;      /* 3 a stretch's year, 2 context, 1 major, 0 minor: placed in that order */
  gboolean accepted;
  gboolean has_year;  /* the label names a year */
  double   time;      /* of the tick, display-zone seconds */
  guint    segment;   /* index of the axis segment it belongs to */
} PendingTick;

/* The finest unit the axis may show: no hours when every event in view
 * is known only to the day (or coarser), which would suggest times the
 * data does not have. */
static TickUnit
get_finest_unit (const ChronicleLayout *layout,
                 double                 vis_t0,
                 double                 vis_t1)
{
  const ChronicleViewport *vp = layout->viewport;
  int zone = chronicle_viewport_get_zone_reach (vp);
  ChronicleDatePrecision finest = CHRONICLE_DATE_PRECISION_YEAR;
  guint first = 0, last = 0, n = chronicle_timeline_get_n_events (layout->timeline);

  if (!chronicle_timeline_get_range (layout->timeline, (gint64) floor (vis_t0) - zone,
                                     (gint64) ceil (vis_t1) + zone, &first, &last) || first >= last)
    {
      /* Nothing in view: the timeline's finest precision. */
      first = 0;
      last = n;
    }

  if (first >= last)
    return UNIT_SECOND;

  finest = chronicle_timeline_get_finest_precision (layout->timeline, first, last);

  switch (finest)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return UNIT_YEAR;
    case CHRONICLE_DATE_PRECISION_MONTH:
      return UNIT_MONTH;
    case CHRONICLE_DATE_PRECISION_DAY:
      return UNIT_DAY;
    case CHRONICLE_DATE_PRECISION_MINUTE:
      return UNIT_MINUTE;
    case CHRONICLE_DATE_PRECISION_SECOND:
    default:
      return UNIT_SECOND;
    }
}

/* A context label of a time of day names the zone: "16 May 2025, 10:00 UTC+3". */
static char *
format_context (double                   time,
                TickUnit                 unit,
                const char              *format,
                const ChronicleViewport *vp)
{
  g_autofree char *text = format_tick (time, format);
  g_autofree char *name = NULL;

  if (text == NULL || unit > UNIT_HOUR)
    return g_steal_pointer (&text);

  name = chronicle_viewport_format_zone (vp);
  if (strstr (format, "%H") == NULL)
    /* Translators: the first label of an axis showing hours, when it
     * falls at midnight: a date, then the zone the axis is in. */
    return g_strdup_printf (_("%s, %s"), text, name);
  return g_strdup_printf ("%s %s", text, name);
}

static void
add_segment_ticks (ChronicleLayout            *layout,
                   const ChronicleAxisSegment *seg,
                   guint                       seg_index,
                   TickUnit                    finest,
                   gboolean                    first_seg,
                   gboolean                    last_seg,
                   double                      vis_t0,
                   double                      vis_t1,
                   const double               *unit_width,
                   ChronicleMeasureFunc        measure,
                   gpointer                    data,
                   GArray                     *pending)
{
  const ChronicleViewport *vp = layout->viewport;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (TickCandidate));
  double ta = first_seg ? vis_t0 : MAX (seg->t0, vis_t0);
  double tb = last_seg ? vis_t1 : MIN (seg->t1, vis_t1);
  double px_per_s;
  const TickStep *step = NULL;
  gboolean have_context = FALSE;
  gint64 year;
  int month, day;

  if (!(tb > ta))
    return;
  /* Deep time has years only (see CHRONICLE_DATE_DEEP_YEAR). */
  if (get_civil (ta, &year, &month, &day) && (year <= -CHRONICLE_DATE_DEEP_YEAR || year >= CHRONICLE_DATE_DEEP_YEAR))
    finest = UNIT_YEAR;

  px_per_s = (chronicle_viewport_to_px (vp, seg->t1) - chronicle_viewport_to_px (vp, seg->t0)) / (seg->t1 - seg->t0);
  if (!(px_per_s > 0))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (tick_steps); i++)
    {
      const TickStep *s = &tick_steps[i];

      if (s->unit < finest)
        continue;
      if (unit_seconds[s->unit] * s->count * px_per_s >= unit_width[s->unit] + TICK_LABEL_GAP)
        {
          step = s;
          break;
        }
    }
  if (step == NULL)
    return;

  collect_ticks (step, ta, tb, candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      TickCandidate *c = &g_array_index (candidates, TickCandidate, i);
      PendingTick p = { 0, };
      TickFormat f = c->major ? FORMAT_MAJOR : FORMAT_MINOR;
      double h = 0;

      p.x = chronicle_viewport_to_px (vp, c->time);
      p.time = c->time;
      p.major = c->major;
      p.segment = seg_index;

      /* The first label that fits says which day or year this is; major
       * labels of days and coarser units say so already. */
      if (!have_context && (!c->major || step->unit <= UNIT_HOUR))
        {
          const char *format = get_format (step->unit, FORMAT_CONTEXT);
          g_autofree char *text = NULL;
          double w = 0;

          if (c->major)
            format = get_format (UNIT_DAY, FORMAT_CONTEXT);
          text = step->unit == UNIT_YEAR ? format_year_tick (c->time, step->count)
                                         : format_context (c->time, step->unit, format, vp);
          p.has_year = TRUE;

          measure (text, CHRONICLE_TEXT_TICK, &w, &h, data);
          if (text != NULL && p.x - w / 2 >= 0 && p.x + w / 2 <= layout->width)
            {
              p.text = g_steal_pointer (&text);
              p.width = w;
              p.tier = 2;
              have_context = TRUE;
            }
        }

      if (p.text == NULL)
        {
          const char *format = get_format (step->unit, f);
          gint64 y;
          int m, d;

          /* Midnight of New Year says which year begins. */
          if (c->major && step->unit <= UNIT_HOUR &&
              get_civil (c->time, &y, &m, &d) && m == 1 && d == 1)
            format = get_format (UNIT_DAY, FORMAT_CONTEXT);

          p.text = step->unit == UNIT_YEAR ? format_year_tick (c->time, step->count) : format_tick (c->time, format);
          p.has_year = strstr (format, "%Y") != NULL;
          if (p.text != NULL)
            measure (p.text, CHRONICLE_TEXT_TICK, &p.width, &h, data);
          p.tier = c->major ? 1 : 0;
          if (c->major && step->unit > UNIT_HOUR &&
              p.x - p.width / 2 >= 0 && p.x + p.width / 2 <= layout->width)
            have_context = TRUE;
        }

      layout->tick_label_height = MAX (layout->tick_label_height, h);
      g_array_append_val (pending, p);
    }
}

/* Every stretch of axis between breaks names its year in a tick label,
 * whatever its width: a stretch's context label (which has the year) is
 * promoted to claim its place before any other; a stretch without one
 * gets a label of its own at its first visible instant. */
static void
add_stretch_years (ChronicleLayout            *layout,
                   const ChronicleAxisSegment *segments,
                   guint                       n_segments,
                   double                      vis_t0,
                   double                      vis_t1,
                   ChronicleMeasureFunc        measure,
                   gpointer                    data,
                   GArray                     *pending)
{
  const ChronicleViewport *vp = layout->viewport;

  for (guint i = 0; i < n_segments; i++)
    {
      const ChronicleAxisSegment *seg = &segments[i];
      PendingTick *best = NULL;
      PendingTick p = { 0, };
      double t0, t1, h = 0;
      gint64 y0, y1;
      int m0, d0, m1, d1;

      if (seg->is_break)
        continue;
      t0 = MAX (MAX (seg->t0, seg->data_t0), vis_t0);
      t1 = MIN (MIN (seg->t1, seg->data_t1), vis_t1);
      if (t1 < t0)
        {
          /* Only padding in view: still a stretch with dates on it. */
          t0 = MAX (seg->t0, vis_t0);
          t1 = MIN (seg->t1, vis_t1);
          if (!(t1 > t0))
            continue;
        }

      for (guint j = 0; j < pending->len; j++)
        {
          PendingTick *q = &g_array_index (pending, PendingTick, j);

          if (q->segment == i && q->text != NULL && q->has_year &&
              q->x >= 0 && q->x <= layout->width &&
              (best == NULL || q->tier > best->tier))
            best = q;
        }
      if (best != NULL)
        {
          best->tier = 3;
          continue;
        }

      if (!get_civil (t0, &y0, &m0, &d0) || !get_civil (t1 - 1, &y1, &m1, &d1))
        continue;

      p.x = chronicle_viewport_to_px (vp, t0);
      p.time = t0;
      p.major = TRUE;
      p.segment = i;
      p.tier = 3;
      p.has_year = TRUE;
      /* Translators: axis label naming the month and year where a short
       * stretch of axis starts, g_date_time_format() syntax. */
      /* xgettext:no-c-format */
      p.text = format_tick (t0, y1 - y0 < 2 ? _("%b %Y") : "%Y");
      if (p.text == NULL)
        continue;
      measure (p.text, CHRONICLE_TEXT_TICK, &p.width, &h, data);
      layout->tick_label_height = MAX (layout->tick_label_height, h);
      g_array_append_val (pending, p);
    }
}

/* The left end of a label of @width for a tick at @x: centred on it,
 * unless that covers the double slash of a break (the date that starts a
 * section after a break sits right beside it); then beside the slash, on
 * the tick's side. */
#define BREAK_MARK_REACH 12.0   /* px from a break's middle that its slash and some air take */

static double
place_label_by_breaks (const ChronicleLayout *layout,
                       double                 x,
                       double                 width)
{
  double left = x - width / 2;

  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double mid = (brk->x0 + brk->x1) / 2;
      /* The break's text ("3 years") sits in the tick row under the mark. */
      double reach = brk->text_below ? BREAK_MARK_REACH
                                     : MAX (BREAK_MARK_REACH, brk->text_width / 2 + TICK_LABEL_GAP);

      if (left < mid + reach && left + width > mid - reach)
        return x >= mid ? mid + reach : mid - reach - width;
    }

  return left;
}

/* TRUE when a label at [@left, @right) would hide a break's double slash:
 * a long label ("13.8 billion years ago") may reach past the next break
 * from the one it was placed beside. */
static gboolean
covers_break_mark (const ChronicleLayout *layout,
                   double                 left,
                   double                 right)
{
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double mid = (brk->x0 + brk->x1) / 2;

      if (left < mid + BREAK_MARK_REACH && right > mid - BREAK_MARK_REACH)
        return TRUE;
    }
  return FALSE;
}

/* The break whose text a label at [left, left + width) covers, or NULL. */
static ChronicleLayoutBreak *
find_break_text_at (const ChronicleLayout *layout,
                    double                 left,
                    double                 width)
{
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double mid = (brk->x0 + brk->x1) / 2;

      if (!brk->text_below && brk->text != NULL &&
          left < mid + brk->text_width / 2 + TICK_LABEL_GAP / 2 &&
          left + width > mid - brk->text_width / 2 - TICK_LABEL_GAP / 2)
        return brk;
    }

  return NULL;
}

static void
place_stretch_year (ChronicleLayout      *layout,
                    PendingTick          *p,
                    ChronicleMeasureFunc  measure,
                    gpointer              data)
{
  ChronicleLayoutBreak *brk;

  p->left = CLAMP (p->left, 0, MAX (layout->width - p->width, 0));
  /* Neither covering a break's text nor pushed far off its tick (where a
   * day or month would be read as that of what sits above it). */
  if (find_break_text_at (layout, p->left, p->width) == NULL &&
      fabs (p->left + p->width / 2 - p->x) <= p->width / 4)
    return;

  /* The year alone, then: true wherever in the stretch it sits. */
  {
    g_autofree char *year = format_tick (p->time, "%Y");
    double h = 0;

    if (year != NULL && g_strcmp0 (year, p->text) != 0)
      {
        g_free (p->text);
        p->text = g_steal_pointer (&year);
        measure (p->text, CHRONICLE_TEXT_TICK, &p->width, &h, data);
        p->left = place_label_by_breaks (layout, p->x, p->width);
        p->left = CLAMP (p->left, 0, MAX (layout->width - p->width, 0));
      }
  }

  /* Still in the way: the break's text steps down a row, under the
   * mark, and the year keeps its place. */
  while ((brk = find_break_text_at (layout, p->left, p->width)) != NULL)
    brk->text_below = TRUE;
}

static int
compare_tick_x (gconstpointer a,
                gconstpointer b)
{
  double xa = ((const ChronicleTick *) a)->x, xb = ((const ChronicleTick *) b)->x;

  return (xa > xb) - (xa < xb);
}

/**
 * chronicle_layout_compute_ticks: (skip)
 *
 * Fills layout->ticks for the layout's viewport and width.
 */
void
chronicle_layout_compute_ticks (ChronicleLayout      *layout,
                                ChronicleMeasureFunc  measure,
                                gpointer              data)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (PendingTick));
  g_autoptr(GArray) accepted = NULL;
  const ChronicleAxisSegment *segments;
  double unit_width[UNIT_YEAR + 1];
  double vis_t0, vis_t1;
  guint n_segments;
  TickUnit finest;

  g_assert (layout != NULL);
  g_assert (measure != NULL);

  for (TickUnit u = UNIT_SECOND; u <= UNIT_YEAR; u++)
    unit_width[u] = measure_unit (u, measure, data);

  for (guint i = 0; i < layout->breaks->len; i++)
    {
      ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double h = 0;

      if (brk->text != NULL)
        measure (brk->text, CHRONICLE_TEXT_TICK, &brk->text_width, &h, data);
    }

  chronicle_viewport_get_visible_range (layout->viewport, &vis_t0, &vis_t1);
  /* Years far from ours are named at length ("13.8 billion years ago"):
   * the steps leave room for the widest in view, at either end. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *text = format_tick (i == 0 ? vis_t0 : vis_t1, "%Y");
      double w = 0, h = 0;

      if (text != NULL)
        measure (text, CHRONICLE_TEXT_TICK, &w, &h, data);
      unit_width[UNIT_YEAR] = MAX (unit_width[UNIT_YEAR], w);
    }
  segments = chronicle_viewport_get_segments (layout->viewport, &n_segments);
  finest = get_finest_unit (layout, vis_t0, vis_t1);

  for (guint i = 0; i < n_segments; i++)
    {
      /* A break is a sliver of axis, unlabeled; zoomed into until it is
       * wide, it is just another (compressed) scale and gets dates too. */
      if (segments[i].is_break &&
          chronicle_viewport_to_px (layout->viewport, segments[i].t1) -
          chronicle_viewport_to_px (layout->viewport, segments[i].t0) < BREAK_TICKS_MIN_WIDTH)
        continue;
      add_segment_ticks (layout, &segments[i], i, finest, i == 0, i + 1 == n_segments,
                         vis_t0, vis_t1, unit_width, measure, data, pending);
    }

  /* Labels never overlap and stay inside the width. The labels saying
   * which day or year a section shows claim their place first, then the
   * major ones, then the minor ones fill in. A few dozen labels at most:
   * checking each against those accepted is cheap. */
  accepted = g_array_new (FALSE, FALSE, sizeof (PendingTick *));
  add_stretch_years (layout, segments, n_segments, vis_t0, vis_t1, measure, data, pending);
  for (int tier = 3; tier >= 0; tier--)
    {
      for (guint i = 0; i < pending->len; i++)
        {
          PendingTick *p = &g_array_index (pending, PendingTick, i);
          double left, right;
          gboolean fits = TRUE;

          if (p->text == NULL || p->tier != (guint) tier)
            continue;
          p->left = place_label_by_breaks (layout, p->x, p->width);
          /* A stretch's year is kept inside the chart, off-centre if need be,
           * and short where a break's text leaves it little room. */
          if (tier == 3)
            place_stretch_year (layout, p, measure, data);
          left = p->left;
          right = left + p->width;
          if (left < 0 || right > layout->width || covers_break_mark (layout, left, right))
            continue;

          for (guint j = 0; j < accepted->len && fits; j++)
            {
              PendingTick *q = g_array_index (accepted, PendingTick *, j);

              fits = right + TICK_LABEL_GAP <= q->left ||
                     left >= q->left + q->width + TICK_LABEL_GAP;
            }

          if (fits)
            {
              p->accepted = TRUE;
              g_array_append_val (accepted, p);
            }
        }
    }

  /* Zoomed far into a break, less than a day across on a timeline of
   * days, no tick falls in view: the day at the left edge, so that the
   * axis still names a date. */
  if (accepted->len == 0)
    {
      PendingTick p = { 0, };
      double h = 0;

      p.text = format_tick (vis_t0, get_format (UNIT_DAY, FORMAT_CONTEXT));
      if (p.text != NULL)
        measure (p.text, CHRONICLE_TEXT_TICK, &p.width, &h, data);
      p.major = TRUE;
      p.accepted = p.text != NULL && p.width <= layout->width;
      p.time = vis_t0;
      g_array_append_val (pending, p);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      PendingTick *p = &g_array_index (pending, PendingTick, i);
      ChronicleTick tick = { 0, };

      if (!p->accepted)
        g_clear_pointer (&p->text, g_free);

      tick.x = p->x;
      tick.text = g_steal_pointer (&p->text);
      tick.major = p->major;
      tick.label_width = tick.text != NULL ? p->width : 0;
      tick.label_x = tick.text != NULL ? p->left : p->x;
      g_array_append_val (layout->ticks, tick);
    }

  /* A stretch's own year tick is added after the others, at its
   * stretch's first instant: back in order along the axis, as the
   * painter, the image map and hit testing read them. */
  g_array_sort (layout->ticks, compare_tick_x);
}

/**
 * chronicle_layout_format_skip: (skip)
 * @seconds: length of a break
 *
 * Returns: (transfer full): how much time a break leaves out, in words
 *   rounded to the unit a reader counts it in: "3 years", "5 months",
 *   "40 days"
 */
char *
chronicle_layout_format_skip (double seconds)
{
  double days = seconds / 86400.0;
  double years = seconds / unit_seconds[UNIT_YEAR];
  double months = seconds / unit_seconds[UNIT_MONTH];

  /* Whole numbers take the plural form of their count, numbers with
   * decimals a message of their own (see chronicle_date_plural_count()). */
  if (years >= 1e9)
    {
      g_autofree char *n = g_strdup_printf ("%.3g", years / 1e9);
      gulong count;

      if (!chronicle_date_plural_count (n, &count))
        /* Translators: a skipped stretch of deep time, %s a number with decimals,
         * e.g. "4.5 billion years": the form your language uses after one */
        return g_strdup_printf (C_("decimal number", "%s billion years"), n);
      /* Translators: a skipped stretch of deep time, %s a whole number, e.g. "5 billion years" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s billion years", "%s billion years", count), n);
    }
  if (years >= 1e6)
    {
      g_autofree char *n = g_strdup_printf ("%.3g", years / 1e6);
      gulong count;

      if (!chronicle_date_plural_count (n, &count))
        /* Translators: a skipped stretch of deep time, %s a number with decimals,
         * e.g. "65.5 million years": the form your language uses after one */
        return g_strdup_printf (C_("decimal number", "%s million years"), n);
      /* Translators: a skipped stretch of deep time, %s a whole number, e.g. "65 million years" */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s million years", "%s million years", count), n);
    }
  if (years >= 1.5)
    {
      gulong n = (gulong) floor (years + 0.5);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu year", "%lu years", n), n);
    }
  if (months >= 1.5)
    {
      gulong n = (gulong) floor (months + 0.5);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu month", "%lu months", n), n);
    }

  {
    gulong n = (gulong) MAX (floor (days + 0.5), 1);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lu day", "%lu days", n), n);
  }
}

/* "15–16 May 2025", "24 Feb – 31 Mar 2022", "Dec 2021 – Jan 2022" ...:
 * the days [t0, t1) cover; over years, only the years. */
static char *
format_span (double t0,
             double t1)
{
  double last_second = MAX (t1 - 1, t0);
  gint64 y0, y1;
  int m0, d0, m1, d1;

  if (!get_civil (t0, &y0, &m0, &d0) || !get_civil (last_second, &y1, &m1, &d1))
    return NULL;

  /* Deep time has years only: "13.8 billion years ago", not its 1 January. */
  if (y1 - y0 < 2 && (y0 <= -CHRONICLE_DATE_DEEP_YEAR || y1 >= CHRONICLE_DATE_DEEP_YEAR))
    {
      g_autofree char *first = chronicle_date_format_year (y0);
      g_autofree char *last = chronicle_date_format_year (y1);

      return g_strcmp0 (first, last) == 0 ? g_steal_pointer (&first) : g_strdup_printf ("%s – %s", first, last);
    }

  if (y1 - y0 >= 2)
    {
      g_autofree char *first = NULL, *last = NULL;

      if (y0 >= 1 && y1 <= 9999)
        return g_strdup_printf ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT, y0, y1);
      /* "500 BC – 44 BC": the years as people read them. */
      first = chronicle_date_format_year (y0);
      last = chronicle_date_format_year (y1);
      return g_strdup_printf ("%s – %s", first, last);
    }

  if (y0 == y1 && m0 == m1 && d0 == d1)
    /* Translators: heading of a stretch of axis covering one day. */
    /* xgettext:no-c-format */
    return format_tick (t0, _("%-d %b %Y"));

  if (y0 == y1 && m0 == m1)
    {
      g_autofree char *first = format_tick (t0, "%-d");
      /* xgettext:no-c-format */
      g_autofree char *last = format_tick (last_second, _("%-d %b %Y"));

      return g_strdup_printf ("%s–%s", first, last);
    }

  if (y0 == y1)
    {
      /* Translators: start of a stretch heading within one year. */
      /* xgettext:no-c-format */
      g_autofree char *first = format_tick (t0, _("%-d %b"));
      /* xgettext:no-c-format */
      g_autofree char *last = format_tick (last_second, _("%-d %b %Y"));

      return g_strdup_printf ("%s – %s", first, last);
    }

  {
    /* xgettext:no-c-format */
    g_autofree char *first = format_tick (t0, _("%-d %b %Y"));
    /* xgettext:no-c-format */
    g_autofree char *last = format_tick (last_second, _("%-d %b %Y"));

    return g_strdup_printf ("%s – %s", first, last);
  }
}

/* Stretches whose scales differ by more than this ratio get headings. */
#define SCALE_SAME 1.05

/* Where a heading @width wide may start near @x without covering the
 * text of a break that had to leave the tick row ("3 years" shares the
 * headings' row, which is always kept so that the axis does not move):
 * past it, else before it; -1 when neither fits. */
static double
place_heading_by_breaks (const ChronicleLayout *layout,
                         double                 x,
                         double                 width)
{
  for (guint i = 0; i < layout->breaks->len; i++)
    {
      const ChronicleLayoutBreak *brk = &g_array_index (layout->breaks, ChronicleLayoutBreak, i);
      double mid = (brk->x0 + brk->x1) / 2;
      double lo = mid - brk->text_width / 2 - TICK_LABEL_GAP;
      double hi = mid + brk->text_width / 2 + TICK_LABEL_GAP;

      if (!brk->text_below || brk->text == NULL || x >= hi || x + width <= lo)
        continue;
      if (hi + width <= layout->width)
        x = hi;
      else if (lo - width >= 0)
        x = lo - width;
      else
        return -1;
    }

  return x;
}

/* A stretch headed "18 Mar 1990" does not also need a tick saying
 * "1990" just under it: the reader sees the year already, twice in a few
 * px with the next stretch's. Its tick labels that are only a year the
 * heading names are left out (the marks stay), and so is one saying the
 * whole heading: a stretch of one day read "9 Aug 1963" twice, the tick
 * over its heading. */
static void
drop_headed_years (ChronicleLayout            *layout,
                   const ChronicleAxisSegment *seg,
                   const char                 *heading)
{
  double x0 = chronicle_viewport_to_px (layout->viewport, seg->t0);
  double x1 = chronicle_viewport_to_px (layout->viewport, seg->t1);

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);
      const char *p;

      if (tick->text == NULL || tick->x < x0 || tick->x > x1)
        continue;
      for (p = tick->text; g_ascii_isdigit (*p); p++)
        ;
      if (strcmp (tick->text, heading) != 0 &&
          (p == tick->text || *p != '\0' || strstr (heading, tick->text) == NULL))
        continue;
      g_clear_pointer (&tick->text, g_free);
      tick->label_width = 0;
    }
}

/* The display date of the one event in [@t0, @t1), when it has one:
 * TimelineJS's cosmological timeline dates "Today" year 0, to be read
 * "Now", and a heading "1 Jan – 31 Dec 1 BC" said what the file chose not
 * to. NULL otherwise. */
static char *
dup_display_heading (ChronicleLayout *layout,
                     double           t0,
                     double           t1)
{
  const char *display;
  guint first = 0, last = 0;

  if (layout->timeline == NULL ||
      !chronicle_timeline_get_range (layout->timeline, (gint64) floor (t0), (gint64) ceil (t1) - 1, &first, &last) ||
      last != first + 1)
    return NULL;

  display = chronicle_timeline_get_event_display_date (layout->timeline, first);
  if (display == NULL || chronicle_text_is_blank (display))
    return NULL;

  return g_strdup (chronicle_layout_display_text (layout, display));
}

/* The tick labels of a stretch headed by its event's display date: the
 * calendar's reading of the same year ("1 BC" under "Now") is dropped. */
static void
drop_tick_labels (ChronicleLayout            *layout,
                  const ChronicleAxisSegment *seg)
{
  double x0 = chronicle_viewport_to_px (layout->viewport, seg->t0);
  double x1 = chronicle_viewport_to_px (layout->viewport, seg->t1);

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      ChronicleTick *tick = &g_array_index (layout->ticks, ChronicleTick, i);

      if (tick->text == NULL || tick->x < x0 || tick->x > x1)
        continue;
      g_clear_pointer (&tick->text, g_free);
      tick->label_width = 0;
    }
}

/**
 * chronicle_layout_compute_stretches: (skip)
 *
 * Where breaks give the stretches in view different scales, heads each
 * visible stretch with the span it covers, so a reader comparing a bar
 * left of a break with one right of it is told the scales differ. Fills
 * layout->stretches (the y of the rects is set once the axis is placed).
 */
void
chronicle_layout_compute_stretches (ChronicleLayout      *layout,
                                    ChronicleMeasureFunc  measure,
                                    gpointer              data)
{
  const ChronicleViewport *vp = layout->viewport;
  const ChronicleAxisSegment *segments;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) candidate_segments = NULL;
  double min_scale = G_MAXDOUBLE, max_scale = 0, right_end = -G_MAXDOUBLE, left_end = layout->width;
  guint n_segments, n_visible = 0;

  segments = chronicle_viewport_get_segments (vp, &n_segments);

  for (guint i = 0; i < n_segments; i++)
    {
      double x0 = chronicle_viewport_to_px (vp, segments[i].t0);
      double x1 = chronicle_viewport_to_px (vp, segments[i].t1);
      double scale = (x1 - x0) / (segments[i].t1 - segments[i].t0);

      if (segments[i].is_break || x1 < 0 || x0 > layout->width)
        continue;
      n_visible++;
      min_scale = MIN (min_scale, scale);
      max_scale = MAX (max_scale, scale);
    }

  if (n_visible < 2 || max_scale <= min_scale * SCALE_SAME)
    return;

  candidates = g_array_new (FALSE, TRUE, sizeof (ChronicleLayoutStretch));
  candidate_segments = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_segments; i++)
    {
      const ChronicleAxisSegment *seg = &segments[i];
      ChronicleLayoutStretch stretch = { 0, };
      double w = 0, h = 0, mid;

      if (seg->is_break)
        continue;
      /* The span its events cover, which the heading names. */
      stretch.x0 = MAX (chronicle_viewport_to_px (vp, seg->data_t0), 0);
      stretch.x1 = MIN (chronicle_viewport_to_px (vp, seg->data_t1), layout->width);
      if (stretch.x1 < stretch.x0)
        continue;

      stretch.text = dup_display_heading (layout, seg->data_t0, seg->data_t1);
      if (stretch.text != NULL)
        stretch.display_date = TRUE;
      else
        stretch.text = format_span (seg->data_t0, seg->data_t1);
      if (stretch.text == NULL)
        continue;
      measure (stretch.text, CHRONICLE_TEXT_TICK, &w, &h, data);

      /* Centred on the stretch, inside the chart. */
      mid = (stretch.x0 + stretch.x1) / 2;
      stretch.rect.x = CLAMP (mid - w / 2, 0, MAX (layout->width - w, 0));
      stretch.rect.width = w;
      stretch.rect.height = h;
      g_array_append_val (candidates, stretch);
      g_array_append_val (candidate_segments, i);
    }

  /* Narrow stretches side by side at the right end push their headings
   * left, as far as needed, so that the last one still ends inside the
   * chart ... */
  for (guint i = candidates->len; i-- > 0;)
    {
      ChronicleLayoutStretch *stretch = &g_array_index (candidates, ChronicleLayoutStretch, i);

      stretch->rect.x = MIN (stretch->rect.x, left_end - stretch->rect.width);
      left_end = stretch->rect.x - TICK_LABEL_GAP;
    }

  /* ... and from the left, never over the previous heading: a narrow
   * stretch lets its heading run over the break on the side with room. */
  for (guint i = 0; i < candidates->len; i++)
    {
      ChronicleLayoutStretch stretch = g_array_index (candidates, ChronicleLayoutStretch, i);
      double w = stretch.rect.width;

      stretch.rect.x = MAX (stretch.rect.x, MAX (right_end + TICK_LABEL_GAP, 0));
      stretch.rect.x = place_heading_by_breaks (layout, stretch.rect.x, w);
      if (stretch.rect.x < 0 || stretch.rect.x < right_end + TICK_LABEL_GAP || stretch.rect.x + w > layout->width)
        {
          /* No room beside the break's text or the other headings: the
           * stretch goes unheaded rather than printing over them or
           * past the edge. */
          g_free (stretch.text);
          continue;
        }
      right_end = stretch.rect.x + w;
      if (stretch.display_date)
        drop_tick_labels (layout, &segments[g_array_index (candidate_segments, guint, i)]);
      else
        drop_headed_years (layout, &segments[g_array_index (candidate_segments, guint, i)], stretch.text);
      g_array_append_val (layout->stretches, stretch);
    }
}
