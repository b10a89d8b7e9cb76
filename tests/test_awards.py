"""The "awards" component on crafted sentences: canonical award, conferrer,
recipients or a count, status and year (SPEC "awards.csv", dev README call 5).

Each sentence is written for this file, with units and word orders the
corpus does not use; the defaults are review year 2023, plan year 2024.
"""
from __future__ import annotations

import pytest

from helpers import extract, records

CHAIN = ("orgs", "awards")


def awards(text: str, review: int | None = 2023, plan: int | None = 2024) -> list[tuple]:
    doc = extract(text, review, plan, components=CHAIN)
    return records(doc, "awards", "award", "conferrer", "org", "count", "status", "year")


CP_FLAG = ("Cờ thi đua của Chính phủ", "Chính phủ")
UB_FLAG = ("Cờ thi đua của UBND tỉnh", "UBND tỉnh")
TTG_MERIT = ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ")
UB_MERIT = ("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh")


# --- each canonical award ------------------------------------------------------------

@pytest.mark.parametrize("text, award, org", [
    # the government's flag, proposed through the province and the Prime Minister
    ("Khối thống nhất đề nghị UBND tỉnh trình Thủ tướng Chính phủ tặng Cờ thi đua cho Cục Hải quan tỉnh.",
     CP_FLAG, "Cục Hải quan tỉnh"),
    ("Hội nghị thống nhất đề nghị Chính phủ tặng Cờ thi đua cho Sở Khoa học và Công nghệ.",
     CP_FLAG, "Sở Khoa học và Công nghệ"),
    # the province's flag in its other names
    ("Hội nghị suy tôn Sở Y tế là đơn vị dẫn đầu, đề nghị UBND tỉnh tặng cờ dẫn đầu khối.",
     UB_FLAG, "Sở Y tế"),
    ("Khối đề nghị UBND tỉnh tặng Cờ thi đua xuất sắc cho Sở Du lịch.", UB_FLAG, "Sở Du lịch"),
    ("Hội nghị đề nghị Chủ tịch UBND tỉnh tặng Cờ thi đua cho Sở Xây dựng.", UB_FLAG, "Sở Xây dựng"),
    # Prime Minister's certificate, recipients before the verb
    ("Sở Tư pháp được đề nghị Thủ tướng Chính phủ tặng Bằng khen.", TTG_MERIT, "Sở Tư pháp"),
    # the chairman's certificate with the conferrer left implicit
    ("Khối đề nghị tặng Bằng khen cho Sở Ngoại vụ.", UB_MERIT, "Sở Ngoại vụ"),
    ("Khối đề nghị UBND tỉnh tặng Bằng khen cho Sở Ngoại vụ.", UB_MERIT, "Sở Ngoại vụ"),
])
def test_canonical_recommended_awards(text, award, org):
    assert awards(text) == [(*award, org, 1, "recommended", 2023)]


def test_the_provincial_flag_conferred_at_the_event():
    text = ('Tại hội nghị, lãnh đạo UBND tỉnh trao Cờ "Đơn vị dẫn đầu phong trào thi đua" '
            "cho Sở Tài nguyên và Môi trường.")
    assert awards(text) == [(*UB_FLAG, "Sở Tài nguyên và Môi trường", 1, "conferred", 2023)]


def test_a_conferrer_named_after_the_award_phrase():
    assert awards("Hội nghị trao Bằng khen của Thủ tướng Chính phủ cho Viễn thông Lào Cai.") == [
        (*TTG_MERIT, "Viễn thông Lào Cai", 1, "conferred", 2023)]


@pytest.mark.parametrize("text, award, year", [
    ("Nhân dịp này, Kho bạc Nhà nước tỉnh vinh dự đón nhận Huân chương Lao động hạng Ba "
     "vì thành tích giai đoạn 2016 - 2020.", "Huân chương Lao động hạng Ba", None),
    ("Kho bạc Nhà nước tỉnh được tặng Huân chương Lao động hạng Nhất vì thành tích "
     "từ năm 2017 đến năm 2021.", "Huân chương Lao động hạng Nhất", None),
    ("Kho bạc Nhà nước tỉnh đón nhận Huân chương Lao động hạng II.", "Huân chương Lao động hạng Nhì", 2023),
])
def test_labour_orders_are_the_presidents_and_a_period_has_no_year(text, award, year):
    assert awards(text) == [(award, "Chủ tịch nước", "Kho bạc Nhà nước tỉnh", 1, "conferred", year)]


