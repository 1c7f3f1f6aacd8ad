"""The main window: docks, View menu, saved and damaged layouts."""

import pytest
from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QDockWidget

from lossexplorer import actions, scenarios
from lossexplorer.layouts import lesson_keys
from lossexplorer.mainwindow import MainWindow
from lossexplorer.panels import PANELS
from lossexplorer.window_state import LAYOUT_VERSION


def lesson_docks_shown(w):
    """Every dock of the window's lesson is shown, and no other."""
    shown = {k for k, d in w.docks.items() if not d.isHidden()}
    return shown == set(lesson_keys(w.lesson))


def test_window_has_every_dock(window):
    assert set(window.docks) == {spec.key for spec in PANELS}
    for spec in PANELS:
        dock = window.findChild(QDockWidget, spec.key)
        assert dock is not None and dock.windowTitle()
        # only the lesson's panels are built at start; the others on demand
        assert (dock.widget() is not None) == (spec.key in lesson_keys(window.lesson))
        assert window.ensure_panel(spec.key) is dock.widget().widget()
        assert window.dock_host.panel_in_dock(spec.key) is window.panels[spec.key]
        features = dock.features()
        assert features & QDockWidget.DockWidgetFeature.DockWidgetClosable
        assert features & QDockWidget.DockWidgetFeature.DockWidgetFloatable


def test_view_menu_toggles_every_dock(window, qtbot):
    assert lesson_docks_shown(window)
    actions = {a.text(): a for a in window.view_menu.actions()}
    for dock in window.docks.values():
        action = actions[dock.titleBarWidget().title.text()]  # the full title, not the tab's
        shown = not dock.isHidden()
        assert action.isChecked() == shown
        action.trigger()
        assert dock.isHidden() == shown
        action.trigger()
        assert dock.isHidden() != shown


def test_reset_layout_brings_back_closed_docks(window):
    dock = next(iter(window.docks.values()))
    dock.close()
    window.reset_layout_action.trigger()
    assert dock.isVisible()


def test_layout_is_saved_and_restored(qtbot, settings):
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.show()
    dock = next(iter(first.docks.values()))
    dock.close()
    first.resize(700, 600)  # the offscreen screen is 800x800
    first.close()
    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.layout_message == "restored"
    assert not second.docks[dock.objectName()].isVisible()
    assert (second.width(), second.height()) == (700, 600)


@pytest.mark.parametrize(
    "damage",
    [
        {
            "window/state": QByteArray(b"\x00\xffgarbage" * 10),
            "window/geometry": QByteArray(b"junk"),
        },
        {"window/state": "a string, not bytes", "window/geometry": 42},
        {"window/state": QByteArray(), "window/geometry": QByteArray()},
    ],
)
def test_damaged_saved_layout_falls_back_to_default(qtbot, settings, damage):
    for key, value in damage.items():
        settings.setValue(key, value)
    settings.sync()
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    assert w.layout_message == "damaged"
    assert lesson_docks_shown(w)
    assert "default" in w.statusBar().currentMessage()


def test_state_from_another_version_is_ignored(qtbot, settings, tmp_path):
    other = MainWindow(settings=QSettings(str(tmp_path / "other.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(other)
    settings.setValue("window/state", other.saveState(LAYOUT_VERSION + 7))
    settings.setValue("window/geometry", other.saveGeometry())
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    assert w.layout_message == "damaged"
    assert lesson_docks_shown(w)


def test_readout_shows_the_model(window, qtbot):
    panel = window.panels["readout"]
    assert panel.values["ce"].text() == "0.357"
    window.model.set_probability(0, 0.1)
    assert panel.values["ce"].text() == "2.303"
    assert panel.values["linear"].text() == "0.900"
    window.model.set_probability(0, 0.0)
    assert panel.values["ce"].text() == "\u221e"
    assert "infinite" in panel.note.text()


def test_a_settings_file_of_random_bytes_is_survived(qtbot, tmp_path):
    import random

    path = tmp_path / "garbage.ini"
    path.write_bytes(bytes(random.Random(7).randrange(256) for _ in range(4096)))
    w = MainWindow(settings=QSettings(str(path), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    assert w.layout_message == "damaged" and lesson_docks_shown(w)
    assert "default" in w.statusBar().currentMessage()
    assert w.model.cross_entropy == pytest.approx(0.35667494393873245)


def test_wrong_types_everywhere_are_survived(qtbot, settings):
    for key, value in {
        "window/lesson": ["not", "a", "lesson"],
        "window/geometry": {"x": 1},
        "window/state": 3.5,
        "language": 12345,
    }.items():
        settings.setValue(key, value)
    w = MainWindow(settings=settings)
    qtbot.addWidget(w)
    w.show()
    assert w.layout_message == "damaged" and lesson_docks_shown(w)


def test_menus_and_toolbar_come_from_the_action_table(window):
    for row in actions.ACTIONS:
        if isinstance(row, actions.Action):
            action = getattr(window, f"{row.key}_action")
            assert action in window.actions()  # its shortcut works with the menu bar hidden
            assert action in getattr(window, f"{row.menu}_menu").actions()
            assert (action in window.toolbar.actions()) == bool(row.toolbar)
    shortcuts = [s.toString() for a in window.actions() for s in a.shortcuts()]
    assert len(shortcuts) == len(set(shortcuts))
    # Scenarios: the multi-class presets, one separator, the binary presets
    entries = window.scenario_menu.actions()
    assert sum(a.isSeparator() for a in entries) == 1
    split = next(i for i, a in enumerate(entries) if a.isSeparator())
    first = [key for key, a in window.preset_actions.items() if entries.index(a) < split]
    assert first == [p.key for p in scenarios.PRESETS if "probabilities" in p.state]
