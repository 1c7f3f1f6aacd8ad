"""Lessons: which docks each shows, and how they are arranged by default.

A lesson's arrangement is not written down here: each registered panel names
its place (lesson, column, row) in ``panels.PANELS``, and ``arrangement``
gathers the panels of a lesson into columns of rows of tabs.  The
"everything" lesson shows every registered panel, each in the cell it has in
its own lesson (side by side with the other lesson's when the screen allows).
This module keeps what belongs to a lesson itself (its title and the relative
sizes of its columns and rows) and the more compact arrangements (``compact``
levels, more panels behind tabs) that a smaller screen or a bigger
presentation scale needs: ``fitting_level`` picks the first that fits.
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
    shows: tuple[str, ...] = ()  # a lesson made of these lessons' panels (side by side)

    @property
    def everything(self) -> bool:
        """Whether the lesson shows other lessons' panels together."""
        return bool(self.shows)


DEFAULT_LESSON = "multiclass"
LESSONS = {
    "multiclass": Lesson(
        QT_TRANSLATE_NOOP("MainWindow", "Multi-class"), (50, 50), ((11, 9), (2, 5))
    ),
    "binary": Lesson(QT_TRANSLATE_NOOP("MainWindow", "Binary"), (55, 45), ((5, 7), (5, 6))),
    "everything": Lesson(
        QT_TRANSLATE_NOOP("MainWindow", "Everything"),
        (56, 44),
        ((11, 9), (2, 5)),
        shows=("multiclass", "binary"),  # the two seeds' lessons
    ),
    "training": Lesson(QT_TRANSLATE_NOOP("MainWindow", "Training"), (42, 58), ((64, 36), (56, 44))),
}
SEPARATOR = 6  # pixels between two docks (Qt's dock separator and margins)


def arrangement(lesson: str, compact: int = 0) -> list[list[list[str]]]:
    """A lesson's columns, each a list of rows, each a list of dock keys shown as tabs.

    ``compact`` 0 is the lesson as designed; each level after it puts more
    panels behind tabs, for a smaller screen or a bigger presentation scale
    (``levels``): the "everything" lesson first shows its lessons' columns
    side by side, then pairs their panels as tabs cell by cell; then one
    column at a time becomes one row of tabs (the first column first), then
    every column, and last the whole lesson is one row of tabs.
    """
    if lesson not in LESSONS:
        raise ValueError(f"unknown lesson {lesson!r}")
    if not (isinstance(compact, int) and 0 <= compact < levels(lesson)):
        raise ValueError(f"lesson {lesson!r} has no compact level {compact!r}")
    everything = LESSONS[lesson].everything
    if everything and compact == 0:
        return _cells(lesson, side_by_side=True)
    columns = _cells(lesson, side_by_side=False)
    step = compact - (1 if everything else 0)  # levels of tabbing past the designed cells
    if step == 0:
        return columns
    if step <= len(columns):  # one column tabbed
        return [
            [[key for row in column for key in row]] if c == step - 1 else column
            for c, column in enumerate(columns)
        ]
    columns = [[[key for row in column for key in row]] for column in columns]
    if step == len(columns) + 1:  # every column tabbed
        return columns
    return [[[key for column in columns for key in column[0]]]]


def _cells(lesson: str, side_by_side: bool) -> list[list[list[str]]]:
    shows = LESSONS[lesson].shows
    cells: dict[int, dict[int, list[str]]] = {}
    for spec in panels.PANELS:
        if spec.place.lesson in shows or spec.place.lesson == lesson:
            column = spec.place.column
            if side_by_side:
                column += 2 * shows.index(spec.place.lesson)
            cells.setdefault(column, {}).setdefault(spec.place.row, []).append(spec.key)
    return [[rows[r] for r in sorted(rows)] for _, rows in sorted(cells.items())]


def levels(lesson: str) -> int:
    """How many arrangements ``lesson`` has, from as designed to all in one row of tabs."""
    columns = len(_cells(lesson, side_by_side=False))
    return columns + 3 + (1 if LESSONS[lesson].everything else 0)


def lesson_keys(lesson: str) -> list[str]:
    """The dock keys that a lesson shows."""
    return [key for column in arrangement(lesson) for row in column for key in row]


def weights(lesson: str, compact: int) -> tuple[tuple[int, ...], tuple[tuple[int, ...], ...]]:
    """The relative column widths and, per column, row heights of an arrangement."""
    columns = arrangement(lesson, compact)
    spec = LESSONS[lesson]
    if spec.everything and compact == 0:
        column_weights, row_weights = (), ()
        for name in spec.shows:
            column_weights += LESSONS[name].column_weights
            row_weights += LESSONS[name].row_weights
    else:
        column_weights, row_weights = spec.column_weights, spec.row_weights
    if len(column_weights) != len(columns):
        column_weights = (1,) * len(columns)
    rows = []
    for column, column_rows in zip(columns, row_weights + ((),) * len(columns), strict=False):
        if len(column) == len(column_rows):
            rows.append(column_rows)
        else:
            rows.append((1,) * len(column))
    return column_weights, tuple(rows)


