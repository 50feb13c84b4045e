"""Where a fact came from inside its document: file, sheet or page, table, row, characters."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


@dataclass(frozen=True)
class Anchor:
    file: str
    sheet: str | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    json_path: str | None = None
    #: PDF only: the row's box on the page in points, (x0, top, x1, bottom) from the top left.
    bbox: tuple[float, float, float, float] | None = field(default=None, compare=False)

    def at(self, **changes: Any) -> "Anchor":
        return replace(self, **changes)

    def describe(self) -> str:
        """Human form used in every warning and error: ``list.xlsx, sheet 名单, row 7``."""
        parts = [self.file]
        if self.sheet:
            parts.append(f"sheet {self.sheet}")
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.json_path:
            parts.append(self.json_path)
        if self.table is not None and self.table > 1:
            parts.append(f"table {self.table}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.char_start is not None:
            parts.append(f"chars {self.char_start}-{self.char_end}")
        return ", ".join(parts)


def describe_place(document: str, sheet: str | None = None, page: int | None = None,
                   row: int | None = None, char_start: int | None = None,
                   char_end: int | None = None) -> str:
    """Where a stored record sits, as explanations and pages print it:
    ``penalties.csv, row 21`` or ``report.pdf, page 3, characters 568-577``."""
    parts = [document]
    if sheet:
        parts.append(f"sheet {sheet}")
    if page is not None:
        parts.append(f"page {page}")
    if row is not None:
        parts.append(f"row {row}")
    if char_start is not None:
        parts.append(f"characters {char_start}-{char_end}")
    return ", ".join(parts)
