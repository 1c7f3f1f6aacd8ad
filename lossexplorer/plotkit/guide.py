"""``Guide``: a fixed horizontal or vertical line across a plot, painted by Qt alone."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsLineItem


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

    def setPos(self, value):
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
