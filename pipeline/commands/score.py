"""``thidua score --gold DIR --pred DIR``: P/R/F1 of extracted tables against gold.

The numbers follow the contract's Scoring section (see pipeline/scoring.py);
``--misses`` shows, article by article, which records made them move.
"""
from __future__ import annotations

import argparse
import json
import sys

from .. import scoring


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, help="folder of gold <article_id>.json files")
    p.add_argument("--pred", required=True, help="folder of predicted CSV tables (extract --out)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--misses", action="store_true",
                   help="list MISS (gold not predicted) and SPUR (predicted not in gold) "
                        "records, grouped by article")
    p.add_argument("--item", action="append", metavar="ITEM",
                   help="with --misses: only this item (repeatable), e.g. members, "
                        "awards, articles.bloc")
    p.add_argument("--article", action="append", metavar="ID",
                   help="with --misses: only this article (repeatable)")
    p.add_argument("--include-unverified", action="store_true",
                   help='also score gold files marked "verified": false')
    p.add_argument("--write-baseline", metavar="FILE",
                   help="also write these scores as a regression-gate baseline")
    p.add_argument("--check-baseline", metavar="FILE",
                   help="compare with a baseline; exit 1 when an item's F1 dropped by "
                        f"more than {scoring.TOLERANCE}")


def run(args: argparse.Namespace) -> int:
    unknown = [i for i in args.item or [] if i not in scoring.ITEMS]
    if unknown:
        print(f"unknown item(s) {', '.join(unknown)}; known: {', '.join(scoring.ITEMS)}",
              file=sys.stderr)
        return 2
    try:
        report = scoring.score_dirs(args.gold, args.pred, args.include_unverified)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not report.article_ids:
        print("warning: no verified gold article to score "
              f"({len(report.skipped_unverified)} unverified skipped; "
              "see --include-unverified)", file=sys.stderr)
    gate = None
    if args.check_baseline:
        with open(args.check_baseline, encoding="utf-8") as f:
            gate = scoring.compare_to_baseline(report, json.load(f))
    if args.json:
        out = report.as_dict()
        if args.misses:
            out["misses"] = {aid: [{"item": i, "kind": k, "record": r} for i, k, r in entries]
                             for aid, entries in report.diff_by_article(args.item).items()
                             if not args.article or aid in args.article}
        if gate is not None:
            out["regressions"] = [{"item": r.item, "baseline_f1": r.baseline_f1, "f1": r.f1,
                                   "lost": r.lost, "new_spurious": r.new_spurious}
                                  for r in gate.regressions]
        print(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        print(scoring.format_table(report))
        if args.misses:
            print()
            print(scoring.format_misses(report, args.item, args.article))
        if gate is not None:
            print()
            print(scoring.format_gate(gate, report))
    if args.write_baseline:
        scoring.write_baseline(report, args.write_baseline)
        print(f"baseline written to {args.write_baseline}", file=sys.stderr)
    return 1 if gate is not None and not gate.ok else 0
