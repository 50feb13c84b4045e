"""What the web explorer's tests share: a WSGI test client and a hostile document.

The corpus is the sample generator's (XLSX, GBK CSV, HTML, PDF, JSON), plus one list
that names a firm ``<script>alert(1)</script>有限公司``: every page must show it as text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from urllib.parse import quote, unquote, urlencode
from wsgiref.util import setup_testing_defaults

from cscs.extract.identifiers import make_uscc
from cscs.web import Explorer

AS_OF = date(2024, 6, 30)
EVIL = "<script>alert(1)</script>有限公司"
EVIL_USCC = make_uscc("330106", "MA2EXKL0")


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> object:
        return json.loads(self.body)


class Client:
    """Calls the WSGI app in process, as a server would."""

    def __init__(self, app: Explorer):
        self.app = app

    def request(self, method: str, path: str, query: dict | None = None, body: bytes = b"",
                headers: dict[str, str] | None = None) -> Reply:
        # a server decodes the path's percent-escapes once (wsgiref: as ISO-8859-1 bytes)
        path_info = unquote(quote(path, safe="/%:@!$&'()*+,;=-._~"), "iso-8859-1")
        environ = {"REQUEST_METHOD": method, "PATH_INFO": path_info, "QUERY_STRING": urlencode(query or {}),
                   "wsgi.input": BytesIO(body), "CONTENT_LENGTH": str(len(body))}
        for name, value in (headers or {}).items():
            key = name.upper().replace("-", "_")
            environ[key if key == "CONTENT_TYPE" else f"HTTP_{key}"] = value
        setup_testing_defaults(environ)
        seen: dict[str, object] = {}

        def start_response(status: str, headers: list[tuple[str, str]]) -> None:
            seen["status"], seen["headers"] = int(status.split()[0]), {k.lower(): v for k, v in headers}

        data = b"".join(self.app(environ, start_response))
        return Reply(seen["status"], seen["headers"], data)  # type: ignore[arg-type]

    def get(self, path: str, **query: object) -> Reply:
        return self.request("GET", path, {k: v for k, v in query.items() if v is not None})

    def post(self, path: str, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> Reply:
        return self.request("POST", path, body=body, headers={"Content-Type": content_type, **(headers or {})})


def write_evil_list(folder: Path) -> Path:
    """An abnormal-taxpayer list (GBK CSV, as the generator writes them) naming the evil firm."""
    path = folder / "evil_taxpayers.csv"
    path.write_text("纳税人名称,纳税人识别号,法定代表人(负责人),认定日期,主管税务机关,解除日期\n"
                    f"{EVIL},{EVIL_USCC},\"<b>张三</b>\",2023-03-01,\"<img src=x onerror=alert(2)>税务局\",\n",
                    encoding="utf-8")
    return path


