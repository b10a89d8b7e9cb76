"""Extractor: dates — the dates table, the meeting's date, its types and years.

Runs after relevance.  The meeting is told in one sentence, nearly always the
lead ("Chiều nay 19.12, Khối thi đua … tổ chức hội nghị tổng kết …"): the
sentence that names a bloc, an act (tổng kết, sơ kết, ký kết giao ước, phát
động) and usually opens on a date.  Its acts give the event types and the
reviewed/planned years (:mod:`pipeline.event_lib`); those years, with the
publication date, then give every bare day-month its year
(:mod:`pipeline.dates_lib`).

Leaves for later extractors ``doc.ctx['event_span']`` (the event sentence)
and ``doc.ctx['years']`` (review, plan, event and publication years, and the
years the body names).
"""
from __future__ import annotations

import datetime as dt

import regex as re

from ..dates_lib import (Temporal, approx_published, find_temporals, parse_iso, resolve_year,
                         restates_meeting)
from ..event_lib import analyse_folded, fill_missing_years, reports_other, trigger_types
from ..model import Doc, Span
from ..registry import register
from ..segment import fold_sentence
from .relevance import bloc_mentions

# How far into the body the event sentence is looked for.
_EVENT_WINDOW = 8
_ACTS = {"annual_review", "midyear_review", "covenant_signing", "launch"}


_TIME_OF_DAY = re.compile(r"(?:sáng|chiều|tối|trưa|ngày)\s", re.IGNORECASE)

# What each sign adds to a sentence's score; the event sentence needs _MIN_SCORE.
_W_ACT, _W_BLOC, _W_DATE, _W_MEETING = 3, 2, 2, 1
_MIN_SCORE = 5
_MAX_SCORE = _W_ACT + _W_BLOC + _W_DATE + _W_MEETING


def _event_score(text: str, temporals: list[Temporal], start: int,
                 best: float | None = None, folded: str | None = None) -> float:
    """How much ``text`` reads as the meeting's sentence.

    The act phrases, the costly sign, are looked for last and only when they
    could make the sentence the event sentence (reach ``_MIN_SCORE`` and beat
    ``best``, the best score so far); otherwise the score leaves them out.
    ``folded`` is ``text`` folded, when the caller has it.
    """
    f = fold_sentence(text) if folded is None else folded
    score = 0.0
    if bloc_mentions(f):
        score += _W_BLOC
    if any(t.kind == "date" and not t.anniversary
           and (t.start - start <= 40 or _TIME_OF_DAY.match(text, t.start - start)) for t in temporals):
        # the date opens the sentence, or is a meeting time anywhere in it
        # ("... do khối tổ chức chiều 22/12")
        score += _W_DATE
    if "tổ chức" in f or "hội nghị" in f:
        score += _W_MEETING
    elif score + _W_MEETING >= _MIN_SCORE and (best is None or score + _W_MEETING > best) and \
            reports_other(f):
        # the bloc's own activity of no named type ("Sáng 5-11, đoàn công tác
        # của Khối ... đã kiểm tra chéo ..."): a meeting too
        score += _W_MEETING
    if score + _W_ACT >= _MIN_SCORE and (best is None or score + _W_ACT > best) and \
            any(t in _ACTS for t in trigger_types(f)):
        score += _W_ACT
    return score


class _Folded:
    """The body sentences of one article folded, each at most once: the event
    score, the lead's acts and the body's acts all read them folded."""

    def __init__(self, doc: Doc, sents: list[Span]):
        self.doc, self.sents = doc, sents
        self.folded: list[str | None] = [None] * len(sents)

    def __getitem__(self, i: int) -> str:
        f = self.folded[i]
        if f is None:
            f = self.folded[i] = fold_sentence(self.doc.sentence_text(self.sents[i]))
        return f


def event_sentence(doc: Doc, sents: list[Span], temporals: dict[int, list[Temporal]],
                   folded: _Folded | None = None) -> int | None:
    """Index (into ``sents``) of the sentence reporting the meeting, or None."""
    best = None
    folded = folded if folded is not None else _Folded(doc, sents)
    for i, s in enumerate(sents[:_EVENT_WINDOW]):
        sc = _event_score(doc.sentence_text(s), temporals.get(i, []), s.start,
                          best[0] if best else None, folded[i])
        if sc >= _MIN_SCORE and (best is None or sc > best[0]):
            best = (sc, i)
            if sc >= _MAX_SCORE:            # the first with every sign: none can beat it
                break
    return best[1] if best else None


