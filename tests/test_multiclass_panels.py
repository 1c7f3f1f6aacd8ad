"""The multi-class lesson driven as a teacher would: drags, keys, clicks, typing."""

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from qt_helpers import drag
from screen_numbers import parse_number

from lossexplorer import losses
from lossexplorer.formatting import MINUS


@pytest.fixture
def panels(window):
    """The lesson's panels, all on screen: the window is large enough for the designed layout."""
    window.resize(1920, 1080)
    window.arrange(window.lesson)
    QApplication.processEvents()
    return window.panels


def plain(label):
    """A rich-text QLabel's text as the user reads it."""
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def calculation(window):
    """The Calculation panel with its tab brought to the front, as a user would."""
    window.docks["calculation"].raise_()
    return window.panels["calculation"]


def test_a_tab_behind_another_redraws_only_when_brought_forward(window, panels):
    docks = window.docks
    assert window.tabifiedDockWidgets(docks["logits"]) == [docks["calculation"]]
    docks["logits"].raise_()
    behind = panels["calculation"]
    assert not behind.is_on_screen()
    before = plain(behind.steps)
    window.model.set_probability(0, 0.1)
    assert plain(behind.steps) == before  # not redrawn while nobody can see it
    docks["calculation"].raise_()
    assert behind.is_on_screen() and not panels["logits"].is_on_screen()
    assert "2.303" in plain(behind.steps)


def assert_everything_shows_the_model(window):
    m = window.model
    p = window.panels
    np.testing.assert_array_equal(p["probabilities"].bars.values, m.probabilities)
    for i, label in enumerate(p["probabilities"].value_labels[: len(m.classes)]):
        assert label.toPlainText() == f"{m.probabilities[i]:.2f}"
    np.testing.assert_array_equal(p["logits"].bars.values, m.logits)
    assert parse_number(p["readout"].values["ce"].text()) == pytest.approx(
        m.cross_entropy, abs=5e-4
    )
    assert parse_number(p["readout"].values["linear"].text()) == pytest.approx(
        m.linear_penalty, abs=5e-4
    )
    assert parse_number(p["readout"].values["brier"].text()) == pytest.approx(m.brier, abs=5e-4)
    ce_marker, linear_marker, brier_marker = (mk.pos() for mk in p["penalty"].markers)
    # QPointF compares fuzzily, so setPos skips 1-ulp moves: compare to 1e-12
    for marker, (x, y) in zip(
        (ce_marker, linear_marker, brier_marker),
        ((m.p_true, min(m.cross_entropy, 5.0)), (m.p_true, m.linear_penalty), (m.p_true, m.brier)),
        strict=True,
    ):
        assert marker.x() == pytest.approx(x, rel=1e-12) and marker.y() == pytest.approx(
            y, rel=1e-12
        )
    steps = plain(calculation(window).steps)
    assert f"{m.cross_entropy:.3f}" in steps or math.isinf(m.cross_entropy)
    assert "nan" not in steps.lower()


def test_default_state_shows_seed_000(window, panels):
    assert panels["readout"].values["ce"].text() == "0.357"
    steps = plain(calculation(window).steps)
    assert "0.357" in steps and f"{MINUS}log(0.700)" in steps
    assert "1·log(0.700) + 0·log(0.200) + 0·log(0.100)" in steps
    assert_everything_shows_the_model(window)


def test_dragging_the_cat_bar_to_0_1(window, panels, qtbot):
    plot = panels["probabilities"].plot
    drag(plot, (0, 0.5), (0, 0.1), steps=12)
    np.testing.assert_allclose(window.model.probabilities, [0.1, 0.6, 0.3], rtol=1e-14)
    assert panels["readout"].values["ce"].text() == "2.303"
    assert "2.303" in plain(calculation(window).steps)
    assert_everything_shows_the_model(window)


