"""pipeline.event_lib read lazily: years only where wanted, the headline only when the lead leaves it something.

Each fast path is compared with the eager reading it replaced, on the corpus
and on generated leads.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates_lib import find_temporals, find_years
from pipeline.event_lib import (_CLAUSE_END, EVENT_TYPES, EventInfo, _block, _first_year, _union, analyse,
                                analyse_folded, find_triggers, phrases, trigger_types)
from pipeline.normalize import working_text
from pipeline.segment import fold_sentence, split_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _corpus_sentences() -> list[str]:
    out = []
    for path in sorted((CORPUS / "dev" / "articles").glob("*.txt")):
        text = working_text(path.read_text(encoding="utf-8"))
        out += [text[s.start:s.end] for s in split_sentences(text)]
    return out


def _eager_body_acts(sentences, plan):
    """_body_acts as it was: every body sentence read, through the union of the body phrases."""
    found = set()
    if plan is None:
        return found
    body = _union([p.pattern.pattern for p in phrases() if p.body])
    for s in sentences:
        f = fold_sentence(s)
        if not body.search(f):
            continue
        for t in find_triggers(f):
            if not t.body or t.type not in EVENT_TYPES or t.year != plan:
                continue
            clause = _CLAUSE_END.split(f[:t.start])[-1]
            if not _block().search(clause):
                found.add(t.type)
    return found


def _eager_analyse(lead, title=None, body=None) -> EventInfo:
    """analyse as it was: lead and headline both read, with their years, up front."""
    lead_tr = find_triggers(fold_sentence(lead)) if lead else []
    title_tr = find_triggers(fold_sentence(title)) if title else []
    types = {t.type for t in lead_tr if t.type in EVENT_TYPES and t.type != "other"} or \
        {t.type for t in title_tr if t.type in EVENT_TYPES and t.type != "other"}
    info = EventInfo()
    sources = [lead_tr, title_tr]

    def first(roles, kinds=None):
        return next((y for trs in sources if (y := _first_year(trs, roles, kinds))), None)

    if "midyear_review" in types and "annual_review" not in types:
        info.midyear = True
        info.review_year = info.plan_year = first({"both"}, {"midyear_review"}) or first({"plan", "both"})
    elif "annual_review" in types:
        info.review_year = first({"review"}, {"annual_review"})
        info.plan_year = first({"plan"})
        if info.plan_year is None and info.review_year is not None:
            info.plan_year = info.review_year + 1
        if info.review_year is None and info.plan_year is not None:
            info.review_year = info.plan_year - 1
    elif types:
        info.plan_year = first({"plan"})
    types |= _eager_body_acts(body or [], info.plan_year)
    if not types and lead is not None:
        types = {"other"}
    info.types = sorted(types)
    return info


def test_find_years_is_find_temporals_years():
    n = 0
    for s in _corpus_sentences():
        for text in (s, fold_sentence(s)):
            want = [(t.start, t.year) for t in find_temporals(text) if t.kind == "year" and t.year]
            assert find_years(text) == want, text
            n += bool(want)
    assert n > 100


def test_trigger_types_are_find_triggers_types_and_triggers_stay_fresh():
    seen = Counter()
    for s in _corpus_sentences():
        f = fold_sentence(s)
        assert trigger_types(f) == [t.type for t in find_triggers(f)], f
        seen.update(trigger_types(f))
    assert seen["annual_review"] > 10 and seen["plan"] > 10
    text = fold_sentence("Khối thi đua tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.")
    assert trigger_types(text) == ["annual_review", "plan"]
    find_triggers(text)[0].year = 1999                 # a caller's change reaches neither
    assert [t.year for t in find_triggers(text)] == [2023, 2024]


def test_lazy_analyse_is_the_eager_one_on_the_corpus():
    sents = _corpus_sentences()
    titles = sents[::7]
    for i, lead in enumerate(sents):
        title, body = titles[i % len(titles)], sents[i + 1:i + 6]
        want = _eager_analyse(lead, title, body)
        assert analyse(lead, title, body) == want, lead
        assert analyse_folded(fold_sentence(lead), title, (fold_sentence(s) for s in body)) == want


_PARTS = ["Sáng 5/1, ", "Khối phấn đấu ", "ký giao ước thi đua năm 2024", "phát động thi đua năm 2024. ", "Khối thi đua ", "tổ chức hội nghị ", "tổng kết ", "sơ kết 6 tháng đầu năm ",
          "công tác thi đua ", "năm 2023", "năm 2024", " và ", "triển khai nhiệm vụ ", "phương hướng ",
          "ký kết giao ước ", "phát động phong trào thi đua ", "giao lưu ", ", ", ". ", "cam kết ",
          "2022", "năm ", "năm nay", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=10), st.lists(st.sampled_from(_PARTS), max_size=8),
       st.lists(st.lists(st.sampled_from(_PARTS), max_size=6), max_size=3), st.booleans())
def test_lazy_analyse_is_the_eager_one_on_generated_text(lead, title, body, no_lead):
    lead_s = None if no_lead else "".join(lead)
    title_s = "".join(title) or None
    body_s = ["".join(b) for b in body]
    assert analyse(lead_s, title_s, body_s) == _eager_analyse(lead_s, title_s, body_s)


def test_folded_reads_each_sentence_once():
    from pipeline.extractors.dates import _Folded
    from pipeline.read import iter_articles
    from pipeline.run import Pipeline
    doc = Pipeline(["metadata"])(next(iter(iter_articles([CORPUS]))))
    sents = doc.body_sentences()
    assert len(sents) > 3
    folded = _Folded(doc, sents)
    assert [folded[i] for i in range(len(sents))] == [fold_sentence(doc.sentence_text(s)) for s in sents]
    assert folded[0] is folded[0]


def test_body_acts_skip_known_types_and_stop_when_all_found():
    from pipeline.event_lib import _body_acts, _body_types
    assert _body_types() == {"covenant_signing", "launch"}
    speech = [fold_sentence(s) for s in ("Khối phát động phong trào thi đua năm 2024.",
                                         "Các đơn vị ký kết giao ước thi đua năm 2024.")]
    assert _body_acts(speech, 2024) == {"launch", "covenant_signing"}
    assert _body_acts(speech, 2024, {"launch"}) == {"covenant_signing"}
    assert _body_acts(speech, 2023) == set()

    read = []

    def sentences():
        for f in speech + ["never read"]:
            read.append(f)
            yield f
    assert _body_acts(sentences(), 2024) == {"launch", "covenant_signing"}
    assert read == speech                               # stopped once both were found
    read.clear()
    assert _body_acts(sentences(), 2024, {"launch", "covenant_signing"}) == set() and read == []


def _all_hits(text):
    from pipeline.event_lib import phrases
    return [(p.type, m.span()) for p in phrases() if p.type != "block" for m in p.pattern.finditer(text)]


def _trigger_spans(text):
    from pipeline.event_lib import _triggers
    return [(t.type, (t.start, t.end)) for t in _triggers.__wrapped__(text)]


def _eager_triggers(text):
    """_triggers as it was: every phrase looked for from the start of the text."""
    hits = _all_hits(text)                             # in phrase order, as the sort's ties keep it
    hits.sort(key=lambda h: (h[1][0], -(h[1][1] - h[1][0])))
    out = []
    for t, (a, b) in hits:
        if not out or a >= out[-1][1][1]:
            out.append((t, (a, b)))
    return out


def test_triggers_looked_for_from_the_first_act_are_all_of_them():
    n = 0
    for s in _corpus_sentences():
        f = fold_sentence(s)
        assert _trigger_spans(f) == _eager_triggers(f), f
        n += bool(_eager_triggers(f))
    assert n > 50


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PARTS + ["tổng", "kết ", "bản ", "đợt ", "thi đua", "năm học ", "3 năm"]),
                max_size=12))
def test_triggers_from_the_first_act_on_generated_text(parts):
    f = fold_sentence("".join(parts))
    assert _trigger_spans(f) == _eager_triggers(f)
