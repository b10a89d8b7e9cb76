"""Generality checks: rules are classes of phrasing, not corpus sentences.

Two checks, both cheap:

1. **Blind sets.** Each folder ``corpus/heldout*/`` holds articles written by
   annotators who had not seen the rules.  Their first measurement, before
   any change was made for them, is recorded in the folder's README; this
   test keeps every blind set above a floor set from those first
   measurements (records F1 0.878 and article fields F1 0.935 on set 1), so
   the rules must keep scoring on articles they were not written against —
   not only on the dev corpus, where the regression gate holds them.
2. **Phrasing rows stay short.**  Rows of the phrasing gazetteers (bloc
   wording, award cues, event types, relevance) are phrases of at most six
   words: a row that long enough to be a sentence would match one article
   and nothing else.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex as re

from pipeline import scoring
from pipeline.gazetteers import load_csv
from pipeline.read import iter_articles
from pipeline.run import Pipeline, RunStats, process_many, write_result
from pipeline.write import TableWriter

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
BLIND_SETS = sorted(p for p in CORPUS.glob("heldout*") if p.is_dir())

# Floors from the first blind measurement (corpus/heldout/README.md), less a margin.
RECORDS_FLOOR = 0.85
FIELDS_FLOOR = 0.90


def _golds_for(ids: set[str]) -> dict[str, dict]:
    golds = {}
    for f in (CORPUS / "gold").glob("*.json"):
        g = json.loads(f.read_text(encoding="utf-8"))
        if g["article_id"] in ids and g.get("verified", True):
            golds[g["article_id"]] = g
    return golds


@pytest.mark.parametrize("folder", BLIND_SETS, ids=lambda p: p.name)
def test_blind_set_scores_above_its_floor(folder, tmp_path):
    out = tmp_path / "pred"
    stats = RunStats()
    ids = set()
    with TableWriter(out) as w:
        for result in process_many(iter_articles([folder]), Pipeline()):
            write_result(w, result, stats)
            ids.add(result.article_id)
    golds = _golds_for(ids)
    assert golds, f"no gold in corpus/gold for the articles of {folder.name}"
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for aid, g in golds.items():
        (gold_dir / f"{aid}.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    report = scoring.score_dirs(gold_dir, out)
    records = report.groups["records (overall)"].f1
    fields = report.groups["articles (all fields)"].f1
    assert records >= RECORDS_FLOOR and fields >= FIELDS_FLOOR, (
        f"{folder.name}: records F1 {records:.3f}, fields F1 {fields:.3f}\n"
        + scoring.format_misses(report))


PHRASE_FILES = {
    "bloc.csv": "pattern",
    "award_cues.csv": "pattern",
    "event_types.csv": "pattern",
    "relevance.csv": "pattern",
}


def _phrase_cells(name: str, column: str | None) -> list[str]:
    rows = load_csv(name)
    if column is None:  # the column holding the phrase: the first one
        column = next(iter(rows[0]))
    return [r[column] for r in rows if r.get(column)]


@pytest.mark.parametrize("name", sorted(PHRASE_FILES))
def test_phrasing_rows_are_short_phrases(name):
    for cell in _phrase_cells(name, PHRASE_FILES[name]):
        # the words a pattern requires: escapes and look-around conditions aside
        required = re.sub(r"\\[a-zA-Z]", " ", cell)
        required = re.sub(r"\(\?<?[!=](?:[^()]|\([^()]*\))*\)", " ", required)
        longest = max((len(re.findall(r"[\p{L}]{2,}", alt)) for alt in required.split("|")), default=0)
        assert longest <= 6, f"{name}: {cell!r} reads like a sentence ({longest} words in a row)"