def needed_size(
    columns, minimum_of, tab_width_of, tab_height: int, width=None, column_weights=None
) -> tuple[int, int]:
    """The smallest size that shows ``columns`` with every dock at least its minimum.

    ``minimum_of(key, width=None)`` is a dock's minimum (width, height) with
    its title (its height at ``width``, when given: a wider panel may need
    less height), ``tab_width_of(key)`` the width of its tab, ``tab_height``
    a tab bar's.  Given the ``width`` to share and the ``column_weights``,
    each column's height is measured at the width it would get.
    """
    minimum_widths = []
    for column in columns:
        column_width = 0
        for row in column:
            row_width = max(minimum_of(key)[0] for key in row)
            if len(row) > 1:
                row_width = max(row_width, sum(tab_width_of(key) for key in row))
            column_width = max(column_width, row_width)
        minimum_widths.append(column_width)
    total = sum(minimum_widths) + SEPARATOR * (len(columns) - 1)
    widths = minimum_widths
    if width is not None and column_weights is not None and total <= width:
        room = width - SEPARATOR * (len(columns) - 1)
        widths = share(room, column_weights[: len(columns)], minimum_widths)
    height = 0
    for column, column_width in zip(columns, widths, strict=True):
        column_height = SEPARATOR * (len(column) - 1)
        for row in column:
            column_height += max(minimum_of(key, column_width)[1] for key in row)
            if len(row) > 1:
                column_height += tab_height
        height = max(height, column_height)
    return total, height


def fitting_level(lesson: str, fits) -> int:
    """The least compact level of ``lesson`` that ``fits(columns, column_weights)``, or the last."""
    for compact in range(levels(lesson)):
        if fits(arrangement(lesson, compact), weights(lesson, compact)[0]):
            return compact
    return levels(lesson) - 1


def share(total: int, weights, minimums) -> list[int]:
    """``total`` pixels split in proportion to ``weights``, each part at least its minimum.

    What a part needs above its share is taken from the parts that have more
    than their minimum, in proportion to what they have to spare.
    """
    parts = [total * w / sum(weights) for w in weights]
    short = sum(max(m - p, 0) for p, m in zip(parts, minimums, strict=True))
    spare = [max(p - m, 0) for p, m in zip(parts, minimums, strict=True)]
    if short and sum(spare):
        take = min(1.0, short / sum(spare))
        parts = [max(p, m) - s * take for p, m, s in zip(parts, minimums, spare, strict=True)]
    return [int(p) for p in parts]


def arrange(window, docks: dict, lesson: str, compact: int = 0, room=None, minimum_of=None):
    """Show ``lesson``'s docks in ``window`` arranged at level ``compact``; hide the rest.

    ``room`` is the (width, height) the docks share and ``minimum_of(key)`` a
    dock's minimum (width, height): the columns and rows are sized by the
    lesson's weights, but never below a dock's minimum.
    """
    room = room or (window.width(), window.height())
    minimum_of = minimum_of or (lambda key, width=None: (0, 0))
    columns = arrangement(lesson, compact)
    column_weights, row_weights = weights(lesson, compact)
    wanted = {k for k in lesson_keys(lesson) if k in docks}
    for key, dock in docks.items():
        dock.setFloating(False)
        if key not in wanted:
            dock.hide()
    firsts, rows_by_column = [], []
    half = (len(columns) + 1) // 2
    for c, column in enumerate(columns):
        area = (
            Qt.DockWidgetArea.LeftDockWidgetArea
            if c < half
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
                if firsts and (len(firsts) - 1 < half) == (c < half):  # same side: split it
                    window.splitDockWidget(firsts[-1], first, Qt.Orientation.Horizontal)
                else:
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
    column_widths = [room[0]] * len(columns)
    if len(firsts) > 1:
        widths = [
            max(minimum_of(key)[0] for row in column for key in row if key in docks)
            for column in columns
        ]
        total = room[0] - SEPARATOR * (len(firsts) - 1)
        column_widths = share(total, column_weights[: len(firsts)], widths[: len(firsts)])
        window.resizeDocks(firsts, column_widths, Qt.Orientation.Horizontal)
    for column, column_docks, column_rows, width in zip(
        columns, rows_by_column, row_weights, column_widths, strict=False
    ):
        if len(column_docks) > 1:
            heights = [
                max(minimum_of(key, width)[1] for key in row if key in docks) for row in column
            ]
            total = room[1] - SEPARATOR * (len(column_docks) - 1)
            sizes = share(total, column_rows[: len(column_docks)], heights[: len(column_docks)])
            window.resizeDocks(column_docks, sizes, Qt.Orientation.Vertical)
