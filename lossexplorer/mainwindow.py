"""The main window: one dock per registered panel, the menus, saved layouts."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from lossexplorer import style
from lossexplorer.model import ExplorerModel
from lossexplorer.panels import PANELS

# Bump when the set of docks changes, so a layout saved by another version
# is not restored onto docks it does not describe.
LAYOUT_VERSION = 1
DEFAULT_SIZE = (1280, 800)


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
        self._default_state = self.saveState(LAYOUT_VERSION)
        self.restore_layout()

    # --------------------------------------------------------------- build
    def create_docks(self):
        """Build one dock per registered panel."""
        for spec in PANELS:
            panel = spec.load()(self.model)
            dock = QDockWidget(self)
            dock.setObjectName(spec.key)
            dock.setWidget(panel)
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

    def create_menus(self):
        """File and View menus; View lists every dock."""
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.reset_layout_action)

    def retranslate(self):
        """Set every window-level string in the current language."""
        self.setWindowTitle(self.tr("lossexplorer — why classification uses cross-entropy"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.quit_action.setText(self.tr("&Quit"))
        self.reset_layout_action.setText(self.tr("&Reset layout"))
        for spec in PANELS:
            self.docks[spec.key].setWindowTitle(QCoreApplication.translate("Panels", spec.title))

    # -------------------------------------------------------------- layout
    def arrange_default(self):
        """Put every dock in its default place and show it."""
        for dock in self.docks.values():
            dock.setFloating(False)
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
            dock.show()

    def reset_layout(self):
        """Return to the default arrangement of the docks."""
        self.restoreState(self._default_state, LAYOUT_VERSION)
        for dock in self.docks.values():
            dock.show()

    def restore_layout(self) -> bool:
        """Restore the saved geometry and dock layout; keep defaults if damaged.

        Returns True when a saved layout was restored.
        """
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is None and state is None:
            self.layout_message = ""
            return False
        ok = isinstance(geometry, QByteArray) and isinstance(state, QByteArray)
        ok = ok and self.restoreGeometry(geometry) and self.restoreState(state, LAYOUT_VERSION)
        if not ok:
            self.resize(*DEFAULT_SIZE)
            self.restoreState(self._default_state, LAYOUT_VERSION)
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
        self.settings.sync()

    def closeEvent(self, event):
        self.save_layout()
        super().closeEvent(event)


def apply_app_style(app):
    """Application-wide font and pyqtgraph defaults."""
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    app.setFont(style.font(style.BASE_POINT_SIZE - 2))
