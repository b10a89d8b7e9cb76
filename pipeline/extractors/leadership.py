"""Component "leadership": head/deputy terms (leaders.csv) and handovers.

A role phrase ("Trưởng khối năm 2023", "Khối phó", "cụm trưởng") names its
holder in one of three ways, tried in order:

* transfer: "X bàn giao nhiệm vụ Khối trưởng (năm N) cho Y" / "trao Cờ
  trưởng khối cho Y" — Y holds the new term, X the one before;
* "ROLE cho Y" after a transfer verb ("... và khối phó cho Y");
* apposition or assignment: the nearest org before the phrase
  ("Y - đơn vị Khối trưởng năm N", "bầu Y làm Khối trưởng", "Y (Khối
  trưởng năm N)", a person's unit "ông A, Giám đốc Sở Y, Phó khối").

The receiving side reads the other way: "Y nhận bàn giao ... từ X" (or
"... do X trao lại"), "ROLE năm N được (hội nghị) giao cho Y", "ROLE năm
N do Y đảm nhận", and a receiving clause opening the sentence, "(Sau
khi) nhận bàn giao nhiệm vụ Khối trưởng năm N từ X, Y sẽ ...", whose
subject Y follows the giver.  The
outgoing holder is also named by replacing words after an election ("bầu Y
làm Khối trưởng năm N, thay (cho) / kế nhiệm X") or between the two holders
("Y thay (cho) X làm Khối phó"); those words and the receiving and lead-in
words are data (``leadership_cues.csv``).  A role after "các / với / cùng
(đơn vị)" names no holder ("phối hợp cùng đơn vị Khối trưởng").

Years: explicit ("năm N"), else shared within the sentence (an elliptical
"X làm Khối trưởng, Y làm Khối phó năm N"), else a sentence-initial "Năm N,",
else the new term (plan year) for an election and the reviewed year for an
incumbent; at an event that reviews and plans no year (an inspection), the
event's year.  Handovers come from transfer wording, or from the same role
being named for the new year and the year before with different holders.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from ..gazetteers import load_csv
from ..model import Doc
from ..orgs import LIST_GLUE, OrgMention
from ..registry import register
from ..wordscan import WordGate, opening_words

_DEPUTY = r"phó\s+trưởng\s+(?:khối|cụm)|phó\s+(?:khối|cụm)|(?:khối|cụm)\s+phó"
_HEAD = r"trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+trưởng"
_ROLE = re.compile(r"(?<![\p{L}])(?<!Cờ\s)(?<!cờ\s)(?:(?P<deputy>" + _DEPUTY + r")|(?P<head>" + _HEAD + r"))(?![\p{L}])",
                   re.IGNORECASE)
_ROLE_YEAR = re.compile(
    r"(?:\s+(?:khối|cụm)\s+(?:giao\s+ước\s+)?thi\s+đua(?:\s+[^\s,;.()]+){0,8}?)?"
    r"\s+(?:6\s+tháng\s+(?:đầu|cuối)\s+)?năm\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
_TRANSFER_BEFORE = re.compile(
    r"(?:bàn\s+giao|trao|chuyển\s+giao|giao\s+lại)\s+(?:lại\s+)?(?:(?:nhiệm\s+vụ|vai\s+trò|chức\s+danh)\s+)?"
    r"(?:(?:của\s+)?đơn\s+vị\s+)?$", re.IGNORECASE)
_FLAG_TRANSFER = re.compile(
    r"(?:bàn\s+giao|trao|chuyển\s+giao)\s+(?:lại\s+)?(?:(?P<flag>cờ\s+(?:trưởng\s+khối|khối\s+trưởng|trưởng\s+cụm|cụm\s+trưởng))"
    r"(?:\s+(?:khối\s+|cụm\s+)?(?:giao\s+ước\s+)?thi\s+đua(?:\s+[^\s,;.()]+){0,8}?(?=\s+(?:cho|năm)\b))?"
    r"(?:\s+năm\s+(?P<year>(?:19|20)\d\d))?"
    r"|nhiệm\s+vụ(?=\s+cho))", re.IGNORECASE)
# Words between "từ" and the giving unit: "từ (lãnh đạo / đơn vị / UBND) X".
_GIVER_LEAD = r"(?:(?:lãnh\s+đạo|đơn\s+vị|cơ\s+quan|UBND|Ủy\s+ban\s+nhân\s+dân)\s+)*"
_RECEIVE = re.compile(
    r"(?:tiếp\s+)?nhận\s+(?:bàn\s+giao\s+)?(?:lại\s+)?(?:(?P<flag>cờ\s+(?:trưởng\s+khối|khối\s+trưởng|trưởng\s+cụm|cụm\s+trưởng))"
    r"|nhiệm\s+vụ\s+(?:(?P<deputy>phó\s+(?:khối|cụm)|(?:khối|cụm)\s+phó)|(?:trưởng\s+(?:khối|cụm)|(?:khối|cụm)\s+trưởng)))"
    r"(?:\s+(?:khối|cụm)\s+thi\s+đua)?(?:\s+năm\s+(?P<year>(?:19|20)\d\d))?\s+(?:từ|do)\s+" + _GIVER_LEAD,
    re.IGNORECASE)
# "Cụm phó năm N do Y đảm nhận": the holder after the role
_HELD_BY = re.compile(r"\s+do\s+(?:(?:đơn\s+vị|cơ\s+quan)\s+)?(?=\S)", re.IGNORECASE)
_HELD_VERB = re.compile(r"\s+(?:tiếp\s+tục\s+)?(?:đảm\s+nhận|đảm\s+nhiệm|giữ|nắm\s+giữ)\b", re.IGNORECASE)
# "Nhiệm vụ Khối trưởng năm N được hội nghị giao cho Y": the role given to Y,
# the giver (the meeting, the province) not a holder
_GIVEN_TO = re.compile(r"\s+(?:đã\s+)?được\s+(?:[^,;.]{0,40}?\s+)?(?:giao|trao|bàn\s+giao)\s+(?:lại\s+)?(?=cho\b)",
                       re.IGNORECASE)
_ELECTION = re.compile(r"\b(?:bầu|suy\s+tôn|chọn|làm|nhận\s+nhiệm\s+vụ|giao\s+làm|phân\s+công|đảm\s+nhận)\b",
                       re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\btừ\s+" + _GIVER_LEAD + "$", re.IGNORECASE)
_ROLE_THEN_IS = re.compile(r"[^,;.]{0,50}?\b(?:là|gồm)\s*:?\s*", re.IGNORECASE)
_GENERIC_ROLE = re.compile(r"\b(?:các|những|với|cùng)\s+(?:đơn\s+vị\s+|cơ\s+quan\s+)?$", re.IGNORECASE)
_SENTENCE_YEAR = re.compile(r"\W*(?:Trong\s+)?năm\s+((?:19|20)\d\d)\s*,", re.IGNORECASE)
_AFTER_GIVER = re.compile(r"\s*,\s*(?:(?:đơn\s+vị|cơ\s+quan)\s+)?", re.IGNORECASE)
_AFTER_CHO = re.compile(r"\s*cho\s+(?:(?:lãnh\s+đạo|đại\s+diện|đơn\s+vị|cơ\s+quan|UBND|Ủy\s+ban\s+nhân\s+dân)\s+)*",
                        re.IGNORECASE)


# the words every match of these patterns starts with (the transfer verbs; a role's
# first word), read from the patterns: where none occurs, the pattern is not tried
_FLAG_WORDS = opening_words(_FLAG_TRANSFER.pattern)
_ROLE_WORDS = opening_words(f"(?:{_DEPUTY}|{_HEAD})")


@dataclass
class _Term:
    org: OrgMention
    role: str
    year: int | None
    source: str        # explicit | shared | sentence | transfer | default
    election: bool


@lru_cache(maxsize=None)
def _receiving() -> re.Pattern:
    """Matches (empty) where transfer wording starts right after a receiving word
    (``leadership_cues.csv``, kind ``receive``): "Y nhận |bàn giao ...", "Y được |trao ..."."""
    words = [r["pattern"] for r in load_csv("leadership_cues.csv") if r["kind"] == "receive"]
    return re.compile(r"(?<=(?<![\p{L}\p{M}])(?:" + "|".join(words) + r")\s+)", re.IGNORECASE)


def _cues(kind: str) -> str:
    """The ``leadership_cues.csv`` patterns of ``kind`` as one alternation, longest first."""
    words = sorted((r["pattern"] for r in load_csv("leadership_cues.csv") if r["kind"] == kind),
                   key=len, reverse=True)
    return "(?:" + "|".join(words) + ")" if words else "(?!)"


@lru_cache(maxsize=None)
def _replacing() -> re.Pattern:
    """Words naming the outgoing holder right after them (kind ``replace``):
    "bầu Y làm Khối trưởng năm N, thay (cho) | kế nhiệm X" — ends where X starts."""
    return re.compile(r"(?<![\p{L}\p{M}])" + _cues("replace") + r"\s+(?:(?:đơn\s+vị|cơ\s+quan)\s+)?",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _replacing_words() -> frozenset[str] | None:
    """The words a match of :func:`_replacing` starts with (None: unknown)."""
    return opening_words(_cues("replace"))


@lru_cache(maxsize=None)
def _opening() -> re.Pattern:
    """The start of a sentence up to a fronted receiving clause: nothing but
    punctuation and an optional lead-in (kind ``lead_in``, "Sau khi")."""
    return re.compile(r"[\W_]*(?:" + _cues("lead_in") + r"\s+)?", re.IGNORECASE)


def _receiver(text: str, pos: int, s_start: int, orgs: list[OrgMention],
              receives: list) -> tuple[bool, OrgMention | None]:
    """For transfer wording at ``pos``: (is it the receiving side, the receiver).

    "Y nhận bàn giao nhiệm vụ Khối trưởng", "Y được trao Cờ trưởng khối":
    Y is the new holder, not the one handing over.  When a receive phrase
    ("... từ X") already read the words, the receiver is None: nothing to add.
    """
    if not _receiving().match(text, pos):
        return False, None
    if any(r.start() <= pos < r.end() for r in receives):
        return True, None
    return True, _nearest_before(orgs, pos, s_start)


@lru_cache(maxsize=None)
def _replaced_by() -> re.Pattern:
    """The words between a new holder and the one it replaces: "Y| thay (cho) |X"."""
    return re.compile(r"\s+" + _cues("replace") + r"\s+(?:(?:đơn\s+vị|cơ\s+quan)\s+)?", re.IGNORECASE)


def _replacer(text: str, orgs: list[OrgMention], holder: OrgMention) -> OrgMention | None:
    """The org Y of "Y thay (cho) X" when ``holder`` is X, else None."""
    before = _nearest_before(orgs, holder.start, 0)
    if before is None or not _replaced_by().fullmatch(text, before.end, holder.start):
        return None
    return before


@lru_cache(maxsize=None)
def _reelected() -> re.Pattern:
    """Words saying the holder keeps a role (kind ``reelect``): "X, đơn vị
    Cụm trưởng năm N, tiếp tục được … tín nhiệm giữ vai trò Cụm trưởng năm
    N+1" names X far before the second role."""
    return re.compile(r"(?<![\p{L}\p{M}])" + _cues("reelect") + r"(?![\p{L}\p{M}])", re.IGNORECASE)


