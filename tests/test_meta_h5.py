"""Article fields missed in held-out set 5, as classes of phrasing (crafted texts).

Outlet codes before the lead, bylines at the top and with a collaborator's
note, a lead without a date followed by a sentence restating the meeting
with it, a bloc activity of no named type as the reported event, member
counts in number words above ten and before a colon list.
"""
from __future__ import annotations

import pytest

from helpers import extract
from pipeline.dates_lib import restates_meeting
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
    # the author's office or agency: the author is still the name
    ("Hải Đăng (TTXVN)", "Hải Đăng"),
    ("Bảo Ngọc (Cục THADS tỉnh Hà Tĩnh)", "Bảo Ngọc"),
    ("MINH ANH - THU HÀ (Trung tâm Văn hóa tỉnh)", "Minh Anh - Thu Hà"),
])
def test_a_note_after_the_name_is_dropped(line, name):
    assert parse_byline(line) == name


@pytest.mark.parametrize("line", ["(CTV)", "Hội nghị tổng kết (ảnh)", "Khối thi đua số 2 (Sở Tư pháp)",
                                  "Hải Đăng (TTXVN) (CTV) ()"])
def test_a_note_does_not_make_a_byline(line):
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


# -- a lead without a date, the next sentence restating the meeting with it ------------

@pytest.mark.parametrize("before, ok", [
    ("Hội nghị được tổ chức", True),
    ("Hội nghị diễn ra vào", True),
    ("Buổi lễ đã được tổ chức", True),
    ("Lễ ra mắt", False),
    ("Hội nghị đã thông qua kế hoạch đến", False),
    ("Trước đó, hội nghị được tổ chức", False),
])
def test_what_restates_the_meeting_before_its_date(before, ok):
    assert restates_meeting(before) is ok


@pytest.mark.parametrize("second, date", [
    ("Hội nghị được tổ chức ngày 20 tháng 12 tại huyện Si Ma Cai.", "2023-12-20"),
    ("Hội nghị diễn ra vào sáng 21/12 tại Trung tâm Hội nghị huyện Bắc Hà.", "2023-12-21"),
    ("Buổi lễ được tổ chức chiều 19-12 tại huyện Mường Khương.", "2023-12-19"),
])
def test_the_date_of_a_sentence_restating_a_dateless_lead(pipe, second, date):
    body = ("BGĐT - Cụm thi đua số 4 gồm các huyện Mường Khương, Si Ma Cai và Bắc Hà vừa tổ chức "
            "hội nghị tổng kết công tác thi đua, khen thưởng năm 2023, triển khai nhiệm vụ năm 2024.\n\n"
            f"{second} Dự hội nghị có lãnh đạo Ban Thi đua - Khen thưởng tỉnh.")
    doc = run(pipe, body, published="2023-12-26")
    assert doc.fields["event_date"] == date
    assert doc.fields["event_types"] == ["annual_review"]


@pytest.mark.parametrize("second", [
    # a date that is not the meeting's
    "Hội nghị đã thông qua kế hoạch hoàn thành hồ sơ trước ngày 25/12.",
    "Năm 2023, cụm đã tổ chức ngày hội văn hóa ngày 10 tháng 9 tại huyện Bắc Hà.",
    # the restating sentence is not the one right after the lead
    "Các huyện hoàn thành 45/48 chỉ tiêu. Hội nghị được tổ chức ngày 20 tháng 12 tại Bắc Hà.",
])
def test_no_event_date_from_other_dates_after_a_dateless_lead(pipe, second):
    body = ("BGĐT - Cụm thi đua số 4 gồm các huyện Mường Khương, Si Ma Cai và Bắc Hà vừa tổ chức "
            "hội nghị tổng kết công tác thi đua, khen thưởng năm 2023, triển khai nhiệm vụ năm 2024.\n\n"
            f"{second}")
    doc = run(pipe, body, published="2023-12-26")
    assert doc.fields["event_date"] is None


def test_a_dated_lead_keeps_its_own_date(pipe):
    body = ("Sáng 18/12, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác thi đua năm 2023.\n\n"
            "Hội nghị được tổ chức ngày 20 tháng 12 tại huyện Si Ma Cai.")
    assert run(pipe, body, published="2023-12-26").fields["event_date"] == "2023-12-18"


# -- a bloc activity of no named type as the reported event (dev call 9) ---------------

@pytest.mark.parametrize("act", ["kiểm tra chéo kết quả thực hiện phong trào thi đua",
                                 "giao lưu thể thao tại Nhà thi đấu tỉnh",
                                 "tham quan, học tập kinh nghiệm tại tỉnh Lâm Đồng"])
