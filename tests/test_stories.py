"""Guided stories: the built-in stories driven with the clicker's keys, authoring, files."""

import json
import re

import numpy as np
import pytest
from fit_check import problems
from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt
from PySide6.QtGui import QRawFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QDockWidget,
    QLineEdit,
    QTabBar,
    QToolBar,
)
from qt_helpers import drag, viewport_point

from lossexplorer import app, i18n, losses, stories, style, training
from lossexplorer.parts import training as training_part
from lossexplorer.stories import STATE_KEYS, TRAINING_KEYS

K = Qt.Key
NEXT = (K.Key_PageDown, K.Key_Right, K.Key_Space, K.Key_Return, K.Key_Enter)


def settle(qtbot, ms=20):
    qtbot.wait(ms)
    QApplication.processEvents()


def fmt(value, digits):
    return f"{value:.{digits}f}"


# What each step must show, from losses.py: (the model's numbers, the numbers its caption
# quotes).  Both captions (English and Chinese) quote the same numbers.
def multiclass_expected():
    nl = losses.negative_log
    seed = ([0.7, 0.2, 0.1], [fmt(nl(0.7), 3)])  # 0.357
    probs = losses.softmax(np.array([2.1, 0.5, -1.0]))
    pytorch_probs = " / ".join(fmt(p, 2) for p in probs)  # 0.80 / 0.16 / 0.04
    return [
        (seed[0], ["0.7", "0.2", "0.1", "0.357"]),
        (seed[0], ["[1, 0, 0]"]),
        (seed[0], ["0.357"]),
        (0.99, ["0.99", fmt(nl(0.99), 2)]),  # 0.01
        (0.5, [fmt(nl(0.5), 2)]),  # 0.69
        (0.1, [fmt(nl(0.1), 2)]),  # 2.30
        (0.01, [fmt(nl(0.01), 2)]),  # 4.61
        ([0.1, 0.8, 0.1], ["0.1 / 0.8 / 0.1", fmt(nl(0.1), 3)]),  # 2.303
        (0.9, [fmt(losses.linear_penalty(0.9), 2), fmt(nl(0.9), 2)]),  # 0.10, 0.11
        ([0.1, 0.8, 0.1], [fmt(losses.linear_penalty(0.1), 2), fmt(nl(0.1), 2)]),  # 0.90, 2.30
        ("logits", ["[2.1, 0.5, −1.0]", pytorch_probs, "0.7 / 0.2 / 0.1"]),
        ("logits", [f"−log {fmt(probs[0], 2)} = {fmt(nl(probs[0]), 2)}"]),  # −log 0.80 = 0.22
        (seed[0], []),
    ]


def binary_expected():
    def n(f, z, y, digits=3):
        return fmt(abs(float(f(z, y))), digits)

    ce_steps, mse_steps = race_arrivals()
    return [
        ((0.0, 1.0), ["z = 0", f"ŷ = {float(losses.sigmoid(0.0)):g}"]),  # 0.5
        ((0.0, 1.0), ["½(y − σ(z))²", "y = 1", "−1", " 1"]),
        ((0.0, 0.0), ["0"]),
        ((-6.0, 1.0), ["z = −6", fmt(float(losses.sigmoid(-6.0)), 3)]),  # ŷ 0.002
        ((-6.0, 1.0), [n(losses.mse_grad, -6, 1), n(losses.binary_cross_entropy_grad, -6, 1)]),
        ((-6.0, 1.0), ["−log ŷ", n(losses.binary_cross_entropy, -6, 1)]),  # 6.002
        (
            (2.0, 0.0),
            [
                "−log(1 − ŷ)",
                fmt(float(losses.sigmoid(2.0)), 2),  # 0.88
                n(losses.binary_cross_entropy, 2.0, 0.0, 2),
            ],
        ),  # 2.13
        ((-6.0, 1.0), ["−[y log ŷ + (1 − y) log(1 − ŷ)]"]),
        ((-6.0, 1.0), ["z = −6", str(ce_steps), str(mse_steps)]),  # 17, 497
    ]


def race_arrivals():
    """The race panel's arrival steps from z = −6, y = 1, η = 1 (|y − σ(z)| < 0.1)."""
    out = []
    for grad in (losses.binary_cross_entropy_grad, losses.mse_grad):
        z = np.asarray(losses.gradient_descent(grad, -6.0, 1.0, 1.0, 2000))
        out.append(int(np.nonzero(np.abs(1.0 - losses.sigmoid(z)) < 0.1)[0][0]))
    return out


def fit_runs(preset="separable blobs", model="logistic", scale=1.0, steps=0):
    """Both runs of the training lesson's setup, ``steps`` steps of ``training.fit``."""
    points, t = training.make_dataset(preset, training_part.DEFAULT_POINTS, training_part.SEED)
    setup = training_part.Setup(points, t, model, "confidently wrong", scale, 0.3)
    params, _note = training_part.start_parameters(setup)
    runs = {}
    for loss in training.LOSSES:
        kw = dict(loss=loss, learning_rate=0.3, steps=steps)
        if model == "hidden":
            runs[loss] = training.fit_hidden(points, t, params=params, **kw)
        else:
            runs[loss] = training.fit(points, t, weights=params.weights, bias=params.bias, **kw)
    return runs


def reach(run):
    return training.steps_to_accuracy(run.accuracy, 0.9)


def percent(run, step):
    return fmt(100 * run.accuracy[step], 0)


