/* chronicle-layout-events.c
 *
 * Copyright 2026 The Chronicle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "chronicle-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "chronicle-layout-private.h"

/* Events: each gets a lane above or below the axis for its label, or
 * folds into a cluster; the vertical structure follows from the lanes. */

#define LANE_GAP          6.0     /* between lanes */
#define LABEL_GAP         8.0     /* between labels in a lane */
#define BAR_GAP           2.0     /* between a label box and its bar */
#define AXIS_CLEAR        (CHRONICLE_PILL_HEIGHT + 8.0)
#define DAY_BAR_MIN       30.0    /* px: narrower days are drawn as markers */
#define ONGOING_TAG       0x7fffffffu

static void
append_item (ChronicleLayout           *self,
             const ChronicleLayoutItem *item)
{
  g_array_append_val (self->items, *item);
}

static void
rect_union_x (const ChronicleRect *r,
              double              *left,
              double              *right)
{
  if (r->width <= 0)
    return;
  *left = MIN (*left, r->x);
  *right = MAX (*right, r->x + r->width);
}

static guint
get_event_category (ChronicleTimeline *timeline,
                    guint              position)
{
  const char *id = chronicle_timeline_get_event_category_id (timeline, position);

  if (id == NULL)
    return G_MAXUINT;

  return chronicle_timeline_get_category_index (timeline, id);
}

/* Lane geometry: @lane > 0 above the axis, < 0 below. */
static void
get_lane_geometry (const ChronicleLayout *self,
                   double                 lane_h,
                   double                 box_h,
                   double                 tick_area,
                   int                    lane,
                   double                *box_y,
                   double                *bar_y)
{
  if (lane > 0)
    {
      double slot_top = self->axis_y - AXIS_CLEAR - lane * lane_h;

      *box_y = slot_top + LANE_GAP / 2;
      *bar_y = *box_y + box_h + BAR_GAP + CHRONICLE_BAR_HEIGHT / 2;
    }
  else
    {
      double slot_top = self->axis_y + tick_area + (-lane - 1) * lane_h;

      *bar_y = slot_top + LANE_GAP / 2 + CHRONICLE_BAR_HEIGHT / 2;
      *box_y = slot_top + LANE_GAP / 2 + CHRONICLE_BAR_HEIGHT + BAR_GAP;
    }
}

/* How precise the event's date is: the coarser of its two ends. */
static ChronicleMarkKind
get_mark_kind (ChronicleTimeline *timeline,
               guint              position)
{
  const ChronicleDate *date = chronicle_timeline_get_event_date (timeline, position);
  const ChronicleDate *end = chronicle_timeline_get_event_end (timeline, position);
  guint precision = date->precision;

  if (end != NULL)
    precision = MIN (precision, end->precision);

  switch (precision)
    {
    case CHRONICLE_DATE_PRECISION_YEAR:
      return CHRONICLE_MARK_YEAR;
    case CHRONICLE_DATE_PRECISION_MONTH:
      return CHRONICLE_MARK_MONTH;
    case CHRONICLE_DATE_PRECISION_DAY:
      return CHRONICLE_MARK_DAY;
    default:
      return end != NULL ? CHRONICLE_MARK_TIMED_RANGE : CHRONICLE_MARK_TIMED_POINT;
    }
}

/* Sets the item's kind and x range. */
static void
shape_item (ChronicleLayout     *self,
            guint                position,
            ChronicleLayoutItem *item)
{
  const ChronicleDate *date = chronicle_timeline_get_event_date (self->timeline, position);

  item->mark = get_mark_kind (self->timeline, position);
  chronicle_layout_set_item_text (self, position, item);

  /* Precision decides the shape: a month or a range is drawn across its
   * whole span; an instant, or a day narrower than DAY_BAR_MIN, is a
   * point at the middle of what it denotes. */
  /* (A range, or a date coarser than a day: chronicle_event_is_span().) */
  if (chronicle_timeline_get_event_end (self->timeline, position) != NULL ||
      date->precision <= CHRONICLE_DATE_PRECISION_MONTH ||
      (date->precision == CHRONICLE_DATE_PRECISION_DAY && item->x2 - item->x >= DAY_BAR_MIN))
    {
      item->kind = CHRONICLE_ITEM_BAR;
      return;
    }

  item->kind = CHRONICLE_ITEM_MARKER;
  /* A day too narrow for a bar: the marker's whisker shows the day. */
  if (item->mark != CHRONICLE_MARK_TIMED_POINT)
    item->whisker = (item->x2 - item->x) / 2;
  item->x = item->x2 = (item->x + item->x2) / 2;
}

