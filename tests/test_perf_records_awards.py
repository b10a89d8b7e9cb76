"""Awards' phrase finder: tried only where a kind's first words occur, it finds
exactly what every kind's ``finditer`` finds; the cue gate (a stretch without a
cue's first words holds no cue) says "no" only where the cue pattern finds nothing."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors import awards as A
from pipeline.normalize import working_text
from pipeline.segment import split_sentences
from pipeline.wordscan import WordGate, opening_words

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def plain_phrases(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    kinds, _ = A._award_table()
    return sorted((m.start(), m.end(), kind) for kind, rx in kinds.items()
                  for m in rx.finditer(text, start, end))


def check(text: str, start: int, end: int) -> None:
    assert A._phrases(WordGate(text), start, end) == plain_phrases(text, start, end)


def test_every_kind_has_readable_first_words():
    firsts = A._first_words()
    assert firsts is not None
    assert firsts["ttldxs"] == {"danh", "tập"}      # through the optional "danh hiệu"
    assert set(firsts) == set(A._award_table()[0])


@pytest.mark.parametrize("pattern, words", [
    (r"cờ\s+thi\s+đua|cờ\s+dẫn", {"cờ"}),
    (r"(?:danh\s+hiệu\s+)?tập\s+thể", {"danh", "tập"}),
    (r"(?:a|b)?(?:c\s+d|e)?f", {"a", "b", "c", "e", "f"}),
    (r"(?:danh\s+)?", None),                       # may match nothing
    (r"(?:danh\s+)*tập", None),
    (r"(?:danh\s+)??tập", None),
    (r"[cC]ờ", None),
    (r"(?i)cờ", None),
    (r"cờ(?f)", None),
])
def test_opening_words(pattern, words):
    assert opening_words(pattern) == words


def test_the_finder_agrees_on_every_corpus_sentence():
    n = 0
    for path in sorted(CORPUS.rglob("*.txt")):
        text = working_text(path.read_text(encoding="utf-8"))
        assert WordGate(text).low is not None
        for s in split_sentences(text):
            check(text, s.start, s.end)
            n += bool(plain_phrases(text, s.start, s.end))
            mid = (s.start + s.end) // 2
            for a, b in ((s.start, s.end), (s.start, mid), (mid, s.end)):
                check_cues(text, a, b)
    assert n > 50


_PIECES = [
    "Cờ thi đua", "CỜ THI ĐUA xuất sắc", "cờ “Đơn vị dẫn đầu phong trào thi đua”", "bằng khen", "Bằng  Khen",
    "Huân chương Lao động hạng Nhì", "HUÂN CHƯƠNG LAO ĐỘNG HẠNG III", "danh hiệu Tập thể lao động xuất sắc",
    "tập thể lao động xuất sắc", "giấy khen", "Giấy\u00a0khen", "bằngkhen", "xcờ thi đua", "ĐÁ", "İ", "ſ", "ß",
    " ", ", ", ".", "\n", "danh hiệu ", "tập ", "cờ ", "hạng Ba", "Cờ", "ờ",
    # cue words
    "đề nghị", "ĐỀ XUẤT", "trình", "suy tôn", "xét tặng", "đã từng", "Từng", "trước đó", "phấn đấu",
    "ít nhất", "tối thiểu là 2", "không dưới ba", "chỉ tiêu", "giao ước", "từ năm 2017 đến năm 2021",
    "giai đoạn 2016", "Từ năm học 2019 - 2020 tới 2021", "xđề nghị"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=14).map("".join),
       st.data())
def test_the_finder_agrees_on_any_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check(text, start, end)
    check(text, 0, len(text))
    check_cues(text, start, end)


def test_a_misleading_lower_case_falls_back():
    for text in ["İ Cờ thi đua", "ſ Cờ thi đua"]:        # lower() changes the length; "ſ" folds to "s"
        assert WordGate(text).low is None
        assert A._phrases(WordGate(text), 0, len(text)) == [(2, 12, "flag")]


def test_unreadable_first_words_fall_back(monkeypatch):
    monkeypatch.setattr(A, "_first_words", lambda: None)
    check("Khối đề nghị tặng Cờ thi đua và Bằng khen.", 0, 42)


def test_tidied_phrases_are_tidy():
    for phrase in ["Cờ  thi đua", "Bằng khen của Chủ tịch UBND tỉnh,", "Giấy khen"]:
        assert A._tidy_phrase(phrase) == A.tidy(phrase)


def check_cues(text: str, start: int, end: int) -> None:
    """The cue gate says "no" only where the cue pattern finds nothing."""
    gate = WordGate(text)
    for kind, rx in A._cues().items():
        if rx.search(text, start, end) or rx.search(text[start:end]):
            assert A._may_match(gate, kind, start, end), (kind, text[start:end])
    if A._PERIOD.search(text, start, end) or A._PERIOD.search(text[start:end]):
        assert A._may_match(gate, "period", start, end), text[start:end]


def test_the_cue_words_are_read_from_the_data():
    words = A._cue_words()
    assert set(words["past"]) == {"đã", "từng", "trước"}
    assert set(words["period"]) == {"từ", "giai"}
    assert all(words[k] for k in ("past", "target", "recommend", "period"))
