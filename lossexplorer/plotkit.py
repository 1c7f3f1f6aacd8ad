"""Building blocks for plots: minus-sign axes, constant-size markers, fixed labels.

Every plot in lossexplorer is made by ``make_plot`` so that tick labels use
the real minus sign like every other number on screen, and the end labels of
an axis (−10 and 10) are never hidden.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
)

from lossexplorer import style
from lossexplorer.formatting import MINUS


class MinusAxisItem(pg.AxisItem):
    """An axis whose tick labels use the real minus sign, like every other number.

    Labels at the very ends of the axis may overhang it by a few pixels, so
    that −10 and 10 both show on a [−10, 10] axis (pyqtgraph hides them when
    the grid is on).
    """

    OVERHANG = 24  # pixels

    def __init__(self, orientation, **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)  # no "(x0.001)" after the axis title

    def tickStrings(self, values, scale, spacing):
        return [s.replace("-", MINUS) for s in super().tickStrings(values, scale, spacing)]

    def boundingRect(self):
        # Qt asks for this dozens of times per repaint; pyqtgraph recomputes it
        # in Python each time.  It depends only on these (the grid spans the view).
        view = self.linkedView()
        key = (
            self.geometry(),
            None if view is None else view.geometry(),
            self.grid,
            self.style["tickLength"],
            self.style["hideOverlappingLabels"],
        )
        if key != getattr(self, "_rect_key", None):
            m = self.OVERHANG
            rect = super().boundingRect()
            if self.orientation in ("top", "bottom"):
                rect = rect.adjusted(-m, 0, m, 0)
            else:
                rect = rect.adjusted(0, -m, 0, m)
            self._rect_key, self._rect = key, rect
        return QRectF(self._rect)


def make_plot(name: str = "", right_axis: bool = False, view_box=None) -> pg.PlotWidget:
    """A styled PlotWidget with minus-sign axes and room for the end tick labels.

    Auto-range is off: every panel sets its view ranges itself (a range
    recomputed on every drag step costs more than the redraw).
    """
    sides = ("left", "bottom", "right") if right_axis else ("left", "bottom")
    # enableMenu=False: pyqtgraph's view menu is never shown (plots get
    # export's menu), and building it took a third of a plot's construction
    plot = pg.PlotWidget(
        viewBox=view_box, axisItems={s: MinusAxisItem(s) for s in sides}, enableMenu=False
    )
    plot.setObjectName(name)
    # One bounding rectangle per repaint: a marker and a cursor line moving at
    # once make a region of many rectangles, and clipping every cached pixmap
    # to such a region costs several times more than painting the whole box.
    plot.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
    style.style_plot(plot)
    _no_hover_search_while_dragging(plot.scene())
    item = plot.getPlotItem()
    item.layout.setContentsMargins(2, 10, 2 if right_axis else 18, 2)
    item.getViewBox().disableAutoRange()
    return plot


def _no_hover_search_while_dragging(scene) -> None:
    """Skip pyqtgraph's hover search on the mouse moves of a drag.

    pyqtgraph looks for the items under the pointer on every move, even in
    the middle of a drag, where no item may take the hover; that search cost
    about a tenth of a drag step.  Hover resumes with the first move after
    the button is released.
    """
    send = scene.sendHoverEvents

    def send_unless_dragging(ev, exitOnly=False):  # noqa: N803 - pyqtgraph's name
        if not exitOnly and scene.dragButtons and ev.buttons():
            return
        send(ev, exitOnly)

    scene.sendHoverEvents = send_unless_dragging


class LiveCurve(pg.PlotCurveItem):
    """A curve that is redrawn on every drag step: cheap to update and to paint.

    It skips pyqtgraph's scan for NaN and inf (every array a panel plots is
    finite, and the tests check that).  On screen it strokes a solid, opaque
    pen as separate line segments with square caps, already mapped to pixels:
    Qt's raster engine has a fast path for exactly that (about five times
    faster than round-capped segments in data coordinates, which in turn are
    four times faster than one long path).  Exports (PNG, SVG: ``export.exporting``
    puts every item in pyqtgraph's export mode), dashed and dotted pens take
    pyqtgraph's own path: one path in data coordinates, which the view box
    clips (an SVG gets one clipped vector path per curve).
    """

    def __init__(self, pen, **kwargs):
        self._device_key = None
        self._device_lines = None
        self._fast_pen = None
        self._view_rect = None
        self._sorted_x = None
        super().__init__(pen=pen, skipFiniteCheck=True, **kwargs)

    def setData(self, *args, **kwargs):  # noqa: N802 - pyqtgraph API
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
                self.xData, self.yData = x, y
                self.invalidateBounds()
                self.path = self.fillPath = self._fillPathList = self._mouseShape = None
                self._lineSegmentsRendered = False
                self.informViewBoundsChanged()
                self.update()
                self.sigPlotChanged.emit(self)
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

    def setPen(self, *args, **kwargs):  # noqa: N802 - pyqtgraph API
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
            or self._exportOpts is not False
            or self.xData is None
            or len(self.xData) < 2
            or self.opts["fillLevel"] is not None
            or self.opts["shadowPen"] is not None
            or t.isRotating()
            or not t.isAffine()
        ):
            self._device_key = None  # the segments cached below are in pixels
            self._lineSegmentsRendered = False
            super().paint(p, opt, widget)
            return
        key = (t.m11(), t.m22(), t.dx(), t.dy())
        if key != self._device_key or not self._lineSegmentsRendered:
            self._device_key = key
            # keep the array: drawargs() points into its memory
            self._lineSegments = self._device_segments(*key)
            self._device_lines = self._lineSegments.drawargs()
            self._lineSegmentsRendered = True
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
        return arrayToLineSegments(
            sx * x + dx, sy * y + dy, connect=keep, finiteCheck=False, out=self._lineSegments
        )

    def _view_range(self):
        view = self.getViewBox()
        if view is None or not hasattr(view, "viewRange"):
            return (-np.inf, np.inf), (-np.inf, np.inf)
        return view.viewRange()

    def viewRangeChanged(self):
        self._lineSegmentsRendered = False  # a pan or zoom shows other segments
        if self._view_rect is not None:
            self.prepareGeometryChange()  # Qt must see the old rectangle first
            self._view_rect = None
        super().viewRangeChanged()

    def _shouldUseDrawLineSegments(self, pen):  # pyqtgraph's hook, called in paint()
        return (
            self._exportOpts is False
            and pen.style() == Qt.PenStyle.SolidLine
            and pen.color().alphaF() == 1.0
            and pen.widthF() > 1.0
        )


def add_live_curve(plot_or_view, pen) -> LiveCurve:
    """A ``LiveCurve`` with ``pen``, added to a PlotItem or ViewBox."""
    curve = LiveCurve(pen)
    plot_or_view.addItem(curve)
    return curve


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

    def __init__(self, colour, size: float = 16, symbol: str = "o"):
        super().__init__(symbol_path(symbol, size * style.scale))
        self._size = size
        self._symbol = symbol
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(style.pen("#ffffff", 2))
        self.setBrush(pg.mkBrush(colour))
        self.setZValue(10)

    def set_symbol(self, symbol: str) -> None:
        """Switch the shape ("o", "t" or "d"); a no-op if it is already that."""
        if symbol != self._symbol:
            self._symbol = symbol
            self.setPath(symbol_path(symbol, self._size * style.scale))

    def symbol(self) -> str:
        """The current shape."""
        return self._symbol


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


class Guide(QGraphicsLineItem):
    """A fixed horizontal (``angle=0``) or vertical (90) line across a plot.

    Like a ``pg.InfiniteLine`` that cannot be dragged, but Qt paints and
    measures it with no Python per repaint, which matters for lines that
    move or get repainted on every drag step.  It lives in the view box's own
    pixels (so its bounding rectangle is exact for a cosmetic pen), under
    the plotted data, and the box clips it.
    """

    def __init__(self, view_box, pen, angle: int = 90, pos: float = 0.0):
        super().__init__(view_box)
        self._view = view_box
        self._vertical = angle == 90
        self._value = float(pos)
        self.setPen(pen)
        self.setZValue(-1)  # under the view's data, over its background
        view_box.sigTransformChanged.connect(self._place)
        self._place()

    def setPos(self, value):  # noqa: N802 - the InfiniteLine name, so the two are interchangeable
        """Move the line to ``value`` (x for a vertical line, y for a horizontal one)."""
        value = float(value)
        if value != self._value:
            self._value = value
            self._place()

    setValue = setPos  # noqa: N815 - InfiniteLine has both names

    def value(self) -> float:
        """Where the line is, in data coordinates."""
        return self._value

    def _place(self, *_):
        point = self._view.mapFromView(QPointF(self._value, self._value))
        rect = self._view.rect()
        if self._vertical:
            self.setLine(point.x(), rect.top(), point.x(), rect.bottom())
        else:
            self.setLine(rect.left(), point.y(), rect.right(), point.y())


def add_guide(plot_or_view, pen, angle: int = 90, pos: float = 0.0) -> Guide:
    """A ``Guide`` in a PlotItem's or a ViewBox's view."""
    view = plot_or_view.getViewBox() if hasattr(plot_or_view, "getViewBox") else plot_or_view
    return Guide(view, pen, angle, pos)


class Tag(QGraphicsRectItem):
    """A boxed, constant-size text label at a data point (like ``pg.TextItem``).

    Qt alone paints and measures it; a new text costs one plain-text layout
    instead of a rich-text document.  ``anchor`` picks the point of the box
    that sits at the position: (0, 0) top left, (1, 1) bottom right.
    """

    PADDING = 4  # pixels around the text

    def __init__(self, color, fill=None, border=None, anchor=(0.0, 0.0)):
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setPen(border if border is not None else QPen(Qt.PenStyle.NoPen))
        self.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        self._text = QGraphicsSimpleTextItem(self)
        self._text.setBrush(pg.mkColor(color))
        self._anchor = (float(anchor[0]), float(anchor[1]))
        self._layout()

    def setText(self, text: str) -> None:  # noqa: N802 - the TextItem name
        """Show ``text`` (``\\n`` starts a new line)."""
        if text != self._text.text():
            self._text.setText(text)
            self._layout()

    def toPlainText(self) -> str:  # noqa: N802 - the TextItem name
        """The text shown."""
        return self._text.text()

    def setFont(self, font) -> None:  # noqa: N802 - the TextItem name
        """The text's font."""
        self._text.setFont(font)
        self._layout()

    def setAnchor(self, anchor) -> None:  # noqa: N802 - the TextItem name
        """Which point of the box sits at the position."""
        anchor = (float(anchor[0]), float(anchor[1]))
        if anchor != self._anchor:
            self._anchor = anchor
            self._layout()

    def _layout(self):
        text = self._text.boundingRect()
        pad = self.PADDING
        width, height = text.width() + 2 * pad, text.height() + 2 * pad
        left, top = -self._anchor[0] * width, -self._anchor[1] * height
        self.setRect(QRectF(left, top, width, height))
        self._text.setPos(left + pad, top + pad)


def add_marker(plot_or_view, colour, size: float = 16, symbol: str = "o") -> Marker:
    """A ``Marker`` added to a PlotItem or ViewBox without touching its ranges."""
    marker = Marker(colour, size, symbol)
    plot_or_view.addItem(marker, ignoreBounds=True)
    return marker


def text_size(label: QLabel, *samples: str) -> tuple[int, int]:
    """The size ``label`` needs to show the largest of ``samples`` (its text is kept)."""
    text = label.text()
    label.setMinimumSize(0, 0)
    label.setMaximumSize(16777215, 16777215)
    width = height = 0
    for sample in samples:
        label.setText(sample)
        hint = label.sizeHint()
        width, height = max(width, hint.width()), max(height, hint.height())
    label.setText(text)
    return width, height


def fix_size(label: QLabel, *samples: str) -> None:
    """Fix ``label``'s size to fit the largest of ``samples`` (its widest texts).

    A label of fixed size does not ask its window to re-lay out every dock
    each time its text changes, which would cost more than the redraw itself.
    Call again from ``retranslate()``: the samples change with the language.
    """
    label.setFixedSize(*text_size(label, *samples))
