"""The unit of work every engine runs: a chunk of inputs -> formatted outcomes.

Workers format their own CSV text (:func:`pipeline.write.format_rows`) so the
main process only appends strings, and so one worker and many write the same
bytes.  The pipeline is built once per process (or per thread, for dask's
threaded workers) and reused for every chunk.
"""
from __future__ import annotations

import threading
import traceback
from dataclasses import dataclass
from typing import NamedTuple, Sequence

from ..model import RawArticle, ReadError
from ..run import Pipeline, result_rows
from ..write import format_rows


@dataclass(frozen=True)
class PipelineSpec:
    """Everything a worker needs to build the same Pipeline (small, picklable)."""

    components: tuple[str, ...]
    prefilter: bool = True
    timeout: float | None = None
    spreadsheet_safe: bool = False

    def build(self) -> Pipeline:
        return Pipeline(list(self.components), prefilter=self.prefilter,
                        timeout=self.timeout).warm_up()


class Outcome(NamedTuple):
    """One input item, processed: what the main process writes and counts."""

    key: str                    # the item's source: its identity for --resume
    status: str                 # "relevant" | "irrelevant" | "failed"
    tables: dict[str, str]      # table -> CSV text (no header)
    rows: dict[str, int]        # table -> number of rows in that text
    warnings: tuple[str, ...] = ()


_local = threading.local()


def pipeline_for(spec: PipelineSpec) -> Pipeline:
    """This process's (thread's) Pipeline for ``spec``: models load once."""
    cache = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    if spec not in cache:
        cache[spec] = spec.build()
    return cache[spec]


def process_item(pipeline: Pipeline, item: RawArticle | ReadError,
                 spreadsheet_safe: bool = False) -> Outcome:
    warnings: tuple[str, ...] = ()
    try:
        if isinstance(item, ReadError):
            result = item
        else:
            warnings = tuple(f"{item.source}: {w}" for w in item.warnings)
            result = pipeline(item)
        rows = list(result_rows(result))
    except Exception as exc:  # formatting must not lose the article either
        result = ReadError(item.source, item.article_id, "write",
                           f"{type(exc).__name__}: {exc} "
                           f"({traceback.format_exc(limit=1).splitlines()[-1]})")
        rows = list(result_rows(result))
    if isinstance(result, ReadError):
        status = "failed"
    else:
        status = "relevant" if result.fields.get("relevant") else "irrelevant"
    counts: dict[str, int] = {}
    for table, _ in rows:
        counts[table] = counts.get(table, 0) + 1
    return Outcome(item.source, status, format_rows(rows, spreadsheet_safe), counts, warnings)


def process_chunk(spec: PipelineSpec, items: Sequence[RawArticle | ReadError]) -> list[Outcome]:
    """Entry point shipped to workers (process pool or dask)."""
    pipeline = pipeline_for(spec)
    return [process_item(pipeline, it, spec.spreadsheet_safe) for it in items]


def crashed(item: RawArticle | ReadError, why: str) -> Outcome:
    """Outcome for an item whose worker died (segfault, out of memory)."""
    err = ReadError(item.source, item.article_id, "worker", why)
    return Outcome(item.source, "failed", format_rows([("errors", err.row())]), {"errors": 1})
