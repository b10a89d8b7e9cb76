"""Small helpers shared by several test modules."""
from __future__ import annotations

import unicodedata

from pipeline.normalize import fold

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(s: str) -> bytes:
    """Vietnamese as legacy Windows software saved it: base letters + combining tones."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
        out.append((base + "".join(c for c in d if c in TONES)).encode("cp1258"))
    return b"".join(out)


def field_f1(pairs) -> float:
    """F1 of (predicted, gold) value pairs, empty values not counted, strings folded."""
    tp = sum(1 for p, g in pairs if p and g and fold(p) == fold(g))
    npred, ngold = sum(1 for p, _ in pairs if p), sum(1 for _, g in pairs if g)
    prec, rec = (tp / npred if npred else 0), (tp / ngold if ngold else 0)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


RECORD_CHAIN = ("orgs", "bloc", "leadership", "awards", "resolve")


def extract(text: str, review: int | None = 2023, plan: int | None = 2024,
            province: str | None = None, components=RECORD_CHAIN):
    """A crafted text through the real stages (normalize, segment, the record extractors).

    Relevance and years are set by hand so a test exercises only the
    extractors it names; the text is read as JSONL (no headline line).
    """
    from pipeline.model import RawArticle
    from pipeline.normalize import normalize
    from pipeline.registry import create
    from pipeline.segment import segment

    doc = segment(normalize(RawArticle(source="t1", article_id="t1", text=text, fmt="jsonl")))
    doc.fields.update(relevant=True, review_year=review, plan_year=plan)
    if province:
        doc.ctx["province"] = province
    for name in components:
        doc = create(name)(doc)
    for table, rows in doc.records.items():
        for r in rows:
            assert doc.text[r["start"]:r["end"]] == r["mention"], (table, r)
    return doc


def records(doc, table: str, *cols) -> list[tuple]:
    """Sorted tuples of the named columns of a record table."""
    return sorted((tuple(r[c] for c in cols) for r in doc.records.get(table, [])),
                  key=lambda t: tuple("" if x is None else str(x) for x in t))