def _gap_limit(text: str, holder: OrgMention | None, role_start: int) -> int:
    """How far a role may stand after its holder: 60 characters, twice that
    when the words between say the holder keeps it."""
    if holder is not None and _reelected().search(text, holder.end, role_start):
        return 120
    return 60


def _nearest_before(orgs: list[OrgMention], pos: int, limit_start: int) -> OrgMention | None:
    cands = [o for o in orgs if o.end <= pos and o.start >= limit_start and o.kind not in ("body", "conferrer")]
    return cands[-1] if cands else None


def _org_after_cho(text: str, pos: int, end: int, orgs: list[OrgMention]) -> OrgMention | None:
    m = _AFTER_CHO.match(text, pos, end)
    if not m:
        return None
    return next((o for o in orgs if o.start == m.end() and o.kind not in ("body", "conferrer")), None)


def _run_before(text: str, orgs: list[OrgMention], last: OrgMention) -> list[OrgMention]:
    """``last`` with the orgs joined to it by ", " / " và " ("chọn A và B làm Khối phó")."""
    run = [last]
    for o in reversed([o for o in orgs if o.end <= last.start]):
        if LIST_GLUE.fullmatch(text, o.end, run[0].start):
            run.insert(0, o)
        else:
            break
    return run


def _run_after(text: str, orgs: list[OrgMention], first: OrgMention) -> list[OrgMention]:
    """``first`` with the orgs joined after it by ", " / " và "."""
    run = [first]
    for o in orgs:
        if o.start > run[-1].end and LIST_GLUE.fullmatch(text, run[-1].end, o.start):
            run.append(o)
    return run


