"""Extractor: people named in the body, with their position (people.csv).

Vietnamese press names an official in two shapes, and both are read here:

* name first, then an apposition: ``Đồng chí Hoàng Minh Đức, Ủy viên Ban
  Thường vụ Tỉnh ủy, Trưởng Ban Dân vận Tỉnh ủy, Trưởng khối năm 2023 chủ trì``
  (also with ``-`` or ``(`` instead of the comma);
* title first: ``Chánh Văn phòng Tỉnh ủy Đinh Thị Hoa thay mặt ...``.

A name is 2-4 capitalised syllables led by a family name
(``gazetteers/vn_surnames.csv``); the words around it (titles, committee
memberships, bloc roles, honorifics, ranks, and the verbs that end a unit's
name) are data in ``gazetteers/titles.csv``.  Only people given a position
become rows: a bare name line is a byline or a credit, never an official.

The unit of a title is read by walking the words after the title word: a
capitalised word always continues a unit name, a lower-case word continues
it unless it is a boundary verb, and ``tỉnh``/``Tỉnh ủy`` close it unless a
proper name follows.  That is what lets lower-case unit words through
(``Ban Thi đua - Khen thưởng tỉnh``, ``Công ty ... Xổ số kiến thiết``) while
stopping at the predicate (``... Bình Dương phát động``).
"""
from __future__ import annotations

from dataclasses import dataclass

from functools import lru_cache
from typing import Any, NamedTuple

import regex as re

from ..gazetteers import load_csv
from ..model import Doc, Span
from ..normalize import fold, tidy
from ..registry import register

# --- lexicon -----------------------------------------------------------------

_TOKEN_RE = re.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’]*|\d+|\S")
_WORD_RE = re.compile(r"[\p{L}\p{M}]")


class Tok(NamedTuple):
    """A token of a sentence (a tuple: thousands are made per article)."""

    text: str
    start: int
    end: int
    key: str            # folded form, for lexicon look-ups
    word: bool = False  # starts with a letter
    cap: bool = False   # a word starting with an upper-case letter


# token text -> (key, word, cap): the same few thousand words recur in every article
_TOKEN_INFO: dict[str, tuple[str, bool, bool]] = {}
_TOKEN_INFO_MAX = 1 << 17


def _token_info(t: str) -> tuple[str, bool, bool]:
    is_word = bool(_WORD_RE.match(t))
    info = (fold(t), is_word, is_word and t[0].isupper())
    if len(_TOKEN_INFO) >= _TOKEN_INFO_MAX:      # a bound, for endless batches of odd text
        _TOKEN_INFO.clear()
    _TOKEN_INFO[t] = info
    return info


_new_tuple = tuple.__new__     # Tok(...) goes through a Python-level __new__
_CHUNK_RE = re.compile(r"\S+")
# str.split() splits where the regex ``\s`` does, and also at these four
# (Python's isspace() differs from regex's \s on them and nowhere else)
_SPLIT_ONLY = ("\x1c", "\x1d", "\x1e", "\x1f")

# a run of non-space characters (``tỉnh,`` ``(Sở``) -> its tokens as
# (offset, end offset, text, key, word, cap).  No token holds a space and
# only spaces lie between tokens, so a chunk splits the same alone as in its
# sentence; sentences repeat the same chunks, and one split per sentence
# plus a str.find per chunk is cheaper than one regex match per token.
_CHUNK_TOKS: dict[str, tuple[tuple[Any, ...], ...]] = {}
_CHUNK_TOKS_MAX = 1 << 16


def _chunk_toks(chunk: str) -> tuple[tuple[Any, ...], ...]:
    known = _TOKEN_INFO
    toks = []
    for m in _TOKEN_RE.finditer(chunk):
        t = m.group()
        toks.append((*m.span(), t, *(known.get(t) or _token_info(t))))
    if len(_CHUNK_TOKS) >= _CHUNK_TOKS_MAX:      # a bound, for endless batches of odd text
        _CHUNK_TOKS.clear()
    toks = _CHUNK_TOKS[chunk] = tuple(toks)
    return toks


