"""The window's docks: one per registered panel, each panel built when its dock is first shown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QWidget,
)

from lossexplorer import layouts, style
from lossexplorer import panels as registry


class PanelScroll(QScrollArea):
    """A frameless holder that sizes itself like the panel it holds, and never scrolls.

    The dock layout sees the panel's preferred and minimum sizes, but a label
    that changes its text on every drag step no longer makes the whole window
    lay itself out again.  It never shows a scroll bar: the window arranges
    the docks so that each gets at least its panel's minimum size, and puts
    panels behind tabs when they do not fit side by side.
    """

    def __init__(self, panel):
        super().__init__()
        # Sized by hand in resizeEvent: Qt's widgetResizable would grow a
        # panel holding a word-wrapped label to its height-for-width, which
        # for a plot is its full preferred height.
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(panel)
        self._hint = panel.sizeHint()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        panel = self.widget()
        minimum = panel.minimumSizeHint()
        area = self.viewport().size()
        width = max(area.width(), minimum.width())
        panel.resize(width, max(area.height(), panel.minimum_height_at(width)))
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # a wider panel may need less height, a narrower more

    def sizeHint(self):
        return self._hint.expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self):
        panel = self.widget()
        hint = panel.minimumSizeHint()
        return QSize(hint.width(), panel.minimum_height_at(max(self.width(), hint.width())))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.updateGeometry()  # the panel's words, and so its minimum size, change
        super().changeEvent(event)


class DockTitle(QWidget):
    """A dock's title bar: a readable title, "?" for the explanation, float, close."""

    def __init__(self, dock, panel_of, scale: float = 1.0, on_double_click=None):
        super().__init__(dock)
        self.dock = dock
        self.panel_of = panel_of
        self.on_double_click = on_double_click
        self.help_box = None
        self.title = QLabel(dock.windowTitle())
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(style.font(style.BASE_POINT_SIZE - 1, bold=True, scale=scale))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.addWidget(self.title, 1)
        self._scale = scale
        self.help_button = self._button("?", self.show_help)
        self.help_button.setObjectName("help_button")
        self.float_button = self._button("❐", lambda: dock.setFloating(not dock.isFloating()))
        self.close_button = self._button("✕", dock.close)
        for button in (self.help_button, self.float_button, self.close_button):
            layout.addWidget(button)
        self.retranslate()

    def _button(self, text, slot):
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.setFont(style.font(style.BASE_POINT_SIZE - 1, bold=True, scale=self._scale))
        button.clicked.connect(slot)
        return button

    def retranslate(self):
        self.help_button.setToolTip(self.tr("What does this panel show?"))
        self.float_button.setToolTip(self.tr("Float or dock this panel"))
        self.close_button.setToolTip(self.tr("Close this panel (View menu brings it back)"))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def mouseDoubleClickEvent(self, event):
        # instead of Qt's float-on-double-click: the spotlight
        if self.on_double_click is not None and event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.on_double_click()
        else:
            super().mouseDoubleClickEvent(event)

    def show_help(self):
        """Show the panel's explanation (non-modal, so the lesson goes on)."""
        panel = self.panel_of()
        self.help_box = QMessageBox(self)
        self.help_box.setIcon(QMessageBox.Icon.Information)
        self.help_box.setWindowTitle(self.title.text())
        self.help_box.setTextFormat(Qt.TextFormat.RichText)
        self.help_box.setText(panel.help_text())
        self.help_box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.help_box.open()


