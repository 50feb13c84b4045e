"""The texts of judgments inside a file: plain text, HTML, PDF, JSON Lines / JSON.

A file holds one judgment (text, HTML, PDF) or many (one JSON record per judgment,
such as the LeCaRD sample's ``{"id", "query", "fact"}`` lines). Each text comes with
what an anchor needs to point back into the file: the JSON line and field, or the
PDF page of every character.

Offsets are character positions in the text as read here: the decoded file for plain
text, the page text pdfplumber gives for a PDF (``cscs.extract.readers.pdf_text_pages``;
lines that a page wrapped mid-sentence are joined, and every character keeps its page
and its position on that page), the visible text (paragraphs on their own lines) for
HTML, the field's value for JSON.

Bytes that do not decode are not fatal: the text is decoded with replacement
characters and a warning names the byte offset, so the rest still yields what it can.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from ..readers import ReaderError, pdf_text_pages
from ..readers.html import declared_charsets
from ..readers.json import load_json

#: JSON keys that hold a judgment's full text, best first (LeCaRD: query; CAIL: fact, context).
TEXT_KEYS = ("full_text", "fullText", "qw", "content", "text", "document", "judgment", "query", "fact", "context")
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "center", "table"}
_SKIP = {"script", "style", "head", "title", "noscript"}
_JOIN_AFTER = re.compile(r"[。：:；;！？!?）)」”\"]$")


@dataclass
class JudgmentText:
    """One judgment's text and how to anchor a span of it in the file."""

    text: str
    row: int | None = None  # JSON Lines line (or record number)
    json_path: str | None = None  # the field the text came from
    pages: list[tuple[int, int]] | None = None  # per character: (page, offset on the page); PDF only
    problems: list[tuple[int, int, str]] = field(default_factory=list)
    title: str | None = None

    def place(self, start: int, end: int) -> dict[str, int | str | None]:
        """Anchor parts for ``text[start:end]``: page-local offsets for a PDF."""
        if self.pages and self.text:
            start = min(max(start, 0), len(self.pages) - 1)
            page, local = self.pages[start]
            return {"page": page, "char_start": local, "char_end": local + (end - start),
                    "row": self.row, "json_path": self.json_path}
        return {"char_start": start, "char_end": end, "row": self.row, "json_path": self.json_path}


def decode(data: bytes, preferred: tuple[str, ...] = ()) -> tuple[str, list[tuple[int, int, str]]]:
    """Text of the bytes; undecodable bytes become U+FFFD with a warning naming the first one."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    for encoding in (*preferred, "utf-8", "gb18030"):
        try:
            return data.decode(encoding), []
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start
    text = data.decode("utf-8", errors="replace")
    position = data[:offset].decode("utf-8", errors="replace").__len__()
    bad = text.count("\ufffd")
    return text, [(position, position + 1, f"byte 0x{data[offset]:02X} at byte offset {offset} is not UTF-8 or GB18030; "
                                          f"{bad} undecodable byte sequence(s) replaced by U+FFFD")]


def read_plain(path: Path, data: bytes) -> list[JudgmentText]:
    text, problems = decode(data)
    return [JudgmentText(text.replace("\r\n", "\n").replace("\r", "\n"), problems=problems)]


def read_html(path: Path, data: bytes) -> list[JudgmentText]:
    text, problems = decode(data, declared_charsets(data[:4096]))
    try:
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    except Exception as exc:  # lxml raises several types for junk
        raise ReaderError(path, None, f"not parseable as HTML ({exc})") from exc
    title = root.findtext(".//title")
    parts: list[str] = []
    _visible(root, parts)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parts).split("\n")]
    return [JudgmentText("\n".join(line for line in lines if line), problems=problems,
                         title=title.strip() if title else None)]


def _visible(element: lxml.html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in _SKIP:
        if element.tail:
            parts.append(element.tail)
        return
    if tag in _BLOCKS:
        parts.append("\n")
    if element.text:
        parts.append(element.text)
    for child in element:
        _visible(child, parts)
    if tag in _BLOCKS:
        parts.append("\n")
    if element.tail:
        parts.append(element.tail)


def read_pdf(path: Path) -> list[JudgmentText]:
    """Page texts joined into one text; a line wrapped by the page is joined to the next."""
    pages = pdf_text_pages(path)
    chars: list[str] = []
    where: list[tuple[int, int]] = []
    for number, page in enumerate(pages, start=1):
        offset = 0
        lines = page.split("\n")
        for i, line in enumerate(lines):
            for k, ch in enumerate(line):
                chars.append(ch)
                where.append((number, offset + k))
            offset += len(line) + 1
            last_line = i == len(lines) - 1
            if not line.strip():
                continue
            wrapped = not _JOIN_AFTER.search(line.rstrip()) and len(line) > 20
            if last_line and number == len(pages):
                continue
            if not wrapped:
                chars.append("\n")
                where.append((number, offset - 1))
    return [JudgmentText("".join(chars), pages=where)]


def read_json(path: Path, data: bytes) -> list[JudgmentText]:
    """One judgment per JSON Lines record (or per object of a JSON array) with a text field."""
    text, problems = decode(data)
    out: list[JudgmentText] = []
    stripped = text.lstrip()
    if path.suffix.lower() == ".jsonl" or not stripped.startswith("["):
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                if number == 1 and path.suffix.lower() == ".json":
                    break
                problems.append((0, 0, f"line {number}, column {exc.colno}: invalid JSON ({exc.msg}); line skipped"))
                continue
            except RecursionError:
                problems.append((0, 0, f"line {number}: JSON nested too deeply to read; line skipped"))
                continue
            item = _record_text(record, number)
            if item is not None:
                out.append(item)
        if out or path.suffix.lower() == ".jsonl":
            if problems and out:
                out[0].problems.extend(problems)
            return out
    document = load_json(text, path)
    records = document if isinstance(document, list) else document.get("data", []) if isinstance(document, dict) else []
    for number, record in enumerate(records if isinstance(records, list) else [], start=1):
        item = _record_text(record, number)
        if item is not None:
            out.append(item)
    return out


def _record_text(record: object, number: int) -> JudgmentText | None:
    if not isinstance(record, dict):
        return None
    for key in TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return JudgmentText(value, row=number, json_path=key)
    return None


def read_texts(path: Path, data: bytes | None = None) -> list[JudgmentText]:
    """The judgments in a file, by its extension (``.txt``, ``.html``/``.htm``, ``.pdf``, ``.json``/``.jsonl``)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path)
    data = path.read_bytes() if data is None else data
    if suffix in {".html", ".htm"}:
        return read_html(path, data)
    if suffix in {".json", ".jsonl"}:
        return read_json(path, data)
    return read_plain(path, data)
