"""Drive pyqtgraph plots as a user would (real mouse events) and read back their pixels.

Events are built as QMouseEvents and sent to the plot's viewport, exactly as
the window system would deliver them (QTest's helpers print a warning when
pyqtgraph's scene leaves a press unaccepted, which it does by design).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

LEFT = Qt.MouseButton.LeftButton
NO_BUTTON = Qt.MouseButton.NoButton


def viewport_point(plot, x: float, y: float) -> QPoint:
    """The viewport pixel of data point (x, y) in a PlotWidget."""
    vb = plot.getPlotItem().getViewBox()
    return plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))


def send_mouse(
    widget, kind, pos: QPoint, button, buttons, modifiers=Qt.KeyboardModifier.NoModifier
):
    """Deliver one mouse event to ``widget`` at widget pixel ``pos``."""
    local = QPointF(pos)
    event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(pos)), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag_pixels(plot, p0: QPoint, p1: QPoint, steps=10, modifiers=Qt.KeyboardModifier.NoModifier):
    """Press at viewport pixel p0, move in ``steps`` to p1, release there."""
    plot.scene().minDragTime = 0
    vp = plot.viewport()
    send_mouse(vp, QEvent.Type.MouseButtonPress, p0, LEFT, LEFT, modifiers)
    for i in range(1, steps + 1):
        t = i / steps
        p = QPoint(round(p0.x() + (p1.x() - p0.x()) * t), round(p0.y() + (p1.y() - p0.y()) * t))
        send_mouse(vp, QEvent.Type.MouseMove, p, NO_BUTTON, LEFT, modifiers)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p1, LEFT, NO_BUTTON, modifiers)


def drag(plot, start, end, steps=10, modifiers=Qt.KeyboardModifier.NoModifier):
    """Drag from data point ``start`` to data point ``end`` (x, y tuples)."""
    drag_pixels(plot, viewport_point(plot, *start), viewport_point(plot, *end), steps, modifiers)


def click(plot, x: float, y: float):
    """Click the plot at data point (x, y)."""
    plot.scene().minDragTime = 0
    p = viewport_point(plot, x, y)
    vp = plot.viewport()
    send_mouse(vp, QEvent.Type.MouseButtonPress, p, LEFT, LEFT)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p, LEFT, NO_BUTTON)


def colour_mask(widget, colour, tolerance=40):
    """Which pixels of ``widget`` (as grabbed) are within ``tolerance`` of ``colour``."""
    import numpy as np
    from PySide6.QtGui import QColor, QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    bgr = pixels[:, : 4 * width].reshape(height, width, 4)[:, :, :3].astype(int)
    c = QColor(colour)
    return np.abs(bgr - np.array([c.blue(), c.green(), c.red()])).max(axis=2) <= tolerance


def shown_panel(qtbot, panel, size=(900, 600)):
    """``panel`` on its own, shown at ``size`` and exposed (offscreen); closed after the test."""
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    return panel