def training_expected():
    """(the setup and step, the numbers its caption quotes) for each step, from training.fit."""
    long = fit_runs(steps=300)
    ce, mse = long["ce"], long["mse"]
    assert (reach(ce), reach(mse)) == (6, 267)  # the story's race at learning rate 0.3
    assert ce.accuracy[10] == 1 and mse.accuracy[10] == 0 and mse.accuracy[200] == 0
    large = fit_runs(scale=3.0, steps=1000)
    assert reach(large["mse"]) is None and large["mse"].accuracy[1000] == 0
    bent = fit_runs("xor", "hidden", steps=100)
    assert bent["ce"].accuracy[100] == 1 and bent["mse"].accuracy[100] == 0.5
    blobs = ("separable blobs", "logistic", 1.0)
    return [
        ((*blobs, 0), [str(training_part.DEFAULT_POINTS)]),
        ((*blobs, 0), ["6", percent(ce, 0), percent(mse, 0)]),  # z = −6, 0%
        ((*blobs, 10), ["10", "0.3", "90", str(reach(ce)), str(reach(mse))]),  # MSE "none"
        ((*blobs, 50), [fmt(ce.grad_norm[0], 2), fmt(mse.grad_norm[0], 3)]),  # 1.98, 0.008
        ((*blobs, 200), ["200", percent(mse, 200), fmt(mse.grad_norm[200], 3)]),  # 0.035
        (("separable blobs", "logistic", 3.0, 1000),
         ["3", str(reach(large["ce"])), "1000", percent(large["mse"], 1000)]),  # 17, 0%
        (("xor", "hidden", 1.0, 100),
         [str(training_part.HIDDEN_UNITS), str(reach(bent["ce"])), percent(bent["mse"], 100)]),
        ((*blobs, 300), []),
    ]  # fmt: skip


EXPECTED = {
    "multiclass": multiclass_expected,
    "binary": binary_expected,
    "training": training_expected,
}


def check_step_numbers(window, key, index, lang):
    """The model holds the seed's numbers for this step and the caption quotes them."""
    m = window.model
    model_numbers, quoted = EXPECTED[key]()[index]
    caption = window.stories.caption_text().replace("\u00a0", " ")  # no-break spaces
    for text in quoted if key != "training" else ():
        assert text in caption, (key, index + 1, lang, text, caption)
    if key == "training":
        numbers = re.findall(r"\d+(?:\.\d+)?", caption)
        for text in quoted:
            assert text in numbers, (key, index + 1, lang, text, caption)
        check_training_runs(m, *model_numbers)
    elif key == "multiclass":
        if model_numbers == "logits":
            assert list(m.logits) == [2.1, 0.5, -1.0]
            np.testing.assert_allclose(m.probabilities, losses.softmax(m.logits), rtol=1e-15)
        elif isinstance(model_numbers, list):
            np.testing.assert_allclose(m.probabilities, model_numbers, rtol=1e-15)
        else:
            assert m.p_true == pytest.approx(model_numbers, rel=1e-15)
        assert m.true_class == 0 and m.classes == ("cat", "dog", "bird")
        readout = window.panels.get("readout")
        if readout is not None and readout.is_on_screen():  # what the class reads
            assert readout.values["ce"].text() == fmt(m.cross_entropy, 3)
    else:
        assert (m.z, m.y) == model_numbers


def check_training_runs(m, preset, model, scale, step):
    """The model's runs are ``training.fit``'s runs of this setup, at this step, bit for bit."""
    part = m.training
    points, t = training.make_dataset(preset, training_part.DEFAULT_POINTS, training_part.SEED)
    assert np.array_equal(part.X, points) and np.array_equal(part.labels, t)
    assert (part.setup.model, part.setup.start, part.setup.scale) == (
        model,
        "confidently wrong",
        scale,
    )
    assert part.setup.learning_rate == 0.3 and part.step == step and not part.playing
    runs = fit_runs(preset, model, scale, step)
    for loss, run in runs.items():
        np.testing.assert_array_equal(part.run(loss).curves[1], run.accuracy)
        np.testing.assert_array_equal(part.run(loss).curves[2], run.grad_norm)
        assert training_part.flat(part.run(loss).params).tolist() == (
            training_part.flat(run.params).tolist()
        )
    if step == 0:  # the confidently wrong start: both maps the same
        assert m.state()["training_weights_ce"] == m.state()["training_weights_mse"]


def caption_language_ok(caption, lang):
    has_cjk = any(i18n.is_cjk(c) for c in caption)
    return has_cjk if lang == "zh_CN" else not has_cjk


def shown(window):
    """Everything a step sets: the model, the views, the spotlight, the caption, the progress."""
    band = window.stories.band
    return (
        window.model.state(),
        window.model.display.views(),
        window.model.display.spotlight,
        window.lesson,
        band.caption.text(),
        band.progress.text(),
    )


def state_of(step):
    return {k: step.state[k] for k in STATE_KEYS + TRAINING_KEYS if k in step.state}


def model_state(window, step=None):
    """The model's state in the fields ``step`` holds (the multi-class and binary ones if None)."""
    state = window.model.state()
    keys = STATE_KEYS if step is None else [k for k in state if k in step.state]
    return {k: state[k] for k in keys}


