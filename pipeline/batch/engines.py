"""Engines: turn a stream of input items into a stream of Outcomes, in input order.

All engines share one shape: items are grouped into chunks, at most
``window`` chunks are in flight, and results are taken strictly in
submission order.  That bound keeps memory flat (the reader never runs
ahead of the workers by more than ``window`` chunks) and the order makes
the output byte-identical whatever the number of workers.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator, Sequence

from ..model import RawArticle, ReadError
from .work import Outcome, PipelineSpec, crashed, pipeline_for, process_chunk, process_item

Item = RawArticle | ReadError


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def serial(items: Iterable[Item], spec: PipelineSpec) -> Iterator[Outcome]:
    """One process, no pool: the reference every other engine must equal.

    The pipeline is built (and warmed up) here, before the first item is
    asked for, so a run's clock does not count loading.
    """
    pipeline = pipeline_for(spec)
    return (process_item(pipeline, item, spec.spreadsheet_safe) for item in items)


# --- process pool --------------------------------------------------------------

def _init_worker(spec: PipelineSpec) -> None:
    # Ctrl-C is the parent's to handle; workers just stop when it shuts them down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    pipeline_for(spec)  # load models and gazetteers once, up front


def _die_with_parent() -> None:
    """Linux: a worker gets SIGKILL when the main process dies (even by kill -9)."""
    if sys.platform != "linux":
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - no libc: orphans exit on EOF
        pass


def _mp_context():
    # fork shares the loaded code and data copy-on-write; elsewhere it is unsafe.
    return mp.get_context("fork") if sys.platform == "linux" else mp.get_context()


class _Pool:
    def __init__(self, spec: PipelineSpec, workers: int):
        self.spec, self.workers = spec, workers
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_mp_context(),
                                   initializer=_init_worker, initargs=(self.spec,))

    def start(self) -> None:
        """Start the workers now (each runs its initializer before its first task)."""
        for fut in [self.executor.submit(os.getpid) for _ in range(self.workers)]:
            fut.result()

    def submit(self, chunk: Sequence[Item]):
        return self.executor.submit(process_chunk, self.spec, chunk)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def one_by_one(self, chunk: Sequence[Item]) -> list[Outcome]:
        """Rerun a chunk whose worker died, isolating the item that kills it."""
        out = []
        for item in chunk:
            try:
                out.extend(self.submit([item]).result())
            except BrokenProcessPool:
                self.restart()
                out.append(crashed(item, "worker process died on this article "
                                         "(crash or out of memory)"))
        return out

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def processes(items: Iterable[Item], spec: PipelineSpec, workers: int,
              chunksize: int = 16, window: int | None = None) -> Iterator[Outcome]:
    """``workers`` processes, chunks of ``chunksize`` items, input order kept.

    The pipeline is built and warmed up here, in this process, so forked
    workers start with every table loaded (shared copy-on-write), and the
    workers are started before this returns: a run's clock counts work, not
    start-up, as for :func:`serial`.
    """
    pipeline_for(spec)
    pool = _Pool(spec, workers)
    pool.start()
    return _pooled(pool, items, chunksize, window or 4 * workers)


def _pooled(pool: "_Pool", items: Iterable[Item], chunksize: int, window: int
            ) -> Iterator[Outcome]:
    inflight: deque = deque()
    chunks = chunked(items, chunksize)
    try:
        while True:
            while len(inflight) < window and (chunk := next(chunks, None)) is not None:
                inflight.append((chunk, pool.submit(chunk)))
            if not inflight:
                break
            chunk, fut = inflight.popleft()
            try:
                outcomes = fut.result()
            except BrokenProcessPool:
                pool.restart()
                outcomes = pool.one_by_one(chunk)
                inflight = deque((c, pool.submit(c)) for c, _ in inflight)
            yield from outcomes
    finally:
        pool.close()


# --- dask ----------------------------------------------------------------------

def dask_client(scheduler: str | None, workers: int):
    """A client on ``scheduler`` (``tcp://host:8786``), else on a local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def dask(items: Iterable[Item], spec: PipelineSpec, scheduler: str | None = None,
         workers: int = 2, partition: int = 200, window: int | None = None
         ) -> Iterator[Outcome]:
    """Partitions of ``partition`` items run as dask tasks; results gathered in order.

    The client reads the inputs and ships partitions, so the cluster's workers
    need the ``thidua`` package but not the data.
    """
    client, cluster = dask_client(scheduler, workers)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        window = window or 3 * n_workers
        inflight: deque = deque()
        parts = chunked(items, partition)
        while True:
            while len(inflight) < window and (part := next(parts, None)) is not None:
                inflight.append(client.submit(process_chunk, spec, part, pure=False))
            if not inflight:
                break
            fut = inflight.popleft()
            outcomes = fut.result()
            fut.release()
            yield from outcomes
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
