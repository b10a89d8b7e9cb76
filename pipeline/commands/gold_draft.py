"""``thidua gold-draft INPUT... --out DIR``: pre-filled gold files to correct by hand.

Each article gets ``<article_id>.json`` in the contract's gold format with
``"verified": false``; an existing file is kept (it may hold an annotator's
corrections) unless ``--force``.
"""
from __future__ import annotations

import argparse
import sys

from ..gold_draft import write_drafts
from ..read import iter_articles
from ..registry import DEFAULT_PIPELINE
from ..run import Pipeline, process_many


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", help="files or folders (.txt, .html, .jsonl, .jsonl.gz)")
    p.add_argument("--out", required=True, help="folder for the <article_id>.json drafts")
    p.add_argument("--force", action="store_true",
                   help="overwrite existing files (loses any corrections made in them)")
    p.add_argument("--components", default=",".join(DEFAULT_PIPELINE),
                   help="comma-separated components to run, in order")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any input failed")


def run(args: argparse.Namespace) -> int:
    pipeline = Pipeline([c for c in args.components.split(",") if c])
    stats = write_drafts(process_many(iter_articles(args.inputs), pipeline), args.out,
                         force=args.force)
    for err in stats.failed:
        print(f"failed {err.source} ({err.stage}): {err.error}", file=sys.stderr)
    if stats.kept:
        print(f"kept {len(stats.kept)} existing file(s) (use --force to overwrite): "
              + ", ".join(stats.kept[:10]) + (" ..." if len(stats.kept) > 10 else ""),
              file=sys.stderr)
    print(f"drafts written {len(stats.written)}, kept {len(stats.kept)}, "
          f"failed {len(stats.failed)} -> {args.out}", file=sys.stderr)
    return 1 if (args.strict and stats.failed) else 0
