"""pipeline.dates_lib's fast prefilters: find_temporals finds exactly what it found before.

The passes of :func:`find_temporals` are skipped on literal prefilters looked
up with ``in`` in the casefolded text instead of searched with the ``regex``
module.  Two things make that exact: a case-insensitive ``regex`` literal only
matches where the casefold holds the literal's casefold (checked here for every
character), and the new function agrees with the old one (kept below as the
reference) on the corpus and on generated text.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import dates_lib
from pipeline.dates_lib import (_COUNT_AFTER, _DASH_ONLY, Temporal, _close_paren, _cues, _dm_is_date,
                                _masked, _patterns, _prefix, find_temporals, valid_day)
from pipeline.normalize import working_text
from pipeline.segment import fold_sentence, split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


# -- the reference: find_temporals as it was, every prefilter a regex search --------------

def _reference(text: str, start: int = 0, end: int | None = None) -> list[Temporal]:
    end = len(text) if end is None else end
    if not dates_lib._MAYBE.search(text, start, end):
        return []
    if start or end != len(text):
        found = _reference_all(text[start:end])
        for t in found:
            t.start += start
            t.end += start
        return found
    return _reference_all(text)


def _reference_all(text: str) -> list[Temporal]:
    d_ = dates_lib
    start, end = 0, len(text)
    p = _patterns()
    day_month = bool(d_._NEEDS_DAY_MONTH.search(text))
    four_digits = bool(d_._NEEDS_FOUR_DIGITS.search(text))
    thang = bool(d_._NEEDS_THANG.search(text))
    nam = bool(d_._NEEDS_NAM.search(text))
    found: list[Temporal] = []
    taken = [m.span() for m in p["docnum"].finditer(text)] if d_._NEEDS_DIGIT_SEP.search(text) else []
    s = _masked(text, taken)
    fulls, taken = [], []
    for m in (p["full"].finditer(s) if day_month and four_digits else ()):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not valid_day(y, mo, d):
            continue
        a, rel, paren = _prefix(text, start, m.start())
        b = _close_paren(text, m.end(), end) if paren else m.end()
        t = Temporal(a, b, "date", "full", d, mo, y, rel)
        fulls.append((t, m.start(), m.end()))
        taken.append((a, b))
    for (t1, _, e1), (t2, s2, _) in zip(fulls, fulls[1:]):
        if _DASH_ONLY.fullmatch(text[e1:s2]):
            t1.anniversary = t2.anniversary = True
    found += [t for t, _, _ in fulls]
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
    if four_digits and d_._NEEDS_RANGE.search(text):
        s = _masked(s, [m.span() for m in p["range"].finditer(s)])
    if nam:
        taken = []
        for m in (p["year"].finditer(s) if four_digits else ()):
            found.append(Temporal(m.start(), m.end(), "year", "year", year=int(m.group(1))))
            taken.append(m.span())
        for m in p["this_year"].finditer(s):
            found.append(Temporal(m.start(), m.end(), "year", "relative", relative=0))
            taken.append(m.span())
        s = _masked(s, taken)
    if day_month:
        taken, prev_end = [], None
        for m in p["dm"].finditer(s):
            d, mo = int(m.group(1)), int(m.group(3))
            if not valid_day(None, mo, d) or not _dm_is_date(text, start, m, prev_end):
                continue
            a, rel, paren = _prefix(text, start, m.start())
            b = _close_paren(text, m.end(), end) if paren else m.end()
            am = p["anchor"].match(text, b, end)
            found.append(Temporal(a, b, "date", "dm", d, mo, None, rel,
                                  anchor=int(am.group(1)) if am else None))
            taken.append((a, b))
            prev_end = b
        s = _masked(s, taken)
    if four_digits:
        taken = []
        for m in p["bare_year"].finditer(s):
            w = p["prev_word"].search(text[max(start, m.start() - 30):m.start()])
            if w and w.group(1).lower() in _cues().ratio:
                continue
            if _COUNT_AFTER.match(text[m.end():m.end() + 3]):
                continue
            found.append(Temporal(m.start(), m.end(), "year", "year", year=int(m.group(1))))
            taken.append(m.span())
        s = _masked(s, taken)
    for m in (p["relative"].finditer(s) if p["relative_word"].search(text) else ()):
        word = (m.group(1) or m.group(2) or m.group(3)).lower()
        found.append(Temporal(m.start(), m.end(), "date", "relative",
                              relative=_cues().relative.get(word)))
    found.sort(key=lambda t: (t.start, t.end))
    return found


# -- casefold prefilters ----------------------------------------------------------------

def _gate_literals() -> list[str]:
    g = dates_lib._gates()
    return [g.thang, g.nam, g.tu, g.nay, *g.relative, *g.relative_heads, *dates_lib._MAYBE_WORDS,
            *dates_lib._DASH_CHARS]


def test_gate_literals_are_their_own_casefold():
    for w in _gate_literals():
        assert w == w.casefold() and w, w


def test_the_gates_come_from_the_cues():
    g, c = dates_lib._gates(), _cues()
    assert set(c.relative) <= set(g.relative) and "mai" in g.relative
    assert set(c.dayparts) <= set(g.relative_heads) and {"hôm", "ngày"} <= set(g.relative_heads)


@pytest.mark.parametrize("flags", [re.IGNORECASE, re.IGNORECASE | re.VERSION1,
                                   re.IGNORECASE | re.VERSION1 | re.FULLCASE])
def test_a_case_insensitive_literal_matches_only_inside_the_casefold(flags):
    """Every character the ``regex`` module takes for a gate letter (or for a run
    of gate letters, with full case folding) has that letter (run) in its casefold."""
    lits = _gate_literals()
    letters = sorted({ch for w in lits for ch in w})
    runs = sorted({w[i:j] for w in lits for i in range(len(w)) for j in range(i + 2, len(w) + 1)},
                  key=len, reverse=True)
    one = re.compile("|".join(map(re.escape, letters)), flags)
    many = re.compile("|".join(map(re.escape, runs)), flags)
    bad = []
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        for rx, candidates in ((one, letters), (many, runs)):
            if rx.fullmatch(c):                        # rare: which ones, and are they in the casefold?
                bad += [(c, x) for x in candidates
                        if re.fullmatch(re.escape(x), c, flags) and x not in c.casefold()]
    assert bad == []


def test_masked_one_span_is_the_general_case():
    for s in ("", "abc", "abcdefgh"):
        for a in range(-1, len(s) + 2):
            for b in range(-1, len(s) + 3):
                general = _masked(s, [(a, b), (len(s) + 5, len(s) + 5)])   # an empty 2nd span: the loop
                assert _masked(s, [(a, b)]) == general, (s, a, b)


def test_the_gates_see_odd_cases():
    # "ſ" (long s) folds to "s", "İ" to "i̇": the regex literal matches, and so does the gate
    for text in ("ſáng qua, 5/1", "Chiều nay 19.12", "SÁNG QUA", "hôm nay", "ngày mai", "NĂM NAY",
                 "từ năm 2020 đến năm 2025", "ſáng maİ", "THÁNG 12/2024"):
        assert find_temporals(text) == _reference(text), text


# -- agreement with the reference ------------------------------------------------------------

def _corpus_texts():
    for path in sorted((CORPUS / "dev" / "articles").glob("*.txt")):
        text = working_text(path.read_text(encoding="utf-8"))
        for s in split_sentences(text):
            yield text, s.start, s.end


def test_same_as_reference_on_corpus_sentences():
    n = found = 0
    for text, a, b in _corpus_texts():
        got = find_temporals(text, a, b)
        assert got == _reference(text, a, b), text[a:b]
        folded = fold_sentence(text[a:b])                     # as event_lib reads them
        assert find_temporals(folded) == _reference(folded), folded
        n += 1
        found += len(got)
    assert n > 500 and found > 300


_TOKENS = ["ngày", "NGÀY", "tháng", "Tháng", "năm", "NĂM", "nay", "Nay", "qua", "mai", "MAI", "hôm",
           "Sáng", "chiều", "tối", "đêm", "buổi", "từ", "Từ", "đến", "tới", "2023", "1999", "2024",
           "12", "5", "31", "/", "-", ".", "–", "—", " ", "  ", ",", "(", ")", "QĐ", "UBND", "đạt",
           "học viên", "%", "ſ", "İ", "K", "ß", "a", "x", "\x00", "\n", "và", "hoặc"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=24), st.integers(0, 10), st.integers(0, 10))
def test_same_as_reference_on_generated_text(tokens, cut_a, cut_b):
    text = "".join(tokens)
    a = min(cut_a, len(text))
    b = max(a, len(text) - cut_b)
    assert find_temporals(text) == _reference(text)
    assert find_temporals(text, a, b) == _reference(text, a, b)


def test_no_digit_no_relative_word_finds_nothing_fast():
    assert find_temporals("Khối thi đua các tỉnh miền núi") == []
    assert find_temporals("x hôm nay y", 2, 11)[0].start == 2


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="0123456789٣５./-–x :", max_size=30))
def test_digit_shapes_are_the_three_prefilters(text):
    from pipeline.dates_lib import (_NEEDS_DAY_MONTH, _NEEDS_DIGIT_SEP, _NEEDS_FOUR_DIGITS, _digit_shapes)
    assert _digit_shapes(text) == (bool(re.search(r"\d", text)), bool(_NEEDS_FOUR_DIGITS.search(text)),
                                   bool(_NEEDS_DIGIT_SEP.search(text)), bool(_NEEDS_DAY_MONTH.search(text)))


def test_digit_shapes_examples():
    from pipeline.dates_lib import _digit_shapes
    assert _digit_shapes("không số") == (False, False, False, False)
    assert _digit_shapes("15 đơn vị") == (True, False, False, False)
    assert _digit_shapes("5/1234") == (True, True, True, True)       # the run after a separator counts
    assert _digit_shapes("12.3") == (True, False, False, True)
    assert _digit_shapes("01-KL") == (True, False, True, False)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="0123456789./-x :AĐaǅⒶ", max_size=30))
def test_docnum_needs_a_number_a_separator_and_a_capital(text):
    from pipeline.dates_lib import _NEEDS_DOCNUM
    if _patterns()["docnum"].search(text):
        assert _NEEDS_DOCNUM.search(text), text
    assert bool(_NEEDS_DOCNUM.search("Quyết định 12/2019/QĐ-UBND")) and not _NEEDS_DOCNUM.search("5/1 và 7-12")
