"""Hostile input driven as a user would: markup in class names, negative zero,
emoji names, whole gestures, and keys at the model's limits.

A. User text is text: a class name typed or read from a shared file is shown
   literally everywhere, never read as markup or as a shortcut marker.
B. No negative zero on screen: no "−0.00", "-0.000" or "log(−0.000)".
C. The class-name field counts characters as the model does (code points).
D. One gesture, one undo step (the temperature slider, the race's start button).
E. The logits panel at the model's limits: spin boxes show what the model
   holds; a key pressed on a bar at a limit does nothing and raises nothing.
"""

import math
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyleOptionSlider, QWidget
from qt_helpers import LEFT, NO_BUTTON, send_mouse

from lossexplorer import scenarios
from lossexplorer.formatting import MINUS, fmt_fixed, fmt_number
from lossexplorer.history import History
from lossexplorer.model import LOGIT_LIMIT, ExplorerModel
from lossexplorer.panels.binary_loss import BinaryLossPanel
from lossexplorer.panels.calculation import CalculationPanel
from lossexplorer.panels.race import RacePanel

MARKUP_NAMES = ["<b>x</b>", "R&D", "<img width=9999 src=x>", "cat & dog", "a<br>b", "&amp;"]


# ------------------------------------------------------------------ helpers
def shows_rich_text(label: QLabel) -> bool:
    """Whether Qt reads this label's text as HTML (explicitly, or by guessing)."""
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text())
    )


def on_screen(label: QLabel) -> str:
    """A label's text as the user reads it."""
    if not shows_rich_text(label):
        return label.text()
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def mnemonic_text(text: str) -> str:
    """What a button shows for ``text``: "&&" is one "&", a lone "&" is hidden."""
    return "&".join(part.replace("&", "") for part in text.split("&&"))


def tick_labels(plot) -> list[str]:
    return [s for _, s in plot.getPlotItem().getAxis("bottom")._tickLevels[0]]


def no_negative_zero(text: str) -> bool:
    """True when ``text`` holds no signed zero such as "−0.00", "-0.000" or "−0"."""
    import re

    return re.search(r"[-\u2212]0(?:\.0*)?(?![0-9.])", text) is None


def show_dock(window, key):
    window.docks[key].raise_()
    panel = window.panels[key]
    assert panel.is_on_screen()
    return panel


def focus_bars(panel, index):
    panel.plot.setFocus()
    panel.plot.scene().setFocusItem(panel.bars)
    panel.bars.focus_index = index


def press(panel, key, modifiers=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(panel.plot.viewport(), key, modifiers)


def type_into_spin(spin, text):
    spin.lineEdit().selectAll()
    QTest.keyClicks(spin.lineEdit(), text)
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)


def type_characters(widget, text):
    """Type ``text`` character by character as the keyboard (or an input method) does.

    One key event per character (code point), so an emoji arrives whole.
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


# ======================================================= A. text is text
def test_markup_in_class_names_is_shown_literally(window):
    model = window.model
    model.set_classes(MARKUP_NAMES)
    model.set_true_class(1)
    probabilities = show_dock(window, "probabilities")
    logits = show_dock(window, "logits")
    QApplication.processEvents()

    # the probability bars' axis, the radio buttons and the name fields
    ticks = tick_labels(probabilities.plot)
    assert ticks[0] == "<b>x</b>" and ticks[1] == "R&D (true)"
    assert ticks[2:] == MARKUP_NAMES[2:]
    for name, button, edit in zip(
        MARKUP_NAMES, probabilities.true_buttons, probabilities.name_edits, strict=True
    ):
        assert mnemonic_text(button.text()) == name
        assert button.shortcut().isEmpty()  # "R&D" is not Alt+D
        assert edit.text() == name
    # the logits panel: its axis and the class column of the softmax table
    assert tick_labels(logits.plot) == MARKUP_NAMES
    assert [on_screen(row[0]) for row in logits.cells] == MARKUP_NAMES


def test_no_label_or_tooltip_reads_a_class_name_as_markup(window):
    window.model.set_classes(MARKUP_NAMES)
    for key in ("probabilities", "logits", "readout", "penalty", "calculation"):
        show_dock(window, key)
    QApplication.processEvents()
    for label in window.findChildren(QLabel):
        if shows_rich_text(label):
            for name in MARKUP_NAMES:
                assert name not in label.text(), label.objectName()
    for widget in window.findChildren(QWidget):
        tip = widget.toolTip()
        if QtGui.Qt.mightBeRichText(tip):
            for name in MARKUP_NAMES:
                assert name not in tip, widget.objectName()


def test_a_huge_image_tag_does_not_grow_the_logits_panel(window):
    logits = show_dock(window, "logits")
    normal = logits.minimumSizeHint()
    window.model.set_class_name(0, "<img width=9999 src=x>")
    QApplication.processEvents()
    hint = logits.minimumSizeHint()
    assert hint.height() <= normal.height() + 10
    assert hint.width() <= normal.width() + 400  # 22 characters of text at most, not 9999 px
    assert hint.width() < 2000


def test_a_class_name_that_names_dev_zero_is_never_loaded(tmp_path):
    """``<img src=/dev/zero>`` made Qt read /dev/zero until std::bad_alloc.

    Run in a child process with its address space capped, so that a
    regression fails this test instead of eating the machine's memory.
    """
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    script = textwrap.dedent(
        """
        import os, resource, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        limit = int(sys.argv[1])
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from lossexplorer.mainwindow import MainWindow
        from lossexplorer.style import apply_app_style
        apply_app_style(app)
        w = MainWindow(settings=QSettings(sys.argv[2], QSettings.Format.IniFormat))
        w.show()
        w.model.set_classes(["<img src=/dev/zero>", "<img src=/dev/zero> b", "c"])
        for key in ("probabilities", "logits", "calculation", "readout", "penalty"):
            w.docks[key].raise_()
            app.processEvents()
            w.grab()
        print("OK", w.panels["logits"].cells[0][0].text())
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", script, str(2 * 2**30), str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "OK <img src=/dev/zero>" in result.stdout


