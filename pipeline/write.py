"""Stage last: write the tables, one CSV per table, columns in contract order.

Rows are appended as articles finish, so memory stays flat however long the
batch; each table is written to ``<name>.csv.part`` and renamed into place
only when the run closes, so no half-written CSV is ever left as the final
file.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any, Iterable

from .model import TABLE_COLUMNS

# Characters that make a spreadsheet read a cell as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """How one value is written: booleans lower case, lists ';'-joined, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set)):
        return ";".join(sorted(str(v) for v in value))
    return str(value)


def safe_cell(text: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection) with a leading apostrophe."""
    if text and text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class TableWriter:
    """Incremental writer of all tables into one folder."""

    def __init__(self, out_dir: str | Path, tables: Iterable[str] | None = None,
                 *, spreadsheet_safe: bool = False, bom: bool = False, append: bool = False):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.spreadsheet_safe = spreadsheet_safe
        self.encoding = "utf-8-sig" if bom else "utf-8"
        self._files: dict[str, Any] = {}
        self._writers: dict[str, csv.DictWriter] = {}
        self.counts: dict[str, int] = {}
        for name in tables or TABLE_COLUMNS:
            part = self.out_dir / f"{name}.csv.part"
            final = self.out_dir / f"{name}.csv"
            if append and final.exists() and not part.exists():
                os.replace(final, part)
            exists = append and part.exists() and part.stat().st_size > 0
            f = open(part, "a" if exists else "w", encoding=self.encoding, newline="")
            w = csv.DictWriter(f, fieldnames=TABLE_COLUMNS[name], extrasaction="ignore")
            if not exists:
                w.writeheader()
            self._files[name], self._writers[name] = f, w
            self.counts[name] = 0

    def write(self, table: str, row: dict[str, Any]) -> None:
        out = {k: cell(row.get(k)) for k in TABLE_COLUMNS[table]}
        if self.spreadsheet_safe:
            out = {k: safe_cell(v) for k, v in out.items()}
        self._writers[table].writerow(out)
        self.counts[table] += 1

    def write_many(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.write(table, row)

    def flush(self) -> None:
        for f in self._files.values():
            f.flush()
            os.fsync(f.fileno())

    def close(self) -> None:
        """Flush, then atomically move every ``.part`` onto its final name."""
        for name, f in self._files.items():
            f.flush()
            os.fsync(f.fileno())
            f.close()
            os.replace(self.out_dir / f"{name}.csv.part", self.out_dir / f"{name}.csv")
        self._files.clear()

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
