"""Component "bloc": the bloc's name, its stated member count and its members.

Members come from three sources, in the contract's words "states or clearly
implies": the member list (any shape the finder splits), units that hold a
role or receive an award (added by ``resolve``), and — when the list is
missing or partial — units that the body reports on as the subject of a
clause ("Ban Tổ chức Tỉnh ủy tham mưu ...; UBKT Tỉnh ủy kiểm tra ...").
"""
from __future__ import annotations

import re as stdre
from functools import lru_cache

import regex as re

from ..gazetteers import load_csv
from ..model import Doc
from ..normalize import tidy
from ..orgs import LIST_GLUE, NAME, OrgMention, level_words
from ..registry import register
from ..wordscan import FirstWordScan, required_tail

NON_MEMBER_KINDS = {"body", "conferrer"}
_BLOC_HEAD = re.compile(r"(?<![\p{L}])(?:Khối|Cụm|khối|cụm)\s+(?:giao\s+ước\s+)?thi\s+đua\b")


def _count_words() -> list[str]:
    # "một" (one) is left out: no bloc has one member.  "năm" (five / year)
    # is in: the count pattern wants a unit noun right after it ("năm cơ
    # quan"), which a year never has
    return [r["word"] for r in load_csv("numbers.csv") if r["word"] != "một"]


def _number_words_alt() -> str:
    return "|".join(sorted(_count_words(), key=len, reverse=True))


