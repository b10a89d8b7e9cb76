"""Gold drafts: the pipeline's own output turned into the contract's gold JSON.

Annotating from a blank page is slow; correcting a pre-filled draft is fast.
A draft is marked ``"verified": false`` so the scorer ignores it until an
annotator has corrected it and flipped the flag, and an existing file is never
overwritten unless asked, because it may hold an annotator's corrections.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .model import Doc, ReadError
from .scoring import GOLD_ARTICLE_FIELDS, INT_FIELDS, as_bool, as_count, as_int

# Keys of each record list, in the order the contract's gold example uses.
GOLD_RECORD_KEYS = {
    "leaders": ("year", "role", "org"),
    "handovers": ("year", "role", "from_org", "to_org"),
    "awards": ("award", "conferrer", "org", "count", "status", "year"),
    "people": ("name", "title", "org"),
}
_INT_KEYS = {"year", "count"}
# JSONL ids are free text; these cannot be part of a file name.
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def draft_filename(article_id: str) -> str:
    """File name of an article's gold (the scorer reads the id from inside the file)."""
    return _UNSAFE_NAME.sub("_", article_id).lstrip(".") + ".json"


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (
        isinstance(v, (list, tuple, set)) and not v)


def _article_value(name: str, v: Any) -> Any:
    if name == "relevant":
        return bool(as_bool(v))
    if _empty(v):
        return None
    if name == "event_types":
        parts = v if isinstance(v, (list, tuple, set)) else str(v).split(";")
        return sorted({str(p).strip() for p in parts if str(p).strip()}) or None
    if name in INT_FIELDS:
        n = as_int(v)
        return n if n is not None else str(v)
    if name == "province_code":
        n = as_int(v)
        return f"{n:02d}" if n is not None else str(v)
    return v if isinstance(v, (bool, int)) else str(v)


def _record_value(key: str, v: Any) -> Any:
    if key == "count":
        return as_count(v)
    if key in _INT_KEYS:
        return as_int(v)
    return "" if v is None else str(v)


def _unique(rows: Iterable[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = json.dumps(row, ensure_ascii=False, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def doc_to_gold(doc: Doc) -> dict[str, Any]:
    """One finished Doc as an unverified gold object (contract format)."""
    article = {name: _article_value(name, doc.fields.get(name)) for name in GOLD_ARTICLE_FIELDS}
    members: list[str] = []
    for row in doc.records.get("members", []):
        org = row.get("org")
        if not _empty(org) and org not in members:
            members.append(str(org))
    gold: dict[str, Any] = {"article_id": doc.article_id, "verified": False,
                            "source": doc.source, "article": article, "members": members}
    for table, keys in GOLD_RECORD_KEYS.items():
        gold[table] = _unique({k: _record_value(k, row.get(k)) for k in keys}
                              for row in doc.records.get(table, []))
    return gold


@dataclass
class DraftStats:
    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)      # existing file left alone
    failed: list[ReadError] = field(default_factory=list)


def write_drafts(results: Iterable[Doc | ReadError], out_dir: str | Path,
                 force: bool = False) -> DraftStats:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stats = DraftStats()
    for result in results:
        if isinstance(result, ReadError):
            stats.failed.append(result)
            continue
        path = out / draft_filename(result.article_id)
        if path.exists() and not force:
            stats.kept.append(result.article_id)
            continue
        text = json.dumps(doc_to_gold(result), ensure_ascii=False, indent=1) + "\n"
        tmp = path.with_suffix(".json.part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
        stats.written.append(result.article_id)
    return stats
