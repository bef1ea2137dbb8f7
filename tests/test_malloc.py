"""One malloc arena for the sync's process where glibc allows it, nothing elsewhere."""

from __future__ import annotations

import ctypes
import subprocess
import sys

import pytest

from flows import malloc


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's setting")
def test_glibc_takes_the_limit_and_threads_still_allocate():
    code = ("import threading; from flows.malloc import limit_arenas; print(limit_arenas()); "
            "out = []; t = threading.Thread(target=lambda: out.append(bytes(1 << 20) * 8)); "
            "t.start(); t.join(); print(len(out[0]))")
    probe = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert probe.stdout.split() == ["True", str(8 << 20)]


def test_other_systems_are_left_alone(monkeypatch):
    def no_library(*args):
        raise AssertionError("no C library is loaded off Linux")

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    assert malloc.limit_arenas(platform="darwin") is False
    assert malloc.limit_arenas(platform="win32") is False


def test_a_c_library_without_mallopt_is_skipped(monkeypatch):
    class Musl:  # musl's libc has no mallopt
        pass

    monkeypatch.setattr(ctypes, "CDLL", lambda *args: Musl())
    assert malloc.limit_arenas(platform="linux") is False


def test_no_c_library_to_load_is_skipped(monkeypatch):
    def missing(*args):
        raise OSError("cannot open shared object file")

    monkeypatch.setattr(ctypes, "CDLL", missing)
    assert malloc.limit_arenas(platform="linux") is False