static int
compare_item_index (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const ChronicleLayoutItem *items = user_data;
  const ChronicleLayoutItem *ia = &items[*(const guint *) a];
  const ChronicleLayoutItem *ib = &items[*(const guint *) b];

  if (ia->x < ib->x)
    return -1;
  if (ia->x > ib->x)
    return 1;
  if (ia->first_event != ib->first_event)
    return ia->first_event < ib->first_event ? -1 : 1;
  return 0;
}

static gboolean
collect_position (ChronicleTimeline *timeline,
                  guint              position,
                  ChronicleEvent    *event,
                  gpointer           user_data)
{
  g_array_append_val ((GArray *) user_data, position);
  return TRUE;
}

/* The side an event's id asks for (0 above, 1 below): from a hash of the
 * id (FNV-1a, stable across processes, unlike chronicle_str_hash()), or
 * the timeline position for an event without one. */
static guint
hash_side (ChronicleTimeline *timeline,
           guint              position)
{
  const char *id = chronicle_timeline_get_event_id (timeline, position);
  guint32 h = 2166136261u;

  if (id == NULL)
    return position & 1;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    {
      h ^= *p;
      h *= 16777619u;
    }

  return (h >> 24) & 1;
}

#define SIDE_LOOKBACK 8

/* The side of the axis an event's label takes (0 above, 1 below): a
 * property of the event and its neighbours in time, so that it stays when
 * the view zooms, pans, searches or filters, and is the same in every
 * export. The hash alone put 9 of the example's 11 labels below the axis:
 * in a run of events whose ids ask for the same side, every other one
 * takes the other side. Looks back at most SIDE_LOOKBACK events, so an
 * edit moves only the few after it. */
static guint
event_side (ChronicleTimeline *timeline,
            guint              position)
{
  guint side = hash_side (timeline, position);
  guint run = 0;

  while (run < SIDE_LOOKBACK && run < position &&
         hash_side (timeline, position - run - 1) == side)
    run++;

  return side ^ (run & 1);
}

/* Lanes [lane0, lane1) kept for the selected event's label over
 * [left, right): taken before the sweep reaches it, so that the events
 * at its instant cannot fill every lane first. lane0 == lane1: none. */
typedef struct
{
  guint  lane0;
  guint  lane1;
  double left;
  double right;
} LaneReserve;

static gboolean
lane_reserved (const LaneReserve *reserve,
               guint              l,
               double             left,
               double             right)
{
  return l >= reserve->lane0 && l < reserve->lane1 &&
         left < reserve->right + LABEL_GAP && right + LABEL_GAP > reserve->left;
}

/* The first lane of @side, nearest the axis first, free over [@left,
 * @right] (and the one beyond it too for a label of two lines); -1 when
 * none. */
static gboolean
lane_free (const double      *lane_end,
           const LaneReserve *reserve,
           guint              l,
           guint              lane1,
           double             left,
           double             right,
           gboolean           two_lines)
{
  return l < lane1 && lane_end[l] <= left && !lane_reserved (reserve, l, left, right) &&
         (!two_lines || (l + 1 < lane1 && lane_end[l + 1] <= left && !lane_reserved (reserve, l + 1, left, right)));
}

/* @preferred (a lane index, or G_MAXUINT) is tried first: the lane the
 * event had in the frame before. */
static int
find_lane (const double      *lane_end,
           const LaneReserve *reserve,
           guint              lane0,
           guint              lane1,
           double             left,
           double             right,
           gboolean           two_lines,
           guint              preferred)
{
  if (preferred >= lane0 && lane_free (lane_end, reserve, preferred, lane1, left, right, two_lines))
    return (int) preferred;
  for (guint l = lane0; l < lane1; l++)
    if (lane_free (lane_end, reserve, l, lane1, left, right, two_lines))
      return (int) l;
  return -1;
}

/* Same for the ongoing events: a lane still free from the left edge up
 * to past @right. */
