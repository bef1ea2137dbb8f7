"""Files written whole: a reader, or a process killed mid-write, sees the old or the new one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fsync_path(path: str | Path) -> None:
    """Flush a file, or a folder's entries (after a rename), to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class StagedText:
    """A text file written piece by piece beside path; publish() renames it over path (the
    file's mode is kept; a new file gets 0o644, not mkstemp's 0o600), discard() drops it."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                   suffix=".tmp")
        self.tmp = Path(tmp)
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self._handle.write(text)

    def close(self) -> None:
        """Flush what was written to disk (publish() does it when not done yet)."""
        if self._handle.closed:
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.chmod(self.tmp, self.path.stat().st_mode & 0o7777 if self.path.exists() else 0o644)

    def publish(self) -> Path:
        try:
            self.close()
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        fsync_path(self.path.parent)
        return self.path

    def discard(self) -> None:
        self._handle.close()
        self.tmp.unlink(missing_ok=True)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write text beside path, flush it, and rename it over path."""
    staged = StagedText(path)
    try:
        staged.write(text)
    except BaseException:
        staged.discard()
        raise
    staged.publish()
