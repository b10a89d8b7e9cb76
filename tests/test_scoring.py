"""The scorer on small hand-made gold/prediction folders with known answers."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline import scoring
from pipeline.cli import main
from pipeline.model import TABLE_COLUMNS


def write_gold(folder: Path, aid: str, article: dict | None = None, verified=None, **records):
    folder.mkdir(parents=True, exist_ok=True)
    g = {"article_id": aid, "article": article or {"relevant": True},
         "members": [], "leaders": [], "handovers": [], "awards": [], "people": []}
    g.update(records)
    if verified is not None:
        g["verified"] = verified
    (folder / f"{aid}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")


def write_pred(folder: Path, **tables: list[dict]):
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=TABLE_COLUMNS[name], extrasaction="ignore")
            w.writeheader()
            for row in rows:
                w.writerow(row)


def f1(report, item):
    return round(report.items[item].f1, 4)


def test_folding_makes_spelling_variants_equal(tmp_path):
    write_gold(tmp_path / "g", "a1", members=[
        "Ủy ban Kiểm tra Tỉnh ủy", "Đài Phát thanh - Truyền hình Quảng Nam", "Sở Tài chính"])
    write_pred(tmp_path / "p", members=[
        {"article_id": "a1", "org": "UỶ BAN KIỂM TRA TỈNH UỶ"},
        {"article_id": "a1", "org": "Đài Phát thanh–Truyền hình  Quảng Nam"},
        {"article_id": "a1", "org": "sở tài chính"},
    ])
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    m = r.items["members"]
    assert (m.tp, m.pred, m.gold) == (3, 3, 3)
    assert m.f1 == 1.0


def test_diacritics_are_not_folded_away(tmp_path):
    write_gold(tmp_path / "g", "a1", members=["Ban Dân vận Tỉnh ủy"])
    write_pred(tmp_path / "p", members=[{"article_id": "a1", "org": "Ban Dan van Tinh uy"}])
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    assert r.items["members"].tp == 0


def test_partial_members_exact_prf(tmp_path):
    write_gold(tmp_path / "g", "a1", members=["A", "B", "C", "D"])
    write_pred(tmp_path / "p", members=[{"article_id": "a1", "org": o} for o in ("A", "B", "X", "B")])
    report = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    assert report.unpredicted == ["a1"]          # no articles.csv row for it
    m = report.items["members"]
    # duplicates count once: pred {A, B, X}
    assert (m.tp, m.pred, m.gold) == (2, 3, 4)
    assert m.p == pytest.approx(2 / 3) and m.r == pytest.approx(0.5)
    assert m.f1 == pytest.approx(4 / 7)


def test_award_count_empty_means_one_and_conferrer_scored_apart(tmp_path):
    write_gold(tmp_path / "g", "a1", awards=[
        {"award": "Cờ thi đua của UBND tỉnh", "conferrer": "UBND tỉnh", "org": "Sở Y tế",
         "count": 1, "status": "conferred", "year": 2023},
        {"award": "Bằng khen của Chủ tịch UBND tỉnh", "conferrer": "Chủ tịch UBND tỉnh",
         "org": "", "count": 2, "status": "recommended", "year": 2023},
    ])
    write_pred(tmp_path / "p", awards=[
        {"article_id": "a1", "award": "Cờ thi đua của UBND tỉnh", "conferrer": "Chính phủ",
         "org": "Sở Y tế", "count": "", "status": "conferred", "year": "2023"},
        # count missing: read as 1, so it does not match the gold count 2
        {"article_id": "a1", "award": "Bằng khen của Chủ tịch UBND tỉnh",
         "conferrer": "Chủ tịch UBND tỉnh", "org": "", "count": "", "status": "recommended",
         "year": "2023"},
    ])
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    a, c = r.items["awards"], r.items["awards.conferrer"]
    assert (a.tp, a.pred, a.gold) == (1, 2, 2)
    # conferrer: the flag's is wrong, the count-only row's is right
    assert (c.tp, c.pred, c.gold) == (1, 2, 2)


def test_unverified_gold_skipped_unless_asked(tmp_path):
    write_gold(tmp_path / "g", "a1", members=["A"])
    write_gold(tmp_path / "g", "a2", members=["B"], verified=False)
    write_gold(tmp_path / "g", "a3", members=["C"], verified=True)
    write_pred(tmp_path / "p", members=[{"article_id": "a2", "org": "B"},
                                        {"article_id": "a3", "org": "C"}])
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    assert r.article_ids == ["a1", "a3"] and r.skipped_unverified == ["a2"]
    m = r.items["members"]
    assert (m.tp, m.pred, m.gold) == (1, 1, 2)
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p", include_unverified=True)
    m = r.items["members"]
    assert (m.tp, m.pred, m.gold) == (2, 2, 3)


def test_articles_absent_from_gold_are_ignored(tmp_path):
    write_gold(tmp_path / "g", "a1", members=["A"])
    write_pred(tmp_path / "p",
               articles=[{"article_id": "zz", "relevant": "true", "outlet": "Báo X"},
                         {"article_id": "a1", "relevant": "true"}],
               members=[{"article_id": "a1", "org": "A"}, {"article_id": "zz", "org": "Q"}])
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    assert r.items["members"].pred == 1 and r.items["members"].f1 == 1.0
    assert r.items["articles.outlet"].pred == 0
    assert r.items["articles.relevant"].f1 == 1.0


def test_article_fields_typed_and_empty(tmp_path):
    gold_art = {"relevant": True, "outlet": "Báo Hà Giang", "byline": None,
                "event_types": ["launch", "annual_review"], "review_year": 2014,
                "plan_year": 2015, "province_code": "02", "member_count": 9,
                "bloc": "Khối thi đua Nội chính"}
    write_gold(tmp_path / "g", "a1", article=gold_art)
    write_gold(tmp_path / "g", "n1", article={"relevant": False, "outlet": "Báo Hà Tĩnh"})
    write_pred(tmp_path / "p", articles=[
        {"article_id": "a1", "relevant": "true", "outlet": "báo hà giang", "byline": "Ai Đó",
         "event_types": "annual_review;launch", "review_year": "2014", "plan_year": "2014",
         "province_code": "2", "member_count": "9.0", "bloc": ""},
        {"article_id": "n1", "relevant": "true", "outlet": "Báo Hà Tĩnh"},
    ])
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    assert f1(r, "articles.event_types") == 1.0
    assert f1(r, "articles.review_year") == 1.0
    assert f1(r, "articles.plan_year") == 0.0
    assert f1(r, "articles.province_code") == 1.0
    assert f1(r, "articles.member_count") == 1.0
    assert f1(r, "articles.outlet") == 1.0
    # empty values are no records: gold byline null -> the predicted one is spurious
    b = r.items["articles.byline"]
    assert (b.tp, b.pred, b.gold) == (0, 1, 0)
    assert r.items["articles.bloc"].pred == 0
    # relevant false is a value: n1 predicted true is wrong
    rel = r.items["articles.relevant"]
    assert (rel.tp, rel.pred, rel.gold) == (1, 2, 2)


def test_leaders_handovers_people_and_overall(tmp_path):
    write_gold(tmp_path / "g", "a1",
               members=["A", "B"],
               leaders=[{"year": 2023, "role": "head", "org": "A"},
                        {"year": 2024, "role": "head", "org": "B"}],
               handovers=[{"year": 2024, "role": "head", "from_org": "A", "to_org": "B"}],
               people=[{"name": "Hoàng Minh Đức", "title": "Trưởng Ban Dân vận Tỉnh ủy",
                        "org": "Ban Dân vận Tỉnh ủy"},
                       {"name": "Lê Văn Hòa", "title": None, "org": None}])
    write_pred(tmp_path / "p",
               members=[{"article_id": "a1", "org": "A"}],
               leaders=[{"article_id": "a1", "year": "2023", "role": "head", "org": "A"},
                        {"article_id": "a1", "year": "2023", "role": "head", "org": "B"}],
               handovers=[{"article_id": "a1", "year": "2024", "role": "head",
                           "from_org": "", "to_org": "B"}],
               people=[{"article_id": "a1", "name": "Hoàng Minh Đức",
                        "title": "Trưởng ban Dân vận Tỉnh uỷ"},
                       {"article_id": "a1", "name": "Lê Văn Hoà", "title": "Chủ tịch"}])
    r = scoring.score_dirs(tmp_path / "g", tmp_path / "p")
    assert (r.items["leaders"].tp, r.items["leaders"].pred) == (1, 2)
    assert r.items["handovers"].tp == 0          # from_org is part of the record
    assert r.items["people"].f1 == 1.0           # "Hoà" folds to "Hòa"
    t = r.items["people.title"]
    assert (t.tp, t.pred, t.gold) == (1, 2, 1)   # case folded; untitled gold has none
    o = r.groups["records (overall)"]
    # members 1/1/2, leaders 1/2/2, handovers 0/1/1, awards 0/0/0, people 2/2/2
    assert (o.tp, o.pred, o.gold) == (4, 6, 7)
    assert o.f1 == pytest.approx(2 * (4 / 6) * (4 / 7) / (4 / 6 + 4 / 7))


def test_score_rows_accepts_typed_values():
    golds = {"a1": {"article": {"relevant": True, "review_year": 2021, "event_types": ["launch"]},
                    "awards": [{"award": "Giấy khen", "org": "X", "count": 1,
                                "status": "conferred", "year": 2021}]}}
    tables = {"articles": [{"article_id": "a1", "relevant": True, "review_year": 2021,
                            "event_types": ["launch"]}],
              "awards": [{"article_id": "a1", "award": "Giấy khen", "org": "X", "count": None,
                          "status": "conferred", "year": 2021}]}
    r = scoring.score_rows(golds, tables)
    for item in ("articles.relevant", "articles.review_year", "articles.event_types", "awards"):
        assert r.items[item].f1 == 1.0, item


def test_spreadsheet_protected_cells_are_read_back(tmp_path):
    write_gold(tmp_path / "g", "a1", members=["- Sở X"])
    write_pred(tmp_path / "p", members=[{"article_id": "a1", "org": "'- Sở X"}])
    assert scoring.score_dirs(tmp_path / "g", tmp_path / "p").items["members"].tp == 1


def test_cli_table_json_misses_and_baseline(tmp_path, capsys):
    write_gold(tmp_path / "g", "a1", members=["Ủy ban Kiểm tra Tỉnh ủy", "Văn phòng Tỉnh ủy"])
    write_gold(tmp_path / "g", "a2", members=["Sở Y tế"])
    write_pred(tmp_path / "p", members=[{"article_id": "a1", "org": "Uỷ ban Kiểm tra Tỉnh uỷ"},
                                        {"article_id": "a2", "org": "UBND tỉnh"}])
    g, p = str(tmp_path / "g"), str(tmp_path / "p")
    assert main(["score", "--gold", g, "--pred", p, "--misses", "--item", "members"]) == 0
    out = capsys.readouterr().out
    assert "records (overall)" in out
    members_line = next(line for line in out.splitlines() if line.startswith("members "))
    assert members_line.split()[1:] == ["0.500", "0.333", "0.400", "1", "2", "3"]
    a1, a2 = out.index("== a1"), out.index("== a2")
    assert a1 < out.index("MISS members  Văn phòng Tỉnh ủy") < a2
    assert out.index("SPUR members  UBND tỉnh") > a2

    base = tmp_path / "base.json"
    assert main(["score", "--gold", g, "--pred", p, "--json", "--write-baseline", str(base)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"]["members"] == {"p": 0.5, "r": 0.3333, "f1": 0.4, "tp": 1, "pred": 2, "gold": 3}
    assert json.loads(base.read_text(encoding="utf-8"))["items"]["members"]["f1"] == 0.4

    write_pred(tmp_path / "p", members=[{"article_id": "a2", "org": "UBND tỉnh"}])
    assert main(["score", "--gold", g, "--pred", p, "--check-baseline", str(base)]) == 1
    out = capsys.readouterr().out
    assert "REGRESSION members" in out and "ủy ban kiểm tra tỉnh ủy" in out


def test_cli_reports_missing_folders(tmp_path, capsys):
    write_gold(tmp_path / "g", "a1")
    assert main(["score", "--gold", str(tmp_path / "g"), "--pred", str(tmp_path / "nope")]) == 2
    assert main(["score", "--gold", str(tmp_path / "empty"), "--pred", str(tmp_path)]) == 2