def _chunks(text: str, start: int, end: int) -> list[str]:
    """The runs of non-space characters of text[start:end], as the pattern ``_CHUNK_RE`` finds them."""
    piece = text[start:end]
    if any(c in piece for c in _SPLIT_ONLY):
        return _CHUNK_RE.findall(text, start, end)
    return piece.split()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(text) if end is None else end
    out: list[Tok] = []
    append = out.append
    find = text.find
    chunks = _CHUNK_TOKS
    pos = start
    for chunk in _chunks(text, start, end):
        pos = find(chunk, pos)          # only spaces lie before it: this is where it is
        parts = chunks.get(chunk) or _chunk_toks(chunk)
        if len(parts) == 1:             # most chunks are one word
            _, _, t, key, word, cap = parts[0]
            append(_new_tuple(Tok, (t, pos, pos + len(t), key, word, cap)))
        else:
            for o0, o1, t, key, word, cap in parts:
                append(_new_tuple(Tok, (t, pos + o0, pos + o1, key, word, cap)))
        pos += len(chunk)
    return out


@dataclass(frozen=True)
class Phrase:
    kind: str
    words: tuple[str, ...]      # folded tokens
    org_from: int | None        # index into words where the unit name starts


class Lexicon:
    """titles.csv indexed by first word, longest phrase first."""

    def __init__(self, rows) -> None:
        self.by_first: dict[str, list[Phrase]] = {}
        for r in rows:
            words = tuple(t.key for t in tokenize(r["phrase"]))
            if not words:
                continue
            org_from = None
            if r.get("org_from"):
                first = fold(r["org_from"]).split()[0]
                org_from = words.index(first) if first in words else None
            self.by_first.setdefault(words[0], []).append(Phrase(r["kind"], words, org_from))
        for lst in self.by_first.values():
            lst.sort(key=lambda p: -len(p.words))
        # kinds -> (first word -> phrases of those kinds, last words of those
        # phrases): most look-ups fail on the first word, and a search for one
        # kind should not walk the phrases of the others
        self._by_kinds: dict[tuple[str, ...], tuple[dict[str, list[Phrase]], frozenset[str]]] = {}

    def _kinds_index(self, kinds: tuple[str, ...]) -> tuple[dict[str, list[Phrase]], frozenset[str]]:
        idx = self._by_kinds.get(kinds)
        if idx is None:
            firsts = {}
            for first, lst in self.by_first.items():
                sel = [p for p in lst if p.kind in kinds]     # keeps longest first
                if sel:
                    firsts[first] = sel
            lasts = frozenset(p.words[-1] for lst in firsts.values() for p in lst)
            idx = self._by_kinds[kinds] = (firsts, lasts)
        return idx

    def firsts(self, kinds: tuple[str, ...]) -> dict[str, list[Phrase]]:
        """First word -> phrases of ``kinds``: ``match`` finds nothing at a token
        whose key is not in it (hot loops test that before calling it)."""
        return (self._by_kinds.get(kinds) or self._kinds_index(kinds))[0]

    def match(self, toks: list[Tok], i: int, kinds: tuple[str, ...]) -> tuple[Phrase, int] | None:
        """Longest phrase of one of ``kinds`` starting at token ``i``: (phrase, end index)."""
        n = len(toks)
        if i >= n:
            return None
        idx = self._by_kinds.get(kinds) or self._kinds_index(kinds)
        phrases = idx[0].get(toks[i][3])         # [3]: Tok.key
        if phrases is None:
            return None
        for p in phrases:
            words = p.words
            j = i + len(words)
            if j > n:
                continue
            k = 1                                 # the first word is the index key
            while k < len(words) and toks[i + k][3] == words[k]:
                k += 1
            if k < len(words):
                continue
            if j < n and toks[j].word and toks[j - 1].end == toks[j].start:
                continue                          # glued to a following word
            return p, j
        return None

    def match_ending(self, toks: list[Tok], j: int, kinds: tuple[str, ...]) -> int | None:
        """Start index of a phrase of ``kinds`` that ends right before token ``j``."""
        # such a phrase ends with the word before j: most words end none
        if j == 0 or toks[j - 1][3] not in (self._by_kinds.get(kinds) or self._kinds_index(kinds))[1]:
            return None
        for i in range(max(0, j - 4), j):        # the first hit is the earliest start
            m = self.match(toks, i, kinds)
            if m and m[1] == j:
                return i
        return None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_csv("titles.csv"))


