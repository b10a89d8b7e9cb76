"""The "leadership" component: head/deputy terms and handovers on crafted sentences.

The contract's rules (SPEC "leaders.csv"/"handovers.csv", dev README call 1
and 2) on sentences written for this file: transfer wording gives a
handover and terms for the new year and the one before; a bare election
gives terms only; a year is shared inside a sentence or set by a
sentence-initial "Năm N,"; a role known through a person counts for the
person's unit.  Years are chosen away from the defaults where that shows
which rule gave the year.
"""
from __future__ import annotations

import pytest

from helpers import extract, records


def leaders(doc) -> list[tuple]:
    return records(doc, "leaders", "year", "role", "org")


def handovers(doc) -> list[tuple]:
    return records(doc, "handovers", "role", "year", "from_org", "to_org")


# --- transfer wording -------------------------------------------------------------

@pytest.mark.parametrize("text, review, plan, new_year, old, new", [
    ("Tại hội nghị, Cục Thống kê tỉnh bàn giao nhiệm vụ Khối trưởng năm 2019 cho Kho bạc Nhà nước tỉnh.",
     2018, 2019, 2019, "Cục Thống kê tỉnh", "Kho bạc Nhà nước tỉnh"),
    # "trao Cờ trưởng khối" with no year: the new term is the plan year
    ("Sở Y tế đã trao Cờ trưởng khối cho Sở Giáo dục và Đào tạo.",
     2020, 2021, 2021, "Sở Y tế", "Sở Giáo dục và Đào tạo"),
    # a district cluster, the flag named "Cờ trưởng cụm", year in the phrase
    ("Đại diện huyện Mai Sơn trao Cờ trưởng cụm năm 2025 cho huyện Yên Châu.",
     2024, 2025, 2025, "huyện Mai Sơn", "huyện Yên Châu"),
    # the year only in an apposition after the new holder
    ("Huyện Quỳnh Nhai trao cờ Cụm trưởng cho huyện Phù Yên, đơn vị Cụm trưởng năm 2024.",
     2023, 2024, 2024, "huyện Quỳnh Nhai", "huyện Phù Yên"),
    # the receiving side: "Y nhận Cờ trưởng khối từ X"
    ("Cục Hải quan tỉnh nhận Cờ trưởng khối từ Cục Thuế tỉnh.",
     2020, 2021, 2021, "Cục Thuế tỉnh", "Cục Hải quan tỉnh"),
    ("Sở Tài chính tiếp nhận Cờ trưởng khối năm 2021 từ đơn vị Sở Y tế.",
     2020, 2021, 2021, "Sở Y tế", "Sở Tài chính"),
    # the outgoing holder named through the person who hands over
    ("Đồng chí Lò Văn Hùng, Giám đốc Sở Tư pháp, Trưởng khối năm 2020 trao Cờ trưởng khối cho Sở Nội vụ.",
     2020, 2021, 2021, "Sở Tư pháp", "Sở Nội vụ"),
])
def test_transfer_gives_a_handover_and_terms_for_both_years(text, review, plan, new_year, old, new):
    doc = extract(text, review, plan)
    assert handovers(doc) == [("head", new_year, old, new)]
    assert leaders(doc) == sorted([(new_year - 1, "head", old), (new_year, "head", new)])


def test_a_deputys_transfer():
    doc = extract("Cục Hải quan tỉnh bàn giao nhiệm vụ Khối phó năm 2019 cho Cục Thống kê tỉnh.", 2018, 2019)
    assert handovers(doc) == [("deputy", 2019, "Cục Hải quan tỉnh", "Cục Thống kê tỉnh")]
    assert leaders(doc) == [(2018, "deputy", "Cục Hải quan tỉnh"), (2019, "deputy", "Cục Thống kê tỉnh")]


def test_transfer_without_a_named_giver_has_an_empty_from_org():
    doc = extract("Khối đã bàn giao nhiệm vụ Khối trưởng cho Sở Nội vụ.", 2020, 2021)
    assert handovers(doc) == [("head", 2021, "", "Sở Nội vụ")]
    assert leaders(doc) == [(2021, "head", "Sở Nội vụ")]


