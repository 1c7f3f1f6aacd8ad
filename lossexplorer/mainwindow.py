"""The main window: the docks, actions and lessons put together round one model.

The docks live in ``docks`` (``DockHost``), the actions, menus and toolbar in
``actions`` (one table), the lessons' arrangements in ``layouts`` and the saved
layout in ``window_state``; this module is the window that holds them and
carries out its commands.
"""

from __future__ import annotations

import math
import numbers

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QMainWindow,
    QMessageBox,
    QToolBar,
)

from lossexplorer import actions, export, i18n, layouts, scenarios, style, version, window_state
from lossexplorer.actions import PRESENTATION_SCALES
from lossexplorer.docks import DockHost
from lossexplorer.files import FileDialogs
from lossexplorer.history import History
from lossexplorer.model import ExplorerModel
from lossexplorer.stage import Stage
from lossexplorer.story_player import StoryPlayer

DEFAULT_SIZE = (1280, 800)
_TOP_OR_BOTTOM = (Qt.ToolBarArea.TopToolBarArea, Qt.ToolBarArea.BottomToolBarArea)


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
        # The window may be smaller than the docks' minimum sizes (a small
        # screen): then the lesson is arranged with more tabs (see arrange),
        # instead of the window growing past the edges of the screen.
        self.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._refit_timer = QTimer(self, singleShot=True, interval=150)
        self._refit_timer.timeout.connect(self._refit)
        self.dock_host = DockHost(self, self.model)
        self.docks = self.dock_host.docks  # every dock, by panel key
        self.panels = self.dock_host.panels  # the panels built so far, by key
        self._lesson_states = {}
        self.stage = Stage(self, window_state.LAYOUT_VERSION)
        self.stories = StoryPlayer(self)
        self.files = FileDialogs(self, self.settings)
        actions.build(self)
        self.pointer_action.setChecked(self.model.display.pointer_highlight)
        self.retranslate()
        self.resize(*DEFAULT_SIZE)
        window_state.keep_on_screen(self)  # 1280×800 is taller than a 1366×768 projector
        self.arrange(self.lesson)
        self.restore_layout()

    def ensure_panel(self, key: str):
        """The panel ``key``, built first if its dock has not been shown yet."""
        return self.dock_host.ensure_panel(key)

    def rebuild_panels(self):
        """Build the panels again (after the scale changed), keeping the layout."""
        self.dock_host.rebuild(window_state.LAYOUT_VERSION)

    def retranslate(self):
        """Set every window-level string in the current language."""
        self.setWindowTitle(self.tr("lossexplorer — why classification uses cross-entropy"))
        actions.retranslate(self)
        self.dock_host.retranslate()

    def changeEvent(self, event):
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ----------------------------------------------------------- lessons
    def arrange(self, lesson: str):
        """Show a lesson's docks in the least tabbed arrangement that fits; hide the rest.

        Each panel gets at least its minimum size: where the lesson's panels
        do not fit side by side (a small projector, presentation mode), some
        go behind tabs, one click away.
        """
        self.stage.restore_before_spotlight()
        for key in layouts.lesson_keys(lesson):
            self.ensure_panel(key)  # built before the layout measures it
        width, height = self.dock_room()
        level = layouts.fitting_level(
            lesson, lambda columns, weights: self.dock_host.fits(columns, weights, width, height)
        )
        layout_version = window_state.LAYOUT_VERSION
        # the docks' room, not the window's size: a story's caption band takes some
        key = (lesson, level, (width, height), self.model.display.scale, self.language)
        cached = self._lesson_states.get(key)
        if cached is None or not self.restoreState(cached, layout_version):
            layouts.arrange(
                self, self.docks, lesson, level, (width, height), self.dock_host.minimum_size
            )
            # Arranged once, then restored: re-tabifying the docks on every
            # switch would leave Qt's old tab bars behind each time.
            self._lesson_states[key] = self.saveState(layout_version)
        self.lesson = lesson
        self.lesson_actions[lesson].setChecked(True)

    def dock_room(self) -> tuple[int, int]:
        """The width and height the docks share: the window less its menu, toolbar, status bar."""
        width, height = self.width(), self.height() - self.menuBar().sizeHint().height()
        for bar in self.findChildren(QToolBar):
            if bar.isVisibleTo(self) and self.toolBarArea(bar) in _TOP_OR_BOTTOM:
                height -= bar.sizeHint().height()
            elif bar.isVisibleTo(self) and not bar.isFloating():  # at a side (a story band)
                width -= bar.sizeHint().width()
        height -= self.statusBar().sizeHint().height()
        return width, height

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._refit_timer.start()

    def _refit(self):
        """After a resize: arrange the lesson again if a panel no longer gets its minimum size."""
        if self.model.display.spotlight is not None:
            return  # one panel fills the window
        for key, dock in self.docks.items():
            panel = self.panels.get(key)
            if panel is None or not dock.isVisible() or dock.visibleRegion().isEmpty():
                continue
            room = dock.widget().size()
            need_width = panel.minimumSizeHint().width()
            need_height = panel.minimum_height_at(room.width())
            cut = not self.rect().contains(dock.geometry())  # pushed past the window's edge
            if cut or room.width() < need_width or room.height() < need_height:
                self.arrange(self.lesson)
                return

    def reset_layout(self):
        """Return to the current lesson's default arrangement of the docks."""
        self.arrange(self.lesson)

    # --------------------------------------------------------- scenarios
    def apply_preset(self, preset):
        """Set the model to a one-click scenario (one undo step)."""
        self.model.set_state(scenarios.preset_state(preset, self.model.classes))

    def open_scenario(self, path) -> bool:
        """Load a ``.lossx`` file (and play its story from step 1, if it has one); on any
        problem say why and change nothing."""
        try:
            state, story = scenarios.read(path)
            scenarios.apply(self.model, state)
        except (scenarios.ScenarioError, ValueError, OverflowError, OSError) as e:
            # ScenarioError is the expected refusal; the others are a file
            # that got past the checks: refused all the same, never a crash.
            self.report_error(self.tr("Could not open the scenario"), _error_text(e))
            return False
        if story is not None:
            self.stories.start(story)
        self.statusBar().showMessage(self.tr("Opened {0}").format(path), 8000)
        return True

    def save_scenario(self, path) -> bool:
        """Save the current state, and the story played or written, as a ``.lossx`` file."""
        try:
            scenarios.save(path, self.model.state(), self.stories.story)
        except OSError as e:
            self.report_error(self.tr("Could not save the scenario"), str(e))
            return False
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 8000)
        return True

    def export_window(self, path) -> bool:
        """Save the window as a PNG; on failure say why (with the path)."""
        return self._export(lambda: export.window_png(self, path), path)

    def copy_window_image(self):
        """Copy a picture of the window to the clipboard, and say so."""
        export.copy_image(self, self.devicePixelRatioF())  # as sharp as the screen
        self.statusBar().showMessage(self.tr("Copied a picture of the window"), 8000)

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
        self.stage.restore_before_spotlight()
        display = self.model.display
        layout_version = window_state.LAYOUT_VERSION
        if on:
            normal_state = self.saveState(layout_version)
            self._normal_look = (app.font(), app.palette(), display.scale, normal_state)
            display.set_scale(self.presentation_scale)
            style.apply_presentation_palette(app)
        else:
            _font, palette, scale, normal_state = self._normal_look
            display.set_scale(scale)
            app.setPalette(palette)
            self._normal_look = None
        display.set_presentation(on)
        style.set_app_font(app, display.scale)
        self.presentation_action.setChecked(on)
        self.rebuild_panels()  # fonts, pens and markers are built at the scale
        if on:
            self.arrange(self.lesson)  # the lesson arranged for the bigger panels
        else:  # as the teacher left it (again once the normal font has laid out the bars)
            self.restoreState(normal_state, layout_version)
            QTimer.singleShot(0, lambda: self.restoreState(normal_state, layout_version))

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
            self.model.display.set_scale(scale)
            style.set_app_font(QApplication.instance(), scale)
            self.rebuild_panels()
            self.arrange(self.lesson)

    def set_numbers_hidden(self, hidden: bool):
        """Quiz mode: hide every loss value until the teacher reveals it.

        The panels follow ``model.display`` (one behind another tab redraws
        when it comes to the front).
        """
        self.model.display.set_numbers_hidden(bool(hidden))
        self.hide_numbers_action.setChecked(self.model.display.numbers_hidden)

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
            window_state.keep_on_screen(self)
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
        self.stage.restore_before_spotlight()
        self.stage.detach()
        if self._normal_look is not None:
            self.set_presentation(False)  # save the normal layout, not the big one
        self.save_layout()
        for box in self.findChildren(QMessageBox):
            box.close()
        self.dock_host.detach()
        super().closeEvent(event)


def _error_text(error: Exception) -> str:
    """A readable reason from an exception: an OSError's reason without "[Errno 2]"."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
