"""The org finder (``pipeline.orgs``) and the "orgs" component on crafted sentences.

Every sentence is written for this file with provinces, units and people
that the corpus does not use (Sơn La, Lai Châu, Thái Nguyên, Lào Cai,
Bắc Ninh...), so a pass shows that a rule covers a class of phrasing —
old-style tones, abbreviations, names holding commas or "và", distributive
lists — and not one corpus sentence.
"""
from __future__ import annotations

import pytest

from helpers import extract
from pipeline.orgs import canonical_org, find_orgs, org_kind


def orgs_of(text: str, **kw) -> list[str]:
    return [o.org for o in find_orgs(text, **kw)]


# --- known agencies: the contract's canonical names --------------------------------

@pytest.mark.parametrize("sentence, expected", [
    # old-style tone placement and the Party abbreviations
    ("Chủ nhiệm UBKT Tỉnh uỷ Sơn La phát biểu.", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Uỷ ban Kiểm tra Tỉnh uỷ chủ trì.", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("Bí thư Đảng uỷ Khối CCQ tỉnh dự họp.", "Đảng ủy Khối các cơ quan tỉnh"),
    ("Đảng uỷ Khối DN tỉnh ký giao ước.", "Đảng ủy Khối Doanh nghiệp tỉnh"),
    ("Đảng uỷ các cơ quan Đảng tỉnh ra mắt.", "Đảng ủy các cơ quan Đảng tỉnh"),
    ("Ban Tuyên giáo và Dân vận Tỉnh uỷ báo cáo.", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
    ("Ban Tổ chức - Nội vụ tỉnh tham mưu.", "Ban Tổ chức - Nội vụ tỉnh"),
    ("Ban Tuyên giáo Tinh ủy Lai Châu tổng kết.", "Ban Tuyên giáo Tỉnh ủy"),   # the "Tinh" typo
    # a school of politics with a proper name is the provincial school
    ("Trường Chính trị Nguyễn Văn Cừ đăng cai.", "Trường Chính trị tỉnh"),
    ("Trường Chính trị Trường Chinh khai giảng.", "Trường Chính trị tỉnh"),
    ("Trường Chính trị tỉnh Bắc Ninh khai giảng.", "Trường Chính trị tỉnh"),
])
def test_known_agencies_take_their_canonical_name(sentence, expected):
    found = find_orgs(sentence)
    assert [o.org for o in found] == [expected]
    assert found[0].kind == "party"


def test_names_holding_a_comma_or_va_stay_whole():
    text = ("Sở Văn hoá, Thể thao và Du lịch phối hợp với Ban Bảo vệ, chăm sóc sức khoẻ cán bộ tỉnh "
            "và Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu.")
    assert orgs_of(text) == ["Sở Văn hóa, Thể thao và Du lịch",
                             "Ban Bảo vệ, chăm sóc sức khỏe cán bộ tỉnh",
                             "Sở Lao động - Thương binh và Xã hội"]


def test_two_names_joined_by_va_are_two_orgs():
    assert orgs_of("Sở Giáo dục và Đào tạo và Sở Khoa học và Công nghệ ký kết.") == [
        "Sở Giáo dục và Đào tạo", "Sở Khoa học và Công nghệ"]


# --- "tỉnh <Province>" at the end vs a province inside a proper name ---------------

@pytest.mark.parametrize("written, canonical", [
    ("Ngân hàng Nhà nước Chi nhánh tỉnh Hà Tĩnh", "Ngân hàng Nhà nước Chi nhánh tỉnh"),
    ("Ngân hàng Nhà nước chi nhánh tỉnh Sơn La", "Ngân hàng Nhà nước Chi nhánh tỉnh"),
    ("Cục Thống kê tỉnh Lai Châu", "Cục Thống kê tỉnh"),
    ("Bệnh viện Đa khoa tỉnh Sơn La", "Bệnh viện Đa khoa tỉnh"),
    ("Agribank Chi nhánh tỉnh Lào Cai", "Agribank Chi nhánh tỉnh"),
    # no "tỉnh" before the place: part of the name
    ("Công ty Cổ phần Cấp nước Hà Tĩnh", "Công ty Cổ phần Cấp nước Hà Tĩnh"),
    ("Công ty Điện lực Lai Châu", "Công ty Điện lực Lai Châu"),
    ("Đài Phát thanh và Truyền hình Sơn La", "Đài Phát thanh và Truyền hình Sơn La"),
    ("Trường Cao đẳng Sơn La", "Trường Cao đẳng Sơn La"),
    ("Báo Lào Cai", "Báo Lào Cai"),
    ("BIDV Chi nhánh Bắc Ninh", "BIDV Chi nhánh Bắc Ninh"),
])
def test_trailing_province_is_shortened_only_after_tinh(written, canonical):
    assert orgs_of(f"Đại diện {written} phát biểu.") == [canonical]


def test_abbreviated_non_party_units_stay_as_written():
    assert orgs_of("Công an tỉnh Tuyên Quang, Viện KSND tỉnh và TAND tỉnh Tuyên Quang ký kết.") == [
        "Công an tỉnh", "Viện KSND tỉnh", "TAND tỉnh"]


def test_province_names_stay_in_canonical_form_of_a_multi_province_bloc():
    assert canonical_org("Bảo hiểm xã hội tỉnh Trà Vinh", multi_province=True) == \
        "Bảo hiểm xã hội tỉnh Trà Vinh"
    assert canonical_org("Bảo hiểm xã hội tỉnh Trà Vinh") == "Bảo hiểm xã hội tỉnh"


def test_multi_province_bloc_keeps_each_province_in_the_mention():
    text = "Cụm gồm Công an tỉnh Đồng Tháp, Công an tỉnh An Giang và Công an tỉnh Trà Vinh."
    assert orgs_of(text, multi_province=True) == [
        "Công an tỉnh Đồng Tháp", "Công an tỉnh An Giang", "Công an tỉnh Trà Vinh"]


def test_multi_province_mention_takes_the_whole_province_name_and_no_more():
    text = ("Cụm gồm Cục Thuế tỉnh Bà Rịa - Vũng Tàu và Cục Thuế tỉnh Thừa Thiên Huế "
            "Nguyễn Văn Hải.")
    found = find_orgs(text, multi_province=True)
    assert [(o.org, o.kind) for o in found] == [
        ("Cục Thuế tỉnh Bà Rịa - Vũng Tàu", "agency"), ("Cục Thuế tỉnh Thừa Thiên Huế", "agency")]
    # one province: the name is shortened as before
    assert orgs_of("Cục Thuế tỉnh Bến Tre chủ trì.") == ["Cục Thuế tỉnh"]


# --- district-level units ------------------------------------------------------------

@pytest.mark.parametrize("written, canonical", [
    ("UBND huyện Mộc Châu", "huyện Mộc Châu"),
    ("Ủy ban nhân dân huyện Đại Từ", "huyện Đại Từ"),
    ("UBND thị xã Phú Thọ", "thị xã Phú Thọ"),
    ("Thị xã Từ Sơn", "thị xã Từ Sơn"),
    ("Thành phố Sông Công", "thành phố Sông Công"),
    ("Huyện Quế Võ", "huyện Quế Võ"),
    ("UBND đặc khu Vân Đồn", "đặc khu Vân Đồn"),
])
def test_district_units_drop_ubnd_and_lower_the_unit_word(written, canonical):
    found = find_orgs(f"Năm qua, {written} hoàn thành chỉ tiêu.")
    assert [(o.org, o.kind) for o in found] == [(canonical, "district")]


def test_district_unit_inside_a_longer_name_is_part_of_it():
    assert orgs_of("Trung tâm Y tế huyện Phú Lương tham gia.") == ["Trung tâm Y tế huyện Phú Lương"]


# --- lists whose shared words are distributed ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Cụm gồm các huyện Mường La, Sông Mã và Thuận Châu.",
     ["huyện Mường La", "huyện Sông Mã", "huyện Thuận Châu"]),
    ("Cụm có 4 thị xã: Sông Công, Phổ Yên, Từ Sơn và Quảng Yên.",
     ["thị xã Sông Công", "thị xã Phổ Yên", "thị xã Từ Sơn", "thị xã Quảng Yên"]),
    ("Khối gồm các sở: Nội vụ; Công Thương; Xây dựng.", ["Sở Nội vụ", "Sở Công Thương", "Sở Xây dựng"]),
    ("Khối gồm các sở Tư pháp, Nội vụ và Ngoại vụ.", ["Sở Tư pháp", "Sở Nội vụ", "Sở Ngoại vụ"]),
    # a name with a comma inside, in a distributive list
    ("Khối gồm các sở: Văn hóa, Thể thao và Du lịch; Y tế; Giáo dục và Đào tạo.",
     ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế", "Sở Giáo dục và Đào tạo"]),
    # "Tỉnh ủy" shared by a distributive list of Party committees
    ("Tham dự có các ban Tổ chức, Tuyên giáo, Dân vận Tỉnh uỷ.",
     ["Ban Tổ chức Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Ban Dân vận Tỉnh ủy"]),
])
def test_shared_words_are_distributed_over_a_list(text, expected):
    assert orgs_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Ban Tổ chức, Ban Dân vận, UBKT Tỉnh ủy cùng ký giao ước.",
     ["Ban Tổ chức Tỉnh ủy", "Ban Dân vận Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy"]),
    ("Ban Nội chính, Ban Tuyên giáo và Văn phòng Tỉnh uỷ thống nhất.",
     ["Ban Nội chính Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy"]),
])
def test_elliptical_party_committees_share_tinh_uy(text, expected):
    assert orgs_of(text) == expected
    assert {org_kind(o) for o in expected} == {"party"}


