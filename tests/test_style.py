"""The code stays ruff-clean (lint and format); the look holds up in presentation mode."""

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton

from lossexplorer import style

ROOT = Path(__file__).resolve().parent.parent


def ruff(*args):
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_check():
    r = ruff("check", ".")
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_format():
    r = ruff("format", "--check", ".")
    assert r.returncode == 0, r.stdout + r.stderr


# ---------------------------------------------------------- presentation look
def _pixels(widget) -> np.ndarray:
    """The widget's pixels as grabbed (red, green, blue)."""
    QApplication.processEvents()
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(height, image.bytesPerLine())
    return rows[:, : 4 * width].reshape(height, width, 4)[:, :, 2::-1].astype(int)


def _darkest(widget) -> int:
    """The darkest pixel of ``widget`` (its text, on a white button)."""
    return int(_pixels(widget).max(axis=2).min())


@pytest.fixture
def presenting(window):
    """The window, wide, in the binary lesson; presentation mode is left after the test."""
    window.resize(1920, 1080)
    window.arrange("binary")
    QApplication.processEvents()
    yield window
    window.set_presentation(False)


def test_disabled_buttons_look_disabled_in_presentation_mode(presenting):
    window = presenting
    window.set_presentation(True)
    QApplication.processEvents()
    palette = QApplication.palette()
    roles = (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text)
    for role in roles:
        assert palette.color(QPalette.ColorGroup.Active, role).name() == "#000000"
        assert 0x60 <= palette.color(QPalette.ColorGroup.Disabled, role).lightness() <= 0xB0
    race = window.panels["race"]
    assert race.play_button.isEnabled() and not race.pause_button.isEnabled()
    redo = window.toolbar.widgetForAction(window.redo_action)
    lesson = window.toolbar.widgetForAction(window.lesson_actions["multiclass"])
    assert redo.isVisible() and not redo.isEnabled() and lesson.isEnabled()
    for enabled, disabled in ((race.play_button, race.pause_button), (lesson, redo)):
        assert _darkest(enabled) <= 0x30  # black text
        assert _darkest(disabled) >= 0x60, disabled.text()  # grey, not black


def _indicator(button) -> tuple[int, int]:
    """Width and height of ``button``'s check box or radio indicator, as laid out and as drawn."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if button.autoExclusive()
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    laid_out = button.style().subElementRect(element, option, button)
    ink = _pixels(button).max(axis=2) < 200  # the indicator's outline and mark
    columns = np.flatnonzero(ink.any(axis=0))
    gaps = np.flatnonzero(np.diff(columns) > 1)  # the first gap ends the indicator
    first, last = columns[0], columns[gaps[0]] if gaps.size else columns[-1]
    drawn = ink[:, first : last + 1]
    rows = np.flatnonzero(drawn.any(axis=1))
    assert last - first + 1 >= laid_out.width() - 1, "drawn to the size it is laid out at"
    return max(laid_out.width(), laid_out.height()), max(last - first + 1, rows[-1] - rows[0] + 1)


def _boxes(window):
    window.arrange("binary")
    binary = window.panels["binary_loss"]
    window.arrange("multiclass")
    probabilities = window.panels["probabilities"]
    QApplication.processEvents()
    return {"check box": binary.grad_check, "radio button": probabilities.true_buttons[0]}


@pytest.mark.parametrize("scale", [1.4, 1.6, 2.0])
def test_check_boxes_and_radio_buttons_grow_with_the_presentation_scale(presenting, scale):
    window = presenting
    normal = {name: _indicator(button) for name, button in _boxes(window).items()}
    window.set_presentation_scale(scale)
    window.set_presentation(True)
    big = {name: _indicator(button) for name, button in _boxes(window).items()}
    for name in normal:
        (laid_out, drawn), (big_laid_out, big_drawn) = normal[name], big[name]
        assert big_laid_out >= scale * laid_out, (name, laid_out, big_laid_out)
        assert big_drawn >= math.floor(scale * drawn), (name, drawn, big_drawn)
    window.set_presentation(False)
    assert {name: _indicator(button) for name, button in _boxes(window).items()} == normal


def test_the_normal_look_has_no_python_style_in_the_way(presenting):
    """The bigger indicators cost a style written in Python: only while the scale is not 1."""
    window = presenting
    assert not isinstance(QApplication.style(), style.ScaledStyle)
    window.set_presentation(True)
    assert isinstance(QApplication.style(), style.ScaledStyle)
    window.set_presentation(False)
    assert not isinstance(QApplication.style(), style.ScaledStyle)
