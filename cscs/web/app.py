"""The web application: a small WSGI app over a :class:`~cscs.api.Graph`, and its server.

WSGI and the standard library's server keep ``cscs serve`` free of a web framework:
the explorer is a handful of server-rendered pages, so routing is a list of patterns
and handlers. Pages are rendered with Jinja2 with autoescaping on, so everything that
comes from a document (firm names, reasons, file names) is escaped by default.
"""

from __future__ import annotations

import json
import mimetypes
import re
import sys
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Callable, Iterable
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from cscs.api import Graph, NotFound

from .guard import Guard
from .workers import Pool

MAX_BODY = 1 << 20  # a SPARQL query or a form is small; refuse larger bodies


class HTTPError(Exception):
    """An error page: status code and a message shown to the user."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes = b""
    params: dict[str, str] = field(default_factory=dict)  # from the route pattern

    def arg(self, name: str, default: str = "") -> str:
        values = self.query.get(name)
        return values[0] if values else default

    @property
    def form(self) -> dict[str, list[str]]:
        if self.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
            return parse_qs(self.body.decode("utf-8", "replace"), keep_blank_values=True)
        return {}

    @classmethod
    def from_environ(cls, environ: dict) -> "Request":
        headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}
        if environ.get("CONTENT_TYPE"):
            headers["content-type"] = environ["CONTENT_TYPE"]
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            raise HTTPError(413, "request body too large")
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        path = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8", "replace")
        return cls(environ.get("REQUEST_METHOD", "GET").upper(), path,
                   parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True), headers, body)


@dataclass
class Response:
    body: bytes | str
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)

    def encoded(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


STATUS = {200: "OK", 303: "See Other", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
          405: "Method Not Allowed", 406: "Not Acceptable", 413: "Payload Too Large",
          500: "Internal Server Error", 503: "Service Unavailable"}

Handler = Callable[["Explorer", Request], Response]


class Explorer:
    """The WSGI application. ``graph`` is read only; ``query_timeout`` bounds SPARQL, which
    runs in up to ``max_running_queries`` worker processes; ``guard`` says who may ask
    and how much a query may take (see :mod:`cscs.web.guard`); the compare page keeps its
    population tables in ``tables``."""

    def __init__(self, graph: Graph, query_timeout: float = 10.0, max_running_queries: int = 2,
                 guard: Guard | None = None, tables: Path | None = None):
        from . import compare_page, pages, sparql  # noqa: F401  (registers the routes)
        from .render import environment

        self.graph = graph
        self.tables = tables  # the compare page's population tables (None: a temporary folder)
        self.query_timeout = query_timeout
        self.guard = guard or Guard()
        self.query_workers = Pool(graph.store, max_running_queries, no_network=not self.guard.services)
        self.env = environment()
        self.cache: dict[object, object] = {}
        self.cache_lock = threading.Lock()

    # -- helpers for handlers ---------------------------------------------
    def render(self, template: str, code: int = 200, **context: object) -> Response:
        return Response(self.env.get_template(template).render(**context), code)

    def cached(self, key: object, make: Callable[[], object]) -> object:
        """A value computed once per graph state (documents added or removed reset it)."""
        generation = self.generation()
        with self.cache_lock:
            hit = self.cache.get(key)
            if hit is not None and hit[0] == generation:  # type: ignore[index]
                return hit[1]  # type: ignore[index]
        value = make()
        with self.cache_lock:
            self.cache[key] = (generation, value)
        return value

    def generation(self) -> int:
        """Which documents the graph holds, as a number that changes when they change."""
        return hash(frozenset(g.value for g in self.graph.store.graphs()))

    # -- WSGI ----------------------------------------------------------------
    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        cors: list[tuple[str, str]] = []
        try:
            request = Request.from_environ(environ)
            refusal = self.guard.refusal(request.headers)
            if refusal:
                raise HTTPError(403, refusal)
            cors = self.guard.cors(request.headers)
            response = self.dispatch(request)
        except HTTPError as exc:
            response = self.error(exc.status, exc.message)
        except NotFound as exc:
            response = self.error(404, str(exc))
        except Exception as exc:  # a page bug must not take the server down
            print(f"cscs serve: internal error: {exc!r}", file=sys.stderr)
            response = self.error(500, f"internal error: {type(exc).__name__}")
        body = response.encoded()
        headers = [("Content-Type", response.content_type), ("Content-Length", str(len(body))),
                   ("X-Content-Type-Options", "nosniff"), *response.headers, *cors]
        if response.content_type.startswith("text/html"):
            headers.append(("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                            "script-src 'self'; object-src 'none'; base-uri 'none'"))
        start_response(f"{response.status} {STATUS.get(response.status, 'Error')}", headers)
        return [body]

    def dispatch(self, request: Request) -> Response:
        for method, pattern, handler in ROUTES:
            match = pattern.fullmatch(request.path)
            if match:
                if request.method not in method:
                    raise HTTPError(405, f"{request.method} is not allowed here")
                request.params = match.groupdict()
                return handler(self, request)
        raise HTTPError(404, f"no page at {request.path}")

    def error(self, status: int, message: str) -> Response:
        try:
            return self.render("error.html", status, status=status, message=message)
        except Exception:
            return Response(json.dumps({"error": message}), status, "application/json")


ROUTES: list[tuple[tuple[str, ...], re.Pattern[str], Handler]] = []


def route(pattern: str, methods: tuple[str, ...] = ("GET", "HEAD")) -> Callable[[Handler], Handler]:
    """Register a handler for a path pattern (a regular expression with named groups)."""

    def register(handler: Handler) -> Handler:
        ROUTES.append((methods, re.compile(pattern), handler))
        return handler

    return register


@route(r"/static/(?P<name>[A-Za-z0-9_.-]+)")
def static(app: Explorer, request: Request) -> Response:
    resource = resources.files("cscs.web").joinpath("static", request.params["name"])
    if not resource.is_file():
        raise HTTPError(404, "no such file")
    kind = mimetypes.guess_type(request.params["name"])[0] or "application/octet-stream"
    return Response(resource.read_bytes(), content_type=kind, headers=[("Cache-Control", "max-age=3600")])


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        sys.stderr.write(f"{self.address_string()} {format % args}\n")


def make_wsgi_server(graph: Graph, host: str = "127.0.0.1", port: int = 8765,
                     query_timeout: float = 10.0, quiet: bool = False, guard: Guard | None = None,
                     tables: Path | None = None) -> WSGIServer:
    """A threaded server for the explorer (port 0 picks a free port: see ``server_port``);
    without a ``guard``, it answers for its own address and loopback names only."""
    handler = type("Handler", (_QuietHandler,), {"log_message": lambda *a: None}) if quiet else _QuietHandler
    app = Explorer(graph, query_timeout, guard=guard or Guard.for_server(host), tables=tables)
    return make_server(host, port, app, server_class=_Server, handler_class=handler)


def serve(graph: Graph, host: str = "127.0.0.1", port: int = 8765, query_timeout: float = 10.0,
          guard: Guard | None = None, tables: Path | None = None) -> None:
    server = make_wsgi_server(graph, host, port, query_timeout, guard=guard, tables=tables)
    print(f"cscs explorer on http://{host}:{server.server_port}/  (Ctrl-C stops it)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.get_app().query_workers.close()  # type: ignore[union-attr]
