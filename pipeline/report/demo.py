"""Tables made from gold annotations, for showing and testing the report.

Gold JSON has no offsets, so each record's mention is found in the article's
working text (its org, name or award, case-insensitively; an empty mention
where the text words it differently).  The result is a folder of CSVs shaped
exactly like ``thidua extract`` output, independent of how good the
extractors are at the time: the browser test and docs/report.png use it.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

import regex as re

from ..model import TABLE_COLUMNS
from ..normalize import normalize
from ..read import iter_articles
from ..write import TableWriter

# Which gold field a table's mention is looked for by.
_MENTION_FIELD = {"members": "org", "leaders": "org", "handovers": "to_org",
                  "awards": "org", "people": "name"}


def _find(text: str, needle: str | None, start: int) -> tuple[int, int]:
    if needle:
        pat = r"(?<!\p{L})" + r"\s+".join(re.escape(w) for w in needle.split()) + r"(?!\p{L})"
        m = re.compile(pat, re.IGNORECASE).search(text, start)
        if m:
            return m.start(), m.end()
    return start, start


def gold_tables(gold_dir: str | Path, inputs: Iterable[str | Path], out_dir: str | Path) -> Path:
    """Write the gold of every input article that has a gold file as extract-style CSVs."""
    gold_dir, out_dir = Path(gold_dir), Path(out_dir)
    with TableWriter(out_dir) as w:
        for raw in iter_articles(inputs):
            gpath = gold_dir / f"{raw.article_id}.json"
            if not hasattr(raw, "text") or not gpath.exists():
                continue
            doc = normalize(raw)
            gold = json.loads(gpath.read_text(encoding="utf-8"))
            art: dict[str, Any] = {"article_id": doc.article_id, "title": doc.title,
                                   **(gold.get("article") or {})}
            w.write("articles", art)
            for table, key in _MENTION_FIELD.items():
                for rec in gold.get(table) or []:
                    if isinstance(rec, str):
                        rec = {"org": rec}
                    needle = rec.get(key) or (rec.get("award") if table == "awards" else None)
                    s, e = _find(doc.text, needle, doc.body_start)
                    row = {c: rec.get(c) for c in TABLE_COLUMNS[table]}
                    row.update(article_id=doc.article_id, start=s, end=e, mention=doc.text[s:e])
                    w.write(table, row)
    return out_dir
