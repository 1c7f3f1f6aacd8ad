"""Stories on the window: the steps shown, the caption band, the clicker's keys, the ring.

``StoryPlayer`` shows a ``stories.Story`` on the main window, one step at a
time.  Showing a step sets the model to the step's state (``History.apply``:
it is not an undo step, and it starts a fresh undo history, so Ctrl+Z undoes
the teacher's own drags and typing since the step was shown and never goes
further back), sets the panels' view options, arranges the step's lesson,
brings its panels to the front or spotlights one (``model.display``), rings
what the step points at, and writes its caption in the current language in
the band at the bottom of the window, with its progress ("3 / 9").

While a story plays, an application event filter takes the presenter
clicker's keys before the widget with the keyboard focus sees them: next
is PageDown, →, Space and Enter; back is PageUp and ←; Home and End go to
the first and the last step; Esc leaves the story.  In a text or number
box only PageUp, PageDown and Esc are taken (→, ←, Space, Enter, Home and
End stay the box's, for typing); on a blank screen every key is the
curtain's.
"""

from __future__ import annotations

from dataclasses import replace

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

from lossexplorer import layouts, stories, style
from lossexplorer.panels.base import Panel
from lossexplorer.stage import RING_COLOUR

MENU_TITLES = {
    "multiclass": QT_TRANSLATE_NOOP("Stories", "Multi-class story (seed 000)"),
    "binary": QT_TRANSLATE_NOOP("Stories", "Binary story (seed 003)"),
    "training": QT_TRANSLATE_NOOP("Stories", "Training story (seed 003)"),
}
KEY = Qt.Key
NEXT_KEYS = {KEY.Key_PageDown, KEY.Key_Right, KEY.Key_Space, KEY.Key_Return, KEY.Key_Enter}
BACK_KEYS = {KEY.Key_PageUp, KEY.Key_Left}
TEXT_BOX_KEYS = {KEY.Key_PageDown, KEY.Key_PageUp, KEY.Key_Escape}  # taken even from a text box
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
BAND_BACKGROUND = "#fff4cc"  # pale amber, as the ring: black text on it reads from the back row
BAND_EDGE = "#e69f00"
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's largest widget size (not exported by PySide6)
RING_WIDTH = 5  # logical pixels at scale 1
POINT_RADIUS = 26


class HighlightRing(QWidget):
    """A ring that draws the eye to ``target``, and moves and hides with it.

    Round a plot's data point: a circle over the plot's viewport (its child),
    following the view's range and size.  Round a panel or a plot: a rounded
    rectangle just inside its edge.  Round any other widget (a number, a
    slider): just outside it, over its panel (as far as the panel reaches),
    so that the ring does not cross its text.
    """

    def __init__(self, target, scale: float, plot=None, point=None):
        self.scale = scale
        self.plot = plot
        self.point = point
        self.target = target
        panel = target
        while panel is not None and not isinstance(panel, Panel):
            panel = panel.parentWidget()
        self.outside = plot is None and panel is not None and panel is not target
        super().__init__(panel if self.outside else target)
        self.setObjectName("story_highlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.watched = [target]
        if self.outside:  # the target moves in the panel when any widget between them does
            w = target.parentWidget()
            while w is not panel:
                self.watched.append(w)
                w = w.parentWidget()
            self.watched.append(panel)
        for w in self.watched:
            w.installEventFilter(self)
        if plot is not None:
            view_box = plot.getPlotItem().getViewBox()
            view_box.sigResized.connect(self.update)
            view_box.sigTransformChanged.connect(self.update)
        self.follow()

    def follow(self):
        """Cover the target (and a margin round it), shown when it is."""
        if self.outside:
            panel = self.parentWidget()
            m = round((RING_WIDTH + 3) * self.scale)
            rect = QRect(self.target.mapTo(panel, QPoint(0, 0)), self.target.size())
            self.setGeometry(rect.adjusted(-m, -m, m, m).intersected(panel.rect()))
        else:
            self.setGeometry(self.target.rect())
        self.setVisible(self.target.isVisibleTo(self.parentWidget()) or not self.outside)
        self.raise_()

    def centre(self) -> QPointF | None:
        """Where the ring's point is drawn, in the viewport's pixels (None: round the edge)."""
        if self.plot is None or self.point is None:
            return None
        view_box = self.plot.getPlotItem().getViewBox()
        scene = view_box.mapViewToScene(QPointF(*self.point))
        return QPointF(self.plot.mapFromScene(scene))

    def eventFilter(self, obj, event):
        if event.type() in _FOLLOW and obj in self.watched:
            self.follow()
        return False

    def detach(self):
        """Stop following the target (the ring is going)."""
        for w in self.watched:
            if shiboken6.isValid(w):
                w.removeEventFilter(self)
        if self.plot is not None and shiboken6.isValid(self.plot):
            view_box = self.plot.getPlotItem().getViewBox()
            for signal in (view_box.sigResized, view_box.sigTransformChanged):
                try:
                    signal.disconnect(self.update)
                except (RuntimeError, TypeError):
                    pass

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = RING_WIDTH * self.scale
        painter.setPen(QPen(RING_COLOUR, width))
        centre = self.centre()
        if centre is None:
            inset = width / 2 + 1
            rect = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
            painter.drawRoundedRect(rect, 8 * self.scale, 8 * self.scale)
        else:
            r = POINT_RADIUS * self.scale
            painter.drawEllipse(centre, r, r)


_FOLLOW = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)


