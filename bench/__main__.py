"""`python -m bench` (make bench, make bench-quick): the command line."""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import bench as package
from bench.report import matcher_summary, page_timings, report
from bench.scenarios import FULL, QUICK, Bench


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description=(package.__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="small sizes, a few minutes (make bench-quick)")
    parser.add_argument("--only", default="first,labeled,instant,storm",
                        help="scenarios to run, comma-separated: first, labeled (first syncs "
                             "of real albums), instant (with the nightly rerun), storm "
                             "(default: all)")
    parser.add_argument("--first", default=None,
                        help="first syncs as ALBUMSxCEILING, comma-separated (e.g. 360x150)")
    parser.add_argument("--labeled", default=None,
                        help="first syncs of real albums as ALBUMSxCEILING (e.g. 360x150)")
    parser.add_argument("--instant", type=int, default=None,
                        help="albums of the instant-API run and the nightly rerun")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    args = parser.parse_args(argv)
    profile = QUICK if args.quick else FULL
    if args.first:
        pairs = tuple(tuple(int(x) for x in p.split("x")) for p in args.first.split(","))
        profile = replace(profile, first_syncs=pairs)  # type: ignore[arg-type]
    if args.labeled:
        profile = replace(profile, labeled=tuple(  # type: ignore[arg-type]
            tuple(int(x) for x in p.split("x")) for p in args.labeled.split(",")))
    if args.instant:
        profile = replace(profile, instant=args.instant)
    only = {s.strip() for s in args.only.split(",")}
    random.seed(0)

    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="discogs-sync-bench-"))
    bench = Bench(workdir, profile)
    extras: dict[str, Any] = {}
    if "first" in only:
        for albums, ceiling in profile.first_syncs:
            bench.first_sync(albums, ceiling)
    if "labeled" in only:
        for albums, ceiling in profile.labeled:
            bench.labeled_sync(albums, ceiling)
    if "storm" in only:
        bench.storm(profile.storm)
    if "instant" in only:
        instant, _ = bench.instant_and_nightly(profile.instant)
        if profile.page:
            try:
                extras["page"] = page_timings(workdir / f"n{profile.instant}-instant" / "site"
                                              / "index.html")
            except Exception as exc:  # noqa: BLE001 - a missing browser must not lose the rest
                extras["page_error"] = f"{type(exc).__name__}: {exc}"
    extras["matcher"] = matcher_summary()
    print(report(bench, started, extras))
    if args.json:
        args.json.write_text(json.dumps({"runs": [vars(r) for r in bench.runs],
                                         "extras": extras}, indent=1, default=str),
                             encoding="utf-8")
    if args.keep:
        print(f"work folder kept: {workdir}", file=sys.stderr)
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
