"""Component "awards": recommended and conferred awards, one row per recipient.

An award phrase ("Cờ thi đua", "bằng khen", "Huân chương Lao động hạng Ba",
"danh hiệu Tập thể lao động xuất sắc"...) is read with its context:

* conferrer: "của X" after the phrase, else the unit right before the giving
  verb, of any kind ("Ban Thường vụ Tỉnh ủy tặng Bằng khen" -> "Bằng khen
  của Ban Thường vụ Tỉnh ủy") or the position it ends ("Giám đốc Sở Y tế
  tặng Giấy khen" -> Giám đốc Sở Y tế), else the nearest authority before it
  ("đề nghị UBND tỉnh trình Chính phủ tặng Cờ thi đua" -> Chính phủ);
  ``gazetteers/awards.csv`` maps (kind, conferrer) to the canonical award;
* recipients: the orgs after "cho", else the orgs the clause puts before the
  phrase ("X và Y được đề nghị tặng ...", "suy tôn X là đơn vị dẫn đầu, đề
  nghị ... tặng Cờ thi đua"), else a count ("cho 3 đơn vị", "02 đơn vị được
  nhận ...");
* status: recommended when the sentence proposes it (đề nghị, trình, suy
  tôn), otherwise conferred;
* year: a "năm N" of the clause, none for a period ("từ năm 2017 đến năm
  2021", "từ năm học 2019 - 2020 đến năm học 2023 - 2024"), else the reviewed
  year.

Past awards mentioned in passing ("từng được tặng", "- đơn vị được UBND tỉnh
tặng Cờ năm 2021 -", "Trước đó, năm 2021, X được ... tặng") and covenant
targets ("phấn đấu ...", "tối thiểu 1 đơn vị được ... tặng") are not rows.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from ..gazetteers import load_csv
from ..model import Doc
from ..normalize import fold, tidy
from ..orgs import OrgMention, list_unit_words, tolerant
from ..registry import register
from ..wordscan import WordGate, leading_words, opening_words


@lru_cache(maxsize=None)
def _award_table():
    kinds: dict[str, re.Pattern] = {}
    mapping: dict[str, list[dict]] = {}
    for row in load_csv("awards.csv"):
        if row["pattern"]:
            kinds[row["kind"]] = re.compile(r"(?<![\p{L}])(?:" + row["pattern"] + r")(?![\p{L}])", re.IGNORECASE)
        mapping.setdefault(row["kind"], []).append(row)
    return kinds, mapping


@lru_cache(maxsize=None)
def _first_words() -> dict[str, frozenset[str]] | None:
    """Kind -> the words one of which each of its phrases starts with (lower case), or
    None when a kind's words cannot be read from its pattern."""
    firsts = {row["kind"]: opening_words(row["pattern"]) for row in load_csv("awards.csv") if row["pattern"]}
    return None if any(w is None for w in firsts.values()) else firsts


@lru_cache(maxsize=None)
def _all_first_words() -> frozenset[str]:
    return frozenset().union(*(_first_words() or {}).values())


def _phrases(gate: WordGate, start: int, end: int) -> list[tuple[int, int, str]]:
    """The award phrases of ``gate.text[start:end]``, (start, end, kind) in order:
    every kind's ``finditer`` there.

    A phrase starts where one of its kind's first words occurs in the
    lower-cased text (:meth:`WordGate.finditer`): most sentences hold none,
    and those naming an award have a few places to try the patterns at.
    """
    kinds, _ = _award_table()
    firsts = _first_words()
    if firsts is None:
        words = {kind: None for kind in kinds}
    elif not gate.may_start(_all_first_words(), start, end):
        return []
    else:
        words = firsts
    found = [(m.start(), m.end(), kind) for kind, rx in kinds.items()
             for m in gate.finditer(rx, words[kind], start, end)]
    found.sort()
    return found


@lru_cache(maxsize=None)
def _number_words() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in load_csv("numbers.csv")}


