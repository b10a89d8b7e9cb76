"""Metadata extractor: title, outlet, byline, publication date, credit spans."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex as re

from pipeline.extractors.metadata import (doc_lines, find_title, is_dateline, lines, parse_byline,
                                          parse_meta_date, title_case)
from pipeline.model import Doc, RawArticle
from pipeline.normalize import fold, normalize
from pipeline.read import iter_articles
from pipeline.registry import create
from pipeline.segment import segment

from helpers import field_f1

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def meta(text: str, fmt: str = "txt", **raw) -> "Doc":  # noqa: F821
    doc = segment(normalize(RawArticle("t", "t", text, fmt=fmt, **raw)))
    return create("metadata")(doc)


# -- lines -----------------------------------------------------------------------

def _lines_by_regex(text: str, start: int = 0) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[start:]):
        raw = m.group(0)
        if raw.strip():
            s = start + m.start() + len(raw) - len(raw.lstrip())
            out.append((s, s + len(raw.strip()), raw.strip()))
    return out


@pytest.mark.parametrize("text", ["", "\n", "a", " Tiêu đề \n\n  Thân bài.\t\n\x1cTác giả\u00a0 ",
                                  "x\n \ny \n", "Tiêu đề\nBài\n"])
def test_lines_and_doc_lines_from_every_start(text):
    for start in range(len(text) + 2):
        assert lines(text, start) == _lines_by_regex(text, start), start
        doc = Doc("t", "t", text)
        doc_lines(doc)                             # the whole text's lines first
        assert doc_lines(doc, start) == _lines_by_regex(text, start), start
        assert doc_lines(Doc("t", "t", text), start) == _lines_by_regex(text, start), start


def test_metadata_leaves_no_line_cache():
    assert "_lines" not in meta("Tiêu đề\n\nThân bài.\nTHANH TÂM").ctx


@pytest.mark.parametrize("line, iso", [
    ("Cập nhật ngày: 31/01/2023 - 09:24", "2023-01-31"),
    ("Thứ Hai, 16/12/2024 - 19:05", "2024-12-16"),
    ("Thứ Sáu, 27/12/2019 | 08:12", "2019-12-27"),
    ("15:47 | 15/07/2021", "2021-07-15"),
    ("Cập nhật lúc 16:05 ngày 08/01/2021", "2021-01-08"),
    ("Thứ Năm, 21/12/2023, 16:48 (GMT+7)", "2023-12-21"),
    ("Đăng lúc: 26/12/2014 18:32", "2014-12-26"),
    ("Ngày đăng: 20/10/2017", "2017-10-20"),
    ("27/07/2023 20:15", "2023-07-27"),
])
def test_datelines(line, iso):
    assert is_dateline(line) == iso


@pytest.mark.parametrize("line", [
    "Ngày 22/11/2014, Khối thi đua các cơ quan Nội chính tỉnh tổ chức hội nghị.",
    "(1992 - 2017)", "Chiều 20.12, Khối thi đua Nội chính", "từ 1/1/2020 đến 31/12/2020",
])
def test_sentences_with_dates_are_not_datelines(line):
    assert is_dateline(line) is None


def test_meta_dates():
    assert parse_meta_date("2019-01-10T11:32:00+07:00") == "2019-01-10"
    assert parse_meta_date("2016-12-23 14:05") == "2016-12-23"
    assert parse_meta_date("23/12/2016") == "2016-12-23"
    assert parse_meta_date("tháng 12") is None and parse_meta_date(None) is None


@pytest.mark.parametrize("line, name", [
    ("MỸ LINH", "Mỹ Linh"), ("Tin, ảnh: MY LY", "My Ly"), ("Bài, ảnh: NGUYỄN TRÍ", "Nguyễn Trí"),
    ("Thu Hà - Ngọc Anh", "Thu Hà - Ngọc Anh"), ("Lò Hương", "Lò Hương"), ("VINH ANH", "Vinh Anh"),
])
def test_bylines(line, name):
    assert parse_byline(line) == name


@pytest.mark.parametrize("line", [
    "Ảnh: M.L", "Báo Kiên Giang", "BÁO SÓC TRĂNG ONLINE", "Lãnh đạo các cơ quan ký giao ước thi đua năm 2026.",
    "Toàn cảnh hội nghị", "Quảng Nam", "TAGS", "Ý kiến bạn đọc", "Cơ quan của Đảng bộ tỉnh Hải Dương",
])
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_title_case_keeps_mixed_case():
    assert title_case("NGUYỄN THỊ ÁNH") == "Nguyễn Thị Ánh" and title_case("A Khoa") == "A Khoa"


# -- whole articles ----------------------------------------------------------------

def test_code_headed_article_with_top_byline_and_credit():
    text = ("Văn phòng Tỉnh ủy được đề nghị tặng Cờ thi đua\n\nMỸ LINH |\n\n"
            "(QNO) - Chiều nay 1.3, Khối thi đua họp.\n\nToàn cảnh hội nghị. Ảnh: M.L\n")
    d = meta(text)
    assert d.fields["outlet"] == "Báo Quảng Nam" and d.fields["byline"] == "Mỹ Linh"
    assert d.fields["published_date"] is None
    (credit,) = d.ctx["credit_spans"]
    assert d.text[credit.start:credit.end] == "Ảnh: M.L"
    (by,) = d.ctx["byline_spans"]
    assert d.text[by.start:by.end] == "MỸ LINH |"


def test_footer_brand_and_end_byline():
    d = meta("Khối thi đua sơ kết\n\n27/07/2023 20:15\n\nChiều 27/7, khối họp.\n\n"
             "HẠNH NGÂN\n\n© Báo Khánh Hòa điện tử\n")
    assert (d.fields["outlet"], d.fields["byline"], d.fields["published_date"]) == \
        ("Báo Khánh Hòa", "Hạnh Ngân", "2023-07-27")
    assert d.ctx["outlet_province"].short == "Khánh Hòa"


def test_member_newspaper_is_not_the_outlet():
    d = meta("Khối thi đua ký kết\n\nSáng 12/9, khối gồm Sở Y tế và Báo Đồng Nai.\n\nBáo Đồng Nai là khối phó.\n\nMai Phương\n")
    assert d.fields["outlet"] is None and d.fields["byline"] == "Mai Phương"


def test_breadcrumb_titles():
    d = meta("Trang chủChính TrịKhối thi đua các cơ quan Đảng tổng kết năm 2022\n\n"
             "  Khối thi đua các cơ quan Đảng tổng kết năm 2022\n\n  Chiều nay 2.2, khối họp.\n")
    assert d.fields["title"] == "Khối thi đua các cơ quan Đảng tổng kết năm 2022"
    assert d.text[d.body_start:].strip().startswith("Chiều nay")
    d = meta("Trang chủ > Kinh tế > Doanh nghiệp\n\nKhối thi đua Doanh nghiệp ký kết năm 2022\n\nSáng 5/1, khối họp.\n")
    assert d.fields["title"] == "Khối thi đua Doanh nghiệp ký kết năm 2022"
    assert d.text[d.body_start:].strip().startswith("Sáng 5/1")


def test_jsonl_and_html_meta():
    d = meta("(Baonghean.vn) - Sáng 23/12, khối họp.\n\nThanh Lê\n", fmt="jsonl",
             title="Khối thi đua số 6 tổng kết", published="2016-12-23 14:05")
    assert (d.fields["title"], d.fields["outlet"], d.fields["byline"], d.fields["published_date"]) == \
        ("Khối thi đua số 6 tổng kết", "Báo Nghệ An", "Thanh Lê", "2016-12-23")
    d = meta("Khối họp.\n(HBĐT) - Sáng qua, khối họp.", fmt="html", title="Khối họp.",
             published="2019-12-27", author="Thu Trang")
    assert (d.fields["outlet"], d.fields["byline"], d.fields["published_date"]) == \
        ("Báo Hòa Bình", "Thu Trang", "2019-12-27")


# -- the corpus --------------------------------------------------------------------

# Measured on corpus/ (all gold articles: dev and seeds); regression floors.
FLOORS = {"outlet": 1.0, "byline": 1.0, "published_date": 1.0}


@pytest.fixture(scope="module")
def corpus_docs():
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8"))["article"]
            for p in (CORPUS / "gold").glob("*.json")}
    comp = create("metadata")
    return [(comp(segment(normalize(raw))), gold.get(raw.article_id))
            for raw in iter_articles([CORPUS])]




@pytest.mark.parametrize("field", sorted(FLOORS))
def test_corpus_fields(corpus_docs, field):
    pairs = [(d.fields.get(field) or "", g.get(field) or "") for d, g in corpus_docs if g]
    assert len(pairs) == len(list((CORPUS / "gold").glob("*.json")))
    assert field_f1(pairs) >= FLOORS[field]


def test_corpus_titles_are_headlines(corpus_docs):
    for d, _ in corpus_docs:
        t = d.fields["title"]
        assert t and not fold(t).startswith("trang chủ") and "\n" not in t, d.article_id


def test_seed_articles(corpus_docs):
    seeds = {d.article_id[:3]: d.fields for d, _ in corpus_docs if d.article_id[0].isdigit()}
    assert (seeds["000"]["outlet"], seeds["000"]["byline"]) == ("Báo Quảng Nam", "Mỹ Linh")
    assert (seeds["002"]["outlet"], seeds["002"]["byline"]) == ("Báo Hà Giang", "My Ly")
    assert (seeds["004"]["outlet"], seeds["004"]["published_date"]) == ("Báo Tây Ninh", "2023-01-31")
    assert seeds["003"]["outlet"] is None       # Báo Ninh Thuận is only a member
    assert seeds["001"]["title"].startswith("Khối thi đua các cơ quan công tác Đảng")


def test_no_title_left_for_title_function():
    # find_title is idempotent on a plain .txt headline.
    d = segment(normalize(RawArticle("t", "t", "Tiêu đề bài báo\nNội dung.")))
    assert find_title(d) == "Tiêu đề bài báo"


def test_page_title_brand_suffix():
    d = meta("Khối họp.\nSáng 16/12, khối họp.", fmt="html",
             title="Khối thi đua các cơ quan Đảng tỉnh tổng kết năm 2024 - Báo Quảng Ngãi")
    assert d.fields["title"] == "Khối thi đua các cơ quan Đảng tỉnh tổng kết năm 2024"
    assert d.fields["outlet"] == "Báo Quảng Ngãi"
    d = meta("Khối họp.\nSáng 16/12, khối họp.", fmt="html", title="Khối thi đua Văn hóa - Xã hội họp")
    assert d.fields["title"] == "Khối thi đua Văn hóa - Xã hội họp" and d.fields["outlet"] is None
