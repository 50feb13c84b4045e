"""A report converted to HTML, read as the text the other layouts give.

Conversions of annual reports (saved pages, PDF-to-HTML tools) use whatever tags they
like, standard or not (``<h>浙江…股份有限公司</h>``, ``<page>``, ``<p class=…>``), so tags
are not trusted for meaning: every element that is not a known inline one ends a
line, a table row becomes one line of tab-separated cells (a cell's own line breaks
joined, so ``董事<br>副总经理`` stays one cell; so does a row built of blocks, and a
paragraph keeps its runs of spaces, which some conversions separate cells by), and a horizontal rule or a CSS page
break starts a new page (a form feed, as ``pdftotext`` writes). The text extractors
then read tables by their tabs and pages by their form feeds.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

from .cells import joined

_INLINE = frozenset({"a", "span", "b", "i", "em", "strong", "font", "sup", "sub", "u", "small", "big", "abbr",
                     "code", "s", "strike", "ins", "del", "mark", "label", "nobr", "wbr"})
_SKIPPED = frozenset({"script", "style", "head", "title", "meta", "link"})
_PAGE_BREAK = re.compile(r"page-break-(?:before|after)\s*:\s*always|break-(?:before|after)\s*:\s*page", re.I)
_MARKUP = re.compile(r"<\s*[A-Za-z][A-Za-z0-9]*[\s>/]")


def looks_like_markup(text: str) -> bool:
    """Markup rather than text: it starts with a tag, or tags are common in its head."""
    head = text.lstrip("\ufeff \t\r\n")[:4000]
    return head.startswith("<") and bool(_MARKUP.match(head)) or len(_MARKUP.findall(head)) >= 20


def markup_text(text: str) -> str:
    """The markup's text: lines for blocks, tab-separated rows for tables, form feeds for pages."""
    try:
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", "\n", text)
    out: list[str] = []
    _walk(root, out)
    lines = "".join(out).split("\n")
    return "\n".join(line.strip(" ") for line in lines if line.strip(" \t") or line == "\f")


def _walk(element: lxml.html.HtmlElement, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIPPED or not tag:
        out.append(_flat(element.tail))
        return
    if tag == "hr" or _PAGE_BREAK.search(element.get("style") or "") and "before" in (element.get("style") or ""):
        out.append("\n\f\n")
    block = tag not in _INLINE
    if tag == "br":
        out.append("\n")
    elif tag == "table":
        out.append("\n" + _table(element) + "\n")
        out.append(_flat(element.tail))
        return
    elif _is_row(element):
        out.append("\n" + _row([joined(_cell_text(cell)) for cell in element]) + "\n")
        out.append(_flat(element.tail))
        return
    elif block:
        out.append("\n")
    out.append(_flat(element.text))
    for child in element:
        _walk(child, out)
    if block:
        out.append("\n")
    if _PAGE_BREAK.search(element.get("style") or "") and "after" in (element.get("style") or ""):
        out.append("\n\f\n")
    out.append(_flat(element.tail))


def _flat(text: str | None) -> str:
    """Whitespace as a browser shows it, except that a run of two or more spaces within a
    line stays two: conversions that print a table row as a paragraph separate its cells so."""
    text = re.sub(r"[ \t\r]*\n[ \t\r\n]*", " ", text or "")
    return re.sub(r"[ \t\r\u3000]{2,}", "  ", re.sub(r"[\t\r]", " ", text))


def _is_row(element: lxml.html.HtmlElement) -> bool:
    """A table row built of blocks (``<div class="tr"><div class="td">…``, as some
    converters write tables): two or more leaf blocks of one tag with short texts and no
    text between them, in an element beside another built the same way."""
    return _row_shape(element) and any(_row_shape(other) for other in (element.getprevious(), element.getnext())
                                       if other is not None)


def _row_shape(element: lxml.html.HtmlElement) -> bool:
    cells = [child for child in element if isinstance(child.tag, str)]
    if len(cells) < 2 or len({c.tag for c in cells}) != 1 or cells[0].tag in _INLINE | {"br", "table", "tr"}:
        return False
    if (element.text or "").strip() or any((c.tail or "").strip() for c in cells):
        return False
    return all(len(c.text_content()) <= 80 and not any(isinstance(d.tag, str) and d.tag not in _INLINE | {"br"}
                                                        for d in c.iterdescendants()) for c in cells)


def _table(table: lxml.html.HtmlElement) -> str:
    rows = []
    for row in table.iter("tr"):
        cells = [joined(_cell_text(cell)) for cell in row if isinstance(cell.tag, str) and cell.tag in {"td", "th"}]
        if any(cells):
            rows.append(_row(cells))
    return "\n".join(rows)


def _row(cells: list[str]) -> str:
    """Tab-separated cells (a row of one cell ends with a tab, to stay a row)."""
    return "\t".join(c.replace("\t", " ") for c in cells) + ("\t" if len(cells) == 1 else "")


def _cell_text(cell: lxml.html.HtmlElement) -> str:
    """A cell's text with its own line breaks (``<br>``, ``<p>``) as newlines."""
    for piece in cell.iter("br", "p", "div", "li"):
        if piece is not cell:
            piece.tail = "\n" + (piece.tail or "")
    return re.sub(r"[ \t\r]+", " ", cell.text_content())
