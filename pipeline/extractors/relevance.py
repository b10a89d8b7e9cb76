"""Extractor: relevance — does the article report an emulation bloc's own event?

Most news that says "thi đua" is not about a bloc: a Tỉnh ủy plenum, an award
ceremony, a party committee called "Đảng ủy Khối các cơ quan tỉnh", or the
province-wide review that thanks "các khối, cụm thi đua" in passing.  What
sets a bloc report apart is that one bloc is the *subject*: it is named in
the headline or the lead ("Chiều 16/12, Khối thi đua các cơ quan Đảng tỉnh tổ
chức…") as the one acting, and its own offices (khối trưởng, cụm phó) come
up.  So each named bloc mention and office scores by where it stands and
whether it is the subject there, and the article is relevant at a threshold; the words and weights are data
(``gazetteers/relevance.csv``).

:func:`quick_reject` is the cheap half: a plain substring test that lets a
batch drop articles with no bloc vocabulary at all before any processing.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex as re

from ..gazetteers import load_csv
from ..model import Doc, Span
from ..registry import register
from ..segment import fold_sentence


@dataclass(frozen=True)
class Vocabulary:
    quick: tuple[str, ...]
    generic: re.Pattern
    bloc: re.Pattern
    role: re.Pattern
    act: re.Pattern
    passing: re.Pattern
    weights: dict
    threshold: float


def _alternation(rows, kind: str) -> re.Pattern:
    pats = [r["pattern"] for r in rows if r["kind"] == kind]
    return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)", re.VERSION1)


@lru_cache(maxsize=None)
def vocabulary() -> Vocabulary:
    rows = load_csv("relevance.csv")
    weights = {r["name"]: float(r["weight"]) for r in rows if r["kind"] == "weight"}
    threshold = next(float(r["weight"]) for r in rows if r["kind"] == "threshold")
    return Vocabulary(tuple(r["pattern"].lower() for r in rows if r["kind"] == "quick"),
                      _alternation(rows, "generic"), _alternation(rows, "bloc"),
                      _alternation(rows, "role"), _alternation(rows, "act"),
                      _alternation(rows, "passing"), weights, threshold)


def quick_reject(text: str) -> bool:
    """True when ``text`` cannot be about an emulation bloc (none of the bloc words occur).

    Only lower-casing and white-space collapsing: cheap enough for a batch
    pre-filter over raw input.  False means "maybe": the full component decides.
    """
    low = unicodedata.normalize("NFC", text).lower()
    plan = _keyword_plan()
    if plan is not None:
        return not _has_keyword(low, plan)  # = the test below, without copying the text
    t = " ".join(low.split())
    return not any(k in t for k in vocabulary().quick)


@lru_cache(maxsize=None)
def _keyword_plan() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]] | None:
    """For each word of :func:`_quick_words`: the keywords (as words) holding it, and where.

    None when a keyword is not single-spaced words (then only collapsing the
    text's spaces tells) or a keyword holds none of the words.
    """
    words = _quick_words()
    if words is None:
        return None
    plan: dict[str, list] = {w: [] for w in words}
    for k in vocabulary().quick:
        ws = tuple(k.split())
        if " ".join(ws) != k or not any(w in plan for w in ws):
            return None
        for i, w in enumerate(ws):
            if w in plan:
                plan[w].append((ws, i))
    return {w: tuple(uses) for w, uses in plan.items()}


def _has_keyword(low: str, plan) -> bool:
    """Whether a keyword occurs in ``" ".join(low.split())``, read off ``low`` itself.

    In the collapsed text a keyword ``w0 w1 … wn`` is a suffix of one token,
    whole tokens, then a prefix of a token; in ``low`` those tokens are
    separated by runs of white space (``str.isspace``, as ``split`` has it).
    Each keyword holds one of the plan's words, found with ``str.find``; the
    words around it are checked from there.  Most texts hold none of them.
    """
    n = len(low)
    for w, uses in plan.items():
        i = low.find(w)
        if i < 0:
            continue
        nexts, prevs = _neighbours(uses)
        if nexts is None:
            return True                 # a keyword of this one word: found
        while i >= 0:
            # every keyword holding w has a word after it or before it: one
            # startswith/endswith over all of them rules out most places
            pos = i + len(w)
            near = False
            if nexts and pos < n and low[pos].isspace():
                while pos < n and low[pos].isspace():
                    pos += 1
                near = low.startswith(nexts, pos)
            if not near and prevs and i > 0 and low[i - 1].isspace():
                pos = i
                while pos > 0 and low[pos - 1].isspace():
                    pos -= 1
                near = low.endswith(prevs, 0, pos)
            if near:
                for ws, at in uses:
                    if _keyword_at(low, i, ws, at):
                        return True
            i = low.find(w, i + 1)
    return False


@lru_cache(maxsize=None)
def _neighbours(uses: tuple[tuple[tuple[str, ...], int], ...]
                ) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """(words right after, words right before) the plan word in its keywords.

    A keyword ``ws`` holding the word at ``at`` needs ``ws[at + 1]`` after it
    (past white space) or ``ws[at - 1]`` before it, so where neither kind of
    neighbour is, :func:`_keyword_at` is false for every keyword.  (None, ())
    when a keyword is the word alone: then any occurrence is one.
    """
    nexts, prevs = set(), set()
    for ws, at in uses:
        if len(ws) == 1:
            return None, ()
        if at + 1 < len(ws):
            nexts.add(ws[at + 1])
        if at > 0:
            prevs.add(ws[at - 1])
    return tuple(sorted(nexts)), tuple(sorted(prevs))


def _keyword_at(low: str, i: int, ws: tuple[str, ...], at: int) -> bool:
    """Whether keyword ``ws`` occurs (collapsed-spaces sense) with its word ``at`` at ``low[i:]``."""
    n = len(low)
    pos = i + len(ws[at])
    for w in ws[at + 1:]:           # each: after white space; all but the last end a token
        if pos >= n or not low[pos].isspace():
            return False
        while pos < n and low[pos].isspace():
            pos += 1
        if not low.startswith(w, pos):
            return False
        pos += len(w)
    pos = i
    for w in reversed(ws[:at]):     # each: before white space; all but the first start a token
        if pos == 0 or not low[pos - 1].isspace():
            return False
        while pos > 0 and low[pos - 1].isspace():
            pos -= 1
        if not low.endswith(w, 0, pos):
            return False
        pos -= len(w)
    return True


@lru_cache(maxsize=None)
def _quick_words() -> tuple[str, ...] | None:
    """Words of the quick keywords such that every keyword has one ("khối", "cụm").

    A keyword in the space-collapsed text has each of its words in the text
    itself, so a text with none of these has no keyword.  None when a keyword
    has no word (nothing can be ruled out).
    """
    keywords = [k.split() for k in vocabulary().quick]
    if not keywords or not all(keywords):
        return None
    chosen: list[str] = []
    for ws in keywords:
        if not set(ws) & set(chosen):
            chosen.append(max(ws, key=lambda w: sum(w in other for other in keywords)))
    return tuple(chosen)


def bloc_mentions(folded: str) -> list[tuple[int, int]]:
    """Spans of mentions of one bloc in folded text; plural/generic ones are skipped."""
    v = vocabulary()
    blocs = [(m.start(), m.end()) for m in v.bloc.finditer(folded)]
    if not blocs:
        return blocs
    generic = [(m.start(), m.end()) for m in v.generic.finditer(folded)]
    return [(a, b) for a, b in blocs if not any(ga <= a < gb for ga, gb in generic)]


# Where a clause begins: punctuation, or a spaced dash after an outlet code.
_CLAUSE = re.compile(r"[,;:.!?()]|\s[-–—]\s|[-–—]\s|\s[-–—]")


def is_subject(folded: str, start: int) -> bool:
    """Whether the bloc mentioned at ``start`` is what the sentence is about.

    It opens a clause ("Chiều 16/12, Khối thi đua … tổ chức"), or follows an act
    with nothing between that names it only in passing ("Hội nghị tổng kết
    Khối thi đua …" but not "tặng Cờ thi đua cho … dẫn đầu Khối thi đua …").
    """
    v = vocabulary()
    before = folded[:start]
    if not _CLAUSE.split(before)[-1].strip():
        return True
    acts = list(v.act.finditer(before))
    return bool(acts) and not v.passing.search(before[acts[-1].end():])


def role_mentions(folded: str) -> int:
    return len(vocabulary().role.findall(folded))


# An inline flag group ("(?i)", "(?i:"): it could change what a literal matches.
_INLINE_FLAGS = re.compile(r"\(\?[a-zA-Z]*[a-zA-Z-][a-zA-Z]*[:)]")


@lru_cache(maxsize=None)
def _first_words(kind: str) -> tuple[str, ...] | None:
    """Words one of which every match of the ``kind`` pattern starts with, or None.

    Read off each row's pattern (:func:`pipeline.wordscan.leading_words`)
    past a leading look-behind, which consumes nothing.  Only for patterns
    whose words are lower-case as written and that set no flags: the text
    they are searched in is folded (lower case), so a sentence holding none
    of the words cannot match, and a plain substring test says so at a
    fraction of the cost of the search.
    """
    from ..wordscan import _group_end, leading_words

    words: set[str] = set()
    for r in load_csv("relevance.csv"):
        if r["kind"] != kind:
            continue
        pat = r["pattern"]
        if _INLINE_FLAGS.search(pat):
            return None
        if pat.startswith(("(?<!", "(?<=")):
            end = _group_end(pat, 0)
            if end is None:
                return None
            pat = pat[end:]
        ws = leading_words(pat)
        if not ws or not all(w and w in pat for w in ws):
            return None
        words |= ws
    return tuple(sorted(words)) if words else None


@lru_cache(maxsize=None)
def _gate_words() -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    """(bloc, role) first words that :func:`score` gates sentences with; None: no gate.

    No gate for case-insensitive patterns (the words are lower case as
    written).  Decided once: combining the flags costs microseconds per article.
    """
    v = vocabulary()
    if v.bloc.flags & re.IGNORECASE or v.role.flags & re.IGNORECASE:
        return None, None
    return _first_words("bloc"), _first_words("role")


def _may_hold(f: str, words: tuple[str, ...] | None) -> bool:
    if words is None:
        return True
    for w in words:
        if w in f:
            return True
    return False


def lead_sentences(doc: Doc, n: int) -> list[Span]:
    """The first ``n`` body sentences that read as prose (datelines and crumbs skipped)."""
    out = []
    for s in doc.body_sentences():
        if len(doc.sentence_text(s).split()) >= 5:
            out.append(s)
            if len(out) == n:
                break
    return out


def score(doc: Doc) -> tuple[float, dict[str, int]]:
    """Relevance score and the hits behind it (title, lead, body, role counts)."""
    v = vocabulary()
    w = v.weights
    title = fold_sentence(doc.fields.get("title") or doc.title or "")
    lead = lead_sentences(doc, int(w.get("lead_sentences", 3)))
    lead_ids = {(s.start, s.end) for s in lead}
    hits = {"title": 0, "lead": 0, "body": 0, "role": 0}
    for a, _ in bloc_mentions(title):
        hits["title" if is_subject(title, a) else "body"] += 1
    # a sentence holding none of a pattern's first words is not searched with it
    bloc_words, role_words = _gate_words()
    for s in doc.body_sentences():
        f = fold_sentence(doc.sentence_text(s))
        if _may_hold(f, bloc_words):
            in_lead = (s.start, s.end) in lead_ids
            for a, _ in bloc_mentions(f):
                hits["lead" if in_lead and is_subject(f, a) else "body"] += 1
        if _may_hold(f, role_words):
            hits["role"] += role_mentions(f)
    total = sum(w.get(k, 0) * n for k, n in hits.items())
    return total, hits


def is_relevant(doc: Doc) -> bool:
    if not _passed_quick_reject(doc) and quick_reject(f"{doc.title}\n{doc.text}"):
        return False
    return score(doc)[0] >= vocabulary().threshold


# doc.ctx key: the (title, text) that quick_reject has already let through
QUICK_PASSED = "_quick_passed"


def _passed_quick_reject(doc: Doc) -> bool:
    """Whether the pipeline's pre-filter already let these very title and text through."""
    seen = doc.ctx.get(QUICK_PASSED)
    return seen is not None and seen[0] is doc.title and seen[1] is doc.text


@register("relevance")
class Relevance:
    def __call__(self, doc: Doc) -> Doc:
        doc.fields["relevant"] = is_relevant(doc)
        return doc
