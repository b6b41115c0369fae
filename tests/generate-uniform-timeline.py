#!/usr/bin/env python3
# generate-uniform-timeline.py
#
# Copyright 2026 The Chronicle authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""Writes a Chronicle timeline of N events spread uniformly over a span.

The web peers' benchmarks (vis-timeline's examples and stress pages, and
what issue #12 measured them with) make their items with
`start = now + Math.random() * span` and a short `content: 'item ' + i`:
points, one title each, nothing else. This makes the same shape without
node, seeded so that two runs give the same file:

    python3 tests/generate-uniform-timeline.py 1000000 > uniform-1m.json
    _build-release/tests/chronicle-benchmark --file uniform-1m.json frame

The span defaults to ten years so that a million events are dense in the
fitted view and still a few apart at the finest zoom; dates are to the
second (UTC), as a JavaScript Date is.
"""

import argparse
import datetime
import json
import random
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_events", type=int)
    parser.add_argument("--span-days", type=float, default=3652.5,
                        help="days the events spread over (default: ten years)")
    parser.add_argument("--start", default="2016-01-01T00:00:00",
                        help="the earliest possible date, UTC")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    start = datetime.datetime.fromisoformat(args.start).replace(tzinfo=datetime.timezone.utc)
    base = int(start.timestamp())
    span = int(args.span_days * 86400)
    out = sys.stdout

    out.write('{\n  "format": "chronicle-timeline",\n  "version": 1,\n')
    out.write('  "title": %s,\n  "events": [\n' %
              json.dumps("%d uniform events" % args.n_events))
    for i in range(args.n_events):
        t = datetime.datetime.fromtimestamp(base + rng.randrange(span), datetime.timezone.utc)
        out.write('    {"id": "item-%d", "date": "%sZ", "title": "item %d"}%s\n' %
                  (i, t.strftime("%Y-%m-%dT%H:%M:%S"), i,
                   "," if i + 1 < args.n_events else ""))
    out.write("  ]\n}\n")


if __name__ == "__main__":
    main()
