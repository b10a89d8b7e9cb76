"""``thidua show ARTICLE_ID``: one article in the terminal with its records inline.

Each mention is followed by what it was read as: ``[[Văn phòng Tỉnh ủy|leaders.org = … (head
2023)]]`` in plain output, or coloured by table with a dim label on a
terminal.  Below the text, every record with its evidence sentence.
"""
from __future__ import annotations

import argparse
import sys

from ..db import fetch_dicts
from . import add_database_arguments, connect
from ..model import ARTICLE_FIELDS
from ..report.records import article_records, record_label, segments

COLOURS = {"members": "34", "leaders": "33", "handovers": "35", "awards": "32",
           "people": "36", "dates": "37"}


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("article_id")
    add_database_arguments(p)
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")


def render(text: str, records: list[tuple[str, dict]], colour: bool) -> str:
    """The text with each covered piece marked and labelled."""
    out = []
    for a, b, cover in segments(len(text), [(r.get("start"), r.get("end")) for _, r in records]):
        piece = text[a:b]
        if not cover:
            out.append(piece)
            continue
        labels = "; ".join(record_label(*records[i]) for i in cover)
        if colour:
            code = COLOURS.get(records[cover[0]][0], "37")
            out.append(f"\033[1;{code}m{piece}\033[0m\033[2m⟨{labels}⟩\033[0m")
        else:
            out.append(f"[[{piece}|{labels}]]")
    return "".join(out)


def run(args: argparse.Namespace) -> int:
    con = connect(args)
    if con is None:
        return 2
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    with con:
        arts = fetch_dicts(con, "SELECT a.*, t.text FROM articles a LEFT JOIN article_texts t "
                                "USING (article_id) WHERE a.article_id = ?", [args.article_id])
        if not arts:
            print(f"error: no article {args.article_id!r}", file=sys.stderr)
            return 1
        a = arts[0]
        records = article_records(con, args.article_id)
    w = sys.stdout.write
    w(f"# {a['article_id']}: {a.get('title') or ''}\n")
    for f in ARTICLE_FIELDS:
        v = a.get(f)
        if v not in (None, "") and f != "title":
            w(f"  {f}: {str(v).lower() if isinstance(v, bool) else v}\n")
    if a.get("bloc_id"):
        w(f"  bloc_id: {a['bloc_id']}\n")
    w("\n")
    if a.get("text") is None:
        w("(no article text in the database: pass --input PATH to re-read it)\n")
    else:
        w(render(a["text"], records, colour).rstrip("\n") + "\n")
    if records:
        w(f"\n## {len(records)} record(s)\n")
        for t, r in records:
            w(f"- {record_label(t, r)}  [{r.get('start')}:{r.get('end')}]\n")
            if r.get("evidence"):
                w(f"    evidence: {r['evidence']}\n")
    return 0
