"""Session 4's shortcuts for irrelevant articles equal the plain code they replace.

Lines split once by normalize and shared with the metadata rules, the
boilerplate gate on a line's opening, and the cheaper metadata and
pre-filter paths: each is checked against a straightforward version on the
corpus and on hypothesis-generated text.
"""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import normalize as N
from pipeline.model import Doc, RawArticle

from test_perf_irrel import plain_find_boilerplate

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _corpus_texts():
    for path in sorted(CORPUS.rglob("*.txt")):
        yield N.working_text(path.read_text(encoding="utf-8", errors="replace"))


_ODD = ["\x1c", "\x1f", "\x85", "\xa0", "\u2028", "\u3000", "\t", "\x0b", "\n", "\r", " "]
_PIECES = ["Trang chủ", "TRANG CHỦ»", "TAGS:", "Tag :", "BÌNH LUẬN", "bình luận", "Tin liên quan",
           "TIN KHÁC", "Xem thêm", "Ý kiến bạn đọc", "ý KIẾN", "©", "Copyright", "Chia sẻ", "In bài",
           "Vui lòng nhập", "Gửi bình luận", "Từ khóa:", "ĐỌC NHIỀU", "Trao", "Tra", "T", "B", "Đ",
           "İ", "ſ", "ß", "ﬁ", "K", "x", ".", ":", "»", "Báo Vĩnh Long Online", "Phương Nghi",
           "Ngày đăng: 20/10/2018", "(QBĐT) - Sáng", "Sáng 26/9,", "a"] + _ODD
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=30).map("".join)


# -- lines ---------------------------------------------------------------------------

def plain_lines(text, start=0, end=None):
    """The split-and-strip version ``lines`` replaced."""
    end = len(text) if end is None else end
    out, pos = [], start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            s = pos + len(raw) - len(raw.lstrip())
            out.append((s, s + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def test_lines_equal_the_plain_split_on_the_corpus():
    n = 0
    for text in _corpus_texts():
        assert N.lines(text) == plain_lines(text)
        for a in (1, 5, 33):
            assert N.lines(text, a, len(text) - a) == plain_lines(text, a, len(text) - a)
        n += 1
    assert n > 50


@settings(max_examples=400, deadline=None)
@given(_TEXT, st.integers(0, 6), st.integers(0, 6))
def test_lines_equal_the_plain_split_on_any_text(text, a, b):
    assert N.lines(text) == plain_lines(text)
    end = max(a, len(text) - b)
    assert N.lines(text, a, end) == plain_lines(text, a, end)


def test_normalize_shares_its_lines_only_for_its_own_text():
    doc = N.normalize(RawArticle("s", "1", "Tiêu đề\n\n Thân bài. \nTAGS: a\nTác giả", fmt="txt"))
    assert N.text_lines(doc) is doc.ctx[N.TEXT_LINES][1]
    assert N.text_lines(doc) == plain_lines(doc.text)
    other = Doc("s", "1", "x\n y ")
    other.ctx[N.TEXT_LINES] = doc.ctx[N.TEXT_LINES]          # another text's lines: not used
    assert N.text_lines(other) == plain_lines("x\n y ")


# -- boilerplate -----------------------------------------------------------------------

def test_find_boilerplate_with_shared_lines_on_the_corpus():
    n = 0
    for text in _corpus_texts():
        for start in (0, 1, 30):
            want = plain_find_boilerplate(text, start)
            assert N.find_boilerplate(text, start) == want
            assert N.find_boilerplate(text, start, N.lines(text)) == want
            n += len(want)
    assert n > 20                      # the corpus has markers


@settings(max_examples=400, deadline=None)
@given(st.lists(_TEXT, max_size=8).map("\n".join), st.integers(0, 30))
def test_find_boilerplate_with_shared_lines_on_any_text(text, start):
    assert N.find_boilerplate(text, start, N.lines(text)) == plain_find_boilerplate(text, start)


def _marker():
    tail, line = N._boilerplate_markers()
    return N._any_marker(tail, line)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_PIECES + ["Tại", "Sáng", "Đồng", "Trong", "TRAO", "Bì", "bÌn", "tag", "ti"]),
       _TEXT)
def test_an_opening_said_to_hold_no_marker_holds_none(opening, rest):
    """A line whose opening the table rules out is never found by the combined pattern."""
    rx = _marker()
    line = (opening + rest).strip()
    if not line:
        return
    head = line[:N._OPENING]
    if not N._may_open_marker(rx, {}, head):
        assert rx.search(line) is None, line


def test_openings_of_the_corpus_lines():
    rx = _marker()
    said_no = 0
    for text in _corpus_texts():
        for _, _, ln in N.lines(text):
            if not N._may_open_marker(rx, {}, ln[:N._OPENING]):
                assert rx.search(ln) is None, ln
                said_no += 1
            elif rx.search(ln) is None:
                continue
    assert said_no > 500


def test_openings_table_is_bounded():
    opens = {str(i): False for i in range(4096)}
    assert N._may_open_marker(_marker(), opens, "Sáng") is True   # full: just search
    assert len(opens) == 4096


