"""The researcher's copy of the tables: DuckDB + Parquet, typed, keyed, with views.

CSV is the contract (and what the scorer reads) but everything in it is a
string.  Here the same tables get types (dates as DATE, years and counts as
INTEGER, ``relevant`` as BOOLEAN), ``articles.article_id`` is a primary key the
record tables reference, every record carries its *evidence* (the enclosing
sentence(s), as offsets into the article text and as text), and the
cross-article views of :mod:`pipeline.timeline` are ready to query.

:func:`export_database` reads only the CSVs of an output folder, plus the
article texts, so it gives the same database after a single run, a resumed
run or a run on many workers.  Texts come from re-reading the inputs (reading
and normalising is cheap and deterministic, and no worker has to ship texts
back) or from an iterable of processed Docs.  The database is built under a
temporary name and moved into place, so a reader never sees half of one.
"""
from __future__ import annotations

import bisect
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

import duckdb
import pyarrow as pa

from .model import RECORD_TABLES, TABLE_COLUMNS
from .segment import split_sentences
from . import timeline

log = logging.getLogger(__name__)

DB_NAME = "thidua.duckdb"
PARQUET_DIR = "parquet"
BATCH = 2000

# SQL types of the contract's columns; anything not listed is VARCHAR.
COLUMN_TYPES: dict[str, str] = {
    "relevant": "BOOLEAN",
    "published_date": "DATE",
    "event_date": "DATE",
    "review_year": "INTEGER",
    "plan_year": "INTEGER",
    "member_count": "INTEGER",
    "year": "INTEGER",
    "count": "INTEGER",
    "start": "INTEGER",
    "end": "INTEGER",
}
EVIDENCE_COLUMNS = [("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"), ("evidence", "VARCHAR")]

# Tables a Parquet file is written for (views included: Parquet readers have no views).
PARQUET_TABLES = ["articles", *RECORD_TABLES, "errors", "article_texts", "blocs",
                  "bloc_leadership_timeline", "awards_by_year", "members_by_bloc", "conflicts"]

VIEWS_SQL = """
CREATE VIEW bloc_leadership_timeline AS
SELECT province, bloc, bloc_id, year, role, org, article_ids, conflict
FROM timeline_leaders
ORDER BY province NULLS LAST, bloc_id, year NULLS LAST, role, org;

CREATE VIEW awards_by_year AS
SELECT coalesce(b.province, a.province) AS province, b.bloc, a.bloc_id, w.year, w.award,
       mode(w.conferrer) AS conferrer, w.status, w.org, max(w.count) AS count,
       list(DISTINCT w.article_id ORDER BY w.article_id) AS article_ids
FROM awards w JOIN articles a USING (article_id) LEFT JOIN blocs b ON b.bloc_id = a.bloc_id
GROUP BY ALL
ORDER BY province NULLS LAST, a.bloc_id, w.year NULLS LAST, w.award, w.status, w.org NULLS FIRST;

CREATE VIEW members_by_bloc AS
SELECT coalesce(b.province, a.province) AS province, b.bloc, a.bloc_id, m.org,
       count(DISTINCT m.article_id)::INTEGER AS n_articles,
       min(a.year) AS first_year, max(a.year) AS last_year,
       list(DISTINCT a.year ORDER BY a.year) FILTER (WHERE a.year IS NOT NULL) AS years,
       list(DISTINCT m.article_id ORDER BY m.article_id) AS article_ids
FROM members m JOIN articles a USING (article_id) LEFT JOIN blocs b ON b.bloc_id = a.bloc_id
GROUP BY ALL
ORDER BY province NULLS LAST, a.bloc_id, m.org;

CREATE VIEW evidence AS
{evidence_union};
"""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_str(s: str | Path) -> str:
    return "'" + str(s).replace("'", "''") + "'"


def _typed(col: str) -> str:
    """Expression turning the raw VARCHAR column into its typed value.

    A cell neutralised for spreadsheets (``'=...``) is restored first, so the
    database holds the text exactly as extracted whichever way the CSV was written.
    """
    raw = (f"CASE WHEN regexp_matches({_q(col)}, '^''[=+\\-@\\t\\r]') "
           f"THEN substr({_q(col)}, 2) ELSE {_q(col)} END")
    typ = COLUMN_TYPES.get(col, "VARCHAR")
    if typ == "VARCHAR":
        return raw
    if typ == "INTEGER":
        return f"TRY_CAST(TRY_CAST({raw} AS DOUBLE) AS INTEGER)"
    return f"TRY_CAST({raw} AS {typ})"


