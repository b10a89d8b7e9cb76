"""Cross-article view: one bloc, many articles, one timeline.

Each article describes one meeting of one bloc; a researcher wants the bloc's
history.  Articles are tied to a bloc by (province, kind of bloc), where the
kind is what is left of the bloc's name once the parts that vary between
reporters are gone: case and tone placement, the unit word's wording
(``Khối thi đua`` / ``Khối giao ước thi đua``), the province's name, filler
words (``các cơ quan``), number spelling (``VII`` / ``số 7``) and known
alternative spellings (``gazetteers/bloc_kinds.csv``).

Facts from the articles of one bloc are merged, never arbitrated: when two
sources give the same bloc two different heads for one year, both stay in the
timeline, flagged, and the disagreement is listed in :func:`conflicts` for a
person to settle.  Everything here works on plain row dicts (as read from the
CSV tables) so it can be tested without files.
"""
from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

import regex as re

from .normalize import fold

# Roles that one unit holds at a time: two holders for one year is a conflict.
# Deputies are not among them (a bloc often has two).
SINGLE_HOLDER_ROLES = ("head",)

_UNIT_RE = re.compile(r"^(?:(khối|cụm)(?:\s+giao\s+ước)?(?:\s+thi\s+đua)?)\b\s*")
_PARENS_RE = re.compile(r"\([^)]*\)")
_LEADING_FILLER_RE = re.compile(r"^(?:các\s+)?(?:cơ\s+quan\s+)?")
_TRAILING_AREA_RE = re.compile(r"(?:(?:^|\s+)tỉnh)+$")
_NUMBER_RE = re.compile(r"^(?:số\s+)?0*(\d+)$")
_ROMAN_RE = re.compile(r"^(?:số\s+)?([ivxl]+)$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman(s: str) -> int | None:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if v < prev else v
        prev = max(prev, v)
    return total or None


@lru_cache(maxsize=1)
def _kind_aliases() -> dict[str, str]:
    from .gazetteers import load_csv

    try:
        rows = load_csv("bloc_kinds.csv")
    except FileNotFoundError:
        return {}
    return {fold(r["alias"]): fold(r["kind"]) for r in rows if r.get("alias")}


@lru_cache(maxsize=4096)
def _province_names(province: str) -> tuple[str, ...]:
    """Folded spellings of a province: its name plus gazetteer aliases, longest first."""
    names = {fold(province)}
    from .gazetteers import load_csv

    for table in ("provinces.csv", "provinces_2025.csv"):
        try:
            rows = load_csv(table)
        except (FileNotFoundError, KeyError):
            continue
        for r in rows:
            spellings = [r.get("name", ""), r.get("short", "")] + (r.get("aliases") or "").split(";")
            if fold(province) in {fold(s) for s in spellings if s}:
                names.update(fold(s) for s in spellings if s)
    return tuple(sorted((n for n in names if n), key=len, reverse=True))


def bloc_kind(bloc: str | None, provinces: Iterable[str | None] = ()) -> str | None:
    """The province-independent kind of a bloc name, or None if nothing is left.

    ``Khối thi đua các cơ quan Đảng tỉnh Hoà Bình`` -> ``khối đảng``;
    ``Cụm thi đua II`` -> ``cụm số 2``.
    """
    if not bloc or not bloc.strip():
        return None
    s = _PARENS_RE.sub(" ", fold(bloc))
    s = re.sub(r"\s+", " ", s).strip()
    m = _UNIT_RE.match(s)
    unit = m.group(1) if m else "khối"
    s = s[m.end():] if m else s
    for prov in provinces:
        if not prov:
            continue
        for name in _province_names(prov):
            s = re.sub(r"(?:\b(?:tỉnh|thành phố)\s+)?(?<!\p{L})" + re.escape(name) + r"(?!\p{L})",
                       " ", s)
    s = re.sub(r"\s+", " ", s).strip(" ,-")
    s = _TRAILING_AREA_RE.sub("", s).strip()
    s = _LEADING_FILLER_RE.sub("", s).strip()
    if "," in s:  # a list of unit types names the same set in any order
        s = ", ".join(sorted(p.strip() for p in s.split(",") if p.strip()))
    if m2 := _NUMBER_RE.match(s):
        s = f"số {int(m2.group(1))}"
    elif (m2 := _ROMAN_RE.match(s)) and _roman(m2.group(1)):
        s = f"số {_roman(m2.group(1))}"
    s = _kind_aliases().get(s, s)
    if not s:
        return None
    return f"{unit} {s}"


def slug(s: str | None) -> str:
    """ASCII, lower case, hyphenated: readable in an id and safe in a URL."""
    s = (s or "").replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _int(v: Any) -> int | None:
    if v is None or v == "":
        return None
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def article_year(a: dict[str, Any]) -> int | None:
    """The year an article's facts describe: reviewed year, else plan year, else the event's."""
    for key in ("review_year", "plan_year"):
        if (y := _int(a.get(key))) is not None:
            return y
    for key in ("event_date", "published_date"):
        v = a.get(key)
        if isinstance(v, date):
            return v.year
        if v and re.match(r"^\d{4}", str(v)):
            return int(str(v)[:4])
    return None


def _is_relevant(a: dict[str, Any]) -> bool:
    v = a.get("relevant")
    return v is True or str(v).lower() == "true"


@dataclass
class Bloc:
    bloc_id: str
    province: str | None
    kind: str | None
    names: Counter = field(default_factory=Counter)
    article_ids: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The spelling most articles use; ties go to the fullest."""
        if not self.names:
            return ""
        return max(self.names.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]

    def row(self) -> dict[str, Any]:
        return {"bloc_id": self.bloc_id, "province": self.province, "kind": self.kind,
                "bloc": self.name, "n_articles": len(self.article_ids),
                "article_ids": list(self.article_ids)}


def assign_blocs(articles: Iterable[dict[str, Any]]) -> tuple[dict[str, str], dict[str, Bloc]]:
    """(article_id -> bloc_id, bloc_id -> Bloc) for the relevant articles.

    An article whose bloc name is empty (it covers several blocs) or reduces to
    nothing gets a bloc of its own, so its facts are kept but merged with none.
    """
    by_article: dict[str, str] = {}
    blocs: dict[str, Bloc] = {}
    for a in articles:
        if not _is_relevant(a):
            continue
        aid = str(a["article_id"])
        province = a.get("province") or None
        kind = bloc_kind(a.get("bloc"), (province, a.get("province_2025")))
        prov_part = slug(province) or "_"
        if kind:
            bid = f"{prov_part}/{slug(kind)}"
        else:
            bid = f"{prov_part}/article-{slug(aid) or 'x'}"
        b = blocs.setdefault(bid, Bloc(bid, province, kind))
        if a.get("bloc"):
            b.names[str(a["bloc"])] += 1
        b.article_ids.append(aid)
        by_article[aid] = bid
    return by_article, blocs


def _merge(rows: Iterable[dict[str, Any]], key_fields: tuple[str, ...], org_field: str = "org"
           ) -> dict[tuple, dict[str, Any]]:
    """Group rows on key_fields plus the folded org; keep the commonest spelling."""
    groups: dict[tuple, dict[str, Any]] = {}
    spellings: dict[tuple, Counter] = defaultdict(Counter)
    for r in rows:
        k = tuple(r.get(f) for f in key_fields) + (fold(r.get(org_field)),)
        g = groups.setdefault(k, {**{f: r.get(f) for f in key_fields}, "article_ids": []})
        if r["article_id"] not in g["article_ids"]:
            g["article_ids"].append(r["article_id"])
        spellings[k][r.get(org_field) or ""] += 1
    for k, g in groups.items():
        g[org_field] = spellings[k].most_common(1)[0][0] or None
        g["article_ids"].sort()
    return groups


def leadership_timeline(articles: list[dict[str, Any]], leaders: Iterable[dict[str, Any]],
                        assignment: tuple[dict[str, str], dict[str, Bloc]] | None = None
                        ) -> list[dict[str, Any]]:
    """One row per (bloc, year, role, org) with every article that states it.

    ``conflict`` is true on rows whose bloc/year/role has another holder too
    (for the single-holder roles); see :func:`conflicts`.
    """
    by_article, blocs = assignment or assign_blocs(articles)
    rows = []
    for r in leaders:
        bid = by_article.get(str(r.get("article_id")))
        if bid is None:
            continue
        rows.append({**r, "bloc_id": bid, "year": _int(r.get("year"))})
    merged = _merge(rows, ("bloc_id", "year", "role"))
    holders: dict[tuple, int] = Counter((g["bloc_id"], g["year"], g["role"]) for g in merged.values())
    out = []
    for g in merged.values():
        b = blocs[g["bloc_id"]]
        out.append({"province": b.province, "bloc": b.name, "bloc_id": g["bloc_id"],
                    "year": g["year"], "role": g["role"], "org": g["org"],
                    "article_ids": g["article_ids"],
                    "conflict": g["role"] in SINGLE_HOLDER_ROLES
                    and holders[(g["bloc_id"], g["year"], g["role"])] > 1})
    out.sort(key=lambda r: (r["province"] or "", r["bloc_id"], r["year"] is None, r["year"] or 0,
                            r["role"] or "", fold(r["org"])))
    return out


def conflicts(timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bloc-years whose sources name different holders of a single-holder role.

    ``scope`` is ``cross_article`` when the disagreeing orgs come from
    different articles, ``same_article`` when one article names both (an
    extraction to check).  ``detail`` says who said what.
    """
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for r in timeline:
        if r["conflict"]:
            groups[(r["bloc_id"], r["year"], r["role"])].append(r)
    out = []
    for (bid, year, role), rows in groups.items():
        sources = [set(r["article_ids"]) for r in rows]
        cross = any(not (a & b) for i, a in enumerate(sources) for b in sources[i + 1:])
        arts = sorted(set().union(*sources))
        out.append({"province": rows[0]["province"], "bloc": rows[0]["bloc"], "bloc_id": bid,
                    "year": year, "role": role, "orgs": [r["org"] for r in rows],
                    "article_ids": arts,
                    "scope": "cross_article" if cross else "same_article",
                    "detail": "; ".join(f"{r['org']} ({', '.join(r['article_ids'])})" for r in rows)})
    out.sort(key=lambda r: (r["province"] or "", r["bloc_id"], r["year"] or 0, r["role"]))
    return out
