"""The training lesson (Ctrl+4) driven as a teacher would: clicks and drags on the data,
Play, Step and Reset, presets and CSV files, undo, scenario files.

What is drawn (points, curves, maps) is read back and compared with
``lossexplorer.training`` run on the same data from the same start.
"""

# X: the name for the points (n x 2), as in lossexplorer.training
# ruff: noqa: N803, N806

import json

import numpy as np
import pytest
from fit_check import problems
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from qt_helpers import NO_BUTTON, click, drag, send_mouse, shown_panel, viewport_point

from lossexplorer import i18n, scenarios, training
from lossexplorer.model import ExplorerModel
from lossexplorer.panels.training_controls import TrainingControlsPanel
from lossexplorer.panels.training_curves import TrainingCurvesPanel
from lossexplorer.panels.training_data import TrainingDataPanel, parse_points_csv
from lossexplorer.panels.training_maps import TrainingMapsPanel, decision_boundary, grid_points
from lossexplorer.parts.training import HIDDEN_UNITS, MAX_STEPS, SEED, TARGET_ACCURACY

PANEL_KEYS = ("training_data", "training_controls", "training_maps", "training_curves")


@pytest.fixture
def lesson(window, qtbot):
    """The window showing the training lesson; its panels by key."""
    window.lesson_actions["training"].trigger()
    qtbot.waitUntil(lambda: all(window.docks[k].isVisible() for k in PANEL_KEYS))
    return window


def panel(window, key):
    return window.panels[key]


