"""Throughput and memory benchmark (``make bench``).

Inputs are generated from corpus/ into a temporary folder (see
benchmarks/generate.py), then ``python -m pipeline extract`` runs on them
as a child process.  Rates come from the run's own ``--log-json`` summary
(articles per second of the processing loop, start-up excluded); peak RSS is
the largest single process of the run (main or worker), sampled from /proc.

Measured in one run: (a) relevant, seed-like articles; (b) a realistic mix,
10 % relevant; (c) 2 workers against 1; and the baseline, underthesea's
``ner`` applied sentence by sentence to the same relevant articles; plus
peak RSS for 1 000 against 100 000 articles (memory must stay flat); and,
to trace a change, the milliseconds a relevant article spends in each stage.

(c) is read against the machine's own ceiling, measured in the same turns:
two independent pipelines side by side against one (:func:`concurrent_rate`).

(a), (c) and the baseline run in turns (a, c, ner; a, c, ner; ...) and the
ratios are the medians of each turn's ratio: the dev VM's speed drifts by
10-20 % within minutes, so only runs made side by side compare.

    python benchmarks/run.py            # full run, a few minutes
    python benchmarks/run.py --quick    # smaller sizes, for a smoke test
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import generate, write_jsonl  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"relevant_per_s": 300, "ner_ratio": 50, "mixed_per_s": 2000,
           "workers_ratio": 1.7, "peak_rss_mb": 400, "rss_growth": 0.10}


def _hwm_mb(pid: int) -> float:
    """VmHWM (peak resident set of the process's own memory map) in MB, 0 if gone."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def extract(inp: Path, out: Path, *extra: str) -> dict:
    """One child run: its JSON summary plus ``peak_rss_mb``.

    Peak RSS is sampled from /proc (VmHWM of the run and of its workers):
    ``ru_maxrss`` of a child is unusable here, as Linux folds the parent's
    memory at fork/exec time into it.
    """
    cmd = [sys.executable, "-m", "pipeline", "extract", str(inp), "--out", str(out),
           "--log-json", "--no-db", *extra]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errf:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=errf,
                                text=True)
        peak: dict[int, float] = {}
        while proc.poll() is None:
            for pid in [proc.pid, *_children(proc.pid)]:
                peak[pid] = max(peak.get(pid, 0.0), _hwm_mb(pid))
            time.sleep(0.05)
        errf.seek(0)
        err = errf.read()
    summary = None
    for line in err.splitlines():
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        if rec.get("event") == "summary":
            summary = rec
    if proc.returncode != 0 or summary is None:
        raise RuntimeError(f"extract failed ({proc.returncode}): {err[-2000:]}")
    summary["peak_rss_mb"] = max(peak.values(), default=0.0)
    return summary


def _summary(runs: list[dict]) -> dict:
    return {"rate": statistics.median(r["articles_per_s"] for r in runs),
            "rates": [r["articles_per_s"] for r in runs],
            "rss": max(r["peak_rss_mb"] for r in runs),
            "relevant": runs[0]["relevant"], "articles": runs[0]["processed"],
            "failed": runs[0]["failed"]}


def repeated(inp: Path, tmp: Path, repeats: int, *extra: str) -> dict:
    return _summary([extract(inp, tmp / f"out{i}", *extra) for i in range(repeats)])


def ner_tagger():
    """underthesea's ``ner`` (model loaded now), or ``pos_tag`` if it cannot load offline."""
    try:
        from underthesea import ner as tagger
        tagger("Khối thi đua tổng kết năm 2023.")          # load the model before timing
        return tagger, "underthesea ner"
    except Exception as exc:  # model needs a download: fall back to POS tagging
        from underthesea import pos_tag as tagger
        return tagger, f"underthesea pos_tag (ner unavailable offline: {type(exc).__name__})"


def ner_docs(n_articles: int) -> list[list[str]]:
    """The sentences of the first ``n_articles`` relevant articles of case (a)'s input."""
    from pipeline.normalize import working_text
    from pipeline.segment import split_sentences

    docs = []
    for rec in generate(n_articles, 1.0, seed=7):
        text = working_text(rec["title"] + "\n" + rec["text"])
        docs.append([text[s.start:s.end] for s in split_sentences(text)])
    return docs


def ner_rate(tagger, docs: list[list[str]]) -> float:
    """Articles/s of ``tagger`` over every sentence of ``docs`` (one pass)."""
    t0 = time.perf_counter()
    for sents in docs:
        for s in sents:
            tagger(s)
    return len(docs) / (time.perf_counter() - t0)


def _bench_articles(n_articles: int, seed: int):
    from pipeline.model import RawArticle

    return [RawArticle(source="bench", article_id=str(i), text=rec["title"] + "\n" + rec["text"],
                       fmt="txt") for i, rec in enumerate(generate(n_articles, 1.0, seed=seed))]


