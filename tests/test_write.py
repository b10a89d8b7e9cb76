"""The table writer: contract columns, atomic publish, text appends, resume cuts."""
from __future__ import annotations

import csv

from pipeline.model import TABLE_COLUMNS
from pipeline.write import TableWriter, cell, format_rows

ROW = {"article_id": "a1", "relevant": True, "title": 'Tin "hay", mới', "event_types":
       ["launch", "annual_review"], "review_year": 2023, "bloc": None}
MEMBER = {"article_id": "a1", "org": "=Sở Y tế", "mention": "Sở Y tế\ndòng 2", "start": 3, "end": 10}


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_cells():
    assert cell(None) == "" and cell(True) == "true" and cell(False) == "false"
    assert cell(["b", "a"]) == "a;b" and cell(7) == "7"


def test_headers_and_atomic_publish(tmp_path):
    w = TableWriter(tmp_path)
    w.write("articles", ROW)
    assert not (tmp_path / "articles.csv").exists()          # only .part while running
    assert (tmp_path / "articles.csv.part").exists()
    w.close()
    for name, cols in TABLE_COLUMNS.items():
        rows = read_csv(tmp_path / f"{name}.csv")
        assert rows[0] == cols
        assert not (tmp_path / f"{name}.csv.part").exists()
    art = read_csv(tmp_path / "articles.csv")[1]
    assert art[:3] == ["a1", "true", 'Tin "hay", mới']
    assert art[TABLE_COLUMNS["articles"].index("event_types")] == "annual_review;launch"


def test_format_rows_same_bytes_as_write(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    with TableWriter(a) as w:
        w.write("articles", ROW)
        w.write("members", MEMBER)
    with TableWriter(b) as w:
        for table, text in format_rows([("articles", ROW), ("members", MEMBER)]).items():
            w.write_text(table, text, 1)
    for name in TABLE_COLUMNS:
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes()
    assert read_csv(a / "members.csv")[1][2] == "Sở Y tế\ndòng 2"   # newline survives quoting


def test_exception_keeps_part_files(tmp_path):
    try:
        with TableWriter(tmp_path) as w:
            w.write("articles", ROW)
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    assert not (tmp_path / "articles.csv").exists()
    assert len(read_csv(tmp_path / "articles.csv.part")) == 2


def test_resume_truncates_to_recorded_sizes(tmp_path):
    w = TableWriter(tmp_path)
    w.write("articles", ROW)
    w.flush()
    sizes = w.sizes()
    w.write("articles", {**ROW, "article_id": "lost"})   # written after the "journal"
    w.abort()
    w = TableWriter(tmp_path, resume=sizes)
    w.write("articles", {**ROW, "article_id": "a2"})
    w.close()
    ids = [r[0] for r in read_csv(tmp_path / "articles.csv")[1:]]
    assert ids == ["a1", "a2"]


def test_spreadsheet_safe(tmp_path):
    with TableWriter(tmp_path, spreadsheet_safe=True) as w:
        w.write("members", MEMBER)
        w.write("members", {**MEMBER, "org": "-5"})
    rows = read_csv(tmp_path / "members.csv")
    assert rows[1][1] == "'=Sở Y tế" and rows[2][1] == "-5"