def _default_year(doc: Doc, election: bool) -> int | None:
    """The reviewed year for an incumbent, the new term for an election; at an
    event that reviews and plans no year (an inspection, an exchange), the
    event's year: the holders then in office (held-out set 5, call 7)."""
    review, plan = doc.fields.get("review_year"), doc.fields.get("plan_year")
    if election:
        return plan or review or _event_year(doc)
    return review or plan or _event_year(doc)


def _event_year(doc: Doc) -> int | None:
    """The year of the event date, else of the publication date."""
    for field in ("event_date", "published_date"):
        value = doc.fields.get(field)
        if value and value[:4].isdigit():
            return int(value[:4])
    return None


_GIVING = re.compile(r"\b(?:bàn\s+giao|trao|chuyển\s+giao)\b", re.IGNORECASE)
_GIVING_GAP = re.compile(r"\b(?:cho|bàn giao|trao)\b", re.IGNORECASE)
_AS = re.compile(r"\b(?:làm|là)\b")
_PAREN = re.compile(r"\s*\(")


@register("leadership")
class Leadership:
    def __call__(self, doc: Doc) -> Doc:
        if not doc.fields.get("relevant"):
            return doc
        text = doc.text
        terms: list[_Term] = []
        transfers: list[dict] = []
        words = WordGate.of(doc)
        for i, orgs in sorted(doc.ctx.get("orgs", {}).items()):
            s = doc.sentences[i]
            sent_terms: list[_Term] = []
            replaced: set[int] = set()      # outgoing holders read by _replacer
            sm = _SENTENCE_YEAR.match(text, s.start, s.end)
            sentence_year = int(sm.group(1)) if sm else None
            # every role, flag and receiving phrase names a "khối"/"cụm" (or,
            # for a flag transfer, "nhiệm vụ"): most sentences have none
            bloc_word = words.has(("khối", "cụm"), s.start, s.end)
            # transfers with flag/"nhiệm vụ" wording: "X trao Cờ trưởng khối cho Y"
            receives = (list(_RECEIVE.finditer(text, s.start, s.end))
                        if bloc_word and words.has(("nhận",), s.start, s.end) else [])
            flags = words.finditer(_FLAG_TRANSFER, _FLAG_WORDS, s.start, s.end)
            for fm in flags:
                to = _org_after_cho(text, fm.end(), s.end, orgs)
                if to is None and not fm.group("flag") and not _AFTER_CHO.match(text, fm.end(), s.end):
                    continue
                frm = _nearest_before(orgs, fm.start(), s.start)
                if to is None:
                    received, receiver = _receiver(text, fm.start(), s.start, orgs, receives)
                    if received and receiver is None:
                        continue
                    if received:
                        frm, to = None, receiver
                year = int(fm.group("year")) if fm.group("year") else None
                transfers.append({"role": "head", "from": frm, "to": to, "year": year,
                                  "start": fm.start(), "end": (to.end if to else fm.end()), "sentence": i})
            # the receiving side: "Y nhận Cờ trưởng khối (năm N) từ X"
            for rv in receives:
                frm = next((o for o in orgs if o.start == rv.end() and o.kind not in ("body", "conferrer")), None)
                to = _nearest_before(orgs, rv.start(), s.start)
                if to is None and frm is not None and _opening().fullmatch(text, s.start, rv.start()):
                    # the clause opens the sentence: "Nhận bàn giao ... từ X, Y sẽ ...":
                    # the receiver is the subject after the giver
                    cm = _AFTER_GIVER.match(text, frm.end, s.end)
                    to = next((o for o in orgs if cm and o.start == cm.end()
                               and o.kind not in ("body", "conferrer")), None)
                if frm is None or to is None:
                    continue
                transfers.append({"role": "deputy" if rv.group("deputy") else "head", "from": frm, "to": to,
                                  "year": int(rv.group("year")) if rv.group("year") else None,
                                  "start": min(to.start, rv.start()), "end": max(frm.end, to.end), "sentence": i})
            for rm in (words.finditer(_ROLE, _ROLE_WORDS, s.start, s.end) if bloc_word else ()):
                role = "deputy" if rm.group("deputy") else "head"
                ym = _ROLE_YEAR.match(text, rm.end(), s.end)
                year = int(ym.group("year")) if ym else None
                role_end = ym.end() if ym else rm.end()
                before = text[s.start:rm.start()]
                if _TRANSFER_BEFORE.search(before):
                    # "bàn giao nhiệm vụ Khối trưởng (năm N) cho Y"
                    to = _org_after_cho(text, role_end, s.end, orgs)
                    vm = _TRANSFER_BEFORE.search(before)
                    frm = _nearest_before(orgs, s.start + vm.start(), s.start)
                    if to is None:
                        # "Y nhận bàn giao nhiệm vụ Khối trưởng": Y is the new holder
                        received, receiver = _receiver(text, s.start + vm.start(), s.start, orgs, receives)
                        if received and receiver is None:
                            continue
                        if received:
                            frm, to = None, receiver
                    # a flag transfer on the same words was already taken
                    transfers = [t for t in transfers
                                 if not (t["sentence"] == i and t["start"] == s.start + vm.start())]
                    transfers.append({"role": role, "from": frm, "to": to, "year": year,
                                      "start": s.start + vm.start(), "end": (to.end if to else role_end),
                                      "sentence": i})
                    continue
                held = _HELD_BY.match(text, role_end, s.end)
                by = next((o for o in orgs if held and o.start == held.end()
                           and o.kind not in ("body", "conferrer")), None)
                if by is not None and _HELD_VERB.match(text, by.end, s.end):
                    sent_terms.append(_Term(by, role, year, "explicit" if year else "default", True))
                    continue
                given = _GIVEN_TO.match(text, role_end, s.end)
                to = _org_after_cho(text, given.end() if given else role_end, s.end, orgs)
                if to is not None and given:
                    sent_terms.append(_Term(to, role, year, "explicit" if year else "default", True))
                    continue
                if to is not None:
                    # "... và khối phó cho Y" after a transfer verb: a transfer of
                    # that role too, whose outgoing holder is not named
                    sent_terms.append(_Term(to, role, year, "explicit" if year else "transfer", True))
                    if _GIVING.search(before):
                        transfers.append({"role": role, "from": None, "to": to, "year": year,
                                          "start": rm.start(), "end": to.end, "sentence": i,
                                          "shared_year": True})
                    continue
                after = _ROLE_THEN_IS.match(text, role_end, s.end)
                first = next((o for o in orgs if after and o.start == after.end()
                              and o.kind not in ("body", "conferrer")), None)
                if first is not None:
                    # "hai đơn vị Khối phó là A và B", "Khối trưởng năm N là A":
                    # an announcement of the holders, read like an election
                    for h in _run_after(text, orgs, first):
                        sent_terms.append(_Term(h, role, year, "explicit" if year else "default", True))
                    continue
                if _GENERIC_ROLE.search(text, max(s.start, rm.start() - 25), rm.start()):
                    continue  # "phối hợp với các / cùng đơn vị Khối phó": no holder named
                holder = _nearest_before(orgs, rm.start(), s.start)
                if holder is not None and _FROM_BEFORE.search(text, s.start, holder.start):
                    # "Y tiếp nhận Cờ trưởng khối từ X, giữ vai trò Khối trưởng": not X
                    holder = _nearest_before(orgs, _FROM_BEFORE.search(text, s.start, holder.start).start(),
                                             s.start)
                limit = _gap_limit(text, holder, rm.start())
                if holder is None or len(text[holder.end:rm.start()]) > limit:
                    # "Hai đơn vị Khối phó năm 2020 được chọn là A và B": holders after
                    after = _ROLE_THEN_IS.match(text, role_end, s.end)
                    first = next((o for o in orgs if after and o.start == after.end()
                                  and o.kind not in ("body", "conferrer")), None)
                    if first is None:
                        continue
                    for h in _run_after(text, orgs, first):
                        sent_terms.append(_Term(h, role, year, "explicit" if year else "default",
                                                bool(_ELECTION.search(after.group(0)))))
                    continue
                gap = text[holder.end:rm.start()]
                if len(gap) > limit or _GIVING_GAP.search(gap):
                    continue
                election = bool(_ELECTION.search(gap)) or bool(
                    _ELECTION.search(text[max(s.start, holder.start - 40):holder.start]))
                new = _replacer(text, orgs, holder)
                if new is not None:
                    # "Y thay (cho) X làm Khối phó": Y takes the role from X
                    sent_terms.append(_Term(new, role, year, "explicit" if year else "default", True))
                    transfers.append({"role": role, "from": holder, "to": new, "year": year,
                                      "start": new.start, "end": holder.end, "sentence": i})
                    replaced.add(holder.start)
                    continue
                holders = _run_before(text, orgs, holder) if _AS.search(gap) else [holder]
                for h in holders:
                    sent_terms.append(_Term(h, role, year, "explicit" if year else "default", election))
            # "bầu Y làm Khối trưởng năm N, thay (cho) / kế nhiệm X": X held it before
            for tm in words.finditer(_replacing(), _replacing_words(), s.start, s.end):
                old = next((o for o in orgs if o.start == tm.end() and o.kind not in ("body", "conferrer")), None)
                new = [t for t in sent_terms if t.org.end <= tm.start()]
                if old is None or not new or old.start in replaced:
                    continue
                last = new[-1]
                # naming both holders is a handover, whatever the article's plan year
                transfers.append({"role": last.role, "from": old, "to": last.org, "year": last.year,
                                  "start": last.org.start, "end": last.org.end, "sentence": i})
                if not _PAREN.match(text, old.end, old.end + 3):
                    # "(Khối trưởng năm N-1)" after X gives X's own term
                    sent_terms.append(_Term(old, last.role, last.year - 1 if last.year else None,
                                            "transfer" if last.year else "default", False))
            # year sharing inside the sentence
            explicit_years = [t.year for t in sent_terms if t.year] + \
                [t["year"] for t in transfers if t["sentence"] == i and t["year"]]
            for t in sent_terms:
                if t.year is None:
                    if sentence_year:
                        t.year, t.source = sentence_year, "sentence"
                    elif t.election and explicit_years:
                        t.year, t.source = max(explicit_years), "shared"
                    else:
                        t.year = _default_year(doc, t.election)
            terms.extend(sent_terms)
        self._emit(doc, terms, transfers)
        return doc

    def _emit(self, doc: Doc, terms: list[_Term], transfers: list[dict]) -> None:
        # transfer years and the terms they imply
        for t in transfers:
            if t["year"] is None and t["to"] is not None:
                same = [x.year for x in terms if x.org.org == t["to"].org and x.role == t["role"]
                        and x.source in ("explicit", "shared", "sentence") and x.year]
                t["year"] = max(same) if same else None
            if t["year"] is None:
                t["year"] = _default_year(doc, True)
            if t["to"] is not None:
                terms.append(_Term(t["to"], t["role"], t["year"], "transfer", True))
            if t["from"] is not None and t["year"]:
                has_own = [x for x in terms if x.org.org == t["from"].org and x.role == t["role"]
                           and x.source in ("explicit", "sentence")]
                if not has_own:
                    terms.append(_Term(t["from"], t["role"], t["year"] - 1, "transfer", False))
        # a defaulted year yields to a stated one for the same org and role
        stated = {(t.org.org, t.role) for t in terms if t.source != "default"}
        rows: dict[tuple, _Term] = {}
        for t in terms:
            if t.source == "default" and (t.org.org, t.role) in stated:
                continue
            if t.year is None:
                continue
            rows.setdefault((t.year, t.role, t.org.org), t)
        for (year, role, org), t in rows.items():
            doc.add("leaders", year=year, role=role, org=org, start=t.org.start, end=t.org.end)
        # handovers: transfer wording, then old and new holder both named
        done = set()
        holders = {}
        for (year, role, org), t in rows.items():
            holders.setdefault((role, year), []).append(t)
        for t in transfers:
            to = t["to"].org if t["to"] else None
            if to is None:
                cands = holders.get((t["role"], t["year"]), [])
                to = cands[0].org.org if len(cands) == 1 else None
            frm = t["from"].org if t["from"] else None
            if frm is None:
                prev = holders.get((t["role"], t["year"] - 1), []) if t["year"] else []
                frm = prev[0].org.org if len(prev) == 1 else ""
            if not to or frm == to or (t["role"], t["year"]) in done:
                continue
            done.add((t["role"], t["year"]))
            doc.add("handovers", role=t["role"], year=t["year"], from_org=frm, to_org=to,
                    start=t["start"], end=t["end"])
        plan = doc.fields.get("plan_year")
        for (role, year), news in sorted(holders.items()):
            if (role, year) in done or (plan and year != plan):
                continue
            olds = holders.get((role, year - 1), [])
            if len(news) == 1 and len(olds) == 1 and news[0].org.org != olds[0].org.org:
                new = news[0]
                done.add((role, year))
                doc.add("handovers", role=role, year=year, from_org=olds[0].org.org, to_org=new.org.org,
                        start=new.org.start, end=new.org.end)