# -- pre-filter --------------------------------------------------------------------------

_PLAN = {"b": ((("a", "b", "c"), 1), (("b", "d"), 0), (("xy", "b"), 1)),
         "ee": ((("ee",), 0),)}


def _plain_has_keyword(low, plan):
    t = " ".join(low.split())
    return any(" ".join(ws) in t for uses in plan.values() for ws, _ in uses)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "d", "e", "xy", "y", " ", "  ", "\n", "\x1c", "\xa0",
                                 "ab", "bc", "bd"]), max_size=14).map("".join))
def test_has_keyword_with_its_neighbour_test_equals_collapsing_the_spaces(low):
    from pipeline.extractors.relevance import _has_keyword
    plan = {w: uses for w, uses in _PLAN.items() if w != "ee"}
    assert _has_keyword(low, plan) == _plain_has_keyword(low, plan)
    assert _has_keyword(low, _PLAN) == _plain_has_keyword(low, _PLAN)


def test_neighbours_of_the_plan_words():
    from pipeline.extractors.relevance import _keyword_plan, _neighbours
    assert _neighbours(_PLAN["b"]) == (("c", "d"), ("a", "xy"))
    assert _neighbours(_PLAN["ee"]) == (None, ())
    for w, uses in _keyword_plan().items():
        nexts, prevs = _neighbours(uses)
        assert nexts and prevs, w          # "khối thi đua", "trưởng khối"...


# -- places --------------------------------------------------------------------------------

def _plain_strip_marker(key):
    from pipeline.places import _PROVINCE_MARKERS
    for m in _PROVINCE_MARKERS:
        if key.startswith(m + " ") or (m.endswith(".") and key.startswith(m)):
            return key[len(m):].strip()
    return key


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["tỉnh", "tp", "tp.", "thành phố", "thành", " ", "  ", ".", "quảng nam",
                                 "t", "x", "\xa0"]), max_size=5).map("".join))
def test_strip_marker_with_its_opening_test_equals_the_loop(key):
    from pipeline.places import _strip_marker
    assert _strip_marker(key) == _plain_strip_marker(key)


def test_strip_marker_on_the_corpus_lines():
    from pipeline.places import _strip_marker
    for text in _corpus_texts():
        for _, _, ln in N.lines(text):
            key = N.fold(ln[:40])
            assert _strip_marker(key) == _plain_strip_marker(key)


# -- outlets and bylines --------------------------------------------------------------------

def _plain_brand_line(line):
    """brand_line without its name-word gate."""
    from pipeline import outlets as O
    real = O._may_name_outlet
    O._may_name_outlet = lambda ln: True
    try:
        return None if len(line) > 160 else O._brand_line.__wrapped__(line)
    finally:
        O._may_name_outlet = real


_BRANDS = ["Báo Vĩnh Long Online", "BÁO SÓC TRĂNG ONLINE", "© Báo Khánh Hòa điện tử", "Báo Khánh Hoà",
           "Copyright Báo Quảng Ngãi", "Bản quyền thuộc về Báo Hà Nam", "Sài Gòn Giải Phóng",
           "SÀİ GÒN", "HàNộiMới", "Báo Bà Rịa – Vũng Tàu", "Báo Bà Rịa-Vũng Tàu", "BA\u0301O Long An",
           "ba\u0301o", " ", "  ", "-", "–", ".", "..", "\xa0", "\u2028", "oà", "Hoà", "báo", "bá", "o",
           "Báo", "- Cơ quan của Đảng bộ", "Phương Nghi", "(c)", "điện tử", "online", "x"]


def test_brand_line_gate_on_the_corpus_lines():
    from pipeline.outlets import _may_name_outlet, brand_line
    found = 0
    for text in _corpus_texts():
        for _, _, ln in N.lines(text):
            want = _plain_brand_line(ln)
            assert brand_line(ln) == want, ln
            if want is not None:
                assert _may_name_outlet(ln)
                found += 1
    assert found > 20


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_BRANDS), st.text(max_size=3)), max_size=8).map("".join))
def test_brand_line_gate_on_any_line(line):
    from pipeline.outlets import _brand_line, brand_line
    _brand_line.cache_clear()
    assert brand_line(line) == _plain_brand_line(line)


def test_name_words_are_read_from_the_outlet_table():
    from pipeline.outlets import _name_words, _tables
    words = _name_words()
    assert words and "báo" in words
    assert all(any(n.split()[0] == w for n in _tables()[2]) for w in words)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["Tin", "bài", ":", " ", "ảnh", "Minh Anh", "THU HÀ", "-", " - ", "–", ",",
                                 "/", "và", "Và", "|", "Báo Long An", "Quảng Nam", "Văn phòng", "x", "\xa0",
                                 "Nhóm PV", "Thực hiện"]), max_size=7).map("".join))
def test_byline_gates_equal_the_plain_split(line):
    from pipeline.extractors import metadata as M
    s = M._BYLINE_PREFIX.sub("", line.strip()).strip().rstrip("|").strip()
    if ":" not in line:
        assert s == line.strip().rstrip("|").strip()
    if s and not M._MAY_SPLIT_AUTHORS.search(s):
        assert [a.strip() for a in M._AUTHOR_SPLIT.split(s) if a.strip()] == [s]


# -- province mention keys ---------------------------------------------------------------------

def _key_starts(rx, text):
    return [m.start() for m in rx.finditer(text)]


def _flat_keys(words):
    """The flat alternation of the words, longest first: what a trie of them must find."""
    import re as stdre
    return stdre.compile("|".join(sorted({stdre.escape(w) for w in words}, key=lambda v: (-len(v), v))))


def test_mention_keys_start_where_the_flat_alternation_does_on_the_corpus():
    from pipeline.places import _mention_keys, _name_parts, province_names
    names = province_names()
    words = {_name_parts(n)[0] for n in names} | {_name_parts(n.upper())[0] for n in names}
    flat, trie = _flat_keys(words), _mention_keys()
    n = 0
    for text in _corpus_texts():
        got = _key_starts(trie, text)
        assert got == _key_starts(flat, text)
        n += len(got)
        for a in range(0, len(text), 211):
            assert trie.search(text, a) and trie.search(text, a).start() == flat.search(text, a).start() \
                if flat.search(text, a) else trie.search(text, a) is None
    assert n > 100


_KEY_WORDS = ["Kon", "Kontum", "TP", "TP.", "TP.HCM", "Bà", "Bình", "a", "ab", "abc", "b", "Đắk", "Đăk", ".", "x.y"]


@settings(max_examples=500, deadline=None)
@given(st.sets(st.sampled_from(_KEY_WORDS), max_size=8),
       st.lists(st.sampled_from(_KEY_WORDS + [" ", "K", "T", "Ko", "TP.H", "B", "Đ", "c"]), max_size=12).map("".join))
def test_literal_scan_matches_exactly_its_words(words, text):
    from pipeline.wordscan import literal_scan
    trie = literal_scan(words)
    for w in _KEY_WORDS:
        assert bool(trie.fullmatch(w)) == (w in words), (w, words)
    if words:
        assert _key_starts(trie, text) == _key_starts(_flat_keys(words), text)
    else:
        assert trie.search(text) is None


def test_gate_words_are_the_first_words_unless_a_pattern_ignores_case():
    import regex as re

    from pipeline.extractors.relevance import _first_words, _gate_words, vocabulary
    v = vocabulary()
    ignores = v.bloc.flags & re.IGNORECASE or v.role.flags & re.IGNORECASE
    want = (None, None) if ignores else (_first_words("bloc"), _first_words("role"))
    assert _gate_words() == want
    assert not ignores and want[0] and want[1]      # the data as it is: gated


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 40))
def test_first_line_from_a_start_equals_filtering(text, start):
    from pipeline.extractors.metadata import _first_from
    found = N.lines(text)
    assert found[_first_from(found, start):] == [ln for ln in found if ln[0] >= start]


def test_outlet_of_the_corpus_articles_with_any_body_start():
    """find_outlet's lead and brand-line scans start at the body by bisection."""
    from pipeline.extractors import metadata as M
    n = 0
    for text in list(_corpus_texts())[:40]:
        for fmt in ("txt", "html"):
            for body_start in (0, 1, 15, len(text) // 2):
                doc = N.normalize(RawArticle("s", "1", text, fmt=fmt))
                doc.body_start = body_start
                want = _plain_find_outlet(doc)
                doc.ctx.pop("_lines", None)
                assert M.find_outlet(doc) == want
                n += want[0] is not None
    assert n > 20


def _plain_find_outlet(doc):
    from pipeline.extractors import metadata as M
    all_lines = plain_lines(doc.text)
    for s, e, ln in [ln for ln in all_lines if ln[0] >= doc.body_start][:6]:
        hit = M.outlet_code_at(ln)
        if hit:
            return hit[0], M.Span(s + hit[1], s + hit[2])
    for s, e, ln in all_lines:
        if not (s < doc.body_start and doc.fmt == "txt") and M.brand_line(ln):
            return M.brand_line(ln), M.Span(s, e)
    site = M.brand_line(doc.site_meta) if doc.site_meta else None
    return site or M.outlet_by_url(doc.url) or M.strip_brand_suffix(doc.title or "")[1], None


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Ảnh", "ẢNH", "Ả", "ảnh", "Nguồn ảnh", "Nguồn", "(Ảnh: Thanh Chi)",
                                 "Ảnh minh họa: ", "Ảnh: M.L", ":", " ", "x", ", Ảnh: A", "\n"]),
                max_size=10).map("".join))
def test_credit_gate_on_any_text(text):
    from pipeline.extractors import metadata as M
    doc = Doc("s", "1", text)
    assert M.find_credits(doc) == [M.Span(m.start(), m.end("who")) for m in M._CREDIT.finditer(text)]