def focus_something(window, qtbot, n):
    """Give the keyboard focus to some widget on screen: a number box, a plot, a button."""

    def on_screen(w):  # shown, and its dock not behind another tab
        dock = w
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        in_front = dock is None or not dock.visibleRegion().isEmpty()
        return w.isVisible() and w.isEnabled() and in_front

    spins = [s for s in window.findChildren(QAbstractSpinBox) if on_screen(s)]
    plots = [p.plot for p in window.panels.values() if hasattr(p, "plot") and on_screen(p.plot)]
    focusable = (Qt.FocusPolicy.StrongFocus, Qt.FocusPolicy.TabFocus)
    buttons = [
        b
        for b in window.findChildren(QAbstractButton)
        if on_screen(b) and b.focusPolicy() in focusable
    ]
    pool = (spins, plots, buttons)[n % 3] or spins or plots or buttons or [window]
    widget = pool[n % len(pool)]
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=1000)
    return QApplication.focusWidget()


def is_text_box(widget):
    return isinstance(widget, (QLineEdit, QAbstractSpinBox))


@pytest.fixture
def shown_window(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    yield window
    window.set_language("en")


# ------------------------------------------------------------------ the built-in stories
def test_the_built_in_stories_tell_each_seed_in_eight_steps_or_more():
    for key in stories.BUILT_IN:
        story = stories.builtin(key)
        assert len(story.steps) >= 8
        assert len(story.steps) == len(EXPECTED[key]())
        for step in story.steps:
            for lang in stories.LANGUAGES:
                caption = step.caption[lang]
                assert caption_language_ok(caption, lang), caption
                sentences = caption.count(". ") + caption.count("。") + caption.endswith(".")
                assert 1 <= sentences <= 3, caption
    # seed 000's PyTorch step is honest about the seed's "like 0.7 / 0.2 / 0.1"
    honest = stories.builtin("multiclass").steps[10].caption
    assert "not" in honest["en"] and "并不是" in honest["zh_CN"]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("key", ["multiclass", "binary", "training"])
def test_keys_drive_each_story_whatever_has_the_focus(shown_window, qtbot, key, lang):
    window = shown_window
    window.set_language(lang)
    window.story_actions[key].trigger()
    settle(qtbot)
    story = window.stories.story
    n = len(story.steps)
    previous = None
    used_spin_box = False
    for i in range(n):
        assert window.stories.index == i
        step = story.steps[i]
        assert model_state(window, step) == state_of(step)  # exactly, bit for bit
        assert window.model.display.views() == dict(step.views)
        assert window.model.display.spotlight == step.spotlight
        assert window.lesson == step.lesson
        caption = window.stories.caption_text()
        assert caption == step.caption[lang] and caption_language_ok(caption, lang)
        assert window.stories.band.progress.text() == f"{i + 1} / {n}"
        check_step_numbers(window, key, i, lang)
        now = shown(window)
        if previous is not None:  # PageUp returns to exactly the previous step
            QTest.keyClick(focus_something(window, qtbot, i + 1), K.Key_PageUp)
            assert shown(window) == previous and window.stories.index == i - 1
            QTest.keyClick(focus_something(window, qtbot, i + 2), K.Key_PageDown)
            assert shown(window) == now
        previous = now
        focus = focus_something(window, qtbot, i)
        key_pressed = K.Key_PageDown if is_text_box(focus) else NEXT[i % len(NEXT)]
        used_spin_box |= isinstance(focus, QAbstractSpinBox)
        QTest.keyClick(focus, key_pressed)
        settle(qtbot, 1)
    assert used_spin_box
    assert window.stories.index == n - 1  # the last step stays
    plot = focus_something(window, qtbot, 1)  # Home and End stay a number box's
    assert not is_text_box(plot)
    QTest.keyClick(plot, K.Key_Home)
    first = story.steps[0]
    assert window.stories.index == 0 and model_state(window, first) == state_of(first)
    QTest.keyClick(QApplication.focusWidget(), K.Key_End)
    assert window.stories.index == n - 1
    QTest.keyClick(QApplication.focusWidget(), K.Key_Escape)
    assert not window.stories.playing and window.stories.band is None


def test_a_training_step_stops_the_runs_a_teacher_set_playing(shown_window, qtbot):
    window = shown_window
    window.story_actions["training"].trigger()
    window.stories.show_step(2)  # ten steps in
    settle(qtbot)
    step = window.stories.story.steps[2]
    play = window.panels["training_controls"].findChild(QAbstractButton, "play")
    QTest.mouseClick(play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.model.training.step > 12, timeout=5000)
    assert model_state(window, step) != state_of(step)
    QTest.keyClick(QApplication.focusWidget() or window, K.Key_PageDown)
    assert not window.model.training.playing
    following = window.stories.story.steps[3]
    settle(qtbot, 100)  # the clock ticked on: it would have moved the runs
    assert model_state(window, following) == state_of(following)
    QTest.keyClick(QApplication.focusWidget() or window, K.Key_PageUp)
    assert model_state(window, step) == state_of(step)


def test_a_focused_spin_box_gives_the_story_page_up_and_down_and_keeps_its_arrows(
    shown_window, qtbot
):
    window = shown_window
    window.story_actions["binary"].trigger()
    settle(qtbot)
    spin = window.panels["sigmoid"].spin
    spin.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is spin, timeout=1000)
    spin.lineEdit().setCursorPosition(0)
    QTest.keyClick(spin, K.Key_Right)  # the box's: the cursor moves, the story stays
    assert window.stories.index == 0 and spin.lineEdit().cursorPosition() == 1
    QTest.keyClick(spin, K.Key_PageDown)  # the story's: the box does not page its value
    assert window.stories.index == 1 and window.model.z == 0.0
    QTest.keyClick(spin, K.Key_PageUp)
    assert window.stories.index == 0 and window.model.z == 0.0
    QTest.keyClick(spin, K.Key_Escape)
    assert not window.stories.playing
    QTest.keyClick(spin, K.Key_PageUp)  # the story has gone: PageUp is the box's again
    assert window.model.z != 0.0


