"""The main window: one dock per registered panel, the menus, saved layouts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea

from lossexplorer import style
from lossexplorer.model import ExplorerModel
from lossexplorer.panels import PANELS

# Bump when the set of docks changes, so a layout saved by another version
# is not restored onto docks it does not describe.
LAYOUT_VERSION = 1
DEFAULT_SIZE = (1280, 800)
DEFAULT_LESSON = "multiclass"
# Each lesson: columns, each a list of rows, each a list of docks shown as tabs.
LESSONS = {
    "multiclass": [
        [["probabilities"], ["logits", "calculation"]],
        [["readout"], ["penalty"]],
    ],
    "binary": [
        [["sigmoid"], ["binary_loss"]],
        [["ce_prob"], ["race"]],
    ],
    "everything": [
        [["probabilities", "sigmoid"], ["logits", "calculation", "binary_loss"]],
        [["readout", "ce_prob"], ["penalty", "race"]],
    ],
}
# Relative heights of the rows in each column, per lesson.
ROW_WEIGHTS = {
    "multiclass": [(11, 9), (4, 7)],
    "binary": [(2, 3), (1, 1)],
    "everything": [(11, 9), (2, 3)],
}
LESSON_TITLES = {
    "multiclass": QT_TRANSLATE_NOOP("MainWindow", "Multi-class"),
    "binary": QT_TRANSLATE_NOOP("MainWindow", "Binary"),
    "everything": QT_TRANSLATE_NOOP("MainWindow", "Everything"),
}


class PanelScroll(QScrollArea):
    """A frameless scroll area that sizes itself like the panel it holds.

    The dock layout sees the panel's preferred size (measured once, when the
    dock is built), but a label that changes its text on every drag step no
    longer makes the whole window lay itself out again; and in a small
    window a panel scrolls instead of being crushed.
    """

    def __init__(self, panel):
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(panel)
        self._hint = panel.sizeHint()

    def sizeHint(self):
        return self._hint

    def minimumSizeHint(self):
        return QSize(240, 140)


class MainWindow(QMainWindow):
    """lossexplorer's window: dockable panels that all share one model."""

    def __init__(self, model: ExplorerModel | None = None, settings: QSettings | None = None):
        super().__init__()
        self.model = model if model is not None else ExplorerModel(self)
        self.settings = settings if settings is not None else QSettings()
        self.setObjectName("MainWindow")
        self.setDockNestingEnabled(True)
        self.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        self.docks: dict[str, QDockWidget] = {}
        self.panels = {}
        self.create_docks()
        self.create_actions()
        self.create_menus()
        self.retranslate()
        self.resize(*DEFAULT_SIZE)
        self.arrange_default()
        self.restore_layout()

    # --------------------------------------------------------------- build
    def create_docks(self):
        """Build one dock per registered panel."""
        for spec in PANELS:
            panel = spec.load()(self.model)
            dock = QDockWidget(self)
            dock.setObjectName(spec.key)
            # The scroll area keeps a panel usable on a small projector and
            # stops a label's new size hint from re-laying out the window.
            dock.setWidget(PanelScroll(panel))
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetClosable
                | QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            )
            self.docks[spec.key] = dock
            self.panels[spec.key] = panel
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def create_actions(self):
        """The window's actions."""
        self.reset_layout_action = QAction(self)
        self.reset_layout_action.triggered.connect(self.reset_layout)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.lesson_group = QActionGroup(self)
        self.lesson_actions = {}
        for n, lesson in enumerate(LESSONS, start=1):
            action = QAction(self, checkable=True)
            action.setData(lesson)
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda checked=False, lesson=lesson: self.arrange(lesson))
            self.lesson_group.addAction(action)
            self.lesson_actions[lesson] = action

    def create_menus(self):
        """File and View menus; View lists every dock."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in self.lesson_actions.values():
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.reset_layout_action)
        self.lesson_toolbar = self.addToolBar("")
        self.lesson_toolbar.setObjectName("lesson_toolbar")
        for action in self.lesson_actions.values():
            self.lesson_toolbar.addAction(action)

    def retranslate(self):
        """Set every window-level string in the current language."""
        self.setWindowTitle(self.tr("lossexplorer — why classification uses cross-entropy"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.quit_action.setText(self.tr("&Quit"))
        self.reset_layout_action.setText(self.tr("&Reset layout"))
        self.lesson_toolbar.setWindowTitle(self.tr("Lessons"))
        for lesson, action in self.lesson_actions.items():
            action.setText(QCoreApplication.translate("MainWindow", LESSON_TITLES[lesson]))
        for spec in PANELS:
            self.docks[spec.key].setWindowTitle(QCoreApplication.translate("Panels", spec.title))

    # -------------------------------------------------------------- layout
    def lesson_keys(self, lesson: str) -> list[str]:
        """The dock keys that a lesson shows."""
        return [key for column in LESSONS[lesson] for row in column for key in row]

    def arrange(self, lesson: str):
        """Show a lesson's docks in its default arrangement; hide the rest.

        A lesson is columns of rows of tabbed docks (see ``LESSONS``).
        """
        if lesson not in LESSONS:
            raise ValueError(f"unknown lesson {lesson!r}")
        self.lesson = lesson
        wanted = [k for k in self.lesson_keys(lesson) if k in self.docks]
        for key, dock in self.docks.items():
            dock.setFloating(False)
            if key not in wanted:
                dock.hide()
        firsts, rows_by_column = [], []
        for c, column in enumerate(LESSONS[lesson]):
            area = (
                Qt.DockWidgetArea.LeftDockWidgetArea
                if c == 0
                else Qt.DockWidgetArea.RightDockWidgetArea
            )
            above = None
            rows_by_column.append([])
            for row in column:
                row = [k for k in row if k in self.docks]
                if not row:
                    continue
                first = self.docks[row[0]]
                if above is None:
                    self.addDockWidget(area, first)
                    firsts.append(first)
                else:
                    self.splitDockWidget(above, first, Qt.Orientation.Vertical)
                for key in row[1:]:
                    self.tabifyDockWidget(first, self.docks[key])
                for key in row:
                    self.docks[key].show()
                first.raise_()
                rows_by_column[-1].append(first)
                above = first
        if len(firsts) == 2:
            w = self.width()
            self.resizeDocks(firsts, [int(w * 0.56), int(w * 0.44)], Qt.Orientation.Horizontal)
        for column_docks, weights in zip(rows_by_column, ROW_WEIGHTS[lesson], strict=False):
            if len(column_docks) > 1:
                h = self.height()
                sizes = [int(h * wt / sum(weights)) for wt in weights[: len(column_docks)]]
                self.resizeDocks(column_docks, sizes, Qt.Orientation.Vertical)
        for action in self.lesson_actions.values():
            action.setChecked(action.data() == lesson)

    def arrange_default(self):
        """Put every dock in its default place for the current lesson."""
        self.arrange(getattr(self, "lesson", DEFAULT_LESSON))

    def reset_layout(self):
        """Return to the current lesson's default arrangement of the docks."""
        self.arrange(self.lesson)

    def restore_layout(self) -> bool:
        """Restore the saved geometry and dock layout; keep defaults if damaged.

        Returns True when a saved layout was restored.
        """
        lesson = self.settings.value("window/lesson")
        if isinstance(lesson, str) and lesson in LESSONS and lesson != self.lesson:
            self.arrange(lesson)
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is None and state is None:
            self.layout_message = ""
            return False
        ok = isinstance(geometry, QByteArray) and isinstance(state, QByteArray)
        ok = ok and self.restoreGeometry(geometry) and self.restoreState(state, LAYOUT_VERSION)
        if not ok:
            self.resize(*DEFAULT_SIZE)
            self.arrange(self.lesson)
            self.layout_message = "damaged"
            self.statusBar().showMessage(
                self.tr("The saved window layout could not be read; using the default layout."),
                15000,
            )
            return False
        self.layout_message = "restored"
        return True

    def save_layout(self):
        """Save the geometry and dock layout for the next start."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(LAYOUT_VERSION))
        self.settings.setValue("window/lesson", self.lesson)
        self.settings.sync()

    def closeEvent(self, event):
        self.save_layout()
        super().closeEvent(event)


def apply_app_style(app):
    """Application-wide font and pyqtgraph defaults."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    app.setFont(style.font(style.BASE_POINT_SIZE - 2))
