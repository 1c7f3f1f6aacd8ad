"""``Band``: a shaded vertical band across a plot, painted by Qt alone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsRectItem


class Band(QGraphicsRectItem):
    """A shaded vertical band x in [lo, hi] across the whole height of a plot.

    Like a fixed ``pg.LinearRegionItem``, but painted by Qt alone: it moves on
    every step of the y-slider, so its cost matters.
    """

    HEIGHT = 1e9  # data units; the view clips it

    def __init__(self, brush):
        super().__init__()
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setBrush(brush)
        self.setZValue(-10)
        self._region = (0.0, 0.0)

    def setRegion(self, region):  # the LinearRegionItem name, so the two are interchangeable
        """Shade x from ``region[0]`` to ``region[1]`` (finite numbers)."""
        lo, hi = float(region[0]), float(region[1])
        if (lo, hi) != self._region:
            self._region = (lo, hi)
            self.setRect(QRectF(lo, -self.HEIGHT, hi - lo, 2 * self.HEIGHT))

    def getRegion(self):
        """The shaded (lo, hi)."""
        return self._region
