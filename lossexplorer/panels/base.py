"""What every dock panel shares: the model hookup, lazy redraws, retranslation."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QSlider, QWidget

from lossexplorer import plotkit
from lossexplorer.formatting import MINUS, fmt_fixed
from lossexplorer.plotkit import fix_size


class Panel(QWidget):
    """Base class of a dock panel.

    A subclass builds its widgets and plot items once in ``__init__`` (then
    calls ``self.retranslate()`` and ``self.refresh()``), sets ``SIGNAL`` to
    the model signal it depends on (``"multiclass_changed"``,
    ``"binary_changed"`` or ``"changed"``), and implements:

    * ``refresh()``: update the items in place from the model;
    * ``retranslate()``: set every user-visible string (called again when
      the language changes).

    A panel also redraws when ``model.display`` changes (quiz mode); its
    fonts, pens and markers are built at ``display.scale`` (``self.scale``).
    A hidden panel (closed dock, or a tab behind another: the window calls
    ``set_on_screen``) does not redraw; it refreshes when it is shown again.
    """

    SIGNAL = "changed"

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self._stale = False
        self._on_screen = True
        getattr(model, self.SIGNAL).connect(self._on_model_changed)
        model.display.changed.connect(self._on_model_changed)

    @property
    def scale(self) -> float:
        """The presentation scale that fonts, pens and markers are built at."""
        return self.model.display.scale

    def make_plot(self, name: str, **kwargs):
        """``plotkit.make_plot``, its axes at the panel's scale."""
        return plotkit.make_plot(name, scale=self.scale, **kwargs)

    def add_marker(self, plot_or_view, colour, size: float = 16, symbol: str = "o"):
        """``plotkit.add_marker``, ``size`` and outline at the panel's scale."""
        return plotkit.add_marker(plot_or_view, colour, size, symbol, scale=self.scale)

    def _on_model_changed(self):
        if self._on_screen and self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def set_on_screen(self, on_screen: bool):
        """Say whether the panel's dock is in front (a tab behind another stays "visible" to Qt)."""
        self._on_screen = on_screen
        if on_screen and self._stale and self.isVisible():
            self._stale = False
            self.refresh()

    def is_on_screen(self) -> bool:
        """Shown and not behind another tab: the panel redraws on every change."""
        return self._on_screen and self.isVisible()

    def showEvent(self, event):
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refresh()
        super().changeEvent(event)

    def detach(self):
        """Stop listening to the model (the panel is being replaced)."""
        for signal in (getattr(self.model, self.SIGNAL), self.model.display.changed):
            try:
                signal.disconnect(self._on_model_changed)
            except (RuntimeError, TypeError):
                pass

    def minimum_height_at(self, width: int) -> int:
        """The least height that shows all of the panel at ``width`` (at least its minimum width).

        ``minimumSizeHint`` is this at the narrowest width; a panel whose
        contents wrap needs less height when it is wider (``heightForWidth``).
        """
        hint = self.minimumSizeHint()
        if self.hasHeightForWidth():
            return min(hint.height(), self.heightForWidth(max(width, hint.width())))
        return hint.height()

    def take_over(self, old: Panel) -> None:
        """Carry on from ``old``, the panel this one replaces (built again at a new scale).

        The model and ``model.display`` hold every setting; a panel with an
        animation of its own (the race) takes over where the old one was.
        """

    def help_text(self) -> str:
        """The panel's explanation: what is on the axes, what to try, what it shows."""
        return ""

    def refresh(self):  # pragma: no cover - every panel overrides it
        raise NotImplementedError

    def retranslate(self):  # pragma: no cover - every panel overrides it
        raise NotImplementedError


def set_text(widget, text: str) -> None:
    """``widget.setText(text)`` only when it differs: a label's re-layout is not free."""
    if widget.text() != text:
        widget.setText(text)


def set_text_snug(label, text: str) -> None:
    """Set a label's text and fix its size to fit it exactly.

    For a label that something else follows (a note after a number): its
    layout is redone only when the text's width changes, not for every new
    digit, since a label of fixed size does not ask for a re-layout.
    """
    old = label.text()
    if old == text:
        return
    metrics = label.fontMetrics()
    fixed = label.minimumSize() == label.maximumSize()
    if fixed and metrics.horizontalAdvance(text) == metrics.horizontalAdvance(old):
        label.setText(text)
        return
    label.setText(text)
    fix_size(label, text)


def literal_mnemonic(text: str) -> str:
    """``text`` for a button or radio button label that shows every ``&`` as typed.

    Qt reads ``&x`` in such a label as a keyboard shortcut marker (and
    hides the ``&``); ``&&`` shows one ``&`` and makes no shortcut.
    """
    return text.replace("&", "&&")


class NumberSpinBox(QDoubleSpinBox):
    """A spin box that writes numbers as every other number on screen is written.

    A real minus sign (−) instead of a hyphen, and never a negative zero: a
    value that rounds to 0 at the box's decimals is shown as 0.  Typing
    accepts both the hyphen from the keyboard and the real minus sign.
    """

    def textFromValue(self, value: float) -> str:
        # Written here rather than by Qt's locale (en and zh_CN, the languages
        # the app sets, both write 1234.56): Qt calls this several times per
        # setValue, and a Python round trip through the base class showed in
        # every drag step.
        return fmt_fixed(value, self.decimals())

    def valueFromText(self, text: str) -> float:
        return super().valueFromText(text.replace(MINUS, "-")) + 0.0

    def validate(self, text: str, pos: int):
        state, text, pos = super().validate(text.replace(MINUS, "-"), pos)
        return state, text.replace("-", MINUS), pos


class GestureSlider(QSlider):
    """A slider whose every mouse press, from press to release, is one gesture.

    ``gesture_started`` comes before the press moves the value (a click on
    the groove may move it at once, before ``sliderPressed``) and
    ``gesture_finished`` after the release, so that a whole drag, or a held
    click that pages along the groove, is one undo step.
    """

    gesture_started = Signal()
    gesture_finished = Signal()

    def __init__(self, orientation, parent=None):
        super().__init__(orientation, parent)
        self._pressed = False

    def mousePressEvent(self, ev):
        started = not self._pressed
        if started:
            self._pressed = True
            self.gesture_started.emit()
        super().mousePressEvent(ev)
        if started and not ev.isAccepted():  # not ours (another button): no gesture
            self._end()

    def mouseReleaseEvent(self, ev):
        try:
            super().mouseReleaseEvent(ev)
        finally:
            if not ev.buttons():
                self._end()

    def hideEvent(self, ev):
        self._end()  # a slider hidden mid-drag never sees the release
        super().hideEvent(ev)

    def _end(self):
        if self._pressed:
            self._pressed = False
            self.gesture_finished.emit()
