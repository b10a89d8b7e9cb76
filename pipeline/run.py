"""Running the stages over a batch: read -> normalize -> segment -> components -> write.

:class:`Pipeline` turns one RawArticle into one Doc; :func:`process_many` and
:func:`write_result` stream a batch through it into a
:class:`~pipeline.write.TableWriter` (the batch engines in
:mod:`pipeline.batch` do the same in parallel).  A failure inside any stage
becomes an error row naming the stage, and the batch goes on.
"""
from __future__ import annotations

import signal
import threading
import traceback
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from .model import ARTICLE_FIELDS, RECORD_TABLES, Doc, RawArticle, ReadError
from .normalize import normalize
from .registry import DEFAULT_PIPELINE, create
from .segment import segment

# Fields an irrelevant article keeps (contract: only these are filled).
IRRELEVANT_KEEPS = ("title", "outlet", "byline", "published_date")
# Components still run on an article the cheap pre-filter rejected: they fill
# the fields an irrelevant article keeps.  They get the Doc unsegmented
# (``doc.sentences`` empty): splitting sentences would cost more than they do.
REJECTED_RUNS = ("metadata",)


# A short article of the genre that passes every stage: running it once loads
# every lazily built table (gazetteer indexes, compiled patterns, the
# dictionary) before the first real article, so no article pays for them.
WARM_UP_TEXT = """Khối thi đua các cơ quan tỉnh tổng kết năm 2023
Sáng 5/1/2024, tại xã Tân Lập, Khối thi đua các cơ quan tỉnh Phú Thọ tổ chức hội nghị tổng \
kết công tác thi đua, khen thưởng năm 2023. Đồng chí Nguyễn Văn An, Giám đốc Sở Y tế, \
Trưởng khối năm 2023 chủ trì hội nghị. Khối gồm 3 đơn vị: Sở Y tế, Sở Tư pháp và Công ty \
Cổ phần Cấp nước Phú Thọ. Sở Y tế bàn giao nhiệm vụ Khối trưởng năm 2024 cho Sở Tư pháp. \
Khối đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Y tế.
Minh Anh
"""


class ArticleTimeout(Exception):
    """One article took longer than the per-article time limit."""


# doc.ctx key the relevance extractor reads: these title and text passed quick_reject
_QUICK_PASSED = "_quick_passed"


def _quick_reject() -> Callable[[str], bool] | None:
    """The relevance extractor's cheap test, if it offers one.

    It must only say "certainly irrelevant" (no bloc vocabulary at all); the
    full relevance component still decides every article it lets through.
    """
    try:
        from .extractors import relevance
    except ImportError:  # pragma: no cover - the package always has it
        return None
    return getattr(relevance, "quick_reject", None)


class _time_limit:
    """SIGALRM-based limit; only possible in a process's main thread (not dask threads).

    A class rather than a generator-based context manager: it is entered once
    per article.
    """

    __slots__ = ("seconds", "old")

    def __init__(self, seconds: float | None):
        self.seconds = seconds
        self.old = None

    def _on_alarm(self, signum, frame):
        raise ArticleTimeout(f"article took longer than {self.seconds:g} s")

    def __enter__(self) -> None:
        seconds = self.seconds
        if not seconds or threading.current_thread() is not threading.main_thread():
            self.seconds = None      # nothing armed: nothing to undo
            return
        self.old = signal.signal(signal.SIGALRM, self._on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)

    def __exit__(self, *exc) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.old)


_NO_LIMIT = nullcontext()


