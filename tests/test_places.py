"""Province gazetteers, lookups and the place extractor (crafted text and the dev corpus)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.gazetteers import load_csv
from pipeline.model import RawArticle
from pipeline.normalize import fold, normalize
from pipeline.outlets import brand_line, outlet_by_code, outlet_by_url, outlet_code_at
from pipeline.places import (find_provinces, is_province_name, new_provinces, old_provinces,
                             province_2025, province_by_code, province_by_name,
                             province_names, province_of_commune, province_of_district,
                             provinces_of_district, trailing_province)
from pipeline.read import iter_articles
from pipeline.registry import create
from pipeline.segment import segment

from helpers import field_f1

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


# -- gazetteer content ----------------------------------------------------------

def test_counts_and_unique_codes():
    old, new = old_provinces(), new_provinces()
    assert len(old) == 63 and len(new) == 34
    assert len({p.code for p in old}) == 63 and len({p.code for p in new}) == 34
    assert all(len(p.code) == 2 and p.code.isdigit() for p in old + new)
    # Every old province maps to one of the 34.
    assert {p.short_2025 for p in old} == {p.short for p in new}


@pytest.mark.parametrize("old, new, code", [
    ("Quảng Nam", "Đà Nẵng", "48"), ("Hà Giang", "Tuyên Quang", "08"),
    ("Bình Dương", "Hồ Chí Minh", "79"), ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "79"),
    ("Bình Định", "Gia Lai", "52"), ("Đắk Nông", "Lâm Đồng", "68"),
    ("Bình Phước", "Đồng Nai", "75"), ("Hà Nam", "Ninh Bình", "37"),
    ("Vĩnh Phúc", "Phú Thọ", "25"), ("Hòa Bình", "Phú Thọ", "25"),
    ("Phú Yên", "Đắk Lắk", "66"), ("Thừa Thiên Huế", "Huế", "46"),
    ("Hậu Giang", "Cần Thơ", "92"), ("Bến Tre", "Vĩnh Long", "86"),
    ("Kiên Giang", "An Giang", "91"), ("Yên Bái", "Lào Cai", "15"),
])
def test_merger_mapping(old, new, code):
    p = province_2025(old)
    assert (p.short, p.code, p.era) == (new, code, "new")


@pytest.mark.parametrize("code, short", [
    ("02", "Hà Giang"), ("17", "Hòa Bình"), ("46", "Thừa Thiên Huế"), ("49", "Quảng Nam"),
    ("52", "Bình Định"), ("56", "Khánh Hòa"), ("38", "Thanh Hóa"), ("77", "Bà Rịa - Vũng Tàu"),
    ("96", "Cà Mau"), ("64", "Gia Lai"),
])
def test_old_codes_and_new_style_tones(code, short):
    assert province_by_code(code).short == short


def test_full_names_and_short_2025_names():
    assert province_by_code("49").name == "Tỉnh Quảng Nam"
    assert province_by_code("48").name == "Thành phố Đà Nẵng"
    assert {p.short for p in new_provinces()} >= {"Hồ Chí Minh", "Huế", "Gia Lai", "Lâm Đồng"}
    assert province_by_code("52", era="new").short == "Gia Lai"


def test_districts_table():
    rows = load_csv("districts.csv")
    assert len(rows) > 690
    assert {r["type"] for r in rows} == {"huyện", "thị xã", "thành phố", "quận"}


# -- lookups ---------------------------------------------------------------------

@pytest.mark.parametrize("text, short", [
    ("Quảng Nam", "Quảng Nam"), ("tỉnh Quảng Nam", "Quảng Nam"), ("Tỉnh Quảng Nam", "Quảng Nam"),
    ("Hoà Bình", "Hòa Bình"), ("KHÁNH HOÀ", "Khánh Hòa"), ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
    ("TP.HCM", "Hồ Chí Minh"), ("TP. Hồ Chí Minh", "Hồ Chí Minh"), ("Sài Gòn", "Hồ Chí Minh"),
    ("Thành phố Đà Nẵng", "Đà Nẵng"), ("Huế", "Thừa Thiên Huế"), ("Đăk Nông", "Đắk Nông"),
])
def test_province_by_name(text, short):
    assert province_by_name(text).short == short


def test_era_choice_and_unknown():
    assert province_by_name("Lâm Đồng").era == "old"
    assert province_by_name("Lâm Đồng", era="new").code == "68"
    assert province_by_name("Huế", era="new").short == "Huế"
    assert province_by_name("Quảng Nam", era="new") is None
    assert province_by_name("Khối thi đua") is None and province_by_name("") is None
    assert is_province_name("Quảng Ngãi") and not is_province_name("Núi Thành")
    assert province_names()[0] == max(province_names(), key=len)


def test_trailing_province():
    at, p = trailing_province("Công an tỉnh Quảng Nam")
    assert at == len("Công an ") and p.short == "Quảng Nam"
    at, p = trailing_province("Agribank Chi nhánh tỉnh Bà Rịa - Vũng Tàu")
    assert "Agribank Chi nhánh tỉnh Bà Rịa - Vũng Tàu"[:at + 4] == "Agribank Chi nhánh tỉnh"
    assert trailing_province("Trường Đại học Quảng Nam") is None
    assert trailing_province("BIDV Chi nhánh Bà Rịa - Vũng Tàu") is None
    assert trailing_province("Công an tỉnh") is None


def test_districts_and_communes():
    assert province_of_district("huyện Núi Thành").short == "Quảng Nam"
    assert province_of_district("UBND huyện Yên Lạc").short == "Vĩnh Phúc"
    assert province_of_district("thị xã Phúc Yên").short == "Vĩnh Phúc"
    assert province_of_district("Hoa Lư").short == "Ninh Bình"      # dissolved in 2025
    assert province_of_district("Châu Thành") is None                # in many provinces
    assert len(provinces_of_district("huyện Châu Thành")) > 3
    assert province_of_commune("xã Đông Phong") is None              # name shared


def test_find_provinces_markers_and_person_name():
    t = "học tập phong cách Hồ Chí Minh; Khối thi đua tỉnh Hoà Bình, Tỉnh ủy Hà Giang và TP.HCM"
    found = [(t[m.start:m.end], m.province.short, m.marker) for m in find_provinces(t)]
    assert found == [("Hoà Bình", "Hòa Bình", "tỉnh"), ("Hà Giang", "Hà Giang", "tỉnh ủy"),
                     ("TP.HCM", "Hồ Chí Minh", "")]
    assert find_provinces("BÁO LÂM ĐỒNG")[0].province.short == "Lâm Đồng"
    assert find_provinces("hòa bình và hữu nghị") == []


# -- outlets ---------------------------------------------------------------------

def test_outlet_codes_from_the_corpus_readme():
    expect = {"QTO": "Báo Quảng Trị", "BHG": "Báo Hà Giang", "QNO": "Báo Quảng Nam",
              "LSO": "Báo Lạng Sơn", "BTNO": "Báo Tây Ninh", "BDO": "Báo Bình Dương",
              "CMO": "Báo Cà Mau", "YBĐT": "Báo Yên Bái", "HBĐT": "Báo Hòa Bình",
              "BGĐT": "Báo Bắc Giang", "QBĐT": "Báo Quảng Bình", "ĐK": "Báo Đồng Khởi",
              "BKT": "Báo Kon Tum", "BĐ": "Báo Bình Định", "PTĐT": "Báo Phú Thọ",
              "BĐT": "Báo Đồng Tháp", "BRVT": "Báo Bà Rịa - Vũng Tàu", "CBĐT": "Báo Cao Bằng",
              "Baonghean.vn": "Báo Nghệ An", "Baohatinh.vn": "Báo Hà Tĩnh",
              "Baoquangngai.vn": "Báo Quảng Ngãi", "Baothanhhoa.vn": "Báo Thanh Hóa"}
    for code, name in expect.items():
        assert outlet_by_code(code).name == name, code
    assert outlet_by_code("ĐK").province.short == "Bến Tre"


def test_every_province_has_a_paper():
    rows = load_csv("outlets.csv")
    assert {r["province"] for r in rows if r["era"] == "old"} == {p.short for p in old_provinces()}
    assert all(province_by_name(r["province"], era=r["era"]) for r in rows)


@pytest.mark.parametrize("line, outlet", [
    ("BÁO SÓC TRĂNG ONLINE", "Báo Sóc Trăng"), ("© Báo Khánh Hòa điện tử", "Báo Khánh Hòa"),
    ("Báo Điện Biên Phủ điện tử", "Báo Điện Biên Phủ"), ("Báo Kiên Giang", "Báo Kiên Giang"),
    ("BÁO LÂM ĐỒNG - CƠ QUAN CỦA ĐẢNG BỘ ĐẢNG CỘNG SẢN VIỆT NAM TỈNH LÂM ĐỒNG", "Báo Lâm Đồng"),
    ("BÁO VÀ PHÁT THANH, TRUYỀN HÌNH LÂM ĐỒNG", "Báo và Phát thanh, Truyền hình Lâm Đồng"),
])
def test_brand_lines(line, outlet):
    assert brand_line(line).name == outlet


def test_sentences_naming_a_paper_are_not_brand_lines():
    assert brand_line("Báo Đồng Tháp là đơn vị Khối phó.") is None
    assert brand_line("Báo Hà Nam và Trường Chính trị tỉnh") is None
    assert outlet_code_at("(QNO) - Chiều nay 1.3, Khối") is not None
    assert outlet_code_at("LSO- Chiều") is not None
    assert outlet_code_at("Khối thi đua - Sở Y tế") is None
    assert outlet_by_url("https://www.baoquangnam.vn/chinh-tri/x.html").name == "Báo Quảng Nam"
    assert outlet_by_url("https://tin.example.vn/a.html") is None


# -- the place extractor -----------------------------------------------------------

def run(text: str, components=("metadata", "place")):
    doc = segment(normalize(RawArticle("t", "t", text)))
    for name in components:
        doc = create(name)(doc)
    return doc


def test_outlet_wins_over_a_single_other_province():
    d = run("Khối thi đua tổng kết\n(QNO) - Sáng 10.1, khối giao lưu với Văn phòng Tỉnh ủy Quảng Ninh.")
    assert (d.fields["province"], d.fields["province_code"], d.fields["province_2025"]) == \
        ("Quảng Nam", "49", "Đà Nẵng")
    assert d.ctx["province"] == "Quảng Nam" and d.ctx["province_info"].code == "49"


def test_districts_alone_give_the_province():
    d = run("Cụm thi đua tổng kết\nHuyện Yên Lạc dẫn đầu; thị xã Phúc Yên và huyện Bình Xuyên được đề nghị.")
    assert d.fields["province"] == "Vĩnh Phúc" and d.fields["province_code"] == "26"


def test_a_bloc_of_several_provinces_gives_none():
    d = run("Cụm thi đua các tỉnh Tây Nguyên\nCụm gồm 5 tỉnh Kon Tum, Gia Lai, Đắk Lắk, Đắk Nông và Lâm Đồng.")
    assert d.fields["province"] is None and d.ctx["multi_province"]


def test_after_the_merger_the_new_province_and_code():
    text = ("Khối thi đua các cơ quan Nội chính tỉnh tổng kết năm 2025\n"
            "Cập nhật: 26/12/2025 - 10:00\n"
            "Sau khi hợp nhất 3 tỉnh Hà Nam, Nam Định và Ninh Bình, khối gồm 7 đơn vị.")
    d = run(text)
    assert (d.fields["province"], d.fields["province_code"], d.fields["province_2025"]) == \
        ("Ninh Bình", "37", "Ninh Bình")
    # The same names before the merger are three provinces: no single one.
    d = run(text.replace("năm 2025", "năm 2024").replace("26/12/2025", "10/01/2025"))
    assert d.fields["province"] is None
    d = run("Khối thi đua tổng kết năm 2024\nCập nhật: 10/01/2025\nKhối thi đua tỉnh Hà Nam họp.")
    assert (d.fields["province"], d.fields["province_code"], d.fields["province_2025"]) == \
        ("Hà Nam", "35", "Ninh Bình")


def test_boilerplate_and_byline_are_not_evidence():
    d = run("Khối thi đua tổng kết\nSáng 5/1, Khối thi đua tỉnh Cà Mau họp.\n\nHoàng Vũ\n\n"
            "TIN LIÊN QUAN\nTỉnh Quảng Trị tổng kết\nTỉnh Quảng Trị sơ kết\nTỉnh Quảng Trị ký kết")
    assert d.fields["province"] == "Cà Mau"


# -- the dev corpus ----------------------------------------------------------------

# Measured on corpus/ (all gold articles: dev and seeds); a regression floor, not a target.
FLOORS = {"province": 1.0, "province_code": 1.0, "province_2025": 1.0}


@pytest.fixture(scope="module")
def corpus_docs():
    gold = {p.stem: json.loads(p.read_text(encoding="utf-8"))["article"]
            for p in (CORPUS / "gold").glob("*.json")}
    comps = [create("metadata"), create("place")]
    docs = []
    for raw in iter_articles([CORPUS]):
        doc = segment(normalize(raw))
        for c in comps:
            doc = c(doc)
        if doc.article_id in gold:
            docs.append((doc, gold[doc.article_id]))
    return docs




@pytest.mark.parametrize("field", sorted(FLOORS))
def test_corpus_province_fields(corpus_docs, field):
    # Province fields count only for relevant articles (the pipeline blanks the rest).
    pairs = [(str(d.fields.get(field) or "") if g.get("relevant") else "", str(g.get(field) or ""))
             for d, g in corpus_docs]
    assert len(pairs) == len(list((CORPUS / "gold").glob("*.json")))
    assert field_f1(pairs) >= FLOORS[field]


# -- scanning for first words ----------------------------------------------------

def _spans(matches):
    return [(m.span(), m.group(0)) for m in matches]


def test_unit_patterns_spell_every_unit_word_both_ways():
    from pipeline.extractors import place
    assert place._UNIT_WORD == r"(?:huyện|thị\s+xã|thành\s+phố|quận|Huyện|Thị\s+xã|Thành\s+phố|Quận)"
    assert place._COMMUNE_WORD == r"(?:xã|phường|thị\s+trấn|Xã|Phường|Thị\s+trấn)"


@pytest.mark.parametrize("text", [
    "", "Hà Nội", "HÀ NỘI và Hà Nam", "TP.HCM, TP. Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "xHà Nội",
    "các huyện Tuần Giáo, Tủa Chùa và thị xã Mường Lay; Thị xã Sơn Tây", "thị trấn Yên Lạc xã An",
    "Nhà thi đấu Quảng Ninh;Quảng Nam.QUẢNG NGÃI",
])
def test_scan_finditer_equals_finditer(text):
    from pipeline.extractors import place
    from pipeline.places import _mention_keys, _mention_regex
    from pipeline.wordscan import scan_finditer
    for pattern, keys in ((_mention_regex(), _mention_keys()), (place._DISTRICT_LIST, place._UNIT_KEYS),
                          (place._COMMUNE, place._COMMUNE_KEYS)):
        for start in range(len(text) + 1):
            assert _spans(scan_finditer(pattern, keys, text, start)) == \
                _spans(pattern.finditer(text, start)), (text, start)


def test_scan_finditer_on_the_corpus():
    from pipeline.extractors import place
    from pipeline.normalize import new_style_tones
    from pipeline.places import _mention_keys, _mention_regex
    from pipeline.wordscan import scan_finditer
    for raw in iter_articles([CORPUS]):
        text = new_style_tones(normalize(raw).text)
        assert _spans(scan_finditer(_mention_regex(), _mention_keys(), text)) == \
            _spans(_mention_regex().finditer(text))
        assert _spans(scan_finditer(place._DISTRICT_LIST, place._UNIT_KEYS, text)) == \
            _spans(place._DISTRICT_LIST.finditer(text))
        assert _spans(scan_finditer(place._COMMUNE, place._COMMUNE_KEYS, text)) == \
            _spans(place._COMMUNE.finditer(text))
