"""Undo and redo for every change of the model (``QUndoStack``).

``History`` watches the model: each real change becomes one command holding
the state before and after it.  Changes made during one gesture (a whole
drag, a slider move; see ``ExplorerModel.begin_gesture``) merge into one
command, so one Ctrl+Z undoes the whole drag.

``History`` merges them itself, by updating the newest command, rather than
through Qt's ``id``/``mergeWith``: ``QUndoStack.push`` deletes a command it
merges before returning, and PySide6 then records the stack as the owner of
that dead command, so its Python object (and the two snapshots it holds)
were kept for as long as the stack lived, one per drag step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

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
        # the training runs moving on is no undo step; the next step's "before" includes it
        model.training_progressed.connect(self._take_snapshot)

    def _take_snapshot(self):
        if not self._applying:
            self._snapshot = self.model.state()

    def _on_changed(self):
        after = self.model.state()
        if not self._applying:
            step = self._gesture_step()
            if step is not None:  # the same drag: still one step
                step.after = after
            else:
                self.stack.push(StateChange(self, self._snapshot, after, self.model.gesture))
        self._snapshot = after

    def _gesture_step(self):
        """The newest step, if the current gesture made it and it was not undone."""
        gesture, stack = self.model.gesture, self.stack
        index = stack.index()
        # as QUndoStack would merge: not at the clean state, nothing undone
        if gesture is None or index in (0, stack.cleanIndex()) or index != stack.count():
            return None
        step = stack.command(index - 1)
        return step if isinstance(step, StateChange) and step.gesture == gesture else None

    def apply(self, state):
        """Put the model into ``state`` without recording it again."""
        self._applying = True
        try:
            self.model.set_state(state)
        finally:
            self._applying = False