def test_receiving_a_handed_over_role_names_the_receiver_as_new_holder_only():
    doc = extract("Kho bạc Nhà nước tỉnh nhận bàn giao nhiệm vụ Khối trưởng năm 2019 từ Cục Thuế tỉnh.",
                  2018, 2019)
    assert handovers(doc) == [("head", 2019, "Cục Thuế tỉnh", "Kho bạc Nhà nước tỉnh")]
    assert leaders(doc) == [(2018, "head", "Cục Thuế tỉnh"), (2019, "head", "Kho bạc Nhà nước tỉnh")]


@pytest.mark.parametrize("text", [
    "Tại hội nghị, Sở Ngoại vụ tiếp nhận bàn giao nhiệm vụ Cụm trưởng năm 2022.",
    "Tại hội nghị, Sở Ngoại vụ được trao Cờ trưởng khối năm 2022.",
    "Sở Ngoại vụ nhận bàn giao Cờ trưởng khối năm 2022.",
])
def test_a_receiver_without_the_giver_named_is_the_new_holder(text):
    doc = extract(text, 2021, 2022)
    assert leaders(doc) == [(2022, "head", "Sở Ngoại vụ")]
    assert handovers(doc) == [("head", 2022, "", "Sở Ngoại vụ")]


# --- elections, incumbents and years --------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Hội nghị đã suy tôn Bảo hiểm xã hội tỉnh làm Trưởng khối năm 2024.",
     [(2024, "head", "Bảo hiểm xã hội tỉnh")]),
    ("Các đại biểu nhất trí bầu huyện Thuận Châu làm Cụm trưởng năm 2024.",
     [(2024, "head", "huyện Thuận Châu")]),
    # no year: an election is for the new term (plan year)
    ("Hội nghị bầu Sở Y tế làm Khối trưởng.", [(2024, "head", "Sở Y tế")]),
])
def test_a_bare_election_gives_leader_rows_only(text, expected):
    doc = extract(text, 2023, 2024)
    assert leaders(doc) == expected
    assert handovers(doc) == []


def test_an_incumbent_without_a_year_holds_the_reviewed_year():
    doc = extract("Sở Tài chính, Khối trưởng, chủ trì hội nghị.", 2020, 2021)
    assert leaders(doc) == [(2020, "head", "Sở Tài chính")]


@pytest.mark.parametrize("text", [
    "Hội nghị bầu Sở Xây dựng làm Khối trưởng năm 2016, Sở Tư pháp làm Khối phó.",
    # the deputy first, the year at the end
    "Hội nghị thống nhất: Sở Tư pháp làm Khối phó, Sở Xây dựng làm Khối trưởng năm 2016.",
])
def test_an_elliptical_deputy_shares_the_year_of_the_sentence(text):
    # review 2015 and no plan year: the deputy's 2016 can only come from the sentence
    doc = extract(text, 2015, None)
    assert leaders(doc) == [(2016, "deputy", "Sở Tư pháp"), (2016, "head", "Sở Xây dựng")]
    assert handovers(doc) == []


@pytest.mark.parametrize("text", [
    "Năm 2022, Sở Nội vụ là Cụm trưởng, Sở Ngoại vụ là Cụm phó.",
    "Trong năm 2022, Sở Nội vụ là Trưởng cụm; Sở Ngoại vụ là Phó cụm.",
    # not the article's first sentence: the year opens the sentence, not the text
    "Cụm họp tổng kết tại Mộc Châu. Năm 2022, Sở Nội vụ là Cụm trưởng, Sở Ngoại vụ là Cụm phó.",
])
def test_a_sentence_initial_year_sets_the_year_of_plain_statements(text):
    doc = extract(text, 2023, 2024)
    assert leaders(doc) == [(2022, "deputy", "Sở Ngoại vụ"), (2022, "head", "Sở Nội vụ")]


def test_holders_named_after_the_role():
    doc = extract("Khối trưởng năm 2024 là Sở Khoa học và Công nghệ, Khối phó là Sở Du lịch.", 2023, 2024)
    assert leaders(doc) == [(2024, "deputy", "Sở Du lịch"), (2024, "head", "Sở Khoa học và Công nghệ")]


