"""Classes of phrasing from the sixth blind set (corpus/heldout6) for the
bloc, leadership and awards extractors, and names of schools and branches.

Each sentence is written for this file, with other provinces, units and
years than the held-out articles, so a test shows the class and not the
article's sentence.
"""
from __future__ import annotations

import pytest

from helpers import extract, records
from pipeline.extractors.bloc import bloc_name_at
from pipeline.orgs import find_orgs


def orgs_of(text: str) -> list[str]:
    return [o.org for o in find_orgs(text)]


# --- schools named for a person, a branch and its place --------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Trường Đại học Hùng Vương đăng cai.", ["Trường Đại học Hùng Vương"]),
    ("Trường THPT Nguyễn Bỉnh Khiêm và Trường Cao đẳng Sư phạm Hoàng Văn Thụ tham gia.",
     ["Trường THPT Nguyễn Bỉnh Khiêm", "Trường Cao đẳng Sư phạm Hoàng Văn Thụ"]),
    # "Y tế" is a word, not a person's name: the school's name goes on after it
    ("Trường Cao đẳng Y tế Phạm Ngọc Thạch đăng cai.", ["Trường Cao đẳng Y tế Phạm Ngọc Thạch"]),
    # after a place, a name is a person's: the school ends at the place
    ("Hiệu trưởng Trường THPT Lào Cai Nguyễn Văn Bình phát biểu.", ["Trường THPT Lào Cai"]),
    # a school's name and then its head's: the school's is three words
    ("Hiệu trưởng Trường THCS Chu Văn An Lê Thị Hoa phát biểu.", ["Trường THCS Chu Văn An"]),
])
def test_a_schools_name_may_be_a_persons(text, expected):
    assert orgs_of(text) == expected


def test_a_persons_name_after_another_org_is_still_a_person():
    assert orgs_of("Giám đốc Sở Tư pháp Nguyễn Văn Bình phát biểu.") == ["Sở Tư pháp"]


def test_a_branch_takes_its_place_after_tai():
    assert orgs_of("Phân hiệu Trường Đại học Lâm nghiệp tại Gia Lai là Khối phó.") == [
        "Phân hiệu Trường Đại học Lâm nghiệp tại Gia Lai"]
    # "tại" before a place that is no name's: the branch ends before it
    assert orgs_of("Phân hiệu Đại học Huế tại hội trường lớn phát biểu.") == ["Phân hiệu Đại học Huế"]


# --- bloc: the owner after its name, counts in other units ------------------------------

def test_a_bloc_name_drops_its_owner_phrase():
    text = "Cụm thi đua số 4 của thành phố Hải Phòng tổ chức hội nghị."
    assert bloc_name_at(text, 0, len(text))[0] == "Cụm thi đua số 4"


@pytest.mark.parametrize("text, count", [
    ("Cụm thi đua số 2 gồm 4 quận nội thành là Ngô Quyền, Lê Chân, Hồng Bàng và Hải An.", 4),
    ("Khối gồm 5 cơ sở đào tạo: Trường A, Trường B, Trường C, Trường D và Trường E.", 5),
    ("Khối có 6 chi cục: Thủy sản; Kiểm lâm; Thủy lợi; Trồng trọt; Chăn nuôi; Quản lý chất lượng.", 6),
    # a count of the owner's units, a qualifier, then the colon of the list
    ("Cụm gồm Viện KSND 5 tỉnh miền núi phía Bắc: Lào Cai, Yên Bái, Hà Giang, Tuyên Quang và Lai Châu.", 5),
])
def test_member_count_in_more_units(text, count):
    assert extract(text, components=("orgs", "bloc")).fields["member_count"] == count


def test_a_count_of_units_not_listed_as_members_is_no_member_count():
    text = "Khối thi đua các sở tổng kết. Tổng thu ngân sách trên địa bàn 5 quận ước đạt 900 tỷ đồng."
    assert extract(text, components=("orgs", "bloc")).fields["member_count"] is None


# --- leadership: the receiving side with "do", the role given to a unit -----------------

def leaders(text: str) -> tuple[list, list]:
    doc = extract("Khối thi đua các sở tổng kết năm 2022.\n\n" + text, review=2022, plan=2023)
    return (records(doc, "leaders", "year", "role", "org"),
            records(doc, "handovers", "role", "year", "from_org", "to_org"))


def test_a_flag_received_from_the_giver_after_do():
    got = leaders("Sở Tư pháp nhận Cờ Khối trưởng năm 2023 do Sở Nội vụ - đơn vị Khối trưởng năm 2022 trao lại.")
    assert got == ([(2022, "head", "Sở Nội vụ"), (2023, "head", "Sở Tư pháp")],
                   [("head", 2023, "Sở Nội vụ", "Sở Tư pháp")])


def test_do_before_no_org_is_no_transfer():
    assert leaders("Sở Tư pháp nhận Cờ Khối trưởng năm 2023 do có thành tích dẫn đầu.") == ([], [])


def test_a_role_given_to_a_unit_in_the_passive():
    got = leaders("Nhiệm vụ Khối trưởng năm 2023 được hội nghị thống nhất giao cho Sở Y tế. "
                  "Sở Công Thương đã trao lại Cờ Khối trưởng.")
    # the one handing the flag over held the role the year before
    assert got == ([(2022, "head", "Sở Công Thương"), (2023, "head", "Sở Y tế")],
                   [("head", 2023, "Sở Công Thương", "Sở Y tế")])


# --- awards: a count word before the names, the minister of the ministry's flag ----------

def awards(text: str) -> list[tuple]:
    doc = extract(text, components=("orgs", "awards"))
    return records(doc, "awards", "award", "conferrer", "org", "count", "status")


def test_a_capitalised_count_word_opening_the_sentence_distributes():
    assert awards("Hai quận Lê Chân và Hải An được đề nghị Chủ tịch UBND tỉnh tặng Bằng khen.") == [
        ("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "quận Hải An", 1, "recommended"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "quận Lê Chân", 1, "recommended")]


def test_the_minister_gives_the_ministrys_flag():
    assert awards("Cụm đề nghị Bộ trưởng Bộ Y tế tặng Cờ thi đua của Bộ Y tế cho Sở Y tế.") == [
        ("Cờ thi đua của Bộ Y tế", "Bộ trưởng Bộ Y tế", "Sở Y tế", 1, "recommended")]
    # with no minister before the verb, the ministry as stated
    assert awards("Sở Y tế nhận Cờ thi đua của Bộ Y tế.") == [
        ("Cờ thi đua của Bộ Y tế", "Bộ Y tế", "Sở Y tế", 1, "conferred")]