# --- generic names: lower-case name words, and where a name ends -----------------------

@pytest.mark.parametrize("name", [
    "Công ty TNHH MTV Xổ số kiến thiết Lai Châu",
    "Công ty Cổ phần Môi trường đô thị Lạng Sơn",
    "Công ty TNHH MTV Khai thác công trình thủy lợi Bắc Ninh",
    "Công ty TNHH MTV Lâm nghiệp Văn Bàn",
    "Công ty Phát triển hạ tầng khu công nghiệp Lào Cai",
    "Quỹ tín dụng nhân dân Cốc Lếu",
    "Trung tâm Nước sạch và Vệ sinh môi trường nông thôn tỉnh",
    "Chi cục Thuế khu vực Thái Nguyên",
])
def test_company_names_with_lower_case_words(name):
    assert orgs_of(f"Năm qua, {name} nộp ngân sách vượt kế hoạch.") == [name]


@pytest.mark.parametrize("text, org", [
    ("Giám đốc Sở Tư pháp Đinh Văn Long chủ trì.", "Sở Tư pháp"),
    ("Chủ tịch UBND huyện Mai Sơn Lò Văn Hặc phát biểu.", "huyện Mai Sơn"),
    ("Bí thư Đảng uỷ Khối CCQ tỉnh Hà Văn Minh phát biểu.", "Đảng ủy Khối các cơ quan tỉnh"),
    ("Giám đốc Công ty Cổ phần Môi trường đô thị Lạng Sơn Hoàng Văn Tú phát biểu.",
     "Công ty Cổ phần Môi trường đô thị Lạng Sơn"),
    ("Giám đốc Công ty Xổ số kiến thiết Bà Rịa - Vũng Tàu Lê Văn An phát biểu.",
     "Công ty Xổ số kiến thiết Bà Rịa - Vũng Tàu"),
    ("Giám đốc Công ty Cổ phần Cấp nước Tuyên Quang Hoàng Thị Yến phát biểu.",
     "Công ty Cổ phần Cấp nước Tuyên Quang"),
])
def test_a_persons_name_after_an_org_is_not_swallowed(text, org):
    assert orgs_of(text) == [org]


