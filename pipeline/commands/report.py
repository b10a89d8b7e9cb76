"""``thidua report --out report.html``: one HTML file to read the results in a browser."""
from __future__ import annotations

import argparse
import sys

from ..db import open_db
from ..report import write_report


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="report.html", help="HTML file to write (default report.html)")
    p.add_argument("--pred", default="outputs",
                   help="output folder of extract (its CSVs, and thidua.duckdb if present)")
    p.add_argument("--db", help="DuckDB file (default PRED/thidua.duckdb)")
    p.add_argument("--input", action="append", metavar="PATH",
                   help="re-read article texts from these inputs (when the database has none)")
    p.add_argument("--province", help="only this province")
    p.add_argument("--max-articles", type=int, help="at most this many article sections")
    p.add_argument("--title", default="Emulation blocs — extraction report")


def run(args: argparse.Namespace) -> int:
    try:
        con = open_db(args.pred, args.db, inputs=args.input)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with con:
        path = write_report(args.out, con, title=args.title, province=args.province,
                            max_articles=args.max_articles, source=args.db or args.pred)
    print(f"report -> {path}", file=sys.stderr)
    return 0