class CaptionBand(QToolBar):
    """The caption band: progress, the caption, back / next / leave.

    A tool bar, so that the window counts it out of the docks' room and it
    covers no panel: along the bottom of the window where the story's panels
    still fit above it, else down the right-hand side (a 1366×768 projector
    in presentation mode has no height to spare).  Its size fits the longest
    caption of the story (``fit_bottom``, ``fit_side``), so that it does not
    jump from step to step.
    """

    def __init__(self, player, scale: float):
        super().__init__(player.window)
        self.player = player
        self.side = False
        self.setObjectName("story_band")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.content = QWidget()
        self.content.setObjectName("story_band_content")
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.content)
        self.progress = self._label("story_progress")
        self.caption = self._label("story_caption")
        self.caption.setWordWrap(True)
        self.caption.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._twin = self._label("")  # never shown: measures the captions
        self._twin.setWordWrap(True)
        self._twin.hide()
        self.back_button = self._button("story_back", "◀", player.back)
        self.next_button = self._button("story_next", "▶", player.next)
        self.leave_button = self._button("story_leave", "✕", player.leave)
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.back_button, self.next_button, self.leave_button):
            row.addWidget(button)
        self.box.addWidget(self.progress)
        self.box.addWidget(self.caption, 1)
        self.box.addWidget(self.buttons)
        self.addWidget(self.content)
        self.set_scale(scale)
        self.retranslate()

    def _label(self, name):
        label = QLabel(self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a caption from a file is text, never markup
        return label

    def _button(self, name, text, slot):
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay where the teacher was
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def set_scale(self, scale: float):
        """Fonts for the presentation scale: the caption as big as the panels' text."""
        self.scale = scale
        caption_font = style.font(style.BASE_POINT_SIZE + 1, scale=scale)
        self.caption.setFont(caption_font)
        self._twin.setFont(caption_font)
        self.progress.setFont(style.font(style.BASE_POINT_SIZE + 1, bold=True, scale=scale))
        for button in (self.back_button, self.next_button, self.leave_button):
            button.setFont(style.font(style.BASE_POINT_SIZE, bold=True, scale=scale))
        margin = round(6 * scale)
        self.box.setContentsMargins(margin, round(3 * scale), margin, round(3 * scale))
        self.box.setSpacing(round(12 * scale))
        self._paint()

    def _paint(self):
        edge = "border-left" if self.side else "border-top"
        self.setStyleSheet(
            f"QToolBar#story_band {{ background: {BAND_BACKGROUND}; border: none; "
            f"{edge}: {max(2, round(2 * self.scale))}px solid {BAND_EDGE}; }}"
            "QToolBar#story_band QLabel { color: #111111; }"
        )

    def retranslate(self):
        """The buttons' tooltips in the current language."""
        self.back_button.setToolTip(self.tr("Previous step (PageUp, ←)"))
        self.next_button.setToolTip(self.tr("Next step (PageDown, →, Space, Enter)"))
        self.leave_button.setToolTip(self.tr("Leave the story (Esc)"))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.player.language_changed()
        super().changeEvent(event)

    def show_step(self, number: int, count: int, caption: str):
        """Write "number / count" and the caption."""
        widest = QFontMetrics(self.progress.font()).horizontalAdvance(f"{count} / {count}")
        self.progress.setFixedWidth(widest + 2)
        self.progress.setText(f"{number} / {count}")
        self.caption.setText(caption or self.tr("(No caption yet: Story → Edit the story…)"))

    def _needs(self, captions, width: int) -> int:
        """The height the longest of ``captions`` takes at ``width``."""
        need = QFontMetrics(self.caption.font()).height()
        for text in captions:
            self._twin.setText(text)
            need = max(need, self._twin.heightForWidth(width))
        return need

    def _set_layout(self, side: bool):
        self.side = side
        self.box.setDirection(
            QBoxLayout.Direction.TopToBottom if side else QBoxLayout.Direction.LeftToRight
        )
        self.content.setMinimumSize(0, 0)
        self.content.setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX)
        fixed, expanding = QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding
        self.content.setSizePolicy(fixed if side else expanding, expanding if side else fixed)
        vertical = Qt.AlignmentFlag.AlignTop if side else Qt.AlignmentFlag.AlignVCenter
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | vertical)
        self._paint()

    def _frame(self) -> int:
        """What a tool bar adds round its widget, across it."""
        metric = self.style().pixelMetric
        return 2 * (metric(self.style().PixelMetric.PM_ToolBarFrameWidth) + 2)

    def fit_bottom(self, captions, window_width: int) -> int:
        """Lay out along the bottom, as high as the longest caption needs; its full height."""
        self._set_layout(False)
        margins = self.box.contentsMargins()
        taken = margins.left() + margins.right() + 2 * self.box.spacing()
        taken += self.progress.width() + self.buttons.sizeHint().width()
        width = max(80, window_width - taken - self._frame() - 24)
        height = max(self._needs(captions, width), self.buttons.sizeHint().height())
        self.content.setFixedHeight(height + margins.top() + margins.bottom())
        return self.content.height() + self._frame()

    def fit_side(self, captions, window_width: int, room_height: int, most: int) -> int:
        """Lay out down the side, narrow, but wide enough for the longest caption to fit
        ``room_height`` (at most ``most`` wide); its full width."""
        self._set_layout(True)
        margins = self.box.contentsMargins()
        around = margins.top() + margins.bottom() + 2 * self.box.spacing()
        around += self.progress.sizeHint().height() + self.buttons.sizeHint().height()
        least = self.buttons.sizeHint().width()
        width = least
        for share in (0.2, 0.24, 0.28, 0.32, 0.36, 0.4):
            width = max(least, min(round(window_width * share), most))
            if self._needs(captions, width) + around <= room_height - self._frame():
                break
        self.content.setFixedWidth(width + margins.left() + margins.right())
        return self.content.width() + self._frame()


