"""Component "resolve": cross-table consistency, run last.

Units that hold a bloc role or receive an award in the bloc's review are
members too (contract: "holders of the head/deputy role, units ranked or
recommended for an award"); each record table is de-duplicated on its
scoring key so a fact stated twice (body and caption) is one row.
"""
from __future__ import annotations

from ..model import Doc
from ..normalize import fold
from ..registry import register

_KEYS = {
    "members": ("org",),
    "leaders": ("year", "role", "org"),
    "handovers": ("role", "year", "from_org", "to_org"),
    "awards": ("award", "org", "count", "status", "year"),
    "people": ("name",),
    "dates": ("value", "start"),
}


@register("resolve")
class Resolve:
    def __call__(self, doc: Doc) -> Doc:
        if not doc.fields.get("relevant"):
            return doc
        members = {fold(r["org"]) for r in doc.records.get("members", [])}
        implied = [(r["org"], r["start"], r["end"]) for r in doc.records.get("leaders", [])]
        implied += [(r["org"], r["start"], r["end"]) for r in doc.records.get("awards", []) if r.get("org")]
        for org, start, end in implied:
            if fold(org) not in members:
                members.add(fold(org))
                doc.add("members", org=org, start=start, end=end)
        for table, key in _KEYS.items():
            if table not in doc.records:
                continue                    # nothing to de-duplicate, nothing to set
            rows, seen = [], set()
            for r in doc.records[table]:
                k = tuple([fold(str(r.get(c))) for c in key])
                if k in seen:
                    continue
                seen.add(k)
                rows.append(r)
            doc.records[table] = rows
        return doc
