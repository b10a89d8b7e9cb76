"""Component "orgs": every org mention of the body, found once for all extractors.

Members, leaders, awards and people all need the same mentions; finding them
once per sentence here keeps the later components cheap and consistent.
``doc.ctx['orgs']`` maps a sentence index to its mentions.
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Doc
from ..orgs import OrgMention, find_orgs
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
        doc.ctx["orgs"] = _extend_to_listed_names(doc.text, per_sentence)
        return doc


def _extend_to_listed_names(text: str, per_sentence: dict[int, list[OrgMention]]) -> dict[int, list[OrgMention]]:
    """A name holding a comma, read whole where a list's semicolons bound it
    ("6 chi cục: ...; Chăn nuôi, Thú y và Thủy sản; ..."), is the same name
    where it stands alone in the story: "Chi cục Chăn nuôi, Thú y và Thủy
    sản vinh dự ..." is not "Chi cục Chăn nuôi" and a list of others.  The
    article itself says where such a name ends."""
    listed = {o.org for found in per_sentence.values() for o in found if "," in o.org}
    if not listed:
        return per_sentence
    out = {}
    for i, found in per_sentence.items():
        grown = []
        for o in found:
            for name in listed:
                end = o.start + len(name)
                if (len(name) > o.end - o.start and name.startswith(text[o.start:o.end])
                        and text.startswith(name, o.start) and not text[end:end + 1].isalnum()):
                    o = replace(o, end=end, org=name)
                    break
            if grown and o.start < grown[-1].end:
                continue
            grown.append(o)
        out[i] = grown
    return out