def test_names_from_a_shared_file_are_shown_literally(window, tmp_path):
    names = ["<i>cat</i>", "dog & co", "b<sub>1</sub>rd"]
    state = window.model.state()
    state["classes"] = names
    path = tmp_path / "shared.lossx"
    path.write_text(scenarios.dumps(state), encoding="utf-8")
    assert window.open_scenario(str(path))
    probabilities = show_dock(window, "probabilities")
    logits = show_dock(window, "logits")
    assert [mnemonic_text(b.text()) for b in probabilities.true_buttons[:3]] == names
    assert [on_screen(row[0]) for row in logits.cells[:3]] == names
    assert tick_labels(logits.plot) == names


# =================================================== B. no negative zero
def test_numbers_that_round_to_zero_have_no_sign():
    assert fmt_number(-0.0) == "0.000"
    assert fmt_number(-0.0, 2) == "0.00"
    assert fmt_fixed(-0.0, 2) == "0.00"
    assert fmt_fixed(-0.004, 2) == "0.00"  # rounds to zero: no "−0.00"
    assert fmt_fixed(-0.0004, 3) == "0.000"
    assert fmt_fixed(-1.5, 2) == f"{MINUS}1.50"
    assert fmt_fixed(-0.006, 2) == f"{MINUS}0.01"
    assert fmt_fixed(0.0, 0) == "0" and fmt_fixed(-0.4, 0) == "0"
    assert fmt_fixed(-math.inf, 2) == f"{MINUS}∞"
    # fmt_number never rounds a tiny value to 0: it writes its power of ten instead
    assert fmt_number(-1e-9, 2) == f"{MINUS}1.0 × 10⁻⁹"


def test_typing_minus_zero_into_a_logit_shows_no_minus(window):
    logits = show_dock(window, "logits")
    spin = logits.spins[0]
    type_into_spin(spin, "-0")
    assert window.model.logits[0] == 0.0
    assert not math.copysign(1.0, window.model.logits[0]) < 0  # the model holds +0.0
    assert spin.text() == "0.00"
    row = [cell.text() for cell in logits.cells[0]]
    assert row[1] == "0.00" and row[2] == "0.00"
    assert all(no_negative_zero(text) for text in row)


def test_a_logit_that_rounds_to_zero_over_t_shows_no_minus(window):
    logits = show_dock(window, "logits")
    type_into_spin(logits.spins[0], "-0.01")
    type_into_spin(logits.t_spin, "4")
    assert window.model.temperature == 4.0
    assert logits.cells[0][1].text() == f"{MINUS}0.01"
    assert logits.cells[0][2].text() == "0.00"  # −0.0025: not "−0.00"
    calculation = show_dock(window, "calculation")
    assert "-0.0000" not in calculation.code.text()


