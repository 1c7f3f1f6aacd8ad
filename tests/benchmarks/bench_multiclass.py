"""Latency of one probability-bar drag step in the multi-class lesson.

Run:  QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_multiclass.py [--steps 400]

The default window (1280x800, multi-class lesson, every dock of it visible)
gets a mouse press on the cat bar and then one mouse move per step.  A step
is timed from sending the move event until ``processEvents`` returns, by
which time every widget the change touched has repainted.  The baseline,
measured in the same run, is a forced full repaint of every visible plot
with no model change; the ratio step/baseline is what to compare between
machines.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent  # noqa: E402

pg.setConfigOption("mouseRateLimit", -1)


def percentile(values, q):
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def visible_plots(window):
    """Every visible pyqtgraph PlotWidget in the window."""
    return [w for w in window.findChildren(pg.PlotWidget) if w.isVisible()]


def repaint_all(app, plots):
    app.processEvents()
    for plot in plots:
        plot.viewport().repaint()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=400)
    args = parser.parse_args(argv)

    from qt_helpers import LEFT, NO_BUTTON, send_mouse, viewport_point

    from lossexplorer.app import _make_app, _scratch_settings
    from lossexplorer.mainwindow import MainWindow

    app = _make_app(["bench"])
    window = MainWindow(settings=_scratch_settings())
    window.resize(1280, 800)
    window.show()
    for _ in range(10):
        app.processEvents()
    plots = visible_plots(window)
    plot = window.panels["probabilities"].plot
    plot.scene().minDragTime = 0
    vp = plot.viewport()

    baseline = []
    for _ in range(args.steps):
        t0 = time.perf_counter()
        repaint_all(app, plots)
        baseline.append(time.perf_counter() - t0)

    send_mouse(vp, QEvent.Type.MouseButtonPress, viewport_point(plot, 0, 0.5), LEFT, LEFT)
    targets = [
        viewport_point(plot, 0, 0.05 + 0.9 * ((i * 37) % 100) / 100) for i in range(args.steps)
    ]
    drag = []
    for p in targets:
        t0 = time.perf_counter()
        send_mouse(vp, QEvent.Type.MouseMove, p, NO_BUTTON, LEFT)
        app.processEvents()  # delivers the updates: every changed plot repaints here
        drag.append(time.perf_counter() - t0)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, targets[-1], LEFT, NO_BUTTON)

    ms = 1000.0
    print(f"multi-class lesson, {len(plots)} visible plots, {args.steps} steps")
    print(f"{'':24}{'median ms':>10}{'p95 ms':>10}")
    for name, data in (("repaint only (baseline)", baseline), ("bar drag step", drag)):
        print(f"{name:24}{statistics.median(data) * ms:10.2f}{percentile(data, 95) * ms:10.2f}")
    ratio = statistics.median(drag) / statistics.median(baseline)
    print(f"drag / baseline (median): {ratio:.2f}x")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
