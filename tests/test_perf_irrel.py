"""Fast paths of normalize/segment/metadata/relevance equal the plain code they replace.

Each shortcut is checked against a straightforward copy of the code it stands
for, on every corpus line or sentence and on hypothesis-generated text built
from the characters the shortcuts are about (marks, quotes, dashes, odd white
space, old-style tones, markers).
"""
from __future__ import annotations

from pathlib import Path

import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import normalize as N
from pipeline import segment as S
from pipeline.model import Span

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _corpus_texts():
    for path in sorted(CORPUS.rglob("*.txt")):
        yield N.working_text(path.read_text(encoding="utf-8", errors="replace"))


# -- the plain versions -------------------------------------------------------

def plain_split_sentences(text, start=0, end=None):
    end = len(text) if end is None else end
    spans = []
    pos = start
    for line in text[start:end].split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        cut = line_start
        for m in S._BREAK.finditer(text, line_start, line_end):
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


def plain_fold(s):
    import unicodedata
    s = unicodedata.normalize("NFC", str(s)).lower()
    s = N._OLD_TONE_RE_I.sub(lambda m: N._OLD_TONE[m.group(1).lower()], s)
    s = N._DASH_RE.sub(" - ", s)
    s = " ".join(s.split())
    return s.strip(".")


def plain_new_style_tones(s):
    def fix(m):
        old = m.group(1)
        new = N._OLD_TONE[old.lower()]
        if old.isupper():
            return new.upper()
        if old[0].isupper():
            return new[0].upper() + new[1:]
        return new
    return N._OLD_TONE_RE_I.sub(fix, s)


def plain_find_boilerplate(text, body_start=0):
    tail_re, line_re = N._boilerplate_markers()
    spans = []
    pos = 0
    for raw_line in text.split("\n"):
        start, end = pos, pos + len(raw_line)
        pos = end + 1
        stripped = raw_line.strip()
        if not stripped or start < body_start:
            continue
        if tail_re.fullmatch(stripped) or tail_re.match(stripped) and len(stripped) < 40:
            spans.append(Span(start, len(text)))
            break
        if line_re.search(stripped):
            spans.append(Span(start, end))
    return spans


# -- text for hypothesis --------------------------------------------------------

_ODD = ["\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\t", "\x0b", "\n", "\r"]
_PIECES = [". ", ".", "! ", "? ", "… ", "…", '." ', ".” ", ".) ", "TP. Hồ", "ông. B", " Ông",
           "1.027", "2.134 ", "Sáng", "A", "9", "(", "“", "‘", "a", "b", " ", "  ", "-", " - ",
           "–", "—", "\u2212", "\u2011", "hoà", "Hoà", "HOÀ", "quà", "toàn", "uỷ", "Uỷ", "UỶ",
           "thuỷ", "oạ", "uý²", "oè.", "Khối", "khối thi đua", "Trang chủ", "TAGS:", "BÌNH LUẬN",
           "Tin liên quan", "Xem thêm", "Ý kiến bạn đọc", "©", "Chia sẻ", "In bài", "Vui lòng nhập",
           "Trang chủ»", "İ", "ſ"] + _ODD
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=40).map("".join)


# -- segment -------------------------------------------------------------------

def test_split_sentences_equals_the_plain_scan_on_the_corpus():
    n = 0
    for text in _corpus_texts():
        assert S.split_sentences(text) == plain_split_sentences(text)
        for a in (1, 7, 40):
            assert S.split_sentences(text, a, len(text) - a) == plain_split_sentences(text, a, len(text) - a)
        n += 1
    assert n > 50


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 8), st.integers(0, 8))
def test_split_sentences_equals_the_plain_scan_on_any_text(text, a, b):
    assert S.split_sentences(text) == plain_split_sentences(text)
    a = min(a, len(text))
    end = max(a, len(text) - b)
    assert S.split_sentences(text, a, end) == plain_split_sentences(text, a, end)


def test_a_mark_just_before_start_may_break():
    text = "Ab. Cd. Ef"
    for a in range(len(text)):
        assert S.split_sentences(text, a) == plain_split_sentences(text, a)


# -- normalize -------------------------------------------------------------------

def test_fold_and_tones_equal_the_plain_versions_on_the_corpus():
    n = 0
    for text in _corpus_texts():
        for s in S.split_sentences(text):
            sent = text[s.start:s.end]
            assert N._fold(sent) == plain_fold(sent), sent
            assert N.new_style_tones(sent) == plain_new_style_tones(sent), sent
            n += 1
    assert n > 800


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_fold_and_tones_equal_the_plain_versions_on_any_text(text):
    assert N._fold(text) == plain_fold(text)
    assert N.new_style_tones(text) == plain_new_style_tones(text)


def test_old_tone_gate_cases():
    for s in ["hoà", "Hoà.", "HOÀ", "quà", "QUÀ", "toàn", "thuỷ", "oạ²", "uý1", "Oé", "xoÈ"]:
        assert N.new_style_tones(s) == plain_new_style_tones(s)
        assert N._fold(s) == plain_fold(s)
    assert N.new_style_tones("Hoà Bình") == "Hòa Bình"
    assert N.new_style_tones("quà") == "quà"


def test_find_boilerplate_equals_the_plain_version_on_the_corpus():
    n = 0
    for text in _corpus_texts():
        for start in (0, 30):
            got = N.find_boilerplate(text, start)
            assert got == plain_find_boilerplate(text, start)
            n += bool(got)
    assert n > 5  # some corpus pages do have furniture


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, max_size=8).map("\n".join), st.integers(0, 30))
def test_find_boilerplate_equals_the_plain_version_on_any_text(text, start):
    assert N.find_boilerplate(text, start) == plain_find_boilerplate(text, start)


def test_markers_that_refer_to_groups_get_no_combined_pattern():
    tail = re.compile(r"(?:(a)\1)", re.IGNORECASE | re.VERSION1)
    line = re.compile(r"(?:^(b))", re.IGNORECASE | re.VERSION1)
    assert N._any_marker(tail, line) is None
    assert N._any_marker(re.compile("(?:x)", line.flags), line) is not None
