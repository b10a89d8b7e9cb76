"""Bad input never stops the batch: each case is read correctly or is a clear error row.

Every input article must end up in articles.csv or errors.csv, and the exit
code is 0 unless ``--strict`` is given and something failed.
"""
from __future__ import annotations

import csv
import gzip
import json
import os
import unicodedata
from pathlib import Path

import pytest

from pipeline.cli import main

from helpers import cp1258

TITLE = "Khối thi đua các cơ quan Đảng tỉnh tổng kết năm 2023"
BODY = ("Sáng 5.1, Khối thi đua các cơ quan Đảng tỉnh tổ chức hội nghị tổng kết. "
        "Ủy ban Kiểm tra Tỉnh ủy nhận Cờ trưởng khối.\n")




def table(out: Path, name: str) -> list[dict]:
    with open(out / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def extract(inputs, out, *extra) -> int:
    return main(["extract", *map(str, inputs), "--out", str(out), "--quiet", *extra])


@pytest.fixture()
def bad_dir(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n")
    (d / "empty.jsonl").write_bytes(b"")
    (d / "binary.txt").write_bytes(os.urandom(3000) + b"\x00\x01")
    (d / "legacy.txt").write_bytes(cp1258(f"{TITLE}\n{BODY}"))
    (d / "nfd.txt").write_text(unicodedata.normalize("NFD", f"{TITLE}\n{BODY}"), encoding="utf-8")
    (d / "crlf.txt").write_bytes(f"{TITLE}\r\n\r\n{BODY}".replace("\n", "\r\n").encode())
    (d / "huge.txt").write_bytes(b"a " * (10 * 1024 * 1024))        # 20 MB, one line
    lines = [json.dumps({"id": f"g{i}", "title": TITLE, "text": BODY + os.urandom(300).hex()},
                        ensure_ascii=False) for i in range(40)]
    gz = gzip.compress("\n".join(lines).encode())
    (d / "cut.jsonl.gz").write_bytes(gz[: len(gz) // 2])
    (d / "mixed.jsonl").write_text("\n".join([
        json.dumps({"id": "ok1", "text": BODY, "title": TITLE}, ensure_ascii=False),
        '{"id": "broken", "text": "no closing quote}',
        json.dumps({"id": "notext", "title": TITLE}, ensure_ascii=False),
        json.dumps({"id": "emptytext", "text": "  "}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "ok2", "text": BODY}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    (d / "page.html").write_text(
        "<html><head><title>Trang</title><script>var s='SCRIPTLEAK';</script></head><body>"
        f"<article><h1>{TITLE}</h1><p>{BODY * 4}</p><script>document.write('SCRIPTLEAK')"
        "</script><p>" + BODY * 3 + "</p></article></body></html>", encoding="utf-8")
    (d / "nothing.html").write_text("<html><body><script>x()</script></body></html>")
    return d


def test_every_case_is_an_article_or_an_error(bad_dir, tmp_path):
    out = tmp_path / "out"
    assert extract([bad_dir], out) == 0
    arts = {r["article_id"]: r for r in table(out, "articles")}
    errs = table(out, "errors")
    err_by_id = {e["article_id"]: e for e in errs}
    assert set(arts).isdisjoint(err_by_id)

    for name in ("empty", "blank", "empty"):
        assert "empty" in err_by_id[name]["error"]
    assert "binary" in err_by_id["binary"]["error"]
    assert "too long" in err_by_id["huge"]["error"]
    assert "no main text" in err_by_id["nothing"]["error"]
    assert err_by_id["notext"]["error"] == "JSON line has no 'text' or 'html'"
    assert err_by_id["emptytext"]["error"] == "JSON line has no 'text' or 'html'"
    invalid = [e for e in errs if e["error"].startswith("invalid JSON")]
    assert len(invalid) == 1 and invalid[0]["source"].endswith("mixed.jsonl:2")
    assert any(e["error"] == "JSON line is not an object" for e in errs)
    cut = [e for e in errs if "cut.jsonl.gz" in e["source"]]
    assert len(cut) == 1 and "stopped after line" in cut[0]["error"]
    assert all(e["stage"] for e in errs)

    # read correctly: legacy encoding, NFD, CRLF, HTML with scripts, good JSON lines
    for name in ("legacy", "nfd", "crlf"):
        assert arts[name]["title"] == TITLE, name
    assert "SCRIPTLEAK" not in json.dumps(list(arts.values()), ensure_ascii=False)
    assert arts["page"]["title"] == TITLE
    assert {"ok1", "ok2"} <= set(arts)
    read_gz = [i for i in arts if i.startswith("g")]
    assert 0 < len(read_gz) < 40                                   # what was read before the cut stands
    # nothing dropped: every txt/html file and every JSONL line is accounted for
    files = {p.stem for p in bad_dir.iterdir() if p.suffix in {".txt", ".html"}}
    assert files <= set(arts) | set(err_by_id)
    assert len(table(out, "errors")) + len(arts) == len(files) + 1 + 6 + len(read_gz) + 1


def test_records_point_into_working_text(bad_dir, tmp_path):
    """NFD and CRLF inputs: offsets index the NFC, LF working text."""
    out = tmp_path / "out"
    extract([bad_dir / "nfd.txt", bad_dir / "crlf.txt"], out)
    from pipeline.normalize import working_text
    texts = {"nfd": working_text((bad_dir / "nfd.txt").read_text(encoding="utf-8")),
             "crlf": working_text((bad_dir / "crlf.txt").read_bytes().decode())}
    for name in ("members", "leaders", "handovers", "awards", "people", "dates"):
        for r in table(out, name):
            assert texts[r["article_id"]][int(r["start"]):int(r["end"])] == r["mention"]


def test_strict_exit_codes(bad_dir, tmp_path):
    assert extract([bad_dir], tmp_path / "o1", "--strict") == 1
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    assert extract([good], tmp_path / "o2", "--strict") == 0
    assert extract([tmp_path / "nope"], tmp_path / "o3") == 0
    assert extract([tmp_path / "nope"], tmp_path / "o4", "--strict") == 1


def test_worker_processes_handle_bad_input_the_same(bad_dir, tmp_path):
    extract([bad_dir], tmp_path / "one")
    extract([bad_dir], tmp_path / "two", "--workers", "2", "--chunksize", "3")
    for name in ("articles", "errors", "dates"):
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == \
               (tmp_path / "two" / f"{name}.csv").read_bytes()
