"""Python's cycle collector, run only between Qt events.

Left automatic, the collector can start inside any Python call that Qt makes
while it holds one of its internal locks (a signal being disconnected, say).
If the garbage it then frees holds a Qt object, that object's destructor
waits for the same lock, and the app freezes.  This was seen in the test
suite; a frozen projector in front of a class would be worse.  So automatic
collection is switched off and a timer collects instead, from the event
loop, where Qt holds no lock (pyqtgraph ships the same remedy as
``pyqtgraph.util.garbage_collector``).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GarbageCollector(QObject):
    """Collects Python's garbage on a timer instead of at arbitrary moments."""

    def __init__(self, parent: QObject, interval_ms: int = 500):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(interval_ms)

    def collect(self) -> int:
        """Collect the generations whose counts passed Python's own thresholds."""
        found = 0
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self.thresholds[generation]:
                break
            found += gc.collect(generation)
        return found


def install(app: QObject, interval_ms: int = 500) -> GarbageCollector:
    """Switch ``app``'s process to collecting garbage between events (once)."""
    guard = app.findChild(GarbageCollector)
    if guard is None:
        guard = GarbageCollector(app, interval_ms)
    return guard
