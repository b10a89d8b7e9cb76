"""Temporal expressions in Vietnamese news text, and how their years are found.

Vietnamese papers write a day and month as ``19.12``, ``5/1`` or ``27-12`` and
leave the year to the reader, who knows when the paper came out and which
year the meeting reviewed.  The same shapes also write ratios (``7/7 đơn
vị``), document numbers (``01-KL/TW``) and spans of years (``nhiệm kỳ 2020 -
2025``), so a bare day-month counts as a date only when the words around it
say so (``gazetteers/date_cues.csv``).

Finding and dating are two steps.  :func:`find_temporals` returns every
expression with what the text itself fixes (a day, a month, perhaps a year,
an offset from publication); :func:`resolve_year` later supplies a missing
year from a reference date or from the years under review, which only the
whole article knows.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re as stdre
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

import regex as re

from .gazetteers import load_csv
from .wordscan import scan_finditer

_FLAGS = re.IGNORECASE | re.VERSION1
_YEAR = r"(?:19|20)\d{2}"
_DASH = r"\s*[-–—]\s*"
_DASH_CHARS = ("-", "–", "—")      # _DASH's class, for ``in`` tests
_BUOI = "buổi"                     # may open a daypart ("buổi sáng")


@dataclass
class Temporal:
    """One temporal expression; offsets index the text it was found in."""

    start: int
    end: int
    kind: str                      # date | month | year
    form: str                      # full | words | dm | month | year | relative
    day: int | None = None
    month: int | None = None
    year: int | None = None        # as written; None when it must be resolved
    relative: int | None = None    # days from publication ("Sáng qua" -> -1)
    anchor: int | None = None      # year of a "(1945 - 2017)" right after a d/m
    anniversary: bool = False      # one end of a "14/10/1930 - 14/10/2018" span

    def value(self, year: int | None = None) -> str | None:
        """ISO value (``YYYY-MM-DD`` / ``YYYY-MM`` / ``YYYY``) with ``year`` if none is written."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        if self.kind == "year":
            return f"{y:04d}"
        if self.kind == "month":
            return f"{y:04d}-{self.month:02d}"
        if self.day is None or not valid_day(y, self.month, self.day):
            return None
        return f"{y:04d}-{self.month:02d}-{self.day:02d}"


def valid_day(year: int | None, month: int | None, day: int | None) -> bool:
    if not month or not day or not 1 <= month <= 12:
        return False
    return 1 <= day <= month_days(year if year else 2000, month)   # 2000: 29 Feb allowed


def month_days(year: int, month: int) -> int:
    """``calendar.monthrange(year, month)[1]`` without the weekday it also works out."""
    if not 1 <= month <= 12:
        raise calendar.IllegalMonthError(month)
    return calendar.mdays[month] + (month == 2 and calendar.isleap(year))


# -- vocabulary -----------------------------------------------------------------

@dataclass(frozen=True)
class _Cues:
    dayparts: tuple[str, ...]
    before: frozenset[str]
    ratio: frozenset[str]
    relative: dict


