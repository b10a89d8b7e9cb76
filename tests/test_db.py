"""DuckDB/Parquet export: types, keys, evidence, views, spreadsheet-safe CSVs, query/show."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.cli import main
from pipeline.db import evidence_span, export_database, open_db
from pipeline.write import TableWriter

TEXT1 = ("Khối thi đua các cơ quan Đảng tỉnh tổng kết năm 2023\n"
         "Chiều 19.12, Khối tổ chức hội nghị. Văn phòng Tỉnh ủy là Trưởng khối năm 2023. "
         "Khối đề nghị tặng Cờ thi đua của Chính phủ cho Ban Tổ chức Tỉnh ủy.")
TEXT2 = ("Khối thi đua Đảng tổng kết\n"
         "Ban Dân vận Tỉnh ủy làm Trưởng khối năm 2023. =SUM(A1) là công thức.")


def _span(text: str, s: str) -> tuple[int, int]:
    i = text.index(s)
    return i, i + len(s)


def write_outputs(out: Path, **writer_kw) -> dict[str, str]:
    """Two articles of one bloc (disagreeing on the 2023 head) and one irrelevant article."""
    with TableWriter(out, **writer_kw) as w:
        w.write("articles", {"article_id": "a1", "relevant": True, "title": "T1",
                             "published_date": "2023-12-19", "event_date": "2023-12-19",
                             "event_types": "annual_review", "review_year": 2023, "plan_year": 2024,
                             "province": "Quảng Nam", "province_code": "49",
                             "province_2025": "Đà Nẵng",
                             "bloc": "Khối thi đua các cơ quan Đảng tỉnh", "member_count": 9})
        w.write("articles", {"article_id": "a2", "relevant": True, "title": "T2",
                             "event_types": "annual_review;covenant_signing", "review_year": 2023,
                             "province": "Quảng Nam", "bloc": "Khối thi đua Đảng tỉnh Quảng Nam"})
        w.write("articles", {"article_id": "n1", "relevant": False, "title": "Other news"})
        s, e = _span(TEXT1, "Văn phòng Tỉnh ủy")
        w.write("members", {"article_id": "a1", "org": "Văn phòng Tỉnh ủy", "start": s, "end": e,
                            "mention": TEXT1[s:e]})
        w.write("leaders", {"article_id": "a1", "year": 2023, "role": "head",
                            "org": "Văn phòng Tỉnh ủy", "start": s, "end": e, "mention": TEXT1[s:e]})
        s, e = _span(TEXT1, "Ban Tổ chức Tỉnh ủy")
        w.write("members", {"article_id": "a1", "org": "Ban Tổ chức Tỉnh ủy", "start": s, "end": e,
                            "mention": TEXT1[s:e]})
        w.write("awards", {"article_id": "a1", "award": "Cờ thi đua của Chính phủ",
                           "conferrer": "Chính phủ", "org": "Ban Tổ chức Tỉnh ủy", "count": 1,
                           "status": "recommended", "year": 2023, "start": s, "end": e,
                           "mention": TEXT1[s:e]})
        s, e = _span(TEXT2, "Ban Dân vận Tỉnh ủy")
        w.write("leaders", {"article_id": "a2", "year": 2023, "role": "head",
                            "org": "Ban Dân vận Tỉnh ủy", "start": s, "end": e, "mention": TEXT2[s:e]})
        w.write("members", {"article_id": "a2", "org": "Ban Dân vận Tỉnh ủy", "start": s, "end": e,
                            "mention": TEXT2[s:e]})
        s, e = _span(TEXT2, "=SUM(A1)")
        w.write("people", {"article_id": "a2", "name": "=SUM(A1)", "start": s, "end": e,
                           "mention": TEXT2[s:e]})
    return {"a1": TEXT1, "a2": TEXT2, "n1": "Other news\nNothing here."}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    texts = write_outputs(out)
    counts = export_database(out, texts=texts)
    return out, counts


def test_files_written_atomically(exported):
    out, counts = exported
    assert (out / "thidua.duckdb").exists()
    assert not list(out.glob("*.tmp")) and not list(out.glob("*.wal"))
    for t in ("articles", "members", "leaders", "awards", "article_texts", "conflicts",
              "bloc_leadership_timeline", "awards_by_year", "members_by_bloc"):
        assert (out / "parquet" / f"{t}.parquet").exists(), t
    assert pq.read_table(out / "parquet" / "articles.parquet").num_rows == 3
    assert counts["articles"] == 3 and counts["members"] == 3 and counts["article_texts"] == 3


def test_types_and_keys(exported):
    out, _ = exported
    con = duckdb.connect(str(out / "thidua.duckdb"), read_only=True)
    types = {r[0]: r[1] for r in con.execute("DESCRIBE articles").fetchall()}
    assert types["relevant"] == "BOOLEAN"
    assert types["published_date"] == types["event_date"] == "DATE"
    assert types["review_year"] == types["member_count"] == "INTEGER"
    assert types["province_code"] == "VARCHAR"           # '04' keeps its zero
    assert {r[1] for r in con.execute("DESCRIBE awards").fetchall() if r[0] in ("count", "year")} \
        == {"INTEGER"}
    a1 = con.execute("SELECT relevant, event_date, review_year, event_type_list, bloc_id "
                     "FROM articles WHERE article_id = 'a1'").fetchone()
    assert a1[0] is True and str(a1[1]) == "2023-12-19" and a1[2] == 2023
    assert a1[3] == ["annual_review"] and a1[4] == "quang-nam/khoi-dang"
    pk = con.execute("SELECT constraint_type FROM duckdb_constraints() "
                     "WHERE table_name = 'articles' AND constraint_type = 'PRIMARY KEY'").fetchall()
    assert pk
    fks = con.execute("SELECT DISTINCT table_name FROM duckdb_constraints() "
                      "WHERE constraint_type = 'FOREIGN KEY'").fetchall()
    assert {"members", "leaders", "awards", "article_texts"} <= {r[0] for r in fks}
    con.close()


def test_primary_and_foreign_keys_are_enforced(exported, tmp_path):
    out, _ = exported
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes((out / "thidua.duckdb").read_bytes())
    con = duckdb.connect(str(copy))
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO articles (article_id) VALUES ('a1')")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO leaders (row_id, article_id) VALUES (99, 'nope')")
    con.close()


def test_evidence_is_the_enclosing_sentence(exported):
    out, _ = exported
    con = duckdb.connect(str(out / "thidua.duckdb"), read_only=True)
    row = con.execute("SELECT start, \"end\", evidence_start, evidence_end, evidence FROM leaders "
                      "WHERE article_id = 'a1'").fetchone()
    assert row[4] == "Văn phòng Tỉnh ủy là Trưởng khối năm 2023."
    assert TEXT1[row[2]:row[3]] == row[4] and row[2] <= row[0] < row[1] <= row[3]
    ev = con.execute("SELECT count(*) FROM evidence WHERE evidence IS NOT NULL").fetchone()[0]
    assert ev == 7
    con.close()


def test_evidence_span_edges():
    sents = [(0, 10), (12, 20), (22, 30)]
    assert evidence_span(sents, 13, 15) == (12, 20)
    assert evidence_span(sents, 5, 14) == (0, 20)           # a mention across two sentences
    assert evidence_span(sents, 10, 11) == (0, 11)          # touches the end of one
    assert evidence_span([], 3, 4) == (3, 4)


def test_views(exported):
    out, _ = exported
    con = duckdb.connect(str(out / "thidua.duckdb"), read_only=True)
    tl = con.execute("SELECT province, bloc_id, year, role, org, article_ids, conflict "
                     "FROM bloc_leadership_timeline").fetchall()
    assert {(r[4], tuple(r[5]), r[6]) for r in tl} == {
        ("Văn phòng Tỉnh ủy", ("a1",), True), ("Ban Dân vận Tỉnh ủy", ("a2",), True)}
    (c,) = con.execute("SELECT bloc_id, year, role, scope, article_ids FROM conflicts").fetchall()
    assert c == ("quang-nam/khoi-dang", 2023, "head", "cross_article", ["a1", "a2"])
    aw = con.execute("SELECT year, award, status, org, count, article_ids FROM awards_by_year"
                     ).fetchall()
    assert aw == [(2023, "Cờ thi đua của Chính phủ", "recommended", "Ban Tổ chức Tỉnh ủy", 1, ["a1"])]
    mb = con.execute("SELECT org, n_articles, years FROM members_by_bloc ORDER BY org").fetchall()
    assert mb[0] == ("Ban Dân vận Tỉnh ủy", 1, [2023])
    assert len(mb) == 3
    con.close()


def test_spreadsheet_safe_and_bom_csvs_load_back_exactly(tmp_path):
    texts = write_outputs(tmp_path, spreadsheet_safe=True, bom=True)
    raw = (tmp_path / "people.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"'=SUM(A1)" in raw
    export_database(tmp_path, texts=texts, parquet=False)
    con = duckdb.connect(str(tmp_path / "thidua.duckdb"), read_only=True)
    assert con.execute("SELECT name, mention FROM people").fetchone() == ("=SUM(A1)", "=SUM(A1)")
    assert con.execute("SELECT count(*) FROM articles WHERE article_id = 'a1'").fetchone()[0] == 1
    con.close()


def test_texts_by_rereading_inputs_and_repeated_ids(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a1.txt").write_bytes(TEXT1.replace("\n", "\r\n").encode())   # CRLF -> working text
    out = tmp_path / "out"
    write_outputs(out)
    with open(out / "articles.csv", "a", encoding="utf-8") as f:
        f.write("a1,false,duplicate row,,,,,,,,,,,,\n")
    export_database(out, inputs=[inputs])
    con = duckdb.connect(str(out / "thidua.duckdb"), read_only=True)
    assert con.execute("SELECT text FROM article_texts").fetchall() == [(TEXT1,)]
    assert con.execute("SELECT title FROM articles WHERE article_id = 'a1'").fetchone() == ("T1",)
    con.close()


def test_open_db_builds_in_memory_from_csvs(tmp_path):
    write_outputs(tmp_path)
    con = open_db(tmp_path)
    assert con.execute("SELECT count(*) FROM conflicts").fetchone()[0] == 1
    con.close()
    with pytest.raises(FileNotFoundError):
        open_db(db=tmp_path / "missing.duckdb")


def test_query_command(exported, capsys):
    out, _ = exported
    db = str(out / "thidua.duckdb")
    sql = "SELECT year, role, org FROM bloc_leadership_timeline ORDER BY org"
    assert main(["query", sql, "--db", db, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows == [{"year": 2023, "role": "head", "org": "Ban Dân vận Tỉnh ủy"},
                    {"year": 2023, "role": "head", "org": "Văn phòng Tỉnh ủy"}]
    assert main(["query", sql, "--db", db]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["year", "role", "org"] and table[-1] == "(2 rows)"
    assert main(["query", "SELECT article_ids FROM conflicts", "--db", db, "--csv"]) == 0
    assert capsys.readouterr().out == "article_ids\na1;a2\n"
    assert main(["query", "SELEC nonsense", "--db", db]) == 1
    assert main(["query", "SELECT 1", "--db", str(out / "none.duckdb")]) == 2


def test_show_command_marks_records_inline(exported, capsys):
    out, _ = exported
    assert main(["show", "a1", "--pred", str(out), "--color", "never"]) == 0
    text = capsys.readouterr().out
    assert "[[Văn phòng Tỉnh ủy|members.org = Văn phòng Tỉnh ủy; " \
           "leaders.org = Văn phòng Tỉnh ủy (head 2023)]]" in text
    assert "evidence: Văn phòng Tỉnh ủy là Trưởng khối năm 2023." in text
    assert main(["show", "a1", "--pred", str(out), "--color", "always"]) == 0
    assert "\033[1;" in capsys.readouterr().out
    assert main(["show", "zzz", "--pred", str(out)]) == 1


def test_extract_writes_the_database_unless_told_not_to(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "x1.txt").write_text(TEXT1, encoding="utf-8")
    assert main(["extract", str(inputs), "--out", str(tmp_path / "o1"), "--quiet"]) == 0
    con = duckdb.connect(str(tmp_path / "o1" / "thidua.duckdb"), read_only=True)
    assert con.execute("SELECT article_id, text FROM article_texts").fetchall() == [("x1", TEXT1)]
    con.close()
    assert main(["extract", str(inputs), "--out", str(tmp_path / "o2"), "--quiet", "--no-db"]) == 0
    assert not (tmp_path / "o2" / "thidua.duckdb").exists()
    assert (tmp_path / "o2" / "articles.csv").exists()