@pytest.mark.parametrize("text, org", [
    ("Giám đốc Công ty Điện lực Hà Giang Lê Văn Thành phát biểu.", "Công ty Điện lực Hà Giang"),
    ("Giám đốc Công ty Điện lực Cao Bằng Lê Văn Thành phát biểu.", "Công ty Điện lực Cao Bằng"),
    ("Giám đốc Công ty Cổ phần Cấp nước Sơn La Nguyễn Thị Hoa phát biểu.",
     "Công ty Cổ phần Cấp nước Sơn La"),
    ("Giám đốc Công ty TNHH MTV Xổ số kiến thiết Yên Bái Đỗ Thị Lan phát biểu.",
     "Công ty TNHH MTV Xổ số kiến thiết Yên Bái"),
])
def test_a_place_name_opening_with_a_surname_syllable_before_a_person(text, org):
    assert orgs_of(text) == [org]


@pytest.mark.parametrize("text, org", [
    # a surname syllable that opens no known place still starts the person
    ("Giám đốc Công ty Điện lực Hà Văn Thành phát biểu.", "Công ty Điện lực"),
    # a district's name is a place too, and a person after it is still cut off
    ("Giám đốc Trung tâm Y tế Yên Lạc Hà Văn Thành phát biểu.", "Trung tâm Y tế Yên Lạc"),
])
def test_only_a_known_place_name_is_kept_whole_before_a_person(text, org):
    assert orgs_of(text) == [org]


