"""Command line: ``thidua <command>`` / ``python -m pipeline <command>``.

Each command lives in its own module under ``pipeline/commands`` with two
functions, ``configure(parser)`` and ``run(args) -> int``; this file only
lists them.
"""
from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS = {
    "extract": "Extract articles (files, folders, JSONL) into the contract's tables.",
    "score": "Score predicted tables against gold annotations (P/R/F1).",
    "gold-draft": "Write pre-filled, unverified gold JSON for articles to correct by hand.",
    "query": "Run SQL on the extracted database (DuckDB) and print the result.",
    "report": "Write a self-contained HTML report: bloc timelines, awards, annotated articles.",
    "show": "Print one article with its extracted records marked inline.",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        mod = importlib.import_module(f"pipeline.commands.{name.replace('-', '_')}")
        p = sub.add_parser(name, help=help_text, description=help_text)
        mod.configure(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args._run(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # "thidua score ... | head": the reader left early
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
