"""Lessons: which docks each shows, and how they are arranged by default.

A lesson's arrangement is not written down here: each registered panel names
its place (lesson, column, row) in ``panels.PANELS``, and ``arrangement``
gathers the panels of a lesson into columns of rows of tabs.  The
"everything" lesson shows every registered panel, each in the cell it has in
its own lesson.  This module keeps what belongs to a lesson itself: its title
and the relative sizes of its columns and rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from lossexplorer import panels


@dataclass(frozen=True)
class Lesson:
    """A lesson's title (translated in context "MainWindow") and its proportions."""

    title: str
    column_weights: tuple[int, ...]  # relative widths of the columns
    row_weights: tuple[tuple[int, ...], ...]  # relative heights of the rows, per column
    everything: bool = False  # shows every registered panel


DEFAULT_LESSON = "multiclass"
LESSONS = {
    "multiclass": Lesson(
        QT_TRANSLATE_NOOP("MainWindow", "Multi-class"), (50, 50), ((11, 9), (2, 5))
    ),
    "binary": Lesson(QT_TRANSLATE_NOOP("MainWindow", "Binary"), (55, 45), ((5, 7), (5, 6))),
    "everything": Lesson(
        QT_TRANSLATE_NOOP("MainWindow", "Everything"), (56, 44), ((11, 9), (2, 5)), everything=True
    ),
}


def arrangement(lesson: str) -> list[list[list[str]]]:
    """A lesson's columns, each a list of rows, each a list of dock keys shown as tabs."""
    if lesson not in LESSONS:
        raise ValueError(f"unknown lesson {lesson!r}")
    cells: dict[int, dict[int, list[str]]] = {}
    for spec in panels.PANELS:
        if LESSONS[lesson].everything or spec.place.lesson == lesson:
            cells.setdefault(spec.place.column, {}).setdefault(spec.place.row, []).append(spec.key)
    return [[rows[r] for r in sorted(rows)] for _, rows in sorted(cells.items())]


def lesson_keys(lesson: str) -> list[str]:
    """The dock keys that a lesson shows."""
    return [key for column in arrangement(lesson) for row in column for key in row]


def arrange(window, docks: dict, lesson: str) -> None:
    """Show ``lesson``'s docks in ``window`` in its default arrangement; hide the rest."""
    columns = arrangement(lesson)
    wanted = {k for k in lesson_keys(lesson) if k in docks}
    for key, dock in docks.items():
        dock.setFloating(False)
        if key not in wanted:
            dock.hide()
    firsts, rows_by_column = [], []
    for c, column in enumerate(columns):
        area = (
            Qt.DockWidgetArea.LeftDockWidgetArea
            if c == 0
            else Qt.DockWidgetArea.RightDockWidgetArea
        )
        above = None
        rows_by_column.append([])
        for row in column:
            row = [k for k in row if k in docks]
            if not row:
                continue
            first = docks[row[0]]
            if above is None:
                window.addDockWidget(area, first)
                firsts.append(first)
            else:
                window.splitDockWidget(above, first, Qt.Orientation.Vertical)
            for key in row[1:]:
                window.tabifyDockWidget(first, docks[key])
            for key in row:
                docks[key].show()
            first.raise_()
            rows_by_column[-1].append(first)
            above = first
    if len(firsts) == 2:
        weights = LESSONS[lesson].column_weights
        w = window.width()
        window.resizeDocks(
            firsts, [w * k // sum(weights) for k in weights], Qt.Orientation.Horizontal
        )
    for column_docks, weights in zip(rows_by_column, LESSONS[lesson].row_weights, strict=False):
        if len(column_docks) > 1:
            # a row the lesson has no weight for (a panel registered in a new row) gets the mean
            extra = len(column_docks) - len(weights)
            weights = weights[: len(column_docks)] + (sum(weights) // len(weights),) * extra
            h = window.height()
            sizes = [h * k // sum(weights) for k in weights]
            window.resizeDocks(column_docks, sizes, Qt.Orientation.Vertical)
