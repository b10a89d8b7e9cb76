"""Component "orgs": every org mention of the body, found once for all extractors.

Members, leaders, awards and people all need the same mentions; finding them
once per sentence here keeps the later components cheap and consistent.
``doc.ctx['orgs']`` maps a sentence index to its mentions.
"""
from __future__ import annotations

from ..model import Doc
from ..orgs import find_orgs
from ..registry import register


@register("orgs")
class Orgs:
    def __call__(self, doc: Doc) -> Doc:
        if not doc.fields.get("relevant"):
            return doc
        province = doc.ctx.get("province") or doc.fields.get("province")
        multi = bool(doc.ctx.get("multi_province"))
        per_sentence = {}
        # the outlet's footer, the byline, photo credits and the dateline are
        # page furniture: "Báo An Giang Online" closing a story is no member
        furniture = [sp for sp in (doc.ctx.get("outlet_span"), doc.ctx.get("dateline_span")) if sp]
        furniture += list(doc.ctx.get("byline_spans") or []) + list(doc.ctx.get("credit_spans") or [])
        for i, s in enumerate(doc.sentences):
            if s.start < doc.body_start or doc.is_excluded(s.start, s.end):
                continue
            if any(f.start <= s.start and s.end <= f.end for f in furniture):
                continue
            found = find_orgs(doc.text, s.start, s.end, province, multi)
            if found:
                per_sentence[i] = found
        doc.ctx["orgs"] = per_sentence
        return doc
