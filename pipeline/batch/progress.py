"""Progress reporting: a tqdm bar on a terminal, JSON lines for log collectors.

Modes: ``bar`` (tqdm on stderr, articles/s and relevant/irrelevant/failed
counts), ``json`` (one JSON object per tick and a final summary, on stderr),
``summary`` (one human line at the end) and ``quiet`` (nothing).
"""
from __future__ import annotations

import json
import sys
import time
from typing import Any, TextIO

STATUSES = ("relevant", "irrelevant", "failed")


def choose_mode(quiet: bool, log_json: bool, stream: TextIO | None = None) -> str:
    stream = stream or sys.stderr
    if quiet:
        return "quiet"
    if log_json:
        return "json"
    return "bar" if stream.isatty() else "summary"


class Progress:
    def __init__(self, mode: str = "summary", *, initial: dict[str, int] | None = None,
                 interval: float = 2.0, stream: TextIO | None = None):
        self.mode, self.interval, self.stream = mode, interval, stream or sys.stderr
        self.counts = {s: int((initial or {}).get(s, 0)) for s in STATUSES}
        self.resumed = sum(self.counts.values())
        self.done = 0            # items processed by this run (not the resumed ones)
        self.t0 = time.perf_counter()
        self._last = self.t0
        self._bar = None
        if mode == "bar":
            from tqdm import tqdm

            self._bar = tqdm(total=None, initial=self.resumed, unit="art", file=self.stream,
                             dynamic_ncols=True, smoothing=0.1, mininterval=0.5)

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.t0

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    def update(self, status: str) -> None:
        self.counts[status] += 1
        self.done += 1
        if self._bar is not None:
            self._bar.update(1)
        now = time.perf_counter()
        if now - self._last < (0.5 if self._bar is not None else self.interval):
            return
        self._last = now
        if self._bar is not None:
            self._bar.set_postfix(self.counts, refresh=False)
        elif self.mode == "json":
            self._emit("progress")

    def _emit(self, event: str, **extra: Any) -> None:
        rec = {"event": event, "processed": self.done, "resumed": self.resumed, **self.counts,
               "elapsed_s": round(self.elapsed, 3), "articles_per_s": round(self.rate, 1),
               **extra}
        print(json.dumps(rec, ensure_ascii=False), file=self.stream, flush=True)

    def warning(self, message: str) -> None:
        if self.mode == "json":
            print(json.dumps({"event": "warning", "message": message}, ensure_ascii=False),
                  file=self.stream, flush=True)
        elif self.mode != "quiet":
            self._write(f"warning: {message}")

    def _write(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self, *, out_dir: str, interrupted: bool = False, error: str | None = None,
              **extra: Any) -> None:
        if self._bar is not None:
            self._bar.set_postfix(self.counts, refresh=True)
            self._bar.close()
        if self.mode == "json":
            if error:
                extra["error"] = error
            self._emit("interrupted" if interrupted else "summary", out=str(out_dir), **extra)
        elif self.mode != "quiet":
            c = self.counts
            articles = c["relevant"] + c["irrelevant"]
            head = ("stopped by an error after" if error else
                    "interrupted after" if interrupted else "articles")
            line = (f"{head} {articles} (relevant {c['relevant']}, irrelevant "
                    f"{c['irrelevant']}), failed {c['failed']} -> {out_dir} "
                    f"[{self.done} in {self.elapsed:.1f} s, {self.rate:.0f} articles/s]")
            if interrupted:
                line += (f" ({error})" if error else "") + "; run again with --resume to finish"
            self._write(line)
