"""Stage 2: normalise text, and the one folding function used to compare names.

The contract fixes the working text as NFC with ``\\n`` line ends; all offsets
point into it, so nothing else may be rewritten here.  Spelling variants
(old-style tone placement ``uỷ``/``ủy``, dashes, spacing, case) are handled by
*folding* at comparison time instead of by editing the text.
"""
from __future__ import annotations

import re as stdre
import unicodedata
from functools import lru_cache

import regex as re

from . import gazetteers
from .model import Doc, RawArticle, Span

# Old-style -> new-style tone placement on the open diphthongs oa, oe, uy.
# Only the syllable-final forms differ ("hoà"/"hòa"); "Hoàng" or "toàn" have a
# final consonant and are already correct, so folding touches the pair only
# when no letter follows it.
_OLD_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE_RE_I = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONE) + r")(?!\p{L})", re.IGNORECASE)
_DASH_RE = re.compile(r"\s*[\u2010-\u2015\u2212\-]+\s*")
_SPACE_RE = re.compile(r"\s+")
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_ANY_DASH = stdre.compile("[" + stdre.escape(_DASHES) + "]")
# Any old-style pair that the rewriting pattern could take?  One scan by the
# standard library, far cheaper than the rewriting pattern, which then runs
# only when needed.  A necessary condition of a match of _OLD_TONE_RE_I: an
# o/u (either case) and a toned second vowel (either case), no q/Q before,
# and no ASCII letter after (ASCII letters are \p{L}).  Starting with the
# character classes lets the scan skip ahead; the look-arounds come after.
_MAYBE_OLD_TONE = stdre.compile(
    "[oOuU][" + "".join(sorted({k[1] for k in _OLD_TONE} | {k[1].upper() for k in _OLD_TONE}))
    + "](?<![qQ]..)(?![A-Za-z])")
# A run of dashes, for fold(): it collapses all white space afterwards, so the
# white space _DASH_RE would eat around the run makes no difference there, and
# the standard library finds the runs several times faster.
_DASH_RUN = stdre.compile("[" + stdre.escape(_DASHES) + "]+")


def working_text(text: str) -> str:
    """The contract's working text: NFC and ``\\n`` line ends (lone ``\\r`` too)."""
    text = unicodedata.normalize("NFC", text)
    if "\r" not in text:  # the usual case: no need for two copying passes
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def new_style_tones(s: str) -> str:
    """Rewrite word-final old-style tone placement (``Hoà`` -> ``Hòa``), keeping case."""
    def fix(m: re.Match) -> str:
        old = m.group(1)
        new = _OLD_TONE[old.lower()]
        if old.isupper():
            return new.upper()
        if old[0].isupper():
            return new[0].upper() + new[1:]
        return new
    return _OLD_TONE_RE_I.sub(fix, s) if _MAYBE_OLD_TONE.search(s) else s


def tidy(s: str) -> str:
    """Canonical surface form for output names: NFC, new tones, ' - ' dashes, single spaces."""
    s = unicodedata.normalize("NFC", s)
    s = new_style_tones(s)
    s = _DASH_RE.sub(" - ", s)
    s = _SPACE_RE.sub(" ", s).strip()
    return s.strip(" ,;:.")


def fold(s: str | None) -> str:
    """Comparison key: NFC, lower case, new-style tones, unified dashes and spaces.

    Diacritics are kept (``Đảng`` and ``đang`` differ), as the contract's
    scoring does.  Short strings (words, names) are cached: extractors fold
    the same tokens over and over.
    """
    if s is None:
        return ""
    s = str(s)
    return _fold_short(s) if len(s) < 80 else _fold(s)


@lru_cache(maxsize=1 << 16)
def _fold_short(s: str) -> str:
    return _fold(s)


def _fold(s: str | None) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).lower()
    if _MAYBE_OLD_TONE.search(s):
        s = _OLD_TONE_RE_I.sub(lambda m: _OLD_TONE[m.group(1).lower()], s)
    if _ANY_DASH.search(s):  # most text has none: one cheap scan instead of a sub
        s = _DASH_RUN.sub(" - ", s)  # = _DASH_RE here: the join below unifies the spaces
    if not (s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " "):
        # collapse white space (several times faster than a regex); a printable
        # string's only white space is spaces, so with single inner ones it is done
        s = " ".join(s.split())
    return s.strip(".")


# --- boilerplate -------------------------------------------------------------

# A line that opens a block of page furniture: everything from it to the end of
# the text is comments, "most read" lists or related links.  Data, not code:
# the markers are kept in gazetteers/boilerplate.csv.
def _boilerplate_markers() -> tuple[re.Pattern, re.Pattern]:
    tail, line = gazetteers.load_boilerplate()   # the module's: an import here cost more
    return tail, line


@lru_cache(maxsize=4)
def _any_marker(tail: re.Pattern, line: re.Pattern) -> re.Pattern | None:
    """One pattern that finds nothing in a line where neither kind of marker can.

    ``^(?:TAIL)`` searched matches only at 0, exactly where ``tail.match``
    does (a full match is a match), and ``(?:LINE)`` searched is
    ``line.search``: so a line it misses needs no further look, and most
    lines cost one call instead of two or three.
    """
    if tail.flags != line.flags or _REFERS.search(tail.pattern + line.pattern):
        return None  # put side by side, group numbers would shift: no shortcut
    return re.compile(f"^(?:{tail.pattern})|(?:{line.pattern})", tail.flags)


