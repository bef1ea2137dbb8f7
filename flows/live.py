"""The live progress display of `discogs-sync run` in a terminal: one bar per service.

Drawn with rich, which Prefect already uses for its console logs: the display shares Prefect's
console, so the log lines scroll above the bars instead of tearing through them.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flows import progress


def prefect_console() -> Any:
    """The rich console Prefect's console log handler prints to, if logging is set up."""
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger(), *(logging.getLogger(name)
                                      for name in list(logging.root.manager.loggerDict))]
    for logger in loggers:
        for handler in logger.handlers:
            if isinstance(handler, PrefectConsoleHandler):
                return handler.console
    return None


def render(snapshot: progress.Snapshot | None, elapsed: float) -> Any:
    """The display for one snapshot: a header with the phase, then one row per service."""
    from rich.console import Group
    from rich.progress_bar import ProgressBar
    from rich.table import Table
    from rich.text import Text

    clock = time.strftime("%H:%M:%S", time.gmtime(elapsed))
    if snapshot is None:
        return Text(f"discogs-sync · starting · {clock}", style="bold")
    phase = "finished" if snapshot.finished else (snapshot.phase or "starting")
    done = len(snapshot.phases) + (0 if snapshot.finished else 1)
    header = Text(f"discogs-sync · {phase} ({min(done, len(progress.PHASES))}/"
                  f"{len(progress.PHASES)}) · {clock} · "
                  f"{progress.overall_percent(snapshot):.0f}% overall", style="bold")
    table = Table.grid(padding=(0, 1))
    for state in (*snapshot.past, *snapshot.services):
        if state.total is None:
            counts, bar = f"{progress.format_count(state.done)} albums", Text("")
        else:
            counts = (f"{progress.format_count(state.done)}/{progress.format_count(state.total)}"
                      f" {progress.percent(state):>3}%")
            # Colours by name: Prefect's console theme holds none of rich's named styles.
            bar = ProgressBar(total=max(1, state.total), completed=state.done, width=30,
                              style="grey23", complete_style="magenta",
                              finished_style="green", pulse_style="magenta")
        table.add_row(Text(f"  {state.name:<8}"), bar, Text(counts, justify="right"),
                      Text(progress.service_status(state, snapshot.now), style="dim"))
    return Group(header, table) if table.rows else header


@contextmanager
def live_display(enabled: bool = True) -> Iterator[None]:
    """Show the sync's progress live on the terminal until the block ends (nothing if not
    enabled, or if the console is not a terminal: logs stay plain there)."""
    console = prefect_console() if enabled else None
    if console is None or not console.is_terminal or console.is_dumb_terminal:
        yield
        return
    from rich.live import Live

    started = time.monotonic()
    last: list[progress.Snapshot] = []

    def current() -> Any:
        tracker = progress.current()
        if tracker is not None:
            last[:] = [tracker.snapshot()]
        return render(last[0] if last else None, time.monotonic() - started)

    # Prefect holds the real stderr: no redirection needed, and the bars stay the last lines.
    with Live(console=console, get_renderable=current, refresh_per_second=4,
              redirect_stdout=False, redirect_stderr=False):
        yield


def with_live_display(function: Callable[..., Any]) -> Callable[..., Any]:
    """function (the flow), run under the live display."""
    @functools.wraps(function)
    def shown(*args: Any, **kwargs: Any) -> Any:
        with live_display():
            return function(*args, **kwargs)
    return shown
