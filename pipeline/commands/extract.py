"""``thidua extract INPUT... --out DIR``: the main job."""
from __future__ import annotations

import argparse
import sys

from ..read import iter_articles
from ..registry import DEFAULT_PIPELINE
from ..run import Pipeline, RunStats, process_many, write_result
from ..write import TableWriter


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", help="files or folders (.txt, .html, .jsonl, .jsonl.gz)")
    p.add_argument("--out", required=True, help="output folder for the CSV tables")
    p.add_argument("--components", default=",".join(DEFAULT_PIPELINE),
                   help="comma-separated components to run, in order")
    p.add_argument("--strict", action="store_true",
                   help="exit non-zero when any input failed")
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")


def run(args: argparse.Namespace) -> int:
    pipeline = Pipeline([c for c in args.components.split(",") if c])
    stats = RunStats()
    with TableWriter(args.out) as writer:
        for result in process_many(iter_articles(args.inputs), pipeline):
            write_result(writer, result, stats)
    if not args.quiet:
        print(f"articles {stats.articles} (relevant {stats.relevant}, "
              f"irrelevant {stats.irrelevant}), failed {stats.failed} -> {args.out}",
              file=sys.stderr)
    return 1 if (args.strict and stats.failed) else 0