@lru_cache(maxsize=None)
def _cues() -> _Cues:
    rows = load_csv("date_cues.csv")
    words = lambda k: [r["word"].lower() for r in rows if r["kind"] == k]  # noqa: E731
    rel = {r["word"].lower(): int(r["value"]) for r in rows if r["kind"] == "relative"}
    return _Cues(tuple(words("daypart")), frozenset(words("before")),
                 frozenset(words("ratio")), rel)


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    c = _cues()
    dayparts = "|".join(map(re.escape, c.dayparts))
    rel = "|".join(map(re.escape, c.relative))
    return {
        # "Quyết định 12/2019/QĐ-UBND", "Kết luận số 01-KL/TW": a number, not a date.
        "docnum": re.compile(r"(?<![\p{L}\d])\d{1,5}(?:[/-]\d{1,5})*[/-]\p{Lu}\p{L}*(?:[/-]\p{L}+)*"),
        "full": re.compile(rf"(?<![\p{{L}}\d.,/-])(\d{{1,2}})([./-])(\d{{1,2}})\2({_YEAR})(?!\d|[/-]\p{{L}})"),
        "words": re.compile(rf"(?<!\p{{L}})ngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})"
                            rf"(?:\s*(?:,\s*)?năm\s+({_YEAR}))?(?!\d)", _FLAGS),
        "month": re.compile(rf"(?<!\p{{L}})tháng\s+(\d{{1,2}})(?:\s*(?:[/.-]|năm)\s*({_YEAR}))?"
                            r"(?!\d|[/.-]\d)", _FLAGS),
        "range": re.compile(rf"(?<![\d.,/])\d{{4}}{_DASH}(?:\d{{4}}|\d{{2}})(?!\d)"
                            rf"|(?<!\p{{L}})từ\s+năm\s+{_YEAR}\s+(?:đến|tới)\s+(?:năm\s+)?{_YEAR}(?!\d)",
                            _FLAGS),
        "year": re.compile(rf"năm\s+({_YEAR})(?!\d|[.,]\d)", _FLAGS),
        "bare_year": re.compile(rf"(?<![\p{{L}}\d.,/:\-–—])({_YEAR})(?!\d|[.,/]\d)"),
        "this_year": re.compile(r"(?<!\p{L})năm\s+nay(?!\p{L})", _FLAGS),
        "dm": re.compile(r"(?<![\p{L}\d.,/-])(\d{1,2})([./-])(\d{1,2})(?!\d|[.,/-]\d)"),
        "anchor": re.compile(rf"\s*\(\s*\d{{4}}{_DASH}({_YEAR})\s*\)"),
        # What may head a date: "Chiều nay", "Sáng qua (", "Ngày", "hôm qua".
        "prefix": re.compile(rf"(?<!\p{{L}})(?:(?:{_BUOI}\s+)?(?:{dayparts})(?:\s+(?:hôm\s+)?({rel}))?"
                             rf"|ngày|hôm\s+({rel}))\s*(\(\s*)?$", _FLAGS),
        "relative": re.compile(rf"(?<!\p{{L}})(?:(?:{_BUOI}\s+)?(?:{dayparts})\s+(?:hôm\s+)?({rel})"
                               rf"|hôm\s+({rel})|ngày\s+(mai))(?!\p{{L}})", _FLAGS),
        "prev_word": re.compile(r"(\p{L}+)[\s(]*$"),
        # What "relative" cannot match without (a prefilter).
        "relative_word": re.compile(rf"{rel}|mai", _FLAGS),
    }


@lru_cache(maxsize=None)
def _restating() -> re.Pattern:
    """What stands before the date of a sentence restating the meeting with its
    date: "Hội nghị được tổ chức ngày 15 tháng 7", "Buổi lễ diễn ra vào sáng 9/9"."""
    rows = load_csv("date_cues.csv")
    alt = lambda k: "|".join(sorted((re.escape(r["word"]).replace(r"\ ", r"\s+")  # noqa: E731
                                     for r in rows if r["kind"] == k), key=len, reverse=True))
    return re.compile(rf"(?:{alt('meeting')})\s+(?:(?:đã|được|đã\s+được)\s+)?(?:{alt('held')})"
                      r"(?:\s+vào)?\s*", _FLAGS)


def restates_meeting(before: str) -> bool:
    """Whether ``before``, a sentence's text up to a date, is a meeting noun and
    its holding verb: the sentence gives the date of the meeting it names."""
    return _restating().fullmatch(before.strip()) is not None


# -- finding --------------------------------------------------------------------

# Every expression has a digit or a relative word ("Sáng qua", "hôm nay", "ngày mai").
_MAYBE = re.compile(r"\d|nay|qua|mai", re.IGNORECASE)
# What a pass needs somewhere in the text to find anything: a pass whose
# literal is absent is skipped (masking only ever removes characters).
_NEEDS_DIGIT_SEP = re.compile(r"\d[/-]")            # docnum
_NEEDS_DAY_MONTH = re.compile(r"\d[./-]\d")         # full, dm
_NEEDS_FOUR_DIGITS = re.compile(r"\d{4}")           # range, year, bare_year
_NEEDS_THANG = re.compile("tháng", _FLAGS)          # words, month
_NEEDS_NAM = re.compile("năm", _FLAGS)              # year, this_year
_NEEDS_RANGE = re.compile(rf"\d{{4}}{_DASH}|từ\s+năm", _FLAGS)
# The regexes above define what each pass needs; _find_all checks the same
# things more cheaply.  _NEEDS_RANGE's two alternatives, searched one by one,
# cost less than the alternation.
_NEEDS_RANGE_DASH = re.compile(rf"\d{{4}}{_DASH}", _FLAGS)
_NEEDS_RANGE_WORDS = re.compile(r"từ\s+năm", _FLAGS)
# _MAYBE's words.  A case-insensitive regex literal matches only where the
# text's casefold holds the literal's casefold (tests/test_perf_dates.py checks
# this for every character against the ``regex`` module), so these literal
# prefilters are ``in`` tests on the casefolded text: one casefold of a
# sentence costs less than the ``regex`` calls it replaces.
_MAYBE_WORDS = ("nay", "qua", "mai")