def test_collective_title_with_and_without_a_conferrer():
    assert awards("Khối đề nghị công nhận danh hiệu Tập thể lao động xuất sắc cho Sở Tài chính "
                  "và Sở Công Thương.") == [
        ("Tập thể lao động xuất sắc", "", "Sở Công Thương", 1, "recommended", 2023),
        ("Tập thể lao động xuất sắc", "", "Sở Tài chính", 1, "recommended", 2023)]
    assert awards("Khối đề nghị Chủ tịch UBND tỉnh công nhận danh hiệu Tập thể lao động xuất sắc "
                  "năm 2022 cho Cục Thống kê tỉnh.") == [
        ("Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh", "Cục Thống kê tỉnh", 1, "recommended", 2022)]


@pytest.mark.parametrize("text, award, conferrer", [
    ("Dịp này, Sở Y tế nhận Cờ thi đua của Bộ Y tế.", "Cờ thi đua của Bộ Y tế", "Bộ Y tế"),
    ("Dịp này, Sở Y tế đón nhận Cờ thi đua của Ủy ban Trung ương MTTQ Việt Nam.",
     "Cờ thi đua của Ủy ban Trung ương MTTQ Việt Nam", "Ủy ban Trung ương MTTQ Việt Nam"),
    ("Dịp này, Sở Y tế đón nhận Bằng khen của Bộ trưởng Bộ Nội vụ.",
     "Bằng khen của Bộ trưởng Bộ Nội vụ", "Bộ trưởng Bộ Nội vụ"),
])
def test_an_award_of_another_conferrer_is_kept_as_written(text, award, conferrer):
    assert awards(text) == [(award, conferrer, "Sở Y tế", 1, "conferred", 2023)]


def test_an_authority_before_the_verb_is_the_conferrer():
    assert awards("Ban Thường vụ Tỉnh ủy tặng Bằng khen cho Ban Dân vận Tỉnh ủy.") == [
        ("Bằng khen của Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "Ban Dân vận Tỉnh ủy",
         1, "conferred", 2023)]


@pytest.mark.parametrize("text, award, conferrer", [
    # a unit that is no award-giving authority in the gazetteer
    ("Dịp này, Đảng ủy Khối các cơ quan tỉnh đã trao tặng Cờ thi đua cho Sở Y tế.",
     "Cờ thi đua của Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối các cơ quan tỉnh"),
    ("Dịp này, Liên đoàn Lao động tỉnh tặng Giấy khen cho Sở Y tế.", "Giấy khen", "Liên đoàn Lao động tỉnh"),
    # a known authority before the verb still takes its canonical award
    ("Dịp này, UBND tỉnh tặng Cờ thi đua cho Sở Y tế.", *UB_FLAG),
    # a unit that ends a person's position is not the giver
    ("Dịp này, Phó Trưởng Ban Dân vận Tỉnh ủy tặng Bằng khen cho Sở Y tế.", *UB_MERIT),
])
def test_the_unit_right_before_the_giving_verb_is_the_conferrer(text, award, conferrer):
    assert awards(text) == [(award, conferrer, "Sở Y tế", 1, "conferred", 2023)]


def test_the_giver_is_not_a_recipient():
    assert awards("Liên đoàn Lao động tỉnh tặng Giấy khen.") == []


# --- recipients and counts -----------------------------------------------------------------

def test_several_recipients_after_cho_and_two_awards_in_one_sentence():
    assert awards("Khối đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Xây dựng; tặng Bằng khen cho "
                  "Sở Du lịch, Sở Ngoại vụ.") == [
        (*UB_MERIT, "Sở Du lịch", 1, "recommended", 2023),
        (*UB_MERIT, "Sở Ngoại vụ", 1, "recommended", 2023),
        (*UB_FLAG, "Sở Xây dựng", 1, "recommended", 2023)]


def test_recipients_before_duoc_de_nghi():
    assert awards("Bảo hiểm xã hội tỉnh và Cục Thống kê tỉnh được đề nghị Thủ tướng Chính phủ "
                  "tặng Bằng khen.") == [
        (*TTG_MERIT, "Bảo hiểm xã hội tỉnh", 1, "recommended", 2023),
        (*TTG_MERIT, "Cục Thống kê tỉnh", 1, "recommended", 2023)]


def test_names_after_a_count_are_the_recipients():
    assert awards("Khối đề nghị UBND tỉnh tặng Cờ thi đua cho 2 đơn vị dẫn đầu là Sở Y tế và Sở Nội vụ.") == [
        (*UB_FLAG, "Sở Nội vụ", 1, "recommended", 2023), (*UB_FLAG, "Sở Y tế", 1, "recommended", 2023)]


def test_one_recipient_of_two_awards_joined_by_va():
    assert awards("Sở Nội vụ được đề nghị tặng Cờ thi đua của UBND tỉnh và cờ thi đua của Chính phủ.") == [
        (*CP_FLAG, "Sở Nội vụ", 1, "recommended", 2023), (*UB_FLAG, "Sở Nội vụ", 1, "recommended", 2023)]