# Back-references, recursion and conditionals by group: what the combined
# pattern could read differently.
_REFERS = re.compile(r"\\[1-9]|\\g<|\(\?(?:P=|P>|&|R|[+-]?\d|\()")


def find_boilerplate(text: str, body_start: int = 0,
                     text_lines: list[tuple[int, int, str]] | None = None) -> list[Span]:
    """Spans of page furniture that must yield no record.

    Two kinds: *tail* markers ("BÌNH LUẬN", "ĐỌC NHIỀU", "TIN LIÊN QUAN",
    "Ý kiến bạn đọc"...) start a block that runs to the end of the text;
    *line* markers (breadcrumbs, "TAGS:" lines, comment-form prompts) exclude
    just their own line.  ``text_lines``: ``lines(text)``, when the caller
    has them already.
    """
    tail_re, line_re = _boilerplate_markers()
    any_marker = _any_marker(tail_re, line_re)
    gate = any_marker.search if any_marker is not None else None
    opens = _marker_openers(any_marker) if any_marker is not None else None
    spans: list[Span] = []
    for s, e, stripped in lines(text) if text_lines is None else text_lines:
        if gate is not None:
            ok = opens.get(stripped[:_OPENING])
            if ok is None:
                ok = _may_open_marker(any_marker, opens, stripped[:_OPENING])
            if not ok or gate(stripped) is None:
                continue
        start = text.rfind("\n", 0, s) + 1        # the line's own start and end, blanks included
        if start < body_start:
            continue
        end = text.find("\n", e)
        end = len(text) if end < 0 else end
        if tail_re.fullmatch(stripped) or tail_re.match(stripped) and len(stripped) < 40:
            spans.append(Span(start, len(text)))
            break
        if line_re.search(stripped):
            spans.append(Span(start, end))
    return spans


# How many first characters of a line decide whether a marker may be in it.
_OPENING = 3


@lru_cache(maxsize=4)
def _marker_openers(any_marker: re.Pattern) -> dict[str, bool]:
    """Openings of lines seen so far -> whether a marker can match in such a line.

    Filled as openings are met (see :func:`_may_open_marker`): most lines
    open with letters no marker can start with ("Sáng", "Tại", "Đồng"), and
    a dictionary look-up costs far less than searching the line with the
    combined pattern.
    """
    return {}


def _may_open_marker(any_marker: re.Pattern, opens: dict[str, bool], opening: str) -> bool:
    """Whether ``any_marker`` can find anything in a line opening with ``opening``.

    Asked of the pattern itself: a partial search of the opening alone is
    None only when no text starting with it holds a match (a pattern that
    may match past the line's start answers yes for every opening).  Once
    the table is full, unseen openings are simply searched (yes).
    """
    if len(opens) >= 4096:
        return True
    ok = opens[opening] = any_marker.search(opening, partial=True) is not None
    return ok


# Non-empty line, stripped: from its first non-white character to its last one
# (never past a "\n").  The standard library's white space is str.strip()'s
# (both are str.isspace).
_NONBLANK_LINE = stdre.compile(r"\S(?:[^\n]*\S)?")


def lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Non-empty lines of ``text[start:end]`` as (start, end, stripped text)."""
    return [(m.start(), m.end(), m.group())
            for m in _NONBLANK_LINE.finditer(text, start, len(text) if end is None else end)]


# doc.ctx key: (text, lines(text)) as normalize found them
TEXT_LINES = "_text_lines"


def text_lines(doc: Doc) -> list[tuple[int, int, str]]:
    """``lines(doc.text)``: normalize's when they are of this very text."""
    got = doc.ctx.get(TEXT_LINES)
    if got is not None and got[0] is doc.text:
        return got[1]
    return lines(doc.text)


# The first non-blank line (the .txt title), compiled once: the module-level
# regex.search() looked the pattern string up in its cache on every article.
_FIRST_LINE = re.compile(r"\S[^\n]*")


def normalize(raw: RawArticle) -> Doc:
    """RawArticle -> Doc with working text, title, body start and boilerplate spans."""
    text = working_text(raw.text)
    title = working_text(raw.title).strip() if raw.title else ""
    body_start = 0
    m = _FIRST_LINE.search(text)
    if m and (raw.fmt == "txt" or fold(m.group(0)) == fold(title)):
        # .txt: the first non-empty line is the title (contract).  Pages whose
        # extracted text repeats the headline get the same treatment.
        if not title:
            title = m.group(0).strip()
        body_start = m.end()
    doc = Doc(article_id=raw.article_id, source=raw.source, text=text, title=title,
              fmt=raw.fmt, published_meta=raw.published, author_meta=raw.author,
              url=raw.url, site_meta=raw.site, body_start=body_start, warnings=list(raw.warnings))
    found = lines(text)            # the boilerplate markers and the metadata rules read lines
    doc.excluded = find_boilerplate(text, body_start, found)
    doc.ctx[TEXT_LINES] = (text, found)
    return doc
