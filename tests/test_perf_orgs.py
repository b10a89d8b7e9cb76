"""The org finder's shortcuts find exactly what the plain patterns find.

- :func:`pipeline.wordscan.literal_scan` writes its keys as a trie: the same
  positions as the flat alternation it replaces;
- the head scan (:func:`pipeline.orgs._head_scan`) searches the text itself
  for the heads as written and the district words in any case: the same
  matches as ``_head_re().finditer``;
- the lower-cased copy is checked once per sentence (:func:`trusted_lower`).
"""
from __future__ import annotations

import re as stdre
from pathlib import Path

import pytest
import regex as re
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import orgs
from pipeline.normalize import working_text
from pipeline.segment import split_sentences
from pipeline.wordscan import FirstWordScan, any_case, literal_scan, spellings, trusted_lower

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _sentences():
    for path in sorted(CORPUS.rglob("*.txt")):
        text = working_text(path.read_text(encoding="utf-8"))
        for s in split_sentences(text):
            yield text, s.start, s.end


@pytest.mark.parametrize("pattern, strings", [
    ("ban", {"ban"}),
    ("t[ỉi]nh", {"tỉnh", "tinh"}),
    ("(?:ủy|uỷ)\\ ban", {"ủy ban", "uỷ ban"}),
    ("Co\\-opBank", {"Co-opBank"}),
    ("t(?:òa|oà)", {"tòa", "toà"}),
    ("\\d", None),                      # a class escape
    ("ba?n", None),                     # a quantifier
    ("b[a-z]n", None),                  # a range
    ("(?:a|b(?:c|d))", None),           # a nested group
    ("(?:ab)+", None),
    ("x.y", None),
])
def test_spellings(pattern, strings):
    assert spellings(pattern) == strings
    if strings:
        assert all(stdre.fullmatch(pattern, s) for s in strings)


def _flat(words, variants=stdre.escape):
    """The flat alternation literal_scan wrote before the trie."""
    return stdre.compile("|".join(sorted({variants(w) for w in words}, key=lambda v: (-len(v), v))))


def _key_starts(keys, text):
    return [i for i in range(len(text) + 1) if keys.match(text, i)]


def _tolerant(w):
    return orgs.tolerant(re.escape(w))


def _known_words():
    return set().union(*(words for _, words in orgs._known_alternatives()))


def _head_words():
    heads, _, district = orgs._words()
    return {w.split()[0].lower() for w in (*heads, *district, *orgs._DISTRICT_BEFORE)}


_KEY_PIECES = ["ban", "bảo", "tỉnh", "tinh", "t", "th", "thị", "thi", "thành", "ủy", "uỷ", "ubnd",
               "ubkt", "ubmttq", "vksnd", "sở", "xã", "huyện", "co-opbank", "a", " ", "-", "b", "đ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_KEY_PIECES), st.text(max_size=3)), max_size=12).map("".join))
def test_the_trie_starts_where_the_flat_alternation_starts(text):
    for words in (_known_words(), _head_words()):
        assert _key_starts(literal_scan(words, _tolerant), text) == _key_starts(_flat(words, _tolerant), text)
    words = {"ab", "abc", "b", "bc", "x-y", "x"}
    assert _key_starts(literal_scan(words), text) == _key_starts(_flat(words), text)


def test_the_trie_prefers_the_longest_key():
    keys = literal_scan({"th", "thị", "thi", "t"})
    assert [m.group() for m in keys.finditer("thị thi th t")] == ["thị", "thi", "th", "t"]


def test_unlisted_spellings_stay_alternatives():
    keys = literal_scan({"ban", "sở"}, lambda w: stdre.escape(w) + ("\\d?" if w == "sở" else ""))
    assert [m.group() for m in keys.finditer("ban sở1 sở")] == ["ban", "sở1", "sở"]


def test_any_case_matches_what_the_lower_case_copy_matches():
    seqs = any_case("huyện")
    rx = stdre.compile("|".join("".join(s) for s in seqs))
    for word in ("huyện", "Huyện", "HUYỆN", "hUyỆn"):
        assert rx.fullmatch(word)
    assert not rx.fullmatch("huyen")
    # the Kelvin sign lower-cases to "k": a text holding it is matched too
    assert stdre.fullmatch("|".join("".join(s) for s in any_case("kho")), "\u212aho")
    # every sequence starts with a literal letter
    assert all(len(s[0].replace("\\", "")) == 1 for s in seqs)


def _head_matches(scan, text, a, b):
    low, ok = trusted_lower(text, a, b)
    got = [(m.span(), m.group("head"), m.group("district")) for m in scan.finditer(text, a, b, low, ok)]
    plain = [(m.span(), m.group("head"), m.group("district")) for m in scan.pattern.finditer(text, a, b)]
    assert got == plain, text[a:b]
    assert [m.span() for m in scan.finditer(text, a, b)] == [m[0] for m in plain]
    return len(plain)


def test_head_scan_equals_the_pattern_on_every_corpus_sentence():
    scan = orgs._head_scan()
    assert scan.scan is not None and scan.in_text and scan._verify is not None   # verified by word
    assert sum(_head_matches(scan, text, a, b) for text, a, b in _sentences()) > 1000


_HEAD_PIECES = ["Công ty", "công ty", "CÔNG TY", "Ban Tổ chức", "ban hành", "Sở Y tế", "UBND huyện",
                "UBND Huyện", "Ủy ban nhân dân thị xã", "Uỷ ban", "HUYỆN", "Huyện", "huyện", "thị xã",
                "THỊ TRẤN", "Thành phố", "thành phố", "xã", "Xã", "Phường", "đặc khu", "Tòa án", "Toà án",
                "Tỉnh đoàn", "Tinh đoàn", "Hợp tác xã", "Co-opBank", "Viettel", " ", ", ", "-", "A", "Hà Nam",
                "\u212a", "ſ", "İ", "ß", "ς", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_HEAD_PIECES), st.text(max_size=3)), max_size=14).map("".join),
       st.integers(0, 4))
