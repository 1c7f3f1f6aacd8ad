"""PySide6 6.12.0 on Python 3.11 aborted (bool_dealloc / none_dealloc) under a live plot.

Signal.emit() and void Qt calls dropped references to True/None.  This runs
20,000 of each in a child process beside a live pyqtgraph plot, so that a
broken PySide6 would abort the child, not the test run.
"""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    plot = pg.PlotWidget()
    curve = plot.plot(np.arange(100.0), np.zeros(100))
    plot.show()

    class Emitter(QObject):
        fired = Signal(bool)
        poked = Signal()

    e = Emitter()
    seen = []
    e.fired.connect(lambda flag: seen.append(flag))
    e.poked.connect(lambda: None)
    w = QWidget()
    for i in range(20_000):
        e.fired.emit(i % 2 == 0)
        e.poked.emit()
        w.setVisible(False)          # a void Qt call
        w.setEnabled(i % 2 == 0)     # another
        if i % 500 == 0:
            curve.setData(np.arange(100.0), np.sin(np.arange(100.0) + i))
            app.processEvents()
    assert len(seen) == 20_000
    print("survived")
    """
)


def test_signals_and_void_calls_do_not_crash():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=300
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "survived" in r.stdout


def test_the_broken_pair_is_excluded_by_the_pins():
    import PySide6

    major, minor, *_ = (int(p) for p in PySide6.__version__.split(".")[:3])
    if sys.version_info < (3, 12):
        assert (major, minor) < (6, 12), "PySide6 6.12 on Python 3.11 aborts under pyqtgraph"