def _stage_csv(con: duckdb.DuckDBPyConnection, out_dir: Path, table: str) -> int:
    """Load ``<table>.csv`` (all text) into temp table ``_<table>`` with typed columns and row_id."""
    cols = TABLE_COLUMNS[table]
    path = out_dir / f"{table}.csv"
    typed = ", ".join(f"{_typed(c)} AS {_q(c)}" for c in cols)
    if path.exists():
        spec = "{" + ", ".join(f"{_sql_str(c)}: 'VARCHAR'" for c in cols) + "}"
        src = (f"read_csv({_sql_str(path)}, header=true, columns={spec}, delim=',', "
               f"quote='\"', escape='\"', auto_detect=false)")
    else:
        src = "(SELECT " + ", ".join(f"NULL::VARCHAR AS {_q(c)}" for c in cols) + " WHERE false)"
    con.execute(f"CREATE TABLE {_q('_' + table)} AS "
                f"SELECT (row_number() OVER ())::INTEGER AS row_id, {typed} FROM {src}")
    return con.execute(f"SELECT count(*) FROM {_q('_' + table)}").fetchone()[0]


def fetch_dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None
                ) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _col_defs(table: str) -> list[str]:
    return [f"{_q(c)} {COLUMN_TYPES.get(c, 'VARCHAR')}" for c in TABLE_COLUMNS[table]]


# --- article texts ----------------------------------------------------------

def _texts_from_inputs(inputs: Iterable[str | Path]) -> Iterator[tuple[str, str, str, int]]:
    from .normalize import normalize
    from .read import iter_articles

    for raw in iter_articles(inputs):
        if hasattr(raw, "text"):
            try:
                doc = normalize(raw)
            except Exception as exc:  # the same article failed in extract: no text
                log.warning("cannot re-read %s: %s", raw.source, exc)
                continue
            yield doc.article_id, doc.source, doc.text, doc.body_start


def _texts_from(texts: Mapping[str, str] | Iterable[Any]) -> Iterator[tuple[str, str, str, int]]:
    if isinstance(texts, Mapping):
        for aid, text in texts.items():
            yield str(aid), "", text, 0
        return
    for d in texts:
        if isinstance(d, tuple):
            aid, text = d[0], d[1]
            yield str(aid), "", text, 0
        elif hasattr(d, "text") and hasattr(d, "article_id"):
            yield d.article_id, getattr(d, "source", ""), d.text, getattr(d, "body_start", 0)


def _load_texts(con: duckdb.DuckDBPyConnection, rows: Iterable[tuple[str, str, str, int]]) -> None:
    schema = pa.schema([("article_id", pa.string()), ("source", pa.string()),
                        ("text", pa.string()), ("body_start", pa.int32())])
    con.execute("CREATE TABLE _texts (article_id VARCHAR, source VARCHAR, text VARCHAR, "
                "body_start INTEGER, n INTEGER)")
    batch: list[tuple] = []
    n = 0

    def flush() -> None:
        if batch:
            tbl = pa.Table.from_pylist([dict(zip(schema.names, b)) for b in batch], schema)
            con.register("_text_batch", tbl)
            con.execute(f"INSERT INTO _texts SELECT *, {n - len(batch)} + row_number() OVER () "
                        f"FROM _text_batch")
            con.unregister("_text_batch")
            batch.clear()

    for row in rows:
        batch.append(row)
        n += 1
        if len(batch) >= BATCH:
            flush()
    flush()


# --- evidence ---------------------------------------------------------------

