"""A post cell of an officers' table read word by word: ``董事长非执行董事`` is 董事长 and 非执行董事.

Publishers write several posts in one cell with a separator (``董事、副行长``), one per
line (``监事长\\n职工监事``), or with nothing between them (``执行董事副行长``), and a
text layout may cut a cell over lines (``独立董`` / ``事``). Splitting at separators
cannot read the last two, so the cell is read from left to right, taking at each
position the longest post in the vocabulary (``vocabulary.toml``, ``[roles]``): the
words are the lexicon, the cell's spelling does not matter. ``原``, ``前`` and ``离任``
mark the posts after them (or the post before a ``（离任）`` note) as former ones, with
the end date a note states (``原副行长（2024年3月离任）``). What is left over is kept
with the whole cell, so that a warning can quote it; it is never taken for a post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from ..identifiers import halfwidth
from .cells import end_date
from .vocabulary import key, vocabulary

_SEPARATORS = re.compile(r"[、,，;；/|]|兼任|兼")  # not a line break: a wrapped cell breaks words
_FORMER = re.compile(r"^(?:原任|原|前任|前|已离任|离任)")
_NOTE = re.compile(r"[(（]([^()（）]*)[)）]")
_GONE = re.compile(r"离任|离职|辞任|辞职|卸任|届满")
_WHEN = re.compile(r"\d{4}\s*[年.\-/]\s*\d{1,2}(?:\s*[月.\-/]\s*\d{1,2}\s*日?)?\s*月?")
_FILLERS = {"-", "—", "－", "无", "/"}


@dataclass(frozen=True)
class Title:
    post: str                 # the vocabulary's spelling (a key of ``roles_of_post``)
    former: bool = False
    end: date | None = None   # first day out of office, where the cell says


@dataclass
class PostCell:
    cell: str                                   # the cell as printed (wrapped parts joined)
    titles: list[Title] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)

    @property
    def posts(self) -> list[str]:
        return [t.post for t in self.titles]


@cache
def _lexicon() -> dict[str, str]:
    """Comparable form → the vocabulary's spelling, for every firm post it lists."""
    words: dict[str, str] = {}
    for section, listed in vocabulary()["roles"].items():
        for word in listed:
            words.setdefault(key(word), word)
    return words


@cache
def _longest() -> int:
    return max(map(len, _lexicon()))


def parse_posts(cell: str) -> PostCell:
    """The posts a cell names, in order, each current or former."""
    text = "".join(p.strip() for p in halfwidth(cell or "").split("\n"))
    parsed = PostCell(text)
    for segment in _SEPARATORS.split(text):
        _segment(segment, parsed)
    return parsed


def _segment(segment: str, parsed: PostCell) -> None:
    notes = [m[1] for m in _NOTE.finditer(segment)]
    gone = any(_GONE.search(n) for n in notes)
    when = next((end_date(m[0]) for n in notes if _GONE.search(n) or _WHEN.search(n)
                 for m in [_WHEN.search(n)] if m), None)
    body = key(_NOTE.sub(lambda m: "" if _GONE.search(m[1]) or _WHEN.search(m[1]) else m[0], segment))
    if not body or body in _FILLERS:
        return
    former, position, unknown = False, 0, ""
    titles: list[Title] = []
    lexicon = _lexicon()
    while position < len(body):
        if (m := _FORMER.match(body, position)) and not _word_at(body, position):
            former, position = True, m.end()
            continue
        word = _word_at(body, position)
        if word is None:
            unknown += body[position]
            position += 1
            continue
        if unknown:
            parsed.leftovers.append(unknown)
            unknown = ""
        titles.append(Title(lexicon[word], former))
        position += len(word)
    if unknown:
        parsed.leftovers.append(unknown)
    if gone or when:
        titles = [Title(t.post, True, when) for t in titles] if gone else \
            [Title(t.post, t.former, when if t.former else None) for t in titles]
    parsed.titles.extend(titles)


def _word_at(body: str, position: int) -> str | None:
    """The longest post of the lexicon that starts at ``position``."""
    lexicon = _lexicon()
    for length in range(min(_longest(), len(body) - position), 0, -1):
        if body[position:position + length] in lexicon:
            return body[position:position + length]
    return None