@dataclass(frozen=True)
class _Gates:
    """Casefolded literals the passes cannot match without (``in`` the casefolded text)."""
    thang: str                        # words, month (_NEEDS_THANG)
    nam: str                          # year, this_year (_NEEDS_NAM); range's words
    tu: str                           # range's words
    nay: str                          # this_year ("năm nay")
    relative: tuple[str, ...]         # "relative": the word giving the offset ...
    relative_heads: tuple[str, ...]   # ... and the daypart, "hôm" or "ngày" before it
    relative_starts: stdre.Pattern    # what a "relative" match starts with: a head or "buổi"


@lru_cache(maxsize=None)
def _gates() -> _Gates:
    c = _cues()
    heads = tuple(dict.fromkeys(w.casefold() for w in (*c.dayparts, "hôm", "ngày")))
    return _Gates("tháng".casefold(), "năm".casefold(), "từ".casefold(), "nay".casefold(),
                  tuple(dict.fromkeys(w.casefold() for w in (*c.relative, "mai"))), heads,
                  stdre.compile("|".join(sorted(map(stdre.escape, {*heads, _BUOI.casefold()}),
                                                key=lambda w: (-len(w), w)))))


_CLOSE_PAREN = re.compile(r"\s*\)")
_JOINED_DATES = re.compile(r"[\s,;]*(?:và|hoặc|,)?[\s(]*")
_COUNT_AFTER = re.compile(r"\s*%|\s+\p{Ll}")
_DASH_ONLY = re.compile(_DASH)


def _masked(s: str, spans: list[tuple[int, int]]) -> str:
    """``s`` with every span replaced by NULs (same length, so offsets hold)."""
    if not spans:
        return s
    if len(spans) == 1:                               # the loop below, for one span
        a, b = spans[0]
        a = max(a, 0)
        return s if b <= a else s[:a] + "\x00" * (b - a) + s[b:]
    out, pos = [], 0
    for a, b in sorted(spans):
        a = max(a, pos)
        if b <= a:
            continue
        out.append(s[pos:a])
        out.append("\x00" * (b - a))
        pos = b
    out.append(s[pos:])
    return "".join(out)


def _prefix(text: str, lo: int, start: int) -> tuple[int, int | None, bool]:
    """(new start, offset from publication, opened a parenthesis) for the words heading a date."""
    window = text[max(lo, start - 30):start]
    return _prefix_of(_patterns()["prefix"].search(window), window, start)


def _prefix_of(m: re.Match | None, window: str, start: int) -> tuple[int, int | None, bool]:
    """:func:`_prefix` from the "prefix" match ``m`` in ``window``, the text before ``start``."""
    if not m:
        return start, None, False
    word = (m.group(1) or m.group(2) or "").lower()
    return start - len(window) + m.start(), _cues().relative.get(word), bool(m.group(3))


def _close_paren(text: str, end: int, hi: int) -> int:
    m = _CLOSE_PAREN.match(text[end:hi])
    return end + m.end() if m else end


def _dm_is_date(text: str, lo: int, m: re.Match, prev_date_end: int | None) -> bool:
    """A bare d/m is a date after a date word, never after a count word, else unless a noun follows."""
    before = text[max(lo, m.start() - 30):m.start()]
    if _patterns()["prefix"].search(before):
        return True
    return _dm_is_date_unheaded(text, m, prev_date_end, before)


