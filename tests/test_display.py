"""Display state (presentation scale, quiz mode) is state: ``model.display``."""

import math

import pytest
from qt_helpers import shown_panel

from lossexplorer import style
from lossexplorer.display import HIDDEN, SCALE_RANGE, DisplaySettings
from lossexplorer.model import ExplorerModel
from lossexplorer.panels.binary_loss import BinaryLossPanel
from lossexplorer.panels.readout import ReadoutPanel


@pytest.fixture
def display(qapp):
    return DisplaySettings()


def emissions(signal):
    calls = []
    signal.connect(lambda: calls.append(1))
    return calls


def test_it_starts_normal(display):
    assert display.scale == 1.0 and display.numbers_hidden is False
    assert display.shown("0.357") == "0.357"


def test_the_model_holds_one(qapp):
    model = ExplorerModel()
    assert isinstance(model.display, DisplaySettings) and model.display.parent() is model
    assert "display" not in model.state()  # how it is shown is not part of a scenario


def test_a_real_change_emits_once(display):
    calls = emissions(display.changed)
    display.set_scale(1.6)
    assert display.scale == 1.6 and len(calls) == 1
    display.set_scale(1.6)
    display.set_scale(8 / 5)
    assert len(calls) == 1
    display.set_numbers_hidden(True)
    assert display.numbers_hidden is True and len(calls) == 2
    assert display.shown("0.357") == HIDDEN == "?"
    display.set_numbers_hidden(True)
    assert len(calls) == 2
    display.set_numbers_hidden(False)
    assert display.shown("0.357") == "0.357" and len(calls) == 3


def test_the_int_two_is_the_scale_two(display):
    display.set_scale(2)
    assert display.scale == 2.0 and isinstance(display.scale, float)


@pytest.mark.parametrize(
    "bad",
    [0, -1.6, SCALE_RANGE[1] * 2, 1e9, 10**400, math.nan, math.inf, -math.inf, True, "1.6", None],
)
def test_an_impossible_scale_is_refused_and_changes_nothing(display, bad):
    display.set_scale(1.4)
    calls = emissions(display.changed)
    with pytest.raises(ValueError, match="scale"):
        display.set_scale(bad)
    assert display.scale == 1.4 and calls == []


@pytest.mark.parametrize("bad", [1, 0, "yes", None, 1.0])
def test_numbers_hidden_takes_only_true_or_false(display, bad):
    calls = emissions(display.changed)
    with pytest.raises(ValueError, match="True or False"):
        display.set_numbers_hidden(bad)
    assert display.numbers_hidden is False and calls == []


def test_the_scale_is_read_only(display):
    with pytest.raises(AttributeError):
        display.scale = 2.0
    with pytest.raises(AttributeError):
        display.numbers_hidden = True


def test_style_holds_no_display_state():
    assert not hasattr(style, "numbers_hidden") and not hasattr(style, "shown")
    assert style.font(10, scale=2.0).pointSizeF() == pytest.approx(20.0)
    assert style.font(10).pointSizeF() == pytest.approx(10.0)
    assert style.pen("#000000", 3, scale=1.6).widthF() == pytest.approx(4.8)
    assert style.axis_label_css(2.0)["font-size"] == f"{(style.BASE_POINT_SIZE + 1) * 2:.0f}pt"


def _shown(qtbot, panel):
    return shown_panel(qtbot, panel, (700, 500))


def test_a_panel_redraws_when_the_numbers_are_hidden(qtbot):
    model = ExplorerModel()
    panel = _shown(qtbot, ReadoutPanel(model))
    assert panel.values["ce"].text() == "0.357"
    model.display.set_numbers_hidden(True)
    assert panel.values["ce"].text() == "?"
    assert "predict the loss" in panel.note.text()
    model.display.set_numbers_hidden(False)
    assert panel.values["ce"].text() == "0.357" and panel.note.text() == ""


def test_a_panel_out_of_sight_redraws_when_it_comes_back(qtbot):
    model = ExplorerModel()
    panel = _shown(qtbot, ReadoutPanel(model))
    panel.set_on_screen(False)  # a tab behind another
    model.display.set_numbers_hidden(True)
    assert panel.values["ce"].text() == "0.357"  # not redrawn while nobody can see it
    panel.set_on_screen(True)
    assert panel.values["ce"].text() == "?"


def test_a_detached_panel_no_longer_follows_the_display(qtbot):
    model = ExplorerModel()
    panel = _shown(qtbot, ReadoutPanel(model))
    panel.detach()
    model.display.set_numbers_hidden(True)
    assert panel.values["ce"].text() == "0.357"


def test_panels_are_built_at_the_display_scale(qtbot):
    normal = _shown(qtbot, BinaryLossPanel(ExplorerModel()))
    model = ExplorerModel()
    model.display.set_scale(2.0)
    big = _shown(qtbot, BinaryLossPanel(model))
    assert big.scale == 2.0 and normal.scale == 1.0
    for name in ("mse_grad_label", "y_value"):
        size = getattr(normal, name).font().pointSizeF()
        assert getattr(big, name).font().pointSizeF() == pytest.approx(2 * size)
    for marker in ("mse_marker", "ce_grad_marker"):
        small, large = getattr(normal, marker), getattr(big, marker)
        assert large.path().boundingRect().width() == pytest.approx(
            2 * small.path().boundingRect().width()
        )
        assert large.pen().widthF() == pytest.approx(2 * small.pen().widthF())
    assert big.mse_curve.opts["pen"].widthF() == pytest.approx(
        2 * normal.mse_curve.opts["pen"].widthF()
    )
    big_ticks, ticks = (
        p.plot.getPlotItem().getAxis("left").style["tickFont"] for p in (big, normal)
    )
    assert big_ticks.pointSizeF() == pytest.approx(2 * ticks.pointSizeF())


def test_quiz_mode_in_the_window_reaches_a_tab_behind_another(window):
    docks, panels = window.docks, window.panels
    docks["logits"].raise_()
    behind = panels["calculation"]
    assert not behind.is_on_screen()
    window.hide_numbers_action.trigger()
    try:
        assert window.model.display.numbers_hidden
        assert panels["readout"].values["ce"].text() == "?"
        docks["calculation"].raise_()
        assert behind.is_on_screen() and "0.357" not in behind.steps.text()
    finally:
        window.hide_numbers_action.trigger()
    assert not window.model.display.numbers_hidden
    assert "0.357" in behind.steps.text()


def test_presentation_mode_sets_the_display_scale(window):
    window.set_presentation_scale(1.4)
    window.set_presentation(True)
    try:
        assert window.model.display.scale == 1.4
        assert window.panels["readout"].scale == 1.4
        window.set_presentation_scale(2.0)
        assert window.model.display.scale == 2.0 and window.panels["readout"].scale == 2.0
    finally:
        window.set_presentation(False)
    assert window.model.display.scale == 1.0 and window.panels["readout"].scale == 1.0