def test_head_scan_equals_the_pattern_on_any_text(text, cut):
    _head_matches(orgs._head_scan(), text, min(cut, len(text)), len(text))


def test_a_case_sensitive_scan_needs_listed_spellings():
    rx = re.compile("Ban|huyện")
    with pytest.raises(ValueError):
        FirstWordScan(rx, {"huyện"}, variants=lambda w: w + "+", cased={"Ban"})
    scan = FirstWordScan(rx, set(), cased={"Ban"})          # only cased words: no copy needed
    assert [m.span() for m in scan.finditer("ban Ban İ")] == [(4, 7)]


@pytest.mark.parametrize("text, trusted", [
    ("Sở Y tế tỉnh", True),
    ("İ Sở", False),                 # lower() makes two characters of one
    ("ſở Y tế", False),              # a character whose lower case is not its case fold
    ("", True),
])
def test_trusted_lower(text, trusted):
    low, ok = trusted_lower(text)
    assert low == text.lower() and ok is trusted
    assert trusted_lower("xx" + text + "yy", 2, 2 + len(text)) == (low, ok)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_HEAD_PIECES + ["các huyện", "các sở:", "2 xã", ", ", " và "]),
                          st.text(max_size=3)), max_size=12).map("".join))
def test_the_list_gate_with_a_checked_copy_equals_the_plain_one(text):
    found = orgs.find_orgs(text)
    low, ok = trusted_lower(text)
    assert orgs._distribute_lists(text, 0, len(text), found, None, False, low, ok) == \
        orgs._distribute_lists(text, 0, len(text), found, None, False, text.lower())


_GATE_PIECES = ["các", "hai", "ba", "mười", "12", "٣", "các\u3000", " ", "  ", "\t", "\n", "sở", "huyện", "thị xã",
                "thị  trấn", "thành phố", "xã", "phường", "ban", "cục", "hội", "thị", "x", ":", "ba xã"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_GATE_PIECES), st.text(max_size=2)), max_size=10).map("".join))
def test_the_list_gate_equals_its_pattern(text):
    low = text.lower()
    assert orgs._may_distribute(low) == bool(orgs._MAY_DISTRIBUTE.search(low))


def test_the_list_gate_equals_its_pattern_on_every_corpus_sentence():
    n = 0
    for text, a, b in _sentences():
        low = text[a:b].lower()
        assert orgs._may_distribute(low) == bool(orgs._MAY_DISTRIBUTE.search(low)), text[a:b]
        n += orgs._may_distribute(low)
    assert n > 20