@pytest.mark.parametrize("text, expected", [
    ("Hội nghị đề nghị tặng Bằng khen cho 4 đơn vị.", (*UB_MERIT, "", 4, "recommended", 2023)),
    ("Khối đề nghị UBND tỉnh tặng Bằng khen cho ba đơn vị có thành tích xuất sắc.",
     (*UB_MERIT, "", 3, "recommended", 2023)),
    ("Hai đơn vị được nhận Bằng khen của Chủ tịch UBND tỉnh.", (*UB_MERIT, "", 2, "conferred", 2023)),
    ("Khối đề nghị UBND tỉnh tặng danh hiệu Tập thể lao động xuất sắc cho 6 đơn vị.",
     ("Tập thể lao động xuất sắc", "UBND tỉnh", "", 6, "recommended", 2023)),
    # a Giấy khen's conferrer "as stated": the position giving it
    ("Giám đốc Sở Nội vụ tặng Giấy khen cho 5 tập thể.",
     ("Giấy khen", "Giám đốc Sở Nội vụ", "", 5, "conferred", 2023)),
])
def test_count_only_rows_have_an_empty_org(text, expected):
    assert awards(text) == [expected]


# --- status and year -----------------------------------------------------------------------

def test_recommended_against_conferred():
    assert awards("Sở Xây dựng vinh dự được UBND tỉnh tặng Cờ thi đua xuất sắc.") == [
        (*UB_FLAG, "Sở Xây dựng", 1, "conferred", 2023)]
    assert awards("Khối bình xét, đề nghị UBND tỉnh tặng Cờ thi đua xuất sắc cho Sở Xây dựng.") == [
        (*UB_FLAG, "Sở Xây dựng", 1, "recommended", 2023)]


@pytest.mark.parametrize("text, review, plan, year", [
    ("Khối đề nghị UBND tỉnh tặng Cờ thi đua năm 2021 cho Sở Y tế.", 2023, 2024, 2021),
    ("Dịp này, Sở Y tế nhận Cờ thi đua của Bộ Y tế năm 2019.", 2023, 2024, 2019),
    ("Khối đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Y tế.", 2017, 2018, 2017),
    # a covenant-only meeting: no review year, the year before the plan
    ("Khối đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Y tế.", None, 2018, 2017),
])
def test_explicit_year_else_the_reviewed_year(text, review, plan, year):
    (row,) = awards(text, review, plan)
    assert row[-1] == year


# --- what is not an award -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Sở Tư pháp từng được tặng Cờ thi đua của Chính phủ.",
    "Sở Y tế, đơn vị được Chính phủ tặng Cờ thi đua năm 2019, tiếp tục dẫn đầu.",
    "Khối phấn đấu có ít nhất 3 đơn vị được đề nghị tặng Cờ thi đua của UBND tỉnh.",
    "Các đơn vị ký giao ước thi đua, chỉ tiêu có 2 đơn vị được tặng Bằng khen.",
    "Sở Nội vụ trao Cờ trưởng khối cho Sở Tài chính.",
    "Huyện Mai Sơn bàn giao cờ Cụm trưởng cho huyện Yên Châu.",
    # an opening adverbial puts the whole sentence or clause in the past
    "Trước đây, vào năm 2019, Sở Giao thông vận tải vinh dự được Chính phủ tặng Cờ thi đua "
    "vì thành tích trong công tác bảo đảm trật tự an toàn giao thông.",
    "Hội nghị diễn ra trang trọng; trước đó, năm 2020, Sở Giao thông vận tải được Thủ tướng Chính phủ "
    "tặng Bằng khen.",
    # a covenant target: at least a number of units awarded
    "Năm 2024, khối đặt ra các chỉ tiêu về cải cách hành chính; tối thiểu 2 đơn vị được UBND tỉnh "
    "tặng Cờ thi đua, 100% cơ quan đạt chuẩn văn hóa.",
    "Các đơn vị thống nhất: không dưới ba đơn vị được Chủ tịch UBND tỉnh tặng Bằng khen.",
])
def test_past_awards_targets_and_the_heads_flag_are_not_awards(text):
    assert awards(text) == []


def test_a_past_award_beside_a_current_one():
    assert awards("Năm 2023, Sở Y tế được UBND tỉnh tặng Cờ thi đua; trước đó, đơn vị từng được "
                  "Thủ tướng Chính phủ tặng Bằng khen.") == [(*UB_FLAG, "Sở Y tế", 1, "conferred", 2023)]


def test_award_mentions_point_at_the_recipient_or_the_count():
    doc = extract("Khối đề nghị tặng Bằng khen cho Sở Ngoại vụ; tặng Giấy khen cho 5 tập thể.",
                  components=CHAIN)
    assert sorted(r["mention"] for r in doc.records["awards"]) == ["5 tập thể", "Sở Ngoại vụ"]


