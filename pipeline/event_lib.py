"""What a bloc meeting does, and which years it reviews and plans.

A report's lead sentence names the meeting by its acts, each followed by the
year it concerns: "tổng kết công tác thi đua năm 2023 và triển khai nhiệm vụ
năm 2024", "sơ kết 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm
2021", "ký kết giao ước và phát động phong trào thi đua năm 2022".  So the
lead (or, when it names no act, the headline) is read as a sequence of act phrases
(``gazetteers/event_types.csv``), each taking the first year after it — or,
when it has none, the year of the next phrase of the same kind, the way the
language shares one year between joined acts.

Acts reported later in the body (a launch speech after the review) count only
when they concern the plan year and are not a commitment or a request.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable
from functools import lru_cache

import regex as re

from .dates_lib import find_years
from .gazetteers import load_csv
from .segment import fold_sentence

EVENT_TYPES = ("annual_review", "midyear_review", "covenant_signing", "launch", "other")


@dataclass(frozen=True)
class Phrase:
    type: str
    pattern: re.Pattern
    year_role: str          # review | plan | both | -
    body: bool


@dataclass
class Trigger:
    type: str
    start: int
    end: int
    year_role: str
    body: bool
    year: int | None = None


@dataclass
class EventInfo:
    types: list[str] = field(default_factory=list)
    review_year: int | None = None
    plan_year: int | None = None
    midyear: bool = False


@lru_cache(maxsize=None)
def phrases() -> tuple[Phrase, ...]:
    return tuple(Phrase(r["type"], re.compile(r["pattern"], re.VERSION1), r["year"] or "-",
                        r["body"] == "yes")
                 for r in load_csv("event_types.csv"))


def _union(pats: list[str]) -> re.Pattern:
    """One pattern matching wherever any of ``pats`` does."""
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)", re.VERSION1)


@lru_cache(maxsize=None)
def _block() -> re.Pattern:
    return _union([p.pattern.pattern for p in phrases() if p.type == "block"])


@lru_cache(maxsize=None)
def _body_patterns() -> tuple[re.Pattern, ...]:
    """The phrases that count in the body, one by one: searched in turn they
    cost less than their union (a literal first word is found fast)."""
    return tuple(p.pattern for p in phrases() if p.body)


@lru_cache(maxsize=None)
def _body_types() -> frozenset[str]:
    """The event types :func:`_body_acts` can find."""
    return frozenset(p.type for p in phrases() if p.body and p.type in EVENT_TYPES)


@lru_cache(maxsize=None)
def _act_phrases() -> re.Pattern:
    """Any phrase :func:`find_triggers` looks for: a text without one has no trigger."""
    return _union([p.pattern.pattern for p in phrases() if p.type != "block"])


@lru_cache(maxsize=None)
def _act_list() -> tuple[Phrase, ...]:
    """The phrases of :func:`_act_phrases`, one by one."""
    return tuple(p for p in phrases() if p.type != "block")


_CLAUSE_END = re.compile(r"[;:.!?]")


def find_triggers(text: str) -> list[Trigger]:
    """Act phrases of ``text`` (already folded) in order, each with the year it concerns."""
    trigs = [Trigger(t.type, t.start, t.end, t.year_role, t.body) for t in _triggers(text)]
    if not trigs:
        return trigs
    years = find_years(text)
    for i, t in enumerate(trigs):
        stop = trigs[i + 1].start if i + 1 < len(trigs) else len(text)
        t.year = next((y for pos, y in years if t.end <= pos < stop), None)
    # "ký kết giao ước và phát động phong trào thi đua năm 2022": one year for both.
    for i in range(len(trigs) - 2, -1, -1):
        t, nxt = trigs[i], trigs[i + 1]
        if t.year is None and nxt.year is not None and t.year_role != "-" and (
                t.year_role == nxt.year_role or t.year_role == "both"):
            t.year = nxt.year
    return trigs


def trigger_types(text: str) -> list[str]:
    """Types of :func:`find_triggers` of ``text`` in order, without looking for their years."""
    return [t.type for t in _triggers(text)]


@lru_cache(maxsize=256)
def _triggers(text: str) -> tuple[Trigger, ...]:
    """The act phrases of :func:`find_triggers`, years not set; cached: the event
    sentence is read for its score and again for its acts.  The years are found
    by the callers that want them (the score does not), on fresh copies."""
    first = _act_phrases().search(text)
    if not first:
        return ()
    # No phrase matches before the union's first match: each is looked for from
    # there (a lookbehind still sees the text before).
    pos = first.start()
    hits = [Trigger(p.type, m.start(), m.end(), p.year_role, p.body)
            for p in _act_list()
            for m in p.pattern.finditer(text, pos)]
    hits.sort(key=lambda t: (t.start, -(t.end - t.start)))
    trigs: list[Trigger] = []
    for t in hits:
        if not trigs or t.start >= trigs[-1].end:
            trigs.append(t)
    return tuple(trigs)


def reports_other(text: str) -> bool:
    """Whether ``text`` (folded) reports a bloc activity of no named type as done
    ("... đã kiểm tra chéo ...", "giao lưu thể thao"), not as a plan or a
    request ("sẽ kiểm tra chéo", "đề nghị tổ chức giao lưu")."""
    for t in _triggers(text):
        if t.type == "other" and not _block().search(_CLAUSE_END.split(text[:t.start])[-1]):
            return True
    return False


def _first_year(trigs: list[Trigger], roles: set[str], types: set[str] | None = None) -> int | None:
    return next((t.year for t in trigs if t.year and t.year_role in roles
                 and (types is None or t.type in types)), None)


def _body_acts(folded: Iterable[str], plan: int | None, have: Iterable[str] = ()) -> set[str]:
    """Types of acts a body sentence (``folded``: the sentences folded) reports for the plan year (a launch speech).

    Types in ``have`` (already known) are not looked for; the sentences are
    read until every other type the body can give is found.
    """
    found: set[str] = set()
    wanted = _body_types().difference(have)
    if plan is None or not wanted:
        return found
    body = _body_patterns()
    for f in folded:
        if not any(p.search(f) for p in body):
            continue
        for t in find_triggers(f):
            if not t.body or t.type not in wanted or t.year != plan:
                continue
            clause = _CLAUSE_END.split(f[:t.start])[-1]
            if not _block().search(clause):
                found.add(t.type)
        if len(found) == len(wanted):
            break
    return found


def analyse(lead: str | None, title: str | None = None,
            body: list[str] | None = None) -> EventInfo:
    """Event types, review year and plan year from the lead sentence, headline and body."""
    return analyse_folded(fold_sentence(lead) if lead is not None else None, title,
                          (fold_sentence(s) for s in body or []))


def analyse_folded(lead: str | None, title: str | None, body: Iterable[str]) -> EventInfo:
    """:func:`analyse` of a lead and body sentences already folded (``body`` is
    read only when the plan year is known).  The headline is read only when the
    lead leaves something to it: its acts when the lead names none, its years
    when the lead's acts have none."""
    lead_tr = find_triggers(lead) if lead else []
    title_tr: list[Trigger] | None = None

    def title_triggers() -> list[Trigger]:
        nonlocal title_tr
        if title_tr is None:
            title_tr = find_triggers(fold_sentence(title)) if title else []
        return title_tr

    types = {t.type for t in lead_tr if t.type in EVENT_TYPES and t.type != "other"} or \
        {t.type for t in title_triggers() if t.type in EVENT_TYPES and t.type != "other"}
    info = EventInfo()

    def first(roles: set[str], kinds: set[str] | None = None) -> int | None:
        return _first_year(lead_tr, roles, kinds) or _first_year(title_triggers(), roles, kinds) or None

    if "midyear_review" in types and "annual_review" not in types:
        info.midyear = True
        year = first({"both"}, {"midyear_review"}) or first({"plan", "both"})
        info.review_year = info.plan_year = year
    elif "annual_review" in types:
        info.review_year = first({"review"}, {"annual_review"})
        info.plan_year = first({"plan"})
        if info.plan_year is None and info.review_year is not None:
            info.plan_year = info.review_year + 1
        if info.review_year is None and info.plan_year is not None:
            info.review_year = info.plan_year - 1
    elif types:
        info.plan_year = first({"plan"})
    types |= _body_acts(body, info.plan_year, types)
    if not types and lead is not None:
        types = {"other"}
    info.types = sorted(types)
    return info


def fill_missing_years(info: EventInfo, pub: dt.date | None, mentioned: list[int]) -> EventInfo:
    """Guess the years when neither lead nor headline writes one ("tổng kết công tác năm").

    From the publication date by the same calendar as the meeting's (an annual
    review is held late in the reviewed year or early in the next), else the
    year the body names most often.
    """
    acts = set(info.types) - {"other"}
    if not acts or info.review_year is not None or info.plan_year is not None:
        return info
    if pub is not None:
        reviewed = pub.year if pub.month >= 7 else pub.year - 1
        planned = pub.year + 1 if pub.month >= 10 else pub.year
    elif mentioned:
        counts = Counter(mentioned)
        top = max(counts.values())
        reviewed = planned = max(y for y, n in counts.items() if n == top)
    else:
        return info
    if info.midyear:
        info.review_year = info.plan_year = pub.year if pub else reviewed
    elif "annual_review" in acts:
        info.review_year, info.plan_year = reviewed, reviewed + 1
    else:
        info.plan_year = planned
    return info