def _is_text_box(widget) -> bool:
    """Whether typing in ``widget`` needs →, ←, Space, Enter, Home and End."""
    for w in (widget, widget.parentWidget()):
        if isinstance(w, (QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit)):
            return True
        if isinstance(w, QComboBox) and w.isEditable():
            return True
    return False


class StoryPlayer(QObject):
    """Plays a story on ``window`` (a ``MainWindow``): see the module's docstring."""

    playing_changed = Signal(bool)
    story_changed = Signal(bool)  # whether there is a story (to play, edit or save)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.display = window.model.display
        self.story: stories.Story | None = None
        self.index: int | None = None  # the step shown, None when no story plays
        self.band: CaptionBand | None = None
        self.ring: HighlightRing | None = None
        self.editor = None
        self._filtering = False
        self._languages_hooked = False
        self._fit_timer = QTimer(self, singleShot=True, interval=100)
        self._fit_timer.timeout.connect(self._refit_band)
        self.display.changed.connect(self._on_display_changed)
        window.installEventFilter(self)

    @property
    def playing(self) -> bool:
        """Whether a story is being shown."""
        return self.index is not None

    @property
    def step(self) -> stories.Step | None:
        """The step shown, or None."""
        return None if self.index is None else self.story.steps[self.index]

    def language(self) -> str:
        """The language the Language menu has checked (at once, even before it is installed)."""
        for lang, action in getattr(self.window, "language_actions", {}).items():
            if action.isChecked():
                return lang
        return self.window.language

    # ------------------------------------------------------------ commands
    def start_builtin(self, key: str):
        """Play built-in story ``key`` ("multiclass", "binary" or "training") from its first
        step."""
        self.start(stories.builtin(key))

    def start(self, story: stories.Story, index: int = 0):
        """Play ``story`` from step ``index``."""
        self.story = story
        self.story_changed.emit(True)
        if self.band is None:
            self.band = CaptionBand(self, self.display.scale)
        self._hook_languages()
        if not self._filtering:
            QApplication.instance().installEventFilter(self)
            self._filtering = True
        self._fit_band()
        was_playing = self.playing
        self._show(max(0, min(index, len(story.steps) - 1)), arrange=True)
        if not was_playing:
            self.playing_changed.emit(True)

    def show_step(self, index: int):
        """Show step ``index`` (0 is the first) of the story playing."""
        if self.playing:
            self._show(max(0, min(index, len(self.story.steps) - 1)))

    def next(self, _checked=False):
        """The next step (the last stays)."""
        if self.playing:
            self._show(min(self.index + 1, len(self.story.steps) - 1))

    def back(self, _checked=False):
        """The previous step (the first stays)."""
        if self.playing:
            self._show(max(self.index - 1, 0))

    def first(self, _checked=False):
        """The first step."""
        if self.playing:
            self._show(0)

    def last(self, _checked=False):
        """The last step."""
        if self.playing:
            self._show(len(self.story.steps) - 1)

    def leave(self, _checked=False, arrange: bool = True):
        """Leave the story: the band and the ring go, the model keeps the step's state."""
        if not self.playing:
            return
        self.index = None
        if self._filtering:
            QApplication.instance().removeEventFilter(self)
            self._filtering = False
        self._clear_ring()
        if self.display.spotlight is not None:
            self.display.set_spotlight(None)
        self.window.removeToolBar(self.band)
        self.band.deleteLater()
        self.band = None
        if arrange:
            self.window.arrange(self.window.lesson)  # the band's room back to the docks
        self.playing_changed.emit(False)

    def add_step(self, _checked=False):
        """Add what the window shows now as a step after the one shown (a new story if none)."""
        w, display = self.window, self.display
        state = w.model.state()
        keys = stories.STATE_KEYS
        if w.lesson == "training":  # the training lesson's points, settings and step too
            keys += stories.TRAINING_KEYS
        spotlight = display.spotlight
        front = [
            key
            for key, dock in w.docks.items()
            if spotlight is None and dock.isVisible() and not dock.visibleRegion().isEmpty()
        ]
        step = stories.make_step(
            {}, {k: state[k] for k in keys}, w.lesson, front, spotlight,
            display.views(),
        )  # fmt: skip
        at = self.index + 1 if self.playing else None
        story = stories.with_step(self.story, step, at)
        self.start(story, len(story.steps) - 1 if at is None else at)

    def edit(self, _checked=False):
        """Open the story editor (captions in both languages, order, deleting steps)."""
        if self.story is None:
            return
        if self.editor is not None and shiboken6.isValid(self.editor):
            self.editor.deleteLater()  # the last one, closed
        self.editor = StoryEditor(self.window, self.story, self.index or 0, self.language())
        self.editor.accepted.connect(lambda: self.replace_story(*self.editor.result_story()))
        self.editor.open()

    def replace_story(self, story: stories.Story | None, index: int = 0):
        """Play ``story`` (an edited version) at step ``index``; None: no story any more."""
        if story is None:
            self.leave()
            self.story = None
            self.story_changed.emit(False)
            return
        self.start(story, index)

    # -------------------------------------------------------------- showing
    def _show(self, index: int, arrange: bool = False):
        """Show step ``index``: state, views, panels, ring, caption."""
        step = self.story.steps[index]
        self.index = index
        w, display = self.window, self.display
        if display.spotlight is not None and display.spotlight != step.spotlight:
            display.set_spotlight(None)
        if "training_step" in step.state:  # the step's runs stay at its step
            w.model.set_training_playing(False)
        w.history.apply(dict(step.state))  # not an undo step ...
        w.history.stack.clear()  # ... and Ctrl+Z stops at the step
        for name, value in step.views.items():
            display.set_view(name, value)
        self._write_caption()
        self._show_panels(arrange or w.lesson != step.lesson)

    def _show_panels(self, arrange: bool):
        step, w = self.step, self.window
        if arrange:
            w.arrange(step.lesson)  # leaves any spotlight first
        if step.spotlight is not None:
            self.display.set_spotlight(step.spotlight)
        else:
            keys = list(step.front)
            if step.highlight is not None:
                keys.append(step.highlight.panel)  # last: in front of its tab neighbours
            for key in keys:
                if not w.docks[key].isHidden():
                    w.ensure_panel(key)
                    w.docks[key].raise_()
        self._place_ring()

    def _write_caption(self):
        if self.band is not None and self.playing:
            n = len(self.story.steps)
            self.band.show_step(self.index + 1, n, self.step.caption_in(self.language()))

    def caption_text(self) -> str:
        """The caption the band shows ("" when no story plays)."""
        return self.band.caption.text() if self.band is not None else ""

    def _fit_band(self) -> bool:
        """Size the band for the story's captions, at the bottom or the side (see
        ``CaptionBand``); True if it changed (the lesson needs arranging again)."""
        w, band = self.window, self.band
        before = (band.side, band.content.size().toTuple(), band.content.minimumSize().toTuple())
        lang = self.language()
        captions = [s.caption_in(lang) for s in self.story.steps] or [""]
        width, height = w.dock_room()  # with the band as it is now: give its room back
        if band.isVisibleTo(w):
            if band.side:
                width += band.sizeHint().width()
            else:
                height += band.sizeHint().height()
        keys = {k for s in self.story.steps for k in layouts.lesson_keys(s.lesson)}
        sizes = [w.dock_host.minimum_size(k) for k in keys]
        tallest = max(h for _, h in sizes) + w.dock_host.tab_height()
        widest = max(wd for wd, _ in sizes) + 12
        area = Qt.ToolBarArea.BottomToolBarArea
        if tallest > height - band.fit_bottom(captions, width) and widest < width - 80:
            band.fit_side(captions, width, height, width - widest)
            area = Qt.ToolBarArea.RightToolBarArea
        if w.toolBarArea(band) != area or not band.isVisibleTo(w):
            w.addToolBar(area, band)
            band.show()
        after = (band.side, band.content.size().toTuple(), band.content.minimumSize().toTuple())
        return after != before

    def _place_ring(self):
        self._clear_ring()
        h = self.step.highlight
        if h is None or h.panel not in self.window.docks:
            return
        panel = self.window.ensure_panel(h.panel)
        target = panel if not h.widget else panel.findChild(QWidget, h.widget)
        if target is None:
            return  # a file may name a widget this version does not have: no ring
        plot = target if hasattr(target, "getPlotItem") else None
        if plot is not None:
            self.ring = HighlightRing(plot.viewport(), self.display.scale, plot, h.point)
        else:
            self.ring = HighlightRing(target, self.display.scale)

    def _clear_ring(self):
        ring, self.ring = self.ring, None
        if ring is not None and shiboken6.isValid(ring):
            ring.detach()
            ring.hide()
            ring.deleteLater()

    # ------------------------------------------------------------- following
    def _hook_languages(self):
        if self._languages_hooked:
            return
        self._languages_hooked = True
        for action in self.window.language_actions.values():
            action.toggled.connect(lambda _on: self.language_changed())

    def language_changed(self):
        """The language changed: the caption at once, the band's height for the new text."""
        if not self.playing:
            return
        self._write_caption()
        if self._fit_band():
            self._show_panels(arrange=True)

    def _on_display_changed(self):
        if not self.playing or "scale" not in self.display.last_change:
            return
        self.band.set_scale(self.display.scale)
        self._fit_band()
        # The window builds the panels again and arranges them (when leaving
        # presentation mode it restores the arrangement once more after a zero
        # timer): the step's panels and ring are shown after that.
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, self._reshow))

    def _refit_band(self):
        """After a resize: the band for the new width, the lesson arranged round it."""
        if self.playing and self._fit_band():
            self._show_panels(arrange=True)

    def _reshow(self):
        if self.playing:
            self._show_panels(arrange=False)

    def eventFilter(self, obj, event):
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Close:
            self.leave(arrange=False)  # the window saves its layout without the band
            return False
        if obj is self.window and kind == QEvent.Type.Resize and self.band is not None:
            self._fit_timer.start()  # once the resizing stops
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        command = self._command_for(obj, event)
        if command is None:
            return False
        event.accept()  # no shortcut, and the focused widget never sees it
        if kind == QEvent.Type.KeyPress:
            command()
        return True

    def _command_for(self, obj, event):
        """The story command a key means, or None (the key is not the story's)."""
        if not self.playing or not isinstance(obj, QWidget):
            return None  # key events reach a widget after its QWindow: acted on once
        top = obj.window()
        if top is not self.window and top not in self.window.docks.values():
            return None  # a dialog's, a menu's (a floating panel's keys are the story's)
        if self.display.blank is not None or event.modifiers() not in _PLAIN:
            return None
        key = event.key()
        if _is_text_box(obj) and key not in TEXT_BOX_KEYS:
            return None
        if key in NEXT_KEYS:
            return self.next
        if key in BACK_KEYS:
            return self.back
        return {KEY.Key_Home: self.first, KEY.Key_End: self.last, KEY.Key_Escape: self.leave}.get(
            key
        )


