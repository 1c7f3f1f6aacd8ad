"""The classroom stage: spotlight, pointer ring, blank screen, arrangements that fit, and
presentation mode that gives back what it borrowed."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from lossexplorer import layouts


def settle(qtbot):
    qtbot.wait(30)
    QApplication.processEvents()


def on_screen(window):
    """The docks a student sees: shown and not behind another tab."""
    return sorted(
        key
        for key, dock in window.docks.items()
        if dock.isVisible() and not dock.visibleRegion().isEmpty()
    )


def geometries(window):
    """Where each dock on screen is (one behind a tab has no place a student sees)."""
    return {key: window.docks[key].geometry().getRect() for key in on_screen(window)}


# ---------------------------------------------------------------- spotlight
def test_double_clicking_a_title_spotlights_its_panel_and_esc_brings_the_lesson_back(window, qtbot):
    before = on_screen(window), geometries(window)
    assert len(before[0]) > 1
    title = window.docks["penalty"].titleBarWidget()
    QTest.mouseDClick(title.title, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert window.model.display.spotlight == "penalty"
    assert on_screen(window) == ["penalty"]
    dock = window.docks["penalty"]
    room_w, room_h = window.dock_room()
    assert dock.width() >= room_w - 12 and dock.height() >= room_h - 12  # fills the window
    assert not dock.isFloating()  # Qt's own double-click would have floated it
    QTest.keyClick(window, Qt.Key.Key_Escape)
    settle(qtbot)
    assert window.model.display.spotlight is None
    assert (on_screen(window), geometries(window)) == before


def test_f6_spotlights_the_panel_being_used_and_f6_again_leaves(window, qtbot):
    before = on_screen(window), geometries(window)
    spin = window.panels["logits"].findChildren(QLineEdit)[0]
    spin.setFocus()
    QTest.keyClick(spin, Qt.Key.Key_F6)
    settle(qtbot)
    assert window.model.display.spotlight == "logits"
    assert on_screen(window) == ["logits"]
    QTest.keyClick(window, Qt.Key.Key_F6)
    settle(qtbot)
    assert (on_screen(window), geometries(window)) == before


def test_switching_lesson_or_presentation_leaves_the_spotlight_first(window, qtbot):
    window.model.display.set_spotlight("readout")
    settle(qtbot)
    window.lesson_actions["binary"].trigger()
    settle(qtbot)
    assert window.model.display.spotlight is None
    assert on_screen(window) == sorted(
        k for k in on_screen(window) if k in layouts.lesson_keys("binary")
    )
    assert "sigmoid" in on_screen(window)


# ---------------------------------------------------------------- pointer ring
def test_presentation_mode_rings_the_pointer_and_follows_it(window, qtbot):
    ring = window.stage.ring
    plot = window.panels["penalty"].plot.viewport()
    QTest.mouseMove(plot, QPoint(50, 60))
    assert not ring.isVisible()  # normal mode: no ring
    window.presentation_action.trigger()
    settle(qtbot)
    plot = window.panels[on_screen(window)[0]]
    assert not ring.isVisible()  # not in a corner before the pointer is seen
    for point in (QPoint(40, 50), QPoint(120, 90)):
        QTest.mouseMove(plot, point)
        assert ring.isVisible()
        assert ring.centre() == window.mapFromGlobal(plot.mapToGlobal(point))
    assert ring.width() >= 2 * 30 * window.model.display.scale  # big enough for the back row
    window.pointer_action.trigger()  # the teacher turns it off
    assert not ring.isVisible() and window.model.display.pointer_highlight is False
    window.pointer_action.trigger()
    assert not ring.isVisible()  # until the pointer moves
    QTest.mouseMove(plot, QPoint(60, 70))
    assert ring.isVisible() and ring.centre() == window.mapFromGlobal(
        plot.mapToGlobal(QPoint(60, 70))
    )
    window.presentation_action.trigger()
    assert not ring.isVisible()


# ---------------------------------------------------------------- blank screen
def pixel(window, x, y):
    return window.grab().toImage().pixelColor(x, y).name()


@pytest.mark.parametrize(
    ("key", "colour"),
    [(Qt.Key.Key_B, "#000000"), (Qt.Key.Key_Period, "#000000"), (Qt.Key.Key_W, "#ffffff")],
)
def test_b_blanks_the_screen_until_any_key_and_that_key_does_nothing_else(
    window, qtbot, key, colour
):
    state = window.model.state()
    window.panels["penalty"].plot.setFocus()
    QTest.keyClick(QApplication.focusWidget(), key)
    settle(qtbot)
    assert window.model.display.blank is not None
    w, h = window.width(), window.height()
    assert {pixel(window, x, y) for x in (5, w // 2, w - 5) for y in (5, h // 2, h - 5)} == {colour}
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    settle(qtbot)
    assert window.model.display.blank is None and not window.stage.curtain.isVisible()
    assert window.model.state() == state
    assert pixel(window, w // 2, h // 2) != colour or colour == "#ffffff"


def test_typing_b_in_a_class_name_types_a_b(window, qtbot):
    edit = window.panels["probabilities"].findChildren(QLineEdit)[0]
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "bw.")
    edit.editingFinished.emit()
    assert window.model.display.blank is None
    assert edit.text() == "bw."


# ---------------------------------------------------------------- presentation
def test_presentation_mode_gives_back_the_teachers_arrangement(window, qtbot):
    window.docks["calculation"].raise_()  # the teacher brings the calculation to the front
    window.docks["penalty"].close()
    settle(qtbot)
    before = on_screen(window), geometries(window)
    for _ in range(2):
        window.presentation_action.trigger()
        settle(qtbot)
        window.presentation_action.trigger()
        settle(qtbot)
        assert on_screen(window) == before[0]
        after = geometries(window)
        assert after.keys() == before[1].keys()
        for key in before[0]:  # where each dock is, to within a few pixels of Qt's fitting
            assert after[key] == pytest.approx(before[1][key], abs=24), key


def test_each_panel_on_screen_gets_its_minimum_size(window, qtbot):
    for present in (False, True):
        if present:
            window.presentation_action.trigger()
        for lesson in layouts.LESSONS:
            window.lesson_actions[lesson].trigger()
            settle(qtbot)
            for key in on_screen(window):
                panel = window.panels[key]
                room = window.docks[key].widget().size()
                need_w, need_h = (
                    panel.minimumSizeHint().width(),
                    panel.minimum_height_at(room.width()),
                )
                assert room.width() >= need_w and room.height() >= need_h, (
                    lesson,
                    present,
                    key,
                )


def test_a_smaller_window_is_arranged_again(window, qtbot):
    window.resize(1920, 1080)
    window.lesson_actions["multiclass"].trigger()
    settle(qtbot)
    assert len(on_screen(window)) == 4
    window.resize(700, 600)
    qtbot.waitUntil(lambda: len(on_screen(window)) < 4, timeout=3000)
    for key in on_screen(window):
        panel = window.panels[key]
        room = window.docks[key].widget().size()
        need_w, need_h = panel.minimumSizeHint().width(), panel.minimum_height_at(room.width())
        assert room.width() >= need_w and room.height() >= need_h, key


# ---------------------------------------------------------------- the screen it opens on
SMALL_SCREEN = """
import os, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from lossexplorer.mainwindow import MainWindow
app = QApplication([])
settings = QSettings(sys.argv[1], QSettings.Format.IniFormat)
w = MainWindow(settings=settings)
w.show()
print(w.x(), w.y(), w.width(), w.height())
if sys.argv[2] == "save":
    w.resize(1900, 1000)
    w.close()
