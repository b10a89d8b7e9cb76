"""Extractor: metadata — title, outlet, byline and publication date.

News pages put these in a few fixed places around the story, not in its
sentences: a breadcrumb and a dateline above the lead, an outlet code opening
the lead (``(QNO) -``), the author's name on a line of its own at the end
(or ``NAME |`` at the top), and the paper's brand line in the footer.  So this
works on *lines*: each rule names a class of line, and a line that is a
sentence (a body paragraph naming a member newspaper, a caption) is never
taken for one of these.

Also leaves, for the people extractor, the spans of the byline and of photo
credits (``doc.ctx['byline_spans']``, ``doc.ctx['credit_spans']``), and for the
place extractor the outlet's province (``doc.ctx['outlet_province']``).
"""
from __future__ import annotations

import re as stdre
from bisect import bisect_left

import regex as re

from .. import orgs
from ..model import Doc, Span
from ..normalize import TEXT_LINES, fold, lines, text_lines, tidy
from ..outlets import Outlet, brand_line, outlet_by_url, outlet_code_at
from ..places import province_by_name
from ..registry import register

# -- lines --------------------------------------------------------------------


def _starts_line(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a line of ``text`` or only blank space is left of its line."""
    if pos == 0 or (pos <= len(text) and text[pos - 1] == "\n"):
        return True
    nl = text.find("\n", pos)
    return pos < len(text) and not text[pos:nl if nl >= 0 else len(text)].strip()


def doc_lines(doc: Doc, start: int = 0) -> list[tuple[int, int, str]]:
    """``lines(doc.text, start)``, split once per document: several rules read them.

    Kept in ``doc.ctx['_lines']`` while the metadata component runs; the
    whole text's are normalize's (:func:`pipeline.normalize.text_lines`).
    """
    cache = doc.ctx.setdefault("_lines", {})
    if start not in cache:
        if _starts_line(doc.text, start):
            # the lines from there are those of the whole text that begin there or later
            if 0 not in cache:
                cache[0] = text_lines(doc)
            if start:
                cache[start] = cache[0][_first_from(cache[0], start):]
        else:
            cache[start] = lines(doc.text, start)
    return cache[start]


# -- title --------------------------------------------------------------------

_BREADCRUMB = re.compile(r"^(?:Trang chủ|Home|Trang nhất)(?=\P{L}|\p{Lu}|$)", re.IGNORECASE)
# A breadcrumb glued to the headline: "Trang chủChính TrịKhối thi đua…".
_GLUE = re.compile(r"(?<=\p{Ll})(?=\p{Lu})")


def _headline_in_breadcrumb(line: str) -> str | None:
    """The headline glued onto a breadcrumb line, or None if the line is all crumbs."""
    rest = _BREADCRUMB.sub("", line, count=1)
    cuts = [0] + [m.start() for m in _GLUE.finditer(rest)] + [len(rest)]
    i = 0
    # Skip short crumbs ("Chính Trị") that are followed by another crumb.
    while i + 1 < len(cuts) - 1 and len(rest[cuts[i]:cuts[i + 1]].split()) <= 3:
        i += 1
    head = rest[cuts[i]:].strip(" >»›/|-")
    return head if i > 0 and len(head.split()) >= 4 else None


def find_title(doc: Doc) -> str:
    """The headline; moves ``doc.body_start`` past a headline that sat below a breadcrumb."""
    title = (doc.title or "").strip()
    if doc.fmt != "txt" or not _BREADCRUMB.match(title):
        return tidy_title(strip_brand_suffix(title)[0])
    glued = _headline_in_breadcrumb(title)
    following = [ln for ln in doc_lines(doc, doc.body_start)[:4]
                 if not is_dateline(ln[2])]
    if glued:
        # A page that repeats the headline below the crumbs: skip the copy.
        if following and fold(following[0][2]) == fold(glued):
            doc.body_start = following[0][1]
        return tidy_title(glued)
    if following and not _BREADCRUMB.match(following[0][2]):
        doc.body_start = following[0][1]
        return tidy_title(following[0][2])
    return tidy_title(title)


_TITLE_SEP = re.compile(r"\s+[-–—|]\s+|\s*\|\s*")


def strip_brand_suffix(title: str) -> tuple[str, Outlet | None]:
    """Page titles often end in the paper's name (``… - Báo Quảng Ngãi``): cut it off."""
    if not ("-" in title or "–" in title or "—" in title or "|" in title):
        return title, None  # every _TITLE_SEP holds one of these: one part
    parts = _TITLE_SEP.split(title)
    if len(parts) > 1:
        o = brand_line(parts[-1])
        if o:
            cut = list(_TITLE_SEP.finditer(title))[-1].start()
            return title[:cut].strip(), o
    return title, None


_SPACES = re.compile(r"\s+")


def tidy_title(s: str) -> str:
    if _tidy_already(s):
        return s
    return _SPACES.sub(" ", s).strip()


def _tidy_already(s: str) -> bool:
    """Whether ``s`` has no white space but single inner spaces (then tidying keeps it).

    Every white space character but the space is unprintable, so a printable
    string's only white space is spaces.
    """
    return s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " "


# -- publication date ----------------------------------------------------------

_DATE = re.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})(?!\d)")
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
# What else a dateline may hold: weekday, time, time zone, labels, separators.
_DATELINE_NOISE = re.compile(
    r"(?i)\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn"
    r"|cập\s+nhật(?:\s+lúc)?|ngày\s+cập\s+nhật|ngày\s+đăng|đăng\s+lúc|đăng|xuất\s+bản"
    r"|thời\s+gian|ngày|lúc|updated?|posted|published)\b"
    r"|\(?\s*gmt\s*[+\-]\s*\d{1,2}(?::?\d{2})?\s*\)?"
    r"|\b\d{1,2}\s*[:h]\s*\d{2}(?:\s*[:]\s*\d{2})?(?:\s*(?:am|pm|sa|ch))?\b"
    r"|[\s,|:;\-–—/()]+")


