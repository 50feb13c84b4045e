"""The explorer in a real browser at a phone's width (375 CSS px) and at 2x device
scale: every page fits the screen (nothing wider than the viewport but what scrolls
inside its own box), text stays at a legible size, and the PDF row is shown at a
resolution where 10-pt Chinese is readable. With ``CSCS_SCREENSHOTS=DIR`` each page is
saved there (docs/screenshots/phone-*.png, desktop-2x-*.png)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_browser import ARGS, CHROMIUM, firm_with_pdf_deduction
from web_support import AS_OF

from cscs.web import make_wsgi_server
from cscs.web.render import firm_url

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")

# the widest element that is not inside a box that scrolls by itself
OVERFLOW = """() => {
  const width = window.innerWidth, out = [];
  const scrolls = el => { for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p).overflowX; if (s === 'auto' || s === 'scroll') return true; } return false; };
  for (const el of document.querySelectorAll('main *, header *')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1 && !scrolls(el)) out.push(el.tagName + (el.id ? '#' + el.id : '') +
        (el.className && el.className.baseVal === undefined ? '.' + el.className : '') + ' ' + Math.round(r.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: out.slice(0, 8)};
}"""
SMALLEST_TEXT = """() => Math.min(...[...document.querySelectorAll('main p, main td, main li, main dd, main a')]
  .filter(e => e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize)))"""


@pytest.fixture(scope="module")
def server(web_graph):
    import threading

    httpd = make_wsgi_server(web_graph, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def pages(graph) -> list[tuple[str, str, str]]:
    firm = firm_with_pdf_deduction(graph)
    day = AS_OF.isoformat()
    return [("home", "/", "#q"), ("search", f"/search?q={firm.name[:4]}&as_of={day}", "#results"),
            ("firm", f"{firm_url(firm.firm)}?as_of={day}", "#total"),
            ("rubric", "/rubric/zhejiang-2020", "#rubric-tree"),
            ("population", f"/population?as_of={day}", "svg.bars"),
            ("compare", f"/compare?a=zhejiang-2020&b=zhejiang-2020&firm={firm.uscc}&as_of={day}", "#compare-table"),
            ("documents", "/documents", "table"),
            ("sparql", "/query?query=SELECT+%3Fs+%3Fp+%3Fo+WHERE+%7B+%3Fs+%3Fp+%3Fo+%7D+LIMIT+20", "#query-results")]


def browse(tmp_path_factory, width: int, height: int, scale: int):
    sync_api = pytest.importorskip("playwright.sync_api")
    manager = sync_api.sync_playwright()
    p = manager.__enter__()
    context = p.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium")), executable_path=str(CHROMIUM), args=ARGS, headless=True,
        viewport={"width": width, "height": height}, device_scale_factor=scale)
    return manager, context


def shot(page, name: str) -> None:
    folder = os.environ.get("CSCS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("label,width,height,scale", [("phone", 375, 812, 2), ("desktop-2x", 1280, 900, 2)])
def test_every_page_fits_the_screen_and_is_legible(web_graph, server, tmp_path_factory, label, width, height, scale):
    manager, context = browse(tmp_path_factory, width, height, scale)
    try:
        page = context.new_page()
        for name, path, selector in pages(web_graph):
            page.goto(server + path)
            page.wait_for_selector(selector)
            found = page.evaluate(OVERFLOW)
            assert found["scrollWidth"] <= found["innerWidth"], (name, found)
            assert page.evaluate(SMALLEST_TEXT) >= 12, name  # CSS px; 24+ device px at 2x
            shot(page, f"{label}-{name}")
        page.goto(server + pages(web_graph)[2][1])
        page.locator("tr.ev-counted a.provenance-link", has_text=".pdf").first.click()
        page.wait_for_function("() => ['#row-image', '#page-image'].every(s => { const i = document.querySelector(s);"
                               " return i && i.complete && i.naturalWidth > 0; })", timeout=60_000)
        found = page.evaluate(OVERFLOW)
        assert found["scrollWidth"] <= found["innerWidth"], ("record", found)
        # the row's band: 300 dpi, shown at 150 CSS dpi, i.e. 10-pt text ~21 CSS px high
        natural, shown = page.eval_on_selector("#row-image", "i => [i.naturalWidth, i.getBoundingClientRect().width]")
        # (naturalWidth is in CSS px: the 300-dpi image's pixels over its 2x density)
        assert natural >= 842 * 149 / 72 and abs(shown - natural) < 2
        shot(page, f"{label}-provenance")
    finally:
        context.close()
        manager.__exit__(None, None, None)
