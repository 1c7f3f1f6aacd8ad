"""The main window: one dock per registered panel, the menus, saved layouts."""

from __future__ import annotations

import math
import numbers

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QToolButton,
    QWidget,
)

from lossexplorer import export, i18n, layouts, scenarios, style, window_state
from lossexplorer.history import History
from lossexplorer.meta import version
from lossexplorer.model import ExplorerModel
from lossexplorer.panels import PANELS

LAYOUT_VERSION = window_state.LAYOUT_VERSION
KNOWN_SETTINGS = window_state.KNOWN_SETTINGS
DEFAULT_SIZE = (1280, 800)
PRESENTATION_SCALES = (1.4, 1.6, 2.0)
SPECS = {spec.key: spec for spec in PANELS}


class PanelScroll(QScrollArea):
    """A frameless scroll area that sizes itself like the panel it holds.

    The dock layout sees the panel's preferred size (measured once, when the
    dock is built), but a label that changes its text on every drag step no
    longer makes the whole window lay itself out again; and in a small
    window a panel scrolls instead of being crushed.
    """

    def __init__(self, panel):
        super().__init__()
        # Sized by hand in resizeEvent: Qt's widgetResizable would grow a
        # panel holding a word-wrapped label to its height-for-width, which
        # for a plot is its full preferred height.
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(panel)
        self._hint = panel.sizeHint()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        panel = self.widget()
        minimum = panel.minimumSizeHint()
        area = self.viewport().size()
        panel.resize(max(area.width(), minimum.width()), max(area.height(), minimum.height()))

    def sizeHint(self):
        return self._hint

    def minimumSizeHint(self):
        return QSize(240, 140)