"""


def run_on_screen(tmp_path, width, height, mode):
    config = tmp_path / f"screen{width}.json"
    config.write_text(
        json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height}]})
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run(
        [sys.executable, "-c", SMALL_SCREEN, str(tmp_path / "s.ini"), mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return [int(v) for v in out.stdout.split()]


def test_the_window_fits_the_screen_it_opens_on(tmp_path):
    x, y, w, h = run_on_screen(tmp_path, 1366, 768, "look")
    assert w <= 1366 and h <= 768 - 30 and x >= 0 and y >= 0
    # a layout saved on a big monitor, opened on a small projector
    big = run_on_screen(tmp_path, 1920, 1080, "save")
    assert big[2:] == [1280, 800]
    x, y, w, h = run_on_screen(tmp_path, 1024, 768, "look")
    assert x >= 0 and y >= 0 and x + w <= 1024 and y + h <= 768 - 30


# ---------------------------------------------------------------- files
def test_file_dialogs_start_in_the_documents_then_the_last_folder(window, tmp_path, monkeypatch):
    from lossexplorer import files

    asked = []

    class Dialog:
        @staticmethod
        def getSaveFileName(parent, caption, start, filters):
            asked.append(start)
            return str(tmp_path / "class" / "lesson.lossx"), ""

    (tmp_path / "class").mkdir()
    monkeypatch.setattr(files, "QFileDialog", Dialog)
    documents = files.QStandardPaths.writableLocation(
        files.QStandardPaths.StandardLocation.DocumentsLocation
    )
    window.files.ask_save_scenario()
    assert os.path.dirname(asked[0]) in (documents, os.path.expanduser("~"))
    assert os.path.dirname(asked[0]) != os.getcwd()
    assert (tmp_path / "class" / "lesson.lossx").exists()
    window.files.ask_export_csv()
    assert asked[1] == str(tmp_path / "class" / "lossexplorer.csv")


def test_copying_the_window_says_so(window):
    window.copy_window_action.trigger()
    assert window.statusBar().currentMessage() == "Copied a picture of the window"
    assert not QApplication.clipboard().image().isNull()


def test_a_tab_has_a_short_title_and_the_panel_its_full_one(window, qtbot):
    window.resize(1024, 700)
    window.lesson_actions["everything"].trigger()
    settle(qtbot)
    race = window.docks["race"]
    assert race.windowTitle() == "Race"  # what its tab says
    assert race.titleBarWidget().title.text() == "Gradient-descent race"
    assert race.toggleViewAction().text() == "Gradient-descent race"
    window.set_language("zh_CN")
    try:
        settle(qtbot)
        assert race.windowTitle() == "赛跑"
        assert race.titleBarWidget().title.text() == "梯度下降赛跑"
    finally:
        window.set_language("en")


def test_presentation_mode_keeps_the_race_where_it_was(window, qtbot):
    window.resize(1920, 1080)
    window.lesson_actions["binary"].trigger()
    race = window.panels["race"]
    race.speed_spin.setValue(12)
    race.step(7)
    trajectory = race.ce_trajectory.copy()
    for _ in range(2):
        window.presentation_action.trigger()
        settle(qtbot)
        race = window.panels["race"]
        assert race.steps_taken == 7 and race.speed_spin.value() == 12
        assert (race.ce_trajectory == trajectory).all()
