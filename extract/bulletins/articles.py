"""The articles of a bulletin document: rows of a crawl (CSV, XLSX, JSON) or one article
as plain text or HTML.

An article keeps what a record's provenance needs: its id, title, URL, publication
date (as published and parsed) and where it sits in the file (the CSV line its row
starts on). Character offsets of facts are positions in ``text``: the row's
``content_text`` as the reader gives it, the decoded file for plain text, the visible
text for HTML (``extract/judgments/sources.py``, paragraphs on their own lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..dates import DateError, parse_date
from ..judgments.sources import decode, read_html, read_plain

TEXT_SUFFIXES = {".txt", ".html", ".htm"}
_META_DATE = re.compile(r"<meta[^>]+(?:name|property)=[\"'](?:PubDate|pubdate|publishdate|publish_date|"
                        r"article:published_time)[\"'][^>]*content=[\"']([^\"']+)[\"']", re.I)
_TEXT_DATE = re.compile(r"(?:发布时间|发布日期|日期|时间)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)")
_DATE_LINE = re.compile(r"^\s*(\d{4}-\d{1,2}-\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)\s*$", re.M)


@dataclass
class Article:
    article_id: str
    title: str
    text: str
    published: date | None
    published_text: str = ""
    url: str = ""
    row: int | None = None  # the CSV line (or sheet row) the article's row starts on
    date_error: str | None = None  # why the publication date could not be read


def dated(article_id: str, title: str, text: str, published_text: str, url: str = "",
          row: int | None = None) -> Article:
    """An article with its publication date parsed (a bad date is kept as ``date_error``)."""
    try:
        published, error = parse_date(published_text[:10] if re.match(r"\d{4}-\d{2}-\d{2}[ T]", published_text)
                                      else published_text), None
    except DateError as exc:
        published, error = None, str(exc)
    return Article(article_id, title, text, published, published_text, url, row, error)


def read_single(path: Path, data: bytes) -> Article:
    """One article from a text or HTML file: title from <title> or the first short line,
    date from a PubDate meta tag or a 发布时间 line."""
    if path.suffix.lower() in {".html", ".htm"}:
        (page,) = read_html(path, data)
        raw, _ = decode(data[:65536])
        meta = _META_DATE.search(raw)
        text, title, published = page.text, page.title or "", meta.group(1) if meta else ""
    else:
        (page,) = read_plain(path, data)
        text, title, published = page.text, "", ""
        first = text.lstrip().split("\n", 1)[0].strip()
        if first and len(first) <= 80 and "。" not in first:
            title = first
    if not published:
        found = _TEXT_DATE.search(text[:2000]) or _DATE_LINE.search(text[:2000])
        published = found.group(1) if found else ""
    return dated(path.stem, title, text, published.strip())