class Pipeline:
    """The configured chain of components, built once per process.

    With ``prefilter`` (the default) an article the relevance extractor's
    ``quick_reject`` rules out skips the record extractors: only
    :data:`REJECTED_RUNS` run, so it still gets its articles row.  Likewise
    the components after ``relevance`` are skipped once it has judged an
    article irrelevant, since :func:`finalize` would drop their records.
    ``timeout`` bounds the seconds one article may take.
    """

    def __init__(self, components: Sequence[str] = DEFAULT_PIPELINE, *,
                 prefilter: bool = True, timeout: float | None = None):
        self.names = list(components)
        self.components = [create(n) for n in self.names]
        self.timeout = timeout
        self.quick_reject = _quick_reject() if prefilter and "relevance" in self.names else None
        self.rejected_chain = [(n, c) for n, c in zip(self.names, self.components)
                               if n in REJECTED_RUNS]

    def warm_up(self) -> "Pipeline":
        """Load everything now rather than during the first articles.

        Components may offer ``warm_up()`` for tables the sample article does
        not reach; then :data:`WARM_UP_TEXT` runs through the whole chain.
        The batch engines call this once per process before timing starts.
        """
        for comp in self.components:
            hook = getattr(comp, "warm_up", None)
            if callable(hook):
                hook()
        self(RawArticle(source="<warm-up>", article_id="<warm-up>", text=WARM_UP_TEXT, fmt="txt"))
        return self

    def __call__(self, raw: RawArticle) -> Doc | ReadError:
        stage = "normalize"
        try:
            with _time_limit(self.timeout) if self.timeout else _NO_LIMIT:
                doc = normalize(raw)
                rejected = False
                if self.quick_reject is not None:
                    stage = "relevance"
                    rejected = self.quick_reject(f"{doc.title}\n{doc.text}")
                if rejected:                # the rejected chain reads lines, not sentences
                    for name, comp in self.rejected_chain:
                        stage = name
                        doc = comp(doc)
                else:
                    if self.quick_reject is not None:  # the relevance component need not ask again
                        doc.ctx[_QUICK_PASSED] = (doc.title, doc.text)
                    stage = "segment"
                    doc = segment(doc)
                    ran: set[str] = set()
                    for name, comp in zip(self.names, self.components):
                        stage = name
                        doc = comp(doc)
                        ran.add(name)
                        if (name == "relevance" and self.quick_reject is not None
                                and doc.fields.get("relevant") is False):
                            # finalize empties an irrelevant article's records anyway
                            rejected = True
                            break
                    if rejected:
                        for name, comp in self.rejected_chain:
                            if name not in ran:
                                stage = name
                                doc = comp(doc)
                if rejected:
                    doc.fields["relevant"] = False
                stage = "finalize"
                return finalize(doc)
        except Exception as exc:  # one bad article must not stop the batch
            tb = traceback.extract_tb(exc.__traceback__)
            where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
            return ReadError(raw.source, raw.article_id, stage,
                             f"{type(exc).__name__}: {exc}{where}")


_IRRELEVANT_CLEARS = tuple(f for f in ARTICLE_FIELDS if f not in IRRELEVANT_KEEPS and f != "relevant")


def finalize(doc: Doc) -> Doc:
    """Enforce the contract's invariants on a finished Doc.

    Irrelevant articles keep only their identifying fields and no records;
    every record's mention must be its slice of the text; records come in
    text order.
    """
    relevant = bool(doc.fields.get("relevant"))
    doc.fields["relevant"] = relevant
    if not relevant:
        for f in _IRRELEVANT_CLEARS:
            doc.fields[f] = None
        doc.records = {}
        return doc               # no records to check or sort
    for table in RECORD_TABLES:
        rows = doc.records.get(table, [])
        for r in rows:
            s, e = r.get("start"), r.get("end")
            if s is None or e is None or not (0 <= s <= e <= len(doc.text)):
                raise ValueError(f"{table} record with invalid offsets: {r}")
            r["mention"] = doc.text[s:e]
        rows.sort(key=lambda r: (r["start"], r["end"]))
    return doc


@dataclass
class RunStats:
    articles: int = 0
    relevant: int = 0
    failed: int = 0
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def irrelevant(self) -> int:
        return self.articles - self.relevant


def doc_rows(doc: Doc) -> Iterator[tuple[str, dict]]:
    """(table, row) pairs of one finished Doc, articles row first."""
    yield "articles", {**doc.article_row(), "title": doc.fields.get("title") or doc.title}
    for table in RECORD_TABLES:
        for row in doc.records.get(table, []):
            yield table, row


def result_rows(result: Doc | ReadError) -> Iterator[tuple[str, dict]]:
    """(table, row) pairs of any result: an error row, or the Doc's rows."""
    if isinstance(result, ReadError):
        yield "errors", result.row()
    else:
        yield from doc_rows(result)


def process_many(raws: Iterable[RawArticle | ReadError], pipeline: Pipeline | None = None
                 ) -> Iterator[Doc | ReadError]:
    pipeline = pipeline or Pipeline()
    for raw in raws:
        yield raw if isinstance(raw, ReadError) else pipeline(raw)


def write_result(writer, result: Doc | ReadError, stats: RunStats) -> None:
    if isinstance(result, ReadError):
        writer.write("errors", result.row())
        stats.failed += 1
        return
    stats.articles += 1
    stats.relevant += bool(result.fields.get("relevant"))
    for table, row in doc_rows(result):
        writer.write(table, row)