def _dm_is_date_unheaded(text: str, m: re.Match, prev_date_end: int | None, before: str) -> bool:
    """:func:`_dm_is_date` of a d/m whose 30 characters ``before`` have no "prefix"."""
    c, p = _cues(), _patterns()
    if prev_date_end is not None and _JOINED_DATES.fullmatch(text[prev_date_end:m.start()]):
        return True                                   # "ngày 5/1, 6/1 và 7/1"
    w = p["prev_word"].search(before)
    word = w.group(1).lower() if w else ""
    if word in c.before:
        return True
    if word in c.ratio:
        return False
    after = text[m.end():m.end() + 3]
    return not _COUNT_AFTER.match(after)


def find_temporals(text: str, start: int = 0, end: int | None = None) -> list[Temporal]:
    """Every temporal expression in ``text[start:end]``, in text order."""
    end = len(text) if end is None else end
    sub = text[start:end] if start or end != len(text) else text
    folded = None
    shapes = _digit_shapes(sub)
    if not shapes[0]:                                  # _MAYBE without its costly alternation
        folded = sub.casefold()
        if not _any_in(_MAYBE_WORDS, folded):
            return []
    found = _find_all(sub, folded, shapes=shapes)
    if start:                                          # found in the slice: shift
        for t in found:
            t.start += start
            t.end += start
    return found


def find_years(text: str) -> list[tuple[int, int]]:
    """(start, year) of the years :func:`find_temporals` finds in ``text`` with their year written.

    Both passes giving one ("năm 2024", a bare "2024") need four digits.  The
    "dm" and "relative" passes (dates only) are skipped: neither can change a
    year's pass.  "relative" comes last.  "dm" comes before "bare_year", but
    what it masks holds no year's digit (its numbers are whole runs of at most
    two digits), and no character whose masking could change bare_year's
    lookarounds: the one before a year is never a masked letter, digit or
    separator (the prefix has no digit after it but the day's; a year can
    neither end right before the day nor start right after the month), and
    a mask starting right after a year starts with a letter (the prefix),
    never with the day's digit (its lookbehind refuses a digit, "." "," "/").
    """
    if not _NEEDS_FOUR_DIGITS.search(text):
        return []
    return [(t.start, t.year) for t in _find_all(text, dates=False) if t.kind == "year" and t.year]


# A maximal run of digits, the separator after it and the digit after that:
# every match starts where a run starts (the one before ended on a non-digit).
_DIGIT_RUNS = re.compile(r"(\d+)([./-]?)(?=(\d?))")
# What "docnum" cannot match without: its last number, a separator, a capital
# (searched only where _NEEDS_DIGIT_SEP finds something).
_NEEDS_DOCNUM = re.compile(r"\d[/-]\p{Lu}")


def _digit_shapes(text: str) -> tuple[bool, bool, bool, bool]:
    """Whether ``text`` has a digit, and what _NEEDS_FOUR_DIGITS, _NEEDS_DIGIT_SEP
    and _NEEDS_DAY_MONTH would find in it, from one pass over its runs of digits."""
    runs = _DIGIT_RUNS.findall(text)
    if not runs:
        return False, False, False, False
    four = sep = day_month = False
    for run, after, nxt in runs:
        if len(run) >= 4:
            four = True
        if after:
            if after != ".":
                sep = True
            if nxt:
                day_month = True
    return True, four, sep, day_month


