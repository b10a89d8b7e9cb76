"""Leadership's word gate: it may only say "no" where the patterns cannot match."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors import leadership as L
from pipeline.normalize import working_text
from pipeline.segment import split_sentences
from pipeline.wordscan import WordGate

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _gates_hold(text: str, a: int, b: int) -> None:
    gate = WordGate(text)
    bloc_word = gate.has(("khối", "cụm"), a, b)
    if L._ROLE.search(text, a, b):
        assert bloc_word, text[a:b]
    if L._RECEIVE.search(text, a, b):
        assert bloc_word and gate.has(("nhận",), a, b), text[a:b]
    if L._FLAG_TRANSFER.search(text, a, b):
        assert bloc_word or gate.has(("nhiệm",), a, b), text[a:b]


def test_gates_hold_on_every_corpus_sentence():
    n = 0
    for path in sorted(CORPUS.rglob("*.txt")):
        text = working_text(path.read_text(encoding="utf-8"))
        for s in split_sentences(text):
            _gates_hold(text, s.start, s.end)
            n += bool(L._ROLE.search(text, s.start, s.end))
    assert n > 50


_PIECES = ["Trưởng khối", "KHỐI TRƯỞNG", "cụm phó", "nhận cờ trưởng khối từ ", "tiếp nhận nhiệm vụ khối trưởng từ ",
           "bàn giao Cờ Trưởng Cụm cho", "trao nhiệm vụ cho", "Sở Y tế", " ", "İ", "ſ", "năm 2024"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=12).map("".join))
def test_gates_hold_on_any_text(text):
    _gates_hold(text, 0, len(text))


def test_a_misleading_lower_case_answers_maybe():
    assert WordGate("İ Sở").has(("khối",), 0, 4)          # lower() changes the length
    assert not WordGate("Sở Y tế").has(("khối",), 0, 7)