def _ceiling_process(n_articles: int, seconds: float, barrier, results) -> None:
    """One independent pipeline: warm up, wait for the others, count articles for ``seconds``."""
    from pipeline.run import Pipeline

    raws = _bench_articles(n_articles, seed=13)
    pipeline = Pipeline().warm_up()
    barrier.wait()
    done, t0 = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - t0) < seconds:
        pipeline(raws[done % len(raws)])
        done += 1
    results.put(done / elapsed)


def concurrent_rate(processes: int, seconds: float = 4.0, n_articles: int = 200) -> float:
    """Articles/s of ``processes`` independent pipelines running at the same time, summed
    (:func:`concurrent_rates`)."""
    return sum(concurrent_rates(processes, seconds, n_articles))


def concurrent_rates(processes: int, seconds: float = 4.0, n_articles: int = 200) -> list[float]:
    """Articles/s of each of ``processes`` independent pipelines running at the same time.

    No pool, no shared input, nothing to coordinate: each process has its own
    articles and they all start together (a barrier) and stop at the same
    clock, so the sum is what this machine gives that many busy processes.
    On a VM whose two "CPUs" share a physical core, or whose neighbours take
    turns, that is well below ``processes`` times one; it is the ceiling for
    any engine, and (c) is read against it.
    """
    ctx = mp.get_context("spawn")           # fresh interpreters: no state of this process
    barrier, results = ctx.Barrier(processes), ctx.Queue()
    procs = [ctx.Process(target=_ceiling_process, args=(n_articles, seconds, barrier, results))
             for _ in range(processes)]
    for p in procs:
        p.start()
    rates = [results.get() for _ in procs]
    for p in procs:
        p.join()
    return rates