def _find_all(text: str, folded: str | None = None, dates: bool = True,
              shapes: tuple[bool, bool, bool, bool] | None = None) -> list[Temporal]:
    """:func:`find_temporals` of the whole of ``text``, which holds a digit or a relative word.

    ``folded`` is ``text.casefold()`` and ``shapes`` its :func:`_digit_shapes`,
    when the caller has them.  The passes' literal prefilters are looked up in
    ``folded`` with ``in`` (see :func:`_gates`) rather than searched for one by
    one with the ``regex`` module.  Without a digit only "this_year" and
    "relative" can find anything.  ``dates`` False skips the "dm" and
    "relative" passes (see :func:`find_years`).
    """
    start, end = 0, len(text)
    p = _patterns()
    g = _gates()
    if folded is None:
        folded = text.casefold()
    digit, four_digits, digit_sep, day_month = shapes if shapes is not None else _digit_shapes(text)
    thang = digit and g.thang in folded
    nam = g.nam in folded
    this_year = nam and g.nay in folded
    # "relative" needs one of its relative words and one of the words heading them
    relative = dates and _any_in(g.relative, folded) and _any_in(g.relative_heads, folded)
    if not (four_digits or day_month or thang or this_year or relative):
        return []                      # no pass can find anything ("docnum", "range" only mask)
    # ``s`` is the text with what earlier passes took masked out.
    found: list[Temporal] = []

    taken = [m.span() for m in p["docnum"].finditer(text)] \
        if digit_sep and _NEEDS_DOCNUM.search(text) else []
    s = _masked(text, taken)

    fulls = []
    taken = []
    for m in (p["full"].finditer(s) if day_month and four_digits else ()):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not valid_day(y, mo, d):
            continue
        a, rel, paren = _prefix(text, start, m.start())
        b = _close_paren(text, m.end(), end) if paren else m.end()
        t = Temporal(a, b, "date", "full", d, mo, y, rel)
        fulls.append((t, m.start(), m.end()))
        taken.append((a, b))
    for (t1, _, e1), (t2, s2, _) in (zip(fulls, fulls[1:]) if len(fulls) > 1 else ()):
        if _DASH_ONLY.fullmatch(text[e1:s2]):         # an anniversary span, not one day
            t1.anniversary = t2.anniversary = True
    found += [t for t, _, _ in fulls]
    if taken:
        s = _masked(s, taken)

    if thang:
        taken = []
        for m in p["words"].finditer(s):
            d, mo = int(m.group(1)), int(m.group(2))
            y = int(m.group(3)) if m.group(3) else None
            if valid_day(y, mo, d):
                a, rel, _ = _prefix(text, start, m.start())
                found.append(Temporal(a, m.end(), "date", "words", d, mo, y, rel))
                taken.append((a, m.end()))
        s = _masked(s, taken)

        taken = []
        for m in p["month"].finditer(s):
            mo = int(m.group(1))
            if 1 <= mo <= 12:
                y = int(m.group(2)) if m.group(2) else None
                found.append(Temporal(m.start(), m.end(), "month", "month", None, mo, y))
                taken.append(m.span())
        s = _masked(s, taken)

    # _NEEDS_RANGE, one alternative at a time, the words one only where both are
    if four_digits and ((_any_in(_DASH_CHARS, folded) and _NEEDS_RANGE_DASH.search(text)) or (
            g.tu in folded and nam and _NEEDS_RANGE_WORDS.search(text))):
        s = _masked(s, [m.span() for m in p["range"].finditer(s)])

    if nam:
        taken = []
        for m in (p["year"].finditer(s) if four_digits else ()):
            span = m.span()
            found.append(Temporal(span[0], span[1], "year", "year", None, None, int(m.group(1))))
            taken.append(span)
        for m in (p["this_year"].finditer(s) if this_year else ()):
            found.append(Temporal(m.start(), m.end(), "year", "relative", relative=0))
            taken.append(m.span())
        if taken:
            s = _masked(s, taken)

    if day_month and dates:
        taken = []
        prev_end = None
        prefix = p["prefix"]
        for m in p["dm"].finditer(s):
            d, mo = int(m.group(1)), int(m.group(3))
            if not valid_day(None, mo, d):
                continue
            # _dm_is_date and _prefix read the same window: its "prefix" searched once
            before = text[max(start, m.start() - 30):m.start()]
            pm = prefix.search(before)
            if not pm and not _dm_is_date_unheaded(text, m, prev_end, before):
                continue
            a, rel, paren = _prefix_of(pm, before, m.start())
            b = _close_paren(text, m.end(), end) if paren else m.end()
            am = p["anchor"].match(text, b, end)
            t = Temporal(a, b, "date", "dm", d, mo, None, rel,
                         anchor=int(am.group(1)) if am else None)
            found.append(t)
            taken.append((a, b))
            prev_end = b
        if taken:
            s = _masked(s, taken)

    # a bare year starts with the literal "19" or "20", which the earlier passes
    # have often masked already ("năm 2024")
    if four_digits and ("20" in s or "19" in s):
        taken = []
        for m in p["bare_year"].finditer(s):
            w = p["prev_word"].search(text[max(start, m.start() - 30):m.start()])
            if w and w.group(1).lower() in _cues().ratio:
                continue
            if _COUNT_AFTER.match(text[m.end():m.end() + 3]):
                continue                               # "2015 học viên": a count
            found.append(Temporal(m.start(), m.end(), "year", "year", year=int(m.group(1))))
            taken.append(m.span())
        if taken:
            s = _masked(s, taken)

    if relative:
        # tried only where a head starts in the casefold, when it is aligned
        # with the text (each character folds to one: a match's head is at
        # its own offset there); the ``regex`` scan tries every position
        for m in (scan_finditer(p["relative"], g.relative_starts, s, haystack=folded)
                  if len(folded) == end else p["relative"].finditer(s)):
            word = (m.group(1) or m.group(2) or m.group(3)).lower()
            found.append(Temporal(m.start(), m.end(), "date", "relative",
                                  relative=_cues().relative.get(word)))

    if len(found) > 1:
        found.sort(key=_START_END)
    return found


