"""Rendering the report: one self-contained HTML page from the database.

Every string that came from an article or a table goes through :func:`esc`
(text and attribute values alike): the pages the pipeline reads are
untrusted, and a ``<script>`` in an article must show as text.
"""
from __future__ import annotations

import html
from collections import defaultdict
from datetime import datetime, timezone
from typing import Any

import regex as re

from ..db import fetch_dicts
from ..model import ARTICLE_FIELDS, RECORD_TABLES
from .assets import CSS, JS
from .records import record_label, segments, short_field

ROLE_ORDER = ("head", "deputy")


def esc(v: Any) -> str:
    return html.escape("" if v is None else str(v), quote=True)


def anchor(prefix: str, key: Any) -> str:
    """An id/fragment safe for any article id: [A-Za-z0-9-] kept, the rest hex-escaped."""
    return prefix + "-" + re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group(0)):x}_", str(key))


def _art_link(aid: str, known: set[str]) -> str:
    if aid in known:
        return f'<a href="#{anchor("a", aid)}">{esc(aid)}</a>'
    return f'<span class="muted">{esc(aid)}</span>'


def _sources(ids: list[str] | None, known: set[str]) -> str:
    return '<span class="src">' + " ".join(_art_link(a, known) for a in ids or []) + "</span>"


# --- sections -----------------------------------------------------------------