def stage_times(n_articles: int, repeats: int) -> dict[str, float]:
    """Milliseconds per relevant article in each stage, in this process (median of runs).

    Not a target: it says where the time of case (a) goes, so a change that
    moves the rate can be traced to its stage.
    """
    from pipeline.run import Pipeline

    raws = _bench_articles(n_articles, seed=11)
    pipeline = Pipeline().warm_up()
    spent: dict[str, float] = {}

    def timed(name, comp):
        def run(doc):
            t0 = time.perf_counter()
            try:
                return comp(doc)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return run

    pipeline.components = [timed(n, c) for n, c in zip(pipeline.names, pipeline.components)]
    pipeline.rejected_chain = [(n, timed(n, c)) for n, c in pipeline.rejected_chain]
    runs = []
    for _ in range(repeats):
        spent.clear()
        t0 = time.perf_counter()
        for raw in raws:
            pipeline(raw)
        total = time.perf_counter() - t0
        runs.append({**spent, "(normalize, segment, finalize)": total - sum(spent.values()),
                     "total": total})
    return {k: statistics.median(r[k] for r in runs) * 1000 / len(raws) for k in runs[0]}


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--relevant", type=int, default=2000, help="articles in cases (a) and (c)")
    ap.add_argument("--mixed", type=int, default=6000, help="articles in case (b)")
    ap.add_argument("--large", type=int, default=100_000, help="articles of the memory run")
    ap.add_argument("--ner-articles", type=int, default=20)
    ap.add_argument("--stage-articles", type=int, default=300,
                    help="relevant articles of the per-stage breakdown")
    ap.add_argument("--ceiling-seconds", type=float, default=4.0,
                    help="seconds of each run measuring two independent processes")
    ap.add_argument("--json", help="also write the results here")
    a = ap.parse_args()
    if a.quick:
        a.relevant, a.mixed, a.large, a.ner_articles, a.repeats = 200, 2000, 10_000, 5, 1
        a.stage_articles, a.ceiling_seconds = 50, 1.0
    res: dict = {"python": platform.python_version(), "cpus": os.cpu_count(), "args": vars(a)}

    with tempfile.TemporaryDirectory(prefix="thidua-bench-") as tmpd:
        tmp = Path(tmpd)
        rel = write_jsonl(tmp / "relevant.jsonl", a.relevant, 1.0, seed=7)
        mix = write_jsonl(tmp / "mixed.jsonl", a.mixed, 0.1, seed=8)
        print(f"thidua benchmark - Python {res['python']}, {res['cpus']} CPUs; "
              f"median of {a.repeats}", flush=True)

        # (a), (c) and the ner baseline run in turns, once per repeat, so each
        # ratio compares runs made next to each other: this VM's speed drifts
        # by 10-20 % over minutes, more than the differences measured
        tagger, ner_what = ner_tagger()
        docs = ner_docs(a.ner_articles)
        turns = []
        for i in range(a.repeats):
            one = extract(rel, tmp / f"a{i}")
            two = extract(rel, tmp / f"c{i}", "--workers", "2")
            ceiling = concurrent_rate(2, a.ceiling_seconds) / concurrent_rate(1, a.ceiling_seconds)
            turns.append((one, two, ner_rate(tagger, docs), ceiling))
        res["relevant"] = _summary([t[0] for t in turns])
        res["workers2"] = _summary([t[1] for t in turns])
        ratio = statistics.median(t[1]["articles_per_s"] / t[0]["articles_per_s"] for t in turns)
        ner_ratio = statistics.median(t[0]["articles_per_s"] / t[2] for t in turns)
        ner = statistics.median(t[2] for t in turns)
        res["ner"] = {"rate": ner, "rates": [t[2] for t in turns], "what": ner_what,
                      "ratio": ner_ratio}
        res["workers_ratio"] = ratio
        ceiling = statistics.median(t[3] for t in turns)
        res["machine_ceiling"] = {"ratio": ceiling, "ratios": [t[3] for t in turns],
                                  "pool_share": statistics.median(t[1]["articles_per_s"]
                                                                  / t[0]["articles_per_s"] / t[3]
                                                                  for t in turns)}
        print(f"(a) relevant, seed-like   {a.relevant:>7} art  {res['relevant']['rate']:8.1f} art/s"
              f"  peak {res['relevant']['rss']:6.0f} MB  (judged relevant: "
              f"{res['relevant']['relevant']})", flush=True)
        print(f"(c) relevant, 2 workers   {a.relevant:>7} art  {res['workers2']['rate']:8.1f} art/s"
              f"  peak {res['workers2']['rss']:6.0f} MB  = {ratio:.2f}x one worker "
              f"(median of the turns' ratios)", flush=True)
        print(f"    the machine's own ceiling: two independent pipelines side by side give "
              f"{ceiling:.2f}x one; the pool gets {res['machine_ceiling']['pool_share']:.0%} "
              f"of it", flush=True)
        print(f"baseline: {ner_what}, sentence by sentence, {a.ner_articles} relevant articles: "
              f"{ner:.2f} art/s -> thidua is {ner_ratio:.0f}x faster (median of the turns' ratios)",
              flush=True)
        res["mixed"] = repeated(mix, tmp / "b", a.repeats)
        print(f"(b) mixed, 10 % relevant  {a.mixed:>7} art  {res['mixed']['rate']:8.1f} art/s"
              f"  peak {res['mixed']['rss']:6.0f} MB  (judged relevant: "
              f"{res['mixed']['relevant']})", flush=True)

        stages = stage_times(a.stage_articles, a.repeats)
        res["stages_ms"] = stages
        print(f"where the time of a relevant article goes (in process, {a.stage_articles} "
              f"articles, ms/article):", flush=True)
        for name, ms in sorted(stages.items(), key=lambda kv: -kv[1]):
            if name != "total":
                print(f"  {name:32s} {ms:6.3f}", flush=True)
        print(f"  {'total':32s} {stages['total']:6.3f}", flush=True)

        small_in = write_jsonl(tmp / "small.jsonl", 1000, 0.1, seed=9)
        large_in = write_jsonl(tmp / "large.jsonl", a.large, 0.1, seed=9)
        small = extract(small_in, tmp / "m1")
        large = extract(large_in, tmp / "m2")
        growth = large["peak_rss_mb"] / small["peak_rss_mb"] - 1
        res["memory"] = {"small_mb": small["peak_rss_mb"], "large_mb": large["peak_rss_mb"],
                         "large_n": a.large, "growth": growth,
                         "large_rate": large["articles_per_s"]}
        print(f"memory: peak RSS 1000 art {small['peak_rss_mb']:.0f} MB, {a.large} art "
              f"{large['peak_rss_mb']:.0f} MB ({growth:+.1%}); {large['articles_per_s']:.0f} art/s",
              flush=True)

    peak = max(res[k]["rss"] for k in ("relevant", "mixed", "workers2"))
    peak = max(peak, res["memory"]["large_mb"])
    checks = [
        ("relevant >= 300 art/s per process", res["relevant"]["rate"] >= TARGETS["relevant_per_s"]),
        ("relevant >= 50x underthesea ner", ner_ratio >= TARGETS["ner_ratio"]),
        ("mixed >= 2000 art/s", res["mixed"]["rate"] >= TARGETS["mixed_per_s"]),
        ("2 workers >= 1.7x one", ratio >= TARGETS["workers_ratio"]),
        ("peak RSS <= 400 MB", peak <= TARGETS["peak_rss_mb"]),
        (f"RSS at {a.large} within 10 % of 1000", growth <= TARGETS["rss_growth"]),
    ]
    print("targets:")
    for name, ok in checks:
        print(f"  {verdict(ok)}  {name}")
    res["targets"] = {name: ok for name, ok in checks}
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
