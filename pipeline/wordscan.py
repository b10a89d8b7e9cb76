"""Finding a big alternation's matches fast: scan for its first words, then verify.

The org finder's gazetteer patterns are alternations of a hundred names, all
case-insensitive and written with ``\\p{L}`` classes that only the ``regex``
module knows.  Scanning a text for them with ``regex`` costs several times
more than scanning a lower-cased copy with the standard library's ``re`` for
the few dozen words the names can *start* with.  :class:`FirstWordScan` does
that, and runs the real pattern only at those positions, so it yields exactly
the matches ``pattern.finditer`` would (leftmost, non-overlapping): the
pattern cannot match where none of its first words starts.  A text whose
lower-cased copy would mislead (lower() changes its length, or it holds a
letter that case-folds otherwise, see :func:`odd_case_folding`) is scanned by
the pattern itself.

The first words are read from the patterns themselves
(:func:`leading_words`); a pattern whose first word cannot be read (it opens
with a class, an optional group, ``{NAME}``...) makes the scan fall back to
plain ``finditer``, never to a guess.

The keys are written as a trie (:func:`literal_scan`): the standard
library tries an alternation's branches one after the other at each
candidate position, a trie only the branches continuing the letters read.
A pattern that matches its first words case-sensitively (the org heads) is
scanned in the text itself, where a lower-case "công" is no candidate for
"Công ty" (``cased`` in :class:`FirstWordScan`).  A pattern verified word by
word whose names start with readable literals is scanned for those starts
(:func:`literal_starts`): "tỉnh Sơn La" and "thi đua" are no candidates for
"Tỉnh ủy" and "Thi hành án".
"""
from __future__ import annotations

import re as stdre
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

import regex as re

if TYPE_CHECKING:
    from .model import Doc

_WORD_START = re.compile(r"[\p{L}\p{M}]+")


def _group_end(pat: str, i: int) -> int | None:
    """Index just after the ``)`` closing the group that opens at ``pat[i]``."""
    depth, k = 0, i
    while k < len(pat):
        c = pat[k]
        if c == "\\":
            k += 2
            continue
        if c == "[":                                  # a class: skip to its end
            k = pat.find("]", k + 2)
            if k < 0:
                return None
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return None


def _top_level_alternatives(body: str) -> list[str]:
    alts, depth, cur, k = [], 0, [], 0
    while k < len(body):
        c = body[k]
        if c == "\\":
            cur.append(body[k:k + 2])
            k += 2
            continue
        if c == "[":                                  # a class: "|" and "(" in it are literal
            close = body.find("]", k + 2)
            close = len(body) - 1 if close < 0 else close
            cur.append(body[k:close + 1])
            k = close + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            alts.append("".join(cur))
            cur = []
            k += 1
            continue
        cur.append(c)
        k += 1
    alts.append("".join(cur))
    return alts


def leading_words(pattern: str) -> set[str] | None:
    """Lower-cased literal prefixes, one of which every match of ``pattern`` starts with.

    None when they cannot be read.  A prefix may be a whole word or its
    first letters (``T[ỉi]nh`` gives ``t``): the scan looks for prefixes, so
    a short one costs speed, never a match.

    Understands a leading literal word (``Ban Tổ chức``) and a leading
    non-capturing group of alternatives (``(?:Ủy ban Kiểm tra|UBKT) Tỉnh
    ủy``); anything else (a class, an optional or repeated group, a named
    group, a leading escape) answers None: unknown.
    """
    alternatives = _top_level_alternatives(pattern)
    if len(alternatives) > 1:                    # "Ban X|Sở Y": every branch's words
        words: set[str] = set()
        for alt in alternatives:
            w = leading_words(alt)
            if not w:
                return None
            words |= w
        return words
    m = _WORD_START.match(pattern)
    if m:
        nxt = pattern[m.end():m.end() + 1]
        if nxt in ("?", "*", "{"):
            return None                          # the word's last letter is optional
        return {m.group(0).lower()}
    if pattern.startswith("(?:"):
        end = _group_end(pattern, 0)
        if end is None or pattern[end:end + 1] in ("?", "*", "{"):
            return None
        words = set()
        for alt in _top_level_alternatives(pattern[3:end - 1]):
            w = leading_words(alt)
            if not w:
                return None
            words |= w
        return words
    return None