def test_spin_boxes_write_a_real_minus_and_read_both(window):
    logits = show_dock(window, "logits")
    spin = logits.spins[1]
    window.model.set_logit(1, -1.5)
    assert spin.text() == f"{MINUS}1.50"
    window.model.set_logit(1, -0.004)  # shown to two decimals: 0.00, not −0.00
    assert spin.text() == "0.00"
    type_into_spin(spin, "-2.25")  # the hyphen on the keyboard
    assert window.model.logits[1] == -2.25 and spin.text() == f"{MINUS}2.25"
    spin.lineEdit().selectAll()
    type_characters(spin.lineEdit(), f"{MINUS}3")  # a real minus sign (QTest types ASCII only)
    QTest.keyClick(spin.lineEdit(), Qt.Key.Key_Return)
    assert window.model.logits[1] == -3.0 and spin.text() == f"{MINUS}3.00"


class _NegativeZeroModel(ExplorerModel):
    """A model whose zero probabilities are −0.0, as a file could once carry them."""

    @property
    def probabilities(self):
        probs = np.array(super().probabilities)
        probs[probs == 0.0] = -0.0
        probs.flags.writeable = False
        return probs


def test_the_calculation_never_shows_log_of_negative_zero(qtbot):
    """The display is safe by itself, whatever the model lets through."""
    model = _NegativeZeroModel()
    model.set_probabilities([0.0, 0.5, 0.5])
    model.set_true_class(1)
    panel = CalculationPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    doc = QTextDocument()
    doc.setHtml(panel.steps.text())
    text = doc.toPlainText()
    assert "log(0.000)" in text
    assert no_negative_zero(text), text
    model.set_true_class(0)  # the true class has p = −0.0: the loss is ∞
    doc.setHtml(panel.steps.text())
    text = doc.toPlainText()
    assert f"{MINUS}log(0.000)" in text and "∞" in text
    assert no_negative_zero(text), text


def test_probability_labels_never_show_negative_zero(qtbot):
    from lossexplorer.panels.probabilities import ProbabilitiesPanel

    model = _NegativeZeroModel()
    model.set_probabilities([0.0, 0.5, 0.5])
    panel = ProbabilitiesPanel(model)
    qtbot.addWidget(panel)
    panel.show()
    assert [label.toPlainText() for label in panel.value_labels[:3]] == ["0.00", "0.50", "0.50"]


# ============================================ C. names of up to 24 characters
def test_a_24_emoji_name_is_shown_whole_and_return_changes_nothing(window):
    name = "🐱" * 24  # 24 characters, 48 UTF-16 units
    model = window.model
    model.set_class_name(0, name)
    probabilities = show_dock(window, "probabilities")
    edit = probabilities.name_edits[0]
    assert edit.text() == name
    steps = window.history.stack.count()
    edit.setFocus()
    edit.end(False)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert model.classes[0] == name
    assert window.history.stack.count() == steps


def test_typing_emoji_stops_at_24_characters(window):
    probabilities = show_dock(window, "probabilities")
    edit = probabilities.name_edits[1]
    edit.setFocus()
    edit.selectAll()
    type_characters(edit, "🐶" * 30)
    assert edit.text() == "🐶" * 24
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert window.model.classes[1] == "🐶" * 24
    edit.selectAll()
    edit.insert("x" * 40)  # a paste: cut to the limit, as before
    assert edit.text() == "x" * 24


