"""Classes of phrasing from the seventh blind set (corpus/heldout7) for the
org finder and the bloc, leadership, awards and people extractors.

Each sentence is written for this file, with other provinces, units and
people than the held-out articles, so a test shows the class and not the
article's sentence.
"""
from __future__ import annotations

import pytest

from helpers import extract, records
from pipeline.orgs import find_orgs


def orgs_of(text: str) -> list[str]:
    return [o.org for o in find_orgs(text)]


# --- org names ---------------------------------------------------------------------------

def test_project_boards_named_by_their_sector_in_lower_case():
    text = ("Khối có 3 đơn vị gồm: Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh; "
            "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh; "
            "Ban Quản lý dự án phát triển đô thị Huế.")
    assert orgs_of(text) == [
        "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh",
        "Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp và phát triển nông thôn tỉnh",
        "Ban Quản lý dự án phát triển đô thị Huế"]


def test_a_portal_is_an_org_and_ends_the_name_before_it():
    assert orgs_of("Khối gồm Hội Nhà báo tỉnh, Liên hiệp các Hội Văn học nghệ thuật tỉnh "
                   "và Cổng Thông tin điện tử tỉnh.") == [
        "Hội Nhà báo tỉnh", "Liên hiệp các Hội Văn học nghệ thuật tỉnh", "Cổng Thông tin điện tử tỉnh"]


@pytest.mark.parametrize("text, expected", [
    ("Bốn xã được thành lập sau sắp xếp là Tà Xùa, Háng Đồng, Suối Tọ và Phiêng Ban.",
     ["xã Tà Xùa", "xã Háng Đồng", "xã Suối Tọ", "xã Phiêng Ban"]),
    ("Ba phường còn lại thuộc thị xã cũ, gồm Yên Thịnh, Nam Sơn và Bắc Sơn.",
     ["phường Yên Thịnh", "phường Nam Sơn", "phường Bắc Sơn"]),
])
def test_a_counted_list_after_a_qualifier_and_la_or_gom(text, expected):
    assert [o.org for o in find_orgs(text) if o.kind == "district"] == expected


# --- bloc: member counts ------------------------------------------------------------------

def member_count(text: str):
    return extract(text, components=("orgs", "bloc")).fields["member_count"]


@pytest.mark.parametrize("text, count", [
    # "năm" before a unit noun is five, not a year
    ("Khối gồm năm cơ quan: Sở Nội vụ, Sở Tư pháp, Sở Y tế, Sở Xây dựng và Sở Công Thương.", 5),
    ("Khối hiện có 9 công ty, trong đó có Công ty TNHH MTV Lâm nghiệp Sa Thầy.", 9),
    # the province's units are no bloc's count, even after "có"
    ("Khối gồm Báo Điện Biên. Năm qua, cả 4 cơ quan, đơn vị trong khối đều hoàn thành nhiệm vụ. "
     "Toàn tỉnh hiện có 3 cơ quan báo chí địa phương.", 4),
])
def test_member_count_words_and_province_wide_counts(text, count):
    assert member_count(text) == count


def test_a_year_is_no_count():
    assert member_count("Khối thi đua năm 2024 đơn vị dẫn đầu là Sở Y tế.") is None


def test_a_list_in_the_counts_unit_is_a_member_list():
    text = ("Cụm thi đua số 5 gồm bảy xã. Bốn xã phía Bắc là Tà Xùa, Háng Đồng, Suối Tọ và Phiêng Ban. "
            "Ba xã còn lại thuộc huyện cũ, gồm Mường Cơi, Tân Lang và Huy Hạ.")
    doc = extract(text, components=("orgs", "bloc"))
    got = {r[0] for r in records(doc, "members", "org")}
    # the second list after its "gồm", the first after a count in the unit opening its sentence
    assert got == {"xã Tà Xùa", "xã Háng Đồng", "xã Suối Tọ", "xã Phiêng Ban",
                   "xã Mường Cơi", "xã Tân Lang", "xã Huy Hạ"}


