"""A progress line on stderr for `parley code` and `parley ingest`: documents done, failures and time, shown
only while stderr is a terminal (never in a pipe, a file or a CI log) and gone when the run ends. `parley code`
shows it only when its output does not go to that terminal too (``--out`` or stdout redirected): the output
scrolling by is progress enough there, and the line would be drawn between its lines.

The inputs are read lazily (a feed, a folder, a JSON Lines corpus of any size), so the number of documents is
not known in advance: the line counts up rather than filling a bar.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class Tally:
    """What the command reports as it goes; silent unless a progress display is attached."""

    def __init__(self, progress: Progress | None = None, label: str = "") -> None:
        self._progress = progress
        self._task = progress.add_task(label, total=None, failed=0) if progress is not None else None
        self.done = 0
        self.failed = 0

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def update(self, done: int, failed: int) -> None:
        """Set the counts: documents done (coded, stored, skipped or failed) and how many of them failed."""
        self.done, self.failed = done, failed
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=done, failed=failed)

    def advance(self, failed: bool = False) -> None:
        self.update(self.done + 1, self.failed + int(failed))


def showing(console: Console, force: bool | None = None) -> bool:
    """Whether to show progress on ``console``: when it writes to a terminal (``force`` decides in tests)."""
    return console.is_terminal if force is None else force


@contextmanager
def progress(console: Console, label: str, force: bool | None = None) -> Iterator[Tally]:
    """A Tally whose counts are drawn on ``console`` (stderr) while it is a terminal; a silent one otherwise."""
    if not showing(console, force):
        yield Tally()
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed:,} documents"),
               TextColumn("{task.fields[failed]:,} failed"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        yield Tally(bar, label)


__all__ = ["Tally", "progress", "showing"]
