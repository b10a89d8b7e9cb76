"""Article fields missed in held-out set 5, as classes of phrasing (crafted texts).

Outlet codes before the lead, bylines at the top and with a collaborator's
note, a lead without a date followed by a sentence restating the meeting
with it, a bloc activity of no named type as the reported event, member
counts in number words above ten and before a colon list.
"""
from __future__ import annotations

import pytest

from helpers import extract
from pipeline.extractors.metadata import parse_byline
from pipeline.model import RawArticle
from pipeline.normalize import normalize
from pipeline.registry import create
from pipeline.run import Pipeline
from pipeline.segment import segment

LEAD = ("Cụm thi đua số 4 gồm các huyện Mường Khương, Si Ma Cai và Bắc Hà tổ chức hội nghị "
        "tổng kết công tác thi đua, khen thưởng năm 2023, triển khai nhiệm vụ năm 2024.")


def meta(text: str, fmt: str = "txt", **raw):
    doc = segment(normalize(RawArticle("t", "t", text, fmt=fmt, **raw)))
    return create("metadata")(doc)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["metadata", "relevance", "dates"])


def run(pipe: Pipeline, body: str, title: str = "Cụm thi đua số 4 tổng kết năm 2023",
        published=None):
    doc = pipe(RawArticle(source="t.txt", article_id="t", text=f"{title}\n\n{body}\n",
                          published=published))
    assert not hasattr(doc, "error"), doc
    return doc


# -- outlet codes (gazetteers/outlets.csv) ----------------------------------------------

@pytest.mark.parametrize("code, outlet", [
    ("LCĐT -", "Báo Lào Cai"),
    ("(BQN) -", "Báo Quảng Ninh"),
])
def test_outlet_code_heading_the_lead(code, outlet):
    doc = meta(f"Tiêu đề\n\n{code} {LEAD}\n\nPHƯƠNG THẢO")
    assert doc.fields["outlet"] == outlet


# -- bylines ---------------------------------------------------------------------------

@pytest.mark.parametrize("line, name", [
    ("Lê Hòa (CTV)", "Lê Hòa"),
    ("ĐỨC TOÀN (CTV)", "Đức Toàn"),
    ("Thanh Hương (cộng tác viên)", "Thanh Hương"),
    ("Tin, ảnh: Bảo Ngọc (CTV)", "Bảo Ngọc"),
    ("Hải Đăng ( CTV )", "Hải Đăng"),
])
def test_a_collaborators_note_is_dropped(line, name):
    assert parse_byline(line) == name


@pytest.mark.parametrize("line", ["Hải Đăng (TTXVN)", "Hải Đăng (Phú Thọ)", "(CTV)"])
def test_other_notes_in_brackets_are_no_byline(line):
    assert parse_byline(line) is None


def test_a_collaborators_byline_closing_the_story():
    doc = meta(f"Tiêu đề\n\n{LEAD}\n\nMinh Khuê (CTV)")
    assert doc.fields["byline"] == "Minh Khuê"


def test_two_authors_on_their_own_line_at_the_top_after_the_date_line():
    doc = meta(f"Tiêu đề\n\nThứ Năm, 14/03/2024 - 08:30\n\nThu Trang - Đình Phúc\n\n{LEAD}\n\n"
               "Các địa phương trong cụm hoàn thành tốt nhiệm vụ.")
    assert doc.fields["byline"] == "Thu Trang - Đình Phúc"
    s = doc.ctx["byline_spans"][0]
    assert doc.text[s.start:s.end] == "Thu Trang - Đình Phúc"


def test_an_upper_case_first_line_of_a_feed_text_is_the_byline():
    doc = meta(f"HOÀNG MINH\n\n(BGĐT) {LEAD}\n\nCác địa phương trong cụm hoàn thành tốt nhiệm vụ.",
               fmt="jsonl")
    assert doc.fields["byline"] == "Hoàng Minh"
    assert doc.fields["outlet"] == "Báo Bắc Giang"


def test_the_closing_byline_is_kept_when_the_top_has_a_name_line_too():
    doc = meta(f"Tiêu đề\n\nThu Trang\n\n{LEAD}\n\nKIM OANH")
    assert doc.fields["byline"] == "Kim Oanh"


def test_a_top_name_line_not_followed_by_a_lead_is_no_byline():
    # a short line after it: a heading, a crumb, not an author over the lead
    doc = meta(f"Tiêu đề\n\nThu Trang\n\nTin vắn\n\n{LEAD}\n\nCác địa phương trong cụm hoàn thành.")
    assert doc.fields["byline"] is None


def test_a_top_line_after_the_lead_is_no_byline():
    doc = meta(f"Tiêu đề\n\n{LEAD}\n\nThu Trang\n\n{LEAD}\n\nCác địa phương trong cụm hoàn thành.")
    assert doc.fields["byline"] is None


