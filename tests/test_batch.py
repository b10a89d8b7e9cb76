"""Batch engines: worker processes equal one process, pre-filter, limits, progress, Parquet."""
from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import pytest

from pipeline import registry
from pipeline.batch import BatchOptions, run_batch
from pipeline.batch.progress import Progress
from pipeline.cli import main
from pipeline.model import TABLE_COLUMNS
from pipeline.run import IRRELEVANT_KEEPS, Pipeline

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"
DEV = CORPUS / "dev" / "articles"


def corpus_size() -> int:
    """Articles plus unreadable inputs of corpus/, counted by the reader itself."""
    from pipeline.read import iter_articles

    return sum(1 for _ in iter_articles([CORPUS]))


def rows(out: Path, name: str) -> list[dict]:
    with open(out / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def serial_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    assert main(["extract", str(CORPUS), "--out", str(out), "--quiet"]) == 0
    return out


def test_two_workers_byte_identical(serial_out, tmp_path):
    out = tmp_path / "w2"
    assert main(["extract", str(CORPUS), "--out", str(out), "--quiet", "--workers", "2",
                 "--chunksize", "3"]) == 0
    for name in TABLE_COLUMNS:
        assert (serial_out / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes()
    assert len(rows(out, "articles")) + len(rows(out, "errors")) == corpus_size()


def test_every_corpus_article_once_in_input_order(serial_out):
    ids = [r["article_id"] for r in rows(serial_out, "articles")]
    assert len(ids) == len(set(ids))
    # paths sorted: dev/articles/*, dev/batch.jsonl (line order), dev/html/*, heldout/*, seeds/*
    assert ids[:2] == ["d001", "d002"] and ids[44:49] == ["d101", "d102", "d103", "d201", "d202"]
    assert ids[-5:] == sorted(ids[-5:]) and ids[-1].startswith("004_")
    assert len(ids) == corpus_size()


# --- the cheap relevance pre-filter -------------------------------------------------

class _Spy:
    calls: list[str] = []

    def __call__(self, doc):
        if doc.article_id != "<warm-up>":     # the pipeline's own sample, run once per build
            _Spy.calls.append(doc.article_id)
        return doc


def test_rejected_article_still_gets_its_row(monkeypatch, tmp_path):
    from pipeline.extractors import relevance

    monkeypatch.setitem(registry._REGISTRY, "test_spy", _Spy)
    _Spy.calls = []
    comps = ["metadata", "relevance", "test_spy"]
    negatives = [DEV / f"{i}.txt" for i in ("d005", "d011", "d016")]
    full, pre = tmp_path / "full", tmp_path / "pre"
    run_batch(negatives, full, BatchOptions(components=comps, prefilter=False, progress="quiet"))
    assert len(_Spy.calls) == 3
    _Spy.calls = []
    monkeypatch.setattr(relevance, "quick_reject", lambda text: True, raising=False)
    run_batch(negatives, pre, BatchOptions(components=comps, progress="quiet"))
    assert _Spy.calls == []                                   # record extractors skipped
    got = rows(pre, "articles")
    assert [r["relevant"] for r in got] == ["false"] * 3
    for a, b in zip(rows(full, "articles"), got):
        assert {k: a[k] for k in ("article_id", *IRRELEVANT_KEEPS)} == \
               {k: b[k] for k in ("article_id", *IRRELEVANT_KEEPS)}
    assert all(r["title"] for r in got)


def test_quick_reject_keeps_every_gold_relevant_article():
    from pipeline.extractors import relevance

    quick_reject = getattr(relevance, "quick_reject", None)
    if quick_reject is None:
        pytest.skip("relevance.quick_reject not provided yet")
    from pipeline.read import iter_articles
    from pipeline.normalize import normalize

    for raw in iter_articles([CORPUS]):
        gold = CORPUS / "gold" / f"{raw.article_id}.json"
        if gold.exists() and json.loads(gold.read_text(encoding="utf-8"))["article"]["relevant"]:
            doc = normalize(raw)
            assert not quick_reject(f"{doc.title}\n{doc.text}"), raw.article_id


# --- limits and crashes ---------------------------------------------------------

class _Sleeper:
    def __call__(self, doc):
        if "SLOW" in doc.text:
            time.sleep(10)
        return doc


class _Crasher:
    def __call__(self, doc):
        if "CRASH" in doc.text:
            os._exit(3)
        return doc


def _inputs(tmp_path: Path, marker: str, n: int = 9) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(n):
        text = f"Tin số {i}\n{'Nội dung ' + marker if i == 4 else 'Nội dung bình thường'}."
        (d / f"a{i}.txt").write_text(text, encoding="utf-8")
    return d


def test_timeout_becomes_error_row_and_batch_goes_on(monkeypatch, tmp_path):
    monkeypatch.setitem(registry._REGISTRY, "test_sleeper", _Sleeper)
    inp = _inputs(tmp_path, "SLOW")
    t0 = time.perf_counter()
    res = run_batch([inp], tmp_path / "out", BatchOptions(
        components=["metadata", "test_sleeper"], timeout=0.3, progress="quiet"))
    assert time.perf_counter() - t0 < 5
    [err] = rows(tmp_path / "out", "errors")
    assert err["article_id"] == "a4" and err["stage"] == "test_sleeper"
    assert "ArticleTimeout" in err["error"]
    assert res.articles == 8 and res.failed == 1


def test_worker_crash_isolated_to_its_article(monkeypatch, tmp_path):
    monkeypatch.setitem(registry._REGISTRY, "test_crasher", _Crasher)
    inp = _inputs(tmp_path, "CRASH")
    res = run_batch([inp], tmp_path / "out", BatchOptions(
        components=["metadata", "test_crasher"], workers=2, chunksize=2, progress="quiet"))
    [err] = rows(tmp_path / "out", "errors")
    assert err["article_id"] == "a4" and err["stage"] == "worker"
    assert [r["article_id"] for r in rows(tmp_path / "out", "articles")] == \
           [f"a{i}" for i in range(9) if i != 4]
    assert res.failed == 1


# --- progress ---------------------------------------------------------------------

def test_log_json_lines(tmp_path, capsys):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Tin tức\nHội nghị tổng kết".encode("cp1258", errors="replace")
                       .replace(b"?", b"") + b"\xf4")
    assert main(["extract", str(DEV / "d001.txt"), str(legacy), str(tmp_path / "none.txt"),
                 "--out", str(tmp_path / "o"), "--log-json"]) == 0
    lines = [json.loads(ln) for ln in capsys.readouterr().err.splitlines()]
    assert lines[-1]["event"] == "summary"
    assert lines[-1]["failed"] == 1 and lines[-1]["relevant"] + lines[-1]["irrelevant"] == 2
    assert "articles_per_s" in lines[-1] and lines[-1]["out"] == str(tmp_path / "o")
    assert any(ln["event"] == "warning" and "cp1258" in ln["message"] for ln in lines)


def test_progress_bar_shows_counts():
    stream = io.StringIO()
    p = Progress("bar", stream=stream)
    for s in ("relevant", "irrelevant", "irrelevant", "failed"):
        p.update(s)
    p.close(out_dir="x")
    text = stream.getvalue()
    assert "4art" in text.replace(" ", "") and "relevant=1" in text and "failed=1" in text


def test_quiet_prints_nothing(tmp_path, capsys):
    main(["extract", str(DEV / "d001.txt"), "--out", str(tmp_path), "--quiet"])
    assert capsys.readouterr().err == ""


# --- Parquet --------------------------------------------------------------------------

def test_parquet_equals_csv(tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "o"
    main(["extract", str(DEV), "--out", str(out), "--quiet", "--parquet"])
    for name, cols in TABLE_COLUMNS.items():
        t = pq.read_table(out / f"{name}.parquet")
        assert t.column_names == cols
        want = [{k: (v if v != "" else None) for k, v in r.items()} for r in rows(out, name)]
        assert t.to_pylist() == want, name


def test_pipeline_loads_components_once(monkeypatch):
    made = []

    class Counted:
        def __init__(self):
            made.append(1)

        def __call__(self, doc):
            return doc
    monkeypatch.setitem(registry._REGISTRY, "test_counted", Counted)
    from pipeline.batch.work import PipelineSpec, process_chunk
    from pipeline.model import RawArticle

    spec = PipelineSpec(("test_counted",))
    for i in range(3):
        process_chunk(spec, [RawArticle(f"s{i}", f"a{i}", "Tin\nNội dung")])
    assert made == [1]
    assert isinstance(Pipeline(["test_counted"]), Pipeline)


def test_prefilter_changes_nothing_but_speed(serial_out, tmp_path):
    """Skipping record extractors for irrelevant articles must not change any table."""
    out = tmp_path / "nopre"
    assert main(["extract", str(CORPUS), "--out", str(out), "--quiet", "--no-prefilter"]) == 0
    for name in TABLE_COLUMNS:
        assert (serial_out / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes()


def test_warm_up_loads_before_the_first_article(monkeypatch):
    """The batch builds its pipeline warmed up: hooks run, the sample passes every stage,
    and the serial engine has loaded before the first item is asked for."""
    from pipeline import places
    from pipeline.batch import engines
    from pipeline.batch.work import PipelineSpec
    from pipeline.model import RawArticle

    hooked, seen = [], []

    class Hooked:
        def warm_up(self):
            hooked.append(1)

        def __call__(self, doc):
            seen.append(doc.article_id)
            return doc
    monkeypatch.setitem(registry._REGISTRY, "test_hooked", Hooked)
    places._commune_index.cache_clear()
    outcomes = engines.serial(iter([]), PipelineSpec(("test_hooked",)))
    assert hooked == [1] and seen == ["<warm-up>"]      # before any item was read
    assert list(outcomes) == []

    doc = Pipeline().warm_up()(RawArticle("s", "a", "Tin\nNội dung"))
    assert places._commune_index.cache_info().currsize == 1   # the sample reached the communes
    assert doc.fields["relevant"] is False
