"""A source document on disk: its bytes' hash, and its tables read once on demand."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

MEDIA_TYPES = {
    ".csv": "text/csv", ".tsv": "text/tab-separated-values", ".txt": "text/plain",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf",
    ".json": "application/json", ".jsonl": "application/jsonl", ".toml": "application/toml",
}


@dataclass
class Source:
    path: Path
    companions: list[Path] = field(default_factory=list)  # files read with it (a rubric's .toml)

    @cached_property
    def data(self) -> bytes:
        return self.path.read_bytes()

    @cached_property
    def sha256(self) -> str:
        digest = hashlib.sha256(self.data)
        for companion in self.companions:
            digest.update(b"\0" + companion.read_bytes())
        return digest.hexdigest()

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES.get(self.path.suffix.lower(), "application/octet-stream")

    @cached_property
    def tables(self):  # -> list[RawTable]
        from .readers import read_tables

        return read_tables(self.path)
