"""Provinces and districts: cached lookups over the place gazetteers.

Every module that meets a place name (the place extractor, the org
canonicaliser, metadata) asks here, so the knowledge stays in
``gazetteers/provinces.csv`` (63 pre-July-2025 provinces),
``provinces_2025.csv`` (the 34 merged ones), ``districts.csv`` and
``communes.csv`` (built by ``scripts/build_gazetteers.py``).

Names are compared *folded* (:func:`pipeline.normalize.fold`), so case, old
tone placement (``Hoà Bình``) and dash spacing (``Bà Rịa-Vũng Tàu``) do not
matter.  A name that was a province both before and after the merger (``Lâm
Đồng``) is two :class:`Province` objects, one per era: callers choose the era.
"""
from __future__ import annotations

import re as stdre
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from .gazetteers import load_csv
from .normalize import fold, new_style_tones
from .wordscan import literal_scan, scan_finditer

OLD, NEW = "old", "new"

# Words that introduce a province-level name ("tỉnh Quảng Nam", "TP. Đà Nẵng").
_PROVINCE_MARKERS = ("tỉnh", "thành phố", "tp.", "tp")
# Words that introduce a district-level unit.
DISTRICT_TYPES = ("huyện", "thị xã", "thành phố", "quận")


@dataclass(frozen=True)
class Province:
    code: str          # GSO code in its era
    name: str          # full official name ("Tỉnh Quảng Nam")
    short: str         # canonical short name ("Quảng Nam")
    era: str           # "old" (before 1 July 2025) or "new"
    aliases: tuple[str, ...] = ()
    bare: bool = True  # is the short name alone in running text evidence?
    short_2025: str = ""
    code_2025: str = ""

    @property
    def after_merger(self) -> "Province":
        """The province this one belongs to after 1 July 2025 (itself if new)."""
        return self if self.era == NEW else province_by_name(self.short_2025, era=NEW)

    def names(self) -> tuple[str, ...]:
        return (self.short, self.name) + self.aliases


def _split(s: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in s.split(";") if x.strip())


@lru_cache(maxsize=1)
def old_provinces() -> tuple[Province, ...]:
    return tuple(Province(r["code"], r["name"], r["short"], OLD, _split(r.get("aliases", "")),
                          r.get("bare", "1") != "0", r["province_2025"], r["code_2025"])
                 for r in load_csv("provinces.csv"))


@lru_cache(maxsize=1)
def new_provinces() -> tuple[Province, ...]:
    return tuple(Province(r["code"], r["name"], r["short"], NEW, _split(r.get("aliases", "")),
                          r.get("bare", "1") != "0", r["short"], r["code"])
                 for r in load_csv("provinces_2025.csv"))


# What a key opens with when _strip_marker has a marker to strip: one startswith
# rules out most keys (names, bylines) before the loop.
_MARKER_OPENINGS = tuple(m + " " for m in _PROVINCE_MARKERS) + tuple(
    m for m in _PROVINCE_MARKERS if m.endswith("."))


def _strip_marker(key: str) -> str:
    if not key.startswith(_MARKER_OPENINGS):
        return key
    for m in _PROVINCE_MARKERS:
        if key.startswith(m + " ") or (m.endswith(".") and key.startswith(m)):
            return key[len(m):].strip()
    return key


@lru_cache(maxsize=1)
def _index() -> dict[str, dict[str, Province]]:
    """folded name -> {era: Province}; full names, short names and aliases."""
    idx: dict[str, dict[str, Province]] = {}
    for p in old_provinces() + new_provinces():
        for n in p.names():
            for key in {fold(n), _strip_marker(fold(n))}:
                idx.setdefault(key, {}).setdefault(p.era, p)
    return idx


def province_by_name(text: str | None, era: str | None = None) -> Province | None:
    """The province a name denotes (short, full, alias; with or without ``tỉnh``).

    ``era`` = ``"old"``/``"new"`` picks the pre- or post-merger province; with no
    era the pre-merger one wins when the name is both (``Lâm Đồng``).
    """
    if not text:
        return None
    key = fold(text).strip(" ,;:")
    hit = _index().get(key) or _index().get(_strip_marker(key))
    if not hit:
        return None
    if era:
        return hit.get(era)
    return hit.get(OLD) or hit.get(NEW)


def province_by_code(code: str, era: str = OLD) -> Province | None:
    return _by_code(era).get(str(code).zfill(2))


@lru_cache(maxsize=None)
def _by_code(era: str) -> dict[str, Province]:
    out: dict[str, Province] = {}
    for p in old_provinces() if era == OLD else new_provinces():
        out.setdefault(p.code, p)          # the first, as the scan it replaces
    return out


def province_2025(name_or_province: str | Province | None) -> Province | None:
    """The post-merger province of an old (or new) province: ``Quảng Nam`` -> ``Đà Nẵng``."""
    p = (name_or_province if isinstance(name_or_province, Province)
         else province_by_name(name_or_province))
    return p.after_merger if p else None


def province_names(era: str | None = None, aliases: bool = True) -> list[str]:
    """Every short name (and alias), longest first: ready to build a regex from."""
    provs = (old_provinces() if era != NEW else ()) + (new_provinces() if era != OLD else ())
    names = {p.short for p in provs}
    if aliases:
        names |= {a for p in provs for a in p.aliases}
    return sorted(names, key=lambda n: (-len(n), n))


def is_province_name(text: str | None) -> bool:
    """Is ``text`` (e.g. the ``X`` of a trailing ``tỉnh X``) a province's name?"""
    return province_by_name(text) is not None


_NAME_SEP = re.compile(r"\s*-\s*|\s+")


def _name_parts(name: str) -> list[str]:
    return [w for w in _NAME_SEP.split(name.strip()) if w]


