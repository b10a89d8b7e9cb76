"""One module per command: ``configure(parser)`` and ``run(args) -> int``."""
from __future__ import annotations

import argparse
import sys


def add_database_arguments(p: argparse.ArgumentParser) -> None:
    """--pred / --db / --input, shared by the commands that read the database."""
    from ..db import DB_NAME

    p.add_argument("--pred", default="outputs",
                   help="output folder of extract (its CSVs, and thidua.duckdb if present)")
    p.add_argument("--db", help=f"DuckDB file (default PRED/{DB_NAME})")
    p.add_argument("--input", action="append", metavar="PATH",
                   help="re-read article texts from these inputs (when the database has none)")


def connect(args: argparse.Namespace):
    """The database connection for ``args``, or None after printing why not."""
    from ..db import open_db

    try:
        return open_db(args.pred, args.db, inputs=args.input)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
