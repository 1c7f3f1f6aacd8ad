"""Lessons: which docks each shows, and how they are arranged by default."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

DEFAULT_LESSON = "multiclass"
# Each lesson: columns, each a list of rows, each a list of docks shown as tabs.
LESSONS = {
    "multiclass": [
        [["probabilities"], ["logits", "calculation"]],
        [["readout"], ["penalty"]],
    ],
    "binary": [
        [["sigmoid"], ["binary_loss"]],
        [["ce_prob"], ["race"]],
    ],
    "everything": [
        [["probabilities", "sigmoid"], ["logits", "calculation", "binary_loss"]],
        [["readout", "ce_prob"], ["penalty", "race"]],
    ],
}
# Relative widths of the columns and heights of the rows in each column.
COLUMN_WEIGHTS = {"multiclass": (50, 50), "binary": (55, 45), "everything": (56, 44)}
ROW_WEIGHTS = {
    "multiclass": [(11, 9), (2, 5)],
    "binary": [(5, 7), (5, 6)],
    "everything": [(11, 9), (2, 5)],
}
LESSON_TITLES = {
    "multiclass": QT_TRANSLATE_NOOP("MainWindow", "Multi-class"),
    "binary": QT_TRANSLATE_NOOP("MainWindow", "Binary"),
    "everything": QT_TRANSLATE_NOOP("MainWindow", "Everything"),
}


def lesson_keys(lesson: str) -> list[str]:
    """The dock keys that a lesson shows."""
    return [key for column in LESSONS[lesson] for row in column for key in row]


def arrange(window, docks: dict, lesson: str) -> None:
    """Show ``lesson``'s docks in ``window`` in its default arrangement; hide the rest."""
    if lesson not in LESSONS:
        raise ValueError(f"unknown lesson {lesson!r}")
    wanted = {k for k in lesson_keys(lesson) if k in docks}
    for key, dock in docks.items():
        dock.setFloating(False)
        if key not in wanted:
            dock.hide()
    firsts, rows_by_column = [], []
    for c, column in enumerate(LESSONS[lesson]):
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
        weights = COLUMN_WEIGHTS[lesson]
        w = window.width()
        window.resizeDocks(
            firsts, [w * k // sum(weights) for k in weights], Qt.Orientation.Horizontal
        )
    for column_docks, weights in zip(rows_by_column, ROW_WEIGHTS[lesson], strict=False):
        if len(column_docks) > 1:
            h = window.height()
            sizes = [h * k // sum(weights) for k in weights[: len(column_docks)]]
            window.resizeDocks(column_docks, sizes, Qt.Orientation.Vertical)
