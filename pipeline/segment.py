"""Stage 3: split the working text into sentences (character spans).

Vietnamese press writes numbers with dots (``1.3``, ``2.134``) and initials
with dots (``M.L``, ``TP.HCM``), so a sentence ends only at ``.!?…`` followed
by white space and an upper-case letter, digit or quote, or at a line break.
Word segmentation (underthesea) is costly and is *not* run here: extractors
that need words ask for them sentence by sentence via :func:`words`.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from .model import Doc, Span
from .normalize import fold

# Short abbreviations after which a dot does not end a sentence.
_NO_BREAK_BEFORE = r"(?<!\b(?:TP|Tp|ThS|TS|PGS|GS|BS|Th|St|Q|P|ông|bà)\.)"
# The cheap look-behind first: most positions follow no sentence mark.
_BREAK = re.compile(r"(?<=[.!?…])" + _NO_BREAK_BEFORE + r"[\"”’)]*\s+(?=[\"“‘(]?[\p{Lu}\d])")


# The marks a break follows (the look-behind of _BREAK), and what must come
# right after one: a closing quote or white space (``str.isspace`` takes every
# character ``\s`` does).
_MARKS = ".!?…"
_CLOSERS = "\"”’)"


def _mark_ends(text: str, lo: int, hi: int) -> list[int]:
    """Sorted positions right after a sentence mark in ``text[lo:hi]``.

    One ``str.find`` loop per mark: several times faster than a pattern's
    scan over the whole text, and articles have a few dozen marks.
    """
    out: list[int] = []
    for c in _MARKS:
        i = text.find(c, lo, hi)
        while i >= 0:
            out.append(i + 1)
            i = text.find(c, i + 1, hi)
    out.sort()
    return out


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, white space trimmed off each."""
    end = len(text) if end is None else end
    # Only right after a mark can _BREAK match (the look-behind may read the
    # character before ``start``): it is tried there, not at every character.
    cands = _mark_ends(text, max(start - 1, 0), end)
    n_cands = len(cands)
    k = 0
    spans: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        cut = line_start
        # = _BREAK.finditer(text, line_start, line_end), trying only the candidates
        while k < n_cands and cands[k] < line_start:
            k += 1
        while k < n_cands and cands[k] < line_end:
            p = cands[k]
            k += 1
            if p < cut:          # inside the previous break's white space
                continue
            c = text[p]
            if c not in _CLOSERS and not c.isspace():  # "1.027", "TP.HCM"
                continue
            m = _BREAK.match(text, p, line_end)
            if m:
                spans.append((cut, m.start()))
                cut = m.end()
        spans.append((cut, line_end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append(Span(a, b))
    return out


def segment(doc: Doc) -> Doc:
    doc.sentences = split_sentences(doc.text)
    return doc


@lru_cache(maxsize=4096)
def words(sentence: str) -> tuple[str, ...]:
    """Vietnamese word segmentation of one sentence (underthesea), cached."""
    from underthesea import word_tokenize

    return tuple(word_tokenize(sentence))


@lru_cache(maxsize=2048)
def fold_sentence(sentence: str) -> str:
    """:func:`pipeline.normalize.fold` of one sentence, cached: relevance and
    dates fold the same body sentences, and short strings alone are cached there."""
    return fold(sentence)