# An inline flag ("(?i)", "(?f:"): it could change what a first word matches.
_INLINE_FLAG = re.compile(r"\(\?[a-zA-Z]*[a-zA-Z-][a-zA-Z]*[:)]")


def opening_words(pattern: str) -> frozenset[str] | None:
    """Lower-case prefixes one of which every match of ``pattern`` starts with.

    :func:`leading_words`, and also through an optional
    leading group: "(?:danh\\s+hiệu\\s+)?tập\\s+thể ..." starts with the
    group's words or with those after it.  None when unknown.
    """
    if _INLINE_FLAG.search(pattern):
        return None
    words = leading_words(pattern)
    if words is not None or not pattern.startswith("(?:"):
        return None if words is None else frozenset(words)
    end = _group_end(pattern, 0)
    if end is None or pattern[end:end + 1] != "?":
        return None
    group, rest = leading_words(pattern[:end]), opening_words(pattern[end + 1:])
    return frozenset(group | rest) if group and rest else None


_SPELLING_LIMIT = 64


def spellings(pattern: str) -> set[str] | None:
    """The strings a standard ``re`` pattern of plain letters, escaped
    punctuation, ``[abc]`` classes and ``(?:ab|cd)`` groups matches (the
    output of ``re.escape`` and of :func:`pipeline.orgs.tolerant` on a word);
    None for anything else or for more than a few dozen strings."""
    out, i = [""], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if i + 1 >= len(pattern) or pattern[i + 1].isalnum():
                return None                          # \d, \s, \1...: not a literal
            opts, i = [pattern[i + 1]], i + 2
        elif c == "[":
            close = pattern.find("]", i + 1)
            body = pattern[i + 1:close]
            if close < 0 or not body or any(ch in "^-\\[" for ch in body):
                return None
            opts, i = list(body), close + 1
        elif pattern.startswith("(?:", i):
            close = pattern.find(")", i)
            opts = pattern[i + 3:close].split("|")
            if close < 0 or any(not o or any(ch in "\\[(?*+{.^$" for ch in o) for o in opts):
                return None
            i = close + 1
        elif c in ".^$*+?{}[]()|":
            return None
        else:
            opts, i = [c], i + 1
        if i < len(pattern) and pattern[i] in "?*+{":
            return None                              # a quantified piece
        out = [a + b for a in out for b in opts]
        if len(out) > _SPELLING_LIMIT:
            return None
    return set(out)


_QUANTIFIER = stdre.compile(r"[?*+]|\{(\d*)(?:,\d*)?\}")
_LOOKAROUND = stdre.compile(r"\(\?<?[=!]")
_FLAGS = stdre.compile(r"\(\?[a-zA-Z]*(?:-[a-zA-Z]+)?(?=[:)])")


class _Unreadable(ValueError):
    """A construct :func:`literal_prefixes` does not know."""


def _class_end(pattern: str, k: int) -> int:
    """Index just after the class opening at ``pattern[k]``."""
    j = k + 1 + (pattern[k + 1:k + 2] == "^")
    j += pattern[j:j + 1] == "]"                 # a leading "]" is literal
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    if j >= len(pattern):
        raise _Unreadable(pattern)
    return j + 1


def _one_char(c: str) -> str | None:
    """``c`` as it is in a trusted lower-cased copy (None: lower() would mislead)."""
    low = c.lower()
    return low if len(low) == 1 and not odd_case_folding().match(low) else None


_Start = tuple[tuple[str, ...], bool]