# =========================================== D. one gesture, one undo step
def _handle_centre(slider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()


def _drag_slider(slider, dx, steps=15, button=LEFT, start=None):
    p0 = _handle_centre(slider) if start is None else start
    send_mouse(slider, QEvent.Type.MouseButtonPress, p0, button, button)
    for i in range(1, steps + 1):
        p = QPoint(p0.x() + round(dx * i / steps), p0.y())
        send_mouse(slider, QEvent.Type.MouseMove, p, NO_BUTTON, button)
    send_mouse(slider, QEvent.Type.MouseButtonRelease, p, button, NO_BUTTON)


def test_dragging_the_temperature_slider_is_one_undo_step(window):
    logits = show_dock(window, "logits")
    slider = logits.t_slider
    seen = []
    window.model.changed.connect(lambda: seen.append(window.model.temperature))
    steps = window.history.stack.count()
    _drag_slider(slider, slider.width() // 3, steps=15)
    assert len(seen) > 5  # the temperature followed the mouse all the way
    assert window.model.temperature > 1.5
    assert window.history.stack.count() == steps + 1
    window.undo_action.trigger()
    assert window.model.temperature == 1.0
    assert logits.t_spin.text() == "1.00"


def test_a_middle_button_drag_of_the_y_slider_is_one_undo_step(qtbot):
    """Fusion's middle button jumps the handle on press, before ``sliderPressed``."""
    model = ExplorerModel()
    history = History(model)
    panel = BinaryLossPanel(model)
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    qtbot.waitExposed(panel)
    slider = panel.y_slider
    start = QPoint(slider.width() // 2, slider.height() // 2)
    _drag_slider(
        slider, -slider.width() // 4, steps=8, button=Qt.MouseButton.MiddleButton, start=start
    )
    assert model.y < 0.4
    assert history.stack.count() == 1


def test_confidently_wrong_start_is_one_change_and_one_undo_step(qtbot):
    model = ExplorerModel()
    model.set_state({"z": 2.0, "y": 0.0})
    history = History(model)
    panel = RacePanel(model)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    emitted = []
    model.changed.connect(lambda: emitted.append(model.state()))
    qtbot.mouseClick(panel.scenario_button, Qt.MouseButton.LeftButton)
    assert (model.z, model.y) == (-6.0, 1.0)
    assert len(emitted) == 1
    assert history.stack.count() == 1
    history.stack.undo()
    assert (model.z, model.y) == (2.0, 0.0)
    assert panel.steps_taken == 0 and panel.mse_trajectory[0] == 2.0


# ===================================================== E. logits at the limits
def test_logit_spin_boxes_cover_the_models_range(window):
    logits = show_dock(window, "logits")
    for spin in logits.spins:
        assert (spin.minimum(), spin.maximum()) == (-LOGIT_LIMIT, LOGIT_LIMIT)
        assert spin.decimals() == 2
    window.model.set_logits([LOGIT_LIMIT, -LOGIT_LIMIT, 0.0])
    assert [spin.value() for spin in logits.spins[:3]] == [LOGIT_LIMIT, -LOGIT_LIMIT, 0.0]
    assert logits.spins[0].text() == "10000.00"
    assert logits.spins[1].text() == f"{MINUS}10000.00"


def test_logit_spin_boxes_never_clamp_what_the_model_holds(window):
    """At T = 20 a probability of 0 needs a logit far below the others."""
    logits = show_dock(window, "logits")
    model = window.model
    model.set_temperature(20.0)
    model.set_probability(0, 1.0)
    assert model.probabilities[1] == 0.0
    for spin, logit in zip(logits.spins, model.logits, strict=False):
        assert spin.value() == pytest.approx(logit, abs=0.005)  # shown, not cut at the range


@pytest.mark.parametrize("limit", [LOGIT_LIMIT, -LOGIT_LIMIT])
def test_a_key_on_a_logit_bar_at_the_limit_does_nothing(window, limit):
    model = window.model
    logits = show_dock(window, "logits")
    model.set_logit(0, limit)
    before = model.state()
    steps = window.history.stack.count()
    focus_bars(logits, 0)
    outward = Qt.Key.Key_Up if limit > 0 else Qt.Key.Key_Down
    press(logits, outward)
    press(logits, outward, Qt.KeyboardModifier.ShiftModifier)
    assert model.state() == before
    assert window.history.stack.count() == steps
    inward = Qt.Key.Key_Down if limit > 0 else Qt.Key.Key_Up
    press(logits, inward)
    assert model.logits[0] == pytest.approx(limit - math.copysign(0.1, limit))


def test_a_shift_key_near_the_limit_stops_at_the_limit(window):
    model = window.model
    logits = show_dock(window, "logits")
    model.set_logit(2, LOGIT_LIMIT - 0.5)
    focus_bars(logits, 2)
    press(logits, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)  # +1 would pass it
    assert model.logits[2] == LOGIT_LIMIT


@pytest.mark.parametrize(("p", "key"), [(1.0, Qt.Key.Key_Up), (0.0, Qt.Key.Key_Down)])
def test_a_key_on_a_probability_bar_at_0_or_1_does_nothing(window, p, key):
    model = window.model
    probabilities = show_dock(window, "probabilities")
    model.set_probability(0, p)
    before = model.state()
    steps = window.history.stack.count()
    focus_bars(probabilities, 0)
    press(probabilities, key)
    press(probabilities, key, Qt.KeyboardModifier.ShiftModifier)
    assert model.state() == before
    assert window.history.stack.count() == steps


def test_the_shortcut_helper_reads_buttons_as_qt_does():
    assert mnemonic_text("R&&D") == "R&D"
    assert mnemonic_text("&Open") == "Open"
    assert QKeySequence.mnemonic("R&&D").isEmpty()
