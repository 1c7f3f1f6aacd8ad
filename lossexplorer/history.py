"""Undo and redo for every change of the model (``QUndoStack``).

``History`` watches the model: each real change becomes one command holding
the state before and after it.  Changes made during one gesture (a whole
drag, a slider move; see ``ExplorerModel.begin_gesture``) merge into one
command, so one Ctrl+Z undoes the whole drag.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

_GESTURE_ID = 1
# Enough for a lesson; each step holds two small snapshots of the state.
UNDO_LIMIT = 200


class StateChange(QUndoCommand):
    """One step of history: the whole model state before and after."""

    def __init__(self, history, before, after, gesture):
        super().__init__()
        self.history = history
        self.before = before
        self.after = after
        self.gesture = gesture
        self._pushed = False

    def id(self):
        return _GESTURE_ID if self.gesture is not None else -1

    def mergeWith(self, other):
        if other.gesture is None or other.gesture != self.gesture:
            return False
        self.after = other.after
        return True

    def redo(self):
        if not self._pushed:  # the change has already happened when it is pushed
            self._pushed = True
            return
        self.history.apply(self.after)

    def undo(self):
        self.history.apply(self.before)


class History(QObject):
    """Records the model's changes on a ``QUndoStack``."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self._snapshot = model.state()
        self._applying = False
        model.changed.connect(self._on_changed)

    def _on_changed(self):
        after = self.model.state()
        if not self._applying:
            self.stack.push(StateChange(self, self._snapshot, after, self.model.gesture))
        self._snapshot = after

    def apply(self, state):
        """Put the model into ``state`` without recording it again."""
        self._applying = True
        try:
            self.model.set_state(state)
        finally:
            self._applying = False

    def clear(self):
        """Forget the history (the current state becomes the start)."""
        self.stack.clear()
        self._snapshot = self.model.state()
