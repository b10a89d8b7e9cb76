"""Rewrite the answers of the documented example queries from outputs/.

The README's "For researchers" section and docs/researchers.md's "Five
questions" show ``thidua query`` commands with their printed answers.
Run after ``make extract`` when outputs/ changed on purpose (a fix, new
articles); tests/test_readme.py, which reads the examples with the same
functions, fails until the documents show what the tables give.  The
database is built in memory from the committed CSVs (``open_db`` with
inputs), so the result does not depend on a stale outputs/thidua.duckdb.

    .venv/bin/python scripts/update_readme_answers.py
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import duckdb
import regex as re

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.commands.query import format_table  # noqa: E402
from pipeline.db import open_db  # noqa: E402

# (file, heading of the section holding the examples); the section ends at
# the next heading of level 2
DOCUMENTS = (("README.md", "## For researchers"), ("docs/researchers.md", "### Five questions"))
# a ``thidua query "SQL" [--max-width N]`` block and the answer block after it
_QUERY_THEN_ANSWER = re.compile(r'(```\w*\nthidua query "(?P<sql>.*?)"(?:\s+--max-width\s+(?P<width>\d+))?\s*```\n```\n)'
                                r'(?P<answer>.*?)(?P<close>```)', re.S)


def corpus_db() -> duckdb.DuckDBPyConnection:
    """The database of the committed outputs/ CSVs, texts re-read from corpus/."""
    return open_db(ROOT / "outputs", inputs=[ROOT / "corpus"])


def answer(con: duckdb.DuckDBPyConnection, m: re.Match) -> str:
    """The table the query of an example prints (as ``thidua query`` does)."""
    cur = con.execute(m.group("sql"))
    return format_table([d[0] for d in cur.description], cur.fetchall(), int(m.group("width") or 60))


def _section(text: str, heading: str) -> tuple[int, int]:
    start = text.index(heading)
    end = text.find("\n## ", start + 1)
    return start, len(text) if end < 0 else end


def examples() -> Iterator[tuple[str, re.Match]]:
    """(document, match) of every example query with its shown answer."""
    for name, heading in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        start, end = _section(text, heading)
        for m in _QUERY_THEN_ANSWER.finditer(text, start, end):
            yield name, m


def main() -> int:
    con = corpus_db()
    changed = 0

    def rewrite(m: re.Match) -> str:
        nonlocal changed
        got = answer(con, m) + "\n"
        changed += got != m.group("answer")
        return m.group(1) + got + m.group("close")

    for name, heading in DOCUMENTS:
        path = ROOT / name
        text = path.read_text(encoding="utf-8")
        start, end = _section(text, heading)
        path.write_text(text[:start] + _QUERY_THEN_ANSWER.sub(rewrite, text[start:end]) + text[end:],
                        encoding="utf-8")
    con.close()
    print(f"{changed} answer(s) rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