def _name_pattern(name: str) -> str:
    parts = [re.escape(w) for w in _name_parts(name)]
    seps = _NAME_SEP.findall(name.strip())
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += (r"\s*[-–—]\s*" if "-" in sep else r"\s+") + part
    return out


@lru_cache(maxsize=1)
def _mention_regex() -> re.Pattern:
    names = province_names()
    alts = "|".join(_name_pattern(n) for n in names)
    # Case-sensitive as written (proper names are capitalised) or all caps.
    upper = "|".join(_name_pattern(n.upper()) for n in names)
    return re.compile(rf"(?<![\p{{L}}\d])(?:{alts}|{upper})(?![\p{{L}}\d])")


@lru_cache(maxsize=1)
def _mention_keys() -> stdre.Pattern:
    """The first word of every name as :func:`_mention_regex` spells it: where a mention can start."""
    names = province_names()
    return literal_scan({_name_parts(n)[0] for n in names} | {_name_parts(n.upper())[0] for n in names})


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    province: Province
    marker: str        # "tỉnh", "thành phố", "tp", "tỉnh ủy", "" (bare name)


_SPACES = re.compile(r"\s+")
_MARKER_BEFORE = re.compile(
    r"(?i)(tỉnh\s+ủy|tỉnh\s+uỷ|tỉnh|thành\s+phố|tp\.?)\s*$")


def find_provinces(text: str, start: int = 0, end: int | None = None,
                   era: str | None = None) -> list[PlaceMention]:
    """Province names in ``text[start:end]``, with the marker word before each.

    A name with ``bare=0`` (``Hồ Chí Minh``, also a person's name) counts only
    after a marker or in an alias form (``TP.HCM``).  Matching runs on the
    tone-normalised text, which has the same length, so offsets are the
    caller's.
    """
    end = len(text) if end is None else end
    norm = new_style_tones(text)
    out: list[PlaceMention] = []
    for m in scan_finditer(_mention_regex(), _mention_keys(), norm, start, end):
        prov = province_by_name(m.group(0), era=era) or province_by_name(m.group(0))
        if prov is None:
            continue
        before = _MARKER_BEFORE.search(norm[max(0, m.start() - 12):m.start()])
        marker = fold(_SPACES.sub(" ", before.group(1))).rstrip(".") if before else ""
        marker = marker.replace("tỉnh uỷ", "tỉnh ủy")
        is_short = fold(m.group(0)) == fold(prov.short)
        if not marker and is_short and not prov.bare:
            continue
        out.append(PlaceMention(m.start(), m.end(), prov, marker))
    return out


_TRAILING_TINH = re.compile(r"(?i)(?<![\p{L}])tỉnh\s+(?P<name>\p{Lu}[\p{L}\s\-–—]*?)\s*$")


def trailing_province(org: str) -> tuple[int, Province] | None:
    """``(offset of "tỉnh", province)`` when ``org`` ends in ``tỉnh <province>``.

    ``Công an tỉnh Quảng Nam`` -> (9, Quảng Nam), so the caller can keep
    ``Công an tỉnh``; ``Trường Đại học Quảng Nam`` (no ``tỉnh``) -> None.
    """
    m = _TRAILING_TINH.search(org.rstrip(" .,;"))
    if not m:
        return None
    prov = province_by_name(m.group("name"))
    return (m.start(), prov) if prov else None


# --- districts and communes ---------------------------------------------------

@lru_cache(maxsize=1)
def _district_index() -> dict[str, tuple[str, ...]]:
    """folded bare district name -> old province codes having such a unit."""
    idx: dict[str, set[str]] = {}
    for r in load_csv("districts.csv"):
        idx.setdefault(fold(r["bare"]), set()).add(r["province_code"])
    return {k: tuple(sorted(v)) for k, v in idx.items()}


_UBND = re.compile(r"^(?i:UBND)\s+")


def split_unit_type(name: str, types: tuple[str, ...] = DISTRICT_TYPES) -> tuple[str, str]:
    """``'huyện Núi Thành'`` -> ``('huyện', 'Núi Thành')``; no type -> ``('', name)``."""
    s = _UBND.sub("", name.strip())
    low = fold(s)
    for t in sorted(types, key=len, reverse=True):
        if low.startswith(t + " "):
            return t, s[len(t):].strip()
    return "", s


def provinces_of_district(name: str) -> list[Province]:
    """Every old province with a district-level unit of this (bare or typed) name."""
    return list(_provinces_of_district(name))


@lru_cache(maxsize=4096)
def _provinces_of_district(name: str) -> tuple[Province, ...]:
    _, bare = split_unit_type(name)
    return tuple(p for c in _district_index().get(fold(bare), ()) if (p := province_by_code(c)))


def province_of_district(name: str) -> Province | None:
    """The old province of a district-level unit, when the name is unambiguous."""
    provs = provinces_of_district(name)
    return provs[0] if len(provs) == 1 else None


def is_district_name(name: str) -> bool:
    return bool(provinces_of_district(name))


@lru_cache(maxsize=1)
def _commune_index() -> dict[tuple[str, str], tuple[str, ...]]:
    idx: dict[tuple[str, str], set[str]] = {}
    for r in load_csv("communes.csv"):
        idx.setdefault((r["era"], fold(r["bare"])), set()).add(r["province_code"])
    return {k: tuple(sorted(v)) for k, v in idx.items()}


def province_of_commune(name: str, era: str = OLD) -> Province | None:
    """The province of a commune/ward name, only when no other province has one."""
    _, bare = split_unit_type(name, ("phường", "xã", "thị trấn", "đặc khu"))
    codes = _commune_index().get((era, fold(bare)), ())
    return province_by_code(codes[0], era) if len(codes) == 1 else None
