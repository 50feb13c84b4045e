"""Tables drawn without ruling lines, read from where their words stand on the page.

Many annual reports (and most PDF conversions of Word files) print their tables with
no grid: pdfplumber's ruled-table finder sees nothing, and its text strategy makes one
row per printed line, so a cell wrapped over three lines (``董事长，非`` / ``执行董事``,
``2017年04月27`` / ``日``) becomes three rows. Here the page's words are grouped twice:

* into *row bands*: printed lines whose boxes overlap or nearly touch belong to one
  row, since a wrapped cell's lines are set closer together than the cell padding that
  separates rows (a header wrapped over three lines is one band too);
* into *columns*: the x-ranges that the words of the multi-cell bands cover, merged;
  a column boundary is a vertical strip of white that runs through every such band.

Where rows are printed without padding the whole table is one or two bands: a band is
then cut at each line that starts a row (a first-column word, and most columns filled;
a wrapped part fills few), each other line going to the nearest one. In a table of few
columns whose wrapped parts fill most of them this cannot be told, and is not tried
where the rows are padded. A cell's lines are joined
with ``\\n``, as pdfplumber gives a ruled cell's, so the extractors read both alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median
from typing import Any

Box = tuple[float, float, float, float]
Grid = list[list[str | None]]

_MIN_CELLS = 3        # a band with this many words in different columns is tabular
_BAND_GAP = 0.45      # lines closer than this share of a line's height are one band
_COLUMN_GAP = 4.0     # points of white that separate two columns
_ROW_SHARE = 0.4      # a line starting a row fills this share of the columns (a wrapped part fewer)


def borderless_tables(page: Any, ruled: Sequence[Box] = ()) -> list[tuple[Grid, list[Box | None]]]:
    """The page's tables without rules (its words outside the ``ruled`` tables' boxes):
    each as a grid of cells and its rows' boxes."""
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
             if not any(_inside(w, box) for box in ruled)]
    if not words:
        return []
    lines = _lines(words)
    bands = _bands(lines)
    grids = [_grid(region) for region in _regions(bands)]
    return [(grid, boxes) for grid, boxes in grids if sum(len([c for c in row if c]) >= 2 for row in grid) >= 2]


def _inside(word: dict, box: Box) -> bool:
    x0, top, x1, bottom = box
    middle = (word["top"] + word["bottom"]) / 2
    return x0 - 1 <= word["x0"] and word["x1"] <= x1 + 1 and top - 1 <= middle <= bottom + 1


def _lines(words: list[dict]) -> list[list[dict]]:
    """Words on one printed line (their tops within a third of their height), left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"], 1), w["x0"])):
        height = word["bottom"] - word["top"]
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= height / 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _bands(lines: list[list[dict]]) -> list[list[list[dict]]]:
    """Printed lines grouped into row bands: a line joins the band above when the gap
    between them is less than ``_BAND_GAP`` of a line's height."""
    if not lines:
        return []
    height = median(w["bottom"] - w["top"] for line in lines for w in line)
    bands: list[list[list[dict]]] = [[lines[0]]]
    for line in lines[1:]:
        above = max(w["bottom"] for w in bands[-1][-1])
        top = min(w["top"] for w in line)
        if top - above < _BAND_GAP * height:
            bands[-1].append(line)
        else:
            bands.append([line])
    return bands


def _words(band: list[list[dict]]) -> list[dict]:
    return [w for line in band for w in line]


def _tabular(band: list[list[dict]]) -> bool:
    """Several words side by side on one of the band's lines, or across its lines."""
    words = _words(band)
    return len(_spans([(w["x0"], w["x1"]) for w in words])) >= _MIN_CELLS


def _regions(bands: list[list[list[dict]]]) -> list[list[list[list[dict]]]]:
    """Runs of tabular bands, with the one-cell bands between them (group rows such as
    ``监事``, section rows); a run ends at a band that is not tabular and is followed by
    another that is not."""
    regions: list[list[list[list[dict]]]] = []
    current: list[list[list[dict]]] = []
    loose: list[list[list[dict]]] = []
    for band in bands:
        if _tabular(band):
            if current:
                current.extend(loose)
            loose = []
            current.append(band)
        elif current:
            loose.append(band)
            if len(loose) >= 2:
                regions.append(current)
                current, loose = [], []
    if current:
        regions.append(current)
    return regions


def _spans(ranges: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """X-ranges merged where they overlap or stand closer than ``_COLUMN_GAP``."""
    merged: list[list[float]] = []
    for x0, x1 in sorted(ranges):
        if merged and x0 - merged[-1][1] < _COLUMN_GAP:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def _grid(region: list[list[list[dict]]]) -> tuple[Grid, list[Box | None]]:
    """The region's cells: columns from the tabular bands, a row per band (or per name
    where a band holds several rows)."""
    columns = _spans([(w["x0"], w["x1"]) for band in region if _tabular(band) for w in _words(band)])
    grid: Grid = []
    boxes: list[Box | None] = []
    unpadded = len(region) <= 2  # rows set apart by padding give a band each; else one band holds them all
    for band in region:
        for rows in (_split(band, columns) if unpadded else [band]):
            cells: list[list[str]] = [[] for _ in columns]
            for line in rows:
                on_line: dict[int, list[str]] = {}
                for word in line:
                    on_line.setdefault(_column(word, columns), []).append(word["text"])
                for index, texts in on_line.items():
                    cells[index].append(" ".join(texts))
            grid.append(["\n".join(parts) if parts else None for parts in cells])
            words = _words(rows)
            boxes.append((round(min(w["x0"] for w in words), 2), round(min(w["top"] for w in words), 2),
                          round(max(w["x1"] for w in words), 2), round(max(w["bottom"] for w in words), 2)))
    return grid, boxes


def _column(word: dict, columns: list[tuple[float, float]]) -> int:
    """The column a word starts in (a spanning caption goes to its first column)."""
    for index in range(len(columns) - 1, -1, -1):
        if word["x0"] >= columns[index][0] - _COLUMN_GAP:
            return index
    return 0


def _split(band: list[list[dict]], columns: list[tuple[float, float]]) -> list[list[list[dict]]]:
    """A band holding several rows (lines with a first-column word that fill most columns,
    more than once; the wrapped parts of a row fill few): cut it at each such line, every other line going to the nearest one by
    height on the page (a vertically centred cell reaches above its row's first line)."""
    keys = [i for i, line in enumerate(band) if any(_column(w, columns) == 0 for w in line)
            and len({_column(w, columns) for w in line}) >= max(2, _ROW_SHARE * len(columns))]
    if len(keys) < 2:
        return [band]
    middle = [sum(w["top"] + w["bottom"] for w in line) / (2 * len(line)) for line in band]
    rows: list[list[list[dict]]] = [[] for _ in keys]
    for i, line in enumerate(band):
        nearest = min(range(len(keys)), key=lambda k: (round(abs(middle[keys[k]] - middle[i]), 1), keys[k] > i))
        rows[nearest].append(line)
    return rows
