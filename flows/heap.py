"""Python's cyclic garbage collector, kept off what a sync holds for its whole run.

A full collection walks every object the process tracks and stops every thread meanwhile: at
10,000 albums, with the collection read and planned, each one took 100-200 ms, a dozen times
during the enrichment (measured with gc.callbacks), and every EurIA place stood idle as long.
The records read before the enrichment stay until the load: frozen (gc.freeze), the
collector leaves them out; unfrozen when the enrichment ends, so a long-lived process (`serve`,
a worker) frees them as before. The load freezes them again with the rows (its collections
took 150-240 ms each: load and export 3.5 s at 10,000 albums, 2.8-2.9 s so).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def kept_out_of_collections() -> Iterator[None]:
    """The objects alive now are left out of the collector's walks until the block ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
