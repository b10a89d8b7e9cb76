#!/usr/bin/env python3
"""Regenerate tests/baseline_scores.json: extract corpus/ in-process, score it
against corpus/gold, and write every item's scores and records.

Run it when a change is meant to move the numbers, and commit the new
baseline together with that change, saying why in the commit message:

    .venv/bin/python scripts/update_baseline.py            # write the baseline
    .venv/bin/python scripts/update_baseline.py --check    # only compare
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import scoring  # noqa: E402

CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
BASELINE = ROOT / "tests" / "baseline_scores.json"


def corpus_report() -> scoring.ScoreReport:
    with tempfile.TemporaryDirectory() as tmp:
        scoring.extract_to([CORPUS], tmp)
        return scoring.score_dirs(GOLD, tmp)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(BASELINE), help="baseline file to write")
    ap.add_argument("--check", action="store_true",
                    help="compare with the existing baseline instead of writing")
    args = ap.parse_args(argv)
    report = corpus_report()
    print(scoring.format_table(report))
    out = Path(args.out)
    if out.exists():
        gate = scoring.compare_to_baseline(report, json.loads(out.read_text(encoding="utf-8")))
        print()
        print(scoring.format_gate(gate, report))
        if args.check:
            return 0 if gate.ok else 1
    elif args.check:
        print(f"no baseline at {out}", file=sys.stderr)
        return 1
    scoring.write_baseline(report, out)
    print(f"\nbaseline written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
