"""In a real browser: Playwright drives Debian's Chromium (headless) against the explorer
served on 127.0.0.1. Search a firm, open it, follow a deduction to the PDF page with the
row boxed, and check the numbers shown equal ``Graph.score``'s.

Skipped only when /usr/bin/chromium is absent (``.ci/run`` installs it). With
``CSCS_SCREENSHOTS=DIR`` the main pages are saved there as PNG (docs/screenshots/).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from web_support import AS_OF

from cscs.web import make_wsgi_server
from cscs.web.view import moved

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def server(web_graph):
    httpd = make_wsgi_server(web_graph, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), args=ARGS,
            headless=True, viewport={"width": 1280, "height": 900})
        try:
            yield context.new_page()
        finally:
            context.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("CSCS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def firm_with_pdf_deduction(graph):
    """A firm that loses points on AS_OF for a record read from a PDF table."""
    for s in sorted(graph.score(as_of=AS_OF), key=lambda s: s.total):
        why = graph.explain(s.firm, AS_OF)
        if any(moved(ind) < 0 and any(e.status == "counted" and (e.document_title or "").endswith(".pdf")
                                      for e in ind.evidence) for ind in why.indicators):
            return s
    pytest.fail("the corpus has no PDF deduction")


def test_search_open_follow_a_deduction_to_the_page(web_graph, server, browser_page):
    page = browser_page
    expected = firm_with_pdf_deduction(web_graph)
    page.goto(server + "/")
    shot(page, "home")
    page.fill("#q", expected.name[:6])
    page.click("#home-search button")
    page.wait_for_selector("#results")
    shot(page, "search")
    page.click(f'#results a.firm-link:text-is("{expected.name}")')
    page.wait_for_selector("#total")
    page.fill("#as_of", AS_OF.isoformat())
    page.click("#as-of-form button")
    page.wait_for_selector("#total")
    (score,) = web_graph.score(expected.firm, AS_OF)
    assert page.inner_text("#firm-name") == score.name
    assert page.inner_text("#total") == f"{score.total:g}"
    assert page.inner_text("#grade") == score.grade
    assert page.locator("#categories .cat-points").all_inner_texts() == [f"{c.points:g}" for c in score.categories]
    assert page.locator("svg.sunburst path").count() > 20
    shot(page, "firm")
    deduction = page.locator("tr.ev-counted a.provenance-link", has_text=".pdf").first
    deduction.click()
    page.wait_for_selector("#page-image")
    page.wait_for_function("() => { const i = document.querySelector('#page-image');"
                           " return i.complete && i.naturalWidth > 0; }", timeout=30_000)
    assert page.eval_on_selector("#page-image", "img => img.naturalWidth") > 500
    assert page.locator("#source-row").count() == 1
    assert page.inner_text("#doc-title").endswith(".pdf")
    assert page.inner_text("#doc-extractor")
    shot(page, "provenance")


def test_other_pages_render(server, browser_page):
    page = browser_page
    for path, selector, name in [("/rubric/zhejiang-2020", "#rubric-tree", "rubric"),
                                 (f"/population?as_of={AS_OF}", "svg.bars", "population"),
                                 ("/compare?a=zhejiang-2020&b=zhejiang-2020", "#compare-table", "compare"),
                                 ("/query", "#query-form", "sparql")]:
        page.goto(server + path)
        page.wait_for_selector(selector)
        shot(page, name)
    page.goto(server + "/query")
    page.click("#query-form button")
    page.wait_for_selector("#query-results")
    assert page.locator("#query-results tr").count() > 1
    shot(page, "sparql")
