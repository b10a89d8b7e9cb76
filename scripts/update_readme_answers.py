"""Rewrite the answers of the documented example queries from outputs/.

The README's "For researchers" section and docs/researchers.md's "Five
questions" show ``thidua query`` commands with their printed answers.

Run after ``make extract`` when outputs/ changed on purpose (a fix, new
articles); tests/test_readme.py fails until the README shows what the
tables give.  Builds the database in a temporary folder from the committed
CSVs, as the test does, so the result does not depend on a stale
outputs/thidua.duckdb.

    .venv/bin/python scripts/update_readme_answers.py
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import duckdb
import regex as re

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.commands.query import format_table  # noqa: E402
from pipeline.db import export_database  # noqa: E402

# (file, heading of the section holding the examples); the section ends at
# the next heading of level 2
DOCUMENTS = (("README.md", "## For researchers"), ("docs/researchers.md", "### Five questions"))
_QUERY_THEN_ANSWER = re.compile(r'(```\w*\nthidua query "(?P<sql>.*?)"(?:\s+--max-width\s+(?P<width>\d+))?\s*```\n```\n)'
                                r'(?P<answer>.*?)(?P<close>```)', re.S)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for csv in (ROOT / "outputs").glob("*.csv"):
            shutil.copy(csv, Path(tmp) / csv.name)
        export_database(tmp, inputs=[ROOT / "corpus"], parquet=False)
        con = duckdb.connect(str(Path(tmp) / "thidua.duckdb"), read_only=True)
        changed = 0

        def answer(m: re.Match) -> str:
            nonlocal changed
            cur = con.execute(m.group("sql"))
            got = format_table([d[0] for d in cur.description], cur.fetchall(),
                               int(m.group("width") or 60)) + "\n"
            changed += got != m.group("answer")
            return m.group(1) + got + m.group("close")

        for name, heading in DOCUMENTS:
            path = ROOT / name
            text = path.read_text(encoding="utf-8")
            start = text.index(heading)
            end = text.find("\n## ", start + 1)
            end = len(text) if end < 0 else end
            path.write_text(text[:start] + _QUERY_THEN_ANSWER.sub(answer, text[start:end]) + text[end:],
                            encoding="utf-8")
        con.close()
    print(f"{changed} answer(s) rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
