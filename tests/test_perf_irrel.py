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


# -- relevance: the pre-filter ------------------------------------------------------

def plain_quick_reject(text):
    import unicodedata
    from pipeline.extractors.relevance import vocabulary
    t = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return not any(k in t for k in vocabulary().quick)


_BLOC_TEXT = st.lists(st.one_of(st.sampled_from(
    ["khối", "Khối", "KHỐI", "cụm", "Cụm", "thi", "đua", "giao", "ước", "trưởng", "Trưởng", "phó",
     "PHÓ", " ", "  ", "\n", "\t", "\x1c", "\xa0", "x", "các", "đoàn", "khốii", "akhối", "phóng",
     "İ", "K"]), st.text(max_size=3)), max_size=30).map("".join)


def test_quick_reject_equals_collapsing_the_spaces_on_the_corpus():
    from pipeline.extractors.relevance import _keyword_plan, quick_reject
    assert _keyword_plan() is not None
    kept = 0
    for text in _corpus_texts():
        assert quick_reject(text) == plain_quick_reject(text)
        kept += not quick_reject(text)
        for a in range(0, len(text), 97):   # pieces cut anywhere, mid-word too
            piece = text[a:a + 150]
            assert quick_reject(piece) == plain_quick_reject(piece), piece
    assert kept > 30


@settings(max_examples=1500, deadline=None)
@given(_BLOC_TEXT)
def test_quick_reject_equals_collapsing_the_spaces_on_any_text(text):
    from pipeline.extractors.relevance import quick_reject
    assert quick_reject(text) == plain_quick_reject(text)


def test_quick_reject_cases():
    from pipeline.extractors.relevance import quick_reject
    for text, rejected in [("Khối  thi\n\tđua", False), ("trưởng\xa0\xa0khối", False),
                           ("khối thi", True), ("akhối thi đuaz", False), ("phó khốii", False),
                           ("phóng khối", True), ("thi đua khối", True), ("cụm\x1ctrưởng", False)]:
        assert quick_reject(text) is rejected, text
        assert plain_quick_reject(text) is rejected, text


def test_the_pipeline_marks_what_passed_its_pre_filter():
    from pipeline.extractors import relevance
    from pipeline import run
    assert run._QUICK_PASSED == relevance.QUICK_PASSED
    from pipeline.model import RawArticle
    p = run.Pipeline(["metadata", "relevance"])
    doc = p(RawArticle(source="x", article_id="x", fmt="txt",
                       text="Khối thi đua các cơ quan tỉnh họp\nSáng 5/1, Khối thi đua tổ chức hội nghị."))
    assert doc.ctx[relevance.QUICK_PASSED] == (doc.title, doc.text)
    assert doc.fields["relevant"] is True
    assert relevance._passed_quick_reject(doc)
    # a Doc whose text changed after the pre-filter is asked again
    doc.text = doc.text + " "
    assert not relevance._passed_quick_reject(doc)
    calls = []
    real = relevance.quick_reject
    relevance.quick_reject = lambda t: calls.append(t) or True
    try:
        assert relevance.is_relevant(doc) is False and len(calls) == 1
    finally:
        relevance.quick_reject = real


# -- relevance: first words before a search --------------------------------------------

def test_a_sentence_without_first_words_has_no_bloc_or_role_on_the_corpus():
    from pipeline.extractors.relevance import _first_words, _may_hold, vocabulary
    from pipeline.segment import fold_sentence
    v = vocabulary()
    bw, rw = _first_words("bloc"), _first_words("role")
    assert bw and rw
    hits = 0
    for text in _corpus_texts():
        for s in S.split_sentences(text):
            f = fold_sentence(text[s.start:s.end])
            if v.bloc.search(f):
                assert _may_hold(f, bw), f
                hits += 1
            if v.role.search(f):
                assert _may_hold(f, rw), f
    assert hits > 100


@settings(max_examples=1000, deadline=None)
@given(_BLOC_TEXT)
def test_a_sentence_without_first_words_has_no_bloc_or_role_on_any_text(text):
    from pipeline.extractors.relevance import _first_words, _may_hold, vocabulary
    v = vocabulary()
    f = N.fold(text)
    if v.bloc.search(f):
        assert _may_hold(f, _first_words("bloc"))
    if v.role.search(f):
        assert _may_hold(f, _first_words("role"))