static int
find_lane_before (const double *lane_start,
                  guint         lane0,
                  guint         lane1,
                  double        right,
                  gboolean      two_lines,
                  guint         preferred)
{
  if (preferred >= lane0 && preferred < lane1 && right + LABEL_GAP <= lane_start[preferred] &&
      (!two_lines || (preferred + 1 < lane1 && right + LABEL_GAP <= lane_start[preferred + 1])))
    return (int) preferred;
  for (guint l = lane0; l < lane1; l++)
    if (right + LABEL_GAP <= lane_start[l] &&
        (!two_lines || (l + 1 < lane1 && right + LABEL_GAP <= lane_start[l + 1])))
      return (int) l;
  return -1;
}

/* Measures @item's label (wrapping titles wider than @max_line) and finds
 * it a lane: on *@side, or for a new event the other side when that one
 * has no room (or only it has two lanes for a wrapped title). Returns the
 * lane index, -1 when none. */
static int
place_label (ChronicleLayout      *self,
             ChronicleLayoutItem  *item,
             ChronicleMeasureFunc  measure,
             gpointer              data,
             const double         *lane_end,
             const LaneReserve    *reserve,
             const guint          *side_lane0,
             const guint          *side_lane1,
             gboolean              two_here,
             gboolean              two_other,
             double                max_line,
             gboolean              known,
             guint                 preferred,
             guint                *side,
             double               *left,
             double               *right,
             gboolean             *cut)
{
  int l;

  if (!chronicle_layout_measure_label (self, item, measure, data, left, right, cut, max_line))
    return -1;

  /* (An event placed before keeps its side, strictly.) */
  if (item->text2 != NULL && !two_here && !known)
    *side = 1 - *side;
  l = find_lane (lane_end, reserve, side_lane0[*side], side_lane1[*side], *left, *right, item->text2 != NULL, preferred);
  if (l < 0 && !known)
    {
      *side = 1 - *side;
      l = find_lane (lane_end, reserve, side_lane0[*side], side_lane1[*side], *left, *right, item->text2 != NULL,
                     G_MAXUINT);
    }
  return l;
}

/* The side and lane index @event had before: FALSE when it is new. */
static gboolean
recall_placement (ChronicleLayout *self,
                  guint            position,
                  guint            n_above,
                  guint           *side,
                  guint           *lane)
{
  const char *id = chronicle_timeline_get_event_id (self->timeline, position);
  int remembered;

  if (self->options.placements == NULL || id == NULL)
    return FALSE;
  remembered = GPOINTER_TO_INT (g_hash_table_lookup (self->options.placements, id));
  if (remembered == 0)
    return FALSE;

  *side = remembered > 0 ? 0 : 1;
  *lane = remembered > 0 ? (guint) remembered - 1 : n_above + (guint) -remembered - 1;
  return TRUE;
}

static void
remember_placement (ChronicleLayout *self,
                    guint            position,
                    int              lane)
{
  const char *id = chronicle_timeline_get_event_id (self->timeline, position);

  /* (An insert over a present key frees the key passed: dup only when
   * the lane changed.) */
  if (self->options.placements == NULL || id == NULL ||
      GPOINTER_TO_INT (g_hash_table_lookup (self->options.placements, id)) == lane)
    return;
  g_hash_table_insert (self->options.placements, g_strdup (id), GINT_TO_POINTER (lane));
}

/* Adds the label placed for the event at @pos, the @k-th in range, in
 * @lane (positive above the axis, negative below), and remembers its
 * lane for the next frame. */
static void
add_label (ChronicleLayout     *self,
           ChronicleLayoutItem *item,
           guint                pos,
           int                  lane,
           gboolean             cut,
           GArray              *runs,
           guint                k)
{
  if (cut)
    self->n_cut_titles++;
  item->first_event = pos;
  item->last_event = pos;
  item->n_events = 1;
  item->category = get_event_category (self->timeline, pos);
  item->lane = lane;
  remember_placement (self, pos, item->lane);

  chronicle_layout_mark_events (runs, k, k, self->items->len);
  append_item (self, item);
}

static double
min_of (const double *values,
        guint         from,
        guint         to,
        double        none)
{
  double m = from < to ? G_MAXDOUBLE : none;

  for (guint i = from; i < to; i++)
    m = MIN (m, values[i]);
  return m;
}

/* The selected event, when it starts in view: its label is measured and
 * its lane(s) kept before the sweep, nearest the axis on its side (or in
 * the lane it had before). Returns its range index, G_MAXUINT when there
 * is none to place so. */
