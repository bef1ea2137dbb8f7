"""The C allocator's share of the sync's memory (glibc): fewer arenas, free memory given back.

glibc gives each thread that allocates its own arena (up to 8 per core): the enrichment's
worker threads and DuckDB's each keep freed memory in theirs, and the process's memory grows
with the number of threads, not with what it holds. Two arenas and a trim before the load
keep it to what is in use. Elsewhere than glibc (macOS, musl) both are no-ops.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

M_ARENA_MAX = -8  # mallopt parameter (malloc.h)
ARENAS = 2


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    if libc is None or not hasattr(libc, "mallopt") or not hasattr(libc, "malloc_trim"):
        return None
    return libc


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's arenas (call before the threads start); whether it applied."""
    libc = _libc()
    return bool(libc and libc.mallopt(M_ARENA_MAX, arenas))


def trim() -> bool:
    """Give the allocator's free memory back to the system; whether any was."""
    libc = _libc()
    return bool(libc and libc.malloc_trim(0))