def test_typing_in_a_class_name_mid_story_keeps_space_and_arrows(shown_window, qtbot):
    window = shown_window
    window.story_actions["multiclass"].trigger()
    settle(qtbot)
    window.docks["probabilities"].raise_()
    settle(qtbot)
    edit = window.panels["probabilities"].findChildren(QLineEdit)[0]
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=1000)
    edit.selectAll()
    QTest.keyClicks(edit, "a cat")
    QTest.keyClick(edit, K.Key_Left)
    QTest.keyClick(edit, K.Key_Home)
    assert edit.text() == "a cat" and edit.cursorPosition() == 0
    assert window.stories.index == 0
    QTest.keyClick(edit, K.Key_PageDown)
    assert window.stories.index == 1


def test_the_blank_screen_keeps_every_key_and_menus_keep_theirs(shown_window, qtbot):
    window = shown_window
    window.story_actions["multiclass"].trigger()
    settle(qtbot)
    window.model.display.set_blank("black")
    settle(qtbot)
    QTest.keyClick(QApplication.focusWidget(), K.Key_PageDown)  # brings the lesson back only
    assert window.model.display.blank is None and window.stories.index == 0
    QTest.keyClick(QApplication.focusWidget(), K.Key_PageDown)
    assert window.stories.index == 1


def test_switching_language_mid_story_changes_the_caption_at_once(shown_window, qtbot):
    window = shown_window
    window.story_actions["binary"].trigger()
    window.stories.next()
    step = window.stories.step
    window.language_actions["zh_CN"].trigger()  # the menu, no event processed in between
    assert window.stories.caption_text() == step.caption["zh_CN"]
    window.set_language("en")  # as --lang and the settings do it
    assert window.stories.caption_text() == step.caption["en"]
    assert window.stories.band.next_button.toolTip().startswith("Next step")


