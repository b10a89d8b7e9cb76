"""Regression gate: extracting corpus/ must not score worse than the committed
baseline (tests/baseline_scores.json) on any item.

A deliberate change that moves the numbers regenerates the baseline with
``scripts/update_baseline.py`` in the same commit, saying why.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import scoring
from pipeline.model import Doc
from pipeline.run import Pipeline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
BASELINE = Path(__file__).with_name("baseline_scores.json")


def extract_and_score(tmp_dir: Path, pipeline: Pipeline | None = None) -> scoring.ScoreReport:
    scoring.extract_to([CORPUS], tmp_dir, pipeline)
    return scoring.score_dirs(GOLD, tmp_dir)


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory) -> scoring.ScoreReport:
    return extract_and_score(tmp_path_factory.mktemp("corpus_pred"))


def test_no_item_dropped_below_baseline(corpus_report):
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    result = scoring.compare_to_baseline(corpus_report, baseline)
    if not result.ok:
        pytest.fail("F1 dropped below tests/baseline_scores.json "
                    f"(tolerance {scoring.TOLERANCE}):\n"
                    + scoring.format_gate(result, corpus_report)
                    + "\nIf the change is deliberate, run scripts/update_baseline.py and "
                      "commit the new baseline with the reason.", pytrace=False)


def test_baseline_covers_every_item():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    assert set(scoring.ITEMS) | set(scoring.GROUPS) <= set(baseline["items"])


# --- the gate's comparison itself -------------------------------------------

def fake_report(**f1_by_item: tuple[int, int, int]) -> scoring.ScoreReport:
    items = {name: scoring.ItemScore(*f1_by_item.get(name, (0, 0, 0))) for name in scoring.ITEMS}
    return scoring.ScoreReport(items, {}, scoring.RecordSet(), scoring.RecordSet(), [])


def test_compare_tolerance_missing_and_new_items():
    report = fake_report(members=(9, 10, 10), leaders=(5, 10, 10))      # F1 0.9 and 0.5
    baseline = {"items": {"members": {"f1": 0.905}, "leaders": {"f1": 0.6},
                          "no_longer_scored": {"f1": 0.3}, "handovers": {"f1": 0.0}}}
    result = scoring.compare_to_baseline(report, baseline)
    dropped = {r.item: (r.baseline_f1, r.f1) for r in result.regressions}
    # members within tolerance; leaders dropped; an item gone counts as F1 0
    assert dropped == {"leaders": (0.6, 0.5), "no_longer_scored": (0.3, 0.0)}
    assert "awards" in result.new_items and not result.ok
    text = scoring.format_gate(result)
    assert "REGRESSION leaders: F1 0.6000 -> 0.5000" in text
    assert scoring.compare_to_baseline(report, {"items": {}}).ok


# --- the gate catches a broken extractor ------------------------------------

class GoldOracle:
    """A stand-in extractor that writes the gold facts, so the whole path
    (Pipeline -> TableWriter -> CSV -> scorer) must give F1 1 everywhere."""

    name = "gold_oracle"

    def __init__(self) -> None:
        self.gold = {}
        for path in GOLD.glob("*.json"):
            g = json.loads(path.read_text(encoding="utf-8"))
            self.gold[g["article_id"]] = g

    def __call__(self, doc: Doc) -> Doc:
        g = self.gold.get(doc.article_id)
        if g is None:
            doc.fields["relevant"] = False
            return doc
        doc.fields.update({k: v for k, v in g["article"].items() if v is not None})
        for org in g["members"]:
            doc.add("members", org=org, start=0, end=0)
        for table in ("leaders", "handovers", "awards", "people"):
            for row in g[table]:
                doc.add(table, **row, start=0, end=0)
        return doc


class DropRecords:
    """A broken component: loses every record of one table."""

    name = "drop_records"

    def __init__(self, table: str) -> None:
        self.table = table

    def __call__(self, doc: Doc) -> Doc:
        doc.records.pop(self.table, None)
        return doc


def pipeline_of(*components) -> Pipeline:
    p = Pipeline([])
    p.names = [c.name for c in components]
    p.components = list(components)
    return p


def test_gate_fails_on_a_broken_extractor(tmp_path):
    oracle = GoldOracle()
    good = extract_and_score(tmp_path / "good", pipeline_of(oracle))
    for item, s in good.all_scores().items():
        assert s.f1 == 1.0 or s.gold == 0, item
    baseline = json.loads(scoring.dump_baseline(scoring.baseline_dict(good)))

    broken = extract_and_score(tmp_path / "broken", pipeline_of(oracle, DropRecords("awards")))
    result = scoring.compare_to_baseline(broken, baseline)
    assert {r.item for r in result.regressions} == {"awards", "awards.conferrer",
                                                    "records (overall)"}
    lost = next(r for r in result.regressions if r.item == "awards").lost
    assert len(lost) == good.items["awards"].gold
    assert any(x.startswith("d001 | cờ thi đua của ubnd tỉnh | ban tổ chức tỉnh ủy") for x in lost)
    assert "lost (found before, MISS now)" in scoring.format_gate(result, broken)