def evidence_span(sentences: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence(s) a mention sits in: from the first it touches to the last.

    ``sentences`` are sorted (start, end) pairs.  A mention outside every
    sentence (white space, a bad offset) is its own evidence.
    """
    starts = [s for s, _ in sentences]
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    lo = hi = None
    for s, e in sentences[i:]:
        if s > end or (s == end and end > start):
            break
        if e >= start:
            lo = s if lo is None else lo
            hi = e
    if lo is None:
        return start, end
    return min(lo, start), max(hi, end)


def _compute_evidence(con: duckdb.DuckDBPyConnection) -> None:
    union = " UNION ALL ".join(
        f"SELECT '{t}' AS tbl, row_id, article_id, start, {_q('end')} FROM {_q('_' + t)}"
        for t in RECORD_TABLES)
    con.execute("CREATE TABLE _evidence (tbl VARCHAR, row_id INTEGER, evidence_start INTEGER, "
                "evidence_end INTEGER, evidence VARCHAR)")
    cur = con.cursor()
    cur.execute(f"""
        SELECT t.article_id, any_value(t.text), list((r.tbl, r.row_id, r.start, r."end"))
        FROM ({union}) r JOIN article_texts t USING (article_id)
        WHERE r.start IS NOT NULL AND r."end" IS NOT NULL
        GROUP BY t.article_id""")
    schema = pa.schema([("tbl", pa.string()), ("row_id", pa.int32()), ("evidence_start", pa.int32()),
                        ("evidence_end", pa.int32()), ("evidence", pa.string())])
    while chunk := cur.fetchmany(200):
        out = []
        for _aid, text, recs in chunk:
            sents = [(s.start, s.end) for s in split_sentences(text)]
            for rec in recs:
                tbl, row_id, s, e = (rec[k] for k in rec) if isinstance(rec, dict) else rec
                if not (0 <= s <= e <= len(text)):
                    continue
                a, b = evidence_span(sents, s, e)
                out.append({"tbl": tbl, "row_id": row_id, "evidence_start": a,
                            "evidence_end": b, "evidence": text[a:b]})
        if out:
            con.register("_ev_batch", pa.Table.from_pylist(out, schema))
            con.execute("INSERT INTO _evidence SELECT * FROM _ev_batch")
            con.unregister("_ev_batch")
    cur.close()


# --- build ------------------------------------------------------------------

def _insert_arrow(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict], schema: pa.Schema
                  ) -> None:
    if not rows:
        return
    con.register("_rows", pa.Table.from_pylist(rows, schema))
    con.execute(f"INSERT INTO {_q(table)} SELECT {', '.join(_q(n) for n in schema.names)} FROM _rows")
    con.unregister("_rows")


def build(con: duckdb.DuckDBPyConnection, out_dir: str | Path, *,
          inputs: Iterable[str | Path] | None = None,
          texts: Mapping[str, str] | Iterable[Any] | None = None) -> dict[str, int]:
    """Create every table and view in ``con`` from the CSVs in ``out_dir``.

    Returns row counts per table.  Without ``inputs`` or ``texts`` the
    database has no article texts and no evidence (the columns stay NULL).
    """
    out_dir = Path(out_dir)
    counts: dict[str, int] = {}
    for table in TABLE_COLUMNS:
        _stage_csv(con, out_dir, table)

    # articles: one row per id (a repeated id keeps its first row), plus derived columns.
    dup = con.execute("SELECT count(*) - count(DISTINCT article_id) FROM _articles "
                      "WHERE article_id IS NOT NULL").fetchone()[0]
    if dup:
        log.warning("%d repeated article_id(s) in articles.csv: the first row of each is kept", dup)
    rows = fetch_dicts(con, "SELECT * FROM _articles WHERE article_id IS NOT NULL "
                       "QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY row_id) = 1 "
                       "ORDER BY row_id")
    by_article, blocs = timeline.assign_blocs(rows)
    con.execute(f"""CREATE TABLE articles (
        {_q('article_id')} VARCHAR PRIMARY KEY, {', '.join(_col_defs('articles')[1:])},
        event_type_list VARCHAR[], year INTEGER, bloc_id VARCHAR)""")
    arts = [{**{c: r[c] for c in TABLE_COLUMNS["articles"]},
             "year": timeline.article_year(r), "bloc_id": by_article.get(r["article_id"])}
            for r in rows]
    if arts:
        con.register("_arts", pa.Table.from_pylist(arts))
        cols = ", ".join(_q(c) for c in TABLE_COLUMNS["articles"])
        con.execute(f"""INSERT INTO articles SELECT {cols},
            CASE WHEN event_types IS NULL THEN NULL ELSE string_split(event_types, ';') END,
            year, bloc_id FROM _arts""")
        con.unregister("_arts")

    con.execute("""CREATE TABLE blocs (bloc_id VARCHAR PRIMARY KEY, province VARCHAR, kind VARCHAR,
                   bloc VARCHAR, n_articles INTEGER, article_ids VARCHAR[])""")
    _insert_arrow(con, "blocs", [b.row() for b in blocs.values()], pa.schema([
        ("bloc_id", pa.string()), ("province", pa.string()), ("kind", pa.string()),
        ("bloc", pa.string()), ("n_articles", pa.int32()), ("article_ids", pa.list_(pa.string()))]))

    # texts: only for articles that exist, first occurrence of an id wins.
    if inputs is not None or texts is not None:
        _load_texts(con, _texts_from(texts) if texts is not None else _texts_from_inputs(inputs))
    else:
        con.execute("CREATE TABLE _texts (article_id VARCHAR, source VARCHAR, text VARCHAR, "
                    "body_start INTEGER, n INTEGER)")
    con.execute("""CREATE TABLE article_texts (
        article_id VARCHAR PRIMARY KEY REFERENCES articles (article_id),
        source VARCHAR, body_start INTEGER, text VARCHAR)""")
    con.execute("""INSERT INTO article_texts
        SELECT article_id, source, body_start, text FROM _texts
        WHERE article_id IN (SELECT article_id FROM articles)
        QUALIFY row_number() OVER (PARTITION BY article_id ORDER BY n) = 1""")

    _compute_evidence(con)
    for table in RECORD_TABLES:
        cols = [c for c in TABLE_COLUMNS[table] if c != "article_id"]
        orphans = con.execute(f"SELECT count(*) FROM {_q('_' + table)} WHERE article_id IS NULL "
                              f"OR article_id NOT IN (SELECT article_id FROM articles)").fetchone()[0]
        if orphans:
            log.warning("%s: %d row(s) whose article_id is not in articles.csv left out",
                        table, orphans)
        defs = [f"{_q(c)} {COLUMN_TYPES.get(c, 'VARCHAR')}" for c in cols]
        con.execute(f"""CREATE TABLE {_q(table)} (
            row_id INTEGER PRIMARY KEY,
            article_id VARCHAR NOT NULL REFERENCES articles (article_id),
            {', '.join(defs)}, {', '.join(f'{n} {t}' for n, t in EVIDENCE_COLUMNS)})""")
        con.execute(f"""INSERT INTO {_q(table)}
            SELECT r.row_id, r.article_id, {', '.join('r.' + _q(c) for c in cols)},
                   e.evidence_start, e.evidence_end, e.evidence
            FROM {_q('_' + table)} r
            LEFT JOIN _evidence e ON e.tbl = '{table}' AND e.row_id = r.row_id
            WHERE r.article_id IN (SELECT article_id FROM articles)
            ORDER BY r.row_id""")
    con.execute(f"CREATE TABLE errors (row_id INTEGER PRIMARY KEY, {', '.join(_col_defs('errors'))})")
    con.execute("INSERT INTO errors SELECT * FROM _errors ORDER BY row_id")

    # cross-article timeline and its conflicts
    leaders = fetch_dicts(con, "SELECT article_id, year, role, org FROM leaders ORDER BY row_id")
    tl = timeline.leadership_timeline(rows, leaders, (by_article, blocs))
    con.execute("""CREATE TABLE timeline_leaders (province VARCHAR, bloc VARCHAR,
        bloc_id VARCHAR REFERENCES blocs (bloc_id), year INTEGER, role VARCHAR, org VARCHAR,
        article_ids VARCHAR[], conflict BOOLEAN)""")
    _insert_arrow(con, "timeline_leaders", tl, pa.schema([
        ("province", pa.string()), ("bloc", pa.string()), ("bloc_id", pa.string()),
        ("year", pa.int32()), ("role", pa.string()), ("org", pa.string()),
        ("article_ids", pa.list_(pa.string())), ("conflict", pa.bool_())]))
    con.execute("""CREATE TABLE conflicts (province VARCHAR, bloc VARCHAR,
        bloc_id VARCHAR REFERENCES blocs (bloc_id), year INTEGER, role VARCHAR, orgs VARCHAR[],
        article_ids VARCHAR[], scope VARCHAR, detail VARCHAR)""")
    _insert_arrow(con, "conflicts", timeline.conflicts(tl), pa.schema([
        ("province", pa.string()), ("bloc", pa.string()), ("bloc_id", pa.string()),
        ("year", pa.int32()), ("role", pa.string()), ("orgs", pa.list_(pa.string())),
        ("article_ids", pa.list_(pa.string())), ("scope", pa.string()), ("detail", pa.string())]))

    ev_union = "\nUNION ALL ".join(
        f"SELECT '{t}' AS table_name, row_id, article_id, mention, start, \"end\", "
        f"evidence_start, evidence_end, evidence FROM {_q(t)}" for t in RECORD_TABLES)
    con.execute(VIEWS_SQL.format(evidence_union=ev_union))
    for t in ["articles", *RECORD_TABLES, "errors", "article_texts", "blocs",
              "timeline_leaders", "conflicts"]:
        counts[t] = con.execute(f"SELECT count(*) FROM {_q(t)}").fetchone()[0]
    for t in TABLE_COLUMNS:
        con.execute(f"DROP TABLE IF EXISTS {_q('_' + t)}")
    con.execute("DROP TABLE IF EXISTS _texts; DROP TABLE IF EXISTS _evidence")
    return counts


def export_database(out_dir: str | Path, *, db_path: str | Path | None = None,
                    parquet_dir: str | Path | None = None, parquet: bool = True,
                    inputs: Iterable[str | Path] | None = None,
                    texts: Mapping[str, str] | Iterable[Any] | None = None) -> dict[str, int]:
    """Write ``out_dir/thidua.duckdb`` and ``out_dir/parquet/*.parquet`` from the CSVs in out_dir."""
    out_dir = Path(out_dir)
    db_path = Path(db_path) if db_path else out_dir / DB_NAME
    parquet_dir = Path(parquet_dir) if parquet_dir else out_dir / PARQUET_DIR
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=db_path.name + ".", suffix=".tmp", dir=db_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # DuckDB wants to create the file itself
    try:
        con = duckdb.connect(str(tmp))
        try:
            counts = build(con, out_dir, inputs=inputs, texts=texts)
            if parquet:
                _write_parquet(con, parquet_dir)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, db_path)
    finally:
        for p in (tmp, Path(str(tmp) + ".wal")):
            if p.exists():
                p.unlink()
    return counts


def _write_parquet(con: duckdb.DuckDBPyConnection, parquet_dir: Path) -> None:
    parquet_dir.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=".parquet-", dir=parquet_dir))
    try:
        for t in PARQUET_TABLES:
            con.execute(f"COPY (SELECT * FROM {_q(t)}) TO {_sql_str(stage / (t + '.parquet'))} "
                        f"(FORMAT parquet)")
        for f in stage.iterdir():
            os.replace(f, parquet_dir / f.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def open_db(pred: str | Path | None = None, db: str | Path | None = None,
            inputs: Iterable[str | Path] | None = None) -> duckdb.DuckDBPyConnection:
    """A read connection for query/report/show.

    ``db`` (or ``pred/thidua.duckdb``) when it exists; otherwise a database
    built in memory from the CSVs in ``pred`` (texts re-read from ``inputs``).
    """
    candidates = [Path(db)] if db else []
    if pred and not db:
        candidates.append(Path(pred) / DB_NAME)
    for c in candidates:
        if c.exists() and not inputs:
            return duckdb.connect(str(c), read_only=True)
    if db and not pred:
        raise FileNotFoundError(f"no database at {db} (run `thidua extract ... --out DIR`, "
                                f"or pass --pred DIR to build one from the CSVs)")
    src = Path(pred or ".")
    if not (src / "articles.csv").exists():
        raise FileNotFoundError(f"no articles.csv in {src}: nothing to load")
    con = duckdb.connect(":memory:")
    build(con, src, inputs=inputs)
    return con