# What may stand before the date that opens a lead: an outlet code ("LSO-",
# "(Baonghean.vn) -"), or the end of an earlier clause.
_OPENING = re.compile(r"(?:\(?[\p{L}\d.]+\)?\s*[-–—]?)?|.*[,;:(]|.*\s[-–—]")


def _opens_clause(text: str, sentence_start: int, t: Temporal) -> bool:
    return bool(_OPENING.fullmatch(text[sentence_start:t.start].strip()))


def _event_date(ts: list[Temporal], pub: dt.date | None, approx_pub: dt.date | None,
                info) -> tuple[Temporal | None, dt.date | None]:
    """The meeting's date: the event sentence's first date (one opening a clause
    first, so "theo Kế hoạch ngày 5/1/2024, sáng 10/1, Khối …" gives 10/1), year resolved."""
    for t in ts:
        if t.kind != "date" or t.anniversary:
            continue
        if t.day is None:                                   # "Sáng qua", "hôm nay"
            if pub is not None and t.relative is not None:
                return t, pub + dt.timedelta(days=t.relative)
            continue
        y = resolve_year(t, ref=pub or approx_pub, review=info.review_year, plan=info.plan_year,
                         midyear=info.midyear)
        iso = t.value(y)
        return (t, dt.date.fromisoformat(iso)) if iso else (t, None)
    return None, None


def _restated(text: str, start: int, ts: list[Temporal]) -> list[Temporal]:
    """The first date of the sentence at ``start`` when it restates the meeting with it."""
    t = next((t for t in ts if t.kind == "date" and not t.anniversary), None)
    return [t] if t is not None and restates_meeting(text[start:t.start]) else []


@register("dates")
class Dates:
    def __call__(self, doc: Doc) -> Doc:
        if doc.fields.get("relevant") is False:
            return doc
        pub = parse_iso(doc.fields.get("published_date"))
        approx_pub = pub or approx_published(doc.published_meta)
        sents = doc.body_sentences()
        if doc.excluded:
            temporals = {i: [t for t in find_temporals(doc.text, s.start, s.end)
                             if not doc.is_excluded(t.start, t.end)]
                         for i, s in enumerate(sents)}
        else:                                   # nothing excluded: nothing to look at
            temporals = {i: find_temporals(doc.text, s.start, s.end) for i, s in enumerate(sents)}

        folded = _Folded(doc, sents)
        ev = event_sentence(doc, sents, temporals, folded)
        info = analyse_folded(folded[ev] if ev is not None else None,
                              doc.fields.get("title") or doc.title,
                              (folded[i] for i in range(len(sents)) if i != ev))
        mentioned = [t.year for ts in temporals.values() for t in ts if t.year]
        fill_missing_years(info, approx_pub, mentioned)

        # only the dates _event_date can take, in the same order: one opening a clause first
        ev_ts = [t for t in temporals[ev] if t.kind == "date" and not t.anniversary] \
            if ev is not None else []
        if len(ev_ts) > 1:
            ev_start = sents[ev].start
            ev_ts.sort(key=lambda t: not _opens_clause(doc.text, ev_start, t))
        if ev is not None and not ev_ts and ev + 1 < len(sents):
            # a lead without a date ("... vừa tổ chức hội nghị ..."): the next
            # sentence may restate the meeting with it ("Hội nghị được tổ chức ngày 15 tháng 7")
            ev_ts = _restated(doc.text, sents[ev + 1].start, temporals[ev + 1])
        ev_t, ev_date = _event_date(ev_ts, pub, approx_pub, info)
        ref = pub or ev_date or approx_pub
        for ts in temporals.values():
            for t in ts:
                if t is ev_t and ev_date is not None:
                    value = ev_date.isoformat()
                elif t.day is None and t.kind == "date":
                    value = (pub + dt.timedelta(days=t.relative)).isoformat() \
                        if pub and t.relative is not None else None
                else:
                    value = t.value(resolve_year(t, ref=ref, review=info.review_year,
                                                 plan=info.plan_year, midyear=info.midyear))
                if value:
                    doc.add("dates", value=value, kind=t.kind, start=t.start, end=t.end)

        doc.fields["event_date"] = ev_date.isoformat() if ev_date else None
        doc.fields["event_types"] = info.types or None
        doc.fields["review_year"] = info.review_year
        doc.fields["plan_year"] = info.plan_year
        doc.ctx["event_span"] = sents[ev] if ev is not None else None
        doc.ctx["years"] = {
            "review": info.review_year, "plan": info.plan_year,
            "event": ev_date.year if ev_date else None,
            "published": pub.year if pub else None,
            "mentioned": sorted(set(mentioned)),
        }
        return doc
