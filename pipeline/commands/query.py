"""``thidua query "SQL"``: ask the database a question from the shell.

Prints an aligned table (lists joined with ';', long cells cut), or CSV/JSON
for other programs.  The database is read-only here.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import duckdb

from ..db import DB_NAME, open_db


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("sql", help="one SQL statement (DuckDB dialect); quote \"end\", it is a keyword")
    p.add_argument("--db", help=f"DuckDB file (default outputs/{DB_NAME})")
    p.add_argument("--pred", help="build the database in memory from this output folder's CSVs "
                                  "when there is no DuckDB file")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--csv", action="store_true", help="CSV on stdout")
    fmt.add_argument("--json", action="store_true", help="JSON array of objects on stdout")
    p.add_argument("--max-width", type=int, default=60,
                   help="cut table cells longer than this (0: never); not for --csv/--json")


def _plain(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, tuple)):
        return ";".join(_cell(x) for x in v)
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return str(v)


def format_table(names: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cut(s: str) -> str:
        s = s.replace("\n", " ")
        return s if not max_width or len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [[cut(_cell(v)) for v in row] for row in rows]
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]
    line = "  ".join(n.ljust(w) for n, w in zip(names, widths)).rstrip()
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    db = args.db or (None if args.pred else f"outputs/{DB_NAME}")
    try:
        con = open_db(args.pred, db)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        cur = con.execute(args.sql)
        if cur.description is None:
            return 0
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    if args.json:
        json.dump([{n: _plain(v) for n, v in zip(names, r)} for r in rows], sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    elif args.csv:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(names)
        w.writerows([_cell(v) for v in r] for r in rows)
    else:
        print(format_table(names, rows, args.max_width))
    return 0
