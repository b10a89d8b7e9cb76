"""Leadership's word index: a pattern tried only where its first words occur
finds exactly what its ``finditer`` finds."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors import leadership as L
from pipeline.model import Doc
from pipeline.normalize import working_text
from pipeline.wordscan import WordGate
from pipeline.segment import split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def scanned():
    return [(L._ROLE, L._ROLE_WORDS), (L._FLAG_TRANSFER, L._FLAG_WORDS),
            (L._replacing(), L._replacing_words())]


def check(gate: WordGate, start: int, end: int) -> int:
    n = 0
    for rx, words in scanned():
        expected = [m.span() for m in rx.finditer(gate.text, start, end)]
        assert [m.span() for m in gate.finditer(rx, words, start, end)] == expected
        assert [m.span() for m in gate.finditer(rx, None, start, end)] == expected
        if expected:
            assert gate.may_start(words, start, end)
        n += len(expected)
    return n


def test_the_first_words_are_read_from_the_patterns():
    assert L._ROLE_WORDS == {"phó", "trưởng", "khối", "cụm"}
    assert L._FLAG_WORDS == {"bàn", "trao", "chuyển"}
    assert L._replacing_words() == {"thay", "kế"}


def test_the_index_agrees_on_every_corpus_sentence():
    n = 0
    for path in sorted(CORPUS.rglob("*.txt")):
        text = working_text(path.read_text(encoding="utf-8"))
        gate = WordGate(text)
        for s in split_sentences(text):
            n += check(gate, s.start, s.end)
    assert n > 100


_PIECES = ["Trưởng khối", "KHỐI TRƯỞNG", "cụm phó", "Phó Trưởng Cụm", "phó  khối", "Cờ trưởng khối", "cờ khối phó",
           "bàn giao Cờ Trưởng Cụm cho", "trao nhiệm vụ cho", "chuyển giao lại cờ cụm trưởng thi đua năm 2024 cho",
           "thay cho ", "THAY THẾ ", "kế nhiệm ", "đơn vị ", "Sở Y tế", " ", ", ", "İ", "ſ", "x", "năm 2024"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=12).map("".join), st.data())
def test_the_index_agrees_on_any_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    gate = WordGate(text)
    check(gate, start, end)
    check(gate, 0, len(text))


def test_may_start_looks_at_starts_only():
    gate = WordGate("Sở Y tế, khối trưởng")
    assert gate.may_start(frozenset({"khối"}), 9, 10)
    assert not gate.may_start(frozenset({"khối"}), 10, 20)
    assert not gate.may_start(frozenset({"khối"}), 0, 9)
    assert WordGate("İ khối").may_start(frozenset({"cụm"}), 0, 6)      # unknown: maybe


def test_one_gate_per_text():
    doc = Doc(source="t", article_id="1", title="", text="Khối trưởng")
    gate = WordGate.of(doc)
    assert WordGate.of(doc) is gate
    doc.text = "Cụm phó"
    assert WordGate.of(doc) is not gate and WordGate.of(doc).text == "Cụm phó"
