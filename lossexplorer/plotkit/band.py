"""``Band``: a shaded vertical band across a plot, painted by Qt alone."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem


class Band(QGraphicsRectItem):
    """A shaded vertical band x in [lo, hi] across the whole height of a plot.

    Like a fixed ``pg.LinearRegionItem``, but painted by Qt alone: it moves on
    every step of the y-slider, so its cost matters.  In a view its rectangle
    reaches one view's size past every edge, and no further: Qt's raster
    engine draws nothing millions of pixels long, as a rectangle of "all
    heights" would be at a close zoom.  It is fitted again when the view's
    range changes.
    """

    HEIGHT = 1e9  # data units above and below 0, until the band is in a view

    def __init__(self, brush):
        super().__init__()
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setBrush(brush)
        self.setZValue(-10)
        self._region = (0.0, 0.0)
        self._view = None

    def setRegion(self, region):  # the LinearRegionItem name, so the two are interchangeable
        """Shade x from ``region[0]`` to ``region[1]`` (finite numbers)."""
        lo, hi = float(region[0]), float(region[1])
        if (lo, hi) != self._region:
            self._region = (lo, hi)
            self._fit()

    def getRegion(self):
        """The shaded (lo, hi)."""
        return self._region

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemParentHasChanged:
            self._follow_view()
        return super().itemChange(change, value)

    def _follow_view(self):
        view = self.parentItem()
        while view is not None and not isinstance(view, pg.ViewBox):
            view = view.parentItem()
        if view is not self._view:
            if self._view is not None:
                self._view.sigRangeChanged.disconnect(self._fit)
            self._view = view
            if view is not None:
                view.sigRangeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_):
        lo, hi = self._region
        if self._view is None:
            self.setRect(QRectF(lo, -self.HEIGHT, hi - lo, 2 * self.HEIGHT))
            return
        (x0, x1), (y0, y1) = self._view.viewRange()
        width, height = x1 - x0, y1 - y0
        lo, hi = max(lo, x0 - width), min(hi, x1 + width)
        self.setRect(QRectF(lo, y0 - height, max(hi - lo, 0.0), 3 * height))