def _count_value(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    return next((int(r["value"]) for r in load_csv("numbers.csv") if r["word"] == raw.lower()), None)


# What may not stand right before a count (the count pattern's lookbehind).
_COUNT_NOT_AFTER = r"[\p{L}\d/.,]"


@lru_cache(maxsize=None)
def _phrases() -> dict[str, re.Pattern]:
    by_kind: dict[str, list[str]] = {}
    for row in load_csv("bloc.csv"):
        by_kind.setdefault(row["kind"], []).append(row["pattern"])
    flags = re.IGNORECASE
    return {
        "name_stop": re.compile(r"(?:" + "|".join(by_kind["name_stop"]) + r")(?![\p{L}])", flags),
        "list_cue": re.compile(r"(?<![\p{L}])(?:" + "|".join(by_kind["list_cue"]) + r")", flags),
        "partial_cue": re.compile(r"(?:" + "|".join(by_kind["partial_cue"]) + r")", flags),
        "count": re.compile(
            r"(?<!" + _COUNT_NOT_AFTER + r")(?:(?P<k>\d{1,3})/)?(?P<n>\d{1,3}|" + _number_words_alt() + r")\s+(?:"
            + "|".join(sorted(by_kind["unit"], key=len, reverse=True)) + r")(?![\p{L}])", flags),
    }


@lru_cache(maxsize=None)
def _list_cue_tails() -> tuple[str, ...] | None:
    """The casefolded tails (:func:`required_tail`) of the list cues: a sentence
    whose casefold holds none has no cue (tests/test_perf_bloc.py checks that a
    case-insensitive match of these letters folds to them).  None when a cue
    has no tail."""
    tails = [required_tail(r["pattern"]) for r in load_csv("bloc.csv") if r["kind"] == "list_cue"]
    return None if None in tails else tuple(dict.fromkeys(t.casefold() for t in tails))


def _may_hold_cue(sentence: str) -> bool:
    tails = _list_cue_tails()
    if tails is None:
        return True
    folded = sentence.casefold()
    return any(map(folded.__contains__, tails))


# words are joined by spaces, dashes ("Văn hóa - Xã hội") and commas before a
# lower-case word ("các trường đại học, cao đẳng", "tham mưu, giúp việc")
_NAME_GLUE = re.compile(r"(?:\s*[-–]\s*|\s+|,\s+(?=\p{Ll}))")
_NAME_WORD = re.compile(r"[\p{L}\p{M}\d]+")


def bloc_name_at(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The bloc name starting at a "Khối/Cụm thi đua" mention: (name, start, end)."""
    m = _BLOC_HEAD.match(text, start, end)
    if not m:
        return None
    stops = _phrases()["name_stop"]
    cur = last = m.end()
    while cur < end:
        sp = _NAME_GLUE.match(text, cur, end)
        if not sp or sp.end() == cur:
            break
        w = _NAME_WORD.match(text, sp.end(), end)
        if not w or stops.match(text, w.start(), end):
            break
        cur = last = w.end()
    name = tidy(text[m.start():last])
    # the province's proper name is left out ("... tỉnh Hòa Bình" -> "... tỉnh")
    name = _province_tail().sub(r" \1", name)
    name = _PAREN_TAIL.sub("", name)
    name = name[0].upper() + name[1:]
    return name, m.start(), last


def find_bloc_name(doc: Doc) -> str | None:
    """The name in the lead: the first body sentence that names a bloc."""
    for s in doc.body_sentences():
        for m in _BLOC_HEAD.finditer(doc.text, s.start, s.end):
            got = bloc_name_at(doc.text, m.start(), s.end)
            if got and len(got[0].split()) >= 3:
                return got[0]
    return None


@lru_cache(maxsize=None)
def _count_scan() -> FirstWordScan:
    """The count pattern tried only where a digit or a number word starts (a count
    opens every match, "17/20" included)."""
    return FirstWordScan(_phrases()["count"], _count_words(),
                         variants=lambda w: stdre.escape(w.lower()), extra_keys=r"\d",
                         not_after=_COUNT_NOT_AFTER)


def find_member_count(doc: Doc) -> tuple[int, int, int] | None:
    """(count, start, end) of the number the article gives for its member units."""
    scan = _count_scan()
    best = None
    for s in doc.body_sentences():
        for m in scan.finditer(doc.text, s.start, s.end):
            before = doc.text[max(s.start, m.start() - 25):m.start()].lower()
            after = doc.text[m.end():min(s.end, m.end() + 40)].lower()
            if _GIVEN_TO.search(before) or _ACHIEVED.match(after) or _PROVINCE_WIDE.search(before):
                continue
            if _REPRESENTATIVES.search(before) and "thành viên" not in after[:20]:
                continue
            n = _count_value(m.group("n"))
            if n is None or not 2 <= n <= 80 or (m.group("k") and int(m.group("k")) != n):
                continue
            strong = _CONSISTS.search(before) is not None
            member_word = strong or _MEMBERS_AFTER.match(after) is not None or (
                # the bloc's units listed after a colon ("khối được kiện toàn với 6 đơn vị: A, B, ...")
                # or after a qualifier ("Cục THADS 6 tỉnh khu vực Bắc Trung Bộ: A, B")
                _TO_COLON.match(after) is not None and _BLOC_WORD.search(doc.text, s.start, m.start()) is not None)
            if not member_word:
                continue
            rank = 0 if strong else 1
            if best is None or rank < best[0]:
                best = (rank, n, m.start(), m.end())
                if rank == 0:           # the first strong count: no later one can replace it
                    return best[1:]
    return None if best is None else best[1:]


def _count_unit(text: str, count: tuple[int, int, int] | None) -> re.Pattern | None:
    """The unit noun of the member count ("phường" of "mười một phường") as a
    word pattern, or None."""
    if count is None:
        return None
    m = _phrases()["count"].match(text, count[1], count[2])
    if m is None:
        return None
    unit = text[m.end("n"):count[2]].strip()
    return re.compile(r"(?<![\p{L}\p{M}])" + re.escape(unit) + r"(?![\p{L}\p{M}])", re.IGNORECASE) if unit else None


_OPENING_SPACE = re.compile(r"\W*")


def _count_in_unit_opening(text: str, start: int, end: int, count_unit: re.Pattern | None):
    """The count opening a sentence when it is in the members' unit, else None."""
    if count_unit is None:
        return None
    m = _phrases()["count"].match(text, _OPENING_SPACE.match(text, start, end).end(), end)
    return m if m is not None and count_unit.search(text, m.end("n"), m.end()) else None


def _clause_subjects(doc: Doc, s_index: int, orgs: list[OrgMention]) -> list[OrgMention]:
    """Orgs that open a clause of sentence ``s_index`` (with their "A, B và C" run)."""
    s = doc.sentences[s_index]
    text = doc.text
    out = []
    for clause in _CLAUSE.finditer(text[s.start:s.end]):
        c_start = s.start + clause.start()
        c_end = s.start + clause.end()
        first = next((o for o in orgs if c_start <= o.start <= c_end), None)
        if first is None:
            continue
        # the clause opens with the org, or with a short adverbial and a comma
        # ("Năm 2020, ...", "Bên cạnh đó, ...")
        gap = text[c_start:first.start]
        if gap.strip() and not (len(gap) <= 45 and gap.rstrip()[-1:] in (",", ":")):
            continue
        if _PERSON_WORD.search(gap):
            continue
        run = [first]
        for o in orgs:
            if o.start > run[-1].end and LIST_GLUE.fullmatch(text, run[-1].end, o.start):
                run.append(o)
        out.extend(run)
    return out


@lru_cache(maxsize=None)
def _province_tail() -> re.Pattern:
    """"... tỉnh Hòa Bình", "... Thành ủy Đà Nẵng": the level word stays, the name goes
    (level words: org_words.csv)."""
    return re.compile(r"\s+(" + "|".join(map(re.escape, level_words())) + r")\s+" + NAME + r"$")


_PAREN_TAIL = re.compile(r"\s*\([^)]*\)\s*$")
_GIVEN_TO = re.compile(r"(?:cho|tặng|khen)\s*$")
_ACHIEVED = re.compile(r"\s*(?:được|có thành tích|hoàn thành|đạt)")
# "Toàn tỉnh hiện có 4 cơ quan báo chí": the province's units, not the bloc's
_PROVINCE_WIDE = re.compile(r"(?:toàn|cả)\s+(?:tỉnh|thành\s+phố|ngành)\b[^,;.]*$|trên\s+địa\s+bàn\s+(?:tỉnh|thành\s+phố)?\s*$")
_REPRESENTATIVES = re.compile(r"(?:lãnh đạo|đại diện)\s*$")
_CONSISTS = re.compile(r"(?:gồm|có|còn|tổng số)\s*$")
_TO_COLON = re.compile(r"[^,;.:]{0,30}:")
_MEMBERS_AFTER = re.compile(r"\s*(?:thành viên|trong (?:khối|cụm))")
_BLOC_WORD = re.compile(r"(?<!\p{L})(?:khối|cụm)(?!\p{L})", re.IGNORECASE)
_CLAUSE = re.compile(r"[^;]+")
_PERSON_WORD = re.compile(r"\b(?:ông|bà|đồng chí|anh|chị|lãnh đạo)\b", re.IGNORECASE)
_LIST_PUNCT = re.compile(r"[\s,;.–\-+•*]")
_CUE_REACH = 80      # characters before a list cue where the membership words may stand
_MEMBERSHIP_WORDS = re.compile(r"khối|cụm|thành viên|đơn vị|cơ quan|doanh nghiệp", re.IGNORECASE)


# "5 trường trực thuộc UBND thành phố Cần Thơ là: ...": the authority is no member
_UNDER = re.compile(r"(?:trực\s+thuộc|thuộc|của|tại)\s+(?:UBND\s+|Ủy\s+ban\s+nhân\s+dân\s+)?$", re.IGNORECASE)
# _UNDER searched backwards: it only asks whether the text before an org ends
# so, and a forward search tries every position from the sentence start.
_UNDER_BEFORE = re.compile("(?r)" + _UNDER.pattern, _UNDER.flags)


def _gaps(start: int, end: int, orgs: list[OrgMention]):
    """The stretches of [start, end) not covered by an org mention."""
    pos = start
    for o in orgs:
        yield pos, o.start
        pos = o.end
    yield pos, end


_BULLET = re.compile(r"\s*(?:[-+•*–]|\d{1,2}[.)])\s*")


@register("bloc")
class Bloc:
    @staticmethod
    def _bulleted(doc: Doc, orgs_by_sentence, phrases) -> list[OrgMention]:
        """Members listed one per line after "... gồm các đơn vị sau:"."""
        out: list[OrgMention] = []
        sentences = doc.sentences
        for i, s in enumerate(sentences):
            line = doc.text[s.start:s.end]
            if not (line.rstrip().endswith(":") and phrases["list_cue"].search(line)):
                continue
            for j in range(i + 1, len(sentences)):
                nxt = sentences[j]
                orgs = [o for o in orgs_by_sentence.get(j, []) if o.kind not in NON_MEMBER_KINDS]
                bullet = _BULLET.match(doc.text, nxt.start, nxt.end)
                only_orgs = orgs and not _LIST_PUNCT.sub("", "".join(
                    doc.text[a:b] for a, b in _gaps(nxt.start, nxt.end, orgs)))
                if not orgs or not (bullet and bullet.end() > nxt.start or only_orgs):
                    break
                out.extend(orgs)
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not doc.fields.get("relevant"):
            return doc
        doc.fields["bloc"] = find_bloc_name(doc)
        count = find_member_count(doc)
        doc.fields["member_count"] = count[0] if count else None
        orgs_by_sentence: dict[int, list[OrgMention]] = doc.ctx.get("orgs", {})
        phrases = _phrases()
        listed: list[OrgMention] = []
        partial = False
        count_unit = _count_unit(doc.text, count)
        for i, orgs in orgs_by_sentence.items():
            s = doc.sentences[i]
            # the search costs several times the casefold and the ``in`` tests
            cue = _may_hold_cue(doc.text[s.start:s.end]) and phrases["list_cue"].search(doc.text, s.start, s.end)
            if not cue:
                # a sentence opening with a count in the members' unit lists
                # some of them ("Cụm gồm mười một phường. Năm phường … cũ là
                # A, B, C, D và E.")
                cue = _count_in_unit_opening(doc.text, s.start, s.end, count_unit)
                if not cue or sum(o.start >= cue.end() for o in orgs) < 2:
                    continue
            here = [o for o in orgs if o.start >= cue.start() and o.kind not in NON_MEMBER_KINDS
                    and not _UNDER_BEFORE.search(doc.text, s.start, o.start)]
            if not here:
                continue
            # the words saying whose list it is stand near the cue: "các đơn vị
            # trong khối đã ... tại các xã ..., trong đó có các xã A, B" is no list
            # or the member count follows the cue itself ("Khối được thành lập theo
            # quyết định ..., gồm 6 trường là: A, B"): the count says whose list it is
            counted = count is not None and count[1] > cue.end() and doc.text[cue.end():count[1]].isspace()
            reach = max(s.start, cue.start() - _CUE_REACH)
            if not counted and not _MEMBERSHIP_WORDS.search(doc.text, reach, cue.end()) and not (
                    # the unit the members are counted in ("Cụm gồm mười một
                    # phường. Sáu phường còn lại …, gồm A, B"): their list too
                    count_unit and count_unit.search(doc.text, reach, cue.end())):
                continue
            listed.extend(here)
            if phrases["partial_cue"].search(doc.text, cue.start(), s.end):
                partial = True
        listed.extend(self._bulleted(doc, orgs_by_sentence, phrases))
        complete = bool(listed) and not partial and (
            count is None or len({o.org for o in listed}) >= count[0])
        members = list(listed)
        if not complete:
            for i, orgs in orgs_by_sentence.items():
                for o in _clause_subjects(doc, i, orgs):
                    if o.kind not in NON_MEMBER_KINDS:
                        members.append(o)
        seen = set()
        for o in members:
            if o.org in seen:
                continue
            seen.add(o.org)
            doc.add("members", org=o.org, start=o.start, end=o.end)
        doc.ctx["member_list_complete"] = complete
        return doc