def _timeline(con, known: set[str], province: str | None) -> str:
    blocs = fetch_dicts(con, "SELECT * FROM blocs ORDER BY province NULLS LAST, bloc_id")
    rows = fetch_dicts(con, "SELECT * FROM bloc_leadership_timeline")
    by_bloc: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_bloc[r["bloc_id"]].append(r)
    out = ['<section id="timeline"><h2>Leadership timeline</h2>',
           '<p class="muted">One table per bloc: the head (trưởng khối / cụm trưởng) and deputies '
           'of each year, merged over every article about the bloc. Links open the articles; '
           '<span class="warn">⚠</span> marks a year whose sources disagree.</p>',
           '<p><input id="filter" type="search" placeholder="Filter: province, bloc, unit…" '
           'aria-label="Filter blocs"></p>']
    current = object()
    for b in blocs:
        if province and b["province"] != province:
            continue
        if b["province"] != current:
            current = b["province"]
            out.append(f'<h3 class="province">{esc(current or "(several provinces)")}</h3>')
        lines = by_bloc.get(b["bloc_id"], [])
        search = " ".join([b["province"] or "", b["bloc"] or "", b["bloc_id"]]
                          + [r["org"] or "" for r in lines]).lower()
        out.append(f'<div class="bloc" id="{esc(anchor("b", b["bloc_id"]))}" '
                   f'data-bloc-id="{esc(b["bloc_id"])}" data-search="{esc(search)}">')
        out.append(f'<h4>{esc(b["bloc"] or "(bloc not named)")}<span class="bid">{esc(b["bloc_id"])}'
                   f'</span></h4>')
        out.append(f'<div class="muted">Articles: {_sources(b["article_ids"], known)}</div>')
        if not lines:
            out.append('<p class="muted">No head or deputy stated.</p></div>')
            continue
        years: dict[Any, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for r in lines:
            years[r["year"]][r["role"] or ""].append(r)
        roles = list(ROLE_ORDER) + sorted({r["role"] or "" for r in lines} - set(ROLE_ORDER))
        out.append('<table class="timeline"><thead><tr><th>Year</th>'
                   + "".join(f"<th>{esc(role.capitalize() or '?')}</th>" for role in roles)
                   + "</tr></thead><tbody>")
        for year in sorted(years, key=lambda y: (y is None, y or 0)):
            cells = []
            for role in roles:
                holders = years[year].get(role, [])
                conflict = any(h["conflict"] for h in holders)
                items = "<br>".join(
                    f'<span class="org">{esc(h["org"])}</span> {_sources(h["article_ids"], known)}'
                    for h in holders)
                if conflict:
                    items = ('<span class="warn" title="sources disagree: see Conflicts">⚠</span> '
                             + items)
                cells.append(f'<td class="role-{esc(role)}{" conflict" if conflict else ""}">'
                             f'{items}</td>')
            out.append(f'<tr class="tl-row" data-year="{esc(year)}"><td class="year">'
                       f'{esc(year if year is not None else "?")}</td>{"".join(cells)}</tr>')
        out.append("</tbody></table></div>")
    out.append("</section>")
    return "\n".join(out)


def _awards(con, known: set[str], province: str | None) -> str:
    where = "WHERE province = ?" if province else ""
    params = [province] if province else []
    rows = fetch_dicts(con, f"SELECT * FROM awards_by_year {where}", params)
    out = ['<section id="awards"><h2>Awards over the years</h2>']
    if not rows:
        out.append('<p class="muted">No awards extracted.</p></section>')
        return "\n".join(out)
    per_year: dict[Any, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        status = r["status"] if r["status"] in ("recommended", "conferred") else "other"
        per_year[r["year"]][status] += r["count"] or 1
    peak = max(sum(v.values()) for v in per_year.values()) or 1
    out.append('<p class="legend"><span><i class="b-conferred"></i>conferred</span>'
               '<span><i class="b-recommended"></i>recommended</span>'
               '<span><i class="b-other"></i>other</span> — units awarded per emulation year</p>')
    out.append('<div class="chart">')
    for year in sorted(per_year, key=lambda y: (y is None, y or 0)):
        bars = "".join(f'<span class="b-{s}" style="width:{100 * n / peak:.1f}%" '
                       f'title="{esc(year)}: {n} {s}">{n}</span>'
                       for s, n in sorted(per_year[year].items()))
        out.append(f'<div>{esc(year if year is not None else "?")}</div><div class="bar">{bars}</div>')
    out.append("</div>")
    out.append('<table class="awards"><thead><tr><th>Province</th><th>Bloc</th><th>Year</th>'
               '<th>Award</th><th>Status</th><th>Unit</th><th>Count</th><th>Sources</th></tr>'
               '</thead><tbody>')
    for r in rows:
        bloc = (f'<a href="#{esc(anchor("b", r["bloc_id"]))}">{esc(r["bloc"] or r["bloc_id"])}</a>'
                if r["bloc_id"] else "")
        out.append(f'<tr><td>{esc(r["province"])}</td><td>{bloc}</td><td>{esc(r["year"])}</td>'
                   f'<td>{esc(r["award"])}</td><td>{esc(r["status"])}</td><td>{esc(r["org"])}</td>'
                   f'<td>{esc(r["count"])}</td><td>{_sources(r["article_ids"], known)}</td></tr>')
    out.append("</tbody></table></section>")
    return "\n".join(out)


def _conflicts(con, known: set[str], province: str | None) -> str:
    rows = [r for r in fetch_dicts(con, "SELECT * FROM conflicts")
            if not province or r["province"] == province]
    out = ['<section id="conflicts"><h2>Conflicts</h2>',
           '<p class="muted">Bloc-years where the sources name different holders of a role only one '
           'unit holds. They are kept, not resolved: read the articles.</p>']
    if not rows:
        out.append('<p class="muted">None.</p>')
    else:
        out.append('<table><thead><tr><th>Province</th><th>Bloc</th><th>Year</th><th>Role</th>'
                   '<th>Who says what</th><th>Scope</th></tr></thead><tbody>')
        for r in rows:
            out.append(f'<tr><td>{esc(r["province"])}</td><td><a href="#{esc(anchor("b", r["bloc_id"]))}">'
                       f'{esc(r["bloc"] or r["bloc_id"])}</a></td><td>{esc(r["year"])}</td>'
                       f'<td>{esc(r["role"])}</td><td>{esc(r["detail"])} '
                       f'{_sources(r["article_ids"], known)}</td><td>{esc(r["scope"])}</td></tr>')
        out.append("</tbody></table>")
    out.append("</section>")
    return "\n".join(out)


def marked_text(text: str, records: list[tuple[str, dict[str, Any]]], aid: str) -> str:
    """The article text, escaped, with every record's mention in a <mark> (title = field)."""
    spans = [(r.get("start"), r.get("end")) for _, r in records]
    starts: dict[int, list[str]] = defaultdict(list)
    for t, r in records:
        if r.get("start") is not None:
            starts[r["start"]].append(anchor("r", f"{aid}|{t}|{r['row_id']}"))
    out = []
    for a, b, cover in segments(len(text), spans):
        for rid in starts.pop(a, []):
            out.append(f'<span id="{esc(rid)}"></span>')
        piece = esc(text[a:b])
        if not cover:
            out.append(piece)
            continue
        labels = "\n".join(record_label(*records[i]) for i in cover)
        keys = " ".join(f"{records[i][0]}-{records[i][1]['row_id']}" for i in cover)
        cls = f"t-{records[cover[0]][0]}" + (" multi" if len(cover) > 1 else "")
        fields = " ".join(sorted({short_field(records[i][0]) for i in cover}))
        out.append(f'<mark class="{esc(cls)}" data-r="{esc(keys)}" data-field="{esc(fields)}" '
                   f'title="{esc(labels)}">{piece}</mark>')
    for a in sorted(starts):
        out.extend(f'<span id="{esc(rid)}"></span>' for rid in starts[a])
    return "".join(out)


def _evidence_html(r: dict[str, Any]) -> str:
    ev, a, b = r.get("evidence"), r.get("evidence_start"), r.get("evidence_end")
    s, e = r.get("start"), r.get("end")
    if ev is None or a is None or s is None or e is None or not (a <= s <= e <= b):
        return esc(ev)
    i, j = s - a, e - a
    return esc(ev[:i]) + "<b>" + esc(ev[i:j]) + "</b>" + esc(ev[j:])


def _article(con, a: dict[str, Any]) -> str:
    aid = a["article_id"]
    from .records import article_records

    records = article_records(con, aid)
    fields = "".join(f"<dt>{esc(f)}</dt><dd>{esc(_fmt(a.get(f)))}</dd>" for f in ARTICLE_FIELDS
                     if a.get(f) not in (None, ""))
    bloc = (f'<dt>bloc_id</dt><dd><a href="#{esc(anchor("b", a["bloc_id"]))}">{esc(a["bloc_id"])}'
            f'</a></dd>' if a.get("bloc_id") else "")
    out = [f'<section class="article" id="{esc(anchor("a", aid))}" data-article-id="{esc(aid)}">',
           f'<h3><span class="aid">{esc(aid)}</span>{esc(a.get("title") or "(no title)")}</h3>',
           f'<dl class="fields">{fields}{bloc}</dl>']
    text = a.get("text")
    if text is None:
        out.append('<p class="muted">Article text not in the database (export without inputs).</p>')
    else:
        out.append(f'<div class="text">{marked_text(text, records, aid)}</div>')
    if records:
        out.append('<table class="records"><thead><tr><th>Field</th><th>Record</th><th>Mention</th>'
                   '<th>Evidence</th></tr></thead><tbody>')
        for t, r in records:
            rid = anchor("r", f"{aid}|{t}|{r['row_id']}")
            out.append(f'<tr class="rec" data-r="{esc(t)}-{esc(r["row_id"])}">'
                       f'<td><span class="i-{esc(t)}">{esc(short_field(t))}</span></td>'
                       f'<td>{esc(record_label(t, r))}</td>'
                       f'<td><a href="#{esc(rid)}">{esc(r.get("mention"))}</a></td>'
                       f'<td class="ev">{_evidence_html(r)}</td></tr>')
        out.append("</tbody></table>")
    out.append("</section>")
    return "\n".join(out)


def _fmt(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def render(con, *, title: str = "Emulation blocs — extraction report", province: str | None = None,
           max_articles: int | None = None, source: str = "") -> str:
    where = "WHERE a.province = ?" if province else ""
    params = [province] if province else []
    arts = fetch_dicts(con, f"""SELECT a.*, t.text FROM articles a
        LEFT JOIN article_texts t USING (article_id) {where}
        ORDER BY a.relevant DESC, a.province NULLS LAST, a.article_id""", params)
    omitted = 0
    if max_articles is not None and len(arts) > max_articles:
        omitted = len(arts) - max_articles
        arts = arts[:max_articles]
    known = {a["article_id"] for a in arts}
    n_rel = sum(1 for a in arts if a.get("relevant"))
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    legend = "".join(f'<span><i class="i-{t}"></i>{esc(short_field(t))}</span>' for t in RECORD_TABLES)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
        f'<header class="top"><h1>{esc(title)}</h1><p>{len(arts)} articles ({n_rel} about a bloc)'
        f'{" from " + esc(source) if source else ""} · generated {esc(stamp)}</p></header>',
        '<nav class="toc"><a href="#timeline">Timeline</a><a href="#awards">Awards</a>'
        '<a href="#conflicts">Conflicts</a><a href="#articles">Articles</a></nav><main>',
        _timeline(con, known, province),
        _awards(con, known, province),
        _conflicts(con, known, province),
        '<section id="articles"><h2>Articles</h2>',
        '<p class="muted">Extracted facts are highlighted in the text; hover a highlight to see '
        f'the field. </p><p class="legend">{legend}</p>',
    ]
    if omitted:
        parts.append(f'<p class="warn">{omitted} more article(s) left out (--max-articles).</p>')
    rel = [a for a in arts if a.get("relevant")]
    irr = [a for a in arts if not a.get("relevant")]
    parts.extend(_article(con, a) for a in rel)
    if irr:
        parts.append(f'<details class="irrelevant"><summary>{len(irr)} article(s) not about a '
                     f'bloc</summary>')
        parts.extend(_article(con, a) for a in irr)
        parts.append("</details>")
    parts.append(f"</section></main><script>{JS}</script></body></html>")
    return "\n".join(parts)
