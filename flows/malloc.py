"""glibc's malloc arenas for the sync's process: one, shared by its threads.

glibc gives each thread that allocates an arena of its own, up to 8 a core, and memory freed in
one arena serves only the threads of that arena: the flow's twelve task threads and DuckDB's
each kept their own. One shared arena: at 10,000 albums (instant APIs) the sync held 248-253 MB
before the load instead of 260-265. Python allocates under its GIL, so sharing costs it no
waiting. Linux with glibc only: elsewhere (macOS, musl) nothing is changed.
"""

from __future__ import annotations

import ctypes
import sys

M_ARENA_MAX = -8  # glibc's malloc.h


def limit_arenas(count: int = 1, platform: str | None = None) -> bool:
    """At most count malloc arenas for this process (set before threads start); False where
    the C library has no such setting."""
    if not (platform or sys.platform).startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # no C library to load, or one without mallopt (musl)
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return mallopt(M_ARENA_MAX, count) == 1
