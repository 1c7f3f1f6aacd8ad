"""What the training lesson's panels share: class colours and symbols, points, a flow layout.

The classes are cat (0), dog (1) and bird (2), drawn in Okabe-Ito colours
that no loss uses in this lesson (cross-entropy stays blue and MSE
vermillion), each with its own symbol so that they differ without colour too.
"""

# X: the name for the points (n x 2), kept as in lossexplorer.training
# ruff: noqa: N803

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QWidget

from lossexplorer import i18n, style

CLASS_COLOURS = (style.OKABE_ITO["orange"], style.OKABE_ITO["sky"], style.OKABE_ITO["purple"])
CLASS_SYMBOLS = ("o", "s", "t1")  # circle, square, triangle (pyqtgraph's names)
OUTLINE = "#222222"
LOSS_COLOURS = {"ce": style.CE, "mse": style.MSE}


def class_name(label: int) -> str:
    """The translated name of class ``label``: cat, dog or bird."""
    return i18n.class_name(i18n.CLASS_NAMES[label])


def class_icon(label: int, size: int) -> QIcon:
    """A class's symbol in its colour, ``size`` pixels across (for a button)."""
    ratio = style.device_pixel_ratio()
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(pg.mkPen(OUTLINE, width=1.2))
    painter.setBrush(pg.mkBrush(CLASS_COLOURS[label]))
    painter.translate(size / 2, size / 2)
    painter.scale(size * 0.8, size * 0.8)
    painter.drawPath(Symbols[CLASS_SYMBOLS[label]])  # a unit path, as the scatter draws it
    painter.end()
    return QIcon(pixmap)


class _Points(pg.ScatterPlotItem):
    """A scatter item that leaves every click to the view under it (the panel's to handle)."""

    def mouseClickEvent(self, ev):
        ev.ignore()


class PointCloud:
    """The training points in a plot: one scatter item per class, drawn over the rest."""

    def __init__(self, plot_item, size: float, scale: float):
        self.items = []
        for label in range(len(CLASS_COLOURS)):
            item = _Points(
                size=size * scale,
                symbol=CLASS_SYMBOLS[label],
                pen=pg.mkPen(OUTLINE, width=max(1.0, scale)),
                brush=pg.mkBrush(CLASS_COLOURS[label]),
                pxMode=True,
                hoverable=False,
            )
            item.setZValue(10)
            # the points do not move while the runs do: the map under them
            # repaints, and the points come from a pixmap
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            plot_item.addItem(item, ignoreBounds=True)
            self.items.append(item)
        self._shown = [None] * len(self.items)  # each class's points as drawn (bytes)

    def set_points(self, X: np.ndarray, labels: np.ndarray) -> None:
        """Show these points: only the classes whose points changed are drawn again
        (a drag moves one point of one class)."""
        for label, item in enumerate(self.items):
            mine = X[labels == label]
            key = mine.tobytes()
            if key != self._shown[label]:
                self._shown[label] = key
                item.setData(x=mine[:, 0], y=mine[:, 1])

    def data(self, label: int) -> tuple[np.ndarray, np.ndarray]:
        """The x and y drawn for class ``label`` (for the tests)."""
        x, y = self.items[label].getData()
        return np.asarray(x), np.asarray(y)


class LineSample(QWidget):
    """A run's line, as in the plots, before its text: a legend outside the data."""

    def __init__(self, pen, scale: float):
        super().__init__()
        self._pen = pen
        self.setFixedSize(round(28 * scale), round(12 * scale))

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._pen)
        y = round(self.height() / 2)
        painter.drawLine(QPointF(2, y), QPointF(self.width() - 2, y))


def view_option(model, name: str, fallback):
    """The display's view option ``name``, or ``fallback`` where the display has no such
    option (then the panel keeps it, and it does not survive a rebuild)."""
    try:
        return model.display.view(name)
    except KeyError:
        return fallback


def set_view_option(model, name: str, value) -> bool:
    """Set the display's view option ``name``; False where the display has no such option."""
    try:
        model.display.set_view(name, value)
    except ValueError:
        return False
    return True


# ------------------------------------------------------------------ plot sizes
GAP = 6  # pixels between two tick labels


def nice_ceiling(x: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at least ``x`` (> 0)."""
    power = 10.0 ** math.floor(math.log10(x))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= x * (1 - 1e-12))


def minor_step(step: float) -> float:
    """The minor tick spacing under ``step`` (1, 2 or 5 × 10ⁿ) whose labels are exact:
    half of it, but a fifth of a 5 (pyqtgraph would write 2.5 as "2")."""
    mantissa = step / 10.0 ** math.floor(math.log10(step))
    return step / 5 if round(mantissa) == 5 else step / 2


def tick_step(span: float, pixels: float, label: float) -> float:
    """The smallest step of 1, 2 or 5 × 10ⁿ whose tick labels, ``label`` pixels long, never meet."""
    if not (span > 0.0 and pixels > 0.0):
        return max(span, 1.0)
    return nice_ceiling((label + 2 * GAP) * span / pixels)


def fix_left_axis(plot, samples) -> None:
    """Fix a plot's left axis to its widest sample tick label and its title.

    New ticks then never squeeze the data area below its minimum.
    """
    axis = plot.getPlotItem().getAxis("left")
    metrics = QFontMetricsF(axis.style["tickFont"])
    text = max(metrics.horizontalAdvance(s) for s in samples)
    title = axis.label.boundingRect().height() * 0.8 if axis.labelText else 0.0
    offset = axis.style["tickTextOffset"][0] + max(0, axis.style["tickLength"])
    axis.setWidth(math.ceil(text + offset + title))


def hold_data_area(plot, width: float, height: float) -> None:
    """Make ``plot`` no smaller than a data area of ``width`` × ``height`` with its axes.

    The data area also grows where an axis title is longer than it.
    """
    item = plot.getPlotItem()
    left_margin, top, right, bottom_margin = item.layout.getContentsMargins()
    left_axis, bottom_axis = item.getAxis("left"), item.getAxis("bottom")
    left = left_axis.minimumWidth() if left_axis.isVisible() else 0.0  # as fix_left_axis set it
    bottom = bottom_axis.minimumHeight() if bottom_axis.isVisible() else 0.0
    if bottom_axis.isVisible() and bottom_axis.labelText:
        width = max(width, bottom_axis.label.boundingRect().width() - 8 - 2 * min(left, right))
    if left_axis.isVisible() and left_axis.labelText:
        height = max(height, left_axis.label.boundingRect().width() - 8 - 2 * top)
    item.getViewBox().setMinimumSize(width, height)
    frame = 2 * plot.frameWidth()
    plot.setMinimumSize(
        math.ceil(left_margin + left + width + right) + frame,
        math.ceil(top + height + bottom + bottom_margin) + frame,
    )
