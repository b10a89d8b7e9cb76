"""Running the stages over a batch: read -> normalize -> segment -> components -> write.

:class:`Pipeline` turns one RawArticle into one Doc; :func:`extract` streams a
whole batch through it into a :class:`~pipeline.write.TableWriter`.  A failure
inside any stage becomes an error row naming the stage, and the batch goes on.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .model import ARTICLE_FIELDS, RECORD_TABLES, Doc, RawArticle, ReadError
from .normalize import normalize
from .registry import DEFAULT_PIPELINE, create
from .segment import segment

# Fields an irrelevant article keeps (contract: only these are filled).
IRRELEVANT_KEEPS = ("title", "outlet", "byline", "published_date")


class Pipeline:
    """The configured chain of components, built once per process."""

    def __init__(self, components: Sequence[str] = DEFAULT_PIPELINE):
        self.names = list(components)
        self.components = [create(n) for n in self.names]

    def __call__(self, raw: RawArticle) -> Doc | ReadError:
        stage = "normalize"
        try:
            doc = normalize(raw)
            stage = "segment"
            doc = segment(doc)
            for name, comp in zip(self.names, self.components):
                stage = name
                doc = comp(doc)
            stage = "finalize"
            return finalize(doc)
        except Exception as exc:  # one bad article must not stop the batch
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            where = f"{Path(tb.filename).name}:{tb.lineno}"
            return ReadError(raw.source, raw.article_id, stage,
                             f"{type(exc).__name__}: {exc} ({where})")


def finalize(doc: Doc) -> Doc:
    """Enforce the contract's invariants on a finished Doc.

    Irrelevant articles keep only their identifying fields and no records;
    every record's mention must be its slice of the text; records come in
    text order.
    """
    relevant = bool(doc.fields.get("relevant"))
    doc.fields["relevant"] = relevant
    if not relevant:
        for f in ARTICLE_FIELDS:
            if f not in IRRELEVANT_KEEPS and f != "relevant":
                doc.fields[f] = None
        doc.records = {}
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
