"""Classroom features: lessons, presets, undo, scenarios, export, presentation, quiz."""

import csv
import io
import json
import math

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from qt_helpers import drag

from lossexplorer import export, scenarios
from lossexplorer.layouts import LESSONS, lesson_keys
from lossexplorer.mainwindow import MainWindow
from lossexplorer.model import ExplorerModel


def visible_docks(window):
    return {k for k, d in window.docks.items() if d.isVisible() or not d.isHidden()}


@pytest.mark.parametrize("lesson", list(LESSONS))
def test_lessons_arrange_the_docks(window, lesson):
    window.lesson_actions[lesson].trigger()
    assert window.lesson == lesson
    shown = {k for k, d in window.docks.items() if not d.isHidden()}
    assert shown == set(lesson_keys(lesson)) & set(window.docks)
    assert all(not d.isFloating() for d in window.docks.values())


def test_reset_layout_returns_to_the_current_lesson(window):
    window.arrange("binary")
    for dock in window.docks.values():
        dock.close()
    window.reset_layout_action.trigger()
    shown = {k for k, d in window.docks.items() if not d.isHidden()}
    assert shown == set(lesson_keys("binary")) & set(window.docks)


def test_lesson_and_layout_survive_a_restart(qtbot, settings):
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.arrange("binary")
    first.close()
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    assert second.lesson == "binary" and second.layout_message == "restored"


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("seed", {"probabilities": [0.7, 0.2, 0.1], "true_class": 0}),
        ("wrong", {"probabilities": [0.1, 0.8, 0.1], "true_class": 0}),
        ("binary_wrong", {"z": -6.0, "y": 1.0}),
        ("binary_right", {"z": 6.0, "y": 1.0}),
    ],
)
def test_scenario_presets(window, key, expected):
    window.model.set_probability(1, 0.5)
    window.preset_actions[key].trigger()
    state = window.model.state()
    for name, value in expected.items():
        assert state[name] == pytest.approx(value)
    assert window.preset_actions[key].shortcut().toString().startswith("Alt+")


def test_wrong_preset_shows_2_302(window):
    window.preset_actions["wrong"].trigger()
    assert window.panels["readout"].values["ce"].text() == "2.303"


def test_undo_redo_over_a_whole_drag(window):
    model = window.model
    before = model.state()
    drag(window.panels["probabilities"].plot, (0, 0.6), (0, 0.2), steps=15)
    after = model.state()
    assert after != before
    assert window.history.stack.count() == 1  # fifteen moves, one step
    window.undo_action.trigger()
    assert model.state() == before
    assert window.panels["readout"].values["ce"].text() == "0.357"
    window.redo_action.trigger()
    assert model.state() == after


def test_separate_edits_are_separate_steps(window):
    model = window.model
    model.set_probability(0, 0.5)
    model.set_z(-3.0)
    model.set_true_class(2)
    assert window.history.stack.count() == 3
    window.undo_action.trigger()
    assert model.true_class == 0
    window.undo_action.trigger()
    assert model.z == -6.0
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]


def test_scenario_round_trip_restores_the_exact_state(window, tmp_path):
    m = window.model
    m.set_classes(["apple", "banana", "cherry", "date"])
    m.set_logits([1.25, -2.0, 0.5, 3.0])
    m.set_temperature(1.7)
    m.set_true_class(3)
    m.set_z(-6.0)
    m.set_y(0.85)
    m.set_learning_rate(0.5)
    path = tmp_path / "lesson.lossx"
    assert window.save_scenario(path)
    saved = m.state()
    json.loads(path.read_text())  # plain JSON a teacher could read
    fresh = ExplorerModel()
    scenarios.apply(fresh, scenarios.load(path))
    assert fresh.state() == saved
    m.reset()
    assert window.open_scenario(path)
    assert m.state() == saved


def good_file():
    return json.loads(scenarios.dumps(ExplorerModel().state()))


def with_state(**change):
    data = good_file()
    data["state"].update(change)
    return json.dumps(data)


