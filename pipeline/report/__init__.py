"""``thidua report``: a self-contained HTML view of the extracted database.

The page has the per-province leadership timeline of every bloc, the awards
over the years, the conflicts between sources, and every article with its
extracted facts highlighted in the text (hover for the field) and the
evidence sentence of each record.  It is written from the DuckDB database, so
it shows the same merged view researchers query.
"""
from __future__ import annotations

from pathlib import Path

from .html import render

__all__ = ["render", "write_report"]


def write_report(path: str | Path, con, **kwargs) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(render(con, **kwargs), encoding="utf-8")
    tmp.replace(path)
    return path
