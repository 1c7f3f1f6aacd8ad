"""The panel registry is the one place that says which panels exist and where they go.

A panel is one module plus one ``PanelSpec`` line: the window gives it a dock
and a View-menu entry, its lesson shows it in the cell its ``Place`` names, the
"everything" lesson shows it too, and the saved-layout version follows the
registry.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from lossexplorer import app, i18n, layouts, panels, window_state
from lossexplorer.mainwindow import MainWindow
from lossexplorer.panels import PANELS, PanelSpec, Place
from lossexplorer.panels.base import Panel

TEACHING_LESSONS = [name for name, lesson in layouts.LESSONS.items() if not lesson.everything]


def test_keys_are_unique_and_every_panel_is_in_a_lesson():
    keys = [spec.key for spec in PANELS]
    assert len(keys) == len(set(keys))
    for spec in PANELS:
        assert spec.place.lesson in TEACHING_LESSONS, spec.key
        assert spec.place.column in (0, 1) and spec.place.row >= 0, spec.key
        assert spec.key in layouts.lesson_keys(spec.place.lesson)
    shown = {key for lesson in TEACHING_LESSONS for key in layouts.lesson_keys(lesson)}
    assert shown == set(keys)
    assert layouts.lesson_keys("everything") == [
        key for column in layouts.arrangement("everything") for row in column for key in row
    ]
    seeds = layouts.LESSONS["everything"].shows  # the two seeds' lessons, side by side
    assert sorted(layouts.lesson_keys("everything")) == sorted(
        key for lesson in seeds for key in layouts.lesson_keys(lesson)
    )


def test_every_panel_class_loads():
    for spec in PANELS:
        assert issubclass(spec.load(), Panel), spec.key


def test_the_lessons_arrangements_come_from_the_registry():
    """The arrangements the lessons had when they were written out by hand."""
    assert layouts.arrangement("multiclass") == [
        [["probabilities"], ["logits", "calculation"]],
        [["readout"], ["penalty"]],
    ]
    assert layouts.arrangement("binary") == [
        [["sigmoid"], ["binary_loss"]],
        [["ce_prob"], ["race"]],
    ]
    # "everything": the two lessons side by side, then paired as tabs cell by cell
    assert layouts.arrangement("everything") == (
        layouts.arrangement("multiclass") + layouts.arrangement("binary")
    )
    assert layouts.arrangement("everything", 1) == [
        [["probabilities", "sigmoid"], ["logits", "calculation", "binary_loss"]],
        [["readout", "ce_prob"], ["penalty", "race"]],
    ]
    with pytest.raises(ValueError, match="unknown lesson"):
        layouts.arrangement("chemistry")


@pytest.mark.parametrize("lesson", list(layouts.LESSONS))
def test_each_compact_level_tabs_more_and_loses_no_panel(lesson):
    keys = sorted(layouts.lesson_keys(lesson))
    cells = []
    for compact in range(layouts.levels(lesson)):
        columns = layouts.arrangement(lesson, compact)
        assert sorted(k for column in columns for row in column for k in row) == keys
        cells.append(sum(len(column) for column in columns))
        column_weights, row_weights = layouts.weights(lesson, compact)
        assert len(column_weights) == len(columns)
        assert [len(rows) for rows in row_weights] == [len(column) for column in columns]
    assert cells == sorted(cells, reverse=True) and cells[-1] == 1  # last: one row of tabs
    assert len(set(map(str, (layouts.arrangement(lesson, c) for c in range(len(cells)))))) == len(
        cells
    )  # each level is a different arrangement
    for bad in (-1, layouts.levels(lesson), 1.5):
        with pytest.raises(ValueError):
            layouts.arrangement(lesson, bad)


def test_the_first_arrangement_that_fits_is_chosen():
    def needed(columns):
        return layouts.needed_size(columns, lambda key, width=None: (300, 200), lambda key: 100, 30)

    def fits(width, height):
        def fit(columns, _weights):
            need_w, need_h = needed(columns)
            return need_w <= width and need_h <= height

        return fit

    # multi-class as designed: two columns, two rows; one row of tabs in each column; one row
    assert needed(layouts.arrangement("multiclass")) == (606, 436)
    assert layouts.fitting_level("multiclass", fits(1280, 800)) == 0
    assert layouts.arrangement("multiclass", 1) == [  # the first column's cells as tabs
        [["probabilities", "logits", "calculation"]],
        [["readout"], ["penalty"]],
    ]
    assert layouts.fitting_level("multiclass", fits(1280, 300)) == 3  # both columns tabbed
    assert layouts.fitting_level("multiclass", fits(500, 300)) == 4  # one row of tabs
    assert layouts.fitting_level("multiclass", fits(100, 100)) == 4  # nothing fits: the last
    assert needed([[["a", "b", "c", "d"]]]) == (400, 230)  # four tabs need their width


def test_the_layout_version_follows_the_registry(monkeypatch):
    version = window_state.layout_version()
    assert version == window_state.LAYOUT_VERSION
    assert 0 <= version < 2**30  # a Qt int, with room to spare
    moved = [PanelSpec(s.key, s.title, s.target, Place(s.place.lesson, 1, 5)) for s in PANELS]
    monkeypatch.setattr(panels, "PANELS", tuple(moved))
    assert window_state.layout_version() != version
    monkeypatch.setattr(panels, "PANELS", PANELS[:-1])
    assert window_state.layout_version() != version
    monkeypatch.setattr(panels, "PANELS", PANELS)
    assert window_state.layout_version() == version


def test_the_command_line_choices_come_from_the_tables():
    parser = app.build_parser()
    choices = {action.dest: action.choices for action in parser._actions if action.choices}
    assert choices["lesson"] == list(layouts.LESSONS)
    assert choices["lang"] == list(i18n.LANGUAGES)


class ThrowawayPanel(Panel):
    """The smallest panel there is: the logit z as text."""

    SIGNAL = "binary_changed"

    def __init__(self, model):
        super().__init__(model)
        self.label = QLabel(self)
        self.retranslate()
        self.refresh()

    def refresh(self):
        self.label.setText(f"z = {self.model.z:g}")

    def retranslate(self):
        pass

    def help_text(self):
        return "A panel that only a test registers: it shows the logit z, nothing more."


THROWAWAY = PanelSpec("throwaway", "Throwaway", ThrowawayPanel, Place("binary", 1, 2))


def test_a_panel_registered_in_one_line_gets_a_dock_a_menu_entry_and_a_lesson(
    qtbot, settings, monkeypatch
):
    monkeypatch.setattr(panels, "PANELS", (*PANELS, THROWAWAY))
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        dock = window.docks["throwaway"]
        assert dock.objectName() == "throwaway" and dock.windowTitle() == "Throwaway"
        assert dock.toggleViewAction() in window.view_menu.actions()
        assert dock.toggleViewAction().text() == "Throwaway"
        # not in the multi-class lesson the window starts with, and not built yet
        assert dock.isHidden() and "throwaway" not in window.panels
        assert window.dock_host.panel_in_dock("throwaway") is None

        window.resize(1920, 1080)  # room for a third row as designed (else it goes behind a tab)
        window.lesson_actions["binary"].trigger()
        assert not dock.isHidden()
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
        panel = window.panels["throwaway"]  # built when its lesson showed it
        assert isinstance(panel, ThrowawayPanel) and panel.is_on_screen()
        assert window.dock_host.panel_in_dock("throwaway") is panel
        window.model.set_z(2.5)
        assert panel.label.text() == "z = 2.5"
        # a row of its own, below the race
        race = window.docks["race"]
        assert dock.geometry().top() > race.geometry().bottom()

        window.lesson_actions["everything"].trigger()
        assert not dock.isHidden()
        window.lesson_actions["multiclass"].trigger()
        assert dock.isHidden()
        dock.toggleViewAction().trigger()  # the View menu brings it into any lesson
        assert not dock.isHidden()
    finally:
        window.close()  # while the throwaway panel is still registered


def test_panels_holds_built_panels_only_and_ensure_panel_builds(window):
    assert "sigmoid" not in window.panels and window.panels.get("sigmoid") is None
    with pytest.raises(KeyError):
        window.panels["sigmoid"]
    panel = window.ensure_panel("sigmoid")
    assert window.panels["sigmoid"] is panel is window.ensure_panel("sigmoid")
    assert window.dock_host.panel_in_dock("sigmoid") is panel
    assert window.docks["sigmoid"].isHidden()  # built, not shown: that is the lesson's job