@lru_cache(maxsize=1)
def _family_names() -> frozenset[str]:
    return frozenset(fold(r["surname"]).replace("’", "'") for r in load_csv("vn_surnames.csv"))


@lru_cache(maxsize=1)
def _glued_surnames() -> tuple[str, ...]:
    """Family names written glued to the next syllable by an apostrophe, one token
    with it (the Ê Đê "H'": "H'Yim Kđoh")."""
    return tuple(s for s in _family_names() if s.endswith("'"))


def is_family(key: str) -> bool:
    """Does the token (folded) open a name: a family name, or one glued to the
    syllable after it ("h'yim")?"""
    if key in _family_names():
        return True
    if "'" in key or "’" in key:
        key = key.replace("’", "'")
        return any(key.startswith(g) and len(key) > len(g) for g in _glued_surnames())
    return False


class _FamilyNames(frozenset):
    """The family names (folded), where ``key in`` is :func:`is_family`: also true
    of a token a family name is glued to."""

    def __contains__(self, key) -> bool:
        return is_family(key)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """The keys that open a name (``in`` tests :func:`is_family`)."""
    return _FamilyNames(_family_names())


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Province and district names: a capitalised run equal to one is a place, not a person."""
    names: set[str] = set()
    for f, cols in (("provinces.csv", ("short",)), ("provinces_2025.csv", ("short",)),
                    ("districts.csv", ("bare",))):
        try:
            for r in load_csv(f):
                for c in cols:
                    if r.get(c):
                        names.add(fold(r[c]))
        except (OSError, KeyError):
            continue
    return frozenset(names)


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    try:
        return frozenset(fold(r["word"]).split()[0] for r in load_csv("org_words.csv")
                         if r.get("kind") == "head")
    except (OSError, KeyError):
        return frozenset({"sở", "ban", "văn", "ủy", "công", "cục", "báo", "đài", "trường"})


TITLE = ("title",)
CONTINUE = ("continue",)
UNIT_STOP = ("boundary", "honorific", "bloc_role")
CLAUSE_AFTER_COMMA = ("boundary", "honorific", "title", "prefix")
BOUNDARY = ("boundary",)
BLOC_ROLE = ("bloc_role",)
PREFIX = ("prefix",)
PERSONAL = ("honorific", "rank")
NOT_OWN = ("not_own",)
NUMBERED = ("numbered",)
NOT_UNIT = ("title", "prefix", "membership", "bloc_role", "honorific", "rank")
PLACE_WORDS = {"tỉnh", "huyện", "xã", "phường", "quận", "thị", "thành", "tp"}
CLOSING = {"tỉnh"}                      # "... tỉnh" ends a unit unless a name follows
CLOSING_PAIRS = {("tỉnh", "ủy"), ("thành", "ủy"), ("huyện", "ủy"), ("thị", "ủy")}

# Lines that credit a photo or sign the story ("Ảnh: T.T", "Tin, ảnh: X").
_CREDIT_RE = re.compile(r"(?i)(?:(?:tin|bài)(?:\s*(?:,|và)\s*)?)?\bảnh\s*:[^\n]*")
_CREDIT_CORE = re.compile(r"(?i)ảnh\s*:")   # in every match of _CREDIT_RE
# read backwards: every character a lead ("Tin, ", "Bài và ") can hold, and more
_CREDIT_LEAD = re.compile(r"(?r)[\s,\p{L}\p{M}]*")
_SENTENCE_PUNCT = re.compile(r"[.:;]")


# --- names ---------------------------------------------------------------------

def _run(toks: list[Tok], i: int, n: int) -> int:
    """End index of the run of capitalised words starting at ``i``."""
    j = i
    while j < n and toks[j].cap and (j == i or toks[j].start - toks[j - 1].end == 1):
        j += 1
    return j


def _is_name(toks: list[Tok], a: int, b: int) -> bool:
    return 2 <= b - a <= 4 and is_family(toks[a].key) and all(
        toks[k].cap for k in range(a, b))


def _name_in_run(toks: list[Tok], a: int, b: int, known_orgs: list[tuple[int, int]]) -> int | None:
    """Start of the person's name at the end of the capitalised run [a, b), if any.

    Used after a title, where the run may begin with the tail of the unit
    (``Sở Công Thương Lê Minh Triết``).  Three syllables are the usual name,
    then four, then two; a run that is only a place (``huyện Trần Văn Thời``)
    or lies inside a known org name (``Trường Chính trị Hoàng Văn Thụ``) is no
    name.
    """
    for size in (3, 4, 2):
        s = b - size
        if s < a or not _is_name(toks, s, b):
            continue
        if size == 2 and s > a:
            continue
        key = " ".join(t.key for t in toks[s:b])
        # an org the finder knows absorbs the name into its canonical form
        # (Trường Chính trị Hoàng Văn Thụ -> Trường Chính trị tỉnh): no person
        if key in place_names():
            continue
        if any(o0 < toks[s].start and toks[b - 1].end <= o1 and key not in fold(canon)
               for o0, o1, canon in known_orgs):
            continue
        return s
    return None


# --- units ---------------------------------------------------------------------

def _unit_end(toks: list[Tok], k: int, n: int, stop_at_name: bool,
              known_orgs: list[tuple[int, int]]) -> tuple[int, int | None]:
    """Walk a unit's name from token ``k``: (end index, start of a following name)."""
    lex = lexicon()
    not_unit, cont_first, stop_first = (lex.firsts(NOT_UNIT), lex.firsts(CONTINUE),
                                        lex.firsts(UNIT_STOP))
    j = k
    # a "và" inside an org the org finder read from here is the name's, even
    # before a lower-case word ("Ban Quản lý dự án … các công trình dân dụng
    # và công nghiệp thành phố"): its vocabulary knows such names
    found_end = max((o1 for o0, o1, *_ in known_orgs if k < n and o0 == toks[k].start), default=-1)
    while j < n:
        t = toks[j]
        if t.word:
            if t.cap:
                # a title word right after an org head is part of the name
                # ("Chủ tịch Hội Nhà báo thành phố"), not a new title
                if j > k and t.key in not_unit and lex.match(toks, j, NOT_UNIT) \
                        and toks[j - 1].key not in org_heads():
                    return j, None
                if stop_at_name and (j == k or not toks[j - 1].cap):
                    b = _run(toks, j, n)
                    s = _name_in_run(toks, j, b, known_orgs)
                    if s is not None and (s > k or j > k):
                        return s, s
                j += 1
            else:
                cont = lex.match(toks, j, CONTINUE) if t.key in cont_first else None
                if cont:
                    j = cont[1]
                    continue
                if t.key in stop_first and lex.match(toks, j, UNIT_STOP):
                    return j, None
                if t.key == "và" and t.end > found_end and not (j + 1 < n and toks[j + 1].cap
                                                                and not lex.match(toks, j + 1, NOT_UNIT)):
                    return j, None
                j += 1
            if _closes(toks, j, n):
                if not (j < n and toks[j].cap) or lex.match(toks, j, NOT_UNIT):
                    return j, None
        elif t.text.isdigit():
            if j > k and lex.match_ending(toks, j, NUMBERED) is not None:
                # "Đội số 2", "Ban Chỉ huy Phòng thủ khu vực 1 - Đồng Hới"
                j += 1
                continue
            return j, None
        elif t.text in "-–—&" and j > k:
            nxt = j + 1
            if nxt < n and toks[nxt].cap and not lex.match(toks, nxt, NOT_UNIT) and not (
                    stop_at_name and _name_in_run(toks, nxt, _run(toks, nxt, n), known_orgs) == nxt):
                j += 1
                continue
            return j, None
        elif t.text == "," and j > k and _glue_comma(toks, j, n):
            j += 1
        else:
            return j, None
    return j, None


