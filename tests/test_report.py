"""The HTML report: self-contained, escaped, facts marked with their field, anchors that resolve."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from pipeline.cli import main
from pipeline.db import export_database
from pipeline.report.html import anchor, marked_text
from pipeline.report.records import record_label, segments
from pipeline.write import TableWriter

EVIL = ('Khối thi đua Nội chính tổng kết <script>alert("x")</script>\n'
        'Công an tỉnh & "Viện KSND tỉnh" <b>bold</b> là Trưởng khối năm 2020. '
        'Tòa án <img src=x onerror=alert(1)> nhân dân tỉnh làm Khối phó.')


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    s = EVIL.index("Công an tỉnh")
    d = EVIL.index("Tòa án")
    with TableWriter(out) as w:
        w.write("articles", {"article_id": "x<1>", "relevant": True, "title": "<i>T</i> & co",
                             "province": "Lâm Đồng", "bloc": "Khối thi đua Nội chính",
                             "review_year": 2020})
        w.write("articles", {"article_id": "n 2", "relevant": False, "title": "Không liên quan"})
        w.write("leaders", {"article_id": "x<1>", "year": 2020, "role": "head",
                            "org": "Công an tỉnh", "start": s, "end": s + 12})
        w.write("members", {"article_id": "x<1>", "org": "Công an tỉnh", "start": s, "end": s + 12})
        w.write("leaders", {"article_id": "x<1>", "year": 2020, "role": "deputy",
                            "org": "Tòa án nhân dân tỉnh <script>", "start": d, "end": d + 6})
        w.write("awards", {"article_id": "x<1>", "award": "Cờ thi đua của UBND tỉnh",
                           "org": "Công an tỉnh", "count": 1, "status": "conferred", "year": 2020,
                           "start": s, "end": s + 12})
    export_database(out, texts={"x<1>": EVIL, "n 2": "Không liên quan\nTin khác."})
    path = out / "report.html"
    assert main(["report", "--pred", str(out), "--out", str(path)]) == 0
    return path.read_text(encoding="utf-8")


def test_article_text_is_escaped(report):
    assert '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' in report
    assert "<img" not in report and "<b>bold" not in report
    assert "&lt;i&gt;T&lt;/i&gt; &amp; co" in report
    tags = Collector()
    tags.feed(report)
    scripts = [t for t in tags.tags if t[0] == "script"]
    assert len(scripts) == 1 and not scripts[0][1]          # only the report's own inline script
    assert not any(t[0] in ("img", "iframe") for t in tags.tags)


def test_self_contained(report):
    tags = Collector()
    tags.feed(report)
    for tag, attrs in tags.tags:
        assert "src" not in attrs, tag
        href = attrs.get("href", "")
        assert not href or href.startswith("#") or href.startswith("data:"), href
    assert "url(" not in report and "@import" not in report and "http://" not in report


def test_facts_are_marked_with_their_field(report):
    tags = Collector()
    tags.feed(report)
    marks = [a for t, a in tags.tags if t == "mark"]
    titles = [m["title"] for m in marks]
    assert any("leaders.org = Công an tỉnh (head 2020)" in t and "members.org = Công an tỉnh" in t
               for t in titles)
    assert any(t.startswith("leaders.org = Tòa án nhân dân tỉnh <script>") for t in titles)
    assert any("multi" in m["class"] for m in marks)


def test_anchors_resolve(report):
    tags = Collector()
    tags.feed(report)
    ids = {a["id"] for _, a in tags.tags if "id" in a}
    hrefs = {a["href"][1:] for t, a in tags.tags if t == "a" and a.get("href", "").startswith("#")}
    assert hrefs and hrefs <= ids
    assert anchor("a", "x<1>") in ids and anchor("a", "n 2") in ids
    # the timeline row links to the article
    row = re.search(r'<tr class="tl-row" data-year="2020">.*?</tr>', report, re.S).group(0)
    assert f'href="#{anchor("a", "x<1>")}"' in row and "Công an tỉnh" in row


def test_segments_split_overlaps():
    segs = segments(10, [(2, 6), (4, 8), (9, 9), (20, 30)])
    assert segs == [(0, 2, []), (2, 4, [0]), (4, 6, [0, 1]), (6, 8, [1]), (8, 10, [])]


def test_marked_text_unmarked_when_no_records():
    assert marked_text("a<b", [], "x") == "a&lt;b"


def test_labels():
    assert record_label("awards", {"org": None, "count": 3, "award": "Giấy khen",
                                   "status": "conferred", "year": 2021}) \
        == "awards.org = 3 unit(s) — Giấy khen, conferred 2021"
    assert record_label("handovers", {"role": "head", "year": 2022, "from_org": "A", "to_org": "B"}) \
        == "handovers.to_org = B (head 2022, from A)"
