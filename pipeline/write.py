"""Stage last: write the tables, one CSV per table, columns in contract order.

Rows are appended as articles finish, so memory stays flat however long the
batch; each table is written to ``<name>.csv.part`` and renamed into place
only when the run closes, so no half-written CSV is ever left as the final
file.  Rows can be formatted to CSV text anywhere (:func:`format_rows`, run
inside worker processes) and appended here as text, so one worker and many
produce the same bytes.
"""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any, Iterable, Mapping

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


def row_cells(table: str, row: Mapping[str, Any], spreadsheet_safe: bool = False) -> list[str]:
    # most values are already text: only the others go through cell()
    out = [v if v.__class__ is str else cell(v) for v in map(row.get, TABLE_COLUMNS[table])]
    return [safe_cell(v) for v in out] if spreadsheet_safe else out


def format_rows(rows: Iterable[tuple[str, Mapping[str, Any]]], spreadsheet_safe: bool = False
                ) -> dict[str, str]:
    """(table, row) pairs -> CSV text per table, exactly as :class:`TableWriter` writes it."""
    # Runs for every article in the workers.  Tables come out in the order
    # they first appear, as they did when each had a writer from the start.
    by_table: dict[str, list[str]] = {}
    for table, row in rows:
        if spreadsheet_safe:
            cells = row_cells(table, row, True)
        else:   # = row_cells(table, row): texts as they are, ints as str() (what cell() does)
            cells = [v if (k := v.__class__) is str else str(v) if k is int else cell(v)
                     for v in map(row.get, TABLE_COLUMNS[table])]
        lines = by_table.get(table)
        if lines is None:
            lines = by_table[table] = []
        lines.append(csv_line(cells))
    return {t: "".join(lines) for t, lines in by_table.items()}


def csv_line(cells: list[str]) -> str:
    """One row as ``csv.writer`` (excel dialect) writes it.

    A row of two or more cells none of which holds a comma, a quote or a line
    break is written as the cells joined by commas (the writer quotes
    nothing there); the others go through the writer itself.  The C writer
    copies text character by character, several times slower on Vietnamese.
    """
    line = ",".join(cells)
    if (len(cells) > 1 and line.count(",") == len(cells) - 1
            and '"' not in line and "\n" not in line and "\r" not in line):
        return line + "\r\n"
    buf = io.StringIO(newline="")
    csv.writer(buf).writerow(cells)
    return buf.getvalue()


def part_path(out_dir: Path, name: str) -> Path:
    return out_dir / f"{name}.csv.part"


class TableWriter:
    """Incremental writer of all tables into one folder.

    ``resume`` maps table -> byte length: each ``.part`` is cut back to that
    length (what a journal recorded as safely written) and appended to, so
    rows written after the last journal entry vanish instead of doubling.
    """

    def __init__(self, out_dir: str | Path, tables: Iterable[str] | None = None,
                 *, spreadsheet_safe: bool = False, bom: bool = False, append: bool = False,
                 resume: Mapping[str, int] | None = None):
        self.out_dir = Path(out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.spreadsheet_safe = spreadsheet_safe
        self.encoding = "utf-8-sig" if bom else "utf-8"
        self.tables = list(tables or TABLE_COLUMNS)
        self._files: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        self.counts: dict[str, int] = {}
        for name in self.tables:
            part = part_path(self.out_dir, name)
            final = self.out_dir / f"{name}.csv"
            if resume is not None and part.exists() and resume.get(name):
                with open(part, "r+b") as f:
                    f.truncate(resume[name])
                exists = True
            else:
                if append and final.exists() and not part.exists():
                    os.replace(final, part)
                exists = append and part.exists() and part.stat().st_size > 0
            f = open(part, "a" if exists else "w", encoding=self.encoding, newline="")
            w = csv.writer(f)
            if not exists:
                w.writerow(TABLE_COLUMNS[name])
            self._files[name], self._writers[name] = f, w
            self.counts[name] = 0

    def write(self, table: str, row: Mapping[str, Any]) -> None:
        self._writers[table].writerow(row_cells(table, row, self.spreadsheet_safe))
        self.counts[table] += 1

    def write_many(self, table: str, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.write(table, row)

    def write_text(self, table: str, text: str, rows: int = 0) -> None:
        """Append CSV text made by :func:`format_rows` (same dialect, same bytes)."""
        self._files[table].write(text)
        self.counts[table] += rows

    def flush(self) -> None:
        for f in self._files.values():
            f.flush()
            os.fsync(f.fileno())

    def sizes(self) -> dict[str, int]:
        """Byte length of every ``.part`` file; call after :meth:`flush`."""
        return {name: os.fstat(f.fileno()).st_size for name, f in self._files.items()}

    def close(self) -> None:
        """Flush, then atomically move every ``.part`` onto its final name."""
        self.flush()
        for f in self._files.values():
            f.close()
        for name in list(self._files):
            os.replace(part_path(self.out_dir, name), self.out_dir / f"{name}.csv")
        self._files.clear()

    def abort(self) -> None:
        """Close without publishing: the ``.part`` files stay for ``--resume``."""
        for f in self._files.values():
            try:
                f.flush()
            finally:
                f.close()
        self._files.clear()

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()
