"""Real SPARQL servers for tests, started on loopback: never a mock of the store."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from cscs.api import Graph
from cscs.graph.remote import RemoteStore
from cscs.sample.loopback import free_port, stop, wait_until_answering


@contextmanager
def oxigraph_server(location: Path | None = None) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port, in memory or on disk at ``location``;
    yields its base URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        raise RuntimeError("the oxigraph server is not installed (pip install oxigraph)")
    port = free_port()
    where = ["--location", str(location)] if location else []
    process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", *where],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_answering(f"{base}/query?query=ASK%7B%7D", process, 20):
            raise RuntimeError(f"oxigraph serve did not start: {process.stderr.read()!r}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def oxigraph_graph(base: str, graph_store: bool = True) -> Graph:
    return Graph(endpoint=f"{base}/query", update_endpoint=f"{base}/update",
                 store_endpoint=f"{base}/store" if graph_store else None)


# Virtuoso (Debian's virtuoso-opensource): a throw-away database in a temporary
# directory, its SQL (ISQL) and HTTP listeners on free loopback ports. The [SPARQL]
# limits are lifted: the stock ini refuses queries whose *estimated* cost exceeds
# 400 s (an estimate that grows with the data), stops queries after 60 s and cuts
# results at 10000 rows.
_VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {dir}/virtuoso.db
ErrorLogFile       = {dir}/virtuoso.log
LockFile           = {dir}/virtuoso.lck
TransactionFile    = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {dir}/virtuoso-temp.db
TransactionFile    = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:{sql_port}
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., {dir}
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxMemPoolSize           = 200000000
MaxQueryMem              = 1G
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = 4
AsyncQueueMaxThreads     = 10
NumberOfBuffers          = 10000
MaxDirtyBuffers          = 6000

[HTTPServer]
ServerPort                  = 127.0.0.1:{http_port}
ServerRoot                  = {dir}
MaxClientConnections        = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
"""


@contextmanager
def virtuoso_server() -> Iterator[str]:
    """A throw-away Virtuoso on free loopback ports; yields its HTTP base URL, with
    ``/sparql`` (queries and updates) and ``/sparql-graph-crud`` (Graph Store) open to
    writes (``GRANT SPARQL_UPDATE TO "SPARQL"``)."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if binary is None or isql is None:
        raise RuntimeError("Virtuoso is not installed (apt-get install virtuoso-opensource)")
    with tempfile.TemporaryDirectory(prefix="cscs-virtuoso-") as tmp:
        sql_port, http_port = free_port(), free_port()
        while http_port == sql_port:
            http_port = free_port()
        ini = Path(tmp) / "virtuoso.ini"
        ini.write_text(_VIRTUOSO_INI.format(dir=tmp, sql_port=sql_port, http_port=http_port))
        log = Path(tmp) / "console.log"
        with log.open("wb") as console:
            process = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=tmp,
                                       stdout=console, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{http_port}"

        def fail(why: str) -> RuntimeError:
            tail = "\n".join(log.read_text(errors="replace").splitlines()[-30:])
            return RuntimeError(f"Virtuoso did not start ({why}; SQL port {sql_port}, HTTP port "
                                f"{http_port}); its log ends:\n{tail}")

        try:
            deadline = time.monotonic() + 90
            while True:  # the HTTP listener opens once the database is initialised
                try:
                    urllib.request.urlopen(f"{base}/sparql?query=ASK%7B%7D", timeout=2).read()
                    break
                except OSError:
                    if process.poll() is not None:
                        raise fail(f"exit status {process.returncode}") from None
                    if time.monotonic() > deadline:
                        raise fail("no answer at /sparql within 90 s") from None
                    time.sleep(0.2)
            grant = subprocess.run([isql, f"127.0.0.1:{sql_port}", "dba", "dba",
                                    'exec=GRANT SPARQL_UPDATE TO "SPARQL";'],
                                   capture_output=True, text=True, timeout=60, check=False)
            if grant.returncode != 0 or "Error" in grant.stdout + grant.stderr:
                raise fail(f"GRANT SPARQL_UPDATE failed: {grant.stdout}{grant.stderr}")
            yield base
        finally:
            stop(process)


def virtuoso_graph(base: str) -> Graph:
    store = RemoteStore(f"{base}/sparql", f"{base}/sparql", f"{base}/sparql-graph-crud",
                        dialect="virtuoso")
    return Graph(store=store)
