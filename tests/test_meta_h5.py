"""Article fields missed in held-out set 5, as classes of phrasing (crafted texts).

Outlet codes before the lead, bylines at the top and with a collaborator's
note, a lead without a date followed by a sentence restating the meeting
with it, a bloc activity of no named type as the reported event, member
counts in number words above ten and before a colon list.
"""
from __future__ import annotations

import pytest

from helpers import extract
from pipeline.extractors.metadata import parse_byline
from pipeline.model import RawArticle
from pipeline.normalize import normalize
from pipeline.registry import create
from pipeline.run import Pipeline
from pipeline.segment import segment

LEAD = ("Cụm thi đua số 4 gồm các huyện Mường Khương, Si Ma Cai và Bắc Hà tổ chức hội nghị "
        "tổng kết công tác thi đua, khen thưởng năm 2023, triển khai nhiệm vụ năm 2024.")


def meta(text: str, fmt: str = "txt", **raw):
    doc = segment(normalize(RawArticle("t", "t", text, fmt=fmt, **raw)))
    return create("metadata")(doc)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["metadata", "relevance", "dates"])


def run(pipe: Pipeline, body: str, title: str = "Cụm thi đua số 4 tổng kết năm 2023",
        published=None):
    doc = pipe(RawArticle(source="t.txt", article_id="t", text=f"{title}\n\n{body}\n",
                          published=published))
    assert not hasattr(doc, "error"), doc
    return doc


# -- outlet codes (gazetteers/outlets.csv) ----------------------------------------------

@pytest.mark.parametrize("code, outlet", [
    ("LCĐT -", "Báo Lào Cai"),
    ("(BQN) -", "Báo Quảng Ninh"),
])
def test_outlet_code_heading_the_lead(code, outlet):
    doc = meta(f"Tiêu đề\n\n{code} {LEAD}\n\nPHƯƠNG THẢO")
    assert doc.fields["outlet"] == outlet