def test_only_a_count_in_the_members_unit_opens_a_list():
    from pipeline.extractors.bloc import _count_in_unit_opening, _count_unit, find_member_count

    doc = extract("Cụm thi đua số 5 gồm bảy xã. Sau đó có thêm việc.", components=("orgs",))
    unit = _count_unit(doc.text, find_member_count(doc))
    same, other = "Bốn xã phía Bắc là A, B.", "Ba trường học của A, B."
    assert _count_in_unit_opening(same, 0, len(same), unit) is not None
    assert _count_in_unit_opening(other, 0, len(other), unit) is None
    assert _count_in_unit_opening(same, 0, len(same), None) is None


# --- leadership ------------------------------------------------------------------------

def leaders(text: str):
    doc = extract("Cụm thi đua các phường tổng kết năm 2022.\n\n" + text, review=2022, plan=2023)
    return (records(doc, "leaders", "year", "role", "org"),
            records(doc, "handovers", "role", "year", "from_org", "to_org"))


def test_a_holder_kept_far_before_the_second_role():
    got = leaders("Phường Tân An, đơn vị Cụm trưởng 6 tháng cuối năm 2022, tiếp tục được các thành viên "
                  "tín nhiệm giữ vai trò Cụm trưởng năm 2023.")
    assert got == ([(2022, "head", "phường Tân An"), (2023, "head", "phường Tân An")], [])


def test_a_role_held_by_the_unit_after_do():
    got = leaders("Thị xã Sông Cầu được bầu làm Cụm trưởng năm 2023, thay thị xã Đông Hòa; "
                  "Cụm phó năm 2023 do thị xã Ninh Hòa đảm nhận.")
    assert got[0] == [(2022, "head", "thị xã Đông Hòa"), (2023, "deputy", "thị xã Ninh Hòa"),
                      (2023, "head", "thị xã Sông Cầu")]


# --- awards ------------------------------------------------------------------------------

def awards(text: str):
    doc = extract(text, components=("orgs", "awards"))
    return records(doc, "awards", "award", "conferrer", "org", "count", "status")


def test_recipients_after_cho_cac_and_the_list_unit():
    assert awards("Cụm đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho các phường Yên Thịnh và Nam Sơn.") == [
        ("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "phường Nam Sơn", 1, "recommended"),
        ("Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "phường Yên Thịnh", 1, "recommended")]


def test_a_districts_chairman_gives_a_giay_khen():
    assert awards("Dịp này, xã Tân Lang được Chủ tịch UBND huyện tặng Giấy khen.") == [
        ("Giấy khen", "Chủ tịch UBND huyện", "xã Tân Lang", 1, "conferred")]


# --- people ------------------------------------------------------------------------------

def people(text: str):
    doc = extract("Khối thi đua các sở tổng kết năm 2023.\n\n" + text, components=("orgs", "people"))
    return records(doc, "people", "name", "title", "org")


@pytest.mark.parametrize("text, expected", [
    ("Nhà thơ Lò Văn Mười, Chủ tịch Hội Văn học nghệ thuật tỉnh phát biểu.",
     ("Lò Văn Mười", "Chủ tịch Hội Văn học nghệ thuật tỉnh", "Hội Văn học nghệ thuật tỉnh")),
    ("Dự có Phó Trưởng ban Thi đua - Khen thưởng tỉnh Kpuih H'Bia.",
     ("Kpuih H'Bia", "Phó Trưởng ban Thi đua - Khen thưởng tỉnh", "Ban Thi đua - Khen thưởng tỉnh")),
    ("Ông Hoàng Văn Tỉnh, Trưởng Thống kê tỉnh Lạng Sơn, phát biểu.",
     ("Hoàng Văn Tỉnh", "Trưởng Thống kê tỉnh Lạng Sơn", "Thống kê tỉnh")),
    # "và" before a lower-case word inside a name the org finder read
    ("Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh "
     "Lê Văn Hòa cho biết.",
     ("Lê Văn Hòa", "Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh",
      "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh")),
])
def test_people_of_set_7s_classes(text, expected):
    assert people(text) == [expected]