def press(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def start_of(model):
    """The start both runs share, made again from the lesson's data and settings."""
    part = model.training
    setup = part.setup
    output = "softmax" if setup.model == "softmax" or setup.classes > 2 else "logistic"
    hidden = HIDDEN_UNITS if setup.model == "hidden" else 0
    return training.initial_parameters(
        output,
        setup.start,
        setup.scale,
        setup.classes,
        SEED,
        hidden=hidden,
        X=part.X,
        labels=part.labels,
    )


def fitted(model, loss, steps):
    """``training.fit`` on the lesson's data from its start, for ``steps`` steps."""
    part = model.training
    start = start_of(model)
    return training.fit(
        part.X,
        part.labels,
        loss=loss,
        weights=start.weights,
        bias=start.bias,
        learning_rate=part.setup.learning_rate,
        steps=steps,
    )


# ------------------------------------------------------------------ the lesson
def test_the_lesson_is_the_fourth_with_ctrl_4(lesson):
    action = lesson.lesson_actions["training"]
    assert action.shortcut().toString() == "Ctrl+4"
    assert list(lesson.lesson_actions)[:4] == ["multiclass", "binary", "everything", "training"]
    assert action.isChecked() and lesson.lesson == "training"
    for key in PANEL_KEYS:
        assert not lesson.docks[key].visibleRegion().isEmpty(), key
    assert not lesson.docks["probabilities"].isVisible()


def test_clicks_add_points_of_the_chosen_class_where_clicked(lesson, qtbot):
    data = panel(lesson, "training_data")
    model = lesson.model
    n = len(model.training.X)
    model.step_training()
    press(qtbot, data.class_buttons[1])  # dog
    click(data.plot, 0.5, 3.0)
    part = model.training
    assert len(part.X) == n + 1 and part.labels[-1] == 1
    pixel = np.ptp(data.view.viewRange()[0]) / data.view.width()
    assert np.allclose(part.X[-1], (0.5, 3.0), atol=2 * pixel)
    assert part.step == 0  # the data changed: both runs start again
    x, y = data.points.data(1)
    assert np.any(np.isclose(x, part.X[-1, 0]) & np.isclose(y, part.X[-1, 1]))
    press(qtbot, data.class_buttons[2])  # a bird: the logistic model becomes softmax
    click(data.plot, -3.0, 3.0)
    assert model.training.labels[-1] == 2 and model.training.setup.model == "softmax"
    controls = panel(lesson, "training_controls")
    assert not controls.model_box.model().item(0).isEnabled()  # logistic: two classes only
    assert controls.model_box.currentText() == "Softmax"


def test_a_drag_moves_a_point_and_is_one_undo_step(lesson, qtbot):
    data = panel(lesson, "training_data")
    model = lesson.model
    before = model.state()
    i = isolated(model.training.X)[0]
    x0, y0 = model.training.X[i]
    count = lesson.history.stack.count()
    drag(data.plot, (x0, y0), (0.25, -2.5), steps=12)
    pixel = np.ptp(data.view.viewRange()[0]) / data.view.width()
    assert np.allclose(model.training.X[i], (0.25, -2.5), atol=2 * pixel)
    assert np.array_equal(np.delete(model.training.X, i, 0), np.delete(before_points(before), i, 0))
    assert lesson.history.stack.count() == count + 1
    lesson.undo_action.trigger()
    assert model.state() == before
    lesson.redo_action.trigger()
    assert np.allclose(model.training.X[i], (0.25, -2.5), atol=2 * pixel)


def isolated(X, count=2):
    """Indices of the points farthest from their nearest neighbour (a click picks only them)."""
    d = np.hypot(*(X[:, None, :] - X[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(d, np.inf)
    return [int(i) for i in np.argsort(-d.min(axis=1))[:count]]


def before_points(state):
    return np.array([row[:2] for row in state["training_points"]])


def test_a_drag_from_an_empty_spot_neither_pans_nor_edits(lesson):
    data = panel(lesson, "training_data")
    before = lesson.model.state()
    view = data.view.viewRange()
    drag(data.plot, (0.0, 3.5), (1.0, 2.5))  # nothing there
    assert lesson.model.state() == before
    assert data.view.viewRange() == view


def test_select_and_delete_a_point_with_the_key_and_the_button(lesson, qtbot):
    data = panel(lesson, "training_data")
    model = lesson.model
    X = model.training.X.copy()
    first, second = sorted(isolated(X))
    assert not data.delete_button.isEnabled()
    click(data.plot, *X[first])
    assert data.selected == first and data.selection.isVisible()
    assert len(model.training.X) == len(X)  # a click on a point selects it, adds nothing
    QTest.keyClick(data.plot, Qt.Key.Key_Delete)
    assert np.array_equal(model.training.X, np.delete(X, first, axis=0))
    assert data.selected is None and not data.selection.isVisible()
    click(data.plot, *X[second])
    press(qtbot, data.delete_button)
    assert np.array_equal(model.training.X, np.delete(X, [first, second], axis=0))
    lesson.undo_action.trigger()
    lesson.undo_action.trigger()
    assert np.array_equal(model.training.X, X)


def test_step_play_pause_reset_and_the_curves_are_those_of_fit(lesson, qtbot):
    model = lesson.model
    controls = panel(lesson, "training_controls")
    curves = panel(lesson, "training_curves")
    maps = panel(lesson, "training_maps")
    for _ in range(3):
        press(qtbot, controls.step_button)
    assert model.training.step == 3
    assert maps.maps["ce"].numbers.text().startswith("step 3 ")
    press(qtbot, controls.play_button)
    assert model.training_clock.running
    assert not controls.play_button.isEnabled() and not controls.step_button.isEnabled()
    qtbot.waitUntil(lambda: model.training.step >= 12, timeout=20000)
    press(qtbot, controls.pause_button)
    assert not model.training_clock.running
    n = model.training.step
    for loss in ("ce", "mse"):
        reference = fitted(model, loss, n)
        x, y = curves.curves["loss", loss].getData()
        assert np.array_equal(x, np.arange(n + 1))
        assert np.allclose(y, reference.loss, rtol=1e-12, atol=0)
        _, y = curves.curves["accuracy", loss].getData()
        assert np.allclose(y, 100 * reference.accuracy, rtol=1e-12)
        _, y = curves.curves["gradient", loss].getData()
        assert np.allclose(y, np.log10(reference.grad_norm), rtol=1e-12)
        params = model.training.run(loss).params
        assert np.array_equal(params.weights, reference.weights)
        assert params.bias == reference.bias
    reached = training.steps_to_accuracy(fitted(model, "ce", n).accuracy, TARGET_ACCURACY)
    assert curves.status["ce"].text() == f"Cross-entropy: 90% right at step {reached}"
    assert curves.status["mse"].text() == f"MSE: not yet 90% right (step {n})"
    assert curves.arrivals["ce"].value() == reached and not curves.arrivals["mse"].isVisible()
    press(qtbot, controls.reset_button)
    assert model.training.step == 0
    _, y = curves.curves["loss", "ce"].getData()
    assert len(y) == 1
    assert maps.maps["mse"].numbers.text().startswith("step 0 ")


def test_the_log_scale_box_plots_log10_of_the_loss(lesson, qtbot):
    curves = panel(lesson, "training_curves")
    model = lesson.model
    for _ in range(5):
        model.step_training()
    press(qtbot, curves.log_box)
    assert curves.loss_log and curves.log_box.isChecked()
    _, y = curves.curves["loss", "mse"].getData()
    assert np.allclose(y, np.log10(fitted(model, "mse", 5).loss), rtol=1e-12)


def test_training_stops_when_the_lesson_is_hidden_and_goes_on_when_it_is_back(lesson, qtbot):
    model = lesson.model
    press(qtbot, panel(lesson, "training_controls").play_button)
    assert model.training_clock.running
    lesson.lesson_actions["multiclass"].trigger()
    assert not model.training_clock.running and not model.training_clock.watched
    assert model.training.playing  # paused by the lesson, not by the teacher
    lesson.lesson_actions["training"].trigger()
    qtbot.waitUntil(lambda: model.training_clock.running)
    model.set_training_playing(False)
    assert not model.training_clock.running


def test_closing_the_docks_stops_the_clock(lesson, qtbot):
    model = lesson.model
    model.set_training_playing(True)
    assert model.training_clock.running
    for key in PANEL_KEYS:
        lesson.docks[key].close()
    assert not model.training_clock.running


def test_the_maps_are_identical_at_step_0_and_part_as_the_runs_do(lesson):
    maps = panel(lesson, "training_maps")
    mse, ce = maps.maps["mse"], maps.maps["ce"]
    assert np.array_equal(mse.image.image, ce.image.image)
    assert np.array_equal(mse.boundary.getData()[0], ce.boundary.getData()[0])
    # the confidently wrong start: cats (left) are painted in the dog colour and v.v.
    for _ in range(10):
        lesson.model.step_training()
    assert not np.array_equal(mse.image.image, ce.image.image)
    assert ce.numbers.text() == "step 10 · 100% right"


def test_the_map_and_its_boundary_follow_the_run(lesson):
    maps = panel(lesson, "training_maps")
    model = lesson.model
    for _ in range(4):
        model.step_training()
    m = maps.maps["ce"]
    view = m.plot.getPlotItem().getViewBox().viewRect()
    params = model.training.run("ce").params
    xs, ys = grid_points(view.left(), view.right()), grid_points(view.top(), view.bottom())
    gx, gy = np.meshgrid(xs, ys)
    p = training.probabilities(np.column_stack([gx.ravel(), gy.ravel()]), params)
    dog = (p > 0.5).reshape(gx.shape)
    image = m.image.image.astype(int)
    # a tint of the dog's sky blue has more blue than red; of the cat's orange, more red
    bluer = image[..., 2] > image[..., 0]
    sure = np.abs(p - 0.5).reshape(gx.shape) > 0.05
    assert np.array_equal(bluer[sure], dog[sure])
    assert 0.2 < dog.mean() < 0.8
    # every boundary point lies where the logit w·x + b is 0
    x, y = m.boundary.getData()
    assert len(x) > 0
    z = params.weights[0] * x + params.weights[1] * y + params.bias
    assert np.allclose(z, 0.0, atol=1e-9 * np.abs(params.weights).sum() * 10)


def test_the_decision_boundary_of_three_classes_separates_them():
    params = training.LinearParams(np.array([[1.0, -1.0, 0.0], [0.0, 0.0, 1.0]]), np.zeros(3))
    xs = ys = grid_points(-4, 4)
    from lossexplorer.panels.training_maps import grid_logits

    x, y = decision_boundary(grid_logits(params, xs, ys), xs, ys)
    z = np.stack([x, -x, y])
    top2 = np.sort(z, axis=0)[-2:]
    assert np.allclose(top2[0], top2[1], atol=1e-9)  # on a boundary two logits tie for the top


# ------------------------------------------------------------------ presets, CSV
def test_presets_from_the_menu_replace_the_data(lesson):
    data = panel(lesson, "training_data")
    model = lesson.model
    data.preset_actions["three blobs"].trigger()
    X, labels = training.make_dataset("three blobs", 200, SEED)
    assert np.array_equal(model.training.X, X) and np.array_equal(model.training.labels, labels)
    assert model.training.setup.model == "softmax" and model.training.classes == 3
    assert sum(len(data.points.data(c)[0]) for c in range(3)) == 200
    lesson.undo_action.trigger()
    assert model.training.classes == 2 and model.training.setup.model == "logistic"


GOOD_CSV = "\ufeffx1,x2,label\r\n0.5,1,0\r\n\r\n−2.25, 3e-1 ,1\r\n4,-4,2\r\n"


def test_a_csv_file_loads_its_points(lesson, tmp_path):
    data = panel(lesson, "training_data")
    path = tmp_path / "points.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    assert data.load_csv(path)
    part = lesson.model.training
    assert np.array_equal(part.X, [[0.5, 1.0], [-2.25, 0.3], [4.0, -4.0]])
    assert np.array_equal(part.labels, [0, 1, 2])
    assert part.setup.model == "softmax"


BAD_CSV = {
    "two values": ("x1,x2,label\n1,2,0\n3,4\n", "Line 3"),
    "four values": ("1,2,0\n1,2,1,7\n", "Line 2"),
    "a word": ("1,2,0\n1,two,1\n", "Line 2"),
    "NaN": ("1,2,0\nnan,1,1\n", "Line 2"),
    "infinity": ("1,2,0\n1e999,1,1\n", "Line 2"),
    "too far": ("5000,1,1\n", "Line 1"),
    "label 3": ("1,2,0\n1,2,3\n", "Line 2"),
    "label 1.5": ("1,2,1.5\n", "Line 1"),
    "label -1": ("\n\n1,2,-1\n", "Line 3"),
    "markup": ("1,2,0\n<b>bold</b>,1,1\n", "Line 2"),
    "NUL": ("1,2,0\n1,2\x00,1\n", "Line 2"),
    "empty": ("", "no points"),
    "header only": ("x1,x2,label\n", "no points"),
    "a second header": ("x1,x2,label\nx1,x2,label\n", "Line 2"),
    "too many": ("1,2,0\n" * 2001, "more than 2000"),
}


@pytest.mark.parametrize("kind", list(BAD_CSV))
def test_bad_csv_files_are_refused_naming_the_line(lesson, tmp_path, kind):
    data = panel(lesson, "training_data")
    before = lesson.model.state()
    text, said = BAD_CSV[kind]
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    assert not data.load_csv(path)
    assert said in data.last_error
    assert lesson.model.state() == before
    box = data.findChild(QMessageBox)
    assert box.isVisible() and box.text() == data.last_error
    assert box.textFormat() == Qt.TextFormat.PlainText  # "<b>" from the file stays text


def test_files_that_are_not_csv_text_are_refused(lesson, tmp_path):
    data = panel(lesson, "training_data")
    before = lesson.model.state()
    binary = tmp_path / "image.csv"
    binary.write_bytes(bytes(range(256)) * 4)
    huge = tmp_path / "huge.csv"
    huge.write_bytes(b"1,2,0\n" * 200_000)
    for path, said in (
        (binary, "not text"),
        (huge, "too large"),
        (tmp_path, "not a file"),
        (tmp_path / "missing.csv", "could not be read"),
    ):
        assert not data.load_csv(path)
        assert said in data.last_error
    assert lesson.model.state() == before


def test_parse_points_csv_is_exact_and_strict():
    X, labels = parse_points_csv("1.25,-0.5,1\n1e-3,+2,0\n")
    assert X.tolist() == [[1.25, -0.5], [0.001, 2.0]] and labels.tolist() == [1, 0]
    with pytest.raises(ValueError, match="Line 2"):
        parse_points_csv("1,2,0\n0x1F,2,0\n")


# ------------------------------------------------------------------ state, undo, files
def test_progress_is_no_undo_step_and_data_edits_are(lesson):
    model = lesson.model
    stack = lesson.history.stack
    count = stack.count()
    for _ in range(5):
        model.step_training()
    model.set_training_playing(True)
    model.set_training_playing(False)
    assert stack.count() == count
    model.add_training_point(1.0, 1.0, 0)
    assert stack.count() == count + 1 and model.training.step == 0
    lesson.undo_action.trigger()
    assert len(model.training.X) == 200
    lesson.redo_action.trigger()
    assert len(model.training.X) == 201


def test_settings_start_both_runs_again_and_undo(lesson, qtbot):
    model = lesson.model
    controls = panel(lesson, "training_controls")
    model.step_training()
    QTest.keyClick(controls.start_box, Qt.Key.Key_Up)  # confidently wrong -> small random
    assert model.training.setup.start == "small random" and model.training.step == 0
    QTest.keyClicks(controls.model_box, "One")  # the keyboard picks "One hidden layer"
    assert controls.model_box.currentText() == "One hidden layer"
    assert isinstance(model.training.run("ce").params, training.HiddenParams)
    controls.scale_slider.setFocus()
    QTest.keyClick(controls.scale_slider, Qt.Key.Key_Right)
    assert model.training.setup.scale == pytest.approx(10**0.1)
    assert controls.scale_value.text() == "×1.3"
    controls.lr_spin.setValue(0.5)
    assert model.training.setup.learning_rate == 0.5
    for _ in range(4):
        lesson.undo_action.trigger()
    assert model.training.setup.start == "confidently wrong"
    assert controls.start_box.currentText() == "Confidently wrong"
    assert controls.model_box.currentText().startswith("Logistic")


def scenario_state(model):
    state = model.state()
    return json.loads(json.dumps(state))


def test_the_training_state_is_saved_and_restored_exactly(lesson, tmp_path):
    model = lesson.model
    model.set_training_preset("three blobs")
    model.add_training_point(0.125, -3.5, 2)
    model.set_training_model("hidden")
    model.set_training_scale(2.0)
    model.set_training_learning_rate(0.7)
    for _ in range(37):
        model.step_training()
    saved = model.state()
    curves = {loss: np.array(model.training.run(loss).curves) for loss in ("ce", "mse")}
    path = tmp_path / "training.lossx"
    assert lesson.save_scenario(path)
    fresh = ExplorerModel()
    scenarios.apply(fresh, scenarios.load(path))
    assert fresh.state() == saved
    for loss in ("ce", "mse"):
        assert np.array_equal(fresh.training.run(loss).curves, curves[loss])
    model.reset()
    assert model.training.step == 0 and model.training.classes == 2
    assert lesson.open_scenario(path)
    assert model.state() == saved
    maps = panel(lesson, "training_maps")
    assert maps.maps["mse"].numbers.text().startswith("step 37 ")


def with_training(**change):
    state = scenario_state(ExplorerModel())
    state.update(change)
    return json.dumps({"format": scenarios.FORMAT, "version": 1, "state": state})


def _rows_with(label):
    rows = scenario_state(ExplorerModel())["training_points"]
    rows[5][2] = label
    return rows


BAD_STATES = {
    "weights that do not match": lambda: with_training(training_weights_ce=[1.0, 2.0, 3.0]),
    "too few weights": lambda: with_training(training_weights_mse=[1.0]),
    "a step past the last": lambda: with_training(training_step=MAX_STEPS + 1),
    "a negative step": lambda: with_training(training_step=-1),
    "a fractional step": lambda: with_training(training_step=1.5),
    "label 5": lambda: with_training(training_points=_rows_with(5)),
    "a bird under the logistic model": lambda: with_training(training_points=_rows_with(2)),
    "a short row": lambda: with_training(training_points=[[1.0, 2.0]]),
    "no points": lambda: with_training(training_points=[]),
    "a string for a point": lambda: with_training(training_points=[["1", 2, 0]]),
    "NaN": lambda: with_training(training_scale=0.5).replace("0.5", "NaN"),
    "too many points": lambda: with_training(training_points=[[1.0, 2.0, 0]] * 2001),
    "an unknown model": lambda: with_training(training_model="forest"),
    "a learning rate of 0": lambda: with_training(training_learning_rate=0.0),
    "a scale of 10^6": lambda: with_training(training_scale=1e6),
    "a point far away": lambda: with_training(training_points=[[1e6, 0.0, 0], [0.0, 1.0, 1]]),
}


@pytest.mark.parametrize("kind", list(BAD_STATES))
def test_bad_training_states_in_a_file_are_refused_and_change_nothing(lesson, tmp_path, kind):
    model = lesson.model
    model.step_training()
    before = model.state()
    path = tmp_path / "bad.lossx"
    path.write_text(BAD_STATES[kind](), encoding="utf-8")
    assert not lesson.open_scenario(path)
    assert model.state() == before
    assert lesson.last_error


def test_undoing_a_data_edit_after_training_restores_the_data(lesson):
    model = lesson.model
    before = model.training.X.copy()
    model.move_training_point(0, 3.0, 3.0)
    for _ in range(20):
        model.step_training()
    lesson.undo_action.trigger()
    assert np.array_equal(model.training.X, before)
    lesson.redo_action.trigger()
    assert model.training.X[0].tolist() == [3.0, 3.0]
    assert model.training.step == 0  # the edit started both runs again


def test_restoring_a_state_replays_the_runs_bit_for_bit():
    model = ExplorerModel()
    for _ in range(25):
        model.step_training()
    state = model.state()
    other = ExplorerModel()
    other.set_state(state)
    assert other.state() == state
    for loss in ("ce", "mse"):
        assert np.array_equal(other.training.run(loss).curves, model.training.run(loss).curves)
        assert other.training.run(loss).reached == model.training.run(loss).reached


# ------------------------------------------------------------------ the lesson's claim
def test_cross_entropy_is_90_percent_right_in_tens_of_steps_and_mse_needs_hundreds(lesson):
    """From the lesson's confidently wrong start on separable blobs (the first thing it shows)."""
    model = lesson.model
    part = model.training
    assert part.setup.start == "confidently wrong"
    assert np.array_equal(part.X, training.make_dataset("separable blobs", 200, SEED)[0])
    assert part.run("ce").curves[1, 0] < 0.1 and part.run("mse").curves[1, 0] < 0.1
    while part.run("mse").reached is None and model.step_training():
        pass
    ce, mse = part.run("ce").reached, part.run("mse").reached
    assert ce is not None and mse is not None
    assert ce <= 30 and mse >= 100 and 3 * ce <= mse
    curves = panel(lesson, "training_curves")
    assert curves.status["ce"].text() == f"Cross-entropy: 90% right at step {ce}"
    assert curves.status["mse"].text() == f"MSE: 90% right at step {mse}"


# ------------------------------------------------------------------ fit
@pytest.mark.parametrize("scale", [1.0, 1.6])
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize(
    "cls", [TrainingDataPanel, TrainingControlsPanel, TrainingMapsPanel, TrainingCurvesPanel]
)
def test_each_panel_fits_at_its_minimum_size(qtbot, cls, scale, lang):
    i18n.install(lang)
    try:
        model = ExplorerModel()
        model.display.set_scale(scale)
        for _ in range(40):
            model.step_training()
        p = cls(model)
        size = p.minimumSizeHint()
        shown_panel(qtbot, p, (size.width(), size.height()))
        qtbot.waitUntil(lambda: p.size() == size)
        assert problems(p) == []
    finally:
        i18n.install("en")


def test_a_rebuilt_panel_keeps_the_runs_going(lesson, qtbot):
    model = lesson.model
    model.set_training_playing(True)
    lesson.presentation_action.trigger()
    qtbot.waitUntil(lambda: model.training_clock.running)
    step = model.training.step
    qtbot.waitUntil(lambda: model.training.step > step + 2, timeout=20000)
    lesson.presentation_action.trigger()
    model.set_training_playing(False)


def test_the_points_are_drawn_where_they_are(lesson):
    data = panel(lesson, "training_data")
    part = lesson.model.training
    for label in range(2):
        x, y = data.points.data(label)
        mine = part.X[part.labels == label]
        assert np.array_equal(np.column_stack([x, y]), mine)
    p = viewport_point(data.plot, *part.X[0])
    assert data.point_at(*part.X[0]) is not None
    assert data.plot.viewport().rect().contains(p)


def test_a_right_click_on_the_data_plot_adds_nothing(lesson):
    data = panel(lesson, "training_data")
    before = lesson.model.state()
    vp = data.plot.viewport()
    p = viewport_point(data.plot, 0.0, 3.0)
    right = Qt.MouseButton.RightButton
    send_mouse(vp, QEvent.Type.MouseButtonPress, p, right, right)
    send_mouse(vp, QEvent.Type.MouseButtonRelease, p, right, NO_BUTTON)
    assert lesson.model.state() == before


@pytest.mark.parametrize("preset", list(training.DATASETS))
@pytest.mark.parametrize("model_name", ["logistic", "softmax", "hidden"])
def test_every_preset_trains_with_every_model_and_start(preset, model_name):
    """No warning, no NaN: from small and saturated starts (scale 100), maps included."""
    model = ExplorerModel()
    model.set_training_preset(preset)
    if model_name == "logistic" and model.training.classes > 2:
        with pytest.raises(ValueError, match="two classes"):
            model.set_training_model(model_name)
        return
    model.set_training_model(model_name)
    from lossexplorer.panels.training_maps import colour_table, grid_logits, map_image

    for start in ("small random", "confidently wrong"):
        for scale in (0.1, 100.0):
            model.set_training_start(start)
            model.set_training_scale(scale)
            for _ in range(15):
                assert model.step_training()
            for loss in ("ce", "mse"):
                run = model.training.run(loss)
                assert np.all(np.isfinite(run.curves))
                xs = ys = grid_points(-4.0, 4.0)
                z = grid_logits(run.params, xs, ys)
                assert np.all(np.isfinite(z))
                assert map_image(z, colour_table()).shape == (128, 128, 4)
                x, y = decision_boundary(z, xs, ys)
                assert np.all(np.isfinite(x)) and np.all(np.isfinite(y))
