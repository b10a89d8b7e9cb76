"""Organisation names: finding them in text and writing them canonically.

Shared by every extractor that outputs an org (members, leaders, handovers,
awards, people).  Three layers, all driven by data in ``gazetteers/``:

1. *known* names (``agencies.csv``): standard provincial agencies, Party
   agencies with their abbreviations, the bodies that direct a bloc and the
   authorities that confer awards.  They are matched first, so names with
   commas or "và" inside ("Sở Văn hóa, Thể thao và Du lịch") stay whole.
2. *generic* names (``org_words.csv``): a head word ("Công ty", "Trường",
   "huyện"...) followed by capitalised words and a closed vocabulary of
   lower-case name words; any other lower-case word ends the name.
3. *lists*: shared words distributed over a list ("các huyện A, B và C",
   "các sở: Y tế; Tư pháp", "Ban Tổ chức, Ban Tuyên giáo, UBKT Tỉnh ủy").
"""
from __future__ import annotations

import re as stdre
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from .gazetteers import load_csv
from .normalize import fold, new_style_tones, tidy
from .wordscan import FirstWordScan, compatible_words, leading_words, odd_case_folding, trusted_lower

# An apostrophe inside a syllable, between letters: Central Highlands names
# ("Ea H'leo", "Cư M’gar", "M'Đrắk"), typewriter or typographic.
_APOS = r"(?:['’]\p{L}[\p{L}\p{M}]*)?"
# A capitalised proper name of one to five syllables, possibly "A - B".
NAME = (r"\p{Lu}[\p{L}\p{M}]*" + _APOS + r"(?:(?:\s+|\s*-\s*)\p{Lu}[\p{L}\p{M}]*" + _APOS + r"){0,4}")
_NAME_RE = re.compile(NAME)
_WORD = re.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d&.]*(?:['’]\p{L}[\p{L}\p{M}\d&.]*)?(?<!\.)")


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    org: str          # canonical form
    kind: str = "generic"   # party | agency | body | conferrer | generic | district


# --- pattern helpers ---------------------------------------------------------

_TONE_VARIANTS = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}


def tolerant(pattern: str) -> str:
    """Make a gazetteer pattern accept the press's spelling variants.

    Old/new tone placement, the common "Tinh ủy" typo, any dash with any
    spacing, any run of white space.  ``{NAME}`` becomes a capitalised name.
    """
    out = pattern
    for new, old in _TONE_VARIANTS.items():
        out = out.replace(new, f"(?:{new}|{old})")
        cap_new, cap_old = new[0].upper() + new[1:], old[0].upper() + old[1:]
        out = out.replace(cap_new, f"(?:{cap_new}|{cap_old})")
    out = re.sub(r"T(?:ỉ)nh", "T[ỉi]nh", out)
    out = re.sub(r"t(?:ỉ)nh", "t[ỉi]nh", out)
    out = out.replace(" - ", r"\s*[-–—]\s*")
    out = out.replace(" ", r"\s+")
    out = out.replace("{NAME}", f"(?P<name>(?-i:{NAME}))")
    return out


def _literal(canonical: str) -> str:
    """A canonical name as a pattern: regex-escaped except spaces, dashes and {NAME}."""
    out = re.escape(canonical)
    return out.replace("\\ ", " ").replace("\\-", "-").replace("\\{NAME\\}", "{NAME}")


@dataclass(frozen=True)
class _Known:
    canonical: str
    kind: str
    regex: re.Pattern


@lru_cache(maxsize=None)
def _known_entries() -> tuple[_Known, ...]:
    entries = []
    for row in load_csv("agencies.csv"):
        pat = row["pattern"] or _literal(row["canonical"])
        entries.append(_Known(row["canonical"], row["kind"] or "agency",
                              re.compile(tolerant(pat), re.IGNORECASE)))
    return tuple(entries)


@lru_cache(maxsize=None)
def _known_alternatives() -> tuple[tuple[str, frozenset[str] | None], ...]:
    """The branches of :func:`_known_search`, in the order it tries them, each
    with the lower-case words it can start with (None: unknown).

    Patterns that start with a literal word are grouped under it
    ("Ban(?:\\s+Tổ chức…|\\s+Tuyên giáo…)"), so at most positions the engine
    fails on the first word instead of trying every name; inside a group the
    longest pattern is tried first.  The rest come first, longest first.
    """
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for row in load_csv("agencies.csv"):
        pat = row["pattern"] or _literal(row["canonical"])
        m = re.match(r"[\p{L}\p{M}]+(?=\s)", pat)
        if m and not re.match(r"[\p{L}\p{M}]+\s*[?*+{]", pat):
            groups.setdefault(m.group(0).lower(), []).append(pat[m.end():])
        else:
            others.append(pat)
    lead = {pat: leading_words(pat) for pat in others}
    others.sort(key=lambda pat: len(tolerant(pat).replace("(?P<name>", "(?:")), reverse=True)
    alts = [(tolerant(pat).replace("(?P<name>", "(?:"), frozenset(lead[pat]) if lead[pat] else None)
            for pat in others]
    for first, rests in groups.items():
        rests = sorted(rests, key=len, reverse=True)
        body = "|".join(tolerant(r).replace("(?P<name>", "(?:") for r in rests)
        alts.append((f"{tolerant(first)}(?:{body})", frozenset({first})))
    return tuple(alts)


def _known_pattern(alternatives: list[str]) -> re.Pattern:
    return re.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(alternatives) + r")(?![\p{L}\p{M}])",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _known_search() -> re.Pattern:
    """One alternation of every known pattern, word-bounded."""
    return _known_pattern([alt for alt, _ in _known_alternatives()])


@lru_cache(maxsize=None)
def _known_scan() -> FirstWordScan:
    """The known-name scan; a hit on a first word is verified with only the
    branches that can start there (:func:`pipeline.wordscan.compatible_words`)."""
    alts = _known_alternatives()
    if any(words is None for _, words in alts):
        return FirstWordScan(_known_search(), None)
    first = set().union(*(words for _, words in alts))
    by_word = {w: _known_pattern([alt for alt, words in alts if compatible_words(w, words, skeleton)])
               for w in first}
    return FirstWordScan(_known_search(), first, variants=lambda w: tolerant(re.escape(w)),
                         by_word=by_word)


@lru_cache(maxsize=None)
def _words() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    heads, inner, district = [], set(), []
    for row in load_csv("org_words.csv"):
        if row["kind"] == "head":
            heads.append(row["word"])
        elif row["kind"] in ("inner", "mid"):
            inner.add(row["word"].lower())
        elif row["kind"] == "district":
            district.append(row["word"])
    heads.sort(key=len, reverse=True)
    district.sort(key=len, reverse=True)
    return tuple(heads), frozenset(inner), tuple(district)


@lru_cache(maxsize=None)
def _mid_words() -> frozenset[str]:
    """Lower-case name words a name never ends on (org_words.csv, kind=mid, and "và")."""
    return frozenset({"và"} | {r["word"].lower() for r in load_csv("org_words.csv") if r["kind"] == "mid"})


@lru_cache(maxsize=None)
def _numbered_words() -> tuple[str, ...]:
    """Words a number follows inside a name ("khu vực 1", "số 2"), org_words.csv kind=numbered."""
    return tuple(r["word"].lower() for r in load_csv("org_words.csv") if r["kind"] == "numbered")


@lru_cache(maxsize=None)
def _numbered_first() -> frozenset[str]:
    return frozenset(w.split()[0] for w in _numbered_words())


@lru_cache(maxsize=None)
def _numbered() -> re.Pattern:
    """A numbered word and its number, Arabic or Roman ("khu vực 2", "Khu vực VI")."""
    words = "|".join(r"\s+".join(map(re.escape, w.split())) for w in _numbered_words()) or "(?!)"
    return re.compile(r"(?i:" + words + r")\s+(?:\d{1,3}|[IVXLC]{1,6})(?![\p{L}\p{M}\d])")


@lru_cache(maxsize=None)
def _single_heads() -> frozenset[str]:
    """One-word heads as written ("Hội", "Ban", "Sở")."""
    heads, _, _ = _words()
    return frozenset(h for h in heads if " " not in h)


@lru_cache(maxsize=None)
def _head_kind(kind: str) -> frozenset[str]:
    """Heads with a trait of their names (org_words.csv rows of ``kind``), as written."""
    return frozenset(r["word"] for r in load_csv("org_words.csv") if r["kind"] == kind)


@lru_cache(maxsize=None)
def _district_words() -> frozenset[str]:
    """The district words (org_words.csv kind=district), lower case."""
    return frozenset(d.lower() for d in _words()[2])


def _district_openers() -> list[str]:
    """First words of the district words, as written (lower case): besides a
    capital letter, the only way a head can start."""
    _, _, district = _words()
    return list(dict.fromkeys(d.split()[0] for d in district))


# What may stand before a district word ("UBND huyện X"), as written.
_DISTRICT_BEFORE = ("UBND", "Ủy ban nhân dân")


def _head_pattern(heads: tuple[str, ...], district: bool) -> re.Pattern:
    """The head pattern over ``heads`` (in their order), with the district
    branch or without it (its group then never takes part)."""
    _, _, dist_words = _words()
    alts = [tolerant(re.escape(h).replace("\\ ", " ")) for h in heads]
    dist = [tolerant(re.escape(d).replace("\\ ", " ")) for d in dist_words]
    before = "|".join(re.escape(b).replace("\\ ", " ") for b in _DISTRICT_BEFORE)
    tail = (r"(?:(?:" + before + r")\s+)?(?P<district>(?i:" + "|".join(dist) + r"))" if district
            else r"(?P<district>(?!))")
    return re.compile(
        r"(?<![\p{L}\p{M}])(?=\p{Lu}|" + "|".join(map(re.escape, _district_openers()))
        + r")(?:(?P<head>" + ("|".join(alts) or "(?!)") + r")|" + tail + r")(?![\p{L}\p{M}])")


@lru_cache(maxsize=None)
def _head_re() -> re.Pattern:
    heads, _, _ = _words()
    return _head_pattern(heads, True)


@lru_cache(maxsize=None)
def _head_scan() -> FirstWordScan:
    """:func:`_head_re`, tried only where the first word of a head or of what
    may precede a district word starts as written, or a district word's in
    any case (as the pattern matches them).

    Every alternative of the pattern is a word list passed through
    :func:`tolerant`, whose spellings of a name's first word are its
    spellings of that word alone, so the keys spell every way a match can
    start.  A hit is verified with the heads its word can open and the
    district branch only if a district word can start there too (a failed
    try of the whole pattern costs twice that).
    """
    heads, _, district = _words()
    cased = {w.split()[0] for w in (*heads, *_DISTRICT_BEFORE)}
    uncased = {d.split()[0].lower() for d in district}
    opens_district = uncased | {b.split()[0] for b in _DISTRICT_BEFORE}
    by_word = {w: _head_pattern(tuple(h for h in heads if compatible_words(w, {h.split()[0]}, skeleton)),
                                compatible_words(w, opens_district, skeleton))
               for w in cased | uncased}
    return FirstWordScan(_head_re(), uncased, variants=lambda w: tolerant(re.escape(w)), cased=cased,
                         by_word=by_word)


@lru_cache(maxsize=None)
def _surnames() -> frozenset[str]:
    try:
        return frozenset(r["surname"] for r in load_csv("vn_surnames.csv"))
    except (FileNotFoundError, KeyError):
        return frozenset()


@lru_cache(maxsize=None)
def _dictionary() -> frozenset[str]:
    """Multi-syllable Vietnamese words (Viet74K, shipped inside underthesea).

    Proper names capitalise only a word's first syllable ("Ban Tổ chức",
    "Công ty Cổ phần"), so a lower-case syllable after a capitalised one
    belongs to the name exactly when the two make a word.
    """
    from importlib.util import find_spec
    from pathlib import Path

    # located without importing underthesea (its import costs ~0.3 s)
    spec = find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
    try:
        data = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    # Viet74K writes old-style tone placement ("văn hoá", "thuỷ lợi"); the press
    # mostly writes the new style ("văn hóa"): keep both spellings
    words = {w.strip().lower() for w in data.splitlines() if " " in w.strip()}
    return frozenset(words | {new_style_tones(w) for w in words})


_SYLLABLES = re.compile(r"\s+([\p{Ll}][\p{L}\p{M}]*)")


def _word_tail(text: str, pos: int, end: int, first: str) -> int:
    """End of the dictionary word (or listed name phrase, "phục hồi chức năng") of up to
    four syllables that starts with syllable ``first`` ending at ``pos``."""
    words = _dictionary()
    _, inner, _ = _words()
    best, cur, phrase = pos, pos, first.lower()
    for _ in range(3):
        m = _SYLLABLES.match(text, cur, end)
        if not m:
            break
        phrase = f"{phrase} {m.group(1).lower()}"
        cur = m.end()
        if phrase in words or phrase in inner:
            best = cur
    return best


_BRIDGE = re.compile(r"((?:\p{Ll}[\p{L}\p{M}]*)(?:\s+\p{Ll}[\p{L}\p{M}]*){0,2}?)\s+(\p{Lu}[\p{L}\p{M}]*|tỉnh(?![\p{L}\p{M}]))")


@lru_cache(maxsize=None)
def _links() -> frozenset[str]:
    """Words joining a head to a name ("Liên hiệp các Hội ...")."""
    return frozenset(r["word"].lower() for r in load_csv("org_words.csv") if r["kind"] == "link")


@lru_cache(maxsize=None)
def _bridge_stops() -> frozenset[str]:
    return frozenset(r["word"].lower() for r in load_csv("org_words.csv") if r["kind"] == "bridge_stop")


@lru_cache(maxsize=None)
def _inner_prefixes() -> frozenset[str]:
    _, inner, _ = _words()
    return frozenset(w.split()[0] + " " for w in inner if " " in w)


# Words after a dash that start an apposition (a role or title), not a name part.
_APPOSITION = re.compile(r"(?i:đơn vị|trưởng|phó|khối|cụm|giám đốc|chủ tịch|chánh|bí thư|"
                         r"hiệu trưởng|cơ quan|nhiệm vụ)\b")
_ROLE_AHEAD = re.compile(r"(?i:(?:phó\s+)?(?:trưởng|phó)\s+(?:khối|cụm)|(?:khối|cụm)\s+(?:trưởng|phó))\b")


# --- canonical form ----------------------------------------------------------

def _province_suffix_re() -> re.Pattern:
    # "... tỉnh Quảng Nam", and a centrally-run city's "... thành phố Cần Thơ"
    return re.compile(r"\s+(?P<level>tỉnh|thành phố)\s+(" + NAME + r")$")


_PROV_SUFFIX = _province_suffix_re()


def _is_place(name: str) -> bool:
    """Is ``name`` a province's or a district-level unit's name (gazetteers)?"""
    from . import places
    return places.province_by_name(name) is not None or places.is_district_name(name)


def _is_province(name: str) -> bool:
    try:
        from . import places
    except ImportError:  # places gazetteer not available: trust the shape
        return True
    lookup = getattr(places, "province_by_name", None)
    return True if lookup is None else lookup(name) is not None


_TINH_UY = re.compile(r"\bT[iỉ]nh ủy\b")


@lru_cache(maxsize=None)
def _district_name() -> re.Pattern:
    _, _, district = _words()
    return re.compile(r"(?i:(?:UBND|Ủy ban nhân dân)\s+)?(" + "|".join(map(re.escape, district))
                      + r")\s+(.+)$", flags=re.IGNORECASE)


def _skeleton_table() -> dict[int, int | None]:
    """Letters to their base letter (diacritics dropped, đ -> d), combining marks removed."""
    table: dict[int, int | None] = {c: None for c in range(0x300, 0x370)}
    for c in range(0xC0, 0x2000):
        base = unicodedata.normalize("NFD", chr(c))[0]
        if base != chr(c) and base.isascii():
            table[c] = ord(base)
    table[ord("đ")], table[ord("Đ")] = ord("d"), ord("D")
    return table


_SKELETON = _skeleton_table()


def skeleton(s: str) -> str:
    """Case-folded, without diacritics: every spelling a tolerant, case-insensitive
    pattern accepts for a word (ủy/uỷ, tỉnh/tinh) has the same skeleton."""
    return s.casefold().translate(_SKELETON)


@lru_cache(maxsize=None)
def _entry_prefixes() -> tuple[tuple[str, tuple[int, ...]], ...] | None:
    """(skeleton of a first word, indexes of the known entries that start with it),
    or None when some entry's first word cannot be read."""
    index: dict[str, list[int]] = {}
    for i, row in enumerate(load_csv("agencies.csv")):
        lead = leading_words(row["pattern"] or _literal(row["canonical"]))
        if lead is None:
            return None
        for w in lead:
            index.setdefault(skeleton(w), []).append(i)
    return tuple((k, tuple(v)) for k, v in index.items())


def _entries_for(name: str) -> list[_Known] | tuple[_Known, ...]:
    """The known entries that may match ``name`` whole, in gazetteer order.

    An entry can only match a name that starts with one of its first words
    (in some spelling, in any case): the rest are not tried.
    """
    entries, prefixes = _known_entries(), _entry_prefixes()
    if prefixes is None:
        return entries
    head = skeleton(name[:24])
    hits = sorted({i for key, idx in prefixes if head.startswith(key) for i in idx})
    return [entries[i] for i in hits]


@lru_cache(maxsize=8192)
def canonical_org(name: str, province: str | None = None, multi_province: bool = False) -> str:
    """Canonical form of an org name as written.

    Known agencies take their contract name; district units become
    ``huyện X`` (no UBND); a trailing ``tỉnh <Province>`` becomes ``tỉnh``
    unless the bloc spans several provinces; a typographic apostrophe is
    written "'".
    """
    s = tidy(name)
    if "’" in s:  # "Cư M’gar": the typographic apostrophe is a spelling of "'"
        s = s.replace("’", "'")
    s = _TINH_UY.sub("Tỉnh ủy", s)
    for k in _entries_for(s):
        m = k.regex.fullmatch(s)
        if m:
            if not k.canonical:
                break
            canon = k.canonical
            if "{NAME}" in canon:
                canon = canon.replace("{NAME}", tidy(m.group("name")) if m.groupdict().get("name") else "")
            return canon
    m = _district_name().match(s)
    if m and m.group(2)[:1].isupper():
        return f"{m.group(1).lower()} {m.group(2)}"
    if not multi_province:
        pm = _PROV_SUFFIX.search(s)
        if pm and _is_province(pm.group(2)):
            s = s[:pm.start()] + " " + pm.group("level")
            # the shortened name may now be a known one
            for k in _entries_for(s):
                if k.canonical and "{NAME}" not in k.canonical and k.regex.fullmatch(s):
                    return k.canonical
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    return s


@lru_cache(maxsize=None)
def _kinds() -> dict[str, str]:
    kinds: dict[str, str] = {}
    for k in _known_entries():
        kinds.setdefault(fold(k.canonical), k.kind)
    return kinds


@lru_cache(maxsize=16384)
def org_kind(org: str) -> str:
    """party | agency | body | conferrer for a known name, else generic.

    Known by its canonical name, or (for entries kept as written, such as a
    city's Party agencies) by matching the entry's pattern.
    """
    kind = _kinds().get(fold(org))
    if kind is None:
        kind = next((k.kind for k in _entries_for(org) if not k.canonical and k.regex.fullmatch(org)),
                    "generic")
    return kind


@lru_cache(maxsize=None)
def level_words() -> tuple[str, ...]:
    """Level words a list's items share ("Tỉnh ủy", "Thành ủy", "tỉnh"), org_words.csv."""
    return tuple(r["word"] for r in load_csv("org_words.csv") if r["kind"] == "level")


@lru_cache(maxsize=None)
def _shared_level() -> re.Pattern:
    return re.compile(r"\s(" + "|".join(map(re.escape, level_words())) + r")$")


# --- finding -----------------------------------------------------------------

_SPACES = re.compile(r"\s+")
# What joins the items of a list of orgs: ", ", " và ", ", và " (shared by the extractors).
LIST_GLUE = re.compile(r"\s*(?:,|và|,\s*và)\s*")
_DASHES = "-–"
_DASH = re.compile(r"\s*[" + _DASHES + r"]\s*")
_SEQ = {n: re.compile(r"[\p{L}\p{M}]+(?:\s+[\p{L}\p{M}]+){%d}" % (n - 1)) for n in (1, 2, 3)}
_SPACE_CAPITAL = re.compile(r"\s\p{Lu}")
_SLASHED = re.compile(r"/[\p{L}\p{M}]+")
_AND_WITH = re.compile(r"\s+(?:và|cùng)\s+")
_LIST_STOP = re.compile(r"[.]\s|\.$|\n|\(")
_NAME_AHEAD = re.compile(r"\s+\p{Lu}[\p{L}\p{M}]*\s+\p{Lu}")

def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (a plain loop: this runs per
    word of every sentence, where ``any()`` over a generator costs more)."""
    for a, b in spans:
        if a <= pos < b:
            return True
    return False


def _generic_end(text: str, pos: int, end: int, blocked: list[tuple[int, int]],
                 district_link: bool = False, head: str = "") -> tuple[int, int]:
    """Extend a generic org from ``pos`` (just after its head); return (end, extra_tokens).

    ``extra_tokens`` counts capitalised words and ``tỉnh`` after the head:
    a head alone ("Hội", "Công an") is no org.  With ``district_link`` a
    district word after the head (and its lower-case words) joins it to
    the district's name ("Công an huyện Gia Lộc", "Tòa án nhân dân huyện
    X", "Đảng ủy xã Y"): the unit of that district, not the district
    (whose own "UBND" the caller leaves out).  ``head`` (as written) may be
    one whose names are often a person's ("Trường Đại học Phạm Văn Đồng"),
    or a branch's, whose place follows "tại" ("Phân hiệu Đại học Đà Nẵng
    tại Kon Tum"): org_words.csv kinds person_named and branch.
    """
    person_named = head in _head_kind("person_named")
    branch = head in _head_kind("branch")
    took_person = False
    _, inner, _ = _words()
    mids = _mid_words()
    numbered_first = _numbered_first()
    surnames = _surnames()
    cur, good, last_good = pos, 0, pos
    caps_run = 0
    while cur < end:
        if _inside(cur, blocked):
            break
        m = _SPACES.match(text, cur, end)
        gap_end = m.end() if m else cur
        if gap_end == cur and cur != pos:
            # no space: maybe a dash joining two name parts
            pass
        # a dash can only follow the white space just matched (``_DASH``'s
        # ``\s*`` is greedy and a dash is no space): look before trying it
        dm = _DASH.match(text, cur, end) if gap_end < end and text[gap_end] in _DASHES else None
        if dm and dm.end() > cur and text[cur:dm.end()].strip() in ("-", "–"):
            nxt = _WORD.match(text, dm.end(), end)
            if (nxt and nxt.group(0)[:1].isupper() and not _APPOSITION.match(text, dm.end(), end)
                    and " " not in text[cur:dm.start() + 1].strip() and good):
                cur = _word_tail(text, nxt.end(), end, nxt.group(0))
                good += 1
                last_good = cur
                continue
            break
        if not m:
            break
        w = _WORD.match(text, gap_end, end)
        if not w:
            break
        word = w.group(0)
        if _inside(gap_end, blocked) or _ROLE_AHEAD.match(text, gap_end, end):
            break
        if word.lower() in numbered_first:
            # "Ban Chỉ huy Phòng thủ khu vực 1", "KBNN Khu vực VI": a numbered unit
            num = _numbered().match(text, gap_end, end)
            if num:
                cur = last_good = num.end()
                good += 1
                caps_run = 0
                continue
        if word[:1].isupper():
            if (person_named and not took_person and good >= 1 and word in surnames
                    and not _ends_with_place(text, pos, cur)):
                # a school named for a person, right after its kind ("Trường
                # THPT Lê Quý Đôn"); a name of more than four words holds a
                # person's after it: the school's is the first three
                nm = _NAME_RE.match(text, gap_end, end)
                cuts = [c.start() for c in _NAME_PARTS.finditer(text, gap_end, nm.end())] + [nm.end()]
                if len(cuts) >= 2:      # a name, not a word ("Y tế")
                    cur = last_good = cuts[(len(cuts) if len(cuts) <= 4 else 3) - 1]
                    good += 1
                    caps_run = 0
                    took_person = True
                    continue
            if word in surnames and good >= 1 and caps_run != 1:
                # after a name part or a complete proper name ("... Nam Hà Tĩnh"),
                # "Công ty X Nguyễn Văn A": a person's name follows the org
                rest = _NAME_AHEAD.match(text, w.end(), end)
                if rest:
                    # unless the syllable opens a known place's name ("Điện
                    # lực Hà Giang Lê Văn A", "Cấp nước Sơn La ..."): the
                    # place is kept whole, a person's name may follow it
                    place = _longest_name(text, gap_end, end, _is_place, min_parts=2)
                    if place is None:
                        break
                    cur, last_good, caps_run = place, place, 0
                    good += 1
                    continue
            cur = _word_tail(text, w.end(), end, word) if caps_run == 0 else w.end()
            good += 1
            # a run of capitalised syllables is a proper name ("Vĩnh Yên"):
            # no dictionary words inside it; abbreviations (TNHH) and a word
            # that took lower-case syllables ("Cổ phần") end the run
            # and a word that opens org names ("Liên hiệp các Hội Khoa học") starts a new one
            caps_run = 0 if (cur > w.end() or (len(word) > 1 and word.isupper())
                             or word in _single_heads()) else caps_run + 1
            last_good = cur
            continue
        caps_run = 0
        if branch and good and word == "tại":
            # "Phân hiệu ... tại Kon Tum": the branch's place is its name's
            place = _longest_name(text, w.end() + 1, end, _is_place) if text[w.end():w.end() + 1] == " " else None
            if place is not None:
                cur = last_good = place
                good += 1
                continue
        # lower-case: one to three words of the name vocabulary
        matched = False
        for n in (3, 2, 1):
            seq = _SEQ[n].match(text, gap_end, end)
            if seq and seq.group(0).lower() in inner:
                phrase = seq.group(0).lower()
                seq_end = seq.end()
                # "da cam/dioxin": a slash goes on only into a listed phrase
                slashed = _SLASHED.match(text, seq_end, end)
                if slashed and phrase + slashed.group(0).lower() in inner:
                    phrase, seq_end = phrase + slashed.group(0).lower(), slashed.end()
                if phrase == "và":
                    nxt = _WORD.match(text, seq_end + 1, end) if seq_end < end else None
                    if not (nxt and good and (nxt.group(0)[:1].isupper() or nxt.group(0).lower() in inner
                                              or f"{nxt.group(0).lower()} " in _inner_prefixes())):
                        break
                    # "Sở Giáo dục và Đào tạo" yes; "A và B" of two orgs: stop when B has a head
                    if _head_re().match(text, seq_end + 1, end) or _known_search().match(text, seq_end + 1, end):
                        break
                    # or when A ends with a place's name ("Công ty Cảng Quảng Ninh và ...")
                    if _ends_with_place(text, pos, cur):
                        break
                cur = seq_end
                if phrase == "tỉnh":
                    good += 1
                    last_good = cur
                elif phrase not in mids:
                    last_good = cur
                matched = True
                break
        if not matched:
            # "Bến xe tàu Kiên Giang": lower-case words inside a name, bridged
            # only when a capitalised name part follows at once
            bridge = _BRIDGE.match(text, gap_end, end)
            if bridge and (good or bridge.group(1).lower() in _links()
                           or (district_link and bridge.group(2)[:1].isupper()
                               and bridge.group(1).lower() in _district_words())) \
                    and not _bridge_stops().intersection(bridge.group(1).lower().split()) \
                    and not _APPOSITION.match(text, bridge.end(2) - len(bridge.group(2)), end) \
                    and not _ROLE_AHEAD.match(text, bridge.end(2) - len(bridge.group(2)), end):
                cur = bridge.end(1)
                continue
            break
    return last_good, good


_TRAILING_CAPS = re.compile(r"(?:\p{Lu}[\p{L}\p{M}]*(?:\s+|\s*-\s*)){0,3}\p{Lu}[\p{L}\p{M}]*\s*$")


def _ends_with_place(text: str, pos: int, cur: int) -> bool:
    """Whether ``text[pos:cur]`` ends with a province's or a district's name (2+ syllables)."""
    caps = _TRAILING_CAPS.search(text, pos, cur)
    if not caps:
        return False
    name = text[caps.start():cur].strip()
    cuts = [0] + [c.end() for c in _NAME_PARTS.finditer(name)]
    return any(_is_place(name[c:]) for c in cuts if " " in name[c:] or "-" in name[c:])


_ENDS_TINH = re.compile(r"(?<![\p{L}\p{M}])t[ỉi]nh$", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+(" + NAME + r")")
_NAME_PARTS = re.compile(r"(?:\s+|\s*-\s*)(?=\p{Lu})")


def _longest_name(text: str, pos: int, end: int, accept, min_parts: int = 1) -> int | None:
    """End of the longest run of capitalised words at ``pos`` that ``accept`` takes.

    Runs of at least ``min_parts`` words, tried longest first ("Bà Rịa - Vũng
    Tàu Nguyễn Văn A" -> up to "Vũng Tàu" when ``accept`` knows provinces).
    """
    nm = _NAME_RE.match(text, pos, end)
    if not nm:
        return None
    ends = [c.start() for c in _NAME_PARTS.finditer(text, pos, nm.end())] + [nm.end()]
    for cut in reversed(ends[min_parts - 1:]):
        if accept(text[pos:cut]):
            return cut
    return None


def _province_after(text: str, m: re.Match, end: int) -> int | None:
    """End of a province's name right after a known name ending in "tỉnh", if any."""
    if not _ENDS_TINH.search(m.group(0)):
        return None
    nm = _NAME_AFTER.match(text, m.end(), end)
    return _longest_name(text, nm.start(1), end, _is_province) if nm else None


def find_orgs(text: str, start: int = 0, end: int | None = None,
              province: str | None = None, multi_province: bool = False) -> list[OrgMention]:
    """Org mentions inside ``text[start:end]``, left to right, not overlapping."""
    end = len(text) if end is None else end
    found: list[OrgMention] = []
    # one lower-cased copy for every scan, checked once (the scans fall back
    # to their patterns when it cannot be trusted)
    lower, trusted = trusted_lower(text, start, end)
    for m in _known_scan().finditer(text, start, end, lower, trusted):
        canon = canonical_org(m.group(0), province, multi_province)
        kind, stop = org_kind(canon), m.end()
        if multi_province:
            # "Công an tỉnh Đồng Tháp": in a bloc of several provinces the
            # province after a known name's "tỉnh" is part of the name (the
            # kind stays the known name's)
            stop = _province_after(text, m, end) or stop
            if stop > m.end():
                canon = canonical_org(text[m.start():stop], province, multi_province)
        found.append(OrgMention(m.start(), stop, canon, kind))
    blocked = [(o.start, o.end) for o in found]
    for m in _head_scan().finditer(text, start, end, lower, trusted):
        if _inside(m.start(), blocked):
            continue
        is_district = m.group("district") is not None
        if not is_district and not m.group("head")[:1].isupper():
            continue
        stop, extra = _generic_end(text, m.end(), end, blocked,
                                   district_link=not is_district and not text.startswith(_DISTRICT_BEFORE, m.start()),
                                   head=m.group("head") or "")
        if extra == 0:
            continue
        surface = text[m.start():stop]
        if is_district and not _SPACE_CAPITAL.search(surface):
            continue
        canon = canonical_org(surface, province, multi_province)
        kind = "district" if is_district else "generic"
        found.append(OrgMention(m.start(), stop, canon, kind))
        blocked.append((m.start(), stop))
    found.sort(key=lambda o: o.start)
    if text.find(";", start, end) >= 0:
        found = _commas_in_semicolon_items(text, end, found, province, multi_province)
    found = _distribute_lists(text, start, end, found, province, multi_province, lower, trusted)
    return _share_suffix(text, found, province, multi_province)


_ITEM_OPEN = re.compile(r"[;:]\s*$")
_ITEM_END = re.compile(r";|[.]\s|\.$|\n|\(")


def _commas_in_semicolon_items(text, end, found, province, multi_province):
    """In a list whose items are separated by semicolons, a generic name's item
    may hold commas ("...; Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch
    tỉnh X."): the name goes on over them when the rest of the item, up to
    the next semicolon or the list's end, reads as more of its name (no head,
    no other org inside) and a semicolon stands on one side of the item."""
    out = list(found)
    for k, o in enumerate(out):
        if o.kind != "generic" or text[o.end:o.end + 1] != ",":
            continue
        opened = _ITEM_OPEN.search(text, max(0, o.start - 4), o.start)
        if not opened:
            continue
        closed = _ITEM_END.search(text, o.end, end)
        item_end = closed.start() if closed else end
        if not (opened.group(0).startswith(";") or (closed and closed.group(0) == ";")) \
                or any(o.end < x.start < item_end for x in out):
            continue
        blocked = [(x.start, x.end) for x in out if x is not o]
        cur = o.end
        while text[cur:cur + 1] == ",":
            gap = _SPACES.match(text, cur + 1, item_end)
            nxt = _WORD.match(text, gap.end() if gap else cur + 1, item_end)
            if not (nxt and nxt.group(0)[:1].isupper()) or _head_re().match(text, nxt.start()) \
                    or _known_search().match(text, nxt.start()):
                break
            stop, extra = _generic_end(text, cur + 1, item_end, blocked)
            if not extra:
                break
            cur = stop
        if cur > o.end and not text[cur:item_end].strip(" ."):
            canon = canonical_org(text[o.start:cur], province, multi_province)
            out[k] = OrgMention(o.start, cur, canon, o.kind)
    return out


# the words counting the units of a list ("các", "hai", ...) besides a number
_COUNT_WORDS = ("các", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")


@lru_cache(maxsize=None)
def _list_units() -> tuple[str, ...]:
    """The unit words a list's items share ("các sở: A; B", "các bệnh viện: A, B"),
    org_words.csv (kind=unit), longest first."""
    units = {r["word"].lower() for r in load_csv("org_words.csv") if r["kind"] in ("unit", "owned_unit")}
    return tuple(sorted(units, key=len, reverse=True))


@lru_cache(maxsize=None)
def _owned_units() -> frozenset[str]:
    """Unit words that make a list only after an owner ("Cục THADS 6 tỉnh: A, B";
    "các tỉnh A, B" alone names no org), org_words.csv kind=owned_unit."""
    return frozenset(r["word"].lower() for r in load_csv("org_words.csv") if r["kind"] == "owned_unit")


@lru_cache(maxsize=None)
def _lower_units() -> frozenset[str]:
    """The list units that are district words: written lower case before each item."""
    _, _, district = _words()
    return frozenset(_list_units()) & {d.lower() for d in district}


@lru_cache(maxsize=None)
def _place_units() -> frozenset[str]:
    """The list units whose items are places' names: district words and the
    owned units ("Cục THADS 6 tỉnh: A, B")."""
    return _lower_units() | _owned_units()


def _list_owner(text: str, at: int, start: int) -> int | None:
    """Where the owner of a distributive list's unit starts: an org's head
    and its name words ending right before the count ("Công an" in "Công
    an các huyện: A, B", "Cục THADS" in "Cục THADS 6 tỉnh: A, B").  "UBND"
    is no owner: its districts are the units themselves."""
    lo = max(start, at - 60)
    if not text[lo:at].endswith(" "):
        return None
    for h in _head_re().finditer(text, lo, at):
        if not h.group("head") or text.startswith(_DISTRICT_BEFORE, h.start()):
            continue
        stop, _ = _generic_end(text, h.end(), at, [])
        if not text[stop:at].strip():
            return h.start()
    return None


def _units() -> str:
    return r"(?P<unit>" + list_unit_words() + r")"


def list_unit_words() -> str:
    """The unit words a distributive list's items share, as one alternation
    (longest first): for the extractors that read what such a list follows
    ("cho các phường A, B")."""
    return "|".join(r"\s+".join(map(stdre.escape, u.split())) for u in _list_units())


def _counted_unit() -> str:
    return r"(?:" + "|".join([_COUNT_WORDS[0], r"\d{1,2}", *_COUNT_WORDS[1:]]) + r")\s+" + _units()


@lru_cache(maxsize=None)
def _distributive() -> re.Pattern:
    """"các huyện A, B", "các sở: A; B", and a list after a lower-case qualifier
    and a colon, "là" or "gồm" ("7 xã trên địa bàn huyện X (cũ): A, B", "6 xã
    biên giới vừa được thành lập: A, B", "Năm phường được hình thành trên địa
    bàn thành phố X cũ là A, B")."""
    qualified = r"|\s+(?=(?-i:\p{Ll}))[^:;.\n]{1,80}?(?:\s*:|\s(?:là|gồm)(?:\s*:)?)\s*"
    return re.compile(r"(?<![\p{L}\p{M}])(?:UBND\s+)?" + _counted_unit()
                      + r"(?P<sep>\s*:\s*|\s+" + qualified + r")(?=(?-i:\p{Lu}))", re.IGNORECASE)


@lru_cache(maxsize=None)
def _may_distribute_re() -> stdre.Pattern:
    """The same words without the letter classes, for the standard library on a
    lower-cased copy: several times cheaper, and no stricter than the pattern."""
    return stdre.compile(_counted_unit())


@lru_cache(maxsize=None)
def _may_have_unit() -> stdre.Pattern:
    """Its tail alone, a few times cheaper again: most sentences lack even that."""
    return stdre.compile(r"\s" + _units())


def __getattr__(name: str):
    # the gate's pattern under its earlier module-level name (tests compare with it)
    if name == "_MAY_DISTRIBUTE":
        return _may_distribute_re()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _may_distribute(lower: str) -> bool:
    """``_may_distribute_re().search(lower)``, found from the units
    ``_may_have_unit()`` finds (every one, overlapping too): a count word or a
    digit must end right before the white space in front of one.  That search
    has no literal first letter to skip ahead to (``\\d``) and tries every
    position; this tries only the few units.  (``rstrip`` and ``isdecimal``
    are the engine's own ``\\s`` and ``\\d``.)"""
    pos = 0
    may_have_unit = _may_have_unit()
    while (unit := may_have_unit.search(lower, pos)) is not None:
        before = lower[:unit.start() + 1].rstrip()
        if before.endswith(_COUNT_WORDS) or before[-1:].isdecimal():
            return True
        pos = unit.start() + 1
    return False


_PART = re.compile(r"[^,;]+")
_SEMI_PART = re.compile(r"[^;]+")


def _distribute_lists(text, start, end, found, province, multi_province, lower=None, trusted=False):
    """"các huyện A, B và C" -> huyện A, huyện B, huyện C (shared words distributed).

    Items are separated by commas or semicolons; names that themselves hold a
    comma or "và" ("các sở: Văn hóa, Thể thao và Du lịch; Y tế") are kept
    whole by taking the longest run of parts that makes a known name.  The
    list ends at the sentence's end, at a part that is an org of its own
    ("...; Ban Dân tộc tỉnh"), or at a part not written as a name.
    """
    out = list(found)
    if lower is None:
        lower, trusted = trusted_lower(text, start, end)
    # ``trusted``: the copy was found free of odd characters
    if not _may_distribute(lower) and (trusted or not odd_case_folding().search(lower)):
        return out
    place_units = _place_units()
    for m in _distributive().finditer(text, start, end):
        unit = _SPACES.sub(" ", m.group("unit").lower())
        # a district word's items are districts ("các huyện A, B": huyện A);
        # with an owner before it, the owner's units there ("Công an các
        # huyện A, B": Công an huyện A, an org, not the district)
        owner = (_list_owner(text, m.start(), start)
                 if unit in place_units and m.group(0)[:1] != "U" else None)
        lead = m.start() if owner is None else owner
        if owner is not None:
            prefix = f"{tidy(text[owner:m.start()])} {unit}"
        elif unit in _owned_units():
            continue
        else:
            prefix = unit if unit in place_units else unit.capitalize()
        if any(o.start < lead < o.end for o in found):
            continue  # "Liên hiệp các Hội ...": the "các" is inside a name
        stop = _LIST_STOP.search(text, m.end(), end)
        region_end = stop.start() if stop else end
        if re.match(r"(?i)\s*" + r"\s+".join(unit.split()) + r"\s", text[m.end():region_end]):
            continue  # "5 hội: Hội Luật gia, Hội Nhà báo": the names are whole already
        # items split at semicolons when the list's are ("6 chi cục: Kiểm lâm;
        # Chăn nuôi, Thú y và Thủy sản; Thủy lợi"), else at commas too (and a
        # semicolon before an org of its own ends the list: "các sở: A, B;
        # Cục Thuế tỉnh, ...")
        part_re = _PART
        semi = text.find(";", m.end(), region_end)
        if semi >= 0:
            nxt = semi + 1 + len(text[semi + 1:region_end]) - len(text[semi + 1:region_end].lstrip())
            if nxt < region_end and not (_head_re().match(text, nxt) or _known_search().match(text, nxt)):
                part_re = _SEMI_PART
        parts = [(p.start(), p.end()) for p in part_re.finditer(text, m.end(), region_end)]
        items: list[tuple[int, int]] = []
        i = 0
        while i < len(parts):
            a0 = parts[i][0] + (len(text[parts[i][0]:parts[i][1]]) - len(text[parts[i][0]:parts[i][1]].lstrip()))
            if i > 0 and (_head_re().match(text, a0) or _known_search().match(text, a0)):
                break
            best = None
            for j in range(min(len(parts), i + 3), i, -1):
                piece = text[a0:parts[j - 1][1]].strip()
                if piece and org_kind(canonical_org(f"{prefix} {piece}", province, multi_province)) in ("party", "agency"):
                    best = (j, a0, a0 + len(piece))
                    break
            if best:
                items.append(best[1:])
                i = best[0]
                continue
            part = text[a0:parts[i][1]]
            # the part may run on: "X và Y", "X cùng Z ...": keep the longest
            # known prefix, else cut at the first "và"/"cùng" -- not at a "và"
            # inside the name ("Lao và bệnh phổi", a lower-case word after it)
            # (a semicolon's item is whole: "và" and commas are its name's)
            cuts = [] if part_re is _SEMI_PART else [c.start() for c in _AND_WITH.finditer(part)]
            if cuts and unit not in place_units:
                cuts = _cuts_outside_name(prefix, part, cuts)
            item_end = None
            for c in reversed(cuts):
                piece = part[:c].strip()
                if piece and org_kind(canonical_org(f"{prefix} {piece}", province, multi_province)) in ("party", "agency"):
                    item_end = c
                    break
            if item_end is None:
                item_end = cuts[0] if cuts else len(part.rstrip())
            item = part[:item_end].strip()
            if not item or not item[:1].isupper():
                break
            if unit not in place_units and (part_re is _PART or i == len(parts) - 1):
                # "ba bệnh viện: Nhi, Tâm thần đạt chuẩn": the item ends with its name
                kept = _read_as_name(prefix, item)
                if 0 < kept < len(item):
                    item = item[:kept].rstrip()
            items.append((a0, a0 + len(item)))
            if item_end < len(part.rstrip()):
                rest_off = _AND_WITH.match(part, item_end).end()
                rest_start = a0 + rest_off
                rest = part[rest_off:]
                if rest[:1].isupper() and not _head_re().match(text, rest_start) and \
                        not _known_search().match(text, rest_start):
                    whole_rest = rest.rstrip(" .;:")
                    if org_kind(canonical_org(f"{prefix} {whole_rest}", province, multi_province)) in ("party", "agency"):
                        items.append((rest_start, rest_start + len(whole_rest)))
                    else:
                        nm = _NAME_RE.match(text, rest_start)
                        if nm:
                            kept = _read_as_name(prefix, whole_rest) if unit not in place_units else 0
                            items.append((nm.start(), max(nm.end(), rest_start + kept)))
                break
            i += 1
        # "các hội: Nhà báo, Chữ thập đỏ, Người cao tuổi tỉnh": "tỉnh" is shared
        shared = ""
        if items and unit not in place_units:
            last = tidy(text[items[-1][0]:items[-1][1]])
            sm = _shared_level().search(_TINH_UY.sub("Tỉnh ủy", last))
            if sm:
                shared = " " + sm.group(1)
        made = []
        for a, b in items:
            raw = text[a:b]
            if unit in place_units:
                nm = _NAME_RE.match(text, a, b)
                if nm:
                    b = nm.end()
                    raw = text[a:b]
            name = f"{prefix} {tidy(raw)}"
            if shared and not name.endswith(shared):
                name += shared
            canon = canonical_org(name, province, multi_province)
            made.append(OrgMention(a, b, canon, "district" if unit in place_units and owner is None
                                  else org_kind(canon)))
        if made:
            lo, hi = made[0].start, made[-1].end
            out = [o for o in out if o.end <= lead or o.start >= hi or
                   (o.start >= lo and not any(x.start <= o.start < x.end for x in made))]
            out.extend(made)
    out.sort(key=lambda o: o.start)
    return out


def _read_as_name(prefix: str, piece: str) -> int:
    """How much of a list item ``piece`` reads as a name after its unit word
    (``prefix``), by the generic names' vocabulary; 0 when none does."""
    named = f"{prefix} {piece}"
    stop, extra = _generic_end(named, len(prefix), len(named), [])
    return max(0, stop - len(prefix) - 1) if extra else 0


def _cuts_outside_name(prefix: str, part: str, cuts: list[int]) -> list[int]:
    """The "và"/"cùng" cuts of a list item that are not inside its name: a "và"
    followed by a lower-case word is part of the name when the item read with
    its unit as a name goes on past it ("các bệnh viện: Lao và bệnh phổi")."""
    if not any(part[_AND_WITH.match(part, c).end():][:1].islower() for c in cuts):
        return cuts
    inside = _read_as_name(prefix, part)
    return [c for c in cuts if c >= inside or not part[_AND_WITH.match(part, c).end():][:1].islower()]


def _share_suffix(text, found, province, multi_province):
    """"Ban Tổ chức, Ban Tuyên giáo, UBKT Tỉnh ủy": a later item's "Tỉnh ủy" is shared."""
    out = list(found)
    i = 0
    while i < len(out):
        # a run of orgs joined only by ", " / " và "
        j = i
        while j + 1 < len(out) and LIST_GLUE.fullmatch(text, out[j].end, out[j + 1].start):
            j += 1
        if j > i and any(o.kind == "generic" for o in out[i:j]):
            # the level words each item of the run ends with, folded once
            ends = [{w for w in level_words() if f.endswith(fold(w))}
                    for f in (fold(text[x.start:x.end]) for x in out[i:j + 1])]
        for k in range(i, j):
            o = out[k]
            if o.kind != "generic":
                continue
            surface = tidy(text[o.start:o.end])
            later = set().union(*ends[k + 1 - i:])
            for suffix in level_words():
                if suffix not in later:
                    continue
                cand = canonical_org(f"{surface} {suffix}", province, multi_province)
                if org_kind(cand) in ("party", "agency"):
                    out[k] = OrgMention(o.start, o.end, cand, org_kind(cand))
                    break
        i = j + 1
    return out
