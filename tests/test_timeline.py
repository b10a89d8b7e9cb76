"""Cross-article bloc resolution, timeline merging and conflicts, on crafted rows."""
from __future__ import annotations

import pytest

from pipeline.timeline import (article_year, assign_blocs, bloc_kind, conflicts,
                               leadership_timeline, slug)


def art(aid, province, bloc, relevant=True, **kw):
    return {"article_id": aid, "relevant": relevant, "province": province, "bloc": bloc, **kw}


@pytest.mark.parametrize("name, provinces, kind", [
    ("Khối thi đua các cơ quan Đảng tỉnh", ["Quảng Trị"], "khối đảng"),
    ("Khối thi đua các cơ quan Đảng tỉnh Hoà Bình", ["Hòa Bình"], "khối đảng"),  # old tones
    ("KHỐI THI ĐUA CÁC CƠ QUAN ĐẢNG", [], "khối đảng"),
    ("Khối giao ước thi đua các cơ quan Nội chính tỉnh", ["Thừa Thiên Huế"], "khối nội chính"),
    ("Khối thi đua Nội chính", ["Lâm Đồng"], "khối nội chính"),
    ("Khối thi đua Doanh nghiệp tỉnh", ["Khánh Hòa"], "khối doanh nghiệp"),
    ("Cụm thi đua II", ["Cà Mau"], "cụm số 2"),
    ("Cụm thi đua số 02", [], "cụm số 2"),
    ("Khối thi đua VII", [], "khối số 7"),
    ("Khối thi đua số 7 (khối sở, ngành)", [], "khối số 7"),
    ("Cụm thi đua các huyện, thị xã, thành phố", ["Tây Ninh"], "cụm huyện, thành phố, thị xã"),
    ("Cụm thi đua các huyện, thành phố, thị xã", ["Vĩnh Phúc"], "cụm huyện, thành phố, thị xã"),
    ("Khối thi đua VH - XH", [], "khối văn hóa - xã hội"),  # gazetteer alias
    ("Khối thi đua tỉnh Quảng Nam", ["Quảng Nam"], None),
    ("", ["Quảng Nam"], None),
    (None, [], None),
])
def test_bloc_kind(name, provinces, kind):
    assert bloc_kind(name, provinces) == kind


def test_cum_and_khoi_with_the_same_number_differ():
    assert bloc_kind("Cụm thi đua số 2", []) != bloc_kind("Khối thi đua số 2", [])


def test_slug_is_ascii():
    assert slug("Bà Rịa - Vũng Tàu") == "ba-ria-vung-tau"
    assert slug("khối đảng") == "khoi-dang"


def test_same_bloc_in_two_articles_gets_one_id():
    arts = [art("a1", "Quảng Nam", "Khối thi đua các cơ quan Đảng tỉnh"),
            art("a2", "Quảng Nam", "Khối thi đua các cơ quan Đảng tỉnh Quảng Nam"),
            art("a3", "Quảng Ngãi", "Khối thi đua các cơ quan Đảng tỉnh"),
            art("a4", "Quảng Nam", "Khối thi đua Nội chính"),
            art("a5", "Quảng Nam", "", ),                       # several blocs: its own
            art("a6", "Quảng Nam", "Khối thi đua các cơ quan Đảng tỉnh", relevant=False)]
    by_article, blocs = assign_blocs(arts)
    assert by_article["a1"] == by_article["a2"] == "quang-nam/khoi-dang"
    assert by_article["a3"] == "quang-ngai/khoi-dang"
    assert by_article["a4"] == "quang-nam/khoi-noi-chinh"
    assert by_article["a5"] not in (by_article["a1"], by_article["a4"])
    assert "a6" not in by_article
    assert blocs["quang-nam/khoi-dang"].article_ids == ["a1", "a2"]
    # the display name is the commonest spelling, ties to the fullest
    assert blocs["quang-nam/khoi-dang"].name == "Khối thi đua các cơ quan Đảng tỉnh Quảng Nam"


