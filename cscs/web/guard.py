"""Who may talk to the explorer, and how much one query may take.

The explorer listens on loopback and serves private data, so any web page the analyst
visits could reach it: by a cross-site request to ``http://127.0.0.1:8765/sparql``, or by
DNS rebinding (a name of the attacker's that resolves to 127.0.0.1, which makes the
page's own origin the explorer). Hence:

- the ``Host`` header must name this server (``localhost``, ``127.0.0.1``, ``[::1]``, the
  address it is bound to, or a name given with ``--allow-host``): a rebound name is refused;
- no CORS header unless the request's ``Origin`` was allowed (``--allow-origin``), and a
  request that a browser marks as coming from another site (an ``Origin`` other than the
  server's own, or ``Sec-Fetch-Site: cross-site`` on anything but a navigation) is
  refused before it runs: a foreign page can neither read the graph nor make the
  explorer burn CPU on its queries. Following a link to the explorer still works.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cscs.graph.sparql_lexer import Limits

LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class Guard:
    hosts: frozenset[str] = LOOPBACK  # names the Host header may give (without port)
    origins: frozenset[str] = frozenset()  # origins that may read responses (CORS)
    services: frozenset[str] = frozenset()  # SERVICE endpoints a query may call
    limits: Limits = field(default_factory=Limits)  # the lexical bounds of a query
    max_rows: int = 10_000  # result rows (or triples) per response
    max_bytes: int = 16 << 20  # result bytes per response
    query_memory: int = 1 << 30  # resident bytes of a query's worker process

    @classmethod
    def for_server(cls, host: str, hosts: tuple[str, ...] = (), origins: tuple[str, ...] = (),
                   services: tuple[str, ...] = (), **bounds: object) -> "Guard":
        """The guard of a server bound to ``host``, plus the names and origins allowed."""
        names = set(LOOPBACK) | {h.strip("[]").lower() for h in hosts}
        if host not in ("", "0.0.0.0", "::"):
            names.add(host.strip("[]").lower())
        return cls(frozenset(names), frozenset(o.rstrip("/") for o in origins), frozenset(services),
                   **bounds)  # type: ignore[arg-type]

    def refusal(self, headers: dict[str, str]) -> str | None:
        """Why a request must be refused (403), or None."""
        host = headers.get("host", "")
        if host and host_name(host) not in self.hosts:
            return f"this explorer does not answer for the host {host!r} (cscs serve --allow-host)"
        origin = headers.get("origin")
        if origin is not None and origin.rstrip("/") not in self.origins and origin != f"http://{host}":
            return f"requests from {origin!r} are not allowed (cscs serve --allow-origin)"
        site, mode = headers.get("sec-fetch-site", ""), headers.get("sec-fetch-mode", "")
        if site in ("cross-site", "same-site") and mode != "navigate" and origin not in self.origins:
            return "requests from other sites are not allowed (cscs serve --allow-origin)"
        return None

    def cors(self, headers: dict[str, str]) -> list[tuple[str, str]]:
        """The CORS headers of a response: only for an allowed origin."""
        origin = (headers.get("origin") or "").rstrip("/")
        return [("Access-Control-Allow-Origin", origin), ("Vary", "Origin")] if origin in self.origins else []


def host_name(host: str) -> str:
    """The name of a Host header, without its port: ``[::1]:8765`` gives ``::1``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