@pytest.mark.parametrize("text", [
    "Hội nghị chọn Công an tỉnh và Tòa án nhân dân tỉnh làm Khối phó năm 2024.",
    "Công an tỉnh, Tòa án nhân dân tỉnh được bầu làm Khối phó năm 2024.",
])
def test_two_deputies_in_one_phrase(text):
    doc = extract(text, 2023, 2024)
    assert leaders(doc) == [(2024, "deputy", "Công an tỉnh"), (2024, "deputy", "Tòa án nhân dân tỉnh")]


def test_a_role_known_only_through_a_persons_unit():
    doc = extract("Ông Hà Văn Tuấn, Phó Giám đốc Sở Xây dựng, Phó khối, phát biểu.", 2023, 2024)
    assert leaders(doc) == [(2023, "deputy", "Sở Xây dựng")]


def test_a_generic_mention_of_the_role_names_no_holder():
    doc = extract("Các đơn vị phối hợp chặt chẽ với các đơn vị Khối phó.", 2020, 2021)
    assert leaders(doc) == []


def test_the_heads_flag_is_not_a_deputy_or_head_phrase_of_its_own():
    doc = extract("Sở Nội vụ trao Cờ trưởng khối cho Sở Tài chính.", 2023, 2024)
    assert leaders(doc) == [(2023, "head", "Sở Nội vụ"), (2024, "head", "Sở Tài chính")]


# --- handovers derived from the old and the new holder ------------------------------------

@pytest.mark.parametrize("text", [
    # the old head known only through the person chairing the meeting
    "Bà Lò Thị Mai, Giám đốc Sở Tư pháp, Khối trưởng năm 2018, chủ trì hội nghị. "
    "Hội nghị bầu Sở Tài chính làm Khối trưởng năm 2019.",
    # the old head in parentheses
    "Sở Tư pháp (Khối trưởng năm 2018) chủ trì hội nghị. Hội nghị bầu Sở Tài chính làm Khối trưởng.",
    # a sentence year for the old head
    "Năm 2018, Sở Tư pháp là Khối trưởng. Hội nghị bầu Sở Tài chính làm Khối trưởng năm 2019.",
    # "thay (cho) X"
    "Hội nghị bầu Sở Tài chính làm Khối trưởng năm 2019, thay Sở Tư pháp.",
])
def test_old_and_new_head_named_without_transfer_wording_give_a_handover(text):
    doc = extract(text, 2018, 2019)
    assert leaders(doc) == [(2018, "head", "Sở Tư pháp"), (2019, "head", "Sở Tài chính")]
    assert handovers(doc) == [("head", 2019, "Sở Tư pháp", "Sở Tài chính")]


@pytest.mark.parametrize("text, role, old, new", [
    # the replacing words are data (leadership_cues.csv, kind "replace"): "kế nhiệm X"
    ("Các đại biểu thống nhất suy tôn Sở Công Thương làm Trưởng khối năm 2021, kế nhiệm "
     "Sở Kế hoạch và Đầu tư.", "head", "Sở Kế hoạch và Đầu tư", "Sở Công Thương"),
    # "thay thế X", a district cluster
    ("Huyện Than Uyên được bầu làm Cụm trưởng năm 2021 thay thế huyện Tam Đường.",
     "head", "huyện Tam Đường", "huyện Than Uyên"),
    # "thay cho đơn vị X", a deputy
    ("Hội nghị chọn Kho bạc Nhà nước tỉnh làm Khối phó năm 2021, thay cho đơn vị Cục Thống kê tỉnh.",
     "deputy", "Cục Thống kê tỉnh", "Kho bạc Nhà nước tỉnh"),
])
def test_replacing_words_name_the_outgoing_holder(text, role, old, new):
    # review 2019, no plan year: the handover can only come from the wording, not
    # from the plan-year comparison of holders
    doc = extract(text, 2019, None)
    assert leaders(doc) == [(2020, role, old), (2021, role, new)]
    assert handovers(doc) == [(role, 2021, old, new)]