static guint
reserve_selected (ChronicleLayout      *self,
                  ChronicleMeasureFunc  measure,
                  gpointer              data,
                  double               *lane_start,
                  const guint          *side_lane0,
                  const guint          *side_lane1,
                  guint                 n_ongoing,
                  ChronicleLayoutItem  *item,
                  int                  *lane,
                  gboolean             *cut,
                  LaneReserve          *reserve)
{
  guint pos = self->options.selected, n_above = side_lane1[0], side, preferred, l;
  double s, e, vis_t0, vis_t1, left, right;
  gboolean two;

  if (!self->options.has_selected || self->n_range == 0 ||
      pos < self->first_visible + n_ongoing || pos - self->first_visible >= self->n_range)
    return G_MAXUINT;

  chronicle_viewport_get_visible_range (self->viewport, &vis_t0, &vis_t1);
  s = chronicle_viewport_position_start (self->viewport, self->timeline, pos);
  e = chronicle_viewport_position_end (self->viewport, self->timeline, pos);
  if (e <= vis_t0 || s >= vis_t1)
    return G_MAXUINT;

  item->x = chronicle_viewport_to_px (self->viewport, s);
  item->x2 = chronicle_viewport_to_px (self->viewport, e);
  shape_item (self, pos, item);

  if (!recall_placement (self, pos, n_above, &side, &preferred))
    {
      side = event_side (self->timeline, pos);
      preferred = G_MAXUINT;
    }
  if (side_lane0[side] == side_lane1[side])
    {
      side = 1 - side;
      preferred = G_MAXUINT;
    }
  if (side_lane0[side] == side_lane1[side])
    return G_MAXUINT;

  two = side_lane1[side] - side_lane0[side] >= 2;
  if (!chronicle_layout_measure_label (self, item, measure, data, &left, &right, cut,
                                       two ? CHRONICLE_LABEL_MAX_TEXT : G_MAXDOUBLE))
    return G_MAXUINT;

  l = side_lane0[side];
  if (preferred >= side_lane0[side] && preferred + (item->text2 != NULL) < side_lane1[side])
    l = preferred;

  reserve->lane0 = l;
  reserve->lane1 = l + 1 + (item->text2 != NULL);
  reserve->left = left;
  reserve->right = right;
  for (guint taken = reserve->lane0; taken < reserve->lane1; taken++)
    lane_start[taken] = MIN (lane_start[taken], left);
  *lane = side == 0 ? (int) l + 1 : -((int) l - (int) n_above + 1);

  return pos - self->first_visible;
}