def _parse_prefix(pattern: str, k: int, limit: int) -> tuple[list[_Start], int]:
    """The alternatives of ``pattern`` from ``k`` up to the ``)`` closing its
    group (or the end): each as (its start, a sequence of standard ``re``
    patterns of one character each, and whether that is all of it), and the
    index of that ``)``."""
    alts: list[_Start] = []
    heads: list[_Start] = [((), True)]           # the current alternative's starts

    def follow(pieces: list[_Start], low: int, repeated: bool) -> list[_Start]:
        """Every open start followed by one of ``pieces`` (``low`` times at least)."""
        if low == 0:                             # optional: the start ends here
            return [(h, False) for h, _ in heads]
        out = [(h + p, whole and not repeated) if done else (h, False)
               for h, done in heads for p, whole in pieces]
        out = list(dict.fromkeys(out))
        return [(h, False) for h, _ in out] if any(len("".join(h)) > limit for h, _ in out) else out

    while k < len(pattern) and pattern[k] != ")":
        c = pattern[k]
        if c == "|":
            alts.extend(heads)
            heads, k = [((), True)], k + 1
            continue
        piece: str | None
        if c == "(":
            look = _LOOKAROUND.match(pattern, k)
            flags = _FLAGS.match(pattern, k)
            if look:
                inner = look.end()
            elif pattern.startswith("(?P<", k):
                inner = pattern.index(">", k) + 1
            elif flags and pattern[flags.end()] == ":":
                inner = flags.end() + 1
            elif flags:                          # "(?i)": flags alone
                k = flags.end() + 1
                continue
            elif pattern.startswith("(?", k):
                raise _Unreadable(pattern)
            else:
                inner = k + 1
            pieces, close = _parse_prefix(pattern, inner, limit)
            if close >= len(pattern):
                raise _Unreadable(pattern)
            k = close + 1
            group = None if look else pieces     # a lookaround: zero width, nothing to require
        elif c == "[":
            close = _class_end(pattern, k)
            body = pattern[k + 1:close - 1]
            chars = [_one_char(ch) for ch in body]
            piece = None if ("\\" in body or body.startswith("^") or "-" in body[1:-1]
                             or None in chars) else "[" + stdre.escape("".join(dict.fromkeys(chars))) + "]"
            k, group = close, None
        elif c == "\\":
            if k + 1 >= len(pattern):
                raise _Unreadable(pattern)
            nxt = pattern[k + 1]
            piece = r"\s" if nxt == "s" else None if nxt.isalnum() else stdre.escape(nxt)
            k += 2
            if nxt in "pPNx" and pattern[k:k + 1] == "{":
                k = pattern.index("}", k) + 1
            group = None
        elif c in ".^$":
            piece, k, group = None, k + 1, None
        else:
            one = _one_char(c)
            piece, k, group = (None if one is None else stdre.escape(one)), k + 1, None
        q = _QUANTIFIER.match(pattern, k)
        quant = q.group() if q else ""
        k = q.end() if q else k
        if pattern[k:k + 1] in ("?", "+"):        # lazy or possessive: the same characters
            k += 1
        low = 1 if quant in ("", "+") else 0 if quant in ("?", "*") else int(q.group(1) or 0)
        if c == "(":
            if group is not None:
                heads = follow(group, low, quant != "")
        elif piece is None:                      # no literal letter: the start ends here
            heads = [(h, False) for h, _ in heads]
        else:                                    # one character, repeated as written
            heads = follow([((piece + quant,), True)], 1, False)
    alts.extend(heads)
    return alts, k


@lru_cache(maxsize=256)
def _prefix_check(pattern: str) -> stdre.Pattern | None:
    return literal_prefixes(pattern)


def literal_starts(pattern: str, limit: int = 24) -> list[tuple[str, ...]] | None:
    """The starts :func:`literal_prefixes` reads, each a sequence of standard
    ``re`` patterns of one character (for :func:`_trie`)."""
    try:
        alts, k = _parse_prefix(pattern, 0, limit)
    except (_Unreadable, ValueError, IndexError):
        return None
    if k != len(pattern) or any(not h for h, _ in alts):
        return None
    return list(dict.fromkeys(h for h, _ in alts))


def literal_prefixes(pattern: str, limit: int = 24) -> stdre.Pattern | None:
    """A standard ``re`` pattern that matches, in a trusted lower-cased copy
    of a text, wherever ``pattern`` (a ``regex`` source, case-insensitive or
    not) matches in the text: the start of each alternative up to its first
    class, optional part, repeated group or ``limit`` characters, its letters
    lower-cased, ``\\s`` the standard library's (which holds the ``regex``
    module's).  None when some alternative has no such start or the pattern
    holds a construct this does not read.

    A failed try of a ``regex`` pattern costs several times a failed ``re``
    match: this one turns most wrong keys away first.
    """
    starts = literal_starts(pattern, limit)
    return None if starts is None else stdre.compile("|".join("".join(h) for h in starts))