def _closes(toks: list[Tok], j: int, n: int) -> bool:
    """Did the word before ``j`` end a unit name (``tỉnh``, ``Tỉnh ủy``)?"""
    last = toks[j - 1].key
    if last in CLOSING and toks[j - 1].text.islower():
        return True
    return j >= 2 and (toks[j - 2].key, last) in CLOSING_PAIRS


def _glue_comma(toks: list[Tok], j: int, n: int) -> bool:
    """A comma inside a unit name (``Sở Văn hóa, Thể thao và Du lịch``).

    Glued only when the name so far ends in a lower-case syllable that does
    not close a unit and what follows is capitalised, not a title, role,
    honorific or new unit head.
    """
    prev, nxt = toks[j - 1], toks[j + 1] if j + 1 < n else None
    if nxt is None or not nxt.cap or not prev.word or prev.cap or _closes(toks, j, n):
        return False
    if lexicon().match(toks, j + 1, NOT_UNIT) or nxt.key in org_heads():
        return False
    b = _run(toks, j + 1, n)
    return not _is_name(toks, j + 1, b)


# --- appositions ---------------------------------------------------------------

@dataclass
class Found:
    name: tuple[int, int]           # char span
    title: tuple[int, int]          # char span of the title (with its unit)
    org: tuple[int, int] | None     # char span of the unit inside the title
    roles_after: tuple[int, int] | None
    span: tuple[int, int]           # mention


def _title_at(toks: list[Tok], i: int, n: int, stop_at_name: bool,
              known_orgs) -> tuple[int, int, int | None, int | None] | None:
    """A title starting at token ``i``: (title start, end index, unit start, name start)."""
    lex = lexicon()
    if not toks[i].cap:
        return None
    j = i
    pre = lex.match(toks, j, PREFIX) if toks[j].key in lex.firsts(PREFIX) else None
    if pre:
        j = pre[1]
    m = lex.match(toks, j, TITLE)
    if not m:
        return None
    phrase, after = m
    unit = j + phrase.org_from if phrase.org_from is not None else after
    end, name = _unit_end(toks, after, n, stop_at_name, known_orgs)
    if unit >= end:
        unit = None
    return i, end, unit, name


def _roles_after(toks: list[Tok], j: int, n: int) -> tuple[int, int] | None:
    """Text after the title in the same apposition, when it states a bloc role."""
    lex = lexicon()
    if j >= n or toks[j].text not in ",-–—(":
        return None
    a = j + 1
    k = a
    has_role = False
    # first words of each kind: most tokens open no phrase, and are let
    # through without a look-up
    personal, clause, boundary, role = (lex.firsts(PERSONAL), lex.firsts(CLAUSE_AFTER_COMMA),
                                        lex.firsts(BOUNDARY), lex.firsts(BLOC_ROLE))
    while k < n:
        t = toks[k]
        key = t.key
        if t.text in ";.:)!?\"“”" or key in personal and lex.match(toks, k, PERSONAL):
            break
        if t.text == "," and k + 1 < n and toks[k + 1].key in clause \
                and lex.match(toks, k + 1, CLAUSE_AFTER_COMMA):
            break
        if t.word and not t.cap and k > a and key != "năm" and key in boundary \
                and lex.match(toks, k, BOUNDARY):
            break
        if key == "và" and k + 1 < n and lex.match(toks, k + 1, PERSONAL):
            break
        if key in role and lex.match(toks, k, BLOC_ROLE):
            has_role = True
        k += 1
    while k > a and toks[k - 1].text in ",-–—(":
        k -= 1
    if not has_role or k <= a:
        return None
    return toks[a].start, toks[k - 1].end


def _apposition(toks: list[Tok], i: int, n: int, known_orgs):
    """After a name: skip memberships, return the first title.

    (title start, end index, unit start, char span of a bloc role named
    before the title or None).
    """
    lex = lexicon()
    j = i
    role = None
    while j < n:
        if toks[j].text not in ",-–—(":
            return None
        j += 1
        if j >= n:
            return None
        m = lex.match(toks, j, ("membership", "bloc_role"))
        if m:
            # the membership (or a bloc role named first) runs to the next separator
            k = j + 1
            while k < n and toks[k].text not in ",-–—();" and not lex.match(toks, k, TITLE + PREFIX):
                k += 1
            if m[0].kind == "bloc_role" and role is None:
                role = (toks[j].start, toks[k - 1].end)
            if k < n and toks[k].cap:      # a title straight after, no comma
                t = _title_at(toks, k, n, False, known_orgs)
                if t:
                    return t[0], t[1], t[2], role
            j = k
            continue
        t = _title_at(toks, j, n, False, known_orgs)
        if not t:
            return None
        return t[0], t[1], t[2], role
    return None


_CAP_WORD = re.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}'’]*")


@lru_cache(maxsize=1)
def _title_openers() -> frozenset[str]:
    """First words of the title and prefix phrases: every found title starts with one."""
    return frozenset(first for first, phrases in lexicon().by_first.items()
                     if any(p.kind in TITLE + PREFIX for p in phrases))


# capitalised words as written, sorted by what their folded form is: the
# gate below then works on sets of words, with no Python loop per word
_CAPS_SEEN: set[str] = set()
_CAPS_OPENER: set[str] = set()          # fold(w) opens a title or prefix phrase
_CAPS_FAMILY: set[str] = set()          # fold(w) is a family name
_CAPS_MAX = 1 << 16


def _learn_caps(words: set[str]) -> None:
    if len(_CAPS_SEEN) + len(words) > _CAPS_MAX:   # a bound, for endless batches of odd text
        _CAPS_SEEN.clear()
        _CAPS_OPENER.clear()
        _CAPS_FAMILY.clear()
    openers, known = _title_openers(), _TOKEN_INFO
    for w in words:
        key = (known.get(w) or _token_info(w))[0]
        if key in openers:
            _CAPS_OPENER.add(w)
        if is_family(key):
            _CAPS_FAMILY.add(w)
        _CAPS_SEEN.add(w)


def may_name_a_person(text: str, start: int, end: int) -> bool:
    """Cheap necessary condition for :func:`find_people` to find anyone.

    Both readings need a capitalised word opening a title (``_title_at``)
    and a name: a capitalised family name with a capitalised word right
    after it (``_is_name``).  Most sentences of an article have neither, and
    this scan of capitalised words costs a fraction of tokenising them.
    """
    words = set(_CAP_WORD.findall(text, start, end))
    if not words.issubset(_CAPS_SEEN):
        _learn_caps(words)
    if words.isdisjoint(_CAPS_OPENER) or words.isdisjoint(_CAPS_FAMILY):
        return False
    family = _CAPS_FAMILY
    for m in _CAP_WORD.finditer(text, start, end):
        if m.group() in family:
            e = m.end()
            if e + 1 < end and text[e].isspace() and text[e + 1].isupper():
                return True
    return False


def find_people(text: str, span: Span, known_orgs=()) -> list[Found]:
    """Every person-with-title apposition in one sentence, in text order."""
    if not may_name_a_person(text, span.start, span.end):
        return []
    return _read_people(text, span, known_orgs)