class StoryEditor(QDialog):
    """Captions in both languages, the order of the steps, deleting steps; applied on OK.

    Works on a copy: Cancel changes nothing.  ``result_story()`` gives the
    edited story (None when every step was deleted) and the step to show.
    """

    def __init__(self, parent, story: stories.Story, index: int, lang: str):
        super().__init__(parent)
        self.setObjectName("story_editor")
        self.setWindowTitle(self.tr("Edit the story"))
        self.story = story
        self.lang = lang
        self.steps = list(story.steps)
        self.captions = [dict(s.caption) for s in story.steps]
        self.list = QListWidget()
        self.list.setObjectName("story_steps")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.texts = {}
        for lang_key in stories.LANGUAGES:
            box = QPlainTextEdit()
            box.setObjectName(f"caption_{lang_key}")
            box.setTabChangesFocus(True)
            self.texts[lang_key] = box
        self.problem = QLabel()
        self.problem.setObjectName("story_problem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {style.MSE}")
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.delete_button = QPushButton(self.tr("Delete step"))
        for button, name, slot in (
            (self.up_button, "story_up", lambda: self._move(-1)),
            (self.down_button, "story_down", lambda: self._move(1)),
            (self.delete_button, "story_delete", self._delete),
        ):
            button.setObjectName(name)
            button.clicked.connect(slot)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Steps")), 0, 0)
        grid.addWidget(self.list, 1, 0, 4, 1)
        row = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.delete_button):
            row.addWidget(button)
        grid.addLayout(row, 5, 0)
        grid.addWidget(QLabel(self.tr("Caption in English")), 0, 1)
        grid.addWidget(self.texts["en"], 1, 1)
        grid.addWidget(QLabel(self.tr("Caption in Chinese")), 2, 1)
        grid.addWidget(self.texts["zh_CN"], 3, 1)
        grid.addWidget(self.problem, 4, 1)
        grid.addWidget(buttons, 5, 1)
        self._row = None
        self.list.currentRowChanged.connect(self._select)
        self._fill(index)

    def _fill(self, current: int):
        self.list.blockSignals(True)
        self.list.clear()
        for n, caption in enumerate(self.captions, start=1):
            text = caption.get(self.lang) or next((t for t in caption.values() if t), "")
            self.list.addItem(f"{n}. {' '.join(text.split())[:60]}")  # items are plain text
        self.list.blockSignals(False)
        self._row = None
        if self.captions:
            self.list.setCurrentRow(max(0, min(current, len(self.captions) - 1)))  # _select
        for box in self.texts.values():
            box.setEnabled(bool(self.captions))

    def _store(self):
        if self._row is not None and self._row < len(self.captions):
            for lang, box in self.texts.items():
                self.captions[self._row][lang] = box.toPlainText()

    def _select(self, row: int):
        self._store()
        self._row = row if 0 <= row < len(self.captions) else None
        for lang, box in self.texts.items():
            box.setPlainText("" if self._row is None else self.captions[row][lang])

    def _move(self, by: int):
        row = self.list.currentRow()
        to = row + by
        if row < 0 or not 0 <= to < len(self.steps):
            return
        self._store()
        for items in (self.steps, self.captions):
            items.insert(to, items.pop(row))
        self._fill(to)

    def _delete(self):
        row = self.list.currentRow()
        if row < 0:
            return
        self._store()
        del self.steps[row], self.captions[row]
        self._fill(row)

    def result_story(self) -> tuple[stories.Story | None, int]:
        """The edited story (None: no step left) and the index of the step selected."""
        if not self.steps:
            return None, 0
        steps = [replace(s, caption=c) for s, c in zip(self.steps, self.captions, strict=True)]
        return stories.make_story(self.story.title, steps), max(0, self.list.currentRow())

    def accept(self):
        self._store()
        for n, caption in enumerate(self.captions, start=1):
            for text in caption.values():
                try:
                    stories.check_text(text, "", stories.MAX_CAPTION)
                except ValueError:
                    self.list.setCurrentRow(n - 1)
                    self.problem.setText(
                        self.tr(
                            "The caption of step {0} is too long: at most {1} characters."
                        ).format(n, stories.MAX_CAPTION)
                        if len(text) > stories.MAX_CAPTION
                        else self.tr("The caption of step {0} holds a control character.").format(n)
                    )
                    return
        super().accept()