# --- held-out set 3 classes (crafted: other provinces, units and wording) ---------------------

@pytest.mark.parametrize("text, count", [
    # the count's unit noun is data (award_cues.csv kind unit), not only "đơn vị"
    ("Khối đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 3 trường có thành tích tiêu biểu.", 3),
    ("Cụm thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho hai xã dẫn đầu phong trào.", 2),
    ("Cụm đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 4 phường có nhiều đóng góp.", 4),
    ("Khối đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 5 ngân hàng thương mại.", 5),
    ("Khối đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 2 sở có thành tích xuất sắc.", 2),
    ("Ba huyện được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen.", 3),
])
def test_count_only_rows_in_other_unit_nouns(text, count):
    assert awards(text) == [(*UB_MERIT, "", count, "recommended", 2023)]


def test_a_count_of_individuals_is_no_unit_count():
    assert awards("Khối đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 7 cá nhân.") == []


@pytest.mark.parametrize("text, conferrer", [
    # a conferrer longer than seven words, whole up to its last capitalised word
    ("Dịp này, Sở Y tế đón nhận Bằng khen của Chủ tịch Hội đồng thành viên Tập đoàn Điện lực Việt Nam.",
     "Chủ tịch Hội đồng thành viên Tập đoàn Điện lực Việt Nam"),
    ("Dịp này, Sở Y tế đón nhận Bằng khen của Tổng Giám đốc Bảo hiểm xã hội Việt Nam vì thành tích xuất sắc.",
     "Tổng Giám đốc Bảo hiểm xã hội Việt Nam"),
    # the words after a long name are not taken in
    ("Dịp này, Sở Y tế đón nhận Bằng khen của Chủ tịch Hội đồng thành viên Tập đoàn Điện lực Việt Nam "
     "ghi nhận những đóng góp.", "Chủ tịch Hội đồng thành viên Tập đoàn Điện lực Việt Nam"),
])
def test_a_long_conferrer_is_kept_whole(text, conferrer):
    assert awards(text) == [(f"Bằng khen của {conferrer}", conferrer, "Sở Y tế", 1, "conferred", 2023)]


def test_a_long_conferrer_before_a_count():
    assert awards("Lãnh đạo Tổng công ty trao Bằng khen của Tổng Giám đốc Tập đoàn Bưu chính Viễn thông "
                  "Việt Nam cho 4 tập thể.") == [
        ("Bằng khen của Tổng Giám đốc Tập đoàn Bưu chính Viễn thông Việt Nam",
         "Tổng Giám đốc Tập đoàn Bưu chính Viễn thông Việt Nam", "", 4, "conferred", 2023)]


@pytest.mark.parametrize("text", [
    "Cục Thuế tỉnh đón nhận Huân chương Lao động hạng Nhì vì thành tích từ năm học 2018 - 2019 "
    "đến năm học 2022 - 2023.",
    "Cục Thuế tỉnh đón nhận Huân chương Lao động hạng Nhì do có thành tích xuất sắc từ năm 2018 tới năm 2022.",
])
def test_a_span_of_school_years_has_no_year(text):
    assert awards(text) == [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "Cục Thuế tỉnh", 1,
                             "conferred", None)]


def test_a_current_award_after_a_past_sentence_is_kept():
    assert awards("Trước đó, Sở Giao thông vận tải từng được tặng Cờ thi đua. Năm nay, Sở Giao thông vận tải "
                  "được UBND tỉnh tặng Cờ thi đua.") == [(*UB_FLAG, "Sở Giao thông vận tải", 1, "conferred", 2023)]


@pytest.mark.parametrize("review, rows_expected", [(2025, 0), (2024, 1)])
def test_a_sentence_opening_on_an_earlier_year_tells_a_past_award(review, rows_expected):
    text = "Năm 2024, Công ty Cổ phần Môi trường đô thị Vĩnh Long vinh dự được Thủ tướng Chính phủ tặng Bằng khen."
    doc = extract(text, review, review + 1)
    assert len(doc.records.get("awards", [])) == rows_expected


def test_a_citys_own_awards_are_kept_as_written():
    # a centrally-run city's People's Committee is no "UBND tỉnh" of the contract's table
    text = ("Hội nghị đề nghị UBND thành phố tặng Cờ thi đua cho Hội Chữ thập đỏ thành phố; "
            "đề nghị Chủ tịch UBND thành phố tặng Bằng khen cho Hội Luật gia thành phố.")
    assert sorted(awards(text)) == sorted([
        ("Cờ thi đua của UBND thành phố", "UBND thành phố", "Hội Chữ thập đỏ thành phố", 1, "recommended", 2023),
        ("Bằng khen của Chủ tịch UBND thành phố", "Chủ tịch UBND thành phố", "Hội Luật gia thành phố", 1,
         "recommended", 2023)])
