"""The dask engine writes the same tables as one local process."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.cli import main
from pipeline.model import TABLE_COLUMNS

distributed = pytest.importorskip("distributed")

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def serial_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    run_batch([CORPUS], out, BatchOptions(progress="quiet"))
    return out


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None, silence_logs=40) as c:
        yield c


def same_tables(a: Path, b: Path) -> None:
    for name in TABLE_COLUMNS:
        assert (a / f"{name}.csv").read_bytes() == (b / f"{name}.csv").read_bytes(), name


def test_dask_cluster_equals_single_process(serial_out, cluster, tmp_path):
    out = tmp_path / "dask"
    res = run_batch([CORPUS], out, BatchOptions(engine="dask", scheduler=cluster.scheduler_address,
                                                partition=7, parquet=True, progress="quiet"))
    same_tables(serial_out, out)
    from pipeline.read import iter_articles
    assert res.articles + res.failed == sum(1 for _ in iter_articles([CORPUS]))
    import pyarrow.parquet as pq
    assert pq.read_table(out / "articles.parquet").num_rows == res.articles


def test_cli_scheduler_option(serial_out, cluster, tmp_path):
    out = tmp_path / "cli"
    assert main(["extract", str(CORPUS), "--out", str(out), "--quiet", "--engine", "dask",
                 "--scheduler", cluster.scheduler_address, "--partition", "5"]) == 0
    same_tables(serial_out, out)


def test_unreachable_scheduler_is_a_clear_error(tmp_path, capsys):
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        rc = main(["extract", str(CORPUS / "dev" / "articles" / "d001.txt"), "--out",
                   str(tmp_path), "--quiet", "--engine", "dask", "--scheduler",
                   "tcp://127.0.0.1:9"])
    assert rc == 2 and "scheduler" in capsys.readouterr().err
    assert not (tmp_path / "articles.csv").exists()