class DockTitle(QWidget):
    """A dock's title bar: a readable title, "?" for the explanation, float, close."""

    def __init__(self, dock, panel_of):
        super().__init__(dock)
        self.dock = dock
        self.panel_of = panel_of
        self.help_box = None
        self.title = QLabel(dock.windowTitle())
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(style.font(style.BASE_POINT_SIZE - 1, bold=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 1, 2, 1)
        layout.addWidget(self.title, 1)
        self.help_button = self._button("?", self.show_help)
        self.help_button.setObjectName("help_button")
        self.float_button = self._button("❐", lambda: dock.setFloating(not dock.isFloating()))
        self.close_button = self._button("✕", dock.close)
        for button in (self.help_button, self.float_button, self.close_button):
            layout.addWidget(button)
        dock.windowTitleChanged.connect(self.title.setText)
        self.retranslate()

    def _button(self, text, slot):
        button = QToolButton(self)
        button.setText(text)
        button.setAutoRaise(True)
        button.setFont(style.font(style.BASE_POINT_SIZE - 1, bold=True))
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

    def show_help(self):
        """Show the panel's explanation (non-modal, so the lesson goes on)."""
        panel = self.panel_of()
        self.help_box = QMessageBox(self)
        self.help_box.setIcon(QMessageBox.Icon.Information)
        self.help_box.setWindowTitle(self.dock.windowTitle())
        self.help_box.setTextFormat(Qt.TextFormat.RichText)
        self.help_box.setText(panel.help_text())
        self.help_box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.help_box.open()


class _Panels(dict):
    """The window's panels by key; a panel not built yet is built when asked for."""

    def __init__(self, window):
        super().__init__()
        self.window = window

    def __missing__(self, key):
        return self.window._build_panel(SPECS[key])


class MainWindow(QMainWindow):
    """lossexplorer's window: dockable panels that all share one model."""

    def __init__(self, model: ExplorerModel | None = None, settings: QSettings | None = None):
        super().__init__()
        self.model = model if model is not None else ExplorerModel(self)
        self.settings = settings if settings is not None else QSettings()
        self.history = History(self.model, self)
        self.lesson = layouts.DEFAULT_LESSON
        self.language = "en"
        self.presentation_scale = 1.6
        self._normal_look = None
        self.last_error = ""
        self._error_box = None
        self._about_box = None
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)
        # No AnimatedDocks: a lesson switch should be instant, and Qt leaves
        # an animation (and a tab bar) behind for every dock it moves.
        self.setDockOptions(
            QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.AllowNestedDocks
        )
        self.docks: dict[str, QDockWidget] = {}
        self._lesson_states = {}
        self.panels = _Panels(self)
        self.create_docks()
        self.create_actions()
        self.create_menus()
        self.retranslate()
        self.resize(*DEFAULT_SIZE)
        self.arrange(self.lesson)
        self.restore_layout()

    # ------------------------------------------------------------- build
    def create_docks(self):
        """One dock per registered panel; a panel is built when its dock is first shown.

        Building only the current lesson's panels keeps start-up fast.
        """
        for spec in PANELS:
            dock = QDockWidget(self)
            dock.setObjectName(spec.key)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            dock.setTitleBarWidget(DockTitle(dock, lambda key=spec.key: self.panels[key]))
            dock.visibilityChanged.connect(
                lambda shown, key=spec.key: self._dock_visibility_changed(key, shown)
            )
            self.docks[spec.key] = dock
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def _dock_visibility_changed(self, key, shown):
        # A dock's tab brought to the front builds its panel (on first show) and
        # brings it up to date; a tab sent behind stops redrawing.
        if shown:
            self.panels[key].set_on_screen(True)
        elif key in self.panels:
            self.panels[key].set_on_screen(False)

    def _build_panel(self, spec):
        panel = spec.load()(self.model)
        dock = self.docks[spec.key]
        old = dock.widget()
        old_panel = dict.get(self.panels, spec.key)
        # Registered before the dock changes: a new title bar re-shows a
        # floating dock, whose visibilityChanged then asks for this panel.
        self.panels[spec.key] = panel
        dock.setWidget(PanelScroll(panel))
        if old_panel is not None:
            old_panel.detach()
        if old is not None:
            old.deleteLater()
            old_title = dock.titleBarWidget()  # rebuilt at the new scale
            dock.setTitleBarWidget(DockTitle(dock, lambda key=spec.key: self.panels[key]))
            old_title.deleteLater()
        return panel

    def rebuild_panels(self):
        """Build the panels again (after the scale changed), keeping the layout."""
        state = self.saveState(LAYOUT_VERSION)
        for spec in PANELS:
            if spec.key in self.panels:
                self._build_panel(spec)
        self.restoreState(state, LAYOUT_VERSION)

    def _action(self, slot, shortcut=None, checkable=False):
        action = QAction(self)
        action.setCheckable(checkable)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even in full screen, menu bar hidden
        return action

    def create_actions(self):
        """The window's actions (texts are set in ``retranslate``)."""
        a = self._action
        self.open_action = a(self.ask_open_scenario, QKeySequence.StandardKey.Open)
        self.save_action = a(self.ask_save_scenario, QKeySequence.StandardKey.Save)
        self.export_window_action = a(self.ask_export_window, "Ctrl+E")
        self.export_csv_action = a(self.ask_export_csv, "Ctrl+Shift+E")
        self.copy_window_action = a(lambda: export.copy_image(self, 1.0), "Ctrl+Shift+C")
        self.quit_action = a(self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = a(self.history.stack.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = a(self.history.stack.redo)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.history.stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.history.stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.reset_model_action = a(self.model.reset)
        self.preset_actions = {}
        for preset in scenarios.PRESETS:
            self.preset_actions[preset.key] = a(
                lambda checked=False, p=preset: self.apply_preset(p), preset.shortcut
            )
        self.lesson_group = QActionGroup(self)
        self.lesson_actions = {}
        for n, lesson in enumerate(layouts.LESSONS, start=1):
            action = a(lambda checked=False, lesson=lesson: self.arrange(lesson), f"Ctrl+{n}", True)
            self.lesson_group.addAction(action)
            self.lesson_actions[lesson] = action
        self.reset_layout_action = a(self.reset_layout)
        self.presentation_action = a(self.set_presentation, "F5", True)
        self.scale_group = QActionGroup(self)
        self.scale_actions = {}
        for scale in PRESENTATION_SCALES:
            action = a(lambda checked=False, s=scale: self.set_presentation_scale(s), None, True)
            action.setText(f"{scale:g}×")
            action.setChecked(scale == self.presentation_scale)
            self.scale_group.addAction(action)
            self.scale_actions[scale] = action
        self.hide_numbers_action = a(self.set_numbers_hidden, "Ctrl+H", True)
        self.fullscreen_action = a(self.toggle_fullscreen, "F11", True)
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for lang, name in i18n.LANGUAGES.items():
            action = a(lambda checked=False, lang=lang: self.set_language(lang), None, True)
            action.setText(name)  # each language in its own name
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.about_action = a(self.show_about)

    def create_menus(self):
        """File, Edit, Scenarios, View, Language and Help menus; a lesson toolbar."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (
            self.open_action,
            self.save_action,
            None,
            self.export_window_action,
            self.copy_window_action,
            self.export_csv_action,
            None,
            self.quit_action,
        ):
            self.file_menu.addSeparator() if action is None else self.file_menu.addAction(action)
        self.edit_menu = bar.addMenu("")
        for action in (self.undo_action, self.redo_action, None, self.reset_model_action):
            self.edit_menu.addSeparator() if action is None else self.edit_menu.addAction(action)
        self.scenario_menu = bar.addMenu("")
        for n, action in enumerate(self.preset_actions.values()):
            if n == 5:
                self.scenario_menu.addSeparator()
            self.scenario_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        for action in self.lesson_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.reset_layout_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.presentation_action)
        self.scale_menu = self.view_menu.addMenu("")
        for action in self.scale_actions.values():
            self.scale_menu.addAction(action)
        self.view_menu.addAction(self.hide_numbers_action)
        self.view_menu.addAction(self.fullscreen_action)
        self.language_menu = bar.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("lesson_toolbar")
        for action in self.lesson_actions.values():
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.presentation_action)
        self.toolbar.addAction(self.hide_numbers_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)

    def retranslate(self):
        """Set every window-level string in the current language."""
        self.setWindowTitle(self.tr("lossexplorer — why classification uses cross-entropy"))
        titles = {
            self.file_menu: self.tr("&File"), self.edit_menu: self.tr("&Edit"),
            self.scenario_menu: self.tr("&Scenarios"), self.view_menu: self.tr("&View"),
            self.language_menu: self.tr("&Language"), self.help_menu: self.tr("&Help"),
            self.scale_menu: self.tr("Presentation size"),
        }  # fmt: skip
        for menu, title in titles.items():
            menu.setTitle(title)
        texts = {
            self.open_action: self.tr("&Open scenario…"),
            self.save_action: self.tr("&Save scenario…"),
            self.export_window_action: self.tr("Export window as &PNG…"),
            self.copy_window_action: self.tr("&Copy window image"),
            self.export_csv_action: self.tr("Export numbers as C&SV…"),
            self.quit_action: self.tr("&Quit"),
            self.undo_action: self.tr("&Undo"),
            self.redo_action: self.tr("&Redo"),
            self.reset_model_action: self.tr("Reset to the seed example"),
            self.reset_layout_action: self.tr("&Reset layout"),
            self.presentation_action: self.tr("Presentation mode"),
            self.hide_numbers_action: self.tr("Hide numbers (quiz)"),
            self.fullscreen_action: self.tr("Full screen"),
            self.about_action: self.tr("&About lossexplorer"),
        }
        for action, text in texts.items():
            action.setText(text)
        # the toolbar shows these without the "(&U)" of a Chinese menu entry
        for action, text in (
            (self.undo_action, self.tr("Undo")),
            (self.redo_action, self.tr("Redo")),
        ):
            action.setIconText(text)
            action.setToolTip(text)
        self.hide_numbers_action.setToolTip(
            self.tr("Hide every loss value so the class can predict it; press again to reveal.")
        )
        self.toolbar.setWindowTitle(self.tr("Lessons"))
        for lesson, action in self.lesson_actions.items():
            action.setText(QCoreApplication.translate("MainWindow", layouts.LESSON_TITLES[lesson]))
        for preset in scenarios.PRESETS:
            self.preset_actions[preset.key].setText(
                QCoreApplication.translate("Scenarios", preset.title)
            )
        for spec in PANELS:
            self.docks[spec.key].setWindowTitle(QCoreApplication.translate("Panels", spec.title))

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------- lessons
    def lesson_keys(self, lesson: str) -> list[str]:
        """The dock keys that a lesson shows."""
        return layouts.lesson_keys(lesson)

    def arrange(self, lesson: str):
        """Show a lesson's docks in its default arrangement; hide the rest."""
        for key in layouts.lesson_keys(lesson):
            self.panels[key]  # noqa: B018 - built before the layout measures it
        cached = self._lesson_states.get((lesson, self.size().toTuple()))
        if cached is None or not self.restoreState(cached, LAYOUT_VERSION):
            layouts.arrange(self, self.docks, lesson)
            # Arranged once, then restored: re-tabifying the docks on every
            # switch would leave Qt's old tab bars behind each time.
            self._lesson_states[(lesson, self.size().toTuple())] = self.saveState(LAYOUT_VERSION)
        self.lesson = lesson
        self.lesson_actions[lesson].setChecked(True)

    def reset_layout(self):
        """Return to the current lesson's default arrangement of the docks."""
        self.arrange(self.lesson)

    # --------------------------------------------------------- scenarios
    def apply_preset(self, preset):
        """Set the model to a one-click scenario (one undo step)."""
        self.model.set_state(scenarios.preset_state(preset, self.model.classes))

    def open_scenario(self, path) -> bool:
        """Load a ``.lossx`` file; on any problem say why and change nothing."""
        try:
            scenarios.apply(self.model, scenarios.load(path))
        except (scenarios.ScenarioError, ValueError, OverflowError, OSError) as e:
            # ScenarioError is the expected refusal; the others are a file
            # that got past the checks: refused all the same, never a crash.
            self.report_error(self.tr("Could not open the scenario"), _error_text(e))
            return False
        self.statusBar().showMessage(self.tr("Opened {0}").format(path), 8000)
        return True

    def save_scenario(self, path) -> bool:
        """Save the current state as a ``.lossx`` file."""
        try:
            scenarios.save(path, self.model.state())
        except OSError as e:
            self.report_error(self.tr("Could not save the scenario"), str(e))
            return False
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)
        return True

    def ask_open_scenario(self):
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open scenario"), "", self.tr("lossexplorer scenarios (*.lossx)")
        )
        if path:
            self.open_scenario(path)

    def ask_save_scenario(self):
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save scenario"),
            "lesson.lossx",
            self.tr("lossexplorer scenarios (*.lossx)"),
        )
        if path:
            if not path.endswith(scenarios.SUFFIX):
                path += scenarios.SUFFIX
            self.save_scenario(path)

    def ask_export_window(self):
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export window as PNG"), "lossexplorer.png", self.tr("PNG image (*.png)")
        )
        if path:
            self.export_window(path)

    def export_window(self, path) -> bool:
        """Save the window as a PNG; on failure say why (with the path)."""
        return self._export(lambda: export.window_png(self, path), path)

    def ask_export_csv(self):
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export numbers as CSV"), "lossexplorer.csv", self.tr("CSV file (*.csv)")
        )
        if path:
            self.export_csv(path)

    def export_csv(self, path) -> bool:
        """Save the numbers as CSV; on failure say why (with the path)."""
        return self._export(lambda: export.save_numbers_csv(self.model, path), path)

    def _export(self, write, path) -> bool:
        # The export functions raise OSError on failure (an older window_png
        # returned False instead, which counts as a failure too).
        path = str(path)
        try:
            failed = write() is False
            reason = path
        except OSError as e:
            failed = True
            reason = _error_text(e)
            if path not in reason:
                reason = f"{path}: {reason}"
        if failed:
            self.report_error(self.tr("Could not export"), reason)
            return False
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)
        return True

    def report_error(self, title: str, message: str):
        """Tell the teacher what went wrong, without blocking the lesson.

        ``message`` may hold text from a file (an unknown key, a path): it is
        always shown as plain text, never as markup.
        """
        self.last_error = message
        self.statusBar().showMessage(self.tr("{0}: {1}").format(title, message), 15000)
        if self._error_box is None:  # one box, reused: errors never pile up on screen
            self._error_box = QMessageBox(self)
            self._error_box.setIcon(QMessageBox.Icon.Warning)
            self._error_box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self._error_box.setTextFormat(Qt.TextFormat.PlainText)
        self._error_box.setWindowTitle(title)
        self._error_box.setText(message)
        self._error_box.open()

    # ------------------------------------------------------ presentation
    def set_presentation(self, on: bool):
        """Presentation mode: everything bigger, a high-contrast light theme."""
        app = QApplication.instance()
        on = bool(on)
        if on == (self._normal_look is not None):
            return
        if on:
            self._normal_look = (app.font(), app.palette(), style.scale)
            style.scale = self.presentation_scale
            style.apply_presentation_palette(app)
        else:
            font, palette, style.scale = self._normal_look
            app.setPalette(palette)
            self._normal_look = None
        app.setFont(style.font(style.BASE_POINT_SIZE - 2))
        self.presentation_action.setChecked(on)
        self.rebuild_panels()

    def set_presentation_scale(self, scale: float):
        """How much bigger presentation mode makes everything: one of ``PRESENTATION_SCALES``.

        Anything else raises ``ValueError`` and changes nothing.
        """
        valid = isinstance(scale, numbers.Real) and not isinstance(scale, bool)
        valid = valid and math.isfinite(scale) and scale in PRESENTATION_SCALES
        if not valid:
            choices = ", ".join(f"{s:g}" for s in PRESENTATION_SCALES)
            raise ValueError(f"presentation scale must be one of {choices}, not {scale!r}")
        scale = PRESENTATION_SCALES[PRESENTATION_SCALES.index(scale)]
        self.presentation_scale = scale
        self.scale_actions[scale].setChecked(True)
        if self._normal_look is not None:
            style.scale = scale
            QApplication.instance().setFont(style.font(style.BASE_POINT_SIZE - 2))
            self.rebuild_panels()

    def set_numbers_hidden(self, hidden: bool):
        """Quiz mode: hide every loss value until the teacher reveals it."""
        style.numbers_hidden = bool(hidden)
        self.hide_numbers_action.setChecked(style.numbers_hidden)
        for panel in self.panels.values():
            panel.refresh()

    def toggle_fullscreen(self, on: bool):
        """F11: full screen and back."""
        self.showFullScreen() if on else self.showNormal()

    # ---------------------------------------------------------- language
    def set_language(self, lang: str):
        """Switch the language now (no restart); remembered for the next run."""
        self.language = i18n.install(lang)
        self.language_actions[self.language].setChecked(True)
        self.settings.setValue("language", self.language)

    def show_about(self):
        text = self.tr(
            "<h3>lossexplorer {version}</h3>"
            "<p>Shows why classification uses cross-entropy: drag the probabilities, "
            "slide the label, and watch −log p and MSE side by side.</p>"
            "<p>Free software under the MIT licence.</p>"
        ).format(version=version())
        if self._about_box is None:
            self._about_box = QMessageBox(self)
            self._about_box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self._about_box.setTextFormat(Qt.TextFormat.RichText)
        self._about_box.setWindowTitle(self.tr("About lossexplorer"))
        self._about_box.setText(text)
        self._about_box.open()

    # ------------------------------------------------------------ layout
    def restore_layout(self) -> bool:
        """Restore the saved lesson, geometry and dock layout; defaults if damaged.

        ``window_state`` checks the saved bytes before Qt sees them.  Returns
        True when a saved layout was restored.
        """
        self.layout_message = window_state.restore_layout(self, self.settings)
        if self.layout_message == window_state.DAMAGED:
            self.setWindowState(Qt.WindowState.WindowNoState)
            self.resize(*DEFAULT_SIZE)
            self.arrange(layouts.DEFAULT_LESSON)
            self.statusBar().showMessage(
                self.tr("The saved window layout could not be read; using the default layout."),
                15000,
            )
        return self.layout_message == window_state.RESTORED

    def save_layout(self):
        """Save the lesson, geometry and dock layout for the next start."""
        window_state.save_layout(self, self.settings)

    def closeEvent(self, event):
        if self._normal_look is not None:
            self.set_presentation(False)  # save the normal layout, not the big one
        self.save_layout()
        for box in self.findChildren(QMessageBox):
            box.close()
        for panel in self.panels.values():
            panel.detach()
        super().closeEvent(event)


def _error_text(error: Exception) -> str:
    """A readable reason from an exception: an OSError's reason without "[Errno 2]"."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


def apply_app_style(app):
    """Application-wide font and pyqtgraph defaults."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    app.setFont(style.font(style.BASE_POINT_SIZE - 2))
