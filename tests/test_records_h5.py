"""Classes of phrasing from the fifth blind set (corpus/heldout5) for the record
extractors: awards, leadership and people.

Each sentence is written for this file, with other provinces, units and
people than the held-out articles, so a test shows the class and not the
article's sentence; defaults are review year 2023, plan year 2024.
"""
from __future__ import annotations

import pytest

from helpers import extract, records
from test_people import rows as people

UB_MERIT = ("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh")


def awards(text: str, review: int | None = 2023, plan: int | None = 2024) -> list[tuple]:
    doc = extract(text, review, plan, components=("orgs", "awards"))
    return records(doc, "awards", "award", "conferrer", "org", "count", "status", "year")


# --- awards: a count followed by the names it counts -----------------------------------

def test_a_count_word_followed_by_exactly_its_names_gives_one_row_each():
    text = ("Khối thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho ba xã "
            "Tân Phú, Phước Long và Hòa Bình vì có thành tích xuất sắc.")
    assert awards(text) == [(*UB_MERIT, "xã Hòa Bình", 1, "recommended", 2023),
                            (*UB_MERIT, "xã Phước Long", 1, "recommended", 2023),
                            (*UB_MERIT, "xã Tân Phú", 1, "recommended", 2023)]


def test_a_count_with_fewer_names_after_it_stays_a_count():
    # "hai đơn vị" then one unit named: the names are not the count's own
    text = "Cụm đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 2 huyện Cẩm Xuyên và các đơn vị khác."
    assert awards(text) == [(*UB_MERIT, "", 2, "recommended", 2023)]


def test_a_count_of_hospitals_or_centres_names_no_one():
    assert awards("Khối đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho bốn bệnh viện.") == [
        (*UB_MERIT, "", 4, "recommended", 2023)]
    assert awards("Khối đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho hai trung tâm.") == [
        (*UB_MERIT, "", 2, "recommended", 2023)]


# --- awards: a conferrer written with "và" inside its name ------------------------------

def test_a_ministry_with_va_in_its_name_is_kept_whole():
    text = ("Dịp này, Sở Xây dựng vinh dự đón nhận Bằng khen của Bộ trưởng Bộ Khoa học và "
            "Công nghệ vì thành tích xuất sắc.")
    by = "Bộ trưởng Bộ Khoa học và Công nghệ"
    assert awards(text) == [(f"Bằng khen của {by}", by, "Sở Xây dựng", 1, "conferred", 2023)]
    text = ("Hội nghị trao Bằng khen của Bộ trưởng Bộ Giáo dục và Đào tạo cho Trường Cao đẳng "
            "Sư phạm Gia Lai.")
    by = "Bộ trưởng Bộ Giáo dục và Đào tạo"
    assert awards(text) == [(f"Bằng khen của {by}", by, "Trường Cao đẳng Sư phạm Gia Lai", 1,
                             "conferred", 2023)]


def test_va_before_another_award_still_ends_the_conferrer():
    text = "Sở Tư pháp nhận Bằng khen của Bộ trưởng Bộ Tư pháp và Cờ thi đua của UBND tỉnh."
    assert awards(text) == [("Bằng khen của Bộ trưởng Bộ Tư pháp", "Bộ trưởng Bộ Tư pháp", "Sở Tư pháp", 1,
                             "conferred", 2023),
                            ("Cờ thi đua của UBND tỉnh", "UBND tỉnh", "Sở Tư pháp", 1, "conferred", 2023)]


# --- leadership ----------------------------------------------------------------------

def leadership(text: str, review: int | None = 2023, plan: int | None = 2024, **fields):
    from pipeline.model import RawArticle
    from pipeline.normalize import normalize
    from pipeline.registry import create
    from pipeline.segment import segment

    doc = segment(normalize(RawArticle(source="t1", article_id="t1", text=text, fmt="jsonl")))
    doc.fields.update(relevant=True, review_year=review, plan_year=plan, **fields)
    for name in ("orgs", "bloc", "leadership", "resolve"):
        doc = create(name)(doc)
    return (records(doc, "leaders", "year", "role", "org"),
            records(doc, "handovers", "role", "year", "from_org", "to_org"))


def test_y_thay_x_lam_role_hands_the_role_from_x_to_y():
    text = ("Hội nghị bầu Ban điều hành khối: Sở Tư pháp giữ vai trò Khối trưởng năm 2024, "
            "Sở Ngoại vụ thay Sở Du lịch làm Khối phó.")
    leaders, handovers = leadership(text)
    assert leaders == [(2023, "deputy", "Sở Du lịch"), (2024, "deputy", "Sở Ngoại vụ"),
                       (2024, "head", "Sở Tư pháp")]
    assert handovers == [("deputy", 2024, "Sở Du lịch", "Sở Ngoại vụ")]


def test_y_thay_cho_x_with_the_outgoing_term_stated_elsewhere():
    text = ("Cụm bầu huyện Kỳ Anh thay cho huyện Hương Khê làm Cụm trưởng năm 2024. "
            "Huyện Hương Khê, đơn vị Cụm trưởng năm 2023, đã hoàn thành tốt nhiệm vụ.")
    leaders, handovers = leadership(text)
    assert (2024, "head", "huyện Kỳ Anh") in leaders and (2023, "head", "huyện Hương Khê") in leaders
    assert handovers == [("head", 2024, "huyện Hương Khê", "huyện Kỳ Anh")]


