"""A process pool that keeps input order, bounds memory and survives dead workers.

`ordered_map` sends chunks of tasks to worker processes and yields each
chunk's result in input order.  At most ``window`` chunks are out at a time,
so memory stays the same however long the input is.

A worker that dies (killed, out of memory, a crash in an extension) breaks a
`concurrent.futures` pool, and every chunk then out fails with it.  Those
chunks are run again one at a time, so that the one whose run kills a worker
is known; it is split into single tasks, and a single task that kills a
worker becomes a record with the error ``worker-died``.  No innocent task is
blamed, and every task gives exactly one result.

Workers ignore Ctrl-C: the main process takes it, stops sending work, and
lets the caller close its output with every finished record in it.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

from newsdoc.corpus._records import RecordError
from newsdoc.corpus._sources import Kind, Task

__all__ = ["chunked", "ordered_map"]

R = TypeVar("R")

_DIED = (
    "worker-died",
    "the worker process reading this input died (killed, out of memory, or crashed)",
)


def chunked(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    """The tasks in lists of ``size`` (the last one shorter)."""
    iterator = iter(tasks)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _executor(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process, not a copy of one that may
    # hold threads (a progress bar's, a caller's) or open files.
    context = multiprocessing.get_context("forkserver")
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_interrupts)


def ordered_map(
    fn: Callable[[list[Task]], R],
    chunks: Iterable[list[Task]],
    workers: int,
    window: int | None = None,
) -> Iterator[R]:
    """``fn(chunk)`` for each chunk, run in ``workers`` processes, in input order.

    ``fn`` must be picklable (a module-level function, or a `functools.partial`
    of one).  ``window`` (default ``4 * workers``) bounds the chunks out at once.
    """
    window = window or 4 * workers
    executor = _executor(workers)
    out: deque[tuple[list[Task], Future[R]]] = deque()
    suspects: deque[list[Task]] = deque()
    pending = iter(chunks)
    try:
        while True:
            if suspects:
                chunk = suspects.popleft()
                try:
                    yield executor.submit(fn, chunk).result()
                except BrokenProcessPool:
                    executor = _replace(executor, workers)
                    if len(chunk) > 1:
                        suspects.extendleft(reversed([[task] for task in chunk]))
                    else:
                        yield fn([_died(chunk[0])])
                continue
            while len(out) < window and (chunk := next(pending, [])):
                out.append((chunk, executor.submit(fn, chunk)))
            if not out:
                return
            chunk, future = out[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                # Every chunk out failed with the pool: run them again one by one.
                suspects.extend(c for c, _ in out)
                out.clear()
                executor = _replace(executor, workers)
                continue
            out.popleft()
            yield result
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _replace(executor: ProcessPoolExecutor, workers: int) -> ProcessPoolExecutor:
    executor.shutdown(wait=True, cancel_futures=True)
    return _executor(workers)


def _died(task: Task) -> Task:
    return Task(task.source, Kind.FAILED, None, RecordError(*_DIED))