def test_standard_social_organisations_are_known():
    text = ("Cụm gồm Ủy ban MTTQ Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Tỉnh đoàn, "
            "Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh và "
            "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh.")
    assert orgs_of(text) == [
        "Ủy ban MTTQ Việt Nam tỉnh", "Liên đoàn Lao động tỉnh", "Tỉnh đoàn",
        "Hội Liên hiệp Phụ nữ tỉnh", "Hội Nông dân tỉnh", "Hội Cựu chiến binh tỉnh",
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"]


# --- kinds ------------------------------------------------------------------------------

@pytest.mark.parametrize("org, kind", [
    ("Văn phòng Tỉnh ủy", "party"),
    ("Sở Ngoại vụ", "agency"),
    ("Ban Thường vụ Tỉnh ủy", "body"),
    ("Ban Thi đua - Khen thưởng tỉnh", "body"),
    ("UBND tỉnh", "conferrer"),
    ("Thủ tướng Chính phủ", "conferrer"),
    ("Công ty Điện lực Lai Châu", "generic"),
])
def test_org_kind(org, kind):
    assert org_kind(org) == kind


def test_non_member_bodies_are_found_with_their_kind():
    found = find_orgs("BTV Tỉnh uỷ, UBND tỉnh và Ban Thi đua - Khen thưởng tỉnh chỉ đạo khối.")
    assert [(o.org, o.kind) for o in found] == [
        ("Ban Thường vụ Tỉnh ủy", "body"), ("UBND tỉnh", "conferrer"),
        ("Ban Thi đua - Khen thưởng tỉnh", "body")]


# --- offsets ----------------------------------------------------------------------------

OFFSET_TEXTS = [
    "Khối gồm các sở: Y tế; Tư pháp và Thanh tra tỉnh, UBND huyện Mường La.",
    "Tham dự có các ban Tổ chức, Tuyên giáo, Dân vận Tỉnh uỷ; Trường Chính trị Nguyễn Văn Cừ.",
    "Cụm có 4 thị xã: Sông Công, Phổ Yên, Từ Sơn và Quảng Yên.",
    "Giám đốc Công ty TNHH MTV Lâm nghiệp Văn Bàn Vũ Thị Hằng và Ban Bảo vệ, chăm sóc sức khoẻ cán bộ tỉnh.",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_every_mention_has_valid_offsets_and_no_overlap(text):
    found = find_orgs(text)
    assert found
    prev_end = 0
    for o in found:
        assert 0 <= o.start < o.end <= len(text)
        mention = text[o.start:o.end]
        assert mention == mention.strip(" ,;:."), o
        assert o.start >= prev_end, "mentions overlap"
        prev_end = o.end


def test_find_orgs_respects_a_window():
    text = "Sở Y tế báo cáo. Sở Nội vụ phát biểu."
    cut = text.index("Sở Nội vụ")
    assert orgs_of(text[:cut]) == ["Sở Y tế"]
    assert [o.org for o in find_orgs(text, cut, len(text))] == ["Sở Nội vụ"]


def test_orgs_component_keys_mentions_by_sentence():
    doc = extract("Sở Y tế báo cáo.\nSở Nội vụ và UBKT Tỉnh uỷ phát biểu.", components=("orgs",))
    per_sentence = doc.ctx["orgs"]
    assert {i: [o.org for o in found] for i, found in per_sentence.items()} == {
        0: ["Sở Y tế"], 1: ["Sở Nội vụ", "Ủy ban Kiểm tra Tỉnh ủy"]}
    for i, found in per_sentence.items():
        s = doc.sentences[i]
        assert all(s.start <= o.start < o.end <= s.end for o in found)


def test_orgs_component_skips_irrelevant_articles():
    doc = extract("Sở Y tế báo cáo.", components=())
    doc.fields["relevant"] = False
    from pipeline.registry import create
    assert "orgs" not in create("orgs")(doc).ctx


@pytest.mark.parametrize("sentence, org", [
    # the dictionary writes "văn hoá", "thuỷ lợi": new-style spellings continue a name too
    ("Trung tâm Văn hóa - Điện ảnh tỉnh Bắc Kạn tổ chức liên hoan.", "Trung tâm Văn hóa - Điện ảnh tỉnh"),
    ("Công ty TNHH MTV Thủy lợi Bắc Sông Mã hoàn thành kế hoạch.", "Công ty TNHH MTV Thủy lợi Bắc Sông Mã"),
    ("Công ty TNHH MTV Thuỷ lợi Bắc Sông Mã hoàn thành kế hoạch.", "Công ty TNHH MTV Thủy lợi Bắc Sông Mã"),
])
def test_a_dictionary_word_continues_a_name_in_either_tone_style(sentence, org):
    assert [o.org for o in find_orgs(sentence)] == [org]


@pytest.mark.parametrize("sentence, orgs", [
    ("Techcombank Chi nhánh Quảng Ninh và Chi nhánh NHCSXH tỉnh Quảng Ninh được đề nghị tặng Cờ.",
     ["Techcombank Chi nhánh Quảng Ninh", "Chi nhánh NHCSXH tỉnh"]),
    ("Agribank Chi nhánh tỉnh Hưng Yên và SHB Chi nhánh Hưng Yên ký kết giao ước.",
     ["Agribank Chi nhánh tỉnh", "SHB Chi nhánh Hưng Yên"]),
])
def test_two_banks_joined_by_and_stay_two(sentence, orgs):
    assert [o.org for o in find_orgs(sentence)] == orgs


@pytest.mark.parametrize("sentence, orgs", [
    # a centrally-run city's Party agencies are kept as written, level word shared
    ("Khối gồm Văn phòng Thành ủy, các ban Tổ chức, Dân vận Thành ủy và Trường Chính trị thành phố.",
     ["Văn phòng Thành ủy", "Ban Tổ chức Thành ủy", "Ban Dân vận Thành ủy", "Trường Chính trị thành phố"]),
    ("Ban Tuyên giáo, Ban Nội chính, UBKT Thành ủy Cần Thơ ký giao ước.",
     ["Ban Tuyên giáo Thành ủy", "Ban Nội chính Thành ủy", "UBKT Thành ủy"]),
])
def test_city_party_agencies_are_kept_as_written(sentence, orgs):
    found = find_orgs(sentence)
    assert [o.org for o in found] == orgs
    assert {org_kind(o.org) for o in found} == {"party"}


@pytest.mark.parametrize("sentence, orgs", [
    ("Cụm gồm 3 phường thuộc thành phố Bảo Lộc (cũ): Lộc Phát, Lộc Tiến và Lộc Sơn.",
     ["phường Lộc Phát", "phường Lộc Tiến", "phường Lộc Sơn"]),
    ("Cụm thi đua số 2 gồm 4 xã trên địa bàn huyện Mộc Châu cũ: Tân Lập, Lóng Sập, Chiềng Sơn và Đoàn Kết.",
     ["xã Tân Lập", "xã Lóng Sập", "xã Chiềng Sơn", "xã Đoàn Kết"]),
    ("Hai xã đạt chuẩn nông thôn mới nâng cao: Tân Lập và Lóng Sập.", ["xã Tân Lập", "xã Lóng Sập"]),
    # "là" or "gồm" ends the qualifier as a colon does (held-out set 7)
    ("Hai xã đạt chuẩn nông thôn mới nâng cao là Tân Lập và Lóng Sập.", ["xã Tân Lập", "xã Lóng Sập"]),
    # but not before a lower-case word: no list follows
    ("Hai xã đạt chuẩn nông thôn mới nâng cao là điều đáng ghi nhận ở Tân Lập.", []),
])
def test_a_list_after_a_place_qualifier_and_a_colon(sentence, orgs):
    assert [o.org for o in find_orgs(sentence) if o.kind == "district"] == orgs


@pytest.mark.parametrize("written", ["Ủy ban MTTQ tỉnh", "UBMTTQ Việt Nam tỉnh", "LĐLĐ tỉnh",
                                     "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"])
def test_non_party_abbreviations_and_forms_are_kept_as_written(written):
    found = find_orgs(f"Đại diện {written} phát biểu.")
    assert [o.org for o in found] == [written]
    assert org_kind(found[0].org) == "agency"


@pytest.mark.parametrize("sentence, orgs", [
    # a centrally-run city's units end in "thành phố" as a province's end in "tỉnh"
    ("Hội Cựu chiến binh thành phố và Hội Nông dân thành phố ký giao ước.",
     ["Hội Cựu chiến binh thành phố", "Hội Nông dân thành phố"]),
    # a head word inside a name starts a new run: its dictionary words continue it
    ("Liên hiệp các Hội Khoa học và Kỹ thuật thành phố Cần Thơ tổ chức hội thảo.",
     ["Liên hiệp các Hội Khoa học và Kỹ thuật thành phố"]),
    ("Hội Người mù tỉnh Bến Tre nhận Bằng khen.", ["Hội Người mù tỉnh"]),
])
def test_city_level_units_and_association_names(sentence, orgs):
    assert [o.org for o in find_orgs(sentence)] == orgs


# --- a counted list whose items are written whole ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Khối có 3 hội: Hội Luật gia tỉnh, Hội Nhà báo tỉnh và Hội Người mù tỉnh.",
     ["Hội Luật gia tỉnh", "Hội Nhà báo tỉnh", "Hội Người mù tỉnh"]),
    ("Cụm gồm các huyện: huyện Mường La, huyện Sông Mã.", ["huyện Mường La", "huyện Sông Mã"]),
])
def test_a_list_whose_items_already_carry_the_unit_is_not_prefixed_again(text, expected):
    assert orgs_of(text, province="Sơn La") == expected


