"""The people extractor's fast paths give what the plain versions they replace give.

Each fast path (chunked tokeniser, kind-indexed lexicon look-ups, set-based
sentence gate, backwards line scan, credit-pattern gate) is compared here
with a straightforward reference written the way the code used to read, on
every sentence of the corpus and on generated text.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import regex as re
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.extractors import people as P
from pipeline.model import RawArticle
from pipeline.normalize import normalize
from pipeline.read import iter_articles
from pipeline.segment import segment

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# --- references: the plain versions -------------------------------------------


def ref_tokenize(text: str, start: int = 0, end: int | None = None) -> list[P.Tok]:
    end = len(text) if end is None else end
    out = []
    for m in P._TOKEN_RE.finditer(text, start, end):
        t = m.group()
        key, word, cap = P._token_info(t)
        out.append(P.Tok(t, m.start(), m.end(), key, word, cap))
    return out


def ref_match(lex: P.Lexicon, toks, i, kinds):
    if i >= len(toks):
        return None
    for p in lex.by_first.get(toks[i].key, ()):
        if p.kind not in kinds:
            continue
        j = i + len(p.words)
        if j <= len(toks) and all(toks[i + k].key == w for k, w in enumerate(p.words)):
            if j < len(toks) and toks[j].word and toks[j - 1].end == toks[j].start:
                continue
            return p, j
    return None


def ref_match_ending(lex: P.Lexicon, toks, j, kinds):
    best = None
    for i in range(max(0, j - 4), j):
        m = ref_match(lex, toks, i, kinds)
        if m and m[1] == j and (best is None or i < best):
            best = i
    return best


def ref_may_name_a_person(text: str, start: int, end: int) -> bool:
    openers, family = P._title_openers(), P.surnames()
    title = name = False
    for m in P._CAP_WORD.finditer(text, start, end):
        w = m.group()
        key = P._token_info(w)[0]
        if not title and key in openers:
            title = True
        if not name and key in family:
            e = m.end()
            name = e + 1 < end and text[e].isspace() and text[e + 1].isupper()
        if title and name:
            return True
    return False


def ref_last_lines(text: str, k: int) -> list[tuple[int, int]]:
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    return [(m.start(), m.end()) for m in lines[-k:]]


KINDS = [P.TITLE, P.PREFIX, P.PERSONAL, P.NOT_UNIT, P.TITLE + P.PREFIX, P.CONTINUE,
         P.BOUNDARY, P.BLOC_ROLE, ("membership",), ("membership", "bloc_role"),
         P.UNIT_STOP, P.CLAUSE_AFTER_COMMA]


def check_sentence(text: str, start: int, end: int) -> None:
    toks = P.tokenize(text, start, end)
    assert toks == ref_tokenize(text, start, end)
    assert all(type(t) is P.Tok for t in toks)
    lex = P.lexicon()
    for kinds in KINDS:
        for i in range(len(toks) + 1):
            assert lex.match(toks, i, kinds) == ref_match(lex, toks, i, kinds)
            if i < len(toks) and toks[i].key not in lex.firsts(kinds):
                assert ref_match(lex, toks, i, kinds) is None   # the hot loops' pre-check
            assert lex.match_ending(toks, i, kinds) == ref_match_ending(lex, toks, i, kinds)
    assert P.may_name_a_person(text, start, end) is ref_may_name_a_person(text, start, end)


def corpus_docs():
    for raw in iter_articles([CORPUS]):
        if isinstance(raw, RawArticle):
            yield segment(normalize(raw))


# --- corpus ---------------------------------------------------------------------

def test_fast_paths_agree_on_every_corpus_sentence():
    n = 0
    for doc in corpus_docs():
        for s in doc.sentences:
            check_sentence(doc.text, s.start, s.end)
            n += 1
        assert P.last_lines(doc.text, 3) == ref_last_lines(doc.text, 3)
    assert n > 1000


def test_the_credit_gate_changes_nothing_on_the_corpus():
    seen = 0
    for doc in corpus_docs():
        expected = [m.span() for m in P._CREDIT_RE.finditer(doc.text, doc.body_start)]
        assert P.credit_lines(doc.text, doc.body_start) == expected
        seen += bool(expected)
    assert seen > 0             # some corpus articles do credit a photo


# --- crafted and generated text ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Giám đốc Sở Y tế Lê Văn Hùng phát biểu.",
    "Đồng chí Lê Văn Hùng, Phó Giám đốc Sở Y tế, chủ trì.",
    "(Sở Văn hóa, Thể thao và Du lịch)  Ông  Trần\u00a0Văn Bình –Chủ tịch UBND tỉnh",
    "a\x1cb Nguyễn\x1dVăn An\u2028Bí thư, 12/2023: đ'ông ’ x",
    "Ca\u0301c đo\u0302\u0300ng chí Nguyễn Văn A",     # combining marks
    "",
    "   ",
])
def test_fast_paths_agree_on_crafted_text(text):
    check_sentence(text, 0, len(text))
    for a in range(0, len(text) + 1, 3):
        check_sentence(text, a, len(text))
        check_sentence(text, 0, a)


WORDS = ["Giám", "đốc", "Sở", "Y", "tế", "Nguyễn", "Văn", "An", "Lê", "Thị", "Hoa", "ông", "bà",
         "Phó", "Chủ", "tịch", "UBND", "tỉnh", "Tỉnh", "ủy", "Bí", "thư", "Trưởng", "khối",
         "Đồng", "chí", "Ủy", "viên", "Ban", "Thường", "vụ", "và", "Ảnh", "ảnh", "Tin", "bài",
         "Nhà", "báo", "Hội", "Trần", "Đại", "tá", "phát", "biểu", "số", "2"]
SEPS = [" ", "  ", ", ", " - ", " – ", "(", ")", ": ", ".", "\n", "\u00a0", "\x1c", "", "’", "'"]

sentences = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPS),
                               st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=sentences, data=st.data())
def test_fast_paths_agree_on_generated_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    check_sentence(text, start, end)
    check_sentence(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(text=sentences, k=st.integers(1, 5))
def test_last_lines_are_the_last_non_blank_lines(text, k):
    assert P.last_lines(text, k) == ref_last_lines(text, k)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=sentences, pos=st.integers(0, 50))
def test_credit_lines_on_generated_sentences(text, pos):
    pos = min(pos, len(text))
    assert P.credit_lines(text, pos) == [m.span() for m in P._CREDIT_RE.finditer(text, pos)]


def test_the_gate_relearns_after_its_word_sets_are_cleared():
    text = "Giám đốc Sở Y tế Lê Văn Hùng phát biểu."
    assert P.may_name_a_person(text, 0, len(text))
    P._CAPS_SEEN.clear()
    P._CAPS_OPENER.clear()
    P._CAPS_FAMILY.clear()
    assert P.may_name_a_person(text, 0, len(text))
    assert "Lê" in P._CAPS_FAMILY and "Giám" in P._CAPS_OPENER


def test_python_and_regex_disagree_on_whitespace_only_where_the_tokeniser_expects():
    """``_chunks`` uses str.split() unless one of ``_SPLIT_ONLY`` is present:
    that is exact only if these four are the sole code points where
    ``str.isspace`` and the regex ``\\s`` differ (Unicode tables can change)."""
    import sys

    space = re.compile(r"\s")
    differ = {chr(c) for c in range(sys.maxunicode + 1)
              if chr(c).isspace() != bool(space.match(chr(c)))}
    assert differ == set(P._SPLIT_ONLY)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("aB ,\n\t\u00a0\u2028\x1c\x1f\x85") + ["ỉ"])),
       data=st.data())
def test_chunks_are_the_regex_non_space_runs(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert P._chunks(text, start, end) == P._CHUNK_RE.findall(text, start, end)


credit_text = st.lists(st.sampled_from(["Tin", "tin", "TIN", "Bài", "bài", "và", "Và", "ảnh", "Ảnh", "ẢNH",
                                        "anh", ":", " :", ",", " ", "\n", "\t", ".", "x", "Hùng", "2",
                                        "Tin, ảnh: ", "Bài và ảnh:", "tin ,\n ảnh :", "Tinảnh:",
                                        "bài, ẢNH: X\n", "Ảnh: Y"]),
                       max_size=30).map("".join)


@pytest.mark.parametrize("text", ["Tin, ảnh: Hùng", "x. Bài và ảnh : A\nB", "Tin ,\n\tảnh: X",
                                  "Lễ ký kết. Tinảnh: X", "ảnh: a\nTin, ảnh: b"])
def test_credit_lines_keep_the_lead(text):
    for pos in range(len(text)):
        assert P.credit_lines(text, pos) == [m.span() for m in P._CREDIT_RE.finditer(text, pos)]


@settings(max_examples=500, deadline=None)
@given(text=credit_text, pos=st.integers(0, 20))
def test_credit_scan_from_the_first_core_finds_what_a_full_scan_finds(text, pos):
    pos = min(pos, len(text))
    assert P.credit_lines(text, pos) == [m.span() for m in P._CREDIT_RE.finditer(text, pos)]
