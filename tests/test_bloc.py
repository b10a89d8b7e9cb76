"""The "bloc" component: the bloc's name, its stated member count and its members.

Crafted sentences (other provinces, units and word orders than the corpus)
run through normalize → segment → orgs → bloc → resolve, so each test checks
a class of phrasing: a name in several shapes, a count and the numbers that
only look like one, a complete member list against a partial one.
"""
from __future__ import annotations

import pytest

from helpers import extract, records
from pipeline.extractors.bloc import bloc_name_at

BLOC_ONLY = ("orgs", "bloc")


def members(text: str, **kw) -> list[str]:
    doc = extract(text, components=BLOC_ONLY, **kw)
    return [r[0] for r in records(doc, "members", "org")]


# --- the bloc's name ----------------------------------------------------------------

@pytest.mark.parametrize("lead, name", [
    # the province's proper name is left out, "tỉnh" stays
    ("Sáng 9-1, Khối thi đua các cơ quan Đảng tỉnh Sơn La tổ chức hội nghị tổng kết năm 2023.",
     "Khối thi đua các cơ quan Đảng tỉnh"),
    ("Ngày 10/1, Khối thi đua Văn hoá - Xã hội tỉnh Bắc Kạn tổng kết năm 2023.",
     "Khối thi đua Văn hóa - Xã hội tỉnh"),
    # the name in the middle of the sentence, after the event
    ("Ngày 10/1, hội nghị tổng kết của Khối thi đua Doanh nghiệp tỉnh Thái Nguyên được tổ chức.",
     "Khối thi đua Doanh nghiệp tỉnh"),
    # a note in parentheses is not part of the name
    ("Chiều 12-1, Khối thi đua các cơ quan Đảng tỉnh (gồm 11 đơn vị) đã tổng kết công tác.",
     "Khối thi đua các cơ quan Đảng tỉnh"),
    ("Chiều 14/1, Cụm thi đua số 3 (các huyện vùng cao) tổng kết công tác thi đua năm 2023.",
     "Cụm thi đua số 3"),
    ("Chiều 14/1, Cụm thi đua số 3 tổng kết công tác thi đua năm 2023.", "Cụm thi đua số 3"),
    # commas and dashes inside a descriptive name
    ("Hôm qua, Khối thi đua các sở, ngành kinh tế - kỹ thuật tỉnh Lai Châu tổ chức hội nghị.",
     "Khối thi đua các sở, ngành kinh tế - kỹ thuật tỉnh"),
    ("Ngày 5.1, Cụm thi đua các huyện miền núi phía Tây ký kết giao ước thi đua năm 2024.",
     "Cụm thi đua các huyện miền núi phía Tây"),
    ("Hôm nay, Khối giao ước thi đua các doanh nghiệp Trung ương trên địa bàn tỉnh Lào Cai ký kết giao ước.",
     "Khối giao ước thi đua các doanh nghiệp Trung ương trên địa bàn tỉnh"),
])
def test_bloc_name_in_several_shapes(lead, name):
    assert extract(lead, components=BLOC_ONLY).fields["bloc"] == name


def test_no_bloc_name_when_none_is_given():
    assert extract("Hội nghị diễn ra tại Sơn La.", components=BLOC_ONLY).fields["bloc"] is None


# --- member_count ---------------------------------------------------------------------

@pytest.mark.parametrize("text, count", [
    ("Khối thi đua Nội chính tỉnh Bắc Ninh gồm 12 đơn vị.", 12),
    ("Khối hiện có 7 thành viên.", 7),
    ("Khối hiện có tám thành viên.", 8),                     # a number written as a word
    ("Tới dự có lãnh đạo 9 cơ quan, đơn vị thành viên của khối.", 9),
    ("Năm 2023, cả 12 đơn vị trong khối đều hoàn thành nhiệm vụ.", 12),
    ("Cụm thi đua số 2 gồm 5 huyện: Mường La, Sông Mã, Thuận Châu, Mai Sơn và Yên Châu.", 5),
    ("Chiều 12-1, Khối thi đua các cơ quan Đảng tỉnh (gồm 11 cơ quan, đơn vị) tổng kết.", 11),
    # distractors: recipients of an award, a score, a tally of results
    ("Hội nghị đề nghị tặng Bằng khen cho 4 đơn vị.", None),
    ("Năm 2023, khối hoàn thành 23/23 chỉ tiêu.", None),
    ("Khối có 12/15 đơn vị hoàn thành xuất sắc nhiệm vụ.", None),
    ("Khối có 8 đơn vị được tặng Giấy khen.", None),
    ("Trong năm, cụm có 3 huyện đạt chuẩn nông thôn mới.", None),
    ("Lãnh đạo 6 đơn vị ký giao ước thi đua.", None),
])
def test_member_count(text, count):
    assert extract(text, components=BLOC_ONLY).fields["member_count"] == count


