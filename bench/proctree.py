"""The process tree's memory and CPU, read from /proc while a run goes."""


from __future__ import annotations

import os
import threading
import time

SAMPLE_S = 0.2  # how often the process tree's memory is read


def _proc_table() -> dict[int, tuple[int, int, float]]:
    """pid -> (parent pid, RSS bytes, CPU seconds) of every process (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    table = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # after "pid (comm)": state ppid ... utime(11) stime(12) ... rss(21) in pages
        table[int(entry.name)] = (int(fields[1]), int(fields[21]) * page,
                                  (int(fields[11]) + int(fields[12])) / tick)
    return table


def descendants(table: dict[int, tuple[int, int, float]], root: int) -> set[int]:
    """root and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, (ppid, _, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in table and pid not in found:
            found.add(pid)
            todo += children.get(pid, [])
    return found


class TreeSampler:
    """Reads the memory and CPU of a process and its descendants every SAMPLE_S, in a thread."""

    def __init__(self, root: int):
        self.root = root
        self.peak_tree = 0  # bytes, the most the tree held at one sample
        self.peak: dict[str, int] = {"sync": 0, "server": 0}  # each part's own peak
        self.cpu: dict[int, float] = {}  # pid -> last CPU seconds seen
        self.series: list[tuple[float, int, int]] = []  # (monotonic, sync MB, the rest MB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(SAMPLE_S)

    def sample(self) -> None:
        table = _proc_table()
        tree = descendants(table, self.root)
        if not tree:
            return
        rss = {pid: table[pid][1] for pid in tree}
        self.peak_tree = max(self.peak_tree, sum(rss.values()))
        self.peak["sync"] = max(self.peak["sync"], rss.get(self.root, 0))
        self.peak["server"] = max(self.peak["server"],
                                  sum(v for pid, v in rss.items() if pid != self.root))
        for pid in tree:
            self.cpu[pid] = table[pid][2]
        mine = rss.get(self.root, 0)
        self.series.append((time.monotonic(), mine >> 20, (sum(rss.values()) - mine) >> 20))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def cpu_s(self) -> dict[str, float]:
        return {"sync": self.cpu.get(self.root, 0.0),
                "server": sum(v for pid, v in self.cpu.items() if pid != self.root)}
