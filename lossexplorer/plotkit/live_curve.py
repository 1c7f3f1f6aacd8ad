"""``LiveCurve``: a curve redrawn on every drag step, cheap to update and to paint."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen

from lossexplorer.plotkit.pyqtgraph_patches import CurveInternals


class LiveCurve(CurveInternals):
    """A curve that is redrawn on every drag step: cheap to update and to paint.

    It skips pyqtgraph's scan for NaN and inf (every array a panel plots is
    finite, and the tests check that).  On screen it strokes a solid, opaque
    pen as separate line segments with square caps, already mapped to pixels:
    Qt's raster engine has a fast path for exactly that (about five times
    faster than round-capped segments in data coordinates, which in turn are
    four times faster than one long path).  Exports (PNG, SVG: ``export.exporting``
    puts every item in pyqtgraph's export mode), dashed and dotted pens take
    pyqtgraph's own path: one path in data coordinates, which the view box
    clips (an SVG gets one clipped vector path per curve).  Either way the pen
    is cosmetic, stroked in device pixels: ``style.pen`` puts the device pixel
    ratio in its width, so a curve is as thick at ratio 2 as at ratio 1
    (``tests/test_hidpi.py``).

    pyqtgraph's private state is reached only through ``CurveInternals``
    (``pyqtgraph_patches``).
    """

    def __init__(self, pen, **kwargs):
        self._device_key = None
        self._device_lines = None
        self._fast_pen = None
        self._view_rect = None
        self._sorted_x = None
        super().__init__(pen=pen, skipFiniteCheck=True, **kwargs)

    def setData(self, *args, **kwargs):
        """As pyqtgraph's, but ``setData(x, y)`` with two arrays is cheap.

        While the curve is in a view its bounding rectangle is the view's range
        (see ``boundingRect``), so new data changes no geometry: Qt has only to
        repaint, not to re-index the item and re-measure its parents.
        """
        if len(args) == 2 and not kwargs and self._view_rect is not None:
            x, y = args
            if (
                isinstance(x, np.ndarray)
                and isinstance(y, np.ndarray)
                and x.ndim == 1
                and x.shape == y.shape
                and x.dtype.kind in "fiu"
                and y.dtype.kind in "fiu"
            ):
                self.replace_data(x, y)
                return
        super().setData(*args, **kwargs)

    def boundingRect(self):
        # In a view: the view's range with a margin, whatever the data (the
        # view clips its items, so nothing outside it is ever painted).
        if self._view_rect is None:
            view = self.getViewBox()
            if view is None or not hasattr(view, "viewRange"):
                return super().boundingRect()
            (x0, x1), (y0, y1) = view.viewRange()
            mx, my = 0.1 * (x1 - x0), 0.1 * (y1 - y0)
            self._view_rect = QRectF(x0 - mx, y0 - my, x1 - x0 + 2 * mx, y1 - y0 + 2 * my)
        return self._view_rect

    def viewTransformChanged(self):
        self.prepareGeometryChange()  # Qt must see the old rectangle first
        self._view_rect = None
        super().viewTransformChanged()

    def setPen(self, *args, **kwargs):
        super().setPen(*args, **kwargs)
        pen = self.opts["pen"]
        fast = (
            pen.isCosmetic()
            and pen.style() == Qt.PenStyle.SolidLine
            and pen.color().alphaF() == 1.0
            and pen.widthF() > 1.0
        )
        self._fast_pen = QPen(pen) if fast else None
        if fast:
            self._fast_pen.setCapStyle(Qt.PenCapStyle.SquareCap)

    def dataBounds(self, ax, frac=1.0, orthoRange=None):  # noqa: N803 - pyqtgraph override
        # The whole data range of finite data: min and max, without pyqtgraph's
        # NaN-proof scan and warning filters (this runs after every setData).
        if frac >= 1.0 and orthoRange is None and self.xData is not None and len(self.xData):
            data = self.xData if ax == 0 else self.yData
            return float(data.min()), float(data.max())
        return super().dataBounds(ax, frac, orthoRange)

    def paint(self, p, opt, widget):
        t = p.transform()
        if (
            self._fast_pen is None
            or self.exporting()
            or self.xData is None
            or len(self.xData) < 2
            or self.opts["fillLevel"] is not None
            or self.opts["shadowPen"] is not None
            or t.isRotating()
            or not t.isAffine()
        ):
            self._device_key = None  # the segments cached below are in pixels
            self.invalidate_segments()
            super().paint(p, opt, widget)
            return
        key = (t.m11(), t.m22(), t.dx(), t.dy())
        if key != self._device_key or not self.segments_valid():
            self._device_key = key
            self._device_lines = self._device_segments(*key)
        p.setRenderHint(p.RenderHint.Antialiasing, self.opts["antialias"])
        p.resetTransform()
        p.setPen(self._fast_pen)
        p.drawLines(*self._device_lines)

    def _device_segments(self, sx, sy, dx, dy):
        # Only the segments that reach into the view: a curve that runs far off
        # the top (−log ŷ) or off the sides (the tails out to |z| = 1000) would
        # otherwise be stroked in full and then clipped.
        x, y = self.xData, self.yData
        (x0, x1), (y0, y1) = self._view_range()
        if x is not self._sorted_x:  # the grids are shared arrays: checked once
            self._sorted_x = x if bool(np.all(x[1:] >= x[:-1])) else None
        if x is self._sorted_x:  # the common case: cut the view's x range out
            lo = max(int(np.searchsorted(x, x0, "right")) - 1, 0)
            hi = int(np.searchsorted(x, x1, "left")) + 1
            x, y = x[lo:hi], y[lo:hi]
            keep = "all"
        else:
            xa, xb, ya, yb = x[:-1], x[1:], y[:-1], y[1:]
            outside = (
                (np.minimum(xa, xb) > x1)
                | (np.maximum(xa, xb) < x0)
                | (np.minimum(ya, yb) > y1)
                | (np.maximum(ya, yb) < y0)
            )
            keep = np.append(~outside, False)
        return self.pixel_segments(sx * x + dx, sy * y + dy, keep)

    def _view_range(self):
        view = self.getViewBox()
        if view is None or not hasattr(view, "viewRange"):
            return (-np.inf, np.inf), (-np.inf, np.inf)
        return view.viewRange()

    def viewRangeChanged(self):
        self.invalidate_segments()  # a pan or zoom shows other segments
        if self._view_rect is not None:
            self.prepareGeometryChange()  # Qt must see the old rectangle first
            self._view_rect = None
        super().viewRangeChanged()


def add_live_curve(plot_or_view, pen) -> LiveCurve:
    """A ``LiveCurve`` with ``pen``, added to a PlotItem or ViewBox."""
    curve = LiveCurve(pen)
    plot_or_view.addItem(curve)
    return curve
