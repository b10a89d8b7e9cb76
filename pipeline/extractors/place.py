"""Extractor: place — the article's province, its GSO code and its 2025 province.

A provincial paper rarely writes its own province's name: it says "tỉnh",
"Tỉnh ủy", "Công an tỉnh".  So the evidence is weighed, strongest first: the
outlet (its code or brand line, found by ``metadata``), an explicit province
("tỉnh Quảng Nam", "Tỉnh ủy Hà Giang"), a bare province name ("Viễn thông
Thái Bình", "Báo Đồng Tháp"), and district or commune names ("huyện Yên
Lạc", "các huyện Tuần Giáo, Tủa Chùa").  Boilerplate, bylines and photo
credits are not evidence.

After the 1 July 2025 merger the old names survive in the text ("hợp nhất 3
tỉnh Hà Nam, Nam Định và Ninh Bình"), so for an article of that era every
piece of evidence is first carried to its merged province; the answer is the
new province, with its new code, in both ``province`` and ``province_2025``.
A bloc spanning several provinces (no province dominating the evidence)
gives no province.
"""
from __future__ import annotations

from collections import defaultdict

import regex as re

from ..model import Doc, Span
from ..places import (NEW, OLD, Province, find_provinces, province_by_name,
                      province_of_commune, provinces_of_district)
from ..registry import register
from ..wordscan import literal_scan, scan_finditer

MERGER_DATE = "2025-07-01"

# Weight of each kind of evidence.
W_OUTLET = 6.0
W_MARKED = 3.0      # "tỉnh X", "Tỉnh ủy X", "thành phố X", "TP. X"
W_BARE = 1.0        # a province name inside another name ("Viễn thông Thái Bình")
W_DISTRICT = 1.0    # "huyện X" (split between provinces sharing the name)
W_COMMUNE = 0.5     # "xã X" whose name is unique in the country
# A province must hold this share of the evidence, else the bloc spans several.
DOMINANCE = 0.5


def _unit_words(words: tuple[str, ...]) -> tuple[str, list[str]]:
    """The pattern of unit words, lower case or capitalised, and the words they open with."""
    forms = list(words) + [w.capitalize() for w in words]
    return "(?:" + "|".join(w.replace(" ", r"\s+") for w in forms) + ")", [w.split()[0] for w in forms]


# "huyện X", "thị xã X", "thành phố X", "quận X" and lists "các huyện A, B và C".
_UNIT_WORD, _UNIT_FIRST = _unit_words(("huyện", "thị xã", "thành phố", "quận"))
_COMMUNE_WORD, _COMMUNE_FIRST = _unit_words(("xã", "phường", "thị trấn"))
_NAME = r"\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3}"
_DISTRICT_LIST = re.compile(
    rf"(?<![\p{{L}}]){_UNIT_WORD}\s*:?\s+(?P<list>{_NAME}(?:\s*(?:,|;|và)\s*{_NAME})*)")
_COMMUNE = re.compile(rf"(?<![\p{{L}}])(?<![Tt]hị\s){_COMMUNE_WORD}\s+(?P<name>{_NAME})")
# Where a unit's name can start: its unit word's first word.
_UNIT_KEYS, _COMMUNE_KEYS = literal_scan(_UNIT_FIRST), literal_scan(_COMMUNE_FIRST)
# A province name after these words names a street or landmark, not the province.
_LANDMARK_BEFORE = re.compile(r"(?i)(?:đường|phố|ngõ|hẻm|quốc lộ|cầu|bến xe|ga)\s+$")
# Names continuing a marked list share its marker ("3 tỉnh Hà Nam, Nam Định và Ninh Bình").
_LIST_GAP = re.compile(r"^\s*(?:,|và|;)\s*(?:tỉnh\s+)?$")
_YEAR_WORD = re.compile(r"(?<![\p{L}])năm\s+(20\d{2})(?!\d)(?!\s*[-–]\s*20\d{2})")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\bvà\b)\s*")


def _blocked(doc: Doc, start: int, end: int) -> bool:
    """Inside boilerplate, the byline, a photo credit or the dateline."""
    if start >= doc.body_start and doc.is_excluded(start, end):
        return True
    spans = list(doc.ctx.get("byline_spans") or []) + list(doc.ctx.get("credit_spans") or [])
    return any(s.start <= start < s.end for s in spans if isinstance(s, Span))


