"""Undo history: one step per gesture, and nothing kept that the stack let go."""

import gc

from lossexplorer.history import History, StateChange
from lossexplorer.model import ExplorerModel


def live_steps():
    gc.collect()
    return sum(isinstance(o, StateChange) for o in gc.get_objects())


def test_a_drag_of_many_moves_is_one_step_and_leaves_no_dead_steps(qapp):
    # QUndoStack deletes a command it merges inside push(); PySide6 then made
    # the stack the owner of the dead command's Python object, one per move.
    model = ExplorerModel()
    history = History(model)
    before = live_steps()
    for drag in range(20):
        model.begin_gesture()
        for k in range(50):
            model.set_probability(drag % 3, (k + 1) / 60)
        model.end_gesture()
    assert history.stack.count() == 20
    assert live_steps() - before == 20
    end = model.state()
    history.stack.undo()
    assert history.stack.index() == 19 and model.state() != end
    history.stack.redo()
    assert model.state() == end


def test_a_gesture_after_an_undo_starts_a_new_step(qapp):
    model = ExplorerModel()
    history = History(model)
    model.begin_gesture()
    model.set_z(1.0)
    model.set_z(2.0)
    history.stack.undo()
    assert model.z == -6.0
    model.set_z(3.0)  # same gesture id, but the step it made was undone
    model.end_gesture()
    assert history.stack.count() == 1
    history.stack.undo()
    assert model.z == -6.0
    history.stack.redo()
    assert model.z == 3.0
