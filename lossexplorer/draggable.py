"""A row of bars that the teacher can drag with the mouse or nudge with the keys.

``DraggableBars`` is one pyqtgraph graphics item that paints every bar and
implements pyqtgraph's ``mouseDragEvent`` pattern (as ``InfiniteLine`` does).
It holds no state of its own beyond what it was last told to draw: a drag or a
key press emits a signal, the panel calls the model, and the model's signal
brings the new values back through ``set_values``.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from lossexplorer import style

BAR_WIDTH = 0.7


class DraggableBars(pg.GraphicsObject):
    """Vertical bars at x = 0, 1, … whose heights follow the mouse.

    Signals, as pyqtgraph's ``InfiniteLine`` has them:

    * ``drag_started(i)`` and ``drag_finished(i)`` bracket a whole drag
      of bar ``i`` (one undo step);
    * ``dragged(i, y, modifiers)`` on every move of a drag that started
      on bar ``i``'s column (anywhere between the limits, so that a bar of
      height 0 can still be grabbed): ``y`` is the pointer's height,
      ``modifiers`` the keyboard modifiers held (Ctrl: do not snap);
    * ``nudged(i, steps)`` when bar ``i`` has keyboard focus and an arrow
      key is pressed: ±1 per Up/Down, ±10 with Shift.
    """

    drag_started = Signal(int)
    dragged = Signal(int, float, object)
    drag_finished = Signal(int)
    nudged = Signal(int, int)

    def __init__(self, limits: tuple[float, float], scale: float = 1.0):
        super().__init__()
        self.limits = limits
        self.values: list[float] = []
        self.brushes: list = []
        self._brush_specs: list = []
        self.focus_index = 0
        self.drag_index: int | None = None
        # at the presentation scale and the device pixel ratio, like every pen (style.pen)
        self.outline = style.pen("#222222", 1.5, scale=scale)
        self.focus_pen = style.pen("#000000", 2.5, Qt.PenStyle.DashLine, scale=scale)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setCursor(Qt.CursorShape.SizeVerCursor)

    # ----------------------------------------------------------- drawing
    def set_values(self, values, brushes) -> None:
        """Draw these heights with these brushes (one per bar)."""
        values = [float(v) for v in values]
        if len(values) != len(self.values):
            self.prepareGeometryChange()
            self.focus_index = min(self.focus_index, len(values) - 1)
        self.values = values
        if list(brushes) != self._brush_specs:  # new QBrush objects only when they change
            self._brush_specs = list(brushes)
            self.brushes = [pg.mkBrush(b) for b in brushes]
        self.update()

    def boundingRect(self) -> QRectF:
        lo, hi = self.limits
        return QRectF(-0.5, lo, max(len(self.values), 1), hi - lo)

    def paint(self, painter: QPainter, *args) -> None:
        lo, hi = self.limits
        base = min(max(0.0, lo), hi)
        for i, (v, brush) in enumerate(zip(self.values, self.brushes, strict=True)):
            top = min(max(v, lo), hi)
            painter.setPen(self.outline)
            painter.setBrush(brush)
            painter.drawRect(QRectF(i - BAR_WIDTH / 2, base, BAR_WIDTH, top - base))
        if self.hasFocus() and self.values:
            pen = QPen(self.focus_pen)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            x = self.focus_index - 0.5 + 0.03
            painter.drawRect(QRectF(x, lo, 0.94, hi - lo))

    # -------------------------------------------------------------- mouse
    def column_at(self, x: float) -> int | None:
        """Index of the bar whose column contains x, or None."""
        i = round(x)
        if 0 <= i < len(self.values) and abs(x - i) <= BAR_WIDTH / 2 + 0.05:
            return i
        return None

    def mouseDragEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        if ev.isStart():
            self.drag_index = self.column_at(ev.buttonDownPos().x())
            if self.drag_index is None:
                ev.ignore()
                return
            self.focus_index = self.drag_index
            self.setFocus()
            self.drag_started.emit(self.drag_index)
        if self.drag_index is None:
            ev.ignore()
            return
        ev.accept()
        i = self.drag_index
        try:
            self.dragged.emit(i, ev.pos().y(), ev.modifiers())
        finally:
            if ev.isFinish():
                self.drag_index = None
                self.drag_finished.emit(i)

    def mouseClickEvent(self, ev) -> None:
        i = self.column_at(ev.pos().x())
        if ev.button() == Qt.MouseButton.LeftButton and i is not None:
            ev.accept()
            self.focus_index = i
            self.setFocus()
            self.update()
        else:
            ev.ignore()

    # ---------------------------------------------------------- keyboard
    def keyPressEvent(self, ev) -> None:
        step = 10 if ev.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
        key = ev.key()
        if key == Qt.Key.Key_Up:
            self.nudged.emit(self.focus_index, step)
        elif key == Qt.Key.Key_Down:
            self.nudged.emit(self.focus_index, -step)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.values:
            delta = -1 if key == Qt.Key.Key_Left else 1
            self.focus_index = (self.focus_index + delta) % len(self.values)
            self.update()
        else:
            ev.ignore()
            return
        ev.accept()

    def focusInEvent(self, ev) -> None:
        self.update()
        super().focusInEvent(ev)

    def focusOutEvent(self, ev) -> None:
        self.update()
        super().focusOutEvent(ev)