_START_END = attrgetter("start", "end")


def _any_in(words: tuple[str, ...], folded: str) -> bool:
    """Whether any of ``words`` is in ``folded`` (map of ``in``: cheaper than any() of a generator)."""
    return any(map(folded.__contains__, words))


# -- years ----------------------------------------------------------------------

def closest_year(month: int, day: int | None, ref: dt.date) -> int:
    """The year putting (day, month) nearest ``ref`` — news reports on recent days."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = min(day or 15, month_days(y, month))
        gap = abs((dt.date(y, month, d) - ref).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1]


def year_from_context(month: int, review: int | None, plan: int | None,
                      midyear: bool = False) -> int | None:
    """Year of a meeting held in ``month`` of an article reviewing ``review`` / planning ``plan``.

    A mid-year review is held in that year.  An annual review of year N is held
    late in N or early in N+1; a covenant or launch for year N late in N-1 or
    early in N.
    """
    if midyear:
        return review or plan
    if review is not None:
        return review if month >= 7 else review + 1
    if plan is not None:
        return plan - 1 if month >= 10 else plan
    return None


def resolve_year(t: Temporal, *, ref: dt.date | None = None, review: int | None = None,
                 plan: int | None = None, midyear: bool = False,
                 max_gap_days: int = 200) -> int | None:
    """The year of ``t``: written, anchored, nearest ``ref``, or from the years under review."""
    if t.year is not None:
        return t.year
    if t.kind == "year":
        return ref.year if (ref and t.relative is not None) else None
    if t.anchor is not None:
        return t.anchor
    if t.month is None:
        return None
    if ref is not None:
        y = closest_year(t.month, t.day, ref)
        d = min(t.day or 15, month_days(y, t.month))
        if abs((dt.date(y, t.month, d) - ref).days) <= max_gap_days or (
                review is None and plan is None):
            return y
    return year_from_context(t.month, review, plan, midyear)


def parse_iso(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_PUB_ISO = re.compile(rf"({_YEAR})-(\d{{1,2}})-(\d{{1,2}})")
_PUB_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})[/.-](\d{{1,2}})[/.-]({_YEAR})(?!\d)")
_PUB_MONTH = re.compile(rf"\D*?(?:({_YEAR})[/.-](\d{{1,2}})|(\d{{1,2}})[/.-]({_YEAR}))\D*")
_PUB_YEAR = re.compile(rf"\D*({_YEAR})\D*")


def approx_published(value: str | None) -> dt.date | None:
    """A reference date from a page's or feed's publication value, however partial.

    Used only to resolve years: a full date when one can be read, else the
    middle of the month or year given.  Formats the regexes miss
    ("Thứ hai, 16 tháng 12 năm 2024") go to dateparser, kept offline (Vietnamese
    only, no language detection).
    """
    if not value:
        return None
    value = str(value).strip()
    m = _PUB_ISO.search(value)
    if m and valid_day(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _PUB_DMY.search(value)
    if m and valid_day(int(m.group(3)), int(m.group(2)), int(m.group(1))):
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _PUB_MONTH.fullmatch(value)
    if m:
        year, month = (int(m.group(1)), int(m.group(2))) if m.group(1) else \
            (int(m.group(4)), int(m.group(3)))
        if 1 <= month <= 12:
            return dt.date(year, month, 15)
    parsed = _dateparser(value)
    if parsed:
        return parsed
    m = _PUB_YEAR.fullmatch(value)
    return dt.date(int(m.group(1)), 7, 1) if m else None


def _dateparser(value: str) -> dt.date | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    got = dateparser.parse(value, languages=["vi"],
                           settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                     "REQUIRE_PARTS": ["year", "month"]})
    return got.date() if got else None
