"""The resume journal: which inputs are safely written, and how long each table was.

After every chunk the tables are flushed and fsynced, *then* one JSON line is
appended (and fsynced) here: the chunk's input keys, each ``.part`` file's
byte length, and the running totals.  A run killed at any instant therefore
leaves a journal whose last complete line describes a consistent prefix of
the output.  ``--resume`` cuts every ``.part`` back to that length (dropping
rows of chunks never journaled) and skips the journaled keys, so each input
ends up written exactly once.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JOURNAL_NAME = ".thidua-journal.jsonl"


class ResumeError(RuntimeError):
    """The output folder cannot be resumed (journal and tables disagree)."""


@dataclass
class ResumeState:
    keys: set[str] = field(default_factory=set)
    sizes: dict[str, int] = field(default_factory=dict)
    totals: dict[str, Any] = field(default_factory=dict)
    complete: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - not every platform opens folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


class Journal:
    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / JOURNAL_NAME
        self._f = None

    # -- writing ---------------------------------------------------------
    def start(self, meta: dict[str, Any], sizes: dict[str, int]) -> None:
        """Begin a fresh journal (the old one, if any, is already gone)."""
        self._f = open(self.path, "w", encoding="utf-8")
        self._append({"kind": "start", **meta})
        self.commit([], sizes, {})
        _fsync_dir(self.out_dir)

    def reopen(self) -> None:
        self._f = open(self.path, "a", encoding="utf-8")

    def commit(self, keys: list[str], sizes: dict[str, int], totals: dict[str, Any]) -> None:
        """Record a durable chunk; the tables must already be flushed and fsynced."""
        self._append({"kind": "commit", "keys": keys, "sizes": sizes, "totals": totals})

    def complete(self) -> None:
        self._append({"kind": "complete"})

    def _append(self, entry: dict[str, Any]) -> None:
        self._f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._f.flush()
        os.fsync(self._f.fileno())

    def close(self) -> None:
        if self._f is not None:
            self._f.close()
            self._f = None

    def remove(self) -> None:
        self.close()
        self.path.unlink(missing_ok=True)
        _fsync_dir(self.out_dir)

    # -- reading ---------------------------------------------------------
    def load(self) -> ResumeState | None:
        """The state the last complete entry describes; None if there is no journal.

        A torn last line (the run died while writing it) is cut off, so
        appending goes on after the last good entry.
        """
        if not self.path.exists():
            return None
        state = ResumeState()
        good = 0
        with open(self.path, "rb") as f:
            for raw in f:
                if not raw.endswith(b"\n"):
                    break
                try:
                    entry = json.loads(raw)
                except ValueError:
                    break
                good += len(raw)
                kind = entry.get("kind")
                if kind == "start":
                    state.meta = entry
                elif kind == "commit":
                    state.keys.update(entry["keys"])
                    state.sizes, state.totals = entry["sizes"], entry["totals"]
                elif kind == "complete":
                    state.complete = True
        if not state.sizes:
            return None  # died before the first entry: nothing was kept
        with open(self.path, "r+b") as f:
            f.truncate(good)
        for table, size in state.sizes.items():
            part = self.out_dir / f"{table}.csv.part"
            have = part.stat().st_size if part.exists() else -1
            if have < size and not (state.complete and (self.out_dir / f"{table}.csv").exists()):
                raise ResumeError(
                    f"cannot resume: {part.name} has {max(have, 0)} bytes but the journal "
                    f"recorded {size}; run again without --resume")
        return state
