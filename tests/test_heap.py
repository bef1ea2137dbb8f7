"""flows/heap.py: what a sync holds is left out of the collector's walks during its run only."""

from __future__ import annotations

import gc

import pytest

from flows.heap import kept_out_of_collections


def test_objects_alive_at_the_start_are_frozen_for_the_block_only():
    records = [{"album_key": f"a|{n}"} for n in range(1_000)]
    assert gc.get_freeze_count() == 0
    with kept_out_of_collections():
        assert gc.get_freeze_count() >= len(records)
    assert gc.get_freeze_count() == 0


def test_the_heap_is_unfrozen_when_the_run_fails():
    with pytest.raises(RuntimeError), kept_out_of_collections():
        raise RuntimeError("a step failed")
    assert gc.get_freeze_count() == 0
