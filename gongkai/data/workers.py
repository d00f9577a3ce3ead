"""Processes that share out a run's work (the data's files, the build's parts) on every processor.

Workers are forked, so they start with what the run has loaded already. A Ctrl-C is the run's to
handle: workers ignore it, and a SIGTERM (the run ending them) ends a worker at once, since unwinding
it would leave the pool's locks held. Interrupts are held while the workers are forked: one that came
inside a fork would be lost there."""

from __future__ import annotations

import multiprocessing
import os
import signal
from multiprocessing.pool import Pool

INTERRUPTS = {signal.SIGINT, signal.SIGTERM}


def _take_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, INTERRUPTS)


def worker_pool(processes: int) -> Pool:
    """A pool of `processes` workers; use it in a `with`, which ends the workers however it is left."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    held = signal.pthread_sigmask(signal.SIG_BLOCK, INTERRUPTS)
    try:
        return multiprocessing.get_context(method).Pool(processes, initializer=_take_interrupts)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def processors() -> int:
    """The processors this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
