"""pipeline.wordscan: the first-word scan finds exactly what the pattern finds."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import orgs
from pipeline.normalize import working_text
from pipeline.segment import split_sentences
from pipeline.wordscan import FirstWordScan, leading_words

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.mark.parametrize("pattern, words", [
    ("Ban Tổ chức Tỉnh ủy", {"ban"}),
    ("(?:Ủy ban Kiểm tra|UBKT) Tỉnh ủy", {"ủy", "ubkt"}),
    ("(?:(?:HĐND|Hội đồng nhân dân)|UBND) tỉnh", {"hđnd", "hội", "ubnd"}),
    ("T[ỉi]nh đoàn", {"t"}),                 # a prefix is enough: the scan is looser, never stricter
    ("Tỉnh đoàn(?: thanh niên)?", {"tỉnh"}),
    ("Sởs? Y tế", None),                       # the word's last letter is optional
    ("(?:Ban|Sở)? Y tế", None),                # an optional group
    ("\\p{Lu}\\p{L}+ tỉnh", None),            # a class
    ("(?P<name>X) tỉnh", None),               # a named group
    ("(?-i:{NAME}) tỉnh", None),
    ("Ban Tổ chức|Sở Nội vụ", {"ban", "sở"}),      # a top-level alternation: every branch
    ("(?:Ban[|(]X|Sở) Y", {"ban", "sở"}),          # "|" and "(" inside a class are literal
    ("Ban X|[Ss]ở Y", None),
])
def test_leading_words(pattern, words):
    assert leading_words(pattern) == words


def test_unknown_first_words_fall_back_to_finditer():
    rx = re.compile(r"\d+")
    scan = FirstWordScan(rx, None)
    assert [m.group() for m in scan.finditer("a 12 b 3")] == ["12", "3"]


def test_a_length_changing_lower_case_falls_back():
    rx = re.compile(r"(?<![\p{L}])ban\b", re.IGNORECASE)
    scan = FirstWordScan(rx, {"ban"})
    text = "İ Ban Tổ chức, BAN Dân vận"            # "İ".lower() is two characters
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in rx.finditer(text)]


def _corpus_sentences():
    for path in sorted((CORPUS / "dev" / "articles").glob("*.txt")):
        text = working_text(path.read_text(encoding="utf-8"))
        for s in split_sentences(text):
            yield text, s.start, s.end


def _matches_on_corpus(scan: FirstWordScan) -> int:
    """Asserts the scan finds what its pattern finds in every corpus sentence; counts them."""
    assert scan.scan is not None, "the pattern lost its readable first words"
    n = 0
    for text, a, b in _corpus_sentences():
        want = [m.span() for m in scan.pattern.finditer(text, a, b)]
        assert [m.span() for m in scan.finditer(text, a, b)] == want, text[a:b]
        n += len(want)
    return n


def test_known_org_scan_equals_the_pattern_on_every_corpus_sentence():
    assert _matches_on_corpus(orgs._known_scan()) > 300


_PIECES = ["Ban Tổ chức Tỉnh ủy", "UBKT Tỉnh uỷ", "Ủy ban MTTQ Việt Nam tỉnh", "Sở Y tế",
           "Tinh ủy", "BAN TUYÊN GIÁO", "Văn phòng UBND tỉnh", "5Ban", "ban", " ", ", ", "và"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=6)), max_size=25).map("".join),
       st.integers(0, 5))
def test_known_org_scan_equals_the_pattern_on_any_text(text, cut):
    scan = orgs._known_scan()
    a = min(cut, len(text))
    assert [m.span() for m in scan.finditer(text, a)] == [m.span() for m in scan.pattern.finditer(text, a)]


def test_case_folding_the_pattern_does_is_kept():
    """The pattern (regex, IGNORECASE) folds "ſ" to "s"; the scan must not miss it."""
    scan = orgs._known_scan()
    text = "Giám đốc ſở Y tế phát biểu."
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)]


def test_distributed_lists_survive_the_cheap_check():
    got = [o.org for o in orgs.find_orgs("Lãnh đạo các huyện Mai Sơn, Yên Châu và Mộc Châu dự.")]
    assert got == ["huyện Mai Sơn", "huyện Yên Châu", "huyện Mộc Châu"]


def test_a_match_starting_inside_a_failed_first_word_is_found():
    """Keys are tried at every position, overlapping ones too: "an tỉnh" starts inside "ban"."""
    rx = re.compile(r"ban x|an tỉnh", re.IGNORECASE)
    scan = FirstWordScan(rx, {"ban", "an"})
    text = "Ban tỉnh và BAN X"
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in rx.finditer(text)] == \
        [(1, 8), (12, 17)]


def _full_matches(name):
    return [k.canonical for k in orgs._known_entries() if k.regex.fullmatch(name)]


def _indexed_matches(name):
    return [k.canonical for k in orgs._entries_for(name) if k.regex.fullmatch(name)]


def test_known_entries_by_first_word_equal_all_entries_on_the_corpus():
    """canonical_org tries only the entries whose first word starts the name; on every
    org the corpus names (as written, upper-cased, with old-style tones) the entries
    that match are the same as trying all of them."""
    assert orgs._entry_prefixes() is not None
    n = 0
    for text, a, b in _corpus_sentences():
        for o in orgs.find_orgs(text, a, b):
            for name in (text[o.start:o.end], text[o.start:o.end].upper(),
                         text[o.start:o.end].replace("ủy", "uỷ").replace("ỉnh", "inh")):
                assert _indexed_matches(name) == _full_matches(name), name
                n += 1
    assert n > 1000


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["Tỉnh đoàn", "Toà án nhân dân", "Viện KSND", "Uỷ ban",
                                           "ſở Tư pháp", "ĐẢNG ỦY KHỐI", "tỉnh", " "]), min_size=1,
                max_size=4).map(" ".join))
def test_known_entries_by_first_word_equal_all_entries_on_any_name(name):
    assert _indexed_matches(name) == _full_matches(name)


def test_member_count_scan_equals_the_pattern_on_every_corpus_sentence():
    from pipeline.extractors import bloc

    assert _matches_on_corpus(bloc._count_scan()) > 20


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["gồm", "9", "17/20", "Mười", "hai", "ba", "đơn vị", "thành viên",
                                 "cơ quan", "sở", "ngành", " ", ", ", "x"]), max_size=12).map(" ".join))
def test_member_count_scan_equals_the_pattern_on_any_text(text):
    from pipeline.extractors import bloc

    scan = bloc._count_scan()
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)]


def test_compatible_words_by_skeleton():
    from pipeline.wordscan import compatible_words
    assert compatible_words("tỉnh", {"tinh"}, orgs.skeleton)         # one word, two spellings
    assert compatible_words("thi", {"thị"}, orgs.skeleton)           # a prefix of the same text
    assert compatible_words("ủy", {"uỷ ban"}, orgs.skeleton)
    assert not compatible_words("ban", {"bảo", "sở"}, orgs.skeleton)


def test_verifying_by_word_finds_what_the_pattern_finds():
    rx = re.compile(r"(?<![\p{L}])(?:Ban Tổ chức|Ban Dân vận|Sở Y tế|\d+ sở)(?![\p{L}])", re.IGNORECASE)
    by_word = {"ban": re.compile(r"(?<![\p{L}])(?:Ban Tổ chức|Ban Dân vận)(?![\p{L}])", re.IGNORECASE),
               "sở": re.compile(r"(?<![\p{L}])(?:Sở Y tế)(?![\p{L}])", re.IGNORECASE)}
    scan = FirstWordScan(rx, {"ban", "sở"}, extra_keys=r"\d", by_word=by_word)
    text = "Ban Dân vận, ban tổ chức, BAN X, Sở Y tế, sở y tế và 12 sở, bàn Tổ chức"
    got = [m.span() for m in scan.finditer(text)]
    assert got == [m.span() for m in rx.finditer(text)]
    assert len(got) == 5                       # the count "12 sở" is verified by the whole pattern


def test_a_wrong_word_pattern_would_be_caught():
    """by_word is trusted: the corpus check above is what keeps it honest."""
    rx = re.compile(r"Ban Tổ chức|Sở Y tế", re.IGNORECASE)
    scan = FirstWordScan(rx, {"ban", "sở"}, by_word={"ban": re.compile("(?!)")})
    assert [m.group() for m in scan.finditer("Ban Tổ chức, Sở Y tế")] == ["Sở Y tế"]


def test_not_after_lists_only_characters_the_class_holds():
    from pipeline.wordscan import certainly_in
    import re as stdre
    look = certainly_in(r"[\p{L}\d/.,]")
    listed = stdre.fullmatch(r"\(\?<!\[(.*)\]\)", look, stdre.S).group(1)
    chars = stdre.sub(r"\\(.)", r"\1", listed)
    assert "a" in chars and "ệ" in chars and "7" in chars and "/" in chars
    assert " " not in chars and "-" not in chars
    assert all(re.fullmatch(r"[\p{L}\d/.,]", c) for c in chars)


def test_keys_after_a_letter_are_skipped_but_matches_stay():
    rx = re.compile(r"(?<![\p{L}\d/.,])(?:ba|\d{1,3})\s+đơn vị", re.IGNORECASE)
    scan = FirstWordScan(rx, {"ba"}, extra_keys=r"\d", not_after=r"[\p{L}\d/.,]")
    text = "Ban ba đơn vị; năm 2024 đơn vị, BA ĐƠN VỊ, x3 đơn vị, (12 đơn vị) và ½8 đơn vị"
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in rx.finditer(text)]
    assert scan.scan.findall("2024 hoba") == ["2"]    # inside a number or a word: never tried
