"""The bloc stage's shortcuts give what the plain code gave.

Each shortcut is checked against the plain code (kept below as the
reference) on every corpus article and on generated text.
"""
from __future__ import annotations

import sys
from pathlib import Path

import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extractors import bloc as B
from pipeline.model import Doc, RawArticle
from pipeline.wordscan import required_tail
from pipeline.normalize import normalize
from pipeline.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _doc(text: str, fmt: str = "jsonl") -> Doc:
    return segment(normalize(RawArticle(source="t", article_id="t", text=text, fmt=fmt)))


def _corpus_docs():
    for path in sorted(CORPUS.rglob("*.txt")):
        yield _doc(path.read_text(encoding="utf-8"), "txt")


# -- the references: the plain code ---------------------------------------------------------

def _member_count_reference(doc: Doc):
    """find_member_count reading every sentence (the best count kept to the end)."""
    best = None
    for s in doc.body_sentences():
        for m in B._phrases()["count"].finditer(doc.text, s.start, s.end):
            before = doc.text[max(s.start, m.start() - 25):m.start()].lower()
            after = doc.text[m.end():min(s.end, m.end() + 40)].lower()
            if B._GIVEN_TO.search(before) or B._ACHIEVED.match(after):
                continue
            if B._REPRESENTATIVES.search(before) and "thành viên" not in after[:20]:
                continue
            n = B._count_value(m.group("n"))
            if n is None or not 2 <= n <= 80 or (m.group("k") and int(m.group("k")) != n):
                continue
            strong = B._CONSISTS.search(before) is not None
            if not (strong or B._MEMBERS_AFTER.match(after) is not None):
                continue
            rank = 0 if strong else 1
            if best is None or rank < best[0]:
                best = (rank, n, m.start(), m.end())
    return None if best is None else best[1:]


# -- agreement ------------------------------------------------------------------------------

def test_member_count_on_the_corpus():
    n = 0
    for doc in _corpus_docs():
        got = B.find_member_count(doc)
        assert got == _member_count_reference(doc), doc.text[:80]
        n += got is not None
    assert n > 20


_PIECES = ["gồm ", "có ", "tổng số ", "Khối có ", "12 đơn vị", "7/7 đơn vị", "ba huyện", "Mười xã",
           " thành viên", " trong khối", "đại diện ", "tặng ", " đạt", "2024", ". ", "; ", "\n", ", ",
           "5 cơ quan", "ſáu trường", "İ", "hai doanh nghiệp"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=24).map("".join))
def test_member_count_on_generated_text(text):
    doc = _doc(text)
    assert B.find_member_count(doc) == _member_count_reference(doc)


def test_the_first_strong_count_wins():
    doc = _doc("Hội nghị của 9 đơn vị thành viên. Khối gồm 12 đơn vị. Khối gồm 13 đơn vị.")
    assert B.find_member_count(doc)[0] == 12 == _member_count_reference(doc)[0]


# -- _UNDER searched backwards -------------------------------------------------------------

def _under_agrees(text: str, a: int, b: int) -> None:
    assert bool(B._UNDER_BEFORE.search(text, a, b)) == bool(B._UNDER.search(text, a, b)), (text[a:b], a, b)


def test_under_backwards_on_the_corpus():
    n = 0
    for doc in _corpus_docs():
        for s in doc.sentences:
            for b in range(s.start, s.end + 1):
                if b == s.end or doc.text[b - 1:b].isspace():      # where an org may start
                    _under_agrees(doc.text, s.start, b)
                    n += bool(B._UNDER.search(doc.text, s.start, b))
    assert n > 10


_UNDER_PIECES = ["trực thuộc", "thuộc", "của", "tại", "TẠI", "UBND", "Ủy ban nhân dân", "ủy  ban", " ", "  ", "\n",
                 "\t", "Sở Y tế", "İ", "ſ", "a", "."]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_UNDER_PIECES), st.text(max_size=2)), max_size=10).map("".join))
def test_under_backwards_on_generated_text(text):
    for a in range(len(text) + 1):
        for b in range(a, len(text) + 1):
            _under_agrees(text, a, b)


# -- the list cues' tails: a sentence without one has no cue ---------------------------------

def test_required_tail_examples():
    assert required_tail("gồm") == "gồm"
    assert required_tail("(?:thành viên|đơn vị)(?: còn lại)? là") == " là"
    assert required_tail(r"thuộc (?:khối|cụm)(?: thi đua)?\s*:") == ":"
    assert required_tail("[ab]c") == "c"
    for pattern in ("a|b", r"x\s", "ab?", "(?:ab)", r"\.\.\.", r"\pL", r"\x4abc", r"\uabcd", r"\0a", r"a\:", "a{2}", "",
                    "(?x)gồm là", "(?ix)a b", "(?i:x)"):
        assert required_tail(pattern) is None, pattern


def test_every_cue_has_its_tail():
    assert B._list_cue_tails() is not None        # else the gate is off


def case_insensitive_matches(letters, flags):
    """(character, letter) for every character that ``regex`` with ``flags`` matches for one of ``letters``."""
    rx = re.compile("|".join(map(re.escape, letters)), flags)
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or not rx.fullmatch(c):
            continue
        yield from ((c, x) for x in letters if re.fullmatch(re.escape(x), c, flags))


def test_a_case_insensitive_tail_letter_folds_to_itself():
    """Every character the cue pattern's flags match for a tail letter casefolds to
    that letter alone, so a matched tail is whole in the casefold."""
    letters = sorted({c for t in B._list_cue_tails() for c in t})
    matches = case_insensitive_matches(letters, B._phrases()["list_cue"].flags)
    assert [(c, x) for c, x in matches if c.casefold() != x.casefold()] == []


def _cue_gate_holds(text: str, a: int, b: int) -> None:
    if B._phrases()["list_cue"].search(text, a, b):
        assert B._may_hold_cue(text[a:b]), text[a:b]


def test_cue_gate_on_the_corpus():
    n = 0
    for doc in _corpus_docs():
        for s in doc.sentences:
            _cue_gate_holds(doc.text, s.start, s.end)
            n += bool(B._phrases()["list_cue"].search(doc.text, s.start, s.end))
    assert n > 20


_CUE_PIECES = ["gồm", "GỒM", "Bao Gồm", "trong đó có", "TRONG ĐÓ CÓ", "thuộc khối", "thành viên", "đơn vị", " còn lại",
               " là", " LÀ", ":", " ", "\n", "İ", "ſ", "a", "Sở Y tế"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CUE_PIECES), st.text(max_size=2)), max_size=12).map("".join))
def test_cue_gate_on_generated_text(text):
    for a in range(len(text) + 1):
        _cue_gate_holds(text, a, len(text))
        _cue_gate_holds(text, 0, a)
