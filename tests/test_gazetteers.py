"""Every gazetteer file loads, and a malformed row is a clear error, not a silent shift."""
from __future__ import annotations

import pytest

from pipeline import gazetteers
from pipeline.gazetteers import gazetteer_dir, load_csv


@pytest.mark.parametrize("path", sorted(gazetteer_dir().glob("*.csv")), ids=lambda p: p.name)
def test_every_gazetteer_loads_with_its_header(path):
    rows = load_csv(path.name)
    assert rows, f"{path.name} has no rows"
    header = set(rows[0])
    assert all(set(r) == header for r in rows)


def test_an_unquoted_comma_is_reported_with_the_file(tmp_path, monkeypatch):
    (tmp_path / "bad.csv").write_text("# comment\nalias,kind\na, b,c\n", encoding="utf-8")
    monkeypatch.setenv("THIDUA_GAZETTEERS", str(tmp_path))
    gazetteers.load_csv.cache_clear()
    try:
        with pytest.raises(ValueError, match="bad.csv"):
            load_csv("bad.csv")
    finally:
        gazetteers.load_csv.cache_clear()


def test_comment_lines_are_skipped(tmp_path, monkeypatch):
    (tmp_path / "ok.csv").write_text("# a note\nword,kind\n# another\nBan,head\n", encoding="utf-8")
    monkeypatch.setenv("THIDUA_GAZETTEERS", str(tmp_path))
    gazetteers.load_csv.cache_clear()
    try:
        assert load_csv("ok.csv") == ({"word": "Ban", "kind": "head"},)
    finally:
        gazetteers.load_csv.cache_clear()