def _read_people(text: str, span: Span, known_orgs) -> list[Found]:
    lex = lexicon()
    toks = tokenize(text, span.start, span.end)
    n = len(toks)
    found: list[Found] = []
    used: list[tuple[int, int]] = []      # token ranges already read

    # 1. name first, then the apposition: read at each start of a run of
    # capitalised words, in order, skipping those inside what was just read
    run_starts = [k for k in range(1, n) if toks[k].cap and (   # as in _run
        not toks[k - 1].cap or toks[k].start - toks[k - 1].end != 1)]
    if n and toks[0].cap:
        run_starts.insert(0, 0)
    i = 0
    for c in run_starts:
        if c < i:
            continue
        i = c
        b = _run(toks, i, n)
        # a name (_is_name below) is two words or more led by a family name,
        # starting at or after i: a run with none is not read further
        for k in range(i, b - 1):
            if is_family(toks[k].key):
                break
        else:
            i = max(b, i + 1)
            continue
        a = i
        honor = lex.match_ending(toks, i, PERSONAL) is not None
        m = lex.match(toks, a, PERSONAL)
        while m and m[1] < b:
            honor, a = True, m[1]
            m = lex.match(toks, a, PERSONAL)
        preceded = i == 0 or not toks[i - 1].word
        if _is_name(toks, a, b) and (honor or preceded and b - a >= 3):
            app = _apposition(toks, b, n, known_orgs)
            if app:
                t0, end_idx, unit, role_before = app
                roles = _roles_after(toks, end_idx, n) or role_before
                found.append(_found(toks, (a, b), t0, end_idx, unit, roles))
                used.append((a, end_idx))
                i = end_idx
                continue
        i = max(b, i + 1)

    # 2. title first, the name right after the unit ("..., ông X" too)
    covered = bytearray(n)                # 1 for tokens inside a range of ``used``
    for u0, u1 in used:
        covered[u0:u1] = b"\x01" * (u1 - u0)
    # _title_at needs a capitalised title or prefix opener: only those are tried
    openers = _title_openers()
    i = 0
    for c in [k for k in range(n) if toks[k].cap and toks[k].key in openers]:
        if c < i or covered[c]:
            continue
        i = c
        t = _title_at(toks, i, n, True, known_orgs)
        if t:
            t0, end, unit, s = t
            if s is None and (t0 == 0 or not toks[t0 - 1].word):
                # "..., Giám đốc Sở Y tế, ông X": only for a title opening a
                # clause; "thừa ủy quyền của Thủ tướng, ông X" is someone else's
                s = _honoured_name_at(toks, end, n)
            b = _run(toks, s, n) if s is not None else 0
            if s is not None and _is_name(toks, s, b) and not covered[s]:
                t0, end, unit = _first_of_chain(toks, t0, end, unit, known_orgs)
                roles = _roles_after(toks, b, n)
                f = _found(toks, (s, b), t0, end, unit, roles)
                f.span = (toks[t0].start, toks[b - 1].end)
                found.append(f)
                covered[t0:b] = b"\x01" * (b - t0)
                i = b
                continue
        i += 1
    found.sort(key=lambda f: f.span)
    return found


def _honoured_name_at(toks: list[Tok], j: int, n: int) -> int | None:
    """``Giám đốc Sở Y tế, ông Nguyễn Văn A``: the name after a title, an optional
    comma and an honorific or rank (required here, so a list goes unread)."""
    lex = lexicon()
    if j < n and toks[j].text == ",":
        j += 1
    m = lex.match(toks, j, PERSONAL)
    if not m:
        return None
    while m:
        j = m[1]
        m = lex.match(toks, j, PERSONAL)
    b = _run(toks, j, n)
    return j if _is_name(toks, j, b) else None


def _first_of_chain(toks: list[Tok], t0: int, end: int, unit, known_orgs):
    """``Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Văn A``: the title is the
    first position of the comma chain before the name, memberships skipped."""
    lex = lexicon()
    best = (t0, end, unit)
    cur = t0
    while cur >= 2 and toks[cur - 1].text == ",":
        comma = cur - 1
        prev = None
        for p in range(comma - 1, max(-1, comma - 25), -1):
            if lex.match(toks, p, ("membership",)) and p < comma:
                prev = (p, None)
                break
            t = _title_at(toks, p, comma, False, known_orgs)
            if t and t[1] == comma:
                prev = (p, t)
                break
        if prev is None or lex.match_ending(toks, prev[0], NOT_OWN) is not None:
            # "thừa ủy quyền của Chủ tịch UBND tỉnh, Phó Chủ tịch ... X": the
            # position before the comma is someone else's
            break
        p, t = prev
        if t is not None:
            best = (t[0], t[1], t[2])
        cur = p
    return best


def _found(toks, name_idx, t0, end_idx, unit, roles) -> Found:
    a, b = name_idx
    name = (toks[a].start, toks[b - 1].end)
    title = (toks[t0].start, toks[end_idx - 1].end)
    org = (toks[unit].start, toks[end_idx - 1].end) if unit is not None else None
    span = (min(name[0], title[0]), max(name[1], title[1]))
    return Found(name, title, org, roles, span)


# --- bylines and credits -------------------------------------------------------