def test_speaking_on_behalf_of_a_unit_is_not_replacing_it():
    doc = extract("Hội nghị bầu Sở Xây dựng làm Khối trưởng năm 2024, bà Lò Thị Hoa thay mặt "
                  "Sở Xây dựng phát biểu nhận nhiệm vụ.", 2023, 2024)
    assert leaders(doc) == [(2024, "head", "Sở Xây dựng")]
    assert handovers(doc) == []


@pytest.mark.parametrize("text, role, new_year, old, new", [
    # a receiving clause opening the sentence: its subject follows the giver
    ("Nhận bàn giao nhiệm vụ Cụm trưởng năm 2024 từ huyện Bắc Yên, huyện Mộc Châu sẽ điều hành "
     "các hoạt động của cụm.", "head", 2024, "huyện Bắc Yên", "huyện Mộc Châu"),
    # with a lead-in (kind "lead_in") and the flag, no year: the plan year
    ("Sau khi tiếp nhận Cờ trưởng khối từ Sở Tài nguyên và Môi trường, Sở Giao thông vận tải "
     "cam kết phát huy vai trò của đơn vị đứng đầu khối.", "head", 2024,
     "Sở Tài nguyên và Môi trường", "Sở Giao thông vận tải"),
    ("Tiếp nhận bàn giao nhiệm vụ Khối phó năm 2024 từ Cục Thống kê tỉnh, đơn vị Bảo hiểm xã hội "
     "tỉnh sẽ phối hợp với Khối trưởng.", "deputy", 2024, "Cục Thống kê tỉnh", "Bảo hiểm xã hội tỉnh"),
])
def test_a_receiving_clause_opening_the_sentence_names_its_subject_as_new_holder(
        text, role, new_year, old, new):
    doc = extract(text, 2023, 2024)
    assert handovers(doc) == [(role, new_year, old, new)]
    assert (new_year - 1, role, old) in leaders(doc)
    assert (new_year, role, new) in leaders(doc)


def test_a_receiving_clause_after_its_subject_is_not_read_as_fronted():
    # "Y, nhận ... từ X, ..." keeps Y (before) as the receiver, not the unit after X
    doc = extract("Sở Tư pháp nhận bàn giao nhiệm vụ Khối trưởng năm 2024 từ Sở Nội vụ, Sở Ngoại vụ "
                  "làm Khối phó.", 2023, 2024)
    assert handovers(doc) == [("head", 2024, "Sở Nội vụ", "Sở Tư pháp")]


def test_the_same_unit_re_elected_is_no_handover():
    doc = extract("Sở Công Thương, đơn vị Khối trưởng năm 2023, tiếp tục được suy tôn làm "
                  "Khối trưởng năm 2024.", 2023, 2024)
    assert leaders(doc) == [(2023, "head", "Sở Công Thương"), (2024, "head", "Sở Công Thương")]
    assert handovers(doc) == []


def test_a_newly_founded_blocs_roles_are_no_handover():
    doc = extract("Khối mới được thành lập; Sở Dân tộc và Tôn giáo được giao làm Khối trưởng, "
                  "Sở Ngoại vụ làm Khối phó năm 2025.", None, 2025)
    assert leaders(doc) == [(2025, "deputy", "Sở Ngoại vụ"), (2025, "head", "Sở Dân tộc và Tôn giáo")]
    assert handovers(doc) == []


def test_leader_mentions_point_at_the_holder():
    doc = extract("Hội nghị bầu Sở Y tế làm Khối trưởng năm 2024.", 2023, 2024)
    (row,) = doc.records["leaders"]
    assert row["mention"] == "Sở Y tế"


def test_receiving_the_flag_from_a_district_people_s_committee():
    """District and commune units are written "UBND xã X": the UBND after "từ" is no gap."""
    text = "UBND xã Bản Lầu nhận Cờ Cụm trưởng năm 2025 từ UBND xã Mường Khương."
    doc = extract(text, None, 2025, province="Lào Cai")
    assert handovers(doc) == [("head", 2025, "xã Mường Khương", "xã Bản Lầu")]
