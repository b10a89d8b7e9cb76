"""Plain data objects that pass between the stages.

Every stage takes one of these and returns one of these; none of them holds
behaviour beyond small conveniences, so a stage can be tested by building the
object by hand.  Offsets are always character offsets into ``Doc.text``, the
article's *working text* (NFC, ``\\n`` line ends) as the contract defines it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Column order of every output table, exactly as the contract (SPEC v1) lists it.
TABLE_COLUMNS: dict[str, list[str]] = {
    "articles": [
        "article_id", "relevant", "title", "outlet", "byline", "published_date",
        "event_date", "event_types", "review_year", "plan_year", "province",
        "province_code", "province_2025", "bloc", "member_count",
    ],
    "members": ["article_id", "org", "mention", "start", "end"],
    "leaders": ["article_id", "year", "role", "org", "mention", "start", "end"],
    "handovers": ["article_id", "role", "year", "from_org", "to_org", "mention", "start", "end"],
    "awards": ["article_id", "award", "conferrer", "org", "count", "status", "year",
               "mention", "start", "end"],
    "people": ["article_id", "name", "title", "org", "mention", "start", "end"],
    "dates": ["article_id", "value", "kind", "mention", "start", "end"],
    "errors": ["source", "article_id", "stage", "error"],
}
RECORD_TABLES = ["members", "leaders", "handovers", "awards", "people", "dates"]
ARTICLE_FIELDS = TABLE_COLUMNS["articles"][1:]


@dataclass
class RawArticle:
    """What a reader hands on: text as found, before any normalisation."""

    source: str                      # file path (plus ``:line`` for JSONL)
    article_id: str
    text: str                        # body text (for .txt: the whole file)
    title: str | None = None         # known title (HTML/JSONL); .txt: first line
    published: str | None = None     # page/JSONL publication date, as given
    author: str | None = None        # page author meta (HTML)
    url: str | None = None
    site: str | None = None          # the page's site name (HTML og:site_name)
    fmt: str = "txt"                 # txt | html | jsonl
    warnings: list[str] = field(default_factory=list)


@dataclass
class ReadError:
    """One input that could not become an article: becomes a row of errors.csv."""

    source: str
    article_id: str
    stage: str
    error: str

    def row(self) -> dict[str, str]:
        return {"source": self.source, "article_id": self.article_id,
                "stage": self.stage, "error": self.error}


@dataclass(frozen=True)
class Span:
    """A half-open character range of ``Doc.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass
class Doc:
    """The shared object every extractor reads and adds to.

    ``body_start`` marks where the article body begins (after the headline of a
    .txt file) so record extractors do not count a headline that merely
    repeats the lead.  ``excluded`` are boilerplate spans (comment forms,
    related-article lists...) that must yield no record.
    """

    article_id: str
    source: str
    text: str
    title: str = ""
    fmt: str = "txt"
    published_meta: str | None = None
    author_meta: str | None = None
    url: str | None = None
    site_meta: str | None = None
    body_start: int = 0
    excluded: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # Scratch space for facts one extractor finds and a later one needs
    # (org mentions, year context...).  Not written out.
    ctx: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    # -- conveniences -------------------------------------------------
    def add(self, table: str, **row: Any) -> dict[str, Any]:
        """Append a record; ``start``/``end`` give the mention."""
        start, end = row.get("start"), row.get("end")
        if start is not None and end is not None and "mention" not in row:
            row["mention"] = self.text[start:end]
        row = {"article_id": self.article_id, **row}
        self.records.setdefault(table, []).append(row)
        return row

    def is_excluded(self, start: int, end: int | None = None) -> bool:
        if not self.excluded:                 # most articles: nothing to look at
            return False
        end = start if end is None else end
        return any(s.start <= start < s.end or s.start < end <= s.end for s in self.excluded)

    def body_sentences(self) -> list[Span]:
        """Sentences of the body outside boilerplate: where records come from.

        Every extractor asks; the answer is kept until the sentences, the
        body start or the boilerplate change (a new list is a change).
        """
        # the lists themselves are held (and compared with ``is``), so an id
        # cannot be reused by a new list
        key = (self.sentences, len(self.sentences), self.body_start,
               self.excluded, len(self.excluded))
        cached = self.ctx.get("_body_sentences")
        if cached is None or any(a is not b and a != b for a, b in zip(cached[0], key)):
            body = [s for s in self.sentences
                    if s.start >= self.body_start and not self.is_excluded(s.start, s.end)]
            cached = self.ctx["_body_sentences"] = (key, body)
        return list(cached[1])

    def sentence_text(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def article_row(self) -> dict[str, Any]:
        row = {"article_id": self.article_id}
        for col in ARTICLE_FIELDS:
            row[col] = self.fields.get(col)
        return row
