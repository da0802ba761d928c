"""Rare-seed sweep: draw and solve many variants of every family, far past the suite's 1,000 seeds.

The suite's sweep covers seeds 0–999 per family. A draw that fails one seed in 5,000 (a choice
from an empty list, a degenerate table) slips past it and reaches a candidate in the middle of a
mock exam. This sweep starts where the suite stops. For each family it prints the seconds taken,
and for each crash the seed and the error, so the crash can be reproduced with
``interview-sim show FAMILY --seed N``. The exit status is 1 if any family crashed.

    python -m bench.sweep                      # seeds 1000–5999 of every family
    python -m bench.sweep --start 20000 --count 20000 --family tanh_eval
"""

from __future__ import annotations

import argparse
import time
import traceback

from interview_sim.registry import all_families


def sweep(family, start: int, count: int) -> tuple[float, list[str]]:
    """Seconds taken and the crashes, one line each (the first three, with their traceback's
    last line)."""
    began, crashes = time.perf_counter(), []
    for seed in range(start, start + count):
        try:
            family.variant(seed)
        except Exception as error:  # every crash is the finding: report it, keep sweeping
            where = traceback.extract_tb(error.__traceback__)[-1]
            crashes.append(
                f"seed {seed}: {type(error).__name__}: {error} ({where.filename}:{where.lineno})"
            )
            if len(crashes) == 3:
                break
    return time.perf_counter() - began, crashes


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sweep", description=__doc__)
    parser.add_argument("--start", type=int, default=1000, help="first seed (default 1000)")
    parser.add_argument("--count", type=int, default=5000, help="seeds per family")
    parser.add_argument("--family", action="append", help="only this family (repeatable)")
    args = parser.parse_args()
    families = [f for f in all_families() if not args.family or f.id in args.family]
    if not families:
        parser.error(f"no family named {', '.join(args.family)}")
    crashed = 0
    for family in families:
        seconds, crashes = sweep(family, args.start, args.count)
        print(f"{family.id:<40} {seconds:8.1f} s  {'CRASH' if crashes else 'ok'}", flush=True)
        for line in crashes:
            print(f"    {line}", flush=True)
        crashed += bool(crashes)
    print(
        f"{len(families)} families, seeds {args.start}–{args.start + args.count - 1}: "
        f"{crashed} crashed"
    )
    return 1 if crashed else 0


if __name__ == "__main__":
    raise SystemExit(main())
