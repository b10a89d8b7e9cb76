"""Resumable runs, for real: kill -9 / Ctrl-C a running ``extract``, resume, compare.

The resumed output must be byte-identical to an uninterrupted run: every
article exactly once, no duplicate and no missing row.
"""
from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch.journal import JOURNAL_NAME, Journal, ResumeError
from pipeline.cli import main
from pipeline.model import TABLE_COLUMNS

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus" / "dev" / "articles"
N_LINES = 1200
N_TXT = 40


@pytest.fixture(scope="module")
def batch_input(tmp_path_factory) -> Path:
    """A few thousand small articles cut from the corpus: a JSONL file and a folder."""
    d = tmp_path_factory.mktemp("resume_in")
    sources = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    with open(d / "many.jsonl", "w", encoding="utf-8") as f:
        for i in range(N_LINES):
            src = sources[i % len(sources)]
            title, _, body = src.partition("\n")
            cut = body[: 300 + (i * 37) % 500]
            f.write(json.dumps({"id": f"k{i:05d}", "title": title, "text": cut},
                               ensure_ascii=False) + "\n")
        f.write("{broken json\n")
    sub = d / "txt"
    sub.mkdir()
    for i, src in enumerate(sources[:N_TXT]):
        (sub / f"t{i:03d}.txt").write_text(src[:900], encoding="utf-8")
    (sub / "empty.txt").write_text("")
    return d


@pytest.fixture(scope="module")
def reference(batch_input, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("resume_ref")
    assert main(["extract", str(batch_input), "--out", str(out), "--quiet", "--no-db"]) == 0
    return out


def _cmd(inputs: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(inputs), "--out", str(out),
            "--quiet", "--no-db", *extra]


def _commits(out: Path) -> int:
    try:
        lines = (out / JOURNAL_NAME).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return 0
    return sum('"kind": "commit"' in ln and '"keys": []' not in ln for ln in lines)


def _start_and_interrupt(cmd: list[str], out: Path, sig: int, commits: int = 2) -> int:
    proc = subprocess.Popen(cmd, cwd=REPO, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _commits(out) < commits:
        if proc.poll() is not None:
            pytest.fail(f"run finished before it could be interrupted: {proc.stderr.read()}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("no journal progress")
        time.sleep(0.01)
    proc.send_signal(sig)
    rc = proc.wait(timeout=60)
    proc.stderr.close()
    return rc


def _same_tables(a: Path, b: Path) -> None:
    for name in TABLE_COLUMNS:
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes(), name


def _ids(out: Path) -> list[str]:
    ids = []
    for name in ("articles", "errors"):
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as f:
            ids += [r["article_id"] for r in csv.DictReader(f)]
    return ids


def test_kill_9_then_resume_equals_uninterrupted(batch_input, reference, tmp_path):
    out = tmp_path / "out"
    rc = _start_and_interrupt(_cmd(batch_input, out, "--commit-every", "120", "--workers", "2"),
                              out, signal.SIGKILL)
    assert rc == -signal.SIGKILL
    assert not (out / "articles.csv").exists()           # nothing published by a dead run
    assert (out / "articles.csv.part").exists()
    done = subprocess.run(_cmd(batch_input, out, "--resume"), cwd=REPO)
    assert done.returncode == 0
    _same_tables(reference, out)
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == N_LINES + N_TXT + 1 + 1
    assert not list(out.glob("*.part")) and not (out / JOURNAL_NAME).exists()


def test_ctrl_c_then_resume(batch_input, reference, tmp_path):
    out = tmp_path / "out"
    rc = _start_and_interrupt(_cmd(batch_input, out, "--commit-every", "100"), out,
                              signal.SIGINT, commits=1)
    assert rc == 130
    assert not (out / "articles.csv").exists() and (out / "articles.csv.part").exists()
    assert main(["extract", str(batch_input), "--out", str(out), "--quiet", "--no-db", "--resume",
                 "--workers", "2"]) == 0
    _same_tables(reference, out)


def test_torn_journal_line_and_extra_rows_are_dropped(tmp_path, monkeypatch):
    """Death mid-write: rows after the last journal entry and a half-written entry."""
    inp = tmp_path / "in"
    inp.mkdir()
    for p in sorted(CORPUS.glob("*.txt"))[:12]:
        (inp / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    ref, out = tmp_path / "ref", tmp_path / "out"
    assert main(["extract", str(inp), "--out", str(ref), "--quiet", "--no-db"]) == 0

    import pipeline.batch.runner as runner
    real = runner.iter_articles

    def dies_after_seven(*a, **kw):
        for i, item in enumerate(real(*a, **kw)):
            if i == 7:
                raise KeyboardInterrupt
            yield item
    monkeypatch.setattr(runner, "iter_articles", dies_after_seven)
    assert main(["extract", str(inp), "--out", str(out), "--quiet", "--commit-every", "3"]) == 130
    monkeypatch.setattr(runner, "iter_articles", real)
    with open(out / "articles.csv.part", "a", encoding="utf-8") as f:
        f.write("ghost,true,half a row")
    with open(out / JOURNAL_NAME, "a", encoding="utf-8") as f:
        f.write('{"kind": "commit", "keys": ["x"')
    assert main(["extract", str(inp), "--out", str(out), "--quiet", "--no-db", "--resume"]) == 0
    _same_tables(ref, out)


def test_resume_without_journal_is_a_fresh_run(tmp_path):
    ref, out = tmp_path / "ref", tmp_path / "out"
    assert main(["extract", str(CORPUS / "d001.txt"), "--out", str(ref), "--quiet", "--no-db"]) == 0
    assert main(["extract", str(CORPUS / "d001.txt"), "--out", str(out), "--quiet",
                 "--resume"]) == 0
    _same_tables(ref, out)


def test_complete_journal_only_publishes(tmp_path):
    """Died while renaming finished tables: --resume just finishes the renames."""
    out = tmp_path
    for name, cols in TABLE_COLUMNS.items():
        (out / f"{name}.csv.part").write_text(",".join(cols) + "\r\n", encoding="utf-8")
    j = Journal(out)
    j.start({"inputs": []}, {n: (out / f"{n}.csv.part").stat().st_size for n in TABLE_COLUMNS})
    j.complete()
    j.close()
    os.replace(out / "articles.csv.part", out / "articles.csv")
    assert main(["extract", str(out / "nothing.txt"), "--out", str(out), "--quiet",
                 "--resume"]) == 0
    assert all((out / f"{n}.csv").exists() for n in TABLE_COLUMNS)
    assert not list(out.glob("*.part")) and not (out / JOURNAL_NAME).exists()


def test_inconsistent_part_file_refuses_to_resume(tmp_path):
    j = Journal(tmp_path)
    j.start({"inputs": []}, {"articles": 500})
    j.close()
    (tmp_path / "articles.csv.part").write_text("short")
    with pytest.raises(ResumeError):
        Journal(tmp_path).load()
    assert main(["extract", str(tmp_path / "x.txt"), "--out", str(tmp_path), "--quiet",
                 "--resume"]) == 2
