"""The documented answers are what the checked-in tables give.

The README's "For researchers" section and docs/researchers.md's "Five
questions" show queries with their printed answers on ``corpus/``.  An
accuracy fix or a new article changes ``outputs/``, and an answer copied
into the README by hand goes stale without anyone noticing (it had, by
four rows, before this test).  This builds the database from the committed
``outputs/`` CSVs, runs every ``thidua query`` of those sections and
compares the table with the one shown; ``scripts/update_readme_answers.py``
(whose functions read the examples here too) rewrites them.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from update_readme_answers import DOCUMENTS, answer, corpus_db, examples  # noqa: E402

EXAMPLES = list(examples())


def test_each_document_has_its_query_examples():
    assert {name: sum(1 for n, _ in EXAMPLES if n == name) for name, _ in DOCUMENTS} == {
        name: 5 for name, _ in DOCUMENTS}


@pytest.fixture(scope="module")
def db():
    con = corpus_db()
    yield con
    con.close()


@pytest.mark.parametrize("doc, example", EXAMPLES, ids=[f"{e[0]}-{i + 1}" for i, e in enumerate(EXAMPLES)])
def test_a_documented_answer_is_the_tables(db, doc, example):
    got = answer(db, example)
    assert got.strip() == example.group("answer").strip(), (
        f"{doc}: the answer is stale; the tables now give:\n{got}")
