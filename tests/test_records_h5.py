"""Classes of phrasing from the fifth blind set (corpus/heldout5) for the record
extractors: awards, leadership and people.

Each sentence is written for this file, with other provinces, units and
people than the held-out articles, so a test shows the class and not the
article's sentence; defaults are review year 2023, plan year 2024.
"""
from __future__ import annotations

from helpers import extract, records

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
