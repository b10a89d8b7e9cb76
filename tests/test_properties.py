"""Property tests against the real extractors.

1. No component raises on arbitrary text, and every record it adds points at
   its mention (``text[start:end] == mention``) in the working text.
2. No pattern is catastrophically slow: 1 MB of adversarial text (repeated
   punctuation, capitalised names, digits) goes through every component in a
   few seconds.

Failures name the component and the input; they are the owning extractor's
to fix.
"""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import RECORD_TABLES, RawArticle
from pipeline.normalize import normalize
from pipeline.registry import DEFAULT_PIPELINE, create
from pipeline.run import ArticleTimeout, _time_limit, finalize
from pipeline.segment import segment

COMPONENTS = [(n, create(n)) for n in DEFAULT_PIPELINE]
HEADLINE = "Khối thi đua các cơ quan Đảng tỉnh tổng kết công tác thi đua năm 2023\n"

# Fragments of the press's phrasing, so random text reaches the extractors' rules.
FRAGMENTS = [
    "Khối thi đua", "Cụm thi đua số 2", "khối giao ước thi đua", "Trưởng khối", "Khối phó",
    "cụm trưởng", "năm 2023", "năm 2024", "Sáng 5.1", "Chiều nay 19.12", "ngày 22/11/2014",
    "14-1", "tháng 10/2018", "(1831 - 2021)", "Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh uỷ",
    "Ban Tuyên giáo", "Sở Y tế", "các sở: Nội vụ; Tài chính", "UBND huyện Trần Văn Thời",
    "Công an tỉnh Quảng Nam", "Báo Quảng Nam", "(QNO) -", "BHG -", "MỸ LINH |", "Ảnh: M.L",
    "Tin, ảnh: MY LY", "đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh", "bà Lê Thị Bình",
    "Đại tá Phạm Đức Anh", "bàn giao Cờ trưởng khối", "suy tôn", "đề nghị tặng",
    "Cờ thi đua của Chính phủ", "Bằng khen của Thủ tướng Chính phủ", "Huân chương Lao động hạng Ba",
    "Tập thể lao động xuất sắc", "gồm 8 thành viên", "02 đơn vị", "ba đơn vị", "17/20",
    "2.134/2.290", "BÌNH LUẬN", "ĐỌC NHIỀU", "TAGS:", "Trang chủ > Chính trị", ",", ".", ";",
    ":", "-", "–", "(", ")", "\"", "\n", "\n\n", "\r\n", " ", "  ", "…",
]
text_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60
).map("".join)


def run_components(raw: RawArticle, force_relevant: bool = True) -> dict[str, float]:
    """Every component in order, checked; returns seconds per stage."""
    times: dict[str, float] = {}
    t = time.perf_counter()
    doc = segment(normalize(raw))
    times["normalize+segment"] = time.perf_counter() - t
    for name, comp in COMPONENTS:
        t = time.perf_counter()
        try:
            doc = comp(doc)
        except Exception as exc:
            raise AssertionError(f"component {name!r} raised {type(exc).__name__}: {exc} "
                                 f"on {raw.text[:300]!r}") from exc
        times[name] = time.perf_counter() - t
        if name == "relevance" and force_relevant:
            doc.fields["relevant"] = True   # make the record extractors run on anything
        for table in RECORD_TABLES:
            for r in doc.records.get(table, []):
                s, e = r.get("start"), r.get("end")
                assert isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(doc.text), \
                    f"{name}: {table} record with bad offsets {r} on {raw.text[:300]!r}"
                if "mention" in r:
                    assert doc.text[s:e] == r["mention"], \
                        f"{name}: {table} mention {r['mention']!r} != text[{s}:{e}] {doc.text[s:e]!r}"
    finalize(doc)
    return times


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=text_strategy, title=st.one_of(st.none(), text_strategy))
def test_no_component_raises_and_offsets_are_valid(body, title):
    run_components(RawArticle(source="prop", article_id="p", text=body, title=title,
                              fmt="jsonl" if title is not None else "txt"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=text_strategy)
def test_relevant_headline_then_anything(body):
    run_components(RawArticle(source="prop", article_id="p", text=HEADLINE + body),
                   force_relevant=False)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=text_strategy)
def test_sentence_gates_only_skip_work(body):
    """A cheap gate may say "nothing here" only where the full reader finds nothing."""
    from pipeline.extractors.people import _read_people, may_name_a_person

    doc = segment(normalize(RawArticle(source="prop", article_id="p", text=body, fmt="jsonl")))
    for s in doc.sentences:
        if not may_name_a_person(doc.text, s.start, s.end):
            assert _read_people(doc.text, s, ()) == [], doc.sentence_text(s)


MB = 1_000_000
ADVERSARIAL = {
    "punctuation": (".,;:!?-–()\"'…/ " * (MB // 15))[:MB],
    "capitalised_names": ("Nguyễn Văn An Trần Thị Bình Lê Hoàng Cường Phạm Minh Đức "
                          * (MB // 56))[:MB],
    "digits": ("1.3 12/12/2023 2.134/2.290 14-1-2020 (1831 - 2021) 02 17/20 "
               * (MB // 60))[:MB],
}
LIMIT_S = 10.0  # "a few seconds" on a loaded 2-core machine


@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_adversarial_megabyte_is_fast(kind):
    raw = RawArticle(source="adv", article_id=kind, text=HEADLINE + ADVERSARIAL[kind])
    t0 = time.perf_counter()
    try:
        with _time_limit(30):
            times = run_components(raw)
    except ArticleTimeout:
        pytest.fail(f"{kind}: still running after 30 s (catastrophic pattern?)")
    total = time.perf_counter() - t0
    slow = ", ".join(f"{k} {v:.2f}s" for k, v in sorted(times.items(), key=lambda kv: -kv[1])[:3])
    assert total < LIMIT_S, f"{kind}: 1 MB took {total:.1f} s (slowest: {slow})"
