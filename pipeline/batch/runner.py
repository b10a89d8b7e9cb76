"""One batch run: read lazily -> engine -> append to .part tables -> journal -> publish.

The main process only reads inputs, appends the CSV text the workers
formatted, and commits the journal every ``commit_every`` articles or
``commit_seconds`` seconds.  The final CSVs appear only at the very end, by
``os.replace`` (see :class:`pipeline.write.TableWriter`).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..model import TABLE_COLUMNS
from ..read import DEFAULT_MAX_CHARS, iter_articles
from ..registry import DEFAULT_PIPELINE
from ..write import TableWriter
from . import engines
from .journal import Journal, ResumeError, ResumeState, _fsync_dir
from .progress import STATUSES, Progress
from .work import Outcome, PipelineSpec

ENGINES = ("local", "dask")


@dataclass
class BatchOptions:
    components: list[str] = field(default_factory=lambda: list(DEFAULT_PIPELINE))
    engine: str = "local"            # local (in process / process pool) | dask
    workers: int = 1                 # processes (local) or local-cluster workers (dask)
    scheduler: str | None = None     # dask scheduler address; None = local cluster
    chunksize: int = 16              # articles per task (process pool)
    partition: int = 200             # articles per dask task
    resume: bool = False
    prefilter: bool = True
    timeout: float | None = None     # seconds per article (process engines only)
    max_chars: int | None = DEFAULT_MAX_CHARS
    parquet: bool = False
    spreadsheet_safe: bool = False
    bom: bool = False                # UTF-8 BOM on the CSVs (Excel)
    progress: str = "summary"        # bar | json | summary | quiet
    commit_every: int = 1000
    commit_seconds: float = 2.0

    def spec(self) -> PipelineSpec:
        return PipelineSpec(tuple(self.components), self.prefilter, self.timeout,
                            self.spreadsheet_safe)


@dataclass
class BatchResult:
    counts: dict[str, int]           # relevant / irrelevant / failed, whole run
    rows: dict[str, int]             # rows written per table by this invocation
    processed: int                   # items processed by this invocation
    elapsed: float
    out_dir: Path

    @property
    def articles(self) -> int:
        return self.counts["relevant"] + self.counts["irrelevant"]

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    @property
    def rate(self) -> float:
        return self.processed / self.elapsed if self.elapsed > 0 else 0.0


def _outcomes(items: Iterable, opts: BatchOptions) -> Iterator[Outcome]:
    spec = opts.spec()
    if opts.engine == "dask":
        return engines.dask(items, spec, opts.scheduler, max(1, opts.workers), opts.partition)
    if opts.workers > 1:
        return engines.processes(items, spec, opts.workers, opts.chunksize)
    return engines.serial(items, spec)


def _publish_leftovers(out_dir: Path) -> None:
    """Finish a run that died while renaming its finished tables."""
    for name in TABLE_COLUMNS:
        part = out_dir / f"{name}.csv.part"
        if part.exists():
            part.replace(out_dir / f"{name}.csv")
    _fsync_dir(out_dir)


def run_batch(inputs: Iterable[str | Path], out_dir: str | Path,
              opts: BatchOptions | None = None) -> BatchResult:
    opts = opts or BatchOptions()
    if opts.engine not in ENGINES:
        raise ValueError(f"unknown engine {opts.engine!r}; choose from {ENGINES}")
    inputs = [str(i) for i in inputs]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    journal = Journal(out)
    state: ResumeState | None = journal.load() if opts.resume else None

    if state is not None and state.complete:
        _publish_leftovers(out)
        journal.remove()
        totals = {s: state.totals.get(s, 0) for s in STATUSES}
        return BatchResult(totals, {}, 0, 0.0, out)
    if state is None:
        journal.remove()  # before any .part is rewritten: a stale journal must not survive
    writer = TableWriter(out, resume=state.sizes if state else None,
                         spreadsheet_safe=opts.spreadsheet_safe, bom=opts.bom)
    if state is None:
        writer.flush()
        journal.start({"inputs": inputs, "components": opts.components}, writer.sizes())
    else:
        journal.reopen()

    skip = state.keys.__contains__ if state and state.keys else None
    items = iter_articles(inputs, skip=skip, max_chars=opts.max_chars)
    outcomes = _outcomes(items, opts)          # the serial engine loads its models here
    progress = Progress(opts.progress, initial=state.totals if state else None)
    if state is not None and state.meta.get("inputs") not in (None, inputs):
        progress.warning(f"resuming with other inputs than the interrupted run "
                         f"({state.meta['inputs']}); articles of both may be mixed")
    pending: list[str] = []
    last_commit = time.perf_counter()

    def commit() -> None:
        nonlocal last_commit
        writer.flush()
        journal.commit(pending, writer.sizes(), dict(progress.counts))
        pending.clear()
        last_commit = time.perf_counter()

    try:
        for oc in outcomes:
            for table, text in oc.tables.items():
                writer.write_text(table, text, oc.rows.get(table, 0))
            for w in oc.warnings:
                progress.warning(w)
            pending.append(oc.key)
            progress.update(oc.status)
            if (len(pending) >= opts.commit_every
                    or time.perf_counter() - last_commit >= opts.commit_seconds):
                commit()
        commit()
        journal.complete()
        writer.close()
        _fsync_dir(out)
        journal.remove()
    except BaseException as exc:
        outcomes.close()
        writer.abort()
        journal.close()
        progress.close(out_dir=str(out), interrupted=True,
                       error=None if isinstance(exc, KeyboardInterrupt)
                       else f"{type(exc).__name__}: {exc}")
        raise
    if opts.parquet:
        from .parquet import csv_tables_to_parquet

        csv_tables_to_parquet(out)
    result = BatchResult(dict(progress.counts), dict(writer.counts), progress.done,
                         progress.elapsed, out)
    progress.close(out_dir=str(out))
    return result


__all__ = ["BatchOptions", "BatchResult", "ResumeError", "run_batch"]