def _iso(m: re.Match) -> str | None:
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def is_dateline(line: str) -> str | None:
    """ISO date when ``line`` is nothing but a publication date/time stamp."""
    if len(line) > 80 or ("19" not in line and "20" not in line):
        return None  # _DATE's year starts with a literal "19" or "20"
    dates = list(_DATE.finditer(line))
    if len(dates) != 1:
        return None
    rest = line[:dates[0].start()] + " " + line[dates[0].end():]
    if _DATELINE_NOISE.sub("", rest).strip():
        return None
    return _iso(dates[0])


def parse_meta_date(value: str | None) -> str | None:
    """ISO date from a page/JSONL value (``2019-01-10T11:32:00+07:00``, ``23/12/2016``)."""
    if not value:
        return None
    m = _ISO.search(value) or _DATE.search(value)
    return _iso(m) if m else None


def find_published(doc: Doc) -> tuple[str | None, Span | None]:
    meta = parse_meta_date(doc.published_meta)
    if meta:
        return meta, None
    for s, e, ln in doc_lines(doc):
        if doc.is_excluded(s, e) and s >= doc.body_start:
            continue
        iso = is_dateline(ln)
        if iso:
            return iso, Span(s, e)
    return None, None


# -- byline and photo credits --------------------------------------------------

# "Tin, ảnh:", "Bài và ảnh:", "Tin:", "Bài:" before an author's name.
_BYLINE_PREFIX = re.compile(
    r"^(?:(?:tin|bài|bài viết|nhóm pv|pv|ghi chép)(?:\s*(?:,|và|&|-)\s*(?:ảnh|video|bài))?"
    r"|thực hiện|nhóm phóng viên)\s*:\s*", re.IGNORECASE)
# A photo credit: "Ảnh: M.L", "(Ảnh: Thanh Chi)".  Not a byline, not a person.
_CREDIT = re.compile(r"(?<![\p{L},]\s?)(?:Ảnh|ẢNH|Ảnh minh họa|Nguồn ảnh)\s*:\s*"
                     r"(?P<who>[^\n.;)(]+(?:\.[^\n\s.;)(]+)*)")