def article_era(doc: Doc) -> str:
    """``new`` when the article dates from after the merger, else ``old``."""
    f = doc.fields
    for key in ("published_date", "event_date"):
        v = f.get(key)
        if isinstance(v, str) and len(v) >= 7:
            return NEW if v >= MERGER_DATE else OLD
    outlet = doc.ctx.get("outlet_province")
    if isinstance(outlet, Province) and outlet.era == NEW:
        return NEW
    # A review of 2025 or plans for 2026 are held after the merger.
    if (f.get("review_year") or 0) >= 2025 or (f.get("plan_year") or 0) >= 2026:
        return NEW
    if f.get("review_year") or f.get("plan_year"):
        return OLD
    # Without the dates component's years: the latest "năm YYYY" of the body.
    years = [int(y) for y in _YEAR_WORD.findall(doc.text, doc.body_start)]
    if years and max(years) >= 2026:
        return NEW
    return OLD


def gather_evidence(doc: Doc) -> list[tuple[Province, float, int, int]]:
    """(old-or-new province, weight, start, end) for every piece of evidence."""
    text = doc.text
    ev: list[tuple[Province, float, int, int]] = []
    outlet = doc.ctx.get("outlet_province")
    if isinstance(outlet, Province):
        sp = doc.ctx.get("outlet_span")
        ev.append((outlet, W_OUTLET, sp.start if sp else 0, sp.end if sp else 0))
    # The headline of a .txt sits before body_start but is the article's own text.
    claimed: list[tuple[int, int]] = []
    outlet_span = doc.ctx.get("outlet_span")
    prev_end, prev_marked = -1, False
    for m in find_provinces(text):
        if _blocked(doc, m.start, m.end) or (
                isinstance(outlet_span, Span) and outlet_span.start <= m.start < outlet_span.end):
            continue
        if not m.marker and _LANDMARK_BEFORE.search(text[max(0, m.start - 12):m.start]):
            continue
        marked = bool(m.marker) or (prev_marked and bool(_LIST_GAP.match(text[prev_end:m.start])))
        ev.append((m.province, W_MARKED if marked else W_BARE, m.start, m.end))
        claimed.append((m.start, m.end))
        prev_end, prev_marked = m.end, marked
    for m in scan_finditer(_DISTRICT_LIST, _UNIT_KEYS, text):
        pos = m.start("list")
        for name in _LIST_SPLIT.split(m.group("list")):
            start = text.find(name, pos)
            pos = start + len(name)
            if not name or _blocked(doc, start, pos) or any(a <= start < b for a, b in claimed):
                continue
            provs = provinces_of_district(name)
            for p in provs:
                ev.append((p, W_DISTRICT / len(provs), start, pos))
    for m in scan_finditer(_COMMUNE, _COMMUNE_KEYS, text):
        if _blocked(doc, m.start(), m.end()):
            continue
        p = province_of_commune(m.group("name"))
        if p:
            ev.append((p, W_COMMUNE, m.start("name"), m.end("name")))
    return ev


def decide(evidence, era: str) -> tuple[Province | None, dict[str, float]]:
    """The dominant province (in ``era``) and the score of each candidate."""
    scores: dict[str, float] = defaultdict(float)
    by_key: dict[str, Province] = {}
    for prov, w, _, _ in evidence:
        p = prov.after_merger if era == NEW else (prov if prov.era == OLD
                                                  else province_by_name(prov.short, era=OLD) or prov)
        if p is None:
            continue
        scores[p.short] += w
        by_key[p.short] = p
    if not scores:
        return None, {}
    best = max(scores, key=lambda k: (scores[k], k))
    if scores[best] < DOMINANCE * sum(scores.values()):
        return None, dict(scores)
    return by_key[best], dict(scores)


@register("place")
class Place:
    def __call__(self, doc: Doc) -> Doc:
        era = article_era(doc)
        prov, scores = decide(gather_evidence(doc), era)
        # Other extractors take the short name (a str, as the org canonicaliser
        # expects); the full record (codes, era) is under "province_info".
        doc.ctx["province"] = prov.short if prov else None
        doc.ctx["province_info"] = prov
        doc.ctx["province_scores"] = scores
        doc.ctx["province_era"] = era
        doc.ctx["multi_province"] = prov is None and len(scores) > 1
        if prov is None:
            doc.fields.update(province=None, province_code=None, province_2025=None)
            return doc
        new = prov.after_merger
        doc.fields["province"] = prov.short
        doc.fields["province_code"] = prov.code
        doc.fields["province_2025"] = new.short if new else None
        return doc


def province_of(doc: Doc) -> Province | None:
    """The province the place extractor chose (for later extractors)."""
    p = doc.ctx.get("province_info")
    return p if isinstance(p, Province) else None