def test_the_unit_is_still_shared_over_bare_items():
    assert orgs_of("Khối có 2 hội: Luật gia, Nhà báo tỉnh.", province="Sơn La") == [
        "Hội Luật gia tỉnh", "Hội Nhà báo tỉnh"]


# --- a slash inside a lower-case part of a name ----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Hội Nạn nhân chất độc da cam/dioxin tỉnh Lai Châu tổng kết.", "Hội Nạn nhân chất độc da cam/dioxin tỉnh"),
    ("Dự có Hội Nạn nhân chất độc da cam/dioxin thành phố.", "Hội Nạn nhân chất độc da cam/dioxin thành phố"),
    ("Hội Nạn nhân chất độc da cam tỉnh báo cáo.", "Hội Nạn nhân chất độc da cam tỉnh"),
])
def test_an_inner_phrase_joined_by_a_slash_continues_the_name(text, expected):
    assert orgs_of(text, province="Lai Châu") == [expected]


def test_a_slash_into_words_outside_the_vocabulary_ends_the_name():
    assert orgs_of("Hội Luật gia tỉnh/thành phố họp.", province="Lai Châu") == ["Hội Luật gia tỉnh"]


# --- a centrally-run city's own People's Committee ------------------------------------------

def test_a_citys_peoples_committee_is_a_conferrer_kept_as_written():
    found = find_orgs("Khối đề nghị Chủ tịch UBND thành phố tặng Bằng khen; UBND thành phố chỉ đạo.")
    assert [(o.org, o.kind) for o in found] == [("Chủ tịch UBND thành phố", "conferrer"),
                                                ("UBND thành phố", "conferrer")]


def test_a_named_city_under_a_province_stays_a_district_unit():
    found = find_orgs("UBND thành phố Sơn La tặng Giấy khen.")
    assert [o.org for o in found] == ["thành phố Sơn La"] and found[0].kind != "conferrer"
