"""The documented answers are what the checked-in tables give.

The README's "For researchers" section and docs/researchers.md's "Five
questions" show queries with their printed answers on ``corpus/``.  An accuracy fix or a new article changes ``outputs/``, and an
answer copied into the README by hand goes stale without anyone noticing
(it had, by four rows, before this test).  This builds the database from
the committed ``outputs/`` CSVs, as ``make extract`` does, runs every
``thidua query`` of those sections and compares the table with the one
shown (``scripts/update_readme_answers.py`` rewrites them).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
import regex as re

from pipeline.commands.query import format_table
from pipeline.db import export_database

ROOT = Path(__file__).resolve().parent.parent


DOCUMENTS = (("README.md", "## For researchers"), ("docs/researchers.md", "### Five questions"))


def _examples() -> list[tuple[str, str, int, str]]:
    pairs = []
    for name, heading in DOCUMENTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        start = text.index(heading)
        end = text.find("\n## ", start + 1)
        blocks = re.findall(r"```\w*\n(.*?)```", text[start:end if end >= 0 else len(text)], re.S)
        for i, block in enumerate(blocks[:-1]):
            m = re.fullmatch(r'thidua query "(.*)"(?:\s+--max-width\s+(\d+))?\s*', block, re.S)
            if m:
                pairs.append((name, m.group(1), int(m.group(2) or 60), blocks[i + 1].strip()))
    return pairs


EXAMPLES = _examples()


def test_each_document_has_its_query_examples():
    assert {name: sum(1 for n, *_ in EXAMPLES if n == name) for name, _ in DOCUMENTS} == {
        name: 5 for name, _ in DOCUMENTS}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    out = tmp_path_factory.mktemp("readme_db")
    for csv in (ROOT / "outputs").glob("*.csv"):
        shutil.copy(csv, out / csv.name)
    export_database(out, inputs=[ROOT / "corpus"], parquet=False)
    con = duckdb.connect(str(out / "thidua.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("doc, sql, width, shown", EXAMPLES,
                         ids=[f"{e[0]}-{i + 1}" for i, e in enumerate(EXAMPLES)])
def test_a_documented_answer_is_the_tables(corpus_db, doc, sql, width, shown):
    cur = corpus_db.execute(sql)
    got = format_table([d[0] for d in cur.description], cur.fetchall(), width)
    assert got.strip() == shown, f"{doc}: the answer is stale; the tables now give:\n{got}"
