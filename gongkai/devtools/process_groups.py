"""Ending a command the benchmarks started in its own process group, with every process it started."""

from __future__ import annotations

import os
import signal
import subprocess


def end_group(process: subprocess.Popen, first: signal.Signals = signal.SIGTERM, wait: float = 5) -> None:
    """Send the group `first`, then SIGKILL if it has not ended within `wait` seconds."""
    for sig in (first, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue
