"""``thidua extract INPUT... --out DIR``: the main job.

Exit codes: 0 done (failed inputs are rows of errors.csv); 1 with
``--strict`` when any input failed; 2 bad usage, an output folder that
cannot be resumed, or an unreachable dask scheduler; 130 interrupted
(Ctrl-C): the tables stay as ``.part`` files, finish with ``--resume``.
"""
from __future__ import annotations

import argparse
import sys

from ..batch import BatchOptions, BatchResult, run_batch
from ..batch.journal import ResumeError
from ..batch.progress import choose_mode
from ..read import DEFAULT_MAX_CHARS
from ..registry import DEFAULT_PIPELINE

EXIT_OK, EXIT_FAILED_INPUTS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", help="files or folders (.txt, .html, .jsonl, .jsonl.gz)")
    p.add_argument("--out", required=True, help="output folder for the CSV tables")
    p.add_argument("--components", default=",".join(DEFAULT_PIPELINE),
                   help="comma-separated components to run, in order")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when any input failed (is in errors.csv)")
    g = p.add_argument_group("scale")
    g.add_argument("--workers", type=int, default=1,
                   help="worker processes (local engine) or local dask workers (default 1)")
    g.add_argument("--engine", choices=["local", "dask"], default="local",
                   help="local: this machine's processes; dask: a dask/distributed cluster")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)")
    g.add_argument("--chunksize", type=int, default=16, help="articles per worker task")
    g.add_argument("--partition", type=int, default=200, help="articles per dask task")
    g.add_argument("--resume", action="store_true",
                   help="continue an interrupted run in --out (every article exactly once)")
    g.add_argument("--commit-every", type=int, default=1000, metavar="N",
                   help="journal a durable checkpoint every N articles (and every 2 s)")
    g.add_argument("--parquet", action="store_true",
                   help="also write <table>.parquet next to each CSV")
    g.add_argument("--no-prefilter", dest="prefilter", action="store_false",
                   help="run every component on every article (no cheap relevance pre-filter)")
    g.add_argument("--timeout", type=float, default=60.0,
                   help="seconds one article may take before it becomes an error row "
                        "(local engine; 0 = no limit; default 60)")
    g.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help=f"longer articles become error rows (default {DEFAULT_MAX_CHARS}; 0 = no limit)")
    o = p.add_argument_group("output")
    o.add_argument("--quiet", action="store_true", help="no progress and no summary")
    o.add_argument("--log-json", action="store_true",
                   help="progress ticks and the summary as JSON lines on stderr (for logs)")
    o.add_argument("--spreadsheet-safe", action="store_true",
                   help="prefix cells starting with = + - @ with ' (CSV injection); changes "
                        "mention text, so leave off for scoring")
    o.add_argument("--bom", action="store_true", help="write CSVs with a UTF-8 BOM (for Excel)")
    o.add_argument("--no-db", dest="db", action="store_false",
                   help="do not write thidua.duckdb and parquet/ (see docs/researchers.md)")


def options(args: argparse.Namespace) -> BatchOptions:
    return BatchOptions(
        components=[c for c in args.components.split(",") if c],
        engine=args.engine, workers=max(1, args.workers), scheduler=args.scheduler,
        chunksize=max(1, args.chunksize), partition=max(1, args.partition),
        resume=args.resume, prefilter=args.prefilter, timeout=args.timeout or None,
        max_chars=args.max_chars or None, parquet=args.parquet,
        spreadsheet_safe=getattr(args, "spreadsheet_safe", False), bom=getattr(args, "bom", False),
        commit_every=max(1, args.commit_every),
        progress=choose_mode(args.quiet, args.log_json))


def exit_code(result: BatchResult, strict: bool) -> int:
    return EXIT_FAILED_INPUTS if (strict and result.failed) else EXIT_OK


def run(args: argparse.Namespace) -> int:
    try:
        result = run_batch(args.inputs, args.out, options(args))
    except ResumeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, TimeoutError) as exc:
        if args.engine != "dask":
            raise
        print(f"error: dask scheduler: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "db", False):
        from ..db import export_database
        try:
            export_database(args.out, inputs=args.inputs)
        except Exception as exc:  # the CSVs are written; say loudly that the DB is not
            print(f"error: database export failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return EXIT_FAILED_INPUTS
    return exit_code(result, args.strict)