def _trie(strings: Iterable[Iterable[str]]) -> str:
    """A standard ``re`` alternation of ``strings`` written as a trie: at each
    letter only the strings continuing there are tried (the engine tries an
    alternation's branches one by one, at every position of the text), the
    longest first.  A string is a literal or a sequence of one-character
    patterns (``"a"``, ``"[Aa]"``)."""
    tree: dict = {}
    for s in strings:
        node = tree
        for ch in s:
            node = node.setdefault(ch if len(ch) > 1 else stdre.escape(ch), {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [ch + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:                               # a string ends here: longer ones first
            return f"(?:{body})?"
        return body

    return emit(tree)


# What a pattern may end with and still have a literal tail: letters, spaces, ':'
_PLAIN = re.compile(r"[\p{L}\p{M} :]")
_VERBOSE_FLAG = re.compile(r"\(\?[a-zA-Z-]*x")


def required_tail(pattern: str) -> str | None:
    """The literal text every match of ``pattern`` ends with (its last characters
    up to the first bit of syntax), or None: it ends in syntax ("\\s", ")?"), has
    top-level alternatives ("a|b"), or may set the verbose flag (spaces then
    match nothing)."""
    if len(_top_level_alternatives(pattern)) > 1 or _VERBOSE_FLAG.search(pattern):
        return None
    i = len(pattern)
    while i and _PLAIN.fullmatch(pattern[i - 1]) and not (i >= 2 and pattern[i - 2] == "\\"):
        i -= 1
    if i >= 2 and pattern[i - 2] == "\\":     # an escape may run into the tail ("\\pL")
        return None
    try:                                  # what comes before is whole ("\\x4abc" ends in "bc")
        re.compile(pattern[:i])
    except re.error:
        return None
    return pattern[i:] or None


def literal_scan(words: Iterable[str], variants: Callable[[str], str] = stdre.escape) -> stdre.Pattern:
    """A standard ``re`` pattern finding any of ``words`` (each as ``variants`` spells it),
    longest first: the keys of :func:`scan_finditer`.

    Spellings that :func:`spellings` can list are searched as one trie
    (several times cheaper than a flat alternation of a few dozen words); the
    rest, if any, as alternatives after it.  Either way the pattern matches at
    exactly the positions where some spelling starts (nowhere, for no words).
    """
    pats = sorted({variants(w) for w in words}, key=lambda v: (-len(v), v))
    listed = {p: spellings(p) for p in pats}
    strings = set().union(*(s for s in listed.values() if s))
    rest = [p for p in pats if not listed[p]]
    return stdre.compile("|".join(([_trie(strings)] if strings else []) + rest) or "(?!)")


def scan_finditer(pattern: re.Pattern, keys: stdre.Pattern, text: str, start: int = 0,
                  end: int | None = None, haystack: str | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, start, end)``, trying ``pattern`` only where ``keys`` occurs.

    ``keys`` must occur at the start of every match of ``pattern`` (which
    never matches the empty string).  It is searched in ``haystack`` when
    given: a copy of ``text[start:end]`` aligned character by character (a
    lower-cased one, say).  Every position holding a key is tried, in order,
    overlapping ones too, so the matches are exactly the leftmost
    non-overlapping ones ``finditer`` gives.
    """
    end = len(text) if end is None else end
    if haystack is None:
        hay, shift, pos, stop = text, 0, start, end
    else:
        hay, shift, pos, stop = haystack, start, 0, end - start
    while (k := keys.search(hay, pos, stop)) is not None:
        m = pattern.match(text, k.start() + shift, end)
        if m:
            yield m
            pos = m.end() - shift
        else:
            pos = k.start() + 1


@lru_cache(maxsize=1)
def odd_case_folding() -> stdre.Pattern:
    """Characters whose lower case is not their case fold ("ſ", "ς", Cherokee...).

    A case-insensitive pattern matches "ſở" as "sở", but "ſ".lower() is
    still "ſ": a lower-cased copy holding one of these cannot be trusted,
    and the scan falls back to the pattern.  Characters past U+1FFFF are all
    treated as odd (none is in the press; this keeps the table quick to build).
    """
    odd = "".join(c for c in map(chr, range(0x20000)) if c.lower().casefold() != c.lower())
    return stdre.compile("[" + stdre.escape(odd) + "\U00020000-\U0010FFFF]")


def trusted_lower(text: str, start: int = 0, end: int | None = None) -> tuple[str, bool]:
    """``text[start:end]`` lower-cased, and whether a scan may trust it: it is
    aligned with the text character by character and holds no
    :func:`odd_case_folding` character.  Checked once, for every scan of a
    sentence (the check costs more than lower-casing)."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    return low, len(low) == end - start and not odd_case_folding().search(low)


@lru_cache(maxsize=1)
def _case_classes() -> dict[str, str]:
    """A lower-case character -> every character whose lower case it is
    ("k" -> "kKK", the Kelvin sign too), below U+20000 (:func:`odd_case_folding`
    treats the rest as odd)."""
    classes: dict[str, list[str]] = {}
    for c in map(chr, range(0x20000)):
        low = c.lower()
        if len(low) == 1:
            classes.setdefault(low, []).append(c)
    return {k: "".join(v) for k, v in classes.items()}


def any_case(spelling: str) -> list[tuple[str, ...]]:
    """Sequences of standard ``re`` one-character patterns that together match,
    in a text, what ``spelling`` matches in the text's lower-cased copy: each
    character becomes the class of the characters lower-casing to it.  The
    first is written out letter by letter (one sequence per letter): the
    engine skips ahead to the letters an alternation of literals starts with,
    not to a class."""
    classes = _case_classes()
    if not spelling:
        return [()]
    rest = tuple(stdre.escape(chars) if len(chars := classes.get(ch, ch)) == 1
                 else f"[{stdre.escape(chars)}]" for ch in spelling[1:])
    return [(stdre.escape(c), *rest) for c in classes.get(spelling[0], spelling[0])]


@lru_cache(maxsize=None)
def certainly_in(cls: str) -> str:
    """A standard ``re`` lookbehind refusing the letters, digits and marks of
    the Latin and Vietnamese blocks that the ``regex`` class ``cls`` holds.

    Only characters both libraries agree on are listed, so the lookbehind is
    never stricter than ``(?<!cls)``; in a lower-cased copy a character is in
    the list only if the original is in ``cls`` too (lower() maps letters to
    letters and leaves the rest alone).
    """
    rx = re.compile(cls)
    chars = [chr(c) for c in (*range(0x250), *range(0x1E00, 0x1F00)) if rx.fullmatch(chr(c))]
    return "(?<![" + stdre.escape("".join(chars)) + "])"


class FirstWordScan:
    """``finditer`` of a compiled ``regex`` pattern, tried only where a first word starts.

    ``first_words`` are lower-case literal words; ``variants`` turns one into
    the (standard ``re``) pattern of its spellings (old/new tone placement,
    common typos) so the scan is no stricter than the pattern.  With
    ``first_words`` None the scan is plain ``pattern.finditer``.

    ``not_after`` (optional): a ``regex`` class the pattern's own lookbehind
    refuses before a match (``[\\p{L}\\d]``): keys right after such a
    character are skipped ("ba" inside "ban", the "0" of "2024").

    ``by_word`` (optional) maps a first word to a smaller pattern to verify
    with where that word's key was found: it must match exactly where
    ``pattern`` matches at every such position (the pattern's alternatives
    that can start there, in their order; see :func:`compatible_words`).  A
    failed try of a hundred-name alternation costs several times a failed try
    of the few names one word opens, and most tries fail ("tỉnh", "hội" and
    "công" open few names but many phrases).

    ``cased`` (optional): first words *as written* that the pattern matches
    only as written (case-sensitively: the org heads "Công ty", "Ban").  With
    them the keys are searched in the text itself, not in a lower-cased copy:
    these words as ``variants`` spells them, and ``first_words`` in any case
    (:func:`any_case`).  Most hits of "công", "ban", "hội" in a lower-cased
    copy are ordinary lower-case words the pattern refuses at once, but each
    costs a try.  (Needs every spelling of ``first_words`` listed by
    :func:`spellings`, and no ``not_after`` or ``extra_keys``; ``by_word``
    then maps words as ``cased`` and ``first_words`` give them.)
    """

    def __init__(self, pattern: re.Pattern, first_words: Iterable[str] | None,
                 variants: Callable[[str], str] = stdre.escape, extra_keys: str = "",
                 by_word: dict[str, re.Pattern] | None = None, not_after: str | None = None,
                 cased: Iterable[str] = ()):
        self.pattern = pattern
        self.scan = None
        # whether the keys are searched in the text itself
        self.in_text = False
        # the first-word keys when the keys are the names' literal starts
        self._first: stdre.Pattern | None = None
        # key as found -> (the cheap check of its start, the pattern verifying it),
        # filled as keys are met (spellings of a few dozen words; extra keys may vary: capped)
        self._verify: dict[str, tuple[stdre.Pattern | None, re.Pattern]] | None = None
        cased = set(cased)
        if first_words is not None and cased:
            spelled = [spellings(variants(w)) for w in first_words]
            if extra_keys or not_after or any(sp is None for sp in spelled):
                raise ValueError("cased words need listed spellings and no extra keys or not_after")
            exact = [tuple(sp) for sps in map(spellings, map(variants, cased)) if sps for sp in sps]
            rest = [variants(w) for w in cased if not spellings(variants(w))]
            folded = {seq for sps in spelled for sp in sps for seq in any_case(sp)}
            self.scan, self.in_text = stdre.compile("|".join([_trie([*exact, *folded]), *rest])), True
            # the case-insensitive keys rely on a trusted lower-cased copy
            self._needs_lower = bool(first_words)
        elif first_words is not None:
            # no word boundary: the standard library's idea of a letter is not
            # the pattern's (\w takes "¼"), and the pattern checks its own;
            # ``extra_keys``: a standard ``re`` alternative for starts that are
            # not words (``\d`` where a count may open a match)
            keys = literal_scan(first_words, variants).pattern
            keys += "|" + extra_keys if extra_keys else ""
            if not_after:
                keys = f"{certainly_in(not_after)}(?:{keys})"
            self.scan = stdre.compile(keys)
            if by_word is not None and not extra_keys and not not_after:
                # the literal starts of the pattern's names as the keys (a
                # trie: no dearer to search than the first words, and most
                # first words open no name there: "tỉnh Sơn La", "thi đua");
                # at a hit the first-word key there picks the verifier
                starts = literal_starts(pattern.pattern)
                if starts:
                    self._first, self.scan = self.scan, stdre.compile(_trie(starts))
        if self.scan is not None and by_word is not None:
            self._verify = {}
            # (word, its spellings, its pattern, whether a key is compared as found
            # (a cased word) or lower-cased (a word matched in any case, in the text))
            self._spellings = [(stdre.compile(variants(w)), by_word.get(w, pattern), w in cased or not self.in_text)
                               for w in (*cased, *first_words)]

    def _verifier(self, key: str) -> tuple[stdre.Pattern | None, re.Pattern]:
        """The pattern verifying a hit on ``key``: its word's, or the whole
        pattern when the key spells no single word (an extra key, a tie); and
        before it, in a lower-cased copy, the cheap check of its start
        (:func:`literal_prefixes`; None: none)."""
        found = {rx for spelling, rx, as_found in self._spellings
                 if spelling.fullmatch(key if as_found else key.lower())}
        rx = found.pop() if len(found) == 1 else self.pattern
        pre = None if self.in_text or self._first is not None else _prefix_check(rx.pattern)
        if len(self._verify) < 4096:
            self._verify[key] = (pre, rx)
        return pre, rx

    def finditer(self, text: str, start: int = 0, end: int | None = None,
                 lower: str | None = None, checked: bool = False) -> Iterator[re.Match]:
        """Matches in ``text[start:end]``; ``lower`` may pass ``text[start:end].lower()``,
        ``checked`` that it has been found aligned and without
        :func:`odd_case_folding` characters (:func:`trusted_lower`)."""
        end = len(text) if end is None else end
        if not (self.in_text and not self._needs_lower):
            low = text[start:end].lower() if lower is None else lower
            if self.scan is None or not checked and (len(low) != end - start or odd_case_folding().search(low)):
                yield from self.pattern.finditer(text, start, end)
                return
        # the keys are searched in ``hay``, ``shift`` before the text's offsets
        hay, shift, pos, stop = (text, 0, start, end) if self.in_text else (low, start, 0, end - start)
        verify = self._verify
        if verify is None:
            yield from scan_finditer(self.pattern, self.scan, text, start, end,
                                     haystack=None if self.in_text else low)
            return
        keys, first = self.scan, self._first
        while (k := keys.search(hay, pos, stop)) is not None:
            if first is None:
                key = k.group()
            else:
                word = first.match(hay, k.start())
                key = "" if word is None else word.group()   # "": no word, the whole pattern
            pre, rx = verify.get(key) or self._verifier(key)
            if pre is not None and pre.match(hay, k.start()) is None:
                pos = k.start() + 1
                continue
            m = rx.match(text, k.start() + shift, end)
            if m:
                yield m
                pos = m.end() - shift
            else:
                pos = k.start() + 1


class WordGate:
    """Does a stretch of the text hold one of some words, in any case, and where?

    A necessary condition before a case-insensitive pattern that needs the
    word: the text is lower-cased once per article, and when lower() would
    mislead (it changes the length, or a letter case-folds otherwise, see
    :func:`odd_case_folding`) every answer is "maybe".

    :meth:`finditer` runs a pattern whose every match starts with one of
    some words only where they occur: their places are found once per
    article (``str.find``), where the ``regex`` pattern would be tried at
    every position of every sentence.  One gate serves every component of
    an article (:meth:`of`).
    """

    def __init__(self, text: str):
        low = text.lower()
        self.text = text
        self.low = low if len(low) == len(text) and not odd_case_folding().search(low) else None
        self._starts: dict[frozenset[str], list[int]] = {}

    @classmethod
    def of(cls, doc: "Doc") -> "WordGate":
        """The gate of ``doc``'s text, kept in ``doc.ctx`` while the text stays the same."""
        gate = doc.ctx.get("_word_gate")
        if gate is None or gate.text is not doc.text:
            gate = doc.ctx["_word_gate"] = cls(doc.text)
        return gate

    def has(self, words: tuple[str, ...], start: int, end: int) -> bool:
        low = self.low
        if low is None:
            return True
        for w in words:
            if low.find(w, start, end) >= 0:
                return True
        return False

    def starts(self, words: frozenset[str]) -> list[int] | None:
        """Every place (in order, overlapping ones too) where one of ``words`` starts,
        or None when the lower-cased copy would mislead."""
        found = self._starts.get(words)
        if found is None and self.low is not None:
            low, found = self.low, []
            for w in words:
                i = low.find(w)
                while i >= 0:
                    found.append(i)
                    i = low.find(w, i + 1)
            found = self._starts[words] = sorted(set(found))
        return found

    def may_start(self, words: frozenset[str], start: int, end: int) -> bool:
        """Whether one of ``words`` starts in [start, end) ("maybe" when unknown)."""
        at = self.starts(words)
        if at is None:
            return True
        k = bisect_left(at, start)
        return k < len(at) and at[k] < end

    def finditer(self, rx: re.Pattern, words: frozenset[str] | None, start: int,
                 end: int) -> Iterable[re.Match]:
        """``rx.finditer(self.text, start, end)`` for a pattern every match of which starts
        with one of ``words`` (lower-case prefixes, :func:`opening_words`;
        None: unknown, the pattern is tried everywhere)."""
        at = self.starts(words) if words else None
        if at is None:
            return rx.finditer(self.text, start, end)
        out = []
        for p in at[bisect_left(at, start):bisect_left(at, end)]:
            if p >= start:
                m = rx.match(self.text, p, end)
                if m:
                    out.append(m)
                    start = m.end()
        return out



def compatible_words(word: str, others: Iterable[str], skeleton: Callable[[str], str]) -> bool:
    """Whether a key of ``word`` and one of some word in ``others`` can start at the same place.

    Both keys then spell a prefix of the same text, so their ``skeleton``s
    (one form for every spelling the keys accept: case, tone marks dropped)
    are prefixes of one skeleton, hence one of the other.
    """
    w = skeleton(word)
    return any(w.startswith(o) or o.startswith(w) for o in map(skeleton, others))