_AUTHOR_SPLIT = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s+và\s+|\s*/\s*")
# What every _AUTHOR_SPLIT separator holds; one standard-library scan of a name.
_MAY_SPLIT_AUTHORS = stdre.compile(r"[-–—,/]|và")
_NAME_TOKEN = re.compile(r"^(?:\p{Lu}[\p{Ll}]*|\p{Lu}+)$")
_NOT_IN_NAMES = re.compile(r"[\d:;!?\"“”()]|\.$")
_CREDIT_LINE = re.compile(r"(?i)^(?:ảnh|nguồn)\s*:")
# A note after the name: a collaborator's "Mai Chi (CTV)", "Hà An (cộng tác
# viên)", or the author's office "Bảo Ngọc (Cục THADS tỉnh Hà Tĩnh)".  The
# name before it must still pass every test of a name.
_AUTHOR_NOTE = re.compile(r"\s*\([^()\n]{1,80}\)$")


def title_case(name: str) -> str:
    """``MỸ LINH`` -> ``Mỹ Linh``; mixed-case tokens are kept as written."""
    return " ".join([w.capitalize() if w.isupper() else w for w in name.split()])


def parse_byline(line: str) -> str | None:
    """The author name(s) of a byline line in title case, or None if it is not one."""
    s = line.strip()
    if ":" in s:                    # every _BYLINE_PREFIX ends in one
        s = _BYLINE_PREFIX.sub("", s).strip()
    s = s.rstrip("|").strip()
    if s.endswith(")"):             # every _AUTHOR_NOTE ends in one
        s = _AUTHOR_NOTE.sub("", s)
    if not s or len(s) > 60 or _NOT_IN_NAMES.search(s):
        return None
    if _MAY_SPLIT_AUTHORS.search(s):
        authors = [a.strip() for a in _AUTHOR_SPLIT.split(s) if a.strip()]
    else:
        authors = [s]               # stripped and not empty: split would give just this
    if not authors or len(authors) > 3:
        return None
    name_token = _NAME_TOKEN.match
    for a in authors:
        toks = a.split()
        if not 2 <= len(toks) <= 5:
            return None
        for t in toks:
            if not name_token(t):
                return None
    name = " - ".join([title_case(a) for a in authors])
    # A line that names a place or a paper ("Báo Kiên Giang", "Quảng Nam") is not an author.
    if province_by_name(name) or brand_line(name) or fold(authors[0]).split()[0] in _NOT_NAME_HEADS:
        return None
    # an org name on its own line ("Văn phòng Tỉnh ủy") is no author
    if _may_open_org(s) and any(o.start == 0 and o.end >= len(s) - 1 for o in orgs.find_orgs(s)):
        return None
    return name


def _may_open_org(s: str) -> bool:
    """Whether ``find_orgs(s)`` can return an org starting at 0.

    Its orgs start where a known name or an org head word matches; the ones
    it adds for a distributed list ("các sở: A, B") start after the list's
    lead-in.  Two anchored matches cost far less than the whole search, and
    a byline is rarely an org.
    """
    return bool(orgs._known_search().match(s) or orgs._head_re().match(s))


# First words that start a heading or an org, never a person's name.
_NOT_NAME_HEADS = {"báo", "đài", "tạp", "ban", "sở", "ủy", "cơ", "trang", "tin", "bài", "ảnh",
                   "tags", "chia", "bình", "xem", "khối", "cụm", "tỉnh"}


def find_credits(doc: Doc) -> list[Span]:
    """Spans of photo credits (``Ảnh: M.L``), byline prefixes excluded."""
    text = doc.text
    if "Ả" not in text and "Nguồn ảnh" not in text:
        # none of _CREDIT's words (the pattern is case-sensitive; "Ảnh" and
        # "ẢNH" both hold "Ả", which one character's search finds fastest)
        return []
    return [Span(m.start(), m.end("who")) for m in _CREDIT.finditer(text)]


def _skippable_tail_line(doc: Doc, s: int, e: int, ln: str) -> bool:
    """Page furniture that may sit after the byline: brand lines, taglines, stamps."""
    return (doc.is_excluded(s, e) or brand_line(ln) is not None or is_dateline(ln) is not None
            or fold(ln).startswith(("cơ quan", "©", "giấy phép", "tổng biên tập", "địa chỉ"))
            or bool(_CREDIT_LINE.match(ln)))


