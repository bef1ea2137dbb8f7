"""Prefect's temporary server as the CLI spawns it (flows/temporary_server.py)."""

from __future__ import annotations

import subprocess

from flows.temporary_server import _server_command


def test_the_server_runs_without_docstrings():
    """-OO: the server's ~2,000 modules are loaded without their docstrings (12 MB less)."""
    command = _server_command(8123)
    python = command[:command.index("-m")]
    probe = subprocess.run([*python, "-c", "import sys, json; print(sys.flags.optimize, "
                            "json.__doc__)"], capture_output=True, text=True, check=True)
    assert probe.stdout.split() == ["2", "None"]
    assert command[command.index("-m"):][:2] == ["-m", "uvicorn"]
