"""Batch processing at scale: parallel engines, resume journal, progress.

``thidua extract`` is a thin shell around :func:`run_batch`: inputs are read
lazily, processed in order-preserving chunks by one of the engines (in
process, a pool of worker processes, or a dask cluster), and appended to the
``.part`` tables; a journal records each durable chunk so an interrupted run
resumes where it stopped.  See docs/batch.md.
"""
from .runner import BatchOptions, BatchResult, run_batch

__all__ = ["BatchOptions", "BatchResult", "run_batch"]
