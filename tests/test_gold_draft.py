"""Gold drafts: contract format, never clobbering an annotator's file, and a
draft scores perfectly against the extraction it came from."""
from __future__ import annotations

import json

from pipeline import scoring
from pipeline.cli import main
from pipeline.gold_draft import doc_to_gold, draft_filename, write_drafts
from pipeline.model import Doc, ReadError
from pipeline.run import doc_rows


def crafted_doc() -> Doc:
    doc = Doc(article_id="x1", source="x1.txt", text="Khối thi đua các cơ quan Đảng tỉnh ...")
    doc.fields.update({"relevant": True, "outlet": "Báo Quảng Nam", "event_types": ["launch", "annual_review"],
                       "review_year": "2021", "plan_year": 2022, "province_code": 2,
                       "member_count": 8, "bloc": "", "byline": None})
    doc.add("members", org="Văn phòng Tỉnh ủy", start=0, end=5)
    doc.add("members", org="Văn phòng Tỉnh ủy", start=10, end=15)   # said twice
    doc.add("leaders", year=2022, role="head", org="Trường Chính trị tỉnh", start=0, end=5)
    doc.add("handovers", year=2022, role="head", from_org="Ban Tuyên giáo Tỉnh ủy",
            to_org="Trường Chính trị tỉnh", start=0, end=5)
    doc.add("awards", award="Cờ thi đua của Chính phủ", conferrer="Chính phủ",
            org="Văn phòng Tỉnh ủy", count=None, status="recommended", year=2021, start=0, end=5)
    doc.add("people", name="Huỳnh Thị Hồng Nhung", title="Chánh Văn phòng Tỉnh ủy",
            org="Văn phòng Tỉnh ủy", start=0, end=5)
    return doc


def test_doc_to_gold_has_contract_shape():
    g = doc_to_gold(crafted_doc())
    assert g["article_id"] == "x1" and g["verified"] is False
    art = g["article"]
    assert art["event_types"] == ["annual_review", "launch"]
    assert art["review_year"] == 2021 and art["province_code"] == "02"
    assert art["bloc"] is None and art["byline"] is None
    assert g["members"] == ["Văn phòng Tỉnh ủy"]
    assert g["leaders"] == [{"year": 2022, "role": "head", "org": "Trường Chính trị tỉnh"}]
    assert g["handovers"][0]["from_org"] == "Ban Tuyên giáo Tỉnh ủy"
    assert g["awards"] == [{"award": "Cờ thi đua của Chính phủ", "conferrer": "Chính phủ",
                            "org": "Văn phòng Tỉnh ủy", "count": 1, "status": "recommended",
                            "year": 2021}]
    assert g["people"][0]["title"] == "Chánh Văn phòng Tỉnh ủy"


def test_draft_scores_perfectly_against_its_extraction():
    doc = crafted_doc()
    tables: dict[str, list] = {}
    for table, row in doc_rows(doc):
        tables.setdefault(table, []).append(row)
    report = scoring.score_rows({"x1": doc_to_gold(doc)}, tables)
    for item, s in report.items.items():
        if s.gold:
            assert s.f1 == 1.0, item
        assert s.pred == s.gold, item


def test_existing_file_kept_unless_forced(tmp_path):
    doc = crafted_doc()
    path = tmp_path / "x1.json"
    path.write_text('{"article_id": "x1", "verified": true}', encoding="utf-8")
    stats = write_drafts([doc, ReadError("bad.txt", "bad", "read", "empty file")], tmp_path)
    assert stats.kept == ["x1"] and stats.written == [] and len(stats.failed) == 1
    assert json.loads(path.read_text(encoding="utf-8"))["verified"] is True
    stats = write_drafts([doc], tmp_path, force=True)
    assert stats.written == ["x1"]
    assert json.loads(path.read_text(encoding="utf-8"))["verified"] is False
    assert not list(tmp_path.glob("*.part"))


def test_unsafe_ids_make_safe_file_names():
    assert draft_filename("a/b:c") == "a_b_c.json"
    assert draft_filename("../x") == "_x.json"


def test_cli_workflow_draft_correct_verify_score(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "t1.txt").write_text("Tiêu đề\n\nKhối thi đua các cơ quan Đảng tỉnh tổng kết.\n",
                                encoding="utf-8")
    gold = tmp_path / "gold"
    assert main(["gold-draft", str(src), "--out", str(gold)]) == 0
    draft = json.loads((gold / "t1.json").read_text(encoding="utf-8"))
    assert draft["article_id"] == "t1" and draft["verified"] is False
    assert set(draft) >= {"article", "members", "leaders", "handovers", "awards", "people"}

    # the annotator corrects the draft; a second draft run must not undo that
    draft["members"] = ["Văn phòng Tỉnh ủy"]
    (gold / "t1.json").write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    assert main(["gold-draft", str(src), "--out", str(gold)]) == 0
    assert "kept 1" in capsys.readouterr().err
    assert json.loads((gold / "t1.json").read_text(encoding="utf-8"))["members"] == ["Văn phòng Tỉnh ủy"]

    # unverified: the scorer leaves it out; verified: it counts
    pred = tmp_path / "pred"
    assert main(["extract", str(src), "--out", str(pred), "--quiet"]) == 0
    assert scoring.score_dirs(gold, pred).article_ids == []
    draft["verified"] = True
    (gold / "t1.json").write_text(json.dumps(draft, ensure_ascii=False), encoding="utf-8")
    report = scoring.score_dirs(gold, pred)
    assert report.article_ids == ["t1"] and report.items["members"].gold == 1