def test_timeline_merges_articles_and_keeps_conflicts():
    arts = [art("a1", "Quảng Nam", "Khối thi đua các cơ quan Đảng tỉnh", review_year="2023"),
            art("a2", "Quảng Nam", "Khối thi đua các cơ quan Đảng", review_year="2023"),
            art("a3", "Quảng Nam", "Khối thi đua các cơ quan Đảng tỉnh", review_year="2024")]
    leaders = [
        {"article_id": "a1", "year": "2023", "role": "head", "org": "Văn phòng Tỉnh ủy"},
        {"article_id": "a2", "year": "2023", "role": "head", "org": "Văn phòng Tỉnh uỷ"},  # same, old tone
        {"article_id": "a1", "year": "2024", "role": "head", "org": "Ban Tổ chức Tỉnh ủy"},
        {"article_id": "a3", "year": "2024", "role": "head", "org": "Ban Dân vận Tỉnh ủy"},
        {"article_id": "a1", "year": "2024", "role": "deputy", "org": "Ban Nội chính Tỉnh ủy"},
        {"article_id": "a3", "year": "2024", "role": "deputy", "org": "Trường Chính trị tỉnh"},
    ]
    tl = leadership_timeline(arts, leaders)
    heads23 = [r for r in tl if r["year"] == 2023 and r["role"] == "head"]
    assert len(heads23) == 1
    assert heads23[0]["org"] == "Văn phòng Tỉnh ủy"
    assert heads23[0]["article_ids"] == ["a1", "a2"]
    assert heads23[0]["conflict"] is False
    heads24 = [r for r in tl if r["year"] == 2024 and r["role"] == "head"]
    assert {r["org"] for r in heads24} == {"Ban Tổ chức Tỉnh ủy", "Ban Dân vận Tỉnh ủy"}
    assert all(r["conflict"] for r in heads24)          # both kept, both flagged
    deputies = [r for r in tl if r["role"] == "deputy"]
    assert len(deputies) == 2 and not any(r["conflict"] for r in deputies)  # two deputies is normal

    cs = conflicts(tl)
    assert len(cs) == 1
    c = cs[0]
    assert (c["bloc_id"], c["year"], c["role"], c["scope"]) == ("quang-nam/khoi-dang", 2024, "head",
                                                                "cross_article")
    assert sorted(c["orgs"]) == ["Ban Dân vận Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"]
    assert c["article_ids"] == ["a1", "a3"]
    assert "Ban Dân vận Tỉnh ủy (a3)" in c["detail"]


def test_one_article_naming_two_heads_is_a_same_article_conflict():
    arts = [art("a1", "Cà Mau", "Cụm thi đua II")]
    leaders = [{"article_id": "a1", "year": 2019, "role": "head", "org": "huyện U Minh"},
               {"article_id": "a1", "year": 2019, "role": "head", "org": "huyện Thới Bình"}]
    (c,) = conflicts(leadership_timeline(arts, leaders))
    assert c["scope"] == "same_article"


def test_blocs_of_different_provinces_never_conflict():
    arts = [art("a1", "Quảng Nam", "Khối thi đua Nội chính"),
            art("a2", "Lâm Đồng", "Khối thi đua Nội chính")]
    leaders = [{"article_id": "a1", "year": 2020, "role": "head", "org": "Công an tỉnh"},
               {"article_id": "a2", "year": 2020, "role": "head", "org": "Tòa án nhân dân tỉnh"}]
    assert conflicts(leadership_timeline(arts, leaders)) == []


def test_article_year_prefers_review_then_plan_then_event():
    assert article_year({"review_year": "2021", "plan_year": "2022"}) == 2021
    assert article_year({"review_year": None, "plan_year": 2022}) == 2022
    assert article_year({"event_date": "2019-12-27"}) == 2019
    assert article_year({}) is None