def test_a_bar_drag_is_told_by_signals(window, panels):
    bars = panels["probabilities"].bars
    heard = []
    bars.drag_started.connect(lambda i: heard.append(("started", i)))
    bars.dragged.connect(lambda i, y, modifiers: heard.append(("dragged", i, round(y, 2))))
    bars.drag_finished.connect(lambda i: heard.append(("finished", i)))
    drag(panels["probabilities"].plot, (1, 0.5), (1, 0.3), steps=4)
    assert heard[0] == ("started", 1) and heard[-1] == ("finished", 1)
    assert [h[0] for h in heard[1:-1]] == ["dragged"] * (len(heard) - 2) and len(heard) >= 4
    assert heard[-2] == ("dragged", 1, 0.3) and window.model.probabilities[1] == 0.3
    assert window.model.gesture is None  # the drag was one gesture, now over


def test_every_mouse_move_updates_live(window, panels):
    seen = []
    window.model.multiclass_changed.connect(lambda: seen.append(window.model.probabilities[1]))
    drag(panels["probabilities"].plot, (1, 0.2), (1, 0.9), steps=7)
    assert len(seen) == 7
    assert seen == sorted(seen)
    assert window.model.probabilities[1] == pytest.approx(0.9)


def test_a_bar_at_zero_can_still_be_grabbed(window, panels):
    window.model.set_probability(0, 1.0)
    drag(panels["probabilities"].plot, (2, 0.5), (2, 0.25), steps=5)
    np.testing.assert_allclose(window.model.probabilities, [0.75, 0.0, 0.25])


def test_dragging_beyond_the_axis_clips_to_zero_and_one(window, panels):
    plot = panels["probabilities"].plot
    drag(plot, (0, 0.7), (0, 1.5), steps=5)
    np.testing.assert_array_equal(window.model.probabilities, [1.0, 0.0, 0.0])
    drag(plot, (0, 0.9), (0, -0.5), steps=5)
    assert window.model.probabilities[0] == 0.0
    assert window.model.cross_entropy == math.inf
    assert panels["readout"].values["ce"].text() == "\u221e"
    assert "ruled out" in panels["readout"].note.text()
    steps = calculation(window).steps
    assert "Loss ≈ \ufffc∞" in plain(steps) and "data:image/png" in steps.text()  # ∞, drawn
    assert_everything_shows_the_model(window)


