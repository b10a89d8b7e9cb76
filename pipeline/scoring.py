"""The project's scorer: the contract's (SPEC v1, "Scoring") P/R/F1 of predicted
tables against gold annotations, and the regression gate built on it.

Every fact becomes a *record*, a tuple whose first element is the article id
and whose other elements are folded (``pipeline.normalize.fold``) so spelling
variants the contract calls equal (``Uỷ``/``Ủy``, dashes, case, spacing)
compare equal.  Records are sets: a fact predicted twice counts once.  Scores
are micro-averaged over the articles of the gold folder; predictions for any
other article are ignored, so a prediction folder may hold a bigger batch.

Predictions come either from a folder of CSV tables (:func:`score_dirs`) or
as in-memory rows (:func:`score_rows`), whose values may be typed (``2023``,
``True``, ``["launch"]``) or strings as read from CSV.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .normalize import fold

# Article fields the gold format holds (``title`` is not annotated).
GOLD_ARTICLE_FIELDS = [
    "relevant", "outlet", "byline", "published_date", "event_date", "event_types",
    "review_year", "plan_year", "province", "province_code", "province_2025",
    "bloc", "member_count",
]
INT_FIELDS = {"review_year", "plan_year", "member_count"}
RECORD_ITEMS = ["members", "leaders", "handovers", "awards", "awards.conferrer",
                "people", "people.title"]
ITEMS = [f"articles.{f}" for f in GOLD_ARTICLE_FIELDS] + RECORD_ITEMS
# The overall record score pools exactly these (attribute items such as
# awards.conferrer and people.title would count a fact twice).
OVERALL_RECORD_ITEMS = ["members", "leaders", "handovers", "awards", "people"]
GROUPS = {
    "articles (all fields)": [f"articles.{f}" for f in GOLD_ARTICLE_FIELDS],
    "records (overall)": OVERALL_RECORD_ITEMS,
}
# What each element of a record means, for the --misses listing.
RECORD_SHAPES = {
    "members": ("org",),
    "leaders": ("year", "role", "org"),
    "handovers": ("role", "year", "from_org", "to_org"),
    "awards": ("award", "org", "count", "status", "year"),
    "awards.conferrer": ("award", "org", "conferrer"),
    "people": ("name",),
    "people.title": ("name", "title"),
}
_PRED_TABLES = ["articles", "members", "leaders", "handovers", "awards", "people"]
# A cell written with spreadsheet protection starts with an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Record = tuple


# --- value normalisation ----------------------------------------------------

def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or (
        isinstance(v, (list, tuple, set)) and not v)


def as_int(v: Any) -> int | None:
    """A year or count from ``2023``, ``"2023"``, ``"2023.0"``, ``"02"``; None if not a number."""
    if _blank(v) or isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    try:
        f = float(str(v).strip())
    except ValueError:
        return None
    return int(f) if f.is_integer() else None


def as_bool(v: Any) -> bool | None:
    if isinstance(v, bool):
        return v
    if _blank(v):
        return None
    s = str(v).strip().lower()
    if s in ("true", "1", "yes", "t"):
        return True
    if s in ("false", "0", "no", "f"):
        return False
    return None


def as_count(v: Any) -> int | None:
    """Award count: empty means one recipient (the contract's default)."""
    return 1 if _blank(v) else as_int(v)


def field_value(name: str, v: Any) -> Any:
    """Comparison value of one article field, or None when the field is empty."""
    if name == "relevant":
        return as_bool(v)
    if _blank(v):
        return None
    if name == "event_types":
        parts = v if isinstance(v, (list, tuple, set)) else str(v).split(";")
        folded = sorted({fold(p) for p in parts if fold(p)})
        return ";".join(folded) or None
    if name in INT_FIELDS:
        n = as_int(v)
        return n if n is not None else fold(v)
    if name == "province_code":
        s = str(v).strip()
        n = as_int(s)
        return f"{n:02d}" if n is not None else fold(s)
    return fold(v) or None


def _unprotect(v: Any) -> Any:
    if isinstance(v, str) and len(v) > 1 and v[0] == "'" and v[1] in _FORMULA_START:
        return v[1:]
    return v


# --- records ----------------------------------------------------------------

class RecordSet:
    """Records of every item, each remembering a readable (unfolded) form."""

    def __init__(self) -> None:
        self.items: dict[str, dict[Record, tuple]] = {i: {} for i in ITEMS}

    def add(self, item: str, key: Record, shown: tuple) -> None:
        self.items[item].setdefault(key, shown)

    def keys(self, item: str) -> set[Record]:
        return set(self.items.get(item, {}))

    def shown(self, item: str, key: Record) -> tuple:
        return self.items[item].get(key, key)


def _get(row: Any, key: str) -> Any:
    return _unprotect(row.get(key)) if isinstance(row, Mapping) else None


def add_article(rs: RecordSet, aid: str, fields: Mapping[str, Any]) -> None:
    for name in GOLD_ARTICLE_FIELDS:
        raw = _unprotect(fields.get(name))
        value = field_value(name, raw)
        if value is None:
            continue
        if isinstance(value, bool):
            shown: Any = "true" if value else "false"
        elif name in ("event_types", "province_code") or isinstance(value, int):
            shown = value
        else:
            shown = raw
        rs.add(f"articles.{name}", (aid, value), (aid, shown))


def add_member(rs: RecordSet, aid: str, row: Any) -> None:
    org = row if isinstance(row, str) else _get(row, "org")
    if not _blank(org):
        rs.add("members", (aid, fold(org)), (aid, org))


def add_leader(rs: RecordSet, aid: str, row: Mapping) -> None:
    year, role, org = as_int(_get(row, "year")), _get(row, "role"), _get(row, "org")
    rs.add("leaders", (aid, year, fold(role), fold(org)), (aid, year, role, org))


def add_handover(rs: RecordSet, aid: str, row: Mapping) -> None:
    role, year = _get(row, "role"), as_int(_get(row, "year"))
    src, dst = _get(row, "from_org"), _get(row, "to_org")
    rs.add("handovers", (aid, fold(role), year, fold(src), fold(dst)),
           (aid, role, year, src or "", dst or ""))


def add_award(rs: RecordSet, aid: str, row: Mapping) -> None:
    award, org, status = _get(row, "award"), _get(row, "org"), _get(row, "status")
    count, year = as_count(_get(row, "count")), as_int(_get(row, "year"))
    rs.add("awards", (aid, fold(award), fold(org), count, fold(status), year),
           (aid, award, org or "", count, status, year))
    conferrer = _get(row, "conferrer")
    rs.add("awards.conferrer", (aid, fold(award), fold(org), fold(conferrer)),
           (aid, award, org or "", conferrer or ""))


def add_person(rs: RecordSet, aid: str, row: Mapping) -> None:
    name, title = _get(row, "name"), _get(row, "title")
    if _blank(name):
        return
    rs.add("people", (aid, fold(name)), (aid, name))
    if not _blank(title):
        rs.add("people.title", (aid, fold(name), fold(title)), (aid, name, title))


_ADDERS = {"members": add_member, "leaders": add_leader, "handovers": add_handover,
           "awards": add_award, "people": add_person}


def gold_records(golds: Mapping[str, Mapping]) -> RecordSet:
    rs = RecordSet()
    for aid, g in golds.items():
        add_article(rs, aid, g.get("article") or {})
        for table, adder in _ADDERS.items():
            for row in g.get(table) or []:
                adder(rs, aid, row)
    return rs


def pred_records(tables: Mapping[str, Iterable[Mapping]], ids: set[str]) -> RecordSet:
    """Records of predicted rows, keeping only articles in ``ids``."""
    rs = RecordSet()
    for row in tables.get("articles", []):
        aid = str(row.get("article_id") or "")
        if aid in ids:
            add_article(rs, aid, row)
    for table, adder in _ADDERS.items():
        for row in tables.get(table, []):
            aid = str(row.get("article_id") or "")
            if aid in ids:
                adder(rs, aid, row)
    return rs


# --- loading ----------------------------------------------------------------

@dataclass
class GoldSet:
    articles: dict[str, dict] = field(default_factory=dict)
    skipped_unverified: list[str] = field(default_factory=list)


def load_gold(gold_dir: str | Path, include_unverified: bool = False) -> GoldSet:
    """Every ``*.json`` of ``gold_dir``; files marked ``"verified": false`` are
    left out unless asked for, so a half-corrected draft never sets a target."""
    gs = GoldSet()
    paths = sorted(Path(gold_dir).glob("*.json"))
    if not paths:
        raise FileNotFoundError(f"no gold *.json files in {gold_dir}")
    for path in paths:
        g = json.loads(path.read_text(encoding="utf-8"))
        aid = str(g.get("article_id") or path.stem)
        if g.get("verified") is False and not include_unverified:
            gs.skipped_unverified.append(aid)
            continue
        gs.articles[aid] = g
    return gs


def read_tables(pred_dir: str | Path) -> dict[str, list[dict]]:
    """The prediction CSVs of a folder; a missing table means no rows."""
    pred_dir = Path(pred_dir)
    if not pred_dir.is_dir():
        raise FileNotFoundError(f"no prediction folder {pred_dir}")
    tables: dict[str, list[dict]] = {}
    for name in _PRED_TABLES:
        path = pred_dir / f"{name}.csv"
        if path.exists():
            with open(path, encoding="utf-8-sig", newline="") as f:
                tables[name] = list(csv.DictReader(f))
    return tables


# --- scores -----------------------------------------------------------------

@dataclass
class ItemScore:
    tp: int
    pred: int
    gold: int

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass
class ScoreReport:
    items: dict[str, ItemScore]
    groups: dict[str, ItemScore]
    gold: RecordSet
    pred: RecordSet
    article_ids: list[str]
    skipped_unverified: list[str] = field(default_factory=list)
    # Gold articles with no row in the predicted articles table: all missed.
    unpredicted: list[str] = field(default_factory=list)

    def all_scores(self) -> dict[str, ItemScore]:
        return {**self.items, **self.groups}

    def misses(self, item: str) -> list[Record]:
        return sorted(self.gold.keys(item) - self.pred.keys(item), key=_sort_key)

    def spurious(self, item: str) -> list[Record]:
        return sorted(self.pred.keys(item) - self.gold.keys(item), key=_sort_key)

    def found(self, item: str) -> list[Record]:
        return sorted(self.gold.keys(item) & self.pred.keys(item), key=_sort_key)

    def diff_by_article(self, items: Iterable[str] | None = None
                        ) -> dict[str, list[tuple[str, str, str]]]:
        """article -> [(item, 'MISS'|'SPUR', readable record)], articles sorted."""
        out: dict[str, list[tuple[str, str, str]]] = {}
        for item in items or ITEMS:
            for kind, keys, rs in (("MISS", self.misses(item), self.gold),
                                   ("SPUR", self.spurious(item), self.pred)):
                for key in keys:
                    out.setdefault(key[0], []).append((item, kind, show(rs.shown(item, key))))
        return dict(sorted(out.items()))

    def as_dict(self) -> dict[str, Any]:
        return {"articles": len(self.article_ids),
                "skipped_unverified": self.skipped_unverified,
                "unpredicted": self.unpredicted,
                "items": {k: v.as_dict() for k, v in self.items.items()},
                "groups": {k: v.as_dict() for k, v in self.groups.items()}}


def _sort_key(rec: Record) -> tuple:
    return tuple("" if x is None else str(x) for x in rec)


def show(rec: tuple) -> str:
    """A record without its article id, for people to read."""
    return " | ".join(_cell(x) for x in rec[1:])


def _cell(x: Any) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    return "" if x is None else str(x)


def record_string(rec: Record) -> str:
    """A stable one-line form of a folded record (used in the baseline file)."""
    return " | ".join(_cell(x) for x in rec)


def score_records(gold: RecordSet, pred: RecordSet, article_ids: Iterable[str],
                  skipped: list[str] | None = None) -> ScoreReport:
    items = {}
    for item in ITEMS:
        g, p = gold.keys(item), pred.keys(item)
        items[item] = ItemScore(len(g & p), len(p), len(g))
    groups = {name: ItemScore(sum(items[i].tp for i in members),
                              sum(items[i].pred for i in members),
                              sum(items[i].gold for i in members))
              for name, members in GROUPS.items()}
    return ScoreReport(items, groups, gold, pred, sorted(article_ids), list(skipped or []))


def score_rows(golds: Mapping[str, Mapping], tables: Mapping[str, Iterable[Mapping]],
               skipped: list[str] | None = None) -> ScoreReport:
    """Score in-memory prediction rows (``{"members": [row, ...], ...}``)
    against gold objects keyed by article id."""
    ids = set(golds)
    report = score_records(gold_records(golds), pred_records(tables, ids), ids, skipped)
    seen = {str(r.get("article_id") or "") for r in tables.get("articles", [])}
    report.unpredicted = sorted(ids - seen)
    return report


def score_dirs(gold_dir: str | Path, pred_dir: str | Path,
               include_unverified: bool = False) -> ScoreReport:
    gs = load_gold(gold_dir, include_unverified)
    return score_rows(gs.articles, read_tables(pred_dir), gs.skipped_unverified)


# --- printing ---------------------------------------------------------------

def format_table(report: ScoreReport) -> str:
    width = max(len(n) for n in report.all_scores()) + 2
    head = f"{'item':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'pred':>7}{'gold':>7}"
    lines = [f"gold articles: {len(report.article_ids)}"
             + (f" (skipped unverified: {len(report.skipped_unverified)})"
                if report.skipped_unverified else "")
             + (f"; with no prediction: {len(report.unpredicted)} "
                f"({', '.join(report.unpredicted[:5])}{' ...' if len(report.unpredicted) > 5 else ''})"
                if report.unpredicted else ""),
             head, "-" * len(head)]

    def line(name: str, s: ItemScore) -> str:
        return (f"{name:<{width}}{s.p:7.3f}{s.r:7.3f}{s.f1:7.3f}"
                f"{s.tp:7d}{s.pred:7d}{s.gold:7d}")

    for name, s in report.items.items():
        if name == "members":
            lines.append("-" * len(head))
        lines.append(line(name, s))
    lines.append("-" * len(head))
    lines.extend(line(name, s) for name, s in report.groups.items())
    return "\n".join(lines)


def format_misses(report: ScoreReport, items: Iterable[str] | None = None,
                  articles: Iterable[str] | None = None) -> str:
    wanted = set(articles or [])
    lines = []
    for aid, entries in report.diff_by_article(items).items():
        if wanted and aid not in wanted:
            continue
        lines.append(f"== {aid}")
        width = max(len(e[0]) for e in entries)
        lines.extend(f"  {kind} {item:<{width}}  {rec}" for item, kind, rec in entries)
    return "\n".join(lines) if lines else "no differences"


# --- regression gate --------------------------------------------------------

TOLERANCE = 0.01


def baseline_dict(report: ScoreReport, note: str = "") -> dict[str, Any]:
    """What the baseline file holds: every item's scores, and the records that
    were found and the spurious ones, so a later drop can name what was lost."""
    scores = report.all_scores()
    return {
        "note": note or "Regenerate with scripts/update_baseline.py; a deliberate "
                        "change updates this file in the same commit, with the reason.",
        "articles": len(report.article_ids),
        "items": {k: v.as_dict() for k, v in scores.items()},
        "records": {item: {"found": [record_string(r) for r in report.found(item)],
                           "spurious": [record_string(r) for r in report.spurious(item)]}
                    for item in ITEMS},
    }


def dump_baseline(data: Mapping[str, Any]) -> str:
    """JSON with one line per item and per record, so a commit's diff of the
    baseline reads as the list of what changed."""
    def j(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    items = ",\n".join(f"  {j(k)}: {j(v)}" for k, v in data["items"].items())
    recs = []
    for item, lists in data["records"].items():
        parts = []
        for kind, rows in lists.items():
            body = "".join(f"\n    {j(r)}," for r in rows).rstrip(",")
            parts.append(f"   {j(kind)}: [{body}{chr(10) + '   ' if rows else ''}]")
        recs.append(f"  {j(item)}: {{\n" + ",\n".join(parts) + "\n  }")
    return (f"{{\n \"note\": {j(data['note'])},\n \"articles\": {data['articles']},\n"
            f" \"items\": {{\n{items}\n }},\n \"records\": {{\n" + ",\n".join(recs)
            + "\n }\n}\n")


def write_baseline(report: ScoreReport, path: str | Path, note: str = "") -> None:
    Path(path).write_text(dump_baseline(baseline_dict(report, note)), encoding="utf-8")


@dataclass
class Regression:
    item: str
    baseline_f1: float
    f1: float
    lost: list[str] = field(default_factory=list)      # found before, missed now
    new_spurious: list[str] = field(default_factory=list)


@dataclass
class GateResult:
    regressions: list[Regression]
    improved: list[tuple[str, float, float]]
    new_items: list[str]

    @property
    def ok(self) -> bool:
        return not self.regressions


def compare_to_baseline(report: ScoreReport, baseline: Mapping[str, Any],
                        tolerance: float = TOLERANCE) -> GateResult:
    """Items whose F1 fell more than ``tolerance`` below the baseline.

    An item the baseline has but the report lacks counts as F1 0 (a drop);
    an item the baseline lacks is listed as new and cannot fail.
    """
    now = report.all_scores()
    base_items = baseline.get("items", {})
    base_records = baseline.get("records", {})
    regressions, improved = [], []
    for item, b in base_items.items():
        f1 = round(now[item].f1, 4) if item in now else 0.0
        if f1 < b["f1"] - tolerance - 1e-9:
            reg = Regression(item, b["f1"], f1)
            recs = base_records.get(item)
            if recs is not None and item in report.items:
                found_now = {record_string(r) for r in report.found(item)}
                spur_now = {record_string(r) for r in report.spurious(item)}
                reg.lost = sorted(set(recs.get("found", [])) - found_now)
                reg.new_spurious = sorted(spur_now - set(recs.get("spurious", [])))
            regressions.append(reg)
        elif f1 > b["f1"] + tolerance:
            improved.append((item, b["f1"], f1))
    new_items = [i for i in now if i not in base_items]
    return GateResult(regressions, improved, new_items)


def format_gate(result: GateResult, report: ScoreReport | None = None, limit: int = 30) -> str:
    lines = []
    for reg in result.regressions:
        lines.append(f"REGRESSION {reg.item}: F1 {reg.baseline_f1:.4f} -> {reg.f1:.4f}")
        if reg.lost or reg.new_spurious:
            for label, recs in (("lost (found before, MISS now)", reg.lost),
                                ("new SPUR", reg.new_spurious)):
                if recs:
                    lines.append(f"  {label}: {len(recs)}")
                    lines.extend(f"    {r}" for r in recs[:limit])
                    if len(recs) > limit:
                        lines.append(f"    ... {len(recs) - limit} more")
        elif report is not None and reg.item in report.items:
            diff = format_misses(report, [reg.item]).splitlines()
            lines.extend("  " + x for x in diff[:limit])
    for item, b, f1 in result.improved:
        lines.append(f"improved {item}: F1 {b:.4f} -> {f1:.4f} (update the baseline)")
    if result.new_items:
        lines.append("new items (not in baseline): " + ", ".join(result.new_items))
    return "\n".join(lines) if lines else "no regression"


def extract_to(inputs: Iterable[str | Path], out_dir: str | Path, pipeline=None) -> Path:
    """Run the pipeline in-process over ``inputs`` and write its tables to ``out_dir``
    (what the regression gate and scripts/update_baseline.py score)."""
    from .read import iter_articles
    from .run import Pipeline, RunStats, process_many, write_result
    from .write import TableWriter

    stats = RunStats()
    with TableWriter(out_dir) as writer:
        for result in process_many(iter_articles(inputs), pipeline or Pipeline()):
            write_result(writer, result, stats)
    return Path(out_dir)
