"""The training lesson's animation: a ``QTimer`` that steps both runs while they play.

The clock belongs to the model (``model.training_clock``) rather than to a
panel: any of the lesson's panels on screen keeps it going (a panel that is
built again at a new scale does not stop it), and it stops when none is, so
that a hidden lesson costs nothing.  Panels say when they come on screen and
leave it (``TrainingViewer``).  A tick is ``model.step_training()``: one step
of both runs, a few milliseconds, so the interface never waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


class TrainingClock(QObject):
    """Ticks ``model.step_training`` at the model's speed while playing and watched."""

    def __init__(self, model):
        super().__init__(model)
        self.model = model
        self._viewers = {}  # id -> a panel on screen
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        model.training_changed.connect(self._update)
        model.training_progressed.connect(self._update)

    def watch(self, viewer, on_screen: bool) -> None:
        """Say whether ``viewer`` (a panel of the lesson) is on screen."""
        if on_screen:
            self._viewers[id(viewer)] = viewer
        else:
            self._viewers.pop(id(viewer), None)
        self._update()

    @property
    def watched(self) -> bool:
        """Whether a training panel is on screen."""
        return bool(self._viewers)

    @property
    def running(self) -> bool:
        """Whether the timer is stepping the runs."""
        return self.timer.isActive()

    def _update(self):
        part = self.model.training
        if part.playing and self._viewers:
            interval = round(1000 / part.speed)
            if not self.timer.isActive() or self.timer.interval() != interval:
                self.timer.start(interval)
        elif self.timer.isActive():
            self.timer.stop()

    def _tick(self):
        if not self._viewers:  # defensive: watch() stops it first
            self.timer.stop()
            return
        self.model.step_training()


class TrainingViewer:
    """A mixin for the lesson's panels (before ``Panel`` in the bases): tells the clock
    when the panel comes on screen and leaves it (a closed dock, a tab behind
    another, another lesson), and redraws on the runs' progress too unless
    ``FOLLOWS_PROGRESS`` is False (the data do not change as the runs go on)."""

    FOLLOWS_PROGRESS = True

    def __init__(self, model, parent=None):
        super().__init__(model, parent)
        if self.FOLLOWS_PROGRESS:
            model.training_progressed.connect(self._on_model_changed)

    def _tell_clock(self, on_screen: bool) -> None:
        self.model.training_clock.watch(self, on_screen)

    def set_on_screen(self, on_screen: bool):
        super().set_on_screen(on_screen)
        self._tell_clock(self.is_on_screen())

    def showEvent(self, event):
        super().showEvent(event)
        self._tell_clock(self.is_on_screen())

    def hideEvent(self, event):
        self._tell_clock(False)
        super().hideEvent(event)

    def detach(self):
        self._tell_clock(False)
        if self.FOLLOWS_PROGRESS:
            try:
                self.model.training_progressed.disconnect(self._on_model_changed)
            except (RuntimeError, TypeError):
                pass
        super().detach()
