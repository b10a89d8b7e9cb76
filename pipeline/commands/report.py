"""``thidua report --out report.html``: one HTML file to read the results in a browser."""
from __future__ import annotations

import argparse
import sys

from . import add_database_arguments, connect
from ..report import write_report


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="report.html", help="HTML file to write (default report.html)")
    add_database_arguments(p)
    p.add_argument("--province", help="only this province")
    p.add_argument("--max-articles", type=int, help="at most this many article sections")
    p.add_argument("--title", default="Emulation blocs — extraction report")


def run(args: argparse.Namespace) -> int:
    con = connect(args)
    if con is None:
        return 2
    with con:
        path = write_report(args.out, con, title=args.title, province=args.province,
                            max_articles=args.max_articles, source=args.db or args.pred)
    print(f"report -> {path}", file=sys.stderr)
    return 0
