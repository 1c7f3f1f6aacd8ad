"""Fitting a plot to a classroom screen: honest minimum sizes, legends above the data, tick room.

What every panel needs so that nothing is cut or drawn over at any size down
to its minimum (``tests/fit_check.py``): a data area of at least
``MIN_DATA``, axes of a width fixed by their widest labels, a band above
the data for the legends (so they never cover a curve), titles wrapped to
the plot's width, the lowest tick label kept off the x axis's, and a
choice of the panel's minimum among the widths where its texts reflow.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QFontMetricsF, QTextDocument

from lossexplorer import style

MIN_DATA = (100, 70)  # the smallest readable data area, logical pixels
GAP = 6  # pixels between two texts in a plot, and between a text and the data's edge
TOP_MARGIN = 10  # make_plot's margin above the plot (the legends go inside it)
RIGHT_MARGIN = 18  # make_plot's margin right of a plot with no right axis
# A panel keeps its texts on one line if that needs no more than this (two
# such panels fit side by side on a 1024-pixel screen); else it wraps them.
COMPACT_WIDTH = 500


# ----------------------------------------------------------------- plot fitting
def fix_axis_width(axis, samples) -> None:
    """Fix a vertical axis's width to its widest sample tick label and its title.

    New ticks then never squeeze the data area below its minimum.
    """
    metrics = QFontMetricsF(axis.style["tickFont"])
    text = max(metrics.horizontalAdvance(s) for s in samples)
    title = axis.label.boundingRect().height() * 0.8  # as pyqtgraph counts it
    offset = axis.style["tickTextOffset"][0] + max(0, axis.style["tickLength"])
    axis.setWidth(math.ceil(text + offset + title))


def plot_minimum(plot, data, top: float, right: float, bottom: float | None = None):
    """The smallest size of ``plot`` round a data area of at least ``data`` (w, h).

    ``top`` and ``right`` are the pixels above and right of the data area:
    the legends' band; a margin, or an axis shown later.  ``bottom`` is the x
    axis's height, given when its title wraps (``fit_title``); by default
    its height now, and the data area as wide as its title.  Returns the
    plot's size and the data area's, which grows for titles longer than it.
    """
    item = plot.getPlotItem()
    # a vertical axis's title is centred on the data area: it may overhang
    # it by the margin above, no more
    titles = [item.getAxis(side) for side in ("left", "right")]
    length = max(a.label.boundingRect().width() - 8 for a in titles if a.labelText)
    # so is the x axis's, by the narrower of the axis on its left and what is on its right
    left_margin, _top, _right, bottom_margin = item.layout.getContentsMargins()
    left = item.getAxis("left").minimumWidth()
    if bottom is None:
        bottom = item.getAxis("bottom").minimumHeight()
        title = item.getAxis("bottom").label.boundingRect().width() - 8
        data = (max(data[0], title - 2 * min(left, right)), data[1])
    data = (data[0], max(data[1], length - 2 * TOP_MARGIN))
    frame = 2 * plot.frameWidth()
    width = math.ceil(left_margin + left + data[0] + right) + frame
    height = math.ceil(top + data[1] + bottom + bottom_margin) + frame
    return QSize(width, height), data


def hold_data_area(plot, data, top: float, right: float, bottom: float | None = None) -> None:
    """Make ``plot`` no smaller than a data area of ``data`` (w, h) with its axes round it."""
    size, data = plot_minimum(plot, data, top, right, bottom)
    plot.getPlotItem().getViewBox().setMinimumSize(*data)
    plot.setMinimumSize(size)


def room_below(view_box, axis, lowest_tick: float, top: float, pad: float) -> float:
    """The bottom of a y view up to ``top`` that keeps the lowest tick label off the x axis's.

    ``axis`` (a vertical one) centres each tick label on its tick: the label
    at ``lowest_tick`` must end above the x axis's labels, just below the
    data area.  ``pad`` is the least room below the tick, in data units.
    """
    half = QFontMetricsF(axis.style["tickFont"]).height() * 0.4  # pyqtgraph draws 0.8 of it
    below = max(0.0, half - axis.style["tickTextOffset"][1] + 1.0)
    height = view_box.height()
    if height <= below:
        return lowest_tick - pad
    return lowest_tick - max(pad, (top - lowest_tick) * below / (height - below))


def fit_title(axis, room: float) -> None:
    """Wrap a horizontal axis's title onto lines of even length when it is longer than ``room``."""
    label = axis.label
    label.setTextWidth(-1)
    natural = label.boundingRect().width()
    if natural > room:
        document = label.document()
        option = document.defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        document.setDefaultTextOption(option)
        label.setTextWidth(room)
        height = label.boundingRect().height()
        # the narrowest width that still takes no more lines than ``room`` does
        lo, hi = natural / math.ceil(natural / room), room
        while hi - lo > 2.0:
            mid = (lo + hi) / 2
            label.setTextWidth(mid)
            lo, hi = (lo, mid) if label.boundingRect().height() <= height else (mid, hi)
        label.setTextWidth(hi)
    axis.setHeight(None)  # its height follows the title's
    axis.resizeEvent()  # pyqtgraph centres the title there


