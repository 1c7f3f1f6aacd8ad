"""``Marker``: a constant-size dot, triangle or diamond at one data point."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from lossexplorer import style


def symbol_path(symbol: str, size: float) -> QPainterPath:
    """A marker outline ``size`` pixels across: "o" dot, "t" triangle up, "d" diamond."""
    r = size / 2
    path = QPainterPath()
    if symbol == "o":
        path.addEllipse(QPointF(0, 0), r, r)
    else:
        points = (
            [(0, -r), (r, 0.6 * r), (-r, 0.6 * r)]
            if symbol == "t"
            else [(0, -r), (r, 0), (0, r), (-r, 0)]
        )
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
        path.closeSubpath()
    return path


class Marker(QGraphicsPathItem):
    """A marker at one data point, ``size`` pixels across whatever the zoom.

    Qt paints it (no Python per paint) and a move is one ``setPos``: cheaper
    than a one-point ScatterPlotItem by far, which matters during a drag.
    """

    def __init__(self, colour, size: float = 16, symbol: str = "o", *, scale: float = 1.0):
        super().__init__(symbol_path(symbol, size * scale))
        self._size = size * scale
        self._symbol = symbol
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(style.pen("#ffffff", 2, scale=scale))
        self.setBrush(pg.mkBrush(colour))
        self.setZValue(10)

    def set_symbol(self, symbol: str) -> None:
        """Switch the shape ("o", "t" or "d"); a no-op if it is already that."""
        if symbol != self._symbol:
            self._symbol = symbol
            self.setPath(symbol_path(symbol, self._size))

    def symbol(self) -> str:
        """The current shape."""
        return self._symbol


def add_marker(
    plot_or_view, colour, size: float = 16, symbol: str = "o", *, scale: float = 1.0
) -> Marker:
    """A ``Marker`` added to a PlotItem or ViewBox without touching its ranges."""
    marker = Marker(colour, size, symbol, scale=scale)
    plot_or_view.addItem(marker, ignoreBounds=True)
    return marker