def test_inline_flags_or_unreadable_patterns_give_no_first_words():
    from pipeline.extractors.relevance import _INLINE_FLAGS, _may_hold
    assert _INLINE_FLAGS.search("(?i)khối") and _INLINE_FLAGS.search("(?i:khối)")
    assert not _INLINE_FLAGS.search("(?<!\\p{L})(?:khối|cụm)(?P<x>a)")
    assert _may_hold("anything", None)


# -- metadata --------------------------------------------------------------------------

def _corpus_lines():
    from pipeline.extractors.metadata import lines
    for text in _corpus_texts():
        for _, _, ln in lines(text):
            yield ln


def plain_parse_byline(line):
    from pipeline.extractors import metadata as M
    from pipeline.orgs import find_orgs
    real = M._may_open_org
    M._may_open_org = lambda s: True
    try:
        return M.parse_byline(line)
    finally:
        M._may_open_org = real


def test_may_open_org_is_true_wherever_an_org_starts_the_line():
    from pipeline.extractors import metadata as M
    from pipeline.orgs import find_orgs
    n = 0
    for ln in _corpus_lines():
        for s in (ln, ln[:40], ln.split(",")[0]):
            if any(o.start == 0 for o in find_orgs(s)):
                assert M._may_open_org(s), s
                n += 1
    assert n > 50


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Văn phòng", "Tỉnh ủy", "Sở Y tế", "Các sở", "các huyện", "Mai Sơn",
                                 "UBND", "huyện", "Hội", "Nông dân", "Minh Anh", "Thu Hà", ":", ",", " ",
                                 "và", "Ban", "Tổ chức", "Công an", "tỉnh", "Phan Phương"]),
                min_size=1, max_size=6).map(" ".join))
def test_may_open_org_on_any_line(s):
    from pipeline.extractors import metadata as M
    from pipeline.orgs import find_orgs
    if any(o.start == 0 for o in find_orgs(s)):
        assert M._may_open_org(s)
    assert M.parse_byline(s) == plain_parse_byline(s)


def test_title_and_dateline_shortcuts_on_the_corpus():
    from pipeline.extractors import metadata as M
    n = 0
    for ln in _corpus_lines():
        for s in (ln, ln[:70], " " + ln[:50] + "  x"):
            assert M.tidy_title(s) == M._SPACES.sub(" ", s).strip()
            parts = M._TITLE_SEP.split(s)
            assert (M.strip_brand_suffix(s)[1] is None) or len(parts) > 1
            if len(parts) == 1:
                assert M.strip_brand_suffix(s) == (s, None)
            if len(s) <= 80 and "19" not in s and "20" not in s:
                assert not list(M._DATE.finditer(s))
            n += 1
    assert n > 1000


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_title_shortcuts_on_any_text(s):
    from pipeline.extractors import metadata as M
    assert M.tidy_title(s) == M._SPACES.sub(" ", s).strip()
    if len(M._TITLE_SEP.split(s)) == 1:
        assert M.strip_brand_suffix(s) == (s, None)
    if "19" not in s and "20" not in s:
        assert not M._DATE.search(s)


def test_credit_gate():
    from pipeline.extractors import metadata as M
    from pipeline.model import Doc
    for text in list(_corpus_texts()) + ["x (Ảnh: Thanh Chi)", "ẢNH: A.B", "Nguồn ảnh: X", "ảnh: x"]:
        doc = Doc(article_id="a", source="s", text=text)
        assert M.find_credits(doc) == [Span(m.start(), m.end("who")) for m in M._CREDIT.finditer(text)]


# -- batch: reading and CSV text -------------------------------------------------------

def _writer_line(cells):
    import csv
    import io
    buf = io.StringIO(newline="")
    csv.writer(buf).writerow(cells)
    return buf.getvalue()


_CELL = st.one_of(st.sampled_from(["", " ", ",", '"', "\r", "\n", "\r\n", "a,b", 'x"y', " lead", "Sở Y tế",
                                   "'", "=1", "-2", "\t", "\x1c", "\u2028"]), st.text(max_size=5))


@settings(max_examples=1000, deadline=None)
@given(st.lists(_CELL, min_size=1, max_size=6))
def test_csv_line_equals_the_csv_writer(cells):
    from pipeline.write import csv_line
    assert csv_line(cells) == _writer_line(cells)