def test_arrow_keys_nudge_the_focused_bar(window, panels, qtbot):
    panel = panels["probabilities"]
    panel.plot.setFocus()
    panel.plot.scene().setFocusItem(panel.bars)
    QTest.keyClick(panel.plot.viewport(), Qt.Key.Key_Up)
    assert window.model.probabilities[0] == pytest.approx(0.71, abs=1e-12)
    QTest.keyClick(panel.plot.viewport(), Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert window.model.probabilities[0] == pytest.approx(0.61, abs=1e-12)
    QTest.keyClick(panel.plot.viewport(), Qt.Key.Key_Right)
    QTest.keyClick(panel.plot.viewport(), Qt.Key.Key_Up)
    assert window.model.probabilities[1] == pytest.approx(panel.model.probabilities[1])
    assert panel.bars.focus_index == 1
    assert_everything_shows_the_model(window)


def test_clicking_a_class_name_makes_it_the_true_class(window, panels, qtbot):
    button = panels["probabilities"].true_buttons[1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.model.true_class == 1
    assert panels["readout"].values["ce"].text() == f"{-math.log(0.2):.3f}"
    ticks = panels["probabilities"].plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert ticks[1][1].endswith("(true)") and not ticks[0][1].endswith("(true)")
    assert "torch.tensor([1])" in calculation(window).code.text()
    assert_everything_shows_the_model(window)


def test_renaming_a_class(window, panels, qtbot):
    edit = panels["probabilities"].name_edits[0]
    edit.clear()
    qtbot.keyClicks(edit, "apple")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert window.model.classes[0] == "apple"
    assert panels["probabilities"].true_buttons[0].text() == "apple"
    edit.clear()
    QTest.keyClick(edit, Qt.Key.Key_Return)  # an empty name is refused
    assert window.model.classes[0] == "apple" and edit.text() == "apple"


def test_more_classes(window, panels, qtbot):
    panels["probabilities"].count.setValue(5)
    assert len(window.model.classes) == 5
    # the new classes get 5 % each, the others keep their ratios
    np.testing.assert_allclose(window.model.probabilities, [0.63, 0.18, 0.09, 0.05, 0.05])
    assert sum(b.isVisible() for b in panels["probabilities"].true_buttons) == 5
    assert_everything_shows_the_model(window)


def test_typing_a_logit_moves_the_bars(window, panels, qtbot):
    spin = panels["logits"].spins[0]
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "2.1")
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert window.model.logits[0] == pytest.approx(2.1)
    expected = losses.softmax(window.model.logits)
    np.testing.assert_allclose(panels["probabilities"].bars.values, expected, rtol=1e-15)
    assert_everything_shows_the_model(window)


def test_dragging_a_logit_bar(window, panels):
    window.model.set_logits([2.1, 0.5, -1.0])
    drag(panels["logits"].plot, (2, -1.0), (2, 2.0), steps=6)
    assert window.model.logits[2] == pytest.approx(2.0, abs=0.05)  # one pixel, snapped to 0.05
    np.testing.assert_allclose(
        window.model.probabilities, losses.softmax([2.1, 0.5, 2.0]), rtol=1e-14
    )
    assert_everything_shows_the_model(window)


def test_temperature_flattens_the_prediction(window, panels):
    panels["logits"].t_spin.setValue(4.0)
    assert window.model.temperature == 4.0
    logits = window.model.logits
    np.testing.assert_allclose(window.model.probabilities, losses.softmax(logits / 4.0), rtol=1e-14)
    assert panels["logits"].t_spin.value() == 4.0
    scaled = [cell.text() for cell in (row[2] for row in panels["logits"].cells[:3])]
    assert scaled == [f"{v:.2f}".replace("-", MINUS) for v in logits / 4.0]
    assert "]]) / 4,\n    torch" in calculation(window).code.text()
    assert "]]) / 4, torch" in calculation(window).code_text()
    assert_everything_shows_the_model(window)


def test_pipeline_numbers(window, panels):
    window.model.set_logits([2.1, 0.5, -1.0])
    panel = panels["logits"]
    text = " ".join(c.text() for row in panel.cells for c in row if c.isVisible())
    text += " " + " ".join(c.text() for c in panel.sum_cells)
    p = losses.softmax([2.1, 0.5, -1.0])
    for value in (f"{np.exp(2.1):.3f}", f"{p[0]:.3f}", f"{np.exp([2.1, 0.5, -1.0]).sum():.3f}"):
        assert value in text


def test_penalty_curves_are_the_losses(window, panels):
    panel = panels["penalty"]
    for curve, f in (
        (panel.ce_curve, losses.negative_log),
        (panel.linear_curve, losses.linear_penalty),
    ):
        x, y = curve.getData()
        assert x.min() > 0 and x.max() == 1.0
        np.testing.assert_array_equal(y, f(x))
    window.model.set_probability(0, 0.3)
    x, y = panel.brier_curve.getData()
    # along the curve, the others keep today's ratio: exactly what dragging the bar does
    for p in (0.05, 0.5, 0.9):
        i = np.argmin(abs(x - p))
        probe = window.model.state()
        window.model.set_probability(0, float(x[i]))
        assert y[i] == pytest.approx(window.model.brier, rel=1e-12)
        window.model.set_state(probe)
    sx, sy = panel.seed_points.getData()
    np.testing.assert_allclose(sy, [0.01005, 0.6931, 2.3026, 4.6052], atol=1e-4)


def test_penalty_says_when_the_marker_is_off_scale(window, panels):
    window.model.set_probability(0, 0.001)
    assert "off the top" in panels["penalty"].off_scale.toPlainText()
    assert "6.908" in panels["penalty"].off_scale.toPlainText()
    window.model.set_probability(0, 0.5)
    assert panels["penalty"].off_scale.toPlainText() == ""


def test_copy_puts_runnable_pytorch_on_the_clipboard(window, panels, qtbot):
    window.model.set_logits([2.1, 0.5, -1.0])
    qtbot.mouseClick(calculation(window).copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert "F.cross_entropy(torch.tensor([[2.1000, 0.5000, -1.0000]]), torch.tensor([0]))" in text
    compile(text, "<clipboard>", "exec")
