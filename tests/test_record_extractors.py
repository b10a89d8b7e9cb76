"""Orgs, bloc/members, leadership and awards on short crafted texts.

The sentences use provinces, units, years and word orders that the corpus
does not, so the tests check classes of phrasing rather than corpus lines.
"""
from __future__ import annotations

import pytest

from helpers import extract
from pipeline.orgs import canonical_org, find_orgs

CHAIN = ["orgs", "people", "bloc", "leadership", "awards", "resolve"]


def run(text: str, review: int | None = 2023, plan: int | None = 2024, province: str = "Hà Tĩnh"):
    return extract(text, review, plan, province, components=CHAIN)


def orgs_of(text: str) -> list[str]:
    return [o.org for o in find_orgs(text)]


def rows(doc, table, *cols):
    return sorted(tuple(r[c] for c in cols) for r in doc.records.get(table, []))


# --- org names ---------------------------------------------------------------

@pytest.mark.parametrize("written, canonical", [
    ("UBKT Tỉnh uỷ", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Đảng uỷ Khối CCQ tỉnh", "Đảng ủy Khối các cơ quan tỉnh"),
    ("Trường Chính trị Trần Phú", "Trường Chính trị tỉnh"),
    ("Ngân hàng Nhà nước Chi nhánh tỉnh Hà Tĩnh", "Ngân hàng Nhà nước Chi nhánh tỉnh"),
    ("Công an tỉnh Hà Tĩnh", "Công an tỉnh"),
    ("UBND huyện Kỳ Anh", "huyện Kỳ Anh"),
    ("Thị xã Hồng Lĩnh", "thị xã Hồng Lĩnh"),
    ("Viện KSND tỉnh", "Viện KSND tỉnh"),            # non-Party abbreviations stay
    ("Ban Tuyên giáo Tinh ủy", "Ban Tuyên giáo Tỉnh ủy"),  # a common typo
])
def test_canonical_names(written, canonical):
    assert canonical_org(written) == canonical


def test_a_province_name_inside_a_proper_name_stays():
    assert orgs_of("Công ty Cổ phần Cấp nước Hà Tĩnh hoàn thành kế hoạch.") == \
        ["Công ty Cổ phần Cấp nước Hà Tĩnh"]


def test_names_with_commas_and_va_inside_stay_whole():
    assert orgs_of("Khối gồm Sở Văn hóa, Thể thao và Du lịch, Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh "
                   "và Sở Giáo dục và Đào tạo.") == [
        "Sở Văn hóa, Thể thao và Du lịch", "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh",
        "Sở Giáo dục và Đào tạo"]


@pytest.mark.parametrize("text, expected", [
    ("Cụm gồm các huyện Hương Khê, Hương Sơn và Vũ Quang.",
     ["huyện Hương Khê", "huyện Hương Sơn", "huyện Vũ Quang"]),
    ("Khối có các sở: Tư pháp; Y tế; Tài chính.", ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính"]),
    ("Khối gồm các sở Nội vụ, Văn hóa, Thể thao và Du lịch, Xây dựng; Ban Dân tộc tỉnh.",
     ["Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch", "Sở Xây dựng", "Ban Dân tộc tỉnh"]),
    ("Cụm gồm 3 huyện: Kỳ Anh, Can Lộc và Nghi Xuân.",
     ["huyện Kỳ Anh", "huyện Can Lộc", "huyện Nghi Xuân"]),
    ("Khối có 3 sở: Y tế, Nội vụ và Tài chính.", ["Sở Y tế", "Sở Nội vụ", "Sở Tài chính"]),
    ("Khối gồm Văn phòng Tỉnh ủy, Ban Tổ chức, Ban Dân vận, UBKT Tỉnh ủy.",
     ["Văn phòng Tỉnh ủy", "Ban Tổ chức Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]),
])
def test_shared_words_are_distributed_over_lists(text, expected):
    assert orgs_of(text) == expected


def test_company_names_with_lower_case_words_and_a_person_after():
    text = ("Giám đốc Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh Nguyễn Văn Bình phát biểu; "
            "Công ty Cổ phần Xây lắp điện Hà Tĩnh đạt doanh thu 300 tỷ đồng.")
    assert orgs_of(text) == ["Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh",
                             "Công ty Cổ phần Xây lắp điện Hà Tĩnh"]


def test_offsets_of_every_mention_are_valid():
    text = "Khối gồm các sở: Y tế; Tư pháp và Thanh tra tỉnh, UBND huyện Can Lộc."
    for o in find_orgs(text):
        assert 0 <= o.start < o.end <= len(text)
        assert text[o.start:o.end].strip() == text[o.start:o.end]


# --- bloc name, member count, members ------------------------------------------

@pytest.mark.parametrize("lead, name", [
    ("Sáng 3/1, Khối thi đua các cơ quan Đảng tỉnh Hà Tĩnh tổ chức hội nghị.",
     "Khối thi đua các cơ quan Đảng tỉnh"),
    ("Chiều 3-1, Cụm thi đua số 3 (gồm 5 huyện miền núi) tổng kết năm 2023.", "Cụm thi đua số 3"),
    ("Ngày 3.1, Khối thi đua các sở, ngành kinh tế - kỹ thuật đã tổ chức hội nghị.",
     "Khối thi đua các sở, ngành kinh tế - kỹ thuật"),
])
def test_bloc_name_from_the_lead(lead, name):
    assert run(lead).fields["bloc"] == name


@pytest.mark.parametrize("text, count", [
    ("Khối thi đua Nội chính gồm 12 đơn vị: Công an tỉnh, Thanh tra tỉnh.", 12),
    ("Khối có 7 thành viên. Năm 2023, các thành viên hoàn thành nhiệm vụ.", 7),
    ("Dự hội nghị có lãnh đạo 9 cơ quan, đơn vị thành viên.", 9),
    ("Khối hiện còn sáu đơn vị sau khi sắp xếp.", 6),
    ("Hội nghị đề nghị tặng Bằng khen cho 3 đơn vị; 23/23 chỉ tiêu đạt kế hoạch.", None),
])
def test_member_count_and_distractors(text, count):
    assert run(text).fields["member_count"] == count


def test_complete_list_keeps_other_subjects_out():
    doc = run("Khối thi đua Nội chính gồm 3 đơn vị: Công an tỉnh, Thanh tra tỉnh và Sở Tư pháp. "
              "Ban Nội chính Tỉnh ủy đánh giá cao sự phối hợp của các đơn vị.")
    assert rows(doc, "members", "org") == [("Công an tỉnh",), ("Sở Tư pháp",), ("Thanh tra tỉnh",)]


def test_partial_list_adds_units_reported_on_and_drops_non_members():
    doc = run("Khối gồm 9 đơn vị, trong đó có Sở Y tế, Sở Tư pháp. "
              "Năm 2023, Sở Xây dựng hoàn thành 12 công trình; Cục Thống kê tỉnh công bố số liệu đúng hạn. "
              "UBND tỉnh và Ban Thi đua - Khen thưởng tỉnh ghi nhận kết quả.")
    assert rows(doc, "members", "org") == [("Cục Thống kê tỉnh",), ("Sở Tư pháp",), ("Sở Xây dựng",),
                                           ("Sở Y tế",)]


def test_bulleted_list():
    doc = run("Khối thi đua gồm các đơn vị sau:\n- Công an tỉnh;\n- Tòa án nhân dân tỉnh;\n"
              "- Viện Kiểm sát nhân dân tỉnh.\nNăm 2023 các đơn vị hoàn thành nhiệm vụ.")
    assert len(doc.records["members"]) == 3


# --- leadership ------------------------------------------------------------------

def test_transfer_wording_gives_a_handover_and_both_terms():
    doc = run("Tại hội nghị, Sở Tư pháp đã bàn giao nhiệm vụ Khối trưởng năm 2024 cho Sở Nội vụ; "
              "Thanh tra tỉnh làm Khối phó.")
    assert rows(doc, "leaders", "year", "role", "org") == [
        (2023, "head", "Sở Tư pháp"), (2024, "deputy", "Thanh tra tỉnh"), (2024, "head", "Sở Nội vụ")]
    assert rows(doc, "handovers", "role", "year", "from_org", "to_org") == [
        ("head", 2024, "Sở Tư pháp", "Sở Nội vụ")]


def test_flag_handed_over_and_received():
    doc = run("Cục Thuế tỉnh trao Cờ trưởng khối cho Kho bạc Nhà nước tỉnh, đơn vị Khối trưởng năm 2024.")
    assert rows(doc, "handovers", "year", "from_org", "to_org") == [
        (2024, "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh")]
    doc = run("Bảo hiểm xã hội tỉnh tiếp nhận Cờ trưởng khối từ Cục Thuế tỉnh, giữ vai trò Khối trưởng năm 2024.")
    assert rows(doc, "handovers", "year", "from_org", "to_org") == [
        (2024, "Cục Thuế tỉnh", "Bảo hiểm xã hội tỉnh")]
    assert (2024, "head", "Cục Thuế tỉnh") not in rows(doc, "leaders", "year", "role", "org")


def test_bare_election_is_leaders_only_with_the_year_shared():
    doc = run("Hội nghị suy tôn huyện Can Lộc làm Cụm trưởng, huyện Nghi Xuân làm Cụm phó năm 2024.")
    assert rows(doc, "leaders", "year", "role", "org") == [
        (2024, "deputy", "huyện Nghi Xuân"), (2024, "head", "huyện Can Lộc")]
    assert doc.records.get("handovers", []) == []


def test_incumbents_named_with_a_sentence_year_and_two_deputies():
    doc = run("Năm 2023, Sở Y tế là Trưởng khối, Sở Nội vụ là Phó khối. "
              "Hội nghị chọn Sở Tư pháp và Sở Xây dựng làm Khối phó năm 2024.")
    assert rows(doc, "leaders", "year", "role", "org") == [
        (2023, "deputy", "Sở Nội vụ"), (2023, "head", "Sở Y tế"),
        (2024, "deputy", "Sở Tư pháp"), (2024, "deputy", "Sở Xây dựng")]


def test_role_through_a_persons_unit_and_a_derived_handover():
    doc = run("Ông Trần Văn An, Giám đốc Sở Xây dựng, Khối trưởng năm 2023 chủ trì hội nghị. "
              "Hội nghị bầu Sở Công Thương làm Khối trưởng năm 2024.")
    assert rows(doc, "handovers", "year", "from_org", "to_org") == [
        (2024, "Sở Xây dựng", "Sở Công Thương")]


def test_re_elected_head_is_no_handover():
    doc = run("Sở Tài chính, đơn vị Khối trưởng năm 2023, tiếp tục được bầu làm Khối trưởng năm 2024.")
    assert rows(doc, "leaders", "year", "org") == [(2023, "Sở Tài chính"), (2024, "Sở Tài chính")]
    assert doc.records.get("handovers", []) == []


# --- awards ----------------------------------------------------------------------

def award_rows(doc):
    return rows(doc, "awards", "award", "conferrer", "org", "count", "status", "year")


def test_government_flag_through_the_prime_minister_and_the_provincial_flag():
    doc = run("Khối đề nghị UBND tỉnh trình Thủ tướng Chính phủ tặng Cờ thi đua cho Sở Tư pháp; "
              "đề nghị UBND tỉnh tặng cờ dẫn đầu khối cho Sở Y tế.")
    assert award_rows(doc) == [
        ("Cờ thi đua của Chính phủ", "Chính phủ", "Sở Tư pháp", 1, "recommended", 2023),
        ("Cờ thi đua của UBND tỉnh", "UBND tỉnh", "Sở Y tế", 1, "recommended", 2023)]


def test_merit_with_implicit_conferrer_and_counts_in_words():
    doc = run("Hội nghị đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Nội vụ; tặng Bằng khen cho hai đơn vị.")
    assert ("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "", 2, "recommended", 2023) \
        in award_rows(doc)


def test_recipients_before_the_verb_and_other_authorities_as_written():
    doc = run("Sở Xây dựng và Sở Tư pháp được đề nghị tặng Bằng khen của Thủ tướng Chính phủ. "
              "Dịp này, Công an tỉnh đón nhận Cờ thi đua của Bộ Công an vì thành tích năm 2023.")
    assert award_rows(doc) == [
        ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "Sở Tư pháp", 1, "recommended", 2023),
        ("Bằng khen của Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "Sở Xây dựng", 1, "recommended", 2023),
        ("Cờ thi đua của Bộ Công an", "Bộ Công an", "Công an tỉnh", 1, "conferred", 2023)]


def test_orders_for_a_period_and_collective_titles():
    doc = run("Cục Thuế tỉnh đón nhận Huân chương Lao động hạng Nhì vì thành tích từ năm 2018 đến năm 2022. "
              "Khối đề nghị Chủ tịch UBND tỉnh công nhận danh hiệu Tập thể lao động xuất sắc cho 5 đơn vị; "
              "đề nghị công nhận danh hiệu Tập thể lao động xuất sắc cho Sở Y tế.")
    assert award_rows(doc) == [
        ("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "Cục Thuế tỉnh", 1, "conferred", None),
        ("Tập thể lao động xuất sắc", "", "Sở Y tế", 1, "recommended", 2023),
        ("Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh", "", 5, "recommended", 2023)]


def test_past_awards_targets_and_the_heads_flag_are_not_awards():
    doc = run("Sở Y tế, đơn vị được Chính phủ tặng Cờ thi đua năm 2020, tiếp tục dẫn đầu. "
              "Sở Tư pháp từng được tặng Bằng khen của Thủ tướng Chính phủ. "
              "Các đơn vị phấn đấu có ít nhất 2 đơn vị được đề nghị tặng Cờ thi đua. "
              "Sở Nội vụ trao Cờ trưởng khối cho Sở Tài chính.")
    assert doc.records.get("awards", []) == []


def test_resolve_adds_role_holders_and_awardees_as_members():
    doc = run("Hội nghị đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Y tế; bầu Sở Tư pháp làm Khối trưởng năm 2024.")
    assert rows(doc, "members", "org") == [("Sở Tư pháp",), ("Sở Y tế",)]
