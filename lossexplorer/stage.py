"""The classroom stage round a window: spotlight, pointer ring and blank screen.

Their state lives in the display model (``model.display.spotlight``,
``pointer_highlight``, ``presentation``, ``blank``); ``Stage`` only shows it:

* **spotlight**: one panel fills the window; leaving it brings the lesson
  back exactly as it was (the window's dock state, saved when it started);
* **pointer ring**: in presentation mode, a ring round the mouse pointer, big
  enough for the back row;
* **blank screen**: the whole window black or white until a key is pressed
  or the mouse is clicked, as presentation software does with B, "." and W.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QTabBar, QWidget

from lossexplorer import style

RING_RADIUS = 30  # logical pixels at scale 1
RING_WIDTH = 5
RING_COLOUR = QColor(255, 170, 0, 210)  # amber: seen on white plots and on dark text


class PointerRing(QWidget):
    """A ring drawn round the mouse pointer; the mouse passes through it."""

    def __init__(self, parent, scale: float = 1.0):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setObjectName("pointer_ring")
        self.set_scale(scale)
        self.hide()

    def set_scale(self, scale: float):
        """Size the ring for the presentation scale."""
        self.radius = RING_RADIUS * scale
        self.pen_width = RING_WIDTH * scale
        side = int(2 * (self.radius + self.pen_width)) + 2
        self.resize(side, side)

    def centre_on(self, point: QPoint):
        """Put the ring's centre at ``point`` (the parent's coordinates)."""
        self.move(point.x() - self.width() // 2, point.y() - self.height() // 2)
        self.raise_()

    def centre(self) -> QPoint:
        """Where the ring's centre is, in the parent's coordinates."""
        return self.pos() + QPoint(self.width() // 2, self.height() // 2)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(RING_COLOUR, self.pen_width))
        r = self.radius
        c = self.width() / 2
        painter.drawEllipse(QRectF(c - r, c - r, 2 * r, 2 * r))


class Curtain(QWidget):
    """The blank screen: the whole window in one colour until a key or a click."""

    def __init__(self, parent, on_dismiss):
        super().__init__(parent)
        self.setObjectName("blank_screen")
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._on_dismiss = on_dismiss
        self.hide()

    def show_colour(self, colour: str):
        """Cover the window in ``colour`` ("black" or "white") and take the keyboard."""
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colour))
        self.setPalette(palette)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # every key, shortcuts included, only brings the lesson back
            return True
        return super().event(event)

    def keyPressEvent(self, event):
        self._on_dismiss()

    def mousePressEvent(self, event):
        self._on_dismiss()


class Stage(QObject):
    """Shows ``window.model.display``'s spotlight, pointer ring and blank screen on ``window``."""

    def __init__(self, window, layout_version: int):
        super().__init__(window)
        self.window = window
        self.display = window.model.display
        self.layout_version = layout_version
        self.ring = PointerRing(window, self.display.scale)
        self.curtain = Curtain(window, lambda: self.display.set_blank(None))
        self._before_spotlight = None
        self._tracking = False
        self._focus_before_blank = None
        self.display.changed.connect(self._on_display_changed)
        window.installEventFilter(self)  # the curtain follows the window's size

    # ------------------------------------------------------------ actions
    def toggle_spotlight(self, _checked=False):
        """Spotlight the panel with the keyboard focus or the pointer, or leave the spotlight."""
        if self.display.spotlight is not None:
            self.display.set_spotlight(None)
        else:
            key = self.panel_to_spotlight()
            if key is not None:
                self.display.set_spotlight(key)

    def panel_to_spotlight(self) -> str | None:
        """The panel the teacher means: the one with the focus, under the pointer, or the first."""
        app = QApplication.instance()
        candidates = [app.focusWidget(), app.widgetAt(QCursor.pos())]
        for widget in candidates:
            key = self._dock_key_of(widget)
            if key is not None:
                return key
        for key, dock in self.window.docks.items():
            if dock.isVisible() and not dock.visibleRegion().isEmpty():
                return key
        return None

    def _dock_key_of(self, widget) -> str | None:
        while widget is not None:
            for key, dock in self.window.docks.items():
                if widget is dock:
                    return key
            widget = widget.parentWidget()
        return None

    def leave(self, _checked=False):
        """Esc: take the blank screen away, else leave the spotlight."""
        if self.display.blank is not None:
            self.display.set_blank(None)
        elif self.display.spotlight is not None:
            self.display.set_spotlight(None)

    def blank_black(self, _checked=False):
        """B or ".": a black screen until any key."""
        self.display.set_blank("black")

    def blank_white(self, _checked=False):
        """W: a white screen until any key."""
        self.display.set_blank("white")

    def set_pointer_highlight(self, on: bool):
        """Draw the ring round the pointer in presentation mode (True) or not."""
        self.display.set_pointer_highlight(bool(on))

    # ------------------------------------------------------------ showing
    def _on_display_changed(self):
        change = self.display.last_change
        if "spotlight" in change:
            self._show_spotlight()
        if change & {"presentation", "pointer_highlight", "scale"}:
            self._show_ring()
        if "blank" in change:
            self._show_curtain()

    def _show_spotlight(self):
        window, key = self.window, self.display.spotlight
        if key is None:
            if self._before_spotlight is not None:
                window.restoreState(self._before_spotlight, self.layout_version)
                self._before_spotlight = None
            return
        if key not in window.docks:
            self.display.set_spotlight(None)
            return
        if self._before_spotlight is None:
            self._before_spotlight = window.saveState(self.layout_version)
        window.ensure_panel(key)
        for other, dock in window.docks.items():
            if other != key:
                dock.hide()
        dock = window.docks[key]
        dock.setFloating(False)
        dock.show()
        dock.raise_()

    def restore_before_spotlight(self):
        """Leave the spotlight without waiting (before the window saves or re-arranges)."""
        if self.display.spotlight is not None:
            self.display.set_spotlight(None)

    def _show_ring(self):
        on = self.display.presentation and self.display.pointer_highlight
        self.ring.set_scale(self.display.scale)
        app = QApplication.instance()
        if on and not self._tracking:
            app.installEventFilter(self)
        elif not on and self._tracking:
            app.removeEventFilter(self)
        self._tracking = on
        self.ring.hide()  # until the pointer moves over the window

    def _show_curtain(self):
        colour = self.display.blank
        if colour is None:
            self.curtain.hide()
            if self._focus_before_blank is not None:
                self._focus_before_blank.setFocus(Qt.FocusReason.OtherFocusReason)
                self._focus_before_blank = None
        else:
            self._focus_before_blank = QApplication.instance().focusWidget()
            self.curtain.show_colour(colour)

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind == QEvent.Type.MouseMove and self._tracking:
            self.ring.centre_on(self.window.mapFromGlobal(event.globalPosition().toPoint()))
            self.ring.show()
        elif kind == QEvent.Type.Leave and obj is self.window and self._tracking:
            self.ring.hide()  # the pointer left the window
        elif obj is self.window and kind == QEvent.Type.Resize and self.curtain.isVisible():
            self.curtain.setGeometry(self.window.rect())
        elif obj is self.window and kind == QEvent.Type.ChildPolished:
            child = event.child()
            if isinstance(child, QTabBar):
                # The docks' tabs are for the teacher to click, not for the class
                # to read: they keep the normal size, so a row of them fits.
                child.setFont(style.font(style.APP_POINT_SIZE))
        return False

    def detach(self):
        """Stop following the pointer (the window is closing)."""
        if self._tracking:
            QApplication.instance().removeEventFilter(self)
            self._tracking = False
