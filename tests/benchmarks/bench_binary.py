"""Interaction latency of the binary lesson panels, from input event to repainted plots.

Builds the four binary panels (sigmoid, MSE vs cross-entropy with the log
gradient overlay on, cross-entropy over ŷ, gradient-descent race) as docks in
one 1280 × 800 window, offscreen, and times over ``--steps`` events each:

* **y step**: one ``QSlider.setValue`` on the y-slider (a new y: every curve
  in every panel is recomputed);
* **z drag step**: one mouse move on the sigmoid plot's viewport during a
  press on the handle (a new z: markers, labels, the race restart);
* **race tick**: one ``RacePanel.step(1)``, what the Play timer does;

each until every visible plot has repainted: ``QApplication.processEvents()``
and then ``repaint()`` on each PlotWidget's viewport.  The same-run
**baseline** is that processEvents + repaint alone, with no model change; the
ratio is median(event) / median(baseline).

Run from the repository root (not collected by pytest)::

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_binary.py
    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_binary.py --steps 1000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow  # noqa: E402

from lossexplorer.mainwindow import apply_app_style  # noqa: E402
from lossexplorer.model import ExplorerModel  # noqa: E402
from lossexplorer.panels.binary_loss import BinaryLossPanel  # noqa: E402
from lossexplorer.panels.ce_prob import ProbabilityLossPanel  # noqa: E402
from lossexplorer.panels.race import RacePanel  # noqa: E402
from lossexplorer.panels.sigmoid import SigmoidPanel  # noqa: E402

LEFT = Qt.MouseButton.LeftButton


def build_window(model):
    """The four panels as docks in a 2 × 2 grid, shown at 1280 × 800."""
    window = QMainWindow()
    window.setDockNestingEnabled(True)
    panels, docks = {}, {}
    for key, cls in (
        ("sigmoid", SigmoidPanel),
        ("binary_loss", BinaryLossPanel),
        ("ce_prob", ProbabilityLossPanel),
        ("race", RacePanel),
    ):
        panels[key] = cls(model)
        docks[key] = QDockWidget(key, window)
        docks[key].setObjectName(key)
        docks[key].setWidget(panels[key])
    area = Qt.DockWidgetArea.LeftDockWidgetArea
    window.addDockWidget(area, docks["sigmoid"])
    window.splitDockWidget(docks["sigmoid"], docks["binary_loss"], Qt.Orientation.Horizontal)
    window.splitDockWidget(docks["sigmoid"], docks["ce_prob"], Qt.Orientation.Vertical)
    window.splitDockWidget(docks["binary_loss"], docks["race"], Qt.Orientation.Vertical)
    window.resize(1280, 800)
    window.show()
    for _ in range(10):
        QApplication.processEvents()
    return window, panels


def send_mouse(widget, kind, pos: QPoint, button, buttons):
    """One mouse event at widget pixel ``pos``, as the window system sends it."""
    event = QMouseEvent(
        kind,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def timed(n, before, settle):
    """Milliseconds from ``before(i)`` (the event) to the end of ``settle()``, n times."""
    out = []
    for i in range(n):
        t0 = time.perf_counter()
        before(i)
        settle()
        out.append((time.perf_counter() - t0) * 1000.0)
    return out


def summary(name, ms, baseline=None):
    """One line: median, p95 and (if given) the ratio of medians to the baseline."""
    ms = sorted(ms)
    median = statistics.median(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    ratio = "" if baseline is None else f"   ×{median / statistics.median(baseline):.2f} baseline"
    return f"{name:<16} median {median:7.2f} ms   p95 {p95:7.2f} ms{ratio}"


def main(argv=None) -> int:
    """Build, warm up, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=400, help="events per measurement (>= 300)")
    args = parser.parse_args(argv)
    n = max(300, args.steps)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_app_style(app)
    pg.setConfigOption("mouseRateLimit", -1)  # every move counts, as in the tests
    model = ExplorerModel()
    window, panels = build_window(model)
    panels["binary_loss"].grad_check.setChecked(True)
    panels["binary_loss"].log_check.setChecked(True)
    plots = [p for p in window.findChildren(pg.PlotWidget) if p.isVisible()]

    def settle():
        QApplication.processEvents()
        for plot in plots:
            plot.viewport().repaint()

    for _ in range(20):  # warm-up: caches, fonts, first paints
        settle()

    baseline = timed(n, lambda i: None, settle)

    slider = panels["binary_loss"].y_slider
    # 99, 98, ..., 0, 1, ..., 100, 99, ...: every step is a new y
    y_values = [99 - i % 100 if i % 200 < 100 else 1 + i % 100 for i in range(n)]
    changes = []
    model.binary_changed.connect(lambda: changes.append(1))
    y_step = timed(n, lambda i: slider.setValue(y_values[i]), settle)
    y_changes = len(changes)

    sig = panels["sigmoid"]
    sig.plot.scene().minDragTime = 0
    vp = sig.plot.viewport()
    vb = sig.view_box
    model.set_z(0.0)
    settle()

    def pixel(x, y):
        return sig.plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))

    press = pixel(0.0, 0.5)
    send_mouse(vp, QEvent.Type.MouseButtonPress, press, LEFT, LEFT)
    xs = [pixel(-8.0 + 16.0 * ((i * 0.37) % 1.0), 0.5) for i in range(n)]
    changes.clear()
    z_step = timed(
        n,
        lambda i: send_mouse(vp, QEvent.Type.MouseMove, xs[i], Qt.MouseButton.NoButton, LEFT),
        settle,
    )
    send_mouse(vp, QEvent.Type.MouseButtonRelease, xs[-1], LEFT, Qt.MouseButton.NoButton)
    z_changes = len(changes)

    race = panels["race"]
    model.set_z(-6.0)
    model.set_y(1.0)
    settle()
    race_tick = timed(n, lambda i: race.step(1), settle)

    size = window.size()
    print(
        f"bench_binary: {n} events each, window {size.width()}×{size.height()}, "
        f"{len(plots)} plots repainted per event, offscreen, "
        f"PySide6 + pyqtgraph {pg.__version__}"
    )
    print(summary("baseline", baseline))
    print(summary("y step", y_step, baseline) + f"   ({y_changes} model changes)")
    print(summary("z drag step", z_step, baseline) + f"   ({z_changes} model changes)")
    print(summary("race tick", race_tick, baseline) + f"   ({race.steps_taken} steps)")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