def find_byline(doc: Doc) -> tuple[str | None, Span | None]:
    body = doc_lines(doc, doc.body_start)
    # "VINH ANH |" heading the story.
    for s, e, ln in body[:3]:
        if "|" in ln and not is_dateline(ln):
            name = parse_byline(ln.split("|")[0])
            if name:
                return name, Span(s, e)
    # The author's line closing the story, possibly followed by page furniture.
    for s, e, ln in reversed(body[-6:]):
        if _skippable_tail_line(doc, s, e, ln):
            continue
        name = parse_byline(ln)
        if name:
            return name, Span(s, e)
        break
    return _top_byline(body)


# A lead paragraph, not a heading: the line after a byline at the top is at least this long.
_LEAD_MIN = 80


def _top_byline(body: list[tuple[int, int, str]]) -> tuple[str | None, Span | None]:
    """The author's line at the top of the story, alone before the lead
    ("Ngọc Lan - Quang Vinh", a feed's "NGỌC TRINH" first line), after
    nothing but a date line."""
    for i, (s, e, ln) in enumerate(body[:3]):
        if is_dateline(ln):
            continue
        name = parse_byline(ln)
        if name and i + 1 < len(body) and len(body[i + 1][2]) >= _LEAD_MIN:
            return name, Span(s, e)
        break
    return None, None


def _first_from(found: list[tuple[int, int, str]], start: int) -> int:
    """Index of the first of ``found`` (lines in text order) that begins at ``start`` or later."""
    return bisect_left(found, start, key=_line_start)


def _line_start(ln: tuple[int, int, str]) -> int:
    return ln[0]


# -- outlet --------------------------------------------------------------------


def find_outlet(doc: Doc) -> tuple[Outlet | None, Span | None]:
    """Outlet code at the head of the lead, else a brand line, else the page's domain."""
    all_lines = doc_lines(doc)
    body = _first_from(all_lines, doc.body_start)
    for s, e, ln in all_lines[body:body + 6]:
        hit = outlet_code_at(ln) if _MAY_OPEN_WITH_CODE.match(ln) else None
        if hit:
            o, a, b = hit
            return o, Span(s + a, s + b)
    for s, e, ln in all_lines[body:] if doc.fmt == "txt" else all_lines:
        o = brand_line(ln)
        if o:
            return o, Span(s, e)
    # the page's own site name says who publishes it now (a domain can
    # outlive a paper: after the 2025 mergers baoX.vn serves the merged house)
    site = brand_line(doc.site_meta) if doc.site_meta else None
    return site or outlet_by_url(doc.url) or strip_brand_suffix(doc.title or "")[1], None


# No stricter than the pattern of outlet_code_at, for the standard library (a
# letter is a word character, its white space is white space here too), and
# several times cheaper on the lines of the lead, which mostly open with none.
_MAY_OPEN_WITH_CODE = stdre.compile(r"\s*(?:\(|[^\W\d_][\w.]{1,30}\s*[-–—])")


@register("metadata")
class Metadata:
    def __call__(self, doc: Doc) -> Doc:
        doc.fields["title"] = find_title(doc)
        outlet, outlet_span = find_outlet(doc)
        doc.fields["outlet"] = outlet.name if outlet else None
        doc.ctx["outlet_province"] = outlet.province if outlet else None
        doc.ctx["outlet_span"] = outlet_span

        byline, byline_span = find_byline(doc)
        if not byline and doc.author_meta:
            byline = parse_byline(doc.author_meta) or title_case(tidy(doc.author_meta))
        doc.fields["byline"] = byline
        doc.ctx["byline_spans"] = [byline_span] if byline_span else []
        doc.ctx["credit_spans"] = find_credits(doc)

        published, date_span = find_published(doc)
        doc.fields["published_date"] = published
        doc.ctx["dateline_span"] = date_span
        doc.ctx.pop("_lines", None)
        doc.ctx.pop(TEXT_LINES, None)
        return doc
