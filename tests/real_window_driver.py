"""Runs lossexplorer in a real X window for tests/test_real_window.py (not a test itself).

It builds the same window the ``lossexplorer`` command builds, then prints one
``READY {json}`` line with the screen coordinates of points on the cat bar,
so that the test can drag it with real X pointer events (xdotool).  It then
watches a command file: ``report PATH`` grabs the X screen into PATH (a PNG)
and prints ``STATE {json}`` with the model's probabilities; ``quit`` exits.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

from PySide6.QtCore import QPointF, QSettings, QTimer
from PySide6.QtGui import QGuiApplication

from lossexplorer.app import _make_app
from lossexplorer.mainwindow import MainWindow


def main() -> int:
    command_file = sys.argv[1]
    app = _make_app(["lossexplorer"])
    settings = QSettings(
        os.path.join(tempfile.mkdtemp(), "settings.ini"), QSettings.Format.IniFormat
    )
    window = MainWindow(settings=settings)
    window.move(0, 0)
    window.show()
    window.raise_()
    window.activateWindow()

    def screen_point(x, y):
        plot = window.panels["probabilities"].plot
        vb = plot.getPlotItem().getViewBox()
        local = plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        g = plot.mapToGlobal(local)
        return [g.x(), g.y()]

    def ready():
        points = {f"{p:g}": screen_point(0, p) for p in (0.5, 0.3, 0.1)}
        print("READY " + json.dumps(points), flush=True)

    def poll():
        try:
            with open(command_file) as f:
                command = f.read().strip()
        except OSError:
            return
        if not command:
            return
        open(command_file, "w").close()
        if command.startswith("report "):
            path = command.split(" ", 1)[1]
            QGuiApplication.primaryScreen().grabWindow(0).save(path, "PNG")
            state = {"probabilities": [float(p) for p in window.model.probabilities]}
            print("STATE " + json.dumps(state), flush=True)
        elif command == "quit":
            window.close()
            app.quit()

    QTimer.singleShot(1500, ready)
    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(100)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