class DockHost:
    """A window's docks, one per registered panel, and the panels built so far.

    ``docks`` maps every registered key to its dock; ``panels`` maps the key
    of each panel built so far to the panel (a plain dict: reading it builds
    nothing).  A panel is built by ``ensure_panel``: when its dock is first
    shown, or when asked for; building only the current lesson's panels keeps
    start-up fast.
    """

    def __init__(self, window, model):
        self.window = window
        self.model = model
        self.docks: dict[str, QDockWidget] = {}
        self.panels: dict = {}
        for spec in registry.PANELS:
            self._add_dock(spec.key)

    def _add_dock(self, key):
        dock = QDockWidget(self.window)
        dock.setObjectName(key)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        dock.setTitleBarWidget(self._title(dock, key))
        dock.visibilityChanged.connect(lambda shown: self._visibility_changed(key, shown))
        self.docks[key] = dock
        self.window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def _title(self, dock, key):
        display = self.model.display
        return DockTitle(
            dock,
            lambda: self.ensure_panel(key),
            display.scale,
            on_double_click=lambda: display.set_spotlight(None if display.spotlight else key),
        )

    def _visibility_changed(self, key, shown):
        # A dock's tab brought to the front builds its panel (on first show) and
        # brings it up to date; a tab sent behind stops redrawing.
        if shown:
            self.ensure_panel(key).set_on_screen(True)
        elif key in self.panels:
            self.panels[key].set_on_screen(False)

    def ensure_panel(self, key: str):
        """The panel of dock ``key``, built first if it has not been yet."""
        if key not in self.panels:
            self._build(key)
        return self.panels[key]

    def panel_in_dock(self, key: str):
        """The panel that dock ``key`` holds (None when it holds none yet)."""
        scroll = self.docks[key].widget()
        return None if scroll is None else scroll.widget()

    def _build(self, key):
        panel = registry.spec(key).load()(self.model)
        dock = self.docks[key]
        old = dock.widget()
        old_panel = self.panels.get(key)
        # Registered before the dock changes: a new title bar re-shows a
        # floating dock, whose visibilityChanged then asks for this panel.
        self.panels[key] = panel
        dock.setWidget(PanelScroll(panel))
        if old_panel is not None:
            old_panel.detach()
            panel.take_over(old_panel)
        if old is not None:
            old.deleteLater()
            old_title = dock.titleBarWidget()  # rebuilt at the new scale
            dock.setTitleBarWidget(self._title(dock, key))
            old_title.deleteLater()
            self.retranslate()

    def minimum_size(self, key: str, width: int | None = None) -> tuple[int, int]:
        """The smallest (width, height) dock ``key`` shows its panel at, title included.

        Given a ``width``, the height is the least the panel needs at that width.
        """
        dock = self.docks[key]
        panel = self.ensure_panel(key)
        hint = panel.minimumSizeHint()
        height = hint.height() if width is None else panel.minimum_height_at(width - 2)
        title = dock.titleBarWidget().minimumSizeHint()
        return max(hint.width(), title.width()) + 2, height + title.height() + 2

    def tab_width(self, key: str) -> int:
        """The width of dock ``key``'s tab when it shares a row of tabs."""
        metrics = QFontMetrics(style.font(style.APP_POINT_SIZE))  # the tabs' size (see stage)
        return metrics.horizontalAdvance(self.docks[key].windowTitle()) + 2 * metrics.height()

    def tab_height(self) -> int:
        """The height of a row of tabs."""
        return QFontMetrics(style.font(style.APP_POINT_SIZE)).height() + 14

    def fits(self, columns, column_weights, width: int, height: int) -> bool:
        """Whether the docks of ``columns`` (a ``layouts.arrangement``) fit in width × height."""
        need = layouts.needed_size(
            columns, self.minimum_size, self.tab_width, self.tab_height(), width, column_weights
        )
        return need[0] <= width and need[1] <= height

    def rebuild(self, layout_version: int):
        """Build the built panels again (after the scale changed), keeping the layout."""
        state = self.window.saveState(layout_version)
        for spec in registry.PANELS:
            if spec.key in self.panels:
                self._build(spec.key)
        self.window.restoreState(state, layout_version)

    def retranslate(self):
        """Dock titles in the current language: the full one above the panel and in the
        View menu, the short one (if any) on its tab, so that a row of tabs fits."""
        for spec in registry.PANELS:
            if spec.key in self.docks:
                dock = self.docks[spec.key]
                title = QCoreApplication.translate("Panels", spec.title)
                tab = QCoreApplication.translate("Panels", spec.tab) if spec.tab else title
                dock.setWindowTitle(tab)  # what Qt writes on the tab
                dock.titleBarWidget().title.setText(title)
                dock.toggleViewAction().setText(title)

    def detach(self):
        """Disconnect every panel from the model (the window is closing)."""
        for panel in self.panels.values():
            panel.detach()
