"""``Tag``: a boxed, constant-size text label at a data point, painted by Qt alone."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsSimpleTextItem


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

    def setText(self, text: str) -> None:
        """Show ``text`` (``\\n`` starts a new line)."""
        if text != self._text.text():
            self._text.setText(text)
            self._layout()

    def toPlainText(self) -> str:
        """The text shown."""
        return self._text.text()

    def setFont(self, font) -> None:
        """The text's font."""
        self._text.setFont(font)
        self._layout()

    def setAnchor(self, anchor) -> None:
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