def test_member_count_is_the_stated_number_not_a_recipient_count_in_the_same_article():
    doc = extract("Khối gồm 10 thành viên; năm qua có 3 đơn vị được đề nghị khen thưởng. "
                  "Hội nghị đề nghị tặng Bằng khen cho 6 đơn vị.", components=BLOC_ONLY)
    assert doc.fields["member_count"] == 10


# --- members ---------------------------------------------------------------------------

def test_a_complete_list_keeps_clause_subjects_out():
    text = ("Khối thi đua Nội chính gồm 4 đơn vị là Công an tỉnh, Tòa án nhân dân tỉnh, "
            "Viện Kiểm sát nhân dân tỉnh và Cục Thi hành án dân sự tỉnh. "
            "Năm 2023, Sở Tư pháp phối hợp tốt với khối; Thanh tra tỉnh cũng tham gia.")
    assert members(text) == ["Công an tỉnh", "Cục Thi hành án dân sự tỉnh",
                             "Tòa án nhân dân tỉnh", "Viện Kiểm sát nhân dân tỉnh"]


def test_a_complete_list_with_shared_tinh_uy():
    text = ("Khối thi đua các cơ quan Đảng tỉnh gồm 5 đơn vị: Văn phòng Tỉnh uỷ, Ban Tổ chức, "
            "Ban Tuyên giáo, Ban Dân vận, UBKT Tỉnh uỷ. Năm qua, Trường Chính trị tỉnh mở 20 lớp.")
    assert members(text) == ["Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Tỉnh ủy",
                             "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]


def test_a_partial_list_adds_the_units_the_body_reports_on():
    text = ("Khối thi đua có 10 đơn vị thành viên, trong đó có Cục Thuế tỉnh, Kho bạc Nhà nước tỉnh. "
            "Năm 2023, Bảo hiểm xã hội tỉnh thu vượt kế hoạch; Cục Thống kê tỉnh và "
            "Ngân hàng Nhà nước Chi nhánh tỉnh hoàn thành tốt nhiệm vụ.")
    assert members(text) == ["Bảo hiểm xã hội tỉnh", "Cục Thuế tỉnh", "Cục Thống kê tỉnh",
                             "Kho bạc Nhà nước tỉnh", "Ngân hàng Nhà nước Chi nhánh tỉnh"]


def test_a_list_ending_in_an_ellipsis_is_partial():
    text = ("Khối thi đua Doanh nghiệp gồm 6 đơn vị: Công ty Điện lực Sơn La, Viễn thông Sơn La, "
            "Bưu điện tỉnh... Công ty Cổ phần Cấp nước Sơn La nộp ngân sách 20 tỷ đồng.")
    assert members(text) == ["Bưu điện tỉnh", "Công ty Cổ phần Cấp nước Sơn La",
                             "Công ty Điện lực Sơn La", "Viễn thông Sơn La"]


def test_a_list_shorter_than_the_stated_count_is_partial():
    text = ("Khối gồm 8 đơn vị: Sở Nội vụ, Sở Tư pháp. "
            "Năm qua, Sở Ngoại vụ tổ chức 15 đoàn công tác.")
    assert members(text) == ["Sở Ngoại vụ", "Sở Nội vụ", "Sở Tư pháp"]


@pytest.mark.parametrize("non_member", [
    "Ban Thường vụ Tỉnh uỷ", "BTV Tỉnh ủy", "UBND tỉnh", "Ủy ban nhân dân tỉnh",
    "Ban Thi đua - Khen thưởng tỉnh", "Thường trực Tỉnh ủy", "HĐND tỉnh",
])
def test_bodies_that_direct_the_bloc_are_not_members(non_member):
    text = (f"Khối gồm 9 đơn vị, trong đó có Sở Y tế. Năm 2023, {non_member} đánh giá cao khối; "
            "Sở Du lịch đón 2 triệu lượt khách.")
    assert members(text) == ["Sở Du lịch", "Sở Y tế"]


def test_non_members_inside_the_member_list_sentence_are_left_out():
    text = "Khối gồm Sở Xây dựng, Sở Công Thương và UBND tỉnh cùng Ban Thi đua - Khen thưởng tỉnh dự họp."
    assert members(text) == ["Sở Công Thương", "Sở Xây dựng"]


def test_a_persons_unit_is_not_a_clause_subject():
    text = ("Khối gồm 9 đơn vị, trong đó có Sở Y tế. "
            "Ông Lò Văn Sơn, Giám đốc Sở Nội vụ dự hội nghị.")
    assert members(text) == ["Sở Y tế"]


def test_a_bulleted_member_list():
    text = ("Cụm thi đua gồm các đơn vị sau:\n- UBND huyện Mường La;\n- UBND huyện Quỳnh Nhai;\n"
            "- UBND huyện Thuận Châu.\nNăm 2023, các huyện hoàn thành chỉ tiêu.")
    assert members(text) == ["huyện Mường La", "huyện Quỳnh Nhai", "huyện Thuận Châu"]


def test_members_have_mentions_in_the_text():
    doc = extract("Khối gồm các sở: Nội vụ; Công Thương; Xây dựng.", components=BLOC_ONLY)
    assert [(r["org"], r["mention"]) for r in doc.records["members"]] == [
        ("Sở Nội vụ", "Nội vụ"), ("Sở Công Thương", "Công Thương"), ("Sở Xây dựng", "Xây dựng")]


def test_resolve_adds_role_holders_and_award_recipients_as_members():
    text = ("Khối gồm 3 đơn vị: Sở Y tế, Sở Nội vụ và Sở Tư pháp. "
            "Hội nghị suy tôn Sở Tài chính làm Khối trưởng năm 2024; "
            "đề nghị UBND tỉnh tặng Cờ thi đua cho Sở Ngoại vụ.")
    doc = extract(text)
    assert [r[0] for r in records(doc, "members", "org")] == [
        "Sở Ngoại vụ", "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Y tế"]


def test_irrelevant_article_gets_no_bloc_fields():
    doc = extract("Khối thi đua Nội chính gồm 12 đơn vị.", components=())
    doc.fields["relevant"] = False
    from pipeline.registry import create
    doc = create("bloc")(create("orgs")(doc))
    assert "bloc" not in doc.fields and not doc.records.get("members")


@pytest.mark.parametrize("text, name", [
    ("Khối thi đua các cơ quan tham mưu, giúp việc Thành ủy Cần Thơ tổng kết năm 2023.",
     "Khối thi đua các cơ quan tham mưu, giúp việc Thành ủy"),
    ("Khối thi đua các cơ quan Đảng Tỉnh ủy Hà Giang tổng kết năm 2023.",
     "Khối thi đua các cơ quan Đảng Tỉnh ủy"),
])
def test_a_bloc_name_drops_the_place_after_its_level_word(text, name):
    assert bloc_name_at(text, 0, len(text))[0] == name


def test_a_list_cue_far_from_the_membership_words_lists_nothing():
    text = ("Trong năm, các đơn vị trong khối đã vận động các nhà hảo tâm xây mới, sửa chữa 300 "
            "ngôi nhà Đại đoàn kết cho hộ nghèo tại các xã vùng cao biên giới của tỉnh, trong đó có "
            "các xã Mèo Vạc, Khâu Vai, Sơn Vĩ.")
    doc = extract(text, 2024, 2025, province="Hà Giang", components=("orgs", "bloc"))
    assert records(doc, "members", "org") == []


def test_a_bloc_name_stops_at_the_verb_after_it():
    text = "Hội nghị sơ kết của Khối thi đua các cơ quan Nội chính tỉnh diễn ra vừa qua."
    assert bloc_name_at(text, text.index("Khối"), len(text))[0] == "Khối thi đua các cơ quan Nội chính tỉnh"


def test_a_list_after_a_counted_member_noun_and_a_colon_is_the_member_list():
    text = ("Khối thi đua các hội đặc thù tỉnh có 3 hội: Hội Luật gia tỉnh, Hội Nhà báo tỉnh và "
            "Hội Người mù tỉnh. Năm qua, Hội Cựu thanh niên xung phong tỉnh cũng tham gia.")
    assert members(text) == ["Hội Luật gia tỉnh", "Hội Người mù tỉnh", "Hội Nhà báo tỉnh"]


def test_a_member_count_right_after_the_cue_says_whose_list_it_is():
    # the bloc word stands far before the cue; the count after it names the members
    text = ("Khối thi đua các trường trung cấp được thành lập theo quyết định của Chủ tịch UBND tỉnh "
            "từ tháng 3 năm trước sau khi sắp xếp lại mạng lưới cơ sở đào tạo của tỉnh, gồm 3 trường là: "
            "Trường Trung cấp Y tế Sơn La, Trường Trung cấp Nông lâm Sơn La và Trường Trung cấp Thể dục thể thao Sơn La. "
            "Năm qua, Sở Giáo dục và Đào tạo phối hợp tốt với khối.")
    assert members(text) == ["Trường Trung cấp Nông lâm Sơn La", "Trường Trung cấp Thể dục thể thao Sơn La",
                             "Trường Trung cấp Y tế Sơn La"]