def test_the_blocs_own_activity_without_a_meeting_word_is_other(pipe, act):
    body = (f"(GLO) - Chiều 12-6, đoàn công tác của Cụm thi đua các huyện phía Tây tỉnh Gia Lai "
            f"đã {act}.\n\nĐoàn làm việc tại các huyện Chư Prông và Đức Cơ.")
    doc = run(pipe, body, title="Cụm thi đua các huyện phía Tây", published="2024-06-13")
    assert doc.fields["event_types"] == ["other"]
    assert doc.fields["event_date"] == "2024-06-12"
    assert doc.fields["review_year"] is None and doc.fields["plan_year"] is None


def test_an_inspection_mentioned_in_a_review_report_is_no_event(pipe):
    body = ("(GLO) - Chiều 20-12, Cụm thi đua các huyện phía Tây tỉnh Gia Lai tổ chức hội nghị "
            "tổng kết công tác thi đua năm 2024.\n\n"
            "Ngày 5-11, đoàn công tác của Cụm thi đua các huyện phía Tây đã kiểm tra chéo "
            "tại các huyện Chư Prông và Đức Cơ.")
    doc = run(pipe, body, title="Cụm thi đua các huyện phía Tây tổng kết", published="2024-12-21")
    assert doc.fields["event_types"] == ["annual_review"]
    assert doc.fields["event_date"] == "2024-12-20"


def test_an_inspection_sentence_without_the_bloc_or_a_date_is_no_event(pipe):
    body = ("Đoàn công tác đã kiểm tra chéo kết quả thi đua tại huyện Chư Prông.\n\n"
            "Cụm thi đua các huyện phía Tây có 5 huyện.")
    doc = run(pipe, body, title="Kiểm tra chéo", published="2024-06-13")
    assert doc.fields["event_date"] is None and doc.fields["event_types"] is None


@pytest.mark.parametrize("plan", ["sẽ kiểm tra chéo tại các huyện vào tháng 12",
                                  "thống nhất kế hoạch kiểm tra chéo tại các huyện",
                                  "đề nghị các huyện chuẩn bị hồ sơ để kiểm tra chéo"])
def test_an_activity_planned_or_requested_is_no_event(pipe, plan):
    body = (f"(GLO) - Chiều 12-6, lãnh đạo Cụm thi đua các huyện phía Tây tỉnh Gia Lai {plan}.\n\n"
            "Các huyện trong cụm hoàn thành tốt nhiệm vụ.")
    doc = run(pipe, body, title="Cụm thi đua các huyện phía Tây", published="2024-06-13")
    assert doc.fields["event_date"] is None and doc.fields["event_types"] is None


# -- member counts ---------------------------------------------------------------------

BLOC_ONLY = ("orgs", "bloc")


@pytest.mark.parametrize("text, count", [
    ("Khối có mười hai đơn vị, trong đó có Sở Tài chính và Sở Nội vụ.", 12),
    ("Cụm hiện có mười lăm xã: Tân Hòa, Tân Lập, Tân Phú và các xã khác.", 15),
    ("Khối gồm mười chín cơ quan, đơn vị.", 19),
    ("Cụm gồm hai mươi xã, phường.", 20),
    ("Sau khi sắp xếp, cụm được kiện toàn với 7 đơn vị: huyện Chư Prông, huyện Đức Cơ, "
     "huyện Ia Grai, huyện Chư Păh, huyện Mang Yang, huyện Kông Chro và thị xã Ayun Pa.", 7),
    ("Khối thi đua các cơ quan Đảng với 5 cơ quan: Ban Tổ chức Tỉnh ủy, Ban Tuyên giáo Tỉnh ủy, "
     "Ủy ban Kiểm tra Tỉnh ủy, Văn phòng Tỉnh ủy và Báo Gia Lai.", 5),
    # distractors: a colon list that does not follow the bloc, recipients, a span of years
    ("Hội nghị đề nghị tặng Bằng khen cho 3 đơn vị: huyện Chư Prông, huyện Đức Cơ và huyện Ia Grai.",
     None),
    ("Tỉnh đã chọn 4 đơn vị: Sở Tài chính, Sở Nội vụ, Sở Y tế và Sở Xây dựng làm điểm.", None),
    ("Khối đã tổ chức mười năm hoạt động.", None),
])
def test_member_count_classes(text, count):
    assert extract(text, components=BLOC_ONLY).fields["member_count"] == count