def credit_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans that name an author or photographer, never a person of the story."""
    spans: list[tuple[int, int]] = []
    for key in ("byline_spans", "credit_spans"):
        for s in doc.ctx.get(key) or ():
            spans.append((s.start, s.end) if isinstance(s, Span) else (int(s[0]), int(s[1])))
    spans.extend(credit_lines(doc.text, doc.body_start))
    # a short name-only line among the last lines is the byline
    text = doc.text
    for start, end in last_lines(text, 3):
        line = text[start:end]
        words = line.split()
        if 1 <= len(words) <= 6 and all(w[0].isupper() or w in "-–," for w in words) \
                and not _SENTENCE_PUNCT.search(line):
            spans.append((start, end))
    return spans


def credit_lines(text: str, pos: int) -> list[tuple[int, int]]:
    """Spans of ``_CREDIT_RE`` from ``pos`` on, as its finditer gives them.

    The pattern scans slowly (its optional lead can start anywhere): look
    for its core first, which most articles lack.  A credit that starts
    before the first core ends its lead right at that core (the lead holds
    no "ả"), so it starts within the run of lead characters just before it:
    the scan starts there.
    """
    core = _CREDIT_CORE.search(text, pos)
    if core is None:
        return []
    start = _CREDIT_LEAD.match(text, pos, core.start()).start()
    return [m.span() for m in _CREDIT_RE.finditer(text, start)]


def last_lines(text: str, k: int) -> list[tuple[int, int]]:
    """(start, end) of the last ``k`` lines that are not blank, in text order.

    Read backwards from the end: the byline check needs only these, not a
    scan of every line of the article.
    """
    out: list[tuple[int, int]] = []
    end = len(text)
    while len(out) < k:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            out.append((start, end))
        if start == 0:
            break
        end = start - 1
    out.reverse()
    return out


def _known_orgs(doc: Doc, span: Span) -> list[tuple[int, int, str]]:
    """Org mentions of the org finder (pipeline.orgs): (start, end, canonical).

    The "orgs" component has usually found them already (doc.ctx['orgs']);
    only when it did not run is the finder called here.
    """
    found = doc.ctx.get("orgs")
    if found is not None:
        return [(o.start, o.end, o.org) for mentions in found.values() for o in mentions
                if span.start <= o.start and o.end <= span.end]
    try:
        from .. import orgs
        return [(o.start, o.end, o.org) for o in orgs.find_orgs(
            doc.text, span.start, span.end, province=doc.ctx.get("province"))]
    except Exception:  # the finder is optional here: never let it sink the article
        return []


def canonical_unit(org_text: str, province: str | None) -> str:
    if not org_text:
        return ""
    if org_text.split()[0].lower() not in PLACE_WORDS:
        org_text = org_text[0].upper() + org_text[1:]
    try:
        from ..orgs import canonical_org
        return canonical_org(org_text, province=province) or tidy(org_text)
    except Exception:
        return tidy(org_text)


@register("people")
class People:
    """Fills people.csv and ``doc.ctx['people']`` (read by the leadership extractor)."""

    def __call__(self, doc: Doc) -> Doc:
        credits = credit_spans(doc)
        province = doc.ctx.get("province") or doc.fields.get("province")
        seen: dict[str, dict[str, Any]] = {}
        people: list[dict[str, Any]] = []
        for sent in doc.body_sentences():
            if not may_name_a_person(doc.text, sent.start, sent.end):
                continue
            for f in _read_people(doc.text, sent, _known_orgs(doc, sent)):
                if doc.is_excluded(*f.span) or any(c0 < f.name[1] and f.name[0] < c1
                                                   for c0, c1 in credits):
                    continue
                name = tidy(doc.text[f.name[0]:f.name[1]])
                title = tidy(doc.text[f.title[0]:f.title[1]])
                org = canonical_unit(doc.text[f.org[0]:f.org[1]], province) if f.org else ""
                roles = doc.text[f.roles_after[0]:f.roles_after[1]] if f.roles_after else ""
                rec = {"name": name, "title": title, "org": org,
                       "start": f.span[0], "end": f.span[1],
                       "name_start": f.name[0], "name_end": f.name[1],
                       "sentence_start": sent.start, "sentence_end": sent.end,
                       "roles_after": tidy(roles),
                       "roles_after_start": f.roles_after[0] if f.roles_after else None,
                       "roles_after_end": f.roles_after[1] if f.roles_after else None}
                people.append(rec)
                key = fold(name)
                if key not in seen:
                    seen[key] = rec
                    doc.add("people", name=name, title=title, org=org,
                            start=f.span[0], end=f.span[1])
        doc.ctx["people"] = people
        return doc