# --- the cheap check of a verifying pattern's start (literal_prefixes) ----------------

@pytest.mark.parametrize("pattern, prefix", [
    (r"(?<![\p{L}\p{M}])(?:Ban\s+X|Sở\s+Y)(?![\p{L}])", r"ban\s+x|sở\s+y"),   # lookarounds: no width
    (r"(?i)ab|c", "ab|c"),
    (r"a(?:b|c)?d", "a"),                      # an optional group ends the start
    (r"(?:ab)+c", "ab"),                       # a repeated group: one copy
    (r"a{2,3}b,?c", "a{2,3}b,?c"),             # one character repeated: as written
    (r"T[ỉi]nh\s*[-–]\s*X", r"t[ỉi]nh\s*[\-–]\s*x"),
    (r"x\d+", "x"), (r"x\p{Lu}y", "x"), (r"x.y", "x"),
    (r"(?-i:\p{Lu}\w+)|ab", None),             # an alternative without a literal start
    (r"[\]a]b", None), (r"(?>a)b", None), (r"(?P=n)", None), (r"a|", None),
    (r"ſa|ßb|İc", None),                       # lower() would mislead
    (r"(?P<name>Ab)c", "abc"),
])
def test_literal_prefixes(pattern, prefix):
    from pipeline.wordscan import literal_prefixes
    got = literal_prefixes(pattern)
    assert (got.pattern if got else None) == prefix


def test_the_prefix_is_cut_at_the_limit():
    from pipeline.wordscan import literal_prefixes
    assert literal_prefixes("abcdefghij", limit=4).pattern == "abcde"


_KNOWN_PIECES = ["Ban Tổ chức Tỉnh ủy", "ban tuyên giáo", "Tỉnh uỷ", "TỈNH ĐOÀN", "Sở Văn hoá, Thể thao và Du lịch",
                 "Hội đồng Thi đua – Khen thưởng", "Kho bạc Nhà nước khu vực XII", "KBNN khu vực 7", "thi đua",
                 "Đài Phát thanh - Truyền hình Sơn La", "Trường Chính trị Lê Duẩn", "\u212a", " ", "\u2003", "\x1c"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_KNOWN_PIECES), st.text(max_size=3)), max_size=8).map(" ".join))
def test_a_prefix_check_never_turns_away_a_match(text):
    from pipeline.wordscan import _prefix_check
    low, ok = trusted_lower(text)
    if not ok:
        return
    scan = orgs._known_scan()
    patterns = {scan.pattern, *(rx for _, rx, _ in scan._spellings)}
    for rx in patterns:
        pre = _prefix_check(rx.pattern)
        assert pre is not None
        for i in range(len(text)):
            if rx.match(text, i):
                assert pre.match(low, i), (rx.pattern[:80], text[i:])


def test_the_known_scan_searches_the_literal_starts_of_the_names():
    """Its keys are the names' starts (read as literal_prefixes reads them, so
    the test above covers them too); the first-word keys pick the verifier."""
    from pipeline.wordscan import _prefix_check
    scan = orgs._known_scan()
    assert scan._first is not None and _prefix_check(scan.pattern.pattern) is not None
    low = "ban tổ chức tỉnh ủy và tỉnh sơn la, thi đua"
    assert [i for i in range(len(low)) if scan.scan.match(low, i)] == [0, 12]   # not "tỉnh sơn", "thi đua"


def test_without_a_readable_start_the_first_words_are_the_keys():
    rx = re.compile(r"(?<![\p{L}])(?:Ban X|\p{Lu}\w+ Y)", re.IGNORECASE)
    scan = FirstWordScan(rx, {"ban"}, by_word={"ban": rx})
    assert scan._first is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\u2003\x1c-–—aB.", max_size=8), st.integers(0, 8), st.integers(0, 8))
def test_a_dash_is_tried_only_after_the_white_space(text, cur, end):
    """_generic_end tries ``_DASH`` only where the first character after the
    white space ``_SPACES`` took is a dash: anywhere else it cannot match."""
    cur, end = min(cur, len(text)), min(max(cur, end), len(text))
    m = orgs._SPACES.match(text, cur, end)
    gap_end = m.end() if m else cur
    if orgs._DASH.match(text, cur, end):
        assert gap_end < end and text[gap_end] in orgs._DASHES