def test_the_role_after_cung_don_vi_names_no_holder():
    # "cùng đơn vị Khối trưởng": the speaker's unit works with the head, it is not the head
    text = "Giám đốc Sở Công Thương cam kết cùng đơn vị Khối trưởng tổ chức tốt các hoạt động của khối."
    assert leadership(text) == ([], [])


def test_holders_at_an_event_with_no_review_or_plan_year_take_the_event_year():
    text = ("Đoàn kiểm tra do đại diện Cục Thuế tỉnh - đơn vị Khối trưởng dẫn đầu, cùng đại diện "
            "Kho bạc Nhà nước tỉnh, đơn vị Khối phó.")
    leaders, _ = leadership(text, None, None, event_date="2024-10-08", published_date="2024-10-09")
    assert leaders == [(2024, "deputy", "Kho bạc Nhà nước tỉnh"), (2024, "head", "Cục Thuế tỉnh")]
    # no event date read: the publication date's year
    leaders, _ = leadership(text, None, None, event_date=None, published_date="2024-10-09")
    assert leaders == [(2024, "deputy", "Kho bạc Nhà nước tỉnh"), (2024, "head", "Cục Thuế tỉnh")]
    # a reviewed year still wins
    leaders, _ = leadership(text, 2023, None, event_date="2024-01-08")
    assert leaders == [(2023, "deputy", "Kho bạc Nhà nước tỉnh"), (2023, "head", "Cục Thuế tỉnh")]


# --- people ----------------------------------------------------------------------------

@pytest.mark.parametrize("body, expected", [
    # medical degree prefixes, glued with a dot or not, are not part of the name
    ("ThS.BS Đặng Thị Kim Oanh, Giám đốc Bệnh viện Y học cổ truyền phát biểu.",
     ("Đặng Thị Kim Oanh", "Giám đốc Bệnh viện Y học cổ truyền", "Bệnh viện Y học cổ truyền")),
    ("BS.CKII Trịnh Văn Hải, Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh báo cáo.",
     ("Trịnh Văn Hải", "Giám đốc Trung tâm Kiểm soát bệnh tật tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh")),
    ("TS.BS Lâm Quốc Huy, Giám đốc Bệnh viện Nhi phát biểu.",
     ("Lâm Quốc Huy", "Giám đốc Bệnh viện Nhi", "Bệnh viện Nhi")),
    # family names of the northern mountains
    ("Ông Sình Văn Páo, Chủ tịch UBND huyện Mường Khương chủ trì hội nghị.",
     ("Sình Văn Páo", "Chủ tịch UBND huyện Mường Khương", "huyện Mường Khương")),
    ("Phó Chủ tịch UBND huyện Bắc Hà Vừ Seo Phủ phát biểu.",
     ("Vừ Seo Phủ", "Phó Chủ tịch UBND huyện Bắc Hà", "huyện Bắc Hà")),
    # an Ê Đê name whose "H'" is glued to the next syllable, either apostrophe
    ("Tỉnh ủy viên, Giám đốc Sở Y tế H'Luyến Niê phát biểu.",
     ("H'Luyến Niê", "Giám đốc Sở Y tế", "Sở Y tế")),
    ("Bà H’Xuân Mlô, Phó Chủ tịch UBND huyện Krông Pắc phát biểu.",
     ("H’Xuân Mlô", "Phó Chủ tịch UBND huyện Krông Pắc", "huyện Krông Pắc")),
    # a position governed by "(thừa ủy quyền) của" / "thay mặt" is someone else's
    ("Thừa ủy quyền của Chủ tịch UBND tỉnh, Phó Chủ tịch UBND tỉnh Nguyễn Thị Thanh Xuân trao Cờ thi đua.",
     ("Nguyễn Thị Thanh Xuân", "Phó Chủ tịch UBND tỉnh", "UBND tỉnh")),
    ("Thay mặt Bí thư Tỉnh ủy, Phó Bí thư Tỉnh ủy Trần Đình Khoa phát biểu.",
     ("Trần Đình Khoa", "Phó Bí thư Tỉnh ủy", "Tỉnh ủy")),
    # ... but a chain of the person's own positions still gives the first
    ("Tới dự có Bí thư Huyện ủy, Chủ tịch HĐND huyện Phạm Văn Lộc.",
     ("Phạm Văn Lộc", "Bí thư Huyện ủy", "Huyện ủy")),
    # a number after "khu vực" continues the unit
    ("Đại tá Mai Xuân Trường, Chỉ huy trưởng Ban Chỉ huy Phòng thủ khu vực 3 - Lệ Thủy phát biểu.",
     ("Mai Xuân Trường", "Chỉ huy trưởng Ban Chỉ huy Phòng thủ khu vực 3 - Lệ Thủy",
      "Ban Chỉ huy Phòng thủ khu vực 3 - Lệ Thủy")),
])
def test_people_classes(body, expected):
    assert people(body) == [expected]


def test_a_number_after_another_word_still_ends_the_unit():
    assert people("Ông Lò Văn Chiến, Giám đốc Sở Nội vụ 2 lần được khen thưởng.") == [
        ("Lò Văn Chiến", "Giám đốc Sở Nội vụ", "Sở Nội vụ")]