# ----------------------------------------------------------------------------- undo
def test_ctrl_z_mid_story_undoes_the_drag_not_the_step(shown_window, qtbot):
    window = shown_window
    window.model.set_temperature(2.0)  # an edit before the story: on the undo stack
    assert window.history.stack.canUndo()
    window.story_actions["multiclass"].trigger()
    settle(qtbot)
    window.stories.last()  # step 13: the seed's 0.7 / 0.2 / 0.1, bars on screen
    settle(qtbot)
    step = window.stories.step
    plot = window.panels["probabilities"].plot
    drag(plot, (0, 0.7), (0, 0.1), steps=8)
    assert window.model.p_true == pytest.approx(0.1)
    QTest.keyClick(plot, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model_state(window) == state_of(step)  # the drag undone, exactly
    assert window.stories.index == len(window.stories.story.steps) - 1
    assert not window.history.stack.canUndo()  # and never past the step
    QTest.keyClick(plot, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model_state(window) == state_of(step)
    QTest.keyClick(
        plot, K.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.model.p_true == pytest.approx(0.1)  # redo brings the drag back
    QTest.keyClick(plot, K.Key_PageUp)  # stepping: the step's own state, again
    assert model_state(window) == state_of(window.stories.step)
    assert not window.history.stack.canUndo() and not window.history.stack.canRedo()


# ------------------------------------------------------------------------ showing
def test_the_band_covers_no_plot_and_its_caption_is_big_in_presentation(shown_window, qtbot):
    window = shown_window
    window.presentation_action.trigger()
    window.story_actions["binary"].trigger()
    settle(qtbot, 60)
    band = window.stories.band
    assert isinstance(band, QToolBar) and band.isVisible()
    scale = window.model.display.scale
    assert scale == 1.6
    assert band.caption.font().pointSizeF() == pytest.approx((style.BASE_POINT_SIZE + 1) * scale)
    assert band.caption.textFormat() == Qt.TextFormat.PlainText
    for step in range(len(window.stories.story.steps)):
        window.stories.first() if step == 0 else window.stories.next()
        settle(qtbot)
        for dock in window.docks.values():
            if dock.isVisible():
                assert not dock.geometry().intersects(band.geometry()), dock.objectName()
    window.presentation_action.trigger()  # the band follows the scale back
    settle(qtbot, 60)
    assert band.caption.font().pointSizeF() == pytest.approx(style.BASE_POINT_SIZE + 1)


def test_a_spotlit_step_stays_spotlit_through_presentation_mode(shown_window, qtbot):
    window = shown_window
    window.story_actions["multiclass"].trigger()
    window.stories.next()  # step 2: the calculation spotlit
    settle(qtbot)
    assert window.model.display.spotlight == "calculation"
    for _ in range(2):  # into presentation mode and out again
        window.presentation_action.trigger()
        settle(qtbot, 80)
        assert window.model.display.spotlight == "calculation"
        shown_docks = [k for k, d in window.docks.items() if d.isVisible()]
        assert shown_docks == ["calculation"]
        ring = window.stories.ring
        assert ring is not None and ring.isVisible()
        assert ring.parentWidget() is window.panels["calculation"]  # the rebuilt panel


def parked(window):
    """Tab bars Qt parks outside the window while a spotlight hides their docks (not shown)."""
    inside = window.rect()
    return {
        f"QTabBar: partly hidden ({t.width()}×{t.height()} px of {t.width()}×{t.height()})"
        for t in window.findChildren(QTabBar)
        if t.isVisible()
        and not QRect(t.mapTo(window, t.rect().topLeft()), t.size()).intersects(inside)
    }


@pytest.mark.parametrize(("size", "lang"), [((1366, 768), "zh_CN"), ((1920, 1080), "en")])
def test_every_step_fits_a_projector_in_presentation_mode(shown_window, qtbot, size, lang):
    window = shown_window
    window.set_language(lang)
    window.resize(*size)
    settle(qtbot, 200)
    window.presentation_action.trigger()
    settle(qtbot, 60)
    for key in stories.BUILT_IN:
        window.story_actions[key].trigger()
        settle(qtbot, 60)
        band = window.stories.band
        # a 1366×768 projector has no height to spare: the band goes down the side
        area = window.toolBarArea(band)
        side = Qt.ToolBarArea.RightToolBarArea
        if key != "training":  # the training lesson's panels fit above a bottom band
            assert (area == side) == (size == (1366, 768)), (key, area)
        for i in range(len(window.stories.story.steps)):
            window.stories.show_step(i)
            settle(qtbot, 30)
            found = [p for p in problems(window) if p not in parked(window)]
            assert found == [], (key, i + 1, found)
            for dock in window.docks.values():  # no dock pushed over the band
                if dock.isVisible() and not dock.isFloating():
                    assert not dock.geometry().intersects(band.geometry()), (key, i + 1)
            assert band.caption.height() >= band.caption.heightForWidth(band.caption.width())
        QTest.keyClick(QApplication.focusWidget() or window, K.Key_Escape)
        settle(qtbot)
        assert (
            window.findChild(QToolBar, "story_band") is None
            or not window.findChild(QToolBar, "story_band").isVisible()
        )


def test_a_step_rings_the_point_it_talks_about(shown_window, qtbot):
    window = shown_window
    window.story_actions["multiclass"].trigger()
    settle(qtbot)
    window.stories.show_step(6)  # p = 0.01 on the penalty curve
    settle(qtbot, 60)
    ring = window.stories.ring
    plot = window.panels["penalty"].plot
    assert ring is not None and ring.isVisible() and ring.parentWidget() is plot.viewport()
    expected = viewport_point(plot, 0.01, float(losses.negative_log(0.01)))
    centre = ring.centre()
    assert abs(centre.x() - expected.x()) <= 1 and abs(centre.y() - expected.y()) <= 1
    window.stories.show_step(0)  # the 0.357 in the readout: a ring just outside the number
    settle(qtbot, 60)
    ring, panel = window.stories.ring, window.panels["readout"]
    label = panel.values["ce"]
    assert ring.parentWidget() is panel and ring.isVisible()
    where = QRect(label.mapTo(panel, label.rect().topLeft()), label.size())
    assert ring.geometry().contains(where) and ring.geometry() != where
    ring_before = ring.geometry()
    window.resize(window.width() - 120, window.height())  # the number moves: the ring follows
    settle(qtbot, 250)
    where = QRect(label.mapTo(panel, label.rect().topLeft()), label.size())
    assert ring.geometry().contains(where) and ring.geometry() != ring_before
    assert plot.viewport().findChild(type(ring)) is None  # the old ring went


def test_a_story_naming_a_widget_this_version_lacks_shows_no_ring(shown_window, qtbot):
    window = shown_window
    step = stories.make_step(
        {"en": "Look"},
        model_state(window),
        "multiclass",
        highlight={"panel": "penalty", "widget": "no_such_widget"},
    )
    window.stories.start(stories.make_story({"en": "t"}, [step]))
    settle(qtbot)
    assert window.stories.playing and window.stories.ring is None


def test_the_command_line_opens_a_story_at_step_one(window, qtbot):
    args = app.build_parser().parse_args(["lossexplorer", "--story", "binary"][1:])
    app._prepare(window, args)
    settle(qtbot)
    assert window.stories.playing and window.stories.index == 0
    assert model_state(window) == state_of(stories.builtin("binary").steps[0])
    assert window.lesson == "binary"
    args = app.build_parser().parse_args(["--story", "training"])
    app._prepare(window, args)
    settle(qtbot)
    first = stories.builtin("training").steps[0]
    assert window.stories.index == 0 and window.lesson == "training"
    assert model_state(window, first) == state_of(first) and TRAINING_KEYS[0] in first.state
    assert window.stories.story.title_in("en") == "Training: MSE vs cross-entropy on real points"
    with pytest.raises(SystemExit):
        app.build_parser().parse_args(["--story", "nonsense"])


# ------------------------------------------------------------------------ authoring
def test_authoring_a_story_and_its_file_round_trip_bit_for_bit(shown_window, qtbot, tmp_path):
    window = shown_window
    m = window.model
    assert not window.story_edit_action.isEnabled()
    window.story_add_action.trigger()  # step 1: the seed example
    m.set_probability(0, 0.25)
    m.set_z(3.5)
    window.model.display.set_view("binary_range", "close")
    window.story_add_action.trigger()  # step 2, after the one shown
    assert window.stories.index == 1 and len(window.stories.story.steps) == 2
    window.model.display.set_spotlight("penalty")
    settle(qtbot)
    window.story_add_action.trigger()  # step 3: the penalty panel spotlit
    assert window.stories.step.spotlight == "penalty"
    window.stories.first()
    assert m.p_true == pytest.approx(0.7) and window.model.display.spotlight is None
    window.story_edit_action.trigger()
    editor = window.stories.editor
    assert editor.list.currentRow() == 0
    editor.texts["en"].setPlainText("<b>Bold?</b> & <i>no</i>: plain text.")
    editor.texts["zh_CN"].setPlainText("这是 <b>纯文本</b>。")
    editor.list.setCurrentRow(1)
    editor.texts["zh_CN"].setPlainText("只有中文。")
    QTest.mouseClick(editor.up_button, Qt.MouseButton.LeftButton)  # step 2 becomes step 1
    editor.list.setCurrentRow(2)
    QTest.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    editor.list.setCurrentRow(0)
    editor.accept()
    settle(qtbot)
    story = window.stories.story
    assert [s.caption for s in story.steps] == [
        {"en": "", "zh_CN": "只有中文。"},
        {"en": "<b>Bold?</b> & <i>no</i>: plain text.", "zh_CN": "这是 <b>纯文本</b>。"},
    ]
    assert window.stories.caption_text() == "只有中文。"  # no English caption: the Chinese one
    window.stories.next()
    caption = window.stories.band.caption
    assert caption.text() == "<b>Bold?</b> & <i>no</i>: plain text."
    assert caption.textFormat() == Qt.TextFormat.PlainText
    text = stories.story_to_json(story)
    path = tmp_path / "story.json"
    path.write_bytes(text.encode("utf-8"))
    again = stories.story_from_json(path.read_bytes().decode("utf-8"))
    assert again == story
    assert stories.story_to_json(again).encode("utf-8") == path.read_bytes()
    window.stories.start(again)  # replayed from the file: the same states
    assert model_state(window) == state_of(story.steps[0])
    assert m.p_true == pytest.approx(0.25) and m.z == 3.5
    assert window.model.display.view("binary_range") == "close"


def test_the_editor_refuses_a_caption_too_long_and_cancel_changes_nothing(shown_window, qtbot):
    window = shown_window
    window.story_actions["binary"].trigger()
    before = window.stories.story
    window.story_edit_action.trigger()
    editor = window.stories.editor
    editor.texts["en"].setPlainText("x" * (stories.MAX_CAPTION + 1))
    editor.accept()
    assert editor.isVisible() and "too long" in editor.problem.text()
    assert editor.problem.textFormat() == Qt.TextFormat.PlainText
    editor.reject()
    assert window.stories.story is before
    window.story_edit_action.trigger()
    editor = window.stories.editor
    for _ in before.steps:
        QTest.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    editor.accept()  # every step deleted: no story any more
    assert window.stories.story is None and not window.stories.playing
    assert not window.story_edit_action.isEnabled()


def test_the_built_in_stories_round_trip_through_json_bit_for_bit():
    for key in stories.BUILT_IN:
        story = stories.builtin(key)
        text = stories.story_to_json(story)
        again = stories.story_from_json(text)
        assert again == story and stories.story_to_json(again) == text
        assert stories.story_from_json("\ufeff" + text) == story  # Notepad's byte-order mark


# ----------------------------------------------------------------- hostile story files
def _base():
    return stories.story_to_data(stories.builtin("multiclass"))


def _set(path, value):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        return data

    return change


def _delete(path):
    def change(data):
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
        return data

    return change


STATE = ("steps", 0, "state")
HOSTILE = [
    ("not a story", lambda d: [d], "must be a mapping"),
    ("wrong format", _set(("format",), "lossexplorer-scenario"), "not a lossexplorer story"),
    ("newer version", _set(("version",), 2), "newer"),
    ("version as text", _set(("version",), "1"), "valid format version"),
    ("unknown top key", _set(("script",), "rm -rf"), "unknown entry"),
    ("steps not a list", _set(("steps",), {"0": 1}), "steps must be a list"),
    ("no steps", _set(("steps",), []), "1 to"),
    ("too many steps", lambda d: {**d, "steps": d["steps"] * 16}, "1 to 200"),
    ("step not a mapping", _set(("steps", 0), "step"), "Step 1"),
    ("unknown step key", _set(("steps", 0, "script"), 1), "unknown entry"),
    ("no caption", _delete(("steps", 0, "caption")), "lacks its caption"),
    ("caption not a mapping", _set(("steps", 0, "caption"), "hi"), "must be a mapping"),
    ("caption in klingon", _set(("steps", 0, "caption", "tlh"), "Qapla'"), "unknown entry"),
    ("caption a number", _set(("steps", 0, "caption", "en"), 3), "must be text"),
    ("caption too long", _set(("steps", 0, "caption", "en"), "x" * 401), "too long"),
    ("caption control", _set(("steps", 0, "caption", "en"), "bell\x07"), "control"),
    ("caption surrogate", _set(("steps", 0, "caption", "en"), "\ud800"), "control"),
    ("title too long", _set(("title", "en"), "t" * 81), "too long"),
    ("unknown lesson", _set(("steps", 0, "lesson"), "chemistry"), "lesson"),
    ("unknown front", _set(("steps", 0, "front"), ["probabilities", "evil"]), "names no panel"),
    ("front twice", _set(("steps", 0, "front"), ["penalty", "penalty"]), "twice"),
    ("front a string", _set(("steps", 0, "front"), "penalty"), "list of panel keys"),
    ("unknown spotlight", _set(("steps", 0, "spotlight"), "../etc"), "names no panel"),
    ("unknown view", _set(("steps", 0, "views", "zoom"), 2), "unknown entry"),
    ("bad view value", _set(("steps", 0, "views", "binary_range"), "huge"), "takes one of"),
    ("view 1 for True", _set(("steps", 0, "views", "gradient_overlay"), 1), "takes one of"),
    ("unknown highlight panel", _set(("steps", 0, "highlight"), {"panel": "x"}), "names no panel"),
    (
        "highlight widget path",
        _set(("steps", 0, "highlight"), {"panel": "penalty", "widget": "a/b"}),
        "object name",
    ),
    (
        "highlight point huge",
        _set(("steps", 0, "highlight"), {"panel": "penalty", "point": [0.5, 1e300]}),
        "within",
    ),
    (
        "highlight point text",
        _set(("steps", 0, "highlight"), {"panel": "penalty", "point": ["a", 1]}),
        "number",
    ),
    ("state missing z", _delete((*STATE, "z")), "lacks z"),
    ("state extra key", _set((*STATE, "password"), 1), "unknown entry"),
    ("z as text", _set((*STATE, "z"), "-6"), "must be a number"),
    ("z too large", _set((*STATE, "z"), 1e5), "between"),
    ("y boolean", _set((*STATE, "y"), True), "must be a number"),
    ("true class boolean", _set((*STATE, "true_class"), False), "whole number"),
    ("true class too big", _set((*STATE, "true_class"), 3), "no class number"),
    ("probabilities not 1", _set((*STATE, "probabilities"), [0.5, 0.2, 0.1]), "add up to 1"),
    ("logits disagree", _set((*STATE, "logits"), [0.0, 0.0, 0.0]), "do not agree"),
    ("too many classes", _set((*STATE, "classes"), list("abcdefgh")), "classes"),
    ("classes a string", _set((*STATE, "classes"), "cat"), "list"),
    ("class name html ok but empty", _set((*STATE, "classes"), ["", "b", "c"]), "non-empty"),
    ("probabilities huge list", _set((*STATE, "probabilities"), [0.0] * 10**4), "at most 16"),
    ("temperature zero", _set((*STATE, "temperature"), 0), "temperature"),
]


@pytest.mark.parametrize(("name", "change", "message"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_story_is_refused_with_a_message(name, change, message):
    text = json.dumps(change(_base()), ensure_ascii=False)
    with pytest.raises(ValueError, match=None) as refused:
        stories.story_from_json(text)
    assert message in str(refused.value), str(refused.value)


def _training_base():
    return stories.story_to_data(stories.builtin("training"))


def _nudged_weight(data):
    data["steps"][2]["state"]["training_weights_ce"][0] += 1e-6
    return data


TRAINING_STATE = ("steps", 2, "state")
HOSTILE_TRAINING = [
    ("step as text", _set((*TRAINING_STATE, "training_step"), "10"), "whole number"),
    ("step boolean", _set((*TRAINING_STATE, "training_step"), True), "whole number"),
    ("step past the cap", _set((*TRAINING_STATE, "training_step"), 10**6), "between 0 and"),
    ("step negative", _set((*TRAINING_STATE, "training_step"), -1), "between 0 and"),
    ("points a string", _set((*TRAINING_STATE, "training_points"), "rm -rf"), "list of"),
    ("no points", _set((*TRAINING_STATE, "training_points"), []), "between 1 and"),
    ("point far away", _set((*TRAINING_STATE, "training_points", 0, 0), 1e9), "between"),
    ("point as text", _set((*TRAINING_STATE, "training_points", 0, 1), "1"), "number"),
    ("label 7", _set((*TRAINING_STATE, "training_points", 0, 2), 7), "label"),
    ("label 0.5", _set((*TRAINING_STATE, "training_points", 0, 2), 0.5), "whole number"),
    ("row of four", _set((*TRAINING_STATE, "training_points", 0), [0, 0, 0, 0]), "[x1, x2"),
    ("unknown model", _set((*TRAINING_STATE, "training_model"), "oracle"), "must be one of"),
    ("unknown start", _set((*TRAINING_STATE, "training_start"), "lucky"), "must be one of"),
    ("scale huge", _set((*TRAINING_STATE, "training_scale"), 1e300), "between"),
    ("learning rate text", _set((*TRAINING_STATE, "training_learning_rate"), "1"), "number"),
    ("weights nudged", _nudged_weight, "do not match its step"),
    ("weights too many", _set((*TRAINING_STATE, "training_weights_mse"), [0.0] * 4), "weights"),
    ("weights a string", _set((*TRAINING_STATE, "training_weights_ce"), "w"), "list of numbers"),
    ("no model", _delete((*TRAINING_STATE, "training_model")), "lacks training_model"),
    ("a step alone", lambda d: _set(("steps", 0, "state", "training_step"), 3)(_base()),
     "lacks training_points"),
    ("unknown training key", _set((*TRAINING_STATE, "training_secret"), 1), "unknown entry"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "change", "message"), HOSTILE_TRAINING, ids=[h[0] for h in HOSTILE_TRAINING]
)
def test_a_hostile_training_field_in_a_step_is_refused(name, change, message):
    text = json.dumps(change(_training_base()), ensure_ascii=False)
    with pytest.raises(ValueError) as refused:
        stories.story_from_json(text)
    assert message in str(refused.value) and "Step " in str(refused.value), str(refused.value)


def test_a_training_step_may_leave_its_weights_out_and_old_steps_hold_none():
    data = _training_base()
    for step in data["steps"]:
        del step["state"]["training_weights_ce"], step["state"]["training_weights_mse"]
    assert stories.story_from_data(data) == stories.builtin("training")  # replayed: the same
    for key in ("multiclass", "binary"):  # the stories of before: no training field, as before
        story = stories.story_from_json(stories.story_to_json(stories.builtin(key)))
        assert all(list(step.state) == list(STATE_KEYS) for step in story.steps)
        data = stories.story_to_data(story)
        assert all(list(step["state"]) == list(STATE_KEYS) for step in data["steps"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "lossexplorer-story", "version": NaN}', "NaN"),
        ('{"format": "lossexplorer-story", "version": Infinity}', "Infinity"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a": "' + "x" * (stories.MAX_JSON + 1) + '"}', "too large"),
        ("{'single': 'quotes'}", "JSON error at line 1"),
        ('{"x": ' + "9" * 5000 + "}", "huge number"),
    ],
)
def test_damaged_story_text_is_refused(text, message):
    with pytest.raises(ValueError) as refused:
        stories.story_from_json(text)
    assert message in str(refused.value)


def test_huge_numbers_in_a_state_are_refused():
    data = _base()
    for value in ("1e400", "-1e400", "1" + "0" * 400):
        text = json.dumps(data).replace('"z": -6.0', f'"z": {value}', 1)
        assert value in text
        with pytest.raises(ValueError, match="Step 1"):
            stories.story_from_json(text)
    text = json.dumps(data).replace('"y": 1.0', '"y": NaN', 1)
    with pytest.raises(ValueError, match="NaN"):
        stories.story_from_json(text)


def test_a_refused_story_changes_nothing_on_screen(shown_window, qtbot):
    window = shown_window
    window.story_actions["binary"].trigger()
    before = shown(window), window.stories.story
    bad = json.dumps(_set((*STATE, "z"), float("1e5"))(_base()))
    with pytest.raises(ValueError):
        window.stories.start(stories.story_from_json(bad))
    assert (shown(window), window.stories.story) == before


# ------------------------------------------------------------------------- fonts
def test_the_bundled_font_has_every_chinese_character_of_the_stories():
    raw = QRawFont(str(i18n.BUNDLED_FONT), 16)
    used = {
        c
        for key in stories.BUILT_IN
        for step in stories.builtin(key).steps
        for c in step.caption["zh_CN"] + stories.builtin(key).title["zh_CN"]
        if i18n.is_cjk(c)
    }
    missing = sorted(c for c in used if not raw.supportsCharacter(ord(c)))
    assert not missing, f"the bundled font lacks {''.join(missing)}: run make_font_subset.py"


def test_leaving_or_closing_leaves_no_band_in_the_saved_layout(window, qtbot, settings):
    window.story_actions["multiclass"].trigger()
    settle(qtbot)
    window.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not window.stories.playing
    assert window.findChild(QToolBar, "story_band") is None
    assert isinstance(window.stories.story, stories.Story)  # kept for saving or playing again


# --------------------------------------------------------------- stories in .lossx files
def test_a_story_saved_in_a_scenario_file_plays_at_home_bit_for_bit(
    shown_window, qtbot, tmp_path, settings
):
    from lossexplorer.mainwindow import MainWindow

    window = shown_window
    window.story_add_action.trigger()
    window.model.set_z(2.5)
    window.story_add_action.trigger()
    window.stories.story = stories.with_caption(window.stories.story, 0, "zh_CN", "第一步")
    path = tmp_path / "lesson.lossx"
    assert window.save_scenario(path)
    saved = path.read_bytes()
    home = MainWindow(settings=settings)  # a student's window
    qtbot.addWidget(home)
    home.show()
    assert home.open_scenario(path)
    assert home.stories.playing and home.stories.index == 0
    assert home.stories.story == window.stories.story
    assert model_state(home) == state_of(window.stories.story.steps[0])
    home.stories.last()  # where the teacher saved it
    assert home.save_scenario(path) and path.read_bytes() == saved  # bit for bit
    home.close()


def test_a_scenario_file_of_version_1_still_opens(window, tmp_path):
    from lossexplorer import scenarios

    path = tmp_path / "old.lossx"
    state = {"probabilities": [0.1, 0.8, 0.1], "true_class": 0}
    path.write_text(json.dumps({"format": scenarios.FORMAT, "version": 1, "state": state}))
    assert window.open_scenario(path)
    assert window.model.p_true == pytest.approx(0.1) and not window.stories.playing


def test_a_scenario_with_a_hostile_story_is_refused_and_changes_nothing(window, tmp_path):
    from lossexplorer import scenarios

    before = window.model.state()
    story = _set((*STATE, "logits"), [0.0, 0.0, 0.0])(_base())
    path = tmp_path / "bad.lossx"
    data = {"format": scenarios.FORMAT, "version": 2, "state": {"z": 3.0}, "story": story}
    path.write_text(json.dumps(data))
    assert not window.open_scenario(path)
    assert "story" in window.last_error and "do not agree" in window.last_error
    assert window.model.state() == before and not window.stories.playing