def test_format_rows_equals_a_writer_per_table():
    import csv
    import io
    from pipeline.write import format_rows, row_cells
    rows = [("articles", {"article_id": "a", "relevant": True, "title": 'Khối "A", B', "member_count": 3,
                          "event_types": ["x", "b"], "province": None}),
            ("members", {"article_id": "a", "org": "Sở Y tế", "mention": "Sở\nY tế", "start": 1, "end": 9}),
            ("dates", {"article_id": "a", "value": "2024-01-05", "kind": "event", "mention": "-5/1",
                       "start": 0, "end": 4}),
            ("members", {"article_id": "a", "org": "=SUM(A1)", "mention": "", "start": 0, "end": 0})]
    for safe in (False, True):
        buffers, writers = {}, {}
        for table, row in rows:
            if table not in writers:
                buffers[table] = io.StringIO(newline="")
                writers[table] = csv.writer(buffers[table])
            writers[table].writerow(row_cells(table, row, safe))
        want = {t: b.getvalue() for t, b in buffers.items()}
        got = format_rows(rows, safe)
        assert got == want and list(got) == list(want)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=12), st.booleans())
def test_decode_bytes_equals_the_bom_codec(data, bom):
    from pipeline.read import decode_bytes
    if bom:
        data = b"\xef\xbb\xbf" + data
    try:
        want = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        want = exc
    try:
        text, warnings = decode_bytes(data)
    except ValueError:
        return  # binary data: refused before decoding, as before
    if isinstance(want, Exception):
        assert warnings and f"({want.reason} at byte {want.start})" in warnings[0]
    else:
        assert text == want and warnings == []


_HEADS = st.lists(st.one_of(st.sampled_from(["(QNO)", "(", ")", "QNO", "BHG", "LSO", "Baonghean.vn", " - ", "-",
                                             "–", "—", ":", " ", ".", "Sáng", "A", "a", "1", "_", "²", "\xa0",
                                             "\x1c", "Ảnh", "X" * 31]), st.text(max_size=3)),
                  max_size=8).map("".join)


def test_outlet_code_gate_passes_every_code_on_the_corpus():
    from pipeline.extractors.metadata import _MAY_OPEN_WITH_CODE
    from pipeline.outlets import _HEAD_CODE, outlet_code_at
    n = 0
    for ln in _corpus_lines():
        if _HEAD_CODE.match(ln):
            assert _MAY_OPEN_WITH_CODE.match(ln), ln
            n += outlet_code_at(ln) is not None
    assert n > 20


@settings(max_examples=1000, deadline=None)
@given(_HEADS)
def test_outlet_code_gate_on_any_line(ln):
    from pipeline.extractors.metadata import _MAY_OPEN_WITH_CODE
    from pipeline.outlets import _HEAD_CODE
    if _HEAD_CODE.match(ln):
        assert _MAY_OPEN_WITH_CODE.match(ln)


def test_outlet_code_gate_cases():
    from pipeline.extractors.metadata import _MAY_OPEN_WITH_CODE
    from pipeline.outlets import _HEAD_CODE
    for ln in ["X" * 31 + "-", "X" * 31 + " \xa0 – a", "(QNO) - x", "Baonghean.vn - x", "A.-x", "Á..—",
               "\u2000BHG - y", "Ω" + "ß" * 30 + "-"]:
        assert _HEAD_CODE.match(ln), ln
        assert _MAY_OPEN_WITH_CODE.match(ln), ln
    assert not _MAY_OPEN_WITH_CODE.match("Sáng 28/08, Sở Y tế - x")


# -- run: the per-article frame ----------------------------------------------------------

def test_time_limit_fires_and_restores_the_handler():
    import signal
    import time

    import pytest

    from pipeline.run import ArticleTimeout, _time_limit
    before = signal.getsignal(signal.SIGALRM)
    with pytest.raises(ArticleTimeout, match="longer than 0.05 s"):
        with _time_limit(0.05):
            time.sleep(1)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with _time_limit(None):
        pass
    assert signal.getsignal(signal.SIGALRM) is before


def test_finalize_of_an_irrelevant_article_keeps_only_its_identity():
    from pipeline.model import ARTICLE_FIELDS, Doc
    from pipeline.run import IRRELEVANT_KEEPS, finalize
    doc = Doc(article_id="a", source="s", text="abc")
    doc.fields = {f: "x" for f in ARTICLE_FIELDS}
    doc.fields["relevant"] = False
    doc.records = {"members": [{"start": 5, "end": 1}]}   # not even checked: dropped
    finalize(doc)
    assert doc.records == {}
    assert {f for f, v in doc.fields.items() if v is not None} == set(IRRELEVANT_KEEPS) | {"relevant"}
