"""Session 4's shortcuts in pipeline.dates_lib give what the plain code gave.

valid_day and month_days count a month's days from calendar's table rather
than through calendar.monthrange; find_years skips the passes that find only
dates; the relative pass tries its pattern only where a head starts.  Each is
compared with the plain code (test_perf_dates' reference for find_temporals)
on generated text and examples; test_perf_dates runs it on the corpus.
"""
from __future__ import annotations

import calendar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates_lib import find_temporals, find_years, valid_day
from test_perf_bloc import case_insensitive_matches
from test_perf_dates import _reference          # find_temporals as it was


def _valid_day_reference(year, month, day) -> bool:
    if not month or not day or not 1 <= month <= 12:
        return False
    return 1 <= day <= calendar.monthrange(year if year else 2000, month)[1]


def test_valid_day_is_monthrange_s():
    years = [None, 0, -401, 1, 4, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9999, 10000, 10004]
    for y in years:
        for mo in (None, *range(-1, 15)):
            for d in (None, *range(-1, 33)):
                assert valid_day(y, mo, d) == _valid_day_reference(y, mo, d), (y, mo, d)


@given(st.integers(-5000, 15000), st.integers(-2, 14), st.integers(-2, 33))
def test_valid_day_on_any_numbers(y, mo, d):
    assert valid_day(y, mo, d) == _valid_day_reference(y, mo, d)


def _years_reference(text: str):
    return [(t.start, t.year) for t in find_temporals(text) if t.kind == "year" and t.year]


# Day-months next to years, heads, parentheses, separators: where the skipped
# "dm" pass's masks would touch a year if they could.
_PIECES = ["2024", "1999", "2019", "20", "19", "5/1", "19.12", "27-12", "7/7", "Sáng ", "ngày ", "hôm qua ",
           "Chiều nay (", ")", "(", " ", ", ", ".", "/", "-", "–", ":", "năm ", "năm nay", "tháng ",
           "Quốc khánh ", "(1945 - 2017)", "đạt ", "học viên", "%", "QĐ", "a", "1", "\x00"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=2)), max_size=16).map("".join))
def test_find_years_is_find_temporals_years_on_generated_text(text):
    assert find_years(text) == _years_reference(text)


def test_find_years_examples():
    for text in ("ngày 5/1 2024", "sáng 19.12(2023)", "5/1-2024", "(5/1)2024", "2024ngày 5/1",
                 "Quốc khánh 2/9 (1945 - 2017)", "năm nay2024", "ngày 5/1, 6/1 và 2024"):
        assert find_years(text) == _years_reference(text), text


# -- "relative" tried only where a head starts ---------------------------------------------

def test_relative_starts_are_the_patterns_heads():
    from pipeline.dates_lib import _BUOI, _cues, _gates
    keys = _gates().relative_starts.pattern.split("|")
    assert set(keys) == {w.casefold() for w in (*_cues().dayparts, "hôm", "ngày", _BUOI)}
    assert all(w == w.casefold() for w in keys)


def test_a_case_insensitive_head_letter_folds_to_one_character_holding_it():
    """A character the ``regex`` module matches for a head letter (or "buổi"'s) holds
    that letter in its casefold; when it folds to one character, it is that letter."""
    from pipeline.dates_lib import _FLAGS, _gates
    letters = sorted(set("".join(_gates().relative_starts.pattern.split("|"))))
    assert [(c, x) for c, x in case_insensitive_matches(letters, _FLAGS)
            if x not in c.casefold() or len(c.casefold()) == 1 and c.casefold() != x] == []


_REL_PIECES = ["buổi ", "Buổi ", "BUỔI ", "sáng ", "Chiều ", "TỐI ", "đêm ", "hôm ", "Hôm ", "ngày ", "NGÀY ",
               "nay", "qua", "mai", "MAI", "quan", " ", "\n", "ſáng ", "İ", "ß", "K", "a", "\x00", "5/1 "]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_REL_PIECES), st.text(max_size=2)), max_size=14).map("".join))
def test_relative_scan_is_the_plain_finditer(text):
    from pipeline.dates_lib import _gates, _patterns
    from pipeline.wordscan import scan_finditer
    folded = text.casefold()
    rx = _patterns()["relative"]
    if len(folded) == len(text):
        got = [m.span() for m in scan_finditer(rx, _gates().relative_starts, text, haystack=folded)]
        assert got == [m.span() for m in rx.finditer(text)]
    assert find_temporals(text) == _reference(text)


def test_relative_scan_examples():
    from pipeline.dates_lib import _gates, _patterns
    from pipeline.wordscan import scan_finditer
    rx = _patterns()["relative"]
    for text in ("Buổi sáng hôm qua, Khối họp", "BUỔI CHIỀU NAY", "cơ quan hôm nay và ngày mai", "ſáng qua",
                 "chiều\nqua", "tối hôm mai", "hôm  nay sáng mai"):
        folded = text.casefold()
        assert len(folded) == len(text)
        got = [m.span() for m in scan_finditer(rx, _gates().relative_starts, text, haystack=folded)]
        assert got == [m.span() for m in rx.finditer(text)] != [], text
        assert find_temporals(text) == _reference(text), text


def test_month_days_is_monthrange_s():
    from pipeline.dates_lib import month_days
    for y in (-401, 0, 1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999, 10000, 10004):
        for mo in range(-1, 15):
            try:
                want = calendar.monthrange(y, mo)[1]
            except calendar.IllegalMonthError:
                with pytest.raises(calendar.IllegalMonthError):
                    month_days(y, mo)
                continue
            assert month_days(y, mo) == want, (y, mo)
