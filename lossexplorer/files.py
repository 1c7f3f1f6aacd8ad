"""The window's file dialogs: what each asks, and the folder it starts in.

A dialog starts in the folder the teacher last used (remembered between runs),
else in the user's documents, never in the folder the app was started from.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from lossexplorer import scenarios

FOLDER_KEY = "files/folder"


class FileDialogs:
    """The open, save and export dialogs of ``window``, which carries out the chosen action."""

    def __init__(self, window, settings):
        self.window = window
        self.settings = settings

    def folder(self) -> str:
        """Where a dialog starts: the last folder used if it still exists, else the documents."""
        saved = self.settings.value(FOLDER_KEY)
        if isinstance(saved, str) and saved and os.path.isdir(saved):
            return saved
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents if documents and os.path.isdir(documents) else os.path.expanduser("~")

    def remember(self, path: str) -> None:
        """Start the next dialog in the folder of ``path``."""
        folder = os.path.dirname(os.path.abspath(path))
        if os.path.isdir(folder):
            self.settings.setValue(FOLDER_KEY, folder)

    def _start(self, name: str) -> str:
        return os.path.join(self.folder(), name)

    def ask_open_scenario(self):
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Open scenario"),
            self.folder(),
            QCoreApplication.translate("MainWindow", "lossexplorer scenarios (*.lossx)"),
        )
        if path:
            self.remember(path)
            self.window.open_scenario(path)

    def ask_save_scenario(self):
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Save scenario"),
            self._start("lesson.lossx"),
            QCoreApplication.translate("MainWindow", "lossexplorer scenarios (*.lossx)"),
        )
        if path:
            if not path.endswith(scenarios.SUFFIX):
                path += scenarios.SUFFIX
            self.remember(path)
            self.window.save_scenario(path)

    def ask_export_window(self):
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Export window as PNG"),
            self._start("lossexplorer.png"),
            QCoreApplication.translate("MainWindow", "PNG image (*.png)"),
        )
        if path:
            self.remember(path)
            self.window.export_window(path)

    def ask_export_csv(self):
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("MainWindow", "Export numbers as CSV"),
            self._start("lossexplorer.csv"),
            QCoreApplication.translate("MainWindow", "CSV file (*.csv)"),
        )
        if path:
            self.remember(path)
            self.window.export_csv(path)
