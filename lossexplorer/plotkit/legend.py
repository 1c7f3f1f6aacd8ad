"""``make_legend``: a legend whose text, line samples and spacing follow the presentation scale."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF

from lossexplorer import style


class ScaledSample(pg.ItemSample):
    """A legend's sample of a curve (its line, its symbol), ``scale`` times pyqtgraph's size.

    pyqtgraph draws a sample in a fixed 20-pixel square; this one draws the
    same picture in a square ``scale`` times bigger.  A pen keeps its width
    (``style.pen`` made it at the scale already), a symbol grows.
    """

    SIZE = 20  # pyqtgraph's square, in pixels

    def __init__(self, item, scale: float = 1.0):
        super().__init__(item)
        self.scale = scale
        self.setFixedWidth(self.SIZE * scale)
        self.setFixedHeight(self.SIZE * scale)

    def boundingRect(self):
        side = self.SIZE * self.scale
        return QRectF(0, 0, side, side)

    def paint(self, p, *args):
        p.scale(self.scale, self.scale)
        super().paint(p, *args)


class ScaledLegend(pg.LegendItem):
    """A ``LegendItem`` whose entries are ``scale`` times pyqtgraph's size: made by ``make_legend``.

    Each entry gets a ``ScaledSample`` and a label whose margin around the
    text grows with the text.
    """

    def __init__(self, scale: float = 1.0, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale
        left, top, right, bottom = self.layout.getContentsMargins()
        self.layout.setContentsMargins(left * scale, top * scale, right * scale, bottom * scale)

    def addItem(self, item, name):
        """Add ``item`` (a curve) as ``name`` (pyqtgraph's rich text: not for user text)."""
        if not isinstance(item, pg.ItemSample):
            item = ScaledSample(item, self.scale)
        super().addItem(item, name)
        _sample, label = self.items[-1]
        document = label.item.document()
        document.setDocumentMargin(document.documentMargin() * self.scale)
        label.updateMin()
        self.updateSize()


def make_legend(
    parent,
    *,
    scale: float = 1.0,
    columns: int = 1,
    item_pos: tuple[float, float] = (1.0, 0.0),
    parent_pos: tuple[float, float] | None = None,
    offset: tuple[float, float] = (0.0, 0.0),
    points: float = style.BASE_POINT_SIZE,
) -> ScaledLegend:
    """A legend on ``parent`` (a ViewBox or PlotItem) that grows with the presentation ``scale``.

    Its label text is ``points`` × ``scale`` points; its line samples, the
    margins round its labels, the gap between sample and label and its
    own margins are pyqtgraph's × ``scale``.  ``item_pos`` is the legend's
    point that sits at ``parent_pos`` (default: the same point) of the
    parent, moved by ``offset`` (pixels of the normal view, scaled too):
    ``item_pos=(1, 0), offset=(-4, 4)`` puts it in the top right corner, 4
    pixels in.  ``columns`` entries make a row.  Add entries with
    ``legend.addItem(curve, name)``.  No fill (the curves may show through).
    """
    legend = ScaledLegend(
        scale,
        colCount=columns,
        labelTextSize=style.points_css(points, scale),
        horSpacing=5 * scale,
        verSpacing=0,
    )
    legend.setParentItem(parent)
    legend.anchor(
        itemPos=item_pos,
        parentPos=item_pos if parent_pos is None else parent_pos,
        offset=(offset[0] * scale, offset[1] * scale),
    )
    return legend