def title_size(axis, room: float = -1) -> QSizeF:
    """The size of a horizontal axis's title wrapped to ``room`` pixels (-1: on one line)."""
    # A new document, not the title's clone(): PySide never frees a clone (one
    # leaked document a call), and deleting it by hand crashes later.
    label = axis.label
    document = QTextDocument()
    document.setDocumentMargin(label.document().documentMargin())
    document.setDefaultFont(label.font())
    document.setHtml(label.toHtml())
    if room >= 0 and document.size().width() > room:
        document.setTextWidth(max(room, 1.0))
    return document.size()


def title_height(axis, room: float) -> float:
    """A horizontal axis's height with its title wrapped to ``room`` pixels (``fit_title``)."""
    style_ = axis.style
    ticks = style_["tickTextHeight"] + style_["tickTextOffset"][1] + max(0, style_["tickLength"])
    return ticks + 0.8 * title_size(axis, room).height()  # as pyqtgraph counts the title


def least_height(height_for, narrowest: int, steps) -> QSize:
    """The narrowest width, up to ``COMPACT_WIDTH``, with the least ``height_for(width)``.

    ``narrowest`` is the least width there is; ``steps`` are the widths
    where the height may fall (a text goes onto one line).
    """
    widths = {narrowest} | {math.ceil(w) for w in steps if narrowest < w <= COMPACT_WIDTH}
    return min((QSize(w, height_for(w)) for w in widths), key=lambda s: (s.height(), s.width()))


class ScaledSample(pg.ItemSample):
    """A legend's line sample, drawn ``scale`` times pyqtgraph's 20 pixels."""

    def __init__(self, item, scale: float = 1.0):
        super().__init__(item)
        self._scale = scale
        self.setFixedWidth(20 * scale)
        self.setFixedHeight(20 * scale)

    def boundingRect(self):
        return QRectF(0, 0, 20 * self._scale, 20 * self._scale)

    def paint(self, p, *args):
        p.scale(self._scale, self._scale)  # the pen is cosmetic: its width stays
        super().paint(p, *args)


def legend_above(plot, curves, scale: float) -> pg.LegendItem:
    """A legend for ``curves`` above the data area (``place_legends``), where no curve is."""
    legend = pg.LegendItem(
        sampleType=ScaledSample,
        labelTextSize=style.points_css(style.BASE_POINT_SIZE, scale),
    )
    legend.layout.setContentsMargins(2, 2, 2, 2)
    legend.setParentItem(plot.getPlotItem())
    for curve in curves:
        legend.addItem(ScaledSample(curve, scale), "")
    return legend


def legend_size(legend, columns: int) -> tuple[float, float]:
    """``legend``'s size with its entries in ``columns`` columns, as its layout sets it."""
    grid = legend.layout
    left, top, right, bottom = grid.getContentsMargins()
    cells = [
        (
            s.minimumWidth(),
            label.minimumWidth(),
            max(s.minimumHeight(), label.minimumHeight()),
        )
        for s, label in legend.items
    ]
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    spacing = grid.horizontalSpacing()
    widths = [sum(a + b for a, b, _ in row) + spacing * (2 * len(row) - 1) for row in rows]
    heights = [max(h for _, _, h in row) for row in rows]
    height = sum(heights) + grid.verticalSpacing() * (len(rows) - 1)
    return max(widths) + left + right, height + top + bottom


def legend_columns(legend, width: float) -> int:
    """``legend``'s entries in one row if they fit ``width``, else in two, else in one column."""
    count = len(legend.items)
    for columns in sorted({count, (count + 1) // 2}, reverse=True):
        if legend_size(legend, columns)[0] <= width:
            return columns
    return 1


def place_legends(plot, legends) -> float:
    """Lay the shown ``legends`` out, one above the other, in a band above the data area.

    Each gets one row if it fits over the data area, else one column.
    Returns the band's height (the plot layout's top margin).
    """
    item = plot.getPlotItem()
    view = item.getViewBox()
    centre = view.geometry().center().x() - item.size().width() / 2
    y = TOP_MARGIN / 2
    for legend in legends:
        if not legend.isVisible():
            continue
        columns = legend_columns(legend, view.width())
        if columns != legend.columnCount:
            legend.setColumnCount(columns)
        legend.layout.activate()
        legend.setGeometry(QRectF(0, 0, *legend_size(legend, columns)))  # no wider than its rows
        legend.anchor(itemPos=(0.5, 0.0), parentPos=(0.5, 0.0), offset=(centre, y))
        y += legend.height()
    band = y + TOP_MARGIN / 2
    left, top, right, bottom = item.layout.getContentsMargins()
    if abs(top - band) > 0.5:
        item.layout.setContentsMargins(left, band, right, bottom)
    return band


def band_height(legends, width: float) -> float:
    """The legends' band above a data area ``width`` wide (``place_legends``)."""
    heights = (legend_size(g, legend_columns(g, width))[1] for g in legends)
    return TOP_MARGIN + sum(heights)


class HeightForWidth:
    """A panel mixin: its least height at a width, from ``_narrowest()`` and ``_height_for(width)``.

    ``minimumSizeHint`` is one point of this: a layout that knows a panel's
    width first can ask for the height it needs there.
    """

    def minimum_height_at(self, width: int) -> int:
        """The least height the panel needs at ``width`` (16777215 below its narrowest)."""
        if width < self._narrowest():
            return 16777215  # QWIDGETSIZE_MAX: no height makes it fit
        return self._height_for(width)
