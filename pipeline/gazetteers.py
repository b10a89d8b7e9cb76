"""Loading the knowledge files under ``gazetteers/``.

Knowledge is data: a new province, outlet, alias or award name is a row in a
CSV file, never an ``if`` in an extractor.  Every loader is cached, so each
file is read once per process (workers included) and shared by all articles.
"""
from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

import regex as re

_DEFAULT_DIR = Path(__file__).resolve().parent.parent / "gazetteers"


def gazetteer_dir() -> Path:
    """Folder of the data files; ``THIDUA_GAZETTEERS`` points elsewhere (tests, forks)."""
    return Path(os.environ.get("THIDUA_GAZETTEERS", _DEFAULT_DIR))


@lru_cache(maxsize=None)
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``gazetteers/<name>`` as dicts; lines starting with ``#`` are comments."""
    path = gazetteer_dir() / name
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f if ln.strip() and not ln.lstrip().startswith("#")]
    rows = []
    for row in csv.DictReader(lines):
        if None in row:  # more fields than the header: an unquoted comma
            raise ValueError(f"gazetteers/{name}: row {row} has more fields than the header "
                             "(quote values that contain commas)")
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return tuple(rows)


@lru_cache(maxsize=None)
def load_boilerplate() -> tuple[re.Pattern, re.Pattern]:
    """(tail, line) patterns from boilerplate.csv; see normalize.find_boilerplate."""
    tails, lines = [], []
    for row in load_csv("boilerplate.csv"):
        (tails if row["kind"] == "tail" else lines).append(row["pattern"])
    flags = re.IGNORECASE | re.VERSION1
    tail = re.compile("(?:" + "|".join(tails) + ")", flags) if tails else re.compile(r"(?!)")
    line = re.compile("(?:" + "|".join(lines) + ")", flags) if lines else re.compile(r"(?!)")
    return tail, line
