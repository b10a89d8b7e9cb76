"""What the report and ``thidua show`` share: record labels and text segments.

Records may overlap (a leaders mention inside a members mention, a person's
name inside their title sentence), so text is cut at every record boundary
and each piece lists all the records covering it; renderers then wrap each
covered piece once, whatever the overlap.
"""
from __future__ import annotations

from typing import Any, Iterable, Sequence

from ..model import RECORD_TABLES

# The field a mention stands for, per table (what a hover or marker names).
MAIN_FIELD = {"members": "org", "leaders": "org", "handovers": "to_org",
              "awards": "org", "people": "name", "dates": "value"}


def _s(v: Any) -> str:
    return "" if v is None else str(v)


def record_label(table: str, r: dict[str, Any]) -> str:
    """``table.field = value`` plus the record's other facts, in one line."""
    if table == "members":
        return f"members.org = {_s(r.get('org'))}"
    if table == "leaders":
        return f"leaders.org = {_s(r.get('org'))} ({_s(r.get('role'))} {_s(r.get('year'))})".rstrip()
    if table == "handovers":
        return (f"handovers.to_org = {_s(r.get('to_org'))} "
                f"({_s(r.get('role'))} {_s(r.get('year'))}, from {_s(r.get('from_org')) or '?'})")
    if table == "awards":
        who = _s(r.get("org")) or f"{_s(r.get('count'))} unit(s)"
        return (f"awards.org = {who} — {_s(r.get('award'))}, {_s(r.get('status'))} "
                f"{_s(r.get('year'))}").rstrip()
    if table == "people":
        extra = ", ".join(x for x in (_s(r.get("title")), _s(r.get("org"))) if x)
        return f"people.name = {_s(r.get('name'))}" + (f" ({extra})" if extra else "")
    if table == "dates":
        return f"dates.value = {_s(r.get('value'))} ({_s(r.get('kind'))})"
    field = MAIN_FIELD.get(table, "mention")
    return f"{table}.{field} = {_s(r.get(field))}"


def short_field(table: str) -> str:
    return f"{table}.{MAIN_FIELD.get(table, 'mention')}"


def segments(length: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int, list[int]]]:
    """Cut ``[0, length)`` at every span boundary: (start, end, indexes of covering spans).

    Spans that are empty or fall outside the text cover nothing.
    """
    valid = [(i, s, e) for i, (s, e) in enumerate(spans)
             if s is not None and e is not None and 0 <= s < e <= length]
    cuts = sorted({0, length, *(s for _, s, _ in valid), *(e for _, _, e in valid)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [i for i, s, e in valid if s <= a and e >= b]
        out.append((a, b, covering))
    return out


def article_records(con, article_id: str, tables: Iterable[str] = RECORD_TABLES
                    ) -> list[tuple[str, dict[str, Any]]]:
    """(table, row) for every record of one article, in text order."""
    from ..db import fetch_dicts

    out = []
    for t in tables:
        for r in fetch_dicts(con, f'SELECT * FROM "{t}" WHERE article_id = ? ORDER BY row_id',
                             [article_id]):
            out.append((t, r))
    out.sort(key=lambda tr: (tr[1].get("start") is None, tr[1].get("start") or 0,
                             tr[1].get("end") or 0))
    return out