@lru_cache(maxsize=None)
def _count_re() -> re.Pattern:
    """A count of recipient units ("3 đơn vị", "hai trường"): the unit nouns are
    ``award_cues.csv`` kind ``unit``, longest first."""
    words = "|".join(sorted(_number_words(), key=len, reverse=True))
    units = sorted((row["pattern"] for row in load_csv("award_cues.csv") if row["kind"] == "unit"),
                   key=len, reverse=True)
    return re.compile(r"(?<![\p{L}\d])(?P<n>\d{1,3}|" + words + r")\s+(?:" + "|".join(units) + r")(?![\p{L}])",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def _cues() -> dict[str, re.Pattern]:
    by_kind: dict[str, list[str]] = {}
    for row in load_csv("award_cues.csv"):
        by_kind.setdefault(row["kind"], []).append(row["pattern"])
    return {k: re.compile(r"(?<![\p{L}])(?:" + "|".join(v) + r")(?![\p{L}])", re.IGNORECASE)
            for k, v in by_kind.items()}


@lru_cache(maxsize=None)
def _cue_words() -> dict[str, tuple[str, ...] | None]:
    """Kind -> the words one of which every match of its ``_cues()`` pattern starts
    with (None: unknown): a stretch holding none of them holds no match."""
    by_kind: dict[str, list[str]] = {}
    for row in load_csv("award_cues.csv"):
        by_kind.setdefault(row["kind"], []).append(row["pattern"])
    words = {}
    for kind, patterns in by_kind.items():
        firsts = [opening_words(p) for p in patterns]
        words[kind] = None if any(w is None for w in firsts) else tuple(sorted(set().union(*firsts)))
    words["period"] = tuple(sorted(leading_words(_PERIOD.pattern) or ())) or None
    return words


def _may_match(gate: WordGate, kind: str, start: int, end: int) -> bool:
    """False only when the ``kind`` cue (or "period") cannot match in text[start:end]."""
    words = _cue_words()[kind]
    return words is None or gate.has(words, start, end)


@lru_cache(maxsize=None)
def _past_opening() -> re.Pattern:
    """An adverbial opening a clause or sentence that puts it in the past ("Trước đó, năm
    2021, huyện X được ... tặng Bằng khen"): ``award_cues.csv`` kind ``past_opening``,
    matched at the clause's start."""
    cues = [row["pattern"] for row in load_csv("award_cues.csv") if row["kind"] == "past_opening"]
    return re.compile(r"[\s\p{Pi}\p{Ps}\"'-]*(?:" + "|".join(cues) + r")(?![\p{L}\p{M}])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _giver_gap() -> re.Pattern:
    """The words between a conferrer and its award: "X tặng Bằng khen", "X đã trao tặng Cờ"
    (``award_cues.csv``, kind ``confer``)."""
    verbs = [row["pattern"] for row in load_csv("award_cues.csv") if row["kind"] == "confer"]
    return re.compile(r"\s+(?:" + "|".join(verbs) + r")\s+", re.IGNORECASE)


def _title_phrases(*kinds: str) -> str:
    """The ``titles.csv`` phrases of ``kinds`` up to the word where their unit's
    name begins ("Chánh Văn phòng" -> "Chánh"), as one alternation, longest first."""
    alts = set()
    for row in load_csv("titles.csv"):
        if row["kind"] not in kinds:
            continue
        phrase = row["phrase"]
        if row["org_from"] and row["org_from"] in phrase:
            phrase = phrase[:phrase.index(row["org_from"])].strip()
        if phrase:
            alts.add(tolerant(re.escape(phrase).replace("\\ ", " ")))
    return "|".join(sorted(alts, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=None)
def _title_before() -> re.Pattern:
    """Matches (empty) at an org that ends a person's position ("Giám đốc |Sở Nội vụ",
    "Trưởng |Ban Dân vận"): positions and memberships of ``titles.csv``, as capitalised."""
    return re.compile(r"(?<=(?<![\p{L}\p{M}])(?:" + _title_phrases("title", "membership") + r")\s+)")


@lru_cache(maxsize=None)
def _position_ending() -> re.Pattern:
    """A position (``titles.csv`` kind title) ending where it is searched up
    to, with the prefix words ("Phó") that may stand before it."""
    return re.compile(r"(?<![\p{L}\p{M}])(?P<prefix>(?:(?:" + _title_phrases("prefix") + r")\s+)*)"
                      r"(?P<title>" + _title_phrases("title") + r")\s+$")


def _giver_position(text: str, lo: int, org: OrgMention) -> str | None:
    """"Giám đốc Công an tỉnh tặng Giấy khen": the position giving the award,
    stated as the text states it (the contract's "as stated").  A deputy's
    ("Phó Giám đốc ... trao") hands it over for someone the text does not
    name: None."""
    m = _position_ending().search(text, max(lo, org.start - 40), org.start)
    if m is None or m.group("prefix"):
        return None
    return f"{tidy(m.group('title'))} {org.org}"


# "X, đơn vị được Chính phủ tặng Cờ thi đua năm 2021, tiếp tục ...": an
# earlier award in an apposition about the unit
_APPOSITION_AWARD = re.compile(r"(?:,|\s[-–])\s*(?:là\s+)?đơn\s+vị\s+(?:đã\s+|từng\s+)?được\s+[^,;–-]*$",
                               re.IGNORECASE)
_YEAR = re.compile(r"(?<!nhiệm\s+kỳ\s)(?<!giai\s+đoạn\s)năm\s+((?:19|20)\d\d)\b", re.IGNORECASE)
# a span of years: "từ năm 2017 đến năm 2021", "giai đoạn 2016 - 2020", and of school
# years, "từ năm học 2019 - 2020 đến năm học 2023 - 2024"
_PERIOD = re.compile(r"từ\s+năm(?:\s+học)?\s+(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?"
                     r"\s+(?:đến|tới)\s+(?:năm(?:\s+học)?\s+)?(?:19|20)\d\d"
                     r"|giai\s+đoạn\s+(?:19|20)\d\d", re.IGNORECASE)
# "của X" after the award: X's first word capitalised, then up to six words of any
# case ("Bộ trưởng Bộ Nội vụ", "Ban Thường vụ Tỉnh ủy"), then a longer name goes on
# only up to its capitalised words ("Thống đốc Ngân hàng Nhà nước Việt Nam", "... Tập
# đoàn Điện lực Việt Nam"), never into a lower-case tail; a stop word ends it
_STOP_WORDS = r"(?:vì|cho|năm|nhân|về|do|tại|trong|đã|đợt|giai)(?![\p{L}\p{M}])"
_OF_STOP = r"(?!" + _STOP_WORDS + r"|và(?![\p{L}\p{M}]))"
_OF_WORDS = (r"\s+của\s+(?P<by>(?:UBND|MTTQ|\p{Lu})[\p{L}\p{M}]*"
             r"(?:\s+" + _OF_STOP + r"[\p{L}\p{M}]+){0,6}"
             r"(?:(?:\s+" + _OF_STOP + r"\p{Ll}[\p{L}\p{M}]*){0,2}\s+" + _OF_STOP
             + r"\p{Lu}[\p{L}\p{M}]*){0,6}")
# what may follow a conferrer's name: punctuation, the clause's end or a stop word
_OF_END = r"(?=\s*(?:[,.;:()]|$)|\s+" + _STOP_WORDS + ")"


@lru_cache(maxsize=None)
def _of_other() -> re.Pattern:
    """"của X" after the award (``_OF_WORDS``); a name with "và" inside ("Bộ trưởng Bộ
    Tài nguyên và Môi trường") goes on past it when a capitalised word that opens
    no award follows and the name then ends within a few words, at punctuation or
    a stop word ("... và Phát triển nông thôn vì ...")."""
    awards = "|".join(sorted(_all_first_words(), key=len, reverse=True)) or "(?!)"
    conjunct = (r"(?:\s+và\s+(?!(?i:" + awards + r")(?![\p{L}\p{M}]))\p{Lu}[\p{L}\p{M}]*"
                r"(?:\s+" + _OF_STOP + r"[\p{L}\p{M}]+){0,3}" + _OF_END + ")?")
    return re.compile(_OF_WORDS + conjunct + ")")


_NAMED_AFTER_COUNT = re.compile(r"[^;,.]{0,30}?\b(?:là|gồm)\s*:?\s*", re.IGNORECASE)
@lru_cache(maxsize=None)
def _cho() -> re.Pattern:
    """"cho" before the recipients, with "các" / "lãnh đạo" and a list's unit
    word, whose items the org finder gives without it ("cho các phường A, B")."""
    return re.compile(r"[^;]{0,40}?\bcho\s+(?:(?:các|lãnh\s+đạo)\s+(?:(?:" + list_unit_words()
                      + r")\s+(?=\p{Lu}))?)?",
                      re.IGNORECASE)


# tidy() of an award phrase as written: the same few phrases recur in every article
_tidy_phrase = lru_cache(maxsize=1 << 12)(tidy)


def _clause_bounds(text: str, s_start: int, s_end: int, pos: int) -> tuple[int, int]:
    a = text.rfind(";", s_start, pos)
    b = text.find(";", pos, s_end)
    return (a + 1 if a >= 0 else s_start), (b if b >= 0 else s_end)


def _count_value(raw: str) -> int | None:
    raw = raw.lower()
    if raw.isdigit():
        return int(raw)
    return _number_words().get(raw)


_COMMA_OR_DASH = re.compile(r",|\s[-–]\s")
_OF = re.compile(r"\s*(?:của\s+)?")
_MAYBE_JOIN = re.compile(r"\s*(?:,|và|,\s*và)?\s*")
_SHARED_RECIPIENTS = re.compile(r"\s*(?:của\s+[^,;]{0,40}?)?\s*(?:và|,)\s*")


_SPACE = re.compile(r"\s*")


def _run_from(text: str, pool: list[OrgMention], pos: int, first_gap: re.Pattern = _MAYBE_JOIN) -> list[OrgMention]:
    """The orgs of ``pool`` from ``pos`` on, the first after ``first_gap``, the
    others joined by ",", "và"."""
    run: list[OrgMention] = []
    for o in pool:
        if o.start < pos:
            continue
        if (_MAYBE_JOIN if run else first_gap).fullmatch(text, run[-1].end if run else pos, o.start):
            run.append(o)
        elif run:
            break
    return run


_YEAR_OPENING = re.compile(r"[\W_]*(?:trong\s+)?năm\s+((?:19|20)\d\d)\s*,", re.IGNORECASE)


def _opens_on_an_earlier_year(doc: Doc, text: str, s_start: int) -> bool:
    """"Năm 2024, X vinh dự được ... tặng Bằng khen" in a report on 2025: an earlier
    award told as background, not one of this meeting's."""
    m = _YEAR_OPENING.match(text, s_start)
    ref = doc.fields.get("review_year") or doc.fields.get("plan_year")
    return bool(m and ref and int(m.group(1)) < ref)


@register("awards")
class Awards:
    def __call__(self, doc: Doc) -> Doc:
        if not doc.fields.get("relevant"):
            return doc
        _, mapping = _award_table()
        count_re = _count_re()
        orgs_by_sentence = doc.ctx.get("orgs", {})
        seen = set()
        with_orgs = sorted(orgs_by_sentence)
        without = [i for i, s in enumerate(doc.sentences)      # count-only awards
                   if i not in orgs_by_sentence and s.start >= doc.body_start
                   and not doc.is_excluded(s.start, s.end)]
        gate = WordGate.of(doc)
        for i in with_orgs + without:
            s = doc.sentences[i]
            phrases = _phrases(gate, s.start, s.end)
            if not phrases:
                continue
            self._sentence(doc, s.start, s.end, orgs_by_sentence.get(i, []), phrases, mapping,
                           count_re, seen)
        return doc

    def _sentence(self, doc, s_start, s_end, orgs, phrases, mapping, count_re, seen):
        """The rows of one sentence naming award ``phrases`` ((start, end, kind), in order)."""
        text = doc.text
        gate = WordGate.of(doc)
        authorities = [o for o in orgs if o.kind == "conferrer"]
        recipients_pool = [o for o in orgs if o.kind not in ("conferrer", "body")]
        prev_end = s_start
        last_rows: list = []
        earlier = _opens_on_an_earlier_year(doc, text, s_start)
        for a, b, kind in phrases:
            c_start, c_end = _clause_bounds(text, s_start, s_end, a)
            before = text[max(s_start, a - 40):a]
            cues = _cues()
            if (earlier or _may_match(gate, "past", a - len(before), a) and cues["past"].search(before)
                    or _may_match(gate, "target", c_start, a) and cues["target"].search(text, c_start, a)
                    or _past_opening().match(text, c_start) or _past_opening().match(text, s_start)):
                prev_end = b
                continue
            if _APPOSITION_AWARD.search(text, c_start, a) and _COMMA_OR_DASH.search(text, b, c_end):
                prev_end = b
                continue
            # conferrer: "của X" / "X" right after, else nearest authority before
            by_clause = by_sentence = ""
            after_auth = next((o for o in authorities + [x for x in orgs if x.kind == "body"] if 0 <= o.start - b <= 6
                               and _OF.fullmatch(text, b, o.start)), None)
            phrase_end = b
            other = None if after_auth else _of_other().match(text, b, c_end)
            # the unit right before the giving verb ("X tặng Bằng khen")
            before_verb = next((o for o in orgs if o.end <= a and o.start >= c_start
                                and _giver_gap().fullmatch(text, o.end, a)), None)
            # "Ban Thường vụ Tỉnh ủy tặng Bằng khen": that unit gives it, any
            # kind; when it ends a person's position ("Giám đốc Sở X tặng
            # Giấy khen"), that position
            giver = None if after_auth or other else before_verb
            giver_by = giver and giver.org
            if giver and _title_before().match(text, giver.start):
                giver_by = _giver_position(text, c_start, giver)
                giver = giver if giver_by else None
            if after_auth:
                by_clause = by_sentence = after_auth.org
                phrase_end = after_auth.end
            elif other:
                # "Cờ thi đua của Bộ Công an": another authority, kept as written
                by_clause = by_sentence = tidy(other.group("by"))
                phrase_end = other.end()
            elif giver:
                by_clause = by_sentence = giver_by
            else:
                before_auth = [o for o in authorities if o.end <= a]
                clause_auth = [o for o in before_auth if o.start >= c_start]
                by_clause = clause_auth[-1].org if clause_auth else ""
                by_sentence = before_auth[-1].org if before_auth else ""
            written = _tidy_phrase(text[a:phrase_end])
            if giver:
                # named as the same award written "của X" would be
                written = f"{written} của {giver_by}"
            stated = by_clause
            if after_auth or other:
                # "Bộ trưởng Bộ Tư pháp tặng Cờ thi đua của Bộ Tư pháp": the
                # award is the ministry's, the one giving it its minister
                if before_verb and by_clause and before_verb.org.endswith(" " + by_clause):
                    stated = before_verb.org
            award, conferrer = self._canonical(kind, by_clause or by_sentence, stated, mapping, written)
            if award is None:
                prev_end = b
                continue
            status = ("recommended" if _may_match(gate, "recommend", s_start, a)
                      and _cues()["recommend"].search(text, s_start, a) else "conferred")
            # year
            year = doc.fields.get("review_year")
            if year is None and doc.fields.get("plan_year"):
                year = doc.fields["plan_year"] - 1
            clause_after = text[phrase_end:c_end]
            if (_may_match(gate, "period", phrase_end, c_end) and _PERIOD.search(clause_after)
                    or _may_match(gate, "period", c_start, a) and _PERIOD.search(text[c_start:a])):
                year = None
            else:
                ym = _YEAR.search(clause_after) or _YEAR.search(text[max(c_start, prev_end):a])
                if ym:
                    year = int(ym.group(1))
            # recipients
            rows = []
            cho = _cho().match(text, phrase_end, c_end)
            if cho:
                run = []
                for o in recipients_pool:
                    if o.start < cho.end():
                        continue
                    last = run[-1].end if run else cho.end()
                    if _MAYBE_JOIN.fullmatch(text, last, o.start):
                        run.append(o)
                    else:
                        break
                if run:
                    rows = [(o.org, 1, o.start, o.end) for o in run]
                else:
                    cm = count_re.match(text, cho.end(), c_end)
                    named = _NAMED_AFTER_COUNT.match(text, cm.end(), c_end) if cm else None
                    run = []
                    if named:
                        # "cho 2 đơn vị dẫn đầu là A, B": the names, not the count
                        run = _run_from(text, recipients_pool, named.end())
                    elif cm and _count_value(cm.group("n")):
                        # "cho hai phường Phố Hiến và Hồng Châu": the count's own
                        # names right after it, exactly as many as it says
                        run = _run_from(text, recipients_pool, cm.end(), _SPACE)
                        if len(run) != _count_value(cm.group("n")):
                            run = []
                    if run:
                        rows = [(o.org, 1, o.start, o.end) for o in run]
                    elif cm and _count_value(cm.group("n")):
                        rows = [("", _count_value(cm.group("n")), cm.start(), cm.end())]
            if not rows:
                lo = max(c_start, prev_end)
                subj = [o for o in recipients_pool if lo <= o.start and o.end <= a and o is not giver]
                if subj:
                    rows = [(o.org, 1, o.start, o.end) for o in subj]
                else:
                    cm = None
                    for m in count_re.finditer(text, lo, a):
                        cm = m
                    if cm and _count_value(cm.group("n")):
                        rows = [("", _count_value(cm.group("n")), cm.start(), cm.end())]
            if not rows and last_rows and _SHARED_RECIPIENTS.fullmatch(text, prev_end, a):
                # "được đề nghị Cờ ... của UBND tỉnh và cờ thi đua Chính phủ": shared recipients
                rows = last_rows
            last_rows = rows
            for org, count, st, en in rows:
                key = (fold(award), fold(org), count, status, year)
                if key in seen:
                    continue
                seen.add(key)
                doc.add("awards", award=award, conferrer=conferrer, org=org, count=count,
                        status=status, year=year, start=st, end=en)
            prev_end = b

    @staticmethod
    def _canonical(kind, by, by_clause, mapping, as_written):
        """(award, conferrer) from awards.csv: exact conferrer, then none, then any ("*")."""
        rows = mapping.get(kind, [])
        row = (next((r for r in rows if r["by"] and r["by"] != "*" and r["by"] == by), None)
               or (next((r for r in rows if r["by"] == ""), None) if not by else None)
               or next((r for r in rows if r["by"] == "*"), None))
        if row is None:
            return None, None
        award = row["award"]
        if award == "{as_written}":
            award = as_written[:1].upper() + as_written[1:]
        conferrer = row["conferrer"]
        if conferrer == "{by}":
            conferrer = by_clause
        return award, conferrer