BAD_FILES = {
    "empty": "",
    "truncated": scenarios.dumps(ExplorerModel().state())[:40],
    "not json": "hello teacher",
    "foreign json": json.dumps({"name": "something else"}),
    "newer version": json.dumps({**good_file(), "version": 99}),
    "wrong type": with_state(z="minus six"),
    "bool as number": with_state(true_class=True),
    "NaN": scenarios.dumps(ExplorerModel().state()).replace('"z": -6.0', '"z": NaN'),
    "infinity": with_state(y=1e999),
    "huge array": with_state(probabilities=[0.001] * 1000),
    "probability of 7": with_state(probabilities=[7.0, -3.0, -3.0], logits=[0.0, 0.0, 0.0]),
    "label out of range": with_state(y=1.5),
    "unknown class": with_state(true_class=9),
    "unknown key": with_state(evil="rm -rf /"),
    "nested bomb": "[" * 100000 + "]" * 100000,
    "inconsistent": with_state(probabilities=[0.1, 0.1, 0.8]),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_scenario_files_are_refused_and_change_nothing(window, tmp_path, kind):
    window.model.set_z(-2.5)
    before = window.model.state()
    path = tmp_path / "bad.lossx"
    path.write_text(BAD_FILES[kind], encoding="utf-8")
    assert not window.open_scenario(path)
    assert window.model.state() == before
    assert window.last_error and window.last_error[0].isupper()
    assert "Could not open" in window.statusBar().currentMessage()


def test_binary_garbage_and_missing_files_are_refused(window, tmp_path):
    before = window.model.state()
    path = tmp_path / "random.lossx"
    path.write_bytes(bytes(range(256)) * 10)
    assert not window.open_scenario(path)
    assert not window.open_scenario(tmp_path / "missing.lossx")
    assert window.model.state() == before


def test_exports_write_readable_files(window, tmp_path, qapp):
    plot = window.panels["penalty"].plot
    png = tmp_path / "plot.png"
    export.plot_png(plot, png, scale=2.0)
    image = QImage(str(png))
    assert image.width() == 2 * plot.width() and image.height() == 2 * plot.height()
    svg = tmp_path / "plot.svg"
    export.plot_svg(plot, svg)
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "</svg>" in text
    win = tmp_path / "window.png"
    export.window_png(window, win)
    assert QImage(str(win)).width() == window.width()
    image = export.copy_image(plot)
    assert not qapp.clipboard().image().isNull() and not image.isNull()
    csv_path = tmp_path / "numbers.csv"
    export.save_numbers_csv(window.model, csv_path)
    rows = list(csv.reader(io.StringIO(csv_path.read_text())))
    values = {r[1]: r[2] for r in rows if len(r) == 3 and r[0] != "section"}
    assert float(values["cross-entropy"]) == window.model.cross_entropy
    assert float(values["cat probability"]) == 0.7
    header = rows.index(["z", "sigmoid", "mse", "bce", "mse_grad", "bce_grad"])
    table = np.array(rows[header + 1 :], dtype=float)
    assert table.shape == (401, 6) and np.isfinite(table).all()


def test_presentation_mode_scales_and_restores(window, qapp):
    panel = window.panels["readout"]
    normal_size = panel.values["ce"].font().pointSizeF()
    normal_app = qapp.font().pointSizeF()
    normal_palette = qapp.palette().color(qapp.palette().ColorRole.Window).name()
    title = window.docks["readout"].titleBarWidget()
    normal_title = title.title.font().pointSizeF()
    window.presentation_action.trigger()
    window.docks["readout"].raise_()  # at 1280×800 the big panels share one row of tabs
    qapp.processEvents()
    big = window.panels["readout"]
    assert big.is_on_screen()
    big_title = window.docks["readout"].titleBarWidget()
    assert big_title.title.font().pointSizeF() == pytest.approx(1.6 * normal_title)
    assert big_title.help_button.font().pointSizeF() == pytest.approx(1.6 * normal_title)
    assert big.values["ce"].font().pointSizeF() == pytest.approx(1.6 * normal_size)
    assert qapp.font().pointSizeF() == pytest.approx(1.6 * normal_app, rel=0.02)
    assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == "#ffffff"
    assert big.values["ce"].text() == "0.357"  # still live, still the model
    window.model.set_probability(0, 0.1)
    assert big.values["ce"].text() == "2.303"
    window.presentation_action.trigger()
    assert window.model.display.scale == 1.0
    assert window.panels["readout"].values["ce"].font().pointSizeF() == pytest.approx(normal_size)
    assert qapp.font().pointSizeF() == pytest.approx(normal_app)
    assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == normal_palette


def test_presentation_size_is_adjustable(window):
    window.set_presentation_scale(2.0)
    window.presentation_action.trigger()
    assert window.model.display.scale == 2.0
    window.presentation_action.trigger()
    assert window.model.display.scale == 1.0


def test_quiz_mode_hides_and_reveals(window):
    window.hide_numbers_action.trigger()
    try:
        assert window.panels["readout"].values["ce"].text() == "?"
        window.model.set_probability(0, 0.1)
        assert window.panels["readout"].values["ce"].text() == "?"
        assert not any(lbl.isVisible() for lbl in window.panels["penalty"].seed_labels)
    finally:
        window.hide_numbers_action.trigger()
    assert window.panels["readout"].values["ce"].text() == "2.303"


def test_about_dialog_names_version_and_licence(window, qtbot):
    window.about_action.trigger()
    box = window._about_box
    assert "MIT" in box.text() and "0." in box.text()
    box.close()


def test_every_panel_has_an_explanation(window):
    for key, dock in window.docks.items():
        title = dock.titleBarWidget()
        title.help_button.click()
        assert len(title.help_box.text()) > 80, key
        title.help_box.close()


def test_a_damaged_language_setting_is_ignored(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", 12345)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    assert not math.isnan(w.model.cross_entropy)


# a popup menu asks the window system to raise it and grab the keyboard,
# which the offscreen platform cannot do
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_a_right_click_on_a_plot_offers_the_exports(window, qtbot):
    """Right-clicking a plot shows lossexplorer's export menu, not pyqtgraph's."""
    from PySide6.QtCore import QEvent, QPoint, Qt
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu
    from qt_helpers import send_mouse

    plot = window.panels["penalty"].plot
    viewport = plot.viewport()
    centre = QPoint(viewport.width() // 2, viewport.height() // 2)
    right, none = Qt.MouseButton.RightButton, Qt.MouseButton.NoButton
    send_mouse(viewport, QEvent.Type.MouseButtonPress, centre, right, right)
    send_mouse(viewport, QEvent.Type.MouseButtonRelease, centre, right, none)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, viewport.mapToGlobal(centre))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: any(m.isVisible() for m in plot.findChildren(QMenu)), timeout=2000)
    menus = [m for m in plot.findChildren(QMenu) if m.isVisible()]
    assert len(menus) == 1
    assert [a.text() for a in menus[0].actions()] == [
        "Export as PNG…",
        "Export as SVG…",
        "Copy image",
    ]
    menus[0].close()
