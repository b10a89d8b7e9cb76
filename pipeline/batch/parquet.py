"""``--parquet``: a Parquet copy of every finished CSV table, streamed.

Columns stay strings exactly as in the CSV (``02`` province codes, ``;``-joined
event types), empty cells become nulls; typing is for the database export.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..model import TABLE_COLUMNS


def csv_to_parquet(csv_path: Path, parquet_path: Path, columns: list[str]) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.string()) for c in columns])
    convert = pacsv.ConvertOptions(column_types=schema, strings_can_be_null=True,
                                   null_values=[""], quoted_strings_can_be_null=True)
    read = pacsv.ReadOptions(block_size=1 << 22)
    tmp = parquet_path.with_name(parquet_path.name + ".part")
    with pq.ParquetWriter(tmp, schema) as out:
        reader = pacsv.open_csv(csv_path, read_options=read, convert_options=convert)
        for batch in reader:
            out.write_batch(batch.select(columns))
    os.replace(tmp, parquet_path)


def csv_tables_to_parquet(out_dir: str | Path) -> list[Path]:
    out = Path(out_dir)
    written = []
    for name, columns in TABLE_COLUMNS.items():
        src = out / f"{name}.csv"
        if src.exists():
            dst = out / f"{name}.parquet"
            csv_to_parquet(src, dst, columns)
            written.append(dst)
    return written
