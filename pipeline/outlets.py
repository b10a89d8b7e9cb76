"""Newspapers: recognising the publishing outlet from codes, domains and names.

The table is ``gazetteers/outlets.csv`` (one row per paper: canonical name,
province, era, outlet codes, domains, other names).  The rules here are
general: an outlet code or a domain in brackets at the head of the lead
(``(QNO) -``, ``BHG -``, ``(Baonghean.vn)-``), or a line that is nothing but a
paper's name with the usual brand suffixes (``BÁO SÓC TRĂNG ONLINE``,
``© Báo Khánh Hòa điện tử``, ``Báo X - Cơ quan của Đảng bộ ...``).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from .gazetteers import load_csv
from .normalize import _DASHES, _OLD_TONE, fold
from .places import NEW, Province, province_by_name


@dataclass(frozen=True)
class Outlet:
    name: str
    province_short: str
    era: str

    @property
    def province(self) -> Province | None:
        return province_by_name(self.province_short, era=self.era)


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.split(";") if x.strip()]


_SCHEME = re.compile(r"^[a-z]+://")
_WWW = re.compile(r"^www\.")


def _domain_key(domain: str) -> str:
    """``www.Baonghean.vn`` / ``https://baonghean.com.vn/x`` -> ``baonghean``."""
    d = _SCHEME.sub("", domain.strip().lower())
    d = _WWW.sub("", d)
    return d.split("/")[0].split(".")[0]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Outlet], dict[str, Outlet], dict[str, Outlet]]:
    """(code -> outlet, domain key -> outlet, folded name -> outlet)."""
    codes, domains, names = {}, {}, {}
    for r in load_csv("outlets.csv"):
        o = Outlet(r["outlet"], r["province"], r.get("era") or "old")
        for c in _split(r.get("codes", "")):
            codes.setdefault(c, o)
        for d in _split(r.get("domains", "")):
            domains.setdefault(_domain_key(d), o)
        for n in [r["outlet"]] + _split(r.get("names", "")):
            names.setdefault(fold(n), o)
    return codes, domains, names


def outlets() -> list[Outlet]:
    return list({o.name: o for o in _tables()[2].values()}.values())


def outlet_by_code(token: str) -> Outlet | None:
    """An outlet code (``QNO``, case as written) or a domain (``Baonghean.vn``)."""
    token = token.strip()
    codes, domains, _ = _tables()
    if token in codes:
        return codes[token]
    if "." in token or token.lower().startswith("bao"):
        return domains.get(_domain_key(token))
    return None


def outlet_by_name(name: str) -> Outlet | None:
    return _tables()[2].get(fold(name))


def outlet_by_url(url: str | None) -> Outlet | None:
    return _tables()[1].get(_domain_key(url)) if url else None


# A code or domain heading the lead: "(QNO) - ", "BHG - ", "LSO-", "(BRVT) Sáng".
_HEAD_CODE = re.compile(
    r"^\s*(?:\((?P<p>[^()\n]{2,40})\)\s*[-–—:]?|(?P<b>[\p{Lu}][\p{L}.]{1,30})\s*[-–—]\s*)")


def outlet_code_at(line: str) -> tuple[Outlet, int, int] | None:
    """(outlet, start, end of the code) when ``line`` opens with an outlet code."""
    m = _HEAD_CODE.match(line)
    if not m:
        return None
    g = "p" if m.group("p") else "b"
    o = outlet_by_code(m.group(g))
    return (o, m.start(g), m.end(g)) if o else None


# Words a brand line may add after the paper's name.
_BRAND_SUFFIX = re.compile(r"^(?:điện tử|online|đt|điện tử online)\b\s*")
_BRAND_LEAD = re.compile(r"^(?:©|\(c\)|copyright|bản quyền(?:\s+thuộc\s+về)?)\s*:?\s*")


@lru_cache(maxsize=1)
def _name_regex() -> re.Pattern:
    names = sorted(_tables()[2], key=len, reverse=True)
    return re.compile("^(?:" + "|".join(re.escape(n) for n in names) + r")(?![\p{L}\d])")


def brand_line(line: str) -> Outlet | None:
    """The outlet when ``line`` is a paper's brand line, not a sentence naming it.

    Accepted: the name alone, with ``©``, with ``điện tử``/``online``, or
    followed by a dash and the ``Cơ quan của ...`` tagline.
    """
    if len(line) > 160:  # a paragraph, not a brand line: skip the folding
        return None
    return _brand_line(line)


@lru_cache(maxsize=1024)   # metadata asks again about the lines closing an article
def _brand_line(line: str) -> Outlet | None:
    if not _may_name_outlet(line):
        return None
    f = _BRAND_LEAD.sub("", fold(line))
    m = _name_regex().match(f)
    if not m:
        return None
    rest = _BRAND_SUFFIX.sub("", f[m.end():].strip()).strip()
    if rest and not (rest[0] in "-|" and "cơ quan" in rest):
        return None
    return _tables()[2][m.group(0)]


def _may_name_outlet(line: str) -> bool:
    """False only when ``fold(line)`` holds no outlet name (then it is no brand line).

    A brand line's fold holds a name, so the first word of one
    (:func:`_name_words`: "báo" for nearly all).  Folding an NFC line is
    lower-casing it and then rewriting old-style tones, dashes and white
    space; none of that makes such a word appear, so the lower-cased line
    holds it too.  Lower-casing costs a fraction of the whole folding, which
    most lines of an article (sentences) need not go through.
    """
    words = _name_words()
    if words is None or not unicodedata.is_normalized("NFC", line):
        return True
    low = line.lower()
    for w in words:
        if w in low:
            return True
    return False


@lru_cache(maxsize=1)
def _name_words() -> tuple[str, ...] | None:
    """The first words of the folded outlet names, or None when one is not safe to look for.

    Safe: no white space or dash (folding rewrites those) and no letter that
    the tone rewriting writes (``ò``, ``a``...: the word could be the
    rewriting's work); any other letter of a fold was in the lower-cased text.
    """
    written = set("".join(_OLD_TONE.values()))
    words = set()
    for name in _tables()[2]:
        w = name.split()[0] if name.split() else ""
        if not w or written & set(w) or any(c in _DASHES or c.isspace() for c in w):
            return None
        words.add(w)
    return tuple(sorted(words))


def is_new_outlet(o: Outlet | None) -> bool:
    return bool(o and o.era == NEW)