void
chronicle_layout_place_events (ChronicleLayout      *self,
                               ChronicleMeasureFunc  measure,
                               gpointer              data,
                               double                lanes_top,
                               double                tick_area)
{
  g_autoptr(GArray) clusters = g_array_new (FALSE, FALSE, sizeof (ChronicleLayoutCluster));
  g_autoptr(GArray) ongoing = NULL;
  g_autoptr(GArray) ongoing_runs = NULL;
  g_autofree double *lane_end = NULL;
  g_autofree double *lane_start = NULL;
  g_autofree guint *cluster_item = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *new_index = NULL;
  GArray *sorted;
  double vis_t0, vis_t1, box_h, lane_h, room, extra, min_lane_end[2], max_lane_start;
  double ongoing_x_last = 0;
  guint first = 0, last = 0, n_lanes, n_above;
  guint side_lane0[2], side_lane1[2];
  guint n_ongoing = 0, n_ongoing_folded = 0, ongoing_first = 0, ongoing_last = 0;
  gint64 from, to;
  int zone, reach;
  LaneReserve reserve = { 0, 0, 0, 0 };
  ChronicleLayoutItem selected_item = { 0, };
  guint selected_k;
  int selected_lane = 0;
  gboolean selected_cut = FALSE;

  box_h = self->label_height + 2 * CHRONICLE_LABEL_PAD_Y;
  lane_h = box_h + BAR_GAP + CHRONICLE_BAR_HEIGHT + LANE_GAP;

  /* Lanes: as many as fit between the era row and the legend, half
   * above the axis and half below. The axis stays where this puts it,
   * whichever lanes are used, so that it does not move while the view
   * is dragged or filtered. */
  room = self->plot_bottom - lanes_top - AXIS_CLEAR - tick_area;
  n_lanes = room > 0 ? (guint) floor (room / lane_h) : 0;
  n_above = (n_lanes + 1) / 2;
  self->n_lanes_above = n_above;
  self->n_lanes_below = n_lanes - n_above;
  side_lane0[0] = 0;
  side_lane1[0] = n_above;
  side_lane0[1] = n_above;
  side_lane1[1] = n_lanes;

  /* Each lane is free left of lane_start and right of lane_end. */
  lane_end = g_new (double, MAX (n_lanes, 1));
  lane_start = g_new (double, MAX (n_lanes, 1));
  for (guint i = 0; i < n_lanes; i++)
    {
      lane_end[i] = -G_MAXDOUBLE;
      lane_start[i] = G_MAXDOUBLE;
    }
  for (guint side = 0; side < 2; side++)
    min_lane_end[side] = min_of (lane_end, side_lane0[side], side_lane1[side], G_MAXDOUBLE);

  chronicle_viewport_get_visible_range (self->viewport, &vis_t0, &vis_t1);
  /* The timeline indexes UTC times; the window is in the display zone,
   * where dates with an offset are moved by it and floating ones are not:
   * look at both. */
  zone = chronicle_viewport_get_zone_offset (self->viewport);
  reach = chronicle_viewport_get_zone_reach (self->viewport);
  from = (gint64) floor (vis_t0) - reach;
  to = (gint64) ceil (vis_t1) + reach;

  /* [first, last) is a superset of the visible events; the loop skips
   * those that end before the window. */
  if (chronicle_timeline_get_range (self->timeline, from, to, &first, &last))
    {
      self->first_visible = first;
      self->n_range = last - first;
    }
  ongoing_runs = g_array_new (FALSE, FALSE, sizeof (ChronicleLayoutRun));

  /* Events already going on when the window starts come first in the
   * range. They are context: laid out after those that start in view, in
   * whatever lanes stay free, so a zoomed view shows its own events
   * rather than a stack of long spans from the past. */
  if (self->n_range > 0)
    {
      guint lb = chronicle_timeline_lower_bound (self->timeline, (gint64) ceil (vis_t0) - zone);

      n_ongoing = CLAMP (lb, self->first_visible, self->first_visible + self->n_range) - self->first_visible;
    }

  selected_k = reserve_selected (self, measure, data, lane_start, side_lane0, side_lane1, n_ongoing,
                                 &selected_item, &selected_lane, &selected_cut, &reserve);
  self->fold_stop = selected_k;

  for (guint k = n_ongoing; k < self->n_range; k++)
    {
      guint pos = self->first_visible + k;
      double s = chronicle_viewport_position_start (self->viewport, self->timeline, pos);
      double e = chronicle_viewport_position_end (self->viewport, self->timeline, pos);
      ChronicleLayoutItem item = { 0, };
      double left0, left, right, any_lane_end;
      gboolean cut = FALSE, known, two_here, two_other;
      guint side, first_side, preferred;
      const char *full_text;
      int l = -1;

      if (e <= vis_t0 || s >= vis_t1)
        continue;
      self->n_visible++;

      if (k == selected_k)
        {
          add_label (self, &selected_item, pos, selected_lane, selected_cut, self->event_runs, k);
          self->fold_stop = G_MAXUINT;
          continue;
        }

      item.x = chronicle_viewport_to_px (self->viewport, s);
      item.x2 = chronicle_viewport_to_px (self->viewport, e);
      /* Cheap test before looking at the event further: can a lane of
       * either side take a label starting here? When not, this event and
       * all that follow up to where a lane frees (or the cluster is full)
       * fold into the same cluster: found by binary search, not one by
       * one, so a fitted view of 100 000 events costs about one step per
       * label and per cluster. Then the same for the event's side: the
       * one it had before, strictly; a new event takes its own side, or
       * the other when that is full here. */
      left0 = MIN (MAX (item.x, 0) - CHRONICLE_LABEL_STRIP / 2, self->width - CHRONICLE_LABEL_MIN_WIDTH);
      any_lane_end = MIN (min_lane_end[0], min_lane_end[1]);
      side = 0;
      preferred = G_MAXUINT;
      known = FALSE;
      if (left0 >= any_lane_end)
        {
          known = recall_placement (self, pos, n_above, &side, &preferred);
          if (!known)
            {
              side = event_side (self->timeline, pos);
              preferred = G_MAXUINT;
              if (side_lane0[side] == side_lane1[side] || left0 < min_lane_end[side])
                side = 1 - side;
            }
        }
      if (left0 < any_lane_end || left0 < min_lane_end[side])
        {
          guint cluster = chronicle_layout_fold_event (clusters, pos, CLAMP (item.x, 0, self->width));

          chronicle_layout_mark_events (self->event_runs, k, k, CHRONICLE_CLUSTER_TAG | cluster);
          k = chronicle_layout_fold_following (self, clusters, cluster, k,
                                               any_lane_end <= self->width - CHRONICLE_LABEL_MIN_WIDTH
                                                 ? any_lane_end + CHRONICLE_LABEL_STRIP / 2
                                                 : G_MAXDOUBLE,
                                               vis_t1);
          continue;
        }

      shape_item (self, pos, &item);
      /* A long title wraps when two lanes are free here, on its side or,
       * for a new event, on the other: cutting it when the other side had
       * room left a title cut in a chart with room. */
      first_side = side;
      two_here = find_lane (lane_end, &reserve, side_lane0[side], side_lane1[side], left0, left0, TRUE, G_MAXUINT) >= 0;
      two_other = !known && find_lane (lane_end, &reserve, side_lane0[1 - side], side_lane1[1 - side], left0, left0,
                                       TRUE, G_MAXUINT) >= 0;
      /* Without two free lanes a long title goes on one line, whole
       * while a lane has the width (Genscher's 86 characters were cut at
       * 340 px in a slide with room), else cut. */
      full_text = item.text;
      l = place_label (self, &item, measure, data, lane_end, &reserve, side_lane0, side_lane1, two_here, two_other,
                       two_here || two_other ? CHRONICLE_LABEL_MAX_TEXT : G_MAXDOUBLE, known, preferred,
                       &side, &left, &right, &cut);
      if (l < 0 && !(two_here || two_other) &&
          (item.text2 != NULL || item.label.width > CHRONICLE_LABEL_MAX_TEXT + CHRONICLE_LABEL_MIN_WIDTH))
        {
          side = first_side;
          item.text = full_text;
          l = place_label (self, &item, measure, data, lane_end, &reserve, side_lane0, side_lane1, two_here, two_other,
                           0, known, preferred, &side, &left, &right, &cut);
        }
      /* A title of one line that no lane takes may fit on two, in half
       * the width: Apollo 11's splashdown, near the right edge, ended at
       * its date on one line 316 px long and folded into a "+1", though
       * two lanes were free for half that. Fold only when that fails too. */
      if (l < 0 && (two_here || two_other) && item.text2 == NULL && item.text != NULL &&
          item.label.width > CHRONICLE_LABEL_MAX_TEXT / 2 + CHRONICLE_LABEL_MIN_WIDTH)
        {
          side = first_side;
          item.text = full_text;
          l = place_label (self, &item, measure, data, lane_end, &reserve, side_lane0, side_lane1, two_here, two_other,
                           CHRONICLE_LABEL_MAX_TEXT / 2, known, preferred, &side, &left, &right, &cut);
        }

      /* No lane takes this label: what follows within the cluster's span
       * folds into it unmeasured, or a dense right edge would measure
       * thousands of titles to place none. */
      if (l < 0)
        {
          /* (At its start, not at the middle of its day where a marker is
           * drawn: the events folded after it start later, not later than
           * that middle.) */
          guint cluster = chronicle_layout_fold_event (clusters, pos,
                                                       CLAMP (chronicle_viewport_to_px (self->viewport, s), 0, self->width));

          chronicle_layout_mark_events (self->event_runs, k, k, CHRONICLE_CLUSTER_TAG | cluster);
          k = chronicle_layout_fold_following (self, clusters, cluster, k, G_MAXDOUBLE, vis_t1);
          continue;
        }

      for (guint taken = (guint) l; taken <= (guint) l + (item.text2 != NULL); taken++)
        {
          lane_end[taken] = right + LABEL_GAP;
          lane_start[taken] = MIN (lane_start[taken], left);
        }
      min_lane_end[side] = min_of (lane_end, side_lane0[side], side_lane1[side], G_MAXDOUBLE);

      add_label (self, &item, pos, side == 0 ? l + 1 : -(l - (int) n_above + 1), cut, self->event_runs, k);
    }

  /* The ongoing events: a lane takes one when the lane is still free
   * from the left edge up to past its label and bar. */
  max_lane_start = -G_MAXDOUBLE;
  for (guint l = 0; l < n_lanes; l++)
    max_lane_start = MAX (max_lane_start, lane_start[l]);

  /* Only those still going on at the window's start: the range before
   * it can hold thousands of events that ended long ago (pulled in by one
   * long range), and the model skips them in blocks without touching
   * each event. */
  ongoing = g_array_new (FALSE, FALSE, sizeof (guint));
  if (n_ongoing > 0)
    chronicle_timeline_foreach_in_range (self->timeline, from, (gint64) ceil (vis_t0) + reach, collect_position, ongoing);

  for (guint o = 0; o < ongoing->len; o++)
    {
      guint pos = g_array_index (ongoing, guint, o);
      guint k = pos - self->first_visible;
      double e = chronicle_viewport_position_end (self->viewport, self->timeline, pos);
      ChronicleLayoutItem item = { 0, };
      double left, right;
      gboolean cut = FALSE, known;
      guint side, preferred;
      int l = -1;

      if (e <= vis_t0 || k >= n_ongoing)
        continue;
      self->n_visible++;

      item.x = chronicle_viewport_to_px (self->viewport, chronicle_viewport_position_start (self->viewport, self->timeline, pos));
      item.x2 = chronicle_viewport_to_px (self->viewport, e);
      known = recall_placement (self, pos, n_above, &side, &preferred);
      if (!known)
        {
          side = event_side (self->timeline, pos);
          preferred = G_MAXUINT;
          if (side_lane0[side] == side_lane1[side])
            side = 1 - side;
        }

      if (MIN (item.x2, self->width) + LABEL_GAP <= max_lane_start)
        {
          shape_item (self, pos, &item);
          if (chronicle_layout_measure_label (self, &item, measure, data, &left, &right, &cut, CHRONICLE_LABEL_MAX_TEXT))
            {
              l = find_lane_before (lane_start, side_lane0[side], side_lane1[side], right, item.text2 != NULL,
                                    preferred);
              if (l < 0 && !known)
                {
                  side = 1 - side;
                  l = find_lane_before (lane_start, side_lane0[side], side_lane1[side], right, item.text2 != NULL,
                                        G_MAXUINT);
                }
            }
        }

      if (l < 0)
        {
          chronicle_layout_mark_events (ongoing_runs, k, k, ONGOING_TAG);
          n_ongoing_folded++;
          ongoing_x_last = MAX (ongoing_x_last, CLAMP (MIN (item.x2, item.x + CHRONICLE_CLUSTER_SPAN), 0, CHRONICLE_CLUSTER_SPAN));
          if (n_ongoing_folded == 1)
            ongoing_first = pos;
          ongoing_last = MAX (ongoing_last, pos);
          continue;
        }

      for (guint taken = (guint) l; taken <= (guint) l + (item.text2 != NULL); taken++)
        {
          lane_start[taken] = left;
          if (lane_end[taken] == -G_MAXDOUBLE)
            lane_end[taken] = right + LABEL_GAP;
        }
      max_lane_start = -G_MAXDOUBLE;
      for (guint j = 0; j < n_lanes; j++)
        max_lane_start = MAX (max_lane_start, lane_start[j]);

      add_label (self, &item, pos, side == 0 ? l + 1 : -(l - (int) n_above + 1), cut, ongoing_runs, k);
    }

  /* Folded ongoing events join the cluster at the left edge, or make it:
   * clusters stay in x order for chronicle_layout_place_clusters(). */
  if (n_ongoing_folded > 0)
    {
      guint target = 0;

      if (clusters->len > 0 && g_array_index (clusters, ChronicleLayoutCluster, 0).x_first <= CHRONICLE_CLUSTER_SPAN)
        {
          ChronicleLayoutCluster *c = &g_array_index (clusters, ChronicleLayoutCluster, 0);

          c->n_events += n_ongoing_folded;
          c->first_event = MIN (c->first_event, ongoing_first);
          c->last_event = MAX (c->last_event, ongoing_last);
          c->x_first = 0;
        }
      else
        {
          ChronicleLayoutCluster c = { ongoing_first, ongoing_last, n_ongoing_folded, 0, ongoing_x_last, G_MAXUINT };

          g_array_prepend_val (clusters, c);
          for (guint r = 0; r < self->event_runs->len; r++)
            {
              ChronicleLayoutRun *run = &g_array_index (self->event_runs, ChronicleLayoutRun, r);

              if (run->index & CHRONICLE_CLUSTER_TAG)
                run->index++;
            }
        }

      for (guint r = 0; r < ongoing_runs->len; r++)
        {
          ChronicleLayoutRun *run = &g_array_index (ongoing_runs, ChronicleLayoutRun, r);

          if (run->index == ONGOING_TAG)
            run->index = CHRONICLE_CLUSTER_TAG | target;
        }
    }
  /* The ongoing events come first in the range. */
  g_array_prepend_vals (self->event_runs, ongoing_runs->data, ongoing_runs->len);

  /* Now the vertical structure, the same for every frame of this size:
   * the lanes' spare height split evenly above and below. */
  extra = room > 0 ? room - n_lanes * lane_h : 0;
  self->axis_y = lanes_top + extra / 2 + n_above * lane_h + AXIS_CLEAR;
  self->tick_label_y = self->axis_y + CHRONICLE_TICK_MARK + 2.0;

  for (guint i = 0; i < self->items->len; i++)
    {
      ChronicleLayoutItem *item = &g_array_index (self->items, ChronicleLayoutItem, i);
      double box_y, bar_y, lx;

      get_lane_geometry (self, lane_h, box_h, tick_area, item->lane, &box_y, &bar_y);
      item->axis_y = item->kind == CHRONICLE_ITEM_BAR ? bar_y : self->axis_y;
      /* A label of two lines grows away from the axis, into the next lane. */
      item->label.y = item->lane > 0 ? box_y + box_h - item->label.height : box_y;

      /* The leader: from the mark on the axis to the label box, or from
       * the bar's start to the axis. */
      item->n_leader = 2;
      if (item->kind == CHRONICLE_ITEM_MARKER)
        {
          lx = item->x;
          item->leader[0] = (ChroniclePoint) { lx, self->axis_y };
          item->leader[1] = (ChroniclePoint) { lx, item->lane > 0 ? item->label.y + item->label.height : item->label.y };
        }
      else
        {
          lx = MAX (item->x, 0);
          item->leader[0] = (ChroniclePoint) { lx, bar_y };
          item->leader[1] = (ChroniclePoint) { lx, self->axis_y };
        }
    }

  cluster_item = g_new (guint, MAX (clusters->len, 1));
  chronicle_layout_place_clusters (self, clusters, cluster_item, measure, data);

  /* Sort by x for hit-testing and map events to their final item. */
  order = g_new (guint, MAX (self->items->len, 1));
  for (guint i = 0; i < self->items->len; i++)
    order[i] = i;
  g_qsort_with_data (order, self->items->len, sizeof (guint), compare_item_index, self->items->data);

  new_index = g_new (guint, MAX (self->items->len, 1));
  sorted = g_array_sized_new (FALSE, TRUE, sizeof (ChronicleLayoutItem), self->items->len);
  for (guint i = 0; i < self->items->len; i++)
    {
      new_index[order[i]] = i;
      g_array_append_val (sorted, g_array_index (self->items, ChronicleLayoutItem, order[i]));
    }
  g_array_unref (self->items);
  self->items = sorted;

  for (guint r = 0; r < self->event_runs->len; r++)
    {
      ChronicleLayoutRun *run = &g_array_index (self->event_runs, ChronicleLayoutRun, r);
      guint index = run->index;

      if (index & CHRONICLE_CLUSTER_TAG)
        index = cluster_item[chronicle_layout_resolve_cluster (clusters, index & ~CHRONICLE_CLUSTER_TAG)];
      run->index = new_index[index];
    }

  /* How far hit boxes reach around x, for the bsearch in hit_test. */
  for (guint i = 0; i < self->items->len; i++)
    {
      const ChronicleLayoutItem *item = &g_array_index (self->items, ChronicleLayoutItem, i);
      double l = item->x - CHRONICLE_MARKER_RADIUS - 2, r = MAX (item->x, item->x2) + CHRONICLE_MARKER_RADIUS + 2;

      rect_union_x (&item->label, &l, &r);
      self->reach_left = MAX (self->reach_left, item->x - l);
      self->reach_right = MAX (self->reach_right, r - item->x);
    }
}
