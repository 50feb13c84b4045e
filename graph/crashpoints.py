"""Named places where a crash test may kill the process, to prove that a rerun repairs
whatever a crash there leaves. A point reached in the extraction process of a large
document (``extract:batch``, :mod:`graph.pipeline`) kills that process only.

``CSCS_CRASH_AT=name`` (or ``name:n``, the n-th time it is reached) makes the process
kill itself with SIGKILL at that point: no cleanup, no ``finally``, as a power cut or
``kill -9`` would. Unset (always, outside the crash tests), a point costs one
environment lookup; the points sit between store writes, never inside a row loop.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

_reached: Counter[str] = Counter()


def crash_point(name: str) -> None:
    """Die here if the environment asks for it."""
    spec = os.environ.get("CSCS_CRASH_AT")
    if not spec:
        return
    point, _, nth = spec.rpartition(":")
    if not nth.isdigit():
        point, nth = spec, "1"
    if point != name:
        return
    _reached[name] += 1
    if _reached[name] >= int(nth):
        os.kill(os.getpid(), signal.SIGKILL)
