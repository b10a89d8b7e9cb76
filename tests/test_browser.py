"""The report in a real browser: Debian's headless Chromium driven by Playwright.

Built from the gold of corpus/ (pipeline.report.demo), so the expected
timeline rows are fixed whatever the extractors currently find.  Without
Chromium the test skips locally but fails under CI (CI=true): a browser test
that silently never runs proves nothing.  Set THIDUA_SCREENSHOT=docs/report.png
to keep the screenshot for the README.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest

from pipeline.db import export_database
from pipeline.report import write_report
from pipeline.report.demo import gold_tables
from pipeline.report.html import anchor

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"browser test cannot run in CI: {reason} (make test installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - dev extra missing
        _unavailable(f"playwright not installed: {exc}")
    profile = tempfile.mkdtemp(prefix="thidua-chromium-")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900})
        try:
            yield ctx
        finally:
            ctx.close()
            shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("gold_out")
    gold_tables(ROOT / "corpus" / "gold", [ROOT / "corpus"], out)
    export_database(out, inputs=[ROOT / "corpus"], parquet=False)
    con = duckdb.connect(str(out / "thidua.duckdb"), read_only=True)
    n_rows = con.execute("SELECT count(DISTINCT (bloc_id, year)) FROM bloc_leadership_timeline"
                         ).fetchone()[0]
    path = write_report(out / "report.html", con, source="corpus/ (gold)")
    con.close()
    return path, n_rows


def _open(ctx, url):
    page = ctx.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_selector("html[data-ready='1']", timeout=10_000)
    return page, errors, dialogs


def _row(page, bloc_id: str, year: int) -> str:
    bloc = page.locator(f"div.bloc[data-bloc-id='{bloc_id}']")
    return bloc.locator(f"tr.tl-row[data-year='{year}']").inner_text()


def test_corpus_report_in_chromium(browser, corpus_report):
    path, n_rows = corpus_report
    page, errors, dialogs = _open(browser, path.as_uri())
    assert page.locator("tr.tl-row").count() == n_rows
    # Quảng Trị Party bloc (d001): outgoing head 2023, new head and deputy 2024
    assert "Ban Dân vận Tỉnh ủy" in _row(page, "quang-tri/khoi-dang", 2023)
    row24 = _row(page, "quang-tri/khoi-dang", 2024)
    assert "Ủy ban Kiểm tra Tỉnh ủy" in row24 and "Ban Nội chính Tỉnh ủy" in row24
    # d020 and its HTML copy d201 are one bloc: one row per year, citing both
    row = _row(page, "quang-ngai/khoi-dang", 2025)
    assert "Ban Tuyên giáo Tỉnh ủy" in row and "d020" in row and "d201" in row
    assert "Cụm thi đua II" in page.locator("div.bloc[data-bloc-id='ca-mau/cum-so-2'] h4").inner_text()

    # a timeline link opens the article, whose facts are marked with their field
    page.locator("div.bloc[data-bloc-id='quang-tri/khoi-dang'] a", has_text="d001").first.click()
    assert page.evaluate("location.hash") == "#" + anchor("a", "d001")
    article = page.locator(f"#{anchor('a', 'd001')}")
    assert article.is_visible()
    mark = article.locator("mark[title*='leaders.org = Ủy ban Kiểm tra Tỉnh ủy (head 2024)']").first
    assert mark.inner_text() == "Ủy ban Kiểm tra Tỉnh ủy"
    mark.evaluate("m => m.classList.add('hl')")  # as when its record row is hovered
    shot = page.screenshot()
    assert shot[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("THIDUA_SCREENSHOT"):
        Path(os.environ["THIDUA_SCREENSHOT"]).write_bytes(shot)
    mark.evaluate("m => m.classList.remove('hl')")
    rec = article.locator("tr.rec", has_text="leaders.org = Ủy ban Kiểm tra Tỉnh ủy (head 2024)")
    rec.hover()
    assert "hl" in mark.get_attribute("class")

    # the filter narrows the timeline to matching blocs
    page.fill("#filter", "quảng trị")
    visible = page.locator("div.bloc:visible")
    shown = {visible.nth(i).get_attribute("data-bloc-id"): visible.nth(i).get_attribute("data-search")
             for i in range(visible.count())}
    # a bloc is shown when its province, name or a unit (a member from
    # Quảng Trị in another province's or a nationwide bloc) matches
    assert "quang-tri/khoi-dang" in shown and all("quảng trị" in hay for hay in shown.values())
    assert "ca-mau/cum-so-2" not in shown and page.locator("div.bloc").count() > len(shown)
    assert errors == [] and dialogs == []
    page.close()


def test_script_in_an_article_stays_text(browser, tmp_path):
    from pipeline.write import TableWriter

    text = "Tin <script>alert('pwned')</script>\n<img src=x onerror=\"alert(2)\"> Khối thi đua."
    with TableWriter(tmp_path) as w:
        w.write("articles", {"article_id": "evil", "relevant": True, "title": "<script>alert(3)</script>",
                             "province": "Huế", "bloc": "Khối thi đua Nội chính"})
    export_database(tmp_path, texts={"evil": text}, parquet=False)
    con = duckdb.connect(str(tmp_path / "thidua.duckdb"), read_only=True)
    path = write_report(tmp_path / "r.html", con)
    con.close()
    page, errors, dialogs = _open(browser, path.as_uri())
    shown = page.locator(f"#{anchor('a', 'evil')} .text").inner_text()
    assert "<script>alert('pwned')</script>" in shown and "<img src=x" in shown
    assert page.locator("img").count() == 0 and page.locator("script").count() == 1
    assert dialogs == [] and errors == []
    page.close()
